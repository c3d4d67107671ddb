//! Issue 18: the pool snapshot beside the database (`talenta.db-snapshot`).
//! A load writes it; a later load reads it only while it is the database's
//! current state: after any write (talenta's import writer, calibrations, the
//! sqlite3 shell's UPDATE, INSERT and DELETE on any table the pool comes from)
//! the pool equals the pool computed from the records. A stale, cut, changed or
//! foreign file is rebuilt, never trusted; the file is owner-only like the
//! database; processes killed while writing it, and processes rebuilding it at
//! once, leave a whole file or none.

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;
use talenta::demo::{self, DemoSpec};
use talenta::domain::{Competency, Predikat, Rules};
use talenta::import::{import_paths, ImportOptions, ImportReport};
use talenta::store::load::{load_pool, load_pool_for, load_pool_from_records, Need};
use talenta::store::records::{Batch, CompetencyRec, SkpRec, TrainingRec};
use talenta::store::session::calibration::{calibrate, CalibrationInput};
use talenta::store::snapshot::{self, Unusable};
use talenta::store::{write, Actor, OpenMode, Store};

mod common_cli;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn actor() -> Actor {
    Actor {
        name: "uji".into(),
        os_user: "uji".into(),
        key: None,
    }
}

fn demo_db(dir: &Path, size: usize) -> PathBuf {
    let path = dir.join("pool.db");
    let mut s = Store::open(&path, OpenMode::Create).unwrap();
    demo::build(&mut s, &DemoSpec::new(size, 5, as_of()), &actor(), false).unwrap();
    path
}

/// Whether the snapshot file is current (what the next load would read).
fn state(s: &Store) -> Result<(), Unusable> {
    let file = snapshot::path_for(&s.path);
    snapshot::read(&s.conn, &file, &Rules::default(), Need::All)
        .unwrap()
        .map(|_| ())
}

/// The pool through the snapshot equals the pool computed from the records,
/// and the load leaves a current snapshot that a second load reads (with the
/// same result).
fn assert_agrees(s: &Store) {
    let rules = Rules::default();
    let want = format!(
        "{:?}",
        load_pool_from_records(&s.conn, as_of(), &rules)
            .unwrap()
            .rows
    );
    let first = load_pool(&s.conn, as_of(), &rules).unwrap();
    assert_eq!(
        format!("{:?}", first.rows),
        want,
        "the load after the writes"
    );
    assert_eq!(state(s), Ok(()), "the load left a current snapshot");
    let second = load_pool(&s.conn, as_of(), &rules).unwrap();
    assert_eq!(
        format!("{:?}", second.rows),
        want,
        "the load from the snapshot"
    );
    // The box column the load made while decoding (calibrations put on
    // after) is each candidate's box in effect.
    use talenta::domain::filter::ColumnId;
    let boxes = second
        .search
        .byte_column(ColumnId::Kotak, &second.rows)
        .unwrap();
    let each: Vec<u8> = second.rows.iter().map(|c| c.kotak.unwrap_or(0)).collect();
    assert_eq!(boxes, &each[..], "the box column");
}

#[test]
fn a_load_writes_an_owner_only_snapshot_the_next_load_reads() {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&demo_db(d.path(), 700), OpenMode::Existing).unwrap();
    let file = snapshot::path_for(&s.path);
    assert_eq!(file.file_name().unwrap(), "pool.db-snapshot");
    assert_eq!(state(&s), Err(Unusable::Missing));
    assert_agrees(&s);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&file), mode(&s.path));
    }
    // The snapshot keeps the rows' NIP order: the screens' default order
    // without a sort, the same as the sort gives.
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    let kept = pool.nip_order.clone().expect("the NIP order is kept");
    let mut plain = pool.clone();
    plain.nip_order = None;
    use talenta::app::sort::{order, Sort};
    assert_eq!(order(&pool, Sort::default()), kept.to_vec());
    assert_eq!(order(&plain, Sort::default()), kept.to_vec());
    assert!(kept
        .windows(2)
        .all(|w| pool.rows[w[0] as usize].nip < pool.rows[w[1] as usize].nip));
    // A count without names reads the same snapshot.
    let counted = load_pool_for(&s.conn, as_of(), &Rules::default(), Need::NoNames).unwrap();
    assert_eq!(counted.len(), 700);
    assert!(counted.rows.iter().all(|c| c.nip.is_empty()));
}

