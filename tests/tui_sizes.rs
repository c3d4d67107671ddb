//! Every terminal size, every screen, random key sequences: drawing never
//! panics and never writes outside the terminal.

mod common;
mod common_sessions;
use common::*;
use proptest::prelude::*;
use talenta::app::{Action, App, Chord};
use talenta::strings::Lang;
use talenta::ui::Theme;

/// Screens worth drawing at every size.
const SETUPS: &[&str] = &[
    "",
    "tab",
    "tab enter",
    "j j enter",
    "G enter",
    "?",
    "? G",
    "/ text:kotak>=70",
    "/ text:kinerja>=X",
    ": text:zzz",
    "L tab",
    "/ text:nama~nobody enter",
];

#[test]
fn every_size_from_1x1_to_300x100_on_every_screen() {
    let f = fixture();
    let themes = [Theme::mono(), Theme::default16()];
    for (i, setup) in SETUPS.iter().enumerate() {
        let mut app = app_on(&f, if i % 2 == 0 { Lang::Id } else { Lang::En });
        keys(&mut app, setup);
        let theme = &themes[i % 2];
        // Every small size, then a sample of the large ones.
        for w in 1..=45u16 {
            for h in 1..=16u16 {
                let _ = buffer(&app, w, h, theme);
            }
        }
        for w in (1..=300u16).step_by(13) {
            for h in (1..=100u16).step_by(9) {
                let _ = buffer(&app, w, h, theme);
            }
        }
    }
}

/// The session screens: panel, forms (one refused), recused candidate, profile.
const SESSION_SETUPS: &[&str] = &[
    "c",
    "c enter",
    "c enter l G",
    "c n text:Sidang tab tab text:Siti:ketua enter text:Budi",
    "c enter esc : text:kemas enter d tab text:ADM-01 tab text:x tab text:9/9/9 enter",
    "c enter esc : text:kemas enter",
    "c enter esc : text:kemas enter enter",
    "c enter esc : text:kemas enter r",
    "c enter C",
    "c enter M",
    "L c enter O",
];

#[test]
fn every_size_on_every_session_screen() {
    let f = common_sessions::session_fixture();
    common_sessions::recorded_session(&f);
    let themes = [Theme::mono(), Theme::default16()];
    for (i, setup) in SESSION_SETUPS.iter().enumerate() {
        let mut app =
            common_sessions::session_app(&f, if i % 2 == 0 { Lang::Id } else { Lang::En });
        keys(&mut app, setup);
        let theme = &themes[i % 2];
        for w in 1..=45u16 {
            for h in 1..=16u16 {
                let _ = buffer(&app, w, h, theme);
            }
        }
        for w in (1..=300u16).step_by(13) {
            for h in (1..=100u16).step_by(9) {
                let _ = buffer(&app, w, h, theme);
            }
        }
    }
}

fn chord_strategy() -> impl Strategy<Value = Chord> {
    let named = prop::sample::select(vec![
        "enter",
        "esc",
        "tab",
        "backtab",
        "backspace",
        "delete",
        "up",
        "down",
        "left",
        "right",
        "home",
        "end",
        "pageup",
        "pagedown",
        "f1",
        "ctrl-c",
        "ctrl-u",
        "ctrl-w",
        "ctrl-d",
        "ctrl-f",
        "ctrl-n",
        "ctrl-a",
        "ctrl-e",
        "alt-x",
        "alt-q",
        "space",
    ])
    .prop_map(|s| Chord::parse(s).unwrap());
    let chars = prop::sample::select(
        "qq?/:gGjkhlLsSnpbx0179<>=~!()\"éaz._-cdrmaeCO"
            .chars()
            .collect::<Vec<_>>(),
    )
    .prop_map(Chord::char);
    prop_oneof![named, chars]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(chord_strategy(), 1..60),
        sizes in prop::collection::vec((1u16..=300, 1u16..=100), 1..4),
    ) {
        // With the session back end, so that the panel and its forms are reached
        // too (not `M`: the minutes would be written into the working folder).
        let f = common_sessions::session_fixture();
        common_sessions::recorded_session(&f);
        let mut app: App = common_sessions::session_app(&f, Lang::Id);
        let theme = Theme::default16();
        for (i, k) in keys.iter().enumerate() {
            app.step(Action::Key(*k));
            if app.quit {
                break;
            }
            let (w, h) = sizes[i % sizes.len()];
            let _ = buffer(&app, w, h, &theme);
            // The cursor is always on a row of the list (or 0 on an empty one).
            let len = app.matches.rows.len();
            prop_assert!(app.table.cursor < len.max(1));
            prop_assert!(app.grid.0 < 3 && app.grid.1 < 3);
        }
    }
}
