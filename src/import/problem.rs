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
    /// A day and month both 12 or below (`05/06/1969`) in a column where
    /// another value can only be month first (`01/22/1971`): which is the
    /// month cannot be told, so the date is not read.
    DateMonthFirst,
    Sex,
    Status,
    Golongan,
    /// A golongan that does not fit the employee's status.
    GolonganStatus {
        status: Status,
    },
    Tingkat,
    /// `Jabatan Struktural` without an eselon to tell its tier.
    StructuralWithoutEselon,
    /// Not an eselon (I.a .. V.b).
    Eselon,
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

/// From how many rows one cause (the same trouble in the same column of the
/// same file) is said once, with the count and the lines, instead of per row.
pub const GROUP_AT: usize = 5;

/// A line of the list of problems as shown to a person: one problem, or one
/// cause that damaged many rows, or the rows that only refer to bad rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown<'a> {
    One(&'a Problem),
    /// `count` rows of one file with the same trouble in one column, from
    /// `first`'s line to `last_line`; `first` gives the value quoted.
    Many {
        first: &'a Problem,
        count: usize,
        last_line: u64,
    },
    /// `count` rows of `file`, lines `first_line` to `last_line`, that refer
    /// to employees or positions whose own rows have problems.
    Consequential {
        file: &'a str,
        count: usize,
        first_line: u64,
        last_line: u64,
    },
}

/// The problems as they are best shown: in their order, but each cause that
/// damaged [`GROUP_AT`] rows or more of a file's column once (at its first
/// row), and a file's rows that refer to bad rows counted once when there
/// are two or more. File-level problems are always shown one by one.
pub fn group(problems: &[Problem]) -> Vec<Shown<'_>> {
    use std::collections::HashMap;
    let key = |p: &Problem| match p.kind {
        ProblemKind::RefersToInvalidRow { .. } => format!("{}\0refers", p.file),
        _ => format!("{}\0{}\0{:?}", p.file, p.column, p.kind),
    };
    // Per cause: rows, first line, last line.
    let mut causes: HashMap<String, (usize, u64, u64)> = HashMap::new();
    for p in problems.iter().filter(|p| !p.is_file_level()) {
        let e = causes.entry(key(p)).or_insert((0, p.line, p.line));
        e.0 += 1;
        e.1 = e.1.min(p.line);
        e.2 = e.2.max(p.line);
    }
    let mut shown = Vec::new();
    let mut done = std::collections::HashSet::new();
    for p in problems {
        if p.is_file_level() {
            shown.push(Shown::One(p));
            continue;
        }
        let k = key(p);
        let (count, first_line, last_line) = causes[&k];
        let refers = matches!(p.kind, ProblemKind::RefersToInvalidRow { .. });
        let grouped = if refers {
            count >= 2
        } else {
            count >= GROUP_AT
        };
        if !grouped {
            shown.push(Shown::One(p));
        } else if done.insert(k) {
            shown.push(if refers {
                Shown::Consequential {
                    file: &p.file,
                    count,
                    first_line,
                    last_line,
                }
            } else {
                Shown::Many {
                    first: p,
                    count,
                    last_line,
                }
            });
        }
    }
    shown
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
    fn one_cause_on_many_rows_is_shown_once() {
        let nip = |line| Problem::new("p.xlsx", line, "nip", ProblemKind::NipAsNumber, "1.9E+17");
        let refers = |line| {
            Problem::new(
                "k.csv",
                line,
                "nip",
                ProblemKind::RefersToInvalidRow {
                    file: "p.xlsx".into(),
                    line: line + 1,
                },
                "1",
            )
        };
        let mut all: Vec<Problem> = (2..=9).map(nip).collect();
        all.insert(
            3,
            Problem::new("p.xlsx", 4, "nama", ProblemKind::Required, ""),
        );
        all.push(Problem::new(
            "p.xlsx",
            0,
            "x",
            ProblemKind::MissingColumn,
            "",
        ));
        all.extend((2..=4).map(refers));
        let g = group(&all);
        assert_eq!(g.len(), 4, "{g:#?}");
        assert_eq!(
            g[0],
            Shown::Many {
                first: &all[0],
                count: 8,
                last_line: 9
            }
        );
        assert_eq!(g[1], Shown::One(&all[3]), "a single problem stays as it is");
        assert_eq!(g[2], Shown::One(&all[9]));
        assert_eq!(
            g[3],
            Shown::Consequential {
                file: "k.csv",
                count: 3,
                first_line: 2,
                last_line: 4
            }
        );
        // Below the threshold, each row is listed.
        let few: Vec<Problem> = (2..=5).map(nip).collect();
        assert!(group(&few).iter().all(|s| matches!(s, Shown::One(_))));
    }

    #[test]
    fn file_level_kinds() {
        assert!(ProblemKind::MissingColumn.is_file_level());
        assert!(!ProblemKind::Required.is_file_level());
    }
}
