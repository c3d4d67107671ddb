//! The one list behaviour: every list and scrolled text of the committee
//! screen is a [`Scroll`], moved by the list keys (the `List` group of
//! `keymap`, one [`Move`] each) and fitted to the screen by drawing (which
//! knows how many rows fit and writes that back).

use super::keymap::Cmd;
use std::cell::Cell;

/// What a list key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Move {
    /// The move of a list key (`None` for any other command).
    pub fn of(cmd: Cmd) -> Option<Move> {
        Some(match cmd {
            Cmd::Up => Move::Up,
            Cmd::Down => Move::Down,
            Cmd::PageUp => Move::PageUp,
            Cmd::PageDown => Move::PageDown,
            Cmd::Top => Move::Top,
            Cmd::Bottom => Move::Bottom,
            _ => return None,
        })
    }

    /// Where a cursor at `at` of `len` rows goes (`page` rows fit).
    pub fn step(self, at: usize, len: usize, page: usize) -> usize {
        let page = page.max(1) as isize;
        let target = match self {
            Move::Up => at as isize - 1,
            Move::Down => at as isize + 1,
            Move::PageUp => at as isize - page,
            Move::PageDown => at as isize + page,
            Move::Top => 0,
            Move::Bottom => len as isize - 1,
        };
        (target.max(0) as usize).min(len.saturating_sub(1))
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

/// A list with a cursor ([`Scroll::list`]: the table, the positions, the
/// shortlist) or a text that only scrolls ([`Scroll::text`]: profile, help,
/// comparison, session detail). `page`, `max` and `drawn` are written by
/// drawing.
#[derive(Debug)]
pub struct Scroll {
    /// The selected row (a list only).
    pub cursor: usize,
    /// The first row shown.
    pub offset: Cell<usize>,
    /// Rows that fit.
    pub page: Cell<usize>,
    /// The largest first row.
    pub max: Cell<usize>,
    /// Where the rows went in the last frame (`None`: not drawn).
    pub drawn: Cell<Option<TableSpot>>,
    /// A list (the keys move the cursor) or a text (they move the view).
    selects: bool,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll::text()
    }
}

impl Scroll {
    /// A text: the list keys move the view.
    pub fn text() -> Scroll {
        Scroll {
            cursor: 0,
            offset: Cell::new(0),
            page: Cell::new(10),
            max: Cell::new(usize::MAX),
            drawn: Cell::new(None),
            selects: false,
        }
    }

    /// A list: the list keys move the cursor, the view follows it.
    pub fn list() -> Scroll {
        Scroll {
            selects: true,
            ..Scroll::text()
        }
    }

    /// Rows that fit (at least one).
    pub fn page_rows(&self) -> usize {
        self.page.get().max(1)
    }

    /// Apply a list key to a list of `len` rows (a text knows its end from
    /// drawing); false when `cmd` is not a list key.
    pub fn command(&mut self, cmd: Cmd, len: usize) -> bool {
        let Some(m) = Move::of(cmd) else {
            return false;
        };
        if self.selects {
            self.set(m.step(self.cursor, len, self.page_rows()), len);
        } else {
            let max = self.max.get();
            let at = m.step(self.offset.get(), max.saturating_add(1), self.page_rows());
            self.offset.set(at);
        }
        true
    }

    /// Move to row `i` of `len` (clamped) and keep it in view.
    pub fn set(&mut self, i: usize, len: usize) {
        self.cursor = if len == 0 { 0 } else { i.min(len - 1) };
        self.follow();
    }

    /// Move by `delta` rows of `len`.
    pub fn by(&mut self, delta: isize, len: usize) {
        let i = (self.cursor as isize + delta).max(0) as usize;
        self.set(i, len);
    }

    /// The first visible row so that the cursor is on screen.
    pub fn follow(&self) {
        self.reveal(self.cursor, 1);
    }

    /// Bring rows `first..first + count` into view (as much as fits).
    pub fn reveal(&self, first: usize, count: usize) {
        let page = self.page_rows();
        let mut off = self.offset.get();
        if first < off {
            off = first;
        } else if first + count > off + page {
            off = first + count - page;
        }
        self.offset.set(off);
    }

    /// Keep the first row shown within the end written by drawing.
    pub fn clamp(&self) {
        self.offset.set(self.offset.get().min(self.max.get()));
    }

    /// Drawing: `page` rows fit and there are `len`. Clamps the first row
    /// shown (keeping a list's cursor in view) and returns it.
    pub fn fit(&self, page: usize, len: usize) -> usize {
        self.page.set(page.max(1));
        self.max.set(len.saturating_sub(page));
        self.clamp();
        if self.selects {
            self.follow();
        }
        self.offset.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_stays_in_view() {
        let mut t = Scroll::list();
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
    fn list_keys_move_a_list_cursor() {
        let mut t = Scroll::list();
        t.page.set(5);
        assert!(t.command(Cmd::PageDown, 100));
        assert_eq!(t.cursor, 5);
        t.command(Cmd::Bottom, 100);
        assert_eq!((t.cursor, t.offset.get()), (99, 95));
        t.command(Cmd::Top, 100);
        assert_eq!((t.cursor, t.offset.get()), (0, 0));
        t.command(Cmd::Up, 100);
        assert_eq!(t.cursor, 0);
        assert!(!t.command(Cmd::Open, 100));
    }

    #[test]
    fn text_scroll_is_clamped() {
        let mut s = Scroll::text();
        s.max.set(4);
        s.command(Cmd::PageDown, 0);
        assert_eq!(s.offset.get(), 4);
        s.command(Cmd::Up, 0);
        assert_eq!(s.offset.get(), 3);
        s.command(Cmd::PageUp, 0);
        assert_eq!(s.offset.get(), 0);
        s.command(Cmd::Bottom, 0);
        assert_eq!(s.offset.get(), 4);
    }

    #[test]
    fn fitting_clamps_and_follows() {
        let mut t = Scroll::list();
        t.set(50, 100);
        assert_eq!(t.fit(20, 100), 41);
        t.set(29, 30);
        assert_eq!(t.fit(20, 30), 10);
        let s = Scroll::text();
        s.offset.set(40);
        assert_eq!(s.fit(10, 25), 15);
        assert_eq!(s.page_rows(), 10);
    }
}
