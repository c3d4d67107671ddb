//! The committee's vote panel, a box over the screen: the proposal, the live
//! tally, each member's ballot and who has not voted, and the keys of the one
//! at the keyboard (a member's ballot keys, the secretary's close and cancel;
//! both for a secretary who sits in the committee).

use super::text::{fit, put, wrap};
use super::Theme;
use crate::app::keymap::{Cmd, Context};
use crate::app::App;
use crate::domain::access::{Access, Act};
use crate::store::session::vote::VoteDetail;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The first chord of `cmd` in the vote panel, as text.
fn key(app: &App, cmd: Cmd) -> String {
    app.keymap
        .hint(Context::Vote, cmd)
        .map(|c| c.to_string())
        .unwrap_or_default()
}

/// The lines of the panel with their styles.
fn lines(app: &App, v: &VoteDetail, theme: &Theme, w: usize) -> Vec<(String, Style)> {
    let lang = app.lang;
    let mut out: Vec<(String, Style)> = Vec::new();
    let status = crate::present::vote::status(lang, v);
    out.push((status, theme.header));
    for l in crate::present::vote::lines(lang, v) {
        for part in wrap(&l, w) {
            out.push((part, Style::new()));
        }
    }
    out.push((String::new(), Style::new()));
    if let Access::Member(m) = &app.access {
        let mine = v
            .tally
            .ballots
            .iter()
            .chain(&v.tally.not_counted)
            .find(|(n, _)| *n == m.name)
            .map(|(_, c)| *c);
        out.push((tr!(lang, vote::your_ballot(mine)), theme.ok));
    }
    let back = key(app, Cmd::Back);
    if app.access.check(Act::CastVote).is_ok() && app.access.identity().is_some() {
        let keys = tr!(
            lang,
            vote::member_keys(
                &key(app, Cmd::VoteFor),
                &key(app, Cmd::VoteAgainst),
                &key(app, Cmd::VoteAbstain),
                &back
            )
        );
        out.extend(wrap(&keys, w).into_iter().map(|l| (l, theme.key)));
    }
    if app.access.check(Act::RunVote).is_ok() {
        let keys = tr!(
            lang,
            vote::secretary_keys(&key(app, Cmd::CloseVote), &key(app, Cmd::CancelVote), &back)
        );
        out.extend(wrap(&keys, w).into_iter().map(|l| (l, theme.key)));
    }
    out
}

/// Draw the panel over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(v) = &app.sessions.vote.current else {
        return;
    };
    if area.width < 8 || area.height < 4 {
        return;
    }
    let w = area.width.min(76);
    let inner_w = w.saturating_sub(4) as usize;
    let body = lines(app, v, theme, inner_w);
    let h = (body.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let title = format!(" {} {} ", tr!(app.lang, vote::PANEL_TITLE), v.id);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(theme.glyphs.border)
        .border_style(theme.header)
        .title(fit(&title, inner_w).into_owned())
        .title_style(theme.header);
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (i, (text, style)) in body.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let safe = super::text::safe(text);
        put(buf, inner, inner.x + 1, y, &safe, inner_w, *style);
    }
}
