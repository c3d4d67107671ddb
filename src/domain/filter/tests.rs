//! Unit tests of the filter language: every field, alias, operator, order rule,
//! missing-value rule, the contract's examples, and every error with its column.

use super::eval::{Cond, Node, Value};
use super::field::{FIELD_ALIASES, FIELD_NAMES};
use super::lex::{lex, Tk};
use super::parse::{PENDIDIKAN_VALUES, POTENSI_VALUES, TINGKAT_VALUES};
use super::*;
use crate::domain::candidate::tests::sample;
use crate::domain::candidate::Text;
use crate::domain::{
    Competency, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Status, Tingkat,
};
use std::cmp::Ordering;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The as-of date of most tests: sample() is 40, 5 years in post, 12 JP in 2025.
pub(super) fn on() -> NaiveDate {
    d(2026, 11, 22)
}

/// sample(): Kemas Ahmad Fauzi, PNS III/c, pengawas, S2, SB SB (2024, 2025), B 2023,
/// potensi tinggi, kotak 9, competencies [4,3,3,4,3,3,2,4,3].
pub(super) fn kemas() -> Candidate {
    let mut c = sample();
    c.compute_kotak(&Rules::default());
    c
}

/// A PPPK woman with almost nothing on record.
fn sparse() -> Candidate {
    Candidate {
        id: 2,
        nip: "199203152019032007".into(),
        nama: "Nyimas Rina Oktaviani, A.Md.".into(),
        sex: Sex::P,
        birth: d(1992, 3, 15),
        status: Status::Pppk,
        golongan: Golongan::Pppk(9),
        jabatan: Text::new("Guru Ahli Pertama"),
        tingkat: Tingkat::Fungsional,
        unit: Text::new("Badan Kepegawaian Daerah"),
        instansi: None,
        pendidikan: Pendidikan::D4,
        tmt_jabatan: None,
        skp: smallvec::smallvec![],
        competency: [0; 9],
        potensi: None,
        potensi_score: None,
        training: smallvec::smallvec![],
        kotak: None,
        calibration: None,
        krs: false,
        career: Default::default(),
    }
}

pub(super) fn ok(s: &str) -> Filter {
    parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e:?}"))
}

pub(super) fn m(s: &str, c: &Candidate) -> bool {
    ok(s).matches(c, on())
}

pub(super) fn e(s: &str) -> FilterError {
    match parse(s) {
        Ok(f) => panic!("{s:?} should fail, parsed as {f:?}"),
        Err(e) => e,
    }
}

/// Each case: (filter, matches kemas(), matches sparse()).
fn check(cases: &[(&str, bool, bool)]) {
    let (k, s) = (kemas(), sparse());
    for (f, want_k, want_s) in cases {
        assert_eq!(m(f, &k), *want_k, "{f:?} on kemas");
        assert_eq!(m(f, &s), *want_s, "{f:?} on sparse");
    }
}

pub(super) fn with(f: impl FnOnce(&mut Candidate)) -> Candidate {
    let mut c = kemas();
    f(&mut c);
    c
}

fn cond(field: Field, op: Op, value: Value) -> Node {
    Node::Cond(Cond { field, op, value })
}

fn term(s: &str) -> Node {
    Node::Term(s.into())
}

// ---------------------------------------------------------------- the empty filter

#[test]
fn blank_filters_are_empty_and_match_everyone() {
    for s in ["", " ", "\t\n  ", "\u{3000}"] {
        let f = ok(s);
        assert!(f.is_empty(), "{s:?}");
        assert!(f.matches(&kemas(), on()) && f.matches(&sparse(), on()));
    }
    assert!(Filter::default().is_empty());
    assert!(!ok("kemas").is_empty());
    assert!(!ok("usia>1").is_empty());
}

#[test]
fn filter_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + Clone + PartialEq + std::fmt::Debug>() {}
    assert_send_sync::<Filter>();
    assert_send_sync::<FilterError>();
    assert_send_sync::<ErrorKind>();
}

// ---------------------------------------------------------------- the contract's examples

#[test]
fn contract_examples() {
    check(&[
        ("kotak>=7 unit~pendidikan", true, false),
        ("integritas>=4 and kinerja=SB", true, false),
        ("kinerja>=B potensi=tinggi usia<45", true, false),
        (
            "(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP",
            true,
            false,
        ),
        ("golongan>=III/c pendidikan>=S2", true, false),
        ("kinerja.2024=SB kinerja.2025=SB", true, false),
        ("\"Kemas\" tingkat=administrator", false, false),
        ("potensi=none", false, true),
    ]);
    let admin = with(|c| c.tingkat = Tingkat::Administrator);
    assert!(m("\"Kemas\" tingkat=administrator", &admin));
    let not_kemas = with(|c| {
        c.tingkat = Tingkat::Administrator;
        c.nama = ("Raden Sutan").into();
    });
    assert!(!m("\"Kemas\" tingkat=administrator", &not_kemas));
    // Each half of the examples can fail on its own.
    let low_box = with(|c| c.kotak = Some(5));
    assert!(!m("kotak>=7 unit~pendidikan", &low_box));
    let other_unit = with(|c| c.unit = Text::new("Dinas Kesehatan"));
    assert!(!m("kotak>=7 unit~pendidikan", &other_unit));
    let bp = with(|c| c.skp.push((2026, Predikat::ButuhPerbaikan)));
    assert!(!m(
        "(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP",
        &bp
    ));
    let mp = with(|c| c.competency = [4, 3, 3, 4, 3, 3, 4, 2, 3]);
    assert!(m(
        "(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP",
        &mp
    ));
    let neither = with(|c| c.competency = [4, 3, 3, 4, 3, 3, 3, 3, 3]);
    assert!(!m(
        "(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP",
        &neither
    ));
    let b2024 = with(|c| c.skp[1].1 = Predikat::Baik);
    assert!(!m("kinerja.2024=SB kinerja.2025=SB", &b2024));
}

#[test]
fn contract_examples_parse_to_the_expected_trees() {
    assert_eq!(
        ok("kotak>=7 unit~pendidikan").root,
        Some(Node::And(vec![
            cond(Field::Kotak, Op::Ge, Value::Num(7)),
            cond(Field::Unit, Op::Contains, Value::Text("pendidikan".into())),
        ]))
    );
    assert_eq!(
        ok("(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP").root,
        Some(Node::And(vec![
            Node::Or(vec![
                cond(
                    Field::Kompetensi(Competency::PengambilanKeputusan),
                    Op::Ge,
                    Value::Num(4)
                ),
                cond(
                    Field::Kompetensi(Competency::MengelolaPerubahan),
                    Op::Ge,
                    Value::Num(4)
                ),
            ]),
            Node::Not(Box::new(cond(
                Field::Kinerja,
                Op::Le,
                Value::Predikat(Predikat::ButuhPerbaikan)
            ))),
        ]))
    );
    assert_eq!(
        ok("\"Kemas\" tingkat=administrator").root,
        Some(Node::And(vec![
            term("kemas"),
            cond(
                Field::Tingkat,
                Op::Eq,
                Value::Tingkat(Tingkat::Administrator)
            ),
        ]))
    );
    assert_eq!(
        ok("potensi=none").root,
        Some(cond(Field::Potensi, Op::Eq, Value::Missing))
    );
    assert_eq!(
        ok("kinerja.2024=SB").root,
        Some(cond(
            Field::KinerjaTahun(2024),
            Op::Eq,
            Value::Predikat(Predikat::SangatBaik)
        ))
    );
    assert_eq!(
        ok("golongan>=III/c").root,
        Some(cond(
            Field::Golongan,
            Op::Ge,
            Value::Golongan(Golongan::Pns { level: 3, ruang: 2 })
        ))
    );
}

// ---------------------------------------------------------------- fields and aliases

#[test]
fn every_field_name_and_alias_parses() {
    let cases: &[(&str, Field)] = &[
        ("nip", Field::Nip),
        ("nama", Field::Nama),
        ("name", Field::Nama),
        ("unit", Field::Unit),
        ("unit_kerja", Field::Unit),
        ("jabatan", Field::Jabatan),
        ("position", Field::Jabatan),
        ("instansi", Field::Instansi),
        ("agency", Field::Instansi),
        ("tingkat", Field::Tingkat),
        ("tier", Field::Tingkat),
        ("status", Field::Status),
        ("jk", Field::Jk),
        ("sex", Field::Jk),
        ("golongan", Field::Golongan),
        ("grade", Field::Golongan),
        ("pendidikan", Field::Pendidikan),
        ("education", Field::Pendidikan),
        ("usia", Field::Usia),
        ("age", Field::Usia),
        ("kotak", Field::Kotak),
        ("box", Field::Kotak),
        ("kinerja", Field::Kinerja),
        ("perf", Field::Kinerja),
        ("kinerja.2024", Field::KinerjaTahun(2024)),
        ("perf.2025", Field::KinerjaTahun(2025)),
        ("KINERJA.2019", Field::KinerjaTahun(2019)),
        ("potensi", Field::Potensi),
        ("potential", Field::Potensi),
        ("jp", Field::Jp),
        ("training", Field::Jp),
        ("masa_jabatan", Field::MasaJabatan),
        ("tenure", Field::MasaJabatan),
        ("USIA", Field::Usia),
        ("Unit_Kerja", Field::Unit),
        ("MASA_JABATAN", Field::MasaJabatan),
    ];
    for (name, want) in cases {
        assert_eq!(Field::parse(name), Some(*want), "{name}");
    }
    for c in Competency::ALL {
        assert_eq!(Field::parse(c.code()), Some(Field::Kompetensi(c)));
        assert_eq!(Field::parse(c.english()), Some(Field::Kompetensi(c)));
        assert_eq!(
            Field::parse(&c.english().to_uppercase()),
            Some(Field::Kompetensi(c))
        );
    }
    for bad in [
        "",
        "foo",
        "kinerja.",
        "kinerja.24",
        "kinerja.20245",
        "kinerja.2024x",
        "perf.abcd",
        "kinerja2024",
        "umur",
        "kinerja.+202",
    ] {
        assert_eq!(Field::parse(bad), None, "{bad}");
    }
}

