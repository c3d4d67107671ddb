//! The pool snapshot's columns (issue 18): after the employees, the values
//! the filter reads, one column each (`domain::filter::ColumnId`, its codes
//! there), so that `query F --count` reads a few bytes per employee of the
//! columns `F` names and builds no candidate.
//!
//! Section (8-byte aligned in the file): a directory, `n` u32 and 4 bytes
//! of padding, then `n` entries of 32 bytes: kind u16, arg u16 (a year, a
//! competency's index), CRC-32 u32 of the column's bytes, offset u64 (from
//! the section's start, 8-byte aligned) and length u64 of its bytes, extra
//! i64 (the birth column: first day's number * 65536 + highest code; the
//! texts: their count). The directory's own CRC-32 is in the file's header.
//! Each column is checked when first read, so a count reads and checks only
//! the columns its filter names. Little-endian; u16 and u32 codes are read
//! in place (aligned in the mapping).
//!
//! The columns hold each employee as loaded, before the committee's
//! records: the box in effect, the talent review and the KRS flag are made
//! at each count from the calibrations and KRS members in the database (as
//! the loader puts them on the pool).

use crate::domain::calibration::Calibration;
use crate::domain::filter::{code, Codes, ColumnId, Columns};
use crate::domain::{Candidate, Competency, Rules};
use std::cell::{Cell, OnceCell};
use std::collections::{BTreeSet, HashSet};

const DIR_ENTRY: usize = 32;

/// The kinds of column in the directory.
const IDS: u16 = 1;
const TEXTS: u16 = 2;
const JABATAN: u16 = 3;
const UNIT: u16 = 4;
const INSTANSI: u16 = 5;
const TINGKAT: u16 = 6;
const STATUS: u16 = 7;
const SEX: u16 = 8;
const GOLONGAN: u16 = 9;
const PENDIDIKAN: u16 = 10;
const BIRTH: u16 = 11;
const KP: u16 = 12;
const COMPETENCY: u16 = 13;
const YEAR: u16 = 14;

/// One column to write: kind, arg, bytes, extra.
struct Out {
    kind: u16,
    arg: u16,
    bytes: Vec<u8>,
    extra: i64,
}

/// The column section of `rows`; `ids[r]` are row `r`'s text ids (jabatan,
/// unit, instansi: `u32::MAX` none) into `lower`, the texts lower-cased.
pub(super) fn encode(rows: &[Candidate], ids: &[[u32; 3]], lower: &[&str]) -> Vec<u8> {
    let mut cols: Vec<Out> = Vec::new();
    let mut push = |kind: u16, arg: u16, bytes: Vec<u8>, extra: i64| {
        cols.push(Out {
            kind,
            arg,
            bytes,
            extra,
        })
    };
    push(
        IDS,
        0,
        rows.iter().flat_map(|c| c.id.to_le_bytes()).collect(),
        0,
    );
    let mut texts = Vec::new();
    for t in lower {
        texts.extend_from_slice(&(t.len() as u32).to_le_bytes());
        texts.extend_from_slice(t.as_bytes());
    }
    push(TEXTS, 0, texts, lower.len() as i64);
    for (k, kind) in [JABATAN, UNIT, INSTANSI].into_iter().enumerate() {
        let bytes = ids
            .iter()
            .flat_map(|i| i[k].wrapping_add(1).to_le_bytes())
            .collect();
        push(kind, 0, bytes, 0);
    }
    let byte_cols = [
        (TINGKAT, ColumnId::Tingkat),
        (STATUS, ColumnId::Status),
        (SEX, ColumnId::Sex),
        (GOLONGAN, ColumnId::Golongan),
        (PENDIDIKAN, ColumnId::Pendidikan),
        (KP, ColumnId::Kp),
    ];
    for (kind, id) in byte_cols {
        push(kind, 0, rows.iter().map(|c| code::of(id, c)).collect(), 0);
    }
    for k in Competency::ALL {
        let bytes = rows.iter().map(|c| c.competency[k.index()]).collect();
        push(COMPETENCY, k.index() as u16, bytes, 0);
    }
    let years: BTreeSet<u16> = rows
        .iter()
        .flat_map(|c| c.skp.iter().map(|(y, _)| *y))
        .collect();
    for y in years {
        let bytes = rows
            .iter()
            .map(|c| code::of(ColumnId::Year(y), c))
            .collect();
        push(YEAR, y, bytes, 0);
    }
    // Birth dates as days after the first, when 16 bits span them.
    if let Some((base, top, days)) = code::birth_days(rows) {
        let bytes = days.iter().flat_map(|d| d.to_le_bytes()).collect();
        push(BIRTH, 0, bytes, i64::from(base) * 65536 + i64::from(top));
    }
    // The directory, then each column at an 8-byte boundary.
    let dir_len = 8 + DIR_ENTRY * cols.len();
    let mut at = dir_len.next_multiple_of(8);
    let mut dir = Vec::with_capacity(dir_len);
    dir.extend_from_slice(&(cols.len() as u32).to_le_bytes());
    dir.extend_from_slice(&[0; 4]);
    for c in &cols {
        dir.extend_from_slice(&c.kind.to_le_bytes());
        dir.extend_from_slice(&c.arg.to_le_bytes());
        dir.extend_from_slice(&crc32fast::hash(&c.bytes).to_le_bytes());
        dir.extend_from_slice(&(at as u64).to_le_bytes());
        dir.extend_from_slice(&(c.bytes.len() as u64).to_le_bytes());
        dir.extend_from_slice(&c.extra.to_le_bytes());
        at = (at + c.bytes.len()).next_multiple_of(8);
    }
    let mut out = dir;
    out.resize(dir_len.next_multiple_of(8), 0);
    for c in cols {
        out.extend_from_slice(&c.bytes);
        out.resize(out.len().next_multiple_of(8), 0);
    }
    out
}

