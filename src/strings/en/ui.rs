//! The committee screen (TUI) text, English.

use crate::app::keymap::{Cmd, Context, KeyError};
use crate::app::sort::Column;
use crate::app::Notice;
use crate::domain::Kinerja;

pub const APP: &str = "talenta";
pub const VIEW_TABLE: &str = "Table";
pub const VIEW_GRID: &str = "9-box";
pub const VIEW_PROFILE: &str = "Profile";

pub fn as_of(date: &str) -> String {
    format!("as of {date}")
}

pub fn column(c: Column) -> &'static str {
    match c {
        Column::Nip => "NIP",
        Column::Nama => "Name",
        Column::Jabatan => "Position",
        Column::Unit => "Unit",
        Column::Golongan => "Grade",
        Column::Kinerja => "Perf.",
        Column::Potensi => "Potential",
        Column::Kotak => "Box",
    }
}

pub const LOADING: &str = "Loading the talent pool…";
pub const EMPTY_POOL: &str =
    "The talent pool is empty. Fill it with 'talenta demo' or 'talenta import FOLDER'.";
pub const NO_MATCHES: &str = "No employee matches this filter.";

pub fn load_failed(e: &str) -> String {
    format!("The talent pool could not be loaded: {e}")
}

pub fn count(shown: usize, total: usize) -> String {
    format!("{shown} of {total}")
}

pub const FILTER: &str = "Filter";
pub const ALL: &str = "all";

pub fn sort_by(column: &str, arrow: &str) -> String {
    format!("sort: {column} {arrow}")
}

pub fn box_n(b: u8) -> String {
    format!("box {b}")
}

pub const HELP_HINT: &str = "help";
pub const BUSY: &str = "working…";
pub const PROMPT_FILTER: &str = "Filter: ";
pub const PROMPT_JUMP: &str = "Jump to: ";
pub const NOT_FOUND: &str = "not found";

pub fn filter_error(column: usize, message: &str) -> String {
    format!("column {column}: {message}")
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::ProfileNotFound(nip) => format!("NIP {nip} is no longer in the database"),
        Notice::Session(s) => super::session_ui::note(s),
        Notice::ProfileFailed(e) => format!("the profile could not be loaded: {e}"),
        Notice::MarkLimit => crate::strings::en::positions::MARK_LIMIT.to_string(),
        Notice::CompareNeedsTwo => crate::strings::en::positions::COMPARE_NEEDS_TWO.to_string(),
    }
}

pub const KINERJA_AXIS: &str = "Performance";
pub const POTENSI_AXIS: &str = "Potential";

pub fn kinerja_short(k: Kinerja) -> &'static str {
    match k {
        Kinerja::DiAtas => "above",
        Kinerja::Sesuai => "meets",
        Kinerja::DiBawah => "below",
    }
}

pub const NO_BOX: &str = "no box";
pub const TALENT_POOL_LEGEND: &str = "talent pool (boxes 7–9)";
pub const GRID_HINT: &str = "Enter: list candidates";

pub fn box_title(b: u8) -> String {
    format!("Box {b}")
}

/// The usual action for each box (domain.md).
pub fn box_action(b: u8) -> &'static str {
    match b {
        9 => "promote and retain; succession group (KRS); reward",
        8 => "retain; KRS; rotation / job enlargement; performance coaching",
        7 => "retain; KRS; rotation / job enrichment; competency development",
        6 => "fitting placement; performance coaching and counselling",
        5 => "fitting placement; coaching; competency development",
        4 => "rotation; competency development",
        3 => "coaching, counselling, competency development, fitting placement",
        2 => "coaching, competency development, fitting placement",
        1 => "handled under the disciplinary/performance regulations",
        _ => "",
    }
}

pub const RECORD: &str = "Record";
pub const INSTANSI: &str = "Agency";
pub const TIER: &str = "Tier";

pub fn retires_in(years: u32) -> String {
    format!("in {years} years")
}

pub const RETIRED: &str = "retirement age reached";
pub const NOT_ASSESSED: &str = "not assessed";
pub const LEVEL: &str = "level";

