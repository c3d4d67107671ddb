//! Reading the files: first each file's kind (so the files can be put in
//! processing order: by its name, else by its header), then each file's
//! rows, parsed and checked as they are read, their records collected into
//! [`Records`].

use super::check::Checks;
use super::columns::{self, ColumnMap};
use super::forms;
use super::parse::{self, Record, Target};
use super::problem::{Problem, ProblemKind};
use super::source::{self, Item};
use super::{extension, Ext, FileKind, FileReport, ImportError, ImportOptions, Progress};
use crate::store::records::{Batch, Text};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A file read, its kind known (when the name or the header tells it).
pub struct Input {
    pub path: PathBuf,
    /// The file's bytes, unless it is read as it goes (`stream`).
    pub bytes: Vec<u8>,
    pub kind: Option<FileKind>,
    /// A CSV file read as it goes, a block at a time, instead of whole.
    pub stream: Option<std::fs::File>,
}

impl Input {
    pub fn read(path: &Path) -> Result<Input, ImportError> {
        let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Input::of(path, bytes))
    }

    /// The kind by the file's name, else (when the file is readable) by its header.
    pub fn of(path: &Path, bytes: Vec<u8>) -> Input {
        let kind = FileKind::from_file_name(&file_name(path)).or_else(|| {
            let ext = extension(path)?;
            let mut kind = None;
            let _ = source::visit(&bytes, ext == Ext::Xlsx, &|_| {}, &mut |item| {
                if let Item::Header { names, .. } = item {
                    kind = FileKind::from_header(names);
                }
                false
            });
            kind
        });
        Input {
            path: path.to_path_buf(),
            bytes,
            kind,
            stream: None,
        }
    }
}

/// A file to import, opened (so that an unreadable one is an error before
/// anything is written) and, when its name tells its kind, read only when
/// its turn comes (so that the files are not all in memory at once).
pub struct Opened {
    path: PathBuf,
    kind: Option<FileKind>,
    file: Unread,
}

enum Unread {
    File(std::fs::File),
    /// Read already (for its header).
    Read(Input),
}

impl Opened {
    pub fn open(path: &Path) -> Result<Opened, ImportError> {
        let Some(kind) = FileKind::from_file_name(&file_name(path)) else {
            let input = Input::read(path)?;
            return Ok(Opened {
                path: path.to_path_buf(),
                kind: input.kind,
                file: Unread::Read(input),
            });
        };
        let file = std::fs::File::open(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Opened {
            path: path.to_path_buf(),
            kind: Some(kind),
            file: Unread::File(file),
        })
    }

    pub fn kind(&self) -> Option<FileKind> {
        self.kind
    }

