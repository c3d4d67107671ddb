//! Import messages.

use crate::domain::nip::NipError;
use crate::domain::Status as EmploymentStatus;
use crate::import::{ImportError, ImportReport, Outcome, ProblemKind};
use crate::store::write::Counts;
use crate::strings::ImportLabels;

/// Apa yang salah, tanpa tempatnya.
pub fn what(k: &ProblemKind, file: &str) -> String {
    use ProblemKind::*;
    match k {
        Unsupported => "bukan berkas .csv atau .xlsx".into(),
        Utf16 => "berkas berupa teks UTF-16; simpan ulang sebagai \"CSV UTF-8\"".into(),
        Empty => "berkas kosong: tidak ada baris judul".into(),
        Unreadable => "tidak dapat dibaca sebagai buku kerja .xlsx".into(),
        TooLargeUnpacked { limit_mib } => format!("buku kerja ini terurai menjadi lebih dari {limit_mib} MiB (\"bom zip\", bukan ekspor kepegawaian); simpan datanya sebagai CSV"),
        UnknownKind => "nama maupun judul kolomnya tidak menunjukkan berkas apa ini; beri nama pegawai*, kinerja*, kompetensi*, potensi*, pelatihan*, jabatan*, syarat_jabatan*, riwayat_jabatan* atau disiplin*".into(),
        MissingColumn => "kolom wajib tidak ada di baris judul".into(),
        MissingKategoriAndSkor => "baris judul perlu kolom kategori atau skor".into(),
        DuplicateColumn { first } => format!("kolom yang sama muncul dua kali di baris judul (juga sebagai {first})"),
        Csv => "tidak dapat dibaca sebagai CSV".into(),
        InvalidUtf8 => "bukan teks UTF-8; simpan ulang berkas sebagai \"CSV UTF-8\"".into(),
        ControlChars => "berisi karakter kendali atau bidi (tampil sebagai \\u{..}); apakah ini berkas teks?".into(),
        TooLong { max } => format!("lebih dari {max} karakter"),
        SpansLines { lines } => format!("nilai bertanda kutip membentang {lines} baris; tanda kutip penutup kemungkinan hilang"),
        ExtraFields { expected, found } => format!("baris berisi {found} nilai, sedangkan judul {expected} kolom; apit dengan tanda kutip nilai yang memuat pemisah"),
        CellError => "sel berisi galat lembar kerja".into(),
        Required => "wajib diisi".into(),
        Nip(NipError::Length(n)) => format!("NIP terdiri atas 18 digit, ini {n} karakter"),
        Nip(NipError::NotDigits) => "NIP hanya boleh berisi angka".into(),
        Nip(NipError::BirthDate) => "tanggal lahir dalam NIP (8 digit pertama) bukan tanggal yang sah".into(),
        NipAsNumber => "NIP tersimpan sebagai angka sehingga digitnya hilang; format kolom sebagai teks lalu isi ulang NIP-nya".into(),
        Date => "bukan tanggal (YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)".into(),
        DateMonthFirst => "bukan tanggal yang pasti: kolom ini tampaknya ditulis bulan lebih dulu (MM/DD/YYYY), jadi hari dan bulan tanggal ini (keduanya 12 atau kurang) tidak dapat dibedakan".into(),
        Sex => "jenis kelamin tidak dikenal (L atau P)".into(),
        Status => "status kepegawaian tidak dikenal (PNS atau PPPK)".into(),
        Golongan => "golongan tidak dikenal (PNS: I/a .. IV/e; PPPK: I .. XVII)".into(),
        GolonganStatus { status: EmploymentStatus::Pns } => "bukan golongan PNS (I/a .. IV/e)".into(),
        GolonganStatus { status: EmploymentStatus::Pppk } => "bukan golongan PPPK (I .. XVII)".into(),
        StructuralWithoutEselon => "jabatan struktural memerlukan eselonnya (I.a .. IV.b) di kolom Eselon untuk menentukan tingkatnya".into(),
        Eselon => "bukan eselon (I.a, I.b, II.a .. IV.b, V)".into(),
        Tingkat => "tingkat jabatan tidak dikenal (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional)".into(),
        Pendidikan => "jenjang pendidikan tidak dikenal (SD, SMP, SMA, D1 .. D4, S1 .. S3)".into(),
        Year { min, max } => format!("bukan tahun antara {min} dan {max}"),
        Predikat => "predikat tidak dikenal (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang, atau SB, B, BP, K, SK)".into(),
        Kompetensi => "bukan salah satu dari sembilan kompetensi (kode seperti integritas, atau namanya)".into(),
        Level => "level harus 1 sampai 5".into(),
        Kategori => "kategori potensi tidak dikenal (Rendah, Menengah, Tinggi)".into(),
        Skor => "skor harus 0 sampai 100".into(),
        KategoriOrSkor => "isi kategori atau skor".into(),
        Jp => "JP harus bilangan bulat 0 atau lebih".into(),
        PositionStatus => "status jabatan harus lowong atau terisi".into(),
        PositionKategori => "kategori jabatan harus target, kritikal atau kosong".into(),
        PenaltyLevel => "tingkat hukuman disiplin tidak dikenal (ringan, sedang, berat)".into(),
        EndsBeforeStart { start } => format!("berakhir sebelum mulai ({start})"),
        Overlaps { file: f, line } if f == file => format!("tumpang tindih dengan jabatan di baris {line}"),
        Overlaps { file: f, line } => format!("tumpang tindih dengan jabatan di {f}:{line}"),
        Duplicate { file: f, line } if f == file => format!("sudah ada di baris {line}"),
        Duplicate { file: f, line } => format!("sudah ada di {f}:{line}"),
        UnknownEmployee => "tidak ada pegawai dengan NIP ini, baik di impor ini maupun di basis data".into(),
        UnknownPosition => "tidak ada jabatan dengan kode ini, baik di impor ini maupun di basis data".into(),
        RefersToInvalidRow { file: f, line } => format!("merujuk ke baris {f}:{line} yang bermasalah"),
    }
}

