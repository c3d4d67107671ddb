//! The parsed filter tree and its evaluation. Evaluation never allocates: every
//! needle is lower-cased and every value parsed when the filter is parsed.

use super::field::{last_years, text, tingkat_height, value_of, Field, Val};
use super::{Codes, Op};
use crate::domain::fold;
use crate::domain::search::Bitset;
use crate::domain::{
    Candidate, Golongan, Pendidikan, Pool, Potensi, Predikat, Rules, Sex, Status, Tingkat,
};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// A bare term, lower-cased: contained in nama, NIP, jabatan or unit.
    Term(Box<str>),
    Cond(Cond),
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

/// `field op value`, with the value already parsed for the field.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cond {
    pub field: Field,
    pub op: Op,
    pub value: Value,
}

/// A parsed value. `Missing` is `none`/`kosong` (only with `=` and `!=`).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Missing,
    /// Lower-cased.
    Text(Box<str>),
    Num(u32),
    Tingkat(Tingkat),
    Status(Status),
    Sex(Sex),
    Golongan(Golongan),
    Pendidikan(Pendidikan),
    Predikat(Predikat),
    Potensi(Potensi),
    Flag(bool),
    /// A date, a month or a year as written: the days from `lo` to `hi`.
    Dates {
        lo: NaiveDate,
        hi: NaiveDate,
    },
    /// A span from the as-of date (`12bln`, `2th`, `30hr`), compared with the
    /// whole units between the as-of date and the field's date.
    Span {
        n: u32,
        unit: Unit,
    },
    /// Any of these (`kotak=7,8,9`, `kotak in (7,8,9)`), with `=` or `!=` only.
    List(Box<[Value]>),
}

/// The unit of a [`Value::Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
}

/// Whole `unit`s from `from` to `to`, rounded down (negative when `to` is
/// before `from`): years and months count as `usia` does, by month and day.
fn whole_units(from: NaiveDate, to: NaiveDate, unit: Unit) -> i64 {
    let (fy, ty) = (i64::from(from.year()), i64::from(to.year()));
    match unit {
        Unit::Day => (to - from).num_days(),
        Unit::Month => {
            let m = (ty - fy) * 12 + i64::from(to.month()) - i64::from(from.month());
            m - i64::from(to.day() < from.day())
        }
        Unit::Year => (ty - fy) - i64::from((to.month(), to.day()) < (from.month(), from.day())),
    }
}

impl Node {
    pub fn eval(&self, c: &Candidate, as_of: NaiveDate, rules: &Rules) -> bool {
        match self {
            Node::Term(needle) => {
                let n = needle.as_bytes();
                fold::contains(&c.nama, needle)
                    || contains(c.nip.as_bytes(), n)
                    || contains(c.jabatan.lower.as_bytes(), n)
                    || contains(c.unit.lower.as_bytes(), n)
            }
            Node::Cond(cond) => cond.eval(c, as_of, rules),
            Node::Not(n) => !n.eval(c, as_of, rules),
            Node::And(ns) => ns.iter().all(|n| n.eval(c, as_of, rules)),
            Node::Or(ns) => ns.iter().any(|n| n.eval(c, as_of, rules)),
        }
    }
}

/// Whether `needle` occurs in `hay`. Byte-wise search is exact on UTF-8 (a valid
/// needle can only match at character boundaries). For the short fields searched
/// here, scanning for the first byte beats `str::contains`, which builds a
/// two-way searcher on every call.
pub(super) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let mut from = 0;
    while from <= last_start {
        match hay[from..=last_start].iter().position(|&b| b == first) {
            None => return false,
            Some(p) => {
                let at = from + p;
                if &hay[at + 1..at + needle.len()] == rest {
                    return true;
                }
                from = at + 1;
            }
        }
    }
    false
}

/// Whether an ordering of (candidate's value, filter's value) satisfies `op`.
fn holds(op: Op, o: Ordering) -> bool {
    match op {
        Op::Eq => o == Ordering::Equal,
        Op::Ne => o != Ordering::Equal,
        Op::Lt => o == Ordering::Less,
        Op::Le => o != Ordering::Greater,
        Op::Gt => o == Ordering::Greater,
        Op::Ge => o != Ordering::Less,
        // Not an ordering test; the parser only pairs `~` with text.
        Op::Contains => false,
    }
}

