//! Turning one row of one kind of file into a validated record, reusing the
//! domain's parsers. A row gives its record only when it has no problem; its
//! key (for duplicate checks) and references (for the pool check) are given
//! whenever their own columns are valid, so that every problem is found in one go.

use super::columns::{ColumnMap, Field, FileKind};
use super::forms;
use super::names::{NameId, Names};
use super::problem::{Problem, ProblemKind};
use super::source::{excel_serial_date, Cell, SourceRow};
use crate::domain::career::PenaltyLevel;
use crate::domain::krs::Kategori;
use crate::domain::{
    dates, nip, Competency, Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat,
};
use crate::store::records::{
    CompetencyRec, EmployeeRec, HistoryRec, PenaltyRec, PositionRec, PotentialRec, RequirementRec,
    SkpRec, Text, TrainingRec,
};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The first year a `tahun` may be.
pub const FIRST_YEAR: i32 = 2000;

/// A validated record of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Employee(EmployeeRec),
    Skp(SkpRec),
    Competency(CompetencyRec),
    Potential(PotentialRec),
    Training(TrainingRec),
    History(HistoryRec),
    Penalty(PenaltyRec),
    Position(PositionRec),
    Requirement(RequirementRec),
}

/// What makes a row unique within an import (the store's natural keys),
/// with NIPs, codes and training names as numbers of the import's [`Names`].
/// A training's key may repeat (two runs of one course in a year): the
/// repeats are numbered, not refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Employee(NameId),
    Skp(NameId, u16),
    Competency(NameId, Competency, NaiveDate),
    Potential(NameId, NaiveDate),
    Training(NameId, u16, NameId),
    History(NameId, NaiveDate),
    Penalty(NameId, NaiveDate, PenaltyLevel),
    Position(NameId),
    Requirement(NameId, Competency),
}

/// Something a row refers to: an employee by NIP (named in the file's NIP
/// column) or a position by code (its `kode_jabatan` column), as a number of
/// the import's [`Names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Employee(NameId),
    Position(NameId),
}

impl Target {
    /// The column that names the target.
    pub fn field(self) -> Field {
        match self {
            Target::Employee(_) => Field::Nip,
            Target::Position(_) => Field::KodeJabatan,
        }
    }
}

/// One parsed row.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRow {
    pub line: u64,
    /// `Some` only when the row itself has no problem.
    pub record: Option<Record>,
    pub key: Option<Key>,
    /// The key's fields, for [`key_columns`] and [`key_value`].
    pub key_fields: &'static [Field],
    pub reference: Option<Target>,
    pub problems: Vec<Problem>,
}

/// The key's columns as the header names them (`nip, tahun`).
pub fn key_columns(cols: &ColumnMap, fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| cols.name(*f))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The key's cells as the row writes them (`198609262015051001, 2023`).
pub fn key_value(cols: &ColumnMap, row: &SourceRow, fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| raw_text(cols, row, *f))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parse a row of a file of `kind` whose header gave `cols`; `names` gives
/// the numbers of the NIPs, codes and names in its key and reference;
/// `month_first` the columns (by place) where some date can only be month
/// first (see [`month_first_columns`]).
pub fn parse_row(
    kind: FileKind,
    cols: &ColumnMap,
    row: &SourceRow,
    file: &str,
    current_year: i32,
    names: &mut Names,
    month_first: &[usize],
) -> ParsedRow {
    let mut r = Row::new(cols, row, file, names);
    r.month_first = month_first;
    if row.issues.iter().any(|i| i.col.is_none()) {
        // The cells are not where the header says (a value with an unquoted
        // separator): problems about them would mislead, so that one is all.
        return ParsedRow {
            line: row.line,
            record: None,
            key: None,
            key_fields: &[],
            reference: None,
            problems: r.problems,
        };
    }
    let years = FIRST_YEAR..=current_year.max(FIRST_YEAR);
    let (record, key, key_fields, reference) = match kind {
        FileKind::Pegawai => employee(&mut r),
        FileKind::Kinerja => skp(&mut r, years),
        FileKind::Kompetensi => competency(&mut r),
        FileKind::Potensi => potential(&mut r),
        FileKind::Pelatihan => training(&mut r, years),
        FileKind::Jabatan => position(&mut r),
        FileKind::SyaratJabatan => requirement(&mut r),
        FileKind::RiwayatJabatan => history(&mut r),
        FileKind::Disiplin => penalty(&mut r),
    };
    let record = if r.problems.is_empty() { record } else { None };
    ParsedRow {
        line: row.line,
        record,
        key,
        key_fields,
        reference,
        problems: r.problems,
    }
}

