//! The demo talent pool: reproducibility, consistency of every record, realism
//! of the spreads, the database build and the CSV export.

use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use talenta::demo::{self, DemoSpec, DemoSummary};
use talenta::domain::{dates, nip, Golongan, Pendidikan, Rules, Sex, Status, Tingkat};
use talenta::store::records::Batch;
use talenta::store::{audit, load, Actor, OpenMode, Store};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
}

fn spec(size: usize, seed: u64) -> DemoSpec {
    DemoSpec::new(size, seed, as_of())
}

fn batches(s: &DemoSpec) -> Vec<Batch> {
    let mut v = Vec::new();
    demo::generate(s, |b| {
        v.push(b);
        Ok(())
    })
    .unwrap();
    v
}

fn merged(s: &DemoSpec) -> Batch {
    let mut all = Batch::default();
    for b in batches(s) {
        all.append(b);
    }
    all
}

/// The default-size pool, generated once for the tests that only read it.
fn pool() -> &'static Batch {
    static POOL: OnceLock<Batch> = OnceLock::new();
    POOL.get_or_init(|| merged(&spec(5_000, 1)))
}

fn actor() -> Actor {
    Actor {
        name: "sekretaris".into(),
        os_user: "bkd".into(),
        key: None,
    }
}

fn new_store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(name), OpenMode::Create).unwrap()
}

#[test]
fn same_seed_same_batches_other_seed_other_pool() {
    let a = batches(&spec(1_500, 42));
    let b = batches(&spec(1_500, 42));
    assert_eq!(a, b);
    let c = batches(&spec(1_500, 43));
    assert_ne!(a, c);
    let nips = |v: &[Batch]| -> HashSet<String> {
        v.iter()
            .flat_map(|b| b.employees.iter().map(|e| e.nip.to_string()))
            .collect()
    };
    assert!(nips(&a).intersection(&nips(&c)).count() < 50);
}

#[test]
fn size_is_exact_and_chunks_are_bounded() {
    for n in [100, 101, 777, 4_321] {
        let all = merged(&spec(n, 5));
        assert_eq!(all.employees.len(), n, "size {n}");
    }
    let v = batches(&spec(23_456, 9));
    assert_eq!(v.len(), 3);
    assert!(v.iter().all(|b| b.employees.len() <= demo::CHUNK));
    assert_eq!(v.iter().map(|b| b.employees.len()).sum::<usize>(), 23_456);
    let (last, rest) = v.split_last().unwrap();
    assert!(rest
        .iter()
        .all(|b| b.positions.is_empty() && b.requirements.is_empty()));
    assert!(!last.positions.is_empty());
    // Records of a batch belong to that batch's employees.
    for b in &v {
        let own: HashSet<&str> = b.employees.iter().map(|e| e.nip.as_str()).collect();
        assert!(b.skp.iter().all(|r| own.contains(r.nip.as_str())));
        assert!(b.trainings.iter().all(|r| own.contains(r.nip.as_str())));
        assert!(b.competencies.iter().all(|r| own.contains(r.nip.as_str())));
        assert!(b.potentials.iter().all(|r| own.contains(r.nip.as_str())));
    }
}

#[test]
fn sizes_outside_the_range_are_refused() {
    assert!(demo::validate_size(99).is_err());
    assert!(demo::validate_size(100).is_ok());
    assert!(demo::validate_size(5_000_000).is_ok());
    assert!(demo::validate_size(5_000_001).is_err());
    assert!(demo::generate(&spec(50, 1), |_| Ok(())).is_err());
    let d = tempfile::tempdir().unwrap();
    assert!(demo::export_csv(&spec(6_000_000, 1), d.path(), false).is_err());
}

