//! The app's values in the user's language: each `match` over an app type is
//! written here once and picks its text from the language's strings
//! (`strings::{id,en}`), which name no app type.

use super::keymap::{Cmd, Context, KeyError};
use super::session::backend::Problem;
use super::session::form::{FieldId, FormKind, FormProblem};
use super::session::SessionNote;
use super::sort::Column;
use super::Notice;
use crate::strings::texts::Said;
use crate::strings::Lang;
use crate::tr;

impl Column {
    /// The column's header.
    pub fn label(self, lang: Lang) -> &'static str {
        let n = tr!(lang, ui::COLUMNS);
        match self {
            Column::Nip => n.nip,
            Column::Nama => n.nama,
            Column::Jabatan => n.jabatan,
            Column::Unit => n.unit,
            Column::Golongan => n.golongan,
            Column::Kinerja => n.kinerja,
            Column::Potensi => n.potensi,
            Column::Kotak => n.kotak,
        }
    }
}

impl Context {
    /// The context's title in the help and docs/keys.md.
    pub fn title(self, lang: Lang) -> &'static str {
        let t = tr!(lang, ui::CONTEXTS);
        match self {
            Context::Global => t.global,
            Context::Table => t.table,
            Context::Grid => t.grid,
            Context::Profile => t.profile,
            Context::Positions => t.positions,
            Context::Shortlist => t.shortlist,
            Context::Compare => t.compare,
            Context::Help => t.help,
            Context::Prompt => t.prompt,
            Context::Session => t.session,
            Context::Outcomes => tr!(lang, outcome::CONTEXT),
            Context::Vote => tr!(lang, vote::CONTEXT),
            Context::Form => t.form,
        }
    }
}

