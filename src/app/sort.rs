//! Sorting the table: one column at a time, through the filter language's
//! `compare` (missing values last), ties by NIP.

use crate::domain::candidate::nip_order;
use crate::domain::filter::{self, Field, SortKey};
use crate::domain::fold;
use crate::domain::Pool;
use std::cmp::Ordering;
use std::sync::{Arc, Mutex, Weak};

/// The table's columns, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Nip,
    Nama,
    Jabatan,
    Unit,
    Golongan,
    Kinerja,
    Potensi,
    Kotak,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Nip,
        Column::Nama,
        Column::Jabatan,
        Column::Unit,
        Column::Golongan,
        Column::Kinerja,
        Column::Potensi,
        Column::Kotak,
    ];

    /// The filter-language field the column shows.
    pub fn field_name(self) -> &'static str {
        match self {
            Column::Nip => "nip",
            Column::Nama => "nama",
            Column::Jabatan => "jabatan",
            Column::Unit => "unit",
            Column::Golongan => "golongan",
            Column::Kinerja => "kinerja",
            Column::Potensi => "potensi",
            Column::Kotak => "kotak",
        }
    }

    /// The next column to sort by (wrapping).
    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// NIP ascending, as `talenta query` lists.
    fn default() -> Self {
        Sort {
            column: Column::Nip,
            descending: false,
        }
    }
}

/// An integer that orders like the key where two of them differ: missing last
/// (top bit), then the number, or the first seven bytes of the text (shifted
/// below the top bit, so a tie between different texts is left to the full
/// comparison), inverted when descending.
fn prefix(key: Option<&SortKey<'_>>, descending: bool) -> u64 {
    let Some(key) = key else {
        return u64::MAX;
    };
    let v = match key {
        SortKey::Num(n) => u64::from(*n),
        // The top byte stays 0 (a column holds one kind of key only).
        SortKey::Text(t) => {
            let mut b = [0u8; 8];
            for (d, s) in b[1..].iter_mut().zip(t.bytes()) {
                *d = s;
            }
            u64::from_be_bytes(b)
        }
        SortKey::Folded(t) => {
            let mut b = [0u8; 8];
            b[1..].copy_from_slice(&fold::prefix::<7>(t));
            u64::from_be_bytes(b)
        }
    };
    directed(v, descending)
}

/// A value below the top bit (kept for "missing"), inverted when descending.
fn directed(v: u64, descending: bool) -> u64 {
    let v = v & (u64::MAX >> 1);
    if descending {
        (u64::MAX >> 1) - v
    } else {
        v
    }
}

/// The sorted orders in use in this process: every screen of `talenta serve`
/// on the same pool and sort shares one (4 MB at 1M rows) instead of computing
/// and keeping its own. Held weakly: an order lives only while a screen holds it.
#[allow(clippy::type_complexity)]
static ORDERS: Mutex<Vec<(Weak<Pool>, Sort, Weak<Vec<u32>>)>> = Mutex::new(Vec::new());

/// [`order`], shared: computed once per pool and sort while any screen holds
/// it. The lock is held while sorting, so screens asking for the same order at
/// once (30 members attaching) sort once, not side by side.
pub fn shared_order(pool: &Arc<Pool>, sort: Sort) -> Arc<Vec<u32>> {
    let mut kept = ORDERS.lock().unwrap_or_else(|e| e.into_inner());
    kept.retain(|(p, _, o)| p.strong_count() > 0 && o.strong_count() > 0);
    let target = Arc::downgrade(pool);
    let found = kept
        .iter()
        .filter(|(p, s, _)| *s == sort && Weak::ptr_eq(p, &target))
        .find_map(|(_, _, o)| o.upgrade());
    if let Some(order) = found {
        return order;
    }
    let order = Arc::new(self::order(pool, sort));
    kept.push((target, sort, Arc::downgrade(&order)));
    order
}

