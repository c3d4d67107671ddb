//! Who may be shortlisted for a position (`[rules.eligibility]`).
//!
//! The checks, in the order they are made (the first that fails is reported):
//! 1. not the position's current holder;
//! 2. the candidate's tier is one the target tier accepts (one step below,
//!    the same tier for a rotation, and a functional post of a minimum jenjang);
//! 3. PNS only for structural posts (JPT, Administrator, Pengawas);
//! 4. golongan at least the target tier's minimum (PNS grades; PPPK grades are
//!    not compared, they can only reach non-structural posts);
//! 5. education at least the target tier's minimum (D4 and S1 are one level);
//! 6. at least `min_months_to_bup` months before the retirement age (BUP) of
//!    the *target* position.
//!
//! Which of the defaults are regulation and which are ours is set out in
//! `docs/positions.md`; every value can be changed per target tier.

use super::candidate::{Candidate, Status};
use super::dates::retirement_date;
use super::education::Pendidikan;
use super::grade::Golongan;
use super::position::Position;
use super::rules::Rules;
use super::tier::Tingkat;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

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
}

/// A tier rule with every value filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct TierRequirement {
    pub from: Vec<Tingkat>,
    pub min_jenjang: Jenjang,
    pub min_golongan: Golongan,
    pub min_pendidikan: Pendidikan,
}

impl TierRule {
    /// The built-in defaults (see `docs/positions.md` for their basis).
    pub fn default_for(target: Tingkat) -> TierRequirement {
        use Tingkat::*;
        let g = |s: &str| Golongan::parse(s).expect("built-in golongan parses");
        let (from, jenjang, gol, pend) = match target {
            JptUtama => (
                vec![JptUtama, JptMadya, Fungsional],
                Jenjang::AhliUtama,
                g("IV/d"),
                Pendidikan::S2,
            ),
            JptMadya => (
                vec![JptMadya, JptPratama, Fungsional],
                Jenjang::AhliUtama,
                g("IV/c"),
                Pendidikan::S2,
            ),
            JptPratama => (
                vec![JptPratama, Administrator, Fungsional],
                Jenjang::AhliMadya,
                g("IV/a"),
                Pendidikan::S1,
            ),
            Administrator => (
                vec![Administrator, Pengawas, Fungsional],
                Jenjang::AhliMuda,
                g("III/c"),
                Pendidikan::S1,
            ),
            Pengawas => (
                vec![Pengawas, Pelaksana, Fungsional],
                Jenjang::AhliPertama,
                g("III/a"),
                Pendidikan::D3,
            ),
            Pelaksana => (
                vec![Pelaksana, Fungsional],
                Jenjang::Keterampilan,
                g("I/a"),
                Pendidikan::Sd,
            ),
            Fungsional => (
                vec![Fungsional, Pelaksana],
                Jenjang::Keterampilan,
                g("I/a"),
                Pendidikan::Sd,
            ),
        };
        TierRequirement {
            from,
            min_jenjang: jenjang,
            min_golongan: gol,
            min_pendidikan: pend,
        }
    }

    fn resolve(&self, target: Tingkat) -> TierRequirement {
        let d = TierRule::default_for(target);
        TierRequirement {
            from: self.from.clone().unwrap_or(d.from),
            min_jenjang: self.min_jenjang.unwrap_or(d.min_jenjang),
            min_golongan: self.min_golongan.unwrap_or(d.min_golongan),
            min_pendidikan: self.min_pendidikan.unwrap_or(d.min_pendidikan),
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
            if r.from.is_empty() {
                return Err(format!(
                    "rules.eligibility.{}.from must name at least one tier",
                    t.code()
                ));
            }
            if r.min_golongan.is_pppk() {
                return Err(format!(
                    "rules.eligibility.{}.min_golongan must be a PNS golongan (I/a .. IV/e)",
                    t.code()
                ));
            }
        }
        Ok(())
    }
}

/// Is this tier structural (a managerial post only PNS hold by default)?
pub fn is_structural(t: Tingkat) -> bool {
    t.is_jpt() || matches!(t, Tingkat::Administrator | Tingkat::Pengawas)
}

/// Why a candidate is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ineligible {
    CurrentHolder,
    /// The candidate's tier is not one the target accepts.
    Tier(Tingkat),
    /// A functional post below the minimum jenjang.
    Jenjang {
        has: Jenjang,
        min: Jenjang,
    },
    /// PPPK for a structural post.
    NotPns,
    Golongan {
        has: Golongan,
        min: Golongan,
    },
    Pendidikan {
        has: Pendidikan,
        min: Pendidikan,
    },
    /// Reaches the target post's BUP on this date, too soon.
    Retirement(NaiveDate),
}

