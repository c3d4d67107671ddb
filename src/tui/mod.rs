//! The committee screen in a real terminal: `talenta` without a command.
//!
//! Startup checks everything that can be wrong before the screen changes
//! (key overrides, theme, the database, a terminal), so errors print as plain
//! CLI errors. The pool loads on its own thread while the first screen is
//! already up; filtering runs on the worker; the loop draws only after
//! something changed.

pub mod event;
pub mod secretary;
pub mod shadow;
pub mod signals;
pub mod terminal;
pub mod ticker;

use crate::app::filtering::{Filtering, Worker};
use crate::app::session::backend::StoreSessions;
use crate::app::{Action, App, Fatal, KeyMap, Options};
use crate::context::{CliError, CliResult, Ctx};
use crate::store::load::{load_pool_snapshot_later, Need};
use crate::store::positions::load_positions;
use crate::store::{OpenMode, Store};
use crate::tr;
use crate::ui::{Theme, ThemeName};
use event::{Input, Msg};
use std::io::IsTerminal;
use std::sync::mpsc;
use std::sync::Arc;
use terminal::Session;

/// The key map of the config file's `[keys]`, or every problem with it.
pub fn keymap(ctx: &Ctx) -> CliResult<KeyMap> {
    KeyMap::with_overrides(&ctx.config.keys).map_err(|errors| {
        CliError::input(tr!(ctx.lang, ui::KEYS_INVALID))
            .with_details(errors.iter().map(|e| e.text(ctx.lang)).collect())
    })
}

/// The theme: `NO_COLOR` wins, then the config's `theme`, then `default`;
/// its symbols ASCII when `--ascii`, the config's `ascii` or the locale says
/// so (`config::resolve_ascii`).
pub fn theme(ctx: &Ctx) -> CliResult<Theme> {
    let configured = match &ctx.config.theme {
        Some(t) => Some(
            ThemeName::parse(t)
                .ok_or_else(|| CliError::input(tr!(ctx.lang, ui::theme_unknown(t))))?,
        ),
        None => None,
    };
    let no_color = std::env::var("NO_COLOR").ok();
    let locale = crate::config::ctype_locale(|v| std::env::var(v).ok());
    let ascii = crate::config::resolve_ascii(&ctx.config, locale.as_deref());
    Ok(Theme::new(ThemeName::resolve(configured, no_color.as_deref())).with_ascii(ascii))
}

/// The actor when it is known before the screen starts (`--as`, the
/// config's `secretary`), checked as `--as` is.
fn known_actor(ctx: &Ctx, named: bool) -> CliResult<Option<crate::store::Actor>> {
    let actor = secretary::known(&ctx.actor, named, &ctx.config);
    if let (false, Some(a)) = (named, &actor) {
        crate::domain::text::check(&a.name, crate::domain::text::Lines::One).map_err(|e| {
            let what = tr!(ctx.lang, ui::WHAT_SECRETARY);
            CliError::input(tr!(ctx.lang, cli::control_in(what, &e)))
        })?;
    }
    Ok(actor)
}

