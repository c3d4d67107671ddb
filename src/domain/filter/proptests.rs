//! Property tests: no input makes the parser or the evaluator panic, error columns
//! stay inside the text, and the connectives mean what they say.

use super::*;
use crate::domain::candidate::tests::sample;
use crate::domain::candidate::Text;
use crate::domain::{Golongan, Pendidikan, Rules, Sex, Status, Tingkat};
use crate::strings::{en, id};
use proptest::prelude::*;

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn candidates() -> Vec<Candidate> {
    let mut full = sample();
    full.compute_kotak(&Rules::default());
    let mut sparse = sample();
    sparse.nama = ("Nyimas Rina").into();
    sparse.sex = Sex::P;
    sparse.status = Status::Pppk;
    sparse.golongan = Golongan::Pppk(9);
    sparse.tingkat = Tingkat::Fungsional;
    sparse.pendidikan = Pendidikan::D4;
    sparse.instansi = None;
    sparse.tmt_jabatan = None;
    sparse.skp.clear();
    sparse.competency = [0; 9];
    sparse.potensi = None;
    sparse.training.clear();
    sparse.kotak = None;
    let mut empty = sample();
    empty.nama = ("").into();
    empty.unit = Text::new("");
    empty.jabatan = Text::new("");
    empty.nip = "".into();
    vec![full, sparse, empty]
}

/// Parse, then check the error column or evaluate on every candidate.
fn exercise(s: &str) -> Result<Filter, FilterError> {
    let r = parse(s);
    match &r {
        Ok(f) => {
            for c in candidates() {
                f.matches(&c, on());
            }
        }
        Err(e) => {
            let len = s.chars().count();
            assert!(
                (1..=len + 1).contains(&e.column),
                "column {} outside 1..={} for {s:?}",
                e.column,
                len + 1
            );
            assert!(!id::filter::error(e).is_empty());
            assert!(!en::filter::error(e).is_empty());
        }
    }
    r
}

const TOKENS: &[&str] = &[
    // fields and aliases
    "nip",
    "nama",
    "name",
    "unit",
    "unit_kerja",
    "jabatan",
    "position",
    "instansi",
    "agency",
    "tingkat",
    "tier",
    "status",
    "jk",
    "sex",
    "golongan",
    "grade",
    "pendidikan",
    "education",
    "usia",
    "age",
    "kotak",
    "box",
    "kinerja",
    "perf",
    "kinerja.2024",
    "perf.2025",
    "kinerja.20x4",
    "potensi",
    "potential",
    "integritas",
    "decision_making",
    "pengambilan_keputusan",
    "jp",
    "training",
    "masa_jabatan",
    "tenure",
    "umur",
    "tanggal_lahir",
    "tmt_jabatan",
    "pensiun",
    "retirement",
    "kinerja.2th",
    "perf.3y",
    "kinerja.11th",
    "in",
    "IN",
    // operators
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "~",
    "=>",
    "&",
    "|",
    "==",
    // values
    "SB",
    "B",
    "BP",
    "K",
    "SK",
    "\"sangat baik\"",
    "III/c",
    "IV/e",
    "IX",
    "D-III",
    "D4",
    "S1",
    "S2",
    "jpt_utama",
    "administrator",
    "fungsional",
    "pns",
    "pppk",
    "L",
    "P",
    "tinggi",
    "R",
    "none",
    "kosong",
    "\"none\"",
    "0",
    "1",
    "4",
    "9",
    "10",
    "45",
    "-1",
    "99999999999",
    "7,8,9",
    ",",
    "7,",
    "12bln",
    "2th",
    "30hr",
    "2027",
    "12-2027",
    "31-12-2027",
    "2027-12-31",
    "31/02/2027",
    // keywords and punctuation
    "and",
    "dan",
    "&&",
    "or",
    "atau",
    "||",
    "not",
    "bukan",
    "!",
    "(",
    ")",
    "(",
    ")",
    // bare terms, quotes and odd characters
    "kemas",
    "\"Kemas\"",
    "\"a \\\" b\"",
    "\"",
    "\\",
    "é",
    "日本",
    "\u{0}",
    "\t",
    "🙂",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(TOKENS),
            prop::sample::select(&["", " ", "  "][..]),
        ),
        0..24,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, sep)| format!("{t}{sep}"))
            .collect::<String>()
    })
}

