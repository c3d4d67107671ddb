//! The minutes (berita acara) of a committee session: Markdown, CSV, JSON and a
//! printable DOCX. All are drawn from one `SessionDetail`; every decision
//! version appears, amended ones with what amended them, and the audit head
//! hash at closing anchors the signed paper to the database.

use crate::domain::session::DecisionKind;
use crate::domain::vote::Subject;

mod calibration;
mod docx;
pub mod pdf;
mod succession;
use crate::config::Agency;
use crate::domain::text::{self, markdown_block, markdown_line};
use crate::domain::zone::Zone;
use crate::domain::{Competency, Potensi, Predikat};
use crate::lang::Lang;
use crate::present::{safe_cell, write_csv};
use crate::store::session::outcome::Outcome;
use crate::store::session::{Decision, SessionDetail};
use crate::strings::format;
use crate::strings::MinutesLabels;
use crate::tr;
use chrono::NaiveDate;
use docx::{bold, heading, para};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What the minutes are written for: the reader's language, the agency that
/// issues them and the time zone its people read.
#[derive(Debug, Clone, Copy)]
pub struct Paper<'a> {
    pub lang: Lang,
    pub agency: &'a Agency,
    pub zone: Zone,
}

impl<'a> Paper<'a> {
    pub fn new(lang: Lang, agency: &'a Agency) -> Paper<'a> {
        Paper {
            lang,
            agency,
            zone: agency.zone(),
        }
    }
}

/// The formats of the minutes: the command line's `--format` and the session
/// screen's choice alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesFormat {
    Md,
    Csv,
    Json,
    Docx,
}

impl MinutesFormat {
    pub const ALL: [MinutesFormat; 4] = [
        MinutesFormat::Md,
        MinutesFormat::Csv,
        MinutesFormat::Json,
        MinutesFormat::Docx,
    ];

    /// The file extension, which is also the format's name on the command line.
    pub fn ext(self) -> &'static str {
        match self {
            MinutesFormat::Md => "md",
            MinutesFormat::Csv => "csv",
            MinutesFormat::Json => "json",
            MinutesFormat::Docx => "docx",
        }
    }

    /// The default file name in the current folder.
    pub fn default_path(self, id: i64) -> String {
        format!("berita-acara-{id}.{}", self.ext())
    }
}

/// The minutes of a session in a format; a renderer's failure as its text.
/// Text already in the database is escaped for each format (domain::text):
/// nothing a record holds can reach a terminal or a document raw.
pub fn render(d: &SessionDetail, format: MinutesFormat, p: &Paper) -> Result<Vec<u8>, String> {
    Ok(match format {
        MinutesFormat::Md => markdown(d, p).into_bytes(),
        MinutesFormat::Csv => csv(d).map_err(|e| e.to_string())?,
        MinutesFormat::Json => json(d, p).into_bytes(),
        MinutesFormat::Docx => docx(d, p)?,
    })
}

pub type Escape = fn(&str) -> std::borrow::Cow<'_, str>;

