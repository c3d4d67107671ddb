//! Writing records: upserts keyed by the records' natural keys, so writing the
//! same batch twice changes nothing. Runs inside the caller's transaction.

use super::bulk::{insert_employees, insert_rows_or};
use super::pool::{Computed, Own};
use super::records::{
    bind_key, bind_record, each_kind, has_position, read_competency, Batch, EachKind, EmployeeRec,
    KindSql, PositionRec, RecordKind, RequirementRec,
};
use super::Result;
use crate::domain::Competency;
use foldhash::{HashMap, HashSet};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::any::Any;

/// How many rows of each kind were new, changed, or already as given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Counts {
    pub(crate) fn add(&mut self, changes: usize, existed: bool) {
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
    /// Position history (riwayat jabatan).
    pub histories: Counts,
    /// Disciplinary penalties.
    pub penalties: Counts,
    pub positions: Counts,
    pub requirements: Counts,
}

/// Looks up and caches employee ids by NIP and unit ids by name. With
/// `preloaded`, every employee and unit is read once up front and the maps are
/// complete (a miss means "not in the database").
struct Ids {
    employees: NipIds,
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

/// Employee ids by NIP: an 18-digit NIP (every valid one) by its value
/// as a number, without a string of its own (a million are kept in an
/// import), another text as it is. The numbers are also kept in the order
/// given, so that the NIP after the last one found (the files of an import
/// all in the order of the employees' file) is found without hashing.
#[derive(Default)]
struct NipIds {
    /// Place in `seq` by NIP.
    digits: HashMap<u64, usize>,
    /// The 18-digit NIPs and their ids, in the order given.
    seq: Vec<(u64, i64)>,
    /// The place in `seq` last found.
    last: usize,
    others: HashMap<String, i64>,
}

impl NipIds {
    fn get(&mut self, nip: &str) -> Option<i64> {
        let Some(n) = crate::domain::nip::as_number(nip) else {
            return self.others.get(nip).copied();
        };
        let next = self.last + 1;
        let at = match self.seq.get(next) {
            Some(&(m, _)) if m == n => next,
            _ => *self.digits.get(&n)?,
        };
        self.last = at;
        Some(self.seq[at].1)
    }