/// `=`/`!=` on values compared exactly; other operators use `order`.
fn exact_or(op: Op, equal: bool, order: Option<Ordering>) -> bool {
    match op {
        Op::Eq => equal,
        Op::Ne => !equal,
        _ => order.is_some_and(|o| holds(op, o)),
    }
}

impl Cond {
    fn eval(&self, c: &Candidate, as_of: NaiveDate, rules: &Rules) -> bool {
        if let Field::KinerjaTerakhir(n) = self.field {
            // Every one of the years; a year without a predikat makes the value missing.
            let mut all = true;
            for p in last_years(c, n, as_of) {
                match p {
                    None => return self.holds(None, as_of),
                    Some(p) => all &= self.holds(Some(Val::Predikat(p)), as_of),
                }
            }
            return all;
        }
        self.holds(value_of(self.field, c, as_of, rules), as_of)
    }

    /// Whether a value (`None`: missing) satisfies the condition.
    pub(super) fn holds(&self, have: Option<Val<'_>>, as_of: NaiveDate) -> bool {
        match &self.value {
            // Any of the values; `!=`: none of them.
            Value::List(items) => match self.op {
                Op::Ne => items.iter().all(|v| self.holds_one(v, have, as_of)),
                _ => items.iter().any(|v| self.holds_one(v, have, as_of)),
            },
            v => self.holds_one(v, have, as_of),
        }
    }

    fn holds_one(&self, value: &Value, have: Option<Val<'_>>, as_of: NaiveDate) -> bool {
        let Some(have) = have else {
            // A condition on a missing value is false, except `=none`.
            return matches!(value, Value::Missing) && self.op == Op::Eq;
        };
        let op = self.op;
        match (have, value) {
            (_, Value::Missing) => op == Op::Ne,
            (Val::Name(t), Value::Text(n)) => match op {
                Op::Eq => fold::eq(t, n),
                Op::Ne => !fold::eq(t, n),
                Op::Contains => fold::contains(t, n),
                _ => false,
            },
            (Val::Text(t), Value::Text(n)) => match op {
                Op::Eq => t == &**n,
                Op::Ne => t != &**n,
                Op::Contains => contains(t.as_bytes(), n.as_bytes()),
                _ => false,
            },
            (Val::Num(a), Value::Num(b)) => holds(op, a.cmp(b)),
            (Val::Tingkat(a), Value::Tingkat(b)) => {
                holds(op, tingkat_height(a).cmp(&tingkat_height(*b)))
            }
            (Val::Status(a), Value::Status(b)) => exact_or(op, a == *b, None),
            (Val::Sex(a), Value::Sex(b)) => exact_or(op, a == *b, None),
            (Val::Golongan(a), Value::Golongan(b)) => exact_or(op, a == *b, a.compare(*b)),
            (Val::Pendidikan(a), Value::Pendidikan(b)) => {
                exact_or(op, a == *b, Some(a.level().cmp(&b.level())))
            }
            (Val::Predikat(a), Value::Predikat(b)) => holds(op, a.cmp(b)),
            (Val::Potensi(a), Value::Potensi(b)) => holds(op, a.cmp(b)),
            (Val::Flag(a), Value::Flag(b)) => exact_or(op, a == *b, None),
            (Val::Date(d), Value::Dates { lo, hi }) => within(op, d, *lo, *hi),
            (Val::Date(d), Value::Span { n, unit }) => {
                // The retirement date lies ahead of the as-of date; the others behind it.
                let units = if self.field == Field::Pensiun {
                    whole_units(as_of, d, *unit)
                } else {
                    whole_units(d, as_of, *unit)
                };
                holds(op, units.cmp(&i64::from(*n)))
            }
            // The parser never pairs a field with another kind of value.
            _ => false,
        }
    }
}

/// A date against the days `lo ..= hi` (a date, a month or a year as
/// written): `=` within, `<` before the first day, `<=` up to the last day.
fn within(op: Op, d: NaiveDate, lo: NaiveDate, hi: NaiveDate) -> bool {
    match op {
        Op::Eq => lo <= d && d <= hi,
        Op::Ne => d < lo || hi < d,
        Op::Lt => d < lo,
        Op::Le => d <= hi,
        Op::Gt => d > hi,
        Op::Ge => d >= lo,
        Op::Contains => false,
    }
}

