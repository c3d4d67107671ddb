//! Tests of what HR admins asked the language for (issue 20): value lists,
//! dates and spans (`tanggal_lahir`, `tmt_jabatan`, `pensiun`), "in each of
//! the last N years" (`kinerja.2th`), and field names typed without an
//! operator, which once were silent text searches.

use super::eval::{Cond, Node, Unit, Value};
use super::*;
use crate::domain::candidate::Text;
use crate::domain::{Predikat, Rules, Tingkat};

// The helpers of the unit tests: as of 2026-11-22; kemas() is sample() (born
// 1986-09-26, Pengawas: BUP 58, TMT pensiun 2044-10-01; TMT jabatan
// 2021-01-04; SB 2024 and 2025, B 2023; box 9).
use super::tests::{d, e, kemas, m, ok, on, with};

// ---------------------------------------------------------------- value lists

#[test]
fn value_lists_with_commas_or_in() {
    let nine = kemas();
    let five = with(|c| c.kotak = Some(5));
    let none = with(|c| c.kotak = None);
    for f in [
        "kotak=7,8,9",
        "kotak in (7,8,9)",
        "kotak in (7, 8, 9)",
        "KOTAK IN (9)",
        "box in (\"7\" \"9\")",
        "kotak=9,",
    ] {
        assert!(m(f, &nine), "{f}");
        assert!(!m(f, &five), "{f}");
        assert!(!m(f, &none), "{f}: no box is missing");
    }
    // `!=` is none of them; a missing value is false either way.
    assert!(m("kotak!=1,2,3", &nine));
    assert!(!m("kotak!=5,9", &five));
    assert!(!m("kotak!=1,2", &none));
    assert!(m("not kotak in (7,8,9)", &five));
    // `none` in a list.
    assert!(m("kotak=9,none", &none) && m("kotak=9,none", &nine) && !m("kotak=9,none", &five));
    // Other fields.
    assert!(m("golongan=III/c,III/d", &nine));
    assert!(m("kinerja in (SB, B)", &nine));
    assert!(m("tingkat=pengawas,administrator", &nine));
    assert!(m(
        "unit in (\"dinas kesehatan\", \"dinas pendidikan\")",
        &with(|c| c.unit = Text::new("Dinas Pendidikan"))
    ));
    assert!(!m("unit in (\"dinas kesehatan\", \"dinas sosial\")", &nine));
    // The tree: one list condition.
    assert_eq!(
        ok("kotak in (7,8)").root,
        ok("kotak=7,8").root,
        "the two spellings are one filter"
    );
    assert_eq!(
        ok("kotak=7,8").root,
        Some(Node::Cond(Cond {
            field: Field::Kotak,
            op: Op::Eq,
            value: Value::List(vec![Value::Num(7), Value::Num(8)].into()),
        }))
    );
}

#[test]
fn text_fields_keep_commas_as_text() {
    // Names carry commas ("Hj. Siti Aminah, S.E."): a comma in a text value is text.
    let c = with(|c| c.nama = "Siti Aminah, S.E.".into());
    assert!(m("nama~aminah,", &c));
    assert!(m("nama=\"siti aminah, s.e.\"", &c));
}

#[test]
fn list_errors_name_the_column() {
    let x = e("kotak>=7,8");
    assert_eq!(x.column, 6);
    assert!(matches!(
        x.kind,
        ErrorKind::ListNeedsEquality { op: Op::Ge, .. }
    ));
    let x = e("kotak=7,10,9");
    assert_eq!(x.column, 9, "the bad item");
    assert!(matches!(x.kind, ErrorKind::BadValue { ref value, .. } if value == "10"));
    let x = e("kotak in (7, 10)");
    assert_eq!(x.column, 14);
    let x = e("kotak in 7,8");
    assert_eq!(
        (x.column, matches!(x.kind, ErrorKind::BadList { .. })),
        (10, true)
    );
    let x = e("kotak in");
    assert_eq!(
        (x.column, matches!(x.kind, ErrorKind::BadList { .. })),
        (9, true)
    );
    let x = e("kotak in (7,8");
    assert!(matches!(
        x.kind,
        ErrorKind::MissingCloseParen { open_column: 10 }
    ));
    let x = e("kotak in ()");
    assert_eq!(
        (x.column, matches!(x.kind, ErrorKind::BadList { .. })),
        (11, true)
    );
    let x = e("kotak in (7 and 8)");
    assert_eq!(
        (x.column, matches!(x.kind, ErrorKind::BadList { .. })),
        (13, true)
    );
}

