//! The pool snapshot (issue 18): the loaded pool's employees, as the loader
//! builds them from the `pool` and record tables, kept in a file beside the
//! database (`talenta.db` -> `talenta.db-snapshot`) so that a later process
//! reads them in one pass instead of querying millions of rows.
//!
//! A snapshot is trusted only when it is the database's current state:
//! - The database keeps a change stamp (`snapshot_state`, schema V11): a
//!   counter, a random token and an `armed` flag. Triggers on every table the
//!   loader reads bump the counter and disarm it on the first row written after
//!   a snapshot was taken, in the writer's own transaction, whatever program
//!   writes (the sqlite3 shell included).
//! - A builder arms the stamp (new counter and token), reads the stamp, loads
//!   the pool, reads the stamp again; only when both readings are the same armed
//!   stamp (no write in between) is the snapshot written, carrying that stamp.
//! - A reader uses the file only when its header carries the database's
//!   current armed stamp, this format and schema version, the potential
//!   thresholds of the rules in force (the loader applies them), and its
//!   payload's length and CRC-32 check. Anything else is rebuilt, never
//!   trusted; a damaged file is an error only to this module.
//! - The file is written whole to a temporary file in the same folder, with
//!   the database file's permissions, then renamed over the old one: a process
//!   killed while writing leaves the old snapshot or none, and two processes
//!   rebuilding at once each rename a whole file.
//!
//! It holds nothing the database does not: the employees' loaded values only.
//! What the committee records add (calibrations, KRS members) is read from the
//! database at every load, as is the 9-box (computed with the rules in force).

use super::Result;
use crate::domain::candidate::{JpYears, Name, SkpYears, Text};
use crate::domain::career::{
    Career, CareerInline, OwnedRare, Penalty, PenaltyLevel, PositionSpan, STEPS,
};
use crate::domain::eligibility::Jenjang;
use crate::domain::{
    Candidate, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Status, Tingkat,
};
use chrono::NaiveDate;
use foldhash::HashMap;
use rusqlite::{Connection, OptionalExtension};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"TLNTPOOL";
/// The layout's version: a change of layout is a new number.
const FORMAT: u32 = 1;
/// Bytes before the payload.
const HEADER: usize = 72;
/// Employees per chunk of the index (the unit of parallel decoding).
const CHUNK: usize = 1 << 15;
/// A leftover temporary file older than this is a killed writer's.
const LEFTOVER: std::time::Duration = std::time::Duration::from_secs(3600);

/// The database's change stamp (see the module's comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub counter: i64,
    pub token: [u8; 8],
    pub armed: bool,
}

/// Why a snapshot file is not used (for tests and `--verbose` checks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    Missing,
    /// Written for another state of the database or other rules.
    Stale,
    /// Cut short, changed, or not a snapshot at all.
    Damaged(&'static str),
}

/// The snapshot file of a database file.
pub fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push("-snapshot");
    db.with_file_name(name)
}

/// The snapshot file of `conn`'s database, when it can have one: a file
/// database outside a transaction (inside one, the loader sees writes that
/// are not committed).
pub fn path_of(conn: &Connection) -> Option<PathBuf> {
    let p = conn.path().filter(|p| !p.is_empty())?;
    conn.is_autocommit().then(|| path_for(Path::new(p)))
}

/// The database's stamp; `None` before schema V11.
pub fn stamp(conn: &Connection) -> Result<Option<Stamp>> {
    let has: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'snapshot_state'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT counter, token, armed FROM snapshot_state WHERE id = 1",
            [],
            |r| {
                let token: Vec<u8> = r.get(1)?;
                let mut t = [0u8; 8];
                for (d, s) in t.iter_mut().zip(&token) {
                    *d = *s;
                }
                Ok(Stamp {
                    counter: r.get(0)?,
                    token: t,
                    armed: r.get::<_, i64>(2)? == 1,
                })
            },
        )
        .optional()?)
}

/// Arm the stamp before a build: a new counter and token, so that the first
/// write after it disarms it and no older snapshot matches it.
pub fn arm(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE snapshot_state SET counter = counter + 1, token = randomblob(8), armed = 1
         WHERE id = 1",
        [],
    )?;
    Ok(())
}

