//! `talenta show NIP [--format text|json]`: one employee's full profile.

use super::output::EmployeeOut;
use super::{emit, CliError, CliResult, Ctx, TextFormat};
use crate::domain::nine_box::{axes_of, is_talent_pool};
use crate::domain::session::DecisionKind;
use crate::domain::Rules;
use crate::lang::Lang;
use crate::store::profile::{
    load_profile, CompetencyLine, HistoryLine, PenaltyLine, PotentialLine, Profile, TrainingLine,
};
use crate::store::session::{decisions_for, Decision, SessionError};
use crate::strings::ShowLabels;
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
    /// The committee's recommendations in force (latest versions), each with
    /// the PPK's latest outcome (`outcome`: `status`, `sk`, `tanggal`, ...).
    rekomendasi: Vec<&'a Decision>,
    /// The position history, newest first (issue 13).
    riwayat_jabatan: &'a [HistoryLine],
    /// Disciplinary penalties on record, newest first.
    disiplin: &'a [PenaltyLine],
    /// Memberships of an established KRS (PP 11/2017 Pasal 199), latest period first.
    krs: Vec<KrsOut>,
}

/// One KRS membership in `show`.
#[derive(Serialize)]
struct KrsOut {
    kode: String,
    periode: i32,
    sk: String,
    tanggal_sk: String,
    kesiapan: &'static str,
    /// The period is over.
    kedaluwarsa: bool,
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
        rekomendasi: decisions
            .iter()
            .filter(|d| d.superseded_by.is_none())
            .collect(),
        riwayat_jabatan: &p.history,
        disiplin: &p.penalties,
        krs: p
            .krs
            .iter()
            .map(|m| KrsOut {
                kode: m.kode.clone(),
                periode: m.period,
                sk: m.sk.clone(),
                tanggal_sk: m.tanggal.clone(),
                kesiapan: m.readiness.code(),
                kedaluwarsa: crate::domain::krs::expired(m.period, p.as_of),
            })
            .collect(),
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

/// The text form: one `label  value` line at a time, labels in a column.
#[derive(Default)]
struct Sheet(String);

impl Sheet {
    fn line(&mut self, k: &str, v: String) {
        self.0.push_str(format!("{k:<15} {v}").trim_end());
        self.0.push('\n');
    }

