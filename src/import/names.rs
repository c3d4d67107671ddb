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
        let id = match self.ids.get(s) {
            Some(&id) => id,
            None => {
                let id = NameId::try_from(self.texts.len()).unwrap_or(NameId::MAX);
                self.ids.insert(s.into(), id);
                self.texts.push(s.into());
                id
            }
        };
        self.recent = [Some(id), self.recent[0]];
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
        // Past the two recent ones, and back.
        let c = n.id("x");
        assert_eq!([n.id("y"), n.id("J-001"), n.id("x")], [3, b, c]);
        assert_eq!(n.id("198609262015051001"), a);
        assert_eq!(n.text(3), "y");
    }
}
