//! Sorting the table: one column at a time, through the filter language's
//! `compare` (missing values last), ties by NIP.

use crate::domain::filter::{self, Field};
use crate::domain::Pool;
use std::cmp::Ordering;

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

/// The whole pool's row indices in the order of `sort`.
pub fn order(pool: &Pool, sort: Sort) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..pool.rows.len() as u32).collect();
    let field = Field::parse(sort.column.field_name());
    let as_of = pool.as_of;
    let rows = &pool.rows;
    idx.sort_unstable_by(|&a, &b| {
        let (x, y) = (&rows[a as usize], &rows[b as usize]);
        let o = match &field {
            Some(f) if sort.column != Column::Nip => filter::compare(f, x, y, as_of),
            _ => Ordering::Equal,
        };
        let o = if sort.column == Column::Nip {
            x.nip.cmp(&y.nip)
        } else {
            o
        };
        let o = if sort.descending { o.reverse() } else { o };
        o.then_with(|| x.nip.cmp(&y.nip))
    });
    idx
}
