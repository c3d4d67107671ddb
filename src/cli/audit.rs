//! `talenta audit verify [--expect-head HASH]` and `talenta audit log [--format table|json] [--since DATE]`

use super::{emit, AuditCommand, CliError, CliResult, Ctx, LogFormat};
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
        AuditCommand::Log { format, since } => {
            let since = since.map(|d| d.to_string());
            let entries =
                audit::log(&store.conn, since.as_deref()).map_err(|e| ctx.store_error(e))?;
            match format {
                LogFormat::Json => {
                    let out: Vec<EntryOut> = entries.iter().map(EntryOut::new).collect();
                    let text = super::output::json_text(&out)
                        .map_err(|e| CliError::runtime(e.to_string()))?;
                    emit(&format!("{text}\n"))
                }
                LogFormat::Table => {
                    let header: &[&str] = tr!(ctx.lang, cli::AUDIT_HEADER);
                    let zone = ctx.config.agency.zone();
                    let rows: Vec<Vec<String>> = entries
                        .iter()
                        .map(|e| {
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
                        })
                        .collect();
                    emit(&super::output::table(
                        header,
                        &rows,
                        &[8, 24, 50, 20, 40, 16],
                    ))
                }
            }
        }
    }
}
