//! `--format xlsx -o FILE` for `query`, `shortlist`, `positions`,
//! `succession list`, `compare` and `audit log`, read back with calamine and
//! checked cell by cell against the JSON of the same command: NIPs and codes
//! as text (exact, never `1.96701191996111E+17`), numbers as numbers (negative
//! gaps too), dates as date cells shown DD-MM-YYYY; the header bold and frozen
//! with an autofilter (read from the sheet's XML, which calamine does not
//! expose). And the CSV formula guard: numbers left alone, formulas guarded.

mod common;
use assert_cmd::Command;
use calamine::{Data, Range, Reader, Xlsx};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db")
        .arg(db)
        .args(["--as-of", "2026-06-01", "--as", "Sekretaris Komite"])
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml");
    c
}

fn pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    common::write_db(&db);
    (d, db)
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Vec<Value> {
    let text = stdout(talenta(db).args(args).args(["--format", "json"]));
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A workbook written by the command and read back: its one sheet, and
/// the sheet's and the styles' XML.
struct Book {
    path: PathBuf,
    name: String,
    cells: Range<Data>,
    sheet_xml: String,
    styles_xml: String,
}

fn xlsx(db: &Path, args: &[&str], file: &str) -> Book {
    let path = db.with_file_name(file);
    let said = stdout(
        talenta(db)
            .args(["--lang", "en"])
            .args(args)
            .args(["--format", "xlsx", "-o"])
            .arg(&path),
    );
    assert!(said.contains("written to"), "{said}");
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 1);
    let name = names[0].clone();
    let cells = wb.worksheet_range(&name).unwrap();
    let rows = cells.height() - 1;
    let expected = if rows == 1 {
        "1 row written to".to_string()
    } else {
        format!("{rows} rows written to")
    };
    assert!(said.contains(&expected), "{said} ({rows} rows)");
    Book {
        sheet_xml: zip_entry(&path, "xl/worksheets/sheet1.xml"),
        styles_xml: zip_entry(&path, "xl/styles.xml"),
        path,
        name,
        cells,
    }
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The text between `open` (its end) and the next `close`, for each occurrence.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    s.split(open)
        .skip(1)
        .map(|part| &part[..part.find(close).unwrap_or(part.len())])
        .collect()
}

/// The value of `attr="…"` in an XML tag's attributes.
fn attr(tag: &str, attr: &str) -> Option<String> {
    let tag = format!(" {tag}");
    let start = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(tag[start..start + tag[start..].find('"')?].to_string())
}

