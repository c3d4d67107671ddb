//! A session form as a box over the screen: its fields (the focused one
//! marked), what the rules say right now (the quorum check for the
//! candidate, who stepped aside), why the last submit was refused, the keys.

use super::session::quorum_line;
use super::text::{fit, put, width, wrap};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::session::backend::MinutesFormat;
use crate::app::session::form::{FieldId, Form, FormKind, Value};
use crate::app::App;
use crate::domain::outcome::OutcomeStatus;
use crate::domain::session::DecisionKind;
use crate::strings::texts::Said;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The text a choice field shows.
fn choice_text(app: &App, form: &Form, id: FieldId, at: usize) -> String {
    let lang = app.lang;
    match (id, &form.kind) {
        (FieldId::Kind, _) => DecisionKind::ALL
            .get(at)
            .map(|k| tr!(lang, session::kind_name(*k)).to_string())
            .unwrap_or_default(),
        (FieldId::Member, FormKind::Recuse { members, .. }) => {
            members.get(at).cloned().unwrap_or_default()
        }
        (FieldId::Status, _) => OutcomeStatus::ALL
            .get(at)
            .map(|o| tr!(lang, outcome::status_name(*o)).to_string())
            .unwrap_or_default(),
        (FieldId::Format, _) => MinutesFormat::ALL
            .get(at)
            .map(|f| f.ext().to_string())
            .unwrap_or_default(),
        (FieldId::Scope, FormKind::EstablishKrs { position }) => match position {
            Some((kode, nama)) if at == 0 => format!("{kode} · {nama}"),
            _ => tr!(lang, krs::SCOPE_ALL).to_string(),
        },
        _ => String::new(),
    }
}

/// Lines of information above the fields.
fn info(app: &App, form: &Form, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    let nip = match &form.kind {
        FormKind::Decide { nip, .. } | FormKind::Amend { nip, .. } => Some(nip.as_str()),
        FormKind::Calibrate { nip, .. } => Some(nip.as_str()),
        FormKind::Recuse { nip, .. } | FormKind::DeclareConflict { nip, .. } => Some(nip.as_str()),
        _ => None,
    };
    if let (Some(nip), Some(d)) = (nip, &app.sessions.active) {
        out.push(quorum_line(lang, d, nip, theme));
    }
    if let FormKind::Outcome { decision, .. } = &form.kind {
        let rows = app.sessions.awaiting.iter().flat_map(|l| l.rows.iter());
        if let Some(a) = rows.map(|a| &a.decision).find(|d| d.id == *decision) {
            out.push(Line::raw(super::session::decision_summary(lang, a)));
            let grounds = format!("{}: {}", tr!(lang, outcome::GROUNDS), a.reason);
            out.push(Line::styled(grounds, theme.muted));
        }
    }
    let note = match &form.kind {
        FormKind::Amend { .. } => Some(tr!(lang, session_ui::AMEND_NOTE)),
        FormKind::Close { .. } => Some(tr!(lang, session_ui::CLOSE_CONFIRM)),
        FormKind::DeclareConflict { .. } => Some(tr!(lang, roles::DECLARE_NOTE)),
        _ => None,
    };
    if let Some(n) = note {
        for l in wrap(n, w) {
            out.push(Line::styled(l, theme.muted));
        }
    }
    out
}

/// Draw the form over `area`; returns where the text cursor goes.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    form: &Form,
    theme: &Theme,
) -> Option<Position> {
    if area.width < 4 || area.height < 3 {
        return None;
    }
    let lang = app.lang;
    let w = area.width.min(84);
    let inner_w = w.saturating_sub(4) as usize;
    let info = info(app, form, theme, inner_w);
    let problem: Vec<String> = form
        .problem
        .as_ref()
        .map(|p| {
            // A refusal listing entries (the KRS's failing entries) keeps its lines.
            (p.said(lang).lines())
                .flat_map(|l| wrap(l, inner_w.saturating_sub(2)))
                .collect()
        })
        .unwrap_or_default();
    let field_rows: usize = form
        .fields
        .iter()
        .map(|f| match &f.value {
            Value::Lines { lines, .. } => lines.len().max(1),
            _ => 1,
        })
        .sum();
    let want = info.len() + field_rows + problem.len() + 2 + 2 + usize::from(!info.is_empty());
    let h = (want as u16).min(area.height);
    let title = fit(&super::text::safe(&form.kind.title(lang)), inner_w).into_owned();
    let (_, inner) = popup(buf, area, (w, h), &title, theme);
    if inner.width < 2 || inner.height == 0 {
        return None;
    }
    let mut y = inner.y;
    for l in &info {
        if y < inner.bottom() {
            buf.set_line(
                inner.x,
                y,
                &super::text::fit_line(l, inner.width as usize),
                inner.width,
            );
        }
        y += 1;
    }
    if !info.is_empty() {
        y += 1;
    }
    let (y, cursor) = fields(buf, inner, y, app, form, theme);
    let hy = footer(buf, inner, y + 1, (app, form), &problem, theme);
    cursor.filter(|p| p.y < inner.bottom() && p.y != hy)
}

