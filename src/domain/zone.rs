//! Indonesia's three time zones: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
//! Times are stored in UTC; a person reads them in the agency's zone with its
//! name (`15:12 WIB`), a machine reads ISO with the offset.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    #[default]
    #[serde(alias = "wib")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, Sulawesi, ...).
    #[serde(alias = "wita")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    #[serde(alias = "wit")]
    Wit,
}

impl Zone {
    pub fn name(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    pub fn hours(self) -> i32 {
        match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        }
    }

    pub fn offset(self) -> FixedOffset {
        FixedOffset::east_opt(self.hours() * 3600).unwrap_or_else(|| Utc.fix())
    }

    /// The zone whose offset from UTC is `seconds`, if it is one of the three.
    pub fn from_offset(seconds: i32) -> Option<Zone> {
        [Zone::Wib, Zone::Wita, Zone::Wit]
            .into_iter()
            .find(|z| z.hours() * 3600 == seconds)
    }

    /// The system's zone when it is one of the three, else WIB.
    pub fn system() -> Zone {
        let offset = chrono::Local::now().offset().local_minus_utc();
        Zone::from_offset(offset).unwrap_or_default()
    }

    /// A stored UTC time (RFC 3339) in this zone; `None` when it is not a time.
    pub fn local(self, stored: &str) -> Option<DateTime<FixedOffset>> {
        let t = DateTime::parse_from_rfc3339(stored).ok()?;
        Some(t.with_timezone(&self.offset()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times_read_in_the_zone() {
        let t = Zone::Wib.local("2026-12-03T08:13:44.417Z").unwrap();
        assert_eq!(t.format("%H:%M").to_string(), "15:13");
        let t = Zone::Wit.local("2026-12-03T20:00:00Z").unwrap();
        assert_eq!(t.format("%d %H:%M").to_string(), "04 05:00");
        assert_eq!(Zone::from_offset(8 * 3600), Some(Zone::Wita));
        assert_eq!(Zone::from_offset(0), None);
        assert!(Zone::Wib.local("kemarin").is_none());
    }
}