// ---------------------------------------------------------------- dates

#[test]
fn date_fields_take_dates_months_and_years() {
    let k = kemas();
    for (f, want) in [
        ("tanggal_lahir<01-01-1990", true),
        ("tanggal_lahir<1986-09-26", false),
        ("tanggal_lahir<=26-09-1986", true),
        ("tanggal_lahir=26/09/1986", true),
        ("tanggal_lahir=1986", true),
        ("tanggal_lahir=09-1986", true),
        ("tanggal_lahir=1986-09", true),
        ("tanggal_lahir=10-1986", false),
        ("tanggal_lahir<1986", false),
        ("tanggal_lahir<=1986", true),
        ("tanggal_lahir>1985", true),
        ("tanggal_lahir>1986", false),
        ("tanggal_lahir>=1986", true),
        ("tanggal_lahir!=1986", false),
        ("birth_date<1990", true),
        ("tmt_jabatan<=2021", true),
        ("tmt_jabatan=04-01-2021", true),
        ("tmt_jabatan>=2022", false),
        ("post_start=2021-01", true),
        ("pensiun=2044", true),
        ("pensiun=01-10-2044", true),
        ("pensiun<2044", false),
        ("retirement>=10-2044", true),
        ("tmt_pensiun<=09-2044", false),
    ] {
        assert_eq!(m(f, &k), want, "{f}");
    }
    // A missing TMT jabatan is missing.
    let no_tmt = with(|c| c.tmt_jabatan = None);
    assert!(!m("tmt_jabatan<2030", &no_tmt) && !m("tmt_jabatan>=1900", &no_tmt));
    assert!(m("tmt_jabatan=none", &no_tmt) && !m("tmt_jabatan=none", &k));
}

#[test]
fn spans_count_whole_units_from_the_as_of_date() {
    // Retiring: the as-of date is 2026-11-22.
    let retiring = |y, mo| with(|c| c.birth = d(y - 58, mo, 10)); // Pengawas: BUP 58
    let in_11_months = retiring(2027, 10); // TMT pensiun 2027-11-01: 11 months 10 days ahead
    assert_eq!(in_11_months.retirement(&Rules::default()), d(2027, 11, 1));
    assert!(m("pensiun<12bln", &in_11_months));
    assert!(m("pensiun<1th", &in_11_months));
    assert!(m("pensiun=11bln", &in_11_months));
    assert!(!m("pensiun<11bln", &in_11_months));
    let in_12_months = retiring(2027, 11); // 2027-12-01
    assert!(!m("pensiun<12bln", &in_12_months) && m("pensiun<=12bln", &in_12_months));
    assert!(m("pensiun<2th", &in_12_months) && !m("pensiun<1th", &in_12_months));
    assert!(m("pensiun<400hr", &in_12_months) && !m("pensiun<300hr", &in_12_months));
    // Already past the TMT pensiun (still on the books): less than any span ahead,
    // as `positions --retiring-within` counts them; `>=0bln` leaves them out.
    let past = retiring(2026, 5); // 2026-06-01
    assert!(m("pensiun<12bln", &past));
    assert!(!m("pensiun>=0bln", &past) && m("pensiun>=0bln", &in_11_months));
    // Behind the as-of date: tanggal_lahir as age, tmt_jabatan as tenure.
    let k = kemas(); // 40 years old, in post since 2021-01-04 (5 years)
    for (f, want) in [
        ("tanggal_lahir>=40th", true),
        ("tanggal_lahir>=41th", false),
        ("tmt_jabatan>=5th", true),
        ("tmt_jabatan>=6th", false),
        ("tmt_jabatan>=70bln", true),
        ("tmt_jabatan>=71bln", false),
        ("post_start>2y", true),
        ("tmt_jabatan<2tahun", false),
    ] {
        assert_eq!(m(f, &k), want, "{f}");
    }
}

