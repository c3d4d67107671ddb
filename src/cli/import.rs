//! `talenta import [--dry-run] [--skip-invalid] PATH...`

use super::{emit, CliError, CliResult, Ctx};
use crate::import::{
    group, import_paths, ImportError, ImportOptions, ImportReport, Outcome, Problem, Shown,
};
use crate::lang::Lang;
use crate::store::write::Counts;
use crate::store::{OpenMode, Store};
use crate::strings::ImportLabels;
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
        for line in shown_lines(ctx.lang, &report.problems) {
            err.push_str(&line);
            err.push('\n');
        }
        eprint!("{err}");
    }
    match report.outcome {
        Outcome::Refused | Outcome::NothingToWrite | Outcome::NoEmployees => {
            Err(CliError::input(tr!(ctx.lang, import::outcome(&report))))
        }
        Outcome::DryRun if !report.problems.is_empty() && !skip_invalid => {
            emit(&format!("{}\n", summary(ctx.lang, &report)))?;
            Err(CliError::input(tr!(ctx.lang, import::outcome(&report))))
        }
        Outcome::Written | Outcome::DryRun => emit(&format!("{}\n", summary(ctx.lang, &report))),
    }
}

/// `file:line: column: what is wrong (value)`; the line is left out for a
/// problem with a whole file, the column when there is none, the value when empty.
pub fn problem_line(lang: Lang, p: &Problem) -> String {
    let mut s = p.file.clone();
    if p.line > 0 {
        s.push_str(&format!(":{}", p.line));
    }
    s.push_str(": ");
    if !p.column.is_empty() {
        s.push_str(&p.column);
        s.push_str(": ");
    }
    s.push_str(&tr!(lang, import::what(&p.kind, &p.file)));
    if !p.value.is_empty() {
        s.push_str(&format!(" ({})", p.value));
    }
    s
}

/// The problems as a person reads them: one line each, but a cause that
/// damaged many rows of a file's column once, with the count, the lines and
/// how to mend the export, and the rows that only refer to bad rows counted
/// (see [`group`]).
pub fn shown_lines(lang: Lang, problems: &[Problem]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut hints = Vec::new();
    for s in group(problems) {
        match s {
            Shown::One(p) => lines.push(problem_line(lang, p)),
            Shown::Many {
                first,
                count,
                last_line,
            } => {
                let mut p = first.clone();
                p.line = 0;
                p.value.clear();
                let many = tr!(
                    lang,
                    import::many(count, first.line, last_line, &first.value)
                );
                let line = format!("{} ({many})", problem_line(lang, &p));
                lines.push(line);
                // How to mend it, once for all the files it damaged.
                if let Some(hint) = tr!(lang, import::hint(&first.kind)) {
                    if !hints.contains(&hint) {
                        hints.push(hint);
                        lines.push(format!("  {hint}"));
                    }
                }
            }
            Shown::Consequential {
                file,
                count,
                first_line,
                last_line,
            } => lines.push(format!(
                "{file}: {}",
                tr!(lang, import::consequential(count, first_line, last_line))
            )),
        }
    }
    lines
}

/// The report after the problems: the files read, what was (or would be)
/// written, and how the import ended.
pub fn summary(lang: Lang, r: &ImportReport) -> String {
    let l: &ImportLabels = tr!(lang, &import::REPORT);
    let mut lines = vec![format!("{}:", l.files)];
    let done = matches!(r.outcome, Outcome::Written | Outcome::DryRun);
    for f in &r.files {
        let kind = f.kind.map(|k| k.code()).unwrap_or("?");
        lines.push(format!(
            "  {} ({kind}): {}, SHA-256 {}",
            f.path.display(),
            tr!(lang, import::file_rows(f.rows_read, f.rows_valid)),
            &f.sha256[..12.min(f.sha256.len())]
        ));
        if done {
            let skipped = f.rows_read - f.rows_valid;
            lines.push(format!(
                "    {}",
                tr!(lang, import::file_counts(&f.counts, skipped))
            ));
        }
        // An export with columns of its own: which were read as what.
        if !f.unused_columns.is_empty() {
            lines.push(format!(
                "    {}",
                tr!(lang, import::used_columns(&f.used_columns))
            ));
            lines.push(format!(
                "    {}",
                tr!(lang, import::unused_columns(&f.unused_columns))
            ));
        }
    }
    let s = &r.summary;
    let counts = |label: &str, c: &Counts| {
        (c.total() > 0).then(|| format!("  {label:<24} {}", tr!(lang, import::counts(c))))
    };
    let tables: Vec<String> = [
        counts(l.employees, &s.employees),
        counts(l.skp, &s.skp),
        counts(l.competencies, &s.competencies),
        counts(l.potentials, &s.potentials),
        counts(l.trainings, &s.trainings),
        counts(l.histories, &s.histories),
        counts(l.penalties, &s.penalties),
        counts(l.positions, &s.positions),
        counts(l.requirements, &s.requirements),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !tables.is_empty() {
        let heading = if r.outcome == Outcome::DryRun {
            l.would_be_written
        } else {
            l.written
        };
        lines.push(format!("{heading}:"));
        lines.extend(tables);
    }
    lines.push(tr!(lang, import::outcome(r)));
    lines.join("\n")
}
