//! The committee's votes in the database: the secretary opens a vote on a
//! proposed recommendation or calibration, each member present and not
//! recused casts (and may change) a ballot, and closing the vote records the
//! recommendation or calibration with the tally through the same code path as
//! `session decide` / `session calibrate`, in one transaction with the closing
//! row and an audit entry naming each member's ballot. Every write is one
//! `IMMEDIATE` transaction with its audit entry: a refusal writes nothing.

use super::calibration::{self, CalibrationInput};
use super::{
    insert_decision, now, quorum_in_tx, require_employee, require_open, require_position, Result,
    StoreError,
};
use super::{DecisionInput, Refusal};
use crate::domain::calibration::check_box;
use crate::domain::session::{check_text, DecisionKind, TextField};
use crate::domain::vote::{self, Choice, Standing, Subject, Tally, VoteRefusal};
use crate::domain::Rules;
use crate::store::audit::{self, Change};
use crate::store::{Actor, Store};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::{json, Value};

/// What a vote proposes: the input of a recommendation or a calibration
/// (their votes are the tally, filled in at the closing).
#[derive(Debug, Clone)]
pub enum Proposal {
    Decision(DecisionInput),
    Calibration(CalibrationInput),
}

impl Proposal {
    pub fn subject(&self) -> Subject {
        match self {
            Proposal::Decision(_) => Subject::Decision,
            Proposal::Calibration(_) => Subject::Calibration,
        }
    }

    pub fn nip(&self) -> &str {
        match self {
            Proposal::Decision(d) => &d.nip,
            Proposal::Calibration(c) => &c.nip,
        }
    }

    fn reason(&self) -> &str {
        match self {
            Proposal::Decision(d) => &d.reason,
            Proposal::Calibration(c) => &c.reason,
        }
    }

    /// The stored `proposal`: what the closing will record, but the votes.
    fn to_json(&self) -> Value {
        match self {
            Proposal::Decision(d) => json!({
                "kind": d.kind.code(), "position": d.position, "reason": d.reason.trim(),
            }),
            Proposal::Calibration(c) => json!({"kotak": c.kotak, "reason": c.reason.trim()}),
        }
    }

    /// Read a stored proposal back.
    fn from_json(subject: Subject, nip: &str, p: &Value) -> Option<Proposal> {
        let reason = p.get("reason")?.as_str()?.to_string();
        Some(match subject {
            Subject::Decision => Proposal::Decision(DecisionInput {
                nip: nip.to_string(),
                kind: DecisionKind::parse(p.get("kind")?.as_str()?)?,
                position: p
                    .get("position")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                reason,
                votes: None,
            }),
            Subject::Calibration => Proposal::Calibration(CalibrationInput {
                nip: nip.to_string(),
                kotak: p.get("kotak")?.as_i64()?,
                reason,
                votes: None,
            }),
        })
    }
}

/// How a vote stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum VoteStatus {
    Open,
    /// Closed with the recommendation's or calibration's id.
    Recorded {
        record_id: i64,
        closed_at: String,
    },
    Cancelled {
        reason: Option<String>,
        closed_at: String,
    },
}

/// One vote with its live tally.
#[derive(Debug, Clone, Serialize)]
pub struct VoteDetail {
    pub id: i64,
    #[serde(rename = "sesi")]
    pub session_id: i64,
    #[serde(rename = "subjek")]
    pub subject: Subject,
    pub nip: String,
    pub nama: Option<String>,
    /// The proposed input: `kind`, `position`, `reason` or `kotak`, `reason`.
    #[serde(rename = "usulan")]
    pub proposal: Value,
    #[serde(rename = "dibuka")]
    pub opened_at: String,
    #[serde(rename = "aktor")]
    pub actor: String,
    #[serde(flatten)]
    pub status: VoteStatus,
    pub tally: Tally,
    /// The session's members, in order.
    #[serde(skip)]
    pub members: Vec<String>,
}

impl VoteDetail {
    pub fn is_open(&self) -> bool {
        self.status == VoteStatus::Open
    }
}

/// Append the audit entry of a write on vote `vote`.
fn log(tx: &Transaction<'_>, actor: &Actor, action: &str, vote: i64, after: Value) -> Result<()> {
    audit::append(
        tx,
        actor,
        Change {
            action,
            entity: "vote",
            entity_id: &vote.to_string(),
            before: None,
            after: Some(after),
        },
    )?;
    Ok(())
}

