//! Key sequences driven through `App::step`, checked on the drawn screen.

mod common;
use assert_cmd::Command;
use common::*;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use talenta::app::filtering::{Filtering, Outcome, Worker};
use talenta::app::keymap::{Cmd, Context, KeyMap};
use talenta::app::{Action, App, Chord, Options, View};
use talenta::domain::filter;
use talenta::domain::Pool;
use talenta::strings::Lang;
use talenta::ui::Theme;

/// The count the status line shows: `N dari M` / `N of M`.
fn shown_count(screen: &str) -> (usize, usize) {
    let last = screen.lines().last().unwrap().trim();
    let words: Vec<&str> = last.split_whitespace().collect();
    assert!(
        words.len() >= 3 && (words[1] == "dari" || words[1] == "of"),
        "no count in {last:?}"
    );
    (words[0].parse().unwrap(), words[2].parse().unwrap())
}

fn query_count(f: &Fixture, text: &str) -> usize {
    let out = Command::cargo_bin("talenta")
        .unwrap()
        .args([
            "--db",
            f.db.to_str().unwrap(),
            "--as-of",
            "2026-06-01",
            "query",
            text,
            "--count",
        ])
        .env("TALENTA_CONFIG", f.dir.path().join("none.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn pool_of(app: &App) -> Arc<Pool> {
    app.pool().unwrap().clone()
}

fn direct_count(pool: &Pool, text: &str) -> usize {
    let f = filter::parse(text).unwrap();
    pool.rows
        .iter()
        .filter(|c| f.matches(c, pool.as_of))
        .count()
}

/// NIPs of the rows on screen, top to bottom.
fn listed_nips(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            let t = l.trim_start_matches(['▶', ' ']);
            let nip: String = t.chars().take(18).collect();
            (nip.len() == 18 && nip.chars().all(|c| c.is_ascii_digit())).then_some(nip)
        })
        .collect()
}

#[test]
fn a_filters_count_equals_talenta_query_count() {
    let f = fixture();
    for text in [
        "kotak>=7",
        "unit~pendidikan",
        "kinerja=SB potensi=tinggi",
        "not kotak=none",
        "golongan>=III/c pendidikan>=S2",
        "integritas>=4 or jk=P",
        "\"Kemas\"",
        "potensi=none",
        "jp<20",
    ] {
        let mut app = app_on(&f, Lang::Id);
        keys(&mut app, "/");
        type_text(&mut app, text);
        keys(&mut app, "enter");
        let s = screen(&app, 120, 40);
        let (shown, total) = shown_count(&s);
        assert_eq!(total, 14);
        assert_eq!(shown, query_count(&f, text), "{text}");
        assert_eq!(listed_nips(&s).len(), shown, "{text}: rows listed");
        assert!(
            s.contains(&format!("Filter: {text}")),
            "{text}: filter shown\n{s}"
        );
    }
}

#[test]
fn typing_a_filter_updates_the_count_key_by_key() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    let pool = pool_of(&app);
    keys(&mut app, "/");
    let text = "kotak>=7 unit~dinas";
    let mut last_good = 14;
    let mut typed = String::new();
    for ch in text.chars() {
        typed.push(ch);
        type_text(&mut app, &ch.to_string());
        let s = screen(&app, 100, 30);
        let (shown, _) = shown_count(&s);
        match filter::parse(&typed) {
            Ok(_) => {
                last_good = direct_count(&pool, &typed);
                assert_eq!(shown, last_good, "after {typed:?}");
                assert!(app.prompt.as_ref().unwrap().error.is_none());
            }
            Err(_) => {
                assert_eq!(shown, last_good, "after {typed:?}: last good result stays");
                assert!(s.contains('^'), "after {typed:?}: caret shown\n{s}");
            }
        }
    }
    assert_eq!(last_good, 3);
}