/// The directory's bytes of a section (for its CRC in the header).
pub(super) fn directory(section: &[u8]) -> Option<&[u8]> {
    let n = u32::from_le_bytes(section.get(..4)?.try_into().ok()?) as usize;
    section.get(..8usize.checked_add(n.checked_mul(DIR_ENTRY)?)?)
}

struct Entry {
    kind: u16,
    arg: u16,
    crc: u32,
    bytes: std::ops::Range<usize>,
    extra: i64,
    /// Whether its CRC was checked and held.
    sound: OnceCell<bool>,
}

/// A calibrated or KRS employee's row and its values after the committee's
/// records (box in effect, review, KRS flag).
struct Special {
    row: usize,
    kotak: u8,
    reviewed: u8,
    krs: u8,
}

/// The columns of a snapshot file, read in place.
pub(super) struct FileColumns<'a> {
    section: &'a [u8],
    rows: usize,
    entries: Vec<Entry>,
    texts: Vec<Box<str>>,
    birth: Option<(i32, u16)>,
    special: Vec<Special>,
    kotak: OnceCell<Option<Vec<u8>>>,
    reviewed: OnceCell<Vec<u8>>,
    krs: OnceCell<Vec<u8>>,
    rules: &'a Rules,
    /// A column's CRC failed: the file is damaged.
    pub damaged: Cell<bool>,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

impl<'a> FileColumns<'a> {
    /// The columns of `section` (its directory already checked against the
    /// header's CRC), with the committee's records put on: `calibrations`
    /// by employee id, `krs` the members' ids. `None`: damaged.
    pub(super) fn new(
        section: &'a [u8],
        rows: usize,
        rules: &'a Rules,
        calibrations: &std::collections::HashMap<i64, Calibration, impl std::hash::BuildHasher>,
        krs: &HashSet<i64>,
    ) -> Option<FileColumns<'a>> {
        let dir = directory(section)?;
        let mut entries = Vec::new();
        for e in dir[8..].chunks_exact(DIR_ENTRY) {
            let (at, len) = (u64_at(e, 8) as usize, u64_at(e, 16) as usize);
            let end = at.checked_add(len)?;
            if end > section.len() || at % 8 != 0 {
                return None;
            }
            entries.push(Entry {
                kind: u16_at(e, 0),
                arg: u16_at(e, 2),
                crc: u32_at(e, 4),
                bytes: at..end,
                extra: u64_at(e, 24) as i64,
                sound: OnceCell::new(),
            });
        }
        let mut cols = FileColumns {
            section,
            rows,
            entries,
            texts: Vec::new(),
            birth: None,
            special: Vec::new(),
            kotak: OnceCell::new(),
            reviewed: OnceCell::new(),
            krs: OnceCell::new(),
            rules,
            damaged: Cell::new(false),
        };
        // The number of employees the header gives is the ids column's (a
        // filter may read no other column: `krs=tidak`, the empty filter).
        if cols.column(IDS, 0)?.len() != rows.checked_mul(8)? {
            return None;
        }
        let texts = cols.column(TEXTS, 0)?;
        let mut at = 0;
        while at < texts.len() {
            let len = u32_at(texts.get(at..at + 4)?, 0) as usize;
            let s = std::str::from_utf8(texts.get(at + 4..at + 4 + len)?).ok()?;
            cols.texts.push(s.into());
            at += 4 + len;
        }
        if let Some(e) = cols.entries.iter().find(|e| e.kind == BIRTH) {
            let base = i32::try_from(e.extra.div_euclid(65536)).ok()?;
            cols.birth = Some((base, e.extra.rem_euclid(65536) as u16));
        }
        cols.special = cols.special_rows(calibrations, krs)?;
        Some(cols)
    }

    /// The bytes of a column, its CRC checked on first read; `None` when
    /// absent or damaged (then `damaged` is set).
    fn column(&self, kind: u16, arg: u16) -> Option<&'a [u8]> {
        let e = self
            .entries
            .iter()
            .find(|e| e.kind == kind && e.arg == arg)?;
        let bytes = &self.section[e.bytes.clone()];
        let sound = *e.sound.get_or_init(|| crc32fast::hash(bytes) == e.crc);
        if !sound {
            self.damaged.set(true);
            return None;
        }
        Some(bytes)
    }

    /// A column of `rows` codes of `T` (u8, u16, u32), read in place.
    fn typed<T: bytemuck::Pod>(&self, kind: u16, arg: u16) -> Option<&'a [T]> {
        if cfg!(target_endian = "big") {
            return None;
        }
        let bytes = self.column(kind, arg)?;
        let codes: &[T] = bytemuck::try_cast_slice(bytes).ok()?;
        if codes.len() != self.rows {
            self.damaged.set(true);
            return None;
        }
        Some(codes)
    }

    /// Each calibrated or KRS employee's row and values, as the loader
    /// makes them (`Candidate::compute_kotak` with the calibration on).
    fn special_rows(
        &self,
        calibrations: &std::collections::HashMap<i64, Calibration, impl std::hash::BuildHasher>,
        krs: &HashSet<i64>,
    ) -> Option<Vec<Special>> {
        if calibrations.is_empty() && krs.is_empty() {
            return Some(Vec::new());
        }
        let ids: &[i64] = self.typed(IDS, 0)?;
        let kp: &[u8] = self.typed(KP, 0)?;
        let mut out = Vec::new();
        let all: BTreeSet<i64> = calibrations.keys().chain(krs).copied().collect();
        for id in all {
            let Ok(row) = ids.binary_search(&id) else {
                continue;
            };
            let k = kp[row];
            let computed = self
                .rules
                .kotak(code::predikat_of(k & 15), code::potensi_of(k));
            let (kotak, reviewed) = match calibrations.get(&id) {
                Some(cal) => {
                    let mut cal = cal.clone();
                    cal.kotak_now = computed;
                    (cal.in_effect(), cal.status().rank() as u8)
                }
                None => (computed, 0),
            };
            out.push(Special {
                row,
                kotak: kotak.unwrap_or(0),
                reviewed,
                krs: u8::from(krs.contains(&id)),
            });
        }
        Some(out)
    }

    /// A column made here: `base` per row, then the special rows' values.
    fn made(&self, base: Vec<u8>, value: impl Fn(&Special) -> u8) -> Vec<u8> {
        let mut v = base;
        for s in &self.special {
            if let Some(slot) = v.get_mut(s.row) {
                *slot = value(s);
            }
        }
        v
    }
}

