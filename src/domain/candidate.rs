//! The in-memory talent pool: one `Candidate` per employee with everything the
//! filter language, the table and the 9-box need, loaded once from the store.

use super::calibration::{Calibration, CalibrationStatus};
use super::career::{Career, Penalty};
use super::competency::Competency;
use super::dates::{retirement_date, whole_years};
use super::education::Pendidikan;
use super::eligibility::Jenjang;
use super::grade::Golongan;
use super::nine_box::Potensi;
use super::predikat::Predikat;
use super::rules::Rules;
use super::search::SearchIndex;
use super::tier::Tingkat;
use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::Serialize;
use smallvec::SmallVec;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Sex {
    #[serde(rename = "L")]
    L,
    #[serde(rename = "P")]
    P,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::L => "L",
            Sex::P => "P",
        }
    }
    /// `L`/`P`, `Laki-laki`/`Perempuan`, `M`/`F`, `1`/`2`, any case.
    pub fn parse(s: &str) -> Option<Sex> {
        match super::squash(s).as_str() {
            "l" | "lakilaki" | "pria" | "m" | "male" | "1" => Some(Sex::L),
            "p" | "perempuan" | "wanita" | "f" | "female" | "2" => Some(Sex::P),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pns,
    Pppk,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pns => "PNS",
            Status::Pppk => "PPPK",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match super::squash(s).as_str() {
            "pns" | "cpns" => Some(Status::Pns),
            "pppk" => Some(Status::Pppk),
            _ => None,
        }
    }
}

/// A shared piece of text (jabatan, unit, instansi repeat across thousands of
/// employees) with its lower-case form kept for case-insensitive matching.
/// One pointer wide: employees share the forms of each distinct value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(Arc<TextForms>);

/// The forms of a [`Text`].
#[derive(Debug, PartialEq, Eq)]
pub struct TextForms {
    pub text: Box<str>,
    pub lower: Box<str>,
    /// The jenjang the text names when it is a functional post's title
    /// ([`Jenjang::of_title`]), read once per distinct value: the shortlist
    /// asks it of every functional candidate.
    pub jenjang: Jenjang,
}

