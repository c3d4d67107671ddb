//! The symbols the screen draws besides words: borders, markers, arrows,
//! bars, separators. Two sets, one for terminals that speak UTF-8 and one
//! of plain ASCII for those that do not (`LANG=C`, an ISO-8859 charset:
//! some PuTTY and old server set-ups, where a `─` or a `★` arrives as
//! garbage). Every ui module takes its symbols from the set in the theme
//! ([`Theme::glyphs`](super::Theme)); which set is in force is decided by
//! `config::resolve_ascii` (the `--ascii` flag, the config's `ascii`, else
//! the locale).
//!
//! The texts themselves (`strings/`) use a few of the same symbols (`·`,
//! `…`, `✓`): in ASCII mode [`to_ascii`] gives every cell of a drawn frame
//! its ASCII form, the same table as the sets, so that no byte outside
//! ASCII leaves for the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;

/// One set of symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// True for the ASCII set.
    pub ascii: bool,
    /// Boxes: forms, help, the vote, the grid's boxes.
    pub border: border::Set<'static>,
    /// The talent-pool boxes of the grid (double lines).
    pub border_talent: border::Set<'static>,
    /// A line between panes, a tab or a name in a bar.
    pub vline: &'static str,
    /// Between the parts of one line (`Dewi · anggota`).
    pub sep: &'static str,
    /// The end of a text that was cut.
    pub ellipsis: &'static str,
    /// The talent pool (boxes 7..9).
    pub star: &'static str,
    /// The selected row.
    pub pointer: &'static str,
    /// The row the cursor rests on in a list without the focus.
    pub rest: &'static str,
    /// The focused field, pane or tab.
    pub focus: &'static str,
    /// The two ends of a choice (`◂ Promosi ▸`).
    pub choice_prev: &'static str,
    pub choice_next: &'static str,
    /// Met, not met.
    pub check: &'static str,
    pub cross: &'static str,
    /// Stepped aside (recusal).
    pub recused: &'static str,
    /// The active session.
    pub active: &'static str,
    /// A sort descending, ascending.
    pub desc: &'static str,
    pub asc: &'static str,
    /// Axes and "leads to".
    pub up: &'static str,
    pub right: &'static str,
    /// Bars: filled, missing against a requirement, empty.
    pub bar_full: &'static str,
    pub bar_gap: &'static str,
    pub bar_empty: &'static str,
    /// A range (`2019 – 2024`).
    pub range: &'static str,
    /// Times (`3×`).
    pub times: &'static str,
}

/// What a row's marker shows after the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// Stepped aside (a recusal).
    Recused,
    /// Marked (for comparing).
    Check,
}

impl Glyphs {
    /// A row's two-column marker: the pointer when `selected`, then `mark`.
    pub fn row_marker(&self, selected: bool, mark: Mark) -> &'static str {
        match (self.ascii, selected, mark) {
            (_, false, Mark::None) => "  ",
            (false, true, Mark::None) => "▶ ",
            (false, true, Mark::Recused) => "▶⊘",
            (false, false, Mark::Recused) => " ⊘",
            (false, true, Mark::Check) => "▶✓",
            (false, false, Mark::Check) => " ✓",
            (true, true, Mark::None) => "> ",
            (true, true, Mark::Recused) => ">!",
            (true, false, Mark::Recused) => " !",
            (true, true, Mark::Check) => ">+",
            (true, false, Mark::Check) => " +",
        }
    }

    /// The set: ASCII when `ascii`, else Unicode.
    pub fn of(ascii: bool) -> &'static Glyphs {
        if ascii {
            &ASCII
        } else {
            &UNICODE
        }
    }
}

pub static UNICODE: Glyphs = Glyphs {
    ascii: false,
    border: border::PLAIN,
    border_talent: border::DOUBLE,
    vline: "│",
    sep: "·",
    ellipsis: "…",
    star: "★",
    pointer: "▶",
    rest: "›",
    focus: "▸",
    choice_prev: "◂",
    choice_next: "▸",
    check: "✓",
    cross: "✗",
    recused: "⊘",
    active: "●",
    desc: "▼",
    asc: "▲",
    up: "↑",
    right: "→",
    bar_full: "█",
    bar_gap: "▒",
    bar_empty: "░",
    range: "–",
    times: "×",
};

pub static ASCII: Glyphs = Glyphs {
    ascii: true,
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    border_talent: border::Set {
        top_left: "#",
        top_right: "#",
        bottom_left: "#",
        bottom_right: "#",
        vertical_left: "#",
        vertical_right: "#",
        horizontal_top: "=",
        horizontal_bottom: "=",
    },
    vline: "|",
    sep: "-",
    ellipsis: "~",
    star: "*",
    pointer: ">",
    rest: ">",
    focus: ">",
    choice_prev: "<",
    choice_next: ">",
    check: "+",
    cross: "x",
    recused: "!",
    active: "*",
    desc: "v",
    asc: "^",
    up: "^",
    right: ">",
    bar_full: "#",
    bar_gap: "!",
    bar_empty: ".",
    range: "-",
    times: "x",
};