/// The local screen; `named`: `--as` was given (no question asked).
pub fn run(ctx: &Ctx, named: bool) -> CliResult {
    let lang = ctx.lang;
    let keymap = keymap(ctx)?;
    let theme = theme(ctx)?;
    let known = known_actor(ctx, named)?;
    let store = ctx.open()?;
    if !std::io::stdout().is_terminal() {
        return Err(CliError::input(tr!(lang, ui::NOT_A_TERMINAL)));
    }
    let terminal_error =
        |e: std::io::Error| CliError::runtime(tr!(lang, ui::terminal_failed(&e.to_string())));

    let (tx, rx) = mpsc::channel::<Msg>();
    let results = tx.clone();
    let worker = Worker::spawn(move |o| {
        let _ = results.send(Msg::Action(Action::Filtered(o)));
    })
    .map_err(terminal_error)?;
    let mut app = App::new(
        Options { lang, keymap },
        Filtering::Background(worker),
        Box::new(store),
    );
    // The session panel reads and writes on a connection of its own, whose
    // `data_version` tells when anyone else committed.
    let sessions = Store::open(&ctx.db, OpenMode::Existing).map_err(|e| ctx.store_error(e))?;
    app.zone = ctx.config.agency.zone();
    let reload = Reloader {
        ctx,
        tx: tx.clone(),
        loads: Arc::default(),
    };
    spawn_loader(&reload).map_err(terminal_error)?;

    let mut session = Session::enter().map_err(terminal_error)?;
    let ticker = ticker::Ticker::spawn(tx.clone()).map_err(terminal_error)?;
    let watch = signals::Watch::spawn(tx.clone()).map_err(terminal_error)?;
    let input = Input::spawn(tx).map_err(terminal_error)?;
    let actor = match known {
        Some(a) => Ok(a),
        None => ask_name(&mut session, &mut app, &rx, &theme, &reload).map(|answer| {
            // Kept for the next start; when the file cannot be written the
            // name still holds for this one.
            if let Some(path) = crate::config::Config::default_path() {
                let _ = crate::config::save_secretary(&path, answer.kept());
            }
            secretary::with_name(&ctx.actor, answer.kept())
        }),
    };
    let result = actor.and_then(|actor| {
        app.at_keyboard = secretary::shown(&actor);
        // The backend checks every write against the app's access (Local here).
        let mut backend = StoreSessions::new(sessions, actor, ctx.rules().clone())
            .with_access(app.access.clone());
        backend.agency = ctx.config.agency.clone();
        app.attach_sessions(Box::new(backend));
        app.dirty = true;
        event_loop(&mut session, &mut app, &rx, &theme, &reload)
    });
    drop(watch);
    drop(input);
    drop(ticker);
    drop(session);
    result?;
    match app.fatal {
        Some(Fatal::WorkerCrashed) => Err(CliError::runtime(tr!(lang, ui::WORKER_CRASHED))),
        None => Ok(()),
    }
}

/// Load the pool on its own connection and thread; while a load runs, a
/// request waits for it and one more load follows (a reload asked while the
/// pool is being read, e.g. on the commit of the load's own snapshot stamp,
/// does not read it a second time side by side).
fn spawn_loader(reload: &Reloader) -> std::io::Result<()> {
    {
        let mut l = reload.loads.lock().unwrap_or_else(|e| e.into_inner());
        if l.running {
            l.again = true;
            return Ok(());
        }
        l.running = true;
    }
    let ctx = reload.ctx;
    let db = ctx.db.clone();
    let as_of = ctx.as_of;
    let rules = ctx.rules().clone();
    let lang = ctx.lang;
    let tx = reload.tx.clone();
    let loads = reload.loads.clone();
    let spawned = std::thread::Builder::new()
        .name("talenta-load".into())
        .spawn(move || loop {
            load_once(&db, as_of, &rules, lang, &tx);
            let mut l = loads.lock().unwrap_or_else(|e| e.into_inner());
            if !std::mem::take(&mut l.again) {
                l.running = false;
                return;
            }
        });
    if spawned.is_err() {
        reload
            .loads
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .running = false;
    }
    spawned.map(|_| ())
}

/// One load of the pool and the positions, sent to the screen.
fn load_once(
    db: &std::path::Path,
    as_of: chrono::NaiveDate,
    rules: &crate::domain::Rules,
    lang: crate::lang::Lang,
    tx: &mpsc::Sender<Msg>,
) {
    let loaded = Store::open(db, OpenMode::Existing).and_then(|s| {
        let (pool, due) = load_pool_snapshot_later(&s.conn, as_of, rules, Need::All)?;
        let positions = load_positions(&s.conn)?;
        Ok((pool, due, positions))
    });
    match loaded {
        Ok((pool, due, positions)) => {
            let pool = Arc::new(pool);
            let _ = tx.send(Msg::Action(Action::PositionsLoaded(Arc::new(positions))));
            let _ = tx.send(Msg::Action(Action::PoolLoaded(pool.clone())));
            // The pool is on the screen; the snapshot for the next start is
            // written here, off the input path.
            if let Some(due) = due {
                due.write(&pool);
            }
        }
        Err(e) => {
            let _ = tx.send(Msg::Action(Action::PoolFailed(tr!(
                lang,
                cli::store_error(&e)
            ))));
        }
    }
}

