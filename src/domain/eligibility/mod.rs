//! Who may be shortlisted for a position: every condition of PP 11/2017 jo.
//! PP 17/2020 Pasal 54 (Administrator, Pengawas) and Pasal 107 (JPT) that the
//! data can decide, the disciplinary one (PP 94/2021), and ours.
//!
//! Each condition ([`Syarat`]) evaluates to met, not met or unknown (missing
//! data is never met) with its grounds: the article ([`Dasar`]), the value seen
//! and the value required ([`Condition`]). A candidate is eligible only when
//! every condition is met. [`conditions`] lists them all (in the order below);
//! [`check`] stops at the first that is not met, without allocating (the
//! shortlist runs it per candidate). The rules themselves, one function per
//! condition reading like its article, are in `articles.rs`; the thresholds
//! (`[rules.eligibility]`) in `config.rs`. Their table, with the articles and
//! our defaults, is in `docs/positions.md`.

mod articles;
mod config;
#[cfg(test)]
mod tests;

pub use articles::predikat_years;
pub use config::{EligibilityRules, TierRequirement, TierRule, TierSet};

use super::candidate::{Candidate, Status};
use super::career::{Penalty, PenaltyLevel};
use super::dates::retirement_date;
use super::education::Pendidikan;
use super::grade::Golongan;
use super::position::Position;
use super::predikat::Predikat;
use super::rules::Rules;
use super::tier::Tingkat;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a condition asks (its code is the `syarat` of the JSON output and the
/// key of its text in `strings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Syarat {
    /// Not the position's current holder.
    Pemangku,
    /// A tier the target is filled from.
    TingkatJabatan,
    /// A functional candidate's jenjang.
    Jenjang,
    /// A functional candidate's post not above the target by the equivalence
    /// of jenjang to tiers ([`setara`]): a move down is not a promotion.
    JenjangSetara,
    /// PNS for a structural post.
    Status,
    /// Pangkat/golongan floor.
    Golongan,
    /// Education floor.
    Pendidikan,
    /// SKP predikat in each of the last years.
    Skp,
    /// Years on the rung below the target (e.g. 3 years as Pengawas).
    PengalamanJabatan,
    /// Years in any post, cumulative.
    PengalamanKumulatif,
    /// JPT age ceiling.
    Usia,
    /// No sedang/berat penalty in force.
    Disiplin,
    /// No sedang/berat penalty imposed in the look-back years.
    DisiplinRiwayat,
    /// Time left before the target post's BUP.
    Bup,
}

impl Syarat {
    pub const ALL: [Syarat; 14] = [
        Syarat::Pemangku,
        Syarat::TingkatJabatan,
        Syarat::Jenjang,
        Syarat::JenjangSetara,
        Syarat::Status,
        Syarat::Golongan,
        Syarat::Pendidikan,
        Syarat::Skp,
        Syarat::PengalamanJabatan,
        Syarat::PengalamanKumulatif,
        Syarat::Usia,
        Syarat::Disiplin,
        Syarat::DisiplinRiwayat,
        Syarat::Bup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Syarat::Pemangku => "pemangku",
            Syarat::TingkatJabatan => "tingkat_jabatan",
            Syarat::Jenjang => "jenjang",
            Syarat::JenjangSetara => "jenjang_setara",
            Syarat::Status => "status",
            Syarat::Golongan => "golongan",
            Syarat::Pendidikan => "pendidikan",
            Syarat::Skp => "skp",
            Syarat::PengalamanJabatan => "pengalaman_jabatan",
            Syarat::PengalamanKumulatif => "pengalaman_kumulatif",
            Syarat::Usia => "usia",
            Syarat::Disiplin => "disiplin",
            Syarat::DisiplinRiwayat => "disiplin_riwayat",
            Syarat::Bup => "bup",
        }
    }
}

/// How a condition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Met,
    NotMet,
    /// The data needed is missing: not met for eligibility, shown as unknown.
    Unknown,
}

impl Outcome {
    /// The contract's `terpenuhi`: true, false, or null when unknown.
    pub fn terpenuhi(self) -> Option<bool> {
        match self {
            Outcome::Met => Some(true),
            Outcome::NotMet => Some(false),
            Outcome::Unknown => None,
        }
    }
}

