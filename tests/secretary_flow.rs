//! The secretary's flow on the committee screen, driven by keys as in a
//! session: from a position's shortlist to a recommendation (the position
//! filled in, the mark on the shortlist afterwards), the session panel and
//! "discussed" from the shortlist with the same keys as everywhere, the
//! comparison's chosen candidate, Esc back along the path shown in the title
//! bar; and the pictures: the shortlist with its marks, the positions with
//! their full codes and titles told apart (both languages, 80x24, 120x40).

mod common;
mod common_sessions;
use common::*;
use common_sessions::*;
use talenta::app::session::form::FieldId;
use talenta::app::session::SessionNote;
use talenta::app::{App, Crumb, Notice, View};
use talenta::domain::Tingkat;
use talenta::store::records::{Batch, PositionRec};
use talenta::store::session as ss;
use talenta::strings::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// An open session with three members, all present, nothing recorded.
fn fresh_session(f: &Fixture) -> i64 {
    present_session(f, "Sidang Talenta Juni")
}

/// The app with the session active, back on the table.
fn with_session(f: &Fixture, lang: Lang) -> App {
    let mut app = session_app(f, lang);
    keys(&mut app, "c enter esc");
    assert!(app.sessions.active.is_some());
    assert_eq!(app.view, View::Table, "Esc leaves the panel to the table");
    app
}

/// From the table, the shortlist of position `kode`.
fn shortlist_of(app: &mut App, kode: &str) {
    keys(app, "P g");
    let at = (app.positions_view.rows.rows.iter())
        .position(|r| app.position(r.0).is_some_and(|p| p.kode == kode))
        .unwrap_or_else(|| panic!("{kode} is listed"));
    for _ in 0..at {
        keys(app, "j");
    }
    keys(app, "enter");
    assert_eq!(app.view, View::Shortlist);
    assert_eq!(
        app.position(app.shortlist.as_ref().unwrap().position)
            .unwrap()
            .kode,
        kode
    );
}

fn shortlisted_nip(app: &App) -> String {
    let row = app.shortlisted_row().expect("a candidate on the shortlist");
    app.pool().unwrap().rows[row as usize].nip.to_string()
}

/// The screen line of the candidate `nip`'s name (its row on a list).
fn line_of<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} on screen:\n{screen}"))
}

fn detail(f: &Fixture, id: i64) -> ss::SessionDetail {
    ss::detail(&store(f).conn, id).unwrap()
}

