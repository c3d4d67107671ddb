//! Committee-session helpers for the TUI tests: positions for the fixture
//! pool, an app with the session back end on the fixture database, a session
//! recorded through the store, and screens with clock times and hashes
//! blanked out.

#![allow(dead_code)]

use crate::common::*;
use talenta::app::session::backend::StoreSessions;
use talenta::app::App;
use talenta::domain::session::{DecisionKind, Role, Votes};
use talenta::domain::{Rules, Tingkat};
use talenta::store::records::{Batch, PositionRec};
use talenta::store::session::{self as ss, Amendment, DecisionInput, NewSession};
use talenta::store::{Actor, OpenMode, Store};
use talenta::strings::Lang;

pub const KEMAS: &str = "198609262015051001";
pub const YUSUF: &str = "198103032009011012";

pub fn actor() -> Actor {
    Actor {
        name: "sekretaris".into(),
        os_user: "test".into(),
        key: None,
    }
}

/// The fixture pool and two positions.
pub fn session_fixture() -> Fixture {
    let f = fixture();
    let mut store = Store::open(&f.db, OpenMode::Existing).unwrap();
    let tx = store.write_tx().unwrap();
    let b = Batch {
        positions: vec![
            PositionRec {
                kode: "ADM-01".into(),
                nama: "Kepala Bidang Kurikulum".into(),
                tingkat: Tingkat::Administrator,
                unit: "Dinas Pendidikan".into(),
                vacant: true,
                holder_nip: None,
                kategori: None,
            },
            PositionRec {
                kode: "PGW-02".into(),
                nama: "Kepala Seksi Data".into(),
                tingkat: Tingkat::Pengawas,
                unit: "Badan Kepegawaian Daerah".into(),
                vacant: true,
                holder_nip: None,
                kategori: None,
            },
        ],
        ..Batch::default()
    };
    talenta::store::write::write_batch(&tx, &b).unwrap();
    tx.commit().unwrap();
    f
}

pub fn store(f: &Fixture) -> Store {
    Store::open(&f.db, OpenMode::Existing).unwrap()
}

/// An app on the fixture with the session back end (its own connection).
pub fn session_app(f: &Fixture, lang: Lang) -> App {
    let mut app = app_on(f, lang);
    app.attach_sessions(Box::new(StoreSessions::new(
        store(f),
        actor(),
        Rules::default(),
    )));
    app
}

/// An open session titled `title` with three members, all present, nothing
/// recorded yet.
pub fn present_session(f: &Fixture, title: &str) -> i64 {
    let mut s = store(f);
    let a = actor();
    let id = ss::create(
        &mut s,
        &a,
        &NewSession {
            title: title.into(),
            date: as_of(),
            members: vec![
                ("Hj. Nurhayati".into(), Role::Ketua),
                ("Budi Santoso".into(), Role::Sekretaris),
                ("Andi Wijaya".into(), Role::Anggota),
            ],
            quorum: None,
            agenda: vec!["ADM-01".into()],
            place: None,
            start: None,
            member_nips: Default::default(),
        },
    )
    .unwrap();
    let names: Vec<String> = ["Hj. Nurhayati", "Budi Santoso", "Andi Wijaya"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    ss::attend(&mut s, &a, id, &names).unwrap();
    id
}

/// Session 1: three members present, Andi stepped aside for Kemas, a
/// decision on Kemas amended once, one on Yusuf.
pub fn recorded_session(f: &Fixture) -> i64 {
    let id = present_session(f, "Sidang Talenta Semester I");
    let mut s = store(f);
    let a = actor();
    ss::recuse(&mut s, &a, id, "Andi Wijaya", KEMAS, "adik ipar").unwrap();
    let rules = Rules::default();
    let first = ss::decide(
        &mut s,
        &a,
        &rules,
        id,
        &DecisionInput {
            nip: KEMAS.into(),
            kind: DecisionKind::Promosi,
            position: Some("ADM-01".into()),
            reason: "Kotak 9, kompetensi manajerial memenuhi".into(),
            votes: Votes::parse("2/0/0"),
        },
    )
    .unwrap();
    ss::amend(
        &mut s,
        &a,
        &rules,
        first,
        &Amendment {
            kind: None,
            position: None,
            reason: "Koreksi jumlah suara".into(),
            votes: Votes::parse("1/0/1"),
        },
    )
    .unwrap();
    ss::decide(
        &mut s,
        &a,
        &rules,
        id,
        &DecisionInput {
            nip: YUSUF.into(),
            kind: DecisionKind::Pengembangan,
            position: None,
            reason: "Pelatihan kepemimpinan pengawas".into(),
            votes: None,
        },
    )
    .unwrap();
    id
}

/// Blank out what changes from run to run: clock times (`2026-05-04 10:11`)
/// and hashes (long runs of hex digits).
pub fn scrub(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // A local time (`03-12-2026 15:12 WIB`), or an ISO one.
    let is_time = |k: usize, pat: &str| -> bool {
        k + pat.len() <= chars.len()
            && pat.chars().enumerate().all(|(j, p)| {
                let c = chars[k + j];
                if p == 'd' {
                    c.is_ascii_digit()
                } else {
                    c == p
                }
            })
    };
    while i < chars.len() {
        if is_time(i, "dd-dd-dddd dd:dd") {
            out.push_str("DD-MM-YYYY hh:mm");
            i += 16;
            continue;
        }
        if is_time(i, "dddd-dd-dd dd:dd") {
            out.push_str("YYYY-MM-DD hh:mm");
            i += 16;
            continue;
        }
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            .count();
        if run >= 24 && chars[i..i + run].iter().any(|c| c.is_ascii_alphabetic()) {
            let w = run;
            let mark = "<hash>";
            out.push_str(mark);
            out.push_str(&" ".repeat(w.saturating_sub(mark.len())));
            i += run;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

pub fn session_screen(app: &App, w: u16, h: u16) -> String {
    scrub(&screen(app, w, h))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}