fn column_letter(mut n: usize) -> String {
    let mut s = String::new();
    n += 1;
    while n > 0 {
        s.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

impl Book {
    fn header(&self) -> Vec<String> {
        self.cells
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect()
    }

    fn col(&self, name: &str) -> usize {
        self.header()
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header()))
    }

    /// The cell of data row `row` (0: the first below the header) in column `name`.
    fn cell(&self, row: usize, name: &str) -> &Data {
        self.cells
            .get((row + 1, self.col(name)))
            .unwrap_or(&Data::Empty)
    }

    fn rows(&self) -> usize {
        self.cells.height() - 1
    }

    /// Bold, frozen header; an autofilter over the whole table; every
    /// column given a width, the NIP's wide enough for 18 digits.
    fn check_layout(&self) {
        let xml = &self.sheet_xml;
        let pane = between(xml, "<pane", "/>");
        assert_eq!(pane.len(), 1, "{xml}");
        assert_eq!(attr(pane[0], "state").as_deref(), Some("frozen"));
        assert_eq!(attr(pane[0], "ySplit").as_deref(), Some("1"));
        assert_eq!(attr(pane[0], "topLeftCell").as_deref(), Some("A2"));
        let last = column_letter(self.header().len() - 1);
        let filter = between(xml, "<autoFilter", "/>");
        assert_eq!(
            attr(filter[0], "ref"),
            Some(format!("A1:{last}{}", self.rows() + 1)),
            "{}",
            self.name
        );
        // Every header cell's style has a bold font.
        let fonts = between(&self.styles_xml, "<font>", "</font>");
        let xfs_xml = between(&self.styles_xml, "<cellXfs", "</cellXfs>")[0];
        let xfs = between(xfs_xml, "<xf ", "/>");
        let row1 = between(xml, "<row r=\"1\"", "</row>")[0];
        let header_cells = between(row1, "<c ", ">");
        assert_eq!(header_cells.len(), self.header().len());
        for c in header_cells {
            let s: usize = attr(c, "s").expect("a styled header cell").parse().unwrap();
            let font: usize = attr(xfs[s], "fontId").unwrap().parse().unwrap();
            assert!(fonts[font].contains("<b/>"), "{c}: font {}", fonts[font]);
        }
        let cols = between(xml, "<col ", "/>");
        let sized: usize = cols
            .iter()
            .map(|c| {
                assert_eq!(attr(c, "customWidth").as_deref(), Some("1"));
                let min: usize = attr(c, "min").unwrap().parse().unwrap();
                let max: usize = attr(c, "max").unwrap().parse().unwrap();
                max - min + 1
            })
            .sum();
        assert_eq!(sized, self.header().len(), "{}", self.name);
        for (i, h) in self.header().iter().enumerate() {
            if h == "nip" || h.ends_with("_nip") {
                let c = cols
                    .iter()
                    .find(|c| {
                        let min: usize = attr(c, "min").unwrap().parse().unwrap();
                        let max: usize = attr(c, "max").unwrap().parse().unwrap();
                        (min..=max).contains(&(i + 1))
                    })
                    .unwrap();
                let w: f64 = attr(c, "width").unwrap().parse().unwrap();
                assert!(w >= 18.0, "{h}: width {w}");
            }
        }
    }

    /// The number format of a data cell (`General` when it has none).
    fn format_of(&self, row: usize, name: &str) -> String {
        let at = format!("{}{}", column_letter(self.col(name)), row + 2);
        let cell = between(&self.sheet_xml, "<c ", ">")
            .into_iter()
            .find(|c| attr(c, "r").as_deref() == Some(at.as_str()))
            .unwrap_or_else(|| panic!("no cell {at}"));
        let Some(s) = attr(cell, "s") else {
            return "General".into();
        };
        let xfs_xml = between(&self.styles_xml, "<cellXfs", "</cellXfs>")[0];
        let xf = between(xfs_xml, "<xf ", "/>")[s.parse::<usize>().unwrap()];
        let id = attr(xf, "numFmtId").unwrap();
        between(&self.styles_xml, "<numFmt ", "/>")
            .into_iter()
            .find(|f| attr(f, "numFmtId").as_deref() == Some(id.as_str()))
            .and_then(|f| attr(f, "formatCode"))
            .unwrap_or_else(|| format!("builtin {id}"))
    }
}

/// A text cell holding exactly `want`.
fn assert_text(c: &Data, want: &str) {
    assert_eq!(c, &Data::String(want.to_string()), "want text {want:?}");
}

/// An 18-digit NIP as a text cell, equal to `want`.
fn assert_nip(c: &Data, want: &Value) {
    let want = want.as_str().unwrap();
    assert_eq!(want.len(), 18);
    assert!(want.bytes().all(|b| b.is_ascii_digit()));
    assert_text(c, want);
}

/// A number cell equal to `want` (a JSON number), or an empty cell for null.
fn assert_number(c: &Data, want: &Value) {
    match want.as_f64() {
        Some(w) => match c {
            Data::Float(x) => assert_eq!(*x, w),
            Data::Int(x) => assert_eq!(*x as f64, w),
            other => panic!("want the number {w}, got {other:?}"),
        },
        None => assert_eq!(c, &Data::Empty, "want empty for {want}"),
    }
}

/// A date cell equal to `want` (`YYYY-MM-DD`), or empty for null.
fn assert_date(c: &Data, want: &Value) {
    match want.as_str() {
        Some(w) => match c {
            Data::DateTime(d) => {
                assert!(d.is_datetime());
                let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
                assert_eq!(format!("{y:04}-{m:02}-{day:02}"), w);
                assert_eq!((h, min, s), (0, 0, 0));
            }
            other => panic!("want the date {w}, got {other:?}"),
        },
        None => assert_eq!(c, &Data::Empty),
    }
}