impl Text {
    pub fn new(s: &str) -> Text {
        Text(Arc::new(TextForms {
            text: s.into(),
            lower: super::fold::lower(s).into(),
            jenjang: Jenjang::of_title(s),
        }))
    }
    pub fn as_str(&self) -> &str {
        &self.0.text
    }
    /// The same for every copy of this `Text` (not for an equal text made
    /// separately): a cheap key for numbering the distinct texts of a pool.
    pub fn shared_id(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl std::ops::Deref for Text {
    type Target = TextForms;
    fn deref(&self) -> &TextForms {
        &self.0
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// A person's name as written: up to 24 bytes inline (no allocation for most
/// names), matched and ordered case-insensitively by folding on the fly
/// ([`super::fold`]) rather than keeping a lower-case copy per employee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Name(CompactString);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(CompactString::new(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(CompactString::from(s))
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Yearly SKP predikat (four years fit without an allocation).
pub type SkpYears = SmallVec<[(u16, Predikat); 4]>;
/// Yearly training lesson hours (four years fit without an allocation).
pub type JpYears = SmallVec<[(u16, u32); 4]>;

/// One employee as the committee sees them.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The store's employee id.
    pub id: i64,
    /// Inline (18 digits fit without an allocation).
    pub nip: CompactString,
    pub nama: Name,
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
    /// Yearly SKP predikat, ascending by year.
    pub skp: SkpYears,
    /// Latest assessed level per competency (`Competency::index`); 0 = never assessed.
    pub competency: [u8; 9],
    /// Potensi of the latest potential assessment.
    pub potensi: Option<Potensi>,
    /// Its score, when the assessment gave one.
    pub potensi_score: Option<f32>,
    /// Training lesson hours (JP) per year, ascending by year.
    pub training: JpYears,
    /// The 9-box in effect: computed with the pool's rules at load, or the
    /// box agreed in a talent review while that is in effect.
    pub kotak: Option<u8>,
    /// The latest talent review (calibration) of this candidate; `None` for
    /// most (one pointer).
    pub calibration: Option<Box<Calibration>>,
    /// A member of the KRS established for the as-of year (any position;
    /// set after the load, `store::krs::mark_members`).
    pub krs: bool,
    /// Position history (folded, see [`Career`]) and penalties on record:
    /// no allocation unless the employee has penalties or a long history.
    pub career: Career,
}

impl Candidate {
    /// The predikat of the latest year on record.
    pub fn latest_predikat(&self) -> Option<Predikat> {
        self.skp.last().map(|(_, p)| *p)
    }

    pub fn predikat_in(&self, year: u16) -> Option<Predikat> {
        self.skp.iter().find(|(y, _)| *y == year).map(|(_, p)| *p)
    }

    pub fn level(&self, c: Competency) -> Option<u8> {
        let l = self.competency[c.index()];
        (l > 0).then_some(l)
    }

    pub fn age(&self, as_of: NaiveDate) -> u32 {
        whole_years(self.birth, as_of)
    }

    /// Whole years in the current position; `None` without a TMT jabatan.
    pub fn tenure(&self, as_of: NaiveDate) -> Option<u32> {
        self.tmt_jabatan.map(|t| whole_years(t, as_of))
    }

    pub fn jp_in(&self, year: u16) -> u32 {
        self.training
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, jp)| *jp)
            .unwrap_or(0)
    }

    /// Lesson hours in the year before the as-of year (the filter's `jp`).
    pub fn jp(&self, as_of: NaiveDate) -> u32 {
        self.jp_in((as_of.year() - 1).clamp(0, u16::MAX as i32) as u16)
    }

    /// The disciplinary penalties on record.
    pub fn penalties(&self) -> &[Penalty] {
        self.career.penalties()
    }

    /// Retirement age (BUP) of the current post: Pasal 239, or the Law's for
    /// guru and dosen (Pasal 240; see [`Rules::bup_age`]).
    pub fn bup_age(&self, rules: &Rules) -> u32 {
        rules.bup_age(self.tingkat, &self.jabatan.text)
    }

    /// TMT pensiun: the first of the month after reaching BUP.
    pub fn retirement(&self, rules: &Rules) -> NaiveDate {
        retirement_date(self.birth, self.bup_age(rules))
    }

    /// Recompute the 9-box with a set of rules: the computed box, or the
    /// calibrated one while its calibration is in effect.
    pub fn compute_kotak(&mut self, rules: &Rules) {
        let computed = rules.kotak(self.latest_predikat(), self.potensi);
        self.kotak = match self.calibration.as_deref_mut() {
            Some(c) => {
                c.kotak_now = computed;
                c.in_effect()
            }
            None => computed,
        };
    }

    /// The box computed from the data (`kotak_hitung`), whatever was agreed.
    pub fn kotak_hitung(&self) -> Option<u8> {
        match self.calibration.as_deref() {
            Some(c) => c.kotak_now,
            None => self.kotak,
        }
    }

    /// Whether a calibration applies (`kalibrasi`: ya / usang / tidak).
    pub fn calibration_status(&self) -> CalibrationStatus {
        self.calibration
            .as_deref()
            .map_or(CalibrationStatus::None, Calibration::status)
    }
}

/// The loaded talent pool and the context its values are read in.
#[derive(Debug, Clone)]
pub struct Pool {
    pub rows: Vec<Candidate>,
    pub as_of: NaiveDate,
    pub rules: Rules,
    /// Text search structures over `rows`, built when a filter first needs them.
    pub search: SearchIndex,
    /// The rows in NIP order ([`nip_order`]), when the pool came with it (the
    /// pool snapshot keeps it): the screens' default order without a sort.
    pub nip_order: Option<Arc<[u32]>>,
}

/// The number of an 18-digit NIP; `None` for any other text.
fn nip_number(nip: &str) -> Option<u64> {
    let b = nip.as_bytes();
    if b.len() != 18 {
        return None;
    }
    b.iter().try_fold(0u64, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u64::from(d - b'0'))
    })
}

/// The rows' indices by NIP, ascending or descending (equal NIPs by row),
/// when every NIP has 18 digits, as talenta stores them; `None` otherwise.
pub fn nip_order(rows: &[Candidate], descending: bool) -> Option<Vec<u32>> {
    let key = |n: u64| if descending { u64::MAX - n } else { n };
    let mut items: Vec<(u64, u32)> = rows
        .iter()
        .zip(0u32..)
        .map(|(c, i)| Some((key(nip_number(&c.nip)?), i)))
        .collect::<Option<_>>()?;
    if !items.is_sorted() {
        items.sort_unstable();
    }
    Some(items.into_iter().map(|(_, i)| i).collect())
}

