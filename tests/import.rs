//! The importer against docs/import-format.md: fixture sets in
//! both CSV dialects, an xlsx set built here, every kind of bad row, all or
//! nothing, --skip-invalid, --dry-run, re-imports and the audit entry.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use talenta::cli::import::{self as import_cli, problem_line};
use talenta::import::{
    import_paths, FileKind, ImportError, ImportOptions, ImportReport, Outcome, ProblemKind,
};
use talenta::lang::Lang;
use talenta::store::audit::{self, Verdict};
use talenta::store::write::{Counts, WriteSummary};
use talenta::store::{Actor, OpenMode, Store};
use talenta::strings::{en, id};
use tempfile::TempDir;

const YEAR: i32 = 2025;
const TABLES: [&str; 7] = [
    "employee",
    "skp",
    "competency_assessment",
    "potential_assessment",
    "training",
    "position",
    "position_requirement",
];
/// Rows per table in each valid fixture set, in the order of `TABLES`.
const SET_ROWS: [i64; 7] = [6, 10, 9, 5, 4, 3, 5];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn store() -> (TempDir, Store) {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open(&d.path().join("talenta.db"), OpenMode::Create).unwrap();
    (d, s)
}

fn actor() -> Actor {
    Actor {
        name: "Sekretaris BKD".into(),
        os_user: "bkd".into(),
        key: None,
    }
}

fn opts() -> ImportOptions {
    ImportOptions::new(YEAR)
}

fn import(s: &mut Store, paths: &[PathBuf], o: &ImportOptions) -> ImportReport {
    import_paths(s, paths, o, &actor()).expect("the import runs")
}

