//! The PPK's answer to a committee recommendation (PP 11/2017 Pasal 56(2)-(4),
//! Pasal 200(1)): the committee recommends; the PPK establishes it by decree
//! (SK, with its number and date), rejects it (with a reason) or postpones it.

use serde::Serialize;
use std::fmt;

/// What the PPK did with a recommendation. Stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeStatus {
    Ditetapkan,
    Ditolak,
    Ditunda,
}

impl OutcomeStatus {
    pub const ALL: [OutcomeStatus; 3] = [
        OutcomeStatus::Ditetapkan,
        OutcomeStatus::Ditolak,
        OutcomeStatus::Ditunda,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeStatus::Ditetapkan => "ditetapkan",
            OutcomeStatus::Ditolak => "ditolak",
            OutcomeStatus::Ditunda => "ditunda",
        }
    }

    /// The English alias of the command line.
    pub fn english(self) -> &'static str {
        match self {
            OutcomeStatus::Ditetapkan => "established",
            OutcomeStatus::Ditolak => "rejected",
            OutcomeStatus::Ditunda => "postponed",
        }
    }

    /// A code or its English alias, any case.
    pub fn parse(s: &str) -> Option<OutcomeStatus> {
        let k = super::squash(s);
        OutcomeStatus::ALL
            .into_iter()
            .find(|o| o.code() == k || o.english() == k)
    }

    /// Established by decree: the SK number is required.
    pub fn needs_sk(self) -> bool {
        self == OutcomeStatus::Ditetapkan
    }

    /// Rejected: the reason is required.
    pub fn needs_reason(self) -> bool {
        self == OutcomeStatus::Ditolak
    }
}

impl fmt::Display for OutcomeStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_english_aliases_parse() {
        for o in OutcomeStatus::ALL {
            assert_eq!(OutcomeStatus::parse(o.code()), Some(o));
            assert_eq!(OutcomeStatus::parse(o.english()), Some(o));
        }
        assert_eq!(
            OutcomeStatus::parse(" Ditetapkan "),
            Some(OutcomeStatus::Ditetapkan)
        );
        assert_eq!(OutcomeStatus::parse("approved"), None);
    }

    #[test]
    fn only_ditetapkan_needs_an_sk_and_only_ditolak_a_reason() {
        assert!(OutcomeStatus::Ditetapkan.needs_sk());
        assert!(!OutcomeStatus::Ditolak.needs_sk());
        assert!(OutcomeStatus::Ditolak.needs_reason());
        assert!(!OutcomeStatus::Ditunda.needs_reason());
    }
}
