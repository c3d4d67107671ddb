//! Dates as Indonesian files write them, and whole-year spans on an as-of date.

use chrono::{Datelike, NaiveDate};

/// Parse `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` (also `YYYY/MM/DD`); blanks around are ignored.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = iso(s) {
        return Some(d);
    }
    for fmt in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            // chrono accepts short years for %Y; insist on four digits.
            if (1000..=9999).contains(&d.year()) {
                return Some(d);
            }
        }
    }
    None
}

/// `YYYY-MM-DD` exactly, without chrono's format machinery (what the
/// `%Y-%m-%d` format gives for such text); `None` leaves it to the formats.
fn iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let d = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    (1000..=9999).contains(&d.year()).then_some(d)
}

/// Whole years from `from` to `on` (age on a date, tenure); 0 if `on` is before `from`.
pub fn whole_years(from: NaiveDate, on: NaiveDate) -> u32 {
    if on < from {
        return 0;
    }
    let mut y = on.year() - from.year();
    if (on.month(), on.day()) < (from.month(), from.day()) {
        y -= 1;
    }
    y.max(0) as u32
}

/// The first day of the month after the one in which `birth` + `years` falls:
/// the TMT pensiun when the retirement age (BUP) is reached.
pub fn retirement_date(birth: NaiveDate, years: u32) -> NaiveDate {
    let y = birth.year() + years as i32;
    let (ny, nm) = if birth.month() == 12 {
        (y + 1, 1)
    } else {
        (y, birth.month() + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).expect("first of a month is a date")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_iso_shortcut_agrees_with_the_formats() {
        let by_formats = |s: &str| {
            ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d"]
                .iter()
                .filter_map(|f| NaiveDate::parse_from_str(s.trim(), f).ok())
                .find(|d| (1000..=9999).contains(&d.year()))
        };
        for s in [
            "2015-05-01",
            "1999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0999-01-01",
            "1000-01-01",
            "9999-12-31",
            "2024-1a-01",
            "+202-01-01",
            "10-05-2015",
            "2015-05-1",
            " 2015-05-01 ",
            "2015-05-01x",
            "١٢٣٤-05-01",
        ] {
            assert_eq!(parse(s), by_formats(s), "{s}");
        }
    }

    #[test]
    fn three_forms() {
        assert_eq!(parse("2015-05-01"), Some(d(2015, 5, 1)));
        assert_eq!(parse("01-05-2015"), Some(d(2015, 5, 1)));
        assert_eq!(parse("01/05/2015"), Some(d(2015, 5, 1)));
        assert_eq!(parse(" 26/09/1986 "), Some(d(1986, 9, 26)));
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "",
            "2015-13-01",
            "31/02/2020",
            "1/5/15",
            "kemarin",
            "2015-05-01x",
            "05/2015",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn whole_years_counts_birthdays() {
        let b = d(1986, 9, 26);
        assert_eq!(whole_years(b, d(2026, 9, 25)), 39);
        assert_eq!(whole_years(b, d(2026, 9, 26)), 40);
        assert_eq!(whole_years(b, d(1980, 1, 1)), 0);
        // Leap-day birthdays turn a year older on 1 March in common years.
        assert_eq!(whole_years(d(2000, 2, 29), d(2021, 2, 28)), 20);
        assert_eq!(whole_years(d(2000, 2, 29), d(2021, 3, 1)), 21);
    }

    #[test]
    fn retirement_is_first_of_next_month() {
        assert_eq!(retirement_date(d(1968, 5, 17), 58), d(2026, 6, 1));
        assert_eq!(retirement_date(d(1966, 12, 3), 60), d(2027, 1, 1));
    }
}