fn table_counts(s: &Store) -> Vec<i64> {
    TABLES
        .iter()
        .map(|t| {
            s.conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

fn audit_count(s: &Store) -> usize {
    audit::log(&s.conn, None).unwrap().len()
}

fn all(s: &WriteSummary) -> [Counts; 7] {
    [
        s.employees,
        s.skp,
        s.competencies,
        s.potentials,
        s.trainings,
        s.positions,
        s.requirements,
    ]
}

fn inserted(s: &WriteSummary) -> Vec<u64> {
    all(s).iter().map(|c| c.inserted).collect()
}

fn assert_all_unchanged(s: &WriteSummary) {
    for (c, n) in all(s).iter().zip(SET_ROWS) {
        assert_eq!(
            *c,
            Counts {
                inserted: 0,
                updated: 0,
                unchanged: n as u64
            },
            "{s:?}"
        );
    }
}

fn rendered(r: &ImportReport) -> Vec<String> {
    r.problems
        .iter()
        .map(|p| problem_line(Lang::En, p))
        .collect()
}

fn employee(s: &Store, nip: &str) -> (String, String, String, String, Option<String>) {
    s.conn
        .query_row(
            "SELECT nama, tanggal_lahir, golongan, pendidikan, tmt_jabatan FROM employee WHERE nip = ?1",
            [nip],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

/// A copy of a fixture folder to change.
fn copy_set(name: &str) -> TempDir {
    let d = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixture(name)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), d.path().join(e.file_name())).unwrap();
    }
    d
}

fn append(path: &Path, line: &str) {
    let mut text = std::fs::read_to_string(path).unwrap();
    text.push_str(line);
    std::fs::write(path, text).unwrap();
}

const SITI: &str = "197803142003122002";
const AHMAD: &str = "198609262015051001";

#[test]
fn comma_set_imports_all_seven_kinds() {
    let (_d, mut s) = store();
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert_eq!(rendered(&r), Vec::<String>::new());
    assert_eq!(r.outcome, Outcome::Written);
    assert!(r.written);
    let kinds: Vec<_> = r.files.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        FileKind::ALL[..7]
            .iter()
            .copied()
            .map(Some)
            .collect::<Vec<_>>(),
        "README.txt ignored; employees and positions first, syarat_jabatan not jabatan"
    );
    assert_eq!(
        r.files
            .iter()
            .map(|f| (f.rows_read, f.rows_valid))
            .collect::<Vec<_>>(),
        vec![(6, 6), (3, 3), (10, 10), (9, 9), (5, 5), (4, 4), (5, 5)]
    );
    assert_eq!(
        inserted(&r.summary),
        SET_ROWS.iter().map(|n| *n as u64).collect::<Vec<_>>()
    );
    assert_eq!(table_counts(&s), SET_ROWS);
    assert_eq!(
        employee(&s, SITI),
        (
            "Hj. Siti Aminah, S.E., M.Si.".into(),
            "1978-03-14".into(),
            "IV/b".into(),
            "S2".into(),
            Some("2019-07-01".into())
        )
    );
    assert_eq!(employee(&s, "199505202022211005").2, "IX", "PPPK grade");
    assert_eq!(employee(&s, "199201082019032004").4, None, "empty tmt");
    let skor: f64 = s
        .conn
        .query_row(
            "SELECT skor FROM potential_assessment p JOIN employee e ON e.id = p.employee_id WHERE e.nip = ?1",
            [SITI],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(skor, 87.5);
}

#[test]
fn semicolon_set_with_bom_crlf_siasn_names_and_indonesian_dates() {
    let (_d, mut s) = store();
    let r = import(&mut s, &[fixture("valid_semicolon")], &opts());
    assert_eq!(rendered(&r), Vec::<String>::new());
    assert_eq!(
        r.files[0].kind,
        Some(FileKind::Pegawai),
        "known by its header"
    );
    assert!(r.files[0].path.ends_with("01_siasn_export.csv"));
    assert_eq!(table_counts(&s), SET_ROWS);
    let (nama, lahir, gol, pendidikan, tmt) = employee(&s, SITI);
    assert_eq!(
        nama, "Hj. Siti Aminah, S.E., M.Si.",
        "quoted comma and line break"
    );
    assert_eq!(lahir, "1978-03-14", "DD/MM/YYYY");
    assert_eq!(gol, "IV/b");
    assert_eq!(pendidikan, "S2");
    assert_eq!(tmt.as_deref(), Some("2019-07-01"), "DD-MM-YYYY");
    assert_eq!(
        employee(&s, "198811302010011006").0,
        "Kiagus M. Ridwan, A.Md."
    );
    let skor: f64 = s
        .conn
        .query_row(
            "SELECT skor FROM potential_assessment p JOIN employee e ON e.id = p.employee_id WHERE e.nip = ?1",
            [AHMAD],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(skor, 91.2, "decimal comma");
}

#[test]
fn both_dialects_hold_the_same_data() {
    let (_d, mut s) = store();
    import(&mut s, &[fixture("valid_comma")], &opts());
    let r = import(&mut s, &[fixture("valid_semicolon")], &opts());
    assert!(r.problems.is_empty());
    assert_all_unchanged(&r.summary);
    assert_eq!(table_counts(&s), SET_ROWS);
}

// ---- xlsx ----

const DATE_COLUMNS: [&str; 3] = ["tanggal_lahir", "tmt_jabatan", "tanggal"];
const NUMBER_COLUMNS: [&str; 4] = ["tahun", "level", "jp", "skor"];

/// Write a CSV fixture as a workbook the way a spreadsheet user would: dates
/// as Excel dates, years, levels, hours and scores as numbers, the rest text.
fn csv_to_xlsx(csv_path: &Path, xlsx_path: &Path) {
    let mut rd = csv::Reader::from_path(csv_path).unwrap();
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, rec) in rd.records().enumerate() {
        let row = r as u32 + 1;
        for (c, v) in rec.unwrap().iter().enumerate() {
            let col = c as u16;
            if v.is_empty() {
                continue;
            }
            if DATE_COLUMNS.contains(&header[c].as_str()) {
                let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap();
                let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                    .unwrap();
                ws.write_datetime_with_format(row, col, &x, &date).unwrap();
            } else if NUMBER_COLUMNS.contains(&header[c].as_str()) {
                ws.write_number(row, col, v.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                ws.write_string(row, col, v).unwrap();
            }
        }
    }
    wb.save(xlsx_path).unwrap();
}

fn xlsx_set() -> TempDir {
    let d = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixture("valid_comma")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            let name = p.file_stem().unwrap().to_string_lossy().to_uppercase();
            csv_to_xlsx(&p, &d.path().join(format!("{name}.XLSX")));
        }
    }
    d
}

#[test]
fn xlsx_set_with_excel_dates_and_numbers() {
    let x = xlsx_set();
    let (_d, mut s) = store();
    let r = import(&mut s, &[x.path().to_path_buf()], &opts());
    assert_eq!(rendered(&r), Vec::<String>::new());
    assert_eq!(r.files.len(), 7);
    assert_eq!(table_counts(&s), SET_ROWS);
    assert_eq!(employee(&s, SITI).1, "1978-03-14");

    // The same data as the CSV set: importing the CSV afterwards changes nothing.
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert_all_unchanged(&r.summary);
}

#[test]
fn xlsx_nip_stored_as_a_number_is_a_problem() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("kinerja.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["nip", "tahun", "predikat"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 198609262015051001.0).unwrap();
    ws.write_number(1, 1, 2024.0).unwrap();
    ws.write_string(1, 2, "SB").unwrap();
    ws.write_string(2, 0, AHMAD).unwrap();
    ws.write_number(2, 1, 2023.0).unwrap();
    ws.write_string(2, 2, "B").unwrap();
    wb.save(&path).unwrap();

    let (_t, mut s) = store();
    import(&mut s, &[fixture("valid_comma/pegawai.csv")], &opts());
    let r = import(&mut s, std::slice::from_ref(&path), &opts());
    assert_eq!(r.outcome, Outcome::Refused);
    assert_eq!(r.problems.len(), 1);
    let p = &r.problems[0];
    assert_eq!((p.line, p.column.as_str()), (2, "nip"));
    assert_eq!(p.kind, ProblemKind::NipAsNumber);
    assert_eq!(
        problem_line(Lang::En, p),
        format!(
            "{}:2: nip: the NIP is stored as a number and has lost digits; format the column as text and enter the NIPs again (1.98609262015051E+17)",
            path.display()
        )
    );
    assert!(problem_line(Lang::Id, p).contains("format kolom sebagai teks"));
}

// ---- bad rows ----

#[test]
fn every_kind_of_bad_row_is_named_with_file_line_and_column() {
    let (_d, mut s) = store();
    let dir = fixture("invalid");
    let r = import(&mut s, std::slice::from_ref(&dir), &opts());
    let base = |f: &str| f.rsplit('/').next().unwrap().to_string();
    let got: Vec<(String, u64, String, ProblemKind)> = r
        .problems
        .iter()
        .map(|p| {
            let kind = match &p.kind {
                ProblemKind::Duplicate { file, line } => ProblemKind::Duplicate {
                    file: base(file),
                    line: *line,
                },
                ProblemKind::RefersToInvalidRow { file, line } => ProblemKind::RefersToInvalidRow {
                    file: base(file),
                    line: *line,
                },
                k => k.clone(),
            };
            (base(&p.file), p.line, p.column.clone(), kind)
        })
        .collect();
    use talenta::domain::nip::NipError;
    use talenta::domain::Status;
    use ProblemKind as K;
    let dup = |f: &str, l| K::Duplicate {
        file: f.into(),
        line: l,
    };
    let e = |f: &str, l, c: &str, k| (f.to_string(), l, c.to_string(), k);
    let expected = vec![
        e("pegawai.csv", 3, "nip", K::Nip(NipError::Length(17))),
        e("pegawai.csv", 4, "nip", K::Nip(NipError::BirthDate)),
        e("pegawai.csv", 5, "nama", K::Required),
        e("pegawai.csv", 6, "jenis_kelamin", K::Sex),
        e("pegawai.csv", 7, "tanggal_lahir", K::Date),
        e("pegawai.csv", 8, "status", K::Status),
        e(
            "pegawai.csv",
            9,
            "golongan",
            K::GolonganStatus {
                status: Status::Pns,
            },
        ),
        e("pegawai.csv", 10, "golongan", K::Golongan),
        e("pegawai.csv", 11, "tingkat_jabatan", K::Tingkat),
        e("pegawai.csv", 12, "pendidikan", K::Pendidikan),
        e("pegawai.csv", 13, "nip", dup("pegawai.csv", 2)),
        e("jabatan.csv", 2, "status", K::PositionStatus),
        e("jabatan.csv", 4, "kode", dup("jabatan.csv", 3)),
        e(
            "kinerja.csv",
            3,
            "tahun",
            K::Year {
                min: 2000,
                max: YEAR,
            },
        ),
        e("kinerja.csv", 4, "predikat", K::Predikat),
        e("kinerja.csv", 5, "nip, tahun", dup("kinerja.csv", 2)),
        e("kinerja.csv", 6, "nip", K::UnknownEmployee),
        e(
            "kinerja.csv",
            7,
            "nip",
            K::RefersToInvalidRow {
                file: "pegawai.csv".into(),
                line: 10,
            },
        ),
        e("kompetensi.csv", 2, "kompetensi", K::Kompetensi),
        e("kompetensi.csv", 3, "level", K::Level),
        e("kompetensi.csv", 4, "tanggal", K::Date),
        e("potensi.csv", 2, "kategori", K::Kategori),
        e("potensi.csv", 3, "skor", K::Skor),
        e("potensi.csv", 4, "kategori/skor", K::KategoriOrSkor),
        e("pelatihan.csv", 2, "jp", K::Jp),
        e("pelatihan.csv", 3, "nama_pelatihan", K::Required),
        e("syarat_jabatan.csv", 2, "kode_jabatan", K::UnknownPosition),
        e(
            "syarat_jabatan.csv",
            3,
            "kode_jabatan",
            K::RefersToInvalidRow {
                file: "jabatan.csv".into(),
                line: 2,
            },
        ),
        e("syarat_jabatan.csv", 4, "level", K::Level),
    ];
    assert_eq!(got, expected);
    assert_eq!(r.outcome, Outcome::Refused);
    assert!(!r.written);
    assert_eq!(table_counts(&s), vec![0; 7]);
    assert_eq!(audit_count(&s), 0);

    // The rendered text, in both languages.
    let file = |f: &str| dir.join(f).display().to_string();
    let text = |f: &str, line: u64, lang_en: bool| {
        let p = r
            .problems
            .iter()
            .find(|p| p.file == file(f) && p.line == line)
            .unwrap();
        if lang_en {
            problem_line(Lang::En, p)
        } else {
            problem_line(Lang::Id, p)
        }
    };
    let pg = file("pegawai.csv");
    let kin = file("kinerja.csv");
    assert_eq!(
        text("pegawai.csv", 3, true),
        format!("{pg}:3: nip: a NIP has 18 digits, this has 17 characters (19860926201505100)")
    );
    assert_eq!(
        text("pegawai.csv", 3, false),
        format!("{pg}:3: nip: NIP terdiri atas 18 digit, ini 17 karakter (19860926201505100)")
    );
    assert_eq!(
        text("pegawai.csv", 9, true),
        format!("{pg}:9: golongan: not a PNS golongan (I/a .. IV/e) (IX)")
    );
    assert_eq!(
        text("pegawai.csv", 9, false),
        format!("{pg}:9: golongan: bukan golongan PNS (I/a .. IV/e) (IX)")
    );
    assert_eq!(
        text("kinerja.csv", 5, true),
        format!("{kin}:5: nip, tahun: already given on line 2 ({AHMAD}, 2023)")
    );
    assert_eq!(
        text("kinerja.csv", 5, false),
        format!("{kin}:5: nip, tahun: sudah ada di baris 2 ({AHMAD}, 2023)")
    );
    assert_eq!(
        text("kinerja.csv", 7, true),
        format!(
            "{kin}:7: nip: refers to the row at {pg}:10, which has problems (198701062015051008)"
        )
    );
    assert_eq!(
        text("kinerja.csv", 6, false),
        format!("{kin}:6: nip: tidak ada pegawai dengan NIP ini, baik di impor ini maupun di basis data (199001012015051099)")
    );
    assert_eq!(
        text("pelatihan.csv", 3, false),
        format!("{}:3: nama_pelatihan: wajib diisi", file("pelatihan.csv"))
    );
    let summary = import_cli::summary(Lang::En, &r);
    assert!(
        summary.ends_with("Nothing was written: 29 problems (listed above). Fix them, or run again with --skip-invalid to import the valid rows."),
        "{summary}"
    );
    assert!(import_cli::summary(Lang::Id, &r).contains("Tidak ada yang ditulis: 29 masalah"));
}

#[test]
fn invalid_set_with_skip_invalid_writes_the_valid_rows_only() {
    let (_d, mut s) = store();
    let o = ImportOptions {
        skip_invalid: true,
        ..opts()
    };
    let r = import(&mut s, &[fixture("invalid")], &o);
    assert_eq!(r.outcome, Outcome::Written);
    assert_eq!(r.problems.len(), 29);
    // Valid: pegawai line 2, jabatan line 3, kinerja line 2.
    assert_eq!(table_counts(&s), vec![1, 1, 0, 0, 0, 1, 0]);
    assert_eq!(r.rows_skipped(), r.rows_read() - 3);
}

#[test]
fn file_level_problems() {
    let d = tempfile::tempdir().unwrap();
    let p = |n: &str| d.path().join(n);
    std::fs::write(
        p("pegawai.csv"),
        "nip,nama,jenis_kelamin,tanggal_lahir,jabatan,tingkat_jabatan,unit_kerja,pendidikan\n",
    )
    .unwrap();
    std::fs::write(p("data.csv"), "nomor;keterangan\n1;x\n").unwrap();
    std::fs::write(p("catatan.txt"), "not data").unwrap();
    std::fs::write(p("potensi.csv"), "nip,tanggal,metode\n").unwrap();
    std::fs::write(p("~$kinerja.xlsx"), b"lock file").unwrap();
    std::fs::write(p("pelatihan.xlsx"), "nip,tahun,nama_pelatihan,jp\n").unwrap();

    let (_t, mut s) = store();
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    let got: Vec<String> = rendered(&r)
        .into_iter()
        .map(|t| t.replace(&format!("{}/", d.path().display()), ""))
        // The workbook reader's own detail is not ours to pin down.
        .map(|t| match t.find("workbook (") {
            Some(i) => format!("{}workbook (…)", &t[..i]),
            None => t,
        })
        .collect();
    assert_eq!(
        got,
        vec![
            "pegawai.csv:1: golongan: required column missing from the header",
            "potensi.csv:1: kategori/skor: the header needs a kategori or a skor column",
            "pelatihan.xlsx: cannot be read as an .xlsx workbook (…)",
            "data.csv:1: neither the name nor the header says which file this is; name it pegawai*, kinerja*, kompetensi*, potensi*, pelatihan*, jabatan*, syarat_jabatan*, riwayat_jabatan* or disiplin* (data.csv)",
        ],
        "catatan.txt and the ~$ lock file are not read from a folder"
    );
    assert!(r.problems.iter().all(|p| p.is_file_level()));
    assert_eq!(r.files.len(), 4);

    // A file named explicitly with another extension is a problem, not ignored.
    let r = import(&mut s, &[p("catatan.txt")], &opts());
    assert_eq!(r.problems[0].kind, ProblemKind::Unsupported);
    assert_eq!(r.problems[0].value, "txt");
}

#[test]
fn weird_bytes_and_huge_fields_are_problems_not_crashes() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("pegawai.csv");
    let header = "nip,nama,jenis_kelamin,tanggal_lahir,golongan,jabatan,tingkat_jabatan,unit_kerja,pendidikan\n";
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"198609262015051001,Jos\xe9 Ram\xf3s,L,1986-09-26,III/c,Analis,Fungsional,BKD,S1\n",
    );
    bytes.extend_from_slice(
        b"198701012015051003,Siti Aminah, S.E.,P,1987-01-01,III/a,Analis,Fungsional,BKD,S1\n",
    );
    bytes.extend_from_slice(b"198701022015051004,");
    bytes.extend(std::iter::repeat_n(b'A', 5_000_000));
    bytes.extend_from_slice(b",L,1987-01-02,III/a,Analis,Fungsional,BKD,S1\n");
    bytes.extend_from_slice(b"\x00\x01\x02\xff\xfe,\x1b[31m,\n");
    std::fs::write(&path, &bytes).unwrap();

    let (_t, mut s) = store();
    let r = import(&mut s, &[path], &opts());
    let got: Vec<(u64, &str, &ProblemKind)> = r
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_str(), &p.kind))
        .collect();
    assert_eq!(got[0], (2, "nama", &ProblemKind::InvalidUtf8));
    assert_eq!(
        got[1],
        (
            3,
            "",
            &ProblemKind::ExtraFields {
                expected: 9,
                found: 10
            }
        )
    );
    assert_eq!(got[2], (4, "nama", &ProblemKind::TooLong { max: 1000 }));
    assert_eq!(got[3], (5, "nip", &ProblemKind::InvalidUtf8));
    assert_eq!(got[4], (5, "nama", &ProblemKind::ControlChars));
    assert!(got[5..].iter().all(|(line, ..)| *line == 5));
    assert!(r.problems.iter().all(|p| !p.value.contains('\u{1b}')));
    assert_eq!(r.outcome, Outcome::Refused);
}

