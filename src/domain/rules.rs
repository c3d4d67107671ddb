//! The rules that are readings of ours rather than the regulation's text.
//! Every one is configurable (`[rules]` in the config file) and documented in
//! `docs/domain-rules.md`.

use super::eligibility::EligibilityRules;
use super::jpm::JpmBands;
use super::krs::KrsRules;
use super::nine_box::{box_of, Kinerja, Potensi};
use super::predikat::Predikat;
use super::tier::Tingkat;
use serde::{Deserialize, Serialize};

/// Predikat -> kinerja axis. No official mapping exists; default SB -> di atas,
/// B -> sesuai, BP/K/SK -> di bawah.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KinerjaMap {
    pub sb: Kinerja,
    pub b: Kinerja,
    pub bp: Kinerja,
    pub k: Kinerja,
    pub sk: Kinerja,
}

impl Default for KinerjaMap {
    fn default() -> Self {
        KinerjaMap {
            sb: Kinerja::DiAtas,
            b: Kinerja::Sesuai,
            bp: Kinerja::DiBawah,
            k: Kinerja::DiBawah,
            sk: Kinerja::DiBawah,
        }
    }
}

/// Retirement ages (BUP): PP 11/2017 Pasal 239, and the Laws' ages Pasal 240 keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BupAges {
    /// Administrator, Pengawas, Pelaksana, and fungsional ahli pertama/muda and keterampilan.
    pub administrasi: u32,
    /// JPT (utama, madya, pratama) and fungsional ahli madya.
    pub jpt_and_ahli_madya: u32,
    /// Fungsional ahli utama.
    pub ahli_utama: u32,
    /// Guru, whatever the jenjang (UU 14/2005 Pasal 30 ayat (4), kept by Pasal 240).
    pub guru: u32,
    /// Dosen, whatever the jenjang (UU 14/2005 Pasal 67 ayat (4), kept by Pasal 240).
    pub dosen: u32,
    /// A functional post whose title starts with one of these (any case) is a guru's.
    pub guru_titles: Vec<String>,
    /// ... a dosen's (looked at before `guru_titles`: a Guru Besar is a dosen).
    pub dosen_titles: Vec<String>,
}

impl Default for BupAges {
    fn default() -> Self {
        BupAges {
            administrasi: 58,
            jpt_and_ahli_madya: 60,
            ahli_utama: 65,
            guru: 60,
            dosen: 65,
            guru_titles: vec!["Guru".into()],
            dosen_titles: ["Dosen", "Guru Besar", "Profesor", "Lektor", "Asisten Ahli"]
                .map(String::from)
                .to_vec(),
        }
    }
}

/// Whether `title` starts with `prefix`, ignoring ASCII case and leading blanks.
fn starts_with_folded(title: &str, prefix: &str) -> bool {
    let title = title.trim_start();
    !prefix.is_empty()
        && title
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    pub kinerja: KinerjaMap,
    /// A potential score at or above this is `tinggi` (default 90).
    pub potensi_tinggi_min: f64,
    /// A potential score at or above this (and below tinggi) is `menengah` (default 78).
    pub potensi_menengah_min: f64,
    /// Development hours (JP) a PNS should get each year (default 20).
    pub jp_per_year: u32,
    pub bup: BupAges,
    /// JPM band thresholds (`[rules.jpm]`, see docs/positions.md).
    pub jpm: JpmBands,
    /// Who may be shortlisted (`[rules.eligibility]`, see docs/positions.md).
    pub eligibility: EligibilityRules,
    /// The KRS conditions (Pasal 199) and target ratio (`[rules.krs]`, see docs/positions.md).
    pub krs: KrsRules,
    /// `talenta positions` and the positions screen list holders retiring within
    /// this many years right after the vacant posts (default 2).
    pub retiring_within_years: u32,
    /// Whether the minutes name each member's vote on what a committee vote
    /// recorded (the config's `[committee] named_votes`; default: the tally only).
    #[serde(skip)]
    pub named_votes: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            kinerja: KinerjaMap::default(),
            potensi_tinggi_min: 90.0,
            potensi_menengah_min: 78.0,
            jp_per_year: 20,
            bup: BupAges::default(),
            jpm: JpmBands::default(),
            eligibility: EligibilityRules::default(),
            krs: KrsRules::default(),
            retiring_within_years: 2,
            named_votes: false,
        }
    }
}

