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

use super::{fold, Candidate};
use foldhash::HashMap;
use memchr::memmem;
use std::sync::OnceLock;

/// One bit per pool row.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Number of rows set.
    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// Every row's text back to back (`starts[r]..starts[r + 1] - 1`; a NUL between rows).
#[derive(Debug, Clone)]
pub struct Arena {
    bytes: Vec<u8>,
    starts: Vec<usize>,
    /// Which byte values occur at all (a needle with any other byte matches nothing).
    present: [bool; 256],
}

impl Arena {
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> Arena {
        Arena::build_with(texts, |t, bytes| bytes.extend_from_slice(t.as_bytes()))
    }

    /// [`Arena::build`] of the texts lower-cased.
    pub fn build_lower<'a>(texts: impl Iterator<Item = &'a str>) -> Arena {
        Arena::build_with(texts, fold::push_lower)
    }

    fn build_with<'a>(
        texts: impl Iterator<Item = &'a str>,
        push: impl Fn(&str, &mut Vec<u8>),
    ) -> Arena {
        let mut a = Arena {
            bytes: Vec::new(),
            starts: Vec::new(),
            present: [false; 256],
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

    /// Rows containing `needle`, added to `hits`. A match must lie inside one
    /// row's text, so the separator byte never matters.
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
        let (mut pos, mut row) = (0, 0);
        while let Some(off) = finder.find(&self.bytes[pos..]) {
            let at = pos + off;
            while self.starts[row + 1] <= at {
                row += 1;
            }
            let end = self.starts[row + 1] - 1;
            if at + needle.len() <= end {
                hits.set(row);
                pos = self.starts[row + 1];
                if row + 1 >= n {
                    break;
                }
            } else {
                pos = at + 1;
            }
        }
    }
}

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