/// Filters that parse, built from well-formed conditions and connectives.
fn valid_filter() -> impl Strategy<Value = String> {
    let cond = prop::sample::select(
        &[
            "kotak>=7",
            "unit~pendidikan",
            "integritas>=4",
            "kinerja=SB",
            "kinerja>=B",
            "potensi=tinggi",
            "usia<45",
            "golongan>=III/c",
            "golongan<IX",
            "pendidikan>=S1",
            "pendidikan=D4",
            "kinerja.2024=SB",
            "potensi=none",
            "instansi!=none",
            "tingkat>=administrator",
            "jk=P",
            "status=pppk",
            "masa_jabatan>3",
            "jp<20",
            "kemas",
            "\"nyimas\"",
            "guru",
            "kotak=7,8,9",
            "kotak in (7, 8, 9)",
            "golongan!=III/c,III/d",
            "pensiun<12bln",
            "pensiun=2027",
            "tanggal_lahir<01-01-1990",
            "tmt_jabatan>=2th",
            "kinerja.2th>=B",
            "kinerja.3th=SB",
            "pendidikan",
        ][..],
    )
    .prop_map(String::from);
    cond.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} dan {b}")),
            inner.clone().prop_map(|a| format!("not ({a})")),
            inner.prop_map(|a| format!("!({a})")),
        ]
    })
}

/// A pool of candidates whose texts come from a small alphabet (so random
/// needles hit), some sharing one `Text`, some equal text apart, some blank.
fn text_pool(texts: &[(String, String, String, String)]) -> Pool {
    let shared = Text::new("Dinas ab");
    let mut rows = candidates();
    for (i, (nama, nip, jabatan, unit)) in texts.iter().enumerate() {
        let mut c = sample();
        c.id = 100 + i as i64;
        c.nama = nama.as_str().into();
        c.nip = nip.as_str().into();
        c.jabatan = Text::new(jabatan);
        c.unit = if i % 3 == 0 {
            shared.clone()
        } else {
            Text::new(unit)
        };
        c.instansi = (i % 4 != 0).then(|| Text::new(unit));
        rows.push(c);
    }
    Pool::new(rows, on(), Rules::default())
}

/// (nama, nip, jabatan, unit) of up to a dozen candidates for [`text_pool`].
fn texts() -> impl Strategy<Value = Vec<(String, String, String, String)>> {
    prop::collection::vec(
        (
            "[abAB 1é]{0,6}",
            "[0-9ab]{0,5}",
            "[abAB é]{0,6}",
            "[abAB ]{0,6}",
        ),
        0..12,
    )
}

