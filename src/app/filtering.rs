//! Filtering and sorting off the input path.
//!
//! Every change of the filter text, the sort or the 9-box selection becomes a
//! [`Query`] with a generation number. In the background mode a worker thread
//! runs only the newest query: older ones waiting in the channel are skipped
//! and one being computed is abandoned as soon as a newer one is submitted, so
//! the latest keystroke wins and input never waits for a large pool. The
//! synchronous mode computes on the spot (tests, tiny pools).

use super::sort::{self, Sort};
use crate::domain::calibration::CalibrationTally;
use crate::domain::filter::{self, ColumnId, FilterError, FilterWarning};
use crate::domain::jpm::Jpm;
use crate::domain::{position, Pool, Position};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};

/// What the table and the grid show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    pub sort: Sort,
    /// Only the candidates in this 9-box (the grid's Enter).
    pub box_only: Option<u8>,
    /// The position whose shortlist is open: its eligible candidates among the
    /// filter's matches are ranked in the same run (off the input thread).
    pub shortlist: Option<Arc<Position>>,
}

/// A ranked shortlist: pool row and job-person match, best first.
pub type Shortlist = Arc<Vec<(u32, Option<Jpm>)>>;

/// The result of a query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// Pool row indices to list, sorted; narrowed to `box_only` when set.
    pub rows: Arc<Vec<u32>>,
    /// Candidates matching the filter (before narrowing to a box).
    pub filtered: usize,
    /// Per box 1..=9 (index 0 is box 1), over the filter's matches.
    pub counts: [usize; 9],
    /// Matches without a box (no predikat or no potential).
    pub no_box: usize,
    /// The talent review over the filter's matches (moves and stale ones).
    pub calibration: CalibrationTally,
    /// The shortlist of [`Query::shortlist`] (among all the filter's matches,
    /// whatever the box).
    pub shortlist: Option<Shortlist>,
    /// The filter's first warning (a field name searched as text), shown in
    /// the filter bar.
    pub warning: Option<FilterWarning>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Filter(FilterError),
    /// The worker stopped on an internal error.
    Crashed,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub generation: u64,
    pub query: Query,
    pub result: Result<Matches, Failure>,
}

/// Runs queries; keeps the pool's order for the last sort so that typing a
/// filter only walks the pool once per keystroke.
#[derive(Default)]
pub struct Engine {
    order: Option<(Arc<Pool>, Sort, Arc<Vec<u32>>)>,
    /// The last filter run and a bit per pool row it matched: a filter that
    /// refines it (typing on) is evaluated over those rows alone.
    last: Option<(Arc<Pool>, filter::Filter, Arc<Vec<u64>>)>,
}

/// How often (in rows) a long run checks whether it was superseded.
const CHECK_EVERY: usize = 4096;

impl Engine {
    fn order(&mut self, pool: &Arc<Pool>, s: Sort) -> Arc<Vec<u32>> {
        if let Some((p, cached, order)) = &self.order {
            if Arc::ptr_eq(p, pool) && *cached == s {
                return order.clone();
            }
        }
        let order = sort::shared_order(pool, s);
        self.order = Some((pool.clone(), s, order.clone()));
        order
    }

