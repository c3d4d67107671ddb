//! The candidate table. Only the visible slice of rows is built each frame;
//! on narrow terminals the unit column goes first, then the position, then
//! the smaller columns, and the name shrinks last.

use super::data_table::{self, Col, DataTable, Row};
use super::status::arrow;
use super::text::{message, width};
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
use ratatui::style::Style;

/// Width of the row marker (`▶ `).
const MARKER: u16 = 2;

/// When a column goes on a narrow screen (the highest first; the name stays).
fn drop_rank(c: Column) -> u8 {
    match c {
        Column::Unit => 7,
        Column::Jabatan => 6,
        Column::Golongan => 5,
        Column::Potensi => 4,
        Column::Kinerja => 3,
        Column::Kotak => 2,
        Column::Nip => 1,
        Column::Nama => 0,
    }
}

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
    value.max(width(c.label(lang)) + 1) as u16
}

/// The table's columns, in [`Column::ALL`] order.
fn columns(lang: Lang) -> Vec<Col> {
    Column::ALL
        .iter()
        .map(|&c| {
            let (min, share) = flex(c).unwrap_or_else(|| (fixed_width(c, lang), 0));
            Col {
                drop: drop_rank(c),
                shrink: c == Column::Nama,
                ..Col::new(c.label(lang), min, share)
            }
        })
        .collect()
}

fn table(cols: &[Col]) -> DataTable<'_> {
    DataTable {
        cols,
        marker: MARKER,
        reserve: 0,
        sorted: None,
    }
}

/// The columns shown at a width, with their widths.
pub fn layout(total: u16, lang: Lang) -> Vec<(Column, u16)> {
    let cols = columns(lang);
    let shown = table(&cols).layout(total);
    shown
        .cols
        .into_iter()
        .map(|(i, w)| (Column::ALL[i], w))
        .collect()
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
    let cols = columns(lang);
    let sort = app.wanted.sort;
    let sorted = Column::ALL.iter().position(|c| *c == sort.column);
    // Every candidate list's marks, from one book (app::marks, ui::marks).
    let book = app.mark_book();
    let slots = book.slots();
    let table = DataTable {
        sorted: sorted.map(|i| (i, arrow(sort.descending, theme))),
        marker: super::marks::width(slots, false),
        ..table(&cols)
    };
    let shown = table.layout(area.width);
    table.header(buf, area, area.y, &shown, theme);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let rows = &app.matches.rows;
    if rows.is_empty() {
        data_table::empty(buf, body, &app.table, tr!(lang, ui::NO_MATCHES), theme);
        return;
    }
    let build = |i: usize| {
        let c = pool.rows.get(*rows.get(i)? as usize)?;
        let selected = i == app.table.cursor;
        let marker = super::marks::marker(selected, None, book.marks(c), slots);
        Some(row(c, selected, marker, lang, theme))
    };
    let offset = data_table::rows(buf, body, &shown, &app.table, rows.len(), build, theme);
    app.table.drawn.set(Some(TableSpot {
        top: body.y,
        bottom: body.bottom().saturating_sub(1),
        offset,
        rows: std::sync::Arc::as_ptr(rows) as usize,
    }));
}

/// The row of one candidate: the marker (cursor and marks) and cells.
fn row(c: &Candidate, selected: bool, marker: String, lang: Lang, theme: &Theme) -> Row {
    let cells = Column::ALL
        .iter()
        .map(|&col| {
            let text = cell(c, col, lang);
            let style = if col == Column::Kotak && c.kotak.is_some_and(is_talent_pool) {
                theme.talent
            } else if text == "-" {
                theme.muted
            } else {
                Style::new()
            };
            (text, style)
        })
        .collect();
    Row {
        marker,
        cells,
        selected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::data_table::GAP;

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
