//! The lines around the screen: title bar, filter bar or prompt, the filter
//! error with its caret, the status line.

use super::text::{fill_line, fit, put, skip_cols, width};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::{App, Crumb, PromptKind, View};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

pub fn arrow(descending: bool, theme: &Theme) -> &'static str {
    if descending {
        theme.glyphs.desc
    } else {
        theme.glyphs.asc
    }
}

pub fn title_bar(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.title);
    let w = area.width as usize;
    let mut x = put(
        buf,
        area,
        area.x,
        area.y,
        &format!(" {} ", tr!(lang, ui::APP)),
        w,
        theme.title,
    );
    for (_, label, active) in breadcrumb(app) {
        let (style, marker) = if active {
            (theme.tab_active, theme.glyphs.focus)
        } else {
            (theme.tab, " ")
        };
        x = put(buf, area, x, area.y, theme.glyphs.vline, w, theme.title);
        x = put(buf, area, x, area.y, &format!("{marker}{label} "), w, style);
    }
    if let Some(pool) = app.pool() {
        let right = format!(
            "{} · {} ",
            tr!(lang, ui::as_of(&pool.as_of.format("%d-%m-%Y").to_string())),
            lang.code().to_uppercase()
        );
        let rw = width(&right) as u16;
        if x + 1 + rw <= area.right() {
            put(buf, area, area.right() - rw, area.y, &right, w, theme.title);
        }
    }
}

/// The title bar's steps: on the two main screens both of them; elsewhere
/// the path from the table to the screen shown (`app::nav`), which Back
/// goes down; the last one is the screen shown.
pub fn breadcrumb(app: &App) -> Vec<(Crumb, String, bool)> {
    let lang = app.lang;
    let top = app.top();
    let label = |c: Crumb| match c {
        Crumb::Table => tr!(lang, ui::VIEW_TABLE).to_string(),
        Crumb::Grid => tr!(lang, ui::VIEW_GRID).to_string(),
        Crumb::Box(b) => tr!(lang, positions::view_box(b)),
        Crumb::Profile => tr!(lang, ui::VIEW_PROFILE).to_string(),
        Crumb::Positions => tr!(lang, positions::VIEW_POSITIONS).to_string(),
        Crumb::Shortlist => tr!(lang, positions::VIEW_SHORTLIST).to_string(),
        Crumb::Compare => tr!(lang, positions::VIEW_COMPARE).to_string(),
        Crumb::Session => tr!(lang, session_ui::VIEW_SESSION).to_string(),
    };
    // On the two main screens both are shown (Tab switches them); beyond
    // them the real path, each step what Esc goes back to.
    let trail = app.trail();
    let steps: &[Crumb] = match trail {
        [Crumb::Table] | [Crumb::Table, Crumb::Grid] => &[Crumb::Table, Crumb::Grid],
        _ => trail,
    };
    steps.iter().map(|&c| (c, label(c), c == top)).collect()
}

fn count_text(app: &App) -> String {
    let lang = app.lang;
    match &app.load {
        crate::app::Load::Ready(_) if app.view == View::Positions => {
            let rows = &app.positions_view.rows.rows;
            let n = |g: crate::domain::position::Group| rows.iter().filter(|r| r.1 == g).count();
            format!(
                "{} · {} {} · {} {}",
                rows.len(),
                n(crate::domain::position::Group::Vacant),
                tr!(
                    lang,
                    positions::group(crate::domain::position::Group::Vacant)
                ),
                n(crate::domain::position::Group::Retiring),
                tr!(
                    lang,
                    positions::retiring_within(app.positions_view.rows.years)
                )
            )
        }
        crate::app::Load::Ready(_)
            if matches!(app.view, View::Shortlist | View::Compare) && app.shortlist.is_some() =>
        {
            let n = app.shortlist.as_ref().map_or(0, |s| s.rows.len());
            format!(
                "{} · {}",
                tr!(lang, positions::eligible_count(n)),
                tr!(lang, positions::marked(app.marked.len()))
            )
        }
        crate::app::Load::Ready(pool) => {
            let mut s = tr!(lang, ui::count(app.matches.rows.len(), pool.len()));
            if let Some(b) = app.shown.box_only {
                s.push_str(" · ");
                s.push_str(&tr!(lang, ui::box_n(b)));
            }
            s
        }
        crate::app::Load::Loading => tr!(lang, ui::LOADING).to_string(),
        crate::app::Load::Failed(_) => "-".to_string(),
    }
}

fn filter_text(app: &App) -> (String, bool) {
    if app.shown.text.trim().is_empty() {
        (tr!(app.lang, ui::ALL).to_string(), true)
    } else {
        (app.shown.text.clone(), false)
    }
}