    /// Run a query; `None` when `cancelled` said so before the end.
    ///
    /// Two passes: the filter is evaluated in the pool's own row order (memory
    /// read front to back, split over the cores for large pools) into a bitset,
    /// which also gives the box counts; then the sorted order is walked once,
    /// keeping the rows whose bit is set.
    pub fn run(
        &mut self,
        pool: &Arc<Pool>,
        q: &Query,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Result<Matches, FilterError>> {
        let f = match filter::parse(&q.text) {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        };
        let order = self.order(pool, q.sort);
        if cancelled() {
            return None;
        }
        let domain = match &self.last {
            Some((p, last, bits)) if Arc::ptr_eq(p, pool) && f.refines(last) => Some(bits.clone()),
            _ => None,
        };
        let prepared = f.prepare_within(pool, domain.as_deref().map(|v| v.as_slice()));
        let n = pool.rows.len();
        let words = n.div_ceil(64);
        let mut matched = vec![0u64; words];
        // Rows to list differ from the matches only when narrowed to a box.
        let mut listed = q.box_only.map(|_| vec![0u64; words]);
        let parts = parts_for(n);
        // Whole words per part, so that each thread writes only its own.
        let per = words.div_ceil(parts).max(1);
        let scope = Scope {
            filter: &prepared,
            pool,
            domain: domain.as_deref().map(|v| v.as_slice()),
            box_only: q.box_only,
            cancelled,
        };
        let tallies: Vec<Option<Tally>> = if parts == 1 {
            vec![scope.scan(0, &mut matched, listed.as_deref_mut())]
        } else {
            let mut listed_parts: Vec<Option<&mut [u64]>> = match listed.as_mut() {
                Some(l) => l.chunks_mut(per).map(Some).collect(),
                None => (0..matched.len().div_ceil(per)).map(|_| None).collect(),
            };
            std::thread::scope(|s| {
                let scope = &scope;
                let handles: Vec<_> = matched
                    .chunks_mut(per)
                    .zip(listed_parts.iter_mut().map(|l| l.take()))
                    .enumerate()
                    .map(|(k, (m, l))| s.spawn(move || scope.scan(k * per, m, l)))
                    .collect();
                handles
                    .into_iter()
                    // A panic in a part is the worker's to report (it catches unwinds).
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut m = Matches::default();
        for t in tallies {
            let t = t?;
            m.filtered += t.filtered;
            m.no_box += t.no_box;
            m.calibration.merge(&t.calibration);
            for (a, b) in m.counts.iter_mut().zip(t.counts) {
                *a += b;
            }
        }
        m.rows = if listed.is_none() && m.filtered == n {
            // Every row matches: the list is the sorted order itself, shared
            // (with every screen of `talenta serve` on this sort) rather than copied.
            order
        } else {
            let shown = listed.as_ref().unwrap_or(&matched);
            Arc::new(kept_in_order(&order, shown, cancelled)?)
        };
        m.warning = f.warnings().first().cloned();
        drop(prepared);
        if let Some(pos) = &q.shortlist {
            m.shortlist = Some(Arc::new(rank_matches(pool, pos, &matched, cancelled)?));
        }
        self.last = Some((pool.clone(), f, Arc::new(matched)));
        Some(Ok(m))
    }
}

/// The rows of `order` set in `shown`, in that order (a large pool's order
/// walked in parts on every core, then joined); `None` when cancelled.
fn kept_in_order(
    order: &[u32],
    shown: &[u64],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<u32>> {
    let walk = |part: &[u32]| {
        // Every row written, the length moved on by its bit: no branch to
        // mispredict (a row past the matches' end is cut off).
        let mut rows = vec![0u32; part.len()];
        let mut len = 0;
        for (k, chunk) in part.chunks(CHECK_EVERY * 16).enumerate() {
            if k > 0 && cancelled() {
                return None;
            }
            for &i in chunk {
                rows[len] = i;
                let bit = shown
                    .get(i as usize / 64)
                    .map_or(0, |w| (w >> (i % 64)) & 1);
                len += bit as usize;
            }
        }
        rows.truncate(len);
        Some(rows)
    };
    let parts = parts_for(order.len());
    if parts == 1 {
        return walk(order);
    }
    let per = order.len().div_ceil(parts);
    let found: Vec<Option<Vec<u32>>> = std::thread::scope(|s| {
        let walk = &walk;
        let handles: Vec<_> = order
            .chunks(per)
            .map(|part| s.spawn(move || walk(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let found: Vec<Vec<u32>> = found.into_iter().collect::<Option<_>>()?;
    let mut rows = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for part in found {
        rows.extend_from_slice(&part);
    }
    Some(rows)
}

/// The eligible candidates for `pos` among the rows set in `matched`, ranked;
/// `None` when cancelled.
fn rank_matches(
    pool: &Pool,
    pos: &Position,
    matched: &[u64],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<(u32, Option<Jpm>)>> {
    let mut stopped = false;
    let rows = (0..pool.rows.len() as u32).filter(|&i| {
        if (i as usize).is_multiple_of(CHECK_EVERY * 16) && cancelled() {
            stopped = true;
        }
        !stopped && matched[i as usize / 64] & (1 << (i % 64)) != 0
    });
    let ranked = position::rank_eligible(pool, pos, rows);
    (!stopped).then(|| ranked.iter().map(|r| (r.row, r.jpm)).collect())
}

/// Counts of one part of a scan.
#[derive(Default)]
struct Tally {
    filtered: usize,
    counts: [usize; 9],
    no_box: usize,
    calibration: CalibrationTally,
}

/// Rows per scanning thread at least (below that one thread is faster).
const ROWS_PER_PART: usize = 16_384;

fn parts_for(n: usize) -> usize {
    crate::domain::search::threads_for(n, ROWS_PER_PART)
}

/// What every part of a scan shares.
struct Scope<'a> {
    filter: &'a filter::Matcher<'a>,
    pool: &'a Pool,
    /// Only these rows can match (the matches of a filter this one refines).
    domain: Option<&'a [u64]>,
    box_only: Option<u8>,
    cancelled: &'a (dyn Fn() -> bool + Sync),
}

impl Scope<'_> {
    /// Evaluate the rows from word `first` on (as many as `matched` holds bits
    /// for): a bit in `matched` for each match, and in `listed` (when narrowed
    /// to a box) for each match in that box. `None` when cancelled.
    fn scan(
        &self,
        first: usize,
        matched: &mut [u64],
        mut listed: Option<&mut [u64]>,
    ) -> Option<Tally> {
        let rows = &self.pool.rows;
        let n = rows.len();
        // The box of a match from the pool's box column; a match's candidate
        // is read only for its talent review (the few calibrated rows).
        let index = &self.pool.search;
        let kotak = index.byte_column(ColumnId::Kotak, rows)?;
        // The whole filter decided for every row at once: a word at a time.
        let decided = self.filter.decided().map(|b| b.words());
        let mut t = Tally::default();
        let mut per_box = [0usize; 16];
        let mut seen = 0usize;
        for (w, word) in matched.iter_mut().enumerate() {
            let at = (first + w) * 64;
            if at >= n {
                break;
            }
            let candidates = match self.domain {
                Some(d) => d.get(first + w).copied().unwrap_or(0),
                None => u64::MAX,
            };
            let m = match decided {
                Some(d) => {
                    if w % (CHECK_EVERY / 64) == 0 && w > 0 && (self.cancelled)() {
                        return None;
                    }
                    candidates & d.get(first + w).copied().unwrap_or(0)
                }
                None => {
                    let mut m = 0u64;
                    let mut left = candidates;
                    while left != 0 {
                        let b = left.trailing_zeros() as usize;
                        left &= left - 1;
                        let Some(c) = rows.get(at + b) else { break };
                        seen += 1;
                        if seen.is_multiple_of(CHECK_EVERY) && (self.cancelled)() {
                            return None;
                        }
                        if self.filter.matches(at + b, c) {
                            m |= 1 << b;
                        }
                    }
                    m
                }
            };
            *word = m;
            let boxes = &kotak[at..(at + 64).min(n)];
            let want = self.box_only;
            let mut in_box = 0u64;
            if m == u64::MAX {
                for (b, &k) in boxes.iter().enumerate() {
                    per_box[usize::from(k & 15)] += 1;
                    in_box |= u64::from(Some(k) == want) << b;
                }
            } else {
                let mut left = m;
                while left != 0 {
                    let b = left.trailing_zeros() as usize;
                    left &= left - 1;
                    let k = boxes.get(b).copied().unwrap_or(0);
                    per_box[usize::from(k & 15)] += 1;
                    in_box |= u64::from(Some(k) == want) << b;
                }
            }
            if let Some(l) = listed.as_deref_mut() {
                l[w] = in_box;
            }
        }
        t.filtered = per_box.iter().sum();
        t.counts.copy_from_slice(&per_box[1..=9]);
        t.no_box = t.filtered - t.counts.iter().sum::<usize>();
        // The talent reviews among the matches.
        let (lo, hi) = (first * 64, (first + matched.len()) * 64);
        for &r in index.reviewed_rows(rows) {
            let r = r as usize;
            if r < lo || r >= hi {
                continue;
            }
            let i = r - lo;
            if matched[i / 64] & (1 << (i % 64)) != 0 {
                t.calibration.add(rows[r].calibration.as_deref());
            }
        }
        Some(t)
    }
}

struct Job {
    generation: u64,
    pool: Arc<Pool>,
    query: Query,
}

/// The background filter thread.
pub struct Worker {
    tx: Option<mpsc::Sender<Job>>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Start the thread; `notify` receives each finished (not abandoned) outcome.
    pub fn spawn(notify: impl Fn(Outcome) + Send + 'static) -> std::io::Result<Worker> {
        let (tx, rx) = mpsc::channel::<Job>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        std::thread::Builder::new()
            .name("talenta-filter".into())
            .spawn(move || {
                let mut engine = Engine::default();
                while let Ok(mut job) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        job = newer;
                    }
                    let generation = job.generation;
                    if seen.load(Ordering::Acquire) != generation {
                        continue;
                    }
                    let cancelled = || seen.load(Ordering::Acquire) != generation;
                    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        engine.run(&job.pool, &job.query, &cancelled)
                    }));
                    let result = match run {
                        Ok(None) => continue,
                        Ok(Some(r)) => r.map_err(Failure::Filter),
                        Err(_) => {
                            engine = Engine::default();
                            Err(Failure::Crashed)
                        }
                    };
                    notify(Outcome {
                        generation,
                        query: job.query,
                        result,
                    });
                    // Idle until the next keystroke: prepare the text search.
                    job.pool.search.warm(&job.pool.rows);
                }
            })?;
        Ok(Worker {
            tx: Some(tx),
            latest,
        })
    }

    /// Hand a query to the thread; any older one still running is abandoned.
    pub fn submit(&self, generation: u64, pool: Arc<Pool>, query: Query) {
        self.latest.store(generation, Ordering::Release);
        if let Some(tx) = &self.tx {
            let _ = tx.send(Job {
                generation,
                pool,
                query,
            });
        }
    }
}

impl Drop for Worker {
    /// Abandon any run in progress and let the thread end on its own: quitting
    /// never waits for a computation.
    fn drop(&mut self) {
        self.latest.store(u64::MAX, Ordering::Release);
        self.tx.take();
    }
}

/// Where queries run.
pub enum Filtering {
    /// On the caller's thread, at once.
    Sync(Engine),
    Background(Worker),
}

impl Filtering {
    pub fn sync() -> Filtering {
        Filtering::Sync(Engine::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::sort::Column;
    use crate::domain::candidate::tests::sample;
    use crate::domain::{Potensi, Predikat, Rules};
    use chrono::NaiveDate;
    use std::sync::atomic::AtomicUsize;

    /// `n` candidates cycling through boxes 9, 5, 1 and no box.
    fn pool(n: usize) -> Arc<Pool> {
        let rows = (0..n)
            .map(|i| {
                let mut c = sample();
                c.id = i as i64;
                c.nip = format!("1986092620150510{:08}", n - i).into();
                match i % 4 {
                    0 => {}
                    1 => {
                        c.skp = smallvec::smallvec![(2025, Predikat::Baik)];
                        c.potensi = Some(Potensi::Menengah);
                    }
                    2 => {
                        c.skp = smallvec::smallvec![(2025, Predikat::Kurang)];
                        c.potensi = Some(Potensi::Rendah);
                    }
                    _ => c.potensi = None,
                }
                c
            })
            .collect();
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        Arc::new(Pool::new(rows, as_of, Rules::default()))
    }

    fn q(text: &str, box_only: Option<u8>) -> Query {
        Query {
            text: text.into(),
            sort: Sort::default(),
            box_only,
            shortlist: None,
        }
    }

    #[test]
    fn counts_boxes_and_narrows_to_one() {
        let p = pool(40);
        let mut e = Engine::default();
        let m = e.run(&p, &q("", None), &|| false).unwrap().unwrap();
        assert_eq!(m.filtered, 40);
        assert_eq!(m.counts[8], 10);
        assert_eq!(m.counts[4], 10);
        assert_eq!(m.counts[0], 10);
        assert_eq!(m.no_box, 10);
        assert_eq!(m.rows.len(), 40);
        let m = e
            .run(&p, &q("kotak>=5", Some(9)), &|| false)
            .unwrap()
            .unwrap();
        assert_eq!(m.filtered, 20, "the filter's matches, all boxes");
        assert_eq!(m.counts[0], 0);
        assert_eq!(m.rows.len(), 10, "listed: box 9 only");
        assert!(m.rows.iter().all(|&i| p.rows[i as usize].kotak == Some(9)));
        // Rows come in NIP order (the NIPs were made descending).
        let nips: Vec<&str> = m.rows.iter().map(|&i| &*p.rows[i as usize].nip).collect();
        assert!(nips.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_field_name_searched_as_text_comes_with_its_warning() {
        let p = pool(4);
        let mut e = Engine::default();
        let m = e.run(&p, &q("kotak", None), &|| false).unwrap().unwrap();
        let w = m.warning.expect("a warning for the filter bar");
        assert_eq!((w.column, w.field), (1, filter::Field::Kotak));
        let m = e.run(&p, &q("kotak>=1", None), &|| false).unwrap().unwrap();
        assert_eq!(m.warning, None);
        // `kotak 9` is an error, as `kotak>=` is: the last result stays.
        assert!(e.run(&p, &q("kotak 9", None), &|| false).unwrap().is_err());
    }

    #[test]
    fn a_bad_filter_is_an_error_not_a_result() {
        let p = pool(4);
        let r = Engine::default()
            .run(&p, &q("kotak>=", None), &|| false)
            .unwrap();
        assert!(r.is_err());
    }

    #[test]
    fn a_superseded_run_stops_early() {
        let p = pool(100_000);
        let checks = AtomicUsize::new(0);
        let cancelled = || checks.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 2;
        assert!(Engine::default()
            .run(&p, &q("kotak>=1", None), &cancelled)
            .is_none());
        // A full run checks ~25 times (every 4,096 rows); a cancelled one stops
        // at the next check of each scanning thread (at most four).
        let n = checks.load(std::sync::atomic::Ordering::Relaxed);
        assert!((3..=7).contains(&n), "{n} checks");
    }

    #[test]
    fn large_pools_scan_in_parts_with_the_same_result() {
        let p = pool(70_000);
        if std::thread::available_parallelism().is_ok_and(|c| c.get() > 1) {
            assert!(parts_for(p.len()) > 1, "split over the cores");
        }
        let mut e = Engine::default();
        let m = e.run(&p, &q("kotak>=5", None), &|| false).unwrap().unwrap();
        let expected: Vec<u32> = sort::order(&p, Sort::default())
            .into_iter()
            .filter(|&i| p.rows[i as usize].kotak.is_some_and(|k| k >= 5))
            .collect();
        assert_eq!(*m.rows, expected);
        assert_eq!(m.filtered, 35_000);
        assert_eq!(m.counts[8] + m.counts[4], 35_000);
        let m = e.run(&p, &q("", Some(1)), &|| false).unwrap().unwrap();
        assert_eq!(m.rows.len(), 17_500);
        assert_eq!(m.filtered, 70_000);
        assert_eq!(m.no_box, 17_500);
    }

    #[test]
    fn typing_on_narrows_the_last_result_with_the_same_rows_as_from_scratch() {
        let p = pool(70_001);
        let mut typing = Engine::default();
        for text in [
            "",
            "k",
            "ko",
            "kotak",
            "kotak>",
            "kotak>=",
            "kotak>=5",
            "kotak>=5 k",
            "kotak>=5 ke",
            "kotak>=5 kem",
            "kotak>=5 kema",
            "kotak>=5 kemas 1",
            "kotak>=5 kemas 19",
            "kotak>=9 kemas 19",
            "kotak>=1",
            "usia>=4",
            "usia>=40",
            "usia>=41",
            "not kotak>=5",
        ] {
            for box_only in [None, Some(9)] {
                let query = q(text, box_only);
                let narrowed = typing.run(&p, &query, &|| false).unwrap();
                let fresh = Engine::default().run(&p, &query, &|| false).unwrap();
                assert_eq!(narrowed, fresh, "{text:?} in box {box_only:?}");
            }
        }
        // The last good filter is kept to narrow from.
        assert!(typing.last.is_some());
    }

    #[test]
    fn the_sorted_order_is_reused_while_typing() {
        let p = pool(8);
        let mut e = Engine::default();
        let by_box = Query {
            sort: Sort {
                column: Column::Kotak,
                descending: true,
            },
            ..q("", None)
        };
        e.run(&p, &by_box, &|| false);
        let first = e.order.as_ref().unwrap().2.clone();
        e.run(
            &p,
            &Query {
                text: "kotak>=1".into(),
                ..by_box.clone()
            },
            &|| false,
        );
        assert!(Arc::ptr_eq(&first, &e.order.as_ref().unwrap().2));
        e.run(&p, &q("", None), &|| false);
        assert!(!Arc::ptr_eq(&first, &e.order.as_ref().unwrap().2));
    }

    #[test]
    fn the_worker_reports_only_the_latest_query() {
        let p = pool(50_000);
        let (tx, rx) = mpsc::channel();
        let w = Worker::spawn(move |o| {
            let _ = tx.send(o);
        })
        .unwrap();
        for (g, text) in ["k", "ko", "kot", "kotak", "kotak>", "kotak>=", "kotak>=9"]
            .iter()
            .enumerate()
        {
            w.submit(g as u64 + 1, p.clone(), q(text, None));
        }
        let mut last = None;
        while let Ok(o) = rx.recv_timeout(std::time::Duration::from_secs(20)) {
            let done = o.generation == 7;
            last = Some(o);
            if done {
                break;
            }
        }
        let o = last.expect("a result");
        assert_eq!(o.generation, 7);
        assert_eq!(o.result.unwrap().rows.len(), 12_500);
    }
}
