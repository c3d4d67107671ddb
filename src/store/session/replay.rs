//! The session records as the audit chain says they are.
//!
//! Every entry about a session or a decision is replayed in `seq` order into
//! the rows it wrote (a map of fields per row), then each table is compared
//! with that: a field that differs, a row the chain recorded that is gone, and
//! a row the chain does not explain are all reported. A write on a session
//! the replayed state says is closed (decision, attendance, recusal,
//! discussed, amendment, a second close) breaks the rule "a closed session
//! changes only after an audited reopen": it is reported and not applied, so
//! the replayed state of a closed session is its state at its closing head.
//!
//! Fields an older entry does not carry (timestamps written before the entry
//! held them) are left out of its expected row and so not compared.
//!
//! The PPK's outcome of a recommendation comes after the session, so it is
//! not a write on a closed session: its rule is that its recommendation is
//! in the chain and is the latest version.
//!
//! Access for `talenta serve` (grants and removals of keys) is replayed the
//! same way (`replay/access.rs`), though it belongs to no session.
//!
//! Adding a record kind (calibration, outcome, KRS) takes a few lines: a
//! [`Table`] in [`TABLES`] (its name in reports, a query giving each row's key
//! as the first column and its fields under the entry's names) and an arm in
//! [`Replay::apply`] that turns its entry into [`Replay::put`] calls.

use super::{Decision, Event, Member, Recusal, SessionDetail};
use crate::domain::session::{SessionStatus, Votes};
use crate::store::audit::{Entry, Problem};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

mod access;
mod calibration;
mod vote;

/// A row's fields by name.
pub type Fields = Map<String, Value>;

/// One table the replay rebuilds.
pub struct Table {
    /// Its name in reports ("the member record 1/Dewi ...").
    pub entity: &'static str,
    /// The key first, then the fields under the names the replay uses.
    pub(crate) sql: &'static str,
    /// Columns holding JSON text, compared as JSON values.
    pub(crate) json: &'static [&'static str],
}

pub const TABLES: &[Table] = &[
    Table {
        entity: "session",
        sql: "SELECT id, title, date, quorum, status, created_at, tempat, mulai FROM committee_session",
        json: &[],
    },
    Table {
        entity: "member",
        sql: "SELECT session_id || '/' || name, role, present, position, nip FROM session_member",
        json: &[],
    },
    Table {
        entity: "agenda",
        sql: "SELECT session_id || '/' || kode_jabatan FROM session_agenda",
        json: &[],
    },
    Table {
        entity: "recusal",
        sql: "SELECT session_id || '/' || member_name || '/' || nip, reason, at FROM recusal",
        json: &[],
    },
    Table {
        entity: "discussed",
        sql: "SELECT session_id || '/' || nip, at FROM discussed",
        json: &[],
    },
    Table {
        entity: "decision",
        sql: "SELECT id, session_id AS session, nip, kind, kode_jabatan AS position, reason,
                votes_for || '/' || votes_against || '/' || votes_abstain AS votes, snapshot,
                supersedes, version, decided_at, actor FROM decision",
        json: &["snapshot"],
    },
    Table {
        entity: "outcome",
        sql: "SELECT id, decision_id AS decision, status, sk, tanggal, reason, recorded_at, actor
              FROM outcome",
        json: &[],
    },
    Table {
        entity: "event",
        sql: "SELECT session_id || '/' || row_number() OVER (PARTITION BY session_id ORDER BY id),
                kind, reason, at, actor FROM session_event",
        json: &[],
    },
    calibration::TABLE,
    crate::store::krs::ESTABLISHMENT_TABLE,
    crate::store::krs::MEMBER_TABLE,
    access::GRANT_TABLE,
    access::REMOVAL_TABLE,
    vote::VOTE,
    vote::BALLOT,
    vote::CLOSE,
];

/// A row as the chain recorded it: the entry that last wrote it, its fields
/// and the entry that wrote each field.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    pub seq: i64,
    pub fields: Fields,
    written_by: BTreeMap<String, i64>,
}

impl Expected {
    fn set(&mut self, field: &str, value: Value, seq: i64) {
        self.fields.insert(field.to_string(), value);
        self.written_by.insert(field.to_string(), seq);
        self.seq = seq;
    }