/// A copy of the detail with every stored text passed through `line` (names,
/// titles, codes, actors) or `many` (grounds and reasons, which may hold
/// several lines).
pub fn scrubbed(d: &SessionDetail, line: Escape, many: Escape) -> SessionDetail {
    let l = |s: &String| line(s).into_owned();
    let m = |s: &String| many(s).into_owned();
    let mut d = d.clone();
    d.session.title = l(&d.session.title);
    d.session.tempat = d.session.tempat.as_ref().map(l);
    d.session.mulai = d.session.mulai.as_ref().map(l);
    d.session.date = l(&d.session.date);
    for x in &mut d.members {
        (x.name, x.role, x.nip) = (l(&x.name), l(&x.role), x.nip.as_ref().map(l));
    }
    for (kode, nama) in &mut d.agenda {
        (*kode, *nama) = (l(kode), nama.as_ref().map(l));
    }
    for r in &mut d.recusals {
        (r.member, r.nip, r.nama) = (l(&r.member), l(&r.nip), r.nama.as_ref().map(l));
        (r.reason, r.at) = (m(&r.reason), l(&r.at));
    }
    for x in &mut d.discussed {
        *x = l(x);
    }
    for (nip, nama) in &mut d.discussed_names {
        (*nip, *nama) = (l(nip), l(nama));
    }
    for x in &mut d.decisions {
        (x.nip, x.nama, x.kind) = (l(&x.nip), x.nama.as_ref().map(l), l(&x.kind));
        x.kode_jabatan = x.kode_jabatan.as_ref().map(l);
        x.nama_jabatan = x.nama_jabatan.as_ref().map(l);
        (x.reason, x.decided_at, x.actor) = (m(&x.reason), l(&x.decided_at), l(&x.actor));
        if let Some(o) = &mut x.outcome {
            (o.status, o.sk, o.tanggal) = (
                l(&o.status),
                o.sk.as_ref().map(l),
                o.tanggal.as_ref().map(l),
            );
            (o.reason, o.recorded_at, o.actor) =
                (o.reason.as_ref().map(m), l(&o.recorded_at), l(&o.actor));
        }
    }
    calibration::scrub(&mut d, line, many);
    succession::scrub(&mut d, line);
    for e in &mut d.events {
        (e.kind, e.reason) = (l(&e.kind), e.reason.as_ref().map(m));
        (e.at, e.actor) = (l(&e.at), l(&e.actor));
    }
    d
}

pub use crate::domain::output_file::SaveError;

/// The database's own files: the file, SQLite's -wal, -shm and -journal, and talenta's
/// pool snapshot.
fn database_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal", "-snapshot"]
        .iter()
        .map(|suffix| {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            resolved(Path::new(&p))
        })
        .collect()
}

/// The path with its folder's symbolic links and `..` resolved (the file
/// itself too when it exists), to compare two paths that may not exist yet.
fn resolved(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    match (std::fs::canonicalize(&dir), p.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => p.to_path_buf(),
    }
}

/// Whether two existing paths are the same file (a hard link included).
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(b).is_ok_and(|m| m.dev() == a.dev() && m.ino() == a.ino())
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &Path) -> bool {
    false
}

/// A new file, created only if nothing is at `path` (a symbolic link is
/// never followed: `O_CREAT|O_EXCL`), readable by its owner only (0600,
/// whatever the umask).
fn create_new(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        o.mode(0o600);
        let f = o.open(path)?;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(f)
    }
    #[cfg(not(unix))]
    o.open(path)
}

/// Write an output file (the minutes) safely: never the database or its
/// companion files, never through a symbolic link or into anything but a
/// regular file, an existing file only when `overwrite`; always a new 0600
/// file written aside and put in place whole, so no reader ever sees half a file.
pub fn save(path: &Path, bytes: &[u8], overwrite: bool, db: &Path) -> Result<(), SaveError> {
    use std::io::Write;
    let target = resolved(path);
    let fresh = fresh_target(path, overwrite, db)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let aside = target.with_file_name(format!(".{name}.{}-{stamp}.tmp", std::process::id()));
    let written = create_new(&aside).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let placed = written.and_then(|_| match fresh {
        true => place_new(&aside, &target),
        false => std::fs::rename(&aside, &target),
    });
    match placed {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&aside);
            match e.kind() {
                std::io::ErrorKind::AlreadyExists => Err(SaveError::Exists),
                _ => Err(e.into()),
            }
        }
    }
}

/// Whether `save` would write `path` (the same refusals, nothing written):
/// checked for every file of a command before the first is written.
pub fn check_target(path: &Path, overwrite: bool, db: &Path) -> Result<(), SaveError> {
    fresh_target(path, overwrite, db).map(|_| ())
}

/// `Ok(true)` when `path` is new, `Ok(false)` when an existing regular file may
/// be replaced; the refusals of `save` otherwise.
fn fresh_target(path: &Path, overwrite: bool, db: &Path) -> Result<bool, SaveError> {
    let target = resolved(path);
    let db_files = database_files(db);
    if db_files.contains(&target) {
        return Err(SaveError::Database);
    }
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => Err(SaveError::NotRegular),
        Ok(m) if db_files.iter().any(|f| same_file(&m, f)) => Err(SaveError::Database),
        Ok(_) if !overwrite => Err(SaveError::Exists),
        Ok(_) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e.into()),
    }
}

