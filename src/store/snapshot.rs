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
//! - A builder arms the stamp (new counter and token) unless it is armed
//!   already, reads the stamp, loads the pool, reads the stamp again; only when
//!   both readings are the same armed stamp (no write in between) is the
//!   snapshot written, carrying that stamp. Builders that find the stamp armed
//!   build on it without a commit of their own: a commit is a change to every
//!   screen that watches the database (`PRAGMA data_version`), which reloads,
//!   and screens arming in turn would reload each other for ever.
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
const FORMAT: u32 = 4;
/// Bytes before the payload.
const HEADER: usize = 88;
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

/// Why a snapshot file is not used (the loader rebuilds it whatever the
/// reason; the tests tell them apart).
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

/// The tables a bulk writer (the importer) writes row by row: their
/// `snapshot_stale_*` and `pool_stale_*` triggers fire once per row, and
/// make SQLite keep a statement journal for every multi-row INSERT.
const BULK_TABLES: [&str; 8] = [
    "employee",
    "skp",
    "competency_assessment",
    "potential_assessment",
    "training",
    "position_history",
    "penalty",
    "pool",
];

/// The stale triggers (schema V11) of [`BULK_TABLES`], dropped inside a
/// writer's transaction while it writes millions of rows, and created again,
/// with their SQL as stored, before it commits ([`StaleTriggersOff::restore`]);
/// a rollback brings them back by itself. The writer does their work once
/// instead of once per row: it moves the stamp when it changed anything, and
/// writes the `pool` rows of every employee whose records it wrote
/// (`store::pool::refresh`), which is what the pool triggers leave to it.
/// Other connections never see the triggers missing: the transaction holds
/// the write lock and they read the last committed schema.
pub struct StaleTriggersOff {
    /// `(name, sql)` of the triggers dropped.
    dropped: Vec<(String, String)>,
}

