//! The command line as users and scripts see it: query and show outputs, exit statuses,
//! error messages, on a pool imported from the fixture files.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/valid_comma"
);
const AS_OF: &str = "2026-11-22";

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db")
        .arg(db)
        .arg("--as-of")
        .arg(AS_OF)
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml");
    c
}

fn pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    (d, db)
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn query_count_and_table() {
    let (_d, db) = pool();
    assert_eq!(stdout(talenta(&db).args(["query", "", "--count"])), "6\n");
    assert_eq!(
        stdout(talenta(&db).args(["query", "kotak>=7", "--count"])),
        "2\n"
    );
    assert_eq!(
        stdout(talenta(&db).args(["query", "kotak=none", "--count"])),
        "1\n"
    );
    let t = stdout(talenta(&db).args(["--lang", "id", "query", "kotak>=7"]));
    assert!(t.starts_with("NIP"), "{t}");
    assert!(t.contains("Dr. H. Kemas Abdullah, S.H., M.H."), "{t}");
    assert!(t.contains("2 pegawai ditampilkan dari 6"), "{t}");
    let t = stdout(talenta(&db).args(["--lang", "en", "query", "kotak>=7"]));
    assert!(t.contains("2 employees shown of 6"), "{t}");
    // Cut by --limit: the number that match is still told.
    let t = stdout(talenta(&db).args(["--lang", "en", "query", "kotak>=7", "--limit", "1"]));
    assert!(
        t.contains("1 employees shown of 2 matching, 6 in the talent pool"),
        "{t}"
    );
}

#[test]
fn a_count_equals_the_rows_listed_whether_or_not_the_filter_reads_names() {
    // Counting a filter that reads no nama/NIP loads the pool without them.
    let (_d, db) = pool();
    for f in [
        "",
        "kotak>=7",
        "unit~dinas integritas>=3",
        "not kinerja=SB",
        "kemas",
        "nama~kemas or kotak=none",
        "nip~1985",
        "jabatan~kepala",
    ] {
        let count: usize = stdout(talenta(&db).args(["query", f, "--count"]))
            .trim()
            .parse()
            .unwrap();
        let csv = stdout(talenta(&db).args(["query", f, "--format", "csv"]));
        assert_eq!(count, csv.lines().count() - 1, "{f:?}");
    }
}

