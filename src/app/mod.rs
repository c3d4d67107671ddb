//! The committee screen's state machine: no terminal I/O, no drawing.
//!
//! The terminal loop (`crate::tui`) turns key presses and worker results into
//! [`Action`]s and calls [`App::step`]; `crate::ui` draws the state. Tests do
//! the same with a `TestBackend`.

pub mod access;
pub mod filtering;
pub mod input;
pub mod keymap;
pub mod marks;
pub mod nav;
pub mod positions;
pub mod profile;
pub mod scroll;
pub mod session;
pub mod sort;
pub mod texts;

use crate::domain::filter::{self, FilterError};
use crate::domain::fold;
use crate::domain::nine_box::{grid_pos, GRID};
use crate::domain::{Candidate, Pool, Position};
use crate::store::profile::Profile;
use crate::strings::Lang;
use filtering::{Failure, Filtering, Matches, Outcome, Query, Shortlist};
use input::LineInput;
pub use keymap::{Chord, Cmd, Context, Key, KeyMap};
pub use marks::Marks;
pub use nav::Crumb;
pub use positions::{PositionRows, PositionsView, ShortlistView, COMPARE_MAX};
pub use profile::ProfileSource;
use scroll::Scroll;
use session::{SessionNote, Sessions};
use std::sync::Arc;

/// The main screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Table,
    Grid,
    Profile,
    Positions,
    Shortlist,
    Compare,
    /// The committee-session panel.
    Session,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: the filter, applied as it is typed.
    Filter,
    /// Quick jump: moves the cursor to a NIP prefix or part of a name.
    Jump,
}

/// An open prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    /// The filter's error at the current text (the last good result stays shown).
    pub error: Option<FilterError>,
    /// Quick jump found nothing for the current text.
    pub not_found: bool,
    /// What cancelling restores: the filter text, or the cursor row.
    restore_text: String,
    restore_cursor: usize,
}

/// Something to tell the user once, in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    ProfileNotFound(String),
    ProfileFailed(String),
    Session(SessionNote),
    /// A seventh candidate was marked for comparison.
    MarkLimit,
    /// Compare asked for with fewer than two marked.
    CompareNeedsTwo,
}

/// Whether the pool is there yet.
#[derive(Debug, Clone)]
pub enum Load {
    Loading,
    Ready(Arc<Pool>),
    Failed(String),
}

/// A fatal condition that ends the program with an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    WorkerCrashed,
}

/// The profile screen's state.
pub struct ProfileView {
    pub profile: Box<Profile>,
    pub scroll: Scroll,
}

/// What the app can be fed.
#[derive(Debug, Clone)]
pub enum Action {
    /// A key press, looked up in the key map for the current screen.
    Key(Chord),
    /// A command, as if its key had been pressed.
    Cmd(Cmd),
    /// Text pasted into the terminal.
    Paste(String),
    /// The terminal changed size.
    Resize,
    Filtered(Outcome),
    PoolLoaded(Arc<Pool>),
    PoolFailed(String),
    /// The positions and their requirements (loaded with the pool).
    PositionsLoaded(Arc<Vec<Position>>),
    /// The poll for changes by other connections (every ~500 ms).
    Tick,
}

/// The app's settings at start.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    pub keymap: KeyMap,
}

