//! Fewer bytes per frame: a backend that knows what the terminal shows and can
//! scroll part of it.
//!
//! When the table scrolls by a row, every visible row changes, so ratatui's
//! frame diff rewrites the whole table (~5-6 KB at 120x40, noticeable over
//! SSH). [`ShadowBackend`] keeps a copy of the screen as the terminal has it.
//! Before such a frame the terminal loop asks it to [`scroll`](ShadowBackend::scroll)
//! the table's lines inside a scroll region (VT100 `DECSTBM` with line feeds
//! or reverse index; the copy is shifted the same way), and each frame then
//! writes only the cells that differ from that copy: the one new row and the
//! moved cursor marker.
//!
//! The copy makes this safe whatever the hint: ratatui hands over the cells
//! that changed since its previous frame, the backend applies them to the
//! frame it was last given (`frame`) and sends the difference between that
//! frame and the copy (`screen`). A wrong or useless scroll costs bytes, never
//! a wrong screen. `TALENTA_SCROLL_REGIONS=0` turns scrolling off (for a
//! terminal without scroll regions); the backend then writes what ratatui
//! would.

use crate::app::{App, View};
use crate::ui::{self, Theme};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::Terminal;
use std::io::{self, Write};
use std::sync::Arc;

pub struct ShadowBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// The full frame ratatui last drew.
    frame: Buffer,
    /// What the terminal shows; `None` when unknown (everything is rewritten).
    screen: Option<Buffer>,
    /// Scroll regions allowed.
    scrolling: bool,
    /// A size to report instead of asking the terminal (benchmarks, tests).
    fixed: Option<Size>,
}

impl<W: Write> ShadowBackend<W> {
    pub fn new(writer: W) -> ShadowBackend<W> {
        let scrolling = std::env::var("TALENTA_SCROLL_REGIONS").map_or(true, |v| v.trim() != "0");
        ShadowBackend {
            inner: CrosstermBackend::new(writer),
            frame: Buffer::empty(Rect::ZERO),
            screen: None,
            scrolling,
            fixed: None,
        }
    }

    /// A backend of a fixed size that never asks a terminal (for a writer
    /// that is not one: benchmarks and tests).
    pub fn with_size(writer: W, size: Size) -> ShadowBackend<W> {
        ShadowBackend {
            fixed: Some(size),
            ..ShadowBackend::new(writer)
        }
    }

    /// Report `size` from now on (a remote terminal's window change).
    pub fn set_size(&mut self, size: Size) {
        self.fixed = Some(size);
    }

    /// Allow or forbid scroll regions (tests compare both).
    pub fn set_scrolling(&mut self, on: bool) {
        self.scrolling = on;
    }

    /// Scroll the full-width lines `top..=bottom` by `lines` (positive: the
    /// content moves up and blank lines appear at the bottom; negative: down).
    /// Does nothing when scrolling is off, the screen is unknown, the lines are
    /// outside it or `lines` is not smaller than the region.
    pub fn scroll(&mut self, top: u16, bottom: u16, lines: i32) -> io::Result<()> {
        let Some(screen) = self.screen.as_mut() else {
            return Ok(());
        };
        let area = screen.area;
        let height = i32::from(bottom) - i32::from(top) + 1;
        if !self.scrolling
            || lines == 0
            || bottom >= area.bottom()
            || top < area.y
            || height <= lines.abs()
        {
            return Ok(());
        }
        let w = &mut self.inner;
        // Set the region, then line feeds at its bottom line (up) or reverse
        // index at its top line (down): plain VT100, no SU/SD needed.
        write!(w, "\x1b[{};{}r", top + 1, bottom + 1)?;
        if lines > 0 {
            write!(w, "\x1b[{};1H", bottom + 1)?;
            (0..lines).try_for_each(|_| w.write_all(b"\n"))?;
        } else {
            write!(w, "\x1b[{};1H", top + 1)?;
            (0..-lines).try_for_each(|_| w.write_all(b"\x1bM"))?;
        }
        w.write_all(b"\x1b[r")?;
        shift(screen, top, bottom, lines);
        Ok(())
    }

    /// Make the copies match the terminal's size (a new size: unknown screen).
    fn fit(&mut self) -> io::Result<()> {
        let size = self.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        if self.frame.area != area {
            self.frame = Buffer::empty(area);
            self.screen = None;
        }
        Ok(())
    }
}

/// The scroll that turns the table on screen into the one about to be drawn:
/// the same row list, shown from another first row, on the table screen.
/// (Only a hint: see the module documentation.)
pub fn table_scroll(app: &App) -> Option<(u16, u16, i32)> {
    let spot = app.table.drawn.get()?;
    if app.view != View::Table || app.help.is_some() {
        return None;
    }
    if spot.rows != Arc::as_ptr(&app.matches.rows) as usize {
        return None;
    }
    let delta = app.table.offset.get() as i64 - spot.offset as i64;
    let lines = i32::try_from(delta).ok()?;
    (lines != 0).then_some((spot.top, spot.bottom, lines))
}

/// Draw the app: scroll the table first when only its first row changed.
pub fn draw<W: Write>(
    terminal: &mut Terminal<ShadowBackend<W>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    if let Some((top, bottom, lines)) = table_scroll(app) {
        terminal.backend_mut().scroll(top, bottom, lines)?;
    }
    terminal.draw(|f| ui::draw(f, app, theme))?;
    Ok(())
}

/// Move the lines `top..=bottom` of `b` by `lines` as the terminal does.
fn shift(b: &mut Buffer, top: u16, bottom: u16, lines: i32) {
    let w = b.area.width as usize;
    let row = |y: u16| (y - b.area.y) as usize * w;
    let (top_i, end_i) = (row(top), row(bottom) + w);
    let n = lines.unsigned_abs() as usize * w;
    let region = &mut b.content[top_i..end_i];
    if lines > 0 {
        region.rotate_left(n);
        let len = region.len();
        region[len - n..].fill(Cell::default());
    } else {
        region.rotate_right(n);
        region[..n].fill(Cell::default());
    }
}

impl<W: Write> Write for ShadowBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for ShadowBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.fit()?;
        for (x, y, cell) in content {
            if let Some(c) = self.frame.cell_mut(Position { x, y }) {
                *c = cell.clone();
            }
        }
        match self.screen.take() {
            Some(screen) => self.inner.draw(screen.diff(&self.frame).into_iter())?,
            None => {
                let blank = Buffer::empty(self.frame.area);
                // Unknown screen: clear it, then write everything not blank.
                self.inner.clear()?;
                self.inner.draw(blank.diff(&self.frame).into_iter())?
            }
        }
        self.screen = Some(self.frame.clone());
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()?;
        self.fit()?;
        self.frame = Buffer::empty(self.frame.area);
        self.screen = Some(self.frame.clone());
        Ok(())
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            return self.clear();
        }
        self.inner.clear_region(clear_type)?;
        self.screen = None;
        Ok(())
    }
    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(s) => Ok(s),
            None => self.inner.size(),
        }
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(b: &Buffer) -> Vec<String> {
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn shift_moves_lines_like_the_terminal() {
        let mut b = Buffer::with_lines(["a", "b", "c", "d", "e"]);
        shift(&mut b, 1, 3, 1);
        assert_eq!(lines(&b), ["a", "c", "d", " ", "e"]);
        shift(&mut b, 1, 3, -2);
        assert_eq!(lines(&b), ["a", " ", " ", "c", "e"]);
    }
}