    /// The entry that created the row.
    fn created_by(&self) -> i64 {
        self.written_by.values().copied().min().unwrap_or(self.seq)
    }

    /// The entry that wrote `field` (the row's last one if none did).
    fn seq_of(&self, field: &str) -> i64 {
        self.written_by.get(field).copied().unwrap_or(self.seq)
    }
}

/// The state the chain describes.
#[derive(Debug, Default)]
pub struct Replay {
    /// Table name → row key → expected row.
    pub rows: BTreeMap<&'static str, BTreeMap<String, Expected>>,
    /// Session id → the seq of the close entry in force (None while open).
    pub closed: BTreeMap<i64, Option<i64>>,
    events: BTreeMap<i64, usize>,
    superseded: BTreeSet<i64>,
    /// The first entry that breaks a rule.
    pub violation: Option<(i64, Problem)>,
}

fn mismatch(entity: &str, id: impl ToString) -> Problem {
    Problem::RecordMismatch {
        entity: entity.to_string(),
        id: id.to_string(),
    }
}

/// The listed keys of an entry's JSON, those it does not carry left out.
fn pick(after: &Value, keys: &[&str]) -> Fields {
    keys.iter()
        .filter_map(|k| after.get(*k).map(|v| (k.to_string(), v.clone())))
        .collect()
}

/// An entry's JSON `key` renamed to `field`, when it carries it.
fn rename(fields: &mut Fields, after: &Value, key: &str, field: &str) {
    if let Some(v) = after.get(key) {
        fields.insert(field.to_string(), v.clone());
    }
}

impl Replay {
    /// Replay entries (in `seq` order).
    pub fn run<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Replay {
        let mut r = Replay::default();
        for e in entries {
            r.apply(e);
        }
        r
    }

    /// Record a row the chain wrote (replacing an earlier state of it).
    pub fn put(&mut self, table: &'static str, key: String, seq: i64, fields: Fields) {
        let written_by = fields.keys().map(|k| (k.clone(), seq)).collect();
        self.rows.entry(table).or_default().insert(
            key,
            Expected {
                seq,
                fields,
                written_by,
            },
        );
    }

    fn table(&self, table: &str) -> impl Iterator<Item = (&String, &Expected)> {
        self.rows.get(table).into_iter().flat_map(|m| m.iter())
    }

    /// Apply one entry; an entry that breaks a rule is noted and not applied.
    pub fn apply(&mut self, e: &Entry) {
        let after: Value = e
            .after
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or(Value::Null);
        let session = e.entity_id.parse::<i64>().unwrap_or(-1);
        let done = match (e.entity.as_str(), e.action.as_str()) {
            ("session", "session.create") => self.create(e, session, &after),
            ("session", "session.attend") => self.attend(e, session, &after),
            ("session", "session.recuse") => self.open_session(session).map(|_| {
                let key = format!("{session}/{}/{}", s(&after, "member"), s(&after, "nip"));
                self.put("recusal", key, e.seq, pick(&after, &["reason", "at"]));
            }),
            ("session", "session.discussed") => self.open_session(session).map(|_| {
                let key = format!("{session}/{}", s(&after, "nip"));
                self.put("discussed", key, e.seq, pick(&after, &["at"]));
            }),
            ("session", "session.close") => self.open_session(session).map(|_| {
                self.set_status(e, session, "closed");
                self.closed.insert(session, Some(e.seq));
                self.event(e, session, "close", Value::Null, &after);
            }),
            ("session", "session.reopen") => self.reopen(e, session, &after),
            ("decision", "decision.record" | "decision.amend") => self.decision(e, &after),
            ("calibration", "calibration.record") => self.calibration(e, &after),
            ("krs", "krs.establish") => crate::store::krs::replay(self, e, &after),
            ("outcome", "outcome.record") => self.outcome(e, &after),
            ("access", "access.grant") => self.access_grant(e, &after),
            ("access", "access.remove") => self.access_remove(e, &after),
            ("vote", "vote.open" | "vote.cast" | "vote.close" | "vote.cancel") => {
                self.vote(e, &after)
            }
            _ => Ok(()),
        };
        if let Err(p) = done {
            self.violation.get_or_insert((e.seq, p));
        }
    }

