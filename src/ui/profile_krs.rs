//! The profile's section on the succession group (KRS): each position whose
//! established KRS the employee is in, with its period and SK; a period that
//! is over is marked expired. Shown only when there is one.

use super::Theme;
use crate::app::App;
use crate::domain::krs::expired;
use crate::store::profile::Profile;
use crate::tr;
use ratatui::text::{Line, Span};

/// The section's title and lines, or `None` for an employee in no KRS.
pub fn section(app: &App, p: &Profile, theme: &Theme) -> Option<(String, Vec<Line<'static>>)> {
    if p.krs.is_empty() {
        return None;
    }
    let lang = app.lang;
    let lines = p
        .krs
        .iter()
        .map(|m| {
            let gone = expired(m.period, p.as_of);
            let nama = app
                .positions
                .as_ref()
                .and_then(|ps| ps.iter().find(|x| x.kode == m.kode))
                .map(|x| format!("  {}", x.nama))
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(
                    tr!(lang, krs::membership(&m.kode, m.period, &m.sk, gone)),
                    if gone { theme.muted } else { theme.talent },
                ),
                Span::styled(nama, theme.muted),
            ])
        })
        .collect();
    Some((tr!(lang, krs::MEMBER_OF).to_string(), lines))
}