/// Whether `a` evidently implies `b` (see `Filter::refines`).
pub(super) fn implies(a: &Node, b: &Node) -> bool {
    if a == b {
        return true;
    }
    match (a, b) {
        (Node::Term(x), Node::Term(y)) => contains(x.as_bytes(), y.as_bytes()),
        (Node::Cond(x), Node::Cond(y)) if x.field == y.field && x.op == y.op => {
            match (&x.value, &y.value) {
                (Value::Text(p), Value::Text(q)) if x.op == Op::Contains => {
                    // A non-blank longer needle: a blank (missing) value never matches it.
                    !q.trim().is_empty() && contains(p.as_bytes(), q.as_bytes())
                }
                (Value::Num(p), Value::Num(q)) => match x.op {
                    Op::Ge | Op::Gt => p >= q,
                    Op::Le | Op::Lt => p <= q,
                    _ => false,
                },
                _ => false,
            }
        }
        _ => false,
    }
}

/// A text search row by row beats one pass over the pool when at most one
/// row in this many is searched.
const SPARSE: usize = 8;

/// A filter tree prepared against one pool: text conditions on names and NIPs
/// are decided for every row at once, and those on jabatan, unit and instansi
/// once per distinct value (see `domain::search`); the rest is evaluated per
/// candidate as in [`Node::eval`], with the same result.
pub(super) enum Prepared<'a> {
    /// Evaluated per candidate.
    Node(&'a Node),
    /// Decided per pool row.
    Rows(Bitset),
    /// Decided per distinct value: `hit[ids[row]]`.
    Ids {
        ids: &'a [u32],
        hit: Vec<bool>,
    },
    Not(Box<Prepared<'a>>),
    And(Vec<Prepared<'a>>),
    Or(Vec<Prepared<'a>>),
}

impl<'a> Prepared<'a> {
    /// `within`: when given, only those rows' results matter (the caller
    /// reads no other row), so a text search may skip the rest.
    pub fn new(node: &'a Node, pool: &'a Pool, within: Option<&[u64]>) -> Prepared<'a> {
        let rows = &pool.rows;
        let ix = &pool.search;
        if super::columns::columnar(node) {
            // Decided over the pool's columns (built on first use).
            let cols = crate::domain::search::PoolColumns { index: ix, rows };
            if let Some(bits) = super::columns::bits(node, &cols, pool.as_of, &pool.rules) {
                return Prepared::Rows(bits);
            }
        }
        match node {
            Node::Term(needle) if !needle.is_empty() => {
                let n = needle.as_bytes();
                if let Some(bits) = within.and_then(|w| Self::term_within(needle, pool, w)) {
                    return Prepared::Rows(bits);
                }
                let mut bits = Bitset::new(rows.len());
                ix.nama(rows).search_into(n, &mut bits);
                ix.nip(rows).search_into(n, &mut bits);
                let jabatan = ix.jabatan(rows);
                let unit = ix.unit(rows);
                let in_text = |v: Option<&str>| v.is_some_and(|v| contains(v.as_bytes(), n));
                let (jh, uh) = (jabatan.decide(in_text), unit.decide(in_text));
                let n = rows.len();
                bits.or(&super::columns::scan(Codes::U32(&jabatan.ids), &jh, n));
                bits.or(&super::columns::scan(Codes::U32(&unit.ids), &uh, n));
                Prepared::Rows(bits)
            }
            Node::Cond(c) => match (c.field, &c.value) {
                (Field::Nama | Field::Nip, Value::Text(n))
                    if c.op == Op::Contains && !n.trim().is_empty() =>
                {
                    // A needle with a non-blank character is never inside a blank
                    // (missing) value, so the search alone decides.
                    let arena = if c.field == Field::Nama {
                        ix.nama(rows)
                    } else {
                        ix.nip(rows)
                    };
                    let mut bits = Bitset::new(rows.len());
                    arena.search_into(n.as_bytes(), &mut bits);
                    Prepared::Rows(bits)
                }
                (Field::Jabatan | Field::Unit | Field::Instansi, _) => {
                    let dict = match c.field {
                        Field::Jabatan => ix.jabatan(rows),
                        Field::Unit => ix.unit(rows),
                        _ => ix.instansi(rows),
                    };
                    Prepared::Ids {
                        ids: &dict.ids,
                        hit: dict.decide(|v| c.holds(v.and_then(text), pool.as_of)),
                    }
                }
                _ => Prepared::Node(node),
            },
            Node::Not(n) => match Prepared::new(n, pool, within) {
                Prepared::Rows(mut bits) => {
                    bits.invert(rows.len());
                    Prepared::Rows(bits)
                }
                p => Prepared::Not(Box::new(p)),
            },
            Node::And(ns) => {
                Self::joined(Self::cheap_first(ns, pool, within), pool.rows.len(), true)
            }
            Node::Or(ns) => {
                Self::joined(Self::cheap_first(ns, pool, within), pool.rows.len(), false)
            }
            Node::Term(_) => Prepared::Node(node),
        }
    }

    /// A bare term decided for the rows of `within` alone, each searched in
    /// turn, when they are few enough for that to beat one pass over the
    /// whole pool (`None`: search the whole pool). Rows outside are left
    /// unset (the caller reads none of them).
    fn term_within(needle: &str, pool: &Pool, within: &[u64]) -> Option<Bitset> {
        let rows = &pool.rows;
        let n = rows.len();
        let count: usize = within.iter().map(|w| w.count_ones() as usize).sum();
        if count.saturating_mul(SPARSE) > n {
            return None;
        }
        let ix = &pool.search;
        let b = needle.as_bytes();
        let (nama, nip) = (ix.nama(rows), ix.nip(rows));
        let (jabatan, unit) = (ix.jabatan(rows), ix.unit(rows));
        let in_text = |v: Option<&str>| v.is_some_and(|v| contains(v.as_bytes(), b));
        let (jh, uh) = (jabatan.decide(in_text), unit.decide(in_text));
        let finder = memchr::memmem::Finder::new(b);
        let hit = |r: usize| {
            jh[jabatan.ids[r] as usize]
                || uh[unit.ids[r] as usize]
                || finder.find(nama.row(r)).is_some()
                || finder.find(nip.row(r)).is_some()
        };
        let fill = |first: usize, within: &[u64], out: &mut [u64]| {
            for (w, (&word, o)) in within.iter().zip(out.iter_mut()).enumerate() {
                let mut left = word;
                while left != 0 {
                    let b = left.trailing_zeros() as usize;
                    left &= left - 1;
                    let r = (first + w) * 64 + b;
                    if r < n && hit(r) {
                        *o |= 1 << b;
                    }
                }
            }
        };
        let mut out = vec![0u64; n.div_ceil(64)];
        let threads = crate::domain::search::threads_for(count, 4096);
        crate::domain::search::fill_words(&mut out, threads, |first, run| {
            fill(first, within.get(first..).unwrap_or(&[]), run)
        });
        Some(Bitset::from_words(out))
    }

    /// `and` (`all`) or `or` of prepared children: one bitset when every
    /// child was decided for every row.
    fn joined(ps: Vec<Prepared<'a>>, n: usize, all: bool) -> Prepared<'a> {
        if !ps.iter().all(|p| matches!(p, Prepared::Rows(_))) {
            return if all {
                Prepared::And(ps)
            } else {
                Prepared::Or(ps)
            };
        }
        let mut acc = if all { Bitset::full(n) } else { Bitset::new(n) };
        for p in &ps {
            if let Prepared::Rows(b) = p {
                if all {
                    acc.and(b);
                } else {
                    acc.or(b);
                }
            }
        }
        Prepared::Rows(acc)
    }

    /// Children prepared, the ones decided by a lookup first (the result is the
    /// same in any order; the lookups short-circuit the rest sooner).
    fn cheap_first(ns: &'a [Node], pool: &'a Pool, within: Option<&[u64]>) -> Vec<Prepared<'a>> {
        let mut v: Vec<Prepared<'a>> = ns.iter().map(|n| Prepared::new(n, pool, within)).collect();
        v.sort_by_key(|p| matches!(p, Prepared::Node(_)));
        v
    }

    pub fn eval(&self, row: usize, c: &Candidate, as_of: NaiveDate, rules: &Rules) -> bool {
        match self {
            Prepared::Node(n) => n.eval(c, as_of, rules),
            Prepared::Rows(bits) => bits.get(row),
            Prepared::Ids { ids, hit } => ids
                .get(row)
                .is_some_and(|&id| hit.get(id as usize).copied().unwrap_or(false)),
            Prepared::Not(p) => !p.eval(row, c, as_of, rules),
            Prepared::And(ps) => ps.iter().all(|p| p.eval(row, c, as_of, rules)),
            Prepared::Or(ps) => ps.iter().any(|p| p.eval(row, c, as_of, rules)),
        }
    }
}
