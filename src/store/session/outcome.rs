//! The PPK's outcome of a committee recommendation: established by decree
//! (`ditetapkan`, with the SK's number and date), rejected (`ditolak`, with a
//! reason) or postponed (`ditunda`). It comes after the session, so it is
//! recorded also on a closed one. Rows are never changed: a later outcome for
//! the same recommendation supersedes the earlier one, and both stay. Each
//! is one `IMMEDIATE` transaction with its audit entry (`outcome.record`),
//! which `audit verify` replays (see [`super::replay`]).

use super::{decision_row, later_version, now, Decision, Result, DECISION_ROW};
use crate::domain::outcome::OutcomeStatus;
use crate::domain::session::{check_text, Refusal, TextField};
use crate::store::audit::{self, Change};
use crate::store::{Actor, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::{json, Value};

/// One outcome as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: i64,
    pub decision_id: i64,
    /// `ditetapkan`, `ditolak` or `ditunda`.
    pub status: String,
    pub sk: Option<String>,
    /// The date of the SK or of the PPK's answer (YYYY-MM-DD).
    pub tanggal: Option<String>,
    pub reason: Option<String>,
    pub recorded_at: String,
    pub actor: String,
}

impl Outcome {
    pub fn status(&self) -> Option<OutcomeStatus> {
        OutcomeStatus::parse(&self.status)
    }
}

/// What the secretary records.
#[derive(Debug, Clone)]
pub struct OutcomeInput {
    pub decision: i64,
    pub status: OutcomeStatus,
    pub sk: Option<String>,
    pub tanggal: NaiveDate,
    pub reason: Option<String>,
}

/// A text given, trimmed; blank is none.
fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The rules that need no database: the texts pass the door, `ditetapkan`
/// names its SK, `ditolak` its reason.
fn check_input(actor: &Actor, o: &OutcomeInput) -> Result<()> {
    check_text(TextField::Actor, &actor.name)?;
    if let Some(sk) = &o.sk {
        check_text(TextField::Sk, sk)?;
    }
    if let Some(r) = &o.reason {
        check_text(TextField::Reason, r)?;
    }
    if o.status.needs_sk() && given(&o.sk).is_none() {
        return Err(Refusal::OutcomeNeedsSk.into());
    }
    if o.status.needs_reason() && given(&o.reason).is_none() {
        return Err(Refusal::OutcomeNeedsReason.into());
    }
    Ok(())
}

/// The session and candidate of a recommendation that may take an outcome:
/// it exists and is its latest version.
fn require_latest(tx: &Transaction<'_>, decision: i64) -> Result<(i64, String)> {
    let row: (i64, String) = tx
        .query_row(
            "SELECT session_id, nip FROM decision WHERE id = ?1",
            [decision],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Refusal::UnknownDecision(decision))?;
    if let Some(latest) = later_version(tx, decision)? {
        return Err(Refusal::OutcomeOnSuperseded { decision, latest }.into());
    }
    Ok(row)
}

fn outcome_json(o: &Outcome) -> Value {
    json!({
        "id": o.id, "status": o.status, "sk": o.sk, "tanggal": o.tanggal,
        "reason": o.reason, "recorded_at": o.recorded_at,
    })
}

/// Record the PPK's outcome of a recommendation; returns its id.
pub fn record(store: &mut Store, actor: &Actor, o: &OutcomeInput) -> Result<i64> {
    check_input(actor, o)?;
    let tx = store.write_tx()?;
    let (session, nip) = require_latest(&tx, o.decision)?;
    let before = latest_of(&tx, o.decision)?;
    let (sk, reason) = (given(&o.sk), given(&o.reason));
    let (tanggal, recorded_at) = (o.tanggal.to_string(), now());
    let id: i64 = tx.query_row(
        "INSERT INTO outcome (decision_id, status, sk, tanggal, reason, recorded_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            o.decision,
            o.status.code(),
            sk,
            tanggal,
            reason,
            recorded_at,
            actor.name
        ],
        |r| r.get(0),
    )?;
    audit::append(
        &tx,
        actor,
        Change {
            action: "outcome.record",
            entity: "outcome",
            entity_id: &id.to_string(),
            before: before.as_ref().map(outcome_json),
            after: Some(json!({
                "decision": o.decision, "session": session, "nip": nip,
                "status": o.status.code(), "sk": sk, "tanggal": tanggal, "reason": reason,
                "supersedes": before.as_ref().map(|b| b.id), "recorded_at": recorded_at,
            })),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(id)
}

const OUTCOME_ROW: &str =
    "SELECT id, decision_id, status, sk, tanggal, reason, recorded_at, actor FROM outcome";

fn outcome_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Outcome> {
    Ok(Outcome {
        id: r.get(0)?,
        decision_id: r.get(1)?,
        status: r.get(2)?,
        sk: r.get(3)?,
        tanggal: r.get(4)?,
        reason: r.get(5)?,
        recorded_at: r.get(6)?,
        actor: r.get(7)?,
    })
}

/// The latest outcome of one recommendation version.
pub fn latest_of(conn: &Connection, decision: i64) -> Result<Option<Outcome>> {
    Ok(conn
        .query_row(
            &format!("{OUTCOME_ROW} WHERE decision_id = ?1 ORDER BY id DESC LIMIT 1"),
            [decision],
            outcome_row,
        )
        .optional()?)
}

/// Every outcome of one recommendation version, oldest first.
pub fn history(conn: &Connection, decision: i64) -> Result<Vec<Outcome>> {
    let mut stmt = conn.prepare(&format!("{OUTCOME_ROW} WHERE decision_id = ?1 ORDER BY id"))?;
    let rows = stmt
        .query_map([decision], outcome_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Give each decision version its latest outcome.
pub fn attach(conn: &Connection, decisions: &mut [Decision]) -> Result<()> {
    for d in decisions {
        d.outcome = latest_of(conn, d.id)?;
    }
    Ok(())
}

/// A recommendation in force that waits for the PPK: no outcome yet, or
/// postponed (`ditunda`) the last time.
#[derive(Debug, Clone, Serialize)]
pub struct Awaiting {
    pub session_title: String,
    pub session_date: String,
    pub decision: Decision,
}

/// The recommendations awaiting the PPK's outcome across sessions, oldest
/// session first.
pub fn awaiting(conn: &Connection) -> Result<Vec<Awaiting>> {
    let sql = format!(
        "{DECISION_ROW}
         WHERE NOT EXISTS (SELECT 1 FROM decision n WHERE n.supersedes = d.id)
           AND coalesce((SELECT o.status FROM outcome o WHERE o.decision_id = d.id
                         ORDER BY o.id DESC LIMIT 1), 'ditunda') = 'ditunda'
         ORDER BY (SELECT s.date FROM committee_session s WHERE s.id = d.session_id), d.session_id, d.id"
    );
    let mut decisions = conn
        .prepare(&sql)?
        .query_map([], decision_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    attach(conn, &mut decisions)?;
    let mut session = conn.prepare("SELECT title, date FROM committee_session WHERE id = ?1")?;
    let mut out = Vec::with_capacity(decisions.len());
    for decision in decisions {
        let (session_title, session_date) = session
            .query_row([decision.session_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or_default();
        out.push(Awaiting {
            session_title,
            session_date,
            decision,
        });
    }
    Ok(out)
}
