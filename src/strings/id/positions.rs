//! Jabatan, daftar calon, perbandingan dan rencana suksesi (Bahasa Indonesia).

use crate::domain::eligibility::Ineligible;
use crate::domain::position::Group;
use crate::domain::succession::Readiness;
use crate::store::positions::{PlanError, PlanText};
use crate::strings::CompareLabels;

pub const POSITIONS_HEADER: &[&str] = &[
    "Kode",
    "Jabatan",
    "Tingkat",
    "Unit kerja",
    "Status",
    "Pemangku",
    "Pensiun",
    "Syarat",
];
pub const SHORTLIST_HEADER: &[&str] = &[
    "#",
    "NIP",
    "Nama",
    "Jabatan",
    "Gol",
    "Kotak",
    "JPM",
    "Pengisian",
    "Pemetaan",
    "Kesenjangan",
];
/// The `--all` table's last column: the codes of the conditions not met.
pub const NOT_MET_HEADER: &str = "Tidak terpenuhi";
pub const SUCCESSION_HEADER: &[&str] = &["Kode", "#", "NIP", "Nama", "Kesiapan", "Catatan"];

pub fn group(g: Group) -> &'static str {
    match g {
        Group::Vacant => "lowong",
        Group::Retiring => "akan pensiun",
        Group::Filled => "terisi",
    }
}

pub fn readiness(r: Readiness) -> &'static str {
    match r {
        Readiness::Now => "siap sekarang",
        Readiness::OneToTwo => "1-2 tahun",
        Readiness::ThreePlus => "3+ tahun",
    }
}

pub fn ineligible(e: &Ineligible) -> String {
    super::eligibility::not_met(e)
}

pub const ELIGIBLE: &str = "memenuhi syarat";
pub const NOT_FULLY_ASSESSED: &str = "belum dinilai lengkap";

pub fn unknown_position(kode: &str) -> String {
    format!("tidak ada jabatan berkode {kode}; lihat daftarnya dengan 'talenta positions'")
}

pub fn compare_count(n: usize) -> String {
    format!("compare membandingkan 2 sampai 6 NIP, bukan {n}")
}

pub fn compare_duplicate(nip: &str) -> String {
    format!("NIP {nip} disebut dua kali")
}

pub fn readiness_invalid(s: &str) -> String {
    format!("'{s}': siap_sekarang | 1_2_tahun | 3_tahun_lebih (atau now, 1-2, 3+)")
}

pub fn plan_error(e: &PlanError) -> String {
    match e {
        PlanError::UnknownPosition(k) => unknown_position(k),
        PlanError::UnknownNip(n) => super::cli::nip_not_found(n),
        PlanError::Holder { kode, nip } => {
            format!("{nip} adalah pemangku {kode} sekarang, tidak bisa menjadi suksesornya")
        }
        PlanError::NotInPlan { kode, nip } => {
            format!("{nip} tidak ada dalam kelompok rencana suksesi {kode}")
        }
        PlanError::NoReason => "penghapusan memerlukan alasan (--reason TEKS)".into(),
        PlanError::Frozen { .. } => super::krs::frozen(e),
        PlanError::InvalidText { field, error } => crate::strings::id::cli::control_in(
            match field {
                PlanText::Note => "catatan (--note)",
                PlanText::Reason => "alasan (--reason)",
                PlanText::Actor => "nama pelaku (--as)",
            },
            error,
        ),
        PlanError::Store(_) => "basis data tidak dapat dibaca atau ditulis".into(),
    }
}

pub fn successor_added(kode: &str, nip: &str, r: Readiness) -> String {
    format!(
        "{nip} ditambahkan ke kelompok rencana suksesi {kode} ({})\n",
        readiness(r)
    )
}

pub fn successor_changed(kode: &str, nip: &str, r: Readiness) -> String {
    format!(
        "kelompok rencana suksesi {kode} diubah: {nip} ({})\n",
        readiness(r)
    )
}

pub fn successor_same(kode: &str, nip: &str) -> String {
    format!(
        "{nip} sudah ada di kelompok rencana suksesi {kode} seperti itu; tidak ada yang berubah\n"
    )
}

pub fn successor_removed(kode: &str, nip: &str) -> String {
    format!("{nip} dihapus dari kelompok rencana suksesi {kode}\n")
}

pub fn not_eligible_warning(why: &str) -> String {
    format!("catatan: menurut aturan kelayakan calon ini tidak memenuhi syarat ({why})")
}

