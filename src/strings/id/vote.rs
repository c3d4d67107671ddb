//! Pemungutan suara komite (Bahasa Indonesia): penolakan, jawaban baris
//! perintah, panel suara, dan suara per anggota dalam berita acara.

use crate::domain::session::Votes;
use crate::domain::text::one_line;
use crate::domain::vote::{Choice, VoteRefusal};

pub fn refusal(r: &VoteRefusal) -> String {
    match r {
        VoteRefusal::Unknown(id) => format!("tidak ada pemungutan suara {id}"),
        VoteRefusal::Closed(id) => format!("pemungutan suara {id} sudah ditutup; tidak ada yang dicatat"),
        VoteRefusal::AlreadyOpen { session, vote } => format!(
            "sidang {session} sudah memiliki pemungutan suara yang terbuka ({vote}): tutup atau batalkan dahulu"
        ),
        VoteRefusal::NotMember(n) => format!(
            "{} bukan anggota sidang ini dan tidak dapat memberi suara; tidak ada yang dicatat",
            one_line(n)
        ),
        VoteRefusal::Absent(n) => format!(
            "{} tidak tercatat hadir dan tidak dapat memberi suara; tidak ada yang dicatat",
            one_line(n)
        ),
        VoteRefusal::Recused { member, nip } => format!(
            "{} mengundurkan diri untuk {} (benturan kepentingan) dan tidak dapat memberi suara untuk kandidat ini; tidak ada yang dicatat",
            one_line(member),
            one_line(nip)
        ),
        VoteRefusal::OpenAtClose { session, vote } => format!(
            "sidang {session} masih memiliki pemungutan suara yang terbuka ({vote}): tutup atau batalkan dahulu sebelum menutup sidang"
        ),
        VoteRefusal::NotCarried { votes } => format!(
            "suara tidak mencukupi: {} setuju, {} tidak setuju ({} abstain); setuju harus lebih banyak daripada tidak setuju. Batalkan dengan alasan, atau tunggu suara lain",
            votes.for_, votes.against, votes.abstain
        ),
    }
}

pub fn choice(c: Choice) -> &'static str {
    match c {
        Choice::Setuju => "setuju",
        Choice::TidakSetuju => "tidak setuju",
        Choice::Abstain => "abstain",
    }
}

pub fn bad_choice(s: &str) -> String {
    format!(
        "suara '{}' tidak dikenal; gunakan setuju, tidak-setuju atau abstain",
        one_line(s)
    )
}

pub const KIND_OR_KOTAK: &str =
    "sebutkan pokok pemungutan suara: --kind JENIS untuk rekomendasi, atau --kotak N untuk kalibrasi";

pub fn cast(vote: i64, member: &str, c: Choice) -> String {
    format!(
        "pemungutan suara {vote}: {} memilih {}\n",
        one_line(member),
        choice(c)
    )
}

pub fn recorded(vote: i64, subject: &str, record: i64) -> String {
    format!("pemungutan suara {vote} ditutup: {subject} {record} dicatat\n")
}

pub fn cancelled(vote: i64) -> String {
    format!("pemungutan suara {vote} dibatalkan\n")
}

pub fn subject(decision: bool) -> &'static str {
    if decision {
        "rekomendasi"
    } else {
        "kalibrasi"
    }
}

/// Hasil hitung dalam satu baris.
pub fn tally(v: &Votes) -> String {
    format!(
        "setuju {}, tidak setuju {}, abstain {}",
        v.for_, v.against, v.abstain
    )
}

pub fn status_open() -> &'static str {
    "terbuka"
}

pub fn status_recorded(subject: &str, record: i64) -> String {
    format!("ditutup: {subject} {record} dicatat")
}

pub fn status_cancelled(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("dibatalkan: {}", one_line(r)),
        None => "dibatalkan".into(),
    }
}

/// Label `session vote show` dan panel suara.
pub const LABELS: crate::strings::VoteLabels = crate::strings::VoteLabels {
    vote: "Pemungutan suara",
    session: "Sidang",
    candidate: "Kandidat",
    proposal: "Usulan",
    kind: "Jenis",
    position: "Jabatan tujuan",
    kotak: "Kotak yang disepakati",
    grounds: "Alasan",
    status: "Status",
    tally: "Hasil",
    ballots: "Suara",
    waiting: "Belum memilih",
    not_counted: "Tidak dihitung (tidak hadir atau mengundurkan diri)",
    none: "tidak ada",
    votes_by_name: "Suara setiap anggota",
};

// Layar.
pub const PANEL_TITLE: &str = "Pemungutan suara komite";
pub const NO_VOTE: &str = "Tidak ada pemungutan suara yang terbuka dalam sidang ini.";
pub fn member_keys(setuju: &str, against: &str, abstain: &str, back: &str) -> String {
    format!("{setuju} setuju · {against} tidak setuju · {abstain} abstain · {back} kembali")
}
pub fn secretary_keys(close: &str, cancel: &str, back: &str) -> String {
    format!("{close} tutup dan catat · {cancel} batalkan dengan alasan · {back} kembali")
}
pub fn your_ballot(c: Option<Choice>) -> String {
    match c {
        Some(c) => format!(
            "Suara Anda: {} (dapat diubah sampai pemungutan suara ditutup)",
            choice(c)
        ),
        None => "Anda belum memilih.".into(),
    }
}
pub fn note_opened(vote: i64, nama: &str) -> String {
    format!(
        "pemungutan suara {vote} dibuka untuk {}: tekan V untuk memilih",
        one_line(nama)
    )
}
pub fn note_vote_opened(vote: i64) -> String {
    format!("pemungutan suara {vote} dibuka; hasil tampil langsung (V)")
}
pub fn note_cast(c: Choice) -> String {
    format!("suara Anda dicatat: {}", choice(c))
}
pub fn note_recorded(subject: &str, record: i64) -> String {
    format!("pemungutan suara ditutup: {subject} {record} dicatat dengan hasilnya")
}
pub const NOTE_CANCELLED: &str = "pemungutan suara dibatalkan";
pub const NOTE_LOCAL_CASTS: &str =
    "layar ini menampilkan hasil; anggota memilih dari layarnya sendiri (atau administrator dengan talenta session vote cast)";
pub fn title_cancel(vote: i64) -> String {
    format!("Batalkan pemungutan suara {vote}")
}
pub const CANCEL_REASON: &str = "Alasan";

pub fn denied(act: crate::domain::access::Act) -> String {
    use crate::domain::access::Act;
    match act {
        Act::CastVote => "peran Anda tidak dapat memberi suara; tidak ada yang dicatat".into(),
        _ => "hanya sekretaris yang membuka, menutup dan membatalkan pemungutan suara; tidak ada yang dicatat".into(),
    }
}

// Tombol (layar bantuan dan docs/keys.md).
pub const CONTEXT: &str = "Pemungutan suara komite";
pub const KEY_VOTE: &str = "pemungutan suara yang terbuka: usulan, hasil langsung";
pub const KEY_PUT_TO_VOTE: &str =
    "ajukan rekomendasi atau kalibrasi ini ke pemungutan suara anggota yang hadir (tanpa mengetik suara)";
pub const KEY_FOR: &str = "pilih setuju";
pub const KEY_AGAINST: &str = "pilih tidak setuju";
pub const KEY_ABSTAIN: &str = "abstain";
pub const KEY_CLOSE: &str = "tutup pemungutan suara dan catat dengan hasilnya (sekretaris)";
pub const KEY_CANCEL: &str = "batalkan pemungutan suara dengan alasan (sekretaris)";
pub const KEY_BACK: &str = "sembunyikan panel suara";
