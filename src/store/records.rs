//! Validated records ready to be written: what the importer parses files into
//! and what the demo generator produces. Both write through [`super::write`].

use super::bulk::date_text;
use super::pool::{set, Own};
use super::write::{Counts, WriteSummary};
use crate::domain::career::PenaltyLevel;
use crate::domain::krs::Kategori;
use crate::domain::{Competency, Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};
use chrono::NaiveDate;
/// A record's text: short ones (a NIP, most names) kept inline, without a
/// separate allocation (millions of records go through an import).
pub use compact_str::CompactString as Text;
use rusqlite::{Connection, OptionalExtension, Row, Statement, ToSql};

#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRec {
    pub nip: Text,
    pub nama: Text,
    pub sex: Sex,
    pub birth: NaiveDate,
    pub status: Status,
    pub golongan: Golongan,
    pub jabatan: Text,
    pub tingkat: Tingkat,
    pub unit: Text,
    pub instansi: Option<Text>,
    pub pendidikan: Pendidikan,
    pub tmt_jabatan: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkpRec {
    pub nip: Text,
    pub tahun: u16,
    pub predikat: Predikat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyRec {
    pub nip: Text,
    pub competency: Competency,
    pub level: u8,
    pub tanggal: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PotentialRec {
    pub nip: Text,
    pub tanggal: NaiveDate,
    pub kategori: Option<Potensi>,
    pub skor: Option<f64>,
    pub metode: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRec {
    pub nip: Text,
    pub tahun: u16,
    pub nama: Text,
    /// Which run of the same training in the same year this is, from 1 (two
    /// runs of one "Bimbingan Teknis" are two records; the importer numbers
    /// them in file order, so the same file gives the same numbers again).
    pub urutan: u16,
    pub jp: u32,
    /// The day the run started, where the file gives it.
    pub start: Option<NaiveDate>,
}

/// A position held (`riwayat_jabatan.csv`); the key is the NIP and `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRec {
    pub nip: Text,
    pub jabatan: Text,
    pub tingkat: Tingkat,
    pub unit: Option<Text>,
    /// TMT mulai.
    pub start: NaiveDate,
    /// The last day in post; `None` for the current one.
    pub end: Option<NaiveDate>,
}

/// A disciplinary penalty (`disiplin.csv`); the key is the NIP, `start` and `level`.
#[derive(Debug, Clone, PartialEq)]
pub struct PenaltyRec {
    pub nip: Text,
    pub level: PenaltyLevel,
    /// The penalty as the decree words it.
    pub jenis: Option<Text>,
    /// TMT: the day it took effect.
    pub start: NaiveDate,
    /// The last day it runs.
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PositionRec {
    pub kode: String,
    pub nama: String,
    pub tingkat: Tingkat,
    pub unit: String,
    pub vacant: bool,
    pub holder_nip: Option<String>,
    /// Target or critical position; `None` when the file has no `kategori`
    /// column (the stored value is kept), `Some(None)` when the cell is empty.
    pub kategori: Option<Option<Kategori>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementRec {
    pub kode: String,
    pub competency: Competency,
    pub level: u8,
}

/// Everything one import (or one demo) writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    pub employees: Vec<EmployeeRec>,
    pub skp: Vec<SkpRec>,
    pub competencies: Vec<CompetencyRec>,
    pub potentials: Vec<PotentialRec>,
    pub trainings: Vec<TrainingRec>,
    pub histories: Vec<HistoryRec>,
    pub penalties: Vec<PenaltyRec>,
    pub positions: Vec<PositionRec>,
    pub requirements: Vec<RequirementRec>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.employees.len()
            + self.skp.len()
            + self.competencies.len()
            + self.potentials.len()
            + self.trainings.len()
            + self.histories.len()
            + self.penalties.len()
            + self.positions.len()
            + self.requirements.len()
    }

    /// Move another batch's records into this one.
    pub fn append(&mut self, mut other: Batch) {
        self.employees.append(&mut other.employees);
        self.skp.append(&mut other.skp);
        self.competencies.append(&mut other.competencies);
        self.potentials.append(&mut other.potentials);
        self.trainings.append(&mut other.trainings);
        self.histories.append(&mut other.histories);
        self.penalties.append(&mut other.penalties);
        self.positions.append(&mut other.positions);
        self.requirements.append(&mut other.requirements);
    }
}

/// Where [`RecordKind::columns`] puts a record's column values, in order.
pub(crate) type Put<'p> = dyn FnMut(&dyn ToSql) -> rusqlite::Result<()> + 'p;

/// A kind of employee record (SKP, competency and potential assessments,
/// training): one table with the employee's id, a natural key and a value,
/// written through one generic path (`Writer::write` in [`super::write`]
/// for imports and edits: upsert by the key, counting inserted, updated and
/// unchanged rows; [`super::bulk::insert_fresh`] for fresh databases).
///
/// # Adding a record kind
/// 1. Its table in `schema.rs`: `employee_id`, the key columns, the value
///    columns, with `PRIMARY KEY (employee_id, key columns)`.
/// 2. Its record struct above (with the employee's `nip`), a `Vec` of it in
///    [`Batch`] (also in `len` and `append`) and a [`super::write::Counts`]
///    in [`super::write::WriteSummary`].
/// 3. A unit struct implementing this trait: the table and its columns, where
///    its records and counts are, how a record's columns are bound
///    ([`RecordKind::columns`]), its key and value as held in the writer's
///    map of existing rows and as read from the table.
/// 4. One line in [`each_kind`].
///
/// The `OWN` constant and the `own_*` methods are for the kinds the `pool`
/// row is computed from (see [`super::pool::Own`]); a new kind leaves them
/// as they are. Either way, a record of an employee the writer inserted is
/// inserted without a look-up (it is new: see `Own`).
pub(crate) trait RecordKind: 'static {
    type Rec: 'static;
    /// The natural key with the employee's id, as held in the writer's map
    /// of existing rows.
    type Key: std::hash::Hash + Eq + 'static;
    /// The value columns, as read from the table.
    type Value: Clone + 'static;
    /// The key of a record in an own list (see `OWN`); `()` otherwise.
    type OwnKey: Copy;

    const TABLE: &'static str;
    /// The key columns after `employee_id`, in binding order.
    const KEY_COLUMNS: &'static [&'static str];
    /// The other columns, in binding order after the key.
    const VALUE_COLUMNS: &'static [&'static str];
    /// Kept in an inserted employee's own list (see [`super::pool::Own`]).
    const OWN: bool = false;

    fn records(b: &Batch) -> &[Self::Rec];
    fn counts(s: &mut WriteSummary) -> &mut Counts;
    fn nip(r: &Self::Rec) -> &str;
    /// Put the key columns' values, then the value columns'.
    fn columns(r: &Self::Rec, put: &mut Put<'_>) -> rusqlite::Result<()>;
    /// The record's key; `None` when it cannot be held in the map (a date
    /// whose text does not order as the date): then looked up by SQL.
    fn key(id: i64, r: &Self::Rec) -> Option<Self::Key>;
    /// The key of a row of `SELECT employee_id, key columns, value columns`
    /// (`None`: a row the map does not hold).
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<Self::Key>>;
    /// The value columns from index `at` of a row.
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<Self::Value>;
    /// The record's value is `old`.
    fn same(old: &Self::Value, r: &Self::Rec) -> bool;
    /// The record's value as it is read back.
    fn value(r: &Self::Rec) -> Self::Value;

    /// The record's key in an own list; `None`: it cannot be kept there
    /// (its date's text does not order as the date).
    fn own_key(_r: &Self::Rec) -> Option<Self::OwnKey> {
        None
    }
    /// The value of `key` in `own`: `Some(None)` when certainly not there,
    /// `None` when the list cannot tell (look in the database).
    fn own_get(_own: &Own, _key: Self::OwnKey) -> Option<Option<Self::Value>> {
        None
    }
    /// The record was written: keep it in `own` (`existed`: a record with its
    /// key was there before).
    fn own_set(_own: &mut Own, _key: Self::OwnKey, _r: &Self::Rec, _existed: bool) {}
}

