//! The tampering suite: a recorded, closed (then reopened and closed again)
//! session is forged in every way issue 15 lists, with the sqlite3 C API
//! through rusqlite — triggers dropped, the change made, the triggers put back
//! with the schema's exact SQL — and each forgery must make `talenta audit
//! verify` (or, where docs/audit.md says only the paper can tell,
//! `verify --expect-head <paper head>`) exit 1 naming the entry. Forgeries
//! that add to a closed session must also stay out of its minutes.
//!
//! Every forgery is counted in [`FORGERIES`]; docs/reliability.md quotes the figure.

mod common_cli;

use assert_cmd::Command;
use common_cli::forge;
use predicates::prelude::*;
use rusqlite::{params, Connection};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use talenta::store::audit::{self, Entry, Problem, Verdict};
use talenta::store::session::{self as ss, SessionDetail};
use talenta::store::{OpenMode, Store};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/valid_comma"
);
const FAUZI: &str = "198609262015051001"; // box 9
const SITI: &str = "197803142003122002";

/// Forgeries made so far, per test: each test asserts its own figure at the
/// end, and docs/reliability.md quotes their sum.
static MADE: [AtomicUsize; 5] = [const { AtomicUsize::new(0) }; 5];

fn made(test: usize, n: usize) {
    MADE[test].fetch_add(n, Ordering::SeqCst);
}

fn assert_made(test: usize, want: usize) {
    assert_eq!(
        MADE[test].load(Ordering::SeqCst),
        want,
        "forgeries in test {test}"
    );
}

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

fn run(db: &Path, args: &[&str]) -> String {
    out(talenta(db).args(args))
}

/// A session recorded in full, closed, reopened with a reason and closed
/// again; returns the folder, the database and the head on the signed paper.
fn recorded() -> (tempfile::TempDir, PathBuf, String) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    run(&db, &["import", FIXTURES]);
    run(
        &db,
        &[
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
        ],
    );
    let s = "1";
    run(
        &db,
        &[
            "session",
            "attend",
            s,
            "Dr. Hj. Siti Rahmah, M.Si.",
            "Budi Santoso",
            "Rahmat",
            "Dewi",
        ],
    );
    run(
        &db,
        &[
            "session",
            "recuse",
            s,
            "Rahmat",
            FAUZI,
            "--reason",
            "saudara ipar",
        ],
    );
    run(
        &db,
        &[
            "session",
            "decide",
            s,
            FAUZI,
            "--kind",
            "promosi",
            "--position",
            "BKD-01",
            "--reason",
            "kotak 9",
            "--votes",
            "3/0/0",
        ],
    );
    run(
        &db,
        &[
            "session",
            "decide",
            s,
            SITI,
            "--kind",
            "ditunda",
            "--reason",
            "belum diasesmen",
        ],
    );
    run(&db, &["session", "discussed", s, FAUZI]);
    run(&db, &["session", "close", s]);
    run(
        &db,
        &["session", "reopen", s, "--reason", "Salah ketik jabatan"],
    );
    run(
        &db,
        &[
            "session",
            "amend",
            "2",
            "--kind",
            "pengembangan",
            "--reason",
            "perlu pelatihan",
        ],
    );
    let closed = run(&db, &["session", "close", s]);
    let head = closed
        .lines()
        .find_map(|l| l.strip_prefix("audit trail head hash: "))
        .expect("close prints the head")
        .to_string();
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    talenta(&db)
        .args(["audit", "verify", "--expect-head", &head])
        .assert()
        .success();
    (d, db, head)
}

/// `verify` (with the paper head, if given) exits 1 and says all of `says`.
fn caught(db: &Path, head: Option<&str>, says: &[&str]) {
    let mut c = talenta(db);
    c.args(["audit", "verify"]);
    if let Some(h) = head {
        c.args(["--expect-head", h]);
    }
    let o = c.output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{db:?} not caught: {err}");
    for s in says {
        assert!(err.contains(s), "{db:?}: {s:?} not in {err}");
    }
}

/// Plain `verify` cannot tell (a consistent chain); the paper head can.
fn caught_only_by_the_paper(db: &Path, head: &str) {
    talenta(db).args(["audit", "verify"]).assert().success();
    caught(db, Some(head), &["does not contain the head hash", head]);
}

fn seq_of(db: &Path, action: &str, nth_last: i64) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT seq FROM audit_log WHERE action = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2",
            params![action, nth_last],
            |r| r.get(0),
        )
        .unwrap()
}

