//! One test per condition, each with a case worked by hand from its article
//! and its boundaries. As of 2026-06-01 unless said otherwise.

use super::*;
use crate::domain::candidate::tests::sample;
use crate::domain::candidate::Text;
use crate::domain::career::{Career, Penalty, PositionSpan};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn on() -> NaiveDate {
    d(2026, 6, 1)
}

fn post(tingkat: Tingkat, nama: &str) -> Position {
    Position {
        kode: "X-01".into(),
        nama: nama.into(),
        tingkat,
        unit: "Dinas Pendidikan".into(),
        vacant: true,
        holder_nip: None,
        requirement: [3; 9],
        kategori: None,
        krs: Vec::new(),
    }
}

fn jpt_pratama() -> Position {
    post(Tingkat::JptPratama, "Kepala Dinas Pendidikan")
}

/// Kepala Bidang since 2021-01-04 (5 years 5 months on 2026-06-01), IV/b, S2,
/// born 1986, SKP B 2023, SB 2024, SB 2025: meets every JPT Pratama condition.
fn admin() -> Candidate {
    let mut c = sample();
    c.tingkat = Tingkat::Administrator;
    c.jabatan = Text::new("Kepala Bidang Anggaran");
    c.golongan = Golongan::parse("IV/b").unwrap();
    c
}

fn with_history(
    mut c: Candidate,
    spans: &[(Tingkat, &str, NaiveDate, Option<NaiveDate>)],
) -> Candidate {
    let penalties = c.penalties().to_vec();
    c.career = Career::new(
        spans
            .iter()
            .map(|&(t, title, s, e)| PositionSpan::new(t, title, s, e))
            .collect(),
        penalties,
    );
    c
}