#[test]
fn nips_are_valid_unique_and_match_the_record() {
    let mut seen = HashSet::new();
    let mut sequences = HashSet::new();
    for e in &pool().employees {
        let p = nip::parse(&e.nip).unwrap_or_else(|err| panic!("{}: {err:?}", e.nip));
        assert!(seen.insert(e.nip.clone()), "duplicate NIP {}", e.nip);
        assert_eq!(p.birth, e.birth, "{}", e.nip);
        let digit = if e.sex == Sex::L { 1 } else { 2 };
        assert_eq!(p.sex_digit, digit, "{}", e.nip);
        match e.status {
            Status::Pns => assert!((1..=12).contains(&p.cpns_month), "{}", e.nip),
            Status::Pppk => {
                assert_eq!(p.cpns_month, 21, "NI PPPK form {}", e.nip);
                assert!(p.cpns_year >= 2019, "{}", e.nip);
            }
        }
        assert!(p.cpns_year <= as_of().year(), "{}", e.nip);
        assert!((1..=999).contains(&p.sequence));
        sequences.insert(p.sequence);
        // Started work as an adult.
        assert!(
            dates::whole_years(
                e.birth,
                NaiveDate::from_ymd_opt(p.cpns_year, 12, 31).unwrap()
            ) >= 17
        );
    }
    assert!(sequences.len() > 5, "sequence numbers vary");
}

#[test]
fn careers_are_consistent() {
    let rules = Rules::default();
    let entry = |p: Pendidikan| match p {
        Pendidikan::Sd => "I/a",
        Pendidikan::Smp => "I/c",
        Pendidikan::Sma | Pendidikan::D1 => "II/a",
        Pendidikan::D2 => "II/b",
        Pendidikan::D3 => "II/c",
        Pendidikan::D4 | Pendidikan::S1 => "III/a",
        Pendidikan::S2 => "III/b",
        Pendidikan::S3 => "III/c",
    };
    let g = |s: &str| Golongan::parse(s).unwrap();
    for e in &pool().employees {
        let age = dates::whole_years(e.birth, as_of());
        assert!((20..=59).contains(&age), "{} aged {age}", e.nip);
        assert!(
            age < rules.bup_age(e.tingkat, &e.jabatan),
            "{} past BUP",
            e.nip
        );
        let start = nip::parse(&e.nip).unwrap();
        match (e.status, e.golongan) {
            (Status::Pns, Golongan::Pns { .. }) => {
                assert!(
                    e.golongan >= g(entry(e.pendidikan)),
                    "{} {} {}",
                    e.nip,
                    e.golongan,
                    e.pendidikan
                );
                let min = match e.tingkat {
                    Tingkat::JptMadya => Some("IV/d"),
                    Tingkat::JptPratama => Some("IV/c"),
                    Tingkat::Administrator => Some("III/d"),
                    Tingkat::Pengawas => Some("III/b"),
                    _ => None,
                };
                if let Some(m) = min {
                    assert!(
                        e.golongan >= g(m),
                        "{} {:?} {}",
                        e.nip,
                        e.tingkat,
                        e.golongan
                    );
                }
                if e.tingkat == Tingkat::Fungsional && e.jabatan.contains(" Ahli ") {
                    assert!(e.golongan >= g("III/a"), "{} {}", e.jabatan, e.golongan);
                }
            }
            (Status::Pppk, Golongan::Pppk(n)) => {
                assert!((1..=17).contains(&n));
                assert!(
                    matches!(e.tingkat, Tingkat::Fungsional | Tingkat::Pelaksana),
                    "PPPK hold no structural post: {}",
                    e.nip
                );
                if e.pendidikan == Pendidikan::S1 {
                    assert!(n == 9 || n == 10, "{} S1 PPPK {n}", e.nip);
                }
            }
            (s, gol) => panic!("{}: status {s:?} with golongan {gol}", e.nip),
        }
        if e.tingkat == Tingkat::Fungsional {
            assert!(
                ["Pertama", "Muda", "Madya", "Utama", "Pemula", "Terampil", "Mahir", "Penyelia"]
                    .iter()
                    .any(|j| e.jabatan.ends_with(j)),
                "jenjang in the title: {}",
                e.jabatan
            );
        }
        if let Some(t) = e.tmt_jabatan {
            let start_date = NaiveDate::from_ymd_opt(
                start.cpns_year,
                if start.cpns_month == 21 {
                    1
                } else {
                    start.cpns_month
                },
                1,
            )
            .unwrap();
            assert!(t >= start_date && t <= as_of(), "{} tmt {t}", e.nip);
        }
        assert_eq!(
            e.instansi.as_deref(),
            Some("Pemerintah Provinsi Sumatera Selatan")
        );
    }
    let pppk = pool()
        .employees
        .iter()
        .filter(|e| e.status == Status::Pppk)
        .count() as f64
        / pool().employees.len() as f64;
    assert!((0.13..=0.22).contains(&pppk), "PPPK share {pppk}");
    let tiers: HashSet<Tingkat> = pool().employees.iter().map(|e| e.tingkat).collect();
    for t in [
        Tingkat::JptPratama,
        Tingkat::Administrator,
        Tingkat::Pengawas,
        Tingkat::Pelaksana,
        Tingkat::Fungsional,
    ] {
        assert!(tiers.contains(&t), "{t:?}");
    }
}

