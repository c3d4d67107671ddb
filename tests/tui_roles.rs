//! Roles on the committee screen (`talenta serve`, contract `serve.md`,
//! "What a role may do", "Members' own votes and conflicts"), driven by keys
//! through `App::step` on a temporary database: a member or an observer who
//! presses a key their role does not allow reads why on the status line and
//! nothing is written; a member declares their own conflict of interest and
//! it is a recusal in their name, with their key in the audit entry; the
//! secretary still does it all; the session back end refuses on its own.

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::keymap::{Cmd, Context};
use talenta::app::session::backend::{Problem, SessionBackend, StoreSessions};
use talenta::app::session::SessionNote;
use talenta::app::{Action, App, Notice, View};
use talenta::domain::access::{Access, Act, Denied, Identity, Role};
use talenta::domain::session::DecisionKind;
use talenta::domain::Rules;
use talenta::store::audit::{self, Verdict};
use talenta::store::session::{self as ss, DecisionInput};
use talenta::store::Actor;
use talenta::strings::Lang;

const ANDI: &str = "Andi Wijaya";
const BUDI: &str = "Budi Santoso";
const KEY: &str = "SHA256:q0Xk1nAndiWijayaKeyFingerprintForTests0";

fn identity(name: &str, role: Role) -> Identity {
    Identity {
        name: name.into(),
        role,
        key: KEY.into(),
    }
}

/// The back end as `talenta serve` gives it to a member: their name and key
/// as the actor, their access.
fn member_backend(f: &Fixture, who: &Identity) -> StoreSessions {
    let actor = Actor {
        name: who.name.clone(),
        os_user: "talenta-serve".into(),
        key: Some(who.key.clone()),
    };
    StoreSessions::new(store(f), actor, Rules::default()).with_access(Access::Member(who.clone()))
}

/// A member's screen: the app and its back end with the member's access.
fn member_app(f: &Fixture, lang: Lang, name: &str, role: Role) -> App {
    let who = identity(name, role);
    let mut app = app_on(f, lang);
    app.access = Access::Member(who.clone());
    app.attach_sessions(Box::new(member_backend(f, &who)));
    app
}

fn count(f: &Fixture, table: &str) -> i64 {
    store(f)
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// What the database holds that a write would change.
fn written(f: &Fixture) -> [i64; 7] {
    [
        "audit_log",
        "decision",
        "calibration",
        "recusal",
        "discussed",
        "session_event",
        "committee_session",
    ]
    .map(|t| count(f, t))
}

fn present(f: &Fixture, id: i64) -> usize {
    let d = ss::detail(&store(f).conn, id).unwrap();
    d.members.iter().filter(|m| m.present).count()
}

fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text(app.lang))
        .unwrap_or_default()
}

fn last_audit(f: &Fixture) -> audit::Entry {
    audit::log(&store(f).conn, None)
        .unwrap()
        .pop()
        .expect("an audit entry")
}

/// A session whose members have not arrived yet (attendance to record).
fn session_without_attendance(f: &Fixture) -> i64 {
    ss::create(
        &mut store(f),
        &actor(),
        &ss::NewSession {
            title: "Sidang Talenta Juli".into(),
            date: as_of(),
            members: vec![
                (
                    "Hj. Nurhayati".into(),
                    talenta::domain::session::Role::Ketua,
                ),
                (ANDI.into(), talenta::domain::session::Role::Anggota),
            ],
            quorum: None,
            place: None,
            start: None,
            member_nips: Default::default(),
            agenda: Vec::new(),
        },
    )
    .unwrap()
}