fn entry_says(seq: i64) -> String {
    format!("audit entry {seq} ")
}

fn last_seq(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// What the minutes of session 1 are rendered from.
fn detail(db: &Path) -> SessionDetail {
    ss::detail(&Store::open(db, OpenMode::Existing).unwrap().conn, 1).unwrap()
}

/// The minutes still show the closing state: no forged text, the paper head.
fn minutes_unchanged(db: &Path, head: &str, forged: &str) {
    let d = detail(db);
    assert_eq!(d.closing_head.as_deref(), Some(head));
    assert_eq!(d.decisions.len(), 3, "{:?}", d.decisions);
    assert_eq!(d.discussed, [FAUZI]);
    assert_eq!(d.recusals.len(), 1);
    assert_eq!(d.members.iter().filter(|m| m.present).count(), 4);
    let md = run(db, &["session", "minutes", "1"]);
    assert!(!md.contains(forged), "the minutes show {forged:?}:\n{md}");
    assert!(
        md.contains(&format!("Audit trail head hash at closing: {head}")),
        "{md}"
    );
    assert!(!md.contains("DRAFT"), "{md}");
}

/// Append an entry with a correct hash after the current head.
fn append_entry(conn: &Connection, action: &str, entity: &str, id: &str, after: Value) -> i64 {
    let (seq, prev): (i64, String) = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut e = Entry {
        seq: seq + 1,
        at: "2026-11-21T09:00:00.000Z".into(),
        actor: "sekretaris".into(),
        os_user: "bkd-operator".into(),
        action: action.into(),
        entity: entity.into(),
        entity_id: id.into(),
        before: None,
        after: Some(after.to_string()),
        prev_hash: prev,
        hash: String::new(),
        kunci: None,
    };
    e.hash = e.compute_hash();
    insert_entry(conn, &e);
    e.seq
}

fn insert_entry(conn: &Connection, e: &Entry) {
    conn.execute(
        "INSERT INTO audit_log VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            e.seq,
            e.at,
            e.actor,
            e.os_user,
            e.action,
            e.entity,
            e.entity_id,
            e.before,
            e.after,
            e.prev_hash,
            e.hash,
            e.kunci
        ],
    )
    .unwrap();
}

/// Rewrite the whole chain consistently after an edit of entry `seq`'s `after`.
/// Rewrite the whole chain consistently after `edit` changed the `after` of
/// some entries (it is given each entry's seq and parsed `after`).
fn rewrite_chain(conn: &Connection, edit: impl Fn(i64, &mut Value)) {
    let mut entries = audit::log(conn, None).unwrap();
    conn.execute("DELETE FROM audit_log", []).unwrap();
    let mut prev = audit::GENESIS.to_string();
    for e in &mut entries {
        if let Some(after) = e.after.as_deref() {
            let mut v: Value = serde_json::from_str(after).unwrap();
            edit(e.seq, &mut v);
            e.after = Some(v.to_string());
        }
        e.prev_hash = prev;
        e.hash = e.compute_hash();
        prev = e.hash.clone();
        insert_entry(conn, e);
    }
}

