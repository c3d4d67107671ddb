//! The succession groups in the minutes (issue 14): for each position on the
//! agenda (without one, each position the session recommended a promotion
//! to), the proposed succession group and the KRS established for the
//! session's year; a closed session's minutes keep what the close recorded
//! when the plan changes later, and `audit verify` stays green.

mod common;
mod common_sessions;
use common::*;
use common_sessions::{actor, recorded_session, session_fixture, store, KEMAS, YUSUF};
use talenta::config::Agency;
use talenta::domain::session::{DecisionKind, Role, Votes};
use talenta::domain::succession::Readiness;
use talenta::domain::Rules;
use talenta::minutes::{render, MinutesFormat, Paper};
use talenta::store::krs::{establish, Establish};
use talenta::store::session::{self as ss, DecisionInput, NewSession};
use talenta::store::Store;
use talenta::strings::Lang;

/// Hj. Siti Aminah.
const SITI: &str = "197803152003122002";

fn add(s: &mut Store, kode: &str, nip: &str, r: Readiness) {
    talenta::store::positions::add(s, &actor(), 2026, kode, nip, r, None, None).unwrap();
}

fn minutes(s: &Store, id: i64, format: MinutesFormat, lang: Lang) -> String {
    let d = ss::detail(&s.conn, id).unwrap();
    String::from_utf8_lossy(&render(&d, format, &Paper::new(lang, &Agency::default())).unwrap())
        .into_owned()
}

fn establish_2026(s: &mut Store, sk: &str) {
    let what = Establish {
        period: 2026,
        sk,
        tanggal: chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        positions: &["ADM-01".to_string()],
    };
    // The conditions are tests/krs.rs's: here every entry passes.
    establish(s, &actor(), &what, |_| Vec::new()).unwrap();
}

#[test]
fn the_minutes_list_the_plan_and_the_krs_and_a_closed_session_keeps_them() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let mut s = store(&f);
    add(&mut s, "ADM-01", KEMAS, Readiness::Now);
    add(&mut s, "ADM-01", YUSUF, Readiness::OneToTwo);

    // Open: the plan as it is, no KRS yet.
    let md = minutes(&s, id, MinutesFormat::Md, Lang::En);
    assert!(
        md.contains("## Succession groups (kelompok rencana suksesi)"),
        "{md}"
    );
    assert!(md.contains("### ADM-01 — Kepala Bidang Kurikulum"), "{md}");
    assert!(
        md.contains("- Proposed succession group: 1. Kemas Ahmad Fauzi, S.E., M.Si. (198609262015051001), ready now; 2. Yusuf"),
        "{md}"
    );
    assert!(md.contains("- KRS 2026: not established"), "{md}");

    establish_2026(&mut s, "800/12/2026");
    let id_md = minutes(&s, id, MinutesFormat::Md, Lang::Id);
    assert!(
        id_md.contains("- KRS 2026 ditetapkan dengan SK 800/12/2026 tanggal 15-01-2026: 1. Kemas Ahmad Fauzi, S.E."),
        "{id_md}"
    );
    assert!(id_md.contains("## Kelompok rencana suksesi"), "{id_md}");

    ss::close(&mut s, &actor(), id).unwrap();
    let closed: Vec<String> = [MinutesFormat::Md, MinutesFormat::Csv, MinutesFormat::Json]
        .iter()
        .map(|fmt| minutes(&s, id, *fmt, Lang::En))
        .collect();
    assert!(
        closed[1].contains(
            "ADM-01,Kepala Bidang Kurikulum,krs,2026,800/12/2026,2026-01-15,1,198609262015051001"
        ),
        "{}",
        closed[1]
    );
    let json: serde_json::Value = serde_json::from_str(&closed[2]).unwrap();
    assert_eq!(
        json["succession"][0]["rencana"].as_array().unwrap().len(),
        2
    );
    assert_eq!(json["succession"][0]["krs"]["sk"], "800/12/2026");

    // The plan and the KRS change after the close ...
    add(&mut s, "ADM-01", SITI, Readiness::ThreePlus);
    establish_2026(&mut s, "800/13/2026");
    // ... the closed minutes do not.
    for (fmt, before) in [MinutesFormat::Md, MinutesFormat::Csv, MinutesFormat::Json]
        .iter()
        .zip(&closed)
    {
        let now = minutes(&s, id, *fmt, Lang::En);
        // Only the audit head at reading moves.
        let strip = |t: &str| {
            t.lines()
                .filter(|l| !l.contains("current_head") && !l.contains("Audit head now"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&now), strip(before), "{fmt:?}");
    }
    assert!(!minutes(&s, id, MinutesFormat::Md, Lang::En).contains(SITI));
    // A reopened session shows the plan as it is now.
    ss::reopen(&mut s, &actor(), id, "koreksi").unwrap();
    let reopened = minutes(&s, id, MinutesFormat::Md, Lang::En);
    assert!(reopened.contains(SITI), "{reopened}");
    assert!(reopened.contains("SK 800/13/2026"), "{reopened}");
    // The close's record is in the chain: verify is green.
    assert_eq!(ss::check_against_audit(&s.conn).unwrap(), None);
}

