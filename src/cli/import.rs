//! `talenta import [--dry-run] [--skip-invalid] PATH...`

use super::{emit, CliError, CliResult, Ctx};
use crate::import::{import_paths, ImportError, ImportOptions, Outcome};
use crate::store::{OpenMode, Store};
use crate::tr;
use chrono::Datelike;
use std::io::IsTerminal;
use std::path::PathBuf;

pub fn run(ctx: &Ctx, paths: &[PathBuf], dry_run: bool, skip_invalid: bool) -> CliResult {
    let existed = ctx.db.exists();
    let mut store = Store::open(&ctx.db, OpenMode::Create).map_err(|e| ctx.store_error(e))?;
    let opts = ImportOptions {
        dry_run,
        skip_invalid,
        progress: std::io::stderr().is_terminal(),
        current_year: chrono::Local::now().year(),
    };
    let result = import_paths(&mut store, paths, &opts, &ctx.actor);
    let written = matches!(&result, Ok(r) if r.outcome == Outcome::Written);
    drop(store);
    if !existed && !written {
        // Leave no empty database behind for an import that wrote nothing.
        for side in ["", "-wal", "-shm"] {
            let mut f = ctx.db.as_os_str().to_owned();
            f.push(side);
            let _ = std::fs::remove_file(PathBuf::from(f));
        }
    }
    let report = result.map_err(|e| {
        // A locked, read-only or full database is said as for every command.
        let e = match e {
            ImportError::Store(s) if s.is_busy() || s.is_read_only() || s.is_full() => {
                return ctx.store_error(s)
            }
            e => e,
        };
        let code = match e {
            ImportError::Io { .. } | ImportError::NothingToImport => 2,
            ImportError::Store(_) => 1,
        };
        CliError {
            code,
            message: tr!(ctx.lang, import::error(&e)),
            details: Vec::new(),
        }
    })?;
    if !report.problems.is_empty() {
        let mut err = String::new();
        err.push_str(&tr!(ctx.lang, import::problems_heading(&report)));
        err.push('\n');
        for p in &report.problems {
            err.push_str(&tr!(ctx.lang, import::problem(p)));
            err.push('\n');
        }
        eprint!("{err}");
    }
    match report.outcome {
        Outcome::Refused | Outcome::NothingToWrite => {
            Err(CliError::input(tr!(ctx.lang, import::outcome(&report))))
        }
        Outcome::DryRun if !report.problems.is_empty() && !skip_invalid => {
            emit(&format!("{}\n", tr!(ctx.lang, import::summary(&report))))?;
            Err(CliError::input(tr!(ctx.lang, import::outcome(&report))))
        }
        Outcome::Written | Outcome::DryRun => {
            emit(&format!("{}\n", tr!(ctx.lang, import::summary(&report))))
        }
    }
}
