//! The PPK's outcome of a committee recommendation through the command line:
//! recorded after the session (also on a closed one), superseded by a later
//! one with both kept, every refusal (exit 2, nothing written), what the
//! minutes and `show` say, and tampering caught by `audit verify`; the
//! screen of recommendations awaiting the PPK and its outcome form.

mod common;
mod common_cli;
mod common_sessions;

use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

use common_cli::{ok, talenta, FAUZI, FIXTURES, SITI};

fn count(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// A pool, a session of three members all present, two recommendations
/// (1: Fauzi promosi, 2: Siti ditunda), the session closed.
fn closed_session() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    let id = ok(
        &db,
        &[
            "session",
            "new",
            "--title",
            "Sidang I/2026",
            "--date",
            "2026-11-20",
            "--member",
            "Ketua:ketua",
            "--member",
            "Budi:sekretaris",
            "--member",
            "Dewi",
        ],
    );
    assert_eq!(id.trim(), "1");
    ok(&db, &["session", "attend", "1", "Ketua", "Budi", "Dewi"]);
    let first = ok(
        &db,
        &[
            "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ],
    );
    assert_eq!(first.trim(), "1");
    ok(
        &db,
        &[
            "session",
            "decide",
            "1",
            SITI,
            "--kind",
            "pengembangan",
            "--reason",
            "diklat",
        ],
    );
    ok(&db, &["session", "close", "1"]);
    (d, db)
}

fn minutes_json(db: &Path) -> Value {
    serde_json::from_str(&ok(db, &["session", "minutes", "1", "--format", "json"])).unwrap()
}

/// Run a command that must be refused with status 2 and leave the database as it was.
fn refused(db: &Path, args: &[&str], says: &str) {
    let (audit, outcomes) = (count(db, "audit_log"), count(db, "outcome"));
    talenta(db)
        .args(args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(says));
    assert_eq!(count(db, "audit_log"), audit, "no audit entry: {args:?}");
    assert_eq!(count(db, "outcome"), outcomes, "no outcome: {args:?}");
}

#[test]
fn an_outcome_on_a_closed_session_shows_in_the_minutes_and_a_later_one_supersedes_it() {
    let (_d, db) = closed_session();
    let id = ok(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditunda",
            "--date",
            "2026-11-25",
        ],
    );
    assert_eq!(id.trim(), "1");
    let id = ok(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "established",
            "--sk",
            "800/123/BKPSDM/2026",
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(id.trim(), "2");
    assert_eq!(count(&db, "outcome"), 2, "both outcomes kept");
    let m = minutes_json(&db);
    let o = &m["decisions"][0]["outcome"];
    assert_eq!(o["status"], "ditetapkan");
    assert_eq!(o["sk"], "800/123/BKPSDM/2026");
    assert_eq!(o["tanggal"], "2026-12-01");
    assert_eq!(m["decisions"][1]["outcome"], Value::Null, "no outcome yet");
    ok(&db, &["audit", "verify"]);
}

#[test]
fn a_rejection_takes_its_reason_and_show_lists_the_recommendation_with_it() {
    let (_d, db) = closed_session();
    ok(
        &db,
        &[
            "session",
            "outcome",
            "2",
            "--status",
            "ditolak",
            "--reason",
            "anggaran diklat habis",
        ],
    );
    let show: Value = serde_json::from_str(&ok(&db, &["show", SITI, "--format", "json"])).unwrap();
    let rec = &show["rekomendasi"][0];
    assert_eq!(rec["id"], 2);
    assert_eq!(rec["outcome"]["status"], "ditolak");
    assert_eq!(rec["outcome"]["reason"], "anggaran diklat habis");
    assert_eq!(
        rec["outcome"]["tanggal"], "2026-11-22",
        "the as-of date by default"
    );
}

#[test]
fn bad_outcomes_are_refused_and_write_nothing() {
    let (_d, db) = closed_session();
    refused(
        &db,
        &["session", "outcome", "99", "--status", "ditunda"],
        "there is no recommendation 99",
    );
    refused(
        &db,
        &["session", "outcome", "1", "--status", "ditetapkan"],
        "needs the SK number (--sk)",
    );
    refused(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditetapkan",
            "--sk",
            "  ",
        ],
        "needs the SK number (--sk)",
    );
    refused(
        &db,
        &["session", "outcome", "1", "--status", "rejected"],
        "needs a reason (--reason)",
    );
    refused(
        &db,
        &["session", "outcome", "1", "--status", "disetujui"],
        "outcome 'disetujui' is unknown",
    );
    refused(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditunda",
            "--date",
            "2026-02-30",
        ],
        "2026-02-30",
    );
    refused(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditolak",
            "--reason",
            "a\u{202e}b",
        ],
        "the grounds holds a control or bidi character",
    );
    // Only the latest version of a recommendation takes an outcome.
    ok(&db, &["session", "reopen", "1", "--reason", "ralat"]);
    ok(
        &db,
        &[
            "session", "amend", "1", "--kind", "rotasi", "--reason", "ralat",
        ],
    );
    refused(
        &db,
        &["session", "outcome", "1", "--status", "ditunda"],
        "the PPK's outcome goes on its latest version, recommendation 3",
    );
    ok(&db, &["session", "outcome", "3", "--status", "ditunda"]);
}

