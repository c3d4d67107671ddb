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

/// What the pool row of one new employee is computed from, gathered as its
/// records are written: the years' predikat, the latest assessment of each
/// competency and of potential, the JP summed by year. Not the records
/// themselves: the importer gives each key once (`import::check`), and a
/// new employee has no record in the database, so each record written for
/// it is new (the writer inserts it without an upsert: were it not, the
/// INSERT would fail and the transaction roll back, never count twice).
/// Dates are `yyyymmdd`, which orders as the stored text; 0 is none.
#[derive(Default)]
pub struct Own {
    /// Tahun, predikat.
    pub skp: Vec<(u16, Predikat)>,
    /// By `Competency::index`: the date of the latest assessment (0: none).
    pub competency_dates: [u32; 9],
    /// By `Competency::index`: the level of the latest assessment.
    pub competency_levels: [u8; 9],
    /// The latest potential assessment: date (0: none), kategori, skor.
    pub potential: (u32, Option<Potensi>, Option<f64>),
    /// Tahun, JP summed.
    pub jp: Vec<(u16, u64)>,
    /// Left to [`refresh`].
    pub fallback: bool,
}

impl Own {
    /// A competency assessment was written.
    pub fn competency(&mut self, c: Competency, date: u32, level: u8) {
        let i = c.index();
        if date > self.competency_dates[i] {
            self.competency_dates[i] = date;
            self.competency_levels[i] = level;
        }
    }

    /// A potential assessment was written.
    pub fn potential(&mut self, date: u32, kategori: Option<Potensi>, skor: Option<f64>) {
        if date > self.potential.0 {
            self.potential = (date, kategori, skor);
        }
    }

    /// A training run was written.
    pub fn training(&mut self, tahun: u16, jp: u32) {
        match self.jp.iter_mut().find(|(t, _)| *t == tahun) {
            Some((_, sum)) => *sum += u64::from(jp),
            None => self.jp.push((tahun, u64::from(jp))),
        }
    }
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

    /// Whether this writer inserted employee `id`.
    pub fn inserted(&self, id: i64) -> bool {
        id.checked_sub(self.base)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.rows.get(i))
            .is_some_and(Option::is_some)
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
        // Written a chunk at a time: the rows of a million employees are
        // never all in memory beside the records they are computed from.
        const CHUNK: usize = 4096;
        let mut sql: Vec<(i64, PoolRow)> = Vec::with_capacity(CHUNK);
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
            if sql.len() == CHUNK {
                super::bulk::insert_pool_rows(conn, &sql)?;
                sql.clear();
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
        let kompetensi = self
            .competency_dates
            .iter()
            .zip(self.competency_levels)
            .map(|(d, l)| char::from(b'0' + if *d == 0 { 0 } else { l.min(9) }))
            .collect();
        let (potensi, skor) = match self.potential {
            (0, _, _) => (None, None),
            (_, k, s) => (k.map(Potensi::code), s),
        };
        self.skp.sort_unstable_by_key(|(t, _)| *t);
        let mut skp = String::new();
        for (i, (t, p)) in self.skp.iter().enumerate() {
            let sep = if i > 0 { " " } else { "" };
            let _ = write!(skp, "{sep}{t}:{}", p.code());
        }
        self.jp.sort_unstable_by_key(|(t, _)| *t);
        let mut jp = String::new();
        for (i, (t, h)) in self.jp.iter().enumerate() {
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
