//! Bad databases: not a SQLite file, a newer schema, a read-only file or
//! folder, a locked database, a truncated or corrupt file, a full disk. Each
//! gives one clear sentence on stderr, a non-zero exit status, no panic, and
//! the database file's bytes exactly as they were (SHA-256 before and after).
//!
//! Tests run as root here, and root ignores permission bits: the read-only
//! cases run the binary as uid/gid 65534 through `setpriv` when the test runs
//! as root (and as the current user otherwise). The full-disk case uses a
//! tiny tmpfs when `mount` is allowed and, always, a file-size limit
//! (`ulimit -f`; talenta catches SIGXFSZ, so writes fail with EFBIG as on a full disk).

#![cfg(unix)]

use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use talenta::store::{OpenMode, Store};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("talenta")
}

fn base(c: &mut Command, db: &Path) {
    c.arg("--db").arg(db).args(["--lang", "en"]);
    c.env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .stdin(Stdio::null());
}

fn talenta(db: &Path) -> Command {
    let mut c = Command::new(bin());
    base(&mut c, db);
    c
}

fn hash(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).unwrap()))
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .map(|u| u.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// A pool of 200 built by `talenta demo`, then switched to rollback-journal
/// mode, as a file from another tool may be (demo itself leaves WAL mode).
fn demo_db(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let o = talenta(&db)
        .args(["demo", "--size", "200", "--force"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let c = Connection::open(&db).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    drop(c);
    db
}

/// The same pool after a talenta write, so in WAL mode.
fn wal_db(dir: &Path, name: &str) -> PathBuf {
    let db = demo_db(dir, name);
    let o = talenta(&db)
        .args(["session", "new", "--title", "Sidang"])
        .output()
        .unwrap();
    assert!(o.status.success());
    db
}

/// Failed cleanly: the status, one first line naming the problem, no panic.
fn failed(o: &Output, code: i32, says: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("talenta: "), "{err}");
    assert!(first.contains(says), "expected {says:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Commands that read and that write, to try on every bad database.
fn commands(extra: &Path) -> Vec<Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["query", "usia < 50", "--count"]),
        s(&["audit", "verify"]),
        s(&["session", "list"]),
        s(&["session", "new", "--title", "Sidang"]),
        vec!["import".into(), extra.display().to_string()],
    ]
}

fn import_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/valid_comma")
}

#[test]
fn not_a_sqlite_file() {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("text.db", b"nip;nama\n1;Siti\n".repeat(300)),
        (
            "binary.db",
            (0..40_000u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        (
            "fake_header.db",
            [b"SQLite format 3\0".to_vec(), vec![0xAB; 8192]].concat(),
        ),
    ] {
        let db = d.path().join(name);
        std::fs::write(&db, &bytes).unwrap();
        for args in commands(&import_fixture()) {
            let o = talenta(&db).args(&args).output().unwrap();
            failed(&o, 1, "is not a talenta database");
            assert_eq!(std::fs::read(&db).unwrap(), bytes, "{name} {args:?}");
        }
    }
    // A SQLite file of another program is refused too, not migrated.
    let other = d.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    let h = hash(&other);
    for args in commands(&import_fixture()) {
        failed(
            &talenta(&other).args(&args).output().unwrap(),
            1,
            "is not a talenta database",
        );
    }
    assert_eq!(hash(&other), h);
}

#[test]
fn a_newer_schema() {
    let d = tempfile::tempdir().unwrap();
    for db in [demo_db(d.path(), "a.db"), wal_db(d.path(), "b.db")] {
        Connection::open(&db)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let h = hash(&db);
        for args in commands(&import_fixture()) {
            let o = talenta(&db).args(&args).output().unwrap();
            failed(&o, 1, "newer than this talenta knows");
            assert_eq!(hash(&db), h, "{args:?}");
        }
    }
}

/// Run as an unprivileged user when we are root (root ignores permission bits).
fn as_unprivileged(db: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin());
        base(&mut c, db);
        c
    } else {
        talenta(db)
    }
}

fn setpriv_available() -> bool {
    !is_root()
        || Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
}

fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_file_or_folder() {
    if !setpriv_available() {
        eprintln!("skipped: running as root without setpriv; permission bits cannot be tested");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    chmod(d.path(), 0o755);
    // The import's files must be readable by the unprivileged user too.
    let files = d.path().join("import");
    std::fs::create_dir(&files).unwrap();
    for e in std::fs::read_dir(import_fixture()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), files.join(e.file_name())).unwrap();
        chmod(&files.join(e.file_name()), 0o644);
    }
    chmod(&files, 0o755);

    // A read-only file in a writable folder (the folder belongs to the user).
    let rw_folder = d.path().join("rw");
    std::fs::create_dir(&rw_folder).unwrap();
    let ro_folder = d.path().join("ro");
    std::fs::create_dir(&ro_folder).unwrap();
    let mut cases = Vec::new();
    for (folder, folder_ro) in [(&rw_folder, false), (&ro_folder, true)] {
        for db in [demo_db(folder, "demo.db"), wal_db(folder, "wal.db")] {
            chmod(&db, if folder_ro { 0o644 } else { 0o444 });
            cases.push((db, folder_ro));
        }
        if is_root() {
            std::os::unix::fs::chown(folder, Some(65534), Some(65534)).unwrap();
        }
        chmod(folder, if folder_ro { 0o555 } else { 0o755 });
    }
    for (db, folder_ro) in &cases {
        let h = hash(db);
        for args in commands(&files) {
            let o = as_unprivileged(db).args(&args).output().unwrap();
            let writes = args[0] == "import" || args.get(1).map(String::as_str) == Some("new");
            let wal = db.file_name().unwrap() == "wal.db";
            if writes || !wal || *folder_ro {
                // Reads of a WAL database in a read-only folder fail too: SQLite
                // needs to create the -shm file beside it.
                assert_ne!(o.status.code(), Some(0), "{db:?} {args:?}");
                failed(&o, 1, "read-only");
            } else {
                // A read-only WAL database in a writable folder can still be read.
                assert!(
                    o.status.success(),
                    "{db:?} {args:?}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            }
            assert_eq!(hash(db), h, "{db:?} {args:?}");
        }
    }
    chmod(&ro_folder, 0o755);
}

/// Hold the write lock from this process while a command runs.
#[test]
fn a_locked_database_waits_then_fails_clearly() {
    let d = tempfile::tempdir().unwrap();
    let db = wal_db(d.path(), "pool.db");
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let h = hash(&db);
    // Writers wait for the busy timeout (set short here) and then say so.
    for args in [
        vec!["session", "new", "--title", "Sidang"],
        vec!["import", import_fixture().to_str().unwrap()],
    ] {
        let o = talenta(&db)
            .env("TALENTA_BUSY_TIMEOUT_MS", "300")
            .args(&args)
            .output()
            .unwrap();
        failed(&o, 1, "locked by another process");
    }
    // Readers are not blocked by a writer in WAL mode.
    let o = talenta(&db)
        .env("TALENTA_BUSY_TIMEOUT_MS", "300")
        .args(["query", "", "--count"])
        .output()
        .unwrap();
    assert!(o.status.success());
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(hash(&db), h);

    // An exclusive lock (rollback-journal mode, locking_mode=EXCLUSIVE) blocks readers too.
    let db2 = demo_db(d.path(), "excl.db");
    let h2 = hash(&db2);
    let excl = Connection::open(&db2).unwrap();
    excl.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    for args in commands(&import_fixture()) {
        let o = talenta(&db2)
            .env("TALENTA_BUSY_TIMEOUT_MS", "200")
            .args(&args)
            .output()
            .unwrap();
        failed(&o, 1, "locked by another process");
    }
    excl.execute_batch("ROLLBACK").unwrap();
    drop(excl);
    assert_eq!(hash(&db2), h2);
}

/// A lock held for a while, then released: the command retries and succeeds.
#[test]
fn a_briefly_busy_database_is_retried_not_reported() {
    let d = tempfile::tempdir().unwrap();
    let db = wal_db(d.path(), "pool.db");
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let child = talenta(&db)
        .args(["session", "new", "--title", "Sidang 2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Release once the command has certainly reached the lock (it cannot finish before).
    std::thread::sleep(std::time::Duration::from_millis(800));
    holder.execute_batch("COMMIT").unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stderr.is_empty());
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2");
}

#[test]
fn a_truncated_or_corrupt_file() {
    let d = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for (i, make) in [demo_db, wal_db].iter().enumerate() {
        // Truncated to its first 100 bytes (the header alone).
        let db = make(d.path(), &format!("trunc{i}.db"));
        let bytes = std::fs::read(&db).unwrap();
        std::fs::write(&db, &bytes[..100]).unwrap();
        cases.push(db);
        // Truncated to half.
        let db = make(d.path(), &format!("half{i}.db"));
        let bytes = std::fs::read(&db).unwrap();
        std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
        cases.push(db);
        // Pages in the middle zeroed.
        let db = make(d.path(), &format!("zero{i}.db"));
        let mut bytes = std::fs::read(&db).unwrap();
        let (n, page) = (bytes.len(), 4096);
        for b in &mut bytes[(n / 3 / page) * page..(2 * n / 3 / page) * page] {
            *b = 0;
        }
        std::fs::write(&db, &bytes).unwrap();
        cases.push(db);
        // Garbage over the schema page.
        let db = make(d.path(), &format!("schema{i}.db"));
        let mut bytes = std::fs::read(&db).unwrap();
        for (j, b) in bytes[100..4096].iter_mut().enumerate() {
            *b = (j * 31 % 256) as u8;
        }
        std::fs::write(&db, &bytes).unwrap();
        cases.push(db);
    }
    for db in &cases {
        for args in commands(&import_fixture()) {
            let h = hash(db);
            let o = talenta(db).args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!err.contains("panicked"), "{err}");
            // Damage that a command never reads (pages of other tables in a
            // WAL database, which opens without a full check) may go unnoticed
            // by it; reading all employees always notices.
            if !o.status.success() || args[0] == "query" {
                assert_eq!(o.status.code(), Some(1), "{db:?} {args:?}: {err}");
                assert!(err.starts_with("talenta: "), "{err}");
                // A refused command leaves the file as it was (a write that
                // never touched the damaged pages succeeds and changes it).
                assert_eq!(hash(db), h, "{db:?} {args:?} left the file as it was");
            }
        }
        if db.file_name().unwrap().to_string_lossy().ends_with("0.db") {
            // Rollback-journal files are checked before
            // the switch to WAL: refused as not a talenta database.
            let h = hash(db);
            assert!(matches!(
                Store::open(db, OpenMode::Existing),
                Err(talenta::store::StoreError::NotDatabase { .. })
            ));
            assert_eq!(hash(db), h);
        }
    }
}

/// `ulimit -f`: talenta catches SIGXFSZ itself, so writes beyond the limit
/// fail with EFBIG, which SQLite reports like a full disk.
#[test]
fn a_full_disk_by_file_size_limit() {
    let d = tempfile::tempdir().unwrap();
    let db = wal_db(d.path(), "pool.db");
    let h = hash(&db);
    let (audit_before, emp_before) = {
        let c = Connection::open(&db).unwrap();
        let a: i64 = c
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        let e: i64 = c
            .query_row("SELECT count(*) FROM employee", [], |r| r.get(0))
            .unwrap();
        (a, e)
    };
    // A large import: the demo set of 3000 (far more than the limit allows).
    let set = d.path().join("set");
    let o = talenta(&db)
        .args(["demo", "--size", "3000", "--csv"])
        .arg(&set)
        .output()
        .unwrap();
    assert!(o.status.success());
    // The limit (512-byte blocks in dash, 1024 in bash): just above the database's size.
    let blocks = std::fs::metadata(&db).unwrap().len() / 512 + 40;
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks}; exec \"$0\" \"$@\""))
        .arg(bin())
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "import"])
        .arg(&set)
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.starts_with("talenta: "), "{err}");
    assert!(err.contains("full") || err.contains("disk"), "{err}");
    assert_eq!(hash(&db), h, "the database file as it was");
    let c = Connection::open(&db).unwrap();
    let a: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    let e: i64 = c
        .query_row("SELECT count(*) FROM employee", [], |r| r.get(0))
        .unwrap();
    assert_eq!((a, e), (audit_before, emp_before), "nothing written");
    drop(c);
    let o = talenta(&db).args(["audit", "verify"]).output().unwrap();
    assert!(o.status.success());
}

/// A real full file system: a 2 MB tmpfs (needs root; skipped otherwise).
#[test]
fn a_full_disk_on_a_tiny_tmpfs() {
    if !is_root() {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let mnt = d.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&mnt)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !mounted {
        eprintln!("skipped: mount -t tmpfs not permitted here");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let db = mnt.join("pool.db");
    std::fs::copy(wal_db(d.path(), "src.db"), &db).unwrap();
    let set = d.path().join("set");
    assert!(talenta(&db)
        .args(["demo", "--size", "3000", "--csv"])
        .arg(&set)
        .status()
        .unwrap()
        .success());
    // Fill the rest of the file system but ~64 KB.
    let free = {
        let o = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&mnt)
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    std::fs::write(mnt.join("filler"), vec![0u8; (free - 64 * 1024) as usize]).unwrap();
    let h = hash(&db);
    let o = talenta(&db).arg("import").arg(&set).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("full"), "{err}");
    assert_eq!(hash(&db), h);
    let o = talenta(&db)
        .args(["session", "new", "--title", "x".repeat(120_000).as_str()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert_eq!(hash(&db), h);
    std::fs::remove_file(mnt.join("filler")).unwrap();
    let o = talenta(&db).args(["audit", "verify"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
