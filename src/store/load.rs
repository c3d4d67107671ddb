//! Loading the whole pool into memory for the filter evaluator, the table and
//! the 9-box.
//!
//! [`load_pool`] reads the denormalised `pool` table (schema V4, kept current
//! by every writer, see `store::pool`) joined to `employee`: one ordered scan,
//! with the units read once and repeated codes parsed once. [`load_one`] and
//! [`load_pool_from_records`] compute the same values from the record tables.

use super::Result;
use crate::domain::candidate::{JpYears, Name, SkpYears, Text};
use crate::domain::career::{Career, Penalty, PenaltyLevel, PositionSpan};
use crate::domain::eligibility::Jenjang;
use crate::domain::{
    dates, Candidate, Competency, Golongan, Pendidikan, Pool, Potensi, Predikat, Rules, Sex,
    Status, Tingkat,
};
use chrono::NaiveDate;
use foldhash::HashMap;
use rusqlite::Connection;

/// Shares one `Text` per distinct value (units, position titles, agencies).
#[derive(Default)]
struct Interner(HashMap<String, Text>);

impl Interner {
    fn get(&mut self, s: &str) -> Text {
        if let Some(t) = self.0.get(s) {
            return t.clone();
        }
        let t = Text::new(s);
        self.0.insert(s.to_string(), t.clone());
        t
    }
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| dates::parse(&s))
}

/// Load every employee with their latest values.
pub fn load_pool(conn: &Connection, as_of: NaiveDate, rules: &Rules) -> Result<Pool> {
    load_pool_for(conn, as_of, rules, Need::All)
}

/// What of each employee a caller needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    All,
    /// Everything but nama and NIP (left empty): enough to count the matches
    /// of a filter that reads neither (see `Filter::reads_names`).
    NoNames,
}

/// [`load_pool`] for a caller that needs only part of each employee.
///
/// Through the pool snapshot (`store::snapshot`) when the database is a file
/// and no transaction is open: a current snapshot is read instead of the
/// tables; a missing, stale or damaged one is rebuilt from the tables after
/// this load, unless a write came in meanwhile.
pub fn load_pool_for(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
    need: Need,
) -> Result<Pool> {
    let (pool, due) = load_pool_snapshot_later(conn, as_of, rules, need)?;
    if let Some(due) = due {
        due.write(&pool);
    }
    Ok(pool)
}

/// [`load_pool_for`] that leaves writing a new snapshot to the caller (the
/// screen shows the pool first, then writes it on its loader thread).
pub fn load_pool_snapshot_later(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
    need: Need,
) -> Result<(Pool, Option<SnapshotDue>)> {
    let loaded = match super::snapshot::path_of(conn) {
        Some(file) => rows_through_snapshot(conn, &file, rules, need)?,
        None => Loaded {
            rows: load_rows_in_parts(conn, rules, None, need)?,
            ..Loaded::default()
        },
    };
    let mut pool = match loaded.boxes {
        Some(boxes) => Pool::with_boxes(loaded.rows, as_of, rules.clone(), boxes),
        None => Pool::new(loaded.rows, as_of, rules.clone()),
    };
    pool.nip_order = loaded.nip_order.map(Into::into);
    let due = loaded.due;
    let pool = with_committee_records(conn, pool)?;
    Ok((pool, due))
}

/// How many employees `filter` matches, read from a current snapshot
/// without building the pool: each employee as [`load_pool_for`] gives it
/// (the 9-box computed with `rules`, the latest calibration, the KRS flag).
/// Decided over the snapshot's columns when the filter reads only what they
/// hold ([`count_over_columns`]), else each employee decoded in turn.
/// `None` when there is no current snapshot: the caller loads the pool
/// (which rebuilds it).
pub fn count_from_snapshot(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
    need: Need,
    filter: &crate::domain::filter::Filter,
) -> Result<Option<usize>> {
    let Some(c) = Committee::read(conn, as_of)? else {
        return Ok(None);
    };
    match c.over_columns(conn, rules, as_of, filter)? {
        Ok(Some(n)) => return Ok(Some(n)),
        Ok(None) => {}
        Err(super::snapshot::Unusable::Damaged(_)) => {
            // Not trusted: gone, so that the caller's load writes a new one.
            let _ = std::fs::remove_file(&c.file);
            return Ok(None);
        }
        Err(_) => return Ok(None),
    }
    let each = |cand: &mut Candidate| {
        // As `Pool::new` and `with_committee_records` do.
        cand.compute_kotak(rules);
        if let Some(cal) = c.calibrations.get(&cand.id) {
            super::calibration_overlay::put_on(cand, cal.clone(), rules);
        }
        cand.krs = c.krs.contains(&cand.id);
        filter.matches_with(cand, as_of, rules)
    };
    Ok(super::snapshot::count(conn, &c.file, rules, need, &each)?.ok())
}