#[test]
fn nothing_to_import_and_unreadable_paths_are_errors() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("README.txt"), "x").unwrap();
    let (_t, mut s) = store();
    let e = import_paths(&mut s, &[d.path().to_path_buf()], &opts(), &actor()).unwrap_err();
    assert!(matches!(e, ImportError::NothingToImport));
    assert!(en::import::error(&e).starts_with("Nothing to import"));
    let e = import_paths(&mut s, &[], &opts(), &actor()).unwrap_err();
    assert!(matches!(e, ImportError::NothingToImport));
    let missing = d.path().join("tidak_ada.csv");
    let e = import_paths(&mut s, &[missing], &opts(), &actor()).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }));
    assert!(id::import::error(&e).starts_with("Tidak dapat membaca"));
}

// ---- all or nothing, skip, dry run ----

#[test]
fn one_invalid_row_means_nothing_is_written() {
    let d = copy_set("valid_comma");
    append(
        &d.path().join("kinerja.csv"),
        "198609262015051001,2021,Luar Biasa\n",
    );
    let (_t, mut s) = store();
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert_eq!(r.outcome, Outcome::Refused);
    assert!(!r.written);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(
        (r.problems[0].line, r.problems[0].column.as_str()),
        (12, "predikat")
    );
    assert_eq!(table_counts(&s), vec![0; 7], "no table has rows");
    assert_eq!(audit_count(&s), 0, "no audit entry");
    let units: i64 = s
        .conn
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(units, 0);
}

