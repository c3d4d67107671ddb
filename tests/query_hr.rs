//! HR admins' look-ups from the shell (issue 20): the filters that once gave
//! a silent 0 with exit status 0 now answer, refuse or warn; `query --by`
//! counts add up to `--count`; a malformed NIP is called one, whatever the
//! command.

mod common_cli;

use common_cli::{committee_session, talenta, talenta_in, FAUZI, FIXTURES};
use std::path::{Path, PathBuf};

/// A demo pool of 400 employees (reproducible), as of 2026-11-22.
fn demo_pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    let o = talenta(&db)
        .args(["demo", "--size", "400", "--seed", "7", "--force"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (d, db)
}

struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

fn run(db: &Path, args: &[&str]) -> Run {
    let o = talenta(db).args(args).output().unwrap();
    Run {
        code: o.status.code(),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn count(db: &Path, filter: &str) -> usize {
    let r = run(db, &["query", filter, "--count"]);
    assert_eq!(r.code, Some(0), "{filter}: {}", r.err);
    r.out.trim().parse().unwrap()
}

#[test]
fn the_silent_wrong_answers_now_answer_or_refuse() {
    let (_d, db) = demo_pool();
    // `kotak in (7,8,9)`: the talent pool, as `kotak>=7` counts it.
    let pool = count(&db, "kotak>=7");
    assert!(pool > 0);
    assert_eq!(count(&db, "kotak in (7,8,9)"), pool);
    assert_eq!(count(&db, "kotak=7,8,9"), pool);
    // A field name then a value: refused (exit 2) with what was meant.
    for (filter, meant, column) in [
        ("kotak 9", "kotak=9", 7),
        ("unit kesehatan", "unit~kesehatan", 6),
        ("pensiun 2027", "pensiun=2027", 9),
    ] {
        let r = run(&db, &["query", filter]);
        assert_eq!(r.code, Some(2), "{filter}: {}", r.err);
        assert!(
            r.err.contains(&format!("did you mean {meant}?")),
            "{filter}: {}",
            r.err
        );
        assert!(
            r.err.contains(&format!("column {column}")),
            "{filter}: {}",
            r.err
        );
        assert!(r.out.is_empty(), "{filter}: nothing printed");
    }
    // What was meant works.
    assert!(count(&db, "unit~kesehatan") > 0);
    let _ = count(&db, "pensiun=2027");
    // A bare field name is searched, with a warning on stderr.
    let r = run(&db, &["query", "kotak", "--count"]);
    assert_eq!(r.code, Some(0));
    assert!(
        r.err.contains("warning at column 1") && r.err.contains("kotak>=7"),
        "{}",
        r.err
    );
    let r = run(&db, &["query", "\"kotak\"", "--count"]);
    assert!(r.err.is_empty(), "quoted: no warning: {}", r.err);
    // In Indonesian too.
    let o = talenta_in(&db, "id_ID.UTF-8")
        .args(["query", "kotak 9"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("maksudnya kotak=9?"), "{err}");
}

#[test]
fn retiring_within_twelve_months_and_the_last_two_years() {
    let (_d, db) = demo_pool();
    // Within 12 months of the as-of date = before the date 12 months on
    // (those already past their TMT pensiun included).
    let soon = count(&db, "pensiun<12bln");
    let by_date = count(&db, "pensiun<=2027-11-21");
    assert_eq!(soon, by_date);
    assert!(count(&db, "pensiun<2th") >= soon);
    // SB in each of the last two years = SB in 2025 and in 2024.
    assert_eq!(
        count(&db, "kinerja.2th=SB"),
        count(&db, "kinerja.2025=SB kinerja.2024=SB")
    );
}

/// A condition selecting the employees of one `--by` group.
fn condition(field: &str, label: Option<&str>) -> String {
    match label {
        None => format!("{field}=none"),
        Some(v) => format!(
            "{field}=\"{}\"",
            v.replace('\\', "\\\\").replace('"', "\\\"")
        ),
    }
}

#[test]
fn counts_by_field_add_up_to_the_count_per_value() {
    let (_d, db) = demo_pool();
    for filter in ["", "kotak>=5", "usia<50 or golongan>=III/c"] {
        let total = count(&db, filter);
        for field in [
            "unit",
            "kotak",
            "golongan",
            "tingkat",
            "pendidikan",
            "kinerja",
            "pensiun",
        ] {
            let r = run(&db, &["query", filter, "--by", field, "--format", "json"]);
            assert_eq!(r.code, Some(0), "{filter} --by {field}: {}", r.err);
            let rows: Vec<serde_json::Value> = serde_json::from_str(&r.out).unwrap();
            let mut sum = 0;
            for row in &rows {
                let n = row["jumlah"].as_u64().unwrap() as usize;
                let label = row["nilai"].as_str();
                let each = condition(field, label);
                let both = if filter.is_empty() {
                    each.clone()
                } else {
                    format!("({filter}) {each}")
                };
                assert_eq!(count(&db, &both), n, "{filter} --by {field}: {each}");
                sum += n;
            }
            assert_eq!(sum, total, "{filter} --by {field}");
        }
    }
}

#[test]
fn counts_by_field_as_a_table_and_csv() {
    let (_d, db) = demo_pool();
    let r = run(&db, &["query", "", "--by", "kotak"]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.out.starts_with("kotak"), "{}", r.out);
    assert!(r.out.contains("400 employees in"), "{}", r.out);
    let r = run(&db, &["query", "", "--by", "kotak", "--format", "csv"]);
    let mut lines = r.out.lines();
    assert_eq!(lines.next(), Some("kotak,count"));
    let sum: usize = lines
        .map(|l| l.rsplit(',').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(sum, 400);
    let r = run(&db, &["query", "", "--by", "umur"]);
    assert_eq!(r.code, Some(2));
    assert!(r.err.contains("not a filter field"), "{}", r.err);
    let r = run(&db, &["query", "", "--by", "kotak", "--count"]);
    assert_eq!(r.code, Some(2), "--by and --count do not go together");
}

#[test]
fn a_malformed_nip_is_called_one_by_every_command() {
    let (_d, db) = committee_session("Sidang");
    let short = &FAUZI[..17];
    let spaced = "19860926 201505 1 001";
    let cases: Vec<Vec<&str>> = vec![
        vec!["show", short],
        vec!["compare", FAUZI, short],
        vec![
            "session", "decide", "1", short, "--kind", "promosi", "--reason", "x",
        ],
        vec!["session", "recuse", "1", "Dewi", short, "--reason", "x"],
        vec![
            "session",
            "calibrate",
            "1",
            short,
            "--kotak",
            "7",
            "--reason",
            "x",
        ],
        vec!["succession", "add", "BKD-01", short, "--readiness", "1-2"],
    ];
    for args in &cases {
        let r = run(&db, args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.err);
        assert!(
            r.err
                .contains("not a valid NIP: a NIP has 18 digits (17 given"),
            "{args:?}: {}",
            r.err
        );
        assert!(!r.err.contains("no employee"), "{args:?}: {}", r.err);
    }
    // Blanks between the groups, as on a decree, are read as the import
    // reads them; other punctuation is still no NIP.
    let r = run(&db, &["show", spaced]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let r = run(&db, &["show", "19860926-201505-1-001"]);
    assert!(
        r.err.contains("not a valid NIP") && r.err.contains("without blanks"),
        "{}",
        r.err
    );
    let o = talenta_in(&db, "id_ID.UTF-8")
        .args(["show", short])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("NIP tidak sah: harus 18 digit (17 diberikan"),
        "{err}"
    );
    // 18 digits whose birth date (month 13) is no date: no NIP either.
    let r = run(&db, &["show", "196813131993072003"]);
    assert_eq!(r.code, Some(2), "{}", r.err);
    assert!(
        r.err.contains("not a valid NIP") && r.err.contains("19681313 is no date"),
        "{}",
        r.err
    );
    // A well-formed NIP nobody has is still "no such employee".
    let r = run(&db, &["show", "199901012020011999"]);
    assert!(
        r.err.contains("no employee has NIP 199901012020011999"),
        "{}",
        r.err
    );
    let _ = FIXTURES;
}

#[test]
fn by_needs_no_filter_and_nor_does_query() {
    let (_d, db) = committee_session("Sidang");
    let all = run(&db, &["query", "", "--by", "kotak", "--format", "csv"]);
    let bare = run(&db, &["query", "--by", "kotak", "--format", "csv"]);
    assert_eq!(bare.code, Some(0), "{}", bare.err);
    assert_eq!(bare.out, all.out);
    // Without --by too: no filter is everyone.
    let everyone = run(&db, &["query", "--count"]);
    assert_eq!(everyone.code, Some(0), "{}", everyone.err);
    assert_eq!(everyone.out, run(&db, &["query", "", "--count"]).out);
}

#[test]
fn a_value_of_several_words_without_quotes_is_warned_of() {
    let (_d, db) = committee_session("Sidang");
    let r = run(&db, &["query", "unit=Dinas Kesehatan", "--count"]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(
        r.err.contains("warning at column 12") && r.err.contains("unit=\"Dinas Kesehatan\""),
        "{}",
        r.err
    );
    let quoted = run(&db, &["query", "unit=\"Dinas Kesehatan\"", "--count"]);
    assert!(quoted.err.is_empty(), "{}", quoted.err);
}
