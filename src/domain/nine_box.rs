//! The 9-box (kotak manajemen talenta), numbered as KemenPANRB draws it.
//!
//! ```text
//!             rendah  menengah  tinggi
//! di atas        4        7        9
//! sesuai         2        5        8
//! di bawah       1        3        6
//! ```
//! The numbering is NOT row-major: see `BOX_TABLE`.

use serde::{Deserialize, Serialize};

/// The kinerja (performance) axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kinerja {
    DiBawah,
    Sesuai,
    DiAtas,
}

/// The potensial axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Potensi {
    Rendah,
    Menengah,
    Tinggi,
}

impl Kinerja {
    pub const ALL: [Kinerja; 3] = [Kinerja::DiBawah, Kinerja::Sesuai, Kinerja::DiAtas];
    pub fn code(self) -> &'static str {
        match self {
            Kinerja::DiBawah => "di_bawah",
            Kinerja::Sesuai => "sesuai",
            Kinerja::DiAtas => "di_atas",
        }
    }
    pub fn parse(s: &str) -> Option<Kinerja> {
        match super::squash(s).as_str() {
            "dibawah" | "dibawahekspektasi" | "below" => Some(Kinerja::DiBawah),
            "sesuai" | "sesuaiekspektasi" | "meets" => Some(Kinerja::Sesuai),
            "diatas" | "diatasekspektasi" | "above" => Some(Kinerja::DiAtas),
            _ => None,
        }
    }
}

impl Potensi {
    pub const ALL: [Potensi; 3] = [Potensi::Rendah, Potensi::Menengah, Potensi::Tinggi];
    pub fn code(self) -> &'static str {
        match self {
            Potensi::Rendah => "rendah",
            Potensi::Menengah => "menengah",
            Potensi::Tinggi => "tinggi",
        }
    }
    /// `rendah`/`menengah`/`tinggi`, `R`/`M`/`T`, `low`/`medium`/`high`, any case.
    pub fn parse(s: &str) -> Option<Potensi> {
        match super::squash(s).as_str() {
            "rendah" | "r" | "low" => Some(Potensi::Rendah),
            "menengah" | "m" | "medium" => Some(Potensi::Menengah),
            "tinggi" | "t" | "high" => Some(Potensi::Tinggi),
            _ => None,
        }
    }
}

/// `(box, kinerja, potensi)` exactly as in the domain reference.
pub const BOX_TABLE: [(u8, Kinerja, Potensi); 9] = [
    (1, Kinerja::DiBawah, Potensi::Rendah),
    (2, Kinerja::Sesuai, Potensi::Rendah),
    (3, Kinerja::DiBawah, Potensi::Menengah),
    (4, Kinerja::DiAtas, Potensi::Rendah),
    (5, Kinerja::Sesuai, Potensi::Menengah),
    (6, Kinerja::DiBawah, Potensi::Tinggi),
    (7, Kinerja::DiAtas, Potensi::Menengah),
    (8, Kinerja::Sesuai, Potensi::Tinggi),
    (9, Kinerja::DiAtas, Potensi::Tinggi),
];

/// The box number (1..=9) of a kinerja level and a potensi level.
pub fn box_of(k: Kinerja, p: Potensi) -> u8 {
    BOX_TABLE
        .iter()
        .find(|(_, bk, bp)| *bk == k && *bp == p)
        .map(|(b, _, _)| *b)
        .expect("BOX_TABLE covers all nine pairs")
}

/// The axes of a box number, or `None` outside 1..=9.
pub fn axes_of(b: u8) -> Option<(Kinerja, Potensi)> {
    BOX_TABLE
        .iter()
        .find(|(n, _, _)| *n == b)
        .map(|(_, k, p)| (*k, *p))
}

/// Boxes 7, 8 and 9 form the talent pool (candidates for KRS and promotion).
pub fn is_talent_pool(b: u8) -> bool {
    (7..=9).contains(&b)
}

/// The grid as drawn: rows top (di atas) to bottom (di bawah), columns rendah to tinggi.
pub const GRID: [[u8; 3]; 3] = [[4, 7, 9], [2, 5, 8], [1, 3, 6]];

/// Row and column of a box in [`GRID`].
pub fn grid_pos(b: u8) -> Option<(usize, usize)> {
    for (r, row) in GRID.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if *v == b {
                return Some((r, c));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_table_matches_the_domain_reference() {
        use Kinerja::*;
        use Potensi::*;
        assert_eq!(box_of(DiAtas, Tinggi), 9);
        assert_eq!(box_of(Sesuai, Tinggi), 8);
        assert_eq!(box_of(DiAtas, Menengah), 7);
        assert_eq!(box_of(DiBawah, Tinggi), 6);
        assert_eq!(box_of(Sesuai, Menengah), 5);
        assert_eq!(box_of(DiAtas, Rendah), 4);
        assert_eq!(box_of(DiBawah, Menengah), 3);
        assert_eq!(box_of(Sesuai, Rendah), 2);
        assert_eq!(box_of(DiBawah, Rendah), 1);
    }

    #[test]
    fn numbering_is_not_row_major() {
        // The bottom-right box (di bawah, tinggi) is 6, not 3 or 9.
        assert_eq!(GRID[2][2], 6);
        assert_eq!(GRID[0], [4, 7, 9]);
    }

    #[test]
    fn every_box_round_trips() {
        for b in 1..=9 {
            let (k, p) = axes_of(b).unwrap();
            assert_eq!(box_of(k, p), b);
            let (r, c) = grid_pos(b).unwrap();
            assert_eq!(GRID[r][c], b);
        }
        assert_eq!(axes_of(0), None);
        assert_eq!(axes_of(10), None);
    }

    #[test]
    fn grid_rows_follow_axes() {
        for (r, row) in GRID.iter().enumerate() {
            for (c, b) in row.iter().enumerate() {
                let (k, p) = axes_of(*b).unwrap();
                assert_eq!(k, Kinerja::ALL[2 - r], "row {r} is kinerja top-down");
                assert_eq!(p, Potensi::ALL[c], "column {c} is potensi left-right");
            }
        }
    }

    #[test]
    fn talent_pool_is_7_to_9() {
        let pool: Vec<u8> = (1..=9).filter(|b| is_talent_pool(*b)).collect();
        assert_eq!(pool, vec![7, 8, 9]);
    }

    #[test]
    fn potensi_aliases() {
        assert_eq!(Potensi::parse("T"), Some(Potensi::Tinggi));
        assert_eq!(Potensi::parse("medium"), Some(Potensi::Menengah));
        assert_eq!(Potensi::parse("RENDAH"), Some(Potensi::Rendah));
        assert_eq!(Potensi::parse("x"), None);
    }
}
