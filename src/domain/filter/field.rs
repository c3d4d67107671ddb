//! The fields of the filter language: names, operators, reading a candidate's
//! value, and the sort order used by `--sort` and the TUI.

use super::Op;
use crate::domain::career;
use crate::domain::fold;
use crate::domain::{
    squash, Candidate, Competency, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Status,
    Tingkat,
};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// A field of the filter language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Nip,
    Nama,
    Unit,
    Jabatan,
    Instansi,
    Tingkat,
    Status,
    Jk,
    Golongan,
    Pendidikan,
    Usia,
    Kotak,
    /// The latest yearly predikat.
    Kinerja,
    /// The predikat of one year (`kinerja.2024`).
    KinerjaTahun(u16),
    Potensi,
    /// The latest assessed level of a competency.
    Kompetensi(Competency),
    Jp,
    MasaJabatan,
    /// Whole years of experience from the position history: in any post
    /// (`None`, cumulative) or on a tier's rung or higher (`pengalaman.pengawas`).
    Pengalaman(Option<Tingkat>),
    /// The box computed from the data, whatever a talent review agreed.
    KotakHitung,
    /// Whether a talent review applies: ya / usang / tidak.
    Kalibrasi,
    /// A member of the KRS established for the as-of year (`ya` / `tidak`).
    Krs,
    /// The predikat in each of the last N calendar years before the as-of
    /// year (`kinerja.2th`); N is 1 ..= [`MAX_LAST_YEARS`].
    KinerjaTerakhir(u8),
    /// The birth date.
    TanggalLahir,
    /// The start of the current post, as `masa_jabatan` counts from it.
    TmtJabatan,
    /// TMT pensiun: the first day of the month after reaching the BUP of the
    /// current post (PP 11/2017 Pasal 239 and 240; `Rules::bup_age`).
    Pensiun,
}

/// The most years `kinerja.Nth` looks back.
pub const MAX_LAST_YEARS: u8 = 10;

/// The canonical (Indonesian) field names, as listed in
/// [`ErrorKind::UnknownField`](super::ErrorKind::UnknownField).
pub const FIELD_NAMES: &[&str] = &[
    "nip",
    "nama",
    "unit",
    "jabatan",
    "instansi",
    "tingkat",
    "status",
    "jk",
    "golongan",
    "pendidikan",
    "usia",
    "kotak",
    "kinerja",
    "kinerja.YYYY",
    "potensi",
    "integritas",
    "kerja_sama",
    "komunikasi",
    "orientasi_hasil",
    "pelayanan_publik",
    "pengembangan_diri",
    "mengelola_perubahan",
    "pengambilan_keputusan",
    "perekat_bangsa",
    "jp",
    "masa_jabatan",
    "pengalaman",
    "pengalaman.TINGKAT",
    "kotak_hitung",
    "kalibrasi",
    "krs",
    "kinerja.Nth",
    "tanggal_lahir",
    "tmt_jabatan",
    "pensiun",
];

/// The English aliases of the fields, in the same order (without `nip` and `status`,
/// which are the same in both languages).
pub const FIELD_ALIASES: &[&str] = &[
    "name",
    "unit_kerja",
    "position",
    "agency",
    "tier",
    "sex",
    "grade",
    "education",
    "age",
    "box",
    "perf",
    "perf.YYYY",
    "potential",
    "integrity",
    "teamwork",
    "communication",
    "results",
    "public_service",
    "developing_others",
    "managing_change",
    "decision_making",
    "nation_building",
    "training",
    "tenure",
    "experience",
    "experience.TIER",
    "computed_box",
    "calibration",
    "succession",
    "perf.Ny",
    "birth_date",
    "post_start",
    "retirement",
];

pub(super) const TEXT_OPS: &[Op] = &[Op::Eq, Op::Ne, Op::Contains];
pub(super) const ORDER_OPS: &[Op] = &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge];
pub(super) const EQ_OPS: &[Op] = &[Op::Eq, Op::Ne];

