//! Files made the way HR admins make them (issue 20): a workbook saved by
//! LibreOffice with the NIPs turned into numbers, a `;` CSV with two-digit
//! years from an Indonesian-locale spreadsheet, SIASN's own hundred-column
//! employee export, and a training file with two runs of one course. What a
//! person reads: one line per cause with the count and the lines, how to
//! mend the export, the summary per file; and what is stored.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use talenta::cli::import::{shown_lines, summary};
use talenta::import::{import_paths, FileKind, ImportOptions, ImportReport, Outcome};
use talenta::lang::Lang;
use talenta::store::audit::{self, Verdict};
use talenta::store::{Actor, OpenMode, Store};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn store() -> (TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&d.path().join("talenta.db"), OpenMode::Create).unwrap();
    (d, s)
}

fn import(s: &mut Store, paths: &[PathBuf], skip_invalid: bool) -> ImportReport {
    let actor = Actor {
        name: "Sekretaris BKD".into(),
        os_user: "bkd".into(),
        key: None,
    };
    let opts = ImportOptions {
        skip_invalid,
        ..ImportOptions::new(2025)
    };
    import_paths(s, paths, &opts, &actor).expect("the import runs")
}

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db")
        .arg(db)
        .arg("--lang")
        .arg("en")
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml");
    c
}

fn count(s: &Store, sql: &str) -> i64 {
    s.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The lines shown for a refused import of `dir`, in English.
fn shown(dir: &Path) -> (ImportReport, Vec<String>) {
    let (_d, mut s) = store();
    let r = import(&mut s, &[dir.to_path_buf()], false);
    assert_eq!(r.outcome, Outcome::Refused);
    let lines = shown_lines(Lang::En, &r.problems);
    (r, lines)
}

/// The NIP column of a workbook LibreOffice saved: one line for the cause
/// with the count and the lines, how to fix it, and the kinerja rows that
/// refer to those employees counted, not listed.
fn assert_numeric_nips_said_once(dir: &Path, pegawai: &str) {
    let (r, lines) = shown(dir);
    assert_eq!(r.problems.len(), 6 + 12, "every row still has its problem");
    let p = dir.join(pegawai).display().to_string();
    let k = dir.join("kinerja.csv").display().to_string();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(
        lines[0],
        format!(
            "{p}: nip: the NIP is stored as a number and has lost digits; format the column as text and enter the NIPs again (6 rows, lines 2 to 7; the first: 1.98609262015051E+17)"
        )
    );
    assert!(lines[1].starts_with("  To fix: the spreadsheet stored the NIPs as numbers."));
    assert!(lines[1].contains("format the NIP column as Text"));
    assert_eq!(
        lines[2],
        format!("{k}: 12 rows (lines 2 to 13) refer to employees or positions whose own rows have problems (above); they are imported once those rows are fixed")
    );
    let id = shown_lines(Lang::Id, &r.problems);
    assert!(id[0].contains("(6 baris, baris 2 sampai 7; yang pertama: "));
    assert!(id[1].starts_with("  Perbaikan: "));
    assert!(id[2].contains("12 baris (baris 2 sampai 13) merujuk"));
}

#[test]
fn a_workbook_saved_by_libreoffice_says_each_cause_once() {
    let dir = fixture("libreoffice");
    assert_numeric_nips_said_once(&dir, "pegawai.xlsx");
}

#[test]
fn a_fresh_libreoffice_conversion_says_the_same() {
    let soffice = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("soffice"))
            .find(|p| p.is_file())
    });
    let Some(soffice) = soffice else {
        eprintln!("skipped: soffice (LibreOffice) is not installed; the committed workbook is checked instead");
        return;
    };
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("set");
    std::fs::create_dir(&out).unwrap();
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            d.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&out)
        .arg(fixture("libreoffice_source/pegawai.csv"))
        .env("HOME", d.path())
        .output()
        .expect("soffice runs");
    if !out.join("pegawai.xlsx").is_file() {
        eprintln!(
            "skipped: soffice could not convert ({}): {}",
            status.status,
            String::from_utf8_lossy(&status.stderr)
        );
        return;
    }
    std::fs::copy(fixture("libreoffice/kinerja.csv"), out.join("kinerja.csv")).unwrap();
    assert_numeric_nips_said_once(&out, "pegawai.xlsx");
}

#[test]
fn nips_saved_as_numbers_by_an_indonesian_locale_csv_are_one_cause_per_file() {
    let dir = fixture("id_locale_numeric_nip");
    let (r, lines) = shown(&dir);
    assert_eq!(r.problems.len(), 12);
    let p = dir.join("pegawai.csv").display().to_string();
    let k = dir.join("kinerja.csv").display().to_string();
    assert_eq!(lines.len(), 3, "the way to fix it is said once: {lines:#?}");
    assert_eq!(
        lines[0],
        format!("{p}: NIP: the NIP is stored as a number and has lost digits; format the column as text and enter the NIPs again (6 rows, lines 2 to 7; the first: 1,98609262015051E+17)")
    );
    assert!(lines[1].starts_with("  To fix: "));
    assert!(
        lines[2].starts_with(&format!("{k}: NIP: the NIP is stored as a number")),
        "{}",
        lines[2]
    );
    assert!(lines[2].ends_with("(6 rows, lines 2 to 7; the first: 1,98609262015051E+17)"));
}

