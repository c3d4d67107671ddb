//! The committee-session panel: the sessions on the left, the active
//! session on the right (members and attendance, agenda, recusals, every
//! decision version, history, the audit head at closing), the selected
//! candidate's quorum check on top and the panel's keys at the bottom.

use super::glyphs::Mark;
use super::text::{fill_line, fit, fit_line, message, put, safe, unbroken, wrap_items};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::session::{Pane, Sessions};
use crate::app::texts::action_name;
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
    // The panel's keys, on as many lines as they need (at most three) so that
    // none is cut; none while a form or a confirmation is open over the
    // panel (its own keys are in its box; the panel's do nothing then).
    let lines = match (area.height >= 6, s.form.is_some()) {
        (true, false) => hint_lines(app, area.width as usize),
        (true, true) => vec![String::new()],
        (false, _) => Vec::new(),
    };
    let hint_h = (lines.len() as u16).min(3).min(area.height / 3);
    let body = Rect::new(area.x, area.y, area.width, area.height - hint_h);
    for (i, line) in lines.iter().take(hint_h as usize).enumerate() {
        let y = body.bottom() + i as u16;
        let row = Rect::new(area.x, y, area.width, 1);
        fill_line(buf, row, y, theme.status);
        put(
            buf,
            row,
            area.x,
            y,
            &fit(line, area.width as usize),
            area.width as usize,
            theme.status,
        );
    }
    if area.width >= SIDE_BY_SIDE {
        let lw = (area.width / 3).clamp(20, 34);
        list(buf, Rect::new(body.x, body.y, lw, body.height), app, theme);
        for y in body.top()..body.bottom() {
            put(
                buf,
                body,
                body.x + lw,
                y,
                theme.glyphs.vline,
                1,
                theme.muted,
            );
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

/// The panel's keys as lines of at most `room` columns, each key whole.
fn hint_lines(app: &App, room: usize) -> Vec<String> {
    let lang = app.lang;
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
        (Context::Session, Cmd::Outcomes),
    ] {
        if let Some(k) = app.keymap.hint(ctx, cmd) {
            parts.push(format!("{k} {}", action_name(lang, cmd)));
        }
    }
    wrap_items(&parts, " · ", room)
}

fn title(buf: &mut Buffer, area: Rect, y: u16, text: &str, focused: bool, theme: &Theme) {
    let marker = if focused {
        format!("{} ", theme.glyphs.focus)
    } else {
        String::new()
    };
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
        let g = theme.glyphs;
        let cursor = if selected {
            g.pointer
        } else if i == s.list_cursor {
            g.rest
        } else {
            " "
        };
        let mark = if active == Some(r.id) { g.active } else { " " };
        let text = format!(
            "{cursor}{mark}{} {} {} ({})",
            r.id,
            safe(&crate::strings::format::date_text(&r.date)),
            safe(&r.title),
            tr!(lang, session::status(r.status))
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
fn detail_lines(
    app: &App,
    d: &SessionDetail,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, usize) {
    // Every stored text one line with its controls escaped (domain::text).
    let d = &crate::minutes::scrubbed(d, safe, safe);
    let mut detail = Detail {
        app,
        s: &app.sessions,
        d,
        theme,
        lang: app.lang,
        l: labels(app.lang),
        out: Vec::new(),
        width,
    };
    detail.head();
    let members = detail.members();
    detail.agenda_and_recusals();
    let decisions = detail.decisions();
    detail.record();
    (detail.out, members.or(decisions).unwrap_or(0))
}

/// The detail's lines as they are built, with what every part reads.
struct Detail<'a> {
    app: &'a App,
    s: &'a Sessions,
    d: &'a SessionDetail,
    theme: &'a Theme,
    lang: Lang,
    l: &'static MinutesLabels,
    out: Vec<Line<'static>>,
    /// The panel's width: the closing hash is wrapped to it, never cut.
    width: usize,
}

/// A pane's title, marked when the pane has the focus.
fn pane_title(s: &Sessions, text: &str, pane: Pane, theme: &Theme) -> Line<'static> {
    let marker = if s.pane == pane {
        format!("{} ", theme.glyphs.focus)
    } else {
        String::new()
    };
    Line::styled(format!("{marker}{text}"), theme.header)
}

impl Detail<'_> {
    /// The session's head, its quorum, and the selected candidate's check.
    fn head(&mut self) {
        let status = tr!(self.lang, session::status(self.d.session.status));
        self.out.push(Line::styled(
            tr!(
                self.lang,
                session_ui::head(
                    self.d.session.id,
                    &self.d.session.title,
                    &crate::strings::format::date_text(&self.d.session.date),
                    status
                )
            ),
            self.theme.header,
        ));
        let q = self.d.quorum_for("");
        self.out.push(Line::styled(
            tr!(
                self.lang,
                session_ui::quorum_line(q.quorum, q.present, q.members)
            ),
            self.theme.muted,
        ));
        match self.app.selected_candidate() {
            Some((nip, nama)) => {
                self.out.push(Line::raw(tr!(
                    self.lang,
                    session_ui::candidate(&nama, &nip)
                )));
                self.out
                    .push(quorum_line(self.lang, self.d, &nip, self.theme));
            }
            None => self.out.push(Line::styled(
                tr!(self.lang, session_ui::NO_CANDIDATE).to_string(),
                self.theme.muted,
            )),
        }
        self.out.push(Line::default());
    }

    /// The members and their attendance; the line of the selected one.
    fn members(&mut self) -> Option<usize> {
        let mut focus = None;
        self.out.push(pane_title(
            self.s,
            self.l.members,
            Pane::Members,
            self.theme,
        ));
        for (i, m) in self.d.members.iter().enumerate() {
            let selected = self.s.pane == Pane::Members && i == self.s.member_cursor;
            if selected {
                focus = Some(self.out.len());
            }
            let tick = if m.present { "[x]" } else { "[ ]" };
            let line = format!(
                "{}{tick} {} · {} · {}",
                self.theme.glyphs.row_marker(selected, Mark::None),
                m.name,
                tr!(self.lang, session::role_name(&m.role)),
                if m.present {
                    self.l.present
                } else {
                    self.l.absent
                }
            );
            self.out.push(if selected {
                Line::styled(line, self.theme.selected)
            } else {
                Line::raw(line)
            });
        }
        focus
    }

    /// The agenda (when there is one) and who stepped aside for whom.
    fn agenda_and_recusals(&mut self) {
        if !self.d.agenda.is_empty() {
            let items: Vec<String> = self
                .d
                .agenda
                .iter()
                .map(|(k, n)| match n {
                    Some(n) => format!("{k} ({n})"),
                    None => k.clone(),
                })
                .collect();
            self.out.push(Line::default());
            self.out
                .push(Line::styled(self.l.agenda.to_string(), self.theme.header));
            self.out.push(Line::raw(format!("  {}", items.join(", "))));
        }
        self.out.push(Line::default());
        self.out
            .push(Line::styled(self.l.recusals.to_string(), self.theme.header));
        if self.d.recusals.is_empty() {
            self.out
                .push(Line::styled(format!("  {}", self.l.none), self.theme.muted));
        }
        for r in &self.d.recusals {
            self.out.push(Line::raw(format!(
                "  {} {} · {} {}: {}",
                self.theme.glyphs.recused,
                r.member,
                r.nip,
                r.nama.as_deref().unwrap_or(""),
                r.reason
            )));
        }
    }

    /// Every decision version with its candidate and grounds; the line of the
    /// selected one.
    fn decisions(&mut self) -> Option<usize> {
        let mut focus = None;
        self.out.push(Line::default());
        self.out.push(pane_title(
            self.s,
            self.l.decisions,
            Pane::Decisions,
            self.theme,
        ));
        if self.d.decisions.is_empty() {
            self.out
                .push(Line::styled(format!("  {}", self.l.none), self.theme.muted));
        }
        for (i, dec) in self.d.decisions.iter().enumerate() {
            let selected = self.s.pane == Pane::Decisions && i == self.s.decision_cursor;
            if selected {
                focus = Some(self.out.len());
            }
            let (state, state_style) = decision_state(self.lang, dec, self.theme);
            let head = format!(
                "{}{}",
                self.theme.glyphs.row_marker(selected, Mark::None),
                decision_summary(self.lang, dec)
            );
            let base = if selected {
                self.theme.selected
            } else if dec.superseded_by.is_some() {
                self.theme.muted
            } else {
                Style::new()
            };
            self.out.push(Line::from(vec![
                Span::styled(head, base),
                Span::styled(format!(" · {state}"), base.patch(state_style)),
            ]));
            // NIP first: on a narrow screen the name is cut, never the NIP.
            self.out.push(Line::raw(format!(
                "    {} {}",
                dec.nip,
                dec.nama.as_deref().unwrap_or("")
            )));
            self.out.push(Line::styled(
                format!("    {}: {}", self.l.grounds, dec.reason),
                self.theme.muted,
            ));
        }
        focus
    }

    /// Who was discussed, the session's history, its audit head at closing and
    /// where the minutes were last written.
    fn record(&mut self) {
        if !self.d.discussed.is_empty() {
            self.out.push(Line::default());
            self.out.push(Line::styled(
                self.l.discussed.to_string(),
                self.theme.header,
            ));
            self.out
                .push(Line::raw(format!("  {}", self.d.discussed.join(", "))));
        }
        self.out.push(Line::default());
        self.out
            .push(Line::styled(self.l.history.to_string(), self.theme.header));
        for e in &self.d.events {
            let mut line = format!(
                "  {} {} ({})",
                crate::strings::format::time(self.app.zone, &e.at),
                tr!(self.lang, session::event(&e.kind)),
                e.actor
            );
            if let Some(r) = &e.reason {
                line.push_str(&format!(": {r}"));
            }
            self.out.push(Line::raw(line));
        }
        if let Some(h) = &self.d.closing_head {
            self.out.push(Line::default());
            self.out.push(Line::styled(
                tr!(self.lang, session_ui::CLOSED_HEAD).to_string(),
                self.theme.header,
            ));
            for part in unbroken(h, "  ", self.width) {
                self.out.push(Line::raw(part));
            }
        }
        if let Some(p) = &self.app.sessions.last_export {
            self.out.push(Line::default());
            self.out.push(Line::styled(
                format!(
                    "{}: {}",
                    tr!(self.lang, session_ui::LAST_EXPORT),
                    p.display()
                ),
                self.theme.muted,
            ));
        }
    }
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
            tr!(lang, session_ui::stepped_aside(&safe(&recused.join(", ")))),
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
    let (lines, focus) = detail_lines(app, d, theme, area.width as usize);
    let page = area.height as usize;
    let sc = &s.scroll;
    sc.fit(page, lines.len());
    if s.pane != Pane::Sessions && focus > 0 {
        // Keep the focused member or decision (and its grounds) on screen.
        sc.reveal(focus, 3);
        sc.clamp();
    }
    let off = sc.offset.get();
    for (i, line) in lines.iter().skip(off).take(page).enumerate() {
        let y = area.y + i as u16;
        if y < buf.area.bottom() && area.x < buf.area.right() {
            // Cut text ends in "…"; the hash is wrapped to fit, never cut.
            buf.set_line(area.x, y, &fit_line(line, area.width as usize), area.width);
        }
    }
}
