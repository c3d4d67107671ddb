//! One rule for the text that enters talenta (command-line arguments, the
//! screen's forms, import files) and the text that leaves it (terminal,
//! Markdown, docx, the audit log). Our rule (not the regulation's):
//!
//! - **Refused at the door**: C0 control characters (ESC, BEL, ...), DEL, the C1
//!   controls U+0080..U+009F, and the Unicode bidirectional controls
//!   (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C), which can make
//!   text read differently from what it is. Tab and line breaks only where a
//!   field allows several lines (grounds, reasons); a name or a title is one line.
//! - **Escaped on the way out**: whatever is in a database already (written by an
//!   older version or by another tool) is shown with such characters as visible
//!   `\u{1b}` escapes, never sent raw to a terminal or a document.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a field takes one line or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// The first character a text may not hold, and where (1-based, in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextError {
    pub ch: char,
    pub at: usize,
}

impl TextError {
    /// The character as a person can read it: `U+001B`.
    pub fn code(&self) -> String {
        format!("U+{:04X}", self.ch as u32)
    }
}

/// A bidirectional control character.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Never allowed in any text: controls other than tab and line breaks, DEL,
/// C1 controls and bidi controls.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_bidi_control(c)
}

fn allowed(c: char, lines: Lines) -> bool {
    match lines {
        Lines::One => !is_forbidden(c) && !matches!(c, '\t' | '\n' | '\r'),
        Lines::Many => !is_forbidden(c),
    }
}

/// The door: `Ok` when every character may be stored in a field of this kind.
pub fn check(s: &str, lines: Lines) -> Result<(), TextError> {
    // Printable ASCII is always fine: the common case costs one pass over bytes.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Ok(());
    }
    match s.chars().enumerate().find(|&(_, c)| !allowed(c, lines)) {
        Some((i, ch)) => Err(TextError { ch, at: i + 1 }),
        None => Ok(()),
    }
}

fn escape_where(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For output that keeps line breaks (a document, a multi-line cell): every
/// forbidden character and carriage return as a visible escape; tabs and
/// line feeds kept.
pub fn visible(s: &str) -> Cow<'_, str> {
    // A lone carriage return would let a value overwrite its own line.
    escape_where(s, |c| is_forbidden(c) || c == '\r')
}

/// For line-oriented output (a table row, a log line, a Markdown list item):
/// every forbidden character, tab and line break as a visible escape, so that
/// one value is always one line and cannot forge the next.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| is_forbidden(c) || matches!(c, '\t' | '\n' | '\r'))
}

