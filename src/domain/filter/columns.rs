//! The filter decided over columns (issue 18): a condition is decided once
//! per distinct value of a column (a few hundred boxes, levels, texts or
//! birth dates), then the column's codes are read front to back into a
//! [`Bitset`], 64 rows to a word; `and`, `or` and `not` are word operations.
//! No candidate is built or read: the pool snapshot's count
//! (`store::snapshot`) and the screen's filter (`Prepared`, over the columns
//! the pool builds on first use) both read the same few bytes per row.
//!
//! Each row's bit is the same as [`Node::eval`] gives for a candidate with
//! that row's values (a property test holds it so): every condition is still
//! decided by [`Cond::holds`], on the value a code stands for.

use super::eval::{Cond, Node};
use super::field::{text, Field, Val};
use crate::domain::dates::whole_years;
use crate::domain::search::{fill_words, threads_for, Bitset};
use crate::domain::{
    Candidate, Competency, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Status, Tingkat,
};
use chrono::{Datelike, NaiveDate};

/// A column of the pool's values, one code per row (the codes below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnId {
    /// Text columns: 0 no value, `k >= 1` the column's `k`-th text ([`Columns::texts`]).
    Jabatan,
    Unit,
    Instansi,
    /// [`code::tingkat`].
    Tingkat,
    /// 0 PNS, 1 PPPK.
    Status,
    /// 0 L, 1 P.
    Sex,
    /// [`code::golongan`].
    Golongan,
    /// [`code::pendidikan`].
    Pendidikan,
    /// Days after [`Columns::birth`]'s first day (16 bits).
    Birth,
    /// The potential and the latest predikat together: [`code::kp`].
    Kp,
    /// The latest assessed level, 0 never assessed.
    Competency(Competency),
    /// The predikat of one year: 0 none, 1 + [`Predikat::rank`].
    Year(u16),
    /// The box in effect (after a talent review), 0 none.
    Kotak,
    /// [`crate::domain::calibration::CalibrationStatus::rank`].
    Kalibrasi,
    /// 1: a member of the KRS established for the as-of year.
    Krs,
}

/// A column's codes.
#[derive(Debug, Clone, Copy)]
pub enum Codes<'a> {
    /// Every row's code is 0.
    Zero,
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

/// Where columns come from: the snapshot file or the loaded pool.
pub trait Columns {
    fn rows(&self) -> usize;
    /// A column's codes; `None` when not kept (the filter is then decided
    /// row by row).
    fn codes(&self, id: ColumnId) -> Option<Codes<'_>>;
    /// The lower-cased texts of a text column (code `k` is `texts[k - 1]`).
    fn texts(&self, id: ColumnId) -> Option<&[Box<str>]>;
    /// The day number (from CE) of [`ColumnId::Birth`]'s code 0 and the
    /// highest code used.
    fn birth(&self) -> Option<(i32, u16)>;
}

/// The codes of the columns, shared by whoever writes a column and the
/// evaluation that reads it.
pub mod code {
    use super::*;

