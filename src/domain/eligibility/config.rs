//! `[rules.eligibility]`: the thresholds of every condition, per target tier.
//! Defaults follow PP 11/2017 jo. PP 17/2020 where it sets one; the others are
//! named as ours or as agency practice in `docs/positions.md`.

use super::Jenjang;
use crate::domain::career::PenaltyLevel;
use crate::domain::education::Pendidikan;
use crate::domain::grade::Golongan;
use crate::domain::predikat::Predikat;
use crate::domain::tier::Tingkat;
use serde::{Deserialize, Serialize};

/// A set of tiers (the tiers a target is filled from), one bit per tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TierSet(u8);

impl TierSet {
    pub fn of(tiers: &[Tingkat]) -> TierSet {
        TierSet(tiers.iter().fold(0, |m, t| m | 1 << t.rank()))
    }
    pub fn contains(self, t: Tingkat) -> bool {
        self.0 & (1 << t.rank()) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The tiers, top first.
    pub fn iter(self) -> impl Iterator<Item = Tingkat> {
        Tingkat::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

/// What one target tier asks of a candidate. Every key is optional: a key
/// left out keeps the built-in default of that tier ([`TierRule::default_for`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierRule {
    /// Tiers a candidate may come from.
    pub from: Option<Vec<Tingkat>>,
    /// A candidate in a functional post needs at least this jenjang.
    pub min_jenjang: Option<Jenjang>,
    /// Lowest PNS golongan (`I/a` means no minimum).
    pub min_golongan: Option<Golongan>,
    /// Lowest education (`SD` means no minimum).
    pub min_pendidikan: Option<Pendidikan>,
    /// SKP predikat at least `skp_min` in each of this many years before the as-of year (0: none).
    pub skp_years: Option<u32>,
    /// Years on the rung just below the target (Pengawas for Administrator, ...; 0: none).
    pub years_below: Option<u32>,
    /// Years in any post, cumulative (0: none).
    pub years_cumulative: Option<u32>,
    /// Highest age on the as-of date, up to the birthday itself (0: no ceiling).
    pub max_age: Option<u32>,
    /// No sedang/berat penalty imposed in this many years before the as-of date (0: not asked).
    pub penalty_lookback_years: Option<u32>,
}

/// A tier rule with every value filled in (no allocation: read per candidate).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierRequirement {
    pub from: TierSet,
    pub min_jenjang: Jenjang,
    pub min_golongan: Golongan,
    pub min_pendidikan: Pendidikan,
    pub skp_years: u32,
    pub years_below: u32,
    pub years_cumulative: u32,
    pub max_age: u32,
    pub penalty_lookback_years: u32,
}

impl TierRule {
    /// The built-in defaults (see `docs/positions.md` for their basis).
    pub fn default_for(target: Tingkat) -> TierRequirement {
        use Tingkat::*;
        // Built from parts, not parsed: this runs per candidate (no allocation).
        let g = |level: u8, ruang: u8| Golongan::Pns { level, ruang };
        // (from, jenjang, golongan, pendidikan, years below, cumulative, max age)
        let (from, jenjang, gol, pend, below, cumulative, age) = match target {
            JptUtama => (
                TierSet::of(&[JptUtama, JptMadya, Fungsional]),
                Jenjang::AhliUtama,
                g(4, 3),
                Pendidikan::S1,
                0,
                10,
                58,
            ),
            JptMadya => (
                TierSet::of(&[JptMadya, JptPratama, Fungsional]),
                Jenjang::AhliUtama,
                g(4, 3),
                Pendidikan::S1,
                2,
                7,
                58,
            ),
            JptPratama => (
                TierSet::of(&[JptPratama, Administrator, Fungsional]),
                Jenjang::AhliMadya,
                g(4, 1),
                Pendidikan::S1,
                2,
                5,
                56,
            ),
            Administrator => (
                TierSet::of(&[Administrator, Pengawas, Fungsional]),
                Jenjang::AhliMuda,
                g(3, 2),
                Pendidikan::S1,
                3,
                0,
                0,
            ),
            Pengawas => (
                TierSet::of(&[Pengawas, Pelaksana, Fungsional]),
                Jenjang::AhliPertama,
                g(3, 0),
                Pendidikan::D3,
                4,
                0,
                0,
            ),
            Pelaksana => (
                TierSet::of(&[Pelaksana, Fungsional]),
                Jenjang::Keterampilan,
                g(1, 0),
                Pendidikan::Sd,
                0,
                0,
                0,
            ),
            Fungsional => (
                TierSet::of(&[Fungsional, Pelaksana]),
                Jenjang::Keterampilan,
                g(1, 0),
                Pendidikan::Sd,
                0,
                0,
                0,
            ),
        };
        TierRequirement {
            from,
            min_jenjang: jenjang,
            min_golongan: gol,
            min_pendidikan: pend,
            // Pasal 54 and 107 ask it of structural posts only.
            skp_years: if super::is_structural(target) { 2 } else { 0 },
            years_below: below,
            years_cumulative: cumulative,
            max_age: age,
            penalty_lookback_years: 0,
        }
    }

