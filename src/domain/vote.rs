//! A committee's vote on a proposed recommendation or calibration: who may
//! cast a ballot, the tally, and whether a tally carries.
//!
//! Who may vote is the rule of a recommendation (see [`super::session`]): a
//! member of the session, present, and not recused for the candidate. A
//! member may change their ballot until the vote closes; the latest counts.
//! A ballot of a member who is no longer eligible when the tally is taken
//! (marked absent, or recused since) is not counted.
//!
//! Whether a tally carries is **ours** (docs/domain-rules.md, "Votes"): the
//! quorum rule of a recommendation (members present and not recused for the
//! candidate at least the session's quorum, [`super::session::check_decision`])
//! and a simple majority of the ballots cast for or against (more `setuju`
//! than `tidak setuju`; abstentions count toward neither). The committee
//! decides by deliberation first and by the most votes when it must.

use super::session::{QuorumCheck, Refusal, Votes};
use serde::Serialize;

/// What a vote is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A recommendation (`session decide`).
    Decision,
    /// A talent review (`session calibrate`).
    Calibration,
}

impl Subject {
    pub fn code(self) -> &'static str {
        match self {
            Subject::Decision => "decision",
            Subject::Calibration => "calibration",
        }
    }

    pub fn from_code(s: &str) -> Option<Subject> {
        match s {
            "decision" => Some(Subject::Decision),
            "calibration" => Some(Subject::Calibration),
            _ => None,
        }
    }
}

/// One member's ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Setuju,
    TidakSetuju,
    Abstain,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Setuju, Choice::TidakSetuju, Choice::Abstain];

    /// The stored code: `setuju`, `tidak_setuju`, `abstain`.
    pub fn code(self) -> &'static str {
        match self {
            Choice::Setuju => "setuju",
            Choice::TidakSetuju => "tidak_setuju",
            Choice::Abstain => "abstain",
        }
    }

    /// A code (with `-`, `_` or a blank), or an English alias (`for`/`yes`,
    /// `against`/`no`, `abstain`), any case.
    pub fn parse(s: &str) -> Option<Choice> {
        match super::squash(s).as_str() {
            "setuju" | "for" | "yes" => Some(Choice::Setuju),
            "tidaksetuju" | "against" | "no" => Some(Choice::TidakSetuju),
            "abstain" | "abstein" | "abstention" => Some(Choice::Abstain),
            _ => None,
        }
    }
}

/// Why a ballot or a vote's closing was refused (rendered by `strings::*::vote`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteRefusal {
    /// There is no vote with this id.
    Unknown(i64),
    /// The vote is closed (recorded or cancelled).
    Closed(i64),
    /// The session already has an open vote.
    AlreadyOpen { session: i64, vote: i64 },
    /// The voter is not a member of the vote's session.
    NotMember(String),
    /// The voter is not marked present.
    Absent(String),
    /// The voter stepped aside for the candidate.
    Recused { member: String, nip: String },
    /// The tally does not carry: more `tidak setuju` than `setuju`, or a tie.
    NotCarried { votes: Votes },
    /// A session with an open vote is not closed: close or cancel the vote first.
    OpenAtClose { session: i64, vote: i64 },
}

/// A member of the session as the rule of who may vote sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub present: bool,
    /// Recused for the vote's candidate.
    pub recused: bool,
}

/// Whether `name` may cast a ballot: a member (`standing` is `None` for a
/// non-member), present, not recused for `nip`, in a vote still open.
pub fn may_cast(
    vote: i64,
    open: bool,
    name: &str,
    nip: &str,
    standing: Option<Standing>,
) -> Result<(), VoteRefusal> {
    if !open {
        return Err(VoteRefusal::Closed(vote));
    }
    let s = standing.ok_or_else(|| VoteRefusal::NotMember(name.to_string()))?;
    if !s.present {
        return Err(VoteRefusal::Absent(name.to_string()));
    }
    if s.recused {
        return Err(VoteRefusal::Recused {
            member: name.to_string(),
            nip: nip.to_string(),
        });
    }
    Ok(())
}

/// The ballots in force: each member's latest, counted when the member may
/// still vote, and those eligible who have not voted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    #[serde(rename = "suara")]
    pub votes: Votes,
    /// Eligible members with their latest ballot, in the members' order.
    #[serde(rename = "pemilih")]
    pub ballots: Vec<(String, Choice)>,
    /// Eligible members who have not voted.
    #[serde(rename = "belum_memilih")]
    pub waiting: Vec<String>,
    /// Ballots not counted: cast by a member no longer present or since recused.
    #[serde(rename = "tidak_dihitung")]
    pub not_counted: Vec<(String, Choice)>,
}

