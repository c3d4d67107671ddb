//! Teks panel dan formulir sidang komite (TUI), Bahasa Indonesia.

use crate::app::keymap::Cmd;
use crate::app::session::backend::Problem;
use crate::app::session::form::{FieldId, FormKind, FormProblem};
use crate::app::session::SessionNote;

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
    format!("Kandidat: {nama} ({nip})")
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
    format!("⊘ mengundurkan diri: {names}")
}

pub const IN_FORCE: &str = "berlaku";
pub const SUPERSEDED: &str = "sudah diubah";
pub const CLOSED_HEAD: &str = "Kepala jejak audit saat ditutup";
pub const LAST_EXPORT: &str = "Berita acara ditulis ke";

pub fn form_title(k: &FormKind) -> String {
    match k {
        FormKind::NewSession => "Sidang komite baru".into(),
        FormKind::Decide { nip, nama, .. } => format!("Keputusan untuk {nama} ({nip})"),
        FormKind::Amend { decision, nama, .. } => format!("Ubah keputusan {decision}: {nama}"),
        FormKind::Recuse { nip, nama, .. } => format!("Konflik kepentingan: {nama} ({nip})"),
        FormKind::Close { session } => format!("Tutup sidang {session}"),
        FormKind::Reopen { session } => format!("Buka kembali sidang {session}"),
        FormKind::Minutes { session } => format!("Berita acara sidang {session}"),
    }
}

pub fn field(id: FieldId) -> &'static str {
    match id {
        FieldId::Title => "Judul",
        FieldId::Date => "Tanggal (TTTT-BB-HH)",
        FieldId::Members => "Anggota (NAMA[:PERAN] per baris)",
        FieldId::Quorum => "Kuorum (kosong: mayoritas)",
        FieldId::Agenda => "Agenda (kode jabatan)",
        FieldId::Kind => "Jenis",
        FieldId::Position => "Jabatan tujuan (kode)",
        FieldId::Grounds => "Dasar pertimbangan",
        FieldId::Votes => "Suara setuju/tidak/abstain",
        FieldId::Member => "Anggota yang mundur",
        FieldId::Reason => "Alasan",
        FieldId::Format => "Format",
        FieldId::Path => "Berkas",
    }
}

pub const NOT_APPLICABLE: &str = "(tidak untuk jenis ini)";
pub const CLOSE_CONFIRM: &str = "Menutup sidang membekukannya: tidak ada keputusan, perubahan atau pengunduran diri sampai dibuka kembali dengan alasan. Kepala jejak audit saat ditutup masuk ke berita acara. Enter menutup, Esc membatalkan.";
pub const AMEND_NOTE: &str = "Versi lama tetap ada dan keduanya tercantum dalam berita acara.";

pub fn form_hint(save: &str, next: &str, cancel: &str) -> String {
    format!("{save} simpan · {next} isian berikut · ←/→ pilih · {cancel} batal")
}

pub fn problem(p: &FormProblem) -> String {
    match p {
        FormProblem::Problem(p) => problem_text(p),
        FormProblem::BadDate(s) => format!("'{s}' bukan tanggal; tulis TTTT-BB-HH"),
        FormProblem::BadMember(s) => super::session::bad_member(s),
        FormProblem::NoMembers => "sebutkan sedikitnya satu anggota".into(),
        FormProblem::BadQuorum(s) => format!("kuorum '{s}' bukan bilangan"),
        FormProblem::BadVotes(s) => super::session::bad_votes(s),
        FormProblem::NoPath => "sebutkan berkas yang akan ditulis".into(),
    }
}

fn problem_text(p: &Problem) -> String {
    match p {
        Problem::Refused(r) => super::session::refusal(r),
        Problem::Failed(e) => format!("tidak tersimpan: {e}"),
    }
}

pub fn note(n: &SessionNote) -> String {
    match n {
        SessionNote::NoSession => {
            "tidak ada sidang aktif: tekan c untuk memilih atau membuat".into()
        }
        SessionNote::NoCandidate => "pilih kandidat pada tabel atau buka profilnya".into(),
        SessionNote::Unavailable => "sidang tidak tersedia di sini".into(),
        SessionNote::Created(id) => format!("sidang {id} dibuat dan dibuka"),
        SessionNote::Attended(n) => format!("{n} hadir"),
        SessionNote::AlreadyPresent(n) => format!("{n} sudah tercatat hadir"),
        SessionNote::Recused { member, nip } => format!("{member} mengundurkan diri untuk {nip}"),
        SessionNote::Discussed(nip) => format!("{nip} ditandai sudah dibahas"),
        SessionNote::Recorded(id) => format!("keputusan {id} dicatat"),
        SessionNote::Amended { old, new } => format!("keputusan {old} diubah oleh keputusan {new}"),
        SessionNote::Closed(id) => format!("sidang {id} ditutup"),
        SessionNote::Reopened(id) => format!("sidang {id} dibuka kembali"),
        SessionNote::Written(p) => format!("berita acara ditulis ke {}", p.display()),
        SessionNote::Refreshed => "diperbarui dari basis data".into(),
        SessionNote::Problem(p) => problem_text(p),
    }
}

pub const PROFILE_DECISIONS: &str = "Keputusan komite";
pub const PROFILE_RECUSALS: &str = "Konflik kepentingan (sidang aktif)";

pub fn recusal_line(member: &str, reason: &str) -> String {
    format!("⊘ {member} mengundurkan diri: {reason}")
}

pub fn session_ref(id: i64, date: &str) -> String {
    format!("sidang {id}, {date}")
}

/// Nama singkat tindakan panel untuk baris petunjuknya.
pub fn short(c: Cmd) -> &'static str {
    match c {
        Cmd::NewSession => "baru",
        Cmd::Attend => "hadir",
        Cmd::Decide => "putuskan",
        Cmd::Recuse => "mundur",
        Cmd::Discussed => "dibahas",
        Cmd::Amend => "ubah",
        Cmd::CloseSession => "tutup",
        Cmd::Reopen => "buka lagi",
        Cmd::Minutes => "berita acara",
        _ => "",
    }
}
