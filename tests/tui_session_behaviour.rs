//! The committee-session workflow driven by keys through `App::step`, checked
//! in the database: create, attend, recuse, decide, amend, close, a refusal
//! while closed, reopen with a reason; refusals write nothing; the audit
//! chain verifies; a change made by another connection shows after the poll.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use std::sync::Arc;
use talenta::app::session::SessionNote;
use talenta::app::{Action, App, Notice, View};
use talenta::domain::Rules;
use talenta::store::audit::{self, Verdict};
use talenta::store::load::load_pool;
use talenta::store::session as ss;
use talenta::strings::Lang;

fn count(f: &Fixture, table: &str) -> i64 {
    store(f)
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn detail(f: &Fixture, id: i64) -> ss::SessionDetail {
    ss::detail(&store(f).conn, id).unwrap()
}

fn text(app: &mut App, s: &str) {
    type_text(app, s);
}

fn form_problem(app: &App) -> String {
    let f = app.sessions.form.as_ref().expect("the form stays open");
    let p = f.problem.as_ref().expect("a problem is shown");
    talenta::tr!(app.lang, session_ui::problem(p))
}

#[test]
fn the_whole_session_workflow_by_keys() {
    let f = session_fixture();
    let mut app = session_app(&f, Lang::En);
    // Create.
    keys(&mut app, "c n");
    text(&mut app, "Sidang Talenta Juni");
    keys(&mut app, "tab tab");
    text(&mut app, "Siti Aminah:ketua");
    keys(&mut app, "enter");
    text(&mut app, "Budi Santoso:sekretaris");
    keys(&mut app, "enter");
    text(&mut app, "Andi Wijaya");
    keys(&mut app, "tab tab text:ADM-01 enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    assert_eq!(app.notice, Some(Notice::Session(SessionNote::Created(1))));
    let d = detail(&f, 1);
    assert_eq!(d.members.len(), 3);
    assert_eq!(d.session.date, "2026-06-01", "the date defaults to as-of");
    assert_eq!(d.agenda[0].0, "ADM-01");
    // Attend: Enter on each member.
    keys(&mut app, "enter j enter j a");
    assert!(detail(&f, 1).members.iter().all(|m| m.present));
    // Recuse Andi (third member) for Kemas: reason required.
    keys(&mut app, "esc : text:kemas enter r right right enter");
    assert!(form_problem(&app).contains("reason"));
    assert_eq!(count(&f, "recusal"), 0);
    keys(&mut app, "tab");
    text(&mut app, "adik ipar");
    keys(&mut app, "enter");
    assert!(app.sessions.form.is_none());
    let d = detail(&f, 1);
    assert_eq!(d.recused_for(KEMAS), vec!["Andi Wijaya"]);
    assert!(app.sessions.is_recused(KEMAS));
    let screen = screen(&app, 80, 24);
    assert!(
        screen.contains("▶⊘ 198609262015051001"),
        "the table marks the recusal:\n{screen}"
    );
    // Decide: promosi to ADM-01 with grounds and votes.
    keys(&mut app, "d tab text:ADM-01 tab");
    text(&mut app, "Kotak 9, siap promosi");
    keys(&mut app, "tab text:2/0/0 enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    let d = detail(&f, 1);
    assert_eq!(d.decisions.len(), 1);
    assert_eq!(d.decisions[0].kind, "promosi");
    assert_eq!(d.decisions[0].kode_jabatan.as_deref(), Some("ADM-01"));
    assert_eq!(d.decisions[0].snapshot["kotak"], 9);
    // Discussed.
    keys(&mut app, "m");
    assert_eq!(detail(&f, 1).discussed, vec![KEMAS.to_string()]);
    // Amend from the panel's decisions.
    keys(&mut app, "c l e tab tab");
    text(&mut app, "Koreksi suara");
    keys(&mut app, "tab ctrl-u text:1/0/1 enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    let d = detail(&f, 1);
    assert_eq!(d.decisions.len(), 2);
    assert_eq!(d.decisions[0].superseded_by, Some(2));
    assert_eq!(d.decisions[1].supersedes, Some(1));
    assert_eq!(d.decisions[1].votes.unwrap().to_string(), "1/0/1");
    // Amending the old version again is refused at once.
    keys(&mut app, "g e");
    assert!(app.sessions.form.is_none());
    assert!(matches!(
        app.notice,
        Some(Notice::Session(SessionNote::Problem(_)))
    ));
    // Close.
    keys(&mut app, "C enter");
    assert!(detail(&f, 1).is_closed());
    assert!(app.sessions.active.as_ref().unwrap().closing_head.is_some());
    // A decision while closed is refused in the form; nothing written.
    let audits = count(&f, "audit_log");
    keys(&mut app, "esc d left left tab");
    text(&mut app, "Tunda");
    keys(&mut app, "enter");
    assert!(form_problem(&app).contains("closed"));
    assert_eq!(count(&f, "decision"), 2);
    assert_eq!(count(&f, "audit_log"), audits);
    keys(&mut app, "esc");
    // Reopen: the reason is required.
    keys(&mut app, "c O enter");
    assert!(form_problem(&app).contains("reason"));
    text(&mut app, "Salah tutup sebelum keputusan Yusuf");
    keys(&mut app, "enter");
    let d = detail(&f, 1);
    assert!(!d.is_closed());
    assert_eq!(
        d.events.last().unwrap().reason.as_deref(),
        Some("Salah tutup sebelum keputusan Yusuf")
    );
    // The whole trail, written through the screen, verifies.
    match audit::verify(&store(&f).conn, None).unwrap() {
        Verdict::Intact { entries, .. } => assert!(entries >= 9, "{entries}"),
        v => panic!("{v:?}"),
    }
}

#[test]
fn a_decision_without_grounds_writes_nothing() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::Id);
    let (decisions, audits) = (count(&f, "decision"), count(&f, "audit_log"));
    keys(&mut app, "c enter esc : text:yusuf enter d left enter");
    assert!(
        form_problem(&app).contains("wajib"),
        "{}",
        form_problem(&app)
    );
    // Bad votes and an unknown position are refused too.
    keys(
        &mut app,
        "right tab text:XX-99 tab text:alasan tab text:1/x/0 enter",
    );
    assert!(form_problem(&app).contains("1/x/0"));
    keys(&mut app, "ctrl-u enter");
    assert!(form_problem(&app).contains("XX-99"));
    assert_eq!(count(&f, "decision"), decisions);
    assert_eq!(count(&f, "audit_log"), audits);
    keys(&mut app, "esc");
    assert!(app.sessions.form.is_none());
    assert_eq!(count(&f, "decision"), decisions);
}

#[test]
fn a_change_by_another_connection_shows_after_the_poll() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter esc : text:yusuf enter enter");
    assert_eq!(app.view, View::Profile);
    let before = app.sessions.active.as_ref().unwrap().decisions.len();
    app.step(Action::Tick);
    assert!(!app.take_pool_reload(), "nothing changed yet");
    // The CLI in another terminal: its own connection.
    let mut other = store(&f);
    ss::recuse(
        &mut other,
        &actor(),
        1,
        "Budi Santoso",
        YUSUF,
        "atasan langsung",
    )
    .unwrap();
    drop(other);
    app.step(Action::Tick);
    assert!(app.take_pool_reload(), "the pool is to be loaded again");
    assert_eq!(app.sessions.recusals_for(YUSUF).len(), 1);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Budi Santoso steps aside: atasan langsung"),
        "{s}"
    );
    // The CLI records a decision; the panel and the profile show it.
    let mut other = store(&f);
    ss::decide(
        &mut other,
        &actor(),
        &Rules::default(),
        1,
        &ss::DecisionInput {
            nip: YUSUF.into(),
            kind: talenta::domain::session::DecisionKind::Rotasi,
            position: Some("PGW-02".into()),
            reason: "Rotasi ke data".into(),
            votes: None,
        },
    )
    .unwrap();
    app.step(Action::Tick);
    assert_eq!(
        app.sessions.active.as_ref().unwrap().decisions.len(),
        before + 1
    );
    let s = screen(&app, 120, 40);
    assert!(s.contains("PGW-02"), "{s}");
    // The reloaded pool keeps the cursor on the same candidate.
    keys(&mut app, "esc");
    let pool = load_pool(&store(&f).conn, as_of(), &Rules::default()).unwrap();
    app.step(Action::PoolLoaded(Arc::new(pool)));
    assert_eq!(app.current().unwrap().nip.to_string(), YUSUF);
}