#[test]
fn date_spans_agree_with_usia_and_masa_jabatan() {
    let births = [
        d(1986, 9, 26),
        d(1986, 11, 22),
        d(1986, 11, 23),
        d(1988, 2, 29),
        d(1966, 1, 31),
    ];
    for birth in births {
        for n in 35..=42 {
            let c = with(|c| {
                c.birth = birth;
                c.tmt_jabatan = Some(birth);
            });
            for op in ["<", "<=", "=", "!=", ">", ">="] {
                assert_eq!(
                    m(&format!("tanggal_lahir{op}{n}th"), &c),
                    m(&format!("usia{op}{n}"), &c),
                    "{birth} {op} {n}"
                );
                assert_eq!(
                    m(&format!("tmt_jabatan{op}{n}th"), &c),
                    m(&format!("masa_jabatan{op}{n}"), &c),
                    "{birth} {op} {n}"
                );
            }
        }
    }
}

#[test]
fn pensiun_follows_the_bup_of_the_post_and_the_rules() {
    // A guru keeps the Law's 60 (Pasal 240) whatever the jenjang; a JPT 60; ahli utama 65.
    let guru = with(|c| {
        c.tingkat = Tingkat::Fungsional;
        c.jabatan = Text::new("Guru Ahli Pertama");
        c.birth = d(1967, 3, 15);
    });
    assert!(m("pensiun=04-2027", &guru));
    assert!(m("pensiun<6bln", &guru));
    let admin = with(|c| {
        c.tingkat = Tingkat::Administrator;
        c.birth = d(1967, 3, 15);
    });
    assert!(m("pensiun=04-2025", &admin), "58: retired 2025-04-01");
    // The pool's rules decide through a prepared filter.
    let mut rules = Rules::default();
    rules.bup.guru = 62;
    let pool = Pool::new(vec![guru.clone()], on(), rules.clone());
    let f = ok("pensiun=2029");
    assert!(f.prepare(&pool).matches(0, &pool.rows[0]));
    assert!(f.matches_with(&guru, on(), &rules));
    assert!(!f.matches(&guru, on()), "the default rules: 2027");
}

#[test]
fn date_errors_say_what_a_date_is() {
    for (s, col, value) in [
        ("pensiun<12", 9, "12"),
        ("pensiun<12minggu", 9, "12minggu"),
        ("tanggal_lahir=31-02-1990", 15, "31-02-1990"),
        ("tanggal_lahir=13-1990", 15, "13-1990"),
        ("tmt_jabatan>x", 13, "x"),
        ("pensiun<99999bln", 9, "99999bln"),
    ] {
        let x = e(s);
        assert_eq!(x.column, col, "{s}");
        match &x.kind {
            ErrorKind::BadValue {
                value: v,
                expected: Expected::Date,
                ..
            } => assert_eq!(v, value, "{s}"),
            other => panic!("{s}: {other:?}"),
        }
    }
    assert!(matches!(
        e("pensiun~2027").kind,
        ErrorKind::OperatorNotAllowed { .. }
    ));
}

