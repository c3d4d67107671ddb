//! End to end in a real pseudo-terminal: the built binary on a database,
//! driven by keystrokes, its output read as a terminal would (vt100).

mod common;
mod common_sessions;
use common::*;
use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
}

impl Pty {
    fn start(args: &[&str], f: &Fixture, cols: u16, rows: u16) -> Pty {
        Pty::start_program(
            env!("CARGO_BIN_EXE_talenta").as_ref(),
            args,
            &[],
            f,
            cols,
            rows,
        )
    }

    fn start_program(
        program: &std::path::Path,
        args: &[&str],
        env: &[(&str, &str)],
        f: &Fixture,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // The question "who is at the keyboard" was answered (skipped) before.
        let config = f.dir.path().join("none.toml");
        if !config.exists() {
            std::fs::write(&config, "secretary = \"\"\n").unwrap();
        }
        cmd.env("TALENTA_CONFIG", config);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.env_remove("TALENTA_DB");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        });
        Pty {
            master: pair.master,
            writer,
            child,
            output,
            size: (cols, rows),
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as a terminal of this size shows it now.
    fn screen(&self) -> vt100::Parser {
        let mut p = vt100::Parser::new(
            NonZeroU16::new(self.size.1).unwrap(),
            NonZeroU16::new(self.size.0).unwrap(),
            0,
        );
        p.process(&self.bytes());
        p
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let text = self.screen().screen().contents();
            if ok(&text) {
                return text;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Keys typed one after another, not pasted in one burst.
        std::thread::sleep(Duration::from_millis(30));
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.size = (cols, rows);
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = self.child.kill();
                panic!("talenta did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn filter_grid_and_quit_in_a_real_terminal_then_the_terminal_is_restored() {
    let f = fixture();
    let db = f.db.to_str().unwrap().to_string();
    let mut pty = Pty::start(
        &["--db", &db, "--as-of", "2026-06-01", "--lang", "en"],
        &f,
        100,
        30,
    );
    pty.wait_for("the table", |s| {
        s.contains("14 of 14") && s.contains("Kemas Ahmad")
    });
    pty.send("/");
    for ch in "kotak>=7".chars() {
        pty.send(&ch.to_string());
    }
    let s = pty.wait_for("the filtered count", |s| s.contains("6 of 14"));
    assert!(s.contains("Filter: kotak>=7"), "{s}");
    pty.send("\r");
    pty.send("\t");
    let s = pty.wait_for("the grid", |s| s.contains("Box 9 ★"));
    assert!(s.contains("Performance"), "{s}");
    // The grid follows the filter: no box below 7 has anyone.
    assert!(s.contains("Box 4"), "{s}");
    // Resizing to a tiny terminal and back neither crashes nor loses the state.
    pty.resize(12, 3);
    pty.wait_for("the too-small message", |s| s.contains("Terminal"));
    pty.resize(100, 30);
    pty.wait_for("the grid again", |s| {
        s.contains("Box 9 ★") && s.contains("6 of 14")
    });
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let out = pty.bytes();
    let entered = last(&out, ENTER_ALT).expect("entered the alternate screen");
    let left = last(&out, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        left > entered,
        "left the alternate screen after entering it"
    );
    let shown = last(&out, SHOW_CURSOR).expect("cursor shown");
    if let Some(hidden) = last(&out, HIDE_CURSOR) {
        assert!(shown > hidden, "the cursor is shown at the end");
    }
    let paste_on = last(&out, b"\x1b[?2004h").expect("bracketed paste turned on");
    let paste_off = last(&out, b"\x1b[?2004l").expect("bracketed paste turned off");
    assert!(
        paste_off > paste_on,
        "bracketed paste is off again at the end"
    );
    let term = pty.screen();
    assert!(!term.screen().alternate_screen(), "back on the main screen");
    assert!(!term.screen().hide_cursor(), "cursor visible");
}

/// The demo pool: filter, grid, quit; the count on screen is `talenta query --count`'s.
#[test]
fn on_a_demo_pool_the_screen_count_is_the_query_count() {
    let f = fixture();
    let db = f.dir.path().join("demo.db");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    {
        let mut store = talenta::store::Store::open(&db, talenta::store::OpenMode::Create).unwrap();
        let spec = talenta::demo::DemoSpec::new(3_000, 7, as_of);
        let actor = talenta::store::Actor::new(Some("test"));
        talenta::demo::build(&mut store, &spec, &actor, false).unwrap();
    }
    let db = db.to_str().unwrap().to_string();
    let filter = "kotak>=7 pendidikan>=S1";
    let out = assert_cmd::Command::cargo_bin("talenta")
        .unwrap()
        .args([
            "--db",
            &db,
            "--as-of",
            "2026-06-01",
            "query",
            filter,
            "--count",
        ])
        .env("TALENTA_CONFIG", f.dir.path().join("none.toml"))
        .output()
        .unwrap();
    let count: usize = String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(count > 0 && count < 3_000);

    // The count left a pool snapshot; without one the screen loads the
    // tables, shows the pool, then writes the snapshot for the next start.
    let snapshot = format!("{db}-snapshot");
    std::fs::remove_file(&snapshot).unwrap();
    let mut pty = Pty::start(
        &["--db", &db, "--as-of", "2026-06-01", "--lang", "id"],
        &f,
        120,
        40,
    );
    pty.wait_for("the table", |s| s.contains("3000 dari 3000"));
    let written = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::path::Path::new(&snapshot).exists()
    });
    assert!(written, "the screen wrote no snapshot");
    pty.send("/");
    for ch in filter.chars() {
        pty.send(&ch.to_string());
    }
    pty.send("\r");
    let want = format!("{count} dari 3000");
    pty.wait_for("the filtered count", |s| {
        s.contains(&want) && s.contains(filter)
    });
    pty.send("\t");
    let s = pty.wait_for("the grid", |s| s.contains("Kotak 9 ★"));
    // Only the talent-pool boxes have anyone under this filter.
    let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    for b in [1, 2, 3, 4, 5, 6] {
        let title: Vec<char> = format!("Kotak {b} ").chars().collect();
        let (row, col) = lines
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(r, l)| {
                l.windows(title.len())
                    .position(|w| w == title.as_slice())
                    .map(|c| (r, c))
            })
            .unwrap();
        let below: String = lines[row + 1][col..col + 7].iter().collect();
        assert_eq!(below, "0  (0%)", "box {b}");
    }
    pty.send("q");
    assert!(pty.wait_exit().success());
    let term = pty.screen();
    assert!(!term.screen().alternate_screen());
    assert!(!term.screen().hide_cursor());
}

