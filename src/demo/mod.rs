//! The demo talent pool: a realistic, reproducible pool of a Sumatera Selatan
//! provincial government (and, for large sizes, its kabupaten/kota and other
//! Sumatran regions), for first runs, demonstrations, import tests and benchmarks.
//!
//! - [`generate`] produces the pool in chunks of [`CHUNK`] employees with all
//!   their records, so even 5,000,000 employees never sit in memory at once; the
//!   positions and their competency requirements come in the last batch.
//!   The same [`DemoSpec`] gives the same batches, byte for byte.
//! - [`build`] writes it into an empty store in one transaction with one audit entry.
//! - [`export_csv`] writes it as the import files of `import-format.md`.
//!
//! How the pool is made: [`org`] (regions, agencies, structural posts),
//! [`people`] (careers and records), [`names`] (names and titles), with the lists
//! in `data/` (see [`data`]).
//!
//! What the records look like:
//! - SKP predikat for the four years before the as-of year (years served by July),
//!   correlated per person: about 80 % Baik, 11 % Sangat Baik, 6 % Butuh Perbaikan,
//!   rare Kurang and Sangat Kurang. Potential correlates mildly with performance and
//!   rises with tier and education; the resulting 9-box at 5,000 employees is about
//!   box 5 45 %, box 2 27 %, boxes 7-9 together 17 %, boxes 1, 6 and 9 small, and
//!   about 11 % without a box (no predikat yet, or never assessed).
//! - Potential for about 90 %: a JPM-style score (55-99), a kategori, or both, by
//!   assessment centre, JPM test or BKN's potential test; 12 % assessed twice.
//! - Competency levels for about 80 % (all nine at one date, within the last three
//!   years, 15 % assessed twice): around the standard level of their tier, higher
//!   for JPT (see [`people::standard_level`]).
//! - Training: one to five courses a year with their JP, about half reaching 20 JP,
//!   plus Latsar CPNS, PPPK orientation and leadership courses when due.
//! - Positions: every structural post with a code (`DISDIK-JPT-01`,
//!   `PLG-DINKES-ADM-02`), about 10 % vacant, each requiring all nine competencies
//!   at the tier's typical standard level (PermenPANRB 38/2017 as commonly applied:
//!   JPT Madya 5, JPT Pratama 4, Administrator 3, Pengawas 3; typical values, not a
//!   position's own standard).

pub mod csv_out;
pub mod data;
pub mod names;
pub mod org;
pub mod people;

use crate::domain::{Competency, Status};
use crate::store::audit::{self, Change};
use crate::store::records::{Batch, PositionRec, RequirementRec};
use crate::store::{bulk, Actor, Store};
use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use std::path::Path;

/// Smallest pool `talenta demo` makes.
pub const MIN_SIZE: usize = 100;
/// Largest pool `talenta demo` makes (about every ASN in Indonesia).
pub const MAX_SIZE: usize = 5_000_000;
/// The size of the demo built on first run.
pub const DEFAULT_SIZE: usize = 5_000;
/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;
/// Employees per generated batch.
pub const CHUNK: usize = 10_000;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    /// Number of employees, [`MIN_SIZE`]..=[`MAX_SIZE`].
    pub size: usize,
    pub seed: u64,
    /// The date the pool is "now": ages, SKP years and assessment dates are relative to it.
    pub as_of: NaiveDate,
}

impl DemoSpec {
    pub fn new(size: usize, seed: u64, as_of: NaiveDate) -> DemoSpec {
        DemoSpec { size, seed, as_of }
    }
}

/// A size outside [`MIN_SIZE`]..=[`MAX_SIZE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    #[error("a demo pool has at least {MIN_SIZE} employees (asked for {0})")]
    TooSmall(usize),
    #[error("a demo pool has at most {MAX_SIZE} employees (asked for {0})")]
    TooLarge(usize),
}

/// Check a requested size.
pub fn validate_size(n: usize) -> Result<(), SizeError> {
    if n < MIN_SIZE {
        Err(SizeError::TooSmall(n))
    } else if n > MAX_SIZE {
        Err(SizeError::TooLarge(n))
    } else {
        Ok(())
    }
}