#[test]
fn spans_and_dates_parse_to_values() {
    let v = |s: &str| match ok(s).root {
        Some(Node::Cond(c)) => c.value,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        v("pensiun<12bln"),
        Value::Span {
            n: 12,
            unit: Unit::Month
        }
    );
    assert_eq!(
        v("pensiun<12BULAN"),
        Value::Span {
            n: 12,
            unit: Unit::Month
        }
    );
    assert_eq!(
        v("pensiun<12mo"),
        Value::Span {
            n: 12,
            unit: Unit::Month
        }
    );
    assert_eq!(
        v("pensiun<2th"),
        Value::Span {
            n: 2,
            unit: Unit::Year
        }
    );
    assert_eq!(
        v("pensiun<2y"),
        Value::Span {
            n: 2,
            unit: Unit::Year
        }
    );
    assert_eq!(
        v("pensiun<30hr"),
        Value::Span {
            n: 30,
            unit: Unit::Day
        }
    );
    assert_eq!(
        v("pensiun=2027"),
        Value::Dates {
            lo: d(2027, 1, 1),
            hi: d(2027, 12, 31)
        }
    );
    assert_eq!(
        v("pensiun=02-2028"),
        Value::Dates {
            lo: d(2028, 2, 1),
            hi: d(2028, 2, 29)
        }
    );
    assert_eq!(
        v("pensiun=2028/12"),
        Value::Dates {
            lo: d(2028, 12, 1),
            hi: d(2028, 12, 31)
        }
    );
    assert_eq!(
        v("pensiun=31-12-2027"),
        Value::Dates {
            lo: d(2027, 12, 31),
            hi: d(2027, 12, 31)
        }
    );
}

// ---------------------------------------------------------------- the last N years

#[test]
fn kinerja_in_each_of_the_last_n_years() {
    // As of 2026-11-22 the last two complete years are 2025 and 2024.
    let k = kemas(); // SB 2024, SB 2025, B 2023
    for (f, want) in [
        ("kinerja.2th=SB", true),
        ("kinerja.2th>=B", true),
        ("kinerja.3th=SB", false),
        ("kinerja.3th>=B", true),
        ("kinerja.3th<=B", false),
        ("kinerja.1th=SB", true),
        ("perf.2y=SB", true),
        ("kinerja.2tahun=SB", true),
        ("kinerja.2th!=B", true),
        ("kinerja.3th!=B", false),
        ("kinerja.3th in (SB, B)", true),
        ("kinerja.4th>=B", false),
        ("kinerja.4th=none", true),
        ("kinerja.3th!=none", true),
    ] {
        assert_eq!(m(f, &k), want, "{f}");
    }
    // The years before the as-of year, not the latest on record.
    let later = with(|c| c.skp.push((2026, Predikat::Kurang)));
    assert!(m("kinerja.2th=SB", &later));
    assert_eq!(Field::parse("kinerja.2th"), Some(Field::KinerjaTerakhir(2)));
    assert_eq!(Field::KinerjaTerakhir(2).name(), "kinerja.2th");
    assert_eq!(
        Field::parse("kinerja.10th"),
        Some(Field::KinerjaTerakhir(10))
    );
    for bad in ["kinerja.0th", "kinerja.11th", "kinerja.2bln", "kinerja.th"] {
        assert_eq!(Field::parse(bad), None, "{bad}");
        let x = e(&format!("{bad}=SB"));
        assert!(
            matches!(x.kind, ErrorKind::BadYear { .. }) && x.column == 9,
            "{bad}"
        );
    }
}

// ---------------------------------------------------------------- field names without an operator

