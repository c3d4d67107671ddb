//! `talenta access`: siapa yang boleh masuk ke `talenta serve` (Bahasa Indonesia).

use crate::domain::access::Role;
use crate::store::access::AccessError;
use std::path::Path;

pub const LIST_HEADER: &[&str] = &[
    "Nama",
    "Peran",
    "Algoritma",
    "Sidik jari",
    "Komentar",
    "Diberikan",
    "Oleh",
    "Dicabut",
];

/// Keluaran `talenta access add`.
pub fn granted(name: &str, role: Role, fingerprint: &str, algorithm: &str) -> String {
    format!("akses diberikan: {name}, peran {role}, kunci {fingerprint} ({algorithm})\n")
}

/// Keluaran `talenta access remove`.
pub fn removed(name: &str, fingerprints: &[String]) -> String {
    format!(
        "akses dicabut: {name} ({} kunci: {}); ia tidak dapat masuk lagi\n",
        fingerprints.len(),
        fingerprints.join(", ")
    )
}

pub fn unknown_role(s: &str) -> String {
    format!(
        "peran '{s}' tidak dikenal: admin, sekretaris, anggota, ppk atau pengamat \
         (atau secretary, member, observer)"
    )
}

pub const NO_NAME: &str = "nama kosong: sebutkan nama anggota";

pub fn access_error(e: &AccessError, fingerprint: &str) -> String {
    match e {
        AccessError::NoName => NO_NAME.into(),
        AccessError::NoReason => {
            "alasan kosong: sebutkan mengapa akses dicabut (--reason TEKS)".into()
        }
        AccessError::InvalidText(t) => crate::strings::id::cli::control_in(
            "nama, alasan atau komentar kunci",
            t,
        ),
        AccessError::KeyTaken { name } => format!(
            "kunci {fingerprint} sudah diberikan kepada {name}: satu kunci milik satu orang. \
             Berikan kunci lain, atau cabut dulu akses {name} (talenta access remove)"
        ),
        AccessError::OtherRole { name, role } => format!(
            "{name} sudah berperan {role}: satu nama satu peran. Untuk mengubahnya, cabut \
             akses {name} (talenta access remove) lalu berikan lagi dengan peran baru"
        ),
        AccessError::NoSuchName(name) => format!(
            "{name} tidak memiliki akses (lihat talenta access list; nama ditulis seperti saat diberikan)"
        ),
        AccessError::Store(_) => "basis data tidak dapat dibaca atau ditulis".into(),
    }
}

/// Cara memberikan kunci publik.
const LINE_OR_PATH: &str = "barisnya, mis. `ssh-ed25519 AAAA… user@host` (isi berkas .pub), \
                            atau jalur berkas .pub itu";

pub fn key_invalid() -> String {
    format!("bukan kunci publik OpenSSH. Berikan kunci publik: {LINE_OR_PATH}")
}

pub fn key_private(path: Option<&Path>) -> String {
    let public = match path {
        Some(p) => format!(" (biasanya {}.pub)", p.display()),
        None => String::new(),
    };
    format!(
        "ini kunci PRIVAT: kunci itu tetap di komputer anggota sendiri dan tidak disimpan. \
         Berikan kunci publiknya{public}: {LINE_OR_PATH}"
    )
}

pub const KEY_SSH2: &str = "kunci publik ini berformat SSH2 (PuTTY): berikan sebagai satu \
    baris OpenSSH (PuTTYgen menampilkannya di \"Public key for pasting into OpenSSH \
    authorized_keys file\"; atau ubah dengan `ssh-keygen -i -f BERKAS`)";

pub fn key_no_file(path: &Path) -> String {
    format!(
        "berkas {} tidak ada. Berikan kunci publik: {LINE_OR_PATH}",
        path.display()
    )
}

pub fn key_unreadable(path: &Path) -> String {
    format!(
        "berkas {} tidak dapat dibaca. Berikan kunci publik: {LINE_OR_PATH}",
        path.display()
    )
}

pub fn key_several(n: usize) -> String {
    format!(
        "{n} kunci diberikan sekaligus: berikan satu kunci setiap kali (satu baris masing-masing)"
    )
}