#[test]
fn skip_invalid_that_keeps_no_employee_exits_2_and_writes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    let out = talenta(&db)
        .args(["import", "--skip-invalid"])
        .arg(fixture("libreoffice"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Nothing was written: not one employee row could be read"),
        "{err}"
    );
    assert!(err.contains("6 rows, lines 2 to 7"), "{err}");
    assert!(err.starts_with("18 problems; nothing is written:"), "{err}");
    assert!(!db.exists(), "no database is left behind");

    let (_t, mut s) = store();
    let r = import(&mut s, &[fixture("libreoffice")], true);
    assert_eq!(r.outcome, Outcome::NoEmployees);
    assert!(!r.written);
    assert_eq!(count(&s, "SELECT count(*) FROM employee"), 0);
    assert_eq!(count(&s, "SELECT count(*) FROM audit_log"), 0);
}

#[test]
fn two_digit_years_from_an_indonesian_spreadsheet_are_one_cause() {
    let dir = fixture("short_years");
    let (_r, lines) = shown(&dir);
    let p = dir.join("pegawai.csv").display().to_string();
    assert_eq!(
        lines,
        vec![
            format!("{p}: Tanggal Lahir: not a date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY) (6 rows, lines 2 to 7; the first: 26/09/86)"),
            "  To fix: the dates of this column are in a form not read (a two-digit year as in 26/09/86, or month first). Format the column's cells as dates written DD-MM-YYYY (or YYYY-MM-DD), four-digit year, and save again.".to_string(),
        ]
    );
}

#[test]
fn repeated_trainings_are_records_and_a_reimport_changes_nothing() {
    let (_t, mut s) = store();
    let dir = fixture("id_locale");
    let r = import(&mut s, std::slice::from_ref(&dir), false);
    assert_eq!(r.outcome, Outcome::Written, "{:#?}", r.problems);
    assert_eq!(r.summary.trainings.inserted, 6);
    // Two runs of one Bimtek in 2024 (24 + 16 JP) and three of another in 2023.
    assert_eq!(
        count(
            &s,
            "SELECT sum(jp) FROM training t JOIN employee e ON e.id = t.employee_id
             WHERE e.nip = '198609262015051001' AND tahun = 2024"
        ),
        80
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM training WHERE nama_pelatihan = 'Bimbingan Teknis SIASN'"
        ),
        3
    );
    // Each run keeps the day it started.
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM training WHERE nama_pelatihan = 'Bimbingan Teknis SIASN'
             AND tanggal_mulai IN ('2023-05-15', '2023-11-20', '2023-12-04')"
        ),
        3
    );
    let en = summary(Lang::En, &r);
    let file = dir.join("pelatihan.csv").display().to_string();
    assert!(
        en.contains(&format!("  {file} (pelatihan): 6 rows, 6 valid, SHA-256 ")),
        "{en}"
    );
    let pelatihan = &r.files[3];
    assert_eq!(pelatihan.kind, Some(FileKind::Pelatihan));
    assert!(pelatihan.unused_columns.is_empty(), "Tanggal Mulai is read");
    assert!(
        en.contains(&format!(
            "(pelatihan): 6 rows, 6 valid, SHA-256 {}\n    6 new, 0 changed, 0 unchanged, 0 skipped\n",
            &pelatihan.sha256[..12]
        )),
        "{en}"
    );
    assert!(
        en.contains("    4 new, 0 changed, 0 unchanged, 0 skipped"),
        "{en}"
    );

    let again = import(&mut s, std::slice::from_ref(&dir), false);
    assert_eq!(again.outcome, Outcome::Written);
    assert_eq!(again.summary.trainings.inserted, 0);
    assert_eq!(again.summary.trainings.updated, 0);
    assert_eq!(again.summary.trainings.unchanged, 6);
    assert_eq!(count(&s, "SELECT count(*) FROM training"), 6);
    let en = summary(Lang::En, &again);
    assert!(
        en.contains("    0 new, 0 changed, 6 unchanged, 0 skipped"),
        "{en}"
    );
    let id = summary(Lang::Id, &again);
    assert!(
        id.contains("    0 baru, 0 berubah, 6 tetap, 0 dilewati"),
        "{id}"
    );
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { entries: 2, .. }
    ));
}

