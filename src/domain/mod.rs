//! Pure domain types and rules: no I/O, no terminal, no database.
//!
//! Everything a rule of the ASN talent system says lives here, so that the
//! CLI, the importer, the TUI and the committee workflow share one reading.

pub mod candidate;
pub mod competency;
pub mod dates;
pub mod education;
pub mod eligibility;
pub mod filter;
pub mod grade;
pub mod jpm;
pub mod nine_box;
pub mod nip;
pub mod position;
pub mod predikat;
pub mod rules;
pub mod search;
pub mod session;
pub mod succession;
pub mod tier;

pub use candidate::{Candidate, Pool, Sex, Status};
pub use competency::Competency;
pub use education::Pendidikan;
pub use grade::Golongan;
pub use nine_box::{Kinerja, Potensi};
pub use position::Position;
pub use predikat::Predikat;
pub use rules::Rules;
pub use tier::Tingkat;

/// Normalise a token for lenient matching: lower case, without blanks, `_`, `-` and `.`.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}