    fn insert(&mut self, nip: &str, id: i64) {
        match crate::domain::nip::as_number(nip) {
            Some(n) => {
                let at = *self.digits.entry(n).or_insert(self.seq.len());
                match self.seq.get_mut(at) {
                    Some(e) => e.1 = id,
                    None => self.seq.push((n, id)),
                }
            }
            None => {
                self.others.insert(nip.to_string(), id);
            }
        };
    }
}

impl Ids {
    fn new(tx: &Transaction<'_>, preloaded: bool) -> Result<Ids> {
        let mut ids = Ids {
            employees: NipIds::default(),
            units: HashMap::default(),
            preloaded,
            next: None,
            last: (String::new(), None),
        };
        if preloaded {
            let mut st = tx.prepare("SELECT nip, id FROM employee ORDER BY id")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let nip: String = r.get(0)?;
                ids.employees.insert(&nip, r.get(1)?);
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
        if let Some(id) = self.employees.get(nip) {
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
            self.employees.insert(nip, id);
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

/// Every existing record key of the tables a batch writes, read once per table
/// (for imports: one scan instead of one SELECT per record).
#[derive(Default)]
struct Existing {
    /// Each record kind's map (key to value), by its table.
    records: HashMap<&'static str, Box<dyn Any>>,
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

/// Add `id` to the touched employees, unless it was the last one added (an
/// employee's records usually come together).
fn touch(touched: &mut Vec<i64>, id: i64) {
    if touched.last() != Some(&id) {
        touched.push(id);
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
    /// The map of kind `K`'s existing rows, read on first use.
    fn records<K: RecordKind>(
        &mut self,
        tx: &Transaction<'_>,
        sql: &KindSql,
    ) -> Result<&mut HashMap<K::Key, K::Value>> {
        if !self.records.contains_key(K::TABLE) {
            let m = map_rows(tx, &sql.select_all, |r| {
                let Some(k) = K::read_key(r)? else {
                    return Ok(None);
                };
                let at = 1 + K::KEY_COLUMNS.len();
                Ok(Some((k, K::read_value(r, at)?)))
            })?;
            self.records.insert(K::TABLE, Box::new(m));
        }
        Ok(self
            .records
            .get_mut(K::TABLE)
            .and_then(|m| m.downcast_mut())
            .expect("one map type per table"))
    }

    fn positions(&mut self, tx: &Transaction<'_>) -> Result<&mut HashSet<String>> {
        if self.positions.is_none() {
            let m = map_rows(tx, "SELECT kode FROM position", |r| {
                Ok(Some((r.get(0)?, ())))
            })?;
            self.positions = Some(m.into_keys().collect());
        }
        Ok(self.positions.as_mut().expect("just read"))
    }

    fn requirements(
        &mut self,
        tx: &Transaction<'_>,
    ) -> Result<&mut HashMap<(String, Competency), i64>> {
        if self.requirements.is_none() {
            self.requirements = Some(map_rows(
                tx,
                "SELECT kode_jabatan, kompetensi, level FROM position_requirement",
                |r| {
                    let Some(c) = read_competency(r, 1)? else {
                        return Ok(None);
                    };
                    Ok(Some(((r.get(0)?, c), r.get(2)?)))
                },
            )?);
        }
        Ok(self.requirements.as_mut().expect("just read"))
    }
}

/// Records known to be new (not in the preloaded keys, or of an employee
/// this writer inserted), written together with plain multi-row INSERTs.
/// Flushed before any other write to or read of the same table, so the
/// writes keep their order. A record that was not new after all (a batch
/// that gives a key twice; the importer never does) is written as record
/// by record would write it, counted so, and its employee's pool row left
/// to [`super::pool::refresh`].
struct Fresh<'a, K: RecordKind> {
    sql: &'a KindSql,
    rows: Vec<(i64, &'a K::Rec)>,
    /// Employees of records that were not new after all.
    redone: Vec<i64>,
}

impl<K: RecordKind> Fresh<'_, K> {
    /// `counts`: where these records were counted as inserted.
    fn flush(&mut self, tx: &Transaction<'_>, counts: &mut Counts) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let sql = self.sql;
        let redone = &mut self.redone;
        insert_rows_or(
            tx,
            &sql.insert,
            sql.width,
            &self.rows,
            |st, i, (id, r)| bind_record::<K>(st, i, *id, r),
            |(id, r)| {
                let mut st = tx.prepare_cached(&sql.select)?;
                bind_key::<K>(&mut st, *id, r)?;
                let old = match st.raw_query().next()? {
                    Some(row) => Some(K::read_value(row, 0)?),
                    None => None,
                };
                let same = old.as_ref().is_some_and(|o| K::same(o, r));
                if !same {
                    let mut upsert = tx.prepare_cached(&sql.upsert_one())?;
                    bind_record::<K>(&mut upsert, 1, *id, r)?;
                    upsert.raw_execute()?;
                }
                if old.is_some() {
                    counts.inserted = counts.inserted.saturating_sub(1);
                    counts.add(usize::from(!same), true);
                    redone.push(*id);
                }
                Ok(())
            },
        )?;
        self.rows.clear();
        Ok(())
    }
}

/// A writer writing one batch's records, kind by kind (see [`each_kind`]).
struct WriteKinds<'w, 't, 'b> {
    writer: &'w mut Writer<'t>,
    batch: &'b Batch,
    touched: &'w mut Vec<i64>,
    sum: &'w mut WriteSummary,
}

impl EachKind for WriteKinds<'_, '_, '_> {
    fn kind<K: RecordKind>(&mut self) -> Result<()> {
        let records = K::records(self.batch);
        if records.is_empty() {
            return Ok(());
        }
        self.writer
            .records::<K>(records, self.touched, K::counts(self.sum))
    }
}

impl<'t> Writer<'t> {
    /// Write one batch; see [`write_batch_deferred`].
    pub fn write(&mut self, b: &Batch, touched: &mut Vec<i64>) -> Result<WriteSummary> {
        let mut sum = WriteSummary::default();
        self.employees(&b.employees, touched, &mut sum.employees)?;
        each_kind(&mut WriteKinds {
            writer: self,
            batch: b,
            touched,
            sum: &mut sum,
        })?;
        self.positions(&b.positions, &mut sum.positions)?;
        self.requirements(&b.requirements, &mut sum.requirements)?;
        Ok(sum)
    }

    /// Insert or update employees by NIP.
    fn employees(
        &mut self,
        list: &[EmployeeRec],
        touched: &mut Vec<i64>,
        counts: &mut Counts,
    ) -> Result<()> {
        let tx = self.tx;
        let ids = &mut self.ids;
        // New employees with the id given and the unit's id, written together.
        let mut fresh: Vec<(i64, i64, &EmployeeRec)> = Vec::new();
        for e in list {
            let unit_id = ids.unit(tx, &e.unit, e.instansi.as_deref())?;
            let existed = ids.employee(tx, &e.nip)?.is_some();
            if let (false, Some(id)) = (existed, ids.next) {
                // New (the preloaded NIPs do not have it): the id SQLite
                // would give it, written with others.
                ids.next = id.checked_add(1);
                fresh.push((id, unit_id, e));
                ids.employees.insert(&e.nip, id);
                touched.push(id);
                if let Some(p) = self.pool.as_mut() {
                    p.employee(id);
                }
                counts.add(1, false);
                continue;
            }
            // The UPDATE below may be of an employee written together.
            insert_employees(tx, &fresh)?;
            fresh.clear();
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
                .execute(params![e.nip.as_str(), e.nama.as_str(), e.sex.code(), birth, e.status.code(), gol, e.jabatan.as_str(),
                    e.tingkat.label(), unit_id, e.pendidikan.code(), tmt])?
            } else {
                let id: i64 = tx.prepare_cached(
                    "INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan,
                       tingkat_jabatan, unit_id, pendidikan, tmt_jabatan)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
                )?
                .query_row(params![e.nip.as_str(), e.nama.as_str(), e.sex.code(), birth, e.status.code(), gol, e.jabatan.as_str(),
                    e.tingkat.label(), unit_id, e.pendidikan.code(), tmt], |r| r.get(0))?;
                ids.employees.insert(&e.nip, id);
                touched.push(id);
                if let Some(p) = self.pool.as_mut() {
                    p.employee(id);
                }
                1
            };
            counts.add(changes, existed);
        }
        insert_employees(tx, &fresh)
    }

    /// Upsert the records of kind `K` by their natural key. An employee's
    /// record is found in its own list when this writer inserted it (a long
    /// list: in the database, once those pending are written), else in the
    /// map of existing rows when preloaded, else by SQL.
    fn records<K: RecordKind>(
        &mut self,
        records: &[K::Rec],
        touched: &mut Vec<i64>,
        counts: &mut Counts,
    ) -> Result<()> {
        let tx = self.tx;
        let sql = KindSql::of::<K>();
        let mut existing = match &mut self.existing {
            Some(ex) => Some(ex.records::<K>(tx, &sql)?),
            None => None,
        };
        let mut upsert = tx.prepare_cached(&sql.upsert_one())?;
        let mut fresh = Fresh::<K> {
            sql: &sql,
            rows: Vec::new(),
            redone: Vec::new(),
        };
        for r in records {
            let Some(id) = self.ids.employee(tx, K::nip(r))? else {
                continue;
            };
            // An employee this writer inserted: its record of a kind the
            // pool row does not read is new as well, and not kept in the map.
            let inserted = !K::OWN && self.pool.as_ref().is_some_and(|p| p.inserted(id));
            let mut own = match K::OWN {
                true => {
                    let key = K::own_key(r);
                    own_dated(&mut self.pool, id, key.is_some()).zip(key)
                }
                false => None,
            };
            let new = own.is_some() || inserted;
            let map = if new { None } else { existing.as_deref_mut() };
            let key = if new { None } else { K::key(id, r) };
            let listed = match inserted {
                true => Some(None),
                false => own.as_ref().and_then(|(o, k)| K::own_get(o, *k)),
            };
            let existed: Option<K::Value> = match (listed, &map, &key) {
                (Some(l), _, _) => l,
                (None, Some(m), Some(k)) => m.get(k).cloned(),
                _ => {
                    fresh.flush(tx, counts)?;
                    let mut st = tx.prepare_cached(&sql.select)?;
                    bind_key::<K>(&mut st, id, r)?;
                    let mut rows = st.raw_query();
                    match rows.next()? {
                        Some(row) => Some(K::read_value(row, 0)?),
                        None => None,
                    }
                }
            };
            let changes = match &existed {
                Some(old) if K::same(old, r) => 0,
                None if new || (map.is_some() && key.is_some()) => {
                    fresh.rows.push((id, r));
                    1
                }
                _ => {
                    fresh.flush(tx, counts)?;
                    bind_record::<K>(&mut upsert, 1, id, r)?;
                    upsert.raw_execute()?
                }
            };
            if changes > 0 {
                touch(touched, id);
                if let Some((o, k)) = own.as_mut() {
                    K::own_set(o, *k, r, existed.is_some());
                }
                if let (Some(m), Some(k)) = (map, key) {
                    m.insert(k, K::value(r));
                }
            }
            counts.add(changes, existed.is_some());
        }
        fresh.flush(tx, counts)?;
        // Their pool rows are computed from the tables.
        for id in fresh.redone {
            if let Some(own) = self.pool.as_mut().and_then(|p| p.own(id)) {
                own.fallback = true;
            }
        }
        Ok(())
    }

    /// Upsert positions by kode.
    fn positions(&mut self, list: &[PositionRec], counts: &mut Counts) -> Result<()> {
        let tx = self.tx;
        for p in list {
            let unit_id = self.ids.unit(tx, &p.unit, None)?;
            let status = if p.vacant { "lowong" } else { "terisi" };
            let mut set = match &mut self.existing {
                Some(ex) => Some(ex.positions(tx)?),
                None => None,
            };
            let existed: bool = match &set {
                Some(s) => s.contains(&p.kode),
                None => has_position(tx, &p.kode)?,
            };
            let changes = tx
                .prepare_cached(
                    "INSERT INTO position (kode, nama_jabatan, tingkat_jabatan, unit_id, status, pemangku_nip, kategori)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT(kode) DO UPDATE SET nama_jabatan = excluded.nama_jabatan,
                       tingkat_jabatan = excluded.tingkat_jabatan, unit_id = excluded.unit_id,
                       status = excluded.status, pemangku_nip = excluded.pemangku_nip,
                       kategori = CASE WHEN ?8 THEN excluded.kategori ELSE position.kategori END
                     WHERE (position.nama_jabatan, position.tingkat_jabatan, position.unit_id, position.status,
                            coalesce(position.pemangku_nip, ''), coalesce(position.kategori, ''))
                       IS NOT (excluded.nama_jabatan, excluded.tingkat_jabatan, excluded.unit_id, excluded.status,
                            coalesce(excluded.pemangku_nip, ''),
                            CASE WHEN ?8 THEN coalesce(excluded.kategori, '') ELSE coalesce(position.kategori, '') END)",
                )?
                .execute(params![
                    p.kode,
                    p.nama,
                    p.tingkat.label(),
                    unit_id,
                    status,
                    p.holder_nip,
                    p.kategori.flatten().map(|k| k.code()),
                    p.kategori.is_some()
                ])?;
            if let Some(s) = set.as_mut() {
                s.insert(p.kode.clone());
            }
            counts.add(changes, existed);
        }
        Ok(())
    }

    /// Upsert position requirements by position and competency; those of an
    /// unknown position are skipped.
    fn requirements(&mut self, list: &[RequirementRec], counts: &mut Counts) -> Result<()> {
        let tx = self.tx;
        for r in list {
            let existed: Option<i64> = match &mut self.existing {
                Some(ex) => ex
                    .requirements(tx)?
                    .get(&(r.kode.clone(), r.competency))
                    .copied(),
                None => tx
                    .prepare_cached(
                        "SELECT level FROM position_requirement WHERE kode_jabatan = ?1 AND kompetensi = ?2",
                    )?
                    .query_row(params![r.kode, r.competency.code()], |x| x.get(0))
                    .optional()?,
            };
            let known = existed.is_some()
                || match &mut self.existing {
                    Some(ex) => ex.positions(tx)?.contains(&r.kode),
                    None => has_position(tx, &r.kode)?,
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
            if let (true, Some(ex)) = (changes > 0, &mut self.existing) {
                ex.requirements(tx)?
                    .insert((r.kode.clone(), r.competency), i64::from(r.level));
            }
            counts.add(changes, existed.is_some());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::NipIds;

    #[test]
    fn nip_ids_find_each_nip_in_order_or_not() {
        let mut ids = NipIds::default();
        let nip = |i: u64| format!("1986092620150510{i:02}");
        for i in 0..50 {
            ids.insert(&nip(i), 100 + i as i64);
        }
        ids.insert("X-1", 7);
        // In order (the next one), backwards, jumping, and again.
        for i in (0..50).chain((0..50).rev()).chain([3, 40, 4, 41]) {
            assert_eq!(ids.get(&nip(i)), Some(100 + i as i64), "{i}");
        }
        assert_eq!(ids.get("X-1"), Some(7));
        assert_eq!(ids.get(&nip(77)), None);
        assert_eq!(ids.get("198609262015051"), None);
        // A NIP given again keeps its place and takes the new id.
        ids.insert(&nip(5), 1);
        assert_eq!([ids.get(&nip(4)), ids.get(&nip(5))], [Some(104), Some(1)]);
    }
}
