//! The succession groups in the minutes: for each position the session is
//! about, its proposed succession group (kelompok rencana suksesi) and the
//! KRS established for the session's year (`store::session::succession`:
//! a closed session's as recorded at its closing). Nothing is added when
//! none of them has a plan or a KRS.

use super::{bold, heading, para, safe_cell, write_csv};
use crate::domain::succession::Readiness;
use crate::domain::text::{self, one_line};
use crate::lang::Lang;
use crate::store::session::succession::{PlanMember, PositionPlan};
use crate::store::session::SessionDetail;
use crate::tr;
use docx_rs::Docx;

/// Stored text passed through `line` (codes, names, SK numbers).
pub(super) fn scrub(d: &mut SessionDetail, line: super::Escape) {
    let l = |s: &String| line(s).into_owned();
    let members = |ms: &mut Vec<PlanMember>| {
        for m in ms {
            (m.nip, m.nama, m.kesiapan) = (l(&m.nip), m.nama.as_ref().map(l), l(&m.kesiapan));
        }
    };
    for p in &mut d.succession {
        (p.kode, p.nama_jabatan) = (l(&p.kode), p.nama_jabatan.as_ref().map(l));
        members(&mut p.rencana);
        if let Some(k) = &mut p.krs {
            (k.sk, k.tanggal) = (l(&k.sk), l(&k.tanggal));
            members(&mut k.anggota);
        }
    }
}

fn readiness(lang: Lang, code: &str) -> String {
    Readiness::parse(code).map_or_else(
        || code.to_string(),
        |r| tr!(lang, positions::readiness(r)).to_string(),
    )
}

/// `1. Nama (NIP), siap sekarang; 2. ...`, or "none".
fn members(lang: Lang, ms: &[PlanMember]) -> String {
    if ms.is_empty() {
        return tr!(lang, krs::MINUTES_NONE).to_string();
    }
    ms.iter()
        .enumerate()
        .map(|(i, m)| {
            format!(
                "{}. {} ({}), {}",
                i + 1,
                m.nama.as_deref().unwrap_or("-"),
                m.nip,
                readiness(lang, &m.kesiapan)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One position: its title line, then the plan and the KRS lines.
fn lines(p: &PositionPlan, lang: Lang, year: Option<i32>) -> (String, [String; 2]) {
    let title = format!("{} — {}", p.kode, p.nama_jabatan.as_deref().unwrap_or("-"));
    let plan = tr!(lang, krs::minutes_plan(&members(lang, &p.rencana)));
    let krs = match (&p.krs, year) {
        (Some(k), _) => tr!(
            lang,
            krs::minutes_krs(k.periode, &k.sk, &k.tanggal, &members(lang, &k.anggota))
        ),
        (None, Some(y)) => tr!(lang, krs::not_established(y)),
        (None, None) => String::new(),
    };
    (title, [plan, krs])
}

fn year(d: &SessionDetail) -> Option<i32> {
    d.session.date.get(..4)?.parse().ok()
}

/// The Markdown section.
pub(super) fn markdown(d: &SessionDetail, lang: Lang) -> String {
    if d.succession.is_empty() {
        return String::new();
    }
    let mut o = format!("## {}\n\n", tr!(lang, krs::MINUTES_HEADING));
    for p in &d.succession {
        let (title, rest) = lines(p, lang, year(d));
        o.push_str(&format!("### {}\n\n", one_line(&title)));
        for l in rest.iter().filter(|l| !l.is_empty()) {
            o.push_str(&format!("- {}\n", one_line(l)));
        }
        o.push('\n');
    }
    o
}

/// A further table of the CSV (after a blank line): one row per plan entry
/// (`rencana`) and KRS member (`krs`).
pub(super) fn csv(d: &SessionDetail, buf: &mut Vec<u8>) -> std::io::Result<()> {
    if d.succession.is_empty() {
        return Ok(());
    }
    let header: Vec<String> = [
        "session_id",
        "kode_jabatan",
        "nama_jabatan",
        "jenis",
        "periode",
        "sk",
        "tanggal_sk",
        "urutan",
        "nip",
        "nama",
        "kesiapan",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows = Vec::new();
    for p in &d.succession {
        let row = |jenis: &str, krs: [String; 3], m: &PlanMember| {
            let [periode, sk, tanggal] = krs;
            [
                d.session.id.to_string(),
                p.kode.clone(),
                p.nama_jabatan.clone().unwrap_or_default(),
                jenis.to_string(),
                periode,
                sk,
                tanggal,
                m.urutan.to_string(),
                m.nip.clone(),
                m.nama.clone().unwrap_or_default(),
                m.kesiapan.clone(),
            ]
            .iter()
            .map(|x| safe_cell(&text::visible(x)))
            .collect::<Vec<String>>()
        };
        for m in &p.rencana {
            rows.push(row("rencana", Default::default(), m));
        }
        if let Some(k) = &p.krs {
            for m in &k.anggota {
                let at = [k.periode.to_string(), k.sk.clone(), k.tanggal.clone()];
                rows.push(row("krs", at, m));
            }
        }
    }
    let end: &[u8] = if buf.ends_with(b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    buf.extend_from_slice(end);
    write_csv(buf, &header, rows.into_iter())
}

/// The Word document's section.
pub(super) fn docx(mut doc: Docx, d: &SessionDetail, lang: Lang) -> Docx {
    if d.succession.is_empty() {
        return doc;
    }
    doc = doc.add_paragraph(heading(tr!(lang, krs::MINUTES_HEADING)));
    for p in &d.succession {
        let (title, rest) = lines(p, lang, year(d));
        doc = doc.add_paragraph(bold(&title));
        for l in rest.iter().filter(|l| !l.is_empty()) {
            doc = doc.add_paragraph(para(l));
        }
    }
    doc
}
