//! The candidate table. Only the visible slice of rows is built each frame;
//! on narrow terminals the unit column goes first, then the position, then
//! the smaller columns, and the name shrinks last.

use super::status::arrow;
use super::text::{fill_line, fit, message, put, width};
use super::Theme;
use crate::app::scroll::TableSpot;
use crate::app::sort::Column;
use crate::app::App;
use crate::domain::nine_box::is_talent_pool;
use crate::domain::Candidate;
use crate::strings::Lang;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Width of the row marker (`▶ `).
const MARKER: u16 = 2;
const GAP: u16 = 1;

/// Columns given up first when the terminal is narrow (last kept longest).
const DROP_ORDER: [Column; 7] = [
    Column::Unit,
    Column::Jabatan,
    Column::Golongan,
    Column::Potensi,
    Column::Kinerja,
    Column::Kotak,
    Column::Nip,
];

/// (minimum width, share of the spare width) of the columns that stretch.
fn flex(c: Column) -> Option<(u16, u16)> {
    match c {
        Column::Nama => Some((12, 4)),
        Column::Jabatan => Some((10, 3)),
        Column::Unit => Some((10, 3)),
        _ => None,
    }
}

/// Width of a fixed column: its widest value or its header and sort arrow.
fn fixed_width(c: Column, lang: Lang) -> u16 {
    let value = match c {
        Column::Nip => 18,
        Column::Golongan => 4,
        Column::Kinerja => 2,
        Column::Potensi => [
            crate::domain::Potensi::Rendah,
            crate::domain::Potensi::Menengah,
            crate::domain::Potensi::Tinggi,
        ]
        .iter()
        .map(|p| width(tr!(lang, cli::potensi_name(*p))))
        .max()
        .unwrap_or(0),
        Column::Kotak => 3,
        _ => 0,
    };
    value.max(width(tr!(lang, ui::column(c))) + 1) as u16
}

/// The columns shown at a width, with their widths.
pub fn layout(total: u16, lang: Lang) -> Vec<(Column, u16)> {
    let mut cols: Vec<Column> = Column::ALL.to_vec();
    let need = |cols: &[Column]| -> u16 {
        let gaps = GAP * cols.len().saturating_sub(1) as u16;
        MARKER
            + gaps
            + cols
                .iter()
                .map(|c| {
                    flex(*c)
                        .map(|f| f.0)
                        .unwrap_or_else(|| fixed_width(*c, lang))
                })
                .sum::<u16>()
    };
    let mut drop = DROP_ORDER.iter();
    while need(&cols) > total {
        match drop.next() {
            Some(d) => cols.retain(|c| c != d),
            None => break,
        }
    }
    let spare = total.saturating_sub(need(&cols));
    let shares: u16 = cols.iter().filter_map(|c| flex(*c)).map(|f| f.1).sum();
    let mut given = 0;
    let flexible: Vec<Column> = cols
        .iter()
        .copied()
        .filter(|c| flex(*c).is_some())
        .collect();
    let mut out = Vec::new();
    for c in cols {
        let w = match flex(c) {
            Some((min, share)) => {
                let extra = if Some(&c) == flexible.last() {
                    spare - given
                } else {
                    spare * share / shares.max(1)
                };
                given += extra;
                min + extra
            }
            None => fixed_width(c, lang),
        };
        out.push((c, w));
    }
    // When even the name at its minimum does not fit, it takes what is left.
    let used: u16 = MARKER + out.iter().map(|(_, w)| w + GAP).sum::<u16>();
    if used > total + GAP {
        if let Some(n) = out.iter_mut().find(|(c, _)| *c == Column::Nama) {
            n.1 = n.1.saturating_sub(used - total - GAP);
        }
    }
    out
}

