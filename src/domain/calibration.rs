//! Talent review (calibration): the box a committee agrees for a candidate,
//! with grounds, against the box computed from the data.
//!
//! The agreed box is **in effect** while the computed box is still the one it
//! was agreed on; when new data changes the computed box the calibration is
//! **stale**: the computed box applies again and the candidate waits for
//! review (docs/sessions.md, "Talent review").
//!
//! Source: the committee establishes talent status and reviews profiles
//! (Permenhan 10/2023, an agency regulation, and regional practice; PP 11/2017
//! jo. PP 17/2020 gives the committee its advisory role, Pasal 56). The
//! stale rule and the same quorum/recusal/vote rules as a recommendation are
//! **ours** (docs/domain-rules.md, "Talent review").

use serde::Serialize;

/// Whether a candidate's latest calibration applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum CalibrationStatus {
    /// `ya`: the agreed box is the box in effect.
    #[serde(rename = "ya")]
    InEffect,
    /// `usang`: the computed box changed since; flagged for review.
    #[serde(rename = "usang")]
    Stale,
    /// `tidak`: never calibrated.
    #[serde(rename = "tidak")]
    None,
}

impl CalibrationStatus {
    pub const ALL: [CalibrationStatus; 3] = [
        CalibrationStatus::InEffect,
        CalibrationStatus::Stale,
        CalibrationStatus::None,
    ];

    /// The filter's and the JSON's value: `ya`, `usang`, `tidak`.
    pub fn code(self) -> &'static str {
        match self {
            CalibrationStatus::InEffect => "ya",
            CalibrationStatus::Stale => "usang",
            CalibrationStatus::None => "tidak",
        }
    }

    /// A code or its English alias (`yes`/`in_effect`, `stale`, `no`/`none`), any case.
    pub fn parse(s: &str) -> Option<CalibrationStatus> {
        match super::squash(s).as_str() {
            "ya" | "yes" | "ineffect" | "berlaku" => Some(CalibrationStatus::InEffect),
            "usang" | "stale" => Some(CalibrationStatus::Stale),
            "tidak" | "no" | "none" => Some(CalibrationStatus::None),
            _ => None,
        }
    }

    /// A number for the filter's comparisons and sorting (0 tidak, 1 usang, 2 ya).
    pub fn rank(self) -> u32 {
        match self {
            CalibrationStatus::None => 0,
            CalibrationStatus::Stale => 1,
            CalibrationStatus::InEffect => 2,
        }
    }
}

/// A candidate's latest calibration, as the pool carries it (boxed on the
/// candidate: most candidates have none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calibration {
    /// The calibration's id in the store.
    pub id: i64,
    /// The session that agreed it.
    pub session: i64,
    /// The agreed box.
    pub kotak: u8,
    /// The computed box it was agreed on.
    pub kotak_agreed_on: Option<u8>,
    /// The computed box now (set at load, with the pool's rules).
    pub kotak_now: Option<u8>,
    /// The grounds.
    pub reason: Box<str>,
}

impl Calibration {
    pub fn status(&self) -> CalibrationStatus {
        if self.kotak_now == self.kotak_agreed_on {
            CalibrationStatus::InEffect
        } else {
            CalibrationStatus::Stale
        }
    }

    /// The box in effect: the agreed one while in effect, else the computed one.
    pub fn in_effect(&self) -> Option<u8> {
        match self.status() {
            CalibrationStatus::InEffect => Some(self.kotak),
            _ => self.kotak_now,
        }
    }
}

/// What the refusals of a calibration check besides the session's rules.
pub fn check_box(kotak: i64) -> Result<u8, super::session::Refusal> {
    u8::try_from(kotak)
        .ok()
        .filter(|k| (1..=9).contains(k))
        .ok_or(super::session::Refusal::BadBox(kotak))
}

/// The talent review over a set of candidates (the 9-box grid's matches):
/// how many moved from each computed box to each agreed box (in effect), and
/// how many calibrations are stale (waiting for review).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalibrationTally {
    /// (from, to, how many), sorted: from the computed box (0 for none) to
    /// the agreed one. Few entries: most candidates are never calibrated.
    moved: Vec<(u8, u8, u32)>,
    pub stale: usize,
}

impl CalibrationTally {
    fn count(&mut self, from: u8, to: u8, n: u32) {
        match self.moved.binary_search_by_key(&(from, to), |m| (m.0, m.1)) {
            Ok(i) => self.moved[i].2 += n,
            Err(i) => self.moved.insert(i, (from, to, n)),
        }
    }

