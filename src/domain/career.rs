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
use chrono::{Months, NaiveDate};
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

/// The position history and the penalties on record of one employee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Career {
    /// Oldest first.
    pub history: Box<[PositionSpan]>,
    pub penalties: Box<[Penalty]>,
    /// The agency's penalties are on record (a `disiplin.csv` was imported):
    /// no penalty listed is then no penalty, not an unknown.
    pub penalties_known: bool,
}

impl Career {
    /// A career record with its penalties known, the history put oldest
    /// first. `None` when both lists are empty (nothing on record takes no
    /// memory on the candidate).
    pub fn new(history: Vec<PositionSpan>, penalties: Vec<Penalty>) -> Option<Box<Career>> {
        if history.is_empty() && penalties.is_empty() {
            return None;
        }
        Career::on_record(history, penalties, true)
    }

    /// A career as the store holds it: `penalties_known` when a disiplin
    /// file was imported. `None` only when nothing is on record and the
    /// penalties are not known (then the disiplin condition is unknown).
    pub fn on_record(
        mut history: Vec<PositionSpan>,
        penalties: Vec<Penalty>,
        penalties_known: bool,
    ) -> Option<Box<Career>> {
        if history.is_empty() && penalties.is_empty() && !penalties_known {
            return None;
        }
        history.sort_by_key(|s| (s.start, s.end));
        Some(Box::new(Career {
            history: history.into_boxed_slice(),
            penalties: penalties.into_boxed_slice(),
            penalties_known,
        }))
    }

    /// Whether an employee's penalties are known (see `penalties_known`).
    pub fn knows_penalties(career: Option<&Career>) -> bool {
        career.is_some_and(|c| c.penalties_known)
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
        assert_eq!(Career::new(vec![], vec![]), None);
        let c = Career::new(
            vec![
                span(Tingkat::Administrator, "B", d(2020, 1, 1), None),
                span(Tingkat::Pengawas, "A", d(2015, 1, 1), Some(d(2019, 12, 31))),
            ],
            vec![],
        )
        .unwrap();
        assert_eq!(c.history[0].tingkat, Tingkat::Pengawas, "oldest first");
        assert!(c.penalties_known);
        assert_eq!(Career::on_record(vec![], vec![], false), None);
        let known = Career::on_record(vec![], vec![], true).unwrap();
        assert!(Career::knows_penalties(Some(&known)));
        assert!(!Career::knows_penalties(None));
    }
}
