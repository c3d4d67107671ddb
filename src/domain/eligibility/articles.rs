//! The conditions, one function each, in the order they are listed and
//! checked. Each returns `None` when it does not apply to this candidate and
//! target (a jenjang for a non-functional candidate, an age ceiling below JPT).

use super::{Condition, Dasar, Outcome, Syarat, TierRequirement, Value};
use crate::domain::candidate::{Candidate, Status};
use crate::domain::career;
use crate::domain::dates::whole_years;
use crate::domain::position::Position;
use crate::domain::predikat::Predikat;
use crate::domain::rules::Rules;
use crate::domain::tier::Tingkat;
use chrono::{Datelike, Months, NaiveDate};

/// What every condition reads: the candidate, the target, the rules resolved
/// for the target's tier, and the as-of date.
pub(super) struct Ctx<'a> {
    c: &'a Candidate,
    target: &'a Position,
    rules: &'a Rules,
    req: TierRequirement,
    as_of: NaiveDate,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        c: &'a Candidate,
        target: &'a Position,
        rules: &'a Rules,
        as_of: NaiveDate,
    ) -> Ctx<'a> {
        Ctx {
            c,
            target,
            rules,
            req: rules.eligibility.for_tier(target.tingkat),
            as_of,
        }
    }

    fn article(&self) -> Dasar {
        Dasar::article_of(self.target.tingkat)
    }
}

