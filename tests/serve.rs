//! `talenta serve` from the outside: the binary on a loopback port, real SSH
//! clients (russh's client) signing in with keys granted in the database,
//! their screens read through a terminal emulator (vt100).

use assert_cmd::cargo::CommandCargoExt;
use russh::client::{self, AuthResult, DisconnectReason, Handle};
use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, Disconnect};
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talenta::domain::access::Role;
use talenta::store::{Actor, OpenMode, Store};

/// A key made from a fixed seed (one per person in these tests).
fn key(seed: u8) -> PrivateKey {
    let pair = Ed25519Keypair::from_seed(&[seed; 32]);
    PrivateKey::new(KeypairData::from(pair), format!("key{seed}")).unwrap()
}

const SARI: u8 = 1; // sekretaris
const DEWI: u8 = 2; // anggota
const STRANGER: u8 = 9; // never granted

struct Server {
    child: Child,
    addr: String,
    /// The host key's fingerprint as printed at start.
    fingerprint: String,
    stderr: Arc<Mutex<String>>,
    dir: tempfile::TempDir,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pool.db");
        let ok = Command::cargo_bin("talenta")
            .unwrap()
            .args(["--db", db.to_str().unwrap(), "demo", "--size", "100"])
            .output()
            .unwrap();
        assert!(ok.status.success(), "{ok:?}");
        let mut store = Store::open(&db, OpenMode::Existing).unwrap();
        let admin = Actor::new(Some("admin"));
        for (name, role, seed) in [
            ("Sari", Role::Sekretaris, SARI),
            ("Dewi", Role::Anggota, DEWI),
        ] {
            let line = talenta::serve::keys::line_of(key(seed).public_key());
            talenta::store::access::grant(&mut store, &admin, name, role, &line).unwrap();
        }
        drop(store);
        // The agency in eastern Indonesia: the log's times are WIT (+09:00)
        // whatever the machine's clock zone.
        let config = dir.path().join("talenta.toml");
        std::fs::write(&config, "[agency]\nzone = \"WIT\"\n").unwrap();
        let mut child = Command::cargo_bin("talenta")
            .unwrap()
            .env("TALENTA_CONFIG", &config)
            .args(["--db", db.to_str().unwrap(), "--lang", "en", "serve"])
            .args(["--listen", "127.0.0.1:0", "--auth-delay", "50ms"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (mut addr, mut fingerprint) = (String::new(), String::new());
        for _ in 0..4 {
            let mut l = String::new();
            out.read_line(&mut l).unwrap();
            if let Some(a) = l.trim().strip_prefix("talenta serve: listening on ") {
                addr = a.to_string();
            }
            if let Some(f) = l.trim().strip_prefix("host key fingerprint: ") {
                fingerprint = f.to_string();
            }
        }
        assert!(!addr.is_empty() && fingerprint.starts_with("SHA256:"));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (mut err, log) = (child.stderr.take().unwrap(), stderr.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                log.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Server {
            child,
            addr,
            fingerprint,
            stderr,
            dir,
        }
    }

    fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Wait until the log has a line with every one of `parts`.
    fn log_has(&self, parts: &[&str]) -> bool {
        wait_for(Duration::from_secs(5), || {
            self.log()
                .lines()
                .any(|l| parts.iter().all(|p| l.contains(p)))
        })
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    ok()
}

/// The client side: remembers the server's key and how it was disconnected.
#[derive(Clone, Default)]
struct Client {
    host_key: Arc<Mutex<Option<String>>>,
    disconnect: Arc<Mutex<Option<(bool, String)>>>,
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        if let PublicKeyOrCertificate::PublicKey { key, .. } = key {
            *self.host_key.lock().unwrap() = Some(talenta::serve::keys::fingerprint(key));
        }
        Ok(true)
    }

    async fn disconnected(
        &mut self,
        reason: DisconnectReason<Self::Error>,
    ) -> Result<(), Self::Error> {
        if let DisconnectReason::ReceivedDisconnect(info) = reason {
            let too_many = matches!(info.reason_code, Disconnect::TooManyConnections);
            *self.disconnect.lock().unwrap() = Some((too_many, info.message));
        }
        Ok(())
    }
}

async fn connect(addr: &str) -> (Handle<Client>, Client) {
    let c = Client::default();
    let config = Arc::new(client::Config::default());
    let h = client::connect(config, addr, c.clone()).await.unwrap();
    (h, c)
}

async fn sign_in(h: &mut Handle<Client>, seed: u8) -> bool {
    let k = PrivateKeyWithHashAlg::new(Arc::new(key(seed)), None);
    matches!(
        h.authenticate_publickey("komite", k).await,
        Ok(AuthResult::Success)
    )
}

/// A screen as the member's terminal shows it.
struct Screen {
    channel: russh::Channel<client::Msg>,
    term: vt100::Parser,
    exit: Option<u32>,
    closed: bool,
}

impl Screen {
    async fn open(h: &Handle<Client>, cols: u16, rows: u16, lang: Option<&str>) -> Screen {
        let channel = h.channel_open_session().await.unwrap();
        if let Some(l) = lang {
            channel.set_env(false, "LANG", l).await.unwrap();
        }
        channel
            .request_pty(false, "xterm-256color", cols.into(), rows.into(), 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(false).await.unwrap();
        Screen {
            channel,
            term: vt100::Parser::new(nz(rows), nz(cols), 0),
            exit: None,
            closed: false,
        }
    }

    fn text(&self) -> String {
        self.term.screen().contents()
    }

    /// Read what arrives until `ok` holds for the screen or `limit` passes.
    async fn until(&mut self, limit: Duration, ok: impl Fn(&Screen) -> bool) -> bool {
        let end = tokio::time::Instant::now() + limit;
        while !ok(self) {
            if self.closed {
                return false;
            }
            match tokio::time::timeout_at(end, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.term.process(&data),
                Ok(Some(ChannelMsg::ExitStatus { exit_status })) => self.exit = Some(exit_status),
                Ok(Some(ChannelMsg::Close)) | Ok(None) => self.closed = true,
                Ok(Some(_)) => {}
                Err(_) => return ok(self),
            }
        }
        true
    }

    async fn shows(&mut self, what: &str) -> bool {
        self.until(Duration::from_secs(5), |s| s.text().contains(what))
            .await
    }

    async fn keys(&self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.unwrap();
    }

    async fn resize(&mut self, cols: u16, rows: u16) {
        self.term.screen_mut().set_size(nz(rows), nz(cols));
        self.channel
            .window_change(cols.into(), rows.into(), 0, 0)
            .await
            .unwrap();
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn unknown_keys_and_passwords_are_refused_and_logged() {
    let server = Server::start(&[]);
    rt().block_on(async {
        let (mut h, c) = connect(&server.addr).await;
        // The key members are told to check is the one the server shows.
        assert_eq!(
            c.host_key.lock().unwrap().as_deref(),
            Some(server.fingerprint.as_str())
        );
        assert!(
            !sign_in(&mut h, STRANGER).await,
            "an unknown key is refused"
        );
        let pw = h.authenticate_password("Sari", "rahasia").await;
        assert!(!matches!(pw, Ok(AuthResult::Success)), "no passwords");
        // No screen without signing in.
        assert!(h.channel_open_session().await.is_err());
        drop(h);
    });
    let stranger = talenta::serve::keys::fingerprint(key(STRANGER).public_key());
    assert!(
        server.log_has(&["not signed in", "refused", &stranger]),
        "{}",
        server.log()
    );
}

#[test]
fn commands_subsystems_and_forwarding_are_refused() {
    let server = Server::start(&[]);
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut ch = h.channel_open_session().await.unwrap();
        ch.exec(true, "cat /etc/passwd").await.unwrap();
        let mut failed = false;
        let mut said = String::new();
        while let Some(m) = ch.wait().await {
            match m {
                ChannelMsg::Failure => failed = true,
                ChannelMsg::ExtendedData { data, .. } => {
                    said.push_str(&String::from_utf8_lossy(&data))
                }
                ChannelMsg::Data { data } => panic!("a command ran: {data:?}"),
                _ => {}
            }
        }
        assert!(failed && said.contains("no commands"), "{said}");

        let mut ch = h.channel_open_session().await.unwrap();
        ch.request_subsystem(true, "sftp").await.unwrap();
        let mut failed = false;
        while let Some(m) = ch.wait().await {
            failed |= matches!(m, ChannelMsg::Failure);
        }
        assert!(failed, "sftp refused");

        // A shell without a terminal is told how to connect, and ends.
        let mut ch = h.channel_open_session().await.unwrap();
        ch.request_shell(true).await.unwrap();
        let (mut said, mut status) = (String::new(), None);
        while let Some(m) = ch.wait().await {
            match m {
                ChannelMsg::ExtendedData { data, .. } => {
                    said.push_str(&String::from_utf8_lossy(&data))
                }
                ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                _ => {}
            }
        }
        assert!(said.contains("ssh -t") && status == Some(1), "{said}");

        assert!(
            h.tcpip_forward("127.0.0.1", 0).await.is_err(),
            "remote forwarding"
        );
        assert!(
            h.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5555)
                .await
                .is_err(),
            "local forwarding"
        );
    });
    assert!(
        server.log_has(&["Dewi (anggota", "command", "subsystem sftp", "forwarding"]),
        "{}",
        server.log()
    );
}

#[test]
fn a_member_gets_their_own_screen_which_follows_resizes_and_quits() {
    let server = Server::start(&[]);
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 100, 30, Some("id_ID.UTF-8")).await;
        // The pool table, in Indonesian (the client's LANG) on an English server.
        assert!(s.shows("NIP").await, "{}", s.text());
        assert!(s.shows("Nama").await, "{}", s.text());
        s.resize(60, 12).await;
        assert!(
            s.until(Duration::from_secs(5), |s| s
                .text()
                .lines()
                .all(|l| l.chars().count() <= 60)
                && s.text().contains("NIP"))
                .await
        );
        s.keys(b"q").await;
        assert!(s.until(Duration::from_secs(5), |s| s.closed).await);
        assert_eq!(s.exit, Some(0));
    });
    assert!(server.log_has(&["Dewi (anggota, SHA256:", "signed in"]));
    assert!(
        server.log_has(&["+09:00 127.0.0.1:", "Dewi (anggota"]),
        "the log's time in the agency's zone (WIT): {}",
        server.log()
    );
    assert!(
        server.log_has(&["Dewi (anggota", "ended: quit"]),
        "{}",
        server.log()
    );
}

