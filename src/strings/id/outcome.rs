//! Teks hasil PPK atas rekomendasi komite (Bahasa Indonesia).

use crate::domain::outcome::OutcomeStatus;
use crate::store::session::outcome::Outcome;
use crate::strings::format::date_text;

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

pub const OUTCOME: &str = "Hasil PPK";
pub const ANNEX: &str = "Lampiran: hasil PPK yang dicatat setelah sidang ditutup";
pub const RECORDED: &str = "dicatat";
pub const AWAITING: &str = "menunggu hasil PPK";

/// `Ditetapkan dengan SK 800/1/2026 tanggal 01-12-2026`; the texts as the
/// caller escaped them.
pub fn summary(o: &Outcome) -> String {
    let tanggal = o
        .tanggal
        .as_deref()
        .map(|t| format!(" tanggal {}", date_text(t)))
        .unwrap_or_default();
    let reason = o
        .reason
        .as_deref()
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    match o.status() {
        Some(OutcomeStatus::Ditetapkan) => format!(
            "Ditetapkan dengan SK {}{tanggal}{reason}",
            o.sk.as_deref().unwrap_or("-")
        ),
        Some(s) => format!("{}{tanggal}{reason}", status_name(s)),
        None => format!("{}{tanggal}{reason}", o.status),
    }
}

/// The help's title of the list's keys.
pub const CONTEXT: &str = "Rekomendasi menunggu hasil PPK";
pub const KEY_OPEN: &str = "catat hasil PPK atas rekomendasi terpilih";
pub const KEY_BACK: &str = "kembali ke panel sidang";
pub const KEY_OUTCOMES: &str = "rekomendasi yang menunggu hasil PPK (semua sidang)";
/// The session panel's hint.
pub const ACTION: &str = "hasil PPK";
pub const FIELD_STATUS: &str = "Hasil";
pub const FIELD_SK: &str = "Nomor SK";

pub fn title_form(decision: i64, nama: &str) -> String {
    format!("Hasil PPK atas rekomendasi #{decision}: {nama}")
}

pub fn recorded(decision: i64) -> String {
    format!("hasil PPK atas rekomendasi {decision} dicatat")
}

pub fn list_title(n: usize) -> String {
    format!("Rekomendasi menunggu hasil PPK ({n}, semua sidang)")
}

pub const EMPTY: &str = "Tidak ada rekomendasi yang menunggu hasil PPK.";
pub const HEADER: [&str; 4] = ["Rekomendasi", "Sidang", "Kandidat", "Hasil"];
pub const HINT_OPEN: &str = "catat hasil";
pub const HINT_BACK: &str = "kembali";
pub const GROUNDS: &str = "Dasar pertimbangan";
