//! A candidate's talent review as the profile shows it (`talenta show` and
//! the profile screen alike): both boxes, whether the agreed one is in
//! effect, and the grounds.

use crate::domain::calibration::CalibrationStatus;
use crate::domain::text::one_line;
use crate::domain::Candidate;
use crate::lang::Lang;
use crate::tr;

/// The label and the lines of the candidate's latest calibration; `None`
/// when never calibrated.
pub fn profile_lines(c: &Candidate, lang: Lang) -> Option<(&'static str, Vec<String>)> {
    let cal = c.calibration.as_deref()?;
    let b = |k: Option<u8>| k.map_or_else(|| "-".to_string(), |k| k.to_string());
    let now = match cal.status() {
        CalibrationStatus::InEffect => None,
        _ => Some(b(cal.kotak_now)),
    };
    let first = tr!(
        lang,
        calibration::profile_line(
            cal.kotak,
            &b(cal.kotak_agreed_on),
            now.as_deref(),
            cal.session,
            cal.status()
        )
    );
    let grounds = tr!(lang, calibration::grounds(&one_line(&cal.reason)));
    Some((tr!(lang, calibration::PROFILE_LABEL), vec![first, grounds]))
}
