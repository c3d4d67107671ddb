//! The filter over columns gives every row the bit the row-by-row evaluation
//! gives its candidate, whatever the values and the filter.

use super::*;
use crate::domain::calibration::Calibration;
use crate::domain::candidate::tests::sample;
use crate::domain::candidate::Text;
use crate::domain::search::PoolColumns;
use crate::domain::{Competency, Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};
use proptest::prelude::*;

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// One candidate's values, drawn small so that filters hit and miss.
#[derive(Debug, Clone)]
struct Drawn {
    tingkat: usize,
    pppk: bool,
    p: bool,
    golongan: (u8, u8),
    pendidikan: usize,
    birth: i32,
    skp: Vec<(u16, u8)>,
    potensi: Option<usize>,
    competency: [u8; 9],
    unit: usize,
    instansi: Option<usize>,
    calibration: Option<(u8, Option<u8>)>,
    krs: bool,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    (
        (
            0..7usize,
            any::<bool>(),
            any::<bool>(),
            (1..=4u8, 0..=4u8),
            0..10usize,
        ),
        (
            0..25_000i32,
            prop::collection::vec((2019..2027u16, 0..5u8), 0..5),
            prop::option::of(0..3usize),
            prop::array::uniform9(0..=5u8),
        ),
        (
            0..4usize,
            prop::option::of(0..3usize),
            prop::option::of((1..=9u8, prop::option::of(1..=9u8))),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((t, pppk, p, g, pend), (birth, skp, pot, comp), (u, i, cal, krs))| Drawn {
                tingkat: t,
                pppk,
                p,
                golongan: g,
                pendidikan: pend,
                birth,
                skp,
                potensi: pot,
                competency: comp,
                unit: u,
                instansi: i,
                calibration: cal,
                krs,
            },
        )
}

const UNITS: [&str; 4] = ["Dinas Pendidikan", "Dinas Kesehatan", "", "BKPSDM"];

fn candidate(i: usize, d: &Drawn, rules: &Rules) -> Candidate {
    let mut c = sample();
    c.id = i as i64 + 1;
    c.tingkat = Tingkat::ALL[d.tingkat];
    c.status = if d.pppk { Status::Pppk } else { Status::Pns };
    c.sex = if d.p { Sex::P } else { Sex::L };
    c.golongan = if d.pppk {
        Golongan::Pppk(((d.golongan.0 - 1) * 5 + d.golongan.1) % 17 + 1)
    } else {
        Golongan::Pns {
            level: d.golongan.0,
            ruang: d.golongan.1,
        }
    };
    c.pendidikan = Pendidikan::ALL[d.pendidikan];
    c.birth = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap() + chrono::Days::new(d.birth as u64);
    let mut years: Vec<(u16, u8)> = d.skp.clone();
    years.sort();
    years.dedup_by_key(|y| y.0);
    c.skp = years
        .iter()
        .map(|(y, r)| (*y, Predikat::from_rank(*r).unwrap()))
        .collect();
    c.potensi = d.potensi.map(|p| Potensi::ALL[p]);
    c.competency = d.competency;
    c.unit = Text::new(UNITS[d.unit]);
    c.jabatan = Text::new(UNITS[(d.unit + 1) % 4]);
    c.instansi = d.instansi.map(|k| Text::new(UNITS[k]));
    c.calibration = d.calibration.map(|(kotak, agreed_on)| {
        Box::new(Calibration {
            id: 1,
            session: 1,
            kotak,
            kotak_agreed_on: agreed_on,
            kotak_now: None,
            reason: "x".into(),
        })
    });
    c.compute_kotak(rules);
    c.krs = d.krs;
    c
}

fn condition() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "kotak>=7",
            "kotak=none",
            "kotak_hitung<=3",
            "kotak=7,8,9",
            "unit~pendidikan",
            "unit=\"dinas kesehatan\"",
            "unit=none",
            "jabatan!=bkpsdm",
            "instansi=none",
            "instansi~dinas",
            "integritas>=4",
            "kerja_sama=none",
            "kinerja=SB",
            "kinerja>=B",
            "kinerja=none",
            "kinerja.2024=SB",
            "kinerja.2025!=none",
            "kinerja.2th>=B",
            "kinerja.3th=none",
            "kinerja.1th<B",
            "potensi=tinggi",
            "potensi<menengah",
            "potensi=none",
            "usia<45",
            "usia>=58",
            "tanggal_lahir<01-01-1980",
            "tanggal_lahir=1990",
            "golongan>=III/c",
            "golongan<IX",
            "golongan!=III/c,III/d",
            "pendidikan>=S1",
            "pendidikan=D4",
            "tingkat>=administrator",
            "tingkat=fungsional",
            "jk=P",
            "status=pppk",
            "kalibrasi=ya",
            "kalibrasi=usang",
            "kalibrasi=tidak",
            "krs=ya",
            "krs=tidak",
        ][..],
    )
    .prop_map(String::from)
}

fn filter() -> impl Strategy<Value = String> {
    condition().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn columns_agree_with_each_candidate(
        people in prop::collection::vec(drawn(), 0..150),
        f in filter(),
    ) {
        let rules = Rules::default();
        let rows: Vec<Candidate> =
            people.iter().enumerate().map(|(i, d)| candidate(i, d, &rules)).collect();
        let pool = Pool::new(rows, on(), rules.clone());
        let filter = parse(&f).unwrap();
        let cols = PoolColumns { index: &pool.search, rows: &pool.rows };
        let bits = filter.eval_columns(&cols, on(), &rules).expect("every condition is a column");
        let m = filter.prepare(&pool);
        for (i, c) in pool.rows.iter().enumerate() {
            let want = filter.matches_with(c, on(), &rules);
            prop_assert_eq!(bits.get(i), want, "{} on row {}: {:?}", f, i, people[i]);
            prop_assert_eq!(m.matches(i, c), want, "prepared: {} on row {}", f, i);
        }
        prop_assert!(m.decided().is_some(), "{} is decided for every row at once", f);
    }
}

#[test]
fn a_filter_reading_names_or_careers_is_not_decided_over_columns() {
    let pool = Pool::new(vec![sample()], on(), Rules::default());
    let cols = PoolColumns {
        index: &pool.search,
        rows: &pool.rows,
    };
    for f in [
        "kemas",
        "nama~kemas",
        "masa_jabatan>2",
        "jp<20",
        "pensiun<12bln",
        "kotak>=7 nama~a",
    ] {
        let filter = parse(f).unwrap();
        assert!(
            filter.eval_columns(&cols, on(), &pool.rules).is_none(),
            "{f}"
        );
    }
    // The empty filter is everyone.
    let all = parse("")
        .unwrap()
        .eval_columns(&cols, on(), &pool.rules)
        .unwrap();
    assert_eq!(all.count(), 1);
    // A competency never assessed is missing.
    let mut c = sample();
    c.competency[Competency::Integritas.index()] = 0;
    let pool = Pool::new(vec![c], on(), Rules::default());
    let cols = PoolColumns {
        index: &pool.search,
        rows: &pool.rows,
    };
    let f = parse("integritas=none").unwrap();
    assert_eq!(f.eval_columns(&cols, on(), &pool.rules).unwrap().count(), 1);
}