/// The year part of `kinerja.YYYY`: exactly four ASCII digits.
pub(super) fn parse_year(s: &str) -> Option<u16> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// The field of `kinerja.<rest>`: a year (`kinerja.2024`) or the last N years
/// (`kinerja.2th`, `perf.2y`).
pub(super) fn kinerja_suffix(rest: &str) -> Option<Field> {
    if let Some(y) = parse_year(rest) {
        return Some(Field::KinerjaTahun(y));
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let n: u8 = rest[..digits].parse().ok()?;
    let unit = rest[digits..].to_ascii_lowercase();
    let years = matches!(
        unit.as_str(),
        "th" | "thn" | "tahun" | "y" | "yr" | "yrs" | "year" | "years"
    );
    (years && (1..=MAX_LAST_YEARS).contains(&n)).then_some(Field::KinerjaTerakhir(n))
}

/// If `name` is `kinerja.<rest>` or `perf.<rest>` (any case), the byte offset of `<rest>`.
pub(super) fn year_suffix(name: &str) -> Option<usize> {
    let (head, _) = name.split_once('.')?;
    (head.eq_ignore_ascii_case("kinerja") || head.eq_ignore_ascii_case("perf"))
        .then_some(head.len() + 1)
}

/// If `name` is `pengalaman.<rest>` or `experience.<rest>` (any case), the byte offset of `<rest>`.
pub(super) fn tier_suffix(name: &str) -> Option<usize> {
    let (head, _) = name.split_once('.')?;
    (head.eq_ignore_ascii_case("pengalaman") || head.eq_ignore_ascii_case("experience"))
        .then_some(head.len() + 1)
}

/// The tier of `pengalaman.<tier>`: a structural tier or pelaksana (a
/// functional post stands on the rung of its jenjang, so `fungsional` names none).
pub(super) fn parse_experience_tier(s: &str) -> Option<Tingkat> {
    Tingkat::parse(s).filter(|t| *t != Tingkat::Fungsional)
}

impl Field {
    /// A field name or alias in any case (`usia`, `AGE`, `unit_kerja`, `kinerja.2024`,
    /// `perf.2024`, `decision_making`); `_`, `-` and blanks are ignored except in
    /// `kinerja.YYYY`, whose year must be four digits.
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.trim();
        if let Some(at) = year_suffix(name) {
            return kinerja_suffix(&name[at..]);
        }
        if let Some(at) = tier_suffix(name) {
            return parse_experience_tier(&name[at..]).map(|t| Field::Pengalaman(Some(t)));
        }
        Some(match squash(name).as_str() {
            "nip" => Field::Nip,
            "nama" | "name" => Field::Nama,
            "unit" | "unitkerja" => Field::Unit,
            "jabatan" | "position" => Field::Jabatan,
            "instansi" | "agency" => Field::Instansi,
            "tingkat" | "tier" => Field::Tingkat,
            "status" => Field::Status,
            "jk" | "sex" => Field::Jk,
            "golongan" | "grade" => Field::Golongan,
            "pendidikan" | "education" => Field::Pendidikan,
            "usia" | "age" => Field::Usia,
            "kotak" | "box" => Field::Kotak,
            "kinerja" | "perf" => Field::Kinerja,
            "potensi" | "potential" => Field::Potensi,
            "jp" | "training" => Field::Jp,
            "masajabatan" | "tenure" => Field::MasaJabatan,
            "pengalaman" | "experience" => Field::Pengalaman(None),
            "kotakhitung" | "computedbox" => Field::KotakHitung,
            "kalibrasi" | "calibration" => Field::Kalibrasi,
            "krs" | "succession" => Field::Krs,
            "tanggallahir" | "tgllahir" | "birthdate" => Field::TanggalLahir,
            "tmtjabatan" | "poststart" => Field::TmtJabatan,
            "pensiun" | "tmtpensiun" | "retirement" => Field::Pensiun,
            _ => return Competency::parse(name).map(Field::Kompetensi),
        })
    }

    /// The canonical Indonesian name (`masa_jabatan`, `kinerja.2024`, `pengambilan_keputusan`).
    pub fn name(&self) -> String {
        match self {
            Field::Nip => "nip".into(),
            Field::Nama => "nama".into(),
            Field::Unit => "unit".into(),
            Field::Jabatan => "jabatan".into(),
            Field::Instansi => "instansi".into(),
            Field::Tingkat => "tingkat".into(),
            Field::Status => "status".into(),
            Field::Jk => "jk".into(),
            Field::Golongan => "golongan".into(),
            Field::Pendidikan => "pendidikan".into(),
            Field::Usia => "usia".into(),
            Field::Kotak => "kotak".into(),
            Field::Kinerja => "kinerja".into(),
            Field::KinerjaTahun(y) => format!("kinerja.{y:04}"),
            Field::Potensi => "potensi".into(),
            Field::Kompetensi(c) => c.code().into(),
            Field::Jp => "jp".into(),
            Field::MasaJabatan => "masa_jabatan".into(),
            Field::Pengalaman(None) => "pengalaman".into(),
            Field::Pengalaman(Some(t)) => format!("pengalaman.{}", t.code()),
            Field::KotakHitung => "kotak_hitung".into(),
            Field::Kalibrasi => "kalibrasi".into(),
            Field::Krs => "krs".into(),
            Field::KinerjaTerakhir(n) => format!("kinerja.{n}th"),
            Field::TanggalLahir => "tanggal_lahir".into(),
            Field::TmtJabatan => "tmt_jabatan".into(),
            Field::Pensiun => "pensiun".into(),
        }
    }

    /// The operators the field takes (see the table in the module docs).
    pub fn operators(&self) -> &'static [Op] {
        match self {
            Field::Nip | Field::Nama | Field::Unit | Field::Jabatan | Field::Instansi => TEXT_OPS,
            Field::Status | Field::Jk | Field::Kalibrasi | Field::Krs => EQ_OPS,
            Field::Tingkat
            | Field::Golongan
            | Field::Pendidikan
            | Field::Usia
            | Field::Kotak
            | Field::Kinerja
            | Field::KinerjaTahun(_)
            | Field::Potensi
            | Field::Kompetensi(_)
            | Field::Jp
            | Field::MasaJabatan
            | Field::Pengalaman(_)
            | Field::KotakHitung
            | Field::KinerjaTerakhir(_)
            | Field::TanggalLahir
            | Field::TmtJabatan
            | Field::Pensiun => ORDER_OPS,
        }
    }

    /// Whether the field holds free text (`nama`, `unit`, ...).
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            Field::Nip | Field::Nama | Field::Unit | Field::Jabatan | Field::Instansi
        )
    }

    /// Whether the field holds a date (compared with dates and spans).
    pub fn is_date(&self) -> bool {
        matches!(
            self,
            Field::TanggalLahir | Field::TmtJabatan | Field::Pensiun
        )
    }

    /// A condition on the field as a user would write it, for messages that
    /// say what was probably meant (`kotak>=7`, `unit~kesehatan`).
    pub fn example(&self) -> String {
        let value = match self {
            Field::Nip => "~1986",
            Field::Nama => "~ahmad",
            Field::Unit => "~kesehatan",
            Field::Jabatan => "~kepala",
            Field::Instansi => "~provinsi",
            Field::Tingkat => ">=administrator",
            Field::Status => "=pns",
            Field::Jk => "=P",
            Field::Golongan => ">=III/c",
            Field::Pendidikan => ">=S1",
            Field::Usia => "<45",
            Field::Kotak | Field::KotakHitung => ">=7",
            Field::Kinerja | Field::KinerjaTahun(_) | Field::KinerjaTerakhir(_) => ">=B",
            Field::Potensi => "=tinggi",
            Field::Kompetensi(_) => ">=4",
            Field::Jp => "<20",
            Field::MasaJabatan | Field::Pengalaman(_) => ">=2",
            Field::Kalibrasi => "=usang",
            Field::Krs => "=ya",
            Field::TanggalLahir => "<01-01-1970",
            Field::TmtJabatan => ">=2th",
            Field::Pensiun => "<12bln",
        };
        format!("{}{value}", self.name())
    }
}