impl Pool {
    pub fn new(mut rows: Vec<Candidate>, as_of: NaiveDate, rules: Rules) -> Pool {
        for c in &mut rows {
            c.compute_kotak(&rules);
        }
        Pool {
            rows,
            as_of,
            rules,
            search: SearchIndex::default(),
            nip_order: None,
        }
    }

    /// A pool of rows whose boxes were computed with `rules` already, with
    /// those boxes as a column (`filter::code::of(ColumnId::Kotak, ..)`, one
    /// per row): no second pass over the rows.
    pub fn with_boxes(
        rows: Vec<Candidate>,
        as_of: NaiveDate,
        rules: Rules,
        boxes: Vec<u8>,
    ) -> Pool {
        let search = SearchIndex::default();
        if boxes.len() == rows.len() {
            search.preset(crate::domain::filter::ColumnId::Kotak, boxes);
        }
        Pool {
            rows,
            as_of,
            rules,
            search,
            nip_order: None,
        }
    }

    /// After the candidates of rows `which` changed (a calibration put on):
    /// their codes in the columns built so far made again.
    pub fn refresh(&mut self, which: &[usize]) {
        for id in [
            crate::domain::filter::ColumnId::Kotak,
            crate::domain::filter::ColumnId::Kalibrasi,
        ] {
            self.search.refresh(id, &self.rows, which);
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn find_nip(&self, nip: &str) -> Option<&Candidate> {
        self.rows.iter().find(|c| &*c.nip == nip)
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A candidate for unit tests across the crate.
    pub fn sample() -> Candidate {
        Candidate {
            id: 1,
            nip: "198609262015051001".into(),
            nama: "Kemas Ahmad Fauzi, S.E., M.Si.".into(),
            sex: Sex::L,
            birth: NaiveDate::from_ymd_opt(1986, 9, 26).unwrap(),
            status: Status::Pns,
            golongan: Golongan::parse("III/c").unwrap(),
            jabatan: Text::new("Kepala Seksi Kurikulum"),
            tingkat: Tingkat::Pengawas,
            unit: Text::new("Dinas Pendidikan"),
            instansi: Some(Text::new("Pemerintah Provinsi Sumatera Selatan")),
            pendidikan: Pendidikan::S2,
            tmt_jabatan: NaiveDate::from_ymd_opt(2021, 1, 4),
            skp: smallvec::smallvec![
                (2023, Predikat::Baik),
                (2024, Predikat::SangatBaik),
                (2025, Predikat::SangatBaik),
            ],
            competency: [4, 3, 3, 4, 3, 3, 2, 4, 3],
            potensi: Some(Potensi::Tinggi),
            potensi_score: Some(91.5),
            training: smallvec::smallvec![(2024, 24), (2025, 12)],
            kotak: None,
            calibration: None,
            krs: false,
            // A disiplin file imported, no penalty on record.
            career: Career::on_record(Vec::new(), Vec::new(), true),
        }
    }

    #[test]
    fn derived_values() {
        let mut c = sample();
        let on = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(c.age(on), 40);
        assert_eq!(c.tenure(on), Some(5));
        assert_eq!(c.jp(on), 12);
        assert_eq!(c.latest_predikat(), Some(Predikat::SangatBaik));
        assert_eq!(c.predikat_in(2023), Some(Predikat::Baik));
        assert_eq!(c.predikat_in(2020), None);
        c.compute_kotak(&Rules::default());
        assert_eq!(c.kotak, Some(9));
        assert_eq!(
            c.retirement(&Rules::default()),
            NaiveDate::from_ymd_opt(2044, 10, 1).unwrap()
        );
    }

    #[test]
    fn a_candidate_stays_small() {
        // The pool holds a million of these; see docs/performance.md (184 bytes
        // before issue 13's career: the folded position history, 24 bytes
        // inline instead of a boxed history per employee; then issue 14's
        // calibration pointer and KRS flag).
        assert!(
            std::mem::size_of::<Candidate>() <= 216,
            "{}",
            std::mem::size_of::<Candidate>()
        );
        assert_eq!(std::mem::size_of::<Option<Text>>(), 8);
    }

    #[test]
    fn sex_and_status_aliases() {
        assert_eq!(Sex::parse("Laki-laki"), Some(Sex::L));
        assert_eq!(Sex::parse("perempuan"), Some(Sex::P));
        assert_eq!(Sex::parse("F"), Some(Sex::P));
        assert_eq!(Sex::parse("X"), None);
        assert_eq!(Status::parse("pppk"), Some(Status::Pppk));
    }
}
