//! Starting and stopping the server: the host key, the shared pool, the
//! listening socket, the runtime; SIGINT or SIGTERM closes every screen
//! (each member is told) and ends.

use super::hub::{Hub, Source};
use super::{accept_loop, hostkey, ssh_config, Limits, Shared};
use crate::context::{CliError, CliResult, Ctx};
use crate::store::{OpenMode, Store};
use crate::tr;
use crate::ui::ThemeName;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// `talenta serve`'s options.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: String,
    pub limits: Limits,
}

pub fn run(ctx: &Ctx, opts: &Options) -> CliResult {
    let lang = ctx.lang;
    let keymap = crate::tui::keymap(ctx)?;
    // Checked now so that a bad theme is an error at start, not per screen.
    crate::tui::theme(ctx)?;
    let theme = ctx.config.theme.as_deref().and_then(ThemeName::parse);
    let keys = Store::open(&ctx.db, OpenMode::Existing).map_err(|e| ctx.store_error(e))?;
    let key_path = hostkey::path_for(&ctx.db);
    let (host_key, created) = hostkey::load_or_create(&key_path)
        .map_err(|e| CliError::runtime(tr!(lang, serve::host_key_failed(&e.to_string()))))?;
    let fingerprint = super::keys::fingerprint(host_key.public_key());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("talenta-serve")
        .build()
        .map_err(|e| CliError::runtime(e.to_string()))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(opts.listen.as_str()))
        .map_err(|e| {
            CliError::runtime(tr!(
                lang,
                serve::listen_failed(&opts.listen, &e.to_string())
            ))
        })?;
    let address = listener
        .local_addr()
        .map_err(|e| CliError::runtime(e.to_string()))?;
    let hub = Hub::start(Source {
        db: ctx.db.clone(),
        as_of: ctx.as_of,
        rules: ctx.rules().clone(),
        lang,
    })
    .map_err(|e| CliError::runtime(e.to_string()))?;
    let mut shared = Shared::new(
        lang,
        keymap,
        theme,
        ctx.db.clone(),
        ctx.rules().clone(),
        hub.clone(),
        keys,
        runtime.handle().clone(),
        opts.limits,
    );
    shared.agency = ctx.config.agency.clone();
    super::log::use_zone(shared.agency.zone());
    shared.ascii = ctx.config.ascii;
    let shared = Arc::new(shared);
    let config = Arc::new(ssh_config(host_key, &opts.limits));
    let banner = tr!(
        lang,
        serve::banner(
            &address.to_string(),
            &key_path.display().to_string(),
            created,
            &fingerprint,
        )
    );
    print(&banner);
    let stop = Arc::new(tokio::sync::Notify::new());
    let _signals = watch_signals(stop.clone()).map_err(|e| CliError::runtime(e.to_string()))?;
    runtime.block_on(accept_loop(listener, config, shared.clone(), stop));
    super::log::line(tr!(lang, serve::STOPPING));
    hub.shut_down();
    // The screens say goodbye and close their channels; give them a moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    while shared.active() > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    runtime.shutdown_timeout(Duration::from_millis(500));
    Ok(())
}

/// SIGINT and SIGTERM notify `stop`.
fn watch_signals(stop: Arc<tokio::sync::Notify>) -> std::io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("talenta-serve-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                stop.notify_one();
            }
        })?;
    Ok(handle)
}

/// Print to stdout at once (the banner is read by people and scripts
/// while the server runs).
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
