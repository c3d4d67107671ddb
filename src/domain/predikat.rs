//! SKP predikat (PermenPANRB 6/2022), best to worst: SB, B, BP, K, SK.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A yearly SKP predikat. The derived order is worst to best, so `SB > B`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Predikat {
    #[serde(rename = "SK")]
    SangatKurang,
    #[serde(rename = "K")]
    Kurang,
    #[serde(rename = "BP")]
    ButuhPerbaikan,
    #[serde(rename = "B")]
    Baik,
    #[serde(rename = "SB")]
    SangatBaik,
}

impl Predikat {
    /// Best first, as the regulation lists them.
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatBaik,
        Predikat::Baik,
        Predikat::ButuhPerbaikan,
        Predikat::Kurang,
        Predikat::SangatKurang,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "SB",
            Predikat::Baik => "B",
            Predikat::ButuhPerbaikan => "BP",
            Predikat::Kurang => "K",
            Predikat::SangatKurang => "SK",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    /// Parse a code or a full name in any case (`SB`, `sangat baik`, `Kurang/Misconduct`, `Misconduct`).
    pub fn parse(s: &str) -> Option<Predikat> {
        let mut k = super::squash(s);
        k.retain(|c| c != '/');
        Some(match k.as_str() {
            "sb" | "sangatbaik" => Predikat::SangatBaik,
            "b" | "baik" => Predikat::Baik,
            "bp" | "butuhperbaikan" => Predikat::ButuhPerbaikan,
            "k" | "kurang" | "misconduct" | "kurangmisconduct" => Predikat::Kurang,
            "sk" | "sangatkurang" => Predikat::SangatKurang,
            _ => return None,
        })
    }

    /// Index 0 (SK) .. 4 (SB).
    pub fn rank(self) -> u8 {
        self as u8
    }

    pub fn from_rank(r: u8) -> Option<Predikat> {
        Predikat::ALL.iter().copied().find(|p| p.rank() == r)
    }
}

impl fmt::Display for Predikat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_sk_k_bp_b_sb() {
        use Predikat::*;
        assert!(SangatKurang < Kurang && Kurang < ButuhPerbaikan);
        assert!(ButuhPerbaikan < Baik && Baik < SangatBaik);
    }

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(Predikat::parse("sb"), Some(Predikat::SangatBaik));
        assert_eq!(Predikat::parse("Sangat Baik"), Some(Predikat::SangatBaik));
        assert_eq!(
            Predikat::parse("BUTUH PERBAIKAN"),
            Some(Predikat::ButuhPerbaikan)
        );
        assert_eq!(Predikat::parse("Kurang/Misconduct"), Some(Predikat::Kurang));
        assert_eq!(Predikat::parse("Misconduct"), Some(Predikat::Kurang));
        assert_eq!(
            Predikat::parse("sangat kurang"),
            Some(Predikat::SangatKurang)
        );
        assert_eq!(Predikat::parse("X"), None);
        assert_eq!(Predikat::parse(""), None);
    }

    #[test]
    fn rank_round_trips() {
        for p in Predikat::ALL {
            assert_eq!(Predikat::from_rank(p.rank()), Some(p));
        }
    }
}
