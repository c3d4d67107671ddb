//! Import messages.

use crate::domain::nip::NipError;
use crate::domain::Status as EmploymentStatus;
use crate::import::{ImportError, ImportReport, Outcome, ProblemKind};
use crate::store::write::Counts;
use crate::strings::ImportLabels;

/// What is wrong, without the place.
pub fn what(k: &ProblemKind, file: &str) -> String {
    use ProblemKind::*;
    match k {
        Unsupported => "not a .csv or .xlsx file".into(),
        Utf16 => "the file is UTF-16 text; save it as \"CSV UTF-8\"".into(),
        Empty => "the file is empty: no header row".into(),
        Unreadable => "cannot be read as an .xlsx workbook".into(),
        TooLargeUnpacked { limit_mib } => format!("the workbook unpacks to more than {limit_mib} MiB (a compressed \"zip bomb\", or no HR export); save the data as CSV"),
        UnknownKind => "neither the name nor the header says which file this is; name it pegawai*, kinerja*, kompetensi*, potensi*, pelatihan*, jabatan*, syarat_jabatan*, riwayat_jabatan* or disiplin*".into(),
        MissingColumn => "required column missing from the header".into(),
        MissingKategoriAndSkor => "the header needs a kategori or a skor column".into(),
        DuplicateColumn { first } => format!("the same column twice in the header (also as {first})"),
        Csv => "cannot be read as CSV".into(),
        InvalidUtf8 => "not UTF-8 text; save the file as \"CSV UTF-8\"".into(),
        ControlChars => "contains control or bidirectional characters (shown as \\u{..}); is this a text file?".into(),
        TooLong { max } => format!("longer than {max} characters"),
        SpansLines { lines } => format!("a quoted value runs over {lines} lines; a closing quote is probably missing"),
        ExtraFields { expected, found } => format!("the row has {found} values but the header {expected} columns; put quotes around a value that contains the separator"),
        CellError => "the cell holds a spreadsheet error".into(),
        Required => "required value missing".into(),
        Nip(NipError::Length(n)) => format!("a NIP has 18 digits, this has {n} characters"),
        Nip(NipError::NotDigits) => "a NIP has digits only".into(),
        Nip(NipError::BirthDate) => "the birth date in the NIP (its first 8 digits) is not a real date".into(),
        NipAsNumber => "the NIP is stored as a number and has lost digits; format the column as text and enter the NIPs again".into(),
        Date => "not a date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY)".into(),
        DateMonthFirst => "not a certain date: this column appears to be written month first (MM/DD/YYYY), so the day and month of this date (both 12 or below) cannot be told apart".into(),
        Sex => "not a sex (L or P)".into(),
        Status => "not an employment status (PNS or PPPK)".into(),
        Golongan => "not a golongan (PNS: I/a .. IV/e; PPPK: I .. XVII)".into(),
        GolonganStatus { status: EmploymentStatus::Pns } => "not a PNS golongan (I/a .. IV/e)".into(),
        GolonganStatus { status: EmploymentStatus::Pppk } => "not a PPPK golongan (I .. XVII)".into(),
        StructuralWithoutEselon => "a structural post (Jabatan Struktural) needs its eselon (I.a .. IV.b) in the Eselon column to tell its tier".into(),
        Eselon => "not an eselon (I.a, I.b, II.a .. IV.b, V)".into(),
        Tingkat => "not a position tier (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional)".into(),
        Pendidikan => "not an education level (SD, SMP, SMA, D1 .. D4, S1 .. S3)".into(),
        Year { min, max } => format!("not a year from {min} to {max}"),
        Predikat => "not a predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang, or SB, B, BP, K, SK)".into(),
        Kompetensi => "not one of the nine competencies (a code such as integritas, or its name)".into(),
        Level => "not a level from 1 to 5".into(),
        Kategori => "not a potential category (Rendah, Menengah, Tinggi)".into(),
        Skor => "not a score from 0 to 100".into(),
        KategoriOrSkor => "give a kategori or a skor".into(),
        Jp => "not a whole number of lesson hours (0 or more)".into(),
        PositionStatus => "not a position status (lowong or terisi)".into(),
        PositionKategori => "not a position category (target, kritikal or empty)".into(),
        PenaltyLevel => "not a penalty level (ringan, sedang, berat)".into(),
        EndsBeforeStart { start } => format!("ends before it starts ({start})"),
        Overlaps { file: f, line } if f == file => format!("overlaps the position on line {line}"),
        Overlaps { file: f, line } => format!("overlaps the position at {f}:{line}"),
        Duplicate { file: f, line } if f == file => format!("already given on line {line}"),
        Duplicate { file: f, line } => format!("already given at {f}:{line}"),
        UnknownEmployee => "no employee with this NIP in this import or in the database".into(),
        UnknownPosition => "no position with this code in this import or in the database".into(),
        RefersToInvalidRow { file: f, line } => format!("refers to the row at {f}:{line}, which has problems"),
    }
}

