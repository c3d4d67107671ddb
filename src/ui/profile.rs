//! A candidate's profile: the record, SKP predikat by year, competency bars,
//! potential, training hours against the yearly target, retirement (BUP).
//!
//! The profile is a list of sections; on wide terminals they stand in two
//! columns. The committee sections (recusals in the active session, the
//! decisions about the candidate) join the list when there is something to
//! show (`profile_session`).

use super::text::{put, width};
use super::Theme;
use crate::app::{App, ProfileView};
use crate::domain::dates::whole_years;
use crate::domain::nine_box::{axes_of, is_talent_pool};
use crate::domain::Competency;
use crate::store::profile::Profile;
use crate::strings::{Lang, ShowLabels};
use crate::tr;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// From this width the sections stand in two columns.
pub const TWO_COLUMNS: u16 = 110;
/// Cells of a competency bar (levels 1..5).
const LEVELS: u8 = 5;
/// Cells of a training bar.
const TRAINING_BAR: u32 = 10;

struct Section {
    title: String,
    lines: Vec<Line<'static>>,
}

fn labels(lang: Lang) -> &'static ShowLabels {
    tr!(lang, &cli::SHOW)
}

use crate::strings::format::{date, date_text as stored_date, number};

/// A competency level as a bar of five cells: `█` assessed, `░` above it.
/// With a required level (a position's requirement), the cells the candidate
/// lacks are `▒` in the gap style and the level reads `3/4`.
pub fn competency_bar(
    level: Option<u8>,
    required: Option<u8>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let l = level.unwrap_or(0).min(LEVELS);
    let mut spans = Vec::new();
    for i in 1..=LEVELS {
        let (s, style) = if i <= l {
            (theme.glyphs.bar_full, theme.bar)
        } else if required.is_some_and(|r| i <= r) {
            (theme.glyphs.bar_gap, theme.gap)
        } else {
            (theme.glyphs.bar_empty, theme.muted)
        };
        spans.push(Span::styled(s, style));
    }
    let value = match (level, required) {
        (Some(l), Some(r)) => format!(" {l}/{r}"),
        (Some(l), None) => format!(" {l}"),
        (None, Some(r)) => format!(" -/{r}"),
        (None, None) => " -".to_string(),
    };
    let style = match (level, required) {
        (Some(l), Some(r)) if l < r => theme.gap,
        (None, _) => theme.muted,
        _ => Style::new(),
    };
    spans.push(Span::styled(value, style));
    spans
}

/// A label and a value, the label padded to `lw` columns.
fn kv(label: &str, lw: usize, value: Vec<Span<'static>>, theme: &Theme) -> Line<'static> {
    let pad = lw.saturating_sub(width(label));
    let mut spans = vec![Span::styled(
        format!("{label}{}", " ".repeat(pad)),
        theme.muted,
    )];
    spans.extend(value);
    Line::from(spans)
}

fn plain(s: String) -> Vec<Span<'static>> {
    vec![Span::raw(s)]
}

