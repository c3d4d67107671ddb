//! Peran anggota komite di layar (`talenta serve`), tindakan yang ditolak
//! menurut peran, dan benturan kepentingan yang dinyatakan sendiri oleh
//! anggota (Bahasa Indonesia).

use crate::domain::access::{roles_for, Act, Denied, Role};

/// The role's name as granted (`talenta access add --role`).
pub fn role(r: Role) -> &'static str {
    r.code()
}

/// What an act is, after "tidak dapat".
pub fn act(a: Act) -> &'static str {
    match a {
        Act::View => "melihat data",
        Act::Import => "mengimpor berkas",
        Act::ManageAccess => "mengelola akses",
        Act::RunSession => "menjalankan sidang (membuat, kehadiran, dibahas)",
        Act::RecordRecusal => "mencatat benturan kepentingan atas nama anggota lain",
        Act::DeclareOwnConflict => "menyatakan benturan kepentingan sendiri",
        Act::Recommend => "mencatat rekomendasi",
        Act::Calibrate => "mencatat kalibrasi",
        Act::RunVote => "membuka atau menutup pemungutan suara",
        Act::CastVote => "memberikan suara",
        Act::CloseSession => "menutup atau membuka kembali sidang",
        Act::WriteMinutes => "menulis berita acara",
        Act::RecordOutcome => "mencatat hasil PPK",
        Act::EstablishKrs => "mencatat penetapan KRS",
        Act::EditSuccession => "mengubah rencana suksesi",
    }
}

/// `sekretaris`, `sekretaris atau anggota`, `a, b atau c`.
fn either(roles: &[Role]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| role(*r)).collect();
    match names.split_last() {
        None => "-".into(),
        Some((last, [])) => (*last).into(),
        Some((last, rest)) => format!("{} atau {last}", rest.join(", ")),
    }
}

/// The refusal: who may not, and who may.
pub fn denied(d: &Denied) -> String {
    format!(
        "Peran {} tidak dapat {}; hanya {}.",
        role(d.role),
        act(d.act),
        either(&roles_for(d.act))
    )
}

/// The status line's sign of who is at the keyboard: `Dewi · anggota`.
pub fn signed_in(name: &str, r: Role) -> String {
    format!("{name} · {}", role(r))
}

/// The key's help line.
pub const KEY_HELP_DECLARE: &str = "nyatakan benturan kepentingan Anda sendiri";

pub fn title_declare(member: &str, nama: &str, nip: &str) -> String {
    format!("Benturan kepentingan {member}: {nama} ({nip})")
}

pub const DECLARE_NOTE: &str =
    "Dicatat atas nama Anda, sama seperti benturan kepentingan yang dicatat sekretaris: Anda tidak dihitung dalam kuorum dan suara untuk kandidat ini.";

pub const DECLARE_LOCAL: &str =
    "di layar lokal tidak ada anggota yang masuk: catat benturan kepentingan atas nama anggota dengan r";

pub fn not_a_member(name: &str, session: i64) -> String {
    format!("{name} bukan anggota sidang {session}: pilih sidang Anda di panel sidang (c)")
}

pub fn no_own_session(name: &str) -> String {
    format!("tidak ada sidang terbuka yang mencantumkan {name} sebagai anggota")
}

pub fn several_sessions(name: &str, n: usize) -> String {
    format!("{name} anggota {n} sidang terbuka: pilih satu di panel sidang (c)")
}