    /// Count one candidate (nothing when never calibrated).
    pub fn add(&mut self, c: Option<&Calibration>) {
        let Some(c) = c else { return };
        match c.status() {
            CalibrationStatus::InEffect if c.kotak_now != Some(c.kotak) => {
                self.count(c.kotak_now.unwrap_or(0), c.kotak, 1);
            }
            CalibrationStatus::Stale => self.stale += 1,
            _ => {}
        }
    }

    pub fn merge(&mut self, other: &CalibrationTally) {
        for &(from, to, n) in &other.moved {
            self.count(from, to, n);
        }
        self.stale += other.stale;
    }

    /// The moves in effect: (from, to, how many); `from` 0 when no box was computed.
    pub fn moves(&self) -> &[(u8, u8, u32)] {
        &self.moved
    }

    /// Nothing to show: no move in effect and nothing stale.
    pub fn is_empty(&self) -> bool {
        self.stale == 0 && self.moved.is_empty()
    }
}

/// The checks of a calibration, in the order a secretary would want to hear
/// them: the box 1..9, then a recommendation's rules (open session, grounds,
/// quorum of members present and not recused, votes); the box on success.
pub fn check_calibration(
    closed: bool,
    session: i64,
    reason: &str,
    kotak: i64,
    votes: Option<super::session::Votes>,
    q: &super::session::QuorumCheck,
) -> Result<u8, super::session::Refusal> {
    use super::session::{check_decision, DecisionKind};
    let k = check_box(kotak)?;
    // A calibration names no position; the kind only matters for one.
    check_decision(
        closed,
        session,
        reason,
        DecisionKind::Dipertahankan,
        false,
        votes,
        q,
    )?;
    Ok(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(agreed_on: Option<u8>, now: Option<u8>) -> Calibration {
        Calibration {
            id: 1,
            session: 1,
            kotak: 9,
            kotak_agreed_on: agreed_on,
            kotak_now: now,
            reason: "x".into(),
        }
    }

    #[test]
    fn in_effect_while_the_computed_box_holds_else_stale() {
        let c = cal(Some(7), Some(7));
        assert_eq!(c.status(), CalibrationStatus::InEffect);
        assert_eq!(c.in_effect(), Some(9));
        let c = cal(Some(7), Some(5));
        assert_eq!(c.status(), CalibrationStatus::Stale);
        assert_eq!(c.in_effect(), Some(5));
        // Agreed when no box could be computed: in effect while none can.
        assert_eq!(cal(None, None).in_effect(), Some(9));
        assert_eq!(cal(None, Some(3)).status(), CalibrationStatus::Stale);
    }

    #[test]
    fn statuses_parse_in_both_languages() {
        for s in CalibrationStatus::ALL {
            assert_eq!(CalibrationStatus::parse(s.code()), Some(s));
        }
        assert_eq!(
            CalibrationStatus::parse("Stale"),
            Some(CalibrationStatus::Stale)
        );
        assert_eq!(
            CalibrationStatus::parse("yes"),
            Some(CalibrationStatus::InEffect)
        );
        assert_eq!(CalibrationStatus::parse("usng"), None);
    }

    #[test]
    fn boxes_outside_one_to_nine_are_refused() {
        assert_eq!(check_box(1), Ok(1));
        assert_eq!(check_box(9), Ok(9));
        for k in [0, 10, -1, 300] {
            assert_eq!(check_box(k), Err(super::super::session::Refusal::BadBox(k)));
        }
    }

    #[test]
    fn the_tally_counts_moves_in_effect_and_stale_reviews() {
        let mut t = CalibrationTally::default();
        assert!(t.is_empty());
        t.add(None);
        t.add(Some(&cal(Some(7), Some(7)))); // 7 -> 9 in effect
        t.add(Some(&cal(Some(7), Some(7))));
        t.add(Some(&cal(Some(5), Some(3)))); // stale
        let mut same = cal(Some(9), Some(9)); // agreed the computed box: no move
        same.kotak = 9;
        t.add(Some(&same));
        let mut u = CalibrationTally::default();
        u.merge(&t);
        assert_eq!(u.moves(), vec![(7, 9, 2)]);
        assert_eq!(u.stale, 1);
        assert!(!u.is_empty());
    }
}
