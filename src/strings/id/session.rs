//! Teks sidang komite dan berita acara (Bahasa Indonesia).

use crate::domain::session::{DecisionKind, Refusal, SessionStatus, TextField};
use crate::domain::text::{one_line, Lines};
use crate::strings::MinutesLabels;

pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::InvalidText { field, error } => format!("{} memuat karakter kendali atau bidi ({}) pada karakter ke-{}: ketik ulang tanpa karakter itu{}", match field { TextField::Title => "judul", TextField::Member => "nama anggota", TextField::Reason => "dasar pertimbangan", TextField::Actor => "nama pelaku (--as)", TextField::Sk => "nomor SK" }, error.code(), error.at, if field.lines() == Lines::One { "; isinya satu baris" } else { "" }),
        Refusal::UnknownSession(id) => format!("tidak ada sidang nomor {id}"),
        Refusal::UnknownDecision(id) => format!("tidak ada rekomendasi nomor {id}"),
        Refusal::UnknownMember(n) => format!("{n} bukan anggota sidang ini", n = one_line(n)),
        Refusal::DuplicateMember(n) => format!("anggota {n} disebut dua kali", n = one_line(n)),
        Refusal::UnknownEmployee(nip) => super::cli::nip_not_found(&one_line(nip)),
        Refusal::UnknownPosition(k) => format!("tidak ada jabatan dengan kode {k}", k = one_line(k)),
        Refusal::EmptyTitle => "judul sidang wajib diisi".into(),
        Refusal::NoReason => "alasan (dasar pertimbangan) wajib diisi; tidak ada yang dicatat".into(),
        Refusal::SessionClosed(id) => format!("sidang {id} sudah ditutup dan hanya dapat dibaca; buka kembali dengan alasan bila perlu"),
        Refusal::NotClosed(id) => format!("sidang {id} tidak sedang ditutup"),
        Refusal::QuorumTooLarge { quorum, members } => {
            format!("kuorum {quorum} tidak mungkin: sidang hanya punya {members} anggota")
        }
        Refusal::NoQuorum { eligible, quorum } => format!(
            "tidak kuorum: hanya {eligible} anggota hadir tanpa benturan kepentingan atas kandidat ini, perlu {quorum}; tidak ada yang dicatat"
        ),
        Refusal::TooManyVotes { votes, eligible } => format!(
            "{votes} suara melebihi {eligible} anggota yang berhak memberi suara untuk kandidat ini; tidak ada yang dicatat"
        ),
        Refusal::PositionNotApplicable(k) => format!(
            "rekomendasi '{}' tidak menyebut jabatan tujuan; jabatan hanya untuk promosi, rotasi dan mutasi",
            k.code()
        ),
        Refusal::Superseded { decision, latest } => {
            format!("rekomendasi {decision} sudah diubah; ubahlah versi terakhirnya, rekomendasi {latest}")
        }
        Refusal::BadBox(k) => super::calibration::bad_box(*k),
        Refusal::AlreadyRecused { member, nip } => format!("{member} sudah menyatakan benturan kepentingan atas {nip}"),
        Refusal::OutcomeOnSuperseded { decision, latest } => format!(
            "rekomendasi {decision} sudah diubah; hasil PPK dicatat pada versi terakhirnya, rekomendasi {latest}; tidak ada yang dicatat"
        ),
        Refusal::OutcomeNeedsSk => "ditetapkan memerlukan nomor SK (--sk); tidak ada yang dicatat".into(),
        Refusal::OutcomeNeedsReason => "ditolak memerlukan alasan (--reason); tidak ada yang dicatat".into(),
        Refusal::Vote(v) => super::vote::refusal(v),
    }
}

pub fn bad_kind(s: &str) -> String {
    format!(
        "jenis rekomendasi '{s}' tidak dikenal; pilih promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda atau tidak_direkomendasikan"
    )
}

pub fn bad_votes(s: &str) -> String {
    format!("suara '{s}' tidak terbaca; tulis SETUJU/TIDAK/ABSTAIN, mis. 4/1/0")
}

pub fn bad_member(s: &str) -> String {
    format!("anggota '{s}' tidak terbaca; tulis NAMA atau NAMA:PERAN (ketua, sekretaris, anggota)")
}

pub fn bad_member_nip(name: &str, nip: &str, why: &str) -> String {
    format!("NIP anggota {name} ({nip}) tidak sah: {why}")
}

pub const LIST_HEADER: &[&str] = &["No", "Tanggal", "Judul", "Status", "Hadir", "Rekomendasi"];

pub fn status(s: SessionStatus) -> &'static str {
    match s {
        SessionStatus::Closed => "ditutup",
        SessionStatus::Open => "dibuka",
    }
}

pub fn attended(id: i64, names: &[String]) -> String {
    format!("sidang {id}: hadir {}\n", names.join(", "))
}

pub fn recused(member: &str, nip: &str) -> String {
    format!("{member} menyatakan benturan kepentingan atas {nip}\n")
}

pub fn discussed(nip: &str) -> String {
    format!("{nip} ditandai sudah dibahas\n")
}