/// A candidate's value of a field, borrowed (no allocation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Val<'a> {
    /// Lower-cased text (the NIP as stored).
    Text(&'a str),
    /// A name as written, compared lower-cased ([`crate::domain::fold`]).
    Name(&'a str),
    Num(u32),
    Tingkat(Tingkat),
    Status(Status),
    Sex(Sex),
    Golongan(Golongan),
    Pendidikan(Pendidikan),
    Predikat(Predikat),
    Potensi(Potensi),
    /// Yes / no.
    Flag(bool),
    Date(NaiveDate),
}

pub(super) fn text(s: &str) -> Option<Val<'_>> {
    (!s.trim().is_empty()).then_some(Val::Text(s))
}

/// The candidate's value of `field` on `as_of`; `None` when the value is missing.
pub(super) fn value_of<'c>(
    field: Field,
    c: &'c Candidate,
    as_of: NaiveDate,
    rules: &Rules,
) -> Option<Val<'c>> {
    match field {
        Field::Nip => text(&c.nip),
        Field::Nama => (!c.nama.trim().is_empty()).then_some(Val::Name(&c.nama)),
        Field::Unit => text(&c.unit.lower),
        Field::Jabatan => text(&c.jabatan.lower),
        Field::Instansi => c.instansi.as_ref().and_then(|t| text(&t.lower)),
        Field::Tingkat => Some(Val::Tingkat(c.tingkat)),
        Field::Status => Some(Val::Status(c.status)),
        Field::Jk => Some(Val::Sex(c.sex)),
        Field::Golongan => Some(Val::Golongan(c.golongan)),
        Field::Pendidikan => Some(Val::Pendidikan(c.pendidikan)),
        Field::Usia => Some(Val::Num(c.age(as_of))),
        Field::Kotak => c.kotak.map(|k| Val::Num(k.into())),
        Field::Kinerja => c.latest_predikat().map(Val::Predikat),
        Field::KinerjaTahun(y) => c.predikat_in(y).map(Val::Predikat),
        Field::Potensi => c.potensi.map(Val::Potensi),
        Field::Kompetensi(k) => c.level(k).map(|l| Val::Num(l.into())),
        Field::Jp => Some(Val::Num(c.jp(as_of))),
        Field::MasaJabatan => tenure(c, as_of).map(Val::Num),
        Field::Pengalaman(t) => experience_years(c, t, as_of).map(Val::Num),
        Field::KotakHitung => c.kotak_hitung().map(|k| Val::Num(k.into())),
        Field::Kalibrasi => Some(Val::Num(c.calibration_status().rank())),
        Field::Krs => Some(Val::Flag(c.krs)),
        Field::KinerjaTerakhir(n) => last_years(c, n, as_of)
            .try_fold(Predikat::SangatBaik, |low, p| Some(low.min(p?)))
            .map(Val::Predikat),
        Field::TanggalLahir => Some(Val::Date(c.birth)),
        Field::TmtJabatan => post_start(c).map(Val::Date),
        Field::Pensiun => Some(Val::Date(c.retirement(rules))),
    }
}

