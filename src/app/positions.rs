//! The positions screen, the shortlist of one position and the side-by-side
//! comparison of marked candidates: their state and keys (as `session/` is
//! for the committee sessions).

use super::filtering::Shortlist;
use super::keymap::Cmd;
use super::scroll::Scroll;
use super::{App, Crumb, Notice};
use crate::domain::position::{self, Group};
use crate::domain::{Candidate, Pool, Position};
use std::sync::Arc;

/// At most this many candidates are compared side by side.
pub const COMPARE_MAX: usize = 6;

/// The positions screen's rows: index into `App::positions` and group, in
/// committee order (vacant, retiring, the rest).
#[derive(Debug, Clone, Default)]
pub struct PositionRows {
    /// (position index, group, holder's retirement date, holder's name)
    pub rows: Vec<(usize, Group, Option<chrono::NaiveDate>, Option<String>)>,
    pub years: u32,
}

/// The shortlist of one position.
pub struct ShortlistView {
    /// Index into `App::positions`.
    pub position: usize,
    /// Pool row index and JPM of each ranked candidate.
    pub rows: Shortlist,
    /// Being ranked (on the filter worker); `rows` are the previous ranking.
    pub pending: bool,
    pub cursor: Scroll,
}

/// The positions screen's list, the comparison's scroll and the panel of
/// eligibility conditions (over the shortlist or the comparison).
pub struct PositionsView {
    pub rows: PositionRows,
    pub cursor: Scroll,
    pub compare: Scroll,
    /// The compared candidate the candidate actions apply to (an index
    /// into `App::marked`).
    pub compare_col: usize,
    /// The conditions panel is open (of the selected candidate on the
    /// shortlist, of every compared candidate on the comparison).
    pub conditions_open: bool,
    pub conditions: Scroll,
}

impl Default for PositionsView {
    fn default() -> Self {
        PositionsView {
            rows: PositionRows::default(),
            cursor: Scroll::list(),
            compare: Scroll::text(),
            compare_col: 0,
            conditions_open: false,
            conditions: Scroll::text(),
        }
    }
}

impl App {
    /// The position a shortlist or profile refers to.
    pub fn position(&self, i: usize) -> Option<&Position> {
        self.positions.as_ref()?.get(i)
    }

    /// Order the positions once both they and the pool are there.
    pub(super) fn list_positions(&mut self) {
        let (Some(pool), Some(ps)) = (self.pool().cloned(), self.positions.clone()) else {
            return;
        };
        let years = pool.rules.retiring_within_years;
        let index: std::collections::HashMap<&str, usize> = ps
            .iter()
            .enumerate()
            .map(|(i, p)| (p.kode.as_str(), i))
            .collect();
        let rows = position::list(&ps, &pool, years)
            .iter()
            .filter_map(|l| {
                let holder = l.holder.map(|h| h.nama.to_string());
                index
                    .get(l.position.kode.as_str())
                    .map(|i| (*i, l.group, l.retirement, holder))
            })
            .collect();
        let v = &mut self.positions_view;
        v.rows = PositionRows { rows, years };
        let len = v.rows.rows.len();
        let cur = v.cursor.cursor;
        v.cursor.set(cur, len);
    }

    /// The position under the positions screen's cursor.
    pub fn selected_position(&self) -> Option<usize> {
        let v = &self.positions_view;
        v.rows.rows.get(v.cursor.cursor).map(|r| r.0)
    }