/// The fields from line `y` on: label, then value (the focused one marked).
/// Returns the line after them and where the text cursor goes.
fn fields(
    buf: &mut Buffer,
    inner: Rect,
    mut y: u16,
    app: &App,
    form: &Form,
    theme: &Theme,
) -> (u16, Option<Position>) {
    let lang = app.lang;
    let iw = inner.width as usize;
    let lw = form
        .fields
        .iter()
        .map(|f| width(f.id.label(lang)))
        .max()
        .unwrap_or(0)
        .min(iw / 2)
        + 2;
    let vx = inner.x + lw as u16;
    let vw = iw.saturating_sub(lw);
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let enabled = form.enabled(i);
        let marker = if focused { theme.glyphs.focus } else { " " };
        let label = format!("{marker}{}", f.id.label(lang));
        put(
            buf,
            inner,
            inner.x,
            y,
            &fit(&label, lw),
            lw,
            if focused { theme.prompt } else { theme.muted },
        );
        let style = if focused {
            theme.selected
        } else {
            Style::new()
        };
        match &f.value {
            _ if !enabled => {
                put(
                    buf,
                    inner,
                    vx,
                    y,
                    &fit(tr!(lang, session_ui::NOT_APPLICABLE), vw),
                    vw,
                    theme.muted,
                );
                y += 1;
            }
            Value::Choice { at, .. } => {
                let g = theme.glyphs;
                let text = format!(
                    "{} {} {}",
                    g.choice_prev,
                    choice_text(app, form, f.id, *at),
                    g.choice_next
                );
                put(buf, inner, vx, y, &fit(&text, vw), vw, style);
                y += 1;
            }
            Value::Text(input) => {
                if let Some(p) = text_input(buf, inner, vx, y, vw, input, focused, theme) {
                    cursor = Some(p);
                }
                y += 1;
            }
            Value::Lines { lines, at } => {
                for (k, input) in lines.iter().enumerate() {
                    let here = focused && k == *at;
                    if let Some(p) = text_input(buf, inner, vx, y, vw, input, here, theme) {
                        cursor = Some(p);
                    }
                    y += 1;
                }
            }
        }
    }
    (y, cursor)
}

/// Why the last submit was refused (from line `y`), and the keys on the last
/// line; returns the keys' line.
fn footer(
    buf: &mut Buffer,
    inner: Rect,
    mut y: u16,
    (app, form): (&App, &Form),
    problem: &[String],
    theme: &Theme,
) -> u16 {
    let iw = inner.width as usize;
    for (i, l) in problem.iter().enumerate() {
        let mark = if i == 0 { theme.glyphs.cross } else { " " };
        put(
            buf,
            inner,
            inner.x,
            y,
            &format!("{mark} {l}"),
            iw,
            theme.error,
        );
        y += 1;
    }
    let hint = form_keys(app, form).join(&format!(" {} ", theme.glyphs.sep));
    let hy = inner
        .bottom()
        .saturating_sub(1)
        .max(y.min(inner.bottom().saturating_sub(1)));
    put(buf, inner, inner.x, hy, &fit(&hint, iw), iw, theme.muted);
    hy
}