/// The employees of a current snapshot of `conn`'s database (`need`: names
/// or not), or why there is none to use.
pub fn read(
    conn: &Connection,
    file: &Path,
    rules: &Rules,
    need: super::load::Need,
) -> Result<std::result::Result<Vec<Candidate>, Unusable>> {
    Ok(match open_current(conn, file, rules)? {
        Ok(map) => checked(&map, rules).and_then(|(rows, payload)| {
            let layout = Layout::of(payload, rows)?;
            decode_all(&layout, need)
        }),
        Err(why) => Err(why),
    })
}

/// How many employees of a current snapshot `keep` holds for, each decoded
/// in turn into a place of its own instead of into a pool (a count needs no
/// pool: no vector of a million employees is built), or why there is none
/// to use. `keep` may change the employee (the committee's records).
pub fn count(
    conn: &Connection,
    file: &Path,
    rules: &Rules,
    need: super::load::Need,
    keep: &(dyn Fn(&mut Candidate) -> bool + Sync),
) -> Result<std::result::Result<usize, Unusable>> {
    Ok(match open_current(conn, file, rules)? {
        Ok(map) => checked(&map, rules).and_then(|(rows, payload)| {
            let layout = Layout::of(payload, rows)?;
            count_all(&layout, need, keep)
        }),
        Err(why) => Err(why),
    })
}

/// The file mapped, when the database's stamp is armed (else stale).
fn open_current(
    conn: &Connection,
    file: &Path,
    _rules: &Rules,
) -> Result<std::result::Result<Mapped, Unusable>> {
    let f = match std::fs::File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Err(Unusable::Missing)),
        Err(_) => return Ok(Err(Unusable::Damaged("unreadable"))),
    };
    if f.metadata()
        .map_or(true, |m| !m.is_file() || m.len() < HEADER as u64)
    {
        return Ok(Err(Unusable::Damaged("not a snapshot")));
    }
    let Some(now) = stamp(conn)?.filter(|s| s.armed) else {
        return Ok(Err(Unusable::Stale));
    };
    // SAFETY: the mapping is read while the file is open. talenta never
    // writes a snapshot in place: a new one is a new file renamed over the
    // name (see `write`), so the mapped file keeps its contents even when a
    // newer snapshot replaces it meanwhile. Only another program truncating
    // this very file during the read could make a page unreadable.
    Ok(match unsafe { memmap2::Mmap::map(&f) } {
        Ok(map) => Ok(Mapped { map, now }),
        Err(_) => Err(Unusable::Damaged("unreadable")),
    })
}

/// A mapped snapshot file and the database's stamp it must carry.
struct Mapped {
    map: memmap2::Mmap,
    now: Stamp,
}

/// The header's fields.
struct Header {
    schema: u32,
    stamp: Stamp,
    thresholds: [u64; 2],
    rows: u64,
}

fn thresholds(rules: &Rules) -> [u64; 2] {
    [
        rules.potensi_tinggi_min.to_bits(),
        rules.potensi_menengah_min.to_bits(),
    ]
}

fn schema_version() -> u32 {
    u32::try_from(super::schema::latest_version()).unwrap_or(u32::MAX)
}

/// Check a whole file against the current stamp and rules: the number of
/// employees and the payload.
fn checked<'a>(file: &'a Mapped, rules: &Rules) -> Read<(u64, &'a [u8])> {
    let bytes: &[u8] = &file.map;
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(Unusable::Damaged("not a snapshot"));
    }
    let mut h = Reader::new(&bytes[8..HEADER]);
    let format = h.u32()?;
    if format != FORMAT {
        return Err(Unusable::Stale);
    }
    let header = Header {
        schema: h.u32()?,
        stamp: Stamp {
            counter: h.i64()?,
            token: h.array()?,
            armed: true,
        },
        thresholds: [h.u64()?, h.u64()?],
        rows: h.u64()?,
    };
    let payload_len = h.u64()?;
    let crc = h.u32()?;
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != payload_len {
        return Err(Unusable::Damaged("cut short or extended"));
    }
    if header.schema != schema_version()
        || header.stamp != file.now
        || header.thresholds != thresholds(rules)
    {
        return Err(Unusable::Stale);
    }
    if crc32fast::hash(payload) != crc {
        return Err(Unusable::Damaged("checksum"));
    }
    Ok((header.rows, payload))
}

