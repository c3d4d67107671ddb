//! The connection log on stderr: one line when a member signs in, one when
//! the connection ends (who, from where, when, how it ended, what was
//! refused). Each line starts with the local time with its offset (the
//! agency's zone, `[agency] zone`) and the client's address:
//!
//! ```text
//! 2026-12-03T19:04:11+07:00 192.0.2.7:50412 Dewi (anggota, SHA256:mlA/…) masuk
//! 2026-12-03T19:31:40+07:00 192.0.2.7:50412 Dewi (anggota, SHA256:mlA/…) selesai: keluar (q), 27m29s
//! 2026-12-03T19:32:02+07:00 198.51.100.3:61022 tidak masuk: selesai: ditutup oleh klien, 2s; ditolak: kunci SHA256:Xy…
//! ```

use super::screen::End;
use crate::domain::access::Identity;
use crate::lang::Lang;
use crate::tr;
use std::io::Write;
use std::net::SocketAddr;
use std::time::Instant;

/// Something a client asked for and was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A key not granted (its fingerprint).
    Key(String),
    Password,
    Exec,
    Subsystem(String),
    Forwarding,
    NoPty,
    SecondSession,
    TooMany,
    SignInTooSlow,
}

/// What is known about one connection.
pub struct ConnLog {
    pub peer: Option<SocketAddr>,
    started: Instant,
    pub identity: Option<Identity>,
    pub refused: Vec<Refusal>,
    /// How its screen ended, if it had one.
    pub end: Option<End>,
    /// A screen that could not start (the error).
    pub failure: Option<String>,
}

/// The zone the log's times are written in: the agency's (`[agency] zone`),
/// set once when the server starts; the system's offset before that.
static ZONE: std::sync::OnceLock<crate::domain::zone::Zone> = std::sync::OnceLock::new();

/// Write the log's times in `zone` (WIB +07:00, WITA +08:00, WIT +09:00), the
/// same clock as the minutes and the screens, whatever the server's clock zone.
pub fn use_zone(zone: crate::domain::zone::Zone) {
    let _ = ZONE.set(zone);
}

/// The local time with its offset, to the second (ISO 8601, for log readers).
pub fn now() -> String {
    let secs = chrono::SecondsFormat::Secs;
    match ZONE.get() {
        Some(z) => chrono::Utc::now()
            .with_timezone(&z.offset())
            .to_rfc3339_opts(secs, false),
        None => chrono::Local::now().to_rfc3339_opts(secs, false),
    }
}

/// Write one line to stderr (a failed write has nowhere else to go).
pub fn line(text: &str) {
    let text = crate::domain::text::guard(text);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{} {text}", now());
}

impl ConnLog {
    pub fn new(peer: Option<SocketAddr>) -> ConnLog {
        ConnLog {
            peer,
            started: Instant::now(),
            identity: None,
            refused: Vec::new(),
            end: None,
            failure: None,
        }
    }

    fn from(&self) -> String {
        self.peer.map_or_else(|| "-".into(), |p| p.to_string())
    }

    fn who(&self, lang: Lang) -> String {
        match &self.identity {
            Some(i) => format!("{} ({}, {})", i.name, i.role.code(), i.key),
            None => tr!(lang, serve::LOG_NOBODY).to_string(),
        }
    }

    pub fn signed_in(&self, lang: Lang) {
        line(&format!(
            "{} {} {}",
            self.from(),
            self.who(lang),
            tr!(lang, serve::LOG_SIGNED_IN)
        ));
    }

    /// The connection is over: `error` is the session's error, if it ended with one.
    pub fn finished(&self, lang: Lang, error: Option<&russh::Error>) {
        let how = match (&self.end, error) {
            (Some(end), _) if *end != End::ClosedByClient => how(lang, end),
            (_, Some(russh::Error::InactivityTimeout)) => how(lang, &End::Idle),
            (_, Some(russh::Error::KeepaliveTimeout)) => tr!(lang, serve::HOW_NOT_ANSWERING).into(),
            // The client went away without saying goodbye (OpenSSH after a refusal).
            (_, Some(e)) if hung_up(e) => how(lang, &End::ClosedByClient),
            (_, Some(e)) => tr!(lang, serve::how_error(&e.to_string())),
            (_, None) => how(lang, &End::ClosedByClient),
        };
        let mut text = format!(
            "{} {} {}: {how}, {}",
            self.from(),
            self.who(lang),
            tr!(lang, serve::LOG_ENDED),
            duration(self.started.elapsed().as_secs())
        );
        if let Some(f) = &self.failure {
            text.push_str(&format!("; {}", tr!(lang, serve::how_failed(f))));
        }
        if !self.refused.is_empty() {
            let mut seen: Vec<String> = Vec::new();
            for r in &self.refused {
                let t = refusal(lang, r);
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            text.push_str(&format!(
                "; {}: {}",
                tr!(lang, serve::LOG_REFUSED),
                seen.join(", ")
            ));
        }
        line(&text);
    }
}

/// The connection was closed under us: end of file, reset, or a disconnect message.
fn hung_up(e: &russh::Error) -> bool {
    use std::io::ErrorKind::{BrokenPipe, ConnectionReset, UnexpectedEof};
    match e {
        russh::Error::IO(io) => matches!(io.kind(), UnexpectedEof | ConnectionReset | BrokenPipe),
        russh::Error::Disconnect => true,
        _ => false,
    }
}

fn how(lang: Lang, end: &End) -> String {
    match end {
        End::Quit => tr!(lang, serve::HOW_QUIT).into(),
        End::ClosedByClient => tr!(lang, serve::HOW_CLOSED).into(),
        End::Idle => tr!(lang, serve::HOW_IDLE).into(),
        End::Shutdown => tr!(lang, serve::HOW_SHUTDOWN).into(),
        End::Lost(e) => tr!(lang, serve::how_lost(e)),
        End::Failed(e) => tr!(lang, serve::how_failed(e)),
    }
}

fn refusal(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::Key(fp) => tr!(lang, serve::refused_key(fp)),
        Refusal::Password => tr!(lang, serve::REFUSED_PASSWORD).into(),
        Refusal::Exec => tr!(lang, serve::REFUSED_EXEC).into(),
        Refusal::Subsystem(name) => tr!(lang, serve::refused_subsystem(name)),
        Refusal::Forwarding => tr!(lang, serve::REFUSED_FORWARDING).into(),
        Refusal::NoPty => tr!(lang, serve::REFUSED_NO_PTY).into(),
        Refusal::SecondSession => tr!(lang, serve::REFUSED_SECOND_SESSION).into(),
        Refusal::TooMany => tr!(lang, serve::REFUSED_TOO_MANY).into(),
        Refusal::SignInTooSlow => tr!(lang, serve::REFUSED_SLOW_SIGN_IN).into(),
    }
}

/// `1h02m`, `27m29s`, `4s`.
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}h{m:02}m")
    } else if m > 0 {
        format!("{m}m{s:02}s")
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_short() {
        assert_eq!(duration(4), "4s");
        assert_eq!(duration(27 * 60 + 29), "27m29s");
        assert_eq!(duration(3720), "1h02m");
    }
}
