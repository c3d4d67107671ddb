//! The nine import files, their columns, and matching a header row against them.
//!
//! Header names are compared case-insensitively, ignoring blanks, `_` and `-`
//! (through [`squash`], which also ignores `.`); SIASN's camelCase names are
//! accepted as aliases.

use super::problem::ProblemKind;
use crate::domain::squash;

/// Which of the contract's files a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Pegawai,
    Jabatan,
    Kinerja,
    Kompetensi,
    Potensi,
    Pelatihan,
    SyaratJabatan,
    RiwayatJabatan,
    Disiplin,
}

impl FileKind {
    /// In processing order: employees and positions before the files that refer to them.
    pub const ALL: [FileKind; 9] = [
        FileKind::Pegawai,
        FileKind::Jabatan,
        FileKind::Kinerja,
        FileKind::Kompetensi,
        FileKind::Potensi,
        FileKind::Pelatihan,
        FileKind::SyaratJabatan,
        FileKind::RiwayatJabatan,
        FileKind::Disiplin,
    ];

    /// The contract's file name without extension (`syarat_jabatan`).
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Pegawai => "pegawai",
            FileKind::Jabatan => "jabatan",
            FileKind::Kinerja => "kinerja",
            FileKind::Kompetensi => "kompetensi",
            FileKind::Potensi => "potensi",
            FileKind::Pelatihan => "pelatihan",
            FileKind::SyaratJabatan => "syarat_jabatan",
            FileKind::RiwayatJabatan => "riwayat_jabatan",
            FileKind::Disiplin => "disiplin",
        }
    }

    /// The kind a file name says (`pegawai*`, `syarat_jabatan*`...), if any.
    /// `syarat_jabatan` is tried before `jabatan`; only the start of the name counts.
    pub fn from_file_name(name: &str) -> Option<FileKind> {
        let stem = match name.rfind('.') {
            Some(i) if i > 0 => &name[..i],
            _ => name,
        };
        let key = squash(stem);
        // Longest prefix first, so that syaratjabatan never reads as jabatan.
        let mut kinds = FileKind::ALL;
        kinds.sort_by_key(|k| std::cmp::Reverse(squash(k.code()).len()));
        kinds
            .into_iter()
            .find(|k| key.starts_with(squash(k.code()).as_str()))
    }

    /// The columns of this file.
    pub fn columns(self) -> &'static [Column] {
        match self {
            FileKind::Pegawai => PEGAWAI,
            FileKind::Jabatan => JABATAN,
            FileKind::Kinerja => KINERJA,
            FileKind::Kompetensi => KOMPETENSI,
            FileKind::Potensi => POTENSI,
            FileKind::Pelatihan => PELATIHAN,
            FileKind::SyaratJabatan => SYARAT_JABATAN,
            FileKind::RiwayatJabatan => RIWAYAT_JABATAN,
            FileKind::Disiplin => DISIPLIN,
        }
    }

    /// The kind a header row fits: every required column present. When more
    /// than one kind fits, the one matching the most columns; a tie is `None`.
    pub fn from_header(header: &[String]) -> Option<FileKind> {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let mut best: Option<(usize, FileKind)> = None;
        let mut tie = false;
        for kind in FileKind::ALL {
            let cols = kind.columns();
            let found = |c: &Column| keys.iter().any(|k| c.matches(k));
            let required_ok = cols.iter().filter(|c| c.need == Need::Required).all(found);
            let one_of: Vec<&Column> = cols.iter().filter(|c| c.need == Need::OneOf).collect();
            let one_of_ok = one_of.is_empty() || one_of.iter().any(|c| found(c));
            if !(required_ok && one_of_ok) {
                continue;
            }
            let score = cols.iter().filter(|c| found(c)).count();
            match best {
                Some((s, _)) if s > score => {}
                Some((s, _)) if s == score => tie = true,
                _ => {
                    best = Some((score, kind));
                    tie = false;
                }
            }
        }
        if tie {
            None
        } else {
            best.map(|(_, k)| k)
        }
    }
}

