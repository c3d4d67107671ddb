//! Who may sign in to `talenta serve`: public keys granted to names with a
//! role (contract `serve.md`, "Access"). Grants and removals are rows that
//! are never changed (schema V7 triggers), each written with its audit entry
//! (`access.grant`, `access.remove`) in one transaction.
//!
//! The key's text is parsed by the caller (the `serve` layer knows SSH key
//! formats); the store keeps what identifies it: the algorithm, the key blob
//! in base64, and its SHA-256 fingerprint as OpenSSH prints it.

use super::audit::{self, Change};
use super::{Actor, Result, Store, StoreError};
use crate::domain::access::Role;
use crate::domain::text::{check as check_text, Lines, TextError};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

/// A public key as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    /// `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, …
    pub algorithm: String,
    /// The key blob, base64 as in an OpenSSH `.pub` file.
    pub public_key: String,
    /// `SHA256:…` as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The `.pub` file's comment (often `user@host`), if any.
    pub comment: Option<String>,
}

/// One granted key (in force unless `removed` is set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub key: KeyLine,
    pub granted_at: String,
    pub granted_by: String,
    /// `(reason, removed_at, removed_by)` once removed.
    pub removed: Option<(String, String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("empty name")]
    NoName,
    #[error("empty reason")]
    NoReason,
    #[error("control character in the name, reason or comment")]
    InvalidText(TextError),
    #[error("the key is already granted to {name}")]
    KeyTaken { name: String },
    #[error("{name} already has the role {role}")]
    OtherRole { name: String, role: Role },
    #[error("{0} has no key granted")]
    NoSuchName(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AccessError {
    fn from(e: rusqlite::Error) -> Self {
        AccessError::Store(StoreError::Sqlite(e))
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

const SELECT: &str = "SELECT g.id, g.name, g.role, g.algorithm, g.public_key, g.fingerprint,
        g.comment, g.granted_at, g.actor, r.reason, r.revoked_at, r.actor
    FROM access_grant g LEFT JOIN access_revocation r ON r.grant_id = g.id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Grant> {
    let role: String = r.get(2)?;
    let reason: Option<String> = r.get(9)?;
    Ok(Grant {
        id: r.get(0)?,
        name: r.get(1)?,
        // The CHECK constraint keeps the column to the five codes.
        role: Role::parse(&role).unwrap_or(Role::Pengamat),
        key: KeyLine {
            algorithm: r.get(3)?,
            public_key: r.get(4)?,
            fingerprint: r.get(5)?,
            comment: r.get(6)?,
        },
        granted_at: r.get(7)?,
        granted_by: r.get(8)?,
        removed: match reason {
            Some(reason) => Some((reason, r.get(10)?, r.get(11)?)),
            None => None,
        },
    })
}

/// Every grant, in force and removed, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Grant>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY g.id"))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The grant in force for a key's fingerprint: who signs in with it.
pub fn find_key(conn: &Connection, fingerprint: &str) -> Result<Option<Grant>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE g.fingerprint = ?1 AND r.grant_id IS NULL ORDER BY g.id DESC LIMIT 1"),
            [fingerprint],
            row,
        )
        .optional()?)
}

/// The grants in force of one name (its keys).
pub fn of_name(conn: &Connection, name: &str) -> Result<Vec<Grant>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE g.name = ?1 AND r.grant_id IS NULL ORDER BY g.id"
    ))?;
    let rows = stmt.query_map([name], row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Grant `key` to `name` with `role`. A key already in force for anyone is
/// refused (a key belongs to one name); so is a second role for a name.
pub fn grant(
    store: &mut Store,
    actor: &Actor,
    name: &str,
    role: Role,
    key: &KeyLine,
) -> std::result::Result<i64, AccessError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AccessError::NoName);
    }
    check_text(name, Lines::One).map_err(AccessError::InvalidText)?;
    if let Some(c) = &key.comment {
        check_text(c, Lines::One).map_err(AccessError::InvalidText)?;
    }
    let tx = store.write_tx()?;
    if let Some(g) = find_key(&tx, &key.fingerprint)? {
        return Err(AccessError::KeyTaken { name: g.name });
    }
    if let Some(g) = of_name(&tx, name)?.into_iter().find(|g| g.role != role) {
        return Err(AccessError::OtherRole {
            name: g.name,
            role: g.role,
        });
    }
    let at = now();
    tx.execute(
        "INSERT INTO access_grant (name, role, algorithm, public_key, fingerprint, comment, granted_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            name,
            role.code(),
            key.algorithm,
            key.public_key,
            key.fingerprint,
            key.comment,
            at,
            actor.name
        ],
    )?;
    let id = tx.last_insert_rowid();
    audit::append(
        &tx,
        actor,
        Change {
            action: "access.grant",
            entity: "access",
            entity_id: &id.to_string(),
            before: None,
            after: Some(json!({
                "name": name,
                "role": role.code(),
                "algorithm": key.algorithm,
                "public_key": key.public_key,
                "fingerprint": key.fingerprint,
                "comment": key.comment,
                "granted_at": at,
            })),
        },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(id)
}