#[test]
fn a_1x1_pty_a_vanished_client_and_fifty_connections_leave_the_others_served() {
    let mut server = Server::start(&["--max-connections", "8"]);
    // A 1x1 terminal: the screen survives and draws once it has room.
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 1, 1, None).await;
        s.keys(b"jjj\x1b[B/").await;
        s.until(Duration::from_millis(500), |_| false).await;
        s.resize(100, 30).await;
        assert!(s.shows("NIP").await, "{}", s.text());
    });
    // A client that vanishes mid-frame: its runtime is dropped with a frame
    // on its way (no SSH goodbye, the socket just closes).
    let gone = rt();
    gone.block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, SARI).await);
        let s = Screen::open(&h, 300, 120, None).await;
        s.keys(b"G").await;
        std::mem::forget(h);
        std::mem::forget(s);
    });
    drop(gone);
    assert!(
        server.log_has(&["Sari (sekretaris", "ended"]),
        "{}",
        server.log()
    );
    // Fifty at once, with a limit of eight.
    let refused = rt().block_on(async {
        let addr = server.addr.clone();
        let mut tasks = Vec::new();
        for i in 0..50u8 {
            let addr = addr.clone();
            tasks.push(tokio::spawn(async move {
                let c = Client::default();
                let Ok(mut h) =
                    client::connect(Arc::new(client::Config::default()), addr, c.clone()).await
                else {
                    return (false, c, None);
                };
                let ok = sign_in(&mut h, if i % 2 == 0 { SARI } else { DEWI }).await;
                (ok, c, Some(h))
            }));
        }
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.unwrap());
        }
        let signed_in = results.iter().filter(|r| r.0).count();
        assert!((1..=8).contains(&signed_in), "{signed_in} signed in");
        let told: Vec<String> = results
            .iter()
            .filter_map(|r| r.1.disconnect.lock().unwrap().clone())
            .filter(|(too_many, _)| *too_many)
            .map(|(_, m)| m)
            .collect();
        told
    });
    assert!(!refused.is_empty(), "the ones over the limit are told");
    assert!(refused[0].contains("8 connections"), "{}", refused[0]);
    // And everyone else is still served.
    assert!(server.alive());
    rt().block_on(async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 100, 30, None).await;
        assert!(s.shows("NIP").await, "{}", s.text());
    });
    assert!(server.log_has(&["over the connection limit"]));
    // Screens that ended by quitting, vanishing or being refused leave no
    // terminal library's complaint in the connection log.
    assert!(!server.log().contains("Failed"), "{}", server.log());
}

