//! Committee sessions end to end through the command line: the workflow, every
//! refusal (exit 2, nothing written), the minutes, tampering caught by
//! `audit verify`, and two processes deciding at once.

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/valid_comma"
);
const FAUZI: &str = "198609262015051001"; // box 9
const SITI: &str = "197803142003122002";

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db").arg(db).args(["--as-of", "2026-11-22"]);
    c.env_remove("TALENTA_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("USER", "bkd-operator");
    c
}

fn out(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn count(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// A pool and a session of five members, three present.
fn setup() -> (tempfile::TempDir, PathBuf, String) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    let id = out(talenta(&db).args([
        "session",
        "new",
        "--title",
        "Sidang Komite Talenta I/2026",
        "--date",
        "2026-11-20",
        "--member",
        "Dr. Hj. Siti Rahmah, M.Si.:ketua",
        "--member",
        "Budi Santoso:sekretaris",
        "--member",
        "Rahmat",
        "--member",
        "Dewi",
        "--member",
        "Yusuf",
        "--agenda",
        "BKD-01",
    ]))
    .trim()
    .to_string();
    assert_eq!(id, "1");
    talenta(&db)
        .args([
            "session",
            "attend",
            &id,
            "Dr. Hj. Siti Rahmah, M.Si.",
            "Budi Santoso",
            "Rahmat",
        ])
        .assert()
        .success();
    (d, db, id)
}

/// Run a command that must be refused with status 2 and leave the database as it was.
fn refused(db: &Path, args: &[&str], says: &str) {
    let (audit, decisions) = (count(db, "audit_log"), count(db, "decision"));
    talenta(db)
        .args(args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(says));
    assert_eq!(
        count(db, "audit_log"),
        audit,
        "no audit entry for a refusal: {args:?}"
    );
    assert_eq!(
        count(db, "decision"),
        decisions,
        "no decision for a refusal: {args:?}"
    );
}

#[test]
fn workflow_with_recusal_amendment_close_and_minutes() {
    let (_d, db, id) = setup();
    // Rahmat steps aside for Fauzi: 2 of 5 may vote, below the quorum of 3.
    talenta(&db)
        .args([
            "session",
            "recuse",
            &id,
            "Rahmat",
            FAUZI,
            "--reason",
            "saudara ipar",
        ])
        .assert()
        .success();
    refused(
        &db,
        &[
            "session", "decide", &id, FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ],
        "no quorum: only 2",
    );
    talenta(&db)
        .args(["session", "attend", &id, "Dewi"])
        .assert()
        .success();
    refused(
        &db,
        &[
            "session", "decide", &id, FAUZI, "--kind", "promosi", "--reason", "x", "--votes",
            "3/1/0",
        ],
        "4 votes exceed the 3",
    );
    let d1 = out(talenta(&db).args([
        "session",
        "decide",
        &id,
        FAUZI,
        "--kind",
        "promote",
        "--position",
        "BKD-01",
        "--reason",
        "Kotak 9, SB dua tahun berturut-turut",
        "--votes",
        "3/0/0",
    ]));
    assert_eq!(d1.trim(), "1");
    let d2 = out(talenta(&db).args([
        "session",
        "decide",
        &id,
        SITI,
        "--kind",
        "pengembangan",
        "--reason",
        "Perlu pelatihan kepemimpinan",
    ]));
    let d3 = out(talenta(&db).args([
        "session",
        "amend",
        d1.trim(),
        "--kind",
        "rotasi",
        "--reason",
        "Koreksi: rotasi dulu",
    ]));
    assert_eq!(d3.trim(), "3");
    refused(
        &db,
        &["session", "amend", "1", "--reason", "lagi"],
        "amend its latest version, recommendation 3",
    );
    talenta(&db)
        .args(["session", "discussed", &id, FAUZI])
        .assert()
        .success();
    // Discussed without any recommendation: the minutes still name her.
    talenta(&db)
        .args(["session", "discussed", &id, "199201082019032004"])
        .assert()
        .success();

    let md = out(talenta(&db).args(["--lang", "id", "session", "minutes", &id]));
    for needle in [
        "BERITA ACARA SIDANG KOMITE TALENTA",
        "RANCANGAN",
        "Dr. Hj. Siti Rahmah, M.Si. — Ketua — hadir",
        "Yusuf — Anggota — tidak hadir",
        "BKD-01",
        "Rahmat — 198609262015051001",
        "saudara ipar",
        "Rekomendasi #1 (versi 1) — diubah oleh rekomendasi #3",
        "Rekomendasi #3 (versi 2), mengubah rekomendasi #1",
        "Kotak 9, SB dua tahun berturut-turut",
        "Koreksi: rotasi dulu",
        "3/0/0",
        "musyawarah",
        "kotak 9; predikat SKP terakhir Sangat Baik; potensi tinggi",
        "bkd-operator",
        "Mengetahui,\nPejabat Pembina Kepegawaian",
        "199201082019032004 Nyimas Rahmawati",
    ] {
        assert!(md.contains(needle), "minutes lack {needle:?}:\n{md}");
    }
    assert!(d2.trim() == "2");

    let closed = out(talenta(&db).args(["session", "close", &id]));
    let head = closed
        .lines()
        .find_map(|l| l.strip_prefix("audit trail head hash: "))
        .unwrap()
        .to_string();
    refused(
        &db,
        &[
            "session", "decide", &id, SITI, "--kind", "ditunda", "--reason", "x",
        ],
        "session 1 is closed",
    );
    refused(&db, &["session", "attend", &id, "Yusuf"], "closed");
    let md = out(talenta(&db).args(["session", "minutes", &id]));
    assert!(!md.contains("DRAFT"));
    assert!(
        md.contains(&format!("Audit trail head hash at closing: {head}")),
        "{md}"
    );
    // The paper's head anchors the digital record.
    talenta(&db)
        .args(["audit", "verify", "--expect-head", &head])
        .assert()
        .success();
    // More work after closing keeps the old head valid.
    refused(&db, &["session", "reopen", &id, "--reason", "  "], "reason");
    talenta(&db)
        .args([
            "session",
            "reopen",
            &id,
            "--reason",
            "Salah ketik jabatan tujuan",
        ])
        .assert()
        .success();
    talenta(&db)
        .args(["audit", "verify", "--expect-head", &head])
        .assert()
        .success();
    let md = out(talenta(&db).args(["session", "minutes", &id]));
    assert!(
        md.contains("reopened (bkd-operator): Salah ketik jabatan tujuan"),
        "{md}"
    );
    refused(
        &db,
        &["session", "reopen", &id, "--reason", "again"],
        "not closed",
    );

    // Every action is in the audit trail, with the OS user behind --as.
    let log = out(talenta(&db).args([
        "--as",
        "Sekretaris Komite",
        "audit",
        "log",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&log).unwrap();
    let actions: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "import",
        "session.create",
        "session.attend",
        "session.recuse",
        "decision.record",
        "decision.amend",
        "session.discussed",
        "session.close",
        "session.reopen",
    ] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }
    talenta(&db)
        .args([
            "--as",
            "Budi Santoso",
            "session",
            "decide",
            &id,
            SITI,
            "--kind",
            "ditunda",
            "--reason",
            "menunggu hasil asesmen",
        ])
        .assert()
        .success();
    let last = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT actor, os_user FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .unwrap();
    assert_eq!(
        last,
        ("Budi Santoso".to_string(), "bkd-operator".to_string())
    );
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn refusals_write_nothing() {
    let (_d, db, id) = setup();
    refused(
        &db,
        &[
            "session", "decide", &id, FAUZI, "--kind", "promosi", "--reason", "",
        ],
        "reason",
    );
    refused(
        &db,
        &[
            "session", "decide", &id, FAUZI, "--kind", "naik", "--reason", "x",
        ],
        "unknown recommendation kind",
    );
    refused(
        &db,
        &[
            "session", "decide", &id, FAUZI, "--kind", "promosi", "--reason", "x", "--votes",
            "3-0-0",
        ],
        "cannot read votes",
    );
    refused(
        &db,
        &[
            "session",
            "decide",
            &id,
            FAUZI,
            "--kind",
            "ditunda",
            "--position",
            "BKD-01",
            "--reason",
            "x",
        ],
        "names no target position",
    );
    refused(
        &db,
        &[
            "session",
            "decide",
            &id,
            FAUZI,
            "--kind",
            "promosi",
            "--position",
            "NOPE",
            "--reason",
            "x",
        ],
        "no position has code NOPE",
    );
    refused(
        &db,
        &[
            "session",
            "decide",
            &id,
            "199901012020011999",
            "--kind",
            "promosi",
            "--reason",
            "x",
        ],
        "no employee has NIP",
    );
    refused(
        &db,
        &[
            "session", "decide", "99", FAUZI, "--kind", "promosi", "--reason", "x",
        ],
        "there is no session 99",
    );
    refused(
        &db,
        &["session", "recuse", &id, "Stranger", FAUZI, "--reason", "x"],
        "Stranger is not a member",
    );
    refused(&db, &["session", "attend", &id, "Stranger"], "not a member");
    refused(
        &db,
        &["session", "amend", "42", "--reason", "x"],
        "there is no recommendation 42",
    );
    refused(
        &db,
        &[
            "session", "new", "--title", "x", "--member", "A", "--quorum", "3",
        ],
        "quorum of 3 is impossible",
    );
    refused(
        &db,
        &[
            "session", "new", "--title", "x", "--member", "A", "--member", "A",
        ],
        "named twice",
    );
    refused(&db, &["session", "new", "--title", "  "], "title");
    refused(&db, &["session", "close", "99"], "no session 99");
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn minutes_in_csv_json_and_docx() {
    let (d, db, id) = setup();
    talenta(&db)
        .args([
            "session",
            "decide",
            &id,
            FAUZI,
            "--kind",
            "promosi",
            "--reason",
            "=HYPERLINK(\"x\") kotak 9",
            "--votes",
            "2/0/1",
        ])
        .assert()
        .success();
    talenta(&db)
        .args(["session", "amend", "1", "--reason", "koreksi"])
        .assert()
        .success();
    let csv_text = out(talenta(&db).args(["session", "minutes", &id, "--format", "csv"]));
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(&r.headers().unwrap()[3], "decision_id");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2, "both versions");
    assert_eq!(&rows[0][6], "2", "version 1 superseded by 2");
    assert!(
        rows[0][12].starts_with("'="),
        "formula neutralised: {}",
        &rows[0][12]
    );
    assert_eq!(&rows[1][13], "2", "votes carried into the amendment");

    let json_text = out(talenta(&db).args(["session", "minutes", &id, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(v["session"]["title"], "Sidang Komite Talenta I/2026");
    assert_eq!(v["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(v["decisions"][0]["snapshot"]["kotak"], 9);
    assert_eq!(v["members"].as_array().unwrap().len(), 5);

    let docx = d.path().join("ba.docx");
    talenta(&db)
        .args(["session", "minutes", &id, "--format", "docx", "--output"])
        .arg(&docx)
        .assert()
        .success();
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip container");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("word/document.xml"));
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
fn tampering_with_decisions_is_caught() {
    let (_d, db, id) = setup();
    talenta(&db)
        .args([
            "session", "decide", &id, FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ])
        .assert()
        .success();
    talenta(&db)
        .args([
            "session",
            "decide",
            &id,
            SITI,
            "--kind",
            "ditunda",
            "--reason",
            "belum diasesmen",
        ])
        .assert()
        .success();
    // Checkpoint so a plain file copy holds everything.
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    talenta(&db).args(["audit", "verify"]).assert().success();
    tampered(
        &db,
        "DROP TRIGGER decision_no_update; UPDATE decision SET kind = 'rotasi' WHERE id = 1;",
        "the decision record 1 does not match",
    );
    tampered(
        &db,
        "DROP TRIGGER decision_no_delete; DELETE FROM decision WHERE id = 2;",
        "decision record 2",
    );
    tampered(
        &db,
        "INSERT INTO decision (session_id, nip, kind, reason, snapshot, version, decided_at, actor)
         VALUES (1, '198609262015051001', 'promosi', 'disisipkan', '{}', 1, '2026-01-01', 'x');",
        "decision record 3",
    );
    tampered(
        &db,
        "DROP TRIGGER decision_no_update;",
        "no longer protected",
    );
    tampered(
        &db,
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'orang lain' WHERE seq = 2;
         CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;",
        "broken at entry 2",
    );
}

#[test]
fn two_processes_deciding_at_once_lose_nothing() {
    let (_d, db, id) = setup();
    let bin = assert_cmd::cargo::cargo_bin("talenta");
    let per = 15;
    let workers: Vec<std::thread::JoinHandle<Vec<String>>> = (0..3)
        .map(|w| {
            let (bin, db, id) = (bin.clone(), db.clone(), id.clone());
            std::thread::spawn(move || {
                (0..per)
                    .map(|i| {
                        let o = std::process::Command::new(&bin)
                            .arg("--db")
                            .arg(&db)
                            .args([
                                "--lang", "en", "session", "decide", &id, FAUZI, "--kind",
                                "ditunda",
                            ])
                            .args(["--reason", &format!("proses {w} keputusan {i}")])
                            .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
                            .output()
                            .unwrap();
                        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                        String::from_utf8(o.stdout).unwrap().trim().to_string()
                    })
                    .collect()
            })
        })
        .collect();
    let mut ids: Vec<String> = workers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3 * per, "every reported id is distinct");
    assert_eq!(count(&db, "decision"), (3 * per) as i64);
    talenta(&db).args(["audit", "verify"]).assert().success();
}

/// Text with control or bidi characters is refused at the door (our rule,
/// domain::text): nothing written, and the refusal echoes nothing raw.
#[test]
fn hostile_text_is_refused_at_the_door_and_never_echoed_raw() {
    let (_d, db, id) = setup();
    let nip = "198503142010011001";
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "session",
                "new",
                "--title",
                "Sidang\x1b[2J\x1b]0;x\x07",
                "--member",
                "A",
            ],
            "the title",
        ),
        (
            &[
                "session",
                "new",
                "--title",
                "Sidang",
                "--member",
                "A\u{202e}B",
            ],
            "a member's name",
        ),
        (
            &["session", "attend", &id, "Dewi\x1b]52;c;QUJD\x07"],
            "a member's name",
        ),
        (
            &[
                "session",
                "recuse",
                &id,
                "Rahmat",
                nip,
                "--reason",
                "kakak\u{9b}31m",
            ],
            "the grounds",
        ),
        (
            &[
                "session",
                "decide",
                &id,
                nip,
                "--kind",
                "promosi",
                "--position",
                "BKD-01",
                "--reason",
                "ok\x1b[1A",
            ],
            "the grounds",
        ),
        (
            &["--as", "Budi\nMallory", "session", "discussed", &id, nip],
            "the actor's name",
        ),
    ];
    for (args, says) in cases {
        let (audit, sessions) = (count(&db, "audit_log"), count(&db, "committee_session"));
        let o = talenta(&db).args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(
            !o.stderr.iter().any(|&b| b == 0x1b || b == 0x07)
                && !err.contains('\u{202e}')
                && !err.contains('\u{9b}'),
            "{args:?} echoed a control character: {err:?}"
        );
        assert_eq!(count(&db, "audit_log"), audit, "{args:?}");
        assert_eq!(count(&db, "committee_session"), sessions, "{args:?}");
    }
    // Grounds may be several lines; a title may not.
    refused(
        &db,
        &["session", "new", "--title", "Sidang\nII", "--member", "A"],
        "one line",
    );
}