#[test]
fn an_invalid_filter_shows_its_error_at_its_column_and_keeps_the_last_good_result() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "/ text:kotak>=7");
    let good = screen(&app, 80, 24);
    assert_eq!(shown_count(&good).0, 6);
    keys(&mut app, "text:0");
    let s = screen(&app, 80, 24);
    assert_eq!(shown_count(&s).0, 6, "last good result stays\n{s}");
    assert_eq!(listed_nips(&s), listed_nips(&good));
    let err = app.prompt.as_ref().unwrap().error.clone().unwrap();
    assert_eq!(err.column, 8, "the value starts at column 8");
    let lines: Vec<&str> = s.lines().collect();
    let prompt = lines
        .iter()
        .position(|l| l.starts_with(" Filter: kotak>=70"))
        .unwrap();
    let caret_line = lines[prompt + 1];
    let prompt_x = " Filter: ".len();
    assert_eq!(caret_line.find('^'), Some(prompt_x + err.column - 1), "{s}");
    let message = tr_error(Lang::Id, &err);
    assert!(s.contains(&message[..20]), "message shown\n{s}");
    // Enter does not accept a broken filter; Esc goes back to the one before.
    keys(&mut app, "enter");
    assert!(app.prompt.is_some());
    keys(&mut app, "esc");
    assert!(app.prompt.is_none());
    assert_eq!(shown_count(&screen(&app, 80, 24)).0, 14);
}

fn tr_error(lang: Lang, e: &filter::FilterError) -> String {
    talenta::tr!(lang, filter::error(e))
}

#[test]
fn esc_restores_the_filter_from_before_the_prompt() {
    let f = fixture();
    let mut app = app_on(&f, Lang::En);
    keys(&mut app, "/ text:kotak>=7 enter");
    keys(&mut app, "/ space text:jk=P");
    assert_eq!(shown_count(&screen(&app, 80, 24)).0, 2);
    keys(&mut app, "esc");
    let s = screen(&app, 80, 24);
    assert_eq!(shown_count(&s).0, 6);
    assert!(s.contains("Filter: kotak>=7"));
}

#[test]
fn the_grid_follows_the_active_filter() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    let pool = pool_of(&app);
    keys(&mut app, "/ text:unit~pendidikan enter tab");
    assert_eq!(app.view, View::Grid);
    let f_ = filter::parse("unit~pendidikan").unwrap();
    let mut expect = [0usize; 9];
    for c in pool.rows.iter().filter(|c| f_.matches(c, pool.as_of)) {
        if let Some(b) = c.kotak {
            expect[b as usize - 1] += 1;
        }
    }
    assert_eq!(app.matches.counts, expect);
    let s = screen(&app, 120, 40);
    let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    for b in 1..=9u8 {
        let label: Vec<char> = format!("Kotak {b}").chars().collect();
        let (row, col) = lines
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(r, l)| {
                l.windows(label.len())
                    .position(|w| w == label.as_slice())
                    .map(|c| (r, c))
            })
            .unwrap();
        // The selected box's title is marked `▶ `; its count is under the marker.
        let col = if col >= 2 && lines[row][col - 2] == '▶' {
            col - 2
        } else {
            col
        };
        let below: String = lines[row + 1][col..col + 6].iter().collect();
        assert!(
            below.starts_with(&format!("{} ", expect[b as usize - 1])),
            "box {b}: {below:?}"
        );
    }
}

#[test]
fn the_grid_is_laid_out_as_in_the_domain_reference() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "tab");
    let s = screen(&app, 120, 40);
    let pos = |b: u8| {
        let label = format!("Kotak {b}");
        let (row, line) = s
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.contains(&label))
            .unwrap();
        (row, line[..line.find(&label).unwrap()].chars().count())
    };
    // Rows top-down: di atas (4 7 9), sesuai (2 5 8), di bawah (1 3 6).
    for row in [[4, 7, 9], [2, 5, 8], [1, 3, 6]] {
        let (r0, x0) = pos(row[0]);
        let (r1, x1) = pos(row[1]);
        let (r2, x2) = pos(row[2]);
        assert!(r0 == r1 && r1 == r2, "{row:?} on one line");
        assert!(x0 < x1 && x1 < x2, "{row:?} left to right");
    }
    assert!(pos(4).0 < pos(2).0 && pos(2).0 < pos(1).0, "kinerja up");
    // The talent pool boxes are starred and double-bordered.
    for b in [7, 8, 9] {
        assert!(s.contains(&format!("Kotak {b} ★")));
    }
    for b in [1, 2, 3, 4, 5, 6] {
        assert!(!s.contains(&format!("Kotak {b} ★")));
    }
    assert_eq!(s.matches('╔').count(), 3);
}

