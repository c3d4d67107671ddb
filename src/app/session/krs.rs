//! The positions screen's form for the PPK's establishment of the KRS
//! (PP 11/2017 Pasal 199): period (the as-of year by default), SK number and
//! date, scope (the selected position or every position with a plan). The
//! submit runs the one check `talenta succession establish` runs
//! (`store::krs::establish_plan`); a refusal stays in the form with every
//! failing entry and the condition it fails, and nothing is written.

use super::backend::Problem;
use super::form::{Field, FieldId, Form, FormKind, FormProblem};
use super::submit::Write;
use super::SessionNote;
use crate::app::{Action, App};
use crate::domain::krs::current_period;
use crate::store::krs::{Establish, KrsError};
use crate::tr;
use chrono::NaiveDate;
use std::sync::Arc;

/// What a valid establishment form asks for.
pub(in crate::app) struct KrsInput {
    period: i32,
    sk: String,
    tanggal: NaiveDate,
    /// The positions named; empty: every position with a plan.
    positions: Vec<String>,
}

/// The scope choices: the selected position (when there is one), then all.
fn scope_len(position: Option<&(String, String)>) -> usize {
    1 + usize::from(position.is_some())
}

/// Check the form's input (the conditions are the store's, on submit).
pub(super) fn check(f: &Form, position: Option<&(String, String)>) -> Result<Write, FormProblem> {
    let p = f.text(FieldId::Period);
    let period = p
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=9999).contains(y))
        .ok_or_else(|| FormProblem::BadPeriod(p.trim().to_string()))?;
    let d = f.text(FieldId::SkDate);
    let tanggal = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map_err(|_| FormProblem::BadDate(d.trim().to_string()))?;
    let scope = f.field(FieldId::Scope).map(Field::chosen).unwrap_or(0);
    let positions = match position {
        Some((kode, _)) if scope == 0 => vec![kode.clone()],
        _ => Vec::new(),
    };
    Ok(Write::EstablishKrs(KrsInput {
        period,
        sk: f.text(FieldId::Sk),
        tanggal,
        positions,
    }))
}

impl App {
    /// `E` on the positions screen: the establishment form.
    pub(in crate::app) fn open_establish_krs(&mut self) {
        if !self.sessions.available() {
            return self.note(SessionNote::Unavailable);
        }
        let position = self
            .selected_position()
            .and_then(|i| self.position(i))
            .map(|p| (p.kode.clone(), p.nama.clone()));
        let period = self
            .pool()
            .map(|p| current_period(p.as_of).to_string())
            .unwrap_or_default();
        let len = scope_len(position.as_ref());
        self.sessions.form = Some(Form::new(
            FormKind::EstablishKrs { position },
            vec![
                Field::text(FieldId::Period, &period),
                Field::text(FieldId::Sk, ""),
                Field::text(FieldId::SkDate, ""),
                Field::choice(FieldId::Scope, 0, len),
            ],
        ));
    }

    /// Establish through the store (the conditions checked inside its
    /// transaction); on success the positions are read again.
    pub(super) fn establish_krs(&mut self, k: KrsInput) -> Result<SessionNote, FormProblem> {
        let lang = self.lang;
        let failed = |e: String| FormProblem::Problem(Problem::Failed(e));
        let (Some(pool), Some(positions)) = (self.pool().cloned(), self.positions.clone()) else {
            return Err(failed(String::new()));
        };
        let b = self
            .sessions
            .backend
            .as_mut()
            .ok_or_else(|| failed(String::new()))?;
        let what = Establish {
            period: k.period,
            sk: &k.sk,
            tanggal: k.tanggal,
            positions: &k.positions,
        };
        let done = match b.establish_krs(&what, &pool, &positions)? {
            Ok(done) => done,
            Err(KrsError::Failing(failures)) => {
                return Err(FormProblem::KrsFailing {
                    period: k.period,
                    failures,
                })
            }
            Err(KrsError::Store(e)) => return Err(failed(e.to_string())),
            Err(e) => return Err(FormProblem::KrsRefused(tr!(lang, krs::krs_error(&e)))),
        };
        if let Ok(ps) = b.positions() {
            self.step(Action::PositionsLoaded(Arc::new(ps)));
        }
        // The pool's KRS marks (filter `krs`, the shortlists) change too.
        self.sessions.reload_pool = true;
        let mut kodes: Vec<&str> = done
            .members
            .iter()
            .map(|m| m.kode_jabatan.as_str())
            .collect();
        kodes.dedup();
        Ok(SessionNote::KrsEstablished {
            period: k.period,
            sk: k.sk.trim().to_string(),
            members: done.members.len(),
            positions: kodes.len(),
            superseded: done.superseded,
        })
    }
}
