//! `talenta show NIP [--format text|json]`: one employee's full profile.

use super::output::EmployeeOut;
use super::{emit, CliError, CliResult, Ctx, TextFormat};
use crate::domain::nine_box::{axes_of, is_talent_pool};
use crate::store::profile::{load_profile, CompetencyLine, PotentialLine, Profile, TrainingLine};
use crate::store::session::{decisions_for, Decision, SessionError};
use crate::tr;
use serde::Serialize;

#[derive(Serialize)]
struct SkpOut {
    tahun: u16,
    predikat: &'static str,
    nama: &'static str,
}

#[derive(Serialize)]
struct TrainingYearOut {
    tahun: u16,
    jp: u32,
    target: u32,
    terpenuhi: bool,
}

/// The JSON object of `show`: the employee object plus the profile's sections.
#[derive(Serialize)]
struct ShowOut<'a> {
    #[serde(flatten)]
    employee: EmployeeOut,
    pangkat: &'static str,
    talent_pool: bool,
    usia_pensiun: u32,
    tanggal_pensiun: String,
    kinerja_per_tahun: Vec<SkpOut>,
    kompetensi_detail: &'a [CompetencyLine],
    potensi_detail: &'a [PotentialLine],
    pelatihan_per_tahun: Vec<TrainingYearOut>,
    pelatihan: &'a [TrainingLine],
    keputusan: &'a [Decision],
}

fn build<'a>(ctx: &Ctx, p: &'a Profile, decisions: &'a [Decision]) -> ShowOut<'a> {
    let c = &p.candidate;
    let rules = ctx.rules();
    ShowOut {
        employee: EmployeeOut::new(c, p.as_of),
        pangkat: c.golongan.pangkat(),
        talent_pool: c.kotak.is_some_and(is_talent_pool),
        usia_pensiun: c.bup_age(rules),
        tanggal_pensiun: c.retirement(rules).to_string(),
        kinerja_per_tahun: c
            .skp
            .iter()
            .map(|(y, pr)| SkpOut {
                tahun: *y,
                predikat: pr.code(),
                nama: pr.name(),
            })
            .collect(),
        kompetensi_detail: &p.competencies,
        potensi_detail: &p.potentials,
        pelatihan_per_tahun: c
            .training
            .iter()
            .map(|(y, jp)| TrainingYearOut {
                tahun: *y,
                jp: *jp,
                target: rules.jp_per_year,
                terpenuhi: *jp >= rules.jp_per_year,
            })
            .collect(),
        pelatihan: &p.trainings,
        keputusan: decisions,
    }
}

pub fn run(ctx: &Ctx, nip: &str, format: TextFormat) -> CliResult {
    let nip = nip.trim();
    let store = ctx.open()?;
    let profile = load_profile(&store.conn, nip, ctx.as_of, ctx.rules())
        .map_err(|e| ctx.store_error(e))?
        .ok_or_else(|| CliError::input(tr!(ctx.lang, cli::nip_not_found(nip))))?;
    let decisions = decisions_for(&store.conn, nip).map_err(|e| match e {
        SessionError::Store(s) => ctx.store_error(s),
        SessionError::Refused(r) => CliError::input(tr!(ctx.lang, session::refusal(&r))),
    })?;
    match format {
        TextFormat::Json => {
            let out = build(ctx, &profile, &decisions);
            let text =
                serde_json::to_string_pretty(&out).map_err(|e| CliError::runtime(e.to_string()))?;
            emit(&format!("{text}\n"))
        }
        TextFormat::Text => emit(&text(ctx, &profile, &decisions)),
    }
}

/// A bar of `level` filled cells out of 5.
pub fn bar(level: u8) -> String {
    let l = level.min(5) as usize;
    format!("{}{}", "█".repeat(l), "░".repeat(5 - l))
}