type Parsed = (
    Option<Record>,
    Option<Key>,
    &'static [Field],
    Option<Target>,
);

fn employee(r: &mut Row<'_>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let nama = r.text(Field::Nama, true).map(|n| {
        let before = r.text(Field::GelarDepan, false);
        let after = r.text(Field::GelarBelakang, false);
        Text::from(forms::compose_name(before.as_deref(), &n, after.as_deref()))
    });
    let sex = r.value(Field::JenisKelamin, true, Sex::parse, ProblemKind::Sex);
    let birth = r.date(Field::TanggalLahir, true);
    let before = r.problems.len();
    let status = r.value(Field::Status, false, status, ProblemKind::Status);
    let status_ok = r.problems.len() == before;
    let status = status.unwrap_or(Status::Pns);
    let golongan = r.value(
        Field::Golongan,
        true,
        Golongan::parse,
        ProblemKind::Golongan,
    );
    if let (true, Some(g)) = (status_ok, golongan) {
        if g.is_pppk() != (status == Status::Pppk) {
            let v = r.raw_text(Field::Golongan);
            r.report(Field::Golongan, ProblemKind::GolonganStatus { status }, v);
        }
    }
    let jabatan = r.text(Field::Jabatan, true);
    let tingkat = r.tier();
    let unit = r.text(Field::UnitKerja, true);
    let instansi = r.text(Field::Instansi, false);
    let pendidikan = r.value(Field::Pendidikan, true, pendidikan, ProblemKind::Pendidikan);
    let tmt_jabatan = r.date(Field::TmtJabatan, false);
    let key = r.name(&nip).map(Key::Employee);
    let rec = (|| {
        Some(Record::Employee(EmployeeRec {
            nip: nip?,
            nama: nama?,
            sex: sex?,
            birth: birth?,
            status,
            golongan: golongan?,
            jabatan: jabatan?,
            tingkat: tingkat?,
            unit: unit?,
            instansi,
            pendidikan: pendidikan?,
            tmt_jabatan,
        }))
    })();
    (rec, key, &[Field::Nip], None)
}

fn skp(r: &mut Row<'_>, years: std::ops::RangeInclusive<i32>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let tahun = r.year(Field::Tahun, years);
    let predikat = r.value(
        Field::Predikat,
        true,
        Predikat::parse,
        ProblemKind::Predikat,
    );
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = nip_id.zip(tahun).map(|(n, t)| Key::Skp(n, t));
    let rec = (|| {
        Some(Record::Skp(SkpRec {
            nip: nip?,
            tahun: tahun?,
            predikat: predikat?,
        }))
    })();
    (rec, key, &[Field::Nip, Field::Tahun], reference)
}

fn competency(r: &mut Row<'_>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let comp = r.value(
        Field::Kompetensi,
        true,
        Competency::parse,
        ProblemKind::Kompetensi,
    );
    let level = r.level(Field::Level);
    let tanggal = r.date(Field::Tanggal, true);
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = match (nip_id, comp, tanggal) {
        (Some(n), Some(c), Some(t)) => Some(Key::Competency(n, c, t)),
        _ => None,
    };
    let rec = (|| {
        Some(Record::Competency(CompetencyRec {
            nip: nip?,
            competency: comp?,
            level: level?,
            tanggal: tanggal?,
        }))
    })();
    (
        rec,
        key,
        &[Field::Nip, Field::Kompetensi, Field::Tanggal],
        reference,
    )
}

fn potential(r: &mut Row<'_>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let tanggal = r.date(Field::Tanggal, true);
    let before = r.problems.len();
    let kategori = r.value(
        Field::Kategori,
        false,
        Potensi::parse,
        ProblemKind::Kategori,
    );
    let skor = r.skor(Field::Skor);
    let metode = r.text(Field::Metode, false);
    if r.problems.len() == before && kategori.is_none() && skor.is_none() {
        let column = [Field::Kategori, Field::Skor]
            .into_iter()
            .filter(|f| r.cols.get(*f).is_some())
            .map(|f| r.cols.name(f).to_string())
            .collect::<Vec<_>>()
            .join("/");
        r.problems.push(Problem::new(
            r.file,
            r.src.line,
            &column,
            ProblemKind::KategoriOrSkor,
            "",
        ));
    }
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = nip_id.zip(tanggal).map(|(n, t)| Key::Potential(n, t));
    let rec = (|| {
        Some(Record::Potential(PotentialRec {
            nip: nip?,
            tanggal: tanggal?,
            kategori,
            skor,
            metode,
        }))
    })();
    (rec, key, &[Field::Nip, Field::Tanggal], reference)
}

