//! The filter language (`shared/contracts/filter-language.md`): parser and evaluator.
//! PLACEHOLDER INTERFACE: being implemented; the public API below is fixed.

use crate::domain::Candidate;
use chrono::NaiveDate;

/// A parsed filter, ready to evaluate against candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    empty: bool,
}

/// What went wrong, and at which character column (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterError {
    pub column: usize,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    Unsupported,
}

pub fn parse(input: &str) -> Result<Filter, FilterError> {
    if input.trim().is_empty() {
        Ok(Filter { empty: true })
    } else {
        Err(FilterError {
            column: 1,
            kind: ErrorKind::Unsupported,
        })
    }
}

impl Filter {
    pub fn matches(&self, _c: &Candidate, _as_of: NaiveDate) -> bool {
        self.empty
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Nip,
}

impl Field {
    pub fn parse(_name: &str) -> Option<Field> {
        None
    }
}

pub fn compare(_f: &Field, a: &Candidate, b: &Candidate, _as_of: NaiveDate) -> std::cmp::Ordering {
    a.nip.cmp(&b.nip)
}