/// How many records of each kind a pool has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DemoCounts {
    pub employees: u64,
    pub pppk: u64,
    pub units: u64,
    pub skp: u64,
    pub competencies: u64,
    pub potentials: u64,
    pub trainings: u64,
    /// Position history rows (riwayat jabatan).
    pub histories: u64,
    pub penalties: u64,
    pub positions: u64,
    pub vacant: u64,
    pub requirements: u64,
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub size: usize,
    pub seed: u64,
    pub as_of: NaiveDate,
    pub counts: DemoCounts,
    /// Employees per 9-box (index 0 = box 1) under the default rules.
    pub boxes: [u64; 9],
    /// Employees without a box (no predikat or no potential).
    pub no_box: u64,
}

impl DemoSummary {
    /// The summary as the audit entry records it.
    pub fn to_json(&self) -> serde_json::Value {
        json!({
            "size": self.size,
            "seed": self.seed,
            "as_of": self.as_of.to_string(),
            "counts": self.counts,
        })
    }
}

/// Generate the pool of `spec`, handing it to `sink` batch by batch.
pub fn generate(
    spec: &DemoSpec,
    sink: impl FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    run(spec, sink).map(|_| ())
}

fn run(
    spec: &DemoSpec,
    mut sink: impl FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<DemoSummary> {
    validate_size(spec.size)?;
    let mut plan_rng = people::stream(spec.seed, 0, 0);
    let plan = org::plan(spec.size, &mut plan_rng);
    let mut ctx = people::Ctx::new(spec.seed, spec.as_of);
    let mut summary = DemoSummary {
        size: spec.size,
        seed: spec.seed,
        as_of: spec.as_of,
        counts: DemoCounts {
            units: plan.units.len() as u64,
            ..DemoCounts::default()
        },
        boxes: [0; 9],
        no_box: 0,
    };
    let mut holders: Vec<Vec<Option<String>>> = plan
        .units
        .iter()
        .map(|u| vec![None; u.posts.len()])
        .collect();
    let mut batch = Batch::default();
    let mut index = 0u64;

    fn tally(c: &mut DemoCounts, b: &Batch) {
        c.employees += b.employees.len() as u64;
        c.pppk += b
            .employees
            .iter()
            .filter(|e| e.status == Status::Pppk)
            .count() as u64;
        c.skp += b.skp.len() as u64;
        c.competencies += b.competencies.len() as u64;
        c.potentials += b.potentials.len() as u64;
        c.trainings += b.trainings.len() as u64;
        c.histories += b.histories.len() as u64;
        c.penalties += b.penalties.len() as u64;
        c.positions += b.positions.len() as u64;
        c.vacant += b.positions.iter().filter(|p| p.vacant).count() as u64;
        c.requirements += b.requirements.len() as u64;
    }

    for (ui, unit) in plan.units.iter().enumerate() {
        let filled: Vec<usize> = unit.filled_posts().map(|(i, _)| i).collect();
        let staff = unit.headcount - filled.len();
        let roles = filled
            .iter()
            .map(|i| Some(*i))
            .chain(std::iter::repeat_n(None, staff));
        for post in roles {
            let role = match post {
                Some(i) => people::Role::Post(&unit.posts[i]),
                None => people::Role::Staff,
            };
            let o = ctx.employee(index, unit, role, &mut batch);
            index += 1;
            match o.kotak {
                Some(k) => summary.boxes[k as usize - 1] += 1,
                None => summary.no_box += 1,
            }
            if let Some(i) = post {
                holders[ui][i] = Some(o.nip);
            }
            if batch.employees.len() >= CHUNK {
                tally(&mut summary.counts, &batch);
                sink(std::mem::take(&mut batch))?;
            }
        }
    }

    for (unit, unit_holders) in plan.units.iter().zip(holders) {
        for (post, holder) in unit.posts.iter().zip(unit_holders) {
            batch.positions.push(PositionRec {
                kode: post.kode.clone(),
                nama: post.nama.clone(),
                tingkat: post.tingkat,
                unit: unit.nama.clone(),
                vacant: post.vacant,
                holder_nip: holder,
                kategori: Some(org::kategori(post)),
            });
            let level = people::standard_level(post.tingkat, &post.nama);
            for c in Competency::ALL {
                batch.requirements.push(RequirementRec {
                    kode: post.kode.clone(),
                    competency: c,
                    level,
                });
            }
        }
    }
    tally(&mut summary.counts, &batch);
    sink(batch)?;
    Ok(summary)
}

/// Write the pool of `spec` into `store`, which must hold no employees, units or
/// positions yet: everything in one transaction, with one audit entry (action
/// `demo`, entity `pool`, after = size, seed, as_of and counts). Generation runs
/// on a second thread while this one writes; `progress` shows a bar on stderr.
pub fn build(
    store: &mut Store,
    spec: &DemoSpec,
    actor: &Actor,
    progress: bool,
) -> anyhow::Result<DemoSummary> {
    validate_size(spec.size)?;
    let used: i64 = store.conn.query_row(
        "SELECT (SELECT count(*) FROM employee) + (SELECT count(*) FROM unit) + (SELECT count(*) FROM position)",
        [],
        |r| r.get(0),
    )?;
    if used > 0 {
        anyhow::bail!(
            "{} already holds a talent pool; the demo is built only into an empty database",
            store.path.display()
        );
    }
    let bar = if progress {
        let pb = indicatif::ProgressBar::new(spec.size as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{wide_bar} {human_pos}/{human_len} ({elapsed_precise}, {eta})",
            )
            .expect("a valid template"),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };

    // For the build only:
    // - a rollback journal instead of WAL: the transaction stays atomic, but pages
    //   added to the file need no journal, so a fresh pool is written once instead
    //   of to the WAL and then again by the checkpoint (1,000,000 employees: about
    //   35 s instead of 45-65 s). If another connection keeps the file in WAL
    //   mode the switch does not happen and the build just takes longer;
    // - a larger page cache keeps the B-trees in memory;
    // - the generated records are consistent by construction (and the tests check
    //   it), so foreign keys are not checked row by row.
    let conn = &store.conn;
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let fk: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    let journal: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -262_144)?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let _: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    let result = write_pool(store, spec, actor, &bar);
    let conn = &store.conn;
    let restored = conn
        .query_row(&format!("PRAGMA journal_mode = {journal}"), [], |r| {
            r.get::<_, String>(0)
        })
        .and_then(|_| conn.pragma_update(None, "cache_size", cache))
        .and_then(|_| conn.pragma_update(None, "foreign_keys", fk));
    bar.finish_and_clear();
    let summary = result?;
    restored?;
    Ok(summary)
}

