//! Committee-session rules: decision kinds, votes, quorum, recusal, and the
//! refusals the secretary sees. Pure: the store applies them inside the
//! transaction that writes the change.

use serde::Serialize;
use std::fmt;

/// What the committee decides about a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Promosi,
    Rotasi,
    Mutasi,
    Pengembangan,
    Dipertahankan,
    Ditunda,
    TidakDirekomendasikan,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 7] = [
        DecisionKind::Promosi,
        DecisionKind::Rotasi,
        DecisionKind::Mutasi,
        DecisionKind::Pengembangan,
        DecisionKind::Dipertahankan,
        DecisionKind::Ditunda,
        DecisionKind::TidakDirekomendasikan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DecisionKind::Promosi => "promosi",
            DecisionKind::Rotasi => "rotasi",
            DecisionKind::Mutasi => "mutasi",
            DecisionKind::Pengembangan => "pengembangan",
            DecisionKind::Dipertahankan => "dipertahankan",
            DecisionKind::Ditunda => "ditunda",
            DecisionKind::TidakDirekomendasikan => "tidak_direkomendasikan",
        }
    }

    /// The English alias of the command line.
    pub fn english(self) -> &'static str {
        match self {
            DecisionKind::Promosi => "promote",
            DecisionKind::Rotasi => "rotate",
            DecisionKind::Mutasi => "transfer",
            DecisionKind::Pengembangan => "develop",
            DecisionKind::Dipertahankan => "retain",
            DecisionKind::Ditunda => "defer",
            DecisionKind::TidakDirekomendasikan => "reject",
        }
    }

    /// A code or its English alias, any case; `tidak direkomendasikan` with a blank too.
    pub fn parse(s: &str) -> Option<DecisionKind> {
        let k = super::squash(s);
        DecisionKind::ALL
            .into_iter()
            .find(|d| super::squash(d.code()) == k || d.english() == k)
    }

    /// Kinds that move the candidate to a post, and so may name the target position.
    pub fn takes_position(self) -> bool {
        matches!(
            self,
            DecisionKind::Promosi | DecisionKind::Rotasi | DecisionKind::Mutasi
        )
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A member's role in the committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Ketua,
    Sekretaris,
    Anggota,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Ketua => "ketua",
            Role::Sekretaris => "sekretaris",
            Role::Anggota => "anggota",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match super::squash(s).as_str() {
            "ketua" | "chair" => Some(Role::Ketua),
            "sekretaris" | "secretary" => Some(Role::Sekretaris),
            "anggota" | "member" => Some(Role::Anggota),
            _ => None,
        }
    }
}

/// `--member "NAME"` or `--member "NAME:ROLE"` (role `ketua`, `sekretaris`, `anggota`;
/// default `anggota`). A colon not followed by a known role stays part of the name.
pub fn parse_member(s: &str) -> Option<(String, Role)> {
    let s = s.trim();
    if let Some((name, role)) = s.rsplit_once(':') {
        if let Some(r) = Role::parse(role) {
            let name = name.trim();
            return (!name.is_empty()).then(|| (name.to_string(), r));
        }
    }
    (!s.is_empty()).then(|| (s.to_string(), Role::Anggota))
}

/// Votes for / against / abstaining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Votes {
    #[serde(rename = "setuju")]
    pub for_: u32,
    #[serde(rename = "tidak_setuju")]
    pub against: u32,
    #[serde(rename = "abstain")]
    pub abstain: u32,
}

impl Votes {
    /// `FOR/AGAINST/ABSTAIN`, e.g. `4/1/0`.
    pub fn parse(s: &str) -> Option<Votes> {
        let parts: Vec<&str> = s.trim().split('/').map(str::trim).collect();
        if parts.len() != 3 {
            return None;
        }
        let n = |p: &str| -> Option<u32> {
            (!p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())?
        };
        Some(Votes {
            for_: n(parts[0])?,
            against: n(parts[1])?,
            abstain: n(parts[2])?,
        })
    }

