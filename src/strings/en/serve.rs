//! `talenta serve`: the server's banner, its connection log and what a
//! member's SSH client is told, English.

pub fn banner(address: &str, key_path: &str, created: bool, fingerprint: &str) -> String {
    let key = if created { "created" } else { "in use" };
    let port = address.rsplit(':').next().unwrap_or("2222");
    format!(
        "talenta serve: listening on {address}\n\
         host key ({key}): {key_path}\n\
         host key fingerprint: {fingerprint}\n\
         members connect with: ssh -p {port} <name>@<this server>\n"
    )
}

pub fn host_key_failed(e: &str) -> String {
    format!("the server's host key cannot be used: {e} (it must be an OpenSSH private key readable by its owner only: chmod 600)")
}

pub fn listen_failed(address: &str, e: &str) -> String {
    format!("cannot listen on {address}: {e}")
}

pub fn bad_duration(s: &str) -> String {
    format!("'{s}' is not a duration: a number with s, m or h (90s, 30m, 2h)")
}

pub const STOPPING: &str = "stopping: closing every screen";
pub const LOG_NOBODY: &str = "not signed in";
pub const LOG_SIGNED_IN: &str = "signed in";
pub const LOG_ENDED: &str = "ended";
pub const LOG_REFUSED: &str = "refused";

pub const HOW_QUIT: &str = "quit";
pub const HOW_CLOSED: &str = "closed by the client";
pub const HOW_IDLE: &str = "idle timeout";
pub const HOW_SHUTDOWN: &str = "server stopped";
pub const HOW_NOT_ANSWERING: &str = "the client stopped answering";

pub fn how_lost(e: &str) -> String {
    format!("connection lost ({e})")
}

pub fn how_failed(e: &str) -> String {
    format!("screen failed ({e})")
}

pub fn how_error(e: &str) -> String {
    format!("error ({e})")
}

pub fn refused_key(fingerprint: &str) -> String {
    format!("key {fingerprint} (not granted)")
}

pub const REFUSED_PASSWORD: &str = "password";
pub const REFUSED_EXEC: &str = "command";
pub const REFUSED_FORWARDING: &str = "forwarding";
pub const REFUSED_NO_PTY: &str = "shell without a terminal";
pub const REFUSED_SECOND_SESSION: &str = "second session";
pub const REFUSED_TOO_MANY: &str = "over the connection limit";
pub const REFUSED_SLOW_SIGN_IN: &str = "too slow to sign in";

pub fn refused_subsystem(name: &str) -> String {
    format!("subsystem {name}")
}

pub fn too_many(max: usize) -> String {
    format!("talenta: the server already has {max} connections; try again later")
}

pub const SIGN_IN_TOO_SLOW: &str = "talenta: sign-in took too long";
pub const NEEDS_TERMINAL: &str = "the committee screen needs a terminal: connect with ssh -t";
pub const NO_COMMANDS: &str =
    "this server runs the committee screen only, no commands: connect without one";
pub const SCREEN_IDLE: &str = "closed after too long without a key press";
pub const SCREEN_SHUTDOWN: &str = "the server is stopping";
pub const SCREEN_FAILED: &str = "the committee screen could not start; the server's log says why";
