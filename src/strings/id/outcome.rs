//! Teks hasil PPK atas rekomendasi komite (Bahasa Indonesia).

use crate::domain::outcome::OutcomeStatus;
use crate::lang::Lang;
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
        .map(|t| format!(" tanggal {}", date_text(Lang::Id, t)))
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