    /// The three stored counts, when all three are there.
    pub fn from_parts(f: Option<u32>, a: Option<u32>, b: Option<u32>) -> Option<Votes> {
        Some(Votes {
            for_: f?,
            against: a?,
            abstain: b?,
        })
    }

    pub fn total(&self) -> u32 {
        self.for_ + self.against + self.abstain
    }
}

impl fmt::Display for Votes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.for_, self.against, self.abstain)
    }
}

/// The default quorum: a majority of the members.
pub fn default_quorum(members: usize) -> usize {
    members / 2 + 1
}

/// Why a session action was refused. Rendered by `strings::*::session`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A text holds a character it may not (see [`super::text`]).
    InvalidText {
        field: TextField,
        error: super::text::TextError,
    },
    UnknownSession(i64),
    UnknownDecision(i64),
    UnknownMember(String),
    DuplicateMember(String),
    UnknownEmployee(String),
    UnknownPosition(String),
    EmptyTitle,
    /// Grounds are required.
    NoReason,
    SessionClosed(i64),
    NotClosed(i64),
    /// The quorum asked for exceeds the members.
    QuorumTooLarge {
        quorum: usize,
        members: usize,
    },
    /// Fewer members present and not recused than the quorum.
    NoQuorum {
        eligible: usize,
        quorum: usize,
    },
    /// More votes than members who may vote on this candidate.
    TooManyVotes {
        votes: u32,
        eligible: usize,
    },
    /// This kind of decision names no target position.
    PositionNotApplicable(DecisionKind),
    /// Only the latest version of a decision can be amended.
    Superseded {
        decision: i64,
        latest: i64,
    },
    /// The member already stepped aside for this candidate.
    AlreadyRecused {
        member: String,
        nip: String,
    },
    /// A talent review's box outside 1..9 (see [`super::calibration`]).
    BadBox(i64),
    /// The PPK's outcome is about the latest version of a recommendation.
    OutcomeOnSuperseded {
        decision: i64,
        latest: i64,
    },
    /// `ditetapkan` names the decree (SK) that established it.
    OutcomeNeedsSk,
    /// `ditolak` says why.
    OutcomeNeedsReason,
    /// A committee vote's refusal (see [`super::vote`]).
    Vote(super::vote::VoteRefusal),
}

/// Who may vote on one candidate, and whether that is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuorumCheck {
    pub members: usize,
    pub present: usize,
    pub recused_present: usize,
    /// Present and not recused for this candidate.
    pub eligible: usize,
    pub quorum: usize,
}

impl QuorumCheck {
    pub fn new(
        members: usize,
        present: usize,
        recused_present: usize,
        quorum: Option<usize>,
    ) -> QuorumCheck {
        QuorumCheck {
            members,
            present,
            recused_present,
            eligible: present.saturating_sub(recused_present),
            quorum: quorum.unwrap_or_else(|| default_quorum(members)),
        }
    }

    pub fn met(&self) -> bool {
        self.eligible >= self.quorum
    }
}

/// The checks every decision and amendment passes, in the order a secretary
/// would want to hear them.
pub fn check_decision(
    closed: bool,
    session: i64,
    reason: &str,
    kind: DecisionKind,
    has_position: bool,
    votes: Option<Votes>,
    q: &QuorumCheck,
) -> Result<(), Refusal> {
    if closed {
        return Err(Refusal::SessionClosed(session));
    }
    if reason.trim().is_empty() {
        return Err(Refusal::NoReason);
    }
    if has_position && !kind.takes_position() {
        return Err(Refusal::PositionNotApplicable(kind));
    }
    if !q.met() {
        return Err(Refusal::NoQuorum {
            eligible: q.eligible,
            quorum: q.quorum,
        });
    }
    if let Some(v) = votes {
        if v.total() as usize > q.eligible {
            return Err(Refusal::TooManyVotes {
                votes: v.total(),
                eligible: q.eligible,
            });
        }
    }
    Ok(())
}

