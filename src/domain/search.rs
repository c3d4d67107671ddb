//! Text search over the whole pool at once, for the filter's bare terms and
//! text conditions.
//!
//! Searching each candidate's strings one by one costs a cache miss per row and
//! a byte-at-a-time scan. Instead, per pool and built on first use:
//! - names and NIPs are kept as one contiguous, lower-cased [`Arena`] each,
//!   searched with a SIMD substring finder (`memchr::memmem`) in one pass that
//!   yields a [`Bitset`] of the matching rows;
//! - jabatan, unit and instansi repeat across thousands of employees, so each is
//!   a [`Dict`]: one id per row and the distinct values, and a condition is
//!   decided once per distinct value.

use super::filter::{code, Codes, ColumnId, Columns};
use super::{fold, Candidate};
use foldhash::HashMap;
use memchr::memmem;
use std::sync::OnceLock;

/// One bit per pool row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bitset(Vec<u64>);

impl Bitset {
    pub fn new(len: usize) -> Bitset {
        Bitset(vec![0; len.div_ceil(64)])
    }
    pub fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    /// Set row `i`, growing the set to hold it (a set filled as rows come,
    /// its length not known before).
    pub fn insert(&mut self, i: usize) {
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.set(i);
    }
    /// Number of rows set.
    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    /// Every one of `len` rows set.
    pub fn full(len: usize) -> Bitset {
        let mut b = Bitset(vec![u64::MAX; len.div_ceil(64)]);
        b.trim(len);
        b
    }
    /// The rows not set, of `len` rows.
    pub fn invert(&mut self, len: usize) {
        self.0.iter_mut().for_each(|w| *w = !*w);
        self.trim(len);
    }
    /// Keep only the rows set in both.
    pub fn and(&mut self, other: &Bitset) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }
    /// Add the rows set in `other`.
    pub fn or(&mut self, other: &Bitset) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }
    /// The words, 64 rows each (row `r` is bit `r % 64` of word `r / 64`).
    pub fn words(&self) -> &[u64] {
        &self.0
    }
    /// A bitset of these words.
    pub fn from_words(words: Vec<u64>) -> Bitset {
        Bitset(words)
    }
    /// Clear the bits past row `len` in the last word.
    fn trim(&mut self, len: usize) {
        if !len.is_multiple_of(64) {
            if let Some(w) = self.0.last_mut() {
                *w &= (1u64 << (len % 64)) - 1;
            }
        }
    }
}

/// How many threads a pass over `n` items takes: one per core, up to four,
/// each with at least `min` items (below that one thread is faster).
pub fn threads_for(n: usize, min: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    cores.min(4).min(n / min.max(1)).max(1)
}

/// Fill `words` (a bitset's, 64 rows each) in `threads` runs of whole words
/// side by side; `fill(first, run)` is told the index of its run's first word.
pub fn fill_words(words: &mut [u64], threads: usize, fill: impl Fn(usize, &mut [u64]) + Sync) {
    if threads <= 1 {
        fill(0, words);
        return;
    }
    let per = words.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for (k, run) in words.chunks_mut(per).enumerate() {
            let fill = &fill;
            s.spawn(move || fill(k * per, run));
        }
    });
}

/// Every row's text back to back (`starts[r]..starts[r + 1] - 1`; a NUL between rows).
#[derive(Debug, Clone)]
pub struct Arena {
    bytes: Vec<u8>,
    starts: Vec<usize>,
    /// Which byte values occur at all (a needle with any other byte matches nothing).
    present: [bool; 256],
    /// Per row, which kinds of byte its text has ([`byte_kind`]), for the
    /// lower-cased arenas: a one-letter search (the first key typed, which
    /// nearly every row matches) reads these instead of the text.
    kinds: Option<Vec<u32>>,
}

