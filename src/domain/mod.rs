//! Pure domain types and rules: no I/O, no terminal, no database.
//!
//! Everything a rule of the ASN talent system says lives here, so that the
//! CLI, the importer, the TUI and the committee workflow share one reading.

pub mod access;
pub mod calibration;
pub mod candidate;
pub mod career;
pub mod competency;
pub mod dates;
pub mod education;
pub mod eligibility;
pub mod filter;
pub mod fold;
pub mod grade;
pub mod jpm;
pub mod krs;
pub mod nine_box;
pub mod nip;
pub mod outcome;
pub mod output_file;
pub mod position;
pub mod predikat;
pub mod rules;
pub mod search;
pub mod session;
pub mod succession;
pub mod terbilang;
pub mod text;
pub mod tier;
pub mod vote;
pub mod zone;

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
pub fn squash(s: &str) -> compact_str::CompactString {
    // Inline up to 24 bytes: the words parsed per cell are not allocated.
    let mut out = compact_str::CompactString::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '_' | '-' | '.') {
            continue;
        }
        // ASCII needs no case tables (the same result, several times faster).
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn squash_is_the_char_by_char_folding() {
        let by_chars = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-' && *c != '.')
                .flat_map(char::to_lowercase)
                .collect()
        };
        for s in [
            "Sangat Baik",
            "kerja_sama",
            "D-III",
            "S.Sos.",
            "a\u{b}b\tc\r\nd",
            "ÄÖÜ ẞ İstanbul",
            "Ǆ Σ\u{a0}x",
            "",
            "JPT-Pratama",
        ] {
            assert_eq!(super::squash(s), by_chars(s), "{s:?}");
        }
    }
}
