//! The succession group (Kelompok Rencana Suksesi, KRS) and the positions it
//! is kept for: PP 11/2017 jo. PP 17/2020 Pasal 199 and 200.
//!
//! The committee proposes the succession plan (`domain::succession`); the PPK
//! establishes it for a period (a calendar year) by SK. Pasal 199 names what a
//! member must have: competency matching the position (a JPM band here,
//! `[rules.krs] min_fill`), the development obligation met (at least 20 JP,
//! `min_jp`), and SKP predikat at least Baik in the last 2 years (`skp_min`,
//! `skp_years`). The years looked at are the complete years before the
//! period, or before the as-of year when the period is still ahead
//! ([`reference_year`]): the KRS of 2026 rests on the JP of 2025 and the
//! predikat of 2025 and 2024, and so does a KRS of 2027 established in 2026
//! (2026's figures are not final yet). Pasal 200 gives KRS members priority
//! in promotion.
//!
//! Agencies name target positions (jabatan target) and critical positions
//! (jabatan kritikal) and keep a number of talents per target position
//! (`per_target`, our default 3; Peraturan KPK 2/2024 and Permenkeu 38/2025
//! set their own).

use super::candidate::Candidate;
use super::eligibility::{predikat_years, Outcome};
use super::jpm::{jpm, FillBand};
use super::position::Position;
use super::predikat::Predikat;
use super::rules::Rules;
use super::succession::Readiness;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The regulation the KRS conditions come from.
pub const CITATION: &str = "PP 11/2017 jo. PP 17/2020 Pasal 199";

/// What a position is to the agency's succession planning (jabatan.csv's `kategori`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kategori {
    /// Jabatan target: a KRS is kept for it.
    Target,
    /// Jabatan kritikal.
    Kritikal,
}

impl Kategori {
    pub const ALL: [Kategori; 2] = [Kategori::Target, Kategori::Kritikal];

    /// The stored code (`target`, `kritikal`).
    pub fn code(self) -> &'static str {
        match self {
            Kategori::Target => "target",
            Kategori::Kritikal => "kritikal",
        }
    }

    /// The code or an alias in any case: `jabatan target`, `critical`, `kritis`.
    pub fn parse(s: &str) -> Option<Kategori> {
        Some(match super::squash(s).as_str() {
            "target" | "jabatantarget" | "targetposition" => Kategori::Target,
            "kritikal" | "critical" | "kritis" | "jabatankritikal" | "criticalposition" => {
                Kategori::Kritikal
            }
            _ => return None,
        })
    }
}

/// `[rules.krs]`: the KRS conditions (Pasal 199) and the agency's target ratio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KrsRules {
    /// Competency matching the position: the JPM filling band a member must
    /// reach (`ms`, default, or `mms`; the thresholds are `[rules.jpm]`'s).
    pub min_fill: FillBand,
    /// Development in the year before the period, in JP (default 20).
    pub min_jp: u32,
    /// SKP predikat at least this (default `B`, Baik) ...
    pub skp_min: Predikat,
    /// ... in each of this many years before the period (default 2).
    pub skp_years: u32,
    /// KRS members the agency keeps per target position (our default 3).
    pub per_target: u32,
}

impl Default for KrsRules {
    fn default() -> Self {
        KrsRules {
            min_fill: FillBand::Ms,
            min_jp: 20,
            skp_min: Predikat::Baik,
            skp_years: 2,
            per_target: 3,
        }
    }
}

impl KrsRules {
    pub fn validate(&self) -> Result<(), String> {
        if self.skp_years == 0 || self.skp_years > 10 {
            return Err("rules.krs.skp_years: 1..10".into());
        }
        if self.min_fill == FillBand::Kms {
            return Err("rules.krs.min_fill: ms or mms".into());
        }
        Ok(())
    }
}

/// One of Pasal 199's conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KrsSyarat {
    /// Competency matching the position.
    Kompetensi,
    /// The development obligation (JP).
    Pengembangan,
    /// SKP predikat in the last years.
    Skp,
}

impl KrsSyarat {
    pub fn code(self) -> &'static str {
        match self {
            KrsSyarat::Kompetensi => "kompetensi",
            KrsSyarat::Pengembangan => "pengembangan",
            KrsSyarat::Skp => "skp",
        }
    }
}

/// What a condition saw and asked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KrsValue {
    /// The JPM (`None`: the position requires no competency) and its band,
    /// against the band asked.
    Jpm {
        percent: Option<f64>,
        band: Option<FillBand>,
        min: FillBand,
    },
    /// JP in `year`, against `min`.
    Jp { year: u16, jp: u32, min: u32 },
    /// The predikat of `year` (the first below, the first missing, or the
    /// lowest), against at least `min` in each of `years` years.
    Predikat {
        year: u16,
        predikat: Option<Predikat>,
        min: Predikat,
        years: u32,
    },
}