    /// The session exists in the chain and is open there.
    fn open_session(&self, session: i64) -> Result<(), Problem> {
        match self.closed.get(&session) {
            None => Err(mismatch("session", session)),
            Some(Some(_)) => Err(Problem::ClosedSessionChanged {
                session: session.to_string(),
            }),
            Some(None) => Ok(()),
        }
    }

    fn create(&mut self, e: &Entry, id: i64, after: &Value) -> Result<(), Problem> {
        if self.closed.contains_key(&id) {
            return Err(mismatch("session", id));
        }
        self.closed.insert(id, None);
        let mut fields = pick(after, &["title", "date", "quorum", "created_at"]);
        // Place and start time (V8): absent from older entries, so null.
        for k in ["tempat", "mulai"] {
            fields.insert(k.into(), after.get(k).cloned().unwrap_or(Value::Null));
        }
        fields.insert("status".into(), json!("open"));
        self.put("session", id.to_string(), e.seq, fields);
        let members = after.get("members").and_then(Value::as_array);
        for (i, m) in members.into_iter().flatten().enumerate() {
            // A member's NIP (V9): absent from older entries, so null.
            let nip = m.get("nip").cloned().unwrap_or(Value::Null);
            let fields = json!({"role": m.get("role"), "present": 0, "position": i, "nip": nip});
            self.put(
                "member",
                format!("{id}/{}", s(m, "name")),
                e.seq,
                obj(fields),
            );
        }
        let agenda = after.get("agenda").and_then(Value::as_array);
        for kode in agenda.into_iter().flatten() {
            let key = format!("{id}/{}", kode.as_str().unwrap_or_default());
            self.put("agenda", key, e.seq, Fields::new());
        }
        let mut open = after.clone();
        if let (Some(o), Some(at)) = (open.as_object_mut(), after.get("created_at")) {
            o.insert("at".into(), at.clone());
        }
        self.event(e, id, "open", Value::Null, &open);
        Ok(())
    }

    fn attend(&mut self, e: &Entry, id: i64, after: &Value) -> Result<(), Problem> {
        self.open_session(id)?;
        let present: BTreeSet<&str> = after
            .get("present")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let prefix = format!("{id}/");
        if let Some(members) = self.rows.get_mut("member") {
            for (key, m) in members.iter_mut() {
                if let Some(name) = key.strip_prefix(&prefix) {
                    m.set("present", json!(i64::from(present.contains(name))), e.seq);
                }
            }
        }
        Ok(())
    }

    fn reopen(&mut self, e: &Entry, id: i64, after: &Value) -> Result<(), Problem> {
        match self.closed.get(&id) {
            Some(Some(_)) => {}
            _ => return Err(mismatch("session", id)),
        }
        self.closed.insert(id, None);
        self.set_status(e, id, "open");
        let reason = after.get("reason").cloned().unwrap_or(Value::Null);
        self.event(e, id, "reopen", reason, after);
        Ok(())
    }

    fn decision(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        let session = after.get("session").and_then(Value::as_i64).unwrap_or(-1);
        self.open_session(session)?;
        let known = self
            .rows
            .get("decision")
            .is_some_and(|d| d.contains_key(&e.entity_id));
        let supersedes = after.get("supersedes").and_then(Value::as_i64);
        let valid_base = supersedes.is_none_or(|p| {
            !self.superseded.contains(&p)
                && self
                    .rows
                    .get("decision")
                    .is_some_and(|d| d.contains_key(&p.to_string()))
        });
        if known || !valid_base {
            return Err(mismatch("decision", &e.entity_id));
        }
        if let Some(p) = supersedes {
            self.superseded.insert(p);
        }
        let mut fields = pick(
            after,
            &[
                "session",
                "nip",
                "kind",
                "position",
                "reason",
                "votes",
                "snapshot",
                "supersedes",
                "version",
                "decided_at",
            ],
        );
        fields.insert("actor".into(), json!(e.actor));
        self.put("decision", e.entity_id.clone(), e.seq, fields);
        Ok(())
    }

