//! Reading a CSV or xlsx file into a header and rows of cells, each row with
//! the physical line (CSV) or sheet row (xlsx) where it starts.
//!
//! Nothing here knows what the columns mean; cell-level trouble (bytes that
//! are not UTF-8, absurdly long fields) is attached to the row as an [`Issue`]
//! so that the row is refused with a problem, never a panic.

use super::problem::ProblemKind;
use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// The longest field accepted, in characters. Anything longer is a broken
/// file (a runaway quote swallowing rows), not a name.
pub const MAX_FIELD_CHARS: usize = 1000;

/// A cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Trimmed text (CSV fields are always text).
    Text(String),
    /// An xlsx number.
    Number(f64),
    /// An xlsx date.
    Date(NaiveDate),
    /// An xlsx error value such as `#N/A`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

/// Trouble with one cell (`col` = its index) or the whole row (`col` = None).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub col: Option<usize>,
    pub kind: ProblemKind,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub line: u64,
    pub cells: Vec<Cell>,
    pub issues: Vec<Issue>,
}

/// A file read: its header and its non-empty data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub header_line: u64,
    pub rows: Vec<SourceRow>,
}

/// Why a file could not be read at all: at `line` (0 = the whole file).
#[derive(Debug, Clone, PartialEq)]
pub struct FileIssue {
    pub line: u64,
    pub kind: ProblemKind,
    pub value: String,
}

impl FileIssue {
    fn new(line: u64, kind: ProblemKind, value: impl Into<String>) -> FileIssue {
        FileIssue {
            line,
            kind,
            value: value.into(),
        }
    }
}

/// The first bytes of a zip file (an xlsx workbook), whatever its name says.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// What [`visit`] hands over, in file order: the header once, then each
/// non-empty data row.
pub enum Item<'a> {
    Header { names: &'a [String], line: u64 },
    Row(&'a SourceRow),
}

/// Read a file's bytes: an xlsx workbook when `xlsx` (the name says so) or
/// when the bytes are a zip archive anyway, CSV otherwise. `progress`
/// receives the bytes done.
pub fn read(bytes: &[u8], xlsx: bool, progress: &dyn Fn(u64)) -> Result<Table, FileIssue> {
    let mut header = Vec::new();
    let mut header_line = 0;
    let mut rows = Vec::new();
    visit(bytes, xlsx, progress, &mut |item| {
        match item {
            Item::Header { names, line } => {
                header = names.to_vec();
                header_line = line;
            }
            Item::Row(r) => rows.push(r.clone()),
        }
        true
    })?;
    Ok(Table {
        header,
        header_line,
        rows,
    })
}

/// Read a file's bytes as [`read`] does, handing the header and then each row
/// to `f` as they are read (a row's buffers are reused for the next one), so
/// that a file need not be held as cells. `f` returns false to stop early.
/// An error is only ever returned before the header has been handed over
/// (a reader over bytes cannot fail later), except [`ProblemKind::Empty`]
/// when there is no header at all.
pub fn visit(
    bytes: &[u8],
    xlsx: bool,
    progress: &dyn Fn(u64),
    f: &mut dyn FnMut(Item<'_>) -> bool,
) -> Result<(), FileIssue> {
    if xlsx || bytes.starts_with(ZIP_MAGIC) {
        visit_xlsx(bytes, f)
    } else {
        visit_csv(bytes, progress, f)
    }
}

/// The separator a header line uses: `;` when it has more semicolons than
/// commas outside quotes, `,` otherwise.
pub fn detect_separator(bytes: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            // The header is the first line with a separator; blank lines before it don't count.
            b'\n' | b'\r' if !quoted && commas + semis > 0 => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Trim a field and check its size; multi-line values are kept for the
/// parser to fold, but a field over many lines is a quote gone astray.
fn text_cell(s: &str, col: usize, issues: &mut Vec<Issue>, csv: bool) -> Cell {
    let mut cell = Cell::Empty;
    text_cell_into(s, col, issues, csv, &mut cell);
    cell
}

/// [`text_cell`] into `slot`, reusing its text buffer.
fn text_cell_into(s: &str, col: usize, issues: &mut Vec<Issue>, csv: bool, slot: &mut Cell) {
    let t = s.trim();
    if t.is_empty() {
        *slot = Cell::Empty;
        return;
    }
    if t.len() > MAX_FIELD_CHARS && t.chars().nth(MAX_FIELD_CHARS).is_some() {
        issues.push(Issue {
            col: Some(col),
            kind: ProblemKind::TooLong {
                max: MAX_FIELD_CHARS,
            },
            value: t.chars().take(40).collect(),
        });
        *slot = Cell::Text(t.chars().take(MAX_FIELD_CHARS).collect());
        return;
    }
    // Printable ASCII has neither control, bidi characters nor line breaks.
    if !t.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        // One problem per cell: bytes already reported as not UTF-8 say enough.
        let reported = issues.iter().any(|i| i.col == Some(col));
        // Control and bidi characters (domain::text, our rule): the value is
        // echoed with them escaped, never raw to the terminal.
        if !reported && t.chars().any(crate::domain::text::is_forbidden) {
            issues.push(Issue {
                col: Some(col),
                kind: ProblemKind::ControlChars,
                value: crate::domain::text::one_line(t).into_owned(),
            });
        }
        let lines = t.lines().count();
        if csv && !reported && lines > 2 {
            issues.push(Issue {
                col: Some(col),
                kind: ProblemKind::SpansLines { lines },
                value: t.lines().next().unwrap_or("").to_string(),
            });
        }
    }
    match slot {
        Cell::Text(buf) => {
            buf.clear();
            buf.push_str(t);
        }
        _ => *slot = Cell::Text(t.to_string()),
    }
}

fn decode<'a>(field: &'a [u8], col: usize, issues: &mut Vec<Issue>) -> std::borrow::Cow<'a, str> {
    match std::str::from_utf8(field) {
        Ok(s) => s.into(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(field);
            issues.push(Issue {
                col: Some(col),
                kind: ProblemKind::InvalidUtf8,
                value: lossy.trim().to_string(),
            });
            lossy
        }
    }
}