#[test]
fn skip_invalid_writes_the_rest_and_audits_the_skipped_count() {
    let d = copy_set("valid_comma");
    append(
        &d.path().join("kinerja.csv"),
        "198609262015051001,2021,Luar Biasa\n",
    );
    let (_t, mut s) = store();
    let o = ImportOptions {
        skip_invalid: true,
        ..opts()
    };
    let r = import(&mut s, &[d.path().to_path_buf()], &o);
    assert_eq!(r.outcome, Outcome::Written);
    assert!(r.written);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.rows_skipped(), 1);
    assert_eq!(table_counts(&s), SET_ROWS);
    let entry = &audit::log(&s.conn, None).unwrap()[0];
    let after: serde_json::Value = serde_json::from_str(entry.after.as_deref().unwrap()).unwrap();
    assert_eq!(after["rows_skipped"], 1);
    assert_eq!(after["rows_written"], 42);
    assert!(en::import::outcome(&r).contains("skipped 1 rows with 1 problems"));
}

#[test]
fn dry_run_writes_nothing_but_shows_what_would_change() {
    let (_t, mut s) = store();
    let o = ImportOptions {
        dry_run: true,
        progress: true,
        ..opts()
    };
    let r = import(&mut s, &[fixture("valid_comma")], &o);
    assert_eq!(r.outcome, Outcome::DryRun);
    assert!(!r.written);
    assert_eq!(
        inserted(&r.summary),
        SET_ROWS.iter().map(|n| *n as u64).collect::<Vec<_>>()
    );
    assert_eq!(table_counts(&s), vec![0; 7]);
    assert_eq!(audit_count(&s), 0);
    assert!(import_cli::summary(Lang::En, &r).contains("Would be written:"));
    assert!(import_cli::summary(Lang::Id, &r).contains("Uji coba: tidak ada yang ditulis."));

    // After a real import, a dry run of the same files shows nothing would change.
    import(&mut s, &[fixture("valid_comma")], &opts());
    let r = import(&mut s, &[fixture("valid_comma")], &o);
    assert_all_unchanged(&r.summary);
    assert_eq!(audit_count(&s), 1);

    // A dry run of a set with problems would be refused, and says so.
    let r = import(&mut s, &[fixture("invalid")], &o);
    assert_eq!(r.outcome, Outcome::Refused);
    assert!(r.dry_run);
    assert!(en::import::outcome(&r).starts_with("Dry run: the import would be refused"));
    assert_eq!(audit_count(&s), 1);
}

