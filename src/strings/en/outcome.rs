//! Texts of the PPK's outcome of a committee recommendation (English).

use crate::domain::outcome::OutcomeStatus;
use crate::store::session::outcome::Outcome;
use crate::strings::format::date_text;

pub fn bad_status(s: &str) -> String {
    format!("outcome '{s}' is unknown; choose ditetapkan, ditolak or ditunda (established, rejected, postponed)")
}

pub fn status_name(s: OutcomeStatus) -> &'static str {
    match s {
        OutcomeStatus::Ditetapkan => "Established",
        OutcomeStatus::Ditolak => "Rejected",
        OutcomeStatus::Ditunda => "Postponed",
    }
}

pub const OUTCOME: &str = "PPK's outcome";
pub const ANNEX: &str = "Annex: the PPK's outcomes recorded after the session was closed";
pub const RECORDED: &str = "recorded";
pub const AWAITING: &str = "awaiting the PPK";

/// `Established by SK 800/1/2026 of 2026-12-01`; the texts as the caller
/// escaped them.
pub fn summary(o: &Outcome) -> String {
    let reason = o
        .reason
        .as_deref()
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    let on = o
        .tanggal
        .as_deref()
        .map(|t| format!(" on {}", date_text(t)))
        .unwrap_or_default();
    match o.status() {
        Some(OutcomeStatus::Ditetapkan) => format!(
            "Established by SK {}{}{reason}",
            o.sk.as_deref().unwrap_or("-"),
            o.tanggal
                .as_deref()
                .map(|t| format!(" of {}", date_text(t)))
                .unwrap_or_default()
        ),
        Some(s) => format!("{}{on}{reason}", status_name(s)),
        None => format!("{}{on}{reason}", o.status),
    }
}

/// The help's title of the list's keys.
pub const CONTEXT: &str = "Recommendations awaiting the PPK";
pub const KEY_OPEN: &str = "record the PPK's outcome of the selected recommendation";
pub const KEY_BACK: &str = "back to the session panel";
pub const KEY_OUTCOMES: &str = "the recommendations awaiting the PPK's outcome (all sessions)";
/// The session panel's hint.
pub const ACTION: &str = "PPK outcome";
pub const FIELD_STATUS: &str = "Outcome";
pub const FIELD_SK: &str = "SK number";

pub fn title_form(decision: i64, nama: &str) -> String {
    format!("The PPK's outcome of recommendation #{decision}: {nama}")
}

pub fn recorded(decision: i64) -> String {
    format!("the PPK's outcome of recommendation {decision} recorded")
}

pub fn list_title(n: usize) -> String {
    format!("Recommendations awaiting the PPK ({n}, all sessions)")
}

pub const EMPTY: &str = "No recommendation awaits the PPK's outcome.";
pub const HEADER: [&str; 4] = ["Recommendation", "Session", "Candidate", "Outcome"];
pub const HINT_OPEN: &str = "record outcome";
pub const HINT_BACK: &str = "back";
pub const GROUNDS: &str = "Grounds";
