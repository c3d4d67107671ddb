//! Who is at the keyboard of the local screen: the name its session writes
//! are recorded under (with the OS user). `--as` names it; else the
//! config's `secretary`; else the screen asks once, at start, and keeps the
//! answer in the config file (an empty answer: skipped, the OS user is
//! recorded and the question is not asked again). Over `talenta serve` the
//! member's key decides and nothing here applies.

use crate::app::input::LineInput;
use crate::app::keymap::{Cmd, Context};
use crate::app::{Chord, KeyMap};
use crate::config::Config;
use crate::store::Actor;

/// The answer to the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Name(String),
    /// Esc, or Enter on an empty line: the OS user is recorded.
    Skip,
}

impl Answer {
    /// What the config file keeps: the name, or `""` for skipped.
    pub fn kept(&self) -> &str {
        match self {
            Answer::Name(n) => n,
            Answer::Skip => "",
        }
    }
}

/// The question's one line of input.
#[derive(Debug, Default)]
pub struct NamePrompt {
    pub input: LineInput,
}

impl NamePrompt {
    /// A key; the answer once Enter or Esc ends the question. The editing
    /// keys are the prompt's (`[keys]` overrides apply).
    pub fn key(&mut self, keymap: &KeyMap, chord: Chord) -> Option<Answer> {
        let i = &mut self.input;
        match keymap.lookup(Context::Prompt, chord) {
            Some(Cmd::Accept) => {
                let name = i.text().trim();
                return Some(if name.is_empty() {
                    Answer::Skip
                } else {
                    Answer::Name(name.to_string())
                });
            }
            Some(Cmd::Cancel) => return Some(Answer::Skip),
            Some(Cmd::CursorLeft) => i.left(),
            Some(Cmd::CursorRight) => i.right(),
            Some(Cmd::LineStart) => i.home(),
            Some(Cmd::LineEnd) => i.end(),
            Some(Cmd::DeleteBack) => _ = i.delete_back(),
            Some(Cmd::DeleteForward) => _ = i.delete_forward(),
            Some(Cmd::DeleteWord) => _ = i.delete_word(),
            Some(Cmd::ClearLine) => _ = i.clear(),
            Some(_) => {}
            None => {
                if let Some(c) = chord.typed_char() {
                    i.insert(c);
                }
            }
        }
        None
    }

    /// Pasted text, on one line.
    pub fn paste(&mut self, text: &str) {
        self.input.insert_str(&text.replace(['\n', '\r'], " "));
    }
}

/// The actor when nobody needs to be asked: `--as` (`named`), else the
/// config's `secretary`; `None`: ask.
pub fn known(actor: &Actor, named: bool, config: &Config) -> Option<Actor> {
    if named {
        return Some(actor.clone());
    }
    config.secretary.as_deref().map(|n| with_name(actor, n))
}

/// `actor` recorded under `name` (the OS user when `name` is blank).
pub fn with_name(actor: &Actor, name: &str) -> Actor {
    let name = name.trim();
    Actor {
        name: if name.is_empty() {
            actor.os_user.clone()
        } else {
            name.to_string()
        },
        ..actor.clone()
    }
}

/// What the status line shows: the name, when it is not only the OS user's.
pub fn shown(actor: &Actor) -> Option<String> {
    (actor.name != actor.os_user).then(|| actor.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> Actor {
        Actor {
            name: "root".into(),
            os_user: "root".into(),
            key: None,
        }
    }

    #[test]
    fn as_then_the_config_then_ask() {
        let c = Config::parse("secretary = \"Siti Rahma\"\n").unwrap();
        let named = Actor {
            name: "Budi".into(),
            ..root()
        };
        assert_eq!(known(&named, true, &c).unwrap().name, "Budi");
        let a = known(&root(), false, &c).unwrap();
        assert_eq!(
            (a.name.as_str(), a.os_user.as_str()),
            ("Siti Rahma", "root")
        );
        assert_eq!(shown(&a).as_deref(), Some("Siti Rahma"));
        let skipped = Config::parse("secretary = \"\"\n").unwrap();
        let a = known(&root(), false, &skipped).unwrap();
        assert_eq!((a.name.as_str(), shown(&a)), ("root", None));
        assert!(known(&root(), false, &Config::default()).is_none());
    }
}