/// Judul dan nama catatan pada laporan impor.
pub const REPORT: ImportLabels = ImportLabels {
    files: "Berkas",
    would_be_written: "Akan ditulis",
    written: "Ditulis",
    employees: "Pegawai",
    skp: "Predikat SKP",
    competencies: "Penilaian kompetensi",
    potentials: "Penilaian potensi",
    trainings: "Pelatihan",
    positions: "Jabatan",
    requirements: "Syarat jabatan",
    histories: "Riwayat jabatan",
    penalties: "Hukuman disiplin",
};

/// Berapa baris berkas yang dibaca dan berapa yang valid.
pub fn file_rows(rows: u64, valid: u64) -> String {
    format!("{rows} baris, {valid} valid")
}

/// Berapa catatan yang baru, berubah dan tetap.
pub fn counts(c: &Counts) -> String {
    format!(
        "{} baru, {} berubah, {} tetap",
        c.inserted, c.updated, c.unchanged
    )
}

/// Satu kalimat: bagaimana impor berakhir.
pub fn outcome(r: &ImportReport) -> String {
    let n = r.problems.len();
    let skipped = r.rows_skipped();
    match r.outcome {
        Outcome::Written if n == 0 => "Impor selesai dan tercatat di jejak audit.".into(),
        Outcome::Written => format!(
            "Baris yang valid diimpor; {skipped} baris dengan {n} masalah dilewati (lihat di atas). Tercatat di jejak audit."
        ),
        Outcome::DryRun if n == 0 => "Uji coba: tidak ada yang ditulis.".into(),
        Outcome::DryRun => format!(
            "Uji coba: tidak ada yang ditulis; {skipped} baris dengan {n} masalah akan dilewati."
        ),
        Outcome::Refused if r.dry_run => format!(
            "Uji coba: impor ini akan ditolak, {n} masalah (lihat di atas)."
        ),
        Outcome::Refused => format!(
            "Tidak ada yang ditulis: {n} masalah (lihat di atas). Perbaiki, atau jalankan ulang dengan --skip-invalid untuk mengimpor baris yang valid."
        ),
        Outcome::NothingToWrite => "Tidak ada yang ditulis: tidak ada baris yang valid.".into(),
        Outcome::NoEmployees => "Tidak ada yang ditulis: tidak satu pun baris pegawai terbaca, sehingga baris lain tidak punya pemilik. Perbaiki berkas pegawai (lihat di atas) lalu impor ulang.".into(),
    }
}

