//! Snapshots of the talent review on the committee screen (issue 14 part 1):
//! the 9-box grid with calibrated moves and stale ones waiting for review,
//! and the profile with both boxes and the grounds; both languages.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use rusqlite::params;
use talenta::app::session::SessionNote;
use talenta::app::{App, Notice};
use talenta::domain::session::{Role, Votes};
use talenta::domain::Rules;
use talenta::store::load::load_pool;
use talenta::store::session::calibration::{calibrate, CalibrationInput};
use talenta::store::session::{self as ss, NewSession};
use talenta::store::{Actor, OpenMode, Store};
use talenta::strings::Lang;

/// The fixture with three calibrations: two in effect (moves), one stale.
/// Returns the NIP of the first calibrated candidate (a move in effect).
fn calibrated(f: &Fixture) -> String {
    let mut store = Store::open(&f.db, OpenMode::Existing).unwrap();
    let rules = Rules::default();
    let pool = load_pool(&store.conn, as_of(), &rules).unwrap();
    let boxed: Vec<(String, u8)> = pool
        .rows
        .iter()
        .filter_map(|c| c.kotak.map(|k| (c.nip.to_string(), k)))
        .take(3)
        .collect();
    let actor = Actor {
        name: "Sekretaris".into(),
        os_user: "bkd".into(),
        key: None,
    };
    let s = NewSession {
        title: "Talent review 2026".into(),
        date: as_of(),
        members: vec![
            ("Ketua".into(), Role::Ketua),
            ("Sekretaris".into(), Role::Sekretaris),
            ("Anggota".into(), Role::Anggota),
        ],
        quorum: None,
        agenda: vec![],
        place: None,
        start: None,
        member_nips: Default::default(),
    };
    let id = ss::create(&mut store, &actor, &s).unwrap();
    let names = ["Ketua".to_string(), "Sekretaris".into(), "Anggota".into()];
    ss::attend(&mut store, &actor, id, &names).unwrap();
    let other = |k: u8| if k == 9 { 8 } else { k + 1 };
    for (nip, k) in &boxed[..2] {
        let input = CalibrationInput {
            nip: nip.clone(),
            kotak: other(*k).into(),
            reason: "Penugasan khusus berhasil; umpan balik 360 kuat".into(),
            votes: Some(Votes {
                for_: 3,
                against: 0,
                abstain: 0,
            }),
        };
        calibrate(&mut store, &actor, &rules, id, &input).unwrap();
    }
    // Agreed on a computed box the data no longer gives: stale.
    let (nip, k) = &boxed[2];
    store
        .conn
        .execute(
            "INSERT INTO calibration (session_id, nip, kotak, kotak_hitung, reason, calibrated_at, actor)
             VALUES (?1, ?2, ?3, ?4, 'data lama', '2026-01-01T00:00:00Z', 'Sekretaris')",
            params![id, nip, other(*k), other(other(*k))],
        )
        .unwrap();
    boxed[0].0.clone()
}

fn snap(name: &str, app: &App, w: u16, h: u16) {
    let lang = match app.lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(app, w, h));
}

#[test]
fn grid_shows_calibrated_moves_and_stale_ones() {
    let f = fixture();
    calibrated(&f);
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_on(&f, lang);
        keys(&mut app, "tab");
        for (w, h) in [(80, 24), (120, 40), (40, 11)] {
            snap("calibration_grid", &app, w, h);
        }
    }
}

#[test]
fn profile_shows_both_boxes_and_the_grounds() {
    let f = fixture();
    let nip = calibrated(&f);
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_on(&f, lang);
        keys(&mut app, &format!("/ text:nip={nip} enter enter"));
        snap("calibration_profile", &app, 100, 30);
    }
}

fn calibrations(f: &Fixture) -> i64 {
    store(f)
        .conn
        .query_row("SELECT count(*) FROM calibration", [], |r| r.get(0))
        .unwrap()
}

fn form_problem(app: &App) -> String {
    let f = app.sessions.form.as_ref().expect("the form stays open");
    let p = f.problem.as_ref().expect("a problem is shown");
    talenta::tr!(app.lang, session_ui::problem(p))
}

#[test]
fn the_secretary_records_a_calibration_by_keys() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter esc : text:yusuf enter K");
    let form = app
        .sessions
        .form
        .as_ref()
        .expect("K opens the calibration form");
    assert!(form.kind.title(Lang::En).contains(YUSUF));
    let s = screen(&app, 100, 30);
    assert!(s.contains("Agreed box (1-9)"), "{s}");
    // Box 0 and a box that is no number are refused; nothing is written.
    keys(&mut app, "text:0 tab text:Penugasan_khusus_berhasil enter");
    assert!(
        form_problem(&app).contains("box 0 does not exist"),
        "{}",
        form_problem(&app)
    );
    keys(&mut app, "backtab ctrl-u text:x enter");
    assert!(form_problem(&app).contains("'x'"), "{}", form_problem(&app));
    // Too many votes for the 3 members present.
    keys(&mut app, "ctrl-u text:8 tab tab text:3/1/0 enter");
    assert!(
        form_problem(&app).contains("4 votes exceed"),
        "{}",
        form_problem(&app)
    );
    assert_eq!(calibrations(&f), 0);
    keys(&mut app, "ctrl-u text:3/0/0 enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    assert_eq!(
        app.notice,
        Some(Notice::Session(SessionNote::Calibrated(1)))
    );
    assert_eq!(calibrations(&f), 1);
    assert!(app.take_pool_reload(), "the box in effect changed: reload");
    let pool = load_pool(&store(&f).conn, as_of(), &Rules::default()).unwrap();
    let yusuf = pool.rows.iter().find(|c| c.nip == YUSUF).unwrap();
    assert_eq!(yusuf.kotak, Some(8));
    assert_eq!(
        yusuf.calibration.as_ref().map(|c| c.reason.as_ref()),
        Some("Penugasan_khusus_berhasil")
    );
}