/// The predikat of each of the `n` calendar years before the as-of year,
/// latest first (`None`: no SKP on record that year). The years whose
/// predikat is final, as the eligibility and KRS conditions read "the last
/// N years" (`eligibility::articles::predikat_years`).
pub(super) fn last_years(
    c: &Candidate,
    n: u8,
    as_of: NaiveDate,
) -> impl Iterator<Item = Option<Predikat>> + '_ {
    let year = as_of.year();
    (1..=i32::from(n))
        .map(move |back| c.predikat_in((year - back).clamp(0, u16::MAX as i32) as u16))
}

/// The start of the current post: the position history's open span at the
/// current tier when there is one, else the TMT jabatan (what `masa_jabatan`
/// counts from).
pub(super) fn post_start(c: &Candidate) -> Option<NaiveDate> {
    c.career.current_start(c.tingkat).or(c.tmt_jabatan)
}

/// Whole years in the current post: from the start of the history's open
/// span at the current tier when there is one, else from the TMT jabatan.
pub(super) fn tenure(c: &Candidate, as_of: NaiveDate) -> Option<u32> {
    post_start(c).map(|start| crate::domain::dates::whole_years(start, as_of))
}

/// Whole years on `tier`'s rung or higher (any post for `None`) from the
/// position history, as the experience conditions count them (exactly N
/// years on the as-of date is N); `None` without a history.
pub(super) fn experience_years(
    c: &Candidate,
    tier: Option<Tingkat>,
    as_of: NaiveDate,
) -> Option<u32> {
    if !c.career.has_history() {
        return None;
    }
    let rung = tier.map_or(1, |t| career::rung(t, None));
    let days = c.career.days_on(rung, as_of);
    // The largest n whose n years before the as-of date fit in `days`.
    let mut n = days / 366;
    while career::days_of_years(n + 1, as_of) <= days {
        n += 1;
    }
    Some(n)
}

