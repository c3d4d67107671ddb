//! The committee's vote on the screen: the secretary (Act::RunVote) puts the
//! recommendation or calibration form to a vote instead of typing the votes,
//! and closes or cancels it from the vote panel, where the tally shows live
//! (read again whenever the database changes); a member (Act::CastVote) sees
//! the open vote announced, opens the panel and votes for / against /
//! abstains with a key, as themself (`Access::Member`). On the local screen
//! (the administrator) the panel shows the tally and the secretary's keys; a
//! ballot for a chosen member goes through `talenta session vote cast`.

use super::backend::{Outcome, Problem, StoreSessions};
use super::form::{Field, FieldId, FormKind, FormProblem};
use super::submit::Write;
use super::SessionNote;
use crate::app::keymap::Cmd;
use crate::app::App;
use crate::domain::access::{Access, Act};
use crate::domain::session::Refusal;
use crate::domain::vote::{Choice, Subject};
use crate::store::session::vote::{self as sv, Proposal, VoteDetail};

/// The store's votes, as the screen asks for them.
pub trait VoteBackend {
    fn open_vote(&mut self, session: i64, p: &Proposal) -> Outcome<i64>;
    fn cast_vote(&mut self, vote: i64, member: &str, c: Choice) -> Outcome<()>;
    /// Returns the id of the recommendation or calibration recorded.
    fn close_vote(&mut self, vote: i64) -> Outcome<i64>;
    fn cancel_vote(&mut self, vote: i64, reason: &str) -> Outcome<()>;
    /// Every open vote of an open session.
    fn open_votes(&mut self) -> Outcome<Vec<VoteDetail>>;
}

impl VoteBackend for StoreSessions {
    fn open_vote(&mut self, session: i64, p: &Proposal) -> Outcome<i64> {
        self.permit(Act::RunVote)?;
        Ok(sv::open(&mut self.store, &self.actor, session, p)?)
    }

    fn cast_vote(&mut self, vote: i64, member: &str, c: Choice) -> Outcome<()> {
        self.permit(Act::CastVote)?;
        // A member signed in by key casts their own ballot only.
        if let Some(i) = self.access.identity() {
            if i.name != member {
                return Err(Problem::Denied(crate::domain::access::Denied {
                    role: i.role,
                    act: Act::CastVote,
                }));
            }
        }
        Ok(sv::cast(&mut self.store, &self.actor, vote, member, c)?)
    }

    fn close_vote(&mut self, vote: i64) -> Outcome<i64> {
        self.permit(Act::RunVote)?;
        Ok(sv::close(&mut self.store, &self.actor, &self.rules, vote)?)
    }

    fn cancel_vote(&mut self, vote: i64, reason: &str) -> Outcome<()> {
        self.permit(Act::RunVote)?;
        Ok(sv::cancel(&mut self.store, &self.actor, vote, reason)?)
    }

    fn open_votes(&mut self) -> Outcome<Vec<VoteDetail>> {
        Ok(sv::open_votes(&self.store.conn)?)
    }
}

/// What the vote panel follows.
#[derive(Debug, Default)]
pub struct VoteState {
    /// The panel is on the screen.
    pub shown: bool,
    /// The open vote this screen follows: the active session's, else one of
    /// a session the member sits in, else the first open one.
    pub current: Option<VoteDetail>,
    /// The last vote announced in the status line.
    announced: Option<i64>,
}

/// What a vote action did, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteNote {
    /// A vote opened (announced once on every screen).
    Opened {
        vote: i64,
        nama: String,
    },
    /// This screen put the form to a vote.
    Started(i64),
    Cast(Choice),
    Recorded {
        decision: bool,
        record: i64,
    },
    Cancelled,
    NoVote,
    /// The local screen shows the tally; ballots are members' own.
    LocalCasts,
    /// The role may not take the act.
    Denied(Act),
}

impl App {
    fn vote_note(&mut self, n: VoteNote) {
        self.note(SessionNote::Vote(n));
    }

    fn allowed(&mut self, act: Act) -> bool {
        let ok = self.access.check(act).is_ok();
        if !ok {
            self.vote_note(VoteNote::Denied(act));
        }
        ok
    }

    /// Read the open votes again (after every reload of the sessions) and
    /// announce a vote this screen has not announced yet.
    pub(super) fn reload_vote(&mut self) {
        let Some(b) = self.sessions.backend.as_mut().and_then(|b| b.votes()) else {
            return;
        };
        let votes = match b.open_votes() {
            Ok(v) => v,
            Err(p) => return self.note(SessionNote::Problem(p)),
        };
        let active = self.sessions.active.as_ref().map(|d| d.session.id);
        let name = self.access.identity().map(|i| i.name.clone());
        let pick = votes
            .iter()
            .position(|v| Some(v.session_id) == active)
            .or_else(|| {
                votes
                    .iter()
                    .position(|v| name.as_ref().is_some_and(|n| v.members.contains(n)))
            })
            .or((!votes.is_empty()).then_some(0));
        let current = pick.and_then(|i| votes.into_iter().nth(i));
        let v = &mut self.sessions.vote;
        let fresh = current
            .as_ref()
            .filter(|c| v.announced != Some(c.id))
            .map(|c| (c.id, c.nama.clone().unwrap_or_else(|| c.nip.clone())));
        v.current = current;
        if v.current.is_none() {
            v.shown = false;
        }
        if let Some((vote, nama)) = fresh {
            v.announced = Some(vote);
            self.vote_note(VoteNote::Opened { vote, nama });
        }
    }

    /// `V`: show or hide the vote panel.
    pub(super) fn toggle_vote(&mut self) {
        self.help = None;
        if self.sessions.vote.shown {
            self.sessions.vote.shown = false;
            return;
        }
        self.reload_vote();
        if self.sessions.vote.current.is_some() {
            self.sessions.vote.shown = true;
        } else {
            self.vote_note(VoteNote::NoVote);
        }
    }

