//! The recommendations awaiting the PPK's outcome (all sessions): one line
//! each (the recommendation, its session, the candidate, what the PPK said
//! so far), the selected one's session, grounds and outcome under the list,
//! and the keys.

use super::glyphs::Mark;
use super::session::kind_text;
use super::text::{fill_line, fit, message, put, safe};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::session::awaiting::AwaitingList;
use crate::app::App;
use crate::lang::Lang;
use crate::store::session::outcome::Awaiting;
use crate::strings::format::date_text;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Lines under the list: a blank, the candidate, the session, the grounds,
/// the outcome.
const DETAIL: u16 = 5;

/// The columns' widths for a screen `w` wide: recommendation, session,
/// outcome; the candidate takes the rest.
fn widths(w: usize) -> [usize; 4] {
    // Narrow: the candidate keeps room for a whole NIP (18) and a mark that more follows.
    let (rec, session, outcome) = if w >= 110 { (34, 16, 30) } else { (22, 14, 17) };
    let candidate = w.saturating_sub(rec + session + outcome + 6);
    [rec, session, candidate, outcome]
}

/// The row's four cells.
fn cells(lang: Lang, a: &Awaiting) -> [String; 4] {
    let d = &a.decision;
    // The target's code before the kind, the NIP before the name: codes and
    // NIPs are never cut (issue 19); the words give way.
    let rec = match &d.kode_jabatan {
        Some(k) => format!("#{} {k} {}", d.id, kind_text(lang, &d.kind)),
        None => format!("#{} {}", d.id, kind_text(lang, &d.kind)),
    };
    let outcome = match &d.outcome {
        Some(o) => tr!(lang, outcome::summary(o)),
        None => tr!(lang, outcome::AWAITING).to_string(),
    };
    [
        rec,
        format!("{} · {}", d.session_id, date_text(&a.session_date)),
        match &d.nama {
            Some(n) => format!("{} {n}", d.nip),
            None => d.nip.clone(),
        },
        outcome,
    ]
}

fn row_text(cells: &[String; 4], w: [usize; 4]) -> String {
    cells
        .iter()
        .zip(w)
        .map(|(c, w)| format!("{:<w$}", fit(&safe(c), w), w = w))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, list: &AwaitingList, theme: &Theme) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let lang = app.lang;
    let w = area.width as usize;
    let title = tr!(lang, outcome::list_title(list.rows.len()));
    put(buf, area, area.x, area.y, &fit(&title, w), w, theme.header);
    let hint_y = area.bottom() - 1;
    hints(buf, Rect::new(area.x, hint_y, area.width, 1), app, theme);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    if list.rows.is_empty() {
        message(buf, body, tr!(lang, outcome::EMPTY), theme.muted);
        return;
    }
    let cols = widths(w.saturating_sub(2));
    let header = tr!(lang, outcome::HEADER).map(str::to_string);
    let head = format!("  {}", row_text(&header, cols));
    put(buf, body, body.x, body.y, &fit(&head, w), w, theme.muted);
    let detail_h = if body.height > DETAIL + 3 { DETAIL } else { 0 };
    let rows = Rect::new(body.x, body.y + 1, body.width, body.height - 1 - detail_h);
    let page = rows.height as usize;
    let offset = list.cursor.fit(page, list.rows.len());
    for (i, a) in list.rows.iter().enumerate().skip(offset).take(page) {
        let y = rows.y + (i - offset) as u16;
        let selected = i == list.cursor.cursor;
        let style = if selected {
            fill_line(buf, rows, y, theme.selected);
            theme.selected
        } else if a.decision.outcome.is_some() {
            theme.muted
        } else {
            Style::new()
        };
        let mark = theme.glyphs.row_marker(selected, Mark::None);
        let text = format!("{mark}{}", row_text(&cells(lang, a), cols));
        put(buf, rows, rows.x, y, &fit(&text, w), w, style);
    }
    if let (Some(a), true) = (list.selected(), detail_h > 0) {
        let y = rows.bottom() + 1;
        let area = Rect::new(body.x, y, body.width, detail_h - 1);
        detail(buf, area, lang, a, theme);
    }
}

/// The selected recommendation's session, grounds and outcome.
fn detail(buf: &mut Buffer, area: Rect, lang: Lang, a: &Awaiting, theme: &Theme) {
    let w = area.width as usize;
    let d = &a.decision;
    let outcome = match &d.outcome {
        Some(o) => tr!(lang, outcome::summary(o)),
        None => tr!(lang, outcome::AWAITING).to_string(),
    };
    let lines = [
        tr!(
            lang,
            session_ui::candidate(d.nama.as_deref().unwrap_or(""), &d.nip)
        ),
        tr!(
            lang,
            session_ui::session_ref(d.session_id, &date_text(&a.session_date))
        ) + " · "
            + &a.session_title,
        format!("{}: {}", tr!(lang, outcome::GROUNDS), d.reason),
        format!("{}: {outcome}", tr!(lang, outcome::OUTCOME)),
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        put(buf, area, area.x, y, &fit(&safe(l), w), w, theme.muted);
    }
}

fn hints(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.status);
    let mut parts = Vec::new();
    for (cmd, name) in [
        (Cmd::Open, tr!(lang, outcome::HINT_OPEN)),
        (Cmd::Back, tr!(lang, outcome::HINT_BACK)),
    ] {
        if let Some(k) = app.keymap.hint(Context::Outcomes, cmd) {
            parts.push(format!("{k} {name}"));
        }
    }
    let text = format!(" {}", parts.join(" · "));
    let w = area.width as usize;
    put(buf, area, area.x, area.y, &fit(&text, w), w, theme.status);
}