/// Every column any file has. `PositionStatus` is jabatan.csv's `status`
/// (lowong/terisi), unlike pegawai.csv's `status` (PNS/PPPK); `Kategori` is
/// potensi.csv's (rendah/menengah/tinggi) and jabatan.csv's (target/kritikal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Nip,
    Nama,
    JenisKelamin,
    TanggalLahir,
    Status,
    Golongan,
    Jabatan,
    TingkatJabatan,
    UnitKerja,
    Instansi,
    Pendidikan,
    TmtJabatan,
    Tahun,
    Predikat,
    Kompetensi,
    Level,
    Tanggal,
    Kategori,
    Skor,
    Metode,
    NamaPelatihan,
    Jp,
    Kode,
    NamaJabatan,
    PositionStatus,
    PemangkuNip,
    KodeJabatan,
    TmtMulai,
    TmtSelesai,
    TingkatHukuman,
    JenisHukuman,
    Tmt,
    /// pegawai: titles before the name (SIASN/SIMPEG exports keep them apart).
    GelarDepan,
    /// pegawai: titles after the name.
    GelarBelakang,
    /// pegawai: the older eselon (`II.a`...) that gives a structural post's tier.
    Eselon,
    /// pelatihan: the day a run started.
    TanggalMulai,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    /// At least one of the file's `OneOf` columns must be present (potensi: kategori, skor).
    OneOf,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub field: Field,
    /// The contract's name.
    pub name: &'static str,
    /// Other accepted names (SIASN).
    pub aliases: &'static [&'static str],
    pub need: Need,
    /// Names SIASN's and SIMPEG's own exports give the column, best first.
    /// Such an export can have two of them (`Golru` and `Golongan`, `Tk
    /// Pendidikan` and `Pendidikan`): the first listed is read, before the
    /// name and aliases, and the other is an unused column, not a problem.
    pub export: &'static [&'static str],
}

/// How a header name matched a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// One of [`Column::export`], by its place there (earlier is better).
    Export(usize),
    /// The name or an alias.
    Own,
}

impl Column {
    fn matches(&self, key: &str) -> bool {
        self.how(key).is_some()
    }

    fn how(&self, key: &str) -> Option<Match> {
        if header_key(self.name) == key || self.aliases.iter().any(|a| header_key(a) == key) {
            return Some(Match::Own);
        }
        self.export
            .iter()
            .position(|a| header_key(a) == key)
            .map(Match::Export)
    }
}

const fn col(field: Field, name: &'static str, need: Need) -> Column {
    Column {
        field,
        name,
        aliases: &[],
        need,
        export: &[],
    }
}

const fn alias(
    field: Field,
    name: &'static str,
    aliases: &'static [&'static str],
    need: Need,
) -> Column {
    exported(field, name, aliases, &[], need)
}

/// A pegawai column with the names SIASN/SIMPEG exports give it.
const fn exported(
    field: Field,
    name: &'static str,
    aliases: &'static [&'static str],
    export: &'static [&'static str],
    need: Need,
) -> Column {
    Column {
        field,
        name,
        aliases,
        need,
        export,
    }
}

use Need::{OneOf, Optional, Required};

const NIP: Column = alias(Field::Nip, "nip", &["nipBaru"], Required);

