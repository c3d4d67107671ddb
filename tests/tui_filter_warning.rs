//! The filter bar says when a field name is searched as text, and a field
//! name followed by a value shows the error with what was meant (issue 20).

mod common;
use common::*;
use talenta::strings::Lang;

#[test]
fn a_field_name_searched_as_text_is_warned_in_the_filter_bar() {
    let f = fixture();
    let mut app = app_on(&f, Lang::En);
    // While typing: the warning under the prompt, with its caret.
    keys(&mut app, "/");
    type_text(&mut app, "kotak");
    let s = screen(&app, 160, 40);
    assert!(s.contains("warning at column 1"), "{s}");
    assert!(s.contains("`kotak` is a field name"), "{s}");
    // Accepted: the bar keeps the warning after the filter.
    keys(&mut app, "enter");
    let s = screen(&app, 200, 40);
    let bar = s
        .lines()
        .find(|l| l.contains("Filter: kotak"))
        .expect("filter bar");
    assert!(bar.contains("⚠") && bar.contains("kotak>=7"), "{bar}");
    // A condition: no warning.
    keys(
        &mut app,
        "/ backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "kotak>=7");
    keys(&mut app, "enter");
    let s = screen(&app, 200, 40);
    assert!(!s.contains("⚠") && !s.contains("field name"), "{s}");
}

#[test]
fn a_field_name_then_a_value_shows_what_was_meant() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "/");
    type_text(&mut app, "kotak 9");
    let s = screen(&app, 200, 40);
    assert!(s.contains("maksudnya kotak=9?"), "{s}");
}
