//! The terminal under abuse: bursts of resizes, pasted text (long, multi-line,
//! control characters, escape sequences, wide and combining characters),
//! unknown keys and events. Through the App and the event mapping, and through
//! the real binary in a pseudo-terminal. (The size sweep 1x1..300x100 and the
//! panic-restores-the-terminal test are in tui_sizes.rs and tui_pty.rs.)

mod common;
use common::*;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode,
    ModifierKeyCode, MouseEvent, MouseEventKind,
};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use talenta::app::{Action, Chord};
use talenta::strings::Lang;
use talenta::tui::event::action;
use talenta::ui::Theme;

fn pastes() -> Vec<String> {
    vec![
        "kotak >= 7".into(),
        "x".repeat(100_000),
        "nama ~ \"siti\"\nand usia < 40\r\n\tor kotak = 9\n".repeat(1000),
        "\u{0}\u{1}\u{7}\u{8}\u{1b}[31m\u{1b}]0;title\u{7}\u{1b}[2J\u{7f}".into(),
        "مرحبا \u{202e}evil\u{202c} 漢字テスト 👨‍👩‍👧‍👦 e\u{301}\u{301}\u{301} \u{200b}\u{feff}".into(),
        "(".repeat(20_000),
        String::new(),
    ]
}

/// Every key code crossterm knows, with every modifier combination, pressed,
/// repeated and released.
fn all_events() -> Vec<Event> {
    let mut codes = vec![
        KeyCode::Backspace,
        KeyCode::Enter,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Null,
        KeyCode::Esc,
        KeyCode::CapsLock,
        KeyCode::ScrollLock,
        KeyCode::NumLock,
        KeyCode::PrintScreen,
        KeyCode::Pause,
        KeyCode::Menu,
        KeyCode::KeypadBegin,
        KeyCode::Media(MediaKeyCode::Play),
        KeyCode::Modifier(ModifierKeyCode::LeftShift),
    ];
    codes.extend((0..=255u8).map(KeyCode::F));
    codes.extend(
        [
            '\0',
            'q',
            'Q',
            '?',
            '/',
            ':',
            'é',
            '漢',
            '\u{7f}',
            '\u{1b}',
            '\u{10ffff}',
        ]
        .into_iter()
        .map(KeyCode::Char),
    );
    let mut out = Vec::new();
    for code in codes {
        for bits in 0..64u8 {
            let m = KeyModifiers::from_bits_truncate(bits);
            for kind in [
                KeyEventKind::Press,
                KeyEventKind::Repeat,
                KeyEventKind::Release,
            ] {
                out.push(Event::Key(KeyEvent {
                    code,
                    modifiers: m,
                    kind,
                    state: KeyEventState::all(),
                }));
            }
        }
    }
    out.push(Event::FocusGained);
    out.push(Event::FocusLost);
    out.push(Event::Resize(0, 0));
    out.push(Event::Resize(u16::MAX, u16::MAX));
    out.push(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: u16::MAX,
        row: u16::MAX,
        modifiers: KeyModifiers::all(),
    }));
    out
}

#[test]
fn unknown_keys_and_events_on_every_screen() {
    let f = fixture();
    let theme = Theme::default16();
    let events = all_events();
    for setup in ["", "tab", "/", ":", "?", "j enter", "L"] {
        let mut app = app_on(&f, Lang::En);
        keys(&mut app, setup);
        for (i, ev) in events.iter().enumerate() {
            let Some(a) = action(ev.clone()) else {
                continue;
            };
            // Quitting keys are fine, but keep the app running to test the rest.
            if let Action::Key(c) = &a {
                if matches!(c.typed_char(), Some('q' | 'Q'))
                    || *c == Chord::parse("ctrl-c").unwrap()
                {
                    continue;
                }
            }
            app.step(a);
            if app.quit {
                app = app_on(&f, Lang::En);
                keys(&mut app, setup);
            }
            if i % 97 == 0 {
                let _ = buffer(&app, 1 + (i % 200) as u16, 1 + (i % 60) as u16, &theme);
            }
        }
        let _ = buffer(&app, 80, 24, &theme);
    }
}

#[test]
fn pasted_text_on_every_screen_and_in_every_prompt() {
    let f = fixture();
    let theme = Theme::mono();
    for setup in ["", "/", ":", "tab /", "?", "j enter"] {
        for p in pastes() {
            let mut app = app_on(&f, Lang::Id);
            keys(&mut app, setup);
            app.step(Action::Paste(p.clone()));
            for (w, h) in [(1, 1), (2, 1), (80, 24), (300, 100), (17, 5)] {
                let _ = buffer(&app, w, h, &theme);
            }
            keys(&mut app, "enter");
            let _ = buffer(&app, 120, 40, &theme);
            keys(&mut app, "esc");
            let _ = buffer(&app, 120, 40, &theme);
            assert!(!app.quit, "a paste never quits: {setup:?}");
        }
    }
}