#[test]
fn grid_keys_move_between_boxes_and_enter_lists_the_box() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "tab");
    assert_eq!(app.selected_box(), 9);
    keys(&mut app, "h");
    assert_eq!(app.selected_box(), 7);
    keys(&mut app, "j");
    assert_eq!(app.selected_box(), 5);
    keys(&mut app, "down left");
    assert_eq!(app.selected_box(), 1);
    keys(&mut app, "left down");
    assert_eq!(app.selected_box(), 1, "stays inside the grid");
    keys(&mut app, "k k l l");
    assert_eq!(app.selected_box(), 9);
    keys(&mut app, "up right");
    assert_eq!(app.selected_box(), 9);
    keys(&mut app, "enter");
    assert_eq!(app.view, View::Table);
    let s = screen(&app, 80, 24);
    assert_eq!(shown_count(&s).0, 3);
    assert!(s.contains("kotak 9"));
    assert_eq!(listed_nips(&s).len(), 3);
    assert!(s.lines().filter(|l| l.contains("9 ★")).count() == 3);
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Grid);
    assert_eq!(shown_count(&screen(&app, 80, 24)).0, 14);
}

#[test]
fn sorting_cycles_columns_and_reverses() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    let first = |app: &App| listed_nips(&screen(app, 120, 40));
    let by_nip = first(&app);
    let mut sorted = by_nip.clone();
    sorted.sort();
    assert_eq!(by_nip, sorted, "NIP ascending by default");
    keys(&mut app, "s");
    let s = screen(&app, 120, 40);
    assert!(s.contains("Nama▲"));
    let names: Vec<String> = (0..14)
        .map(|i| app.row(i).unwrap().nama.to_lowercase())
        .collect();
    let mut n2 = names.clone();
    n2.sort();
    assert_eq!(names, n2, "by name");
    keys(&mut app, "S");
    assert!(screen(&app, 120, 40).contains("Nama▼"));
    let rev: Vec<String> = (0..14)
        .map(|i| app.row(i).unwrap().nama.to_lowercase())
        .collect();
    n2.reverse();
    assert_eq!(rev, n2);
    // Box descending: 9s first, the two without a box last.
    keys(&mut app, "s s s s s s S");
    assert!(screen(&app, 120, 40).contains("Kotak▼"));
    let boxes: Vec<Option<u8>> = (0..14).map(|i| app.row(i).unwrap().kotak).collect();
    assert_eq!(&boxes[..3], &[Some(9); 3]);
    assert_eq!(&boxes[12..], &[None, None]);
    keys(&mut app, "s");
    assert!(screen(&app, 120, 40).contains("NIP▲"), "wraps to NIP");
}

#[test]
fn sorting_keeps_the_selected_candidate() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "j j j");
    let nip = app.current().unwrap().nip.clone();
    keys(&mut app, "s S");
    assert_eq!(app.current().unwrap().nip, nip);
}

#[test]
fn moving_through_the_table() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    let _ = screen(&app, 80, 12); // compact: 10 rows fit
    keys(&mut app, "G");
    assert_eq!(app.table.cursor, 13);
    let s = screen(&app, 80, 12);
    assert!(s.contains("▶ 199512252022032011"), "{s}");
    keys(&mut app, "g");
    assert_eq!(app.table.cursor, 0);
    keys(&mut app, "pagedown");
    let page = app.table.page.get();
    assert_eq!(app.table.cursor, page);
    keys(&mut app, "pageup j j k");
    assert_eq!(app.table.cursor, 1);
    keys(&mut app, "end down");
    assert_eq!(app.table.cursor, 13, "stays on the last row");
    keys(&mut app, "home up");
    assert_eq!(app.table.cursor, 0);
}

#[test]
fn quick_jump_by_nip_prefix_or_name() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, ": text:1990");
    assert_eq!(&*app.current().unwrap().nip, "199005052019032004");
    keys(&mut app, "ctrl-u text:siti");
    assert!(app.current().unwrap().nama.contains("Siti Aminah"));
    keys(&mut app, "enter");
    assert!(app.prompt.is_none());
    assert_eq!(
        shown_count(&screen(&app, 80, 24)).0,
        14,
        "a jump is not a filter"
    );
    // Next match with Down; Esc returns to where the jump started.
    keys(&mut app, "g : text:putri");
    let first = app.table.cursor;
    assert!(app.current().unwrap().nama.contains("Putri"));
    keys(&mut app, "down");
    let second = app.table.cursor;
    assert!(second > first);
    assert!(app.current().unwrap().nama.contains("Putri"));
    keys(&mut app, "down");
    assert_eq!(app.table.cursor, first, "wraps around");
    keys(&mut app, "text:zz");
    assert!(screen(&app, 80, 24).contains("tidak ditemukan"));
    keys(&mut app, "esc");
    assert_eq!(app.table.cursor, 0);
}

