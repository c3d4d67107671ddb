//! Interned names (NIPs, position codes, training names): each distinct text
//! gets a small number once, so keys and references are hashed and compared
//! as integers instead of strings, and not copied per row.

use foldhash::HashMap;

/// A number standing for a text in one [`Names`].
pub type NameId = u32;

#[derive(Debug, Default)]
pub struct Names {
    ids: HashMap<Box<str>, NameId>,
    texts: Vec<Box<str>>,
}

impl Names {
    /// The number of `s`, given on first sight.
    pub fn id(&mut self, s: &str) -> NameId {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = NameId::try_from(self.texts.len()).unwrap_or(NameId::MAX);
        self.ids.insert(s.into(), id);
        self.texts.push(s.into());
        id
    }

    /// The text of a number given by [`Names::id`].
    pub fn text(&self, id: NameId) -> &str {
        self.texts.get(id as usize).map_or("", |s| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_number() {
        let mut n = Names::default();
        let a = n.id("198609262015051001");
        let b = n.id("J-001");
        assert_ne!(a, b);
        assert_eq!(n.id("198609262015051001"), a);
        assert_eq!(n.text(b), "J-001");
    }
}
