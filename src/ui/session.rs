//! The committee-session panel: the sessions on the left, the active
//! session on the right (members and attendance, agenda, recusals, every
//! decision version, history, the audit head at closing), the selected
//! candidate's quorum check on top and the panel's keys at the bottom.

use super::text::{fill_line, fit, message, put};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::session::{Pane, Sessions};
use crate::app::App;
use crate::domain::session::DecisionKind;
use crate::store::session::{Decision, SessionDetail};
use crate::strings::{Lang, MinutesLabels};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// From this width the session list stands beside the detail.
const SIDE_BY_SIDE: u16 = 60;

pub fn labels(lang: Lang) -> &'static MinutesLabels {
    tr!(lang, &session::MINUTES)
}

/// A decision's kind as the committee reads it.
pub fn kind_text(lang: Lang, code: &str) -> String {
    match DecisionKind::parse(code) {
        Some(k) => tr!(lang, session::kind_name(k)).to_string(),
        None => code.to_string(),
    }
}

/// One decision version: `#2 v2 Promosi → KODE (name) · 4/1/0`.
pub fn decision_summary(lang: Lang, d: &Decision) -> String {
    let l = labels(lang);
    let mut s = format!("#{} v{} {}", d.id, d.version, kind_text(lang, &d.kind));
    if let Some(k) = &d.kode_jabatan {
        s.push_str(&format!(" → {k}"));
        if let Some(n) = &d.nama_jabatan {
            s.push_str(&format!(" ({n})"));
        }
    }
    s.push_str(" · ");
    match d.votes {
        Some(v) => s.push_str(&v.to_string()),
        None => s.push_str(l.votes_none),
    }
    s
}