#[test]
fn additions_to_a_closed_session_are_caught_and_kept_out_of_the_minutes() {
    let (_d, db, head) = recorded();
    // A recommendation inserted with a correctly hashed entry.
    let forged = forge(&db, "entry_forged", |c| {
        let snapshot: String = c
            .query_row(
                "SELECT snapshot FROM decision WHERE nip = ?1",
                [SITI],
                |r| r.get(0),
            )
            .unwrap();
        c.execute(
            "INSERT INTO decision (id, session_id, nip, kind, reason, snapshot, version, decided_at, actor)
             VALUES (4, 1, ?1, 'promosi', 'disisipkan diam-diam', ?2, 1, '2026-11-21T09:00:00.000Z', 'sekretaris')",
            params![SITI, snapshot],
        )
        .unwrap();
        let after = json!({"session": 1, "nip": SITI, "kind": "promosi", "position": null,
            "reason": "disisipkan diam-diam", "votes": null, "version": 1, "supersedes": null,
            "snapshot": serde_json::from_str::<Value>(&snapshot).unwrap(),
            "decided_at": "2026-11-21T09:00:00.000Z"});
        append_entry(c, "decision.record", "decision", "4", after);
    });
    made(0, 1);
    let seq = last_seq(&forged);
    caught(
        &forged,
        None,
        &[&entry_says(seq), "changes session 1 after it was closed"],
    );
    caught(&forged, Some(&head), &[&entry_says(seq)]);
    minutes_unchanged(&forged, &head, "disisipkan diam-diam");

    // The status flipped to open, the normal command used, the status flipped back.
    let normal: [(&str, &[&str], &str); 5] = [
        (
            "decide",
            &[
                "session",
                "decide",
                "1",
                SITI,
                "--kind",
                "rotasi",
                "--reason",
                "lewat pintu",
            ],
            "lewat pintu",
        ),
        (
            "amend",
            &[
                "session",
                "amend",
                "1",
                "--kind",
                "rotasi",
                "--reason",
                "diubah diam-diam",
            ],
            "diubah diam-diam",
        ),
        ("attend", &["session", "attend", "1", "Yusuf"], "Mallory"),
        (
            "recuse",
            &[
                "session",
                "recuse",
                "1",
                "Dewi",
                SITI,
                "--reason",
                "mundur belakangan",
            ],
            "mundur belakangan",
        ),
        ("discussed", &["session", "discussed", "1", SITI], "Mallory"),
    ];
    for (name, args, shown) in normal {
        let copy = forge(&db, &format!("flip_{name}"), |c| {
            c.execute(
                "UPDATE committee_session SET status = 'open' WHERE id = 1",
                [],
            )
            .unwrap();
        });
        run(&copy, args);
        Connection::open(&copy)
            .unwrap()
            .execute(
                "UPDATE committee_session SET status = 'closed' WHERE id = 1",
                [],
            )
            .unwrap();
        let seq = last_seq(&copy);
        caught(
            &copy,
            None,
            &[&entry_says(seq), "changes session 1 after it was closed"],
        );
        minutes_unchanged(&copy, &head, shown);
        made(0, 1);
    }
    assert_made(0, 6);
}

#[test]
fn triggers_rewritten_dropped_or_added_are_caught() {
    let (_d, db, _head) = recorded();
    // Rewritten through `writable_schema`: (case, trigger, text replaced, by).
    let rewrites = [
        (
            "when_0",
            "audit_log_no_update",
            "ON audit_log",
            "ON audit_log WHEN 0",
        ),
        (
            "raise_ignore",
            "audit_log_no_delete",
            "RAISE(ABORT, 'audit_log is append-only')",
            "RAISE(IGNORE)",
        ),
        (
            "decision_when_0",
            "decision_no_update",
            "ON decision",
            "ON decision WHEN 0",
        ),
    ];
    for (name, trigger, from, to) in rewrites {
        // The change is made with the triggers in place, as an attacker would.
        let copy = forge(&db, name, |_| {});
        let c = Connection::open(&copy).unwrap();
        c.execute_batch("PRAGMA writable_schema = ON;").unwrap();
        let n = c
            .execute(
                "UPDATE sqlite_master SET sql = replace(sql, ?2, ?3) WHERE name = ?1",
                params![trigger, from, to],
            )
            .unwrap();
        assert_eq!(n, 1);
        c.execute_batch("PRAGMA writable_schema = OFF;").unwrap();
        drop(c);
        caught(&copy, None, &["no longer protected"]);
        made(1, 1);
    }
    let copy = forge(&db, "extra", |_| {});
    Connection::open(&copy)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER audit_log_helper AFTER INSERT ON audit_log BEGIN SELECT 1; END;",
        )
        .unwrap();
    caught(&copy, None, &["no longer protected"]);
    made(1, 1);
    let copy = forge(&db, "dropped", |_| {});
    Connection::open(&copy)
        .unwrap()
        .execute_batch("DROP TRIGGER decision_no_delete;")
        .unwrap();
    caught(&copy, None, &["no longer protected"]);
    made(1, 1);
    // A TEMP trigger lives on one connection: it is flagged on the one verifying.
    let copy = forge(&db, "temp", |_| {});
    let store = Store::open(&copy, OpenMode::Existing).unwrap();
    store
        .conn
        .execute_batch("CREATE TEMP TRIGGER t BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;")
        .unwrap();
    assert!(matches!(
        audit::verify(&store.conn, None).unwrap(),
        Verdict::Broken {
            problem: Problem::TriggersMissing,
            ..
        }
    ));
    made(1, 1);
    assert_made(1, 6);
}

