//! `talenta session ...`: everything the TUI does with a committee session.

use super::{emit, CliError, CliResult, Ctx};
use crate::domain::outcome::OutcomeStatus;
use crate::domain::session::{parse_member, DecisionKind, Role, Votes};
use crate::import::ProblemKind;
use crate::minutes::{self, MinutesFormat};
use crate::store::session::calibration::{calibrate, CalibrationInput};
use crate::store::session::outcome::OutcomeInput;
use crate::store::session::{self as ss, Amendment, DecisionInput, NewSession, SessionError};
use crate::store::Store;
use crate::tr;
use chrono::NaiveDate;
use clap::builder::PossibleValue;
use clap::{Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

mod vote;

/// `--format` of `talenta session minutes`: the names are the extensions.
impl ValueEnum for MinutesFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &MinutesFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.ext()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// new
    New {
        /// title
        #[arg(long)]
        title: String,
        /// date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date_arg)]
        date: Option<NaiveDate>,
        /// member
        #[arg(long = "member", value_name = "NAME[:ROLE][:NIP]")]
        members: Vec<String>,
        /// quorum
        #[arg(long, value_name = "N")]
        quorum: Option<usize>,
        /// agenda
        #[arg(long = "agenda", value_name = "KODE")]
        agenda: Vec<String>,
        /// tempat
        #[arg(long, value_name = "TEMPAT")]
        tempat: Option<String>,
        /// mulai
        #[arg(long, value_name = "HH:MM", value_parser = parse_start)]
        mulai: Option<chrono::NaiveTime>,
    },
    /// list
    List {
        /// format
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// attend
    Attend {
        /// id
        id: i64,
        /// names
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
    },
    /// recuse
    Recuse {
        /// id
        id: i64,
        /// name
        name: String,
        /// nip
        #[arg(value_parser = super::nip_arg)]
        nip: String,
        /// reason
        #[arg(long)]
        reason: String,
    },
    /// discussed
    Discussed {
        /// id
        id: i64,
        /// nip
        #[arg(value_parser = super::nip_arg)]
        nip: String,
    },
    /// decide
    Decide {
        /// id
        id: i64,
        /// nip
        #[arg(value_parser = super::nip_arg)]
        nip: String,
        /// kind
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// position
        #[arg(long, value_name = "KODE")]
        position: Option<String>,
        /// reason
        #[arg(long)]
        reason: String,
        /// votes
        #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
        votes: Option<String>,
    },
    /// calibrate
    Calibrate {
        /// id
        id: i64,
        /// nip
        #[arg(value_parser = super::nip_arg)]
        nip: String,
        /// kotak
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        kotak: i64,
        /// reason
        #[arg(long)]
        reason: String,
        /// votes
        #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
        votes: Option<String>,
    },
    /// amend
    Amend {
        /// decision_id
        decision_id: i64,
        /// kind
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// position
        #[arg(long, value_name = "KODE")]
        position: Option<String>,
        /// reason
        #[arg(long)]
        reason: String,
        /// votes
        #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
        votes: Option<String>,
    },
    /// close
    Close {
        /// id
        id: i64,
    },
    /// reopen
    Reopen {
        /// id
        id: i64,
        /// reason
        #[arg(long)]
        reason: String,
    },
    /// outcome
    Outcome {
        /// decision_id
        decision_id: i64,
        /// status
        #[arg(long, value_name = "STATUS")]
        status: String,
        /// sk
        #[arg(long, value_name = "NOMOR")]
        sk: Option<String>,
        /// date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date_arg)]
        date: Option<NaiveDate>,
        /// reason
        #[arg(long)]
        reason: Option<String>,
    },
    /// minutes
    Minutes {
        /// id
        id: i64,
        /// format
        #[arg(long, value_enum, default_value_t = MinutesFormat::Md)]
        format: MinutesFormat,
        /// output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// force
        #[arg(long)]
        force: bool,
        /// pdf
        #[arg(long, requires = "output")]
        pdf: bool,
    },
    /// vote
    Vote {
        #[command(subcommand)]
        command: vote::VoteCommand,
    },
}

fn refused(ctx: &Ctx, e: SessionError) -> CliError {
    match e {
        SessionError::Refused(r) => CliError::input(tr!(ctx.lang, session::refusal(&r))),
        SessionError::Store(s) => ctx.store_error(s),
    }
}

fn kind(ctx: &Ctx, s: &str) -> CliResult<DecisionKind> {
    DecisionKind::parse(s).ok_or_else(|| CliError::input(tr!(ctx.lang, session::bad_kind(s))))
}

fn votes(ctx: &Ctx, s: &Option<String>) -> CliResult<Option<Votes>> {
    match s {
        None => Ok(None),
        Some(v) => Votes::parse(v)
            .map(Some)
            .ok_or_else(|| CliError::input(tr!(ctx.lang, session::bad_votes(v)))),
    }
}

/// `--member NAME[:ROLE][:NIP]`: a last part of digits (spaces allowed, as
/// NIPs are often written `19860926 201505 1 001`) is the member's NIP, which
/// must be a valid 18-digit NIP; the rest is read by [`parse_member`].
fn member_arg(ctx: &Ctx, m: &str) -> CliResult<((String, Role), Option<String>)> {
    let bad = || CliError::input(tr!(ctx.lang, session::bad_member(m)));
    let nip_part = m.rsplit_once(':').filter(|(_, tail)| {
        tail.bytes().any(|b| b.is_ascii_digit())
            && tail.bytes().all(|b| b.is_ascii_digit() || b == b' ')
    });
    let Some((rest, tail)) = nip_part else {
        return Ok((parse_member(m).ok_or_else(bad)?, None));
    };
    let rest = rest.strip_suffix(':').unwrap_or(rest);
    let member = parse_member(rest).ok_or_else(bad)?;
    let nip: String = tail.chars().filter(|c| !c.is_whitespace()).collect();
    if let Err(e) = crate::domain::nip::parse(&nip) {
        let why = tr!(ctx.lang, import::what(&ProblemKind::Nip(e), ""));
        return Err(CliError::input(tr!(
            ctx.lang,
            session::bad_member_nip(&member.0, &nip, &why)
        )));
    }
    Ok((member, Some(nip)))
}

pub fn run(ctx: &Ctx, cmd: SessionCommand) -> CliResult {
    let mut store = ctx.open()?;
    let actor = &ctx.actor;
    match cmd {
        SessionCommand::New {
            title,
            date,
            members,
            quorum,
            agenda,
            tempat,
            mulai,
        } => {
            let mut parsed = Vec::new();
            let mut member_nips = std::collections::BTreeMap::new();
            for m in &members {
                let (member, nip) = member_arg(ctx, m)?;
                if let Some(nip) = nip {
                    member_nips.insert(member.0.clone(), nip);
                }
                parsed.push(member);
            }
            let s = NewSession {
                title,
                date: date.unwrap_or(ctx.as_of),
                members: parsed,
                quorum,
                agenda,
                place: tempat,
                start: mulai,
                member_nips,
            };
            let id = ss::create(&mut store, actor, &s).map_err(|e| refused(ctx, e))?;
            emit(&format!("{id}\n"))
        }
        SessionCommand::List { format } => list(ctx, &store, format),
        SessionCommand::Attend { id, names } => {
            ss::attend(&mut store, actor, id, &names).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, session::attended(id, &names)))
        }
        SessionCommand::Recuse {
            id,
            name,
            nip,
            reason,
        } => {
            ss::recuse(&mut store, actor, id, &name, nip.trim(), &reason)
                .map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, session::recused(&name, nip.trim())))
        }
        SessionCommand::Discussed { id, nip } => {
            ss::mark_discussed(&mut store, actor, id, nip.trim()).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, session::discussed(nip.trim())))
        }
        SessionCommand::Decide {
            id,
            nip,
            kind: k,
            position,
            reason,
            votes: v,
        } => {
            let input = DecisionInput {
                nip: nip.trim().to_string(),
                kind: kind(ctx, &k)?,
                position,
                reason,
                votes: votes(ctx, &v)?,
            };
            let did = ss::decide(&mut store, actor, ctx.rules(), id, &input)
                .map_err(|e| refused(ctx, e))?;
            emit(&format!("{did}\n"))
        }
        SessionCommand::Calibrate {
            id,
            nip,
            kotak,
            reason,
            votes: v,
        } => {
            let input = CalibrationInput {
                nip: nip.trim().to_string(),
                kotak,
                reason,
                votes: votes(ctx, &v)?,
            };
            let cid = calibrate(&mut store, actor, ctx.rules(), id, &input)
                .map_err(|e| refused(ctx, e))?;
            emit(&format!("{cid}\n"))
        }
        SessionCommand::Amend {
            decision_id,
            kind: k,
            position,
            reason,
            votes: v,
        } => {
            let a = Amendment {
                kind: k.as_deref().map(|k| kind(ctx, k)).transpose()?,
                position: position.map(|p| Some(p).filter(|p| !p.trim().is_empty())),
                reason,
                votes: votes(ctx, &v)?,
            };
            let did = ss::amend(&mut store, actor, ctx.rules(), decision_id, &a)
                .map_err(|e| refused(ctx, e))?;
            emit(&format!("{did}\n"))
        }
        SessionCommand::Close { id } => {
            let head = ss::close(&mut store, actor, id).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, session::closed(id, &head)))
        }
        SessionCommand::Reopen { id, reason } => {
            ss::reopen(&mut store, actor, id, &reason).map_err(|e| refused(ctx, e))?;
            emit(&tr!(ctx.lang, session::reopened(id)))
        }
        SessionCommand::Outcome {
            decision_id,
            status,
            sk,
            date,
            reason,
        } => {
            let input = OutcomeInput {
                decision: decision_id,
                status: OutcomeStatus::parse(&status)
                    .ok_or_else(|| CliError::input(tr!(ctx.lang, outcome::bad_status(&status))))?,
                sk,
                tanggal: date.unwrap_or(ctx.as_of),
                reason,
            };
            let oid =
                ss::outcome::record(&mut store, actor, &input).map_err(|e| refused(ctx, e))?;
            emit(&format!("{oid}\n"))
        }
        SessionCommand::Minutes {
            id,
            format,
            output,
            force,
            pdf,
        } => write_minutes(ctx, &store, id, format, output.as_deref(), force, pdf),
        SessionCommand::Vote { command } => vote::run(ctx, &mut store, command),
    }
}