#[test]
fn histories_end_at_the_current_post_and_penalties_are_few() {
    use talenta::domain::career::PenaltyLevel;
    let p = pool();
    let tmt: HashMap<&str, (Option<NaiveDate>, Tingkat)> = p
        .employees
        .iter()
        .map(|e| (e.nip.as_str(), (e.tmt_jabatan, e.tingkat)))
        .collect();
    let mut by_nip: HashMap<&str, Vec<_>> = HashMap::new();
    for h in &p.histories {
        by_nip.entry(h.nip.as_str()).or_default().push(h);
    }
    assert!(by_nip.len() > p.employees.len() / 2, "most have a history");
    for (nip, mut spans) in by_nip {
        spans.sort_by_key(|h| h.start);
        let (current_tmt, tingkat) = tmt[nip];
        let last = spans.last().unwrap();
        assert_eq!(
            Some(last.start),
            current_tmt,
            "{nip}: the current post's TMT"
        );
        assert_eq!((last.end, last.tingkat), (None, tingkat), "{nip}");
        for w in spans.windows(2) {
            assert_eq!(
                w[0].end,
                w[1].start.pred_opt(),
                "{nip}: contiguous, no overlap"
            );
            assert!(w[0].start <= w[0].end.unwrap(), "{nip}");
            let rank = |t: Tingkat| match t {
                Tingkat::Pelaksana | Tingkat::Fungsional => 0,
                Tingkat::Pengawas => 1,
                Tingkat::Administrator => 2,
                _ => 3,
            };
            assert!(
                rank(w[0].tingkat) <= rank(w[1].tingkat),
                "{nip}: earlier posts lower"
            );
        }
    }
    let n = p.penalties.len();
    assert!(n > 20 && n < p.employees.len() / 20, "{n} penalties");
    let count = |l| p.penalties.iter().filter(|x| x.level == l).count();
    assert!(count(PenaltyLevel::Ringan) > count(PenaltyLevel::Sedang));
    assert!(count(PenaltyLevel::Sedang) + count(PenaltyLevel::Berat) > 0);
    assert!(
        p.penalties
            .iter()
            .any(|x| x.end.is_some_and(|e| e < as_of())),
        "some expired"
    );
    assert!(p
        .penalties
        .iter()
        .all(|x| x.end.is_none_or(|e| e >= x.start)));
}

