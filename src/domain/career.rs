//! An employee's career as the eligibility conditions read it: the position
//! history (riwayat jabatan, `riwayat_jabatan.csv`) and the disciplinary
//! penalties (PP 94/2021, `disiplin.csv`).
//!
//! Experience is counted in days over the union of the spans that qualify
//! (overlapping spans count once); "N years" is the number of days of the N
//! years before the as-of date, so exactly N years in post on the as-of date
//! is enough. A span's end date is its last day in post; a span without an end
//! runs to the as-of date.

use super::eligibility::Jenjang;
use super::tier::Tingkat;
use chrono::{Datelike, Months, NaiveDate};
use smallvec::SmallVec;

/// One position held (a row of the riwayat jabatan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionSpan {
    pub tingkat: Tingkat,
    /// The jenjang of a functional post, read from its title; `None` for others.
    pub jenjang: Option<Jenjang>,
    pub start: NaiveDate,
    /// The last day in post; `None` for the current position.
    pub end: Option<NaiveDate>,
}

impl PositionSpan {
    /// A span of the position titled `jabatan` (the title tells a functional post's jenjang).
    pub fn new(
        tingkat: Tingkat,
        jabatan: &str,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> PositionSpan {
        PositionSpan {
            tingkat,
            jenjang: (tingkat == Tingkat::Fungsional).then(|| Jenjang::of_title(jabatan)),
            start,
            end,
        }
    }

    /// The rung of the career ladder this post stands on (see [`rung`]).
    pub fn rung(&self) -> u8 {
        rung(self.tingkat, self.jenjang)
    }
}

/// Rungs of the ladder the experience conditions climb, with the functional
/// jenjang each structural tier is equivalent to: 1 Pelaksana (JF keterampilan,
/// ahli pertama), 2 Pengawas (JF ahli muda), 3 Administrator (JF ahli madya,
/// Pasal 107 huruf c), 4 JPT Pratama (JF ahli utama, Pasal 107 huruf b),
/// 5 JPT Madya, 6 JPT Utama. Time on a higher rung counts as time on the lower.
pub fn rung(tingkat: Tingkat, jenjang: Option<Jenjang>) -> u8 {
    match tingkat {
        Tingkat::JptUtama => 6,
        Tingkat::JptMadya => 5,
        Tingkat::JptPratama => 4,
        Tingkat::Administrator => 3,
        Tingkat::Pengawas => 2,
        Tingkat::Pelaksana => 1,
        Tingkat::Fungsional => match jenjang.unwrap_or(Jenjang::Keterampilan) {
            Jenjang::AhliUtama => 4,
            Jenjang::AhliMadya => 3,
            Jenjang::AhliMuda => 2,
            Jenjang::AhliPertama | Jenjang::Keterampilan => 1,
        },
    }
}

/// The level of a disciplinary penalty (PP 94/2021 Pasal 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PenaltyLevel {
    Ringan,
    Sedang,
    Berat,
}

impl PenaltyLevel {
    pub const ALL: [PenaltyLevel; 3] = [
        PenaltyLevel::Ringan,
        PenaltyLevel::Sedang,
        PenaltyLevel::Berat,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PenaltyLevel::Ringan => "ringan",
            PenaltyLevel::Sedang => "sedang",
            PenaltyLevel::Berat => "berat",
        }
    }

    /// `ringan` / `sedang` / `berat` (also `light` / `moderate` / `severe`), any case.
    pub fn parse(s: &str) -> Option<PenaltyLevel> {
        match super::squash(s).as_str() {
            "ringan" | "light" => Some(PenaltyLevel::Ringan),
            "sedang" | "moderate" => Some(PenaltyLevel::Sedang),
            "berat" | "severe" => Some(PenaltyLevel::Berat),
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for PenaltyLevel {
    /// From the same text `parse` accepts (config files).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PenaltyLevel::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{s}' is not a penalty level (ringan, sedang, berat)"
            ))
        })
    }
}