fn write_pool(
    store: &mut Store,
    spec: &DemoSpec,
    actor: &Actor,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<DemoSummary> {
    let tx = store.write_tx()?;
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(2);
    let summary = std::thread::scope(|s| -> anyhow::Result<DemoSummary> {
        let producer = s.spawn(move || {
            run(spec, |b| {
                send.send(b)
                    .map_err(|_| anyhow::anyhow!("the database writer stopped"))
            })
        });
        let mut written: anyhow::Result<()> = Ok(());
        for b in receive.iter() {
            if let Err(e) = bulk::insert_fresh(&tx, &b) {
                written = Err(e.into());
                break;
            }
            bar.inc(b.employees.len() as u64);
        }
        drop(receive);
        let generated = producer
            .join()
            .map_err(|_| anyhow::anyhow!("the demo generator panicked"))?;
        written?;
        generated
    })?;
    // The demo's penalties are all there are: those without one have none.
    crate::store::records::mark_penalties_known(&tx)?;
    audit::append(
        &tx,
        actor,
        Change {
            action: "demo",
            entity: "pool",
            entity_id: &format!("seed {}", spec.seed),
            before: None,
            after: Some(summary.to_json()),
        },
    )?;
    tx.commit().context("committing the demo pool")?;
    Ok(summary)
}

/// Write the pool of `spec` as import-format CSV files (`pegawai.csv`,
/// `kinerja.csv`, `kompetensi.csv`, `potensi.csv`, `pelatihan.csv`, `jabatan.csv`,
/// `syarat_jabatan.csv`) into `dir` (created if missing, files replaced).
/// `semicolon` writes an Indonesian-locale spreadsheet export: `;`, `DD/MM/YYYY`
/// dates and decimal commas (see [`csv_out`]).
pub fn export_csv(spec: &DemoSpec, dir: &Path, semicolon: bool) -> anyhow::Result<DemoSummary> {
    validate_size(spec.size)?;
    let mut out = csv_out::CsvOut::create(dir, semicolon)?;
    let summary = run(spec, |b| out.write(&b))?;
    out.finish()?;
    Ok(summary)
}
