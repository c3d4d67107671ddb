//! Exported tables (`-o FILE`, `--format csv|xlsx`): English.

use crate::domain::output_file::SaveError;
use crate::domain::text::one_line;
use std::path::Path;

pub const XLSX_NEEDS_OUTPUT: &str =
    "xlsx is a binary file and is not printed: add -o FILE.xlsx (e.g. -o hasil.xlsx)";

/// Why the output was not written to `p`.
pub fn not_saved(p: &Path, e: &SaveError) -> String {
    let p = one_line(&p.display().to_string()).into_owned();
    match e {
        SaveError::Exists => format!("{p} exists already; use --force to replace it"),
        SaveError::Database => format!(
            "{p} is the database (or its -wal/-shm/-journal/-snapshot file): output is never written there"
        ),
        SaveError::NotRegular => format!(
            "{p} is a symbolic link, a folder or a device: output is written only to a regular file"
        ),
        SaveError::Io(e) => format!("cannot write to {p}: {}", one_line(e)),
    }
}

/// The output was written to `p`, with `rows` rows below the header when it is a table.
pub fn written(p: &Path, rows: Option<usize>) -> String {
    let p = one_line(&p.display().to_string()).into_owned();
    match rows {
        Some(1) => format!("1 row written to {p}\n"),
        Some(n) => format!("{n} rows written to {p}\n"),
        None => format!("written to {p}\n"),
    }
}

pub fn too_many_rows(max: usize) -> String {
    format!(
        "more rows than an xlsx sheet holds ({max}): narrow the filter, add --limit N, or use --format csv"
    )
}
