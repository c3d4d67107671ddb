//! The one key table: every bindable command, the context it works in, its
//! default chords. The app looks keys up here, the help screen and
//! `docs/keys.md` are generated from it, and the user's `[keys]` section of the
//! config file overrides it (`up = ["k", "up"]` for every context, or
//! `grid.up = ["w"]` for one).

use std::collections::BTreeMap;
use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("return", Key::Enter),
    ("esc", Key::Esc),
    ("escape", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("home", Key::Home),
    ("end", Key::End),
    ("pageup", Key::PageUp),
    ("pgup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("pgdn", Key::PageDown),
    ("space", Key::Char(' ')),
];

/// A key with its modifiers, as typed and as written in the config file
/// (`q`, `G`, `ctrl-c`, `shift-tab`, `pagedown`, `f1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Chord {
    /// A chord, normalised: a character carries its own case, so shift is
    /// dropped for characters; with ctrl a letter is taken in lower case;
    /// shift-tab is backtab.
    pub fn new(key: Key, ctrl: bool, alt: bool, shift: bool) -> Chord {
        let (key, shift) = match key {
            Key::Char(c) if ctrl => (Key::Char(c.to_ascii_lowercase()), false),
            Key::Char(_) => (key, false),
            Key::Tab if shift => (Key::BackTab, false),
            Key::BackTab => (Key::BackTab, false),
            _ => (key, shift),
        };
        Chord {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    pub fn plain(key: Key) -> Chord {
        Chord::new(key, false, false, false)
    }

    pub fn char(c: char) -> Chord {
        Chord::plain(Key::Char(c))
    }

    /// Parse the config-file form; `None` when it names no key.
    pub fn parse(s: &str) -> Option<Chord> {
        let s = s.trim();
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                shift = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (None, _) => return None,
            (Some(c), None) if !c.is_control() => Key::Char(c),
            (Some(_), None) => return None,
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(k) = NAMED.iter().find(|(n, _)| *n == lower).map(|(_, k)| *k) {
                    k
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=24).contains(&n) {
                        return None;
                    }
                    Key::F(n)
                } else {
                    return None;
                }
            }
        };
        Some(Chord::new(key, ctrl, alt, shift))
    }

    /// A chord without modifiers that types a character.
    pub fn typed_char(self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::F(n) => write!(f, "f{n}"),
            k => {
                let name = NAMED
                    .iter()
                    .find(|(_, v)| *v == k)
                    .map(|(n, _)| *n)
                    .unwrap_or("?");
                f.write_str(name)
            }
        }
    }
}

/// Where a binding works. `Global` applies on every screen unless the screen's
/// own context binds the same chord; while a prompt is open only `Prompt` applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Table,
    Grid,
    Profile,
    Positions,
    Shortlist,
    Compare,
    Help,
    Prompt,
    Session,
    /// The recommendations awaiting the PPK's outcome.
    Outcomes,
    Form,
    /// The committee's vote panel.
    Vote,
}

impl Context {
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::Table,
        Context::Grid,
        Context::Profile,
        Context::Positions,
        Context::Shortlist,
        Context::Compare,
        Context::Session,
        Context::Outcomes,
        Context::Vote,
        Context::Help,
        Context::Prompt,
        Context::Form,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Table => "table",
            Context::Grid => "grid",
            Context::Profile => "profile",
            Context::Positions => "positions",
            Context::Shortlist => "shortlist",
            Context::Compare => "compare",
            Context::Help => "help",
            Context::Prompt => "prompt",
            Context::Session => "session",
            Context::Outcomes => "outcomes",
            Context::Form => "form",
            Context::Vote => "vote",
        }
    }

    pub fn parse(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// A bindable command. Its name is the key of the config file's `[keys]` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cmd {
    Quit,
    Help,
    Filter,
    Jump,
    Grid,
    Lang,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    Sort,
    SortReverse,
    Next,
    Previous,
    Accept,
    Cancel,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    ClearLine,
    DeleteWord,
    NextMatch,
    Positions,
    Mark,
    Compare,
    Conditions,
    Sessions,
    Decide,
    Calibrate,
    Recuse,
    Discussed,
    NewSession,
    Attend,
    Amend,
    CloseSession,
    Reopen,
    Minutes,
    Outcomes,
    NextField,
    PrevField,
    /// The positions screen: the PPK's establishment of the KRS (a form).
    EstablishKrs,
    /// A member's own conflict of interest for the selected candidate (a form).
    DeclareConflict,
    /// Show or hide the committee's vote panel.
    Vote,
    /// In the recommendation or calibration form: put it to a vote.
    PutToVote,
    VoteFor,
    VoteAgainst,
    VoteAbstain,
    CloseVote,
    CancelVote,
}