type Rule = fn(&Ctx<'_>) -> Option<Condition>;

/// Every condition, in the order of `Syarat::ALL`.
pub(super) const RULES: [Rule; 14] = [
    not_the_holder,
    tier_of_origin,
    functional_jenjang,
    not_from_above,
    pns_status,
    golongan_floor,
    education,
    skp_predikat,
    years_below,
    years_cumulative,
    age_ceiling,
    no_penalty_in_force,
    no_recent_penalty,
    time_before_bup,
];

fn condition(
    syarat: Syarat,
    met: bool,
    dasar: Dasar,
    seen: Value,
    required: Value,
) -> Option<Condition> {
    Some(Condition {
        syarat,
        outcome: if met { Outcome::Met } else { Outcome::NotMet },
        dasar,
        seen,
        required,
    })
}

/// The holder of the position is not a candidate for it (ours).
fn not_the_holder(x: &Ctx<'_>) -> Option<Condition> {
    let holds = x.target.holder_nip.as_deref() == Some(&*x.c.nip);
    condition(
        Syarat::Pemangku,
        !holds,
        Dasar::Ours,
        Value::None,
        Value::None,
    )
}

/// JPT Pratama from Administrator or JF ahli madya (Pasal 107 huruf c), JPT
/// Madya from JPT Pratama or JF ahli utama (huruf b), Administrator from
/// Pengawas (Pasal 54 ayat (1)), Pengawas from Pelaksana (ayat (3)); the same
/// tier for a rotation (ours).
fn tier_of_origin(x: &Ctx<'_>) -> Option<Condition> {
    condition(
        Syarat::TingkatJabatan,
        x.req.from.contains(x.c.tingkat),
        x.article(),
        Value::Tingkat(x.c.tingkat),
        Value::Tiers(x.req.from),
    )
}

/// A candidate in a functional post holds the jenjang the article names
/// (ahli madya for JPT Pratama, ahli utama for JPT Madya and Utama); "JF
/// setingkat" for Administrator and Pengawas as we read it.
fn functional_jenjang(x: &Ctx<'_>) -> Option<Condition> {
    if x.c.tingkat != Tingkat::Fungsional {
        return None;
    }
    let has = x.c.jabatan.jenjang;
    let dasar = if x.target.tingkat.is_jpt() {
        x.article()
    } else {
        Dasar::Ours
    };
    condition(
        Syarat::Jenjang,
        has >= x.req.min_jenjang,
        dasar,
        Value::Jenjang(has),
        Value::Jenjang(x.req.min_jenjang),
    )
}

/// A promotion is a move up (or, for a rotation, across): a functional
/// candidate whose jenjang is equivalent to a tier above the target's
/// (`super::setara`: PermenPANRB 17/2021 for Administrator = ahli madya and
/// Pengawas = ahli muda, PP 11/2017 jo. PP 17/2020 Pasal 107 huruf b for ahli
/// utama = JPT Pratama) would move down, so is left off (ours; off with
/// `exclude_from_above = false`). Same level stays (a rotation).
fn not_from_above(x: &Ctx<'_>) -> Option<Condition> {
    if x.c.tingkat != Tingkat::Fungsional || !x.rules.eligibility.exclude_from_above {
        return None;
    }
    let has = x.c.jabatan.jenjang;
    let seen = super::setara(has);
    let target = super::level_of(x.target.tingkat, || {
        super::Jenjang::of_title(&x.target.nama)
    });
    condition(
        Syarat::JenjangSetara,
        seen.rank() >= target.rank(),
        Dasar::Penyetaraan,
        Value::Setara(has, seen),
        Value::AtMost(target),
    )
}

/// Berstatus PNS (Pasal 54 ayat (1) and (3)); for JPT, ours (Pasal 108 opens
/// some JPT to non-PNS through an open selection, which talenta does not model).
fn pns_status(x: &Ctx<'_>) -> Option<Condition> {
    let t = x.target.tingkat;
    if !x.rules.eligibility.pns_only_structural || !super::is_structural(t) {
        return None;
    }
    let dasar = if t.is_jpt() { Dasar::Ours } else { x.article() };
    condition(
        Syarat::Status,
        x.c.status == Status::Pns,
        dasar,
        Value::Status(x.c.status),
        Value::Status(Status::Pns),
    )
}

/// Pangkat floors are not in PP 11/2017: IV/b for JPT Pratama and IV/d for
/// JPT Madya are what current calls ask (practice); the rest ours. PPPK
/// golongan are not compared with a PNS floor.
fn golongan_floor(x: &Ctx<'_>) -> Option<Condition> {
    let min = x.req.min_golongan;
    let (has, floor) = (x.c.golongan.pns_rank()?, min.pns_rank()?);
    if floor == 0 {
        return None;
    }
    let dasar = match x.target.tingkat {
        Tingkat::JptPratama | Tingkat::JptMadya => Dasar::Practice,
        _ => Dasar::Ours,
    };
    condition(
        Syarat::Golongan,
        has >= floor,
        dasar,
        Value::Golongan(x.c.golongan),
        Value::Golongan(min),
    )
}

/// Paling rendah sarjana atau diploma IV for every JPT level (Pasal 107; a
/// postgraduate degree only of non-PNS, Pasal 108) and for Administrator,
/// diploma III for Pengawas (Pasal 54). D4 and S1 are one level.
fn education(x: &Ctx<'_>) -> Option<Condition> {
    let min = x.req.min_pendidikan;
    if min.level() <= 1 {
        return None;
    }
    condition(
        Syarat::Pendidikan,
        x.c.pendidikan.level() >= min.level(),
        x.article(),
        Value::Pendidikan(x.c.pendidikan),
        Value::Pendidikan(min),
    )
}

/// Penilaian kinerja paling sedikit bernilai baik dalam 2 tahun terakhir
/// (Pasal 54, 107): each of the `skp_years` calendar years before the as-of
/// year (a year's predikat is final once it ends). A year below is not met;
/// else a year with no SKP on record is unknown.
fn skp_predikat(x: &Ctx<'_>) -> Option<Condition> {
    let n = x.req.skp_years;
    if n == 0 {
        return None;
    }
    let min = x.rules.eligibility.skp_min;
    let (outcome, year, predikat) = predikat_years(x.c, min, n, x.as_of.year());
    Some(Condition {
        syarat: Syarat::Skp,
        outcome,
        dasar: x.article(),
        seen: Value::Predikat { year, predikat },
        required: Value::PredikatYears { min, years: n },
    })
}

/// Predikat at least `min` in each of the `n` (at least 1) calendar years
/// before `year`: the year seen (the first below, else the first missing,
/// else the lowest) with its predikat. A year below is not met; else a year
/// with no SKP on record is unknown. Shared with the KRS conditions (Pasal 199).
pub fn predikat_years(
    c: &Candidate,
    min: Predikat,
    n: u32,
    year: i32,
) -> (Outcome, u16, Option<Predikat>) {
    let (mut below, mut missing, mut lowest) = (None, None, None);
    for back in 1..=n.max(1) as i32 {
        let y = (year - back).clamp(0, u16::MAX as i32) as u16;
        match c.predikat_in(y) {
            None => missing = missing.or(Some(y)),
            Some(p) if p < min => below = below.or(Some((y, p))),
            Some(p) => {
                if lowest.is_none_or(|(_, q)| p < q) {
                    lowest = Some((y, p));
                }
            }
        }
    }
    match (below, missing, lowest) {
        (Some((y, p)), _, _) => (Outcome::NotMet, y, Some(p)),
        (None, Some(y), _) => (Outcome::Unknown, y, None),
        (None, None, Some((y, p))) => (Outcome::Met, y, Some(p)),
        (None, None, None) => unreachable!("n >= 1 years looked at"),
    }
}

/// Administrator: paling singkat 3 tahun pada jabatan pengawas atau JF yang
/// setingkat; Pengawas: 4 tahun pada jabatan pelaksana (Pasal 54); JPT
/// Pratama: 2 tahun sebagai Administrator atau JF ahli madya (Pasal 107 huruf
/// c); JPT Madya: 2 tahun sebagai JPT Pratama atau JF ahli utama (huruf b).
fn years_below(x: &Ctx<'_>) -> Option<Condition> {
    let rung = career::rung(x.target.tingkat, None).checked_sub(1)?;
    if x.req.years_below == 0 || rung == 0 {
        return None;
    }
    experience(x, Syarat::PengalamanJabatan, rung, x.req.years_below)
}

/// Pengalaman jabatan secara kumulatif: 5 tahun JPT Pratama, 7 JPT Madya,
/// 10 JPT Utama (Pasal 107). Whether a post was "in a related field" is the
/// committee's judgement: every post on record counts.
fn years_cumulative(x: &Ctx<'_>) -> Option<Condition> {
    if x.req.years_cumulative == 0 {
        return None;
    }
    experience(x, Syarat::PengalamanKumulatif, 1, x.req.years_cumulative)
}

/// Years on `rung` or higher from the position history, with the current
/// post's TMT. Without a history only the current post is known: enough
/// years in it is met, fewer is unknown (earlier posts may make up the rest).
fn experience(x: &Ctx<'_>, syarat: Syarat, rung: u8, years: u32) -> Option<Condition> {
    let c = x.c;
    let current = c.tmt_jabatan.map(|start| {
        let jenjang = (c.tingkat == Tingkat::Fungsional).then_some(c.jabatan.jenjang);
        (career::rung(c.tingkat, jenjang), start)
    });
    let days = c.career.days_with_current(rung, current, x.as_of);
    let enough = days >= career::days_of_years(years, x.as_of);
    let known = c.career.has_history();
    let outcome = match (enough, known) {
        (true, _) => Outcome::Met,
        (false, true) => Outcome::NotMet,
        (false, false) => Outcome::Unknown,
    };
    Some(Condition {
        syarat,
        outcome,
        dasar: x.article(),
        seen: if known || current.is_some() {
            Value::Days {
                days,
                at_least: !known,
            }
        } else {
            Value::None
        },
        required: Value::Years(years),
    })
}

/// Usia paling tinggi 56 tahun (JPT Pratama, Pasal 107 huruf c) or 58 (JPT
/// Madya and Utama, huruf a and b) on the as-of date: met up to the day of
/// the 56th (58th) birthday itself, not from the day after ("paling tinggi
/// 56 tahun": not older than 56 years).
fn age_ceiling(x: &Ctx<'_>) -> Option<Condition> {
    let max = x.req.max_age;
    if max == 0 {
        return None;
    }
    let birth = x.c.birth;
    // The day they turn `max` (a 29 February birthday turns on 1 March in common years).
    let until = birth
        .checked_add_months(Months::new(max * 12))
        .map(|d| {
            if whole_years(birth, d) < max {
                d.succ_opt().unwrap_or(d)
            } else {
                d
            }
        })
        .unwrap_or(NaiveDate::MAX);
    condition(
        Syarat::Usia,
        x.as_of <= until,
        x.article(),
        Value::Age(whole_years(birth, x.as_of)),
        Value::AgeUntil { max, until },
    )
}

/// Tidak sedang menjalani hukuman disiplin tingkat sedang atau berat (PP
/// 94/2021): no penalty of `penalty_min_level` or above in force on the as-of
/// date (one whose last day is the as-of date still is). Only penalties on
/// record (`disiplin.csv`) are known: before the agency has imported one, an
/// employee without a penalty listed is unknown, not met.
fn no_penalty_in_force(x: &Ctx<'_>) -> Option<Condition> {
    let level = x.rules.eligibility.penalty_min_level;
    let found =
        x.c.penalties()
            .iter()
            .filter(|p| p.level >= level && p.in_force(x.as_of))
            .max_by_key(|p| (p.level, p.end.is_none(), p.end));
    let mut c = condition(
        Syarat::Disiplin,
        found.is_none(),
        Dasar::Pp94,
        Value::penalty(found),
        Value::NoPenalty(level),
    )?;
    unknown_unless_penalties_known(&mut c, found.is_none(), x);
    Some(c)
}

/// "Tidak pernah dijatuhi hukuman disiplin tingkat sedang/berat dalam 5 tahun
/// terakhir", as JPT calls commonly ask (practice; off unless
/// `penalty_lookback_years` is set): none imposed (TMT) in those years.
fn no_recent_penalty(x: &Ctx<'_>) -> Option<Condition> {
    let years = x.req.penalty_lookback_years;
    if years == 0 {
        return None;
    }
    let level = x.rules.eligibility.penalty_min_level;
    let since = x
        .as_of
        .checked_sub_months(Months::new(years * 12))
        .unwrap_or(NaiveDate::MIN);
    let found =
        x.c.penalties()
            .iter()
            .filter(|p| p.level >= level && p.start >= since && p.start <= x.as_of)
            .max_by_key(|p| p.start);
    let mut c = condition(
        Syarat::DisiplinRiwayat,
        found.is_none(),
        Dasar::Practice,
        Value::penalty(found),
        Value::NoPenaltyFor { level, years },
    )?;
    unknown_unless_penalties_known(&mut c, found.is_none(), x);
    Some(c)
}

/// No penalty found is "met" only when the penalties are on record.
fn unknown_unless_penalties_known(c: &mut Condition, none_found: bool, x: &Ctx<'_>) {
    if none_found && !x.c.career.penalties_known() {
        c.outcome = Outcome::Unknown;
    }
}

/// More than `min_months_to_bup` months before the BUP of the *target* post
/// (ours: a promotion should not end in retirement within the year).
fn time_before_bup(x: &Ctx<'_>) -> Option<Condition> {
    let retire = super::retirement_in(x.c, x.target, x.rules);
    let limit = x
        .as_of
        .checked_add_months(Months::new(x.rules.eligibility.min_months_to_bup))
        .unwrap_or(NaiveDate::MAX);
    condition(
        Syarat::Bup,
        retire > limit,
        Dasar::Ours,
        Value::Date(retire),
        Value::Date(limit),
    )
}