#[test]
fn a_write_by_another_program_makes_it_stale_and_the_load_sees_the_write() {
    let d = tempfile::tempdir().unwrap();
    let path = demo_db(d.path(), 600);
    let s = Store::open(&path, OpenMode::Existing).unwrap();
    assert_agrees(&s);
    // The sqlite3 shell: its own connection, no talenta code.
    let shell = Connection::open(&path).unwrap();
    let (id, nip): (i64, String) = shell
        .query_row(
            "SELECT id, nip FROM employee ORDER BY id LIMIT 1 OFFSET 41",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let edits = [
        format!("UPDATE employee SET nama = 'Nama Diubah Shell' WHERE id = {id}"),
        format!("UPDATE skp SET predikat = 'SK' WHERE employee_id = {id}"),
        format!("DELETE FROM training WHERE employee_id = {id}"),
        format!(
            "INSERT OR REPLACE INTO competency_assessment (employee_id, kompetensi, level, tanggal)
             VALUES ({id}, 'integritas', 1, '2026-11-01')"
        ),
        "UPDATE unit SET nama = nama || ' (baru)' WHERE id = 1".to_string(),
    ];
    for sql in &edits {
        shell.execute_batch(sql).unwrap();
        assert_eq!(state(&s), Err(Unusable::Stale), "{sql}");
        assert_agrees(&s);
    }
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    let c = pool.find_nip(&nip).unwrap();
    assert_eq!(c.nama.as_str(), "Nama Diubah Shell");
    assert!(c.skp.iter().all(|(_, p)| *p == Predikat::SangatKurang));
    assert!(c.training.is_empty());
    assert_eq!(c.level(Competency::Integritas), Some(1));
}

#[test]
fn cut_changed_foreign_and_garbage_files_are_rebuilt_never_trusted() {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&demo_db(d.path(), 500), OpenMode::Existing).unwrap();
    assert_agrees(&s);
    let file = snapshot::path_for(&s.path);
    let good = std::fs::read(&file).unwrap();

    let mut cut = good.clone();
    cut.truncate(good.len() - 37);
    let mut changed = good.clone();
    let mid = good.len() / 2;
    changed[mid] ^= 0x5a;
    let mut header = good.clone();
    header[20] ^= 1; // the stamp's counter
    let variants: [(&str, Vec<u8>); 5] = [
        ("cut", cut),
        ("changed", changed),
        ("header", header),
        ("garbage", b"not a snapshot at all".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in variants {
        std::fs::write(&file, &bytes).unwrap();
        assert!(state(&s).is_err(), "{what} was trusted");
        assert_agrees(&s);
        assert_eq!(std::fs::read(&file).unwrap().len(), good.len(), "{what}");
    }

    // A snapshot of another database with the same counter (a copy that went
    // its own way) differs in its token.
    let other_dir = tempfile::tempdir().unwrap();
    let other = Store::open(&demo_db(other_dir.path(), 500), OpenMode::Existing).unwrap();
    assert_agrees(&other);
    std::fs::copy(snapshot::path_for(&other.path), &file).unwrap();
    assert_eq!(state(&s), Err(Unusable::Stale));
    assert_agrees(&s);

    // Rules with other potential thresholds make it stale too (the loader
    // applies them to scores without a kategori).
    let rules = Rules {
        potensi_tinggi_min: 95.0,
        ..Rules::default()
    };
    let r = snapshot::read(&s.conn, &file, &rules, Need::All).unwrap();
    assert_eq!(r.err(), Some(Unusable::Stale));
}

/// A column of the snapshot changed on disk is not trusted by the count
/// over columns: the file is removed, the next load writes a sound one, and
/// the count is right all along.
#[test]
fn a_damaged_column_is_not_counted_over() {
    use talenta::domain::filter;
    use talenta::store::load::{count_from_snapshot, count_over_columns};
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&demo_db(d.path(), 500), OpenMode::Existing).unwrap();
    let rules = Rules::default();
    let pool = load_pool(&s.conn, as_of(), &rules).unwrap();
    let f = filter::parse("usia>40 kotak>=4").unwrap();
    let want = pool
        .rows
        .iter()
        .filter(|c| f.matches_with(c, as_of(), &rules))
        .count();
    assert!(want > 0);
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &f).unwrap(),
        Some(want)
    );
    let file = snapshot::path_for(&s.path);
    let mut bytes = std::fs::read(&file).unwrap();
    // The last column (the birth dates, two bytes each) ends the file.
    let at = bytes.len() - 100;
    bytes[at] ^= 0x11;
    std::fs::write(&file, &bytes).unwrap();
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &f).unwrap(),
        None
    );
    assert_eq!(
        count_from_snapshot(&s.conn, as_of(), &rules, Need::NoNames, &f).unwrap(),
        None
    );
    assert!(!file.exists(), "the damaged snapshot is removed");
    let cli = common_cli::ok(&s.path, &["query", "usia>40 kotak>=4", "--count"]);
    assert_eq!(cli.trim(), want.to_string());
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &f).unwrap(),
        Some(want)
    );

    // A header whose number of employees was changed (it has no CRC of its
    // own) is caught even by a filter that reads no column, and a payload
    // length at the end of the range is refused without a panic.
    let everyone = filter::parse("krs=tidak").unwrap();
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &everyone).unwrap(),
        Some(pool.rows.len())
    );
    let good = std::fs::read(&file).unwrap();
    let mut rows = good.clone();
    rows[48] ^= 1; // the number of employees (u64 at 48)
    std::fs::write(&file, &rows).unwrap();
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &everyone).unwrap(),
        None
    );
    let mut huge = good.clone();
    huge[56..64].copy_from_slice(&u64::MAX.to_le_bytes()); // the payload's length
    std::fs::write(&file, &huge).unwrap();
    assert_eq!(
        count_over_columns(&s.conn, as_of(), &rules, &everyone).unwrap(),
        None
    );
    assert!(state(&s).is_err());
}

