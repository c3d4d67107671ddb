//! Teks hasil PPK atas rekomendasi komite (Bahasa Indonesia).

use crate::domain::outcome::OutcomeStatus;

pub fn bad_status(s: &str) -> String {
    format!("hasil '{s}' tidak dikenal; pilih ditetapkan, ditolak atau ditunda")
}

pub fn status_name(s: OutcomeStatus) -> &'static str {
    match s {
        OutcomeStatus::Ditetapkan => "Ditetapkan",
        OutcomeStatus::Ditolak => "Ditolak",
        OutcomeStatus::Ditunda => "Ditunda",
    }
}
