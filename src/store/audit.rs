//! The append-only, hash-chained audit trail.
//!
//! Each entry's hash is the SHA-256 of its canonical form: a JSON array of
//! `[seq, at, actor, os_user, action, entity, entity_id, before, after, prev_hash]`
//! with `before`/`after` as the stored JSON text (or null); an entry written
//! over `talenta serve` appends the key's fingerprint (`kunci`) to the array,
//! so entries without one hash as they did before schema version 7. The first entry's
//! `prev_hash` is 64 zeros. Entries are appended inside the caller's
//! transaction, so a change and its record commit together or not at all.

use super::{Actor, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One stored audit entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub os_user: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The fingerprint of the key the member signed in with (`talenta
    /// serve`); `None` on the local command line and screen.
    pub kunci: Option<String>,
}

impl Entry {
    /// The canonical bytes the hash is computed over.
    pub fn canonical(&self) -> Vec<u8> {
        if let Some(k) = &self.kunci {
            return serde_json::to_vec(&(
                self.seq,
                &self.at,
                &self.actor,
                &self.os_user,
                &self.action,
                &self.entity,
                &self.entity_id,
                &self.before,
                &self.after,
                &self.prev_hash,
                k,
            ))
            .expect("tuples of strings serialise");
        }
        serde_json::to_vec(&(
            self.seq,
            &self.at,
            &self.actor,
            &self.os_user,
            &self.action,
            &self.entity,
            &self.entity_id,
            &self.before,
            &self.after,
            &self.prev_hash,
        ))
        .expect("tuples of strings serialise")
    }

    pub fn compute_hash(&self) -> String {
        hex::encode(Sha256::digest(self.canonical()))
    }
}

/// What a change records.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Append an entry within `tx`; returns the new head hash.
pub fn append(tx: &Transaction<'_>, actor: &Actor, change: Change<'_>) -> Result<String> {
    let head: Option<(i64, String)> = tx
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev_hash) = match head {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let mut e = Entry {
        seq,
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        actor: actor.name.clone(),
        os_user: actor.os_user.clone(),
        action: change.action.to_string(),
        entity: change.entity.to_string(),
        entity_id: change.entity_id.to_string(),
        before: change.before.map(|v| v.to_string()),
        after: change.after.map(|v| v.to_string()),
        prev_hash,
        hash: String::new(),
        kunci: actor.key.clone(),
    };
    e.hash = e.compute_hash();
    tx.execute(
        "INSERT INTO audit_log (seq, at, actor, os_user, action, entity, entity_id, before, after, prev_hash, hash, kunci)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![e.seq, e.at, e.actor, e.os_user, e.action, e.entity, e.entity_id, e.before, e.after, e.prev_hash, e.hash, e.kunci],
    )?;
    Ok(e.hash)
}

pub(crate) fn row_to_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        os_user: r.get(3)?,
        action: r.get(4)?,
        entity: r.get(5)?,
        entity_id: r.get(6)?,
        before: r.get(7)?,
        after: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
        kunci: r.get(11)?,
    })
}

pub(crate) const SELECT: &str =
    "SELECT seq, at, actor, os_user, action, entity, entity_id, before, after, prev_hash, hash, kunci FROM audit_log";

/// Entries in order, optionally from a date (`YYYY-MM-DD`, inclusive) on.
pub fn log(conn: &Connection, since: Option<&str>) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE ?1 IS NULL OR at >= ?1 ORDER BY seq"
    ))?;
    let rows = stmt.query_map(params![since], row_to_entry)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The current head hash (GENESIS for an empty trail).
pub fn head(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string()))
}

/// What `audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact {
        entries: i64,
        head: String,
    },
    /// The first broken entry and why.
    Broken {
        seq: i64,
        problem: Problem,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The entry's stored hash is not the hash of its content: it was edited.
    HashMismatch,
    /// Its prev_hash is not the previous entry's hash: an entry was removed, inserted or moved.
    ChainBreak,
    /// Sequence numbers skip: an entry is missing before this one.
    Gap { expected: i64 },
    /// The trail ends somewhere other than the expected head.
    HeadMismatch { expected: String, found: String },
    /// The triggers that make the records append-only are not the ones the
    /// schema created: dropped, rewritten (`WHEN 0`, `RAISE(IGNORE)`), or joined
    /// by another trigger (TEMP ones included).
    TriggersMissing,
    /// A recorded row (a session, member, attendance, agenda item, recusal,
    /// discussed mark, decision or session event) differs from what the chain
    /// says, or was removed: `seq` names the entry that wrote it; or the chain
    /// does not explain it at all: `seq` is 0.
    RecordMismatch { entity: String, id: String },
    /// An entry changes a session the chain says is closed, with no audited
    /// reopen before it (a forged entry, or a status flipped around a command).
    ClosedSessionChanged { session: String },
}

