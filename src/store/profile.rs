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
    pub as_of: NaiveDate,
}

pub fn load_profile(
    conn: &Connection,
    nip: &str,
    as_of: NaiveDate,
    rules: &Rules,
) -> Result<Option<Profile>> {
    let Some(candidate) = load_one(conn, nip, rules)? else {
        return Ok(None);
    };
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
    Ok(Some(Profile {
        candidate,
        competencies,
        potentials,
        trainings,
        as_of,
    }))
}
