//! Keeping the denormalised `pool` table (schema V4) current: every writer of
//! the record tables calls [`refresh`] with the employees it touched, inside
//! its own transaction, so the table never disagrees with the records. The
//! importer's writer computes the rows of the employees it inserts from the
//! records it wrote for them ([`Computed`]) and refreshes the others.

use super::schema::POOL_REFRESH;
use super::Result;
use crate::domain::{Competency, Potensi, Predikat};
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

/// The records a writer writes for the employees it inserts, and from them
/// their pool rows, instead of [`POOL_REFRESH`] over the record tables: the
/// same values, as the writer knows every record of such an employee. The
/// writer also finds these records here instead of in its maps of existing
/// keys (see `store::write`).
///
/// An employee qualifies when its id is above every `employee_id` the record
/// tables held before (so none of its records predates this writer). One with
/// a record dated outside years 0..=9999 (whose text does not order as the
/// date) is left to [`refresh`].
pub struct Computed {
    /// The lowest id that can qualify.
    base: i64,
    /// By `id - base`; `None`: not inserted by this writer.
    rows: Vec<Option<Own>>,
}

/// Every record written for one new employee, by kind: (key, value), each
/// key once. Dates are `yyyymmdd`, which orders as the stored text.
#[derive(Default)]
pub struct Own {
    /// Tahun, predikat.
    pub skp: Vec<(u16, Predikat)>,
    /// (Competency, date), level.
    pub competencies: Vec<((Competency, u32), u8)>,
    /// Date, (kategori, skor, metode).
    pub potentials: Vec<(u32, PotentialValue)>,
    /// (Tahun, a hash of the nama), jp; the same key can be there twice
    /// (two names, one hash).
    pub trainings: Vec<((u16, u64), u32)>,
    /// Left to [`refresh`].
    pub fallback: bool,
}

/// A potential assessment's kategori, skor and metode.
pub type PotentialValue = (Option<Potensi>, Option<f64>, Option<String>);

/// A writer finds the records of an employee it inserted by a scan of its
/// own list up to this many; beyond, in the database.
pub const OWN_SCAN: usize = 64;

/// The value of `key` in a list of (key, value) pairs.
pub fn get<'a, K: PartialEq, V>(list: &'a [(K, V)], key: &K) -> Option<&'a V> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Set the value of `key` in a list of (key, value) pairs; `listed`: the
/// key is there (else it is added without a scan).
pub fn set<K: PartialEq, V>(list: &mut Vec<(K, V)>, key: K, value: V, listed: bool) {
    if listed {
        if let Some(e) = list.iter_mut().find(|(k, _)| *k == key) {
            e.1 = value;
            return;
        }
    }
    list.push((key, value));
}

impl Computed {
    /// For a writer about to insert into `conn`'s tables.
    pub fn new(conn: &Connection) -> Result<Computed> {
        let mut base = 0i64;
        for t in [
            "employee",
            "skp",
            "competency_assessment",
            "potential_assessment",
            "training",
            "pool",
        ] {
            let col = if t == "employee" { "id" } else { "employee_id" };
            let max: Option<i64> =
                conn.query_row(&format!("SELECT max({col}) FROM {t}"), [], |r| r.get(0))?;
            base = base.max(max.unwrap_or(0));
        }
        Ok(Computed {
            base: base.saturating_add(1),
            rows: Vec::new(),
        })
    }

    /// Employee `id` was just inserted.
    pub fn employee(&mut self, id: i64) {
        let Some(i) = id
            .checked_sub(self.base)
            .and_then(|i| usize::try_from(i).ok())
        else {
            return;
        };
        // Ids are handed out in order; anything far off is left to `refresh`.
        if i > self.rows.len() + 1024 {
            return;
        }
        if self.rows.len() <= i {
            self.rows.resize_with(i + 1, || None);
        }
        self.rows[i] = Some(Own::default());
    }

    /// The records of employee `id`, when this writer inserted it.
    pub fn own(&mut self, id: i64) -> Option<&mut Own> {
        let i = usize::try_from(id.checked_sub(self.base)?).ok()?;
        self.rows.get_mut(i)?.as_mut()
    }

    /// Write the pool rows of `ids` (sorted or not, duplicates allowed): the
    /// computed ones directly, the others through [`refresh`].
    pub fn write(self, conn: &Connection, ids: &mut Vec<i64>) -> Result<()> {
        let Computed { base, mut rows } = self;
        ids.sort_unstable();
        ids.dedup();
        let mut rest = Vec::new();
        let mut sql: Vec<(i64, PoolRow)> = Vec::new();
        for &id in ids.iter() {
            let own = usize::try_from(id.saturating_sub(base))
                .ok()
                .filter(|_| id >= base)
                .and_then(|i| rows.get_mut(i))
                .and_then(Option::take);
            match own {
                Some(own) if !own.fallback => sql.push((id, own.row())),
                _ => rest.push(id),
            }
        }
        drop(rows);
        super::bulk::insert_pool_rows(conn, &sql)?;
        refresh(conn, &mut rest)
    }
}

/// The values of one `pool` row after `employee_id`.
pub struct PoolRow {
    pub kompetensi: String,
    pub potensi: Option<&'static str>,
    pub skor: Option<f64>,
    pub skp: String,
    pub jp: String,
}

impl Own {
    /// What [`POOL_REFRESH`] gives for these records.
    fn row(mut self) -> PoolRow {
        use std::fmt::Write;
        // The latest assessment of each competency.
        let mut latest: [Option<(u32, u8)>; 9] = [None; 9];
        for &((c, d), level) in &self.competencies {
            let slot = &mut latest[c.index()];
            if slot.is_none_or(|(old, _)| d > old) {
                *slot = Some((d, level));
            }
        }
        let kompetensi = latest
            .iter()
            .map(|c| char::from(b'0' + c.map_or(0, |(_, l)| l.min(9))))
            .collect();
        let (potensi, skor) = self
            .potentials
            .iter()
            .max_by_key(|p| p.0)
            .map_or((None, None), |(_, (k, s, _))| (k.map(Potensi::code), *s));
        self.skp.sort_unstable_by_key(|(t, _)| *t);
        let mut skp = String::new();
        for (i, (t, p)) in self.skp.iter().enumerate() {
            let sep = if i > 0 { " " } else { "" };
            let _ = write!(skp, "{sep}{t}:{}", p.code());
        }
        let mut years: Vec<(u16, u64)> = Vec::new();
        for ((t, _), h) in &self.trainings {
            match years.iter_mut().find(|(y, _)| y == t) {
                Some((_, sum)) => *sum += u64::from(*h),
                None => years.push((*t, u64::from(*h))),
            }
        }
        years.sort_unstable_by_key(|(t, _)| *t);
        let mut jp = String::new();
        for (i, (t, h)) in years.iter().enumerate() {
            let sep = if i > 0 { " " } else { "" };
            let _ = write!(jp, "{sep}{t}:{h}");
        }
        PoolRow {
            kompetensi,
            potensi,
            skor,
            skp,
            jp,
        }
    }
}