#[test]
fn every_field_of_a_decision_is_checked() {
    let (_d, db, head) = recorded();
    let first = seq_of(&db, "decision.record", 1);
    let cases: [(&str, &str, &str); 6] = [
        ("snapshot", "json_set(snapshot, '$.kotak', 8)", "1"),
        ("actor", "'Mallory'", "1"),
        ("decided_at", "'2026-11-19T08:00:00.000Z'", "1"),
        ("reason", "'alasan lain'", "1"),
        ("votes_for", "2", "1"),
        ("kode_jabatan", "NULL", "1"),
    ];
    for (field, value, id) in cases {
        let copy = forge(&db, &format!("decision_{field}"), |c| {
            c.execute(
                &format!("UPDATE decision SET {field} = {value} WHERE id = {id}"),
                [],
            )
            .unwrap();
        });
        caught(
            &copy,
            None,
            &[
                &format!("the decision record {id} does not match"),
                &entry_says(first),
            ],
        );
        caught(&copy, Some(&head), &["the decision record 1"]);
        made(2, 1);
    }
    let copy = forge(&db, "decision_actor_minutes", |c| {
        c.execute("UPDATE decision SET actor = 'Mallory' WHERE id = 1", [])
            .unwrap();
    });
    minutes_unchanged(&copy, &head, "Mallory");
    let copy = forge(&db, "decision_deleted", |c| {
        c.execute("DELETE FROM decision WHERE id = 3", []).unwrap();
    });
    caught(
        &copy,
        None,
        &[
            "the decision record 3 does not match",
            &entry_says(seq_of(&db, "decision.amend", 0)),
        ],
    );
    made(2, 1);
    let copy = forge(&db, "decision_inserted", |c| {
        c.execute(
            "INSERT INTO decision (session_id, nip, kind, reason, snapshot, version, decided_at, actor)
             VALUES (1, ?1, 'promosi', 'tanpa entri', '{}', 1, '2026-11-21', 'x')",
            [SITI],
        )
        .unwrap();
    });
    caught(&copy, None, &["the decision record 4 has no audit entry"]);
    made(2, 1);
    assert_made(2, 8);
}

#[test]
fn every_session_table_is_checked() {
    let (_d, db, head) = recorded();
    let create = seq_of(&db, "session.create", 0);
    let attend = seq_of(&db, "session.attend", 0);
    let recuse = seq_of(&db, "session.recuse", 0);
    let close = seq_of(&db, "session.close", 0);
    let reopen = seq_of(&db, "session.reopen", 0);
    let cases: Vec<(&str, &str, String, i64)> = vec![
        (
            "attendance_flipped",
            "UPDATE session_member SET present = 0 WHERE name = 'Dewi'",
            "member record 1/Dewi".into(),
            attend,
        ),
        (
            "absent_marked_present",
            "UPDATE session_member SET present = 1 WHERE name = 'Yusuf'",
            "member record 1/Yusuf".into(),
            attend,
        ),
        (
            "recusal_deleted",
            "DELETE FROM recusal",
            format!("recusal record 1/Rahmat/{FAUZI}"),
            recuse,
        ),
        (
            "recusal_reason",
            "UPDATE recusal SET reason = 'tidak ada'",
            format!("recusal record 1/Rahmat/{FAUZI}"),
            recuse,
        ),
        (
            "member_renamed",
            "UPDATE session_member SET name = 'Yusuf Palsu' WHERE name = 'Yusuf'",
            "member record 1/Yusuf".into(),
            create,
        ),
        (
            "member_role",
            "UPDATE session_member SET role = 'ketua' WHERE name = 'Dewi'",
            "member record 1/Dewi".into(),
            create,
        ),
        (
            "title",
            "UPDATE committee_session SET title = 'Sidang Lain'",
            "session record 1".into(),
            create,
        ),
        (
            "date",
            "UPDATE committee_session SET date = '2026-01-01'",
            "session record 1".into(),
            create,
        ),
        (
            "quorum",
            "UPDATE committee_session SET quorum = 1",
            "session record 1".into(),
            create,
        ),
        (
            "status",
            "UPDATE committee_session SET status = 'open'",
            "session record 1".into(),
            close,
        ),
        (
            "close_event_deleted",
            "DELETE FROM session_event WHERE id = (SELECT max(id) FROM session_event)",
            "event record 1/4".into(),
            close,
        ),
        (
            "reopen_reason",
            "UPDATE session_event SET reason = 'alasan lain' WHERE kind = 'reopen'",
            "event record 1/3".into(),
            reopen,
        ),
        (
            "event_actor",
            "UPDATE session_event SET actor = 'Mallory' WHERE kind = 'open'",
            "event record 1/1".into(),
            create,
        ),
        (
            "agenda_deleted",
            "DELETE FROM session_agenda",
            "agenda record 1/BKD-01".into(),
            create,
        ),
    ];
    for (name, sql, says, seq) in cases {
        let copy = forge(&db, name, |c| c.execute_batch(sql).unwrap());
        caught(
            &copy,
            None,
            &[&format!("the {says} does not match"), &entry_says(seq)],
        );
        caught(&copy, Some(&head), &[&says]);
        made(3, 1);
    }
    let copy = forge(&db, "discussed_inserted", |c| {
        c.execute(
            "INSERT INTO discussed VALUES (1, ?1, '2026-11-21T09:00:00.000Z')",
            [SITI],
        )
        .unwrap();
    });
    caught(
        &copy,
        None,
        &[&format!("the discussed record 1/{SITI} has no audit entry")],
    );
    minutes_unchanged(&copy, &head, "zzz");
    made(3, 1);
    assert_made(3, 15);
}

