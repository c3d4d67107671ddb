//! One employee: a consistent career (birth, CPNS start, grade, position) and the
//! records a committee looks at (SKP, competencies, potential, training).
//!
//! Career rules used (readings for a believable demo, not regulation text):
//! - Ages: JPT Madya 50-59, JPT Pratama 45-59, Administrator 40-57, Pengawas 33-57,
//!   everyone else 21-57, always below the retirement age (BUP 58, 60 for JPT).
//! - CPNS start age by education: SD/SMP 18+, SMA 19+, D1/D2 20+, D3 21+, D4/S1 23+,
//!   S2 25+, S3 28+, mostly within a few years; TMT CPNS is the first of a month.
//!   Structural holders have served at least 25 (JPT Madya), 18 (JPT Pratama),
//!   12 (Administrator) or 6 (Pengawas) years.
//! - PNS grade: entry grade by education (SD I/a, SMP I/c, SMA/D1 II/a, D2 II/b,
//!   D3 II/c, D4/S1 III/a, S2 III/b, S3 III/c) plus one ruang per 3.5-4.8 years of
//!   service (3-4 for structural holders), then held within a range:
//!   - pelaksana: the regular-promotion ceiling of their education (SD II/b, SMP II/d,
//!     SMA/D1/D2 III/b, D3 III/c, D4/S1 III/d, S2 IV/a, S3 IV/b);
//!   - fungsional: the grade decides the jenjang (keahlian III/a-b Pertama, III/c-d
//!     Muda, IV/a-c Madya, IV/d-e Utama; keterampilan II/a Pemula, II/b-d Terampil,
//!     III/a-b Mahir, III/c-d Penyelia), capped by the family's highest jenjang;
//!   - structural: JPT Madya IV/d-IV/e, JPT Pratama IV/c-IV/d, Administrator
//!     III/d-IV/b, Pengawas III/b-III/d (IV/a with S2 or higher).
//! - PPPK (only in functional and pelaksana posts): golongan by education (SD I,
//!   SMP IV, SMA/D1 V, D2 VI, D3 VII, D4/S1 IX, S2 X, S3 XI), one higher for Ahli Muda;
//!   appointed from 2019 on (at most five years back); their NI PPPK has the PPPK
//!   form `YYYYMMDD` + appointment year + `21` + sex digit + sequence.
//! - NIP/NI PPPK sequence: a small number (mostly 001-003); when the number is
//!   taken the next free one is used, so every NIP is unique.

use super::data::{self, Course, Fungsional, Gelar, MaxAhli, Pelaksana};
use super::names::{self, weighted, Person};
use super::org::{Post, Unit};
use crate::domain::career::PenaltyLevel;
use crate::domain::{
    nip, Competency, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Tingkat,
};
use crate::store::records::{
    Batch, CompetencyRec, EmployeeRec, HistoryRec, PenaltyRec, PotentialRec, SkpRec, TrainingRec,
};
use chrono::{Datelike, Days, Months, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};

/// The month digits of an NI PPPK.
pub const PPPK_MONTH: u32 = 21;

/// State shared by all employees of one pool.
pub struct Ctx {
    seed: u64,
    as_of: NaiveDate,
    rules: Rules,
    nips: HashSet<u64>,
    courses: HashMap<&'static str, Vec<&'static Course>>,
}

/// What the generator keeps about an employee after writing its records.
pub struct Outcome {
    pub nip: String,
    pub pppk: bool,
    pub kotak: Option<u8>,
}

/// What a new employee is hired into.
pub enum Role<'a> {
    Post(&'a Post),
    Staff,
}

