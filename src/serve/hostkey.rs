//! The server's own key, which members' SSH clients remember: an Ed25519
//! key created on first start beside the database (`pool.db` ->
//! `pool.db.ssh_host_ed25519_key`), readable by its owner only (0600), in
//! OpenSSH's format. It is created atomically: written under a temporary
//! name with mode 0600 from the start, then linked to its name, so two
//! servers starting together end with one key and neither reads half a file.

use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::ssh_key::LineEnding;
use russh::keys::PrivateKey;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Why the host key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum HostKeyError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not an OpenSSH private key ({message})")]
    Invalid { path: PathBuf, message: String },
    /// Group or others may read it: refused, as OpenSSH refuses such a key.
    #[error("{path}: readable by others (mode {mode:o})")]
    Exposed { path: PathBuf, mode: u32 },
}

/// The host key's file for a database.
pub fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".ssh_host_ed25519_key");
    db.with_file_name(name)
}

/// The key at `path`, created there if there is none; `true` when created.
pub fn load_or_create(path: &Path) -> Result<(PrivateKey, bool), HostKeyError> {
    let io = |source| HostKeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.exists() {
        return load(path).map(|k| (k, false));
    }
    let invalid = |e: russh::keys::ssh_key::Error| HostKeyError::Invalid {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let key = generate().map_err(invalid)?;
    let text = key.to_openssh(LineEnding::LF).map_err(invalid)?;
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()
    })();
    let linked = written.and_then(|_| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok((key, true)),
        // Another server created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load(path).map(|k| (k, false)),
        Err(e) => Err(io(e)),
    }
}

fn load(path: &Path) -> Result<PrivateKey, HostKeyError> {
    let io = |source| HostKeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mode = std::fs::metadata(path).map_err(io)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(HostKeyError::Exposed {
            path: path.to_path_buf(),
            mode,
        });
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    PrivateKey::from_openssh(text.trim_start()).map_err(|e| HostKeyError::Invalid {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// A new Ed25519 key from the operating system's randomness.
fn generate() -> Result<PrivateKey, russh::keys::ssh_key::Error> {
    use rand::RngCore;
    let mut seed = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut seed);
    let pair = Ed25519Keypair::from_seed(&seed);
    seed.fill(0);
    PrivateKey::new(KeypairData::from(pair), "talenta serve")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_once_with_mode_0600_and_loaded_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(&dir.path().join("pool.db"));
        assert!(path.ends_with("pool.db.ssh_host_ed25519_key"));
        let (a, created) = load_or_create(&path).unwrap();
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let (b, created) = load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(a.public_key(), b.public_key());
        // No temporary file is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_key_others_may_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(&dir.path().join("pool.db"));
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            load_or_create(&path),
            Err(HostKeyError::Exposed { mode: 0o644, .. })
        ));
    }
}
