//! Kelompok rencana suksesi (KRS), jabatan target dan kritikal (Bahasa Indonesia).

use crate::domain::eligibility::Outcome;
use crate::domain::jpm::FillBand;
use crate::domain::krs::{EntryStatus, Failing, Failure, Kategori, KrsCondition, KrsValue};
use crate::store::krs::KrsError;
use crate::store::positions::PlanError;

pub const LIST_HEADER: &[&str] = &["Kode", "#", "NIP", "Nama", "Kesiapan", "KRS", "Catatan"];

pub fn kategori(k: Kategori) -> &'static str {
    match k {
        Kategori::Target => "target",
        Kategori::Kritikal => "kritikal",
    }
}

pub fn status(s: EntryStatus) -> &'static str {
    match s {
        EntryStatus::Proposed => "usulan",
        EntryStatus::Established => "ditetapkan",
        EntryStatus::Expired => "berakhir",
    }
}

/// Kolom KRS `succession list`: `2026 · SK 800/12/2026 (ditetapkan)`.
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
            "{nip} termasuk kelompok rencana suksesi (KRS) {kode} periode {period} yang ditetapkan \
             dengan SK {sk}: tidak dapat diubah atau dihapus sebelum periodenya berakhir (penetapan \
             ulang periode itu dengan SK baru menggantikannya)"
        ),
        _ => String::new(),
    }
}

pub fn krs_error(e: &KrsError) -> String {
    match e {
        KrsError::NoSk => "penetapan memerlukan nomor SK (--sk NOMOR)".into(),
        KrsError::InvalidText(error) => {
            crate::strings::id::cli::control_in("nomor SK (--sk) atau nama pelaku", error)
        }
        KrsError::EmptyPlan => {
            "rencana suksesi masih kosong: tambahkan suksesor dulu (talenta succession add)".into()
        }
        KrsError::NoEntries(kode) => format!("rencana suksesi {kode} belum berisi suksesor: tambahkan dengan talenta succession add {kode} NIP --readiness R (docs/cli.md)"),
        KrsError::SkUsed { period, sk } => format!(
            "SK {sk} sudah menetapkan KRS periode {period}; penetapan baru memerlukan SK lain"
        ),
        KrsError::Failing(list) => failing(list.len(), 0),
        KrsError::Store(_) => "basis data tidak dapat dibaca atau ditulis".into(),
    }
}

pub fn failing(n: usize, period: i32) -> String {
    format!(
        "{n} entri rencana suksesi tidak memenuhi syarat KRS periode {period} \
         (PP 11/2017 Pasal 199); tidak ada yang ditetapkan"
    )
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "terpenuhi",
        Outcome::NotMet => "tidak terpenuhi",
        Outcome::Unknown => "belum diketahui (data kurang)",
    }
}

fn band(b: FillBand) -> &'static str {
    b.code()
}

/// Satu syarat dalam kata-kata: apa, nilai, yang diminta.
pub fn condition(c: &KrsCondition) -> String {
    let o = outcome(c.outcome);
    match c.value {
        KrsValue::Jpm {
            percent,
            band: b,
            min,
        } => match (percent, b) {
            (Some(p), Some(b)) => format!(
                "kompetensi sesuai jabatan {o}: JPM {} % ({}), paling rendah {}",
                format!("{p:.1}").replace('.', ","),
                band(b),
                band(min)
            ),
            _ => {
                format!("kompetensi sesuai jabatan {o}: jabatan belum memiliki standar kompetensi")
            }
        },
        KrsValue::Jp { year, jp, min } => {
            format!("pengembangan kompetensi {o}: {jp} JP pada {year}, paling sedikit {min} JP")
        }
        KrsValue::Predikat {
            year,
            predikat,
            min,
            years,
        } => {
            let seen = match predikat {
                Some(p) => format!("{} pada {year}", p.name()),
                None => format!("SKP {year} tidak tercatat"),
            };
            format!(
                "predikat kinerja {o}: {seen}, paling rendah {} dalam {years} tahun terakhir",
                min.name()
            )
        }
    }
}

pub fn failure(f: &Failure) -> String {
    let why = match &f.failing {
        Failing::NotInPool => "tidak lagi ada dalam data pegawai".to_string(),
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
        "KRS periode {period} ditetapkan dengan SK {sk}: {members} anggota untuk {positions} jabatan\n"
    );
    if !superseded.is_empty() {
        s.push_str(&format!(
            "menggantikan KRS periode {period} sebelumnya untuk {}\n",
            superseded.join(", ")
        ));
    }
    s
}

/// Keanggotaan KRS di `show` dan profil: `DISDIK-JPT-01 · 2026 · SK 800/12`.
pub fn membership(kode: &str, period: i32, sk: &str, expired: bool) -> String {
    let end = if expired { " (berakhir)" } else { "" };
    format!("{kode} · {period} · SK {sk}{end}")
}

pub const MEMBER_OF: &str = "Kelompok rencana suksesi (KRS)";
pub const NOT_A_MEMBER: &str = "bukan anggota KRS yang ditetapkan";

// Layar jabatan.
pub const SCREEN_HEADER: &str = "KRS";

/// Baris layar jabatan tentang KRS periode `period`.
pub fn summary(
    period: i32,
    target: (usize, usize),
    wanted: usize,
    per_target: u32,
    critical: (usize, usize),
) -> String {
    format!(
        "KRS {period} · target: {} jabatan, anggota {}/{wanted} ({per_target}/jabatan) · kritikal: {}, anggota {}",
        target.0, target.1, critical.0, critical.1
    )
}

pub fn not_established(period: i32) -> String {
    format!("KRS {period}: belum ditetapkan")
}

/// KRS jabatan terpilih: `KRS 2026 · SK 800/1: Ani (1-2 tahun), ...`.
pub fn panel(period: i32, sk: &str, members: &str) -> String {
    format!("KRS {period} · SK {sk}: {members}")
}

// Formulir penetapan KRS (layar jabatan).
pub const KEY_HELP_ESTABLISH: &str = "tetapkan KRS satu periode (SK PPK)";
pub const FORM_TITLE: &str = "Penetapan kelompok rencana suksesi (KRS)";
pub const FIELD_PERIOD: &str = "Periode (tahun)";
pub const FIELD_SK_DATE: &str = "Tanggal SK (TTTT-BB-HH)";
pub const FIELD_SCOPE: &str = "Jabatan";
pub const SCOPE_ALL: &str = "semua jabatan yang memiliki rencana suksesi";

pub fn bad_period(s: &str) -> String {
    format!("periode '{s}' tidak terbaca; tulis tahunnya, misalnya 2026")
}

// Berita acara: kelompok rencana suksesi jabatan yang dibahas.
pub const MINUTES_HEADING: &str = "Kelompok rencana suksesi";
pub const MINUTES_NONE: &str = "belum ada";

pub fn minutes_plan(members: &str) -> String {
    format!("Usulan kelompok rencana suksesi: {members}")
}

/// `tanggal` as stored (TTTT-BB-HH), shown as HH-BB-TTTT.
pub fn minutes_krs(period: i32, sk: &str, tanggal: &str, members: &str) -> String {
    let tanggal = chrono::NaiveDate::parse_from_str(tanggal, "%Y-%m-%d")
        .map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_else(|_| tanggal.to_string());
    format!("KRS {period} ditetapkan dengan SK {sk} tanggal {tanggal}: {members}")
}