/// The bytes a CSV reader has been handed and not yet counted for line
/// numbers: `bytes[i]` is byte `base + i` of the file's body.
#[derive(Default)]
struct Window {
    base: usize,
    bytes: Vec<u8>,
}

/// The reader a CSV file is read through: the head already read, then the
/// rest of the file, each byte handed to `seen` (the file's hash) and kept
/// in `window` until its line is counted.
struct Tee<'a> {
    head: std::io::Cursor<Vec<u8>>,
    rest: &'a mut dyn std::io::Read,
    seen: &'a mut dyn FnMut(&[u8]),
    window: Window,
}

impl std::io::Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = self.head.read(buf)?;
        if n == 0 {
            n = loop {
                match self.rest.read(buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    read => break read?,
                }
            };
            (self.seen)(&buf[..n]);
        }
        self.window.bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Physical line numbers of CSV records. The csv crate's record position is
/// where the reader stood when the record began, which is before the previous
/// record's line break and any blank lines; the record itself starts after them.
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    fn new() -> Self {
        LineCounter { byte: 0, line: 1 }
    }

    /// The 1-based line of the record whose reported position is `pos`
    /// (positions must not decrease between calls), from the bytes read so
    /// far; those before the record are dropped from `w` a megabyte at a time.
    fn line_of_record_at(&mut self, pos: usize, w: &mut Window) -> u64 {
        let end = w.base + w.bytes.len();
        let mut start = pos.min(end).max(self.byte);
        while matches!(w.bytes.get(start - w.base), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let newlines =
            memchr::memchr_iter(b'\n', &w.bytes[self.byte - w.base..start - w.base]).count();
        self.line += newlines as u64;
        self.byte = start;
        if start - w.base > 1 << 20 {
            w.bytes.drain(..start - w.base);
            w.base = start;
        }
        self.line
    }
}

/// The first bytes of a CSV file read for its sniffing (byte order mark,
/// separator): up to its first line break, at least 64 KiB, at most 1 MiB.
const HEAD: usize = 1 << 16;
const HEAD_MAX: usize = 1 << 20;

