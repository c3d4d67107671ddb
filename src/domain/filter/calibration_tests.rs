//! The talent-review fields: `kotak` (in effect), `kotak_hitung` (alias
//! `computed_box`) and `kalibrasi` (alias `calibration`: ya / usang / tidak).

use super::parse::KALIBRASI_VALUES;
use super::*;
use crate::domain::calibration::Calibration;
use crate::domain::candidate::tests::sample;
use crate::domain::Rules;

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// sample() (computed box 9) calibrated to `kotak` on the computed box `agreed_on`.
fn calibrated(kotak: u8, agreed_on: u8) -> Candidate {
    let mut c = sample();
    c.calibration = Some(Box::new(Calibration {
        id: 1,
        session: 1,
        kotak,
        kotak_agreed_on: Some(agreed_on),
        kotak_now: None,
        reason: "grounds".into(),
    }));
    c.compute_kotak(&Rules::default());
    c
}

fn holds(filter: &str, c: &Candidate) -> bool {
    parse(filter).unwrap().matches(c, on())
}

#[test]
fn in_effect_the_agreed_box_is_kotak() {
    let c = calibrated(8, 9);
    assert!(holds("kotak=8", &c));
    assert!(holds("box<9", &c));
    assert!(holds("kotak_hitung=9", &c));
    assert!(holds("computed_box>=9", &c));
    assert!(holds("kalibrasi=ya", &c));
    assert!(holds("calibration=yes", &c));
    assert!(holds("kalibrasi!=usang", &c));
    assert!(!holds("kalibrasi=tidak", &c));
}

#[test]
fn stale_the_computed_box_applies_again() {
    // Agreed on box 5; the data now gives 9.
    let c = calibrated(3, 5);
    assert!(holds("kotak=9", &c));
    assert!(holds("kotak_hitung=9", &c));
    assert!(holds("kalibrasi=usang", &c));
    assert!(holds("calibration=stale", &c));
    assert!(!holds("kalibrasi=ya", &c));
}

#[test]
fn never_calibrated_is_tidak_and_both_boxes_agree() {
    let mut c = sample();
    c.compute_kotak(&Rules::default());
    assert!(holds("kalibrasi=tidak", &c));
    assert!(holds("calibration=no", &c));
    assert!(holds("kotak=9 kotak_hitung=9", &c));
}

#[test]
fn misspelt_or_misused_values_are_explained() {
    let e = parse("kalibrasi=usng").unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::BadValue {
            field: Field::Kalibrasi,
            value: "usng".into(),
            expected: Expected::OneOf(KALIBRASI_VALUES),
        }
    );
    assert_eq!(e.column, 11);
    assert!(matches!(
        parse("kotak_hitung=10").unwrap_err().kind,
        ErrorKind::BadValue {
            field: Field::KotakHitung,
            ..
        }
    ));
    // ya / usang / tidak have no order.
    assert!(parse("kalibrasi>ya").is_err());
    // The names round trip.
    for f in [Field::KotakHitung, Field::Kalibrasi] {
        assert_eq!(Field::parse(&f.name()), Some(f));
    }
}