    /// The file's bytes, or, for a CSV file, the file to read as it goes.
    pub fn read(self) -> Result<Input, ImportError> {
        let mut file = match self.file {
            Unread::File(file) => file,
            Unread::Read(input) => return Ok(input),
        };
        // Read as it goes only when it can be read again from its start
        // (a regular file, not a pipe).
        let regular = file.metadata().is_ok_and(|m| m.is_file());
        if regular && extension(&self.path) == Some(Ext::Csv) {
            return Ok(Input {
                path: self.path,
                bytes: Vec::new(),
                kind: self.kind,
                stream: Some(file),
            });
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|source| ImportError::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok(Input {
            path: self.path,
            bytes,
            kind: self.kind,
            stream: None,
        })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// What the reading thread hands to the writing one.
pub enum Msg {
    /// Records of valid rows of one file (by its place in processing
    /// order), in processing order.
    Records(usize, Box<Batch>),
    /// A problem was found and invalid rows are not skipped: the import will
    /// be refused, so nothing is written (and no more records are sent).
    Refused,
}

/// Records of valid rows handed over in chunks of about this many bytes
/// (as [`record_bytes`] counts them): some thousands of employees, tens of
/// thousands of SKP rows.
const SEND_BYTES: usize = 1 << 20;

/// How many chunks may wait for the writer (so at most about 128 MB): while
/// the writer inserts the employees (their indexes take it longer than the
/// reader takes to read them), the reader reads on into the next files
/// instead of waiting.
pub const CHUNKS_WAITING: usize = 128;

/// About how many bytes a record takes: its size, and the room of its
/// texts too long to be kept inline.
fn record_bytes(r: &Record) -> usize {
    let t = |s: &Text| {
        if s.is_heap_allocated() {
            s.capacity()
        } else {
            0
        }
    };
    let o = |s: &Option<Text>| s.as_ref().map_or(0, t);
    match r {
        Record::Employee(x) => {
            size_of_val(x) + t(&x.nama) + t(&x.jabatan) + t(&x.unit) + o(&x.instansi)
        }
        Record::Skp(x) => size_of_val(x),
        Record::Competency(x) => size_of_val(x),
        Record::Potential(x) => size_of_val(x) + o(&x.metode),
        Record::Training(x) => size_of_val(x) + t(&x.nama),
        Record::History(x) => size_of_val(x) + t(&x.jabatan) + o(&x.unit),
        Record::Penalty(x) => size_of_val(x) + o(&x.jenis),
        Record::Position(x) => {
            let holder = x.holder_nip.as_ref().map_or(0, String::capacity);
            size_of_val(x) + x.kode.capacity() + x.nama.capacity() + x.unit.capacity() + holder
        }
        Record::Requirement(x) => size_of_val(x) + x.kode.capacity(),
    }
}

/// The records of valid rows, by kind, in processing order: kept, or (with
/// [`Records::sending`]) handed over in chunks as they are read.
#[derive(Default)]
pub struct Records {
    pub batch: Batch,
    /// The file whose records are kept (a batch never holds two files'
    /// records: [`Records::end_file`] sends the last of each).
    file: usize,
    out: Option<std::sync::mpsc::SyncSender<Msg>>,
    /// The import will be refused: records are dropped.
    refused: bool,
    /// The receiver is gone (the writer failed): records are dropped and
    /// reading stops.
    gone: bool,
    /// About how many bytes the records kept take.
    bytes: usize,
}

impl Records {
    /// Records sent to `out` in chunks, the last one by [`Records::flush`].
    pub fn sending(out: std::sync::mpsc::SyncSender<Msg>) -> Records {
        Records {
            batch: Batch::default(),
            file: 0,
            out: Some(out),
            refused: false,
            gone: false,
            bytes: 0,
        }
    }

    fn push(&mut self, r: Record) {
        if self.refused || self.gone {
            return;
        }
        self.bytes += record_bytes(&r);
        let b = &mut self.batch;
        match r {
            Record::Employee(x) => b.employees.push(x),
            Record::Skp(x) => b.skp.push(x),
            Record::Competency(x) => b.competencies.push(x),
            Record::Potential(x) => b.potentials.push(x),
            Record::Training(x) => b.trainings.push(x),
            Record::History(x) => b.histories.push(x),
            Record::Penalty(x) => b.penalties.push(x),
            Record::Position(x) => b.positions.push(x),
            Record::Requirement(x) => b.requirements.push(x),
        }
        if self.bytes >= SEND_BYTES {
            self.flush();
        }
    }

    /// Send the records kept so far (when sending).
    pub fn flush(&mut self) {
        if self.out.is_none() || self.batch.is_empty() {
            return;
        }
        // The next chunk is most likely of the same kind and size: its
        // lists are made that large at once instead of grown by doubling.
        let lens = self.lens();
        let b = std::mem::take(&mut self.batch);
        self.bytes = 0;
        self.reserve(lens);
        let msg = Msg::Records(self.file, Box::new(b));
        if self.out.as_ref().is_some_and(|out| out.send(msg).is_err()) {
            self.gone = true;
        }
    }

    /// The import will be refused: send nothing more (once told, the writer
    /// rolls back at once, so that the write lock is not held while the rest
    /// of the files are read for their problems).
    fn refuse(&mut self) {
        if self.refused {
            return;
        }
        self.refused = true;
        self.batch = Batch::default();
        self.bytes = 0;
        if let Some(out) = &self.out {
            if out.send(Msg::Refused).is_err() {
                self.gone = true;
            }
        }
    }

    /// After [`load`]: refuse the import if the file has problems and
    /// invalid rows are not skipped; send the file's last records.
    pub fn end_file(&mut self, loaded: &Loaded, skip_invalid: bool) {
        let problems = !(loaded.file_problems.is_empty() && loaded.row_problems.is_empty());
        if problems && !skip_invalid {
            self.refuse();
        }
        self.flush();
    }

    /// The writer is gone: reading on is of no use.
    pub fn gone(&self) -> bool {
        self.gone
    }

    /// How many records of each kind are kept.
    fn lens(&self) -> [usize; 9] {
        let b = &self.batch;
        [
            b.employees.len(),
            b.skp.len(),
            b.competencies.len(),
            b.potentials.len(),
            b.trainings.len(),
            b.positions.len(),
            b.requirements.len(),
            b.histories.len(),
            b.penalties.len(),
        ]
    }

    /// Room for this many records of each kind (as [`Records::lens`]).
    fn reserve(&mut self, lens: [usize; 9]) {
        each_list!(self.batch, lens, reserve);
    }

    /// Drop the records pushed since [`Records::lens`] gave `lens` (none of
    /// them sent since: see `load`).
    fn truncate(&mut self, lens: [usize; 9]) {
        each_list!(self.batch, lens, truncate);
    }
}

/// `list.$method(n)` for each of a batch's lists of records with its number
/// in `$lens`, in [`Records::lens`]'s order.
macro_rules! each_list {
    ($batch:expr, $lens:expr, $method:ident) => {{
        let (b, l) = (&mut $batch, $lens);
        b.employees.$method(l[0]);
        b.skp.$method(l[1]);
        b.competencies.$method(l[2]);
        b.potentials.$method(l[3]);
        b.trainings.$method(l[4]);
        b.positions.$method(l[5]);
        b.requirements.$method(l[6]);
        b.histories.$method(l[7]);
        b.penalties.$method(l[8]);
    }};
}
use each_list;

/// A reference this import does not provide with a valid row: it must be in
/// the database.
pub struct Pending {
    /// The file, by its place in processing order.
    pub file: usize,
    pub line: u64,
    pub target: Target,
    /// The column that names the target, as the file's header writes it.
    pub column: String,
    /// The row was valid (its record was kept; the writer skips a record
    /// whose employee or position it does not find, as the lookup here will).
    pub valid: bool,
}

/// A file read and checked.
pub struct Loaded {
    pub report: FileReport,
    /// Problems with the whole file (then no row was parsed).
    pub file_problems: Vec<Problem>,
    /// The rows' problems, by line.
    pub row_problems: Vec<Problem>,
    /// The file could not be read to its end (the import fails).
    pub io_error: Option<std::io::Error>,
}

/// Read, parse and check one file's rows (`file`: its place in processing
/// order); valid rows' records go to `records` (then [`Records::end_file`]),
/// references to check against the database to `pending`.
pub fn load(
    input: Input,
    file: usize,
    opts: &ImportOptions,
    progress: &Progress,
    checks: &mut Checks,
    records: &mut Records,
    pending: &mut Vec<Pending>,
) -> Loaded {
    let path = input.path;
    let (bytes, mut stream, scanned) = match first_pass(input.bytes, input.stream) {
        Ok(read) => read,
        Err(e) => return Loaded::unreadable(&path, input.kind, e),
    };
    let name = path.display().to_string();
    let file_name = file_name(&path);
    let problem =
        |line, column: &str, kind, value: &str| Problem::new(&name, line, column, kind, value);
    let sha256 = match &scanned {
        Some(s) => s.sha256.clone(),
        None => hex::encode(Sha256::digest(&bytes)),
    };
    let mut loaded = Loaded::new(&path, input.kind, sha256);
    let check_file = checks.file(&name, input.kind, lines_of(scanned.as_ref(), &bytes, &path));
    records.file = file;
    let Some(ext) = extension(&path) else {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        loaded
            .file_problems
            .push(problem(0, "", ProblemKind::Unsupported, &ext));
        return loaded;
    };

    progress.phase(
        scanned.as_ref().map_or(bytes.len() as u64, |s| s.len),
        &file_name,
    );
    let kind = input.kind;
    let mut cols: Option<(FileKind, ColumnMap)> = None;
    let first_pending = pending.len();
    let first_records = records.lens();
    let month_first = match month_first_of(stream.as_mut(), scanned.as_ref(), &bytes, ext) {
        Ok(found) => found,
        Err(e) => return Loaded::unreadable(&path, input.kind, e),
    };
    let read = visit_input(
        &bytes,
        stream.as_mut(),
        ext,
        &|done| progress.set(done),
        &mut loaded.io_error,
        &mut |item| {
            match item {
                Item::Header { names, line } => {
                    let Some(kind) = kind else {
                        loaded.file_problems.push(problem(
                            line,
                            "",
                            ProblemKind::UnknownKind,
                            &file_name,
                        ));
                        return true;
                    };
                    let (map, issues) = columns::match_header(kind, names);
                    loaded.report.unused_columns = map.unused();
                    loaded.report.used_columns = map.used();
                    if issues.is_empty() {
                        cols = Some((kind, map));
                    }
                    for i in issues {
                        loaded
                            .file_problems
                            .push(problem(line, &i.column, i.kind, &i.value));
                    }
                }
                Item::Row(src) => {
                    loaded.report.rows_read += 1;
                    let Some((kind, map)) = &cols else {
                        return true;
                    };
                    let mut row = parse::parse_row(
                        *kind,
                        map,
                        src,
                        &name,
                        opts.current_year,
                        &mut checks.names,
                        &month_first,
                    );
                    if *kind == FileKind::Pegawai {
                        for p in row
                            .problems
                            .iter()
                            .filter(|p| p.kind == ProblemKind::NipAsNumber)
                        {
                            checks.damaged_nip(check_file, row.line, &p.value);
                        }
                    }
                    let unresolved = checks.row(check_file, map, src, &mut row);
                    let valid = match row.record.take() {
                        Some(r) if row.problems.is_empty() => {
                            loaded.report.rows_valid += 1;
                            records.push(r);
                            true
                        }
                        _ => false,
                    };
                    if !row.problems.is_empty() && !opts.skip_invalid {
                        records.refuse();
                    }
                    loaded.row_problems.append(&mut row.problems);
                    if let Some(target) = unresolved {
                        pending.push(Pending {
                            file,
                            line: row.line,
                            target,
                            column: map.name(target.field()).to_string(),
                            valid,
                        });
                    }
                }
            }
            // Stop reading when the writer is gone (the import failed); a
            // refused import reads on for its problems.
            !records.gone
        },
    );
    if let Err(issue) = read {
        // Only before the header (see `source::visit`), so no row was read
        // (and none sent); should one have been, none of the file's rows
        // still kept is (as when the file is read whole first).
        loaded.report.rows_read = 0;
        loaded.report.rows_valid = 0;
        loaded.row_problems.clear();
        pending.truncate(first_pending);
        records.truncate(first_records);
        loaded
            .file_problems
            .push(problem(issue.line, "", issue.kind, &issue.value));
    }
    loaded
}

/// What the first pass over a CSV file read as it goes gives.
struct Scanned {
    sha256: String,
    len: u64,
    lines: usize,
    /// Some value may be a short day/month date ([`forms::may_hold_day_month`]).
    short_dates: bool,
}

/// A CSV file read as it goes: a first pass for its hash, its lines and
/// whether it may hold a short day/month date; a workbook under a .csv name
/// is read whole, as a workbook. Other files' bytes are as they were read.
fn first_pass(
    bytes: Vec<u8>,
    stream: Option<std::fs::File>,
) -> std::io::Result<(Vec<u8>, Option<std::fs::File>, Option<Scanned>)> {
    let Some(mut file) = stream else {
        return Ok((bytes, None, None));
    };
    Ok(match scan_csv(&mut file)? {
        Some(scanned) => (bytes, Some(file), Some(scanned)),
        None => (read_whole(&mut file)?, None, None),
    })
}

/// A CSV file's lines (its rows, and a few more when cells hold line
/// breaks): a hint for the checks' maps. A row takes a few bytes at least,
/// and room for 8 million keys is made at most: a file of blank lines
/// makes none for nothing.
fn lines_of(scanned: Option<&Scanned>, bytes: &[u8], path: &Path) -> usize {
    let (lines, len) = match (scanned, extension(path)) {
        (Some(s), _) => (s.lines, usize::try_from(s.len).unwrap_or(usize::MAX)),
        (None, Some(Ext::Csv)) => (memchr::memchr_iter(b'\n', bytes).count(), bytes.len()),
        _ => (0, 0),
    };
    lines.min(len / 8).min(1 << 23)
}

/// The month-first columns of a file read whole or as it goes.
fn month_first_of(
    stream: Option<&mut std::fs::File>,
    scanned: Option<&Scanned>,
    bytes: &[u8],
    ext: Ext,
) -> std::io::Result<Vec<usize>> {
    match (stream, scanned) {
        (Some(file), Some(s)) if s.short_dates => month_first_in_file(file),
        (Some(_), _) => Ok(Vec::new()),
        (None, _) => Ok(month_first_columns(bytes, ext)),
    }
}

/// A block of a file read at a time.
const BLOCK: usize = 1 << 20;

/// The first pass over a CSV file (then rewound): `None` when it is a
/// workbook after all.
fn scan_csv(file: &mut std::fs::File) -> std::io::Result<Option<Scanned>> {
    use std::io::{Read, Seek};
    let mut hash = Sha256::new();
    let mut block = vec![0u8; BLOCK];
    // The end of the block before, so that a date across two blocks is seen.
    let mut tail: Vec<u8> = Vec::new();
    let mut scanned = Scanned {
        sha256: String::new(),
        len: 0,
        lines: 0,
        short_dates: false,
    };
    loop {
        let n = match file.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let b = &block[..n];
        if scanned.len == 0 && b.starts_with(source::ZIP_MAGIC) {
            file.rewind()?;
            return Ok(None);
        }
        hash.update(b);
        scanned.len += n as u64;
        scanned.lines += memchr::memchr_iter(b'\n', b).count();
        if !scanned.short_dates {
            // The block, and where it meets the one before.
            tail.extend_from_slice(&b[..n.min(16)]);
            scanned.short_dates = forms::may_hold_day_month(&tail) || forms::may_hold_day_month(b);
            tail.clear();
            tail.extend_from_slice(&b[n.saturating_sub(16)..]);
        }
    }
    file.rewind()?;
    scanned.sha256 = hex::encode(hash.finalize());
    Ok(Some(scanned))
}

/// A file's bytes from where it stands.
fn read_whole(file: &mut std::fs::File) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(file, &mut bytes)?;
    Ok(bytes)
}

/// [`month_first_columns`] of a CSV file read as it goes (then rewound).
fn month_first_in_file(file: &mut std::fs::File) -> std::io::Result<Vec<usize>> {
    let mut found = Vec::new();
    let _ = source::visit_csv_stream(file, &mut |_| {}, &|_| {}, &mut |item| {
        if let Item::Row(src) = item {
            parse::month_first_columns(&src.cells, &mut found);
        }
        true
    })?;
    std::io::Seek::rewind(file)?;
    Ok(found)
}

/// [`source::visit`] of a file's bytes, or of a CSV file read as it goes;
/// a file that cannot be read to its end leaves its error in `io_error`.
fn visit_input(
    bytes: &[u8],
    stream: Option<&mut std::fs::File>,
    ext: Ext,
    progress: &dyn Fn(u64),
    io_error: &mut Option<std::io::Error>,
    f: &mut dyn FnMut(Item<'_>) -> bool,
) -> Result<(), source::FileIssue> {
    match stream {
        Some(file) => match source::visit_csv_stream(file, &mut |_| {}, progress, f) {
            Ok(read) => read,
            Err(e) => {
                *io_error = Some(e);
                Ok(())
            }
        },
        None => source::visit(bytes, ext == Ext::Xlsx, progress, f),
    }
}

impl Loaded {
    /// A file about to be read: nothing found yet.
    fn new(path: &Path, kind: Option<FileKind>, sha256: String) -> Loaded {
        Loaded {
            report: FileReport {
                path: path.to_path_buf(),
                kind,
                sha256,
                rows_read: 0,
                rows_valid: 0,
                counts: Default::default(),
                unused_columns: Vec::new(),
                used_columns: Vec::new(),
            },
            file_problems: Vec::new(),
            row_problems: Vec::new(),
            io_error: None,
        }
    }

    /// A file that could not be read (the import fails with the error).
    fn unreadable(path: &Path, kind: Option<FileKind>, e: std::io::Error) -> Loaded {
        Loaded {
            io_error: Some(e),
            ..Loaded::new(path, kind, String::new())
        }
    }
}

/// The columns (by place) where some date can only be month first
/// (`01/22/1971`), so that the dates of those columns that read either way
/// (`05/06/1969`) are not read day first without a word. A first, quick
/// pass over the file, as such a date may come after the ambiguous ones.
fn month_first_columns(bytes: &[u8], ext: Ext) -> Vec<usize> {
    let mut found = Vec::new();
    // A workbook named .csv is read as one (see `source::visit`).
    let csv = ext == Ext::Csv && !bytes.starts_with(source::ZIP_MAGIC);
    if csv && !forms::may_hold_day_month(bytes) {
        return found;
    }
    let _ = source::visit(bytes, ext == Ext::Xlsx, &|_| {}, &mut |item| {
        if let Item::Row(src) = item {
            parse::month_first_columns(&src.cells, &mut found);
        }
        true
    });
    found
}

/// Add problems found after a file was read (`late`, by line) to the row
/// problems, each after the problems its row already has.
pub fn merge_by_line(rows: Vec<Problem>, late: Vec<Problem>) -> Vec<Problem> {
    if late.is_empty() {
        return rows;
    }
    let mut out = Vec::with_capacity(rows.len() + late.len());
    let mut late = late.into_iter().peekable();
    for p in rows {
        while let Some(l) = late.next_if(|l| l.line < p.line) {
            out.push(l);
        }
        out.push(p);
    }
    out.extend(late);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::SkpRec;

    fn skp(tahun: u16) -> Record {
        Record::Skp(SkpRec {
            nip: "1".into(),
            tahun,
            predikat: crate::domain::Predikat::Baik,
        })
    }

    fn received(rx: &std::sync::mpsc::Receiver<Msg>) -> Vec<Result<Vec<u16>, ()>> {
        rx.try_iter()
            .map(|m| match m {
                Msg::Records(_, b) => Ok(b.skp.iter().map(|s| s.tahun).collect()),
                Msg::Refused => Err(()),
            })
            .collect()
    }

    #[test]
    fn a_record_counts_the_room_of_its_long_texts() {
        let mut nama = Text::with_capacity(4096);
        nama.push_str("Pelatihan");
        let t = |nama: Text| {
            Record::Training(crate::store::records::TrainingRec {
                nip: "1".into(),
                tahun: 2024,
                nama,
                urutan: 1,
                jp: 8,
                start: None,
            })
        };
        assert!(record_bytes(&t(nama)) >= 4096);
        assert!(record_bytes(&t("Pelatihan".into())) < 256);
    }

    #[test]
    fn records_are_sent_in_order_in_chunks() {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        let mut r = Records::sending(tx);
        let n = SEND_BYTES.div_ceil(record_bytes(&skp(0))) + 3;
        for i in 0..n {
            r.push(skp(i as u16));
        }
        r.flush();
        r.flush();
        let got = received(&rx);
        assert_eq!(got.len(), 2, "a full chunk, then the rest; no empty one");
        let all: Vec<u16> = got.into_iter().flat_map(Result::unwrap).collect();
        assert_eq!(all, (0..n as u16).collect::<Vec<_>>());
    }

    #[test]
    fn a_refused_import_sends_no_more_records() {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        let mut r = Records::sending(tx);
        r.push(skp(1));
        r.flush();
        r.push(skp(2));
        r.refuse();
        r.refuse();
        r.push(skp(3));
        r.flush();
        assert_eq!(received(&rx), vec![Ok(vec![1]), Err(())]);
        assert!(!r.gone());
        drop(rx);
        let mut r2 = Records::sending(std::sync::mpsc::sync_channel(1).0);
        r2.push(skp(4));
        r2.flush();
        assert!(r2.gone(), "the writer is gone: reading stops");
    }

    #[test]
    fn the_first_pass_sees_a_short_date_across_two_blocks() {
        let d = tempfile::tempdir().unwrap();
        for (at, date, want) in [
            (BLOCK - 5, "1/22/1971", true),
            (BLOCK - 1, "01/22/1971", true),
            (BLOCK + 3, "5-6-1969", true),
            (BLOCK - 5, "1971-01-22", false),
        ] {
            let mut bytes = vec![b'x'; at];
            bytes.extend_from_slice(format!(",{date}\n").as_bytes());
            let path = d.path().join("kinerja.csv");
            std::fs::write(&path, &bytes).unwrap();
            let mut file = std::fs::File::open(&path).unwrap();
            let s = scan_csv(&mut file).unwrap().unwrap();
            assert_eq!(s.short_dates, want, "{date} at {at}");
            assert_eq!((s.len, s.lines), (bytes.len() as u64, 1));
            assert_eq!(s.sha256, hex::encode(Sha256::digest(&bytes)));
            assert_eq!(read_whole(&mut file).unwrap(), bytes, "rewound");
        }
    }

    #[test]
    fn late_problems_follow_their_rows() {
        let p = |line, column: &str| Problem::new("f", line, column, ProblemKind::Required, "");
        let merged = merge_by_line(
            vec![p(2, "a"), p(2, "b"), p(5, "c")],
            vec![p(2, "late"), p(3, "late"), p(9, "late")],
        );
        let got: Vec<(u64, &str)> = merged.iter().map(|p| (p.line, p.column.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, "a"),
                (2, "b"),
                (2, "late"),
                (3, "late"),
                (5, "c"),
                (9, "late")
            ]
        );
    }
}