/// [`count_from_snapshot`] over the snapshot's columns only: `None` when
/// there is no current snapshot or the filter reads a value no column holds.
pub fn count_over_columns(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
    filter: &crate::domain::filter::Filter,
) -> Result<Option<usize>> {
    let Some(c) = Committee::read(conn, as_of)? else {
        return Ok(None);
    };
    Ok(c.over_columns(conn, rules, as_of, filter)?.ok().flatten())
}

/// What a count from the snapshot puts on its employees: the latest
/// calibrations and the KRS members, read from the database.
struct Committee {
    file: std::path::PathBuf,
    calibrations: foldhash::HashMap<i64, crate::domain::calibration::Calibration>,
    krs: std::collections::HashSet<i64>,
}

impl Committee {
    /// `None`: the database can have no snapshot.
    fn read(conn: &Connection, as_of: NaiveDate) -> Result<Option<Committee>> {
        let Some(file) = super::snapshot::path_of(conn) else {
            return Ok(None);
        };
        Ok(Some(Committee {
            file,
            calibrations: super::calibration_overlay::latest_by_employee(conn)?,
            krs: super::krs::member_ids(conn, as_of)?,
        }))
    }

    fn over_columns(
        &self,
        conn: &Connection,
        rules: &Rules,
        as_of: NaiveDate,
        filter: &crate::domain::filter::Filter,
    ) -> Result<std::result::Result<Option<usize>, super::snapshot::Unusable>> {
        super::snapshot::count_columns(
            conn,
            &self.file,
            rules,
            as_of,
            filter,
            &self.calibrations,
            &self.krs,
        )
    }
}

/// A snapshot to write of a pool loaded from the tables: the database's
/// stamp was armed and unchanged over the load.
#[must_use]
pub struct SnapshotDue {
    db: std::path::PathBuf,
    stamp: super::snapshot::Stamp,
}

impl SnapshotDue {
    /// Write the snapshot of `pool` (the pool this was returned with). A
    /// snapshot that cannot be written (a full disk, a read-only folder) only
    /// means the next load reads the tables again.
    pub fn write(self, pool: &Pool) {
        let _ = super::snapshot::write(&self.db, &pool.rows, &self.stamp, &pool.rules);
    }
}

/// The employees, their NIP order when the snapshot kept it, their boxes
/// (computed with the rules, as a column) when read from the snapshot, and
/// the snapshot to write when they were read from the tables.
#[derive(Default)]
struct Loaded {
    rows: Vec<Candidate>,
    nip_order: Option<Vec<u32>>,
    boxes: Option<Vec<u8>>,
    due: Option<SnapshotDue>,
}

/// The employees from the snapshot `file` when it is current; else from the
/// tables, with the snapshot to write when the stamp stayed armed and
/// unchanged over the load (see `store::snapshot`).
fn rows_through_snapshot(
    conn: &Connection,
    file: &std::path::Path,
    rules: &Rules,
    need: Need,
) -> Result<Loaded> {
    use super::snapshot;
    if let Ok(s) = snapshot::read(conn, file, rules, need)? {
        return Ok(Loaded {
            rows: s.rows,
            nip_order: s.nip_order,
            boxes: Some(s.boxes),
            due: None,
        });
    }
    // A stamp already armed (another load is building, or its snapshot could
    // not be written) is built on as it is: arming again is a commit, which
    // every screen watching the database takes for a change and reloads on,
    // and two screens would then arm in turn for ever. Arming needs the write
    // lock for a moment: a database another process is writing (an import)
    // or a read-only one is loaded without a snapshot.
    if !snapshot::stamp(conn)?.is_some_and(|s| s.armed) {
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let armed = snapshot::arm(conn);
        conn.busy_timeout(super::busy_timeout())?;
        if armed.is_err() {
            return Ok(Loaded {
                rows: load_rows_in_parts(conn, rules, None, need)?,
                ..Loaded::default()
            });
        }
    }
    let before = snapshot::stamp(conn)?;
    let rows = load_rows_in_parts(conn, rules, None, Need::All)?;
    let after = snapshot::stamp(conn)?;
    let due = match (before, after, conn.path()) {
        (Some(b), Some(a), Some(db)) if a == b && b.armed => Some(SnapshotDue {
            db: std::path::PathBuf::from(db),
            stamp: b,
        }),
        _ => None,
    };
    Ok(Loaded {
        rows,
        due,
        ..Loaded::default()
    })
}