#[test]
fn refusals_read_in_indonesian() {
    let (_d, db) = closed_session();
    talenta(&db)
        .args([
            "--lang",
            "id",
            "session",
            "outcome",
            "1",
            "--status",
            "ditetapkan",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ditetapkan memerlukan nomor SK (--sk)",
        ));
}

fn tampered(db: &Path, sql: &str, says: &str) {
    let copy = db.with_extension("tampered.db");
    std::fs::copy(db, &copy).unwrap();
    Connection::open(&copy).unwrap().execute_batch(sql).unwrap();
    talenta(&copy)
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(says));
    std::fs::remove_file(&copy).unwrap();
}

#[test]
fn tampering_with_outcomes_is_caught() {
    let (_d, db) = closed_session();
    ok(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditetapkan",
            "--sk",
            "800/1/2026",
        ],
    );
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    ok(&db, &["audit", "verify"]);
    tampered(
        &db,
        "INSERT INTO outcome (decision_id, status, sk, tanggal, recorded_at, actor)
         VALUES (2, 'ditetapkan', '800/9/2026', '2026-12-01', '2026-12-01', 'x');",
        "the outcome record 2 has no audit entry",
    );
    tampered(
        &db,
        "DROP TRIGGER outcome_no_update; UPDATE outcome SET sk = '800/2/2026' WHERE id = 1;
         CREATE TRIGGER outcome_no_update BEFORE UPDATE ON outcome
         BEGIN SELECT RAISE(ABORT, 'outcomes are never changed: record a new one instead'); END;",
        "the outcome record 1 does not match",
    );
    tampered(
        &db,
        "DROP TRIGGER outcome_no_delete; DELETE FROM outcome WHERE id = 1;
         CREATE TRIGGER outcome_no_delete BEFORE DELETE ON outcome
         BEGIN SELECT RAISE(ABORT, 'outcomes are never deleted: record a new one instead'); END;",
        "the outcome record 1 does not match",
    );
    tampered(
        &db,
        "DROP TRIGGER outcome_no_delete;",
        "no longer protected",
    );
}

#[test]
fn minutes_put_an_outcome_after_the_close_in_an_annex_and_one_before_it_in_the_body() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    ok(
        &db,
        &[
            "session", "new", "--title", "S", "--member", "A", "--member", "B",
        ],
    );
    ok(&db, &["session", "attend", "1", "A", "B"]);
    ok(
        &db,
        &[
            "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ],
    );
    ok(
        &db,
        &[
            "session", "decide", "1", SITI, "--kind", "rotasi", "--reason", "rotasi",
        ],
    );
    // Recorded while the session is open: in the body.
    ok(
        &db,
        &[
            "session",
            "outcome",
            "2",
            "--status",
            "ditunda",
            "--date",
            "2026-11-21",
        ],
    );
    ok(&db, &["session", "close", "1"]);
    let signed = ok(&db, &["--lang", "id", "session", "minutes", "1"]);
    assert!(
        signed.contains("- Hasil PPK: Ditunda tanggal 21-11-2026\n"),
        "{signed}"
    );
    assert!(!signed.contains("Lampiran"), "{signed}");
    ok(
        &db,
        &[
            "session",
            "outcome",
            "1",
            "--status",
            "ditetapkan",
            "--sk",
            "800/7/2026",
            "--date",
            "2026-12-01",
        ],
    );
    let md = ok(&db, &["--lang", "id", "session", "minutes", "1"]);
    assert!(
        md.starts_with(&signed),
        "the signed minutes stay as they were; the annex follows them"
    );
    let annex = &md[signed.len()..];
    assert!(
        annex.contains("## Lampiran: hasil PPK yang dicatat setelah sidang ditutup"),
        "{annex}"
    );
    assert!(annex.contains("#1 — 198609262015051001"), "{annex}");
    assert!(
        annex.contains("Ditetapkan dengan SK 800/7/2026 tanggal 01-12-2026"),
        "{annex}"
    );
    let en = ok(&db, &["session", "minutes", "1"]);
    assert!(en.contains("## Annex: the PPK's outcomes recorded after the session was closed"));
    assert!(
        en.contains("Established by SK 800/7/2026 of 01-12-2026"),
        "{en}"
    );
    let csv = ok(&db, &["session", "minutes", "1", "--format", "csv"]);
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with("outcome_status,outcome_sk,outcome_tanggal,outcome_reason,outcome_recorded_at"));
    assert!(csv.contains(",ditetapkan,800/7/2026,2026-12-01,,"), "{csv}");
    let docx = d.path().join("ba.docx");
    talenta(&db)
        .args([
            "--lang", "id", "session", "minutes", "1", "--format", "docx", "--output",
        ])
        .arg(&docx)
        .assert()
        .success();
    let xml = docx_text(&docx);
    assert!(xml.contains("Lampiran: hasil PPK yang dicatat setelah sidang ditutup"));
    assert!(xml.contains("Ditetapkan dengan SK 800/7/2026 tanggal 01-12-2026"));
    let show = ok(&db, &["--lang", "id", "show", FAUZI]);
    assert!(
        show.contains("Hasil PPK: Ditetapkan dengan SK 800/7/2026 tanggal 01-12-2026"),
        "{show}"
    );
}

