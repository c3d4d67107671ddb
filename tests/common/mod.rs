//! A small, hand-made talent pool for the screen tests: every box filled,
//! two candidates without a box, one PPPK, one past retirement age; written
//! through the store's writer into a temporary database.

#![allow(dead_code)]

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use talenta::app::filtering::Filtering;
use talenta::app::{Action, App, Chord, Options};
use talenta::domain::{
    Competency, Golongan, Pendidikan, Potensi, Predikat, Rules, Sex, Status, Tingkat,
};
use talenta::store::load::load_pool;
use talenta::store::records::{
    Batch, CompetencyRec, EmployeeRec, PositionRec, PotentialRec, RequirementRec, SkpRec,
    TrainingRec,
};
use talenta::store::{OpenMode, Store};
use talenta::strings::Lang;
use talenta::ui::{self, Theme};

pub const INSTANSI: &str = "Pemerintah Provinsi Sumatera Selatan";

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Person {
    nip: &'static str,
    nama: &'static str,
    status: Status,
    golongan: &'static str,
    jabatan: &'static str,
    tingkat: Tingkat,
    unit: &'static str,
    pendidikan: Pendidikan,
    tmt: Option<&'static str>,
    skp: &'static [(u16, Predikat)],
    levels: [u8; 9],
    potensi: Option<(Option<Potensi>, Option<f64>)>,
    training: &'static [(u16, &'static str, u32)],
}