/// The keys that work in this form where its focus is: Enter saves (asks
/// yes on a confirmation without fields, starts a new line in a list of
/// lines), Tab moves on when there is another field, left/right choose in a
/// choice, the vote where a recommendation may be put to one, Esc cancels.
fn form_keys(app: &App, form: &Form) -> Vec<String> {
    let lang = app.lang;
    let mut out = Vec::new();
    let accept = key(app, Cmd::Accept);
    out.push(match form.focused().map(|f| &f.value) {
        _ if form.fields.is_empty() => tr!(lang, session_ui::hint_confirm(&accept)),
        Some(Value::Lines { .. }) => tr!(lang, session_ui::hint_new_line(&accept)),
        _ => tr!(lang, session_ui::hint_save(&accept)),
    });
    let enabled = (0..form.fields.len()).filter(|i| form.enabled(*i)).count();
    if enabled > 1 {
        out.push(tr!(
            lang,
            session_ui::hint_next_field(&key(app, Cmd::NextField))
        ));
    }
    if let Some(Value::Choice { .. }) = form.focused().map(|f| &f.value) {
        let (prev, next) = (key(app, Cmd::CursorLeft), key(app, Cmd::CursorRight));
        out.push(tr!(lang, session_ui::hint_choose(&prev, &next)));
    }
    let votable = matches!(
        form.kind,
        FormKind::Decide { .. } | FormKind::Calibrate { .. }
    );
    let vote = key(app, Cmd::PutToVote);
    let may_vote = app
        .access
        .check(crate::domain::access::Act::RunVote)
        .is_ok();
    if votable && may_vote && !vote.is_empty() {
        out.push(tr!(lang, session_ui::hint_to_vote(&vote)));
    }
    out.push(tr!(lang, session_ui::hint_cancel(&key(app, Cmd::Cancel))));
    out
}

fn key(app: &App, cmd: Cmd) -> String {
    app.keymap
        .hint(Context::Form, cmd)
        .map(|c| c.to_string())
        .unwrap_or_default()
}

/// One line of text input, scrolled to keep the cursor visible.
#[allow(clippy::too_many_arguments)]
fn text_input(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    y: u16,
    w: usize,
    input: &crate::app::input::LineInput,
    focused: bool,
    theme: &Theme,
) -> Option<Position> {
    if w == 0 {
        return None;
    }
    let text = input.text();
    let before: String = text.chars().take(input.cursor()).collect();
    let skip = if focused {
        (width(&before) + 1).saturating_sub(w)
    } else {
        0
    };
    let visible = super::text::skip_cols(text, skip);
    let style = if focused { theme.status } else { Style::new() };
    if focused {
        put(buf, area, x, y, &" ".repeat(w), w, theme.status);
    }
    put(buf, area, x, y, &fit(visible, w), w, style);
    if !focused {
        return None;
    }
    let cx = x + (width(&before) - skip).min(w.saturating_sub(1)) as u16;
    (cx < area.right() && y < area.bottom() && y >= area.top()).then_some(Position::new(cx, y))
}

/// The question at the start of the local screen (`tui::secretary`): who is
/// at the keyboard, one line of input, the keys. Returns the text cursor.
pub fn name_prompt(
    buf: &mut Buffer,
    area: Rect,
    lang: crate::lang::Lang,
    keymap: &crate::app::KeyMap,
    os_user: &str,
    input: &crate::app::input::LineInput,
    theme: &Theme,
) -> Option<Position> {
    if area.width < 8 || area.height < 5 {
        return None;
    }
    let w = area.width.min(64);
    let inner_w = w.saturating_sub(4) as usize;
    let note = wrap(&tr!(lang, ui::ask_name_note(os_user)), inner_w);
    let h = ((note.len() + 6) as u16).min(area.height);
    let (popup, inner) = popup(buf, area, (w, h), tr!(lang, ui::ASK_NAME_TITLE), theme);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    let iw = inner.width as usize;
    let mut y = inner.y;
    for l in &note {
        put(buf, inner, inner.x, y, l, iw, theme.muted);
        y += 1;
    }
    y += 1;
    let label = format!("{}: ", tr!(lang, ui::ASK_NAME_LABEL));
    let x = put(buf, inner, inner.x, y, &label, iw, theme.prompt);
    let room = inner.right().saturating_sub(x) as usize;
    let cursor = text_input(buf, inner, x, y, room, input, true, theme);
    let hint_key = |cmd| {
        keymap
            .hint(Context::Prompt, cmd)
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    let hint = tr!(
        lang,
        ui::ask_name_hint(&hint_key(Cmd::Accept), &hint_key(Cmd::Cancel), os_user)
    );
    let hy = inner.bottom().saturating_sub(1);
    if hy > y {
        put(buf, inner, inner.x, hy, &fit(&hint, iw), iw, theme.muted);
    }
    if theme.glyphs.ascii {
        super::glyphs::to_ascii(buf, popup);
    }
    cursor
}

/// A box of `w`x`h` centred in `area`, cleared, framed and titled; returns
/// the box and the space inside its frame.
fn popup(
    buf: &mut Buffer,
    area: Rect,
    (w, h): (u16, u16),
    title: &str,
    theme: &Theme,
) -> (Rect, Rect) {
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(theme.glyphs.border)
        .border_style(theme.header)
        .title(format!(" {title} "))
        .title_style(theme.header);
    let inner = block.inner(popup);
    block.render(popup, buf);
    (popup, inner)
}
