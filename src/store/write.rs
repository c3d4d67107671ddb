//! Writing records: upserts keyed by the records' natural keys, so writing the
//! same batch twice changes nothing. Runs inside the caller's transaction.

use super::bulk::{date_text, insert_employees, insert_rows_then};
use super::pool::{get, set, Computed, Own};
use super::records::{Batch, CompetencyRec, EmployeeRec, PotentialRec, SkpRec, TrainingRec};
use super::Result;
use crate::domain::Competency;
use crate::domain::Potensi;
use foldhash::{HashMap, HashSet};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

/// How many rows of each kind were new, changed, or already as given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Counts {
    fn add(&mut self, changes: usize, existed: bool) {
        match (existed, changes > 0) {
            (false, _) => self.inserted += 1,
            (true, true) => self.updated += 1,
            (true, false) => self.unchanged += 1,
        }
    }
    pub fn total(&self) -> u64 {
        self.inserted + self.updated + self.unchanged
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WriteSummary {
    pub employees: Counts,
    pub skp: Counts,
    pub competencies: Counts,
    pub potentials: Counts,
    pub trainings: Counts,
    pub positions: Counts,
    pub requirements: Counts,
}

/// Looks up and caches employee ids by NIP and unit ids by name. With
/// `preloaded`, every employee and unit is read once up front and the maps are
/// complete (a miss means "not in the database").
struct Ids {
    employees: HashMap<String, i64>,
    /// Unit id and, when preloaded, its `instansi`.
    units: HashMap<String, (i64, Option<String>)>,
    preloaded: bool,
    /// When preloaded: the id the next new employee gets, as SQLite would
    /// give it (one more than the largest), so new employees can be written
    /// together; `None` when there is no such number.
    next: Option<i64>,
    /// The NIP last found and its id (ids never change).
    last: (String, Option<i64>),
}

impl Ids {
    fn new(tx: &Transaction<'_>, preloaded: bool) -> Result<Ids> {
        let mut ids = Ids {
            employees: HashMap::default(),
            units: HashMap::default(),
            preloaded,
            next: None,
            last: (String::new(), None),
        };
        if preloaded {
            let mut st = tx.prepare("SELECT nip, id FROM employee")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                ids.employees.insert(r.get(0)?, r.get(1)?);
            }
            let mut st = tx.prepare("SELECT nama, id, instansi FROM unit")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                ids.units.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
            }
            let max: Option<i64> =
                tx.query_row("SELECT max(id) FROM employee", [], |r| r.get(0))?;
            ids.next = max.unwrap_or(0).checked_add(1).filter(|&n| n > 0);
        }
        Ok(ids)
    }

    fn employee(&mut self, tx: &Transaction<'_>, nip: &str) -> Result<Option<i64>> {
        // An employee's records usually come one after another.
        if self.last.1.is_some() && self.last.0 == nip {
            return Ok(self.last.1);
        }
        if let Some(&id) = self.employees.get(nip) {
            self.last.0.clear();
            self.last.0.push_str(nip);
            self.last.1 = Some(id);
            return Ok(Some(id));
        }
        if self.preloaded {
            return Ok(None);
        }
        let id: Option<i64> = tx
            .prepare_cached("SELECT id FROM employee WHERE nip = ?1")?
            .query_row([nip], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.employees.insert(nip.to_string(), id);
        }
        Ok(id)
    }

    fn unit(&mut self, tx: &Transaction<'_>, nama: &str, instansi: Option<&str>) -> Result<i64> {
        if let Some((id, known)) = self.units.get_mut(nama) {
            if let Some(new) = instansi {
                // Preloaded: `known` is the stored value, so skip the no-op UPDATE.
                if !self.preloaded || known.as_deref() != Some(new) {
                    tx.prepare_cached(
                        "UPDATE unit SET instansi = ?2 WHERE id = ?1 AND instansi IS NOT ?2",
                    )?
                    .execute(params![*id, new])?;
                    *known = Some(new.to_string());
                }
            }
            return Ok(*id);
        }
        let id: i64 = tx
            .prepare_cached(
                "INSERT INTO unit (nama, instansi) VALUES (?1, ?2)
             ON CONFLICT(nama) DO UPDATE SET instansi = coalesce(excluded.instansi, unit.instansi)
             RETURNING id",
            )?
            .query_row(params![nama, instansi], |r| r.get(0))?;
        // Not preloaded: the stored instansi is unknown, and only used when preloaded.
        self.units
            .insert(nama.to_string(), (id, instansi.map(str::to_string)));
        Ok(id)
    }
}

