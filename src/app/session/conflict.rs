//! A member's own declaration of a conflict of interest (benturan
//! kepentingan) for the selected candidate, from their own screen over
//! `talenta serve`: a form with the reason, recorded in the active session
//! in the member's name through the same store function as the secretary's
//! recusal (so it counts exactly as one). Locally there is no member at the
//! keyboard: the secretary's recusal form (`r`) records it in a member's name.
//!
//! The session is the active one; a member who has none yet gets the one
//! open session that lists them, on first need (with several, they choose in
//! the session panel as the secretary does).

use super::form::{Field, FieldId, Form, FormKind};
use super::{Pane, SessionNote};
use crate::app::App;
use crate::domain::session::{Refusal, SessionStatus};

impl App {
    /// `B`: the form of one's own conflict for the selected candidate.
    pub(in crate::app) fn open_declare_conflict(&mut self) {
        self.help = None;
        let Some(name) = self.access.identity().map(|i| i.name.clone()) else {
            return self.note(SessionNote::DeclareLocal);
        };
        if !self.sessions.available() {
            return self.note(SessionNote::Unavailable);
        }
        let Some(session) = self.own_session(&name) else {
            return;
        };
        let Some((nip, nama)) = self.selected_candidate() else {
            return self.note(SessionNote::NoCandidate);
        };
        self.sessions.form = Some(Form::new(
            FormKind::DeclareConflict {
                session,
                nip,
                nama,
                member: name,
            },
            vec![Field::text(FieldId::Reason, "")],
        ));
    }

    /// The open active session that lists `name` as a member; with none
    /// active, the one open session that does (made active). `None` with a
    /// note saying why when there is no such session.
    pub(in crate::app) fn own_session(&mut self, name: &str) -> Option<i64> {
        if self.sessions.active.is_none() {
            self.activate_own_session(name)?;
        }
        let d = self.sessions.active.as_ref()?;
        let id = d.session.id;
        if d.is_closed() {
            self.note(SessionNote::Problem(super::Problem::Refused(
                Refusal::SessionClosed(id),
            )));
            return None;
        }
        if !d.members.iter().any(|m| m.name == name) {
            self.note(SessionNote::NotAMember {
                name: name.to_string(),
                session: id,
            });
            return None;
        }
        Some(id)
    }

    /// Make the one open session listing `name` active; a note when there
    /// is none or more than one.
    fn activate_own_session(&mut self, name: &str) -> Option<()> {
        self.reload_sessions();
        let open: Vec<i64> = (self.sessions.list.iter())
            .filter(|r| r.status == SessionStatus::Open)
            .map(|r| r.id)
            .collect();
        let b = self.sessions.backend.as_mut()?;
        let mut theirs = Vec::new();
        for id in open {
            match b.detail(id) {
                Ok(d) if d.members.iter().any(|m| m.name == name) => theirs.push(d),
                Ok(_) => {}
                Err(p) => {
                    self.note(SessionNote::Problem(p));
                    return None;
                }
            }
        }
        let count = theirs.len();
        match (theirs.pop(), count) {
            (Some(d), 1) => {
                self.sessions.list_cursor = (self.sessions.list.iter())
                    .position(|r| r.id == d.session.id)
                    .unwrap_or(0);
                self.sessions.active = Some(d);
                self.sessions.member_cursor = 0;
                self.sessions.decision_cursor = 0;
                self.sessions.pane = Pane::Members;
                Some(())
            }
            (None, _) => {
                self.note(SessionNote::NoOwnSession(name.to_string()));
                None
            }
            _ => {
                self.note(SessionNote::SeveralSessions {
                    name: name.to_string(),
                    count,
                });
                None
            }
        }
    }
}