#[test]
fn minutes_are_written_where_asked() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    let md = f.dir.path().join("ba.md");
    keys(&mut app, "c enter M tab ctrl-u");
    text(&mut app, md.to_str().unwrap());
    keys(&mut app, "enter");
    let body = std::fs::read_to_string(&md).unwrap();
    assert!(body.contains("Sidang Talenta Semester I"));
    assert!(matches!(
        &app.notice,
        Some(Notice::Session(SessionNote::Written(p))) if p.ends_with("ba.md")
    ));
    let docx = f.dir.path().join("ba.docx");
    keys(&mut app, "M right right right tab ctrl-u");
    text(&mut app, docx.to_str().unwrap());
    keys(&mut app, "enter");
    let bytes = std::fs::read(&docx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a DOCX is a zip");
    // The default name follows the format.
    keys(&mut app, "M right");
    let form = app.sessions.form.as_ref().unwrap();
    assert_eq!(
        form.text(talenta::app::session::form::FieldId::Path),
        "berita-acara-1.csv"
    );
}

#[test]
fn candidate_actions_need_a_session_and_a_candidate() {
    let f = session_fixture();
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "d");
    assert_eq!(app.notice, Some(Notice::Session(SessionNote::NoSession)));
    recorded_session(&f);
    app.step(Action::Tick);
    keys(&mut app, "c enter esc tab d");
    assert_eq!(app.notice, Some(Notice::Session(SessionNote::NoCandidate)));
    assert!(app.sessions.form.is_none());
}

