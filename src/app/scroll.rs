//! Scroll positions shared between the app (which moves them) and the drawing
//! code (which knows how many lines fit and writes that back).

use std::cell::Cell;

/// A scrolled text (profile, help). `page` and `max` are written by drawing.
#[derive(Debug)]
pub struct Scroll {
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
    pub max: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: Cell::new(0),
            page: Cell::new(10),
            max: Cell::new(usize::MAX),
        }
    }
}

impl Scroll {
    pub fn by(&self, delta: isize) {
        let o = self.offset.get() as isize + delta;
        self.offset.set((o.max(0) as usize).min(self.max.get()));
    }
    pub fn top(&self) {
        self.offset.set(0);
    }
    pub fn bottom(&self) {
        self.offset.set(self.max.get());
    }
    pub fn page(&self) -> isize {
        self.page.get().max(1) as isize
    }
}

/// Where the table's rows were last drawn, written by drawing (the terminal
/// loop turns a change of `offset` alone into a terminal scroll).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSpot {
    /// First and last screen line of the rows.
    pub top: u16,
    pub bottom: u16,
    /// The first row shown.
    pub offset: usize,
    /// Identity of the row list drawn (`Arc::as_ptr` of `Matches::rows`).
    pub rows: usize,
}

/// The table's cursor and the first visible row.
#[derive(Debug)]
pub struct TableCursor {
    pub cursor: usize,
    pub offset: Cell<usize>,
    /// Rows that fit, written by drawing.
    pub page: Cell<usize>,
    /// Where the rows went in the last frame (`None`: not drawn).
    pub drawn: Cell<Option<TableSpot>>,
}

impl Default for TableCursor {
    fn default() -> Self {
        TableCursor {
            cursor: 0,
            offset: Cell::new(0),
            page: Cell::new(10),
            drawn: Cell::new(None),
        }
    }
}

impl TableCursor {
    /// Move to row `i` of `len` (clamped) and keep it in view.
    pub fn set(&mut self, i: usize, len: usize) {
        self.cursor = if len == 0 { 0 } else { i.min(len - 1) };
        self.follow();
    }

    pub fn by(&mut self, delta: isize, len: usize) {
        let i = (self.cursor as isize + delta).max(0) as usize;
        self.set(i, len);
    }

    /// The first visible row so that the cursor is on screen with `page` rows.
    pub fn follow(&self) {
        let page = self.page.get().max(1);
        let mut off = self.offset.get();
        if self.cursor < off {
            off = self.cursor;
        } else if self.cursor >= off + page {
            off = self.cursor + 1 - page;
        }
        self.offset.set(off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_stays_in_view() {
        let mut t = TableCursor::default();
        t.page.set(5);
        t.set(7, 100);
        assert_eq!((t.cursor, t.offset.get()), (7, 3));
        t.by(-5, 100);
        assert_eq!((t.cursor, t.offset.get()), (2, 2));
        t.by(1000, 100);
        assert_eq!((t.cursor, t.offset.get()), (99, 95));
        t.set(3, 0);
        assert_eq!(t.cursor, 0);
    }

    #[test]
    fn scroll_is_clamped() {
        let s = Scroll::default();
        s.max.set(4);
        s.by(10);
        assert_eq!(s.offset.get(), 4);
        s.by(-10);
        assert_eq!(s.offset.get(), 0);
        s.bottom();
        assert_eq!(s.offset.get(), 4);
    }
}