/// `talenta session list`.
fn list(ctx: &Ctx, store: &Store, format: ListFormat) -> CliResult {
    let rows = ss::list(&store.conn).map_err(|e| refused(ctx, e))?;
    match format {
        ListFormat::Json => emit(&format!(
            "{}\n",
            crate::domain::text::guard(&serde_json::to_string_pretty(&rows).unwrap_or_default())
        )),
        ListFormat::Table => {
            let header: &[&str] = tr!(ctx.lang, session::LIST_HEADER);
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        crate::strings::format::date_text(&r.date),
                        r.title.clone(),
                        tr!(ctx.lang, session::status(r.status)).to_string(),
                        format!("{}/{}", r.present, r.members),
                        r.decisions.to_string(),
                    ]
                })
                .collect();
            emit(&super::output::table(header, &body, &[8, 10, 50, 10, 8, 8]))
        }
    }
}

/// `talenta session minutes`: to a file (a new one, or an existing regular
/// file with `--force`; never the database), or to stdout (DOCX only into a
/// pipe).
fn write_minutes(
    ctx: &Ctx,
    store: &Store,
    id: i64,
    format: MinutesFormat,
    output: Option<&Path>,
    force: bool,
    pdf: bool,
) -> CliResult {
    if pdf && format != MinutesFormat::Docx {
        return Err(CliError::input(tr!(ctx.lang, session::PDF_NEEDS_DOCX)));
    }
    let mut detail = ss::detail(&store.conn, id).map_err(|e| refused(ctx, e))?;
    ss::vote::name_votes(&store.conn, &mut detail, ctx.rules()).map_err(|e| refused(ctx, e))?;
    let paper = minutes::Paper::new(ctx.lang, &ctx.config.agency);
    let bytes = minutes::render(&detail, format, &paper).map_err(CliError::runtime)?;
    let not_saved = |path: &Path, e: minutes::SaveError| {
        let force = tr!(ctx.lang, session::FORCE_FLAG);
        let message = tr!(ctx.lang, session::not_saved(path, &e, force));
        match e {
            minutes::SaveError::Io(_) => CliError::runtime(message),
            _ => CliError::input(message),
        }
    };
    match output {
        Some(path) => {
            // `--pdf`: both files are checked and the PDF printed before either is
            // written, so a refusal or a failed print leaves nothing behind.
            let print = match pdf {
                false => None,
                true => {
                    let pdf_path = minutes::pdf::beside(path);
                    if pdf_path == path {
                        return Err(CliError::input(tr!(ctx.lang, session::PDF_IS_THE_DOCX)));
                    }
                    minutes::check_target(path, force, &store.path)
                        .map_err(|e| not_saved(path, e))?;
                    minutes::check_target(&pdf_path, force, &store.path)
                        .map_err(|e| not_saved(&pdf_path, e))?;
                    let printed = minutes::pdf::convert(&bytes).map_err(|e| {
                        use minutes::pdf::PdfError as E;
                        CliError::runtime(match e {
                            E::NoLibreOffice => tr!(ctx.lang, session::PDF_NO_LIBREOFFICE).into(),
                            E::Failed(why) => {
                                tr!(
                                    ctx.lang,
                                    session::pdf_failed(&crate::domain::text::one_line(&why))
                                )
                            }
                            E::TimedOut => tr!(
                                ctx.lang,
                                session::pdf_timed_out(minutes::pdf::TIMEOUT.as_secs())
                            ),
                        })
                    })?;
                    Some((pdf_path, printed))
                }
            };
            minutes::save(path, &bytes, force, &store.path).map_err(|e| not_saved(path, e))?;
            let mut said = tr!(ctx.lang, session::minutes_written(path));
            if let Some((pdf_path, printed)) = print {
                minutes::save(&pdf_path, &printed, force, &store.path)
                    .map_err(|e| not_saved(&pdf_path, e))?;
                said.push_str(&tr!(ctx.lang, session::minutes_written(&pdf_path)));
            }
            emit(&said)
        }
        None if format == MinutesFormat::Docx && std::io::stdout().is_terminal() => {
            Err(CliError::input(tr!(ctx.lang, session::DOCX_NEEDS_OUTPUT)))
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match out.write_all(&bytes).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(CliError::runtime(e.to_string()))
                }
                _ => Ok(()),
            }
        }
    }
}

/// `--mulai HH:MM`: a start time on the clock.
fn parse_start(s: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| format!("'{s}': HH:MM"))
}
