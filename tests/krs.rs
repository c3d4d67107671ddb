//! Target and critical positions and the succession group (KRS) the PPK
//! establishes for a period (issue 14, docs/positions.md): jabatan.csv's
//! `kategori`, `succession establish` checking Pasal 199's conditions,
//! the frozen KRS, `succession list`, `positions`, the filter and `show`, and
//! `audit verify` catching a KRS forged in the database.
//!
//! The pool is written here (as of 2026-06-01, so the KRS of 2026 looks at the
//! JP of 2025 and the predikat of 2024 and 2025).

use assert_cmd::Command;
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2026-06-01";
/// Meets every condition for KEP-01.
const ANI: &str = "198001012005012001";
/// 10 JP in 2025.
const BUDI: &str = "198102022006011002";
/// Butuh Perbaikan in 2024.
const CITRA: &str = "198203032007012003";
/// Competency 2/2 against 4/4: JPM 50 %.
const DODI: &str = "198304042008011004";
/// Meets every condition too.
const EKA: &str = "198405052009012005";

const PEGAWAI: &str = "nip,nama,jenis_kelamin,tanggal_lahir,status,golongan,jabatan,tingkat_jabatan,unit_kerja,pendidikan,tmt_jabatan
198001012005012001,Ani Lestari,P,1980-01-01,PNS,IV/a,Kepala Bidang Mutasi,Administrator,Badan Kepegawaian Daerah,S2,2019-01-02
198102022006011002,Budi Santoso,L,1981-02-02,PNS,IV/a,Kepala Bidang Pengadaan,Administrator,Badan Kepegawaian Daerah,S2,2019-01-02
198203032007012003,Citra Dewi,P,1982-03-03,PNS,IV/a,Kepala Bidang Diklat,Administrator,Badan Kepegawaian Daerah,S2,2019-01-02
198304042008011004,Dodi Pratama,L,1983-04-04,PNS,IV/a,Kepala Bidang Informasi,Administrator,Badan Kepegawaian Daerah,S2,2019-01-02
198405052009012005,Eka Putri,P,1984-05-05,PNS,IV/a,Kepala Bidang Penilaian,Administrator,Badan Kepegawaian Daerah,S2,2019-01-02
";

const KINERJA: &str = "nip,tahun,predikat
198001012005012001,2024,B
198001012005012001,2025,SB
198102022006011002,2024,B
198102022006011002,2025,B
198203032007012003,2024,BP
198203032007012003,2025,B
198304042008011004,2024,B
198304042008011004,2025,B
198405052009012005,2024,SB
198405052009012005,2025,SB
";

const KOMPETENSI: &str = "nip,kompetensi,level,tanggal
198001012005012001,integritas,4,2025-03-01
198001012005012001,kerja_sama,4,2025-03-01
198102022006011002,integritas,4,2025-03-01
198102022006011002,kerja_sama,4,2025-03-01
198203032007012003,integritas,4,2025-03-01
198203032007012003,kerja_sama,4,2025-03-01
198304042008011004,integritas,2,2025-03-01
198304042008011004,kerja_sama,2,2025-03-01
198405052009012005,integritas,5,2025-03-01
198405052009012005,kerja_sama,4,2025-03-01
";

const PELATIHAN: &str = "nip,tahun,nama_pelatihan,jp
198001012005012001,2025,Pelatihan Kepemimpinan,24
198102022006011002,2025,Seminar,10
198203032007012003,2025,Pelatihan Kepemimpinan,30
198304042008011004,2025,Pelatihan Kepemimpinan,30
198405052009012005,2025,Pelatihan Kepemimpinan,40
";

const JABATAN: &str = "kode,nama_jabatan,tingkat_jabatan,unit_kerja,status,pemangku_nip,kategori
KEP-01,Kepala Badan Kepegawaian Daerah,JPT Pratama,Badan Kepegawaian Daerah,lowong,,target
SEK-01,Sekretaris Badan Kepegawaian Daerah,Administrator,Badan Kepegawaian Daerah,lowong,,Critical
BID-01,Kepala Bidang Pembinaan,Administrator,Badan Kepegawaian Daerah,lowong,,
";

const SYARAT: &str = "kode_jabatan,kompetensi,level
KEP-01,integritas,4
KEP-01,kerja_sama,4
SEK-01,integritas,3
BID-01,integritas,3
";

fn talenta(db: &Path) -> Command {
    talenta_on(db, AS_OF)
}

