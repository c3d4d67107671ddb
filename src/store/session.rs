//! Committee sessions in the database. Every write checks the rules of
//! `domain::session`, changes the tables and appends its audit entry in one
//! `IMMEDIATE` transaction: a refusal writes nothing.

use super::audit::{self, Change};
use super::load::load_one;
use super::{Actor, Store, StoreError};
use crate::domain::session::{
    check_decision, check_new_session, check_text, DecisionKind, QuorumCheck, Refusal, Role,
    SessionStatus, TextField, Votes,
};
use crate::domain::{Competency, Rules};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::{json, Value};

pub mod calibration;
pub mod outcome;
pub mod replay;
pub mod succession;
pub mod vote;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SessionError {
    fn from(e: rusqlite::Error) -> Self {
        SessionError::Store(StoreError::Sqlite(e))
    }
}

impl From<Refusal> for SessionError {
    fn from(r: Refusal) -> Self {
        SessionError::Refused(r)
    }
}

pub type Result<T> = std::result::Result<T, SessionError>;

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A new session as the secretary describes it.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub title: String,
    pub date: NaiveDate,
    pub members: Vec<(String, Role)>,
    pub quorum: Option<usize>,
    pub agenda: Vec<String>,
    /// Where the session meets (tempat), as written.
    pub place: Option<String>,
    /// When it starts, local time.
    pub start: Option<chrono::NaiveTime>,
    /// The NIPs of the members who gave one (name -> 18 digits).
    pub member_nips: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub date: String,
    pub quorum: Option<usize>,
    pub status: SessionStatus,
    pub created_at: String,
    pub members: usize,
    pub present: usize,
    pub decisions: usize,
    /// Where the session met (tempat), when recorded.
    pub tempat: Option<String>,
    /// Its local start time `HH:MM`, when recorded.
    pub mulai: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub name: String,
    pub role: String,
    pub present: bool,
    /// Their NIP, when given (shown under their signature).
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recusal {
    pub member: String,
    pub nip: String,
    pub nama: Option<String>,
    pub reason: String,
    pub at: String,
}

/// One version of a decision.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub id: i64,
    pub session_id: i64,
    pub nip: String,
    pub nama: Option<String>,
    pub kind: String,
    pub kode_jabatan: Option<String>,
    pub nama_jabatan: Option<String>,
    pub reason: String,
    pub votes: Option<Votes>,
    /// The candidate's box, predikat, potensi and competency levels when decided.
    pub snapshot: Value,
    pub supersedes: Option<i64>,
    pub superseded_by: Option<i64>,
    pub version: i64,
    pub decided_at: String,
    pub actor: String,
    /// The PPK's latest outcome on this version (see [`outcome`]).
    pub outcome: Option<outcome::Outcome>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub kind: String,
    pub reason: Option<String>,
    pub at: String,
    pub actor: String,
}

/// Everything about one session: what the screen and the minutes show.
#[derive(Debug, Clone, Serialize)]
pub struct SessionDetail {
    pub session: SessionRow,
    pub members: Vec<Member>,
    pub agenda: Vec<(String, Option<String>)>,
    pub recusals: Vec<Recusal>,
    pub discussed: Vec<String>,
    /// All versions, in the order they were recorded.
    pub decisions: Vec<Decision>,
    /// Talent reviews recorded in the session, in order (see [`calibration`]).
    pub calibrations: Vec<calibration::CalibrationRow>,
    pub events: Vec<Event>,
    /// The audit head right after the latest closing, when closed.
    pub closing_head: Option<String>,
    /// The audit head when this detail was read.
    pub current_head: String,
    /// The succession plans of the positions the session is about: as
    /// recorded at the closing when closed, else as they are now
    /// ([`succession`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub succession: Vec<succession::PositionPlan>,
    /// Each member's vote on what a committee vote recorded, when the
    /// committee's setting asks the minutes to name them ([`vote::name_votes`]).
    #[serde(rename = "suara_anggota", skip_serializing_if = "Vec::is_empty")]
    pub named_votes: Vec<vote::NamedVote>,
    /// The name of each candidate marked discussed, from the employee
    /// records (NIP, name; a NIP no longer in the pool has none).
    #[serde(rename = "nama_dibahas", skip_serializing_if = "Vec::is_empty")]
    pub discussed_names: Vec<(String, String)>,
}

