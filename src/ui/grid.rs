//! The 9-box grid as domain.md draws it: kinerja up, potensial right, the
//! KemenPANRB numbering. Boxes 7..9 (the talent pool) have double borders and
//! a star; the selected box is reversed and marked. The counts are those of
//! the active filter.

use super::glyphs::Mark;
use super::text::{centred, fit, put, width};
use super::Theme;
use crate::app::App;
use crate::domain::nine_box::{axes_of, is_talent_pool, GRID};
use crate::domain::{Kinerja, Potensi};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};

/// Smallest area for the boxed grid; below it the grid is drawn as text rows.
pub const FULL_MIN: (u16, u16) = (44, 13);

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.width >= FULL_MIN.0 && area.height >= FULL_MIN.1 {
        full(buf, area, app, theme);
    } else {
        compact(buf, area, app, theme);
    }
}

fn percent(n: usize, of: usize) -> String {
    match (n * 100 + of / 2).checked_div(of) {
        Some(p) => format!("{p}%"),
        None => "0%".into(),
    }
}

fn row_label(app: &App, r: usize) -> &'static str {
    let k = Kinerja::ALL[2 - r];
    tr!(app.lang, ui::kinerja_short(k))
}

fn col_label(app: &App, c: usize) -> &'static str {
    tr!(app.lang, cli::potensi_name(Potensi::ALL[c]))
}

fn footer(app: &App) -> String {
    format!(
        "{}: {}  ·  ★ {}  ·  {}",
        tr!(app.lang, ui::NO_BOX),
        app.matches.no_box,
        tr!(app.lang, ui::TALENT_POOL_LEGEND),
        tr!(app.lang, ui::GRID_HINT)
    )
}

/// The talent review's line (moves `from->to ×n`, stale ones), when any.
fn calibration_line(app: &App) -> Option<String> {
    let t = &app.matches.calibration;
    if t.is_empty() {
        return None;
    }
    let moves: Vec<String> = t
        .moves()
        .iter()
        .map(|&(from, to, n)| {
            let from = if from == 0 {
                "-".to_string()
            } else {
                from.to_string()
            };
            format!("{from}->{to} ×{n}")
        })
        .collect();
    Some(tr!(app.lang, calibration::grid_line(&moves, t.stale)))
}

fn full(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let label_w = (0..3).map(|r| width(row_label(app, r))).max().unwrap_or(0) as u16 + 2;
    let cell_w = (area.width - label_w) / 3;
    // A line under the grid for the talent review, when there is one and room.
    let review = calibration_line(app).filter(|_| area.height > FULL_MIN.1);
    let cell_h = (area.height - 4 - u16::from(review.is_some())) / 3;
    let grid_x = area.x + label_w;
    let top = area.y + 1;
    let w = area.width as usize;
    put(
        buf,
        area,
        area.x,
        area.y,
        &format!("{} {}", tr!(lang, ui::KINERJA_AXIS), theme.glyphs.up),
        w,
        theme.header,
    );
    for (r, boxes) in GRID.iter().enumerate() {
        let y = top + r as u16 * cell_h;
        put(
            buf,
            area,
            area.x,
            y + cell_h / 2,
            row_label(app, r),
            label_w as usize - 1,
            theme.header,
        );
        for (c, b) in boxes.iter().enumerate() {
            let cell = Rect::new(grid_x + c as u16 * cell_w, y, cell_w, cell_h);
            box_cell(buf, cell, app, *b, (r, c) == app.grid, theme);
        }
    }
    let labels_y = top + 3 * cell_h;
    for c in 0..3 {
        let cell = Rect::new(grid_x + c as u16 * cell_w, labels_y, cell_w, 1);
        centred(buf, cell, labels_y, col_label(app, c), theme.header);
    }
    let axis = format!("{} {}", tr!(lang, ui::POTENSI_AXIS), theme.glyphs.right);
    let aw = width(&axis) as u16;
    put(
        buf,
        area,
        area.right().saturating_sub(aw),
        labels_y + 1,
        &axis,
        w,
        theme.header,
    );
    let foot = footer(app);
    put(
        buf,
        area,
        area.x,
        labels_y + 1,
        &fit(&foot, (area.width.saturating_sub(aw + 2)) as usize),
        w,
        theme.muted,
    );
    if let Some(line) = review {
        put(
            buf,
            area,
            area.x,
            labels_y + 2,
            &fit(&line, w),
            w,
            theme.warn,
        );
    }
}

