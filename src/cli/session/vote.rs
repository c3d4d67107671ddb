//! `talenta session vote ...`: the committee's votes from the command line
//! (the administrator's tool; a member votes from their own screen).

use super::{kind, refused, ListFormat};
use crate::cli::{emit, CliError, CliResult, Ctx};
use crate::domain::vote::{Choice, Subject};
use crate::store::session::calibration::CalibrationInput;
use crate::store::session::vote::{self as sv, Proposal, VoteDetail};
use crate::store::session::DecisionInput;
use crate::store::Store;
use crate::tr;
use clap::{ArgGroup, Subcommand};

#[derive(Debug, Subcommand)]
pub enum VoteCommand {
    /// open
    #[command(group(ArgGroup::new("subject").required(true).args(["kind", "kotak"])))]
    Open {
        /// id
        id: i64,
        /// nip
        #[arg(value_parser = crate::cli::nip_arg)]
        nip: String,
        /// kind
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// position
        #[arg(long, value_name = "KODE", requires = "kind")]
        position: Option<String>,
        /// kotak
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        kotak: Option<i64>,
        /// reason
        #[arg(long)]
        reason: String,
    },
    /// cast
    Cast {
        /// vote_id
        vote_id: i64,
        /// member
        #[arg(long, value_name = "NAME")]
        member: String,
        /// choice
        #[arg(value_name = "setuju|tidak-setuju|abstain")]
        choice: String,
    },
    /// show
    Show {
        /// vote_id
        vote_id: i64,
        /// format
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// close
    Close {
        /// vote_id
        vote_id: i64,
    },
    /// cancel
    Cancel {
        /// vote_id
        vote_id: i64,
        /// reason
        #[arg(long)]
        reason: String,
    },
}

pub fn run(ctx: &Ctx, store: &mut Store, cmd: VoteCommand) -> CliResult {
    let actor = &ctx.actor;
    match cmd {
        VoteCommand::Open {
            id,
            nip,
            kind: k,
            position,
            kotak,
            reason,
        } => {
            let nip = nip.trim().to_string();
            let p = match (k, kotak) {
                (Some(k), _) => Proposal::Decision(DecisionInput {
                    nip,
                    kind: kind(ctx, &k)?,
                    position,
                    reason,
                    votes: None,
                }),
                (None, Some(kotak)) => Proposal::Calibration(CalibrationInput {
                    nip,
                    kotak,
                    reason,
                    votes: None,
                }),
                (None, None) => return Err(CliError::input(tr!(ctx.lang, vote::KIND_OR_KOTAK))),
            };
            let vid = sv::open(store, actor, id, &p).map_err(|e| refused(ctx, e))?;
            emit(&format!("{vid}\n"))
        }
        VoteCommand::Cast {
            vote_id,
            member,
            choice,
        } => {
            let c = Choice::parse(&choice)
                .ok_or_else(|| CliError::input(tr!(ctx.lang, vote::bad_choice(&choice))))?;
            let member = member.trim();
            sv::cast(store, actor, vote_id, member, c).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, vote::cast(vote_id, member, c)))
        }
        VoteCommand::Show { vote_id, format } => {
            let v = sv::show(&store.conn, vote_id).map_err(|e| refused(ctx, e))?;
            match format {
                ListFormat::Json => emit(&format!(
                    "{}\n",
                    crate::domain::text::guard(
                        &serde_json::to_string_pretty(&v).unwrap_or_default()
                    )
                )),
                ListFormat::Table => emit(&show_text(ctx, &v)),
            }
        }
        VoteCommand::Close { vote_id } => {
            let record =
                sv::close(store, actor, ctx.rules(), vote_id).map_err(|e| refused(ctx, e))?;
            let subject = sv::show(&store.conn, vote_id)
                .map(|v| v.subject == Subject::Decision)
                .unwrap_or(true);
            emit(&tr!(
                ctx.lang,
                vote::recorded(vote_id, tr!(ctx.lang, vote::subject(subject)), record)
            ))
        }
        VoteCommand::Cancel { vote_id, reason } => {
            sv::cancel(store, actor, vote_id, &reason).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, vote::cancelled(vote_id)))
        }
    }
}

/// `session vote show` as text: the vote, its proposal, the tally and who
/// voted what.
fn show_text(ctx: &Ctx, v: &VoteDetail) -> String {
    let lang = ctx.lang;
    let l = tr!(lang, &vote::LABELS);
    let mut lines = crate::present::vote::lines(lang, v);
    lines.insert(0, format!("{} {}", l.vote, v.id));
    lines.insert(
        1,
        format!("{}: {}", l.status, crate::present::vote::status(lang, v)),
    );
    let mut out = lines.join("\n");
    out.push('\n');
    crate::domain::text::guard(&out).into_owned()
}
