//! Keeping the denormalised `pool` table (schema V4) current: every writer of
//! the record tables calls [`refresh`] with the employees it touched, inside
//! its own transaction, so the table never disagrees with the records.

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

/// The pool rows of employees a writer inserted, computed from the records it
/// writes for them instead of by [`POOL_REFRESH`] over the record tables: the
/// same values, for employees whose every record is known to the writer.
///
/// An employee qualifies when its id is above every `employee_id` the record
/// tables held before (so none of its records predates this writer) and every
/// one of its records was an insert; a record written twice (an update), or a
/// date `date_key` cannot order, leaves it to [`refresh`].
pub struct Computed {
    /// The lowest id that can qualify.
    base: i64,
    /// By `id - base`; `None`: not inserted by this writer.
    rows: Vec<Option<Acc>>,
}

/// What the pool row of one new employee is made of, so far.
#[derive(Default)]
struct Acc {
    /// The latest assessment of each competency (`Competency::ALL` order):
    /// date as `yyyymmdd` and level.
    competencies: [Option<(u32, u8)>; 9],
    /// The latest potential assessment: date as `yyyymmdd`, kategori, skor.
    potential: Option<(u32, Option<Potensi>, Option<f64>)>,
    skp: Vec<(u16, Predikat)>,
    /// JP summed per year.
    jp: Vec<(u16, u64)>,
    /// Left to [`refresh`].
    fallback: bool,
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
        self.rows[i] = Some(Acc::default());
    }

    fn acc(&mut self, id: i64) -> Option<&mut Acc> {
        let i = usize::try_from(id.checked_sub(self.base)?).ok()?;
        self.rows.get_mut(i)?.as_mut()
    }

    /// A record of employee `id` was written; `existed`: it replaced one.
    pub fn record(&mut self, id: i64, existed: bool, r: Rec) {
        let Some(acc) = self.acc(id) else {
            return;
        };
        if existed || acc.fallback {
            acc.fallback = true;
            return;
        }
        match r {
            Rec::Skp(tahun, p) => acc.skp.push((tahun, p)),
            Rec::Competency(c, tanggal, level) => match tanggal {
                Some(d) => {
                    let slot = &mut acc.competencies[c.index()];
                    if slot.is_none_or(|(old, _)| d > old) {
                        *slot = Some((d, level));
                    }
                }
                None => acc.fallback = true,
            },
            Rec::Potential(tanggal, kategori, skor) => match tanggal {
                Some(d) => {
                    if acc.potential.is_none_or(|(old, ..)| d > old) {
                        acc.potential = Some((d, kategori, skor));
                    }
                }
                None => acc.fallback = true,
            },
            Rec::Training(tahun, jp) => match acc.jp.iter_mut().find(|(t, _)| *t == tahun) {
                Some((_, sum)) => *sum += u64::from(jp),
                None => acc.jp.push((tahun, u64::from(jp))),
            },
        }
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
            let acc = usize::try_from(id.saturating_sub(base))
                .ok()
                .filter(|_| id >= base)
                .and_then(|i| rows.get_mut(i))
                .and_then(Option::take);
            match acc {
                Some(acc) if !acc.fallback => sql.push((id, acc.row())),
                _ => rest.push(id),
            }
        }
        drop(rows);
        super::bulk::insert_pool_rows(conn, &sql)?;
        refresh(conn, &mut rest)
    }
}

/// One record as it bears on the pool row. Dates are `yyyymmdd` numbers,
/// which order as the stored text does (`None`: a date outside years
/// 0..=9999, whose text does not).
pub enum Rec {
    Skp(u16, Predikat),
    Competency(Competency, Option<u32>, u8),
    Potential(Option<u32>, Option<Potensi>, Option<f64>),
    Training(u16, u32),
}

/// The values of one `pool` row after `employee_id`.
pub struct PoolRow {
    pub kompetensi: String,
    pub potensi: Option<&'static str>,
    pub skor: Option<f64>,
    pub skp: String,
    pub jp: String,
}

impl Acc {
    /// What [`POOL_REFRESH`] gives for these records.
    fn row(mut self) -> PoolRow {
        use std::fmt::Write;
        let kompetensi = self
            .competencies
            .iter()
            .map(|c| char::from(b'0' + c.map_or(0, |(_, l)| l.min(9))))
            .collect();
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
        let (potensi, skor) = match self.potential {
            Some((_, k, s)) => (k.map(Potensi::code), s),
            None => (None, None),
        };
        PoolRow {
            kompetensi,
            potensi,
            skor,
            skp,
            jp,
        }
    }
}
