//! Sorting the table: one column at a time, through the filter language's
//! `compare` (missing values last), ties by NIP.

use crate::domain::filter::{self, Field};
use crate::domain::Pool;

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

/// The whole pool's row indices in the order of `sort`. Candidates without a
/// value in the column come last in both directions (so sorting the box
/// descending lists box 9 first, not the candidates without a box).
pub fn order(pool: &Pool, sort: Sort) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..pool.rows.len() as u32).collect();
    let as_of = pool.as_of;
    let rows = &pool.rows;
    let Some(field) = Field::parse(sort.column.field_name()) else {
        return idx;
    };
    // `field=none` is the filter language's own test for a missing value.
    let missing: Vec<bool> = match filter::parse(&format!("{}=none", field.name())) {
        Ok(f) => rows.iter().map(|c| f.matches(c, as_of)).collect(),
        Err(_) => vec![false; rows.len()],
    };
    idx.sort_unstable_by(|&a, &b| {
        let (x, y) = (&rows[a as usize], &rows[b as usize]);
        let by_value = filter::compare(&field, x, y, as_of);
        let by_value = if sort.descending {
            by_value.reverse()
        } else {
            by_value
        };
        missing[a as usize]
            .cmp(&missing[b as usize])
            .then(by_value)
            .then_with(|| x.nip.cmp(&y.nip))
    });
    idx
}