/// The ASCII form of one symbol: the sets' pairs, the rest of the symbols
/// the texts use, box drawing by its direction, letters without their marks
/// where the mark is all that is not ASCII; `?` for anything else.
pub fn ascii_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '·' | '‧' | '∙' => '-',
        '•' => '*',
        '…' => '~',
        '★' | '☆' | '●' | '✱' => '*',
        '▶' | '▸' | '›' | '→' | '⟶' | '»' => '>',
        '◂' | '◀' | '‹' | '←' | '«' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '✓' | '✔' => '+',
        '✗' | '✘' | '×' => 'x',
        '⊘' => '!',
        '█' | '▓' => '#',
        '▒' => '!',
        '░' => '.',
        '–' | '—' | '−' | '‐' | '‑' => '-',
        '‘' | '’' | '‚' => '\'',
        '“' | '”' | '„' => '"',
        '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
        '═' => '=',
        '║' | '╔' | '╗' | '╚' | '╝' => '#',
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' => '-',
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        _ => latin_base(c).unwrap_or('?'),
    }
}

/// A Latin letter with a diacritic as its base letter (`é` -> `e`).
fn latin_base(c: char) -> Option<char> {
    const GROUPS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("ÀÁÂÃÄÅĀĂĄ", 'A'),
        ("çćĉċč", 'c'),
        ("ÇĆĈĊČ", 'C'),
        ("ďđ", 'd'),
        ("ĎĐ", 'D'),
        ("èéêëēĕėęě", 'e'),
        ("ÈÉÊËĒĔĖĘĚ", 'E'),
        ("ìíîïĩīĭįı", 'i'),
        ("ÌÍÎÏĨĪĬĮİ", 'I'),
        ("ñńņňŉ", 'n'),
        ("ÑŃŅŇ", 'N'),
        ("òóôõöøōŏő", 'o'),
        ("ÒÓÔÕÖØŌŎŐ", 'O'),
        ("ùúûüũūŭůűų", 'u'),
        ("ÙÚÛÜŨŪŬŮŰŲ", 'U'),
        ("ýÿŷ", 'y'),
        ("ÝŸŶ", 'Y'),
        ("śŝşšș", 's'),
        ("ŚŜŞŠȘ", 'S'),
        ("ţťțŧ", 't'),
        ("ŢŤȚŦ", 'T'),
        ("źżž", 'z'),
        ("ŹŻŽ", 'Z'),
        ("ĝğġģ", 'g'),
        ("ĜĞĠĢ", 'G'),
        ("ĺļľŀł", 'l'),
        ("ĹĻĽĿŁ", 'L'),
        ("ŕŗř", 'r'),
        ("ŔŖŘ", 'R'),
    ];
    GROUPS.iter().find(|(g, _)| g.contains(c)).map(|(_, b)| *b)
}

/// Every cell of `area` in its ASCII form (a wide character becomes one
/// `?` and a blank, so the columns stay where they were).
pub fn to_ascii(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let s = cell.symbol();
            if s.is_ascii() {
                continue;
            }
            let wide = unicode_width::UnicodeWidthStr::width(s) > 1;
            let c = s.chars().next().map_or(' ', ascii_char);
            cell.set_char(c);
            if wide && x + 1 < area.right() {
                buf[(x + 1, y)].set_char(' ');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each field of the two sets, as (Unicode, ASCII).
    fn pairs() -> Vec<(&'static str, &'static str)> {
        let (u, a) = (&UNICODE, &ASCII);
        let mut out = vec![
            (u.vline, a.vline),
            (u.sep, a.sep),
            (u.ellipsis, a.ellipsis),
            (u.star, a.star),
            (u.pointer, a.pointer),
            (u.rest, a.rest),
            (u.focus, a.focus),
            (u.choice_prev, a.choice_prev),
            (u.choice_next, a.choice_next),
            (u.check, a.check),
            (u.cross, a.cross),
            (u.recused, a.recused),
            (u.active, a.active),
            (u.desc, a.desc),
            (u.asc, a.asc),
            (u.up, a.up),
            (u.right, a.right),
            (u.bar_full, a.bar_full),
            (u.bar_gap, a.bar_gap),
            (u.bar_empty, a.bar_empty),
            (u.range, a.range),
            (u.times, a.times),
        ];
        for (su, sa) in [(u.border, a.border), (u.border_talent, a.border_talent)] {
            out.extend([
                (su.top_left, sa.top_left),
                (su.top_right, sa.top_right),
                (su.bottom_left, sa.bottom_left),
                (su.bottom_right, sa.bottom_right),
                (su.vertical_left, sa.vertical_left),
                (su.vertical_right, sa.vertical_right),
                (su.horizontal_top, sa.horizontal_top),
                (su.horizontal_bottom, sa.horizontal_bottom),
            ]);
        }
        out
    }

    #[test]
    fn the_ascii_set_is_ascii_and_one_column_like_the_unicode_one() {
        for (u, a) in pairs() {
            assert!(a.is_ascii(), "{a:?}");
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(u),
                a.len(),
                "{u:?} {a:?}"
            );
        }
    }

    #[test]
    fn a_frame_turned_ascii_reads_as_the_ascii_set_drew_it() {
        for (u, a) in pairs() {
            let c = u.chars().next().unwrap();
            assert_eq!(ascii_char(c).to_string(), a, "{u:?}");
        }
    }

    #[test]
    fn letters_keep_their_base_and_the_rest_is_a_question_mark() {
        assert_eq!(ascii_char('é'), 'e');
        assert_eq!(ascii_char('Ü'), 'U');
        assert_eq!(ascii_char('ñ'), 'n');
        assert_eq!(ascii_char('┼'), '+');
        assert_eq!(ascii_char('漢'), '?');
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "漢é·…", ratatui::style::Style::new());
        let area = buf.area;
        to_ascii(&mut buf, area);
        let line: String = (0..6).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(line, "? e-~ ");
    }
}
