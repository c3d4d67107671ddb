//! Teks kalibrasi (talent review) (Bahasa Indonesia).

use crate::domain::calibration::CalibrationStatus;

pub fn bad_box(k: i64) -> String {
    format!("kotak {k} tidak ada: Matriks 9 Kotak berisi kotak 1 sampai 9; tidak ada yang dicatat")
}

/// Status sebagai kata (profil, matriks, berita acara).
pub fn status(s: CalibrationStatus) -> &'static str {
    match s {
        CalibrationStatus::InEffect => "berlaku",
        CalibrationStatus::Stale => "usang: data berubah, perlu ditinjau ulang",
        CalibrationStatus::None => "belum dikalibrasi",
    }
}