#[test]
fn bursts_of_resizes_between_keys() {
    let f = fixture();
    let theme = Theme::default16();
    let mut app = app_on(&f, Lang::En);
    let mut state: u64 = 0x2026_1122;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..200 {
        for _ in 0..20 {
            app.step(Action::Resize);
        }
        let w = 1 + (next() % 300) as u16;
        let h = 1 + (next() % 100) as u16;
        let _ = buffer(&app, w, h, &theme);
        let k = [
            "j", "k", "tab", "G", "g", "L", "esc", "?", "/", "enter", "pagedown",
        ][(next() % 11) as usize];
        keys(&mut app, k);
        if round % 10 == 0 {
            // Shrink to nothing and back in one burst.
            for s in [1u16, 2, 3, 300, 1, 100, 40] {
                app.step(Action::Resize);
                let _ = buffer(&app, s, s.min(100), &theme);
            }
        }
        assert!(!app.quit);
    }
}

/// The real binary in a pty: resize storm, a paste burst (as bytes, the way a
/// terminal without bracketed paste delivers it) and a bracketed one, unknown
/// escape sequences and invalid UTF-8; it stays alive, quits on `q` and
/// restores the terminal.
#[test]
fn the_binary_survives_a_resize_storm_pastes_and_garbage_in_a_pty() {
    let f = fixture();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_talenta"));
    cmd.args([
        "--db",
        f.db.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
        "--lang",
        "en",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    // The question "who is at the keyboard" was answered (skipped) before.
    std::fs::write(f.dir.path().join("none.toml"), "secretary = \"\"\n").unwrap();
    cmd.env("TALENTA_CONFIG", f.dir.path().join("none.toml"));
    cmd.env_remove("TALENTA_DB");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
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
    let screen = |size: (u16, u16)| {
        let mut p = vt100::Parser::new(
            NonZeroU16::new(size.1).unwrap(),
            NonZeroU16::new(size.0).unwrap(),
            0,
        );
        p.process(&output.lock().unwrap());
        p
    };
    let wait_for = |what: &str, size: (u16, u16), ok: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        loop {
            let text = screen(size).screen().contents();
            if ok(&text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let mut send = |b: &[u8]| {
        writer.write_all(b).unwrap();
        writer.flush().unwrap();
    };
    wait_for("the table", (100, 30), &|s| s.contains("14 of 14"));

    // A storm of resizes, 1x1 included, without waiting between them.
    let mut sizes = vec![(1u16, 1u16), (300, 100), (2, 1), (1, 2)];
    sizes.extend((0..150).map(|i| (1 + (i * 37 % 300) as u16, 1 + (i * 11 % 100) as u16)));
    for (c, r) in sizes {
        pair.master
            .resize(PtySize {
                rows: r,
                cols: c,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }
    pair.master
        .resize(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();

    // Into the filter prompt: a paste burst with no newline and no quitting key
    // outside the prompt, then a bracketed paste, unknown sequences, invalid UTF-8.
    send(b"/");
    std::thread::sleep(Duration::from_millis(100));
    send("kotak>=7 ".repeat(500).as_bytes());
    send(b"\x1b[200~usia > 30 \xe6\xbc\xa2\xe5\xad\x97\x1b[201~");
    send(b"\x1b[99~\x1b[1;9Z\x1b[?1;2c\x1bOZ\x1b[<0;5;5M\xff\xfe\xc3");
    std::thread::sleep(Duration::from_millis(300));
    send(b"\x15"); // ctrl-u: clear the prompt
    std::thread::sleep(Duration::from_millis(100));
    send(b"\x1b"); // esc: leave it
    std::thread::sleep(Duration::from_millis(400));
    wait_for("the table again", (100, 30), &|s| s.contains("of 14"));
    send(b"q");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            std::thread::sleep(Duration::from_millis(200));
            break s;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!(
                "talenta did not exit; screen:\n{}",
                screen((100, 30)).screen().contents()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    assert!(status.success(), "exit status {status:?}: {text}");
    assert!(!text.contains("panicked"));
    let term = screen((100, 30));
    assert!(!term.screen().alternate_screen(), "back on the main screen");
    assert!(!term.screen().hide_cursor(), "cursor visible");
}