impl serde::Serialize for PenaltyLevel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A disciplinary penalty (hukuman disiplin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Penalty {
    pub level: PenaltyLevel,
    /// The day it took effect (TMT).
    pub start: NaiveDate,
    /// The last day it runs; `None` when it has no end.
    pub end: Option<NaiveDate>,
}

impl Penalty {
    /// In force on `on`: taken effect, and ending on that day or later (a
    /// penalty whose last day is the day before is no longer in force).
    pub fn in_force(&self, on: NaiveDate) -> bool {
        self.start <= on && self.end.is_none_or(|e| e >= on)
    }
}

/// The position history and the penalties on record of one employee, as the
/// conditions and the filter read them, in a few integers (no allocation) for
/// nearly every employee.
///
/// The history is kept as its *ladder*: the highest rung held on each day,
/// a step function of at most [`STEPS`] steps, each day stored as a day
/// number (see [`day16`]). From it the days on any rung up to any date are a
/// short sum (see [`Career::days_on`]), the same as [`days_on_rung`] over the
/// spans. A history whose ladder does not fit (more steps, dates outside
/// 1900..2079, current posts at two tiers) is kept whole in `rare`, as are the
/// penalties (few employees have any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Career {
    /// The day each step starts; a step runs to the next one, the last for ever.
    starts: [u16; STEPS],
    /// The rung of each step (0: no post that day); [`NO_STEP`] after the last.
    levels: [u8; STEPS],
    /// The latest start among the open spans (no end), all at `open_tier`.
    open_start: u16,
    /// The tier of the open spans; `None` without one.
    open_tier: Option<Tingkat>,
    /// [`HISTORY`], [`PENALTIES_KNOWN`].
    flags: u8,
    /// What does not fit inline; `None` for most employees.
    rare: Option<Box<Rare>>,
}

/// The whole history and the penalties of a [`Career`] that keeps them (see
/// [`Career::stored`]).
pub type StoredRare<'a> = (&'a [PositionSpan], &'a [Penalty]);
/// The same, owned (see [`Career::from_stored`]).
pub type OwnedRare = (Box<[PositionSpan]>, Box<[Penalty]>);

/// The inline part of a [`Career`] (see [`Career::stored`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CareerInline {
    pub starts: [u16; STEPS],
    pub levels: [u8; STEPS],
    pub open_start: u16,
    pub open_tier: Option<Tingkat>,
    pub flags: u8,
}

/// The steps of a ladder kept inline.
pub const STEPS: usize = 4;
const NO_STEP: u8 = u8::MAX;
/// A position history is on record.
const HISTORY: u8 = 1;
/// The agency's penalties are on record (a `disiplin.csv` was imported): no
/// penalty listed is then no penalty, not an unknown.
const PENALTIES_KNOWN: u8 = 2;

/// The part of a career kept on the heap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Rare {
    /// The whole history, oldest first, when its ladder does not fit inline
    /// (empty otherwise).
    history: Box<[PositionSpan]>,
    penalties: Box<[Penalty]>,
}

/// Day numbers of the inline form: days since 1900-01-01.
fn epoch() -> i32 {
    NaiveDate::from_ymd_opt(1900, 1, 1)
        .expect("a valid date")
        .num_days_from_ce()
}

/// The inline day number of `d`, when it fits (1900-01-01 ..= 2079-06-06).
fn day16(d: NaiveDate) -> Option<u16> {
    u16::try_from(d.num_days_from_ce() - epoch()).ok()
}

/// The inline day number of `d` without the range limit (for comparisons).
fn day32(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - i64::from(epoch())
}

impl Career {
    /// A career record with its penalties known, the history put oldest
    /// first. Nothing on record (both lists empty) is the default: penalties
    /// not known.
    pub fn new(history: Vec<PositionSpan>, penalties: Vec<Penalty>) -> Career {
        if history.is_empty() && penalties.is_empty() {
            return Career::default();
        }
        Career::on_record(history, penalties, true)
    }

    /// A career as the store holds it: `penalties_known` when a disiplin
    /// file was imported.
    pub fn on_record(
        mut history: Vec<PositionSpan>,
        penalties: Vec<Penalty>,
        penalties_known: bool,
    ) -> Career {
        let mut c = Career::of_history(&mut history);
        c.set_penalties(penalties);
        c.set_penalties_known(penalties_known);
        c
    }

