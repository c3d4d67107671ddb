//! Dates written month first (MM/DD/YYYY, as an English-locale spreadsheet
//! saves them; issue 20): the dates that read either way (`05/06/1969`) are
//! refused with the column named, not read day first without a word; a
//! day-first file is read as before.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use talenta::import::{import_paths, ImportOptions, ImportReport};
use talenta::store::{Actor, OpenMode, Store};
use tempfile::TempDir;

/// The employees of the `valid_comma` fixture with `tanggal_lahir` written
/// by `date` (from its ISO form), plus five women born on days whose day
/// and month are both 12 or below, in a folder of their own.
fn pegawai(date: impl Fn(&str, usize) -> String) -> (TempDir, PathBuf) {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/valid_comma/pegawai.csv");
    let text = std::fs::read_to_string(fixture).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let template = text.lines().nth(4).unwrap().to_string();
    let mut rows: Vec<String> = lines.map(str::to_string).collect();
    for (i, (m, d)) in [(2, 3), (4, 5), (6, 7), (8, 9), (10, 11)]
        .iter()
        .enumerate()
    {
        let iso = format!("{}-{m:02}-{d:02}", 1971 + i);
        let nip = format!("{}2019032{:03}", iso.replace('-', ""), 100 + i);
        rows.push(
            template
                .replacen("199201082019032004", &nip, 1)
                .replacen("1992-01-08", &iso, 1),
        );
    }
    let mut out = vec![header.to_string()];
    for (i, row) in rows.iter().enumerate() {
        // The date is the fourth field; names may hold commas, so find it by its form.
        let iso = row
            .split(',')
            .find(|f| f.len() == 10 && f.as_bytes()[4] == b'-' && f.starts_with("19"))
            .unwrap();
        out.push(row.replacen(iso, &date(iso, i), 1));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pegawai.csv");
    std::fs::write(&path, out.join("\n") + "\n").unwrap();
    (dir, path)
}

fn month_first(iso: &str) -> String {
    format!("{}/{}/{}", &iso[5..7], &iso[8..10], &iso[0..4])
}

fn day_first(iso: &str) -> String {
    format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
}

fn store() -> (TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&d.path().join("talenta.db"), OpenMode::Create).unwrap();
    (d, s)
}

fn import(s: &mut Store, path: &Path, skip_invalid: bool) -> ImportReport {
    let actor = Actor {
        name: "Sekretaris BKD".into(),
        os_user: "bkd".into(),
        key: None,
    };
    let opts = ImportOptions {
        skip_invalid,
        ..ImportOptions::new(2025)
    };
    import_paths(s, &[path.to_path_buf()], &opts, &actor).expect("the import runs")
}

fn birth_dates(s: &Store) -> Vec<(String, String)> {
    let mut q = s
        .conn
        .prepare("SELECT nip, tanggal_lahir FROM employee ORDER BY nip")
        .unwrap();
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn month_first_dates_that_read_either_way_are_refused_as_one_cause() {
    assert_eq!(month_first("1992-01-08"), "01/08/1992");
    // The first two employees keep their ISO dates, the others are month first.
    let (_dir, path) = pegawai(|iso, i| {
        if i < 2 {
            iso.to_string()
        } else {
            month_first(iso)
        }
    });
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    let out = Command::cargo_bin("talenta")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "import"])
        .arg(&path)
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let p = path.display();
    assert!(
        err.contains(&format!("{p}: tanggal_lahir: not a certain date: this column appears to be written month first (MM/DD/YYYY), so the day and month of this date (both 12 or below) cannot be told apart (6 rows, lines 5 to 12; the first: 01/08/1992)")),
        "{err}"
    );
    assert!(
        err.contains("To fix: this column appears to be written month first"),
        "{err}"
    );
    // The rows that can only be month first are refused as before.
    assert!(
        err.contains(&format!("{p}:4: tanggal_lahir: not a date")),
        "{err}"
    );

    let (_t, mut s) = store();
    let r = import(&mut s, &path, true);
    assert!(r.written);
    assert_eq!(
        birth_dates(&s),
        vec![
            ("197803142003122002".to_string(), "1978-03-14".to_string()),
            ("198609262015051001".to_string(), "1986-09-26".to_string()),
        ],
        "only the employees whose dates are certain are written"
    );
}

#[test]
fn a_day_first_file_without_a_month_first_date_imports_as_before() {
    let (_dir, path) = pegawai(|iso, _| day_first(iso));
    let (_t, mut s) = store();
    let r = import(&mut s, &path, false);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.written);
    let dates = birth_dates(&s);
    assert_eq!(dates.len(), 11);
    assert!(dates.contains(&("199201082019032004".into(), "1992-01-08".into())));
    assert!(dates.contains(&("197102032019032100".into(), "1971-02-03".into())));
}
