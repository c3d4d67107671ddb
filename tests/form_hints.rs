//! Each form shows only the keys that work where its focus is: the close
//! confirmation has no fields to move between or choose in; a choice says
//! left/right; a list of lines says Enter starts a new line.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::strings::Lang;

/// The keys line of the open form (its last line inside the box).
fn hint(app: &talenta::app::App) -> String {
    let s = screen(app, 100, 30);
    s.lines()
        .rfind(|l| l.contains(" batal") || l.contains(" cancel"))
        .unwrap_or_else(|| panic!("no keys line:\n{s}"))
        .to_string()
}

#[test]
fn the_close_confirmation_shows_yes_and_cancel_only() {
    for (lang, want) in [
        (Lang::Id, "enter ya · esc batal"),
        (Lang::En, "enter yes · esc cancel"),
    ] {
        let f = session_fixture();
        recorded_session(&f);
        let mut app = session_app(&f, lang);
        keys(&mut app, "c enter C");
        let h = hint(&app);
        assert!(h.contains(want), "{h}");
        for dead in ["tab", "left", "←", "pilih", "choose"] {
            assert!(!h.contains(dead), "{dead}: {h}");
        }
    }
}

#[test]
fn the_keys_follow_the_focus() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter esc : text:kemas enter d");
    // The kind is a choice.
    let h = hint(&app);
    assert!(h.contains("left/right choose"), "{h}");
    assert!(h.contains("ctrl-o put to vote"), "{h}");
    keys(&mut app, "tab");
    let h = hint(&app);
    assert!(!h.contains("choose"), "{h}");
    assert!(h.contains("enter save · tab next field"), "{h}");
    // The members of a new session are lines: Enter starts the next one.
    keys(&mut app, "esc c n tab tab");
    let h = hint(&app);
    assert!(h.contains("enter new line · tab next field"), "{h}");
}
