//! Interned names (NIPs, position codes, training names): each distinct text
//! gets a small number once, so keys and references are hashed and compared
//! as integers instead of strings, and not copied per row.
//!
//! At national scale an import names millions of NIPs: an 18-digit text (a
//! NIP's form) is found by its value as a number, and every text is kept
//! once, in one buffer, not as a string of its own.

use foldhash::HashMap;

/// A number standing for a text in one [`Names`].
pub type NameId = u32;

#[derive(Debug, Default)]
pub struct Names {
    /// The 18-digit texts, by their value (one number for one text).
    digits: HashMap<u64, NameId>,
    /// The other texts.
    others: HashMap<Box<str>, NameId>,
    /// Every text, one after another, in the order of their numbers.
    buf: String,
    /// Where each number's text ends in `buf`.
    ends: Vec<usize>,
    /// The last two numbers given or found: a row's NIP is usually the
    /// previous row's, and its other name (a training's) another one.
    recent: [Option<NameId>; 2],
}

impl Names {
    /// The number of `s`, given on first sight.
    pub fn id(&mut self, s: &str) -> NameId {
        for id in self.recent.into_iter().flatten() {
            if self.text(id) == s {
                return id;
            }
        }
        // The number after a recent one: the next NIP of a file in the
        // order of the one before (exports all sort by NIP).
        for id in self.recent.into_iter().flatten() {
            let next = id.wrapping_add(1);
            if self.text(next) == s && (next as usize) < self.ends.len() {
                self.recent = [Some(next), self.recent[0]];
                return next;
            }
        }
        let next = NameId::try_from(self.ends.len()).unwrap_or(NameId::MAX);
        let (id, new) = match crate::domain::nip::as_number(s) {
            Some(n) => match self.digits.entry(n) {
                std::collections::hash_map::Entry::Occupied(e) => (*e.get(), false),
                std::collections::hash_map::Entry::Vacant(e) => (*e.insert(next), true),
            },
            None => match self.others.get(s) {
                Some(&id) => (id, false),
                None => {
                    self.others.insert(s.into(), next);
                    (next, true)
                }
            },
        };
        if new {
            self.buf.push_str(s);
            self.ends.push(self.buf.len());
        }
        self.recent = [Some(id), self.recent[0]];
        id
    }

    /// The text of a number given by [`Names::id`].
    pub fn text(&self, id: NameId) -> &str {
        let i = id as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.buf[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn same_text_same_number() {
        let mut n = Names::default();
        let a = n.id("198609262015051001");
        let b = n.id("J-001");
        assert_ne!(a, b);
        assert_eq!(n.id("198609262015051001"), a);
        assert_eq!(n.text(b), "J-001");
        // Past the two recent ones, and back.
        let c = n.id("x");
        assert_eq!([n.id("y"), n.id("J-001"), n.id("x")], [3, b, c]);
        assert_eq!(n.id("198609262015051001"), a);
        assert_eq!(n.text(3), "y");
        assert_eq!(n.text(99), "");
    }

    proptest! {
        /// Names answers as a map from text to first number does, and gives
        /// each number's text back: digits of any length, with leading
        /// zeros, and other texts.
        #[test]
        fn a_number_for_each_text(texts in proptest::collection::vec(
            prop_oneof!["[0-9]{17,19}", "0{0,3}[0-9]{1,3}", "[a-z0-9-]{0,4}"], 0..200)
        ) {
            let mut names = Names::default();
            let mut model: std::collections::HashMap<String, NameId> = Default::default();
            for t in &texts {
                let next = model.len() as NameId;
                let want = *model.entry(t.clone()).or_insert(next);
                prop_assert_eq!(names.id(t), want, "{:?}", t);
            }
            for (t, id) in &model {
                prop_assert_eq!(names.text(*id), t.as_str());
            }
        }
    }
}