#[test]
fn without_an_agenda_the_positions_recommended_for_promotion_are_listed() {
    let f = session_fixture();
    let mut s = store(&f);
    let a = actor();
    let id = ss::create(
        &mut s,
        &a,
        &NewSession {
            title: "Sidang tanpa agenda".into(),
            date: as_of(),
            members: vec![
                ("Ketua".into(), Role::Ketua),
                ("Sekretaris".into(), Role::Sekretaris),
            ],
            quorum: None,
            agenda: Vec::new(),
            place: None,
            start: None,
            member_nips: Default::default(),
        },
    )
    .unwrap();
    ss::attend(
        &mut s,
        &a,
        id,
        &["Ketua".to_string(), "Sekretaris".to_string()],
    )
    .unwrap();
    add(&mut s, "PGW-02", YUSUF, Readiness::Now);
    add(&mut s, "ADM-01", KEMAS, Readiness::Now);
    let md = minutes(&s, id, MinutesFormat::Md, Lang::En);
    assert!(!md.contains("Succession groups"), "no promotion yet: {md}");
    ss::decide(
        &mut s,
        &a,
        &Rules::default(),
        id,
        &DecisionInput {
            nip: YUSUF.into(),
            kind: DecisionKind::Promosi,
            position: Some("PGW-02".into()),
            reason: "Kotak 7".into(),
            votes: Votes::parse("2/0/0"),
        },
    )
    .unwrap();
    let md = minutes(&s, id, MinutesFormat::Md, Lang::En);
    assert!(md.contains("### PGW-02 — Kepala Seksi Data"), "{md}");
    assert!(!md.contains("### ADM-01"), "{md}");
    let docx = render(
        &ss::detail(&s.conn, id).unwrap(),
        MinutesFormat::Docx,
        &Paper::new(Lang::Id, &Agency::default()),
    )
    .unwrap();
    assert!(docx.starts_with(b"PK"));
}

#[test]
fn a_forged_record_of_the_close_is_caught_by_audit_verify() {
    let f = session_fixture();
    let id = recorded_session(&f);
    let mut s = store(&f);
    add(&mut s, "ADM-01", KEMAS, Readiness::Now);
    establish_2026(&mut s, "800/12/2026");
    ss::close(&mut s, &actor(), id).unwrap();
    let intact = talenta::store::audit::verify(&s.conn, None).unwrap();
    assert!(matches!(
        intact,
        talenta::store::audit::Verdict::Intact { .. }
    ));
    s.conn
        .execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET after = replace(after, '800/12/2026', '800/99/2026')
             WHERE action = 'session.close';",
        )
        .unwrap();
    assert!(minutes(&s, id, MinutesFormat::Md, Lang::En).contains("800/99/2026"));
    let broken = talenta::store::audit::verify(&s.conn, None).unwrap();
    assert!(
        matches!(broken, talenta::store::audit::Verdict::Broken { .. }),
        "{broken:?}"
    );
}
