//! The talent-pool database: SQLite with WAL, foreign keys, a busy timeout and
//! versioned migrations. All writes that matter go through one transaction
//! together with their audit entry (see [`audit`]).

pub mod access;
pub mod audit;
pub mod bulk;
pub mod calibration_overlay;
pub mod krs;
pub mod load;
pub mod pool;
pub mod positions;
pub mod profile;
pub mod records;
pub mod schema;
pub mod session;
pub mod snapshot;
mod snapshot_columns;
pub mod write;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why the database could not be used. Rendered for users by `strings::*::cli`.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the folder {0} does not exist")]
    NoParent(PathBuf),
    #[error("no talent-pool database at {0}")]
    Missing(PathBuf),
    #[error("{path} is not a talenta database ({detail})")]
    NotDatabase { path: PathBuf, detail: String },
    #[error("{path} has schema version {found}, newer than this talenta knows ({known})")]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Who is acting, for the audit trail: the `--as` name and the OS user behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub os_user: String,
    /// The fingerprint of the key a member signed in with over `talenta
    /// serve` (recorded as the audit entry's `kunci`); `None` locally.
    pub key: Option<String>,
}

impl Actor {
    /// The OS user: `USER`, `LOGNAME` or `USERNAME`; else, on Linux, the name of
    /// the process's user id in /etc/passwd; else `uid N`; else `unknown`.
    pub fn os_user_name() -> String {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|s| !s.trim().is_empty())
            .or_else(passwd_name)
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// `--as NAME` when given, else the OS user.
    pub fn new(as_name: Option<&str>) -> Actor {
        let os_user = Actor::os_user_name();
        Actor {
            name: as_name
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| os_user.clone()),
            os_user,
            key: None,
        }
    }
}

/// The user name of this process's uid, from /proc and /etc/passwd.
fn passwd_name() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() > 2 && f[2] == uid).then(|| f[0].to_string())
        })
        .or(Some(format!("uid {uid}")))
}

/// How to open the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file (owner-only permissions) when it does not exist.
    Create,
    /// The file must exist.
    Existing,
}

/// An open talent-pool database.
pub struct Store {
    pub conn: Connection,
    pub path: PathBuf,
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(p) = parent {
            if !p.is_dir() {
                return Err(StoreError::NoParent(p.to_path_buf()));
            }
        }
        let exists = path.exists();
        // A device, a FIFO or a folder is no database: refused before SQLite
        // opens it (it would create a -journal or -wal file next to it).
        if exists && !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            return Err(StoreError::NotDatabase {
                path: path.to_path_buf(),
                detail: "not a regular file".into(),
            });
        }
        if !exists {
            if mode == OpenMode::Existing {
                return Err(StoreError::Missing(path.to_path_buf()));
            }
            create_private_file(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_db(path, e))?;
        conn.busy_timeout(busy_timeout())?;
        // The first statement that reads the file tells whether it is SQLite at all.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_db(path, e))?;
        let known = schema::latest_version();
        if version > known {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        if version > 0 || exists {
            // An existing non-empty file that is not ours is refused, not migrated.
            let ours: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'employee'",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| not_db(path, e))?;
            let any: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(|e| not_db(path, e))?;
            if version == 0 && any > 0 && ours == 0 {
                return Err(StoreError::NotDatabase {
                    path: path.to_path_buf(),
                    detail: "a SQLite file without talenta's tables".into(),
                });
            }
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(|e| not_db(path, e))?;
        if exists && !mode.eq_ignore_ascii_case("wal") {
            // Switching to WAL rewrites the header: check the file first, so a
            // damaged file is refused and left exactly as it was. This runs
            // once per file (files from other tools; talenta demo leaves WAL mode).
            let check: String = conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(|e| not_db(path, e))?;
            if check != "ok" {
                return Err(StoreError::NotDatabase {
                    path: path.to_path_buf(),
                    detail: check,
                });
            }
        }
        wal_mode(&conn).map_err(|e| not_db(path, e))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate(version)?;
        Ok(store)
    }

    /// Bring an older schema up to date in one transaction.
    fn migrate(&mut self, from: i64) -> Result<()> {
        let known = schema::latest_version();
        if from >= known {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(now as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Number of employees in the pool.
    pub fn employee_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM employee", [], |r| r.get(0))?)
    }

    /// A write transaction that takes the write lock at once, so the audit
    /// chain's head cannot move between reading it and appending to it.
    pub fn write_tx(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// How long a statement waits for another process's lock, retrying with
/// SQLite's back-off (1, 2, 5, 10 ... 100 ms sleeps), before reporting the
/// database busy: 10 s, or `TALENTA_BUSY_TIMEOUT_MS` (for tests and slow disks).
pub fn busy_timeout() -> Duration {
    std::env::var("TALENTA_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_millis)
        .unwrap_or(Duration::from_secs(10))
}

impl StoreError {
    /// True when another process held the database longer than the busy timeout.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
    }

    /// True when the file or its folder cannot be written.
    pub fn is_read_only(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ReadOnly)
    }

    /// True when the disk (or the file size limit) is full.
    pub fn is_full(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DiskFull)
    }
}

/// `PRAGMA journal_mode = WAL`, tried again for up to [`busy_timeout`] while
/// another connection holds the file: SQLite does not wait for this switch
/// itself, and an import's first load holds the file with a rollback journal
/// (`import::ImportSettings`), so that a program opening it meanwhile waits
/// for it as for any other lock instead of failing at once.
fn wal_mode(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + busy_timeout();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            r => return r,
        }
    }
}

fn not_db(path: &Path, e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            StoreError::NotDatabase {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        _ => StoreError::Sqlite(e),
    }
}

/// Create an empty file readable and writable by its owner only.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_migrates_a_new_database() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        let s = Store::open(&p, OpenMode::Create).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::latest_version());
        assert_eq!(s.employee_count().unwrap(), 0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        drop(Store::open(&p, OpenMode::Create).unwrap());
        let c = Connection::open(&p).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        match Store::open(&p, OpenMode::Existing) {
            Err(StoreError::Newer { found: 99, .. }) => {}
            other => panic!("expected Newer, got {:?}", other.err()),
        }
    }

    #[test]
    fn refuses_a_file_that_is_not_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        std::fs::write(&p, b"nama;nip\nsiti;1\n".repeat(100)).unwrap();
        let before = std::fs::read(&p).unwrap();
        assert!(matches!(
            Store::open(&p, OpenMode::Existing),
            Err(StoreError::NotDatabase { .. })
        ));
        assert_eq!(std::fs::read(&p).unwrap(), before, "file left as it was");
    }

    #[test]
    fn missing_parent_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Store::open(&dir.path().join("no/such/t.db"), OpenMode::Create),
            Err(StoreError::NoParent(_))
        ));
        assert!(matches!(
            Store::open(&dir.path().join("t.db"), OpenMode::Existing),
            Err(StoreError::Missing(_))
        ));
    }

    #[test]
    fn older_schema_is_migrated_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        {
            let c = Connection::open(&p).unwrap();
            c.execute_batch(schema::MIGRATIONS[0]).unwrap();
            c.pragma_update(None, "user_version", 1).unwrap();
        }
        let s = Store::open(&p, OpenMode::Existing).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::latest_version());
    }
}
