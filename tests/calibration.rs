//! Talent review (calibration), issue 14 part 1, through the command line:
//! `talenta session calibrate`, its refusals (exit 2, the reason named,
//! nothing written), supersession, the box in effect versus stale (a new SKP
//! year imported after a calibration), the filter fields and JSON objects,
//! the minutes, and `audit verify` catching forged calibrations.

use rusqlite::{params, Connection};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common_cli;

use common_cli::{committee_session, forge, ok as run, refused, talenta, FAUZI, SITI};

/// An open session 1 of five members (quorum 3), four present, Rahmat
/// recused for Fauzi.
fn session() -> (tempfile::TempDir, PathBuf) {
    committee_session("Talent review 2026")
}

fn calibrate(db: &Path, nip: &str, kotak: &str, reason: &str) -> String {
    run(
        db,
        &[
            "session",
            "calibrate",
            "1",
            nip,
            "--kotak",
            kotak,
            "--reason",
            reason,
            "--votes",
            "3/1/0",
        ],
    )
    .trim()
    .to_string()
}

/// (calibrations, audit entries)
fn counts(db: &Path) -> (i64, i64) {
    let c = Connection::open(db).unwrap();
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        n("SELECT count(*) FROM calibration"),
        n("SELECT count(*) FROM audit_log"),
    )
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(db, args)).unwrap()
}

fn employee(db: &Path, nip: &str) -> Value {
    let rows = json(db, &["query", &format!("nip={nip}"), "--format", "json"]);
    rows[0].clone()
}

