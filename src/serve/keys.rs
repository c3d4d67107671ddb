//! SSH public keys as members hand them in: the text of an OpenSSH `.pub`
//! file (`ssh-ed25519 AAAA… dewi@laptop`), parsed by `ssh-key` (through
//! russh), and the fingerprint OpenSSH prints (`SHA256:…`), which is how a
//! key is found at sign-in and named in the audit trail.

use crate::store::access::KeyLine;
use russh::keys::ssh_key::{HashAlg, PublicKey};

/// Why a key's text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

/// Parse one OpenSSH public key line (blanks around it ignored; the first
/// non-empty, non-comment line of a `.pub` file).
pub fn parse(text: &str) -> Result<KeyLine, KeyError> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| KeyError("empty".into()))?;
    let key = PublicKey::from_openssh(line).map_err(|e| KeyError(e.to_string()))?;
    Ok(line_of(&key))
}

/// What the store keeps of a parsed key.
pub fn line_of(key: &PublicKey) -> KeyLine {
    let openssh = key.to_openssh().unwrap_or_default();
    let mut parts = openssh.split_whitespace();
    let algorithm = parts.next().unwrap_or_default().to_string();
    let public_key = parts.next().unwrap_or_default().to_string();
    let comment = Some(key.comment().as_str_lossy().trim().to_string()).filter(|c| !c.is_empty());
    KeyLine {
        algorithm,
        public_key,
        fingerprint: fingerprint(key),
        comment,
    }
}

/// `SHA256:…`, as `ssh-keygen -lf` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made with `ssh-keygen -t ed25519 -C dewi@laptop`; fingerprint from `ssh-keygen -lf`.
    const DEWI: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1gIRRb0Q58tx6Z5KN4bXZqFuCd/0U2jFbgcV8ctUqi dewi@laptop";

    #[test]
    fn a_pub_line_gives_algorithm_blob_comment_and_fingerprint() {
        let k = parse(&format!("\n  {DEWI}  \n")).unwrap();
        assert_eq!(k.algorithm, "ssh-ed25519");
        assert!(k.public_key.starts_with("AAAAC3NzaC1lZDI1NTE5"));
        assert_eq!(k.comment.as_deref(), Some("dewi@laptop"));
        assert_eq!(
            k.fingerprint,
            "SHA256:mlA/beolClHihWIopoRyvwwG91MYXiGPLMQn6SYckTk"
        );
    }

    #[test]
    fn text_that_is_not_a_key_is_refused() {
        assert!(parse("").is_err());
        assert!(parse("ssh-ed25519 notbase64").is_err());
        assert!(parse("-----BEGIN OPENSSH PRIVATE KEY-----").is_err());
    }
}
