//! Teks kalibrasi (talent review) (Bahasa Indonesia).

use crate::domain::calibration::CalibrationStatus;
use crate::strings::CalibrationLabels;

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

pub const LABELS: CalibrationLabels = CalibrationLabels {
    heading: "Kalibrasi Kotak Talenta (talent review)",
    one: "Kalibrasi",
    candidate: "Kandidat",
    boxes: "Kotak (hasil hitung -> disepakati)",
    grounds: "Dasar pertimbangan",
    votes: "Suara (setuju/tidak setuju/abstain)",
    supersedes: "Menggantikan kalibrasi",
    recorded_by: "Dicatat oleh",
};

pub const VOTES_NONE: &str = "tidak dicatat";

/// Perpindahan kalibrasi: kotak hasil hitung -> kotak yang disepakati.
pub fn moved(computed: &str, agreed: u8) -> String {
    format!("{computed} -> {agreed}")
}

/// Label profil untuk kalibrasi.
pub const PROFILE_LABEL: &str = "Kalibrasi";

/// `7 disepakati pada sidang 1 (hasil hitung 5) — berlaku`, atau dengan kotak hasil hitung kini bila usang.
pub fn profile_line(
    agreed: u8,
    agreed_on: &str,
    now: Option<&str>,
    session: i64,
    s: CalibrationStatus,
) -> String {
    let computed = match now {
        Some(n) => format!("hasil hitung saat itu {agreed_on}, kini {n}"),
        None => format!("hasil hitung {agreed_on}"),
    };
    format!(
        "{agreed} disepakati pada sidang {session} ({computed}) — {}",
        status(s)
    )
}

pub fn grounds(reason: &str) -> String {
    format!("dasar: {reason}")
}

/// Baris Matriks 9 Kotak: perpindahan yang berlaku dan kalibrasi yang usang.
pub fn grid_line(moves: &[String], stale: usize) -> String {
    let moved = if moves.is_empty() {
        "tidak ada perpindahan yang berlaku".to_string()
    } else {
        moves.join(", ")
    };
    format!("Kalibrasi: {moved} · usang, perlu ditinjau ulang: {stale}")
}

/// Baris layar bantuan dan docs/keys.md.
pub const KEY_HELP: &str = "kalibrasi kotak talenta untuk kandidat terpilih";

pub fn form_title(nama: &str, nip: &str) -> String {
    format!("Kalibrasi kotak talenta: {nama} ({nip})")
}

pub const FIELD_KOTAK: &str = "Kotak disepakati (1-9)";

pub fn bad_box_text(s: &str) -> String {
    format!("kotak '{s}' tidak terbaca; tulis angka 1 sampai 9")
}

pub fn recorded(id: i64) -> String {
    format!("kalibrasi {id} dicatat; kotak yang disepakati berlaku")
}
