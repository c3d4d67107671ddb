//! The minutes as a Word document an agency files (the Tata Naskah Dinas form
//! of a berita acara): letterhead (kop surat), title and number, the opening
//! paragraph with the date in words, the record, the closing paragraph, the
//! place-and-date line, the signatures kept together on one page, the PPK's
//! acknowledgement, the audit hash as a verification note; every page with
//! "Halaman X dari Y" in its footer and, for a draft, "RANCANGAN" in its header.

use super::{annex_line, annexed, decision_lines, head_lines, labels, Paper};
use crate::domain::text;
use crate::lang::Lang;
use crate::store::session::SessionDetail;
use crate::strings::format;
use crate::strings::MinutesLabels;
use crate::tr;
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, NumPages, PageNum, Paragraph,
    Pic, Run, Shading, Table, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableRow, WidthType,
};

/// Every text of the Word document passes here: XML 1.0 cannot hold a
/// control character, so the document always opens.
pub(super) fn run(t: &str) -> Run {
    Run::new().add_text(text::xml_safe(t))
}

pub(super) fn para(t: &str) -> Paragraph {
    Paragraph::new().add_run(run(t))
}

pub(super) fn bold(t: &str) -> Paragraph {
    Paragraph::new().add_run(run(t).bold()).keep_next(true)
}

pub(super) fn heading(t: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(t).bold().size(24))
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(200))
}

fn centered(t: &str) -> Paragraph {
    para(t).align(AlignmentType::Center)
}

/// A printable Word document to sign and file.
pub(super) fn build(d: &SessionDetail, p: &Paper) -> Result<Vec<u8>, String> {
    let l = labels(p.lang);
    let mut doc = page_setup(Docx::new(), d, p);
    doc = letterhead(doc, p)?;
    doc = title(doc, d, p, l);
    doc = members(doc, d, p, l);
    doc = agenda(doc, d, l);
    doc = decisions(doc, d, p, l);
    doc = super::calibration::docx(doc, d, p);
    doc = super::succession::docx(doc, d, p.lang);
    if !d.discussed.is_empty() {
        doc = doc
            .add_paragraph(heading(l.discussed))
            .add_paragraph(para(&super::discussed_line(d)));
    }
    doc = history(doc, d, p, l);
    doc = signatures(doc, d, p, l);
    doc = annex(doc, d, p, l);
    let mut xml = doc.build();
    xml.doc_props.core = core_properties(d, p).into_bytes();
    xml.document = repeat_header_rows(&xml.document);
    let mut buf = std::io::Cursor::new(Vec::new());
    xml.pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}

/// A4, the header (the draft mark) and the footer (the page numbers).
fn page_setup(doc: Docx, d: &SessionDetail, p: &Paper) -> Docx {
    let (before, between) = tr!(p.lang, minutes::PAGE);
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run(before).size(18))
            .add_page_num(PageNum::new())
            .add_run(run(between).size(18))
            .add_num_pages(NumPages::new())
            .align(AlignmentType::Center),
    );
    let mut header = Header::new();
    if !d.is_closed() {
        header = header.add_paragraph(
            Paragraph::new()
                .add_run(
                    run(tr!(p.lang, minutes::DRAFT_MARK))
                        .bold()
                        .size(28)
                        .color("C00000"),
                )
                .align(AlignmentType::Right),
        );
    }
    doc.page_size(11906, 16838)
        .default_size(22)
        .header(header)
        .footer(footer)
}

/// The width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(&[137, 80, 78, 71, 13, 10, 26, 10]) || bytes.len() < 24 {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    Some((be(16), be(20))).filter(|(w, h)| *w > 0 && *h > 0)
}

/// The logo as a picture 2 cm high, or why it cannot be one.
fn logo(p: &Paper) -> Result<Option<Pic>, String> {
    let Some(path) = &p.agency.logo else {
        return Ok(None);
    };
    let bytes = std::fs::read(path)
        .map_err(|e| tr!(p.lang, minutes::logo_unreadable(path, &e.to_string())))?;
    let (w, h) =
        png_size(&bytes).ok_or_else(|| tr!(p.lang, minutes::logo_unreadable(path, "PNG?")))?;
    const HEIGHT_EMU: u64 = 720_000;
    let width = (HEIGHT_EMU * u64::from(w) / u64::from(h)).min(2 * HEIGHT_EMU);
    Ok(Some(
        Pic::new_with_dimensions(bytes, w, h).size(width as u32, HEIGHT_EMU as u32),
    ))
}