fn visit_csv(
    bytes: &[u8],
    progress: &dyn Fn(u64),
    f: &mut dyn FnMut(Item<'_>) -> bool,
) -> Result<(), FileIssue> {
    let mut rest = bytes;
    match visit_csv_stream(&mut rest, &mut |_| {}, progress, f) {
        Ok(r) => r,
        // Reading bytes in memory does not fail.
        Err(e) => Err(FileIssue::new(0, ProblemKind::Csv, e.to_string())),
    }
}

/// [`visit`] of a CSV file read as it goes, a block at a time, never held
/// whole (a competency file of a million employees is 375 MB): `seen` is
/// handed every byte read from `file`, in order (the rows stop early when `f`
/// says so; the rest of the file is then still in `file`). `Err` only when
/// the file cannot be read.
pub fn visit_csv_stream(
    file: &mut dyn std::io::Read,
    seen: &mut dyn FnMut(&[u8]),
    progress: &dyn Fn(u64),
    f: &mut dyn FnMut(Item<'_>) -> bool,
) -> std::io::Result<Result<(), FileIssue>> {
    let mut head = Vec::with_capacity(HEAD);
    while head.len() < HEAD_MAX && (head.len() < HEAD || memchr::memchr(b'\n', &head).is_none()) {
        let at = head.len();
        head.resize(at + HEAD, 0);
        let n = match file.read(&mut head[at..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                head.truncate(at);
                continue;
            }
            Err(e) => return Err(e),
        };
        head.truncate(at + n);
        seen(&head[at..]);
        if n == 0 {
            break;
        }
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Ok(Err(FileIssue::new(0, ProblemKind::Utf16, "")));
    }
    let bom = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    head.drain(..bom);
    let sep = detect_separator(&head);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(Tee {
            head: std::io::Cursor::new(head),
            rest: file,
            seen,
            window: Window::default(),
        });
    let mut header: Option<usize> = None;
    let mut rec = csv::ByteRecord::new();
    let mut row = SourceRow {
        line: 0,
        cells: Vec::new(),
        issues: Vec::new(),
    };
    let mut lines = LineCounter::new();
    let mut n = 0usize;
    loop {
        let more = match reader.read_byte_record(&mut rec) {
            Ok(more) => more,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let message = e.to_string();
                return match e.into_kind() {
                    csv::ErrorKind::Io(io) => Err(io),
                    _ => Ok(Err(FileIssue::new(line, ProblemKind::Csv, message))),
                };
            }
        };
        if !more {
            break;
        }
        let byte = rec.position().map_or(0, |p| p.byte());
        let line = lines.line_of_record_at(byte as usize, &mut reader.get_mut().window);
        if n.is_multiple_of(1024) {
            progress(byte + bom as u64);
        }
        n += 1;
        row.line = line;
        row.issues.clear();
        row.cells.truncate(rec.len());
        for (i, field) in rec.iter().enumerate() {
            let s = decode(field, i, &mut row.issues);
            match row.cells.get_mut(i) {
                Some(slot) => text_cell_into(&s, i, &mut row.issues, true, slot),
                None => row.cells.push(text_cell(&s, i, &mut row.issues, true)),
            }
        }
        if row.cells.iter().all(Cell::is_empty) && row.issues.is_empty() {
            continue;
        }
        match header {
            None => {
                if let Some(i) = row.issues.first() {
                    return Ok(Err(FileIssue::new(line, i.kind.clone(), i.value.clone())));
                }
                let names: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.clone(),
                        _ => String::new(),
                    })
                    .collect();
                header = Some(names.len());
                if !f(Item::Header {
                    names: &names,
                    line,
                }) {
                    return Ok(Ok(()));
                }
            }
            Some(expected) => {
                let found = row
                    .cells
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .map_or(0, |i| i + 1);
                if found > expected {
                    row.issues.push(Issue {
                        col: None,
                        kind: ProblemKind::ExtraFields { expected, found },
                        value: String::new(),
                    });
                }
                if !f(Item::Row(&row)) {
                    return Ok(Ok(()));
                }
            }
        }
    }
    progress(reader.position().byte() + bom as u64);
    Ok(match header {
        Some(_) => Ok(()),
        None => Err(FileIssue::new(0, ProblemKind::Empty, "")),
    })
}

