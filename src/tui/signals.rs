//! SIGTERM, SIGHUP (a dropped SSH connection) and SIGINT end the screen the
//! way `q` does: the loop returns, and [`Session`](super::terminal::Session)'s
//! `Drop` restores the terminal before the process exits. Without this the
//! default action kills the process with the alternate screen still on and
//! the cursor hidden.

use super::event::Msg;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

/// The signals that end the screen.
pub const ENDING: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// The signal's name, for the message on the way out.
pub fn name(signal: i32) -> &'static str {
    match signal {
        SIGTERM => "SIGTERM",
        SIGHUP => "SIGHUP",
        SIGINT => "SIGINT",
        _ => "signal",
    }
}

/// Forwards the ending signals to the loop while it lives.
pub struct Watch {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
}

impl Watch {
    pub fn spawn(tx: Sender<Msg>) -> std::io::Result<Watch> {
        let mut signals = Signals::new(ENDING)?;
        let handle = signals.handle();
        let thread = std::thread::Builder::new()
            .name("talenta-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if tx.send(Msg::Signal(signal)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Watch {
            handle,
            thread: Some(thread),
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
