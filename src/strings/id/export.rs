//! Tabel ekspor (`-o BERKAS`, `--format csv|xlsx`): Bahasa Indonesia.

use crate::domain::output_file::SaveError;
use crate::domain::text::one_line;
use std::path::Path;

pub const XLSX_NEEDS_OUTPUT: &str =
    "xlsx adalah berkas biner dan tidak dicetak ke layar: tambahkan -o BERKAS.xlsx (mis. -o hasil.xlsx)";

/// Mengapa keluaran tidak ditulis ke `p`.
pub fn not_saved(p: &Path, e: &SaveError) -> String {
    let p = one_line(&p.display().to_string()).into_owned();
    match e {
        SaveError::Exists => format!("{p} sudah ada; pakai --force untuk menggantinya"),
        SaveError::Database => format!(
            "{p} adalah basis data (atau berkas -wal/-shm/-journal/-snapshot-nya): keluaran tidak pernah ditulis ke sana"
        ),
        SaveError::NotRegular => format!(
            "{p} adalah tautan simbolik, folder atau perangkat: keluaran hanya ditulis ke berkas biasa"
        ),
        SaveError::Io(e) => format!("tidak dapat menulis ke {p}: {}", one_line(e)),
    }
}

/// Keluaran ditulis ke `p`, dengan `rows` baris di bawah judul kolom bila berupa tabel.
pub fn written(p: &Path, rows: Option<usize>) -> String {
    let p = one_line(&p.display().to_string()).into_owned();
    match rows {
        Some(n) => format!("{n} baris ditulis ke {p}\n"),
        None => format!("ditulis ke {p}\n"),
    }
}

pub fn too_many_rows(max: usize) -> String {
    format!(
        "baris lebih banyak daripada yang dapat dimuat satu lembar xlsx ({max}): persempit filter, tambahkan --limit N, atau pakai --format csv"
    )
}