impl Cmd {
    pub const ALL: [Cmd; 58] = [
        Cmd::Quit,
        Cmd::Help,
        Cmd::Filter,
        Cmd::Jump,
        Cmd::Grid,
        Cmd::Lang,
        Cmd::Up,
        Cmd::Down,
        Cmd::Left,
        Cmd::Right,
        Cmd::Top,
        Cmd::Bottom,
        Cmd::PageUp,
        Cmd::PageDown,
        Cmd::Open,
        Cmd::Back,
        Cmd::Sort,
        Cmd::SortReverse,
        Cmd::Next,
        Cmd::Previous,
        Cmd::Accept,
        Cmd::Cancel,
        Cmd::CursorLeft,
        Cmd::CursorRight,
        Cmd::LineStart,
        Cmd::LineEnd,
        Cmd::DeleteBack,
        Cmd::DeleteForward,
        Cmd::ClearLine,
        Cmd::DeleteWord,
        Cmd::NextMatch,
        Cmd::Positions,
        Cmd::Mark,
        Cmd::Compare,
        Cmd::Conditions,
        Cmd::Sessions,
        Cmd::Decide,
        Cmd::Calibrate,
        Cmd::Recuse,
        Cmd::Discussed,
        Cmd::NewSession,
        Cmd::Attend,
        Cmd::Amend,
        Cmd::CloseSession,
        Cmd::Reopen,
        Cmd::Minutes,
        Cmd::Outcomes,
        Cmd::NextField,
        Cmd::PrevField,
        Cmd::EstablishKrs,
        Cmd::DeclareConflict,
        Cmd::Vote,
        Cmd::PutToVote,
        Cmd::VoteFor,
        Cmd::VoteAgainst,
        Cmd::VoteAbstain,
        Cmd::CloseVote,
        Cmd::CancelVote,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Cmd::Quit => "quit",
            Cmd::Help => "help",
            Cmd::Filter => "filter",
            Cmd::Jump => "jump",
            Cmd::Grid => "grid",
            Cmd::Lang => "lang",
            Cmd::Up => "up",
            Cmd::Down => "down",
            Cmd::Left => "left",
            Cmd::Right => "right",
            Cmd::Top => "top",
            Cmd::Bottom => "bottom",
            Cmd::PageUp => "page_up",
            Cmd::PageDown => "page_down",
            Cmd::Open => "open",
            Cmd::Back => "back",
            Cmd::Sort => "sort",
            Cmd::SortReverse => "sort_reverse",
            Cmd::Next => "next",
            Cmd::Previous => "previous",
            Cmd::Accept => "accept",
            Cmd::Cancel => "cancel",
            Cmd::CursorLeft => "cursor_left",
            Cmd::CursorRight => "cursor_right",
            Cmd::LineStart => "line_start",
            Cmd::LineEnd => "line_end",
            Cmd::DeleteBack => "delete_back",
            Cmd::DeleteForward => "delete_forward",
            Cmd::ClearLine => "clear_line",
            Cmd::DeleteWord => "delete_word",
            Cmd::NextMatch => "next_match",
            Cmd::Positions => "positions",
            Cmd::Mark => "mark",
            Cmd::Compare => "compare",
            Cmd::Conditions => "conditions",
            Cmd::Sessions => "sessions",
            Cmd::Decide => "decide",
            Cmd::Calibrate => "calibrate",
            Cmd::Recuse => "recuse",
            Cmd::Discussed => "discussed",
            Cmd::NewSession => "new_session",
            Cmd::Attend => "attend",
            Cmd::Amend => "amend",
            Cmd::CloseSession => "close_session",
            Cmd::Reopen => "reopen",
            Cmd::Minutes => "minutes",
            Cmd::Outcomes => "outcomes",
            Cmd::NextField => "next_field",
            Cmd::PrevField => "previous_field",
            Cmd::EstablishKrs => "establish_krs",
            Cmd::DeclareConflict => "declare_conflict",
            Cmd::Vote => "vote",
            Cmd::PutToVote => "put_to_vote",
            Cmd::VoteFor => "vote_for",
            Cmd::VoteAgainst => "vote_against",
            Cmd::VoteAbstain => "vote_abstain",
            Cmd::CloseVote => "close_vote",
            Cmd::CancelVote => "cancel_vote",
        }
    }

    pub fn parse(s: &str) -> Option<Cmd> {
        Cmd::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// The keys of every list and scrolled text: one group, spliced into each
/// context that shows one (`Row::List`).
const LIST_KEYS: &[(Cmd, &[&str])] = &[
    (Cmd::Up, &["up", "k"]),
    (Cmd::Down, &["down", "j"]),
    (Cmd::PageUp, &["pageup", "ctrl-u"]),
    (Cmd::PageDown, &["pagedown", "ctrl-d"]),
    (Cmd::Top, &["g", "home"]),
    (Cmd::Bottom, &["G", "end"]),
];

/// The keys of every line of text input (the filter or jump prompt, a form's
/// fields): one group, spliced into each context that edits (`Row::Editing`).
const EDITING_KEYS: &[(Cmd, &[&str])] = &[
    (Cmd::CursorLeft, &["left"]),
    (Cmd::CursorRight, &["right"]),
    (Cmd::LineStart, &["home", "ctrl-a"]),
    (Cmd::LineEnd, &["end", "ctrl-e"]),
    (Cmd::DeleteBack, &["backspace", "ctrl-h"]),
    (Cmd::DeleteForward, &["delete"]),
    (Cmd::DeleteWord, &["ctrl-w"]),
    (Cmd::ClearLine, &["ctrl-u"]),
];

/// A line of the defaults: one command's chords, or a shared group of keys.
enum Row {
    Keys(Cmd, &'static [&'static str]),
    List,
    Editing,
}