    /// The PPK's outcome: it comes after the session, so a closed session
    /// takes it; its recommendation must be in the chain and not superseded.
    fn outcome(&mut self, e: &Entry, after: &Value) -> Result<(), Problem> {
        let decision = after.get("decision").and_then(Value::as_i64).unwrap_or(-1);
        let has =
            |table: &str, key: &str| self.rows.get(table).is_some_and(|t| t.contains_key(key));
        let known = has("outcome", &e.entity_id);
        if known || !has("decision", &decision.to_string()) || self.superseded.contains(&decision) {
            return Err(mismatch("outcome", &e.entity_id));
        }
        let mut fields = pick(
            after,
            &[
                "decision",
                "status",
                "sk",
                "tanggal",
                "reason",
                "recorded_at",
            ],
        );
        fields.insert("actor".into(), json!(e.actor));
        self.put("outcome", e.entity_id.clone(), e.seq, fields);
        Ok(())
    }

    fn set_status(&mut self, e: &Entry, id: i64, status: &str) {
        if let Some(row) = self
            .rows
            .get_mut("session")
            .and_then(|m| m.get_mut(&id.to_string()))
        {
            row.set("status", json!(status), e.seq);
        }
    }

    fn event(&mut self, e: &Entry, id: i64, kind: &str, reason: Value, after: &Value) {
        let n = self.events.entry(id).or_default();
        *n += 1;
        let key = format!("{id}/{n}");
        let mut fields = obj(json!({"kind": kind, "reason": reason, "actor": e.actor}));
        rename(&mut fields, after, "at", "at");
        self.put("event", key, e.seq, fields);
    }

    /// The expected rows of one session (keys `id/...`, or decisions of it).
    pub fn of_session(&self, table: &str, id: i64) -> Vec<(&String, &Expected)> {
        let prefix = format!("{id}/");
        self.table(table)
            .filter(|(k, r)| {
                k.starts_with(&prefix)
                    || *k == &id.to_string() && table == "session"
                    || table == "decision" && r.fields.get("session") == Some(&json!(id))
            })
            .collect()
    }

    /// The first rule broken, else the first row that differs from the chain:
    /// a field changed or a recorded row gone (named by the entry that wrote
    /// it), or a row the chain does not explain (entry 0).
    pub fn compare(&self, conn: &Connection) -> rusqlite::Result<Option<(i64, Problem)>> {
        if let Some(v) = &self.violation {
            return Ok(Some(v.clone()));
        }
        for t in TABLES {
            let found = read_table(conn, t)?;
            let empty = BTreeMap::new();
            let expected = self.rows.get(t.entity).unwrap_or(&empty);
            for (key, exp) in expected {
                let Some(row) = found.get(key) else {
                    return Ok(Some((exp.created_by(), mismatch(t.entity, key))));
                };
                let differs = exp
                    .fields
                    .iter()
                    .find(|(f, v)| row.get(*f).unwrap_or(&Value::Null) != *v);
                if let Some((field, _)) = differs {
                    return Ok(Some((exp.seq_of(field), mismatch(t.entity, key))));
                }
            }
            if let Some(key) = found.keys().find(|k| !expected.contains_key(*k)) {
                return Ok(Some((0, mismatch(t.entity, key))));
            }
        }
        Ok(None)
    }
}

fn obj(v: Value) -> Fields {
    match v {
        Value::Object(m) => m,
        _ => Fields::new(),
    }
}

fn s(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A table's rows by key, each column a JSON value under its name.
fn read_table(conn: &Connection, t: &Table) -> rusqlite::Result<BTreeMap<String, Fields>> {
    let mut stmt = conn.prepare(t.sql)?;
    let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
    let mut rows = stmt.query([])?;
    let mut out = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let key = match to_json(r.get_ref(0)?) {
            Value::String(k) => k,
            other => other.to_string(),
        };
        let mut fields = Fields::new();
        for (i, name) in names.iter().enumerate().skip(1) {
            let mut v = to_json(r.get_ref(i)?);
            if t.json.contains(&name.as_str()) {
                if let Value::String(text) = &v {
                    v = serde_json::from_str(text).unwrap_or(v);
                }
            }
            fields.insert(name.clone(), v);
        }
        out.insert(key, fields);
    }
    Ok(out)
}