    pub(super) fn positions_command(&mut self, cmd: Cmd) -> bool {
        let v = &mut self.positions_view;
        if v.cursor.command(cmd, v.rows.rows.len()) {
            return true;
        }
        match cmd {
            Cmd::Open => {
                if let Some(p) = self.selected_position() {
                    if self.shortlist.as_ref().is_none_or(|s| s.position != p) {
                        self.marked.clear();
                    }
                    self.shortlist = Some(ShortlistView {
                        position: p,
                        rows: Shortlist::default(),
                        pending: true,
                        cursor: Scroll::list(),
                    });
                    self.go(Crumb::Shortlist);
                    self.positions_view.conditions_open = false;
                    self.wanted.shortlist = self.position(p).cloned().map(Arc::new);
                    self.request();
                }
            }
            Cmd::EstablishKrs => self.open_establish_krs(),
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    /// Marked candidates are pool rows: after a reload, the same people's
    /// rows in the new pool (those no longer there are unmarked).
    pub(super) fn remap_marked(&mut self, new: &Pool) {
        let Some(old) = self.pool() else { return };
        let nips: Vec<String> = (self.marked.iter())
            .filter_map(|&r| old.rows.get(r as usize).map(|c| c.nip.to_string()))
            .collect();
        if nips.is_empty() {
            return;
        }
        let mut found: Vec<Option<u32>> = vec![None; nips.len()];
        for (i, c) in new.rows.iter().enumerate() {
            if let Some(k) = nips.iter().position(|n| *n == *c.nip) {
                found[k] = Some(i as u32);
            }
        }
        self.marked = found.into_iter().flatten().collect();
    }

    /// New positions: the open shortlist follows its position by kode (its
    /// index may have moved, its requirement changed); closed when it is gone.
    pub(super) fn reopen_shortlist(&mut self, new: &[Position]) {
        let Some(s) = self.shortlist.as_ref() else {
            return;
        };
        let kode = self.position(s.position).map(|p| p.kode.clone());
        match kode.and_then(|k| new.iter().position(|p| p.kode == k)) {
            Some(i) => {
                if let Some(s) = self.shortlist.as_mut() {
                    s.position = i;
                }
                if self.wanted.shortlist.is_some() {
                    self.wanted.shortlist = Some(Arc::new(new[i].clone()));
                }
            }
            None => {
                self.shortlist = None;
                self.wanted.shortlist = None;
                self.marked.clear();
                if self.trail().contains(&Crumb::Shortlist) {
                    self.go(Crumb::Positions);
                }
            }
        }
    }

    /// Whether the shortlist is on screen or on the path to what is.
    pub(super) fn shortlist_in_use(&self) -> bool {
        self.shortlist.is_some() && self.trail().contains(&Crumb::Shortlist)
    }

    /// Take the shortlist ranked with the filter on screen (the active
    /// filter), keeping the selected candidate where still listed.
    pub(super) fn take_shortlist(&mut self, rows: Shortlist) {
        if let Some(s) = self.shortlist.as_mut() {
            let selected = s.rows.get(s.cursor.cursor).map(|r| r.0);
            let keep = selected.and_then(|x| rows.iter().position(|r| r.0 == x));
            let len = rows.len();
            s.rows = rows;
            s.pending = false;
            s.cursor.set(keep.unwrap_or(0), len);
        }
    }

    /// The conditions panel's keys while it is open: the list keys scroll
    /// it, its own key or back close it; `None` when it is closed.
    fn conditions_command(&mut self, cmd: Cmd) -> Option<bool> {
        let v = &mut self.positions_view;
        if !v.conditions_open {
            return None;
        }
        if v.conditions.command(cmd, 0) {
            return Some(true);
        }
        Some(match cmd {
            Cmd::Conditions | Cmd::Back => {
                v.conditions_open = false;
                true
            }
            _ => false,
        })
    }

    /// Open the conditions panel (scrolled to its top).
    fn open_conditions(&mut self) {
        let v = &mut self.positions_view;
        v.conditions_open = true;
        v.conditions = Scroll::text();
    }

    /// The pool row of the candidate under the shortlist's cursor.
    pub fn shortlisted_row(&self) -> Option<u32> {
        let s = self.shortlist.as_ref()?;
        s.rows.get(s.cursor.cursor).map(|r| r.0)
    }

    pub(super) fn shortlist_command(&mut self, cmd: Cmd) -> bool {
        if let Some(done) = self.conditions_command(cmd) {
            return done;
        }
        let Some(s) = self.shortlist.as_mut() else {
            return false;
        };
        let len = s.rows.len();
        if s.cursor.command(cmd, len) {
            return true;
        }
        match cmd {
            Cmd::Open => self.open_shortlisted(),
            Cmd::Mark => {
                if let Some((i, _)) = s.rows.get(s.cursor.cursor).copied() {
                    if let Some(at) = self.marked.iter().position(|m| *m == i) {
                        self.marked.remove(at);
                    } else if self.marked.len() >= COMPARE_MAX {
                        self.notice = Some(Notice::MarkLimit);
                    } else {
                        self.marked.push(i);
                    }
                    s.cursor.by(1, len);
                }
            }
            Cmd::Compare => {
                if self.marked.len() < 2 {
                    self.notice = Some(Notice::CompareNeedsTwo);
                } else {
                    self.positions_view.compare = Scroll::text();
                    self.positions_view.compare_col = 0;
                    self.go(Crumb::Compare);
                }
            }
            Cmd::Conditions => {
                if !s.rows.is_empty() {
                    self.open_conditions();
                }
            }
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    pub(super) fn compare_command(&mut self, cmd: Cmd) -> bool {
        if let Some(done) = self.conditions_command(cmd) {
            return done;
        }
        if self.positions_view.compare.command(cmd, 0) {
            return true;
        }
        let n = self.marked.len();
        let v = &mut self.positions_view;
        match cmd {
            Cmd::Conditions => self.open_conditions(),
            Cmd::Left => v.compare_col = v.compare_col.saturating_sub(1),
            Cmd::Right => v.compare_col = (v.compare_col + 1).min(n.saturating_sub(1)),
            Cmd::Open => self.open_compared(),
            Cmd::Back => self.back(),
            _ => return false,
        }
        true
    }

    /// The compared candidate the candidate actions apply to.
    pub fn compared(&self) -> Option<&Candidate> {
        let pool = self.pool()?;
        let i = self.marked.get(self.positions_view.compare_col)?;
        pool.rows.get(*i as usize)
    }

    /// The profile of the selected compared candidate, against the position.
    fn open_compared(&mut self) {
        let Some(nip) = self.compared().map(|c| c.nip.to_string()) else {
            return;
        };
        self.profile_position = self.shortlist.as_ref().map(|s| s.position);
        self.show_profile(nip);
    }

    /// Next or previous compared candidate, from their profile.
    pub(super) fn step_compared(&mut self, delta: isize) {
        let v = &mut self.positions_view;
        let n = self.marked.len();
        let to = v
            .compare_col
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
        if to != v.compare_col {
            v.compare_col = to;
            self.open_compared();
        }
    }

    /// The target position of a recommendation opened from here: the
    /// position of the shortlist (or of a comparison or profile opened from
    /// it) the candidate was chosen on.
    pub fn form_position(&self) -> Option<String> {
        let i = match self.candidate_crumb()? {
            Crumb::Shortlist | Crumb::Compare => self.shortlist.as_ref()?.position,
            Crumb::Profile => self.profile_position?,
            _ => return None,
        };
        self.position(i).map(|p| p.kode.clone())
    }

    /// The candidates marked for comparison.
    pub fn marked_candidates(&self) -> Vec<&Candidate> {
        let Some(pool) = self.pool() else {
            return Vec::new();
        };
        self.marked
            .iter()
            .filter_map(|i| pool.rows.get(*i as usize))
            .collect()
    }
}
