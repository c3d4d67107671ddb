//! What the person at the keyboard may do on the screen. Every command that
//! writes names the act it takes in [`act_of`], the one place; `App::command`
//! asks [`App::access`](super::App) before the command runs, and a refused
//! command opens no form, writes nothing and says why in the status line.
//! The session back end checks again before it touches the database
//! (`session::backend::StoreSessions`), so a path that forgot this check
//! still writes nothing.

use super::keymap::{Cmd, Context};
use super::session::backend::Problem;
use super::session::{Pane, SessionNote};
use super::App;
use crate::domain::access::Act;

/// The act `cmd` takes in `ctx` (with `pane` focused on the session panel),
/// or `None` for a command that only reads, moves, edits the text of an open
/// form or prompt, or submits a form that was allowed when it opened (the
/// back end checks the write again). No wildcard: a new command is
/// classified here or the program does not compile.
pub fn act_of(ctx: Context, pane: Pane, cmd: Cmd) -> Option<Act> {
    match cmd {
        Cmd::NewSession | Cmd::Attend | Cmd::Discussed => Some(Act::RunSession),
        Cmd::Recuse => Some(Act::RecordRecusal),
        Cmd::DeclareConflict => Some(Act::DeclareOwnConflict),
        Cmd::Decide | Cmd::Amend => Some(Act::Recommend),
        Cmd::Calibrate => Some(Act::Calibrate),
        Cmd::CloseSession | Cmd::Reopen => Some(Act::CloseSession),
        Cmd::Minutes => Some(Act::WriteMinutes),
        Cmd::EstablishKrs => Some(Act::EstablishKrs),
        Cmd::PutToVote | Cmd::CloseVote | Cmd::CancelVote => Some(Act::RunVote),
        Cmd::VoteFor | Cmd::VoteAgainst | Cmd::VoteAbstain => Some(Act::CastVote),
        // Enter does what the focused list offers: on the session panel's
        // members it records attendance, on its decisions it amends, on the
        // recommendations awaiting the PPK it records the outcome.
        Cmd::Open => match (ctx, pane) {
            (Context::Session, Pane::Members) => Some(Act::RunSession),
            (Context::Session, Pane::Decisions) => Some(Act::Recommend),
            (Context::Outcomes, _) => Some(Act::RecordOutcome),
            _ => None,
        },
        Cmd::Quit
        | Cmd::Help
        | Cmd::Filter
        | Cmd::Jump
        | Cmd::Grid
        | Cmd::Lang
        | Cmd::Up
        | Cmd::Down
        | Cmd::Left
        | Cmd::Right
        | Cmd::Top
        | Cmd::Bottom
        | Cmd::PageUp
        | Cmd::PageDown
        | Cmd::Back
        | Cmd::Sort
        | Cmd::SortReverse
        | Cmd::Next
        | Cmd::Previous
        | Cmd::Accept
        | Cmd::Cancel
        | Cmd::CursorLeft
        | Cmd::CursorRight
        | Cmd::LineStart
        | Cmd::LineEnd
        | Cmd::DeleteBack
        | Cmd::DeleteForward
        | Cmd::ClearLine
        | Cmd::DeleteWord
        | Cmd::NextMatch
        | Cmd::Positions
        | Cmd::Mark
        | Cmd::Compare
        | Cmd::Conditions
        | Cmd::Sessions
        | Cmd::Outcomes
        | Cmd::NextField
        | Cmd::PrevField
        | Cmd::Vote => None,
    }
}