pub fn shortlist_all_line(shown: usize, eligible: usize, filtered: bool) -> String {
    if filtered {
        format!("{shown} ditampilkan dari calon yang cocok dengan filter, {eligible} di antaranya memenuhi syarat")
    } else {
        format!("{shown} calon ditampilkan, {eligible} di antaranya memenuhi syarat")
    }
}

pub fn shortlist_line(shown: usize, eligible: usize, filtered: bool) -> String {
    if filtered {
        format!(
            "{shown} ditampilkan dari {eligible} calon memenuhi syarat yang cocok dengan filter"
        )
    } else {
        format!("{shown} ditampilkan dari {eligible} calon memenuhi syarat")
    }
}

pub fn positions_line(n: usize, vacant: usize, retiring: usize, years: u32) -> String {
    format!("{n} jabatan: {vacant} lowong, {retiring} dengan pemangku pensiun dalam {years} tahun")
}

pub const COMPARE: CompareLabels = CompareLabels {
    nama: "Nama",
    jabatan: "Jabatan",
    tingkat: "Tingkat",
    golongan: "Golongan",
    pendidikan: "Pendidikan",
    status: "Status",
    kotak: "Kotak",
    potensi: "Potensi",
    skp: "SKP",
    masa_jabatan: "Masa jabatan",
    pelatihan: "Pelatihan",
    pensiun: "Pensiun",
    jpm: "JPM",
    band: "Kategori",
    eligible: "Syarat",
    years: "th",
    none: "-",
};

// Layar komite.
pub const VIEW_POSITIONS: &str = "Jabatan";
pub const VIEW_SHORTLIST: &str = "Calon";
pub const VIEW_COMPARE: &str = "Perbandingan";
pub const NO_POSITIONS: &str = "Belum ada jabatan di basis data.";
pub const NO_ELIGIBLE: &str = "Tidak ada calon memenuhi syarat yang cocok dengan filter.";
pub const RANKING: &str = "Menyusun peringkat calon yang memenuhi syarat…";
pub const POSITIONS_HINT: &str = "Enter: daftar calon";
/// Baris tombol daftar calon: guna tiap tombol di sana (tombolnya dari
/// peta tombol).
pub const KEY_PROFILE: &str = "profil";
pub const KEY_MARK: &str = "tandai";
pub const KEY_COMPARE: &str = "bandingkan";
pub const KEY_CONDITIONS: &str = "syarat";
pub const KEY_SESSION: &str = "sidang";
pub const KEY_CHOOSE: &str = "pilih";
/// Arti tiap tanda di depan calon (benturan kepentingan, dibahas,
/// direkomendasikan, KRS), untuk keterangannya.
pub const MARK_NAMES: [&str; 4] = ["benturan", "dibahas", "direkomendasikan", "anggota KRS"];

/// Langkah jalur di baris judul: daftar satu kotak.
pub fn view_box(b: u8) -> String {
    format!("Kotak {b}")
}
pub const COMPARE_NEEDS_TWO: &str = "tandai 2 sampai 6 calon (spasi) untuk dibandingkan";
pub const MARK_LIMIT: &str = "paling banyak 6 calon dapat dibandingkan";
pub const REQUIRED: &str = "syarat";
/// The first line of the conditions panel (shortlist and compare screens).
pub const CONDITIONS_HINT: &str =
    "Syarat: ✓ terpenuhi · ✗ tidak · ? tidak diketahui (tak ada data) · e: tutup";

/// A candidate's heading in the conditions panel.
pub fn conditions_heading(nama: &str, nip: &str, failed: usize) -> String {
    match failed {
        0 => format!("{nama} ({nip}): memenuhi semua syarat"),
        n => format!("{nama} ({nip}): {n} syarat tidak terpenuhi"),
    }
}

pub fn marked(n: usize) -> String {
    format!("{n} ditandai")
}

pub fn retiring_within(years: u32) -> String {
    format!("pensiun dalam {years} tahun")
}

pub fn eligible_count(n: usize) -> String {
    format!("{n} memenuhi syarat")
}

pub fn against(kode: &str) -> String {
    format!("terhadap {kode}")
}

/// Tombol perbandingan, di bantuan dan docs/keys.md.
pub const KEY_HELP_COMPARE_LEFT: &str = "pilih calon yang dibandingkan di sebelah kiri";
pub const KEY_HELP_COMPARE_RIGHT: &str = "pilih calon yang dibandingkan di sebelah kanan";
pub const KEY_HELP_COMPARE_OPEN: &str = "profil calon yang dipilih";