    /// The career of this history (any order; sorted in place), without
    /// penalties.
    pub fn of_history(history: &mut [PositionSpan]) -> Career {
        let mut c = Career::default();
        if history.is_empty() {
            return c;
        }
        c.flags = HISTORY;
        if !c.fold(history) {
            history.sort_by_key(|s| (s.start, s.end));
            c.starts = [0; STEPS];
            c.levels = [NO_STEP; STEPS];
            c.open_start = 0;
            c.open_tier = None;
            c.rare = Some(Box::new(Rare {
                history: history.into(),
                penalties: Box::default(),
            }));
        }
        c
    }

    /// Put the ladder of `spans` (not empty) inline; false when it does not fit.
    fn fold(&mut self, spans: &[PositionSpan]) -> bool {
        // Half-open [from, to) day ranges with their rung; `to` None: for ever.
        let mut ranges: SmallVec<[(i64, Option<i64>, u8); 8]> = SmallVec::new();
        let mut bounds: SmallVec<[i64; 16]> = SmallVec::new();
        for s in spans {
            let from = day32(s.start);
            let to = s.end.map(|e| day32(e) + 1);
            if to.is_some_and(|t| t <= from) {
                continue;
            }
            ranges.push((from, to, s.rung()));
            bounds.push(from);
            bounds.extend(to);
        }
        bounds.sort_unstable();
        bounds.dedup();
        let mut n = 0;
        self.levels = [NO_STEP; STEPS];
        for &b in &bounds {
            let level = ranges
                .iter()
                .filter(|(from, to, _)| *from <= b && to.is_none_or(|t| b < t))
                .map(|r| r.2)
                .max()
                .unwrap_or(0);
            if (n == 0 && level == 0) || (n > 0 && self.levels[n - 1] == level) {
                continue;
            }
            let Some(day) = u16::try_from(b).ok().filter(|_| n < STEPS) else {
                return false;
            };
            self.starts[n] = day;
            self.levels[n] = level;
            n += 1;
        }
        // The current posts (no end): their tier, when they share one, and the latest start.
        let mut open = spans.iter().filter(|s| s.end.is_none());
        if let Some(first) = open.next() {
            let mut latest = first.start;
            for s in open {
                if s.tingkat != first.tingkat {
                    return false;
                }
                latest = latest.max(s.start);
            }
            let Some(day) = day16(latest) else {
                return false;
            };
            self.open_start = day;
            self.open_tier = Some(first.tingkat);
        }
        true
    }

    /// Replace the penalties on record.
    pub fn set_penalties(&mut self, penalties: Vec<Penalty>) {
        match (&mut self.rare, penalties.is_empty()) {
            (Some(r), _) => r.penalties = penalties.into(),
            (None, true) => {}
            (None, false) => {
                self.rare = Some(Box::new(Rare {
                    history: Box::default(),
                    penalties: penalties.into(),
                }))
            }
        }
        if self
            .rare
            .as_ref()
            .is_some_and(|r| r.history.is_empty() && r.penalties.is_empty())
        {
            self.rare = None;
        }
    }

    /// Mark the penalties known or not (see [`PENALTIES_KNOWN`]).
    pub fn set_penalties_known(&mut self, known: bool) {
        if known {
            self.flags |= PENALTIES_KNOWN;
        } else {
            self.flags &= !PENALTIES_KNOWN;
        }
    }

    /// The career's fields as they are, for a stored copy (the pool
    /// snapshot, `store::snapshot`): the inline ladder and, when kept,
    /// the whole history and the penalties.
    pub fn stored(&self) -> (CareerInline, Option<StoredRare<'_>>) {
        (
            CareerInline {
                starts: self.starts,
                levels: self.levels,
                open_start: self.open_start,
                open_tier: self.open_tier,
                flags: self.flags,
            },
            self.rare.as_deref().map(|r| (&*r.history, &*r.penalties)),
        )
    }

    /// A career from what [`Career::stored`] gave.
    pub fn from_stored(inline: CareerInline, rare: Option<OwnedRare>) -> Career {
        Career {
            starts: inline.starts,
            levels: inline.levels,
            open_start: inline.open_start,
            open_tier: inline.open_tier,
            flags: inline.flags,
            rare: rare.map(|(history, penalties)| Box::new(Rare { history, penalties })),
        }
    }