    pub fn tingkat(t: Tingkat) -> u8 {
        Tingkat::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
    }
    pub fn status(s: Status) -> u8 {
        u8::from(s == Status::Pppk)
    }
    pub fn sex(s: Sex) -> u8 {
        u8::from(s == Sex::P)
    }
    pub fn pendidikan(p: Pendidikan) -> u8 {
        Pendidikan::ALL.iter().position(|x| *x == p).unwrap_or(0) as u8
    }
    /// PNS: `level * 8 + ruang` (8 ..= 36); PPPK: `64 + golongan` (65 ..= 81).
    pub fn golongan(g: Golongan) -> u8 {
        match g {
            Golongan::Pns { level, ruang } => (level.min(7) << 3) | ruang.min(7),
            Golongan::Pppk(n) => 64 | n.min(63),
        }
    }
    pub fn golongan_of(k: u8) -> Option<Golongan> {
        let (level, ruang) = (k >> 3, k & 7);
        match k {
            0..=63 if (1..=4).contains(&level) && ruang <= 4 => {
                Some(Golongan::Pns { level, ruang })
            }
            64..=127 => Some(Golongan::Pppk(k & 63)),
            _ => None,
        }
    }
    /// 0 none, 1 + rank.
    pub fn predikat(p: Option<Predikat>) -> u8 {
        p.map_or(0, |p| 1 + p.rank())
    }
    pub fn predikat_of(k: u8) -> Option<Predikat> {
        k.checked_sub(1).and_then(Predikat::from_rank)
    }
    /// The potential (0 none, 1 + its index) times 16 plus the latest predikat
    /// ([`predikat`]).
    pub fn kp(potensi: Option<Potensi>, latest: Option<Predikat>) -> u8 {
        let p = potensi.map_or(0, |p| {
            1 + Potensi::ALL.iter().position(|x| *x == p).unwrap_or(0)
        });
        ((p as u8) << 4) | predikat(latest)
    }
    pub fn potensi_of(kp: u8) -> Option<Potensi> {
        (usize::from(kp >> 4))
            .checked_sub(1)
            .and_then(|i| Potensi::ALL.get(i).copied())
    }
    /// The birth dates as [`ColumnId::Birth`]: the first day's number (from
    /// CE), the highest code and each row's days after the first; `None`
    /// when more than 16 bits span them.
    pub fn birth_days(rows: &[Candidate]) -> Option<(i32, u16, Vec<u16>)> {
        let day = |c: &Candidate| c.birth.num_days_from_ce();
        let base = rows.iter().map(day).min().unwrap_or(0);
        let top = u16::try_from(rows.iter().map(day).max().unwrap_or(0) - base).ok()?;
        let days = rows.iter().map(|c| (day(c) - base) as u16).collect();
        Some((base, top, days))
    }

    /// A candidate's code in a one-byte column.
    pub fn of(id: ColumnId, c: &Candidate) -> u8 {
        match id {
            ColumnId::Tingkat => tingkat(c.tingkat),
            ColumnId::Status => status(c.status),
            ColumnId::Sex => sex(c.sex),
            ColumnId::Golongan => golongan(c.golongan),
            ColumnId::Pendidikan => pendidikan(c.pendidikan),
            ColumnId::Kp => kp(c.potensi, c.latest_predikat()),
            ColumnId::Competency(k) => c.competency[k.index()],
            ColumnId::Year(y) => predikat(c.predikat_in(y)),
            ColumnId::Kotak => c.kotak.unwrap_or(0),
            ColumnId::Kalibrasi => c.calibration_status().rank() as u8,
            ColumnId::Krs => u8::from(c.krs),
            ColumnId::Jabatan | ColumnId::Unit | ColumnId::Instansi | ColumnId::Birth => 0,
        }
    }
}

/// Whether every condition of `node` reads a value a column holds (bare
/// terms, names, NIPs, careers and training hours are read row by row).
pub(super) fn columnar(node: &Node) -> bool {
    match node {
        Node::Term(_) => false,
        Node::Cond(c) => column_field(c.field),
        Node::Not(n) => columnar(n),
        Node::And(ns) | Node::Or(ns) => ns.iter().all(columnar),
    }
}

fn column_field(f: Field) -> bool {
    matches!(
        f,
        Field::Jabatan
            | Field::Unit
            | Field::Instansi
            | Field::Tingkat
            | Field::Status
            | Field::Jk
            | Field::Golongan
            | Field::Pendidikan
            | Field::Usia
            | Field::TanggalLahir
            | Field::Kinerja
            | Field::Potensi
            | Field::KotakHitung
            | Field::Kotak
            | Field::Kompetensi(_)
            | Field::Kalibrasi
            | Field::Krs
            | Field::KinerjaTahun(_)
            | Field::KinerjaTerakhir(_)
    )
}