fn text(ctx: &Ctx, p: &Profile, decisions: &[Decision]) -> String {
    use crate::lang::Lang;
    let lang = ctx.lang;
    let l: &crate::strings::ShowLabels = match lang {
        Lang::Id => &crate::strings::id::cli::SHOW,
        Lang::En => &crate::strings::en::cli::SHOW,
    };
    let c = &p.candidate;
    let rules = ctx.rules();
    let as_of = p.as_of;
    let date = |d: chrono::NaiveDate| d.format("%d-%m-%Y").to_string();
    let mut out = String::new();
    let mut line = |k: &str, v: String| {
        out.push_str(format!("{:<16}{}", k, v).trim_end());
        out.push('\n');
    };
    line("", c.nama.to_string());
    line(l.nip, c.nip.to_string());
    line(
        l.sex,
        format!(
            "{}   {} {} ({} {})",
            c.sex.code(),
            l.age,
            c.age(as_of),
            l.born,
            date(c.birth)
        ),
    );
    let pangkat = c.golongan.pangkat();
    let gol = if pangkat.is_empty() {
        c.golongan.to_string()
    } else {
        format!("{} ({})", c.golongan, pangkat)
    };
    line(
        l.status,
        format!("{}   {} {}", c.status.code(), l.golongan, gol),
    );
    let since = match (c.tmt_jabatan, c.tenure(as_of)) {
        (Some(t), Some(y)) => format!(", {} {} ({} {})", l.since, date(t), y, l.years),
        _ => String::new(),
    };
    line(
        l.jabatan,
        format!("{} [{}]{}", c.jabatan.text, c.tingkat.label(), since),
    );
    let inst = c
        .instansi
        .as_ref()
        .map(|i| format!(" — {}", i.text))
        .unwrap_or_default();
    line(l.unit, format!("{}{}", c.unit.text, inst));
    line(l.pendidikan, c.pendidikan.to_string());
    line(
        l.bup,
        format!(
            "{} {}: {}",
            c.bup_age(rules),
            l.years,
            date(c.retirement(rules))
        ),
    );
    out_push_blank(&mut line);
    let kotak = match c.kotak.and_then(|k| axes_of(k).map(|ax| (k, ax))) {
        Some((k, (kin, pot))) => {
            let pool = if is_talent_pool(k) {
                format!(" — {}", l.talent_pool)
            } else {
                String::new()
            };
            format!(
                "{} ({} {}, {} {}){}",
                k,
                l.kinerja_axis,
                tr!(lang, cli::kinerja_name(kin)),
                l.potensi_axis,
                tr!(lang, cli::potensi_name(pot)),
                pool
            )
        }
        None => l.no_box.to_string(),
    };
    line(l.kotak, kotak);
    let skp = if c.skp.is_empty() {
        l.none.to_string()
    } else {
        c.skp
            .iter()
            .map(|(y, pr)| format!("{y} {}", pr.code()))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    line(l.kinerja, skp);
    if p.competencies.is_empty() {
        line(l.kompetensi, l.none.to_string());
    }
    for (i, k) in p.competencies.iter().enumerate() {
        let key = if i == 0 { l.kompetensi } else { "" };
        line(
            key,
            format!(
                "{:<34}{} {}  ({})",
                k.nama,
                bar(k.level),
                k.level,
                k.tanggal
            ),
        );
    }
    if p.potentials.is_empty() {
        line(l.potensi, l.none.to_string());
    }
    for (i, pt) in p.potentials.iter().enumerate() {
        let key = if i == 0 { l.potensi } else { "" };
        let mut v = pt.tanggal.clone();
        if let Some(k) = &pt.kategori {
            v.push_str(&format!("  {k}"));
        }
        if let Some(s) = pt.skor {
            v.push_str(&format!("  {} {s}", l.score));
        }
        if let Some(m) = &pt.metode {
            v.push_str(&format!("  {m}"));
        }
        line(key, v);
    }
    if c.training.is_empty() {
        line(l.training, l.none.to_string());
    }
    for (i, (y, jp)) in c.training.iter().rev().enumerate() {
        let key = if i == 0 { l.training } else { "" };
        let mark = if *jp >= rules.jp_per_year {
            "✓"
        } else {
            "✗"
        };
        line(key, format!("{y}: {jp} JP / {} {mark}", rules.jp_per_year));
    }
    if decisions.is_empty() {
        line(l.decisions, l.none.to_string());
    }
    for (i, d) in decisions.iter().enumerate() {
        let key = if i == 0 { l.decisions } else { "" };
        let kind = crate::domain::session::DecisionKind::parse(&d.kind)
            .map(|k| tr!(lang, session::kind_name(k)).to_string())
            .unwrap_or_else(|| d.kind.clone());
        let pos = d
            .kode_jabatan
            .as_ref()
            .map(|k| format!(" → {k}"))
            .unwrap_or_default();
        let sup = d
            .superseded_by
            .map(|n| format!(" [{} #{n}]", l.superseded))
            .unwrap_or_default();
        line(
            key,
            format!(
                "#{} {} {}{pos}: {kind} — {}{sup}",
                d.id, l.session, d.session_id, d.reason
            ),
        );
    }
    out
}

fn out_push_blank(line: &mut impl FnMut(&str, String)) {
    line("", String::new());
}
