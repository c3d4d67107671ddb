//! The recommendations awaiting the PPK's outcome, across sessions: no
//! outcome yet, or postponed (`ditunda`) the last time. Reached from the
//! session panel; Enter opens the outcome form for the selected one (its
//! latest version), which the secretary fills when the PPK's answer (the SK,
//! a rejection, a postponement) arrives.

use super::form::{Field, FieldId, Form, FormKind};
use super::SessionNote;
use crate::app::keymap::Cmd;
use crate::app::scroll::Scroll;
use crate::app::{App, View};
use crate::domain::outcome::OutcomeStatus;
use crate::store::session::outcome::Awaiting;

/// The list and its cursor.
#[derive(Debug)]
pub struct AwaitingList {
    pub rows: Vec<Awaiting>,
    pub cursor: Scroll,
}

impl AwaitingList {
    pub fn selected(&self) -> Option<&Awaiting> {
        self.rows.get(self.cursor.cursor)
    }
}

impl App {
    /// Open the list (from the session panel).
    pub(super) fn open_awaiting(&mut self) {
        if !self.sessions.available() {
            return self.note(SessionNote::Unavailable);
        }
        self.sessions.awaiting = Some(AwaitingList {
            rows: Vec::new(),
            cursor: Scroll::list(),
        });
        self.reload_awaiting();
    }

    /// Read the list again when it is open (after a write, or when another
    /// process changed the database); the cursor stays on its row.
    pub(super) fn reload_awaiting(&mut self) {
        if self.sessions.awaiting.is_none() {
            return;
        }
        let Some(b) = self.sessions.backend.as_mut() else {
            return;
        };
        match b.awaiting() {
            Ok(rows) => {
                if let Some(list) = self.sessions.awaiting.as_mut() {
                    let keep = list.selected().map(|a| a.decision.id);
                    let at = keep
                        .and_then(|id| rows.iter().position(|a| a.decision.id >= id))
                        .unwrap_or(0);
                    list.rows = rows;
                    let len = list.rows.len();
                    list.cursor.set(at, len);
                }
            }
            Err(p) => self.note(SessionNote::Problem(p)),
        }
        self.dirty = true;
    }

    /// Keys of the list; false when the command is not the list's.
    pub(crate) fn awaiting_command(&mut self, cmd: Cmd) -> bool {
        let Some(list) = self.sessions.awaiting.as_mut() else {
            return false;
        };
        let len = list.rows.len();
        if list.cursor.command(cmd, len) {
            return true;
        }
        match cmd {
            Cmd::Open => self.open_outcome(),
            Cmd::Back => {
                self.sessions.awaiting = None;
                self.view = View::Session;
            }
            _ => return false,
        }
        true
    }

    /// The outcome form for the selected recommendation.
    fn open_outcome(&mut self) {
        let Some(a) = self.sessions.awaiting.as_ref().and_then(|l| l.selected()) else {
            return;
        };
        let d = &a.decision;
        let date = self.pool().map(|p| p.as_of.to_string()).unwrap_or_default();
        let form = Form::new(
            FormKind::Outcome {
                decision: d.id,
                nip: d.nip.clone(),
                nama: d.nama.clone().unwrap_or_default(),
            },
            vec![
                Field::choice(FieldId::Status, 0, OutcomeStatus::ALL.len()),
                Field::text(FieldId::Sk, ""),
                Field::text(FieldId::Date, &date),
                Field::text(FieldId::Reason, ""),
            ],
        );
        self.sessions.form = Some(form);
    }
}
