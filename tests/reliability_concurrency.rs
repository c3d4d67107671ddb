//! Concurrency: four processes record 250 decisions each on one database
//! (built by `talenta demo`, so the first writers also race to switch it to
//! WAL) while readers keep reading it: the command line (`query --count`,
//! `audit verify`) and the TUI's engine (`load_pool`, repeatedly). All 1,000
//! decisions are recorded with distinct ids, no process fails or prints
//! anything on stderr, and the chain is intact.
//!
//! `TALENTA_CONCURRENCY_PER` (default 250) sets the decisions per writer.

#![cfg(unix)]

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use talenta::domain::Rules;
use talenta::store::audit::{self, Verdict};
use talenta::store::load::load_pool;
use talenta::store::{OpenMode, Store};

fn talenta(db: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("talenta"));
    c.arg("--db").arg(db).args(["--lang", "en"]);
    c.env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .stdin(Stdio::null());
    c
}

/// Run to completion: exit 0 and nothing at all on stderr (no error, no warning).
fn clean(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(
        o.status.success() && o.stderr.is_empty(),
        "status {:?}, stderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn four_writers_and_readers_lose_nothing() {
    let per: usize = std::env::var("TALENTA_CONCURRENCY_PER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(250);
    let writers = 4;
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    clean(talenta(&db).args(["demo", "--size", "300", "--force"]));
    // In rollback-journal mode (a file from another tool), so that the first
    // writers also race to switch it to WAL.
    let c = rusqlite::Connection::open(&db).unwrap();
    let _: String = c
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    drop(c);
    let nips: Vec<String> =
        clean(talenta(&db).args(["query", "", "--format", "csv", "--limit", "20"]))
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
    assert_eq!(nips.len(), 20);
    let sid = clean(talenta(&db).args([
        "session", "new", "--title", "Serentak", "--member", "A", "--member", "B", "--member", "C",
    ]))
    .trim()
    .to_string();
    clean(talenta(&db).args(["session", "attend", &sid, "A", "B", "C"]));

    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();

    // Readers: the command line, and the TUI's loader in this process.
    let cli_reader = {
        let (db, stop, reads) = (db.clone(), stop.clone(), reads.clone());
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let args: &[&str] = if i % 5 == 4 {
                    &["audit", "verify"]
                } else {
                    &["query", "kotak >= 7 or usia < 40", "--count"]
                };
                clean(talenta(&db).args(args));
                reads.fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
        })
    };
    let tui_reader = {
        let (db, stop, reads) = (db.clone(), stop.clone(), reads.clone());
        std::thread::spawn(move || {
            let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            while !stop.load(Ordering::Relaxed) {
                let store = Store::open(&db, OpenMode::Existing).unwrap();
                let pool = load_pool(&store.conn, as_of, &Rules::default()).unwrap();
                assert_eq!(pool.len(), 300);
                reads.fetch_add(1, Ordering::Relaxed);
            }
        })
    };

    let bin = assert_cmd::cargo::cargo_bin("talenta");
    let handles: Vec<std::thread::JoinHandle<Vec<i64>>> = (0..writers)
        .map(|w| {
            let (bin, db, sid, nips) = (bin.clone(), db.clone(), sid.clone(), nips.clone());
            std::thread::spawn(move || {
                (0..per)
                    .map(|i| {
                        let out = clean(
                            Command::new(&bin)
                                .arg("--db")
                                .arg(&db)
                                .args(["--lang", "en", "--as", &format!("penulis {w}")])
                                .args(["session", "decide", &sid, &nips[(w * 7 + i) % 20]])
                                .args(["--kind", "ditunda", "--reason"])
                                .arg(format!("proses {w} keputusan {i}"))
                                .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
                                .stdin(Stdio::null()),
                        );
                        out.trim().parse::<i64>().unwrap()
                    })
                    .collect()
            })
        })
        .collect();
    let mut ids: Vec<i64> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let write_time = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    cli_reader.join().unwrap();
    tui_reader.join().unwrap();

    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), writers * per, "every reported id is distinct");
    let store = Store::open(&db, OpenMode::Existing).unwrap();
    let n: i64 = store
        .conn
        .query_row("SELECT count(*) FROM decision", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as usize, writers * per);
    for w in 0..writers {
        let mine: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE actor = ?1 AND entity = 'decision'",
                [format!("penulis {w}")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mine as usize, per, "writer {w}'s audit entries");
    }
    assert!(matches!(
        audit::verify(&store.conn, None).unwrap(),
        Verdict::Intact { .. }
    ));
    clean(talenta(&db).args(["audit", "verify"]));
    eprintln!(
        "concurrency: {writers} writers x {per} decisions in {write_time:?} ({:.0} decisions/s) \
         with {} reads alongside",
        (writers * per) as f64 / write_time.as_secs_f64(),
        reads.load(Ordering::Relaxed)
    );
    let _: PathBuf = db;
}
