//! Texts of the PPK's outcome of a committee recommendation (English).

use crate::domain::outcome::OutcomeStatus;
use crate::lang::Lang;
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
        .map(|t| format!(" on {}", date_text(Lang::En, t)))
        .unwrap_or_default();
    match o.status() {
        Some(OutcomeStatus::Ditetapkan) => format!(
            "Established by SK {}{}{reason}",
            o.sk.as_deref().unwrap_or("-"),
            o.tanggal
                .as_deref()
                .map(|t| format!(" of {}", date_text(Lang::En, t)))
                .unwrap_or_default()
        ),
        Some(s) => format!("{}{on}{reason}", status_name(s)),
        None => format!("{}{on}{reason}", o.status),
    }
}