/// The title cells of the positions screen's rows: what stands under the
/// title's header, up to the status column.
fn title_cells(screen: &str, lang: Lang) -> Vec<String> {
    let (title, status) = match lang {
        Lang::Id => ("Jabatan", "Status"),
        Lang::En => ("Position", "Status"),
    };
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let header = lines
        .iter()
        .find(|l| l.iter().collect::<String>().contains(status))
        .expect("the header");
    let text: String = header.iter().collect();
    let col = |h: &str| text[..text.find(h).unwrap()].chars().count();
    let (from, to) = (col(title), col(status));
    lines
        .iter()
        .filter(|l| l.iter().collect::<String>().contains("-PGW-"))
        .map(|l| {
            l[from..to.min(l.len())]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

fn crumbs(app: &App) -> Vec<String> {
    talenta::ui::status::breadcrumb(app)
        .into_iter()
        .map(|c| c.1)
        .collect()
}

#[test]
fn from_a_shortlist_to_a_recommendation_for_that_position_and_its_mark() {
    let f = session_fixture();
    fresh_session(&f);
    let mut app = with_session(&f, Lang::En);
    shortlist_of(&mut app, "ADM-01");
    let nip = shortlisted_nip(&app);
    let name = app.candidate_in_view().unwrap().nama.to_string();
    // `d`, the same key as on the table: the form names the position.
    keys(&mut app, "d");
    let form = app.sessions.form.as_ref().expect("the recommendation form");
    assert_eq!(form.text(FieldId::Position), "ADM-01");
    keys(&mut app, "tab tab text:Kotak_9,_siap_promosi enter");
    assert!(app.sessions.form.is_none(), "{:?}", app.sessions.form);
    assert!(matches!(
        app.notice,
        Some(Notice::Session(SessionNote::Recorded(_)))
    ));
    let d = &detail(&f, 1).decisions[0];
    assert_eq!(
        (d.nip.as_str(), d.kode_jabatan.as_deref()),
        (nip.as_str(), Some("ADM-01"))
    );
    // Back on the shortlist, the candidate carries the mark `R`.
    assert_eq!(app.view, View::Shortlist);
    let screen = screen(&app, 120, 40);
    let short: String = name.chars().take(8).collect();
    let line = line_of(&screen, &short);
    assert!(line.starts_with("▶ R "), "{line}");
    assert!(screen.contains("R recommended"), "the legend:\n{screen}");
}

#[test]
fn the_session_panel_and_discussed_from_the_shortlist() {
    let f = session_fixture();
    fresh_session(&f);
    let mut app = with_session(&f, Lang::En);
    shortlist_of(&mut app, "ADM-01");
    keys(&mut app, "j");
    let nip = shortlisted_nip(&app);
    // `m` marks discussed (on the shortlist too; marking for comparison is `t`).
    keys(&mut app, "m");
    assert_eq!(
        app.notice,
        Some(Notice::Session(SessionNote::Discussed(nip.clone())))
    );
    assert!(app.marked.is_empty(), "m does not mark for comparison");
    assert_eq!(detail(&f, 1).discussed, vec![nip.clone()]);
    // `c` opens the panel over the shortlist; it speaks of that candidate.
    keys(&mut app, "c");
    assert_eq!(app.view, View::Session);
    assert_eq!(app.trail().last(), Some(&Crumb::Session));
    assert_eq!(app.selected_candidate().unwrap().0, nip);
    let panel = screen(&app, 120, 40);
    assert!(panel.contains(&format!("Candidate: {nip} ")), "{panel}");
    // Esc: back on the shortlist, the cursor where it was.
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Shortlist);
    assert_eq!(shortlisted_nip(&app), nip);
    assert!(line_of(&screen(&app, 120, 40), &nip).starts_with("▶ D"));
    // `t` and `v` mark and compare.
    keys(&mut app, "g t t v");
    assert_eq!(app.view, View::Compare);
}

#[test]
fn the_compared_candidate_is_chosen_and_recommended() {
    let f = session_fixture();
    fresh_session(&f);
    let mut app = with_session(&f, Lang::Id);
    shortlist_of(&mut app, "ADM-01");
    keys(&mut app, "t t v");
    assert_eq!(app.view, View::Compare);
    let second = app.marked_candidates()[1].nip.to_string();
    keys(&mut app, "l");
    assert_eq!(app.selected_candidate().unwrap().0, second);
    keys(&mut app, "d");
    let form = app.sessions.form.as_ref().expect("the recommendation form");
    assert_eq!(form.text(FieldId::Position), "ADM-01");
    keys(&mut app, "esc enter");
    assert_eq!(app.view, View::Profile);
    assert_eq!(
        *app.profile.as_ref().unwrap().profile.candidate.nip,
        *second
    );
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Compare);
}

#[test]
fn esc_from_a_profile_goes_back_along_the_path() {
    let f = fixture();
    let mut app = app_on(&f, Lang::Id);
    keys(&mut app, "P enter j enter");
    assert_eq!(app.view, View::Profile);
    assert_eq!(
        crumbs(&app),
        ["Tabel", "Jabatan", "Calon", "Profil"],
        "the real path: Esc goes back along it"
    );
    let top = screen(&app, 120, 40);
    assert!(
        top.lines()
            .next()
            .unwrap()
            .contains("Tabel │ Jabatan │ Calon │▸Profil"),
        "{top}"
    );
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Shortlist);
    assert_eq!(
        app.shortlist.as_ref().unwrap().cursor.cursor,
        1,
        "its cursor"
    );
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Positions);
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Table);
    assert_eq!(crumbs(&app), ["Tabel", "Matriks 9 Kotak"]);
    // Through the grid: a box's list, a profile; back box by box.
    keys(&mut app, "tab enter enter");
    assert_eq!(app.view, View::Profile);
    assert_eq!(
        crumbs(&app),
        ["Tabel", "Matriks 9 Kotak", "Kotak 9", "Profil"]
    );
    keys(&mut app, "esc");
    assert_eq!((app.view, app.wanted.box_only), (View::Table, Some(9)));
    keys(&mut app, "esc");
    assert_eq!((app.view, app.wanted.box_only), (View::Grid, None));
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Table);
}

#[test]
fn the_session_panel_returns_where_it_was_opened() {
    let f = session_fixture();
    fresh_session(&f);
    let mut app = with_session(&f, Lang::En);
    keys(&mut app, ": text:kemas enter enter c");
    assert_eq!(app.view, View::Session);
    assert_eq!(crumbs(&app), ["Table", "Profile", "Session"]);
    keys(&mut app, "c");
    assert_eq!(app.view, View::Profile, "c again closes the panel");
    keys(&mut app, "c esc");
    assert_eq!(app.view, View::Profile);
}

