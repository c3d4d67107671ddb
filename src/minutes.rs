//! The minutes (berita acara) of a committee session: Markdown, CSV, JSON and a
//! printable DOCX. All are drawn from one `SessionDetail`; every decision
//! version appears, amended ones with what amended them, and the audit head
//! hash at closing anchors the signed paper to the database.

use crate::domain::session::DecisionKind;
use crate::domain::vote::Subject;

mod calibration;
mod succession;
use crate::domain::text::{self, markdown_block, markdown_line};
use crate::lang::Lang;
use crate::present::{safe_cell, write_csv};
use crate::store::session::outcome::Outcome;
use crate::store::session::{Decision, SessionDetail};
use crate::strings::MinutesLabels;
use crate::tr;
use docx_rs::{AlignmentType, Docx, Paragraph, Run, Table, TableCell, TableRow};
use serde_json::Value;
use std::path::{Path, PathBuf};

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
pub fn render(d: &SessionDetail, format: MinutesFormat, lang: Lang) -> Result<Vec<u8>, String> {
    Ok(match format {
        MinutesFormat::Md => markdown(d, lang).into_bytes(),
        MinutesFormat::Csv => csv(d).map_err(|e| e.to_string())?,
        MinutesFormat::Json => json(d).into_bytes(),
        MinutesFormat::Docx => docx(d, lang)?,
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
    d.session.date = l(&d.session.date);
    for x in &mut d.members {
        (x.name, x.role) = (l(&x.name), l(&x.role));
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

/// The database's own files: the file, and SQLite's -wal, -shm and -journal.
fn database_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal"]
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
/// regular file, an existing file only when `overwrite`, and then by
/// replacing it with a new 0600 file (written aside, renamed over it).
pub fn save(path: &Path, bytes: &[u8], overwrite: bool, db: &Path) -> Result<(), SaveError> {
    use std::io::Write;
    let target = resolved(path);
    let db_files = database_files(db);
    if db_files.contains(&target) {
        return Err(SaveError::Database);
    }
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => return Err(SaveError::NotRegular),
        Ok(m) if db_files.iter().any(|f| same_file(&m, f)) => return Err(SaveError::Database),
        Ok(_) if !overwrite => return Err(SaveError::Exists),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut f = create_new(path)?;
            return Ok(f.write_all(bytes).and_then(|_| f.sync_all())?);
        }
        Err(e) => return Err(e.into()),
    }
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
    match written.and_then(|_| std::fs::rename(&aside, &target)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&aside);
            Err(e.into())
        }
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

/// The candidate's values stored with the decision, as one line.
fn snapshot_line(s: &Value) -> String {
    let mut parts = Vec::new();
    if let Some(k) = s.get("kotak").and_then(Value::as_u64) {
        parts.push(format!("kotak {k}"));
    }
    if let Some(p) = s.get("kinerja").and_then(Value::as_str) {
        parts.push(format!("kinerja {p}"));
    }
    if let Some(p) = s.get("potensi").and_then(Value::as_str) {
        parts.push(format!("potensi {p}"));
    }
    if let Some(g) = s.get("golongan").and_then(Value::as_str) {
        parts.push(format!("golongan {g}"));
    }
    if let Some(levels) = s.get("kompetensi").and_then(Value::as_object) {
        if !levels.is_empty() {
            let l: Vec<String> = levels.iter().map(|(k, v)| format!("{k} {v}")).collect();
            parts.push(l.join(", "));
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

/// `label: value` of the session, its date, status and quorum, in that order.
fn facts(d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> [String; 4] {
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
        format!("{}: {}", l.date, crate::strings::format::date_text(&s.date)),
        format!("{}: {}", l.status, tr!(lang, session::status(s.status))),
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

/// The minutes as Markdown: every value one line, grounds of several lines
/// as the item's indented continuation, so no value forges a heading, an
/// item or the closing hash.
pub fn markdown(d: &SessionDetail, lang: Lang) -> String {
    let d = &scrubbed(d, text::one_line, text::visible);
    let l = labels(lang);
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", l.title));
    if !d.is_closed() {
        o.push_str(&format!("**{}**\n\n", l.draft));
    }
    for fact in facts(d, lang, l) {
        o.push_str(&format!("- {fact}\n"));
    }
    o.push('\n');

    o.push_str(&format!("## {}\n\n", l.members));
    if d.members.is_empty() {
        o.push_str(&format!("{}\n", l.none));
    }
    for (i, m) in d.members.iter().enumerate() {
        let att = if m.present { l.present } else { l.absent };
        o.push_str(&format!(
            "{}. {} — {} — {}\n",
            i + 1,
            m.name,
            tr!(lang, session::role_name(&m.role)),
            att
        ));
    }
    o.push('\n');

    o.push_str(&format!("## {}\n\n", l.agenda));
    if d.agenda.is_empty() {
        o.push_str(&format!("{}\n", l.none));
    }
    for (kode, nama) in &d.agenda {
        o.push_str(&format!("- {kode}: {}\n", nama.as_deref().unwrap_or("-")));
    }
    o.push('\n');

    o.push_str(&format!("## {}\n\n", l.recusals));
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
    o.push('\n');

    o.push_str(&format!("## {}\n\n", l.decisions));
    if d.decisions.is_empty() {
        o.push_str(&format!("{}\n\n", l.none));
    }
    for dec in &d.decisions {
        o.push_str(&format!("### {}\n\n", decision_title(dec, l)));
        o.push_str(&format!(
            "- {}: {} — {}\n",
            l.candidate,
            dec.nip,
            dec.nama.as_deref().unwrap_or("")
        ));
        o.push_str(&format!("- {}: {}\n", l.kind, kind_name(lang, &dec.kind)));
        if let Some(k) = &dec.kode_jabatan {
            o.push_str(&format!(
                "- {}: {k} {}\n",
                l.position,
                dec.nama_jabatan.as_deref().unwrap_or("")
            ));
        }
        o.push_str(&format!(
            "- {}: {}\n",
            l.grounds,
            markdown_block(&dec.reason)
        ));
        let votes = dec
            .votes
            .map(|v| v.to_string())
            .unwrap_or_else(|| l.votes_none.to_string());
        o.push_str(&format!("- {}: {votes}\n", l.votes));
        if let Some(n) = crate::present::vote::named_line(lang, d, Subject::Decision, dec.id) {
            o.push_str(&format!("- {n}\n"));
        }
        o.push_str(&format!(
            "- {}: {}\n",
            l.at_decision,
            text::one_line(&snapshot_line(&dec.snapshot))
        ));
        o.push_str(&format!(
            "- {}: {} ({})\n",
            l.recorded_by, dec.actor, dec.decided_at
        ));
        if let Some(out) = dec.outcome.as_ref().filter(|x| !after_close(d, x)) {
            o.push_str(&format!(
                "- {}: {}\n",
                tr!(lang, outcome::OUTCOME),
                markdown_outcome(lang, out)
            ));
        }
        o.push('\n');
    }

    o.push_str(&calibration::markdown(d, lang));
    o.push_str(&succession::markdown(d, lang));

    if !d.discussed.is_empty() {
        o.push_str(&format!(
            "## {}\n\n{}\n\n",
            l.discussed,
            d.discussed.join(", ")
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
            e.at,
            tr!(lang, session::event(&e.kind)),
            e.actor
        ));
    }
    o.push('\n');

    o.push_str(&format!("## {}\n\n", l.signatures));
    for m in d.members.iter().filter(|m| m.present) {
        o.push_str(&format!(
            "{}\n\n\n{}\n{}\n\n",
            tr!(lang, session::role_name(&m.role)),
            l.sign_line,
            markdown_line(&m.name)
        ));
    }
    o.push_str(&format!("{}\n\n\n{}\n\n", l.ppk, l.sign_line));
    let (head, check) = head_lines(d, l);
    o.push_str(&format!("---\n\n{head}\n"));
    if !check.is_empty() {
        o.push_str(&format!("\n`{check}`\n"));
    }
    o.push_str(&markdown_annex(d, lang, l));
    o
}

/// The PPK's outcomes recorded after the close, after the signed minutes.
fn markdown_annex(d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> String {
    let annex = annexed(d);
    if annex.is_empty() {
        return String::new();
    }
    let mut o = format!("\n## {}\n\n", tr!(lang, outcome::ANNEX));
    for (dec, out) in annex {
        let summary = markdown_outcome(lang, out);
        o.push_str(&format!("- {}\n", annex_line(lang, l, dec, &summary, out)));
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
fn annex_line(lang: Lang, l: &MinutesLabels, dec: &Decision, summary: &str, o: &Outcome) -> String {
    format!(
        "{} #{} — {} {}: {summary} ({} {}, {})",
        l.decision,
        dec.id,
        dec.nip,
        dec.nama.as_deref().unwrap_or(""),
        tr!(lang, outcome::RECORDED),
        o.recorded_at,
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
pub fn json(d: &SessionDetail) -> String {
    let s = serde_json::to_string_pretty(d).unwrap_or_else(|_| "{}".into());
    let mut s = text::guard(&s).into_owned();
    s.push('\n');
    s
}

/// Every text of the Word document passes here: XML 1.0 cannot hold a
/// control character, so the document always opens.
fn run(t: &str) -> Run {
    Run::new().add_text(text::xml_safe(t))
}

fn para(t: &str) -> Paragraph {
    Paragraph::new().add_run(run(t))
}

fn bold(t: &str) -> Paragraph {
    Paragraph::new().add_run(run(t).bold())
}

fn heading(t: &str) -> Paragraph {
    Paragraph::new().add_run(run(t).bold().size(26))
}

/// A printable Word document to sign and file.
pub fn docx(d: &SessionDetail, lang: Lang) -> Result<Vec<u8>, String> {
    let l = labels(lang);
    let mut doc = docx_head(d, lang, l);
    doc = docx_members(doc, d, lang, l);
    doc = docx_agenda(doc, d, l);
    doc = docx_decisions(doc, d, lang, l);
    doc = calibration::docx(doc, d, lang);
    doc = succession::docx(doc, d, lang);
    doc = docx_history(doc, d, lang, l);
    doc = docx_signatures(doc, d, lang, l);
    doc = docx_annex(doc, d, lang, l);
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}

/// The title, session, date, status and quorum.
fn docx_head(d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    let mut doc = Docx::new().add_paragraph(
        Paragraph::new()
            .add_run(run(l.title).bold().size(32))
            .align(AlignmentType::Center),
    );
    if !d.is_closed() {
        doc = doc.add_paragraph(bold(l.draft));
    }
    for fact in facts(d, lang, l) {
        doc = doc.add_paragraph(para(&fact));
    }
    doc
}

/// The members and whether each was present, as a table.
fn docx_members(doc: Docx, d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    let doc = doc.add_paragraph(heading(l.members));
    let rows: Vec<TableRow> = d
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            TableRow::new(vec![
                TableCell::new().add_paragraph(para(&(i + 1).to_string())),
                TableCell::new().add_paragraph(para(&m.name)),
                TableCell::new().add_paragraph(para(tr!(lang, session::role_name(&m.role)))),
                TableCell::new().add_paragraph(para(if m.present { l.present } else { l.absent })),
            ])
        })
        .collect();
    if rows.is_empty() {
        doc.add_paragraph(para(l.none))
    } else {
        doc.add_table(Table::new(rows))
    }
}

/// The positions on the agenda and the recusals.
fn docx_agenda(mut doc: Docx, d: &SessionDetail, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.agenda));
    if d.agenda.is_empty() {
        doc = doc.add_paragraph(para(l.none));
    }
    for (kode, nama) in &d.agenda {
        doc = doc.add_paragraph(para(&format!("{kode}: {}", nama.as_deref().unwrap_or("-"))));
    }
    doc = doc.add_paragraph(heading(l.recusals));
    if d.recusals.is_empty() {
        doc = doc.add_paragraph(para(l.none));
    }
    for r in &d.recusals {
        doc = doc.add_paragraph(para(&format!(
            "{} — {} {} — {}",
            r.member,
            r.nip,
            r.nama.as_deref().unwrap_or(""),
            r.reason
        )));
    }
    doc
}

/// Every decision version with its grounds, votes and the values it saw.
fn docx_decisions(mut doc: Docx, d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.decisions));
    if d.decisions.is_empty() {
        doc = doc.add_paragraph(para(l.none));
    }
    for dec in &d.decisions {
        doc = doc.add_paragraph(bold(&decision_title(dec, l)));
        doc = doc.add_paragraph(para(&format!(
            "{}: {} — {}",
            l.candidate,
            dec.nip,
            dec.nama.as_deref().unwrap_or("")
        )));
        doc = doc.add_paragraph(para(&format!("{}: {}", l.kind, kind_name(lang, &dec.kind))));
        if let Some(k) = &dec.kode_jabatan {
            doc = doc.add_paragraph(para(&format!(
                "{}: {k} {}",
                l.position,
                dec.nama_jabatan.as_deref().unwrap_or("")
            )));
        }
        doc = doc.add_paragraph(para(&format!("{}: {}", l.grounds, dec.reason)));
        let votes = dec
            .votes
            .map(|v| v.to_string())
            .unwrap_or_else(|| l.votes_none.to_string());
        doc = doc.add_paragraph(para(&format!("{}: {votes}", l.votes)));
        if let Some(n) = crate::present::vote::named_line(lang, d, Subject::Decision, dec.id) {
            doc = doc.add_paragraph(para(&n));
        }
        doc = doc.add_paragraph(para(&format!(
            "{}: {}",
            l.at_decision,
            snapshot_line(&dec.snapshot)
        )));
        doc = doc.add_paragraph(para(&format!(
            "{}: {} ({})",
            l.recorded_by, dec.actor, dec.decided_at
        )));
        if let Some(o) = dec.outcome.as_ref().filter(|x| !after_close(d, x)) {
            doc = doc.add_paragraph(para(&format!(
                "{}: {}",
                tr!(lang, outcome::OUTCOME),
                tr!(lang, outcome::summary(o))
            )));
        }
    }
    doc
}

/// The PPK's outcomes recorded after the session was closed.
fn docx_annex(mut doc: Docx, d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    let annex = annexed(d);
    if annex.is_empty() {
        return doc;
    }
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(heading(tr!(lang, outcome::ANNEX)));
    for (dec, o) in annex {
        let summary = tr!(lang, outcome::summary(o));
        doc = doc.add_paragraph(para(&annex_line(lang, l, dec, &summary, o)));
    }
    doc
}

/// What happened to the session, in order.
fn docx_history(mut doc: Docx, d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.history));
    for e in &d.events {
        let reason = e
            .reason
            .as_ref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        doc = doc.add_paragraph(para(&format!(
            "{} {} ({}){reason}",
            e.at,
            tr!(lang, session::event(&e.kind)),
            e.actor
        )));
    }
    doc
}

/// A signature box for each present member, the PPK's, and the audit head.
fn docx_signatures(mut doc: Docx, d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.signatures));
    let mut sign_rows = Vec::new();
    let present: Vec<_> = d.members.iter().filter(|m| m.present).collect();
    for pair in present.chunks(2) {
        let cells = pair
            .iter()
            .map(|m| {
                TableCell::new()
                    .add_paragraph(para(tr!(lang, session::role_name(&m.role))))
                    .add_paragraph(para(""))
                    .add_paragraph(para(""))
                    .add_paragraph(para(l.sign_line))
                    .add_paragraph(para(&m.name))
            })
            .collect();
        sign_rows.push(TableRow::new(cells));
    }
    if !sign_rows.is_empty() {
        doc = doc.add_table(Table::new(sign_rows));
    }
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(para(l.ppk))
        .add_paragraph(para(""))
        .add_paragraph(para(""))
        .add_paragraph(para(l.sign_line));
    let (head, check) = head_lines(d, l);
    doc = doc.add_paragraph(para("")).add_paragraph(bold(&head));
    if !check.is_empty() {
        doc = doc.add_paragraph(para(&check));
    }
    doc
}