/// The text of one cell.
pub fn cell(c: &Candidate, col: Column, lang: Lang) -> String {
    let dash = || "-".to_string();
    match col {
        Column::Nip => c.nip.to_string(),
        Column::Nama => c.nama.to_string(),
        Column::Jabatan => c.jabatan.text.to_string(),
        Column::Unit => c.unit.text.to_string(),
        Column::Golongan => c.golongan.to_string(),
        Column::Kinerja => c
            .latest_predikat()
            .map(|p| p.code().to_string())
            .unwrap_or_else(dash),
        Column::Potensi => c
            .potensi
            .map(|p| tr!(lang, cli::potensi_name(p)).to_string())
            .unwrap_or_else(dash),
        Column::Kotak => match c.kotak {
            Some(b) if is_talent_pool(b) => format!("{b} ★"),
            Some(b) => b.to_string(),
            None => dash(),
        },
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let Some(pool) = app.pool() else { return };
    if pool.is_empty() {
        message(buf, area, tr!(lang, ui::EMPTY_POOL), theme.muted);
        return;
    }
    let cols = layout(area.width, lang);
    header(buf, area, app, &cols, theme);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let rows = &app.matches.rows;
    let page = body.height as usize;
    app.table.page.set(page.max(1));
    if rows.is_empty() {
        message(buf, body, tr!(lang, ui::NO_MATCHES), theme.muted);
        return;
    }
    let max_offset = rows.len().saturating_sub(page);
    app.table.offset.set(app.table.offset.get().min(max_offset));
    app.table.follow();
    let offset = app.table.offset.get();
    app.table.drawn.set(Some(TableSpot {
        top: body.y,
        bottom: body.bottom().saturating_sub(1),
        offset,
        rows: std::sync::Arc::as_ptr(rows) as usize,
    }));
    for (i, &idx) in rows.iter().enumerate().skip(offset).take(page) {
        let Some(c) = pool.rows.get(idx as usize) else {
            continue;
        };
        let y = body.y + (i - offset) as u16;
        let selected = i == app.table.cursor;
        let recused = app.sessions.is_recused(&c.nip);
        row(buf, body, y, c, (selected, recused), &cols, lang, theme);
    }
}

fn header(buf: &mut Buffer, area: Rect, app: &App, cols: &[(Column, u16)], theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.header);
    let mut x = area.x + MARKER;
    let sort = app.wanted.sort;
    for (col, w) in cols {
        let mut label = tr!(lang, ui::column(*col)).to_string();
        if *col == sort.column {
            label = format!(
                "{}{}",
                fit(&label, (*w as usize).saturating_sub(1)),
                arrow(sort.descending)
            );
        }
        put(
            buf,
            area,
            x,
            area.y,
            &fit(&label, *w as usize),
            *w as usize,
            theme.header,
        );
        x = x.saturating_add(w + GAP);
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    c: &Candidate,
    (selected, recused): (bool, bool),
    cols: &[(Column, u16)],
    lang: Lang,
    theme: &Theme,
) {
    let base = if selected {
        fill_line(buf, area, y, theme.selected);
        theme.selected
    } else {
        ratatui::style::Style::new()
    };
    put(
        buf,
        area,
        area.x,
        y,
        match (selected, recused) {
            (true, false) => "▶ ",
            (true, true) => "▶⊘",
            (false, true) => " ⊘",
            (false, false) => "  ",
        },
        2,
        base,
    );
    let mut x = area.x + MARKER;
    for (col, w) in cols {
        let text = cell(c, *col, lang);
        let style = if *col == Column::Kotak && c.kotak.is_some_and(is_talent_pool) {
            base.patch(theme.talent)
        } else if text == "-" {
            base.patch(theme.muted)
        } else {
            base
        };
        let style = if selected {
            style.patch(theme.selected)
        } else {
            style
        };
        put(
            buf,
            area,
            x,
            y,
            &fit(&text, *w as usize),
            *w as usize,
            style,
        );
        x = x.saturating_add(w + GAP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cols: &[(Column, u16)]) -> Vec<Column> {
        cols.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn wide_shows_all_columns_and_fills_the_width() {
        for lang in [Lang::Id, Lang::En] {
            let cols = layout(120, lang);
            assert_eq!(names(&cols), Column::ALL.to_vec());
            let used: u16 = MARKER + cols.iter().map(|(_, w)| w).sum::<u16>() + 7 * GAP;
            assert_eq!(used, 120);
        }
    }

    #[test]
    fn unit_goes_first_then_position() {
        let at = |w| names(&layout(w, Lang::Id));
        let c80 = at(80);
        assert!(!c80.contains(&Column::Unit));
        assert!(c80.contains(&Column::Jabatan));
        let c60 = at(60);
        assert!(!c60.contains(&Column::Jabatan));
        assert!(c60.contains(&Column::Nama) && c60.contains(&Column::Nip));
        let c20 = at(20);
        assert_eq!(c20, vec![Column::Nama]);
    }

    #[test]
    fn never_wider_than_the_screen() {
        for lang in [Lang::Id, Lang::En] {
            for w in 0..300u16 {
                let cols = layout(w, lang);
                let used: u16 = MARKER + cols.iter().map(|(_, w)| w + GAP).sum::<u16>();
                assert!(used <= w + GAP || w < MARKER + 2, "width {w}: {cols:?}");
            }
        }
    }
}