#[test]
fn a_field_name_then_a_value_is_an_error_saying_what_was_meant() {
    for (s, col, field, value, op) in [
        ("kotak 9", 7, Field::Kotak, "9", Op::Eq),
        ("unit kesehatan", 6, Field::Unit, "kesehatan", Op::Contains),
        ("pensiun 2027", 9, Field::Pensiun, "2027", Op::Eq),
        ("pensiun 12bln", 9, Field::Pensiun, "12bln", Op::Lt),
        ("kotak 10", 7, Field::Kotak, "10", Op::Eq),
        ("kinerja SB", 9, Field::Kinerja, "SB", Op::Eq),
        ("usia>40 pendidikan S2", 20, Field::Pendidikan, "S2", Op::Eq),
        (
            "nama \"siti aminah\"",
            6,
            Field::Nama,
            "\"siti aminah\"",
            Op::Contains,
        ),
        ("potensi none", 9, Field::Potensi, "none", Op::Eq),
        ("kotak 7,8,9", 7, Field::Kotak, "7,8,9", Op::Eq),
    ] {
        let x = e(s);
        assert_eq!(x.column, col, "{s}");
        assert_eq!(
            x.kind,
            ErrorKind::MissingOperator {
                field,
                value: value.into(),
                suggest: op
            },
            "{s}"
        );
    }
    let msg = crate::strings::en::filter::error(&e("kotak 9"));
    assert!(msg.contains("did you mean kotak=9?"), "{msg}");
    let msg = crate::strings::id::filter::error(&e("unit kesehatan"));
    assert!(msg.contains("maksudnya unit~kesehatan?"), "{msg}");
}

#[test]
fn kotak_in_list_is_no_longer_a_silent_text_search() {
    // Once: three bare words, 0 matches. Now: the boxes.
    let f = ok("kotak in (7,8,9)");
    assert!(f.warnings().is_empty());
    assert!(f.matches(&kemas(), on()));
}

#[test]
fn a_bare_field_name_is_searched_with_a_warning() {
    // A unit named after a field (Dinas Pendidikan) is still found.
    let k = kemas(); // unit Dinas Pendidikan
    let f = ok("pendidikan");
    assert!(f.matches(&k, on()));
    assert_eq!(
        f.warnings(),
        &[FilterWarning {
            column: 1,
            field: Field::Pendidikan,
            split: None,
        }]
    );
    // Not followed by something the field takes: a warning, and the search.
    let f = ok("komunikasi informatika");
    assert_eq!(f.warnings().len(), 1);
    let f = ok("kotak usia>40");
    assert_eq!(f.warnings()[0].column, 1);
    assert_eq!(ok("x kotak").warnings()[0].column, 3);
    // Quoted: no warning; not a field name: no warning.
    assert!(ok("\"kotak\"").warnings().is_empty());
    assert!(ok("kemas guru").warnings().is_empty());
    assert!(ok("kotak>=7 unit~pendidikan").warnings().is_empty());
    // The message says what a condition looks like.
    let kotak = ok("kotak");
    let w = &kotak.warnings()[0];
    let msg = crate::strings::en::filter::warning(w);
    assert!(
        msg.contains("kotak>=7") && msg.contains("\"kotak\""),
        "{msg}"
    );
    let msg = crate::strings::id::filter::warning(w);
    assert!(
        msg.contains("kotak>=7") && msg.contains("nama kolom"),
        "{msg}"
    );
}

#[test]
fn new_errors_have_messages_in_each_language() {
    use crate::strings::{en, id};
    for s in ["kotak 9", "kotak>=7,8", "kotak in 7", "pensiun<x"] {
        let x = e(s);
        let (i, n) = (id::filter::error(&x), en::filter::error(&x));
        assert!(!i.is_empty() && !n.is_empty() && i != n, "{s}: {i} / {n}");
    }
}

// ---------------------------------------------------------------- counting per value

#[test]
fn count_by_groups_in_the_fields_order_with_missing_last() {
    let rows = vec![
        kemas(),
        with(|c| c.kotak = Some(5)),
        with(|c| c.kotak = Some(9)),
        with(|c| c.kotak = None),
        with(|c| c.unit = Text::new("DINAS PENDIDIKAN")),
    ];
    let g = count_by(Field::Kotak, &rows, on(), &Rules::default());
    let got: Vec<(Option<&str>, usize)> = g.iter().map(|g| (g.label.as_deref(), g.count)).collect();
    assert_eq!(got, [(Some("5"), 1), (Some("9"), 3), (None, 1)]);
    // Text groups ignore case (as `unit=` does) and show the first spelling.
    let g = count_by(Field::Unit, &rows, on(), &Rules::default());
    assert_eq!(g.len(), 1);
    assert_eq!(
        (g[0].label.as_deref(), g[0].count),
        (Some("Dinas Pendidikan"), 5)
    );
    // Dates per year.
    let g = count_by(Field::Pensiun, &rows, on(), &Rules::default());
    assert_eq!((g[0].label.as_deref(), g[0].count), (Some("2044"), 5));
}