/// The texts of a session, as a refusal names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Member,
    Reason,
    Actor,
    /// The number of a decree (SK).
    Sk,
}

impl TextField {
    /// Names and titles are one line; grounds and reasons may be several.
    pub fn lines(self) -> super::text::Lines {
        match self {
            TextField::Reason => super::text::Lines::Many,
            _ => super::text::Lines::One,
        }
    }
}

/// The door for a session's text (our rule, see [`super::text`]).
pub fn check_text(field: TextField, s: &str) -> Result<(), Refusal> {
    super::text::check(s, field.lines()).map_err(|error| Refusal::InvalidText { field, error })
}

/// Whether a session takes changes. Stored as `open` / `closed`; a closed
/// session is read-only until an audited reopen (our process rule, see
/// docs/sessions.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    Open,
    Closed,
}

impl SessionStatus {
    pub fn code(self) -> &'static str {
        match self {
            SessionStatus::Open => "open",
            SessionStatus::Closed => "closed",
        }
    }

    /// The stored code; anything but `closed` reads as open, as before.
    pub fn from_code(s: &str) -> SessionStatus {
        if s == "closed" {
            SessionStatus::Closed
        } else {
            SessionStatus::Open
        }
    }

    pub fn is_closed(self) -> bool {
        self == SessionStatus::Closed
    }
}