fn assert_bool(c: &Data, want: &Value) {
    assert_eq!(c, &Data::Bool(want.as_bool().unwrap()));
}

/// The same columns as the command's CSV, in the same order.
fn assert_header_as_csv(db: &Path, book: &Book, args: &[&str]) {
    let csv = stdout(talenta(db).args(args).args(["--format", "csv"]));
    let first = csv.lines().next().unwrap();
    assert_eq!(book.header().join(","), first, "{}", book.name);
    assert_eq!(book.rows(), csv.lines().count() - 1, "{}", book.name);
}

#[test]
fn query_as_xlsx_cell_by_cell() {
    let (_d, db) = pool();
    let book = xlsx(&db, &["query", ""], "query.xlsx");
    assert_eq!(book.name, "query");
    book.check_layout();
    assert_header_as_csv(&db, &book, &["query", ""]);
    let v = json(&db, &["query", ""]);
    assert_eq!(book.rows(), v.len());
    assert!(v.len() >= 10);
    let mut dates = 0;
    for (i, o) in v.iter().enumerate() {
        assert_nip(book.cell(i, "nip"), &o["nip"]);
        assert_text(book.cell(i, "nama"), o["nama"].as_str().unwrap());
        assert_text(book.cell(i, "golongan"), o["golongan"].as_str().unwrap());
        for n in ["kotak", "usia", "masa_jabatan", "jp", "integritas"] {
            let want = o.get(n).cloned().unwrap_or(o["kompetensi"][n].clone());
            assert_number(book.cell(i, n), &want);
        }
        assert_date(book.cell(i, "tanggal_lahir"), &o["tanggal_lahir"]);
        assert_date(book.cell(i, "tmt_jabatan"), &o["tmt_jabatan"]);
        dates += usize::from(o["tmt_jabatan"].is_string());
    }
    assert!(dates > 0);
    assert_eq!(book.format_of(0, "tanggal_lahir"), "dd-mm-yyyy");
    assert_eq!(book.format_of(0, "nip"), "@");
    assert_eq!(book.format_of(0, "usia"), "General");
    // Nothing but the workbook in the folder: written aside, put in place whole.
    let files: Vec<String> = std::fs::read_dir(book.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("pool.db"))
        .collect();
    assert_eq!(files, ["query.xlsx"]);
}

#[test]
fn positions_as_xlsx_cell_by_cell() {
    let (_d, db) = pool();
    let book = xlsx(&db, &["positions"], "positions.xlsx");
    assert_eq!(book.name, "positions");
    book.check_layout();
    assert_header_as_csv(&db, &book, &["positions"]);
    let v = json(&db, &["positions"]);
    assert_eq!(book.rows(), 5);
    for (i, o) in v.iter().enumerate() {
        assert_text(book.cell(i, "kode"), o["kode"].as_str().unwrap());
        match o["pemangku_nip"].as_str() {
            Some(_) => assert_nip(book.cell(i, "pemangku_nip"), &o["pemangku_nip"]),
            None => assert_eq!(book.cell(i, "pemangku_nip"), &Data::Empty),
        }
        assert_date(
            book.cell(i, "tmt_pensiun_pemangku"),
            &o["tmt_pensiun_pemangku"],
        );
        assert_number(book.cell(i, "krs"), &o["krs"]);
        assert_number(book.cell(i, "integritas"), &o["persyaratan"]["integritas"]);
    }
    assert_date(book.cell(3, "tmt_pensiun_pemangku"), &"2028-06-01".into());
    assert_eq!(book.format_of(3, "tmt_pensiun_pemangku"), "dd-mm-yyyy");
    assert_eq!(book.format_of(3, "pemangku_nip"), "@");
    assert_eq!(book.format_of(3, "kode"), "@");
}

