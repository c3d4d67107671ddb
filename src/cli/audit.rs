//! `talenta audit verify [--expect-head HASH]` and `talenta audit log [--format table|json] [--since DATE]`

use super::{emit, AuditCommand, CliError, CliResult, Ctx, LogFormat};
use crate::store::audit::{self, Verdict};
use crate::tr;

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
                    let text = super::output::json_text(&entries)
                        .map_err(|e| CliError::runtime(e.to_string()))?;
                    emit(&format!("{text}\n"))
                }
                LogFormat::Table => {
                    let header: &[&str] = tr!(ctx.lang, cli::AUDIT_HEADER);
                    let zone = ctx.config.agency.zone();
                    let rows: Vec<Vec<String>> = entries
                        .iter()
                        .map(|e| {
                            let actor = if e.actor == e.os_user {
                                e.actor.clone()
                            } else {
                                format!("{} ({})", e.actor, e.os_user)
                            };
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
                        &[8, 24, 30, 20, 40, 16],
                    ))
                }
            }
        }
    }
}
