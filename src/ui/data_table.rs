//! The one table widget, used by the candidate table, the positions, the
//! shortlist and the comparison. As in bottom's data table, only the rows of
//! the visible slice are built each frame, and on a narrow terminal columns
//! are given up by priority (the least needed first).

use super::text::{fill_line, fit, message, put};
use super::Theme;
use crate::app::scroll::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Space between two columns.
pub const GAP: u16 = 1;

/// A column: its header, its minimum width and its share of the spare width
/// (0: fixed at the minimum).
pub struct Col {
    pub header: String,
    pub min: u16,
    pub share: u16,
    /// When it goes on a narrow screen: the highest first, 0 never.
    pub drop: u8,
    /// Takes what is left when even the kept columns do not fit.
    pub shrink: bool,
    /// The most it grows to (0: no limit); what it does not take goes to
    /// the other stretching columns.
    pub max: u16,
}

impl Col {
    pub fn new(header: impl Into<String>, min: u16, share: u16) -> Col {
        Col {
            header: header.into(),
            min,
            share,
            drop: 0,
            shrink: false,
            max: 0,
        }
    }
}

/// The columns of a table and how they are laid out.
pub struct DataTable<'a> {
    pub cols: &'a [Col],
    /// Width of the row marker (`▶ `) before the first column.
    pub marker: u16,
    /// Columns kept free at the right edge.
    pub reserve: u16,
    /// The sorted column and its arrow, shown after its header.
    pub sorted: Option<(usize, &'a str)>,
}

/// The columns shown at a width: (index into the columns, width).
pub struct Shown {
    pub marker: u16,
    pub cols: Vec<(usize, u16)>,
}

/// One row: its marker and a cell (text, style) for every column.
pub struct Row {
    pub marker: String,
    pub cells: Vec<(String, Style)>,
    pub selected: bool,
}

impl DataTable<'_> {
    /// A table whose columns go from the last (the first is always kept),
    /// with one free column at the right edge.
    pub fn dropping_from_the_end(cols: &[Col]) -> DataTable<'_> {
        DataTable {
            cols,
            marker: 2,
            reserve: 1,
            sorted: None,
        }
    }

    /// The width the columns `kept` need at their minimum.
    fn need(&self, kept: &[usize]) -> u16 {
        let gaps = GAP * kept.len().saturating_sub(1) as u16;
        self.marker + self.reserve + gaps + kept.iter().map(|&i| self.cols[i].min).sum::<u16>()
    }

    /// The columns shown in `total` columns of screen, with their widths: the
    /// least needed go until the rest fit, the spare width is shared out.
    pub fn layout(&self, total: u16) -> Shown {
        let mut kept: Vec<usize> = (0..self.cols.len()).collect();
        while self.need(&kept) > total {
            let Some(at) = (0..kept.len())
                .filter(|&k| self.cols[kept[k]].drop > 0)
                .max_by_key(|&k| (self.cols[kept[k]].drop, k))
            else {
                break;
            };
            kept.remove(at);
        }
        let spare = total.saturating_sub(self.need(&kept));
        let widths = self.share_out(&kept, spare);
        let mut cols: Vec<(usize, u16)> = kept.iter().copied().zip(widths).collect();
        let used = self.marker
            + self.reserve
            + GAP * cols.len().saturating_sub(1) as u16
            + cols.iter().map(|(_, w)| w).sum::<u16>();
        if used > total {
            if let Some(c) = cols.iter_mut().find(|(i, _)| self.cols[*i].shrink) {
                c.1 = c.1.saturating_sub(used - total);
            }
        }
        Shown {
            marker: self.marker,
            cols,
        }
    }

    /// The widths of the `kept` columns: each its minimum, and the spare
    /// width shared out by share (the last stretching column takes the
    /// rest); a column at its most gives the rest to the others.
    fn share_out(&self, kept: &[usize], mut spare: u16) -> Vec<u16> {
        let col = |k: usize| &self.cols[kept[k]];
        let mut widths: Vec<u16> = (0..kept.len()).map(|k| col(k).min).collect();
        let mut open: Vec<usize> = (0..kept.len()).filter(|&k| col(k).share > 0).collect();
        while spare > 0 && !open.is_empty() {
            let shares: u16 = open.iter().map(|&k| col(k).share).sum();
            let last = open[open.len() - 1];
            let (mut given, mut capped) = (0, false);
            for &k in &open {
                let c = col(k);
                let mut extra = if k == last {
                    spare - given
                } else {
                    spare * c.share / shares
                };
                if c.max > 0 && widths[k] + extra > c.max {
                    extra = c.max.saturating_sub(widths[k]);
                    capped = true;
                }
                widths[k] += extra;
                given += extra;
            }
            spare -= given;
            open.retain(|&k| col(k).max == 0 || widths[k] < col(k).max);
            if !capped {
                break;
            }
        }
        widths
    }

    /// The header line at `y`.
    pub fn header(&self, buf: &mut Buffer, area: Rect, y: u16, shown: &Shown, theme: &Theme) {
        fill_line(buf, area, y, theme.header);
        let mut x = area.x + shown.marker;
        for &(i, w) in &shown.cols {
            let w = w as usize;
            let label = match self.sorted {
                Some((s, arrow)) if s == i => {
                    format!("{}{arrow}", fit(&self.cols[i].header, w.saturating_sub(1)))
                }
                _ => self.cols[i].header.clone(),
            };
            put(buf, area, x, y, &fit(&label, w), w, theme.header);
            x = x.saturating_add(w as u16 + GAP);
        }
    }
}