/// `superseded → #3` or `in force`, and the style to show it in.
pub fn decision_state(lang: Lang, d: &Decision, theme: &Theme) -> (String, Style) {
    match d.superseded_by {
        Some(n) => (
            format!("{} → #{n}", tr!(lang, session_ui::SUPERSEDED)),
            theme.muted,
        ),
        None => (tr!(lang, session_ui::IN_FORCE).to_string(), theme.ok),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let s = &app.sessions;
    let hint_h = u16::from(area.height >= 6);
    let body = Rect::new(area.x, area.y, area.width, area.height - hint_h);
    if hint_h > 0 {
        hints(
            buf,
            Rect::new(area.x, area.bottom() - 1, area.width, 1),
            app,
            theme,
        );
    }
    if area.width >= SIDE_BY_SIDE {
        let lw = (area.width / 3).clamp(20, 34);
        list(buf, Rect::new(body.x, body.y, lw, body.height), app, theme);
        for y in body.top()..body.bottom() {
            put(buf, body, body.x + lw, y, "│", 1, theme.muted);
        }
        detail(
            buf,
            Rect::new(body.x + lw + 2, body.y, body.width - lw - 2, body.height),
            app,
            theme,
        );
    } else if s.pane == Pane::Sessions {
        list(buf, body, app, theme);
    } else {
        detail(buf, body, app, theme);
    }
}

fn hints(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    fill_line(buf, area, area.y, theme.status);
    let mut parts = Vec::new();
    for (ctx, cmd) in [
        (Context::Session, Cmd::NewSession),
        (Context::Session, Cmd::Attend),
        (Context::Global, Cmd::Decide),
        (Context::Global, Cmd::Recuse),
        (Context::Global, Cmd::Discussed),
        (Context::Session, Cmd::Amend),
        (Context::Session, Cmd::CloseSession),
        (Context::Session, Cmd::Reopen),
        (Context::Session, Cmd::Minutes),
    ] {
        if let Some(k) = app.keymap.hint(ctx, cmd) {
            parts.push(format!("{k} {}", tr!(lang, session_ui::short(cmd))));
        }
    }
    let text = format!(" {}", parts.join(" · "));
    put(
        buf,
        area,
        area.x,
        area.y,
        &fit(&text, area.width as usize),
        area.width as usize,
        theme.status,
    );
}

fn title(buf: &mut Buffer, area: Rect, y: u16, text: &str, focused: bool, theme: &Theme) {
    let marker = if focused { "▸ " } else { "" };
    put(
        buf,
        area,
        area.x,
        y,
        &fit(&format!("{marker}{text}"), area.width as usize),
        area.width as usize,
        theme.header,
    );
}

fn list(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let s = &app.sessions;
    if area.height == 0 {
        return;
    }
    let focused = s.pane == Pane::Sessions;
    title(
        buf,
        area,
        area.y,
        tr!(lang, session_ui::SESSIONS),
        focused,
        theme,
    );
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if s.list.is_empty() {
        message(buf, body, tr!(lang, session_ui::NO_SESSIONS), theme.muted);
        return;
    }
    let page = body.height as usize;
    let offset = (s.list_cursor + 1).saturating_sub(page);
    let active = s.active.as_ref().map(|d| d.session.id);
    for (i, r) in s.list.iter().enumerate().skip(offset).take(page) {
        let y = body.y + (i - offset) as u16;
        let selected = focused && i == s.list_cursor;
        let style = if selected {
            fill_line(buf, body, y, theme.selected);
            theme.selected
        } else if active == Some(r.id) {
            theme.header
        } else {
            Style::new()
        };
        let cursor = if selected {
            "▶"
        } else if i == s.list_cursor {
            "›"
        } else {
            " "
        };
        let mark = if active == Some(r.id) { "●" } else { " " };
        let text = format!(
            "{cursor}{mark}{} {} {} ({})",
            r.id,
            r.date,
            r.title,
            tr!(lang, session::status(&r.status))
        );
        put(
            buf,
            body,
            body.x,
            y,
            &fit(&text, body.width as usize),
            body.width as usize,
            style,
        );
    }
}

/// The lines of the active session, and which line holds the focused item.
fn detail_lines(app: &App, d: &SessionDetail, theme: &Theme) -> (Vec<Line<'static>>, usize) {
    let lang = app.lang;
    let s: &Sessions = &app.sessions;
    let l = labels(lang);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut focus = 0;
    let status = tr!(lang, session::status(&d.session.status));
    out.push(Line::styled(
        tr!(
            lang,
            session_ui::head(d.session.id, &d.session.title, &d.session.date, status)
        ),
        theme.header,
    ));
    let q = d.quorum_for("");
    out.push(Line::styled(
        tr!(
            lang,
            session_ui::quorum_line(q.quorum, q.present, q.members)
        ),
        theme.muted,
    ));
    match app.selected_candidate() {
        Some((nip, nama)) => {
            out.push(Line::raw(tr!(lang, session_ui::candidate(&nama, &nip))));
            out.push(quorum_line(lang, d, &nip, theme));
        }
        None => out.push(Line::styled(
            tr!(lang, session_ui::NO_CANDIDATE).to_string(),
            theme.muted,
        )),
    }
    out.push(Line::default());
    let pane_title = |text: &str, pane: Pane| {
        let marker = if s.pane == pane { "▸ " } else { "" };
        Line::styled(format!("{marker}{text}"), theme.header)
    };
    out.push(pane_title(l.members, Pane::Members));
    for (i, m) in d.members.iter().enumerate() {
        let selected = s.pane == Pane::Members && i == s.member_cursor;
        if selected {
            focus = out.len();
        }
        let tick = if m.present { "[x]" } else { "[ ]" };
        let line = format!(
            "{}{tick} {} · {} · {}",
            if selected { "▶ " } else { "  " },
            m.name,
            tr!(lang, session::role_name(&m.role)),
            if m.present { l.present } else { l.absent }
        );
        out.push(if selected {
            Line::styled(line, theme.selected)
        } else {
            Line::raw(line)
        });
    }
    if !d.agenda.is_empty() {
        let items: Vec<String> = d
            .agenda
            .iter()
            .map(|(k, n)| match n {
                Some(n) => format!("{k} ({n})"),
                None => k.clone(),
            })
            .collect();
        out.push(Line::default());
        out.push(Line::styled(l.agenda.to_string(), theme.header));
        out.push(Line::raw(format!("  {}", items.join(", "))));
    }
    out.push(Line::default());
    out.push(Line::styled(l.recusals.to_string(), theme.header));
    if d.recusals.is_empty() {
        out.push(Line::styled(format!("  {}", l.none), theme.muted));
    }
    for r in &d.recusals {
        out.push(Line::raw(format!(
            "  ⊘ {} · {} {}: {}",
            r.member,
            r.nip,
            r.nama.as_deref().unwrap_or(""),
            r.reason
        )));
    }
    out.push(Line::default());
    out.push(pane_title(l.decisions, Pane::Decisions));
    if d.decisions.is_empty() {
        out.push(Line::styled(format!("  {}", l.none), theme.muted));
    }
    for (i, dec) in d.decisions.iter().enumerate() {
        let selected = s.pane == Pane::Decisions && i == s.decision_cursor;
        if selected {
            focus = out.len();
        }
        let (state, state_style) = decision_state(lang, dec, theme);
        let head = format!(
            "{}{}",
            if selected { "▶ " } else { "  " },
            decision_summary(lang, dec)
        );
        let base = if selected {
            theme.selected
        } else if dec.superseded_by.is_some() {
            theme.muted
        } else {
            Style::new()
        };
        out.push(Line::from(vec![
            Span::styled(head, base),
            Span::styled(format!(" · {state}"), base.patch(state_style)),
        ]));
        out.push(Line::raw(format!(
            "    {} ({})",
            dec.nama.as_deref().unwrap_or(""),
            dec.nip
        )));
        out.push(Line::styled(
            format!("    {}: {}", l.grounds, dec.reason),
            theme.muted,
        ));
    }
    if !d.discussed.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(l.discussed.to_string(), theme.header));
        out.push(Line::raw(format!("  {}", d.discussed.join(", "))));
    }
    out.push(Line::default());
    out.push(Line::styled(l.history.to_string(), theme.header));
    for e in &d.events {
        let mut line = format!(
            "  {} {} ({})",
            e.at.get(..16).unwrap_or(&e.at).replace('T', " "),
            tr!(lang, session::event(&e.kind)),
            e.actor
        );
        if let Some(r) = &e.reason {
            line.push_str(&format!(": {r}"));
        }
        out.push(Line::raw(line));
    }
    if let Some(h) = &d.closing_head {
        out.push(Line::default());
        out.push(Line::styled(
            tr!(lang, session_ui::CLOSED_HEAD).to_string(),
            theme.header,
        ));
        out.push(Line::raw(format!("  {h}")));
    }
    if let Some(p) = &s.last_export {
        out.push(Line::default());
        out.push(Line::styled(
            format!("{}: {}", tr!(lang, session_ui::LAST_EXPORT), p.display()),
            theme.muted,
        ));
    }
    (out, focus)
}