#[test]
fn a_missing_database_is_an_error_before_the_screen_changes() {
    let f = fixture();
    let missing = f.dir.path().join("none.db");
    let mut pty = Pty::start(
        &["--db", missing.to_str().unwrap(), "--lang", "en"],
        &f,
        80,
        24,
    );
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let out = pty.bytes();
    assert!(
        last(&out, ENTER_ALT).is_none(),
        "never entered the alternate screen"
    );
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("talenta demo"), "{text}");
}

#[test]
fn bad_key_overrides_are_reported_before_the_screen_changes() {
    let f = fixture();
    std::fs::write(
        f.dir.path().join("none.toml"),
        "[keys]\nqiut = [\"x\"]\n\"table.sort\" = [\"j\"]\n",
    )
    .unwrap();
    let db = f.db.to_str().unwrap().to_string();
    let mut pty = Pty::start(&["--db", &db, "--lang", "en"], &f, 100, 24);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let out = pty.bytes();
    assert!(last(&out, ENTER_ALT).is_none());
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("[keys]"), "{text}");
    assert!(text.contains("'qiut'"), "{text}");
    assert!(
        text.contains("key 'j' is used twice on the table screen: down and sort"),
        "{text}"
    );
}

/// Run by the test below inside a pseudo-terminal (this test binary runs
/// itself): enter the committee screen's terminal mode, then panic.
#[test]
#[ignore = "run inside a pty by a_panic_restores_the_terminal_before_its_message"]
fn child_enters_the_screen_and_panics() {
    if std::env::var_os("TALENTA_PTY_CHILD").is_none() {
        return;
    }
    let _session = talenta::tui::terminal::Session::enter().unwrap();
    print!("drawn on the alternate screen");
    panic!("deliberate panic inside the committee screen");
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let f = fixture();
    let me = std::env::current_exe().unwrap();
    let mut pty = Pty::start_program(
        &me,
        &[
            "--exact",
            "child_enters_the_screen_and_panics",
            "--ignored",
            "--nocapture",
        ],
        &[("TALENTA_PTY_CHILD", "1")],
        &f,
        100,
        30,
    );
    let status = pty.wait_exit();
    assert!(!status.success(), "the child test panicked");
    let out = pty.bytes();
    let entered = last(&out, ENTER_ALT).expect("entered the alternate screen");
    let left = last(&out, LEAVE_ALT).expect("left the alternate screen");
    assert!(left > entered);
    let shown = last(&out, SHOW_CURSOR).expect("cursor shown");
    assert!(shown > last(&out, HIDE_CURSOR).unwrap());
    let message = out
        .windows(b"deliberate panic".len())
        .rposition(|w| w == b"deliberate panic")
        .expect("the panic message is printed");
    assert!(message > left, "printed after the terminal was restored");
    let term = pty.screen();
    assert!(!term.screen().alternate_screen());
    assert!(term.screen().contents().contains("deliberate panic"));
}

