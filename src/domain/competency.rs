//! The nine competencies of PermenPANRB 38/2017: eight managerial and one socio-cultural.

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Competency {
    Integritas,
    KerjaSama,
    Komunikasi,
    OrientasiHasil,
    PelayananPublik,
    PengembanganDiri,
    MengelolaPerubahan,
    PengambilanKeputusan,
    PerekatBangsa,
}

impl Competency {
    pub const ALL: [Competency; 9] = [
        Competency::Integritas,
        Competency::KerjaSama,
        Competency::Komunikasi,
        Competency::OrientasiHasil,
        Competency::PelayananPublik,
        Competency::PengembanganDiri,
        Competency::MengelolaPerubahan,
        Competency::PengambilanKeputusan,
        Competency::PerekatBangsa,
    ];

    /// Index 0..9 into per-employee level arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The code used in files and filters (`orientasi_hasil`).
    pub fn code(self) -> &'static str {
        match self {
            Competency::Integritas => "integritas",
            Competency::KerjaSama => "kerja_sama",
            Competency::Komunikasi => "komunikasi",
            Competency::OrientasiHasil => "orientasi_hasil",
            Competency::PelayananPublik => "pelayanan_publik",
            Competency::PengembanganDiri => "pengembangan_diri",
            Competency::MengelolaPerubahan => "mengelola_perubahan",
            Competency::PengambilanKeputusan => "pengambilan_keputusan",
            Competency::PerekatBangsa => "perekat_bangsa",
        }
    }

    /// The regulation's Indonesian name.
    pub fn name(self) -> &'static str {
        match self {
            Competency::Integritas => "Integritas",
            Competency::KerjaSama => "Kerja Sama",
            Competency::Komunikasi => "Komunikasi",
            Competency::OrientasiHasil => "Orientasi pada Hasil",
            Competency::PelayananPublik => "Pelayanan Publik",
            Competency::PengembanganDiri => "Pengembangan Diri dan Orang Lain",
            Competency::MengelolaPerubahan => "Mengelola Perubahan",
            Competency::PengambilanKeputusan => "Pengambilan Keputusan",
            Competency::PerekatBangsa => "Perekat Bangsa",
        }
    }

    /// The short form used where space is tight (gap lists): `PK` for Pengambilan Keputusan.
    pub fn abbr(self) -> &'static str {
        match self {
            Competency::Integritas => "INT",
            Competency::KerjaSama => "KS",
            Competency::Komunikasi => "KOM",
            Competency::OrientasiHasil => "OH",
            Competency::PelayananPublik => "PP",
            Competency::PengembanganDiri => "PDOL",
            Competency::MengelolaPerubahan => "MP",
            Competency::PengambilanKeputusan => "PK",
            Competency::PerekatBangsa => "PB",
        }
    }

    /// The English alias accepted by the filter language (`decision_making`).
    pub fn english(self) -> &'static str {
        match self {
            Competency::Integritas => "integrity",
            Competency::KerjaSama => "teamwork",
            Competency::Komunikasi => "communication",
            Competency::OrientasiHasil => "results",
            Competency::PelayananPublik => "public_service",
            Competency::PengembanganDiri => "developing_others",
            Competency::MengelolaPerubahan => "managing_change",
            Competency::PengambilanKeputusan => "decision_making",
            Competency::PerekatBangsa => "nation_building",
        }
    }

    /// Managerial (8) or socio-cultural (Perekat Bangsa).
    pub fn is_managerial(self) -> bool {
        self != Competency::PerekatBangsa
    }

    /// A code, the Indonesian name or the English alias, in any case and spacing.
    pub fn parse(s: &str) -> Option<Competency> {
        // The squashed forms of every competency's names, made once.
        static FORMS: std::sync::OnceLock<Vec<(Competency, [compact_str::CompactString; 3])>> =
            std::sync::OnceLock::new();
        let forms = FORMS.get_or_init(|| {
            Competency::ALL
                .into_iter()
                .map(|c| {
                    let f = [c.code(), c.name(), c.english()].map(super::squash);
                    (c, f)
                })
                .collect()
        });
        // The code as exports write it, without folding (millions of rows).
        if let Some(c) = Competency::ALL.into_iter().find(|c| c.code() == s) {
            return Some(c);
        }
        let k = super::squash(s);
        forms.iter().find(|(_, f)| f.contains(&k)).map(|(c, _)| *c)
    }
}

impl fmt::Display for Competency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Competency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_competencies_eight_managerial() {
        assert_eq!(Competency::ALL.len(), 9);
        assert_eq!(
            Competency::ALL.iter().filter(|c| c.is_managerial()).count(),
            8
        );
        for (i, c) in Competency::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
        }
    }

    #[test]
    fn parses_codes_names_and_aliases() {
        for c in Competency::ALL {
            assert_eq!(Competency::parse(c.code()), Some(c));
            assert_eq!(Competency::parse(c.name()), Some(c));
            assert_eq!(Competency::parse(c.english()), Some(c));
            assert_eq!(Competency::parse(&c.name().to_uppercase()), Some(c));
        }
        assert_eq!(
            Competency::parse("Orientasi pada Hasil"),
            Some(Competency::OrientasiHasil)
        );
        assert_eq!(Competency::parse("kepemimpinan"), None);
    }
}