/// Who is signed in, on a member's screen (`talenta serve`): `Dewi · anggota`;
/// on the local screen, the name its writes are recorded under.
fn signed_in(app: &App) -> Option<String> {
    match app.access.identity() {
        Some(i) => Some(tr!(app.lang, roles::signed_in(&i.name, i.role))),
        None => app.at_keyboard.clone(),
    }
}

/// The status line: who is signed in (a member's screen), count (and box),
/// sort, busy; hints or a notice on the right.
pub fn status_line(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.status);
    let w = area.width as usize;
    let mut x = put(buf, area, area.x, area.y, " ", w, theme.status);
    if let Some(who) = signed_in(app) {
        let s = format!("{who} {} ", theme.glyphs.vline);
        x = put(buf, area, x, area.y, &s, w, theme.header);
    }
    x = put(buf, area, x, area.y, &count_text(app), w, theme.header);
    let sort = app.wanted.sort;
    if app.view == View::Table {
        let s = format!(
            " · {}",
            tr!(
                lang,
                ui::sort_by(sort.column.label(lang), arrow(sort.descending, theme))
            )
        );
        if x as usize + width(&s) < area.right() as usize {
            x = put(buf, area, x, area.y, &s, w, theme.status);
        }
    }
    if app.pending() {
        let s = format!(" · {}", tr!(lang, ui::BUSY));
        if x as usize + width(&s) < area.right() as usize {
            x = put(buf, area, x, area.y, &s, w, theme.warn);
        }
    }
    let (right, style) = match &app.notice {
        Some(n) => (format!("{} ", n.text(lang)), theme.error),
        None => match app.keymap.hint(Context::Global, Cmd::Help) {
            Some(k) => (format!("{k} {} ", tr!(lang, ui::HELP_HINT)), theme.status),
            None => (String::new(), theme.status),
        },
    };
    let room = (area.right().saturating_sub(x + 2)) as usize;
    let right = fit(&right, room);
    let rw = width(&right) as u16;
    if rw > 0 {
        put(buf, area, area.right() - rw, area.y, &right, w, style);
    }
}

/// The filter bar when no prompt is open: the active filter, always visible.
pub fn filter_bar(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let w = area.width as usize;
    let x = put(
        buf,
        area,
        area.x,
        area.y,
        &format!(" {}: ", tr!(lang, ui::FILTER)),
        w,
        theme.header,
    );
    let (text, all) = filter_text(app);
    let style = if all { theme.muted } else { theme.status };
    let room = area.right().saturating_sub(x) as usize;
    let x = put(buf, area, x, area.y, &fit(&text, room), w, style);
    // A field name searched as text: say so after the filter.
    if let Some(warn) = &app.matches.warning {
        let s = format!("  ⚠ {}", tr!(lang, filter::warning(warn)));
        let room = area.right().saturating_sub(x) as usize;
        put(buf, area, x, area.y, &fit(&s, room), w, theme.warn);
    }
}

/// One line for small terminals: count and filter, or a notice.
pub fn compact_status(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    fill_line(buf, area, area.y, theme.status);
    let w = area.width as usize;
    if let Some(n) = &app.notice {
        put(
            buf,
            area,
            area.x,
            area.y,
            &fit(&n.text(app.lang), w),
            w,
            theme.error,
        );
        return;
    }
    let count = match signed_in(app) {
        Some(who) => format!("{who} {} {}", theme.glyphs.vline, count_text(app)),
        None => count_text(app),
    };
    let x = put(buf, area, area.x, area.y, &count, w, theme.header);
    let (text, all) = filter_text(app);
    let s = format!(" · {text}");
    let room = area.right().saturating_sub(x) as usize;
    put(
        buf,
        area,
        x,
        area.y,
        &fit(&s, room),
        w,
        if all { theme.muted } else { theme.status },
    );
}

/// Where the prompt's parts go on a line of a given width.
struct PromptGeometry {
    label: String,
    /// Column (from the line's start) where the input text begins.
    text_x: u16,
    /// Columns of the input scrolled out on the left.
    skip: usize,
    /// Columns for the input.
    avail: usize,
    suffix: String,
}