/// Something done for every [`RecordKind`].
pub(crate) trait EachKind {
    fn kind<K: RecordKind>(&mut self) -> super::Result<()>;
}

/// Call `f` for every record kind, in the order they are written.
pub(crate) fn each_kind(f: &mut impl EachKind) -> super::Result<()> {
    f.kind::<Skp>()?;
    f.kind::<Competencies>()?;
    f.kind::<Potentials>()?;
    f.kind::<Trainings>()?;
    f.kind::<Histories>()?;
    f.kind::<Penalties>()
}

/// Bind `id` and record `r`'s columns from parameter `i` on (1-based).
pub(crate) fn bind_record<K: RecordKind>(
    st: &mut Statement<'_>,
    i: usize,
    id: i64,
    r: &K::Rec,
) -> rusqlite::Result<()> {
    st.raw_bind_parameter(i, id)?;
    let mut at = i + 1;
    K::columns(r, &mut |v| {
        st.raw_bind_parameter(at, v)?;
        at += 1;
        Ok(())
    })
}

/// Bind `id` and record `r`'s key columns as `?1`, `?2`, ...
pub(crate) fn bind_key<K: RecordKind>(
    st: &mut Statement<'_>,
    id: i64,
    r: &K::Rec,
) -> rusqlite::Result<()> {
    st.raw_bind_parameter(1, id)?;
    let mut at = 2;
    K::columns(r, &mut |v| {
        if at <= K::KEY_COLUMNS.len() + 1 {
            st.raw_bind_parameter(at, v)?;
        }
        at += 1;
        Ok(())
    })
}

