//! Committee-session and minutes text (English).

use crate::domain::session::{DecisionKind, Refusal, SessionStatus, TextField};
use crate::domain::text::{one_line, Lines};
use crate::strings::MinutesLabels;

pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::InvalidText { field, error } => format!("{} holds a control or bidi character ({}) at character {}: type it again without it{}", match field { TextField::Title => "the title", TextField::Member => "a member's name", TextField::Reason => "the grounds", TextField::Actor => "the actor's name (--as)", TextField::Sk => "the SK number" }, error.code(), error.at, if field.lines() == Lines::One { "; it is one line" } else { "" }),
        Refusal::UnknownSession(id) => format!("there is no session {id}"),
        Refusal::UnknownDecision(id) => format!("there is no recommendation {id}"),
        Refusal::UnknownMember(n) => format!("{n} is not a member of this session", n = one_line(n)),
        Refusal::DuplicateMember(n) => format!("member {n} is named twice", n = one_line(n)),
        Refusal::UnknownEmployee(nip) => super::cli::nip_not_found(&one_line(nip)),
        Refusal::UnknownPosition(k) => format!("no position has code {k}", k = one_line(k)),
        Refusal::EmptyTitle => "a session needs a title".into(),
        Refusal::NoReason => "the reason (grounds) is required; nothing was recorded".into(),
        Refusal::SessionClosed(id) => format!("session {id} is closed and read-only; reopen it with a reason if needed"),
        Refusal::NotClosed(id) => format!("session {id} is not closed"),
        Refusal::QuorumTooLarge { quorum, members } => {
            format!("a quorum of {quorum} is impossible: the session has {members} members")
        }
        Refusal::NoQuorum { eligible, quorum } => format!(
            "no quorum: only {eligible} members are present and not recused for this candidate, {quorum} needed; nothing was recorded"
        ),
        Refusal::TooManyVotes { votes, eligible } => format!(
            "{votes} votes exceed the {eligible} members who may vote on this candidate; nothing was recorded"
        ),
        Refusal::PositionNotApplicable(k) => format!(
            "a '{}' recommendation names no target position; positions go with promosi, rotasi and mutasi",
            k.code()
        ),
        Refusal::Superseded { decision, latest } => {
            format!("recommendation {decision} has been amended; amend its latest version, recommendation {latest}")
        }
        Refusal::AlreadyRecused { member, nip } => format!("{member} has already stepped aside for {nip}"),
        Refusal::BadBox(k) => super::calibration::bad_box(*k),
        Refusal::OutcomeOnSuperseded { decision, latest } => format!(
            "recommendation {decision} has been amended; the PPK's outcome goes on its latest version, recommendation {latest}; nothing was recorded"
        ),
        Refusal::OutcomeNeedsSk => "established (ditetapkan) needs the SK number (--sk); nothing was recorded".into(),
        Refusal::OutcomeNeedsReason => "rejected (ditolak) needs a reason (--reason); nothing was recorded".into(),
        Refusal::Vote(v) => super::vote::refusal(v),
    }
}

pub fn bad_kind(s: &str) -> String {
    format!(
        "unknown recommendation kind '{s}'; use promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda, tidak_direkomendasikan (or promote, rotate, transfer, develop, retain, defer, reject)"
    )
}

pub fn bad_votes(s: &str) -> String {
    format!("cannot read votes '{s}'; write FOR/AGAINST/ABSTAIN, e.g. 4/1/0")
}

pub fn bad_member(s: &str) -> String {
    format!("cannot read member '{s}'; write NAME or NAME:ROLE (ketua, sekretaris, anggota)")
}

pub fn bad_member_nip(name: &str, nip: &str, why: &str) -> String {
    format!("the NIP of member {name} ({nip}) is not valid: {why}")
}

pub const LIST_HEADER: &[&str] = &[
    "No",
    "Date",
    "Title",
    "Status",
    "Present",
    "Recommendations",
];

pub fn status(s: SessionStatus) -> &'static str {
    match s {
        SessionStatus::Closed => "closed",
        SessionStatus::Open => "open",
    }
}

pub fn attended(id: i64, names: &[String]) -> String {
    format!("session {id}: present {}\n", names.join(", "))
}

pub fn recused(member: &str, nip: &str) -> String {
    format!("{member} steps aside for {nip}\n")
}

pub fn discussed(nip: &str) -> String {
    format!("{nip} marked as discussed\n")
}

