//! Position conditions and their grounds (English).

use crate::domain::eligibility::{Condition, Dasar, Outcome, Syarat, Value};

/// The condition's name.
pub fn syarat(s: Syarat) -> &'static str {
    match s {
        Syarat::Pemangku => "not this position's holder",
        Syarat::TingkatJabatan => "tier of origin",
        Syarat::Jenjang => "functional jenjang",
        Syarat::JenjangSetara => "equivalent level not above this position",
        Syarat::Status => "PNS status",
        Syarat::Golongan => "grade (golongan)",
        Syarat::Pendidikan => "education",
        Syarat::Skp => "performance rating (SKP)",
        Syarat::PengalamanJabatan => "experience one tier below",
        Syarat::PengalamanKumulatif => "cumulative experience",
        Syarat::Usia => "age",
        Syarat::Disiplin => "no disciplinary penalty in force",
        Syarat::DisiplinRiwayat => "disciplinary record",
        Syarat::Bup => "time before retirement age",
    }
}

/// The grounds: the article, or talenta's default.
pub fn dasar(d: Dasar) -> &'static str {
    match d {
        Dasar::Practice => "agency practice (talenta's default)",
        Dasar::Ours => "talenta's default",
        _ => d.citation().unwrap_or_default(),
    }
}

use crate::strings::format::date;

fn years(days: u32) -> String {
    format!("{:.1} years", f64::from(days) / 365.25)
}

/// A value seen or required.
pub fn value(v: Value) -> String {
    match v {
        Value::None => "-".into(),
        Value::Tingkat(t) => t.label().into(),
        Value::Tiers(s) => s.iter().map(|t| t.label()).collect::<Vec<_>>().join(", "),
        Value::Jenjang(j) => j.code().replace('_', " "),
        Value::Setara(j, t) => format!(
            "{} (equivalent to {})",
            j.code().replace('_', " "),
            t.label()
        ),
        Value::AtMost(t) => format!("at most the level of {}", t.label()),
        Value::Status(s) => s.code().into(),
        Value::Golongan(g) => g.to_string(),
        Value::Pendidikan(p) => p.code().into(),
        Value::Predikat { year, predikat } => match predikat {
            Some(p) => format!("{year}: {}", p.name()),
            None => format!("{year}: no SKP"),
        },
        Value::PredikatYears { min, years } => {
            format!("at least {} in each of the last {years} years", min.name())
        }
        Value::Days { days, at_least } => {
            let y = years(days);
            if at_least {
                format!("at least {y} (current post)")
            } else {
                y
            }
        }
        Value::Years(y) => format!("at least {y} years"),
        Value::Age(a) => format!("{a} years"),
        Value::AgeUntil { max, until } => format!("at most {max} (until {})", date(until)),
        Value::Penalty { level, start, end } => match end {
            Some(e) => format!("{} penalty {} to {}", level.code(), date(start), date(e)),
            None => format!("{} penalty since {}", level.code(), date(start)),
        },
        Value::NoPenalty(l) => format!("no {} or heavier penalty", l.code()),
        Value::NoPenaltyFor { level, years } => {
            format!(
                "no {} or heavier penalty in the last {years} years",
                level.code()
            )
        }
        Value::Date(d) => date(d),
    }
}

/// Why a candidate is not eligible (the first condition not met).
pub fn not_met(c: &Condition) -> String {
    if c.outcome == Outcome::Unknown {
        return format!("{}: unknown ({})", syarat(c.syarat), value(c.seen));
    }
    match (c.syarat, c.seen, c.required) {
        (Syarat::Pemangku, ..) => "holds this position now".into(),
        (Syarat::TingkatJabatan, Value::Tingkat(t), _) => {
            format!("{} is not a tier this position is filled from", t.label())
        }
        (Syarat::Jenjang, _, Value::Jenjang(min)) => {
            format!("functional post below {}", min.code())
        }
        (Syarat::JenjangSetara, Value::Setara(j, t), Value::AtMost(max)) => format!(
            "{} is equivalent to {}, above {}: not a promotion",
            j.code().replace('_', " "),
            t.label(),
            max.label()
        ),
        (Syarat::Status, ..) => "PPPK: structural posts are for PNS".into(),
        (Syarat::Golongan, Value::Golongan(has), Value::Golongan(min)) => {
            format!("grade {has} below {min}")
        }
        (Syarat::Pendidikan, Value::Pendidikan(has), Value::Pendidikan(min)) => {
            format!("education {has} below {min}")
        }
        (Syarat::Bup, Value::Date(d), _) => {
            format!("reaches retirement age on {}", date(d))
        }
        (s, seen, required) => format!(
            "{}: {} (required: {})",
            syarat(s),
            value(seen),
            value(required)
        ),
    }
}