fn record(app: &App, p: &Profile, theme: &Theme) -> Section {
    let lang = app.lang;
    let l = labels(lang);
    let c = &p.candidate;
    let rules = app
        .pool()
        .map(|pool| pool.rules.clone())
        .unwrap_or_default();
    let as_of = p.as_of;
    let instansi = tr!(lang, ui::INSTANSI);
    let lw = [
        l.sex,
        l.status,
        l.jabatan,
        l.unit,
        instansi,
        l.pendidikan,
        l.bup,
        l.kotak,
    ]
    .iter()
    .map(|s| width(s))
    .max()
    .unwrap_or(0)
        + 2;
    let mut lines = Vec::new();
    lines.push(kv(
        l.sex,
        lw,
        plain(format!(
            "{} · {} {} ({} {})",
            c.sex.code(),
            l.age,
            c.age(as_of),
            l.born,
            date(c.birth)
        )),
        theme,
    ));
    let pangkat = c.golongan.pangkat();
    let gol = if pangkat.is_empty() {
        c.golongan.to_string()
    } else {
        format!("{} ({pangkat})", c.golongan)
    };
    lines.push(kv(
        l.status,
        lw,
        plain(format!("{} · {} {gol}", c.status.code(), l.golongan)),
        theme,
    ));
    lines.push(kv(
        l.jabatan,
        lw,
        plain(format!("{} [{}]", c.jabatan.text, c.tingkat.label())),
        theme,
    ));
    if let (Some(t), Some(y)) = (c.tmt_jabatan, c.tenure(as_of)) {
        lines.push(kv(
            "",
            lw,
            plain(format!("{} {} ({y} {})", l.since, date(t), l.years)),
            theme,
        ));
    }
    lines.push(kv(l.unit, lw, plain(c.unit.text.to_string()), theme));
    if let Some(i) = &c.instansi {
        lines.push(kv(instansi, lw, plain(i.text.to_string()), theme));
    }
    lines.push(kv(
        l.pendidikan,
        lw,
        plain(c.pendidikan.code().to_string()),
        theme,
    ));
    let retire = c.retirement(&rules);
    let left = if retire <= as_of {
        Span::styled(tr!(lang, ui::RETIRED).to_string(), theme.warn)
    } else {
        Span::raw(tr!(lang, ui::retires_in(whole_years(as_of, retire))))
    };
    lines.push(kv(
        l.bup,
        lw,
        vec![
            Span::raw(format!(
                "{} {}: {} (",
                c.bup_age(&rules),
                l.years,
                date(retire)
            )),
            left,
            Span::raw(")"),
        ],
        theme,
    ));
    let kotak = match c.kotak.and_then(|k| axes_of(k).map(|ax| (k, ax))) {
        Some((k, (kin, pot))) => {
            let v = vec![Span::styled(
                if is_talent_pool(k) {
                    format!("{k} {} {}", theme.glyphs.star, l.talent_pool)
                } else {
                    k.to_string()
                },
                if is_talent_pool(k) {
                    theme.talent
                } else {
                    theme.header
                },
            )];
            lines.push(kv(l.kotak, lw, v, theme));
            vec![Span::raw(format!(
                "{} {}, {} {}",
                l.kinerja_axis,
                tr!(lang, cli::kinerja_name(kin)),
                l.potensi_axis,
                tr!(lang, cli::potensi_name(pot))
            ))]
        }
        None => vec![Span::styled(l.no_box.to_string(), theme.muted)],
    };
    let label = if c.kotak.is_some() { "" } else { l.kotak };
    lines.push(kv(label, lw, kotak, theme));
    if let Some((label, values)) = crate::present::calibration::profile_lines(c, lang) {
        for (i, v) in values.into_iter().enumerate() {
            lines.push(kv(if i == 0 { label } else { "" }, lw, plain(v), theme));
        }
    }
    Section {
        title: tr!(lang, ui::RECORD).to_string(),
        lines,
    }
}

