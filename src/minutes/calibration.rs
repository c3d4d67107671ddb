//! The talent review (calibrations) in the minutes: each calibration with the
//! candidate, the computed box, the agreed box, the grounds and the votes.
//! Nothing is added when the session recorded none.

use super::{bold, heading, markdown_block, para, safe_cell, write_csv, Paper};
use crate::domain::text::{self, one_line};
use crate::domain::vote::Subject;
use crate::lang::Lang;
use crate::store::session::calibration::CalibrationRow;
use crate::store::session::SessionDetail;
use crate::strings::format;
use crate::tr;
use docx_rs::Docx;

/// Stored text passed through `line` (names, codes) or `many` (grounds).
pub(super) fn scrub(d: &mut SessionDetail, line: super::Escape, many: super::Escape) {
    let l = |s: &String| line(s).into_owned();
    for c in &mut d.calibrations {
        (c.nip, c.nama) = (l(&c.nip), c.nama.as_ref().map(l));
        (c.calibrated_at, c.actor) = (l(&c.calibrated_at), l(&c.actor));
        c.reason = many(&c.reason).into_owned();
    }
}

fn boxes(c: &CalibrationRow, lang: Lang) -> String {
    let computed = c
        .kotak_hitung
        .map_or_else(|| "-".to_string(), |k| k.to_string());
    tr!(lang, calibration::moved(&computed, c.kotak))
}

fn votes(c: &CalibrationRow, lang: Lang) -> String {
    c.votes.map_or_else(
        || tr!(lang, calibration::VOTES_NONE).to_string(),
        |v| v.to_string(),
    )
}

/// The lines of one calibration: (label, value).
fn lines(c: &CalibrationRow, p: &Paper) -> Vec<(&'static str, String)> {
    let lang = p.lang;
    let l = tr!(lang, calibration::LABELS);
    let mut out = vec![
        (
            l.candidate,
            format!("{} — {}", c.nip, c.nama.as_deref().unwrap_or("")),
        ),
        (l.boxes, boxes(c, lang)),
        (l.grounds, c.reason.clone()),
        (l.votes, votes(c, lang)),
    ];
    if let Some(p) = c.supersedes {
        out.push((l.supersedes, p.to_string()));
    }
    out.push((
        l.recorded_by,
        format!("{} ({})", c.actor, format::time(p.zone, &c.calibrated_at)),
    ));
    out
}

/// The Markdown section (after the recommendations).
pub(super) fn markdown(d: &SessionDetail, p: &Paper) -> String {
    let lang = p.lang;
    if d.calibrations.is_empty() {
        return String::new();
    }
    let l = tr!(lang, calibration::LABELS);
    let mut o = format!("## {}\n\n", l.heading);
    for c in &d.calibrations {
        o.push_str(&format!("### {} {}\n\n", l.one, c.id));
        for (label, value) in lines(c, p) {
            let value = if label == l.grounds {
                markdown_block(&value)
            } else {
                one_line(&value).into_owned()
            };
            o.push_str(&format!("- {label}: {value}\n"));
        }
        if let Some(n) = crate::present::vote::named_line(lang, d, Subject::Calibration, c.id) {
            o.push_str(&format!("- {n}\n"));
        }
        o.push('\n');
    }
    o
}

/// The CSV's second table (after a blank line), one row per calibration.
pub(super) fn csv(d: &SessionDetail, buf: &mut Vec<u8>) -> std::io::Result<()> {
    if d.calibrations.is_empty() {
        return Ok(());
    }
    let header: Vec<String> = [
        "session_id",
        "calibration_id",
        "supersedes",
        "nip",
        "nama",
        "kotak_hitung",
        "kotak",
        "reason",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "recused",
        "calibrated_at",
        "actor",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = d.calibrations.iter().map(|c| {
        [
            d.session.id.to_string(),
            c.id.to_string(),
            opt(c.supersedes.map(|x| x.to_string())),
            c.nip.clone(),
            opt(c.nama.clone()),
            opt(c.kotak_hitung.map(|k| k.to_string())),
            c.kotak.to_string(),
            c.reason.clone(),
            opt(c.votes.map(|v| v.for_.to_string())),
            opt(c.votes.map(|v| v.against.to_string())),
            opt(c.votes.map(|v| v.abstain.to_string())),
            d.recused_for(&c.nip).join("; "),
            c.calibrated_at.clone(),
            c.actor.clone(),
        ]
        .iter()
        .map(|x| safe_cell(&text::visible(x)))
        .collect::<Vec<String>>()
    });
    let end: &[u8] = if buf.ends_with(b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    buf.extend_from_slice(end);
    write_csv(buf, &header, rows)
}

/// The Word document's section (after the recommendations).
pub(super) fn docx(mut doc: Docx, d: &SessionDetail, p: &Paper) -> Docx {
    let lang = p.lang;
    if d.calibrations.is_empty() {
        return doc;
    }
    let l = tr!(lang, calibration::LABELS);
    doc = doc.add_paragraph(heading(l.heading));
    for c in &d.calibrations {
        doc = doc.add_paragraph(bold(&format!("{} {}", l.one, c.id)));
        for (label, value) in lines(c, p) {
            doc = doc.add_paragraph(para(&format!("{label}: {value}")));
        }
        if let Some(n) = crate::present::vote::named_line(lang, d, Subject::Calibration, c.id) {
            doc = doc.add_paragraph(para(&n));
        }
    }
    doc
}
