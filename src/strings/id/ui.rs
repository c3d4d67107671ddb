//! Teks layar komite (TUI), Bahasa Indonesia.

use crate::app::keymap::{Cmd, Context, KeyError};
use crate::app::sort::Column;
use crate::app::Notice;
use crate::domain::Kinerja;

pub const APP: &str = "talenta";
pub const VIEW_TABLE: &str = "Tabel";
pub const VIEW_GRID: &str = "Kotak 9";
pub const VIEW_PROFILE: &str = "Profil";

pub fn as_of(date: &str) -> String {
    format!("per {date}")
}

pub fn column(c: Column) -> &'static str {
    match c {
        Column::Nip => "NIP",
        Column::Nama => "Nama",
        Column::Jabatan => "Jabatan",
        Column::Unit => "Unit kerja",
        Column::Golongan => "Gol.",
        Column::Kinerja => "Kinerja",
        Column::Potensi => "Potensi",
        Column::Kotak => "Kotak",
    }
}

pub const LOADING: &str = "Memuat kumpulan talenta…";
pub const EMPTY_POOL: &str =
    "Kumpulan talenta masih kosong. Isi dengan 'talenta demo' atau 'talenta import FOLDER'.";
pub const NO_MATCHES: &str = "Tidak ada pegawai yang cocok dengan filter ini.";

pub fn load_failed(e: &str) -> String {
    format!("Kumpulan talenta tidak dapat dimuat: {e}")
}

pub fn count(shown: usize, total: usize) -> String {
    format!("{shown} dari {total}")
}

pub const FILTER: &str = "Filter";
pub const ALL: &str = "semua";

pub fn sort_by(column: &str, arrow: &str) -> String {
    format!("urut: {column} {arrow}")
}

pub fn box_n(b: u8) -> String {
    format!("kotak {b}")
}

pub const HELP_HINT: &str = "bantuan";
pub const BUSY: &str = "menghitung…";
pub const PROMPT_FILTER: &str = "Filter: ";
pub const PROMPT_JUMP: &str = "Lompat ke: ";
pub const NOT_FOUND: &str = "tidak ditemukan";

pub fn filter_error(column: usize, message: &str) -> String {
    format!("kolom {column}: {message}")
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::ProfileNotFound(nip) => format!("profil NIP {nip} tidak ada lagi di basis data"),
        Notice::Session(s) => super::session_ui::note(s),
        Notice::ProfileFailed(e) => format!("profil tidak dapat dimuat: {e}"),
        Notice::MarkLimit => crate::strings::id::positions::MARK_LIMIT.to_string(),
        Notice::CompareNeedsTwo => crate::strings::id::positions::COMPARE_NEEDS_TWO.to_string(),
    }
}

pub const KINERJA_AXIS: &str = "Kinerja";
pub const POTENSI_AXIS: &str = "Potensial";

pub fn kinerja_short(k: Kinerja) -> &'static str {
    match k {
        Kinerja::DiAtas => "di atas",
        Kinerja::Sesuai => "sesuai",
        Kinerja::DiBawah => "di bawah",
    }
}

pub const NO_BOX: &str = "tanpa kotak";
pub const TALENT_POOL_LEGEND: &str = "kelompok talenta (kotak 7–9)";
pub const GRID_HINT: &str = "Enter: daftar kandidat";

pub fn box_title(b: u8) -> String {
    format!("Kotak {b}")
}

/// Tindak lanjut yang lazim untuk tiap kotak (domain.md).
pub fn box_action(b: u8) -> &'static str {
    match b {
        9 => "promosi dan pertahankan; KRS instansi/nasional; penghargaan",
        8 => "pertahankan; KRS instansi; rotasi/perluasan jabatan; bimbingan kinerja",
        7 => "pertahankan; KRS instansi; rotasi/pengayaan jabatan; pengembangan kompetensi",
        6 => "penempatan sesuai; bimbingan kinerja dan konseling",
        5 => "penempatan sesuai; bimbingan; pengembangan kompetensi",
        4 => "rotasi; pengembangan kompetensi",
        3 => "bimbingan, konseling, pengembangan kompetensi, penempatan sesuai",
        2 => "bimbingan, pengembangan kompetensi, penempatan sesuai",
        1 => "ditangani menurut ketentuan disiplin/kinerja",
        _ => "",
    }
}

pub const RECORD: &str = "Data pegawai";
pub const INSTANSI: &str = "Instansi";
pub const TIER: &str = "Tingkat";

pub fn retires_in(years: u32) -> String {
    format!("{years} tahun lagi")
}

pub const RETIRED: &str = "sudah mencapai BUP";
pub const NOT_ASSESSED: &str = "belum dinilai";
pub const LEVEL: &str = "level";