fn talenta_on(db: &Path, as_of: &str) -> Command {
    talenta_in(db, as_of, "en")
}

fn talenta_in(db: &Path, as_of: &str, lang: &str) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db")
        .arg(db)
        .args(["--as-of", as_of, "--lang", lang, "--as", "Sekretaris"])
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml");
    c
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let files = d.path().join("files");
    std::fs::create_dir(&files).unwrap();
    for (name, text) in [
        ("pegawai.csv", PEGAWAI),
        ("kinerja.csv", KINERJA),
        ("kompetensi.csv", KOMPETENSI),
        ("pelatihan.csv", PELATIHAN),
        ("jabatan.csv", JABATAN),
        ("syarat_jabatan.csv", SYARAT),
    ] {
        write(&files, name, text);
    }
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(&files).assert().success();
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

fn json(c: &mut Command) -> Value {
    serde_json::from_str(&stdout(c)).unwrap()
}

/// Exit status and stderr of a failing command.
fn fails(c: &mut Command) -> (i32, String) {
    let out = c.output().unwrap();
    assert!(
        !out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn add(db: &Path, kode: &str, nip: &str) {
    talenta(db)
        .args(["succession", "add", kode, nip, "--readiness", "1-2"])
        .assert()
        .success();
}

fn establish<'a>(db: &Path, period: &'a str, sk: &'a str, kodes: &[&'a str]) -> Command {
    let mut c = talenta(db);
    c.args(["succession", "establish", "--period", period, "--sk", sk])
        .args(["--date", "2026-05-20"])
        .args(kodes);
    c
}

/// The number of audit entries (nothing written leaves it as it was).
fn entries(db: &Path) -> usize {
    let c = Connection::open(db).unwrap();
    c.query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

fn count(db: &Path, table: &str) -> i64 {
    let c = Connection::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn position<'a>(list: &'a Value, kode: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["kode"] == kode)
        .unwrap()
}

/// The plan of KEP-01 with Ani and Eka, established for 2026 by SK 800/1.
fn established() -> (tempfile::TempDir, PathBuf) {
    let (d, db) = pool();
    add(&db, "KEP-01", ANI);
    add(&db, "KEP-01", EKA);
    stdout(&mut establish(&db, "2026", "800/1/2026", &["KEP-01"]));
    (d, db)
}

#[test]
fn kategori_is_imported_and_listed_with_the_krs_count() {
    let (_d, db) = pool();
    let list = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(position(&list, "KEP-01")["kategori"], "target");
    assert_eq!(
        position(&list, "SEK-01")["kategori"],
        "kritikal",
        "alias critical"
    );
    assert_eq!(position(&list, "BID-01")["kategori"], Value::Null);
    assert_eq!(position(&list, "KEP-01")["krs"], 0);
}

#[test]
fn an_older_jabatan_file_keeps_the_kategori_and_an_empty_cell_clears_it() {
    let (d, db) = pool();
    let old = write(
        d.path(),
        "jabatan.csv",
        "kode,nama_jabatan,tingkat_jabatan,unit_kerja,status,pemangku_nip
KEP-01,Kepala Badan Kepegawaian Daerah,JPT Pratama,Badan Kepegawaian Daerah,lowong,
",
    );
    talenta(&db).arg("import").arg(&old).assert().success();
    let list = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(position(&list, "KEP-01")["kategori"], "target", "kept");
    let cleared = write(
        d.path(),
        "jabatan.csv",
        "kode,nama_jabatan,tingkat_jabatan,unit_kerja,status,pemangku_nip,Kategori Jabatan
KEP-01,Kepala Badan Kepegawaian Daerah,JPT Pratama,Badan Kepegawaian Daerah,lowong,,
SEK-01,Sekretaris Badan Kepegawaian Daerah,Administrator,Badan Kepegawaian Daerah,lowong,,TARGET
",
    );
    talenta(&db).arg("import").arg(&cleared).assert().success();
    let list = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(position(&list, "KEP-01")["kategori"], Value::Null);
    assert_eq!(position(&list, "SEK-01")["kategori"], "target");
}

