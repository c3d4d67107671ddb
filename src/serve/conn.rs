//! One SSH connection: who signed in, with which key, and the one screen
//! it may open. Public keys only, and only granted ones; no command, no
//! subsystem, no forwarding of any kind, one session channel.

use super::log::{ConnLog, Refusal};
use super::screen::{self, ChannelOut, ScreenMsg, Setup};
use super::Shared;
use crate::domain::access::Identity;
use crate::lang::Lang;
use crate::store::access::find_key;
use crate::tr;
use crate::ui::{Theme, ThemeName};
use russh::keys::ssh_key::PublicKey;
use russh::server::VerifiedPublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

/// The connection's handler (russh makes one per connection).
pub struct Conn {
    shared: Arc<Shared>,
    pub log: Arc<Mutex<ConnLog>>,
    /// Over the connection limit: every sign-in is refused.
    refuse_all: bool,
    /// The session channel (one per connection).
    channel: Option<ChannelId>,
    /// The pty's size, once asked for.
    pty: Option<(u32, u32)>,
    /// The language the client's `LANG`/`LC_*` asked for.
    lang: Option<Lang>,
    no_color: Option<String>,
    /// The client's `LC_ALL`, `LC_CTYPE` and `LANG`, as sent: the charset.
    locale: [Option<String>; 3],
    screen: Option<Sender<ScreenMsg>>,
    backlog: Arc<AtomicUsize>,
}