fn performance(app: &App, p: &Profile, theme: &Theme) -> Section {
    let l = labels(app.lang);
    let mut lines: Vec<Line<'static>> = p
        .candidate
        .skp
        .iter()
        .rev()
        .map(|(y, pr)| {
            Line::from(vec![
                Span::raw(format!("{y}  ")),
                Span::styled(format!("{:<3}", pr.code()), theme.header),
                Span::raw(pr.name().to_string()),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(
            tr!(app.lang, ui::NO_RECORDS).to_string(),
            theme.muted,
        ));
    }
    Section {
        title: l.kinerja.to_string(),
        lines,
    }
}

fn competencies(app: &App, p: &Profile, theme: &Theme) -> Section {
    let l = labels(app.lang);
    let nw = Competency::ALL
        .iter()
        .map(|c| width(c.name()))
        .max()
        .unwrap_or(0)
        + 2;
    let lines = Competency::ALL
        .iter()
        .map(|k| {
            let detail = p.competencies.iter().find(|d| d.kompetensi == *k);
            let level = detail.map(|d| d.level).or_else(|| p.candidate.level(*k));
            let required = app
                .profile_position
                .and_then(|i| app.position(i))
                .and_then(|pos| pos.required(*k));
            let mut spans = vec![Span::raw(format!("{:<nw$}", k.name()))];
            spans.extend(competency_bar(level, required, theme));
            match detail {
                Some(d) => spans.push(Span::styled(
                    format!("  {}", stored_date(&d.tanggal)),
                    theme.muted,
                )),
                None if level.is_none() => spans.push(Span::styled(
                    format!("  {}", tr!(app.lang, ui::NOT_ASSESSED)),
                    theme.muted,
                )),
                None => {}
            }
            Line::from(spans)
        })
        .collect();
    Section {
        title: l.kompetensi.to_string(),
        lines,
    }
}

fn potential(app: &App, p: &Profile, theme: &Theme) -> Section {
    let l = labels(app.lang);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, pt) in p.potentials.iter().enumerate() {
        let mut spans = vec![Span::raw(format!("{}  ", stored_date(&pt.tanggal)))];
        let kategori = pt
            .kategori
            .as_deref()
            .and_then(crate::domain::Potensi::parse)
            .map(|k| tr!(app.lang, cli::potensi_name(k)).to_string());
        if let Some(k) = kategori {
            spans.push(Span::styled(
                format!("{k}  "),
                if i == 0 { theme.header } else { Style::new() },
            ));
        }
        if let Some(s) = pt.skor {
            spans.push(Span::raw(format!("{} {}  ", l.score, number(app.lang, s))));
        }
        if let Some(m) = &pt.metode {
            spans.push(Span::styled(m.clone(), theme.muted));
        }
        let mut line = Line::from(spans);
        if i > 0 {
            line = line.style(theme.muted);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            tr!(app.lang, ui::NO_RECORDS).to_string(),
            theme.muted,
        ));
    }
    Section {
        title: l.potensi.to_string(),
        lines,
    }
}

fn training(app: &App, p: &Profile, theme: &Theme) -> Section {
    let lang = app.lang;
    let l = labels(lang);
    let target = app.pool().map(|pool| pool.rules.jp_per_year).unwrap_or(20);
    let mut lines = vec![Line::styled(
        tr!(lang, ui::training_target(target)),
        theme.muted,
    )];
    for (year, jp) in p.candidate.training.iter().rev() {
        let filled = ((*jp).min(target) * TRAINING_BAR)
            .checked_div(target)
            .unwrap_or(TRAINING_BAR);
        let met = *jp >= target;
        let mut spans = vec![
            Span::raw(format!("{year}  ")),
            Span::styled(theme.glyphs.bar_full.repeat(filled as usize), theme.bar),
            Span::styled(
                (theme.glyphs.bar_empty).repeat((TRAINING_BAR - filled) as usize),
                theme.muted,
            ),
            Span::raw(format!(" {}  ", tr!(lang, ui::jp_of(*jp, target)))),
        ];
        spans.push(if met {
            Span::styled(
                format!("{} {}", theme.glyphs.check, tr!(lang, ui::JP_MET)),
                theme.ok,
            )
        } else {
            Span::styled(
                format!(
                    "{} {}",
                    theme.glyphs.cross,
                    tr!(lang, ui::jp_short(target - jp))
                ),
                theme.warn,
            )
        });
        lines.push(Line::from(spans));
        for t in p.trainings.iter().filter(|t| t.tahun == *year) {
            lines.push(Line::styled(
                format!("      · {} ({})", t.nama_pelatihan, tr!(lang, ui::jp(t.jp))),
                theme.muted,
            ));
        }
    }
    if p.candidate.training.is_empty() {
        lines.push(Line::styled(
            tr!(lang, ui::NO_RECORDS).to_string(),
            theme.muted,
        ));
    }
    Section {
        title: l.training.to_string(),
        lines,
    }
}

