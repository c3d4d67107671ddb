//! Dates and decimal numbers as each language writes them: Indonesian text
//! writes `08-01-2026` and `95,43` (DD-MM-YYYY, decimal comma); English keeps
//! `2026-01-08` and `95.43`. Machine output (JSON, CSV, the audit trail)
//! keeps ISO dates and decimal points and does not come here.

use crate::lang::Lang;
use chrono::NaiveDate;

/// A date in the language's form.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Id => d.format("%d-%m-%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// A stored `YYYY-MM-DD` in the language's form; any other text as it is.
pub fn date_text(lang: Lang, iso: &str) -> String {
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => date(lang, d),
        Err(_) => iso.to_string(),
    }
}

/// A number with `places` decimals in the language's form.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_writes_day_first_and_a_decimal_comma() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 8).unwrap();
        assert_eq!(date(Lang::Id, d), "08-01-2026");
        assert_eq!(date(Lang::En, d), "2026-01-08");
        assert_eq!(date_text(Lang::Id, "2026-01-08"), "08-01-2026");
        assert_eq!(date_text(Lang::Id, "kemarin"), "kemarin");
        assert_eq!(decimal(Lang::Id, 95.4321, 2), "95,43");
        assert_eq!(decimal(Lang::En, 95.4321, 2), "95.43");
    }
}