pub fn closed(id: i64, head: &str) -> String {
    format!("sidang {id} ditutup\nhash jejak audit saat ditutup: {head}\n")
}

pub fn reopened(id: i64) -> String {
    format!("sidang {id} dibuka kembali\n")
}

pub fn minutes_written(p: &std::path::Path) -> String {
    format!("berita acara ditulis ke {}\n", p.display())
}

pub const PDF_NEEDS_DOCX: &str = "--pdf mencetak berita acara Word: tambahkan --format docx";

pub const PDF_IS_THE_DOCX: &str =
    "PDF akan menimpa berita acara itu sendiri: beri nama keluaran BERKAS.docx";

/// Why no PDF was printed; each ends in what was written (nothing).
pub const PDF_NO_LIBREOFFICE: &str = "PDF dicetak oleh LibreOffice (soffice), yang tidak terpasang di sini \
     (atau isi TALENTA_SOFFICE dengan programnya); tidak ada berkas yang ditulis (tanpa --pdf untuk docx saja)";

pub fn pdf_failed(why: &str) -> String {
    format!("LibreOffice tidak menghasilkan PDF ({why}); tidak ada berkas yang ditulis (tanpa --pdf untuk docx saja)")
}

pub fn pdf_timed_out(secs: u64) -> String {
    format!(
        "LibreOffice tidak selesai mencetak PDF dalam {secs} detik dan dihentikan; \
         tidak ada berkas yang ditulis (tanpa --pdf untuk docx saja)"
    )
}

pub const DOCX_NEEDS_OUTPUT: &str =
    "berita acara DOCX ditulis ke berkas: tambahkan --output BERKAS.docx";

pub fn kind_name(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Promosi => "Promosi",
        DecisionKind::Rotasi => "Rotasi",
        DecisionKind::Mutasi => "Mutasi",
        DecisionKind::Pengembangan => "Pengembangan",
        DecisionKind::Dipertahankan => "Dipertahankan",
        DecisionKind::Ditunda => "Ditunda",
        DecisionKind::TidakDirekomendasikan => "Tidak direkomendasikan",
    }
}

pub fn role_name(r: &str) -> &'static str {
    match r {
        "ketua" => "Ketua",
        "sekretaris" => "Sekretaris",
        _ => "Anggota",
    }
}

pub fn event(kind: &str) -> &'static str {
    match kind {
        "open" => "dibuka",
        "close" => "ditutup",
        _ => "dibuka kembali",
    }
}

pub const MINUTES: MinutesLabels = MinutesLabels {
    title: "BERITA ACARA SIDANG KOMITE TALENTA",
    draft: "RANCANGAN: sidang belum ditutup",
    session: "Sidang",
    date: "Tanggal",
    status: "Status",
    quorum: "Kuorum",
    quorum_default: "mayoritas anggota",
    members: "Anggota dan kehadiran",
    present: "hadir",
    absent: "tidak hadir",
    agenda: "Jabatan yang dibahas",
    recusals: "Benturan kepentingan",
    none: "tidak ada",
    decisions: "Rekomendasi (hasil pertimbangan komite)",
    decision: "Rekomendasi",
    version: "versi",
    candidate: "Kandidat",
    kind: "Jenis",
    position: "Jabatan tujuan",
    grounds: "Dasar pertimbangan",
    votes: "Suara (setuju/tidak setuju/abstain)",
    votes_none: "musyawarah (tanpa pemungutan suara)",
    at_decision: "Data kandidat saat direkomendasikan",
    recorded_by: "Dicatat oleh",
    superseded_by: "diubah oleh rekomendasi",
    supersedes: "mengubah rekomendasi",
    history: "Riwayat sidang",
    discussed: "Kandidat yang dibahas",
    signatures: "Tanda tangan",
    ppk: "Mengetahui, Pejabat Pembina Kepegawaian",
    audit: "Hash jejak audit saat sidang ditutup",
    audit_open: "Sidang belum ditutup; hash jejak audit saat ini",
    audit_check: "Periksa dengan: talenta audit verify --expect-head",
    sign_line: "(.................................)",
};

/// Why the minutes were not written to `p`; `force` says how to replace an
/// existing file (`--force`, or Enter again on the screen).
pub fn not_saved(
    p: &std::path::Path,
    e: &crate::domain::output_file::SaveError,
    force: &str,
) -> String {
    use crate::domain::output_file::SaveError as E;
    let p = one_line(&p.display().to_string()).into_owned();
    match e {
        E::Exists => format!("{p} sudah ada; {force} untuk menggantinya"),
        E::Database => format!("{p} adalah basis data (atau berkas -wal/-shm/-journal/-snapshot-nya): berita acara tidak pernah ditulis ke sana"),
        E::NotRegular => format!("{p} adalah tautan simbolik, folder atau perangkat: berita acara hanya ditulis ke berkas biasa"),
        E::Io(e) => format!("tidak dapat menulis ke {p}: {}", one_line(e)),
    }
}

pub const FORCE_FLAG: &str = "pakai --force";