/// [`load_pool`] with the number of loader threads fixed (for tests and
/// benchmarks; `None` chooses by size and cores). Threads other than the
/// caller's read through their own connections, so only for a file database
/// outside a transaction; otherwise one thread.
#[doc(hidden)]
pub fn load_pool_in_parts(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
    parts: Option<usize>,
    need: Need,
) -> Result<Pool> {
    let rows = load_rows_in_parts(conn, rules, parts, need)?;
    with_committee_records(conn, Pool::new(rows, as_of, rules.clone()))
}

/// The employees of [`load_pool_in_parts`], before the committee records.
fn load_rows_in_parts(
    conn: &Connection,
    rules: &Rules,
    parts: Option<usize>,
    need: Need,
) -> Result<Vec<Candidate>> {
    let (lo, hi): (Option<i64>, Option<i64>) =
        conn.query_row("SELECT min(id), max(id) FROM employee", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return Ok(Vec::new());
    };
    let parts = match parts {
        Some(n) if can_share(conn) => n.clamp(1, 64).min((hi - lo + 1) as usize),
        Some(_) => 1,
        None => parallel_parts(conn, hi - lo + 1),
    };
    let rows = if parts <= 1 {
        load_rows_fast(conn, rules, lo, hi, need, hi - lo + 1)?
    } else {
        // Equal id ranges, one per thread; the first on the caller's connection,
        // the others on their own read-only ones (the file is in WAL mode).
        let path = conn.path().unwrap_or_default().to_string();
        let step = (hi - lo + parts as i64) / parts as i64;
        let ranges: Vec<(i64, i64)> = (0..parts as i64)
            .map(|k| (lo + k * step, (lo + (k + 1) * step - 1).min(hi)))
            .collect();
        let mut results = std::thread::scope(|scope| {
            let handles: Vec<_> = ranges[1..]
                .iter()
                .map(|&(a, b)| {
                    let path = &path;
                    scope.spawn(move || -> Result<Vec<Candidate>> {
                        let c = Connection::open_with_flags(
                            path,
                            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                        )?;
                        c.busy_timeout(std::time::Duration::from_secs(10))?;
                        load_rows_fast(&c, rules, a, b, need, b - a + 1)
                    })
                })
                .collect();
            // The first part is allocated for the whole pool, so that the
            // others are moved into it without growing it.
            let (a, b) = ranges[0];
            let first = load_rows_fast(conn, rules, a, b, need, hi - lo + 1);
            let mut all = vec![first];
            for h in handles {
                all.push(h.join().expect("pool loader thread"));
            }
            all
        })
        .into_iter();
        let mut rows = results.next().expect("first part")?;
        rows.reserve(
            usize::try_from(hi - lo + 1)
                .unwrap_or(0)
                .saturating_sub(rows.len()),
        );
        for part in results {
            rows.extend(part?);
        }
        rows
    };
    Ok(rows)
}

/// Whether other connections see what `conn` sees.
fn can_share(conn: &Connection) -> bool {
    conn.path().is_some_and(|p| !p.is_empty()) && conn.is_autocommit()
}

