//! The language of every text: Bahasa Indonesia (the default) or English.
//! A leaf: it names nothing else in the crate, so every layer may use it.

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
