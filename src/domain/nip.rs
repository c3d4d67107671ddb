//! NIP: 18 digits = birth date YYYYMMDD + CPNS start YYYYMM + sex (1/2) + 3-digit sequence.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NipParts {
    pub birth: NaiveDate,
    pub cpns_year: i32,
    pub cpns_month: u32,
    /// 1 male, 2 female, as the NIP says (PPPK numbers may hold other digits).
    pub sex_digit: u8,
    pub sequence: u16,
}

/// Why a NIP is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NipError {
    /// Not exactly 18 characters.
    Length(usize),
    /// A character that is not a digit.
    NotDigits,
    /// The first eight digits are not a real date.
    BirthDate,
}

/// An 18-digit text (a NIP's form, valid or not) as its value: below 10^18,
/// so one value stands for one text. For looking NIPs up by number (ours:
/// millions of them in an import are hashed and compared as numbers).
pub fn as_number(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() != 18 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
}

/// Validate a NIP and split it into its parts.
pub fn parse(nip: &str) -> Result<NipParts, NipError> {
    let n = nip.chars().count();
    if n != 18 {
        return Err(NipError::Length(n));
    }
    if !nip.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NipError::NotDigits);
    }
    let num = |r: std::ops::Range<usize>| nip[r].parse::<u32>().unwrap_or(0);
    let birth = NaiveDate::from_ymd_opt(num(0..4) as i32, num(4..6), num(6..8))
        .ok_or(NipError::BirthDate)?;
    Ok(NipParts {
        birth,
        cpns_year: num(8..12) as i32,
        cpns_month: num(12..14),
        sex_digit: num(14..15) as u8,
        sequence: num(15..18) as u16,
    })
}

/// Why text given where a NIP is expected (a command's argument) cannot be
/// one: a character that is not a digit (blanks included), not 18 digits, or
/// a birth date (the first eight) that is no date, which the import refuses,
/// so no employee can have it. `None` for a valid NIP, even when no employee
/// has it.
pub fn malformed(nip: &str) -> Option<NipError> {
    let nip = nip.trim();
    if !nip.bytes().all(|b| b.is_ascii_digit()) {
        Some(NipError::NotDigits)
    } else if nip.len() != 18 {
        Some(NipError::Length(nip.len()))
    } else {
        parse(nip).err()
    }
}

/// Build a NIP from its parts (used by the demo generator).
pub fn compose(
    birth: NaiveDate,
    cpns_year: i32,
    cpns_month: u32,
    male: bool,
    sequence: u16,
) -> String {
    format!(
        "{}{:04}{:02}{}{:03}",
        birth.format("%Y%m%d"),
        cpns_year,
        cpns_month,
        if male { 1 } else { 2 },
        sequence % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nip_whose_birth_date_is_no_date_is_malformed() {
        assert_eq!(malformed("196813131993072003"), Some(NipError::BirthDate));
        assert_eq!(malformed("19681313199307200"), Some(NipError::Length(17)));
        assert_eq!(malformed("198609262015051001"), None);
    }

    #[test]
    fn splits_the_example_nip() {
        let p = parse("198609262015051001").unwrap();
        assert_eq!(p.birth, NaiveDate::from_ymd_opt(1986, 9, 26).unwrap());
        assert_eq!((p.cpns_year, p.cpns_month), (2015, 5));
        assert_eq!(p.sex_digit, 1);
        assert_eq!(p.sequence, 1);
    }

    #[test]
    fn rejects_bad_nips() {
        assert_eq!(parse("1986092620150510"), Err(NipError::Length(16)));
        assert_eq!(parse("19860926201505100X"), Err(NipError::NotDigits));
        assert_eq!(parse("198602302015051001"), Err(NipError::BirthDate));
        assert_eq!(parse("198613012015051001"), Err(NipError::BirthDate));
        assert_eq!(parse(""), Err(NipError::Length(0)));
        assert_eq!(
            parse("１９８６０９２６２０１５０５１００１"),
            Err(NipError::NotDigits)
        );
    }

    #[test]
    fn malformed_says_why_text_is_no_nip() {
        assert_eq!(malformed("19860926201505100"), Some(NipError::Length(17)));
        assert_eq!(malformed("1986092620150510011"), Some(NipError::Length(19)));
        assert_eq!(malformed(""), Some(NipError::Length(0)));
        assert_eq!(
            malformed("19860926 201505 1 001"),
            Some(NipError::NotDigits)
        );
        assert_eq!(malformed("1.98609262015051E+17"), Some(NipError::NotDigits));
        assert_eq!(malformed(" 198609262015051001 "), None);
        // 18 digits whose birth date is no date: the import refuses them, so
        // no employee has them; saying "no such employee" would mislead.
        assert_eq!(malformed("198613012015051001"), Some(NipError::BirthDate));
    }

    #[test]
    fn compose_round_trips() {
        let b = NaiveDate::from_ymd_opt(1990, 2, 3).unwrap();
        let nip = compose(b, 2014, 3, false, 27);
        assert_eq!(nip, "199002032014032027");
        let p = parse(&nip).unwrap();
        assert_eq!(p.birth, b);
        assert_eq!(p.sex_digit, 2);
    }
}