    /// The form's key: put the recommendation or calibration to a vote.
    pub(super) fn put_to_vote(&mut self) {
        let Some(form) = self.sessions.form.take() else {
            return;
        };
        if !matches!(
            form.kind,
            FormKind::Decide { .. } | FormKind::Calibrate { .. }
        ) || !self.allowed(Act::RunVote)
        {
            self.sessions.form = Some(form);
            return;
        }
        let proposal = self.check(&form).and_then(|w| match w {
            Write::Decide(s, d) => Ok((s, Proposal::Decision(d))),
            Write::Calibrate(s, c) => Ok((s, Proposal::Calibration(c))),
            _ => Err(FormProblem::Problem(Problem::Failed(String::new()))),
        });
        let opened = proposal.and_then(|(session, mut p)| {
            match &mut p {
                Proposal::Decision(d) => d.votes = None,
                Proposal::Calibration(c) => c.votes = None,
            }
            let b = self.sessions.backend.as_mut().and_then(|b| b.votes());
            let b = b.ok_or(FormProblem::Problem(Problem::Failed(String::new())))?;
            Ok(b.open_vote(session, &p)?)
        });
        match opened {
            Ok(vote) => {
                self.sessions.vote.announced = Some(vote);
                self.reload_sessions();
                self.sessions.vote.shown = self.sessions.vote.current.is_some();
                self.vote_note(VoteNote::Started(vote));
            }
            Err(p) => {
                let mut form = form;
                form.problem = Some(p);
                self.sessions.form = Some(form);
            }
        }
    }

    /// Keys of the vote panel.
    pub(in crate::app) fn vote_command(&mut self, cmd: Cmd) -> bool {
        let Some(vote) = self.sessions.vote.current.as_ref().map(|v| v.id) else {
            self.sessions.vote.shown = false;
            return false;
        };
        match cmd {
            Cmd::VoteFor => self.cast(vote, Choice::Setuju),
            Cmd::VoteAgainst => self.cast(vote, Choice::TidakSetuju),
            Cmd::VoteAbstain => self.cast(vote, Choice::Abstain),
            Cmd::CloseVote => self.close_vote(vote),
            Cmd::CancelVote => {
                if self.allowed(Act::RunVote) {
                    self.sessions.form = Some(super::form::Form::new(
                        FormKind::CancelVote { vote },
                        vec![Field::text(FieldId::Reason, "")],
                    ));
                }
            }
            Cmd::Back | Cmd::Vote => self.sessions.vote.shown = false,
            _ => return false,
        }
        true
    }

    fn cast(&mut self, vote: i64, c: Choice) {
        let name = match &self.access {
            Access::Local => return self.vote_note(VoteNote::LocalCasts),
            Access::Member(m) => m.name.clone(),
        };
        if !self.allowed(Act::CastVote) {
            return;
        }
        let Some(b) = self.sessions.backend.as_mut().and_then(|b| b.votes()) else {
            return;
        };
        match b.cast_vote(vote, &name, c) {
            Ok(()) => {
                self.reload_sessions();
                self.vote_note(VoteNote::Cast(c));
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
    }

    fn close_vote(&mut self, vote: i64) {
        if !self.allowed(Act::RunVote) {
            return;
        }
        let decision = self
            .sessions
            .vote
            .current
            .as_ref()
            .is_some_and(|v| v.subject == Subject::Decision);
        let Some(b) = self.sessions.backend.as_mut().and_then(|b| b.votes()) else {
            return;
        };
        match b.close_vote(vote) {
            Ok(record) => {
                self.sessions.reload_pool |= !decision;
                self.reload_sessions();
                self.vote_note(VoteNote::Recorded { decision, record });
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
    }

    /// The cancel form's check: a reason.
    pub(super) fn check_cancel_vote(
        f: &super::form::Form,
        vote: i64,
    ) -> Result<Write, FormProblem> {
        let reason = f.text(FieldId::Reason);
        if reason.trim().is_empty() {
            return Err(Problem::Refused(Refusal::NoReason).into());
        }
        Ok(Write::CancelVote(vote, reason))
    }

    /// Cancel the vote (from its form).
    pub(super) fn cancel_vote(
        &mut self,
        vote: i64,
        reason: &str,
    ) -> Result<SessionNote, FormProblem> {
        let b = self.sessions.backend.as_mut().and_then(|b| b.votes());
        let b = b.ok_or(FormProblem::Problem(Problem::Failed(String::new())))?;
        b.cancel_vote(vote, reason)?;
        Ok(SessionNote::Vote(VoteNote::Cancelled))
    }
}

/// The text of a vote note.
pub fn note_text(lang: crate::lang::Lang, n: &VoteNote) -> String {
    use crate::tr;
    match n {
        VoteNote::Opened { vote, nama } => tr!(lang, vote::note_opened(*vote, nama)),
        VoteNote::Started(v) => tr!(lang, vote::note_vote_opened(*v)),
        VoteNote::Cast(c) => tr!(lang, vote::note_cast(*c)),
        VoteNote::Recorded { decision, record } => tr!(
            lang,
            vote::note_recorded(tr!(lang, vote::subject(*decision)), *record)
        ),
        VoteNote::Cancelled => tr!(lang, vote::NOTE_CANCELLED).into(),
        VoteNote::NoVote => tr!(lang, vote::NO_VOTE).into(),
        VoteNote::LocalCasts => tr!(lang, vote::NOTE_LOCAL_CASTS).into(),
        VoteNote::Denied(act) => tr!(lang, vote::denied(*act)),
    }
}