#[test]
fn a_member_pressing_the_secretarys_keys_reads_why_and_nothing_is_written() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let mut app = member_app(&f, Lang::Id, ANDI, Role::Anggota);
    let before = written(&f);
    // The recommendation: refused before any form opens, even without an
    // active session; the role and who may are named.
    keys(&mut app, ": text:yusuf enter d");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "Peran anggota tidak dapat mencatat rekomendasi; hanya sekretaris."
    );
    keys(&mut app, "K");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "Peran anggota tidak dapat mencatat kalibrasi; hanya sekretaris."
    );
    keys(&mut app, "m");
    assert!(notice(&app).starts_with("Peran anggota tidak dapat menjalankan sidang"));
    assert_eq!(count(&f, "discussed"), 0);
    keys(&mut app, "r");
    assert!(app.sessions.form.is_none());
    assert!(
        notice(&app).contains("atas nama anggota lain; hanya sekretaris."),
        "{}",
        notice(&app)
    );
    // Viewing the panel and choosing the session is allowed; its writes are not.
    keys(&mut app, "c enter");
    assert_eq!(app.view, View::Session);
    assert_eq!(app.sessions.active.as_ref().map(|d| d.session.id), Some(id));
    for k in ["C", "O", "M", "n", "a", "enter", "l e", "enter"] {
        keys(&mut app, k);
        assert!(app.sessions.form.is_none(), "{k} opened a form");
        assert!(
            notice(&app).starts_with("Peran anggota tidak dapat"),
            "{k}: {}",
            notice(&app)
        );
    }
    assert_eq!(
        notice(&app),
        "Peran anggota tidak dapat mencatat rekomendasi; hanya sekretaris.",
        "Enter on a decision amends it"
    );
    keys(&mut app, "C");
    assert_eq!(
        notice(&app),
        "Peran anggota tidak dapat menutup atau membuka kembali sidang; hanya sekretaris."
    );
    keys(&mut app, "o enter");
    assert_eq!(
        notice(&app),
        "Peran anggota tidak dapat mencatat hasil PPK; hanya ppk."
    );
    assert_eq!(written(&f), before, "nothing was written");
    assert!(!ss::detail(&store(&f).conn, id).unwrap().is_closed());
}

#[test]
fn a_member_cannot_record_attendance_and_the_refusal_is_in_english_too() {
    let f = session_fixture();
    let id = session_without_attendance(&f);
    let mut app = member_app(&f, Lang::En, ANDI, Role::Anggota);
    let before = written(&f);
    keys(&mut app, "c enter a enter j a");
    assert_eq!(
        notice(&app),
        "The member role may not run a session (create, attendance, discussed); only secretary may."
    );
    assert_eq!(present(&f, id), 0, "nobody was marked present");
    keys(&mut app, "esc : text:yusuf enter d");
    assert_eq!(
        notice(&app),
        "The member role may not record a recommendation; only secretary may."
    );
    assert_eq!(written(&f), before);
}

#[test]
fn the_refusal_on_the_screen() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = member_app(&f, Lang::Id, ANDI, Role::Anggota);
    keys(&mut app, ": text:yusuf enter d");
    let s = session_screen(&app, 120, 16);
    let status = s.lines().last().unwrap_or_default();
    assert!(status.starts_with(" Andi Wijaya · anggota │ "), "{s}");
    assert!(
        status.ends_with("Peran anggota tidak dapat mencatat rekomendasi; hanya sekretaris."),
        "{s}"
    );
    insta::assert_snapshot!("refusal_id_120x16", s);
}

#[test]
fn an_observer_may_do_nothing_but_look() {
    let f = session_fixture();
    recorded_session(&f);
    let before = written(&f);
    let mut app = member_app(&f, Lang::Id, "Rina", Role::Pengamat);
    keys(&mut app, ": text:yusuf enter B");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "Peran pengamat tidak dapat menyatakan benturan kepentingan sendiri; hanya sekretaris atau anggota."
    );
    // Every command in every place it can be given: no form opens.
    let places = [
        "",
        "enter",
        "tab",
        "P",
        "P enter",
        "c",
        "c enter",
        "c enter l",
        "c enter l l",
        "c o",
    ];
    for place in places {
        for cmd in Cmd::ALL {
            let mut app = member_app(&f, Lang::Id, "Rina", Role::Pengamat);
            keys(&mut app, place);
            app.step(Action::Cmd(cmd));
            assert!(
                app.sessions.form.is_none(),
                "{cmd:?} after '{place}' opened {:?}",
                app.sessions.form.as_ref().map(|f| &f.kind)
            );
            app.step(Action::Cmd(Cmd::Accept));
        }
    }
    assert_eq!(written(&f), before, "an observer wrote nothing");
    let s = session_screen(&app, 100, 24);
    assert!(s.contains("Rina · pengamat"), "{s}");
}