/// The quorum check for a candidate, with who stepped aside.
pub fn quorum_line(lang: Lang, d: &SessionDetail, nip: &str, theme: &Theme) -> Line<'static> {
    let q = d.quorum_for(nip);
    let mut spans = vec![Span::styled(
        tr!(
            lang,
            session_ui::quorum_check(q.eligible, q.quorum, q.met())
        ),
        if q.met() { theme.ok } else { theme.warn },
    )];
    let recused = d.recused_for(nip);
    if !recused.is_empty() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            tr!(lang, session_ui::stepped_aside(&recused.join(", "))),
            theme.warn,
        ));
    }
    Line::from(spans)
}

fn detail(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let s = &app.sessions;
    let Some(d) = &s.active else {
        message(buf, area, tr!(lang, session_ui::NO_ACTIVE), theme.muted);
        return;
    };
    let (lines, focus) = detail_lines(app, d, theme);
    let page = area.height as usize;
    let sc = &s.scroll;
    sc.page.set(page.max(1));
    sc.max.set(lines.len().saturating_sub(page));
    let mut off = sc.offset.get().min(sc.max.get());
    if s.pane != Pane::Sessions && focus > 0 {
        // Keep the focused member or decision (and its grounds) on screen.
        if focus < off {
            off = focus;
        } else if focus + 3 > off + page {
            off = (focus + 3).saturating_sub(page);
        }
    }
    sc.offset.set(off.min(sc.max.get()));
    let off = sc.offset.get();
    for (i, line) in lines.iter().skip(off).take(page).enumerate() {
        let y = area.y + i as u16;
        if y < buf.area.bottom() && area.x < buf.area.right() {
            buf.set_line(area.x, y, line, area.width);
        }
    }
}