#[test]
fn shortlist_as_xlsx_keeps_negative_gaps_as_numbers() {
    let (_d, db) = pool();
    let args = ["shortlist", "BKD-ADM-01", "--all"];
    let book = xlsx(&db, &args, "shortlist.xlsx");
    assert_eq!(book.name, "shortlist");
    book.check_layout();
    assert_header_as_csv(&db, &book, &args);
    let v = json(&db, &args);
    assert_eq!(book.rows(), v.len());
    let mut negative = 0;
    for (i, o) in v.iter().enumerate() {
        assert_number(book.cell(i, "peringkat"), &o["peringkat"]);
        assert_nip(book.cell(i, "nip"), &o["nip"]);
        assert_number(book.cell(i, "jpm"), &o["jpm"]);
        assert_bool(book.cell(i, "talent_pool"), &o["talent_pool"]);
        assert_bool(book.cell(i, "dinilai_lengkap"), &o["dinilai_lengkap"]);
        for (code, gap) in o["kesenjangan"].as_object().unwrap() {
            assert_number(book.cell(i, &format!("gap_{code}")), gap);
            negative += usize::from(gap.as_i64().unwrap() < 0);
        }
    }
    assert!(negative > 0, "the pool has candidates below a requirement");
    assert!((0..book.rows()).any(|i| book.cell(i, "jpm") == &Data::Float(96.4)));
    assert_eq!(book.format_of(0, "jpm"), "0.0");
}

#[test]
fn compare_as_xlsx() {
    let (_d, db) = pool();
    let args = [
        "compare",
        "198609262015051001",
        "198201102006041003",
        "--position",
        "BKD-ADM-01",
    ];
    let book = xlsx(&db, &args, "compare.xlsx");
    book.check_layout();
    assert_header_as_csv(&db, &book, &args);
    let v = json(&db, &args);
    for (i, o) in v.iter().enumerate() {
        assert_nip(book.cell(i, "nip"), &o["nip"]);
        assert_date(book.cell(i, "tmt_pensiun"), &o["tmt_pensiun"]);
        assert_number(book.cell(i, "tahun_ke_pensiun"), &o["tahun_ke_pensiun"]);
        assert_bool(book.cell(i, "memenuhi_syarat"), &o["memenuhi_syarat"]);
        assert_text(book.cell(i, "jabatan_dibandingkan"), "BKD-ADM-01");
    }
}

/// Two successors (one with a note a spreadsheet would run), one KRS established.
fn plan(db: &Path) {
    for (nip, readiness, note) in [
        (
            "198609262015051001",
            "now",
            "=HYPERLINK(\"http://x\",\"klik\")",
        ),
        ("197803152003122002", "1_2_tahun", "-1"),
    ] {
        stdout(talenta(db).args([
            "succession",
            "add",
            "BKD-ADM-01",
            nip,
            "--readiness",
            readiness,
            &format!("--note={note}"),
        ]));
    }
}

#[test]
fn succession_list_as_xlsx_cell_by_cell() {
    let (_d, db) = pool();
    plan(&db);
    let book = xlsx(&db, &["succession", "list"], "succession.xlsx");
    book.check_layout();
    assert_header_as_csv(&db, &book, &["succession", "list"]);
    let v = json(&db, &["succession", "list"]);
    assert_eq!(book.rows(), 2);
    for (i, o) in v.iter().enumerate() {
        assert_text(book.cell(i, "kode_jabatan"), "BKD-ADM-01");
        assert_number(book.cell(i, "urutan"), &o["urutan"]);
        assert_nip(book.cell(i, "nip"), &o["nip"]);
        assert_bool(book.cell(i, "ditetapkan"), &o["ditetapkan"]);
        assert!(
            matches!(book.cell(i, "diubah"), Data::DateTime(d) if d.is_datetime()),
            "{:?}",
            book.cell(i, "diubah")
        );
        assert_eq!(book.cell(i, "periode"), &Data::Empty);
        assert_eq!(book.format_of(i, "diubah"), "dd-mm-yyyy hh:mm:ss");
    }
    // A note a spreadsheet would run is a text cell in a workbook, never a
    // formula; the note "-1" is text as it was typed.
    let notes: Vec<&Data> = (0..2).map(|i| book.cell(i, "catatan")).collect();
    assert!(notes.contains(&&Data::String("=HYPERLINK(\"http://x\",\"klik\")".into())));
    assert!(notes.contains(&&Data::String("-1".into())));
    assert!(!book.sheet_xml.contains("<f>"), "no formula in the sheet");
}