/// Judul di atas daftar masalah.
pub fn problems_heading(r: &ImportReport) -> String {
    let n = r.problems.len();
    if r.outcome == Outcome::Refused {
        format!("{n} masalah; impor berlaku semua atau tidak sama sekali:")
    } else if r.outcome == Outcome::NoEmployees {
        format!("{n} masalah; tidak ada yang ditulis:")
    } else {
        format!("{n} masalah; baris berikut dilewati:")
    }
}

/// Kegagalan impor itu sendiri.
pub fn error(e: &ImportError) -> String {
    match e {
        ImportError::Io { path, source } => {
            format!("Tidak dapat membaca {}: {source}", path.display())
        }
        ImportError::Store(e) => format!("Galat basis data saat impor: {e}"),
        ImportError::NothingToImport => {
            "Tidak ada yang diimpor: tidak ada berkas .csv atau .xlsx di jalur yang diberikan."
                .into()
        }
    }
}

/// Satu penyebab untuk banyak baris: berapa dan di mana.
pub fn many(count: usize, first: u64, last: u64, example: &str) -> String {
    if example.is_empty() {
        format!("{count} baris, baris {first} sampai {last}")
    } else {
        format!("{count} baris, baris {first} sampai {last}; yang pertama: {example}")
    }
}

/// Baris sebuah berkas yang hanya merujuk ke baris bermasalah, dihitung.
pub fn consequential(count: usize, first: u64, last: u64) -> String {
    format!("{count} baris (baris {first} sampai {last}) merujuk ke pegawai atau jabatan yang barisnya sendiri bermasalah (di atas); baris ini ikut terimpor setelah baris itu diperbaiki")
}

/// Cara memperbaiki ekspor yang satu kolomnya rusak seluruhnya oleh satu penyebab.
pub fn hint(k: &ProblemKind) -> Option<&'static str> {
    match k {
        ProblemKind::NipAsNumber | ProblemKind::Nip(_) => Some("Perbaikan: lembar kerja menyimpan NIP sebagai angka. Ekspor ulang berkas dari SIASN/SIMPEG dan serahkan tanpa membukanya di lembar kerja; atau, di lembar kerja, format kolom NIP sebagai Teks (LibreOffice: Format > Sel > Teks; Excel: Format Sel > Teks) sebelum NIP ditempel, lalu simpan ulang."),
        ProblemKind::Date => Some("Perbaikan: tanggal di kolom ini dalam bentuk yang tidak terbaca (tahun dua digit seperti 26/09/86, atau bulan lebih dulu). Format sel kolom itu sebagai tanggal DD-MM-YYYY (atau YYYY-MM-DD) dengan tahun empat digit lalu simpan ulang."),
        ProblemKind::DateMonthFirst => Some("Perbaikan: kolom ini tampaknya ditulis bulan lebih dulu (MM/DD/YYYY, seperti lembar kerja berbahasa Inggris menyimpannya). Format sel kolom itu sebagai tanggal DD-MM-YYYY (atau YYYY-MM-DD) lalu ekspor ulang; talenta tidak menebak mana bulannya."),
        _ => None,
    }
}

/// Apa yang dilakukan baris valid sebuah berkas dan berapa baris yang dilewati.
pub fn file_counts(c: &Counts, skipped: u64) -> String {
    format!(
        "{} baru, {} berubah, {} tetap, {skipped} dilewati",
        c.inserted, c.updated, c.unchanged
    )
}

/// Kolom judul yang tidak dibaca.
pub fn unused_columns(names: &[String]) -> String {
    format!(
        "kolom tidak dipakai ({}): {}",
        names.len(),
        names.join(", ")
    )
}

/// Kolom judul yang dibaca, sebagai kolom kita yang mana.
pub fn used_columns(pairs: &[(String, &'static str)]) -> String {
    let list: Vec<String> = pairs
        .iter()
        .map(|(theirs, ours)| format!("{theirs} sebagai {ours}"))
        .collect();
    format!("kolom yang dibaca ({}): {}", pairs.len(), list.join(", "))
}