/// What a command does in a context (the help and docs/keys.md).
pub fn key_help(lang: Lang, ctx: Context, cmd: Cmd) -> &'static str {
    let h = tr!(lang, ui::KEY_HELP);
    match (ctx, cmd) {
        (Context::Session, Cmd::Up) => h.session_up,
        (Context::Session, Cmd::Down) => h.session_down,
        (Context::Session, Cmd::Left) => h.session_left,
        (Context::Session, Cmd::Right) => h.session_right,
        (Context::Session, Cmd::Open) => h.session_open,
        (Context::Outcomes, Cmd::Open) => tr!(lang, outcome::KEY_OPEN),
        (Context::Outcomes, Cmd::Back) => tr!(lang, outcome::KEY_BACK),
        (_, Cmd::Outcomes) => tr!(lang, outcome::KEY_OUTCOMES),
        (Context::Vote, Cmd::Back) => tr!(lang, vote::KEY_BACK),
        (_, Cmd::Vote) => tr!(lang, vote::KEY_VOTE),
        (_, Cmd::PutToVote) => tr!(lang, vote::KEY_PUT_TO_VOTE),
        (_, Cmd::VoteFor) => tr!(lang, vote::KEY_FOR),
        (_, Cmd::VoteAgainst) => tr!(lang, vote::KEY_AGAINST),
        (_, Cmd::VoteAbstain) => tr!(lang, vote::KEY_ABSTAIN),
        (_, Cmd::CloseVote) => tr!(lang, vote::KEY_CLOSE),
        (_, Cmd::CancelVote) => tr!(lang, vote::KEY_CANCEL),
        (Context::Form, Cmd::Accept) => h.form_accept,
        (Context::Form, Cmd::Cancel) => h.form_cancel,
        (Context::Form, Cmd::Down) => h.form_down,
        (Context::Form, Cmd::Up) => h.form_up,
        (Context::Form, Cmd::CursorLeft) => h.form_cursor_left,
        (Context::Form, Cmd::CursorRight) => h.form_cursor_right,
        (_, Cmd::Sessions) => h.sessions,
        (_, Cmd::Decide) => h.decide,
        (_, Cmd::Calibrate) => tr!(lang, calibration::KEY_HELP),
        (_, Cmd::EstablishKrs) => tr!(lang, krs::KEY_HELP_ESTABLISH),
        (_, Cmd::Recuse) => h.recuse,
        (_, Cmd::DeclareConflict) => tr!(lang, roles::KEY_HELP_DECLARE),
        (_, Cmd::Discussed) => h.discussed,
        (_, Cmd::NewSession) => h.new_session,
        (_, Cmd::Attend) => h.attend,
        (_, Cmd::Amend) => h.amend,
        (_, Cmd::CloseSession) => h.close_session,
        (_, Cmd::Reopen) => h.reopen,
        (_, Cmd::Minutes) => h.minutes,
        (_, Cmd::NextField) => h.next_field,
        (_, Cmd::PrevField) => h.prev_field,
        (_, Cmd::Quit) => h.quit,
        (_, Cmd::Help) => h.help,
        (_, Cmd::Filter) => h.filter,
        (_, Cmd::Jump) => h.jump,
        (_, Cmd::Grid) => h.grid,
        (_, Cmd::Positions) => h.positions,
        (_, Cmd::Mark) => h.mark,
        (_, Cmd::Compare) => h.compare,
        (_, Cmd::Conditions) => h.conditions,
        (Context::Positions, Cmd::Open) => h.positions_open,
        (Context::Positions, Cmd::Back) => h.positions_back,
        (Context::Positions, Cmd::Up) => h.positions_up,
        (Context::Positions, Cmd::Down) => h.positions_down,
        (Context::Shortlist, Cmd::Up) => h.shortlist_up,
        (Context::Shortlist, Cmd::Down) => h.shortlist_down,
        (Context::Shortlist, Cmd::Open) => h.shortlist_open,
        (Context::Shortlist, Cmd::Back) => h.shortlist_back,
        (Context::Compare, Cmd::Back) => h.compare_back,
        (Context::Compare, Cmd::Left) => tr!(lang, positions::KEY_HELP_COMPARE_LEFT),
        (Context::Compare, Cmd::Right) => tr!(lang, positions::KEY_HELP_COMPARE_RIGHT),
        (Context::Compare, Cmd::Open) => tr!(lang, positions::KEY_HELP_COMPARE_OPEN),
        (_, Cmd::Lang) => h.lang,
        (Context::Grid, Cmd::Up) => h.grid_up,
        (Context::Grid, Cmd::Down) => h.grid_down,
        (Context::Grid, Cmd::Left) => h.grid_left,
        (Context::Grid, Cmd::Right) => h.grid_right,
        (Context::Table, Cmd::Up) => h.table_up,
        (Context::Table, Cmd::Down) => h.table_down,
        (_, Cmd::Up) => h.up,
        (_, Cmd::Down) => h.down,
        (_, Cmd::Left) => h.left,
        (_, Cmd::Right) => h.right,
        (_, Cmd::PageUp) => h.page_up,
        (_, Cmd::PageDown) => h.page_down,
        (_, Cmd::Top) => h.top,
        (_, Cmd::Bottom) => h.bottom,
        (Context::Grid, Cmd::Open) => h.grid_open,
        (_, Cmd::Open) => h.open,
        (Context::Table, Cmd::Back) => h.table_back,
        (Context::Grid, Cmd::Back) => h.grid_back,
        (Context::Help, Cmd::Back) => h.help_back,
        (_, Cmd::Back) => h.back,
        (_, Cmd::Sort) => h.sort,
        (_, Cmd::SortReverse) => h.sort_reverse,
        (_, Cmd::Next) => h.next,
        (_, Cmd::Previous) => h.previous,
        (_, Cmd::Accept) => h.accept,
        (_, Cmd::Cancel) => h.cancel,
        (_, Cmd::NextMatch) => h.next_match,
        (_, Cmd::CursorLeft) => h.cursor_left,
        (_, Cmd::CursorRight) => h.cursor_right,
        (_, Cmd::LineStart) => h.line_start,
        (_, Cmd::LineEnd) => h.line_end,
        (_, Cmd::DeleteBack) => h.delete_back,
        (_, Cmd::DeleteForward) => h.delete_forward,
        (_, Cmd::DeleteWord) => h.delete_word,
        (_, Cmd::ClearLine) => h.clear_line,
    }
}

