//! The screen in ASCII mode (a terminal that is not UTF-8): every screen,
//! form and overlay, in both languages and at every size tier, draws not one
//! character outside ASCII (the fixture's data is ASCII); snapshots of the
//! main screens at 80x24 and 120x40.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::App;
use talenta::strings::Lang;
use talenta::ui::Theme;

/// Every screen: a name, whether a session is on record first, the keys.
const SCREENS: &[(&str, bool, &str)] = &[
    ("table", false, ""),
    ("grid", false, "tab"),
    ("box_list", false, "tab enter"),
    ("profile", false, "G k k k k k enter"),
    ("help", false, "?"),
    ("filter_error", false, "/ text:kotak>=70"),
    ("positions", false, "P"),
    ("shortlist", false, "P enter"),
    ("conditions", false, "P enter e"),
    ("compare", false, "P enter space space space v"),
    ("session_panel", true, ": text:kemas enter c enter"),
    ("session_decisions", true, "c enter l"),
    (
        "decision_form",
        true,
        "c enter esc : text:kemas enter d tab text:ADM-01 tab text:Kotak9 tab text:2/0/0",
    ),
    ("recused_table", true, "c enter esc : text:kemas enter"),
    ("marked_shortlist", true, "c enter esc P enter"),
    (
        "recused_profile",
        true,
        "c enter esc : text:kemas enter enter",
    ),
    ("close_form", true, "c enter C"),
    (
        "new_session_form",
        false,
        "c n text:Sidang tab tab text:Ani:ketua",
    ),
    ("outcomes", true, "c enter O"),
    (
        "vote",
        true,
        "c enter esc : text:yusuf enter d tab text:ADM-01 tab text:alasan ctrl-o",
    ),
];

/// The screens also kept as snapshots.
const SNAPSHOTS: &[&str] = &[
    "table",
    "grid",
    "profile",
    "help",
    "shortlist",
    "compare",
    "marked_shortlist",
    "session_panel",
    "decision_form",
    "close_form",
];

fn app(name: &str, lang: Lang) -> (Fixture, App) {
    let (_, recorded, spec) = SCREENS.iter().find(|s| s.0 == name).unwrap();
    let f = session_fixture();
    if *recorded {
        recorded_session(&f);
    }
    let mut app = session_app(&f, lang);
    keys(&mut app, spec);
    (f, app)
}

fn ascii_screen(app: &App, w: u16, h: u16) -> String {
    scrub(&screen_with(app, w, h, &Theme::mono().with_ascii(true)))
}

#[test]
fn every_screen_in_ascii_mode_is_ascii_only() {
    for (name, _, _) in SCREENS {
        for lang in [Lang::Id, Lang::En] {
            let (_f, app) = app(name, lang);
            for (w, h) in [(80, 24), (120, 40), (40, 11), (20, 5), (12, 3)] {
                let s = ascii_screen(&app, w, h);
                let bad: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
                assert!(bad.is_empty(), "{name} {lang:?} {w}x{h}: {bad:?}\n{s}");
            }
        }
    }
}

#[test]
fn the_unicode_screens_do_use_the_symbols() {
    // The same screens in Unicode are what the ASCII mode replaces.
    let (_f, app) = app("grid", Lang::En);
    let s = screen(&app, 80, 24);
    assert!(s.contains('★') && s.contains('╔'), "{s}");
    let a = ascii_screen(&app, 80, 24);
    assert!(a.contains("Box 9 *") && a.contains("#==="), "{a}");
}

#[test]
fn ascii_snapshots() {
    for name in SNAPSHOTS {
        for lang in [Lang::Id, Lang::En] {
            let (_f, app) = app(name, lang);
            for (w, h) in [(80, 24), (120, 40)] {
                let code = lang.code();
                insta::assert_snapshot!(
                    format!("ascii_{name}_{code}_{w}x{h}"),
                    ascii_screen(&app, w, h)
                );
            }
        }
    }
}
