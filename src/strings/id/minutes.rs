//! Teks berita acara sebagai naskah dinas (Bahasa Indonesia): kop, nomor,
//! pembukaan, penutup, tanda tangan, halaman.

use crate::domain::terbilang;
use chrono::NaiveDate;

pub const NUMBER: &str = "Nomor";
pub const DRAFT_MARK: &str = "RANCANGAN";
/// `Halaman ` PAGE ` dari ` NUMPAGES.
pub const PAGE: (&str, &str) = ("Halaman ", " dari ");
pub const MEMBERS_HEADER: [&str; 4] = ["No.", "Nama", "Peran", "Kehadiran"];
pub const NIP: &str = "NIP";
pub const NIP_BLANK: &str = "NIP ..............................";
pub const KNOWN_BY: &str = "Mengetahui,";
pub const PPK_TITLE: &str = "Pejabat Pembina Kepegawaian";
pub const DOC_TITLE: &str = "Berita Acara Sidang Komite Talenta";
pub const CLOSING: &str =
    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.";
pub const VERIFY: &str = "Catatan verifikasi";
pub const PLACE: &str = "Tempat";
pub const TIME: &str = "Waktu";

/// The candidate's values in words: (box, latest SKP, potensi, golongan, competencies).
pub const SNAPSHOT: [&str; 5] = [
    "kotak",
    "predikat SKP terakhir",
    "potensi",
    "golongan",
    "kompetensi",
];

/// `Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh
/// enam, pukul 09.00 WIB, bertempat di Aula BKD, telah dilaksanakan ...`.
pub fn opening(date: NaiveDate, time: Option<&str>, place: Option<&str>, title: &str) -> String {
    let mut s = format!("Pada hari ini {}", terbilang::date_words(date));
    if let Some(t) = time {
        s.push_str(&format!(", pukul {}", t.replace(':', ".")));
    }
    if let Some(p) = place {
        s.push_str(&format!(", bertempat di {p}"));
    }
    s.push_str(&format!(
        ", telah dilaksanakan sidang Komite Talenta \"{title}\" dengan kehadiran, pembahasan dan hasil sebagai berikut."
    ));
    s
}

/// `Kabupaten Contoh, 3 Desember 2026`.
pub fn place_date(city: Option<&str>, date: NaiveDate) -> String {
    match city {
        Some(c) => format!("{c}, {}", terbilang::date_long(date)),
        None => terbilang::date_long(date),
    }
}

pub fn logo_unreadable(path: &std::path::Path, why: &str) -> String {
    format!(
        "logo kop surat {} tidak dapat dipakai: {why} (harus berkas PNG)",
        path.display()
    )
}