#[test]
fn a_member_declares_their_own_conflict_and_it_is_a_recusal_in_their_name() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let mut app = member_app(&f, Lang::Id, ANDI, Role::Anggota);
    assert!(app.sessions.active.is_none());
    // From the table: the one open session that lists Andi becomes active.
    keys(&mut app, ": text:yusuf enter B");
    let form = app.sessions.form.as_ref().expect("B opens the form");
    assert_eq!(app.sessions.active.as_ref().map(|d| d.session.id), Some(id));
    assert!(
        form.kind.title(Lang::Id).contains(ANDI) && form.kind.title(Lang::Id).contains(YUSUF),
        "{}",
        form.kind.title(Lang::Id)
    );
    let s = session_screen(&app, 100, 24);
    assert!(s.contains("Benturan kepentingan Andi Wijaya"), "{s}");
    insta::assert_snapshot!("declare_form_id_100x24", s);
    // A reason is required: nothing written without one.
    let before = written(&f);
    keys(&mut app, "enter");
    assert!(app.sessions.form.as_ref().unwrap().problem.is_some());
    assert_eq!(written(&f), before);
    type_text(&mut app, "pernah menjadi atasan langsungnya");
    keys(&mut app, "enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    assert_eq!(
        app.notice,
        Some(Notice::Session(SessionNote::Recused {
            member: ANDI.into(),
            nip: YUSUF.into()
        }))
    );
    // Exactly as a recusal the secretary records: Andi no longer counts for Yusuf.
    let d = ss::detail(&store(&f).conn, id).unwrap();
    assert_eq!(d.recused_for(YUSUF), vec![ANDI]);
    assert_eq!(d.quorum_for(YUSUF).eligible, 2);
    assert!(
        app.sessions.is_recused(YUSUF),
        "the screen shows it at once"
    );
    let e = last_audit(&f);
    assert_eq!(e.action, "session.recuse");
    assert_eq!(e.actor, ANDI);
    assert_eq!(e.kunci.as_deref(), Some(KEY));
    assert!(e
        .after
        .unwrap()
        .contains("pernah menjadi atasan langsungnya"));
    assert!(matches!(
        audit::verify(&store(&f).conn, None).unwrap(),
        Verdict::Intact { .. }
    ));
    // Twice is refused by the rules; from the profile the same key works.
    keys(&mut app, "enter B");
    assert_eq!(app.view, View::Profile);
    type_text(&mut app, "lagi");
    keys(&mut app, "enter");
    let p = app.sessions.form.as_ref().and_then(|f| f.problem.as_ref());
    assert!(p.is_some(), "already recused: refused");
    assert_eq!(count(&f, "recusal"), 2);
}

#[test]
fn a_member_declares_from_the_shortlist_too() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let mut app = member_app(&f, Lang::En, ANDI, Role::Anggota);
    keys(&mut app, "P enter");
    assert_eq!(app.view, View::Shortlist);
    // The first ranked candidate Andi has not stepped aside for yet.
    let mut nip = String::new();
    for _ in 0..10 {
        nip = app.selected_candidate().expect("a ranked candidate").0;
        if nip != KEMAS {
            break;
        }
        keys(&mut app, "j");
    }
    keys(&mut app, "B");
    let form = app.sessions.form.as_ref().expect("B opens the form");
    assert!(form.kind.title(Lang::En).contains(&nip));
    type_text(&mut app, "former supervisor");
    keys(&mut app, "enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    let d = ss::detail(&store(&f).conn, id).unwrap();
    assert!(d.recused_for(&nip).contains(&ANDI));
}

#[test]
fn a_member_declares_only_in_their_own_open_session() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let before = written(&f);
    // Not a member of any open session.
    let mut app = member_app(&f, Lang::Id, "Dewi Lestari", Role::Anggota);
    keys(&mut app, ": text:yusuf enter B");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "tidak ada sidang terbuka yang mencantumkan Dewi Lestari sebagai anggota"
    );
    // The session chosen in the panel does not list her.
    keys(&mut app, "c enter esc B");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        format!("Dewi Lestari bukan anggota sidang {id}: pilih sidang Anda di panel sidang (c)")
    );
    // Two open sessions list Andi: he chooses one.
    session_without_attendance(&f);
    let before_two = written(&f);
    let mut app = member_app(&f, Lang::Id, ANDI, Role::Anggota);
    keys(&mut app, ": text:yusuf enter B");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "Andi Wijaya anggota 2 sidang terbuka: pilih satu di panel sidang (c)"
    );
    // A closed session takes nothing.
    ss::close(&mut store(&f), &actor(), id).unwrap();
    let mut app = member_app(&f, Lang::Id, ANDI, Role::Anggota);
    keys(&mut app, "c j enter esc : text:yusuf enter B");
    assert!(app.sessions.form.is_none());
    assert!(notice(&app).contains("sudah ditutup"), "{}", notice(&app));
    assert_eq!(written(&f)[3], before_two[3], "no recusal");
    assert_eq!(before[3], before_two[3]);
}

