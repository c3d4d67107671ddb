//! `talenta succession establish` and `talenta succession list`: the plan with
//! the KRS the PPK established from it (PP 11/2017 Pasal 199).

use super::output::{self, OutputFile};
use super::positions::{find, json_out};
use super::{emit, CliError, CliResult, Ctx, TableFormat};
use crate::domain::krs;
use crate::domain::succession::Readiness;
use crate::present::{Cell, Sheet};
use crate::store::krs::{self as store_krs, Establish, KrsEntry, KrsError};
use crate::store::load::load_pool;
use crate::store::positions::{self as plan, load_positions, Successor};
use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// `talenta succession establish --period YYYY --sk NOMOR --date YYYY-MM-DD [KODE]...`
pub fn establish(ctx: &Ctx, period: i32, sk: &str, date: NaiveDate, kodes: &[String]) -> CliResult {
    let mut store = ctx.open()?;
    let positions = load_positions(&store.conn).map_err(|e| ctx.store_error(e))?;
    let mut named: Vec<String> = Vec::new();
    for k in kodes {
        let kode = find(ctx, &positions, k)?.kode.clone();
        if !named.contains(&kode) {
            named.push(kode);
        }
    }
    let pool = load_pool(&store.conn, ctx.as_of, ctx.rules()).map_err(|e| ctx.store_error(e))?;
    let what = Establish {
        period,
        sk,
        tanggal: date,
        positions: &named,
    };
    match store_krs::establish_plan(&mut store, &ctx.actor, &what, &pool, &positions) {
        Ok(done) => {
            let count = |f: &dyn Fn(&Successor) -> &str| {
                let mut v: Vec<&str> = done.members.iter().map(f).collect();
                v.dedup();
                v.len()
            };
            emit(&tr!(
                ctx.lang,
                krs::established(
                    period,
                    sk.trim(),
                    done.members.len(),
                    count(&|s| s.kode_jabatan.as_str()),
                    &done.superseded
                )
            ))
        }
        Err(KrsError::Store(e)) => Err(ctx.store_error(e)),
        Err(KrsError::Failing(list)) => {
            let details = list
                .iter()
                .map(|f| tr!(ctx.lang, krs::failure(f)))
                .collect();
            Err(
                CliError::input(tr!(ctx.lang, krs::failing(list.len(), period)))
                    .with_details(details),
            )
        }
        Err(other) => Err(CliError::input(tr!(ctx.lang, krs::krs_error(&other)))),
    }
}

/// One line of `succession list`: a plan entry, an established member, or both.
#[derive(Serialize)]
struct EntryOut {
    kode: String,
    kode_jabatan: String,
    urutan: i64,
    nip: String,
    nama: Option<String>,
    kesiapan: &'static str,
    catatan: Option<String>,
    diubah: Option<String>,
    /// In the committee's plan now.
    dalam_rencana: bool,
    /// The KRS period it is established for (null: proposed only).
    periode: Option<i32>,
    sk: Option<String>,
    tanggal_sk: Option<String>,
    ditetapkan: bool,
    /// The established period is over.
    kedaluwarsa: bool,
}

impl EntryOut {
    fn status(&self) -> krs::EntryStatus {
        match (self.ditetapkan, self.kedaluwarsa) {
            (false, _) => krs::EntryStatus::Proposed,
            (true, false) => krs::EntryStatus::Established,
            (true, true) => krs::EntryStatus::Expired,
        }
    }
}

/// The established members shown with the plan: of `period`, or (none given)
/// for each position and NIP the latest period from the as-of year on.
fn established(
    ctx: &Ctx,
    conn: &rusqlite::Connection,
    period: Option<i32>,
) -> CliResult<Vec<KrsEntry>> {
    let all = store_krs::in_force(conn, period).map_err(|e| ctx.store_error(e))?;
    if period.is_some() {
        return Ok(all);
    }
    let from = krs::current_period(ctx.as_of);
    let mut latest: BTreeMap<(String, String), KrsEntry> = BTreeMap::new();
    for e in all.into_iter().filter(|e| e.period >= from) {
        latest.insert((e.kode.clone(), e.nip.clone()), e); // ordered by period: the last wins
    }
    Ok(latest.into_values().collect())
}

fn entries(ctx: &Ctx, kode: Option<&str>, period: Option<i32>) -> CliResult<Vec<EntryOut>> {
    let store = ctx.open()?;
    let kode = match kode {
        Some(k) => {
            let positions = load_positions(&store.conn).map_err(|e| ctx.store_error(e))?;
            Some(find(ctx, &positions, k)?.kode.clone())
        }
        None => None,
    };
    let list = plan::successors(&store.conn, kode.as_deref()).map_err(|e| ctx.store_error(e))?;
    let mut krs_list = established(ctx, &store.conn, period)?;
    krs_list.retain(|e| kode.as_deref().is_none_or(|k| e.kode == k));
    let mut out: Vec<EntryOut> = Vec::with_capacity(list.len());
    for s in list {
        let at = krs_list
            .iter()
            .position(|e| e.kode == s.kode_jabatan && e.nip == s.nip);
        let e = at.map(|i| krs_list.remove(i));
        out.push(entry(ctx, Some(s), e));
    }
    out.extend(krs_list.into_iter().map(|e| entry(ctx, None, Some(e))));
    out.sort_by(|a, b| (&a.kode, a.urutan, &a.nip).cmp(&(&b.kode, b.urutan, &b.nip)));
    let names: Vec<Successor> = out
        .iter()
        .map(|o| Successor {
            kode_jabatan: o.kode.clone(),
            nip: o.nip.clone(),
            readiness: Readiness::Now,
            urutan: o.urutan,
            catatan: None,
            updated_at: String::new(),
        })
        .collect();
    let names = plan::successor_names(&store.conn, &names).map_err(|e| ctx.store_error(e))?;
    for (o, n) in out.iter_mut().zip(names) {
        o.nama = n;
    }
    Ok(out)
}