/// The text of a DOCX's main part.
fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

mod screen {
    use super::common::*;
    use super::common_sessions::*;
    use talenta::app::App;
    use talenta::domain::outcome::OutcomeStatus;
    use talenta::store::session::outcome::{self, OutcomeInput};
    use talenta::strings::Lang;

    fn snap(name: &str, app: &App, w: u16, h: u16) {
        let lang = match app.lang {
            Lang::Id => "id",
            Lang::En => "en",
        };
        insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), session_screen(app, w, h));
    }

    /// The recorded session (recommendations 2 on Kemas, 3 on Yusuf in
    /// force; 1 superseded) with 3 postponed by the PPK.
    fn postponed(f: &Fixture) {
        recorded_session(f);
        let input = OutcomeInput {
            decision: 3,
            status: OutcomeStatus::Ditunda,
            sk: None,
            tanggal: as_of(),
            reason: Some("menunggu formasi".into()),
        };
        outcome::record(&mut store(f), &actor(), &input).unwrap();
    }

    fn outcomes(f: &Fixture) -> i64 {
        store(f)
            .conn
            .query_row("SELECT count(*) FROM outcome", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn the_awaiting_list_and_the_outcome_form_in_both_languages() {
        for lang in [Lang::Id, Lang::En] {
            let f = session_fixture();
            postponed(&f);
            let mut app = session_app(&f, lang);
            keys(&mut app, "c o");
            for (w, h) in [(80, 24), (120, 40)] {
                snap("awaiting", &app, w, h);
            }
            keys(&mut app, "enter tab text:800/12/BKPSDM/2026");
            snap("outcome_form", &app, 80, 24);
        }
    }

    #[test]
    fn the_secretary_records_the_ppks_decree_from_the_list() {
        let f = session_fixture();
        postponed(&f);
        let mut app = session_app(&f, Lang::Id);
        keys(&mut app, "c o");
        let list = app.sessions.awaiting.as_ref().unwrap();
        let ids: Vec<i64> = list.rows.iter().map(|a| a.decision.id).collect();
        assert_eq!(ids, [2, 3], "the latest versions, the postponed one too");
        // Ditetapkan without an SK: refused in the form, nothing written.
        keys(&mut app, "enter enter");
        let form = app.sessions.form.as_ref().expect("the form stays open");
        assert!(form.problem.is_some());
        assert_eq!(outcomes(&f), 1);
        let screen = session_screen(&app, 80, 24);
        assert!(
            screen.contains("ditetapkan memerlukan nomor SK"),
            "{screen}"
        );
        keys(&mut app, "tab text:800/12/2026 enter");
        assert!(app.sessions.form.is_none());
        assert_eq!(outcomes(&f), 2);
        let list = app.sessions.awaiting.as_ref().unwrap();
        let ids: Vec<i64> = list.rows.iter().map(|a| a.decision.id).collect();
        assert_eq!(ids, [3], "established: no longer awaiting");
        // Rejected, with its reason: the SK field is skipped (status, date, reason).
        keys(&mut app, "enter right tab tab text:tidak_ada_formasi enter");
        assert_eq!(outcomes(&f), 3);
        assert!(app.sessions.awaiting.as_ref().unwrap().rows.is_empty());
        let screen = session_screen(&app, 80, 24);
        assert!(
            screen.contains("Tidak ada rekomendasi yang menunggu"),
            "{screen}"
        );
        keys(&mut app, "esc");
        assert!(app.sessions.awaiting.is_none());
        assert_eq!(app.context(), talenta::app::Context::Session);
    }
}