/// The headings and record names of the import's report.
pub const REPORT: ImportLabels = ImportLabels {
    files: "Files",
    would_be_written: "Would be written",
    written: "Written",
    employees: "Employees",
    skp: "SKP predikat",
    competencies: "Competency assessments",
    potentials: "Potential assessments",
    trainings: "Trainings",
    positions: "Positions",
    requirements: "Position requirements",
    histories: "Position history",
    penalties: "Disciplinary penalties",
};

/// How many rows of a file were read and how many are valid.
pub fn file_rows(rows: u64, valid: u64) -> String {
    format!("{rows} rows, {valid} valid")
}

/// How many records are new, changed and unchanged.
pub fn counts(c: &Counts) -> String {
    format!(
        "{} new, {} changed, {} unchanged",
        c.inserted, c.updated, c.unchanged
    )
}

/// One sentence: how the import ended.
pub fn outcome(r: &ImportReport) -> String {
    let n = r.problems.len();
    let skipped = r.rows_skipped();
    match r.outcome {
        Outcome::Written if n == 0 => "Imported; recorded in the audit trail.".into(),
        Outcome::Written => format!(
            "Imported the valid rows; skipped {skipped} rows with {n} problems (listed above). Recorded in the audit trail."
        ),
        Outcome::DryRun if n == 0 => "Dry run: nothing was written.".into(),
        Outcome::DryRun => format!(
            "Dry run: nothing was written; {skipped} rows with {n} problems would be skipped."
        ),
        Outcome::Refused if r.dry_run => format!(
            "Dry run: the import would be refused, {n} problems (listed above)."
        ),
        Outcome::Refused => format!(
            "Nothing was written: {n} problems (listed above). Fix them, or run again with --skip-invalid to import the valid rows."
        ),
        Outcome::NothingToWrite => "Nothing to write: no valid row.".into(),
        Outcome::NoEmployees => "Nothing was written: not one employee row could be read, so the other rows have nobody to belong to. Fix the pegawai file (see above) and import again.".into(),
    }
}

/// The heading above the list of problems.
pub fn problems_heading(r: &ImportReport) -> String {
    let n = r.problems.len();
    if r.outcome == Outcome::Refused {
        format!("{n} problems; the import is all or nothing:")
    } else if r.outcome == Outcome::NoEmployees {
        format!("{n} problems; nothing is written:")
    } else {
        format!("{n} problems; these rows are skipped:")
    }
}

/// A failure of the import itself.
pub fn error(e: &ImportError) -> String {
    match e {
        ImportError::Io { path, source } => format!("Cannot read {}: {source}", path.display()),
        ImportError::Store(e) => format!("Database error during the import: {e}"),
        ImportError::NothingToImport => {
            "Nothing to import: no .csv or .xlsx file in the paths given.".into()
        }
    }
}

/// A cause said once for many rows: how many, and where.
pub fn many(count: usize, first: u64, last: u64, example: &str) -> String {
    if example.is_empty() {
        format!("{count} rows, lines {first} to {last}")
    } else {
        format!("{count} rows, lines {first} to {last}; the first: {example}")
    }
}

/// A file's rows that only refer to bad rows, counted.
pub fn consequential(count: usize, first: u64, last: u64) -> String {
    format!("{count} rows (lines {first} to {last}) refer to employees or positions whose own rows have problems (above); they are imported once those rows are fixed")
}

/// How to mend an export that one cause damaged throughout a column.
pub fn hint(k: &ProblemKind) -> Option<&'static str> {
    match k {
        ProblemKind::NipAsNumber | ProblemKind::Nip(_) => Some("To fix: the spreadsheet stored the NIPs as numbers. Export the file from SIASN/SIMPEG again and hand it over without opening it in a spreadsheet; or, in the spreadsheet, format the NIP column as Text (LibreOffice: Format > Cells > Text; Excel: Format Cells > Text) before pasting the NIPs in, and save again."),
        ProblemKind::Date => Some("To fix: the dates of this column are in a form not read (a two-digit year as in 26/09/86, or month first). Format the column's cells as dates written DD-MM-YYYY (or YYYY-MM-DD), four-digit year, and save again."),
        ProblemKind::DateMonthFirst => Some("To fix: this column appears to be written month first (MM/DD/YYYY, as an English-locale spreadsheet saves it). Format the column's cells as dates written DD-MM-YYYY (or YYYY-MM-DD) and export again; talenta does not guess which is the month."),
        _ => None,
    }
}

/// What a file's valid rows did (or would do) and how many rows were skipped.
pub fn file_counts(c: &Counts, skipped: u64) -> String {
    format!(
        "{} new, {} changed, {} unchanged, {skipped} skipped",
        c.inserted, c.updated, c.unchanged
    )
}

/// The header's columns that were not read.
pub fn unused_columns(names: &[String]) -> String {
    format!("columns not used ({}): {}", names.len(), names.join(", "))
}

/// The header's columns that were read, as which of ours.
pub fn used_columns(pairs: &[(String, &'static str)]) -> String {
    let list: Vec<String> = pairs
        .iter()
        .map(|(theirs, ours)| format!("{theirs} as {ours}"))
        .collect();
    format!("columns read ({}): {}", pairs.len(), list.join(", "))
}