#[test]
fn only_the_paper_head_catches_a_cut_tail_or_a_consistent_rewrite() {
    let (_d, db, head) = recorded();
    // 64 zeros anchor nothing.
    talenta(&db)
        .args(["audit", "verify", "--expect-head", audit::GENESIS])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not contain the head hash"));
    // An edited entry: its hash no longer matches.
    let copy = forge(&db, "entry_edited", |c| {
        c.execute(
            "UPDATE audit_log SET actor = 'orang lain' WHERE seq = 3",
            [],
        )
        .unwrap();
    });
    caught(&copy, None, &["broken at entry 3"]);
    made(4, 1);
    // A deleted entry in the middle: the chain is cut.
    let copy = forge(&db, "entry_deleted", |c| {
        c.execute("DELETE FROM audit_log WHERE seq = 4", [])
            .unwrap();
    });
    caught(&copy, None, &["broken at entry 5"]);
    made(4, 1);
    // The last close cut off the tail, the tables put back to match.
    let copy = forge(&db, "tail_cut", |c| {
        c.execute_batch(
            "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);
             UPDATE committee_session SET status = 'open';
             DELETE FROM session_event WHERE id = (SELECT max(id) FROM session_event);",
        )
        .unwrap();
    });
    caught_only_by_the_paper(&copy, &head);
    made(4, 1);
    // The whole chain rewritten consistently after a changed recusal reason.
    let recuse = seq_of(&db, "session.recuse", 0);
    let copy = forge(&db, "rewritten", |c| {
        rewrite_chain(c, |seq, v| {
            if seq == recuse {
                v["reason"] = json!("tidak ada hubungan");
            }
        });
        c.execute("UPDATE recusal SET reason = 'tidak ada hubungan'", [])
            .unwrap();
    });
    caught_only_by_the_paper(&copy, &head);
    made(4, 1);
    // A genesis "head" anchors nothing, so it cannot vouch for a rewrite.
    caught(
        &copy,
        Some(audit::GENESIS),
        &["does not contain the head hash"],
    );
    made(4, 1);
    assert_made(4, 5);
}

/// Entries written before they carried timestamps (created_at, at,
/// decided_at) still verify, and the minutes take those from the tables.
#[test]
fn entries_without_timestamps_still_verify() {
    let (_d, db, _head) = recorded();
    let old = forge(&db, "old_entries", |c| {
        rewrite_chain(c, |_, v| {
            if let Some(o) = v.as_object_mut() {
                for k in ["created_at", "at", "decided_at"] {
                    o.remove(k);
                }
            }
        })
    });
    let head = audit::head(&Connection::open(&old).unwrap()).unwrap();
    talenta(&old)
        .args(["audit", "verify", "--expect-head", &head])
        .assert()
        .success();
    let (now, then) = (detail(&db), detail(&old));
    assert_eq!(then.closing_head.as_deref(), Some(head.as_str()));
    assert_eq!(then.session.created_at, now.session.created_at);
    let at = |d: &SessionDetail| {
        let mut v: Vec<String> = d.decisions.iter().map(|x| x.decided_at.clone()).collect();
        v.extend(d.events.iter().map(|e| e.at.clone()));
        v.extend(d.recusals.iter().map(|r| r.at.clone()));
        v
    };
    assert_eq!(at(&then), at(&now));
    assert!(at(&now).iter().all(|a| a.starts_with("20")));
    // A timestamp such an entry does not carry is not checked; the rest is.
    let copy = forge(&old, "old_entries_reason", |c| {
        c.execute("UPDATE recusal SET reason = 'lain'", []).unwrap();
    });
    caught(&copy, None, &["the recusal record 1/Rahmat"]);
}
