//! The KRS as both front ends show it: the mark of a member on a shortlist
//! (PP 11/2017 Pasal 200 gives KRS members priority in promotion).

use crate::domain::Candidate;

/// The mark before a KRS member's name.
pub const MARK: &str = "KRS";

/// A candidate's name on a shortlist: `KRS · Nama` for a member of the KRS
/// established for the as-of year (first, so that a narrow column keeps it).
pub fn shortlist_name(c: &Candidate) -> String {
    if c.krs {
        format!("{MARK} · {}", c.nama)
    } else {
        c.nama.to_string()
    }
}