#[test]
fn field_names_round_trip() {
    let mut all = vec![
        Field::Nip,
        Field::Nama,
        Field::Unit,
        Field::Jabatan,
        Field::Instansi,
        Field::Tingkat,
        Field::Status,
        Field::Jk,
        Field::Golongan,
        Field::Pendidikan,
        Field::Usia,
        Field::Kotak,
        Field::Kinerja,
        Field::KinerjaTahun(2024),
        Field::KinerjaTahun(7),
        Field::Potensi,
        Field::Jp,
        Field::MasaJabatan,
    ];
    all.extend(Competency::ALL.map(Field::Kompetensi));
    for f in all {
        assert_eq!(Field::parse(&f.name()), Some(f), "{}", f.name());
    }
    assert_eq!(Field::MasaJabatan.name(), "masa_jabatan");
    assert_eq!(Field::KinerjaTahun(2024).name(), "kinerja.2024");
    assert_eq!(Field::KinerjaTahun(7).name(), "kinerja.0007");
    assert_eq!(
        Field::Kompetensi(Competency::PengambilanKeputusan).name(),
        "pengambilan_keputusan"
    );
    assert_eq!(Field::Unit.name(), "unit");
}

#[test]
fn listed_field_names_all_parse_and_cover_every_field() {
    let example = |name: &str| {
        name.replace("YYYY", "2024")
            .replace("TINGKAT", "pengawas")
            .replace("TIER", "pengawas")
            .replace("Nth", "2th")
            .replace("Ny", "2y")
    };
    let field = |name: &str| Field::parse(&example(name));
    for name in FIELD_NAMES.iter().chain(FIELD_ALIASES) {
        assert!(field(name).is_some(), "{name}");
    }
    // Each canonical name is its field's name().
    for name in FIELD_NAMES {
        assert_eq!(field(name).unwrap().name(), example(name));
    }
    // The aliases pair up with the names, nip and status having none.
    let paired: Vec<&&str> = FIELD_NAMES
        .iter()
        .filter(|n| !matches!(**n, "nip" | "status"))
        .collect();
    assert_eq!(paired.len(), FIELD_ALIASES.len());
    for (n, a) in paired.into_iter().zip(FIELD_ALIASES) {
        assert_eq!(field(n), field(a), "{n} / {a}");
    }
    for c in Competency::ALL {
        assert!(FIELD_NAMES.contains(&c.code()) && FIELD_ALIASES.contains(&c.english()));
    }
    assert_eq!(FIELD_NAMES.len(), 35);
}

#[test]
fn listed_values_are_the_domain_codes() {
    let tingkat: Vec<&str> = Tingkat::ALL.iter().map(|t| t.code()).collect();
    assert_eq!(TINGKAT_VALUES, tingkat.as_slice());
    let pend: Vec<&str> = Pendidikan::ALL.iter().map(|p| p.code()).collect();
    assert_eq!(PENDIDIKAN_VALUES, pend.as_slice());
    let pot: Vec<&str> = Potensi::ALL.iter().map(|p| p.code()).collect();
    assert_eq!(POTENSI_VALUES, pot.as_slice());
}

// ---------------------------------------------------------------- text fields

#[test]
fn text_fields_equal_contains_and_not_equal() {
    check(&[
        ("nama=\"kemas ahmad fauzi, s.e., m.si.\"", true, false),
        ("nama=\"KEMAS AHMAD FAUZI, S.E., M.SI.\"", true, false),
        ("nama=kemas", false, false),
        ("nama~kemas", true, false),
        ("name~AHMAD", true, false),
        ("nama~nyimas", false, true),
        ("nama!=kemas", true, true),
        ("nama!=\"Kemas Ahmad Fauzi, S.E., M.Si.\"", false, true),
        ("nip=198609262015051001", true, false),
        ("nip~2015", true, false),
        ("nip~2019", false, true),
        ("nip!=198609262015051001", false, true),
        ("nip=1986", false, false),
        ("unit=\"dinas pendidikan\"", true, false),
        ("unit_kerja=\"DINAS PENDIDIKAN\"", true, false),
        ("unit~didik", true, false),
        ("unit~kepegawaian", false, true),
        ("jabatan~kurikulum", true, false),
        ("position~\"kepala seksi\"", true, false),
        ("jabatan=\"guru ahli pertama\"", false, true),
        ("instansi~sumatera", true, false),
        ("agency~\"provinsi sumatera\"", true, false),
        (
            "instansi=\"pemerintah provinsi sumatera selatan\"",
            true,
            false,
        ),
        ("instansi!=x", true, false),
        ("nama~\"\"", true, true),
    ]);
}

#[test]
fn non_ascii_text_is_case_insensitive() {
    let c = with(|c| c.nama = "ÉLODIE Ñandú".into());
    assert!(m("nama~élodie", &c));
    assert!(m("nama~ÑANDÚ", &c));
    assert!(m("\"élodie ñandú\"", &c));
    assert!(m("nama=\"Élodie ñandú\"", &c));
}

#[test]
fn empty_text_counts_as_missing() {
    let c = with(|c| c.jabatan = Text::new(""));
    assert!(m("jabatan=none", &c));
    assert!(!m("jabatan!=none", &c));
    assert!(!m("jabatan~\"\"", &c));
    assert!(!m("jabatan!=x", &c));
    assert!(m("jabatan!=none", &kemas()));
    assert!(!m("jabatan=none", &kemas()));
}

// ---------------------------------------------------------------- tingkat

#[test]
fn tingkat_order_top_first_jpt_utama_highest() {
    check(&[
        ("tingkat=pengawas", true, false),
        ("tier=PENGAWAS", true, false),
        ("tingkat=fungsional", false, true),
        ("tingkat!=pengawas", false, true),
        ("tingkat>=pengawas", true, false),
        ("tingkat>=administrator", false, false),
        ("tingkat<administrator", true, true),
        ("tingkat>pelaksana", true, false),
        ("tingkat<=jpt_utama", true, true),
        ("tingkat>fungsional", true, false),
        ("tingkat<pelaksana", false, true),
        ("tingkat<=fungsional", false, true),
        ("tingkat>jpt_utama", false, false),
        ("tingkat=\"JPT Pratama\"", false, false),
        ("tingkat=\"eselon IV\"", true, false),
    ]);
    // `tingkat>=administrator` is administrator or any JPT.
    for t in Tingkat::ALL {
        let c = with(|c| c.tingkat = t);
        let want = t == Tingkat::Administrator || t.is_jpt();
        assert_eq!(m("tingkat>=administrator", &c), want, "{t:?}");
        assert_eq!(m("tingkat=jpt_madya", &c), t == Tingkat::JptMadya);
        assert_eq!(m("tingkat>=JPT_PRATAMA", &c), t.is_jpt());
        assert_eq!(
            m("tingkat<pengawas", &c),
            t.rank() > Tingkat::Pengawas.rank()
        );
    }
    // The order is strict in the listed sequence.
    for (i, a) in Tingkat::ALL.iter().enumerate() {
        let c = with(|c| c.tingkat = *a);
        for (j, b) in Tingkat::ALL.iter().enumerate() {
            assert_eq!(m(&format!("tingkat>{}", b.code()), &c), i < j);
            assert_eq!(m(&format!("tingkat<={}", b.code()), &c), i >= j);
        }
    }
}

// ---------------------------------------------------------------- status, jk

#[test]
fn status_and_jk() {
    check(&[
        ("status=pns", true, false),
        ("status=PNS", true, false),
        ("status=pppk", false, true),
        ("status!=pppk", true, false),
        ("status=cpns", true, false),
        ("jk=L", true, false),
        ("jk=l", true, false),
        ("sex=P", false, true),
        ("jk!=L", false, true),
        ("jk=perempuan", false, true),
        ("sex=\"laki-laki\"", true, false),
    ]);
}

// ---------------------------------------------------------------- golongan

