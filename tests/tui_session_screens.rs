//! Snapshots of the committee-session screens (TestBackend, monochrome
//! theme, text only; clock times and hashes blanked): the session panel, the
//! new-session form, the decision form (valid, and refused for want of a
//! quorum), a recused candidate in the table and the profile with its
//! decisions (one amended), a closed session; both languages, 80x24 and 120x40.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::App;
use talenta::strings::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App, w: u16, h: u16) {
    let lang = match app.lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), session_screen(app, w, h));
}

/// For both languages: a fresh fixture, `prepare` on it, an app, `drive`, snapshots.
fn both(name: &str, prepare: impl Fn(&Fixture), drive: impl Fn(&mut App), sizes: &[(u16, u16)]) {
    for lang in [Lang::Id, Lang::En] {
        let f = session_fixture();
        prepare(&f);
        let mut app = session_app(&f, lang);
        drive(&mut app);
        for (w, h) in sizes {
            snap(name, &app, *w, *h);
        }
    }
}

fn none(_: &Fixture) {}

fn recorded(f: &Fixture) {
    recorded_session(f);
}

/// Open the panel and make the newest session active.
fn open_session(app: &mut App) {
    keys(app, "c enter");
}

#[test]
fn session_panel_without_sessions() {
    both("session_empty", none, |a| keys(a, "c"), &[(80, 24)]);
}

#[test]
fn session_panel() {
    both(
        "session_panel",
        recorded,
        |a| {
            keys(a, ": text:kemas enter");
            open_session(a);
        },
        &SIZES,
    );
    both(
        "session_decisions",
        recorded,
        |a| {
            open_session(a);
            keys(a, "l");
        },
        &[(80, 24)],
    );
}

#[test]
fn new_session_form() {
    both(
        "session_new_form",
        none,
        |a| {
            keys(a, "c n");
            type_text(a, "Sidang Talenta Juni");
            keys(a, "tab tab");
            type_text(a, "Hj. Nurhayati:ketua");
            keys(a, "enter");
            type_text(a, "Budi Santoso");
            keys(a, "tab tab");
            type_text(a, "ADM-01");
        },
        &SIZES,
    );
}

#[test]
fn decision_form() {
    both(
        "decision_form",
        recorded,
        |a| {
            open_session(a);
            keys(a, "esc : text:kemas enter d tab text:ADM-01 tab");
            type_text(a, "Kotak 9, siap promosi");
            keys(a, "tab text:2/0/0");
        },
        &SIZES,
    );
}

#[test]
fn decision_form_refused_for_want_of_a_quorum() {
    both(
        "decision_refused",
        |f| {
            recorded_session(f);
            let mut s = store(f);
            talenta::store::session::recuse(
                &mut s,
                &actor(),
                1,
                "Budi Santoso",
                KEMAS,
                "atasan langsung",
            )
            .unwrap();
        },
        |a| {
            open_session(a);
            keys(a, "esc : text:kemas enter d left left");
            keys(a, "tab");
            type_text(a, "Ditunda sampai penilaian ulang");
            keys(a, "enter");
        },
        &SIZES,
    );
}

#[test]
fn recused_candidate_in_the_table_and_profile() {
    both(
        "table_recused",
        recorded,
        |a| {
            open_session(a);
            keys(a, "esc : text:kemas enter");
        },
        &SIZES,
    );
    both(
        "profile_recused",
        recorded,
        |a| {
            open_session(a);
            keys(a, "esc : text:kemas enter enter");
        },
        &SIZES,
    );
}

#[test]
fn closed_session() {
    both(
        "session_closed",
        |f| {
            recorded_session(f);
            let mut s = store(f);
            talenta::store::session::close(&mut s, &actor(), 1).unwrap();
        },
        |a| {
            open_session(a);
            keys(a, "G");
        },
        &SIZES,
    );
}

#[test]
fn recuse_and_close_forms() {
    both(
        "recuse_form",
        recorded,
        |a| {
            open_session(a);
            keys(a, "esc : text:yusuf enter r right tab");
            type_text(a, "atasan langsung");
        },
        &[(80, 24)],
    );
    both(
        "close_form",
        recorded,
        |a| {
            open_session(a);
            keys(a, "C");
        },
        &[(80, 24)],
    );
}
