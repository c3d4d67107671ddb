//! `talenta access add|list|remove`: who may sign in to `talenta serve`, with
//! which public key and role (contract `serve.md`, "Access"). Every grant and
//! removal is written with its audit entry (`store::access`); a refusal
//! (unknown role, a text that is not a public key, a private key, a key
//! granted to someone else, a second role for a name, an unknown name) exits
//! with status 2 and writes nothing.

use super::{emit, output, CliError, CliResult, Ctx, LogFormat};
use crate::domain::access::Role;
use crate::serve::keys;
use crate::store::access::{self as store_access, AccessError, Grant, KeyLine};
use crate::tr;
use clap::Subcommand;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// add
    Add {
        /// name
        #[arg(value_name = "NAME")]
        name: String,
        /// role
        #[arg(long, value_name = "ROLE")]
        role: String,
        /// key
        // A private key pasted by mistake starts with `-----BEGIN`: taken as
        // the value (and refused by us) so that clap never echoes it.
        #[arg(long, value_name = "PUBLIC_KEY", allow_hyphen_values = true)]
        key: String,
    },
    /// list
    List {
        /// format
        #[arg(long, value_enum, default_value_t = LogFormat::Table)]
        format: LogFormat,
    },
    /// remove
    Remove {
        /// name
        #[arg(value_name = "NAME")]
        name: String,
        /// reason
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

pub fn run(ctx: &Ctx, cmd: AccessCommand) -> CliResult {
    match cmd {
        AccessCommand::Add { name, role, key } => add(ctx, &name, &role, &key),
        AccessCommand::List { format } => list(ctx, format),
        AccessCommand::Remove { name, reason } => remove(ctx, &name, &reason),
    }
}

/// `talenta access add NAME --role ROLE --key PUBLIC_KEY`
fn add(ctx: &Ctx, name: &str, role: &str, key: &str) -> CliResult {
    let lang = ctx.lang;
    let role = Role::parse(role)
        .ok_or_else(|| CliError::input(tr!(lang, access::unknown_role(role.trim()))))?;
    let key = read_key(ctx, key)?;
    let mut store = ctx.open()?;
    match store_access::grant(&mut store, &ctx.actor, name, role, &key) {
        Ok(_) => emit(&tr!(
            lang,
            access::granted(name.trim(), role, &key.fingerprint, &key.algorithm)
        )),
        Err(e) => Err(refused(ctx, e, &key.fingerprint)),
    }
}

/// `talenta access remove NAME --reason TEXT`
fn remove(ctx: &Ctx, name: &str, reason: &str) -> CliResult {
    if name.trim().is_empty() {
        return Err(CliError::input(tr!(ctx.lang, access::NO_NAME)));
    }
    let mut store = ctx.open()?;
    match store_access::remove(&mut store, &ctx.actor, name, reason) {
        Ok(grants) => {
            let keys: Vec<String> = grants.into_iter().map(|g| g.key.fingerprint).collect();
            emit(&tr!(ctx.lang, access::removed(name.trim(), &keys)))
        }
        Err(e) => Err(refused(ctx, e, "")),
    }
}

fn refused(ctx: &Ctx, e: AccessError, fingerprint: &str) -> CliError {
    match e {
        AccessError::Store(e) => ctx.store_error(e),
        e => CliError::input(tr!(ctx.lang, access::access_error(&e, fingerprint))),
    }
}

/// A `.pub` file is one line; anything much larger is not one.
const MAX_KEY_FILE: u64 = 64 * 1024;

/// The public key from `--key`: the path of a file when one exists there,
/// else the key's text. A private key (OpenSSH, PEM or PuTTY) and the SSH2
/// public-key format get their own refusals; the text itself is never echoed.
fn read_key(ctx: &Ctx, arg: &str) -> CliResult<KeyLine> {
    let lang = ctx.lang;
    let path = Path::new(arg);
    let from_file = !arg.trim().is_empty() && path.is_file();
    let text = if from_file {
        let mut text = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_KEY_FILE).read_to_end(&mut text))
            .map_err(|_| CliError::input(tr!(lang, access::key_unreadable(path))))?;
        decode(&text)
    } else if names_a_file(arg) {
        return Err(CliError::input(tr!(lang, access::key_no_file(path))));
    } else {
        arg.to_string()
    };
    if text.contains("PRIVATE KEY-----") || text.trim_start().starts_with("PuTTY-User-Key-File") {
        let path = from_file.then_some(path);
        return Err(CliError::input(tr!(lang, access::key_private(path))));
    }
    if text.contains("BEGIN SSH2 PUBLIC KEY") {
        return Err(CliError::input(tr!(lang, access::KEY_SSH2)));
    }
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .count();
    if lines > 1 {
        return Err(CliError::input(tr!(lang, access::key_several(lines))));
    }
    keys::parse(&text).map_err(|e| {
        let why = Some(e.0).filter(|_| !text.trim().is_empty());
        CliError::input(tr!(lang, access::key_invalid())).with_details(why.into_iter().collect())
    })
}

