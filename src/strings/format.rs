//! Dates and numbers in the text people read, in one place. Dates are
//! written day first, `08-01-2026` (DD-MM-YYYY), in both languages: the
//! agencies' own files and papers write them so. Numbers take the decimal
//! comma in Indonesian (`95,43`) and the point in English (`95.43`).
//! Times are stored in UTC and read in the agency's zone with its name
//! (`03-12-2026 15:13 WIB`).
//! Machine output (JSON, CSV, the audit trail, command-line arguments) keeps
//! ISO dates and decimal points and does not come here (JSON's times may take
//! the zone's offset: `time_iso`).

use crate::domain::zone::Zone;
use crate::lang::Lang;
use chrono::NaiveDate;

/// A date as people read it: `08-01-2026`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A stored `YYYY-MM-DD` as people read it; any other text as it is.
pub fn date_text(iso: &str) -> String {
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => date(d),
        Err(_) => iso.to_string(),
    }
}

/// A stored UTC time as people read it: `03-12-2026 15:13 WIB`; any other
/// text as it is.
pub fn time(zone: Zone, stored: &str) -> String {
    match zone.local(stored) {
        Some(t) => format!("{} {}", t.format("%d-%m-%Y %H:%M"), zone.name()),
        None => stored.to_string(),
    }
}

/// Only the clock of a stored UTC time: `15:13 WIB`.
pub fn clock(zone: Zone, stored: &str) -> String {
    match zone.local(stored) {
        Some(t) => format!("{} {}", t.format("%H:%M"), zone.name()),
        None => stored.to_string(),
    }
}

/// A stored UTC time in ISO form with the zone's offset:
/// `2026-12-03T15:13:44+07:00`; any other text as it is.
pub fn time_iso(zone: Zone, stored: &str) -> String {
    match zone.local(stored) {
        Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        None => stored.to_string(),
    }
}

/// A number as it is (`91.5`, `95.43`, `80`) with the language's decimal sign.
pub fn number(lang: Lang, x: f64) -> String {
    sign(lang, x.to_string())
}

/// A number with `places` decimals and the language's decimal sign.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    sign(lang, format!("{x:.places$}"))
}

fn sign(lang: Lang, s: String) -> String {
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_first_dates_and_the_indonesian_decimal_comma() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 8).unwrap();
        assert_eq!(date(d), "08-01-2026");
        assert_eq!(date_text("2026-01-08"), "08-01-2026");
        assert_eq!(date_text("kemarin"), "kemarin");
        assert_eq!(number(Lang::Id, 95.43), "95,43");
        assert_eq!(number(Lang::En, 95.43), "95.43");
        assert_eq!(number(Lang::Id, 80.0), "80");
        assert_eq!(decimal(Lang::Id, 95.4321, 2), "95,43");
        assert_eq!(decimal(Lang::En, 12.0, 1), "12.0");
    }

    #[test]
    fn times_in_the_agency_zone_with_its_name() {
        let at = "2026-12-03T08:13:44.417Z";
        assert_eq!(time(Zone::Wib, at), "03-12-2026 15:13 WIB");
        assert_eq!(time(Zone::Wita, at), "03-12-2026 16:13 WITA");
        assert_eq!(clock(Zone::Wit, at), "17:13 WIT");
        assert_eq!(time_iso(Zone::Wib, at), "2026-12-03T15:13:44+07:00");
        assert_eq!(time(Zone::Wib, "-"), "-");
    }
}
