//! The keys an import has given so far, for its duplicate check
//! (`check::Checks::row`): at national scale a file gives millions of them
//! (7.9 million competency rows for a million employees), so they are held
//! as 8-byte numbers, and a file whose rows come in key order (as exports
//! sort them: by NIP, then by year or date) is checked without hashing: a
//! key above the last one is new; the few that come out of order are looked
//! up. A file mostly out of order is hashed as a whole.

use super::names::NameId;
use super::parse::Key;
use crate::domain::search::Bitset;
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;

/// Where a key was first given: its file (by `Checks::file`'s number) in
/// the high 24 bits, its line in the low 40 (a trillion lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At(u64);

impl At {
    const LINE_BITS: u32 = 40;

    pub fn new(file: usize, line: u64) -> At {
        let file = u64::try_from(file).unwrap_or(u64::MAX).min(0xFF_FFFF);
        At(file << Self::LINE_BITS | line.min((1 << Self::LINE_BITS) - 1))
    }

    pub fn file(self) -> usize {
        (self.0 >> Self::LINE_BITS) as usize
    }

    pub fn line(self) -> u64 {
        self.0 & ((1 << Self::LINE_BITS) - 1)
    }
}

/// A date as a day number from chrono's first day: below 2^28.
fn day(d: NaiveDate) -> u64 {
    (i64::from(d.num_days_from_ce()) - i64::from(NaiveDate::MIN.num_days_from_ce())) as u64
}

/// A key as its kind (the variant) and a number, equal for equal keys and
/// different for different ones of a kind, ordered as exports sort rows (by
/// NIP first: a NIP's number is its place in the import). `None` for a
/// training key (runs are counted, not checked: see `Checks`).
pub fn packed(key: Key) -> Option<(u8, u64)> {
    let n = |id: u32| u64::from(id);
    Some(match key {
        Key::Employee(nip) => (0, n(nip)),
        Key::Skp(nip, tahun) => (1, n(nip) << 16 | u64::from(tahun)),
        Key::Competency(nip, c, d) => (2, n(nip) << 32 | (c.index() as u64) << 28 | day(d)),
        Key::Potential(nip, d) => (3, n(nip) << 32 | day(d)),
        Key::History(nip, d) => (4, n(nip) << 32 | day(d)),
        Key::Penalty(nip, d, level) => (5, n(nip) << 32 | day(d) << 2 | level as u64),
        Key::Position(kode) => (6, n(kode)),
        Key::Requirement(kode, c) => (7, n(kode) << 4 | c.index() as u64),
        Key::Training(..) => return None,
    })
}

/// Out-of-order keys within this many of the end of the sorted list are
/// put in their place (a NIP's rows in another order than by date).
const NEAR: usize = 64;

/// The keys of one kind given so far, each with where it was first given.
#[derive(Debug, Default)]
pub struct KeySet {
    /// Keys in increasing order.
    sorted: Vec<(u64, At)>,
    /// Keys that came too far out of order for `sorted`.
    others: HashMap<u64, At>,
    /// Most keys came out of order: all are in `others`.
    hashed: bool,
}

impl KeySet {
    /// Room for about `n` keys.
    pub fn with_capacity(n: usize) -> KeySet {
        KeySet {
            sorted: Vec::with_capacity(n),
            ..KeySet::default()
        }
    }

    /// Where `key` was first given; `None` when it is new (then it is
    /// added, given at `at`).
    pub fn first_or_add(&mut self, key: u64, at: At) -> Option<At> {
        if self.hashed {
            return match self.others.entry(key) {
                std::collections::hash_map::Entry::Occupied(o) => Some(*o.get()),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(at);
                    None
                }
            };
        }
        // Every key in `others` is below the last sorted key at the time it
        // came, so a key above the last one is new.
        if self.sorted.last().is_none_or(|&(last, _)| key > last) {
            self.sorted.push((key, at));
            return None;
        }
        let place = match self.sorted.binary_search_by_key(&key, |e| e.0) {
            Ok(i) => return Some(self.sorted[i].1),
            Err(place) => place,
        };
        if let Some(&first) = self.others.get(&key) {
            return Some(first);
        }
        if self.sorted.len() - place <= NEAR {
            self.sorted.insert(place, (key, at));
        } else {
            self.others.insert(key, at);
            if self.others.len() > self.sorted.len() / 4 {
                self.hash_all();
            }
        }
        None
    }

    /// From now on, every key in the map.
    fn hash_all(&mut self) {
        self.hashed = true;
        self.others.reserve(self.sorted.len());
        self.others.extend(std::mem::take(&mut self.sorted));
    }
}

