//! In-process measurements of the committee screen (see `docs/performance.md`
//! and `benches/run.sh`, which also times whole processes against sqlite3).
//!
//! `cargo bench --bench suite` on a database given by `TALENTA_BENCH_DB`, or on
//! a demo pool of `TALENTA_BENCH_SIZE` employees (default 30,000) built in a
//! temporary folder. Prints `key value` lines (milliseconds unless named).
//! No dependency beyond the crate's own: a plain `harness = false` binary.

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use talenta::app::filtering::Filtering;
use talenta::app::{Action, App, Chord, Cmd, Options};
use talenta::demo::{self, DemoSpec};
use talenta::domain::{position, Rules};
use talenta::store::load::load_pool;
use talenta::store::positions::load_positions;
use talenta::store::{Actor, OpenMode, Store};
use talenta::tui::shadow::{self, ShadowBackend};
use talenta::ui::{self, Theme};

/// The filter typed key by key: three conditions, one on a competency.
const FILTER: &str = "kotak>=7 unit~pendidikan integritas>=4";
const W: u16 = 120;
const H: u16 = 40;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

/// Counts what the terminal backend writes.
#[derive(Default)]
struct Counter(std::rc::Rc<std::cell::Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + b.len());
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn app(store: Store) -> App {
    App::new(
        Options {
            lang: Default::default(),
            keymap: Default::default(),
        },
        Filtering::sync(),
        Box::new(store),
    )
}

fn key(app: &mut App, c: char) {
    app.step(Action::Key(Chord::char(c)));
}

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_mb() -> Option<f64> {
    status_mb("VmHWM:")
}