#[test]
fn golongan_pns_order_and_exact_equality() {
    check(&[
        ("golongan>=III/c", true, false),
        ("golongan>III/c", false, false),
        ("golongan>=III/d", false, false),
        ("golongan<IV/a", true, false),
        ("golongan<=IV/e", true, false),
        ("golongan>=I/a", true, false),
        ("golongan>III/b", true, false),
        ("golongan=iii/c", true, false),
        ("golongan=III.c", true, false),
        ("grade=IIIc", true, false),
        ("golongan!=III/c", false, true),
        ("golongan=III/d", false, false),
    ]);
    let all: Vec<Golongan> = Golongan::all_pns().collect();
    for (i, a) in all.iter().enumerate() {
        let c = with(|c| c.golongan = *a);
        for (j, b) in all.iter().enumerate() {
            assert_eq!(m(&format!("golongan>={b}"), &c), i >= j, "{a} >= {b}");
            assert_eq!(m(&format!("golongan<{b}"), &c), i < j, "{a} < {b}");
            assert_eq!(m(&format!("golongan={b}"), &c), i == j, "{a} = {b}");
        }
    }
}

#[test]
fn golongan_pppk_never_orders_against_pns() {
    // sparse() is PPPK IX; kemas() is PNS III/c.
    check(&[
        ("golongan>=III/c", true, false),
        ("golongan<=IV/e", true, false),
        ("golongan<III/a", false, false),
        ("golongan>I/a", true, false),
        ("golongan>=IX", false, true),
        ("golongan<IX", false, false),
        ("golongan>VIII", false, true),
        ("golongan<X", false, true),
        ("golongan<=ix", false, true),
        ("golongan=IX", false, true),
        ("grade=9", false, true),
        ("golongan!=IX", true, false),
        ("golongan!=III/c", false, true),
        ("golongan>=XVII", false, false),
        ("golongan>=I", false, true),
    ]);
    // Neither side of any ordering test holds across the kinds.
    let pppk = sparse();
    for g in Golongan::all_pns() {
        for op in ["<", "<=", ">", ">="] {
            assert!(!m(&format!("golongan{op}{g}"), &pppk), "{op}{g}");
        }
        assert!(m(&format!("not golongan<{g} not golongan>={g}"), &pppk));
    }
}

// ---------------------------------------------------------------- pendidikan

#[test]
fn pendidikan_d4_and_s1_share_a_level_but_are_not_equal() {
    // sparse() is D4, kemas() is S2.
    check(&[
        ("pendidikan=S1", false, false),
        ("pendidikan=D4", false, true),
        ("pendidikan=d-iv", false, true),
        ("pendidikan!=S1", true, true),
        ("pendidikan>=S1", true, true),
        ("pendidikan<=S1", false, true),
        ("pendidikan>S1", true, false),
        ("pendidikan<S1", false, false),
        ("pendidikan>D3", true, true),
        ("pendidikan>=D-III", true, true),
        ("pendidikan<S2", false, true),
        ("pendidikan>S2", false, false),
        ("education=s2", true, false),
        ("pendidikan>=S3", false, false),
        ("pendidikan>SLTA", true, true),
    ]);
    let s1 = with(|c| c.pendidikan = Pendidikan::S1);
    assert!(m("pendidikan<=D4", &s1) && m("pendidikan>=D4", &s1));
    assert!(!m("pendidikan=D4", &s1) && m("pendidikan!=D4", &s1));
    assert!(!m("pendidikan<D4", &s1) && !m("pendidikan>D4", &s1));
    // SD < SMP < ... < S3 by level.
    for a in Pendidikan::ALL {
        let c = with(|c| c.pendidikan = a);
        for b in Pendidikan::ALL {
            assert_eq!(m(&format!("pendidikan<{b}"), &c), a.level() < b.level());
            assert_eq!(m(&format!("pendidikan>={b}"), &c), a.level() >= b.level());
            assert_eq!(m(&format!("pendidikan={b}"), &c), a == b);
        }
    }
}

// ---------------------------------------------------------------- numbers

#[test]
fn usia_jp_and_masa_jabatan_on_the_as_of_date() {
    check(&[
        ("usia=40", true, false),
        ("usia<45", true, true),
        ("usia>=40", true, false),
        ("usia>40", false, false),
        ("age<=40", true, true),
        ("usia!=40", false, true),
        ("usia=34", false, true),
        ("usia<007", false, false),
        ("jp=12", true, false),
        ("jp<20", true, true),
        ("training>=12", true, false),
        ("jp=0", false, true),
        ("masa_jabatan=5", true, false),
        ("tenure>=5", true, false),
        ("masa_jabatan>=0", true, false),
        ("masa_jabatan=none", false, true),
    ]);
    let k = kemas();
    let f = ok("usia=39");
    assert!(f.matches(&k, d(2026, 9, 25)));
    assert!(!f.matches(&k, d(2026, 9, 26)));
    // jp is the year before the as-of year: 2024 had 24.
    assert!(ok("jp>=20").matches(&k, d(2025, 6, 1)));
    assert!(!ok("jp>=20").matches(&k, on()));
    assert!(ok("masa_jabatan=4").matches(&k, d(2026, 1, 3)));
}

#[test]
fn kotak_is_numeric_one_to_nine() {
    check(&[
        ("kotak=9", true, false),
        ("kotak>=7", true, false),
        ("box<9", false, false),
        ("kotak<=9", true, false),
        ("kotak!=9", false, false),
        ("kotak>=1", true, false),
        ("not kotak>=1", false, true),
        ("kotak=none", false, true),
        ("kotak=kosong", false, true),
        ("kotak!=none", true, false),
        ("kotak!=5", true, false),
    ]);
    for b in 1..=9u8 {
        let c = with(|c| c.kotak = Some(b));
        assert!(m(&format!("kotak={b}"), &c));
        assert_eq!(m("kotak>=7", &c), b >= 7);
        assert_eq!(m("kotak<4", &c), b < 4);
    }
}

#[test]
fn competencies_by_code_and_english_alias() {
    let k = kemas();
    let s = sparse();
    for c in Competency::ALL {
        let level = k.competency[c.index()];
        for name in [c.code(), c.english()] {
            assert!(m(&format!("{name}={level}"), &k), "{name}={level}");
            assert!(m(&format!("{name}>={level}"), &k));
            assert!(!m(&format!("{name}>{level}"), &k));
            assert!(!m(&format!("{name}!={level}"), &k));
            assert!(!m(&format!("{name}>=1"), &s), "missing level on {name}");
            assert!(!m(&format!("{name}<=5"), &s));
            assert!(m(&format!("not {name}<=5"), &s));
            assert!(m(&format!("{name}=none"), &s));
            assert!(m(&format!("{name}!=none"), &k));
        }
    }
    check(&[
        ("integritas>=4", true, false),
        ("mengelola_perubahan>=4", false, false),
        ("mengelola_perubahan<3", true, false),
        ("decision_making=4", true, false),
        (
            "integrity=4 teamwork=3 communication=3 results=4",
            true,
            false,
        ),
        (
            "public_service=3 developing_others=3 managing_change=2 nation_building=3",
            true,
            false,
        ),
        ("kerja_sama=3 kerjasama=3", true, false),
    ]);
}

// ---------------------------------------------------------------- kinerja

#[test]
fn kinerja_codes_and_full_names() {
    check(&[
        ("kinerja=SB", true, false),
        ("kinerja=sb", true, false),
        ("kinerja=\"sangat baik\"", true, false),
        ("kinerja=\"SANGAT BAIK\"", true, false),
        ("kinerja=sangat_baik", true, false),
        ("perf=SB", true, false),
        ("kinerja>=B", true, false),
        ("kinerja>B", true, false),
        ("kinerja<=BP", false, false),
        ("kinerja!=B", true, false),
        ("kinerja=none", false, true),
        ("kinerja!=none", true, false),
        ("kinerja!=SB", false, false),
        ("not kinerja=SB", false, true),
        ("kinerja>=SK", true, false),
    ]);
    for (name, p) in [
        ("\"baik\"", Predikat::Baik),
        ("\"butuh perbaikan\"", Predikat::ButuhPerbaikan),
        ("\"kurang\"", Predikat::Kurang),
        ("misconduct", Predikat::Kurang),
        ("\"kurang/misconduct\"", Predikat::Kurang),
        ("\"sangat kurang\"", Predikat::SangatKurang),
    ] {
        let c = with(|c| c.skp.push((2026, p)));
        assert!(m(&format!("kinerja={name}"), &c), "{name}");
        assert!(m(&format!("kinerja={}", p.code()), &c));
    }
}

#[test]
fn kinerja_order_sk_k_bp_b_sb() {
    let order = [
        Predikat::SangatKurang,
        Predikat::Kurang,
        Predikat::ButuhPerbaikan,
        Predikat::Baik,
        Predikat::SangatBaik,
    ];
    for (i, a) in order.iter().enumerate() {
        let c = with(|c| c.skp = smallvec::smallvec![(2025, *a)]);
        for (j, b) in order.iter().enumerate() {
            let b = b.code();
            assert_eq!(m(&format!("kinerja<{b}"), &c), i < j, "{a:?} < {b}");
            assert_eq!(m(&format!("kinerja<={b}"), &c), i <= j);
            assert_eq!(m(&format!("kinerja>{b}"), &c), i > j);
            assert_eq!(m(&format!("kinerja>={b}"), &c), i >= j);
            assert_eq!(m(&format!("kinerja={b}"), &c), i == j);
            assert_eq!(m(&format!("kinerja!={b}"), &c), i != j);
        }
    }
}

