//! The importer (docs/import-format.md): reads the HR exports
//! (CSV or xlsx, a folder or a list of files), checks every row, and writes the
//! valid records and one audit entry in a single transaction.
//!
//! - [`source`]: bytes to a header and rows of cells with their line numbers,
//!   handed over one row at a time;
//! - [`columns`]: the file kinds, their columns and SIASN aliases, and the
//!   names SIASN's and SIMPEG's own exports give them;
//! - [`forms`]: the value forms those exports write (eselon, month names...);
//! - [`parse`]: one row to one validated record, with the domain's parsers;
//! - [`check`]: duplicates and references across files and the database;
//! - [`keys`]: the keys given so far, as numbers, for the duplicate check;
//! - [`names`]: NIPs and codes as small numbers for the checks;
//! - `load`: the files in processing order, each row parsed and checked as
//!   it is read (only the records and problems are kept, not the cells);
//! - [`problem`]: what can be wrong, rendered by `strings::{id,en}::import`.
//!
//! By default an import is all or nothing: any problem and nothing is written.
//! With `skip_invalid` the valid rows are written; with `dry_run` the writes run
//! in a transaction that is rolled back, so the summary shows what would change.

pub mod check;
pub mod columns;
pub mod forms;
pub mod keys;
mod load;
pub mod names;
pub mod parse;
pub mod problem;
pub mod source;

pub use columns::FileKind;
pub use problem::{group, Problem, ProblemKind, Shown};

use crate::store::audit::{self, Change};
use crate::store::snapshot::StaleTriggersOff;
use crate::store::write::{Counts, WriteSummary, Writer};
use crate::store::{Actor, Store, StoreError};
use check::Checks;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use load::{Input, Loaded, Opened, Pending, Records};
use rusqlite::TransactionBehavior;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// Write the valid rows and list the others as skipped.
    pub skip_invalid: bool,
    /// Show a progress bar on stderr for reading and writing.
    pub progress: bool,
    /// The upper bound for `tahun` (normally this year).
    pub current_year: i32,
}

impl ImportOptions {
    /// An all-or-nothing import without progress bar.
    pub fn new(current_year: i32) -> ImportOptions {
        ImportOptions {
            dry_run: false,
            skip_invalid: false,
            progress: false,
            current_year,
        }
    }
}

/// One file read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file as named in problems (a folder's path joined with the file name).
    pub path: PathBuf,
    /// What the name or header says it is; `None` when neither does (see the problems).
    pub kind: Option<FileKind>,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Data rows read (empty lines not counted).
    pub rows_read: u64,
    /// Rows without problems.
    pub rows_valid: u64,
    /// What its valid rows' records did (in a dry run: would do) to the
    /// database: new, changed, unchanged.
    pub counts: Counts,
    /// Header names that are none of the file's columns (an export's extra
    /// columns), in header order.
    pub unused_columns: Vec<String>,
    /// The columns read: the header's name and the contract's, in header order.
    pub used_columns: Vec<(String, &'static str)>,
}

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The valid rows and the audit entry were committed.
    Written,
    /// A dry run: the writes were rolled back; the summary shows what they would change.
    DryRun,
    /// There were problems and `skip_invalid` was off: nothing written (or, in a
    /// dry run, nothing would be).
    Refused,
    /// No valid row to write.
    NothingToWrite,
    /// Invalid rows were to be skipped, but every employee row was invalid
    /// (a pegawai file whose NIPs a spreadsheet turned into numbers): nothing
    /// was written, as the pool would be empty or stale.
    NoEmployees,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The files in the order they were processed (employees and positions first).
    pub files: Vec<FileReport>,
    /// Every problem, by file (in processing order) and line.
    pub problems: Vec<Problem>,
    /// The writes' counts (in a dry run: what they would be).
    pub summary: WriteSummary,
    /// True only when the import was committed.
    pub written: bool,
    pub outcome: Outcome,
    pub dry_run: bool,
}

impl ImportReport {
    pub fn rows_read(&self) -> u64 {
        self.files.iter().map(|f| f.rows_read).sum()
    }

    pub fn rows_valid(&self) -> u64 {
        self.files.iter().map(|f| f.rows_valid).sum()
    }

    /// Rows not written because of their problems (or their file's).
    pub fn rows_skipped(&self) -> u64 {
        self.rows_read() - self.rows_valid()
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }
}

/// A failure, as opposed to a problem with the files' content.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no .csv or .xlsx file to import")]
    NothingToImport,
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(StoreError::Sqlite(e))
    }
}