impl Ineligible {
    pub fn code(self) -> &'static str {
        match self {
            Ineligible::CurrentHolder => "pemangku",
            Ineligible::Tier(_) => "tingkat_jabatan",
            Ineligible::Jenjang { .. } => "jenjang",
            Ineligible::NotPns => "status",
            Ineligible::Golongan { .. } => "golongan",
            Ineligible::Pendidikan { .. } => "pendidikan",
            Ineligible::Retirement(_) => "bup",
        }
    }
}

/// The candidate's retirement date if placed in the target position.
pub fn retirement_in(c: &Candidate, target: &Position, rules: &Rules) -> NaiveDate {
    retirement_date(c.birth, rules.bup_age(target.tingkat, &target.nama))
}

/// `Ok(())` when the candidate may be shortlisted, else the first rule that fails.
pub fn check(
    c: &Candidate,
    target: &Position,
    rules: &Rules,
    as_of: NaiveDate,
) -> Result<(), Ineligible> {
    let e = &rules.eligibility;
    if target.holder_nip.as_deref() == Some(&*c.nip) {
        return Err(Ineligible::CurrentHolder);
    }
    let req = e.for_tier(target.tingkat);
    if !req.from.contains(&c.tingkat) {
        return Err(Ineligible::Tier(c.tingkat));
    }
    if c.tingkat == Tingkat::Fungsional {
        let has = Jenjang::of_title(&c.jabatan.text);
        if has < req.min_jenjang {
            return Err(Ineligible::Jenjang {
                has,
                min: req.min_jenjang,
            });
        }
    }
    if e.pns_only_structural && is_structural(target.tingkat) && c.status != Status::Pns {
        return Err(Ineligible::NotPns);
    }
    if let (Some(has), Some(min)) = (c.golongan.pns_rank(), req.min_golongan.pns_rank()) {
        if has < min {
            return Err(Ineligible::Golongan {
                has: c.golongan,
                min: req.min_golongan,
            });
        }
    }
    if c.pendidikan.level() < req.min_pendidikan.level() {
        return Err(Ineligible::Pendidikan {
            has: c.pendidikan,
            min: req.min_pendidikan,
        });
    }
    let retire = retirement_in(c, target, rules);
    let limit = as_of
        .checked_add_months(Months::new(e.min_months_to_bup))
        .unwrap_or(NaiveDate::MAX);
    if retire <= limit {
        return Err(Ineligible::Retirement(retire));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::tests::sample;
    use crate::domain::candidate::Text;

    fn on() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn post(tingkat: Tingkat, nama: &str) -> Position {
        Position {
            kode: "X-01".into(),
            nama: nama.into(),
            tingkat,
            unit: "Dinas Pendidikan".into(),
            vacant: true,
            holder_nip: None,
            requirement: [3; 9],
        }
    }

    fn admin() -> Candidate {
        let mut c = sample();
        c.tingkat = Tingkat::Administrator;
        c.jabatan = Text::new("Kepala Bidang Anggaran");
        c.golongan = Golongan::parse("IV/a").unwrap();
        c
    }

    #[test]
    fn one_step_below_and_rotation_are_eligible() {
        let r = Rules::default();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas Pendidikan");
        assert_eq!(check(&admin(), &jpt, &r, on()), Ok(()));
        let mut rot = admin();
        rot.tingkat = Tingkat::JptPratama;
        assert_eq!(check(&rot, &jpt, &r, on()), Ok(()), "rotation");
        // Two steps below (Pengawas -> JPT Pratama) is not.
        assert_eq!(
            check(&sample(), &jpt, &r, on()),
            Err(Ineligible::Tier(Tingkat::Pengawas))
        );
        // Pengawas III/c, S2 -> Administrator.
        let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
        assert_eq!(check(&sample(), &adm, &r, on()), Ok(()));
    }

    #[test]
    fn golongan_minimum() {
        let r = Rules::default();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        let mut c = admin();
        c.golongan = Golongan::parse("III/d").unwrap();
        assert_eq!(
            check(&c, &jpt, &r, on()),
            Err(Ineligible::Golongan {
                has: c.golongan,
                min: Golongan::parse("IV/a").unwrap()
            })
        );
    }

    #[test]
    fn education_minimum_with_d4_as_s1() {
        let r = Rules::default();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        let mut c = admin();
        c.pendidikan = Pendidikan::D3;
        assert!(matches!(
            check(&c, &jpt, &r, on()),
            Err(Ineligible::Pendidikan { .. })
        ));
        c.pendidikan = Pendidikan::D4;
        assert_eq!(check(&c, &jpt, &r, on()), Ok(()));
    }

    #[test]
    fn functional_needs_the_jenjang() {
        let r = Rules::default();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        let mut c = admin();
        c.tingkat = Tingkat::Fungsional;
        c.jabatan = Text::new("Analis Kebijakan Ahli Muda");
        assert_eq!(
            check(&c, &jpt, &r, on()),
            Err(Ineligible::Jenjang {
                has: Jenjang::AhliMuda,
                min: Jenjang::AhliMadya
            })
        );
        c.jabatan = Text::new("Analis Kebijakan Ahli Madya");
        assert_eq!(check(&c, &jpt, &r, on()), Ok(()));
    }

    #[test]
    fn pppk_only_for_non_structural_posts() {
        let r = Rules::default();
        let mut c = sample();
        c.status = Status::Pppk;
        c.golongan = Golongan::parse("IX").unwrap();
        assert_eq!(
            check(&c, &post(Tingkat::Administrator, "Kepala Bagian"), &r, on()),
            Err(Ineligible::NotPns)
        );
        c.tingkat = Tingkat::Fungsional;
        c.jabatan = Text::new("Guru Ahli Pertama");
        assert_eq!(
            check(&c, &post(Tingkat::Fungsional, "Guru Ahli Muda"), &r, on()),
            Ok(())
        );
        let mut r2 = Rules::default();
        r2.eligibility.pns_only_structural = false;
        c.tingkat = Tingkat::Pengawas;
        c.pendidikan = Pendidikan::S1;
        assert_eq!(
            check(
                &c,
                &post(Tingkat::Administrator, "Kepala Bagian"),
                &r2,
                on()
            ),
            Ok(()),
            "PPPK golongan is not compared with a PNS minimum"
        );
    }

    #[test]
    fn retirement_uses_the_target_posts_bup() {
        let r = Rules::default();
        let mut c = admin();
        // Born 1968-07-15: BUP 58 (Administrator) reached 2026; BUP 60 (JPT) on 2028-08-01.
        c.birth = NaiveDate::from_ymd_opt(1968, 7, 15).unwrap();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        assert_eq!(check(&c, &jpt, &r, on()), Ok(()));
        let adm = post(Tingkat::Administrator, "Sekretaris Dinas");
        assert_eq!(
            check(&c, &adm, &r, on()),
            Err(Ineligible::Retirement(
                NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
            ))
        );
        // Exactly 12 months left is not enough; one more day is.
        c.birth = NaiveDate::from_ymd_opt(1967, 4, 30).unwrap(); // JPT BUP -> 2027-05-01
        let on2 = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert!(check(&c, &jpt, &r, on2).is_err());
        let on3 = NaiveDate::from_ymd_opt(2026, 4, 30).unwrap();
        assert_eq!(check(&c, &jpt, &r, on3), Ok(()));
    }

    #[test]
    fn the_holder_is_not_a_candidate() {
        let r = Rules::default();
        let mut jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        let c = admin();
        jpt.holder_nip = Some(c.nip.to_string());
        jpt.vacant = false;
        assert_eq!(check(&c, &jpt, &r, on()), Err(Ineligible::CurrentHolder));
    }

    #[test]
    fn tier_rules_are_configurable_key_by_key() {
        let r: Rules = toml::from_str(
            "[eligibility.jpt_pratama]\nmin_golongan = \"IV/b\"\n[eligibility.administrator]\nfrom = [\"pengawas\"]\n",
        )
        .unwrap();
        let t = r.eligibility.for_tier(Tingkat::JptPratama);
        assert_eq!(t.min_golongan, Golongan::parse("IV/b").unwrap());
        assert_eq!(t.min_pendidikan, Pendidikan::S1, "other keys keep defaults");
        assert_eq!(
            r.eligibility.for_tier(Tingkat::Administrator).from,
            vec![Tingkat::Pengawas]
        );
        let c = admin();
        let jpt = post(Tingkat::JptPratama, "Kepala Dinas");
        assert!(matches!(
            check(&c, &jpt, &r, on()),
            Err(Ineligible::Golongan { .. })
        ));
        assert!(
            toml::from_str::<Rules>("[eligibility.jpt_pratama]\nmin_golongan = \"V/z\"\n").is_err()
        );
        let bad: Rules = toml::from_str("[eligibility.pengawas]\nfrom = []\n").unwrap();
        assert!(bad.validate().is_err());
    }
}