/// The grounds of a condition (the contract's `dasar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dasar {
    /// PP 11/2017 jo. PP 17/2020 Pasal 54: ayat (1) Administrator, ayat (3) Pengawas.
    Pasal54(Tingkat),
    /// PP 11/2017 jo. PP 17/2020 Pasal 107: huruf a JPT Utama, b Madya, c Pratama.
    Pasal107(Tingkat),
    /// PP 94/2021 on civil-service discipline.
    Pp94,
    /// The equivalence of functional jenjang to structural tiers ([`setara`]):
    /// PermenPANRB 17/2021 and PP 11/2017 jo. PP 17/2020 Pasal 107.
    Penyetaraan,
    /// Practice of agencies' calls (e.g. JPT selection announcements), our default.
    Practice,
    /// A reading of ours where the regulation gives no rule.
    Ours,
}

impl Dasar {
    /// The citation of a regulation; `None` for ours and practice (their words are in `strings`).
    pub fn citation(self) -> Option<&'static str> {
        Some(match self {
            Dasar::Pasal54(Tingkat::Pengawas) => "PP 11/2017 jo. PP 17/2020 Pasal 54 ayat (3)",
            Dasar::Pasal54(_) => "PP 11/2017 jo. PP 17/2020 Pasal 54 ayat (1)",
            Dasar::Pasal107(Tingkat::JptUtama) => "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf a",
            Dasar::Pasal107(Tingkat::JptMadya) => "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf b",
            Dasar::Pasal107(_) => "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c",
            Dasar::Pp94 => "PP 94/2021",
            Dasar::Penyetaraan => "PermenPANRB 17/2021; PP 11/2017 jo. PP 17/2020 Pasal 107",
            Dasar::Practice | Dasar::Ours => return None,
        })
    }

    /// The article that states the conditions of promotion to `target`
    /// (Pasal 107 for JPT, Pasal 54 for Administrator and Pengawas); ours otherwise.
    pub fn article_of(target: Tingkat) -> Dasar {
        match target {
            t if t.is_jpt() => Dasar::Pasal107(t),
            Tingkat::Administrator | Tingkat::Pengawas => Dasar::Pasal54(target),
            _ => Dasar::Ours,
        }
    }
}

/// A value seen on the candidate or required by a condition (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// Nothing to show (the holder test; no data).
    None,
    Tingkat(Tingkat),
    Tiers(TierSet),
    Jenjang(Jenjang),
    /// A functional jenjang with the tier it is equivalent to.
    Setara(Jenjang, Tingkat),
    /// At most the level of this tier (the target's, by [`setara`]).
    AtMost(Tingkat),
    Status(Status),
    Golongan(Golongan),
    Pendidikan(Pendidikan),
    /// The predikat of a year (`None`: no SKP on record for it).
    Predikat {
        year: u16,
        predikat: Option<Predikat>,
    },
    /// At least `min` in each of the `years` years before the as-of year.
    PredikatYears {
        min: Predikat,
        years: u32,
    },
    /// Days of experience (shown as years); with `at_least`, only the current post was known.
    Days {
        days: u32,
        at_least: bool,
    },
    /// Whole years.
    Years(u32),
    /// Age in whole years on the as-of date.
    Age(u32),
    /// At most `max` years old: up to the birthday `until`.
    AgeUntil {
        max: u32,
        until: NaiveDate,
    },
    /// A penalty seen.
    Penalty {
        level: PenaltyLevel,
        start: NaiveDate,
        end: Option<NaiveDate>,
    },
    /// No penalty of this level or above in force.
    NoPenalty(PenaltyLevel),
    /// No penalty of this level or above imposed in the last `years` years.
    NoPenaltyFor {
        level: PenaltyLevel,
        years: u32,
    },
    /// A date (the retirement date seen; required: after this date).
    Date(NaiveDate),
}

impl Value {
    /// The penalty seen, or nothing.
    pub fn penalty(p: Option<&Penalty>) -> Value {
        p.map_or(Value::None, |p| Value::Penalty {
            level: p.level,
            start: p.start,
            end: p.end,
        })
    }
}

/// One condition with its grounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    pub syarat: Syarat,
    pub outcome: Outcome,
    pub dasar: Dasar,
    pub seen: Value,
    pub required: Value,
}

impl Condition {
    /// The condition's code (`pendidikan`, `skp`, ...).
    pub fn code(&self) -> &'static str {
        self.syarat.code()
    }

    pub fn is_met(&self) -> bool {
        self.outcome == Outcome::Met
    }
}