/// How many threads load a pool of `span` ids: one for small pools, for
/// in-memory databases and inside a transaction (other connections would not
/// see its writes), else one per core up to four.
fn parallel_parts(conn: &Connection, span: i64) -> usize {
    const MIN_PER_THREAD: i64 = 8_000;
    if !can_share(conn) || span < 2 * MIN_PER_THREAD {
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.clamp(1, 4).min((span / MIN_PER_THREAD) as usize)
}

/// [`load_pool`] computed from the record tables, not the `pool` table (slow:
/// several scans and a sort; for tests and checks).
pub fn load_pool_from_records(conn: &Connection, as_of: NaiveDate, rules: &Rules) -> Result<Pool> {
    let rows = load_rows(conn, None, rules)?;
    with_committee_records(conn, Pool::new(rows, as_of, rules.clone()))
}

/// Parses each distinct code once: the columns it serves hold a handful of
/// values. Codes of up to 15 bytes are compared as one integer.
struct Memo<T>(Vec<(u128, Box<str>, Option<T>)>);

/// The bytes and length of a short code packed into an integer (0 for longer
/// ones, which are then compared as text).
fn pack(s: &str) -> u128 {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return 0;
    }
    let mut k = [0u8; 16];
    k[..b.len()].copy_from_slice(b);
    k[15] = b.len() as u8;
    u128::from_le_bytes(k)
}

impl<T: Copy> Memo<T> {
    fn new() -> Memo<T> {
        Memo(Vec::new())
    }
    fn get(&mut self, s: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let key = pack(s);
        let hit = if key != 0 {
            self.0.iter().find(|(k, _, _)| *k == key)
        } else {
            self.0.iter().find(|(k, t, _)| *k == 0 && &**t == s)
        };
        if let Some((_, _, v)) = hit {
            return *v;
        }
        let v = parse(s);
        if self.0.len() < 64 {
            self.0.push((key, s.into(), v));
        }
        v
    }
}

/// `dates::parse` with a shortcut for the stored `YYYY-MM-DD` form.
fn fast_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[0] != b'0' {
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + (d - b'0') as u32)
            })
        };
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    dates::parse(s)
}

/// `tahun:VALUE` pairs, space-separated (the `pool` table's `skp` and `jp`).
fn pairs<'a>(s: &'a str) -> impl Iterator<Item = (u16, &'a str)> + 'a {
    s.split_ascii_whitespace().filter_map(|p| {
        let (y, v) = p.split_at_checked(p.bytes().position(|b| b == b':')?)?;
        Some((year(y)?, &v[1..]))
    })
}

/// A year of one to five digits.
fn year(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 5 {
        return None;
    }
    s.bytes().try_fold(0u16, |n, d| {
        d.is_ascii_digit()
            .then(|| n.checked_mul(10)?.checked_add(u16::from(d - b'0')))
            .flatten()
    })
}

fn text_ref<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
}

fn text_opt<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    Ok(r.get_ref(i)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)?)
}

