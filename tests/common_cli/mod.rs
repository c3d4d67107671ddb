//! The command line as the committee-process tests run it: a fixed as-of
//! date, no user config, a known OS user, and the small valid import set.
#![allow(dead_code)]

use assert_cmd::Command;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/valid_comma"
);
/// Box 9 computed (SB, potensi tinggi).
pub const FAUZI: &str = "198609262015051001";
/// Box 5 computed (Baik, potensi menengah).
pub const SITI: &str = "197803142003122002";

/// `talenta --db DB --as-of 2026-11-22` in English.
pub fn talenta(db: &Path) -> Command {
    talenta_in(db, "en_US.UTF-8")
}

/// The same with `LANG` set to `lang` (e.g. `id_ID.UTF-8`).
pub fn talenta_in(db: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db").arg(db).args(["--as-of", "2026-11-22"]);
    c.env_remove("TALENTA_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("USER", "bkd-operator");
    c
}

/// Runs `args` on `db`, which must succeed; its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    ok_with(talenta(db), args)
}

/// Runs `args` with the command `c`, which must succeed; its standard output.
pub fn ok_with(mut c: Command, args: &[&str]) -> String {
    let o = c.args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// A copy of `db` (checkpointed first) forged by `change` with the triggers
/// out of the way: they are dropped first and put back afterwards with their
/// exact stored SQL, so only `audit verify`'s cross-checks can catch it.
pub fn forge(db: &Path, name: &str, change: impl FnOnce(&Connection)) -> PathBuf {
    let copy = db.with_file_name(format!("{name}.db"));
    {
        let c = Connection::open(db).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    std::fs::copy(db, &copy).unwrap();
    let conn = Connection::open(&copy).unwrap();
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name};"))
            .unwrap();
    }
    change(&conn);
    for (_, sql) in &triggers {
        conn.execute_batch(&format!("{sql};")).unwrap();
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    copy
}

/// Runs a command that must be refused: exit 2, the message holding `says`.
pub fn refused(db: &Path, args: &[&str], says: &str) {
    let o = talenta(db).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {says:?} not in {err}");
}

/// The valid import set and an open session 1 titled `title` of five
/// members (quorum 3), four present (Yusuf absent), Rahmat recused for Fauzi.
pub fn committee_session(title: &str) -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    ok(&db, &["import", FIXTURES]);
    let mut new = vec!["session", "new", "--title", title];
    for m in [
        "Siti Rahmah:ketua",
        "Budi:sekretaris",
        "Rahmat",
        "Dewi",
        "Yusuf",
    ] {
        new.extend(["--member", m]);
    }
    ok(&db, &new);
    ok(
        &db,
        &[
            "session",
            "attend",
            "1",
            "Siti Rahmah",
            "Budi",
            "Rahmat",
            "Dewi",
        ],
    );
    ok(
        &db,
        &[
            "session", "recuse", "1", "Rahmat", FAUZI, "--reason", "ipar",
        ],
    );
    (d, db)
}