/// The rules of a new session: a title, each member once, and a quorum
/// between 1 and the number of members (when one is given; otherwise
/// [`default_quorum`]).
pub fn check_new_session(
    title: &str,
    members: &[(String, Role)],
    quorum: Option<usize>,
) -> Result<(), Refusal> {
    if title.trim().is_empty() {
        return Err(Refusal::EmptyTitle);
    }
    check_text(TextField::Title, title)?;
    for (name, _) in members {
        check_text(TextField::Member, name)?;
    }
    for (i, (name, _)) in members.iter().enumerate() {
        if members[..i].iter().any(|(n, _)| n == name) {
            return Err(Refusal::DuplicateMember(name.clone()));
        }
    }
    match quorum {
        Some(q) if q == 0 || q > members.len() => Err(Refusal::QuorumTooLarge {
            quorum: q,
            members: members.len(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_aliases() {
        for k in DecisionKind::ALL {
            assert_eq!(DecisionKind::parse(k.code()), Some(k));
            assert_eq!(DecisionKind::parse(k.english()), Some(k));
        }
        assert_eq!(
            DecisionKind::parse("Tidak Direkomendasikan"),
            Some(DecisionKind::TidakDirekomendasikan)
        );
        assert_eq!(DecisionKind::parse("PROMOSI"), Some(DecisionKind::Promosi));
        assert_eq!(DecisionKind::parse("pecat"), None);
        assert!(DecisionKind::Promosi.takes_position());
        assert!(!DecisionKind::Ditunda.takes_position());
    }

    #[test]
    fn votes_parse() {
        assert_eq!(
            Votes::parse("4/1/0"),
            Some(Votes {
                for_: 4,
                against: 1,
                abstain: 0
            })
        );
        assert_eq!(
            Votes::parse(" 3 / 0 / 2 "),
            Some(Votes {
                for_: 3,
                against: 0,
                abstain: 2
            })
        );
        for bad in [
            "",
            "4/1",
            "4/1/0/0",
            "a/b/c",
            "-1/0/0",
            "4//0",
            "9999999/0/0",
        ] {
            assert_eq!(Votes::parse(bad), None, "{bad}");
        }
        assert_eq!(Votes::parse("4/1/2").unwrap().total(), 7);
    }

    #[test]
    fn members_with_roles() {
        assert_eq!(
            parse_member("Drs. H. Ahmad"),
            Some(("Drs. H. Ahmad".into(), Role::Anggota))
        );
        assert_eq!(
            parse_member("Siti Aminah:ketua"),
            Some(("Siti Aminah".into(), Role::Ketua))
        );
        assert_eq!(
            parse_member("Budi : sekretaris"),
            Some(("Budi".into(), Role::Sekretaris))
        );
        assert_eq!(
            parse_member("Tim: Evaluasi"),
            Some(("Tim: Evaluasi".into(), Role::Anggota))
        );
        assert_eq!(parse_member("  "), None);
        assert_eq!(parse_member(":ketua"), None);
    }

    #[test]
    fn quorum_is_a_majority_of_members_by_default() {
        assert_eq!(default_quorum(5), 3);
        assert_eq!(default_quorum(4), 3);
        assert_eq!(default_quorum(1), 1);
        let q = QuorumCheck::new(5, 3, 0, None);
        assert!(q.met());
        let q = QuorumCheck::new(5, 3, 1, None);
        assert_eq!(q.eligible, 2);
        assert!(
            !q.met(),
            "a recused member does not count toward the quorum"
        );
        assert!(QuorumCheck::new(5, 2, 0, Some(2)).met());
    }

    #[test]
    fn decision_refusals_in_order() {
        let ok = QuorumCheck::new(5, 4, 0, None);
        let v = |s| Votes::parse(s);
        assert_eq!(
            check_decision(true, 7, "x", DecisionKind::Promosi, false, None, &ok),
            Err(Refusal::SessionClosed(7))
        );
        assert_eq!(
            check_decision(false, 7, "  ", DecisionKind::Promosi, false, None, &ok),
            Err(Refusal::NoReason)
        );
        assert_eq!(
            check_decision(false, 7, "x", DecisionKind::Ditunda, true, None, &ok),
            Err(Refusal::PositionNotApplicable(DecisionKind::Ditunda))
        );
        let low = QuorumCheck::new(5, 3, 1, None);
        assert_eq!(
            check_decision(false, 7, "x", DecisionKind::Promosi, false, None, &low),
            Err(Refusal::NoQuorum {
                eligible: 2,
                quorum: 3
            })
        );
        assert_eq!(
            check_decision(false, 7, "x", DecisionKind::Promosi, false, v("3/1/1"), &ok),
            Err(Refusal::TooManyVotes {
                votes: 5,
                eligible: 4
            })
        );
        assert_eq!(
            check_decision(false, 7, "x", DecisionKind::Promosi, true, v("3/1/0"), &ok),
            Ok(())
        );
        assert_eq!(
            check_decision(false, 7, "x", DecisionKind::Dipertahankan, false, None, &ok),
            Ok(())
        );
    }
}

#[cfg(test)]
mod new_session_tests {
    use super::*;

    fn members(names: &[&str]) -> Vec<(String, Role)> {
        names
            .iter()
            .map(|n| (n.to_string(), Role::Anggota))
            .collect()
    }

    #[test]
    fn a_new_session_needs_a_title_distinct_members_and_a_possible_quorum() {
        let m = members(&["Siti", "Budi", "Dewi"]);
        assert_eq!(check_new_session("Sidang I", &m, None), Ok(()));
        assert_eq!(check_new_session("Sidang I", &m, Some(3)), Ok(()));
        assert_eq!(check_new_session("  ", &m, None), Err(Refusal::EmptyTitle));
        assert_eq!(
            check_new_session("Sidang I", &members(&["Siti", "Budi", "Siti"]), None),
            Err(Refusal::DuplicateMember("Siti".into()))
        );
        for q in [0, 4] {
            assert_eq!(
                check_new_session("Sidang I", &m, Some(q)),
                Err(Refusal::QuorumTooLarge {
                    quorum: q,
                    members: 3
                })
            );
        }
    }

    #[test]
    fn status_codes_round_trip() {
        for s in [SessionStatus::Open, SessionStatus::Closed] {
            assert_eq!(SessionStatus::from_code(s.code()), s);
        }
        assert!(SessionStatus::Closed.is_closed());
        assert_eq!(
            serde_json::to_string(&SessionStatus::Closed).unwrap(),
            "\"closed\""
        );
    }
}
