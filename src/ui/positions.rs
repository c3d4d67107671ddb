//! The positions screen (vacant and retiring first, with required levels),
//! the shortlist of one position (JPM, bands, gaps, box; follows the filter)
//! and the side-by-side comparison of the marked candidates.

use super::data_table::{self, Col, DataTable, Row, Shown};
use super::glyphs::Mark;
use super::marks;
use super::text::{fill_line, fit, message, put, skip_cols, width};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::texts::action_name;
use crate::app::{App, Marks};
use crate::domain::eligibility::{self, Outcome};
use crate::domain::jpm::{FillBand, Jpm};
use crate::domain::nine_box::is_talent_pool;
use crate::domain::position::Group;
use crate::domain::{Candidate, Pool, Position};
use crate::present::{
    columns, compare_rows, gaps_text, jpm_text, requirement_digits, ConditionText,
};
use crate::strings::Lang;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Columns from a header list: (index into the headers, minimum width,
/// share of the spare width); on a narrow screen they go from the last.
fn cols(headers: &[&str], spec: &[(usize, u16, u16)]) -> Vec<Col> {
    spec.iter()
        .enumerate()
        .map(|(k, &(h, min, share))| Col {
            drop: k.min(u8::MAX as usize) as u8,
            ..Col::new(headers[h], min, share)
        })
        .collect()
}

/// The area below the first `lines` lines of `area`.
fn below(area: Rect, lines: u16) -> Rect {
    let top = area.y + lines.min(area.height);
    Rect::new(area.x, top, area.width, area.bottom().saturating_sub(top))
}

use crate::strings::format::date;

/// A NIP's width: never cut where it can be helped.
const NIP_WIDTH: u16 = 18;

pub fn draw_positions(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let Some(ps) = app.positions.as_ref().filter(|p| !p.is_empty()) else {
        message(buf, area, tr!(lang, positions::NO_POSITIONS), theme.muted);
        return;
    };
    // The KRS: a summary line above, a column after the status, the
    // selected position's KRS below (positions_krs.rs).
    let krs = super::positions_krs::shown(ps);
    let area = if krs {
        super::positions_krs::summary(buf, area, app, ps, theme);
        let table = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        let last = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
        if let Some(p) = app.selected_position().and_then(|i| ps.get(i)) {
            super::positions_krs::panel(buf, last, app, p, theme);
        }
        below(table, 1)
    } else {
        area
    };
    let v = &app.positions_view;
    let rows = &v.rows.rows;
    let listed: Vec<&Position> = rows.iter().filter_map(|r| ps.get(r.0)).collect();
    let cols = position_cols(lang, &listed, rows, krs);
    let table = DataTable::dropping_from_the_end(&cols);
    let shown = table.layout(area.width);
    table.header(buf, area, area.y, &shown, theme);
    let body = below(area, 1);
    let title_w = shown.cols.iter().find(|c| c.0 == 1).map_or(0, |c| c.1);
    let titles = distinct_titles(&listed, title_w as usize);
    let build = |i: usize| {
        let (pi, group, retire, holder) = rows.get(i)?;
        let p = ps.get(*pi)?;
        let group_style = match group {
            Group::Vacant => theme.warn,
            Group::Retiring => theme.talent,
            Group::Filled => theme.muted,
        };
        let dash = || ("-".to_string(), theme.muted);
        let mut cells = vec![
            (p.kode.clone(), Style::new()),
            (titles.get(i).cloned().unwrap_or_default(), Style::new()),
            (tr!(lang, positions::group(*group)).to_string(), group_style),
            (requirement_digits(p), Style::new()),
            holder
                .clone()
                .map(|n| (n, Style::new()))
                .unwrap_or_else(dash),
            retire.map(|d| (date(d), Style::new())).unwrap_or_else(dash),
            (p.tingkat.label().to_string(), Style::new()),
            (p.unit.clone(), Style::new()),
        ];
        if krs {
            cells.insert(3, super::positions_krs::cell(app, p, theme));
        }
        let selected = i == v.cursor.cursor;
        let marker = theme.glyphs.row_marker(selected, Mark::None);
        Some(Row {
            marker: marker.to_string(),
            cells,
            selected,
        })
    };
    data_table::rows(buf, body, &shown, &v.cursor, rows.len(), build, theme);
}

type PositionRow = (usize, Group, Option<chrono::NaiveDate>, Option<String>);

/// The positions screen's columns, in cell order (code, title, status,
/// required, [KRS], holder, retires, tier, unit). Codes are never cut (the
/// column is as wide as the longest) and the title takes the width that is
/// left; on a narrow screen the tier goes first, then the retirement date,
/// the unit, the holder, the KRS, the requirement and the status.
fn position_cols(lang: Lang, listed: &[&Position], rows: &[PositionRow], krs: bool) -> Vec<Col> {
    let h: &[&str] = tr!(lang, positions::POSITIONS_HEADER);
    let widest = |texts: &mut dyn Iterator<Item = usize>, header: &str| {
        texts.max().unwrap_or(0).max(width(header)) as u16
    };
    let code = widest(&mut listed.iter().map(|p| width(&p.kode)), h[0]);
    let title = widest(&mut listed.iter().map(|p| width(&p.nama)), h[1]);
    let unit = widest(&mut listed.iter().map(|p| width(&p.unit)), h[3]);
    let status = widest(
        &mut rows.iter().map(|r| width(tr!(lang, positions::group(r.1)))),
        h[4],
    );
    let holder = widest(
        &mut rows.iter().map(|r| r.3.as_deref().map_or(1, width)),
        h[5],
    );
    let tier = widest(&mut listed.iter().map(|p| width(p.tingkat.label())), h[2]);
    let col = |header: &str, min: u16, share: u16, max: u16, drop: u8| Col {
        drop,
        max,
        ..Col::new(header, min, share)
    };
    let mut cols = vec![
        col(h[0], code, 0, 0, 0),
        col(h[1], title.min(26), 6, title, 0),
        col(h[4], status, 0, 0, 2),
        col(h[7], 17, 0, 0, 3),
        col(h[5], holder.min(12), 2, holder, 5),
        col(h[6], 10, 0, 0, 7),
        col(h[2], tier, 0, 0, 8),
        col(h[3], unit.min(12), 2, unit, 6),
    ];
    if krs {
        cols.insert(3, col(tr!(lang, krs::SCREEN_HEADER), 11, 0, 0, 4));
    }
    cols
}

/// Each listed position's title as shown in `w` columns, told apart where
/// the cut would make two rows read the same: a longer title shows its end
/// too (`Kepala Bidang…Anggaran`), a title that is the same shows what
/// differs in its unit.
fn distinct_titles(listed: &[&Position], w: usize) -> Vec<String> {
    let cut: Vec<String> = listed
        .iter()
        .map(|p| fit(&p.nama, w).into_owned())
        .collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in &cut {
        *seen.entry(c.as_str()).or_default() += 1;
    }
    listed
        .iter()
        .zip(&cut)
        .map(|(p, c)| {
            if seen.get(c.as_str()).copied().unwrap_or(0) < 2 {
                return c.clone();
            }
            let twins: Vec<&str> = (listed.iter().zip(&cut))
                .filter(|(q, d)| *d == c && q.kode != p.kode && q.nama == p.nama)
                .map(|(q, _)| q.unit.as_str())
                .collect();
            if twins.is_empty() {
                both_ends(&p.nama, w)
            } else {
                with_unit(&p.nama, &distinct_unit(&p.unit, &twins), w)
            }
        })
        .collect()
}

/// The part of a unit that tells it from the twins' units: after the words
/// they all begin with (`…Bidang Distribusi`), or the whole unit.
fn distinct_unit(unit: &str, twins: &[&str]) -> String {
    let words: Vec<&str> = unit.split_whitespace().collect();
    let common = |other: &str| {
        (words.iter().zip(other.split_whitespace()))
            .take_while(|(a, b)| **a == *b)
            .count()
    };
    let skip = twins.iter().map(|t| common(t)).max().unwrap_or(0);
    if skip == 0 || skip >= words.len() {
        unit.to_string()
    } else {
        format!("…{}", words[skip..].join(" "))
    }
}

/// The start and the end of `s` in `w` columns (`Kepala Bidang…Anggaran`).
fn both_ends(s: &str, w: usize) -> String {
    let sw = width(s);
    if sw <= w {
        return s.to_string();
    }
    let tail = w.saturating_sub(1) / 2;
    let head = fit(s, w - tail);
    format!("{head}{}", skip_cols(s, sw - tail))
}

/// A title and (the telling part of) its unit in `w` columns, the unit
/// given up to half: `Kepala Seksi Distri… · UPTD Balai Be…`.
fn with_unit(title: &str, unit: &str, w: usize) -> String {
    const SEP: &str = " · ";
    let unit = fit(unit, w / 2);
    let tw = w.saturating_sub(width(&unit) + width(SEP));
    format!("{}{SEP}{unit}", fit(title, tw))
}

pub fn draw_shortlist(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let (Some(pool), Some(s)) = (app.pool(), app.shortlist.as_ref()) else {
        return;
    };
    let Some(p) = app.position(s.position) else {
        return;
    };
    let book = app.mark_book();
    let slots = book.slots();
    shortlist_heading(buf, area, p, &legend(lang, slots), lang, theme);
    let h: &[&str] = tr!(lang, positions::SHORTLIST_HEADER);
    let spec = [
        (0, 3, 0),
        (2, 14, 3),
        (5, 5, 0),
        (6, 7, 0),
        (7, 9, 0),
        (8, 14, 0),
        (9, 12, 3),
        (4, 5, 0),
        (1, 18, 0),
        (3, 14, 2),
    ];
    let table_area = below(area, 2);
    if table_area.height == 0 {
        return;
    }
    if app.positions_view.conditions_open {
        let c = app
            .shortlisted_row()
            .and_then(|r| pool.rows.get(r as usize));
        draw_conditions(buf, table_area, app, c.as_slice(), p, theme);
        return;
    }
    let (table_area, keys) = split_keys(table_area);
    if let Some(keys) = keys {
        key_line(buf, keys, app, theme);
    }
    let cols = cols(h, &spec);
    let table = DataTable {
        marker: marks::width(slots, true),
        ..DataTable::dropping_from_the_end(&cols)
    };
    let shown = table.layout(table_area.width);
    table.header(buf, table_area, table_area.y, &shown, theme);
    let body = below(table_area, 1);
    if s.rows.is_empty() {
        let text = if s.pending {
            tr!(lang, positions::RANKING)
        } else {
            tr!(lang, positions::NO_ELIGIBLE)
        };
        data_table::empty(buf, body, &s.cursor, text, theme);
        return;
    }
    let build = |i: usize| {
        let (ri, j) = s.rows.get(i)?;
        let c = pool.rows.get(*ri as usize)?;
        let selected = i == s.cursor.cursor;
        let compared = Some(app.marked.contains(ri));
        Some(Row {
            marker: marks::marker(selected, compared, book.marks(c), slots),
            cells: shortlist_cells(app.lang, i, c, j.as_ref(), pool, theme),
            selected,
        })
    };
    data_table::rows(buf, body, &shown, &s.cursor, s.rows.len(), build, theme);
}

/// The line of keys under the shortlist and the comparison: the screen's
/// own, then the session keys that work there too (from the key map).
fn key_line(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let own = app.context();
    let k = |ctx: Context, cmd: Cmd| app.keymap.hint(ctx, cmd).map(|c| c.to_string());
    let mut parts: Vec<(Option<String>, &str)> = Vec::new();
    if own == Context::Compare {
        let both = k(own, Cmd::Left).zip(k(own, Cmd::Right));
        parts.push((
            both.map(|(l, r)| format!("{l}/{r}")),
            tr!(lang, positions::KEY_CHOOSE),
        ));
    }
    // The session keys first: they are the same on every screen.
    for cmd in [Cmd::Decide, Cmd::Discussed, Cmd::Recuse] {
        parts.push((k(Context::Global, cmd), action_name(lang, cmd)));
    }
    let session = tr!(lang, positions::KEY_SESSION);
    parts.push((k(Context::Global, Cmd::Sessions), session));
    if own == Context::Shortlist {
        parts.push((k(own, Cmd::Mark), tr!(lang, positions::KEY_MARK)));
        parts.push((k(own, Cmd::Compare), tr!(lang, positions::KEY_COMPARE)));
    }
    parts.push((k(own, Cmd::Open), tr!(lang, positions::KEY_PROFILE)));
    let conditions = tr!(lang, positions::KEY_CONDITIONS);
    parts.push((k(own, Cmd::Conditions), conditions));
    let text: Vec<String> = parts
        .into_iter()
        .filter_map(|(key, name)| key.map(|key| format!("{key} {name}")))
        .collect();
    fill_line(buf, area, area.y, theme.status);
    let w = area.width as usize;
    let line = format!(" {}", text.join(" · "));
    put(buf, area, area.x, area.y, &fit(&line, w), w, theme.status);
}

/// The legend of the marks that can show now (`⊘ stepped aside · R …`).
fn legend(lang: Lang, slots: Marks) -> String {
    let names = tr!(lang, positions::MARK_NAMES);
    (slots.each().into_iter().zip(marks::GLYPHS).zip(names))
        .filter(|((live, _), _)| *live)
        .map(|((_, g), n)| format!("{g} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The last line of `area` for the key line when the screen is tall enough
/// (and the rest above it).
fn split_keys(area: Rect) -> (Rect, Option<Rect>) {
    if area.height < 6 {
        return (area, None);
    }
    let keys = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let rest = Rect::new(area.x, area.y, area.width, area.height - 1);
    (rest, Some(keys))
}

/// The shortlist's two heading lines: the position, then its requirement
/// and the legend of the marks.
fn shortlist_heading(
    buf: &mut Buffer,
    area: Rect,
    p: &Position,
    legend: &str,
    lang: Lang,
    theme: &Theme,
) {
    let aw = area.width as usize;
    let x = put(
        buf,
        area,
        area.x,
        area.y,
        &format!("{} ", p.kode),
        aw,
        theme.header,
    );
    put(
        buf,
        area,
        x,
        area.y,
        &format!("{} [{}] · {}", p.nama, p.tingkat.label(), p.unit),
        aw,
        Style::new(),
    );
    if area.height > 1 {
        put(
            buf,
            area,
            area.x,
            area.y + 1,
            &if legend.is_empty() {
                format!(
                    "{}: {}",
                    tr!(lang, positions::REQUIRED),
                    requirement_digits(p)
                )
            } else {
                format!(
                    "{}: {}  · {legend}",
                    tr!(lang, positions::REQUIRED),
                    requirement_digits(p)
                )
            },
            aw,
            theme.muted,
        );
    }
}

/// The cells of the shortlist's row `i`, in `SHORTLIST_HEADER`'s spec order.
fn shortlist_cells(
    lang: crate::lang::Lang,
    i: usize,
    c: &Candidate,
    j: Option<&Jpm>,
    pool: &Pool,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let talent = c.kotak.is_some_and(is_talent_pool);
    let fill = j.map(|j| pool.rules.jpm.fill(j.percent));
    let map = j.map(|j| pool.rules.jpm.map(j.percent));
    vec![
        ((i + 1).to_string(), theme.muted),
        // A KRS member carries the mark `K` (ui::marks).
        (
            c.nama.to_string(),
            if c.krs { theme.talent } else { Style::new() },
        ),
        (
            match c.kotak {
                Some(b) if talent => format!("{b} {}", theme.glyphs.star),
                Some(b) => b.to_string(),
                None => "-".into(),
            },
            if talent { theme.talent } else { Style::new() },
        ),
        (jpm_text(lang, j), theme.header),
        (
            fill.map(|b| b.code()).unwrap_or("-").to_string(),
            match fill {
                Some(FillBand::Ms) => theme.ok,
                Some(FillBand::Kms) => theme.warn,
                _ => Style::new(),
            },
        ),
        (
            map.map(|b| b.name()).unwrap_or("-").to_string(),
            Style::new(),
        ),
        (j.map(gaps_text).unwrap_or_default(), theme.gap),
        (c.golongan.to_string(), Style::new()),
        (c.nip.to_string(), theme.muted),
        (c.jabatan.text.to_string(), Style::new()),
    ]
}

pub fn draw_compare(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let Some(pool) = app.pool() else { return };
    let cs = app.marked_candidates();
    let pos = app
        .shortlist
        .as_ref()
        .and_then(|s| app.position(s.position));
    let cols = columns(pool, &cs, pos);
    let rows = compare_rows(lang, pool, &cols, pos);
    let lw = rows
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(24) as u16;
    let n = cols.len().max(1) as u16;
    // The labels give way (down to 10) so that a whole NIP fits each column.
    let nip_room = n * (NIP_WIDTH + 1) + 1;
    let lw = lw.min(area.width.saturating_sub(nip_room).max(10));
    let cw = (area.width.saturating_sub(lw + 1) / n)
        .saturating_sub(1)
        .max(1);
    // The heading: the position compared against.
    let title = match pos {
        Some(p) => format!("{} · {}", tr!(lang, positions::against(&p.kode)), p.nama),
        None => String::new(),
    };
    put(
        buf,
        area,
        area.x,
        area.y,
        &title,
        area.width as usize,
        theme.header,
    );
    // A label column, then one column per candidate; no marker, no cursor.
    let shown = Shown {
        marker: 0,
        cols: std::iter::once((0, lw))
            .chain((1..=rows.iter().map(|r| r.1.len()).max().unwrap_or(0)).map(|k| (k, cw)))
            .collect(),
    };
    let talent = |k: usize| {
        cols.get(k)
            .is_some_and(|c| c.candidate.kotak.is_some_and(is_talent_pool))
    };
    // The selected candidate (the candidate actions' and Enter's) is
    // highlighted; each name carries the candidate's marks (ui::marks).
    let book = app.mark_book();
    let chosen = app.positions_view.compare_col;
    let build = |i: usize| {
        let (label, cells) = rows.get(i)?;
        let cells = std::iter::once((label.clone(), theme.muted))
            .chain(cells.iter().enumerate().map(|(k, text)| {
                let text = match cs.get(k).map(|c| marks::compact(book.marks(c))) {
                    Some(m) if i == 0 && !m.is_empty() => format!("{m} {text}"),
                    _ => text.clone(),
                };
                let style = if i < 2 && k == chosen {
                    theme.selected
                } else if i < 2 {
                    theme.header
                } else if text.contains("(-") {
                    theme.gap
                } else if talent(k) && i == 6 {
                    theme.talent
                } else {
                    Style::new()
                };
                (text, style)
            }))
            .collect();
        Some(Row {
            marker: String::new(),
            cells,
            selected: false,
        })
    };
    let body = below(area, 1);
    if let (true, Some(p)) = (app.positions_view.conditions_open, pos) {
        draw_conditions(buf, body, app, &cs, p, theme);
        return;
    }
    let (body, keys) = split_keys(body);
    if let Some(keys) = keys {
        key_line(buf, keys, app, theme);
    }
    let compare = &app.positions_view.compare;
    data_table::rows(buf, body, &shown, compare, rows.len(), build, theme);
}

/// The conditions panel: for each candidate, every eligibility condition for
/// `pos` with ✓ met / ✗ not met / ? unknown, the value seen against the one
/// required, and its article (a scrolled text).
fn draw_conditions(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    people: &[&Candidate],
    pos: &Position,
    theme: &Theme,
) {
    let lang = app.lang;
    let Some(pool) = app.pool() else { return };
    // Wide enough for the requirement and the article on one line.
    let wide = area.width >= 110;
    let mut lines: Vec<(String, Style)> = vec![(
        tr!(lang, positions::CONDITIONS_HINT).to_string(),
        theme.muted,
    )];
    for c in people {
        let conditions = eligibility::conditions(c, pos, &pool.rules, pool.as_of);
        let failed = conditions.iter().filter(|x| !x.is_met()).count();
        lines.push((String::new(), Style::new()));
        lines.push((
            tr!(lang, positions::conditions_heading(&c.nama, &c.nip, failed)),
            theme.header,
        ));
        for cond in &conditions {
            let t = ConditionText::new(lang, cond);
            let style = match cond.outcome {
                Outcome::Met => theme.ok,
                Outcome::NotMet => theme.gap,
                Outcome::Unknown => theme.warn,
            };
            // A value of "-" (the holder test) is not shown.
            let shown = |v: &str| (v != "-").then(|| v.to_string());
            let head = match shown(&t.seen) {
                Some(seen) => format!("{} {}: {seen}", t.mark(), t.what),
                None => format!("{} {}", t.mark(), t.what),
            };
            lines.push((head, style));
            let required =
                shown(&t.required).map(|r| format!("    {}: {r}", tr!(lang, positions::REQUIRED)));
            match required {
                Some(r) if wide => lines.push((format!("{r} · {}", t.dasar), theme.muted)),
                Some(r) => {
                    lines.push((r, theme.muted));
                    lines.push((format!("    {}", t.dasar), theme.muted));
                }
                None => lines.push((format!("    {}", t.dasar), theme.muted)),
            }
        }
    }
    let shown = Shown {
        marker: 0,
        cols: vec![(0, area.width)],
    };
    let build = |i: usize| {
        let (text, style) = lines.get(i)?;
        Some(Row {
            marker: String::new(),
            cells: vec![(text.clone(), *style)],
            selected: false,
        })
    };
    let scroll = &app.positions_view.conditions;
    data_table::rows(buf, area, &shown, scroll, lines.len(), build, theme);
}
