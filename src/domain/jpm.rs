//! Job-person match (JPM): how much of a position's competency requirement a
//! candidate meets, and the assessment centres' bands for it.
//!
//! Formula (common assessment-centre practice, see `docs/positions.md`):
//!
//! ```text
//! JPM = Σ min(assessed_k, required_k) / Σ required_k × 100      over the required competencies k
//! gap_k = required_k − assessed_k                                  (negative: above the requirement)
//! ```
//!
//! A level above the requirement does not make up for a shortfall elsewhere
//! (the `min`). A competency never assessed counts as level 0 and marks the
//! result as not fully assessed, so the committee sees that the percentage
//! rests on missing data rather than on a weak assessment.

use super::competency::Competency;
use serde::{Deserialize, Serialize};

/// A position's required level per competency (`Competency::index`); 0 = not required.
pub type Requirement = [u8; 9];

/// The JPM of one candidate against one requirement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Jpm {
    /// 0..=100.
    pub percent: f64,
    /// Σ min(assessed, required).
    pub met: u32,
    /// Σ required.
    pub required: u32,
    /// required − assessed per competency; `None` where nothing is required.
    pub gaps: [Option<i8>; 9],
    /// Every required competency has an assessment.
    pub fully_assessed: bool,
}

impl Jpm {
    /// Competencies below the requirement, with their gap (largest first, then in list order).
    pub fn shortfalls(&self) -> Vec<(Competency, i8)> {
        let mut v: Vec<(Competency, i8)> = Competency::ALL
            .iter()
            .filter_map(|c| self.gaps[c.index()].filter(|g| *g > 0).map(|g| (*c, g)))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Sum of the positive gaps (levels short in total).
    pub fn total_shortfall(&self) -> u32 {
        self.gaps
            .iter()
            .flatten()
            .filter(|g| **g > 0)
            .map(|g| *g as u32)
            .sum()
    }
}

/// JPM of `levels` (0 = not assessed) against `req`; `None` when the position requires nothing.
pub fn jpm(levels: &[u8; 9], req: &Requirement) -> Option<Jpm> {
    let mut met = 0u32;
    let mut required = 0u32;
    let mut gaps = [None; 9];
    let mut fully_assessed = true;
    for i in 0..9 {
        let r = req[i];
        if r == 0 {
            continue;
        }
        let a = levels[i];
        if a == 0 {
            fully_assessed = false;
        }
        met += a.min(r) as u32;
        required += r as u32;
        gaps[i] = Some(r as i8 - a as i8);
    }
    if required == 0 {
        return None;
    }
    Some(Jpm {
        percent: met as f64 * 100.0 / required as f64,
        met,
        required,
        gaps,
        fully_assessed,
    })
}

/// Band for filling a position: Memenuhi Syarat, Masih Memenuhi Syarat, Kurang Memenuhi Syarat.
/// In the config file `ms`, `mms`, `kms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FillBand {
    Ms,
    Mms,
    Kms,
}

impl FillBand {
    pub fn code(self) -> &'static str {
        match self {
            FillBand::Ms => "MS",
            FillBand::Mms => "MMS",
            FillBand::Kms => "KMS",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            FillBand::Ms => "Memenuhi Syarat",
            FillBand::Mms => "Masih Memenuhi Syarat",
            FillBand::Kms => "Kurang Memenuhi Syarat",
        }
    }
}

/// Band for talent mapping: Optimal, Cukup Optimal, Kurang Optimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapBand {
    Optimal,
    CukupOptimal,
    KurangOptimal,
}

impl MapBand {
    pub fn code(self) -> &'static str {
        match self {
            MapBand::Optimal => "optimal",
            MapBand::CukupOptimal => "cukup_optimal",
            MapBand::KurangOptimal => "kurang_optimal",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            MapBand::Optimal => "Optimal",
            MapBand::CukupOptimal => "Cukup Optimal",
            MapBand::KurangOptimal => "Kurang Optimal",
        }
    }
}

/// The band thresholds (`[rules.jpm]`), in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JpmBands {
    /// Filling: MS at or above (default 80).
    pub ms_min: f64,
    /// Filling: MMS at or above, below `ms_min` (default 68).
    pub mms_min: f64,
    /// Mapping: Optimal at or above (default 90).
    pub optimal_min: f64,
    /// Mapping: Cukup Optimal at or above, below `optimal_min` (default 78).
    pub cukup_optimal_min: f64,
}

impl Default for JpmBands {
    fn default() -> Self {
        JpmBands {
            ms_min: 80.0,
            mms_min: 68.0,
            optimal_min: 90.0,
            cukup_optimal_min: 78.0,
        }
    }
}