/// Past this many training rows of one NIP, its runs are counted in a map
/// (the rows of a NIP are looked through for each of its rows).
const GROUP_MAX: usize = 256;

/// How many rows gave each training key so far: the runs of one course in
/// one year, numbered in file order. Exports list an employee's rows
/// together, so the rows of the NIP being read are counted by looking
/// through its own few; those of the NIPs before are kept as 8-byte numbers
/// in file order, not hashed. Should a NIP come back after another's rows (a
/// file not grouped by NIP), every count so far goes into a map, which counts
/// from then on.
#[derive(Debug, Default)]
pub struct Runs {
    /// Each row's `(tahun, name)` in file order, packed.
    keys: Vec<u64>,
    /// The NIP whose rows are being read and where they start in `keys`.
    current: Option<(NameId, usize)>,
    /// Each earlier NIP with where its rows start in `keys`.
    groups: Vec<(NameId, usize)>,
    /// The NIPs of `groups`, as bits by number.
    ended: Bitset,
    /// All counts, once the rows came not grouped by NIP.
    map: Option<HashMap<(NameId, u16, NameId), u16>>,
}

impl Runs {
    /// Room for about `rows` more rows (another training file: its runs go
    /// on from the files before).
    pub fn reserve(&mut self, rows: usize) {
        match &mut self.map {
            Some(map) => map.reserve(rows),
            None => self.keys.reserve(rows),
        }
    }

    /// Count a row of `nip`'s training `name` in `tahun`: its run number
    /// (1 for the first such row).
    pub fn next(&mut self, nip: NameId, tahun: u16, name: NameId) -> u16 {
        if let Some(map) = &mut self.map {
            let n = map.entry((nip, tahun, name)).or_insert(0);
            *n = n.saturating_add(1);
            return *n;
        }
        let start = match self.current {
            Some((c, start)) if c == nip => start,
            _ => {
                if self.ended.get(nip as usize) {
                    self.count_in_a_map();
                    return self.next(nip, tahun, name);
                }
                if let Some(prev) = self.current {
                    self.end(prev);
                }
                self.current = Some((nip, self.keys.len()));
                self.keys.len()
            }
        };
        if self.keys.len() - start >= GROUP_MAX {
            self.count_in_a_map();
            return self.next(nip, tahun, name);
        }
        let key = u64::from(tahun) << 32 | u64::from(name);
        let before = self.keys[start..].iter().filter(|&&k| k == key).count();
        self.keys.push(key);
        u16::try_from(before + 1).unwrap_or(u16::MAX)
    }

    fn end(&mut self, (nip, start): (NameId, usize)) {
        self.ended.insert(nip as usize);
        self.groups.push((nip, start));
    }

