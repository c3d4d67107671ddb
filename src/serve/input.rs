//! The bytes a member's terminal sends over the SSH channel, as the key
//! events crossterm gives the local screen: UTF-8 characters, control keys,
//! the VT100/xterm escape sequences of arrows, Home/End, PgUp/PgDn, Insert,
//! Delete and F1-F12 (with their Shift/Alt/Ctrl forms), Alt+key as `Esc`
//! followed by the key, and bracketed paste.
//!
//! An `Esc` alone at the end of what arrived is the Esc key; an escape
//! sequence or a UTF-8 character cut off at the end waits for the next
//! bytes. Unknown sequences are dropped; no input makes the decoder panic
//! (property test below).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the member did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
}

/// The longest paste kept (the rest is dropped): a paste goes into a
/// one-line field, never into anything large.
const PASTE_MAX: usize = 64 * 1024;
/// The longest escape sequence waited for; longer ones are dropped.
const SEQUENCE_MAX: usize = 32;

const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns the channel's bytes into inputs, keeping what is cut off.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// One step of decoding: what was found and how many bytes it took.
enum Step {
    Found(Option<Input>, usize),
    /// The bytes so far are the start of something longer.
    Incomplete,
    PasteStart(usize),
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Input> {
    Some(Input::Key(KeyEvent::new(code, modifiers)))
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decode the bytes of one read.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        let mut out = Vec::new();
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut at = 0;
        while at < buf.len() {
            if let Some(paste) = self.paste.as_mut() {
                match find(&buf[at..], PASTE_END) {
                    Some(end) => {
                        keep_pasted(paste, &buf[at..at + end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        out.push(Input::Paste(text));
                        self.paste = None;
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // Keep a possible start of the end marker for the next read.
                        let tail = partial_suffix(&buf[at..], PASTE_END);
                        let body_end = buf.len() - tail;
                        keep_pasted(paste, &buf[at..body_end]);
                        self.pending = buf[body_end..].to_vec();
                        return out;
                    }
                }
                continue;
            }
            match step(&buf[at..]) {
                Step::Found(input, used) => {
                    out.extend(input);
                    at += used;
                }
                Step::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Step::Incomplete => {
                    self.pending = buf[at..].to_vec();
                    break;
                }
            }
        }
        out
    }
}

fn keep_pasted(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = PASTE_MAX.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `hay` are a proper prefix of `needle`.
fn partial_suffix(hay: &[u8], needle: &[u8]) -> usize {
    (1..needle.len())
        .rev()
        .find(|&n| hay.len() >= n && hay[hay.len() - n..] == needle[..n])
        .unwrap_or(0)
}

/// Decode the input at the start of `b` (not empty).
fn step(b: &[u8]) -> Step {
    match b[0] {
        0x1b => escape(b),
        _ => plain(b),
    }
}

/// A key without a leading Esc.
fn plain(b: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let k = match b[0] {
        b'\r' | b'\n' => key(KeyCode::Enter, none),
        b'\t' => key(KeyCode::Tab, none),
        0x7f | 0x08 => key(KeyCode::Backspace, none),
        0x00 => key(KeyCode::Char(' '), ctrl),
        c @ 0x01..=0x1a => key(KeyCode::Char((c - 1 + b'a') as char), ctrl),
        c @ 0x1c..=0x1f => key(KeyCode::Char((c - 0x1c + b'4') as char), ctrl),
        _ => return utf8(b),
    };
    Step::Found(k, 1)
}

/// One UTF-8 character; an invalid byte is dropped.
fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Found(None, 1),
    };
    if b.len() < len {
        // A character cut off at the end of the read, unless it is already broken.
        return if b[1..].iter().all(|c| c & 0xc0 == 0x80) {
            Step::Incomplete
        } else {
            Step::Found(None, 1)
        };
    }
    match std::str::from_utf8(&b[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Found(key(KeyCode::Char(c), m), len)
        }
        None => Step::Found(None, 1),
    }
}

/// What follows an Esc: a CSI or SS3 sequence, Alt+key, or Esc alone.
fn escape(b: &[u8]) -> Step {
    match b.get(1) {
        None => Step::Found(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Step::Incomplete,
            Some(&c) => Step::Found(ss3(c, KeyModifiers::NONE), 3),
        },
        // Esc Esc: the first is the Esc key.
        Some(0x1b) => Step::Found(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        Some(_) => match plain(&b[1..]) {
            Step::Found(Some(Input::Key(mut k)), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Found(Some(Input::Key(k)), used + 1)
            }
            Step::Found(other, used) => Step::Found(other, used + 1),
            other => other,
        },
    }
}

/// The SS3 keys (`Esc O x`): arrows and Home/End in application mode, F1-F4.
fn ss3(c: u8, m: KeyModifiers) -> Option<Input> {
    let code = match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    };
    key(code, m)
}

/// A CSI sequence (`Esc [ params final`).
fn csi(b: &[u8]) -> Step {
    // The Linux console's F1-F5: Esc [ [ A..E.
    if b.get(2) == Some(&b'[') {
        return match b.get(3) {
            None => Step::Incomplete,
            Some(&c @ b'A'..=b'E') => {
                Step::Found(key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE), 4)
            }
            Some(_) => Step::Found(None, 4),
        };
    }
    let Some(end) = b[2..].iter().position(|c| (0x40..=0x7e).contains(c)) else {
        return if b.len() > SEQUENCE_MAX {
            Step::Found(None, b.len())
        } else {
            Step::Incomplete
        };
    };
    let used = end + 3;
    let params: Vec<u16> = std::str::from_utf8(&b[2..2 + end])
        .unwrap_or("")
        .split(';')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let first = params.first().copied().unwrap_or(0);
    let m = modifiers(params.get(1).copied().unwrap_or(1));
    let found = match b[2 + end] {
        b'Z' => key(KeyCode::BackTab, KeyModifiers::SHIFT),
        b'~' => {
            if first == 200 {
                return Step::PasteStart(used);
            }
            tilde(first, m)
        }
        c => ss3(c, m).filter(|_| !matches!(c, b'P'..=b'S') || first == 1),
    };
    Step::Found(found, used)
}

