//! Talent review (calibration) in the database: the box a committee agrees
//! for a candidate, with grounds, under the rules of a recommendation (open
//! session, quorum of members present and not recused for the candidate,
//! votes not above that number, grounds required). One `IMMEDIATE`
//! transaction with its audit entry: a refusal writes nothing. A later
//! calibration of the same NIP supersedes the earlier one (both kept).

use super::{now, quorum_in_tx, require_employee, session_status, Result, StoreError};
use crate::domain::calibration::{check_box, check_calibration};
use crate::domain::session::{check_text, Refusal, TextField, Votes};
use crate::domain::Rules;
use crate::store::audit::{self, Change};
use crate::store::load::load_one;
use crate::store::{Actor, Store};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use serde_json::{json, Value};

/// What the secretary records.
#[derive(Debug, Clone)]
pub struct CalibrationInput {
    pub nip: String,
    /// The agreed box; anything outside 1..9 is refused.
    pub kotak: i64,
    pub reason: String,
    pub votes: Option<Votes>,
}

/// One recorded calibration.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationRow {
    pub id: i64,
    pub session_id: i64,
    pub nip: String,
    pub nama: Option<String>,
    /// The agreed box.
    pub kotak: u8,
    /// The computed box it was agreed on.
    pub kotak_hitung: Option<u8>,
    pub reason: String,
    pub votes: Option<Votes>,
    pub supersedes: Option<i64>,
    pub superseded_by: Option<i64>,
    pub calibrated_at: String,
    pub actor: String,
}

/// Record a calibration in session `session`; returns its id.
pub fn calibrate(
    store: &mut Store,
    actor: &Actor,
    rules: &Rules,
    session: i64,
    input: &CalibrationInput,
) -> Result<i64> {
    check_text(TextField::Actor, &actor.name)?;
    check_text(TextField::Reason, &input.reason)?;
    // The box first (no transaction for an impossible one).
    check_box(input.kotak)?;
    let tx = store.write_tx()?;
    let id = insert(&tx, actor, rules, session, input)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(id)
}

/// Record a calibration inside `tx` (a vote's closing writes it this way).
pub(super) fn insert(
    tx: &Transaction<'_>,
    actor: &Actor,
    rules: &Rules,
    session: i64,
    input: &CalibrationInput,
) -> Result<i64> {
    let closed = session_status(tx, session)?.is_closed();
    require_employee(tx, &input.nip)?;
    let q = quorum_in_tx(tx, session, &input.nip)?;
    let kotak = check_calibration(closed, session, &input.reason, input.kotak, input.votes, &q)?;
    let computed = load_one(tx, &input.nip, rules)?
        .ok_or_else(|| Refusal::UnknownEmployee(input.nip.clone()))?
        .kotak_hitung();
    let prev: Option<i64> = tx.query_row(
        "SELECT max(id) FROM calibration WHERE nip = ?1",
        [&input.nip],
        |r| r.get(0),
    )?;
    let at = now();
    let reason = input.reason.trim();
    let votes = input.votes;
    let id: i64 = tx.query_row(
        "INSERT INTO calibration (session_id, nip, kotak, kotak_hitung, reason, votes_for, votes_against,
           votes_abstain, supersedes, calibrated_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
        params![
            session,
            input.nip,
            kotak,
            computed,
            reason,
            votes.map(|v| v.for_),
            votes.map(|v| v.against),
            votes.map(|v| v.abstain),
            prev,
            at,
            actor.name,
        ],
        |r| r.get(0),
    )?;
    let before = match prev {
        Some(p) => Some(calibration_json(tx, p)?),
        None => None,
    };
    audit::append(
        tx,
        actor,
        Change {
            action: "calibration.record",
            entity: "calibration",
            entity_id: &id.to_string(),
            before,
            after: Some(json!({
                "session": session, "nip": input.nip, "kotak": kotak, "kotak_hitung": computed,
                "reason": reason, "votes": votes.map(|v| v.to_string()), "supersedes": prev,
                "quorum": q, "calibrated_at": at,
            })),
        },
    )?;
    Ok(id)
}

fn calibration_json(tx: &Transaction<'_>, id: i64) -> Result<Value> {
    let row = tx.query_row(&format!("{ROW} WHERE c.id = ?1"), [id], row)?;
    Ok(json!({
        "id": row.id, "session": row.session_id, "nip": row.nip, "kotak": row.kotak,
        "kotak_hitung": row.kotak_hitung, "reason": row.reason,
        "votes": row.votes.map(|v| v.to_string()),
    }))
}

const ROW: &str = "SELECT c.id, c.session_id, c.nip, e.nama, c.kotak, c.kotak_hitung, c.reason,
    c.votes_for, c.votes_against, c.votes_abstain, c.supersedes,
    (SELECT n.id FROM calibration n WHERE n.supersedes = c.id), c.calibrated_at, c.actor
  FROM calibration c LEFT JOIN employee e ON e.nip = c.nip";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CalibrationRow> {
    let votes = Votes::from_parts(r.get(7)?, r.get(8)?, r.get(9)?);
    Ok(CalibrationRow {
        id: r.get(0)?,
        session_id: r.get(1)?,
        nip: r.get(2)?,
        nama: r.get(3)?,
        kotak: r.get(4)?,
        kotak_hitung: r.get(5)?,
        reason: r.get(6)?,
        votes,
        supersedes: r.get(10)?,
        superseded_by: r.get(11)?,
        calibrated_at: r.get(12)?,
        actor: r.get(13)?,
    })
}

fn rows(conn: &Connection, filter: &str, key: &dyn rusqlite::ToSql) -> Result<Vec<CalibrationRow>> {
    let mut stmt = conn.prepare(&format!("{ROW} WHERE {filter} ORDER BY c.id"))?;
    let out = stmt
        .query_map([key], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// The calibrations recorded in one session, in the order recorded.
pub fn of_session(conn: &Connection, session: i64) -> Result<Vec<CalibrationRow>> {
    rows(conn, "c.session_id = ?1", &session)
}

/// Every calibration of one employee, oldest first.
pub fn of_employee(conn: &Connection, nip: &str) -> Result<Vec<CalibrationRow>> {
    rows(conn, "c.nip = ?1", &nip)
}
