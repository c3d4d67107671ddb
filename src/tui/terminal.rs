//! The terminal's lifecycle: raw mode, alternate screen and hidden cursor on
//! entry; everything undone on exit, on error and on panic.
//!
//! As csvlens and gitui do it: [`Session::enter`] chains a panic hook that
//! restores the terminal before the previous hook prints the panic, and
//! [`Session`]'s `Drop` restores it on every other way out (unless a panic is
//! unwinding, in which case the hook has already done it).

use super::shadow::ShadowBackend;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::ExecutableCommand;
use ratatui::Terminal;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

/// Set once the terminal has been restored: frame bytes still buffered then
/// are dropped rather than drawn over the normal screen.
static RESTORED: AtomicBool = AtomicBool::new(false);

/// The frame buffer: everything ratatui writes for one frame goes out in one
/// write when it flushes after the draw (over SSH every packet counts).
pub struct Output {
    buf: Vec<u8>,
}

impl Output {
    pub fn new() -> Output {
        Output {
            buf: Vec::with_capacity(64 * 1024),
        }
    }
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

impl Write for Output {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if RESTORED.load(Ordering::Acquire) {
            self.buf.clear();
            return Ok(());
        }
        let mut out = io::stdout().lock();
        let written = out.write_all(&self.buf).and_then(|_| out.flush());
        self.buf.clear();
        written
    }
}

pub type Backend = ShadowBackend<Output>;

/// Undo what `enter` did. Safe to call more than once; errors are ignored
/// because there is nothing better to do with them on the way out.
pub fn restore() {
    RESTORED.store(true, Ordering::Release);
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.execute(DisableBracketedPaste);
    let _ = out.execute(LeaveAlternateScreen);
    let _ = out.execute(Show);
    let _ = out.flush();
}

static HOOK: Once = Once::new();

/// Restore the terminal before any panic message is printed.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The terminal in use by the TUI.
pub struct Session {
    pub terminal: Terminal<Backend>,
}

impl Session {
    pub fn enter() -> io::Result<Session> {
        install_panic_hook();
        RESTORED.store(false, Ordering::Release);
        enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = out
            .execute(EnterAlternateScreen)
            .and_then(|o| o.execute(Hide))
            // A paste arrives as one event, so a pasted newline or `q` is text, not a key.
            .and_then(|o| o.execute(EnableBracketedPaste))
            .map(|_| ());
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        let backend = ShadowBackend::new(Output::new());
        match Terminal::new(backend) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = self.terminal.backend_mut().flush();
            restore();
        }
    }
}