pub fn training_target(jp: u32) -> String {
    format!("target {jp} JP a year")
}

pub fn jp_short(n: u32) -> String {
    format!("{n} JP short")
}

/// Lesson hours against the yearly target (`12/20 JP`).
pub fn jp_of(jp: u32, target: u32) -> String {
    format!("{jp}/{target} JP")
}

/// Lesson hours of one course.
pub fn jp(jp: u32) -> String {
    format!("{jp} JP")
}

pub const JP_MET: &str = "met";
pub const NO_RECORDS: &str = "no data yet";

pub const HELP_TITLE: &str = "Key help";

pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "On every screen",
        Context::Table => "Candidate table",
        Context::Grid => "9-box grid",
        Context::Profile => "Profile",
        Context::Positions => "Positions",
        Context::Shortlist => "Shortlist of a position",
        Context::Compare => "Comparing candidates",
        Context::Help => "This help",
        Context::Prompt => "While typing a filter or a jump",
        Context::Session => "Committee session panel",
        Context::Form => "In a session form",
    }
}

pub fn cmd_help(ctx: Context, cmd: Cmd) -> &'static str {
    match (ctx, cmd) {
        (Context::Session, Cmd::Up) => "previous session, member or decision",
        (Context::Session, Cmd::Down) => "next session, member or decision",
        (Context::Session, Cmd::Left) => "previous part (sessions, members, decisions)",
        (Context::Session, Cmd::Right) => "next part (sessions, members, decisions)",
        (Context::Session, Cmd::Open) => {
            "sessions: make active; members: mark present; decisions: amend"
        }
        (Context::Form, Cmd::Accept) => "save (in the members field: a new line)",
        (Context::Form, Cmd::Cancel) => "cancel (nothing is recorded)",
        (Context::Form, Cmd::Down) => "next line or field",
        (Context::Form, Cmd::Up) => "previous line or field",
        (Context::Form, Cmd::CursorLeft) => "cursor left; previous choice",
        (Context::Form, Cmd::CursorRight) => "cursor right; next choice",
        (_, Cmd::Sessions) => "committee session panel (open / close)",
        (_, Cmd::Decide) => "record a decision for the selected candidate",
        (_, Cmd::Recuse) => "a member steps aside for the selected candidate",
        (_, Cmd::Discussed) => "mark the selected candidate as discussed",
        (_, Cmd::NewSession) => "new session",
        (_, Cmd::Attend) => "mark the selected member present",
        (_, Cmd::Amend) => "amend the selected decision (a new version)",
        (_, Cmd::CloseSession) => "close the session (read-only from then on)",
        (_, Cmd::Reopen) => "reopen the closed session (reason required)",
        (_, Cmd::Minutes) => "write the minutes (md, csv, json, docx)",
        (_, Cmd::NextField) => "next field",
        (_, Cmd::PrevField) => "previous field",
        (_, Cmd::Quit) => "quit",
        (_, Cmd::Help) => "this help",
        (_, Cmd::Filter) => "type a filter (table and 9-box follow it)",
        (_, Cmd::Jump) => "jump to a NIP or a name",
        (_, Cmd::Grid) => "switch table / 9-box",
        (_, Cmd::Positions) => "positions: vacant and retiring first",
        (_, Cmd::Mark) => "mark / unmark for comparison (2 to 6)",
        (_, Cmd::Compare) => "compare the marked candidates side by side",
        (Context::Positions, Cmd::Open) => "shortlist of this position",
        (Context::Positions, Cmd::Back) => "back to the table",
        (Context::Positions, Cmd::Up) => "previous position",
        (Context::Positions, Cmd::Down) => "next position",
        (Context::Shortlist, Cmd::Up) => "previous candidate",
        (Context::Shortlist, Cmd::Down) => "next candidate",
        (Context::Shortlist, Cmd::Open) => "profile against this position",
        (Context::Shortlist, Cmd::Back) => "back to the positions",
        (Context::Compare, Cmd::Back) => "back to the shortlist",
        (_, Cmd::Lang) => "switch language (Indonesia / English)",
        (Context::Grid, Cmd::Up) => "box above",
        (Context::Grid, Cmd::Down) => "box below",
        (Context::Grid, Cmd::Left) => "box to the left",
        (Context::Grid, Cmd::Right) => "box to the right",
        (Context::Table, Cmd::Up) => "previous row",
        (Context::Table, Cmd::Down) => "next row",
        (_, Cmd::Up) => "scroll up",
        (_, Cmd::Down) => "scroll down",
        (_, Cmd::Left) => "left",
        (_, Cmd::Right) => "right",
        (_, Cmd::PageUp) => "one page up",
        (_, Cmd::PageDown) => "one page down",
        (_, Cmd::Top) => "to the start",
        (_, Cmd::Bottom) => "to the end",
        (Context::Grid, Cmd::Open) => "list this box's candidates",
        (_, Cmd::Open) => "open the candidate's profile",
        (Context::Table, Cmd::Back) => "from one box's list back to the 9-box",
        (Context::Grid, Cmd::Back) => "back to the table",
        (Context::Help, Cmd::Back) => "close the help",
        (_, Cmd::Back) => "back to the table",
        (_, Cmd::Sort) => "sort by the next column",
        (_, Cmd::SortReverse) => "reverse the sort",
        (_, Cmd::Next) => "next candidate's profile",
        (_, Cmd::Previous) => "previous candidate's profile",
        (_, Cmd::Accept) => "done (the filter stays)",
        (_, Cmd::Cancel) => "cancel (back to where you were)",
        (_, Cmd::NextMatch) => "jump: next match",
        (_, Cmd::CursorLeft) => "cursor left",
        (_, Cmd::CursorRight) => "cursor right",
        (_, Cmd::LineStart) => "cursor to the start",
        (_, Cmd::LineEnd) => "cursor to the end",
        (_, Cmd::DeleteBack) => "delete the character before the cursor",
        (_, Cmd::DeleteForward) => "delete the character at the cursor",
        (_, Cmd::DeleteWord) => "delete the word before the cursor",
        (_, Cmd::ClearLine) => "clear the input",
    }
}