impl StaleTriggersOff {
    /// Drop the triggers; nothing when `tx` is not inside a transaction (the
    /// drop would be committed at once) or the schema has none.
    pub fn new(tx: &Connection) -> Result<StaleTriggersOff> {
        let mut dropped = Vec::new();
        if tx.is_autocommit() {
            return Ok(StaleTriggersOff { dropped });
        }
        let list = BULK_TABLES
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut st = tx.prepare(&format!(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({list})
               AND (name LIKE 'snapshot\\_stale\\_%' ESCAPE '\\' OR name LIKE 'pool\\_stale\\_%' ESCAPE '\\')
             ORDER BY rowid"
        ))?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            dropped.push((r.get(0)?, r.get(1)?));
        }
        drop(rows);
        for (name, _) in &dropped {
            tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
        }
        Ok(StaleTriggersOff { dropped })
    }

    /// Create the triggers again, as they were; `changed`: the writer
    /// wrote to one of the tables, so the stamp moves as the triggers would
    /// have moved it (a snapshot taken before is never used again).
    pub fn restore(self, tx: &Connection, changed: bool) -> Result<()> {
        if self.dropped.is_empty() {
            return Ok(());
        }
        if changed {
            tx.execute(
                "UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1 AND armed = 1",
                [],
            )?;
        }
        for (_, sql) in &self.dropped {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// The employees of a current snapshot of `conn`'s database (`need`: names
/// or not), or why there is none to use.
pub fn read(
    conn: &Connection,
    file: &Path,
    rules: &Rules,
    need: super::load::Need,
) -> Result<std::result::Result<Snapshot, Unusable>> {
    Ok(match open_current(conn, file)? {
        Ok(map) => checked(&map, rules).and_then(|(rows, payload)| {
            let layout = Layout::of(payload, rows)?;
            let (rows, boxes) = decode_all(&layout, need, rules)?;
            Ok(Snapshot {
                nip_order: nip_order(&layout)?,
                rows,
                boxes,
            })
        }),
        Err(why) => Err(why),
    })
}

/// What a snapshot holds: the employees, in id order, and their NIP order
/// (`domain::candidate::nip_order`) when every NIP has 18 digits.
pub struct Snapshot {
    /// Each with its 9-box computed with the rules read with.
    pub rows: Vec<Candidate>,
    pub nip_order: Option<Vec<u32>>,
    /// The boxes as a column (`domain::filter::code::of(ColumnId::Kotak, ..)`),
    /// made while decoding (the screens' box counts read it).
    pub boxes: Vec<u8>,
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
    Ok(match open_current(conn, file)? {
        Ok(map) => checked(&map, rules).and_then(|(rows, payload)| {
            let layout = Layout::of(payload, rows)?;
            count_all(&layout, need, keep)
        }),
        Err(why) => Err(why),
    })
}

/// How many employees `filter` matches in a current snapshot, decided over
/// its columns (`snapshot_columns`) without building one employee: the
/// columns hold each employee as loaded, and `calibrations` (by employee id)
/// and `krs` (the members' ids) put the committee's records on as the
/// loader does. `Ok(None)`: the filter reads a value no column holds (then
/// [`count`] decodes the employees).
pub fn count_columns(
    conn: &Connection,
    file: &Path,
    rules: &Rules,
    as_of: NaiveDate,
    filter: &crate::domain::filter::Filter,
    calibrations: &std::collections::HashMap<
        i64,
        crate::domain::calibration::Calibration,
        impl std::hash::BuildHasher,
    >,
    krs: &std::collections::HashSet<i64>,
) -> Result<std::result::Result<Option<usize>, Unusable>> {
    const DAMAGED: Unusable = Unusable::Damaged("columns");
    Ok(match open_current(conn, file)? {
        Ok(map) => parts(&map, rules).and_then(|p| {
            let rows = usize::try_from(p.rows).map_err(|_| BAD)?;
            let cols = super::snapshot_columns::FileColumns::new(
                p.columns,
                rows,
                rules,
                calibrations,
                krs,
            )
            .ok_or(DAMAGED)?;
            let bits = filter.eval_columns(&cols, as_of, rules);
            if cols.damaged.get() {
                return Err(DAMAGED);
            }
            Ok(bits.map(|b| b.count()))
        }),
        Err(why) => Err(why),
    })
}

/// The file mapped, when the database's stamp is armed (else stale).
fn open_current(conn: &Connection, file: &Path) -> Result<std::result::Result<Mapped, Unusable>> {
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
    let p = parts(file, rules)?;
    if crc32fast::hash(p.payload) != p.crc {
        return Err(Unusable::Damaged("checksum"));
    }
    Ok((p.rows, p.payload))
}

/// A file's parts after its header was checked against the current stamp
/// and rules (the payload's CRC not yet).
struct Parts<'a> {
    rows: u64,
    payload: &'a [u8],
    crc: u32,
    /// The column section (`snapshot_columns`), its directory checked.
    columns: &'a [u8],
}

fn parts<'a>(file: &'a Mapped, rules: &Rules) -> Read<Parts<'a>> {
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
    let directory_crc = h.u32()?;
    let columns_at = h.u64()?;
    let file_len = h.u64()?;
    let payload_end = (HEADER as u64).checked_add(payload_len);
    if bytes.len() as u64 != file_len
        || payload_end.is_none_or(|end| end > columns_at)
        || columns_at > file_len
    {
        return Err(Unusable::Damaged("cut short or extended"));
    }
    let payload = &bytes[HEADER..HEADER + payload_len as usize];
    if header.schema != schema_version()
        || header.stamp != file.now
        || header.thresholds != thresholds(rules)
    {
        return Err(Unusable::Stale);
    }
    let columns = &bytes[columns_at as usize..];
    let sound = super::snapshot_columns::directory(columns)
        .is_some_and(|d| crc32fast::hash(d) == directory_crc);
    if !sound {
        return Err(Unusable::Damaged("checksum"));
    }
    Ok(Parts {
        rows: header.rows,
        payload,
        crc,
        columns,
    })
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
    let Some((payload, ids, lower)) = encode_payload(rows) else {
        return Err(std::io::Error::other(
            "a value too long for the snapshot's layout",
        ));
    };
    let columns = super::snapshot_columns::encode(rows, &ids, &lower);
    let directory_crc = super::snapshot_columns::directory(&columns).map_or(0, crc32fast::hash);
    let columns_at = (HEADER + payload.len()).next_multiple_of(8);
    let file_len = columns_at + columns.len();
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
    header.u32(directory_crc);
    header.u64(columns_at as u64);
    header.u64(file_len as u64);
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
    tmp.write_all(&vec![0; columns_at - HEADER - payload.len()])?;
    tmp.write_all(&columns)?;
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
// start u64 (from the first employee's byte); 1 and the employees' indices in
// NIP order (u32 each), or 0 when a NIP is not 18 digits; then the employees,
// in the loader's order (by id). Each employee is a fixed part of FIXED bytes, read
// in one checked step, at these offsets:
//    0 id i64              8 flags (F_*)          9 golongan (kind, a, b)
//   12 tingkat            13 pendidikan          14 potensi (0 none, 1 + index)
//   15 career open tier (NONE8)                  16 birth i32 (days from CE)
//   20 tmt_jabatan i32 (NO_DATE)                 24 jabatan u32 (a text)
//   28 unit u32           32 instansi u32 (NONE)  36 potensi score f32 (F_SCORE)
//   40 competency [u8; 9] 49 career flags         50 career levels [u8; 4]
//   54 career starts [u16; 4]                    62 career open start u16
//   64 NIP length u16     66 nama length u16     68 SKP years u16
//   70 training years u16
// then the NIP and the nama (UTF-8), the SKP years (tahun u16, rank u8), the
// training years (tahun u16, jp u32), and with F_RARE the career's whole
// history (n u32, (tingkat u8, jenjang u8 (NONE8), start i32, end i32)...) and
// penalties (n u32, (level u8, start i32, end i32)...). Little-endian.

