//! The succession plan (rencana suksesi): successors per key position with
//! their readiness.

use serde::{Serialize, Serializer};

/// How soon a successor could take the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Readiness {
    /// Siap sekarang.
    Now,
    /// Siap dalam 1-2 tahun.
    OneToTwo,
    /// Siap dalam 3 tahun atau lebih.
    ThreePlus,
}

impl Readiness {
    pub const ALL: [Readiness; 3] = [Readiness::Now, Readiness::OneToTwo, Readiness::ThreePlus];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Readiness::Now => "siap_sekarang",
            Readiness::OneToTwo => "1_2_tahun",
            Readiness::ThreePlus => "3_tahun_lebih",
        }
    }

    /// The code, or an alias: `now`, `1-2`, `3+` (any case, `-`/`_`/blank alike).
    pub fn parse(s: &str) -> Option<Readiness> {
        let k = super::squash(s);
        Some(match k.as_str() {
            "siapsekarang" | "sekarang" | "now" | "readynow" | "0" => Readiness::Now,
            "12tahun" | "12" | "12years" | "1to2" => Readiness::OneToTwo,
            "3tahunlebih" | "3+" | "3+tahun" | "3plus" | "3years" | "3" => Readiness::ThreePlus,
            _ => return None,
        })
    }
}

impl Serialize for Readiness {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_aliases() {
        for r in Readiness::ALL {
            assert_eq!(Readiness::parse(r.code()), Some(r));
        }
        assert_eq!(Readiness::parse("1-2"), Some(Readiness::OneToTwo));
        assert_eq!(Readiness::parse("3+"), Some(Readiness::ThreePlus));
        assert_eq!(Readiness::parse("Siap Sekarang"), Some(Readiness::Now));
        assert_eq!(Readiness::parse("soon"), None);
    }
}
