//! The lines around the screen: title bar, filter bar or prompt, the filter
//! error with its caret, the status line.

use super::text::{fill_line, fit, put, skip_cols, width};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::{App, PromptKind, View};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

pub fn arrow(descending: bool) -> &'static str {
    if descending {
        "▼"
    } else {
        "▲"
    }
}

pub fn has_error_line(app: &App) -> bool {
    app.prompt.as_ref().is_some_and(|p| p.error.is_some())
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
    let mut tabs = vec![
        (View::Table, tr!(lang, ui::VIEW_TABLE)),
        (View::Grid, tr!(lang, ui::VIEW_GRID)),
    ];
    if app.view == View::Profile {
        tabs.push((View::Profile, tr!(lang, ui::VIEW_PROFILE)));
    }
    for (view, label) in tabs {
        let style = if view == app.view {
            theme.tab_active
        } else {
            theme.tab
        };
        let marker = if view == app.view { "▸" } else { " " };
        x = put(buf, area, x, area.y, "│", w, theme.title);
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

fn count_text(app: &App) -> String {
    let lang = app.lang;
    match app.pool() {
        Some(pool) => {
            let mut s = tr!(lang, ui::count(app.matches.rows.len(), pool.len()));
            if let Some(b) = app.shown.box_only {
                s.push_str(" · ");
                s.push_str(&tr!(lang, ui::box_n(b)));
            }
            s
        }
        None => tr!(lang, ui::LOADING).to_string(),
    }
}

fn filter_text(app: &App) -> (String, bool) {
    if app.shown.text.trim().is_empty() {
        (tr!(app.lang, ui::ALL).to_string(), true)
    } else {
        (app.shown.text.clone(), false)
    }
}

/// The status line: count (and box), sort, busy; hints or a notice on the right.
pub fn status_line(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.status);
    let w = area.width as usize;
    let mut x = put(buf, area, area.x, area.y, " ", w, theme.status);
    x = put(buf, area, x, area.y, &count_text(app), w, theme.header);
    let sort = app.wanted.sort;
    if app.view == View::Table {
        let s = format!(
            " · {}",
            tr!(
                lang,
                ui::sort_by(tr!(lang, ui::column(sort.column)), arrow(sort.descending))
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
        Some(n) => (format!("{} ", tr!(lang, ui::notice(n))), theme.error),
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
    put(buf, area, x, area.y, &fit(&text, room), w, style);
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
            &fit(&tr!(app.lang, ui::notice(n)), w),
            w,
            theme.error,
        );
        return;
    }
    let x = put(buf, area, area.x, area.y, &count_text(app), w, theme.header);
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

/// The open prompt. Returns the text cursor and the screen column of the
/// filter error's position (for the caret), when visible.
pub fn prompt_line(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> (Option<Position>, Option<u16>) {
    let Some(p) = &app.prompt else {
        return (None, None);
    };
    let lang = app.lang;
    let w = area.width as usize;
    let label = match p.kind {
        PromptKind::Filter => tr!(lang, ui::PROMPT_FILTER),
        PromptKind::Jump => tr!(lang, ui::PROMPT_JUMP),
    };
    let label = format!(" {label}");
    let label = fit(&label, w.saturating_sub(2));
    let x = put(buf, area, area.x, area.y, &label, w, theme.prompt);
    let suffix = if p.not_found {
        format!("  ({})", tr!(lang, ui::NOT_FOUND))
    } else {
        String::new()
    };
    let mut avail = area.right().saturating_sub(x) as usize;
    if avail > width(&suffix) + 10 {
        avail -= width(&suffix);
    }
    let avail = avail.saturating_sub(1).max(1);
    let text = p.input.text();
    let before: String = text.chars().take(p.input.cursor()).collect();
    let before_w = width(&before);
    let skip = (before_w + 1).saturating_sub(avail);
    let visible = skip_cols(text, skip);
    let end = put(
        buf,
        area,
        x,
        area.y,
        &fit(visible, avail),
        avail,
        theme.status,
    );
    if !suffix.is_empty() && end as usize + width(&suffix) <= area.right() as usize {
        put(buf, area, end, area.y, &suffix, w, theme.warn);
    }
    let cx = x + (before_w - skip).min(avail) as u16;
    let cursor = (cx < area.right()).then_some(Position::new(cx, area.y));
    let caret = p.error.as_ref().and_then(|e| {
        let upto: String = text.chars().take(e.column.saturating_sub(1)).collect();
        let cw = width(&upto);
        (cw >= skip)
            .then(|| x as usize + cw - skip)
            .filter(|c| *c < area.right() as usize)
            .map(|c| c as u16)
    });
    (cursor, caret)
}

/// The filter error under the prompt: a caret at its column and the message.
pub fn error_line(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme, caret: Option<u16>) {
    let Some(e) = app.prompt.as_ref().and_then(|p| p.error.as_ref()) else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let lang = app.lang;
    let msg = tr!(
        lang,
        ui::filter_error(e.column, &tr!(lang, filter::error(e)))
    );
    let w = area.width as usize;
    let mw = width(&msg) as u16;
    match caret {
        Some(c) => {
            put(buf, area, c, area.y, "^", 1, theme.error);
            if c + 2 + mw <= area.right() {
                put(buf, area, c + 2, area.y, &msg, w, theme.error);
            } else if c > area.x + mw {
                put(buf, area, c - 1 - mw, area.y, &msg, w, theme.error);
            } else {
                let room = area.right().saturating_sub(c + 2) as usize;
                put(buf, area, c + 2, area.y, &fit(&msg, room), w, theme.error);
            }
        }
        None => {
            put(buf, area, area.x, area.y, &fit(&msg, w), w, theme.error);
        }
    }
}