/// One condition for one plan entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KrsCondition {
    pub syarat: KrsSyarat,
    pub outcome: Outcome,
    pub value: KrsValue,
}

impl KrsCondition {
    pub fn is_met(&self) -> bool {
        self.outcome == Outcome::Met
    }
}

/// The year before the period, clamped to the `u16` years of the records.
fn year_before(period: i32) -> u16 {
    (period - 1).clamp(0, u16::MAX as i32) as u16
}

/// Competency matching the position: the JPM's filling band at least
/// `min_fill`. Below it with an assessment missing, or with nothing the
/// position requires, it is unknown (missing data is never met).
fn competency(c: &Candidate, pos: &Position, rules: &Rules) -> KrsCondition {
    let min = rules.krs.min_fill;
    let j = jpm(&c.competency, &pos.requirement);
    let band = j.map(|j| rules.jpm.fill(j.percent));
    let outcome = match (j, band) {
        (Some(_), Some(b)) if b <= min => Outcome::Met,
        (Some(j), _) if j.fully_assessed => Outcome::NotMet,
        _ => Outcome::Unknown,
    };
    KrsCondition {
        syarat: KrsSyarat::Kompetensi,
        outcome,
        value: KrsValue::Jpm {
            percent: j.map(|j| j.percent),
            band,
            min,
        },
    }
}

/// At least `min_jp` JP of development in the year before the reference year (the
/// yearly obligation of 20 JP; a year without training on record is 0 JP).
fn development(c: &Candidate, rules: &Rules, reference: i32) -> KrsCondition {
    let year = year_before(reference);
    let jp = c.jp_in(year);
    let min = rules.krs.min_jp;
    KrsCondition {
        syarat: KrsSyarat::Pengembangan,
        outcome: if jp >= min {
            Outcome::Met
        } else {
            Outcome::NotMet
        },
        value: KrsValue::Jp { year, jp, min },
    }
}

/// SKP predikat at least Baik in each of the 2 years before the reference year (the
/// eligibility conditions' reading of "2 tahun terakhir").
fn predikat(c: &Candidate, rules: &Rules, reference: i32) -> KrsCondition {
    let (min, years) = (rules.krs.skp_min, rules.krs.skp_years);
    let (outcome, year, predikat) = predikat_years(c, min, years, reference);
    KrsCondition {
        syarat: KrsSyarat::Skp,
        outcome,
        value: KrsValue::Predikat {
            year,
            predikat,
            min,
            years,
        },
    }
}

/// Pasal 199's three conditions for `c` as a KRS member of `pos`, on the
/// complete years before `year` (see [`reference_year`]).
pub fn conditions(c: &Candidate, pos: &Position, rules: &Rules, year: i32) -> [KrsCondition; 3] {
    [
        competency(c, pos, rules),
        development(c, rules, year),
        predikat(c, rules, year),
    ]
}

/// Why a plan entry cannot become a KRS member.
#[derive(Debug, Clone, PartialEq)]
pub enum Failing {
    /// The successor is no longer in the pool.
    NotInPool,
    /// The conditions not met (or unknown).
    Conditions(Vec<KrsCondition>),
}

/// One plan entry that fails, named by position and NIP.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub kode: String,
    pub nip: String,
    pub failing: Failing,
}

/// Check one plan entry on the years before `year`: `None` when every condition is met.
pub fn check(c: Option<&Candidate>, pos: &Position, rules: &Rules, year: i32) -> Option<Failing> {
    let Some(c) = c else {
        return Some(Failing::NotInPool);
    };
    let failed: Vec<KrsCondition> = conditions(c, pos, rules, year)
        .into_iter()
        .filter(|x| !x.is_met())
        .collect();
    (!failed.is_empty()).then_some(Failing::Conditions(failed))
}

/// A member of an established KRS in force for its period and position: of
/// the latest establishment (SK) of that period naming the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KrsMember {
    pub kode: String,
    pub nip: String,
    pub readiness: Readiness,
    pub urutan: i64,
    pub period: i32,
    pub sk: String,
    /// The SK's date (`YYYY-MM-DD`).
    pub tanggal: String,
    /// The establishment's id.
    pub establishment: i64,
}

/// Where a succession plan entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryStatus {
    /// In the committee's plan only (usulan).
    Proposed,
    /// In the KRS the PPK established for a period not yet over.
    Established,
    /// In the KRS of a period that is over.
    Expired,
}

/// The year whose preceding complete years the conditions look at: the
/// period, or the as-of year for a period still ahead.
pub fn reference_year(period: i32, as_of: NaiveDate) -> i32 {
    period.min(as_of.year())
}

/// The period of the as-of date (the KRS in force is that year's).
pub fn current_period(as_of: NaiveDate) -> i32 {
    as_of.year()
}