/// Recompute the whole chain, stopping at the first broken entry.
pub fn verify(conn: &Connection, expect_head: Option<&str>) -> Result<Verdict> {
    // One read snapshot for the chain, the decisions and the triggers: without
    // it a decision committed by another process between those reads looks
    // like a row without its audit entry (a false "tampered").
    let _snapshot = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut n = 0;
    let mut hashes_seen: Option<Vec<String>> = expect_head.map(|_| Vec::new());
    while let Some(r) = rows.next()? {
        let e = row_to_entry(r)?;
        if e.seq != expected_seq {
            return Ok(Verdict::Broken {
                seq: e.seq,
                problem: Problem::Gap {
                    expected: expected_seq,
                },
            });
        }
        if e.prev_hash != prev {
            return Ok(Verdict::Broken {
                seq: e.seq,
                problem: Problem::ChainBreak,
            });
        }
        if e.compute_hash() != e.hash {
            return Ok(Verdict::Broken {
                seq: e.seq,
                problem: Problem::HashMismatch,
            });
        }
        if let Some(h) = hashes_seen.as_mut() {
            h.push(e.hash.clone());
        }
        prev = e.hash;
        expected_seq += 1;
        n += 1;
    }
    if let Some((seq, problem)) = super::session::check_against_audit(conn)? {
        return Ok(Verdict::Broken { seq, problem });
    }
    if !triggers_as_built(conn)? {
        return Ok(Verdict::Broken {
            seq: n,
            problem: Problem::TriggersMissing,
        });
    }
    if let (Some(want), Some(seen)) = (expect_head, hashes_seen) {
        let want = want.trim().to_ascii_lowercase();
        // The paper head must be an entry of the chain; entries after it are
        // later work. The genesis value is no entry: it would anchor any chain.
        if !seen.contains(&want) {
            return Ok(Verdict::Broken {
                seq: n,
                problem: Problem::HeadMismatch {
                    expected: want,
                    found: prev,
                },
            });
        }
    }
    Ok(Verdict::Intact {
        entries: n,
        head: prev,
    })
}

/// The schema's own triggers, exactly as its migrations created them.
fn expected_triggers() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in super::schema::MIGRATIONS {
        let mut rest = *m;
        while let Some(at) = rest.find("CREATE TRIGGER ") {
            let stmt = &rest[at..];
            let end = stmt.find("END;").map(|e| e + 3).unwrap_or(stmt.len());
            let sql = &stmt[..end];
            let name = sql["CREATE TRIGGER ".len()..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
            out.push((name, sql.to_string()));
            rest = &stmt[end..];
        }
    }
    out.sort();
    out
}

