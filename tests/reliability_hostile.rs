//! Hostile input: the same functions the cargo-fuzz targets in `fuzz/` call,
//! run under proptest in the normal suite (there is no guarantee a nightly
//! toolchain and cargo-fuzz are present where the suite runs):
//!
//! - the CSV and xlsx readers on arbitrary bytes and on mutated valid files
//!   (`talenta::import::check_bytes`, no database);
//! - 1 MB fields, NUL bytes, invalid UTF-8, unterminated quotes, a 50 MB file;
//! - the filter parser and evaluator on 10,000-deep parentheses and `not`s,
//!   1 MB strings, and through the command line non-UTF-8 arguments;
//! - formula-looking cells imported and then exported (query CSV, minutes CSV).
//!
//! No panic, no hang (every case finishes; the suite has no timing assertion).

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use std::path::Path;
use std::process::{Command, Stdio};
use talenta::domain::filter;
use talenta::domain::{Candidate, Rules};
use talenta::import::check_bytes;
use talenta::store::load::load_pool;
use talenta::store::{OpenMode, Store};

const YEAR: i32 = 2025;
const NAMES: [&str; 9] = [
    "pegawai.csv",
    "kinerja.csv",
    "kompetensi.csv",
    "potensi.csv",
    "pelatihan.csv",
    "jabatan.csv",
    "syarat_jabatan.csv",
    "lain.csv",
    "pegawai.xlsx",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/valid_comma")
            .join(name),
    )
    .unwrap()
}

fn candidates() -> Vec<Candidate> {
    let f = common::fixture();
    let store = Store::open(&f.db, OpenMode::Existing).unwrap();
    load_pool(&store.conn, common::as_of(), &Rules::default())
        .unwrap()
        .rows
}

fn xlsx_of(rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn pegawai_rows() -> Vec<Vec<String>> {
    let bytes = fixture("pegawai.csv");
    let mut r = csv::Reader::from_reader(&bytes[..]);
    let mut out = vec![r.headers().unwrap().iter().map(String::from).collect()];
    out.extend(
        r.records()
            .map(|x| x.unwrap().iter().map(String::from).collect::<Vec<_>>()),
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn csv_and_xlsx_readers_take_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        name in prop::sample::select(NAMES.to_vec()),
    ) {
        let r = check_bytes(name, &bytes, YEAR);
        prop_assert!(r.rows_valid <= r.rows_read);
    }

    #[test]
    fn mutated_valid_files_never_panic(
        file in prop::sample::select(vec!["pegawai.csv", "kinerja.csv", "kompetensi.csv", "syarat_jabatan.csv"]),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(
            vec![&b"\0"[..], b"\xff\xfe", b"\"", b",", b";", b"\n", b"\r", b"=cmd|' /C calc'!A0", b"\xc3", b"", b"9999999999999999999999", b"-1", b"NaN"]
        )), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut b = fixture(file);
        for (at, ins) in edits {
            let i = at.index(b.len() + 1);
            b.splice(i..i, ins.iter().copied());
        }
        let r = check_bytes(file, &b, YEAR);
        prop_assert!(r.rows_valid <= r.rows_read);
        // And cut short anywhere.
        let n = cut.index(b.len() + 1);
        check_bytes(file, &b[..n], YEAR);
    }

    #[test]
    fn mutated_xlsx_never_panics(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut b = xlsx_of(&pegawai_rows());
        for (at, v) in flips {
            let i = at.index(b.len());
            b[i] = v;
        }
        check_bytes("pegawai.xlsx", &b, YEAR);
        let n = cut.index(b.len() + 1);
        check_bytes("pegawai.xlsx", &b[..n], YEAR);
    }

    #[test]
    fn filters_from_arbitrary_text_never_panic(s in "\\PC{0,200}") {
        let cs = candidates_cached();
        if let Ok(f) = filter::parse(&s) {
            for c in cs {
                f.matches(c, common::as_of());
            }
        }
    }
}

