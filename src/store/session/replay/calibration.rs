//! Calibrations in the replay: each `calibration.record` entry is the row it
//! wrote; one on a session the chain says is closed, one reusing an id, or
//! one superseding a calibration the chain does not hold (or that another
//! already supersedes) breaks a rule.

use super::{mismatch, pick, Replay, Table};
use crate::store::audit::{Entry, Problem};
use serde_json::{json, Value};

pub const TABLE: Table = Table {
    entity: "calibration",
    sql: "SELECT id, session_id AS session, nip, kotak, kotak_hitung, reason,
            votes_for || '/' || votes_against || '/' || votes_abstain AS votes,
            supersedes, calibrated_at, actor FROM calibration",
    json: &[],
};

impl Replay {
    pub(super) fn calibration(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        let session = after.get("session").and_then(Value::as_i64).unwrap_or(-1);
        self.open_session(session)?;
        let known = self.rows.get(TABLE.entity);
        let exists = |id: &str| known.is_some_and(|t| t.contains_key(id));
        let supersedes = after.get("supersedes").and_then(Value::as_i64);
        let valid_base = supersedes.is_none_or(|p| {
            exists(&p.to_string())
                && !known
                    .into_iter()
                    .flatten()
                    .any(|(_, r)| r.fields.get("supersedes") == Some(&json!(p)))
        });
        if exists(&e.entity_id) || !valid_base {
            return Err(mismatch(TABLE.entity, &e.entity_id));
        }
        let mut fields = pick(
            after,
            &[
                "session",
                "nip",
                "kotak",
                "kotak_hitung",
                "reason",
                "votes",
                "supersedes",
                "calibrated_at",
            ],
        );
        fields.insert("actor".into(), json!(e.actor));
        self.put(TABLE.entity, e.entity_id.clone(), e.seq, fields);
        Ok(())
    }
}

impl Replay {
    /// A closed session's calibrations as the chain holds them: rows the
    /// chain does not explain are left out, and the agreed box, computed box,
    /// grounds and votes are the chain's.
    pub(super) fn render_calibrations(&self, d: &mut super::SessionDetail) {
        let session = json!(d.session.id);
        let chain = self.rows.get(TABLE.entity);
        d.calibrations.retain_mut(|c| {
            let Some(r) = chain.and_then(|t| t.get(&c.id.to_string())) else {
                return false;
            };
            let f = &r.fields;
            if f.get("session") != Some(&session) {
                return false;
            }
            let num = |k: &str| f.get(k).and_then(Value::as_u64).map(|n| n as u8);
            c.kotak = num("kotak").unwrap_or(c.kotak);
            c.kotak_hitung = num("kotak_hitung");
            if let Some(reason) = f.get("reason").and_then(Value::as_str) {
                c.reason = reason.to_string();
            }
            c.votes = f
                .get("votes")
                .and_then(Value::as_str)
                .and_then(crate::domain::session::Votes::parse);
            true
        });
    }
}