/// The rows `node` matches; `None` when a column it reads is not kept.
pub(super) fn bits(
    node: &Node,
    cols: &dyn Columns,
    as_of: NaiveDate,
    rules: &Rules,
) -> Option<Bitset> {
    let n = cols.rows();
    match node {
        Node::Term(_) => None,
        Node::Cond(c) => cond_bits(c, cols, as_of, rules),
        Node::Not(x) => {
            let mut b = bits(x, cols, as_of, rules)?;
            b.invert(n);
            Some(b)
        }
        Node::And(ns) => {
            let mut acc = Bitset::full(n);
            for x in ns {
                acc.and(&bits(x, cols, as_of, rules)?);
            }
            Some(acc)
        }
        Node::Or(ns) => {
            let mut acc = Bitset::new(n);
            for x in ns {
                acc.or(&bits(x, cols, as_of, rules)?);
            }
            Some(acc)
        }
    }
}

fn cond_bits(c: &Cond, cols: &dyn Columns, as_of: NaiveDate, rules: &Rules) -> Option<Bitset> {
    let n = cols.rows();
    let small = |id: ColumnId, value: &dyn Fn(u8) -> Option<Val<'static>>| {
        let codes = cols.codes(id)?;
        let hits: Vec<bool> = (0..=255u8).map(|k| c.holds(value(k), as_of)).collect();
        Some(scan(codes, &hits, n))
    };
    let num = |k: u8| (k > 0).then_some(Val::Num(k.into()));
    match c.field {
        Field::Jabatan | Field::Unit | Field::Instansi => {
            let id = match c.field {
                Field::Jabatan => ColumnId::Jabatan,
                Field::Unit => ColumnId::Unit,
                _ => ColumnId::Instansi,
            };
            let codes = cols.codes(id)?;
            let hits: Vec<bool> = std::iter::once(c.holds(None, as_of))
                .chain(cols.texts(id)?.iter().map(|t| c.holds(text(t), as_of)))
                .collect();
            Some(scan(codes, &hits, n))
        }
        Field::Tingkat => small(ColumnId::Tingkat, &|k| {
            Tingkat::ALL.get(usize::from(k)).map(|t| Val::Tingkat(*t))
        }),
        Field::Status => small(ColumnId::Status, &|k| match k {
            0 => Some(Val::Status(Status::Pns)),
            1 => Some(Val::Status(Status::Pppk)),
            _ => None,
        }),
        Field::Jk => small(ColumnId::Sex, &|k| match k {
            0 => Some(Val::Sex(Sex::L)),
            1 => Some(Val::Sex(Sex::P)),
            _ => None,
        }),
        Field::Golongan => small(ColumnId::Golongan, &|k| {
            code::golongan_of(k).map(Val::Golongan)
        }),
        Field::Pendidikan => small(ColumnId::Pendidikan, &|k| {
            Pendidikan::ALL
                .get(usize::from(k))
                .map(|p| Val::Pendidikan(*p))
        }),
        Field::Usia | Field::TanggalLahir => {
            let codes = cols.codes(ColumnId::Birth)?;
            let (base, top) = cols.birth()?;
            let hits: Vec<bool> = (0..=top)
                .map(|k| {
                    let d = base
                        .checked_add(i32::from(k))
                        .and_then(NaiveDate::from_num_days_from_ce_opt);
                    let v = d.map(|d| match c.field {
                        Field::Usia => Val::Num(whole_years(d, as_of)),
                        _ => Val::Date(d),
                    });
                    c.holds(v, as_of)
                })
                .collect();
            Some(scan(codes, &hits, n))
        }
        Field::Kinerja => small(ColumnId::Kp, &|k| {
            code::predikat_of(k & 15).map(Val::Predikat)
        }),
        Field::Potensi => small(ColumnId::Kp, &|k| code::potensi_of(k).map(Val::Potensi)),
        Field::KotakHitung => small(ColumnId::Kp, &|k| {
            rules
                .kotak(code::predikat_of(k & 15), code::potensi_of(k))
                .and_then(num)
        }),
        Field::Kotak => small(ColumnId::Kotak, &num),
        Field::Kompetensi(k) => small(ColumnId::Competency(k), &num),
        Field::Kalibrasi => small(ColumnId::Kalibrasi, &|k| Some(Val::Num(k.into()))),
        Field::Krs => small(ColumnId::Krs, &|k| Some(Val::Flag(k == 1))),
        Field::KinerjaTahun(y) => small(ColumnId::Year(y), &|k| {
            code::predikat_of(k).map(Val::Predikat)
        }),
        Field::KinerjaTerakhir(years) => last_years_bits(c, years, cols, as_of),
        _ => None,
    }
}

