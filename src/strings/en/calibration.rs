//! Talent review (calibration) text (English).

use crate::domain::calibration::CalibrationStatus;
use crate::strings::CalibrationLabels;

pub fn bad_box(k: i64) -> String {
    format!("box {k} does not exist: the 9-box has boxes 1 to 9; nothing was recorded")
}

/// The status as a word (profile, grid, minutes).
pub fn status(s: CalibrationStatus) -> &'static str {
    match s {
        CalibrationStatus::InEffect => "in effect",
        CalibrationStatus::Stale => "stale: the data changed, to review",
        CalibrationStatus::None => "not calibrated",
    }
}

pub const LABELS: CalibrationLabels = CalibrationLabels {
    heading: "Talent review (calibration)",
    one: "Calibration",
    candidate: "Candidate",
    boxes: "Box (computed -> agreed)",
    grounds: "Grounds",
    votes: "Votes (for/against/abstain)",
    supersedes: "Replaces calibration",
    recorded_by: "Recorded by",
};

pub const VOTES_NONE: &str = "not recorded";

/// The move of a calibration: computed box -> agreed box.
pub fn moved(computed: &str, agreed: u8) -> String {
    format!("{computed} -> {agreed}")
}

/// The profile's label of the talent review.
pub const PROFILE_LABEL: &str = "Calibration";

/// `7 agreed in session 1 (computed 5) — in effect`, or with the computed box now when stale.
pub fn profile_line(
    agreed: u8,
    agreed_on: &str,
    now: Option<&str>,
    session: i64,
    s: CalibrationStatus,
) -> String {
    let computed = match now {
        Some(n) => format!("computed {agreed_on} then, {n} now"),
        None => format!("computed {agreed_on}"),
    };
    format!(
        "{agreed} agreed in session {session} ({computed}) — {}",
        status(s)
    )
}

pub fn grounds(reason: &str) -> String {
    format!("grounds: {reason}")
}

/// The 9-box grid's line: the moves in effect and the stale calibrations.
pub fn grid_line(moves: &[String], stale: usize) -> String {
    let moved = if moves.is_empty() {
        "no move in effect".to_string()
    } else {
        moves.join(", ")
    };
    format!("Calibrated: {moved} · stale, to review: {stale}")
}

/// The help screen's and docs/keys.md's line.
pub const KEY_HELP: &str = "talent review: agree a box for the selected candidate";

pub fn form_title(nama: &str, nip: &str) -> String {
    format!("Talent review (calibration): {nama} ({nip})")
}

pub const FIELD_KOTAK: &str = "Agreed box (1-9)";

pub fn bad_box_text(s: &str) -> String {
    format!("cannot read the box '{s}'; write a number from 1 to 9")
}

pub fn recorded(id: i64) -> String {
    format!("calibration {id} recorded; the agreed box is in effect")
}