#[test]
fn a_calibration_puts_the_agreed_box_in_effect_everywhere() {
    let (_d, db) = session();
    assert_eq!(employee(&db, SITI)["kotak"], 5);
    assert_eq!(employee(&db, SITI)["kalibrasi"], Value::Null);
    let id = calibrate(
        &db,
        SITI,
        "7",
        "Strong 360 feedback and a turnaround project",
    );
    assert_eq!(id, "1");
    let e = employee(&db, SITI);
    assert_eq!(e["kotak"], 7);
    assert_eq!(e["kotak_hitung"], 5);
    assert_eq!(e["kalibrasi"]["kotak"], 7);
    assert_eq!(e["kalibrasi"]["status"], "ya");
    assert_eq!(e["kalibrasi"]["sesi"], 1);
    assert_eq!(
        e["kalibrasi"]["alasan"],
        "Strong 360 feedback and a turnaround project"
    );
    // The filter reads the box in effect, the computed one and the status.
    let q = |f: &str| run(&db, &["query", f, "--count"]).trim().to_string();
    assert_eq!(q(&format!("nip={SITI} kotak=7")), "1");
    assert_eq!(q(&format!("nip={SITI} kotak_hitung=5")), "1");
    assert_eq!(q(&format!("nip={SITI} computed_box=7")), "0");
    assert_eq!(q("kalibrasi=ya"), "1");
    assert_eq!(q("calibration=stale"), "0");
    assert_eq!(q(&format!("nip={FAUZI} kalibrasi=tidak")), "1");
    // So does the shortlist's employee object.
    let list = json(&db, &["shortlist", "BKD-01", "--all", "--format", "json"]);
    let siti = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["nip"] == SITI)
        .expect("Siti is ranked");
    assert_eq!(
        (siti["kotak"].clone(), siti["kotak_hitung"].clone()),
        (7.into(), 5.into())
    );
    assert_eq!(siti["kalibrasi"]["status"], "ya");
    // show (JSON) carries the same, and its text both boxes and the grounds.
    let s = json(&db, &["show", SITI, "--format", "json"]);
    assert_eq!(s["kotak"], 7);
    assert_eq!(s["kalibrasi"]["status"], "ya");
    let text = run(&db, &["show", SITI]);
    assert!(text.contains("Strong 360 feedback"), "{text}");
    assert!(
        text.contains("7 agreed in session 1 (computed 5) — in effect"),
        "both boxes: {text}"
    );
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn a_later_calibration_supersedes_the_earlier_both_kept() {
    let (_d, db) = session();
    calibrate(&db, SITI, "7", "first review");
    let second = calibrate(&db, SITI, "8", "second look at the evidence");
    assert_eq!(second, "2");
    let c = Connection::open(&db).unwrap();
    let sup: Option<i64> = c
        .query_row("SELECT supersedes FROM calibration WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(sup, Some(1));
    assert_eq!(counts(&db).0, 2);
    let e = employee(&db, SITI);
    assert_eq!(e["kotak"], 8);
    assert_eq!(e["kalibrasi"]["alasan"], "second look at the evidence");
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn bad_calibrations_are_refused_and_write_nothing() {
    let (_d, db) = session();
    let before = counts(&db);
    let cal = |nip: &str, kotak: &str, reason: &str| -> Vec<String> {
        [
            "session",
            "calibrate",
            "1",
            nip,
            "--kotak",
            kotak,
            "--reason",
            reason,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let check = |args: Vec<String>, says: &str| {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&db, &a, says);
        assert_eq!(counts(&db), before, "{a:?} wrote something");
    };
    check(cal(SITI, "0", "grounds"), "box 0 does not exist");
    check(cal(SITI, "10", "grounds"), "box 10 does not exist");
    check(cal(SITI, "-1", "grounds"), "box -1 does not exist");
    check(cal(SITI, "7", "  "), "grounds) is required");
    check(
        cal("199901012020011999", "7", "grounds"),
        "no employee has NIP",
    );
    let mut v = cal(SITI, "7", "grounds");
    v.extend(["--votes".into(), "4/1/0".into()]);
    check(v, "5 votes exceed the 4 members");
    // Rahmat is recused for Fauzi: 3 may vote, and 4 votes are too many.
    let mut v = cal(FAUZI, "8", "grounds");
    v.extend(["--votes".into(), "3/1/0".into()]);
    check(v, "4 votes exceed the 3 members");
    let mut v = cal(SITI, "7", "grounds");
    v[2] = "9".into();
    check(v, "there is no session 9");
    // A second recusal for Fauzi leaves 2 of the quorum of 3.
    run(
        &db,
        &[
            "session",
            "recuse",
            "1",
            "Dewi",
            FAUZI,
            "--reason",
            "atasan langsung",
        ],
    );
    let before = counts(&db);
    let a = cal(FAUZI, "8", "grounds");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    refused(&db, &a, "no quorum");
    assert_eq!(counts(&db), before);
    // A closed session takes no calibration.
    run(&db, &["session", "close", "1"]);
    let before = counts(&db);
    let a = cal(SITI, "7", "grounds");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    refused(&db, &a, "session 1 is closed");
    assert_eq!(counts(&db), before);
}

#[test]
fn refusals_are_named_in_indonesian_too() {
    let (_d, db) = session();
    let o = talenta(&db)
        .args(["--lang", "id", "session", "calibrate", "1", SITI])
        .args(["--kotak", "0", "--reason", "x"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("kotak 0 tidak ada"), "{err}");
}

/// A new SKP year changes Siti's computed box (Baik -> Sangat Baik: 5 -> 7):
/// her calibration to 8 goes stale, the computed box applies again.
#[test]
fn a_new_skp_year_makes_the_calibration_stale() {
    let (d, db) = session();
    calibrate(&db, SITI, "8", "exceptional assignment results");
    assert_eq!(employee(&db, SITI)["kotak"], 8);
    let skp = d.path().join("kinerja.csv");
    std::fs::write(
        &skp,
        format!("nip,tahun,predikat\n{SITI},2025,Sangat Baik\n"),
    )
    .unwrap();
    run(&db, &["import", skp.to_str().unwrap()]);
    let e = employee(&db, SITI);
    assert_eq!(e["kotak_hitung"], 7, "{e}");
    assert_eq!(e["kotak"], 7, "the computed box applies again: {e}");
    assert_eq!(e["kalibrasi"]["status"], "usang");
    assert_eq!(e["kalibrasi"]["kotak"], 8);
    let q = |f: &str| run(&db, &["query", f, "--count"]).trim().to_string();
    assert_eq!(q("kalibrasi=usang"), "1");
    assert_eq!(q("kalibrasi=ya"), "0");
    // A new calibration on the new data is in effect again.
    calibrate(&db, SITI, "8", "reviewed again on the 2025 SKP");
    let e = employee(&db, SITI);
    assert_eq!(
        (e["kotak"].clone(), e["kalibrasi"]["status"].clone()),
        (8.into(), "ya".into())
    );
}

#[test]
fn misspelt_calibration_values_are_explained() {
    let (_d, db) = session();
    let o = talenta(&db)
        .args(["query", "kalibrasi=usng"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("usng")
            && err.contains("ya")
            && err.contains("usang")
            && err.contains("tidak"),
        "{err}"
    );
}

#[test]
fn the_minutes_list_each_calibration() {
    let (_d, db) = session();
    calibrate(&db, SITI, "7", "turnaround project");
    let md = run(&db, &["session", "minutes", "1", "--format", "md"]);
    assert!(md.contains("turnaround project"), "{md}");
    assert!(md.contains("3/1/0"), "{md}");
    let j = json(&db, &["session", "minutes", "1", "--format", "json"]);
    let c = &j["calibrations"][0];
    assert_eq!(c["nip"], SITI);
    assert_eq!(c["kotak_hitung"], 5);
    assert_eq!(c["kotak"], 7);
    assert_eq!(c["reason"], "turnaround project");
    assert_eq!(c["votes"]["setuju"], 3);
    assert!(md.contains("5 -> 7"), "{md}");
    let csv = run(&db, &["session", "minutes", "1", "--format", "csv"]);
    assert!(csv.contains("turnaround project"), "{csv}");
    // The Word document holds the section too.
    let docx = db.with_file_name("ba.docx");
    run(
        &db,
        &[
            "session",
            "minutes",
            "1",
            "--format",
            "docx",
            "--output",
            docx.to_str().unwrap(),
        ],
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    for want in [
        "Talent review (calibration)",
        "5 -&gt; 7",
        "turnaround project",
        "3/1/0",
    ] {
        assert!(xml.contains(want), "{want:?} not in the docx");
    }
}

// --- Tampering -----------------------------------------------------------

fn caught(db: &Path, says: &[&str]) {
    let o = talenta(db).args(["audit", "verify"]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{db:?} not caught: {err}");
    for s in says {
        assert!(err.contains(s), "{db:?}: {s:?} not in {err}");
    }
}

#[test]
fn forged_calibrations_are_caught_by_audit_verify() {
    let (_d, db) = session();
    calibrate(&db, SITI, "7", "first review");
    calibrate(&db, SITI, "8", "second review");
    run(&db, &["session", "close", "1"]);
    talenta(&db).args(["audit", "verify"]).assert().success();
    // A calibration inserted outside talenta (no audit entry).
    let inserted = forge(&db, "inserted", |c| {
        c.execute(
            "INSERT INTO calibration (session_id, nip, kotak, kotak_hitung, reason, calibrated_at, actor)
             VALUES (1, ?1, 9, 9, 'slipped in', '2026-11-22T00:00:00Z', 'x')",
            params![FAUZI],
        )
        .unwrap();
    });
    caught(&inserted, &["calibration record 3", "no audit entry"]);
    // The agreed box changed.
    let updated = forge(&db, "updated", |c| {
        c.execute("UPDATE calibration SET kotak = 9 WHERE id = 2", [])
            .unwrap();
    });
    caught(&updated, &["calibration record 2"]);
    // The grounds rewritten.
    let reworded = forge(&db, "reworded", |c| {
        c.execute("UPDATE calibration SET reason = 'other' WHERE id = 1", [])
            .unwrap();
    });
    caught(&reworded, &["calibration record 1"]);
    // The later calibration removed, so the earlier one seems in effect.
    let deleted = forge(&db, "deleted", |c| {
        c.execute("DELETE FROM calibration WHERE id = 2", [])
            .unwrap();
    });
    caught(&deleted, &["calibration record 2"]);
    // The triggers are what refuse a change through SQL.
    let c = Connection::open(&db).unwrap();
    assert!(c
        .execute("UPDATE calibration SET kotak = 1 WHERE id = 1", [])
        .is_err());
    assert!(c.execute("DELETE FROM calibration", []).is_err());
}

#[test]
fn a_calibration_written_into_a_closed_session_is_a_violation() {
    // An entry recording a calibration after the close (as a re-chained
    // forgery would): the replay flags it, as for decisions.
    let (_d, db) = session();
    run(&db, &["session", "close", "1"]);
    use talenta::store::audit::{Entry, Problem};
    use talenta::store::session::replay::Replay;
    let conn = Connection::open(&db).unwrap();
    let mut entries: Vec<Entry> = talenta::store::audit::log(&conn, None).unwrap();
    let mut forged = entries.last().unwrap().clone();
    forged.seq += 1;
    forged.action = "calibration.record".into();
    forged.entity = "calibration".into();
    forged.entity_id = "1".into();
    forged.after = Some(
        serde_json::json!({"session": 1, "nip": SITI, "kotak": 9, "reason": "late"}).to_string(),
    );
    entries.push(forged);
    let r = Replay::run(&entries);
    assert_eq!(
        r.violation.map(|(_, p)| p),
        Some(Problem::ClosedSessionChanged {
            session: "1".into()
        })
    );
}