impl Rules {
    pub fn kinerja_of(&self, p: Predikat) -> Kinerja {
        match p {
            Predikat::SangatBaik => self.kinerja.sb,
            Predikat::Baik => self.kinerja.b,
            Predikat::ButuhPerbaikan => self.kinerja.bp,
            Predikat::Kurang => self.kinerja.k,
            Predikat::SangatKurang => self.kinerja.sk,
        }
    }

    /// The potensi level of a JPM-style score (0..100) when no kategori is given.
    pub fn potensi_of_score(&self, score: f64) -> Potensi {
        if score >= self.potensi_tinggi_min {
            Potensi::Tinggi
        } else if score >= self.potensi_menengah_min {
            Potensi::Menengah
        } else {
            Potensi::Rendah
        }
    }

    /// The 9-box of a latest predikat and potensi; `None` when either is missing.
    pub fn kotak(&self, latest: Option<Predikat>, potensi: Option<Potensi>) -> Option<u8> {
        Some(box_of(self.kinerja_of(latest?), potensi?))
    }

    /// Retirement age for a tier and position title. A functional post titled
    /// as a dosen's or a guru's takes the Law's age whatever its jenjang
    /// (Pasal 240); otherwise Pasal 239 by tier and the jenjang the title tells.
    pub fn bup_age(&self, tingkat: Tingkat, jabatan: &str) -> u32 {
        // Case-insensitive without a lower-case copy (this runs per candidate).
        let has = |s: &str| super::fold::contains(jabatan, s);
        let titled = |titles: &[String]| titles.iter().any(|t| starts_with_folded(jabatan, t));
        match tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => {
                self.bup.jpt_and_ahli_madya
            }
            Tingkat::Fungsional if titled(&self.bup.dosen_titles) => self.bup.dosen,
            Tingkat::Fungsional if titled(&self.bup.guru_titles) => self.bup.guru,
            Tingkat::Fungsional if has("ahli utama") => self.bup.ahli_utama,
            Tingkat::Fungsional if has("ahli madya") => self.bup.jpt_and_ahli_madya,
            _ => self.bup.administrasi,
        }
    }

    /// Check the values make sense; the message names the offending key.
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=100.0).contains(&self.potensi_menengah_min)
            || !(0.0..=100.0).contains(&self.potensi_tinggi_min)
            || self.potensi_menengah_min > self.potensi_tinggi_min
        {
            return Err(
                "rules.potensi_menengah_min <= rules.potensi_tinggi_min, both 0..100".into(),
            );
        }
        self.jpm.validate()?;
        self.krs.validate()?;
        self.eligibility.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_predikat_mapping() {
        let r = Rules::default();
        assert_eq!(r.kinerja_of(Predikat::SangatBaik), Kinerja::DiAtas);
        assert_eq!(r.kinerja_of(Predikat::Baik), Kinerja::Sesuai);
        for p in [
            Predikat::ButuhPerbaikan,
            Predikat::Kurang,
            Predikat::SangatKurang,
        ] {
            assert_eq!(r.kinerja_of(p), Kinerja::DiBawah);
        }
    }

    #[test]
    fn default_score_bands() {
        let r = Rules::default();
        assert_eq!(r.potensi_of_score(90.0), Potensi::Tinggi);
        assert_eq!(r.potensi_of_score(89.99), Potensi::Menengah);
        assert_eq!(r.potensi_of_score(78.0), Potensi::Menengah);
        assert_eq!(r.potensi_of_score(77.9), Potensi::Rendah);
        assert_eq!(r.potensi_of_score(0.0), Potensi::Rendah);
    }

    #[test]
    fn kotak_needs_both_axes() {
        let r = Rules::default();
        assert_eq!(
            r.kotak(Some(Predikat::SangatBaik), Some(Potensi::Tinggi)),
            Some(9)
        );
        assert_eq!(
            r.kotak(Some(Predikat::Baik), Some(Potensi::Rendah)),
            Some(2)
        );
        assert_eq!(
            r.kotak(Some(Predikat::Kurang), Some(Potensi::Tinggi)),
            Some(6)
        );
        assert_eq!(r.kotak(None, Some(Potensi::Tinggi)), None);
        assert_eq!(r.kotak(Some(Predikat::Baik), None), None);
    }

    #[test]
    fn mapping_is_configurable() {
        let r: Rules = toml::from_str("[kinerja]\nb = \"di_atas\"\n").unwrap();
        assert_eq!(
            r.kotak(Some(Predikat::Baik), Some(Potensi::Tinggi)),
            Some(9)
        );
        assert_eq!(
            r.kinerja.sb,
            Kinerja::DiAtas,
            "unspecified keys keep defaults"
        );
    }

    #[test]
    fn bup_ages() {
        let r = Rules::default();
        assert_eq!(r.bup_age(Tingkat::Pelaksana, "Pengadministrasi Umum"), 58);
        assert_eq!(r.bup_age(Tingkat::Administrator, "Sekretaris Dinas"), 58);
        assert_eq!(r.bup_age(Tingkat::JptPratama, "Kepala Dinas"), 60);
        assert_eq!(
            r.bup_age(Tingkat::Fungsional, "Analis Kebijakan Ahli Madya"),
            60
        );
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Widyaiswara Ahli Utama"), 65);
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Perawat Ahli Muda"), 58);
        assert_eq!(
            r.bup_age(Tingkat::Fungsional, "Pranata Komputer Terampil"),
            58
        );
    }

    #[test]
    fn guru_and_dosen_keep_the_laws_bup_whatever_their_jenjang() {
        let r = Rules::default();
        for t in [
            "Guru Ahli Pertama",
            "guru ahli muda",
            "GURU AHLI UTAMA",
            "Guru Kelas",
        ] {
            assert_eq!(r.bup_age(Tingkat::Fungsional, t), 60, "{t}");
        }
        for t in [
            "Dosen Asisten Ahli",
            "Lektor Kepala",
            "Guru Besar",
            "Asisten Ahli",
        ] {
            assert_eq!(r.bup_age(Tingkat::Fungsional, t), 65, "{t}");
        }
        // Only the start of the title: a Pengawas Sekolah or a Penguji is not a guru.
        assert_eq!(
            r.bup_age(Tingkat::Fungsional, "Pengawas Sekolah Ahli Muda"),
            58
        );
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Pamong Belajar Guru"), 58);
        // A structural post named after a school is not a teaching post.
        assert_eq!(r.bup_age(Tingkat::Pengawas, "Guru Pembina Seksi"), 58);
    }

    #[test]
    fn a_guru_ahli_muda_aged_59_is_not_retiring() {
        use crate::domain::candidate::{tests::sample, Text};
        use chrono::NaiveDate;
        let r = Rules::default();
        let mut c = sample();
        c.tingkat = Tingkat::Fungsional;
        c.jabatan = Text::new("Guru Ahli Muda");
        c.birth = NaiveDate::from_ymd_opt(1967, 3, 10).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        assert_eq!(c.age(on), 59);
        assert_eq!(
            c.retirement(&r),
            NaiveDate::from_ymd_opt(2027, 4, 1).unwrap()
        );
        assert!(c.retirement(&r) > on);
        // A Perawat Ahli Muda of the same age retired at 58.
        c.jabatan = Text::new("Perawat Ahli Muda");
        assert!(c.retirement(&r) <= on);
    }

    #[test]
    fn the_laws_bup_can_be_turned_off_or_extended() {
        let r: Rules = toml::from_str(
            "[bup]\nguru_titles = []\ndosen_titles = [\"Dosen\", \"Widyaiswara\"]\n",
        )
        .unwrap();
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Guru Ahli Muda"), 58);
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Widyaiswara Ahli Muda"), 65);
        assert_eq!(r.bup.guru, 60, "other keys keep defaults");
    }

    #[test]
    fn validate_refuses_crossed_thresholds() {
        let r = Rules {
            potensi_menengah_min: 95.0,
            ..Rules::default()
        };
        assert!(r.validate().is_err());
        assert!(Rules::default().validate().is_ok());
    }
}