#[test]
fn records_fall_in_their_windows() {
    let p = pool();
    let y = as_of().year() as u16;
    assert!(p.skp.iter().all(|r| (y - 4..y).contains(&r.tahun)));
    let three_years = as_of() - chrono::Days::new(3 * 366);
    let mut latest: HashMap<&str, NaiveDate> = HashMap::new();
    for c in &p.competencies {
        assert!((1..=5).contains(&c.level));
        assert!(c.tanggal < as_of());
        let l = latest.entry(c.nip.as_str()).or_insert(c.tanggal);
        *l = (*l).max(c.tanggal);
    }
    assert!(
        latest.values().all(|d| *d >= three_years),
        "the counting assessment is recent"
    );
    let assessed = latest.len() as f64 / p.employees.len() as f64;
    assert!(
        (0.7..0.95).contains(&assessed),
        "competency assessed: {assessed}"
    );
    let twice = p.competencies.len() as f64 / latest.len() as f64 / 9.0;
    assert!(twice > 1.05, "some assessed twice");
    for r in &p.potentials {
        assert!(r.kategori.is_some() || r.skor.is_some());
        if let Some(s) = r.skor {
            assert!((55.0..=99.0).contains(&s));
        }
    }
    // Training: several per person per year, about half reaching 20 JP.
    let mut jp: HashMap<(&str, u16), u32> = HashMap::new();
    for t in &p.trainings {
        assert!(t.tahun < y && t.tahun >= y - 4);
        *jp.entry((t.nip.as_str(), t.tahun)).or_default() += t.jp;
    }
    let reach = jp.values().filter(|v| **v >= 20).count() as f64 / jp.len() as f64;
    assert!(
        (0.4..0.65).contains(&reach),
        "share reaching 20 JP: {reach}"
    );
    let per_year = p.trainings.len() as f64 / jp.len() as f64;
    assert!(per_year >= 1.5, "{per_year} courses a year");
    // SKP spread.
    let last: Vec<_> = p.skp.iter().filter(|r| r.tahun == y - 1).collect();
    let share = |code: &str| {
        last.iter().filter(|r| r.predikat.code() == code).count() as f64 / last.len() as f64
    };
    assert!(share("B") > 0.7 && share("SB") > 0.06 && share("SB") < 0.2);
    assert!(share("BP") > 0.02 && share("K") + share("SK") < 0.04);
}

#[test]
fn names_look_like_personnel_files() {
    let names: Vec<&str> = pool().employees.iter().map(|e| e.nama.as_str()).collect();
    let count = |f: &dyn Fn(&str) -> bool| names.iter().filter(|n| f(n)).count();
    assert!(count(&|n| n.contains(", ")) > 2_500, "titles after commas");
    assert!(
        count(&|n| n.contains(", S.") && n.contains(", M.")) > 200,
        "S1 and S2 titles"
    );
    let prefixes = [
        "Kemas ",
        "Kiagus ",
        "Masagus ",
        "Raden ",
        "Nyimas ",
        "Raden Ayu ",
    ];
    let pal = count(&|n| prefixes.iter().any(|p| n.contains(p)));
    assert!((50..=400).contains(&pal), "Palembang prefixes: {pal}");
    assert!(count(&|n| n.starts_with("H. ") || n.starts_with("Hj. ")) > 100);
    assert!(count(&|n| n.starts_with("dr. ")) > 5);
    assert!(count(&|n| n.starts_with("Dr. ")) > 3);
    let distinct: HashSet<&&str> = names.iter().collect();
    assert!(
        distinct.len() > 4_800,
        "names rarely repeat: {}",
        distinct.len()
    );
}