enum Job {
    Structural(Tingkat),
    Fungsional(&'static Fungsional, bool),
    Pelaksana(&'static Pelaksana),
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// An independent random stream per (seed, purpose, index).
pub fn stream(seed: u64, purpose: u64, index: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(splitmix(seed ^ splitmix(purpose ^ splitmix(index))))
}

fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.gen::<f64>().max(1e-12);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn chance(rng: &mut impl Rng, pct: u32) -> bool {
    rng.gen_range(0..100) < pct
}

fn add_years(d: NaiveDate, y: u32) -> NaiveDate {
    d.checked_add_months(Months::new(12 * y)).unwrap_or(d)
}

fn sub_years(d: NaiveDate, y: u32) -> NaiveDate {
    d.checked_sub_months(Months::new(12 * y)).unwrap_or(d)
}

fn between(rng: &mut impl Rng, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
    if hi <= lo {
        return lo;
    }
    let span = (hi - lo).num_days() as u64;
    lo + Days::new(rng.gen_range(0..=span))
}

fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).expect("first of a month")
}

fn entry_rank(p: Pendidikan) -> u8 {
    match p {
        Pendidikan::Sd => 0,
        Pendidikan::Smp => 2,
        Pendidikan::Sma | Pendidikan::D1 => 4,
        Pendidikan::D2 => 5,
        Pendidikan::D3 => 6,
        Pendidikan::D4 | Pendidikan::S1 => 8,
        Pendidikan::S2 => 9,
        Pendidikan::S3 => 10,
    }
}

fn pelaksana_cap(p: Pendidikan) -> u8 {
    match p {
        Pendidikan::Sd => 5,
        Pendidikan::Smp => 7,
        Pendidikan::Sma | Pendidikan::D1 | Pendidikan::D2 => 9,
        Pendidikan::D3 => 10,
        Pendidikan::D4 | Pendidikan::S1 => 11,
        Pendidikan::S2 => 12,
        Pendidikan::S3 => 13,
    }
}

fn pppk_grade(p: Pendidikan) -> u8 {
    match p {
        Pendidikan::Sd => 1,
        Pendidikan::Smp => 4,
        Pendidikan::Sma | Pendidikan::D1 => 5,
        Pendidikan::D2 => 6,
        Pendidikan::D3 => 7,
        Pendidikan::D4 | Pendidikan::S1 => 9,
        Pendidikan::S2 => 10,
        Pendidikan::S3 => 11,
    }
}

/// Youngest usual CPNS start age and the spread above it, by education.
fn start_age(p: Pendidikan) -> (u32, u32) {
    match p {
        Pendidikan::Sd | Pendidikan::Smp => (18, 8),
        Pendidikan::Sma => (19, 8),
        Pendidikan::D1 | Pendidikan::D2 => (20, 8),
        Pendidikan::D3 => (21, 8),
        Pendidikan::D4 | Pendidikan::S1 => (23, 9),
        Pendidikan::S2 => (25, 10),
        Pendidikan::S3 => (28, 10),
    }
}

/// A PNS grade from its rank 0 (I/a) ..= 16 (IV/e).
pub fn grade_of_rank(rank: u8) -> Golongan {
    let r = rank.min(16);
    let (level, ruang) = if r >= 12 {
        (4, r - 12)
    } else {
        (r / 4 + 1, r % 4)
    };
    Golongan::pns(level, ruang).expect("rank within I/a..IV/e")
}

/// Grade range of a structural tier, as ranks.
pub fn structural_range(t: Tingkat, p: Pendidikan) -> (u8, u8) {
    match t {
        Tingkat::JptUtama | Tingkat::JptMadya => (15, 16),
        Tingkat::JptPratama => (14, 15),
        Tingkat::Administrator => (11, 13),
        _ if p.level() >= Pendidikan::S2.level() => (9, 12),
        _ => (9, 11),
    }
}

/// The standard competency level of a tier and jenjang (typical PermenPANRB
/// 38/2017 levels: JPT Madya 5, JPT Pratama 4, Administrator and Pengawas 3,
/// senior functional 3-4, others 2).
pub fn standard_level(t: Tingkat, jabatan: &str) -> u8 {
    match t {
        Tingkat::JptUtama | Tingkat::JptMadya => 5,
        Tingkat::JptPratama => 4,
        Tingkat::Administrator | Tingkat::Pengawas => 3,
        Tingkat::Fungsional if jabatan.ends_with("Ahli Utama") => 4,
        Tingkat::Fungsional
            if jabatan.ends_with("Ahli Madya") || jabatan.ends_with("Ahli Muda") =>
        {
            3
        }
        _ => 2,
    }
}

fn jenjang(ahli: bool, rank: u8) -> &'static str {
    if ahli {
        match rank {
            0..=9 => "Ahli Pertama",
            10..=11 => "Ahli Muda",
            12..=14 => "Ahli Madya",
            _ => "Ahli Utama",
        }
    } else {
        match rank {
            0..=4 => "Pemula",
            5..=7 => "Terampil",
            8..=9 => "Mahir",
            _ => "Penyelia",
        }
    }
}

/// Percent women by position (teachers and health workers mostly women, field
/// and security posts mostly men, structural posts mostly men).
fn female_pct(job: &Job) -> u32 {
    match job {
        Job::Structural(t) => match t {
            Tingkat::JptUtama | Tingkat::JptMadya => 15,
            Tingkat::JptPratama => 20,
            Tingkat::Administrator => 30,
            _ => 42,
        },
        Job::Fungsional(f, _) => {
            let r = f.rumpun;
            if r == "Bidan" {
                100
            } else if r.starts_with("Perawat") || r == "Nutrisionis" {
                74
            } else if r.contains("Apoteker") || r.starts_with("Guru") {
                68
            } else if r == "Dokter" || r == "Dokter Gigi" || r == "Psikolog Klinis" {
                58
            } else if ["Polisi", "Pemadam", "Penguji", "Penera", "Teknik"]
                .iter()
                .any(|p| r.starts_with(p))
            {
                12
            } else {
                45
            }
        }
        Job::Pelaksana(p) => {
            let n = p.nama;
            if ["Pengemudi", "Operator Alat", "Pengaman", "Juru Ukur"]
                .iter()
                .any(|x| n.starts_with(x))
            {
                3
            } else if n.starts_with("Penjaga") || n.starts_with("Petugas Lalu") {
                12
            } else {
                45
            }
        }
    }
}