impl SessionDetail {
    pub fn is_closed(&self) -> bool {
        self.session.status.is_closed()
    }

    /// The quorum check for one candidate.
    pub fn quorum_for(&self, nip: &str) -> QuorumCheck {
        let present: Vec<&Member> = self.members.iter().filter(|m| m.present).collect();
        let recused = present
            .iter()
            .filter(|m| {
                self.recusals
                    .iter()
                    .any(|r| r.nip == nip && r.member == m.name)
            })
            .count();
        QuorumCheck::new(
            self.members.len(),
            present.len(),
            recused,
            self.session.quorum,
        )
    }

    /// Members recused for a candidate.
    pub fn recused_for(&self, nip: &str) -> Vec<&str> {
        self.recusals
            .iter()
            .filter(|r| r.nip == nip)
            .map(|r| r.member.as_str())
            .collect()
    }

    /// The versions in force (not superseded).
    pub fn current_decisions(&self) -> impl Iterator<Item = &Decision> {
        self.decisions.iter().filter(|d| d.superseded_by.is_none())
    }
}

fn session_status(tx: &Transaction<'_>, id: i64) -> Result<SessionStatus> {
    tx.query_row(
        "SELECT status FROM committee_session WHERE id = ?1",
        [id],
        |r| r.get::<_, String>(0),
    )
    .optional()?
    .map(|s| SessionStatus::from_code(&s))
    .ok_or(SessionError::Refused(Refusal::UnknownSession(id)))
}

fn require_open(tx: &Transaction<'_>, id: i64) -> Result<()> {
    if session_status(tx, id)?.is_closed() {
        return Err(Refusal::SessionClosed(id).into());
    }
    Ok(())
}

fn require_member(tx: &Transaction<'_>, id: i64, name: &str) -> Result<()> {
    let known: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM session_member WHERE session_id = ?1 AND name = ?2",
            params![id, name],
            |r| r.get(0),
        )
        .optional()?;
    known
        .map(|_| ())
        .ok_or_else(|| Refusal::UnknownMember(name.to_string()).into())
}

fn require_employee(tx: &Transaction<'_>, nip: &str) -> Result<()> {
    if super::records::has_employee(tx, nip)? {
        Ok(())
    } else {
        Err(Refusal::UnknownEmployee(nip.to_string()).into())
    }
}

fn require_position(tx: &Transaction<'_>, kode: &str) -> Result<()> {
    if super::records::has_position(tx, kode)? {
        Ok(())
    } else {
        Err(Refusal::UnknownPosition(kode.to_string()).into())
    }
}

