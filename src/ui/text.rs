//! Drawing text safely: every write is clipped to its area, so no size of
//! terminal can make a draw index outside the buffer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of text.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Cut text to `w` columns, ending with `…` when cut.
pub fn fit(s: &str, w: usize) -> Cow<'_, str> {
    if s.width() <= w {
        return Cow::Borrowed(s);
    }
    if w == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out.push('…');
    Cow::Owned(out)
}

/// The part of `s` after its first `skip` columns.
pub fn skip_cols(s: &str, skip: usize) -> &str {
    let mut used = 0;
    for (i, ch) in s.char_indices() {
        if used >= skip {
            return &s[i..];
        }
        used += ch.width().unwrap_or(0);
    }
    ""
}

/// Stored text as the screen shows it: one line, every control or bidi
/// character as a visible `\u{1b}` escape (domain::text). Every text the
/// screen draws passes here (`put` and `fit_line` call it), so nothing a
/// record holds reaches the terminal raw.
pub fn safe(s: &str) -> Cow<'_, str> {
    crate::domain::text::one_line(s)
}

/// Write `s` at (x, y) inside `area`, at most `max` columns; returns the
/// column after the text. Nothing is written outside `area`.
pub fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let area = area.intersection(buf.area);
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let room = (area.right() - x) as usize;
    let (end, _) = buf.set_stringn(x, y, safe(s), max.min(room), style);
    end
}

/// A line of styled spans made safe (`safe`) and cut to `w` columns, ending
/// with `…` when cut: what the session panel and the profile draw.
pub fn fit_line(line: &Line<'_>, w: usize) -> Line<'static> {
    let spans: Vec<(String, Style)> = line
        .spans
        .iter()
        .map(|s| (safe(&s.content).into_owned(), s.style))
        .collect();
    let total: usize = spans.iter().map(|(t, _)| width(t)).sum();
    let mut out = Vec::new();
    let mut room = w;
    for (t, style) in spans {
        let tw = width(&t);
        if total > w && tw >= room {
            // The span where the line is cut: the rest of the room, `…` last.
            out.push(Span::styled(
                fit(&format!("{t}…"), room).into_owned(),
                style,
            ));
            break;
        }
        room -= tw.min(room);
        out.push(Span::styled(t, style));
    }
    Line::from(out).style(line.style)
}

/// Text that must never be cut (the audit head hash, copied into
/// `--expect-head`): whole on one line when it fits in `w` columns after
/// `indent`, else in pieces of that width, one a line.
pub fn unbroken(s: &str, indent: &str, w: usize) -> Vec<String> {
    let room = w.saturating_sub(width(indent)).max(1);
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(room)
        .map(|c| format!("{indent}{}", c.iter().collect::<String>()))
        .collect()
}

/// Fill a line of `area` with a style (for a selected row).
pub fn fill_line(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    if y >= area.top() && y < area.bottom() {
        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    }
}

/// Write `s` centred on line `y` of `area`.
pub fn centred(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: Style) {
    let w = width(s).min(area.width as usize) as u16;
    let x = area.x + (area.width - w) / 2;
    put(
        buf,
        area,
        x,
        y,
        &fit(s, area.width as usize),
        area.width as usize,
        style,
    );
}

/// Word-wrap text into lines of at most `w` columns (long words are cut).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if w == 0 {
        return lines;
    }
    let mut line = String::new();
    for word in s.split_whitespace() {
        let word = fit(word, w);
        if line.is_empty() {
            line = word.into_owned();
        } else if width(&line) + 1 + width(&word) <= w {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.into_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Items (key hints, `k action`) joined by `sep` into lines of at most `w`
/// columns, each line led by a blank; an item is never split across lines
/// (one wider than a line is cut by the drawing, as any text).
pub fn wrap_items(items: &[String], sep: &str, w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(l) if width(l) + width(sep) + width(item) <= w => {
                l.push_str(sep);
                l.push_str(item);
            }
            _ => lines.push(format!(" {item}")),
        }
    }
    lines
}

/// Draw a short message wrapped and centred in `area`.
pub fn message(buf: &mut Buffer, area: Rect, s: &str, style: Style) {
    let lines = wrap(s, area.width as usize);
    let n = lines.len().min(area.height as usize) as u16;
    let top = area.y + (area.height - n) / 2;
    for (i, l) in lines.iter().take(n as usize).enumerate() {
        centred(buf, area, top + i as u16, l, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_skip() {
        assert_eq!(fit("Dinas Pendidikan", 6), "Dinas…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abcd", 1), "…");
        assert_eq!(skip_cols("kotak>=7", 3), "ak>=7");
        assert_eq!(skip_cols("ab", 5), "");
    }

    #[test]
    fn wrap_items_keeps_each_item_whole() {
        let items: Vec<String> = ["n new", "a present", "d recommend"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            wrap_items(&items, " · ", 80),
            [" n new · a present · d recommend"]
        );
        assert_eq!(
            wrap_items(&items, " · ", 20),
            [" n new · a present", " d recommend"]
        );
        assert!(wrap_items(&[], " · ", 20).is_empty());
    }

    #[test]
    fn wrap_lines() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("abcdefgh", 4), vec!["abc…"]);
        assert!(wrap("x", 0).is_empty());
    }

    #[test]
    fn stored_text_is_drawn_escaped_and_cut_with_an_ellipsis() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        let a = buf.area;
        put(
            &mut buf,
            a,
            0,
            0,
            "a\x1b]0;x\x07\u{202e}b",
            40,
            Style::new(),
        );
        let row: String = (0..40).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(row.starts_with("a\\u{1b}]0;x\\u{7}\\u{202e}b"), "{row}");
        let l = Line::from(vec![Span::raw("Sidang "), Span::raw("Perekat Bangsa")]);
        let cut = fit_line(&l, 12);
        assert_eq!(cut.to_string(), "Sidang Pere…");
        assert_eq!(fit_line(&l, 21).to_string(), "Sidang Perekat Bangsa");
        assert_eq!(
            fit_line(&Line::from(Span::raw("ab\ncd")), 20).to_string(),
            "ab\\u{a}cd"
        );
    }

    #[test]
    fn a_hash_is_never_cut() {
        let h = "ab".repeat(32);
        assert_eq!(unbroken(&h, "  ", 100), vec![format!("  {h}")]);
        let parts = unbroken(&h, "  ", 40);
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|p| p.len() <= 40));
        assert_eq!(parts.concat().replace(' ', ""), h);
    }

    #[test]
    fn put_never_leaves_the_area() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        let a = buf.area;
        assert_eq!(put(&mut buf, a, 5, 0, "x", 9, Style::new()), 5);
        assert_eq!(put(&mut buf, a, 0, 3, "x", 9, Style::new()), 0);
        put(&mut buf, a, 1, 0, "abcdef", 99, Style::new());
        assert_eq!(buf[(2, 0)].symbol(), "b");
        message(&mut buf, Rect::new(0, 0, 1, 1), "hello world", Style::new());
    }
}
