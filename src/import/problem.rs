//! What can be wrong with an import file or row: structured data only. The
//! words live in `strings::{id,en}::import`, which render a [`Problem`] as
//! `file:line: column: what is wrong (value)`.

use crate::domain::nip::NipError;
use crate::domain::Status;

/// The longest `value` a problem quotes; longer values are cut with `…`.
pub const MAX_QUOTED_CHARS: usize = 60;

/// One thing wrong with a file or a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the import named it (a folder's path joined with the file name).
    pub file: String,
    /// The 1-based physical line where the record starts (xlsx: the sheet row);
    /// 0 for a problem with the whole file that has no line (an unreadable workbook).
    pub line: u64,
    /// The column name as in the file's header, the contract's name of a missing
    /// column, or "" for a problem with the whole row or file.
    pub column: String,
    pub kind: ProblemKind,
    /// The offending value, made printable and cut to [`MAX_QUOTED_CHARS`]; may be empty.
    pub value: String,
}

impl Problem {
    pub fn new(
        file: &str,
        line: u64,
        column: &str,
        kind: ProblemKind,
        value: impl AsRef<str>,
    ) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column: printable(column, MAX_QUOTED_CHARS),
            kind,
            value: printable(value.as_ref(), MAX_QUOTED_CHARS),
        }
    }

    /// Whether the problem concerns a whole file rather than one row.
    pub fn is_file_level(&self) -> bool {
        self.kind.is_file_level()
    }
}

/// What is wrong. Variants carry the data their message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    // ---- the whole file ----
    /// A file named explicitly whose extension is neither `.csv` nor `.xlsx`; value: the extension.
    Unsupported,
    /// The file starts with a UTF-16 byte-order mark (Excel's "Unicode Text").
    Utf16,
    /// No header row: the file (or the first sheet) is empty.
    Empty,
    /// An `.xlsx` file that cannot be opened as a workbook; value: the reader's detail.
    Unreadable,
    /// An `.xlsx` file whose parts unpack to more than the bound (a zip bomb);
    /// the bound in MiB.
    TooLargeUnpacked {
        limit_mib: u64,
    },
    /// Neither the name nor the header tells which of the contract's files this is.
    UnknownKind,
    /// A required column is not in the header; `column` is the contract's name.
    MissingColumn,
    /// potensi: neither a `kategori` nor a `skor` column.
    MissingKategoriAndSkor,
    /// Two header cells name the same column; `first` is the earlier one.
    DuplicateColumn {
        first: String,
    },
    /// The CSV reader stopped; value: its detail.
    Csv,

    // ---- a row or a cell ----
    /// Bytes that are not UTF-8 (a file saved in a legacy code page).
    InvalidUtf8,
    /// Control characters (NUL, escape...) in a field: a binary or corrupted file.
    ControlChars,
    /// A field longer than `max` characters.
    TooLong {
        max: usize,
    },
    /// A quoted field running over `lines` lines: a closing quote is probably missing.
    SpansLines {
        lines: usize,
    },
    /// More non-empty fields than header columns: a value with the separator lacks quotes.
    ExtraFields {
        expected: usize,
        found: usize,
    },
    /// A spreadsheet error value in a cell (`#N/A`, `#VALUE!`...).
    CellError,
    /// A required value is empty.
    Required,
    /// Not a valid NIP.
    Nip(NipError),
    /// An xlsx NIP stored as a number: digits beyond the 15th or 16th are lost.
    NipAsNumber,
    /// Not a date in one of the three forms.
    Date,
    Sex,
    Status,
    Golongan,
    /// A golongan that does not fit the employee's status.
    GolonganStatus {
        status: Status,
    },
    Tingkat,
    Pendidikan,
    /// Not a year in `min..=max`.
    Year {
        min: i32,
        max: i32,
    },
    Predikat,
    Kompetensi,
    /// Not a level 1..5.
    Level,
    /// Not rendah / menengah / tinggi.
    Kategori,
    /// Not a score 0..100.
    Skor,
    /// potensi: both kategori and skor are empty.
    KategoriOrSkor,
    /// Not a whole number of lesson hours >= 0.
    Jp,
    /// jabatan: status is not lowong / terisi.
    PositionStatus,
    /// jabatan: kategori is not target / kritikal.
    PositionKategori,
    /// disiplin: not ringan / sedang / berat.
    PenaltyLevel,
    /// An end date before the start date (`start`, as the row writes it).
    EndsBeforeStart {
        start: String,
    },
    /// riwayat_jabatan: the span overlaps another of the same employee in
    /// this import, at `file:line`.
    Overlaps {
        file: String,
        line: u64,
    },
    /// The same key was given before in this import, at `file:line`.
    Duplicate {
        file: String,
        line: u64,
    },
    /// The NIP is neither in this import nor in the database.
    UnknownEmployee,
    /// The position code is neither in this import nor in the database.
    UnknownPosition,
    /// The row refers to an employee or position whose own row, at `file:line`, has problems.
    RefersToInvalidRow {
        file: String,
        line: u64,
    },
}

impl ProblemKind {
    pub fn is_file_level(&self) -> bool {
        matches!(
            self,
            ProblemKind::Unsupported
                | ProblemKind::Utf16
                | ProblemKind::Empty
                | ProblemKind::Unreadable
                | ProblemKind::TooLargeUnpacked { .. }
                | ProblemKind::UnknownKind
                | ProblemKind::MissingColumn
                | ProblemKind::MissingKategoriAndSkor
                | ProblemKind::DuplicateColumn { .. }
                | ProblemKind::Csv
        )
    }
}

/// A value safe to print on a terminal: control characters (line breaks,
/// escape sequences) become spaces and the text is cut to `max` characters.
pub fn printable(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_printable_and_cut() {
        assert_eq!(printable("a\u{1b}[31mb\nc", 60), "a [31mb c");
        let long = "x".repeat(100);
        let p = Problem::new("f.csv", 2, "nama", ProblemKind::TooLong { max: 1 }, &long);
        assert_eq!(p.value.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(p.value.ends_with('…'));
        assert_eq!(printable("", 5), "");
    }

    #[test]
    fn file_level_kinds() {
        assert!(ProblemKind::MissingColumn.is_file_level());
        assert!(!ProblemKind::Required.is_file_level());
    }
}
