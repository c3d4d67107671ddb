//! Where the user is: the path of screens that led to the one on screen
//! (the breadcrumb in the title bar), and Back going down it.
//!
//! The candidate table is the root. A section key (the grid, the positions,
//! the quick jump) starts the path again from the root; opening something
//! (a box, a profile, a shortlist, the comparison) and the session panel add
//! a step; Back (`Esc`) leaves the top step and undoes what opening it did
//! (a box's filter, the profile).

use super::{App, View};
use crate::domain::nine_box::grid_pos;

/// One step of the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crumb {
    Table,
    Grid,
    /// The table listing one box of the grid.
    Box(u8),
    Profile,
    Positions,
    Shortlist,
    Compare,
    Session,
}

impl Crumb {
    /// The screen this step shows.
    pub fn view(self) -> View {
        match self {
            Crumb::Table | Crumb::Box(_) => View::Table,
            Crumb::Grid => View::Grid,
            Crumb::Profile => View::Profile,
            Crumb::Positions => View::Positions,
            Crumb::Shortlist => View::Shortlist,
            Crumb::Compare => View::Compare,
            Crumb::Session => View::Session,
        }
    }

    /// A list of candidates (or one candidate): what the candidate and
    /// session actions apply to.
    pub fn has_candidates(self) -> bool {
        !matches!(self, Crumb::Grid | Crumb::Positions | Crumb::Session)
    }
}

impl App {
    /// The path from the root to the screen shown (never empty).
    pub fn trail(&self) -> &[Crumb] {
        &self.trail
    }

    /// The step below the top one (what Back returns to).
    pub fn below(&self) -> Option<Crumb> {
        let n = self.trail.len();
        (n >= 2).then(|| self.trail[n - 2])
    }

    /// The topmost step that lists candidates: the session panel opened
    /// over a list acts on that list's candidate.
    pub fn candidate_crumb(&self) -> Option<Crumb> {
        let top = self.trail.iter().rev();
        let mut steps = top.skip_while(|c| **c == Crumb::Session);
        steps.next().copied().filter(|c| c.has_candidates())
    }

    /// Where the open profile was opened from.
    pub fn profile_from(&self) -> View {
        let at = self.trail.iter().rposition(|c| *c == Crumb::Profile);
        at.and_then(|i| i.checked_sub(1))
            .map_or(View::Table, |i| self.trail[i].view())
    }

    /// Open a step on top of the path; a step already on the path is gone
    /// back to instead (the path never loops).
    pub(super) fn go(&mut self, crumb: Crumb) {
        self.help = None;
        if let Some(at) = self.trail.iter().position(|c| *c == crumb) {
            while self.trail.len() > at + 1 {
                self.back();
            }
        } else {
            self.trail.push(crumb);
        }
        self.view = crumb.view();
    }

    /// Start the path again from the root (the candidate table, or the box
    /// whose list it shows; the grid always from the table), then open
    /// `crumb` on it.
    pub(super) fn section(&mut self, crumb: Crumb) {
        self.help = None;
        let root = if crumb == Crumb::Grid {
            1
        } else {
            self.root_len()
        };
        while self.trail.len() > root {
            self.back();
        }
        if crumb != Crumb::Table {
            self.go(crumb);
        }
        self.view = self.top().view();
    }

    /// How many steps the root is: the table, or the table, the grid and a box.
    fn root_len(&self) -> usize {
        match self.trail.iter().position(|c| matches!(c, Crumb::Box(_))) {
            Some(at) => at + 1,
            None => 1,
        }
    }

    pub fn top(&self) -> Crumb {
        self.trail.last().copied().unwrap_or(Crumb::Table)
    }

    /// Leave the top step; the root stays.
    pub(super) fn back(&mut self) {
        if self.trail.len() <= 1 {
            self.trail = vec![Crumb::Table];
            self.view = View::Table;
            return;
        }
        if let Some(top) = self.trail.pop() {
            self.left(top);
        }
        self.view = self.top().view();
    }

    /// Undo what opening a step did.
    fn left(&mut self, crumb: Crumb) {
        match crumb {
            Crumb::Profile => self.profile = None,
            Crumb::Box(b) => {
                self.grid = grid_pos(b).unwrap_or(self.grid);
                self.set_box(None);
            }
            Crumb::Shortlist | Crumb::Compare => self.positions_view.conditions_open = false,
            Crumb::Table | Crumb::Grid | Crumb::Positions | Crumb::Session => {}
        }
    }
}

impl App {
    /// The candidate the candidate and session actions apply to: under the
    /// cursor of the list on screen (or under the session panel opened over
    /// it), or the open profile's; none on the grid or the positions.
    pub fn candidate_in_view(&self) -> Option<&crate::domain::Candidate> {
        match self.candidate_crumb()? {
            Crumb::Profile => self.profile.as_ref().map(|p| &p.profile.candidate),
            Crumb::Shortlist => {
                let row = self.shortlisted_row()?;
                self.pool()?.rows.get(row as usize)
            }
            Crumb::Compare => self.compared(),
            _ => self.current(),
        }
    }
}
