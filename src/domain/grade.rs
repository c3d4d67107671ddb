//! Golongan/ruang (PNS: I/a .. IV/e) and PPPK golongan (I .. XVII).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Golongan {
    /// PNS golongan `level` (1..=4) and ruang `ruang` (0 = a .. 4 = e).
    Pns { level: u8, ruang: u8 },
    /// PPPK golongan 1..=17.
    Pppk(u8),
}

const ROMAN: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

const PANGKAT: [[&str; 5]; 4] = [
    [
        "Juru Muda",
        "Juru Muda Tingkat I",
        "Juru",
        "Juru Tingkat I",
        "",
    ],
    [
        "Pengatur Muda",
        "Pengatur Muda Tingkat I",
        "Pengatur",
        "Pengatur Tingkat I",
        "",
    ],
    [
        "Penata Muda",
        "Penata Muda Tingkat I",
        "Penata",
        "Penata Tingkat I",
        "",
    ],
    [
        "Pembina",
        "Pembina Tingkat I",
        "Pembina Utama Muda",
        "Pembina Utama Madya",
        "Pembina Utama",
    ],
];

impl Golongan {
    /// Highest ruang letter index for each PNS golongan (I-III end at d, IV at e).
    fn max_ruang(level: u8) -> u8 {
        if level == 4 {
            4
        } else {
            3
        }
    }

    pub fn pns(level: u8, ruang: u8) -> Option<Golongan> {
        ((1..=4).contains(&level) && ruang <= Self::max_ruang(level))
            .then_some(Golongan::Pns { level, ruang })
    }

    /// All PNS grades, lowest first.
    pub fn all_pns() -> impl Iterator<Item = Golongan> {
        (1..=4u8).flat_map(|l| {
            (0..=Self::max_ruang(l)).map(move |r| Golongan::Pns { level: l, ruang: r })
        })
    }

    /// Parse `III/c`, `III.c`, `IIIc`, `III-c`, `III c` (any case) as PNS; `I`..`XVII` (or 1..17) as PPPK.
    pub fn parse(s: &str) -> Option<Golongan> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, '/' | '.' | '-' | ' ' | '_'))
            .collect::<String>()
            .to_ascii_uppercase();
        if t.is_empty() || !t.is_ascii() {
            return None;
        }
        if let Ok(n) = t.parse::<u8>() {
            return (1..=17).contains(&n).then_some(Golongan::Pppk(n));
        }
        // Trailing ruang letter a..e after I..IV.
        let (roman, last) = t.split_at(t.len() - 1);
        let l = last.chars().next()?;
        if ('A'..='E').contains(&l) && !roman.is_empty() {
            let level = match roman {
                "I" => 1,
                "II" => 2,
                "III" => 3,
                "IV" => 4,
                _ => return None,
            };
            return Golongan::pns(level, l as u8 - b'A');
        }
        ROMAN
            .iter()
            .position(|r| *r == t)
            .map(|i| Golongan::Pppk(i as u8 + 1))
    }

    /// Rank among PNS grades (0 = I/a .. 16 = IV/e); `None` for PPPK.
    pub fn pns_rank(self) -> Option<u8> {
        match self {
            Golongan::Pns { level, ruang } => Some((level - 1) * 4 + ruang),
            Golongan::Pppk(_) => None,
        }
    }

    pub fn is_pppk(self) -> bool {
        matches!(self, Golongan::Pppk(_))
    }

    /// Pangkat name of a PNS grade (`Penata Muda Tingkat I` for III/b); empty for PPPK.
    pub fn pangkat(self) -> &'static str {
        match self {
            Golongan::Pns { level, ruang } => PANGKAT[(level - 1) as usize][ruang as usize],
            Golongan::Pppk(_) => "",
        }
    }

    /// Order used by filters: PNS against PNS, PPPK against PPPK; mixed gives `None`.
    pub fn compare(self, other: Golongan) -> Option<Ordering> {
        match (self, other) {
            (Golongan::Pns { .. }, Golongan::Pns { .. }) => {
                Some(self.pns_rank().cmp(&other.pns_rank()))
            }
            (Golongan::Pppk(a), Golongan::Pppk(b)) => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// Sort key putting PPPK grades after PNS ones.
    pub fn sort_key(self) -> u16 {
        match self {
            Golongan::Pns { .. } => self.pns_rank().unwrap_or(0) as u16,
            Golongan::Pppk(n) => 100 + n as u16,
        }
    }
}

impl PartialOrd for Golongan {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.compare(*other)
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Golongan::Pns { level, ruang } => write!(
                f,
                "{}/{}",
                ROMAN[(*level - 1) as usize],
                (b'a' + ruang) as char
            ),
            Golongan::Pppk(n) => f.write_str(ROMAN[(*n - 1) as usize]),
        }
    }
}

