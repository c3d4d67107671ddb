//! Talent review in the loaded pool: after loading, each candidate's latest
//! calibration (the one no later calibration supersedes) is put on the
//! candidate and its box recomputed, so `kotak` is the box in effect (the
//! agreed one while the computed box is still the one it was agreed on, else
//! the computed one, flagged stale). One indexed query; nothing when no one
//! was calibrated.

use super::Result;
use crate::domain::calibration::Calibration;
use crate::domain::{Candidate, Rules};
use foldhash::HashMap;
use rusqlite::Connection;

/// The latest calibration per employee id (of one employee when `only`).
fn latest(conn: &Connection, only: Option<i64>) -> Result<Vec<(i64, Calibration)>> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calibration')",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, c.id, c.session_id, c.kotak, c.kotak_hitung, c.reason
           FROM calibration c JOIN employee e ON e.nip = c.nip
          WHERE c.id = (SELECT max(l.id) FROM calibration l WHERE l.nip = c.nip)
            AND (?1 IS NULL OR e.id = ?1)",
    )?;
    let rows = stmt
        .query_map([only], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Calibration {
                    id: r.get(1)?,
                    session: r.get(2)?,
                    kotak: r.get(3)?,
                    kotak_agreed_on: r.get(4)?,
                    kotak_now: None,
                    reason: r.get::<_, String>(5)?.into(),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The latest calibration of each calibrated employee, by employee id.
pub fn latest_by_employee(conn: &Connection) -> Result<HashMap<i64, Calibration>> {
    Ok(latest(conn, None)?.into_iter().collect())
}

/// Put a candidate's latest calibration on it and recompute its box (the
/// box computed before, with `rules`).
pub fn put_on(c: &mut Candidate, cal: Calibration, rules: &Rules) {
    c.calibration = Some(Box::new(cal));
    c.compute_kotak(rules);
}

/// Put each candidate's latest calibration on it and recompute its box with
/// `rules` (call once, after the boxes were computed); the rows it changed.
pub fn apply(conn: &Connection, rows: &mut [Candidate], rules: &Rules) -> Result<Vec<usize>> {
    let only = match rows {
        [one] => Some(one.id),
        _ => None,
    };
    let found = latest(conn, only)?;
    let mut touched = Vec::new();
    if found.is_empty() {
        return Ok(touched);
    }
    let sorted = rows.windows(2).all(|w| w[0].id < w[1].id);
    let index: HashMap<i64, usize> = if sorted {
        HashMap::default()
    } else {
        rows.iter().enumerate().map(|(i, c)| (c.id, i)).collect()
    };
    for (employee, cal) in found {
        let at = if sorted {
            rows.binary_search_by_key(&employee, |c| c.id).ok()
        } else {
            index.get(&employee).copied()
        };
        if let Some(i) = at {
            put_on(&mut rows[i], cal, rules);
            touched.push(i);
        }
    }
    Ok(touched)
}