/// A file's text: UTF-8, or UTF-16 with its byte-order mark (as some Windows
/// editors and PowerShell save a copied key); a leading BOM dropped.
fn decode(bytes: &[u8]) -> String {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| match be {
                true => u16::from_be_bytes([c[0], c[1]]),
                false => u16::from_le_bytes([c[0], c[1]]),
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    };
    text.trim_start_matches('\u{feff}').to_string()
}

/// A value that can only be meant as a path (`.pub` at its end, or starting
/// like one), as opposed to a key's text.
fn names_a_file(arg: &str) -> bool {
    let arg = arg.trim();
    !arg.contains(char::is_whitespace)
        && (arg.ends_with(".pub") || ["/", "./", "../", "~"].iter().any(|p| arg.starts_with(p)))
}

/// One grant in `access list --format json`.
#[derive(Serialize)]
struct GrantOut<'a> {
    id: i64,
    nama: &'a str,
    peran: &'static str,
    algoritma: &'a str,
    /// The fingerprint (`SHA256:…`), as the audit trail's `kunci`.
    kunci: &'a str,
    kunci_publik: &'a str,
    komentar: Option<&'a str>,
    diberikan: &'a str,
    diberikan_oleh: &'a str,
    /// In force (not removed).
    berlaku: bool,
    dicabut: Option<&'a str>,
    dicabut_oleh: Option<&'a str>,
    alasan_cabut: Option<&'a str>,
}

impl<'a> GrantOut<'a> {
    fn new(g: &'a Grant) -> GrantOut<'a> {
        let removed = g.removed.as_ref();
        GrantOut {
            id: g.id,
            nama: &g.name,
            peran: g.role.code(),
            algoritma: &g.key.algorithm,
            kunci: &g.key.fingerprint,
            kunci_publik: &g.key.public_key,
            komentar: g.key.comment.as_deref(),
            diberikan: &g.granted_at,
            diberikan_oleh: &g.granted_by,
            berlaku: removed.is_none(),
            dicabut: removed.map(|(_, at, _)| at.as_str()),
            dicabut_oleh: removed.map(|(_, _, by)| by.as_str()),
            alasan_cabut: removed.map(|(reason, _, _)| reason.as_str()),
        }
    }
}

/// `talenta access list [--format table|json]`: every grant, oldest first.
fn list(ctx: &Ctx, format: LogFormat) -> CliResult {
    let store = ctx.open()?;
    let grants = store_access::list(&store.conn).map_err(|e| ctx.store_error(e))?;
    match format {
        LogFormat::Json => {
            let out: Vec<GrantOut> = grants.iter().map(GrantOut::new).collect();
            let text = output::json_text(&out).map_err(|e| CliError::runtime(e.to_string()))?;
            emit(&format!("{text}\n"))
        }
        LogFormat::Table => {
            // Local time with the zone, as `audit log` shows it (JSON keeps ISO UTC).
            let zone = ctx.config.agency.zone();
            let time = |at: &str| crate::strings::format::time(zone, at);
            let rows: Vec<Vec<String>> = grants
                .iter()
                .map(|g| {
                    vec![
                        g.name.clone(),
                        g.role.code().to_string(),
                        g.key.algorithm.clone(),
                        g.key.fingerprint.clone(),
                        g.key.comment.clone().unwrap_or_else(|| "-".into()),
                        time(&g.granted_at),
                        g.granted_by.clone(),
                        match &g.removed {
                            Some((reason, at, by)) => format!("{} {by}: {reason}", time(at)),
                            None => "-".into(),
                        },
                    ]
                })
                .collect();
            let header: &[&str] = tr!(ctx.lang, access::LIST_HEADER);
            emit(&output::table(
                header,
                &rows,
                &[30, 10, 20, 50, 30, 24, 20, 60],
            ))
        }
    }
}