fn structural_education(rng: &mut impl Rng, t: Tingkat) -> Pendidikan {
    use Pendidikan::*;
    let mix: &[(Pendidikan, u32)] = match t {
        Tingkat::JptUtama | Tingkat::JptMadya => &[(S2, 60), (S3, 40)],
        Tingkat::JptPratama => &[(S2, 70), (S3, 12), (S1, 18)],
        Tingkat::Administrator => &[(S2, 55), (S1, 43), (S3, 2)],
        _ => &[(S1, 62), (S2, 30), (D3, 6), (D4, 2)],
    };
    *weighted(rng, mix)
}

/// Fields of study for structural holders without a functional background.
const GENERAL_FIELDS: [(&str, u32); 6] = [
    ("administrasi", 30),
    ("pemerintahan", 20),
    ("ekonomi", 20),
    ("hukum", 12),
    ("manajemen", 12),
    ("sosial", 6),
];

/// An age in `lo..=hi` from bands `(upper age, weight)` (uniform within a band).
fn banded_age(rng: &mut impl Rng, lo: u32, hi: u32, bands: &[(u32, u32)]) -> u32 {
    let mut prev = 0;
    let usable: Vec<((u32, u32), u32)> = bands
        .iter()
        .filter_map(|&(upper, w)| {
            let band = (prev.max(lo), upper.min(hi));
            prev = upper + 1;
            (band.0 <= band.1).then_some((band, w))
        })
        .collect();
    if usable.is_empty() {
        return lo.min(hi);
    }
    let (a, b) = *weighted(rng, &usable);
    rng.gen_range(a..=b)
}

fn sample_age(rng: &mut impl Rng, lo: u32, hi: u32, skew: f64) -> u32 {
    if hi <= lo {
        return lo;
    }
    let x: f64 = ((rng.gen::<f64>() + rng.gen::<f64>()) / 2.0).powf(skew);
    (lo + ((hi - lo + 1) as f64 * x) as u32).min(hi)
}

impl Ctx {
    pub fn new(seed: u64, as_of: NaiveDate) -> Ctx {
        let mut courses: HashMap<&'static str, Vec<&'static Course>> = HashMap::new();
        for c in &data::get().courses {
            courses.entry(c.group).or_default().push(c);
        }
        Ctx {
            seed,
            as_of,
            rules: Rules::default(),
            nips: HashSet::new(),
            courses,
        }
    }

    /// Claim a unique NIP; moves the month (PNS) or the year (PPPK) on in the
    /// practically impossible case that all 999 sequence numbers are taken.
    fn claim_nip(
        &mut self,
        rng: &mut impl Rng,
        birth: NaiveDate,
        mut year: i32,
        mut month: u32,
        male: bool,
    ) -> (String, i32, u32) {
        let start: u16 = if chance(rng, 80) {
            rng.gen_range(1..=3)
        } else {
            rng.gen_range(1..=40)
        };
        loop {
            for k in 0..999u16 {
                let seq = (start - 1 + k) % 999 + 1;
                let s = nip::compose(birth, year, month, male, seq);
                let key: u64 = s.parse().expect("18 digits fit in u64");
                if self.nips.insert(key) {
                    return (s, year, month);
                }
            }
            if month == PPPK_MONTH {
                year -= 1;
            } else if month == 12 {
                month = 1;
                year += 1;
            } else {
                month += 1;
            }
        }
    }