fn box_cell(buf: &mut Buffer, cell: Rect, app: &App, b: u8, selected: bool, theme: &Theme) {
    let lang = app.lang;
    let talent = is_talent_pool(b);
    let border_style = if talent { theme.talent } else { theme.muted };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(if talent {
            theme.glyphs.border_talent
        } else {
            theme.glyphs.border
        })
        .border_style(if selected {
            theme.selected
        } else {
            border_style
        });
    let inner = block.inner(cell);
    block.render(cell, buf);
    let base = if selected {
        buf.set_style(inner, theme.selected);
        theme.selected
    } else {
        Style::new()
    };
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let n = app.matches.counts[b as usize - 1];
    let g = theme.glyphs;
    let star = if talent {
        format!(" {}", g.star)
    } else {
        String::new()
    };
    let marker = if selected {
        g.row_marker(true, Mark::None)
    } else {
        ""
    };
    let iw = inner.width as usize;
    let title = format!("{marker}{}{star}", tr!(lang, ui::box_title(b)));
    let count = format!("{n}  ({})", percent(n, app.matches.filtered));
    let title_style = if talent {
        base.patch(theme.talent)
    } else {
        base.patch(theme.header)
    };
    let title_style = if selected {
        title_style.patch(theme.selected)
    } else {
        title_style
    };
    if inner.height == 1 {
        let s = format!("{marker}{b}{star}  {count}");
        put(buf, inner, inner.x, inner.y, &fit(&s, iw), iw, title_style);
        return;
    }
    put(
        buf,
        inner,
        inner.x,
        inner.y,
        &fit(&title, iw),
        iw,
        title_style,
    );
    put(buf, inner, inner.x, inner.y + 1, &fit(&count, iw), iw, base);
    if inner.height >= 3 {
        let (k, p) = axes_of(b).expect("grid boxes are 1..9");
        let axes = format!(
            "{} / {}",
            tr!(lang, ui::kinerja_short(k)),
            tr!(lang, cli::potensi_name(p))
        );
        put(
            buf,
            inner,
            inner.x,
            inner.y + 2,
            &fit(&axes, iw),
            iw,
            base.patch(theme.muted),
        );
        let lines = super::text::wrap(tr!(lang, ui::box_action(b)), iw);
        for (i, l) in lines.iter().take(inner.height as usize - 3).enumerate() {
            put(
                buf,
                inner,
                inner.x,
                inner.y + 3 + i as u16,
                l,
                iw,
                base.patch(theme.muted),
            );
        }
    }
}

/// Text rows for small terminals: `di atas  4:12  ▶7★:3  9★:1`.
fn compact(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let w = area.width as usize;
    let mut y = area.y;
    let rows_needed = 3u16;
    let with_header = area.height > rows_needed;
    if with_header {
        let head = format!(
            "{}{} {}{}",
            tr!(app.lang, ui::KINERJA_AXIS),
            theme.glyphs.up,
            tr!(app.lang, ui::POTENSI_AXIS),
            theme.glyphs.right
        );
        put(buf, area, area.x, y, &fit(&head, w), w, theme.header);
        y += 1;
    }
    let label_w = if area.width >= 34 {
        (0..3).map(|r| width(row_label(app, r))).max().unwrap_or(0) + 1
    } else {
        0
    };
    let cell_w = (w.saturating_sub(label_w) / 3).max(1);
    for (r, boxes) in GRID.iter().enumerate() {
        if y >= area.bottom() {
            return;
        }
        if label_w > 0 {
            put(
                buf,
                area,
                area.x,
                y,
                row_label(app, r),
                label_w,
                theme.header,
            );
        }
        for (c, &b) in boxes.iter().enumerate() {
            let selected = (r, c) == app.grid;
            let star = if is_talent_pool(b) {
                theme.glyphs.star
            } else {
                ""
            };
            let mark = if selected { ">" } else { " " };
            let s = format!("{mark}{b}{star}:{}", app.matches.counts[b as usize - 1]);
            let x = area.x + (label_w + c * cell_w) as u16;
            let style = if selected {
                theme.selected
            } else if is_talent_pool(b) {
                theme.talent
            } else {
                Style::new()
            };
            put(
                buf,
                area,
                x,
                y,
                &fit(&s, cell_w.saturating_sub(1).max(1)),
                cell_w,
                style,
            );
        }
        y += 1;
    }
    if y < area.bottom() {
        let s = format!("{}: {}", tr!(app.lang, ui::NO_BOX), app.matches.no_box);
        put(buf, area, area.x, y, &fit(&s, w), w, theme.muted);
        y += 1;
    }
    if let Some(line) = calibration_line(app).filter(|_| y < area.bottom()) {
        put(buf, area, area.x, y, &fit(&line, w), w, theme.warn);
    }
}