/// A byte's bit in [`Arena::kinds`]: one per ASCII letter and the blank
/// (exact), shared bits for the digits and for anything else.
fn byte_kind(b: u8) -> u32 {
    1 << match b {
        b'a'..=b'z' => u32::from(b - b'a'),
        b' ' => 26,
        b'0'..=b'9' => 27,
        _ => 28,
    }
}

/// Whether [`byte_kind`] tells this byte alone.
fn exact_kind(b: u8) -> bool {
    b.is_ascii_lowercase() || b == b' '
}

impl Arena {
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> Arena {
        Arena::build_with(texts, |t, bytes| bytes.extend_from_slice(t.as_bytes()))
    }

    /// [`Arena::build`] of the texts lower-cased, with each row's kinds of byte.
    pub fn build_lower<'a>(texts: impl Iterator<Item = &'a str>) -> Arena {
        let mut a = Arena::build_with(texts, fold::push_lower);
        let kinds = (0..a.rows())
            .map(|r| a.row(r).iter().fold(0, |k, &b| k | byte_kind(b)))
            .collect();
        a.kinds = Some(kinds);
        a
    }

    fn build_with<'a>(
        texts: impl Iterator<Item = &'a str>,
        push: impl Fn(&str, &mut Vec<u8>),
    ) -> Arena {
        let mut a = Arena {
            bytes: Vec::new(),
            starts: Vec::new(),
            present: [false; 256],
            kinds: None,
        };
        for t in texts {
            a.starts.push(a.bytes.len());
            push(t, &mut a.bytes);
            a.bytes.push(0);
        }
        a.starts.push(a.bytes.len());
        for &b in &a.bytes {
            a.present[b as usize] = true;
        }
        a
    }

    pub fn rows(&self) -> usize {
        self.starts.len() - 1
    }

    /// Row `r`'s text (empty past the end).
    pub fn row(&self, r: usize) -> &[u8] {
        match (self.starts.get(r), self.starts.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.bytes[a..b - 1],
            _ => &[],
        }
    }

    /// Rows containing `needle`, added to `hits`. A match must lie inside one
    /// row's text, so the separator byte never matters. A large pool is
    /// searched on every core (up to four), each a run of whole words of `hits`.
    pub fn search_into(&self, needle: &[u8], hits: &mut Bitset) {
        let n = self.rows();
        if needle.is_empty() {
            (0..n).for_each(|r| hits.set(r));
            return;
        }
        if needle.iter().any(|&b| !self.present[b as usize]) {
            return;
        }
        let finder = memmem::Finder::new(needle);
        let words = &mut hits.0;
        if let (Some(kinds), [b]) = (&self.kinds, needle) {
            if exact_kind(*b) {
                let bit = byte_kind(*b);
                for (w, chunk) in words.iter_mut().zip(kinds.chunks(64)) {
                    for (i, k) in chunk.iter().enumerate() {
                        *w |= u64::from(k & bit != 0) << i;
                    }
                }
                return;
            }
        }
        fill_words(words, threads_for(n, ROWS_PER_THREAD), |first, run| {
            self.search_rows(&finder, first * 64, run)
        });
    }

    /// [`Arena::search_into`] over the rows from `first` (a multiple of 64)
    /// on, as many as `words` holds bits for (bit `r - first`).
    fn search_rows(&self, finder: &memmem::Finder<'_>, first: usize, words: &mut [u64]) {
        let n = self.rows();
        let end_row = (first + words.len() * 64).min(n);
        if first >= end_row {
            return;
        }
        let limit = self.starts[end_row];
        let needle_len = finder.needle().len();
        let (mut pos, mut row) = (self.starts[first], first);
        while let Some(off) = finder.find(&self.bytes[pos..limit]) {
            let at = pos + off;
            while self.starts[row + 1] <= at {
                row += 1;
            }
            let end = self.starts[row + 1] - 1;
            if at + needle_len <= end {
                let r = row - first;
                words[r / 64] |= 1 << (r % 64);
                pos = self.starts[row + 1];
                if row + 1 >= end_row {
                    break;
                }
            } else {
                pos = at + 1;
            }
        }
    }
}

