//! Checks across rows: the same key twice in one import, and references to
//! employees and positions, which must be in this import or in the database.
//!
//! Rows are checked as they are parsed, file by file in processing order
//! (employees and positions before the files that refer to them), so a
//! file's rows need not be kept as cells: [`Checks::row`] flags a repeated
//! key while the row's cells are at hand, and returns the references this
//! import does not provide with a valid row; [`Checks::resolve`] looks those
//! up in the database once all files are read.

use super::columns::{ColumnMap, Field, FileKind};
use super::keys::{self, At, KeySet, Runs};
use super::names::{NameId, Names};
use super::parse::{key_columns, key_value, Key, ParsedRow, Record, Target};
use super::problem::{Problem, ProblemKind};
use super::source::SourceRow;
use crate::domain::search::Bitset;
use crate::store::records::{has_employee, has_position};
use chrono::NaiveDate;
use foldhash::HashMap;
use rusqlite::Connection;

/// Where an employee or position of this import comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A row without problems.
    Valid,
    /// The first row naming it, which has problems: `(file, line)`.
    Invalid(usize, u64),
}

/// Where each employee and position of this import comes from: a valid
/// row's as a bit by its name's number (a million employees take 128 KB),
/// the first invalid row's otherwise.
#[derive(Debug, Default)]
struct Origins {
    /// Bits by name number: employees, positions.
    valid: [Bitset; 2],
    invalid: HashMap<Target, (usize, u64)>,
}

impl Origins {
    fn place(target: Target) -> (usize, usize) {
        match target {
            Target::Employee(n) => (0, n as usize),
            Target::Position(n) => (1, n as usize),
        }
    }

    fn get(&self, target: Target) -> Option<Origin> {
        let (k, i) = Origins::place(target);
        if self.valid[k].get(i) {
            return Some(Origin::Valid);
        }
        self.invalid
            .get(&target)
            .map(|&(file, line)| Origin::Invalid(file, line))
    }

    /// A row gives `target`: a valid row makes it valid; an invalid one is
    /// kept when it is the first row giving it.
    fn add(&mut self, target: Target, origin: Origin) {
        match origin {
            Origin::Valid => {
                let (k, i) = Origins::place(target);
                self.valid[k].insert(i);
            }
            Origin::Invalid(file, line) => {
                if self.get(target).is_none() {
                    self.invalid.insert(target, (file, line));
                }
            }
        }
    }
}

/// What the rows checked so far have given.
#[derive(Debug, Default)]
pub struct Checks {
    /// The numbers of the NIPs, codes and training names in keys and references.
    pub names: Names,
    /// The files' names, by the number [`Checks::file`] gave them.
    files: Vec<String>,
    /// Each key's first row, by the key's kind; only the keys of the
    /// files of one kind are kept, as no key of one kind equals another's.
    seen: Vec<(u8, KeySet)>,
    /// Room for the keys of the file being read.
    rows: usize,
    /// The kind of the files being read.
    kind: Option<FileKind>,
    /// How many rows gave each training key so far (runs of one course).
    runs: Runs,
    /// Employee rows whose NIP a spreadsheet stored as a number, by the
    /// digits that survived (the first 15): `(file, line)` of the first.
    damaged: HashMap<String, (usize, u64)>,
    origins: Origins,
    in_db: HashMap<Target, bool>,
    /// The valid position history spans so far, by employee: start, last
    /// day (`None`: current), `(file, line)`.
    spans: HashMap<NameId, Vec<Span>>,
}

/// A position history span and where it was given.
type Span = (NaiveDate, Option<NaiveDate>, (usize, u64));

impl Checks {
    /// A file whose rows come next, of `kind` (the files of one kind come
    /// one after another: see `import_paths`), with about `rows` rows (its
    /// lines: room for their keys is made at once, not by doubling the map
    /// again and again); its number for [`Checks::row`].
    pub fn file(&mut self, name: &str, kind: Option<FileKind>, rows: usize) -> usize {
        if kind != self.kind {
            // The keys of the files before are of another kind: none of
            // this file's can equal them (the memory is given back).
            self.seen = Vec::new();
            self.runs = Runs::default();
            self.spans = HashMap::default();
            self.kind = kind;
        }
        match kind {
            Some(FileKind::Pelatihan) => self.runs.reserve(rows),
            Some(_) => self.rows = rows,
            None => {}
        }
        self.files.push(name.to_string());
        self.files.len() - 1
    }