/// Count `ballots` (in the order cast) of `members` (name and standing, in
/// the session's order).
pub fn tally(members: &[(String, Standing)], ballots: &[(String, Choice)]) -> Tally {
    let latest = |name: &str| {
        ballots
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, c)| *c)
    };
    let mut t = Tally {
        votes: Votes {
            for_: 0,
            against: 0,
            abstain: 0,
        },
        ballots: Vec::new(),
        waiting: Vec::new(),
        not_counted: Vec::new(),
    };
    for (name, s) in members {
        let eligible = s.present && !s.recused;
        match (latest(name), eligible) {
            (Some(c), true) => {
                match c {
                    Choice::Setuju => t.votes.for_ += 1,
                    Choice::TidakSetuju => t.votes.against += 1,
                    Choice::Abstain => t.votes.abstain += 1,
                }
                t.ballots.push((name.clone(), c));
            }
            (Some(c), false) => t.not_counted.push((name.clone(), c)),
            (None, true) => t.waiting.push(name.clone()),
            (None, false) => {}
        }
    }
    t
}

/// Whether the tally carries: the quorum of the recommendation's rule, and
/// more `setuju` than `tidak setuju`. The quorum refusal is the session's.
pub fn carries(t: &Tally, q: &QuorumCheck) -> Result<(), Refusal> {
    if !q.met() {
        return Err(Refusal::NoQuorum {
            eligible: q.eligible,
            quorum: q.quorum,
        });
    }
    if t.votes.for_ <= t.votes.against {
        return Err(Refusal::Vote(VoteRefusal::NotCarried { votes: t.votes }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(present: bool, recused: bool) -> Standing {
        Standing { present, recused }
    }

    #[test]
    fn choices_parse_with_aliases() {
        for c in Choice::ALL {
            assert_eq!(Choice::parse(c.code()), Some(c));
        }
        assert_eq!(Choice::parse("tidak-setuju"), Some(Choice::TidakSetuju));
        assert_eq!(Choice::parse("Tidak Setuju"), Some(Choice::TidakSetuju));
        assert_eq!(Choice::parse("against"), Some(Choice::TidakSetuju));
        assert_eq!(Choice::parse("for"), Some(Choice::Setuju));
        assert_eq!(Choice::parse("maybe"), None);
    }

    #[test]
    fn only_a_present_member_not_recused_may_vote_while_open() {
        let ok = Some(at(true, false));
        assert_eq!(may_cast(1, true, "Dewi", "19", ok), Ok(()));
        assert_eq!(
            may_cast(1, false, "Dewi", "19", ok),
            Err(VoteRefusal::Closed(1))
        );
        assert_eq!(
            may_cast(1, true, "Eko", "19", None),
            Err(VoteRefusal::NotMember("Eko".into()))
        );
        assert_eq!(
            may_cast(1, true, "Dewi", "19", Some(at(false, false))),
            Err(VoteRefusal::Absent("Dewi".into()))
        );
        assert_eq!(
            may_cast(1, true, "Dewi", "19", Some(at(true, true))),
            Err(VoteRefusal::Recused {
                member: "Dewi".into(),
                nip: "19".into()
            })
        );
    }

    #[test]
    fn the_latest_ballot_of_each_eligible_member_counts() {
        let members = vec![
            ("Siti".to_string(), at(true, false)),
            ("Budi".to_string(), at(true, false)),
            ("Dewi".to_string(), at(true, false)),
            ("Eko".to_string(), at(false, false)),
            ("Rina".to_string(), at(true, true)),
        ];
        let ballots = vec![
            ("Siti".to_string(), Choice::TidakSetuju),
            ("Budi".to_string(), Choice::Setuju),
            ("Siti".to_string(), Choice::Setuju),
            ("Rina".to_string(), Choice::Setuju),
        ];
        let t = tally(&members, &ballots);
        assert_eq!(t.votes.to_string(), "2/0/0");
        assert_eq!(
            t.ballots,
            vec![
                ("Siti".to_string(), Choice::Setuju),
                ("Budi".to_string(), Choice::Setuju)
            ]
        );
        assert_eq!(t.waiting, vec!["Dewi".to_string()]);
        assert_eq!(t.not_counted, vec![("Rina".to_string(), Choice::Setuju)]);
    }

    #[test]
    fn a_tally_carries_with_quorum_and_more_for_than_against() {
        let members: Vec<(String, Standing)> = ["A", "B", "C"]
            .iter()
            .map(|n| (n.to_string(), at(true, false)))
            .collect();
        let b = |v: &[(&str, Choice)]| -> Vec<(String, Choice)> {
            v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
        };
        let q = QuorumCheck::new(3, 3, 0, None);
        let two_one = tally(
            &members,
            &b(&[
                ("A", Choice::Setuju),
                ("B", Choice::Setuju),
                ("C", Choice::TidakSetuju),
            ]),
        );
        assert_eq!(carries(&two_one, &q), Ok(()));
        let tie = tally(
            &members,
            &b(&[("A", Choice::Setuju), ("B", Choice::TidakSetuju)]),
        );
        assert_eq!(
            carries(&tie, &q),
            Err(Refusal::Vote(VoteRefusal::NotCarried { votes: tie.votes }))
        );
        let low = QuorumCheck::new(3, 1, 0, None);
        assert_eq!(
            carries(&two_one, &low),
            Err(Refusal::NoQuorum {
                eligible: 1,
                quorum: 2
            })
        );
    }
}