/// Create a session (open at once); returns its id.
pub fn create(store: &mut Store, actor: &Actor, s: &NewSession) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    check_new_session(&s.title, &s.members, s.quorum)?;
    for name in s.member_nips.keys() {
        if !s.members.iter().any(|(n, _)| n == name) {
            return Err(Refusal::UnknownMember(name.clone()).into());
        }
    }
    let title = s.title.trim();
    let place = s.place.as_deref().map(str::trim).filter(|p| !p.is_empty());
    if let Some(p) = place {
        check_text(TextField::Title, p)?;
    }
    let start = s.start.map(|t| t.format("%H:%M").to_string());
    let tx = store.write_tx()?;
    for kode in &s.agenda {
        require_position(&tx, kode)?;
    }
    let at = now();
    let id: i64 = tx.query_row(
        "INSERT INTO committee_session (title, date, quorum, status, created_at, tempat, mulai) VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6) RETURNING id",
        params![title, s.date.to_string(), s.quorum.map(|q| q as i64), at, place, start],
        |r| r.get(0),
    )?;
    for (i, (name, role)) in s.members.iter().enumerate() {
        tx.execute(
            "INSERT INTO session_member (session_id, name, role, present, position, nip) VALUES (?1, ?2, ?3, 0, ?4, ?5)",
            params![id, name, role.code(), i as i64, s.member_nips.get(name)],
        )?;
    }
    for kode in &s.agenda {
        tx.execute(
            "INSERT OR IGNORE INTO session_agenda (session_id, kode_jabatan) VALUES (?1, ?2)",
            params![id, kode],
        )?;
    }
    tx.execute(
        "INSERT INTO session_event (session_id, kind, reason, at, actor) VALUES (?1, 'open', NULL, ?2, ?3)",
        params![id, at, actor.name],
    )?;
    let members: Vec<Value> = s
        .members
        .iter()
        .map(|(n, r)| match s.member_nips.get(n) {
            Some(nip) => json!({"name": n, "role": r.code(), "nip": nip}),
            None => json!({"name": n, "role": r.code()}),
        })
        .collect();
    audit::append(
        &tx,
        actor,
        Change {
            action: "session.create",
            entity: "session",
            entity_id: &id.to_string(),
            before: None,
            after: Some(
                json!({"title": title, "date": s.date.to_string(), "quorum": s.quorum, "members": members, "agenda": s.agenda, "created_at": at, "tempat": place, "mulai": start}),
            ),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(id)
}

/// Mark members present.
pub fn attend(store: &mut Store, actor: &Actor, id: i64, names: &[String]) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    for n in names {
        check_text(TextField::Member, n)?;
    }
    let tx = store.write_tx()?;
    require_open(&tx, id)?;
    for n in names {
        require_member(&tx, id, n)?;
    }
    let before: Vec<String> = present_names(&tx, id)?;
    for n in names {
        tx.execute(
            "UPDATE session_member SET present = 1 WHERE session_id = ?1 AND name = ?2",
            params![id, n],
        )?;
    }
    let after: Vec<String> = present_names(&tx, id)?;
    audit::append(
        &tx,
        actor,
        Change {
            action: "session.attend",
            entity: "session",
            entity_id: &id.to_string(),
            before: Some(json!({"present": before})),
            after: Some(json!({"present": after})),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

fn present_names(tx: &Transaction<'_>, id: i64) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(
        "SELECT name FROM session_member WHERE session_id = ?1 AND present = 1 ORDER BY position",
    )?;
    let rows = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(rows)
}

/// A member steps aside for one candidate.
pub fn recuse(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    member: &str,
    nip: &str,
    reason: &str,
) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Member, member)?;
    check_text(TextField::Reason, reason)?;
    if reason.trim().is_empty() {
        return Err(Refusal::NoReason.into());
    }
    let tx = store.write_tx()?;
    require_open(&tx, id)?;
    require_member(&tx, id, member)?;
    require_employee(&tx, nip)?;
    let exists: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM recusal WHERE session_id = ?1 AND member_name = ?2 AND nip = ?3",
            params![id, member, nip],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Err(Refusal::AlreadyRecused {
            member: member.to_string(),
            nip: nip.to_string(),
        }
        .into());
    }
    let at = now();
    tx.execute(
        "INSERT INTO recusal (session_id, member_name, nip, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, member, nip, reason.trim(), at],
    )?;
    audit::append(
        &tx,
        actor,
        Change {
            action: "session.recuse",
            entity: "session",
            entity_id: &id.to_string(),
            before: None,
            after: Some(json!({"member": member, "nip": nip, "reason": reason.trim(), "at": at})),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// Mark a candidate as discussed in the session.
pub fn mark_discussed(store: &mut Store, actor: &Actor, id: i64, nip: &str) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    let tx = store.write_tx()?;
    require_open(&tx, id)?;
    require_employee(&tx, nip)?;
    let at = now();
    let n = tx.execute(
        "INSERT OR IGNORE INTO discussed (session_id, nip, at) VALUES (?1, ?2, ?3)",
        params![id, nip, at],
    )?;
    if n > 0 {
        audit::append(
            &tx,
            actor,
            Change {
                action: "session.discussed",
                entity: "session",
                entity_id: &id.to_string(),
                before: None,
                after: Some(json!({"nip": nip, "at": at})),
            },
        )?;
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// What a decision (or an amendment) records.
#[derive(Debug, Clone)]
pub struct DecisionInput {
    pub nip: String,
    pub kind: DecisionKind,
    pub position: Option<String>,
    pub reason: String,
    pub votes: Option<Votes>,
}

/// The candidate's box, predikat, potensi and competency levels now.
fn snapshot(tx: &Transaction<'_>, nip: &str, rules: &Rules) -> Result<Value> {
    let c = load_one(tx, nip, rules)?.ok_or_else(|| Refusal::UnknownEmployee(nip.to_string()))?;
    let levels: serde_json::Map<String, Value> = Competency::ALL
        .iter()
        .filter_map(|k| c.level(*k).map(|l| (k.code().to_string(), json!(l))))
        .collect();
    Ok(json!({
        "nama": c.nama.as_str(),
        "jabatan": c.jabatan.text.as_ref(),
        "unit_kerja": c.unit.text.as_ref(),
        "golongan": c.golongan.to_string(),
        "kotak": c.kotak,
        "kinerja": c.latest_predikat().map(|p| p.code()),
        "kinerja_per_tahun": c.skp.iter().map(|(y, p)| json!({"tahun": y, "predikat": p.code()})).collect::<Vec<_>>(),
        "potensi": c.potensi.map(|p| p.code()),
        "skor_potensi": c.potensi_score,
        "kompetensi": levels,
    }))
}

fn quorum_in_tx(tx: &Transaction<'_>, id: i64, nip: &str) -> Result<QuorumCheck> {
    let quorum: Option<i64> = tx.query_row(
        "SELECT quorum FROM committee_session WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let members: i64 = tx.query_row(
        "SELECT count(*) FROM session_member WHERE session_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let present: i64 = tx.query_row(
        "SELECT count(*) FROM session_member WHERE session_id = ?1 AND present = 1",
        [id],
        |r| r.get(0),
    )?;
    let recused: i64 = tx.query_row(
        "SELECT count(*) FROM recusal r JOIN session_member m ON m.session_id = r.session_id AND m.name = r.member_name
         WHERE r.session_id = ?1 AND r.nip = ?2 AND m.present = 1",
        params![id, nip],
        |r| r.get(0),
    )?;
    Ok(QuorumCheck::new(
        members as usize,
        present as usize,
        recused as usize,
        quorum.map(|q| q as usize),
    ))
}

fn insert_decision(
    tx: &Transaction<'_>,
    actor: &Actor,
    id: i64,
    d: &DecisionInput,
    rules: &Rules,
    supersedes: Option<(i64, i64)>,
) -> Result<i64> {
    let closed = session_status(tx, id)?.is_closed();
    require_employee(tx, &d.nip)?;
    if let Some(p) = &d.position {
        require_position(tx, p)?;
    }
    let q = quorum_in_tx(tx, id, &d.nip)?;
    check_decision(
        closed,
        id,
        &d.reason,
        d.kind,
        d.position.is_some(),
        d.votes,
        &q,
    )?;
    let snap = snapshot(tx, &d.nip, rules)?;
    let (prev, version) = match supersedes {
        Some((prev, v)) => (Some(prev), v + 1),
        None => (None, 1),
    };
    let decided_at = now();
    let new_id: i64 = tx.query_row(
        "INSERT INTO decision (session_id, nip, kind, kode_jabatan, reason, votes_for, votes_against, votes_abstain,
           snapshot, supersedes, version, decided_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
        params![
            id,
            d.nip,
            d.kind.code(),
            d.position,
            d.reason.trim(),
            d.votes.map(|v| v.for_),
            d.votes.map(|v| v.against),
            d.votes.map(|v| v.abstain),
            snap.to_string(),
            prev,
            version,
            decided_at,
            actor.name,
        ],
        |r| r.get(0),
    )?;
    let after = json!({
        "session": id, "nip": d.nip, "kind": d.kind.code(), "position": d.position,
        "reason": d.reason.trim(), "votes": d.votes.map(|v| v.to_string()), "version": version,
        "supersedes": prev, "quorum": q, "snapshot": snap, "decided_at": decided_at,
    });
    let before = match prev {
        Some(p) => Some(decision_json(tx, p)?),
        None => None,
    };
    audit::append(
        tx,
        actor,
        Change {
            action: if prev.is_some() {
                "decision.amend"
            } else {
                "decision.record"
            },
            entity: "decision",
            entity_id: &new_id.to_string(),
            before,
            after: Some(after),
        },
    )?;
    Ok(new_id)
}

fn decision_json(tx: &Transaction<'_>, id: i64) -> Result<Value> {
    Ok(tx.query_row(
        "SELECT id, nip, kind, kode_jabatan, reason, votes_for, votes_against, votes_abstain, version FROM decision WHERE id = ?1",
        [id],
        |r| {
            let votes = match (r.get::<_, Option<u32>>(5)?, r.get::<_, Option<u32>>(6)?, r.get::<_, Option<u32>>(7)?) {
                (Some(a), Some(b), Some(c)) => Some(format!("{a}/{b}/{c}")),
                _ => None,
            };
            Ok(json!({
                "id": r.get::<_, i64>(0)?, "nip": r.get::<_, String>(1)?, "kind": r.get::<_, String>(2)?,
                "position": r.get::<_, Option<String>>(3)?, "reason": r.get::<_, String>(4)?,
                "votes": votes, "version": r.get::<_, i64>(8)?,
            }))
        },
    )?)
}

/// Record a decision; returns its id.
pub fn decide(
    store: &mut Store,
    actor: &Actor,
    rules: &Rules,
    id: i64,
    d: &DecisionInput,
) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, &d.reason)?;
    let tx = store.write_tx()?;
    let new_id = insert_decision(&tx, actor, id, d, rules, None)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(new_id)
}

/// What an amendment may change; what it leaves out stays as it was.
#[derive(Debug, Clone, Default)]
pub struct Amendment {
    pub kind: Option<DecisionKind>,
    /// `Some(None)` clears the position.
    pub position: Option<Option<String>>,
    pub reason: String,
    pub votes: Option<Votes>,
}

/// The latest version superseding `decision`, if any.
pub(super) fn later_version(tx: &Transaction<'_>, decision: i64) -> Result<Option<i64>> {
    Ok(tx.query_row(
        "WITH RECURSIVE chain(id) AS (SELECT id FROM decision WHERE supersedes = ?1
               UNION ALL SELECT d.id FROM decision d JOIN chain c ON d.supersedes = c.id)
             SELECT max(id) FROM chain",
        [decision],
        |r| r.get(0),
    )?)
}

