//! Drawing the app's state: pure functions of `App` onto a ratatui frame
//! (they only write back how many rows fit, through the scroll cells).
//!
//! Layout tiers by terminal size:
//! - below [`MIN_WIDTH`]×[`MIN_HEIGHT`]: a "too small" message, whatever fits;
//! - compact (lower than [`FULL_HEIGHT`] or narrower than [`FULL_WIDTH`]):
//!   the screen and one bottom line (the prompt, or the count and filter),
//!   a filter error under the prompt;
//! - full: a title bar, the screen, the filter bar (the prompt while typing,
//!   with the error under it) and the status line.

pub mod awaiting;
pub mod data_table;
pub mod form;
pub mod glyphs;
pub mod grid;
pub mod help;
pub mod marks;
pub mod positions;
pub mod positions_krs;
pub mod profile;
pub mod profile_krs;
pub mod profile_session;
pub mod session;
pub mod status;
pub mod table;
pub mod text;
pub mod theme;
pub mod vote;

use crate::app::{App, Load};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::Frame;
pub use theme::{Theme, ThemeName};

pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
pub const FULL_WIDTH: u16 = 40;
pub const FULL_HEIGHT: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    TooSmall,
    Compact,
    Full,
}

pub fn tier(area: Rect) -> Tier {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Tier::TooSmall
    } else if area.width < FULL_WIDTH || area.height < FULL_HEIGHT {
        Tier::Compact
    } else {
        Tier::Full
    }
}

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let cursor = draw_buffer(frame.buffer_mut(), area, app, theme);
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

/// Draw into a buffer; returns where the text cursor goes (an open prompt).
/// With the ASCII symbols, every cell is ASCII (the texts' own `·` and `…`
/// too: [`glyphs::to_ascii`]).
pub fn draw_buffer(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let cursor = draw_tier(buf, area, app, theme);
    if theme.glyphs.ascii {
        glyphs::to_ascii(buf, area);
    }
    cursor
}

fn draw_tier(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let lang = app.lang;
    app.table.drawn.set(None);
    match tier(area) {
        Tier::TooSmall => {
            text::message(
                buf,
                area,
                &tr!(lang, ui::too_small(MIN_WIDTH, MIN_HEIGHT)),
                theme.warn,
            );
            None
        }
        Tier::Compact => {
            let block = status::error_block(app, area.width, 1);
            let error_lines = block.as_ref().map_or(0, |b| b.height());
            let error = Rect::new(area.x, area.bottom() - error_lines, area.width, error_lines);
            let bottom = Rect::new(area.x, error.y - 1, area.width, 1);
            let body = Rect::new(area.x, area.y, area.width, bottom.y - area.y);
            let form_cursor = body_draw(buf, body, app, theme);
            if let Some(b) = &block {
                status::error_draw(buf, error, b, theme);
            }
            if app.prompt.is_some() {
                status::prompt_line(buf, bottom, app, theme)
            } else {
                status::compact_status(buf, bottom, app, theme);
                form_cursor
            }
        }
        Tier::Full => {
            let block = status::error_block(app, area.width, 2);
            let error_lines = block.as_ref().map_or(0, |b| b.height());
            let title = Rect::new(area.x, area.y, area.width, 1);
            let status_area = Rect::new(area.x, area.bottom() - 1, area.width, 1);
            let error = Rect::new(area.x, status_area.y - error_lines, area.width, error_lines);
            let filter_bar = Rect::new(area.x, error.y - 1, area.width, 1);
            let body = Rect::new(
                area.x,
                title.bottom(),
                area.width,
                filter_bar.y - title.bottom(),
            );
            status::title_bar(buf, title, app, theme);
            let form_cursor = body_draw(buf, body, app, theme);
            status::status_line(buf, status_area, app, theme);
            if let Some(b) = &block {
                status::error_draw(buf, error, b, theme);
            }
            if app.prompt.is_some() {
                status::prompt_line(buf, filter_bar, app, theme)
            } else {
                status::filter_bar(buf, filter_bar, app, theme);
                form_cursor
            }
        }
    }
}

/// The screen between the bars, and an open form over it (returns the
/// form's text cursor).
fn body_draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let lang = app.lang;
    match &app.load {
        Load::Loading => text::message(buf, area, tr!(lang, ui::LOADING), theme.muted),
        Load::Failed(e) => text::message(buf, area, &tr!(lang, ui::load_failed(e)), theme.error),
        Load::Ready(_) => match (app.view, &app.profile) {
            (crate::app::View::Profile, Some(p)) => profile::draw(buf, area, app, p, theme),
            (crate::app::View::Grid, _) => grid::draw(buf, area, app, theme),
            (crate::app::View::Positions, _) => positions::draw_positions(buf, area, app, theme),
            (crate::app::View::Shortlist, _) if app.shortlist.is_some() => {
                positions::draw_shortlist(buf, area, app, theme)
            }
            (crate::app::View::Compare, _) => positions::draw_compare(buf, area, app, theme),
            (crate::app::View::Session, _) => match &app.sessions.awaiting {
                Some(list) => awaiting::draw(buf, area, app, list, theme),
                None => session::draw(buf, area, app, theme),
            },
            _ => table::draw(buf, area, app, theme),
        },
    }
    if app.sessions.vote.shown && app.help.is_none() {
        vote::draw(buf, area, app, theme);
    }
    if let Some(scroll) = &app.help {
        help::draw(buf, area, app, scroll, theme);
    }
    app.sessions
        .form
        .as_ref()
        .and_then(|f| form::draw(buf, area, app, f, theme))
}
