//! The minutes as an official document (English): letterhead, number,
//! opening, closing, signatures, pages.

use chrono::NaiveDate;

pub const NUMBER: &str = "Number";
pub const DRAFT_MARK: &str = "DRAFT";
/// `Page ` PAGE ` of ` NUMPAGES.
pub const PAGE: (&str, &str) = ("Page ", " of ");
pub const MEMBERS_HEADER: [&str; 4] = ["No.", "Name", "Role", "Attendance"];
pub const NIP: &str = "NIP";
pub const NIP_BLANK: &str = "NIP ..............................";
pub const KNOWN_BY: &str = "Acknowledged,";
pub const PPK_TITLE: &str = "Staffing Supervisory Official (PPK)";
pub const DOC_TITLE: &str = "Minutes of the Talent Committee Session";
pub const CLOSING: &str = "These minutes were drawn up truthfully, to be used as required.";
pub const VERIFY: &str = "Verification note";
pub const PLACE: &str = "Place";
pub const TIME: &str = "Time";

/// The candidate's values in words: (box, latest SKP, potensi, golongan, competencies).
pub const SNAPSHOT: [&str; 5] = [
    "box",
    "latest SKP rating",
    "potential",
    "grade",
    "competencies",
];

/// `On Thursday, 3 December 2026, at 09:00 WIB, at the BKD hall, ...`.
pub fn opening(date: NaiveDate, time: Option<&str>, place: Option<&str>, title: &str) -> String {
    let mut s = format!("On {}", date.format("%A, %-d %B %Y"));
    if let Some(t) = time {
        s.push_str(&format!(", at {t}"));
    }
    if let Some(p) = place {
        s.push_str(&format!(", at {p}"));
    }
    s.push_str(&format!(
        ", the Talent Committee held the session \"{title}\", with the attendance, discussion and results below."
    ));
    s
}

/// `Contoh, 3 December 2026`.
pub fn place_date(city: Option<&str>, date: NaiveDate) -> String {
    let d = date.format("%-d %B %Y");
    match city {
        Some(c) => format!("{c}, {d}"),
        None => d.to_string(),
    }
}

pub fn logo_unreadable(path: &std::path::Path, why: &str) -> String {
    format!(
        "the letterhead logo {} cannot be used: {why} (it must be a PNG file)",
        path.display()
    )
}
