//! Syarat jabatan dan dasarnya (Bahasa Indonesia).

use crate::domain::eligibility::{Condition, Dasar, Outcome, Syarat, Value};

/// Nama syarat.
pub fn syarat(s: Syarat) -> &'static str {
    match s {
        Syarat::Pemangku => "bukan pemangku jabatan ini",
        Syarat::TingkatJabatan => "tingkat jabatan asal",
        Syarat::Jenjang => "jenjang jabatan fungsional",
        Syarat::JenjangSetara => "jenjang setara tidak di atas jabatan ini",
        Syarat::Status => "berstatus PNS",
        Syarat::Golongan => "pangkat/golongan",
        Syarat::Pendidikan => "pendidikan",
        Syarat::Skp => "predikat kinerja (SKP)",
        Syarat::PengalamanJabatan => "pengalaman pada jabatan setingkat di bawahnya",
        Syarat::PengalamanKumulatif => "pengalaman jabatan kumulatif",
        Syarat::Usia => "usia",
        Syarat::Disiplin => "tidak sedang menjalani hukuman disiplin",
        Syarat::DisiplinRiwayat => "riwayat hukuman disiplin",
        Syarat::Bup => "masa sebelum BUP",
    }
}

/// Dasar syarat: pasal peraturan, atau ketentuan bawaan talenta.
pub fn dasar(d: Dasar) -> &'static str {
    match d {
        Dasar::Practice => "praktik instansi (bawaan talenta)",
        Dasar::Ours => "ketentuan bawaan talenta",
        _ => d.citation().unwrap_or_default(),
    }
}

use crate::lang::Lang;
use crate::strings::format::{date, decimal};

fn years(days: u32) -> String {
    format!("{} tahun", decimal(Lang::Id, f64::from(days) / 365.25, 1))
}

/// Nilai yang terlihat atau yang disyaratkan.
pub fn value(v: Value) -> String {
    match v {
        Value::None => "-".into(),
        Value::Tingkat(t) => t.label().into(),
        Value::Tiers(s) => s.iter().map(|t| t.label()).collect::<Vec<_>>().join(", "),
        Value::Jenjang(j) => j.code().replace('_', " "),
        Value::Setara(j, t) => format!("{} (setara {})", j.code().replace('_', " "), t.label()),
        Value::AtMost(t) => format!("paling tinggi setara {}", t.label()),
        Value::Status(s) => s.code().into(),
        Value::Golongan(g) => g.to_string(),
        Value::Pendidikan(p) => p.code().into(),
        Value::Predikat { year, predikat } => match predikat {
            Some(p) => format!("{year}: {}", p.name()),
            None => format!("{year}: tidak ada SKP"),
        },
        Value::PredikatYears { min, years } => {
            format!("paling rendah {} dalam {years} tahun terakhir", min.name())
        }
        Value::Days { days, at_least } => {
            let y = years(days);
            if at_least {
                format!("paling sedikit {y} (jabatan sekarang)")
            } else {
                y
            }
        }
        Value::Years(y) => format!("paling singkat {y} tahun"),
        Value::Age(a) => format!("{a} tahun"),
        Value::AgeUntil { max, until } => {
            format!("paling tinggi {max} tahun (sampai {})", date(until))
        }
        Value::Penalty { level, start, end } => match end {
            Some(e) => format!("hukuman {} {} s.d. {}", level.code(), date(start), date(e)),
            None => format!("hukuman {} sejak {}", level.code(), date(start)),
        },
        Value::NoPenalty(l) => format!("tidak ada hukuman tingkat {} ke atas", l.code()),
        Value::NoPenaltyFor { level, years } => {
            format!(
                "tidak ada hukuman tingkat {} ke atas dalam {years} tahun terakhir",
                level.code()
            )
        }
        Value::Date(d) => date(d),
    }
}

/// Mengapa calon tidak memenuhi syarat (syarat pertama yang tidak terpenuhi).
pub fn not_met(c: &Condition) -> String {
    if c.outcome == Outcome::Unknown {
        return format!("{}: tidak diketahui ({})", syarat(c.syarat), value(c.seen));
    }
    match (c.syarat, c.seen, c.required) {
        (Syarat::Pemangku, ..) => "pemangku jabatan ini sekarang".into(),
        (Syarat::TingkatJabatan, Value::Tingkat(t), _) => {
            format!("{} bukan tingkat asal pengisian jabatan ini", t.label())
        }
        (Syarat::Jenjang, _, Value::Jenjang(min)) => {
            format!("jabatan fungsional di bawah {}", min.code())
        }
        (Syarat::JenjangSetara, Value::Setara(j, t), Value::AtMost(max)) => format!(
            "{} setara {}, di atas {}: bukan promosi",
            j.code().replace('_', " "),
            t.label(),
            max.label()
        ),
        (Syarat::Status, ..) => "PPPK: jabatan struktural untuk PNS".into(),
        (Syarat::Golongan, Value::Golongan(has), Value::Golongan(min)) => {
            format!("golongan {has} di bawah {min}")
        }
        (Syarat::Pendidikan, Value::Pendidikan(has), Value::Pendidikan(min)) => {
            format!("pendidikan {has} di bawah {min}")
        }
        (Syarat::Bup, Value::Date(d), _) => format!("mencapai BUP pada {}", date(d)),
        (s, seen, required) => format!(
            "{}: {} (syarat: {})",
            syarat(s),
            value(seen),
            value(required)
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::eligibility::{Condition, Dasar, Outcome, Syarat, Value};
    use crate::domain::{Predikat, Tingkat};

    fn skp(outcome: Outcome, predikat: Option<Predikat>) -> Condition {
        Condition {
            syarat: Syarat::Skp,
            outcome,
            dasar: Dasar::Pasal107(Tingkat::JptPratama),
            seen: Value::Predikat {
                year: 2024,
                predikat,
            },
            required: Value::PredikatYears {
                min: Predikat::Baik,
                years: 2,
            },
        }
    }

    #[test]
    fn a_condition_reads_with_its_value_and_article_in_both_languages() {
        use crate::strings::{en, id};
        let missing = skp(Outcome::Unknown, None);
        assert_eq!(
            id::eligibility::not_met(&missing),
            "predikat kinerja (SKP): tidak diketahui (2024: tidak ada SKP)"
        );
        assert_eq!(
            en::eligibility::not_met(&missing),
            "performance rating (SKP): unknown (2024: no SKP)"
        );
        let low = skp(Outcome::NotMet, Some(Predikat::ButuhPerbaikan));
        assert_eq!(
            en::eligibility::not_met(&low),
            "performance rating (SKP): 2024: Butuh Perbaikan (required: at least Baik in each of the last 2 years)"
        );
        assert_eq!(
            id::eligibility::dasar(low.dasar),
            "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c"
        );
        assert_eq!(
            en::eligibility::dasar(Dasar::Practice),
            "agency practice (talenta's default)"
        );
        assert_eq!(
            id::eligibility::value(Value::Days {
                days: 1972,
                at_least: true
            }),
            "paling sedikit 5,4 tahun (jabatan sekarang)"
        );
    }
}
