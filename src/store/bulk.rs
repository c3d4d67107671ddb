//! The fast path for filling a fresh database (the demo pool, benchmarks):
//! plain prepared INSERTs, no per-row existence checks.
//!
//! [`insert_fresh`] is for records that are not in the database yet. It writes
//! what [`super::write::write_batch`] would write into a database without these
//! records (employee ids are assigned in order, after the highest one present;
//! records naming an unknown NIP or position are skipped the same way), but a
//! record that already exists is an error (a UNIQUE constraint), not an update:
//! the caller's transaction then rolls back. Runs inside the caller's transaction.

use super::records::Batch;
use super::write::WriteSummary;
use super::Result;
use crate::domain::Potensi;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Transaction};
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

/// Insert a batch of new records. See the module documentation.
pub fn insert_fresh(tx: &Transaction<'_>, b: &Batch) -> Result<WriteSummary> {
    let mut sum = WriteSummary::default();
    let mut buf = [0u8; 10];

    // Units: few, so load them all once per batch.
    let mut units: HashMap<String, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached("SELECT nama, id FROM unit")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for r in rows {
            let (n, id) = r?;
            units.insert(n, id);
        }
    }
    let mut unit_id = |nama: &str, instansi: Option<&str>| -> Result<i64> {
        if let Some(id) = units.get(nama) {
            return Ok(*id);
        }
        let id: i64 = tx
            .prepare_cached("INSERT INTO unit (nama, instansi) VALUES (?1, ?2) RETURNING id")?
            .query_row(params![nama, instansi], |r| r.get(0))?;
        units.insert(nama.to_string(), id);
        Ok(id)
    };

    let mut next: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM employee", [], |r| {
        r.get(0)
    })?;
    let mut ids: HashMap<&str, i64> = HashMap::with_capacity(b.employees.len());
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO employee (id, nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan,
               tingkat_jabatan, unit_id, pendidikan, tmt_jabatan)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut tmt_buf = [0u8; 10];
        for e in &b.employees {
            let uid = unit_id(&e.unit, e.instansi.as_deref())?;
            next += 1;
            let tmt = e.tmt_jabatan.map(|d| iso(d, &mut tmt_buf).to_string());
            ins.execute(params![
                next,
                e.nip,
                e.nama,
                e.sex.code(),
                iso(e.birth, &mut buf),
                e.status.code(),
                e.golongan.to_string(),
                e.jabatan,
                e.tingkat.label(),
                uid,
                e.pendidikan.code(),
                tmt
            ])?;
            ids.insert(e.nip.as_str(), next);
            sum.employees.inserted += 1;
        }
    }

    // Employees written by an earlier batch are looked up (and remembered).
    let mut known: HashMap<String, Option<i64>> = HashMap::new();
    let mut id_of = |nip: &str| -> Result<Option<i64>> {
        if let Some(id) = ids.get(nip) {
            return Ok(Some(*id));
        }
        if let Some(id) = known.get(nip) {
            return Ok(*id);
        }
        let id: Option<i64> = tx
            .prepare_cached("SELECT id FROM employee WHERE nip = ?1")?
            .query_row([nip], |r| r.get(0))
            .optional()?;
        known.insert(nip.to_string(), id);
        Ok(id)
    };

    {
        let mut ins = tx
            .prepare_cached("INSERT INTO skp (employee_id, tahun, predikat) VALUES (?1, ?2, ?3)")?;
        for r in &b.skp {
            let Some(id) = id_of(&r.nip)? else { continue };
            ins.execute(params![id, r.tahun, r.predikat.code()])?;
            sum.skp.inserted += 1;
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO competency_assessment (employee_id, kompetensi, tanggal, level) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for r in &b.competencies {
            let Some(id) = id_of(&r.nip)? else { continue };
            ins.execute(params![
                id,
                r.competency.code(),
                iso(r.tanggal, &mut buf),
                r.level
            ])?;
            sum.competencies.inserted += 1;
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO potential_assessment (employee_id, tanggal, kategori, skor, metode) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for r in &b.potentials {
            let Some(id) = id_of(&r.nip)? else { continue };
            ins.execute(params![
                id,
                iso(r.tanggal, &mut buf),
                r.kategori.map(Potensi::code),
                r.skor,
                r.metode
            ])?;
            sum.potentials.inserted += 1;
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO training (employee_id, tahun, nama_pelatihan, jp) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for r in &b.trainings {
            let Some(id) = id_of(&r.nip)? else { continue };
            ins.execute(params![id, r.tahun, r.nama, r.jp])?;
            sum.trainings.inserted += 1;
        }
    }

    let mut positions: HashSet<&str> = HashSet::with_capacity(b.positions.len());
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO position (kode, nama_jabatan, tingkat_jabatan, unit_id, status, pemangku_nip)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for p in &b.positions {
            let uid = unit_id(&p.unit, None)?;
            let status = if p.vacant { "lowong" } else { "terisi" };
            ins.execute(params![
                p.kode,
                p.nama,
                p.tingkat.label(),
                uid,
                status,
                p.holder_nip
            ])?;
            positions.insert(p.kode.as_str());
            sum.positions.inserted += 1;
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO position_requirement (kode_jabatan, kompetensi, level) VALUES (?1, ?2, ?3)",
        )?;
        for r in &b.requirements {
            let known = positions.contains(r.kode.as_str())
                || tx
                    .prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
                    .query_row([&r.kode], |_| Ok(()))
                    .optional()?
                    .is_some();
            if !known {
                continue;
            }
            ins.execute(params![r.kode, r.competency.code(), r.level])?;
            sum.requirements.inserted += 1;
        }
    }
    Ok(sum)
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
