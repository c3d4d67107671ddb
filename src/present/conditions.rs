//! A candidate's eligibility conditions as the command line and the screen
//! show them: what is asked, met / not met / unknown, the value seen against
//! the value required, and the article (`domain::eligibility`).

use crate::domain::eligibility::{Condition, Outcome};
use crate::lang::Lang;
use crate::tr;

/// One condition in words, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionText {
    /// The condition's code (`pendidikan`, `skp`, ...).
    pub code: &'static str,
    pub outcome: Outcome,
    /// What the condition asks.
    pub what: &'static str,
    /// The value seen on the candidate.
    pub seen: String,
    /// The value the condition asks for.
    pub required: String,
    /// The regulation article, or our default.
    pub dasar: &'static str,
}

impl ConditionText {
    pub fn new(lang: Lang, c: &Condition) -> ConditionText {
        ConditionText {
            code: c.code(),
            outcome: c.outcome,
            what: tr!(lang, eligibility::syarat(c.syarat)),
            seen: tr!(lang, eligibility::value(c.seen)),
            required: tr!(lang, eligibility::value(c.required)),
            dasar: tr!(lang, eligibility::dasar(c.dasar)),
        }
    }

    /// ✓ met, ✗ not met, ? unknown (the data is missing).
    pub fn mark(&self) -> &'static str {
        outcome_mark(self.outcome)
    }
}

/// ✓ met, ✗ not met, ? unknown.
pub fn outcome_mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "✓",
        Outcome::NotMet => "✗",
        Outcome::Unknown => "?",
    }
}

/// The codes of the conditions not met (unknown included), in order.
pub fn failed_codes(conditions: &[Condition]) -> Vec<&'static str> {
    conditions
        .iter()
        .filter(|c| !c.is_met())
        .map(Condition::code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::{Dasar, Syarat, Value};
    use crate::domain::{Pendidikan, Tingkat};

    #[test]
    fn a_condition_reads_with_its_mark_values_and_article() {
        let c = Condition {
            syarat: Syarat::Pendidikan,
            outcome: Outcome::NotMet,
            dasar: Dasar::Pasal107(Tingkat::JptPratama),
            seen: Value::Pendidikan(Pendidikan::D3),
            required: Value::Pendidikan(Pendidikan::S1),
        };
        let t = ConditionText::new(Lang::En, &c);
        assert_eq!(t.mark(), "✗");
        assert_eq!((t.seen.as_str(), t.required.as_str()), ("D3", "S1"));
        assert_eq!(t.dasar, "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c");
        assert_eq!(ConditionText::new(Lang::Id, &c).what, "pendidikan");
        let unknown = Condition {
            outcome: Outcome::Unknown,
            ..c
        };
        let met = Condition {
            outcome: Outcome::Met,
            ..c
        };
        assert_eq!(
            failed_codes(&[met, unknown, c]),
            ["pendidikan", "pendidikan"]
        );
        assert_eq!(outcome_mark(Outcome::Unknown), "?");
    }
}