/// Siti's box agreed in session 1 of `common_cli::committee_session`.
fn calibrate_siti(s: &mut Store, kotak: i64) {
    let input = CalibrationInput {
        nip: common_cli::SITI.into(),
        kotak,
        reason: "bukti penugasan".into(),
        votes: None,
    };
    calibrate(s, &actor(), &Rules::default(), 1, &input).unwrap();
}

/// Two of talenta's own writers: an import batch and a calibration.
#[test]
fn talentas_writers_make_it_stale_only_where_the_pool_changes() {
    let (d, db) = common_cli::committee_session("Snapshot");
    let mut s = Store::open(&db, OpenMode::Existing).unwrap();
    assert_agrees(&s);
    // A calibration changes the 9-box in effect, which is read at every load:
    // the snapshot stays current and the load shows it.
    calibrate_siti(&mut s, 8);
    assert_eq!(state(&s), Ok(()));
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    assert_eq!(pool.find_nip(common_cli::SITI).unwrap().kotak, Some(8));
    assert_agrees(&s);
    // An import batch changes the records: stale.
    let b = Batch {
        skp: vec![SkpRec {
            nip: common_cli::FAUZI.into(),
            tahun: 2026,
            predikat: Predikat::Kurang,
        }],
        ..Batch::default()
    };
    let tx = s.write_tx().unwrap();
    write::write_batch(&tx, &b).unwrap();
    tx.commit().unwrap();
    assert_eq!(state(&s), Err(Unusable::Stale));
    assert_agrees(&s);
    drop(d);
}

