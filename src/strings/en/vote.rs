//! The committee's votes (English): refusals, the command line's answers,
//! the vote panel and the minutes' named ballots.

use crate::domain::session::Votes;
use crate::domain::text::one_line;
use crate::domain::vote::{Choice, VoteRefusal};

pub fn refusal(r: &VoteRefusal) -> String {
    match r {
        VoteRefusal::Unknown(id) => format!("there is no vote {id}"),
        VoteRefusal::Closed(id) => format!("vote {id} is closed; nothing was recorded"),
        VoteRefusal::AlreadyOpen { session, vote } => format!(
            "session {session} already has an open vote ({vote}): close or cancel it first"
        ),
        VoteRefusal::NotMember(n) => format!(
            "{} is not a member of this session and may not vote; nothing was recorded",
            one_line(n)
        ),
        VoteRefusal::Absent(n) => format!(
            "{} is not marked present and may not vote; nothing was recorded",
            one_line(n)
        ),
        VoteRefusal::Recused { member, nip } => format!(
            "{} stepped aside for {} (conflict of interest) and may not vote on this candidate; nothing was recorded",
            one_line(member),
            one_line(nip)
        ),
        VoteRefusal::OpenAtClose { session, vote } => format!(
            "session {session} has an open vote ({vote}): close or cancel it before closing the session"
        ),
        VoteRefusal::NotCarried { votes } => format!(
            "the vote does not carry: {} for, {} against ({} abstaining); more for than against is needed. Cancel it with a reason, or wait for more ballots",
            votes.for_, votes.against, votes.abstain
        ),
    }
}

pub fn choice(c: Choice) -> &'static str {
    match c {
        Choice::Setuju => "for (setuju)",
        Choice::TidakSetuju => "against (tidak setuju)",
        Choice::Abstain => "abstain",
    }
}

pub fn bad_choice(s: &str) -> String {
    format!(
        "cannot read the ballot '{}'; use setuju, tidak-setuju or abstain (or for, against)",
        one_line(s)
    )
}

pub const KIND_OR_KOTAK: &str =
    "name what the vote is on: --kind KIND for a recommendation, or --kotak N for a calibration";

pub fn cast(vote: i64, member: &str, c: Choice) -> String {
    format!("vote {vote}: {} votes {}\n", one_line(member), choice(c))
}

pub fn recorded(vote: i64, subject: &str, record: i64) -> String {
    format!("vote {vote} closed: {subject} {record} recorded\n")
}

pub fn cancelled(vote: i64) -> String {
    format!("vote {vote} cancelled\n")
}

pub fn subject(decision: bool) -> &'static str {
    if decision {
        "recommendation"
    } else {
        "calibration"
    }
}

/// The tally in one line.
pub fn tally(v: &Votes) -> String {
    format!(
        "for {}, against {}, abstain {}",
        v.for_, v.against, v.abstain
    )
}

pub fn status_open() -> &'static str {
    "open"
}

pub fn status_recorded(subject: &str, record: i64) -> String {
    format!("closed: {subject} {record} recorded")
}

pub fn status_cancelled(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("cancelled: {}", one_line(r)),
        None => "cancelled".into(),
    }
}

/// Labels of `session vote show` and the vote panel.
pub const LABELS: crate::strings::VoteLabels = crate::strings::VoteLabels {
    vote: "Vote",
    session: "Session",
    candidate: "Candidate",
    proposal: "Proposal",
    kind: "Kind",
    position: "Target position",
    kotak: "Agreed box",
    grounds: "Grounds",
    status: "Status",
    tally: "Tally",
    ballots: "Ballots",
    waiting: "Not voted yet",
    not_counted: "Not counted (absent or recused since)",
    none: "none",
    votes_by_name: "Each member's vote",
};

// The screen.
pub const PANEL_TITLE: &str = "Committee vote";
pub const NO_VOTE: &str = "No open vote in this session.";
pub fn member_keys(setuju: &str, against: &str, abstain: &str, back: &str) -> String {
    format!("{setuju} for · {against} against · {abstain} abstain · {back} back")
}
pub fn secretary_keys(close: &str, cancel: &str, back: &str) -> String {
    format!("{close} close and record · {cancel} cancel with a reason · {back} back")
}
pub fn your_ballot(c: Option<Choice>) -> String {
    match c {
        Some(c) => format!(
            "Your ballot: {} (you may change it until the vote closes)",
            choice(c)
        ),
        None => "You have not voted yet.".into(),
    }
}
pub fn note_opened(vote: i64, nama: &str) -> String {
    format!("vote {vote} is open on {}: press V to vote", one_line(nama))
}
pub fn note_vote_opened(vote: i64) -> String {
    format!("vote {vote} opened; the tally shows live (V)")
}
pub fn note_cast(c: Choice) -> String {
    format!("your ballot is recorded: {}", choice(c))
}
pub fn note_recorded(subject: &str, record: i64) -> String {
    format!("vote closed: {subject} {record} recorded with the tally")
}
pub const NOTE_CANCELLED: &str = "vote cancelled";
pub const NOTE_LOCAL_CASTS: &str =
    "on this screen the tally shows; a member votes from their own screen (or the administrator with talenta session vote cast)";
pub fn title_cancel(vote: i64) -> String {
    format!("Cancel vote {vote}")
}
pub const CANCEL_REASON: &str = "Reason";

pub fn denied(act: crate::domain::access::Act) -> String {
    use crate::domain::access::Act;
    match act {
        Act::CastVote => "your role may not vote; nothing was recorded".into(),
        _ => {
            "only the secretary (sekretaris) opens, closes and cancels a vote; nothing was recorded"
                .into()
        }
    }
}

// The keys (help screen and docs/keys.md).
pub const CONTEXT: &str = "Committee vote";
pub const KEY_VOTE: &str = "the committee's open vote: proposal, live tally";
pub const KEY_PUT_TO_VOTE: &str =
    "put this recommendation or calibration to a vote of the members present (instead of typing the votes)";
pub const KEY_FOR: &str = "vote for (setuju)";
pub const KEY_AGAINST: &str = "vote against (tidak setuju)";
pub const KEY_ABSTAIN: &str = "abstain";
pub const KEY_CLOSE: &str = "close the vote and record it with the tally (secretary)";
pub const KEY_CANCEL: &str = "cancel the vote, with a reason (secretary)";
pub const KEY_BACK: &str = "hide the vote panel";
