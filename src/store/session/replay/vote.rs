//! Votes in the replay: `vote.open` is the vote's row, each `vote.cast` a
//! ballot's row, `vote.close` / `vote.cancel` the closing row. A vote opened
//! on a session the chain says is closed or unknown, a ballot or a closing on
//! a vote the chain does not hold or has closed, or an id reused, breaks a
//! rule; a ballot row without its entry is a row the chain does not explain.

use super::{mismatch, pick, Replay, Table};
use crate::store::audit::{Entry, Problem};
use serde_json::{json, Value};

pub const VOTE: Table = Table {
    entity: "vote",
    sql: "SELECT id, session_id AS session, subject, nip, proposal, opened_at, actor FROM vote",
    json: &["proposal"],
};

pub const BALLOT: Table = Table {
    entity: "ballot",
    sql: "SELECT id, vote_id AS vote, member_name AS member, choice, cast_at FROM vote_ballot",
    json: &[],
};

pub const CLOSE: Table = Table {
    entity: "vote_close",
    sql: "SELECT vote_id, result, record_id, closed_at, actor FROM vote_close",
    json: &[],
};

impl Replay {
    fn has(&self, table: &str, key: &str) -> bool {
        self.rows.get(table).is_some_and(|t| t.contains_key(key))
    }

    /// The vote of entry `e` is in the chain and not closed there.
    fn open_vote(&self, e: &Entry) -> Result<(), Problem> {
        if !self.has(VOTE.entity, &e.entity_id) || self.has(CLOSE.entity, &e.entity_id) {
            return Err(mismatch(VOTE.entity, &e.entity_id));
        }
        Ok(())
    }

    pub(super) fn vote(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        let session = after.get("session").and_then(Value::as_i64).unwrap_or(-1);
        self.open_session(session)?;
        let vote = e.entity_id.parse::<i64>().unwrap_or(-1);
        match e.action.as_str() {
            "vote.open" => {
                if self.has(VOTE.entity, &e.entity_id) {
                    return Err(mismatch(VOTE.entity, &e.entity_id));
                }
                let mut f = pick(
                    after,
                    &["session", "subject", "nip", "proposal", "opened_at"],
                );
                f.insert("actor".into(), json!(e.actor));
                self.put(VOTE.entity, e.entity_id.clone(), e.seq, f);
            }
            "vote.cast" => {
                self.open_vote(e)?;
                let ballot = after.get("ballot").and_then(Value::as_i64).unwrap_or(-1);
                if self.has(BALLOT.entity, &ballot.to_string()) {
                    return Err(mismatch(BALLOT.entity, ballot));
                }
                let mut f = pick(after, &["member", "choice", "cast_at"]);
                f.insert("vote".into(), json!(vote));
                self.put(BALLOT.entity, ballot.to_string(), e.seq, f);
            }
            _ => {
                self.open_vote(e)?;
                let mut f = pick(after, &["result", "record_id", "closed_at"]);
                f.insert("actor".into(), json!(e.actor));
                self.put(CLOSE.entity, e.entity_id.clone(), e.seq, f);
            }
        }
        Ok(())
    }
}
