//! The compare view (`talenta compare` and the compare screen): one column per
//! candidate, one row per fact, the same cells in both.

use super::position::jpm_text;
use crate::domain::eligibility::{self, Condition, Ineligible};
use crate::domain::jpm::{jpm, Jpm};
use crate::domain::position;
use crate::domain::{Candidate, Competency, Pool, Position};
use crate::lang::Lang;
use crate::strings::CompareLabels;
use crate::tr;

/// What the compare view shows of one candidate, shared by the CLI and the screen.
pub struct Column<'a> {
    pub candidate: &'a Candidate,
    pub jpm: Option<Jpm>,
    pub eligibility: Option<Result<(), Ineligible>>,
    /// Every condition for the position compared against (empty without one).
    pub conditions: Vec<Condition>,
}

pub fn columns<'a>(pool: &Pool, cs: &[&'a Candidate], pos: Option<&Position>) -> Vec<Column<'a>> {
    cs.iter()
        .map(|c| Column {
            candidate: c,
            jpm: pos.and_then(|p| jpm(&c.competency, &p.requirement)),
            eligibility: pos.map(|p| position::eligibility_of(c, p, pool)),
            conditions: pos.map_or_else(Vec::new, |p| {
                eligibility::conditions(c, p, &pool.rules, pool.as_of)
            }),
        })
        .collect()
}

/// The compare rows: a label and one cell per candidate.
pub fn compare_rows(
    lang: Lang,
    pool: &Pool,
    cols: &[Column<'_>],
    pos: Option<&Position>,
) -> Vec<(String, Vec<String>)> {
    let l: &CompareLabels = tr!(lang, &positions::COMPARE);
    let as_of = pool.as_of;
    let rules = &pool.rules;
    let cell = |f: &dyn Fn(&Column<'_>) -> String| cols.iter().map(f).collect::<Vec<_>>();
    let mut rows: Vec<(String, Vec<String>)> = vec![
        ("NIP".into(), cell(&|c| c.candidate.nip.to_string())),
        (l.nama.into(), cell(&|c| c.candidate.nama.to_string())),
        (
            l.jabatan.into(),
            cell(&|c| c.candidate.jabatan.text.to_string()),
        ),
        (
            l.tingkat.into(),
            cell(&|c| c.candidate.tingkat.label().to_string()),
        ),
        (
            l.golongan.into(),
            cell(&|c| format!("{} {}", c.candidate.status.code(), c.candidate.golongan)),
        ),
        (
            l.pendidikan.into(),
            cell(&|c| c.candidate.pendidikan.code().to_string()),
        ),
        (
            l.kotak.into(),
            cell(&|c| {
                c.candidate
                    .kotak
                    .map(|k| k.to_string())
                    .unwrap_or_else(|| l.none.into())
            }),
        ),
        (
            l.potensi.into(),
            cell(&|c| {
                let k = c
                    .candidate
                    .potensi
                    .map(|p| tr!(lang, cli::potensi_name(p)).to_string())
                    .unwrap_or_else(|| l.none.into());
                // Stored as f32: shown to two decimals at most, as typed
                // (79,8, not 79,80000305175781).
                let shown = |s: f32| (f64::from(s) * 100.0).round() / 100.0;
                match c.candidate.potensi_score {
                    Some(s) => format!("{k} ({})", crate::strings::format::number(lang, shown(s))),
                    None => k,
                }
            }),
        ),
        (
            l.skp.into(),
            cell(&|c| {
                let v: Vec<String> = c
                    .candidate
                    .skp
                    .iter()
                    .rev()
                    .take(3)
                    .map(|(y, p)| format!("{}:{}", y % 100, p.code()))
                    .collect();
                if v.is_empty() {
                    l.none.into()
                } else {
                    v.join(" ")
                }
            }),
        ),
        (
            l.masa_jabatan.into(),
            cell(&|c| {
                c.candidate
                    .tenure(as_of)
                    .map(|t| format!("{t} {}", l.years))
                    .unwrap_or_else(|| l.none.into())
            }),
        ),
        (
            l.pelatihan.into(),
            cell(&|c| format!("{}/{} JP", c.candidate.jp(as_of), rules.jp_per_year)),
        ),
        (
            l.pensiun.into(),
            cell(&|c| {
                let r = c.candidate.retirement(rules);
                format!(
                    "{} ({} {})",
                    r.format("%m-%Y"),
                    crate::domain::dates::whole_years(as_of, r),
                    l.years
                )
            }),
        ),
    ];
    for k in Competency::ALL {
        let req = pos.and_then(|p| p.required(k));
        rows.push((
            k.name().to_string(),
            cell(&|c| {
                let lv = c
                    .candidate
                    .level(k)
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| l.none.into());
                match req {
                    Some(r) => {
                        let gap = r as i8 - c.candidate.level(k).unwrap_or(0) as i8;
                        if gap > 0 {
                            format!("{lv}/{r} (-{gap})")
                        } else {
                            format!("{lv}/{r}")
                        }
                    }
                    None => lv,
                }
            }),
        ));
    }
    if pos.is_some() {
        rows.push((l.jpm.into(), cell(&|c| jpm_text(lang, c.jpm.as_ref()))));
        rows.push((
            l.band.into(),
            cell(&|c| {
                c.jpm
                    .map(|j| {
                        format!(
                            "{} · {}",
                            rules.jpm.fill(j.percent).code(),
                            rules.jpm.map(j.percent).name()
                        )
                    })
                    .unwrap_or_else(|| l.none.into())
            }),
        ));
        rows.push((
            l.eligible.into(),
            cell(&|c| match c.eligibility {
                Some(Ok(())) => tr!(lang, positions::ELIGIBLE).to_string(),
                Some(Err(e)) => tr!(lang, positions::ineligible(&e)),
                None => l.none.into(),
            }),
        ));
    }
    rows
}