/// Write the snapshot of `rows` for `stamp` (taken as described in the
/// module's comment) beside `db`: whole, then renamed into place.
pub fn write(db: &Path, rows: &[Candidate], stamp: &Stamp, rules: &Rules) -> std::io::Result<()> {
    let file = path_for(db);
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = format!(
        ".{}.",
        file.file_name().unwrap_or_default().to_string_lossy()
    );
    remove_leftovers(dir, &prefix);
    let payload = encode_payload(rows);
    let mut header = Writer::default();
    header.bytes(MAGIC);
    header.u32(FORMAT);
    header.u32(schema_version());
    header.i64(stamp.counter);
    header.bytes(&stamp.token);
    let [a, b] = thresholds(rules);
    header.u64(a);
    header.u64(b);
    header.u64(rows.len() as u64);
    header.u64(payload.len() as u64);
    header.u32(crc32fast::hash(&payload));
    header.u32(0);
    debug_assert_eq!(header.0.len(), HEADER);
    let mut tmp = tempfile::Builder::new().prefix(&prefix).tempfile_in(dir)?;
    // The database's permissions (0600 when talenta created it); a temporary
    // file starts owner-only.
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(db) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.write_all(&header.0)?;
    tmp.write_all(&payload)?;
    tmp.flush()?;
    tmp.persist(&file).map_err(|e| e.error)?;
    Ok(())
}

/// Remove temporary files that writers killed long ago left behind.
fn remove_leftovers(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER);
        if old && e.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

// ---- Layout ----------------------------------------------------------------
//
// Payload: the texts (jabatan, unit, instansi) once each: count u32, then
// (length u32, UTF-8 bytes); the chunk index: count u32, then each chunk's
// start u64 (from the first employee's byte); then the employees, in the
// loader's order (by id), each:
//   id i64, nip (len u8, bytes), nama (len u16, bytes), sex|status<<1 u8,
//   birth i32 (days from CE), golongan (kind u8, a u8, b u8), jabatan u32,
//   tingkat u8, unit u32, instansi u32 (NONE), pendidikan u8, tmt_jabatan i32
//   (NO_DATE), skp (n u16, (tahun u16, rank u8)...), competency [u8; 9],
//   potensi u8 (0 none, 1 + index; bit 7: a score follows as f32),
//   training (n u16, (tahun u16, jp u32)...), career (starts u16 x STEPS,
//   levels u8 x STEPS, open_start u16, open_tier u8 (NONE8), flags u8,
//   rare u8: 1 then history (n u32, (tingkat u8, jenjang u8 (NONE8), start
//   i32, end i32)...) and penalties (n u32, (level u8, start i32, end i32)...)).
// All integers little-endian.

const NONE: u32 = u32::MAX;
const NONE8: u8 = u8::MAX;
const NO_DATE: i32 = i32::MIN;
const SCORE: u8 = 0x80;
const JENJANG: [Jenjang; 5] = [
    Jenjang::Keterampilan,
    Jenjang::AhliPertama,
    Jenjang::AhliMuda,
    Jenjang::AhliMadya,
    Jenjang::AhliUtama,
];

fn index_of<T: PartialEq + Copy>(all: &[T], v: T) -> u8 {
    all.iter().position(|x| *x == v).unwrap_or(0) as u8
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.bytes(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.bytes(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.bytes(&v.to_le_bytes());
    }
    fn date(&mut self, d: Option<NaiveDate>) {
        use chrono::Datelike;
        self.i32(d.map_or(NO_DATE, |d| d.num_days_from_ce()));
    }
}

/// The texts of the payload, each once, numbered in order of first use; a
/// copy of a `Text` already seen is found by its shared id, an equal text
/// made separately by its value.
#[derive(Default)]
struct Texts<'a> {
    by_copy: HashMap<usize, u32>,
    by_value: HashMap<&'a str, u32>,
    order: Vec<&'a str>,
}

impl<'a> Texts<'a> {
    fn id(&mut self, t: &'a Text) -> u32 {
        if let Some(&i) = self.by_copy.get(&t.shared_id()) {
            return i;
        }
        let s: &str = &t.text;
        let i = match self.by_value.get(s) {
            Some(&i) => i,
            None => {
                let i = self.order.len() as u32;
                self.order.push(s);
                self.by_value.insert(s, i);
                i
            }
        };
        self.by_copy.insert(t.shared_id(), i);
        i
    }
}