    fn resolve(&self, target: Tingkat) -> TierRequirement {
        let d = TierRule::default_for(target);
        TierRequirement {
            from: self.from.as_deref().map_or(d.from, TierSet::of),
            min_jenjang: self.min_jenjang.unwrap_or(d.min_jenjang),
            min_golongan: self.min_golongan.unwrap_or(d.min_golongan),
            min_pendidikan: self.min_pendidikan.unwrap_or(d.min_pendidikan),
            skp_years: self.skp_years.unwrap_or(d.skp_years),
            years_below: self.years_below.unwrap_or(d.years_below),
            years_cumulative: self.years_cumulative.unwrap_or(d.years_cumulative),
            max_age: self.max_age.unwrap_or(d.max_age),
            penalty_lookback_years: self
                .penalty_lookback_years
                .unwrap_or(d.penalty_lookback_years),
        }
    }
}

/// `[rules.eligibility]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EligibilityRules {
    /// Only PNS for JPT, Administrator and Pengawas posts (default true).
    pub pns_only_structural: bool,
    /// Months a candidate must have left before the target post's BUP (default 12).
    pub min_months_to_bup: u32,
    /// The lowest SKP predikat that counts in the `skp_years` (default Baik).
    pub skp_min: Predikat,
    /// A penalty of this level or above in force bars (default sedang, PP 94/2021).
    pub penalty_min_level: PenaltyLevel,
    /// Leave off a functional candidate whose jenjang is equivalent to a tier
    /// above the target (a move down is not a promotion; default true).
    pub exclude_from_above: bool,
    pub jpt_utama: TierRule,
    pub jpt_madya: TierRule,
    pub jpt_pratama: TierRule,
    pub administrator: TierRule,
    pub pengawas: TierRule,
    pub pelaksana: TierRule,
    pub fungsional: TierRule,
}

impl Default for EligibilityRules {
    fn default() -> Self {
        EligibilityRules {
            pns_only_structural: true,
            min_months_to_bup: 12,
            skp_min: Predikat::Baik,
            penalty_min_level: PenaltyLevel::Sedang,
            exclude_from_above: true,
            jpt_utama: TierRule::default(),
            jpt_madya: TierRule::default(),
            jpt_pratama: TierRule::default(),
            administrator: TierRule::default(),
            pengawas: TierRule::default(),
            pelaksana: TierRule::default(),
            fungsional: TierRule::default(),
        }
    }
}

impl EligibilityRules {
    /// The requirement for a target tier, the config's keys over the defaults.
    pub fn for_tier(&self, target: Tingkat) -> TierRequirement {
        let r = match target {
            Tingkat::JptUtama => &self.jpt_utama,
            Tingkat::JptMadya => &self.jpt_madya,
            Tingkat::JptPratama => &self.jpt_pratama,
            Tingkat::Administrator => &self.administrator,
            Tingkat::Pengawas => &self.pengawas,
            Tingkat::Pelaksana => &self.pelaksana,
            Tingkat::Fungsional => &self.fungsional,
        };
        r.resolve(target)
    }

    pub fn validate(&self) -> Result<(), String> {
        for t in Tingkat::ALL {
            let r = self.for_tier(t);
            let key = |k: &str| format!("rules.eligibility.{}.{k}", t.code());
            if r.from.is_empty() {
                return Err(format!("{} must name at least one tier", key("from")));
            }
            if r.min_golongan.is_pppk() {
                return Err(format!(
                    "{} must be a PNS golongan (I/a .. IV/e)",
                    key("min_golongan")
                ));
            }
            for (k, v, max) in [
                ("skp_years", r.skp_years, 10),
                ("years_below", r.years_below, 40),
                ("years_cumulative", r.years_cumulative, 40),
                ("max_age", r.max_age, 70),
                ("penalty_lookback_years", r.penalty_lookback_years, 40),
            ] {
                if v > max {
                    return Err(format!("{} must be 0 .. {max}", key(k)));
                }
            }
        }
        Ok(())
    }
}