pub struct App {
    pub lang: Lang,
    /// The zone people read times in (the config's `agency.zone`).
    pub zone: crate::domain::zone::Zone,
    pub keymap: KeyMap,
    pub load: Load,
    pub view: View,
    /// The help overlay, when open.
    pub help: Option<Scroll>,
    pub prompt: Option<Prompt>,
    /// The query of the rows on screen.
    pub shown: Query,
    /// The latest query asked for (equal to `shown` once its result arrived).
    pub wanted: Query,
    pub matches: Matches,
    pub table: Scroll,
    /// Row and column of the selected box in [`GRID`].
    pub grid: (usize, usize),
    pub profile: Option<ProfileView>,
    /// The path of screens to the one shown (`nav`): the breadcrumb, and
    /// where Back returns.
    trail: Vec<Crumb>,
    /// The position whose requirement the profile's competency bars show.
    pub profile_position: Option<usize>,
    pub positions: Option<Arc<Vec<Position>>>,
    /// The positions screen's list and the comparison's scroll.
    pub positions_view: PositionsView,
    pub shortlist: Option<ShortlistView>,
    /// Pool row indices marked for comparison, in marking order.
    pub marked: Vec<u32>,
    pub notice: Option<Notice>,
    pub fatal: Option<Fatal>,
    /// The committee-session part: panel, forms, active session.
    pub sessions: Sessions,
    /// Who is at the keyboard: the local administrator, or a member signed
    /// in by key over `talenta serve` (`domain::access`, what they may do).
    pub access: crate::domain::access::Access,
    /// The name the local screen records its writes under (`--as`, the
    /// config's `secretary`, or the answer at start), for the status line.
    pub at_keyboard: Option<String>,
    pub quit: bool,
    /// Something changed since the last draw.
    pub dirty: bool,
    generation: u64,
    applied: u64,
    /// The candidate to keep under the cursor when a reloaded pool is listed.
    keep_nip: Option<String>,
    filtering: Filtering,
    profiles: Box<dyn ProfileSource>,
}

impl App {
    pub fn new(opts: Options, filtering: Filtering, profiles: Box<dyn ProfileSource>) -> App {
        App {
            lang: opts.lang,
            zone: crate::domain::zone::Zone::default(),
            keymap: opts.keymap,
            load: Load::Loading,
            view: View::Table,
            help: None,
            prompt: None,
            shown: Query::default(),
            wanted: Query::default(),
            matches: Matches::default(),
            table: Scroll::list(),
            grid: grid_pos(9).unwrap_or((0, 2)),
            profile: None,
            trail: vec![Crumb::Table],
            profile_position: None,
            positions: None,
            positions_view: PositionsView::default(),
            shortlist: None,
            marked: Vec::new(),
            notice: None,
            fatal: None,
            sessions: Sessions::default(),
            access: crate::domain::access::Access::Local,
            at_keyboard: None,
            quit: false,
            dirty: true,
            generation: 0,
            applied: 0,
            keep_nip: None,
            filtering,
            profiles,
        }
    }

