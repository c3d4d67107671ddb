//! The screen (issue 15, item 15): the closing hash is never cut — shown
//! whole or wrapped, at every width from 60 columns (side by side) to 200,
//! 100 included, which cut it before — and text cut in the session panel and
//! the profile ends in "…".

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::App;
use talenta::strings::Lang;
use talenta::ui::Theme;

fn closed(f: &Fixture) -> String {
    recorded_session(f);
    let mut s = store(f);
    talenta::store::session::close(&mut s, &actor(), 1).unwrap()
}

/// The session panel's detail column as text: every row from the column
/// where the detail starts (side by side from 60 columns), trailing blanks cut.
fn detail_column(app: &App, w: u16, h: u16) -> Vec<String> {
    let b = buffer(app, w, h, &Theme::mono());
    let x0 = if w >= 60 {
        (w / 3).clamp(20, 34) + 2
    } else {
        0
    };
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in x0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let s = b[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
                line.push_str(s);
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// Scroll the detail to its end and return the hash as the screen shows it:
/// the lines under the closing-hash heading, joined.
fn hash_on_screen(app: &mut App, w: u16, h: u16, heading: &str) -> Option<String> {
    for _ in 0..10 {
        let rows = detail_column(app, w, h);
        if let Some(i) = rows.iter().position(|r| r.contains(heading)) {
            let parts: Vec<&str> = rows[i + 1..]
                .iter()
                .map(|r| r.trim())
                .take_while(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_hexdigit()))
                .collect();
            let end = i + 1 + parts.len();
            if end <= rows.len() - 3 || parts.concat().len() >= 64 {
                return Some(parts.concat());
            }
        }
        keys(app, "pagedown");
    }
    None
}

#[test]
fn the_closing_hash_is_never_cut_at_any_width() {
    let f = session_fixture();
    let head = closed(&f);
    assert_eq!(head.len(), 64);
    for lang in [Lang::En, Lang::Id] {
        let heading = match lang {
            Lang::En => "Audit head at closing",
            Lang::Id => "Hash jejak audit saat ditutup",
        };
        for (w, h) in [
            (80, 24),
            (100, 30),
            (60, 40),
            (81, 30),
            (99, 30),
            (120, 40),
            (200, 60),
        ] {
            let mut app = session_app(&f, lang);
            keys(&mut app, "c enter h");
            let shown = hash_on_screen(&mut app, w, h, heading).unwrap_or_else(|| {
                panic!(
                    "{w}x{h}: no hash under {heading:?}:\n{}",
                    screen(&app, w, h)
                )
            });
            assert_eq!(shown, head, "{w}x{h}: the hash as shown");
        }
    }
}

#[test]
fn text_cut_in_the_session_panel_and_the_profile_ends_in_an_ellipsis() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter");
    let s = screen(&app, 80, 24);
    // The recusal line and the decision heading do not fit in 52 columns.
    let cut: Vec<&str> = s.lines().filter(|l| l.ends_with('…')).collect();
    assert!(cut.len() >= 3, "{s}");
    assert!(
        s.contains("Kemas Ahmad Fa…") || s.contains("Kemas Ahmad F…"),
        "{s}"
    );
    // Every row of the detail reaches at most the screen's edge, and a row
    // that fills it ends in "…" unless it is exactly as long.
    let mut app = app_on(&f, Lang::En);
    keys(&mut app, ": text:kemas enter enter");
    let p = screen(&app, 50, 24);
    assert!(p.lines().any(|l| l.trim_end().ends_with('…')), "{p}");
}
