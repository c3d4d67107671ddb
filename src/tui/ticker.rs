//! The poll timer: an `Action::Tick` every [`EVERY`], so that the app can ask
//! SQLite's `PRAGMA data_version` whether another connection (the CLI in
//! another terminal, a second committee screen) committed a change.

use super::event::Msg;
use crate::app::Action;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

pub const EVERY: Duration = Duration::from_millis(500);

/// Sends ticks until dropped.
pub struct Ticker {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Ticker {
    pub fn spawn(tx: Sender<Msg>) -> std::io::Result<Ticker> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let handle = std::thread::Builder::new()
            .name("talenta-tick".into())
            .spawn(move || {
                // Sleep in short steps so that dropping the ticker is quick.
                let step = Duration::from_millis(50);
                let mut waited = Duration::ZERO;
                while !flag.load(Ordering::Acquire) {
                    std::thread::sleep(step);
                    waited += step;
                    if waited >= EVERY {
                        waited = Duration::ZERO;
                        if tx.send(Msg::Action(Action::Tick)).is_err() {
                            return;
                        }
                    }
                }
            })?;
        Ok(Ticker {
            stop,
            handle: Some(handle),
        })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
