//! Access grants and removals in the replay (`talenta access add|remove`):
//! each `access.grant` entry is the grant row it wrote, each `access.remove`
//! entry the removal of one grant. A grant id the chain has seen already, or
//! the removal of a grant the chain does not hold or has removed already,
//! breaks a rule.

use super::{mismatch, pick, Replay, Table};
use crate::store::audit::{Entry, Problem};
use serde_json::{json, Value};

/// `access_grant` rows by id, under the names of the `access.grant` entry.
pub const GRANT_TABLE: Table = Table {
    entity: "access",
    sql: "SELECT id, name, role, algorithm, public_key, fingerprint, comment, granted_at, actor
          FROM access_grant",
    json: &[],
};

/// `access_revocation` rows by the grant they end.
pub const REMOVAL_TABLE: Table = Table {
    entity: "access_removal",
    sql: "SELECT grant_id, reason, revoked_at AS removed_at, actor FROM access_revocation",
    json: &[],
};

impl Replay {
    fn holds(&self, table: &Table, id: &str) -> bool {
        self.rows
            .get(table.entity)
            .is_some_and(|t| t.contains_key(id))
    }

    pub(super) fn access_grant(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        if self.holds(&GRANT_TABLE, &e.entity_id) {
            return Err(mismatch(GRANT_TABLE.entity, &e.entity_id));
        }
        let mut fields = pick(
            after,
            &[
                "name",
                "role",
                "algorithm",
                "public_key",
                "fingerprint",
                "comment",
                "granted_at",
            ],
        );
        fields.insert("actor".into(), json!(e.actor));
        self.put(GRANT_TABLE.entity, e.entity_id.clone(), e.seq, fields);
        Ok(())
    }

    pub(super) fn access_remove(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        if !self.holds(&GRANT_TABLE, &e.entity_id) || self.holds(&REMOVAL_TABLE, &e.entity_id) {
            return Err(mismatch(REMOVAL_TABLE.entity, &e.entity_id));
        }
        let mut fields = pick(after, &["reason", "removed_at"]);
        fields.insert("actor".into(), json!(e.actor));
        self.put(REMOVAL_TABLE.entity, e.entity_id.clone(), e.seq, fields);
        Ok(())
    }
}
