//! The roles of committee members at their own screens (`talenta serve`),
//! acts refused by role, and the conflict of interest a member declares
//! themselves (English).

use crate::domain::access::{roles_for, Act, Denied, Role};

/// The role's English name (`secretary`, `member`, `observer` are also
/// accepted by `talenta access add --role`).
pub fn role(r: Role) -> &'static str {
    match r {
        Role::Admin => "admin",
        Role::Sekretaris => "secretary",
        Role::Anggota => "member",
        Role::Ppk => "PPK",
        Role::Pengamat => "observer",
    }
}

/// What an act is, after "may not".
pub fn act(a: Act) -> &'static str {
    match a {
        Act::View => "view data",
        Act::Import => "import files",
        Act::ManageAccess => "manage access",
        Act::RunSession => "run a session (create, attendance, discussed)",
        Act::RecordRecusal => "record a conflict of interest in another member's name",
        Act::DeclareOwnConflict => "declare their own conflict of interest",
        Act::Recommend => "record a recommendation",
        Act::Calibrate => "record a calibration",
        Act::RunVote => "open or close a vote",
        Act::CastVote => "cast a vote",
        Act::CloseSession => "close or reopen a session",
        Act::WriteMinutes => "write the minutes",
        Act::RecordOutcome => "record the PPK's outcome",
        Act::EstablishKrs => "record the establishment of the KRS",
        Act::EditSuccession => "change the succession plan",
    }
}

/// `secretary`, `secretary or member`, `a, b or c`.
fn either(roles: &[Role]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| role(*r)).collect();
    match names.split_last() {
        None => "-".into(),
        Some((last, [])) => (*last).into(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The refusal: who may not, and who may.
pub fn denied(d: &Denied) -> String {
    format!(
        "The {} role may not {}; only {} may.",
        role(d.role),
        act(d.act),
        either(&roles_for(d.act))
    )
}

/// The status line's sign of who is at the keyboard: `Dewi · member`.
pub fn signed_in(name: &str, r: Role) -> String {
    format!("{name} · {}", role(r))
}

/// The key's help line.
pub const KEY_HELP_DECLARE: &str = "declare your own conflict of interest";

pub fn title_declare(member: &str, nama: &str, nip: &str) -> String {
    format!("Conflict of interest of {member}: {nama} ({nip})")
}

pub const DECLARE_NOTE: &str =
    "Recorded in your name, exactly as a conflict the secretary records: you are not counted in the quorum and votes for this candidate.";

pub const DECLARE_LOCAL: &str =
    "no member is signed in on this local screen: record a conflict of interest in a member's name with r";

pub fn not_a_member(name: &str, session: i64) -> String {
    format!(
        "{name} is not a member of session {session}: choose your session in the session panel (c)"
    )
}

pub fn no_own_session(name: &str) -> String {
    format!("no open session lists {name} as a member")
}

pub fn several_sessions(name: &str, n: usize) -> String {
    format!("{name} is a member of {n} open sessions: choose one in the session panel (c)")
}