/// The shortlist of BKD-ADM-01 in a session with a recusal (Kemas), two
/// recommendations (Kemas, Yusuf) and Siti discussed.
#[test]
fn shortlist_with_marks() {
    for lang in [Lang::Id, Lang::En] {
        let f = session_fixture();
        recorded_session(&f);
        let mut s = store(&f);
        ss::mark_discussed(&mut s, &actor(), 1, "197803152003122002").unwrap();
        let mut app = session_app(&f, lang);
        keys(&mut app, "c enter esc");
        shortlist_of(&mut app, "BKD-ADM-01");
        keys(&mut app, "j");
        for (w, h) in SIZES {
            let name = format!("shortlist_marks_{}_{w}x{h}", lang_code(lang));
            insta::assert_snapshot!(name, session_screen(&app, w, h));
        }
    }
}

/// Positions whose codes are longer than the column used to be, and titles
/// that the cut would make read the same.
fn long_positions(f: &Fixture) {
    let rec = |kode: &str, nama: &str, unit: &str| PositionRec {
        kode: kode.into(),
        nama: nama.into(),
        tingkat: Tingkat::Pengawas,
        unit: unit.into(),
        vacant: true,
        holder_nip: None,
        kategori: None,
    };
    let b = Batch {
        positions: vec![
            rec(
                "DKPANGAN-PGW-01",
                "Kepala Seksi Distribusi dan Cadangan Pangan",
                "Dinas Ketahanan Pangan",
            ),
            rec(
                "DKPANGAN-PGW-02",
                "Kepala Seksi Distribusi dan Cadangan Pangan",
                "UPTD Balai Benih Ketahanan Pangan",
            ),
            rec(
                "BAPPEDA-PGW-11",
                "Kepala Bidang Perencanaan dan Pengendalian Anggaran",
                "Bappeda",
            ),
            rec(
                "BAPPEDA-PGW-12",
                "Kepala Bidang Perencanaan dan Pengendalian Program",
                "Bappeda",
            ),
        ],
        ..Batch::default()
    };
    let mut s = store(f);
    let tx = s.write_tx().unwrap();
    talenta::store::write::write_batch(&tx, &b).unwrap();
    tx.commit().unwrap();
}

#[test]
fn positions_with_full_codes_and_titles_told_apart() {
    for lang in [Lang::Id, Lang::En] {
        let f = fixture();
        long_positions(&f);
        let mut app = app_on(&f, lang);
        keys(&mut app, "P");
        for (w, h) in SIZES {
            let s = screen(&app, w, h);
            for code in ["DKPANGAN-PGW-01", "DKPANGAN-PGW-02", "BAPPEDA-PGW-11"] {
                assert!(s.contains(&format!("{code} ")), "{code} whole at {w}:\n{s}");
            }
            let titles = title_cells(&s, lang);
            assert_eq!(titles.len(), 4, "{s}");
            for (i, a) in titles.iter().enumerate() {
                for b in &titles[i + 1..] {
                    assert_ne!(a, b, "rows read the same at {w}:\n{s}");
                }
            }
            let name = format!("positions_full_codes_{}_{w}x{h}", lang_code(lang));
            insta::assert_snapshot!(name, s);
        }
    }
}

#[test]
fn quick_jump_on_a_shortlist_stays_on_the_shortlist() {
    let f = session_fixture();
    let mut app = session_app(&f, Lang::En);
    shortlist_of(&mut app, "ADM-01");
    let rows = app.shortlist.as_ref().unwrap().rows.clone();
    assert!(rows.len() >= 2, "a shortlist to jump in");
    let last = &app.pool().unwrap().rows[rows[rows.len() - 1].0 as usize];
    let (nip, first_name) = (
        last.nip.to_string(),
        last.nama.split_whitespace().next().unwrap().to_string(),
    );
    // `:` and a name: the cursor goes to that shortlisted candidate; the
    // shortlist stays on screen with its path.
    keys(&mut app, ":");
    type_text(&mut app, &nip[..10]);
    assert_eq!(app.view, View::Shortlist, "the list does not change");
    assert_eq!(shortlisted_nip(&app), nip);
    keys(&mut app, "enter");
    assert_eq!(app.view, View::Shortlist);
    assert_eq!(shortlisted_nip(&app), nip);
    // Esc while jumping puts the cursor back where it was.
    keys(&mut app, "g :");
    type_text(&mut app, &first_name);
    keys(&mut app, "esc");
    assert_eq!(app.shortlist.as_ref().unwrap().cursor.cursor, 0);
    assert_eq!(app.view, View::Shortlist);
    // Esc then leaves the shortlist along its path, as before.
    keys(&mut app, "esc");
    assert_eq!(app.view, View::Positions);
}
