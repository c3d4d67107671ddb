//! A one-line text input (the filter and quick-jump prompts), edited by
//! character position so that multi-byte text never splits.

/// Longest input accepted; a filter longer than this is not typed by hand.
pub const MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters, 0..=len.
    cursor: usize,
    /// The length in characters, kept so that typing and pasting never count
    /// the whole text again.
    len: usize,
}

/// What a paste did: how many characters went in, and whether the rest was
/// cut at the field's limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pasted {
    pub inserted: usize,
    pub cut: bool,
}

/// Never typed or pasted into a field: control and bidi characters
/// (domain::text, our rule).
fn refused(c: char) -> bool {
    c.is_control() || crate::domain::text::is_forbidden(c)
}

impl LineInput {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        let mut i = LineInput::default();
        i.insert_str(text);
        i
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn len(&self) -> usize {
        self.len
    }

    fn byte(&self, char_index: usize) -> usize {
        if char_index >= self.len {
            return self.text.len();
        }
        self.text
            .char_indices()
            .nth(char_index)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// Insert a character at the cursor; control characters are ignored.
    /// Returns whether the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        if refused(c) || self.len() >= MAX_CHARS {
            return false;
        }
        let b = self.byte(self.cursor);
        self.text.insert(b, c);
        self.cursor += 1;
        self.len += 1;
        true
    }

    /// Insert pasted text at the cursor in one step (linear in its length):
    /// control and bidi characters left out, the rest cut at [`MAX_CHARS`].
    pub fn insert_str(&mut self, s: &str) -> Pasted {
        let room = MAX_CHARS.saturating_sub(self.len);
        let mut add = String::new();
        let mut n = 0;
        let mut cut = false;
        for c in s.chars().filter(|c| !refused(*c)) {
            if n == room {
                cut = true;
                break;
            }
            add.push(c);
            n += 1;
        }
        let b = self.byte(self.cursor);
        self.text.insert_str(b, &add);
        self.cursor += n;
        self.len += n;
        Pasted { inserted: n, cut }
    }

    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let b = self.byte(self.cursor - 1);
        self.text.remove(b);
        self.cursor -= 1;
        self.len -= 1;
        true
    }

    pub fn delete_forward(&mut self) -> bool {
        if self.cursor >= self.len() {
            return false;
        }
        let b = self.byte(self.cursor);
        self.text.remove(b);
        self.len -= 1;
        true
    }

    /// Delete the word before the cursor (and the blanks after it).
    pub fn delete_word(&mut self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        if start == self.cursor {
            return false;
        }
        let (a, b) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(a..b, "");
        self.len -= self.cursor - start;
        self.cursor = start;
        true
    }

    pub fn clear(&mut self) -> bool {
        let changed = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
        self.len = 0;
        changed
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_not_byte() {
        let mut i = LineInput::new("nama~é");
        assert_eq!(i.cursor(), 6);
        assert!(i.delete_back());
        assert_eq!(i.text(), "nama~");
        i.home();
        i.insert('x');
        assert_eq!(i.text(), "xnama~");
        i.right();
        assert!(i.delete_forward());
        assert_eq!(i.text(), "xnma~");
        i.end();
        i.insert('ü');
        i.left();
        i.insert('-');
        assert_eq!(i.text(), "xnma~-ü");
    }

    #[test]
    fn delete_word_and_clear() {
        let mut i = LineInput::new("kotak>=7 unit~dinas  ");
        assert!(i.delete_word());
        assert_eq!(i.text(), "kotak>=7 ");
        assert!(i.delete_word());
        assert_eq!(i.text(), "");
        assert!(!i.delete_word());
        let mut i = LineInput::new("abc");
        assert!(i.clear());
        assert!(!i.clear());
        assert!(!i.delete_back());
        assert!(!i.delete_forward());
    }

    #[test]
    fn control_characters_and_length_are_refused() {
        let mut i = LineInput::new("a\tb\n");
        assert_eq!(i.text(), "ab");
        assert!(!i.insert('\u{1b}'));
        let long = "x".repeat(MAX_CHARS + 10);
        let mut i = LineInput::new(&long);
        assert_eq!(i.text().len(), MAX_CHARS);
        assert!(!i.insert('y'));
    }

    #[test]
    fn bidi_is_refused_and_a_paste_is_cut_with_a_report() {
        let mut i = LineInput::new("ab");
        assert!(!i.insert('\u{202e}'));
        assert!(!i.insert('\u{9b}'));
        i.home();
        let p = i.insert_str("x\u{1b}]52;c;\u{7}\u{2066}é");
        assert_eq!(
            p,
            Pasted {
                inserted: 8,
                cut: false
            }
        );
        assert_eq!(i.text(), "x]52;c;éab");
        assert_eq!(i.cursor(), 8);
        let p = i.insert_str(&"y".repeat(2 * MAX_CHARS));
        assert!(p.cut);
        assert_eq!(p.inserted, MAX_CHARS - 10);
        assert_eq!(i.text().chars().count(), MAX_CHARS);
        assert!(i.text().ends_with("yab"));
    }

    #[test]
    fn a_megabyte_paste_is_linear() {
        // At one recount per character this took minutes; now it is one pass.
        let big = "é".repeat(1 << 20);
        let t = std::time::Instant::now();
        let mut i = LineInput::default();
        for _ in 0..50 {
            i.clear();
            assert!(i.insert_str(&big).cut);
        }
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
    }
}