fn geometry(app: &App, w: u16) -> Option<PromptGeometry> {
    let p = app.prompt.as_ref()?;
    let lang = app.lang;
    let label = match p.kind {
        PromptKind::Filter => tr!(lang, ui::PROMPT_FILTER),
        PromptKind::Jump => tr!(lang, ui::PROMPT_JUMP),
    };
    let label = fit(&format!(" {label}"), (w as usize).saturating_sub(2)).into_owned();
    let text_x = width(&label) as u16;
    let suffix = if p.not_found {
        format!("  ({})", tr!(lang, ui::NOT_FOUND))
    } else {
        String::new()
    };
    let mut avail = w.saturating_sub(text_x) as usize;
    if avail > width(&suffix) + 10 {
        avail -= width(&suffix);
    }
    let avail = avail.saturating_sub(1).max(1);
    let before: String = p.input.text().chars().take(p.input.cursor()).collect();
    let skip = (width(&before) + 1).saturating_sub(avail);
    Some(PromptGeometry {
        label,
        text_x,
        skip,
        avail,
        suffix,
    })
}

/// The open prompt; returns where the text cursor goes.
pub fn prompt_line(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let p = app.prompt.as_ref()?;
    let g = geometry(app, area.width)?;
    let w = area.width as usize;
    let x = put(buf, area, area.x, area.y, &g.label, w, theme.prompt);
    let text = p.input.text();
    let visible = skip_cols(text, g.skip);
    let end = put(
        buf,
        area,
        x,
        area.y,
        &fit(visible, g.avail),
        g.avail,
        theme.status,
    );
    if !g.suffix.is_empty() && end as usize + width(&g.suffix) <= area.right() as usize {
        put(buf, area, end, area.y, &g.suffix, w, theme.warn);
    }
    let before: String = text.chars().take(p.input.cursor()).collect();
    let cx = x + (width(&before) - g.skip).min(g.avail) as u16;
    (cx < area.right()).then_some(Position::new(cx, area.y))
}

/// The filter error under the prompt: a caret under the column where the
/// problem was found, and the message (after the caret when it fits there,
/// else on the lines below).
pub struct ErrorBlock {
    /// A warning (the filter runs), not an error.
    warn: bool,
    /// Caret column from the line's start, when that part of the input is visible.
    caret: Option<u16>,
    /// The message stands on the caret's line.
    inline: bool,
    lines: Vec<String>,
}

impl ErrorBlock {
    pub fn height(&self) -> u16 {
        if self.inline {
            1
        } else {
            (u16::from(self.caret.is_some()) + self.lines.len() as u16).max(1)
        }
    }
}

/// The error block for a line width; `max_lines` of message at most (1 = all
/// on one line, cut to fit).
pub fn error_block(app: &App, w: u16, max_lines: usize) -> Option<ErrorBlock> {
    let p = app.prompt.as_ref()?;
    let lang = app.lang;
    // An error, else the warning of the filter as typed once it has run.
    let (column, msg, warn) = match (&p.error, &app.matches.warning) {
        (Some(e), _) => (
            e.column,
            tr!(
                lang,
                ui::filter_error(e.column, &tr!(lang, filter::error(e)))
            ),
            false,
        ),
        (None, Some(wa)) if p.kind == PromptKind::Filter && app.shown.text == p.input.text() => (
            wa.column,
            tr!(
                lang,
                filter::warning_at(wa.column, &tr!(lang, filter::warning(wa)))
            ),
            true,
        ),
        _ => return None,
    };
    let g = geometry(app, w)?;
    let upto: String = p
        .input
        .text()
        .chars()
        .take(column.saturating_sub(1))
        .collect();
    let cw = width(&upto);
    let caret = (cw >= g.skip)
        .then(|| g.text_x as usize + cw - g.skip)
        .filter(|c| *c < w as usize)
        .map(|c| c as u16);
    let mw = width(&msg);
    let after = caret.map(|c| c as usize + 2).unwrap_or(1);
    if after + mw <= w as usize || max_lines <= 1 {
        let room = (w as usize).saturating_sub(after);
        return Some(ErrorBlock {
            warn,
            caret,
            inline: true,
            lines: vec![fit(&msg, room).into_owned()],
        });
    }
    let mut lines = super::text::wrap(&msg, (w as usize).saturating_sub(2));
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), (w as usize).saturating_sub(2)).into_owned();
        }
    }
    Some(ErrorBlock {
        warn,
        caret,
        inline: false,
        lines,
    })
}

pub fn error_draw(buf: &mut Buffer, area: Rect, block: &ErrorBlock, theme: &Theme) {
    let w = area.width as usize;
    let style = if block.warn { theme.warn } else { theme.error };
    let mut y = area.y;
    if let Some(c) = block.caret {
        put(buf, area, area.x + c, y, "^", 1, style);
        if block.inline {
            if let Some(l) = block.lines.first() {
                put(buf, area, area.x + c + 2, y, l, w, style);
            }
            return;
        }
        y += 1;
    }
    for l in &block.lines {
        put(buf, area, area.x + 1, y, l, w, style);
        y += 1;
    }
}