#[test]
fn query_json_has_the_contract_fields() {
    let (_d, db) = pool();
    let out = stdout(talenta(&db).args(["query", "nama~fauzi", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    let e = &arr[0];
    for key in [
        "nip",
        "nama",
        "unit_kerja",
        "jabatan",
        "tingkat_jabatan",
        "golongan",
        "kotak",
        "kinerja",
        "potensi",
    ] {
        assert!(e.get(key).is_some(), "missing {key} in {e}");
    }
    assert_eq!(e["nip"], "198609262015051001");
    assert_eq!(e["kotak"], 9);
    assert_eq!(e["kinerja"], "SB");
    assert_eq!(e["potensi"], "tinggi");
    assert_eq!(e["tingkat_jabatan"], "fungsional");
    assert_eq!(e["usia"], 40);
    let none = stdout(talenta(&db).args(["query", "nama~raden", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&none).unwrap();
    assert_eq!(v[0]["kotak"], serde_json::Value::Null);
    assert_eq!(v[0]["potensi"], serde_json::Value::Null);
}

#[test]
fn query_csv_is_rfc4180_with_a_header() {
    let (_d, db) = pool();
    let out = stdout(talenta(&db).args(["query", "kotak>=5", "--format", "csv", "--sort", "nama"]));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().clone();
    assert_eq!(&h[0], "nip");
    assert_eq!(&h[1], "nama");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    // Sorted by name; names with commas survive quoting.
    assert_eq!(&rows[0][1], "Ahmad Fauzi, S.Kom.");
    assert_eq!(&rows[2][1], "Hj. Siti Aminah, S.E., M.Si.");
}

#[test]
fn query_sort_desc_and_limit() {
    let (_d, db) = pool();
    let out = stdout(talenta(&db).args([
        "query", "", "--format", "csv", "--sort", "usia", "--desc", "--limit", "2",
    ]));
    let rows: Vec<String> = out.lines().skip(1).map(|l| l[..18].to_string()).collect();
    assert_eq!(rows, vec!["196905171995031003", "197803142003122002"]);
}

#[test]
fn query_no_match_is_success_and_bad_filter_is_status_2() {
    let (_d, db) = pool();
    assert_eq!(
        stdout(talenta(&db).args(["query", "nama~zzzz", "--count"])),
        "0\n"
    );
    talenta(&db)
        .args(["--lang", "en", "query", "kinerja>=X"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("column 10").and(predicate::str::contains("SB, B, BP, K, SK")),
        );
    talenta(&db)
        .args(["query", "", "--sort", "warna"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("warna"));
}

#[test]
fn show_text_and_json() {
    let (_d, db) = pool();
    let t = stdout(talenta(&db).args(["--lang", "id", "show", "198609262015051001"]));
    for needle in [
        "Ahmad Fauzi, S.Kom.",
        "III/c (Penata)",
        "Matriks 9 Kotak",
        "9 (kinerja di atas ekspektasi, potensial tinggi)",
        "talent pool",
        "Integritas",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in\n{t}");
    }
    let j = stdout(talenta(&db).args(["show", "198609262015051001", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["nip"], "198609262015051001");
    assert_eq!(v["kotak"], 9);
    assert!(v["kinerja_per_tahun"].as_array().unwrap().len() >= 2);
    assert!(v["tanggal_pensiun"].as_str().unwrap().starts_with("20"));
    talenta(&db)
        .args(["show", "199999999999999999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("199999999999999999"));
}

#[test]
fn missing_or_bad_database_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    talenta(&d.path().join("none.db"))
        .args(["--lang", "en", "query", ""])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no talent-pool database"));
    talenta(&d.path().join("no/such/dir/x.db"))
        .args(["--lang", "en", "query", ""])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
    let junk = d.path().join("junk.db");
    std::fs::write(&junk, "not a database at all, just text\n".repeat(200)).unwrap();
    talenta(&junk)
        .args(["--lang", "en", "show", "198609262015051001"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a talenta database"));
}

#[test]
fn audit_records_the_import_and_verifies() {
    let (_d, db) = pool();
    talenta(&db)
        .args(["--lang", "en", "audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("intact: 1 entries"));
    let j = stdout(talenta(&db).args(["audit", "log", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v[0]["action"], "import");
}

#[test]
fn invalid_import_writes_nothing_and_exits_2() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("x.db");
    talenta(&db)
        .args([
            "import",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/invalid"),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pegawai.csv:3: nip:"));
    assert!(!db.exists(), "no database left behind");
}

#[test]
fn usage_errors_exit_2() {
    let d = tempfile::tempdir().unwrap();
    talenta(&d.path().join("x.db"))
        .args(["query", "--limit", "many"])
        .assert()
        .code(2);
    talenta(&d.path().join("x.db"))
        .args(["--lang", "xx", "query", ""])
        .assert()
        .code(2);
    talenta(&d.path().join("x.db"))
        .args(["nosuchcommand"])
        .assert()
        .code(2);
}

#[test]
fn descending_sort_keeps_missing_values_last() {
    let (_d, db) = pool();
    let out =
        stdout(talenta(&db).args(["query", "", "--format", "csv", "--sort", "kotak", "--desc"]));
    let kotak: Vec<String> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap()[6].to_string())
        .collect();
    assert_eq!(kotak, vec!["9", "9", "5", "3", "1", ""]);
}

#[test]
fn demo_builds_refuses_to_overwrite_and_keeps_a_backup() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("demo.db");
    talenta(&db)
        .args(["demo", "--size", "300", "--seed", "3"])
        .assert()
        .success();
    // One file in WAL mode: the first open needs no check before switching.
    let mut header = [0u8; 20];
    std::io::Read::read_exact(&mut std::fs::File::open(&db).unwrap(), &mut header).unwrap();
    assert_eq!(&header[18..20], &[2, 2], "WAL file format in the header");
    assert!(!d.path().join("demo.db-wal").exists());
    assert_eq!(stdout(talenta(&db).args(["query", "", "--count"])), "300\n");
    // Without --force and without a terminal to ask on: refused, nothing changed.
    talenta(&db)
        .args(["demo", "--size", "100"])
        .write_stdin("")
        .assert()
        .code(2);
    assert_eq!(stdout(talenta(&db).args(["query", "", "--count"])), "300\n");
    talenta(&db)
        .args(["demo", "--size", "100", "--force"])
        .assert()
        .success();
    assert_eq!(stdout(talenta(&db).args(["query", "", "--count"])), "100\n");
    let backups: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("demo.db.bak-"))
        .collect();
    assert_eq!(backups.len(), 1, "the replaced pool is kept");
    talenta(&backups[0].path())
        .args(["query", "", "--count"])
        .assert()
        .success()
        .stdout("300\n");
    talenta(&db).args(["demo", "--size", "50"]).assert().code(2);
}

#[test]
fn same_seed_same_pool() {
    let d = tempfile::tempdir().unwrap();
    let (a, b) = (d.path().join("a.db"), d.path().join("b.db"));
    talenta(&a)
        .args(["demo", "--size", "200", "--seed", "9"])
        .assert()
        .success();
    talenta(&b)
        .args(["demo", "--size", "200", "--seed", "9"])
        .assert()
        .success();
    let qa = stdout(talenta(&a).args(["query", "", "--format", "csv"]));
    let qb = stdout(talenta(&b).args(["query", "", "--format", "csv"]));
    assert_eq!(qa, qb);
}

#[test]
fn demo_csv_export_imports_back_to_the_same_pool() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("csv");
    let (direct, imported) = (d.path().join("direct.db"), d.path().join("imported.db"));
    talenta(&direct)
        .args(["demo", "--size", "250", "--seed", "4"])
        .assert()
        .success();
    talenta(&direct)
        .args([
            "demo",
            "--size",
            "250",
            "--seed",
            "4",
            "--semicolon",
            "--csv",
        ])
        .arg(&dir)
        .assert()
        .success();
    talenta(&imported)
        .arg("import")
        .arg(&dir)
        .assert()
        .success();
    for filter in [
        "",
        "kotak>=7",
        "integritas>=4 and kinerja=SB",
        "potensi=none",
        "golongan>=III/c pendidikan>=S2",
    ] {
        assert_eq!(
            stdout(talenta(&direct).args(["query", filter, "--count"])),
            stdout(talenta(&imported).args(["query", filter, "--count"])),
            "{filter}"
        );
    }
}

#[test]
fn first_run_builds_the_demo_pool_at_the_default_location() {
    let home = tempfile::tempdir().unwrap();
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(["query", "", "--count"]);
    c.assert().success().stdout("5000\n");
    assert!(home.path().join("data/talenta/talenta.db").exists());
}

#[test]
fn demo_on_a_fresh_machine_makes_its_own_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let talenta = |args: &[&str]| {
        let mut c = Command::cargo_bin("talenta").unwrap();
        c.env_remove("TALENTA_DB")
            .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .args(args);
        c
    };
    talenta(&["--lang", "en", "demo", "--size", "300", "--seed", "3"])
        .assert()
        .success();
    assert!(home.path().join("data/talenta/talenta.db").exists());
    talenta(&["query", "", "--count"])
        .assert()
        .success()
        .stdout("300\n");
    // An explicit --db in a missing folder is still refused, and says where.
    let missing = home.path().join("nowhere/talenta.db");
    talenta(&[
        "--lang",
        "en",
        "--db",
        missing.to_str().unwrap(),
        "demo",
        "--size",
        "300",
    ])
    .assert()
    .code(1)
    .stderr(predicates::str::contains("does not exist"));
}

/// The comparison names the potential in the reader's language and its score
/// as written in the assessment (91.2, not the float's 91.19999694824219).
#[test]
fn compare_shows_the_potential_as_assessed() {
    let (_d, db) = pool();
    let nips = ["198609262015051001", "197803142003122002"];
    let en = stdout(talenta(&db).args(["--lang", "en", "compare"]).args(nips));
    let line = en.lines().find(|l| l.starts_with("Potential")).unwrap();
    assert!(
        line.contains("high (91.2)") && line.contains("medium (87.5)"),
        "{line}"
    );
    let id = stdout(talenta(&db).args(["--lang", "id", "compare"]).args(nips));
    let line = id.lines().find(|l| l.starts_with("Potensi")).unwrap();
    assert!(line.contains("tinggi (91,2)"), "{line}");
}

/// `talenta query` without a filter lists everyone, as the empty filter does.
#[test]
fn query_without_a_filter_is_everyone() {
    let (_d, db) = pool();
    let all = stdout(talenta(&db).args(["query", "--count"]));
    assert_eq!(all, stdout(talenta(&db).args(["query", "", "--count"])));
    assert!(all.trim().parse::<u32>().unwrap() > 5, "{all}");
}

/// A NIP as copied from a decree or a spreadsheet (groups with blanks, a
/// leading apostrophe) is the NIP, as the import reads it; a short one is
/// still refused with why.
#[test]
fn nips_as_copied_from_a_decree_or_a_spreadsheet() {
    let (_d, db) = pool();
    let exact = stdout(talenta(&db).args(["--lang", "en", "show", "198609262015051001"]));
    for copied in ["19860926 201505 1 001", "'198609262015051001"] {
        let shown = stdout(talenta(&db).args(["--lang", "en", "show", copied]));
        assert_eq!(shown, exact, "{copied}");
    }
    let out = talenta(&db)
        .args(["--lang", "en", "show", "19860926 201505 1 00"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid NIP"));
}