/// Rows per searching thread at least (below that one thread is faster).
const ROWS_PER_THREAD: usize = 1 << 16;

/// Repeated text: one id per row, the distinct values lower-cased. Id 0 is "no value".
#[derive(Debug, Clone, Default)]
pub struct Dict {
    pub ids: Vec<u32>,
    /// `values[id - 1]`, lower-cased.
    pub values: Vec<Box<str>>,
}

impl Dict {
    /// Values that are the same shared allocation get the same id without
    /// comparing text (the loader shares one `Text` per distinct value).
    pub fn build<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> Dict {
        let mut d = Dict::default();
        let mut seen: HashMap<&'a str, u32> = HashMap::default();
        let mut last: Option<(*const u8, u32)> = None;
        for t in texts {
            let id = match t {
                None => 0,
                Some(s) => match last {
                    Some((p, id)) if p == s.as_ptr() => id,
                    _ => {
                        let id = *seen.entry(s).or_insert_with(|| {
                            d.values.push(s.into());
                            d.values.len() as u32
                        });
                        last = Some((s.as_ptr(), id));
                        id
                    }
                },
            };
            d.ids.push(id);
        }
        d
    }

    /// Which ids satisfy `test` (index = id; id 0 is tested with `None`).
    pub fn decide(&self, test: impl Fn(Option<&str>) -> bool) -> Vec<bool> {
        std::iter::once(test(None))
            .chain(self.values.iter().map(|v| test(Some(v))))
            .collect()
    }
}

/// The per-pool search structures, each built the first time a filter needs it.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    nama: OnceLock<Arena>,
    nip: OnceLock<Arena>,
    jabatan: OnceLock<Dict>,
    unit: OnceLock<Dict>,
    instansi: OnceLock<Dict>,
    /// One-byte columns ([`byte_slot`]), for the filter over columns.
    bytes: [OnceLock<Vec<u8>>; BYTE_SLOTS],
    /// Birth dates as days after the first (`None`: more than 16 bits span them).
    birth: OnceLock<Option<Birth>>,
    /// The predikat of each year from [`FIRST_YEAR`], one column per year.
    years: Years,
    /// The rows with a talent review (calibration), in order.
    reviewed: OnceLock<Vec<u32>>,
}

/// The first year kept as a column in memory (a year before it, or 64
/// years on, is read row by row).
const FIRST_YEAR: u16 = 2000;

#[derive(Debug, Clone)]
struct Years([OnceLock<Vec<u8>>; 64]);

impl Default for Years {
    fn default() -> Years {
        Years(std::array::from_fn(|_| OnceLock::new()))
    }
}

/// Birth dates as a column: the first day's number and the days after it.
#[derive(Debug, Clone)]
struct Birth {
    base: i32,
    top: u16,
    days: Vec<u16>,
}

const BYTE_SLOTS: usize = 9 + 9;

/// The place of a one-byte column in [`SearchIndex`] (`None`: not kept in memory).
fn byte_slot(id: ColumnId) -> Option<usize> {
    Some(match id {
        ColumnId::Tingkat => 0,
        ColumnId::Status => 1,
        ColumnId::Sex => 2,
        ColumnId::Golongan => 3,
        ColumnId::Pendidikan => 4,
        ColumnId::Kp => 5,
        ColumnId::Kotak => 6,
        ColumnId::Kalibrasi => 7,
        ColumnId::Krs => 8,
        ColumnId::Competency(k) => 9 + k.index(),
        _ => return None,
    })
}

/// The columns of a loaded pool, each built from its rows the first time a
/// filter reads it (and kept with the pool's [`SearchIndex`]).
pub struct PoolColumns<'a> {
    pub index: &'a SearchIndex,
    pub rows: &'a [Candidate],
}