    /// Generate employee number `index` of the pool into `out`.
    pub fn employee(
        &mut self,
        index: u64,
        unit: &Unit,
        role: Role<'_>,
        out: &mut Batch,
    ) -> Outcome {
        let mut rng = stream(self.seed, 1, index);
        let rng = &mut rng;
        let hire = Hire::draw(rng, unit, &role);
        let career = self.career(rng, &hire);
        let (golongan, jabatan, tingkat) = grade(rng, &hire, &career, &role);
        let tmt_jabatan = tmt_jabatan(rng, &hire, career.start, self.as_of);
        let nama = names::full_name(
            rng,
            &Person {
                sex: hire.sex,
                birth_year: career.birth.year(),
                age: career.age,
                pendidikan: hire.pendidikan,
                gelar: hire.gelar,
            },
        );
        let latent = Latent::draw(rng, tingkat, &jabatan, hire.pendidikan);
        let records = Records {
            nip: &career.nip,
            start: career.start,
            tingkat,
            as_of: self.as_of,
        };
        let latest_skp = records.skp(rng, latent.perf, out);
        let (latest_pot, pot_date) = records.potentials(rng, &self.rules, latent.ability, out);
        records.competencies(rng, &jabatan, latent.ability, pot_date, out);
        self.trainings(rng, &records, hire.pppk, tmt_jabatan, unit, out);
        // Own stream: the records above stay as they were before histories.
        let mut past = stream(self.seed, 2, index);
        let post = CurrentPost {
            nip: &career.nip,
            jabatan: &jabatan,
            tingkat,
            unit: &unit.nama,
            service_start: career.start,
            tmt: tmt_jabatan,
        };
        post.history(&mut past, matches!(hire.job, Job::Structural(_)), out);
        post.penalties(&mut past, self.as_of, out);

        let kotak = self.rules.kotak(latest_skp.map(|x| x.1), latest_pot);
        out.employees.push(EmployeeRec {
            nip: career.nip.clone().into(),
            nama: nama.into(),
            sex: hire.sex,
            birth: career.birth,
            status: if hire.pppk {
                crate::domain::Status::Pppk
            } else {
                crate::domain::Status::Pns
            },
            golongan,
            jabatan: jabatan.into(),
            tingkat,
            unit: unit.nama.clone().into(),
            instansi: Some(unit.instansi.clone().into()),
            pendidikan: hire.pendidikan,
            tmt_jabatan,
        });
        Outcome {
            nip: career.nip,
            pppk: hire.pppk,
            kotak,
        }
    }

    /// Age, birth, CPNS start (or PPPK appointment) and NIP.
    fn career(&mut self, rng: &mut impl Rng, hire: &Hire) -> Career {
        let as_of = self.as_of;
        let this_year = as_of.year();
        let (job, pppk) = (&hire.job, hire.pppk);
        let (min_start, spread) = start_age(hire.pendidikan);
        let (lo, hi, min_service) = match job {
            Job::Structural(Tingkat::JptMadya | Tingkat::JptUtama) => (50, 59, 25),
            Job::Structural(Tingkat::JptPratama) => (45, 59, 18),
            Job::Structural(Tingkat::Administrator) => (40, 57, 12),
            Job::Structural(_) => (33, 57, 6),
            _ if pppk => (24, 57, 0),
            _ => (21, 57, 0),
        };
        let lo = lo.max(min_start + min_service).min(hi);
        let age = match (job, pppk) {
            (Job::Structural(_), _) => sample_age(rng, lo, hi, 0.8),
            // Recent PPPK appointees: many long-serving honorary staff.
            (_, true) => banded_age(rng, lo, hi, &[(30, 15), (40, 40), (50, 35), (57, 10)]),
            // The ASN age pyramid is old: the fifties are the largest group.
            _ => banded_age(rng, lo, hi, &[(30, 9), (40, 23), (50, 33), (57, 35)]),
        };
        let birth = sub_years(as_of, age) - Days::new(rng.gen_range(0..=363));
        let (year, month) = if pppk {
            let first = (this_year - 5).max(2019).min(this_year - 1);
            // The large appointment rounds are behind; the current year is just starting.
            let years: Vec<(i32, u32)> = (first..=this_year)
                .map(|y| (y, if y == this_year { 1 } else { 4 }))
                .collect();
            let mut y = *weighted(rng, &years);
            let m = rng.gen_range(1..=12u32);
            if first_of(y, m) > as_of {
                y -= 1;
            }
            // Old enough for the education when appointed.
            let earliest = add_years(birth, min_start).year() + 1;
            (y.max(earliest).min(this_year), PPPK_MONTH)
        } else {
            let offset = (spread as f64 * rng.gen::<f64>().powi(2)) as u32;
            let start = (min_start + offset).min(age.saturating_sub(min_service));
            let m = rng.gen_range(1..=12u32);
            let mut date = first_of(add_years(birth, start).year(), m);
            if date < add_years(birth, min_start.min(start)) {
                date = first_of(date.year() + 1, m);
            }
            if date > as_of {
                date = first_of(this_year, as_of.month());
            }
            (date.year(), date.month())
        };
        let (nip, year, month) = self.claim_nip(rng, birth, year, month, hire.sex == Sex::L);
        let start = if pppk {
            let d = first_of(year, rng.gen_range(1..=12));
            if d > as_of {
                first_of(year, 1).min(as_of)
            } else {
                d
            }
        } else {
            first_of(year, month)
        };
        let service_years = (as_of - start).num_days().max(0) as f64 / 365.25;
        Career {
            age,
            birth,
            nip,
            start,
            service_years,
        }
    }

