//! `talenta positions`, `talenta shortlist KODE`, `talenta compare NIP NIP...`
//! and `talenta succession list|add|remove`.

use super::output::{self, EmployeeCore, OutputFile};
use super::query::filter_error;
use super::{emit, CliError, CliResult, Ctx, SuccessionCommand, TableFormat};
use crate::domain::eligibility::{self, Condition};
use crate::domain::filter;
use crate::domain::krs::current_period;
use crate::domain::position::{self, Group, Listed, Ranked};
use crate::domain::succession::Readiness;
use crate::domain::{Competency, Pool, Position};
use crate::present::{
    self, columns, compare_rows, failed_codes, gaps_text, jpm_text, requirement_digits, Cell,
    ConditionText, Sheet,
};
use crate::store::load::load_pool;
use crate::store::positions::{self as plan, load_positions, Added, PlanError};
use crate::tr;
use serde::Serialize;
use std::collections::BTreeMap;

use crate::strings::format::date;

fn load(ctx: &Ctx) -> CliResult<(Pool, Vec<Position>)> {
    let store = ctx.open()?;
    let pool = load_pool(&store.conn, ctx.as_of, ctx.rules()).map_err(|e| ctx.store_error(e))?;
    let positions = load_positions(&store.conn).map_err(|e| ctx.store_error(e))?;
    Ok((pool, positions))
}

pub(super) fn find<'a>(
    ctx: &Ctx,
    positions: &'a [Position],
    kode: &str,
) -> CliResult<&'a Position> {
    let k = kode.trim();
    positions
        .iter()
        .find(|p| p.kode.eq_ignore_ascii_case(k))
        .ok_or_else(|| CliError::input(tr!(ctx.lang, positions::unknown_position(k))))
}

/// Required levels by competency code (the competencies the position requires).
fn requirement_map(p: &Position) -> BTreeMap<&'static str, u8> {
    Competency::ALL
        .iter()
        .filter_map(|c| p.required(*c).map(|l| (c.code(), l)))
        .collect()
}

pub(super) fn json_out<T: Serialize>(ctx: &Ctx, out: &OutputFile, v: &T) -> CliResult {
    let text = serde_json::to_string_pretty(v).map_err(|e| CliError::runtime(e.to_string()))?;
    output::deliver(ctx, out, &format!("{text}\n"))
}

fn competency_columns() -> impl Iterator<Item = String> {
    Competency::ALL.iter().map(|c| c.code().to_string())
}

/// A column per competency, `gap_` and its code.
fn gap_columns() -> impl Iterator<Item = String> {
    Competency::ALL.iter().map(|c| format!("gap_{}", c.code()))
}

/// The gap per competency (negative: below the requirement), empty where not assessed.
fn gap_cells(jpm: Option<&crate::domain::jpm::Jpm>) -> impl Iterator<Item = Cell> + '_ {
    Competency::ALL
        .iter()
        .map(move |k| Cell::opt_int(jpm.and_then(|j| j.gaps[k.index()])))
}

#[derive(Serialize)]
struct PositionOut {
    kode: String,
    nama_jabatan: String,
    tingkat_jabatan: String,
    unit_kerja: String,
    status: &'static str,
    kelompok: &'static str,
    pemangku_nip: Option<String>,
    pemangku_nama: Option<String>,
    tmt_pensiun_pemangku: Option<String>,
    persyaratan: BTreeMap<&'static str, u8>,
    /// `target` / `kritikal`, or null.
    kategori: Option<&'static str>,
    /// Established KRS members for the current period.
    krs: usize,
}

impl PositionOut {
    fn new(l: &Listed<'_>, period: i32) -> PositionOut {
        let p = l.position;
        PositionOut {
            kode: p.kode.clone(),
            nama_jabatan: p.nama.clone(),
            tingkat_jabatan: p.tingkat.code().to_string(),
            unit_kerja: p.unit.clone(),
            status: if p.vacant { "lowong" } else { "terisi" },
            kelompok: l.group.code(),
            pemangku_nip: p.holder_nip.clone(),
            pemangku_nama: l.holder.map(|h| h.nama.to_string()),
            tmt_pensiun_pemangku: l.retirement.map(|d| d.to_string()),
            persyaratan: requirement_map(p),
            kategori: p.kategori.map(|k| k.code()),
            krs: p.krs_in(period).count(),
        }
    }
}