pub fn training_target(jp: u32) -> String {
    format!("target {jp} JP per tahun")
}

pub fn jp_short(n: u32) -> String {
    format!("kurang {n} JP")
}

/// Lesson hours against the yearly target (`12/20 JP`).
pub fn jp_of(jp: u32, target: u32) -> String {
    format!("{jp}/{target} JP")
}

/// Lesson hours of one course.
pub fn jp(jp: u32) -> String {
    format!("{jp} JP")
}

pub const JP_MET: &str = "terpenuhi";
pub const NO_RECORDS: &str = "belum ada data";

pub const HELP_TITLE: &str = "Bantuan tombol";

pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Di semua layar",
        Context::Table => "Tabel kandidat",
        Context::Grid => "Kotak 9",
        Context::Profile => "Profil",
        Context::Positions => "Jabatan",
        Context::Shortlist => "Daftar calon satu jabatan",
        Context::Compare => "Membandingkan calon",
        Context::Help => "Bantuan ini",
        Context::Prompt => "Saat mengetik filter atau lompatan",
        Context::Session => "Panel sidang komite",
        Context::Form => "Dalam formulir sidang",
    }
}

pub fn cmd_help(ctx: Context, cmd: Cmd) -> &'static str {
    match (ctx, cmd) {
        (Context::Session, Cmd::Up) => "sidang, anggota atau keputusan sebelumnya",
        (Context::Session, Cmd::Down) => "sidang, anggota atau keputusan berikutnya",
        (Context::Session, Cmd::Left) => "bagian sebelumnya (sidang, anggota, keputusan)",
        (Context::Session, Cmd::Right) => "bagian berikutnya (sidang, anggota, keputusan)",
        (Context::Session, Cmd::Open) => {
            "sidang: jadikan aktif; anggota: tandai hadir; keputusan: ubah"
        }
        (Context::Form, Cmd::Accept) => "simpan (pada isian anggota: baris baru)",
        (Context::Form, Cmd::Cancel) => "batal (tidak ada yang dicatat)",
        (Context::Form, Cmd::Down) => "baris atau isian berikutnya",
        (Context::Form, Cmd::Up) => "baris atau isian sebelumnya",
        (Context::Form, Cmd::CursorLeft) => "kursor ke kiri; pilihan sebelumnya",
        (Context::Form, Cmd::CursorRight) => "kursor ke kanan; pilihan berikutnya",
        (_, Cmd::Sessions) => "panel sidang komite (buka / tutup)",
        (_, Cmd::Decide) => "catat keputusan untuk kandidat terpilih",
        (_, Cmd::Recuse) => "anggota mengundurkan diri untuk kandidat terpilih",
        (_, Cmd::Discussed) => "tandai kandidat terpilih sudah dibahas",
        (_, Cmd::NewSession) => "sidang baru",
        (_, Cmd::Attend) => "tandai anggota terpilih hadir",
        (_, Cmd::Amend) => "ubah keputusan terpilih (versi baru)",
        (_, Cmd::CloseSession) => "tutup sidang (sejak itu hanya dapat dibaca)",
        (_, Cmd::Reopen) => "buka kembali sidang yang ditutup (alasan wajib)",
        (_, Cmd::Minutes) => "tulis berita acara (md, csv, json, docx)",
        (_, Cmd::NextField) => "isian berikutnya",
        (_, Cmd::PrevField) => "isian sebelumnya",
        (_, Cmd::Quit) => "keluar",
        (_, Cmd::Help) => "bantuan ini",
        (_, Cmd::Filter) => "ketik filter (tabel dan kotak 9 ikut berubah)",
        (_, Cmd::Jump) => "lompat ke NIP atau nama",
        (_, Cmd::Grid) => "beralih tabel / kotak 9",
        (_, Cmd::Positions) => "jabatan: yang lowong dan akan pensiun dulu",
        (_, Cmd::Mark) => "tandai / lepas tanda untuk dibandingkan (2 sampai 6)",
        (_, Cmd::Compare) => "bandingkan calon yang ditandai berdampingan",
        (Context::Positions, Cmd::Open) => "daftar calon jabatan ini",
        (Context::Positions, Cmd::Back) => "kembali ke tabel",
        (Context::Positions, Cmd::Up) => "jabatan sebelumnya",
        (Context::Positions, Cmd::Down) => "jabatan berikutnya",
        (Context::Shortlist, Cmd::Up) => "calon sebelumnya",
        (Context::Shortlist, Cmd::Down) => "calon berikutnya",
        (Context::Shortlist, Cmd::Open) => "profil terhadap jabatan ini",
        (Context::Shortlist, Cmd::Back) => "kembali ke daftar jabatan",
        (Context::Compare, Cmd::Back) => "kembali ke daftar calon",
        (_, Cmd::Lang) => "ganti bahasa (Indonesia / English)",
        (Context::Grid, Cmd::Up) => "kotak di atas",
        (Context::Grid, Cmd::Down) => "kotak di bawah",
        (Context::Grid, Cmd::Left) => "kotak di kiri",
        (Context::Grid, Cmd::Right) => "kotak di kanan",
        (Context::Table, Cmd::Up) => "baris sebelumnya",
        (Context::Table, Cmd::Down) => "baris berikutnya",
        (_, Cmd::Up) => "gulir ke atas",
        (_, Cmd::Down) => "gulir ke bawah",
        (_, Cmd::Left) => "ke kiri",
        (_, Cmd::Right) => "ke kanan",
        (_, Cmd::PageUp) => "satu halaman ke atas",
        (_, Cmd::PageDown) => "satu halaman ke bawah",
        (_, Cmd::Top) => "ke awal",
        (_, Cmd::Bottom) => "ke akhir",
        (Context::Grid, Cmd::Open) => "daftar kandidat kotak ini",
        (_, Cmd::Open) => "buka profil kandidat",
        (Context::Table, Cmd::Back) => "dari daftar satu kotak kembali ke kotak 9",
        (Context::Grid, Cmd::Back) => "kembali ke tabel",
        (Context::Help, Cmd::Back) => "tutup bantuan",
        (_, Cmd::Back) => "kembali ke tabel",
        (_, Cmd::Sort) => "urutkan menurut kolom berikutnya",
        (_, Cmd::SortReverse) => "balik arah urutan",
        (_, Cmd::Next) => "profil kandidat berikutnya",
        (_, Cmd::Previous) => "profil kandidat sebelumnya",
        (_, Cmd::Accept) => "selesai (filter tetap berlaku)",
        (_, Cmd::Cancel) => "batal (kembali ke keadaan semula)",
        (_, Cmd::NextMatch) => "lompatan: kecocokan berikutnya",
        (_, Cmd::CursorLeft) => "kursor ke kiri",
        (_, Cmd::CursorRight) => "kursor ke kanan",
        (_, Cmd::LineStart) => "kursor ke awal",
        (_, Cmd::LineEnd) => "kursor ke akhir",
        (_, Cmd::DeleteBack) => "hapus huruf sebelum kursor",
        (_, Cmd::DeleteForward) => "hapus huruf di kursor",
        (_, Cmd::DeleteWord) => "hapus kata sebelum kursor",
        (_, Cmd::ClearLine) => "kosongkan isian",
    }
}