/// Import files and folders (a folder's `.csv`/`.xlsx` files, by name, not recursive).
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
    actor: &Actor,
) -> Result<ImportReport, ImportError> {
    let inputs = collect(paths)?;
    if inputs.is_empty() {
        return Err(ImportError::NothingToImport);
    }
    let progress = Progress::new(opts.progress);

    // Open every file (and read those whose name does not tell their kind);
    // then, with the write lock held, read, parse and check the rows in
    // processing order (employees and positions first) on one thread while
    // this one writes their records in the one transaction. The first problem
    // (unless invalid rows are skipped) rolls the writes back at once and
    // releases the lock; the files are still read for all their problems.
    let mut inputs = inputs
        .iter()
        .map(|p| Opened::open(p))
        .collect::<Result<Vec<_>, _>>()?;
    inputs.sort_by_key(|f| f.kind().map_or(u8::MAX, |k| k as u8));

    let db = store
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let conn = &store.conn;
    let _settings = ImportSettings::new(conn)?;
    // As `Store::write_tx`, on a shared borrow so that the connection can
    // still be read after an early rollback.
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // A page cache of up to 64 MB while writing (SQLite's default is 2 MB): the
    // indexes of a large pool stay in memory instead of being read and written
    // again for every chunk. Pages are allocated only as used. The records
    // come in key order (exports sort by NIP), so each table is written at its
    // right edge: 64 MB wrote a million employees as fast as 256 MB did.
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", -65_536)?;
    // The stale triggers would fire once per row written: the import does
    // their work once (see `StaleTriggersOff`), and restores them before
    // it commits.
    let triggers = StaleTriggersOff::new(&tx)?;
    let mut summary = WriteSummary::default();
    let mut per_file = Vec::new();
    let (tx, read) = std::thread::scope(|s| -> Result<_, ImportError> {
        let (send, receive) = std::sync::mpsc::sync_channel(load::CHUNKS_WAITING);
        let progress = &progress;
        let reader = s.spawn(move || {
            let mut checks = Checks::default();
            let mut records = Records::sending(send);
            let mut pending = Vec::new();
            let mut loaded: Vec<Loaded> = Vec::new();
            for (i, input) in inputs.into_iter().enumerate() {
                if records.gone() {
                    break;
                }
                let f = load::load(
                    input.read()?,
                    i,
                    opts,
                    progress,
                    &mut checks,
                    &mut records,
                    &mut pending,
                );
                if let Some(source) = f.io_error {
                    // Cut short: nothing of this import is written.
                    return Err(ImportError::Io {
                        path: f.report.path,
                        source,
                    });
                }
                records.end_file(&f, opts.skip_invalid);
                loaded.push(f);
            }
            Ok((checks, loaded, pending))
        });
        let refused = write_records(&tx, &receive, &mut summary, &mut per_file, progress, &db)?;
        let tx = if refused {
            restore_cache(&tx, cache)?;
            tx.rollback()?;
            None
        } else {
            Some(tx)
        };
        // Only a refused import sends more (nothing to write).
        for _ in receive.iter() {}
        let read = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        Ok((tx, read))
    })?;
    let (mut checks, mut loaded, pending) = match read {
        Ok(read) => read,
        Err(e) => {
            rollback(tx, cache)?;
            return Err(e);
        }
    };
    for (f, counts) in loaded.iter_mut().zip(per_file) {
        f.report.counts = counts;
    }

    // References to employees and positions this import does not provide
    // must be in the database (the writer has skipped the records whose are
    // not: it finds the same, as it never writes them).
    resolve(
        tx.as_deref().unwrap_or(conn),
        &mut checks,
        &mut loaded,
        pending,
    )?;

    conclude(
        loaded,
        tx,
        summary,
        opts,
        actor,
        &progress,
        (cache, triggers),
    )
}

