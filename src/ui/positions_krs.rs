//! The positions screen's view of the succession group (KRS): a line
//! counting the target and critical positions with their KRS members of the
//! as-of year against the agency's ratio (`[rules.krs] per_target`), a column
//! with each position's category and members, and the selected position's
//! established KRS. Shown once some position is categorised or has a KRS.

use super::text::put;
use super::Theme;
use crate::app::App;
use crate::domain::krs::{current_period, target_members, Kategori};
use crate::domain::{Pool, Position};
use crate::tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Whether the screen shows the KRS at all.
pub fn shown(ps: &[Position]) -> bool {
    ps.iter().any(|p| p.kategori.is_some() || !p.krs.is_empty())
}

/// The members of `p`'s KRS for the pool's as-of year.
fn members(p: &Position, pool: &Pool) -> usize {
    p.krs_in(current_period(pool.as_of)).count()
}

/// The summary line (target and critical positions, members against the ratio).
pub fn summary(buf: &mut Buffer, area: Rect, app: &App, ps: &[Position], theme: &Theme) {
    let Some(pool) = app.pool() else { return };
    let of = |k: Kategori| {
        let list: Vec<&Position> = ps.iter().filter(|p| p.kategori == Some(k)).collect();
        let m = list.iter().map(|p| members(p, pool)).sum::<usize>();
        (list.len(), m)
    };
    let (target, critical) = (of(Kategori::Target), of(Kategori::Kritikal));
    let per = pool.rules.krs.per_target;
    let wanted = target_members(target.0, &pool.rules.krs);
    let text = tr!(
        app.lang,
        krs::summary(current_period(pool.as_of), target, wanted, per, critical)
    );
    let style = if target.1 < wanted {
        theme.warn
    } else {
        theme.ok
    };
    put(buf, area, area.x, area.y, &text, area.width as usize, style);
}

/// The KRS cell of a position: `target 2/3`, `kritikal 1`, `-`.
pub fn cell(app: &App, p: &Position, theme: &Theme) -> (String, Style) {
    let Some(pool) = app.pool() else {
        return ("-".into(), theme.muted);
    };
    let n = members(p, pool);
    let per = pool.rules.krs.per_target as usize;
    match p.kategori {
        Some(Kategori::Target) => (
            format!(
                "{} {n}/{per}",
                tr!(app.lang, krs::kategori(Kategori::Target))
            ),
            if n < per { theme.warn } else { theme.ok },
        ),
        Some(k) => (
            format!("{} {n}", tr!(app.lang, krs::kategori(k))),
            Style::new(),
        ),
        None if n > 0 => (n.to_string(), Style::new()),
        None => ("-".into(), theme.muted),
    }
}

/// The selected position's KRS of the as-of year, on the last line of `area`.
pub fn panel(buf: &mut Buffer, area: Rect, app: &App, p: &Position, theme: &Theme) {
    let Some(pool) = app.pool() else { return };
    let period = current_period(pool.as_of);
    let list: Vec<_> = p.krs_in(period).collect();
    let text = match list.first() {
        None => tr!(app.lang, krs::not_established(period)),
        Some(first) => {
            let names = list
                .iter()
                .map(|m| {
                    let nama = pool.find_nip(&m.nip).map(|c| c.nama.to_string());
                    format!(
                        "{} ({})",
                        nama.unwrap_or_else(|| m.nip.clone()),
                        tr!(app.lang, positions::readiness(m.readiness))
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            tr!(app.lang, krs::panel(period, &first.sk, &names))
        }
    };
    put(
        buf,
        area,
        area.x,
        area.y,
        &text,
        area.width as usize,
        theme.talent,
    );
}