fn training(r: &mut Row<'_>, years: std::ops::RangeInclusive<i32>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let tahun = r.year(Field::Tahun, years);
    let nama = r.text(Field::NamaPelatihan, true);
    let jp = r.whole(Field::Jp, 0..=u32::MAX, ProblemKind::Jp);
    let start = r.date(Field::TanggalMulai, false);
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = match (nip_id, tahun, r.name(&nama)) {
        (Some(n), Some(t), Some(p)) => Some(Key::Training(n, t, p)),
        _ => None,
    };
    let rec = (|| {
        Some(Record::Training(TrainingRec {
            nip: nip?,
            tahun: tahun?,
            nama: nama?,
            // Numbered by `Checks::row`.
            urutan: 1,
            jp: jp?,
            start,
        }))
    })();
    (
        rec,
        key,
        &[Field::Nip, Field::Tahun, Field::NamaPelatihan],
        reference,
    )
}

fn history(r: &mut Row<'_>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let jabatan = r.text(Field::Jabatan, true);
    let tingkat = r.value(Field::TingkatJabatan, true, tingkat, ProblemKind::Tingkat);
    let unit = r.text(Field::UnitKerja, false);
    let start = r.date(Field::TmtMulai, true);
    let end = r.end_date(Field::TmtMulai, start);
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = nip_id.zip(start).map(|(n, d)| Key::History(n, d));
    let rec = (|| {
        Some(Record::History(HistoryRec {
            nip: nip?,
            jabatan: jabatan?,
            tingkat: tingkat?,
            unit,
            start: start?,
            end,
        }))
    })();
    (rec, key, &[Field::Nip, Field::TmtMulai], reference)
}

fn penalty(r: &mut Row<'_>) -> Parsed {
    let nip = r.nip(Field::Nip, true);
    let level = r.value(
        Field::TingkatHukuman,
        true,
        PenaltyLevel::parse,
        ProblemKind::PenaltyLevel,
    );
    let jenis = r.text(Field::JenisHukuman, false);
    let start = r.date(Field::Tmt, true);
    let end = r.end_date(Field::Tmt, start);
    // The NIP's number, for the reference and the key.
    let nip_id = r.name(&nip);
    let reference = nip_id.map(Target::Employee);
    let key = match (nip_id, start, level) {
        (Some(n), Some(d), Some(l)) => Some(Key::Penalty(n, d, l)),
        _ => None,
    };
    let rec = (|| {
        Some(Record::Penalty(PenaltyRec {
            nip: nip?,
            level: level?,
            jenis,
            start: start?,
            end,
        }))
    })();
    (
        rec,
        key,
        &[Field::Nip, Field::Tmt, Field::TingkatHukuman],
        reference,
    )
}

fn position(r: &mut Row<'_>) -> Parsed {
    let kode = r.text(Field::Kode, true);
    let nama = r.text(Field::NamaJabatan, true);
    let tingkat = r.value(Field::TingkatJabatan, true, tingkat, ProblemKind::Tingkat);
    let unit = r.text(Field::UnitKerja, true);
    let vacant = r.value(
        Field::PositionStatus,
        true,
        vacant,
        ProblemKind::PositionStatus,
    );
    let holder = r.nip(Field::PemangkuNip, false);
    // Without the column (an older file) the stored kategori is kept.
    let kategori = r.cols.get(Field::Kategori).is_some().then(|| {
        r.value(
            Field::Kategori,
            false,
            Kategori::parse,
            ProblemKind::PositionKategori,
        )
    });
    let key = r.name(&kode).map(Key::Position);
    let rec = (|| {
        Some(Record::Position(PositionRec {
            kode: kode?.into(),
            nama: nama?.into(),
            tingkat: tingkat?,
            unit: unit?.into(),
            vacant: vacant?,
            holder_nip: holder.map(String::from),
            kategori,
        }))
    })();
    (rec, key, &[Field::Kode], None)
}

fn requirement(r: &mut Row<'_>) -> Parsed {
    let kode = r.text(Field::KodeJabatan, true);
    let comp = r.value(
        Field::Kompetensi,
        true,
        Competency::parse,
        ProblemKind::Kompetensi,
    );
    let level = r.level(Field::Level);
    let kode_id = r.name(&kode);
    let reference = kode_id.map(Target::Position);
    let key = kode_id.zip(comp).map(|(k, c)| Key::Requirement(k, c));
    let rec = (|| {
        Some(Record::Requirement(RequirementRec {
            kode: kode?.into(),
            competency: comp?,
            level: level?,
        }))
    })();
    (
        rec,
        key,
        &[Field::KodeJabatan, Field::Kompetensi],
        reference,
    )
}