/// One write of the property test.
#[derive(Debug, Clone)]
enum Op {
    Skp(usize, u8),
    Training(usize, u16, u32),
    Competency(usize, u8),
    ShellSkp(usize, u8),
    ShellName(usize),
    ShellDeleteTraining(usize),
    ShellUnit,
    Calibrate(usize, u8),
    /// `talenta import` of a kinerja file (its writer drops the stale
    /// triggers while it writes and does their work itself).
    Import(usize, u8),
    Load,
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0usize..60;
    prop_oneof![
        (who.clone(), 0u8..5).prop_map(|(w, p)| Op::Skp(w, p)),
        (who.clone(), 2018u16..2027, 0u32..80).prop_map(|(w, y, j)| Op::Training(w, y, j)),
        (who.clone(), 1u8..6).prop_map(|(w, l)| Op::Competency(w, l)),
        (who.clone(), 0u8..5).prop_map(|(w, p)| Op::ShellSkp(w, p)),
        who.clone().prop_map(Op::ShellName),
        who.clone().prop_map(Op::ShellDeleteTraining),
        Just(Op::ShellUnit),
        (who.clone(), 1u8..10).prop_map(|(w, k)| Op::Calibrate(w, k)),
        (who, 0u8..5).prop_map(|(w, p)| Op::Import(w, p)),
        Just(Op::Load),
    ]
}

const PREDIKAT: [&str; 5] = ["SK", "K", "BP", "B", "SB"];

fn apply(s: &mut Store, nips: &[String], op: &Op) {
    let shell = || Connection::open(&s.path).unwrap();
    let nip = |w: &usize| nips[*w % nips.len()].clone();
    let batch = |b: Batch, s: &mut Store| {
        let tx = s.write_tx().unwrap();
        write::write_batch(&tx, &b).unwrap();
        tx.commit().unwrap();
    };
    match op {
        Op::Skp(w, p) => batch(
            Batch {
                skp: vec![SkpRec {
                    nip: nip(w).into(),
                    tahun: 2025,
                    predikat: Predikat::parse(PREDIKAT[*p as usize]).unwrap(),
                }],
                ..Batch::default()
            },
            s,
        ),
        Op::Training(w, y, jp) => batch(
            Batch {
                trainings: vec![TrainingRec {
                    nip: nip(w).into(),
                    tahun: *y,
                    nama: "Pelatihan Uji".into(),
                    urutan: 1,
                    jp: *jp,
                    start: None,
                }],
                ..Batch::default()
            },
            s,
        ),
        Op::Competency(w, l) => batch(
            Batch {
                competencies: vec![CompetencyRec {
                    nip: nip(w).into(),
                    competency: Competency::Komunikasi,
                    level: *l,
                    tanggal: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                }],
                ..Batch::default()
            },
            s,
        ),
        Op::ShellSkp(w, p) => {
            shell()
                .execute(
                    "UPDATE skp SET predikat = ?1 WHERE employee_id =
                       (SELECT id FROM employee WHERE nip = ?2)",
                    (PREDIKAT[*p as usize], nip(w)),
                )
                .unwrap();
        }
        Op::ShellName(w) => {
            shell()
                .execute(
                    "UPDATE employee SET nama = nama || ' X' WHERE nip = ?1",
                    [nip(w)],
                )
                .unwrap();
        }
        Op::ShellDeleteTraining(w) => {
            shell()
                .execute(
                    "DELETE FROM training WHERE employee_id = (SELECT id FROM employee WHERE nip = ?1)",
                    [nip(w)],
                )
                .unwrap();
        }
        Op::ShellUnit => {
            shell()
                .execute(
                    "UPDATE unit SET instansi = coalesce(instansi, '') || '.'",
                    [],
                )
                .unwrap();
        }
        Op::Calibrate(w, k) => {
            let input = CalibrationInput {
                nip: nip(w),
                kotak: i64::from(*k),
                reason: "kalibrasi uji".into(),
                votes: None,
            };
            // A calibration of a recused member's candidate or a repeated box
            // may be refused; what is written is what counts.
            let _ = calibrate(s, &actor(), &Rules::default(), 1, &input);
        }
        Op::Import(w, p) => {
            import_kinerja(s, &[(nip(w), 2025, PREDIKAT[*p as usize])]);
        }
        Op::Load => {
            load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
        }
    }
}