/// Two processes on one database: the committee screen shows a decision the
/// CLI records in "another terminal" after its poll.
#[test]
fn a_decision_recorded_by_the_cli_appears_on_the_screen() {
    let f = common_sessions::session_fixture();
    common_sessions::recorded_session(&f);
    let db = f.db.to_str().unwrap().to_string();
    let mut pty = Pty::start(
        &["--db", &db, "--as-of", "2026-06-01", "--lang", "en"],
        &f,
        120,
        40,
    );
    pty.wait_for("the table", |s| s.contains("14 of 14"));
    pty.send("c");
    pty.send("\r");
    pty.wait_for("the session panel", |s| {
        s.contains("Session 1: Sidang Talenta")
    });
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args([
            "--db",
            &db,
            "--as-of",
            "2026-06-01",
            "session",
            "decide",
            "1",
            "199005052019032004",
            "--kind",
            "ditunda",
            "--reason",
            "Menunggu penilaian ulang",
        ])
        .env("TALENTA_CONFIG", f.dir.path().join("none.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = pty.wait_for("the CLI's decision", |s| s.contains("#4 v1 Deferred"));
    assert!(s.contains("Nyimas Ayu"), "{s}");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// The terminal is back as it was: main screen, cursor shown, bracketed paste off.
fn assert_restored(out: &[u8], term: &vt100::Parser) {
    let entered = last(out, ENTER_ALT).expect("entered the alternate screen");
    let left = last(out, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        left > entered,
        "left the alternate screen after entering it"
    );
    let shown = last(out, SHOW_CURSOR).expect("cursor shown");
    if let Some(hidden) = last(out, HIDE_CURSOR) {
        assert!(shown > hidden, "the cursor is shown at the end");
    }
    let paste_on = last(out, b"\x1b[?2004h").expect("bracketed paste turned on");
    let paste_off = last(out, b"\x1b[?2004l").expect("bracketed paste turned off");
    assert!(paste_off > paste_on, "bracketed paste is off again");
    assert!(!term.screen().alternate_screen(), "back on the main screen");
    assert!(!term.screen().hide_cursor(), "cursor visible");
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    let f = fixture();
    let db = f.db.to_str().unwrap().to_string();
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let mut pty = Pty::start(&["--db", &db, "--lang", "en"], &f, 100, 30);
        pty.wait_for("the table", |s| s.contains("14 of 14"));
        let pid = pty.child.process_id().expect("a pid").to_string();
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = pty.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        assert_restored(&pty.bytes(), &pty.screen());
        let text = pty.screen().screen().contents();
        assert!(
            text.contains(&format!("SIG{signal}")),
            "SIG{signal}: {text}"
        );
    }
}

/// A megabyte pasted into the filter bar (bracketed paste): taken in one
/// event, cut to the field's limit, and the keys work after it.
#[test]
fn a_paste_of_a_megabyte_is_taken_and_the_keys_work_after() {
    let f = fixture();
    let db = f.db.to_str().unwrap().to_string();
    let mut pty = Pty::start(&["--db", &db, "--lang", "en"], &f, 100, 30);
    pty.wait_for("the table", |s| s.contains("14 of 14"));
    pty.send("/");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b"kemas ahmad\n".as_slice(), (1 << 20) / 12).flatten());
    paste.extend_from_slice(b"\x1b[201~");
    pty.writer.write_all(&paste).unwrap();
    pty.writer.flush().unwrap();
    // The filter field keeps its first 1,000 characters (newlines as blanks);
    // the bar shows their end.
    pty.wait_for("the pasted filter", |s| {
        s.contains("Filter:") && s.contains("kemas ahmad kemas ahmad") && s.contains("1 of 14")
    });
    pty.send("\x1b");
    pty.wait_for("the filter cleared", |s| s.contains("14 of 14"));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&pty.bytes(), &pty.screen());
}