#[test]
fn positions_have_codes_holders_vacancies_and_requirements() {
    let p = pool();
    let by_nip: HashMap<&str, _> = p.employees.iter().map(|e| (e.nip.as_str(), e)).collect();
    let mut codes = HashSet::new();
    for pos in &p.positions {
        assert!(codes.insert(pos.kode.as_str()), "duplicate {}", pos.kode);
        assert!(matches!(
            pos.tingkat,
            Tingkat::JptMadya | Tingkat::JptPratama | Tingkat::Administrator | Tingkat::Pengawas
        ));
        match (&pos.holder_nip, pos.vacant) {
            (None, true) => {}
            (Some(n), false) => {
                let e = by_nip[n.as_str()];
                assert_eq!(e.jabatan, pos.nama);
                assert_eq!(e.unit, pos.unit);
                assert_eq!(e.tingkat, pos.tingkat);
            }
            other => panic!("{}: {other:?}", pos.kode),
        }
    }
    let vacant = p.positions.iter().filter(|x| x.vacant).count() as f64 / p.positions.len() as f64;
    assert!((0.04..0.18).contains(&vacant), "vacancies {vacant}");
    assert!(codes.contains("DISDIK-JPT-01"));
    let mut reqs: HashMap<&str, usize> = HashMap::new();
    for r in &p.requirements {
        *reqs.entry(r.kode.as_str()).or_default() += 1;
        let pos = p.positions.iter().find(|x| x.kode == r.kode).unwrap();
        let want = match pos.tingkat {
            Tingkat::JptMadya => 5,
            Tingkat::JptPratama => 4,
            _ => 3,
        };
        assert_eq!(r.level, want, "{}", r.kode);
    }
    assert_eq!(reqs.len(), p.positions.len());
    assert!(reqs.values().all(|n| *n == 9));
}

fn check_boxes(s: &DemoSummary) {
    let b = s.boxes;
    for (i, n) in b.iter().enumerate() {
        assert!(*n > 0, "box {} empty: {b:?}", i + 1);
    }
    assert!(b.iter().all(|n| *n <= b[4]), "box 5 is the largest: {b:?}");
    let boxed: u64 = b.iter().sum();
    let pool = (b[6] + b[7] + b[8]) as f64 / boxed as f64;
    assert!((0.08..=0.25).contains(&pool), "7-9 share {pool}: {b:?}");
    assert!(b[0] < b[4] / 5 && b[8] < b[4] / 5, "1 and 9 small: {b:?}");
    let missing = s.no_box as f64 / s.size as f64;
    assert!(
        missing > 0.01 && missing < 0.2,
        "some without a box: {missing}"
    );
}

#[test]
fn build_writes_the_pool_with_one_audit_entry() {
    let d = tempfile::tempdir().unwrap();
    let mut store = new_store(&d, "demo.db");
    let s = spec(5_000, 1);
    let summary = demo::build(&mut store, &s, &actor(), false).unwrap();
    check_boxes(&summary);
    assert_eq!(store.employee_count().unwrap(), 5_000);
    let log = audit::log(&store.conn, None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].action.as_str(), log[0].entity.as_str()),
        ("demo", "pool")
    );
    let after: serde_json::Value = serde_json::from_str(log[0].after.as_deref().unwrap()).unwrap();
    assert_eq!(after["size"], 5_000);
    assert_eq!(after["seed"], 1);
    assert_eq!(after["as_of"], "2026-05-01");
    assert_eq!(after["counts"]["employees"], 5_000);
    assert_eq!(after["counts"]["positions"], summary.counts.positions);
    assert!(matches!(
        audit::verify(&store.conn, None).unwrap(),
        audit::Verdict::Intact { entries: 1, .. }
    ));

    // The connection is left as the store opened it.
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let orphans: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0, "every record refers to an existing row");

    // The 9-box the application computes from the database matches the summary.
    let loaded = load::load_pool(&store.conn, as_of(), &Rules::default()).unwrap();
    let mut boxes = [0u64; 9];
    let mut none = 0;
    for c in &loaded.rows {
        match c.kotak {
            Some(k) => boxes[k as usize - 1] += 1,
            None => none += 1,
        }
    }
    assert_eq!(boxes, summary.boxes);
    assert_eq!(none, summary.no_box);
    let count = |t: &str| -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("skp") as u64, summary.counts.skp);
    assert_eq!(count("training") as u64, summary.counts.trainings);
    assert_eq!(
        count("position_requirement") as u64,
        summary.counts.requirements
    );
    assert_eq!(count("unit") as u64, summary.counts.units);

    // A second build into the same database is refused and changes nothing.
    assert!(demo::build(&mut store, &spec(200, 2), &actor(), false).is_err());
    assert_eq!(store.employee_count().unwrap(), 5_000);
    assert_eq!(audit::log(&store.conn, None).unwrap().len(), 1);
}