fn people() -> Vec<Person> {
    use Predikat::*;
    vec![
        Person {
            nip: "198609262015051001",
            nama: "Kemas Ahmad Fauzi, S.E., M.Si.",
            status: Status::Pns,
            golongan: "III/c",
            jabatan: "Kepala Seksi Kurikulum",
            tingkat: Tingkat::Pengawas,
            unit: "Dinas Pendidikan",
            pendidikan: Pendidikan::S2,
            tmt: Some("2021-01-04"),
            skp: &[(2023, Baik), (2024, SangatBaik), (2025, SangatBaik)],
            levels: [4, 3, 3, 4, 3, 3, 2, 4, 3],
            potensi: Some((Some(Potensi::Tinggi), Some(91.5))),
            training: &[
                (2024, "Pelatihan Kepemimpinan Pengawas", 24),
                (2025, "Pelatihan Kurikulum Merdeka", 8),
                (2025, "Webinar Manajemen ASN", 4),
            ],
        },
        Person {
            nip: "197803152003122002",
            nama: "Hj. Siti Aminah, S.E., M.Si.",
            status: Status::Pns,
            golongan: "IV/a",
            jabatan: "Kepala Bidang Anggaran",
            tingkat: Tingkat::Administrator,
            unit: "Bappeda",
            pendidikan: Pendidikan::S2,
            tmt: Some("2019-07-01"),
            skp: &[(2024, Baik), (2025, Baik)],
            levels: [5, 4, 4, 4, 4, 3, 4, 4, 4],
            potensi: Some((Some(Potensi::Tinggi), None)),
            training: &[(2025, "Pelatihan Kepemimpinan Administrator", 40)],
        },
        Person {
            nip: "198201102006041003",
            nama: "Raden Muhammad Iqbal, S.T.",
            status: Status::Pns,
            golongan: "III/d",
            jabatan: "Kepala Subbagian Umum",
            tingkat: Tingkat::Pengawas,
            unit: "Badan Kepegawaian Daerah",
            pendidikan: Pendidikan::S1,
            tmt: Some("2020-02-03"),
            skp: &[(2025, SangatBaik)],
            levels: [3, 3, 3, 3, 3, 3, 3, 3, 3],
            potensi: Some((None, Some(82.0))),
            training: &[(2025, "Bimtek Arsip Digital", 20)],
        },
        Person {
            nip: "199005052019032004",
            nama: "Nyimas Ayu Lestari, S.Kep., Ners",
            status: Status::Pns,
            golongan: "III/b",
            jabatan: "Perawat Ahli Pertama",
            tingkat: Tingkat::Fungsional,
            unit: "Dinas Kesehatan",
            pendidikan: Pendidikan::S1,
            tmt: Some("2019-03-01"),
            skp: &[(2024, Baik), (2025, ButuhPerbaikan)],
            levels: [4, 4, 3, 3, 4, 3, 3, 3, 4],
            potensi: Some((Some(Potensi::Tinggi), Some(90.0))),
            training: &[(2025, "Pelatihan Keperawatan Gawat Darurat", 16)],
        },
        Person {
            nip: "198512122010011005",
            nama: "Kiagus Rahmat Hidayat, S.Sos.",
            status: Status::Pns,
            golongan: "III/c",
            jabatan: "Analis Kebijakan Ahli Muda",
            tingkat: Tingkat::Fungsional,
            unit: "Bappeda",
            pendidikan: Pendidikan::S1,
            tmt: Some("2022-01-03"),
            skp: &[(2025, Baik)],
            levels: [3, 3, 4, 3, 3, 2, 3, 3, 3],
            potensi: Some((Some(Potensi::Menengah), Some(80.0))),
            training: &[],
        },
        Person {
            nip: "197611302000031006",
            nama: "Masagus Abdul Rahman, S.H., M.H.",
            status: Status::Pns,
            golongan: "IV/b",
            jabatan: "Sekretaris Dinas",
            tingkat: Tingkat::Administrator,
            unit: "Dinas Kesehatan",
            pendidikan: Pendidikan::S2,
            tmt: Some("2018-05-02"),
            skp: &[(2025, SangatBaik)],
            levels: [4, 3, 3, 4, 3, 2, 3, 3, 3],
            potensi: Some((Some(Potensi::Rendah), Some(70.0))),
            training: &[(2025, "Diklat Pengadaan Barang/Jasa", 32)],
        },
        Person {
            nip: "199207172020122007",
            nama: "Dewi Sartika Putri, A.Md.",
            status: Status::Pns,
            golongan: "II/c",
            jabatan: "Pengadministrasi Umum",
            tingkat: Tingkat::Pelaksana,
            unit: "Dinas Pendidikan",
            pendidikan: Pendidikan::D3,
            tmt: Some("2020-12-01"),
            skp: &[(2025, Kurang)],
            levels: [3, 2, 2, 2, 3, 2, 2, 2, 3],
            potensi: Some((Some(Potensi::Menengah), None)),
            training: &[(2025, "Orientasi Tata Naskah Dinas", 6)],
        },
        Person {
            nip: "198808082014022008",
            nama: "Rina Marlina, S.Pd.",
            status: Status::Pns,
            golongan: "III/b",
            jabatan: "Guru Ahli Pertama",
            tingkat: Tingkat::Fungsional,
            unit: "Dinas Pendidikan",
            pendidikan: Pendidikan::S1,
            tmt: Some("2014-02-01"),
            skp: &[(2025, Baik)],
            levels: [3, 3, 3, 3, 3, 3, 2, 2, 3],
            potensi: Some((Some(Potensi::Rendah), None)),
            training: &[(2025, "Pelatihan Guru Penggerak", 30)],
        },
        Person {
            nip: "197001011995031009",
            nama: "Ahmad Syukri",
            status: Status::Pns,
            golongan: "III/a",
            jabatan: "Pengelola Barang Milik Daerah",
            tingkat: Tingkat::Pelaksana,
            unit: "Inspektorat",
            pendidikan: Pendidikan::Sma,
            tmt: Some("2010-04-01"),
            skp: &[(2025, SangatKurang)],
            levels: [2, 2, 2, 2, 2, 1, 1, 2, 2],
            potensi: Some((Some(Potensi::Rendah), Some(60.0))),
            training: &[],
        },
        Person {
            nip: "196805201990031010",
            nama: "Ir. Bambang Sutrisno, M.T.",
            status: Status::Pns,
            golongan: "IV/c",
            jabatan: "Kepala Dinas Pendidikan",
            tingkat: Tingkat::JptPratama,
            unit: "Dinas Pendidikan",
            pendidikan: Pendidikan::S2,
            tmt: Some("2022-09-01"),
            skp: &[(2024, SangatBaik), (2025, SangatBaik)],
            levels: [5, 4, 5, 4, 4, 4, 4, 5, 4],
            potensi: Some((Some(Potensi::Tinggi), Some(93.0))),
            training: &[(2025, "Pelatihan Kepemimpinan Nasional II", 60)],
        },
        Person {
            nip: "199512252022032011",
            nama: "Putri Handayani, S.H.",
            status: Status::Pns,
            golongan: "III/a",
            jabatan: "Analis Hukum Ahli Pertama",
            tingkat: Tingkat::Fungsional,
            unit: "Inspektorat",
            pendidikan: Pendidikan::S1,
            tmt: None,
            skp: &[],
            levels: [0; 9],
            potensi: None,
            training: &[(2025, "Latsar CPNS", 18)],
        },
        Person {
            nip: "198103032009011012",
            nama: "Yusuf Maulana, S.Kom.",
            status: Status::Pns,
            golongan: "III/c",
            jabatan: "Pranata Komputer Ahli Muda",
            tingkat: Tingkat::Fungsional,
            unit: "Badan Kepegawaian Daerah",
            pendidikan: Pendidikan::S1,
            tmt: Some("2017-01-02"),
            skp: &[(2024, Baik), (2025, SangatBaik)],
            levels: [4, 4, 4, 5, 4, 4, 4, 4, 4],
            potensi: Some((Some(Potensi::Tinggi), Some(95.0))),
            training: &[(2025, "Sertifikasi Keamanan Informasi", 40)],
        },
        Person {
            nip: "198907072023212013",
            nama: "Fitri Wulandari, S.Pd.",
            status: Status::Pppk,
            golongan: "IX",
            jabatan: "Guru Ahli Pertama",
            tingkat: Tingkat::Fungsional,
            unit: "Dinas Pendidikan",
            pendidikan: Pendidikan::S1,
            tmt: Some("2023-01-02"),
            skp: &[(2025, Baik)],
            levels: [4, 4, 3, 3, 4, 3, 3, 3, 4],
            potensi: Some((Some(Potensi::Tinggi), None)),
            training: &[(2025, "Pelatihan Guru Penggerak", 20)],
        },
        Person {
            nip: "196501011988031014",
            nama: "Drs. H. Zulkifli",
            status: Status::Pns,
            golongan: "IV/a",
            jabatan: "Inspektur Pembantu Wilayah I",
            tingkat: Tingkat::Administrator,
            unit: "Inspektorat",
            pendidikan: Pendidikan::S1,
            tmt: Some("2015-03-02"),
            skp: &[(2025, Baik)],
            levels: [4, 3, 3, 3, 3, 3, 3, 3, 3],
            potensi: None,
            training: &[],
        },
    ]
}