/// A plan entry and/or its established member as one line: the KRS's readiness
/// and order when established (frozen there), the plan's otherwise.
fn entry(ctx: &Ctx, s: Option<Successor>, e: Option<KrsEntry>) -> EntryOut {
    let (readiness, urutan, kode, nip) = match (&e, &s) {
        (Some(e), _) => (e.readiness, e.urutan, e.kode.clone(), e.nip.clone()),
        (None, Some(s)) => (s.readiness, s.urutan, s.kode_jabatan.clone(), s.nip.clone()),
        (None, None) => unreachable!("an entry is a plan entry or a member"),
    };
    EntryOut {
        kode_jabatan: kode.clone(),
        kode,
        urutan,
        nip,
        nama: None,
        kesiapan: readiness.code(),
        catatan: s.as_ref().and_then(|s| s.catatan.clone()),
        diubah: s.as_ref().map(|s| s.updated_at.clone()),
        dalam_rencana: s.is_some(),
        periode: e.as_ref().map(|e| e.period),
        sk: e.as_ref().map(|e| e.sk.clone()),
        tanggal_sk: e.as_ref().map(|e| e.tanggal.clone()),
        ditetapkan: e.is_some(),
        kedaluwarsa: e
            .as_ref()
            .is_some_and(|e| krs::expired(e.period, ctx.as_of)),
    }
}

/// `talenta succession list [KODE] [--period YYYY] [--format table|json|csv|xlsx] [-o FILE]`.
pub fn list(
    ctx: &Ctx,
    kode: Option<&str>,
    period: Option<i32>,
    format: TableFormat,
    out: &OutputFile,
) -> CliResult {
    output::check(ctx, format, out)?;
    let entries = entries(ctx, kode, period)?;
    match format {
        TableFormat::Json => json_out(ctx, out, &entries),
        TableFormat::Csv | TableFormat::Xlsx => {
            output::sheet_out(ctx, format, out, list_sheet(ctx, entries))
        }
        TableFormat::Table => {
            let header: &[&str] = tr!(ctx.lang, krs::LIST_HEADER);
            let rows: Vec<Vec<String>> = entries
                .into_iter()
                .map(|o| {
                    let status = o.status();
                    let krs_cell = match (o.periode, &o.sk) {
                        (Some(p), Some(sk)) => tr!(ctx.lang, krs::krs_cell(p, sk, status)),
                        _ => tr!(ctx.lang, krs::status(status)).to_string(),
                    };
                    vec![
                        o.kode,
                        o.urutan.to_string(),
                        o.nip,
                        o.nama.unwrap_or_else(|| "-".into()),
                        Readiness::parse(o.kesiapan)
                            .map(|r| tr!(ctx.lang, positions::readiness(r)).to_string())
                            .unwrap_or_default(),
                        krs_cell,
                        o.catatan.unwrap_or_default(),
                    ]
                })
                .collect();
            output::deliver(
                ctx,
                out,
                &output::table(header, &rows, &[24, 4, 18, 36, 14, 40, 40]),
            )
        }
    }
}

/// `succession list --format csv|xlsx`: one row per entry; the time of the
/// plan's last change read in the agency's zone.
fn list_sheet(ctx: &Ctx, entries: Vec<EntryOut>) -> Sheet<'static> {
    let header = Sheet::columns(
        &[
            "kode_jabatan",
            "urutan",
            "nip",
            "nama",
            "kesiapan",
            "catatan",
            "diubah",
            "periode",
            "sk",
            "tanggal_sk",
            "ditetapkan",
            "kedaluwarsa",
        ],
        [],
    );
    let zone = ctx.config.agency.zone();
    let rows = entries.into_iter().map(move |o| {
        vec![
            Cell::Code(o.kode),
            Cell::Int(o.urutan),
            Cell::Code(o.nip),
            Cell::opt_text(o.nama),
            Cell::text(o.kesiapan),
            Cell::opt_text(o.catatan),
            o.diubah.map_or(Cell::Empty, |t| Cell::time(zone, &t)),
            Cell::opt_int(o.periode),
            Cell::opt_code(o.sk),
            o.tanggal_sk.map_or(Cell::Empty, |d| Cell::date_text(&d)),
            Cell::Bool(o.ditetapkan),
            Cell::Bool(o.kedaluwarsa),
        ]
    });
    Sheet::new("succession", header, rows)
}
