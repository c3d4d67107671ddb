//! The shapes of the texts the committee screen picks by a value of its own
//! (a column, a key context, a command, a form field): one struct a kind,
//! filled once per language in `id/` and `en/`. The `match` over the app's
//! value is written once, in the app; `strings` names no type above it.

use super::Lang;

/// A value of a layer above `strings` that says itself in a language (the
/// app implements it; `strings` only passes the language on).
pub trait Said {
    fn said(&self, lang: Lang) -> String;
}

/// The candidate table's column headers.
pub struct ColumnNames {
    pub nip: &'static str,
    pub nama: &'static str,
    pub jabatan: &'static str,
    pub unit: &'static str,
    pub golongan: &'static str,
    pub kinerja: &'static str,
    pub potensi: &'static str,
    pub kotak: &'static str,
}

/// The help's title of each key context.
pub struct ContextTitles {
    pub global: &'static str,
    pub table: &'static str,
    pub grid: &'static str,
    pub profile: &'static str,
    pub positions: &'static str,
    pub shortlist: &'static str,
    pub compare: &'static str,
    pub help: &'static str,
    pub prompt: &'static str,
    pub session: &'static str,
    pub form: &'static str,
}

/// What each command does, by context where it differs (`session_up`: up in
/// the session panel; `up`: up anywhere else).
pub struct KeyHelp {
    pub session_up: &'static str,
    pub session_down: &'static str,
    pub session_left: &'static str,
    pub session_right: &'static str,
    pub session_open: &'static str,
    pub form_accept: &'static str,
    pub form_cancel: &'static str,
    pub form_down: &'static str,
    pub form_up: &'static str,
    pub form_cursor_left: &'static str,
    pub form_cursor_right: &'static str,
    pub sessions: &'static str,
    pub decide: &'static str,
    pub recuse: &'static str,
    pub discussed: &'static str,
    pub new_session: &'static str,
    pub attend: &'static str,
    pub amend: &'static str,
    pub close_session: &'static str,
    pub reopen: &'static str,
    pub minutes: &'static str,
    pub next_field: &'static str,
    pub prev_field: &'static str,
    pub quit: &'static str,
    pub help: &'static str,
    pub filter: &'static str,
    pub jump: &'static str,
    pub grid: &'static str,
    pub positions: &'static str,
    pub mark: &'static str,
    pub compare: &'static str,
    /// The eligibility conditions of a candidate (shortlist and compare).
    pub conditions: &'static str,
    pub positions_open: &'static str,
    pub positions_back: &'static str,
    pub positions_up: &'static str,
    pub positions_down: &'static str,
    pub shortlist_up: &'static str,
    pub shortlist_down: &'static str,
    pub shortlist_open: &'static str,
    pub shortlist_back: &'static str,
    pub compare_back: &'static str,
    pub lang: &'static str,
    pub grid_up: &'static str,
    pub grid_down: &'static str,
    pub grid_left: &'static str,
    pub grid_right: &'static str,
    pub table_up: &'static str,
    pub table_down: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    pub grid_open: &'static str,
    pub open: &'static str,
    pub table_back: &'static str,
    pub grid_back: &'static str,
    pub help_back: &'static str,
    pub back: &'static str,
    pub sort: &'static str,
    pub sort_reverse: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub accept: &'static str,
    pub cancel: &'static str,
    pub next_match: &'static str,
    pub cursor_left: &'static str,
    pub cursor_right: &'static str,
    pub line_start: &'static str,
    pub line_end: &'static str,
    pub delete_back: &'static str,
    pub delete_forward: &'static str,
    pub delete_word: &'static str,
    pub clear_line: &'static str,
}

/// The labels of the session forms' fields.
pub struct FieldNames {
    pub title: &'static str,
    pub date: &'static str,
    pub members: &'static str,
    pub quorum: &'static str,
    pub agenda: &'static str,
    pub kind: &'static str,
    pub position: &'static str,
    pub grounds: &'static str,
    pub votes: &'static str,
    pub member: &'static str,
    pub reason: &'static str,
    pub format: &'static str,
    pub path: &'static str,
}

/// Short names of the session panel's actions (its hint line).
pub struct ActionNames {
    pub new_session: &'static str,
    pub attend: &'static str,
    pub decide: &'static str,
    pub recuse: &'static str,
    pub discussed: &'static str,
    pub amend: &'static str,
    pub close_session: &'static str,
    pub reopen: &'static str,
    pub minutes: &'static str,
}
