//! Positions (jabatan) the committee fills: the order they are listed in and
//! the ranked shortlist of a position.

use super::candidate::{Candidate, Pool};
use super::competency::Competency;
use super::eligibility::{self, Ineligible};
use super::filter::Filter;
use super::jpm::{jpm, FillBand, Jpm, MapBand, Requirement};
use super::nine_box::is_talent_pool;
use super::rules::Rules;
use super::tier::Tingkat;
use chrono::{Months, NaiveDate};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A position with its required competency levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub kode: String,
    pub nama: String,
    pub tingkat: Tingkat,
    pub unit: String,
    pub vacant: bool,
    pub holder_nip: Option<String>,
    pub requirement: Requirement,
    /// Target or critical position (jabatan.csv's `kategori`), if named so.
    pub kategori: Option<super::krs::Kategori>,
    /// The members of its established KRS in force, every period (oldest first).
    pub krs: Vec<super::krs::KrsMember>,
}

impl Position {
    /// The members of its KRS established for `period`.
    pub fn krs_in(&self, period: i32) -> impl Iterator<Item = &super::krs::KrsMember> {
        self.krs.iter().filter(move |m| m.period == period)
    }

    pub fn required(&self, c: Competency) -> Option<u8> {
        let l = self.requirement[c.index()];
        (l > 0).then_some(l)
    }
}

/// Where a position stands in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// No holder (lowong, or a holder no longer in the pool).
    Vacant,
    /// The holder reaches the BUP of this post within the window (or already has).
    Retiring,
    Filled,
}

impl Group {
    pub fn code(self) -> &'static str {
        match self {
            Group::Vacant => "lowong",
            Group::Retiring => "pensiun",
            Group::Filled => "terisi",
        }
    }
}

/// A position as listed: its group, its holder and the holder's retirement date.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    pub position: &'a Position,
    pub group: Group,
    pub holder: Option<&'a Candidate>,
    /// The holder's TMT pensiun under this post's BUP.
    pub retirement: Option<NaiveDate>,
}

/// The positions in committee order: vacant first (by kode), then those whose
/// holder retires within `years` of `as_of` (soonest first, then kode), then
/// the rest (by kode). A post marked filled whose holder is not in the pool is
/// listed as vacant: nobody the committee knows holds it.
pub fn list<'a>(positions: &'a [Position], pool: &'a Pool, years: u32) -> Vec<Listed<'a>> {
    let horizon = pool
        .as_of
        .checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX);
    // One pass over the pool for all holders (a large pool has many posts).
    let wanted: HashMap<&str, ()> = positions
        .iter()
        .filter(|p| !p.vacant)
        .filter_map(|p| p.holder_nip.as_deref())
        .map(|n| (n, ()))
        .collect();
    let holders: HashMap<&str, &'a Candidate> = pool
        .rows
        .iter()
        .filter(|c| wanted.contains_key(&*c.nip))
        .map(|c| (&*c.nip, c))
        .collect();
    let mut out: Vec<Listed<'a>> = positions
        .iter()
        .map(|p| {
            let holder = if p.vacant {
                None
            } else {
                p.holder_nip
                    .as_deref()
                    .and_then(|n| holders.get(n).copied())
            };
            let retirement = holder.map(|h| {
                super::dates::retirement_date(h.birth, pool.rules.bup_age(p.tingkat, &p.nama))
            });
            let group = match (holder, retirement) {
                (None, _) => Group::Vacant,
                (Some(_), Some(r)) if r <= horizon => Group::Retiring,
                _ => Group::Filled,
            };
            Listed {
                position: p,
                group,
                holder,
                retirement,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.group
            .cmp(&b.group)
            .then_with(|| match a.group {
                Group::Retiring => a.retirement.cmp(&b.retirement),
                _ => Ordering::Equal,
            })
            .then_with(|| a.position.kode.cmp(&b.position.kode))
    });
    out
}

