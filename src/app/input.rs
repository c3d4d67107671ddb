//! A one-line text input (the filter and quick-jump prompts), edited by
//! character position so that multi-byte text never splits.

/// Longest input accepted; a filter longer than this is not typed by hand.
pub const MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters, 0..=len.
    cursor: usize,
}

impl LineInput {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        let text: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_CHARS)
            .collect();
        let cursor = text.chars().count();
        LineInput { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// Insert a character at the cursor; control characters are ignored.
    /// Returns whether the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.len() >= MAX_CHARS {
            return false;
        }
        let b = self.byte(self.cursor);
        self.text.insert(b, c);
        self.cursor += 1;
        true
    }

    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let b = self.byte(self.cursor - 1);
        self.text.remove(b);
        self.cursor -= 1;
        true
    }

    pub fn delete_forward(&mut self) -> bool {
        if self.cursor >= self.len() {
            return false;
        }
        let b = self.byte(self.cursor);
        self.text.remove(b);
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
        self.cursor = start;
        true
    }

    pub fn clear(&mut self) -> bool {
        let changed = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
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
}
