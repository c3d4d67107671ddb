//! The talent review form's check: the agreed box a whole number, then the
//! rules of a recommendation (open session, quorum of members present and
//! not recused, votes, grounds) and the box 1..9, before anything is written
//! (the store checks them again).

use super::backend::Problem;
use super::form::{FieldId, Form, FormProblem};
use super::submit::{votes, Write};
use crate::app::App;
use crate::domain::calibration::check_calibration;
use crate::domain::session::Refusal;
use crate::store::session::calibration::CalibrationInput;

impl App {
    pub(super) fn check_calibration(
        &mut self,
        f: &Form,
        session: i64,
        nip: &str,
    ) -> Result<Write, FormProblem> {
        let text = f.text(FieldId::Kotak);
        let kotak: i64 = text
            .trim()
            .parse()
            .map_err(|_| FormProblem::BadBox(text.trim().to_string()))?;
        let reason = f.text(FieldId::Grounds);
        let votes = votes(&f.text(FieldId::Votes))?;
        let refused = |r: Refusal| FormProblem::Problem(Problem::Refused(r));
        let detail = self
            .sessions
            .active
            .as_ref()
            .filter(|d| d.session.id == session)
            .ok_or(refused(Refusal::UnknownSession(session)))?;
        check_calibration(
            detail.is_closed(),
            session,
            &reason,
            kotak,
            votes,
            &detail.quorum_for(nip),
        )
        .map_err(refused)?;
        Ok(Write::Calibrate(
            session,
            CalibrationInput {
                nip: nip.to_string(),
                kotak,
                reason,
                votes,
            },
        ))
    }
}
