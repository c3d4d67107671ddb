//! The committee-session part of the screen: the session panel (pick or
//! create a session, attendance, recusals, decisions, close, reopen,
//! minutes), the forms, recusal shown wherever a candidate is, and the
//! refresh when another process changes the database.
//!
//! The selected candidate is the input of every candidate action: the table's
//! row (also a box's list) or the open profile.

pub mod awaiting;
pub mod backend;
mod calibrate;
mod conflict;
pub mod form;
mod krs;
mod submit;
pub mod vote;

use super::scroll::{Move, Scroll};
use super::{App, Context, Notice, View};
use crate::domain::session::{DecisionKind, Refusal};
use crate::store::session::{Decision, SessionDetail, SessionRow};
use backend::{MinutesFormat, Problem, SessionBackend};
use form::{Field, FieldId, Form, FormKind};
use std::path::PathBuf;

pub use crate::app::keymap::Cmd;

/// The focused part of the session panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Sessions,
    Members,
    Decisions,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Sessions => Pane::Members,
            Pane::Members => Pane::Decisions,
            Pane::Decisions => Pane::Sessions,
        }
    }
    fn prev(self) -> Pane {
        self.next().next()
    }
}

/// What a session action did, or why it did not, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionNote {
    /// No session is active: pick or create one first.
    NoSession,
    /// No candidate is selected (the grid, an empty list).
    NoCandidate,
    /// The program runs without a session back end.
    Unavailable,
    Created(i64),
    Attended(String),
    AlreadyPresent(String),
    Recused {
        member: String,
        nip: String,
    },
    Discussed(String),
    Recorded(i64),
    /// A calibration recorded (its id).
    Calibrated(i64),
    /// The KRS of a period established (`positions` counted, those whose
    /// earlier KRS of the period it supersedes named).
    KrsEstablished {
        period: i32,
        sk: String,
        members: usize,
        positions: usize,
        superseded: Vec<String>,
    },
    Amended {
        old: i64,
        new: i64,
    },
    Closed(i64),
    Reopened(i64),
    /// The PPK's outcome of this recommendation was recorded.
    OutcomeRecorded {
        decision: i64,
    },
    Written(PathBuf),
    /// A paste longer than the field's limit (in characters) was cut there.
    PasteCut(usize),
    Refreshed,
    Problem(Problem),
    /// Declaring one's own conflict on the local screen, where no member
    /// is signed in (the recusal form records it in a member's name).
    DeclareLocal,
    /// The signed-in member is not a member of the active session.
    NotAMember {
        name: String,
        session: i64,
    },
    /// No open session lists the signed-in member.
    NoOwnSession(String),
    /// Several open sessions list the signed-in member: they choose one.
    SeveralSessions {
        name: String,
        count: usize,
    },
    /// A committee vote's note (see [`vote`]).
    Vote(vote::VoteNote),
}

/// The session part of the app's state.
#[derive(Default)]
pub struct Sessions {
    backend: Option<Box<dyn SessionBackend>>,
    pub list: Vec<SessionRow>,
    pub list_cursor: usize,
    /// The session everything is recorded in.
    pub active: Option<SessionDetail>,
    pub pane: Pane,
    pub member_cursor: usize,
    pub decision_cursor: usize,
    pub form: Option<Form>,
    /// The recommendations awaiting the PPK, while that list is open.
    pub awaiting: Option<awaiting::AwaitingList>,
    /// Decisions about the candidate whose profile is open: (NIP, all versions).
    pub profile: Option<(String, Vec<Decision>)>,
    /// Where the minutes were last written.
    pub last_export: Option<PathBuf>,
    /// The detail pane's scroll (written by drawing).
    pub scroll: Scroll,
    seen_version: Option<i64>,
    reload_pool: bool,
    /// The committee's open vote and its panel.
    pub vote: vote::VoteState,
}

impl Sessions {
    pub fn available(&self) -> bool {
        self.backend.is_some()
    }

