//! The organisation a demo pool lives in: regions, their agencies (OPD), each
//! agency's structural posts, and how many employees each agency gets.
//!
//! - Up to about 30,000 employees the pool is the Provincial Government of
//!   Sumatera Selatan alone (`data/opd_sumsel.txt`). Small pools take the first
//!   agencies of the list (about one agency per 60 employees, at least three), so
//!   that every agency present has a believable size.
//! - Larger pools add the regions of `data/wilayah.txt` in order (Sumatera
//!   Selatan's 17 kabupaten/kota, then the other Sumatran provinces with theirs),
//!   each with its agencies (`data/opd_kabkota.txt` for kabupaten/kota) under
//!   `Pemerintah Kabupaten ...`; every chosen region is scaled by the same factor
//!   so that the sizes add up exactly. Beyond the listed total (about 920,000)
//!   all regions grow proportionally.
//! - Employees are shared out by the agencies' weights (largest remainder).
//! - Each agency's structural posts (heads, then Administrator, then Pengawas
//!   posts, in the order listed) are limited to 30 % of its headcount, so small
//!   agencies of a small pool keep a few posts and large ones get all.
//! - About 10 % of the posts are vacant (`lowong`).

use super::data::{self, Fungsional, OpdTemplate, Pelaksana, RegionKind};
use crate::domain::krs::Kategori;
use crate::domain::Tingkat;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The instansi of the home region.
pub const HOME_INSTANSI: &str = "Pemerintah Provinsi Sumatera Selatan";

/// Share of an agency's headcount its structural posts may take.
const STRUCTURAL_SHARE: f64 = 0.30;
/// Chance that a structural post is vacant.
const VACANT_PCT: u32 = 10;
/// About one agency per this many employees in a small pool.
const EMPLOYEES_PER_AGENCY: usize = 60;

#[derive(Debug, Clone)]
pub struct Post {
    pub kode: String,
    pub nama: String,
    pub tingkat: Tingkat,
    pub vacant: bool,
}

/// The demo agency's target and critical positions: every JPT post is a
/// target position, the secretaries and assistant inspectors (who run an
/// agency day to day) are critical. Fixed by title, not drawn: the pool's
/// random draws stay as they were.
pub fn kategori(post: &Post) -> Option<Kategori> {
    if post.tingkat.is_jpt() {
        Some(Kategori::Target)
    } else if post.nama.starts_with("Sekretaris") || post.nama.starts_with("Inspektur Pembantu") {
        Some(Kategori::Kritikal)
    } else {
        None
    }
}

#[derive(Debug)]
pub struct Unit {
    pub nama: String,
    pub instansi: String,
    pub profil: &'static str,
    pub headcount: usize,
    pub posts: Vec<Post>,
    /// Functional families open in this unit (its profile and the general ones), weighted.
    pub fungsional: Vec<(&'static Fungsional, u32)>,
    pub pelaksana: Vec<(&'static Pelaksana, u32)>,
    /// Percent of non-structural staff in functional posts.
    pub fungsional_pct: u32,
}

impl Unit {
    pub fn filled_posts(&self) -> impl Iterator<Item = (usize, &Post)> {
        self.posts.iter().enumerate().filter(|(_, p)| !p.vacant)
    }
}

#[derive(Debug)]
pub struct Plan {
    pub units: Vec<Unit>,
}

impl Plan {
    pub fn employees(&self) -> usize {
        self.units.iter().map(|u| u.headcount).sum()
    }
    pub fn positions(&self) -> usize {
        self.units.iter().map(|u| u.posts.len()).sum()
    }
}

/// Percent of the non-structural staff in functional posts, by agency profile:
/// teachers, health workers and auditors are functional; elsewhere most staff
/// are pelaksana.
fn fungsional_pct(profil: &str) -> u32 {
    match profil {
        "guru" => 90,
        "rs" => 78,
        "kesehatan" => 72,
        "pengawasan" => 65,
        "perencanaan" | "diklat" => 50,
        "pertanian" | "kehutanan" | "peternakan" | "perikanan" | "satpol" => 45,
        "sdm" | "hukum" | "pustaka" | "arsip" => 40,
        _ => 28,
    }
}

/// Split `total` by `weights` (largest remainder, ties to the earlier item),
/// giving each item at least `min` when `total` allows.
pub fn apportion(total: usize, weights: &[u64], min: usize) -> Vec<usize> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let floor_each = if total >= min * n { min } else { 0 };
    let rest = total - floor_each * n;
    let sum: u128 = weights.iter().map(|w| *w as u128).sum::<u128>().max(1);
    let mut out: Vec<usize> = Vec::with_capacity(n);
    let mut rems: Vec<(u128, usize)> = Vec::with_capacity(n);
    let mut given = 0usize;
    for (i, w) in weights.iter().enumerate() {
        let exact = rest as u128 * *w as u128;
        let q = (exact / sum) as usize;
        rems.push((exact % sum, i));
        out.push(q);
        given += q;
    }
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rems.into_iter().take(rest - given) {
        out[i] += 1;
    }
    for x in &mut out {
        *x += floor_each;
    }
    out
}

fn tier_code(t: Tingkat) -> &'static str {
    match t {
        Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => "JPT",
        Tingkat::Administrator => "ADM",
        Tingkat::Pengawas => "PGW",
        Tingkat::Pelaksana => "PLK",
        Tingkat::Fungsional => "FUNG",
    }
}