/// The SQL of a record kind, from its table and columns.
pub(crate) struct KindSql {
    /// `INSERT INTO t (employee_id, keys, values)`, for `VALUES` to follow.
    pub insert: String,
    /// What follows the values of an upsert: `ON CONFLICT (...) DO UPDATE ...`.
    pub upsert: String,
    /// The value columns of one key: `?1` the employee, then the key columns.
    pub select: String,
    /// Every row: `employee_id`, the key columns, the value columns.
    pub select_all: String,
    /// Parameters per row.
    pub width: usize,
}

impl KindSql {
    pub fn of<K: RecordKind>() -> KindSql {
        let t = K::TABLE;
        let keys = K::KEY_COLUMNS.join(", ");
        let values = K::VALUE_COLUMNS.join(", ");
        let set: Vec<String> = K::VALUE_COLUMNS
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        let mut select = format!("SELECT {values} FROM {t} WHERE employee_id = ?1");
        for (i, c) in K::KEY_COLUMNS.iter().enumerate() {
            select += &format!(" AND {c} = ?{}", i + 2);
        }
        KindSql {
            insert: format!("INSERT INTO {t} (employee_id, {keys}, {values})"),
            upsert: format!(
                " ON CONFLICT(employee_id, {keys}) DO UPDATE SET {}",
                set.join(", ")
            ),
            select,
            select_all: format!("SELECT employee_id, {keys}, {values} FROM {t}"),
            width: 1 + K::KEY_COLUMNS.len() + K::VALUE_COLUMNS.len(),
        }
    }

    /// A one-row upsert.
    pub fn upsert_one(&self) -> String {
        let marks = vec!["?"; self.width].join(", ");
        format!("{} VALUES ({marks}){}", self.insert, self.upsert)
    }
}

/// A date as `yyyymmdd` (which orders as its text), for years 0..=9999.
fn date_key_of(d: NaiveDate) -> Option<u32> {
    use chrono::Datelike;
    (0..=9999)
        .contains(&d.year())
        .then(|| d.year() as u32 * 10000 + d.month() * 100 + d.day())
}

