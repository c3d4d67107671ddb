//! `talenta demo [--size N] [--seed S] [--force] [--csv DIR [--semicolon]]`

use super::{emit, CliError, CliResult, Ctx};
use crate::demo::{self, DemoSpec};
use crate::store::{OpenMode, Store};
use crate::tr;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub struct Args {
    pub size: usize,
    pub seed: u64,
    pub force: bool,
    pub csv: Option<PathBuf>,
    pub semicolon: bool,
}

pub fn run(ctx: &Ctx, a: &Args) -> CliResult {
    demo::validate_size(a.size)
        .map_err(|_| CliError::input(tr!(ctx.lang, cli::demo_bad_size(a.size))))?;
    let spec = DemoSpec::new(a.size, a.seed, ctx.as_of);
    if let Some(dir) = &a.csv {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::runtime(tr!(ctx.lang, cli::cannot_write(dir)))
                .with_details(vec![e.to_string()])
        })?;
        demo::export_csv(&spec, dir, a.semicolon).map_err(|e| {
            CliError::runtime(tr!(ctx.lang, cli::cannot_write(dir)))
                .with_details(vec![e.to_string()])
        })?;
        return emit(&tr!(ctx.lang, cli::demo_csv_written(a.size, dir)));
    }
    // Only a regular file (or nothing) is ever replaced: never a device, a
    // FIFO, a folder or a symbolic link, not even with --force.
    if std::fs::symlink_metadata(&ctx.db).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(CliError::input(tr!(
            ctx.lang,
            cli::demo_not_regular(&ctx.db)
        )));
    }
    // The default location's folder is talenta's own: made on first use (an
    // explicit --db in a missing folder stays an error).
    if !ctx.db_explicit {
        if let Some(parent) = ctx.db.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                CliError::runtime(tr!(ctx.lang, cli::cannot_write(parent)))
                    .with_details(vec![e.to_string()])
            })?;
        }
    }
    if ctx.db.exists() && !a.force && !confirm(ctx)? {
        return Err(CliError::input(tr!(ctx.lang, cli::demo_exists(&ctx.db))));
    }
    let backup = build(ctx, &spec, std::io::stderr().is_terminal())?;
    let mut text = tr!(ctx.lang, cli::demo_built(a.size, a.seed, &ctx.db));
    if let Some(b) = backup {
        text.push_str(&tr!(ctx.lang, cli::demo_backup(&b)));
    }
    emit(&text)
}

/// Ask on a terminal whether to replace the existing database.
fn confirm(ctx: &Ctx) -> CliResult<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    eprint!("{}", tr!(ctx.lang, cli::demo_confirm(&ctx.db)));
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| CliError::runtime(e.to_string()))?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "ya" | "yes"
    ))
}

/// Build the pool in a new file beside the database, then move it into place;
/// an existing database is kept as a dated backup, never deleted.
pub fn build(ctx: &Ctx, spec: &DemoSpec, progress: bool) -> CliResult<Option<PathBuf>> {
    let tmp = sibling(&ctx.db, "building");
    let _ = std::fs::remove_file(&tmp);
    let result = (|| -> CliResult {
        let mut store = Store::open(&tmp, OpenMode::Create).map_err(|e| ctx.store_error(e))?;
        demo::build(&mut store, spec, &ctx.actor, progress).map_err(|e| {
            CliError::runtime(tr!(ctx.lang, cli::DEMO_FAILED)).with_details(vec![format!("{e:#}")])
        })?;
        // Back to WAL (the build used a rollback journal): the first open then
        // needs no integrity check before switching. Closing the only
        // connection checkpoints and removes the -wal and -shm files, so the
        // database is one file to move into place.
        store
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| ctx.store_error(e.into()))?;
        Ok(())
    })();
    if let Err(e) = result {
        remove_db_files(&tmp);
        return Err(e);
    }
    let backup = if ctx.db.exists() {
        Some(back_up(&ctx.db).map_err(|e| CliError::runtime(e.to_string()))?)
    } else {
        None
    };
    for side in ["-wal", "-shm", ""] {
        let from = with_suffix(&tmp, side);
        if side.is_empty() || from.exists() {
            std::fs::rename(&from, with_suffix(&ctx.db, side))
                .map_err(|e| CliError::runtime(e.to_string()))?;
        }
    }
    Ok(backup)
}

/// Move the database (and its -wal/-shm, which may hold committed pages) to a
/// dated backup name that no file has yet: a second backup in the same second
/// gets `-2`, `-3`, ... and never overwrites the first. The main file is
/// linked to its new name (which fails rather than replace an existing file)
/// before the old name is removed.
fn back_up(db: &Path) -> std::io::Result<PathBuf> {
    let stamp = format!("bak-{}", chrono::Local::now().format("%Y%m%d-%H%M%S"));
    for n in 1.. {
        let name = if n == 1 {
            stamp.clone()
        } else {
            format!("{stamp}-{n}")
        };
        let b = sibling(db, &name);
        if ["-wal", "-shm"]
            .iter()
            .any(|side| with_suffix(&b, side).symlink_metadata().is_ok())
        {
            continue;
        }
        match std::fs::hard_link(db, &b) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
        std::fs::remove_file(db)?;
        for side in ["-wal", "-shm"] {
            let from = with_suffix(db, side);
            if from.exists() {
                std::fs::rename(&from, with_suffix(&b, side))?;
            }
        }
        return Ok(b);
    }
    unreachable!("some backup name is free")
}

fn sibling(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(format!(".{suffix}"));
    PathBuf::from(s)
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut f = p.as_os_str().to_owned();
    f.push(suffix);
    PathBuf::from(f)
}

fn remove_db_files(p: &Path) {
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(p, side));
    }
}

/// The README's first command needs no set-up: with the default database
/// location and no database there yet, build the demo pool first.
pub fn ensure_default_pool(ctx: &Ctx) -> CliResult {
    if ctx.db_explicit || ctx.db.exists() {
        return Ok(());
    }
    if let Some(parent) = ctx.db.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            CliError::runtime(tr!(ctx.lang, cli::cannot_write(parent)))
                .with_details(vec![e.to_string()])
        })?;
    }
    eprintln!(
        "{}",
        tr!(ctx.lang, cli::demo_first_run(FIRST_RUN_SIZE, &ctx.db))
    );
    let spec = DemoSpec::new(FIRST_RUN_SIZE, demo::DEFAULT_SEED, ctx.as_of);
    build(ctx, &spec, std::io::stderr().is_terminal())?;
    Ok(())
}

/// Size of the demo pool built on first run.
pub const FIRST_RUN_SIZE: usize = 5_000;