/// Why a candidate is not eligible: the first condition not met (or unknown).
pub type Ineligible = Condition;

/// Is this tier structural (a managerial post only PNS hold by default)?
pub fn is_structural(t: Tingkat) -> bool {
    t.is_jpt() || matches!(t, Tingkat::Administrator | Tingkat::Pengawas)
}

/// The structural tier a functional jenjang is equivalent to:
///
/// | jenjang | setara | source |
/// |---|---|---|
/// | ahli utama | JPT Pratama | PP 11/2017 jo. PP 17/2020 Pasal 107 huruf b (JPT Madya from JPT Pratama or JF ahli utama) |
/// | ahli madya | Administrator | PermenPANRB 17/2021 (Administrator disetarakan dengan ahli madya); Pasal 107 huruf c |
/// | ahli muda | Pengawas | PermenPANRB 17/2021 (Pengawas disetarakan dengan ahli muda) |
/// | ahli pertama | Pelaksana | PermenPANRB 17/2021 (pelaksana eselon V disetarakan dengan ahli pertama) |
/// | keterampilan | Pelaksana | ours |
///
/// The same ladder as the experience conditions (`career::rung`).
pub fn setara(j: Jenjang) -> Tingkat {
    match j {
        Jenjang::AhliUtama => Tingkat::JptPratama,
        Jenjang::AhliMadya => Tingkat::Administrator,
        Jenjang::AhliMuda => Tingkat::Pengawas,
        Jenjang::AhliPertama | Jenjang::Keterampilan => Tingkat::Pelaksana,
    }
}

/// The level a post stands at: a structural tier itself, a functional post
/// the tier its jenjang is equivalent to ([`setara`]; for a position, the
/// jenjang read from its title).
pub fn level_of(tingkat: Tingkat, jenjang: impl FnOnce() -> Jenjang) -> Tingkat {
    match tingkat {
        Tingkat::Fungsional => setara(jenjang()),
        t => t,
    }
}

/// The candidate's retirement date if placed in the target position.
pub fn retirement_in(c: &Candidate, target: &Position, rules: &Rules) -> NaiveDate {
    retirement_date(c.birth, rules.bup_age(target.tingkat, &target.nama))
}

/// `Ok(())` when the candidate meets every condition for `target`, else the
/// first that is not met or unknown. No allocation: the shortlist calls it per candidate.
pub fn check(
    c: &Candidate,
    target: &Position,
    rules: &Rules,
    as_of: NaiveDate,
) -> Result<(), Ineligible> {
    let ctx = articles::Ctx::new(c, target, rules, as_of);
    for rule in articles::RULES {
        if let Some(cond) = rule(&ctx) {
            if !cond.is_met() {
                return Err(cond);
            }
        }
    }
    Ok(())
}

/// Every condition that applies to the candidate for `target`, met or not,
/// in the order of [`Syarat::ALL`] (the contract's `syarat` list).
pub fn conditions(
    c: &Candidate,
    target: &Position,
    rules: &Rules,
    as_of: NaiveDate,
) -> Vec<Condition> {
    let ctx = articles::Ctx::new(c, target, rules, as_of);
    articles::RULES
        .iter()
        .filter_map(|rule| rule(&ctx))
        .collect()
}

/// Jenjang of a functional post, read from its title (`Analis Kebijakan Ahli Madya`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jenjang {
    /// Pemula, terampil, mahir, penyelia.
    Keterampilan,
    AhliPertama,
    AhliMuda,
    AhliMadya,
    AhliUtama,
}

impl Jenjang {
    pub fn of_title(jabatan: &str) -> Jenjang {
        // Case-insensitive without a lower-case copy (this runs per candidate).
        let has = |s: &str| super::fold::contains(jabatan, s);
        if has("ahli utama") {
            Jenjang::AhliUtama
        } else if has("ahli madya") {
            Jenjang::AhliMadya
        } else if has("ahli muda") {
            Jenjang::AhliMuda
        } else if has("ahli pertama") {
            Jenjang::AhliPertama
        } else {
            Jenjang::Keterampilan
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Jenjang::Keterampilan => "keterampilan",
            Jenjang::AhliPertama => "ahli_pertama",
            Jenjang::AhliMuda => "ahli_muda",
            Jenjang::AhliMadya => "ahli_madya",
            Jenjang::AhliUtama => "ahli_utama",
        }
    }
}