#[test]
fn a_bad_kategori_is_a_problem_of_its_line_and_nothing_is_written() {
    let (d, db) = pool();
    let bad = write(
        d.path(),
        "jabatan.csv",
        "kode,nama_jabatan,tingkat_jabatan,unit_kerja,status,pemangku_nip,kategori
KEP-01,Kepala Badan Kepegawaian Daerah,JPT Pratama,Badan Kepegawaian Daerah,lowong,,kunci
BID-01,Kepala Bidang Pembinaan,Administrator,Badan Kepegawaian Daerah,lowong,,kritikal
",
    );
    let before = entries(&db);
    let out = talenta(&db).arg("import").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains(
            "jabatan.csv:2: kategori: not a position category (target, kritikal or empty) (kunci)"
        ),
        "{text}"
    );
    assert_eq!(entries(&db), before);
    let list = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(
        position(&list, "BID-01")["kategori"],
        Value::Null,
        "line 3 not written"
    );
}

#[test]
fn establishing_with_failing_entries_lists_each_with_its_condition_and_writes_nothing() {
    let (_d, db) = pool();
    for nip in [ANI, BUDI, CITRA, DODI] {
        add(&db, "KEP-01", nip);
    }
    let before = entries(&db);
    let (code, err) = fails(&mut establish(&db, "2026", "800/1/2026", &[]));
    assert_eq!(code, 2);
    assert!(
        err.contains("3 entries of the succession plan do not meet"),
        "{err}"
    );
    assert!(err.contains("Pasal 199"), "{err}");
    assert!(
        err.contains(&format!(
            "KEP-01 · {BUDI}: development not met: 10 JP in 2025, at least 20 JP asked"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "KEP-01 · {CITRA}: SKP predikat not met: Butuh Perbaikan in 2024"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("KEP-01 · {DODI}: competency matching the position not met: JPM 50.0 % (KMS), at least MS asked")), "{err}");
    assert!(!err.contains(ANI), "{err}");
    assert_eq!(entries(&db), before);
    assert_eq!(count(&db, "krs_establishment"), 0);
    // In Indonesian too, with a decimal comma.
    let out = establish(&db, "2026", "800/1/2026", &[])
        .args(["--lang", "id"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("3 entri rencana suksesi tidak memenuhi syarat KRS periode 2026"),
        "{err}"
    );
    assert!(err.contains("JPM 50,0 % (KMS), paling rendah MS"), "{err}");
    assert!(
        err.contains("pengembangan kompetensi tidak terpenuhi: 10 JP pada 2025"),
        "{err}"
    );
}

#[test]
fn the_conditions_are_configurable() {
    let (d, db) = pool();
    add(&db, "KEP-01", BUDI);
    assert_eq!(fails(&mut establish(&db, "2026", "800/1", &[])).0, 2);
    let config = write(d.path(), "talenta.toml", "[rules.krs]\nmin_jp = 10\n");
    stdout(establish(&db, "2026", "800/1", &[]).env("TALENTA_CONFIG", &config));
    assert_eq!(count(&db, "krs_member"), 1);
}

#[test]
fn establishing_writes_the_krs_with_its_audit_entry_and_lists_it() {
    let (_d, db) = pool();
    add(&db, "KEP-01", ANI);
    add(&db, "KEP-01", EKA);
    add(&db, "BID-01", BUDI); // not named: not checked, not established
    let before = entries(&db);
    let out = stdout(&mut establish(&db, "2026", "800/1/2026", &["kep-01"]));
    assert_eq!(
        out,
        "KRS 2026 established by SK 800/1/2026: 2 members for 1 positions\n"
    );
    assert_eq!(entries(&db), before + 1);
    let log = stdout(talenta(&db).args(["audit", "log", "--format", "json"]));
    assert!(log.contains("krs.establish"), "{log}");
    let list = json(talenta(&db).args(["succession", "list", "--format", "json"]));
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for r in rows {
        let established = r["kode"] == "KEP-01";
        assert_eq!(r["ditetapkan"], established, "{r}");
        assert!(r["nip"].is_string() && r["kesiapan"] == "1_2_tahun", "{r}");
        if established {
            assert_eq!(r["periode"], 2026);
            assert_eq!(r["sk"], "800/1/2026");
        } else {
            assert_eq!(r["periode"], Value::Null);
        }
    }
    let positions = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(position(&positions, "KEP-01")["krs"], 2);
    assert_eq!(position(&positions, "BID-01")["krs"], 0);
    let table = stdout(talenta(&db).args(["succession", "list", "KEP-01"]));
    assert!(
        table.contains("2026 · SK 800/1/2026 (established)"),
        "{table}"
    );
    stdout(talenta(&db).args(["audit", "verify"]));
}

#[test]
fn an_established_entry_is_frozen_until_its_period_ends() {
    let (_d, db) = established();
    let before = entries(&db);
    let (code, err) =
        fails(talenta(&db).args(["succession", "remove", "KEP-01", ANI, "--reason", "mutasi"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("succession group (KRS) of KEP-01 for 2026, established by SK 800/1/2026"),
        "{err}"
    );
    let (code, err) =
        fails(talenta(&db).args(["succession", "add", "KEP-01", ANI, "--readiness", "now"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot be changed or removed"), "{err}");
    assert_eq!(entries(&db), before, "nothing written");
    // The same values again change nothing and are not refused; a new successor may join the plan.
    stdout(talenta(&db).args(["succession", "add", "KEP-01", ANI, "--readiness", "1-2"]));
    add(&db, "KEP-01", BUDI);
    // Once the year is over the KRS of 2026 has expired: the plan may change.
    let list = json(talenta_on(&db, "2027-01-02").args([
        "succession",
        "list",
        "--period",
        "2026",
        "--format",
        "json",
    ]));
    let ani = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["nip"] == ANI)
        .unwrap();
    assert_eq!(ani["ditetapkan"], true);
    assert_eq!(ani["kedaluwarsa"], true);
    let table =
        stdout(talenta_on(&db, "2027-01-02").args(["succession", "list", "--period", "2026"]));
    assert!(table.contains("(expired)"), "{table}");
    talenta_on(&db, "2027-01-02")
        .args(["succession", "remove", "KEP-01", ANI, "--reason", "mutasi"])
        .assert()
        .success();
}

#[test]
fn a_new_sk_for_the_period_supersedes_the_earlier_both_kept() {
    let (_d, db) = established();
    let before = entries(&db);
    let (code, err) = fails(&mut establish(&db, "2026", "800/1/2026", &[]));
    assert_eq!(code, 2);
    assert!(
        err.contains("SK 800/1/2026 already established the KRS of 2026"),
        "{err}"
    );
    assert_eq!(entries(&db), before);
    add(&db, "KEP-01", BUDI);
    // Budi fails: nothing established, the first KRS stays in force.
    assert_eq!(fails(&mut establish(&db, "2026", "800/2/2026", &[])).0, 2);
    talenta(&db)
        .args([
            "succession",
            "remove",
            "KEP-01",
            BUDI,
            "--reason",
            "JP kurang",
        ])
        .assert()
        .success();
    add(&db, "SEK-01", EKA);
    let out = stdout(&mut establish(&db, "2026", "800/2/2026", &[]));
    assert!(out.contains("2 positions"), "{out}");
    assert!(
        out.contains("supersedes the earlier KRS of 2026 for KEP-01"),
        "{out}"
    );
    assert_eq!(count(&db, "krs_establishment"), 2, "both kept");
    let list = json(talenta(&db).args(["succession", "list", "KEP-01", "--format", "json"]));
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|r| r["sk"] == "800/2/2026"),
        "{list}"
    );
    let positions = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(position(&positions, "KEP-01")["krs"], 2);
    assert_eq!(position(&positions, "SEK-01")["krs"], 1);
    stdout(talenta(&db).args(["audit", "verify"]));
}

#[test]
fn nothing_to_establish_is_refused() {
    let (_d, db) = pool();
    let (code, err) = fails(&mut establish(&db, "2026", "800/1", &[]));
    assert_eq!(code, 2);
    assert!(err.contains("succession plan is empty"), "{err}");
    add(&db, "KEP-01", ANI);
    let (code, err) = fails(&mut establish(&db, "2026", "800/1", &["SEK-01"]));
    assert_eq!(code, 2);
    assert!(err.contains("SEK-01 has no entries"), "{err}");
    let (code, err) = fails(&mut establish(&db, "2026", "800/1", &["NOPE"]));
    assert_eq!(code, 2);
    assert!(err.contains("NOPE"), "{err}");
    let (code, _) = fails(&mut establish(&db, "2026", "  ", &[]));
    assert_eq!(code, 2);
    assert_eq!(entries(&db), 2, "the import and the one add");
}

/// Run `audit verify` after a forgery: exit 1, naming the KRS record.
fn caught(db: &Path, forge: &str, names: &str) {
    let c = Connection::open(db).unwrap();
    c.execute_batch(forge).unwrap();
    drop(c);
    let out = talenta(db).args(["audit", "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{forge}");
    let err =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(err.contains(names), "{forge}: {err}");
}

const MEMBER_NO_UPDATE: &str = "CREATE TRIGGER krs_member_no_update BEFORE UPDATE ON krs_member
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;";
const MEMBER_NO_DELETE: &str = "CREATE TRIGGER krs_member_no_delete BEFORE DELETE ON krs_member
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;";
const EST_NO_UPDATE: &str =
    "CREATE TRIGGER krs_establishment_no_update BEFORE UPDATE ON krs_establishment
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;";

#[test]
fn audit_verify_catches_a_krs_forged_in_the_database() {
    // A member inserted (the triggers allow inserts).
    let (_d, db) = established();
    caught(
        &db,
        &format!("INSERT INTO krs_member VALUES (1, 'KEP-01', '{BUDI}', 'siap_sekarang', 3);"),
        &format!("krs_member record 1/KEP-01/{BUDI}"),
    );
    // A whole establishment inserted.
    let (_d, db) = established();
    caught(
        &db,
        "INSERT INTO krs_establishment VALUES (9, 2026, 'SK palsu', '2026-05-01', '2026-05-01T00:00:00Z', 'x');",
        "krs record 9",
    );
    // A member's readiness changed, the trigger dropped and put back.
    let (_d, db) = established();
    caught(
        &db,
        &format!(
            "DROP TRIGGER krs_member_no_update;
             UPDATE krs_member SET readiness = 'siap_sekarang' WHERE nip = '{ANI}';
             {MEMBER_NO_UPDATE}"
        ),
        &format!("krs_member record 1/KEP-01/{ANI}"),
    );
    // The SK number changed.
    let (_d, db) = established();
    caught(
        &db,
        &format!(
            "DROP TRIGGER krs_establishment_no_update;
             UPDATE krs_establishment SET sk = '800/9/2026';
             {EST_NO_UPDATE}"
        ),
        "krs record 1",
    );
    // A member deleted.
    let (_d, db) = established();
    caught(
        &db,
        &format!(
            "DROP TRIGGER krs_member_no_delete;
             DELETE FROM krs_member WHERE nip = '{EKA}';
             {MEMBER_NO_DELETE}"
        ),
        &format!("krs_member record 1/KEP-01/{EKA}"),
    );
}

#[test]
fn members_are_found_by_the_filter_marked_on_shortlists_and_shown() {
    let (_d, db) = established();
    let count = |f: &str, as_of: &str| {
        stdout(talenta_on(&db, as_of).args(["query", f, "--count"]))
            .trim()
            .to_string()
    };
    assert_eq!(count("krs=ya", AS_OF), "2");
    assert_eq!(count("succession=no", AS_OF), "3");
    assert_eq!(
        count("krs!=ya jabatan~penilaian", AS_OF),
        "0",
        "Eka is a member"
    );
    // The KRS of 2026 is not that of 2027.
    assert_eq!(count("krs=ya", "2027-01-02"), "0");
    let (code, err) = fails(talenta(&db).args(["query", "krs=mungkin"]));
    assert_eq!(code, 2);
    assert!(err.contains("ya, tidak"), "{err}");
    // Shortlists mark members (Pasal 200: priority in promotion).
    let list = json(talenta(&db).args(["shortlist", "SEK-01", "--all", "--format", "json"]));
    let krs: Vec<(&str, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["nip"].as_str().unwrap(), r["krs"].as_bool().unwrap()))
        .collect();
    assert!(
        krs.contains(&(ANI, true)) && krs.contains(&(BUDI, false)),
        "{krs:?}"
    );
    let table = stdout(talenta(&db).args(["shortlist", "SEK-01", "--all"]));
    assert!(table.contains("KRS · Ani Lestari"), "{table}");
    assert!(!table.contains("KRS · Budi Santoso"), "{table}");
    // show, text and JSON.
    let v = json(talenta(&db).args(["show", ANI, "--format", "json"]));
    assert_eq!(v["krs"][0]["kode"], "KEP-01");
    assert_eq!(v["krs"][0]["periode"], 2026);
    assert_eq!(v["krs"][0]["sk"], "800/1/2026");
    assert_eq!(v["krs"][0]["kedaluwarsa"], false);
    let t = stdout(talenta(&db).args(["show", ANI]));
    assert!(
        t.contains("KRS             KEP-01 · 2026 · SK 800/1/2026"),
        "{t}"
    );
    let t = stdout(talenta_in(&db, "2027-01-02", "id").args(["show", ANI]));
    assert!(
        t.contains("KEP-01 · 2026 · SK 800/1/2026 (berakhir)"),
        "{t}"
    );
    let t = stdout(talenta(&db).args(["show", BUDI]));
    assert!(
        t.contains("KRS             not in an established KRS"),
        "{t}"
    );
}