// ---- re-imports ----

#[test]
fn reimport_changes_nothing_and_a_changed_row_updates_the_employee() {
    let (_t, mut s) = store();
    import(&mut s, &[fixture("valid_comma")], &opts());
    let before = table_counts(&s);
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert!(r.problems.is_empty());
    assert_all_unchanged(&r.summary);
    assert_eq!(table_counts(&s), before);

    let d = copy_set("valid_comma");
    let p = d.path().join("pegawai.csv");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "198609262015051001,\"Ahmad Fauzi, S.Kom.\",L,1986-09-26,PNS,III/c",
        "198609262015051001,\"Ahmad Fauzi, S.Kom., M.T.\",L,1986-09-26,PNS,III/d",
    );
    std::fs::write(&p, text).unwrap();
    let r = import(&mut s, &[p], &opts());
    assert_eq!(
        r.summary.employees,
        Counts {
            inserted: 0,
            updated: 1,
            unchanged: 5
        }
    );
    let (nama, _, gol, ..) = employee(&s, AHMAD);
    assert_eq!(
        (nama.as_str(), gol.as_str()),
        ("Ahmad Fauzi, S.Kom., M.T.", "III/d")
    );
    assert_eq!(table_counts(&s), before);
}

#[test]
fn a_later_import_of_the_same_nip_and_year_replaces_the_predikat() {
    let (_t, mut s) = store();
    import(&mut s, &[fixture("valid_comma")], &opts());
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("skp_2024.csv");
    std::fs::write(
        &p,
        "nip,tahun,predikat\n198609262015051001,2024,Butuh Perbaikan\n",
    )
    .unwrap();
    let r = import(&mut s, &[p], &opts());
    assert!(r.problems.is_empty(), "{:?}", rendered(&r));
    assert_eq!(
        r.files[0].kind,
        Some(FileKind::Kinerja),
        "known by its header"
    );
    assert_eq!(
        r.summary.skp,
        Counts {
            inserted: 0,
            updated: 1,
            unchanged: 0
        }
    );
    let predikat: String = s
        .conn
        .query_row(
            "SELECT predikat FROM skp JOIN employee e ON e.id = employee_id WHERE e.nip = ?1 AND tahun = 2024",
            [AHMAD],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(predikat, "BP");
    assert_eq!(table_counts(&s), SET_ROWS);
}

#[test]
fn references_to_the_database_count_and_unknown_ones_are_problems() {
    let (_t, mut s) = store();
    let d = tempfile::tempdir().unwrap();
    let k = d.path().join("kinerja.csv");
    std::fs::write(&k, format!("nip,tahun,predikat\n{SITI},2024,SB\n")).unwrap();
    let sy = d.path().join("syarat_jabatan.csv");
    std::fs::write(&sy, "kode_jabatan,kompetensi,level\nBKD-02,komunikasi,3\n").unwrap();

    let r = import(&mut s, &[k.clone(), sy.clone()], &opts());
    let kinds: Vec<_> = r.problems.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![ProblemKind::UnknownEmployee, ProblemKind::UnknownPosition]
    );
    assert!(problem_line(Lang::En, &r.problems[0]).ends_with(&format!(
        ":2: nip: no employee with this NIP in this import or in the database ({SITI})"
    )));

    import(&mut s, &[fixture("valid_comma")], &opts());
    let r = import(&mut s, &[k, sy], &opts());
    assert!(r.problems.is_empty(), "{:?}", rendered(&r));
    assert_eq!(r.summary.skp.updated, 1);
    assert_eq!(r.summary.requirements.inserted, 1);
}