/// A memory line of /proc/self/status, in MB.
fn status_mb(key: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let rules = Rules::default();
    let theme = Theme::mono();
    let _tmp;
    let db: PathBuf = match std::env::var_os("TALENTA_BENCH_DB") {
        Some(p) => p.into(),
        None => {
            let size: usize = std::env::var("TALENTA_BENCH_SIZE")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(30_000);
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("bench.db");
            let mut s = Store::open(&p, OpenMode::Create).unwrap();
            let actor = Actor {
                name: "bench".into(),
                os_user: "bench".into(),
                key: None,
            };
            demo::build(&mut s, &DemoSpec::new(size, 1, as_of), &actor, false).unwrap();
            _tmp = dir;
            p
        }
    };
    let rss_before = peak_mb();

    // Start to the first interactive frame: the screen is up before the pool.
    let t = Instant::now();
    let store = Store::open(&db, OpenMode::Existing).unwrap();
    let mut a = app(store);
    let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
    term.draw(|f| ui::draw(f, &a, &theme)).unwrap();
    println!("first_frame_ms {:.2}", ms(t.elapsed()));

    // Start to the whole pool filterable: open, load, first result, frame;
    // after one load that leaves the pool snapshot current (issue 18: a start
    // after a write to the database reads the tables and writes the snapshot;
    // `benches/run.sh` times that as `query_count_after_a_write_ms`).
    {
        let t = Instant::now();
        let store = Store::open(&db, OpenMode::Existing).unwrap();
        drop(load_pool(&store.conn, as_of, &rules).unwrap());
        println!("load_before_rounds_ms {:.1}", ms(t.elapsed()));
    }
    let (mut loads, mut reads) = (Vec::new(), Vec::new());
    for round in 0..3 {
        let t = Instant::now();
        let store = Store::open(&db, OpenMode::Existing).unwrap();
        let pool = load_pool(&store.conn, as_of, &rules).unwrap();
        reads.push(ms(t.elapsed()));
        let mut b = app(store);
        b.step(Action::PoolLoaded(Arc::new(pool)));
        term.draw(|f| ui::draw(f, &b, &theme)).unwrap();
        loads.push(ms(t.elapsed()));
        if round == 0 {
            // What the loaded pool keeps, and the peak while loading it.
            if let (Some(now), Some(peak)) = (status_mb("VmRSS:"), peak_mb()) {
                println!("rss_after_load_mb {now:.0}");
                println!("peak_after_load_mb {peak:.0}");
            }
        }
        if round == 2 {
            a = b;
        }
    }
    println!("employees {}", a.matches.filtered);
    // The filter thread builds the text search index while idle after the
    // pool arrives (before anyone can type); here it is done in line.
    let t = Instant::now();
    if let talenta::app::Load::Ready(p) = &a.load {
        p.search.warm(&p.rows);
    }
    println!("search_index_ms {:.1}", ms(t.elapsed()));
    println!("load_to_filterable_ms {:.1}", pct(&mut loads.clone(), 0.5));
    println!("load_to_filterable_min_ms {:.1}", pct(&mut loads, 0.0));
    // Of which reading the store (the rest: the first sort, filter and frame).
    println!("load_read_store_ms {:.1}", pct(&mut reads, 0.5));

    // A filter keystroke to the updated frame (synchronous filtering: the
    // worker thread's time to result plus the draw).
    let mut keys = Vec::new();
    for _ in 0..3 {
        key(&mut a, '/');
        term.draw(|f| ui::draw(f, &a, &theme)).unwrap();
        for c in FILTER.chars() {
            let t = Instant::now();
            key(&mut a, c);
            term.draw(|f| ui::draw(f, &a, &theme)).unwrap();
            keys.push(ms(t.elapsed()));
            if std::env::var_os("TALENTA_BENCH_KEYS").is_some() {
                eprintln!("key {:?} {:.2} ms", a.wanted.text, keys.last().unwrap());
            }
        }
        a.step(Action::Key(Chord::parse("esc").unwrap()));
    }
    println!("filter_key_median_ms {:.2}", pct(&mut keys, 0.5));
    println!("filter_key_p95_ms {:.2}", pct(&mut keys, 0.95));

    // Bytes written to a real (crossterm) terminal for one cursor move at 120x40,
    // through the TUI's own backend: with scroll regions (the default) and
    // without (TALENTA_SCROLL_REGIONS=0, what plain ratatui writes).
    for regions in [true, false] {
        let written = Counter::default();
        let count = written.0.clone();
        let mut backend = ShadowBackend::with_size(written, Size::new(W, H));
        backend.set_scrolling(regions);
        let mut real = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
            },
        )
        .unwrap();
        a.step(Action::Cmd(Cmd::Top));
        shadow::draw(&mut real, &a, &theme).unwrap();
        let mut moves = |a: &mut App, n: usize| {
            let mut bytes = Vec::new();
            for _ in 0..n {
                let before = count.get();
                key(a, 'j');
                shadow::draw(&mut real, a, &theme).unwrap();
                bytes.push((count.get() - before) as f64);
            }
            bytes
        };
        let plain = if regions { "" } else { "_plain" };
        // From the top: the cursor moves within the page.
        let mut within = moves(&mut a, 10);
        println!(
            "cursor_bytes_within_page{plain}_median {:.0}",
            pct(&mut within, 0.5)
        );
        // Further down: each move scrolls the table by a row.
        moves(&mut a, 60);
        let mut scrolling = moves(&mut a, 20);
        println!(
            "cursor_bytes_scrolling{plain}_median {:.0}",
            pct(&mut scrolling, 0.5)
        );
        println!(
            "cursor_bytes_scrolling{plain}_max {:.0}",
            pct(&mut scrolling, 1.0)
        );
    }
    // A cursor move to the frame.
    let mut moves = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        key(&mut a, 'j');
        term.draw(|f| ui::draw(f, &a, &theme)).unwrap();
        moves.push(ms(t.elapsed()));
    }
    println!("cursor_median_ms {:.3}", pct(&mut moves, 0.5));
    println!("cursor_p95_ms {:.3}", pct(&mut moves, 0.95));

    // Ranking the shortlist of the position with the most eligible candidates
    // (opening it in the TUI; again for every new filter while it is open).
    let positions = load_positions(&Store::open(&db, OpenMode::Existing).unwrap().conn).unwrap();
    if let talenta::app::Load::Ready(p) = &a.load {
        let mut worst = (0.0f64, 0usize);
        let mut total = 0;
        for pos in positions.iter().take(20) {
            let t = Instant::now();
            let n = position::shortlist(p, pos, None).len();
            let took = ms(t.elapsed());
            total += n;
            if took > worst.0 {
                worst = (took, n);
            }
        }
        println!("shortlist_max_ms {:.1} ({} eligible)", worst.0, worst.1);
        // The same pool and code give the same sum (the slowest position varies).
        println!("shortlist_eligible_sum {total}");
    }

    if let (Some(before), Some(peak)) = (rss_before, peak_mb()) {
        println!("peak_rss_mb {peak:.0}");
        println!("rss_before_load_mb {before:.0}");
    }
}