fn refused(r: VoteRefusal) -> super::SessionError {
    Refusal::Vote(r).into()
}

/// The open vote of a session, if any.
fn open_in(conn: &Connection, session: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT v.id FROM vote v WHERE v.session_id = ?1
               AND NOT EXISTS (SELECT 1 FROM vote_close c WHERE c.vote_id = v.id)
             ORDER BY v.id DESC LIMIT 1",
            [session],
            |r| r.get(0),
        )
        .optional()?)
}

/// A session is closed only without an open vote.
pub(super) fn none_open(conn: &Connection, session: i64) -> Result<()> {
    match open_in(conn, session)? {
        Some(vote) => Err(refused(VoteRefusal::OpenAtClose { session, vote })),
        None => Ok(()),
    }
}

/// The checks a proposal passes when the vote opens (those of its record
/// but the quorum and the votes, which the closing checks).
fn check_proposal(tx: &Transaction<'_>, p: &Proposal) -> Result<()> {
    if p.reason().trim().is_empty() {
        return Err(Refusal::NoReason.into());
    }
    require_employee(tx, p.nip())?;
    match p {
        Proposal::Decision(d) => {
            if let Some(kode) = &d.position {
                if !d.kind.takes_position() {
                    return Err(Refusal::PositionNotApplicable(d.kind).into());
                }
                require_position(tx, kode)?;
            }
        }
        Proposal::Calibration(c) => {
            check_box(c.kotak)?;
        }
    }
    Ok(())
}

/// Open a vote in session `session`; returns its id.
pub fn open(store: &mut Store, actor: &Actor, session: i64, p: &Proposal) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, p.reason())?;
    let tx = store.write_tx()?;
    require_open(&tx, session)?;
    if let Some(vote) = open_in(&tx, session)? {
        return Err(refused(VoteRefusal::AlreadyOpen { session, vote }));
    }
    check_proposal(&tx, p)?;
    let at = now();
    let proposal = p.to_json();
    let id: i64 = tx.query_row(
        "INSERT INTO vote (session_id, subject, nip, proposal, opened_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![
            session,
            p.subject().code(),
            p.nip(),
            proposal.to_string(),
            at,
            actor.name
        ],
        |r| r.get(0),
    )?;
    log(
        &tx,
        actor,
        "vote.open",
        id,
        json!({
            "session": session, "subject": p.subject().code(), "nip": p.nip(),
            "proposal": proposal, "opened_at": at,
        }),
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(id)
}

/// A vote's stored row: session, subject, NIP, proposal, and whether closed.
struct Row {
    session: i64,
    subject: Subject,
    nip: String,
    proposal: Value,
    open: bool,
}

fn row(conn: &Connection, vote: i64) -> Result<Row> {
    let r = conn
        .query_row(
            "SELECT session_id, subject, nip, proposal,
                    NOT EXISTS (SELECT 1 FROM vote_close c WHERE c.vote_id = v.id)
             FROM vote v WHERE id = ?1",
            [vote],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| refused(VoteRefusal::Unknown(vote)))?;
    Ok(Row {
        session: r.0,
        subject: Subject::from_code(&r.1).unwrap_or(Subject::Decision),
        nip: r.2,
        proposal: serde_json::from_str(&r.3).unwrap_or(Value::Null),
        open: r.4,
    })
}

