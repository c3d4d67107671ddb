//! The committee's votes (issue 16, contract serve.md "Members' own votes"):
//! through the command line (`talenta session vote ...`), the refusals
//! (exit 2, the reason named, nothing written), the closing that records the
//! recommendation with the tally and names each ballot in the audit trail,
//! `audit verify` catching a forged ballot, and a member's own key press on
//! the screen (App::step with Access::Member) recording their ballot.

use rusqlite::{params, Connection};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
mod common_cli;
mod common_sessions;

use common::keys;
use common_cli::{committee_session, forge, ok as run, refused, talenta, FAUZI, SITI};
use common_sessions::{recorded_session, session_app, session_fixture, store, KEMAS, YUSUF};
use talenta::app::Action;
use talenta::domain::access::{Access, Identity, Role};
use talenta::strings::Lang;

/// An open session 1 of five members (quorum 3), four present, Rahmat
/// recused for Fauzi.
fn session() -> (tempfile::TempDir, PathBuf) {
    committee_session("Sidang komite 2026")
}

fn open_decision(db: &Path, nip: &str) -> String {
    run(
        db,
        &[
            "session",
            "vote",
            "open",
            "1",
            nip,
            "--kind",
            "pengembangan",
            "--reason",
            "potensi tinggi",
        ],
    )
    .trim()
    .to_string()
}

fn cast(db: &Path, vote: &str, member: &str, choice: &str) {
    run(
        db,
        &["session", "vote", "cast", vote, "--member", member, choice],
    );
}

fn count(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(db, args)).unwrap()
}