/// The position history and the disciplinary penalties, newest first; only
/// when there is something on record. A penalty still in force is marked.
fn career(app: &App, p: &Profile, theme: &Theme) -> Option<Section> {
    if p.history.is_empty() && p.penalties.is_empty() {
        return None;
    }
    let l = labels(app.lang);
    let span = |from: &str, until: Option<&str>| {
        let until = until.map(stored_date).unwrap_or_else(|| l.now.to_string());
        format!("{} {} {until}", stored_date(from), theme.glyphs.range)
    };
    let mut lines: Vec<Line<'static>> = p
        .history
        .iter()
        .map(|h| {
            Line::from(vec![
                Span::styled(
                    format!("{}  ", span(&h.tmt_mulai, h.tmt_selesai.as_deref())),
                    theme.muted,
                ),
                Span::raw(format!("{} ({})", h.jabatan, h.tingkat_jabatan)),
            ])
        })
        .collect();
    if !p.penalties.is_empty() {
        lines.push(Line::styled(l.penalties.to_string(), theme.header));
    }
    for x in &p.penalties {
        let in_force = x
            .tmt_selesai
            .as_deref()
            .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
            .is_none_or(|end| end >= p.as_of);
        let jenis = x
            .jenis
            .as_deref()
            .map(|j| format!(" {j}"))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!(
                "{} {}{jenis}  {}",
                if in_force {
                    theme.glyphs.cross
                } else {
                    theme.glyphs.sep
                },
                x.tingkat,
                span(&x.tmt, x.tmt_selesai.as_deref())
            ),
            if in_force { theme.warn } else { theme.muted },
        ));
    }
    Some(Section {
        title: l.history.to_string(),
        lines,
    })
}

/// The KRS memberships (`profile_krs.rs`), when there are any.
fn krs(app: &App, p: &Profile, theme: &Theme) -> Option<Section> {
    super::profile_krs::section(app, p, theme).map(|(title, lines)| Section { title, lines })
}

fn flatten(sections: &[Section], theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.push(Line::styled(s.title.clone(), theme.header));
        out.extend(s.lines.iter().cloned());
    }
    out
}

fn render_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'static>], offset: usize) {
    for (i, line) in lines
        .iter()
        .skip(offset)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + i as u16;
        if y < buf.area.bottom() && area.x < buf.area.right() {
            buf.set_line(
                area.x,
                y,
                &super::text::fit_line(line, area.width as usize),
                area.width,
            );
        }
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, view: &ProfileView, theme: &Theme) {
    let p = &view.profile;
    let c = &p.candidate;
    let w = area.width as usize;
    let x = put(buf, area, area.x, area.y, &c.nama, w, theme.header);
    put(
        buf,
        area,
        x,
        area.y,
        &format!("  {} {}", labels(app.lang).nip, c.nip),
        w,
        theme.muted,
    );
    let body = Rect::new(
        area.x,
        area.y + 2.min(area.height),
        area.width,
        area.height.saturating_sub(2),
    );
    if body.height == 0 {
        return;
    }
    let mut committee: Vec<Section> = super::profile_session::sections(app, &c.nip, theme)
        .into_iter()
        .map(|(title, lines)| Section { title, lines })
        .collect();
    let (left, right) = if area.width >= TWO_COLUMNS {
        committee.extend([competencies(app, p, theme), training(app, p, theme)]);
        let mut left = vec![record(app, p, theme)];
        left.extend(career(app, p, theme));
        left.extend(krs(app, p, theme));
        left.extend([performance(app, p, theme), potential(app, p, theme)]);
        (flatten(&left, theme), flatten(&committee, theme))
    } else {
        committee.push(record(app, p, theme));
        committee.extend(career(app, p, theme));
        committee.extend(krs(app, p, theme));
        committee.extend([
            performance(app, p, theme),
            competencies(app, p, theme),
            potential(app, p, theme),
            training(app, p, theme),
        ]);
        (flatten(&committee, theme), Vec::new())
    };
    let tallest = left.len().max(right.len());
    let page = body.height as usize;
    let offset = view.scroll.fit(page, tallest);
    if right.is_empty() {
        render_lines(buf, body, &left, offset);
    } else {
        let lw = body.width / 2;
        render_lines(
            buf,
            Rect::new(body.x, body.y, lw - 1, body.height),
            &left,
            offset,
        );
        render_lines(
            buf,
            Rect::new(body.x + lw + 1, body.y, body.width - lw - 1, body.height),
            &right,
            offset,
        );
    }
}
