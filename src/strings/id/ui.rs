//! Teks layar komite (TUI), Bahasa Indonesia.

use crate::domain::Kinerja;
use crate::strings::texts::{ColumnNames, ContextTitles, KeyHelp};

pub const APP: &str = "talenta";
pub const VIEW_TABLE: &str = "Tabel";
pub const VIEW_GRID: &str = "Matriks 9 Kotak";
pub const VIEW_PROFILE: &str = "Profil";

pub fn as_of(date: &str) -> String {
    format!("per {date}")
}

pub const COLUMNS: ColumnNames = ColumnNames {
    nip: "NIP",
    nama: "Nama",
    jabatan: "Jabatan",
    unit: "Unit kerja",
    golongan: "Gol.",
    kinerja: "Kinerja",
    potensi: "Potensi",
    kotak: "Kotak",
};

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
    format!("karakter ke-{column}: {message}")
}

pub fn profile_not_found(nip: &str) -> String {
    format!("profil NIP {nip} tidak ada lagi di basis data")
}

pub fn profile_failed(e: &str) -> String {
    format!("profil tidak dapat dimuat: {e}")
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
pub const TALENT_POOL_LEGEND: &str = "talent pool (kotak 7–9)";
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

pub const CONTEXTS: ContextTitles = ContextTitles {
    global: "Di semua layar",
    table: "Tabel kandidat",
    grid: "Matriks 9 Kotak",
    profile: "Profil",
    positions: "Jabatan",
    shortlist: "Daftar calon satu jabatan",
    compare: "Membandingkan calon",
    help: "Bantuan ini",
    prompt: "Saat mengetik filter atau lompatan",
    session: "Panel sidang komite",
    form: "Dalam formulir sidang",
};

pub const KEY_HELP: KeyHelp = KeyHelp {
    session_up: "sidang, anggota atau rekomendasi sebelumnya",
    session_down: "sidang, anggota atau rekomendasi berikutnya",
    session_left: "bagian sebelumnya (sidang, anggota, rekomendasi)",
    session_right: "bagian berikutnya (sidang, anggota, rekomendasi)",
    session_open: "sidang: jadikan aktif; anggota: tandai hadir; rekomendasi: ubah",
    form_accept: "simpan (pada isian anggota: baris baru)",
    form_cancel: "batal (tidak ada yang dicatat)",
    form_down: "baris atau isian berikutnya",
    form_up: "baris atau isian sebelumnya",
    form_cursor_left: "kursor ke kiri; pilihan sebelumnya",
    form_cursor_right: "kursor ke kanan; pilihan berikutnya",
    sessions: "panel sidang komite (buka / tutup)",
    decide: "catat rekomendasi komite untuk kandidat terpilih",
    recuse: "anggota menyatakan benturan kepentingan atas kandidat terpilih",
    discussed: "tandai kandidat terpilih sudah dibahas",
    new_session: "sidang baru",
    attend: "tandai anggota terpilih hadir",
    amend: "ubah rekomendasi terpilih (versi baru)",
    close_session: "tutup sidang (sejak itu hanya dapat dibaca)",
    reopen: "buka kembali sidang yang ditutup (alasan wajib)",
    minutes: "tulis berita acara (md, csv, json, docx)",
    next_field: "isian berikutnya",
    prev_field: "isian sebelumnya",
    quit: "keluar",
    help: "bantuan ini",
    filter: "ketik filter (tabel dan matriks 9 kotak ikut berubah)",
    jump: "lompat ke NIP atau nama",
    grid: "beralih tabel / matriks 9 kotak",
    positions: "jabatan: yang lowong dan akan pensiun dulu",
    mark: "tandai / lepas tanda untuk dibandingkan (2 sampai 6)",
    compare: "bandingkan calon yang ditandai berdampingan",
    conditions: "tampilkan / tutup syarat jabatan beserta dasarnya",
    positions_open: "daftar calon jabatan ini",
    positions_back: "kembali ke tabel",
    positions_up: "jabatan sebelumnya",
    positions_down: "jabatan berikutnya",
    shortlist_up: "calon sebelumnya",
    shortlist_down: "calon berikutnya",
    shortlist_open: "profil terhadap jabatan ini",
    shortlist_back: "kembali ke daftar jabatan",
    compare_back: "kembali ke daftar calon",
    lang: "ganti bahasa (Indonesia / English)",
    grid_up: "kotak di atas",
    grid_down: "kotak di bawah",
    grid_left: "kotak di kiri",
    grid_right: "kotak di kanan",
    table_up: "baris sebelumnya",
    table_down: "baris berikutnya",
    up: "gulir ke atas",
    down: "gulir ke bawah",
    left: "ke kiri",
    right: "ke kanan",
    page_up: "satu halaman ke atas",
    page_down: "satu halaman ke bawah",
    top: "ke awal",
    bottom: "ke akhir",
    grid_open: "daftar kandidat kotak ini",
    open: "buka profil kandidat",
    table_back: "dari daftar satu kotak kembali ke matriks 9 kotak",
    grid_back: "kembali ke tabel",
    help_back: "tutup bantuan",
    back: "kembali ke tabel",
    sort: "urutkan menurut kolom berikutnya",
    sort_reverse: "balik arah urutan",
    next: "profil kandidat berikutnya",
    previous: "profil kandidat sebelumnya",
    accept: "selesai (filter tetap berlaku)",
    cancel: "batal (kembali ke keadaan semula)",
    next_match: "lompatan: kecocokan berikutnya",
    cursor_left: "kursor ke kiri",
    cursor_right: "kursor ke kanan",
    line_start: "kursor ke awal",
    line_end: "kursor ke akhir",
    delete_back: "hapus huruf sebelum kursor",
    delete_forward: "hapus huruf di kursor",
    delete_word: "hapus kata sebelum kursor",
    clear_line: "kosongkan isian",
};

pub const HELP_TYPING: &str = "tombol lain diketik ke isian";
pub const HELP_CONFIG: &str =
    "Tombol dapat diubah di berkas konfigurasi, bagian [keys] (lihat docs/keys.md).";

pub fn too_small(w: u16, h: u16) -> String {
    format!("Layar terlalu kecil. Perbesar jendela (min. {w}×{h}).")
}

pub const KEYS_INVALID: &str = "bagian [keys] pada berkas konfigurasi tidak valid";

pub fn unknown_action(s: &str) -> String {
    format!("'{s}': bukan nama tindakan (contoh: quit, filter, grid, table.up; lihat docs/keys.md)")
}

pub fn not_in_context(entry: &str) -> String {
    format!("'{entry}': tindakan itu tidak ada pada layar tersebut")
}

pub fn bad_chord(entry: &str, chord: &str) -> String {
    format!("'{entry}': '{chord}' bukan tombol (contoh: q, G, ctrl-c, enter, pagedown, f1)")
}

pub fn no_keys(entry: &str) -> String {
    format!("'{entry}': perlu sedikitnya satu tombol")
}

/// A chord bound twice on one screen (`context`): to `first` and `second`.
pub fn key_twice(chord: &str, context: &str, first: &str, second: &str) -> String {
    format!("tombol '{chord}' dipakai dua kali pada layar {context}: {first} dan {second}")
}

pub fn key_shadows(chord: &str, context: &str, own: &str, global: &str) -> String {
    format!(
        "tombol '{chord}' untuk {own} pada layar {context} menutupi tombol sidang {global}: \
         tombol sidang berlaku sama di setiap layar; pilih tombol lain"
    )
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

/// The question at the start of the local screen: who is at the keyboard.
pub const ASK_NAME_TITLE: &str = "Siapa di papan ketik?";
pub fn ask_name_note(os_user: &str) -> String {
    format!("Nama Anda dicatat pada setiap perubahan sidang dari layar ini, bersama pengguna OS ({os_user}). Disimpan di berkas konfigurasi (secretary); ditanyakan sekali.")
}
pub const ASK_NAME_LABEL: &str = "Nama";
pub fn ask_name_hint(save: &str, skip: &str, os_user: &str) -> String {
    format!("{save} simpan · {skip} lewati (tercatat sebagai {os_user})")
}
/// The config's `secretary`, in an error.
pub const WHAT_SECRETARY: &str = "nama sekretaris (secretary di berkas konfigurasi)";