/// Draw the visible rows of a list of `len` in `body`: the scroll is fitted
/// to the rows that fit and `row` builds only the rows shown (`None`: a gap).
/// Returns the first row shown.
pub fn rows(
    buf: &mut Buffer,
    body: Rect,
    shown: &Shown,
    scroll: &Scroll,
    len: usize,
    mut row: impl FnMut(usize) -> Option<Row>,
    theme: &Theme,
) -> usize {
    let page = body.height as usize;
    let offset = scroll.fit(page, len);
    for i in offset..len.min(offset + page) {
        if let Some(r) = row(i) {
            let y = body.y + (i - offset) as u16;
            line(buf, body, y, shown, &r, theme);
        }
    }
    offset
}

/// An empty list: the message instead of rows (the scroll still learns how
/// many rows fit).
pub fn empty(buf: &mut Buffer, body: Rect, scroll: &Scroll, text: &str, theme: &Theme) {
    scroll.page.set((body.height as usize).max(1));
    message(buf, body, text, theme.muted);
}

fn line(buf: &mut Buffer, area: Rect, y: u16, shown: &Shown, row: &Row, theme: &Theme) {
    let base = if row.selected {
        fill_line(buf, area, y, theme.selected);
        theme.selected
    } else {
        Style::new()
    };
    if shown.marker > 0 {
        put(
            buf,
            area,
            area.x,
            y,
            &row.marker,
            shown.marker as usize,
            base,
        );
    }
    let mut x = area.x + shown.marker;
    for &(i, w) in &shown.cols {
        let Some((text, style)) = row.cells.get(i) else {
            continue;
        };
        let style = if row.selected {
            base.patch(*style).patch(theme.selected)
        } else {
            *style
        };
        let w = w as usize;
        put(buf, area, x, y, &fit(text, w), w, style);
        x = x.saturating_add(w as u16 + GAP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Col> {
        vec![
            Col::new("kode", 6, 0),
            Col {
                drop: 1,
                ..Col::new("name", 10, 2)
            },
            Col {
                drop: 3,
                ..Col::new("unit", 8, 1)
            },
            Col {
                drop: 2,
                ..Col::new("grade", 4, 0)
            },
        ]
    }

    fn kept(s: &Shown) -> Vec<usize> {
        s.cols.iter().map(|c| c.0).collect()
    }

    #[test]
    fn a_wide_screen_shows_every_column_and_shares_the_spare_width() {
        let cols = cols();
        let t = DataTable::dropping_from_the_end(&cols);
        let s = t.layout(60);
        assert_eq!(kept(&s), vec![0, 1, 2, 3]);
        let used: u16 = s.cols.iter().map(|c| c.1 + GAP).sum::<u16>() + s.marker;
        assert_eq!(used, 60, "the free column at the right edge: {:?}", s.cols);
        assert!(s.cols[1].1 > s.cols[2].1, "the name has the larger share");
    }

    #[test]
    fn a_column_at_its_most_leaves_the_rest_to_the_others() {
        let mut cols = cols();
        cols[1].max = 12;
        let t = DataTable::dropping_from_the_end(&cols);
        let s = t.layout(60);
        assert_eq!(s.cols[1].1, 12);
        let used: u16 = s.cols.iter().map(|c| c.1 + GAP).sum::<u16>() + s.marker;
        assert_eq!(used, 60, "the unit takes the rest: {:?}", s.cols);
    }

    #[test]
    fn narrow_screens_drop_the_least_needed_first_and_keep_the_first() {
        let cols = cols();
        let t = DataTable::dropping_from_the_end(&cols);
        assert_eq!(kept(&t.layout(30)), vec![0, 1, 3]);
        assert_eq!(kept(&t.layout(24)), vec![0, 1]);
        assert_eq!(kept(&t.layout(12)), vec![0]);
        assert_eq!(kept(&t.layout(0)), vec![0]);
    }
}