impl<'de> Deserialize<'de> for Golongan {
    /// From the same text `parse` accepts (config files).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Golongan::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("'{s}' is not a golongan (e.g. III/c, IV/a)"))
        })
    }
}

impl Serialize for Golongan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_seen_in_exports() {
        let iiic = Golongan::Pns { level: 3, ruang: 2 };
        for s in ["III/c", "III.c", "IIIc", "iii/C", "III-c", " III c "] {
            assert_eq!(Golongan::parse(s), Some(iiic), "{s}");
        }
        assert_eq!(
            Golongan::parse("IV/e"),
            Some(Golongan::Pns { level: 4, ruang: 4 })
        );
        assert_eq!(
            Golongan::parse("I/a"),
            Some(Golongan::Pns { level: 1, ruang: 0 })
        );
    }

    #[test]
    fn rejects_grades_that_do_not_exist() {
        for s in [
            "III/e", "V/a", "IV/f", "", "XVIII", "0", "abc", "/", "é", "IIIé", "Ⅲ/c",
        ] {
            assert_eq!(Golongan::parse(s), None, "{s}");
        }
    }

    #[test]
    fn pppk_grades() {
        assert_eq!(Golongan::parse("IX"), Some(Golongan::Pppk(9)));
        assert_eq!(Golongan::parse("XVII"), Some(Golongan::Pppk(17)));
        assert_eq!(Golongan::parse("I"), Some(Golongan::Pppk(1)));
        assert_eq!(Golongan::parse("12"), Some(Golongan::Pppk(12)));
        assert_eq!(Golongan::Pppk(9).to_string(), "IX");
    }

    #[test]
    fn pns_order_is_i_a_to_iv_e() {
        let all: Vec<String> = Golongan::all_pns().map(|g| g.to_string()).collect();
        assert_eq!(all.len(), 17);
        assert_eq!(all.first().unwrap(), "I/a");
        assert_eq!(all.last().unwrap(), "IV/e");
        assert!(all.contains(&"II/d".to_string()) && !all.contains(&"II/e".to_string()));
        let g: Vec<Golongan> = Golongan::all_pns().collect();
        assert!(g.windows(2).all(|w| w[0] < w[1]));
        assert!(Golongan::parse("III/d").unwrap() < Golongan::parse("IV/a").unwrap());
    }

    #[test]
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // the point: neither < nor > holds
    fn pppk_never_orders_against_pns() {
        let p = Golongan::Pppk(17);
        let n = Golongan::parse("I/a").unwrap();
        assert_eq!(p.partial_cmp(&n), None);
        assert!(p.partial_cmp(&n).is_none() && n.partial_cmp(&p).is_none());
    }

    #[test]
    fn pangkat_names() {
        assert_eq!(Golongan::parse("III/a").unwrap().pangkat(), "Penata Muda");
        assert_eq!(Golongan::parse("IV/e").unwrap().pangkat(), "Pembina Utama");
        assert_eq!(
            Golongan::parse("II/b").unwrap().pangkat(),
            "Pengatur Muda Tingkat I"
        );
    }
}
