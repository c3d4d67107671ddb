//! The committee-session panel and forms (TUI) text, English.

use crate::strings::texts::{ActionNames, FieldNames, Said};
use crate::strings::Lang;

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
    format!("Candidate: {nip} {nama}")
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

pub const TITLE_NEW_SESSION: &str = "New committee session";

pub fn title_decide(nama: &str, nip: &str) -> String {
    format!("Recommendation for {nama} ({nip})")
}

pub fn title_amend(decision: i64, nama: &str) -> String {
    format!("Amend recommendation {decision}: {nama}")
}

pub fn title_recuse(nama: &str, nip: &str) -> String {
    format!("Conflict of interest: {nama} ({nip})")
}

pub fn title_close(session: i64) -> String {
    format!("Close session {session}")
}

pub fn title_reopen(session: i64) -> String {
    format!("Reopen session {session}")
}

pub fn title_minutes(session: i64) -> String {
    format!("Minutes of session {session}")
}

pub const FIELDS: FieldNames = FieldNames {
    title: "Title",
    date: "Date (YYYY-MM-DD)",
    members: "Members (NAME[:ROLE] a line)",
    quorum: "Quorum (blank: majority)",
    agenda: "Agenda (position codes)",
    kind: "Kind",
    position: "Target position (code)",
    grounds: "Grounds",
    votes: "Votes for/against/abstain",
    member: "Member stepping aside",
    reason: "Reason",
    format: "Format",
    path: "File",
};

pub const NOT_APPLICABLE: &str = "(not for this kind)";
pub const CLOSE_CONFIRM: &str = "Closing freezes the session: no recommendations, amendments or recusals until it is reopened with a reason. The audit trail's head at closing goes into the minutes; the PPK's outcomes can still be recorded. Enter closes, Esc keeps it open.";
pub const AMEND_NOTE: &str = "The old version stays and both appear in the minutes.";

/// The keys under a form, one part each; only those that work where the
/// focus is (the screen joins them).
pub fn hint_save(key: &str) -> String {
    format!("{key} save")
}
pub fn hint_confirm(key: &str) -> String {
    format!("{key} yes")
}
pub fn hint_new_line(key: &str) -> String {
    format!("{key} new line")
}
pub fn hint_next_field(key: &str) -> String {
    format!("{key} next field")
}
pub fn hint_choose(prev: &str, next: &str) -> String {
    format!("{prev}/{next} choose")
}
pub fn hint_to_vote(key: &str) -> String {
    format!("{key} put to vote")
}
pub fn hint_cancel(key: &str) -> String {
    format!("{key} cancel")
}

/// A form's problem (the app says which).
pub fn problem(p: &dyn Said) -> String {
    p.said(Lang::En)
}

pub fn bad_date(s: &str) -> String {
    format!("'{s}' is not a date; write YYYY-MM-DD")
}

pub const NO_MEMBERS: &str = "name at least one member";

pub fn bad_quorum(s: &str) -> String {
    format!("quorum '{s}' is not a number")
}

pub const NO_PATH: &str = "name the file to write";

pub fn not_saved(e: &str) -> String {
    format!("not saved: {e}")
}

pub const NOTE_NO_SESSION: &str = "no active session: press c to choose or create one";
pub const NOTE_NO_CANDIDATE: &str = "select a candidate in the table or open a profile";
pub const NOTE_UNAVAILABLE: &str = "sessions are not available here";
pub const NOTE_REFRESHED: &str = "updated from the database";

pub fn created(id: i64) -> String {
    format!("session {id} created and open")
}

pub fn attended(n: &str) -> String {
    format!("{n} present")
}

pub fn already_present(n: &str) -> String {
    format!("{n} is already marked present")
}

pub fn recused(member: &str, nip: &str) -> String {
    format!("{member} steps aside for {nip}")
}

pub fn discussed(nip: &str) -> String {
    format!("{nip} marked as discussed")
}

pub fn recorded(id: i64) -> String {
    format!("recommendation {id} recorded")
}

pub fn amended(old: i64, new: i64) -> String {
    format!("recommendation {old} amended by recommendation {new}")
}

pub fn closed(id: i64) -> String {
    format!("session {id} closed")
}

pub fn reopened(id: i64) -> String {
    format!("session {id} reopened")
}

pub fn written(path: &str) -> String {
    format!("minutes written to {path}")
}

pub const PROFILE_DECISIONS: &str = "Committee recommendations";
pub const PROFILE_RECUSALS: &str = "Conflict of interest (active session)";

pub fn recusal_line(member: &str, reason: &str) -> String {
    format!("⊘ {member} steps aside: {reason}")
}

pub fn session_ref(id: i64, date: &str) -> String {
    format!("session {id}, {date}")
}

pub const ACTIONS: ActionNames = ActionNames {
    new_session: "new",
    attend: "present",
    decide: "recommend",
    recuse: "recuse",
    discussed: "discussed",
    amend: "amend",
    close_session: "close",
    reopen: "reopen",
    minutes: "minutes",
};

/// How to replace an existing file from the minutes form.
pub const ENTER_AGAIN: &str = "press Enter again";

/// A paste longer than a field's limit was cut there.
pub fn paste_cut(n: usize) -> String {
    format!("pasted text cut at {n} characters, the field's limit")
}
