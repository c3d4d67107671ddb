//! The help overlay, generated from the active key map (so a user's own keys
//! show as they are), one group per context.

use super::text::{fit, put, width};
use super::Theme;
use crate::app::keymap::{Context, KeyMap};
use crate::app::scroll::Scroll;
use crate::app::texts::key_help;
use crate::app::App;
use crate::strings::Lang;
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// One help line: the keys and what they do (`None` for a group title).
pub struct HelpLine {
    pub keys: String,
    pub text: String,
    pub title: bool,
}

/// The help's lines for a key map in a language.
pub fn lines(keymap: &KeyMap, lang: Lang) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let bindings: Vec<_> = keymap
            .bindings()
            .iter()
            .filter(|b| b.context == ctx)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        out.push(HelpLine {
            keys: String::new(),
            text: ctx.title(lang).to_string(),
            title: true,
        });
        for b in bindings {
            out.push(HelpLine {
                keys: b
                    .chords
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                text: key_help(lang, ctx, b.cmd).to_string(),
                title: false,
            });
        }
        if ctx == Context::Prompt {
            out.push(HelpLine {
                keys: "…".into(),
                text: tr!(lang, ui::HELP_TYPING).to_string(),
                title: false,
            });
        }
    }
    out.push(HelpLine {
        keys: String::new(),
        text: tr!(lang, ui::HELP_CONFIG).to_string(),
        title: true,
    });
    out
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, scroll: &Scroll, theme: &Theme) {
    let lines = lines(&app.keymap, app.lang);
    let key_w = lines
        .iter()
        .filter(|l| !l.title)
        .map(|l| width(&l.keys))
        .max()
        .unwrap_or(0)
        .min(24)
        + 2;
    let popup = if area.width >= 30 && area.height >= 8 {
        let w = area.width.min(78);
        let h = area.height.min(lines.len() as u16 + 2);
        Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        )
    } else {
        area
    };
    Clear.render(popup, buf);
    let inner = if popup == area && (area.width < 30 || area.height < 8) {
        popup
    } else {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_set(theme.glyphs.border)
            .border_style(theme.header)
            .title(format!(" {} ", tr!(app.lang, ui::HELP_TITLE)))
            .title_style(theme.header);
        let inner = block.inner(popup);
        block.render(popup, buf);
        inner
    };
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let page = inner.height as usize;
    let offset = scroll.fit(page, lines.len());
    let w = inner.width as usize;
    for (i, l) in lines.iter().skip(offset).take(page).enumerate() {
        let y = inner.y + i as u16;
        if l.title {
            put(buf, inner, inner.x, y, &fit(&l.text, w), w, theme.header);
        } else {
            let x = put(
                buf,
                inner,
                inner.x + 1,
                y,
                &fit(&l.keys, key_w - 1),
                key_w,
                theme.key,
            );
            let x = x.max(inner.x + key_w as u16 + 1);
            let room = inner.right().saturating_sub(x) as usize;
            put(buf, inner, x, y, &fit(&l.text, room), room, Style::new());
        }
    }
}
