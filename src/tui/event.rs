//! Terminal events to app actions, and the one channel the loop waits on:
//! key presses and resizes from an input thread, results from the filter worker,
//! the pool from the loader thread.

use crate::app::{Action, Chord, Key};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// A message for the loop.
pub enum Msg {
    Action(Action),
    /// Reading the terminal failed (it went away; the error's text), or the
    /// input thread stopped on an internal error (`None`): end.
    InputClosed(Option<String>),
    /// SIGTERM, SIGHUP or SIGINT arrived: restore the terminal and end.
    Signal(i32),
}

/// A crossterm key to a chord; `None` for releases and keys talenta does not use.
pub fn chord(k: &KeyEvent) -> Option<Chord> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let key = match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Insert => Key::Insert,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    let m = k.modifiers;
    Some(Chord::new(
        key,
        m.contains(KeyModifiers::CONTROL),
        m.contains(KeyModifiers::ALT),
        m.contains(KeyModifiers::SHIFT),
    ))
}

/// A terminal event to an action.
pub fn action(ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => chord(&k).map(Action::Key),
        Event::Resize(..) => Some(Action::Resize),
        Event::Paste(s) => Some(Action::Paste(s)),
        _ => None,
    }
}

/// Reads terminal events until stopped; polls so that it notices `stop`.
pub struct Input {
    stop: Arc<AtomicBool>,
    /// Set by the thread as it ends.
    done: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Input {
    pub fn spawn(tx: Sender<Msg>) -> std::io::Result<Input> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let done = Arc::new(AtomicBool::new(false));
        let finished = done.clone();
        let handle = std::thread::Builder::new()
            .name("talenta-input".into())
            .spawn(move || {
                let closed = tx.clone();
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    read_loop(&flag, &tx)
                }));
                if run.is_err() {
                    // The panic hook has restored the terminal: the loop must end.
                    let _ = closed.send(Msg::InputClosed(None));
                }
                finished.store(true, Ordering::Release);
            })?;
        Ok(Input {
            stop,
            done,
            handle: Some(handle),
        })
    }
}

/// Forward terminal events until `stop` is set or the terminal fails.
fn read_loop(stop: &AtomicBool, tx: &Sender<Msg>) {
    while !stop.load(Ordering::Acquire) {
        match event::poll(Duration::from_millis(100)) {
            Ok(false) => continue,
            Ok(true) => match event::read() {
                Ok(ev) => {
                    if let Some(a) = action(ev) {
                        if tx.send(Msg::Action(a)).is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    let _ = tx.send(Msg::InputClosed(Some(e.to_string())));
                    return;
                }
            },
            Err(e) => {
                let _ = tx.send(Msg::InputClosed(Some(e.to_string())));
                return;
            }
        }
    }
}

impl Drop for Input {
    /// Stops the thread and waits for it a little: after a hang-up crossterm's
    /// reader can spin inside `read` on a terminal at end of file and never look
    /// at `stop` again; such a thread is left to end with the process.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        let deadline = std::time::Instant::now() + Duration::from_millis(500);
        while !self.done.load(Ordering::Acquire) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        if let Some(h) = self.handle.take() {
            if self.done.load(Ordering::Acquire) {
                let _ = h.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_chords() {
        let k = |code, m| chord(&KeyEvent::new(code, m));
        assert_eq!(
            k(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Chord::char('G'))
        );
        assert_eq!(
            k(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Chord::parse("ctrl-c")
        );
        assert_eq!(
            k(KeyCode::BackTab, KeyModifiers::SHIFT),
            Chord::parse("backtab")
        );
        assert_eq!(
            k(KeyCode::PageDown, KeyModifiers::NONE),
            Chord::parse("pagedown")
        );
        assert_eq!(k(KeyCode::CapsLock, KeyModifiers::NONE), None);
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(chord(&release), None);
    }
}
