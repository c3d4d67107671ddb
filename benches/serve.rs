//! `talenta serve` under a committee's load (issue 16, docs/performance.md):
//! N member screens (default 30) on one server, each an SSH client of its own
//! (russh) with a 120x40 terminal. Measures the server's resident memory with
//! one screen and with all of them, on every screen the time from a key
//! press (cursor down / up) to the first bytes of the frame it causes, and,
//! with several screens typing a filter at once, the time from each key to
//! the last byte of the frame with its result.
//!
//! `cargo bench --bench serve` on the database `TALENTA_BENCH_DB` (required:
//! `benches/run.sh` makes it), with the binary `TALENTA_BIN` (default
//! target/release/talenta). Grants `bench-N` keys (anggota) on that database
//! once. Prints `key value` lines like the suite.

use russh::client::{self, AuthResult, Handle};
use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::ChannelMsg;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use talenta::domain::access::Role;
use talenta::store::{Actor, OpenMode, Store};

const W: u32 = 120;
const H: u32 = 40;
/// Key presses per screen (half down, half up).
const PRESSES: usize = 40;
/// Screens typing a filter at the same time (members filtering while the
/// committee talks), and the filter each types key by key.
const TYPISTS: usize = 5;
const TYPED: &str = "kotak>=7 unit~dinas";
/// A frame is finished when nothing more arrives for this long.
const QUIET: Duration = Duration::from_millis(40);

fn key(n: usize) -> PrivateKey {
    let mut seed = [7u8; 32];
    seed[..8].copy_from_slice(&(n as u64).to_le_bytes());
    let pair = Ed25519Keypair::from_seed(&seed);
    PrivateKey::new(KeypairData::from(pair), format!("bench-{n}")).unwrap()
}

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;
    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn grant(db: &Path, n: usize) {
    let mut store = Store::open(db, OpenMode::Existing).expect("TALENTA_BENCH_DB opens");
    let admin = Actor::new(Some("bench"));
    for i in 0..n {
        let line = talenta::serve::keys::line_of(key(i).public_key());
        if talenta::store::access::find_key(&store.conn, &line.fingerprint)
            .unwrap()
            .is_none()
        {
            talenta::store::access::grant(
                &mut store,
                &admin,
                &format!("bench-{i}"),
                Role::Anggota,
                &line,
            )
            .unwrap();
        }
    }
}

fn start(bin: &str, db: &Path, n: usize) -> (Child, String) {
    let mut child = Command::new(bin)
        .args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "en",
            "serve",
            "--listen",
            "127.0.0.1:0",
        ])
        .args(["--max-connections", &(n + 2).to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("TALENTA_BIN runs");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut addr = String::new();
    for _ in 0..6 {
        let mut l = String::new();
        if out.read_line(&mut l).unwrap_or(0) == 0 {
            break;
        }
        if let Some(a) = l.trim().strip_prefix("talenta serve: listening on ") {
            addr = a.to_string();
            break;
        }
    }
    assert!(!addr.is_empty(), "the server did not say where it listens");
    (child, addr)
}

fn status_mb(pid: u32, field: &str) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

struct Screen {
    _h: Handle<Client>,
    channel: russh::Channel<client::Msg>,
}

impl Screen {
    async fn open(addr: &str, n: usize) -> Screen {
        let config = Arc::new(client::Config::default());
        let mut h = client::connect(config, addr, Client).await.unwrap();
        let k = PrivateKeyWithHashAlg::new(Arc::new(key(n)), None);
        let ok = h.authenticate_publickey("komite", k).await.unwrap();
        assert!(matches!(ok, AuthResult::Success), "bench-{n} signs in");
        let channel = h.channel_open_session().await.unwrap();
        channel
            .request_pty(false, "xterm-256color", W, H, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(false).await.unwrap();
        Screen { _h: h, channel }
    }

    /// Read until nothing arrives for `quiet`; whether anything did.
    async fn drain(&mut self, quiet: Duration) -> bool {
        let mut any = false;
        while let Ok(Some(m)) = tokio::time::timeout(quiet, self.channel.wait()).await {
            any |= matches!(m, ChannelMsg::Data { .. });
        }
        any
    }

    /// Milliseconds from sending `key` to the last bytes of what it caused
    /// (the frame with the filter's result, not only the echo): reads until
    /// nothing more arrives for `QUIET`.
    async fn press_settled(&mut self, key: &[u8]) -> f64 {
        let t = Instant::now();
        self.channel.data_bytes(key.to_vec()).await.unwrap();
        let mut last = None;
        loop {
            match tokio::time::timeout(QUIET, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { .. })) => last = Some(t.elapsed()),
                Ok(Some(_)) => continue,
                Ok(None) => panic!("the screen closed"),
                Err(_) if last.is_some() => break,
                Err(_) if t.elapsed() > Duration::from_secs(10) => panic!("no frame within 10 s"),
                Err(_) => continue,
            }
        }
        last.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }

    /// Milliseconds from sending `key` to the first bytes back.
    async fn press(&mut self, key: &[u8]) -> f64 {
        let t = Instant::now();
        self.channel.data_bytes(key.to_vec()).await.unwrap();
        loop {
            match tokio::time::timeout(Duration::from_secs(10), self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { .. })) => break,
                Ok(Some(_)) => continue,
                _ => panic!("no frame within 10 s"),
            }
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        // The rest of the frame.
        self.drain(Duration::from_millis(30)).await;
        ms
    }
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[(((v.len() - 1) as f64) * p).round() as usize]
}