impl Conn {
    pub fn new(shared: Arc<Shared>, log: Arc<Mutex<ConnLog>>, refuse_all: bool) -> Conn {
        Conn {
            shared,
            log,
            refuse_all,
            channel: None,
            pty: None,
            lang: None,
            no_color: None,
            locale: Default::default(),
            screen: None,
            backlog: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn log(&self) -> std::sync::MutexGuard<'_, ConnLog> {
        self.log.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn refused(&self, r: Refusal) {
        self.log().refused.push(r);
    }

    /// The grant in force for a key, as who signs in with it.
    fn granted(&self, key: &PublicKey) -> Option<Identity> {
        let fingerprint = super::keys::fingerprint(key);
        let store = self.shared.keys.lock().unwrap_or_else(|p| p.into_inner());
        let grant = find_key(&store.conn, &fingerprint).ok()??;
        Some(Identity {
            name: grant.name,
            role: grant.role,
            key: fingerprint,
        })
    }

    fn send(&self, msg: ScreenMsg) {
        if let Some(s) = &self.screen {
            let _ = s.send(msg);
        }
    }

    /// Say why on the channel's stderr, refuse the request, close the channel.
    fn refuse_on_channel(&mut self, channel: ChannelId, text: &str, session: &mut Session) {
        let line = format!("talenta: {text}\r\n");
        let _ = session.extended_data(channel, 1, line.into_bytes());
        let _ = session.channel_failure(channel);
        let _ = session.exit_status_request(channel, 1);
        let _ = session.eof(channel);
        let _ = session.close(channel);
        // The connection may open another session.
        self.channel = None;
        self.pty = None;
    }

    /// A forwarding channel: refused.
    async fn refuse_open(&self, reply: ChannelOpenHandle) -> Result<(), russh::Error> {
        self.refused(Refusal::Forwarding);
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    fn start_screen(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), String> {
        let identity = self.log().identity.clone().ok_or("not signed in")?;
        let (cols, rows) = self.pty.unwrap_or((80, 24));
        let sh = &self.shared;
        let lang = self.lang.unwrap_or(sh.lang);
        // ASCII when the client's locale says its charset is not UTF-8; a
        // client that sent no locale gets Unicode.
        let ascii = sh.ascii.unwrap_or_else(|| {
            let sent = |k: &str| CTYPE_VARS.iter().position(|v| *v == k);
            crate::config::ctype_locale(|k| sent(k).and_then(|i| self.locale[i].clone()))
                .is_some_and(|l| !crate::config::locale_is_utf8(&l))
        });
        let theme =
            Theme::new(ThemeName::resolve(sh.theme, self.no_color.as_deref())).with_ascii(ascii);
        let setup = Setup {
            identity,
            lang,
            keymap: sh.keymap.clone(),
            theme,
            size: screen::clamp(cols, rows),
            db: sh.db.clone(),
            rules: sh.rules.clone(),
            agency: sh.agency.clone(),
            hub: sh.hub.clone(),
            idle: sh.limits.idle,
            out: ChannelOut::new(session.handle(), channel, sh.rt.clone()),
            backlog: self.backlog.clone(),
        };
        let log = self.log.clone();
        let done: screen::Done = Arc::new(move |end| {
            log.lock().unwrap_or_else(|p| p.into_inner()).end = Some(end);
        });
        let tx = screen::spawn(setup, done).map_err(|e| e.to_string())?;
        self.screen = Some(tx);
        Ok(())
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        self.send(ScreenMsg::Closed);
    }
}

/// The variables that decide the charset, in their order.
const CTYPE_VARS: [&str; 3] = ["LC_ALL", "LC_CTYPE", "LANG"];

fn locale_lang(name: &str, value: &str) -> Option<Lang> {
    matches!(name, "LANG" | "LC_ALL" | "LC_MESSAGES")
        .then(|| Lang::from_locale(value))
        .flatten()
}

impl Handler for Conn {
    type Error = russh::Error;

    async fn auth_password(&mut self, _user: &str, _password: &str) -> Result<Auth, Self::Error> {
        self.refused(Refusal::Password);
        Ok(Auth::reject())
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.refuse_all {
            return Ok(Auth::reject());
        }
        if self.granted(offer.public_key).is_some() {
            return Ok(Auth::Accept);
        }
        self.refused(Refusal::Key(super::keys::fingerprint(offer.public_key)));
        Ok(Auth::reject())
    }

    async fn auth_publickey(
        &mut self,
        _user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.refuse_all {
            return Ok(Auth::reject());
        }
        match self.granted(key.public_key) {
            Some(identity) => {
                let mut log = self.log();
                log.identity = Some(identity);
                log.signed_in(self.shared.lang);
                Ok(Auth::Accept)
            }
            None => {
                self.refused(Refusal::Key(super::keys::fingerprint(key.public_key)));
                Ok(Auth::reject())
            }
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            self.refused(Refusal::SecondSession);
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
        } else {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _address: &str,
        _port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(reply).await
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host: &str,
        _port: u32,
        _from: &str,
        _from_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(reply).await
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_open(reply).await
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refusal::Forwarding);
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refusal::Forwarding);
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refusal::Forwarding);
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::Forwarding);
        session.channel_failure(channel)
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.pty = Some((cols, rows));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let ctype = CTYPE_VARS.iter().position(|v| *v == name);
        if let Some(i) = ctype {
            self.locale[i] = Some(value.to_string());
        }
        if let Some(lang) = locale_lang(name, value) {
            // LC_ALL and LC_MESSAGES win over LANG, whatever the order.
            if name != "LANG" || self.lang.is_none() {
                self.lang = Some(lang);
            }
            return session.channel_success(channel);
        }
        if ctype.is_some() {
            return session.channel_success(channel);
        }
        if name == "NO_COLOR" {
            self.no_color = Some(value.to_string());
            return session.channel_success(channel);
        }
        session.channel_failure(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let lang = self.lang.unwrap_or(self.shared.lang);
        if self.screen.is_some() {
            return session.channel_failure(channel);
        }
        if self.pty.is_none() {
            // Politely: the shell "starts", says what to do, and ends.
            self.refused(Refusal::NoPty);
            session.channel_success(channel)?;
            self.refuse_on_channel(channel, tr!(lang, serve::NEEDS_TERMINAL), session);
            return Ok(());
        }
        match self.start_screen(channel, session) {
            Ok(()) => session.channel_success(channel),
            Err(e) => {
                self.log().failure = Some(e);
                self.refuse_on_channel(channel, tr!(lang, serve::SCREEN_FAILED), session);
                Ok(())
            }
        }
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::Exec);
        let lang = self.lang.unwrap_or(self.shared.lang);
        self.refuse_on_channel(channel, tr!(lang, serve::NO_COMMANDS), session);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::Subsystem(name.chars().take(40).collect()));
        let lang = self.lang.unwrap_or(self.shared.lang);
        self.refuse_on_channel(channel, tr!(lang, serve::NO_COMMANDS), session);
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.screen.is_some()
            && self.backlog.load(Ordering::Acquire) + data.len() <= screen::BACKLOG_MAX
        {
            self.backlog.fetch_add(data.len(), Ordering::AcqRel);
            self.send(ScreenMsg::Bytes(data.to_vec()));
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.pty = Some((cols, rows));
        self.send(ScreenMsg::Resize(cols, rows));
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ScreenMsg::Closed);
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ScreenMsg::Closed);
        Ok(())
    }
}