/// The whole pool's row indices in the order of `sort`. Candidates without a
/// value in the column come last in both directions (so sorting the box
/// descending lists box 9 first, not the candidates without a box); ties by NIP.
/// Each candidate's key is read once, not per comparison.
pub fn order(pool: &Pool, sort: Sort) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..pool.rows.len() as u32).collect();
    let as_of = pool.as_of;
    let rows = &pool.rows;
    let Some(field) = Field::parse(sort.column.field_name()) else {
        return idx;
    };
    // NIPs of 18 digits, as talenta stores them (the default order): their
    // numbers straight from the rows, the order the general path below gives
    // them (all keys numeric), without its key vector (half a second at 4.7M);
    // ascending, the pool's own NIP order when it came with one (the snapshot).
    if field == Field::Nip {
        if let Some(o) = pool
            .nip_order
            .as_deref()
            .filter(|o| !sort.descending && o.len() == rows.len())
        {
            return o.to_vec();
        }
        if let Some(o) = nip_order(rows, sort.descending) {
            return o;
        }
    }
    let keys: Vec<Option<SortKey<'_>>> = rows
        .iter()
        .map(|c| filter::sort_key_of(field, c, as_of))
        .collect();
    // The full order: value (missing last either way), then NIP.
    let full = |a: u32, b: u32| {
        let by_value = match (&keys[a as usize], &keys[b as usize]) {
            (Some(x), Some(y)) if sort.descending => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| rows[a as usize].nip.cmp(&rows[b as usize].nip))
    };
    // Sort (prefix, row) pairs: the prefix orders like the full order wherever
    // two prefixes differ, so most comparisons are one integer compare.
    // Texts that are all digits of one length (NIPs) order like their numbers:
    // the whole value fits the prefix, so ties are only between equal values.
    let numeric = keys.iter().all(|k| match k {
        Some(SortKey::Text(t)) => t.len() == 18 && t.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    });
    let mut items: Vec<(u64, u32)> = idx
        .iter()
        .map(|&i| {
            let key = keys[i as usize].as_ref();
            let p = match key {
                Some(SortKey::Text(t)) if numeric => {
                    directed(t.parse().unwrap_or(0), sort.descending)
                }
                _ => prefix(key, sort.descending),
            };
            (p, i)
        })
        .collect();
    if !items.is_sorted_by(|x, y| x.0 < y.0 || (x.0 == y.0 && full(x.1, y.1) != Ordering::Greater))
    {
        items.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| full(x.1, y.1)));
    }
    idx.clear();
    idx.extend(items.into_iter().map(|(_, i)| i));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::tests::sample;
    use crate::domain::candidate::Text;
    use crate::domain::{Potensi, Predikat, Rules};
    use proptest::prelude::*;

    /// Names and units sharing long prefixes (ties in the first seven bytes),
    /// missing boxes and predikat, equal values broken by NIP.
    fn pool(spec: &[(String, u8, u8)]) -> Pool {
        let rows = spec
            .iter()
            .enumerate()
            .map(|(i, (name, k, p))| {
                let mut c = sample();
                c.id = i as i64;
                c.nip = format!("19860926201505{:04}", (i * 7919) % 10_000).into();
                c.nama = name.as_str().into();
                c.unit = Text::new(&format!("Dinas Pendidikan {name}"));
                c.skp = match k % 3 {
                    0 => smallvec::smallvec![],
                    1 => smallvec::smallvec![(2025, Predikat::Baik)],
                    _ => smallvec::smallvec![(2025, Predikat::SangatBaik)],
                };
                c.potensi = [None, Some(Potensi::Rendah), Some(Potensi::Tinggi)][*p as usize % 3];
                c
            })
            .collect();
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        Pool::new(rows, as_of, Rules::default())
    }

    #[test]
    fn screens_on_one_pool_share_one_order_per_sort() {
        let spec: Vec<(String, u8, u8)> = (0..50)
            .map(|i| (format!("Nama {i}"), i as u8, i as u8))
            .collect();
        let p = Arc::new(pool(&spec));
        let by_name = Sort {
            column: Column::Nama,
            descending: false,
        };
        let a = shared_order(&p, by_name);
        let b = shared_order(&p, by_name);
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second screen reuses the first's order"
        );
        assert_eq!(*a, order(&p, by_name));
        let other = shared_order(&p, Sort::default());
        assert!(!Arc::ptr_eq(&a, &other));
        // Held by no screen any more: not kept (memory), computed again when asked.
        drop((a, b));
        assert!(ORDERS
            .lock()
            .unwrap()
            .iter()
            .filter(|(q, s, _)| *s == by_name && Weak::ptr_eq(q, &Arc::downgrade(&p)))
            .all(|(_, _, o)| o.strong_count() == 0));
        assert_eq!(*shared_order(&p, by_name), order(&p, by_name));
        // Another pool (a reload) never gets the old pool's order.
        let q = Arc::new(pool(&spec[..10]));
        assert_eq!(shared_order(&q, by_name).len(), 10);
    }

    proptest! {
        #[test]
        fn the_fast_order_is_the_order_of_compare(
            spec in prop::collection::vec(("(Ahmad Fauzi|Ahmad Faud|ahmad|Zainal| ){1,3}", 0u8..3, 0u8..3), 0..40),
        ) {
            let p = pool(&spec);
            for column in Column::ALL {
                for descending in [false, true] {
                    let s = Sort { column, descending };
                    let field = Field::parse(column.field_name()).unwrap();
                    let mut expected: Vec<u32> = (0..p.rows.len() as u32).collect();
                    expected.sort_by(|&a, &b| {
                        let (x, y) = (&p.rows[a as usize], &p.rows[b as usize]);
                        filter::compare_directed(&field, x, y, p.as_of, descending)
                            .then_with(|| x.nip.cmp(&y.nip))
                    });
                    prop_assert_eq!(order(&p, s), expected, "{:?}", s);
                }
            }
        }
    }
}
