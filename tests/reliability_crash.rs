//! Crash harness: the real binary is killed with SIGKILL at random moments
//! (seeded, so a failure can be replayed) while it imports files and records
//! decisions. After every kill:
//!
//! - the database opens (`Store::open`) and `PRAGMA integrity_check` is `ok`;
//! - `talenta audit verify` passes (chain, decisions cross-check, triggers);
//! - every decision id printed by a `session decide` that exited 0 is there;
//! - an import is all or nothing: the employee table (NIP → jabatan, which
//!   each import variant marks) equals the model before the import or the
//!   model after it, never a mix; the other tables' counts likewise; the audit
//!   trail has the same number of entries or exactly one more.
//!
//! `TALENTA_CRASH_KILLS` (default 50) sets the number of kills and
//! `TALENTA_CRASH_SEED` (default 20261122) the seed, for a longer soak:
//! `TALENTA_CRASH_KILLS=1000 cargo test --release --test reliability_crash -- --nocapture`.

#![cfg(unix)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use talenta::store::audit::{self, Verdict};
use talenta::store::{OpenMode, Store};

const TABLES: [&str; 7] = [
    "employee",
    "skp",
    "competency_assessment",
    "potential_assessment",
    "training",
    "position",
    "position_requirement",
];
const POOL: usize = 400;

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn talenta(db: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("talenta"));
    c.arg("--db").arg(db).args(["--lang", "en"]);
    c.env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("USER", "crash-harness")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn ok(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Wait for the child until `deadline`; kill it (SIGKILL) if it is still running.
/// Returns its output when it finished on its own, `None` when it was killed.
fn run_until(mut child: Child, deadline: Instant) -> Option<Output> {
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        if Instant::now() >= deadline {
            child.kill().unwrap(); // SIGKILL on unix
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
}

/// The employees' NIP → jabatan, which the import variants mark.
type Model = BTreeMap<String, String>;

fn employees(conn: &Connection) -> Model {
    let mut st = conn.prepare("SELECT nip, jabatan FROM employee").unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn counts(conn: &Connection) -> Vec<i64> {
    TABLES
        .iter()
        .map(|t| {
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

fn audit_entries(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// Everything that must hold after any kill; returns the open store's view.
fn check_db(db: &Path, bin_db: &Path) -> Store {
    let store = Store::open(db, OpenMode::Existing).expect("the database opens after a kill");
    let ic: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ic, "ok");
    match audit::verify(&store.conn, None).unwrap() {
        Verdict::Intact { .. } => {}
        v => panic!("audit trail broken after a kill: {v:?}"),
    }
    ok(talenta(bin_db).args(["audit", "verify"]));
    store
}

struct Pegawai {
    header: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

fn read_pegawai(path: &Path) -> Pegawai {
    let mut r = csv::Reader::from_path(path).unwrap();
    Pegawai {
        header: r.headers().unwrap().clone(),
        rows: r.records().map(Result::unwrap).collect(),
    }
}

/// Write the first `n` employees with jabatan marked `mark` (or unmarked).
fn write_variant(p: &Pegawai, n: usize, mark: Option<usize>, out: &Path) -> Vec<(String, String)> {
    let mut w = csv::Writer::from_path(out).unwrap();
    w.write_record(&p.header).unwrap();
    let mut applied = Vec::new();
    for row in p.rows.iter().take(n) {
        let mut r: Vec<String> = row.iter().map(str::to_string).collect();
        if let Some(m) = mark {
            r[6] = format!("{} #{m}", r[6]);
        }
        applied.push((r[0].clone(), r[6].clone()));
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    applied
}

#[test]
fn sigkill_during_imports_and_decisions_loses_nothing() {
    let kills_wanted = env_num("TALENTA_CRASH_KILLS", 50) as usize;
    let seed = env_num("TALENTA_CRASH_SEED", 20261122);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let started = Instant::now();

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pool.db");
    let full = dir.path().join("full");
    ok(talenta(&db)
        .args(["demo", "--size", &POOL.to_string(), "--csv"])
        .arg(&full));
    let peg = read_pegawai(&full.join("pegawai.csv"));
    assert_eq!(peg.rows.len(), POOL);

    // The full set's table counts, from a reference database.
    let reference = dir.path().join("reference.db");
    ok(talenta(&reference).arg("import").arg(&full));
    let full_counts = counts(&Connection::open(&reference).unwrap());
    let full_model = employees(&Connection::open(&reference).unwrap());

    // Base: the first 50 employees and a session of three, all present.
    let base = dir.path().join("base");
    std::fs::create_dir(&base).unwrap();
    write_variant(&peg, 50, None, &base.join("pegawai.csv"));
    ok(talenta(&db).arg("import").arg(&base));
    let sid = ok(talenta(&db).args([
        "session", "new", "--title", "Crash", "--member", "A", "--member", "B", "--member", "C",
    ]))
    .trim()
    .to_string();
    ok(talenta(&db).args(["session", "attend", &sid, "A", "B", "C"]));
    let decide_nips: Vec<String> = peg.rows[..50].iter().map(|r| r[0].to_string()).collect();

    // How long an unkilled import of the largest variant takes here, to aim the kills.
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).unwrap();
    write_variant(&peg, POOL, Some(0), &probe.join("pegawai.csv"));
    let probe_db = dir.path().join("probe.db");
    std::fs::copy(&db, &probe_db).unwrap();
    let t = Instant::now();
    ok(talenta(&probe_db).arg("import").arg(&probe));
    let import_time = t.elapsed();
    let t = Instant::now();
    ok(talenta(&reference).arg("import").arg(&full));
    let full_time = t.elapsed();

    let mut model = employees(&Connection::open(&db).unwrap());
    let mut reported: Vec<i64> = Vec::new();
    let (mut kills, mut import_kills, mut decide_kills) = (0, 0, 0);
    // Killed imports whose transaction had already committed (the "after" state).
    let mut killed_after_commit = 0;
    let (mut imports_done, mut decisions_done, mut rounds) = (0, 0, 0);
    let variant_dir = dir.path().join("variant");
    std::fs::create_dir(&variant_dir).unwrap();

    while kills < kills_wanted {
        rounds += 1;
        let before_counts = counts(&Connection::open(&db).unwrap());
        let before_audit = audit_entries(&Connection::open(&db).unwrap());
        match rng.gen_range(0..10) {
            // An import of employees only: a prefix of the pool, jabatan marked.
            0..=3 => {
                let n = rng.gen_range(1..=POOL);
                let applied =
                    write_variant(&peg, n, Some(rounds), &variant_dir.join("pegawai.csv"));
                let mut after = model.clone();
                after.extend(applied);
                let delay = import_time.mul_f64(rng.gen_range(0.0..1.3));
                let child = talenta(&db)
                    .arg("import")
                    .arg(&variant_dir)
                    .spawn()
                    .unwrap();
                let finished = run_until(child, Instant::now() + delay);
                let store = check_db(&db, &db);
                let now = employees(&store.conn);
                match finished {
                    Some(o) => {
                        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                        assert_eq!(now, after, "a finished import is all there");
                        imports_done += 1;
                    }
                    None => {
                        kills += 1;
                        import_kills += 1;
                        assert!(now == model || now == after, "import half-written");
                        killed_after_commit += usize::from(now == after);
                    }
                }
                let entries = audit_entries(&store.conn);
                if now == after && now != model {
                    assert_eq!(entries, before_audit + 1);
                } else {
                    assert!(entries == before_audit || entries == before_audit + 1);
                }
                model = now;
            }
            // The whole demo set: every kind of file.
            4..=5 => {
                let mut after = model.clone();
                after.extend(full_model.clone());
                let delay = full_time.mul_f64(rng.gen_range(0.0..1.3));
                let child = talenta(&db).arg("import").arg(&full).spawn().unwrap();
                let finished = run_until(child, Instant::now() + delay);
                let store = check_db(&db, &db);
                let now = employees(&store.conn);
                let c = counts(&store.conn);
                let after_counts: Vec<i64> = full_counts
                    .iter()
                    .zip(&before_counts)
                    .map(|(f, b)| *f.max(b))
                    .collect();
                match finished {
                    Some(o) => {
                        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                        assert_eq!(now, after);
                        assert_eq!(c, after_counts);
                        imports_done += 1;
                    }
                    None => {
                        kills += 1;
                        import_kills += 1;
                        assert!(now == model || now == after, "import half-written");
                        assert!(
                            c == before_counts || c == after_counts,
                            "table counts between before {before_counts:?} and after {after_counts:?}: {c:?}"
                        );
                        if now != model || c != before_counts {
                            assert_eq!(now, after);
                            assert_eq!(c, after_counts);
                            killed_after_commit += 1;
                        }
                    }
                }
                model = now;
            }
            // Decisions, one process after another, until the deadline kills one.
            _ => {
                let deadline = Instant::now() + Duration::from_micros(rng.gen_range(0..400_000));
                loop {
                    let nip = &decide_nips[rng.gen_range(0..decide_nips.len())];
                    let child = talenta(&db)
                        .args(["session", "decide", &sid, nip, "--kind", "ditunda"])
                        .args(["--reason", &format!("round {rounds}")])
                        .spawn()
                        .unwrap();
                    match run_until(child, deadline) {
                        Some(o) => {
                            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                            let id: i64 =
                                String::from_utf8(o.stdout).unwrap().trim().parse().unwrap();
                            reported.push(id);
                            decisions_done += 1;
                        }
                        None => {
                            kills += 1;
                            decide_kills += 1;
                            break;
                        }
                    }
                }
                let store = check_db(&db, &db);
                let mut st = store.conn.prepare("SELECT id FROM decision").unwrap();
                let present: std::collections::HashSet<i64> = st
                    .query_map([], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                for id in &reported {
                    assert!(present.contains(id), "decision {id} reported but lost");
                }
                assert!(present.len() >= reported.len());
            }
        }
    }
    let db_size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "crash harness: seed {seed}, {kills} kills ({import_kills} during imports, {decide_kills} during decisions) \
         in {rounds} rounds ({killed_after_commit} killed imports had committed, the rest left no trace); {imports_done} imports and {decisions_done} decisions completed and checked; \
         probe import {import_time:?}, full import {full_time:?}; db {db_size} bytes; total {:?}",
        started.elapsed()
    );
    let _: PathBuf = db;
}