/// Record a new version superseding `decision`; returns the new id.
pub fn amend(
    store: &mut Store,
    actor: &Actor,
    rules: &Rules,
    decision: i64,
    a: &Amendment,
) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, &a.reason)?;
    let tx = store.write_tx()?;
    type Old = (
        i64,
        String,
        String,
        Option<String>,
        Option<u32>,
        Option<u32>,
        Option<u32>,
        i64,
    );
    let old: Old = tx
        .query_row(
            "SELECT session_id, nip, kind, kode_jabatan, votes_for, votes_against, votes_abstain, version FROM decision WHERE id = ?1",
            [decision],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
        )
        .optional()?
        .ok_or(Refusal::UnknownDecision(decision))?;
    if let Some(latest) = later_version(&tx, decision)? {
        return Err(Refusal::Superseded { decision, latest }.into());
    }
    let (session, nip, kind, pos, vf, va, vb, version) = old;
    let old_votes = match (vf, va, vb) {
        (Some(f), Some(ag), Some(ab)) => Some(Votes {
            for_: f,
            against: ag,
            abstain: ab,
        }),
        _ => None,
    };
    let kind = a
        .kind
        .unwrap_or_else(|| DecisionKind::parse(&kind).unwrap_or(DecisionKind::Ditunda));
    let position = match &a.position {
        Some(p) => p.clone(),
        // A kind that takes no position drops the old one.
        None => pos.filter(|_| kind.takes_position()),
    };
    let input = DecisionInput {
        nip,
        kind,
        position,
        reason: a.reason.clone(),
        votes: a.votes.or(old_votes),
    };
    let new_id = insert_decision(
        &tx,
        actor,
        session,
        &input,
        rules,
        Some((decision, version)),
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(new_id)
}