impl JpmBands {
    pub fn fill(&self, percent: f64) -> FillBand {
        if percent >= self.ms_min {
            FillBand::Ms
        } else if percent >= self.mms_min {
            FillBand::Mms
        } else {
            FillBand::Kms
        }
    }

    pub fn map(&self, percent: f64) -> MapBand {
        if percent >= self.optimal_min {
            MapBand::Optimal
        } else if percent >= self.cukup_optimal_min {
            MapBand::CukupOptimal
        } else {
            MapBand::KurangOptimal
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        let ok = |lo: f64, hi: f64| {
            (0.0..=100.0).contains(&lo) && (0.0..=100.0).contains(&hi) && lo <= hi
        };
        if !ok(self.mms_min, self.ms_min) {
            return Err("rules.jpm.mms_min <= rules.jpm.ms_min, both 0..100".into());
        }
        if !ok(self.cukup_optimal_min, self.optimal_min) {
            return Err("rules.jpm.cukup_optimal_min <= rules.jpm.optimal_min, both 0..100".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_all_met() {
        // Requirement 4 everywhere, candidate 4 or 5 everywhere: 36/36.
        let j = jpm(&[5, 4, 4, 4, 5, 4, 4, 4, 4], &[4; 9]).unwrap();
        assert_eq!((j.met, j.required), (36, 36));
        assert_eq!(j.percent, 100.0);
        assert_eq!(j.gaps[0], Some(-1));
        assert!(j.fully_assessed);
        assert!(j.shortfalls().is_empty());
    }

    #[test]
    fn hand_worked_surplus_does_not_offset_a_gap() {
        // Required [5,4,4,4,4,4,4,4,4] = 37. Candidate [4,3,3,4,3,3,2,4,3]:
        // min = 4+3+3+4+3+3+2+4+3 = 29 -> 29/37 = 78.378..%.
        let req = [5, 4, 4, 4, 4, 4, 4, 4, 4];
        let j = jpm(&[4, 3, 3, 4, 3, 3, 2, 4, 3], &req).unwrap();
        assert_eq!((j.met, j.required), (29, 37));
        assert!((j.percent - 78.378).abs() < 0.001);
        assert_eq!(j.gaps[Competency::MengelolaPerubahan.index()], Some(2));
        assert_eq!(j.total_shortfall(), 8);
        assert_eq!(j.shortfalls()[0], (Competency::MengelolaPerubahan, 2));
        // A 5 in one competency with a 1 in another: 5 counts as 3, not 5.
        let j = jpm(&[5, 1, 3, 3, 3, 3, 3, 3, 3], &[3; 9]).unwrap();
        assert_eq!((j.met, j.required), (25, 27));
    }

    #[test]
    fn hand_worked_missing_assessment_counts_zero() {
        // Required 3 in four competencies only (12); candidate has 3, 3, -, 2 there.
        let req = [3, 3, 3, 3, 0, 0, 0, 0, 0];
        let j = jpm(&[3, 3, 0, 2, 5, 5, 5, 5, 5], &req).unwrap();
        assert_eq!((j.met, j.required), (8, 12));
        assert!((j.percent - 66.666).abs() < 0.001);
        assert!(!j.fully_assessed);
        assert_eq!(j.gaps[2], Some(3));
        assert_eq!(j.gaps[4], None, "not required: no gap");
        // Never assessed at all: 0 %.
        let j = jpm(&[0; 9], &req).unwrap();
        assert_eq!(j.percent, 0.0);
        assert!(!j.fully_assessed);
    }

    #[test]
    fn nothing_required_gives_none() {
        assert_eq!(jpm(&[3; 9], &[0; 9]), None);
    }

    #[test]
    fn band_boundaries() {
        let b = JpmBands::default();
        assert_eq!(b.fill(80.0), FillBand::Ms);
        assert_eq!(b.fill(79.99), FillBand::Mms);
        assert_eq!(b.fill(68.0), FillBand::Mms);
        assert_eq!(b.fill(67.99), FillBand::Kms);
        assert_eq!(b.map(90.0), MapBand::Optimal);
        assert_eq!(b.map(89.99), MapBand::CukupOptimal);
        assert_eq!(b.map(78.0), MapBand::CukupOptimal);
        assert_eq!(b.map(77.99), MapBand::KurangOptimal);
        // The hand-worked 29/37 case: MMS for filling, Cukup Optimal for mapping.
        let p = 29.0 * 100.0 / 37.0;
        assert_eq!(
            (b.fill(p), b.map(p)),
            (FillBand::Mms, MapBand::CukupOptimal)
        );
    }

    #[test]
    fn crossed_thresholds_are_refused() {
        let b = JpmBands {
            mms_min: 85.0,
            ..JpmBands::default()
        };
        assert!(b.validate().is_err());
        assert!(JpmBands::default().validate().is_ok());
    }
}
