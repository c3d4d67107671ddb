//! Counting candidates per value of a field (`talenta query --by FIELD`):
//! per unit, per box, per golongan. Dates count per year.

use super::field::{tingkat_height, value_of, Field, Val};
use crate::domain::calibration::CalibrationStatus;
use crate::domain::{fold, Candidate, Pendidikan, Rules};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// One value of a field and how many of the candidates have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The value as a user reads it (a unit's name as written, `III/c`,
    /// `SB`, a year for dates); `None` for the candidates without a value.
    pub label: Option<String>,
    pub count: usize,
}

/// What tells two values apart, ordered as the field orders them
/// (`--sort`), except that D4 and S1 are kept apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key<'a> {
    Num(u32),
    Text(&'a str),
    Folded(String),
}

fn key(v: Val<'_>) -> Key<'_> {
    match v {
        Val::Text(s) => Key::Text(s),
        Val::Name(s) => Key::Folded(fold::lower(s)),
        Val::Num(n) => Key::Num(n),
        Val::Tingkat(t) => Key::Num(u32::from(tingkat_height(t))),
        Val::Status(s) => Key::Num(s as u32),
        Val::Sex(s) => Key::Num(s as u32),
        Val::Golongan(g) => Key::Num(u32::from(g.sort_key())),
        Val::Pendidikan(p) => {
            Key::Num(Pendidikan::ALL.iter().position(|q| *q == p).unwrap_or(0) as u32)
        }
        Val::Predikat(p) => Key::Num(u32::from(p.rank())),
        Val::Potensi(p) => Key::Num(p as u32),
        Val::Flag(b) => Key::Num(u32::from(!b)),
        Val::Date(d) => Key::Num(d.year().max(0) as u32),
    }
}

/// The label of `c`'s value of `field` (see [`Group::label`]).
fn label(field: Field, c: &Candidate, v: Val<'_>) -> String {
    match (field, v) {
        (Field::Nip, _) => c.nip.to_string(),
        (Field::Nama, _) => c.nama.to_string(),
        (Field::Unit, _) => c.unit.text.to_string(),
        (Field::Jabatan, _) => c.jabatan.text.to_string(),
        (Field::Instansi, _) => c
            .instansi
            .as_ref()
            .map_or_else(String::new, |t| t.text.to_string()),
        (Field::Kalibrasi, Val::Num(r)) => [
            CalibrationStatus::InEffect,
            CalibrationStatus::Stale,
            CalibrationStatus::None,
        ]
        .into_iter()
        .find(|s| s.rank() == r)
        .map_or_else(|| r.to_string(), |s| s.code().to_string()),
        (_, Val::Text(s) | Val::Name(s)) => s.to_string(),
        (_, Val::Num(n)) => n.to_string(),
        (_, Val::Tingkat(t)) => t.code().to_string(),
        (_, Val::Status(s)) => s.code().to_string(),
        (_, Val::Sex(s)) => s.code().to_string(),
        (_, Val::Golongan(g)) => g.to_string(),
        (_, Val::Pendidikan(p)) => p.code().to_string(),
        (_, Val::Predikat(p)) => p.code().to_string(),
        (_, Val::Potensi(p)) => p.code().to_string(),
        (_, Val::Flag(b)) => if b { "ya" } else { "tidak" }.to_string(),
        (_, Val::Date(d)) => d.year().to_string(),
    }
}

/// How many of `rows` have each value of `field` on `as_of`, in the field's
/// order (as `--sort` orders it; dates per year), the candidates without a
/// value last. Every row is in exactly one group, so the counts add up to
/// the number of rows.
pub fn count_by<'c>(
    field: Field,
    rows: impl IntoIterator<Item = &'c Candidate>,
    as_of: NaiveDate,
    rules: &Rules,
) -> Vec<Group> {
    let mut groups: HashMap<Key<'c>, (usize, String)> = HashMap::new();
    let mut missing = 0;
    for c in rows {
        match value_of(field, c, as_of, rules) {
            None => missing += 1,
            Some(v) => {
                groups
                    .entry(key(v))
                    .or_insert_with(|| (0, label(field, c, v)))
                    .0 += 1
            }
        }
    }
    let mut sorted: Vec<(Key<'c>, (usize, String))> = groups.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<Group> = sorted
        .into_iter()
        .map(|(_, (count, label))| Group {
            label: Some(label),
            count,
        })
        .collect();
    if missing > 0 {
        out.push(Group {
            label: None,
            count: missing,
        });
    }
    out
}