use Row::{Editing, Keys, List};

/// The defaults: context, then its commands and chords. The order is the
/// help screen's order.
const DEFAULTS: &[(Context, &[Row])] = &[
    (
        Context::Global,
        &[
            Keys(Cmd::Help, &["?", "f1"]),
            Keys(Cmd::Filter, &["/"]),
            Keys(Cmd::Jump, &[":", "ctrl-f"]),
            Keys(Cmd::Grid, &["tab", "b"]),
            Keys(Cmd::Positions, &["P"]),
            Keys(Cmd::Lang, &["L"]),
            Keys(Cmd::Sessions, &["c"]),
            Keys(Cmd::Decide, &["d"]),
            Keys(Cmd::Calibrate, &["K"]),
            Keys(Cmd::Recuse, &["r"]),
            Keys(Cmd::DeclareConflict, &["B"]),
            Keys(Cmd::Discussed, &["m"]),
            Keys(Cmd::Vote, &["V"]),
            Keys(Cmd::Quit, &["q", "ctrl-c"]),
        ],
    ),
    (
        Context::Table,
        &[
            List,
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::Sort, &["s"]),
            Keys(Cmd::SortReverse, &["S"]),
            Keys(Cmd::Back, &["esc"]),
        ],
    ),
    (
        Context::Grid,
        &[
            Keys(Cmd::Up, &["up", "k"]),
            Keys(Cmd::Down, &["down", "j"]),
            Keys(Cmd::Left, &["left", "h"]),
            Keys(Cmd::Right, &["right", "l"]),
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::Back, &["esc"]),
        ],
    ),
    (
        Context::Profile,
        &[
            List,
            Keys(Cmd::Next, &["n"]),
            Keys(Cmd::Previous, &["p"]),
            Keys(Cmd::Back, &["esc", "backspace"]),
        ],
    ),
    (
        Context::Positions,
        &[
            List,
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::EstablishKrs, &["E"]),
            Keys(Cmd::Back, &["esc"]),
        ],
    ),
    (
        Context::Shortlist,
        &[
            List,
            Keys(Cmd::Open, &["enter"]),
            // `m` and `c` are the global "discussed" and session panel.
            Keys(Cmd::Mark, &["space", "t"]),
            Keys(Cmd::Compare, &["v"]),
            Keys(Cmd::Conditions, &["e"]),
            Keys(Cmd::Back, &["esc", "backspace"]),
        ],
    ),
    (
        Context::Compare,
        &[
            List,
            Keys(Cmd::Left, &["left", "h"]),
            Keys(Cmd::Right, &["right", "l"]),
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::Conditions, &["e"]),
            Keys(Cmd::Back, &["esc", "backspace"]),
        ],
    ),
    (
        Context::Session,
        &[
            List,
            Keys(Cmd::Left, &["left", "h", "backtab"]),
            Keys(Cmd::Right, &["right", "l", "tab"]),
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::NewSession, &["n"]),
            Keys(Cmd::Attend, &["a"]),
            Keys(Cmd::Amend, &["e"]),
            Keys(Cmd::CloseSession, &["C"]),
            Keys(Cmd::Reopen, &["O"]),
            Keys(Cmd::Minutes, &["M"]),
            Keys(Cmd::Outcomes, &["o"]),
            Keys(Cmd::Back, &["esc", "backspace"]),
        ],
    ),
    (
        Context::Vote,
        &[
            Keys(Cmd::VoteFor, &["y", "1"]),
            Keys(Cmd::VoteAgainst, &["n", "2"]),
            Keys(Cmd::VoteAbstain, &["a", "3"]),
            Keys(Cmd::CloseVote, &["C"]),
            Keys(Cmd::CancelVote, &["X"]),
            // `V` is the global key that shows and hides this panel.
            Keys(Cmd::Back, &["esc"]),
        ],
    ),
    (
        Context::Outcomes,
        &[
            List,
            Keys(Cmd::Open, &["enter"]),
            Keys(Cmd::Back, &["esc", "backspace"]),
        ],
    ),
    (Context::Help, &[List, Keys(Cmd::Back, &["esc", "?"])]),
    (
        Context::Prompt,
        &[
            Keys(Cmd::Accept, &["enter"]),
            Keys(Cmd::Cancel, &["esc", "ctrl-c"]),
            Keys(Cmd::NextMatch, &["down", "ctrl-n"]),
            Editing,
        ],
    ),
    (
        Context::Form,
        &[
            Keys(Cmd::Accept, &["enter"]),
            Keys(Cmd::Cancel, &["esc", "ctrl-c"]),
            Keys(Cmd::NextField, &["tab"]),
            Keys(Cmd::PrevField, &["backtab"]),
            Keys(Cmd::PutToVote, &["ctrl-o"]),
            Keys(Cmd::Down, &["down"]),
            Keys(Cmd::Up, &["up"]),
            Editing,
        ],
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub cmd: Cmd,
    pub chords: Vec<Chord>,
}