/// The kop surat: the logo and the letterhead lines above a double rule.
fn letterhead(doc: Docx, p: &Paper) -> Result<Docx, String> {
    let a = p.agency;
    let lines: Vec<&str> = if a.letterhead.is_empty() {
        a.name.iter().map(String::as_str).collect()
    } else {
        a.letterhead.iter().map(String::as_str).collect()
    };
    if lines.is_empty() && a.logo.is_none() {
        return Ok(doc);
    }
    let rule = |c: TableCell| {
        c.set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Bottom)
                    .border_type(BorderType::Double)
                    .size(12),
            ),
        )
    };
    let mut text = TableCell::new().width(7800, WidthType::Dxa);
    for (i, line) in lines.iter().enumerate() {
        let size = if i == 0 {
            30
        } else if i == 1 {
            26
        } else {
            20
        };
        let mut r = run(line).size(size);
        if i < 2 {
            r = r.bold();
        }
        text = text.add_paragraph(Paragraph::new().add_run(r).align(AlignmentType::Center));
    }
    let mut cells = Vec::new();
    if let Some(pic) = logo(p)? {
        cells.push(rule(
            TableCell::new()
                .width(1500, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic))),
        ));
    }
    cells.push(rule(text));
    Ok(doc
        .add_table(Table::without_borders(vec![TableRow::new(cells)]))
        .add_paragraph(para("")))
}

/// The title, the number, the opening paragraph and the session's facts.
fn title(mut doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(
        Paragraph::new()
            .add_run(run(l.title).bold().size(28).underline("single"))
            .align(AlignmentType::Center),
    );
    if let Some(n) = super::number(d, p) {
        doc = doc.add_paragraph(centered(&format!("{}: {n}", tr!(p.lang, minutes::NUMBER))));
    }
    if !d.is_closed() {
        doc = doc.add_paragraph(centered(l.draft).bold());
    }
    doc = doc.add_paragraph(para(""));
    if let Some(o) = super::opening(d, p) {
        doc = doc.add_paragraph(para(&o).align(AlignmentType::Both));
    }
    for fact in super::facts(d, p, l) {
        doc = doc.add_paragraph(para(&fact));
    }
    doc
}

/// The shading of a table's header cells; [`repeat_header_rows`] finds the
/// header rows by it.
const HEADER_FILL: &str = "D9D9D9";

fn header_cell(t: &str) -> TableCell {
    TableCell::new()
        .shading(Shading::new().fill(HEADER_FILL))
        .add_paragraph(Paragraph::new().add_run(run(t).bold()))
}

/// The members and whether each was present, as a table with a header row.
fn members(doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    let lang = p.lang;
    let doc = doc.add_paragraph(heading(l.members));
    if d.members.is_empty() {
        return doc.add_paragraph(para(l.none));
    }
    let head: &[&str; 4] = tr!(lang, &minutes::MEMBERS_HEADER);
    let mut rows = vec![TableRow::new(head.iter().map(|h| header_cell(h)).collect()).cant_split()];
    for (i, m) in d.members.iter().enumerate() {
        rows.push(TableRow::new(vec![
            TableCell::new().add_paragraph(para(&(i + 1).to_string())),
            member_cell(lang, &m.name, m.nip.as_deref()),
            TableCell::new().add_paragraph(para(tr!(lang, session::role_name(&m.role)))),
            TableCell::new().add_paragraph(para(if m.present { l.present } else { l.absent })),
        ]));
    }
    doc.add_table(Table::new(rows).set_grid(vec![700, 4300, 2200, 2000]))
}

/// Marks every header row (its cells shaded [`HEADER_FILL`]) as a row that
/// Word and LibreOffice repeat at the top of each page the table runs onto
/// (`w:tblHeader`, which docx-rs does not write).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let fill = format!("w:fill=\"{HEADER_FILL}\"");
    let mut rows = xml.split("<w:tr>");
    let mut out = rows.next().unwrap_or_default().to_string();
    for row in rows {
        out.push_str("<w:tr>");
        let cells = &row[..row.find("</w:tr>").unwrap_or(row.len())];
        match row.strip_prefix("<w:trPr>") {
            Some(rest) if cells.contains(&fill) => {
                out.push_str("<w:trPr><w:tblHeader />");
                out.push_str(rest);
            }
            None if cells.contains(&fill) => {
                out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
                out.push_str(row);
            }
            _ => out.push_str(row),
        }
    }
    out.into_bytes()
}

/// A member's name, with their NIP below it when known.
fn member_cell(lang: Lang, name: &str, nip: Option<&str>) -> TableCell {
    let cell = TableCell::new().add_paragraph(para(name));
    match nip {
        Some(n) => cell.add_paragraph(para(&format!("{} {n}", tr!(lang, minutes::NIP)))),
        None => cell,
    }
}

/// The positions on the agenda and the recusals.
fn agenda(mut doc: Docx, d: &SessionDetail, l: &MinutesLabels) -> Docx {
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

/// Every recommendation version, numbered, with its lines.
fn decisions(mut doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.decisions));
    if d.decisions.is_empty() {
        doc = doc.add_paragraph(para(l.none));
    }
    for (i, dec) in d.decisions.iter().enumerate() {
        let title = format!("{}. {}", i + 1, super::decision_title(dec, l));
        doc = doc.add_paragraph(bold(&title));
        for line in decision_lines(d, dec, p, l, |o| tr!(p.lang, outcome::summary(o))) {
            doc = doc.add_paragraph(para(&line).indent(Some(360), None, None, None));
        }
    }
    doc
}

