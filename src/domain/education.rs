//! Education levels. D4 and S1 share a level (KKNI 6).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pendidikan {
    Sd,
    Smp,
    Sma,
    D1,
    D2,
    D3,
    D4,
    S1,
    S2,
    S3,
}

impl Pendidikan {
    pub const ALL: [Pendidikan; 10] = [
        Pendidikan::Sd,
        Pendidikan::Smp,
        Pendidikan::Sma,
        Pendidikan::D1,
        Pendidikan::D2,
        Pendidikan::D3,
        Pendidikan::D4,
        Pendidikan::S1,
        Pendidikan::S2,
        Pendidikan::S3,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Pendidikan::Sd => "SD",
            Pendidikan::Smp => "SMP",
            Pendidikan::Sma => "SMA",
            Pendidikan::D1 => "D1",
            Pendidikan::D2 => "D2",
            Pendidikan::D3 => "D3",
            Pendidikan::D4 => "D4",
            Pendidikan::S1 => "S1",
            Pendidikan::S2 => "S2",
            Pendidikan::S3 => "S3",
        }
    }

    /// The level used for `<`, `>`: SD 1 .. S3 9, with D4 and S1 both 7.
    pub fn level(self) -> u8 {
        match self {
            Pendidikan::Sd => 1,
            Pendidikan::Smp => 2,
            Pendidikan::Sma => 3,
            Pendidikan::D1 => 4,
            Pendidikan::D2 => 5,
            Pendidikan::D3 => 6,
            Pendidikan::D4 | Pendidikan::S1 => 7,
            Pendidikan::S2 => 8,
            Pendidikan::S3 => 9,
        }
    }

    /// `SD`, `SMP`/`SLTP`, `SMA`/`SLTA`/`SMK`, `D1`..`D4` (`D-III`, `DIII`), `S1`..`S3` (`S-1`), any case.
    pub fn parse(s: &str) -> Option<Pendidikan> {
        let k = super::squash(s).to_ascii_uppercase();
        Some(match k.as_str() {
            "SD" => Pendidikan::Sd,
            "SMP" | "SLTP" => Pendidikan::Smp,
            "SMA" | "SLTA" | "SMK" => Pendidikan::Sma,
            "D1" | "DI" => Pendidikan::D1,
            "D2" | "DII" => Pendidikan::D2,
            "D3" | "DIII" => Pendidikan::D3,
            "D4" | "DIV" => Pendidikan::D4,
            "S1" => Pendidikan::S1,
            "S2" => Pendidikan::S2,
            "S3" => Pendidikan::S3,
            _ => return None,
        })
    }
}

impl fmt::Display for Pendidikan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Pendidikan {
    /// From the same text `parse` accepts (config files).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Pendidikan::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("'{s}' is not a pendidikan (SD .. S3)"))
        })
    }
}

impl Serialize for Pendidikan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d4_and_s1_are_one_level() {
        assert_eq!(Pendidikan::D4.level(), Pendidikan::S1.level());
        assert_ne!(Pendidikan::D4, Pendidikan::S1);
    }

    #[test]
    fn levels_rise_in_listed_order() {
        let levels: Vec<u8> = Pendidikan::ALL.iter().map(|p| p.level()).collect();
        assert!(levels.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(levels.first(), Some(&1));
        assert_eq!(levels.last(), Some(&9));
    }

    #[test]
    fn parses_aliases() {
        assert_eq!(Pendidikan::parse("SLTA"), Some(Pendidikan::Sma));
        assert_eq!(Pendidikan::parse("sltp"), Some(Pendidikan::Smp));
        assert_eq!(Pendidikan::parse("D-III"), Some(Pendidikan::D3));
        assert_eq!(Pendidikan::parse("S-1"), Some(Pendidikan::S1));
        assert_eq!(Pendidikan::parse("s2"), Some(Pendidikan::S2));
        assert_eq!(Pendidikan::parse("S4"), None);
        assert_eq!(Pendidikan::parse(""), None);
    }
}