fn encode_payload(rows: &[Candidate]) -> Vec<u8> {
    let mut texts = Texts::default();
    let mut body = Writer(Vec::with_capacity(rows.len() * 96));
    let mut chunks: Vec<u64> = Vec::with_capacity(rows.len() / CHUNK + 1);
    for (i, c) in rows.iter().enumerate() {
        if i % CHUNK == 0 {
            chunks.push(body.0.len() as u64);
        }
        let ids = (
            texts.id(&c.jabatan),
            texts.id(&c.unit),
            c.instansi.as_ref().map_or(NONE, |t| texts.id(t)),
        );
        encode_one(&mut body, c, ids);
    }
    let order = texts.order;
    let mut out = Writer(Vec::with_capacity(
        body.0.len() + 64 * order.len() + 8 * chunks.len(),
    ));
    out.u32(order.len() as u32);
    for s in &order {
        out.u32(s.len() as u32);
        out.bytes(s.as_bytes());
    }
    out.u32(chunks.len() as u32);
    for c in &chunks {
        out.u64(*c);
    }
    out.bytes(&body.0);
    out.0
}

fn encode_one(w: &mut Writer, c: &Candidate, (jabatan, unit, instansi): (u32, u32, u32)) {
    w.i64(c.id);
    let nip = &c.nip.as_bytes()[..c.nip.len().min(255)];
    w.u8(nip.len() as u8);
    w.bytes(nip);
    let nama = &c.nama.as_bytes()[..c.nama.len().min(u16::MAX as usize)];
    w.u16(nama.len() as u16);
    w.bytes(nama);
    w.u8(u8::from(c.sex == Sex::P) | (u8::from(c.status == Status::Pppk) << 1));
    w.date(Some(c.birth));
    match c.golongan {
        Golongan::Pns { level, ruang } => w.bytes(&[1, level, ruang]),
        Golongan::Pppk(g) => w.bytes(&[2, g, 0]),
    }
    w.u32(jabatan);
    w.u8(index_of(&Tingkat::ALL, c.tingkat));
    w.u32(unit);
    w.u32(instansi);
    w.u8(index_of(&Pendidikan::ALL, c.pendidikan));
    w.date(c.tmt_jabatan);
    w.u16(c.skp.len().min(u16::MAX as usize) as u16);
    for (y, p) in c.skp.iter().take(u16::MAX as usize) {
        w.u16(*y);
        w.u8(p.rank());
    }
    w.bytes(&c.competency);
    let potensi = c.potensi.map_or(0, |p| 1 + index_of(&Potensi::ALL, p));
    match c.potensi_score {
        Some(s) => {
            w.u8(potensi | SCORE);
            w.u32(s.to_bits());
        }
        None => w.u8(potensi),
    }
    w.u16(c.training.len().min(u16::MAX as usize) as u16);
    for (y, jp) in c.training.iter().take(u16::MAX as usize) {
        w.u16(*y);
        w.u32(*jp);
    }
    let (inline, rare) = c.career.stored();
    for s in inline.starts {
        w.u16(s);
    }
    w.bytes(&inline.levels);
    w.u16(inline.open_start);
    w.u8(inline
        .open_tier
        .map_or(NONE8, |t| index_of(&Tingkat::ALL, t)));
    w.u8(inline.flags);
    match rare {
        None => w.u8(0),
        Some((history, penalties)) => {
            w.u8(1);
            w.u32(history.len() as u32);
            for s in history {
                w.u8(index_of(&Tingkat::ALL, s.tingkat));
                w.u8(s.jenjang.map_or(NONE8, |j| index_of(&JENJANG, j)));
                w.date(Some(s.start));
                w.date(s.end);
            }
            w.u32(penalties.len() as u32);
            for p in penalties {
                w.u8(index_of(&PenaltyLevel::ALL, p.level));
                w.date(Some(p.start));
                w.date(p.end);
            }
        }
    }
}

/// Reads the layout; every read is checked (a damaged file is an error,
/// never a panic).
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Day numbers already turned into dates (by the number's low bits;
    /// empty: none kept): birth dates and TMTs repeat across employees.
    dates: Vec<(i32, NaiveDate)>,
}

/// Slots of [`Reader::dates`].
const DATE_SLOTS: usize = 1 << 14;