/// A complete file written aside put in place where nothing was: linked
/// there (which fails if something appeared meanwhile: never overwritten),
/// or renamed on a file system without links (FAT, exFAT).
fn place_new(aside: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(aside, target) {
        Ok(()) => {
            let _ = std::fs::remove_file(aside);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => std::fs::rename(aside, target),
    }
}

fn labels(lang: Lang) -> &'static MinutesLabels {
    tr!(lang, &session::MINUTES)
}

fn kind_name(lang: Lang, code: &str) -> String {
    match DecisionKind::parse(code) {
        Some(k) => tr!(lang, session::kind_name(k)).to_string(),
        None => code.to_string(),
    }
}

/// The candidate's values stored with the decision, as one line in the
/// users' words: `kotak 9; predikat SKP terakhir Sangat Baik; potensi
/// tinggi; golongan III/c; kompetensi: Integritas 4, Kerja Sama 4`.
fn snapshot_line(s: &Value, lang: Lang) -> String {
    let [kotak, skp, potensi, golongan, kompetensi] = *tr!(lang, &minutes::SNAPSHOT);
    let mut parts = Vec::new();
    if let Some(k) = s.get("kotak").and_then(Value::as_u64) {
        parts.push(format!("{kotak} {k}"));
    }
    if let Some(p) = s.get("kinerja").and_then(Value::as_str) {
        let name = Predikat::parse(p).map_or(p, |x| x.name());
        parts.push(format!("{skp} {name}"));
    }
    if let Some(p) = s.get("potensi").and_then(Value::as_str) {
        let name = Potensi::parse(p).map_or(p, |x| tr!(lang, cli::potensi_name(x)));
        parts.push(format!("{potensi} {name}"));
    }
    if let Some(g) = s.get("golongan").and_then(Value::as_str) {
        parts.push(format!("{golongan} {g}"));
    }
    if let Some(levels) = s.get("kompetensi").and_then(Value::as_object) {
        if !levels.is_empty() {
            let l: Vec<String> = levels
                .iter()
                .map(|(k, v)| {
                    let name = Competency::parse(k).map_or(k.as_str(), |c| match lang {
                        Lang::Id => c.name(),
                        Lang::En => c.english(),
                    });
                    format!("{name} {v}")
                })
                .collect();
            parts.push(format!("{kompetensi}: {}", l.join(", ")));
        }
    }
    parts.join("; ")
}

fn head_lines(d: &SessionDetail, l: &MinutesLabels) -> (String, String) {
    match &d.closing_head {
        Some(h) => (
            format!("{}: {h}", l.audit),
            format!("{} {h}", l.audit_check),
        ),
        None => (
            format!("{}: {}", l.audit_open, d.current_head),
            String::new(),
        ),
    }
}

/// The session's date, when it is one.
fn session_date(d: &SessionDetail) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&d.session.date, "%Y-%m-%d").ok()
}

/// The document number from the agency's pattern.
fn number(d: &SessionDetail, p: &Paper) -> Option<String> {
    p.agency.document_number(d.session.id, session_date(d)?)
}

/// The opening paragraph: the day and date in words, the start time in the
/// zone, the place (the session's, else the agency's city).
fn opening(d: &SessionDetail, p: &Paper) -> Option<String> {
    let s = &d.session;
    let place = s.tempat.as_deref().or(p.agency.city.as_deref());
    let start = s.mulai.as_ref().map(|t| format!("{t} {}", p.zone.name()));
    Some(tr!(
        p.lang,
        minutes::opening(session_date(d)?, start.as_deref(), place, &s.title)
    ))
}

/// `Kota, 3 Desember 2026`: the day of closing, else the session's date.
fn place_date(d: &SessionDetail, p: &Paper) -> String {
    let closed = closed_at(d)
        .and_then(|t| p.zone.local(t))
        .map(|t| t.date_naive());
    match closed.or_else(|| session_date(d)) {
        Some(day) => tr!(p.lang, minutes::place_date(p.agency.city.as_deref(), day)),
        None => d.session.date.clone(),
    }
}