/// What is wrong with a `[keys]` entry. Rendered for users by `strings::*::ui`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The entry names no command (or no context) that can be bound.
    UnknownAction(String),
    /// The command exists but not in the named context.
    NotInContext {
        entry: String,
    },
    BadChord {
        entry: String,
        chord: String,
    },
    Empty {
        entry: String,
    },
    /// Two commands of one context share a chord.
    Conflict {
        context: Context,
        chord: Chord,
        first: Cmd,
        second: Cmd,
    },
    /// A screen's own key hides a global session key on that screen.
    Shadows {
        context: Context,
        chord: Chord,
        own: Cmd,
        global: Cmd,
    },
}

/// The committee's candidate and session commands: reachable with the same
/// key from every screen (no screen's own key may hide them).
pub const SESSION_KEYS: [Cmd; 7] = [
    Cmd::Sessions,
    Cmd::Decide,
    Cmd::Calibrate,
    Cmd::Recuse,
    Cmd::DeclareConflict,
    Cmd::Discussed,
    Cmd::Vote,
];

impl Context {
    /// Whether typed characters are text here (no global key applies).
    pub fn is_text(self) -> bool {
        matches!(self, Context::Prompt | Context::Form)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap::defaults()
    }
}

impl KeyMap {
    pub fn defaults() -> KeyMap {
        let mut bindings = Vec::new();
        for (context, rows) in DEFAULTS {
            let bind = |(cmd, chords): &(Cmd, &[&str])| Binding {
                context: *context,
                cmd: *cmd,
                chords: chords
                    .iter()
                    .map(|s| Chord::parse(s).expect("default chords parse"))
                    .collect(),
            };
            for row in *rows {
                match row {
                    Keys(cmd, chords) => bindings.push(bind(&(*cmd, *chords))),
                    List => bindings.extend(LIST_KEYS.iter().map(bind)),
                    Editing => bindings.extend(EDITING_KEYS.iter().map(bind)),
                }
            }
        }
        KeyMap { bindings }
    }