#[test]
fn a_failed_reload_keeps_the_pool_on_screen() {
    let f = session_fixture();
    let mut app = session_app(&f, Lang::En);
    app.step(Action::PoolFailed("database is locked".into()));
    assert!(app.pool().is_some());
    assert!(screen(&app, 80, 24).contains("database is locked"));
}

#[test]
fn a_decision_from_a_positions_shortlist_is_about_the_shortlisted_candidate() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    // Make the session active, leave the panel, open the positions and a shortlist.
    keys(&mut app, "c enter c P enter");
    assert_eq!(app.view, View::Shortlist);
    keys(&mut app, "j");
    let sl = app.shortlist.as_ref().expect("a shortlist");
    let (row, _) = sl.rows[sl.cursor.cursor];
    let want = app.pool().unwrap().rows[row as usize].nip.to_string();
    keys(&mut app, "d");
    let form = app.sessions.form.as_ref().expect("the decision form opens");
    match &form.kind {
        talenta::app::session::form::FormKind::Decide { nip, .. } => assert_eq!(nip, &want),
        other => panic!("expected a decision form, got {other:?}"),
    }
}

#[test]
fn the_calibration_form_starts_from_the_box_in_effect() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter esc : text:yusuf enter");
    let (nip, now) = {
        let c = app.candidate_in_view().expect("Yusuf selected");
        (c.nip.to_string(), c.kotak.expect("a box"))
    };
    keys(&mut app, "K");
    let form = app.sessions.form.as_ref().expect("the calibration form");
    assert_eq!(
        form.text(talenta::app::session::form::FieldId::Kotak),
        now.to_string(),
        "the box in effect, for the committee to move"
    );
    // The digit typed replaces it (one box, not two digits); recorded with its grounds.
    let agreed = if now == 9 { 8 } else { now + 1 };
    keys(
        &mut app,
        &format!("text:{agreed} tab text:asesmen_baru enter"),
    );
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    let recorded: (String, i64) = store(&f)
        .conn
        .query_row(
            "SELECT nip, kotak FROM calibration ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(recorded, (nip, i64::from(agreed)));
}
