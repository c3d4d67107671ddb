//! Snapshots of the succession group (KRS) on the committee screen: the
//! positions screen with target and critical positions, their members against
//! the ratio and the selected position's established KRS, and a member's
//! profile; both languages.

mod common;
use common::*;
use talenta::app::App;
use talenta::domain::succession::Readiness;
use talenta::store::krs::{establish, Establish};
use talenta::store::{Actor, OpenMode, Store};
use talenta::strings::Lang;

/// Kemas Ahmad Fauzi (box 9) and Hj. Siti Aminah.
const KEMAS: &str = "198609262015051001";
const SITI: &str = "197803152003122002";

fn snap(name: &str, app: &App, w: u16, h: u16) {
    let lang = match app.lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(app, w, h));
}

/// The fixture with DINKES-JPT-01 and DISDIK-JPT-01 as target positions,
/// BKD-ADM-01 as critical, and the KRS of 2026 for BKD-ADM-01 (Kemas, Siti)
/// established by SK 800/12/2026 (the conditions are `tests/krs.rs`'s).
fn with_krs() -> Fixture {
    let f = fixture();
    let mut s = Store::open(&f.db, OpenMode::Existing).unwrap();
    s.conn
        .execute_batch(
            "UPDATE position SET kategori = 'target' WHERE kode IN ('DINKES-JPT-01', 'DISDIK-JPT-01');
             UPDATE position SET kategori = 'kritikal' WHERE kode = 'BKD-ADM-01';",
        )
        .unwrap();
    let actor = Actor {
        name: "Sekretaris".into(),
        os_user: "test".into(),
        key: None,
    };
    for (nip, r) in [(KEMAS, Readiness::Now), (SITI, Readiness::OneToTwo)] {
        talenta::store::positions::add(&mut s, &actor, 2026, "BKD-ADM-01", nip, r, None, None)
            .unwrap();
    }
    let what = Establish {
        period: 2026,
        sk: "800/12/2026",
        tanggal: chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        positions: &[],
    };
    establish(&mut s, &actor, &what, |_| Vec::new()).unwrap();
    f
}

#[test]
fn positions_with_target_and_critical_positions_and_their_krs() {
    let f = with_krs();
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_on(&f, lang);
        // The first row is BKD-ADM-01 (vacant).
        keys(&mut app, "P");
        snap("krs_positions", &app, 80, 24);
        snap("krs_positions", &app, 120, 40);
        // Its shortlist marks the KRS members (Pasal 200: priority).
        keys(&mut app, "enter");
        snap("krs_shortlist", &app, 120, 40);
    }
}

#[test]
fn a_members_profile_shows_the_krs() {
    let f = with_krs();
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_on(&f, lang);
        // Kemas is the ninth row by NIP (as tests/tui_screens.rs's profile_talent).
        keys(&mut app, "G k k k k k enter");
        snap("krs_profile", &app, 120, 40);
    }
}