pub const HELP_TYPING: &str = "tombol lain diketik ke isian";
pub const HELP_CONFIG: &str =
    "Tombol dapat diubah di berkas konfigurasi, bagian [keys] (lihat docs/keys.md).";

pub fn too_small(w: u16, h: u16) -> String {
    format!("Layar terlalu kecil. Perbesar jendela (min. {w}×{h}).")
}

pub const KEYS_INVALID: &str = "bagian [keys] pada berkas konfigurasi tidak valid";

pub fn key_error(e: &KeyError) -> String {
    match e {
        KeyError::UnknownAction(s) => format!(
            "'{s}': bukan nama tindakan (contoh: quit, filter, grid, table.up; lihat docs/keys.md)"
        ),
        KeyError::NotInContext { entry } => {
            format!("'{entry}': tindakan itu tidak ada pada layar tersebut")
        }
        KeyError::BadChord { entry, chord } => {
            format!("'{entry}': '{chord}' bukan tombol (contoh: q, G, ctrl-c, enter, pagedown, f1)")
        }
        KeyError::Empty { entry } => format!("'{entry}': perlu sedikitnya satu tombol"),
        KeyError::Conflict {
            context,
            chord,
            first,
            second,
        } => format!(
            "tombol '{chord}' dipakai dua kali pada layar {}: {} dan {}",
            context.name(),
            first.name(),
            second.name()
        ),
    }
}

pub fn theme_unknown(name: &str) -> String {
    format!("tema '{name}' tidak dikenal; pilih default atau mono")
}

pub const NOT_A_TERMINAL: &str =
    "layar komite memerlukan terminal; untuk skrip gunakan 'talenta query' atau 'talenta show'";

pub fn terminal_failed(e: &str) -> String {
    format!("terminal tidak dapat disiapkan atau dipulihkan: {e}")
}

pub const WORKER_CRASHED: &str = "kesalahan internal pada penyaring; layar komite ditutup";

pub const INPUT_CRASHED: &str = "kesalahan internal saat membaca tombol; layar komite ditutup";

pub fn stopped_by(signal: &str) -> String {
    format!("layar komite ditutup karena sinyal {signal}; terminal dipulihkan")
}
