//! A candidate's marks, decided in one place for every list of candidates
//! (the table, a box's list, a position's shortlist, the comparison): a
//! member of the active session stepped aside for them, the session
//! discussed them, recommended them, and they are in the KRS of the as-of
//! year.

use super::App;
use crate::domain::krs::current_period;
use crate::domain::Candidate;
use std::collections::HashSet;

/// The marks of one candidate (or, as [`MarkBook::slots`], which marks can
/// show at all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub recused: bool,
    pub discussed: bool,
    pub recommended: bool,
    pub krs: bool,
}

impl Marks {
    /// The marks in their fixed order (recused, discussed, recommended, KRS).
    pub fn each(self) -> [bool; 4] {
        [self.recused, self.discussed, self.recommended, self.krs]
    }

    pub fn any(self) -> bool {
        self.each().into_iter().any(|m| m)
    }
}

/// What the marks are read from, gathered once per drawing: the active
/// session's recusals, discussed candidates and recommendations.
pub struct MarkBook<'a> {
    recused: HashSet<&'a str>,
    discussed: HashSet<&'a str>,
    recommended: HashSet<&'a str>,
    krs: bool,
}

impl MarkBook<'_> {
    /// The marks of one candidate.
    pub fn marks(&self, c: &Candidate) -> Marks {
        let nip: &str = &c.nip;
        Marks {
            recused: self.recused.contains(nip),
            discussed: self.discussed.contains(nip),
            recommended: self.recommended.contains(nip),
            krs: self.krs && c.krs,
        }
    }

    /// Which marks any candidate can carry now: the lists keep a place for
    /// each of these, so that the marks stand in columns.
    pub fn slots(&self) -> Marks {
        Marks {
            recused: !self.recused.is_empty(),
            discussed: !self.discussed.is_empty(),
            recommended: !self.recommended.is_empty(),
            krs: self.krs,
        }
    }
}

impl App {
    /// The book every candidate list reads its marks from.
    pub fn mark_book(&self) -> MarkBook<'_> {
        let (mut recused, mut discussed, mut recommended) =
            (HashSet::new(), HashSet::new(), HashSet::new());
        if let Some(d) = &self.sessions.active {
            recused.extend(d.recusals.iter().map(|r| r.nip.as_str()));
            discussed.extend(d.discussed.iter().map(String::as_str));
            recommended.extend(d.decisions.iter().map(|x| x.nip.as_str()));
        }
        let krs = match (self.pool(), self.positions.as_ref()) {
            (Some(pool), Some(ps)) => {
                let period = current_period(pool.as_of);
                ps.iter().any(|p| p.krs_in(period).next().is_some())
            }
            _ => false,
        };
        MarkBook {
            recused,
            discussed,
            recommended,
            krs,
        }
    }
}