const NONE: u32 = u32::MAX;
const NONE8: u8 = u8::MAX;
const NO_DATE: i32 = i32::MIN;
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
        self.i32(day(d));
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
    /// Each of `order` lower-cased, as the filter compares it.
    lower: Vec<&'a str>,
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
                self.lower.push(&t.lower);
                self.by_value.insert(s, i);
                i
            }
        };
        self.by_copy.insert(t.shared_id(), i);
        i
    }
}

/// The payload, each row's text ids (jabatan, unit, instansi) and the texts
/// lower-cased (for the columns).
type Encoded<'a> = (Vec<u8>, Vec<[u32; 3]>, Vec<&'a str>);

fn encode_payload(rows: &[Candidate]) -> Option<Encoded<'_>> {
    let mut texts = Texts::default();
    let mut row_ids: Vec<[u32; 3]> = Vec::with_capacity(rows.len());
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
        if !encode_one(&mut body, c, ids) {
            return None;
        }
        row_ids.push([ids.0, ids.1, ids.2]);
    }
    let order = texts.order;
    let mut out = Writer(Vec::with_capacity(
        body.0.len() + 64 * order.len() + 8 * chunks.len() + 4 * rows.len() + 1,
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
    // The rows in NIP order (the screens' default order), when every NIP has
    // 18 digits.
    match crate::domain::candidate::nip_order(rows, false) {
        Some(order) => {
            out.u8(1);
            for i in order {
                out.u32(i);
            }
        }
        None => out.u8(0),
    }
    out.bytes(&body.0);
    Some((out.0, row_ids, texts.lower))
}

/// Bytes of an employee's fixed part (see the layout above).
const FIXED: usize = 72;
// The fixed part holds the four steps of a career's inline ladder.
const _: () = assert!(STEPS == 4);
const F_SEX_P: u8 = 1;
const F_PPPK: u8 = 2;
const F_SCORE: u8 = 4;
const F_RARE: u8 = 8;

/// Write one employee; false when a length does not fit its field (then
/// no snapshot is written: the pool is read from the tables).
fn encode_one(w: &mut Writer, c: &Candidate, (jabatan, unit, instansi): (u32, u32, u32)) -> bool {
    let (inline, rare) = c.career.stored();
    let len16 = |n: usize| u16::try_from(n).ok();
    let (Some(nip_len), Some(nama_len), Some(n_skp), Some(n_training)) = (
        len16(c.nip.len()),
        len16(c.nama.len()),
        len16(c.skp.len()),
        len16(c.training.len()),
    ) else {
        return false;
    };
    let mut f = [0u8; FIXED];
    let mut put = |at: usize, b: &[u8]| f[at..at + b.len()].copy_from_slice(b);
    put(0, &c.id.to_le_bytes());
    let flags = if c.sex == Sex::P { F_SEX_P } else { 0 }
        | if c.status == Status::Pppk { F_PPPK } else { 0 }
        | if c.potensi_score.is_some() {
            F_SCORE
        } else {
            0
        }
        | if rare.is_some() { F_RARE } else { 0 };
    put(8, &[flags]);
    put(
        9,
        &match c.golongan {
            Golongan::Pns { level, ruang } => [1, level, ruang],
            Golongan::Pppk(g) => [2, g, 0],
        },
    );
    put(12, &[index_of(&Tingkat::ALL, c.tingkat)]);
    put(13, &[index_of(&Pendidikan::ALL, c.pendidikan)]);
    put(
        14,
        &[c.potensi.map_or(0, |p| 1 + index_of(&Potensi::ALL, p))],
    );
    put(
        15,
        &[inline
            .open_tier
            .map_or(NONE8, |t| index_of(&Tingkat::ALL, t))],
    );
    put(16, &day(Some(c.birth)).to_le_bytes());
    put(20, &day(c.tmt_jabatan).to_le_bytes());
    put(24, &jabatan.to_le_bytes());
    put(28, &unit.to_le_bytes());
    put(32, &instansi.to_le_bytes());
    put(36, &c.potensi_score.map_or(0, f32::to_bits).to_le_bytes());
    put(40, &c.competency);
    put(49, &[inline.flags]);
    put(50, &inline.levels);
    for (i, s) in inline.starts.iter().enumerate() {
        put(54 + 2 * i, &s.to_le_bytes());
    }
    put(62, &inline.open_start.to_le_bytes());
    put(64, &nip_len.to_le_bytes());
    put(66, &nama_len.to_le_bytes());
    put(68, &n_skp.to_le_bytes());
    put(70, &n_training.to_le_bytes());
    w.bytes(&f);
    w.bytes(c.nip.as_bytes());
    w.bytes(c.nama.as_bytes());
    for (y, p) in &c.skp {
        w.u16(*y);
        w.u8(p.rank());
    }
    for (y, jp) in &c.training {
        w.u16(*y);
        w.u32(*jp);
    }
    if let Some((history, penalties)) = rare {
        let (Ok(nh), Ok(np)) = (u32::try_from(history.len()), u32::try_from(penalties.len()))
        else {
            return false;
        };
        w.u32(nh);
        for s in history {
            w.u8(index_of(&Tingkat::ALL, s.tingkat));
            w.u8(s.jenjang.map_or(NONE8, |j| index_of(&JENJANG, j)));
            w.date(Some(s.start));
            w.date(s.end);
        }
        w.u32(np);
        for p in penalties {
            w.u8(index_of(&PenaltyLevel::ALL, p.level));
            w.date(Some(p.start));
            w.date(p.end);
        }
    }
    true
}

/// The day number of a date (days from the first of January of year 1),
/// [`NO_DATE`] for none.
fn day(d: Option<NaiveDate>) -> i32 {
    use chrono::Datelike;
    d.map_or(NO_DATE, |d| d.num_days_from_ce())
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
        self.date_of(d)
    }
    /// The date of day number `d` ([`NO_DATE`]: none), through the cache.
    fn date_of(&mut self, d: i32) -> Read<Option<NaiveDate>> {
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
    /// The rows' indices in NIP order, 4 bytes each, when kept.
    by_nip: Option<&'a [u8]>,
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
        let rows = usize::try_from(rows).map_err(|_| BAD)?;
        let by_nip = match r.u8()? {
            0 => None,
            1 => Some(r.take(rows.checked_mul(4).ok_or(BAD)?)?),
            _ => return Err(BAD),
        };
        let body = &payload[r.pos..];
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
            by_nip,
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

/// The rows' indices in NIP order, when kept, checked to name each row once.
fn nip_order(layout: &Layout<'_>) -> Read<Option<Vec<u32>>> {
    let Some(bytes) = layout.by_nip else {
        return Ok(None);
    };
    let mut seen = vec![false; layout.rows];
    let mut order = Vec::with_capacity(layout.rows);
    for b in bytes.chunks_exact(4) {
        let i = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let slot = seen.get_mut(i as usize).ok_or(BAD)?;
        if std::mem::replace(slot, true) {
            return Err(BAD);
        }
        order.push(i);
    }
    Ok(Some(order))
}

/// The employees, their boxes computed with `rules` (while each is fresh in
/// the cache, on the decoding threads), and the boxes as a column.
fn decode_all(
    layout: &Layout<'_>,
    need: super::load::Need,
    rules: &Rules,
) -> Read<(Vec<Candidate>, Vec<u8>)> {
    let rows = layout.rows;
    // Each thread decodes whole chunks straight into its part of one vector.
    let mut out: Vec<Candidate> = Vec::with_capacity(rows);
    let mut boxes = vec![0u8; rows];
    advise_huge_pages(&mut out);
    let results = {
        let mut slots = &mut out.spare_capacity_mut()[..rows];
        let mut codes = &mut boxes[..];
        let mut jobs = Vec::new();
        for part in layout.parts() {
            let n: usize = part.iter().map(|c| c.2).sum();
            let (mine, rest) = slots.split_at_mut(n);
            slots = rest;
            let (my_codes, rest) = codes.split_at_mut(n);
            codes = rest;
            jobs.push((part, (mine, my_codes)));
        }
        on_threads(jobs, &|part, (mine, codes)| {
            fill(layout, part, mine, need, &mut |i, c: &mut Candidate| {
                c.compute_kotak(rules);
                if let Some(code) = codes.get_mut(i) {
                    *code = c.kotak.unwrap_or(0);
                }
            })
        })
    };
    if results.iter().all(|r| r.is_ok()) {
        // SAFETY: every part succeeded, so `fill` initialised each of the
        // first `rows` slots (the parts cover them exactly).
        unsafe { out.set_len(rows) };
        return Ok((out, boxes));
    }
    // `fill` dropped what it had written of a failed part; the successful
    // parts' employees are leaked with the vector's length left at 0 (a
    // damaged file, rebuilt at once; rare and bounded by the file).
    results
        .into_iter()
        .find_map(|r| r.err())
        .map_or(Ok((Vec::new(), Vec::new())), Err)
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
    each: &mut dyn FnMut(usize, &mut Candidate),
) -> Read<usize> {
    let mut written = 0usize;
    let result = layout.each(chunks, &layout.texts, need, |mut c| {
        each(written, &mut c);
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
    let text = |i: u32| texts.get(i as usize).cloned().ok_or(BAD);
    // The fixed part in one checked read; its fields at constant offsets.
    let f: &[u8; FIXED] = r.take(FIXED)?.try_into().map_err(|_| CUT)?;
    let u16_at = |o: usize| u16::from_le_bytes([f[o], f[o + 1]]);
    let u32_at = |o: usize| u32::from_le_bytes([f[o], f[o + 1], f[o + 2], f[o + 3]]);
    let of = |all: &[Tingkat], i: u8| all.get(usize::from(i)).copied().ok_or(BAD);
    let flags = f[8];
    let golongan = match [f[9], f[10], f[11]] {
        [1, level @ 1..=4, ruang @ 0..=4] => Golongan::Pns { level, ruang },
        [2, g @ 1..=17, 0] => Golongan::Pppk(g),
        _ => return Err(BAD),
    };
    let tingkat = of(&Tingkat::ALL, f[12])?;
    let pendidikan = *Pendidikan::ALL.get(usize::from(f[13])).ok_or(BAD)?;
    let potensi = match f[14] {
        0 => None,
        i => Some(*Potensi::ALL.get(usize::from(i - 1)).ok_or(BAD)?),
    };
    let open_tier = match f[15] {
        NONE8 => None,
        i => Some(of(&Tingkat::ALL, i)?),
    };
    let birth = r.date_of(u32_at(16) as i32)?.ok_or(BAD)?;
    let tmt_jabatan = r.date_of(u32_at(20) as i32)?;
    let (jabatan, unit) = (text(u32_at(24))?, text(u32_at(28))?);
    let instansi = match u32_at(32) {
        NONE => None,
        i => Some(text(i)?),
    };
    let potensi_score = (flags & F_SCORE != 0).then(|| f32::from_bits(u32_at(36)));
    let mut competency = [0u8; 9];
    competency.copy_from_slice(&f[40..49]);
    let inline = CareerInline {
        starts: [u16_at(54), u16_at(56), u16_at(58), u16_at(60)],
        levels: [f[50], f[51], f[52], f[53]],
        open_start: u16_at(62),
        open_tier,
        flags: f[49],
    };
    let (nip_len, nama_len) = (usize::from(u16_at(64)), usize::from(u16_at(66)));
    let (n_skp, n_training) = (usize::from(u16_at(68)), usize::from(u16_at(70)));
    // The variable part, also in one checked read.
    let var = r.take(nip_len + nama_len + 3 * n_skp + 6 * n_training)?;
    let (nip, var) = var.split_at_checked(nip_len).ok_or(CUT)?;
    let (nama, var) = var.split_at_checked(nama_len).ok_or(CUT)?;
    let (skp_bytes, training_bytes) = var.split_at_checked(3 * n_skp).ok_or(CUT)?;
    let (nip, nama) = match need {
        super::load::Need::All => (utf8(nip)?, utf8(nama)?),
        super::load::Need::NoNames => ("", ""),
    };
    let mut skp = SkpYears::with_capacity(n_skp);
    for y in skp_bytes.chunks_exact(3) {
        let p = Predikat::from_rank(y[2]).ok_or(BAD)?;
        skp.push((u16::from_le_bytes([y[0], y[1]]), p));
    }
    let mut training = JpYears::with_capacity(n_training);
    for t in training_bytes.chunks_exact(6) {
        training.push((
            u16::from_le_bytes([t[0], t[1]]),
            u32::from_le_bytes([t[2], t[3], t[4], t[5]]),
        ));
    }
    let rare = if flags & F_RARE != 0 {
        Some(decode_rare(r)?)
    } else {
        None
    };
    Ok(Candidate {
        id: i64::from_le_bytes([f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]]),
        nip: nip.into(),
        nama: Name::from(nama),
        sex: if flags & F_SEX_P != 0 { Sex::P } else { Sex::L },
        birth,
        status: if flags & F_PPPK != 0 {
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

fn utf8(b: &[u8]) -> Read<&str> {
    std::str::from_utf8(b).map_err(|_| Unusable::Damaged("text"))
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