    /// Training: several courses a year; about half reach 20 JP.
    fn trainings(
        &self,
        rng: &mut impl Rng,
        of: &Records<'_>,
        pppk: bool,
        tmt_jabatan: Option<NaiveDate>,
        unit: &Unit,
        out: &mut Batch,
    ) {
        let this_year = of.as_of.year();
        let keen: f64 = rng.gen();
        let start_year = of.start.year();
        let structural_course = match of.tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => Some("pkn"),
            Tingkat::Administrator => Some("pka"),
            Tingkat::Pengawas => Some("pkp"),
            _ => None,
        };
        let tmt_year = tmt_jabatan.map(|d| d.year());
        for y in (this_year - 4).max(start_year)..this_year {
            let mut taken: Vec<&'static Course> = Vec::with_capacity(6);
            let special = if y == start_year + i32::from(of.start.month() > 6) {
                if pppk {
                    Some("pppk")
                } else {
                    Some("latsar")
                }
            } else if tmt_year == Some(y) && !pppk {
                structural_course
            } else {
                None
            };
            if let Some(c) = special
                .and_then(|g| self.courses.get(g))
                .and_then(|v| v.first())
            {
                taken.push(c);
            }
            let n = 1 + (keen * 1.6 + rng.gen::<f64>() * 0.7) as usize;
            let umum = self.courses.get("umum").map(Vec::as_slice).unwrap_or(&[]);
            let own = self
                .courses
                .get(unit.profil)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for _ in 0..n {
                let pool = if !own.is_empty() && chance(rng, 35) {
                    own
                } else {
                    umum
                };
                // Short webinars and e-learning are the most common.
                let mut c = *pool.choose(rng).expect("course lists are not empty");
                if c.jp >= 16 && chance(rng, 70) {
                    c = *pool.choose(rng).expect("course lists are not empty");
                }
                if !taken.iter().any(|t| t.nama == c.nama) {
                    taken.push(c);
                }
            }
            for c in taken {
                out.trainings.push(TrainingRec {
                    nip: of.nip.to_string().into(),
                    tahun: y as u16,
                    nama: c.nama.to_string().into(),
                    urutan: 1,
                    jp: c.jp,
                    start: None,
                });
            }
        }
    }
}

/// What a new employee is hired as: position family, status, sex, education.
struct Hire {
    job: Job,
    pppk: bool,
    sex: Sex,
    pendidikan: Pendidikan,
    gelar: Option<&'static Gelar>,
}

impl Hire {
    fn draw(rng: &mut impl Rng, unit: &Unit, role: &Role<'_>) -> Hire {
        let job = match role {
            Role::Post(p) => Job::Structural(p.tingkat),
            Role::Staff if chance(rng, unit.fungsional_pct) => {
                let f = *weighted(rng, &unit.fungsional);
                let ahli = chance(rng, f.ahli_pct);
                Job::Fungsional(f, ahli)
            }
            Role::Staff => {
                let &p = weighted(rng, &unit.pelaksana);
                Job::Pelaksana(p)
            }
        };
        let pppk = match &job {
            Job::Structural(_) => false,
            Job::Fungsional(f, _) => chance(rng, f.pppk_pct),
            Job::Pelaksana(p) => chance(rng, p.pppk_pct),
        };
        let sex = if chance(rng, female_pct(&job)) {
            Sex::P
        } else {
            Sex::L
        };
        let pendidikan = match &job {
            Job::Structural(t) => structural_education(rng, *t),
            Job::Fungsional(f, true) => *weighted(rng, &f.pend_ahli),
            Job::Fungsional(f, false) => *weighted(rng, &f.pend_terampil),
            Job::Pelaksana(p) => *weighted(rng, &p.pend),
        };
        let bidang = match &job {
            Job::Fungsional(f, _) => f.bidang,
            Job::Pelaksana(p) => p.bidang,
            Job::Structural(_) => {
                if chance(rng, 50) {
                    weighted(rng, &unit.fungsional).bidang
                } else {
                    Some(*weighted(rng, &GENERAL_FIELDS))
                }
            }
        };
        let gelar = bidang.and_then(|b| data::get().gelar(b));
        Hire {
            job,
            pppk,
            sex,
            pendidikan,
            gelar,
        }
    }
}

/// An employee's age, birth, NIP and start of service.
struct Career {
    age: u32,
    birth: NaiveDate,
    nip: String,
    /// TMT CPNS, or the PPPK appointment.
    start: NaiveDate,
    service_years: f64,
}

