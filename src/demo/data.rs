//! The data lists in `data/`, embedded in the binary and parsed once.
//!
//! Every file is plain UTF-8 text: one item per line, `#` starts a comment line,
//! blank lines are skipped, `[name]` opens a section, and fields within a line are
//! separated by `|`. The files are part of the build, so a malformed line is a
//! programming error: parsing panics with the file and line, and the tests parse
//! every file.

use crate::domain::{Pendidikan, Tingkat};
use std::collections::HashMap;
use std::sync::OnceLock;

const MALE: &str = include_str!("../../data/nama_depan_laki.txt");
const FEMALE: &str = include_str!("../../data/nama_depan_perempuan.txt");
const LAST: &str = include_str!("../../data/nama_belakang.txt");
const GELAR: &str = include_str!("../../data/gelar.txt");
const OPD_SUMSEL: &str = include_str!("../../data/opd_sumsel.txt");
const OPD_KABKOTA: &str = include_str!("../../data/opd_kabkota.txt");
const WILAYAH: &str = include_str!("../../data/wilayah.txt");
const FUNGSIONAL: &str = include_str!("../../data/jabatan_fungsional.txt");
const PELAKSANA: &str = include_str!("../../data/jabatan_pelaksana.txt");
const PELATIHAN: &str = include_str!("../../data/pelatihan.txt");

/// A meaningful line: its 1-based number, the section it is in, and its text.
struct Line {
    no: usize,
    section: &'static str,
    text: &'static str,
}

fn lines(file: &'static str) -> Vec<Line> {
    let mut section = "";
    let mut out = Vec::new();
    for (i, raw) in file.lines().enumerate() {
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(name) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = name.trim();
            continue;
        }
        out.push(Line {
            no: i + 1,
            section,
            text: t,
        });
    }
    out
}

fn fields(file: &str, l: &Line, n: usize) -> Vec<&'static str> {
    let f: Vec<&'static str> = l.text.split('|').map(str::trim).collect();
    assert!(
        f.len() == n,
        "data/{file}:{}: expected {n} fields separated by '|', found {}",
        l.no,
        f.len()
    );
    f
}

fn num(file: &str, l: &Line, s: &str) -> u32 {
    s.parse()
        .unwrap_or_else(|_| panic!("data/{file}:{}: not a whole number: {s:?}", l.no))
}

