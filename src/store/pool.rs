//! Keeping the denormalised `pool` table (schema V4) current: every writer of
//! the record tables calls [`refresh`] with the employees it touched, inside
//! its own transaction, so the table never disagrees with the records.

use super::schema::POOL_REFRESH;
use super::Result;
use rusqlite::{params, Connection};

/// Recompute the pool rows of these employees (any order, duplicates allowed).
pub fn refresh(conn: &Connection, ids: &mut Vec<i64>) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    ids.sort_unstable();
    ids.dedup();
    let mut stmt = conn.prepare_cached(POOL_REFRESH)?;
    let mut start = ids[0];
    let mut end = start;
    for &id in &ids[1..] {
        if id == end + 1 {
            end = id;
            continue;
        }
        stmt.execute(params![start, end])?;
        start = id;
        end = id;
    }
    stmt.execute(params![start, end])?;
    Ok(())
}

/// Recompute the pool rows of employees `lo..=hi`.
pub fn refresh_range(conn: &Connection, lo: i64, hi: i64) -> Result<()> {
    if lo <= hi {
        conn.prepare_cached(POOL_REFRESH)?
            .execute(params![lo, hi])?;
    }
    Ok(())
}