    /// Every count so far into the map.
    fn count_in_a_map(&mut self) {
        let mut map: HashMap<(NameId, u16, NameId), u16> = HashMap::default();
        map.reserve(self.keys.len());
        let mut groups = std::mem::take(&mut self.groups);
        groups.extend(self.current);
        let ends = groups.iter().skip(1).map(|g| g.1).chain([self.keys.len()]);
        for (&(nip, start), end) in groups.iter().zip(ends) {
            for &k in &self.keys[start..end] {
                let n = map.entry((nip, (k >> 32) as u16, k as NameId)).or_insert(0);
                *n = n.saturating_add(1);
            }
        }
        *self = Runs {
            map: Some(map),
            ..Runs::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::career::PenaltyLevel;
    use crate::domain::Competency;
    use proptest::prelude::*;

    #[test]
    fn a_first_line_is_kept_whole() {
        for (file, line) in [(0, 2), (3, 1 << 39), (0xFF_FFFF, (1 << 40) - 1)] {
            let at = At::new(file, line);
            assert_eq!((at.file(), at.line()), (file, line));
        }
    }

    #[test]
    fn packed_keys_of_a_kind_differ_when_the_keys_do() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let keys = [
            Key::Competency(1, Competency::Integritas, d(2024, 1, 2)),
            Key::Competency(1, Competency::Integritas, d(2024, 1, 3)),
            Key::Competency(1, Competency::PerekatBangsa, d(2024, 1, 2)),
            Key::Competency(2, Competency::Integritas, d(2024, 1, 2)),
            Key::Competency(u32::MAX, Competency::PerekatBangsa, NaiveDate::MAX),
            Key::Competency(u32::MAX, Competency::PerekatBangsa, NaiveDate::MIN),
            Key::Competency(0, Competency::Integritas, NaiveDate::MAX),
        ];
        let mut all: Vec<u64> = keys.iter().map(|k| packed(*k).unwrap().1).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), keys.len());
        assert!(day(NaiveDate::MAX) < 1 << 28);
        let p = |l| packed(Key::Penalty(7, d(2020, 5, 1), l)).unwrap();
        assert_ne!(p(PenaltyLevel::Ringan), p(PenaltyLevel::Berat));
        assert_eq!(packed(Key::Training(1, 2024, 3)), None);
    }

    /// Keys: mostly increasing runs with some out of order, near and far.
    fn keys() -> impl Strategy<Value = Vec<u64>> {
        proptest::collection::vec((0u64..400, 0u8..10), 0..600).prop_map(|steps| {
            let mut k = 0u64;
            steps
                .into_iter()
                .map(|(v, how)| match how {
                    0..=6 => {
                        k += v % 3;
                        k
                    }
                    7 => k.saturating_sub(v % 8),
                    _ => v,
                })
                .collect()
        })
    }

    #[test]
    fn a_file_out_of_order_is_hashed_and_still_checked() {
        let mut set = KeySet::default();
        let at = |l| At::new(0, l);
        for k in (0..1000u64).rev() {
            assert_eq!(set.first_or_add(k * 2, at(k)), None);
        }
        assert!(set.hashed, "keys in reverse order");
        assert_eq!(set.first_or_add(500, at(9999)), Some(at(250)));
        assert_eq!(set.first_or_add(501, at(9999)), None);
        assert_eq!(set.first_or_add(501, at(10_000)), Some(at(9999)));
    }

    proptest! {
        /// The set answers as a map of every key to its first place does.
        #[test]
        fn a_key_set_finds_exactly_the_keys_given_before(keys in keys()) {
            let mut set = KeySet::with_capacity(keys.len() / 2);
            let mut model: std::collections::HashMap<u64, At> = Default::default();
            for (line, k) in keys.into_iter().enumerate() {
                let at = At::new(0, line as u64);
                let want = model.get(&k).copied();
                model.entry(k).or_insert(at);
                prop_assert_eq!(set.first_or_add(k, at), want, "key {}", k);
            }
        }
    }

    #[test]
    fn a_training_run_is_numbered_within_its_nip_course_and_year() {
        let mut r = Runs::default();
        assert_eq!(
            [r.next(1, 2024, 9), r.next(1, 2024, 9), r.next(1, 2023, 9)],
            [1, 2, 1]
        );
        assert_eq!([r.next(2, 2024, 9), r.next(2, 2024, 8)], [1, 1]);
        assert!(r.map.is_none(), "grouped by NIP: no map");
        // NIP 1 again, after NIP 2's rows: its runs go on from 2.
        assert_eq!(r.next(1, 2024, 9), 3);
        assert!(r.map.is_some());
        assert_eq!([r.next(2, 2024, 9), r.next(3, 2024, 9)], [2, 1]);
    }

    #[test]
    fn a_nip_with_very_many_rows_is_counted_in_a_map() {
        let mut r = Runs::default();
        for i in 0..GROUP_MAX as u16 {
            assert_eq!(r.next(5, 2024, 1), i + 1);
        }
        assert!(r.map.is_none());
        assert_eq!(r.next(5, 2024, 1), GROUP_MAX as u16 + 1);
        assert!(r.map.is_some());
    }

    proptest! {
        /// Runs numbers each row as a map of every key's count does, rows
        /// grouped by NIP or not.
        #[test]
        fn runs_count_as_a_map_does(
            rows in proptest::collection::vec((0u32..6, 2020u16..2023, 0u32..4, 0u8..8), 0..300)
        ) {
            let mut runs = Runs::default();
            let mut model: std::collections::HashMap<(u32, u16, u32), u16> = Default::default();
            let mut nip = 0;
            for (n, tahun, name, jump) in rows {
                // Mostly the same NIP or the next one: grouped, with some going back.
                nip = match jump { 0..=4 => nip, 5..=6 => nip + 1, _ => n };
                let want = model.entry((nip, tahun, name)).or_insert(0);
                *want += 1;
                prop_assert_eq!(runs.next(nip, tahun, name), *want);
            }
        }
    }
}
