//! One member's committee screen: the same [`App`] as the local screen, on
//! a thread of its own, drawn through the shadow backend into the SSH
//! channel. Keys arrive as the channel's bytes (decoded by
//! [`input`](super::input)), window changes as resizes, the pool from the
//! [`Hub`](super::hub::Hub). A write that fails (the client vanished) ends
//! this screen only.

use super::hub::Hub;
use super::input::{Decoder, Input};
use crate::app::filtering::{Filtering, Worker};
use crate::app::session::backend::StoreSessions;
use crate::app::{Action, App, Fatal, KeyMap, Options};
use crate::domain::access::{Access, Identity};
use crate::domain::Rules;
use crate::lang::Lang;
use crate::store::{Actor, OpenMode, Store};
use crate::tr;
use crate::tui::event::chord;
use crate::tui::shadow::{self, ShadowBackend};
use crate::ui::Theme;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::layout::Size;
use ratatui::Terminal;
use russh::server::Handle;
use russh::ChannelId;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The most key bytes waiting for a screen; a client sending faster than
/// its screen can take them loses the excess (no person types that fast).
pub const BACKLOG_MAX: usize = 256 * 1024;
/// The poll for changes by other connections (the app's tick).
const TICK: Duration = Duration::from_millis(500);
/// How long one frame may take to leave before the client counts as gone.
const WRITE_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest window drawn: a client may claim any size, the screen's
/// buffers must stay small.
pub const MAX_SIZE: Size = Size {
    width: 500,
    height: 200,
};

/// A message for a screen's thread.
pub enum ScreenMsg {
    /// Bytes the member's terminal sent.
    Bytes(Vec<u8>),
    /// The window changed size (columns, rows).
    Resize(u32, u32),
    Action(Action),
    /// The client closed the channel or the connection.
    Closed,
    /// The server is stopping.
    Shutdown,
}

/// How a screen ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    Quit,
    ClosedByClient,
    Idle,
    /// Writing to the client failed (it vanished); the error's text.
    Lost(String),
    Shutdown,
    /// Something inside failed; the text.
    Failed(String),
}

/// A window size clamped to what can be drawn (at least 1x1). Zero means
/// unknown (RFC 4254: the client may give the size in pixels only): 80x24.
pub fn clamp(cols: u32, rows: u32) -> Size {
    let cols = if cols == 0 { 80 } else { cols };
    let rows = if rows == 0 { 24 } else { rows };
    Size {
        width: cols.clamp(1, u32::from(MAX_SIZE.width)) as u16,
        height: rows.clamp(1, u32::from(MAX_SIZE.height)) as u16,
    }
}

/// The SSH channel as a writer: a frame is collected, then sent in one
/// message when ratatui flushes.
pub struct ChannelOut {
    pub ssh: Handle,
    pub channel: ChannelId,
    pub rt: tokio::runtime::Handle,
    buf: Vec<u8>,
    /// A send failed: the client is gone, later frames are dropped.
    dead: bool,
}

impl ChannelOut {
    pub fn new(ssh: Handle, channel: ChannelId, rt: tokio::runtime::Handle) -> ChannelOut {
        ChannelOut {
            ssh,
            channel,
            rt,
            buf: Vec::with_capacity(16 * 1024),
            dead: false,
        }
    }

    /// What closes the channel once the writer belongs to the terminal.
    fn closer(&self) -> ChannelOut {
        ChannelOut::new(self.ssh.clone(), self.channel, self.rt.clone())
    }

    /// Run an async step of the SSH session from this (non-async) thread.
    fn block<F: std::future::Future>(&self, f: F) -> Option<F::Output> {
        self.rt
            .block_on(async { tokio::time::timeout(WRITE_TIMEOUT, f).await })
            .ok()
    }

    /// End the channel: exit status, EOF, close (errors ignored: the client may be gone).
    pub fn close(&self, status: u32) {
        let (ssh, id) = (&self.ssh, self.channel);
        self.block(async {
            let _ = ssh.exit_status_request(id, status).await;
            let _ = ssh.eof(id).await;
            let _ = ssh.close(id).await;
        });
    }
}