#[test]
fn the_same_file_named_twice_is_read_once() {
    let (_t, mut s) = store();
    let r = import(
        &mut s,
        &[fixture("valid_comma"), fixture("valid_comma/pegawai.csv")],
        &opts(),
    );
    assert_eq!(r.files.len(), 7);
    assert!(r.problems.is_empty());
}

// ---- audit ----

fn sha256_of(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).unwrap()))
}

#[test]
fn the_audit_entry_records_files_with_sha256_and_the_chain_verifies() {
    let (_t, mut s) = store();
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    let log = audit::log(&s.conn, None).unwrap();
    assert_eq!(log.len(), 1);
    let e = &log[0];
    assert_eq!((e.action.as_str(), e.entity.as_str()), ("import", "import"));
    assert_eq!(
        (e.actor.as_str(), e.os_user.as_str()),
        ("Sekretaris BKD", "bkd")
    );
    let after: serde_json::Value = serde_json::from_str(e.after.as_deref().unwrap()).unwrap();
    let files = after["files"].as_array().unwrap();
    assert_eq!(files.len(), 7);
    for (f, rep) in files.iter().zip(&r.files) {
        assert_eq!(f["sha256"], sha256_of(&rep.path));
        assert_eq!(f["sha256"], rep.sha256);
        assert_eq!(f["rows_read"], rep.rows_read);
        assert_eq!(f["kind"], rep.kind.unwrap().code());
    }
    assert_eq!(
        files[0]["path"],
        fixture("valid_comma/pegawai.csv").display().to_string()
    );
    assert_eq!(after["summary"]["employees"]["inserted"], 6);
    assert_eq!(after["summary"]["requirements"]["inserted"], 5);
    assert_eq!(after["rows_skipped"], 0);
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { entries: 1, .. }
    ));

    // A second import is a second entry; the same files give the same id.
    import(&mut s, &[fixture("valid_comma")], &opts());
    let log = audit::log(&s.conn, None).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].entity_id, log[1].entity_id);
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { entries: 2, .. }
    ));
}

#[test]
fn summary_texts_in_both_languages() {
    let (_t, mut s) = store();
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    let en = import_cli::summary(Lang::En, &r);
    let id = import_cli::summary(Lang::Id, &r);
    assert!(
        en.contains("  Employees                6 new, 0 changed, 0 unchanged"),
        "{en}"
    );
    assert!(
        id.contains("  Pegawai                  6 baru, 0 berubah, 0 tetap"),
        "{id}"
    );
    assert!(en.contains("pegawai.csv (pegawai): 6 rows, 6 valid, SHA-256 "));
    assert!(en.ends_with("Imported; recorded in the audit trail."));
    assert!(id.ends_with("Impor selesai dan tercatat di jejak audit."));
}

#[test]
fn every_kind_of_record_updates_in_place() {
    let (_t, mut s) = store();
    import(&mut s, &[fixture("valid_comma")], &opts());
    let d = copy_set("valid_comma");
    let change = |file: &str, from: &str, to: &str| {
        let p = d.path().join(file);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&p, text.replace(from, to)).unwrap();
    };
    change(
        "kompetensi.csv",
        "198609262015051001,integritas,4,2024-03-12",
        "198609262015051001,integritas,5,2024-03-12",
    );
    change(
        "potensi.csv",
        ",,87.5,assessment center",
        ",Tinggi,87.5,assessment center",
    );
    change(
        "pelatihan.csv",
        "Pelatihan Analis Kebijakan,40",
        "Pelatihan Analis Kebijakan,45",
    );
    change(
        "jabatan.csv",
        "Badan Kepegawaian Daerah,lowong,",
        "Badan Kepegawaian Daerah,terisi,198609262015051001",
    );
    change(
        "syarat_jabatan.csv",
        "BKD-02,kerja_sama,3",
        "BKD-02,kerja_sama,4",
    );
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert!(r.problems.is_empty(), "{:?}", rendered(&r));
    let updated: Vec<u64> = all(&r.summary).iter().map(|c| c.updated).collect();
    assert_eq!(updated, vec![0, 0, 1, 1, 1, 1, 1]);
    assert_eq!(inserted(&r.summary), vec![0; 7]);
    assert_eq!(table_counts(&s), SET_ROWS);
    let (status, holder): (String, Option<String>) = s
        .conn
        .query_row(
            "SELECT status, pemangku_nip FROM position WHERE kode = 'BKD-01'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), holder.as_deref()),
        ("terisi", Some(AHMAD))
    );
}

#[test]
fn lines_are_physical_lines_after_bom_crlf_and_quoted_line_breaks() {
    let d = copy_set("valid_semicolon");
    let p = d.path().join("01_siasn_export.csv");
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(
        "1.98609E+17;Budi;;L;01-01-1990;PNS;III/a;Staf;Pelaksana;Dinas Kesehatan;;SMA;;\r\n"
            .as_bytes(),
    );
    std::fs::write(&p, bytes).unwrap();
    let (_t, mut s) = store();
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert_eq!(r.problems.len(), 1, "{:?}", rendered(&r));
    // Header 1, rows 2, 3-4 (quoted line break), blank 5, 6, 7, separators only 8, 9, 10.
    let p = &r.problems[0];
    assert_eq!((p.line, p.column.as_str()), (11, "nipBaru"));
    assert_eq!(p.kind, ProblemKind::NipAsNumber);
}

#[test]
fn the_connection_keeps_its_page_cache_size_after_an_import() {
    // The import writes with a large page cache and gives the old size back.
    let (_d, mut s) = store();
    let cache = |s: &Store| -> i64 {
        s.conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    };
    let before = cache(&s);
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert_eq!(r.outcome, Outcome::Written);
    assert_eq!(cache(&s), before);
}

