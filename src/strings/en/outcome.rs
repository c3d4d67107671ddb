//! Texts of the PPK's outcome of a committee recommendation (English).

use crate::domain::outcome::OutcomeStatus;

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