impl Columns for PoolColumns<'_> {
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn codes(&self, id: ColumnId) -> Option<Codes<'_>> {
        let rows = self.rows;
        Some(match id {
            ColumnId::Jabatan => Codes::U32(&self.index.jabatan(rows).ids),
            ColumnId::Unit => Codes::U32(&self.index.unit(rows).ids),
            ColumnId::Instansi => Codes::U32(&self.index.instansi(rows).ids),
            ColumnId::Birth => Codes::U16(&self.index.birth(rows).as_ref()?.days),
            _ => Codes::U8(self.index.byte_column(id, rows)?),
        })
    }
    fn texts(&self, id: ColumnId) -> Option<&[Box<str>]> {
        let rows = self.rows;
        Some(match id {
            ColumnId::Jabatan => &self.index.jabatan(rows).values,
            ColumnId::Unit => &self.index.unit(rows).values,
            ColumnId::Instansi => &self.index.instansi(rows).values,
            _ => return None,
        })
    }
    fn birth(&self) -> Option<(i32, u16)> {
        let b = self.index.birth(self.rows).as_ref()?;
        Some((b.base, b.top))
    }
}

impl SearchIndex {
    /// Build everything now (the filter thread does this while idle after a
    /// pool arrives, so the first search does not wait for it).
    pub fn warm(&self, rows: &[Candidate]) {
        self.nama(rows);
        self.nip(rows);
        self.jabatan(rows);
        self.unit(rows);
        self.instansi(rows);
        // What every filter's box counts read.
        self.byte_column(ColumnId::Kotak, rows);
        self.reviewed_rows(rows);
    }

    pub fn nama(&self, rows: &[Candidate]) -> &Arena {
        self.nama
            .get_or_init(|| Arena::build_lower(rows.iter().map(|c| &*c.nama)))
    }
    pub fn nip(&self, rows: &[Candidate]) -> &Arena {
        self.nip
            .get_or_init(|| Arena::build(rows.iter().map(|c| &*c.nip)))
    }
    pub fn jabatan(&self, rows: &[Candidate]) -> &Dict {
        self.jabatan
            .get_or_init(|| Dict::build(rows.iter().map(|c| Some(&*c.jabatan.lower))))
    }
    pub fn unit(&self, rows: &[Candidate]) -> &Dict {
        self.unit
            .get_or_init(|| Dict::build(rows.iter().map(|c| Some(&*c.unit.lower))))
    }
    /// A one-byte column (`code::of`), built on first use; `None` for one
    /// not kept in memory.
    pub fn byte_column(&self, id: ColumnId, rows: &[Candidate]) -> Option<&[u8]> {
        let slot = match id {
            ColumnId::Year(y) => self.years.0.get(usize::from(y.checked_sub(FIRST_YEAR)?))?,
            _ => self.bytes.get(byte_slot(id)?)?,
        };
        Some(slot.get_or_init(|| rows.iter().map(|c| code::of(id, c)).collect()))
    }
    /// Give a one-byte column its codes made elsewhere (the loader makes the
    /// box column while decoding); ignored when it is built already.
    pub fn preset(&self, id: ColumnId, codes: Vec<u8>) {
        if let Some(slot) = byte_slot(id).and_then(|i| self.bytes.get(i)) {
            let _ = slot.set(codes);
        }
    }

    /// Make a built one-byte column's codes of rows `which` again (their
    /// candidates changed).
    pub fn refresh(&mut self, id: ColumnId, rows: &[Candidate], which: &[usize]) {
        let Some(codes) = byte_slot(id)
            .and_then(|i| self.bytes.get_mut(i))
            .and_then(OnceLock::get_mut)
        else {
            return;
        };
        for &r in which {
            if let (Some(code), Some(c)) = (codes.get_mut(r), rows.get(r)) {
                *code = code::of(id, c);
            }
        }
    }