/// `talenta positions`.
pub fn list(ctx: &Ctx, format: TableFormat, out: &OutputFile, years: Option<u32>) -> CliResult {
    output::check(ctx, format, out)?;
    let (pool, positions) = load(ctx)?;
    let years = years.unwrap_or(ctx.rules().retiring_within_years);
    let listed = position::list(&positions, &pool, years);
    let krs = current_period(ctx.as_of);
    match format {
        TableFormat::Json => {
            let v: Vec<PositionOut> = listed.iter().map(|l| PositionOut::new(l, krs)).collect();
            json_out(ctx, out, &v)
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            let header = Sheet::columns(
                &[
                    "kode",
                    "nama_jabatan",
                    "tingkat_jabatan",
                    "unit_kerja",
                    "status",
                    "kelompok",
                    "pemangku_nip",
                    "pemangku_nama",
                    "tmt_pensiun_pemangku",
                    "kategori",
                    "krs",
                ],
                competency_columns(),
            );
            let rows = listed.iter().map(|l| {
                let o = PositionOut::new(l, krs);
                let mut r = vec![
                    Cell::Code(o.kode),
                    Cell::Text(o.nama_jabatan),
                    Cell::Text(o.tingkat_jabatan),
                    Cell::Text(o.unit_kerja),
                    Cell::text(o.status),
                    Cell::text(o.kelompok),
                    Cell::opt_code(o.pemangku_nip),
                    Cell::opt_text(o.pemangku_nama),
                    Cell::opt_date(l.retirement),
                    Cell::opt_text(o.kategori),
                    Cell::int(o.krs as i64),
                ];
                r.extend(
                    Competency::ALL
                        .iter()
                        .map(|c| Cell::opt_int(l.position.required(*c))),
                );
                r
            });
            output::sheet_out(ctx, format, out, Sheet::new("positions", header, rows))
        }
        TableFormat::Table => {
            let header: &[&str] = tr!(ctx.lang, positions::POSITIONS_HEADER);
            let rows: Vec<Vec<String>> = listed
                .iter()
                .map(|l| {
                    let p = l.position;
                    vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        p.tingkat.label().to_string(),
                        p.unit.clone(),
                        tr!(ctx.lang, positions::group(l.group)).to_string(),
                        l.holder
                            .map(|h| h.nama.to_string())
                            .unwrap_or_else(|| "-".into()),
                        l.retirement.map(date).unwrap_or_else(|| "-".into()),
                        requirement_digits(p),
                    ]
                })
                .collect();
            let mut text = output::table(header, &rows, &[24, 36, 14, 30, 12, 30, 10, 17]);
            let count = |g: Group| listed.iter().filter(|l| l.group == g).count();
            text.push_str(&tr!(
                ctx.lang,
                positions::positions_line(
                    listed.len(),
                    count(Group::Vacant),
                    count(Group::Retiring),
                    years
                )
            ));
            text.push('\n');
            output::deliver(ctx, out, &text)
        }
    }
}

/// One eligibility condition (the contract's `syarat` list).
#[derive(Serialize)]
struct ConditionOut {
    /// The condition's code.
    syarat: &'static str,
    /// What it asks, in words.
    keterangan: &'static str,
    /// true / false, null when the data is missing.
    terpenuhi: Option<bool>,
    /// The regulation article, or our default.
    dasar: &'static str,
    /// The value seen.
    nilai: String,
    /// The value required.
    syarat_nilai: String,
}