/// Besides the contract's names and SIASN's API names, the Title Case names
/// of SIASN's and SIMPEG's employee exports (`Nip Baru`, `Namapns`, `Tgl Lhr`,
/// `Golru`, `Nama Jabatan`, `Jenisjabatan`, `Nama Unor`, `Instansiinduk`, `Tk
/// Pendidikan`, `Jenispegawai`: compared squashed, so `Nip Baru` is `nipBaru`).
const PEGAWAI: &[Column] = &[
    NIP,
    exported(
        Field::Nama,
        "nama",
        &["nama"],
        &["Namapns", "Nama Pns", "Nama Lengkap"],
        Required,
    ),
    alias(
        Field::JenisKelamin,
        "jenis_kelamin",
        &["jenisKelamin"],
        Required,
    ),
    alias(
        Field::TanggalLahir,
        "tanggal_lahir",
        &["tglLahir", "Tgl Lhr"],
        Required,
    ),
    exported(
        Field::Status,
        "status",
        &["jenisPegawaiNama"],
        &["Jenispegawai", "Status Pegawai"],
        Optional,
    ),
    exported(
        Field::Golongan,
        "golongan",
        &["golRuangAkhir"],
        &["Golru", "Gol Ruang", "Golongan Ruang", "Gol Akhir Nama"],
        Required,
    ),
    exported(
        Field::Jabatan,
        "jabatan",
        &["jabatanNama"],
        &["Nama Jabatan"],
        Required,
    ),
    exported(
        Field::TingkatJabatan,
        "tingkat_jabatan",
        &["jenisJabatan"],
        &["Jenis Jabatan Nama"],
        Required,
    ),
    exported(
        Field::UnitKerja,
        "unit_kerja",
        &["unorNama"],
        &["Nama Unor", "Unor"],
        Required,
    ),
    exported(
        Field::Instansi,
        "instansi",
        &["instansiIndukNama"],
        &["Instansiinduk", "Nama Instansi"],
        Optional,
    ),
    exported(
        Field::Pendidikan,
        "pendidikan",
        &["tkPendidikanTerakhir"],
        &[
            "Tk Pendidikan",
            "Tingkat Pendidikan",
            "Tingkat Pendidikan Nama",
        ],
        Required,
    ),
    alias(Field::TmtJabatan, "tmt_jabatan", &["tmtJabatan"], Optional),
    alias(Field::GelarDepan, "gelar_depan", &["gelarDepan"], Optional),
    alias(
        Field::GelarBelakang,
        "gelar_belakang",
        &["gelarBelakang", "Gelar Blk"],
        Optional,
    ),
    alias(Field::Eselon, "eselon", &["eselonNama"], Optional),
];

const KINERJA: &[Column] = &[
    NIP,
    col(Field::Tahun, "tahun", Required),
    col(Field::Predikat, "predikat", Required),
];

const KOMPETENSI: &[Column] = &[
    NIP,
    col(Field::Kompetensi, "kompetensi", Required),
    col(Field::Level, "level", Required),
    col(Field::Tanggal, "tanggal", Required),
];

const POTENSI: &[Column] = &[
    NIP,
    col(Field::Tanggal, "tanggal", Required),
    col(Field::Kategori, "kategori", OneOf),
    col(Field::Skor, "skor", OneOf),
    col(Field::Metode, "metode", Optional),
];

const PELATIHAN: &[Column] = &[
    NIP,
    col(Field::Tahun, "tahun", Required),
    col(Field::NamaPelatihan, "nama_pelatihan", Required),
    col(Field::Jp, "jp", Required),
    alias(
        Field::TanggalMulai,
        "tanggal_mulai",
        &["tglMulai", "tanggal_pelaksanaan"],
        Optional,
    ),
];

const JABATAN: &[Column] = &[
    col(Field::Kode, "kode", Required),
    col(Field::NamaJabatan, "nama_jabatan", Required),
    col(Field::TingkatJabatan, "tingkat_jabatan", Required),
    col(Field::UnitKerja, "unit_kerja", Required),
    col(Field::PositionStatus, "status", Required),
    col(Field::PemangkuNip, "pemangku_nip", Optional),
    alias(
        Field::Kategori,
        "kategori",
        &["kategori_jabatan", "jenis_jabatan_target", "category"],
        Optional,
    ),
];

const SYARAT_JABATAN: &[Column] = &[
    col(Field::KodeJabatan, "kode_jabatan", Required),
    col(Field::Kompetensi, "kompetensi", Required),
    col(Field::Level, "level", Required),
];