// ---- riwayat_jabatan.csv and disiplin.csv (issue 13) ----

fn career_rows(s: &Store) -> (i64, i64) {
    let n = |t: &str| -> i64 {
        s.conn
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    (n("position_history"), n("penalty"))
}

fn with_pool() -> (TempDir, Store) {
    let (d, mut s) = store();
    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert_eq!(r.outcome, Outcome::Written);
    (d, s)
}

#[test]
fn history_and_penalties_import_once_and_load_into_the_career() {
    let (_d, mut s) = with_pool();
    let rules = talenta::domain::Rules::default();
    let before = talenta::store::load::load_one(&s.conn, AHMAD, &rules)
        .unwrap()
        .unwrap();
    assert_eq!(
        before.career,
        Default::default(),
        "nothing on record, penalties unknown"
    );
    let audits = audit_count(&s);
    let r = import(&mut s, &[fixture("career")], &opts());
    assert_eq!(r.outcome, Outcome::Written, "{:?}", rendered(&r));
    let kinds: Vec<_> = r.files.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [Some(FileKind::RiwayatJabatan), Some(FileKind::Disiplin)]
    );
    assert_eq!(
        (r.summary.histories.inserted, r.summary.penalties.inserted),
        (4, 2)
    );
    assert_eq!(career_rows(&s), (4, 2));
    assert_eq!(audit_count(&s), audits + 1, "one audit entry");

    // Re-importing changes nothing.
    let again = import(&mut s, &[fixture("career")], &opts());
    assert_eq!(again.summary.histories.unchanged, 4);
    assert_eq!(again.summary.penalties.unchanged, 2);
    assert_eq!(
        again.summary.histories.inserted + again.summary.histories.updated,
        0
    );
    assert_eq!(career_rows(&s), (4, 2));

    let c = talenta::store::load::load_one(&s.conn, SITI, &rules)
        .unwrap()
        .unwrap();
    let career = &c.career;
    assert!(career.penalties_known());
    assert!(career.has_history());
    // Pengawas, then the current Administrator post (still held).
    let on = NaiveDate::from_ymd_opt(YEAR, 12, 31).unwrap();
    let pengawas = talenta::domain::career::rung(talenta::domain::Tingkat::Pengawas, None);
    let administrator =
        talenta::domain::career::rung(talenta::domain::Tingkat::Administrator, None);
    assert!(career.days_on(pengawas, on) > career.days_on(administrator, on));
    assert_eq!(
        career.current_start(talenta::domain::Tingkat::Administrator),
        NaiveDate::from_ymd_opt(2016, 4, 1)
    );
    assert_eq!(
        career.penalties()[0].level,
        talenta::domain::career::PenaltyLevel::Sedang
    );
    // The whole pool's loader agrees with the one-employee loader.
    let as_of = NaiveDate::from_ymd_opt(YEAR, 12, 31).unwrap();
    let pool = talenta::store::load::load_pool(&s.conn, as_of, &rules).unwrap();
    let same = pool.rows.iter().find(|x| x.nip == SITI).unwrap();
    assert_eq!(same.career, c.career);
    let prof = talenta::store::profile::load_profile(&s.conn, SITI, as_of, &rules)
        .unwrap()
        .unwrap();
    assert_eq!(prof.history.len(), 2);
    assert_eq!(
        prof.history[0].jabatan, "Kepala Bidang Mutasi",
        "newest first"
    );
    assert_eq!(prof.penalties[0].tingkat, "sedang");
    // Everyone else: no penalty, and known to have none.
    assert!(pool.rows.iter().all(|x| x.career.penalties_known()));
}

#[test]
fn a_disiplin_file_with_only_its_header_makes_penalties_known() {
    let (_d, mut s) = with_pool();
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("disiplin.csv");
    std::fs::write(&f, "nip,tingkat,jenis,tmt,tmt_selesai\n").unwrap();
    let dry = import(
        &mut s,
        std::slice::from_ref(&f),
        &ImportOptions {
            dry_run: true,
            ..opts()
        },
    );
    assert_eq!(dry.outcome, Outcome::DryRun);
    assert!(
        !talenta::store::records::penalties_known(&s.conn).unwrap(),
        "a dry run writes nothing"
    );
    let r = import(&mut s, &[f], &opts());
    assert_eq!(r.outcome, Outcome::Written);
    assert!(talenta::store::records::penalties_known(&s.conn).unwrap());
}

#[test]
fn bad_history_and_penalty_rows_are_refused_with_their_reasons() {
    let (_d, mut s) = with_pool();
    let d = copy_set("career");
    append(
        &d.path().join("riwayat_jabatan.csv"),
        "198609262015051001,Kepala Seksi,Pengawas,BKD,2019-06-01,2020-06-01\n\
         196905171995031003,Kepala Bidang,Administrator,BKD,2020-01-01,2019-01-01\n\
         199001012015011001,Kepala Seksi,Pengawas,BKD,2020-01-01,\n\
         196905171995031003,Kepala Seksi,Pengawas,BKD,31-02-2010,\n",
    );
    append(
        &d.path().join("disiplin.csv"),
        "196905171995031003,keras,Teguran,2024-01-01,\n",
    );
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert_eq!(r.outcome, Outcome::Refused);
    let lines = rendered(&r);
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(has("riwayat_jabatan.csv:6: tmt_mulai, tmt_selesai: overlaps the position on line 2 (2019-06-01, 2020-06-01)"), "{lines:#?}");
    assert!(
        has("riwayat_jabatan.csv:7: tmt_selesai: ends before it starts (2020-01-01) (2019-01-01)"),
        "{lines:#?}"
    );
    assert!(
        has("riwayat_jabatan.csv:8: nip: no employee with this NIP"),
        "{lines:#?}"
    );
    assert!(
        has("riwayat_jabatan.csv:9: tmt_mulai: not a date"),
        "{lines:#?}"
    );
    assert!(
        has("disiplin.csv:4: tingkat: not a penalty level (ringan, sedang, berat) (keras)"),
        "{lines:#?}"
    );
    assert_eq!(career_rows(&s), (0, 0), "nothing written");
    assert!(!talenta::store::records::penalties_known(&s.conn).unwrap());

    // --skip-invalid writes the valid rows and lists the others.
    let skip = ImportOptions {
        skip_invalid: true,
        ..opts()
    };
    let r = import(&mut s, &[d.path().to_path_buf()], &skip);
    assert_eq!(r.outcome, Outcome::Written);
    assert_eq!(career_rows(&s), (4, 2));
    assert!(r.rows_skipped() >= 5);
}