/// Excel's serial day numbers accepted as dates: 1910-01-01 ..= 9999-12-31.
/// (Smaller numbers in a date column are far more likely a year or a mistake.)
const SERIAL_DATES: std::ops::RangeInclusive<f64> = 3654.0..=2_958_465.0;

/// An Excel serial day number (1900 system) as a date.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !SERIAL_DATES.contains(&serial) {
        return None;
    }
    serial_to_date(ExcelDateTime::new(
        serial,
        ExcelDateTimeType::DateTime,
        false,
    ))
}

fn serial_to_date(dt: ExcelDateTime) -> Option<NaiveDate> {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

fn xlsx_cell(d: &Data, col: usize, issues: &mut Vec<Issue>) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text_cell(s, col, issues, false),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) if dt.is_datetime() && (0.0..2_958_466.0).contains(&dt.as_f64()) => {
            match serial_to_date(*dt) {
                Some(date) => Cell::Date(date),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
            .map(Cell::Date)
            .unwrap_or_else(|| text_cell(s, col, issues, false)),
        Data::DurationIso(s) => text_cell(s, col, issues, false),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Columns an import sheet may use: far more than any export has, few enough
/// that a row is cheap to lay out (a damaged or hostile workbook can name a
/// cell millions of columns to the right).
const XLSX_MAX_COLUMNS: u32 = 1024;

/// What all the parts of one workbook may unpack to (our bound, documented in
/// docs/import-format.md): far above any HR export that a spreadsheet can hold
/// (a 100,000-row pegawai sheet unpacks to about 60 MB), far below what a zip
/// bomb asks for. The reader's memory follows the unpacked size.
pub const XLSX_MAX_UNPACKED: u64 = 512 * 1024 * 1024;

/// Unpack every part once, counting, and stop past [`XLSX_MAX_UNPACKED`]: the
/// sizes a zip declares can lie, the bytes it inflates to cannot.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), FileIssue> {
    use std::io::Read;
    let unreadable =
        |e: &dyn std::fmt::Display| FileIssue::new(0, ProblemKind::Unreadable, e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|e| unreadable(&e))?;
        let room = XLSX_MAX_UNPACKED - total;
        let n = std::io::copy(&mut part.take(room + 1), &mut std::io::sink())
            .map_err(|e| unreadable(&e))?;
        total += n;
        if total > XLSX_MAX_UNPACKED {
            return Err(FileIssue::new(
                0,
                ProblemKind::TooLargeUnpacked {
                    limit_mib: XLSX_MAX_UNPACKED / (1024 * 1024),
                },
                "",
            ));
        }
    }
    Ok(())
}

/// The first sheet's non-empty cells as (row, column, value), in row order.
fn xlsx_cells(bytes: &[u8]) -> Result<Vec<(u32, u32, Data)>, FileIssue> {
    let unreadable =
        |e: calamine::XlsxError| FileIssue::new(0, ProblemKind::Unreadable, e.to_string());
    check_unpacked_size(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(FileIssue::new(0, ProblemKind::Empty, ""));
    };
    let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (row, col) = cell.get_position();
        if col >= XLSX_MAX_COLUMNS {
            return Err(FileIssue::new(
                u64::from(row) + 1,
                ProblemKind::Unreadable,
                column_name(col),
            ));
        }
        if !matches!(cell.get_value(), calamine::DataRef::Empty) {
            cells.push((row, col, Data::from(cell.get_value().clone())));
        }
    }
    cells.sort_by_key(|&(row, col, _)| (row, col));
    Ok(cells)
}