#[test]
fn fast_insert_gives_the_same_pool_as_the_upsert_writer() {
    let d = tempfile::tempdir().unwrap();
    let s = spec(800, 3);
    let mut fast = new_store(&d, "fast.db");
    demo::build(&mut fast, &s, &actor(), false).unwrap();
    let mut slow = new_store(&d, "slow.db");
    {
        let tx = slow.write_tx().unwrap();
        demo::generate(&s, |b| {
            talenta::store::write::write_batch(&tx, &b)?;
            Ok(())
        })
        .unwrap();
        // As the demo does: its penalties are all there are.
        talenta::store::records::mark_penalties_known(&tx).unwrap();
        tx.commit().unwrap();
    }
    let rules = Rules::default();
    let a = load::load_pool(&fast.conn, as_of(), &rules).unwrap();
    let b = load::load_pool(&slow.conn, as_of(), &rules).unwrap();
    assert_eq!(a.len(), 800);
    assert_eq!(format!("{:?}", a.rows), format!("{:?}", b.rows));
    for q in [
        "SELECT kode, nama_jabatan, tingkat_jabatan, unit_id, status, coalesce(pemangku_nip, '') FROM position ORDER BY kode",
        "SELECT kode_jabatan || kompetensi || level FROM position_requirement ORDER BY 1",
        "SELECT id || nama || coalesce(instansi, '') FROM unit ORDER BY id",
        "SELECT employee_id || tanggal || coalesce(kategori, '') || coalesce(skor, '') || coalesce(metode, '') FROM potential_assessment ORDER BY 1",
        "SELECT employee_id || tahun || nama_pelatihan || jp FROM training ORDER BY 1",
        "SELECT employee_id || kompetensi || tanggal || level FROM competency_assessment ORDER BY 1",
        "SELECT employee_id, tmt_mulai, jabatan, tingkat_jabatan, unit_kerja, tmt_selesai FROM position_history ORDER BY 1, 2",
        "SELECT employee_id, tmt, tingkat, jenis, tmt_selesai FROM penalty ORDER BY 1, 2, 3",
    ] {
        let rows = |s: &Store| -> Vec<String> {
            let mut st = s.conn.prepare(q).unwrap();
            let n = st.column_count();
            st.query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()
                    .map(|v| v.join("|"))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
        };
        let (x, y) = (rows(&fast), rows(&slow));
        assert!(!x.is_empty(), "{q}");
        assert_eq!(x, y, "{q}");
    }
}

fn read_csv(path: &std::path::Path, delim: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .from_path(path)
        .unwrap();
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap()).collect();
    (header, rows)
}