fn to_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!(hex::encode(b)),
    }
}

/// Replay the session and decision entries of the chain (all, or one session's).
pub fn replay(conn: &Connection, session: Option<i64>) -> rusqlite::Result<Replay> {
    let sql = format!(
        "{} WHERE (entity = 'session' AND (?1 IS NULL OR entity_id = CAST(?1 AS TEXT)))
            OR (entity IN ('decision', 'calibration', 'outcome', 'vote') AND (?1 IS NULL
                OR CASE WHEN json_valid(after) THEN json_extract(after, '$.session') END = ?1))
            OR (?1 IS NULL AND entity IN ('krs', 'access'))
         ORDER BY seq",
        crate::store::audit::SELECT
    );
    let mut stmt = conn.prepare(&sql)?;
    let entries = stmt
        .query_map([session], crate::store::audit::row_to_entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Replay::run(&entries))
}

fn text(f: &Fields, key: &str) -> Option<String> {
    f.get(key).and_then(Value::as_str).map(str::to_string)
}

fn lookup(conn: &Connection, sql: &str, key: &str) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(sql, [key], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

const NAMA: &str = "SELECT nama FROM employee WHERE nip = ?1";
const NAMA_JABATAN: &str = "SELECT nama_jabatan FROM position WHERE kode = ?1";

impl Replay {
    /// Render one session as the chain holds it, replacing what `d` read from
    /// the tables: a session the chain says is closed shows its state at its
    /// closing head, whatever rows were added or changed afterwards. Values
    /// an older entry does not carry (timestamps) are taken from `d`.
    pub fn render(&self, conn: &Connection, d: &mut SessionDetail) -> rusqlite::Result<()> {
        let id = d.session.id;
        let Some(status) = self.closed.get(&id) else {
            return Ok(()); // a session the chain does not know: verify reports it
        };
        let Some(close_seq) = *status else {
            d.session.status = SessionStatus::Open;
            d.closing_head = None;
            return Ok(());
        };
        d.closing_head = conn.query_row(
            "SELECT hash FROM audit_log WHERE seq = ?1",
            [close_seq],
            |r| r.get(0),
        )?;
        let prefix = format!("{id}/");
        let key_of = |k: &String| k.strip_prefix(&prefix).unwrap_or(k).to_string();
        if let Some((_, s)) = self.of_session("session", id).first() {
            let f = &s.fields;
            d.session.title = text(f, "title").unwrap_or_default();
            d.session.date = text(f, "date").unwrap_or_default();
            d.session.quorum = f.get("quorum").and_then(Value::as_u64).map(|q| q as usize);
            d.session.created_at =
                text(f, "created_at").unwrap_or_else(|| d.session.created_at.clone());
        }
        d.session.status = SessionStatus::Closed;
        let mut members: Vec<(i64, Member)> = self
            .of_session("member", id)
            .into_iter()
            .map(|(k, m)| {
                let pos = m.fields.get("position").and_then(Value::as_i64);
                let member = Member {
                    name: key_of(k),
                    role: text(&m.fields, "role").unwrap_or_default(),
                    present: m.fields.get("present") == Some(&json!(1)),
                    nip: text(&m.fields, "nip"),
                };
                (pos.unwrap_or_default(), member)
            })
            .collect();
        members.sort_by_key(|(p, _)| *p);
        d.members = members.into_iter().map(|(_, m)| m).collect();
        d.session.members = d.members.len();
        d.session.present = d.members.iter().filter(|m| m.present).count();
        d.agenda = Vec::new();
        for (k, _) in self.of_session("agenda", id) {
            let kode = key_of(k);
            d.agenda
                .push((kode.clone(), lookup(conn, NAMA_JABATAN, &kode)?));
        }
        self.render_recusals(conn, d, &key_of)?;
        let mut discussed: Vec<(String, String)> = self
            .of_session("discussed", id)
            .into_iter()
            .map(|(k, r)| (text(&r.fields, "at").unwrap_or_default(), key_of(k)))
            .collect();
        discussed.sort();
        // Rows older than the entries' timestamps keep the tables' order.
        let old: Vec<String> = std::mem::take(&mut d.discussed);
        d.discussed = old
            .into_iter()
            .filter(|n| discussed.iter().any(|(_, k)| k == n))
            .collect();
        for (_, nip) in discussed {
            if !d.discussed.contains(&nip) {
                d.discussed.push(nip);
            }
        }
        self.render_decisions(conn, d)?;
        self.render_calibrations(d);
        let table_events = std::mem::take(&mut d.events);
        d.events = self
            .of_session("event", id)
            .into_iter()
            .map(|(k, e)| {
                let n: usize = key_of(k).parse().unwrap_or(0);
                let f = &e.fields;
                let at = text(f, "at").or_else(|| {
                    table_events
                        .get(n.wrapping_sub(1))
                        .map(|t: &Event| t.at.clone())
                });
                (
                    n,
                    Event {
                        kind: text(f, "kind").unwrap_or_default(),
                        reason: text(f, "reason"),
                        at: at.unwrap_or_default(),
                        actor: text(f, "actor").unwrap_or_default(),
                    },
                )
            })
            .collect::<BTreeMap<_, _>>()
            .into_values()
            .collect();
        Ok(())
    }

    fn render_recusals(
        &self,
        conn: &Connection,
        d: &mut SessionDetail,
        key_of: &dyn Fn(&String) -> String,
    ) -> rusqlite::Result<()> {
        let table = std::mem::take(&mut d.recusals);
        for (k, r) in self.of_session("recusal", d.session.id) {
            let key = key_of(k);
            let (member, nip) = key.rsplit_once('/').unwrap_or((&key, ""));
            let at = text(&r.fields, "at").or_else(|| {
                table
                    .iter()
                    .find(|t| t.member == member && t.nip == nip)
                    .map(|t| t.at.clone())
            });
            d.recusals.push(Recusal {
                member: member.to_string(),
                nip: nip.to_string(),
                nama: lookup(conn, NAMA, nip)?,
                reason: text(&r.fields, "reason").unwrap_or_default(),
                at: at.unwrap_or_default(),
            });
        }
        d.recusals
            .sort_by(|a, b| (&a.at, &a.member).cmp(&(&b.at, &b.member)));
        Ok(())
    }

    fn render_decisions(&self, conn: &Connection, d: &mut SessionDetail) -> rusqlite::Result<()> {
        let table = std::mem::take(&mut d.decisions);
        let mut out: Vec<Decision> = Vec::new();
        for (k, r) in self.of_session("decision", d.session.id) {
            let f = &r.fields;
            let id: i64 = k.parse().unwrap_or_default();
            let nip = text(f, "nip").unwrap_or_default();
            let position = text(f, "position");
            let decided_at = text(f, "decided_at").or_else(|| {
                table
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| t.decided_at.clone())
            });
            out.push(Decision {
                id,
                session_id: d.session.id,
                nama: lookup(conn, NAMA, &nip)?,
                nip,
                kind: text(f, "kind").unwrap_or_default(),
                nama_jabatan: match &position {
                    Some(p) => lookup(conn, NAMA_JABATAN, p)?,
                    None => None,
                },
                kode_jabatan: position,
                reason: text(f, "reason").unwrap_or_default(),
                votes: text(f, "votes").as_deref().and_then(Votes::parse),
                snapshot: f.get("snapshot").cloned().unwrap_or(Value::Null),
                supersedes: f.get("supersedes").and_then(Value::as_i64),
                superseded_by: None,
                version: f.get("version").and_then(Value::as_i64).unwrap_or(1),
                decided_at: decided_at.unwrap_or_default(),
                actor: text(f, "actor").unwrap_or_default(),
                outcome: None,
            });
        }
        out.sort_by_key(|x| x.id);
        let links: Vec<(i64, i64)> = out
            .iter()
            .filter_map(|x| x.supersedes.map(|p| (p, x.id)))
            .collect();
        for x in &mut out {
            x.superseded_by = links.iter().find(|(p, _)| *p == x.id).map(|(_, n)| *n);
        }
        d.session.decisions = out.len();
        d.decisions = out;
        Ok(())
    }
}