pub fn closed(id: i64, head: &str) -> String {
    format!("session {id} closed\naudit trail head hash: {head}\n")
}

pub fn reopened(id: i64) -> String {
    format!("session {id} reopened\n")
}

pub fn minutes_written(p: &std::path::Path) -> String {
    format!("minutes written to {}\n", p.display())
}

pub const PDF_NEEDS_DOCX: &str = "--pdf prints the Word minutes: add --format docx";

pub const PDF_IS_THE_DOCX: &str =
    "the PDF would be written over the minutes themselves: name the output FILE.docx";

/// Why no PDF was printed; each ends in what was written (nothing).
pub const PDF_NO_LIBREOFFICE: &str = "a PDF is printed by LibreOffice (soffice), which is not installed here \
     (or set TALENTA_SOFFICE to the program); nothing was written (leave out --pdf for the docx alone)";

pub fn pdf_failed(why: &str) -> String {
    format!(
        "LibreOffice made no PDF ({why}); nothing was written (leave out --pdf for the docx alone)"
    )
}

pub fn pdf_timed_out(secs: u64) -> String {
    format!(
        "LibreOffice did not finish the PDF within {secs} s and was stopped; \
         nothing was written (leave out --pdf for the docx alone)"
    )
}

pub const DOCX_NEEDS_OUTPUT: &str = "DOCX minutes go to a file: add --output FILE.docx";

pub fn kind_name(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Promosi => "Promotion (promosi)",
        DecisionKind::Rotasi => "Rotation (rotasi)",
        DecisionKind::Mutasi => "Transfer (mutasi)",
        DecisionKind::Pengembangan => "Development (pengembangan)",
        DecisionKind::Dipertahankan => "Retain (dipertahankan)",
        DecisionKind::Ditunda => "Deferred (ditunda)",
        DecisionKind::TidakDirekomendasikan => "Not recommended (tidak direkomendasikan)",
    }
}

pub fn role_name(r: &str) -> &'static str {
    match r {
        "ketua" => "Chair",
        "sekretaris" => "Secretary",
        _ => "Member",
    }
}

pub fn event(kind: &str) -> &'static str {
    match kind {
        "open" => "opened",
        "close" => "closed",
        _ => "reopened",
    }
}

pub const MINUTES: MinutesLabels = MinutesLabels {
    title: "MINUTES OF THE TALENT COMMITTEE SESSION (BERITA ACARA)",
    draft: "DRAFT: the session is not closed",
    session: "Session",
    date: "Date",
    status: "Status",
    quorum: "Quorum",
    quorum_default: "a majority of the members",
    members: "Members and attendance",
    present: "present",
    absent: "absent",
    agenda: "Positions on the agenda",
    recusals: "Recusals (conflicts of interest)",
    none: "none",
    decisions: "Recommendations",
    decision: "Recommendation",
    version: "version",
    candidate: "Candidate",
    kind: "Kind",
    position: "Target position",
    grounds: "Grounds",
    votes: "Votes (for/against/abstain)",
    votes_none: "by consensus (no vote taken)",
    at_decision: "The candidate when recommended",
    recorded_by: "Recorded by",
    superseded_by: "amended by recommendation",
    supersedes: "amends recommendation",
    history: "Session history",
    discussed: "Candidates discussed",
    signatures: "Signatures",
    ppk: "Acknowledged, Pejabat Pembina Kepegawaian (PPK)",
    audit: "Audit trail head hash at closing",
    audit_open: "The session is not closed; the audit trail's current head hash",
    audit_check: "Check with: talenta audit verify --expect-head",
    sign_line: "(.................................)",
};

/// Why the minutes were not written to `p`; `force` says how to replace an
/// existing file (`--force`, or Enter again on the screen).
pub fn not_saved(
    p: &std::path::Path,
    e: &crate::domain::output_file::SaveError,
    force: &str,
) -> String {
    use crate::domain::output_file::SaveError as E;
    let p = one_line(&p.display().to_string()).into_owned();
    match e {
        E::Exists => format!("{p} exists already; {force} to replace it"),
        E::Database => format!("{p} is the database (or its -wal/-shm/-journal/-snapshot file): minutes are never written there"),
        E::NotRegular => format!("{p} is a symbolic link, a folder or a device: minutes are written only to a regular file"),
        E::Io(e) => format!("cannot write to {p}: {}", one_line(e)),
    }
}

pub const FORCE_FLAG: &str = "use --force";