/// The fast path behind [`load_pool`]: one scan of `employee` joined to `pool`.
fn load_rows_fast(
    conn: &Connection,
    rules: &Rules,
    lo: i64,
    hi: i64,
    need: Need,
    capacity: i64,
) -> Result<Vec<Candidate>> {
    let mut strings = Interner::default();
    let mut units: HashMap<i64, (Text, Option<Text>)> = HashMap::default();
    {
        let mut stmt = conn.prepare("SELECT id, nama, instansi FROM unit")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let unit = strings.get(text_ref(r, 1)?);
            let instansi = text_opt(r, 2)?.map(|s| strings.get(s));
            units.insert(r.get(0)?, (unit, instansi));
        }
    }
    let mut rows: Vec<Candidate> =
        Vec::with_capacity(usize::try_from(capacity).unwrap_or(0).min(1 << 24));
    let mut golongans = Memo::new();
    let mut tingkats = Memo::new();
    let mut pendidikans = Memo::new();
    let mut sexes = Memo::new();
    let mut statuses = Memo::new();
    let mut predikats = Memo::new();
    let mut potensis = Memo::new();
    // Employees without a pool row (not written by talenta) are computed from the records.
    let mut missing: Vec<(usize, i64)> = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT e.id, e.nip, e.nama, e.jenis_kelamin, e.tanggal_lahir, e.status, e.golongan,
                e.jabatan, e.tingkat_jabatan, e.unit_id, e.pendidikan, e.tmt_jabatan,
                p.kompetensi, p.potensi, p.skor, p.skp, p.jp
         FROM employee e LEFT JOIN pool p ON p.employee_id = e.id
         WHERE e.id BETWEEN ?1 AND ?2 ORDER BY e.id",
    )?;
    let mut q = stmt.query([lo, hi])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        let (Some(golongan), Some(tingkat), Some(pendidikan), Some(birth), Some(unit)) = (
            golongans.get(text_ref(r, 6)?, Golongan::parse),
            tingkats.get(text_ref(r, 8)?, Tingkat::parse),
            pendidikans.get(text_ref(r, 10)?, Pendidikan::parse),
            fast_date(text_ref(r, 4)?),
            units.get(&r.get::<_, i64>(9)?),
        ) else {
            continue; // Written by this program, so never reached; skipped rather than trusted.
        };
        let mut c = Candidate {
            id,
            nip: match need {
                Need::All => text_ref(r, 1)?.into(),
                Need::NoNames => "".into(),
            },
            nama: match need {
                Need::All => text_ref(r, 2)?.into(),
                Need::NoNames => Name::default(),
            },
            sex: sexes.get(text_ref(r, 3)?, Sex::parse).unwrap_or(Sex::L),
            birth,
            status: statuses
                .get(text_ref(r, 5)?, Status::parse)
                .unwrap_or(Status::Pns),
            golongan,
            jabatan: strings.get(text_ref(r, 7)?),
            tingkat,
            unit: unit.0.clone(),
            instansi: unit.1.clone(),
            pendidikan,
            tmt_jabatan: text_opt(r, 11)?.and_then(fast_date),
            skp: SkpYears::new(),
            competency: [0; 9],
            potensi: None,
            potensi_score: None,
            training: JpYears::new(),
            kotak: None,
            calibration: None,
            krs: false,
            career: Career::default(),
        };
        match text_opt(r, 12)? {
            None => missing.push((rows.len(), id)),
            Some(k) => {
                for (slot, d) in c.competency.iter_mut().zip(k.bytes()) {
                    *slot = d.wrapping_sub(b'0');
                }
                let skor: Option<f64> = r.get(14)?;
                c.potensi = text_opt(r, 13)?
                    .and_then(|s| potensis.get(s, Potensi::parse))
                    .or_else(|| skor.map(|s| rules.potensi_of_score(s)));
                c.potensi_score = skor.map(|s| s as f32);
                c.skp = pairs(text_ref(r, 15)?)
                    .filter_map(|(y, p)| Some((y, predikats.get(p, Predikat::parse)?)))
                    .collect();
                c.training = pairs(text_ref(r, 16)?)
                    .filter_map(|(y, jp)| Some((y, jp.parse().ok()?)))
                    .collect();
            }
        }
        rows.push(c);
    }
    for (i, id) in missing {
        if let Some(c) = load_rows(conn, Some(id), rules)?.pop() {
            rows[i] = c;
        }
    }
    load_careers(conn, &mut rows, lo, hi)?;
    Ok(rows)
}

