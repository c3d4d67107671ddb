//! The succession group (KRS), target and critical positions (English).

use crate::domain::eligibility::Outcome;
use crate::domain::jpm::FillBand;
use crate::domain::krs::{EntryStatus, Failing, Failure, Kategori, KrsCondition, KrsValue};
use crate::store::krs::KrsError;
use crate::store::positions::PlanError;

pub const LIST_HEADER: &[&str] = &["Code", "#", "NIP", "Name", "Readiness", "KRS", "Note"];

pub fn kategori(k: Kategori) -> &'static str {
    match k {
        Kategori::Target => "target",
        Kategori::Kritikal => "critical",
    }
}

pub fn status(s: EntryStatus) -> &'static str {
    match s {
        EntryStatus::Proposed => "proposed",
        EntryStatus::Established => "established",
        EntryStatus::Expired => "expired",
    }
}

/// The KRS column of `succession list`: `2026 · SK 800/12/2026 (established)`.
pub fn krs_cell(period: i32, sk: &str, s: EntryStatus) -> String {
    format!("{period} · SK {sk} ({})", status(s))
}

pub fn frozen(e: &PlanError) -> String {
    match e {
        PlanError::Frozen {
            kode,
            nip,
            period,
            sk,
        } => format!(
            "{nip} is in the succession group (KRS) of {kode} for {period}, established by SK {sk}: \
             it cannot be changed or removed before the period ends (a new SK establishing the \
             period again supersedes it)"
        ),
        _ => String::new(),
    }
}

pub fn krs_error(e: &KrsError) -> String {
    match e {
        KrsError::NoSk => "the establishment needs the SK number (--sk NOMOR)".into(),
        KrsError::InvalidText(error) => {
            crate::strings::en::cli::control_in("the SK number (--sk) or the actor's name", error)
        }
        KrsError::EmptyPlan => {
            "the succession plan is empty: add successors first (talenta succession add)".into()
        }
        KrsError::NoEntries(kode) => format!("the succession plan of {kode} has no entries: add successors with talenta succession add {kode} NIP --readiness R (docs/cli.md)"),
        KrsError::SkUsed { period, sk } => format!(
            "SK {sk} already established the KRS of {period}; a new establishment needs another SK"
        ),
        KrsError::Failing(list) => failing(list.len(), 0),
        KrsError::Store(_) => "the database could not be read or written".into(),
    }
}

pub fn failing(n: usize, period: i32) -> String {
    let (entries, verb) = if n == 1 {
        ("1 entry".to_string(), "does")
    } else {
        (format!("{n} entries"), "do")
    };
    format!(
        "{entries} of the succession plan {verb} not meet the KRS conditions for {period} \
         (PP 11/2017 Pasal 199); nothing was established"
    )
}

fn band(b: FillBand) -> &'static str {
    b.code()
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "met",
        Outcome::NotMet => "not met",
        Outcome::Unknown => "unknown (data missing)",
    }
}

/// One condition in words: what, seen, asked.
pub fn condition(c: &KrsCondition) -> String {
    let o = outcome(c.outcome);
    match c.value {
        KrsValue::Jpm {
            percent,
            band: b,
            min,
        } => match (percent, b) {
            (Some(p), Some(b)) => format!(
                "competency matching the position {o}: JPM {p:.1} % ({}), at least {} asked",
                band(b),
                band(min)
            ),
            _ => format!(
                "competency matching the position {o}: the position states no required level"
            ),
        },
        KrsValue::Jp { year, jp, min } => {
            format!("development {o}: {jp} JP in {year}, at least {min} JP asked")
        }
        KrsValue::Predikat {
            year,
            predikat,
            min,
            years,
        } => {
            let seen = match predikat {
                Some(p) => format!("{} in {year}", p.name()),
                None => format!("no SKP on record for {year}"),
            };
            format!(
                "SKP predikat {o}: {seen}, at least {} in each of the last {years} years asked",
                min.name()
            )
        }
    }
}

pub fn failure(f: &Failure) -> String {
    let why = match &f.failing {
        Failing::NotInPool => "no longer in the pool".to_string(),
        Failing::Conditions(cs) => cs.iter().map(condition).collect::<Vec<_>>().join("; "),
    };
    format!("{} · {}: {why}", f.kode, f.nip)
}

pub fn established(
    period: i32,
    sk: &str,
    members: usize,
    positions: usize,
    superseded: &[String],
) -> String {
    let mut s = format!(
        "KRS {period} established by SK {sk}: {members} members for {positions} positions\n"
    );
    if !superseded.is_empty() {
        s.push_str(&format!(
            "it supersedes the earlier KRS of {period} for {}\n",
            superseded.join(", ")
        ));
    }
    s
}

/// A KRS membership in `show` and the profile: `DISDIK-JPT-01 · 2026 · SK 800/12`.
pub fn membership(kode: &str, period: i32, sk: &str, expired: bool) -> String {
    let end = if expired { " (expired)" } else { "" };
    format!("{kode} · {period} · SK {sk}{end}")
}

pub const MEMBER_OF: &str = "Succession group (KRS)";
pub const NOT_A_MEMBER: &str = "not in an established KRS";

// The positions screen.
pub const SCREEN_HEADER: &str = "KRS";

/// The positions screen's line on the KRS of `period`.
pub fn summary(
    period: i32,
    target: (usize, usize),
    wanted: usize,
    per_target: u32,
    critical: (usize, usize),
) -> String {
    format!(
        "KRS {period} · target: {} positions, members {}/{wanted} ({per_target} each) · critical: {}, members {}",
        target.0, target.1, critical.0, critical.1
    )
}

pub fn not_established(period: i32) -> String {
    format!("KRS {period}: not established")
}

/// The selected position's KRS: `KRS 2026 · SK 800/1: Ani (1-2 years), ...`.
pub fn panel(period: i32, sk: &str, members: &str) -> String {
    format!("KRS {period} · SK {sk}: {members}")
}

// The establishment form (positions screen).
pub const KEY_HELP_ESTABLISH: &str = "establish the KRS of a period (the PPK's SK)";
pub const FORM_TITLE: &str = "Establish the succession group (KRS)";
pub const FIELD_PERIOD: &str = "Period (year)";
pub const FIELD_SK_DATE: &str = "SK date (YYYY-MM-DD)";
pub const FIELD_SCOPE: &str = "Positions";
pub const SCOPE_ALL: &str = "every position with a succession plan";

pub fn bad_period(s: &str) -> String {
    format!("cannot read the period '{s}'; write its year, e.g. 2026")
}

// The minutes: the succession groups of the positions discussed.
pub const MINUTES_HEADING: &str = "Succession groups (kelompok rencana suksesi)";
pub const MINUTES_NONE: &str = "none";

pub fn minutes_plan(members: &str) -> String {
    format!("Proposed succession group: {members}")
}

pub fn minutes_krs(period: i32, sk: &str, tanggal: &str, members: &str) -> String {
    format!("KRS {period} established by SK {sk} of {tanggal}: {members}")
}