const CUT: Unusable = Unusable::Damaged("cut short");
const BAD: Unusable = Unusable::Damaged("a value out of range");

type Read<T> = std::result::Result<T, Unusable>;

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            pos: 0,
            dates: Vec::new(),
        }
    }
    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(CUT)?;
        let s = self.buf.get(self.pos..end).ok_or(CUT)?;
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Read<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Read<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Read<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn i32(&mut self) -> Read<i32> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Read<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn i64(&mut self) -> Read<i64> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    fn str(&mut self, n: usize) -> Read<&'a str> {
        std::str::from_utf8(self.take(n)?).map_err(|_| Unusable::Damaged("text"))
    }
    fn date(&mut self) -> Read<Option<NaiveDate>> {
        let d = self.i32()?;
        if d == NO_DATE {
            return Ok(None);
        }
        let slot = d as usize % DATE_SLOTS;
        if let Some(&(k, date)) = self.dates.get(slot) {
            if k == d {
                return Ok(Some(date));
            }
        }
        let date = NaiveDate::from_num_days_from_ce_opt(d).ok_or(BAD)?;
        if let Some(e) = self.dates.get_mut(slot) {
            *e = (d, date);
        }
        Ok(Some(date))
    }
    fn some_date(&mut self) -> Read<NaiveDate> {
        self.date()?.ok_or(BAD)
    }
    fn of<T: Copy>(&mut self, all: &[T]) -> Read<T> {
        all.get(usize::from(self.u8()?)).copied().ok_or(BAD)
    }
    fn opt_of<T: Copy>(&mut self, all: &[T]) -> Read<Option<T>> {
        match self.u8()? {
            NONE8 => Ok(None),
            i => all.get(usize::from(i)).copied().map(Some).ok_or(BAD),
        }
    }
}

/// A chunk of the payload: its first byte, its end byte, its employees.
type Span = (usize, usize, usize);

/// A checked payload's parts: the texts, the chunks and the employees' bytes.
struct Layout<'a> {
    texts: Vec<Text>,
    spans: Vec<Span>,
    body: &'a [u8],
    rows: usize,
}

impl<'a> Layout<'a> {
    fn of(payload: &'a [u8], rows: u64) -> Read<Layout<'a>> {
        let mut r = Reader::new(payload);
        let n_texts = r.u32()? as usize;
        let mut texts: Vec<Text> = Vec::with_capacity(n_texts.min(payload.len() / 4));
        for _ in 0..n_texts {
            let len = r.u32()? as usize;
            texts.push(Text::new(r.str(len)?));
        }
        let n_chunks = r.u32()? as usize;
        let mut starts: Vec<usize> = Vec::with_capacity(n_chunks.min(payload.len() / 8));
        for _ in 0..n_chunks {
            starts.push(usize::try_from(r.u64()?).map_err(|_| BAD)?);
        }
        let body = &payload[r.pos..];
        let rows = usize::try_from(rows).map_err(|_| BAD)?;
        if n_chunks != rows.div_ceil(CHUNK) || starts.windows(2).any(|w| w[0] > w[1]) {
            return Err(BAD);
        }
        let spans: Vec<Span> = (0..n_chunks)
            .map(|k| {
                let end = starts.get(k + 1).copied().unwrap_or(body.len());
                let count = (rows - k * CHUNK).min(CHUNK);
                (starts[k], end, count)
            })
            .collect();
        if spans.iter().any(|&(a, b, _)| a > b || b > body.len()) {
            return Err(BAD);
        }
        Ok(Layout {
            texts,
            spans,
            body,
            rows,
        })
    }

    /// The chunks split into one run per decoding thread (as many as there
    /// are cores, up to four).
    fn parts(&self) -> Vec<&[Span]> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4)
            .min(self.spans.len().max(1));
        let per = self.spans.len().div_ceil(threads).max(1);
        self.spans.chunks(per).collect()
    }

    /// Decode the employees of `chunks` one by one, handing each to `each`.
    fn each(
        &self,
        chunks: &[Span],
        texts: &[Text],
        need: super::load::Need,
        mut each: impl FnMut(Candidate) -> Read<()>,
    ) -> Read<()> {
        // A day number no date has (out of chrono's range) marks an empty slot.
        let mut dates = vec![(i32::MAX, NaiveDate::MIN); DATE_SLOTS];
        for &(a, b, count) in chunks {
            let mut r = Reader::new(&self.body[a..b]);
            r.dates = std::mem::take(&mut dates);
            for _ in 0..count {
                each(decode_one(&mut r, texts, need)?)?;
            }
            if r.pos != b - a {
                return Err(BAD);
            }
            dates = std::mem::take(&mut r.dates);
        }
        Ok(())
    }
}

