//! Output formats shared by the commands: the employee object of the JSON
//! contract and its columns as typed cells, plain aligned tables, and where
//! output goes (`-o FILE`, or stdout): a [`Sheet`] as CSV or xlsx.

use super::{emit, CliError, CliResult, Ctx, TableFormat};
use crate::domain::calibration::{Calibration, CalibrationStatus};
use crate::domain::{Candidate, Competency, Pool};
use crate::present::xlsx::{self, XlsxOutError};
use crate::present::{Cell, Sheet};
use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// `-o FILE [--force]`: output to a file instead of stdout.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputFile {
    /// output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// force
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Refuse early what cannot be written: xlsx without `-o` (a binary file is
/// never printed to a terminal or a pipe).
pub fn check(ctx: &Ctx, format: TableFormat, out: &OutputFile) -> CliResult {
    if format == TableFormat::Xlsx && out.output.is_none() {
        return Err(CliError::input(tr!(ctx.lang, export::XLSX_NEEDS_OUTPUT)));
    }
    Ok(())
}

/// Write `bytes` to the file of `-o` (a new one, or an existing regular file
/// with `--force`; never the database; written aside and put in place whole),
/// then say so on stdout with `what` (the rows, when counted).
fn save(ctx: &Ctx, out: &OutputFile, bytes: &[u8], rows: Option<usize>) -> CliResult {
    let Some(path) = &out.output else {
        return Err(CliError::input(tr!(ctx.lang, export::XLSX_NEEDS_OUTPUT)));
    };
    crate::minutes::save(path, bytes, out.force, &ctx.db).map_err(|e| {
        let message = tr!(ctx.lang, export::not_saved(path, &e));
        match e {
            crate::minutes::SaveError::Io(_) => CliError::runtime(message),
            _ => CliError::input(message),
        }
    })?;
    emit(&tr!(ctx.lang, export::written(path, rows)))
}

/// Text output (a table, JSON, CSV): to the file of `-o`, or to stdout. The
/// file gets what stdout would (no control character raw: domain::text).
pub fn deliver(ctx: &Ctx, out: &OutputFile, text: &str) -> CliResult {
    match out.output {
        Some(_) => save(ctx, out, crate::domain::text::guard(text).as_bytes(), None),
        None => emit(text),
    }
}

/// A table as CSV (to stdout or `-o FILE`) or xlsx (to `-o FILE` only).
pub fn sheet_out(ctx: &Ctx, format: TableFormat, out: &OutputFile, sheet: Sheet<'_>) -> CliResult {
    check(ctx, format, out)?;
    if format == TableFormat::Xlsx {
        let (bytes, rows) = xlsx::write(sheet).map_err(|e| match e {
            XlsxOutError::TooManyRows => {
                CliError::input(tr!(ctx.lang, export::too_many_rows(xlsx::MAX_ROWS)))
            }
            XlsxOutError::Write(e) => CliError::runtime(e),
        })?;
        return save(ctx, out, &bytes, Some(rows));
    }
    let mut buf = Vec::new();
    let rows = sheet
        .write_csv(&mut buf)
        .map_err(|e| CliError::runtime(e.to_string()))?;
    match out.output {
        Some(_) => save(ctx, out, &buf, Some(rows)),
        None => emit(&String::from_utf8_lossy(&buf)),
    }
}

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

    /// The names of the nine columns of [`EmployeeCore::into_cells`].
    pub const COLUMNS: [&'static str; 9] = [
        "nip",
        "nama",
        "unit_kerja",
        "jabatan",
        "tingkat_jabatan",
        "golongan",
        "kotak",
        "kinerja",
        "potensi",
    ];

    /// The nine values as typed cells, in the order of the fields.
    pub fn into_cells(self) -> Vec<Cell> {
        vec![
            Cell::Code(self.nip),
            Cell::Text(self.nama),
            Cell::Text(self.unit_kerja),
            Cell::Text(self.jabatan),
            Cell::Text(self.tingkat_jabatan),
            Cell::Text(self.golongan),
            Cell::opt_int(self.kotak),
            Cell::opt_text(self.kinerja),
            Cell::opt_text(self.potensi),
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

/// The columns of `query --format csv|xlsx`: the nine of the contract, then
/// the record, then the latest level of each competency.
pub fn employee_header() -> Vec<String> {
    let record = [
        "instansi",
        "status",
        "jenis_kelamin",
        "tanggal_lahir",
        "usia",
        "pendidikan",
        "tmt_jabatan",
        "masa_jabatan",
        "jp",
    ];
    Sheet::columns(
        &EmployeeCore::COLUMNS,
        record
            .iter()
            .map(|s| s.to_string())
            .chain(Competency::ALL.iter().map(|c| c.code().to_string())),
    )
}

/// One employee's row under [`employee_header`].
pub fn employee_cells(c: &Candidate, as_of: NaiveDate) -> Vec<Cell> {
    let o = EmployeeOut::new(c, as_of);
    let mut row = o.core.into_cells();
    row.extend([
        Cell::opt_text(o.instansi),
        Cell::Text(o.status),
        Cell::Text(o.jenis_kelamin),
        Cell::Date(c.birth),
        Cell::int(o.usia),
        Cell::Text(o.pendidikan),
        Cell::opt_date(c.tmt_jabatan),
        Cell::opt_int(o.masa_jabatan),
        Cell::int(o.jp),
    ]);
    row.extend(Competency::ALL.iter().map(|k| Cell::opt_int(c.level(*k))));
    row
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