#[test]
fn three_members_vote_and_the_closing_records_the_recommendation_with_the_tally() {
    let (_d, db) = session();
    let vote = open_decision(&db, FAUZI);
    assert_eq!(vote, "1");
    // Dewi changes her mind before the close: her latest ballot counts.
    cast(&db, &vote, "Dewi", "setuju");
    cast(&db, &vote, "Siti Rahmah", "setuju");
    cast(&db, &vote, "Dewi", "tidak-setuju");
    cast(&db, &vote, "Budi", "setuju");
    let shown = run(&db, &["session", "vote", "show", &vote]);
    assert!(shown.contains("for 2, against 1, abstain 0"), "{shown}");
    assert!(shown.contains("Dewi: against (tidak setuju)"), "{shown}");
    let j = json(&db, &["session", "vote", "show", &vote, "--format", "json"]);
    assert_eq!(j["tally"]["suara"]["setuju"], 2);
    assert_eq!(j["tally"]["suara"]["tidak_setuju"], 1);
    assert_eq!(j["status"], "open");
    assert_eq!(j["tally"]["belum_memilih"], serde_json::json!([]));

    let closed = run(&db, &["session", "vote", "close", &vote]);
    assert!(closed.contains("recommendation 1 recorded"), "{closed}");
    let m = json(&db, &["session", "minutes", "1", "--format", "json"]);
    let text = m.to_string();
    assert!(text.contains("pengembangan"), "{text}");
    let conn = Connection::open(&db).unwrap();
    let (f, a, b): (i64, i64, i64) = conn
        .query_row(
            "SELECT votes_for, votes_against, votes_abstain FROM decision WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((f, a, b), (2, 1, 0));
    // The closing entry names each member's ballot.
    let after: String = conn
        .query_row(
            "SELECT after FROM audit_log WHERE action = 'vote.close'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let after: Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["votes"], "2/1/0");
    assert_eq!(after["record_id"], 1);
    let ballots: Vec<(String, String)> = after["ballots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["member"].as_str().unwrap().to_string(),
                b["choice"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        ballots,
        vec![
            ("Siti Rahmah".to_string(), "setuju".to_string()),
            ("Budi".to_string(), "setuju".to_string()),
            ("Dewi".to_string(), "tidak_setuju".to_string()),
        ]
    );
    let casts: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'vote.cast'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(casts, 4, "each ballot, the changed one too, is audited");
    // A closed vote takes no more ballots.
    refused(
        &db,
        &[
            "session", "vote", "cast", &vote, "--member", "Dewi", "setuju",
        ],
        "vote 1 is closed",
    );
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn a_recused_an_absent_and_a_stranger_are_refused_with_nothing_written() {
    let (_d, db) = session();
    let vote = open_decision(&db, FAUZI);
    let ballots = count(&db, "vote_ballot");
    let entries = count(&db, "audit_log");
    let cases = [
        ("Rahmat", "stepped aside for"),
        ("Yusuf", "is not marked present"),
        ("Eko", "is not a member of this session"),
    ];
    for (who, says) in cases {
        refused(
            &db,
            &["session", "vote", "cast", &vote, "--member", who, "setuju"],
            says,
        );
    }
    refused(
        &db,
        &[
            "session", "vote", "cast", &vote, "--member", "Dewi", "mungkin",
        ],
        "cannot read the ballot",
    );
    assert_eq!(count(&db, "vote_ballot"), ballots);
    assert_eq!(count(&db, "audit_log"), entries);
    // In Indonesian too.
    let o = common_cli::talenta_in(&db, "id_ID.UTF-8")
        .args([
            "session", "vote", "cast", &vote, "--member", "Yusuf", "setuju",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak tercatat hadir"));
}

#[test]
fn one_open_vote_per_session_a_tally_that_does_not_carry_and_cancelling() {
    let (_d, db) = session();
    let vote = open_decision(&db, SITI);
    refused(
        &db,
        &[
            "session", "vote", "open", "1", FAUZI, "--kotak", "8", "--reason", "x",
        ],
        "already has an open vote (1)",
    );
    cast(&db, &vote, "Dewi", "tidak-setuju");
    cast(&db, &vote, "Budi", "setuju");
    refused(
        &db,
        &["session", "vote", "close", &vote],
        "the vote does not carry: 1 for, 1 against",
    );
    assert_eq!(count(&db, "decision"), 0);
    refused(
        &db,
        &["session", "vote", "cancel", &vote, "--reason", " "],
        "reason",
    );
    run(
        &db,
        &[
            "session",
            "vote",
            "cancel",
            &vote,
            "--reason",
            "ditunda ke sidang berikut",
        ],
    );
    let j = json(&db, &["session", "vote", "show", &vote, "--format", "json"]);
    assert_eq!(j["status"], "cancelled");
    assert_eq!(j["reason"], "ditunda ke sidang berikut");
    assert_eq!(count(&db, "decision"), 0);
    // A calibration vote next: the closing records the calibration.
    let cal = run(
        &db,
        &[
            "session", "vote", "open", "1", SITI, "--kotak", "7", "--reason", "review",
        ],
    );
    let cal = cal.trim();
    for m in ["Siti Rahmah", "Budi", "Rahmat"] {
        cast(&db, cal, m, "setuju");
    }
    cast(&db, cal, "Dewi", "abstain");
    let out = run(&db, &["session", "vote", "close", cal]);
    assert!(out.contains("calibration 1 recorded"), "{out}");
    let votes: String = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT votes_for || '/' || votes_against || '/' || votes_abstain FROM calibration",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(votes, "3/0/1");
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn a_vote_on_a_closed_session_is_refused() {
    let (_d, db) = session();
    let vote = open_decision(&db, SITI);
    cast(&db, &vote, "Dewi", "setuju");
    // Not while the vote is open: it would be left hanging.
    refused(
        &db,
        &["session", "close", "1"],
        "session 1 has an open vote (1)",
    );
    run(
        &db,
        &["session", "vote", "cancel", &vote, "--reason", "ditunda"],
    );
    run(&db, &["session", "close", "1"]);
    let entries = count(&db, "audit_log");
    refused(
        &db,
        &[
            "session", "vote", "cast", &vote, "--member", "Budi", "setuju",
        ],
        "session 1 is closed",
    );
    refused(
        &db,
        &["session", "vote", "close", &vote],
        "vote 1 is closed",
    );
    refused(
        &db,
        &[
            "session", "vote", "open", "1", FAUZI, "--kind", "ditunda", "--reason", "x",
        ],
        "session 1 is closed",
    );
    assert_eq!(count(&db, "audit_log"), entries);
}

#[test]
fn a_forged_ballot_is_caught_by_audit_verify() {
    let (_d, db) = session();
    let vote = open_decision(&db, SITI);
    cast(&db, &vote, "Dewi", "setuju");
    talenta(&db).args(["audit", "verify"]).assert().success();
    // A ballot slipped in without its audit entry.
    let slipped = forge(&db, "slipped", |c| {
        c.execute(
            "INSERT INTO vote_ballot (vote_id, member_name, choice, cast_at) VALUES (?1, 'Budi', 'setuju', '2026-11-22T00:00:00Z')",
            params![vote],
        )
        .unwrap();
    });
    let o = talenta(&slipped)
        .args(["audit", "verify"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("ballot record 2"), "{err}");
    assert!(err.contains("no audit entry"), "{err}");
    // A ballot turned around.
    let turned = forge(&db, "turned", |c| {
        c.execute("UPDATE vote_ballot SET choice = 'tidak_setuju'", [])
            .unwrap();
    });
    let o = talenta(&turned).args(["audit", "verify"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ballot record 1"));
}

// --- On the screen ------------------------------------------------------

fn member(name: &str, role: Role) -> Access {
    Access::Member(Identity {
        name: name.into(),
        role,
        key: "SHA256:test".into(),
    })
}

fn status(app: &talenta::app::App) -> String {
    common::screen(app, 120, 40)
}

#[test]
fn a_member_votes_with_a_key_as_themself_and_the_secretary_closes_on_the_screen() {
    let f = session_fixture();
    let session = recorded_session(&f);
    // The secretary puts a calibration of Yusuf to a vote from the form.
    let mut sec = session_app(&f, Lang::En);
    sec.access = member("Budi Santoso", Role::Sekretaris);
    keys(&mut sec, "c enter esc");
    keys(&mut sec, ":");
    common::type_text(&mut sec, YUSUF);
    keys(&mut sec, "enter K text:8 tab text:Konsisten ctrl-o");
    assert!(sec.sessions.form.is_none(), "the form became a vote");
    let vote = sec.sessions.vote.current.clone().expect("an open vote");
    assert_eq!(vote.session_id, session);
    assert!(sec.sessions.vote.shown);
    let screen = status(&sec);
    assert!(screen.contains("Committee vote 1"), "{screen}");
    assert!(
        screen.contains("Not voted yet: Hj. Nurhayati, Budi Santoso, Andi Wijaya"),
        "{screen}"
    );

    // A member's screen announces the vote; V opens it, y votes for.
    let mut andi = session_app(&f, Lang::En);
    andi.access = member("Andi Wijaya", Role::Anggota);
    andi.step(Action::Tick);
    keys(&mut andi, "V");
    assert!(andi.sessions.vote.shown);
    keys(&mut andi, "y");
    let screen = status(&andi);
    assert!(screen.contains("Your ballot: for (setuju)"), "{screen}");
    // The member may not close the vote: refused, nothing written.
    keys(&mut andi, "C");
    let screen = status(&andi);
    assert!(screen.contains("only secretary may"), "{screen}");

    let mut nur = session_app(&f, Lang::En);
    nur.access = member("Hj. Nurhayati", Role::Anggota);
    keys(&mut nur, "V 1");

    // The secretary's tally refreshes from the database, then C closes.
    sec.step(Action::Tick);
    let screen = status(&sec);
    assert!(
        screen.contains("Tally: for 2, against 0, abstain 0"),
        "{screen}"
    );
    assert!(screen.contains("Andi Wijaya: for (setuju)"), "{screen}");
    keys(&mut sec, "C");
    let screen = status(&sec);
    assert!(screen.contains("calibration 1 recorded"), "{screen}");

    let conn = store(&f).conn;
    let ballots: Vec<(String, String)> = conn
        .prepare("SELECT member_name, choice FROM vote_ballot ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        ballots,
        vec![
            ("Andi Wijaya".to_string(), "setuju".to_string()),
            ("Hj. Nurhayati".to_string(), "setuju".to_string())
        ]
    );
    let votes: String = conn
        .query_row(
            "SELECT votes_for || '/' || votes_against || '/' || votes_abstain FROM calibration",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(votes, "2/0/0");
}

#[test]
fn a_recused_member_is_refused_on_the_screen_and_the_local_screen_casts_for_no_one() {
    let f = session_fixture();
    recorded_session(&f);
    let mut s = store(&f);
    let p =
        talenta::store::session::vote::Proposal::Decision(talenta::store::session::DecisionInput {
            nip: KEMAS.into(),
            kind: talenta::domain::session::DecisionKind::Pengembangan,
            position: None,
            reason: "Pelatihan kepemimpinan".into(),
            votes: None,
        });
    talenta::store::session::vote::open(&mut s, &common_sessions::actor(), 1, &p).unwrap();
    // Andi stepped aside for Kemas.
    let mut andi = session_app(&f, Lang::En);
    andi.access = member("Andi Wijaya", Role::Anggota);
    keys(&mut andi, "V n");
    let screen = status(&andi);
    assert!(screen.contains("Andi Wijaya stepped aside for"), "{screen}");
    // The administrator's own screen shows the tally but casts for no one.
    let mut local = session_app(&f, Lang::En);
    keys(&mut local, "V y");
    let screen = status(&local);
    assert!(
        screen.contains("a member votes from their own screen"),
        "{screen}"
    );
    let n: i64 = store(&f)
        .conn
        .query_row("SELECT count(*) FROM vote_ballot", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "nothing was written");
}

#[test]
fn the_minutes_show_the_tally_and_name_each_vote_only_when_the_committee_says_so() {
    let (d, db) = session();
    let vote = open_decision(&db, FAUZI);
    cast(&db, &vote, "Siti Rahmah", "setuju");
    cast(&db, &vote, "Budi", "setuju");
    cast(&db, &vote, "Dewi", "tidak-setuju");
    run(&db, &["session", "vote", "close", &vote]);
    let md = run(&db, &["session", "minutes", "1"]);
    assert!(md.contains("Votes (for/against/abstain): 2/1/0"), "{md}");
    assert!(
        !md.contains("Each member's vote"),
        "tally only by default: {md}"
    );
    let json = run(&db, &["session", "minutes", "1", "--format", "json"]);
    assert!(!json.contains("suara_anggota"), "{json}");

    let config = d.path().join("talenta.toml");
    std::fs::write(&config, "[committee]\nnamed_votes = true\n").unwrap();
    let named = |args: &[&str]| {
        let mut c = talenta(&db);
        c.env("TALENTA_CONFIG", &config);
        common_cli::ok_with(c, args)
    };
    let md = named(&["session", "minutes", "1"]);
    assert!(
        md.contains("- Each member's vote: Siti Rahmah: for (setuju); Budi: for (setuju); Dewi: against (tidak setuju)"),
        "{md}"
    );
    let j: Value =
        serde_json::from_str(&named(&["session", "minutes", "1", "--format", "json"])).unwrap();
    assert_eq!(j["suara_anggota"][0]["id"], 1);
    assert_eq!(j["suara_anggota"][0]["suara"][2]["nama"], "Dewi");
    assert_eq!(j["suara_anggota"][0]["suara"][2]["pilihan"], "tidak_setuju");
    let out = d.path().join("ba.docx");
    named(&[
        "session",
        "minutes",
        "1",
        "--format",
        "docx",
        "--output",
        out.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("Dewi: against (tidak setuju)"),
        "docx names the votes"
    );
}