/// Grade and the exact position title.
fn grade(
    rng: &mut impl Rng,
    hire: &Hire,
    career: &Career,
    role: &Role<'_>,
) -> (Golongan, String, Tingkat) {
    let (pendidikan, pppk) = (hire.pendidikan, hire.pppk);
    let step: f64 = match &hire.job {
        Job::Structural(_) => rng.gen_range(3.0..4.0),
        _ => rng.gen_range(3.5..4.8),
    };
    let natural = entry_rank(pendidikan) + (career.service_years / step) as u8;
    match (&hire.job, role) {
        (Job::Structural(t), Role::Post(p)) => {
            let (min, max) = structural_range(*t, pendidikan);
            (grade_of_rank(natural.clamp(min, max)), p.nama.clone(), *t)
        }
        (Job::Fungsional(f, ahli), _) if pppk => {
            let muda = *ahli && career.age >= 35 && chance(rng, 15);
            let g = pppk_grade(pendidikan) + u8::from(muda);
            let j = match (ahli, muda, pendidikan) {
                (true, true, _) => "Ahli Muda",
                (true, false, _) => "Ahli Pertama",
                (false, _, Pendidikan::Sma | Pendidikan::Smp | Pendidikan::Sd) => "Pemula",
                (false, _, _) => "Terampil",
            };
            (
                Golongan::Pppk(g),
                format!("{} {j}", f.rumpun),
                Tingkat::Fungsional,
            )
        }
        (Job::Fungsional(f, ahli), _) => {
            let cap = if *ahli {
                match f.max_ahli {
                    MaxAhli::Muda => 11,
                    MaxAhli::Madya => 14,
                    MaxAhli::Utama => 16,
                }
            } else {
                11
            };
            // Past IV/a a functional post needs more credit points than
            // most gather: each further step is taken by two in five.
            let soft = if *ahli { 12 } else { 10 };
            let extra = (0..natural.saturating_sub(soft))
                .filter(|_| chance(rng, 40))
                .count() as u8;
            let rank = (natural.min(soft) + extra).min(cap);
            (
                grade_of_rank(rank),
                format!("{} {}", f.rumpun, jenjang(*ahli, rank)),
                Tingkat::Fungsional,
            )
        }
        (Job::Pelaksana(p), _) => {
            let g = if pppk {
                Golongan::Pppk(pppk_grade(pendidikan))
            } else {
                grade_of_rank(natural.min(pelaksana_cap(pendidikan)))
            };
            (g, p.nama.to_string(), Tingkat::Pelaksana)
        }
        (Job::Structural(_), Role::Staff) => unreachable!("structural jobs come from posts"),
    }
}

/// TMT jabatan, within the service.
fn tmt_jabatan(
    rng: &mut impl Rng,
    hire: &Hire,
    start: NaiveDate,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    match &hire.job {
        Job::Structural(_) => {
            let lo = add_years(start, 1).max(sub_years(as_of, 7));
            Some(between(rng, lo, as_of - Days::new(30)).max(start))
        }
        _ if hire.pppk => Some(start),
        Job::Fungsional(..) => Some(between(rng, start.max(sub_years(as_of, 6)), as_of)),
        Job::Pelaksana(_) if chance(rng, 2) => None,
        Job::Pelaksana(_) => Some(between(rng, start.max(sub_years(as_of, 12)), as_of)),
    }
}

/// The current post of an employee, from which the demo draws the posts
/// before it and the penalties.
struct CurrentPost<'a> {
    nip: &'a str,
    jabatan: &'a str,
    tingkat: Tingkat,
    unit: &'a str,
    service_start: NaiveDate,
    tmt: Option<NaiveDate>,
}