/// The structural posts of one agency with `headcount` employees.
fn posts(
    rng: &mut ChaCha8Rng,
    opd: &OpdTemplate,
    prefix: &str,
    headcount: usize,
    rename: &dyn Fn(&str) -> String,
) -> Vec<Post> {
    let budget = ((headcount as f64 * STRUCTURAL_SHARE).round() as usize).max(1);
    let heads = opd.heads.len().min(budget);
    let rest = budget - heads;
    let (na, np) = (opd.administrator.len(), opd.pengawas.len());
    let mut a = if na + np == 0 {
        0
    } else {
        (rest * na).div_ceil(na + np).min(na)
    };
    let p = (rest - a).min(np);
    a = (rest - p).min(na);

    let mut out = Vec::with_capacity(heads + a + p);
    let mut seq = [0u32; 3];
    let all = opd.heads[..heads]
        .iter()
        .copied()
        .chain(
            opd.administrator[..a]
                .iter()
                .map(|t| (*t, Tingkat::Administrator)),
        )
        .chain(opd.pengawas[..p].iter().map(|t| (*t, Tingkat::Pengawas)));
    for (title, tingkat) in all {
        let slot = match tingkat {
            Tingkat::Administrator => 1,
            Tingkat::Pengawas => 2,
            _ => 0,
        };
        seq[slot] += 1;
        out.push(Post {
            kode: format!("{prefix}-{}-{:02}", tier_code(tingkat), seq[slot]),
            nama: rename(title),
            tingkat,
            vacant: rng.gen_range(0..100) < VACANT_PCT,
        });
    }
    out
}