/// Whether a load runs, and whether another was asked for meanwhile.
#[derive(Default)]
struct Loads {
    running: bool,
    again: bool,
}

/// Loads the pool again (off the input path) when the database changed.
struct Reloader<'a> {
    ctx: &'a Ctx,
    tx: mpsc::Sender<Msg>,
    loads: Arc<std::sync::Mutex<Loads>>,
}

/// Ask who is at the keyboard over the first screen (which loads and draws
/// behind the question); keys go to the question until Enter or Esc.
fn ask_name(
    session: &mut Session,
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    theme: &Theme,
    reload: &Reloader,
) -> CliResult<secretary::Answer> {
    let lang = app.lang;
    let os_user = reload.ctx.actor.os_user.clone();
    let mut prompt = secretary::NamePrompt::default();
    loop {
        session
            .terminal
            .draw(|f| {
                crate::ui::draw(f, app, theme);
                let area = f.area();
                let keys = &app.keymap;
                let input = &prompt.input;
                let at = crate::ui::form::name_prompt(
                    f.buffer_mut(),
                    area,
                    lang,
                    keys,
                    &os_user,
                    input,
                    theme,
                );
                if let Some(p) = at {
                    f.set_cursor_position(p);
                }
            })
            .map_err(|e| CliError::runtime(tr!(lang, ui::terminal_failed(&e.to_string()))))?;
        app.dirty = false;
        let msg = rx.recv().unwrap_or(Msg::InputClosed(None));
        match msg {
            Msg::Action(Action::Key(chord)) => {
                if let Some(answer) = prompt.key(&app.keymap, chord) {
                    return Ok(answer);
                }
            }
            Msg::Action(Action::Paste(text)) => prompt.paste(&text),
            Msg::Action(a) => step(app, a, reload),
            other => return Err(ended(other, lang)),
        }
    }
}

/// One action for the app; a reload of the pool when the database changed.
fn step(app: &mut App, a: Action, reload: &Reloader) {
    app.step(a);
    if app.take_pool_reload() {
        // A failed spawn only means the pool stays as it was.
        let _ = spawn_loader(reload);
    }
}

/// The error that ends the screen on a message other than an action.
fn ended(msg: Msg, lang: crate::lang::Lang) -> CliError {
    match msg {
        Msg::InputClosed(Some(e)) => CliError::runtime(tr!(lang, ui::terminal_failed(&e))),
        Msg::InputClosed(None) => CliError::runtime(tr!(lang, ui::INPUT_CRASHED)),
        Msg::Signal(signal) => {
            // The conventional status of a process ended by a signal.
            let mut e = CliError::runtime(tr!(lang, ui::stopped_by(signals::name(signal))));
            e.code = 128u8.saturating_add(signal as u8);
            e
        }
        Msg::Action(_) => CliError::runtime(tr!(lang, ui::INPUT_CRASHED)),
    }
}

/// Wait for messages, step the app, draw when something changed. Messages
/// that arrived together are all taken before one draw.
fn event_loop(
    session: &mut Session,
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    theme: &Theme,
    reload: &Reloader,
) -> CliResult {
    let lang = app.lang;
    loop {
        if app.dirty {
            shadow::draw(&mut session.terminal, app, theme)
                .map_err(|e| CliError::runtime(tr!(lang, ui::terminal_failed(&e.to_string()))))?;
            app.dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        let Ok(mut msg) = rx.recv() else {
            return Ok(());
        };
        loop {
            match msg {
                Msg::Action(a) => step(app, a, reload),
                other => return Err(ended(other, lang)),
            }
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