#[test]
fn what_one_member_does_shows_on_the_others_screen_within_a_second() {
    let server = Server::start(&[]);
    let db = server.dir.path().join("pool.db");
    rt().block_on(async {
        let (mut ha, _) = connect(&server.addr).await;
        assert!(sign_in(&mut ha, SARI).await);
        let (mut hb, _) = connect(&server.addr).await;
        assert!(sign_in(&mut hb, DEWI).await);
        let mut a = Screen::open(&ha, 120, 30, None).await;
        let mut b = Screen::open(&hb, 120, 30, None).await;
        assert!(a.shows("NIP").await && b.shows("NIP").await);
        // Both on the sessions panel.
        a.keys(b"c").await;
        b.keys(b"c").await;
        assert!(b.shows("Sessions").await, "{}", b.text());
        // A write through the command line shows on the screen within a second.
        let out = Command::cargo_bin("talenta")
            .unwrap()
            .args(["--db", db.to_str().unwrap(), "session", "new"])
            .args([
                "--title",
                "Rapat CLI",
                "--member",
                "Dewi",
                "--member",
                "Sari",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(
            b.until(Duration::from_secs(1), |s| s.text().contains("Rapat CLI"))
                .await,
            "{}",
            b.text()
        );
        // The secretary creates a session on her screen; the member sees it.
        a.keys(b"n").await;
        a.keys(b"Rapat Layar\t\tDewi\t").await;
        a.keys(b"\r").await;
        assert!(a.shows("Rapat Layar").await, "{}", a.text());
        assert!(
            b.until(Duration::from_secs(1), |s| s.text().contains("Rapat Layar"))
                .await,
            "{}",
            b.text()
        );
    });
    // Recorded under her name and the key she signed in with.
    let store = Store::open(&db, OpenMode::Existing).unwrap();
    let (actor, kunci): (String, Option<String>) = store
        .conn
        .query_row(
            "SELECT actor, kunci FROM audit_log WHERE after LIKE '%Rapat Layar%' ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(actor, "Sari");
    assert_eq!(
        kunci,
        Some(talenta::serve::keys::fingerprint(key(SARI).public_key()))
    );
}

#[test]
fn an_idle_screen_is_closed_with_a_word_why() {
    let server = Server::start(&["--idle-timeout", "1s"]);
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 80, 24, None).await;
        assert!(s.until(Duration::from_secs(5), |s| s.closed).await);
        assert_eq!(s.exit, Some(1));
        assert!(s.text().contains("without a key press"), "{}", s.text());
    });
    assert!(
        server.log_has(&["Dewi (anggota", "idle timeout"]),
        "{}",
        server.log()
    );
}