/// Close a session: from now on it is read-only. Returns the audit head after closing.
pub fn close(store: &mut Store, actor: &Actor, id: i64) -> Result<String> {
    check_text(TextField::Actor, &actor.name)?;
    let tx = store.write_tx()?;
    if session_status(&tx, id)?.is_closed() {
        return Err(Refusal::SessionClosed(id).into());
    }
    vote::none_open(&tx, id)?;
    let at = now();
    tx.execute(
        "UPDATE committee_session SET status = 'closed' WHERE id = ?1",
        [id],
    )?;
    tx.execute(
        "INSERT INTO session_event (session_id, kind, reason, at, actor) VALUES (?1, 'close', NULL, ?2, ?3)",
        params![id, at, actor.name],
    )?;
    let decisions: i64 = tx.query_row(
        "SELECT count(*) FROM decision WHERE session_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let head = audit::append(
        &tx,
        actor,
        Change {
            action: "session.close",
            entity: "session",
            entity_id: &id.to_string(),
            before: Some(json!({"status": SessionStatus::Open})),
            after: Some(json!({
                "status": SessionStatus::Closed,
                "decisions": decisions,
                "at": at,
                "succession": succession::at_closing(&tx, id)?,
            })),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(head)
}

/// Reopen a closed session; the reason is required and recorded.
pub fn reopen(store: &mut Store, actor: &Actor, id: i64, reason: &str) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, reason)?;
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, reason)?;
    if reason.trim().is_empty() {
        return Err(Refusal::NoReason.into());
    }
    let tx = store.write_tx()?;
    if !session_status(&tx, id)?.is_closed() {
        return Err(Refusal::NotClosed(id).into());
    }
    tx.execute(
        "UPDATE committee_session SET status = 'open' WHERE id = ?1",
        [id],
    )?;
    let at = now();
    tx.execute(
        "INSERT INTO session_event (session_id, kind, reason, at, actor) VALUES (?1, 'reopen', ?2, ?3, ?4)",
        params![id, reason.trim(), at, actor.name],
    )?;
    audit::append(
        &tx,
        actor,
        Change {
            action: "session.reopen",
            entity: "session",
            entity_id: &id.to_string(),
            before: Some(json!({"status": SessionStatus::Closed})),
            after: Some(json!({"status": SessionStatus::Open, "reason": reason.trim(), "at": at})),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

const SESSION_ROW: &str = "SELECT s.id, s.title, s.date, s.quorum, s.status, s.created_at,
    (SELECT count(*) FROM session_member m WHERE m.session_id = s.id),
    (SELECT count(*) FROM session_member m WHERE m.session_id = s.id AND m.present = 1),
    (SELECT count(*) FROM decision d WHERE d.session_id = s.id),
    s.tempat, s.mulai
  FROM committee_session s";

fn session_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        quorum: r.get::<_, Option<i64>>(3)?.map(|q| q as usize),
        status: SessionStatus::from_code(&r.get::<_, String>(4)?),
        created_at: r.get(5)?,
        members: r.get::<_, i64>(6)? as usize,
        present: r.get::<_, i64>(7)? as usize,
        decisions: r.get::<_, i64>(8)? as usize,
        tempat: r.get(9)?,
        mulai: r.get(10)?,
    })
}