/// Run `job` over each part of `layout` on its own thread (the first on
/// the caller's), the results in order.
fn on_threads<'p, T: Send>(
    parts: Vec<(&'p [Span], T)>,
    job: &(dyn Fn(&'p [Span], T) -> Read<usize> + Sync),
) -> Vec<Read<usize>> {
    std::thread::scope(|scope| {
        let mut parts = parts.into_iter();
        let first = parts.next();
        let handles: Vec<_> = parts
            .map(|(part, t)| scope.spawn(move || job(part, t)))
            .collect();
        let mut all = Vec::new();
        if let Some((part, t)) = first {
            all.push(job(part, t));
        }
        for h in handles {
            all.push(h.join().unwrap_or(Err(Unusable::Damaged("decoder failed"))));
        }
        all
    })
}

fn count_all(
    layout: &Layout<'_>,
    need: super::load::Need,
    keep: &(dyn Fn(&mut Candidate) -> bool + Sync),
) -> Read<usize> {
    let parts: Vec<_> = layout.parts().into_iter().map(|p| (p, ())).collect();
    let counts = on_threads(parts, &|part, ()| {
        // Each thread its own copies of the texts: the employees it decodes
        // and drops share them without other threads' atomic counts (a
        // count keeps nothing).
        let texts: Vec<Text> = layout.texts.iter().map(|t| Text::new(&t.text)).collect();
        let mut n = 0usize;
        layout.each(part, &texts, need, |mut c| {
            n += usize::from(keep(&mut c));
            Ok(())
        })?;
        Ok(n)
    });
    counts.into_iter().sum()
}

fn decode_all(layout: &Layout<'_>, need: super::load::Need) -> Read<Vec<Candidate>> {
    let rows = layout.rows;
    // Each thread decodes whole chunks straight into its part of one vector.
    let mut out: Vec<Candidate> = Vec::with_capacity(rows);
    advise_huge_pages(&mut out);
    let results = {
        let mut slots = &mut out.spare_capacity_mut()[..rows];
        let mut jobs = Vec::new();
        for part in layout.parts() {
            let n: usize = part.iter().map(|c| c.2).sum();
            let (mine, rest) = slots.split_at_mut(n);
            slots = rest;
            jobs.push((part, mine));
        }
        on_threads(jobs, &|part, mine| fill(layout, part, mine, need))
    };
    if results.iter().all(|r| r.is_ok()) {
        // SAFETY: every part succeeded, so `fill` initialised each of the
        // first `rows` slots (the parts cover them exactly).
        unsafe { out.set_len(rows) };
        return Ok(out);
    }
    // `fill` dropped what it had written of a failed part; the successful
    // parts' employees are leaked with the vector's length left at 0 (a
    // damaged file, rebuilt at once; rare and bounded by the file).
    results
        .into_iter()
        .find_map(|r| r.err())
        .map_or(Ok(Vec::new()), Err)
}

/// Ask the kernel for huge pages under a large vector about to be filled: a
/// million employees are 200 MB, which in 4 KiB pages is fifty thousand page
/// faults, a fifth of a load from the snapshot (Linux; a hint only).
fn advise_huge_pages<T>(v: &mut Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let bytes = v.capacity() * std::mem::size_of::<T>();
        if bytes < 2 * HUGE {
            return;
        }
        let start = v.as_mut_ptr() as usize;
        let from = start.next_multiple_of(HUGE);
        let to = (start + bytes) / HUGE * HUGE;
        if to > from {
            // SAFETY: the range lies inside the vector's own allocation;
            // MADV_HUGEPAGE changes how its pages are backed, not what they hold.
            unsafe { libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// Decode the employees of `chunks` into `slots` (exactly as many); how
/// many were written.
fn fill(
    layout: &Layout<'_>,
    chunks: &[Span],
    slots: &mut [std::mem::MaybeUninit<Candidate>],
    need: super::load::Need,
) -> Read<usize> {
    let mut written = 0usize;
    let result = layout.each(chunks, &layout.texts, need, |c| {
        slots.get_mut(written).ok_or(BAD)?.write(c);
        written += 1;
        Ok(())
    });
    let complete = if written == slots.len() {
        Ok(written)
    } else {
        Err(BAD)
    };
    let result = result.and(complete);
    if result.is_err() {
        for slot in &mut slots[..written] {
            // SAFETY: the first `written` slots were initialised above and
            // are dropped once here; the caller does not take them.
            unsafe { slot.assume_init_drop() };
        }
    }
    result
}

fn decode_one(r: &mut Reader<'_>, texts: &[Text], need: super::load::Need) -> Read<Candidate> {
    let names = need == super::load::Need::All;
    let text = |i: u32| texts.get(i as usize).cloned().ok_or(BAD);
    let id = r.i64()?;
    let nip_len = usize::from(r.u8()?);
    let nip = if names {
        r.str(nip_len)?
    } else {
        r.take(nip_len).map(|_| "")?
    };
    let nama_len = usize::from(r.u16()?);
    let nama = if names {
        r.str(nama_len)?
    } else {
        r.take(nama_len).map(|_| "")?
    };
    let flags = r.u8()?;
    let birth = r.some_date()?;
    let golongan = match r.array::<3>()? {
        [1, level @ 1..=4, ruang @ 0..=4] => Golongan::Pns { level, ruang },
        [2, g @ 1..=17, 0] => Golongan::Pppk(g),
        _ => return Err(BAD),
    };
    let jabatan = text(r.u32()?)?;
    let tingkat = r.of(&Tingkat::ALL)?;
    let unit = text(r.u32()?)?;
    let instansi = match r.u32()? {
        NONE => None,
        i => Some(text(i)?),
    };
    let pendidikan = r.of(&Pendidikan::ALL)?;
    let tmt_jabatan = r.date()?;
    let n = r.u16()?;
    let mut skp = SkpYears::new();
    for _ in 0..n {
        let y = r.u16()?;
        skp.push((y, Predikat::from_rank(r.u8()?).ok_or(BAD)?));
    }
    let competency: [u8; 9] = r.array()?;
    let p = r.u8()?;
    let potensi = match p & !SCORE {
        0 => None,
        i => Some(*Potensi::ALL.get(usize::from(i - 1)).ok_or(BAD)?),
    };
    let potensi_score = if p & SCORE != 0 {
        Some(f32::from_bits(r.u32()?))
    } else {
        None
    };
    let n = r.u16()?;
    let mut training = JpYears::new();
    for _ in 0..n {
        let y = r.u16()?;
        training.push((y, r.u32()?));
    }
    let mut starts = [0u16; STEPS];
    for s in &mut starts {
        *s = r.u16()?;
    }
    let inline = CareerInline {
        starts,
        levels: r.array()?,
        open_start: r.u16()?,
        open_tier: r.opt_of(&Tingkat::ALL)?,
        flags: r.u8()?,
    };
    let rare = match r.u8()? {
        0 => None,
        1 => Some(decode_rare(r)?),
        _ => return Err(BAD),
    };
    Ok(Candidate {
        id,
        nip: nip.into(),
        nama: Name::from(nama),
        sex: if flags & 1 != 0 { Sex::P } else { Sex::L },
        birth,
        status: if flags & 2 != 0 {
            Status::Pppk
        } else {
            Status::Pns
        },
        golongan,
        jabatan,
        tingkat,
        unit,
        instansi,
        pendidikan,
        tmt_jabatan,
        skp,
        competency,
        potensi,
        potensi_score,
        training,
        kotak: None,
        calibration: None,
        krs: false,
        career: Career::from_stored(inline, rare),
    })
}

fn decode_rare(r: &mut Reader<'_>) -> Read<OwnedRare> {
    let n = r.u32()? as usize;
    let mut history = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        history.push(PositionSpan {
            tingkat: r.of(&Tingkat::ALL)?,
            jenjang: r.opt_of(&JENJANG)?,
            start: r.some_date()?,
            end: r.date()?,
        });
    }
    let n = r.u32()? as usize;
    let mut penalties = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        penalties.push(Penalty {
            level: r.of(&PenaltyLevel::ALL)?,
            start: r.some_date()?,
            end: r.date()?,
        });
    }
    Ok((history.into(), penalties.into()))
}