impl Write for ChannelOut {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() || self.dead {
            self.buf.clear();
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buf);
        let (ssh, id) = (&self.ssh, self.channel);
        let sent = self.block(ssh.data(id, bytes));
        self.dead = !matches!(sent, Some(Ok(())));
        match sent {
            Some(Ok(())) => Ok(()),
            Some(Err(_)) => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the connection is closed",
            )),
            None => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            )),
        }
    }
}

/// Everything a screen is made of.
pub struct Setup {
    pub identity: Identity,
    pub lang: Lang,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub size: Size,
    pub db: PathBuf,
    pub rules: Rules,
    pub agency: crate::config::Agency,
    pub hub: Arc<Hub>,
    pub idle: Duration,
    pub out: ChannelOut,
    /// Key bytes sent to the screen and not yet taken (see [`BACKLOG_MAX`]).
    pub backlog: Arc<AtomicUsize>,
}

/// Told how the screen ended, before its channel is closed.
pub type Done = Arc<dyn Fn(End) + Send + Sync>;

/// Start a screen on its own thread.
pub fn spawn(setup: Setup, done: Done) -> io::Result<Sender<ScreenMsg>> {
    let (tx, rx) = mpsc::channel();
    let to_screen = tx.clone();
    std::thread::Builder::new()
        .name("talenta-serve-screen".into())
        .spawn(move || {
            let closer = setup.out.closer();
            let told = done.clone();
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run(setup, &to_screen, &rx, &told)
            }));
            if run.is_err() {
                done(End::Failed("panic".into()));
                closer.close(1);
            }
        })?;
    Ok(tx)
}

fn run(setup: Setup, tx: &Sender<ScreenMsg>, rx: &Receiver<ScreenMsg>, done: &Done) {
    let Setup {
        identity,
        lang,
        keymap,
        theme,
        size,
        db,
        rules,
        agency,
        hub,
        idle,
        out,
        backlog,
    } = setup;
    let results = tx.clone();
    let worker = match Worker::spawn(move |o| {
        let _ = results.send(ScreenMsg::Action(Action::Filtered(o)));
    }) {
        Ok(w) => w,
        Err(e) => return fail(done, &out, e.to_string()),
    };
    let (profiles, sessions) = match (
        Store::open(&db, OpenMode::Existing),
        Store::open(&db, OpenMode::Existing),
    ) {
        (Ok(p), Ok(s)) => (p, s),
        (Err(e), _) | (_, Err(e)) => return fail(done, &out, e.to_string()),
    };
    let mut app = App::new(
        Options { lang, keymap },
        Filtering::Background(worker),
        Box::new(profiles),
    );
    let actor = Actor {
        name: identity.name.clone(),
        os_user: Actor::os_user_name(),
        key: Some(identity.key.clone()),
    };
    app.access = Access::Member(identity);
    app.zone = agency.zone();
    let mut backend = StoreSessions::new(sessions, actor, rules).with_access(app.access.clone());
    backend.agency = agency;
    app.attach_sessions(Box::new(backend));
    let closer = out.closer();
    let backend = ShadowBackend::with_size(out, size);
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(e) => return fail(done, &closer, e.to_string()),
    };
    let id = hub.join(tx.clone());
    let end = match enter(terminal.backend_mut()) {
        Ok(()) => event_loop(&mut terminal, &mut app, rx, &theme, (idle, &backlog)),
        Err(e) => End::Lost(e.to_string()),
    };
    hub.leave(id);
    leave(&mut terminal, &end, lang);
    let status = if end == End::Quit { 0 } else { 1 };
    done(end);
    closer.close(status);
}

/// The screen could not start: say so in the log, close the channel.
fn fail(done: &Done, out: &ChannelOut, e: String) {
    done(End::Failed(e));
    out.close(1);
}

fn enter(w: &mut ShadowBackend<ChannelOut>) -> io::Result<()> {
    crossterm::queue!(w, EnterAlternateScreen, Hide, EnableBracketedPaste)?;
    Write::flush(w)
}