pub const HELP_TYPING: &str = "other keys are typed into the input";
pub const HELP_CONFIG: &str =
    "Keys can be changed in the config file's [keys] section (see docs/keys.md).";

pub fn too_small(w: u16, h: u16) -> String {
    format!("Terminal too small. Enlarge the window (min. {w}×{h}).")
}

pub const KEYS_INVALID: &str = "the [keys] section of the config file is not valid";

pub fn key_error(e: &KeyError) -> String {
    match e {
        KeyError::UnknownAction(s) => format!(
            "'{s}': not an action name (e.g. quit, filter, grid, table.up; see docs/keys.md)"
        ),
        KeyError::NotInContext { entry } => {
            format!("'{entry}': that action does not exist on that screen")
        }
        KeyError::BadChord { entry, chord } => {
            format!("'{entry}': '{chord}' is not a key (e.g. q, G, ctrl-c, enter, pagedown, f1)")
        }
        KeyError::Empty { entry } => format!("'{entry}': needs at least one key"),
        KeyError::Conflict {
            context,
            chord,
            first,
            second,
        } => format!(
            "key '{chord}' is used twice on the {} screen: {} and {}",
            context.name(),
            first.name(),
            second.name()
        ),
    }
}

pub fn theme_unknown(name: &str) -> String {
    format!("unknown theme '{name}'; choose default or mono")
}

pub const NOT_A_TERMINAL: &str =
    "the committee screen needs a terminal; for scripts use 'talenta query' or 'talenta show'";

pub fn terminal_failed(e: &str) -> String {
    format!("the terminal could not be set up or restored: {e}")
}

pub const WORKER_CRASHED: &str = "internal error in the filter; the committee screen was closed";

pub const INPUT_CRASHED: &str =
    "internal error while reading keys; the committee screen was closed";

pub fn stopped_by(signal: &str) -> String {
    format!("the committee screen was closed by {signal}; the terminal is restored")
}
