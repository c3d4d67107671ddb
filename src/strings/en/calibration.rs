//! Talent review (calibration) text (English).

use crate::domain::calibration::CalibrationStatus;

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