#[test]
fn export_writes_the_contract_files() {
    let d = tempfile::tempdir().unwrap();
    let s = spec(1_200, 4);
    let sum = demo::export_csv(&s, d.path(), false).unwrap();
    let want: [(&str, &str, u64); 9] = [
        ("pegawai.csv", "nip,nama,jenis_kelamin,tanggal_lahir,status,golongan,jabatan,tingkat_jabatan,unit_kerja,instansi,pendidikan,tmt_jabatan", sum.counts.employees),
        ("kinerja.csv", "nip,tahun,predikat", sum.counts.skp),
        ("kompetensi.csv", "nip,kompetensi,level,tanggal", sum.counts.competencies),
        ("potensi.csv", "nip,tanggal,kategori,skor,metode", sum.counts.potentials),
        ("pelatihan.csv", "nip,tahun,nama_pelatihan,jp", sum.counts.trainings),
        ("jabatan.csv", "kode,nama_jabatan,tingkat_jabatan,unit_kerja,status,pemangku_nip,kategori", sum.counts.positions),
        ("syarat_jabatan.csv", "kode_jabatan,kompetensi,level", sum.counts.requirements),
        ("riwayat_jabatan.csv", "nip,jabatan,tingkat_jabatan,unit_kerja,tmt_mulai,tmt_selesai", sum.counts.histories),
        ("disiplin.csv", "nip,tingkat,jenis,tmt,tmt_selesai", sum.counts.penalties),
    ];
    let generated = merged(&s);
    for (file, header, n) in want {
        let (h, rows) = read_csv(&d.path().join(file), b',');
        assert_eq!(h.join(","), header, "{file}");
        assert_eq!(rows.len() as u64, n, "{file}");
        assert!(n > 0, "{file}");
        assert!(rows.iter().all(|r| r.len() == h.len()), "{file}");
    }
    let (_, pegawai) = read_csv(&d.path().join("pegawai.csv"), b',');
    for (row, e) in pegawai.iter().zip(&generated.employees) {
        assert_eq!(&row[0], e.nip.as_str());
        assert_eq!(
            &row[1],
            e.nama.as_str(),
            "names with commas survive quoting"
        );
        assert_eq!(dates::parse(&row[3]), Some(e.birth));
        assert_eq!(Golongan::parse(&row[5]), Some(e.golongan));
        assert_eq!(Tingkat::parse(&row[7]), Some(e.tingkat));
        assert_eq!(Pendidikan::parse(&row[10]), Some(e.pendidikan));
    }
    let raw = std::fs::read_to_string(d.path().join("pegawai.csv")).unwrap();
    assert!(raw.contains(", S."), "titles present");
    assert!(
        raw.lines().skip(1).any(|l| l.contains(",\"")),
        "quoted names"
    );
    let (_, kinerja) = read_csv(&d.path().join("kinerja.csv"), b',');
    assert!(kinerja.iter().any(|r| &r[2] == "Sangat Baik"));

    // The Indonesian-spreadsheet variant: ';', DD/MM/YYYY dates and decimal commas.
    let d2 = tempfile::tempdir().unwrap();
    let sum2 = demo::export_csv(&s, d2.path(), true).unwrap();
    assert_eq!(sum2, sum);
    let (h, rows) = read_csv(&d2.path().join("pegawai.csv"), b';');
    assert_eq!(h.len(), 12);
    assert_eq!(rows.len(), 1_200);
    for (row, e) in rows.iter().zip(&generated.employees) {
        assert_eq!(&row[1], e.nama.as_str());
        assert_eq!(row[3].as_bytes()[2], b'/');
        assert_eq!(dates::parse(&row[3]), Some(e.birth));
    }
    let (_, pot) = read_csv(&d2.path().join("potensi.csv"), b';');
    assert!(pot.iter().any(|r| r[3].contains(',')), "decimal commas");
    assert!(pot.iter().all(|r| !r[3].contains('.')));
    let (_, jab) = read_csv(&d2.path().join("jabatan.csv"), b';');
    assert!(jab.iter().any(|r| &r[4] == "lowong" && r[5].is_empty()));
    assert!(jab.iter().any(|r| &r[4] == "terisi" && r[5].len() == 18));
}

#[test]
fn other_as_of_dates_stay_consistent() {
    for (y, m, d) in [(2020, 1, 15), (2031, 12, 31), (2024, 2, 29)] {
        let on = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let all = merged(&DemoSpec::new(600, 8, on));
        assert_eq!(all.employees.len(), 600);
        let mut seen = HashSet::new();
        for e in &all.employees {
            let p = nip::parse(&e.nip).unwrap();
            assert!(seen.insert(e.nip.clone()));
            assert_eq!(p.birth, e.birth);
            assert!(p.cpns_year <= y, "{} starts after {on}", e.nip);
            let age = dates::whole_years(e.birth, on);
            assert!((20..=59).contains(&age), "{} aged {age} on {on}", e.nip);
            if let Some(t) = e.tmt_jabatan {
                assert!(t <= on);
            }
        }
        assert!(all
            .skp
            .iter()
            .all(|r| (y - 4..y).contains(&(r.tahun as i32))));
        assert!(all.potentials.iter().all(|r| r.tanggal < on));
        assert!(all.competencies.iter().all(|r| r.tanggal < on));
    }
}
