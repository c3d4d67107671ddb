//! The succession plans a session's minutes show: for each position on the
//! agenda (without an agenda, each position the session recommended a
//! promotion to), its proposed succession group (kelompok rencana suksesi)
//! and the KRS established for the session's year, if any.
//!
//! An open session's minutes show the plan as it is now. Closing a session
//! records the plans in the close's audit entry (`after.succession`), and a
//! closed session's minutes print that record, so a plan changed after the
//! close does not change the signed minutes (the entry is in the hash chain).

use crate::store::krs::in_force;
use crate::store::positions::successors;
use crate::store::Result;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// One successor of a plan or member of a KRS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMember {
    pub nip: String,
    pub nama: Option<String>,
    /// The readiness code (`siap_sekarang`, `1_2_tahun`, `3_tahun_lebih`).
    pub kesiapan: String,
    pub urutan: i64,
}

/// The KRS the PPK established for the session's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EstablishedKrs {
    pub periode: i32,
    pub sk: String,
    pub tanggal: String,
    pub anggota: Vec<PlanMember>,
}

/// One position's proposed succession group and established KRS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionPlan {
    pub kode: String,
    pub nama_jabatan: Option<String>,
    pub rencana: Vec<PlanMember>,
    pub krs: Option<EstablishedKrs>,
}

/// The year of a session's date (`YYYY-MM-DD`).
fn year_of(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

/// The positions the minutes speak of: the agenda, else the positions of
/// the session's promotion recommendations in force.
fn positions_of(conn: &Connection, session: i64) -> Result<Vec<String>> {
    let agenda = conn
        .prepare_cached(
            "SELECT kode_jabatan FROM session_agenda WHERE session_id = ?1 ORDER BY kode_jabatan",
        )?
        .query_map([session], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    if !agenda.is_empty() {
        return Ok(agenda);
    }
    let promoted = conn
        .prepare_cached(
            "SELECT DISTINCT d.kode_jabatan FROM decision d
             WHERE d.session_id = ?1 AND d.kind = 'promosi' AND d.kode_jabatan IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM decision x WHERE x.supersedes = d.id)
             ORDER BY d.kode_jabatan",
        )?
        .query_map([session], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(promoted)
}

fn name(conn: &Connection, sql: &str, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

const EMPLOYEE_NAME: &str = "SELECT nama FROM employee WHERE nip = ?1";

/// The plans now, for session `session` held on `date`: only positions with
/// a plan or a KRS of the year.
pub fn current(conn: &Connection, session: i64, date: &str) -> Result<Vec<PositionPlan>> {
    let krs = match year_of(date) {
        Some(y) => in_force(conn, Some(y))?,
        None => Vec::new(),
    };
    let member = |nip: &str, readiness: &str, urutan: i64| -> Result<PlanMember> {
        Ok(PlanMember {
            nip: nip.to_string(),
            nama: name(conn, EMPLOYEE_NAME, nip)?,
            kesiapan: readiness.to_string(),
            urutan,
        })
    };
    let mut out = Vec::new();
    for kode in positions_of(conn, session)? {
        let rencana = successors(conn, Some(&kode))?
            .iter()
            .map(|s| member(&s.nip, s.readiness.code(), s.urutan))
            .collect::<Result<Vec<_>>>()?;
        let mine: Vec<_> = krs.iter().filter(|m| m.kode == kode).collect();
        let krs = match mine.first() {
            None => None,
            Some(first) => Some(EstablishedKrs {
                periode: first.period,
                sk: first.sk.clone(),
                tanggal: first.tanggal.clone(),
                anggota: mine
                    .iter()
                    .map(|m| member(&m.nip, m.readiness.code(), m.urutan))
                    .collect::<Result<Vec<_>>>()?,
            }),
        };
        if rencana.is_empty() && krs.is_none() {
            continue;
        }
        let nama_jabatan = name(
            conn,
            "SELECT nama_jabatan FROM position WHERE kode = ?1",
            &kode,
        )?;
        out.push(PositionPlan {
            kode,
            nama_jabatan,
            rencana,
            krs,
        });
    }
    Ok(out)
}

/// What the close records: the plans now, as JSON.
pub(crate) fn at_closing(conn: &Connection, session: i64) -> Result<serde_json::Value> {
    let date: String = conn.query_row(
        "SELECT date FROM committee_session WHERE id = ?1",
        [session],
        |r| r.get(0),
    )?;
    Ok(serde_json::to_value(current(conn, session, &date)?).unwrap_or_default())
}

/// The plans the close with audit hash `head` recorded (none when the close
/// predates the record).
pub(crate) fn recorded(conn: &Connection, head: &str) -> Result<Vec<PositionPlan>> {
    let after: Option<String> = conn
        .query_row("SELECT after FROM audit_log WHERE hash = ?1", [head], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    let plans = after
        .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
        .and_then(|v| v.get("succession").cloned())
        .and_then(|s| serde_json::from_value(s).ok());
    Ok(plans.unwrap_or_default())
}