// ---- lenient readings of what exports write, on top of the domain parsers ----

/// `PNS`/`PPPK`; also SIASN's `PNS Daerah`, `PPPK Pusat`... by their first word.
fn status(s: &str) -> Option<Status> {
    Status::parse(s).or_else(|| s.split_whitespace().next().and_then(Status::parse))
}

/// A tier; also SIASN's `Jabatan Fungsional Tertentu` without its `Jabatan`.
fn tingkat(s: &str) -> Option<Tingkat> {
    Tingkat::parse(s).or_else(|| {
        let t = s.trim();
        t.get(..8)
            .filter(|p| p.eq_ignore_ascii_case("jabatan "))
            .and_then(|_| Tingkat::parse(&t[8..]))
    })
}

/// An education level; also SIASN's `S-1/Sarjana`, `D-III/Diploma III` by
/// the part before `/`, and the words exports use (`Diploma III`, `Sarjana`).
fn pendidikan(s: &str) -> Option<Pendidikan> {
    forms::pendidikan(s)
}

/// jabatan.csv status: `lowong` (vacant) is true, `terisi` (filled) false.
fn vacant(s: &str) -> Option<bool> {
    match crate::domain::squash(s).as_str() {
        "lowong" | "kosong" | "vacant" => Some(true),
        "terisi" | "isi" | "filled" => Some(false),
        _ => None,
    }
}

/// A score 0..=100 written with a decimal point or a decimal comma (`87,5`),
/// optionally followed by `%`.
pub fn decimal(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let mut seps = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => {}
            '.' | ',' => seps += 1,
            _ => return None,
        }
    }
    if seps > 1 || !t.starts_with(|c: char| c.is_ascii_digit()) || t.ends_with(['.', ',']) {
        return None;
    }
    t.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
}

/// A number in a spreadsheet's scientific notation (`1.98609E+17`, `1,98609E+17`).
fn scientific(s: &str) -> bool {
    let t = s.trim();
    let Some((mantissa, exp)) = t.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !exp.is_empty() && exp.bytes().all(|b| b.is_ascii_digit()) && decimal(mantissa).is_some()
}

/// A whole number written as digits only (no sign, no decimal part).
pub fn whole_number(s: &str) -> Option<u64> {
    let t = s.trim();
    if t.is_empty() || t.len() > 18 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// The columns (by place) of which some text value is a date that can only
/// be month first (`01/22/1971`): add each row's cells to it.
pub fn month_first_columns(cells: &[Cell], found: &mut Vec<usize>) {
    for (i, c) in cells.iter().enumerate() {
        if let Cell::Text(t) = c {
            if !found.contains(&i) && forms::day_month(t) == Some(forms::DayMonth::MonthFirstOnly) {
                found.push(i);
            }
        }
    }
}

/// One cell's value for a field, or why there is none.
enum Got<'a> {
    /// No column, or an empty cell.
    Missing,
    /// The cell has a problem already reported (bad bytes, too long).
    Reported,
    Cell(&'a Cell),
}

/// A row being parsed: its cells by field, and the problems found so far.
struct Row<'a> {
    cols: &'a ColumnMap,
    src: &'a SourceRow,
    file: &'a str,
    names: &'a mut Names,
    problems: Vec<Problem>,
    /// Columns where some date can only be month first.
    month_first: &'a [usize],
}