    /// The rows with a talent review (a calibration on them), in order.
    pub fn reviewed_rows(&self, rows: &[Candidate]) -> &[u32] {
        self.reviewed.get_or_init(|| {
            (0..rows.len() as u32)
                .filter(|&r| rows[r as usize].calibration.is_some())
                .collect()
        })
    }
    fn birth(&self, rows: &[Candidate]) -> &Option<Birth> {
        self.birth.get_or_init(|| {
            code::birth_days(rows).map(|(base, top, days)| Birth { base, top, days })
        })
    }
    pub fn instansi(&self, rows: &[Candidate]) -> &Dict {
        self.instansi.get_or_init(|| {
            Dict::build(rows.iter().map(|c| c.instansi.as_ref().map(|t| &*t.lower)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(a: &Arena, needle: &str) -> Vec<usize> {
        let mut b = Bitset::new(a.rows());
        a.search_into(needle.as_bytes(), &mut b);
        (0..a.rows()).filter(|&r| b.get(r)).collect()
    }

    #[test]
    fn a_set_filled_as_rows_come_grows_to_hold_them() {
        let mut b = Bitset::default();
        assert!(!b.get(0) && !b.get(1_000));
        for i in [3, 64, 1_000, 63] {
            b.insert(i);
        }
        assert_eq!(b.count(), 4);
        assert!(b.get(63) && b.get(64) && b.get(1_000) && !b.get(999) && !b.get(5_000));
    }

    #[test]
    fn a_large_arena_searched_in_parts_finds_what_one_pass_finds() {
        // Enough rows for several threads, with matches on the parts' edges.
        let texts: Vec<String> = (0..300_007)
            .map(|i| match i % 7 {
                0 => format!("x{i}k"),
                3 => String::new(),
                _ => format!("{i}"),
            })
            .collect();
        let a = Arena::build(texts.iter().map(String::as_str));
        for needle in ["k", "9k", "65536", "4", "x1"] {
            let want: Vec<usize> = (0..texts.len())
                .filter(|&r| texts[r].contains(needle))
                .collect();
            assert_eq!(hits(&a, needle), want, "{needle}");
        }
    }

    #[test]
    fn a_one_letter_search_of_names_reads_their_kinds_of_byte_alike() {
        let names = ["Kemas Ahmad", "", "SITI", "Ñoño 12", "a.b", "x y", "Kk"];
        let a = Arena::build_lower(names.into_iter());
        for needle in ["k", "a", " ", "i", "ñ", "1", ".", "z", "y"] {
            let want: Vec<usize> = (0..names.len())
                .filter(|&r| fold::contains(names[r], needle))
                .collect();
            assert_eq!(hits(&a, needle), want, "{needle:?}");
        }
    }

    #[test]
    fn arena_finds_rows_not_matches_across_rows() {
        let a = Arena::build(["abc", "", "cab", "bcx", "aab"].into_iter());
        assert_eq!(hits(&a, "ab"), vec![0, 2, 4]);
        assert_eq!(hits(&a, "c"), vec![0, 2, 3]);
        // "abc\0" + "" : "c\0c" would span rows; never a match.
        assert_eq!(hits(&a, "cc"), Vec::<usize>::new());
        assert_eq!(hits(&a, "x"), vec![3]);
        assert_eq!(hits(&a, ""), vec![0, 1, 2, 3, 4]);
        assert_eq!(hits(&a, "aab"), vec![4]);
        assert_eq!(hits(&a, "aabb"), Vec::<usize>::new());
    }

    #[test]
    fn dict_shares_ids_for_equal_text() {
        let d = Dict::build([Some("a"), None, Some("b"), Some("a")].into_iter());
        assert_eq!(d.ids, vec![1, 0, 2, 1]);
        assert_eq!(d.decide(|v| v == Some("a")), vec![false, true, false]);
        assert_eq!(d.decide(|v| v.is_none()), vec![true, false, false]);
    }

    #[test]
    fn bitset_counts() {
        let mut b = Bitset::new(130);
        b.set(0);
        b.set(64);
        b.set(129);
        assert!(b.get(129) && !b.get(128) && !b.get(500));
        assert_eq!(b.count(), 3);
    }
}