/// `YYYY-MM-DD` as `yyyymmdd`, strictly (anything else is `None`); the text a
/// `NaiveDate` of years 0..=9999 displays as maps to the same number.
fn date_key(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = 0u32;
    for (i, &c) in b.iter().enumerate() {
        if i == 4 || i == 7 {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn date_key_of(d: chrono::NaiveDate) -> Option<u32> {
    use chrono::Datelike;
    (0..=9999)
        .contains(&d.year())
        .then(|| d.year() as u32 * 10000 + d.month() * 100 + d.day())
}

fn competency_of(code: &str) -> Option<Competency> {
    Competency::ALL.into_iter().find(|c| c.code() == code)
}

type PotRow = (Option<String>, Option<f64>, Option<String>);

/// Every existing record key of the tables a batch writes, read once per table
/// (for imports: one scan instead of one SELECT per record).
#[derive(Default)]
struct Existing {
    skp: Option<HashMap<(i64, i64), String>>,
    competencies: Option<HashMap<(i64, Competency, u32), i64>>,
    potentials: Option<HashMap<(i64, u32), PotRow>>,
    trainings: Option<HashMap<(i64, i64, String), i64>>,
    positions: Option<HashSet<String>>,
    requirements: Option<HashMap<(String, Competency), i64>>,
}

/// Writes batches in one transaction. [`Writer::preloaded`] reads every
/// existing key once, which pays off when a batch is large compared with the
/// tables (an import); [`Writer::new`] looks each record up.
pub struct Writer<'t> {
    tx: &'t Transaction<'t>,
    ids: Ids,
    existing: Option<Existing>,
    /// The pool rows of the employees this writer inserts (when preloaded).
    pool: Option<Computed>,
}

fn map_rows<K: std::hash::Hash + Eq, V>(
    tx: &Transaction<'_>,
    sql: &str,
    mut f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<Option<(K, V)>>,
) -> Result<HashMap<K, V>> {
    let mut m = HashMap::default();
    let mut st = tx.prepare(sql)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some((k, v)) = f(r)? {
            m.insert(k, v);
        }
    }
    Ok(m)
}

impl<'t> Writer<'t> {
    pub fn new(tx: &'t Transaction<'t>) -> Result<Writer<'t>> {
        Ok(Writer {
            tx,
            ids: Ids::new(tx, false)?,
            existing: None,
            pool: None,
        })
    }

    pub fn preloaded(tx: &'t Transaction<'t>) -> Result<Writer<'t>> {
        Ok(Writer {
            tx,
            ids: Ids::new(tx, true)?,
            existing: Some(Existing::default()),
            pool: Some(Computed::new(tx)?),
        })
    }

    /// Bring the `pool` rows of the employees in `touched` (what
    /// [`Writer::write`] added to it) up to date; see [`write_batch_deferred`].
    /// A preloaded writer computes the rows of the employees it inserted from
    /// the records it wrote for them.
    pub fn finish(self, touched: &mut Vec<i64>) -> Result<()> {
        match self.pool {
            Some(pool) => pool.write(self.tx, touched),
            None => super::pool::refresh(self.tx, touched),
        }
    }
}

/// An employee's records written by this writer are found by a scan of its
/// own list (see `pool::Own`) up to this many; beyond, in the database.
const OWN_SCAN: usize = 64;

/// The records of employee `id` when this writer inserted it, for a record
/// whose date orders as its text (`dated`); an undated record is looked up
/// as for other employees, and leaves the pool row to the SQL.
fn own_dated(pool: &mut Option<Computed>, id: i64, dated: bool) -> Option<&mut Own> {
    let own = pool.as_mut()?.own(id)?;
    if !dated {
        own.fallback = true;
        return None;
    }
    Some(own)
}