/// One shortlisted candidate.
#[derive(Debug, Clone)]
pub struct Ranked<'a> {
    /// Index of the candidate in the pool's rows.
    pub row: u32,
    pub candidate: &'a Candidate,
    /// `None` when the position states no requirement.
    pub jpm: Option<Jpm>,
    pub fill: Option<FillBand>,
    pub map: Option<MapBand>,
}

impl Ranked<'_> {
    pub fn talent_pool(&self) -> bool {
        self.candidate.kotak.is_some_and(is_talent_pool)
    }
}

/// Rank candidates for a position: talent-pool boxes (7–9) first, then JPM
/// descending, then the latest SKP predikat (better first, none last), then
/// NIP ascending. NIPs are unique, so the order is total and does not depend
/// on the order the candidates came in.
pub fn rank<'a>(
    candidates: impl Iterator<Item = (u32, &'a Candidate)>,
    pos: &Position,
    rules: &Rules,
) -> Vec<Ranked<'a>> {
    order(
        candidates
            .map(|(row, c)| ranked(row, c, pos, rules))
            .collect(),
    )
}

/// Candidates with their match, put in the shortlist's order (see [`rank`]).
fn order(mut v: Vec<Ranked<'_>>) -> Vec<Ranked<'_>> {
    // Each candidate's place read once: sort (key, NIP, index) triples, where
    // the key orders like `compare` up to the NIP (see `rank_key`) and the NIP
    // as its number when every NIP is 18 digits. The index makes the order
    // total, as the stable sort by `compare` keeps the input order of ties.
    let numeric = v.iter().all(|r| is_numeric_nip(&r.candidate.nip));
    let mut keyed: Vec<(u128, u64, u32)> = v
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let nip = if numeric {
                r.candidate.nip.parse().unwrap_or(0)
            } else {
                0
            };
            (rank_key(r), nip, i as u32)
        })
        .collect();
    keyed.sort_unstable_by(|x, y| {
        (x.0, x.1).cmp(&(y.0, y.1)).then_with(|| {
            let (a, b) = (&v[x.2 as usize], &v[y.2 as usize]);
            a.candidate.nip.cmp(&b.candidate.nip).then(x.2.cmp(&y.2))
        })
    });
    // Put each where it belongs in place, one cycle of the permutation at a
    // time (no second vector of a possibly half-million rows).
    let mut from: Vec<u32> = keyed.into_iter().map(|k| k.2).collect();
    const DONE: u32 = u32::MAX;
    for start in 0..from.len() {
        let mut to = start;
        while from[to] != DONE {
            let src = from[to] as usize;
            from[to] = DONE;
            if src == start {
                break;
            }
            v.swap(to, src);
            to = src;
        }
    }
    v
}

/// A candidate with its job-person match for `pos`.
fn ranked<'a>(row: u32, c: &'a Candidate, pos: &Position, rules: &Rules) -> Ranked<'a> {
    let j = jpm(&c.competency, &pos.requirement);
    Ranked {
        row,
        candidate: c,
        fill: j.map(|j| rules.jpm.fill(j.percent)),
        map: j.map(|j| rules.jpm.map(j.percent)),
        jpm: j,
    }
}

fn is_numeric_nip(nip: &str) -> bool {
    nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit())
}

/// An integer ascending in the order of [`compare`] before the NIP: talent
/// pool first, then the higher JPM (none last), then the better latest predikat.
fn rank_key(r: &Ranked<'_>) -> u128 {
    // JPM percentages are 0..=100: their bits order like the numbers.
    let pct = r
        .jpm
        .map_or(0, |j| j.percent.max(0.0).to_bits() as u128 + 1);
    let pred = r
        .candidate
        .latest_predikat()
        .map_or(0, |p| p.rank() as u128 + 1);
    let up = (u128::from(r.talent_pool()) << 100) | (pct << 8) | pred;
    u128::MAX - up
}