#[test]
fn the_profile_shows_the_record_and_the_rules() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, ": text:kemas enter enter");
    assert_eq!(app.view, View::Profile);
    let s = screen(&app, 120, 40);
    for want in [
        "Kemas Ahmad Fauzi, S.E., M.Si.",
        "NIP 198609262015051001",
        "III/c (Penata)",
        "58 tahun: 01-10-2044 (18 tahun lagi)",
        "9 ★ talent pool",
        "2025  SB Sangat Baik",
        "2023  B  Baik",
        "Integritas                        ████░ 4",
        "Mengelola Perubahan               ██░░░ 2",
        "target 20 JP per tahun",
        "12/20 JP  ✗ kurang 8 JP",
        "24/20 JP  ✓ terpenuhi",
        "10-02-2025  tinggi  skor 91,5",
    ] {
        assert!(s.contains(want), "{want:?} missing\n{s}");
    }
    // n/p walk through the list; Esc goes back to the table on the same row.
    keys(&mut app, "n");
    assert!(screen(&app, 120, 40).contains("Rina Marlina"));
    keys(&mut app, "p p");
    assert!(screen(&app, 120, 40).contains("Kiagus Rahmat Hidayat"));
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Table);
    assert!(app.current().unwrap().nama.starts_with("Kiagus"));
}

#[test]
fn the_profile_scrolls_on_a_small_screen() {
    let f = fixture();
    let mut app = app_on(&f, Lang::En);
    keys(&mut app, ": text:kemas enter enter");
    let top = screen(&app, 60, 16);
    assert!(!top.contains("Perekat Bangsa"));
    keys(&mut app, "G");
    let bottom = screen(&app, 60, 16);
    assert!(
        bottom.contains("Pelatihan Kepemimpinan Pengawas"),
        "{bottom}"
    );
    keys(&mut app, "g");
    assert_eq!(screen(&app, 60, 16), top);
}

#[test]
fn language_switches_at_runtime() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    let s = screen(&app, 80, 24);
    assert!(s.contains("14 dari 14") && s.contains("Filter: semua") && s.contains("? bantuan"));
    keys(&mut app, "L");
    let s = screen(&app, 80, 24);
    assert!(s.contains("14 of 14") && s.contains("Filter: all") && s.contains("? help"));
    assert!(s.contains("Name") && s.contains("Position"));
    keys(&mut app, "L");
    assert!(screen(&app, 80, 24).contains("Jabatan"));
}

#[test]
fn help_comes_from_the_active_key_map() {
    let f = fixture();
    let store = talenta::store::Store::open(&f.db, talenta::store::OpenMode::Existing).unwrap();
    let keys_cfg = [("quit".to_string(), vec!["x".to_string()])]
        .into_iter()
        .collect();
    let keymap = KeyMap::with_overrides(&keys_cfg).unwrap();
    let pool = pool_of(&app_on(&f, Lang::En));
    let mut app = App::new(
        Options {
            lang: Lang::En,
            keymap,
        },
        Filtering::sync(),
        Box::new(store),
    );
    app.step(Action::PoolLoaded(pool));
    keys(&mut app, "?");
    let s = screen(&app, 120, 40);
    let quit = s.lines().find(|l| l.contains(" quit")).unwrap();
    assert!(quit.contains(" x    "), "{quit}");
    assert!(!quit.contains("q, ctrl-c"), "{quit}");
    keys(&mut app, "esc q");
    assert!(!app.quit, "q no longer quits");
    keys(&mut app, "x");
    assert!(app.quit);
    // Every binding of the default map is in the default help.
    let mut app = app_on(&f, Lang::En);
    keys(&mut app, "?");
    let mut all = String::new();
    for _ in 0..10 {
        all.push_str(&screen(&app, 120, 40));
        keys(&mut app, "pagedown");
    }
    for b in KeyMap::defaults().bindings() {
        let keys: Vec<String> = b.chords.iter().map(|c| c.to_string()).collect();
        assert!(
            all.contains(&keys.join(", ")),
            "{:?} {:?}",
            b.context,
            b.cmd
        );
    }
}

