//! Snapshots of the talent review on the committee screen (issue 14 part 1):
//! the 9-box grid with calibrated moves and stale ones waiting for review,
//! and the profile with both boxes and the grounds; both languages.

mod common;
use common::*;
use rusqlite::params;
use talenta::app::App;
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
