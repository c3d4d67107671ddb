//! `talenta audit verify [--expect-head HASH]` and
//! `talenta audit log [--format table|json|csv|xlsx] [-o FILE [--force]] [--since DATE]`

use super::output;
use super::{emit, AuditCommand, CliError, CliResult, Ctx, TableFormat};
use crate::domain::zone::Zone;
use crate::present::{Cell, Sheet};
use crate::store::audit::{self, Entry, Verdict};
use crate::tr;
use serde::Serialize;

/// One entry in `audit log --format json`: the stored fields (`kunci`, the
/// fingerprint of the key a member signed in with, null on the local command
/// line), and `aktor`, who acted.
#[derive(Serialize)]
struct EntryOut<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    aktor: &'a str,
}

impl<'a> EntryOut<'a> {
    fn new(entry: &'a Entry) -> EntryOut<'a> {
        EntryOut {
            entry,
            aktor: &entry.actor,
        }
    }
}

/// A key's fingerprint cut for the table: `SHA256:` and its first 12 characters.
fn short_key(fingerprint: &str) -> String {
    let end = fingerprint
        .char_indices()
        .nth("SHA256:".len() + 12)
        .map_or(fingerprint.len(), |(i, _)| i);
    if end < fingerprint.len() {
        format!("[{}…]", &fingerprint[..end])
    } else {
        format!("[{fingerprint}]")
    }
}

pub fn run(ctx: &Ctx, cmd: AuditCommand) -> CliResult {
    let store = ctx.open()?;
    match cmd {
        AuditCommand::Verify { expect_head } => {
            match audit::verify(&store.conn, expect_head.as_deref())
                .map_err(|e| ctx.store_error(e))?
            {
                Verdict::Intact { entries, head } => {
                    emit(&tr!(ctx.lang, cli::audit_intact(entries, &head)))
                }
                Verdict::Broken { seq, problem } => Err(CliError {
                    code: 1,
                    message: tr!(ctx.lang, cli::audit_broken(seq, &problem)),
                    details: Vec::new(),
                }),
            }
        }
        AuditCommand::Log { format, since, out } => {
            output::check(ctx, format, &out)?;
            let since = since.map(|d| d.to_string());
            let entries =
                audit::log(&store.conn, since.as_deref()).map_err(|e| ctx.store_error(e))?;
            let zone = ctx.config.agency.zone();
            match format {
                TableFormat::Json => {
                    let v: Vec<EntryOut> = entries.iter().map(EntryOut::new).collect();
                    let text =
                        output::json_text(&v).map_err(|e| CliError::runtime(e.to_string()))?;
                    output::deliver(ctx, &out, &format!("{text}\n"))
                }
                TableFormat::Csv | TableFormat::Xlsx => {
                    output::sheet_out(ctx, format, &out, log_sheet(zone, &entries))
                }
                TableFormat::Table => {
                    let header: &[&str] = tr!(ctx.lang, cli::AUDIT_HEADER);
                    let rows: Vec<Vec<String>> =
                        entries.iter().map(|e| table_row(zone, e)).collect();
                    let text = output::table(header, &rows, &[8, 24, 50, 20, 40, 16]);
                    output::deliver(ctx, &out, &text)
                }
            }
        }
    }
}

/// An entry as a line of the table: the time in the agency's zone, who acted
/// (and the OS user and key when they differ), what, on what, the hash's start.
fn table_row(zone: Zone, e: &Entry) -> Vec<String> {
    let mut actor = if e.actor == e.os_user {
        e.actor.clone()
    } else {
        format!("{} ({})", e.actor, e.os_user)
    };
    if let Some(k) = &e.kunci {
        actor = format!("{actor} {}", short_key(k));
    }
    vec![
        e.seq.to_string(),
        crate::strings::format::time(zone, &e.at),
        actor,
        e.action.clone(),
        format!("{} {}", e.entity, e.entity_id),
        e.hash[..16].to_string(),
    ]
}

/// `audit log --format csv|xlsx`: every stored field, the time as stored
/// (UTC) in CSV and in the agency's zone (named in `zona`) in a workbook.
fn log_sheet(zone: Zone, entries: &[Entry]) -> Sheet<'_> {
    let header = Sheet::columns(
        &[
            "seq",
            "at",
            "zona",
            "actor",
            "os_user",
            "action",
            "entity",
            "entity_id",
            "kunci",
            "before",
            "after",
            "prev_hash",
            "hash",
        ],
        [],
    );
    let rows = entries.iter().map(move |e| {
        vec![
            Cell::Int(e.seq),
            Cell::time(zone, &e.at),
            Cell::text(zone.name()),
            Cell::text(&e.actor),
            Cell::text(&e.os_user),
            Cell::text(&e.action),
            Cell::text(&e.entity),
            Cell::text(&e.entity_id),
            Cell::opt_text(e.kunci.as_deref()),
            Cell::opt_text(e.before.as_deref()),
            Cell::opt_text(e.after.as_deref()),
            Cell::text(&e.prev_hash),
            Cell::text(&e.hash),
        ]
    });
    Sheet::new("audit", header, rows)
}
