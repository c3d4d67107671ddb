//! Every user-facing text, one folder per language: `id/` (Bahasa Indonesia,
//! the default) and `en/` (English). Each area has a file of the same name in
//! both folders with the same items; [`tr!`](crate::tr) picks the language.

pub mod en;
pub mod format;
pub mod id;
pub mod texts;

/// The language lives in the leaf module [`crate::lang`]; re-exported here for the
/// text modules and their callers.
pub use crate::lang::Lang;

use crate::domain::filter::Op;
use crate::domain::Predikat;

/// Labels of `talenta show`'s text form.
pub struct ShowLabels {
    pub nip: &'static str,
    pub sex: &'static str,
    pub age: &'static str,
    pub born: &'static str,
    pub status: &'static str,
    pub golongan: &'static str,
    pub jabatan: &'static str,
    pub since: &'static str,
    pub years: &'static str,
    pub unit: &'static str,
    pub pendidikan: &'static str,
    pub bup: &'static str,
    pub kotak: &'static str,
    pub kinerja_axis: &'static str,
    pub potensi_axis: &'static str,
    pub talent_pool: &'static str,
    pub no_box: &'static str,
    pub kinerja: &'static str,
    pub kompetensi: &'static str,
    pub potensi: &'static str,
    pub score: &'static str,
    pub training: &'static str,
    pub decisions: &'static str,
    pub session: &'static str,
    pub superseded: &'static str,
    pub history: &'static str,
    pub penalties: &'static str,
    /// The end of a span still running ("sekarang").
    pub now: &'static str,
    pub none: &'static str,
}

/// Labels of the talent review (calibration) in the minutes and the profile.
pub struct CalibrationLabels {
    pub heading: &'static str,
    /// One calibration ("Kalibrasi 3").
    pub one: &'static str,
    pub candidate: &'static str,
    /// Computed box -> agreed box.
    pub boxes: &'static str,
    pub grounds: &'static str,
    pub votes: &'static str,
    pub supersedes: &'static str,
    pub recorded_by: &'static str,
}

/// Labels of a committee vote (`session vote show`, the vote panel, the minutes).
pub struct VoteLabels {
    pub vote: &'static str,
    pub session: &'static str,
    pub candidate: &'static str,
    pub proposal: &'static str,
    pub kind: &'static str,
    pub position: &'static str,
    pub kotak: &'static str,
    pub grounds: &'static str,
    pub status: &'static str,
    pub tally: &'static str,
    pub ballots: &'static str,
    pub waiting: &'static str,
    pub not_counted: &'static str,
    pub none: &'static str,
    /// The minutes' heading of each member's vote.
    pub votes_by_name: &'static str,
}

/// Labels of the minutes (berita acara).
pub struct MinutesLabels {
    pub title: &'static str,
    pub draft: &'static str,
    pub session: &'static str,
    pub date: &'static str,
    pub status: &'static str,
    pub quorum: &'static str,
    pub quorum_default: &'static str,
    pub members: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub agenda: &'static str,
    pub recusals: &'static str,
    pub none: &'static str,
    pub decisions: &'static str,
    pub decision: &'static str,
    pub version: &'static str,
    pub candidate: &'static str,
    pub kind: &'static str,
    pub position: &'static str,
    pub grounds: &'static str,
    pub votes: &'static str,
    pub votes_none: &'static str,
    pub at_decision: &'static str,
    pub recorded_by: &'static str,
    pub superseded_by: &'static str,
    pub supersedes: &'static str,
    pub history: &'static str,
    pub discussed: &'static str,
    pub signatures: &'static str,
    pub ppk: &'static str,
    pub audit: &'static str,
    pub audit_open: &'static str,
    pub audit_check: &'static str,
    pub sign_line: &'static str,
}

/// Row labels of `talenta compare` and the compare screen.
pub struct CompareLabels {
    pub nama: &'static str,
    pub jabatan: &'static str,
    pub tingkat: &'static str,
    pub golongan: &'static str,
    pub pendidikan: &'static str,
    pub status: &'static str,
    pub kotak: &'static str,
    pub potensi: &'static str,
    pub skp: &'static str,
    pub masa_jabatan: &'static str,
    pub pelatihan: &'static str,
    pub pensiun: &'static str,
    pub jpm: &'static str,
    pub band: &'static str,
    pub eligible: &'static str,
    pub years: &'static str,
    pub none: &'static str,
}

/// Headings and record names of the import's report (`talenta import`).
pub struct ImportLabels {
    pub files: &'static str,
    pub would_be_written: &'static str,
    pub written: &'static str,
    pub employees: &'static str,
    pub skp: &'static str,
    pub competencies: &'static str,
    pub potentials: &'static str,
    pub trainings: &'static str,
    pub positions: &'static str,
    pub requirements: &'static str,
    pub histories: &'static str,
    pub penalties: &'static str,
}

/// Operators as the filter's messages list them: `= != < <= > >=`.
fn ops(list: &[Op]) -> String {
    list.iter()
        .map(|o| o.symbol())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The predikat codes: `SB, B, BP, K, SK`.
fn predikat_codes() -> String {
    Predikat::ALL.map(|p| p.code()).join(", ")
}

/// The predikat names as a filter takes them: `"sangat baik", "baik", ...`.
fn predikat_names_quoted() -> String {
    Predikat::ALL
        .map(|p| format!("\"{}\"", p.name().to_lowercase()))
        .join(", ")
}

/// Pick an item of the strings module in a language:
/// `tr!(lang, cli::NO_MATCH)` or `tr!(lang, filter::error(&e))`; a table of
/// labels by reference: `tr!(lang, &cli::SHOW)` (a `&'static` item).
#[macro_export]
macro_rules! tr {
    ($lang:expr, & $($path:tt)+) => {
        match $lang {
            $crate::lang::Lang::Id => &$crate::strings::id::$($path)+,
            $crate::lang::Lang::En => &$crate::strings::en::$($path)+,
        }
    };
    ($lang:expr, $($path:tt)+) => {
        match $lang {
            $crate::lang::Lang::Id => $crate::strings::id::$($path)+,
            $crate::lang::Lang::En => $crate::strings::en::$($path)+,
        }
    };
}