/// `Esc [ n ~` keys.
fn tilde(n: u16, m: KeyModifiers) -> Option<Input> {
    let code = match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23 | 24 => KeyCode::F((n - 12) as u8),
        _ => return None,
    };
    key(code, m)
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(p: u16) -> KeyModifiers {
    let bits = p.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
        Decoder::new()
            .feed(bytes)
            .into_iter()
            .filter_map(|i| match i {
                Input::Key(k) => Some((k.code, k.modifiers)),
                Input::Paste(_) => None,
            })
            .collect()
    }

    const N: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn characters_and_control_keys() {
        assert_eq!(
            keys("aÉ€\r\t\x7f".as_bytes()),
            vec![
                (KeyCode::Char('a'), N),
                (KeyCode::Char('É'), KeyModifiers::SHIFT),
                (KeyCode::Char('€'), N),
                (KeyCode::Enter, N),
                (KeyCode::Tab, N),
                (KeyCode::Backspace, N),
            ]
        );
        assert_eq!(
            keys(b"\x03"),
            vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn escape_sequences_of_xterm_and_the_linux_console() {
        assert_eq!(
            keys(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~\x1b[2~\x1b[Z"),
            vec![
                (KeyCode::Up, N),
                (KeyCode::Down, N),
                (KeyCode::PageUp, N),
                (KeyCode::PageDown, N),
                (KeyCode::Home, N),
                (KeyCode::End, N),
                (KeyCode::Delete, N),
                (KeyCode::Insert, N),
                (KeyCode::BackTab, KeyModifiers::SHIFT),
            ]
        );
        assert_eq!(
            keys(b"\x1bOP\x1b[15~\x1b[24~\x1b[[A\x1b[1;5C"),
            vec![
                (KeyCode::F(1), N),
                (KeyCode::F(5), N),
                (KeyCode::F(12), N),
                (KeyCode::F(1), N),
                (KeyCode::Right, KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_lone_esc_is_esc_and_esc_glued_to_a_key_is_alt() {
        assert_eq!(keys(b"\x1b"), vec![(KeyCode::Esc, N)]);
        assert_eq!(
            keys(b"\x1bx"),
            vec![(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
        assert_eq!(
            keys(b"\x1b\x1b[A"),
            vec![(KeyCode::Esc, N), (KeyCode::Up, N)]
        );
    }

    #[test]
    fn what_is_cut_off_waits_for_the_next_read() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[1").is_empty());
        assert_eq!(
            d.feed(b"~"),
            vec![Input::Key(KeyEvent::new(KeyCode::Home, N))]
        );
        let mut d = Decoder::new();
        assert!(d.feed(&"€".as_bytes()[..2]).is_empty());
        assert_eq!(
            d.feed(&"€".as_bytes()[2..]),
            vec![Input::Key(KeyEvent::new(KeyCode::Char('€'), N))]
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_input_even_across_reads() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[200~q\rx\x1b[2").is_empty());
        assert_eq!(
            d.feed(b"01~j"),
            vec![
                Input::Paste("q\rx".into()),
                Input::Key(KeyEvent::new(KeyCode::Char('j'), N))
            ]
        );
    }

    proptest! {
        #[test]
        fn no_bytes_make_the_decoder_panic(reads in proptest::collection::vec(
            proptest::collection::vec(any::<u8>(), 0..40), 0..8)) {
            let mut d = Decoder::new();
            for r in &reads {
                d.feed(r);
            }
            prop_assert!(d.pending.len() <= SEQUENCE_MAX + PASTE_END.len());
        }
    }
}
