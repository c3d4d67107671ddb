//! The forms SIASN's and SIMPEG's exports (and spreadsheets in an Indonesian
//! locale) write values in, read on top of the domain's parsers: the older
//! eselon vocabulary, dates with month names or a time, education levels in
//! words, NIPs as typed on a decree, and a name with its titles kept apart.

use crate::domain::{squash, Pendidikan, Tingkat};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Whether a `tingkat_jabatan` / `Jenisjabatan` value is the older
/// "Jabatan Struktural", whose tier the eselon tells.
pub fn is_structural(s: &str) -> bool {
    matches!(
        squash(s).as_str(),
        "jabatanstruktural" | "struktural" | "js"
    )
}

/// The tier of a structural post by its eselon: `I.a`, `II.b`, `Eselon
/// III.a`, `IV`, or SIASN's eselon ids (`11`, `21`, `32`, `41`, `51`...).
///
/// UU 5/2014 (ASN) Pasal 131 sets the equivalence: eselon I.a of a head of a
/// non-ministerial agency is JPT Utama, the other I.a and I.b JPT Madya,
/// II JPT Pratama, III Administrator, IV Pengawas; the domain's parser reads
/// I.a as JPT Utama and so does this. Eselon V, which Pasal 131 puts with
/// the Pelaksana, is read as Pengawas as the import contract says (the
/// lowest structural tier the pool knows).
pub fn eselon_tier(s: &str) -> Option<Tingkat> {
    let k = squash(s);
    let k = k.strip_prefix("eselon").unwrap_or(&k);
    // SIASN's ids: the tens digit is the eselon, the ones digit a/b.
    let roman = match k {
        "11" => "ia",
        "12" => "ib",
        "21" => "iia",
        "22" => "iib",
        "31" => "iiia",
        "32" => "iiib",
        "41" => "iva",
        "42" => "ivb",
        "51" | "52" => "v",
        other => other,
    };
    let (level, sub) = match roman.strip_suffix(['a', 'b']) {
        Some(l) if !l.is_empty() => (l, &roman[l.len()..]),
        _ => (roman, ""),
    };
    match level {
        "i" => Some(if sub == "b" {
            Tingkat::JptMadya
        } else {
            Tingkat::JptUtama
        }),
        "ii" => Some(Tingkat::JptPratama),
        "iii" => Some(Tingkat::Administrator),
        "iv" | "v" => Some(Tingkat::Pengawas),
        _ => None,
    }
}

/// An education level as exports write it: `S-1/Sarjana`, `Diploma III`,
/// `D-IV`, `SLTA`, `S1 Teknik Sipil`, `Sarjana`, `Strata 2`, `Doktor`.
pub fn pendidikan(s: &str) -> Option<Pendidikan> {
    let s = s.trim();
    if let Some(p) = Pendidikan::parse(s)
        .or_else(|| s.split('/').next().and_then(Pendidikan::parse))
        .or_else(|| s.split_whitespace().next().and_then(Pendidikan::parse))
    {
        return Some(p);
    }
    let k = squash(s.split(['/', '(']).next().unwrap_or(s));
    let level = |rest: &str| match rest {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    };
    if let Some(rest) = k.strip_prefix("diploma") {
        return match level(rest)? {
            1 => Some(Pendidikan::D1),
            2 => Some(Pendidikan::D2),
            3 => Some(Pendidikan::D3),
            _ => Some(Pendidikan::D4),
        };
    }
    if let Some(rest) = k.strip_prefix("strata") {
        return match level(rest)? {
            1 => Some(Pendidikan::S1),
            2 => Some(Pendidikan::S2),
            3 => Some(Pendidikan::S3),
            _ => None,
        };
    }
    match k.as_str() {
        "sarjana" => Some(Pendidikan::S1),
        "magister" | "master" | "pascasarjana" => Some(Pendidikan::S2),
        "doktor" | "doktoral" => Some(Pendidikan::S3),
        _ => None,
    }
}

/// A month by its Indonesian or English name or their usual abbreviations.
fn month(s: &str) -> Option<u32> {
    let k = s.to_lowercase();
    let k = k.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &["januari", "january", "jan"],
        &["februari", "february", "feb", "peb"],
        &["maret", "march", "mar"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["agustus", "august", "agu", "agt", "ags", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nopember", "nov", "nop"],
        &["desember", "december", "des", "dec"],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&k))
        .map(|i| i as u32 + 1)
}

/// A date the domain's parser does not read but exports write: with a month
/// name (`26 September 1986`, `26-Sep-1986`, `26 Agustus 1986`) or followed
/// by a time (`1986-09-26 00:00:00`, `26-09-1986 00:00`).
pub fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some((day, time)) = s.split_once([' ', 'T']) {
        let time = time.trim();
        let is_time = !time.is_empty()
            && time.contains(':')
            && time
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
        if is_time {
            if let Some(d) = crate::domain::dates::parse(day) {
                return Some(d);
            }
        }
    }
    let parts: Vec<&str> = s.split([' ', '-', '/']).filter(|p| !p.is_empty()).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, y) = (d.parse::<u32>().ok()?, y.parse::<i32>().ok()?);
    if !(1000..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, month(m)?, d)
}

