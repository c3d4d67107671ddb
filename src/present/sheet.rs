//! One exported table as CSV and xlsx both write it: a header and rows of
//! typed cells. A command describes its columns once, as a [`Sheet`]; the
//! type of each cell decides how each format writes it, so that a NIP stays
//! text (never `1.96701191996111E+17`), a date is a date and a number (a
//! negative gap too) a number.

use super::csv::safe_cell;
use crate::domain::text;
use crate::domain::zone::Zone;
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

/// One typed cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (unknown, or not applicable to the row).
    Empty,
    /// Text as stored: a name, a unit, a word or code of the vocabulary.
    Text(String),
    /// An identifier made of digits or looking like a number, date or
    /// formula (a NIP, a position code, an SK number): always text, kept
    /// exactly as written.
    Code(String),
    /// A whole number (a gap may be negative).
    Int(i64),
    /// A number shown with a fixed count of decimals (the JPM percentage).
    Decimal {
        value: f64,
        places: u8,
    },
    Bool(bool),
    Date(NaiveDate),
    /// A stored UTC time read in the agency's zone (`local`): CSV writes it
    /// in ISO 8601 with the zone's offset, xlsx as a date and time; a stored
    /// text that is not a time is written as it is.
    Time {
        stored: String,
        local: Option<DateTime<FixedOffset>>,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn code(s: impl Into<String>) -> Cell {
        Cell::Code(s.into())
    }

    /// Text, or empty when there is none.
    pub fn opt_text<S: Into<String>>(s: Option<S>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    /// A code, or empty when there is none.
    pub fn opt_code<S: Into<String>>(s: Option<S>) -> Cell {
        s.map_or(Cell::Empty, Cell::code)
    }

    pub fn int(n: impl Into<i64>) -> Cell {
        Cell::Int(n.into())
    }

    /// A whole number, or empty when there is none.
    pub fn opt_int<N: Into<i64>>(n: Option<N>) -> Cell {
        n.map_or(Cell::Empty, Cell::int)
    }

    /// A number with `places` decimals, or empty when there is none.
    pub fn decimal(value: Option<f64>, places: u8) -> Cell {
        value.map_or(Cell::Empty, |value| Cell::Decimal { value, places })
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// A stored `YYYY-MM-DD` as a date; any other text as it is.
    pub fn date_text(stored: &str) -> Cell {
        match NaiveDate::parse_from_str(stored, "%Y-%m-%d") {
            Ok(d) => Cell::Date(d),
            Err(_) => Cell::text(stored),
        }
    }

    /// A stored UTC time (RFC 3339), read in `zone` for a spreadsheet.
    pub fn time(zone: Zone, stored: &str) -> Cell {
        Cell::Time {
            stored: stored.to_string(),
            local: zone.local(stored),
        }
    }

    /// The cell as CSV text: numbers, dates (`YYYY-MM-DD`), times (ISO 8601
    /// with the offset) and booleans (`true`/`false`) as they are; text with
    /// its control characters as visible escapes and a leading formula
    /// character neutralised.
    pub fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Time { local: Some(t), .. } => t.to_rfc3339_opts(SecondsFormat::Secs, false),
            Cell::Text(s) | Cell::Code(s) | Cell::Time { stored: s, .. } => {
                safe_cell(&text::visible(s))
            }
            Cell::Int(n) => n.to_string(),
            Cell::Decimal { value, places } => format!("{value:.*}", usize::from(*places)),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// An exported table: the sheet's name in a workbook, the column names and
/// the rows, read once (a million rows are never all held as cells).
pub struct Sheet<'a> {
    pub name: &'a str,
    pub header: Vec<String>,
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
}

impl<'a> Sheet<'a> {
    pub fn new(
        name: &'a str,
        header: Vec<String>,
        rows: impl Iterator<Item = Vec<Cell>> + 'a,
    ) -> Sheet<'a> {
        Sheet {
            name,
            header,
            rows: Box::new(rows),
        }
    }

    /// Column names given as literals, followed by more (`extra`).
    pub fn columns(names: &[&str], extra: impl IntoIterator<Item = String>) -> Vec<String> {
        names.iter().map(|s| s.to_string()).chain(extra).collect()
    }

    /// The table as RFC 4180 CSV; returns the number of rows written.
    pub fn write_csv<W: std::io::Write>(self, out: W) -> std::io::Result<usize> {
        let mut rows = 0;
        super::write_csv(
            out,
            &self.header,
            self.rows.map(|r| {
                rows += 1;
                r.iter().map(Cell::csv).collect()
            }),
        )?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_numbers_and_guards_text() {
        assert_eq!(Cell::Int(-1).csv(), "-1");
        assert_eq!(Cell::decimal(Some(96.44), 1).csv(), "96.4");
        assert_eq!(Cell::decimal(None, 1).csv(), "");
        assert_eq!(Cell::text("-1").csv(), "-1");
        assert_eq!(Cell::text("=HYPERLINK(\"x\")").csv(), "'=HYPERLINK(\"x\")");
        assert_eq!(Cell::code("196701191996111001").csv(), "196701191996111001");
        assert_eq!(Cell::date_text("2026-06-01").csv(), "2026-06-01");
        assert_eq!(Cell::Bool(true).csv(), "true");
        assert_eq!(Cell::text("a\u{1b}b").csv(), "a\\u{1b}b");
    }

    #[test]
    fn times_are_read_in_the_zone() {
        let c = Cell::time(Zone::Wib, "2026-12-03T08:13:44.417Z");
        let Cell::Time { stored, local } = &c else {
            panic!("{c:?}")
        };
        assert_eq!(stored, "2026-12-03T08:13:44.417Z");
        assert_eq!(
            local.unwrap().format("%d-%m-%Y %H:%M:%S").to_string(),
            "03-12-2026 15:13:44"
        );
        assert_eq!(c.csv(), "2026-12-03T15:13:44+07:00");
        assert_eq!(Cell::time(Zone::Wib, "kemarin").csv(), "kemarin");
    }

    #[test]
    fn write_csv_counts_rows() {
        let sheet = Sheet::new(
            "t",
            Sheet::columns(&["nip", "gap"], []),
            vec![vec![Cell::code("1"), Cell::Int(-2)]].into_iter(),
        );
        let mut buf = Vec::new();
        assert_eq!(sheet.write_csv(&mut buf).unwrap(), 1);
        assert_eq!(String::from_utf8(buf).unwrap(), "nip,gap\n1,-2\n");
    }
}