fn text_filter() -> impl Strategy<Value = String> {
    let field = prop::sample::select(&["nama", "nip", "jabatan", "unit", "instansi"][..]);
    let op = prop::sample::select(&["~", "=", "!="][..]);
    let needle = "[abAB 1é]{0,3}";
    let cond = prop_oneof![
        (field, op, needle).prop_map(|(f, o, n)| format!("{f}{o}\"{n}\"")),
        needle.prop_map(|n| format!("\"{n}\"")),
        prop::sample::select(&["kotak>=7", "potensi=none", "instansi=none", "integritas>=4"][..])
            .prop_map(String::from),
    ];
    cond.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_refining_filter_matches_only_what_the_wider_one_matches(
        texts in texts(),
        wider in prop_oneof![text_filter(), valid_filter()],
        extra in prop_oneof![text_filter(), valid_filter()],
        cut in 0usize..4,
    ) {
        // Typing on: the wider filter with more text after it, or a longer needle.
        let pool = text_pool(&texts);
        let w = parse(&wider).unwrap();
        for narrow in [format!("{wider} {extra}"), format!("{wider}{}", &"ab1"[..cut.min(3)])] {
            let Ok(n) = parse(&narrow) else { continue };
            if !n.refines(&w) {
                continue;
            }
            for c in &pool.rows {
                prop_assert!(!n.matches(c, on()) || w.matches(c, on()), "{} vs {}", narrow, wider);
            }
        }
    }

    #[test]
    fn a_prepared_filter_agrees_with_per_candidate_matching(
        texts in texts(),
        f in prop_oneof![text_filter(), valid_filter()],
    ) {
        let pool = text_pool(&texts);
        let filter = parse(&f).unwrap();
        let m = filter.prepare(&pool);
        for (i, c) in pool.rows.iter().enumerate() {
            prop_assert_eq!(m.matches(i, c), filter.matches(c, on()), "{} on row {}", f, i);
        }
    }

    #[test]
    fn a_filter_prepared_within_some_rows_agrees_on_those_rows(
        texts in texts(),
        f in prop_oneof![text_filter(), valid_filter()],
        every in 40..64usize,
        from in 0..40usize,
    ) {
        // Some 300 rows, one in `every` of them few enough to be searched
        // row by row (`SPARSE`).
        let texts: Vec<_> = texts.iter().cycle().take(300).cloned().collect();
        let pool = text_pool(&texts);
        let filter = parse(&f).unwrap();
        let mut within = vec![0u64; pool.rows.len().div_ceil(64)];
        for r in (from..pool.rows.len()).step_by(every) {
            within[r / 64] |= 1 << (r % 64);
        }
        let m = filter.prepare_within(&pool, Some(&within));
        for (i, c) in pool.rows.iter().enumerate() {
            if within[i / 64] & (1 << (i % 64)) != 0 {
                prop_assert_eq!(m.matches(i, c), filter.matches(c, on()), "{} on row {}", f, i);
            }
        }
    }

    #[test]
    fn any_string_never_panics(s in any::<String>()) {
        let _ = exercise(&s);
    }

    #[test]
    fn printable_strings_never_panic(s in "\\PC{0,60}") {
        let _ = exercise(&s);
    }

    #[test]
    fn ascii_operator_heavy_strings_never_panic(s in "[a-z0-9 ()\"\\\\=!<>~&|./_-]{0,40}") {
        let _ = exercise(&s);
    }

    #[test]
    fn grammar_token_soup_never_panics(s in token_soup()) {
        let _ = exercise(&s);
    }

    #[test]
    fn ascii_case_does_not_change_the_meaning(s in token_soup()) {
        let upper = s.to_ascii_uppercase();
        match (parse(&s), parse(&upper)) {
            (Ok(a), Ok(b)) => {
                // The same tree and the same warnings at the same places; a
                // warning quotes the words as typed.
                prop_assert_eq!(&a.root, &b.root);
                let at = |f: &Filter| f.warnings.iter().map(|w| (w.column, w.field)).collect::<Vec<_>>();
                prop_assert_eq!(at(&a), at(&b));
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(a.column, b.column);
                prop_assert_eq!(std::mem::discriminant(&a.kind), std::mem::discriminant(&b.kind));
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
        }
    }

    #[test]
    fn not_and_or_mean_what_they_say(a in valid_filter(), b in valid_filter()) {
        let fa = parse(&a).unwrap();
        let fb = parse(&b).unwrap();
        let not_a = parse(&format!("not ({a})")).unwrap();
        let and = parse(&format!("({a}) ({b})")).unwrap();
        let and_kw = parse(&format!("({a}) && ({b})")).unwrap();
        let or = parse(&format!("({a}) atau ({b})")).unwrap();
        for c in candidates() {
            let (x, y) = (fa.matches(&c, on()), fb.matches(&c, on()));
            prop_assert_eq!(not_a.matches(&c, on()), !x);
            prop_assert_eq!(and.matches(&c, on()), x && y);
            prop_assert_eq!(and_kw.matches(&c, on()), x && y);
            prop_assert_eq!(or.matches(&c, on()), x || y);
        }
    }

    #[test]
    fn substring_search_agrees_with_str_contains(
        hay in "[abé日 ]{0,24}",
        needle in "[abé日 ]{0,4}",
        any_hay in any::<String>(),
    ) {
        use super::eval::contains;
        prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), hay.contains(&needle));
        prop_assert_eq!(contains(any_hay.as_bytes(), needle.as_bytes()), any_hay.contains(&needle));
        // Every substring of a haystack is found in it.
        let chars: Vec<char> = hay.chars().collect();
        if !chars.is_empty() {
            let (i, j) = (chars.len() / 3, chars.len() - chars.len() / 3);
            let sub: String = chars[i..j].iter().collect();
            prop_assert!(contains(hay.as_bytes(), sub.as_bytes()));
        }
    }

    #[test]
    fn truncated_valid_filters_never_panic(s in valid_filter(), cut in 0usize..200) {
        let cut: String = s.chars().take(cut).collect();
        let _ = exercise(&cut);
    }

    #[test]
    fn a_list_is_the_or_of_its_values(
        values in prop::collection::vec(1u32..=9, 1..5),
        kotak in prop::option::of(1u8..=9),
    ) {
        let mut c = sample();
        c.kotak = kotak;
        let items: Vec<String> = values.iter().map(u32::to_string).collect();
        let ors: Vec<String> = items.iter().map(|v| format!("kotak={v}")).collect();
        let any = parse(&ors.join(" or ")).unwrap().matches(&c, on());
        let commas = parse(&format!("kotak={}", items.join(","))).unwrap();
        let listed = parse(&format!("kotak in ({})", items.join(", "))).unwrap();
        prop_assert_eq!(commas.matches(&c, on()), any);
        prop_assert_eq!(listed.matches(&c, on()), any);
        // `!=` is none of them, and false on a missing box.
        let none_of = parse(&format!("kotak!={}", items.join(","))).unwrap();
        prop_assert_eq!(none_of.matches(&c, on()), kotak.is_some() && !any);
    }

    #[test]
    fn date_spans_read_as_age_and_tenure(
        birth in 0i64..30_000,
        tmt in 0i64..30_000,
        as_of in 20_000i64..40_000,
        n in 0u32..90,
        op in prop::sample::select(&["<", "<=", "=", "!=", ">", ">="][..]),
    ) {
        let base = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap();
        let mut c = sample();
        c.birth = base + chrono::Days::new(birth as u64);
        c.tmt_jabatan = Some(base + chrono::Days::new(tmt as u64));
        let on = base + chrono::Days::new(as_of as u64);
        let same = |a: &str, b: &str| parse(a).unwrap().matches(&c, on) == parse(b).unwrap().matches(&c, on);
        let (birth_years, age) = (format!("tanggal_lahir{op}{n}th"), format!("usia{op}{n}"));
        let (tmt_years, tenure) = (format!("tmt_jabatan{op}{n}th"), format!("masa_jabatan{op}{n}"));
        if c.birth <= on {
            prop_assert!(same(&birth_years, &age), "{} / {}", birth_years, age);
        }
        if c.tmt_jabatan.is_some_and(|t| t <= on) {
            prop_assert!(same(&tmt_years, &tenure), "{} / {}", tmt_years, tenure);
        }
        // Twelve whole months are a whole year (for `<` and `>=`).
        if op == "<" || op == ">=" {
            let months = format!("tanggal_lahir{op}{}bln", 12 * n);
            prop_assert!(same(&months, &birth_years), "{} / {}", months, birth_years);
        }
    }

    #[test]
    fn a_field_name_then_a_value_is_never_a_text_search(
        field in prop::sample::select(&[
            ("kotak", "9"), ("unit", "kesehatan"), ("pensiun", "2027"), ("golongan", "III/c"),
            ("KINERJA", "sb"), ("tanggal_lahir", "01-01-1990"), ("tmt_jabatan", "2th"),
            ("box", "7,8"), ("usia", "45"), ("jabatan", "\"kepala seksi\""), ("kinerja.2th", "B"),
        ][..]),
        before in prop::sample::select(&["", "kemas ", "usia>1 ", "(guru or x) ", "not "][..]),
    ) {
        let (name, value) = field;
        let text = format!("{before}{name} {value}");
        let err = parse(&text).unwrap_err();
        let at = before.chars().count() + name.chars().count() + 2;
        prop_assert_eq!(err.column, at, "{}", text);
        let is_missing_op = matches!(err.kind, ErrorKind::MissingOperator { .. });
        prop_assert!(is_missing_op, "{}: {:?}", text, err.kind);
        // Alone, the field name is searched, with a warning at its column.
        let alone = parse(&format!("{before}{name}")).unwrap();
        prop_assert_eq!(alone.warnings().len(), 1);
        prop_assert_eq!(alone.warnings()[0].column, before.chars().count() + 1);
    }
}