    /// Check a row of `file` (the rows of all files in processing order, each
    /// once): a key seen before gets a problem naming the first line that gave
    /// it, and loses its record. Returns the row's reference when this import
    /// has no valid row for it (so far: employees and positions come first),
    /// to be looked up with [`Checks::resolve`].
    pub fn row(
        &mut self,
        file: usize,
        cols: &ColumnMap,
        src: &SourceRow,
        row: &mut ParsedRow,
    ) -> Option<Target> {
        if let Some(Key::Training(nip, tahun, name)) = row.key {
            // Another run of the same course in the same year is a record of
            // its own, numbered in file order (so the same file numbers the
            // same way again); rows with problems keep their number too.
            let n = self.runs.next(nip, tahun, name);
            if let Some(Record::Training(t)) = &mut row.record {
                t.urutan = n;
            }
        } else if let Some(key) = row.key {
            if let Some((kind, packed)) = keys::packed(key) {
                let set = match self.seen.iter().position(|(k, _)| *k == kind) {
                    Some(i) => &mut self.seen[i].1,
                    None => {
                        self.seen.push((kind, KeySet::with_capacity(self.rows)));
                        &mut self.seen.last_mut().expect("just pushed").1
                    }
                };
                if let Some(first) = set.first_or_add(packed, At::new(file, row.line)) {
                    row.problems.push(Problem::new(
                        &self.files[file],
                        row.line,
                        &key_columns(cols, row.key_fields),
                        ProblemKind::Duplicate {
                            file: self.files[first.file()].clone(),
                            line: first.line(),
                        },
                        key_value(cols, src, row.key_fields),
                    ));
                    row.record = None;
                }
            }
            let target = match key {
                Key::Employee(nip) => Some(Target::Employee(nip)),
                Key::Position(kode) => Some(Target::Position(kode)),
                _ => None,
            };
            if let Some(target) = target {
                let origin = if row.problems.is_empty() && row.record.is_some() {
                    Origin::Valid
                } else {
                    Origin::Invalid(file, row.line)
                };
                self.origins.add(target, origin);
            }
        }
        self.overlap(file, cols, src, row);
        let target = row.reference?;
        (self.origins.get(target) != Some(Origin::Valid)).then_some(target)
    }

    /// An employee row at `line` of `file` whose NIP a spreadsheet turned
    /// into a number, quoted as `value` (`1.98609262015051E+17`, or written
    /// out, `198609262015051000`): when 15 digits survived,
    /// references to a NIP starting with them are said to refer to that row,
    /// not to nobody.
    pub fn damaged_nip(&mut self, file: usize, line: u64, value: &str) {
        if let Some(digits) = surviving_digits(value) {
            self.damaged.entry(digits).or_insert((file, line));
        }
    }

    /// A valid position history row whose span overlaps an earlier one of
    /// the same employee gets a problem naming that row, and loses its record.
    fn overlap(&mut self, file: usize, cols: &ColumnMap, src: &SourceRow, row: &mut ParsedRow) {
        let (Some(Key::History(nip, start)), Some(Record::History(h))) = (row.key, &row.record)
        else {
            return;
        };
        let end = h.end;
        let spans = self.spans.entry(nip).or_default();
        let clash = spans.iter().find(|(s, e, _)| {
            start <= e.unwrap_or(NaiveDate::MAX) && *s <= end.unwrap_or(NaiveDate::MAX)
        });
        match clash {
            Some(&(_, _, (first_file, first_line))) => {
                let fields = [Field::TmtMulai, Field::TmtSelesai];
                row.problems.push(Problem::new(
                    &self.files[file],
                    row.line,
                    &key_columns(cols, &fields),
                    ProblemKind::Overlaps {
                        file: self.files[first_file].clone(),
                        line: first_line,
                    },
                    key_value(cols, src, &fields),
                ));
                row.record = None;
            }
            None => spans.push((start, end, (file, row.line))),
        }
    }