#[test]
fn a_word_after_a_text_value_is_searched_with_a_warning() {
    let f = ok("unit=Dinas Kesehatan");
    assert_eq!(
        f.warnings(),
        &[FilterWarning {
            column: 12,
            field: Field::Unit,
            split: Some(Box::new((Op::Eq, "Dinas".into(), "Kesehatan".into()))),
        }]
    );
    // Quoted, a `~` search, or a condition next: no warning.
    for quiet in [
        "unit=\"Dinas Kesehatan\"",
        "unit~dinas kesehatan",
        "unit=BKD kotak>=7",
        "kotak=7 kepala",
    ] {
        assert!(ok(quiet).warnings().is_empty(), "{quiet}");
    }
}

#[test]
fn a_unit_or_a_second_value_after_a_condition_is_warned_of() {
    // (filter, column of the warned word, the word)
    for (filter, column, word) in [
        ("usia>50 tahun", 9, "tahun"),
        ("masa_jabatan>=2 thn", 17, "thn"),
        ("jp<20 jam", 7, "jam"),
        ("kotak=7 8", 9, "8"),
        ("kotak=7 atau 8", 14, "8"),
        ("kotak=7 or 8 9", 12, "8"),
        ("golongan=III/c III/d", 16, "III/d"),
        ("potensi=tinggi menengah", 16, "menengah"),
        ("tingkat=administrator pengawas", 23, "pengawas"),
    ] {
        let f = ok(filter);
        assert_eq!(f.warnings().len(), 1, "{filter}");
        let w = &f.warnings()[0];
        assert_eq!(w.column, column, "{filter}");
        assert_eq!(
            w.split.as_ref().map(|s| s.2.as_str()),
            Some(word),
            "{filter}"
        );
    }
    let en = crate::strings::en::filter::warning(&ok("kotak=7 atau 8").warnings()[0]);
    assert!(en.ends_with("write kotak=7,8"), "{en}");
    let id = crate::strings::id::filter::warning(&ok("usia>50 tahun").warnings()[0]);
    assert!(id.ends_with("tulis usia>50"), "{id}");
    // A name searched next to a condition, a word that is no value of the
    // field, a condition or a quoted word next: no warning.
    for quiet in [
        "kotak=7 kepala",
        "usia>50 budi",
        "kotak=7 or nama~budi",
        "kotak=7 \"8\"",
        "kotak>=7 unit~pendidikan",
        "kotak=7 or kepala",
        "usia>50 or tahun",
    ] {
        assert!(ok(quiet).warnings().is_empty(), "{quiet}");
    }
}

#[test]
fn not_in_and_empty_list_items() {
    // `field not in (...)` is `not field in (...)`: true without a box too.
    let no_box = with(|c| c.kotak = None);
    for (c, want) in [(&kemas(), false), (&no_box, true)] {
        assert_eq!(m("kotak not in (7,8,9)", c), want);
        assert_eq!(m("not kotak in (7,8,9)", c), want);
    }
    assert!(m("kotak not in (1, 2)", &kemas()));
    // A value left out is an error at its place, never ignored.
    for (filter, column) in [("kotak=7,,9", 9), ("kotak=,7", 7), ("kotak in (7,,9)", 13)] {
        let x = e(filter);
        assert_eq!(
            (x.column, matches!(x.kind, ErrorKind::EmptyListItem { .. })),
            (column, true),
            "{filter}"
        );
    }
    assert!(ok("kotak in (7, 8, 9)").warnings().is_empty());
}