impl Columns for FileColumns<'_> {
    fn rows(&self) -> usize {
        self.rows
    }

    fn codes(&self, id: ColumnId) -> Option<Codes<'_>> {
        let byte = |kind: u16, arg: u16| self.typed::<u8>(kind, arg).map(Codes::U8);
        match id {
            ColumnId::Jabatan => self.typed(JABATAN, 0).map(Codes::U32),
            ColumnId::Unit => self.typed(UNIT, 0).map(Codes::U32),
            ColumnId::Instansi => self.typed(INSTANSI, 0).map(Codes::U32),
            ColumnId::Birth => self.typed(BIRTH, 0).map(Codes::U16),
            ColumnId::Tingkat => byte(TINGKAT, 0),
            ColumnId::Status => byte(STATUS, 0),
            ColumnId::Sex => byte(SEX, 0),
            ColumnId::Golongan => byte(GOLONGAN, 0),
            ColumnId::Pendidikan => byte(PENDIDIKAN, 0),
            ColumnId::Kp => byte(KP, 0),
            ColumnId::Competency(k) => byte(COMPETENCY, k.index() as u16),
            ColumnId::Year(y) => {
                let kept = self.entries.iter().any(|e| e.kind == YEAR && e.arg == y);
                if kept {
                    byte(YEAR, y)
                } else {
                    // A year no employee has a predikat for.
                    Some(Codes::Zero)
                }
            }
            ColumnId::Kotak => self
                .kotak
                .get_or_init(|| {
                    let kp: &[u8] = self.typed(KP, 0)?;
                    let table: Vec<u8> = (0..=255u8)
                        .map(|k| {
                            self.rules
                                .kotak(code::predikat_of(k & 15), code::potensi_of(k))
                                .unwrap_or(0)
                        })
                        .collect();
                    let base = kp.iter().map(|&k| table[usize::from(k)]).collect();
                    Some(self.made(base, |s| s.kotak))
                })
                .as_deref()
                .map(Codes::U8),
            ColumnId::Kalibrasi if self.special.is_empty() => Some(Codes::Zero),
            ColumnId::Krs if self.special.is_empty() => Some(Codes::Zero),
            ColumnId::Kalibrasi => {
                Some(Codes::U8(self.reviewed.get_or_init(|| {
                    self.made(vec![0; self.rows], |s| s.reviewed)
                })))
            }
            ColumnId::Krs => Some(Codes::U8(
                self.krs
                    .get_or_init(|| self.made(vec![0; self.rows], |s| s.krs)),
            )),
        }
    }

    fn texts(&self, id: ColumnId) -> Option<&[Box<str>]> {
        matches!(id, ColumnId::Jabatan | ColumnId::Unit | ColumnId::Instansi)
            .then_some(&self.texts[..])
    }

    fn birth(&self) -> Option<(i32, u16)> {
        self.birth
    }
}