/// The order of [`rank`], one pair at a time (the reference its test holds it to).
#[cfg(test)]
fn compare(a: &Ranked<'_>, b: &Ranked<'_>) -> Ordering {
    let pct = |r: &Ranked<'_>| r.jpm.map(|j| j.percent).unwrap_or(-1.0);
    b.talent_pool()
        .cmp(&a.talent_pool())
        .then_with(|| pct(b).total_cmp(&pct(a)))
        .then_with(|| {
            b.candidate
                .latest_predikat()
                .cmp(&a.candidate.latest_predikat())
        })
        .then_with(|| a.candidate.nip.cmp(&b.candidate.nip))
}

/// The shortlist of a position: the eligible candidates matching `filter`
/// (the active filter; `None` = everyone), ranked.
pub fn shortlist<'a>(pool: &'a Pool, pos: &Position, filter: Option<&Filter>) -> Vec<Ranked<'a>> {
    let as_of = pool.as_of;
    rank_eligible(
        pool,
        pos,
        (0..pool.rows.len() as u32).filter(|&i| {
            filter.is_none_or(|f| f.matches_with(&pool.rows[i as usize], as_of, &pool.rules))
        }),
    )
}

/// Below this many rows the conditions are checked on the caller's thread.
const PARALLEL_FROM: usize = 100_000;

/// The eligible candidates among pool `rows`, ranked.
///
/// Checking every condition of every row is the shortlist's main cost at
/// national scale (a million rows for a JPT post), so a large pool is
/// checked in one contiguous part per core; the parts are joined in row
/// order, so the ranking is the one a single pass gives.
pub fn rank_eligible<'a>(
    pool: &'a Pool,
    pos: &Position,
    rows: impl Iterator<Item = u32>,
) -> Vec<Ranked<'a>> {
    let rows: Vec<u32> = rows.collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let parts = if rows.len() < PARALLEL_FROM {
        1
    } else {
        threads
    };
    rank_eligible_in(pool, pos, rows, parts)
}

/// [`rank_eligible`] with the rows checked in `parts` contiguous parts, one
/// thread each (1: on the caller's thread).
fn rank_eligible_in<'a>(
    pool: &'a Pool,
    pos: &Position,
    rows: Vec<u32>,
    parts: usize,
) -> Vec<Ranked<'a>> {
    let eligible = |i: u32| {
        pool.rows
            .get(i as usize)
            .filter(|c| eligibility::check(c, pos, &pool.rules, pool.as_of).is_ok())
            .map(|c| (i, c))
    };
    if parts < 2 {
        return rank(rows.into_iter().filter_map(eligible), pos, &pool.rules);
    }
    let part = rows.len().div_ceil(parts).max(1);
    let rules = &pool.rules;
    let parts: Vec<Vec<Ranked<'a>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(part)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|&i| eligible(i))
                        .map(|(row, c)| ranked(row, c, pos, rules))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    order(parts.into_iter().flatten().collect())
}