/// `kinerja.Nth`: every one of the years holds; a year without a predikat
/// makes the value missing (as [`Cond`]'s evaluation reads it).
fn last_years_bits(c: &Cond, years: u8, cols: &dyn Columns, as_of: NaiveDate) -> Option<Bitset> {
    let n = cols.rows();
    let mut all = Bitset::full(n);
    let mut missing = Bitset::new(n);
    let gap: Vec<bool> = (0..=255u8).map(|k| k == 0).collect();
    // A missing year is neutral in `all`: `missing` decides those rows.
    let hold: Vec<bool> = (0..=255u8)
        .map(|k| k == 0 || c.holds(code::predikat_of(k).map(Val::Predikat), as_of))
        .collect();
    for back in 1..=i32::from(years) {
        let year = (as_of.year() - back).clamp(0, i32::from(u16::MAX)) as u16;
        let codes = cols.codes(ColumnId::Year(year))?;
        missing.or(&scan(codes, &gap, n));
        all.and(&scan(codes, &hold, n));
    }
    if c.holds(None, as_of) {
        all.or(&missing);
    } else {
        missing.invert(n);
        all.and(&missing);
    }
    Some(all)
}

/// The rows whose code is a hit (`hits[code]`; a code past the table is not).
pub(super) fn scan(codes: Codes<'_>, hits: &[bool], n: usize) -> Bitset {
    match codes {
        Codes::Zero => {
            if hits.first().copied().unwrap_or(false) {
                Bitset::full(n)
            } else {
                Bitset::new(n)
            }
        }
        Codes::U8(c) => {
            let mut table = [false; 256];
            for (t, h) in table.iter_mut().zip(hits) {
                *t = *h;
            }
            words(c, n, |k| table[usize::from(k)])
        }
        Codes::U16(c) => words(c, n, |k| hits.get(usize::from(k)).copied().unwrap_or(false)),
        Codes::U32(c) => words(c, n, |k| hits.get(k as usize).copied().unwrap_or(false)),
    }
}

/// Rows per scanning thread at least (below that one thread is faster).
const ROWS_PER_THREAD: usize = 1 << 18;

/// A bit per code, 64 codes a word; a large column on every core (up to four).
fn words<T: Copy + Sync>(codes: &[T], n: usize, hit: impl Fn(T) -> bool + Sync) -> Bitset {
    let fill = |codes: &[T], out: &mut [u64]| {
        for (w, chunk) in out.iter_mut().zip(codes.chunks(64)) {
            let mut word = 0u64;
            for (b, &k) in chunk.iter().enumerate() {
                word |= u64::from(hit(k)) << b;
            }
            *w = word;
        }
    };
    let mut out = vec![0u64; n.div_ceil(64)];
    fill_words(
        &mut out,
        threads_for(codes.len(), ROWS_PER_THREAD),
        |first, run| {
            let from = (first * 64).min(codes.len());
            fill(&codes[from..], run)
        },
    );
    Bitset::from_words(out)
}