/// What happened to the session, in order, in local time.
fn history(mut doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    doc = doc.add_paragraph(heading(l.history));
    for e in &d.events {
        let reason = e
            .reason
            .as_ref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        doc = doc.add_paragraph(para(&format!(
            "{} {} ({}){reason}",
            format::time(p.zone, &e.at),
            tr!(p.lang, session::event(&e.kind)),
            e.actor
        )));
    }
    doc
}

/// One signature block: its heading lines, room to sign, the name, the NIP;
/// every paragraph but the last kept with the next so the block never breaks.
fn signature_cell(heads: &[&str], name: &str, nip: &str) -> TableCell {
    let keep = |p: Paragraph| {
        p.keep_next(true)
            .keep_lines(true)
            .align(AlignmentType::Center)
    };
    // A blank line first: room between a row of blocks and the next.
    let mut cell = TableCell::new()
        .width(4500, WidthType::Dxa)
        .add_paragraph(keep(para("")));
    for h in heads {
        cell = cell.add_paragraph(keep(para(h)));
    }
    for _ in 0..3 {
        cell = cell.add_paragraph(keep(para("")));
    }
    cell.add_paragraph(keep(
        Paragraph::new().add_run(run(name).bold().underline("single")),
    ))
    .add_paragraph(para(nip).align(AlignmentType::Center))
}

/// The closing paragraph, the place and date, a signature block for each
/// present member, the PPK's acknowledgement and the verification note.
fn signatures(mut doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    let lang = p.lang;
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(para(tr!(lang, minutes::CLOSING)).align(AlignmentType::Both))
        .add_paragraph(heading(l.signatures))
        .add_paragraph(
            para(&super::place_date(d, p))
                .align(AlignmentType::Right)
                .keep_next(true),
        );
    let present: Vec<_> = d.members.iter().filter(|m| m.present).collect();
    let mut rows: Vec<TableRow> = present
        .chunks(2)
        .map(|pair| {
            let mut cells: Vec<TableCell> = pair
                .iter()
                .map(|m| {
                    signature_cell(
                        &[tr!(lang, session::role_name(&m.role))],
                        &m.name,
                        &super::signature_nip(lang, m.nip.as_deref()),
                    )
                })
                .collect();
            if cells.len() == 1 {
                cells.push(
                    TableCell::new()
                        .width(4500, WidthType::Dxa)
                        .add_paragraph(para("")),
                );
            }
            TableRow::new(cells).cant_split()
        })
        .collect();
    let a = p.agency;
    let ppk_title = a
        .ppk_title
        .as_deref()
        .unwrap_or(tr!(lang, minutes::PPK_TITLE));
    let ppk_nip = super::signature_nip(lang, a.ppk_nip.as_deref());
    let ppk_name = a.ppk_name.as_deref().unwrap_or(l.sign_line);
    let ppk = signature_cell(
        &[tr!(lang, minutes::KNOWN_BY), ppk_title],
        ppk_name,
        &ppk_nip,
    );
    rows.push(TableRow::new(vec![ppk.width(9000, WidthType::Dxa).grid_span(2)]).cant_split());
    doc = doc.add_table(Table::without_borders(rows).set_grid(vec![4500, 4500]));
    let (head, check) = head_lines(d, l);
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(Paragraph::new().add_run(run(tr!(lang, minutes::VERIFY)).bold().size(18)))
        .add_paragraph(Paragraph::new().add_run(run(&head).size(18)));
    if !check.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().add_run(run(&check).size(18)));
    }
    doc
}

/// The PPK's outcomes recorded after the session was closed.
fn annex(mut doc: Docx, d: &SessionDetail, p: &Paper, l: &MinutesLabels) -> Docx {
    let annex = annexed(d);
    if annex.is_empty() {
        return doc;
    }
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(heading(tr!(p.lang, outcome::ANNEX)));
    for (dec, o) in annex {
        let summary = tr!(p.lang, outcome::summary(o));
        doc = doc.add_paragraph(para(&annex_line(p, l, dec, &summary, o)));
    }
    doc
}

/// The document's properties: its title, the agency as author, created at
/// the closing (a draft: at its latest event).
fn core_properties(d: &SessionDetail, p: &Paper) -> String {
    let esc = |s: &str| {
        text::one_line(&text::xml_safe(s))
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let title = format!("{} — {}", tr!(p.lang, minutes::DOC_TITLE), d.session.title);
    let author = p.agency.name.as_deref().unwrap_or("talenta");
    let created = super::closed_at(d)
        .or_else(|| d.events.last().map(|e| e.at.as_str()))
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
        .unwrap_or_else(|| format!("{}T00:00:00Z", d.session.date));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = esc(&title),
        author = esc(author),
        created = created,
    )
}

#[cfg(test)]
mod tests {
    use super::png_size;

    #[test]
    fn a_png_gives_its_size_and_other_bytes_none() {
        let mut png = vec![
            137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
        ];
        png.extend_from_slice(&200u32.to_be_bytes());
        png.extend_from_slice(&100u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((200, 100)));
        assert_eq!(png_size(b"GIF89a............................"), None);
    }
}
