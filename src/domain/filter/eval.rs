//! The parsed filter tree and its evaluation. Evaluation never allocates: every
//! needle is lower-cased and every value parsed when the filter is parsed.

use super::field::{tingkat_height, value_of, Field, Val};
use super::Op;
use crate::domain::{Candidate, Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};
use chrono::NaiveDate;
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
}

impl Node {
    pub fn eval(&self, c: &Candidate, as_of: NaiveDate) -> bool {
        match self {
            Node::Term(needle) => {
                let n = needle.as_bytes();
                contains(c.nama.lower.as_bytes(), n)
                    || contains(c.nip.as_bytes(), n)
                    || contains(c.jabatan.lower.as_bytes(), n)
                    || contains(c.unit.lower.as_bytes(), n)
            }
            Node::Cond(cond) => cond.eval(c, as_of),
            Node::Not(n) => !n.eval(c, as_of),
            Node::And(ns) => ns.iter().all(|n| n.eval(c, as_of)),
            Node::Or(ns) => ns.iter().any(|n| n.eval(c, as_of)),
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
    fn eval(&self, c: &Candidate, as_of: NaiveDate) -> bool {
        let have = value_of(self.field, c, as_of);
        let Some(have) = have else {
            // A condition on a missing value is false, except `=none`.
            return matches!(self.value, Value::Missing) && self.op == Op::Eq;
        };
        let op = self.op;
        match (have, &self.value) {
            (_, Value::Missing) => op == Op::Ne,
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
            // The parser never pairs a field with another kind of value.
            _ => false,
        }
    }
}