#[test]
fn kinerja_of_a_year() {
    check(&[
        ("kinerja.2023=B", true, false),
        ("kinerja.2023<SB", true, false),
        ("perf.2024=SB", true, false),
        ("PERF.2024=sb", true, false),
        ("kinerja.2020=none", true, true),
        ("kinerja.2020!=SB", false, false),
        ("kinerja.2020<=SB", false, false),
        ("not kinerja.2020=SB", true, true),
        ("kinerja.2023!=none", true, false),
    ]);
}

// ---------------------------------------------------------------- potensi

#[test]
fn potensi_order_and_aliases() {
    check(&[
        ("potensi=tinggi", true, false),
        ("potensi=T", true, false),
        ("potensi=high", true, false),
        ("potential=HIGH", true, false),
        ("potensi>menengah", true, false),
        ("potensi>=rendah", true, false),
        ("potensi<tinggi", false, false),
        ("potensi!=tinggi", false, false),
        ("not potensi=tinggi", false, true),
        ("potensi!=none", true, false),
        ("not potensi!=none", false, true),
    ]);
    let mid = with(|c| c.potensi = Some(Potensi::Menengah));
    for (f, want) in [
        ("potensi<tinggi", true),
        ("potensi>rendah", true),
        ("potensi=M", true),
        ("potensi=medium", true),
        ("potensi>=tinggi", false),
        ("potensi<=R", false),
        ("potensi=low", false),
    ] {
        assert_eq!(m(f, &mid), want, "{f}");
    }
}

// ---------------------------------------------------------------- missing values

#[test]
fn missing_values_are_false_and_not_flips_them() {
    check(&[
        ("instansi~x", false, false),
        ("instansi!=x", true, false),
        ("not instansi=x", true, true),
        ("instansi=none", false, true),
        ("instansi=KOSONG", false, true),
        ("instansi!=kosong", true, false),
        ("bukan instansi=none", true, false),
        ("potensi=none kotak=none kinerja=none", false, true),
        ("potensi=none or integritas=none", false, true),
        // Never-missing fields: `=none` is simply false.
        ("usia=none", false, false),
        ("jp=none", false, false),
        ("tingkat!=none", true, true),
        ("golongan=none", false, false),
        // A quoted "none" is ordinary text.
        ("instansi=\"none\"", false, false),
        ("nama!=\"none\"", true, true),
    ]);
}

// ---------------------------------------------------------------- connectives

#[test]
fn implicit_and_and_every_keyword_spelling() {
    check(&[
        ("jk=L kotak=9", true, false),
        ("jk=L kotak=1", false, false),
        ("jk=L and kotak=9", true, false),
        ("jk=L dan kotak=9", true, false),
        ("jk=L && kotak=9", true, false),
        ("jk=L&&kotak=9", true, false),
        ("jk=L AND kotak=9", true, false),
        ("jk=L DaN kotak=1", false, false),
        ("jk=P or kotak=9", true, true),
        ("jk=P atau kotak=9", true, true),
        ("jk=P || kotak=9", true, true),
        ("jk=P||kotak=9", true, true),
        ("jk=P OR kotak=9", true, true),
        ("jk=P ATAU kotak=1", false, true),
        ("not jk=P", true, false),
        ("NOT jk=P", true, false),
        ("bukan jk=P", true, false),
        ("BUKAN jk=P", true, false),
        ("!jk=P", true, false),
        ("! jk=P", true, false),
        ("!!jk=L", true, false),
        ("not not jk=L", true, false),
        ("not !bukan jk=L", false, true),
        ("jk=L &&!jk=P", true, false),
        ("jk=P ||!jk=P", true, true),
        ("jk=P||!!jk=P", false, true),
        ("jk=L !jk=P", true, false),
        ("jk=L not kotak=1", true, false),
        ("(jk=L)", true, false),
        ("((((jk=L))))", true, false),
        ("(jk=L)(kotak=9)", true, false),
        ("kemas(jk=L)", true, false),
    ]);
}

#[test]
fn and_binds_tighter_than_or() {
    check(&[
        // jk=L or (jk=P and kotak=1)
        ("jk=L or jk=P and kotak=1", true, false),
        ("jk=L or jk=P kotak=1", true, false),
        ("(jk=L or jk=P) and kotak=1", false, false),
        // (jk=P and kotak=9) or jk=L
        ("jk=P and kotak=9 or jk=L", true, false),
        ("jk=P kotak=9 or jk=L", true, false),
        ("jk=P and (kotak=9 or jk=L)", false, false),
        // not binds tightest: (not jk=L) or jk=P
        ("not jk=L or jk=P", false, true),
        ("not (jk=L or jk=P)", false, false),
    ]);
    assert_eq!(
        ok("a b or c and d or e").root,
        Some(Node::Or(vec![
            Node::And(vec![term("a"), term("b")]),
            Node::And(vec![term("c"), term("d")]),
            term("e"),
        ]))
    );
    assert_eq!(
        ok("not a b").root,
        Some(Node::And(vec![Node::Not(Box::new(term("a"))), term("b")]))
    );
}

#[test]
fn keywords_fields_and_values_are_case_insensitive() {
    check(&[
        ("KINERJA=sb", true, false),
        ("Potensi=TINGGI", true, false),
        ("NAMA~KEMAS", true, false),
        ("TiNgKaT=PeNgAwAs", true, false),
        ("jk=p AtAu STATUS=PNS", true, true),
        ("GOLONGAN>=iii/C", true, false),
        ("PENDIDIKAN=s2", true, false),
        ("Integritas>=4", true, false),
        ("DECISION_MAKING=4", true, false),
        ("kotak=NONE", false, true),
    ]);
}

// ---------------------------------------------------------------- bare terms

#[test]
fn bare_terms_search_nama_nip_jabatan_and_unit() {
    check(&[
        ("kemas", true, false),
        ("KEMAS", true, false),
        ("Fauzi", true, false),
        ("1986092620", true, false),
        ("2019032007", false, true),
        ("kurikulum", true, false),
        ("pendidikan", true, false),
        ("guru", false, true),
        ("kepegawaian", false, true),
        ("\"kepala seksi\"", true, false),
        ("\"KEPALA  SEKSI\"", false, false),
        ("sumatera", false, false),
        ("kemas nyimas", false, false),
        ("kemas or nyimas", true, true),
        ("nama", false, false),
        ("tingkat", false, false),
        ("\"dan\"", false, true),
        ("\"atau\"", false, false),
        ("III/c", false, false),
        ("s.e.,", true, false),
    ]);
    // A word then a non-operator is a bare term, a word then an operator a condition.
    assert_eq!(ok("kinerja").root, Some(term("kinerja")));
    assert_eq!(
        ok("kinerja = SB").root,
        Some(cond(
            Field::Kinerja,
            Op::Eq,
            Value::Predikat(Predikat::SangatBaik)
        ))
    );
    assert_eq!(ok("\"A \\\"B\\\"\"").root, Some(term("a \"b\"")));
}

