//! Snapshots of the committee screen (TestBackend, monochrome theme, text
//! only): table, grid, profile, help, a filter error, a box list, both
//! languages, at 80x24 and 120x40, a compact size and tiny ones.

mod common;
use common::*;
use talenta::app::App;
use talenta::strings::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App, w: u16, h: u16) {
    let lang = match app.lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(app, w, h));
}

fn both(f: &Fixture, setup: &str, name: &str, sizes: &[(u16, u16)]) {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_on(f, lang);
        keys(&mut app, setup);
        for (w, h) in sizes {
            snap(name, &app, *w, *h);
        }
    }
}

#[test]
fn table() {
    let f = fixture();
    both(&f, "", "table", &SIZES);
    both(&f, "", "table", &[(40, 11), (20, 5)]);
}

#[test]
fn table_sorted_by_box_descending() {
    let f = fixture();
    both(&f, "s s s s s s s S", "table_box_desc", &[(80, 24)]);
}

#[test]
fn grid() {
    let f = fixture();
    both(&f, "tab", "grid", &SIZES);
    both(&f, "tab", "grid", &[(40, 11), (20, 5)]);
}

#[test]
fn grid_follows_the_filter() {
    let f = fixture();
    both(
        &f,
        "/ text:unit~pendidikan enter tab h",
        "grid_filtered",
        &[(80, 24)],
    );
}

#[test]
fn box_list() {
    let f = fixture();
    both(&f, "tab enter", "box_list", &[(80, 24)]);
}

#[test]
fn profile() {
    let f = fixture();
    // The fourth row by NIP is Masagus Abdul Rahman (box 4); the ninth Kemas (box 9).
    both(&f, "j j j enter", "profile", &SIZES);
    both(&f, "G k k k k k enter", "profile_talent", &SIZES);
    both(&f, "G enter", "profile_no_box", &[(80, 24)]);
    both(&f, "j j j enter", "profile", &[(20, 5)]);
}

#[test]
fn help() {
    let f = fixture();
    both(&f, "?", "help", &SIZES);
    both(&f, "? pagedown", "help_page2", &[(80, 24)]);
    both(&f, "?", "help", &[(20, 5)]);
}

#[test]
fn filter_error() {
    let f = fixture();
    both(&f, "/ text:kotak>=70", "filter_error", &SIZES);
    both(&f, "/ text:kinerja>=X", "filter_error_long", &SIZES);
    both(&f, "/ text:kotak>=70", "filter_error", &[(40, 11), (20, 5)]);
}

#[test]
fn jump_prompt() {
    let f = fixture();
    both(&f, ": text:siti", "jump", &[(80, 24)]);
    both(&f, ": text:zzz", "jump_not_found", &[(80, 24)]);
}

#[test]
fn too_small() {
    let f = fixture();
    both(&f, "", "too_small", &[(19, 5), (20, 4), (12, 3), (1, 1)]);
}

#[test]
fn loading_and_load_failure() {
    use talenta::app::filtering::Filtering;
    use talenta::app::{Action, Options};
    for lang in [Lang::Id, Lang::En] {
        let loader = |_: &str, _: &talenta::domain::Pool| Ok(None);
        let mut app = App::new(
            Options {
                lang,
                keymap: Default::default(),
            },
            Filtering::sync(),
            Box::new(loader),
        );
        snap("loading", &app, 80, 24);
        app.step(Action::PoolFailed("database error: disk I/O error".into()));
        snap("load_failed", &app, 80, 24);
    }
}

#[test]
fn positions() {
    let f = fixture();
    both(&f, "P", "positions", &SIZES);
}

#[test]
fn shortlist() {
    let f = fixture();
    // The first position is BKD-ADM-01 (vacant, Administrator).
    both(&f, "P enter", "shortlist", &SIZES);
    both(
        &f,
        "P enter space space j space",
        "shortlist_marked",
        &[(80, 24)],
    );
}

#[test]
fn conditions_of_a_shortlisted_candidate() {
    let f = fixture();
    // `e` on the shortlist: every condition of the selected candidate (Yusuf,
    // first on BKD-ADM-01) with ✓ / ✗ / ?, seen against required, and its article.
    both(&f, "P enter e", "shortlist_conditions", &SIZES);
    // Scrolled, then closed again: the shortlist is back.
    let mut app = app_on(&f, Lang::En);
    keys(&mut app, "P enter e j j e");
    assert!(screen(&app, 80, 24).contains("Yusuf Maulana"));
    assert!(!screen(&app, 80, 24).contains("✓ met"));
}

#[test]
fn conditions_of_the_compared_candidates() {
    let f = fixture();
    both(&f, "P enter space space v e", "compare_conditions", &SIZES);
}

#[test]
fn shortlist_follows_the_filter() {
    let f = fixture();
    both(
        &f,
        "/ text:kotak>=8 enter P enter",
        "shortlist_filtered",
        &[(80, 24)],
    );
}

#[test]
fn compare() {
    let f = fixture();
    both(&f, "P enter space space space v", "compare", &SIZES);
    both(
        &f,
        "P enter space space space space space space v",
        "compare_six",
        &[(80, 24), (120, 40)],
    );
}

#[test]
fn profile_against_a_position() {
    let f = fixture();
    // Kemas (third and last on BKD-ADM-01's shortlist) lacks one level of Mengelola Perubahan.
    both(&f, "P enter j j j enter", "profile_position", &SIZES);
}

/// The profile with a position history and penalties (one in force, one past).
#[test]
fn profile_with_career() {
    use talenta::domain::career::PenaltyLevel;
    use talenta::domain::Tingkat;
    use talenta::store::records::{Batch, HistoryRec, PenaltyRec};
    let f = fixture();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let nip = "198609262015051001".to_string();
    let batch = Batch {
        histories: vec![
            HistoryRec {
                nip: nip.clone().into(),
                jabatan: "Pengadministrasi Umum".into(),
                tingkat: Tingkat::Pelaksana,
                unit: Some("Dinas Pendidikan".into()),
                start: d("2015-05-01"),
                end: Some(d("2019-12-31")),
            },
            HistoryRec {
                nip: nip.clone().into(),
                jabatan: "Kepala Subbagian Umum".into(),
                tingkat: Tingkat::Pengawas,
                unit: Some("Dinas Pendidikan".into()),
                start: d("2020-01-01"),
                end: None,
            },
        ],
        penalties: vec![
            PenaltyRec {
                nip: nip.clone().into(),
                level: PenaltyLevel::Ringan,
                jenis: Some("Teguran tertulis".into()),
                start: d("2021-03-01"),
                end: Some(d("2021-08-31")),
            },
            PenaltyRec {
                nip: nip.into(),
                level: PenaltyLevel::Sedang,
                jenis: Some("Pemotongan tunjangan kinerja".into()),
                start: d("2026-01-01"),
                end: Some(d("2026-09-30")),
            },
        ],
        ..Batch::default()
    };
    let mut store = talenta::store::Store::open(&f.db, talenta::store::OpenMode::Existing).unwrap();
    let tx = store.write_tx().unwrap();
    talenta::store::write::write_batch(&tx, &batch).unwrap();
    tx.commit().unwrap();
    drop(store);
    both(
        &f,
        "G k k k k k enter",
        "profile_career",
        &[(120, 40), (80, 24)],
    );
}