/// Give the candidates `rows` (ascending by id, ids `lo..=hi`) their
/// position history, folded ([`Career::of_history`]: no allocation for
/// nearly everyone), and their penalties: one ordered scan of each table over
/// the range, walked beside `rows`. Whether the agency's penalties are known
/// (a disiplin file was imported) is one fact of the store, given to every
/// candidate as a flag.
fn load_careers(conn: &Connection, rows: &mut [Candidate], lo: i64, hi: i64) -> Result<()> {
    let has_tables: bool = conn.query_row(
        "SELECT count(*) = 3 FROM sqlite_master WHERE type = 'table'
           AND name IN ('position_history', 'penalty', 'import_meta')",
        [],
        |r| r.get(0),
    )?;
    if !has_tables {
        return Ok(());
    }
    let mut tingkats = Memo::new();
    let mut jenjangs: HashMap<String, Jenjang> = HashMap::default();
    let mut spans: Vec<PositionSpan> = Vec::new();
    let mut rows_at = RowCursor::default();
    let mut stmt = conn.prepare(
        "SELECT employee_id, tmt_mulai, jabatan, tingkat_jabatan, tmt_selesai
         FROM position_history WHERE employee_id BETWEEN ?1 AND ?2
         ORDER BY employee_id, tmt_mulai",
    )?;
    let mut q = stmt.query([lo, hi])?;
    let mut owner: Option<usize> = None;
    while let Some(r) = q.next()? {
        let at = rows_at.find(rows, r.get(0)?);
        if at != owner {
            if let Some(i) = owner {
                rows[i].career = Career::of_history(&mut spans);
            }
            spans.clear();
            owner = at;
        }
        let (Some(_), Some(start), Some(tingkat)) = (
            at,
            fast_date(text_ref(r, 1)?),
            tingkats.get(text_ref(r, 3)?, Tingkat::parse),
        ) else {
            continue;
        };
        let end = text_opt(r, 4)?.and_then(fast_date);
        // A functional post's jenjang is read from its title: once per
        // distinct title (a few hundred), not once per row (millions).
        let jenjang = if tingkat == Tingkat::Fungsional {
            let title = text_ref(r, 2)?;
            Some(match jenjangs.get(title) {
                Some(&j) => j,
                None => *jenjangs
                    .entry(title.to_string())
                    .or_insert_with(|| Jenjang::of_title(title)),
            })
        } else {
            None
        };
        spans.push(PositionSpan {
            tingkat,
            jenjang,
            start,
            end,
        });
    }
    if let Some(i) = owner {
        rows[i].career = Career::of_history(&mut spans);
    }
    let mut penalties: Vec<Penalty> = Vec::new();
    let mut rows_at = RowCursor::default();
    let mut owner: Option<usize> = None;
    let mut stmt = conn.prepare(
        "SELECT employee_id, tmt, tingkat, tmt_selesai
         FROM penalty WHERE employee_id BETWEEN ?1 AND ?2
         ORDER BY employee_id, tmt",
    )?;
    let mut q = stmt.query([lo, hi])?;
    while let Some(r) = q.next()? {
        let at = rows_at.find(rows, r.get(0)?);
        if at != owner {
            if let Some(i) = owner {
                rows[i].career.set_penalties(std::mem::take(&mut penalties));
            }
            penalties.clear();
            owner = at;
        }
        let (Some(_), Some(start), Some(level)) = (
            at,
            fast_date(text_ref(r, 1)?),
            PenaltyLevel::parse(text_ref(r, 2)?),
        ) else {
            continue;
        };
        let end = text_opt(r, 3)?.and_then(fast_date);
        penalties.push(Penalty { level, start, end });
    }
    if let Some(i) = owner {
        rows[i].career.set_penalties(penalties);
    }
    if super::records::penalties_known(conn)? {
        for c in rows.iter_mut() {
            c.career.set_penalties_known(true);
        }
    }
    Ok(())
}

/// Finds the rows of ascending employee ids, asked in ascending order, by
/// walking forward.
#[derive(Default)]
struct RowCursor(usize);

impl RowCursor {
    fn find(&mut self, rows: &[Candidate], id: i64) -> Option<usize> {
        while self.0 < rows.len() && rows[self.0].id < id {
            self.0 += 1;
        }
        (self.0 < rows.len() && rows[self.0].id == id).then_some(self.0)
    }
}