impl CurrentPost<'_> {
    /// The riwayat jabatan: the current post from its TMT, and before it
    /// posts one tier lower each (a structural official's ladder; others at
    /// times one earlier post), contiguous back to the start of service,
    /// each ending the day before the next starts.
    fn history(&self, rng: &mut impl Rng, structural: bool, out: &mut Batch) {
        let Some(tmt) = self.tmt else { return };
        let rec = |jabatan: &str, tingkat, start, end| HistoryRec {
            nip: self.nip.to_string().into(),
            jabatan: jabatan.to_string().into(),
            tingkat,
            unit: Some(self.unit.to_string().into()),
            start,
            end,
        };
        out.histories
            .push(rec(self.jabatan, self.tingkat, tmt, None));
        if !structural && !chance(rng, 25) {
            return;
        }
        let mut next_start = tmt;
        let mut tier = self.tingkat;
        while next_start > self.service_start {
            let (lower, title) = match tier {
                Tingkat::JptUtama | Tingkat::JptMadya => (Tingkat::JptPratama, "Kepala Dinas"),
                Tingkat::JptPratama => (Tingkat::Administrator, "Kepala Bidang"),
                Tingkat::Administrator => (Tingkat::Pengawas, "Kepala Seksi"),
                _ => (Tingkat::Pelaksana, "Pengadministrasi Umum"),
            };
            let Some(end) = next_start.pred_opt() else {
                return;
            };
            let years = rng.gen_range(2..=6);
            let start = sub_years(next_start, years).max(self.service_start);
            out.histories.push(rec(title, lower, start, Some(end)));
            if lower == Tingkat::Pelaksana && start == self.service_start {
                return;
            }
            next_start = start;
            tier = lower;
        }
    }

    /// About one employee in fifty has a penalty on record: mostly ringan,
    /// some sedang, a few berat; most have ended by the as-of date.
    fn penalties(&self, rng: &mut impl Rng, as_of: NaiveDate, out: &mut Batch) {
        if !chance(rng, 2) || self.service_start >= as_of {
            return;
        }
        let (level, jenis, months) = match rng.gen_range(0..10) {
            0..=6 => (PenaltyLevel::Ringan, "Teguran tertulis", 6),
            7 | 8 => (
                PenaltyLevel::Sedang,
                "Pemotongan tunjangan kinerja 25% selama 9 bulan",
                9,
            ),
            _ => (
                PenaltyLevel::Berat,
                "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
                12,
            ),
        };
        let start = between(rng, self.service_start, as_of);
        let end = start
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt());
        out.penalties.push(PenaltyRec {
            nip: self.nip.to_string().into(),
            level,
            jenis: Some(jenis.to_string().into()),
            start,
            end,
        });
    }
}

/// Latent performance and ability, correlated.
struct Latent {
    perf: f64,
    ability: f64,
}

impl Latent {
    fn draw(rng: &mut impl Rng, tingkat: Tingkat, jabatan: &str, pendidikan: Pendidikan) -> Latent {
        let tier_bonus = match tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => 0.4,
            Tingkat::Administrator => 0.3,
            Tingkat::Pengawas => 0.2,
            _ => 0.0,
        };
        let perf = normal(rng) + tier_bonus;
        let pot_bonus = match tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => 0.7,
            Tingkat::Administrator => 0.5,
            Tingkat::Pengawas => 0.3,
            Tingkat::Fungsional if jabatan.contains(" Ahli ") => 0.05,
            Tingkat::Fungsional => -0.1,
            _ => -0.2,
        } + match pendidikan.level() {
            9 => 0.3,
            8 => 0.2,
            7 => 0.0,
            6 => -0.1,
            _ => -0.3,
        };
        let ability = 0.3 * (perf - tier_bonus) + 0.95 * normal(rng) + pot_bonus;
        Latent { perf, ability }
    }
}

/// What an employee's records are drawn for.
struct Records<'a> {
    nip: &'a str,
    start: NaiveDate,
    tingkat: Tingkat,
    as_of: NaiveDate,
}

