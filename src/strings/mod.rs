//! Every user-facing text, one folder per language: `id/` (Bahasa Indonesia,
//! the default) and `en/` (English). Each area has a file of the same name in
//! both folders with the same items; [`tr!`](crate::tr) picks the language.

pub mod en;
pub mod id;
pub mod texts;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "ind" | "indonesia" | "indonesian" => Some(Lang::Id),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// From a POSIX locale value such as `id_ID.UTF-8` or `en_US.UTF-8`.
    pub fn from_locale(s: &str) -> Option<Lang> {
        let head = s.split(['_', '.', '-', '@']).next().unwrap_or("");
        Lang::parse(head)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn toggle(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

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
    pub none: &'static str,
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

/// Pick an item of the strings module in a language:
/// `tr!(lang, cli::NO_MATCH)` or `tr!(lang, filter::error(&e))`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $($path:tt)+) => {
        match $lang {
            $crate::strings::Lang::Id => $crate::strings::id::$($path)+,
            $crate::strings::Lang::En => $crate::strings::en::$($path)+,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_values() {
        assert_eq!(Lang::from_locale("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
    }
}
