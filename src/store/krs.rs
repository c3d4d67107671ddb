//! The succession group (KRS) the PPK establishes for a period: the plan's
//! entries checked and copied into `krs_establishment` / `krs_member` in one
//! transaction with its audit entry (`krs.establish`). The rows are never
//! changed or deleted (triggers); a later establishment for the same period
//! and position supersedes the earlier one, both kept. `audit verify`
//! replays the entries (`session/replay.rs`).

use super::audit::{self, Change, Entry, Problem};
use super::positions::{successors, Successor};
use super::session::replay::{Fields, Replay, Table};
use super::{Actor, Result, Store, StoreError};
use crate::domain::krs::{Failure, KrsMember};
use crate::domain::succession::Readiness;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

/// A member of an established KRS in force (the domain's [`KrsMember`]).
pub type KrsEntry = KrsMember;

/// The members in force: for each period and position, those of the latest
/// establishment that named the position. One period, or all; ordered by
/// period, position, urutan.
pub fn in_force(conn: &Connection, period: Option<i32>) -> Result<Vec<KrsEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.kode_jabatan, m.nip, m.readiness, m.urutan, e.period, e.sk, e.tanggal, e.id
         FROM krs_member m JOIN krs_establishment e ON e.id = m.establishment_id
         WHERE (?1 IS NULL OR e.period = ?1)
           AND m.establishment_id = (
             SELECT max(e2.id) FROM krs_establishment e2
             JOIN krs_member m2 ON m2.establishment_id = e2.id
             WHERE e2.period = e.period AND m2.kode_jabatan = m.kode_jabatan)
         ORDER BY e.period, m.kode_jabatan, m.urutan, m.nip",
    )?;
    let rows = stmt.query_map(params![period], |r| {
        let readiness: String = r.get(2)?;
        Ok(KrsEntry {
            kode: r.get(0)?,
            nip: r.get(1)?,
            // Copied from the plan, whose CHECK admits only the three codes.
            readiness: Readiness::parse(&readiness).unwrap_or(Readiness::ThreePlus),
            urutan: r.get(3)?,
            period: r.get(4)?,
            sk: r.get(5)?,
            tanggal: r.get(6)?,
            establishment: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The KRS entry that freezes this plan entry: in force for a period from
/// `from_period` on (not expired), the latest period first.
pub fn frozen(
    conn: &Connection,
    kode: &str,
    nip: &str,
    from_period: i32,
) -> Result<Option<KrsEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT e.period FROM krs_member m JOIN krs_establishment e ON e.id = m.establishment_id
         WHERE m.kode_jabatan = ?1 AND m.nip = ?2 AND e.period >= ?3 ORDER BY e.period DESC",
    )?;
    let periods = stmt
        .query_map(params![kode, nip, from_period], |r| r.get::<_, i32>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for p in periods {
        let found = in_force(conn, Some(p))?
            .into_iter()
            .find(|e| e.kode == kode && e.nip == nip);
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// What to establish.
#[derive(Debug, Clone)]
pub struct Establish<'a> {
    pub period: i32,
    pub sk: &'a str,
    pub tanggal: NaiveDate,
    /// The positions whose plan is established; empty: every position with a plan.
    pub positions: &'a [String],
}

/// What was established.
#[derive(Debug, Clone, PartialEq)]
pub struct Established {
    pub id: i64,
    pub members: Vec<Successor>,
    /// The positions whose earlier KRS of the period this one supersedes.
    pub superseded: Vec<String>,
}

/// Why nothing was established. Rendered for users by `strings::*::krs`.
#[derive(Debug, thiserror::Error)]
pub enum KrsError {
    #[error("empty SK number")]
    NoSk,
    #[error("control character in the SK number or actor")]
    InvalidText(crate::domain::text::TextError),
    #[error("the plan has no entries")]
    EmptyPlan,
    #[error("no plan entries for {0}")]
    NoEntries(String),
    #[error("SK {sk} already established period {period}")]
    SkUsed { period: i32, sk: String },
    #[error("{} entries fail", .0.len())]
    Failing(Vec<Failure>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for KrsError {
    fn from(e: rusqlite::Error) -> Self {
        KrsError::Store(StoreError::Sqlite(e))
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The plan entries to establish: of the positions named (each must have
/// some), or all.
fn entries(
    conn: &Connection,
    positions: &[String],
) -> std::result::Result<Vec<Successor>, KrsError> {
    if positions.is_empty() {
        let all = successors(conn, None)?;
        if all.is_empty() {
            return Err(KrsError::EmptyPlan);
        }
        return Ok(all);
    }
    let mut out = Vec::new();
    for kode in positions {
        let list = successors(conn, Some(kode))?;
        if list.is_empty() {
            return Err(KrsError::NoEntries(kode.clone()));
        }
        out.extend(list);
    }
    Ok(out)
}

/// Establish the plan of `what.positions` (or all) as the KRS of the period:
/// `check` (the Pasal 199 conditions, `domain::krs`) runs on the entries read
/// inside the write transaction, so what is checked is what is written. Any
/// failing entry: nothing written, every failure returned.
pub fn establish(
    store: &mut Store,
    actor: &Actor,
    what: &Establish<'_>,
    check: impl FnOnce(&[Successor]) -> Vec<Failure>,
) -> std::result::Result<Established, KrsError> {
    use crate::domain::text::{check as check_text, Lines};
    let sk = what.sk.trim();
    if sk.is_empty() {
        return Err(KrsError::NoSk);
    }
    check_text(sk, Lines::One).map_err(KrsError::InvalidText)?;
    check_text(&actor.name, Lines::One).map_err(KrsError::InvalidText)?;
    let tx = store.write_tx()?;
    let members = entries(&tx, what.positions)?;
    let used: Option<i64> = tx
        .query_row(
            "SELECT id FROM krs_establishment WHERE period = ?1 AND sk = ?2",
            params![what.period, sk],
            |r| r.get(0),
        )
        .optional()?;
    if used.is_some() {
        return Err(KrsError::SkUsed {
            period: what.period,
            sk: sk.to_string(),
        });
    }
    let failures = check(&members);
    if !failures.is_empty() {
        return Err(KrsError::Failing(failures));
    }
    let before = in_force(&tx, Some(what.period))?;
    let mut superseded: Vec<String> = before
        .iter()
        .filter(|e| members.iter().any(|m| m.kode_jabatan == e.kode))
        .map(|e| e.kode.clone())
        .collect();
    superseded.dedup();
    let at = now();
    let tanggal = what.tanggal.format("%Y-%m-%d").to_string();
    tx.execute(
        "INSERT INTO krs_establishment (period, sk, tanggal, established_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![what.period, sk, tanggal, at, actor.name],
    )?;
    let id = tx.last_insert_rowid();
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO krs_member (establishment_id, kode_jabatan, nip, readiness, urutan)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for m in &members {
            ins.execute(params![
                id,
                m.kode_jabatan,
                m.nip,
                m.readiness.code(),
                m.urutan
            ])?;
        }
    }
    let listed: Vec<serde_json::Value> = members
        .iter()
        .map(|m| {
            json!({"kode": m.kode_jabatan, "nip": m.nip, "readiness": m.readiness.code(), "urutan": m.urutan})
        })
        .collect();
    audit::append(
        &tx,
        actor,
        Change {
            action: "krs.establish",
            entity: "krs",
            entity_id: &id.to_string(),
            before: None,
            after: Some(json!({
                "period": what.period,
                "sk": sk,
                "tanggal": tanggal,
                "established_at": at,
                "members": listed,
                "supersedes": superseded,
            })),
        },
    )?;
    tx.commit()?;
    Ok(Established {
        id,
        members,
        superseded,
    })
}

/// Establish the plan of `what.positions` (or all) with every entry checked
/// against Pasal 199's conditions (`domain::krs::check`) on the pool's data:
/// the one check `talenta succession establish` and the positions screen's
/// form both run.
pub fn establish_plan(
    store: &mut Store,
    actor: &Actor,
    what: &Establish<'_>,
    pool: &crate::domain::Pool,
    positions: &[crate::domain::Position],
) -> std::result::Result<Established, KrsError> {
    let year = crate::domain::krs::reference_year(what.period, pool.as_of);
    let check = |entries: &[Successor]| -> Vec<Failure> {
        entries
            .iter()
            .filter_map(|s| {
                let pos = positions.iter().find(|p| p.kode == s.kode_jabatan)?;
                let c = pool.find_nip(&s.nip);
                crate::domain::krs::check(c, pos, &pool.rules, year).map(|failing| Failure {
                    kode: s.kode_jabatan.clone(),
                    nip: s.nip.clone(),
                    failing,
                })
            })
            .collect()
    };
    establish(store, actor, what, check)
}

/// The employee's KRS memberships in force (every period), latest period first.
pub fn memberships(conn: &Connection, nip: &str) -> Result<Vec<KrsEntry>> {
    let mut all: Vec<KrsEntry> = in_force(conn, None)?
        .into_iter()
        .filter(|e| e.nip == nip)
        .collect();
    all.sort_by(|a, b| b.period.cmp(&a.period).then(a.kode.cmp(&b.kode)));
    Ok(all)
}

/// `audit verify`'s view of the established KRS: its rows by key ...
pub(crate) const ESTABLISHMENT_TABLE: Table = Table {
    entity: "krs",
    sql: "SELECT id, period, sk, tanggal, established_at, actor FROM krs_establishment",
    json: &[],
};

/// ... and its members by establishment, position and NIP.
pub(crate) const MEMBER_TABLE: Table = Table {
    entity: "krs_member",
    sql: "SELECT establishment_id || '/' || kode_jabatan || '/' || nip, readiness, urutan
          FROM krs_member",
    json: &[],
};

/// Replay a `krs.establish` entry into the rows it wrote. An establishment
/// id the chain has seen already is a mismatch.
pub(crate) fn replay(
    r: &mut Replay,
    e: &Entry,
    after: &serde_json::Value,
) -> std::result::Result<(), Problem> {
    let id = e.entity_id.clone();
    if r.rows.get("krs").is_some_and(|t| t.contains_key(&id)) {
        return Err(Problem::RecordMismatch {
            entity: "krs".into(),
            id,
        });
    }
    let mut fields = Fields::new();
    for k in ["period", "sk", "tanggal", "established_at"] {
        fields.insert(k.into(), after.get(k).cloned().unwrap_or_default());
    }
    fields.insert("actor".into(), json!(e.actor));
    r.put("krs", id.clone(), e.seq, fields);
    let members = after.get("members").and_then(|m| m.as_array());
    for m in members.into_iter().flatten() {
        let text = |k: &str| m.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        let key = format!("{id}/{}/{}", text("kode"), text("nip"));
        let mut fields = Fields::new();
        fields.insert("readiness".into(), json!(text("readiness")));
        fields.insert(
            "urutan".into(),
            m.get("urutan").cloned().unwrap_or_default(),
        );
        r.put("krs_member", key, e.seq, fields);
    }
    Ok(())
}

/// Flag the pool's members of the KRS established for the as-of year (any
/// position): the filter's `krs`, the shortlists' mark. By employee id, so a
/// pool loaded without names is flagged too.
pub fn mark_members(conn: &Connection, pool: &mut crate::domain::Pool) -> Result<()> {
    let ids = member_ids(conn, pool.as_of)?;
    if ids.is_empty() {
        return Ok(());
    }
    for c in pool.rows.iter_mut().filter(|c| ids.contains(&c.id)) {
        c.krs = true;
    }
    Ok(())
}

/// The employee ids of the members of the KRS established for the year of
/// `as_of` (any position).
pub fn member_ids(
    conn: &Connection,
    as_of: chrono::NaiveDate,
) -> Result<std::collections::HashSet<i64>> {
    let period = crate::domain::krs::current_period(as_of);
    let members = in_force(conn, Some(period))?;
    // By employee id, not NIP: a pool loaded for a count carries no NIPs.
    let mut ids = std::collections::HashSet::new();
    let mut stmt = conn.prepare_cached("SELECT id FROM employee WHERE nip = ?1")?;
    for m in &members {
        if let Some(id) = stmt
            .query_row([&m.nip], |r| r.get::<_, i64>(0))
            .optional()?
        {
            ids.insert(id);
        }
    }
    Ok(ids)
}