#[test]
fn quoted_values_and_escapes() {
    let c = with(|c| c.nama = "Ahmad \"Along\" bin Yusuf \\ Jr".into());
    assert!(m(r#"nama~"\"along\"""#, &c));
    assert!(m(r#""\\ jr""#, &c));
    assert!(m(r#"nama="ahmad \"along\" bin yusuf \\ jr""#, &c));
    assert!(!m(r#"nama~"\"along\"""#, &kemas()));
    // Other backslashes are kept as written.
    let (toks, _) = lex(r#""a\nb" "c\\d" "e\"f""#);
    let texts: Vec<Tk> = toks.into_iter().map(|t| t.tk).collect();
    assert_eq!(
        texts,
        vec![
            Tk::Quoted("a\\nb".into()),
            Tk::Quoted("c\\d".into()),
            Tk::Quoted("e\"f".into()),
        ]
    );
}

#[test]
fn substring_search_edge_cases() {
    use super::eval::contains;
    let yes = [
        ("abc", ""),
        ("", ""),
        ("abc", "abc"),
        ("abc", "c"),
        ("abc", "a"),
        ("aaab", "aab"),
        ("abababc", "ababc"),
        ("kepala seksi", "a s"),
        ("élodie ñandú", "ñandú"),
        ("日本語", "本"),
        ("x\u{0}y", "\u{0}"),
    ];
    for (h, n) in yes {
        assert!(contains(h.as_bytes(), n.as_bytes()), "{h:?} ~ {n:?}");
    }
    let no = [
        ("", "a"),
        ("ab", "abc"),
        ("abc", "abd"),
        ("aaa", "aaaa"),
        ("abab", "bb"),
        ("élodie", "e\u{301}"),
        ("日本語", "語日"),
    ];
    for (h, n) in no {
        assert!(!contains(h.as_bytes(), n.as_bytes()), "{h:?} !~ {n:?}");
    }
}

// ---------------------------------------------------------------- lexing

fn kinds(s: &str) -> Vec<Tk> {
    lex(s).0.into_iter().map(|t| t.tk).collect()
}

fn word(s: &str) -> Tk {
    Tk::Word(s.into())
}

#[test]
fn words_hold_slashes_dashes_dots_and_underscores() {
    for w in [
        "III/c",
        "D-III",
        "S2",
        "kinerja.2024",
        "pengambilan_keputusan",
        "s.e.,",
        "O'Neil",
        "a\u{0}b",
        "ü",
    ] {
        assert_eq!(kinds(w), vec![word(w)], "{w:?}");
    }
    assert_eq!(
        kinds("golongan>=III/c(pendidikan!=D-III)\"x\"y"),
        vec![
            word("golongan"),
            Tk::Op(Op::Ge),
            word("III/c"),
            Tk::LParen,
            word("pendidikan"),
            Tk::Op(Op::Ne),
            word("D-III"),
            Tk::RParen,
            Tk::Quoted("x".into()),
            word("y"),
        ]
    );
    assert_eq!(
        kinds("a&&!!b||c"),
        vec![
            word("a"),
            Tk::And("&&".into()),
            Tk::Not("!".into()),
            Tk::Not("!".into()),
            word("b"),
            Tk::Or("||".into()),
            word("c"),
        ]
    );
    assert_eq!(
        kinds("Dan ATAU bukan"),
        vec![
            Tk::And("Dan".into()),
            Tk::Or("ATAU".into()),
            Tk::Not("bukan".into()),
        ]
    );
    for op in Op::ALL {
        assert_eq!(kinds(op.symbol()), vec![Tk::Op(op)]);
    }
}

#[test]
fn token_columns_count_characters() {
    let (toks, end) = lex("é (ñ>=3) \"ü\" x");
    let cols: Vec<usize> = toks.iter().map(|t| t.col).collect();
    assert_eq!(cols, vec![1, 3, 4, 5, 7, 8, 10, 14]);
    assert_eq!(end, 15);
    assert_eq!(lex("").1, 1);
    assert_eq!(lex("ab => cd ef").1, 12);
}

// ---------------------------------------------------------------- errors

#[test]
fn error_bad_predikat_names_the_value_and_column() {
    assert_eq!(
        e("kinerja>=X"),
        FilterError {
            column: 10,
            kind: ErrorKind::BadValue {
                field: Field::Kinerja,
                value: "X".into(),
                expected: Expected::Predikat,
            }
        }
    );
    assert_eq!(
        e("kinerja=sangat baik"),
        FilterError {
            column: 9,
            kind: ErrorKind::BadValue {
                field: Field::Kinerja,
                value: "sangat".into(),
                expected: Expected::Predikat,
            }
        }
    );
    assert_eq!(
        e("usia<45 perf.2024=\"very good\"").column,
        19,
        "quoted value: the quote's column"
    );
}

#[test]
fn error_bad_values_per_field() {
    let cases: &[(&str, usize, Field, &str, Expected)] = &[
        (
            "kotak=10",
            7,
            Field::Kotak,
            "10",
            Expected::Range { min: 1, max: 9 },
        ),
        (
            "kotak>=0",
            8,
            Field::Kotak,
            "0",
            Expected::Range { min: 1, max: 9 },
        ),
        (
            "box=x",
            5,
            Field::Kotak,
            "x",
            Expected::Range { min: 1, max: 9 },
        ),
        (
            "integritas=6",
            12,
            Field::Kompetensi(Competency::Integritas),
            "6",
            Expected::Range { min: 1, max: 5 },
        ),
        (
            "teamwork>0",
            10,
            Field::Kompetensi(Competency::KerjaSama),
            "0",
            Expected::Range { min: 1, max: 5 },
        ),
        ("usia=abc", 6, Field::Usia, "abc", Expected::WholeNumber),
        ("usia=-1", 6, Field::Usia, "-1", Expected::WholeNumber),
        ("usia=+1", 6, Field::Usia, "+1", Expected::WholeNumber),
        ("usia=4.5", 6, Field::Usia, "4.5", Expected::WholeNumber),
        (
            "jp=99999999999",
            4,
            Field::Jp,
            "99999999999",
            Expected::WholeNumber,
        ),
        (
            "tenure<x",
            8,
            Field::MasaJabatan,
            "x",
            Expected::WholeNumber,
        ),
        (
            "golongan>=V/a",
            11,
            Field::Golongan,
            "V/a",
            Expected::Golongan,
        ),
        (
            "golongan=III/e",
            10,
            Field::Golongan,
            "III/e",
            Expected::Golongan,
        ),
        (
            "grade=XVIII",
            7,
            Field::Golongan,
            "XVIII",
            Expected::Golongan,
        ),
        ("golongan=🙂", 10, Field::Golongan, "🙂", Expected::Golongan),
        (
            "golongan=IIIé",
            10,
            Field::Golongan,
            "IIIé",
            Expected::Golongan,
        ),
        (
            "golongan=\"III/ć\"",
            10,
            Field::Golongan,
            "III/ć",
            Expected::Golongan,
        ),
        (
            "pendidikan=S4",
            12,
            Field::Pendidikan,
            "S4",
            Expected::OneOf(PENDIDIKAN_VALUES),
        ),
        (
            "tingkat=direktur",
            9,
            Field::Tingkat,
            "direktur",
            Expected::OneOf(TINGKAT_VALUES),
        ),
        ("jk=X", 4, Field::Jk, "X", Expected::OneOf(&["L", "P"])),
        (
            "status=asn",
            8,
            Field::Status,
            "asn",
            Expected::OneOf(&["pns", "pppk"]),
        ),
        (
            "potensi=sedang",
            9,
            Field::Potensi,
            "sedang",
            Expected::OneOf(POTENSI_VALUES),
        ),
        (
            "kinerja.2024=A",
            14,
            Field::KinerjaTahun(2024),
            "A",
            Expected::Predikat,
        ),
        (
            "potensi=\"none\"",
            9,
            Field::Potensi,
            "none",
            Expected::OneOf(POTENSI_VALUES),
        ),
    ];
    for (s, column, field, value, expected) in cases {
        assert_eq!(
            e(s),
            FilterError {
                column: *column,
                kind: ErrorKind::BadValue {
                    field: *field,
                    value: (*value).into(),
                    expected: expected.clone(),
                }
            },
            "{s}"
        );
    }
}

#[test]
fn error_unknown_field_lists_the_fields() {
    assert_eq!(
        e("usia<4 umur>=40"),
        FilterError {
            column: 8,
            kind: ErrorKind::UnknownField {
                name: "umur".into(),
                fields: FIELD_NAMES,
                aliases: FIELD_ALIASES,
            }
        }
    );
    assert_eq!(e("kinerja2024=SB").column, 1);
}

#[test]
fn error_bad_year_points_after_the_dot() {
    let cases = [
        ("kinerja.20x4=SB", 9, "20x4"),
        ("kinerja.=SB", 9, ""),
        ("perf.123=B", 6, "123"),
        ("x KINERJA.20245>B", 11, "20245"),
    ];
    for (s, column, text) in cases {
        assert_eq!(
            e(s),
            FilterError {
                column,
                kind: ErrorKind::BadYear { text: text.into() }
            },
            "{s}"
        );
    }
}

#[test]
fn error_operator_not_allowed_lists_the_allowed() {
    use super::field::{EQ_OPS, ORDER_OPS, TEXT_OPS};
    let cases: &[(&str, usize, Field, Op, &[Op])] = &[
        ("nama<x", 5, Field::Nama, Op::Lt, TEXT_OPS),
        ("nip>=1", 4, Field::Nip, Op::Ge, TEXT_OPS),
        ("unit>x", 5, Field::Unit, Op::Gt, TEXT_OPS),
        ("jabatan<=x", 8, Field::Jabatan, Op::Le, TEXT_OPS),
        ("instansi<x", 9, Field::Instansi, Op::Lt, TEXT_OPS),
        ("usia~4", 5, Field::Usia, Op::Contains, ORDER_OPS),
        ("kinerja~SB", 8, Field::Kinerja, Op::Contains, ORDER_OPS),
        ("tingkat~jpt", 8, Field::Tingkat, Op::Contains, ORDER_OPS),
        ("jk>L", 3, Field::Jk, Op::Gt, EQ_OPS),
        ("jk~L", 3, Field::Jk, Op::Contains, EQ_OPS),
        ("status>=pns", 7, Field::Status, Op::Ge, EQ_OPS),
        ("status<", 7, Field::Status, Op::Lt, EQ_OPS),
    ];
    for (s, column, field, op, allowed) in cases {
        assert_eq!(
            e(s),
            FilterError {
                column: *column,
                kind: ErrorKind::OperatorNotAllowed {
                    field: *field,
                    op: *op,
                    allowed,
                }
            },
            "{s}"
        );
    }
}

#[test]
fn error_missing_value() {
    let cases: &[(&str, usize, Field, Op)] = &[
        ("usia>", 6, Field::Usia, Op::Gt),
        ("usia>  ", 8, Field::Usia, Op::Gt),
        ("usia> and x", 7, Field::Usia, Op::Gt),
        ("(kotak=)", 8, Field::Kotak, Op::Eq),
        ("nama~(x)", 6, Field::Nama, Op::Contains),
        ("nama~ or x", 7, Field::Nama, Op::Contains),
        ("nama=!x", 5, Field::Nama, Op::Eq),
        ("usia<=<", 7, Field::Usia, Op::Le),
    ];
    for (s, column, field, op) in cases {
        let got = e(s);
        if *s == "nama=!x" {
            // `=!` is one run of operator characters: an unknown operator.
            assert_eq!(
                got,
                FilterError {
                    column: *column,
                    kind: ErrorKind::UnknownOperator { op: "=!".into() }
                }
            );
            continue;
        }
        if *s == "usia<=<" {
            assert_eq!(
                got,
                FilterError {
                    column: 5,
                    kind: ErrorKind::UnknownOperator { op: "<=<".into() }
                }
            );
            continue;
        }
        assert_eq!(
            got,
            FilterError {
                column: *column,
                kind: ErrorKind::MissingValue {
                    field: *field,
                    op: *op
                }
            },
            "{s}"
        );
    }
    assert_eq!(
        e("usia> =4"),
        FilterError {
            column: 7,
            kind: ErrorKind::MissingValue {
                field: Field::Usia,
                op: Op::Gt
            }
        }
    );
}

#[test]
fn error_none_needs_equality() {
    for (s, column, field, op) in [
        ("usia>none", 5, Field::Usia, Op::Gt),
        ("kinerja<=kosong", 8, Field::Kinerja, Op::Le),
        ("nama~none", 5, Field::Nama, Op::Contains),
    ] {
        assert_eq!(
            e(s),
            FilterError {
                column,
                kind: ErrorKind::NoneNeedsEquality { field, op }
            },
            "{s}"
        );
    }
    // Quoted, it is ordinary text.
    assert!(m("nama~\"none\"", &with(|c| c.nama = ("Nonet").into())));
}

#[test]
fn error_unknown_operators() {
    for (s, column, op) in [
        ("nama=>x", 5, "=>"),
        ("usia=<4", 5, "=<"),
        ("usia==4", 5, "=="),
        ("a & b", 3, "&"),
        ("a | b", 3, "|"),
        ("a &&& b", 3, "&&&"),
        ("a <> b", 3, "<>"),
        ("x !!= y", 3, "!!="),
        ("kotak~=4", 6, "~="),
        ("é ~~", 3, "~~"),
        ("\"unterminated  =>", 1, ""),
    ] {
        let got = e(s);
        if op.is_empty() {
            assert_eq!(got.kind, ErrorKind::UnterminatedQuote, "{s}");
            assert_eq!(got.column, column);
            continue;
        }
        assert_eq!(
            got,
            FilterError {
                column,
                kind: ErrorKind::UnknownOperator { op: op.into() }
            },
            "{s}"
        );
    }
}

#[test]
fn error_unexpected_operator() {
    for (s, column, op) in [
        ("=5", 1, Op::Eq),
        ("  >= 4", 3, Op::Ge),
        ("usia=4=5", 7, Op::Eq),
        ("\"nama\"=x", 7, Op::Eq),
        ("kemas and ~x", 11, Op::Contains),
        ("(usia=4 <5)", 9, Op::Lt),
        ("not =4", 5, Op::Eq),
        ("(!=4)", 2, Op::Ne),
    ] {
        assert_eq!(
            e(s),
            FilterError {
                column,
                kind: ErrorKind::UnexpectedOperator { op }
            },
            "{s}"
        );
    }
}

#[test]
fn error_unterminated_quote_at_the_quote() {
    for (s, column) in [
        ("\"abc", 1),
        ("nama=\"abc", 6),
        ("x \"ab\\\"", 3),
        ("é \"", 3),
        ("\"a\" \"b", 5),
        ("x\"", 2),
    ] {
        assert_eq!(
            e(s),
            FilterError {
                column,
                kind: ErrorKind::UnterminatedQuote
            },
            "{s}"
        );
    }
}

#[test]
fn error_expected_condition() {
    let cases: &[(&str, usize, Option<&str>, Option<&str>)] = &[
        ("x and", 6, Some("and"), None),
        ("x dan  ", 8, Some("dan"), None),
        ("x or", 5, Some("or"), None),
        ("x ||", 5, Some("||"), None),
        ("x &&", 5, Some("&&"), None),
        ("not", 4, Some("not"), None),
        ("x bukan", 8, Some("bukan"), None),
        ("!", 2, Some("!"), None),
        ("and x", 1, None, Some("and")),
        ("OR x", 1, None, Some("OR")),
        ("&& x", 1, None, Some("&&")),
        ("x or or y", 6, Some("or"), Some("or")),
        ("x and or y", 7, Some("and"), Some("or")),
        ("x or and y", 6, Some("or"), Some("and")),
        ("not and x", 5, Some("not"), Some("and")),
        ("(x and)", 7, Some("and"), Some(")")),
        ("(not)", 5, Some("not"), Some(")")),
        ("(", 2, Some("("), None),
        ("( or x)", 3, Some("("), Some("or")),
        ("x (", 4, Some("("), None),
    ];
    for (s, column, after, found) in cases {
        assert_eq!(
            e(s),
            FilterError {
                column: *column,
                kind: ErrorKind::ExpectedCondition {
                    after: after.map(String::from),
                    found: found.map(String::from),
                }
            },
            "{s}"
        );
    }
}

#[test]
fn error_parentheses() {
    for (s, column, kind) in [
        (
            "(usia>4",
            8,
            ErrorKind::MissingCloseParen { open_column: 1 },
        ),
        (
            "x ((a) or b",
            12,
            ErrorKind::MissingCloseParen { open_column: 3 },
        ),
        (
            "é (a (b)",
            9,
            ErrorKind::MissingCloseParen { open_column: 3 },
        ),
        ("usia>4)", 7, ErrorKind::StrayCloseParen),
        (")", 1, ErrorKind::StrayCloseParen),
        ("a) (b", 2, ErrorKind::StrayCloseParen),
        ("(a))", 4, ErrorKind::StrayCloseParen),
        ("x or )", 6, ErrorKind::StrayCloseParen),
        ("()", 1, ErrorKind::EmptyParens),
        ("x ( )", 3, ErrorKind::EmptyParens),
        ("(a ())", 4, ErrorKind::EmptyParens),
    ] {
        assert_eq!(e(s), FilterError { column, kind }, "{s}");
    }
}

#[test]
fn error_nesting_depth_is_limited() {
    let deep = |n: usize| format!("{}x{}", "(".repeat(n), ")".repeat(n));
    assert!(parse(&deep(MAX_DEPTH)).is_ok());
    assert_eq!(
        e(&deep(MAX_DEPTH + 1)),
        FilterError {
            column: MAX_DEPTH + 1,
            kind: ErrorKind::TooDeep { limit: MAX_DEPTH }
        }
    );
    let nots = |n: usize| format!("{}jk=L", "not ".repeat(n));
    assert!(m(&nots(MAX_DEPTH), &kemas()));
    assert!(!m(&nots(MAX_DEPTH - 1), &kemas()));
    assert_eq!(e(&nots(MAX_DEPTH + 1)).column, 4 * MAX_DEPTH + 1);
    assert_eq!(
        e(&format!("{}x", "!".repeat(MAX_DEPTH + 1))).column,
        MAX_DEPTH + 1
    );
    // Parentheses and nots count together.
    let mixed = format!(
        "{}x{}",
        "(!".repeat(MAX_DEPTH / 2),
        ")".repeat(MAX_DEPTH / 2)
    );
    assert!(parse(&mixed).is_ok());
    let mixed = format!("a {}x", "!(".repeat(MAX_DEPTH / 2 + 1));
    assert_eq!(e(&mixed).column, 3 + MAX_DEPTH);
    // Far beyond the limit: an error, not a stack overflow.
    let huge = format!("{}x", "(".repeat(1_000_000));
    assert_eq!(e(&huge).kind, ErrorKind::TooDeep { limit: MAX_DEPTH });
    let huge = format!("{}x", "not ".repeat(200_000));
    assert_eq!(e(&huge).kind, ErrorKind::TooDeep { limit: MAX_DEPTH });
    // Siblings do not add depth.
    let wide = "(a) ".repeat(10_000);
    assert!(parse(&wide).is_ok());
}

#[test]
fn the_first_problem_in_the_text_is_reported() {
    assert_eq!(e("umur>1 \"open").column, 1);
    assert_eq!(e("usia>1 \"open").column, 8);
    assert_eq!(e("kinerja>=X =>").column, 10);
    assert_eq!(e("x and => y").column, 7);
    assert_eq!(e("(x => y").column, 4);
}

#[test]
fn error_columns_count_characters_not_bytes() {
    assert_eq!(e("ñ kinerja>=X").column, 12);
    assert_eq!(e("\"ÉÉÉ\" kotak=10").column, 13);
    assert_eq!(e("日本語 and").column, 8);
    assert_eq!(e("🙂🙂 (").column, 5);
}

#[test]
fn control_characters_and_nul_never_panic() {
    for s in [
        "\0",
        "\u{7}kinerja>=B",
        "nama=\"\0\"",
        "\u{feff}usia>1",
        "\r\n(kemas)\r\n",
        "\u{202e}x",
        "\u{0}\u{0}=\u{0}",
    ] {
        if let Ok(f) = parse(s) {
            f.matches(&kemas(), on());
        }
    }
    assert!(m("\"\u{0}\"", &with(|c| c.nama = ("a\u{0}b").into())));
}

#[test]
fn huge_inputs_parse_and_evaluate() {
    let many = "kemas ".repeat(200_000);
    assert!(m(&many, &kemas()));
    let ors = format!("{}kemas", "nyimas or ".repeat(100_000));
    assert!(m(&ors, &kemas()));
    let long_word = "x".repeat(1_000_000);
    assert!(!m(&long_word, &kemas()));
    assert_eq!(e(&format!("{long_word} =>")).column, 1_000_002);
}

// ---------------------------------------------------------------- sorting

fn sorted(field: &str, rows: &[Candidate]) -> Vec<i64> {
    let f = Field::parse(field).unwrap();
    let mut v: Vec<&Candidate> = rows.iter().collect();
    v.sort_by(|a, b| compare(&f, a, b, on()));
    v.iter().map(|c| c.id).collect()
}

fn people() -> Vec<Candidate> {
    let a = with(|c| {
        c.id = 10;
        c.tingkat = Tingkat::JptPratama;
        c.nama = ("budi").into();
        c.golongan = Golongan::parse("IV/c").unwrap();
        c.pendidikan = Pendidikan::S1;
        c.kotak = Some(5);
        c.skp = smallvec::smallvec![(2024, Predikat::Baik)];
        c.potensi = Some(Potensi::Menengah);
        c.instansi = None;
    });
    let b = with(|c| {
        c.id = 11;
        c.nama = ("Ani").into();
        c.birth = d(1970, 1, 1);
        c.golongan = Golongan::Pppk(3);
        c.pendidikan = Pendidikan::D4;
        c.tmt_jabatan = None;
        c.competency = [0; 9];
        c.skp = smallvec::smallvec![];
        c.potensi = None;
        c.kotak = None;
        c.status = Status::Pppk;
        c.sex = Sex::P;
    });
    let mut s = sparse();
    s.id = 12;
    let mut k = kemas();
    k.id = 13;
    vec![a, b, s, k]
}

#[test]
fn compare_orders_ascending_with_missing_last() {
    let rows = people();
    assert_eq!(sorted("nama", &rows), vec![11, 10, 13, 12]);
    assert_eq!(sorted("tingkat", &rows), vec![12, 11, 13, 10]);
    assert_eq!(sorted("golongan", &rows), vec![13, 10, 11, 12]);
    assert_eq!(sorted("usia", &rows), vec![12, 10, 13, 11]);
    assert_eq!(sorted("kotak", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("kinerja", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("kinerja.2024", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("perf.2025", &rows), vec![13, 10, 11, 12]);
    assert_eq!(sorted("potensi", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("integritas", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("masa_jabatan", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("instansi", &rows), vec![11, 13, 10, 12]);
    assert_eq!(sorted("status", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("jk", &rows), vec![10, 13, 11, 12]);
    assert_eq!(sorted("nip", &rows), vec![10, 11, 13, 12]);
    assert_eq!(sorted("jp", &rows), vec![12, 10, 11, 13]);
    // D4 and S1 are one level: a stable sort keeps their order.
    assert_eq!(sorted("pendidikan", &rows), vec![10, 11, 12, 13]);
}

#[test]
fn compare_ties_and_missing() {
    let on = on();
    let k = kemas();
    let s = sparse();
    let eq = |f: Field, a: &Candidate, b: &Candidate| compare(&f, a, b, on);
    assert_eq!(eq(Field::Nama, &k, &k), Ordering::Equal);
    let upper = with(|c| c.nama = "KEMAS AHMAD FAUZI, S.E., M.SI.".into());
    assert_eq!(eq(Field::Nama, &k, &upper), Ordering::Equal);
    assert_eq!(eq(Field::Kotak, &k, &s), Ordering::Less);
    assert_eq!(eq(Field::Kotak, &s, &k), Ordering::Greater);
    assert_eq!(eq(Field::Kotak, &s, &s), Ordering::Equal);
    let s1 = with(|c| c.pendidikan = Pendidikan::S1);
    assert_eq!(eq(Field::Pendidikan, &s1, &s), Ordering::Equal);
    assert_eq!(eq(Field::Pendidikan, &k, &s), Ordering::Greater);
    assert_eq!(eq(Field::Tingkat, &k, &s), Ordering::Greater);
    assert_eq!(eq(Field::Golongan, &k, &s), Ordering::Less);
    assert_eq!(eq(Field::KinerjaTahun(1999), &k, &s), Ordering::Equal);
    let low = with(|c| c.potensi = Some(Potensi::Rendah));
    assert_eq!(eq(Field::Potensi, &low, &k), Ordering::Less);
    let comp = Field::Kompetensi(Competency::MengelolaPerubahan);
    assert_eq!(eq(comp, &k, &s), Ordering::Less);
    let empty_unit = with(|c| c.unit = Text::new(""));
    assert_eq!(eq(Field::Unit, &empty_unit, &s), Ordering::Greater);
}

#[test]
fn compare_agrees_with_the_filters_order() {
    // For every ordered field, a < b in compare iff `field<value-of-b` holds for a.
    let rows = people();
    type Probe = fn(&Candidate) -> Option<String>;
    let probes: &[(&str, Probe)] = &[
        ("tingkat", |c| Some(c.tingkat.code().into())),
        ("usia", |c| Some(c.age(on()).to_string())),
        ("kotak", |c| c.kotak.map(|k| k.to_string())),
        ("kinerja", |c| c.latest_predikat().map(|p| p.code().into())),
        ("potensi", |c| c.potensi.map(|p| p.code().into())),
        ("pendidikan", |c| Some(c.pendidikan.code().into())),
        ("integritas", |c| {
            c.level(Competency::Integritas).map(|l| l.to_string())
        }),
    ];
    for (name, value) in probes {
        let f = Field::parse(name).unwrap();
        for a in &rows {
            for b in &rows {
                let (Some(_), Some(vb)) = (value(a), value(b)) else {
                    continue;
                };
                let less = ok(&format!("{name}<{vb}")).matches(a, on());
                assert_eq!(compare(&f, a, b, on()) == Ordering::Less, less, "{name}");
            }
        }
    }
}

// ---------------------------------------------------------------- no allocation

mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        static ALLOCS: Cell<usize> = const { Cell::new(0) };
    }

    /// The system allocator, counting allocations per thread.
    pub struct Counting;

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
            let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
            unsafe { System.realloc(ptr, layout, new) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    pub fn count() -> usize {
        ALLOCS.with(|n| n.get())
    }
}

#[test]
fn matches_does_not_allocate() {
    let rows = [kemas(), sparse()];
    let filters: Vec<Filter> = [
        "kotak>=7 unit~pendidikan",
        "(pengambilan_keputusan>=4 or mengelola_perubahan>=4) and not kinerja<=BP",
        "golongan>=III/c pendidikan>=S2 tingkat>=administrator",
        "kinerja.2024=SB kinerja.2025=SB usia<45 jp>=20 masa_jabatan>2",
        "\"Kemas\" nama=x instansi~sumatera potensi=none status=pns jk!=P nip~1986",
        "kemas or guru or \"kepala seksi\" or kepegawaian",
        "pensiun<12bln tanggal_lahir<1990 tmt_jabatan>=2th kinerja.2th>=B kotak in (7,8,9)",
    ]
    .iter()
    .map(|s| ok(s))
    .collect();
    // The default rules (for `pensiun`) are made once, on first use.
    assert!(!ok("pensiun<12bln kinerja.2th>=B kotak=7,8,9").matches(&sparse(), on()));
    let before = counting::count();
    let mut hits = 0;
    for _ in 0..100 {
        for f in &filters {
            for c in &rows {
                hits += usize::from(f.matches(c, on()));
            }
        }
    }
    assert_eq!(counting::count(), before, "matches allocated");
    assert!(hits > 0);
    // The counter does see allocations.
    let v = std::hint::black_box(vec![1u8; 16]);
    assert!(counting::count() > before && v.len() == 16);
}

// ---------------------------------------------------------------- messages

#[test]
fn messages_in_both_languages_name_what_was_expected() {
    use crate::strings::{en, id};
    let x = e("kinerja>=X");
    for msg in [id::filter::error(&x), en::filter::error(&x)] {
        assert!(msg.contains("`X`"), "{msg}");
        assert!(msg.contains("SB, B, BP, K, SK"), "{msg}");
        assert!(msg.contains("\"sangat baik\""), "{msg}");
    }
    assert!(id::filter::error(&x).starts_with("`X` bukan predikat;"));
    assert!(en::filter::error(&x).starts_with("`X` is not a predikat;"));

    let f = e("umur>40");
    for msg in [id::filter::error(&f), en::filter::error(&f)] {
        assert!(msg.contains("umur") && msg.contains("usia") && msg.contains("masa_jabatan"));
        assert!(msg.contains("kinerja.YYYY") && msg.contains("decision_making"));
    }
    let o = e("jk>L");
    for msg in [id::filter::error(&o), en::filter::error(&o)] {
        assert!(
            msg.contains("jk") && msg.contains("`>`") && msg.contains("= !="),
            "{msg}"
        );
    }
    let p = e("(usia>4");
    assert!(id::filter::error(&p).contains("karakter ke-1"));
    assert!(en::filter::error(&p).contains("column 1"));
    let t = e("kotak=10");
    assert!(en::filter::error(&t).contains("1 to 9"));
    assert!(id::filter::error(&t).contains("1 sampai 9"));
    let g = e("golongan>=V/a");
    assert!(en::filter::error(&g).contains("I/a .. IV/e"));
}

#[test]
fn every_error_kind_has_a_message_in_each_language() {
    use crate::strings::{en, id};
    let samples = [
        "\"x",
        "a => b",
        "=4",
        "umur=1",
        "kinerja.x=B",
        "jk>L",
        "usia>",
        "usia=x",
        "kotak=0",
        "golongan=z",
        "pendidikan=x",
        "kinerja=x",
        "usia>none",
        "x and",
        "and x",
        "(x",
        "x)",
        "()",
        "kotak 9",
        "kotak>=7,8",
        "kotak in 7",
    ];
    let deep = "(".repeat(MAX_DEPTH + 1);
    let mut kinds = std::collections::HashSet::new();
    for s in samples.iter().copied().chain([deep.as_str()]) {
        let err = e(s);
        kinds.insert(std::mem::discriminant(&err.kind));
        let (i, n) = (id::filter::error(&err), en::filter::error(&err));
        assert!(!i.is_empty() && !n.is_empty() && i != n, "{s}: {i} / {n}");
        assert!(!i.contains("ErrorKind") && !n.contains("ErrorKind"));
    }
    assert_eq!(kinds.len(), 17, "every ErrorKind variant is exercised");
}

#[test]
fn refines_only_when_evident() {
    let r = |a: &str, b: &str| parse(a).unwrap().refines(&parse(b).unwrap());
    assert!(r("kotak>=7", ""));
    assert!(!r("", "kotak>=7"));
    assert!(r("kotak>=7 unit~pe", "kotak>=7"));
    assert!(r("kotak>=7 unit~pend", "kotak>=7 unit~pe"));
    assert!(r("guru", "gu"));
    assert!(r("kotak>=7 guru", "gu"));
    assert!(r("usia>=45", "usia>=4"));
    assert!(r("usia<=4", "usia<=45"));
    assert!(r("kotak>7", "kotak>5"));
    assert!(!r("usia>=4", "usia>=45"));
    assert!(!r("unit~pe", "unit~pend"));
    assert!(!r("kotak>=7", "kotak>=7 unit~pe"));
    assert!(!r("kotak>=7 or guru", "kotak>=7"));
    assert!(!r("not guru", "not gu"));
    assert!(!r("nama=\"ab\"", "nama=\"a\""));
    assert!(
        !r("unit~\" a\"", "unit~\" \""),
        "a blank needle matches no missing value"
    );
    assert!(r("unit~\"ab\"", "unit~\"a\""));
}

#[test]
fn reads_names_when_a_term_or_a_name_field_is_used() {
    let r = |a: &str| parse(a).unwrap().reads_names();
    assert!(!r(""));
    assert!(!r("kotak>=7 unit~pendidikan integritas>=4"));
    assert!(!r("jabatan~guru or not instansi=none"));
    assert!(r("guru"));
    assert!(r("kotak>=7 (usia<40 or nama~ahmad)"));
    assert!(r("not nip~1986"));
}

/// Kemas with a position history: Pelaksana 2010-01-04 .. 2016-01-03, Pengawas
/// (Kepala Seksi) 2016-01-04 .. 2021-01-03, JF Analis Kebijakan Ahli Madya
/// 2021-01-04, still held (his record's tingkat says Pengawas, so this open
/// span is not at the current tier).
fn kemas_with_history() -> Candidate {
    use crate::domain::career::{Career, PositionSpan};
    let mut c = kemas();
    c.career = Career::new(
        vec![
            PositionSpan::new(
                Tingkat::Pelaksana,
                "Pengadministrasi Umum",
                d(2010, 1, 4),
                Some(d(2016, 1, 3)),
            ),
            PositionSpan::new(
                Tingkat::Pengawas,
                "Kepala Seksi Kurikulum",
                d(2016, 1, 4),
                Some(d(2021, 1, 3)),
            ),
            PositionSpan::new(
                Tingkat::Fungsional,
                "Analis Kebijakan Ahli Madya",
                d(2021, 1, 4),
                None,
            ),
        ],
        vec![],
    );
    c
}

#[test]
fn experience_fields_parse_with_aliases_and_names() {
    let cases = [
        ("pengalaman", Field::Pengalaman(None)),
        ("experience", Field::Pengalaman(None)),
        (
            "PENGALAMAN.Pengawas",
            Field::Pengalaman(Some(Tingkat::Pengawas)),
        ),
        (
            "experience.administrator",
            Field::Pengalaman(Some(Tingkat::Administrator)),
        ),
        (
            "pengalaman.jpt_pratama",
            Field::Pengalaman(Some(Tingkat::JptPratama)),
        ),
        (
            "pengalaman.eselon_iv",
            Field::Pengalaman(Some(Tingkat::Pengawas)),
        ),
    ];
    for (name, field) in cases {
        assert_eq!(Field::parse(name), Some(field), "{name}");
    }
    assert_eq!(Field::Pengalaman(None).name(), "pengalaman");
    assert_eq!(
        Field::Pengalaman(Some(Tingkat::JptMadya)).name(),
        "pengalaman.jpt_madya"
    );
    assert_eq!(Field::parse("pengalaman.fungsional"), None);
    assert!(FIELD_NAMES.contains(&"pengalaman.TINGKAT"));
    assert_eq!(FIELD_NAMES.len(), FIELD_ALIASES.len() + 2);
}

#[test]
fn experience_counts_years_on_a_tier_or_higher_from_the_history() {
    let c = kemas_with_history();
    let on = d(2026, 1, 4);
    let mv = |s: &str| ok(s).matches(&c, on);
    // Pengawas or higher (JF ahli madya stands beside Administrator):
    // 2016-01-04 .. 2026-01-03, exactly 10 years on the as-of date.
    assert!(mv("pengalaman.pengawas>=10"));
    assert!(!mv("pengalaman.pengawas>10"));
    // Administrator or higher: the ahli madya years since 2021-01-04, exactly 5.
    assert!(mv("pengalaman.administrator=5"));
    assert!(mv("experience.administrator>=3"));
    // A day earlier it is 4 years and 364 days: 4.
    assert!(ok("pengalaman.administrator=4").matches(&c, d(2026, 1, 3)));
    assert!(!mv("pengalaman.jpt_pratama>=1"));
    assert!(mv("pengalaman.jpt_pratama=0"));
    // Cumulative: every post since 2010-01-04, exactly 16 years.
    assert!(mv("pengalaman>=16"));
    assert!(!mv("pengalaman>16"));
    assert!(!ok("pengalaman>=16").matches(&c, d(2026, 1, 3)));
}

#[test]
fn experience_without_a_history_is_missing_for_every_operator() {
    let c = kemas();
    for s in [
        "pengalaman>=0",
        "pengalaman<100",
        "pengalaman!=3",
        "pengalaman.pengawas>=0",
        "pengalaman.administrator!=1",
    ] {
        assert!(!ok(s).matches(&c, on()), "{s}");
        assert!(ok(&format!("not {s}")).matches(&c, on()), "not {s}");
    }
    assert!(ok("pengalaman=none").matches(&c, on()));
    assert!(!ok("pengalaman=none").matches(&kemas_with_history(), on()));
}

#[test]
fn tenure_reads_the_open_span_at_the_current_tier_else_the_tmt() {
    let mut c = kemas_with_history();
    let on = d(2026, 6, 1);
    // The open span is functional while the record says Pengawas: the TMT (2021-01-04).
    assert!(ok("masa_jabatan=5").matches(&c, on));
    // At the current tier, the open span's start wins over the TMT.
    c.tingkat = Tingkat::Fungsional;
    c.tmt_jabatan = Some(d(2024, 1, 2));
    assert!(ok("masa_jabatan=5").matches(&c, on));
    // Without a history: the TMT, as before.
    c.career = Default::default();
    assert!(ok("masa_jabatan=2").matches(&c, on));
    c.tmt_jabatan = None;
    assert!(!ok("masa_jabatan>=0").matches(&c, on));
}

#[test]
fn error_bad_experience_tier_points_after_the_dot() {
    let cases = [
        ("pengalaman.kepala>=2", 12, "kepala"),
        ("pengalaman.=3", 12, ""),
        ("x experience.fungsional>1", 14, "fungsional"),
    ];
    for (s, column, text) in cases {
        assert_eq!(
            e(s),
            FilterError {
                column,
                kind: ErrorKind::BadTier { text: text.into() }
            },
            "{s}"
        );
    }
    assert_eq!(
        e("pengalaman.pengawas>=x"),
        FilterError {
            column: 22,
            kind: ErrorKind::BadValue {
                field: Field::Pengalaman(Some(Tingkat::Pengawas)),
                value: "x".into(),
                expected: Expected::WholeNumber,
            }
        }
    );
    assert_eq!(
        e("pengalaman~3").kind,
        ErrorKind::OperatorNotAllowed {
            field: Field::Pengalaman(None),
            op: Op::Contains,
            allowed: super::field::ORDER_OPS,
        }
    );
}