    /// The defaults with the config file's `[keys]` applied. Every problem is
    /// reported, not only the first.
    pub fn with_overrides(keys: &BTreeMap<String, Vec<String>>) -> Result<KeyMap, Vec<KeyError>> {
        let mut map = KeyMap::defaults();
        let mut errors = Vec::new();
        for (entry, chords) in keys {
            let (context, name) = match entry.split_once('.') {
                Some((c, n)) => match Context::parse(c.trim()) {
                    Some(c) => (Some(c), n.trim()),
                    None => {
                        errors.push(KeyError::UnknownAction(entry.clone()));
                        continue;
                    }
                },
                None => (None, entry.trim()),
            };
            let Some(cmd) = Cmd::parse(name) else {
                errors.push(KeyError::UnknownAction(entry.clone()));
                continue;
            };
            let targets: Vec<usize> = map
                .bindings
                .iter()
                .enumerate()
                .filter(|(_, b)| b.cmd == cmd && context.is_none_or(|c| c == b.context))
                .map(|(i, _)| i)
                .collect();
            if targets.is_empty() {
                errors.push(KeyError::NotInContext {
                    entry: entry.clone(),
                });
                continue;
            }
            if chords.is_empty() {
                errors.push(KeyError::Empty {
                    entry: entry.clone(),
                });
                continue;
            }
            let mut parsed = Vec::new();
            for s in chords {
                match Chord::parse(s) {
                    Some(c) if !parsed.contains(&c) => parsed.push(c),
                    Some(_) => {}
                    None => errors.push(KeyError::BadChord {
                        entry: entry.clone(),
                        chord: s.clone(),
                    }),
                }
            }
            if !parsed.is_empty() {
                for i in targets {
                    map.bindings[i].chords = parsed.clone();
                }
            }
        }
        errors.extend(map.conflicts());
        if errors.is_empty() {
            Ok(map)
        } else {
            Err(errors)
        }
    }