#[test]
fn selection_is_visible_without_colour() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "j");
    let theme = Theme::mono();
    let buf = buffer(&app, 80, 24, &theme);
    // Row 1 of the table (screen line 3) is selected: marker and reversed bold cells.
    let y = 3;
    assert_eq!(buf[(0, y)].symbol(), "▶");
    for x in 0..80 {
        let cell = &buf[(x, y)];
        assert!(
            cell.modifier.contains(ratatui::style::Modifier::REVERSED),
            "x {x}"
        );
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
    }
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert_eq!(
                (c.fg, c.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
            );
        }
    }
}

/// An app filtering on a worker thread, and where the worker's results arrive
/// (a test hands them to the app with `Action::Filtered`).
fn background_app(f: &Fixture, lang: Lang) -> (App, mpsc::Receiver<Outcome>) {
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(move |o| {
        let _ = tx.send(o);
    })
    .unwrap();
    let store = talenta::store::Store::open(&f.db, talenta::store::OpenMode::Existing).unwrap();
    let app = App::new(
        Options {
            lang,
            ..Options::default()
        },
        Filtering::Background(worker),
        Box::new(store),
    );
    (app, rx)
}

#[test]
fn a_stale_result_never_replaces_a_newer_one() {
    let f = fixture();
    let app0 = app_on(&f, Lang::Id);
    let pool = pool_of(&app0);
    let (mut app, rx) = background_app(&f, Lang::Id);
    app.step(Action::PoolLoaded(pool));
    let first = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    keys(&mut app, "/ text:kotak>=7");
    // The result of the very first query (everyone) arrives after newer ones were asked.
    app.step(Action::Filtered(first));
    assert!(app.pending());
    assert_eq!(app.matches.rows.len(), 0, "nothing applied yet");
    while app.pending() {
        let o = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        app.step(Action::Filtered(o));
    }
    assert_eq!(app.matches.rows.len(), 6);
}

/// A pool of `n` candidates made from the fixture's, with distinct NIPs.
fn big_pool(base: &Pool, n: usize) -> Pool {
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let mut c = base.rows[i % base.rows.len()].clone();
        c.nip = format!("{}{:06}", &c.nip[..12], i).into();
        c.id = i as i64;
        rows.push(c);
    }
    Pool::new(rows, base.as_of, base.rules.clone())
}

#[test]
fn filtering_a_large_pool_never_blocks_input_and_the_latest_keystroke_wins() {
    let f = fixture();
    let base = pool_of(&app_on(&f, Lang::Id));
    let pool = Arc::new(big_pool(&base, 200_000));
    let (mut app, rx) = background_app(&f, Lang::Id);
    app.step(Action::PoolLoaded(pool.clone()));
    // Every keystroke, including sorting the whole pool, returns at once.
    let text = "unit~pendidikan kinerja>=B";
    let started = Instant::now();
    keys(&mut app, "/");
    let mut slowest = Duration::ZERO;
    for ch in text.chars() {
        let t = Instant::now();
        app.step(Action::Key(Chord::char(ch)));
        let _ = screen(&app, 80, 24);
        slowest = slowest.max(t.elapsed());
    }
    keys(&mut app, "enter");
    let t = Instant::now();
    app.step(Action::Cmd(Cmd::Sort));
    slowest = slowest.max(t.elapsed());
    assert!(
        slowest < Duration::from_millis(100),
        "a keystroke took {slowest:?}"
    );
    assert!(app.pending());
    let mut results = 0;
    while app.pending() {
        let o = rx.recv_timeout(Duration::from_secs(60)).unwrap();
        results += 1;
        app.step(Action::Filtered(o));
    }
    assert!(results <= text.len() + 3, "superseded queries were skipped");
    assert_eq!(app.matches.rows.len(), direct_count(&pool, text));
    assert_eq!(app.shown.text, text);
    // Sorted by name.
    let names: Vec<_> = (0..50)
        .map(|i| app.row(i).unwrap().nama.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn alt_key_from_a_fast_esc_is_taken_as_esc_then_the_key() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "/ text:kotak>=7");
    app.step(Action::Key(Chord::parse("alt-q").unwrap()));
    assert!(app.prompt.is_none(), "esc closed the prompt");
    assert!(app.quit, "then q quit");
}

#[test]
fn keys_of_one_context_do_not_leak_into_the_prompt() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "/ text:q?Lgj/");
    assert!(!app.quit && app.help.is_none());
    assert_eq!(app.prompt.as_ref().unwrap().input.text(), "q?Lgj/");
    assert_eq!(app.context(), Context::Prompt);
    keys(&mut app, "ctrl-c");
    assert!(
        app.prompt.is_none() && !app.quit,
        "ctrl-c cancels the prompt"
    );
}

