//! The TUI's backend scrolls the table inside a terminal scroll region and
//! writes only what differs from the screen it keeps a copy of. A terminal
//! emulator (vt100) fed those bytes must show exactly the frame the app draws,
//! after any sequence of keys, and a scrolling cursor move must stay small.

mod common;
use common::*;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;
use std::sync::Arc;
use talenta::app::filtering::Filtering;
use talenta::app::{Action, App, Chord, Options};
use talenta::demo::{self, DemoSpec};
use talenta::domain::Rules;
use talenta::store::load::load_pool;
use talenta::store::{Actor, OpenMode, Store};
use talenta::tui::shadow::{self, ShadowBackend};
use talenta::ui::Theme;

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An app on a 600-employee demo pool (more rows than any screen).
fn demo_app(dir: &tempfile::TempDir) -> App {
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db, OpenMode::Create).unwrap();
    let actor = Actor {
        name: "test".into(),
        os_user: "test".into(),
        key: None,
    };
    demo::build(&mut store, &DemoSpec::new(600, 7, as_of()), &actor, false).unwrap();
    let pool = load_pool(&store.conn, as_of(), &Rules::default()).unwrap();
    let mut app = App::new(
        Options {
            lang: Default::default(),
            keymap: Default::default(),
        },
        Filtering::sync(),
        Box::new(store),
    );
    app.step(Action::PoolLoaded(Arc::new(pool)));
    app
}

struct Screen {
    term: Terminal<ShadowBackend<Shared>>,
    out: Shared,
    vt: vt100::Parser,
    w: u16,
    h: u16,
}

impl Screen {
    fn new(w: u16, h: u16, regions: bool) -> Screen {
        let out = Shared::default();
        let mut backend = ShadowBackend::with_size(out.clone(), Size::new(w, h));
        backend.set_scrolling(regions);
        let term = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
            },
        )
        .unwrap();
        Screen {
            term,
            out,
            vt: vt100::Parser::new(NonZeroU16::new(h).unwrap(), NonZeroU16::new(w).unwrap(), 0),
            w,
            h,
        }
    }

    /// Draw as the terminal loop does; the bytes written for this frame.
    fn draw(&mut self, app: &App, theme: &Theme) -> usize {
        shadow::draw(&mut self.term, app, theme).unwrap();
        let bytes: Vec<u8> = std::mem::take(&mut *self.out.0.borrow_mut());
        self.vt.process(&bytes);
        bytes.len()
    }

    /// What the emulated terminal shows, trailing blanks cut.
    fn shown(&self) -> String {
        self.vt
            .screen()
            .rows(0, self.w)
            .take(self.h as usize)
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn step(app: &mut App, key: &str) {
    if let Some(text) = key.strip_prefix("text:") {
        type_text(app, text);
    } else {
        app.step(Action::Key(Chord::parse(key).unwrap()));
    }
}

#[test]
fn the_terminal_shows_exactly_the_frame_after_any_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let theme = Theme::mono();
    // Moves within the page and scrolling both ways, paging, the ends, a
    // filter typed and cleared (a new row list), a re-sort, other screens and
    // the help overlay in between.
    let script = [
        "j",
        "j",
        "j",
        "pagedown",
        "j",
        "j",
        "k",
        "pagedown",
        "pagedown",
        "k",
        "k",
        "k",
        "pageup",
        "j",
        "end",
        "k",
        "k",
        "home",
        "j",
        "/",
        "text:guru",
        "enter",
        "j",
        "j",
        "pagedown",
        "k",
        "/",
        "backspace",
        "backspace",
        "backspace",
        "backspace",
        "enter",
        "s",
        "j",
        "pagedown",
        "j",
        "tab",
        "j",
        "tab",
        "j",
        "?",
        "j",
        "esc",
        "j",
        "k",
    ];
    for (w, h) in [(120, 40), (80, 24)] {
        for regions in [true, false] {
            let mut s = Screen::new(w, h, regions);
            s.draw(&app, &theme);
            for key in script {
                step(&mut app, key);
                s.draw(&app, &theme);
                assert_eq!(
                    s.shown(),
                    screen_with(&app, w, h, &theme),
                    "after {key:?} at {w}x{h}, scroll regions {regions}"
                );
            }
            step(&mut app, "home");
        }
    }
}

#[test]
fn a_scrolling_cursor_move_writes_under_a_kilobyte() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let theme = Theme::mono();
    let mut with = Screen::new(120, 40, true);
    let mut without = Screen::new(120, 40, false);
    with.draw(&app, &theme);
    without.draw(&app, &theme);
    // Past the first page every `j` scrolls the table by one row.
    for _ in 0..60 {
        step(&mut app, "j");
        with.draw(&app, &theme);
        without.draw(&app, &theme);
    }
    for _ in 0..20 {
        step(&mut app, "j");
        let (a, b) = (with.draw(&app, &theme), without.draw(&app, &theme));
        assert!(a <= 1024, "{a} bytes with scroll regions");
        assert!(b > 2048, "{b} bytes without: the table was rewritten");
        assert_eq!(with.shown(), without.shown());
    }
}
