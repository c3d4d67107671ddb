//! A committee vote as the command line (`session vote show`) and the vote
//! panel show it: the proposal, the tally, who voted what and who has not.

use crate::domain::session::DecisionKind;
use crate::domain::vote::Subject;
use crate::lang::Lang;
use crate::store::session::vote::{VoteDetail, VoteStatus};
use crate::tr;
use serde_json::Value;

/// The status of a vote in one line.
pub fn status(lang: Lang, v: &VoteDetail) -> String {
    let subject = tr!(lang, vote::subject(v.subject == Subject::Decision));
    match &v.status {
        VoteStatus::Open => tr!(lang, vote::status_open()).to_string(),
        VoteStatus::Recorded { record_id, .. } => {
            tr!(lang, vote::status_recorded(subject, *record_id))
        }
        VoteStatus::Cancelled { reason, .. } => {
            tr!(lang, vote::status_cancelled(reason.as_deref()))
        }
    }
}

/// What the vote proposes, one line per part.
pub fn proposal(lang: Lang, v: &VoteDetail) -> Vec<String> {
    let l = tr!(lang, &vote::LABELS);
    let text = |k: &str| {
        v.proposal
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    let mut out = vec![format!(
        "{}: {} ({})",
        l.candidate,
        v.nama.as_deref().unwrap_or("-"),
        v.nip
    )];
    match v.subject {
        Subject::Decision => {
            let kind = DecisionKind::parse(text("kind"))
                .map(|k| tr!(lang, session::kind_name(k)))
                .unwrap_or_default();
            out.push(format!("{}: {kind}", l.kind));
            if !text("position").is_empty() {
                out.push(format!("{}: {}", l.position, text("position")));
            }
        }
        Subject::Calibration => {
            let kotak = v.proposal.get("kotak").and_then(Value::as_i64).unwrap_or(0);
            out.push(format!("{}: {kotak}", l.kotak));
        }
    }
    out.push(format!("{}: {}", l.grounds, text("reason")));
    out
}

/// The proposal, the tally, the ballots by name, who has not voted, and the
/// ballots not counted.
pub fn lines(lang: Lang, v: &VoteDetail) -> Vec<String> {
    let l = tr!(lang, &vote::LABELS);
    let t = &v.tally;
    let mut out = vec![format!("{}: {}", l.session, v.session_id)];
    out.extend(proposal(lang, v));
    out.push(format!("{}: {}", l.tally, tr!(lang, vote::tally(&t.votes))));
    out.push(format!("{}:", l.ballots));
    if t.ballots.is_empty() {
        out.push(format!("  {}", l.none));
    }
    for (name, c) in &t.ballots {
        out.push(format!("  {name}: {}", tr!(lang, vote::choice(*c))));
    }
    let names = |v: &[String]| {
        if v.is_empty() {
            l.none.to_string()
        } else {
            v.join(", ")
        }
    };
    out.push(format!("{}: {}", l.waiting, names(&t.waiting)));
    if !t.not_counted.is_empty() {
        let nc: Vec<String> = t
            .not_counted
            .iter()
            .map(|(n, c)| format!("{n} ({})", tr!(lang, vote::choice(*c))))
            .collect();
        out.push(format!("{}: {}", l.not_counted, nc.join(", ")));
    }
    out
}

/// The minutes' line naming each member's vote on recommendation or
/// calibration `id` ("Each member's vote: Siti: for; Budi: against"), when
/// the committee's setting put the named votes in `d`.
pub fn named_line(
    lang: Lang,
    d: &crate::store::session::SessionDetail,
    subject: Subject,
    id: i64,
) -> Option<String> {
    let v = d
        .named_votes
        .iter()
        .find(|v| v.subject == subject && v.id == id)?;
    let names: Vec<String> = v
        .ballots
        .iter()
        .map(|b| {
            format!(
                "{}: {}",
                crate::domain::text::one_line(&b.member),
                tr!(lang, vote::choice(b.choice))
            )
        })
        .collect();
    let l = tr!(lang, &vote::LABELS);
    Some(format!("{}: {}", l.votes_by_name, names.join("; ")))
}
