//! The fast path for filling a fresh database (the demo pool, benchmarks):
//! plain prepared INSERTs, no per-row existence checks.
//!
//! [`insert_fresh`] is for records that are not in the database yet. It writes
//! what [`super::write::write_batch`] would write into a database without these
//! records (employee ids are assigned in order, after the highest one present;
//! records naming an unknown NIP or position are skipped the same way), but a
//! record that already exists is an error (a UNIQUE constraint), not an update:
//! the caller's transaction then rolls back. Runs inside the caller's transaction.

use super::pool::PoolRow;
use super::records::{
    bind_record, each_kind, has_position, Batch, EachKind, EmployeeRec, KindSql, RecordKind,
};
use super::write::WriteSummary;
use super::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Statement, Transaction};
use std::collections::{HashMap, HashSet};

/// `YYYY-MM-DD` without the formatting machinery (the same text as `Display`
/// for years 0..=9999).
fn iso(d: NaiveDate, buf: &mut [u8; 10]) -> &str {
    let (y, m, day) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        m / 10,
        m % 10,
        10,
        day / 10,
        day % 10,
    ];
    for (b, v) in buf.iter_mut().zip(digits) {
        *b = if v == 10 { b'-' } else { b'0' + v as u8 };
    }
    std::str::from_utf8(buf).expect("ASCII digits")
}

/// Rows per INSERT statement: one multi-row statement costs far less than as
/// many single-row ones.
const ROWS_PER_INSERT: usize = 64;

/// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...` for `rows` rows.
fn values_sql(head: &str, cols: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (cols * 3 + 4));
    sql.push_str(head);
    sql.push_str(" VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..cols {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('?');
        }
        sql.push(')');
    }
    sql
}

/// A date as the tables store it (`Display`'s text).
pub(super) fn date_text(d: NaiveDate, buf: &mut [u8; 10]) -> std::borrow::Cow<'_, str> {
    if (0..=9999).contains(&d.year()) {
        iso(d, buf).into()
    } else {
        d.to_string().into()
    }
}

/// New employees (id, unit id, record): the demo's bulk writer and the
/// importer's writer for employees it knows are new. One row per statement
/// (prepared once): the NIP's and the unit's indexes are written in file
/// order, not in their own, and a multi-row statement copies every index page
/// it touches into its statement journal (a million employees took about a
/// second longer so).
pub(super) fn insert_employees(tx: &Connection, rows: &[(i64, i64, &EmployeeRec)]) -> Result<()> {
    insert_chunks(
        tx,
        "INSERT INTO employee (id, nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan,
           tingkat_jabatan, unit_id, pendidikan, tmt_jabatan)",
        12,
        rows,
        |st, i, (id, unit_id, e)| {
            let (mut b1, mut b2) = ([0u8; 10], [0u8; 10]);
            st.raw_bind_parameter(i, id)?;
            st.raw_bind_parameter(i + 1, e.nip.as_str())?;
            st.raw_bind_parameter(i + 2, e.nama.as_str())?;
            st.raw_bind_parameter(i + 3, e.sex.code())?;
            st.raw_bind_parameter(i + 4, date_text(e.birth, &mut b1))?;
            st.raw_bind_parameter(i + 5, e.status.code())?;
            st.raw_bind_parameter(i + 6, e.golongan.to_string())?;
            st.raw_bind_parameter(i + 7, e.jabatan.as_str())?;
            st.raw_bind_parameter(i + 8, e.tingkat.label())?;
            st.raw_bind_parameter(i + 9, unit_id)?;
            st.raw_bind_parameter(i + 10, e.pendidikan.code())?;
            st.raw_bind_parameter(i + 11, e.tmt_jabatan.map(|d| date_text(d, &mut b2)))
        },
        None,
        1,
    )
}

