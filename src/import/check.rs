//! Checks across rows: the same key twice in one import, and references to
//! employees and positions, which must be in this import or in the database.

use super::parse::{Key, ParsedRow, Record, Target};
use super::problem::{Problem, ProblemKind};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The rows of one file, as parsed.
pub struct FileRows {
    pub name: String,
    pub rows: Vec<ParsedRow>,
}

/// Where an employee or position of this import comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    /// A row without problems.
    Valid,
    /// The first row naming it, which has problems: `(file, line)`.
    Invalid(String, u64),
}

/// Flag repeated keys, naming the first line that gave the key. Files are
/// taken in the order given (processing order), rows in file order.
pub fn duplicates(files: &mut [FileRows]) {
    let mut seen: HashMap<Key, (usize, u64)> = HashMap::new();
    for fi in 0..files.len() {
        for ri in 0..files[fi].rows.len() {
            let Some(key) = files[fi].rows[ri].key.clone() else {
                continue;
            };
            match seen.get(&key) {
                None => {
                    seen.insert(key, (fi, files[fi].rows[ri].line));
                }
                Some(&(first_file, first_line)) => {
                    let first = files[first_file].name.clone();
                    let f = &mut files[fi];
                    let row = &mut f.rows[ri];
                    row.problems.push(Problem::new(
                        &f.name,
                        row.line,
                        &row.key_columns,
                        ProblemKind::Duplicate {
                            file: first,
                            line: first_line,
                        },
                        &row.key_value,
                    ));
                    row.record = None;
                }
            }
        }
    }
}

/// Check every reference against the employees and positions of this import
/// (after [`duplicates`]) and, failing that, the database.
pub fn references(conn: &Connection, files: &mut [FileRows]) -> rusqlite::Result<()> {
    let mut origins: HashMap<Target, Origin> = HashMap::new();
    for f in files.iter() {
        for row in &f.rows {
            let target = match &row.key {
                Some(Key::Employee(nip)) => Target::Employee(nip.clone()),
                Some(Key::Position(kode)) => Target::Position(kode.clone()),
                _ => continue,
            };
            let origin = if row.problems.is_empty() && row.record.is_some() {
                Origin::Valid
            } else {
                Origin::Invalid(f.name.clone(), row.line)
            };
            match origins.get(&target) {
                Some(Origin::Valid) => {}
                Some(Origin::Invalid(..)) if origin != Origin::Valid => {}
                _ => {
                    origins.insert(target, origin);
                }
            }
        }
    }
    let mut in_db: HashMap<Target, bool> = HashMap::new();
    let mut employee = conn.prepare_cached("SELECT 1 FROM employee WHERE nip = ?1")?;
    let mut position = conn.prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?;
    for f in files.iter_mut() {
        for row in &mut f.rows {
            let Some(r) = &row.reference else { continue };
            if origins.get(&r.target) == Some(&Origin::Valid) {
                continue;
            }
            let known = match in_db.get(&r.target) {
                Some(k) => *k,
                None => {
                    let k = match &r.target {
                        Target::Employee(nip) => employee.query_row([nip], |_| Ok(())),
                        Target::Position(kode) => position.query_row([kode], |_| Ok(())),
                    }
                    .optional()?
                    .is_some();
                    in_db.insert(r.target.clone(), k);
                    k
                }
            };
            if known {
                continue;
            }
            let kind = match (origins.get(&r.target), &r.target) {
                (Some(Origin::Invalid(file, line)), _) => ProblemKind::RefersToInvalidRow {
                    file: file.clone(),
                    line: *line,
                },
                (_, Target::Employee(_)) => ProblemKind::UnknownEmployee,
                (_, Target::Position(_)) => ProblemKind::UnknownPosition,
            };
            row.problems
                .push(Problem::new(&f.name, row.line, &r.column, kind, &r.value));
            row.record = None;
        }
    }
    Ok(())
}

/// The records of rows without problems, in file and row order.
pub fn valid_records(files: &[FileRows]) -> impl Iterator<Item = &Record> {
    files
        .iter()
        .flat_map(|f| f.rows.iter())
        .filter(|r| r.problems.is_empty())
        .filter_map(|r| r.record.as_ref())
}

#[cfg(test)]
mod tests {
    use super::super::parse::Reference;
    use super::*;
    use crate::store::{OpenMode, Store};

    fn row(line: u64, key: Option<Key>, reference: Option<Target>, ok: bool) -> ParsedRow {
        ParsedRow {
            line,
            record: None,
            key,
            key_columns: "nip".into(),
            key_value: "v".into(),
            reference: reference.map(|t| Reference {
                target: t,
                column: "nip".into(),
                value: "v".into(),
            }),
            problems: if ok {
                vec![]
            } else {
                vec![Problem::new("x", line, "", ProblemKind::Required, "")]
            },
        }
    }

    fn kinds(f: &FileRows) -> Vec<Vec<ProblemKind>> {
        f.rows
            .iter()
            .map(|r| r.problems.iter().map(|p| p.kind.clone()).collect())
            .collect()
    }

    #[test]
    fn duplicates_name_the_first_line_across_files() {
        let k = || Some(Key::Employee("1".into()));
        let mut files = vec![
            FileRows {
                name: "a.csv".into(),
                rows: vec![row(2, k(), None, true), row(3, None, None, true)],
            },
            FileRows {
                name: "b.csv".into(),
                rows: vec![row(5, k(), None, true)],
            },
        ];
        duplicates(&mut files);
        assert!(files[0].rows.iter().all(|r| r.problems.is_empty()));
        assert_eq!(
            kinds(&files[1])[0],
            vec![ProblemKind::Duplicate {
                file: "a.csv".into(),
                line: 2
            }]
        );
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
        let e = |s: &str| Target::Employee(s.into());
        let mut files = vec![
            FileRows {
                name: "pegawai.csv".into(),
                rows: vec![
                    {
                        let mut r = row(2, Some(Key::Employee("ok".into())), None, true);
                        r.record = Some(Record::Skp(crate::store::records::SkpRec {
                            nip: "ok".into(),
                            tahun: 2020,
                            predikat: crate::domain::Predikat::Baik,
                        }));
                        r
                    },
                    row(3, Some(Key::Employee("bad".into())), None, false),
                ],
            },
            FileRows {
                name: "kinerja.csv".into(),
                rows: vec![
                    row(2, None, Some(e("ok")), true),
                    row(3, None, Some(e("db")), true),
                    row(4, None, Some(e("bad")), true),
                    row(5, None, Some(e("nobody")), true),
                    row(6, None, Some(Target::Position("J1".into())), true),
                ],
            },
        ];
        references(&s.conn, &mut files).unwrap();
        assert_eq!(
            kinds(&files[1]),
            vec![
                vec![],
                vec![],
                vec![ProblemKind::RefersToInvalidRow {
                    file: "pegawai.csv".into(),
                    line: 3
                }],
                vec![ProblemKind::UnknownEmployee],
                vec![ProblemKind::UnknownPosition],
            ]
        );
    }
}