/// How a `N/N/YYYY` or `N-N-YYYY` value reads its first two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonth {
    /// The second number is above 12, the first is not: month first (`01/22/1971`).
    MonthFirstOnly,
    /// Both are 12 or below and differ: either could be the month (`05/06/1969`).
    Ambiguous,
}

/// Whether a slash or dash date with a four-digit year last is month first
/// only or ambiguous; `None` for any other value (`26/09/1986`, `1986-09-26`,
/// `05/05/1969`).
pub fn day_month(s: &str) -> Option<DayMonth> {
    let s = s.trim();
    let s = s.split_once([' ', 'T']).map_or(s, |(d, _)| d);
    let parts: Vec<&str> = s.split(['/', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    if !short(a) || !short(b) || y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    match (a, b) {
        (1..=12, 13..=31) => Some(DayMonth::MonthFirstOnly),
        (1..=12, 1..=12) if a != b => Some(DayMonth::Ambiguous),
        _ => None,
    }
}

/// Whether a CSV file's bytes may hold a value that [`day_month`] reads
/// (`1/22/1971`, `05-06-1969`): such a value is, in the bytes, a run of one
/// or two digits, a slash or dash, one or two digits, a slash or dash and
/// four digits, with no digit just before or after (the cell is trimmed and
/// its time cut at a blank or `T`). A file without one (ISO dates only, the
/// exports' own form) needs no pass to look for month-first columns.
pub fn may_hold_day_month(bytes: &[u8]) -> bool {
    let digits_before = |i: usize| {
        bytes[..i]
            .iter()
            .rev()
            .take(3)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let digits_from = |i: usize| {
        bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    memchr::memchr2_iter(b'/', b'-', bytes).any(|i| {
        let month = digits_from(i + 1);
        let j = i + 1 + month;
        (1..=2).contains(&digits_before(i))
            && (1..=2).contains(&month)
            && matches!(bytes.get(j), Some(b'/' | b'-'))
            && digits_from(j + 1) == 4
    })
}

/// A NIP as typed on a decree or kept as text by a spreadsheet: a leading
/// apostrophe dropped, the blanks between its groups removed
/// (`19860926 201505 1 001`). Other text is returned as it is.
pub fn nip_text(s: &str) -> Cow<'_, str> {
    let t = s.trim().trim_start_matches('\'').trim();
    if t.bytes().all(|b| b.is_ascii_digit() || b == b' ') && t.bytes().any(|b| b == b' ') {
        return Cow::Owned(t.replace(' ', ""));
    }
    if t.len() == s.len() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(t.to_string())
    }
}

/// Whether a title cell says "none" (`-`).
fn no_title(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t.chars().all(|c| c == '-')
}

/// A name with its titles as a decree writes it: `Dr. H. Ahmad Yani, S.E., M.Si.`.
/// Titles the name already carries are not repeated.
pub fn compose_name(before: Option<&str>, name: &str, after: Option<&str>) -> String {
    let mut out = String::new();
    let name = name.trim().trim_end_matches(',').trim_end();
    if let Some(b) = before.filter(|b| !no_title(b)) {
        let b = b.trim();
        if !name.to_lowercase().starts_with(&b.to_lowercase()) {
            out.push_str(b);
            out.push(' ');
        }
    }
    out.push_str(name);
    if let Some(a) = after.filter(|a| !no_title(a)) {
        let a = a.trim().trim_start_matches(',').trim_start();
        if !name.to_lowercase().ends_with(&a.to_lowercase()) {
            out.push_str(", ");
            out.push_str(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every value `day_month` reads, in any cell of a CSV file, is
        /// found by the quick look; a file of ISO dates and grades is not.
        #[test]
        fn the_quick_look_finds_every_day_month_value(
            a in 0u32..40, b in 0u32..40, y in 0u32..12000,
            pad in proptest::sample::select(vec![(false, false), (true, false), (false, true), (true, true)]),
            seps in proptest::sample::select(vec![('/', '/'), ('-', '-'), ('/', '-')]),
            before in "[ ,;\"a-z]{0,3}", after in "( 10:00|T08:00:00|\"|,x| )?",
        ) {
            let a = if pad.0 { format!("{a:02}") } else { a.to_string() };
            let b = if pad.1 { format!("{b:02}") } else { b.to_string() };
            let cell = format!("{a}{}{b}{}{y}", seps.0, seps.1);
            let file = format!("nip,tanggal\n198001012005011001,{before}{cell}{after}\n");
            if day_month(format!("{before}{cell}{after}").trim_matches([',', '"', ';'])).is_some()
                || day_month(&cell).is_some()
            {
                prop_assert!(may_hold_day_month(file.as_bytes()), "{file:?}");
            }
        }
    }

    #[test]
    fn iso_dates_and_grades_need_no_second_look() {
        let file =
            "nip,golongan,tanggal_lahir,tmt\n198001012005011001,IV/d,1980-01-01,2024-10-06T08:00\n";
        assert!(!may_hold_day_month(file.as_bytes()));
        assert!(may_hold_day_month(b"x,01/22/1971\n"));
        assert!(may_hold_day_month(b"5-6-1969"));
        assert!(!may_hold_day_month(b"2015/05/06"));
        assert!(!may_hold_day_month(b"1/2/197"));
    }

    #[test]
    fn eselons_give_tiers() {
        use Tingkat::*;
        for (e, t) in [
            ("I.a", Some(JptUtama)),
            ("I.b", Some(JptMadya)),
            ("II.a", Some(JptPratama)),
            ("Eselon II.b", Some(JptPratama)),
            ("III.a", Some(Administrator)),
            ("IIIb", Some(Administrator)),
            ("IV.a", Some(Pengawas)),
            ("IV", Some(Pengawas)),
            ("V.a", Some(Pengawas)),
            ("22", Some(JptPratama)),
            ("41", Some(Pengawas)),
            ("-", None),
            ("Non Eselon", None),
            ("VI", None),
            ("", None),
        ] {
            assert_eq!(eselon_tier(e), t, "{e}");
        }
        assert!(is_structural("Jabatan Struktural"));
        assert!(!is_structural("Jabatan Fungsional Tertentu"));
    }

    #[test]
    fn education_in_words() {
        use Pendidikan::*;
        for (s, p) in [
            ("S-1/Sarjana", Some(S1)),
            ("Diploma III", Some(D3)),
            ("Diploma IV", Some(D4)),
            ("D-IV", Some(D4)),
            ("SLTA", Some(Sma)),
            ("S1 Teknik Sipil", Some(S1)),
            ("Strata 2", Some(S2)),
            ("Sarjana", Some(S1)),
            ("Doktor", Some(S3)),
            ("Diploma V", None),
            ("Pesantren", None),
        ] {
            assert_eq!(pendidikan(s), p, "{s}");
        }
    }

    #[test]
    fn month_first_dates_are_told_from_ambiguous_ones() {
        assert_eq!(day_month("01/22/1971"), Some(DayMonth::MonthFirstOnly));
        assert_eq!(
            day_month("12-31-1980 00:00"),
            Some(DayMonth::MonthFirstOnly)
        );
        assert_eq!(day_month("05/06/1969"), Some(DayMonth::Ambiguous));
        for other in [
            "26/09/1986",
            "05/05/1969",
            "1986-09-26",
            "5/6/69",
            "x/6/1969",
            "22/13/1970",
        ] {
            assert_eq!(day_month(other), None, "{other}");
        }
    }

    #[test]
    fn dates_with_month_names_or_times() {
        let d = NaiveDate::from_ymd_opt(1986, 9, 26);
        for s in [
            "26 September 1986",
            "26-Sep-1986",
            "26 Sept. 1986",
            "26/sep/1986",
            "1986-09-26 00:00:00",
            "26-09-1986 00:00",
        ] {
            assert_eq!(date(s), d, "{s}");
        }
        assert_eq!(
            date("17 Agustus 1945"),
            NaiveDate::from_ymd_opt(1945, 8, 17)
        );
        assert_eq!(date("1 Mei 2020"), NaiveDate::from_ymd_opt(2020, 5, 1));
        for bad in [
            "31 Februari 2020",
            "26 Sep 86",
            "26 Foo 1986",
            "1986-09-26 x",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn nips_as_typed() {
        assert_eq!(nip_text("'198609262015051001"), "198609262015051001");
        assert_eq!(nip_text("19860926 201505 1 001"), "198609262015051001");
        assert_eq!(nip_text("198609262015051001"), "198609262015051001");
        assert_eq!(nip_text("1.98609E+17"), "1.98609E+17");
    }

    #[test]
    fn names_with_titles() {
        assert_eq!(
            compose_name(Some("Dr."), "Siti Rahma", Some("S.Kom., M.T.")),
            "Dr. Siti Rahma, S.Kom., M.T."
        );
        assert_eq!(
            compose_name(Some("Dr. H."), "Ahmad Yani", Some(", S.E., M.Si.")),
            "Dr. H. Ahmad Yani, S.E., M.Si."
        );
        assert_eq!(compose_name(Some("-"), "Budi", Some("")), "Budi");
        assert_eq!(compose_name(None, "Budi", Some("S.H.")), "Budi, S.H.");
        assert_eq!(
            compose_name(Some("Dr."), "Dr. Siti Rahma, S.Kom.", Some("S.Kom.")),
            "Dr. Siti Rahma, S.Kom.",
            "titles the name has already are not repeated"
        );
    }
}
