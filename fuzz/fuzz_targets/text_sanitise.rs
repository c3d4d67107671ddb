//! The text rule (domain::text) on any text: what leaves through every
//! escape holds no control, bidi or lone carriage return; escaped text passes
//! the door; Markdown values open no block; the JSON guard keeps JSON valid
//! and exact; the door refuses exactly what the rule forbids; a paste into a
//! field keeps none of it and stays within the field's limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talenta::domain::text::{self, is_forbidden, Lines};

fn clean(s: &str) -> bool {
    !s.chars().any(is_forbidden)
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let one = text::one_line(&s);
    assert!(clean(&one) && !one.contains(['\n', '\r', '\t']));
    assert!(text::check(&one, Lines::One).is_ok());
    let vis = text::visible(&s);
    assert!(clean(&vis) && !vis.contains('\r'));
    assert!(text::check(&vis, Lines::Many).is_ok());
    assert!(clean(&text::xml_safe(&s)));
    let guarded = text::guard(&s);
    assert!(clean(&guarded));
    let json = serde_json::to_string(&*s).unwrap();
    let back: String = serde_json::from_str(&text::guard(&json)).unwrap();
    assert_eq!(back, *s);
    let md = text::markdown_block(&s);
    assert!(clean(&md));
    for l in md.lines().skip(1) {
        let t = l.trim_start();
        assert!(!t.starts_with(['#', '-', '=', '>', '*', '+']), "{l:?}");
    }
    match text::check(&s, Lines::Many) {
        Ok(()) => assert!(clean(&s)),
        Err(e) => assert!(is_forbidden(e.ch) && s.chars().nth(e.at - 1) == Some(e.ch)),
    }
    let mut input = talenta::app::input::LineInput::default();
    input.insert_str(&s);
    assert!(clean(input.text()) && !input.text().contains(['\n', '\t']));
    assert!(input.text().chars().count() <= talenta::app::input::MAX_CHARS);
});