#[test]
fn locally_the_secretary_records_recusals_with_the_form_as_before() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    assert_eq!(app.access, Access::Local);
    keys(&mut app, "c enter esc : text:yusuf enter B");
    assert!(app.sessions.form.is_none());
    assert_eq!(
        notice(&app),
        "no member is signed in on this local screen: record a conflict of interest in a member's name with r"
    );
    keys(&mut app, "r");
    assert!(
        app.sessions.form.is_some(),
        "the recusal form opens locally"
    );
    // No name and role on the local status line.
    keys(&mut app, "esc");
    let s = screen(&app, 100, 10);
    assert!(!s.contains(" · sekretaris"), "{s}");
}

#[test]
fn a_secretary_signed_in_by_key_still_does_it_all() {
    let f = session_fixture();
    let id = session_without_attendance(&f);
    let mut app = member_app(&f, Lang::En, BUDI, Role::Sekretaris);
    keys(&mut app, "c enter enter j enter");
    assert_eq!(present(&f, id), 2, "attendance recorded");
    let e = last_audit(&f);
    assert_eq!(e.action, "session.attend");
    assert_eq!((e.actor.as_str(), e.kunci.as_deref()), (BUDI, Some(KEY)));
    keys(&mut app, "esc : text:yusuf enter d left tab");
    type_text(&mut app, "Belum memenuhi syarat");
    keys(&mut app, "enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    assert!(matches!(
        app.notice,
        Some(Notice::Session(SessionNote::Recorded(_)))
    ));
    keys(&mut app, "r tab text:ipar enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    keys(&mut app, "c C enter");
    assert!(ss::detail(&store(&f).conn, id).unwrap().is_closed());
    assert_eq!(last_audit(&f).kunci.as_deref(), Some(KEY));
    let s = session_screen(&app, 100, 24);
    assert!(s.contains("Budi Santoso · secretary"), "{s}");
}

#[test]
fn the_back_end_refuses_on_its_own_before_touching_the_database() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let before = written(&f);
    let mut b = member_backend(&f, &identity(ANDI, Role::Anggota));
    let decision = DecisionInput {
        nip: YUSUF.into(),
        kind: DecisionKind::Ditunda,
        position: None,
        reason: "Tunda".into(),
        votes: None,
    };
    let denied = |act| {
        Err::<(), _>(Problem::Denied(Denied {
            role: Role::Anggota,
            act,
        }))
    };
    assert_eq!(b.decide(id, &decision).map(|_| ()), denied(Act::Recommend));
    assert_eq!(b.close(id).map(|_| ()), denied(Act::CloseSession));
    assert_eq!(b.attend(id, ANDI), denied(Act::RunSession));
    assert_eq!(b.discussed(id, YUSUF), denied(Act::RunSession));
    assert_eq!(
        b.recuse(id, BUDI, YUSUF, "bukan dia sendiri"),
        denied(Act::RecordRecusal),
        "not in another member's name"
    );
    let path = f.dir.path().join("ba.md");
    let w = b.write_minutes(
        id,
        talenta::app::session::backend::MinutesFormat::Md,
        Lang::Id,
        &path,
        false,
    );
    assert_eq!(w.map(|_| ()), denied(Act::WriteMinutes));
    assert!(!path.exists());
    assert_eq!(written(&f), before);
    // In one's own name, the member's declaration goes through.
    b.recuse(id, ANDI, YUSUF, "atasan langsung").unwrap();
    assert_eq!(count(&f, "recusal"), before[3] + 1);
    // An observer's back end refuses even that.
    let mut o = member_backend(&f, &identity("Rina", Role::Pengamat));
    assert!(matches!(
        o.recuse(id, "Rina", KEMAS, "x"),
        Err(Problem::Denied(_))
    ));
}

#[test]
fn the_refusal_names_every_role_that_may() {
    let f = session_fixture();
    let mut app = member_app(&f, Lang::En, "Rina", Role::Pengamat);
    keys(&mut app, "P E");
    assert_eq!(
        notice(&app),
        "The observer role may not record the establishment of the KRS; only secretary or PPK may."
    );
    assert_eq!(app.context(), Context::Positions);
}