/// Remove every key of `name`, with the reason; returns the grants removed.
pub fn remove(
    store: &mut Store,
    actor: &Actor,
    name: &str,
    reason: &str,
) -> std::result::Result<Vec<Grant>, AccessError> {
    let (name, reason) = (name.trim(), reason.trim());
    if reason.is_empty() {
        return Err(AccessError::NoReason);
    }
    check_text(reason, Lines::One).map_err(AccessError::InvalidText)?;
    let tx = store.write_tx()?;
    let grants = of_name(&tx, name)?;
    if grants.is_empty() {
        return Err(AccessError::NoSuchName(name.to_string()));
    }
    let at = now();
    for g in &grants {
        tx.execute(
            "INSERT INTO access_revocation (grant_id, reason, revoked_at, actor) VALUES (?1, ?2, ?3, ?4)",
            params![g.id, reason, at, actor.name],
        )?;
        audit::append(
            &tx,
            actor,
            Change {
                action: "access.remove",
                entity: "access",
                entity_id: &g.id.to_string(),
                before: Some(
                    json!({"name": g.name, "role": g.role.code(), "fingerprint": g.key.fingerprint}),
                ),
                after: Some(json!({"reason": reason, "removed_at": at})),
            },
        )?;
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(grants)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenMode;

    fn key(fp: &str) -> KeyLine {
        KeyLine {
            algorithm: "ssh-ed25519".into(),
            public_key: format!("AAAA{fp}"),
            fingerprint: format!("SHA256:{fp}"),
            comment: Some("dewi@laptop".into()),
        }
    }

    fn admin() -> Actor {
        Actor {
            name: "bkd".into(),
            os_user: "bkd".into(),
            key: None,
        }
    }

    #[test]
    fn a_key_belongs_to_one_name_and_a_name_to_one_role() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open(&d.path().join("a.db"), OpenMode::Create).unwrap();
        grant(&mut s, &admin(), "Dewi", Role::Anggota, &key("a")).unwrap();
        grant(&mut s, &admin(), "Dewi", Role::Anggota, &key("b")).unwrap();
        assert!(matches!(
            grant(&mut s, &admin(), "Budi", Role::Anggota, &key("a")),
            Err(AccessError::KeyTaken { name }) if name == "Dewi"
        ));
        assert!(matches!(
            grant(&mut s, &admin(), "Dewi", Role::Sekretaris, &key("c")),
            Err(AccessError::OtherRole {
                role: Role::Anggota,
                ..
            })
        ));
        assert_eq!(find_key(&s.conn, "SHA256:b").unwrap().unwrap().name, "Dewi");
        let removed = remove(&mut s, &admin(), "Dewi", "left the committee").unwrap();
        assert_eq!(removed.len(), 2);
        assert!(find_key(&s.conn, "SHA256:a").unwrap().is_none());
        // Removed, the key may be granted again (to anyone).
        grant(&mut s, &admin(), "Budi", Role::Pengamat, &key("a")).unwrap();
        assert_eq!(list(&s.conn).unwrap().len(), 3);
        let actions: Vec<String> = audit::log(&s.conn, None)
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "access.grant",
                "access.grant",
                "access.remove",
                "access.remove",
                "access.grant"
            ]
        );
        assert!(matches!(
            remove(&mut s, &admin(), "Nobody", "x"),
            Err(AccessError::NoSuchName(_))
        ));
    }
}