impl Records<'_> {
    /// SKP: the four years before the as-of year in which they served by July;
    /// returns the latest.
    fn skp(&self, rng: &mut impl Rng, perf: f64, out: &mut Batch) -> Option<(u16, Predikat)> {
        let this_year = self.as_of.year();
        let mut latest_skp: Option<(u16, Predikat)> = None;
        for y in (this_year - 4)..this_year {
            if self.start > NaiveDate::from_ymd_opt(y, 7, 1).expect("a date") {
                continue;
            }
            if y < this_year - 1 && chance(rng, 2) {
                continue; // a gap in the e-Kinerja export
            }
            let s = 0.8 * perf + 0.6 * normal(rng);
            let p = if s > 1.25 {
                Predikat::SangatBaik
            } else if s > -1.35 {
                Predikat::Baik
            } else if s > -2.05 {
                Predikat::ButuhPerbaikan
            } else if s > -2.55 {
                Predikat::Kurang
            } else {
                Predikat::SangatKurang
            };
            out.skp.push(SkpRec {
                nip: self.nip.to_string().into(),
                tahun: y as u16,
                predikat: p,
            });
            latest_skp = Some((y as u16, p));
        }
        latest_skp
    }

    /// The first day records are drawn from: the start of service, at most
    /// three years back.
    fn service_start(&self) -> NaiveDate {
        self.start.max(sub_years(self.as_of, 3))
    }

    /// Potential assessment(s), the later one counts; returns its band and date.
    fn potentials(
        &self,
        rng: &mut impl Rng,
        rules: &Rules,
        ability: f64,
        out: &mut Batch,
    ) -> (Option<Potensi>, Option<NaiveDate>) {
        let assessed_pct = match self.tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => 98,
            Tingkat::Administrator => 96,
            Tingkat::Pengawas => 93,
            Tingkat::Fungsional => 93,
            _ => 91,
        };
        let (as_of, service_start) = (self.as_of, self.service_start());
        if !(as_of > service_start && chance(rng, assessed_pct)) {
            return (None, None);
        }
        let date = between(rng, service_start, as_of - Days::new(1));
        let score = (81.5 + 7.0 * ability).clamp(55.0, 99.0);
        let twice = chance(rng, 12);
        let method = rng.gen_range(0..100);
        let mut push = |date: NaiveDate, score: f64| -> Potensi {
            let score = (score * 100.0).round() / 100.0;
            let band = rules.potensi_of_score(score);
            let (kategori, skor, metode) = match method {
                0..=54 => (None, Some(score), "Assessment Center"),
                55..=79 => (Some(band), Some(score), "Uji Kompetensi (JPM)"),
                _ => (Some(band), None, "Tes Potensi BKN"),
            };
            out.potentials.push(PotentialRec {
                nip: self.nip.to_string().into(),
                tanggal: date,
                kategori,
                skor,
                metode: Some(metode.to_string().into()),
            });
            band
        };
        if twice {
            let earlier = date - Days::new(rng.gen_range(365..=730));
            let old = (score - rng.gen_range(0.0..6.0) + 2.0 * normal(rng)).clamp(55.0, 99.0);
            push(earlier, old);
        }
        (Some(push(date, score)), Some(date))
    }

    /// Competency assessment(s): all nine at once, often with the potential one.
    fn competencies(
        &self,
        rng: &mut impl Rng,
        jabatan: &str,
        ability: f64,
        pot_date: Option<NaiveDate>,
        out: &mut Batch,
    ) {
        let comp_pct = match self.tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => 98,
            Tingkat::Administrator => 95,
            Tingkat::Pengawas => 92,
            _ => 76,
        };
        let (as_of, service_start) = (self.as_of, self.service_start());
        if !(as_of > service_start && chance(rng, comp_pct)) {
            return;
        }
        let date = match pot_date {
            Some(d) if chance(rng, 60) => d,
            _ => between(rng, service_start, as_of - Days::new(1)),
        };
        let std = standard_level(self.tingkat, jabatan) as i32;
        let mut levels = [0u8; 9];
        for l in &mut levels {
            let x = 0.55 * ability + 0.6 * normal(rng);
            let delta = if x > 1.0 {
                1
            } else if x < -2.2 {
                -2
            } else if x < -1.0 {
                -1
            } else {
                0
            };
            *l = (std + delta).clamp(1, 5) as u8;
        }
        if chance(rng, 15) {
            let earlier = date - Days::new(rng.gen_range(365..=900));
            for (c, l) in Competency::ALL.iter().zip(levels) {
                let lower = u8::from(chance(rng, 35));
                out.competencies.push(CompetencyRec {
                    nip: self.nip.to_string().into(),
                    competency: *c,
                    level: l.saturating_sub(lower).max(1),
                    tanggal: earlier,
                });
            }
        }
        for (c, l) in Competency::ALL.iter().zip(levels) {
            out.competencies.push(CompetencyRec {
                nip: self.nip.to_string().into(),
                competency: *c,
                level: l,
                tanggal: date,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_map_to_grades() {
        assert_eq!(grade_of_rank(0).to_string(), "I/a");
        assert_eq!(grade_of_rank(8).to_string(), "III/a");
        assert_eq!(grade_of_rank(11).to_string(), "III/d");
        assert_eq!(grade_of_rank(12).to_string(), "IV/a");
        assert_eq!(grade_of_rank(16).to_string(), "IV/e");
        for r in 0..=16 {
            assert_eq!(grade_of_rank(r).pns_rank(), Some(r));
        }
    }

    #[test]
    fn jenjang_follows_grade() {
        assert_eq!(jenjang(true, 8), "Ahli Pertama");
        assert_eq!(jenjang(true, 11), "Ahli Muda");
        assert_eq!(jenjang(true, 13), "Ahli Madya");
        assert_eq!(jenjang(true, 15), "Ahli Utama");
        assert_eq!(jenjang(false, 4), "Pemula");
        assert_eq!(jenjang(false, 6), "Terampil");
        assert_eq!(jenjang(false, 9), "Mahir");
        assert_eq!(jenjang(false, 11), "Penyelia");
    }

    #[test]
    fn standard_levels() {
        assert_eq!(standard_level(Tingkat::JptPratama, "Kepala Dinas"), 4);
        assert_eq!(standard_level(Tingkat::Administrator, "Sekretaris"), 3);
        assert_eq!(standard_level(Tingkat::Pengawas, "Kepala Seksi"), 3);
        assert_eq!(
            standard_level(Tingkat::Fungsional, "Widyaiswara Ahli Utama"),
            4
        );
        assert_eq!(standard_level(Tingkat::Fungsional, "Guru Ahli Pertama"), 2);
        assert_eq!(
            standard_level(Tingkat::Pelaksana, "Pengadministrasi Umum"),
            2
        );
    }
}