/// `YYYY-MM-DD` as `yyyymmdd`, strictly (anything else is `None`); the text a
/// `NaiveDate` of years 0..=9999 displays as maps to the same number.
fn date_key(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = 0u32;
    for (i, &c) in b.iter().enumerate() {
        if i == 4 || i == 7 {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// A stored date text as a key (`None`: not `YYYY-MM-DD`).
fn read_date(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<u32>> {
    Ok(row.get_ref(i)?.as_str().ok().and_then(date_key))
}

/// A stored competency code (`None`: not one of the nine).
pub(crate) fn read_competency(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<Competency>> {
    Ok(row
        .get_ref(i)?
        .as_str()
        .ok()
        .and_then(|code| Competency::ALL.into_iter().find(|c| c.code() == code)))
}

fn potensi_code(p: Option<Potensi>) -> Option<&'static str> {
    p.map(Potensi::code)
}

/// SKP: a predikat per year.
pub(crate) struct Skp;

impl RecordKind for Skp {
    type Rec = SkpRec;
    type Key = (i64, i64);
    /// The predikat's code.
    type Value = String;
    type OwnKey = u16;
    const TABLE: &'static str = "skp";
    const KEY_COLUMNS: &'static [&'static str] = &["tahun"];
    const VALUE_COLUMNS: &'static [&'static str] = &["predikat"];
    const OWN: bool = true;

    fn records(b: &Batch) -> &[SkpRec] {
        &b.skp
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.skp
    }
    fn nip(r: &SkpRec) -> &str {
        &r.nip
    }
    fn columns(r: &SkpRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        put(&r.tahun)?;
        put(&r.predikat.code())
    }
    fn key(id: i64, r: &SkpRec) -> Option<(i64, i64)> {
        Some((id, i64::from(r.tahun)))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<(i64, i64)>> {
        Ok(Some((row.get(0)?, row.get(1)?)))
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<String> {
        row.get(at)
    }
    fn same(old: &String, r: &SkpRec) -> bool {
        old == r.predikat.code()
    }
    fn value(r: &SkpRec) -> String {
        r.predikat.code().to_string()
    }
    fn own_key(r: &SkpRec) -> Option<u16> {
        Some(r.tahun)
    }
    fn own_get(own: &Own, key: u16) -> Option<Option<String>> {
        let listed = own.skp.iter().find(|(t, _)| *t == key);
        Some(listed.map(|(_, p)| p.code().to_string()))
    }
    fn own_set(own: &mut Own, key: u16, r: &SkpRec, existed: bool) {
        set(&mut own.skp, key, r.predikat, existed);
    }
}

/// Competency assessments: a level per competency and date.
pub(crate) struct Competencies;

impl RecordKind for Competencies {
    type Rec = CompetencyRec;
    /// The date as `yyyymmdd`.
    type Key = (i64, Competency, u32);
    type Value = i64;
    type OwnKey = (Competency, u32);
    const TABLE: &'static str = "competency_assessment";
    const KEY_COLUMNS: &'static [&'static str] = &["kompetensi", "tanggal"];
    const VALUE_COLUMNS: &'static [&'static str] = &["level"];
    const OWN: bool = true;

    fn records(b: &Batch) -> &[CompetencyRec] {
        &b.competencies
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.competencies
    }
    fn nip(r: &CompetencyRec) -> &str {
        &r.nip
    }
    fn columns(r: &CompetencyRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        let mut buf = [0u8; 10];
        put(&r.competency.code())?;
        put(&date_text(r.tanggal, &mut buf))?;
        put(&r.level)
    }
    fn key(id: i64, r: &CompetencyRec) -> Option<Self::Key> {
        date_key_of(r.tanggal).map(|d| (id, r.competency, d))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<Self::Key>> {
        Ok(match (read_competency(row, 1)?, read_date(row, 2)?) {
            (Some(c), Some(d)) => Some((row.get(0)?, c, d)),
            _ => None,
        })
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<i64> {
        row.get(at)
    }
    fn same(old: &i64, r: &CompetencyRec) -> bool {
        *old == i64::from(r.level)
    }
    fn value(r: &CompetencyRec) -> i64 {
        i64::from(r.level)
    }
    fn own_key(r: &CompetencyRec) -> Option<(Competency, u32)> {
        date_key_of(r.tanggal).map(|d| (r.competency, d))
    }
    /// New (see [`Own`]).
    fn own_get(_own: &Own, _key: (Competency, u32)) -> Option<Option<i64>> {
        Some(None)
    }
    fn own_set(own: &mut Own, key: (Competency, u32), r: &CompetencyRec, existed: bool) {
        match existed {
            true => own.fallback = true,
            false => own.competency(key.0, key.1, r.level),
        }
    }
}

/// A potential assessment's kategori code, skor and metode as stored.
pub(crate) type PotentialRow = (Option<String>, Option<f64>, Option<String>);

/// Potential assessments: one per date.
pub(crate) struct Potentials;

impl RecordKind for Potentials {
    type Rec = PotentialRec;
    /// The date as `yyyymmdd`.
    type Key = (i64, u32);
    type Value = PotentialRow;
    type OwnKey = u32;
    const TABLE: &'static str = "potential_assessment";
    const KEY_COLUMNS: &'static [&'static str] = &["tanggal"];
    const VALUE_COLUMNS: &'static [&'static str] = &["kategori", "skor", "metode"];
    const OWN: bool = true;

    fn records(b: &Batch) -> &[PotentialRec] {
        &b.potentials
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.potentials
    }
    fn nip(r: &PotentialRec) -> &str {
        &r.nip
    }
    fn columns(r: &PotentialRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        let mut buf = [0u8; 10];
        put(&date_text(r.tanggal, &mut buf))?;
        put(&potensi_code(r.kategori))?;
        put(&r.skor)?;
        put(&r.metode.as_deref())
    }
    fn key(id: i64, r: &PotentialRec) -> Option<(i64, u32)> {
        date_key_of(r.tanggal).map(|d| (id, d))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<(i64, u32)>> {
        Ok(match read_date(row, 1)? {
            Some(d) => Some((row.get(0)?, d)),
            None => None,
        })
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<PotentialRow> {
        Ok((row.get(at)?, row.get(at + 1)?, row.get(at + 2)?))
    }
    fn same(old: &PotentialRow, r: &PotentialRec) -> bool {
        old.0.as_deref() == potensi_code(r.kategori)
            && old.1 == r.skor
            && old.2.as_deref() == r.metode.as_deref()
    }
    fn value(r: &PotentialRec) -> PotentialRow {
        (
            potensi_code(r.kategori).map(str::to_string),
            r.skor,
            r.metode.as_deref().map(str::to_string),
        )
    }
    fn own_key(r: &PotentialRec) -> Option<u32> {
        date_key_of(r.tanggal)
    }
    /// New (see [`Own`]).
    fn own_get(_own: &Own, _key: u32) -> Option<Option<PotentialRow>> {
        Some(None)
    }
    fn own_set(own: &mut Own, key: u32, r: &PotentialRec, existed: bool) {
        match existed {
            true => own.fallback = true,
            false => own.potential(key, r.kategori, r.skor),
        }
    }
}

/// Training: the JP of a run of a course in a year.
pub(crate) struct Trainings;

impl RecordKind for Trainings {
    type Rec = TrainingRec;
    /// Employee, tahun, nama, urutan.
    type Key = (i64, i64, String, i64);
    /// JP and the start date as stored.
    type Value = (i64, Option<String>);
    /// Tahun.
    type OwnKey = u16;
    const TABLE: &'static str = "training";
    const KEY_COLUMNS: &'static [&'static str] = &["tahun", "nama_pelatihan", "urutan"];
    const VALUE_COLUMNS: &'static [&'static str] = &["jp", "tanggal_mulai"];
    const OWN: bool = true;

    fn records(b: &Batch) -> &[TrainingRec] {
        &b.trainings
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.trainings
    }
    fn nip(r: &TrainingRec) -> &str {
        &r.nip
    }
    fn columns(r: &TrainingRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        put(&r.tahun)?;
        put(&r.nama.as_str())?;
        put(&r.urutan)?;
        put(&r.jp)?;
        let mut buf = [0u8; 10];
        put(&r.start.map(|d| date_text(d, &mut buf)))
    }
    fn key(id: i64, r: &TrainingRec) -> Option<Self::Key> {
        Some((
            id,
            i64::from(r.tahun),
            r.nama.to_string(),
            i64::from(r.urutan),
        ))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<Self::Key>> {
        Ok(Some((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<Self::Value> {
        Ok((row.get(at)?, row.get(at + 1)?))
    }
    fn same(old: &Self::Value, r: &TrainingRec) -> bool {
        *old == Self::value(r)
    }
    fn value(r: &TrainingRec) -> Self::Value {
        (i64::from(r.jp), date_opt(r.start))
    }
    fn own_key(r: &TrainingRec) -> Option<u16> {
        Some(r.tahun)
    }
    /// New (see [`Own`]).
    fn own_get(_own: &Own, _key: u16) -> Option<Option<Self::Value>> {
        Some(None)
    }
    fn own_set(own: &mut Own, key: u16, r: &TrainingRec, existed: bool) {
        match existed {
            true => own.fallback = true,
            false => own.training(key, r.jp),
        }
    }
}

/// A date as stored, or `None`.
fn date_opt(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// A position history row's values: jabatan, tingkat, unit, tmt_selesai.
pub(crate) type HistoryRow = (String, String, Option<String>, Option<String>);

/// Position history: a post per employee and start date.
pub(crate) struct Histories;

impl RecordKind for Histories {
    type Rec = HistoryRec;
    /// The start date as `yyyymmdd`.
    type Key = (i64, u32);
    type Value = HistoryRow;
    type OwnKey = ();
    const TABLE: &'static str = "position_history";
    const KEY_COLUMNS: &'static [&'static str] = &["tmt_mulai"];
    const VALUE_COLUMNS: &'static [&'static str] =
        &["jabatan", "tingkat_jabatan", "unit_kerja", "tmt_selesai"];

    fn records(b: &Batch) -> &[HistoryRec] {
        &b.histories
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.histories
    }
    fn nip(r: &HistoryRec) -> &str {
        &r.nip
    }
    fn columns(r: &HistoryRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        let (mut a, mut b) = ([0u8; 10], [0u8; 10]);
        put(&date_text(r.start, &mut a))?;
        put(&r.jabatan.as_str())?;
        put(&r.tingkat.label())?;
        put(&r.unit.as_deref())?;
        put(&r.end.map(|d| date_text(d, &mut b)))
    }
    fn key(id: i64, r: &HistoryRec) -> Option<Self::Key> {
        date_key_of(r.start).map(|d| (id, d))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<Self::Key>> {
        Ok(match read_date(row, 1)? {
            Some(d) => Some((row.get(0)?, d)),
            None => None,
        })
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<HistoryRow> {
        Ok((
            row.get(at)?,
            row.get(at + 1)?,
            row.get(at + 2)?,
            row.get(at + 3)?,
        ))
    }
    fn same(old: &HistoryRow, r: &HistoryRec) -> bool {
        *old == Self::value(r)
    }
    fn value(r: &HistoryRec) -> HistoryRow {
        (
            r.jabatan.to_string(),
            r.tingkat.label().to_string(),
            r.unit.as_deref().map(str::to_string),
            date_opt(r.end),
        )
    }
}

/// A penalty row's values: jenis, tmt_selesai.
pub(crate) type PenaltyRow = (Option<String>, Option<String>);

/// Disciplinary penalties: one per employee, TMT and level.
pub(crate) struct Penalties;

impl RecordKind for Penalties {
    type Rec = PenaltyRec;
    /// The TMT as `yyyymmdd`.
    type Key = (i64, u32, PenaltyLevel);
    type Value = PenaltyRow;
    type OwnKey = ();
    const TABLE: &'static str = "penalty";
    const KEY_COLUMNS: &'static [&'static str] = &["tmt", "tingkat"];
    const VALUE_COLUMNS: &'static [&'static str] = &["jenis", "tmt_selesai"];

    fn records(b: &Batch) -> &[PenaltyRec] {
        &b.penalties
    }
    fn counts(s: &mut WriteSummary) -> &mut Counts {
        &mut s.penalties
    }
    fn nip(r: &PenaltyRec) -> &str {
        &r.nip
    }
    fn columns(r: &PenaltyRec, put: &mut Put<'_>) -> rusqlite::Result<()> {
        let (mut a, mut b) = ([0u8; 10], [0u8; 10]);
        put(&date_text(r.start, &mut a))?;
        put(&r.level.code())?;
        put(&r.jenis.as_deref())?;
        put(&r.end.map(|d| date_text(d, &mut b)))
    }
    fn key(id: i64, r: &PenaltyRec) -> Option<Self::Key> {
        date_key_of(r.start).map(|d| (id, d, r.level))
    }
    fn read_key(row: &Row<'_>) -> rusqlite::Result<Option<Self::Key>> {
        let level = row.get_ref(2)?.as_str().ok().and_then(PenaltyLevel::parse);
        Ok(match (read_date(row, 1)?, level) {
            (Some(d), Some(l)) => Some((row.get(0)?, d, l)),
            _ => None,
        })
    }
    fn read_value(row: &Row<'_>, at: usize) -> rusqlite::Result<PenaltyRow> {
        Ok((row.get(at)?, row.get(at + 1)?))
    }
    fn same(old: &PenaltyRow, r: &PenaltyRec) -> bool {
        *old == Self::value(r)
    }
    fn value(r: &PenaltyRec) -> PenaltyRow {
        (r.jenis.as_deref().map(str::to_string), date_opt(r.end))
    }
}

/// `import_meta`'s key for "a disiplin file was imported".
const DISIPLIN_IMPORTED: &str = "disiplin_imported";

/// Record that the agency's penalties are on record (a disiplin file was
/// imported, or the demo wrote its penalties): from now on an employee
/// without penalty rows has none. In the caller's transaction.
pub fn mark_penalties_known(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO import_meta (key, value) VALUES (?1, '1')
         ON CONFLICT(key) DO NOTHING",
        [DISIPLIN_IMPORTED],
    )
    .map(|_| ())
}

/// Whether a disiplin file was ever imported (see [`mark_penalties_known`]).
pub fn penalties_known(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM import_meta WHERE key = ?1")?
        .query_row([DISIPLIN_IMPORTED], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// Whether the database has an employee with this NIP.
pub fn has_employee(conn: &Connection, nip: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM employee WHERE nip = ?1")?
        .query_row([nip], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// Whether the database has a position with this code.
pub fn has_position(conn: &Connection, kode: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM position WHERE kode = ?1")?
        .query_row([kode], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}
