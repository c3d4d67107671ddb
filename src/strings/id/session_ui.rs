//! Teks panel dan formulir sidang komite (TUI), Bahasa Indonesia.

use crate::strings::texts::{ActionNames, FieldNames, Said};
use crate::strings::Lang;

pub const VIEW_SESSION: &str = "Sidang";
pub const SESSIONS: &str = "Daftar sidang";
pub const NO_SESSIONS: &str = "Belum ada sidang: n membuat sidang baru.";
pub const NO_ACTIVE: &str = "Tidak ada sidang aktif: pilih dengan Enter atau buat dengan n.";

pub fn head(id: i64, title: &str, date: &str, status: &str) -> String {
    format!("Sidang {id}: {title} · {date} · {status}")
}

pub fn quorum_line(quorum: usize, present: usize, members: usize) -> String {
    format!("kuorum {quorum} · hadir {present} dari {members}")
}

pub fn candidate(nama: &str, nip: &str) -> String {
    format!("Kandidat: {nip} {nama}")
}

pub const NO_CANDIDATE: &str = "Kandidat: belum dipilih (pilih pada tabel)";

pub fn quorum_check(eligible: usize, quorum: usize, met: bool) -> String {
    if met {
        format!("berhak bersuara {eligible}, kuorum {quorum}: ✓ kuorum")
    } else {
        format!("berhak bersuara {eligible}, kuorum {quorum}: ✗ tidak kuorum")
    }
}

pub fn stepped_aside(names: &str) -> String {
    format!("⊘ benturan kepentingan: {names}")
}

pub const IN_FORCE: &str = "berlaku";
pub const SUPERSEDED: &str = "sudah diubah";
pub const CLOSED_HEAD: &str = "Hash jejak audit saat ditutup";
pub const LAST_EXPORT: &str = "Berita acara ditulis ke";

pub const TITLE_NEW_SESSION: &str = "Sidang komite baru";

pub fn title_decide(nama: &str, nip: &str) -> String {
    format!("Rekomendasi untuk {nama} ({nip})")
}

pub fn title_amend(decision: i64, nama: &str) -> String {
    format!("Ubah rekomendasi {decision}: {nama}")
}

pub fn title_recuse(nama: &str, nip: &str) -> String {
    format!("Benturan kepentingan: {nama} ({nip})")
}

pub fn title_close(session: i64) -> String {
    format!("Tutup sidang {session}")
}

pub fn title_reopen(session: i64) -> String {
    format!("Buka kembali sidang {session}")
}

pub fn title_minutes(session: i64) -> String {
    format!("Berita acara sidang {session}")
}

pub const FIELDS: FieldNames = FieldNames {
    title: "Judul",
    date: "Tanggal (TTTT-BB-HH)",
    members: "Anggota (NAMA[:PERAN] per baris)",
    quorum: "Kuorum (kosong: mayoritas)",
    agenda: "Agenda (kode jabatan)",
    kind: "Jenis",
    position: "Jabatan tujuan (kode)",
    grounds: "Dasar pertimbangan",
    votes: "Suara setuju/tidak/abstain",
    member: "Anggota",
    reason: "Alasan",
    format: "Format",
    path: "Berkas",
};

pub const NOT_APPLICABLE: &str = "(tidak untuk jenis ini)";
pub const CLOSE_CONFIRM: &str = "Menutup sidang membekukannya: tidak ada rekomendasi, perubahan atau pernyataan benturan kepentingan sampai dibuka kembali dengan alasan. Hash jejak audit saat ditutup masuk ke berita acara; hasil PPK tetap dapat dicatat. Enter menutup, Esc membatalkan.";
pub const AMEND_NOTE: &str = "Versi lama tetap ada dan keduanya tercantum dalam berita acara.";

/// The keys under a form, one part each; only those that work where the
/// focus is (the screen joins them).
pub fn hint_save(key: &str) -> String {
    format!("{key} simpan")
}
pub fn hint_confirm(key: &str) -> String {
    format!("{key} ya")
}
pub fn hint_new_line(key: &str) -> String {
    format!("{key} baris baru")
}
pub fn hint_next_field(key: &str) -> String {
    format!("{key} isian berikut")
}
pub fn hint_choose(prev: &str, next: &str) -> String {
    format!("{prev}/{next} pilih")
}
pub fn hint_to_vote(key: &str) -> String {
    format!("{key} pungut suara")
}
pub fn hint_cancel(key: &str) -> String {
    format!("{key} batal")
}

/// A form's problem (the app says which).
pub fn problem(p: &dyn Said) -> String {
    p.said(Lang::Id)
}

pub fn bad_date(s: &str) -> String {
    format!("'{s}' bukan tanggal; tulis TTTT-BB-HH")
}

pub const NO_MEMBERS: &str = "sebutkan sedikitnya satu anggota";

pub fn bad_quorum(s: &str) -> String {
    format!("kuorum '{s}' bukan bilangan")
}

pub const NO_PATH: &str = "sebutkan berkas yang akan ditulis";

pub fn not_saved(e: &str) -> String {
    format!("tidak tersimpan: {e}")
}

pub const NOTE_NO_SESSION: &str = "tidak ada sidang aktif: tekan c untuk memilih atau membuat";
pub const NOTE_NO_CANDIDATE: &str = "pilih kandidat pada tabel atau buka profilnya";
pub const NOTE_UNAVAILABLE: &str = "sidang tidak tersedia di sini";
pub const NOTE_REFRESHED: &str = "diperbarui dari basis data";

pub fn created(id: i64) -> String {
    format!("sidang {id} dibuat dan dibuka")
}

pub fn attended(n: &str) -> String {
    format!("{n} hadir")
}

pub fn already_present(n: &str) -> String {
    format!("{n} sudah tercatat hadir")
}

pub fn recused(member: &str, nip: &str) -> String {
    format!("{member} menyatakan benturan kepentingan atas {nip}")
}

pub fn discussed(nip: &str) -> String {
    format!("{nip} ditandai sudah dibahas")
}

pub fn recorded(id: i64) -> String {
    format!("rekomendasi {id} dicatat")
}

pub fn amended(old: i64, new: i64) -> String {
    format!("rekomendasi {old} diubah oleh rekomendasi {new}")
}

pub fn closed(id: i64) -> String {
    format!("sidang {id} ditutup")
}

pub fn reopened(id: i64) -> String {
    format!("sidang {id} dibuka kembali")
}

pub fn written(path: &str) -> String {
    format!("berita acara ditulis ke {path}")
}

pub const PROFILE_DECISIONS: &str = "Rekomendasi komite";
pub const PROFILE_RECUSALS: &str = "Benturan kepentingan (sidang aktif)";

pub fn recusal_line(member: &str, reason: &str) -> String {
    format!("⊘ {member}, benturan kepentingan: {reason}")
}

pub fn session_ref(id: i64, date: &str) -> String {
    format!("sidang {id}, {date}")
}

pub const ACTIONS: ActionNames = ActionNames {
    new_session: "baru",
    attend: "hadir",
    decide: "rekomendasi",
    recuse: "benturan kepentingan",
    discussed: "dibahas",
    amend: "ubah",
    close_session: "tutup",
    reopen: "buka lagi",
    minutes: "berita acara",
};

/// How to replace an existing file from the minutes form.
pub const ENTER_AGAIN: &str = "tekan Enter sekali lagi";

/// A paste longer than a field's limit was cut there.
pub fn paste_cut(n: usize) -> String {
    format!("teks tempelan dipotong pada {n} karakter, batas kolom ini")
}
