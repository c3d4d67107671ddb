//! Output formats shared by `query`, `show` and the audit log: the employee
//! object of the JSON contract, CSV rows with formula neutralising, and plain
//! aligned tables.

use crate::domain::calibration::{Calibration, CalibrationStatus};
use crate::domain::{Candidate, Competency, Pool};
use crate::present::safe_cell;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthStr;

/// The fields every employee object of the JSON contract has (the nine of
/// the CSV, then the talent review's two); flattened
/// into each command's own output object.
#[derive(Debug, Clone, Serialize)]
pub struct EmployeeCore {
    pub nip: String,
    pub nama: String,
    pub unit_kerja: String,
    pub jabatan: String,
    pub tingkat_jabatan: String,
    pub golongan: String,
    pub kotak: Option<u8>,
    pub kinerja: Option<String>,
    pub potensi: Option<String>,
    /// The box computed from the data (`kotak` is the box in effect).
    pub kotak_hitung: Option<u8>,
    /// The latest talent review, in effect (`ya`) or stale (`usang`).
    pub kalibrasi: Option<CalibrationOut>,
}

/// A candidate's latest calibration in the JSON contract.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationOut {
    pub id: i64,
    /// The agreed box.
    pub kotak: u8,
    pub status: CalibrationStatus,
    pub sesi: i64,
    pub alasan: String,
    /// The computed box it was agreed on.
    pub kotak_hitung: Option<u8>,
}

impl CalibrationOut {
    pub fn new(c: &Calibration) -> CalibrationOut {
        CalibrationOut {
            id: c.id,
            kotak: c.kotak,
            status: c.status(),
            sesi: c.session,
            alasan: c.reason.to_string(),
            kotak_hitung: c.kotak_agreed_on,
        }
    }
}

impl EmployeeCore {
    pub fn new(c: &Candidate) -> EmployeeCore {
        EmployeeCore {
            nip: c.nip.to_string(),
            nama: c.nama.to_string(),
            unit_kerja: c.unit.text.to_string(),
            jabatan: c.jabatan.text.to_string(),
            tingkat_jabatan: c.tingkat.code().to_string(),
            golongan: c.golongan.to_string(),
            kotak: c.kotak,
            kinerja: c.latest_predikat().map(|p| p.code().to_string()),
            potensi: c.potensi.map(|p| p.code().to_string()),
            kotak_hitung: c.kotak_hitung(),
            kalibrasi: c.calibration.as_deref().map(CalibrationOut::new),
        }
    }

    /// The nine values as CSV cells, in the order of the fields.
    pub fn into_cells(self) -> Vec<String> {
        vec![
            self.nip,
            self.nama,
            self.unit_kerja,
            self.jabatan,
            self.tingkat_jabatan,
            self.golongan,
            self.kotak.map(|k| k.to_string()).unwrap_or_default(),
            self.kinerja.unwrap_or_default(),
            self.potensi.unwrap_or_default(),
        ]
    }
}

/// One employee as `query --format json|csv` and `show --format json` print them.
#[derive(Debug, Clone, Serialize)]
pub struct EmployeeOut {
    #[serde(flatten)]
    pub core: EmployeeCore,
    pub instansi: Option<String>,
    pub status: String,
    pub jenis_kelamin: String,
    pub tanggal_lahir: String,
    pub usia: u32,
    pub pendidikan: String,
    pub tmt_jabatan: Option<String>,
    pub masa_jabatan: Option<u32>,
    pub jp: u32,
    pub skor_potensi: Option<f32>,
    /// Latest level per assessed competency, by code.
    pub kompetensi: BTreeMap<&'static str, u8>,
}

impl EmployeeOut {
    pub fn new(c: &Candidate, as_of: NaiveDate) -> EmployeeOut {
        EmployeeOut {
            core: EmployeeCore::new(c),
            instansi: c.instansi.as_ref().map(|t| t.text.to_string()),
            status: c.status.code().to_string(),
            jenis_kelamin: c.sex.code().to_string(),
            tanggal_lahir: c.birth.to_string(),
            usia: c.age(as_of),
            pendidikan: c.pendidikan.code().to_string(),
            tmt_jabatan: c.tmt_jabatan.map(|d| d.to_string()),
            masa_jabatan: c.tenure(as_of),
            jp: c.jp(as_of),
            skor_potensi: c.potensi_score,
            kompetensi: Competency::ALL
                .iter()
                .filter_map(|k| c.level(*k).map(|l| (k.code(), l)))
                .collect(),
        }
    }
}