/// Without `--as` and without `secretary` in the config, the local screen
/// asks once who is at the keyboard; the answer is kept in the config file
/// and shown on the status line, and the next start does not ask.
#[test]
fn the_local_screen_asks_once_who_is_at_the_keyboard() {
    let f = fixture();
    let db = f.db.to_str().unwrap().to_string();
    let config = f.dir.path().join("asked").join("config.toml");
    let config_s = config.to_str().unwrap().to_string();
    let args = ["--db", &db, "--as-of", "2026-06-01", "--lang", "en"];
    let env = [("TALENTA_CONFIG", config_s.as_str())];
    let bin: &std::path::Path = env!("CARGO_BIN_EXE_talenta").as_ref();
    let mut pty = Pty::start_program(bin, &args, &env, &f, 100, 30);
    pty.wait_for("the question", |s| s.contains("Who is at the keyboard?"));
    // `q` is a letter here, not quit.
    for ch in "Siti Rahmq".chars() {
        pty.send(&ch.to_string());
    }
    pty.send("\x7f");
    pty.send("a");
    pty.send("\r");
    let s = pty.wait_for("the name on the status line", |s| {
        s.contains("Siti Rahma │ 14 of 14")
    });
    assert!(!s.contains("Who is at the keyboard?"), "{s}");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let kept = std::fs::read_to_string(&config).unwrap();
    assert_eq!(kept, "secretary = \"Siti Rahma\"\n");

    let mut pty = Pty::start_program(bin, &args, &env, &f, 100, 30);
    let s = pty.wait_for("the table", |s| s.contains("Siti Rahma │ 14 of 14"));
    assert!(!s.contains("Who is at the keyboard?"), "{s}");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// Under a locale that is not UTF-8 (or with `--ascii`) not one byte
/// outside ASCII reaches the terminal: boxes, stars, markers, separators.
#[test]
fn a_terminal_that_is_not_utf8_gets_ascii_only() {
    let f = fixture();
    let db = f.db.to_str().unwrap().to_string();
    let bin: &std::path::Path = env!("CARGO_BIN_EXE_talenta").as_ref();
    let base = ["--db", &db, "--as-of", "2026-06-01", "--lang", "en"];
    let with_flag = [&base[..], &["--ascii"]].concat();
    type Run<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
    let runs: [Run; 4] = [
        (&base, &[("LANG", "C")]),
        (&base, &[("LC_ALL", "POSIX")]),
        (&base, &[("LANG", "en_US.ISO-8859-1")]),
        (&with_flag, &[]),
    ];
    for (args, env) in runs {
        let mut pty = Pty::start_program(bin, args, env, &f, 100, 30);
        pty.wait_for("the table", |s| s.contains("14 of 14"));
        pty.send("\t");
        let s = pty.wait_for("the grid", |s| s.contains("Box 9 *"));
        assert!(s.contains("#==="), "{s}");
        pty.send("?");
        pty.wait_for("the help", |s| s.contains("+---"));
        pty.send("q");
        pty.send("q");
        assert!(pty.wait_exit().success());
        let out = pty.bytes();
        let at = out.iter().position(|b| !b.is_ascii());
        assert_eq!(
            at,
            None,
            "{env:?} {args:?}: {}",
            String::from_utf8_lossy(&out[at.unwrap_or(0).saturating_sub(80)..])
        );
    }
}
