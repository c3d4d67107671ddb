//! The command line (docs/cli.md). `run` parses the arguments,
//! resolves the context (database, as-of date, language, actor) and hands
//! over to one module per command. Errors become a [`CliError`] with the
//! contract's exit status: 1 runtime failure, 2 bad usage or bad input.

pub mod access;
pub mod audit;
pub mod demo;
pub mod import;
pub mod krs;
pub mod output;
mod positions;
pub mod query;
pub mod serve;
pub mod session;
pub mod show;

use crate::config::{self, Config};
pub use crate::context::{CliError, CliResult, Ctx};
use crate::lang::Lang;
use crate::store::Actor;
use crate::tr;
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
pub use output::OutputFile;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "talenta", version, about = "talenta")]
pub struct Cli {
    /// talent-pool database
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// as-of date
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// language
    #[arg(long, global = true, value_name = "id|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// actor
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_name: Option<String>,
    /// ascii
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    // A workbook (needs `-o FILE`): see `present::xlsx`.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// query
    Query {
        /// filter (none: everyone, as the empty filter)
        filter: Option<String>,
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// sort
        #[arg(long, value_name = "FIELD")]
        sort: Option<String>,
        /// desc
        #[arg(long)]
        desc: bool,
        /// limit
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// count
        #[arg(long)]
        count: bool,
        /// by
        #[arg(long, value_name = "FIELD", conflicts_with = "count")]
        by: Option<String>,
        #[command(flatten)]
        out: OutputFile,
    },
    /// demo
    Demo {
        /// size
        #[arg(long, default_value_t = 5_000, value_name = "N")]
        size: usize,
        /// seed
        #[arg(long, default_value_t = crate::demo::DEFAULT_SEED, value_name = "S")]
        seed: u64,
        /// force
        #[arg(long)]
        force: bool,
        /// csv
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// semicolon
        #[arg(long, requires = "csv")]
        semicolon: bool,
    },
    /// import
    Import {
        /// dry_run
        #[arg(long)]
        dry_run: bool,
        /// skip_invalid
        #[arg(long)]
        skip_invalid: bool,
        /// paths
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// show
    Show {
        /// nip
        #[arg(value_parser = nip_arg)]
        nip: String,
        /// format
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// session
    Session {
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// access
    Access {
        #[command(subcommand)]
        command: access::AccessCommand,
    },
    /// audit
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// positions
    Positions {
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// retiring_within
        #[arg(long, value_name = "YEARS")]
        retiring_within: Option<u32>,
        #[command(flatten)]
        out: OutputFile,
    },
    /// shortlist
    Shortlist {
        /// kode
        #[arg(value_name = "KODE")]
        kode: String,
        /// filter
        #[arg(long, value_name = "FILTER")]
        filter: Option<String>,
        /// limit
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// all
        #[arg(long)]
        all: bool,
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        out: OutputFile,
    },
    /// compare
    Compare {
        /// nips
        #[arg(value_name = "NIP", num_args = 1.., value_parser = nip_arg)]
        nips: Vec<String>,
        /// position
        #[arg(long, value_name = "KODE")]
        position: Option<String>,
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        out: OutputFile,
    },
    /// succession
    Succession {
        #[command(subcommand)]
        command: SuccessionCommand,
    },
    /// serve
    Serve {
        /// listen
        #[arg(long, default_value = "127.0.0.1:2222", value_name = "ADDR:PORT")]
        listen: String,
        /// max_connections
        #[arg(long, default_value_t = 32, value_name = "N")]
        max_connections: usize,
        /// idle_timeout
        #[arg(long, default_value = "30m", value_name = "DURATION")]
        idle_timeout: String,
        /// auth_delay
        #[arg(long, default_value = "1s", value_name = "DURATION")]
        auth_delay: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SuccessionCommand {
    /// list
    List {
        /// kode
        #[arg(value_name = "KODE")]
        kode: Option<String>,
        /// period
        #[arg(long, value_name = "YYYY")]
        period: Option<i32>,
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        out: OutputFile,
    },
    /// establish
    Establish {
        /// period
        #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1900..=9999))]
        period: i32,
        /// sk
        #[arg(long, value_name = "NOMOR")]
        sk: String,
        /// date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
        date: NaiveDate,
        /// kode
        #[arg(value_name = "KODE")]
        kode: Vec<String>,
    },
    /// add
    Add {
        /// kode
        #[arg(value_name = "KODE")]
        kode: String,
        /// nip
        #[arg(value_name = "NIP", value_parser = nip_arg)]
        nip: String,
        /// readiness
        #[arg(long, value_name = "READINESS")]
        readiness: String,
        /// note
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// order
        #[arg(long, value_name = "N")]
        order: Option<i64>,
    },
    /// remove
    Remove {
        /// kode
        #[arg(value_name = "KODE")]
        kode: String,
        /// nip
        #[arg(value_name = "NIP", value_parser = nip_arg)]
        nip: String,
        /// reason
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// verify
    Verify {
        /// expect_head
        #[arg(long, value_name = "HASH")]
        expect_head: Option<String>,
    },
    /// log
    Log {
        /// format
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// since
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
        since: Option<NaiveDate>,
        #[command(flatten)]
        out: OutputFile,
    },
}

/// A `YYYY-MM-DD` argument.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_as_of(s)
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("'{s}': YYYY-MM-DD"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("'{s}': id | en"))
}

/// Look for `--lang` before clap runs, so the help itself is localised.
fn prescan_lang(args: &[String]) -> Option<Lang> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

/// A NIP argument as HR admins copy it from a decree or a spreadsheet: a
/// leading apostrophe dropped and the blanks between its groups removed
/// (`'19860926 201505 1 001`), the same reading as the import's. What is
/// still no NIP is refused by the command, with why.
pub fn nip_arg(s: &str) -> Result<String, String> {
    Ok(crate::import::forms::nip_text(s).into_owned())
}

/// The whole command tree with every help text in `lang`: what `--help`
/// prints, and what the help test walks.
pub fn command(lang: Lang) -> clap::Command {
    localise(Cli::command(), lang)
}

/// The help's layout with the headings in `lang`: about, usage, then the
/// sections `cmd` has (commands, arguments, options).
fn help_template(cmd: &clap::Command, lang: Lang) -> String {
    let [usage, commands, arguments, options] = tr!(lang, cli::HELP_HEADINGS);
    let mut t = format!("{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n");
    if cmd.has_subcommands() {
        t.push_str(&format!("\n{commands}:\n{{subcommands}}\n"));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str(&format!("\n{arguments}:\n{{positionals}}\n"));
    }
    let hidden = |a: &clap::Arg| a.is_positional() || a.is_hide_set();
    if cmd.get_arguments().any(|a| !hidden(a)) {
        t.push_str(&format!("\n{options}:\n{{options}}\n"));
    }
    t.push_str("{after-help}");
    t
}

/// clap's `help` subcommand names the commands beside it: their texts, as
/// localised on `real` (the command that holds both), all the way down.
fn mirror(help: clap::Command, real: &clap::Command) -> clap::Command {
    let names: Vec<String> = help
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut help = help;
    for n in names {
        if let Some(r) = real.find_subcommand(&n) {
            let about = r.get_about().cloned().unwrap_or_default();
            help = help.mut_subcommand(n.as_str(), |m| mirror(m.about(about), r));
        }
    }
    help
}

/// An argument's help in `lang`, its values and default in the same words
/// (clap would add "Possible values:" and "[default: ...]" in English), and
/// no long help of clap's own ("Print help (see a summary with '-h')").
fn with_values(a: clap::Arg, text: &str, lang: Lang) -> clap::Arg {
    let [values_word, default_word] = tr!(lang, cli::VALUE_WORDS);
    let mut text = text.to_string();
    if a.get_action().takes_values() {
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            text.push_str(&format!(" [{values_word}: {}]", values.join(", ")));
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            text.push_str(&format!(" [{default_word}: {}]", defaults.join(", ")));
        }
    }
    a.help(text)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Replace the placeholder doc strings with the help texts of a language.
/// clap's own `--help`/`--version` flags are built first so that their texts
/// ("global.help", "global.version") are localised too; so are the help's
/// headings and clap's `help` subcommand.
fn localise(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    cmd.build();
    let help: &'static [(&'static str, &'static str)] = tr!(lang, cli::HELP);
    fn apply(
        cmd: clap::Command,
        prefix: &str,
        (help, lang): (&'static [(&'static str, &'static str)], Lang),
    ) -> clap::Command {
        let template = help_template(&cmd, lang);
        let mut cmd = cmd.help_template(template);
        // clap's placeholders in the usage line, in the language's words.
        let usage = cmd.clone().render_usage().to_string();
        if let Some(usage) = usage.trim().strip_prefix("Usage:") {
            let words: &[(&str, &str)] = tr!(lang, cli::USAGE_WORDS);
            let usage = words
                .iter()
                .fold(usage.trim().to_string(), |u, (from, to)| {
                    u.replace(from, to)
                });
            cmd = cmd.override_usage(usage);
        }
        if let Some((_, t)) = help.iter().find(|(k, _)| *k == prefix) {
            cmd = cmd.about(*t);
        }
        let args: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in args {
            let key = if prefix.is_empty() {
                id.clone()
            } else {
                format!("{prefix}.{id}")
            };
            let global = format!("global.{id}");
            if let Some((_, t)) = help.iter().find(|(k, _)| *k == key || *k == global) {
                cmd = cmd.mut_arg(id.as_str(), |a| with_values(a, t, lang));
            }
        }
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for s in subs {
            let key = if s == "help" {
                // clap's own `help` subcommand, the same at every level
                "global.help_command".to_string()
            } else if prefix.is_empty() {
                s.clone()
            } else {
                format!("{prefix}.{s}")
            };
            cmd = cmd.mut_subcommand(s.as_str(), |sc| apply(sc, &key, (help, lang)));
        }
        if cmd.find_subcommand("help").is_some() && prefix != "global.help_command" {
            let real = cmd.clone();
            cmd = cmd.mut_subcommand("help", |h| mirror(h, &real));
        }
        cmd
    }
    cmd = apply(cmd, "", (help, lang));
    cmd
}

/// A command line clap refused, in `lang`: one sentence (and what was
/// probably meant), the usage, where to read more. Exit status 2.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind as E};
    let get = |k: K| match e.get(k) {
        Some(V::String(s)) => s.clone(),
        Some(V::Strings(v)) => v.join(", "),
        Some(V::StyledStr(s)) => s.to_string(),
        Some(V::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(K::InvalidArg);
    let mut lines = vec![match e.kind() {
        E::InvalidSubcommand => tr!(lang, cli::usage_unknown_command(&get(K::InvalidSubcommand))),
        E::UnknownArgument => tr!(lang, cli::usage_unknown_argument(&arg)),
        E::InvalidValue | E::ValueValidation => {
            tr!(lang, cli::usage_invalid_value(&arg, &get(K::InvalidValue)))
        }
        E::MissingRequiredArgument => tr!(lang, cli::usage_missing(&arg)),
        E::MissingSubcommand => tr!(lang, cli::USAGE_MISSING_COMMAND).to_string(),
        E::ArgumentConflict if get(K::PriorArg) == arg => tr!(lang, cli::usage_twice(&arg)),
        E::ArgumentConflict => tr!(lang, cli::usage_conflict(&arg, &get(K::PriorArg))),
        E::TooManyValues | E::TooFewValues | E::WrongNumberOfValues | E::NoEquals => {
            tr!(lang, cli::usage_values(&arg))
        }
        _ => tr!(lang, cli::USAGE_OTHER).to_string(),
    }];
    if let Some(source) = std::error::Error::source(e) {
        lines.push(format!("  {source}"));
    }
    let valid = get(K::ValidValue);
    if !valid.is_empty() {
        lines.push(format!("  {}", tr!(lang, cli::usage_valid_values(&valid))));
    }
    for k in [K::SuggestedSubcommand, K::SuggestedArg, K::SuggestedValue] {
        let s = get(k);
        if !s.is_empty() {
            lines.push(format!("  {}", tr!(lang, cli::usage_did_you_mean(&s))));
        }
    }
    let usage = get(K::Usage);
    let usage = usage.trim();
    if let Some(rest) = usage.strip_prefix("Usage:") {
        let [heading, ..] = tr!(lang, cli::HELP_HEADINGS);
        lines.push(String::new());
        lines.push(format!("{heading}:{rest}"));
        let words: Vec<&str> = rest.split_whitespace().collect();
        let path: Vec<&str> = words
            .iter()
            .take_while(|w| {
                !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .copied()
            .collect();
        lines.push(String::new());
        let help = format!("{} --help", path.join(" "));
        lines.push(tr!(lang, cli::usage_more(&help)));
    }
    format!("talenta: {}\n", lines.join("\n"))
}

/// Parse the process arguments and run; returns the exit status.
pub fn main() -> ExitCode {
    // `env::args` panics on an argument that is not UTF-8: take them as they
    // are and let clap refuse such a text argument (exit 2); paths may be any bytes.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config_path = Config::default_path();
    let config = match Config::load(config_path.as_deref()) {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("talenta: {e}");
            None
        }
    };
    let pre_lang = config::resolve_lang(
        prescan_lang(
            &args
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>(),
        ),
        config.as_ref().unwrap_or(&Config::default()),
    );
    let Some(config) = config else {
        eprintln!("talenta: {}", tr!(pre_lang, cli::CONFIG_INVALID));
        return ExitCode::from(2);
    };
    let cmd = command(pre_lang);
    let refused = |e: clap::Error| {
        use clap::error::ErrorKind as E;
        if !e.use_stderr() || e.kind() == E::DisplayHelpOnMissingArgumentOrSubcommand {
            // The help or the version, as asked (or for want of a command).
            let _ = e.print();
        } else {
            // The refused text may echo what was typed: never a control character raw.
            eprint!("{}", crate::domain::text::guard(&usage_error(&e, pre_lang)));
        }
        ExitCode::from(if e.use_stderr() { 2 } else { 0 })
    };
    let matches = match cmd.try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return refused(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return refused(e),
    };
    match run(cli, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An error may echo a value: never a control character raw.
            eprintln!("talenta: {}", crate::domain::text::guard(&e.message));
            for d in &e.details {
                eprintln!("  {}", crate::domain::text::guard(d));
            }
            ExitCode::from(e.code)
        }
    }
}

/// Build the context and dispatch.
pub fn run(cli: Cli, mut config: Config) -> CliResult {
    if cli.ascii {
        config.ascii = Some(true);
    }
    let lang = config::resolve_lang(cli.lang, &config);
    if let Some(name) = &cli.as_name {
        crate::domain::text::check(name, crate::domain::text::Lines::One).map_err(|e| {
            CliError::input(tr!(lang, cli::control_in(tr!(lang, cli::WHAT_AS_NAME), &e)))
        })?;
    }
    let env_db = std::env::var_os("TALENTA_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let explicit = cli.db.clone().or(env_db).or_else(|| config.db.clone());
    let ctx = Ctx {
        lang,
        as_of: cli
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        db_explicit: explicit.is_some(),
        db: explicit.unwrap_or_else(config::default_db_path),
        config,
        actor: Actor::new(cli.as_name.as_deref()),
    };
    match cli.command {
        Some(Command::Query {
            filter,
            format,
            sort,
            desc,
            limit,
            count,
            by,
            out,
        }) => {
            demo::ensure_default_pool(&ctx)?;
            let args = query::Args {
                // Only --by may go without one: the whole pool, counted.
                filter: filter.unwrap_or_default(),
                format,
                sort,
                desc,
                limit,
                count,
                by,
                out,
            };
            query::run(&ctx, &args)
        }
        Some(Command::Demo {
            size,
            seed,
            force,
            csv,
            semicolon,
        }) => demo::run(
            &ctx,
            &demo::Args {
                size,
                seed,
                force,
                csv,
                semicolon,
            },
        ),
        Some(Command::Import {
            dry_run,
            skip_invalid,
            paths,
        }) => import::run(&ctx, &paths, dry_run, skip_invalid),
        Some(Command::Show { nip, format }) => {
            demo::ensure_default_pool(&ctx)?;
            show::run(&ctx, &nip, format)
        }
        Some(Command::Access { command }) => access::run(&ctx, command),
        Some(Command::Audit { command }) => audit::run(&ctx, command),
        Some(Command::Session { command }) => session::run(&ctx, command),
        Some(Command::Positions {
            format,
            retiring_within,
            out,
        }) => {
            demo::ensure_default_pool(&ctx)?;
            positions::list(&ctx, format, &out, retiring_within)
        }
        Some(Command::Shortlist {
            kode,
            filter,
            limit,
            all,
            format,
            out,
        }) => {
            demo::ensure_default_pool(&ctx)?;
            positions::shortlist(&ctx, &kode, filter.as_deref(), limit, all, format, &out)
        }
        Some(Command::Compare {
            nips,
            position,
            format,
            out,
        }) => {
            demo::ensure_default_pool(&ctx)?;
            positions::compare(&ctx, &nips, position.as_deref(), format, &out)
        }
        Some(Command::Succession { command }) => {
            demo::ensure_default_pool(&ctx)?;
            positions::succession(&ctx, command)
        }
        Some(Command::Serve {
            listen,
            max_connections,
            idle_timeout,
            auth_delay,
        }) => {
            demo::ensure_default_pool(&ctx)?;
            serve::run(
                &ctx,
                &serve::Args {
                    listen,
                    max_connections,
                    idle_timeout,
                    auth_delay,
                },
            )
        }
        None => {
            demo::ensure_default_pool(&ctx)?;
            crate::tui::run(&ctx, cli.as_name.is_some())
        }
    }
}

/// Write to stdout, treating a closed pipe (`| head`) as success.
pub fn emit(text: &str) -> CliResult {
    use std::io::Write;
    // The last guard (domain::text): nothing stored reaches the terminal raw.
    let text = crate::domain::text::guard(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::runtime(e.to_string())),
    }
}