fn conditions_out(ctx: &Ctx, cs: &[Condition]) -> Vec<ConditionOut> {
    cs.iter()
        .map(|c| {
            let t = ConditionText::new(ctx.lang, c);
            ConditionOut {
                syarat: t.code,
                keterangan: t.what,
                terpenuhi: c.outcome.terpenuhi(),
                dasar: t.dasar,
                nilai: t.seen,
                syarat_nilai: t.required,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct RankedOut {
    peringkat: usize,
    #[serde(flatten)]
    core: EmployeeCore,
    talent_pool: bool,
    /// A member of the KRS established for the as-of year (Pasal 200: priority in promotion).
    krs: bool,
    jpm: Option<f64>,
    pengisian: Option<&'static str>,
    pemetaan: Option<&'static str>,
    dinilai_lengkap: bool,
    kesenjangan: BTreeMap<&'static str, i8>,
    memenuhi_syarat: bool,
    syarat: Vec<ConditionOut>,
    tidak_terpenuhi: Vec<&'static str>,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl RankedOut {
    fn new(ctx: &Ctx, i: usize, r: &Ranked<'_>, conditions: &[Condition]) -> RankedOut {
        let c = r.candidate;
        let failed = failed_codes(conditions);
        RankedOut {
            peringkat: i + 1,
            core: EmployeeCore::new(c),
            talent_pool: r.talent_pool(),
            krs: c.krs,
            jpm: r.jpm.map(|j| round1(j.percent)),
            pengisian: r.fill.map(|b| b.code()),
            pemetaan: r.map.map(|b| b.code()),
            dinilai_lengkap: r.jpm.is_none_or(|j| j.fully_assessed),
            kesenjangan: r
                .jpm
                .map(|j| {
                    Competency::ALL
                        .iter()
                        .filter_map(|k| j.gaps[k.index()].map(|g| (k.code(), g)))
                        .collect()
                })
                .unwrap_or_default(),
            memenuhi_syarat: failed.is_empty(),
            syarat: conditions_out(ctx, conditions),
            tidak_terpenuhi: failed,
        }
    }
}

/// The shortlist as asked: the eligible candidates ranked, or with `all`
/// everyone ranked; each with every condition. Also the number eligible.
fn ranked_with_conditions<'a>(
    pool: &'a Pool,
    pos: &Position,
    f: Option<&filter::Filter>,
    all: bool,
    limit: Option<usize>,
) -> (Vec<(Ranked<'a>, Vec<Condition>)>, usize) {
    let mut ranked = if all {
        let rows = (0..pool.rows.len() as u32)
            .map(|i| (i, &pool.rows[i as usize]))
            .filter(|(_, c)| f.is_none_or(|f| f.matches_with(c, pool.as_of, &pool.rules)));
        position::rank(rows, pos, &pool.rules)
    } else {
        position::shortlist(pool, pos, f)
    };
    let eligible = if all {
        ranked
            .iter()
            .filter(|r| position::eligibility_of(r.candidate, pos, pool).is_ok())
            .count()
    } else {
        ranked.len()
    };
    if let Some(n) = limit {
        ranked.truncate(n);
    }
    let out = ranked
        .into_iter()
        .map(|r| {
            let cs = eligibility::conditions(r.candidate, pos, &pool.rules, pool.as_of);
            (r, cs)
        })
        .collect();
    (out, eligible)
}

/// `talenta shortlist KODE`.
pub fn shortlist(
    ctx: &Ctx,
    kode: &str,
    filter_text: Option<&str>,
    limit: Option<usize>,
    all: bool,
    format: TableFormat,
    out: &OutputFile,
) -> CliResult {
    output::check(ctx, format, out)?;
    let f = match filter_text {
        Some(t) => Some(filter::parse(t).map_err(|e| filter_error(ctx, t, &e))?),
        None => None,
    };
    let (pool, positions) = load(ctx)?;
    let pos = find(ctx, &positions, kode)?;
    let (ranked, eligible) = ranked_with_conditions(&pool, pos, f.as_ref(), all, limit);
    match format {
        TableFormat::Json => {
            let v: Vec<RankedOut> = ranked
                .iter()
                .enumerate()
                .map(|(i, (r, cs))| RankedOut::new(ctx, i, r, cs))
                .collect();
            json_out(ctx, out, &v)
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            output::sheet_out(ctx, format, out, shortlist_sheet(ctx, &ranked, all))
        }
        TableFormat::Table => {
            let mut text = format!(
                "{} · {} [{}] · {}\n\n",
                pos.kode,
                pos.nama,
                pos.tingkat.label(),
                pos.unit
            );
            text.push_str(&shortlist_table(ctx, &ranked, all));
            let line = if all {
                tr!(
                    ctx.lang,
                    positions::shortlist_all_line(ranked.len(), eligible, f.is_some())
                )
            } else {
                tr!(
                    ctx.lang,
                    positions::shortlist_line(ranked.len(), eligible, f.is_some())
                )
            };
            text.push_str(&line);
            text.push('\n');
            output::deliver(ctx, out, &text)
        }
    }
}

/// The shortlist as an exported table: rank, the nine employee columns, the
/// match and a gap per competency; with `all`, the conditions not met.
fn shortlist_sheet<'a>(
    ctx: &'a Ctx,
    ranked: &'a [(Ranked<'_>, Vec<Condition>)],
    all: bool,
) -> Sheet<'a> {
    let mut header = vec!["peringkat".to_string()];
    header.extend(Sheet::columns(
        &EmployeeCore::COLUMNS,
        [
            "talent_pool",
            "jpm",
            "pengisian",
            "pemetaan",
            "dinilai_lengkap",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(gap_columns()),
    ));
    if all {
        header.push("tidak_terpenuhi".into());
    }
    let rows = ranked.iter().enumerate().map(move |(i, (r, cs))| {
        let o = RankedOut::new(ctx, i, r, cs);
        let mut row = vec![Cell::int(o.peringkat as i64)];
        row.extend(o.core.into_cells());
        row.extend([
            Cell::Bool(o.talent_pool),
            Cell::decimal(o.jpm, 1),
            Cell::opt_text(o.pengisian),
            Cell::opt_text(o.pemetaan),
            Cell::Bool(o.dinilai_lengkap),
        ]);
        row.extend(gap_cells(r.jpm.as_ref()));
        if all {
            row.push(Cell::text(o.tidak_terpenuhi.join(" ")));
        }
        row
    });
    Sheet::new("shortlist", header, rows)
}

/// The shortlist table; with `all`, a last column of the conditions not met.
fn shortlist_table(ctx: &Ctx, ranked: &[(Ranked<'_>, Vec<Condition>)], all: bool) -> String {
    let mut header: Vec<&str> = tr!(ctx.lang, positions::SHORTLIST_HEADER).to_vec();
    let mut widths = vec![4, 18, 32, 32, 6, 5, 7, 9, 14, 60];
    if all {
        header.push(tr!(ctx.lang, positions::NOT_MET_HEADER));
        widths.push(60);
    }
    let rows: Vec<Vec<String>> = ranked
        .iter()
        .enumerate()
        .map(|(i, (r, cs))| {
            let c = r.candidate;
            let mut row = vec![
                (i + 1).to_string(),
                c.nip.to_string(),
                present::krs::shortlist_name(c),
                c.jabatan.text.to_string(),
                c.golongan.to_string(),
                c.kotak.map(|k| k.to_string()).unwrap_or_else(|| "-".into()),
                jpm_text(ctx.lang, r.jpm.as_ref()),
                r.fill.map(|b| b.code()).unwrap_or("-").to_string(),
                r.map.map(|b| b.name()).unwrap_or("-").to_string(),
                r.jpm.as_ref().map(gaps_text).unwrap_or_default(),
            ];
            if all {
                let failed = failed_codes(cs);
                row.push(if failed.is_empty() {
                    "-".into()
                } else {
                    failed.join(" ")
                });
            }
            row
        })
        .collect();
    output::table(&header, &rows, &widths)
}

#[derive(Serialize)]
struct YearValue<T> {
    tahun: u16,
    #[serde(flatten)]
    value: T,
}

#[derive(Serialize)]
struct Predikat {
    predikat: &'static str,
}

#[derive(Serialize)]
struct Jp {
    jp: u32,
}

#[derive(Serialize)]
struct CompareOut {
    #[serde(flatten)]
    employee: output::EmployeeOut,
    kinerja_per_tahun: Vec<YearValue<Predikat>>,
    pelatihan_per_tahun: Vec<YearValue<Jp>>,
    tmt_pensiun: String,
    tahun_ke_pensiun: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    jabatan_dibandingkan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    persyaratan: Option<BTreeMap<&'static str, u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kesenjangan: Option<BTreeMap<&'static str, i8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    jpm: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pengisian: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pemetaan: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    memenuhi_syarat: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alasan_tidak_memenuhi: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    syarat: Option<Vec<ConditionOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tidak_terpenuhi: Option<Vec<&'static str>>,
}

/// `talenta compare NIP NIP... [--position KODE]`.
pub fn compare(
    ctx: &Ctx,
    nips: &[String],
    kode: Option<&str>,
    format: TableFormat,
    out: &OutputFile,
) -> CliResult {
    output::check(ctx, format, out)?;
    if !(2..=6).contains(&nips.len()) {
        return Err(CliError::input(tr!(
            ctx.lang,
            positions::compare_count(nips.len())
        )));
    }
    let nips: Vec<&str> = nips.iter().map(|s| s.trim()).collect();
    for (i, n) in nips.iter().enumerate() {
        if nips[..i].contains(n) {
            return Err(CliError::input(tr!(
                ctx.lang,
                positions::compare_duplicate(n)
            )));
        }
    }
    let (pool, positions) = load(ctx)?;
    let pos = match kode {
        Some(k) => Some(find(ctx, &positions, k)?),
        None => None,
    };
    let mut cs = Vec::new();
    for n in &nips {
        cs.push(
            pool.find_nip(n)
                .ok_or_else(|| CliError::input(tr!(ctx.lang, cli::nip_not_found(n))))?,
        );
    }
    let cols = columns(&pool, &cs, pos);
    match format {
        TableFormat::Table => {
            let rows = compare_rows(ctx.lang, &pool, &cols, pos);
            let mut header: Vec<String> = vec![match pos {
                Some(p) => tr!(ctx.lang, positions::against(&p.kode)),
                None => String::new(),
            }];
            header.extend((1..=cols.len()).map(|i| i.to_string()));
            let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let table_rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|(label, cells)| {
                    let mut r = vec![label];
                    r.extend(cells);
                    r
                })
                .collect();
            let mut max = vec![32];
            max.extend(std::iter::repeat_n(28, cols.len()));
            output::deliver(ctx, out, &output::table(&header_refs, &table_rows, &max))
        }
        TableFormat::Json => {
            let v: Vec<CompareOut> = cols
                .iter()
                .map(|col| compare_out(ctx, &pool, pos, col))
                .collect();
            json_out(ctx, out, &v)
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            let sheet = compare_sheet(ctx, &pool, pos, &cols);
            output::sheet_out(ctx, format, out, sheet)
        }
    }
}

/// One candidate of `compare --format json`.
fn compare_out(
    ctx: &Ctx,
    pool: &Pool,
    pos: Option<&Position>,
    col: &present::Column<'_>,
) -> CompareOut {
    let c = col.candidate;
    let retire = c.retirement(&pool.rules);
    CompareOut {
        employee: output::EmployeeOut::new(c, pool.as_of),
        kinerja_per_tahun: c
            .skp
            .iter()
            .map(|(y, p)| YearValue {
                tahun: *y,
                value: Predikat { predikat: p.code() },
            })
            .collect(),
        pelatihan_per_tahun: c
            .training
            .iter()
            .map(|(y, jp)| YearValue {
                tahun: *y,
                value: Jp { jp: *jp },
            })
            .collect(),
        tmt_pensiun: retire.to_string(),
        tahun_ke_pensiun: crate::domain::dates::whole_years(pool.as_of, retire),
        jabatan_dibandingkan: pos.map(|p| p.kode.clone()),
        persyaratan: pos.map(requirement_map),
        kesenjangan: col.jpm.map(|j| {
            Competency::ALL
                .iter()
                .filter_map(|k| j.gaps[k.index()].map(|g| (k.code(), g)))
                .collect()
        }),
        jpm: col.jpm.map(|j| round1(j.percent)),
        pengisian: col.jpm.map(|j| pool.rules.jpm.fill(j.percent).code()),
        pemetaan: col.jpm.map(|j| pool.rules.jpm.map(j.percent).code()),
        memenuhi_syarat: col.eligibility.map(|e| e.is_ok()),
        alasan_tidak_memenuhi: col.eligibility.and_then(|e| e.err().map(|x| x.code())),
        syarat: pos.map(|_| conditions_out(ctx, &col.conditions)),
        tidak_terpenuhi: pos.map(|_| failed_codes(&col.conditions)),
    }
}

/// `compare --format csv|xlsx`: the employee columns of `query`, then the
/// retirement, the SKP by year and the match against the position.
fn compare_sheet<'a>(
    ctx: &'a Ctx,
    pool: &'a Pool,
    pos: Option<&'a Position>,
    cols: &'a [present::Column<'a>],
) -> Sheet<'a> {
    let mut header = output::employee_header();
    header.extend(Sheet::columns(
        &[
            "tmt_pensiun",
            "tahun_ke_pensiun",
            "kinerja_per_tahun",
            "jabatan_dibandingkan",
            "jpm",
            "pengisian",
            "pemetaan",
            "memenuhi_syarat",
            "alasan_tidak_memenuhi",
        ],
        gap_columns(),
    ));
    let rows = cols.iter().map(move |col| {
        let o = compare_out(ctx, pool, pos, col);
        let mut r = output::employee_cells(col.candidate, pool.as_of);
        r.extend([
            Cell::Date(col.candidate.retirement(&pool.rules)),
            Cell::int(o.tahun_ke_pensiun),
            Cell::text(
                o.kinerja_per_tahun
                    .iter()
                    .map(|y| format!("{}:{}", y.tahun, y.value.predikat))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Cell::opt_code(o.jabatan_dibandingkan),
            Cell::decimal(o.jpm, 1),
            Cell::opt_text(o.pengisian),
            Cell::opt_text(o.pemetaan),
            o.memenuhi_syarat.map_or(Cell::Empty, Cell::Bool),
            Cell::opt_text(o.alasan_tidak_memenuhi),
        ]);
        r.extend(gap_cells(col.jpm.as_ref()));
        r
    });
    Sheet::new("compare", header, rows)
}