/// Why a candidate is or is not eligible, for the compare view.
pub fn eligibility_of(c: &Candidate, pos: &Position, pool: &Pool) -> Result<(), Ineligible> {
    eligibility::check(c, pos, &pool.rules, pool.as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::tests::sample;
    use crate::domain::candidate::Text;
    use crate::domain::{Golongan, Potensi, Predikat};

    fn pos(req: Requirement) -> Position {
        Position {
            kode: "DISDIK-ADM-01".into(),
            nama: "Sekretaris Dinas".into(),
            tingkat: Tingkat::Administrator,
            unit: "Dinas Pendidikan".into(),
            vacant: true,
            holder_nip: None,
            requirement: req,
            kategori: None,
            krs: Vec::new(),
        }
    }

    fn cand(nip: &str, levels: [u8; 9], kotak: Option<u8>, latest: Option<Predikat>) -> Candidate {
        let mut c = sample();
        c.nip = nip.into();
        c.competency = levels;
        c.kotak = kotak;
        c.skp = latest
            .map(|p| smallvec::smallvec![(2025, p)])
            .unwrap_or_default();
        c
    }

    fn rows(cs: &[Candidate]) -> impl DoubleEndedIterator<Item = (u32, &Candidate)> {
        cs.iter().enumerate().map(|(i, c)| (i as u32, c))
    }

    fn nips(r: &[Ranked<'_>]) -> Vec<String> {
        r.iter().map(|x| x.candidate.nip.to_string()).collect()
    }

    proptest::proptest! {
        #[test]
        fn the_keyed_order_is_the_order_of_compare(
            spec in proptest::collection::vec(
                (0u8..4, 0u8..6, 0u8..10, 0u8..3, 0u8..6),
                0..60,
            ),
            req in proptest::collection::vec(0u8..4, 9),
            digits in proptest::bool::ANY,
        ) {
            let rules = Rules::default();
            let mut r = [0u8; 9];
            r.copy_from_slice(&req);
            let p = pos(r);
            let cs: Vec<Candidate> = spec
                .iter()
                .map(|&(a, b, k, n, pr)| {
                    // Few distinct NIPs, so ties and equal NIPs occur.
                    let nip = if digits {
                        format!("19860926201505{:04}", n)
                    } else {
                        ["x1", "A2", "19860926201505100"][n as usize].to_string()
                    };
                    let latest = Predikat::ALL.get(pr as usize).copied();
                    cand(&nip, [a, b, a, b, a, 3, 2, 1, b], (k > 0).then_some(k), latest)
                })
                .collect();
            let got: Vec<u32> = rank(rows(&cs), &p, &rules).iter().map(|x| x.row).collect();
            let mut want = rank_unsorted(&cs, &p, &rules);
            want.sort_by(compare);
            let want: Vec<u32> = want.iter().map(|x| x.row).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn rank_unsorted<'a>(cs: &'a [Candidate], p: &Position, rules: &Rules) -> Vec<Ranked<'a>> {
        rows(cs).map(|(row, c)| ranked(row, c, p, rules)).collect()
    }

    #[test]
    fn talent_pool_first_then_jpm_then_predikat_then_nip() {
        let rules = Rules::default();
        let p = pos([3; 9]);
        let cs = [
            cand("5", [3; 9], Some(5), Some(Predikat::Baik)), // 100 %, not talent pool
            cand("4", [2; 9], Some(7), Some(Predikat::Baik)), // 66.7 %, talent pool
            cand("3", [3; 9], Some(8), Some(Predikat::Baik)), // 100 %, talent pool
            cand("2", [3; 9], Some(9), Some(Predikat::SangatBaik)), // 100 %, SB
            cand("1", [3; 9], Some(8), Some(Predikat::Baik)), // tie with "3": NIP
            cand("6", [3; 9], None, None),                    // 100 %, no predikat
        ];
        let r = rank(rows(&cs), &p, &rules);
        assert_eq!(nips(&r), ["2", "1", "3", "4", "5", "6"]);
        assert_eq!(r[3].fill, Some(FillBand::Kms));
        assert_eq!(r[0].map, Some(MapBand::Optimal));
    }

    #[test]
    fn ranking_is_stable_on_ties_whatever_the_input_order() {
        let rules = Rules::default();
        let p = pos([3; 9]);
        let cs: Vec<Candidate> = (0..12)
            .map(|i| {
                cand(
                    &format!("{:02}", 11 - i),
                    [3; 9],
                    Some(8),
                    Some(Predikat::Baik),
                )
            })
            .collect();
        let forward = nips(&rank(rows(&cs), &p, &rules));
        let backward = nips(&rank(rows(&cs).rev(), &p, &rules));
        assert_eq!(forward, backward);
        let mut sorted = forward.clone();
        sorted.sort();
        assert_eq!(forward, sorted, "ties fall back to NIP ascending");
    }

    #[test]
    fn positions_vacant_then_retiring_then_rest() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut old = sample();
        old.nip = "196805201990031010".into();
        old.birth = NaiveDate::from_ymd_opt(1968, 5, 20).unwrap(); // JPT BUP 60 -> 2028-06-01
        old.potensi = Some(Potensi::Tinggi);
        let mut young = sample();
        young.nip = "198609262015051001".into();
        young.golongan = Golongan::parse("IV/a").unwrap();
        young.jabatan = Text::new("Kepala Dinas");
        let pool = Pool::new(vec![old, young], as_of, Rules::default());
        let mk = |kode: &str, vacant: bool, holder: Option<&str>| Position {
            kode: kode.into(),
            nama: "Kepala Dinas".into(),
            tingkat: Tingkat::JptPratama,
            unit: "Dinas".into(),
            vacant,
            holder_nip: holder.map(str::to_string),
            requirement: [4; 9],
            kategori: None,
            krs: Vec::new(),
        };
        let ps = vec![
            mk("A", false, Some("198609262015051001")),
            mk("B", false, Some("196805201990031010")),
            mk("C", true, None),
            mk("D", false, Some("000000000000000000")),
        ];
        let l = list(&ps, &pool, 2);
        let order: Vec<(&str, Group)> = l
            .iter()
            .map(|x| (x.position.kode.as_str(), x.group))
            .collect();
        assert_eq!(
            order,
            [
                ("C", Group::Vacant),
                ("D", Group::Vacant),
                ("B", Group::Retiring),
                ("A", Group::Filled)
            ]
        );
        assert_eq!(l[2].retirement, NaiveDate::from_ymd_opt(2028, 6, 1));
        // A one-year window leaves B with the rest.
        let l = list(&ps, &pool, 1);
        assert_eq!(l[2].position.kode, "A");
        assert_eq!(l[2].group, Group::Filled);
    }

    #[test]
    fn shortlist_follows_the_filter_and_eligibility() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut a = sample(); // Pengawas III/c S2: eligible for Administrator
        a.nip = "1".into();
        let mut b = sample();
        b.nip = "2".into();
        b.unit = Text::new("Bappeda");
        let mut c = sample();
        c.nip = "3".into();
        c.tingkat = Tingkat::Pelaksana; // two steps below
        let pool = Pool::new(vec![a, b, c], as_of, Rules::default());
        let p = pos([3; 9]);
        assert_eq!(nips(&shortlist(&pool, &p, None)), ["1", "2"]);
        let f = crate::domain::filter::parse("unit~bappeda").unwrap();
        assert_eq!(nips(&shortlist(&pool, &p, Some(&f))), ["2"]);
    }

    #[test]
    fn checking_in_parts_ranks_as_one_pass_does() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let tiers = [
            Tingkat::Pelaksana,
            Tingkat::Pengawas,
            Tingkat::Administrator,
        ];
        let grades = ["III/a", "III/c", "III/d", "IV/a"];
        let cs: Vec<Candidate> = (0..500u32)
            .map(|i| {
                let mut c = sample();
                c.nip = format!(
                    "{:018}",
                    199_000_000_000_000_000u64 - u64::from(i * 7 % 500)
                )
                .into();
                c.tingkat = tiers[i as usize % 3];
                c.golongan = crate::domain::Golongan::parse(grades[i as usize % 4]).unwrap();
                c.competency = [(2 + i % 4) as u8; 9];
                c.kotak = Some((1 + i % 9) as u8);
                c
            })
            .collect();
        let pool = Pool::new(cs, as_of, Rules::default());
        let p = pos([3; 9]);
        let all = || (0..pool.rows.len() as u32).collect::<Vec<_>>();
        let one = nips(&rank_eligible_in(&pool, &p, all(), 1));
        assert!(one.len() > 50 && one.len() < 500, "{}", one.len());
        for parts in [2, 3, 7, 1000] {
            assert_eq!(
                nips(&rank_eligible_in(&pool, &p, all(), parts)),
                one,
                "{parts} parts"
            );
        }
    }
}
