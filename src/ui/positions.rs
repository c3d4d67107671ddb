//! The positions screen (vacant and retiring first, with required levels),
//! the shortlist of one position (JPM, bands, gaps, box; follows the filter)
//! and the side-by-side comparison of the marked candidates.

use super::text::{fill_line, fit, message, put, width};
use super::Theme;
use crate::app::App;
use crate::domain::nine_box::is_talent_pool;
use crate::domain::position::Group;
use crate::present::{columns, compare_rows, gaps_text, jpm_text, requirement_digits};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const MARKER: u16 = 2;

/// A column: its header, a minimum width and a share of the spare width
/// (0 = fixed at the minimum). Columns are dropped from the end when narrow.
struct Col {
    header: String,
    min: u16,
    share: u16,
}

fn widths(cols: &[Col], total: u16) -> Vec<u16> {
    let mut n = cols.len();
    let need = |n: usize| MARKER + cols[..n].iter().map(|c| c.min + 1).sum::<u16>();
    while n > 1 && need(n) > total {
        n -= 1;
    }
    let spare = total.saturating_sub(need(n));
    let shares: u16 = cols[..n].iter().map(|c| c.share).sum();
    let mut given = 0;
    let last_flex = cols[..n].iter().rposition(|c| c.share > 0);
    cols[..n]
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.share == 0 || shares == 0 {
                return c.min;
            }
            let extra = if Some(i) == last_flex {
                spare - given
            } else {
                spare * c.share / shares
            };
            given += extra;
            c.min + extra
        })
        .collect()
}

fn header_line(buf: &mut Buffer, area: Rect, y: u16, cols: &[Col], w: &[u16], theme: &Theme) {
    fill_line(buf, area, y, theme.header);
    let mut x = area.x + MARKER;
    for (c, cw) in cols.iter().zip(w) {
        put(
            buf,
            area,
            x,
            y,
            &fit(&c.header, *cw as usize),
            *cw as usize,
            theme.header,
        );
        x = x.saturating_add(cw + 1);
    }
}