pub fn list(conn: &rusqlite::Connection) -> Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare(&format!("{SESSION_ROW} ORDER BY s.date DESC, s.id DESC"))?;
    let rows = stmt
        .query_map([], session_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(super) fn decision_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Decision> {
    let votes = match (
        r.get::<_, Option<u32>>(8)?,
        r.get::<_, Option<u32>>(9)?,
        r.get::<_, Option<u32>>(10)?,
    ) {
        (Some(f), Some(a), Some(b)) => Some(Votes {
            for_: f,
            against: a,
            abstain: b,
        }),
        _ => None,
    };
    let snapshot: String = r.get(11)?;
    Ok(Decision {
        id: r.get(0)?,
        session_id: r.get(1)?,
        nip: r.get(2)?,
        nama: r.get(3)?,
        kind: r.get(4)?,
        kode_jabatan: r.get(5)?,
        nama_jabatan: r.get(6)?,
        reason: r.get(7)?,
        votes,
        snapshot: serde_json::from_str(&snapshot).unwrap_or(Value::Null),
        supersedes: r.get(12)?,
        superseded_by: r.get(13)?,
        version: r.get(14)?,
        decided_at: r.get(15)?,
        actor: r.get(16)?,
        outcome: None,
    })
}

pub(super) const DECISION_ROW: &str = "SELECT d.id, d.session_id, d.nip, e.nama, d.kind, d.kode_jabatan, p.nama_jabatan, d.reason,
    d.votes_for, d.votes_against, d.votes_abstain, d.snapshot, d.supersedes,
    (SELECT n.id FROM decision n WHERE n.supersedes = d.id), d.version, d.decided_at, d.actor
  FROM decision d LEFT JOIN employee e ON e.nip = d.nip LEFT JOIN position p ON p.kode = d.kode_jabatan";

/// Every decision version about one employee, newest first (for profiles).
pub fn decisions_for(conn: &rusqlite::Connection, nip: &str) -> Result<Vec<Decision>> {
    let mut stmt = conn.prepare(&format!(
        "{DECISION_ROW} WHERE d.nip = ?1 ORDER BY d.id DESC"
    ))?;
    let rows = stmt
        .query_map([nip], decision_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut rows = rows;
    outcome::attach(conn, &mut rows)?;
    Ok(rows)
}

pub fn detail(conn: &rusqlite::Connection, id: i64) -> Result<SessionDetail> {
    let session = conn
        .query_row(&format!("{SESSION_ROW} WHERE s.id = ?1"), [id], session_row)
        .optional()?
        .ok_or(Refusal::UnknownSession(id))?;
    let members = conn
        .prepare("SELECT name, role, present, nip FROM session_member WHERE session_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(Member { name: r.get(0)?, role: r.get(1)?, present: r.get::<_, i64>(2)? == 1, nip: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let agenda = conn
        .prepare(
            "SELECT a.kode_jabatan, p.nama_jabatan FROM session_agenda a LEFT JOIN position p ON p.kode = a.kode_jabatan
             WHERE a.session_id = ?1 ORDER BY a.kode_jabatan",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let recusals = conn
        .prepare(
            "SELECT r.member_name, r.nip, e.nama, r.reason, r.at FROM recusal r LEFT JOIN employee e ON e.nip = r.nip
             WHERE r.session_id = ?1 ORDER BY r.at, r.member_name",
        )?
        .query_map([id], |r| {
            Ok(Recusal { member: r.get(0)?, nip: r.get(1)?, nama: r.get(2)?, reason: r.get(3)?, at: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let discussed = conn
        .prepare("SELECT nip FROM discussed WHERE session_id = ?1 ORDER BY at")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let decisions = conn
        .prepare(&format!(
            "{DECISION_ROW} WHERE d.session_id = ?1 ORDER BY d.id"
        ))?
        .query_map([id], decision_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let events = conn
        .prepare(
            "SELECT kind, reason, at, actor FROM session_event WHERE session_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Event {
                kind: r.get(0)?,
                reason: r.get(1)?,
                at: r.get(2)?,
                actor: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let closing_head = if session.status.is_closed() {
        conn.query_row(
            "SELECT hash FROM audit_log WHERE action = 'session.close' AND entity_id = ?1 ORDER BY seq DESC LIMIT 1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?
    } else {
        None
    };
    let current_head = audit::head(conn)?;
    let mut detail = SessionDetail {
        session,
        members,
        agenda,
        recusals,
        discussed,
        decisions,
        calibrations: calibration::of_session(conn, id)?,
        events,
        closing_head,
        current_head,
        succession: Vec::new(),
        named_votes: Vec::new(),
        discussed_names: Vec::new(),
    };
    // A closed session shows what the chain holds at its closing head.
    replay::replay(conn, Some(id))?.render(conn, &mut detail)?;
    detail.succession = match &detail.closing_head {
        Some(head) => succession::recorded(conn, head)?,
        None => succession::current(conn, id, &detail.session.date)?,
    };
    outcome::attach(conn, &mut detail.decisions)?;
    let mut name = conn.prepare("SELECT nama FROM employee WHERE nip = ?1")?;
    for nip in &detail.discussed {
        if let Some(n) = name.query_row([nip], |r| r.get(0)).optional()? {
            detail.discussed_names.push((nip.clone(), n));
        }
    }
    Ok(detail)
}

/// Compare every session record (session, members and attendance, agenda,
/// recusals, discussed marks, decisions, events) with the audit chain replayed
/// (see [`replay`]): the first rule broken or row that differs is reported
/// with the entry's sequence number (0 for a row the chain does not explain).
pub fn check_against_audit(
    conn: &rusqlite::Connection,
) -> super::Result<Option<(i64, super::audit::Problem)>> {
    Ok(replay::replay(conn, None)?.compare(conn)?)
}
