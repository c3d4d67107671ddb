//! The denormalised `pool` table (schema V4) stays consistent with the record
//! tables: the fast loader gives exactly what a from-scratch computation over
//! the records gives, after a demo build, an import, a re-import, changed rows,
//! and the migration's backfill of an older database.

use chrono::NaiveDate;
use talenta::demo::{self, DemoSpec};
use talenta::domain::{Competency, Predikat, Rules};
use talenta::import::{import_paths, ImportOptions};
use talenta::store::load::{load_pool, load_pool_from_records, load_pool_in_parts, Need};
use talenta::store::records::{Batch, CompetencyRec, PotentialRec, SkpRec, TrainingRec};
use talenta::store::{schema, write, Actor, OpenMode, Store};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
}

fn actor() -> Actor {
    Actor {
        name: "uji".into(),
        os_user: "uji".into(),
        key: None,
    }
}

/// The fast load (in one and in several threads) equals the recomputation.
fn assert_consistent(store: &Store) -> String {
    let rules = Rules::default();
    let slow = load_pool_from_records(&store.conn, as_of(), &rules).unwrap();
    let want = format!("{:?}", slow.rows);
    for parts in [None, Some(1), Some(3)] {
        let fast = load_pool_in_parts(&store.conn, as_of(), &rules, parts, Need::All).unwrap();
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
            nip: nip.clone().into(),
            tahun: 2025,
            predikat: Predikat::SangatKurang,
        }],
        competencies: vec![CompetencyRec {
            nip: nip.clone().into(),
            competency: Competency::PerekatBangsa,
            level: 1,
            tanggal: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
        }],
        potentials: vec![PotentialRec {
            nip: nip.clone().into(),
            tanggal: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
            kategori: None,
            skor: Some(60.0),
            metode: None,
        }],
        trainings: vec![TrainingRec {
            nip: nip.clone().into(),
            tahun: 2019,
            nama: "Pelatihan Tambahan".into(),
            urutan: 1,
            jp: 7,
            start: None,
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
        // A version-3 database has none of V5's tables (histories, penalties).
        s.conn
            .execute_batch(
                "DROP TABLE position_history; DROP TABLE penalty; DROP TABLE import_meta;",
            )
            .unwrap();
        let want = assert_consistent(&s);
        // Nor V11's snapshot stamp and triggers (the pool table's go first:
        // they name it).
        let triggers: Vec<String> = s
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(triggers.len() >= 30, "{triggers:?}");
        for t in triggers {
            s.conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
        }
        s.conn.execute_batch("DROP TABLE snapshot_state").unwrap();
        // And no pool table, nor V6's tables (calibrations, outcomes, the
        // established KRS, kategori), which the loader reads.
        s.conn
            .execute_batch(
                "DROP TABLE pool; DROP TABLE calibration; DROP TABLE outcome;
                 DROP TABLE krs_member; DROP TABLE krs_establishment;
                 DROP TABLE access_revocation; DROP TABLE access_grant;
                 DROP TABLE vote_close; DROP TABLE vote_ballot; DROP TABLE vote;
                 ALTER TABLE audit_log DROP COLUMN kunci;
                 ALTER TABLE committee_session DROP COLUMN tempat;
                 ALTER TABLE committee_session DROP COLUMN mulai;
                 ALTER TABLE session_member DROP COLUMN nip;
                 ALTER TABLE position DROP COLUMN kategori; PRAGMA user_version = 3;",
            )
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
        let fast = load_pool_in_parts(&s.conn, as_of(), &rules, parts, Need::All).unwrap();
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

/// Every row of the record tables and the pool table, in key order.
fn dump_tables(s: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for t in [
        "unit",
        "employee",
        "skp",
        "competency_assessment",
        "potential_assessment",
        "training",
        "position_history",
        "penalty",
        "position",
        "position_requirement",
        "pool",
    ] {
        let mut st = s.conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{t}|{}", cells.join("|")));
        }
    }
    out
}

/// Write batches with the importer's writer (preloaded keys, new records in
/// multi-row statements) or record by record (`write::write_batch`).
fn write_all(s: &mut Store, batches: &[Batch], preloaded: bool) -> Vec<write::WriteSummary> {
    let tx = s.write_tx().unwrap();
    let mut sums = Vec::new();
    let mut touched = Vec::new();
    if preloaded {
        let mut w = write::Writer::preloaded(&tx).unwrap();
        for b in batches {
            sums.push(w.write(b, &mut touched).unwrap());
        }
        w.finish(&mut touched).unwrap();
    } else {
        for b in batches {
            sums.push(write::write_batch(&tx, b).unwrap());
        }
    }
    tx.commit().unwrap();
    sums
}

/// Write `batches` with the importer's writer and record by record into two
/// new databases: the same summaries and tables. The importer's database
/// (in its folder) and summaries.
fn same_as_record_by_record(
    batches: &[Batch],
) -> (tempfile::TempDir, Store, Vec<write::WriteSummary>) {
    let dir = tempfile::tempdir().unwrap();
    let mut one = Store::open(&dir.path().join("one.db"), OpenMode::Create).unwrap();
    let mut all = Store::open(&dir.path().join("all.db"), OpenMode::Create).unwrap();
    let sums_one = write_all(&mut one, batches, false);
    let sums_all = write_all(&mut all, batches, true);
    assert_eq!(sums_one, sums_all);
    assert_eq!(dump_tables(&one), dump_tables(&all));
    (dir, all, sums_all)
}

#[test]
fn the_importers_writer_writes_what_record_by_record_writes() {
    let mut batches = Vec::new();
    demo::generate(&DemoSpec::new(600, 5, as_of()), |b| {
        batches.push(b);
        Ok(())
    })
    .unwrap();
    // Then: some records changed, some new, some as they are, in one batch.
    let first = &batches[0];
    let mut again = Batch::default();
    for (i, r) in first.skp.iter().enumerate().take(300) {
        let mut r = r.clone();
        if i % 3 == 0 {
            r.predikat = Predikat::SangatBaik;
        }
        again.skp.push(r);
    }
    for (i, r) in first.competencies.iter().enumerate().take(400) {
        let mut r = r.clone();
        if i % 4 == 0 {
            r.level = r.level % 5 + 1;
        }
        if i % 7 == 0 {
            r.tanggal = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        }
        again.competencies.push(r);
    }
    for (i, r) in first.potentials.iter().enumerate().take(100) {
        let mut r = r.clone();
        if i % 2 == 0 {
            r.skor = Some(55.5);
            r.tanggal = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        }
        again.potentials.push(r);
    }
    for (i, r) in first.trainings.iter().enumerate().take(300) {
        let mut r = r.clone();
        match i % 3 {
            0 => r.jp += 1,
            1 => r.nama.push_str(" Lanjutan"),
            _ => {}
        }
        again.trainings.push(r);
    }
    batches.push(again);

    let (_dir, all, sums_all) = same_as_record_by_record(&batches);
    let last = sums_all.last().unwrap();
    assert!(last.skp.updated > 0 && last.competencies.inserted > 0 && last.trainings.inserted > 0);
    assert_consistent(&all);
}

/// An employee with more records than the writer scans its own list for
/// (then it looks in the database), keys written twice with other values and
/// a date whose text does not order as the date (its pool row then comes
/// from the SQL): the same tables as record-by-record writes.
#[test]
fn an_employee_with_many_records_is_written_as_record_by_record() {
    let mut batches = Vec::new();
    demo::generate(&DemoSpec::new(100, 5, as_of()), |b| {
        batches.push(b);
        Ok(())
    })
    .unwrap();
    let nips: Vec<String> = batches[0]
        .employees
        .iter()
        .map(|e| e.nip.to_string())
        .collect();
    let (many, odd) = (&nips[0], &nips[1]);
    let day = |y: i32, d: u32| NaiveDate::from_yo_opt(y, d).unwrap();
    let mut more = Batch::default();
    for round in 0..2u8 {
        for i in 0..120u16 {
            more.skp.push(SkpRec {
                nip: many.clone().into(),
                tahun: 1900 + i,
                predikat: if round == 0 || i % 3 > 0 {
                    Predikat::Baik
                } else {
                    Predikat::SangatBaik
                },
            });
            more.trainings.push(TrainingRec {
                nip: many.clone().into(),
                tahun: 2000 + i % 7,
                nama: format!("Pelatihan {i}").into(),
                urutan: 1,
                jp: u32::from(i) + u32::from(round) * u32::from(i % 2),
                start: None,
            });
            more.potentials.push(PotentialRec {
                nip: many.clone().into(),
                tanggal: day(2010, u32::from(i) + 1),
                kategori: None,
                skor: Some(f64::from(i % 100) + f64::from(round)),
                metode: None,
            });
        }
        for (i, c) in Competency::ALL.into_iter().enumerate() {
            for d in 1..=12u32 {
                more.competencies.push(CompetencyRec {
                    nip: many.clone().into(),
                    competency: c,
                    level: ((i as u32 + d + u32::from(round)) % 5 + 1) as u8,
                    tanggal: day(2020, d),
                });
            }
        }
    }
    more.competencies.push(CompetencyRec {
        nip: odd.clone().into(),
        competency: Competency::Integritas,
        level: 5,
        tanggal: NaiveDate::from_ymd_opt(12000, 1, 1).unwrap(),
    });
    more.potentials.push(PotentialRec {
        nip: odd.clone().into(),
        tanggal: NaiveDate::from_ymd_opt(12000, 1, 1).unwrap(),
        kategori: None,
        skor: Some(99.0),
        metode: Some("x".into()),
    });
    batches.push(more);

    let (_dir, _, sums_all) = same_as_record_by_record(&batches);
    let last = sums_all.last().unwrap();
    assert!(last.skp.updated > 0 && last.skp.unchanged > 0);
    assert!(last.trainings.updated > 0 && last.competencies.updated > 0);
    assert!(last.potentials.updated > 0);
}