/// SIASN's riwayat jabatan (`/jabatan/pns/{nip}`) names its columns so.
const RIWAYAT_JABATAN: &[Column] = &[
    NIP,
    alias(
        Field::Jabatan,
        "jabatan",
        &["jabatanNama", "namaJabatan", "nama_jabatan"],
        Required,
    ),
    alias(
        Field::TingkatJabatan,
        "tingkat_jabatan",
        &["jenisJabatan"],
        Required,
    ),
    alias(Field::UnitKerja, "unit_kerja", &["unorNama"], Optional),
    alias(Field::TmtMulai, "tmt_mulai", &["tmtJabatan"], Required),
    alias(
        Field::TmtSelesai,
        "tmt_selesai",
        &["tmtSelesai", "tanggal_selesai"],
        Optional,
    ),
];

/// SIASN's riwayat hukuman disiplin names its columns so.
const DISIPLIN: &[Column] = &[
    NIP,
    alias(
        Field::TingkatHukuman,
        "tingkat",
        &["tingkatHukuman", "tingkat_hukuman", "hukdisTingkat"],
        Required,
    ),
    alias(
        Field::JenisHukuman,
        "jenis",
        &["jenisHukuman", "jenisHukumanNama", "jenis_hukuman"],
        Optional,
    ),
    alias(Field::Tmt, "tmt", &["tmtHukuman", "tmt_hukuman"], Required),
    alias(
        Field::TmtSelesai,
        "tmt_selesai",
        &["akhirHukumanTmt", "tmtSelesai", "tmt_akhir"],
        Optional,
    ),
];

/// The form a header name is compared in: [`squash`] without a stray BOM.
pub fn header_key(h: &str) -> String {
    squash(&h.replace('\u{feff}', "")).into()
}

/// Which header cell holds which field, and the names the file gives them.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    /// By `Field as usize` (a lookup per cell, so no hashing).
    index: [Option<usize>; FIELDS],
    header: Vec<String>,
    canonical: [Option<&'static str>; FIELDS],
}

impl Default for ColumnMap {
    fn default() -> Self {
        ColumnMap {
            index: [None; FIELDS],
            header: Vec::new(),
            canonical: [None; FIELDS],
        }
    }
}

/// How many [`Field`]s there are.
const FIELDS: usize = Field::TanggalMulai as usize + 1;

impl ColumnMap {
    /// The cell index of a field, if the file has that column.
    pub fn get(&self, f: Field) -> Option<usize> {
        self.index[f as usize]
    }

    /// The column's name as the file's header writes it (the contract's name
    /// when the file lacks the column).
    pub fn name(&self, f: Field) -> &str {
        match self.get(f) {
            Some(i) => &self.header[i],
            None => self.canonical[f as usize].unwrap_or(""),
        }
    }

    /// The header name of a cell index ("" beyond the header).
    pub fn name_at(&self, i: usize) -> &str {
        self.header.get(i).map(String::as_str).unwrap_or("")
    }

    pub fn width(&self) -> usize {
        self.header.len()
    }

    /// The columns read, in header order: the header's name and ours.
    pub fn used(&self) -> Vec<(String, &'static str)> {
        let mut used: Vec<(usize, &'static str)> = self
            .index
            .iter()
            .zip(self.canonical)
            .filter_map(|(i, c)| Some(((*i)?, c?)))
            .collect();
        used.sort_unstable();
        used.into_iter()
            .map(|(i, c)| (self.header[i].trim().to_string(), c))
            .collect()
    }

    /// The header's names that no column was read from, in header order.
    pub fn unused(&self) -> Vec<String> {
        self.header
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.trim().is_empty() && !self.index.contains(&Some(*i)))
            .map(|(_, h)| h.trim().to_string())
            .collect()
    }
}

/// A problem with the header: the column as named in the file (or the
/// contract's name when missing), what is wrong, and the value to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderIssue {
    pub column: String,
    pub kind: ProblemKind,
    pub value: String,
}

