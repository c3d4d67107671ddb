//! `talenta serve`: the options, then `serve::server::run`.

use super::{CliError, CliResult, Ctx};
use crate::serve::server::{self, Options};
use crate::serve::Limits;
use crate::tr;
use std::time::Duration;

/// A duration as typed: `90s`, `30m`, `2h`, `500ms` (a bare number is seconds).
pub fn parse_duration(s: &str) -> Option<Duration> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().ok()?;
    let unit_ms: u64 = match unit.trim() {
        "ms" => 1,
        "" | "s" => 1_000,
        "m" | "min" => 60_000,
        "h" => 3_600_000,
        _ => return None,
    };
    n.checked_mul(unit_ms).map(Duration::from_millis)
}

pub struct Args {
    pub listen: String,
    pub max_connections: usize,
    pub idle_timeout: String,
    pub auth_delay: String,
}

pub fn run(ctx: &Ctx, args: &Args) -> CliResult {
    let duration = |s: &str| {
        parse_duration(s)
            .filter(|d| !d.is_zero() || s.trim_start_matches('0').trim().is_empty())
            .ok_or_else(|| CliError::input(tr!(ctx.lang, serve::bad_duration(s))))
    };
    let idle = duration(&args.idle_timeout)?;
    if idle.is_zero() {
        return Err(CliError::input(tr!(
            ctx.lang,
            serve::bad_duration(&args.idle_timeout)
        )));
    }
    let opts = Options {
        listen: args.listen.clone(),
        limits: Limits {
            max_connections: args.max_connections.max(1),
            idle,
            auth_delay: duration(&args.auth_delay)?,
            sign_in: Duration::from_secs(60),
        },
    };
    server::run(ctx, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_as_typed() {
        assert_eq!(parse_duration("30m"), Some(Duration::from_secs(1800)));
        assert_eq!(parse_duration("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_duration("2h"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_duration("250ms"), Some(Duration::from_millis(250)));
        assert_eq!(parse_duration("15"), Some(Duration::from_secs(15)));
        assert_eq!(parse_duration("m"), None);
        assert_eq!(parse_duration("5 weeks"), None);
    }
}
