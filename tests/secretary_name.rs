//! Who is at the keyboard of the local screen: the question at start driven
//! by keys, the name on the status line, every session write recorded under
//! the name with the OS user beside it, the audit chain still intact, and the
//! minutes' "Dicatat oleh" naming the person.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::session::backend::StoreSessions;
use talenta::app::{Chord, KeyMap};
use talenta::config::Agency;
use talenta::domain::Rules;
use talenta::minutes::{render, MinutesFormat, Paper};
use talenta::store::audit::{self, Verdict};
use talenta::store::session as ss;
use talenta::store::Actor;
use talenta::strings::Lang;
use talenta::tui::secretary::{self, Answer, NamePrompt};

/// Feed the question keys as the screen would: `text:...` types, the rest
/// are chords. Returns the answer once the question ends.
fn answer(spec: &str) -> Option<Answer> {
    let keymap = KeyMap::default();
    let mut prompt = NamePrompt::default();
    for tok in spec.split(' ').filter(|t| !t.is_empty()) {
        let chords: Vec<Chord> = match tok.strip_prefix("text:") {
            Some(t) => t.chars().map(Chord::char).collect(),
            None => vec![Chord::parse(tok).unwrap()],
        };
        for c in chords {
            if let Some(a) = prompt.key(&keymap, c) {
                return Some(a);
            }
        }
    }
    None
}

fn os_user() -> Actor {
    Actor {
        name: "root".into(),
        os_user: "root".into(),
        key: None,
    }
}

#[test]
fn the_question_takes_a_name_edits_it_and_can_be_skipped() {
    // A typo mended with Backspace; the blank between names is kept, the
    // ends are trimmed.
    assert_eq!(
        answer("text:Siti space text:Rahmx backspace text:a space enter"),
        Some(Answer::Name("Siti Rahma".into()))
    );
    assert_eq!(answer("text:Siti esc"), Some(Answer::Skip));
    assert_eq!(answer("space enter"), Some(Answer::Skip));
    // Keys that mean something elsewhere are typed here (q is a letter).
    assert_eq!(answer("text:qj enter"), Some(Answer::Name("qj".into())));
    assert_eq!(answer("text:Siti"), None, "still asking");
}

#[test]
fn a_recommendation_is_recorded_under_the_name_with_the_os_user() {
    let f = session_fixture();
    let before: i64 = store(&f)
        .conn
        .query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| {
            r.get(0)
        })
        .unwrap();
    let a = answer("text:Siti space text:Rahma enter").unwrap();
    let actor = secretary::with_name(&os_user(), a.kept());
    let mut app = app_on(&f, Lang::Id);
    app.at_keyboard = secretary::shown(&actor);
    app.attach_sessions(Box::new(StoreSessions::new(
        store(&f),
        actor,
        Rules::default(),
    )));
    let shown = screen(&app, 120, 40);
    let status = shown.lines().last().unwrap();
    assert!(status.contains("Siti Rahma │"), "{status}");
    // A session, attendance, a recommendation: all by keys.
    keys(&mut app, "c n text:Sidang space text:Juni tab tab");
    keys(
        &mut app,
        "text:Ani:ketua enter text:Budi:sekretaris tab tab text:ADM-01 enter",
    );
    keys(&mut app, "enter j enter");
    keys(&mut app, "esc : text:kemas enter d tab text:ADM-01 tab");
    keys(&mut app, "text:Kotak space text:9 tab text:2/0/0 enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    let s = store(&f);
    let d = ss::detail(&s.conn, 1).unwrap();
    assert_eq!(d.decisions.len(), 1);
    assert_eq!(d.decisions[0].actor, "Siti Rahma");
    // Every entry of the audit trail: the name and, beside it, the OS user.
    let mut q = s
        .conn
        .prepare("SELECT actor, os_user FROM audit_log WHERE seq > ?1")
        .unwrap();
    let who: Vec<(String, String)> = q
        .query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(who.len() >= 3, "{who:?}");
    for w in &who {
        assert_eq!((w.0.as_str(), w.1.as_str()), ("Siti Rahma", "root"));
    }
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { .. }
    ));
    let agency = Agency::default();
    let md = render(&d, MinutesFormat::Md, &Paper::new(Lang::Id, &agency)).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("Dicatat oleh: Siti Rahma ("), "{md}");
}

#[test]
fn skipped_the_os_user_is_recorded_and_nothing_is_shown() {
    let actor = secretary::with_name(&os_user(), Answer::Skip.kept());
    assert_eq!(actor.name, "root");
    assert_eq!(secretary::shown(&actor), None);
}