fn birth_of(nip: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&nip[..8], "%Y%m%d").unwrap()
}

pub fn batch() -> Batch {
    let mut b = Batch::default();
    for p in people() {
        let nip = p.nip.to_string();
        b.employees.push(EmployeeRec {
            nip: nip.clone().into(),
            nama: p.nama.into(),
            sex: if &p.nip[14..15] == "1" {
                Sex::L
            } else {
                Sex::P
            },
            birth: birth_of(p.nip),
            status: p.status,
            golongan: Golongan::parse(p.golongan).unwrap(),
            jabatan: p.jabatan.into(),
            tingkat: p.tingkat,
            unit: p.unit.into(),
            instansi: Some(INSTANSI.into()),
            pendidikan: p.pendidikan,
            tmt_jabatan: p.tmt.map(d),
        });
        for (tahun, predikat) in p.skp {
            b.skp.push(SkpRec {
                nip: nip.clone().into(),
                tahun: *tahun,
                predikat: *predikat,
            });
        }
        for (k, level) in Competency::ALL.iter().zip(p.levels) {
            if level > 0 {
                b.competencies.push(CompetencyRec {
                    nip: nip.clone().into(),
                    competency: *k,
                    level,
                    tanggal: d("2025-03-10"),
                });
            }
        }
        if let Some((kategori, skor)) = p.potensi {
            b.potentials.push(PotentialRec {
                nip: nip.clone().into(),
                tanggal: d("2025-02-10"),
                kategori,
                skor,
                metode: Some("Assessment Center".into()),
            });
        }
        for (tahun, nama, jp) in p.training {
            b.trainings.push(TrainingRec {
                nip: nip.clone().into(),
                tahun: *tahun,
                nama: (*nama).into(),
                urutan: 1,
                jp: *jp,
                start: None,
            });
        }
    }
    for (kode, nama, tingkat, unit, holder, req) in positions() {
        b.positions.push(PositionRec {
            kode: kode.into(),
            nama: nama.into(),
            tingkat,
            unit: unit.into(),
            vacant: holder.is_none(),
            holder_nip: holder.map(str::to_string),
            kategori: None,
        });
        for (k, level) in Competency::ALL.iter().zip(req) {
            b.requirements.push(RequirementRec {
                kode: kode.into(),
                competency: *k,
                level,
            });
        }
    }
    b
}

