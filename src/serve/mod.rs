//! `talenta serve`: the committee screen over SSH, one screen per member,
//! each signed in by a granted key (contract `serve.md`, docs/ssh.md).
//!
//! - [`hostkey`]: the server's key, created on first start beside the database.
//! - [`conn`]: one connection's SSH handler: public keys only, granted ones
//!   only; no command, subsystem or forwarding; one screen.
//! - [`screen`]: the screen's thread: the app, drawn into the channel.
//! - [`hub`]: the pool shared by every screen and reloaded on a change.
//! - [`input`]: the channel's bytes as key events.
//! - [`log`]: the connection log on stderr.
//!
//! Bounded: at most `max_connections` connections (counted from the TCP
//! accept; one over is told so and disconnected, far over is dropped
//! unanswered), a minute to sign in, an idle timeout, and a refused sign-in
//! answered only after `auth_delay`.

pub mod conn;
pub mod hostkey;
pub mod hub;
pub mod input;
pub mod keys;
pub mod log;
pub mod screen;
pub mod server;

use crate::app::KeyMap;
use crate::domain::Rules;
use crate::lang::Lang;
use crate::store::Store;
use crate::ui::ThemeName;
use hub::Hub;
use log::{ConnLog, Refusal};
use russh::server::Config;
use russh::{MethodKind, MethodSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The bounds of the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_connections: usize,
    /// A screen with no key pressed for this long is closed.
    pub idle: Duration,
    /// How long a refused sign-in waits before the answer.
    pub auth_delay: Duration,
    /// How long a client may take to sign in.
    pub sign_in: Duration,
}

/// What every connection shares.
pub struct Shared {
    pub lang: Lang,
    pub keymap: KeyMap,
    pub theme: Option<ThemeName>,
    pub db: PathBuf,
    pub rules: Rules,
    pub hub: Arc<Hub>,
    /// The connection on which keys are looked up at sign-in.
    pub keys: Mutex<Store>,
    pub rt: tokio::runtime::Handle,
    pub limits: Limits,
    /// Who issues the minutes and the zone people read times in (`[agency]`).
    pub agency: crate::config::Agency,
    /// ASCII symbols for every screen (`Some(true)`), Unicode for every
    /// screen (`Some(false)`), or as each client's locale says (`None`).
    pub ascii: Option<bool>,
    active: AtomicUsize,
}

impl Shared {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lang: Lang,
        keymap: KeyMap,
        theme: Option<ThemeName>,
        db: PathBuf,
        rules: Rules,
        hub: Arc<Hub>,
        keys: Store,
        rt: tokio::runtime::Handle,
        limits: Limits,
    ) -> Shared {
        Shared {
            lang,
            keymap,
            theme,
            db,
            rules,
            hub,
            keys: Mutex::new(keys),
            rt,
            limits,
            agency: crate::config::Agency::default(),
            ascii: None,
            active: AtomicUsize::new(0),
        }
    }

    /// The connections open now.
    pub fn active(&self) -> usize {
        self.active.load(Ordering::Acquire)
    }
}

/// russh's settings: public keys only, the delays and timeouts of `limits`.
pub fn ssh_config(host_key: russh::keys::PrivateKey, limits: &Limits) -> Config {
    Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: limits.auth_delay,
        // OpenSSH asks with "none" first to learn the methods: no wait for that.
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        keys: vec![host_key],
        // The screen closes itself when idle (and says so); this is the
        // backstop for a connection without a screen, or one that hangs.
        inactivity_timeout: Some(limits.idle + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        nodelay: true,
        ..Default::default()
    }
}

/// Counts a connection while it lives.
struct Active(Arc<Shared>);

impl Drop for Active {
    fn drop(&mut self) {
        self.0.active.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Accept connections until `stop` is notified.
pub async fn accept_loop(
    listener: tokio::net::TcpListener,
    config: Arc<Config>,
    shared: Arc<Shared>,
    stop: Arc<tokio::sync::Notify>,
) {
    loop {
        let (socket, peer) = tokio::select! {
            _ = stop.notified() => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file descriptors and the like: wait, try again.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let before = shared.active.fetch_add(1, Ordering::AcqRel);
        let active = Active(shared.clone());
        let max = shared.limits.max_connections;
        if before >= max.saturating_mul(2).max(max + 16) {
            // Far over the limit: not even an answer.
            drop(socket);
            drop(active);
            continue;
        }
        tokio::spawn(connection(
            socket,
            peer,
            config.clone(),
            active,
            before >= max,
        ));
    }
}

/// Serve one connection to its end, then log how it ended.
async fn connection(
    socket: tokio::net::TcpStream,
    peer: std::net::SocketAddr,
    config: Arc<Config>,
    active: Active,
    over_limit: bool,
) {
    let shared = active.0.clone();
    let lang = shared.lang;
    let log = Arc::new(Mutex::new(ConnLog::new(Some(peer))));
    let handler = conn::Conn::new(shared.clone(), log.clone(), over_limit);
    let result = match russh::server::run_stream(config, socket, handler).await {
        Ok(session) => {
            let handle = session.handle();
            if over_limit {
                log.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .refused
                    .push(Refusal::TooMany);
                let text = crate::tr!(lang, serve::too_many(shared.limits.max_connections));
                let _ = handle
                    .disconnect(russh::Disconnect::TooManyConnections, text, "".into())
                    .await;
            } else {
                let (watch, limit) = (log.clone(), shared.limits.sign_in);
                tokio::spawn(async move {
                    tokio::time::sleep(limit).await;
                    let slow = {
                        let mut l = watch.lock().unwrap_or_else(|p| p.into_inner());
                        let slow = l.identity.is_none();
                        if slow {
                            l.refused.push(Refusal::SignInTooSlow);
                        }
                        slow
                    };
                    if slow {
                        let text = crate::tr!(lang, serve::SIGN_IN_TOO_SLOW).to_string();
                        let _ = handle
                            .disconnect(russh::Disconnect::ByApplication, text, "".into())
                            .await;
                    }
                });
            }
            session.await.err()
        }
        Err(e) => Some(e),
    };
    log.lock()
        .unwrap_or_else(|p| p.into_inner())
        .finished(lang, result.as_ref());
    drop(active);
}
