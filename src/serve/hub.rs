//! What the screens share: one pool (and its positions), loaded once and
//! handed to every screen as the same `Arc`, and loaded again once when
//! anyone commits a change. A watcher thread asks SQLite's `PRAGMA
//! data_version` on a connection of its own every [`POLL`] (it changes when
//! any other connection committed: a member's screen, the CLI), reloads,
//! and sends the new pool to every screen; each screen's own session panel
//! follows its own connection's `data_version` (the app's tick). So what one
//! member does shows on the others' screens within a second.

use super::screen::ScreenMsg;
use crate::app::Action;
use crate::domain::{Pool, Position, Rules};
use crate::lang::Lang;
use crate::store::load::load_pool;
use crate::store::positions::load_positions;
use crate::store::{OpenMode, Store};
use crate::tr;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the watcher asks whether the database changed.
pub const POLL: Duration = Duration::from_millis(300);

/// Where the pool comes from.
pub struct Source {
    pub db: PathBuf,
    pub as_of: NaiveDate,
    pub rules: Rules,
    pub lang: Lang,
}

#[derive(Default)]
struct State {
    pool: Option<Arc<Pool>>,
    positions: Option<Arc<Vec<Position>>>,
    failed: Option<String>,
    next_id: u64,
    screens: Vec<(u64, Sender<ScreenMsg>)>,
}

/// The shared pool and the screens that show it.
pub struct Hub {
    state: Mutex<State>,
    stop: AtomicBool,
}

impl Hub {
    /// Load the pool, then keep watching the database on a thread of its own.
    pub fn start(source: Source) -> std::io::Result<Arc<Hub>> {
        let hub = Arc::new(Hub {
            state: Mutex::new(State::default()),
            stop: AtomicBool::new(false),
        });
        let watching = hub.clone();
        std::thread::Builder::new()
            .name("talenta-serve-watch".into())
            .spawn(move || watching.watch(&source))?;
        Ok(hub)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A screen thread that panicked holding the lock left consistent data.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Add a screen: it is sent the pool as it is now (if loaded) and every
    /// new one after. Returns the id to [`leave`](Hub::leave) with.
    pub fn join(&self, tx: Sender<ScreenMsg>) -> u64 {
        let mut s = self.state();
        for a in current(&s) {
            let _ = tx.send(ScreenMsg::Action(a));
        }
        s.next_id += 1;
        let id = s.next_id;
        s.screens.push((id, tx));
        id
    }

    pub fn leave(&self, id: u64) {
        self.state().screens.retain(|(i, _)| *i != id);
    }

    /// Tell every screen (the server is stopping), and stop watching.
    pub fn shut_down(&self) {
        self.stop.store(true, Ordering::Release);
        for (_, tx) in self.state().screens.drain(..) {
            let _ = tx.send(ScreenMsg::Shutdown);
        }
    }

    fn watch(&self, source: &Source) {
        // The version last loaded; `None` until the first load.
        let mut seen: Option<Option<i64>> = None;
        let mut watcher: Option<Store> = None;
        while !self.stop.load(Ordering::Acquire) {
            if watcher.is_none() {
                watcher = Store::open(&source.db, OpenMode::Existing).ok();
            }
            let version = watcher.as_ref().and_then(|w| {
                w.conn
                    .query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))
                    .ok()
            });
            if seen != Some(version) {
                seen = Some(version);
                self.reload(source, watcher.as_ref());
            }
            if version.is_none() {
                // No database or a broken connection: open another next time.
                watcher = None;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Load the pool and the positions and send them to every screen.
    fn reload(&self, source: &Source, store: Option<&Store>) {
        let loaded = match store {
            Some(s) => load(s, source),
            None => Store::open(&source.db, OpenMode::Existing).and_then(|s| load(&s, source)),
        };
        let mut s = self.state();
        match loaded {
            Ok((pool, positions)) => {
                s.pool = Some(Arc::new(pool));
                s.positions = Some(Arc::new(positions));
                s.failed = None;
            }
            Err(e) => s.failed = Some(tr!(source.lang, cli::store_error(&e))),
        }
        let actions = current(&s);
        s.screens.retain(|(_, tx)| {
            actions
                .iter()
                .all(|a| tx.send(ScreenMsg::Action(a.clone())).is_ok())
        });
    }
}

fn load(s: &Store, source: &Source) -> crate::store::Result<(Pool, Vec<Position>)> {
    let pool = load_pool(&s.conn, source.as_of, &source.rules)?;
    Ok((pool, load_positions(&s.conn)?))
}

/// What a screen is sent to show the pool as it is now.
fn current(s: &State) -> Vec<Action> {
    let mut out = Vec::new();
    if let Some(p) = &s.positions {
        out.push(Action::PositionsLoaded(p.clone()));
    }
    match (&s.pool, &s.failed) {
        (_, Some(e)) => out.push(Action::PoolFailed(e.clone())),
        (Some(p), None) => out.push(Action::PoolLoaded(p.clone())),
        (None, None) => {}
    }
    out
}