fn main() {
    let Ok(db) = std::env::var("TALENTA_BENCH_DB") else {
        eprintln!("serve bench: set TALENTA_BENCH_DB (benches/run.sh does)");
        return;
    };
    let db = PathBuf::from(db);
    let bin = std::env::var("TALENTA_BIN").unwrap_or_else(|_| "target/release/talenta".into());
    let n: usize = std::env::var("TALENTA_BENCH_SCREENS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    grant(&db, n);
    let (mut child, addr) = start(&bin, &db, n);
    let pid = child.id();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let t = Instant::now();
        let mut first = Screen::open(&addr, 0).await;
        // The pool is loaded when the first screen has drawn and the
        // server's memory has stopped growing for a second.
        while !first.drain(Duration::from_millis(500)).await {}
        let (mut last, mut still) = (0.0, 0);
        while still < 5 {
            first.drain(Duration::from_millis(200)).await;
            let now = status_mb(pid, "VmRSS:");
            still = if (now - last).abs() < 1.0 {
                still + 1
            } else {
                0
            };
            last = now;
        }
        println!(
            "serve_first_screen_ready_ms {:.0}",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let rss_1 = status_mb(pid, "VmRSS:");
        let mut screens = vec![first];
        for i in 1..n {
            let mut s = Screen::open(&addr, i).await;
            s.drain(Duration::from_millis(200)).await;
            screens.push(s);
        }
        for s in &mut screens {
            s.drain(Duration::from_millis(50)).await;
        }
        let rss_n = status_mb(pid, "VmRSS:");
        println!("serve_screens {n}");
        println!("serve_rss_1_screen_mb {rss_1:.0}");
        println!("serve_rss_all_screens_mb {rss_n:.0}");
        println!(
            "serve_rss_per_added_screen_mb {:.1}",
            (rss_n - rss_1) / (n.max(2) - 1) as f64
        );
        // Every screen in turn, one key at a time, the others idle but
        // connected (as in a session: one person types at a time).
        let mut p95s = Vec::new();
        let mut all = Vec::new();
        for s in &mut screens {
            let mut times = Vec::new();
            for i in 0..PRESSES {
                let k: &[u8] = if i < PRESSES / 2 { b"j" } else { b"k" };
                times.push(s.press(k).await);
            }
            all.extend_from_slice(&times);
            p95s.push(pct(&mut times, 0.95));
        }
        println!("serve_key_to_frame_median_ms {:.1}", pct(&mut all, 0.5));
        println!("serve_key_to_frame_p95_ms {:.1}", pct(&mut all, 0.95));
        println!(
            "serve_key_to_frame_p95_worst_screen_ms {:.1}",
            pct(&mut p95s, 1.0)
        );
        // Several screens typing a filter over the whole pool at once, key by
        // key: from each key to the last byte of the frame showing its result.
        let typists = screens.len().min(TYPISTS);
        let mut set = tokio::task::JoinSet::new();
        for mut s in screens.drain(..typists) {
            set.spawn(async move {
                let mut times = Vec::new();
                s.press_settled(b"/").await;
                for ch in TYPED.bytes() {
                    times.push(s.press_settled(&[ch]).await);
                }
                // Esc: the filter is cancelled, the whole pool back.
                times.push(s.press_settled(b"\x1b").await);
                (s, times)
            });
        }
        let (mut typed, mut typed_p95s) = (Vec::new(), Vec::new());
        while let Some(done) = set.join_next().await {
            let (s, mut times) = done.unwrap();
            typed.extend_from_slice(&times);
            typed_p95s.push(pct(&mut times, 0.95));
            screens.push(s);
        }
        println!("serve_filter_typists {typists}");
        println!(
            "serve_filter_key_to_settled_median_ms {:.1}",
            pct(&mut typed, 0.5)
        );
        println!(
            "serve_filter_key_to_settled_p95_ms {:.1}",
            pct(&mut typed, 0.95)
        );
        println!(
            "serve_filter_key_to_settled_p95_worst_screen_ms {:.1}",
            pct(&mut typed_p95s, 1.0)
        );
        println!("serve_peak_rss_mb {:.0}", status_mb(pid, "VmHWM:"));
    });
    let _ = child.kill();
    let _ = child.wait();
}