/// Load one employee by NIP, with the 9-box computed.
pub fn load_one(conn: &Connection, nip: &str, rules: &Rules) -> Result<Option<Candidate>> {
    use rusqlite::OptionalExtension;
    let id: Option<i64> = conn
        .query_row("SELECT id FROM employee WHERE nip = ?1", [nip], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(id) = id else { return Ok(None) };
    let mut rows = load_rows(conn, Some(id), rules)?;
    let mut c = rows.pop();
    if let Some(c) = c.as_mut() {
        c.compute_kotak(rules);
        super::calibration_overlay::apply(conn, std::slice::from_mut(c), rules)?;
    }
    Ok(c)
}

/// The pool with what the committee and the PPK recorded about it: the
/// talent reviews in effect (`calibration_overlay`) and the members of the
/// KRS established for the as-of year (`krs::mark_members`).
fn with_committee_records(conn: &Connection, mut pool: Pool) -> Result<Pool> {
    let touched = super::calibration_overlay::apply(conn, &mut pool.rows, &pool.rules)?;
    // Only the box column can be built by now (made at load); the KRS flag
    // below is read by no column built yet.
    pool.refresh(&touched);
    super::krs::mark_members(conn, &mut pool)?;
    Ok(pool)
}

/// The scans behind both loaders; `only` narrows every scan to one employee.
fn load_rows(conn: &Connection, only: Option<i64>, rules: &Rules) -> Result<Vec<Candidate>> {
    let (e_where, where_) = match only {
        Some(id) => (
            format!("WHERE e.id = {id}"),
            format!("WHERE employee_id = {id}"),
        ),
        None => (String::new(), String::new()),
    };
    let mut strings = Interner::default();
    let mut rows: Vec<Candidate> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::default();
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT e.id, e.nip, e.nama, e.jenis_kelamin, e.tanggal_lahir, e.status, e.golongan,
                    e.jabatan, e.tingkat_jabatan, u.nama, u.instansi, e.pendidikan, e.tmt_jabatan
             FROM employee e JOIN unit u ON u.id = e.unit_id {e_where} ORDER BY e.id"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            let golongan: String = r.get(6)?;
            let tingkat: String = r.get(8)?;
            let pendidikan: String = r.get(11)?;
            let birth: String = r.get(4)?;
            let sex: String = r.get(3)?;
            let status: String = r.get(5)?;
            let (Some(golongan), Some(tingkat), Some(pendidikan), Some(birth)) = (
                Golongan::parse(&golongan),
                Tingkat::parse(&tingkat),
                Pendidikan::parse(&pendidikan),
                dates::parse(&birth),
            ) else {
                continue; // Written by this program, so never reached; skipped rather than trusted.
            };
            let nama: String = r.get(2)?;
            let jabatan: String = r.get(7)?;
            let unit: String = r.get(9)?;
            let instansi: Option<String> = r.get(10)?;
            index.insert(id, rows.len());
            rows.push(Candidate {
                id,
                nip: r.get::<_, String>(1)?.into(),
                nama: nama.into(),
                sex: Sex::parse(&sex).unwrap_or(Sex::L),
                birth,
                status: Status::parse(&status).unwrap_or(Status::Pns),
                golongan,
                jabatan: strings.get(&jabatan),
                tingkat,
                unit: strings.get(&unit),
                instansi: instansi.as_deref().map(|s| strings.get(s)),
                pendidikan,
                tmt_jabatan: date(r.get(12)?),
                skp: SkpYears::new(),
                competency: [0; 9],
                potensi: None,
                potensi_score: None,
                training: JpYears::new(),
                kotak: None,
                calibration: None,
                krs: false,
                career: Career::default(),
            });
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, tahun, predikat FROM skp {where_} ORDER BY employee_id, tahun"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (Some(&i), Some(p)) = (
                index.get(&r.get(0)?),
                Predikat::parse(&r.get::<_, String>(2)?),
            ) else {
                continue;
            };
            rows[i].skp.push((r.get(1)?, p));
        }
    }
    {
        // Ordered by date so the latest assessment of each competency wins.
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, kompetensi, level FROM competency_assessment {where_} ORDER BY employee_id, tanggal"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (Some(&i), Some(c)) = (
                index.get(&r.get(0)?),
                Competency::parse(&r.get::<_, String>(1)?),
            ) else {
                continue;
            };
            rows[i].competency[c.index()] = r.get(2)?;
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, kategori, skor FROM potential_assessment {where_} ORDER BY employee_id, tanggal"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get(0)?) else {
                continue;
            };
            let kategori: Option<String> = r.get(1)?;
            let skor: Option<f64> = r.get(2)?;
            let potensi = kategori
                .as_deref()
                .and_then(Potensi::parse)
                .or_else(|| skor.map(|s| rules.potensi_of_score(s)));
            rows[i].potensi = potensi;
            rows[i].potensi_score = skor.map(|s| s as f32);
        }
    }
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT employee_id, tahun, sum(jp) FROM training {where_} GROUP BY employee_id, tahun ORDER BY employee_id, tahun"
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get(0)?) else {
                continue;
            };
            rows[i].training.push((r.get(1)?, r.get(2)?));
        }
    }
    let (lo, hi) = only.map_or((i64::MIN, i64::MAX), |id| (id, id));
    load_careers(conn, &mut rows, lo, hi)?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader's folded careers count, for every employee of a demo
    /// pool loaded in parts, what that employee's history rows count.
    #[test]
    fn folded_careers_agree_with_the_history_rows() {
        use crate::demo::{self, DemoSpec};
        use crate::store::{Actor, OpenMode, Store};
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        let actor = Actor {
            name: "t".into(),
            os_user: "t".into(),
            key: None,
        };
        demo::build(&mut s, &DemoSpec::new(2_000, 7, as_of), &actor, false).unwrap();
        assert_careers_agree(&s.conn, as_of);
    }

    /// The same on the database `TALENTA_CHECK_DB` (e.g. a pool of a million).
    #[test]
    #[ignore]
    fn folded_careers_agree_on_a_given_database() {
        let path = std::env::var("TALENTA_CHECK_DB").expect("TALENTA_CHECK_DB");
        let conn = Connection::open(path).unwrap();
        assert_careers_agree(&conn, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    }

    fn assert_careers_agree(conn: &Connection, as_of: NaiveDate) {
        use crate::domain::career::{days_on_rung, rung};
        let rules = Rules::default();
        let pool = load_pool_in_parts(conn, as_of, &rules, Some(3), Need::All).unwrap();
        let mut spans: HashMap<i64, Vec<PositionSpan>> = HashMap::default();
        let mut stmt = conn
            .prepare(
                "SELECT employee_id, tmt_mulai, jabatan, tingkat_jabatan, tmt_selesai
                 FROM position_history",
            )
            .unwrap();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let start = dates::parse(&r.get::<_, String>(1).unwrap()).unwrap();
            let tingkat = Tingkat::parse(&r.get::<_, String>(3).unwrap()).unwrap();
            let end = date(r.get(4).unwrap());
            let title: String = r.get(2).unwrap();
            spans
                .entry(r.get(0).unwrap())
                .or_default()
                .push(PositionSpan::new(tingkat, &title, start, end));
        }
        let penalties: HashMap<i64, i64> = conn
            .prepare("SELECT employee_id, count(*) FROM penalty GROUP BY employee_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(spans.len() > 1_000 && !penalties.is_empty());
        let dates = [as_of, NaiveDate::from_ymd_opt(2015, 3, 1).unwrap()];
        for c in &pool.rows {
            let h = spans.get(&c.id).map_or(&[][..], |v| v);
            assert_eq!(c.career.has_history(), !h.is_empty(), "{}", c.nip);
            let current = c.tmt_jabatan.map(|start| {
                let jenjang = (c.tingkat == Tingkat::Fungsional).then_some(c.jabatan.jenjang);
                (rung(c.tingkat, jenjang), start)
            });
            let extra = current
                .map(|(_, start)| PositionSpan::new(c.tingkat, &c.jabatan.text, start, None));
            for on in dates {
                for r in 1..=6 {
                    assert_eq!(
                        c.career.days_on(r, on),
                        days_on_rung(h, None, r, on),
                        "{}",
                        c.nip
                    );
                    assert_eq!(
                        c.career.days_with_current(r, current, on),
                        days_on_rung(h, extra, r, on),
                        "{}",
                        c.nip
                    );
                }
            }
            let open = h
                .iter()
                .filter(|s| s.end.is_none() && s.tingkat == c.tingkat)
                .map(|s| s.start)
                .max();
            assert_eq!(c.career.current_start(c.tingkat), open);
            assert_eq!(
                c.penalties().len() as i64,
                penalties.get(&c.id).copied().unwrap_or(0)
            );
            assert!(c.career.penalties_known());
        }
    }

    #[test]
    fn pairs_read_the_pool_tables_lists() {
        let v: Vec<_> = pairs("2023:B 2024:SB 2025:").collect();
        assert_eq!(v, [(2023, "B"), (2024, "SB"), (2025, "")]);
        let v: Vec<_> = pairs("2024:12  x:3 99999:1 2025 2026:40").collect();
        assert_eq!(v, [(2024, "12"), (2026, "40")], "bad years are skipped");
        assert_eq!(pairs("").count(), 0);
    }

    #[test]
    fn memo_tells_codes_apart_by_bytes_and_length() {
        let mut m = Memo::new();
        let parse = |s: &str| Golongan::parse(s);
        assert!(m.get("III/c", parse).is_some());
        assert_eq!(m.get("III/c\0", parse), None, "a NUL is not padding");
        assert_eq!(m.get("III/c", parse), Golongan::parse("III/c"));
        let long = "a code longer than fifteen bytes";
        let mut t = Memo::new();
        assert_eq!(t.get(long, |s| Some(s.len())), Some(long.len()));
        assert_eq!(t.get("x", |s| Some(s.len())), Some(1));
        assert_eq!(t.get(long, |_| None), Some(long.len()), "remembered");
        assert_eq!(t.get("", |_| Some(0)), Some(0));
    }
}