/// CSV header of `query --format csv`.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = [
        "nip",
        "nama",
        "unit_kerja",
        "jabatan",
        "tingkat_jabatan",
        "golongan",
        "kotak",
        "kinerja",
        "potensi",
        "instansi",
        "status",
        "jenis_kelamin",
        "tanggal_lahir",
        "usia",
        "pendidikan",
        "tmt_jabatan",
        "masa_jabatan",
        "jp",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(Competency::ALL.iter().map(|c| c.code().to_string()));
    h
}

pub fn csv_row(c: &Candidate, as_of: NaiveDate) -> Vec<String> {
    let o = EmployeeOut::new(c, as_of);
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut row = o.core.into_cells();
    row.extend([
        opt(o.instansi),
        o.status,
        o.jenis_kelamin,
        o.tanggal_lahir,
        o.usia.to_string(),
        o.pendidikan,
        opt(o.tmt_jabatan),
        o.masa_jabatan.map(|m| m.to_string()).unwrap_or_default(),
        o.jp.to_string(),
    ]);
    row.extend(
        Competency::ALL
            .iter()
            .map(|k| c.level(*k).map(|l| l.to_string()).unwrap_or_default()),
    );
    row.into_iter().map(|s| csv_cell(&s)).collect()
}

/// A CSV cell from stored text: controls as visible escapes (domain::text),
/// a leading formula character neutralised.
pub fn csv_cell(s: &str) -> String {
    safe_cell(&crate::domain::text::visible(s))
}

/// Pretty JSON whose strings hold no control or bidi character raw (they
/// become JSON escapes; the values stay exact).
pub fn json_text<T: Serialize + ?Sized>(v: &T) -> serde_json::Result<String> {
    serde_json::to_string_pretty(v).map(|s| crate::domain::text::guard(&s).into_owned())
}

/// Cut text to a display width, ending with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(ch);
        w += cw;
    }
    out.push('…');
    out
}

/// A plain aligned table: a header, a rule, the rows. Each column is at most
/// `max` wide; every cell is one line, its controls as visible escapes
/// (domain::text), so a stored value can neither reach the terminal raw nor
/// forge a row.
pub fn table(header: &[&str], rows: &[Vec<String>], max: &[usize]) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = crate::domain::text::one_line(c);
                    fit(&c, *max.get(i).unwrap_or(&usize::MAX))
                })
                .collect()
        })
        .collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cols: &mut dyn Iterator<Item = &str>| {
        let mut parts = Vec::new();
        for (i, c) in cols.enumerate() {
            parts.push(format!(
                "{}{}",
                c,
                " ".repeat(widths[i].saturating_sub(c.width()))
            ));
        }
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut out, &mut header.iter().copied());
    out.push_str(
        &widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    out.push('\n');
    for r in &cells {
        line(&mut out, &mut r.iter().map(String::as_str));
    }
    out
}

/// The table row of an employee for `query`.
pub fn table_row(c: &Candidate, _pool: &Pool) -> Vec<String> {
    vec![
        c.nip.to_string(),
        c.nama.to_string(),
        c.jabatan.text.to_string(),
        c.unit.text.to_string(),
        c.golongan.to_string(),
        c.latest_predikat()
            .map(|p| p.code().to_string())
            .unwrap_or_else(|| "-".into()),
        c.potensi
            .map(|p| p.code().to_string())
            .unwrap_or_else(|| "-".into()),
        c.kotak.map(|k| k.to_string()).unwrap_or_else(|| "-".into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_ellipsis() {
        assert_eq!(fit("Dinas Pendidikan", 100), "Dinas Pendidikan");
        assert_eq!(fit("Dinas Pendidikan", 6), "Dinas…");
    }

    #[test]
    fn table_aligns_columns() {
        let t = table(&["A", "Bee"], &[vec!["xx".into(), "y".into()]], &[10, 10]);
        assert_eq!(t, "A   Bee\n--  ---\nxx  y\n");
    }
}