/// A training's name as a number for an employee's own list (equal names,
/// equal numbers; rarely also different ones, see its use).
fn name_hash(nama: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(nama)
}

/// Add `id` to the touched employees, unless it was the last one added (an
/// employee's records usually come together).
fn touch(touched: &mut Vec<i64>, id: i64) {
    if touched.last() != Some(&id) {
        touched.push(id);
    }
}

fn potensi_code(p: Option<Potensi>) -> Option<&'static str> {
    p.map(Potensi::code)
}

const SKP_UPSERT: &str =
    " ON CONFLICT(employee_id, tahun) DO UPDATE SET predikat = excluded.predikat";
const COMPETENCY_UPSERT: &str = " ON CONFLICT DO UPDATE SET level = excluded.level";
const POTENTIAL_UPSERT: &str = " ON CONFLICT DO UPDATE SET kategori = excluded.kategori, skor = excluded.skor, metode = excluded.metode";
const TRAINING_UPSERT: &str = " ON CONFLICT DO UPDATE SET jp = excluded.jp";

/// Records known to be new (not in the preloaded keys), written together with
/// multi-row statements: the same upserts as one record at a time, fewer
/// statements. Flushed before any other write to the same table, so the
/// writes keep their order.
struct Fresh<'a> {
    /// With the id given and the unit's id.
    employees: Vec<(i64, i64, &'a EmployeeRec)>,
    skp: Vec<(i64, &'a SkpRec)>,
    competencies: Vec<(i64, &'a CompetencyRec)>,
    potentials: Vec<(i64, &'a PotentialRec)>,
    trainings: Vec<(i64, &'a TrainingRec)>,
}

impl Fresh<'_> {
    fn employees(&mut self, tx: &Transaction<'_>) -> Result<()> {
        insert_employees(tx, &self.employees)?;
        self.employees.clear();
        Ok(())
    }

    fn skp(&mut self, tx: &Transaction<'_>) -> Result<()> {
        insert_rows_then(
            tx,
            "INSERT INTO skp (employee_id, tahun, predikat)",
            3,
            &self.skp,
            SKP_UPSERT,
            |st, i, (id, r)| {
                st.raw_bind_parameter(i, id)?;
                st.raw_bind_parameter(i + 1, r.tahun)?;
                st.raw_bind_parameter(i + 2, r.predikat.code())
            },
        )?;
        self.skp.clear();
        Ok(())
    }

    fn competencies(&mut self, tx: &Transaction<'_>) -> Result<()> {
        insert_rows_then(
            tx,
            "INSERT INTO competency_assessment (employee_id, kompetensi, tanggal, level)",
            4,
            &self.competencies,
            COMPETENCY_UPSERT,
            |st, i, (id, r)| {
                let mut buf = [0u8; 10];
                st.raw_bind_parameter(i, id)?;
                st.raw_bind_parameter(i + 1, r.competency.code())?;
                st.raw_bind_parameter(i + 2, date_text(r.tanggal, &mut buf))?;
                st.raw_bind_parameter(i + 3, r.level)
            },
        )?;
        self.competencies.clear();
        Ok(())
    }

    fn potentials(&mut self, tx: &Transaction<'_>) -> Result<()> {
        insert_rows_then(
            tx,
            "INSERT INTO potential_assessment (employee_id, tanggal, kategori, skor, metode)",
            5,
            &self.potentials,
            POTENTIAL_UPSERT,
            |st, i, (id, r)| {
                let mut buf = [0u8; 10];
                st.raw_bind_parameter(i, id)?;
                st.raw_bind_parameter(i + 1, date_text(r.tanggal, &mut buf))?;
                st.raw_bind_parameter(i + 2, potensi_code(r.kategori))?;
                st.raw_bind_parameter(i + 3, r.skor)?;
                st.raw_bind_parameter(i + 4, &r.metode)
            },
        )?;
        self.potentials.clear();
        Ok(())
    }

    fn trainings(&mut self, tx: &Transaction<'_>) -> Result<()> {
        insert_rows_then(
            tx,
            "INSERT INTO training (employee_id, tahun, nama_pelatihan, jp)",
            4,
            &self.trainings,
            TRAINING_UPSERT,
            |st, i, (id, r)| {
                st.raw_bind_parameter(i, id)?;
                st.raw_bind_parameter(i + 1, r.tahun)?;
                st.raw_bind_parameter(i + 2, &r.nama)?;
                st.raw_bind_parameter(i + 3, r.jp)
            },
        )?;
        self.trainings.clear();
        Ok(())
    }
}

/// Write a batch. Records that refer to an unknown NIP or position are skipped
/// (the importer has already reported them); the summary counts what was written.
pub fn write_batch(tx: &Transaction<'_>, b: &Batch) -> Result<WriteSummary> {
    let mut touched = Vec::new();
    let sum = write_batch_deferred(tx, b, &mut touched)?;
    super::pool::refresh(tx, &mut touched)?;
    Ok(sum)
}

/// [`write_batch`] without bringing the `pool` table up to date: the ids of
/// the employees whose records changed (new employees, records inserted or
/// updated) are added to `touched`, and the caller must call
/// `store::pool::refresh` with them before committing (an import of many
/// batches then recomputes each employee once).
pub fn write_batch_deferred(
    tx: &Transaction<'_>,
    b: &Batch,
    touched: &mut Vec<i64>,
) -> Result<WriteSummary> {
    Writer::new(tx)?.write(b, touched)
}

impl Existing {
    /// Read the keys of the tables `b` writes that are not read yet.
    fn load(&mut self, tx: &Transaction<'_>, b: &Batch) -> Result<()> {
        if !b.skp.is_empty() && self.skp.is_none() {
            self.skp = Some(map_rows(
                tx,
                "SELECT employee_id, tahun, predikat FROM skp",
                |r| Ok(Some(((r.get(0)?, r.get(1)?), r.get(2)?))),
            )?);
        }
        if !b.competencies.is_empty() && self.competencies.is_none() {
            self.competencies = Some(map_rows(
                tx,
                "SELECT employee_id, kompetensi, tanggal, level FROM competency_assessment",
                |r| {
                    let c = r.get_ref(1)?.as_str().ok().and_then(competency_of);
                    let d = r.get_ref(2)?.as_str().ok().and_then(date_key);
                    Ok(match (c, d) {
                        (Some(c), Some(d)) => Some(((r.get(0)?, c, d), r.get(3)?)),
                        _ => None,
                    })
                },
            )?);
        }
        if !b.potentials.is_empty() && self.potentials.is_none() {
            self.potentials = Some(map_rows(
                tx,
                "SELECT employee_id, tanggal, kategori, skor, metode FROM potential_assessment",
                |r| {
                    let Some(d) = r.get_ref(1)?.as_str().ok().and_then(date_key) else {
                        return Ok(None);
                    };
                    Ok(Some(((r.get(0)?, d), (r.get(2)?, r.get(3)?, r.get(4)?))))
                },
            )?);
        }
        if !b.trainings.is_empty() && self.trainings.is_none() {
            self.trainings = Some(map_rows(
                tx,
                "SELECT employee_id, tahun, nama_pelatihan, jp FROM training",
                |r| Ok(Some(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?))),
            )?);
        }
        if (!b.positions.is_empty() || !b.requirements.is_empty()) && self.positions.is_none() {
            let m = map_rows(tx, "SELECT kode FROM position", |r| {
                Ok(Some((r.get(0)?, ())))
            })?;
            self.positions = Some(m.into_keys().collect());
        }
        if !b.requirements.is_empty() && self.requirements.is_none() {
            self.requirements = Some(map_rows(
                tx,
                "SELECT kode_jabatan, kompetensi, level FROM position_requirement",
                |r| {
                    let Some(c) = r.get_ref(1)?.as_str().ok().and_then(competency_of) else {
                        return Ok(None);
                    };
                    Ok(Some(((r.get(0)?, c), r.get(2)?)))
                },
            )?);
        }
        Ok(())
    }
}

impl<'t> Writer<'t> {
    /// Write one batch; see [`write_batch_deferred`].
    pub fn write(&mut self, b: &Batch, touched: &mut Vec<i64>) -> Result<WriteSummary> {
        let tx = self.tx;
        let ids = &mut self.ids;
        let pool = &mut self.pool;
        if let Some(ex) = &mut self.existing {
            ex.load(tx, b)?;
        }
        let mut ex = self.existing.as_mut();
        let mut sum = WriteSummary::default();
        let mut fresh = Fresh {
            employees: Vec::new(),
            skp: Vec::new(),
            competencies: Vec::new(),
            potentials: Vec::new(),
            trainings: Vec::new(),
        };

        for e in &b.employees {
            let unit_id = ids.unit(tx, &e.unit, e.instansi.as_deref())?;
            let existed = ids.employee(tx, &e.nip)?.is_some();
            if let (false, Some(id)) = (existed, ids.next) {
                // New (the preloaded NIPs do not have it): the id SQLite
                // would give it, written with others.
                ids.next = id.checked_add(1);
                fresh.employees.push((id, unit_id, e));
                ids.employees.insert(e.nip.clone(), id);
                touched.push(id);
                if let Some(p) = pool.as_mut() {
                    p.employee(id);
                }
                sum.employees.add(1, false);
                continue;
            }
            // The UPDATE below may be of an employee written together.
            fresh.employees(tx)?;
            let birth = e.birth.to_string();
            let tmt = e.tmt_jabatan.map(|d| d.to_string());
            let gol = e.golongan.to_string();
            let changes = if existed {
                tx.prepare_cached(
                    "UPDATE employee SET nama = ?2, jenis_kelamin = ?3, tanggal_lahir = ?4, status = ?5,
                       golongan = ?6, jabatan = ?7, tingkat_jabatan = ?8, unit_id = ?9, pendidikan = ?10, tmt_jabatan = ?11
                     WHERE nip = ?1 AND (nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan,
                       tingkat_jabatan, unit_id, pendidikan, coalesce(tmt_jabatan, ''))
                       IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, ''))",
                )?
                .execute(params![e.nip, e.nama, e.sex.code(), birth, e.status.code(), gol, e.jabatan,
                    e.tingkat.label(), unit_id, e.pendidikan.code(), tmt])?
            } else {
                let id: i64 = tx.prepare_cached(
                    "INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan,
                       tingkat_jabatan, unit_id, pendidikan, tmt_jabatan)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
                )?
                .query_row(params![e.nip, e.nama, e.sex.code(), birth, e.status.code(), gol, e.jabatan,
                    e.tingkat.label(), unit_id, e.pendidikan.code(), tmt], |r| r.get(0))?;
                ids.employees.insert(e.nip.clone(), id);
                touched.push(id);
                if let Some(p) = pool.as_mut() {
                    p.employee(id);
                }
                1
            };
            sum.employees.add(changes, existed);
        }
        fresh.employees(tx)?;

        let mut upsert = tx.prepare_cached(
            "INSERT INTO skp (employee_id, tahun, predikat) VALUES (?1, ?2, ?3)
                         ON CONFLICT(employee_id, tahun) DO UPDATE SET predikat = excluded.predikat",
        )?;
        for r in &b.skp {
            let Some(id) = ids.employee(tx, &r.nip)? else {
                continue;
            };
            let key = (id, i64::from(r.tahun));
            // An employee this writer inserted: its records are in its own
            // list (a long one: in the database, once those pending are written).
            let mut own = pool.as_mut().and_then(|p| p.own(id));
            let map = match own {
                Some(_) => None,
                None => ex.as_mut().and_then(|e| e.skp.as_mut()),
            };
            let listed = own
                .as_ref()
                .filter(|o| o.skp.len() <= OWN_SCAN)
                .map(|o| get(&o.skp, &r.tahun).map(|p| p.code().to_string()));
            if own.is_some() && listed.is_none() {
                fresh.skp(tx)?;
            }
            let existed: Option<String> = match (listed, &map) {
                (Some(l), _) => l,
                (None, Some(m)) => m.get(&key).cloned(),
                (None, None) => tx
                    .prepare_cached(
                        "SELECT predikat FROM skp WHERE employee_id = ?1 AND tahun = ?2",
                    )?
                    .query_row(params![id, r.tahun], |x| x.get(0))
                    .optional()?,
            };
            let code = r.predikat.code();
            let changes = match &existed {
                Some(p) if p == code => 0,
                None if map.is_some() || own.is_some() => {
                    fresh.skp.push((id, r));
                    1
                }
                _ => {
                    fresh.skp(tx)?;
                    upsert.execute(params![id, r.tahun, code])?
                }
            };
            if changes > 0 {
                touch(touched, id);
                if let Some(o) = own.as_mut() {
                    set(&mut o.skp, r.tahun, r.predikat, existed.is_some());
                }
                if let Some(m) = map {
                    m.insert(key, code.to_string());
                }
            }
            sum.skp.add(changes, existed.is_some());
        }
        fresh.skp(tx)?;
        drop(upsert);

        let mut upsert = tx.prepare_cached(
            "INSERT INTO competency_assessment (employee_id, kompetensi, tanggal, level) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT DO UPDATE SET level = excluded.level",
        )?;

        for r in &b.competencies {
            let Some(id) = ids.employee(tx, &r.nip)? else {
                continue;
            };
            let mut buf = [0u8; 10];
            let tanggal = date_text(r.tanggal, &mut buf);
            let key = date_key_of(r.tanggal).map(|d| (id, r.competency, d));
            if key.is_none() {
                // Looked up by text below: write what is pending first.
                fresh.competencies(tx)?;
            }
            let own_key = key.map(|k| (k.1, k.2));
            let mut own = own_dated(pool, id, own_key.is_some());
            let map = match own {
                Some(_) => None,
                None => ex.as_mut().and_then(|e| e.competencies.as_mut()),
            };
            let listed = own_key.and_then(|k| {
                own.as_ref()
                    .filter(|o| o.competencies.len() <= OWN_SCAN)
                    .map(|o| get(&o.competencies, &k).map(|l| i64::from(*l)))
            });
            if own.is_some() && listed.is_none() {
                fresh.competencies(tx)?;
            }
            let existed: Option<i64> = match (listed, &map, key) {
                (Some(l), _, _) => l,
                (None, Some(m), Some(k)) => m.get(&k).copied(),
                _ => tx
                    .prepare_cached(
                        "SELECT level FROM competency_assessment WHERE employee_id = ?1 AND kompetensi = ?2 AND tanggal = ?3",
                    )?
                    .query_row(params![id, r.competency.code(), tanggal], |x| x.get(0))
                    .optional()?,
            };
            let changes = match existed {
                Some(l) if l == i64::from(r.level) => 0,
                None if (map.is_some() || own.is_some()) && key.is_some() => {
                    fresh.competencies.push((id, r));
                    1
                }
                _ => {
                    fresh.competencies(tx)?;
                    upsert.execute(params![id, r.competency.code(), tanggal, r.level])?
                }
            };
            if changes > 0 {
                touch(touched, id);
                if let (Some(o), Some(k)) = (own.as_mut(), own_key) {
                    set(&mut o.competencies, k, r.level, existed.is_some());
                }
                if let (Some(m), Some(k)) = (map, key) {
                    m.insert(k, i64::from(r.level));
                }
            }
            sum.competencies.add(changes, existed.is_some());
        }
        fresh.competencies(tx)?;
        drop(upsert);

        let mut upsert = tx.prepare_cached(
            "INSERT INTO potential_assessment (employee_id, tanggal, kategori, skor, metode) VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT DO UPDATE SET kategori = excluded.kategori, skor = excluded.skor, metode = excluded.metode",
        )?;

        for r in &b.potentials {
            let Some(id) = ids.employee(tx, &r.nip)? else {
                continue;
            };
            let mut buf = [0u8; 10];
            let tanggal = date_text(r.tanggal, &mut buf);
            let key = date_key_of(r.tanggal).map(|d| (id, d));
            if key.is_none() {
                fresh.potentials(tx)?;
            }
            let own_key = key.map(|k| k.1);
            let mut own = own_dated(pool, id, own_key.is_some());
            let map = match own {
                Some(_) => None,
                None => ex.as_mut().and_then(|e| e.potentials.as_mut()),
            };
            let listed = own_key.and_then(|k| {
                own.as_ref()
                    .filter(|o| o.potentials.len() <= OWN_SCAN)
                    .map(|o| {
                        get(&o.potentials, &k).map(|(kategori, skor, metode)| {
                            (
                                potensi_code(*kategori).map(str::to_string),
                                *skor,
                                metode.clone(),
                            )
                        })
                    })
            });
            if own.is_some() && listed.is_none() {
                fresh.potentials(tx)?;
            }
            let existed: Option<PotRow> = match (listed, &map, key) {
                (Some(l), _, _) => l,
                (None, Some(m), Some(k)) => m.get(&k).cloned(),
                _ => tx
                    .prepare_cached(
                        "SELECT kategori, skor, metode FROM potential_assessment WHERE employee_id = ?1 AND tanggal = ?2",
                    )?
                    .query_row(params![id, tanggal], |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)))
                    .optional()?,
            };
            let new: PotRow = (
                potensi_code(r.kategori).map(str::to_string),
                r.skor,
                r.metode.clone(),
            );
            let changes = match &existed {
                Some(old) if *old == new => 0,
                None if (map.is_some() || own.is_some()) && key.is_some() => {
                    fresh.potentials.push((id, r));
                    1
                }
                _ => {
                    fresh.potentials(tx)?;
                    upsert.execute(params![id, tanggal, new.0, new.1, new.2])?
                }
            };
            if changes > 0 {
                touch(touched, id);
                if let (Some(o), Some(k)) = (own.as_mut(), own_key) {
                    let v = (r.kategori, r.skor, r.metode.clone());
                    set(&mut o.potentials, k, v, existed.is_some());
                }
                if let (Some(m), Some(k)) = (map, key) {
                    m.insert(k, new);
                }
            }
            sum.potentials.add(changes, existed.is_some());
        }
        fresh.potentials(tx)?;
        drop(upsert);

        let mut upsert = tx.prepare_cached(
            "INSERT INTO training (employee_id, tahun, nama_pelatihan, jp) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT DO UPDATE SET jp = excluded.jp",
        )?;

        for r in &b.trainings {
            let Some(id) = ids.employee(tx, &r.nip)? else {
                continue;
            };
            let mut own = pool.as_mut().and_then(|p| p.own(id));
            let map = match own {
                Some(_) => None,
                None => ex.as_mut().and_then(|e| e.trainings.as_mut()),
            };
            // Own trainings are listed by year and a hash of the name: none
            // with the same means no such training; one is looked up below.
            let own_key = (r.tahun, name_hash(&r.nama));
            let listed = own
                .as_ref()
                .filter(|o| o.trainings.len() <= OWN_SCAN)
                .and_then(|o| get(&o.trainings, &own_key).is_none().then_some(None));
            if own.is_some() && listed.is_none() {
                fresh.trainings(tx)?;
            }
            let existed: Option<i64> = match (listed, &map) {
                (Some(l), _) => l,
                (None, Some(m)) => m.get(&(id, i64::from(r.tahun), r.nama.clone())).copied(),
                (None, None) => tx
                    .prepare_cached(
                        "SELECT jp FROM training WHERE employee_id = ?1 AND tahun = ?2 AND nama_pelatihan = ?3",
                    )?
                    .query_row(params![id, r.tahun, r.nama], |x| x.get(0))
                    .optional()?,
            };
            let changes = match existed {
                Some(jp) if jp == i64::from(r.jp) => 0,
                None if map.is_some() || own.is_some() => {
                    fresh.trainings.push((id, r));
                    1
                }
                _ => {
                    fresh.trainings(tx)?;
                    upsert.execute(params![id, r.tahun, r.nama, r.jp])?
                }
            };
            if changes > 0 {
                touch(touched, id);
                if let Some(o) = own.as_mut() {
                    if existed.is_some() {
                        // Its entry, unless another name has the same hash.
                        let mut same = o.trainings.iter_mut().filter(|(k, _)| *k == own_key);
                        match (same.next(), same.next()) {
                            (Some(e), None) => e.1 = r.jp,
                            _ => o.fallback = true,
                        }
                    } else {
                        o.trainings.push((own_key, r.jp));
                    }
                }
                if let Some(m) = map {
                    m.insert((id, i64::from(r.tahun), r.nama.clone()), i64::from(r.jp));
                }
            }
            sum.trainings.add(changes, existed.is_some());
        }
        fresh.trainings(tx)?;
        drop(upsert);

        for p in &b.positions {
            let unit_id = ids.unit(tx, &p.unit, None)?;
            let status = if p.vacant { "lowong" } else { "terisi" };
            let set = ex.as_mut().and_then(|e| e.positions.as_mut());
            let existed: bool = match &set {
                Some(s) => s.contains(&p.kode),
                None => tx
                    .prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
                    .query_row([&p.kode], |_| Ok(()))
                    .optional()?
                    .is_some(),
            };
            let changes = tx
                .prepare_cached(
                    "INSERT INTO position (kode, nama_jabatan, tingkat_jabatan, unit_id, status, pemangku_nip)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(kode) DO UPDATE SET nama_jabatan = excluded.nama_jabatan,
                       tingkat_jabatan = excluded.tingkat_jabatan, unit_id = excluded.unit_id,
                       status = excluded.status, pemangku_nip = excluded.pemangku_nip
                     WHERE (position.nama_jabatan, position.tingkat_jabatan, position.unit_id, position.status,
                            coalesce(position.pemangku_nip, ''))
                       IS NOT (excluded.nama_jabatan, excluded.tingkat_jabatan, excluded.unit_id, excluded.status,
                            coalesce(excluded.pemangku_nip, ''))",
                )?
                .execute(params![p.kode, p.nama, p.tingkat.label(), unit_id, status, p.holder_nip])?;
            if let Some(s) = set {
                s.insert(p.kode.clone());
            }
            sum.positions.add(changes, existed);
        }

        for r in &b.requirements {
            let map = ex.as_mut().and_then(|e| e.requirements.as_mut());
            let existed: Option<i64> = match &map {
                Some(m) => m.get(&(r.kode.clone(), r.competency)).copied(),
                None => tx
                    .prepare_cached(
                        "SELECT level FROM position_requirement WHERE kode_jabatan = ?1 AND kompetensi = ?2",
                    )?
                    .query_row(params![r.kode, r.competency.code()], |x| x.get(0))
                    .optional()?,
            };
            let in_set = ex
                .as_ref()
                .and_then(|e| e.positions.as_ref())
                .map(|s| s.contains(&r.kode));
            let known = existed.is_some()
                || match in_set {
                    Some(k) => k,
                    None => tx
                        .prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
                        .query_row([&r.kode], |_| Ok(()))
                        .optional()?
                        .is_some(),
                };
            if !known {
                continue;
            }
            let changes = match existed {
                Some(l) if l == i64::from(r.level) => 0,
                _ => tx
                    .prepare_cached(
                        "INSERT INTO position_requirement (kode_jabatan, kompetensi, level) VALUES (?1, ?2, ?3)
                         ON CONFLICT DO UPDATE SET level = excluded.level",
                    )?
                    .execute(params![r.kode, r.competency.code(), r.level])?,
            };
            if changes > 0 {
                let map = ex.as_mut().and_then(|e| e.requirements.as_mut());
                if let Some(m) = map {
                    m.insert((r.kode.clone(), r.competency), i64::from(r.level));
                }
            }
            sum.requirements.add(changes, existed.is_some());
        }
        Ok(sum)
    }
}