    /// Whether the agency's penalties are known (a `disiplin.csv` was
    /// imported): no penalty listed is then no penalty, not an unknown.
    pub fn penalties_known(&self) -> bool {
        self.flags & PENALTIES_KNOWN != 0
    }

    /// Whether a position history is on record.
    pub fn has_history(&self) -> bool {
        self.flags & HISTORY != 0
    }

    /// The disciplinary penalties on record.
    pub fn penalties(&self) -> &[Penalty] {
        self.rare.as_deref().map_or(&[], |r| &r.penalties)
    }

    /// The history kept whole, when its ladder does not fit inline.
    fn whole_history(&self) -> Option<&[PositionSpan]> {
        self.rare
            .as_deref()
            .map(|r| &*r.history)
            .filter(|h| !h.is_empty())
    }

    /// Days up to `on` (not counting it) on rung `min_rung` or higher, each day
    /// once: [`days_on_rung`] of the history.
    pub fn days_on(&self, min_rung: u8, on: NaiveDate) -> u32 {
        if let Some(h) = self.whole_history() {
            return days_on_rung(h, None, min_rung, on);
        }
        let on = day32(on);
        let mut total = 0i64;
        for i in 0..STEPS {
            let level = self.levels[i];
            if level == NO_STEP {
                break;
            }
            if level < min_rung {
                continue;
            }
            let from = i64::from(self.starts[i]);
            let to = match self.levels.get(i + 1) {
                Some(&l) if l != NO_STEP => i64::from(self.starts[i + 1]),
                _ => i64::MAX,
            };
            total += (to.min(on) - from).max(0);
        }
        total as u32
    }

    /// [`Career::days_on`] with one more span held since `current.1` on rung
    /// `current.0` (the current post, which the history may lack): the days
    /// before it as the history has them, then every day from it.
    pub fn days_with_current(
        &self,
        min_rung: u8,
        current: Option<(u8, NaiveDate)>,
        on: NaiveDate,
    ) -> u32 {
        match current {
            Some((rung, since)) if rung >= min_rung && since < on => {
                self.days_on(min_rung, since) + (on - since).num_days() as u32
            }
            _ => self.days_on(min_rung, on),
        }
    }

    /// The start of the latest current post (a span without an end) at
    /// `tingkat`, if the history has one.
    pub fn current_start(&self, tingkat: Tingkat) -> Option<NaiveDate> {
        if let Some(h) = self.whole_history() {
            return h
                .iter()
                .filter(|s| s.end.is_none() && s.tingkat == tingkat)
                .map(|s| s.start)
                .max();
        }
        (self.open_tier == Some(tingkat))
            .then(|| NaiveDate::from_num_days_from_ce_opt(epoch() + i32::from(self.open_start)))
            .flatten()
    }
}

/// Days of the `years` years before `on` (what "at least N years" needs).
pub fn days_of_years(years: u32, on: NaiveDate) -> u32 {
    let from = on
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN);
    (on - from).num_days().max(0) as u32
}

