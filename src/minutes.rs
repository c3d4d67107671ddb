//! The minutes (berita acara) of a committee session: Markdown, CSV, JSON and a
//! printable DOCX. All are drawn from one `SessionDetail`; every decision
//! version appears, amended ones with what amended them, and the audit head
//! hash at closing anchors the signed paper to the database.

use crate::domain::session::DecisionKind;
use crate::lang::Lang;
use crate::present::{safe_cell, write_csv};
use crate::store::session::{Decision, SessionDetail};
use crate::strings::MinutesLabels;
use crate::tr;
use docx_rs::{AlignmentType, Docx, Paragraph, Run, Table, TableCell, TableRow};
use serde_json::Value;

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
pub fn render(d: &SessionDetail, format: MinutesFormat, lang: Lang) -> Result<Vec<u8>, String> {
    Ok(match format {
        MinutesFormat::Md => markdown(d, lang).into_bytes(),
        MinutesFormat::Csv => csv(d).map_err(|e| e.to_string())?,
        MinutesFormat::Json => json(d).into_bytes(),
        MinutesFormat::Docx => docx(d, lang)?,
    })
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
        format!("{}: {}", l.date, s.date),
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

/// The minutes as Markdown.
pub fn markdown(d: &SessionDetail, lang: Lang) -> String {
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
            r.reason
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
        o.push_str(&format!("- {}: {}\n", l.grounds, dec.reason));
        let votes = dec
            .votes
            .map(|v| v.to_string())
            .unwrap_or_else(|| l.votes_none.to_string());
        o.push_str(&format!("- {}: {votes}\n", l.votes));
        o.push_str(&format!(
            "- {}: {}\n",
            l.at_decision,
            snapshot_line(&dec.snapshot)
        ));
        o.push_str(&format!(
            "- {}: {} ({})\n\n",
            l.recorded_by, dec.actor, dec.decided_at
        ));
    }

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
            .map(|r| format!(": {r}"))
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
            m.name
        ));
    }
    o.push_str(&format!("{}\n\n\n{}\n\n", l.ppk, l.sign_line));
    let (head, check) = head_lines(d, l);
    o.push_str(&format!("---\n\n{head}\n"));
    if !check.is_empty() {
        o.push_str(&format!("\n`{check}`\n"));
    }
    o
}

/// One row per decision version.
pub fn csv(d: &SessionDetail) -> std::io::Result<Vec<u8>> {
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
                .map(str::to_string)),
            opt(snap
                .get("potensi")
                .and_then(Value::as_str)
                .map(str::to_string)),
            dec.decided_at.clone(),
            dec.actor.clone(),
        ]
        .into_iter()
        .map(|c| safe_cell(&c))
        .collect::<Vec<String>>()
    });
    let mut buf = Vec::new();
    write_csv(&mut buf, &header, rows)?;
    Ok(buf)
}

/// The whole session detail as one JSON object.
pub fn json(d: &SessionDetail) -> String {
    let mut s = serde_json::to_string_pretty(d).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn para(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

fn bold(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t).bold())
}

fn heading(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t).bold().size(26))
}

/// A printable Word document to sign and file.
pub fn docx(d: &SessionDetail, lang: Lang) -> Result<Vec<u8>, String> {
    let l = labels(lang);
    let mut doc = docx_head(d, lang, l);
    doc = docx_members(doc, d, lang, l);
    doc = docx_agenda(doc, d, l);
    doc = docx_decisions(doc, d, lang, l);
    doc = docx_history(doc, d, lang, l);
    doc = docx_signatures(doc, d, lang, l);
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}

/// The title, session, date, status and quorum.
fn docx_head(d: &SessionDetail, lang: Lang, l: &MinutesLabels) -> Docx {
    let mut doc = Docx::new().add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text(l.title).bold().size(32))
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
        doc = doc.add_paragraph(para(&format!(
            "{}: {}",
            l.at_decision,
            snapshot_line(&dec.snapshot)
        )));
        doc = doc.add_paragraph(para(&format!(
            "{}: {} ({})",
            l.recorded_by, dec.actor, dec.decided_at
        )));
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