    /// Members of the active session recused for a candidate, with reasons.
    pub fn recusals_for(&self, nip: &str) -> Vec<(&str, &str)> {
        self.active
            .as_ref()
            .map(|d| {
                d.recusals
                    .iter()
                    .filter(|r| r.nip == nip)
                    .map(|r| (r.member.as_str(), r.reason.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the active session has a recusal for this NIP.
    pub fn is_recused(&self, nip: &str) -> bool {
        self.active
            .as_ref()
            .is_some_and(|d| d.recusals.iter().any(|r| r.nip == nip))
    }

    /// The newest version in the chain of decision `id`.
    pub fn latest_version(&self, id: i64) -> i64 {
        let Some(d) = &self.active else { return id };
        let mut cur = id;
        for _ in 0..d.decisions.len() {
            match d
                .decisions
                .iter()
                .find(|x| x.id == cur)
                .and_then(|x| x.superseded_by)
            {
                Some(next) => cur = next,
                None => break,
            }
        }
        cur
    }

    pub fn selected_decision(&self) -> Option<&Decision> {
        self.active.as_ref()?.decisions.get(self.decision_cursor)
    }
}

impl App {
    /// Give the app its session back end (the TUI runner's own store connection).
    pub fn attach_sessions(&mut self, backend: Box<dyn SessionBackend>) {
        self.sessions.backend = Some(backend);
        self.sessions.seen_version = self
            .sessions
            .backend
            .as_mut()
            .and_then(|b| b.data_version());
        self.reload_sessions();
    }

    /// Whether the pool should be loaded again (the database changed); clears the request.
    pub fn take_pool_reload(&mut self) -> bool {
        std::mem::take(&mut self.sessions.reload_pool)
    }

    /// The candidate the candidate actions apply to: the one under the
    /// cursor of the list on screen (or under the session panel), the open
    /// profile's; none on the grid or the positions (`App::candidate_crumb`).
    pub fn selected_candidate(&self) -> Option<(String, String)> {
        let c = self.candidate_in_view()?;
        Some((c.nip.to_string(), c.nama.to_string()))
    }

    fn note(&mut self, n: SessionNote) {
        self.notice = Some(Notice::Session(n));
        self.dirty = true;
    }

    /// Read the list, the active session and the open profile's decisions again.
    pub(super) fn reload_sessions(&mut self) {
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        let mut problem = None;
        match b.list() {
            Ok(l) => self.sessions.list = l,
            Err(p) => problem = Some(p),
        }
        if let Some(id) = self.sessions.active.as_ref().map(|d| d.session.id) {
            match b.detail(id) {
                Ok(d) => self.sessions.active = Some(d),
                Err(Problem::Refused(Refusal::UnknownSession(_))) => self.sessions.active = None,
                Err(p) => problem = Some(p),
            }
        }
        let nip = self.sessions.profile.as_ref().map(|(n, _)| n.clone());
        if let Some(nip) = nip {
            match b.decisions_for(&nip) {
                Ok(ds) => self.sessions.profile = Some((nip, ds)),
                Err(p) => problem = Some(p),
            }
        }
        let s = &mut self.sessions;
        s.list_cursor = s.list_cursor.min(s.list.len().saturating_sub(1));
        let (members, decisions) = s
            .active
            .as_ref()
            .map_or((0, 0), |d| (d.members.len(), d.decisions.len()));
        s.member_cursor = s.member_cursor.min(members.saturating_sub(1));
        s.decision_cursor = s.decision_cursor.min(decisions.saturating_sub(1));
        if let Some(p) = problem {
            self.note(SessionNote::Problem(p));
        }
        self.reload_awaiting();
        self.reload_vote();
        self.dirty = true;
    }

    /// A profile was opened: load the decisions about its candidate.
    pub(super) fn profile_opened(&mut self, nip: &str) {
        self.sessions.profile = Some((nip.to_string(), Vec::new()));
        self.reload_sessions();
    }

    /// The poll: when another connection committed, read everything again
    /// and ask for the pool to be reloaded.
    pub(super) fn tick(&mut self) {
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        let v = b.data_version();
        if v.is_some() && v != self.sessions.seen_version {
            self.sessions.seen_version = v;
            self.reload_sessions();
            self.sessions.reload_pool = true;
        }
    }

    /// Candidate and session commands reachable from every screen.
    pub(super) fn session_global(&mut self, cmd: Cmd) {
        match cmd {
            Cmd::Sessions => {
                self.help = None;
                if self.view == View::Session {
                    return self.back();
                }
                if !self.sessions.available() {
                    return self.note(SessionNote::Unavailable);
                }
                self.reload_sessions();
                if self.sessions.active.is_none() {
                    self.sessions.pane = Pane::Sessions;
                }
                self.go(crate::app::Crumb::Session);
            }
            Cmd::Decide => self.open_decide(),
            Cmd::Calibrate => self.open_calibrate(),
            Cmd::Recuse => self.open_recuse(),
            Cmd::DeclareConflict => self.open_declare_conflict(),
            Cmd::Discussed => self.mark_discussed(),
            Cmd::Vote => self.toggle_vote(),
            _ => {}
        }
    }

    /// The active session and the selected candidate, or a note saying what is missing.
    fn session_and_candidate(&mut self) -> Option<(i64, String, String)> {
        self.help = None;
        if !self.sessions.available() {
            self.note(SessionNote::Unavailable);
            return None;
        }
        let Some(id) = self.sessions.active.as_ref().map(|d| d.session.id) else {
            self.note(SessionNote::NoSession);
            return None;
        };
        let Some((nip, nama)) = self.selected_candidate() else {
            self.note(SessionNote::NoCandidate);
            return None;
        };
        Some((id, nip, nama))
    }

    fn open_decide(&mut self) {
        let Some((session, nip, nama)) = self.session_and_candidate() else {
            return;
        };
        // Opened from a position's shortlist: that position is the target.
        let position = self.form_position().unwrap_or_default();
        self.sessions.form = Some(Form::new(
            FormKind::Decide { session, nip, nama },
            vec![
                Field::choice(FieldId::Kind, 0, DecisionKind::ALL.len()),
                Field::text(FieldId::Position, &position),
                Field::text(FieldId::Grounds, ""),
                Field::text(FieldId::Votes, ""),
            ],
        ));
    }

    fn open_calibrate(&mut self) {
        let Some((session, nip, nama)) = self.session_and_candidate() else {
            return;
        };
        // The box in effect as the starting point: the committee moves it.
        let kotak = self
            .candidate_in_view()
            .and_then(|c| c.kotak)
            .map(|k| k.to_string())
            .unwrap_or_default();
        self.sessions.form = Some(Form::new(
            FormKind::Calibrate { session, nip, nama },
            vec![
                Field::text(FieldId::Kotak, &kotak),
                Field::text(FieldId::Grounds, ""),
                Field::text(FieldId::Votes, ""),
            ],
        ));
    }

    fn open_recuse(&mut self) {
        let Some((session, nip, nama)) = self.session_and_candidate() else {
            return;
        };
        let members: Vec<String> = self
            .sessions
            .active
            .as_ref()
            .map(|d| d.members.iter().map(|m| m.name.clone()).collect())
            .unwrap_or_default();
        let len = members.len();
        self.sessions.form = Some(Form::new(
            FormKind::Recuse {
                session,
                nip,
                nama,
                members,
            },
            vec![
                Field::choice(FieldId::Member, 0, len),
                Field::text(FieldId::Reason, ""),
            ],
        ));
    }

    fn mark_discussed(&mut self) {
        let Some((session, nip, _)) = self.session_and_candidate() else {
            return;
        };
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        match b.discussed(session, &nip) {
            Ok(()) => {
                self.reload_sessions();
                self.note(SessionNote::Discussed(nip));
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
    }

    /// Keys of the session panel; false when the command is not the panel's.
    pub(super) fn session_command(&mut self, cmd: Cmd) -> bool {
        let s = &mut self.sessions;
        let (members, decisions) = s
            .active
            .as_ref()
            .map_or((0, 0), |d| (d.members.len(), d.decisions.len()));
        let (cursor, len) = match s.pane {
            Pane::Sessions => (&mut s.list_cursor, s.list.len()),
            Pane::Members => (&mut s.member_cursor, members),
            Pane::Decisions => (&mut s.decision_cursor, decisions),
        };
        match Move::of(cmd) {
            // Pages scroll the detail; the other list keys move in the pane.
            Some(Move::PageUp | Move::PageDown) => {
                s.scroll.command(cmd, 0);
                return true;
            }
            Some(m) => {
                *cursor = m.step(*cursor, len, 1);
                return true;
            }
            None => {}
        }
        match cmd {
            Cmd::Left => s.pane = s.pane.prev(),
            Cmd::Right => s.pane = s.pane.next(),
            Cmd::Open => match s.pane {
                Pane::Sessions => self.activate(),
                Pane::Members => self.attend(),
                Pane::Decisions => self.open_amend(),
            },
            Cmd::Attend => self.attend(),
            Cmd::Amend => self.open_amend(),
            Cmd::NewSession => self.open_new_session(),
            Cmd::CloseSession => {
                self.open_on_active(|session| (FormKind::Close { session }, Vec::new()))
            }
            Cmd::Reopen => self.open_on_active(|session| {
                (
                    FormKind::Reopen { session },
                    vec![Field::text(FieldId::Reason, "")],
                )
            }),
            Cmd::Minutes => self.open_on_active(|session| {
                (
                    FormKind::Minutes { session },
                    vec![
                        Field::choice(FieldId::Format, 0, MinutesFormat::ALL.len()),
                        Field::text(FieldId::Path, &MinutesFormat::Md.default_path(session)),
                    ],
                )
            }),
            Cmd::Outcomes => self.open_awaiting(),
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    fn open_on_active(&mut self, f: impl FnOnce(i64) -> (FormKind, Vec<Field>)) {
        match self.sessions.active.as_ref().map(|d| d.session.id) {
            Some(id) => {
                let (kind, fields) = f(id);
                self.sessions.form = Some(Form::new(kind, fields));
            }
            None => self.note(SessionNote::NoSession),
        }
    }

    fn activate(&mut self) {
        let Some(id) = self
            .sessions
            .list
            .get(self.sessions.list_cursor)
            .map(|r| r.id)
        else {
            return;
        };
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        match b.detail(id) {
            Ok(d) => {
                self.sessions.active = Some(d);
                self.sessions.member_cursor = 0;
                self.sessions.decision_cursor = 0;
                self.sessions.pane = Pane::Members;
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
    }

    fn attend(&mut self) {
        let Some(d) = &self.sessions.active else {
            return self.note(SessionNote::NoSession);
        };
        let Some(m) = d.members.get(self.sessions.member_cursor) else {
            return;
        };
        let (id, name, present) = (d.session.id, m.name.clone(), m.present);
        if present {
            return self.note(SessionNote::AlreadyPresent(name));
        }
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        match b.attend(id, &name) {
            Ok(()) => {
                self.reload_sessions();
                self.note(SessionNote::Attended(name));
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
    }

    fn open_amend(&mut self) {
        let Some(d) = self.sessions.selected_decision() else {
            return;
        };
        let latest = self.sessions.latest_version(d.id);
        if latest != d.id {
            let r = Refusal::Superseded {
                decision: d.id,
                latest,
            };
            return self.note(SessionNote::Problem(Problem::Refused(r)));
        }
        let kind = DecisionKind::parse(&d.kind).unwrap_or(DecisionKind::Ditunda);
        let at = DecisionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        let form = Form::new(
            FormKind::Amend {
                session: d.session_id,
                decision: d.id,
                nip: d.nip.clone(),
                nama: d.nama.clone().unwrap_or_default(),
            },
            vec![
                Field::choice(FieldId::Kind, at, DecisionKind::ALL.len()),
                Field::text(FieldId::Position, d.kode_jabatan.as_deref().unwrap_or("")),
                Field::text(FieldId::Grounds, ""),
                Field::text(
                    FieldId::Votes,
                    &d.votes.map(|v| v.to_string()).unwrap_or_default(),
                ),
            ],
        );
        self.sessions.form = Some(form);
    }

    fn open_new_session(&mut self) {
        let date = self.pool().map(|p| p.as_of.to_string()).unwrap_or_default();
        self.sessions.form = Some(Form::new(
            FormKind::NewSession,
            vec![
                Field::text(FieldId::Title, ""),
                Field::text(FieldId::Date, &date),
                Field::lines(FieldId::Members),
                Field::text(FieldId::Quorum, ""),
                Field::text(FieldId::Agenda, ""),
            ],
        ));
    }

    /// Keys while a form is open.
    pub(super) fn form_command(&mut self, cmd: Cmd) {
        use crate::app::input::LineInput;
        let Some(f) = self.sessions.form.as_mut() else {
            return;
        };
        match cmd {
            Cmd::Cancel => self.sessions.form = None,
            Cmd::Accept if !f.newline() => self.submit(),
            Cmd::NextField => f.next_field(),
            Cmd::PrevField => f.prev_field(),
            Cmd::PutToVote => self.put_to_vote(),
            Cmd::Down => f.down(),
            Cmd::Up => f.up(),
            Cmd::CursorLeft => f.left(),
            Cmd::CursorRight => f.right(),
            Cmd::LineStart => f.edit(|i| {
                i.home();
                true
            }),
            Cmd::LineEnd => f.edit(|i| {
                i.end();
                true
            }),
            Cmd::DeleteBack => f.edit(LineInput::delete_back),
            Cmd::DeleteForward => f.edit(LineInput::delete_forward),
            Cmd::DeleteWord => f.edit(LineInput::delete_word),
            Cmd::ClearLine => f.edit(LineInput::clear),
            _ => {}
        }
    }

    pub(super) fn form_type(&mut self, c: char) {
        if let Some(f) = self.sessions.form.as_mut() {
            f.insert(c);
            self.dirty = true;
        }
    }

    pub(super) fn form_paste(&mut self, text: &str) {
        if let Some(f) = self.sessions.form.as_mut() {
            if f.paste(text) {
                self.note(SessionNote::PasteCut(crate::app::input::MAX_CHARS));
            }
            self.dirty = true;
        }
    }

    /// The key context while the session part has the keyboard.
    pub(super) fn session_context(&self) -> Option<Context> {
        match (&self.sessions.form, &self.sessions.awaiting) {
            (Some(_), _) => Some(Context::Form),
            (None, _) if self.sessions.vote.shown && self.help.is_none() => Some(Context::Vote),
            (None, Some(_)) if self.view == View::Session && self.help.is_none() => {
                Some(Context::Outcomes)
            }
            _ => None,
        }
    }
}
