//! Position tiers (tingkat jabatan), top first.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tingkat {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    Fungsional,
}

impl Tingkat {
    /// Top first, as the filter contract lists them.
    pub const ALL: [Tingkat; 7] = [
        Tingkat::JptUtama,
        Tingkat::JptMadya,
        Tingkat::JptPratama,
        Tingkat::Administrator,
        Tingkat::Pengawas,
        Tingkat::Pelaksana,
        Tingkat::Fungsional,
    ];

    /// The filter-language code (`jpt_pratama`).
    pub fn code(self) -> &'static str {
        match self {
            Tingkat::JptUtama => "jpt_utama",
            Tingkat::JptMadya => "jpt_madya",
            Tingkat::JptPratama => "jpt_pratama",
            Tingkat::Administrator => "administrator",
            Tingkat::Pengawas => "pengawas",
            Tingkat::Pelaksana => "pelaksana",
            Tingkat::Fungsional => "fungsional",
        }
    }

    /// The name as HR files write it (`JPT Pratama`).
    pub fn label(self) -> &'static str {
        match self {
            Tingkat::JptUtama => "JPT Utama",
            Tingkat::JptMadya => "JPT Madya",
            Tingkat::JptPratama => "JPT Pratama",
            Tingkat::Administrator => "Administrator",
            Tingkat::Pengawas => "Pengawas",
            Tingkat::Pelaksana => "Pelaksana",
            Tingkat::Fungsional => "Fungsional",
        }
    }

    /// Rank for ordering: 0 for the top tier (JPT Utama) .. 6 (Fungsional).
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// `JPT Pratama`, `jpt_pratama`, `Eselon II`... any case; also the old eselon names.
    pub fn parse(s: &str) -> Option<Tingkat> {
        let k = super::squash(s);
        Some(match k.as_str() {
            "jptutama" | "eselonia" | "eseloni" => Tingkat::JptUtama,
            "jptmadya" | "eselonib" => Tingkat::JptMadya,
            "jptpratama" | "eselonii" | "eseloniia" | "eseloniib" => Tingkat::JptPratama,
            "administrator" | "eseloniii" | "eseloniiia" | "eseloniiib" => Tingkat::Administrator,
            "pengawas" | "eseloniv" | "eselon4" | "eseloniva" | "eselonivb" => Tingkat::Pengawas,
            "pelaksana" | "fungsionalumum" | "jfu" => Tingkat::Pelaksana,
            "fungsional" | "fungsionaltertentu" | "jft" => Tingkat::Fungsional,
            _ => return None,
        })
    }

    pub fn is_jpt(self) -> bool {
        matches!(
            self,
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama
        )
    }
}

impl fmt::Display for Tingkat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Tingkat {
    /// From the same text `parse` accepts (config files).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Tingkat::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{s}' is not a tingkat jabatan (e.g. jpt_pratama, administrator)"
            ))
        })
    }
}

impl Serialize for Tingkat {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_and_codes() {
        for t in Tingkat::ALL {
            assert_eq!(Tingkat::parse(t.label()), Some(t));
            assert_eq!(Tingkat::parse(t.code()), Some(t));
        }
        assert_eq!(Tingkat::parse("JPT PRATAMA"), Some(Tingkat::JptPratama));
        assert_eq!(Tingkat::parse("Eselon III"), Some(Tingkat::Administrator));
        assert_eq!(Tingkat::parse("direktur"), None);
    }

    #[test]
    fn order_is_top_first() {
        assert!(Tingkat::JptUtama.rank() < Tingkat::Administrator.rank());
        assert!(Tingkat::Pengawas.rank() < Tingkat::Pelaksana.rank());
    }
}