fn plan_error(ctx: &Ctx, e: PlanError) -> CliError {
    match e {
        PlanError::Store(s) => ctx.store_error(s),
        other => CliError::input(tr!(ctx.lang, positions::plan_error(&other))),
    }
}

/// `talenta succession list|establish|add|remove`.
pub fn succession(ctx: &Ctx, cmd: SuccessionCommand) -> CliResult {
    match cmd {
        SuccessionCommand::List {
            kode,
            period,
            format,
            out,
        } => super::krs::list(ctx, kode.as_deref(), period, format, &out),
        SuccessionCommand::Establish {
            period,
            sk,
            date,
            kode,
        } => super::krs::establish(ctx, period, &sk, date, &kode),
        SuccessionCommand::Add {
            kode,
            nip,
            readiness,
            note,
            order,
        } => {
            let r = Readiness::parse(&readiness).ok_or_else(|| {
                CliError::input(tr!(ctx.lang, positions::readiness_invalid(&readiness)))
            })?;
            let mut store = ctx.open()?;
            let positions = load_positions(&store.conn).map_err(|e| ctx.store_error(e))?;
            let pos = find(ctx, &positions, &kode)?.clone();
            let nip = nip.trim().to_string();
            let added = plan::add(
                &mut store,
                &ctx.actor,
                current_period(ctx.as_of),
                &pos.kode,
                &nip,
                r,
                order,
                note.as_deref(),
            )
            .map_err(|e| plan_error(ctx, e))?;
            // A successor outside the eligibility rules is recorded (the committee
            // decides), with a note on stderr.
            let pool =
                load_pool(&store.conn, ctx.as_of, ctx.rules()).map_err(|e| ctx.store_error(e))?;
            if let Some(c) = pool.find_nip(&nip) {
                if let Err(e) = position::eligibility_of(c, &pos, &pool) {
                    eprintln!(
                        "talenta: {}",
                        tr!(
                            ctx.lang,
                            positions::not_eligible_warning(&tr!(
                                ctx.lang,
                                positions::ineligible(&e)
                            ))
                        )
                    );
                }
            }
            emit(&match added {
                Added::New(_) => tr!(ctx.lang, positions::successor_added(&pos.kode, &nip, r)),
                Added::Changed { .. } => {
                    tr!(ctx.lang, positions::successor_changed(&pos.kode, &nip, r))
                }
                Added::Same(_) => tr!(ctx.lang, positions::successor_same(&pos.kode, &nip)),
            })
        }
        SuccessionCommand::Remove { kode, nip, reason } => {
            let mut store = ctx.open()?;
            let positions = load_positions(&store.conn).map_err(|e| ctx.store_error(e))?;
            let kode = find(ctx, &positions, &kode)?.kode.clone();
            let nip = nip.trim().to_string();
            plan::remove(
                &mut store,
                &ctx.actor,
                current_period(ctx.as_of),
                &kode,
                &nip,
                &reason,
            )
            .map_err(|e| plan_error(ctx, e))?;
            emit(&tr!(ctx.lang, positions::successor_removed(&kode, &nip)))
        }
    }
}