impl<'a> Row<'a> {
    fn new(
        cols: &'a ColumnMap,
        src: &'a SourceRow,
        file: &'a str,
        names: &'a mut Names,
    ) -> Row<'a> {
        let problems = src
            .issues
            .iter()
            .map(|i| {
                let column = i.col.map(|c| cols.name_at(c)).unwrap_or("");
                Problem::new(file, src.line, column, i.kind.clone(), &i.value)
            })
            .collect();
        Row {
            cols,
            src,
            file,
            names,
            problems,
            month_first: &[],
        }
    }

    /// The number of a parsed NIP, code or name.
    fn name(&mut self, s: &Option<Text>) -> Option<NameId> {
        s.as_deref().map(|s| self.names.id(s))
    }

    fn got(&self, f: Field) -> Got<'a> {
        let Some(i) = self.cols.get(f) else {
            return Got::Missing;
        };
        if self.src.issues.iter().any(|x| x.col == Some(i)) {
            return Got::Reported;
        }
        match self.src.cells.get(i) {
            None | Some(Cell::Empty) => Got::Missing,
            Some(c) => Got::Cell(c),
        }
    }

    fn report(&mut self, f: Field, kind: ProblemKind, value: impl AsRef<str>) {
        let p = Problem::new(self.file, self.src.line, self.cols.name(f), kind, value);
        self.problems.push(p);
    }

    /// The cell as text, for quoting in problems and keys.
    fn raw_text(&self, f: Field) -> Cow<'a, str> {
        raw_text(self.cols, self.src, f)
    }

    /// The cell as text (blanks folded), or `None` after reporting why not.
    fn str_value(&mut self, f: Field, required: bool) -> Option<Cow<'a, str>> {
        match self.got(f) {
            Got::Missing => {
                if required {
                    self.report(f, ProblemKind::Required, "");
                }
                None
            }
            Got::Reported => None,
            Got::Cell(Cell::Error(e)) => {
                let e = e.clone();
                self.report(f, ProblemKind::CellError, e);
                None
            }
            Got::Cell(c) => Some(cell_text(c)),
        }
    }

    /// Free text: runs of blanks and line breaks become one space.
    fn text(&mut self, f: Field, required: bool) -> Option<Text> {
        self.str_value(f, required).map(|s| fold_blanks(&s))
    }

    /// A value read by a domain parser.
    fn value<T>(
        &mut self,
        f: Field,
        required: bool,
        parse: impl Fn(&str) -> Option<T>,
        kind: ProblemKind,
    ) -> Option<T> {
        let s = self.str_value(f, required)?;
        let v = parse(&s);
        if v.is_none() {
            self.report(f, kind, &s);
        }
        v
    }

    fn nip(&mut self, f: Field, required: bool) -> Option<Text> {
        if let Got::Cell(Cell::Number(n)) = self.got(f) {
            let shown = as_spreadsheet_shows(*n);
            self.report(f, ProblemKind::NipAsNumber, shown);
            return None;
        }
        let s = self.str_value(f, required)?;
        let typed = forms::nip_text(&s);
        match nip::parse(&typed) {
            // A NIP's sequence number starts at 001: `...000` is what a
            // spreadsheet leaves of a NIP it kept as a 15-digit number.
            Ok(p) if p.sequence == 0 => {
                self.report(f, ProblemKind::NipAsNumber, &s);
                None
            }
            Ok(_) => Some(Text::from(typed)),
            // A spreadsheet showed the NIP as a number and saved it so (`1.98609E+17`).
            Err(_) if scientific(&s) => {
                self.report(f, ProblemKind::NipAsNumber, &s);
                None
            }
            Err(e) => {
                self.report(f, ProblemKind::Nip(e), &s);
                None
            }
        }
    }

    fn date(&mut self, f: Field, required: bool) -> Option<NaiveDate> {
        let parsed = match self.got(f) {
            Got::Cell(Cell::Date(d)) => return Some(*d),
            Got::Cell(Cell::Number(n)) => excel_serial_date(*n),
            _ => None,
        };
        let s = self.str_value(f, required)?;
        let month_first = self
            .cols
            .get(f)
            .is_some_and(|i| self.month_first.contains(&i));
        if parsed.is_none()
            && month_first
            && forms::day_month(&s) == Some(forms::DayMonth::Ambiguous)
        {
            self.report(f, ProblemKind::DateMonthFirst, &s);
            return None;
        }
        let d = parsed
            .or_else(|| dates::parse(&s))
            .or_else(|| forms::date(&s));
        if d.is_none() {
            self.report(f, ProblemKind::Date, &s);
        }
        d
    }

    /// The optional `tmt_selesai` of a span starting on `start` (read from
    /// `start_field`): a date not before the start.
    fn end_date(&mut self, start_field: Field, start: Option<NaiveDate>) -> Option<NaiveDate> {
        let end = self.date(Field::TmtSelesai, false)?;
        if start.is_some_and(|s| end < s) {
            let start = self.raw_text(start_field).into_owned();
            let v = self.raw_text(Field::TmtSelesai);
            self.report(Field::TmtSelesai, ProblemKind::EndsBeforeStart { start }, v);
        }
        Some(end)
    }

    /// A whole number in `range`; xlsx numbers count when they have no fraction.
    fn whole(
        &mut self,
        f: Field,
        range: std::ops::RangeInclusive<u32>,
        kind: ProblemKind,
    ) -> Option<u32> {
        let n = match self.got(f) {
            Got::Cell(Cell::Number(n)) => {
                let n = *n;
                (n.is_finite() && n.fract() == 0.0 && n >= 0.0 && n <= f64::from(u32::MAX))
                    .then_some(n as u64)
            }
            _ => None,
        };
        let s = self.str_value(f, true)?;
        let v = n
            .or_else(|| whole_number(&s))
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| range.contains(n));
        if v.is_none() {
            self.report(f, kind, &s);
        }
        v
    }

    fn year(&mut self, f: Field, years: std::ops::RangeInclusive<i32>) -> Option<u16> {
        let (min, max) = (*years.start(), *years.end());
        let range = min as u32..=max as u32;
        self.whole(f, range, ProblemKind::Year { min, max })
            .map(|y| y as u16)
    }

    fn level(&mut self, f: Field) -> Option<u8> {
        self.whole(f, 1..=5, ProblemKind::Level).map(|l| l as u8)
    }

    fn skor(&mut self, f: Field) -> Option<f64> {
        let n = match self.got(f) {
            Got::Cell(Cell::Number(n)) => Some(*n),
            _ => None,
        };
        let s = self.str_value(f, false)?;
        let v = n
            .or_else(|| decimal(&s))
            .filter(|v| v.is_finite() && (0.0..=100.0).contains(v));
        if v.is_none() {
            self.report(f, ProblemKind::Skor, &s);
        }
        v
    }

    /// The tier: `tingkat_jabatan` as the contract words it, or the older
    /// `Jabatan Struktural` with the tier its `Eselon` gives.
    fn tier(&mut self) -> Option<Tingkat> {
        let s = self.str_value(Field::TingkatJabatan, true)?;
        if let Some(t) = tingkat(&s) {
            return Some(t);
        }
        if !forms::is_structural(&s) {
            self.report(Field::TingkatJabatan, ProblemKind::Tingkat, &s);
            return None;
        }
        let Some(e) = self.str_value(Field::Eselon, false) else {
            if !matches!(self.got(Field::Eselon), Got::Reported | Got::Cell(_)) {
                self.report(
                    Field::TingkatJabatan,
                    ProblemKind::StructuralWithoutEselon,
                    &s,
                );
            }
            return None;
        };
        let t = forms::eselon_tier(&e);
        if t.is_none() {
            self.report(Field::Eselon, ProblemKind::Eselon, &e);
        }
        t
    }
}

