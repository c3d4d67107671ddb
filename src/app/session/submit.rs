//! Submitting a form: check the input and the rules first (a refusal stays
//! in the form and nothing is written), then one store transaction, which
//! checks the rules again.

use super::backend::{MinutesFormat, Problem};
use super::form::{FieldId, Form, FormKind, FormProblem};
use super::{Pane, SessionNote};
use crate::app::App;
use crate::domain::session::{check_decision, parse_member, Refusal, Votes};
use crate::minutes::SaveError;
use crate::store::session::calibration::CalibrationInput;
use crate::store::session::outcome::OutcomeInput;
use crate::store::session::{Amendment, DecisionInput, NewSession};
use chrono::NaiveDate;
use std::path::PathBuf;

/// What a valid form asks for.
pub(super) enum Write {
    Create(NewSession),
    Decide(i64, DecisionInput),
    Calibrate(i64, CalibrationInput),
    Amend(i64, Amendment),
    Recuse {
        session: i64,
        member: String,
        nip: String,
        reason: String,
    },
    Close(i64),
    Reopen(i64, String),
    /// The session, the file, the format, and whether to replace the file:
    /// only when the last submit said it exists and the path is the same
    /// (Enter again confirms).
    Minutes(i64, PathBuf, MinutesFormat, bool),
    /// The KRS of a period (`session/krs.rs`).
    EstablishKrs(super::krs::KrsInput),
    Outcome(OutcomeInput),
    /// Cancel a vote with a reason (`session/vote.rs`).
    CancelVote(i64, String),
}

pub(super) fn votes(s: &str) -> Result<Option<Votes>, FormProblem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    Votes::parse(s)
        .map(Some)
        .ok_or_else(|| FormProblem::BadVotes(s.to_string()))
}

/// The outcome form's input, checked as the store will: an SK for
/// `ditetapkan`, a reason for `ditolak`, a date.
fn outcome_input(f: &Form, decision: i64) -> Result<OutcomeInput, FormProblem> {
    let status = f.outcome_status();
    let d = f.text(FieldId::Date);
    let tanggal = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map_err(|_| FormProblem::BadDate(d.trim().to_string()))?;
    let given = |id| Some(f.text(id)).filter(|t| !t.trim().is_empty());
    let sk = given(FieldId::Sk).filter(|_| status.needs_sk());
    let reason = given(FieldId::Reason);
    let refused = |r| Err(FormProblem::Problem(Problem::Refused(r)));
    if status.needs_sk() && sk.is_none() {
        return refused(Refusal::OutcomeNeedsSk);
    }
    if status.needs_reason() && reason.is_none() {
        return refused(Refusal::OutcomeNeedsReason);
    }
    Ok(OutcomeInput {
        decision,
        status,
        sk,
        tanggal,
        reason,
    })
}

/// A recusal's input: a reason is required.
fn recusal(
    f: &Form,
    session: i64,
    nip: &str,
    member: Result<String, Problem>,
) -> Result<Write, FormProblem> {
    let reason = f.text(FieldId::Reason);
    if reason.trim().is_empty() {
        return Err(Problem::Refused(Refusal::NoReason).into());
    }
    Ok(Write::Recuse {
        session,
        member: member?,
        nip: nip.to_string(),
        reason,
    })
}

impl App {
    /// Check the open form; on success write, close it and reload.
    pub(super) fn submit(&mut self) {
        let Some(form) = self.sessions.form.take() else {
            return;
        };
        let mut form = form;
        match self.check(&form).and_then(|w| self.write(w)) {
            Ok(note) => {
                self.reload_sessions();
                self.note(note);
            }
            Err(p) => {
                form.problem = Some(p);
                self.sessions.form = Some(form);
            }
        }
        self.dirty = true;
    }

    fn position_known(&mut self, kode: &str) -> Result<(), FormProblem> {
        let b = self
            .sessions
            .backend
            .as_mut()
            .ok_or(FormProblem::Problem(Problem::Failed(String::new())))?;
        if b.position_exists(kode)? {
            Ok(())
        } else {
            Err(Problem::Refused(Refusal::UnknownPosition(kode.to_string())).into())
        }
    }