/// Import a kinerja file of these rows (NIP, tahun, predikat) with the
/// importer; it must be written.
fn import_kinerja(s: &mut Store, rows: &[(String, u16, &str)]) -> ImportReport {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("kinerja.csv");
    let mut text = String::from("nip,tahun,predikat\n");
    for (nip, tahun, predikat) in rows {
        text.push_str(&format!("{nip},{tahun},{predikat}\n"));
    }
    std::fs::write(&file, text).unwrap();
    import_paths(s, &[file], &ImportOptions::new(2026), &actor()).unwrap()
}

/// The triggers of the database, by name, with their SQL.
fn triggers(s: &Store) -> Vec<(String, String)> {
    let mut st = s
        .conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The importer drops the stale triggers inside its transaction while it
/// writes (issue 18: they fired once per row): after it, every trigger is
/// back as built, a snapshot taken before is stale when the import changed
/// a record and current when it changed none, and the pool equals the
/// records; a refused import leaves everything as it was.
#[test]
fn an_import_does_the_stale_triggers_work_and_restores_them() {
    use talenta::store::audit::{self, Verdict};
    let (d, db) = base();
    let mut s = Store::open(&db, OpenMode::Existing).unwrap();
    let built = triggers(&s);
    assert!(built.iter().any(|(n, _)| n == "pool_stale_skp_insert"));
    assert_agrees(&s);
    let fauzi = common_cli::FAUZI.to_string();
    let siti = common_cli::SITI.to_string();
    let rows = [(fauzi.clone(), 2026, "K"), (siti, 2019, "SB")];
    let report = import_kinerja(&mut s, &rows);
    assert!(report.written, "{:?}", report.problems);
    assert_eq!(triggers(&s), built);
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { .. }
    ));
    assert_eq!(state(&s), Err(Unusable::Stale));
    assert_agrees(&s);
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    let c = pool.find_nip(common_cli::FAUZI).unwrap();
    assert!(c.skp.contains(&(2026, Predikat::Kurang)), "{:?}", c.skp);
    // The same file again changes nothing: the snapshot stays current.
    let again = import_kinerja(&mut s, &rows);
    assert_eq!(again.summary.skp.unchanged, 2);
    assert_eq!(state(&s), Ok(()));
    assert_eq!(triggers(&s), built);
    // A refused import (an unknown NIP) writes nothing and keeps them.
    let refused = import_kinerja(
        &mut s,
        &[(fauzi, 2027, "B"), ("199001012020121999".into(), 2025, "B")],
    );
    assert!(!refused.written);
    assert_eq!(triggers(&s), built);
    assert_eq!(state(&s), Ok(()));
    drop(d);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// After any sequence of writes, the pool through the snapshot equals the
    /// pool computed from the records.
    #[test]
    fn the_snapshot_pool_equals_the_records_pool_after_any_writes(
        ops in proptest::collection::vec(op(), 1..12)
    ) {
        let (d, db) = base();
        let mut s = Store::open(&db, OpenMode::Existing).unwrap();
        let nips: Vec<String> = {
            let mut st = s.conn.prepare("SELECT nip FROM employee ORDER BY id").unwrap();
            st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
        };
        load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
        for op in &ops {
            apply(&mut s, &nips, op);
            let rules = Rules::default();
            let want = format!("{:?}", load_pool_from_records(&s.conn, as_of(), &rules).unwrap().rows);
            let got = format!("{:?}", load_pool(&s.conn, as_of(), &rules).unwrap().rows);
            prop_assert_eq!(got, want, "after {:?}", op);
        }
        drop(d);
    }
}

