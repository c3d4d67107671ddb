//! Loading the whole pool into memory for the filter evaluator, the table and
//! the 9-box: a handful of sequential scans, no per-employee queries.

use super::Result;
use crate::domain::candidate::Text;
use crate::domain::{
    dates, Candidate, Competency, Golongan, Pendidikan, Pool, Potensi, Predikat, Rules, Sex,
    Status, Tingkat,
};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// Shares one `Text` per distinct value (units, position titles, agencies).
#[derive(Default)]
struct Interner(HashMap<String, Text>);

impl Interner {
    fn get(&mut self, s: &str) -> Text {
        if let Some(t) = self.0.get(s) {
            return t.clone();
        }
        let t = Text::new(s);
        self.0.insert(s.to_string(), t.clone());
        t
    }
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| dates::parse(&s))
}

/// Load every employee with their latest values.
pub fn load_pool(conn: &Connection, as_of: NaiveDate, rules: &Rules) -> Result<Pool> {
    let rows = load_rows(conn, None, rules)?;
    Ok(Pool::new(rows, as_of, rules.clone()))
}

/// Load one employee by NIP, with the 9-box computed.
pub fn load_one(conn: &Connection, nip: &str, rules: &Rules) -> Result<Option<Candidate>> {
    use rusqlite::OptionalExtension;
    let id: Option<i64> = conn
        .query_row("SELECT id FROM employee WHERE nip = ?1", [nip], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(id) = id else { return Ok(None) };
    let mut rows = load_rows(conn, Some(id), rules)?;
    let mut c = rows.pop();
    if let Some(c) = c.as_mut() {
        c.compute_kotak(rules);
    }
    Ok(c)
}

/// The scans behind both loaders; `only` narrows every scan to one employee.
fn load_rows(conn: &Connection, only: Option<i64>, rules: &Rules) -> Result<Vec<Candidate>> {
    let (e_where, where_) = match only {
        Some(id) => (
            format!("WHERE e.id = {id}"),
            format!("WHERE employee_id = {id}"),
        ),
        None => (String::new(), String::new()),
    };
    let mut strings = Interner::default();
    let mut rows: Vec<Candidate> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT e.id, e.nip, e.nama, e.jenis_kelamin, e.tanggal_lahir, e.status, e.golongan,
                    e.jabatan, e.tingkat_jabatan, u.nama, u.instansi, e.pendidikan, e.tmt_jabatan
             FROM employee e JOIN unit u ON u.id = e.unit_id {e_where} ORDER BY e.id"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let golongan: String = r.get(6)?;
            let tingkat: String = r.get(8)?;
            let pendidikan: String = r.get(11)?;
            let birth: String = r.get(4)?;
            let sex: String = r.get(3)?;
            let status: String = r.get(5)?;
            let (Some(golongan), Some(tingkat), Some(pendidikan), Some(birth)) = (
                Golongan::parse(&golongan),
                Tingkat::parse(&tingkat),
                Pendidikan::parse(&pendidikan),
                dates::parse(&birth),
            ) else {
                continue; // Written by this program, so never reached; skipped rather than trusted.
            };
            let nama: String = r.get(2)?;
            let jabatan: String = r.get(7)?;
            let unit: String = r.get(9)?;
            let instansi: Option<String> = r.get(10)?;
            index.insert(id, rows.len());
            rows.push(Candidate {
                id,
                nip: r.get::<_, String>(1)?.into_boxed_str(),
                nama: Text::new(&nama),
                sex: Sex::parse(&sex).unwrap_or(Sex::L),
                birth,
                status: Status::parse(&status).unwrap_or(Status::Pns),
                golongan,
                jabatan: strings.get(&jabatan),
                tingkat,
                unit: strings.get(&unit),
                instansi: instansi.as_deref().map(|s| strings.get(s)),
                pendidikan,
                tmt_jabatan: date(r.get(12)?),
                skp: Vec::new(),
                competency: [0; 9],
                potensi: None,
                potensi_score: None,
                training: Vec::new(),
                kotak: None,
            });
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, tahun, predikat FROM skp {where_} ORDER BY employee_id, tahun"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (Some(&i), Some(p)) = (
                index.get(&r.get(0)?),
                Predikat::parse(&r.get::<_, String>(2)?),
            ) else {
                continue;
            };
            rows[i].skp.push((r.get(1)?, p));
        }
    }
    {
        // Ordered by date so the latest assessment of each competency wins.
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, kompetensi, level FROM competency_assessment {where_} ORDER BY employee_id, tanggal"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (Some(&i), Some(c)) = (
                index.get(&r.get(0)?),
                Competency::parse(&r.get::<_, String>(1)?),
            ) else {
                continue;
            };
            rows[i].competency[c.index()] = r.get(2)?;
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, kategori, skor FROM potential_assessment {where_} ORDER BY employee_id, tanggal"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get(0)?) else {
                continue;
            };
            let kategori: Option<String> = r.get(1)?;
            let skor: Option<f64> = r.get(2)?;
            let potensi = kategori
                .as_deref()
                .and_then(Potensi::parse)
                .or_else(|| skor.map(|s| rules.potensi_of_score(s)));
            rows[i].potensi = potensi;
            rows[i].potensi_score = skor.map(|s| s as f32);
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, tahun, sum(jp) FROM training {where_} GROUP BY employee_id, tahun ORDER BY employee_id, tahun"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get(0)?) else {
                continue;
            };
            rows[i].training.push((r.get(1)?, r.get(2)?));
        }
    }
    Ok(rows)
}