impl KeyError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            KeyError::UnknownAction(s) => tr!(lang, ui::unknown_action(s)),
            KeyError::NotInContext { entry } => tr!(lang, ui::not_in_context(entry)),
            KeyError::BadChord { entry, chord } => tr!(lang, ui::bad_chord(entry, chord)),
            KeyError::Empty { entry } => tr!(lang, ui::no_keys(entry)),
            KeyError::Conflict {
                context,
                chord,
                first,
                second,
            } => tr!(
                lang,
                ui::key_twice(
                    &chord.to_string(),
                    context.name(),
                    first.name(),
                    second.name()
                )
            ),
            KeyError::Shadows {
                context,
                chord,
                own,
                global,
            } => tr!(
                lang,
                ui::key_shadows(
                    &chord.to_string(),
                    context.name(),
                    own.name(),
                    global.name()
                )
            ),
        }
    }
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::ProfileNotFound(nip) => tr!(lang, ui::profile_not_found(nip)),
            Notice::Session(s) => s.text(lang),
            Notice::ProfileFailed(e) => tr!(lang, ui::profile_failed(e)),
            Notice::MarkLimit => tr!(lang, positions::MARK_LIMIT).to_string(),
            Notice::CompareNeedsTwo => tr!(lang, positions::COMPARE_NEEDS_TWO).to_string(),
        }
    }
}

impl FormKind {
    /// The form's title.
    pub fn title(&self, lang: Lang) -> String {
        match self {
            FormKind::NewSession => tr!(lang, session_ui::TITLE_NEW_SESSION).into(),
            FormKind::Decide { nip, nama, .. } => tr!(lang, session_ui::title_decide(nama, nip)),
            FormKind::Calibrate { nip, nama, .. } => tr!(lang, calibration::form_title(nama, nip)),
            FormKind::Amend { decision, nama, .. } => {
                tr!(lang, session_ui::title_amend(*decision, nama))
            }
            FormKind::Recuse { nip, nama, .. } => tr!(lang, session_ui::title_recuse(nama, nip)),
            FormKind::DeclareConflict {
                nip, nama, member, ..
            } => tr!(lang, roles::title_declare(member, nama, nip)),
            FormKind::Close { session } => tr!(lang, session_ui::title_close(*session)),
            FormKind::Reopen { session } => tr!(lang, session_ui::title_reopen(*session)),
            FormKind::Minutes { session } => tr!(lang, session_ui::title_minutes(*session)),
            FormKind::EstablishKrs { .. } => tr!(lang, krs::FORM_TITLE).into(),
            FormKind::CancelVote { vote } => tr!(lang, vote::title_cancel(*vote)),
            FormKind::Outcome { decision, nama, .. } => {
                tr!(lang, outcome::title_form(*decision, nama))
            }
        }
    }
}

impl FieldId {
    /// The field's label.
    pub fn label(self, lang: Lang) -> &'static str {
        let n = tr!(lang, session_ui::FIELDS);
        match self {
            FieldId::Title => n.title,
            FieldId::Date => n.date,
            FieldId::Members => n.members,
            FieldId::Quorum => n.quorum,
            FieldId::Agenda => n.agenda,
            FieldId::Kind => n.kind,
            FieldId::Position => n.position,
            FieldId::Grounds => n.grounds,
            FieldId::Votes => n.votes,
            FieldId::Member => n.member,
            FieldId::Reason => n.reason,
            FieldId::Format => n.format,
            FieldId::Path => n.path,
            FieldId::Kotak => tr!(lang, calibration::FIELD_KOTAK),
            FieldId::Period => tr!(lang, krs::FIELD_PERIOD),
            FieldId::SkDate => tr!(lang, krs::FIELD_SK_DATE),
            FieldId::Scope => tr!(lang, krs::FIELD_SCOPE),
            FieldId::Status => tr!(lang, outcome::FIELD_STATUS),
            FieldId::Sk => tr!(lang, outcome::FIELD_SK),
        }
    }
}

impl Said for FormProblem {
    fn said(&self, lang: Lang) -> String {
        match self {
            FormProblem::Problem(p) => problem(lang, p),
            FormProblem::BadDate(s) => tr!(lang, session_ui::bad_date(s)),
            FormProblem::BadMember(s) => tr!(lang, session::bad_member(s)),
            FormProblem::NoMembers => tr!(lang, session_ui::NO_MEMBERS).into(),
            FormProblem::BadQuorum(s) => tr!(lang, session_ui::bad_quorum(s)),
            FormProblem::BadVotes(s) => tr!(lang, session::bad_votes(s)),
            FormProblem::NoPath => tr!(lang, session_ui::NO_PATH).into(),
            FormProblem::BadBox(s) => tr!(lang, calibration::bad_box_text(s)),
            FormProblem::BadPeriod(s) => tr!(lang, krs::bad_period(s)),
            FormProblem::KrsFailing { period, failures } => {
                let mut out = tr!(lang, krs::failing(failures.len(), *period));
                for f in failures {
                    out.push_str("\n• ");
                    out.push_str(&tr!(lang, krs::failure(f)));
                }
                out
            }
            FormProblem::KrsRefused(said) => said.clone(),
        }
    }
}

fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Refused(r) => tr!(lang, session::refusal(r)),
        Problem::Denied(d) => tr!(lang, roles::denied(d)),
        Problem::Failed(e) => tr!(lang, session_ui::not_saved(e)),
        Problem::NotSaved(path, e) => {
            tr!(
                lang,
                session::not_saved(path, e, tr!(lang, session_ui::ENTER_AGAIN))
            )
        }
    }
}

impl SessionNote {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SessionNote::NoSession => tr!(lang, session_ui::NOTE_NO_SESSION).into(),
            SessionNote::NoCandidate => tr!(lang, session_ui::NOTE_NO_CANDIDATE).into(),
            SessionNote::Unavailable => tr!(lang, session_ui::NOTE_UNAVAILABLE).into(),
            SessionNote::Created(id) => tr!(lang, session_ui::created(*id)),
            SessionNote::Attended(n) => tr!(lang, session_ui::attended(n)),
            SessionNote::AlreadyPresent(n) => tr!(lang, session_ui::already_present(n)),
            SessionNote::Recused { member, nip } => tr!(lang, session_ui::recused(member, nip)),
            SessionNote::Discussed(nip) => tr!(lang, session_ui::discussed(nip)),
            SessionNote::Recorded(id) => tr!(lang, session_ui::recorded(*id)),
            SessionNote::Calibrated(id) => tr!(lang, calibration::recorded(*id)),
            SessionNote::KrsEstablished {
                period,
                sk,
                members,
                positions,
                superseded,
            } => tr!(
                lang,
                krs::established(*period, sk, *members, *positions, superseded)
            )
            .trim_end()
            .replace('\n', "; "),
            SessionNote::Amended { old, new } => tr!(lang, session_ui::amended(*old, *new)),
            SessionNote::Closed(id) => tr!(lang, session_ui::closed(*id)),
            SessionNote::Reopened(id) => tr!(lang, session_ui::reopened(*id)),
            SessionNote::OutcomeRecorded { decision } => {
                tr!(lang, outcome::recorded(*decision))
            }
            SessionNote::Written(p) => tr!(lang, session_ui::written(&p.display().to_string())),
            SessionNote::Refreshed => tr!(lang, session_ui::NOTE_REFRESHED).into(),
            SessionNote::PasteCut(n) => tr!(lang, session_ui::paste_cut(*n)),
            SessionNote::Problem(p) => problem(lang, p),
            SessionNote::DeclareLocal => tr!(lang, roles::DECLARE_LOCAL).into(),
            SessionNote::NotAMember { name, session } => {
                tr!(lang, roles::not_a_member(name, *session))
            }
            SessionNote::NoOwnSession(name) => tr!(lang, roles::no_own_session(name)),
            SessionNote::SeveralSessions { name, count } => {
                tr!(lang, roles::several_sessions(name, *count))
            }
            SessionNote::Vote(n) => super::session::vote::note_text(lang, n),
        }
    }
}

/// The short name of a session panel action (its hint line; empty for others).
pub fn action_name(lang: Lang, cmd: Cmd) -> &'static str {
    let n = tr!(lang, session_ui::ACTIONS);
    match cmd {
        Cmd::NewSession => n.new_session,
        Cmd::Attend => n.attend,
        Cmd::Decide => n.decide,
        Cmd::Recuse => n.recuse,
        Cmd::Discussed => n.discussed,
        Cmd::Amend => n.amend,
        Cmd::CloseSession => n.close_session,
        Cmd::Reopen => n.reopen,
        Cmd::Minutes => n.minutes,
        Cmd::Outcomes => tr!(lang, outcome::ACTION),
        _ => "",
    }
}