#[test]
fn the_jp_of_both_runs_count_in_the_profile() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    talenta(&db)
        .arg("import")
        .arg(fixture("id_locale"))
        .assert()
        .success();
    let out = talenta(&db)
        .args(["show", "198609262015051001"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    // 24 + 16 JP of the two runs, and 40 of another course.
    assert!(text.contains("2024: 80 JP"), "{text}");
}

#[test]
fn siasn_export_as_it_comes() {
    let (_t, mut s) = store();
    let dir = fixture("siasn_export");
    let r = import(&mut s, std::slice::from_ref(&dir), false);
    assert_eq!(r.outcome, Outcome::Written, "{:#?}", r.problems);
    assert_eq!(r.files[0].kind, Some(FileKind::Pegawai), "by its header");
    assert_eq!(r.summary.employees.inserted, 6);
    let mut st = s
        .conn
        .prepare(
            "SELECT nip, nama, tingkat_jabatan, status, tanggal_lahir, golongan, pendidikan
             FROM employee ORDER BY nip",
        )
        .unwrap();
    let rows: Vec<[String; 7]> = st
        .query_map([], |r| {
            Ok([
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ])
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want = [
        [
            "197008171995031001",
            "H. Ahmad Yani, S.E., M.Si.",
            "Administrator",
            "PNS",
            "1970-08-17",
            "IV/a",
            "S2",
        ],
        [
            "197803142005012003",
            "Dr. Siti Rahma, S.Kom., M.T.",
            "JPT Pratama",
            "PNS",
            "1978-03-14",
            "IV/c",
            "S3",
        ],
        [
            "198204112009041002",
            "Joko Prasetyo, S.T.",
            "Pengawas",
            "PNS",
            "1982-04-11",
            "III/d",
            "S1",
        ],
        [
            "199001052015031002",
            "Budi Santoso, A.Md.",
            "Fungsional",
            "PNS",
            "1990-01-05",
            "II/d",
            "D3",
        ],
        [
            "199207212023212001",
            "Dewi Lestari, S.Pd.",
            "Fungsional",
            "PPPK",
            "1992-07-21",
            "IX",
            "S1",
        ],
        [
            "199512302019022001",
            "Rina Wati",
            "Pelaksana",
            "PNS",
            "1995-12-30",
            "II/a",
            "SMA",
        ],
    ];
    let got: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let want: Vec<Vec<&str>> = want.iter().map(|r| r.to_vec()).collect();
    assert_eq!(got, want);

    let f = &r.files[0];
    assert_eq!(f.unused_columns.len(), 85, "{:?}", f.unused_columns);
    for unused in [
        "Pns Id",
        "Nip Lama",
        "Golongan",
        "Pendidikan",
        "Bup Usia Month",
    ] {
        assert!(f.unused_columns.iter().any(|c| c == unused), "{unused}");
    }
    let en = summary(Lang::En, &r);
    assert!(
        en.contains("    6 new, 0 changed, 0 unchanged, 0 skipped\n    columns read (15): Nip Baru as nip, Namapns as nama, Gelar Depan as gelar_depan, Gelar Blk as gelar_belakang, Tgl Lhr as tanggal_lahir, Jenis Kelamin as jenis_kelamin, Jenispegawai as status, Golru as golongan, Jenisjabatan as tingkat_jabatan, Nama Jabatan as jabatan, Eselon as eselon, Tmt Jabatan as tmt_jabatan, Tk Pendidikan as pendidikan, Nama Unor as unit_kerja, Instansiinduk as instansi\n    columns not used (85): Pns Id, Nip Lama, Tempat Lahir Id, "),
        "{en}"
    );
}

#[test]
fn a_database_from_before_runs_keeps_its_trainings_and_takes_a_second_run() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("talenta.db");
    {
        // A database of schema version 9: one row per training name and year.
        let s = Store::open(&path, OpenMode::Create).unwrap();
        s.conn
            .execute_batch(
                "DROP TABLE training;
                 CREATE TABLE training (
                     employee_id INTEGER NOT NULL REFERENCES employee(id),
                     tahun INTEGER NOT NULL,
                     nama_pelatihan TEXT NOT NULL,
                     jp INTEGER NOT NULL CHECK (jp >= 0),
                     PRIMARY KEY (employee_id, tahun, nama_pelatihan)
                 ) WITHOUT ROWID;
                 INSERT INTO unit (id, nama) VALUES (1, 'Badan Kepegawaian Daerah');
                 INSERT INTO employee (id, nip, nama, jenis_kelamin, tanggal_lahir, status, golongan,
                     jabatan, tingkat_jabatan, unit_id, pendidikan)
                 VALUES (1, '198609262015051001', 'Ahmad Fauzi, S.Kom.', 'L', '1986-09-26', 'PNS',
                     'III/c', 'Analis Kebijakan Ahli Muda', 'Fungsional', 1, 'S1');
                 INSERT INTO training VALUES (1, 2024, 'Bimbingan Teknis Manajemen ASN', 24);
                 PRAGMA user_version = 9;",
            )
            .unwrap();
    }
    let mut s = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM training WHERE urutan = 1 AND jp = 24 AND tanggal_mulai IS NULL"
        ),
        1
    );
    let r = import(&mut s, &[fixture("id_locale")], false);
    assert_eq!(r.outcome, Outcome::Written, "{:#?}", r.problems);
    // The first run is the row that was there (its start date added), the second is new.
    assert_eq!(r.summary.trainings.updated, 1);
    assert_eq!(r.summary.trainings.inserted, 5);
    assert_eq!(count(&s, "SELECT count(*) FROM training"), 6);
}