/// A number as a spreadsheet shows it in a narrow column, with the 15
/// significant digits it keeps (`1.98609262015051E+17`): a NIP quoted so is
/// plainly a number, not a NIP with other digits.
fn as_spreadsheet_shows(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let e = format!("{n:.14E}");
    let (mantissa, exp) = e.split_once('E').unwrap_or((&e, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    match exp.strip_prefix('-') {
        Some(neg) => format!("{mantissa}E-{neg}"),
        None => format!("{mantissa}E+{exp}"),
    }
}

/// A field's cell as text ("" without the column or the cell).
fn raw_text<'a>(cols: &ColumnMap, src: &'a SourceRow, f: Field) -> Cow<'a, str> {
    match cols.get(f).and_then(|i| src.cells.get(i)) {
        Some(c) => cell_text(c),
        None => Cow::Borrowed(""),
    }
}

/// A cell as text: xlsx whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn cell_text(c: &Cell) -> Cow<'_, str> {
    match c {
        Cell::Empty => Cow::Borrowed(""),
        Cell::Text(s) | Cell::Error(s) => Cow::Borrowed(s),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            Cow::Owned(format!("{}", *n as i64))
        }
        Cell::Number(n) => Cow::Owned(n.to_string()),
        Cell::Date(d) => Cow::Owned(d.to_string()),
    }
}