/// One row: the marker, then the cells with their styles.
#[allow(clippy::too_many_arguments)]
fn row_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    marker: &str,
    cells: &[(String, Style)],
    w: &[u16],
    selected: bool,
    theme: &Theme,
) {
    let base = if selected {
        fill_line(buf, area, y, theme.selected);
        theme.selected
    } else {
        Style::new()
    };
    put(buf, area, area.x, y, marker, MARKER as usize, base);
    let mut x = area.x + MARKER;
    for ((text, style), cw) in cells.iter().zip(w) {
        let style = if selected {
            base.patch(*style).patch(theme.selected)
        } else {
            *style
        };
        put(
            buf,
            area,
            x,
            y,
            &fit(text, *cw as usize),
            *cw as usize,
            style,
        );
        x = x.saturating_add(cw + 1);
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub fn draw_positions(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let Some(ps) = app.positions.as_ref().filter(|p| !p.is_empty()) else {
        message(buf, area, tr!(lang, positions::NO_POSITIONS), theme.muted);
        return;
    };
    let h: &[&str] = tr!(lang, positions::POSITIONS_HEADER);
    let cols = [
        Col {
            header: h[0].into(),
            min: 14,
            share: 0,
        },
        Col {
            header: h[1].into(),
            min: 16,
            share: 3,
        },
        Col {
            header: h[4].into(),
            min: 12,
            share: 0,
        },
        Col {
            header: h[7].into(),
            min: 17,
            share: 0,
        },
        Col {
            header: h[5].into(),
            min: 12,
            share: 2,
        },
        Col {
            header: h[6].into(),
            min: 10,
            share: 0,
        },
        Col {
            header: h[2].into(),
            min: 13,
            share: 0,
        },
        Col {
            header: h[3].into(),
            min: 12,
            share: 2,
        },
    ];
    let w = widths(&cols, area.width);
    header_line(buf, area, area.y, &cols, &w, theme);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let page = body.height as usize;
    let cur = &app.position_cursor;
    cur.page.set(page.max(1));
    let rows = &app.position_rows.rows;
    cur.offset
        .set(cur.offset.get().min(rows.len().saturating_sub(page)));
    cur.follow();
    let offset = cur.offset.get();
    for (i, (pi, group, retire, holder)) in rows.iter().enumerate().skip(offset).take(page) {
        let Some(p) = ps.get(*pi) else { continue };
        let group_style = match group {
            Group::Vacant => theme.warn,
            Group::Retiring => theme.talent,
            Group::Filled => theme.muted,
        };
        let dash = || ("-".to_string(), theme.muted);
        let cells = [
            (p.kode.clone(), Style::new()),
            (p.nama.clone(), Style::new()),
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
        let selected = i == cur.cursor;
        let y = body.y + (i - offset) as u16;
        row_line(
            buf,
            body,
            y,
            if selected { "▶ " } else { "  " },
            &cells,
            &w,
            selected,
            theme,
        );
    }
}

pub fn draw_shortlist(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let (Some(pool), Some(s)) = (app.pool(), app.shortlist.as_ref()) else {
        return;
    };
    let Some(p) = app.position(s.position) else {
        return;
    };
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
    let x = put(
        buf,
        area,
        x,
        area.y,
        &format!("{} [{}] · {}", p.nama, p.tingkat.label(), p.unit),
        aw,
        Style::new(),
    );
    let _ = x;
    if area.height > 1 {
        put(
            buf,
            area,
            area.x,
            area.y + 1,
            &format!(
                "{}: {}  · {}",
                tr!(lang, positions::REQUIRED),
                requirement_digits(p),
                tr!(lang, positions::SHORTLIST_HINT)
            ),
            aw,
            theme.muted,
        );
    }
    let h: &[&str] = tr!(lang, positions::SHORTLIST_HEADER);
    let cols = [
        Col {
            header: h[0].into(),
            min: 3,
            share: 0,
        },
        Col {
            header: h[2].into(),
            min: 14,
            share: 3,
        },
        Col {
            header: h[5].into(),
            min: 5,
            share: 0,
        },
        Col {
            header: h[6].into(),
            min: 7,
            share: 0,
        },
        Col {
            header: h[7].into(),
            min: 4,
            share: 0,
        },
        Col {
            header: h[8].into(),
            min: 14,
            share: 0,
        },
        Col {
            header: h[9].into(),
            min: 12,
            share: 3,
        },
        Col {
            header: h[4].into(),
            min: 5,
            share: 0,
        },
        Col {
            header: h[1].into(),
            min: 18,
            share: 0,
        },
        Col {
            header: h[3].into(),
            min: 14,
            share: 2,
        },
    ];
    let top = area.y + 2.min(area.height);
    let table = Rect::new(area.x, top, area.width, area.bottom().saturating_sub(top));
    if table.height == 0 {
        return;
    }
    let w = widths(&cols, table.width);
    header_line(buf, table, table.y, &cols, &w, theme);
    let body = Rect::new(
        table.x,
        table.y + 1,
        table.width,
        table.height.saturating_sub(1),
    );
    let page = body.height as usize;
    s.cursor.page.set(page.max(1));
    if s.rows.is_empty() {
        let text = if s.pending {
            tr!(lang, positions::RANKING)
        } else {
            tr!(lang, positions::NO_ELIGIBLE)
        };
        message(buf, body, text, theme.muted);
        return;
    }
    s.cursor
        .offset
        .set(s.cursor.offset.get().min(s.rows.len().saturating_sub(page)));
    s.cursor.follow();
    let offset = s.cursor.offset.get();
    for (i, (ri, j)) in s.rows.iter().enumerate().skip(offset).take(page) {
        let Some(c) = pool.rows.get(*ri as usize) else {
            continue;
        };
        let talent = c.kotak.is_some_and(is_talent_pool);
        let fill = j.map(|j| pool.rules.jpm.fill(j.percent));
        let map = j.map(|j| pool.rules.jpm.map(j.percent));
        let cells = [
            ((i + 1).to_string(), theme.muted),
            (c.nama.to_string(), Style::new()),
            (
                match c.kotak {
                    Some(b) if talent => format!("{b} ★"),
                    Some(b) => b.to_string(),
                    None => "-".into(),
                },
                if talent { theme.talent } else { Style::new() },
            ),
            (jpm_text(j.as_ref()), theme.header),
            (
                fill.map(|b| b.code()).unwrap_or("-").to_string(),
                match fill {
                    Some(crate::domain::jpm::FillBand::Ms) => theme.ok,
                    Some(crate::domain::jpm::FillBand::Kms) => theme.warn,
                    _ => Style::new(),
                },
            ),
            (
                map.map(|b| b.name()).unwrap_or("-").to_string(),
                Style::new(),
            ),
            (j.as_ref().map(gaps_text).unwrap_or_default(), theme.gap),
            (c.golongan.to_string(), Style::new()),
            (c.nip.to_string(), theme.muted),
            (c.jabatan.text.to_string(), Style::new()),
        ];
        let selected = i == s.cursor.cursor;
        let marked = app.marked.contains(ri);
        let marker = match (selected, marked) {
            (true, true) => "▶✓",
            (true, false) => "▶ ",
            (false, true) => " ✓",
            (false, false) => "  ",
        };
        let y = body.y + (i - offset) as u16;
        row_line(buf, body, y, marker, &cells, &w, selected, theme);
    }
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
    let body = Rect::new(
        area.x,
        area.y + 1.min(area.height),
        area.width,
        area.height.saturating_sub(1),
    );
    let page = body.height as usize;
    let s = &app.compare;
    s.page.set(page.max(1));
    s.max.set(rows.len().saturating_sub(page));
    s.offset.set(s.offset.get().min(s.max.get()));
    let offset = s.offset.get();
    for (i, (label, cells)) in rows.iter().enumerate().skip(offset).take(page) {
        let y = body.y + (i - offset) as u16;
        put(
            buf,
            body,
            body.x,
            y,
            &fit(label, lw as usize),
            lw as usize,
            theme.muted,
        );
        let mut x = body.x + lw + 1;
        for (k, text) in cells.iter().enumerate() {
            let style = if i < 2 {
                theme.header
            } else if text.contains("(-") {
                theme.gap
            } else if cols
                .get(k)
                .is_some_and(|c| c.candidate.kotak.is_some_and(is_talent_pool))
                && i == 6
            {
                theme.talent
            } else {
                Style::new()
            };
            put(buf, body, x, y, &fit(text, cw as usize), cw as usize, style);
            x = x.saturating_add(cw + 1);
        }
    }
}
