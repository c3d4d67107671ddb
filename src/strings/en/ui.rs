//! The committee screen (TUI) text, English.

use crate::domain::Kinerja;
use crate::strings::texts::{ColumnNames, ContextTitles, KeyHelp};

pub const APP: &str = "talenta";
pub const VIEW_TABLE: &str = "Table";
pub const VIEW_GRID: &str = "9-box";
pub const VIEW_PROFILE: &str = "Profile";

pub fn as_of(date: &str) -> String {
    format!("as of {date}")
}

pub const COLUMNS: ColumnNames = ColumnNames {
    nip: "NIP",
    nama: "Name",
    jabatan: "Position",
    unit: "Unit",
    golongan: "Grade",
    kinerja: "Perf.",
    potensi: "Potential",
    kotak: "Box",
};

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

pub fn profile_not_found(nip: &str) -> String {
    format!("NIP {nip} is no longer in the database")
}

pub fn profile_failed(e: &str) -> String {
    format!("the profile could not be loaded: {e}")
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

pub const CONTEXTS: ContextTitles = ContextTitles {
    global: "On every screen",
    table: "Candidate table",
    grid: "9-box grid",
    profile: "Profile",
    positions: "Positions",
    shortlist: "Shortlist of a position",
    compare: "Comparing candidates",
    help: "This help",
    prompt: "While typing a filter or a jump",
    session: "Committee session panel",
    form: "In a session form",
};

pub const KEY_HELP: KeyHelp = KeyHelp {
    session_up: "previous session, member or recommendation",
    session_down: "next session, member or recommendation",
    session_left: "previous part (sessions, members, recommendations)",
    session_right: "next part (sessions, members, recommendations)",
    session_open: "sessions: make active; members: mark present; recommendations: amend",
    form_accept: "save (in the members field: a new line)",
    form_cancel: "cancel (nothing is recorded)",
    form_down: "next line or field",
    form_up: "previous line or field",
    form_cursor_left: "cursor left; previous choice",
    form_cursor_right: "cursor right; next choice",
    sessions: "committee session panel (open / close)",
    decide: "record the committee's recommendation for the selected candidate",
    recuse: "a member steps aside for the selected candidate",
    discussed: "mark the selected candidate as discussed",
    new_session: "new session",
    attend: "mark the selected member present",
    amend: "amend the selected recommendation (a new version)",
    close_session: "close the session (read-only from then on)",
    reopen: "reopen the closed session (reason required)",
    minutes: "write the minutes (md, csv, json, docx)",
    next_field: "next field",
    prev_field: "previous field",
    quit: "quit",
    help: "this help",
    filter: "type a filter (table and 9-box follow it)",
    jump: "jump to a NIP or a name",
    grid: "switch table / 9-box",
    positions: "positions: vacant and retiring first",
    mark: "mark / unmark for comparison (2 to 6)",
    compare: "compare the marked candidates side by side",
    conditions: "show / hide the eligibility conditions with their articles",
    positions_open: "shortlist of this position",
    positions_back: "back to the table",
    positions_up: "previous position",
    positions_down: "next position",
    shortlist_up: "previous candidate",
    shortlist_down: "next candidate",
    shortlist_open: "profile against this position",
    shortlist_back: "back to the positions",
    compare_back: "back to the shortlist",
    lang: "switch language (Indonesia / English)",
    grid_up: "box above",
    grid_down: "box below",
    grid_left: "box to the left",
    grid_right: "box to the right",
    table_up: "previous row",
    table_down: "next row",
    up: "scroll up",
    down: "scroll down",
    left: "left",
    right: "right",
    page_up: "one page up",
    page_down: "one page down",
    top: "to the start",
    bottom: "to the end",
    grid_open: "list this box's candidates",
    open: "open the candidate's profile",
    table_back: "from one box's list back to the 9-box",
    grid_back: "back to the table",
    help_back: "close the help",
    back: "back to the table",
    sort: "sort by the next column",
    sort_reverse: "reverse the sort",
    next: "next candidate's profile",
    previous: "previous candidate's profile",
    accept: "done (the filter stays)",
    cancel: "cancel (back to where you were)",
    next_match: "jump: next match",
    cursor_left: "cursor left",
    cursor_right: "cursor right",
    line_start: "cursor to the start",
    line_end: "cursor to the end",
    delete_back: "delete the character before the cursor",
    delete_forward: "delete the character at the cursor",
    delete_word: "delete the word before the cursor",
    clear_line: "clear the input",
};

pub const HELP_TYPING: &str = "other keys are typed into the input";
pub const HELP_CONFIG: &str =
    "Keys can be changed in the config file's [keys] section (see docs/keys.md).";

pub fn too_small(w: u16, h: u16) -> String {
    format!("Terminal too small. Enlarge the window (min. {w}×{h}).")
}

pub const KEYS_INVALID: &str = "the [keys] section of the config file is not valid";

pub fn unknown_action(s: &str) -> String {
    format!("'{s}': not an action name (e.g. quit, filter, grid, table.up; see docs/keys.md)")
}

pub fn not_in_context(entry: &str) -> String {
    format!("'{entry}': that action does not exist on that screen")
}

pub fn bad_chord(entry: &str, chord: &str) -> String {
    format!("'{entry}': '{chord}' is not a key (e.g. q, G, ctrl-c, enter, pagedown, f1)")
}

pub fn no_keys(entry: &str) -> String {
    format!("'{entry}': needs at least one key")
}

/// A chord bound twice on one screen (`context`): to `first` and `second`.
pub fn key_twice(chord: &str, context: &str, first: &str, second: &str) -> String {
    format!("key '{chord}' is used twice on the {context} screen: {first} and {second}")
}

pub fn key_shadows(chord: &str, context: &str, own: &str, global: &str) -> String {
    format!(
        "key '{chord}' of {own} on the {context} screen hides the session key {global}: \
         every session key works the same on every screen; choose another key"
    )
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

/// The question at the start of the local screen: who is at the keyboard.
pub const ASK_NAME_TITLE: &str = "Who is at the keyboard?";
pub fn ask_name_note(os_user: &str) -> String {
    format!("Your name is recorded with every session change made on this screen, together with the OS user ({os_user}). Kept in the config file (secretary); asked once.")
}
pub const ASK_NAME_LABEL: &str = "Name";
pub fn ask_name_hint(save: &str, skip: &str, os_user: &str) -> String {
    format!("{save} save · {skip} skip (recorded as {os_user})")
}
/// The config's `secretary`, in an error.
pub const WHAT_SECRETARY: &str = "the secretary's name (secretary in the config file)";