type PositionSpec = (
    &'static str,
    &'static str,
    Tingkat,
    &'static str,
    Option<&'static str>,
    [u8; 9],
);

/// Five positions: two vacant, two whose holder retires within two years of
/// the as-of date (one already past BUP), one filled for longer.
pub fn positions() -> Vec<PositionSpec> {
    vec![
        (
            "DISDIK-JPT-01",
            "Kepala Dinas Pendidikan",
            Tingkat::JptPratama,
            "Dinas Pendidikan",
            Some("196805201990031010"),
            [4; 9],
        ),
        (
            "DINKES-JPT-01",
            "Kepala Dinas Kesehatan",
            Tingkat::JptPratama,
            "Dinas Kesehatan",
            None,
            [5, 4, 4, 4, 4, 4, 4, 4, 4],
        ),
        (
            "BKD-ADM-01",
            "Sekretaris Badan Kepegawaian Daerah",
            Tingkat::Administrator,
            "Badan Kepegawaian Daerah",
            None,
            [3, 3, 3, 3, 3, 3, 3, 4, 3],
        ),
        (
            "BAPPEDA-ADM-01",
            "Kepala Bidang Anggaran",
            Tingkat::Administrator,
            "Bappeda",
            Some("197803152003122002"),
            [3; 9],
        ),
        (
            "INSP-ADM-01",
            "Inspektur Pembantu Wilayah I",
            Tingkat::Administrator,
            "Inspektorat",
            Some("196501011988031014"),
            [3; 9],
        ),
    ]
}

/// Create a database with the fixture pool at `path`.
pub fn write_db(path: &Path) {
    let mut store = Store::open(path, OpenMode::Create).unwrap();
    let tx = store.write_tx().unwrap();
    talenta::store::write::write_batch(&tx, &batch()).unwrap();
    // The agency's disiplin file is imported: nobody here has a penalty.
    talenta::store::records::mark_penalties_known(&tx).unwrap();
    tx.commit().unwrap();
}

/// A temporary database with the fixture pool.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pool.db");
    write_db(&db);
    Fixture { dir, db }
}

/// An app on the fixture pool, filtering synchronously, profiles from the store.
pub fn app_on(f: &Fixture, lang: Lang) -> App {
    let store = Store::open(&f.db, OpenMode::Existing).unwrap();
    let pool = load_pool(&store.conn, as_of(), &Rules::default()).unwrap();
    let positions = talenta::store::positions::load_positions(&store.conn).unwrap();
    let mut app = App::new(
        Options {
            lang,
            keymap: Default::default(),
        },
        Filtering::sync(),
        Box::new(store),
    );
    app.step(Action::PositionsLoaded(Arc::new(positions)));
    app.step(Action::PoolLoaded(Arc::new(pool)));
    app
}

/// Draw the app at a size and return the screen's lines (trailing blanks cut).
pub fn screen(app: &App, w: u16, h: u16) -> String {
    screen_with(app, w, h, &Theme::mono())
}

pub fn screen_with(app: &App, w: u16, h: u16, theme: &Theme) -> String {
    lines(&buffer(app, w, h, theme))
}

pub fn buffer(app: &App, w: u16, h: u16, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, theme)).unwrap();
    t.backend().buffer().clone()
}

pub fn lines(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = Vec::new();
    for y in a.top()..a.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in a.left()..a.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
            line.push_str(s);
        }
        out.push(line.trim_end().to_string());
    }
    out.join("\n")
}

/// Feed keys written as in the config file, separated by blanks, with
/// `text:...` typing every character of the rest of the token literally.
pub fn keys(app: &mut App, spec: &str) {
    for tok in spec.split(' ').filter(|t| !t.is_empty()) {
        if let Some(text) = tok.strip_prefix("text:") {
            type_text(app, text);
        } else {
            let c = Chord::parse(tok).unwrap_or_else(|| panic!("bad key {tok}"));
            app.step(Action::Key(c));
        }
    }
}

/// Type text into the app, one key per character.
pub fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        app.step(Action::Key(Chord::char(ch)));
    }
}