/// An established period is over once its year has ended.
pub fn expired(period: i32, as_of: NaiveDate) -> bool {
    period < as_of.year()
}

/// The number of members the agency's ratio asks for the target positions.
pub fn target_members(target_positions: usize, rules: &KrsRules) -> usize {
    target_positions * rules.per_target as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::tests::sample;
    use crate::domain::Tingkat;

    fn post(req: u8) -> Position {
        Position {
            kode: "P-1".into(),
            nama: "Kepala Bidang".into(),
            tingkat: Tingkat::Administrator,
            unit: "Dinas".into(),
            vacant: true,
            holder_nip: None,
            requirement: [req; 9],
            kategori: Some(Kategori::Target),
            krs: Vec::new(),
        }
    }

    #[test]
    fn kategori_codes_and_aliases() {
        for k in Kategori::ALL {
            assert_eq!(Kategori::parse(k.code()), Some(k));
        }
        assert_eq!(Kategori::parse("Critical"), Some(Kategori::Kritikal));
        assert_eq!(Kategori::parse("Jabatan Target"), Some(Kategori::Target));
        assert_eq!(Kategori::parse("kunci"), None);
    }

    #[test]
    fn the_sample_meets_every_condition_for_2026_but_not_for_2027() {
        // JPM of [4,3,3,4,3,3,2,4,3] against 3 everywhere: 26/27 = 96 % (MS).
        let c = sample();
        let r = Rules::default();
        assert_eq!(
            check(Some(&c), &post(3), &r, 2025),
            None,
            "SB 2024, B 2023, 24 JP 2024"
        );
        // 2026: 12 JP in 2025 is short of 20.
        let Some(Failing::Conditions(f)) = check(Some(&c), &post(3), &r, 2026) else {
            panic!()
        };
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].value,
            KrsValue::Jp {
                year: 2025,
                jp: 12,
                min: 20
            }
        );
        // 2028: no predikat for 2027 on record -> unknown; 0 JP in 2027.
        let Some(Failing::Conditions(f)) = check(Some(&c), &post(3), &r, 2028) else {
            panic!()
        };
        assert_eq!(
            f.iter().map(|x| (x.syarat, x.outcome)).collect::<Vec<_>>(),
            [
                (KrsSyarat::Pengembangan, Outcome::NotMet),
                (KrsSyarat::Skp, Outcome::Unknown)
            ]
        );
        assert_eq!(check(None, &post(3), &r, 2025), Some(Failing::NotInPool));
    }

    #[test]
    fn competency_band_is_configurable() {
        // Against 4 everywhere: 4+3+3+4+3+3+2+4+3 = 29/36 = 80.6 % -> MS; against 5: 29/45 = 64 % KMS.
        let c = sample();
        let mut r = Rules::default();
        let [k, _, _] = conditions(&c, &post(4), &r, 2025);
        assert!(k.is_met());
        let [k, _, _] = conditions(&c, &post(5), &r, 2025);
        assert_eq!(k.outcome, Outcome::NotMet);
        r.jpm.mms_min = 60.0;
        r.krs.min_fill = FillBand::Mms;
        let [k, _, _] = conditions(&c, &post(5), &r, 2025);
        assert!(k.is_met(), "MMS accepted when configured");
        // Nothing required: unknown.
        let [k, _, _] = conditions(&c, &post(0), &r, 2025);
        assert_eq!(k.outcome, Outcome::Unknown);
    }

    #[test]
    fn predikat_below_baik_fails_and_is_configurable() {
        let mut c = sample();
        c.skp[0] = (2023, Predikat::ButuhPerbaikan);
        let mut r = Rules::default();
        let [_, _, s] = conditions(&c, &post(3), &r, 2025);
        assert_eq!(s.outcome, Outcome::NotMet);
        r.krs.skp_years = 1;
        let [_, _, s] = conditions(&c, &post(3), &r, 2025);
        assert!(s.is_met(), "only 2024 looked at");
    }

    #[test]
    fn a_krs_band_below_mms_or_no_years_is_refused() {
        let bad = |f: fn(&mut KrsRules)| {
            let mut r = KrsRules::default();
            f(&mut r);
            r.validate().is_err()
        };
        assert!(bad(|r| r.min_fill = FillBand::Kms));
        assert!(bad(|r| r.skp_years = 0));
        assert!(KrsRules::default().validate().is_ok());
    }

    #[test]
    fn periods_expire_when_their_year_ends() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert!(!expired(2026, d));
        assert!(expired(2025, d));
        assert_eq!(current_period(d), 2026);
        assert_eq!(
            reference_year(2027, d),
            2026,
            "a period ahead: the as-of year"
        );
        assert_eq!(reference_year(2025, d), 2025);
        assert_eq!(target_members(4, &KrsRules::default()), 12);
    }
}