mod positions {
    use super::common::*;
    use super::{background_app, pool_of};
    use std::sync::Arc;
    use std::time::Duration;
    use talenta::app::{Action, Notice, View};
    use talenta::domain::Pool;
    use talenta::strings::Lang;

    fn nama(app: &talenta::app::App, i: usize) -> String {
        let s = app.shortlist.as_ref().unwrap();
        let row = s.rows[i].0 as usize;
        app.pool().unwrap().rows[row].nama.to_string()
    }

    #[test]
    fn p_opens_positions_vacant_first_and_enter_the_shortlist() {
        let f = fixture();
        let mut app = app_on(&f, Lang::Id);
        keys(&mut app, "P");
        assert_eq!(app.view, View::Positions);
        let first = app.selected_position().unwrap();
        assert_eq!(app.position(first).unwrap().kode, "BKD-ADM-01");
        keys(&mut app, "j enter");
        assert_eq!(app.view, View::Shortlist);
        let s = app.shortlist.as_ref().unwrap();
        assert_eq!(app.position(s.position).unwrap().kode, "DINKES-JPT-01");
        // Nobody in the fixture meets every JPT Pratama condition of PP 11/2017
        // Pasal 107 (age, cumulative years, SKP of 2024, pangkat IV/b).
        assert_eq!(s.rows.len(), 0);
        keys(&mut app, "esc");
        assert_eq!(app.view, View::Positions);
        keys(&mut app, "esc");
        assert_eq!(app.view, View::Table);
    }

    #[test]
    fn the_shortlist_follows_the_filter_typed_while_it_is_open() {
        let f = fixture();
        let mut app = app_on(&f, Lang::En);
        keys(&mut app, "P enter");
        assert_eq!(app.shortlist.as_ref().unwrap().rows.len(), 3);
        keys(&mut app, "/ text:unit~inspektorat");
        keys(&mut app, "enter");
        assert_eq!(app.view, View::Shortlist);
        assert_eq!(app.shortlist.as_ref().unwrap().rows.len(), 0);
        keys(&mut app, "/ ctrl-u text:kotak>=9 enter");
        let s = app.shortlist.as_ref().unwrap();
        assert_eq!(s.rows.len(), 2);
        assert_eq!(nama(&app, 1), "Kemas Ahmad Fauzi, S.E., M.Si.");
    }

    #[test]
    fn the_shortlist_is_ranked_off_the_input_thread_and_again_after_a_reload() {
        let f = fixture();
        let pool = pool_of(&app_on(&f, Lang::En));
        let (mut app, rx) = background_app(&f, Lang::En);
        let positions = talenta::store::positions::load_positions(
            &talenta::store::Store::open(&f.db, talenta::store::OpenMode::Existing)
                .unwrap()
                .conn,
        )
        .unwrap();
        app.step(Action::PositionsLoaded(Arc::new(positions)));
        app.step(Action::PoolLoaded(pool.clone()));
        let first = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        app.step(Action::Filtered(first));
        keys(&mut app, "P enter");
        // Opening returns at once; the ranking arrives from the worker.
        assert_eq!(app.view, View::Shortlist);
        assert!(app.shortlist.as_ref().unwrap().pending);
        assert!(screen(&app, 100, 30).contains("Ranking the eligible candidates…"));
        let ranked = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        app.step(Action::Filtered(ranked));
        assert_eq!(app.shortlist.as_ref().unwrap().rows.len(), 3);
        assert!(!screen(&app, 100, 30).contains("Ranking"));
        // A reloaded pool (other rows) is ranked again, not shown with the old rows.
        let reversed = {
            let mut rows = pool.rows.clone();
            rows.reverse();
            Arc::new(Pool::new(rows, pool.as_of, pool.rules.clone()))
        };
        // Reloaded positions come first (another order: the open one by kode).
        let kode = app
            .position(app.shortlist.as_ref().unwrap().position)
            .unwrap()
            .kode
            .clone();
        let mut moved = (**app.positions.as_ref().unwrap()).clone();
        moved.reverse();
        app.step(Action::PositionsLoaded(Arc::new(moved)));
        let s = app.shortlist.as_ref().unwrap();
        assert_eq!(app.position(s.position).unwrap().kode, kode);
        // Mark the first two, to see them follow the reload too.
        keys(&mut app, "space space");
        let marked: Vec<String> = app
            .marked_candidates()
            .iter()
            .map(|c| c.nip.to_string())
            .collect();
        assert_eq!(marked.len(), 2);
        app.step(Action::PoolLoaded(reversed.clone()));
        let s = app.shortlist.as_ref().unwrap();
        assert!(s.rows.is_empty() && s.pending, "no rows of the old pool");
        assert!(screen(&app, 100, 30).contains("Ranking the eligible candidates…"));
        let remarked: Vec<String> = app
            .marked_candidates()
            .iter()
            .map(|c| c.nip.to_string())
            .collect();
        assert_eq!(remarked, marked, "the same people stay marked");
        let again = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        app.step(Action::Filtered(again));
        let s = app.shortlist.as_ref().unwrap();
        let names: Vec<String> = s
            .rows
            .iter()
            .map(|r| reversed.rows[r.0 as usize].nama.to_string())
            .collect();
        let before: Vec<String> =
            talenta::domain::position::shortlist(&pool, app.position(s.position).unwrap(), None)
                .iter()
                .map(|r| r.candidate.nama.to_string())
                .collect();
        assert_eq!(names, before);
        // Back on the table, filtering no longer ranks the shortlist.
        keys(&mut app, "esc esc / text:kotak>=7 enter");
        let o = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(o.query.shortlist.is_none());
    }