/// Every member of `session` with their standing for `nip`, in order.
fn standings(conn: &Connection, session: i64, nip: &str) -> Result<Vec<(String, Standing)>> {
    let mut stmt = conn.prepare(
        "SELECT m.name, m.present,
                EXISTS (SELECT 1 FROM recusal r WHERE r.session_id = m.session_id
                          AND r.member_name = m.name AND r.nip = ?2)
         FROM session_member m WHERE m.session_id = ?1 ORDER BY m.position",
    )?;
    let rows = stmt
        .query_map(params![session, nip], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Standing {
                    present: r.get::<_, i64>(1)? == 1,
                    recused: r.get(2)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The ballots of a vote in the order cast.
fn ballots(conn: &Connection, vote: i64) -> Result<Vec<(String, Choice)>> {
    let mut stmt =
        conn.prepare("SELECT member_name, choice FROM vote_ballot WHERE vote_id = ?1 ORDER BY id")?;
    let rows = stmt
        .query_map([vote], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(n, c)| Choice::parse(&c).map(|c| (n, c)))
        .collect())
}

fn tally_of(conn: &Connection, vote: i64, r: &Row) -> Result<Tally> {
    Ok(vote::tally(
        &standings(conn, r.session, &r.nip)?,
        &ballots(conn, vote)?,
    ))
}

/// `member` casts (or changes) their ballot in vote `vote`.
pub fn cast(
    store: &mut Store,
    actor: &Actor,
    vote: i64,
    member: &str,
    choice: Choice,
) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Member, member)?;
    let tx = store.write_tx()?;
    let r = row(&tx, vote)?;
    require_open(&tx, r.session)?;
    let standing = standings(&tx, r.session, &r.nip)?
        .into_iter()
        .find(|(n, _)| n == member)
        .map(|(_, s)| s);
    vote::may_cast(vote, r.open, member, &r.nip, standing).map_err(refused)?;
    let at = now();
    let ballot: i64 = tx.query_row(
        "INSERT INTO vote_ballot (vote_id, member_name, choice, cast_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![vote, member, choice.code(), at],
        |r| r.get(0),
    )?;
    log(
        &tx,
        actor,
        "vote.cast",
        vote,
        json!({
            "session": r.session, "ballot": ballot, "member": member,
            "choice": choice.code(), "cast_at": at,
        }),
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// The ballots as the closing entry names them.
fn ballots_json(t: &Tally) -> Value {
    json!(t
        .ballots
        .iter()
        .map(|(n, c)| json!({"member": n, "choice": c.code()}))
        .collect::<Vec<_>>())
}

/// How a vote ends: `recorded` with its record, or `cancelled` with a reason.
fn write_close(
    tx: &Transaction<'_>,
    actor: &Actor,
    vote: i64,
    r: &Row,
    t: &Tally,
    end: (Option<i64>, Option<&str>),
) -> Result<()> {
    let (record, reason) = end;
    let result = if record.is_some() {
        "recorded"
    } else {
        "cancelled"
    };
    let at = now();
    tx.execute(
        "INSERT INTO vote_close (vote_id, result, record_id, closed_at, actor) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![vote, result, record, at, actor.name],
    )?;
    let mut after = json!({
        "session": r.session, "subject": r.subject.code(), "nip": r.nip, "result": result,
        "record_id": record, "votes": t.votes.to_string(), "ballots": ballots_json(t),
        "closed_at": at,
    });
    if let Some(reason) = reason {
        after["reason"] = json!(reason);
    }
    let action = if record.is_some() {
        "vote.close"
    } else {
        "vote.cancel"
    };
    log(tx, actor, action, vote, after)?;
    Ok(())
}

/// The vote, open in an open session, and its tally now.
fn still_open(tx: &Transaction<'_>, vote: i64) -> Result<(Row, Tally)> {
    let r = row(tx, vote)?;
    if !r.open {
        return Err(refused(VoteRefusal::Closed(vote)));
    }
    require_open(tx, r.session)?;
    let t = tally_of(tx, vote, &r)?;
    Ok((r, t))
}

/// Close vote `vote`: when the tally carries, record its recommendation or
/// calibration with the tally as its votes; returns the record's id.
pub fn close(store: &mut Store, actor: &Actor, rules: &Rules, vote: i64) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    let tx = store.write_tx()?;
    let (r, t) = still_open(&tx, vote)?;
    vote::carries(&t, &quorum_in_tx(&tx, r.session, &r.nip)?)?;
    let proposal = Proposal::from_json(r.subject, &r.nip, &r.proposal)
        .ok_or_else(|| refused(VoteRefusal::Unknown(vote)))?;
    let record = match proposal {
        Proposal::Decision(mut d) => {
            d.votes = Some(t.votes);
            insert_decision(&tx, actor, r.session, &d, rules, None)?
        }
        Proposal::Calibration(mut c) => {
            c.votes = Some(t.votes);
            calibration::insert(&tx, actor, rules, r.session, &c)?
        }
    };
    write_close(&tx, actor, vote, &r, &t, (Some(record), None))?;
    tx.commit().map_err(StoreError::from)?;
    Ok(record)
}

/// Cancel vote `vote` with a reason; nothing is recorded but the cancelling.
pub fn cancel(store: &mut Store, actor: &Actor, vote: i64, reason: &str) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, reason)?;
    if reason.trim().is_empty() {
        return Err(Refusal::NoReason.into());
    }
    let tx = store.write_tx()?;
    let (r, t) = still_open(&tx, vote)?;
    write_close(&tx, actor, vote, &r, &t, (None, Some(reason.trim())))?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// One vote with its tally now.
