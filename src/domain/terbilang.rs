//! Numbers, days and months in Indonesian words, as official documents write
//! a date in full (Tata Naskah Dinas: "Pada hari ini Kamis tanggal tiga bulan
//! Desember tahun dua ribu dua puluh enam"), and the Roman month of letter
//! numbers (`800/12/BKD/XII/2026`).

use chrono::{Datelike, NaiveDate, Weekday};

const ONES: [&str; 12] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
];

/// A whole number in words: `1` satu, `11` sebelas, `12` dua belas, `100`
/// seratus, `1000` seribu, `2031` dua ribu tiga puluh satu.
pub fn number(n: u64) -> String {
    let words = spell(n);
    if words.is_empty() {
        ONES[0].to_string()
    } else {
        words
    }
}

/// The words of `n`, empty for zero (a part of a larger number).
fn spell(n: u64) -> String {
    let join = |head: String, rest: u64| {
        let tail = spell(rest);
        if tail.is_empty() {
            head
        } else {
            format!("{head} {tail}")
        }
    };
    match n {
        0 => String::new(),
        1..=11 => ONES[n as usize].to_string(),
        12..=19 => format!("{} belas", ONES[(n - 10) as usize]),
        20..=99 => join(format!("{} puluh", ONES[(n / 10) as usize]), n % 10),
        100..=199 => join("seratus".to_string(), n - 100),
        200..=999 => join(format!("{} ratus", ONES[(n / 100) as usize]), n % 100),
        1000..=1999 => join("seribu".to_string(), n - 1000),
        _ => {
            let (scale, name) = [
                (1_000_000_000_000u64, "triliun"),
                (1_000_000_000, "miliar"),
                (1_000_000, "juta"),
                (1000, "ribu"),
            ]
            .into_iter()
            .find(|(s, _)| n >= *s)
            .unwrap_or((1000, "ribu"));
            join(format!("{} {name}", spell(n / scale)), n % scale)
        }
    }
}

/// The day of the week: Senin .. Minggu.
pub fn day(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The month's name, 1 = Januari.
pub fn month(m: u32) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// A date as a signature line writes it: `3 Desember 2026`.
pub fn date_long(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(d.month()), d.year())
}

/// The day, date, month and year in words, as the opening of a berita acara:
/// `Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam`.
pub fn date_words(d: NaiveDate) -> String {
    format!(
        "{} tanggal {} bulan {} tahun {}",
        day(d.weekday()),
        number(d.day().into()),
        month(d.month()),
        number(d.year().max(0) as u64)
    )
}

/// The month in Roman numerals (letter numbers): 12 -> `XII`.
pub fn roman_month(m: u32) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ][(m.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        for (n, w) in [
            (0, "nol"),
            (1, "satu"),
            (3, "tiga"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (31, "tiga puluh satu"),
            (100, "seratus"),
            (101, "seratus satu"),
            (111, "seratus sebelas"),
            (250, "dua ratus lima puluh"),
            (1000, "seribu"),
            (1945, "seribu sembilan ratus empat puluh lima"),
            (2026, "dua ribu dua puluh enam"),
            (2031, "dua ribu tiga puluh satu"),
            (11_000, "sebelas ribu"),
            (100_000, "seratus ribu"),
            (1_000_000, "satu juta"),
        ] {
            assert_eq!(number(n), w, "{n}");
        }
    }

    #[test]
    fn a_date_in_words_and_its_day() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(
            date_words(d),
            "Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam"
        );
        assert_eq!(date_long(d), "3 Desember 2026");
        assert_eq!(roman_month(12), "XII");
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(day(monday.weekday()), "Senin");
        assert_eq!(day((monday + chrono::Days::new(4)).weekday()), "Jumat");
        assert_eq!(day(Weekday::Sun), "Minggu");
        assert_eq!(month(1), "Januari");
    }
}