/// A copy of one committee-session database per case (built once).
fn base() -> (tempfile::TempDir, PathBuf) {
    use std::sync::OnceLock;
    static BASE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, src) = BASE.get_or_init(|| common_cli::committee_session("Dasar"));
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    std::fs::copy(src, &db).unwrap();
    (d, db)
}

fn count(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_talenta"));
    c.arg("--db")
        .arg(db)
        .args(["--as-of", "2026-11-22", "query", "kotak>=7", "--count"])
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .env("LANG", "en_US.UTF-8");
    c
}

/// The count of `kotak>=7` computed from the records.
fn want_count(db: &Path) -> String {
    let s = Store::open(db, OpenMode::Existing).unwrap();
    let pool = load_pool_from_records(&s.conn, as_of(), &Rules::default()).unwrap();
    let n = pool
        .rows
        .iter()
        .filter(|c| c.kotak.is_some_and(|k| k >= 7))
        .count();
    format!("{n}\n")
}

#[test]
fn processes_rebuilding_at_once_leave_one_whole_snapshot() {
    let d = tempfile::tempdir().unwrap();
    let db = demo_db(d.path(), 6_000);
    let want = want_count(&db);
    for round in 0..3 {
        // Stale for every process of the round.
        Connection::open(&db)
            .unwrap()
            .execute_batch("UPDATE employee SET nama = nama WHERE id = 1")
            .unwrap();
        let children: Vec<_> = (0..4)
            .map(|_| {
                count(&db)
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for ch in children {
            let o = ch.wait_with_output().unwrap();
            assert!(o.status.success(), "round {round}");
            assert_eq!(String::from_utf8_lossy(&o.stdout), want, "round {round}");
        }
        let s = Store::open(&db, OpenMode::Existing).unwrap();
        // Whole, and current unless two builders' arming crossed (then stale,
        // and the next load rebuilds it).
        assert!(
            !matches!(state(&s), Err(Unusable::Damaged(_))),
            "round {round}"
        );
        assert_agrees(&s);
    }
    // No temporary file is left behind by the writers that finished.
    let left: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".pool.db-snapshot"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_process_killed_while_building_leaves_the_old_snapshot_or_none() {
    let d = tempfile::tempdir().unwrap();
    let db = demo_db(d.path(), 20_000);
    let want = want_count(&db);
    for (i, wait_ms) in [5u64, 20, 40, 60, 90, 130, 180, 250].iter().enumerate() {
        Connection::open(&db)
            .unwrap()
            .execute_batch("UPDATE employee SET nama = nama WHERE id = 2")
            .unwrap();
        let mut ch = count(&db)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(*wait_ms));
        let _ = ch.kill();
        let _ = ch.wait();
        {
            let s = Store::open(&db, OpenMode::Existing).unwrap();
            assert!(
                !matches!(state(&s), Err(Unusable::Damaged(_))),
                "kill {i} after {wait_ms} ms left a damaged snapshot"
            );
        }
        let o = count(&db).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout), want, "kill {i}");
    }
}