/// `-` or empty means none; otherwise `;`-separated alternatives.
fn alternatives(s: &'static str) -> Vec<&'static str> {
    if s == "-" || s.is_empty() {
        return Vec::new();
    }
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// `S1:80,S2:20` -> weighted education levels; `-` -> none.
fn education_mix(file: &str, l: &Line, s: &str) -> Vec<(Pendidikan, u32)> {
    if s == "-" {
        return Vec::new();
    }
    s.split(',')
        .map(|part| {
            let (p, w) = part.split_once(':').unwrap_or_else(|| {
                panic!("data/{file}:{}: expected JENJANG:bobot, got {part:?}", l.no)
            });
            let p = Pendidikan::parse(p.trim())
                .unwrap_or_else(|| panic!("data/{file}:{}: unknown education level {p:?}", l.no));
            (p, num(file, l, w.trim()))
        })
        .collect()
}

/// Academic and professional titles of one field of study (`gelar.txt`).
#[derive(Debug)]
pub struct Gelar {
    pub bidang: &'static str,
    /// Professional title written in front for S1 and above (`dr.`, `Ns.`, `apt.`).
    pub front: Option<&'static str>,
    pub d3: Vec<&'static str>,
    pub d4: Vec<&'static str>,
    pub s1: Vec<&'static str>,
    pub s2: Vec<&'static str>,
}

/// One agency (OPD) of a region template.
#[derive(Debug)]
pub struct OpdTemplate {
    pub kode: &'static str,
    pub nama: &'static str,
    /// The heads: title and tier (JPT Pratama unless marked `@JPT Madya`).
    pub heads: Vec<(&'static str, Tingkat)>,
    pub weight: u32,
    pub profil: &'static str,
    pub administrator: Vec<&'static str>,
    pub pengawas: Vec<&'static str>,
    /// Name pattern outside the home region (`{wilayah}` = full region name).
    pub pattern: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Provinsi,
    Kabupaten,
    Kota,
}

#[derive(Debug)]
pub struct Region {
    pub kode: &'static str,
    pub kind: RegionKind,
    pub nama: &'static str,
    pub capacity: u32,
}

impl Region {
    /// `Provinsi Jambi`, `Kabupaten Ogan Ilir`, `Kota Palembang`.
    pub fn full_name(&self) -> String {
        let k = match self.kind {
            RegionKind::Provinsi => "Provinsi",
            RegionKind::Kabupaten => "Kabupaten",
            RegionKind::Kota => "Kota",
        };
        format!("{k} {}", self.nama)
    }
}

/// The highest keahlian jenjang a functional family reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MaxAhli {
    Muda,
    Madya,
    Utama,
}

/// A functional position family (`jabatan_fungsional.txt`).
#[derive(Debug)]
pub struct Fungsional {
    pub profil: &'static str,
    pub rumpun: &'static str,
    /// Percent of holders in the keahlian category (the rest keterampilan).
    pub ahli_pct: u32,
    pub pend_ahli: Vec<(Pendidikan, u32)>,
    pub pend_terampil: Vec<(Pendidikan, u32)>,
    pub bidang: Option<&'static str>,
    pub weight: u32,
    pub pppk_pct: u32,
    pub max_ahli: MaxAhli,
}

/// An administrative (pelaksana) position (`jabatan_pelaksana.txt`).
#[derive(Debug)]
pub struct Pelaksana {
    pub profil: &'static str,
    pub nama: &'static str,
    pub pend: Vec<(Pendidikan, u32)>,
    pub bidang: Option<&'static str>,
    pub weight: u32,
    pub pppk_pct: u32,
}

/// A training course (`pelatihan.txt`).
#[derive(Debug)]
pub struct Course {
    pub group: &'static str,
    pub nama: &'static str,
    pub jp: u32,
}

/// Given names by origin group, and family names.
#[derive(Debug)]
pub struct Names {
    pub male: HashMap<&'static str, Vec<&'static str>>,
    pub female: HashMap<&'static str, Vec<&'static str>>,
    pub last_male: Vec<&'static str>,
    pub last_female: Vec<&'static str>,
    pub marga_batak: Vec<&'static str>,
    pub marga_mandailing: Vec<&'static str>,
    pub palembang_male: Vec<(&'static str, u32)>,
    pub palembang_female: Vec<(&'static str, u32)>,
}

/// Everything in `data/`, parsed.
#[derive(Debug)]
pub struct Data {
    pub names: Names,
    pub gelar: Vec<Gelar>,
    pub opd_provinsi: Vec<OpdTemplate>,
    pub opd_kabkota: Vec<OpdTemplate>,
    pub regions: Vec<Region>,
    pub fungsional: Vec<Fungsional>,
    pub pelaksana: Vec<Pelaksana>,
    pub courses: Vec<Course>,
}

impl Data {
    pub fn gelar(&self, bidang: &str) -> Option<&Gelar> {
        self.gelar.iter().find(|g| g.bidang == bidang)
    }
}

/// The parsed lists (parsed on first use).
pub fn get() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(parse_all)
}

fn given_names(file: &str, text: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for l in lines(text) {
        assert!(
            !l.section.is_empty(),
            "data/{file}:{}: name outside a [group]",
            l.no
        );
        let v = m.entry(l.section).or_default();
        if !v.contains(&l.text) {
            v.push(l.text);
        }
    }
    m
}

fn parse_names() -> Names {
    let male = given_names("nama_depan_laki.txt", MALE);
    let female = given_names("nama_depan_perempuan.txt", FEMALE);
    let mut last: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for l in lines(LAST) {
        last.entry(l.section).or_default().push(l.text);
    }
    let mut take = |k: &str| {
        last.remove(k)
            .unwrap_or_else(|| panic!("data/nama_belakang.txt: section [{k}] missing"))
    };
    let (last_male, last_female, marga_batak, marga_mandailing) = (
        take("laki"),
        take("perempuan"),
        take("batak"),
        take("mandailing"),
    );
    let mut pal_m = Vec::new();
    let mut pal_f = Vec::new();
    for l in lines(GELAR) {
        let target = match l.section {
            "palembang_laki" => &mut pal_m,
            "palembang_perempuan" => &mut pal_f,
            _ => continue,
        };
        let f = fields("gelar.txt", &l, 2);
        target.push((f[0], num("gelar.txt", &l, f[1])));
    }
    Names {
        male,
        female,
        last_male,
        last_female,
        marga_batak,
        marga_mandailing,
        palembang_male: pal_m,
        palembang_female: pal_f,
    }
}

fn parse_gelar() -> Vec<Gelar> {
    lines(GELAR)
        .into_iter()
        .filter(|l| l.section == "akademik")
        .map(|l| {
            let f = fields("gelar.txt", &l, 6);
            Gelar {
                bidang: f[0],
                front: (f[1] != "-").then_some(f[1]),
                d3: alternatives(f[2]),
                d4: alternatives(f[3]),
                s1: alternatives(f[4]),
                s2: alternatives(f[5]),
            }
        })
        .collect()
}

fn parse_opd(file: &str, text: &'static str) -> Vec<OpdTemplate> {
    lines(text)
        .into_iter()
        .map(|l| {
            let f = fields(file, &l, 8);
            let heads = alternatives(f[2])
                .into_iter()
                .map(|h| match h.split_once('@') {
                    Some((title, tier)) => (
                        title.trim(),
                        Tingkat::parse(tier).unwrap_or_else(|| {
                            panic!("data/{file}:{}: unknown tier {tier:?}", l.no)
                        }),
                    ),
                    None => (h, Tingkat::JptPratama),
                })
                .collect::<Vec<_>>();
            assert!(!heads.is_empty(), "data/{file}:{}: no head", l.no);
            OpdTemplate {
                kode: f[0],
                nama: f[1],
                heads,
                weight: num(file, &l, f[3]),
                profil: f[4],
                administrator: alternatives(f[5]),
                pengawas: alternatives(f[6]),
                pattern: (!f[7].is_empty()).then_some(f[7]),
            }
        })
        .collect()
}

fn parse_regions() -> Vec<Region> {
    lines(WILAYAH)
        .into_iter()
        .map(|l| {
            let f = fields("wilayah.txt", &l, 4);
            let kind = match f[1] {
                "provinsi" => RegionKind::Provinsi,
                "kabupaten" => RegionKind::Kabupaten,
                "kota" => RegionKind::Kota,
                k => panic!("data/wilayah.txt:{}: unknown region kind {k:?}", l.no),
            };
            Region {
                kode: f[0],
                kind,
                nama: f[2],
                capacity: num("wilayah.txt", &l, f[3]),
            }
        })
        .collect()
}

fn parse_fungsional() -> Vec<Fungsional> {
    const F: &str = "jabatan_fungsional.txt";
    lines(FUNGSIONAL)
        .into_iter()
        .map(|l| {
            let f = fields(F, &l, 9);
            let max_ahli = match f[8] {
                "muda" => MaxAhli::Muda,
                "madya" => MaxAhli::Madya,
                "utama" => MaxAhli::Utama,
                m => panic!("data/{F}:{}: unknown jenjang {m:?}", l.no),
            };
            let x = Fungsional {
                profil: f[0],
                rumpun: f[1],
                ahli_pct: num(F, &l, f[2]),
                pend_ahli: education_mix(F, &l, f[3]),
                pend_terampil: education_mix(F, &l, f[4]),
                bidang: (f[5] != "-").then_some(f[5]),
                weight: num(F, &l, f[6]),
                pppk_pct: num(F, &l, f[7]),
                max_ahli,
            };
            assert!(
                (x.ahli_pct == 0 || !x.pend_ahli.is_empty())
                    && (x.ahli_pct == 100 || !x.pend_terampil.is_empty()),
                "data/{F}:{}: education missing for a category in use",
                l.no
            );
            x
        })
        .collect()
}

fn parse_pelaksana() -> Vec<Pelaksana> {
    const F: &str = "jabatan_pelaksana.txt";
    lines(PELAKSANA)
        .into_iter()
        .map(|l| {
            let f = fields(F, &l, 6);
            Pelaksana {
                profil: f[0],
                nama: f[1],
                pend: education_mix(F, &l, f[2]),
                bidang: (f[3] != "-").then_some(f[3]),
                weight: num(F, &l, f[4]),
                pppk_pct: num(F, &l, f[5]),
            }
        })
        .collect()
}

fn parse_courses() -> Vec<Course> {
    lines(PELATIHAN)
        .into_iter()
        .map(|l| {
            let f = fields("pelatihan.txt", &l, 3);
            Course {
                group: f[0],
                nama: f[1],
                jp: num("pelatihan.txt", &l, f[2]),
            }
        })
        .collect()
}

fn parse_all() -> Data {
    Data {
        names: parse_names(),
        gelar: parse_gelar(),
        opd_provinsi: parse_opd("opd_sumsel.txt", OPD_SUMSEL),
        opd_kabkota: parse_opd("opd_kabkota.txt", OPD_KABKOTA),
        regions: parse_regions(),
        fungsional: parse_fungsional(),
        pelaksana: parse_pelaksana(),
        courses: parse_courses(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_list_parses_and_is_consistent() {
        let d = get();
        let n = &d.names;
        let groups = [
            "islam", "melayu", "jawa", "sunda", "minang", "batak", "kristen", "modern",
        ];
        for g in groups {
            assert!(n.male.get(g).is_some_and(|v| v.len() >= 10), "male {g}");
            assert!(n.female.get(g).is_some_and(|v| v.len() >= 10), "female {g}");
        }
        let given: usize = n.male.values().chain(n.female.values()).map(Vec::len).sum();
        assert!(given >= 400, "several hundred given names, got {given}");
        assert!(n.last_male.len() >= 20 && n.last_female.len() >= 20);
        assert!(n.marga_batak.len() >= 15 && n.marga_mandailing.len() >= 5);
        let pal: Vec<&str> = n.palembang_male.iter().map(|p| p.0).collect();
        for p in ["Kemas", "Kiagus", "Masagus", "Raden"] {
            assert!(pal.contains(&p), "{p}");
        }
        let pal: Vec<&str> = n.palembang_female.iter().map(|p| p.0).collect();
        for p in ["Nyimas", "Raden Ayu"] {
            assert!(pal.contains(&p), "{p}");
        }

        // Every field of study named anywhere has its titles.
        let bidang: HashSet<&str> = d.gelar.iter().map(|g| g.bidang).collect();
        for f in &d.fungsional {
            if let Some(b) = f.bidang {
                assert!(bidang.contains(b), "{} -> {b}", f.rumpun);
            }
        }
        for p in &d.pelaksana {
            if let Some(b) = p.bidang {
                assert!(bidang.contains(b), "{} -> {b}", p.nama);
            }
        }
        for g in [
            "administrasi",
            "pemerintahan",
            "ekonomi",
            "hukum",
            "manajemen",
            "sosial",
        ] {
            assert!(bidang.contains(g), "{g}");
        }

        // Every OPD profile has functional positions and the OPD codes are unique.
        let profiles: HashSet<&str> = d.fungsional.iter().map(|f| f.profil).collect();
        for list in [&d.opd_provinsi, &d.opd_kabkota] {
            let mut codes = HashSet::new();
            for o in list.iter() {
                assert!(profiles.contains(o.profil), "{} -> {}", o.nama, o.profil);
                assert!(codes.insert(o.kode), "duplicate OPD code {}", o.kode);
                assert!(o.weight > 0);
            }
        }
        assert!(d.opd_provinsi.len() >= 41);
        assert_eq!(d.opd_provinsi[0].heads[0].1, Tingkat::JptMadya, "Sekda");

        // Region codes are unique and the home province comes first.
        let codes: HashSet<&str> = d.regions.iter().map(|r| r.kode).collect();
        assert_eq!(codes.len(), d.regions.len());
        assert_eq!(d.regions[0].nama, "Sumatera Selatan");
        assert_eq!(d.regions[0].kind, RegionKind::Provinsi);

        // Course names are unique (one record per name, employee and year).
        let names: HashSet<&str> = d.courses.iter().map(|c| c.nama).collect();
        assert_eq!(names.len(), d.courses.len());
        for g in ["umum", "latsar", "pkp", "pka", "pkn", "pppk"] {
            assert!(d.courses.iter().any(|c| c.group == g), "{g}");
        }
    }
}
