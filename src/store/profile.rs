//! One employee's full profile for `talenta show` and the TUI profile screen.

use super::load::load_one;
use super::Result;
use crate::domain::{Candidate, Competency, Rules};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CompetencyLine {
    pub kompetensi: Competency,
    pub nama: &'static str,
    pub level: u8,
    pub tanggal: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PotentialLine {
    pub tanggal: String,
    pub kategori: Option<String>,
    pub skor: Option<f64>,
    pub metode: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingLine {
    pub tahun: u16,
    pub nama_pelatihan: String,
    pub jp: u32,
}

/// A post of the position history (riwayat jabatan).
#[derive(Debug, Clone, Serialize)]
pub struct HistoryLine {
    pub jabatan: String,
    pub tingkat_jabatan: String,
    pub unit_kerja: Option<String>,
    pub tmt_mulai: String,
    pub tmt_selesai: Option<String>,
}

/// A disciplinary penalty on record.
#[derive(Debug, Clone, Serialize)]
pub struct PenaltyLine {
    pub tingkat: String,
    pub jenis: Option<String>,
    pub tmt: String,
    pub tmt_selesai: Option<String>,
}

/// Everything `show` prints, beyond the candidate's own record.
#[derive(Debug, Clone)]
pub struct Profile {
    pub candidate: Candidate,
    /// Latest level of each assessed competency, in the regulation's order.
    pub competencies: Vec<CompetencyLine>,
    /// Potential assessments, newest first.
    pub potentials: Vec<PotentialLine>,
    /// Training, newest year first.
    pub trainings: Vec<TrainingLine>,
    /// The position history, newest first.
    pub history: Vec<HistoryLine>,
    /// Penalties on record, newest first.
    pub penalties: Vec<PenaltyLine>,
    /// Memberships of an established KRS in force, latest period first.
    pub krs: Vec<crate::domain::krs::KrsMember>,
    pub as_of: NaiveDate,
}

pub fn load_profile(
    conn: &Connection,
    nip: &str,
    as_of: NaiveDate,
    rules: &Rules,
) -> Result<Option<Profile>> {
    let Some(mut candidate) = load_one(conn, nip, rules)? else {
        return Ok(None);
    };
    let krs = super::krs::memberships(conn, nip)?;
    let period = crate::domain::krs::current_period(as_of);
    candidate.krs = krs.iter().any(|m| m.period == period);
    let id = candidate.id;
    let mut competencies = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT kompetensi, level, max(tanggal) FROM competency_assessment WHERE employee_id = ?1 GROUP BY kompetensi",
        )?;
        let mut q = stmt.query(params![id])?;
        while let Some(r) = q.next()? {
            if let Some(c) = Competency::parse(&r.get::<_, String>(0)?) {
                competencies.push(CompetencyLine {
                    kompetensi: c,
                    nama: c.name(),
                    level: r.get(1)?,
                    tanggal: r.get(2)?,
                });
            }
        }
        competencies.sort_by_key(|l| l.kompetensi.index());
    }
    let potentials = conn
        .prepare("SELECT tanggal, kategori, skor, metode FROM potential_assessment WHERE employee_id = ?1 ORDER BY tanggal DESC")?
        .query_map(params![id], |r| {
            Ok(PotentialLine { tanggal: r.get(0)?, kategori: r.get(1)?, skor: r.get(2)?, metode: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let trainings = conn
        .prepare("SELECT tahun, nama_pelatihan, jp FROM training WHERE employee_id = ?1 ORDER BY tahun DESC, nama_pelatihan")?
        .query_map(params![id], |r| Ok(TrainingLine { tahun: r.get(0)?, nama_pelatihan: r.get(1)?, jp: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let history = conn
        .prepare("SELECT jabatan, tingkat_jabatan, unit_kerja, tmt_mulai, tmt_selesai FROM position_history WHERE employee_id = ?1 ORDER BY tmt_mulai DESC")?
        .query_map(params![id], |r| {
            Ok(HistoryLine { jabatan: r.get(0)?, tingkat_jabatan: r.get(1)?, unit_kerja: r.get(2)?, tmt_mulai: r.get(3)?, tmt_selesai: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let penalties = conn
        .prepare("SELECT tingkat, jenis, tmt, tmt_selesai FROM penalty WHERE employee_id = ?1 ORDER BY tmt DESC")?
        .query_map(params![id], |r| {
            Ok(PenaltyLine { tingkat: r.get(0)?, jenis: r.get(1)?, tmt: r.get(2)?, tmt_selesai: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Profile {
        candidate,
        competencies,
        potentials,
        trainings,
        history,
        penalties,
        krs,
        as_of,
    }))
}