/// Give the member's terminal back as it was, and say why when it was not
/// their own doing.
fn leave(terminal: &mut Terminal<ShadowBackend<ChannelOut>>, end: &End, lang: Lang) {
    if !matches!(end, End::Lost(_) | End::ClosedByClient) {
        say_goodbye(terminal.backend_mut(), end, lang);
    }
    // The cursor shown through the terminal itself, while the channel is
    // open: dropping the terminal after the channel is closed then has no
    // cursor to restore, and nothing fails into the server's log. (When the
    // client is gone this first write fails and marks the channel dead; the
    // drop's own attempt then sends nothing and succeeds.)
    let _ = terminal.show_cursor();
}

fn say_goodbye(w: &mut ShadowBackend<ChannelOut>, end: &End, lang: Lang) {
    let _ = crossterm::queue!(w, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let why = match end {
        End::Idle => Some(tr!(lang, serve::SCREEN_IDLE)),
        End::Shutdown => Some(tr!(lang, serve::SCREEN_SHUTDOWN)),
        End::Failed(_) => Some(tr!(lang, serve::SCREEN_FAILED)),
        _ => None,
    };
    if let Some(why) = why {
        let _ = write!(w, "talenta: {why}\r\n");
    }
    let _ = Write::flush(w);
}

/// Wait for messages, step the app, draw when something changed.
fn event_loop(
    terminal: &mut Terminal<ShadowBackend<ChannelOut>>,
    app: &mut App,
    rx: &Receiver<ScreenMsg>,
    theme: &Theme,
    (idle, backlog): (Duration, &AtomicUsize),
) -> End {
    let mut decoder = Decoder::new();
    let mut last_key = Instant::now();
    let mut next_tick = Instant::now() + TICK;
    loop {
        if app.dirty {
            if let Err(e) = shadow::draw(terminal, app, theme) {
                return End::Lost(e.to_string());
            }
            app.dirty = false;
        }
        if app.quit {
            return match app.fatal {
                Some(Fatal::WorkerCrashed) => End::Failed("filter worker".into()),
                None => End::Quit,
            };
        }
        let now = Instant::now();
        if now >= last_key + idle {
            return End::Idle;
        }
        let wait = next_tick
            .min(last_key + idle)
            .saturating_duration_since(now);
        let mut msg = match rx.recv_timeout(wait) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                if Instant::now() >= next_tick {
                    next_tick = Instant::now() + TICK;
                    app.step(Action::Tick);
                    // The hub reloads the shared pool for every screen.
                    let _ = app.take_pool_reload();
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return End::ClosedByClient,
        };
        // Everything that arrived together, then one draw.
        loop {
            match msg {
                ScreenMsg::Bytes(b) => {
                    backlog.fetch_sub(b.len(), Ordering::AcqRel);
                    last_key = Instant::now();
                    for input in decoder.feed(&b) {
                        let action = match input {
                            Input::Key(k) => chord(&k).map(Action::Key),
                            Input::Paste(s) => Some(Action::Paste(s)),
                        };
                        if let Some(a) = action {
                            app.step(a);
                        }
                        if app.quit {
                            break;
                        }
                    }
                }
                ScreenMsg::Resize(cols, rows) => {
                    terminal.backend_mut().set_size(clamp(cols, rows));
                    app.step(Action::Resize);
                }
                ScreenMsg::Action(a) => app.step(a),
                ScreenMsg::Closed => return End::ClosedByClient,
                ScreenMsg::Shutdown => return End::Shutdown,
            }
            let _ = app.take_pool_reload();
            if app.quit {
                break;
            }
            match rx.try_recv() {
                Ok(m) => msg = m,
                Err(_) => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_are_clamped_and_zero_is_unknown() {
        assert_eq!(clamp(1, 1), Size::new(1, 1));
        assert_eq!(clamp(0, 0), Size::new(80, 24));
        assert_eq!(clamp(100_000, 70_000), MAX_SIZE);
        assert_eq!(clamp(120, 40), Size::new(120, 40));
    }
}