/// Functional families and pelaksana positions open in a unit, weighted.
type Families = (
    Vec<(&'static Fungsional, u32)>,
    Vec<(&'static Pelaksana, u32)>,
);

fn families(profil: &str) -> Families {
    let d = data::get();
    let mut f: Vec<(&'static Fungsional, u32)> = d
        .fungsional
        .iter()
        .filter(|x| x.profil == profil && x.weight > 0)
        .map(|x| (x, x.weight))
        .collect();
    // The general families, unless the profile already has one of the same name.
    for x in d.fungsional.iter().filter(|x| x.profil == "*") {
        if !f.iter().any(|(y, _)| y.rumpun == x.rumpun) {
            f.push((x, x.weight));
        }
    }
    let p = d
        .pelaksana
        .iter()
        .filter(|x| (x.profil == profil || x.profil == "*") && x.weight > 0)
        .map(|x| (x, x.weight))
        .collect();
    (f, p)
}

/// The organisation of a pool of `size` employees.
pub fn plan(size: usize, rng: &mut ChaCha8Rng) -> Plan {
    let d = data::get();
    let mut cum = 0u64;
    let mut chosen = d.regions.len();
    for (i, r) in d.regions.iter().enumerate() {
        cum += r.capacity as u64;
        if cum >= size as u64 {
            chosen = i + 1;
            break;
        }
    }
    let regions = &d.regions[..chosen];
    let caps: Vec<u64> = regions.iter().map(|r| r.capacity as u64).collect();
    let region_sizes = apportion(size, &caps, 1);

    let mut units = Vec::new();
    for (ri, (region, &h)) in regions.iter().zip(&region_sizes).enumerate() {
        let home = ri == 0;
        let template = match region.kind {
            RegionKind::Provinsi => &d.opd_provinsi,
            _ => &d.opd_kabkota,
        };
        let n_opd = (h / EMPLOYEES_PER_AGENCY).clamp(3.min(template.len()), template.len());
        let opds = &template[..n_opd];
        let weights: Vec<u64> = opds.iter().map(|o| o.weight as u64).collect();
        let sizes = apportion(h, &weights, 1);
        let full = region.full_name();
        let instansi = if home {
            HOME_INSTANSI.to_string()
        } else {
            format!("Pemerintah {full}")
        };
        for (opd, &hc) in opds.iter().zip(&sizes) {
            if hc == 0 {
                continue;
            }
            let (nama, prefix) = if home {
                (opd.nama.to_string(), opd.kode.to_string())
            } else {
                let nama = match opd.pattern {
                    Some(p) => p.replace("{wilayah}", &full),
                    None => format!("{} {full}", opd.nama),
                };
                (nama, format!("{}-{}", region.kode, opd.kode))
            };
            // Post titles naming the home province are renamed for other provinces.
            let rename = |t: &str| {
                if home || region.kind != RegionKind::Provinsi {
                    t.to_string()
                } else {
                    t.replace("Sumatera Selatan", region.nama)
                }
            };
            let posts = posts(rng, opd, &prefix, hc, &rename);
            let (fungsional, pelaksana) = families(opd.profil);
            units.push(Unit {
                nama,
                instansi: instansi.clone(),
                profil: opd.profil,
                headcount: hc,
                posts,
                fungsional,
                pelaksana,
                fungsional_pct: fungsional_pct(opd.profil),
            });
        }
    }
    Plan { units }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use std::collections::HashSet;

    #[test]
    fn apportion_is_exact_and_fair() {
        assert_eq!(apportion(10, &[1, 1, 1], 0), vec![4, 3, 3]);
        assert_eq!(apportion(100, &[480, 10, 10], 1), vec![94, 3, 3]);
        assert_eq!(apportion(2, &[5, 5, 5], 1), vec![1, 1, 0]);
        for total in [0, 1, 7, 99, 1000, 123_457] {
            let v = apportion(total, &[3, 9, 1, 27, 5], 1);
            assert_eq!(v.iter().sum::<usize>(), total);
        }
    }

    fn plan_of(size: usize) -> Plan {
        plan(size, &mut ChaCha8Rng::seed_from_u64(1))
    }

    #[test]
    fn sizes_add_up_and_codes_and_names_are_unique() {
        for size in [100, 5_000, 30_000, 150_000, 1_000_000, 5_000_000] {
            let p = plan_of(size);
            assert_eq!(p.employees(), size);
            let mut codes = HashSet::new();
            let mut names = HashSet::new();
            for u in &p.units {
                assert!(names.insert(u.nama.as_str()), "unit {}", u.nama);
                let filled = u.filled_posts().count();
                assert!(filled <= u.headcount, "{}", u.nama);
                for post in &u.posts {
                    assert!(codes.insert(post.kode.clone()), "kode {}", post.kode);
                }
                assert!(!u.fungsional.is_empty() && !u.pelaksana.is_empty());
            }
        }
    }

    #[test]
    fn the_province_alone_up_to_its_size_then_regencies() {
        let p = plan_of(5_000);
        assert!(p.units.iter().all(|u| u.instansi == HOME_INSTANSI));
        assert!(p.units.len() >= 41, "all agencies at 5,000");
        let disdik = p
            .units
            .iter()
            .find(|u| u.nama == "Dinas Pendidikan")
            .unwrap();
        assert!(p.units.iter().all(|u| u.headcount <= disdik.headcount));
        assert_eq!(disdik.posts[0].kode, "DISDIK-JPT-01");
        assert_eq!(disdik.posts[0].nama, "Kepala Dinas Pendidikan");

        let p = plan_of(100);
        assert!(p.units.len() >= 3 && p.units.len() <= 5);

        let p = plan_of(150_000);
        assert!(p
            .units
            .iter()
            .any(|u| u.nama == "Dinas Pendidikan Kabupaten Ogan Ilir"
                && u.instansi == "Pemerintah Kabupaten Ogan Ilir"));
        assert!(p.units.iter().any(|u| u.nama == "RSUD Kota Palembang"));
        assert!(p
            .units
            .iter()
            .flat_map(|u| &u.posts)
            .any(|x| x.kode == "PLG-DISDIK-JPT-01"));
        let avg = 150_000 / p.units.len();
        assert!((100..2_000).contains(&avg), "realistic agency size {avg}");
    }

    #[test]
    fn about_a_tenth_of_posts_are_vacant() {
        let p = plan_of(30_000);
        let all: Vec<&Post> = p.units.iter().flat_map(|u| &u.posts).collect();
        let vacant = all.iter().filter(|x| x.vacant).count();
        let share = vacant as f64 / all.len() as f64;
        assert!((0.05..0.16).contains(&share), "{share}");
        let tiers: HashSet<Tingkat> = all.iter().map(|x| x.tingkat).collect();
        for t in [
            Tingkat::JptMadya,
            Tingkat::JptPratama,
            Tingkat::Administrator,
            Tingkat::Pengawas,
        ] {
            assert!(tiers.contains(&t), "{t:?}");
        }
    }
}