#[test]
fn stopping_the_server_tells_every_screen() {
    let mut server = Server::start(&[]);
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 80, 24, None).await;
        assert!(s.shows("NIP").await);
        let pid = server.child.id().to_string();
        assert!(Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        assert!(s.until(Duration::from_secs(5), |s| s.closed).await);
        assert!(s.text().contains("the server is stopping"), "{}", s.text());
    });
    assert!(wait_for(Duration::from_secs(5), || !server.alive()));
    assert!(server.child.wait().unwrap().success());
    assert!(
        server.log_has(&["Dewi (anggota", "server stopped"]),
        "{}",
        server.log()
    );
}

/// `talenta ARGS` on the server's database; its standard output.
fn cli(server: &Server, args: &[&str]) -> String {
    let db = server.dir.path().join("pool.db");
    let out = Command::cargo_bin("talenta")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn count(server: &Server, sql: &str) -> i64 {
    let store = Store::open(&server.dir.path().join("pool.db"), OpenMode::Existing).unwrap();
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A session of Sari (secretary), Dewi, Budi and Eka, all present, and the
/// NIP of one candidate of the demo pool.
fn session_of_four(server: &Server) -> String {
    session_with(server, &["Sari", "Dewi", "Budi", "Eka"])
}

/// The same four members, `present` marked present.
fn session_with(server: &Server, present: &[&str]) -> String {
    let db = server.dir.path().join("pool.db");
    let mut store = Store::open(&db, OpenMode::Existing).unwrap();
    let admin = Actor::new(Some("admin"));
    for (name, seed) in [("Budi", BUDI), ("Eka", EKA)] {
        let line = talenta::serve::keys::line_of(key(seed).public_key());
        talenta::store::access::grant(&mut store, &admin, name, Role::Anggota, &line).unwrap();
    }
    drop(store);
    cli(
        server,
        &[
            "session",
            "new",
            "--title",
            "Sidang",
            "--member",
            "Sari:sekretaris",
            "--member",
            "Dewi",
            "--member",
            "Budi",
            "--member",
            "Eka",
        ],
    );
    let attend: Vec<&str> = ["session", "attend", "1"]
        .into_iter()
        .chain(present.iter().copied())
        .collect();
    cli(server, &attend);
    let csv = cli(
        server,
        &["query", "kotak>=1", "--format", "csv", "--limit", "1"],
    );
    let row = csv.lines().nth(1).unwrap();
    row.split(',').next().unwrap().trim_matches('"').to_string()
}

const BUDI: u8 = 3; // anggota
const EKA: u8 = 4; // anggota

#[test]
fn a_member_pressing_the_secretarys_keys_is_refused_and_nothing_is_written() {
    let server = Server::start(&[]);
    let _nip = session_of_four(&server);
    let entries = count(&server, "SELECT count(*) FROM audit_log");
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 120, 30, None).await;
        assert!(s.shows("Dewi · member").await, "{}", s.text());
        // A recommendation (d) and a calibration (K): each refused with the
        // role and who may.
        s.keys(b"d").await;
        assert!(
            s.shows("The member role may not record a recommendation; only secretary may.")
                .await,
            "{}",
            s.text()
        );
        s.keys(b"K").await;
        assert!(
            s.shows("may not record a calibration").await,
            "{}",
            s.text()
        );
        s.keys(b"q").await;
    });
    assert_eq!(count(&server, "SELECT count(*) FROM decision"), 0);
    assert_eq!(count(&server, "SELECT count(*) FROM calibration"), 0);
    assert_eq!(
        count(&server, "SELECT count(*) FROM audit_log"),
        entries,
        "nothing written"
    );
}