/// Every trigger of the file (and any TEMP trigger of this connection) is one
/// the schema created, with its SQL unchanged, and none is missing.
fn triggers_as_built(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
         UNION ALL SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger'
         ORDER BY 1, 2",
    )?;
    let found = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found == expected_triggers())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{OpenMode, Store};
    use serde_json::json;

    fn store() -> (tempfile::TempDir, Store) {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(&d.path().join("a.db"), OpenMode::Create).unwrap();
        (d, s)
    }

    fn add(s: &mut Store, n: usize) {
        let actor = Actor {
            name: "sekretaris".into(),
            os_user: "bkd".into(),
            key: None,
        };
        for i in 0..n {
            let tx = s.write_tx().unwrap();
            append(
                &tx,
                &actor,
                Change {
                    action: "test",
                    entity: "thing",
                    entity_id: &i.to_string(),
                    before: None,
                    after: Some(json!({"i": i})),
                },
            )
            .unwrap();
            tx.commit().unwrap();
        }
    }

    #[test]
    fn intact_chain_verifies() {
        let (_d, mut s) = store();
        assert!(matches!(
            verify(&s.conn, None).unwrap(),
            Verdict::Intact { entries: 0, .. }
        ));
        add(&mut s, 5);
        let head_now = head(&s.conn).unwrap();
        assert_eq!(
            verify(&s.conn, None).unwrap(),
            Verdict::Intact {
                entries: 5,
                head: head_now.clone()
            }
        );
        assert!(matches!(
            verify(&s.conn, Some(&head_now)).unwrap(),
            Verdict::Intact { .. }
        ));
        let first = log(&s.conn, None).unwrap()[0].hash.clone();
        assert!(
            matches!(
                verify(&s.conn, Some(&first)).unwrap(),
                Verdict::Intact { .. }
            ),
            "an older head still anchors"
        );
        assert!(matches!(
            verify(&s.conn, Some(&"ab".repeat(32))).unwrap(),
            Verdict::Broken {
                problem: Problem::HeadMismatch { .. },
                ..
            }
        ));
    }

    #[test]
    fn triggers_refuse_update_and_delete() {
        let (_d, mut s) = store();
        add(&mut s, 2);
        assert!(s
            .conn
            .execute("UPDATE audit_log SET actor = 'x'", [])
            .is_err());
        assert!(s.conn.execute("DELETE FROM audit_log", []).is_err());
    }

    fn drop_triggers(s: &Store) {
        s.conn
            .execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
            .unwrap();
    }

    fn restore_triggers(s: &Store) {
        s.conn
            .execute_batch(
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
            )
            .unwrap();
    }

    #[test]
    fn edited_field_is_caught() {
        let (_d, mut s) = store();
        add(&mut s, 4);
        drop_triggers(&s);
        s.conn
            .execute(
                "UPDATE audit_log SET after = '{\"i\":99}' WHERE seq = 3",
                [],
            )
            .unwrap();
        restore_triggers(&s);
        assert_eq!(
            verify(&s.conn, None).unwrap(),
            Verdict::Broken {
                seq: 3,
                problem: Problem::HashMismatch
            }
        );
    }

    #[test]
    fn deleted_row_is_caught() {
        let (_d, mut s) = store();
        add(&mut s, 4);
        drop_triggers(&s);
        s.conn
            .execute("DELETE FROM audit_log WHERE seq = 2", [])
            .unwrap();
        restore_triggers(&s);
        assert!(matches!(
            verify(&s.conn, None).unwrap(),
            Verdict::Broken { seq: 3, .. }
        ));
    }

    #[test]
    fn deleted_last_row_is_caught_by_the_paper_head() {
        let (_d, mut s) = store();
        add(&mut s, 4);
        let paper = head(&s.conn).unwrap();
        drop_triggers(&s);
        s.conn
            .execute("DELETE FROM audit_log WHERE seq = 4", [])
            .unwrap();
        restore_triggers(&s);
        assert!(matches!(
            verify(&s.conn, Some(&paper)).unwrap(),
            Verdict::Broken {
                problem: Problem::HeadMismatch { .. },
                ..
            }
        ));
    }

    #[test]
    fn inserted_and_swapped_rows_are_caught() {
        let (_d, mut s) = store();
        add(&mut s, 4);
        drop_triggers(&s);
        // Swap the content of entries 2 and 3 (keeping seq numbers).
        s.conn
            .execute_batch(
                "UPDATE audit_log SET seq = 100 WHERE seq = 2;
             UPDATE audit_log SET seq = 2 WHERE seq = 3;
             UPDATE audit_log SET seq = 3 WHERE seq = 100;",
            )
            .unwrap();
        restore_triggers(&s);
        assert!(matches!(
            verify(&s.conn, None).unwrap(),
            Verdict::Broken { seq: 2, .. }
        ));

        let (_d2, mut s2) = store();
        add(&mut s2, 3);
        // An entry forged with a correct own hash but appended out of chain.
        let mut fake = log(&s2.conn, None).unwrap()[1].clone();
        fake.seq = 4;
        fake.hash = fake.compute_hash();
        s2.conn
            .execute(
                "INSERT INTO audit_log VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    fake.seq,
                    fake.at,
                    fake.actor,
                    fake.os_user,
                    fake.action,
                    fake.entity,
                    fake.entity_id,
                    fake.before,
                    fake.after,
                    fake.prev_hash,
                    fake.hash,
                    fake.kunci
                ],
            )
            .unwrap();
        assert_eq!(
            verify(&s2.conn, None).unwrap(),
            Verdict::Broken {
                seq: 4,
                problem: Problem::ChainBreak
            }
        );
    }

    #[test]
    fn dropped_triggers_are_reported() {
        let (_d, mut s) = store();
        add(&mut s, 2);
        drop_triggers(&s);
        assert!(matches!(
            verify(&s.conn, None).unwrap(),
            Verdict::Broken {
                problem: Problem::TriggersMissing,
                ..
            }
        ));
    }

    fn assert_triggers_flagged(s: &Store, sql: &str) {
        s.conn.execute_batch(sql).unwrap();
        assert!(
            matches!(
                verify(&s.conn, None).unwrap(),
                Verdict::Broken {
                    problem: Problem::TriggersMissing,
                    ..
                }
            ),
            "{sql}"
        );
    }

    #[test]
    fn rewritten_extra_and_temp_triggers_are_reported() {
        let (_d, mut s) = store();
        add(&mut s, 2);
        assert!(matches!(
            verify(&s.conn, None).unwrap(),
            Verdict::Intact { .. }
        ));
        // The same name with a trigger that never fires.
        assert_triggers_flagged(
            &s,
            "DROP TRIGGER audit_log_no_update;
             CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
        );
        let (_d, mut s) = store();
        add(&mut s, 2);
        assert_triggers_flagged(
            &s,
            "DROP TRIGGER audit_log_no_delete;
             CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
             BEGIN SELECT RAISE(IGNORE); END;",
        );
        let (_d, mut s) = store();
        add(&mut s, 2);
        assert_triggers_flagged(
            &s,
            "CREATE TRIGGER audit_log_fix AFTER INSERT ON audit_log BEGIN SELECT 1; END;",
        );
        let (_d, mut s) = store();
        add(&mut s, 2);
        assert_triggers_flagged(
            &s,
            "CREATE TEMP TRIGGER t BEFORE INSERT ON audit_log BEGIN SELECT 1; END;",
        );
    }

    #[test]
    fn the_genesis_value_is_no_head() {
        let (_d, mut s) = store();
        add(&mut s, 3);
        assert!(matches!(
            verify(&s.conn, Some(GENESIS)).unwrap(),
            Verdict::Broken {
                problem: Problem::HeadMismatch { .. },
                ..
            }
        ));
    }
}