/// For XML (docx): characters XML 1.0 cannot hold are escaped visibly too,
/// so the document always opens.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| {
        is_forbidden(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

/// The last guard before a terminal or a pipe (every line the command line
/// prints, its error messages included): a forbidden character or a lone
/// carriage return still left is written as a JSON escape `\u001b`, which
/// keeps JSON output valid and exact and is just as visible in plain text.
pub fn guard(s: &str) -> Cow<'_, str> {
    let lone_cr = |i: usize| s.as_bytes().get(i + 1) != Some(&b'\n');
    let bad = |i: usize, c: char| is_forbidden(c) || (c == '\r' && lone_cr(i));
    if !s.char_indices().any(|(i, c)| bad(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if bad(i, c) {
            // Every forbidden character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that start a Markdown block (heading, list, quote, rule, table,
/// code) when they begin a line.
fn markdown_opener(c: char) -> bool {
    matches!(
        c,
        '#' | '>' | '-' | '+' | '*' | '=' | '|' | '`' | '~' | '_' | '<'
    )
}

/// One line of Markdown that starts a line: made one line, and a leading
/// character Markdown would read as a heading, list, quote or rule escaped
/// (`\#`, and `1\.` for an ordered list).
pub fn markdown_line(s: &str) -> String {
    let line = one_line(s);
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    match t.chars().next() {
        Some(c) if markdown_opener(c) => format!("\\{t}"),
        Some(_) if digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) => {
            format!("{}\\{}", &t[..digits], &t[digits..])
        }
        _ => t.to_string(),
    }
}

/// A value of several lines inside a Markdown list item: the first line as
/// it is, every further line indented as the item's continuation, with a
/// leading Markdown character escaped, so no line can become a heading, a
/// rule or a new item (or forge the closing hash).
pub fn markdown_block(s: &str) -> String {
    let mut lines = s.split('\n');
    let mut out = one_line(lines.next().unwrap_or("")).into_owned();
    for l in lines {
        out.push_str("\n  ");
        out.push_str(&markdown_line(l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_door_refuses_controls_and_bidi_and_says_where() {
        assert_eq!(check("Sidang I/2026", Lines::One), Ok(()));
        assert_eq!(check("Hj. Siti Aminah, S.E., M.Si.", Lines::One), Ok(()));
        assert_eq!(check("Ĉu? Perekat Bangsa — 95,43", Lines::One), Ok(()));
        assert_eq!(
            check("ab\x1b[2J", Lines::One),
            Err(TextError { ch: '\x1b', at: 3 })
        );
        assert_eq!(
            check("x\u{202E}gnp.exe", Lines::Many),
            Err(TextError {
                ch: '\u{202E}',
                at: 2
            })
        );
        assert_eq!(
            check("\u{9b}31m", Lines::Many),
            Err(TextError {
                ch: '\u{9b}',
                at: 1
            })
        );
        assert_eq!(
            check("a\u{7}", Lines::Many),
            Err(TextError { ch: '\u{7}', at: 2 })
        );
        // Line breaks: only where a field allows several lines.
        assert_eq!(check("satu\ndua\ttiga", Lines::Many), Ok(()));
        assert_eq!(
            check("satu\ndua", Lines::One),
            Err(TextError { ch: '\n', at: 5 })
        );
        assert_eq!(TextError { ch: '\x1b', at: 1 }.code(), "U+001B");
    }

    #[test]
    fn output_never_carries_a_control_byte() {
        let hostile = "a\x1b]52;c;AAAA\x07b\u{9b}c\u{202e}d\r\ne\x7f";
        for out in [visible(hostile), one_line(hostile), xml_safe(hostile)] {
            assert!(
                !out.chars().any(is_forbidden),
                "{out:?} still holds a control"
            );
            assert!(out.contains("\\u{1b}"), "{out:?}");
        }
        assert!(!one_line(hostile).contains('\n'));
        assert!(visible("a\nb").contains('\n'));
        assert!(matches!(visible("plain, 95,43"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_guard_keeps_json_valid_and_crlf() {
        let json = serde_json::to_string(&"a\u{9b}b\u{202e}\u{1b}").unwrap();
        let g = guard(&json);
        assert!(!g.chars().any(is_forbidden), "{g}");
        let back: String = serde_json::from_str(&g).unwrap();
        assert_eq!(back, "a\u{9b}b\u{202e}\u{1b}");
        assert_eq!(guard("a\r\nb\rc"), "a\r\nb\\u000dc");
        assert!(matches!(guard("plain\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_values_cannot_open_a_block() {
        assert_eq!(markdown_line("# Forged"), "\\# Forged");
        assert_eq!(markdown_line("Siti"), "Siti");
        assert_eq!(markdown_line("12. x"), "12\\. x");
        assert_eq!(markdown_line("2026 x"), "2026 x");
        let b = markdown_block("ok\n# Forged heading\n---\n\rx");
        assert_eq!(b, "ok\n  \\# Forged heading\n  \\---\n  \\u{d}x");
        for l in b.lines() {
            assert!(!l.trim_start().starts_with('#') && !l.trim_start().starts_with("---"));
        }
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_passes_the_door(s in "\\PC*|[\\x00-\\x20\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]*") {
            proptest::prop_assert!(check(&one_line(&s), Lines::One).is_ok());
            proptest::prop_assert!(check(&visible(&s), Lines::Many).is_ok());
        }
    }
}