/// Runs of blanks and line breaks as one space, none at either end.
fn fold_blanks(s: &str) -> Text {
    let b = s.as_bytes();
    // Already folded: printable ASCII with single inner spaces.
    let folded = b.iter().all(|c| (0x20..0x7f).contains(c))
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if folded {
        Text::from(s)
    } else {
        let mut out = Text::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        // A cell of many blanks folds to a few bytes: no room kept for them
        // (records wait for the writer counted by their texts' room).
        out.shrink_to_fit();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::match_header;
    use super::*;

    fn row(kind: FileKind, header: &[&str], cells: Vec<Cell>) -> ParsedRow {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let (cols, issues) = match_header(kind, &header);
        assert!(issues.is_empty(), "{issues:?}");
        let src = SourceRow {
            line: 7,
            cells,
            issues: vec![],
        };
        parse_row(kind, &cols, &src, "f.csv", 2025, &mut Names::default(), &[])
    }

    fn t(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn texts(v: &[&str]) -> Vec<Cell> {
        v.iter().map(|s| t(s)).collect()
    }

    const NIP: &str = "198609262015051001";

    #[test]
    fn blanks_fold_to_one_space_and_keep_no_room() {
        let wide = format!("a{}b", "\u{3000}".repeat(998));
        let f = fold_blanks(&wide);
        assert_eq!(f, "a b");
        assert!(!f.is_heap_allocated(), "no room kept for the blanks");
        assert_eq!(fold_blanks("  Analis \t Kebijakan\n"), "Analis Kebijakan");
        assert_eq!(fold_blanks("Analis Kebijakan"), "Analis Kebijakan");
    }

    #[test]
    fn decimal_point_or_comma() {
        assert_eq!(decimal("87,5"), Some(87.5));
        assert_eq!(decimal("87.5"), Some(87.5));
        assert_eq!(decimal("90"), Some(90.0));
        assert_eq!(decimal(" 78,25 % "), Some(78.25));
        for bad in ["", "1.234,5", "NaN", "inf", "1e2", "-5", ",5", "5,", "abc"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn nips_saved_in_scientific_notation() {
        assert!(scientific("1.98609E+17"));
        assert!(scientific("1,98609E+17"));
        assert!(scientific("2e17"));
        assert!(!scientific("198609262015051001"));
        assert!(!scientific("E+17"));
        assert!(!scientific("1.9E"));
        let p = row(
            FileKind::Kinerja,
            &["nip", "tahun", "predikat"],
            texts(&["1.98609E+17", "2023", "B"]),
        );
        assert_eq!(p.problems[0].kind, ProblemKind::NipAsNumber);
        // The same number written out in full: its last digits are zeros.
        let p = row(
            FileKind::Kinerja,
            &["nip", "tahun", "predikat"],
            texts(&["198609262015051000", "2023", "B"]),
        );
        assert_eq!(p.problems[0].kind, ProblemKind::NipAsNumber);
        assert_eq!(p.problems[0].value, "198609262015051000");
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number("40"), Some(40));
        assert_eq!(whole_number(" 0 "), Some(0));
        for bad in [
            "",
            "-1",
            "+1",
            "1.5",
            "12,0",
            "1e3",
            "9999999999999999999999",
        ] {
            assert_eq!(whole_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn lenient_siasn_values() {
        assert_eq!(status("PNS Daerah"), Some(Status::Pns));
        assert_eq!(status("PPPK"), Some(Status::Pppk));
        assert_eq!(status("Honorer"), None);
        assert_eq!(
            tingkat("Jabatan Fungsional Tertentu"),
            Some(Tingkat::Fungsional)
        );
        assert_eq!(tingkat("JPT Pratama"), Some(Tingkat::JptPratama));
        assert_eq!(tingkat("Jabatan"), None);
        assert_eq!(pendidikan("S-1/Sarjana"), Some(Pendidikan::S1));
        assert_eq!(pendidikan("D-III"), Some(Pendidikan::D3));
        assert_eq!(vacant("Lowong"), Some(true));
        assert_eq!(vacant("TERISI"), Some(false));
        assert_eq!(vacant("ada"), None);
    }

    #[test]
    fn an_employee_row() {
        let p = row(
            FileKind::Pegawai,
            &[
                "nip",
                "nama",
                "jenis_kelamin",
                "tanggal_lahir",
                "golongan",
                "jabatan",
                "tingkat_jabatan",
                "unit_kerja",
                "pendidikan",
            ],
            texts(&[
                NIP,
                "Hj. Siti Aminah,\r\nS.E.,  M.Si.",
                "P",
                "26/09/1986",
                "III.c",
                "Analis",
                "Fungsional",
                "Dinas Kesehatan",
                "S-2",
            ]),
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let Some(Record::Employee(e)) = p.record else {
            panic!("an employee record")
        };
        assert_eq!(e.nama, "Hj. Siti Aminah, S.E., M.Si.");
        assert_eq!(e.status, Status::Pns, "status defaults to PNS");
        assert_eq!(e.golongan.to_string(), "III/c");
        assert_eq!(p.key, Some(Key::Employee(0)), "the first name seen");
    }

    #[test]
    fn golongan_must_fit_status() {
        let header = [
            "nip",
            "nama",
            "jenis_kelamin",
            "tanggal_lahir",
            "status",
            "golongan",
            "jabatan",
            "tingkat_jabatan",
            "unit_kerja",
            "pendidikan",
        ];
        let mk = |status: &str, gol: &str| {
            row(
                FileKind::Pegawai,
                &header,
                texts(&[
                    NIP,
                    "A",
                    "L",
                    "1986-09-26",
                    status,
                    gol,
                    "J",
                    "Pelaksana",
                    "U",
                    "SMA",
                ]),
            )
        };
        assert!(mk("PPPK", "IX").problems.is_empty());
        assert!(mk("", "IV/a").problems.is_empty());
        let p = mk("PNS", "IX");
        assert_eq!(
            p.problems[0].kind,
            ProblemKind::GolonganStatus {
                status: Status::Pns
            }
        );
        assert_eq!(p.problems[0].column, "golongan");
        assert!(p.record.is_none());
        let p = mk("PPPK", "III/a");
        assert_eq!(
            p.problems[0].kind,
            ProblemKind::GolonganStatus {
                status: Status::Pppk
            }
        );
        let p = mk("Honorer", "III/a");
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
        assert_eq!(p.problems[0].kind, ProblemKind::Status);
    }

    #[test]
    fn xlsx_numbers_years_levels_and_nip() {
        let p = row(
            FileKind::Kompetensi,
            &["nip", "kompetensi", "level", "tanggal"],
            vec![
                t(NIP),
                t("Orientasi pada Hasil"),
                Cell::Number(4.0),
                Cell::Number(45658.0),
            ],
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let Some(Record::Competency(c)) = p.record else {
            panic!()
        };
        assert_eq!(c.level, 4);
        assert_eq!(c.tanggal, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());

        let p = row(
            FileKind::Kinerja,
            &["nip", "tahun", "predikat"],
            vec![
                Cell::Number(198609262015051001.0),
                Cell::Number(2023.5),
                t("SB"),
            ],
        );
        let kinds: Vec<_> = p.problems.iter().map(|p| p.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                ProblemKind::NipAsNumber,
                ProblemKind::Year {
                    min: 2000,
                    max: 2025
                }
            ]
        );
        assert_eq!(p.problems[0].value, "1.98609262015051E+17");
        assert_eq!(p.problems[1].value, "2023.5");
    }

    #[test]
    fn spreadsheet_error_cells() {
        let p = row(
            FileKind::Pelatihan,
            &["nip", "tahun", "nama_pelatihan", "jp"],
            vec![
                t(NIP),
                t("2024"),
                Cell::Error("#N/A".into()),
                Cell::Number(8.0),
            ],
        );
        assert_eq!(p.problems.len(), 1);
        assert_eq!(
            (
                p.problems[0].column.as_str(),
                &p.problems[0].kind,
                p.problems[0].value.as_str()
            ),
            ("nama_pelatihan", &ProblemKind::CellError, "#N/A")
        );
    }

    #[test]
    fn potensi_needs_one_of_kategori_and_skor() {
        let h = ["nip", "tanggal", "kategori", "skor"];
        let p = row(
            FileKind::Potensi,
            &h,
            texts(&[NIP, "2024-01-02", "", "87,5"]),
        );
        let Some(Record::Potential(rec)) = p.record else {
            panic!("{:?}", p.problems)
        };
        assert_eq!(rec.skor, Some(87.5));
        let p = row(FileKind::Potensi, &h, texts(&[NIP, "2024-01-02", "", ""]));
        assert_eq!(p.problems[0].kind, ProblemKind::KategoriOrSkor);
        assert_eq!(p.problems[0].column, "kategori/skor");
        let p = row(
            FileKind::Potensi,
            &h,
            texts(&[NIP, "2024-01-02", "", "100,5"]),
        );
        assert_eq!(p.problems[0].kind, ProblemKind::Skor);
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn keys_survive_other_problems() {
        let header: Vec<String> = ["nipBaru", "tahun", "predikat"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (cols, _) = match_header(FileKind::Kinerja, &header);
        let src = SourceRow {
            line: 7,
            cells: texts(&[NIP, "02023", "Luar Biasa"]),
            issues: vec![],
        };
        let mut names = Names::default();
        let p = parse_row(
            FileKind::Kinerja,
            &cols,
            &src,
            "f.csv",
            2025,
            &mut names,
            &[],
        );
        assert!(p.record.is_none());
        let nip = names.id(NIP);
        assert_eq!(p.key, Some(Key::Skp(nip, 2023)));
        assert_eq!(key_columns(&cols, p.key_fields), "nipBaru, tahun");
        assert_eq!(
            key_value(&cols, &src, p.key_fields),
            format!("{NIP}, 02023")
        );
        assert_eq!(p.reference, Some(Target::Employee(nip)));
        assert_eq!(cols.name(p.reference.unwrap().field()), "nipBaru");
    }

    #[test]
    fn missing_required_cells() {
        let p = row(
            FileKind::Pelatihan,
            &["nip", "tahun", "nama_pelatihan", "jp"],
            texts(&[NIP, "2024", "", "-3"]),
        );
        let got: Vec<_> = p
            .problems
            .iter()
            .map(|p| (p.column.as_str(), p.kind.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("nama_pelatihan", ProblemKind::Required),
                ("jp", ProblemKind::Jp)
            ]
        );
    }
}