fn with_penalty(
    mut c: Candidate,
    level: PenaltyLevel,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Candidate {
    c.career.set_penalties(vec![Penalty { level, start, end }]);
    c.career.set_penalties_known(true);
    c
}

/// The condition `s` of `c` for `target` on `on`.
fn cond(c: &Candidate, target: &Position, s: Syarat, on: NaiveDate) -> Option<Condition> {
    conditions(c, target, &Rules::default(), on)
        .into_iter()
        .find(|x| x.syarat == s)
}

fn outcome(c: &Candidate, target: &Position, s: Syarat, on: NaiveDate) -> Outcome {
    cond(c, target, s, on)
        .unwrap_or_else(|| panic!("{s:?} applies"))
        .outcome
}

#[test]
fn the_list_holds_every_condition_and_check_agrees_with_it() {
    let r = Rules::default();
    let all = conditions(&admin(), &jpt_pratama(), &r, on());
    let codes: Vec<&str> = all.iter().map(|c| c.code()).collect();
    assert_eq!(
        codes,
        [
            "pemangku",
            "tingkat_jabatan",
            "status",
            "golongan",
            "pendidikan",
            "skp",
            "pengalaman_jabatan",
            "pengalaman_kumulatif",
            "usia",
            "disiplin",
            "bup"
        ]
    );
    assert!(all.iter().all(Condition::is_met), "{all:#?}");
    assert_eq!(check(&admin(), &jpt_pratama(), &r, on()), Ok(()));
    // The first condition not met is what check reports.
    let mut c = admin();
    c.pendidikan = Pendidikan::D3;
    c.birth = d(1960, 1, 1);
    let e = check(&c, &jpt_pratama(), &r, on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::Pendidikan);
    assert_eq!(
        e.dasar.citation(),
        Some("PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c")
    );
    assert_eq!(e.seen, Value::Pendidikan(Pendidikan::D3));
    assert_eq!(e.required, Value::Pendidikan(Pendidikan::S1));
}

#[test]
fn one_step_below_and_rotation_are_eligible() {
    let r = Rules::default();
    let jpt = jpt_pratama();
    let mut rot = admin();
    rot.tingkat = Tingkat::JptPratama;
    assert_eq!(check(&rot, &jpt, &r, on()), Ok(()), "rotation");
    // Two steps below (Pengawas -> JPT Pratama) is not.
    let e = check(&sample(), &jpt, &r, on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::TingkatJabatan);
    assert_eq!(e.seen, Value::Tingkat(Tingkat::Pengawas));
    // Pengawas III/c, S2, 5 years in post -> Administrator.
    let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
    assert_eq!(check(&sample(), &adm, &r, on()), Ok(()));
}

#[test]
fn the_holder_is_not_a_candidate() {
    let mut jpt = jpt_pratama();
    let c = admin();
    jpt.holder_nip = Some(c.nip.to_string());
    jpt.vacant = false;
    let e = check(&c, &jpt, &Rules::default(), on()).unwrap_err();
    assert_eq!((e.syarat, e.outcome), (Syarat::Pemangku, Outcome::NotMet));
}

#[test]
fn pangkat_floor_iv_b_for_jpt_pratama_iv_d_for_madya() {
    let mut c = admin();
    c.golongan = Golongan::parse("IV/a").unwrap();
    let g = cond(&c, &jpt_pratama(), Syarat::Golongan, on()).unwrap();
    assert_eq!(g.outcome, Outcome::NotMet);
    assert_eq!(g.dasar, Dasar::Practice);
    assert_eq!(
        g.required,
        Value::Golongan(Golongan::parse("IV/b").unwrap())
    );
    c.golongan = Golongan::parse("IV/b").unwrap();
    assert_eq!(
        outcome(&c, &jpt_pratama(), Syarat::Golongan, on()),
        Outcome::Met
    );
    let madya = post(Tingkat::JptMadya, "Sekretaris Daerah");
    c.golongan = Golongan::parse("IV/c").unwrap();
    assert_eq!(outcome(&c, &madya, Syarat::Golongan, on()), Outcome::NotMet);
    c.golongan = Golongan::parse("IV/d").unwrap();
    assert_eq!(outcome(&c, &madya, Syarat::Golongan, on()), Outcome::Met);
}

#[test]
fn education_s1_for_every_jpt_level_d4_counts() {
    // Pasal 107: S1/D-IV for JPT Utama, Madya and Pratama alike.
    let mut c = admin();
    c.tingkat = Tingkat::JptPratama;
    c.pendidikan = Pendidikan::S1;
    for (t, letter) in [
        (Tingkat::JptPratama, "c"),
        (Tingkat::JptMadya, "b"),
        (Tingkat::JptUtama, "a"),
    ] {
        let e = cond(&c, &post(t, "Sekretaris Daerah"), Syarat::Pendidikan, on()).unwrap();
        assert_eq!(e.outcome, Outcome::Met, "{t:?}");
        assert!(e
            .dasar
            .citation()
            .unwrap()
            .ends_with(&format!("huruf {letter}")));
    }
    c.pendidikan = Pendidikan::D4;
    assert_eq!(
        outcome(&c, &jpt_pratama(), Syarat::Pendidikan, on()),
        Outcome::Met
    );
    c.pendidikan = Pendidikan::D3;
    assert_eq!(
        outcome(&c, &jpt_pratama(), Syarat::Pendidikan, on()),
        Outcome::NotMet
    );
    // Pengawas asks D-III (Pasal 54 ayat (3)).
    let mut p = sample();
    p.tingkat = Tingkat::Pelaksana;
    p.pendidikan = Pendidikan::D3;
    let peng = post(Tingkat::Pengawas, "Kepala Seksi");
    assert_eq!(outcome(&p, &peng, Syarat::Pendidikan, on()), Outcome::Met);
    p.pendidikan = Pendidikan::Sma;
    assert_eq!(
        outcome(&p, &peng, Syarat::Pendidikan, on()),
        Outcome::NotMet
    );
}

#[test]
fn a_jpt_madya_candidate_with_s1_meets_education_and_is_eligible() {
    // Kepala Dinas (JPT Pratama) since 2023-01-02, Administrator 2015..2022,
    // Pengawas 2010..2014: 3 years 5 months as JPT Pratama, 16 years in all.
    let mut c = admin();
    c.tingkat = Tingkat::JptPratama;
    c.jabatan = Text::new("Kepala Dinas Kesehatan");
    c.golongan = Golongan::parse("IV/d").unwrap();
    c.pendidikan = Pendidikan::S1;
    c.tmt_jabatan = Some(d(2023, 1, 2));
    let c = with_history(
        c,
        &[
            (
                Tingkat::Pengawas,
                "Kepala Seksi",
                d(2010, 3, 1),
                Some(d(2014, 12, 31)),
            ),
            (
                Tingkat::Administrator,
                "Kepala Bidang",
                d(2015, 1, 1),
                Some(d(2023, 1, 1)),
            ),
            (
                Tingkat::JptPratama,
                "Kepala Dinas Kesehatan",
                d(2023, 1, 2),
                None,
            ),
        ],
    );
    let madya = post(Tingkat::JptMadya, "Sekretaris Daerah");
    assert_eq!(check(&c, &madya, &Rules::default(), on()), Ok(()));
}

#[test]
fn skp_baik_in_each_of_the_last_two_years() {
    let jpt = jpt_pratama();
    let mut c = admin();
    // 2024 and 2025 looked at on 2026-06-01; 2023 does not count.
    c.skp = smallvec::smallvec![
        (2023, Predikat::ButuhPerbaikan),
        (2024, Predikat::Baik),
        (2025, Predikat::SangatBaik)
    ];
    let s = cond(&c, &jpt, Syarat::Skp, on()).unwrap();
    assert_eq!(s.outcome, Outcome::Met);
    assert_eq!(
        s.seen,
        Value::Predikat {
            year: 2024,
            predikat: Some(Predikat::Baik)
        }
    );
    assert_eq!(
        s.required,
        Value::PredikatYears {
            min: Predikat::Baik,
            years: 2
        }
    );
    // Butuh Perbaikan last year: not met.
    c.skp = smallvec::smallvec![
        (2024, Predikat::SangatBaik),
        (2025, Predikat::ButuhPerbaikan)
    ];
    let s = cond(&c, &jpt, Syarat::Skp, on()).unwrap();
    assert_eq!(s.outcome, Outcome::NotMet);
    assert_eq!(
        s.seen,
        Value::Predikat {
            year: 2025,
            predikat: Some(Predikat::ButuhPerbaikan)
        }
    );
    // A missing year is unknown, never met.
    c.skp = smallvec::smallvec![(2025, Predikat::SangatBaik)];
    let s = cond(&c, &jpt, Syarat::Skp, on()).unwrap();
    assert_eq!(s.outcome, Outcome::Unknown);
    assert_eq!(s.outcome.terpenuhi(), None);
    assert_eq!(
        s.seen,
        Value::Predikat {
            year: 2024,
            predikat: None
        }
    );
    assert_eq!(
        check(&c, &jpt, &Rules::default(), on()).unwrap_err().syarat,
        Syarat::Skp
    );
    // A year below wins over a missing one: not met rather than unknown.
    c.skp = smallvec::smallvec![(2025, Predikat::Kurang)];
    assert_eq!(outcome(&c, &jpt, Syarat::Skp, on()), Outcome::NotMet);
    // Functional and Pelaksana targets do not ask it (Pasal 54 and 107 are for structural posts).
    assert!(cond(
        &c,
        &post(Tingkat::Fungsional, "Guru Ahli Muda"),
        Syarat::Skp,
        on()
    )
    .is_none());
}

#[test]
fn experience_exactly_two_years_in_post_is_met() {
    // JPT Pratama: 2 years as Administrator (Pasal 107 huruf c), with a full
    // history of 5 years cumulative.
    let base = with_history(
        admin(),
        &[
            (
                Tingkat::Pengawas,
                "Kepala Seksi",
                d(2018, 1, 1),
                Some(d(2024, 5, 31)),
            ),
            (Tingkat::Administrator, "Kepala Bidang", d(2024, 6, 1), None),
        ],
    );
    let jpt = jpt_pratama();
    let mut c = base.clone();
    c.tmt_jabatan = Some(d(2024, 6, 1));
    let e = cond(&c, &jpt, Syarat::PengalamanJabatan, on()).unwrap();
    assert_eq!(e.outcome, Outcome::Met, "exactly 2 years on 2026-06-01");
    assert_eq!(e.required, Value::Years(2));
    assert_eq!(e.dasar, Dasar::Pasal107(Tingkat::JptPratama));
    // One day short.
    assert_eq!(
        outcome(&c, &jpt, Syarat::PengalamanJabatan, d(2026, 5, 31)),
        Outcome::NotMet
    );
    // Cumulative: 2018-01-01 .. 2026-05-31 is more than 5 years.
    assert_eq!(
        outcome(&c, &jpt, Syarat::PengalamanKumulatif, on()),
        Outcome::Met
    );
}

#[test]
fn a_year_into_the_administrator_post_is_not_enough_for_jpt_pratama() {
    let mut c = with_history(
        admin(),
        &[
            (
                Tingkat::Pelaksana,
                "Pengadministrasi",
                d(2012, 1, 1),
                Some(d(2019, 12, 31)),
            ),
            (
                Tingkat::Pengawas,
                "Kepala Seksi",
                d(2020, 1, 1),
                Some(d(2025, 5, 31)),
            ),
            (Tingkat::Administrator, "Kepala Bidang", d(2025, 6, 1), None),
        ],
    );
    c.tmt_jabatan = Some(d(2025, 6, 1));
    let e = check(&c, &jpt_pratama(), &Rules::default(), on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::PengalamanJabatan);
    assert_eq!(e.outcome, Outcome::NotMet);
    assert_eq!(
        e.seen,
        Value::Days {
            days: 365,
            at_least: false
        }
    );
}

#[test]
fn jf_ahli_madya_counts_as_administrator_experience() {
    let mut c = admin();
    c.tingkat = Tingkat::Fungsional;
    c.jabatan = Text::new("Analis Kebijakan Ahli Madya");
    c.tmt_jabatan = Some(d(2020, 1, 1));
    let c = with_history(
        c,
        &[(
            Tingkat::Fungsional,
            "Analis Kebijakan Ahli Madya",
            d(2020, 1, 1),
            None,
        )],
    );
    assert_eq!(
        outcome(&c, &jpt_pratama(), Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
    assert_eq!(
        outcome(&c, &jpt_pratama(), Syarat::PengalamanKumulatif, on()),
        Outcome::Met
    );
}

#[test]
fn without_a_history_the_current_post_decides_only_when_enough() {
    let jpt = jpt_pratama();
    // Administrator since 2021-01-04: more than 5 years, both conditions met.
    let c = admin();
    assert_eq!(
        outcome(&c, &jpt, Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
    assert_eq!(
        outcome(&c, &jpt, Syarat::PengalamanKumulatif, on()),
        Outcome::Met
    );
    // Since 2023-06-01: 3 years as Administrator is met; 5 cumulative is unknown
    // (earlier posts are not on record), never not met.
    let mut c = admin();
    c.tmt_jabatan = Some(d(2023, 6, 1));
    assert_eq!(
        outcome(&c, &jpt, Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
    let k = cond(&c, &jpt, Syarat::PengalamanKumulatif, on()).unwrap();
    assert_eq!(k.outcome, Outcome::Unknown);
    assert!(matches!(k.seen, Value::Days { at_least: true, .. }));
    // No TMT and no history: unknown.
    c.tmt_jabatan = None;
    let k = cond(&c, &jpt, Syarat::PengalamanJabatan, on()).unwrap();
    assert_eq!((k.outcome, k.seen), (Outcome::Unknown, Value::None));
}

#[test]
fn administrator_three_years_as_pengawas_pengawas_four_as_pelaksana() {
    let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
    let mut c = sample(); // Pengawas
    c.tmt_jabatan = Some(d(2023, 6, 1));
    assert_eq!(
        outcome(&c, &adm, Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
    c.tmt_jabatan = Some(d(2023, 6, 2));
    assert_eq!(
        outcome(&c, &adm, Syarat::PengalamanJabatan, on()),
        Outcome::Unknown
    );
    assert!(cond(&c, &adm, Syarat::PengalamanKumulatif, on()).is_none());
    let peng = post(Tingkat::Pengawas, "Kepala Seksi");
    let mut p = sample();
    p.tingkat = Tingkat::Pelaksana;
    p.tmt_jabatan = Some(d(2022, 6, 1));
    assert_eq!(
        outcome(&p, &peng, Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
    let p = with_history(
        p,
        &[(Tingkat::Pelaksana, "Pengadministrasi", d(2023, 1, 1), None)],
    );
    // The history starts 2023, but the current post's TMT (2022-06-01) still counts.
    assert_eq!(
        outcome(&p, &peng, Syarat::PengalamanJabatan, on()),
        Outcome::Met
    );
}

#[test]
fn jpt_age_ceiling_exactly_56_is_met_one_day_more_is_not() {
    let jpt = jpt_pratama();
    let mut c = admin();
    c.birth = d(1970, 6, 1); // 56 on 2026-06-01
    let a = cond(&c, &jpt, Syarat::Usia, on()).unwrap();
    assert_eq!(a.outcome, Outcome::Met);
    assert_eq!(a.seen, Value::Age(56));
    assert_eq!(
        a.required,
        Value::AgeUntil {
            max: 56,
            until: d(2026, 6, 1)
        }
    );
    assert_eq!(
        outcome(&c, &jpt, Syarat::Usia, d(2026, 6, 2)),
        Outcome::NotMet
    );
    // 57 (the hand-made case) is not.
    c.birth = d(1969, 3, 1);
    assert_eq!(outcome(&c, &jpt, Syarat::Usia, on()), Outcome::NotMet);
    // JPT Madya and Utama: 58.
    let madya = post(Tingkat::JptMadya, "Sekretaris Daerah");
    assert_eq!(outcome(&c, &madya, Syarat::Usia, on()), Outcome::Met);
    c.birth = d(1968, 5, 31);
    assert_eq!(outcome(&c, &madya, Syarat::Usia, on()), Outcome::NotMet);
    // A 29 February birthday turns 56 on 1 March in a common year.
    c.birth = d(1972, 2, 29);
    assert_eq!(
        outcome(&c, &jpt, Syarat::Usia, d(2028, 2, 29)),
        Outcome::Met
    );
    assert_eq!(
        outcome(&c, &jpt, Syarat::Usia, d(2028, 3, 1)),
        Outcome::NotMet
    );
    // No ceiling below JPT.
    assert!(cond(
        &c,
        &post(Tingkat::Administrator, "Sekretaris"),
        Syarat::Usia,
        on()
    )
    .is_none());
}

#[test]
fn a_penalty_ending_the_day_before_is_not_in_force_ending_on_the_day_is() {
    let jpt = jpt_pratama();
    let c = with_penalty(
        admin(),
        PenaltyLevel::Sedang,
        d(2025, 6, 1),
        Some(d(2026, 5, 31)),
    );
    assert_eq!(outcome(&c, &jpt, Syarat::Disiplin, on()), Outcome::Met);
    let c = with_penalty(
        admin(),
        PenaltyLevel::Sedang,
        d(2025, 6, 1),
        Some(d(2026, 6, 1)),
    );
    let p = cond(&c, &jpt, Syarat::Disiplin, on()).unwrap();
    assert_eq!(p.outcome, Outcome::NotMet);
    assert_eq!(p.dasar, Dasar::Pp94);
    assert_eq!(
        p.seen,
        Value::Penalty {
            level: PenaltyLevel::Sedang,
            start: d(2025, 6, 1),
            end: Some(d(2026, 6, 1))
        }
    );
    // A ringan penalty does not bar; a berat one without an end does.
    let c = with_penalty(admin(), PenaltyLevel::Ringan, d(2026, 1, 1), None);
    assert_eq!(outcome(&c, &jpt, Syarat::Disiplin, on()), Outcome::Met);
    let c = with_penalty(admin(), PenaltyLevel::Berat, d(2020, 1, 1), None);
    assert_eq!(
        check(&c, &jpt, &Rules::default(), on()).unwrap_err().syarat,
        Syarat::Disiplin
    );
}

#[test]
fn the_five_year_look_back_is_practice_and_off_by_default() {
    let jpt = jpt_pratama();
    // Sedang, 2022-03-01 .. 2023-02-28: over, but within 5 years.
    let c = with_penalty(
        admin(),
        PenaltyLevel::Sedang,
        d(2022, 3, 1),
        Some(d(2023, 2, 28)),
    );
    assert_eq!(check(&c, &jpt, &Rules::default(), on()), Ok(()));
    assert!(cond(&c, &jpt, Syarat::DisiplinRiwayat, on()).is_none());
    let r: Rules =
        toml::from_str("[eligibility.jpt_pratama]\npenalty_lookback_years = 5\n").unwrap();
    let e = check(&c, &jpt, &r, on()).unwrap_err();
    assert_eq!(
        (e.syarat, e.dasar),
        (Syarat::DisiplinRiwayat, Dasar::Practice)
    );
    // Imposed 2021-06-01: exactly 5 years back still counts; the day before does not.
    let c = with_penalty(
        admin(),
        PenaltyLevel::Berat,
        d(2021, 6, 1),
        Some(d(2022, 5, 31)),
    );
    assert!(check(&c, &jpt, &r, on()).is_err());
    let c = with_penalty(
        admin(),
        PenaltyLevel::Berat,
        d(2021, 5, 31),
        Some(d(2022, 5, 31)),
    );
    assert_eq!(check(&c, &jpt, &r, on()), Ok(()));
}

#[test]
fn functional_needs_the_jenjang() {
    let r = Rules::default();
    let mut c = admin();
    c.tingkat = Tingkat::Fungsional;
    c.jabatan = Text::new("Analis Kebijakan Ahli Muda");
    let e = check(&c, &jpt_pratama(), &r, on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::Jenjang);
    assert_eq!(e.seen, Value::Jenjang(Jenjang::AhliMuda));
    assert_eq!(e.required, Value::Jenjang(Jenjang::AhliMadya));
    c.jabatan = Text::new("Analis Kebijakan Ahli Madya");
    assert_eq!(check(&c, &jpt_pratama(), &r, on()), Ok(()));
}

#[test]
fn pppk_only_for_non_structural_posts() {
    let r = Rules::default();
    let mut c = sample();
    c.status = Status::Pppk;
    c.golongan = Golongan::parse("IX").unwrap();
    let e = check(&c, &post(Tingkat::Administrator, "Kepala Bagian"), &r, on()).unwrap_err();
    assert_eq!(
        (e.syarat, e.dasar),
        (Syarat::Status, Dasar::Pasal54(Tingkat::Administrator))
    );
    c.tingkat = Tingkat::Fungsional;
    c.jabatan = Text::new("Guru Ahli Pertama");
    assert_eq!(
        check(&c, &post(Tingkat::Fungsional, "Guru Ahli Muda"), &r, on()),
        Ok(())
    );
    let mut r2 = Rules::default();
    r2.eligibility.pns_only_structural = false;
    c.tingkat = Tingkat::Pengawas;
    c.pendidikan = Pendidikan::S1;
    assert_eq!(
        check(
            &c,
            &post(Tingkat::Administrator, "Kepala Bagian"),
            &r2,
            on()
        ),
        Ok(()),
        "PPPK golongan is not compared with a PNS minimum"
    );
}

#[test]
fn retirement_uses_the_target_posts_bup() {
    let r = Rules::default();
    let mut c = admin();
    // Born 1968-07-15: BUP 58 (Administrator) reached 2026; BUP 60 (JPT) on 2028-08-01.
    c.birth = d(1968, 7, 15);
    let jpt = jpt_pratama();
    assert_eq!(outcome(&c, &jpt, Syarat::Bup, on()), Outcome::Met);
    let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
    let e = check(&c, &adm, &r, on()).unwrap_err();
    assert_eq!(
        (e.syarat, e.seen),
        (Syarat::Bup, Value::Date(d(2026, 8, 1)))
    );
    // Exactly 12 months left is not enough; one more day is.
    c.birth = d(1967, 4, 30); // JPT BUP -> 2027-05-01
    assert_eq!(
        outcome(&c, &jpt, Syarat::Bup, d(2026, 5, 1)),
        Outcome::NotMet
    );
    assert_eq!(outcome(&c, &jpt, Syarat::Bup, d(2026, 4, 30)), Outcome::Met);
    // A guru post keeps 60 whatever its jenjang (Pasal 240): a Guru Ahli Muda
    // aged 59 is a candidate for a Guru Ahli Madya post for some months yet.
    let mut g = sample();
    g.tingkat = Tingkat::Fungsional;
    g.jabatan = Text::new("Guru Ahli Muda");
    g.birth = d(1967, 3, 10);
    let target = post(Tingkat::Fungsional, "Guru Ahli Madya");
    let b = cond(&g, &target, Syarat::Bup, d(2025, 12, 1)).unwrap();
    assert_eq!(
        (b.outcome, b.seen),
        (Outcome::Met, Value::Date(d(2027, 4, 1)))
    );
}

#[test]
fn tier_rules_are_configurable_key_by_key() {
    let r: Rules = toml::from_str(
        "[eligibility]\nskp_min = \"SB\"\npenalty_min_level = \"berat\"\n\
         [eligibility.jpt_pratama]\nmin_golongan = \"IV/c\"\nmax_age = 55\nyears_cumulative = 8\n\
         [eligibility.administrator]\nfrom = [\"pengawas\"]\n",
    )
    .unwrap();
    let t = r.eligibility.for_tier(Tingkat::JptPratama);
    assert_eq!(t.min_golongan, Golongan::parse("IV/c").unwrap());
    assert_eq!((t.max_age, t.years_cumulative), (55, 8));
    assert_eq!(t.min_pendidikan, Pendidikan::S1, "other keys keep defaults");
    assert_eq!(t.years_below, 2);
    assert_eq!(
        r.eligibility.for_tier(Tingkat::Administrator).from,
        TierSet::of(&[Tingkat::Pengawas])
    );
    let c = admin();
    let e = check(&c, &jpt_pratama(), &r, on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::Golongan);
    // SKP SB in both years asked: 2024 SB, 2025 SB still meets it.
    assert_eq!(
        conditions(&c, &jpt_pratama(), &r, on())
            .iter()
            .find(|x| x.syarat == Syarat::Skp)
            .unwrap()
            .outcome,
        Outcome::Met
    );
    let sedang = with_penalty(admin(), PenaltyLevel::Sedang, d(2026, 1, 1), None);
    let r2: Rules = toml::from_str("[eligibility]\npenalty_min_level = \"berat\"\n").unwrap();
    assert_eq!(check(&sedang, &jpt_pratama(), &r2, on()), Ok(()));
    assert!(
        toml::from_str::<Rules>("[eligibility.jpt_pratama]\nmin_golongan = \"V/z\"\n").is_err()
    );
    let bad: Rules = toml::from_str("[eligibility.pengawas]\nfrom = []\n").unwrap();
    assert!(bad.validate().is_err());
    let bad: Rules = toml::from_str("[eligibility.jpt_madya]\nmax_age = 99\n").unwrap();
    assert!(bad
        .validate()
        .unwrap_err()
        .contains("rules.eligibility.jpt_madya.max_age"));
}

#[test]
fn the_requirement_is_copied_with_its_tiers_as_a_bit_mask() {
    // Rules resolve to a Copy requirement: the tier set is a bit mask.
    let req = Rules::default().eligibility.for_tier(Tingkat::JptPratama);
    let copy = req;
    assert_eq!(copy, req);
    assert!(req.from.contains(Tingkat::Administrator) && !req.from.contains(Tingkat::Pengawas));
    assert_eq!(
        req.from.iter().collect::<Vec<_>>(),
        [
            Tingkat::JptPratama,
            Tingkat::Administrator,
            Tingkat::Fungsional
        ]
    );
}

#[test]
fn the_built_in_floors_are_the_documented_grades() {
    let floor = |t| {
        Rules::default()
            .eligibility
            .for_tier(t)
            .min_golongan
            .to_string()
    };
    let got: Vec<String> = Tingkat::ALL.into_iter().map(floor).collect();
    assert_eq!(
        got,
        ["IV/d", "IV/d", "IV/b", "III/c", "III/a", "I/a", "I/a"]
    );
}

/// A functional candidate (PNS, IV/e, S2, every other condition met).
fn functional(title: &str) -> Candidate {
    let mut c = admin();
    c.tingkat = Tingkat::Fungsional;
    c.jabatan = Text::new(title);
    c.golongan = Golongan::parse("IV/e").unwrap();
    c
}

#[test]
fn a_move_from_a_post_above_is_not_a_promotion() {
    let r = Rules::default();
    let pengawas = post(Tingkat::Pengawas, "Kepala Seksi Perencanaan");
    // Ahli utama (= JPT Pratama, Pasal 107 huruf b) for a Pengawas post: left off.
    let e = check(&functional("Perencana Ahli Utama"), &pengawas, &r, on()).unwrap_err();
    assert_eq!(e.syarat, Syarat::JenjangSetara);
    assert_eq!(e.code(), "jenjang_setara");
    assert_eq!(
        e.seen,
        Value::Setara(Jenjang::AhliUtama, Tingkat::JptPratama)
    );
    assert_eq!(e.required, Value::AtMost(Tingkat::Pengawas));
    assert_eq!(
        e.dasar.citation(),
        Some("PermenPANRB 17/2021; PP 11/2017 jo. PP 17/2020 Pasal 107")
    );
    // Ahli madya (= Administrator, PermenPANRB 17/2021) too.
    let madya = functional("Analis Kebijakan Ahli Madya");
    assert_eq!(
        check(&madya, &pengawas, &r, on()).unwrap_err().syarat,
        Syarat::JenjangSetara
    );
    // Ahli muda (= Pengawas) is the same level: a rotation, kept.
    let muda = functional("Analis Kebijakan Ahli Muda");
    assert_eq!(
        outcome(&muda, &pengawas, Syarat::JenjangSetara, on()),
        Outcome::Met
    );
    // Ahli madya for an Administrator post is a rotation; ahli utama is above it.
    let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
    assert_eq!(
        outcome(&madya, &adm, Syarat::JenjangSetara, on()),
        Outcome::Met
    );
    let utama = functional("Perencana Ahli Utama");
    assert_eq!(
        outcome(&utama, &adm, Syarat::JenjangSetara, on()),
        Outcome::NotMet
    );
    // Ahli utama for JPT Pratama is the same level; for JPT Madya a promotion.
    assert_eq!(check(&utama, &jpt_pratama(), &r, on()), Ok(()));
    // A functional target: its jenjang from its title.
    let guru = post(Tingkat::Fungsional, "Guru Ahli Muda");
    assert_eq!(
        outcome(
            &functional("Guru Ahli Madya"),
            &guru,
            Syarat::JenjangSetara,
            on()
        ),
        Outcome::NotMet
    );
    // Structural candidates: their tier of origin decides, not this condition.
    assert!(cond(&admin(), &pengawas, Syarat::JenjangSetara, on()).is_none());
    // Off by configuration: the ahli utama is back on the Pengawas shortlist.
    let off: Rules = toml::from_str("[eligibility]\nexclude_from_above = false\n").unwrap();
    assert!(!off.eligibility.exclude_from_above);
    assert_eq!(check(&utama, &pengawas, &off, on()), Ok(()));
    assert!(cond(&utama, &pengawas, Syarat::JenjangSetara, on()).is_some());
}

#[test]
fn the_equivalence_is_the_ladder_of_the_experience_conditions() {
    use crate::domain::career::rung;
    for j in [
        Jenjang::Keterampilan,
        Jenjang::AhliPertama,
        Jenjang::AhliMuda,
        Jenjang::AhliMadya,
        Jenjang::AhliUtama,
    ] {
        assert_eq!(
            rung(Tingkat::Fungsional, Some(j)),
            rung(setara(j), None),
            "{j:?}"
        );
    }
}
