//! The PPK's establishment of the KRS from the positions screen (issue 14,
//! contract committee-process.md): the form (period, SK, date, scope), the
//! failing entries with the condition each fails (nothing written), and the
//! established KRS on the screen; by keys, both languages.

mod common;
mod common_sessions;
use common::*;
use common_sessions::{actor, session_app, store};
use talenta::app::session::form::FormProblem;
use talenta::app::App;
use talenta::domain::succession::Readiness;
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

/// The fixture with a plan for BKD-ADM-01 (the positions screen's first
/// row): Kemas (12 JP in 2025, short of the 20 asked) when `with_kemas`,
/// and Hj. Siti Aminah (who meets every condition).
fn with_plan(with_kemas: bool) -> Fixture {
    let f = fixture();
    let mut s = store(&f);
    let mut plan = vec![(SITI, Readiness::OneToTwo)];
    if with_kemas {
        plan.insert(0, (KEMAS, Readiness::Now));
    }
    for (nip, r) in plan {
        talenta::store::positions::add(&mut s, &actor(), 2026, "BKD-ADM-01", nip, r, None, None)
            .unwrap();
    }
    f
}

/// The NIPs the open form lists as failing.
fn failing(app: &App) -> Vec<String> {
    match app.sessions.form.as_ref().and_then(|f| f.problem.as_ref()) {
        Some(FormProblem::KrsFailing { failures, .. }) => {
            failures.iter().map(|f| f.nip.clone()).collect()
        }
        other => panic!("no failing entries: {other:?}"),
    }
}

fn establishments(f: &Fixture) -> i64 {
    store(f)
        .conn
        .query_row("SELECT count(*) FROM krs_establishment", [], |r| r.get(0))
        .unwrap()
}

/// The form's SK number and date, then Enter.
const SUBMIT: &str = "tab text:800/12/2026 tab text:2026-01-15 enter";

#[test]
fn a_failing_entry_is_listed_with_its_condition_and_nothing_is_established() {
    let f = with_plan(true);
    for lang in [Lang::Id, Lang::En] {
        let mut app = session_app(&f, lang);
        keys(&mut app, "P E");
        // Period: the as-of year; scope: the selected position.
        snap("krs_establish_form", &app, 100, 30);
        keys(&mut app, SUBMIT);
        snap("krs_establish_failing", &app, 100, 30);
        assert_eq!(failing(&app), vec![KEMAS.to_string()]);
        assert_eq!(establishments(&f), 0);
        // Every position with a plan: the same check, the same refusal.
        keys(&mut app, "tab right enter");
        assert_eq!(failing(&app), vec![KEMAS.to_string()]);
        assert_eq!(establishments(&f), 0);
        keys(&mut app, "esc");
        assert!(!screen(&app, 100, 30).contains("SK"));
    }
}

#[test]
fn a_passing_plan_is_established_and_shown_on_the_positions_screen() {
    let f = with_plan(false);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "P E");
    keys(&mut app, SUBMIT);
    assert_eq!(establishments(&f), 1);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("KRS 2026 established by SK 800/12/2026: 1 members for 1 positions"),
        "{shown}"
    );
    assert!(
        shown.contains("KRS 2026 · SK 800/12/2026: Hj. Siti Aminah"),
        "{shown}"
    );
    // The same SK again is refused in words, nothing more written.
    keys(&mut app, "E");
    keys(&mut app, SUBMIT);
    assert!(screen(&app, 120, 40).contains("already established"));
    assert_eq!(establishments(&f), 1);
}

#[test]
fn a_period_that_is_no_year_is_refused() {
    let f = with_plan(false);
    let mut app = session_app(&f, Lang::Id);
    keys(
        &mut app,
        "P E ctrl-u text:dua-ribu tab text:1 tab text:2026-01-15 enter",
    );
    assert!(screen(&app, 100, 30).contains("periode 'dua-ribu' tidak terbaca"));
    assert_eq!(establishments(&f), 0);
}
