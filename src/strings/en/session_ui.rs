//! The committee-session panel and forms (TUI) text, English.

use crate::app::keymap::Cmd;
use crate::app::session::backend::Problem;
use crate::app::session::form::{FieldId, FormKind, FormProblem};
use crate::app::session::SessionNote;

pub const VIEW_SESSION: &str = "Session";
pub const SESSIONS: &str = "Sessions";
pub const NO_SESSIONS: &str = "No session yet: n creates one.";
pub const NO_ACTIVE: &str = "No active session: choose one with Enter or create one with n.";

pub fn head(id: i64, title: &str, date: &str, status: &str) -> String {
    format!("Session {id}: {title} · {date} · {status}")
}

pub fn quorum_line(quorum: usize, present: usize, members: usize) -> String {
    format!("quorum {quorum} · present {present} of {members}")
}

pub fn candidate(nama: &str, nip: &str) -> String {
    format!("Candidate: {nama} ({nip})")
}

pub const NO_CANDIDATE: &str = "Candidate: none selected (choose one in the table)";

pub fn quorum_check(eligible: usize, quorum: usize, met: bool) -> String {
    if met {
        format!("may vote {eligible}, quorum {quorum}: ✓ quorum")
    } else {
        format!("may vote {eligible}, quorum {quorum}: ✗ no quorum")
    }
}

pub fn stepped_aside(names: &str) -> String {
    format!("⊘ stepped aside: {names}")
}

pub const IN_FORCE: &str = "in force";
pub const SUPERSEDED: &str = "superseded";
pub const CLOSED_HEAD: &str = "Audit head at closing";
pub const LAST_EXPORT: &str = "Minutes written to";

pub fn form_title(k: &FormKind) -> String {
    match k {
        FormKind::NewSession => "New committee session".into(),
        FormKind::Decide { nip, nama, .. } => format!("Decision for {nama} ({nip})"),
        FormKind::Amend { decision, nama, .. } => format!("Amend decision {decision}: {nama}"),
        FormKind::Recuse { nip, nama, .. } => format!("Conflict of interest: {nama} ({nip})"),
        FormKind::Close { session } => format!("Close session {session}"),
        FormKind::Reopen { session } => format!("Reopen session {session}"),
        FormKind::Minutes { session } => format!("Minutes of session {session}"),
    }
}

pub fn field(id: FieldId) -> &'static str {
    match id {
        FieldId::Title => "Title",
        FieldId::Date => "Date (YYYY-MM-DD)",
        FieldId::Members => "Members (NAME[:ROLE] a line)",
        FieldId::Quorum => "Quorum (blank: majority)",
        FieldId::Agenda => "Agenda (position codes)",
        FieldId::Kind => "Kind",
        FieldId::Position => "Target position (code)",
        FieldId::Grounds => "Grounds",
        FieldId::Votes => "Votes for/against/abstain",
        FieldId::Member => "Member stepping aside",
        FieldId::Reason => "Reason",
        FieldId::Format => "Format",
        FieldId::Path => "File",
    }
}

pub const NOT_APPLICABLE: &str = "(not for this kind)";
pub const CLOSE_CONFIRM: &str = "Closing freezes the session: no decisions, amendments or recusals until it is reopened with a reason. The audit trail's head at closing goes into the minutes. Enter closes, Esc keeps it open.";
pub const AMEND_NOTE: &str = "The old version stays and both appear in the minutes.";

pub fn form_hint(save: &str, next: &str, cancel: &str) -> String {
    format!("{save} save · {next} next field · ←/→ choose · {cancel} cancel")
}

pub fn problem(p: &FormProblem) -> String {
    match p {
        FormProblem::Problem(p) => problem_text(p),
        FormProblem::BadDate(s) => format!("'{s}' is not a date; write YYYY-MM-DD"),
        FormProblem::BadMember(s) => super::session::bad_member(s),
        FormProblem::NoMembers => "name at least one member".into(),
        FormProblem::BadQuorum(s) => format!("quorum '{s}' is not a number"),
        FormProblem::BadVotes(s) => super::session::bad_votes(s),
        FormProblem::NoPath => "name the file to write".into(),
    }
}

fn problem_text(p: &Problem) -> String {
    match p {
        Problem::Refused(r) => super::session::refusal(r),
        Problem::Failed(e) => format!("not saved: {e}"),
    }
}

pub fn note(n: &SessionNote) -> String {
    match n {
        SessionNote::NoSession => "no active session: press c to choose or create one".into(),
        SessionNote::NoCandidate => "select a candidate in the table or open a profile".into(),
        SessionNote::Unavailable => "sessions are not available here".into(),
        SessionNote::Created(id) => format!("session {id} created and open"),
        SessionNote::Attended(n) => format!("{n} present"),
        SessionNote::AlreadyPresent(n) => format!("{n} is already marked present"),
        SessionNote::Recused { member, nip } => format!("{member} steps aside for {nip}"),
        SessionNote::Discussed(nip) => format!("{nip} marked as discussed"),
        SessionNote::Recorded(id) => format!("decision {id} recorded"),
        SessionNote::Amended { old, new } => format!("decision {old} amended by decision {new}"),
        SessionNote::Closed(id) => format!("session {id} closed"),
        SessionNote::Reopened(id) => format!("session {id} reopened"),
        SessionNote::Written(p) => format!("minutes written to {}", p.display()),
        SessionNote::Refreshed => "updated from the database".into(),
        SessionNote::Problem(p) => problem_text(p),
    }
}

pub const PROFILE_DECISIONS: &str = "Committee decisions";
pub const PROFILE_RECUSALS: &str = "Conflict of interest (active session)";

pub fn recusal_line(member: &str, reason: &str) -> String {
    format!("⊘ {member} steps aside: {reason}")
}

pub fn session_ref(id: i64, date: &str) -> String {
    format!("session {id}, {date}")
}

/// Short names of the panel's actions for its hint line.
pub fn short(c: Cmd) -> &'static str {
    match c {
        Cmd::NewSession => "new",
        Cmd::Attend => "present",
        Cmd::Decide => "decide",
        Cmd::Recuse => "recuse",
        Cmd::Discussed => "discussed",
        Cmd::Amend => "amend",
        Cmd::CloseSession => "close",
        Cmd::Reopen => "reopen",
        Cmd::Minutes => "minutes",
        _ => "",
    }
}