#[test]
fn audit_log_as_xlsx_in_the_agencys_zone() {
    let (_d, db) = pool();
    plan(&db);
    let book = xlsx(&db, &["audit", "log"], "audit.xlsx");
    assert_eq!(book.name, "audit");
    book.check_layout();
    assert_header_as_csv(&db, &book, &["audit", "log"]);
    let v = json(&db, &["audit", "log"]);
    assert_eq!(book.rows(), v.len());
    assert!(v.len() >= 2);
    for (i, o) in v.iter().enumerate() {
        assert_number(book.cell(i, "seq"), &o["seq"]);
        assert_text(book.cell(i, "hash"), o["hash"].as_str().unwrap());
        assert_text(book.cell(i, "action"), o["action"].as_str().unwrap());
        let hours = match book.cell(i, "zona") {
            Data::String(z) if z == "WIB" => 7,
            Data::String(z) if z == "WITA" => 8,
            Data::String(z) if z == "WIT" => 9,
            other => panic!("zona {other:?}"),
        };
        let at = chrono::DateTime::parse_from_rfc3339(o["at"].as_str().unwrap()).unwrap();
        let local = (at + chrono::Duration::hours(hours)).naive_utc();
        let Data::DateTime(d) = book.cell(i, "at") else {
            panic!("{:?}", book.cell(i, "at"))
        };
        let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
        assert_eq!(
            format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}"),
            local.format("%Y-%m-%d %H:%M:%S").to_string()
        );
        assert_eq!(book.format_of(i, "at"), "dd-mm-yyyy hh:mm:ss");
    }
}

#[test]
fn xlsx_needs_a_file_and_never_overwrites_unasked() {
    let (d, db) = pool();
    let out = talenta(&db)
        .args(["--lang", "en", "query", "", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("add -o FILE.xlsx"), "{err}");
    assert!(out.stdout.is_empty());
    for cmd in [
        &["positions"][..],
        &["shortlist", "BKD-ADM-01"],
        &["succession", "list"],
        &["audit", "log"],
    ] {
        let out = talenta(&db)
            .args(cmd)
            .args(["--format", "xlsx"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
    }
    // An existing file is replaced only with --force.
    let file = d.path().join("hasil.xlsx");
    std::fs::write(&file, "old").unwrap();
    let out = talenta(&db)
        .args(["--lang", "en", "positions", "--format", "xlsx", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read(&file).unwrap(), b"old");
    stdout(
        talenta(&db)
            .args(["positions", "--format", "xlsx", "--force", "-o"])
            .arg(&file),
    );
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    // Never the database.
    let out = talenta(&db)
        .args(["positions", "--format", "xlsx", "--force", "-o"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // CSV and JSON go to the file too.
    let csv = d.path().join("hasil.csv");
    stdout(
        talenta(&db)
            .args(["positions", "--format", "csv", "-o"])
            .arg(&csv),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text,
        stdout(talenta(&db).args(["positions", "--format", "csv"]))
    );
}

#[test]
fn csv_guard_leaves_numbers_and_guards_formulas() {
    let (_d, db) = pool();
    plan(&db);
    // Negative gaps are numbers, not `'-1`.
    let csv = stdout(talenta(&db).args(["shortlist", "BKD-ADM-01", "--all", "--format", "csv"]));
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap().clone();
    let gaps: Vec<usize> = (0..header.len())
        .filter(|i| header[*i].starts_with("gap_"))
        .collect();
    let mut negative = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        for i in &gaps {
            assert!(!rec[*i].starts_with('\''), "{:?}", &rec[*i]);
            if let Some(n) = rec[*i].strip_prefix('-') {
                assert!(n.parse::<u8>().is_ok(), "{:?}", &rec[*i]);
                negative += 1;
            }
        }
    }
    assert!(negative > 0, "{csv}");
    // A note that would run is guarded; a note "-1" is a number as typed.
    let csv = stdout(talenta(&db).args(["succession", "list", "--format", "csv"]));
    let notes: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap()[5].to_string())
        .collect();
    assert!(
        notes.contains(&"'=HYPERLINK(\"http://x\",\"klik\")".to_string()),
        "{notes:?}"
    );
    assert!(notes.contains(&"-1".to_string()), "{notes:?}");
}