    /// A reference that [`Checks::row`] returned, once every file is checked:
    /// `None` when the database has the employee or position, otherwise what
    /// is wrong.
    pub fn resolve(
        &mut self,
        conn: &Connection,
        target: Target,
    ) -> rusqlite::Result<Option<ProblemKind>> {
        let known = match self.in_db.get(&target) {
            Some(k) => *k,
            None => {
                let k = match target {
                    Target::Employee(nip) => has_employee(conn, self.names.text(nip))?,
                    Target::Position(kode) => has_position(conn, self.names.text(kode))?,
                };
                self.in_db.insert(target, k);
                k
            }
        };
        if known {
            return Ok(None);
        }
        let damaged = match target {
            Target::Employee(nip) if !self.damaged.is_empty() => {
                spreadsheet_forms(self.names.text(nip))
                    .into_iter()
                    .flatten()
                    .find_map(|d| self.damaged.get(&d))
            }
            _ => None,
        };
        Ok(Some(match (self.origins.get(target), target) {
            (Some(Origin::Invalid(file, line)), _) => ProblemKind::RefersToInvalidRow {
                file: self.files[file].clone(),
                line,
            },
            (_, Target::Employee(_)) if damaged.is_some() => {
                let (file, line) = damaged.copied().unwrap_or_default();
                ProblemKind::RefersToInvalidRow {
                    file: self.files[file].clone(),
                    line,
                }
            }
            (_, Target::Employee(_)) => ProblemKind::UnknownEmployee,
            (_, Target::Position(_)) => ProblemKind::UnknownPosition,
        }))
    }

    /// The text of a target (its NIP or code), for quoting in a problem.
    pub fn text(&self, target: Target) -> &str {
        match target {
            Target::Employee(n) | Target::Position(n) => self.names.text(n),
        }
    }
}

/// The significant digits a spreadsheet keeps of a number.
const SURVIVING: usize = 15;

/// A number as the spreadsheet keeps it: its first [`SURVIVING`] significant
/// digits, rounded.
fn fifteen(v: f64) -> String {
    let e = format!("{:.*e}", SURVIVING - 1, v);
    e.chars()
        .take_while(|c| *c != 'e')
        .filter(|c| c.is_ascii_digit())
        .collect()
}

/// What is left of a NIP a spreadsheet turned into a number, when all its
/// [`SURVIVING`] digits are: from `198609262015051000` (written out) or
/// `1.98609262015051E+17`; `None` for `1.98609E+17`.
fn surviving_digits(value: &str) -> Option<String> {
    let v = value.trim();
    if v.len() == 18 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<f64>().ok().map(fifteen);
    }
    let (mantissa, exp) = v.split_once(['E', 'e'])?;
    let digits = mantissa.chars().filter(|c| c.is_ascii_digit()).count();
    if exp.trim_start_matches('+') != "17" || digits < SURVIVING {
        return None;
    }
    let n: f64 = format!("{}e17", mantissa.replace(',', ".")).parse().ok()?;
    Some(fifteen(n))
}

