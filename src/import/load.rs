//! Reading the files: first each file's bytes and kind (so the files can be
//! put in processing order), then each file's rows, parsed and checked as
//! they are read, their records collected into one [`Records`].

use super::check::Checks;
use super::columns::{self, ColumnMap};
use super::parse::{self, Record, Target};
use super::problem::{Problem, ProblemKind};
use super::source::{self, Item};
use super::{extension, Ext, FileKind, FileReport, ImportError, ImportOptions, Progress};
use crate::store::records::Batch;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A file read, its kind known (when the name or the header tells it).
pub struct Input {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub kind: Option<FileKind>,
}

impl Input {
    pub fn read(path: &Path) -> Result<Input, ImportError> {
        let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Input::of(path, bytes))
    }

    /// The kind by the file's name, else (when the file is readable) by its header.
    pub fn of(path: &Path, bytes: Vec<u8>) -> Input {
        let kind = FileKind::from_file_name(&file_name(path)).or_else(|| {
            let ext = extension(path)?;
            let mut kind = None;
            let _ = source::visit(&bytes, ext == Ext::Xlsx, &|_| {}, &mut |item| {
                if let Item::Header { names, .. } = item {
                    kind = FileKind::from_header(names);
                }
                false
            });
            kind
        });
        Input {
            path: path.to_path_buf(),
            bytes,
            kind,
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Where a record went in [`Records`]: its kind's vector and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot(u8, usize);

/// The records of valid rows, by kind, in processing order.
#[derive(Default)]
pub struct Records(pub Batch);

impl Records {
    fn push(&mut self, r: Record) -> Slot {
        let b = &mut self.0;
        macro_rules! put {
            ($n:expr, $v:ident, $x:expr) => {{
                b.$v.push($x);
                Slot($n, b.$v.len() - 1)
            }};
        }
        match r {
            Record::Employee(x) => put!(0, employees, x),
            Record::Skp(x) => put!(1, skp, x),
            Record::Competency(x) => put!(2, competencies, x),
            Record::Potential(x) => put!(3, potentials, x),
            Record::Training(x) => put!(4, trainings, x),
            Record::Position(x) => put!(5, positions, x),
            Record::Requirement(x) => put!(6, requirements, x),
        }
    }

    /// How many records of each kind there are.
    fn lens(&self) -> [usize; 7] {
        let b = &self.0;
        [
            b.employees.len(),
            b.skp.len(),
            b.competencies.len(),
            b.potentials.len(),
            b.trainings.len(),
            b.positions.len(),
            b.requirements.len(),
        ]
    }

    /// Drop the records pushed since [`Records::lens`] gave `lens`.
    fn truncate(&mut self, lens: [usize; 7]) {
        let b = &mut self.0;
        b.employees.truncate(lens[0]);
        b.skp.truncate(lens[1]);
        b.competencies.truncate(lens[2]);
        b.potentials.truncate(lens[3]);
        b.trainings.truncate(lens[4]);
        b.positions.truncate(lens[5]);
        b.requirements.truncate(lens[6]);
    }

    /// Remove records, keeping the others in order.
    pub fn remove(&mut self, mut slots: Vec<Slot>) {
        slots.sort_unstable();
        slots.dedup();
        fn drop_at<T>(v: &mut Vec<T>, kind: u8, slots: &[Slot]) {
            let mut gone = slots.iter().filter(|s| s.0 == kind).map(|s| s.1).peekable();
            let mut i = 0;
            v.retain(|_| {
                let keep = gone.peek() != Some(&i);
                if !keep {
                    gone.next();
                }
                i += 1;
                keep
            });
        }
        let b = &mut self.0;
        drop_at(&mut b.employees, 0, &slots);
        drop_at(&mut b.skp, 1, &slots);
        drop_at(&mut b.competencies, 2, &slots);
        drop_at(&mut b.potentials, 3, &slots);
        drop_at(&mut b.trainings, 4, &slots);
        drop_at(&mut b.positions, 5, &slots);
        drop_at(&mut b.requirements, 6, &slots);
    }
}

/// A reference this import does not provide with a valid row: it must be in
/// the database.
pub struct Pending {
    /// The file, by its place in processing order.
    pub file: usize,
    pub line: u64,
    pub target: Target,
    /// The column that names the target, as the file's header writes it.
    pub column: String,
    /// The row's record, when the row was valid.
    pub slot: Option<Slot>,
}

/// A file read and checked.
pub struct Loaded {
    pub report: FileReport,
    /// Problems with the whole file (then no row was parsed).
    pub file_problems: Vec<Problem>,
    /// The rows' problems, by line.
    pub row_problems: Vec<Problem>,
}

/// Read, parse and check one file's rows (`file`: its place in processing
/// order); valid rows' records go to `records`, references to check against
/// the database to `pending`.
pub fn load(
    input: Input,
    file: usize,
    opts: &ImportOptions,
    progress: &Progress,
    checks: &mut Checks,
    records: &mut Records,
    pending: &mut Vec<Pending>,
) -> Loaded {
    let path = input.path;
    let bytes = input.bytes;
    let name = path.display().to_string();
    let file_name = file_name(&path);
    let problem =
        |line, column: &str, kind, value: &str| Problem::new(&name, line, column, kind, value);
    let mut loaded = Loaded {
        report: FileReport {
            path: path.clone(),
            kind: input.kind,
            sha256: hex::encode(Sha256::digest(&bytes)),
            rows_read: 0,
            rows_valid: 0,
        },
        file_problems: Vec::new(),
        row_problems: Vec::new(),
    };
    let check_file = checks.file(&name);
    let Some(ext) = extension(&path) else {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        loaded
            .file_problems
            .push(problem(0, "", ProblemKind::Unsupported, &ext));
        return loaded;
    };

    progress.phase(bytes.len() as u64, &file_name);
    let kind = input.kind;
    let mut cols: Option<(FileKind, ColumnMap)> = None;
    let first_pending = pending.len();
    let first_records = records.lens();
    let read = source::visit(
        &bytes,
        ext == Ext::Xlsx,
        &|done| progress.set(done),
        &mut |item| {
            match item {
                Item::Header { names, line } => {
                    let Some(kind) = kind else {
                        loaded.file_problems.push(problem(
                            line,
                            "",
                            ProblemKind::UnknownKind,
                            &file_name,
                        ));
                        return true;
                    };
                    let (map, issues) = columns::match_header(kind, names);
                    if issues.is_empty() {
                        cols = Some((kind, map));
                    }
                    for i in issues {
                        loaded
                            .file_problems
                            .push(problem(line, &i.column, i.kind, &i.value));
                    }
                }
                Item::Row(src) => {
                    loaded.report.rows_read += 1;
                    let Some((kind, map)) = &cols else {
                        return true;
                    };
                    let mut row = parse::parse_row(
                        *kind,
                        map,
                        src,
                        &name,
                        opts.current_year,
                        &mut checks.names,
                    );
                    let unresolved = checks.row(check_file, map, src, &mut row);
                    let slot = match row.record.take() {
                        Some(r) if row.problems.is_empty() => {
                            loaded.report.rows_valid += 1;
                            Some(records.push(r))
                        }
                        _ => None,
                    };
                    loaded.row_problems.append(&mut row.problems);
                    if let Some(target) = unresolved {
                        pending.push(Pending {
                            file,
                            line: row.line,
                            target,
                            column: map.name(target.field()).to_string(),
                            slot,
                        });
                    }
                }
            }
            true
        },
    );
    if let Err(issue) = read {
        // Only before the header (see `source::visit`), so no row was read;
        // should one have been, none of the file's rows is kept (as when
        // the file is read whole first).
        loaded.report.rows_read = 0;
        loaded.report.rows_valid = 0;
        loaded.row_problems.clear();
        pending.truncate(first_pending);
        records.truncate(first_records);
        loaded
            .file_problems
            .push(problem(issue.line, "", issue.kind, &issue.value));
    }
    loaded
}

/// Add problems found after a file was read (`late`, by line) to the row
/// problems, each after the problems its row already has.
pub fn merge_by_line(rows: Vec<Problem>, late: Vec<Problem>) -> Vec<Problem> {
    if late.is_empty() {
        return rows;
    }
    let mut out = Vec::with_capacity(rows.len() + late.len());
    let mut late = late.into_iter().peekable();
    for p in rows {
        while let Some(l) = late.next_if(|l| l.line < p.line) {
            out.push(l);
        }
        out.push(p);
    }
    out.extend(late);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::SkpRec;

    fn skp(tahun: u16) -> Record {
        Record::Skp(SkpRec {
            nip: "1".into(),
            tahun,
            predikat: crate::domain::Predikat::Baik,
        })
    }

    #[test]
    fn removing_records_keeps_the_order_of_the_others() {
        let mut r = Records::default();
        let slots: Vec<Slot> = (2000..2006).map(|t| r.push(skp(t))).collect();
        r.remove(vec![slots[4], slots[1], slots[4]]);
        let left: Vec<u16> = r.0.skp.iter().map(|s| s.tahun).collect();
        assert_eq!(left, vec![2000, 2002, 2003, 2005]);
    }

    #[test]
    fn late_problems_follow_their_rows() {
        let p = |line, column: &str| Problem::new("f", line, column, ProblemKind::Required, "");
        let merged = merge_by_line(
            vec![p(2, "a"), p(2, "b"), p(5, "c")],
            vec![p(2, "late"), p(3, "late"), p(9, "late")],
        );
        let got: Vec<(u64, &str)> = merged.iter().map(|p| (p.line, p.column.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, "a"),
                (2, "b"),
                (2, "late"),
                (3, "late"),
                (5, "c"),
                (9, "late")
            ]
        );
    }
}