/// The report of an import whose files are read and checked, and the end of
/// its transaction: committed with the audit entry when the import is written,
/// rolled back otherwise (problems, nothing to write, a dry run).
fn conclude(
    loaded: Vec<Loaded>,
    tx: Option<rusqlite::Transaction<'_>>,
    summary: WriteSummary,
    opts: &ImportOptions,
    actor: &Actor,
    progress: &Progress,
    (cache, triggers): (i64, StaleTriggersOff),
) -> Result<ImportReport, ImportError> {
    // A disiplin file read whole (even one with only its header) tells that
    // the employees without penalty rows have none.
    let penalties_read = loaded
        .iter()
        .any(|f| f.report.kind == Some(FileKind::Disiplin) && f.file_problems.is_empty());
    let mut problems = Vec::new();
    let mut reports = Vec::new();
    for f in loaded {
        problems.extend(f.file_problems);
        problems.extend(f.row_problems);
        reports.push(f.report);
    }
    let mut report = ImportReport {
        files: reports,
        problems,
        summary: WriteSummary::default(),
        written: false,
        outcome: Outcome::Refused,
        dry_run: opts.dry_run,
    };
    if report.has_problems() && !opts.skip_invalid {
        rollback(tx, cache)?;
        return Ok(report);
    }
    let Some(tx) = tx else {
        // Refused early, which a problem always is.
        return Ok(report);
    };
    // Skipping every employee given is never what was meant: the file is
    // damaged as a whole (see Outcome::NoEmployees).
    let employees_given = report
        .files
        .iter()
        .filter(|f| f.kind == Some(FileKind::Pegawai))
        .map(|f| (f.rows_read, f.rows_valid))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    if employees_given.0 > 0 && employees_given.1 == 0 {
        rollback(Some(tx), cache)?;
        report.outcome = Outcome::NoEmployees;
        return Ok(report);
    }
    // Each valid row gave one record, and each was written (or found as it is).
    if report.rows_valid() == 0 && !penalties_read {
        rollback(Some(tx), cache)?;
        report.outcome = Outcome::NothingToWrite;
        return Ok(report);
    }
    report.summary = summary;
    progress.finish();

    if opts.dry_run {
        rollback(Some(tx), cache)?;
        report.outcome = Outcome::DryRun;
        return Ok(report);
    }
    if penalties_read {
        crate::store::records::mark_penalties_known(&tx)?;
    }
    restore_cache(&tx, cache)?;
    let t = total(&report.summary);
    triggers.restore(&tx, t.inserted + t.updated > 0)?;
    audit_entry(&tx, actor, &report)?;
    tx.commit()?;
    report.written = true;
    report.outcome = Outcome::Written;
    Ok(report)
}

/// Give the connection its page cache size back.
fn restore_cache(c: &rusqlite::Connection, cache: i64) -> rusqlite::Result<()> {
    c.pragma_update(None, "cache_size", cache)
}

/// Roll back the import's transaction, if it is still open.
fn rollback(tx: Option<rusqlite::Transaction<'_>>, cache: i64) -> Result<(), ImportError> {
    if let Some(tx) = tx {
        restore_cache(&tx, cache)?;
        tx.rollback()?;
    }
    Ok(())
}

/// The writer's connection settings for one import, until dropped (none
/// can change inside a transaction, so this comes before it and is dropped
/// after it ends):
/// - foreign-key checks off: every id the writer puts in a reference is one
///   it has just read from or written to the referenced table (employees by
///   NIP, units by name, positions by kode), so the checks could not fail and
///   only cost a lookup per row;
/// - temporary files in memory: a multi-row INSERT keeps a statement journal
///   (the pages it changes, to undo it alone should it fail halfway), which
///   SQLite writes to a temporary file past 64 KiB;
/// - the first load of a database (no employee yet) written with a rollback
///   journal instead of the WAL, as `talenta demo` builds its pool: the
///   transaction is as atomic, but the pages it adds to the file need no
///   journal, so they are written once instead of to the WAL and then again
///   by the checkpoint (about 4 s of a million employees' import, ours). Only
///   when no other connection has the file open (the switch needs it alone,
///   and is not waited for); while it runs, a program opening the file waits
///   for it, up to the busy timeout (`Store::open`), instead of reading the
///   empty pool. WAL mode comes back after it (or at the next open, should
///   another program have opened the file meanwhile).
struct ImportSettings<'c> {
    conn: &'c rusqlite::Connection,
    temp_store: i64,
    /// The journal mode to go back to, when it was switched.
    journal: Option<String>,
}

impl<'c> ImportSettings<'c> {
    fn new(conn: &'c rusqlite::Connection) -> rusqlite::Result<Self> {
        let temp_store = conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", false)?;
        conn.pragma_update(None, "temp_store", 2)?;
        let mut settings = ImportSettings {
            conn,
            temp_store,
            journal: None,
        };
        let first_load: bool =
            conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM employee)", [], |r| {
                r.get(0)
            })?;
        let journal: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if first_load && journal.eq_ignore_ascii_case("wal") {
            let wait: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
            conn.pragma_update(None, "busy_timeout", 0)?;
            let now = conn
                .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                    r.get::<_, String>(0)
                })
                .unwrap_or_default();
            conn.pragma_update(None, "busy_timeout", wait)?;
            if now.eq_ignore_ascii_case("delete") {
                settings.journal = Some(journal);
                // A rollback journal with `NORMAL` may be left inconsistent by
                // a power loss at the wrong moment (SQLite's documentation);
                // `FULL` costs a few more syncs at the commit.
                conn.pragma_update(None, "synchronous", "FULL")?;
            }
        }
        Ok(settings)
    }
}