impl App {
    /// Whether `cmd` may run in `ctx`; when not, the refusal (the role, and
    /// who may) is the notice.
    pub(super) fn permitted(&mut self, ctx: Context, cmd: Cmd) -> bool {
        let Some(act) = act_of(ctx, self.sessions.pane, cmd) else {
            return true;
        };
        match self.access.check(act) {
            Ok(()) => true,
            Err(d) => {
                let note = SessionNote::Problem(Problem::Denied(d));
                self.notice = Some(super::Notice::Session(note));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands that only read, move or edit: every other command must
    /// name its act, so a new writing command cannot slip past the roles.
    const READ_ONLY: &[Cmd] = &[
        Cmd::Quit,
        Cmd::Help,
        Cmd::Filter,
        Cmd::Jump,
        Cmd::Grid,
        Cmd::Lang,
        Cmd::Up,
        Cmd::Down,
        Cmd::Left,
        Cmd::Right,
        Cmd::Top,
        Cmd::Bottom,
        Cmd::PageUp,
        Cmd::PageDown,
        Cmd::Back,
        Cmd::Sort,
        Cmd::SortReverse,
        Cmd::Next,
        Cmd::Previous,
        Cmd::Accept,
        Cmd::Cancel,
        Cmd::CursorLeft,
        Cmd::CursorRight,
        Cmd::LineStart,
        Cmd::LineEnd,
        Cmd::DeleteBack,
        Cmd::DeleteForward,
        Cmd::ClearLine,
        Cmd::DeleteWord,
        Cmd::NextMatch,
        Cmd::Positions,
        Cmd::Mark,
        Cmd::Compare,
        Cmd::Conditions,
        Cmd::Sessions,
        Cmd::Outcomes,
        Cmd::NextField,
        Cmd::PrevField,
        Cmd::Vote,
    ];

    const PANES: [Pane; 3] = [Pane::Sessions, Pane::Members, Pane::Decisions];

    #[test]
    fn every_command_either_reads_or_names_its_act() {
        for cmd in Cmd::ALL {
            for ctx in Context::ALL {
                for pane in PANES {
                    let act = act_of(ctx, pane, cmd);
                    if cmd == Cmd::Open {
                        continue;
                    }
                    assert_eq!(
                        act.is_none(),
                        READ_ONLY.contains(&cmd),
                        "{cmd:?} in {ctx:?}: {act:?}; a command that writes names its act, \
                         one that only reads is listed in READ_ONLY"
                    );
                }
            }
        }
    }

    #[test]
    fn enter_acts_as_the_focused_list_offers() {
        let open = |ctx, pane| act_of(ctx, pane, Cmd::Open);
        assert_eq!(
            open(Context::Session, Pane::Sessions),
            None,
            "choosing a session reads"
        );
        assert_eq!(open(Context::Session, Pane::Members), Some(Act::RunSession));
        assert_eq!(
            open(Context::Session, Pane::Decisions),
            Some(Act::Recommend)
        );
        assert_eq!(
            open(Context::Outcomes, Pane::Sessions),
            Some(Act::RecordOutcome)
        );
        for ctx in [
            Context::Table,
            Context::Grid,
            Context::Positions,
            Context::Shortlist,
        ] {
            assert_eq!(open(ctx, Pane::Members), None, "{ctx:?}");
        }
    }

    #[test]
    fn the_writing_commands_name_the_acts_of_the_contract() {
        let act = |cmd| act_of(Context::Global, Pane::Sessions, cmd);
        assert_eq!(act(Cmd::Decide), Some(Act::Recommend));
        assert_eq!(act(Cmd::Amend), Some(Act::Recommend));
        assert_eq!(act(Cmd::Calibrate), Some(Act::Calibrate));
        assert_eq!(act(Cmd::CloseSession), Some(Act::CloseSession));
        assert_eq!(act(Cmd::Reopen), Some(Act::CloseSession));
        assert_eq!(act(Cmd::Attend), Some(Act::RunSession));
        assert_eq!(act(Cmd::NewSession), Some(Act::RunSession));
        assert_eq!(act(Cmd::Discussed), Some(Act::RunSession));
        assert_eq!(act(Cmd::Recuse), Some(Act::RecordRecusal));
        assert_eq!(act(Cmd::DeclareConflict), Some(Act::DeclareOwnConflict));
        assert_eq!(act(Cmd::Minutes), Some(Act::WriteMinutes));
        assert_eq!(act(Cmd::EstablishKrs), Some(Act::EstablishKrs));
    }
}
