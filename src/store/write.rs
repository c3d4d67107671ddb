//! Writing records: upserts keyed by the records' natural keys, so writing the
//! same batch twice changes nothing. Runs inside the caller's transaction.

use super::records::Batch;
use super::Result;
use crate::domain::Potensi;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::HashMap;

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

/// Looks up and caches employee ids by NIP and unit ids by name.
struct Ids<'t> {
    tx: &'t Transaction<'t>,
    employees: HashMap<String, i64>,
    units: HashMap<String, i64>,
}

impl<'t> Ids<'t> {
    fn employee(&mut self, nip: &str) -> Result<Option<i64>> {
        if let Some(id) = self.employees.get(nip) {
            return Ok(Some(*id));
        }
        let id: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM employee WHERE nip = ?1")?
            .query_row([nip], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.employees.insert(nip.to_string(), id);
        }
        Ok(id)
    }

    fn unit(&mut self, nama: &str, instansi: Option<&str>) -> Result<i64> {
        if let Some(id) = self.units.get(nama) {
            if instansi.is_some() {
                self.tx
                    .prepare_cached(
                        "UPDATE unit SET instansi = ?2 WHERE id = ?1 AND instansi IS NOT ?2",
                    )?
                    .execute(params![id, instansi])?;
            }
            return Ok(*id);
        }
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO unit (nama, instansi) VALUES (?1, ?2)
             ON CONFLICT(nama) DO UPDATE SET instansi = coalesce(excluded.instansi, unit.instansi)
             RETURNING id",
            )?
            .query_row(params![nama, instansi], |r| r.get(0))?;
        self.units.insert(nama.to_string(), id);
        Ok(id)
    }
}

fn potensi_code(p: Option<Potensi>) -> Option<&'static str> {
    p.map(Potensi::code)
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
/// the employees whose pool rows are due are added to `touched`, and the caller
/// must call `store::pool::refresh` with them before committing (an import of
/// many batches then recomputes each employee once).
pub fn write_batch_deferred(
    tx: &Transaction<'_>,
    b: &Batch,
    touched: &mut Vec<i64>,
) -> Result<WriteSummary> {
    let mut ids = Ids {
        tx,
        employees: HashMap::new(),
        units: HashMap::new(),
    };
    let mut sum = WriteSummary::default();

    for e in &b.employees {
        let unit_id = ids.unit(&e.unit, e.instansi.as_deref())?;
        let existed = ids.employee(&e.nip)?.is_some();
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
            1
        };
        sum.employees.add(changes, existed);
    }

    for r in &b.skp {
        let Some(id) = ids.employee(&r.nip)? else {
            continue;
        };
        touched.push(id);
        let existed: Option<String> = tx
            .prepare_cached("SELECT predikat FROM skp WHERE employee_id = ?1 AND tahun = ?2")?
            .query_row(params![id, r.tahun], |x| x.get(0))
            .optional()?;
        let code = r.predikat.code();
        let changes = match &existed {
            Some(p) if p == code => 0,
            _ => tx
                .prepare_cached(
                    "INSERT INTO skp (employee_id, tahun, predikat) VALUES (?1, ?2, ?3)
                     ON CONFLICT(employee_id, tahun) DO UPDATE SET predikat = excluded.predikat",
                )?
                .execute(params![id, r.tahun, code])?,
        };
        sum.skp.add(changes, existed.is_some());
    }

    for r in &b.competencies {
        let Some(id) = ids.employee(&r.nip)? else {
            continue;
        };
        touched.push(id);
        let tanggal = r.tanggal.to_string();
        let existed: Option<u8> = tx
            .prepare_cached(
                "SELECT level FROM competency_assessment WHERE employee_id = ?1 AND kompetensi = ?2 AND tanggal = ?3",
            )?
            .query_row(params![id, r.competency.code(), tanggal], |x| x.get(0))
            .optional()?;
        let changes = match existed {
            Some(l) if l == r.level => 0,
            _ => tx
                .prepare_cached(
                    "INSERT INTO competency_assessment (employee_id, kompetensi, tanggal, level) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT DO UPDATE SET level = excluded.level",
                )?
                .execute(params![id, r.competency.code(), tanggal, r.level])?,
        };
        sum.competencies.add(changes, existed.is_some());
    }

    for r in &b.potentials {
        let Some(id) = ids.employee(&r.nip)? else {
            continue;
        };
        touched.push(id);
        let tanggal = r.tanggal.to_string();
        type Row = (Option<String>, Option<f64>, Option<String>);
        let existed: Option<Row> = tx
            .prepare_cached(
                "SELECT kategori, skor, metode FROM potential_assessment WHERE employee_id = ?1 AND tanggal = ?2",
            )?
            .query_row(params![id, tanggal], |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)))
            .optional()?;
        let new: Row = (
            potensi_code(r.kategori).map(str::to_string),
            r.skor,
            r.metode.clone(),
        );
        let changes = match &existed {
            Some(old) if *old == new => 0,
            _ => tx
                .prepare_cached(
                    "INSERT INTO potential_assessment (employee_id, tanggal, kategori, skor, metode) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT DO UPDATE SET kategori = excluded.kategori, skor = excluded.skor, metode = excluded.metode",
                )?
                .execute(params![id, tanggal, new.0, new.1, new.2])?,
        };
        sum.potentials.add(changes, existed.is_some());
    }

    for r in &b.trainings {
        let Some(id) = ids.employee(&r.nip)? else {
            continue;
        };
        touched.push(id);
        let existed: Option<u32> = tx
            .prepare_cached(
                "SELECT jp FROM training WHERE employee_id = ?1 AND tahun = ?2 AND nama_pelatihan = ?3",
            )?
            .query_row(params![id, r.tahun, r.nama], |x| x.get(0))
            .optional()?;
        let changes = match existed {
            Some(jp) if jp == r.jp => 0,
            _ => tx
                .prepare_cached(
                    "INSERT INTO training (employee_id, tahun, nama_pelatihan, jp) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT DO UPDATE SET jp = excluded.jp",
                )?
                .execute(params![id, r.tahun, r.nama, r.jp])?,
        };
        sum.trainings.add(changes, existed.is_some());
    }

    for p in &b.positions {
        let unit_id = ids.unit(&p.unit, None)?;
        let status = if p.vacant { "lowong" } else { "terisi" };
        let existed: bool = tx
            .prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
            .query_row([&p.kode], |_| Ok(()))
            .optional()?
            .is_some();
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
        sum.positions.add(changes, existed);
    }

    for r in &b.requirements {
        let existed: Option<u8> = tx
            .prepare_cached("SELECT level FROM position_requirement WHERE kode_jabatan = ?1 AND kompetensi = ?2")?
            .query_row(params![r.kode, r.competency.code()], |x| x.get(0))
            .optional()?;
        let known = existed.is_some()
            || tx
                .prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
                .query_row([&r.kode], |_| Ok(()))
                .optional()?
                .is_some();
        if !known {
            continue;
        }
        let changes = match existed {
            Some(l) if l == r.level => 0,
            _ => tx
                .prepare_cached(
                    "INSERT INTO position_requirement (kode_jabatan, kompetensi, level) VALUES (?1, ?2, ?3)
                     ON CONFLICT DO UPDATE SET level = excluded.level",
                )?
                .execute(params![r.kode, r.competency.code(), r.level])?,
        };
        sum.requirements.add(changes, existed.is_some());
    }
    Ok(sum)
}