/// `query F --count` reads a current snapshot without building the pool:
/// each employee as the pool has it (the 9-box with the rules in force, the
/// latest calibration, the KRS flag), so every count equals the count over the
/// pool computed from the records, through the library and the binary.
#[test]
fn a_count_from_the_snapshot_equals_the_count_over_the_pool() {
    use talenta::domain::filter;
    use talenta::store::load::{count_from_snapshot, count_over_columns};
    let (d, db) = common_cli::committee_session("Hitung");
    let mut s = Store::open(&db, OpenMode::Existing).unwrap();
    calibrate_siti(&mut s, 9);
    let rules = Rules::default();
    let records = load_pool_from_records(&s.conn, as_of(), &rules).unwrap();
    // No snapshot yet: the caller loads the pool (which writes one).
    let everyone = filter::parse("").unwrap();
    let none = count_from_snapshot(&s.conn, as_of(), &rules, Need::All, &everyone).unwrap();
    assert_eq!(none, None);
    load_pool(&s.conn, as_of(), &rules).unwrap();
    for text in [
        "kotak>=7",
        "kotak=9",
        "kalibrasi=ya",
        "kotak_hitung=5",
        "unit~dinas",
        "fauzi",
        "usia>45 golongan>=III/c",
        "pensiun<10thn",
        "pengalaman.pengawas>=2",
        "kinerja=SB or potensi=tinggi",
        "not jk=P",
        "kalibrasi=tidak kotak<9",
        "krs=tidak",
        "kinerja.2th>=B tingkat>=pengawas",
        "kinerja.2025=none or integritas=none",
        "tanggal_lahir<1980 pendidikan>=S1 status=pns",
        "instansi=none or jabatan~kepala",
    ] {
        let f = filter::parse(text).unwrap();
        let want = records
            .rows
            .iter()
            .filter(|c| f.matches_with(c, as_of(), &rules))
            .count();
        let need = if f.reads_names() {
            Need::All
        } else {
            Need::NoNames
        };
        let got = count_from_snapshot(&s.conn, as_of(), &rules, need, &f).unwrap();
        assert_eq!(got, Some(want), "{text}");
        // Decided over the snapshot's columns unless the filter reads names,
        // careers or retirement (then each employee is decoded).
        let columns = count_over_columns(&s.conn, as_of(), &rules, &f).unwrap();
        let columnar = !["fauzi", "pensiun", "pengalaman"]
            .iter()
            .any(|w| text.contains(w));
        assert_eq!(columns, columnar.then_some(want), "{text} over columns");
        let cli = common_cli::ok(&db, &["query", text, "--count"]);
        assert_eq!(
            cli.trim(),
            want.to_string(),
            "{text} (talenta query --count)"
        );
    }
    assert!(records
        .rows
        .iter()
        .any(|c| c.kotak == Some(9) && c.calibration.is_some()));
    drop(d);
}

/// A trigger of the snapshot dropped (so that a write would slip past it) is
/// reported by `audit verify`, as every trigger of the schema is.
#[test]
fn a_dropped_snapshot_trigger_is_reported_by_audit_verify() {
    use talenta::store::audit::{self, Problem, Verdict};
    let d = tempfile::tempdir().unwrap();
    let path = demo_db(d.path(), 100);
    let s = Store::open(&path, OpenMode::Existing).unwrap();
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { .. }
    ));
    Connection::open(&path)
        .unwrap()
        .execute_batch("DROP TRIGGER snapshot_stale_skp_update")
        .unwrap();
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Broken {
            problem: Problem::TriggersMissing,
            ..
        }
    ));
}

/// A load that finds the stamp armed (another load is building) builds on it
/// without a commit: screens watching the database (`PRAGMA data_version`)
/// reload on every commit, and loads arming in turn would make two screens
/// reload each other without end.
#[test]
fn a_load_on_an_armed_stamp_commits_nothing() {
    let d = tempfile::tempdir().unwrap();
    let path = demo_db(d.path(), 300);
    let builder = Store::open(&path, OpenMode::Existing).unwrap();
    let watcher = Store::open(&path, OpenMode::Existing).unwrap();
    let version = |s: &Store| -> i64 {
        s.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    };
    // Another load armed the stamp and has not written its snapshot yet.
    snapshot::arm(&builder.conn).unwrap();
    let seen = version(&watcher);
    let other = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(state(&other), Err(Unusable::Missing));
    assert_agrees(&other);
    assert_eq!(version(&watcher), seen, "the load committed something");
    // A write disarms it: the next load arms (one commit) and builds.
    Connection::open(&path)
        .unwrap()
        .execute_batch("UPDATE employee SET nama = nama WHERE id = 3")
        .unwrap();
    let seen = version(&watcher);
    assert_agrees(&other);
    assert_ne!(version(&watcher), seen);
    let seen = version(&watcher);
    assert_agrees(&other);
    assert_eq!(
        version(&watcher),
        seen,
        "a current snapshot is read without a commit"
    );
}