/// Match a header row against a kind's columns. Unknown columns are ignored.
pub fn match_header(kind: FileKind, header: &[String]) -> (ColumnMap, Vec<HeaderIssue>) {
    let cols = kind.columns();
    let mut map = ColumnMap {
        index: [None; FIELDS],
        header: header.to_vec(),
        canonical: [None; FIELDS],
    };
    for c in cols {
        map.canonical[c.field as usize] = Some(c.name);
    }
    let mut issues = Vec::new();
    let mut how = [Match::Own; FIELDS];
    for (i, h) in header.iter().enumerate() {
        let key = header_key(h);
        if key.is_empty() {
            continue;
        }
        let Some((c, m)) = cols.iter().find_map(|c| c.how(&key).map(|m| (c, m))) else {
            continue;
        };
        let f = c.field as usize;
        match map.index[f] {
            None => {
                map.index[f] = Some(i);
                how[f] = m;
            }
            // The same column twice under the contract's or SIASN's names.
            Some(first) if m == Match::Own && how[f] == Match::Own => {
                issues.push(HeaderIssue {
                    column: h.clone(),
                    kind: ProblemKind::DuplicateColumn {
                        first: header[first].clone(),
                    },
                    value: String::new(),
                });
            }
            // An export's two names for one thing: the better one is read.
            Some(_) if m < how[f] => {
                map.index[f] = Some(i);
                how[f] = m;
            }
            Some(_) => {}
        }
    }
    for c in cols.iter().filter(|c| c.need == Need::Required) {
        if map.get(c.field).is_none() {
            issues.push(HeaderIssue {
                column: c.name.to_string(),
                kind: ProblemKind::MissingColumn,
                value: String::new(),
            });
        }
    }
    let one_of: Vec<&Column> = cols.iter().filter(|c| c.need == Need::OneOf).collect();
    if !one_of.is_empty() && one_of.iter().all(|c| map.get(c.field).is_none()) {
        issues.push(HeaderIssue {
            column: one_of.iter().map(|c| c.name).collect::<Vec<_>>().join("/"),
            kind: ProblemKind::MissingKategoriAndSkor,
            value: String::new(),
        });
    }
    (map, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn kinds_from_file_names() {
        use FileKind::*;
        for (name, kind) in [
            ("pegawai.csv", Some(Pegawai)),
            ("Pegawai_2024.XLSX", Some(Pegawai)),
            ("kinerja-2023.csv", Some(Kinerja)),
            ("KOMPETENSI.csv", Some(Kompetensi)),
            ("potensial.csv", Some(Potensi)),
            ("pelatihan.csv", Some(Pelatihan)),
            ("jabatan.csv", Some(Jabatan)),
            ("syarat_jabatan.csv", Some(SyaratJabatan)),
            ("syarat-jabatan.xlsx", Some(SyaratJabatan)),
            ("Syarat Jabatan 2024.csv", Some(SyaratJabatan)),
            ("jabatan_syarat.csv", Some(Jabatan)),
            ("riwayat_jabatan.csv", Some(RiwayatJabatan)),
            ("Riwayat Jabatan 2025.xlsx", Some(RiwayatJabatan)),
            ("disiplin.csv", Some(Disiplin)),
            ("DISIPLIN-2024.csv", Some(Disiplin)),
            ("data_siasn.csv", None),
            ("export_pegawai.csv", None),
            (".csv", None),
        ] {
            assert_eq!(FileKind::from_file_name(name), kind, "{name}");
        }
    }

    #[test]
    fn header_keys_ignore_case_blanks_underscores_and_dashes() {
        assert_eq!(header_key("Tanggal_Lahir"), "tanggallahir");
        assert_eq!(header_key(" tanggal-lahir "), "tanggallahir");
        assert_eq!(header_key("TANGGAL LAHIR"), "tanggallahir");
        assert_eq!(header_key("\u{feff}nip"), "nip");
    }

    #[test]
    fn siasn_aliases_match() {
        let header = h(&[
            "nipBaru",
            "nama",
            "gelarDepan",
            "jenisKelamin",
            "tglLahir",
            "jenisPegawaiNama",
            "golRuangAkhir",
            "jabatanNama",
            "jenisJabatan",
            "unorNama",
            "instansiIndukNama",
            "tkPendidikanTerakhir",
            "tmtJabatan",
        ]);
        let (map, issues) = match_header(FileKind::Pegawai, &header);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(map.get(Field::Nip), Some(0));
        assert_eq!(map.name(Field::Nip), "nipBaru");
        assert_eq!(map.get(Field::TanggalLahir), Some(4));
        assert_eq!(map.get(Field::TmtJabatan), Some(12));
        assert_eq!(map.get(Field::Instansi), Some(10));
        assert_eq!(FileKind::from_header(&header), Some(FileKind::Pegawai));
    }

    #[test]
    fn missing_and_duplicate_columns() {
        let (map, issues) = match_header(
            FileKind::Kinerja,
            &h(&["NIP", "nip_baru", "Tahun", "catatan"]),
        );
        assert_eq!(map.get(Field::Nip), Some(0));
        assert_eq!(
            issues,
            vec![
                HeaderIssue {
                    column: "nip_baru".into(),
                    kind: ProblemKind::DuplicateColumn {
                        first: "NIP".into()
                    },
                    value: String::new(),
                },
                HeaderIssue {
                    column: "predikat".into(),
                    kind: ProblemKind::MissingColumn,
                    value: String::new(),
                },
            ]
        );
        assert_eq!(map.name(Field::Predikat), "predikat");
    }

    #[test]
    fn potensi_needs_kategori_or_skor() {
        let (_, issues) = match_header(FileKind::Potensi, &h(&["nip", "tanggal", "skor"]));
        assert!(issues.is_empty());
        let (_, issues) = match_header(FileKind::Potensi, &h(&["nip", "tanggal", "metode"]));
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].kind, ProblemKind::MissingKategoriAndSkor);
        assert_eq!(issues[0].column, "kategori/skor");
    }

    #[test]
    fn kinds_from_headers() {
        use FileKind::*;
        for (header, kind) in [
            (vec!["nip", "tahun", "predikat"], Some(Kinerja)),
            (
                vec!["NIP", "Kompetensi", "Level", "Tanggal"],
                Some(Kompetensi),
            ),
            (vec!["nip", "tanggal", "kategori", "metode"], Some(Potensi)),
            (
                vec!["nip", "tahun", "nama pelatihan", "JP"],
                Some(Pelatihan),
            ),
            (
                vec![
                    "kode",
                    "nama_jabatan",
                    "tingkat_jabatan",
                    "unit_kerja",
                    "status",
                ],
                Some(Jabatan),
            ),
            (
                vec!["kode_jabatan", "kompetensi", "level"],
                Some(SyaratJabatan),
            ),
            (
                vec![
                    "nip",
                    "jabatan",
                    "tingkat_jabatan",
                    "tmt_mulai",
                    "tmt_selesai",
                ],
                Some(RiwayatJabatan),
            ),
            (
                vec![
                    "nipBaru",
                    "jabatanNama",
                    "jenisJabatan",
                    "unorNama",
                    "tmtJabatan",
                ],
                Some(RiwayatJabatan),
            ),
            (vec!["nip", "tingkat", "jenis", "tmt"], Some(Disiplin)),
            (
                vec![
                    "nipBaru",
                    "tingkatHukuman",
                    "jenisHukumanNama",
                    "tmtHukuman",
                ],
                Some(Disiplin),
            ),
            (vec!["nip", "nama"], None),
            (vec![], None),
        ] {
            assert_eq!(FileKind::from_header(&h(&header)), kind, "{header:?}");
        }
    }
}