    /// Several values under one label (on the first line), or `none`.
    fn list(&mut self, label: &str, none: &str, values: impl IntoIterator<Item = String>) {
        let mut any = false;
        for (i, v) in values.into_iter().enumerate() {
            self.line(if i == 0 { label } else { "" }, v);
            any = true;
        }
        if !any {
            self.line(label, none.to_string());
        }
    }
}

use crate::strings::format::{date, date_text as stored_date, number};

fn text(ctx: &Ctx, p: &Profile, decisions: &[Decision]) -> String {
    let l: &ShowLabels = tr!(ctx.lang, &cli::SHOW);
    let mut sheet = Sheet::default();
    person(&mut sheet, l, p, ctx.rules());
    sheet.line("", String::new());
    assessment(&mut sheet, l, ctx.lang, p);
    training(&mut sheet, l, p, ctx.rules());
    career(&mut sheet, l, p);
    sheet.list(
        crate::present::krs::MARK,
        tr!(ctx.lang, krs::NOT_A_MEMBER),
        p.krs.iter().map(|m| {
            let expired = crate::domain::krs::expired(m.period, p.as_of);
            tr!(ctx.lang, krs::membership(&m.kode, m.period, &m.sk, expired))
        }),
    );
    decision_lines(&mut sheet, l, ctx.lang, decisions);
    sheet.0
}

/// Who the employee is: name, NIP, age, grade, post, unit, education, retirement.
fn person(sheet: &mut Sheet, l: &ShowLabels, p: &Profile, rules: &Rules) {
    let c = &p.candidate;
    let as_of = p.as_of;
    sheet.line("", c.nama.to_string());
    sheet.line(l.nip, c.nip.to_string());
    sheet.line(
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
    sheet.line(
        l.status,
        format!("{}   {} {}", c.status.code(), l.golongan, gol),
    );
    let since = match (c.tmt_jabatan, c.tenure(as_of)) {
        (Some(t), Some(y)) => format!(", {} {} ({} {})", l.since, date(t), y, l.years),
        _ => String::new(),
    };
    sheet.line(
        l.jabatan,
        format!("{} [{}]{}", c.jabatan.text, c.tingkat.label(), since),
    );
    let inst = c
        .instansi
        .as_ref()
        .map(|i| format!(" — {}", i.text))
        .unwrap_or_default();
    sheet.line(l.unit, format!("{}{}", c.unit.text, inst));
    sheet.line(l.pendidikan, c.pendidikan.to_string());
    sheet.line(
        l.bup,
        format!(
            "{} {}: {}",
            c.bup_age(rules),
            l.years,
            date(c.retirement(rules))
        ),
    );
}

/// The 9-box, SKP, competencies and potential assessments.
fn assessment(sheet: &mut Sheet, l: &ShowLabels, lang: Lang, p: &Profile) {
    let c = &p.candidate;
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
    sheet.line(l.kotak, kotak);
    if let Some((label, lines)) = crate::present::calibration::profile_lines(c, lang) {
        sheet.list(label, l.none, lines);
    }
    let skp = if c.skp.is_empty() {
        l.none.to_string()
    } else {
        c.skp
            .iter()
            .map(|(y, pr)| format!("{y} {}", pr.code()))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    sheet.line(l.kinerja, skp);
    sheet.list(
        l.kompetensi,
        l.none,
        p.competencies.iter().map(|k| {
            format!(
                "{:<34}{} {}  ({})",
                k.nama,
                bar(k.level),
                k.level,
                stored_date(&k.tanggal)
            )
        }),
    );
    sheet.list(
        l.potensi,
        l.none,
        p.potentials.iter().map(|pt| {
            let mut v = stored_date(&pt.tanggal);
            if let Some(k) = &pt.kategori {
                v.push_str(&format!("  {k}"));
            }
            if let Some(s) = pt.skor {
                v.push_str(&format!("  {} {}", l.score, number(lang, s)));
            }
            if let Some(m) = &pt.metode {
                v.push_str(&format!("  {m}"));
            }
            v
        }),
    );
}

/// Training hours (JP) per year against the yearly target, newest first.
fn training(sheet: &mut Sheet, l: &ShowLabels, p: &Profile, rules: &Rules) {
    sheet.list(
        l.training,
        l.none,
        p.candidate.training.iter().rev().map(|(y, jp)| {
            let mark = if *jp >= rules.jp_per_year {
                "✓"
            } else {
                "✗"
            };
            format!("{y}: {jp} JP / {} {mark}", rules.jp_per_year)
        }),
    );
}

/// From-until of a span, "now" when it is still running.
fn span(l: &ShowLabels, from: &str, until: Option<&str>) -> String {
    let until = until.map(stored_date).unwrap_or_else(|| l.now.to_string());
    format!("{} – {until}", stored_date(from))
}

/// The position history and the disciplinary penalties, newest first.
fn career(sheet: &mut Sheet, l: &ShowLabels, p: &Profile) {
    sheet.list(
        l.history,
        l.none,
        p.history.iter().map(|h| {
            let unit = h
                .unit_kerja
                .as_deref()
                .map(|u| format!(", {u}"))
                .unwrap_or_default();
            format!(
                "{}  {} ({}){unit}",
                span(l, &h.tmt_mulai, h.tmt_selesai.as_deref()),
                h.jabatan,
                h.tingkat_jabatan
            )
        }),
    );
    sheet.list(
        l.penalties,
        l.none,
        p.penalties.iter().map(|x| {
            let jenis = x
                .jenis
                .as_deref()
                .map(|j| format!(" {j}"))
                .unwrap_or_default();
            format!(
                "{}  {}{jenis}",
                span(l, &x.tmt, x.tmt_selesai.as_deref()),
                x.tingkat
            )
        }),
    );
}

/// The committee's decisions about the employee.
fn decision_lines(sheet: &mut Sheet, l: &ShowLabels, lang: Lang, decisions: &[Decision]) {
    sheet.list(
        l.decisions,
        l.none,
        decisions.iter().map(|d| {
            let kind = DecisionKind::parse(&d.kind)
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
            let outcome = d
                .outcome
                .as_ref()
                .map(|o| {
                    format!(
                        " — {}: {}",
                        tr!(lang, outcome::OUTCOME),
                        tr!(lang, outcome::summary(o))
                    )
                })
                .unwrap_or_default();
            format!(
                "#{} {} {}{pos}: {kind} — {}{sup}{outcome}",
                d.id, l.session, d.session_id, d.reason
            )
        }),
    );
}