/// Tingkat as a number rising with the tier: fungsional 0 .. jpt_utama 6.
pub(super) fn tingkat_height(t: Tingkat) -> u8 {
    (Tingkat::ALL.len() as u8 - 1).saturating_sub(t.rank())
}

/// A candidate's value of a field reduced to what orders it (see [`compare`]).
#[derive(Debug, Clone, Copy)]
pub enum SortKey<'a> {
    Num(u32),
    Text(&'a str),
    /// Text ordered as lower-cased ([`fold::cmp`]).
    Folded(&'a str),
}

impl SortKey<'_> {
    fn rank(&self) -> u8 {
        match self {
            SortKey::Num(_) => 0,
            SortKey::Text(_) => 1,
            SortKey::Folded(_) => 2,
        }
    }
}

impl Ord for SortKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Num(a), SortKey::Num(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Folded(a), SortKey::Folded(b)) => fold::cmp(a, b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for SortKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for SortKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SortKey<'_> {}

fn sort_key(v: Val<'_>) -> SortKey<'_> {
    match v {
        Val::Text(s) => SortKey::Text(s),
        Val::Name(s) => SortKey::Folded(s),
        Val::Num(n) => SortKey::Num(n),
        Val::Tingkat(t) => SortKey::Num(tingkat_height(t).into()),
        Val::Status(s) => SortKey::Num(match s {
            Status::Pns => 0,
            Status::Pppk => 1,
        }),
        Val::Sex(s) => SortKey::Num(match s {
            Sex::L => 0,
            Sex::P => 1,
        }),
        Val::Golongan(g) => SortKey::Num(g.sort_key().into()),
        Val::Pendidikan(p) => SortKey::Num(p.level().into()),
        Val::Predikat(p) => SortKey::Num(p.rank().into()),
        Val::Potensi(p) => SortKey::Num(p as u32),
        // Yes first.
        Val::Flag(b) => SortKey::Num(u32::from(!b)),
        Val::Date(d) => SortKey::Num(d.num_days_from_ce().max(0) as u32),
    }
}

/// The key [`compare`] orders by; `None` when the value is missing.
/// `pensiun` is read with the default BUP ages ([`sort_key_in`] takes the pool's rules).
pub fn sort_key_of(field: Field, c: &Candidate, as_of: NaiveDate) -> Option<SortKey<'_>> {
    sort_key_in(field, c, as_of, default_rules())
}

/// [`sort_key_of`] with a set of rules (the BUP ages of `pensiun`).
pub fn sort_key_in<'c>(
    field: Field,
    c: &'c Candidate,
    as_of: NaiveDate,
    rules: &Rules,
) -> Option<SortKey<'c>> {
    value_of(field, c, as_of, rules).map(sort_key)
}

/// The default rules, for callers that have no pool at hand.
pub(super) fn default_rules() -> &'static Rules {
    static DEFAULT: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Rules::default)
}

/// Order two candidates by a field, ascending in the field's order (the order the
/// filter's `<` uses): text case-insensitively, tingkat fungsional first and
/// jpt_utama last, golongan PNS I/a .. IV/e then PPPK I .. XVII, pendidikan by
/// level (D4 and S1 tie), kinerja SK .. SB, potensi rendah .. tinggi, status PNS
/// then PPPK, jk L then P, numbers ascending. Missing values sort last; ties are
/// `Equal` (so a stable sort keeps the previous order).
pub fn compare(field: &Field, a: &Candidate, b: &Candidate, as_of: NaiveDate) -> Ordering {
    compare_directed(field, a, b, as_of, false)
}

/// [`compare`] ascending or descending; either way missing values sort last.
pub fn compare_directed(
    field: &Field,
    a: &Candidate,
    b: &Candidate,
    as_of: NaiveDate,
    descending: bool,
) -> Ordering {
    compare_in(field, a, b, as_of, default_rules(), descending)
}

/// [`compare_directed`] with a set of rules (the BUP ages of `pensiun`).
pub fn compare_in(
    field: &Field,
    a: &Candidate,
    b: &Candidate,
    as_of: NaiveDate,
    rules: &Rules,
    descending: bool,
) -> Ordering {
    let ka = sort_key_in(*field, a, as_of, rules);
    let kb = sort_key_in(*field, b, as_of, rules);
    match (ka, kb) {
        (Some(x), Some(y)) if descending => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