/// `label: value` of the session, its date, status and quorum, in that order.
fn facts(d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> [String; 4] {
    let s = &d.session;
    let q = s.quorum.map(|q| q.to_string()).unwrap_or_else(|| {
        format!(
            "{} ({})",
            crate::domain::session::default_quorum(d.members.len()),
            l.quorum_default
        )
    });
    [
        format!("{}: {} — {}", l.session, s.id, s.title),
        format!("{}: {}", l.date, format::date_text(&s.date)),
        format!("{}: {}", l.status, tr!(p.lang, session::status(s.status))),
        format!("{}: {q}", l.quorum),
    ]
}

fn decision_title(dec: &Decision, l: &MinutesLabels) -> String {
    let mut t = format!("{} #{} ({} {})", l.decision, dec.id, l.version, dec.version);
    if let Some(p) = dec.supersedes {
        t.push_str(&format!(", {} #{p}", l.supersedes));
    }
    if let Some(n) = dec.superseded_by {
        t.push_str(&format!(" — {} #{n}", l.superseded_by));
    }
    t
}

/// The lines of one recommendation version, `label: value`, as the
/// Markdown and the Word document print them; `summary` writes the outcome
/// (Markdown indents a reason of several lines). A line per further fact
/// (a named vote) is one more push here.
fn decision_lines(
    d: &SessionDetail,
    dec: &Decision,
    p: &Paper,
    l: &MinutesLabels,
    summary: impl Fn(&Outcome) -> String,
) -> Vec<String> {
    let lang = p.lang;
    let mut out = vec![
        format!(
            "{}: {} — {}",
            l.candidate,
            dec.nip,
            dec.nama.as_deref().unwrap_or("")
        ),
        format!("{}: {}", l.kind, kind_name(lang, &dec.kind)),
    ];
    if let Some(k) = &dec.kode_jabatan {
        out.push(format!(
            "{}: {k} {}",
            l.position,
            dec.nama_jabatan.as_deref().unwrap_or("")
        ));
    }
    out.push(format!("{}: {}", l.grounds, dec.reason));
    let votes = dec
        .votes
        .map(|v| v.to_string())
        .unwrap_or_else(|| l.votes_none.to_string());
    out.push(format!("{}: {votes}", l.votes));
    if let Some(n) = crate::present::vote::named_line(lang, d, Subject::Decision, dec.id) {
        out.push(n);
    }
    out.push(format!(
        "{}: {}",
        l.at_decision,
        text::one_line(&snapshot_line(&dec.snapshot, lang))
    ));
    out.push(format!(
        "{}: {} ({})",
        l.recorded_by,
        dec.actor,
        format::time(p.zone, &dec.decided_at)
    ));
    if let Some(o) = dec.outcome.as_ref().filter(|x| !after_close(d, x)) {
        out.push(format!("{}: {}", tr!(lang, outcome::OUTCOME), summary(o)));
    }
    out
}

/// The minutes as Markdown: every value one line, grounds of several lines
/// as the item's indented continuation, so no value forges a heading, an
/// item or the closing hash.
pub fn markdown(d: &SessionDetail, p: &Paper) -> String {
    let d = &scrubbed(d, text::one_line, text::visible);
    let lang = p.lang;
    let l = labels(lang);
    let mut o = String::new();
    for line in letterhead_lines(p) {
        o.push_str(&format!("**{}**  \n", markdown_line(line)));
    }
    o.push_str(&format!("# {}\n\n", l.title));
    if let Some(n) = number(d, p) {
        o.push_str(&format!(
            "{}: {}\n\n",
            tr!(lang, minutes::NUMBER),
            markdown_line(&n)
        ));
    }
    if !d.is_closed() {
        o.push_str(&format!("**{}**\n\n", l.draft));
    }
    if let Some(open) = opening(d, p) {
        o.push_str(&format!("{}\n\n", markdown_line(&open)));
    }
    for fact in facts(d, p, l) {
        o.push_str(&format!("- {fact}\n"));
    }
    o.push('\n');
    o.push_str(&markdown_record(d, p, l));
    o.push_str(&calibration::markdown(d, p));
    o.push_str(&succession::markdown(d, lang));

    if !d.discussed.is_empty() {
        o.push_str(&format!(
            "## {}\n\n{}\n\n",
            l.discussed,
            markdown_line(&discussed_line(d))
        ));
    }

    o.push_str(&format!("## {}\n\n", l.history));
    for e in &d.events {
        let reason = e
            .reason
            .as_ref()
            .map(|r| format!(": {}", markdown_block(r)))
            .unwrap_or_default();
        o.push_str(&format!(
            "- {} {} ({}){reason}\n",
            format::time(p.zone, &e.at),
            tr!(lang, session::event(&e.kind)),
            e.actor
        ));
    }
    o.push('\n');
    o.push_str(&markdown_signatures(d, p, l));
    let (head, check) = head_lines(d, l);
    o.push_str(&format!("---\n\n{head}\n"));
    if !check.is_empty() {
        o.push_str(&format!("\n`{check}`\n"));
    }
    o.push_str(&markdown_annex(d, p, l));
    o
}

/// The letterhead's lines: the configured ones, else the agency's name.
fn letterhead_lines<'a>(p: &Paper<'a>) -> Vec<&'a str> {
    let a = p.agency;
    if a.letterhead.is_empty() {
        a.name.iter().map(String::as_str).collect()
    } else {
        a.letterhead.iter().map(String::as_str).collect()
    }
}