/// Insert `items` with multi-row statements; `bind` binds one item's `cols`
/// values starting at the given 1-based parameter index.
fn insert_rows<T>(
    tx: &Connection,
    head: &str,
    cols: usize,
    items: &[T],
    bind: impl FnMut(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
) -> Result<()> {
    insert_chunks(tx, head, cols, items, bind, None, ROWS_PER_INSERT)
}

/// [`insert_rows`] for items believed new: a statement that fails on the
/// table's key (an item was not new after all) is undone alone (SQLite
/// keeps a statement journal for it) and its items are handed to `redo`,
/// in order, instead; the statements before and after it stand.
pub(super) fn insert_rows_or<T>(
    tx: &Connection,
    head: &str,
    cols: usize,
    items: &[T],
    bind: impl FnMut(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
    mut redo: impl FnMut(&T) -> Result<()>,
) -> Result<()> {
    insert_chunks(
        tx,
        head,
        cols,
        items,
        bind,
        Some(&mut redo),
        ROWS_PER_INSERT,
    )
}

/// What writes an item whose multi-row statement failed on the table's key.
type Redo<'a, T> = &'a mut dyn FnMut(&T) -> Result<()>;

/// [`insert_rows`], a chunk per statement; a chunk whose statement fails
/// on the table's key goes to `redo` when there is one.
fn insert_chunks<T>(
    tx: &Connection,
    head: &str,
    cols: usize,
    items: &[T],
    mut bind: impl FnMut(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
    mut redo: Option<Redo<'_, T>>,
    per: usize,
) -> Result<()> {
    // The statement for a full chunk is looked up once, not per chunk (the
    // employees' has one row).
    let mut full = match items.len() >= per {
        true => Some(tx.prepare_cached(&values_sql(head, cols, per))?),
        false => None,
    };
    for chunk in items.chunks(per) {
        let mut part = None;
        let stmt = match (&mut full, chunk.len() == per) {
            (Some(s), true) => s,
            _ => part.insert(tx.prepare_cached(&values_sql(head, cols, chunk.len()))?),
        };
        for (i, item) in chunk.iter().enumerate() {
            bind(stmt, i * cols + 1, item)?;
        }
        match (stmt.raw_execute(), redo.as_mut()) {
            (Ok(_), _) => {}
            (Err(rusqlite::Error::SqliteFailure(e, _)), Some(redo))
                if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
            {
                for item in chunk {
                    redo(item)?;
                }
            }
            (Err(e), _) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Write `pool` rows (replacing any with the same `employee_id`).
pub(super) fn insert_pool_rows(conn: &Connection, rows: &[(i64, PoolRow)]) -> Result<()> {
    insert_rows(
        conn,
        "INSERT OR REPLACE INTO pool (employee_id, kompetensi, potensi, skor, skp, jp)",
        6,
        rows,
        |st, i, (id, r)| {
            st.raw_bind_parameter(i, id)?;
            st.raw_bind_parameter(i + 1, &r.kompetensi)?;
            st.raw_bind_parameter(i + 2, r.potensi)?;
            st.raw_bind_parameter(i + 3, r.skor)?;
            st.raw_bind_parameter(i + 4, &r.skp)?;
            st.raw_bind_parameter(i + 5, &r.jp)
        },
    )
}

/// Insert a batch of new records. See the module documentation.
pub fn insert_fresh(tx: &Transaction<'_>, b: &Batch) -> Result<WriteSummary> {
    let mut sum = WriteSummary::default();
    let mut units = Units::read(tx)?;
    let first: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM employee", [], |r| {
        r.get(0)
    })?;
    let mut ids: HashMap<&str, i64> = HashMap::with_capacity(b.employees.len());
    let mut rows = Vec::with_capacity(b.employees.len());
    for (k, e) in b.employees.iter().enumerate() {
        let id = first + 1 + k as i64;
        rows.push((id, units.id(tx, &e.unit, e.instansi.as_deref())?, e));
        ids.insert(e.nip.as_str(), id);
    }
    insert_employees(tx, &rows)?;
    sum.employees.inserted = rows.len() as u64;

    let mut kinds = InsertKinds {
        tx,
        batch: b,
        ids: &ids,
        known: HashMap::new(),
        sum: &mut sum,
    };
    each_kind(&mut kinds)?;
    let known = kinds.known;
    insert_positions(tx, b, &mut units, &mut sum)?;

    // The new employees' pool rows, and those of earlier employees given records here.
    super::pool::refresh_range(tx, first + 1, first + rows.len() as i64)?;
    let mut others: Vec<i64> = known.values().flatten().copied().collect();
    super::pool::refresh(tx, &mut others)?;
    Ok(sum)
}

/// Unit ids by name: few, so all read once per batch; a new name is inserted.
struct Units(HashMap<String, i64>);

impl Units {
    fn read(tx: &Transaction<'_>) -> Result<Units> {
        let mut units = HashMap::new();
        let mut stmt = tx.prepare_cached("SELECT nama, id FROM unit")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for r in rows {
            let (n, id) = r?;
            units.insert(n, id);
        }
        Ok(Units(units))
    }

    fn id(&mut self, tx: &Transaction<'_>, nama: &str, instansi: Option<&str>) -> Result<i64> {
        if let Some(id) = self.0.get(nama) {
            return Ok(*id);
        }
        let id: i64 = tx
            .prepare_cached("INSERT INTO unit (nama, instansi) VALUES (?1, ?2) RETURNING id")?
            .query_row(params![nama, instansi], |r| r.get(0))?;
        self.0.insert(nama.to_string(), id);
        Ok(id)
    }
}

/// Inserting a batch's records kind by kind (see [`each_kind`]).
struct InsertKinds<'a, 't> {
    tx: &'a Transaction<'t>,
    batch: &'a Batch,
    /// The ids of the employees of this batch.
    ids: &'a HashMap<&'a str, i64>,
    /// Employees written by an earlier batch, looked up once.
    known: HashMap<String, Option<i64>>,
    sum: &'a mut WriteSummary,
}

impl InsertKinds<'_, '_> {
    fn id_of(&mut self, nip: &str) -> Result<Option<i64>> {
        if let Some(id) = self.ids.get(nip) {
            return Ok(Some(*id));
        }
        if let Some(id) = self.known.get(nip) {
            return Ok(*id);
        }
        let id: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM employee WHERE nip = ?1")?
            .query_row([nip], |r| r.get(0))
            .optional()?;
        self.known.insert(nip.to_string(), id);
        Ok(id)
    }
}

impl EachKind for InsertKinds<'_, '_> {
    fn kind<K: RecordKind>(&mut self) -> Result<()> {
        // Each record with its employee id, skipping unknown NIPs.
        let records = K::records(self.batch);
        let mut rows = Vec::with_capacity(records.len());
        for r in records {
            if let Some(id) = self.id_of(K::nip(r))? {
                rows.push((id, r));
            }
        }
        let sql = KindSql::of::<K>();
        insert_rows(self.tx, &sql.insert, sql.width, &rows, |st, i, (id, r)| {
            bind_record::<K>(st, i, *id, r)
        })?;
        K::counts(self.sum).inserted = rows.len() as u64;
        Ok(())
    }
}

/// Insert the batch's positions, then the requirements of known positions.
fn insert_positions(
    tx: &Transaction<'_>,
    b: &Batch,
    units: &mut Units,
    sum: &mut WriteSummary,
) -> Result<()> {
    let mut positions: HashSet<&str> = HashSet::with_capacity(b.positions.len());
    let mut prow = Vec::with_capacity(b.positions.len());
    for p in &b.positions {
        prow.push((units.id(tx, &p.unit, None)?, p));
        positions.insert(p.kode.as_str());
    }
    insert_rows(
        tx,
        "INSERT INTO position (kode, nama_jabatan, tingkat_jabatan, unit_id, status, pemangku_nip, kategori)",
        7,
        &prow,
        |st, i, (uid, p)| {
            st.raw_bind_parameter(i, &p.kode)?;
            st.raw_bind_parameter(i + 1, &p.nama)?;
            st.raw_bind_parameter(i + 2, p.tingkat.label())?;
            st.raw_bind_parameter(i + 3, uid)?;
            st.raw_bind_parameter(i + 4, if p.vacant { "lowong" } else { "terisi" })?;
            st.raw_bind_parameter(i + 5, &p.holder_nip)?;
            st.raw_bind_parameter(i + 6, p.kategori.flatten().map(|k| k.code()))
        },
    )?;
    sum.positions.inserted = prow.len() as u64;

    let mut reqs = Vec::with_capacity(b.requirements.len());
    for r in &b.requirements {
        if positions.contains(r.kode.as_str()) || has_position(tx, &r.kode)? {
            reqs.push(r);
        }
    }
    insert_rows(
        tx,
        "INSERT INTO position_requirement (kode_jabatan, kompetensi, level)",
        3,
        &reqs,
        |st, i, r| {
            st.raw_bind_parameter(i, &r.kode)?;
            st.raw_bind_parameter(i + 1, r.competency.code())?;
            st.raw_bind_parameter(i + 2, r.level)
        },
    )?;
    sum.requirements.inserted = reqs.len() as u64;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_matches_display() {
        for (y, m, d) in [(1965, 1, 9), (2026, 12, 31), (2000, 2, 29), (1999, 10, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut buf = [0u8; 10];
            assert_eq!(iso(date, &mut buf), date.to_string());
        }
    }
}