impl Drop for ImportSettings<'_> {
    fn drop(&mut self) {
        // Store::open set them; failing that here, the next open does.
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
        let _ = self.conn.pragma_update(None, "temp_store", self.temp_store);
        if let Some(j) = &self.journal {
            let _ = self
                .conn
                .query_row(&format!("PRAGMA journal_mode = {j}"), [], |r| {
                    r.get::<_, String>(0)
                });
            let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
        }
    }
}

/// Write the records the reading thread sends, until it is done (`false`)
/// or tells that the import is refused (`true`, nothing more to write), and
/// bring the pool rows of the employees written up to date. `per_file`
/// gets each file's counts, by its place in processing order.
fn write_records(
    tx: &rusqlite::Transaction<'_>,
    receive: &std::sync::mpsc::Receiver<load::Msg>,
    summary: &mut WriteSummary,
    per_file: &mut Vec<Counts>,
    progress: &Progress,
    db: &str,
) -> Result<bool, ImportError> {
    let mut touched = Vec::new();
    // One read of the existing keys instead of one SELECT per record.
    let mut writer = Writer::preloaded(tx)?;
    for msg in receive.iter() {
        let (file, batch) = match msg {
            load::Msg::Records(file, b) => (file, b),
            load::Msg::Refused => return Ok(true),
        };
        let s = writer.write(&batch, &mut touched)?;
        add_summary(summary, &s);
        if per_file.len() <= file {
            per_file.resize(file + 1, Counts::default());
        }
        add_counts(&mut per_file[file], &total(&s));
    }
    progress.phase(0, db);
    writer.finish(&mut touched)?;
    Ok(false)
}

/// Look up the references the files do not provide in the database: each
/// one missing there becomes a problem of its row, and the row's record (if
/// any) is returned to be dropped.
fn resolve(
    tx: &rusqlite::Connection,
    checks: &mut Checks,
    loaded: &mut [Loaded],
    pending: Vec<Pending>,
) -> Result<(), ImportError> {
    let mut late: Vec<Vec<Problem>> = loaded.iter().map(|_| Vec::new()).collect();
    for p in pending {
        let Some(kind) = checks.resolve(tx, p.target)? else {
            continue;
        };
        let f = &mut loaded[p.file];
        late[p.file].push(Problem::new(
            &f.report.path.display().to_string(),
            p.line,
            &p.column,
            kind,
            checks.text(p.target),
        ));
        if p.valid {
            f.report.rows_valid -= 1;
        }
    }
    for (f, late) in loaded.iter_mut().zip(late) {
        let rows = std::mem::take(&mut f.row_problems);
        f.row_problems = load::merge_by_line(rows, late);
    }
    Ok(())
}

