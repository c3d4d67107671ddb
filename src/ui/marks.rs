//! How a candidate's marks (`app::marks`, decided there once) are drawn on
//! every candidate list: after the cursor, one place for each mark that can
//! show now, so that the marks stand in columns.
//!
//! `⊘` a member stepped aside, `D` discussed, `R` recommended, `K` KRS member
//! (the letters read the same in both languages).

use crate::app::Marks;

/// The glyph of each mark, in `Marks::each` order.
pub const GLYPHS: [&str; 4] = ["⊘", "D", "R", "K"];
const CURSOR: &str = "▶";
const COMPARED: &str = "✓";

/// The places of the live marks (`slots`).
fn live(slots: Marks) -> usize {
    slots.each().into_iter().filter(|s| *s).count()
}

/// The marker's width: the cursor, the comparison's tick where there is
/// one, the live marks and a space after them.
pub fn width(slots: Marks, compare: bool) -> u16 {
    match live(slots) {
        0 => 2,
        n => (1 + usize::from(compare) + n + 1) as u16,
    }
}

/// The marker of one row: cursor, comparison tick (`Some` on a list that
/// marks for comparison), then each live mark or a blank in its place.
pub fn marker(selected: bool, compared: Option<bool>, marks: Marks, slots: Marks) -> String {
    let mut s = String::from(if selected { CURSOR } else { " " });
    match compared {
        Some(true) => s.push_str(COMPARED),
        Some(false) => s.push(' '),
        None => {}
    }
    for ((has, live), glyph) in marks.each().into_iter().zip(slots.each()).zip(GLYPHS) {
        if live {
            s.push_str(if has { glyph } else { " " });
        }
    }
    if live(slots) == 0 && compared.is_none() {
        s.push(' ');
    }
    s
}

/// The marks a candidate carries, without blanks (`⊘R`), for a heading.
pub fn compact(marks: Marks) -> String {
    marks
        .each()
        .into_iter()
        .zip(GLYPHS)
        .filter(|(has, _)| *has)
        .map(|(_, g)| g)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_marks_the_marker_is_the_cursor_and_a_blank() {
        let none = Marks::default();
        assert_eq!(marker(true, None, none, none), "▶ ");
        assert_eq!(marker(false, Some(true), none, none), " ✓");
        assert_eq!(width(none, true), 2);
    }

    #[test]
    fn live_marks_keep_their_places() {
        let slots = Marks {
            recused: true,
            recommended: true,
            ..Marks::default()
        };
        let only_r = Marks {
            recommended: true,
            ..Marks::default()
        };
        assert_eq!(marker(true, None, only_r, slots), "▶ R");
        assert_eq!(marker(false, Some(true), slots, slots), " ✓⊘R");
        assert_eq!(width(slots, false), 4);
        assert_eq!(width(slots, true), 5);
        assert_eq!(compact(slots), "⊘R");
    }
}