/// The forms a NIP can take once a spreadsheet keeps [`SURVIVING`] digits
/// of it: rounded (LibreOffice) or cut (Excel).
fn spreadsheet_forms(nip: &str) -> [Option<String>; 2] {
    [
        nip.parse::<f64>().ok().map(fifteen),
        nip.get(..SURVIVING).map(str::to_string),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_that_survive_a_spreadsheet() {
        use super::surviving_digits as s;
        assert_eq!(s("198609262015051008").as_deref(), Some("198609262015051"));
        assert_eq!(
            s("1.98609262015051E+17").as_deref(),
            Some("198609262015051")
        );
        assert_eq!(
            s("1,98609262015051E+17").as_deref(),
            Some("198609262015051")
        );
        // An f64 near 1.97803142003122E+17, as a number cell quotes it.
        assert_eq!(s("197803142003121984").as_deref(), Some("197803142003122"));
        let forms = super::spreadsheet_forms("197803142003122602");
        assert_eq!(forms[0].as_deref(), Some("197803142003123"), "rounded");
        assert_eq!(forms[1].as_deref(), Some("197803142003122"), "cut");
        assert_eq!(s("1.98609E+17"), None);
        assert_eq!(s("1.98609262015051E+16"), None);
        assert_eq!(s("19860926"), None);
    }

    use super::super::columns::{match_header, FileKind};
    use super::super::parse::Record;
    use super::*;
    use crate::store::{OpenMode, Store};

    fn row(line: u64, key: Option<Key>, reference: Option<Target>, ok: bool) -> ParsedRow {
        ParsedRow {
            line,
            record: ok.then(|| {
                Record::Skp(crate::store::records::SkpRec {
                    nip: "1".into(),
                    tahun: 2020,
                    predikat: crate::domain::Predikat::Baik,
                })
            }),
            key,
            key_fields: &[super::super::columns::Field::Nip],
            reference,
            problems: if ok {
                vec![]
            } else {
                vec![Problem::new("x", line, "", ProblemKind::Required, "")]
            },
        }
    }

    fn cols() -> (ColumnMap, SourceRow) {
        let (cols, _) = match_header(FileKind::Pegawai, &["nip".to_string()]);
        let src = SourceRow {
            line: 0,
            cells: vec![super::super::source::Cell::Text("v".into())],
            issues: vec![],
        };
        (cols, src)
    }

    fn kinds(rows: &[ParsedRow]) -> Vec<Vec<ProblemKind>> {
        rows.iter()
            .map(|r| r.problems.iter().map(|p| p.kind.clone()).collect())
            .collect()
    }

    #[test]
    fn duplicates_name_the_first_line_across_files() {
        let (cols, src) = cols();
        let mut c = Checks::default();
        let k = Some(Key::Employee(c.names.id("1")));
        let a = c.file("a.csv", Some(FileKind::Pegawai), 2);
        let mut first = vec![row(2, k, None, true), row(3, None, None, true)];
        for r in &mut first {
            c.row(a, &cols, &src, r);
        }
        let b = c.file("b.csv", Some(FileKind::Pegawai), 1);
        let mut second = row(5, k, None, true);
        c.row(b, &cols, &src, &mut second);
        assert!(first.iter().all(|r| r.problems.is_empty()));
        assert!(second.record.is_none());
        assert_eq!(
            kinds(&[second.clone()])[0],
            vec![ProblemKind::Duplicate {
                file: "a.csv".into(),
                line: 2
            }]
        );
        assert_eq!(second.problems[0].column, "nip");
        assert_eq!(second.problems[0].value, "v");
    }

    #[test]
    fn references_resolve_to_import_database_or_problem() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(&d.path().join("t.db"), OpenMode::Create).unwrap();
        s.conn
            .execute_batch(
                "INSERT INTO unit (id, nama) VALUES (1, 'U');
                 INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan, tingkat_jabatan, unit_id, pendidikan)
                 VALUES ('db', 'A', 'L', '1980-01-01', 'PNS', 'III/a', 'J', 'Pelaksana', 1, 'S1');",
            )
            .unwrap();
        let (cols, src) = cols();
        let mut c = Checks::default();
        let mut e = |s: &str| c.names.id(s);
        let (ok, bad, db, nobody) = (e("ok"), e("bad"), e("db"), e("nobody"));
        let j1 = c.names.id("J1");
        let pegawai = c.file("pegawai.csv", Some(FileKind::Pegawai), 2);
        for mut r in [
            row(2, Some(Key::Employee(ok)), None, true),
            row(3, Some(Key::Employee(bad)), None, false),
        ] {
            assert_eq!(c.row(pegawai, &cols, &src, &mut r), None);
        }
        let kinerja = c.file("kinerja.csv", Some(FileKind::Kinerja), 5);
        let mut rows = vec![
            row(2, None, Some(Target::Employee(ok)), true),
            row(3, None, Some(Target::Employee(db)), true),
            row(4, None, Some(Target::Employee(bad)), true),
            row(5, None, Some(Target::Employee(nobody)), true),
            row(6, None, Some(Target::Position(j1)), true),
        ];
        let mut got = Vec::new();
        for r in &mut rows {
            got.push(match c.row(kinerja, &cols, &src, r) {
                Some(t) => c.resolve(&s.conn, t).unwrap(),
                None => None,
            });
        }
        assert_eq!(
            got,
            vec![
                None,
                None,
                Some(ProblemKind::RefersToInvalidRow {
                    file: "pegawai.csv".into(),
                    line: 3
                }),
                Some(ProblemKind::UnknownEmployee),
                Some(ProblemKind::UnknownPosition),
            ]
        );
        assert_eq!(c.text(Target::Employee(nobody)), "nobody");
    }
}