/// Members, agenda, recusals and recommendations.
fn markdown_record(d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> String {
    let lang = p.lang;
    let mut o = format!("## {}\n\n", l.members);
    if d.members.is_empty() {
        o.push_str(&format!("{}\n", l.none));
    }
    for (i, m) in d.members.iter().enumerate() {
        let att = if m.present { l.present } else { l.absent };
        let nip = m
            .nip
            .as_ref()
            .map(|n| format!(" ({} {n})", tr!(lang, minutes::NIP)))
            .unwrap_or_default();
        o.push_str(&format!(
            "{}. {}{nip} — {} — {}\n",
            i + 1,
            m.name,
            tr!(lang, session::role_name(&m.role)),
            att
        ));
    }
    o.push_str(&format!("\n## {}\n\n", l.agenda));
    if d.agenda.is_empty() {
        o.push_str(&format!("{}\n", l.none));
    }
    for (kode, nama) in &d.agenda {
        o.push_str(&format!("- {kode}: {}\n", nama.as_deref().unwrap_or("-")));
    }
    o.push_str(&format!("\n## {}\n\n", l.recusals));
    if d.recusals.is_empty() {
        o.push_str(&format!("{}\n", l.none));
    }
    for r in &d.recusals {
        o.push_str(&format!(
            "- {} — {} {} — {}\n",
            r.member,
            r.nip,
            r.nama.as_deref().unwrap_or(""),
            markdown_block(&r.reason)
        ));
    }
    o.push_str(&format!("\n## {}\n\n", l.decisions));
    if d.decisions.is_empty() {
        o.push_str(&format!("{}\n\n", l.none));
    }
    for (i, dec) in d.decisions.iter().enumerate() {
        o.push_str(&format!("### {}. {}\n\n", i + 1, decision_title(dec, l)));
        let lines = decision_lines(d, dec, p, l, |x| tr!(lang, outcome::summary(x)));
        for line in lines {
            o.push_str(&format!("- {}\n", markdown_block(&line)));
        }
        o.push('\n');
    }
    o
}

/// The closing paragraph, the place and date, a signature for every member
/// present and the PPK's acknowledgement.
fn markdown_signatures(d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> String {
    let lang = p.lang;
    let mut o = format!(
        "{}\n\n## {}\n\n{}\n\n",
        tr!(lang, minutes::CLOSING),
        l.signatures,
        markdown_line(&place_date(d, p))
    );
    for m in d.members.iter().filter(|m| m.present) {
        o.push_str(&format!(
            "{}\n\n\n{}\n{}\n{}\n\n",
            tr!(lang, session::role_name(&m.role)),
            l.sign_line,
            markdown_line(&m.name),
            signature_nip(lang, m.nip.as_deref())
        ));
    }
    let a = p.agency;
    let title = a
        .ppk_title
        .as_deref()
        .unwrap_or(tr!(lang, minutes::PPK_TITLE));
    o.push_str(&format!(
        "{}\n{}\n\n\n{}\n",
        tr!(lang, minutes::KNOWN_BY),
        markdown_line(title),
        l.sign_line
    ));
    if let Some(n) = &a.ppk_name {
        o.push_str(&format!("{}\n", markdown_line(n)));
    }
    o.push_str(&format!(
        "{}\n\n",
        signature_nip(lang, a.ppk_nip.as_deref())
    ));
    o
}

/// The candidates marked discussed, each `NIP name` where the name is known
/// (from a recommendation, a recusal or a calibration of the session, else
/// the employee records).
fn discussed_line(d: &SessionDetail) -> String {
    let name_of = |nip: &str| {
        let decided = d.decisions.iter().filter(|x| x.nip == nip);
        let recused = d.recusals.iter().filter(|x| x.nip == nip);
        let calibrated = d.calibrations.iter().filter(|x| x.nip == nip);
        decided
            .map(|x| &x.nama)
            .chain(recused.map(|x| &x.nama))
            .chain(calibrated.map(|x| &x.nama))
            .find_map(|n| n.as_deref())
            .or_else(|| {
                let listed = d.discussed_names.iter().find(|(n, _)| n == nip);
                listed.map(|(_, nama)| nama.as_str())
            })
    };
    d.discussed
        .iter()
        .map(|nip| match name_of(nip) {
            Some(n) => format!("{nip} {n}"),
            None => nip.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The NIP line under a signature: `NIP 1986…`, or a dotted line to fill in
/// by hand when it is not known.
fn signature_nip(lang: Lang, nip: Option<&str>) -> String {
    match nip {
        Some(n) => format!("{} {n}", tr!(lang, minutes::NIP)),
        None => tr!(lang, minutes::NIP_BLANK).to_string(),
    }
}

/// The PPK's outcomes recorded after the close, after the signed minutes.
fn markdown_annex(d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> String {
    let annex = annexed(d);
    if annex.is_empty() {
        return String::new();
    }
    let mut o = format!("\n## {}\n\n", tr!(p.lang, outcome::ANNEX));
    for (dec, out) in annex {
        let summary = markdown_outcome(p.lang, out);
        o.push_str(&format!("- {}\n", annex_line(p, l, dec, &summary, out)));
    }
    o
}

/// When the session was closed (its latest closing), while it is closed.
fn closed_at(d: &SessionDetail) -> Option<&str> {
    if !d.is_closed() {
        return None;
    }
    d.events
        .iter()
        .rev()
        .find(|e| e.kind == "close")
        .map(|e| e.at.as_str())
}

/// The PPK's outcome came after the session was closed: the signed minutes
/// stay as they were and an annex shows it.
fn after_close(d: &SessionDetail, o: &Outcome) -> bool {
    closed_at(d).is_some_and(|c| o.recorded_at.as_str() > c)
}

/// The recommendations whose latest outcome came after the close.
fn annexed(d: &SessionDetail) -> Vec<(&Decision, &Outcome)> {
    d.decisions
        .iter()
        .filter_map(|dec| dec.outcome.as_ref().map(|o| (dec, o)))
        .filter(|(_, o)| after_close(d, o))
        .collect()
}

/// An outcome in Markdown: its reason may hold several lines.
fn markdown_outcome(lang: Lang, o: &Outcome) -> String {
    let mut o = o.clone();
    o.reason = o.reason.as_deref().map(markdown_block);
    tr!(lang, outcome::summary(&o))
}

/// `Rekomendasi #1 — NIP nama: <outcome> (dicatat <when>, <who>)`.
fn annex_line(p: &Paper, l: &MinutesLabels, dec: &Decision, summary: &str, o: &Outcome) -> String {
    format!(
        "{} #{} — {} {}: {summary} ({} {}, {})",
        l.decision,
        dec.id,
        dec.nip,
        dec.nama.as_deref().unwrap_or(""),
        tr!(p.lang, outcome::RECORDED),
        format::time(p.zone, &o.recorded_at),
        o.actor
    )
}

/// One row per decision version.
pub fn csv(d: &SessionDetail) -> std::io::Result<Vec<u8>> {
    let d = &scrubbed(d, text::visible, text::visible);
    let header: Vec<String> = [
        "session_id",
        "session_title",
        "session_date",
        "decision_id",
        "version",
        "supersedes",
        "superseded_by",
        "nip",
        "nama",
        "kind",
        "kode_jabatan",
        "nama_jabatan",
        "reason",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "recused",
        "kotak",
        "kinerja",
        "potensi",
        "decided_at",
        "actor",
        "outcome_status",
        "outcome_sk",
        "outcome_tanggal",
        "outcome_reason",
        "outcome_recorded_at",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = d.decisions.iter().map(|dec| {
        let snap = &dec.snapshot;
        vec![
            d.session.id.to_string(),
            d.session.title.clone(),
            d.session.date.clone(),
            dec.id.to_string(),
            dec.version.to_string(),
            opt(dec.supersedes.map(|x| x.to_string())),
            opt(dec.superseded_by.map(|x| x.to_string())),
            dec.nip.clone(),
            opt(dec.nama.clone()),
            dec.kind.clone(),
            opt(dec.kode_jabatan.clone()),
            opt(dec.nama_jabatan.clone()),
            dec.reason.clone(),
            opt(dec.votes.map(|v| v.for_.to_string())),
            opt(dec.votes.map(|v| v.against.to_string())),
            opt(dec.votes.map(|v| v.abstain.to_string())),
            d.recused_for(&dec.nip).join("; "),
            opt(snap
                .get("kotak")
                .and_then(Value::as_u64)
                .map(|k| k.to_string())),
            opt(snap
                .get("kinerja")
                .and_then(Value::as_str)
                .map(|v| text::visible(v).into_owned())),
            opt(snap
                .get("potensi")
                .and_then(Value::as_str)
                .map(|v| text::visible(v).into_owned())),
            dec.decided_at.clone(),
            dec.actor.clone(),
            opt(dec.outcome.as_ref().map(|o| o.status.clone())),
            opt(dec.outcome.as_ref().and_then(|o| o.sk.clone())),
            opt(dec.outcome.as_ref().and_then(|o| o.tanggal.clone())),
            opt(dec.outcome.as_ref().and_then(|o| o.reason.clone())),
            opt(dec.outcome.as_ref().map(|o| o.recorded_at.clone())),
        ]
        .into_iter()
        .map(|c| safe_cell(&c))
        .collect::<Vec<String>>()
    });
    let mut buf = Vec::new();
    write_csv(&mut buf, &header, rows)?;
    calibration::csv(d, &mut buf)?;
    succession::csv(d, &mut buf)?;
    Ok(buf)
}

/// The whole session detail as one JSON object; the values exact, any
/// control or bidi character as a JSON escape.
pub fn json(d: &SessionDetail, p: &Paper) -> String {
    let mut v = serde_json::to_value(d).unwrap_or_default();
    if let Value::Object(o) = &mut v {
        o.insert("document".into(), document_json(d, p));
    }
    let s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    let mut s = text::guard(&s).into_owned();
    s.push('\n');
    s
}

/// What the paper adds to the record, for other systems: the number, the
/// agency, the opening and closing text, the place and date, the PPK, the
/// zone, and the closing time in ISO form with the zone's offset.
fn document_json(d: &SessionDetail, p: &Paper) -> Value {
    let a = p.agency;
    serde_json::json!({
        "number": number(d, p),
        "agency": a.name,
        "letterhead": letterhead_lines(p),
        "city": a.city,
        "zone": p.zone.name(),
        "opening": opening(d, p),
        "closing": tr!(p.lang, minutes::CLOSING),
        "place_date": place_date(d, p),
        "closed_at": closed_at(d).map(|t| format::time_iso(p.zone, t)),
        "ppk": {"name": a.ppk_name, "nip": a.ppk_nip, "title": a.ppk_title},
        "draft": !d.is_closed(),
    })
}

/// A printable Word document to sign and file (see `docx`).
pub fn docx(d: &SessionDetail, p: &Paper) -> Result<Vec<u8>, String> {
    docx::build(d, p)
}