#[test]
fn three_members_vote_from_their_own_screens_and_the_tally_is_recorded_with_their_names() {
    let server = Server::start(&[]);
    let nip = session_of_four(&server);
    cli(
        &server,
        &[
            "session",
            "vote",
            "open",
            "1",
            &nip,
            "--kind",
            "pengembangan",
            "--reason",
            "Diklat kepemimpinan",
        ],
    );
    rt().block_on(async {
        let mut screens = Vec::new();
        let mut handles = Vec::new();
        for (seed, name) in [(SARI, "Sari"), (DEWI, "Dewi"), (BUDI, "Budi"), (EKA, "Eka")] {
            let (mut h, _) = connect(&server.addr).await;
            assert!(sign_in(&mut h, seed).await, "{name}");
            let mut s = Screen::open(&h, 120, 32, None).await;
            assert!(s.shows(name).await, "{}", s.text());
            s.keys(b"V").await;
            assert!(s.shows("Committee vote").await, "{name}: {}", s.text());
            screens.push(s);
            handles.push(h);
        }
        // Dewi and Budi for, Eka against, each from their own screen.
        for (i, k) in [(1, b"y"), (2, b"y"), (3, b"n")] {
            screens[i].keys(k).await;
        }
        assert!(
            wait_for(Duration::from_secs(5), || count(
                &server,
                "SELECT count(*) FROM vote_ballot"
            ) == 3),
            "three ballots"
        );
        // The tally shows live on the secretary's screen; she closes the vote.
        let sari = &mut screens[0];
        assert!(
            sari.until(Duration::from_secs(2), |s| s
                .text()
                .contains("for 2, against 1"))
                .await,
            "{}",
            sari.text()
        );
        sari.keys(b"C").await;
        assert!(
            wait_for(Duration::from_secs(5), || count(
                &server,
                "SELECT count(*) FROM vote_close"
            ) == 1),
            "closed: {}",
            sari.text()
        );
    });
    let store = Store::open(&server.dir.path().join("pool.db"), OpenMode::Existing).unwrap();
    let votes: (i64, i64, i64, String) = store
        .conn
        .query_row(
            "SELECT votes_for, votes_against, votes_abstain, actor FROM decision",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(votes, (2, 1, 0, "Sari".to_string()));
    // Each ballot's audit entry names the member and the key they signed in with.
    let mut stmt = store
        .conn
        .prepare("SELECT actor, kunci FROM audit_log WHERE action = 'vote.cast' ORDER BY seq")
        .unwrap();
    let cast: Vec<(String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want: Vec<(String, Option<String>)> = [("Dewi", DEWI), ("Budi", BUDI), ("Eka", EKA)]
        .into_iter()
        .map(|(n, s)| {
            (
                n.to_string(),
                Some(talenta::serve::keys::fingerprint(key(s).public_key())),
            )
        })
        .collect();
    let mut sorted = cast.clone();
    sorted.sort();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(sorted, want_sorted);
    let close: String = store
        .conn
        .query_row(
            "SELECT after FROM audit_log WHERE action = 'vote.close'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(close.contains("\"votes\":\"2/1/0\""), "{close}");
    let verify = cli(&server, &["audit", "verify"]);
    assert!(!verify.is_empty());
}

#[test]
fn a_recused_member_and_an_absent_one_cannot_vote_from_their_screens() {
    let server = Server::start(&[]);
    // Eka is not present; Budi steps aside for the candidate.
    let nip = session_with(&server, &["Sari", "Dewi", "Budi"]);
    cli(
        &server,
        &[
            "session",
            "recuse",
            "1",
            "Budi",
            &nip,
            "--reason",
            "Ipar kandidat",
        ],
    );
    cli(
        &server,
        &[
            "session",
            "vote",
            "open",
            "1",
            &nip,
            "--kind",
            "pengembangan",
            "--reason",
            "Diklat",
        ],
    );
    let entries = count(&server, "SELECT count(*) FROM audit_log");
    rt().block_on(async {
        for (seed, name, refusal) in [
            (BUDI, "Budi", "stepped aside for"),
            (EKA, "Eka", "is not marked present"),
        ] {
            let (mut h, _) = connect(&server.addr).await;
            assert!(sign_in(&mut h, seed).await, "{name}");
            let mut s = Screen::open(&h, 120, 32, None).await;
            assert!(s.shows(name).await, "{}", s.text());
            s.keys(b"V").await;
            assert!(s.shows("Committee vote").await, "{name}: {}", s.text());
            s.keys(b"y").await;
            assert!(s.shows(refusal).await, "{name}: {}", s.text());
            s.keys(b"q").await;
        }
    });
    assert_eq!(count(&server, "SELECT count(*) FROM vote_ballot"), 0);
    assert_eq!(
        count(&server, "SELECT count(*) FROM audit_log"),
        entries,
        "nothing written"
    );
}

/// A client whose locale is not UTF-8 (`LANG=C`, as some PuTTY and old
/// set-ups send) gets a screen of ASCII only; a UTF-8 one keeps the symbols.
#[test]
fn a_client_whose_locale_is_not_utf8_gets_ascii() {
    let server = Server::start(&[]);
    rt().block_on(async {
        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 100, 30, Some("C")).await;
        assert!(s.shows("NIP").await, "{}", s.text());
        s.keys(b"\t").await;
        assert!(s.shows("#===").await, "{}", s.text());
        assert!(s.text().is_ascii(), "{}", s.text());
        s.keys(b"q").await;
        assert!(s.until(Duration::from_secs(5), |s| s.closed).await);

        let (mut h, _) = connect(&server.addr).await;
        assert!(sign_in(&mut h, DEWI).await);
        let mut s = Screen::open(&h, 100, 30, Some("id_ID.UTF-8")).await;
        assert!(s.shows("NIP").await, "{}", s.text());
        s.keys(b"\t").await;
        assert!(s.shows("╔═").await, "{}", s.text());
        s.keys(b"q").await;
        assert!(s.until(Duration::from_secs(5), |s| s.closed).await);
    });
}