/// Days up to `on` spent in the `spans` on rung `min_rung` or higher, each
/// day counted once. `extra` is one more span (the current post's TMT when it
/// is not in the history).
pub fn days_on_rung(
    spans: &[PositionSpan],
    extra: Option<PositionSpan>,
    min_rung: u8,
    on: NaiveDate,
) -> u32 {
    // Half-open [from, to) ranges; the end date is the last day in post.
    let mut ranges: SmallVec<[(NaiveDate, NaiveDate); 16]> = spans
        .iter()
        .chain(extra.as_ref())
        .filter(|s| s.rung() >= min_rung && s.start < on)
        .map(|s| {
            let to = s.end.and_then(|e| e.succ_opt()).unwrap_or(on).min(on);
            (s.start, to)
        })
        .filter(|(from, to)| from < to)
        .collect();
    ranges.sort_unstable();
    let mut total = 0i64;
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (from, to) in ranges {
        match current {
            Some((a, b)) if from <= b => current = Some((a, b.max(to))),
            Some((a, b)) => {
                total += (b - a).num_days();
                current = Some((from, to));
            }
            None => current = Some((from, to)),
        }
    }
    if let Some((a, b)) = current {
        total += (b - a).num_days();
    }
    total.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn span(t: Tingkat, title: &str, start: NaiveDate, end: Option<NaiveDate>) -> PositionSpan {
        PositionSpan::new(t, title, start, end)
    }

    #[test]
    fn rungs_put_functional_jenjang_beside_the_tiers() {
        let f = |title: &str| span(Tingkat::Fungsional, title, d(2020, 1, 1), None).rung();
        assert_eq!(
            f("Analis Kebijakan Ahli Madya"),
            rung(Tingkat::Administrator, None)
        );
        assert_eq!(f("Widyaiswara Ahli Utama"), rung(Tingkat::JptPratama, None));
        assert_eq!(f("Perawat Ahli Muda"), rung(Tingkat::Pengawas, None));
        assert_eq!(
            f("Pranata Komputer Terampil"),
            rung(Tingkat::Pelaksana, None)
        );
    }

    #[test]
    fn exactly_n_years_is_n_years() {
        let on = d(2026, 6, 1);
        let s = [span(
            Tingkat::Administrator,
            "Kepala Bidang",
            d(2024, 6, 1),
            None,
        )];
        assert_eq!(days_on_rung(&s, None, 3, on), days_of_years(2, on));
        let s = [span(
            Tingkat::Administrator,
            "Kepala Bidang",
            d(2024, 6, 2),
            None,
        )];
        assert_eq!(days_on_rung(&s, None, 3, on) + 1, days_of_years(2, on));
    }

    #[test]
    fn overlaps_count_once_and_lower_rungs_do_not_count() {
        let on = d(2026, 1, 1);
        let s = [
            span(
                Tingkat::Pelaksana,
                "Pengadministrasi",
                d(2010, 1, 1),
                Some(d(2014, 12, 31)),
            ),
            span(
                Tingkat::Pengawas,
                "Kepala Seksi",
                d(2015, 1, 1),
                Some(d(2019, 12, 31)),
            ),
            // Overlapping the one before by a year (a late end date on record).
            span(Tingkat::Administrator, "Kepala Bidang", d(2019, 1, 1), None),
        ];
        // Pengawas or higher: 2015-01-01 .. 2025-12-31, eleven years.
        assert_eq!(days_on_rung(&s, None, 2, on), days_of_years(11, on));
        // Anything: sixteen years.
        assert_eq!(days_on_rung(&s, None, 1, on), days_of_years(16, on));
        // The current post's TMT, already in the history, adds nothing.
        let extra = span(Tingkat::Administrator, "Kepala Bidang", d(2019, 1, 1), None);
        assert_eq!(
            days_on_rung(&s, Some(extra), 3, on),
            days_on_rung(&s, None, 3, on)
        );
        // Spans after the as-of date do not count.
        assert_eq!(days_on_rung(&s, None, 3, d(2018, 1, 1)), 0);
    }

    #[test]
    fn a_penalty_is_in_force_through_its_last_day() {
        let p = Penalty {
            level: PenaltyLevel::Sedang,
            start: d(2025, 6, 1),
            end: Some(d(2026, 5, 31)),
        };
        assert!(p.in_force(d(2026, 5, 31)), "ending on the as-of date");
        assert!(!p.in_force(d(2026, 6, 1)), "ended the day before");
        assert!(!p.in_force(d(2025, 5, 31)), "not yet in effect");
        let open = Penalty { end: None, ..p };
        assert!(open.in_force(d(2040, 1, 1)));
    }

    #[test]
    fn penalty_levels_parse() {
        assert_eq!(PenaltyLevel::parse("Sedang"), Some(PenaltyLevel::Sedang));
        assert_eq!(PenaltyLevel::parse("SEVERE"), Some(PenaltyLevel::Berat));
        assert_eq!(PenaltyLevel::parse("light"), Some(PenaltyLevel::Ringan));
        assert_eq!(PenaltyLevel::parse("keras"), None);
        assert!(PenaltyLevel::Ringan < PenaltyLevel::Sedang);
    }

    #[test]
    fn nothing_on_record_is_no_record() {
        assert_eq!(Career::new(vec![], vec![]), Career::default());
        assert!(!Career::default().penalties_known());
        assert!(!Career::default().has_history());
        let c = Career::new(
            vec![
                span(Tingkat::Administrator, "B", d(2020, 1, 1), None),
                span(Tingkat::Pengawas, "A", d(2015, 1, 1), Some(d(2019, 12, 31))),
            ],
            vec![],
        );
        assert!(c.has_history() && c.penalties_known());
        assert_eq!(c.current_start(Tingkat::Administrator), Some(d(2020, 1, 1)));
        assert_eq!(c.current_start(Tingkat::Pengawas), None);
        assert!(c.rare.is_none(), "a two-post career takes no allocation");
        assert!(!Career::on_record(vec![], vec![], false).penalties_known());
        assert!(Career::on_record(vec![], vec![], true).penalties_known());
        assert!(std::mem::size_of::<Career>() <= 24);
    }

    #[test]
    fn a_long_career_is_kept_whole_and_counts_the_same() {
        let on = d(2026, 1, 1);
        let s = vec![
            span(
                Tingkat::Pelaksana,
                "A",
                d(2000, 1, 1),
                Some(d(2004, 12, 31)),
            ),
            span(Tingkat::Pengawas, "B", d(2005, 1, 1), Some(d(2009, 12, 31))),
            span(
                Tingkat::Pelaksana,
                "C",
                d(2010, 1, 1),
                Some(d(2011, 12, 31)),
            ),
            span(
                Tingkat::Administrator,
                "D",
                d(2012, 1, 1),
                Some(d(2015, 12, 31)),
            ),
            span(Tingkat::JptPratama, "E", d(2018, 1, 1), None),
        ];
        let c = Career::new(s.clone(), vec![]);
        assert!(c.rare.is_some(), "six steps do not fit inline");
        for rung in 1..=6 {
            assert_eq!(c.days_on(rung, on), days_on_rung(&s, None, rung, on));
        }
        assert_eq!(c.current_start(Tingkat::JptPratama), Some(d(2018, 1, 1)));
    }

    fn arb_span() -> impl proptest::strategy::Strategy<Value = PositionSpan> {
        use proptest::prelude::*;
        let titles = [
            "Kepala",
            "Analis Ahli Madya",
            "Analis Ahli Utama",
            "Perawat Ahli Muda",
        ];
        (
            0..7usize,
            0..4usize,
            -400i64..60_000,
            proptest::option::of(-5i64..9000),
        )
            .prop_map(move |(t, title, start, len)| {
                let base = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
                let start = base + chrono::Duration::days(start);
                let end = len.map(|l| start + chrono::Duration::days(l));
                span(Tingkat::ALL[t], titles[title], start, end)
            })
    }

    proptest::proptest! {
        /// The folded career counts what the spans count, on any date, with
        /// or without the current post, and finds the same current post.
        #[test]
        fn folding_keeps_every_count(
            spans in proptest::collection::vec(arb_span(), 1..6),
            on in 0i64..65_000,
            since in 0i64..65_000,
            current_rung in 1u8..=6,
            t in 0..7usize,
        ) {
            let base = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let on = base + chrono::Duration::days(on);
            let since = base + chrono::Duration::days(since);
            let c = Career::new(spans.clone(), vec![]);
            let extra = PositionSpan { tingkat: Tingkat::Pelaksana, jenjang: None, start: since, end: None };
            let extra = PositionSpan { tingkat: [Tingkat::Pelaksana, Tingkat::Pengawas, Tingkat::Administrator, Tingkat::JptPratama, Tingkat::JptMadya, Tingkat::JptUtama][current_rung as usize - 1], ..extra };
            for rung in 1..=6 {
                proptest::prop_assert_eq!(c.days_on(rung, on), days_on_rung(&spans, None, rung, on));
                proptest::prop_assert_eq!(
                    c.days_with_current(rung, Some((current_rung, since)), on),
                    days_on_rung(&spans, Some(extra), rung, on)
                );
            }
            let tingkat = Tingkat::ALL[t];
            let expected = spans.iter().filter(|s| s.end.is_none() && s.tingkat == tingkat).map(|s| s.start).max();
            proptest::prop_assert_eq!(c.current_start(tingkat), expected);
        }
    }
}
