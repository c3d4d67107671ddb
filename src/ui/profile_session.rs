//! The profile's committee sections: who stepped aside for this candidate in
//! the active session and why, and every decision about the candidate (all
//! sessions, each version, amendments marked). Shown only when there is
//! something to show.

use super::session::{decision_state, decision_summary, labels};
use super::Theme;
use crate::app::App;
use crate::store::session::Decision;
use crate::tr;
use ratatui::text::{Line, Span};

/// (title, lines) of each committee section for the candidate `nip`.
pub fn sections(app: &App, nip: &str, theme: &Theme) -> Vec<(String, Vec<Line<'static>>)> {
    let lang = app.lang;
    let l = labels(lang);
    let mut out = Vec::new();
    let recusals = app.sessions.recusals_for(nip);
    if !recusals.is_empty() {
        let lines = recusals
            .iter()
            .map(|(m, r)| Line::styled(tr!(lang, session_ui::recusal_line(m, r)), theme.warn))
            .collect();
        out.push((tr!(lang, session_ui::PROFILE_RECUSALS).to_string(), lines));
    }
    let decisions = match &app.sessions.profile {
        Some((n, ds)) if n == nip => ds.as_slice(),
        _ => &[],
    };
    if !decisions.is_empty() {
        let mut lines = Vec::new();
        for d in decisions {
            let date = app
                .sessions
                .list
                .iter()
                .find(|s| s.id == d.session_id)
                .map(|s| crate::strings::format::date_text(&s.date))
                .unwrap_or_default();
            let (state, style) = decision_state(lang, d, theme);
            let base = if d.superseded_by.is_some() {
                theme.muted
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled(decision_summary(lang, d), base),
                Span::styled(format!(" · {state}"), base.patch(style)),
            ]));
            let mut sub = format!(
                "  {}",
                tr!(lang, session_ui::session_ref(d.session_id, &date))
            );
            if let Some(p) = d.supersedes {
                sub.push_str(&format!(" · {} #{p}", l.supersedes));
            }
            lines.push(Line::styled(sub, theme.muted));
            lines.push(Line::styled(
                format!("  {}: {}", l.grounds, d.reason),
                theme.muted,
            ));
            if let Some(line) = outcome_line(lang, d, theme) {
                lines.push(line);
            }
        }
        out.push((tr!(lang, session_ui::PROFILE_DECISIONS).to_string(), lines));
    }
    out
}

/// The PPK's outcome of a recommendation in force (or that it still waits).
fn outcome_line(lang: crate::lang::Lang, d: &Decision, theme: &Theme) -> Option<Line<'static>> {
    let label = tr!(lang, outcome::OUTCOME);
    match &d.outcome {
        Some(o) => Some(Line::styled(
            format!("  {label}: {}", tr!(lang, outcome::summary(o))),
            theme.ok,
        )),
        None if d.superseded_by.is_none() => Some(Line::styled(
            format!("  {label}: {}", tr!(lang, outcome::AWAITING)),
            theme.warn,
        )),
        None => None,
    }
}
