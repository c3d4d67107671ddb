//! Full names as they appear in personnel files: given names by origin group,
//! Palembang noble prefixes, H./Hj. for some older Muslim employees, and academic
//! and professional titles by education and field of study:
//! `Hj. Siti Aminah, S.E., M.Si.`, `Kemas Ahmad Fauzi, S.T.`, `dr. Rina Marlina, Sp.A`.

use super::data::{self, Gelar};
use crate::domain::{Pendidikan, Sex};
use rand::seq::SliceRandom;
use rand::Rng;

/// Origin groups with their share of the pool (a Sumatera Selatan mix).
const GROUPS: [(&str, u32); 7] = [
    ("melayu", 33),
    ("jawa", 28),
    ("islam", 14),
    ("minang", 7),
    ("batak", 8),
    ("sunda", 5),
    ("kristen", 5),
];

/// Share (percent) of Malay/Palembang names carrying a noble prefix.
const PALEMBANG_PREFIX_PCT: u32 = 12;

pub(crate) fn weighted<'a, T>(rng: &mut impl Rng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|x| x.1).sum();
    let mut r = rng.gen_range(0..total.max(1));
    for (x, w) in items {
        if r < *w {
            return x;
        }
        r -= w;
    }
    &items[items.len() - 1].0
}

fn pick(rng: &mut impl Rng, v: &[&'static str]) -> &'static str {
    v.choose(rng).copied().unwrap_or("")
}

/// What a name depends on.
pub struct Person<'a> {
    pub sex: Sex,
    pub birth_year: i32,
    pub age: u32,
    pub pendidikan: Pendidikan,
    /// Field of study for the titles; `None` uses general administration.
    pub gelar: Option<&'a Gelar>,
}

/// A full name with titles.
pub fn full_name(rng: &mut impl Rng, p: &Person<'_>) -> String {
    let d = data::get();
    let n = &d.names;
    let male = p.sex == Sex::L;
    let given = if male { &n.male } else { &n.female };
    let list = |g: &str| given.get(g).map(Vec::as_slice).unwrap_or(&[]);
    let young = p.birth_year >= 1990;
    let group = *weighted(rng, &GROUPS);

    let mut words: Vec<&'static str> = Vec::with_capacity(4);
    let mut muslim = true;
    let mut prefix: Option<&'static str> = None;
    match group {
        "batak" => {
            let christian = rng.gen_bool(0.6);
            muslim = !christian;
            let first = if christian {
                if rng.gen_bool(0.5) {
                    pick(rng, list("kristen"))
                } else {
                    pick(rng, list("batak"))
                }
            } else {
                pick(rng, list("islam"))
            };
            words.push(first);
            if rng.gen_bool(0.3) {
                let second = pick(rng, list(if christian { "batak" } else { "islam" }));
                if second != first {
                    words.push(second);
                }
            }
            words.push(if christian {
                pick(rng, &n.marga_batak)
            } else {
                pick(rng, &n.marga_mandailing)
            });
        }
        "kristen" => {
            muslim = false;
            words.push(pick(rng, list("kristen")));
            if rng.gen_bool(0.6) {
                let pool = if young && rng.gen_bool(0.5) {
                    "modern"
                } else if rng.gen_bool(0.5) {
                    "jawa"
                } else {
                    "kristen"
                };
                let second = pick(rng, list(pool));
                if !words.contains(&second) {
                    words.push(second);
                }
            }
            if rng.gen_bool(0.4) {
                words.push(pick(rng, if male { &n.last_male } else { &n.last_female }));
            }
        }
        g => {
            let first_pool = if young && rng.gen_bool(0.35) {
                "modern"
            } else {
                g
            };
            let first = pick(rng, list(first_pool));
            words.push(if first == "Muhammad" && rng.gen_bool(0.3) {
                "M."
            } else {
                first
            });
            let single = g == "jawa" && p.birth_year < 1978 && rng.gen_bool(0.3);
            if !single {
                if rng.gen_bool(0.55) {
                    let pool = match rng.gen_range(0..3) {
                        0 => "islam",
                        1 if young => "modern",
                        _ => g,
                    };
                    let second = pick(rng, list(pool));
                    if second != first && !words.contains(&second) {
                        words.push(second);
                    }
                }
                if rng.gen_bool(0.35) || words.len() == 1 && rng.gen_bool(0.5) {
                    let last = pick(rng, if male { &n.last_male } else { &n.last_female });
                    if !words.contains(&last) {
                        words.push(last);
                    }
                }
            }
            if g == "melayu" && rng.gen_range(0..100) < PALEMBANG_PREFIX_PCT {
                let list = if male {
                    &n.palembang_male
                } else {
                    &n.palembang_female
                };
                prefix = Some(*weighted(rng, list));
            }
        }
    }

    let hajj = muslim && p.age >= 40 && rng.gen_range(0..80) < p.age.saturating_sub(38);
    let (front, back) = titles(rng, p);

    let mut s = String::with_capacity(64);
    for f in &front {
        s.push_str(f);
        s.push(' ');
    }
    if hajj {
        s.push_str(if male { "H. " } else { "Hj. " });
    }
    if let Some(pre) = prefix {
        s.push_str(pre);
        s.push(' ');
    }
    s.push_str(&words.join(" "));
    for b in &back {
        s.push_str(", ");
        s.push_str(b);
    }
    s
}

/// Fields whose pre-1993 S1 graduates wrote Drs./Dra. in front.
const DRS_FIELDS: [&str; 6] = [
    "pendidikan",
    "ekonomi",
    "administrasi",
    "pemerintahan",
    "sosial",
    "manajemen",
];
/// Fields whose older S1 graduates wrote Ir. in front.
const IR_FIELDS: [&str; 6] = [
    "teknik",
    "pertanian",
    "kehutanan",
    "peternakan",
    "perikanan",
    "geologi",
];

/// Front and back titles for an education level and field.
fn titles(rng: &mut impl Rng, p: &Person<'_>) -> (Vec<&'static str>, Vec<&'static str>) {
    let d = data::get();
    let g = p
        .gelar
        .or_else(|| d.gelar("administrasi"))
        .expect("administrasi titles are listed");
    let generic = d
        .gelar("administrasi")
        .expect("administrasi titles are listed");
    let choose = |rng: &mut dyn rand::RngCore, own: &[&'static str], fallback: &[&'static str]| {
        let v = if own.is_empty() { fallback } else { own };
        v.choose(rng).copied()
    };
    let mut front = Vec::new();
    let mut back = Vec::new();
    match p.pendidikan {
        Pendidikan::Sd | Pendidikan::Smp | Pendidikan::Sma | Pendidikan::D1 | Pendidikan::D2 => {}
        Pendidikan::D3 => back.extend(choose(rng, &g.d3, &generic.d3)),
        Pendidikan::D4 => back.extend(choose(rng, &g.d4, &generic.d4)),
        Pendidikan::S1 | Pendidikan::S2 | Pendidikan::S3 => {
            if p.pendidikan == Pendidikan::S3 {
                front.push("Dr.");
            }
            let old_style = p.birth_year <= 1967 && g.front.is_none() && rng.gen_bool(0.6);
            if let Some(f) = g.front {
                front.push(f);
                // Professional titles replace the S1 title (dr., drg., drh.) or go with it (Ns., apt.).
                if !g.s1.is_empty() {
                    back.extend(choose(rng, &g.s1, &[]));
                }
            } else if old_style && DRS_FIELDS.contains(&g.bidang) {
                front.push(if p.sex == Sex::L { "Drs." } else { "Dra." });
            } else if old_style && IR_FIELDS.contains(&g.bidang) {
                front.push("Ir.");
            } else {
                back.extend(choose(rng, &g.s1, &generic.s1));
            }
            if p.pendidikan != Pendidikan::S1 {
                back.extend(choose(rng, &g.s2, &generic.s2));
            }
        }
    }
    (front, back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn person(sex: Sex, pend: Pendidikan, bidang: &str, birth_year: i32) -> Person<'static> {
        Person {
            sex,
            birth_year,
            age: (2026 - birth_year) as u32,
            pendidikan: pend,
            gelar: data::get().gelar(bidang),
        }
    }

    #[test]
    fn titles_follow_education_and_field() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..200 {
            let n = full_name(&mut rng, &person(Sex::P, Pendidikan::Sma, "ekonomi", 1985));
            assert!(!n.contains(','), "no titles below D3: {n}");
            let n = full_name(&mut rng, &person(Sex::L, Pendidikan::S2, "ekonomi", 1980));
            assert_eq!(n.matches(", ").count(), 2, "S1 and S2 titles: {n}");
            let n = full_name(
                &mut rng,
                &person(Sex::L, Pendidikan::S1, "kedokteran", 1985),
            );
            assert!(n.starts_with("dr. ") && !n.contains(','), "{n}");
            let n = full_name(
                &mut rng,
                &person(Sex::P, Pendidikan::S1, "keperawatan", 1990),
            );
            assert!(n.starts_with("Ns. ") && n.ends_with(", S.Kep."), "{n}");
            let n = full_name(&mut rng, &person(Sex::L, Pendidikan::S3, "ekonomi", 1970));
            assert!(n.starts_with("Dr. "), "{n}");
            let n = full_name(&mut rng, &person(Sex::L, Pendidikan::D3, "komputer", 1995));
            assert!(n.ends_with(", A.Md.Kom."), "{n}");
        }
    }

    #[test]
    fn names_carry_prefixes_and_hajj_titles_in_realistic_shares() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let (mut pal, mut hajj, mut multi) = (0, 0, 0);
        let n = 4000;
        for i in 0..n {
            let sex = if i % 2 == 0 { Sex::L } else { Sex::P };
            let name = full_name(&mut rng, &person(sex, Pendidikan::S1, "ekonomi", 1970));
            if [
                "Kemas ", "Kiagus ", "Masagus ", "Raden ", "Nyimas ", "Masayu ", "Nyayu ",
            ]
            .iter()
            .any(|p| name.contains(p))
            {
                pal += 1;
            }
            if name.starts_with("H. ") || name.starts_with("Hj. ") {
                hajj += 1;
            }
            if name.split(',').next().unwrap().split(' ').count() >= 2 {
                multi += 1;
            }
        }
        assert!((80..=300).contains(&pal), "Palembang prefixes: {pal}");
        assert!((400..=1200).contains(&hajj), "H./Hj. at 56: {hajj}");
        assert!(multi > n * 8 / 10, "most names have two or more words");
    }
}
