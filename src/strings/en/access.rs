//! `talenta access`: who may sign in to `talenta serve` (English).

use crate::domain::access::Role;
use crate::store::access::AccessError;
use std::path::Path;

pub const LIST_HEADER: &[&str] = &[
    "Name",
    "Role",
    "Algorithm",
    "Fingerprint",
    "Comment",
    "Granted",
    "By",
    "Removed",
];

/// What `talenta access add` prints.
pub fn granted(name: &str, role: Role, fingerprint: &str, algorithm: &str) -> String {
    format!("access granted: {name}, role {role}, key {fingerprint} ({algorithm})\n")
}

/// What `talenta access remove` prints.
pub fn removed(name: &str, fingerprints: &[String]) -> String {
    let keys = if fingerprints.len() == 1 {
        "1 key".to_string()
    } else {
        format!("{} keys", fingerprints.len())
    };
    format!(
        "access removed: {name} ({keys}: {}); they can no longer sign in\n",
        fingerprints.join(", ")
    )
}

pub fn unknown_role(s: &str) -> String {
    format!(
        "unknown role '{s}': admin, sekretaris, anggota, ppk or pengamat \
         (or secretary, member, observer)"
    )
}

pub const NO_NAME: &str = "the name is empty: give the member's name";

pub fn access_error(e: &AccessError, fingerprint: &str) -> String {
    match e {
        AccessError::NoName => NO_NAME.into(),
        AccessError::NoReason => {
            "the reason is empty: say why the access ends (--reason TEXT)".into()
        }
        AccessError::InvalidText(t) => {
            crate::strings::en::cli::control_in("the name, the reason or the key's comment", t)
        }
        AccessError::KeyTaken { name } => format!(
            "the key {fingerprint} is already granted to {name}: a key belongs to one person. \
             Give another key, or remove {name}'s access first (talenta access remove)"
        ),
        AccessError::OtherRole { name, role } => format!(
            "{name} already has the role {role}: a name has one role. To change it, remove \
             {name}'s access (talenta access remove) and grant it again with the new role"
        ),
        AccessError::NoSuchName(name) => {
            format!("{name} has no access granted (see talenta access list; names are as granted)")
        }
        AccessError::Store(_) => "the database could not be read or written".into(),
    }
}

/// How a public key is given.
const LINE_OR_PATH: &str = "its line, such as `ssh-ed25519 AAAA… user@host` (the content of a \
                            .pub file), or the path of the .pub file";

pub fn key_invalid() -> String {
    format!("not an OpenSSH public key. Give the public key: {LINE_OR_PATH}")
}

pub fn key_private(path: Option<&Path>) -> String {
    let public = match path {
        Some(p) => format!(" (most likely {}.pub)", p.display()),
        None => String::new(),
    };
    format!(
        "this is a PRIVATE key: it stays on the member's own computer and was not stored. \
         Give the public key instead{public}: {LINE_OR_PATH}"
    )
}

pub const KEY_SSH2: &str = "this public key is in the SSH2 (PuTTY) format: give it as one \
    OpenSSH line instead (PuTTYgen shows it under \"Public key for pasting into OpenSSH \
    authorized_keys file\"; or convert it with `ssh-keygen -i -f FILE`)";

pub fn key_no_file(path: &Path) -> String {
    format!(
        "there is no file {}. Give the public key: {LINE_OR_PATH}",
        path.display()
    )
}

pub fn key_unreadable(path: &Path) -> String {
    format!(
        "the file {} could not be read. Give the public key: {LINE_OR_PATH}",
        path.display()
    )
}

pub fn key_several(n: usize) -> String {
    format!("{n} keys given at once: grant one key at a time (one line each)")
}