/// The journal mode of the store's connection and the size of its WAL file.
fn journal(s: &Store, dir: &TempDir) -> (String, u64) {
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let wal = std::fs::metadata(dir.path().join("talenta.db-wal")).map_or(0, |m| m.len());
    (mode, wal)
}

/// The first load of a database (no employee yet) is written with a
/// rollback journal, not to the WAL and then again by the checkpoint: the
/// WAL stays empty. Refused or written, the database is in WAL mode after
/// it; a later import writes through the WAL as always, and so does a first
/// load while another connection has the file open.
#[test]
fn a_first_load_skips_the_wal_and_leaves_wal_mode() {
    let d = copy_set("valid_comma");
    append(
        &d.path().join("kinerja.csv"),
        "198609262015051001,2021,Luar Biasa\n",
    );
    let (t, mut s) = store();
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert_eq!(r.outcome, Outcome::Refused);
    assert_eq!(journal(&s, &t).0, "wal");
    assert_eq!(table_counts(&s), vec![0; 7]);

    let r = import(&mut s, &[fixture("valid_comma")], &opts());
    assert!(r.written);
    assert_eq!(table_counts(&s), SET_ROWS.to_vec());
    assert_eq!(
        journal(&s, &t),
        ("wal".to_string(), 0),
        "written without the WAL"
    );
    let sync: i64 = s
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 1, "NORMAL again, as Store::open sets it");
    assert!(!t.path().join("talenta.db-journal").exists());
    assert!(matches!(
        audit::verify(&s.conn, None).unwrap(),
        Verdict::Intact { entries: 1, .. }
    ));

    // Not a first load: through the WAL.
    let skip = ImportOptions {
        skip_invalid: true,
        ..opts()
    };
    let r = import(&mut s, &[d.path().to_path_buf()], &skip);
    assert!(r.written);
    let (mode, wal) = journal(&s, &t);
    assert_eq!(mode, "wal");
    assert!(wal > 0, "a later import writes through the WAL");

    // A first load while another connection has the file open.
    let (t2, mut s2) = store();
    let other = Store::open(&t2.path().join("talenta.db"), OpenMode::Existing).unwrap();
    let r = import(&mut s2, &[fixture("valid_comma")], &opts());
    assert!(r.written);
    assert_eq!(
        table_counts(&other),
        SET_ROWS.to_vec(),
        "the other one reads it"
    );
    let (mode, wal) = journal(&s2, &t2);
    assert_eq!(mode, "wal");
    assert!(wal > 0, "the switch needs the file alone: WAL as always");
}

/// Two training files in one import: a run of a course given in the first
/// file and again in the second is a second run (numbered on, not taken for
/// the first one and lost).
#[test]
fn runs_of_a_course_are_numbered_on_across_training_files() {
    let d = copy_set("valid_comma");
    std::fs::write(
        d.path().join("pelatihan_2.csv"),
        "nip,tahun,nama_pelatihan,jp\n198609262015051001,2024,Pelatihan Analis Kebijakan,40\n",
    )
    .unwrap();
    let (_t, mut s) = store();
    let r = import(&mut s, &[d.path().to_path_buf()], &opts());
    assert!(r.written, "{:?}", r.problems);
    assert_eq!(r.summary.trainings.inserted, 5);
    let runs: Vec<i64> = s
        .conn
        .prepare(
            "SELECT t.urutan FROM training t JOIN employee e ON e.id = t.employee_id
             WHERE e.nip = '198609262015051001' AND t.nama_pelatihan = 'Pelatihan Analis Kebijakan'
             ORDER BY t.urutan",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(runs, vec![1, 2]);
}

/// A program opening the file while a first load holds it (with a rollback
/// journal) waits for it and then opens it in WAL mode, instead of failing
/// at once on the journal switch.
#[test]
fn opening_the_file_during_a_first_load_waits_for_it() {
    let (t, s) = store();
    drop(s);
    let path = t.path().join("talenta.db");
    let load = rusqlite::Connection::open(&path).unwrap();
    let mode: String = load
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    load.execute_batch("BEGIN IMMEDIATE; INSERT INTO unit (nama) VALUES ('Dinas A');")
        .unwrap();
    let p = path.clone();
    let opener = std::thread::spawn(move || {
        let t0 = std::time::Instant::now();
        let s = Store::open(&p, OpenMode::Existing);
        (t0.elapsed(), s)
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    load.execute_batch("COMMIT").unwrap();
    let (waited, s) = opener.join().unwrap();
    let s = s.expect("opens once the load has committed");
    assert!(
        waited >= std::time::Duration::from_millis(300),
        "{waited:?}"
    );
    let (mode, units): (String, i64) = (
        s.conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap(),
        s.conn
            .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
            .unwrap(),
    );
    assert_eq!((mode.as_str(), units), ("wal", 1));
}