    pub fn pool(&self) -> Option<&Arc<Pool>> {
        match &self.load {
            Load::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// A result for a newer query is still being computed.
    pub fn pending(&self) -> bool {
        self.applied != self.generation
    }

    /// The candidate at row `i` of the list on screen.
    pub fn row(&self, i: usize) -> Option<&Candidate> {
        let pool = self.pool()?;
        let idx = *self.matches.rows.get(i)?;
        pool.rows.get(idx as usize)
    }

    /// The candidate under the cursor.
    pub fn current(&self) -> Option<&Candidate> {
        self.row(self.table.cursor)
    }

    /// The box selected on the grid.
    pub fn selected_box(&self) -> u8 {
        GRID[self.grid.0][self.grid.1]
    }

    /// The key context of the current screen.
    pub fn context(&self) -> Context {
        if self.prompt.is_some() {
            Context::Prompt
        } else if let Some(c) = self.session_context() {
            c
        } else if self.help.is_some() {
            Context::Help
        } else {
            match self.view {
                View::Table => Context::Table,
                View::Grid => Context::Grid,
                View::Profile => Context::Profile,
                View::Positions => Context::Positions,
                View::Shortlist => Context::Shortlist,
                View::Compare => Context::Compare,
                View::Session => Context::Session,
            }
        }
    }

    pub fn step(&mut self, action: Action) {
        match action {
            Action::Key(chord) => self.key(chord),
            Action::Cmd(cmd) => self.command(cmd),
            Action::Paste(text) => {
                if self.prompt.is_some() {
                    // One pass over the paste, however long (input::insert_str).
                    let mut changed = false;
                    if let Some(p) = self.prompt.as_mut() {
                        changed = p.input.insert_str(&text.replace('\n', " ")).inserted > 0;
                    }
                    if changed {
                        self.prompt_edited();
                    }
                    self.dirty = true;
                } else {
                    self.form_paste(&text);
                }
            }
            Action::Resize => self.dirty = true,
            Action::Filtered(o) => self.apply(o),
            Action::PoolLoaded(pool) => {
                self.keep_nip = self.current().map(|c| c.nip.to_string());
                self.remap_marked(&pool);
                if let Some(s) = self.shortlist.as_mut() {
                    // Rows of the old pool: ranked again with this one.
                    s.rows = Shortlist::default();
                    s.pending = true;
                }
                self.load = Load::Ready(pool);
                self.list_positions();
                self.request();
                self.dirty = true;
            }
            Action::PositionsLoaded(p) => {
                self.reopen_shortlist(&p);
                self.positions = Some(p);
                self.list_positions();
                self.dirty = true;
            }
            Action::PoolFailed(e) => {
                if matches!(self.load, Load::Ready(_)) {
                    // A reload after a change failed: keep the pool on screen.
                    let p = session::backend::Problem::Failed(e);
                    self.notice = Some(Notice::Session(SessionNote::Problem(p)));
                } else {
                    self.load = Load::Failed(e);
                }
                self.dirty = true;
            }
            Action::Tick => self.tick(),
        }
    }

    fn key(&mut self, chord: Chord) {
        let ctx = self.context();
        if let Some(cmd) = self.keymap.lookup(ctx, chord) {
            self.command(cmd);
        } else if chord.alt && !chord.ctrl {
            // Esc and the next key in one read (a fast typist, a slow SSH
            // link) arrive as alt-key: take them as the two keys they were.
            self.key(Chord::plain(Key::Esc));
            self.key(Chord {
                alt: false,
                ..chord
            });
        } else if ctx == Context::Prompt {
            if let Some(c) = chord.typed_char() {
                if self.prompt.as_mut().is_some_and(|p| p.input.insert(c)) {
                    self.prompt_edited();
                    self.dirty = true;
                }
            }
        } else if ctx == Context::Form {
            if let Some(c) = chord.typed_char() {
                self.form_type(c);
            }
        }
    }

    fn command(&mut self, cmd: Cmd) {
        self.notice = None;
        self.dirty = true;
        let ctx = self.context();
        // A command the role may not take opens nothing and writes nothing.
        if !self.permitted(ctx, cmd) {
            return;
        }
        // A screen's own commands first; what it does not handle is global.
        let handled = match ctx {
            Context::Prompt => {
                self.prompt_command(cmd);
                true
            }
            Context::Form => {
                self.form_command(cmd);
                true
            }
            Context::Help => self.help_command(cmd),
            Context::Table => self.table_command(cmd),
            Context::Grid => self.grid_command(cmd),
            Context::Profile => self.profile_command(cmd),
            Context::Positions => self.positions_command(cmd),
            Context::Shortlist => self.shortlist_command(cmd),
            Context::Compare => self.compare_command(cmd),
            Context::Session => self.session_command(cmd),
            Context::Outcomes => self.awaiting_command(cmd),
            Context::Vote => self.vote_command(cmd),
            Context::Global => false,
        };
        if !handled {
            self.global(cmd);
        }
    }

    fn global(&mut self, cmd: Cmd) {
        match cmd {
            Cmd::Quit => self.quit = true,
            Cmd::Help => {
                self.help = match self.help {
                    Some(_) => None,
                    None => Some(Scroll::text()),
                }
            }
            Cmd::Filter => {
                self.help = None;
                let text = self.wanted.text.clone();
                self.prompt = Some(Prompt {
                    kind: PromptKind::Filter,
                    input: LineInput::new(&text),
                    error: None,
                    not_found: false,
                    restore_text: text,
                    restore_cursor: self.table.cursor,
                });
            }
            Cmd::Jump => {
                self.help = None;
                // On a shortlist the jump looks in the shortlist (the list
                // stays, Esc goes back as before); elsewhere in the table.
                if self.view != View::Table && self.jump_list().is_none() {
                    self.section(Crumb::Table);
                }
                let restore_cursor = match self.jump_list() {
                    Some(s) => s.cursor.cursor,
                    None => self.table.cursor,
                };
                self.prompt = Some(Prompt {
                    kind: PromptKind::Jump,
                    input: LineInput::default(),
                    error: None,
                    not_found: false,
                    restore_text: String::new(),
                    restore_cursor,
                });
            }
            Cmd::Grid => {
                self.help = None;
                if self.view == View::Grid {
                    self.back();
                } else {
                    // Leaving a box's list selects that box on the grid.
                    self.section(Crumb::Grid);
                }
            }
            Cmd::Lang => self.lang = self.lang.toggle(),
            Cmd::Positions => self.section(Crumb::Positions),
            _ => self.session_global(cmd),
        }
    }

    fn help_command(&mut self, cmd: Cmd) -> bool {
        let Some(s) = self.help.as_mut() else {
            return false;
        };
        if s.command(cmd, 0) {
            return true;
        }
        match cmd {
            Cmd::Back => self.help = None,
            _ => return false,
        }
        true
    }

    fn table_command(&mut self, cmd: Cmd) -> bool {
        if self.table.command(cmd, self.matches.rows.len()) {
            return true;
        }
        match cmd {
            Cmd::Open => self.open_profile(),
            Cmd::Sort => {
                self.wanted.sort.column = self.wanted.sort.column.next();
                self.wanted.sort.descending = false;
                self.request();
            }
            Cmd::SortReverse => {
                self.wanted.sort.descending = !self.wanted.sort.descending;
                self.request();
            }
            // Out of a box's list, back to the grid.
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    fn grid_command(&mut self, cmd: Cmd) -> bool {
        let (r, c) = self.grid;
        match cmd {
            Cmd::Up => self.grid = (r.saturating_sub(1), c),
            Cmd::Down => self.grid = ((r + 1).min(2), c),
            Cmd::Left => self.grid = (r, c.saturating_sub(1)),
            Cmd::Right => self.grid = (r, (c + 1).min(2)),
            Cmd::Open => {
                let b = self.selected_box();
                self.set_box(Some(b));
                self.go(Crumb::Box(b));
            }
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    fn profile_command(&mut self, cmd: Cmd) -> bool {
        let Some(p) = self.profile.as_mut() else {
            return false;
        };
        if p.scroll.command(cmd, 0) {
            return true;
        }
        match cmd {
            Cmd::Next | Cmd::Previous => {
                let delta = if cmd == Cmd::Next { 1 } else { -1 };
                if self.profile_from() == View::Shortlist {
                    if let Some(s) = self.shortlist.as_mut() {
                        let before = s.cursor.cursor;
                        s.cursor.by(delta, s.rows.len());
                        if s.cursor.cursor != before {
                            self.open_shortlisted();
                        }
                    }
                } else if self.profile_from() == View::Compare {
                    self.step_compared(delta);
                } else {
                    let len = self.matches.rows.len();
                    let before = self.table.cursor;
                    self.table.by(delta, len);
                    if self.table.cursor != before {
                        self.open_profile();
                    }
                }
            }
            // Back along the path: the shortlist, the comparison, a box's list.
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    fn open_profile(&mut self) {
        let Some(nip) = self.current().map(|c| c.nip.to_string()) else {
            return;
        };
        self.profile_position = None;
        self.show_profile(nip);
    }

    /// The profile of the shortlist's selected candidate, against its position.
    fn open_shortlisted(&mut self) {
        let (Some(pool), Some(s)) = (self.pool().cloned(), self.shortlist.as_ref()) else {
            return;
        };
        let Some(c) = s
            .rows
            .get(s.cursor.cursor)
            .and_then(|(i, _)| pool.rows.get(*i as usize))
        else {
            return;
        };
        let nip = c.nip.to_string();
        self.profile_position = Some(s.position);
        self.show_profile(nip);
    }

    fn show_profile(&mut self, nip: String) {
        let Some(pool) = self.pool().cloned() else {
            return;
        };
        match self.profiles.load(&nip, &pool) {
            Ok(Some(p)) => {
                self.profile = Some(ProfileView {
                    profile: Box::new(p),
                    scroll: Scroll::text(),
                });
                self.go(Crumb::Profile);
                self.profile_opened(&nip);
            }
            Ok(None) => self.notice = Some(Notice::ProfileNotFound(nip)),
            Err(e) => self.notice = Some(Notice::ProfileFailed(e)),
        }
    }

    fn prompt_command(&mut self, cmd: Cmd) {
        let Some(p) = self.prompt.as_mut() else {
            return;
        };
        let edited = match cmd {
            Cmd::CursorLeft => {
                p.input.left();
                false
            }
            Cmd::CursorRight => {
                p.input.right();
                false
            }
            Cmd::LineStart => {
                p.input.home();
                false
            }
            Cmd::LineEnd => {
                p.input.end();
                false
            }
            Cmd::DeleteBack => p.input.delete_back(),
            Cmd::DeleteForward => p.input.delete_forward(),
            Cmd::DeleteWord => p.input.delete_word(),
            Cmd::ClearLine => p.input.clear(),
            Cmd::NextMatch => {
                if p.kind == PromptKind::Jump {
                    let text = p.input.text().to_string();
                    let from = self.table.cursor + 1;
                    self.jump(&text, from);
                }
                return;
            }
            Cmd::Accept => {
                if p.kind == PromptKind::Jump || p.error.is_none() {
                    self.prompt = None;
                }
                return;
            }
            Cmd::Cancel => {
                self.cancel_prompt();
                return;
            }
            _ => false,
        };
        if edited {
            self.prompt_edited();
        }
    }

    /// Close the prompt, restoring the filter or the cursor it started from.
    fn cancel_prompt(&mut self) {
        let Some(p) = self.prompt.take() else {
            return;
        };
        match p.kind {
            PromptKind::Filter => {
                if self.wanted.text != p.restore_text {
                    self.wanted.text = p.restore_text;
                    self.request();
                }
            }
            PromptKind::Jump => self.set_jump_cursor(p.restore_cursor),
        }
    }

    /// React to a change of the prompt's text.
    fn prompt_edited(&mut self) {
        let Some(p) = self.prompt.as_mut() else {
            return;
        };
        let text = p.input.text().to_string();
        match p.kind {
            PromptKind::Filter => match filter::parse(&text) {
                Ok(_) => {
                    p.error = None;
                    if self.wanted.text != text {
                        self.wanted.text = text;
                        self.request();
                    }
                }
                Err(e) => p.error = Some(e),
            },
            PromptKind::Jump => {
                let from = p.restore_cursor;
                self.jump(&text, from);
            }
        }
    }

    /// Move the cursor to the first row from `from` on (wrapping) whose NIP
    /// starts with `text` or whose name contains it.
    fn jump(&mut self, text: &str, from: usize) {
        let needle = text.trim().to_lowercase();
        let shortlist = self.jump_list();
        let len = match shortlist {
            Some(s) => s.rows.len(),
            None => self.matches.rows.len(),
        };
        let candidate = |i: usize| match shortlist {
            Some(s) => s
                .rows
                .get(i)
                .and_then(|r| self.pool()?.rows.get(r.0 as usize)),
            None => self.row(i),
        };
        let found = if needle.is_empty() || len == 0 {
            None
        } else {
            (0..len).map(|k| (from + k) % len).find(|&i| {
                candidate(i)
                    .is_some_and(|c| c.nip.starts_with(&needle) || fold::contains(&c.nama, &needle))
            })
        };
        let restore = self.prompt.as_ref().map(|p| p.restore_cursor);
        let at = match found {
            Some(i) => Some(i),
            None if needle.is_empty() => Some(restore.unwrap_or(0)),
            None => None,
        };
        if let Some(i) = at {
            self.set_jump_cursor(i);
        }
        if let Some(p) = self.prompt.as_mut() {
            p.not_found = found.is_none() && !needle.is_empty();
        }
    }

    /// The shortlist a quick jump looks in: the one on screen; `None` when
    /// the jump is in the table. (The view does not change while the
    /// prompt is open, so this is the same from `:` to Enter or Esc.)
    fn jump_list(&self) -> Option<&positions::ShortlistView> {
        self.shortlist
            .as_ref()
            .filter(|_| self.view == View::Shortlist)
    }

    /// Put the quick jump's cursor on row `i` of the list it looks in.
    fn set_jump_cursor(&mut self, i: usize) {
        match self
            .shortlist
            .as_mut()
            .filter(|_| self.view == View::Shortlist)
        {
            Some(s) => {
                let len = s.rows.len();
                s.cursor.set(i, len);
            }
            None => {
                let len = self.matches.rows.len();
                self.table.set(i, len);
            }
        }
    }

    fn set_box(&mut self, b: Option<u8>) {
        if self.wanted.box_only != b {
            self.wanted.box_only = b;
            self.request();
        }
    }

    /// Ask for the rows of `wanted`.
    fn request(&mut self) {
        let Load::Ready(pool) = &self.load else {
            return;
        };
        let pool = pool.clone();
        self.generation += 1;
        let generation = self.generation;
        let mut query = self.wanted.clone();
        if !self.shortlist_in_use() {
            // Rank only while someone looks at the shortlist.
            query.shortlist = None;
        } else if let Some(s) = self.shortlist.as_mut() {
            s.pending = true;
        }
        match &mut self.filtering {
            Filtering::Sync(engine) => {
                let result = engine
                    .run(&pool, &query, &|| false)
                    .expect("a run that is never cancelled finishes")
                    .map_err(Failure::Filter);
                self.apply(Outcome {
                    generation,
                    query,
                    result,
                });
            }
            Filtering::Background(worker) => worker.submit(generation, pool, query),
        }
    }

    /// Take a result; results of superseded queries are dropped.
    fn apply(&mut self, o: Outcome) {
        if o.generation != self.generation {
            return;
        }
        self.applied = o.generation;
        self.dirty = true;
        match o.result {
            Ok(mut m) => {
                let selected = self.matches.rows.get(self.table.cursor).copied();
                let keep = if let Some(nip) = self.keep_nip.take() {
                    let pool = self.pool();
                    m.rows.iter().position(|&r| {
                        pool.and_then(|p| p.rows.get(r as usize))
                            .is_some_and(|c| *c.nip == *nip)
                    })
                } else if o.query.box_only != self.shown.box_only {
                    None
                } else {
                    selected.and_then(|s| m.rows.iter().position(|&r| r == s))
                };
                let len = m.rows.len();
                let ranked = m.shortlist.take();
                let for_open = self
                    .shortlist
                    .as_ref()
                    .and_then(|s| self.position(s.position));
                if let (Some(rows), Some(asked), Some(open)) =
                    (ranked, &o.query.shortlist, for_open)
                {
                    if **asked == *open {
                        self.take_shortlist(rows);
                    }
                }
                self.matches = m;
                self.shown = o.query;
                self.table.set(keep.unwrap_or(0), len);
            }
            Err(Failure::Filter(e)) => {
                if let Some(p) = self.prompt.as_mut() {
                    p.error = Some(e);
                }
                self.wanted.text = self.shown.text.clone();
            }
            Err(Failure::Crashed) => {
                self.fatal = Some(Fatal::WorkerCrashed);
                self.quit = true;
            }
        }
    }
}