/// A 0-based column index as spreadsheet letters (0 = A, 26 = AA).
fn column_name(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn visit_xlsx(bytes: &[u8], f: &mut dyn FnMut(Item<'_>) -> bool) -> Result<(), FileIssue> {
    // The xlsx reader can panic on a damaged workbook (an arithmetic overflow
    // on a mangled cell reference, found by the property tests): that is an
    // unreadable file, never a crash. Nothing outside the closure is touched.
    // Cells are laid out in rows here, never as one rectangle (whose size a
    // stray far-away cell would decide).
    let cells = std::panic::catch_unwind(|| xlsx_cells(bytes))
        .map_err(|_| FileIssue::new(0, ProblemKind::Unreadable, ""))??;
    let Some(first_col) = cells.iter().map(|c| c.1).min() else {
        return Err(FileIssue::new(0, ProblemKind::Empty, ""));
    };
    let width = cells.iter().map(|c| c.1).max().unwrap_or(first_col) - first_col + 1;
    let mut rest = cells.as_slice();
    let rows = std::iter::from_fn(|| {
        let row = rest.first()?.0;
        let n = rest.iter().take_while(|c| c.0 == row).count();
        let (these, more) = rest.split_at(n);
        rest = more;
        let mut r = vec![Data::Empty; width as usize];
        for (_, col, d) in these {
            r[(col - first_col) as usize] = d.clone();
        }
        Some((row, r))
    });
    let mut header = false;
    for (row, r) in rows {
        let line = u64::from(row) + 1;
        let mut issues = Vec::new();
        let cells: Vec<Cell> = r
            .iter()
            .enumerate()
            .map(|(c, d)| xlsx_cell(d, c, &mut issues))
            .collect();
        if cells.iter().all(Cell::is_empty) && issues.is_empty() {
            continue;
        }
        let go_on = if header {
            f(Item::Row(&SourceRow {
                line,
                cells,
                issues,
            }))
        } else {
            header = true;
            let names: Vec<String> = cells
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => s.clone(),
                    Cell::Number(n) => n.to_string(),
                    _ => String::new(),
                })
                .collect();
            f(Item::Header {
                names: &names,
                line,
            })
        };
        if !go_on {
            return Ok(());
        }
    }
    if header {
        Ok(())
    } else {
        Err(FileIssue::new(0, ProblemKind::Empty, ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader handing out a few bytes at a time, failing after `fail_at`.
    struct Chunky<'a> {
        bytes: &'a [u8],
        sizes: Vec<usize>,
        at: usize,
        fail_at: Option<usize>,
        calls: usize,
    }

    impl std::io::Read for Chunky<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.fail_at.is_some_and(|f| self.at >= f) {
                return Err(std::io::Error::other("disk gone"));
            }
            // A signal now and then: the read is tried again.
            self.calls += 1;
            if self.calls % 3 == 1 {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let size = self.sizes[self.at % self.sizes.len()];
            let n = size.min(buf.len()).min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    /// Every item a visit hands over, as text.
    fn items(
        visit: impl FnOnce(&mut dyn FnMut(Item<'_>) -> bool) -> Result<(), FileIssue>,
    ) -> String {
        let mut out = String::new();
        let r = visit(&mut |item| {
            match item {
                Item::Header { names, line } => out.push_str(&format!("H{line}{names:?}\n")),
                Item::Row(r) => out.push_str(&format!("R{}{:?}{:?}\n", r.line, r.cells, r.issues)),
            }
            true
        });
        out.push_str(&format!("{r:?}"));
        out
    }

    proptest! {
        /// A CSV file read as it goes, in blocks of any size, gives the
        /// same header, rows, lines and problems as its bytes read whole,
        /// and hands over every byte of it.
        #[test]
        fn a_file_read_as_it_goes_reads_as_its_bytes(
            bom in any::<bool>(),
            sep in proptest::sample::select(vec![",", ";"]),
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    "nip{s}nama{s}tahun", "1{s}Ani{s}2024", "2{s}\"Budi,\nS.E.\"{s}2023", "",
                    "3{s}\"Cici \"\"C\"\"\"{s}2022{s}x", "4{s}D\u{e9}wi{s}2021", "  ", "5{s}{s}",
                ]),
                0..12,
            ),
            crlf in any::<bool>(),
            sizes in proptest::collection::vec(1usize..9, 1..4),
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            for l in &lines {
                text.push_str(&l.replace("{s}", sep));
                text.push_str(eol);
            }
            let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            bytes.extend_from_slice(text.as_bytes());
            let whole = items(|f| visit(&bytes, false, &|_| {}, f));
            let mut seen = Vec::new();
            let mut reader = Chunky { bytes: &bytes, sizes, at: 0, fail_at: None, calls: 0 };
            let streamed = items(|f| {
                visit_csv_stream(&mut reader, &mut |b| seen.extend_from_slice(b), &|_| {}, f).unwrap()
            });
            prop_assert_eq!(streamed, whole);
            prop_assert_eq!(seen, bytes);
        }
    }

    #[test]
    fn a_file_that_cannot_be_read_to_its_end_is_an_error() {
        let mut text = String::from("nip,tahun\n");
        for i in 0..30_000 {
            text.push_str(&format!("{i},2024\n"));
        }
        let mut reader = Chunky {
            bytes: text.as_bytes(),
            sizes: vec![4096],
            at: 0,
            fail_at: Some(120_000),
            calls: 0,
        };
        let mut rows = 0;
        let r = visit_csv_stream(&mut reader, &mut |_| {}, &|_| {}, &mut |item| {
            rows += matches!(item, Item::Row(_)) as usize;
            true
        });
        assert!(r.is_err(), "{r:?}");
        assert!(rows > 0 && rows < 30_000, "{rows}");
    }

    #[test]
    fn column_names_are_spreadsheet_letters() {
        let names: Vec<String> = [0, 25, 26, 51, 701, 702, 16383].map(column_name).to_vec();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    }

    fn csv(s: &[u8]) -> Table {
        read(s, false, &|_| {}).expect("readable")
    }

    fn texts(r: &SourceRow) -> Vec<String> {
        r.cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                Cell::Empty => String::new(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn separator_detection() {
        assert_eq!(detect_separator(b"nip,nama,tahun\n1;2;3"), b',');
        assert_eq!(detect_separator(b"nip;nama;tahun\r\n1,2,3"), b';');
        assert_eq!(detect_separator(b"\"a,b\";c;d\n"), b';');
        assert_eq!(detect_separator(b"\"a;b;c\",d\n"), b',');
        assert_eq!(detect_separator(b"\n\nnip;nama\n"), b';');
        assert_eq!(detect_separator(b"nip"), b',');
    }

    #[test]
    fn bom_crlf_semicolons_and_quoted_line_breaks() {
        let t = csv(
            b"\xEF\xBB\xBFnip ; nama\r\n\r\n1;\"Hj. Siti Aminah,\r\nS.E., M.Si.\"\r\n2; Budi \r\n",
        );
        assert_eq!(t.header, vec!["nip", "nama"]);
        assert_eq!(t.header_line, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(texts(&t.rows[0])[1], "Hj. Siti Aminah,\r\nS.E., M.Si.");
        assert_eq!(t.rows[1].line, 5, "lines count the one inside quotes");
        assert_eq!(texts(&t.rows[1]), vec!["2", "Budi"]);
        assert!(t.rows.iter().all(|r| r.issues.is_empty()));
    }

    #[test]
    fn blank_and_separator_only_lines_are_skipped() {
        let t = csv(b"a,b\n\n , \n,,\n1,2\n");
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 5);
    }

    #[test]
    fn invalid_utf8_is_an_issue_with_its_line() {
        let t = csv(b"a,b\nok,fine\nJos\xe9,x\n");
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.rows[1].issues.len(), 1);
        assert_eq!(t.rows[1].issues[0].kind, ProblemKind::InvalidUtf8);
        assert_eq!(t.rows[1].issues[0].col, Some(0));
        assert_eq!(t.rows[1].issues[0].value, "Jos\u{fffd}");
        let e = read(b"n\xffp,b\n1,2\n", false, &|_| {}).unwrap_err();
        assert_eq!((e.line, e.kind), (1, ProblemKind::InvalidUtf8));
    }

    #[test]
    fn huge_fields_and_runaway_quotes() {
        let mut big = b"a,b\n1,".to_vec();
        big.extend(std::iter::repeat_n(b'x', 100_000));
        big.push(b'\n');
        let t = csv(&big);
        assert_eq!(
            t.rows[0].issues[0].kind,
            ProblemKind::TooLong {
                max: MAX_FIELD_CHARS
            }
        );
        let t = csv(b"a,b\n1,\"never closed\n2,y\n3,z\n4,w\n");
        assert_eq!(t.rows.len(), 1);
        assert!(matches!(
            t.rows[0].issues[0].kind,
            ProblemKind::SpansLines { lines: 4 }
        ));
    }

    #[test]
    fn control_characters_are_flagged() {
        let t = csv(b"a,b\n\x1b[31mBudi,x\tok\n");
        assert_eq!(t.rows[0].issues.len(), 1);
        assert_eq!(t.rows[0].issues[0].kind, ProblemKind::ControlChars);
        assert_eq!(t.rows[0].issues[0].col, Some(0));
        // The value is echoed escaped, never raw.
        assert_eq!(t.rows[0].issues[0].value, "\\u{1b}[31mBudi");
        // Bidi overrides are refused as well.
        let t = csv("a,b\nSiti\u{202e}gnp,x\n".as_bytes());
        assert_eq!(t.rows[0].issues[0].kind, ProblemKind::ControlChars);
        assert_eq!(t.rows[0].issues[0].value, "Siti\\u{202e}gnp");
    }

    #[test]
    fn extra_fields_are_flagged_unless_empty() {
        let t = csv(b"a,b\n1,2,,\n1,Siti, S.E.\n");
        assert!(t.rows[0].issues.is_empty());
        assert_eq!(
            t.rows[1].issues[0].kind,
            ProblemKind::ExtraFields {
                expected: 2,
                found: 3
            }
        );
    }

    #[test]
    fn empty_and_utf16_files() {
        assert_eq!(
            read(b"", false, &|_| {}).unwrap_err().kind,
            ProblemKind::Empty
        );
        assert_eq!(
            read(b"\n\r\n", false, &|_| {}).unwrap_err().kind,
            ProblemKind::Empty
        );
        assert_eq!(
            read(b"\xff\xfen\x00", false, &|_| {}).unwrap_err().kind,
            ProblemKind::Utf16
        );
        let t = csv(b"nip,tahun\n");
        assert!(t.rows.is_empty());
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked_whole() {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            z.start_file("xl/sharedStrings.xml", opts).unwrap();
            let zeros = vec![b'0'; 1 << 20];
            for _ in 0..(XLSX_MAX_UNPACKED >> 20) + 1 {
                z.write_all(&zeros).unwrap();
            }
            z.finish().unwrap();
        }
        let bytes = buf.into_inner();
        assert!(bytes.len() < 4 << 20, "{} bytes packed", bytes.len());
        let e = read(&bytes, true, &|_| {}).unwrap_err();
        assert_eq!(e.kind, ProblemKind::TooLargeUnpacked { limit_mib: 512 });
    }

    #[test]
    fn a_broken_zip_is_unreadable_not_a_panic() {
        let e = read(b"PK\x03\x04garbage", false, &|_| {}).unwrap_err();
        assert_eq!(e.kind, ProblemKind::Unreadable);
        assert_eq!(e.line, 0);
        let e = read(b"nip,tahun\n", true, &|_| {}).unwrap_err();
        assert_eq!(
            e.kind,
            ProblemKind::Unreadable,
            "an .xlsx name on CSV bytes"
        );
    }

    #[test]
    fn excel_serials() {
        assert_eq!(
            excel_serial_date(45658.0),
            NaiveDate::from_ymd_opt(2025, 1, 1)
        );
        assert_eq!(
            excel_serial_date(31681.75),
            NaiveDate::from_ymd_opt(1986, 9, 26)
        );
        assert_eq!(excel_serial_date(2023.0), None);
        assert_eq!(excel_serial_date(f64::NAN), None);
        assert_eq!(excel_serial_date(1e12), None);
    }
}