/// The files to read: given files as they are, folders' csv/xlsx files by name.
/// The same file named twice is read once.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ImportError::Io { path, source }
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(io(p))?;
        let mut here = Vec::new();
        if meta.is_dir() {
            for entry in std::fs::read_dir(p).map_err(io(p))? {
                let entry = entry.map_err(io(p))?;
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                // Hidden files and office lock files (`~$pegawai.xlsx`) are not data.
                if name.starts_with('.') || name.starts_with("~$") {
                    continue;
                }
                if extension(&path).is_some() && path.is_file() {
                    here.push(path);
                }
            }
            here.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        } else {
            here.push(p.clone());
        }
        for path in here {
            let id = std::fs::canonicalize(&path).map_err(io(&path))?;
            if seen.insert(id) {
                out.push(path);
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ext {
    Csv,
    Xlsx,
}

fn extension(p: &Path) -> Option<Ext> {
    let e = p.extension()?.to_str()?.to_ascii_lowercase();
    match e.as_str() {
        "csv" => Some(Ext::Csv),
        "xlsx" => Some(Ext::Xlsx),
        _ => None,
    }
}

/// What reading and checking one file found, without a database.
#[derive(Debug, Clone, PartialEq)]
pub struct FileCheck {
    pub kind: Option<FileKind>,
    pub rows_read: u64,
    /// Rows that parsed without problems (duplicates within the file excluded).
    pub rows_valid: u64,
    pub problems: Vec<Problem>,
}

/// Read and check one file's bytes exactly as `import_paths` does before it
/// touches the database: the name (`pegawai.csv`, `x.xlsx`) gives the format
/// and maybe the kind. For fuzzing and property tests.
pub fn check_bytes(file_name: &str, bytes: &[u8], current_year: i32) -> FileCheck {
    let input = Input::of(Path::new(file_name), bytes.to_vec());
    let mut pending = Vec::new();
    let loaded = load::load(
        input,
        0,
        &ImportOptions::new(current_year),
        &Progress::new(false),
        &mut Checks::default(),
        &mut Records::default(),
        &mut pending,
    );
    let mut problems = loaded.file_problems;
    let rows_valid = if problems.is_empty() {
        loaded.report.rows_valid
    } else {
        0
    };
    problems.extend(loaded.row_problems);
    FileCheck {
        kind: loaded.report.kind,
        rows_read: loaded.report.rows_read,
        rows_valid,
        problems,
    }
}

/// The counts of every kind of record together.
fn total(s: &WriteSummary) -> Counts {
    let mut t = Counts::default();
    for c in [
        &s.employees,
        &s.skp,
        &s.competencies,
        &s.potentials,
        &s.trainings,
        &s.histories,
        &s.penalties,
        &s.positions,
        &s.requirements,
    ] {
        add_counts(&mut t, c);
    }
    t
}

fn add_counts(a: &mut Counts, b: &Counts) {
    a.inserted += b.inserted;
    a.updated += b.updated;
    a.unchanged += b.unchanged;
}

fn add_summary(a: &mut WriteSummary, b: &WriteSummary) {
    add_counts(&mut a.employees, &b.employees);
    add_counts(&mut a.skp, &b.skp);
    add_counts(&mut a.competencies, &b.competencies);
    add_counts(&mut a.potentials, &b.potentials);
    add_counts(&mut a.trainings, &b.trainings);
    add_counts(&mut a.histories, &b.histories);
    add_counts(&mut a.penalties, &b.penalties);
    add_counts(&mut a.positions, &b.positions);
    add_counts(&mut a.requirements, &b.requirements);
}

/// The audit entry of an import: the files with their SHA-256 and row
/// counts, the write summary and the rows skipped. Its id is derived from the
/// files' hashes, so the same files give the same id.
fn audit_entry(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    report: &ImportReport,
) -> Result<(), ImportError> {
    let files: Vec<serde_json::Value> = report
        .files
        .iter()
        .map(|f| {
            serde_json::json!({
                "path": f.path.display().to_string(),
                "kind": f.kind.map(FileKind::code),
                "sha256": f.sha256,
                "rows_read": f.rows_read,
                "rows_valid": f.rows_valid,
            })
        })
        .collect();
    let mut all = Sha256::new();
    for f in &report.files {
        all.update(f.sha256.as_bytes());
        all.update(b"\n");
    }
    let id = hex::encode(all.finalize())[..16].to_string();
    let after = serde_json::json!({
        "files": files,
        "summary": report.summary,
        "rows_read": report.rows_read(),
        "rows_written": report.rows_valid(),
        "rows_skipped": report.rows_skipped(),
        "problems": report.problems.len(),
    });
    audit::append(
        tx,
        actor,
        Change {
            action: "import",
            entity: "import",
            entity_id: &id,
            before: None,
            after: Some(after),
        },
    )?;
    Ok(())
}

/// The progress bar on stderr, or a hidden one. It shows file names and
/// numbers only, so it needs no words in either language.
struct Progress(ProgressBar);

impl Progress {
    fn new(show: bool) -> Progress {
        let bar = if show {
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) = ProgressStyle::with_template("{msg:24!} [{bar:32}] {pos}/{len}") {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress(bar)
    }

    fn phase(&self, len: u64, msg: &str) {
        self.0.set_length(len);
        self.0.set_position(0);
        self.0.set_message(msg.to_string());
    }

    fn set(&self, pos: u64) {
        self.0.set_position(pos);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_add_up() {
        let mut a = WriteSummary::default();
        let mut b = WriteSummary::default();
        b.skp.inserted = 2;
        b.employees.unchanged = 1;
        add_summary(&mut a, &b);
        add_summary(&mut a, &b);
        assert_eq!(a.skp.inserted, 4);
        assert_eq!(a.employees.unchanged, 2);
    }

    #[test]
    fn extensions_are_case_insensitive() {
        assert_eq!(extension(Path::new("a/PEGAWAI.CSV")), Some(Ext::Csv));
        assert_eq!(extension(Path::new("b.Xlsx")), Some(Ext::Xlsx));
        assert_eq!(extension(Path::new("c.xls")), None);
        assert_eq!(extension(Path::new("README")), None);
    }
}