    pub(super) fn check(&mut self, f: &Form) -> Result<Write, FormProblem> {
        match &f.kind {
            FormKind::NewSession => {
                let title = f.text(FieldId::Title).trim().to_string();
                if title.is_empty() {
                    return Err(Problem::Refused(Refusal::EmptyTitle).into());
                }
                let d = f.text(FieldId::Date);
                let date = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| FormProblem::BadDate(d.trim().to_string()))?;
                let mut members = Vec::new();
                for line in f.text(FieldId::Members).lines() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    members.push(
                        parse_member(line)
                            .ok_or_else(|| FormProblem::BadMember(line.trim().to_string()))?,
                    );
                }
                if members.is_empty() {
                    return Err(FormProblem::NoMembers);
                }
                let q = f.text(FieldId::Quorum);
                let quorum = match q.trim() {
                    "" => None,
                    t => Some(
                        t.parse::<usize>()
                            .map_err(|_| FormProblem::BadQuorum(t.to_string()))?,
                    ),
                };
                let agenda: Vec<String> = f
                    .text(FieldId::Agenda)
                    .split([',', ' ', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                for k in &agenda {
                    self.position_known(k)?;
                }
                Ok(Write::Create(NewSession {
                    title,
                    date,
                    members,
                    quorum,
                    agenda,
                    place: None,
                    start: None,
                    member_nips: Default::default(),
                }))
            }
            FormKind::Decide { session, nip, .. } | FormKind::Amend { session, nip, .. } => {
                let kind = f.kind();
                let position = Some(f.text(FieldId::Position).trim().to_string())
                    .filter(|p| kind.takes_position() && !p.is_empty());
                let reason = f.text(FieldId::Grounds);
                let votes = votes(&f.text(FieldId::Votes))?;
                let detail = self
                    .sessions
                    .active
                    .as_ref()
                    .filter(|d| d.session.id == *session)
                    .ok_or(Problem::Refused(Refusal::UnknownSession(*session)))?;
                check_decision(
                    detail.is_closed(),
                    *session,
                    &reason,
                    kind,
                    position.is_some(),
                    votes,
                    &detail.quorum_for(nip),
                )
                .map_err(|r| FormProblem::Problem(Problem::Refused(r)))?;
                if let Some(p) = &position {
                    self.position_known(p)?;
                }
                Ok(match &f.kind {
                    FormKind::Amend { decision, .. } => Write::Amend(
                        *decision,
                        Amendment {
                            kind: Some(kind),
                            position: Some(position),
                            reason,
                            votes,
                        },
                    ),
                    _ => Write::Decide(
                        *session,
                        DecisionInput {
                            nip: nip.clone(),
                            kind,
                            position,
                            reason,
                            votes,
                        },
                    ),
                })
            }
            FormKind::Calibrate { session, nip, .. } => self.check_calibration(f, *session, nip),
            FormKind::EstablishKrs { position } => super::krs::check(f, position.as_ref()),
            FormKind::Recuse {
                session,
                nip,
                members,
                ..
            } => {
                let at = f.field(FieldId::Member).map(|m| m.chosen()).unwrap_or(0);
                let member = members
                    .get(at)
                    .cloned()
                    .ok_or(Problem::Refused(Refusal::UnknownMember(String::new())));
                recusal(f, *session, nip, member)
            }
            // One's own: the same recusal, in one's own name.
            FormKind::DeclareConflict {
                session,
                nip,
                member,
                ..
            } => recusal(f, *session, nip, Ok(member.clone())),
            FormKind::Close { session } => Ok(Write::Close(*session)),
            FormKind::Reopen { session } => {
                let reason = f.text(FieldId::Reason);
                if reason.trim().is_empty() {
                    return Err(Problem::Refused(Refusal::NoReason).into());
                }
                Ok(Write::Reopen(*session, reason))
            }
            FormKind::Minutes { session } => {
                let path = f.text(FieldId::Path).trim().to_string();
                if path.is_empty() {
                    return Err(FormProblem::NoPath);
                }
                let path = PathBuf::from(path);
                let confirmed = matches!(
                    &f.problem,
                    Some(FormProblem::Problem(Problem::NotSaved(p, SaveError::Exists))) if *p == path
                );
                Ok(Write::Minutes(*session, path, f.format(), confirmed))
            }
            FormKind::Outcome { decision, .. } => outcome_input(f, *decision).map(Write::Outcome),
            FormKind::CancelVote { vote } => App::check_cancel_vote(f, *vote),
        }
    }

    fn write(&mut self, w: Write) -> Result<SessionNote, FormProblem> {
        let lang = self.lang;
        let b = self
            .sessions
            .backend
            .as_mut()
            .ok_or(FormProblem::Problem(Problem::Failed(String::new())))?;
        Ok(match w {
            Write::Create(s) => {
                let id = b.create(&s)?;
                let d = b.detail(id)?;
                self.sessions.active = Some(d);
                self.sessions.pane = Pane::Members;
                self.sessions.member_cursor = 0;
                self.sessions.decision_cursor = 0;
                SessionNote::Created(id)
            }
            Write::Decide(id, d) => SessionNote::Recorded(b.decide(id, &d)?),
            Write::Calibrate(id, c) => {
                let new = b.calibrate(id, &c)?;
                // The box in effect changed: the pool is read again.
                self.sessions.reload_pool = true;
                SessionNote::Calibrated(new)
            }
            Write::Amend(old, a) => {
                let new = b.amend(old, &a)?;
                SessionNote::Amended { old, new }
            }
            Write::Recuse {
                session,
                member,
                nip,
                reason,
            } => {
                b.recuse(session, &member, &nip, &reason)?;
                SessionNote::Recused { member, nip }
            }
            Write::Close(id) => {
                b.close(id)?;
                SessionNote::Closed(id)
            }
            Write::Reopen(id, reason) => {
                b.reopen(id, &reason)?;
                SessionNote::Reopened(id)
            }
            Write::Outcome(o) => {
                b.outcome(&o)?;
                SessionNote::OutcomeRecorded {
                    decision: o.decision,
                }
            }
            Write::Minutes(id, path, format, overwrite) => {
                let written = b.write_minutes(id, format, lang, &path, overwrite)?;
                self.sessions.last_export = Some(written.clone());
                SessionNote::Written(written)
            }
            Write::EstablishKrs(k) => return self.establish_krs(k),
            Write::CancelVote(v, reason) => return self.cancel_vote(v, &reason),
        })
    }
}
