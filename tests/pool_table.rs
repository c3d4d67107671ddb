//! The denormalised `pool` table (schema V4) stays consistent with the record
//! tables: the fast loader gives exactly what a from-scratch computation over
//! the records gives, after a demo build, an import, a re-import, changed rows,
//! and the migration's backfill of an older database.

use chrono::NaiveDate;
use talenta::demo::{self, DemoSpec};
use talenta::domain::{Competency, Predikat, Rules};
use talenta::import::{import_paths, ImportOptions};
use talenta::store::load::{load_pool, load_pool_from_records, load_pool_in_parts};
use talenta::store::records::{Batch, CompetencyRec, PotentialRec, SkpRec, TrainingRec};
use talenta::store::{schema, write, Actor, OpenMode, Store};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
}

fn actor() -> Actor {
    Actor {
        name: "uji".into(),
        os_user: "uji".into(),
    }
}

/// The fast load (in one and in several threads) equals the recomputation.
fn assert_consistent(store: &Store) -> String {
    let rules = Rules::default();
    let slow = load_pool_from_records(&store.conn, as_of(), &rules).unwrap();
    let want = format!("{:?}", slow.rows);
    for parts in [None, Some(1), Some(3)] {
        let fast = load_pool_in_parts(&store.conn, as_of(), &rules, parts).unwrap();
        assert_eq!(fast.len(), slow.len());
        for (f, s) in fast.rows.iter().zip(&slow.rows) {
            assert_eq!(format!("{f:?}"), format!("{s:?}"), "parts {parts:?}");
        }
    }
    let pool_rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pool", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pool_rows, store.employee_count().unwrap());
    want
}

fn demo_db(dir: &tempfile::TempDir, name: &str, size: usize) -> Store {
    let mut s = Store::open(&dir.path().join(name), OpenMode::Create).unwrap();
    demo::build(&mut s, &DemoSpec::new(size, 7, as_of()), &actor(), false).unwrap();
    s
}

#[test]
fn demo_build_keeps_the_pool_table_current() {
    let d = tempfile::tempdir().unwrap();
    let s = demo_db(&d, "demo.db", 2_500);
    assert_consistent(&s);
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    assert!(pool
        .rows
        .iter()
        .any(|c| c.competency.iter().all(|&l| l > 0)));
    assert!(pool.rows.iter().any(|c| c.competency == [0; 9]));
    assert!(pool.rows.iter().any(|c| c.training.len() > 1));
    assert!(pool.rows.iter().any(|c| c.potensi_score.is_some()));
}

#[test]
fn import_reimport_and_changed_rows_keep_the_pool_table_current() {
    let d = tempfile::tempdir().unwrap();
    let csv = d.path().join("csv");
    demo::export_csv(&DemoSpec::new(1_200, 11, as_of()), &csv, false).unwrap();
    let mut s = Store::open(&d.path().join("imp.db"), OpenMode::Create).unwrap();
    let opts = ImportOptions::new(2026);
    import_paths(&mut s, std::slice::from_ref(&csv), &opts, &actor()).unwrap();
    let first = assert_consistent(&s);
    import_paths(&mut s, &[csv], &opts, &actor()).unwrap();
    assert_eq!(assert_consistent(&s), first, "a re-import changes nothing");

    // Change one employee's records through the upsert writer.
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    let c = &pool.rows[17];
    let nip = c.nip.to_string();
    let before = format!("{c:?}");
    let b = Batch {
        skp: vec![SkpRec {
            nip: nip.clone(),
            tahun: 2025,
            predikat: Predikat::SangatKurang,
        }],
        competencies: vec![CompetencyRec {
            nip: nip.clone(),
            competency: Competency::PerekatBangsa,
            level: 1,
            tanggal: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
        }],
        potentials: vec![PotentialRec {
            nip: nip.clone(),
            tanggal: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
            kategori: None,
            skor: Some(60.0),
            metode: None,
        }],
        trainings: vec![TrainingRec {
            nip: nip.clone(),
            tahun: 2019,
            nama: "Pelatihan Tambahan".into(),
            jp: 7,
        }],
        ..Batch::default()
    };
    let tx = s.write_tx().unwrap();
    write::write_batch(&tx, &b).unwrap();
    tx.commit().unwrap();
    assert_consistent(&s);
    let pool = load_pool(&s.conn, as_of(), &Rules::default()).unwrap();
    let c = pool.find_nip(&nip).unwrap();
    assert_ne!(format!("{c:?}"), before);
    assert_eq!(c.latest_predikat(), Some(Predikat::SangatKurang));
    assert_eq!(c.level(Competency::PerekatBangsa), Some(1));
    assert_eq!(c.potensi_score, Some(60.0));
    assert_eq!(c.training.first(), Some(&(2019, 7)));
}

#[test]
fn the_migration_backfills_an_older_database() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("old.db");
    let want = {
        let s = demo_db(&d, "old.db", 1_500);
        let want = assert_consistent(&s);
        // Make it a version-3 database: no pool table.
        s.conn
            .execute_batch("DROP TABLE pool; PRAGMA user_version = 3;")
            .unwrap();
        want
    };
    let s = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::latest_version());
    assert_eq!(assert_consistent(&s), want);
}

#[test]
fn employees_without_a_pool_row_are_computed_from_the_records() {
    let d = tempfile::tempdir().unwrap();
    let s = demo_db(&d, "gap.db", 600);
    let want = assert_consistent(&s);
    s.conn
        .execute("DELETE FROM pool WHERE employee_id % 7 = 3", [])
        .unwrap();
    let rules = Rules::default();
    for parts in [Some(1), Some(2)] {
        let fast = load_pool_in_parts(&s.conn, as_of(), &rules, parts).unwrap();
        assert_eq!(format!("{:?}", fast.rows), want);
    }
}

#[test]
fn an_empty_database_loads_an_empty_pool() {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&d.path().join("e.db"), OpenMode::Create).unwrap();
    assert!(load_pool(&s.conn, as_of(), &Rules::default())
        .unwrap()
        .is_empty());
}