    #[test]
    fn marking_two_to_six_and_comparing() {
        let f = fixture();
        let mut app = app_on(&f, Lang::Id);
        keys(&mut app, "P enter v");
        assert_eq!(app.notice, Some(Notice::CompareNeedsTwo));
        assert_eq!(app.view, View::Shortlist);
        keys(&mut app, "space");
        keys(&mut app, "v");
        assert_eq!(app.view, View::Shortlist, "one is not enough");
        keys(&mut app, "space v");
        assert_eq!(app.view, View::Compare);
        assert_eq!(app.marked_candidates().len(), 2);
        keys(&mut app, "esc g space");
        assert_eq!(app.marked.len(), 1, "space again unmarks");
        // Six is the most: mark everyone eligible for BKD-ADM-01 (three).
        keys(&mut app, "g");
        for _ in 0..6 {
            keys(&mut app, "t");
        }
        assert!(app.marked.len() <= 6);
        // INSP-ADM-01 (DINKES-JPT-01, second, has nobody eligible).
        keys(&mut app, "esc j j enter g space");
        assert_eq!(
            app.marked.len(),
            1,
            "another position starts a new comparison"
        );
    }

    #[test]
    fn a_seventh_mark_is_refused() {
        let f = fixture();
        let mut app = app_on(&f, Lang::En);
        keys(&mut app, "P enter");
        let on_list: Vec<u32> = app
            .shortlist
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| r.0)
            .collect();
        // Six candidates marked already (pool rows off this shortlist).
        app.marked = (0..14u32)
            .filter(|i| !on_list.contains(i))
            .take(6)
            .collect();
        assert_eq!(app.marked.len(), 6);
        keys(&mut app, "space");
        assert_eq!(app.notice, Some(Notice::MarkLimit));
        assert_eq!(app.marked.len(), 6);
        keys(&mut app, "v");
        assert_eq!(app.view, View::Compare);
        assert_eq!(app.marked_candidates().len(), 6);
    }

    #[test]
    fn profile_from_the_shortlist_returns_there_and_steps_through_it() {
        let f = fixture();
        let mut app = app_on(&f, Lang::Id);
        keys(&mut app, "P enter j enter");
        assert_eq!(app.view, View::Profile);
        assert!(app.profile_position.is_some());
        assert_eq!(
            app.profile
                .as_ref()
                .unwrap()
                .profile
                .candidate
                .nama
                .as_str(),
            "Hj. Siti Aminah, S.E., M.Si."
        );
        keys(&mut app, "n");
        assert_eq!(
            app.profile
                .as_ref()
                .unwrap()
                .profile
                .candidate
                .nama
                .as_str(),
            "Kemas Ahmad Fauzi, S.E., M.Si."
        );
        keys(&mut app, "esc");
        assert_eq!(app.view, View::Shortlist);
        // From the table the profile has no position.
        keys(&mut app, "esc esc esc enter");
        assert_eq!(app.view, View::Profile);
        assert_eq!(app.profile_position, None);
    }
}
