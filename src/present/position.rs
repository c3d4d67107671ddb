//! How a position's requirement and a candidate's match read in a table cell,
//! on the command line and on the screen alike.

use crate::domain::jpm::Jpm;
use crate::domain::{Competency, Position};

/// `4 4 4 4 4 4 4 4 4`: one digit per competency in the regulation's order, `-` not required.
pub fn requirement_digits(p: &Position) -> String {
    Competency::ALL
        .iter()
        .map(|c| p.required(*c).map_or("-".to_string(), |l| l.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gaps as `MP-2 PK-1` (levels short, abbreviated names), largest first.
pub fn gaps_text(j: &Jpm) -> String {
    j.shortfalls()
        .iter()
        .map(|(c, g)| format!("{}-{g}", c.abbr()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The JPM as the table shows it: `78,4%` (`78.4%` in English), with `*`
/// when not fully assessed.
pub fn jpm_text(lang: crate::lang::Lang, j: Option<&Jpm>) -> String {
    match j {
        Some(j) => format!(
            "{}%{}",
            crate::strings::format::decimal(lang, j.percent, 1),
            if j.fully_assessed { "" } else { "*" }
        ),
        None => "-".into(),
    }
}