fn candidates_cached() -> &'static [Candidate] {
    static C: std::sync::OnceLock<Vec<Candidate>> = std::sync::OnceLock::new();
    C.get_or_init(candidates)
}

/// `xlsx` with every entry's text passed through `edit` (the workbook's XML).
fn rewrite_xlsx(xlsx: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut entry = src.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        let name = entry.name().unwrap().to_string();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(edit(&text).as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_workbook_whose_cell_reference_overflows_is_unreadable_not_a_crash() {
    // Found by `mutated_xlsx_never_panics`: the xlsx reader multiplies a long
    // column name past u32 (a panic in debug builds).
    // A cell millions of columns to the right (no overflow) would make a
    // rectangle of billions of cells: refused with the column named.
    let good = xlsx_of(&pegawai_rows());
    for (to, named) in [("ZZZZZZZZZZZZZZ2", None), ("ZZZZ2", Some("ZZZZ"))] {
        let bad = rewrite_xlsx(&good, |t| t.replace(r#"r="A2""#, &format!(r#"r="{to}""#)));
        assert_ne!(good, bad, "the test edits the sheet");
        let r = check_bytes("pegawai.xlsx", &bad, YEAR);
        let p = r
            .problems
            .iter()
            .find(|p| p.kind == talenta::import::ProblemKind::Unreadable);
        assert!(p.is_some(), "{to}: {:?}", r.problems);
        if let Some(name) = named {
            assert_eq!(p.unwrap().value, name);
        }
    }
}

#[test]
fn valid_fixture_reads_as_valid() {
    // The harness itself: a valid file is read as valid, so the properties above test something.
    let r = check_bytes("pegawai.csv", &fixture("pegawai.csv"), YEAR);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.rows_valid, r.rows_read);
    let r = check_bytes("pegawai.xlsx", &xlsx_of(&pegawai_rows()), YEAR);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.rows_valid, 6);
}

#[test]
fn long_fields_nul_bytes_and_invalid_utf8() {
    let rows = pegawai_rows();
    let header = rows[0].join(",");
    let good = rows[1].clone();
    let mb = "A".repeat(1 << 20);
    let cases: Vec<Vec<u8>> = vec![
        // A 1 MB name, a 1 MB unit, a 1 MB NIP.
        {
            let mut r = good.clone();
            r[1] = mb.clone();
            format!("{header}\n{}\n", r.join(",")).into_bytes()
        },
        {
            let mut r = good.clone();
            r[8] = mb.clone();
            format!("{header}\n{}\n", r.join(",")).into_bytes()
        },
        {
            let mut r = good.clone();
            r[0] = "1".repeat(1 << 20);
            format!("{header}\n{}\n", r.join(",")).into_bytes()
        },
        // NUL bytes in a name and as the separator's neighbour.
        format!("{header}\n{}\n", good.join(","))
            .replace("Kemas", "Ke\0mas")
            .into_bytes(),
        [header.as_bytes(), b"\n\0\0\0,\0\n"].concat(),
        // Invalid UTF-8 in a name, and a Latin-1 file.
        [
            header.as_bytes(),
            b"\n",
            good.join(",").replace("Kemas", "K\u{1}mas").as_bytes(),
            b"\xff\xfe\xc3\x28\n",
        ]
        .concat(),
        // One unterminated quote running to the end of 4 MB.
        [header.as_bytes(), b"\n\"", "x".repeat(4 << 20).as_bytes()].concat(),
        // A 1 MB header line.
        mb.clone().into_bytes(),
        // Only separators.
        ",".repeat(1 << 20).into_bytes(),
        ";\n".repeat(1 << 19).into_bytes(),
    ];
    for b in &cases {
        for name in ["pegawai.csv", "lain.csv"] {
            let r = check_bytes(name, b, YEAR);
            assert!(r.rows_valid <= r.rows_read);
        }
    }
    // An xlsx with a 1 MB cell, NUL and control characters.
    let mut rows = pegawai_rows();
    rows[1][1] = "B".repeat(32_000); // the xlsx cell limit is 32,767 characters
    rows[2][1] = "Siti\u{0}Aminah\u{7}".into();
    rows[3][8] = "=HYPERLINK(\"http://x\")".into();
    let r = check_bytes("pegawai.xlsx", &xlsx_of(&rows), YEAR);
    assert!(r.rows_valid <= r.rows_read);
}

/// A 50 MB file through the real binary (`import --dry-run`): it finishes and
/// reports; nothing is written. `TALENTA_HUGE_MB` changes the size.
#[test]
fn a_huge_file() {
    let mb: usize = std::env::var("TALENTA_HUGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let d = tempfile::tempdir().unwrap();
    let rows = pegawai_rows();
    let mut text = rows[0].join(",");
    text.push('\n');
    let mut i: u64 = 0;
    while text.len() < mb << 20 {
        let mut r = rows[1 + (i as usize % (rows.len() - 1))].clone();
        // Distinct, well-formed NIPs: 18 digits.
        r[0] = format!("19800101{:010}", 2_000_000_000 + i);
        text.push_str(&r.join(","));
        text.push('\n');
        i += 1;
    }
    let file = d.path().join("pegawai.csv");
    std::fs::write(&file, &text).unwrap();
    drop(text);
    let db = d.path().join("pool.db");
    let o = Command::new(assert_cmd::cargo::cargo_bin("talenta"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "import", "--dry-run"])
        .arg(&file)
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(2),
        "{err}"
    );
    assert!(!db.exists(), "a dry run into a new database leaves no file");
    eprintln!("huge file: {mb} MB, {i} rows, status {:?}", o.status.code());
}

#[test]
fn deep_and_long_filters() {
    let cs = candidates_cached();
    let on: NaiveDate = common::as_of();
    let deep = |open: &str, close: &str, n: usize| {
        format!("{}usia > 30{}", open.repeat(n), close.repeat(n))
    };
    for s in [
        deep("(", ")", 10_000),
        deep("(", "", 10_000),
        deep("", ")", 10_000),
        deep("not ", "", 10_000),
        deep("not (", ")", 10_000),
        "(".repeat(1 << 20),
        format!("nama ~ \"{}\"", "a".repeat(1 << 20)),
        format!("nama = \"{}", "\"".repeat(1 << 16)),
        "usia > 30 and ".repeat(10_000) + "usia > 30",
        "usia > 30 or ".repeat(10_000) + "usia > 30",
        "nama ~ \"\0\"".to_string(),
        "\0\0\0".to_string(),
        "nama = '\u{202e}'".to_string(),
    ] {
        if let Ok(f) = filter::parse(&s) {
            for c in cs {
                f.matches(c, on);
            }
        }
    }
    // The depth limit says so rather than overflowing the stack.
    assert!(filter::parse(&deep("(", ")", 10_000)).is_err());
    assert!(filter::parse(&deep("(", ")", 10)).is_ok());
}

#[test]
fn non_utf8_and_nul_through_the_command_line() {
    use std::os::unix::ffi::OsStrExt;
    let f = common::fixture();
    for arg in [&b"\xff\xfe"[..], b"nama ~ \"\xc3\x28\"", b"usia > 3\x80"] {
        let o = Command::new(assert_cmd::cargo::cargo_bin("talenta"))
            .arg("--db")
            .arg(&f.db)
            .args(["--lang", "en", "query"])
            .arg(std::ffi::OsStr::from_bytes(arg))
            .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{arg:?}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    }
    let o = Command::new(assert_cmd::cargo::cargo_bin("talenta"))
        .arg("--db")
        .arg(&f.db)
        .args(["--lang", "en", "query", &"(".repeat(100_000), "--count"])
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