    fn conflicts(&self) -> Vec<KeyError> {
        let mut out = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if a.context != b.context || a.cmd == b.cmd {
                    continue;
                }
                if let Some(chord) = a.chords.iter().find(|c| b.chords.contains(c)) {
                    out.push(KeyError::Conflict {
                        context: a.context,
                        chord: *chord,
                        first: a.cmd,
                        second: b.cmd,
                    });
                }
            }
        }
        out.extend(self.shadows());
        out
    }

    /// A screen's own binding on a chord of a global session key.
    fn shadows(&self) -> Vec<KeyError> {
        let globals = self
            .bindings
            .iter()
            .filter(|b| b.context == Context::Global && SESSION_KEYS.contains(&b.cmd));
        let mut out = Vec::new();
        for g in globals {
            for own in self.bindings.iter() {
                if own.context == Context::Global || own.context.is_text() {
                    continue;
                }
                if let Some(chord) = own.chords.iter().find(|c| g.chords.contains(c)) {
                    out.push(KeyError::Shadows {
                        context: own.context,
                        chord: *chord,
                        own: own.cmd,
                        global: g.cmd,
                    });
                }
            }
        }
        out
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The command of a chord in one context only.
    pub fn lookup_in(&self, context: Context, chord: Chord) -> Option<Cmd> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.chords.contains(&chord))
            .map(|b| b.cmd)
    }

    /// The command of a chord on a screen: its own context first, then `Global`
    /// (except in `Prompt`, where typed text must not trigger commands).
    pub fn lookup(&self, context: Context, chord: Chord) -> Option<Cmd> {
        self.lookup_in(context, chord).or_else(|| {
            (!context.is_text())
                .then(|| self.lookup_in(Context::Global, chord))
                .flatten()
        })
    }

    /// The chords of a command in a context (empty when it is not bound there).
    pub fn chords(&self, context: Context, cmd: Cmd) -> &[Chord] {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.cmd == cmd)
            .map(|b| b.chords.as_slice())
            .unwrap_or(&[])
    }

    /// The first chord of a command, for hints (`? help`).
    pub fn hint(&self, context: Context, cmd: Cmd) -> Option<Chord> {
        self.chords(context, cmd).first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn chords_parse_and_print_round_trip() {
        for s in [
            "q", "G", "?", "/", ":", "ctrl-c", "alt-x", "enter", "esc", "tab", "backtab", "pageup",
            "pagedown", "f1", "f12", "space", "-", "ctrl--", "shift-up", "home",
        ] {
            let c = Chord::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(Chord::parse(&c.to_string()), Some(c), "{s}");
        }
        assert_eq!(Chord::parse("Ctrl-C"), Chord::parse("ctrl-c"));
        assert_eq!(Chord::parse("shift-tab"), Chord::parse("backtab"));
        assert_eq!(Chord::parse("PgDn"), Chord::parse("pagedown"));
        assert_eq!(Chord::parse("ctrl-c").unwrap().to_string(), "ctrl-c");
        assert_eq!(Chord::parse("G").unwrap().to_string(), "G");
    }

    #[test]
    fn bad_chords_are_refused() {
        for s in ["", "  ", "ctrl-", "hyper-x", "f0", "f99", "enterr", "\u{7}"] {
            assert_eq!(Chord::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn shift_is_part_of_a_character() {
        assert_eq!(
            Chord::new(Key::Char('G'), false, false, true),
            Chord::char('G')
        );
        assert_ne!(Chord::char('G'), Chord::char('g'));
        assert_eq!(
            Chord::new(Key::Char('C'), true, false, true),
            Chord::parse("ctrl-c").unwrap()
        );
    }

    #[test]
    fn defaults_have_no_conflicts_and_cover_the_issue() {
        let m = KeyMap::defaults();
        assert!(m.conflicts().is_empty(), "{:?}", m.conflicts());
        let g = |c: &str| m.lookup(Context::Table, Chord::parse(c).unwrap());
        assert_eq!(g("q"), Some(Cmd::Quit));
        assert_eq!(g("?"), Some(Cmd::Help));
        assert_eq!(g("/"), Some(Cmd::Filter));
        assert_eq!(g("g"), Some(Cmd::Top));
        assert_eq!(g("G"), Some(Cmd::Bottom));
        assert_eq!(g("pageup"), Some(Cmd::PageUp));
        assert_eq!(g("pagedown"), Some(Cmd::PageDown));
        assert_eq!(g("L"), Some(Cmd::Lang));
        let grid = |c: &str| m.lookup(Context::Grid, Chord::parse(c).unwrap());
        for (k, cmd) in [
            ("h", Cmd::Left),
            ("j", Cmd::Down),
            ("k", Cmd::Up),
            ("l", Cmd::Right),
        ] {
            assert_eq!(grid(k), Some(cmd));
        }
    }

    #[test]
    fn prompt_does_not_fall_through_to_global() {
        let m = KeyMap::defaults();
        assert_eq!(m.lookup(Context::Prompt, Chord::char('q')), None);
        assert_eq!(m.lookup(Context::Prompt, Chord::char('?')), None);
        assert_eq!(
            m.lookup(Context::Prompt, Chord::parse("ctrl-c").unwrap()),
            Some(Cmd::Cancel)
        );
    }

    #[test]
    fn overrides_apply_to_all_contexts_or_one() {
        let m = KeyMap::with_overrides(&keys(&[("quit", &["x"]), ("grid.up", &["w"])])).unwrap();
        assert_eq!(m.lookup(Context::Table, Chord::char('x')), Some(Cmd::Quit));
        assert_eq!(m.lookup(Context::Table, Chord::char('q')), None);
        assert_eq!(m.lookup(Context::Grid, Chord::char('w')), Some(Cmd::Up));
        assert_eq!(m.lookup(Context::Grid, Chord::char('k')), None);
        assert_eq!(m.lookup(Context::Table, Chord::char('k')), Some(Cmd::Up));
        let m = KeyMap::with_overrides(&keys(&[("up", &["w"])])).unwrap();
        assert_eq!(m.lookup(Context::Table, Chord::char('w')), Some(Cmd::Up));
        assert_eq!(m.lookup(Context::Profile, Chord::char('w')), Some(Cmd::Up));
    }

    #[test]
    fn bad_overrides_are_all_reported() {
        let e = KeyMap::with_overrides(&keys(&[
            ("qiut", &["x"]),
            ("quit", &["ctrl-"]),
            ("grid.sort", &["s"]),
            ("nowhere.up", &["w"]),
            ("help", &[]),
        ]))
        .unwrap_err();
        assert!(e.contains(&KeyError::UnknownAction("qiut".into())));
        assert!(e.contains(&KeyError::UnknownAction("nowhere.up".into())));
        assert!(e.contains(&KeyError::BadChord {
            entry: "quit".into(),
            chord: "ctrl-".into()
        }));
        assert!(e.contains(&KeyError::NotInContext {
            entry: "grid.sort".into()
        }));
        assert!(e.contains(&KeyError::Empty {
            entry: "help".into()
        }));
    }

    #[test]
    fn conflicts_within_a_context_are_reported() {
        let e = KeyMap::with_overrides(&keys(&[("table.sort", &["j"])])).unwrap_err();
        assert_eq!(
            e,
            vec![KeyError::Conflict {
                context: Context::Table,
                chord: Chord::char('j'),
                first: Cmd::Down,
                second: Cmd::Sort,
            }]
        );
    }

    #[test]
    fn a_context_entry_from_the_config_file() {
        let c = crate::config::Config::parse("[keys]\n\"grid.up\" = [\"w\"]\nquit = [\"x\"]\n")
            .unwrap();
        let m = KeyMap::with_overrides(&c.keys).unwrap();
        assert_eq!(m.lookup(Context::Grid, Chord::char('w')), Some(Cmd::Up));
        assert_eq!(m.lookup(Context::Grid, Chord::char('x')), Some(Cmd::Quit));
    }

    #[test]
    fn session_keys_are_the_same_on_every_screen() {
        let m = KeyMap::defaults();
        for ctx in Context::ALL.into_iter().filter(|c| !c.is_text()) {
            for cmd in SESSION_KEYS {
                for &chord in m.chords(Context::Global, cmd) {
                    assert_eq!(m.lookup(ctx, chord), Some(cmd), "{chord} on {ctx:?}");
                }
            }
        }
        let s = |c: &str| m.lookup(Context::Shortlist, Chord::parse(c).unwrap());
        assert_eq!(s("c"), Some(Cmd::Sessions));
        assert_eq!(s("m"), Some(Cmd::Discussed));
        assert_eq!(s("d"), Some(Cmd::Decide));
        assert_eq!(s("t"), Some(Cmd::Mark));
        assert_eq!(s("space"), Some(Cmd::Mark));
        assert_eq!(s("v"), Some(Cmd::Compare));
    }

    #[test]
    fn a_screen_key_over_a_session_key_is_refused() {
        let e = KeyMap::with_overrides(&keys(&[("shortlist.mark", &["d"])])).unwrap_err();
        assert_eq!(
            e,
            vec![KeyError::Shadows {
                context: Context::Shortlist,
                chord: Chord::char('d'),
                own: Cmd::Mark,
                global: Cmd::Decide,
            }]
        );
        // Moving the global key instead clears the way.
        let m = KeyMap::with_overrides(&keys(&[("decide", &["D"])])).unwrap();
        assert_eq!(
            m.lookup(Context::Table, Chord::char('D')),
            Some(Cmd::Decide)
        );
    }

    #[test]
    fn every_command_is_bound_somewhere() {
        let m = KeyMap::defaults();
        for c in Cmd::ALL {
            assert!(m.bindings().iter().any(|b| b.cmd == c), "{c:?}");
            assert_eq!(Cmd::parse(c.name()), Some(c));
        }
    }
}