pub fn show(conn: &Connection, vote: i64) -> Result<VoteDetail> {
    let r = row(conn, vote)?;
    let standing = standings(conn, r.session, &r.nip)?;
    let tally = vote::tally(&standing, &ballots(conn, vote)?);
    type Head = (String, String, Option<String>);
    let (opened_at, actor, nama): Head = conn.query_row(
        "SELECT v.opened_at, v.actor, e.nama FROM vote v LEFT JOIN employee e ON e.nip = v.nip WHERE v.id = ?1",
        [vote],
        |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)),
    )?;
    let status = if r.open {
        VoteStatus::Open
    } else {
        closed_status(conn, vote)?
    };
    Ok(VoteDetail {
        id: vote,
        session_id: r.session,
        subject: r.subject,
        nip: r.nip,
        nama,
        proposal: r.proposal,
        opened_at,
        actor,
        status,
        tally,
        members: standing.into_iter().map(|(n, _)| n).collect(),
    })
}

fn closed_status(conn: &Connection, vote: i64) -> Result<VoteStatus> {
    let (result, record, at): (String, Option<i64>, String) = conn.query_row(
        "SELECT result, record_id, closed_at FROM vote_close WHERE vote_id = ?1",
        [vote],
        |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)),
    )?;
    Ok(match (result.as_str(), record) {
        ("recorded", Some(record_id)) => VoteStatus::Recorded {
            record_id,
            closed_at: at,
        },
        _ => {
            let reason: Option<String> = conn
                .query_row(
                    "SELECT json_extract(after, '$.reason') FROM audit_log
                     WHERE action = 'vote.cancel' AND entity = 'vote' AND entity_id = ?1
                     ORDER BY seq DESC LIMIT 1",
                    [vote.to_string()],
                    |x| x.get(0),
                )
                .optional()?
                .flatten();
            VoteStatus::Cancelled {
                reason,
                closed_at: at,
            }
        }
    })
}

/// Every open vote of an open session, oldest first.
pub fn open_votes(conn: &Connection) -> Result<Vec<VoteDetail>> {
    let ids = conn
        .prepare(
            "SELECT v.id FROM vote v JOIN committee_session s ON s.id = v.session_id
             WHERE s.status = 'open' AND NOT EXISTS (SELECT 1 FROM vote_close c WHERE c.vote_id = v.id)
             ORDER BY v.id",
        )?
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter().map(|v| show(conn, v)).collect()
}

/// Each member's ballot on what a vote recorded, as the vote's closing
/// entry in the audit chain names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedVote {
    #[serde(rename = "subjek")]
    pub subject: Subject,
    /// The recommendation's or calibration's id.
    pub id: i64,
    #[serde(rename = "suara")]
    pub ballots: Vec<NamedBallot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedBallot {
    #[serde(rename = "nama")]
    pub member: String,
    #[serde(rename = "pilihan")]
    pub choice: Choice,
}

/// The named ballots of every vote recorded in session `session`.
pub fn named_votes(conn: &Connection, session: i64) -> Result<Vec<NamedVote>> {
    let mut stmt = conn.prepare(
        "SELECT after FROM audit_log WHERE action = 'vote.close' AND entity = 'vote'
           AND json_valid(after) AND json_extract(after, '$.session') = ?1 ORDER BY seq",
    )?;
    let afters = stmt
        .query_map([session], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for a in afters {
        let v: Value = serde_json::from_str(&a).unwrap_or(Value::Null);
        let subject = v
            .get("subject")
            .and_then(Value::as_str)
            .and_then(Subject::from_code);
        let record = v.get("record_id").and_then(Value::as_i64);
        let (Some(subject), Some(id)) = (subject, record) else {
            continue;
        };
        let ballots = v
            .get("ballots")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|b| {
                Some(NamedBallot {
                    member: b.get("member")?.as_str()?.to_string(),
                    choice: Choice::parse(b.get("choice")?.as_str()?)?,
                })
            })
            .collect();
        out.push(NamedVote {
            subject,
            id,
            ballots,
        });
    }
    Ok(out)
}

/// Fill in `d.named_votes` when `rules` (the committee's setting) asks the
/// minutes to name each member's vote.
pub fn name_votes(conn: &Connection, d: &mut super::SessionDetail, rules: &Rules) -> Result<()> {
    if rules.named_votes {
        d.named_votes = named_votes(conn, d.session.id)?;
    }
    Ok(())
}
