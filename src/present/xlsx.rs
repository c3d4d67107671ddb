//! A [`Sheet`] as an `.xlsx` workbook for Excel and LibreOffice: codes and
//! NIPs as text cells (formatted `@`, so a retyped one stays text), numbers as
//! numbers, dates as date cells shown `DD-MM-YYYY`, times in the agency's zone
//! `DD-MM-YYYY HH:MM:SS`; a bold header row frozen at the top with an
//! autofilter, and columns sized to their content. Rows are written as they
//! come (rust_xlsxwriter's constant-memory mode), so a million rows do not
//! take gigabytes.

use super::sheet::{Cell, Sheet};
use crate::domain::text;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, IgnoreError, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// The most data rows a sheet holds (Excel's 1,048,576 rows, one of them the header).
pub const MAX_ROWS: usize = 1_048_575;
/// The most characters a cell holds; longer text is cut, ending with `…`.
const MAX_TEXT: usize = 32_767;
/// Columns are sized to the header and to the widest of the first rows.
const SIZING_ROWS: usize = 1_000;
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Why a workbook could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxOutError {
    /// More rows than a sheet holds ([`MAX_ROWS`]).
    TooManyRows,
    /// The writer's own error, as its text.
    Write(String),
}

impl From<XlsxError> for XlsxOutError {
    fn from(e: XlsxError) -> Self {
        XlsxOutError::Write(e.to_string())
    }
}

/// The formats of the cells, made once per workbook.
struct Formats {
    header: Format,
    code: Format,
    date: Format,
    time: Format,
    /// `0`, `0.0`, `0.00`, `0.000`: by count of decimals.
    decimals: [Format; 4],
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            code: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("dd-mm-yyyy"),
            time: Format::new().set_num_format("dd-mm-yyyy hh:mm:ss"),
            decimals: ["0", "0.0", "0.00", "0.000"].map(|f| Format::new().set_num_format(f)),
        }
    }
}

/// The workbook of one sheet, as bytes, and the number of data rows.
pub fn write(sheet: Sheet<'_>) -> Result<(Vec<u8>, usize), XlsxOutError> {
    write_at_most(sheet, MAX_ROWS)
}

fn write_at_most(sheet: Sheet<'_>, max_rows: usize) -> Result<(Vec<u8>, usize), XlsxOutError> {
    let Sheet { name, header, rows } = sheet;
    let mut rows = rows.peekable();
    let mut first: Vec<Vec<Cell>> = Vec::new();
    while first.len() < SIZING_ROWS {
        match rows.next() {
            Some(r) => first.push(r),
            None => break,
        }
    }
    let widths = column_widths(&header, &first);
    let formats = Formats::new();
    let mut book = Workbook::new();
    let ws = book.add_worksheet_with_constant_memory();
    ws.set_name(sheet_name(name))?;
    let last_col = header.len().saturating_sub(1) as u16;
    for (col, (title, width)) in header.iter().zip(&widths).enumerate() {
        ws.set_column_width(col as u16, *width as f64)?;
        ws.write_string_with_format(0, col as u16, title.as_str(), &formats.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut count = 0usize;
    for row in first.into_iter().chain(rows) {
        count += 1;
        if count > max_rows {
            return Err(XlsxOutError::TooManyRows);
        }
        for (col, cell) in row.iter().enumerate() {
            write_cell(ws, count as u32, col as u16, cell, &formats)?;
        }
    }
    if !header.is_empty() {
        ws.autofilter(0, 0, count as u32, last_col)?;
        if count > 0 {
            ws.ignore_error_range(
                1,
                0,
                count as u32,
                last_col,
                IgnoreError::NumberStoredAsText,
            )?;
        }
    }
    Ok((book.save_to_buffer()?, count))
}

/// A sheet's name as Excel takes it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "talenta".into()
    } else {
        clean
    }
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            if !s.is_empty() {
                ws.write_string(row, col, cell_text(s))?;
            }
        }
        Cell::Code(s) => {
            ws.write_string_with_format(row, col, cell_text(s), &f.code)?;
        }
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Decimal { value, places } => {
            let format = &f.decimals[usize::from(*places).min(3)];
            ws.write_number_with_format(row, col, *value, format)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
        Cell::Date(d) => match excel_date(*d) {
            Some(x) => {
                ws.write_date_with_format(row, col, &x, &f.date)?;
            }
            None => {
                ws.write_string(row, col, d.to_string())?;
            }
        },
        Cell::Time { stored, local } => match local.and_then(|t| excel_time(t.naive_local())) {
            Some(x) => {
                ws.write_datetime_with_format(row, col, &x, &f.time)?;
            }
            None => {
                ws.write_string(row, col, cell_text(stored))?;
            }
        },
    }
    Ok(())
}

/// Text for a cell: control characters as visible escapes (domain::text),
/// cut to what a cell holds.
fn cell_text(s: &str) -> String {
    let s = text::visible(s);
    if s.chars().count() <= MAX_TEXT {
        return s.into_owned();
    }
    let mut cut: String = s.chars().take(MAX_TEXT - 1).collect();
    cut.push('…');
    cut
}

/// A date Excel can show (1900 to 9999), else `None` (written as text).
fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

fn excel_time(t: NaiveDateTime) -> Option<ExcelDateTime> {
    excel_date(t.date())?
        .and_hms(t.hour() as u16, t.minute() as u8, t.second())
        .ok()
}

/// Column widths in characters: the widest of the header (plus the
/// filter button) and the cells of the first rows, within bounds.
fn column_widths(header: &[String], rows: &[Vec<Cell>]) -> Vec<usize> {
    header
        .iter()
        .enumerate()
        .map(|(col, title)| {
            let cells = rows.iter().filter_map(|r| r.get(col)).map(cell_width);
            let widest = cells.max().unwrap_or(0).max(title.width() + 3);
            widest.clamp(MIN_WIDTH, MAX_WIDTH) + 1
        })
        .collect()
}

fn cell_width(c: &Cell) -> usize {
    match c {
        Cell::Empty => 0,
        Cell::Text(s) | Cell::Code(s) => s.lines().map(|l| l.width()).max().unwrap_or(0),
        Cell::Int(n) => n.to_string().len(),
        Cell::Decimal { value, places } => format!("{value:.*}", usize::from(*places)).len(),
        Cell::Bool(_) => 5,
        Cell::Date(_) => 10,
        Cell::Time { .. } => 19,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_takes() {
        assert_eq!(sheet_name("query"), "query");
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        assert_eq!(sheet_name(""), "talenta");
    }

    #[test]
    fn long_text_is_cut_to_a_cell() {
        let t = cell_text(&"B".repeat(40_000));
        assert_eq!(t.chars().count(), MAX_TEXT);
        assert!(t.ends_with('…'));
        assert_eq!(cell_text("a\u{1b}"), "a\\u{1b}");
    }

    #[test]
    fn widths_follow_the_content_within_bounds() {
        let header = vec!["nip".to_string(), "x".to_string(), "catatan".to_string()];
        let rows = vec![vec![
            Cell::code("196701191996111001"),
            Cell::Int(1),
            Cell::text("y".repeat(500)),
        ]];
        assert_eq!(column_widths(&header, &rows), [19, 7, 61]);
    }

    #[test]
    fn more_rows_than_a_sheet_holds_are_refused() {
        let sheet = |n: usize| {
            let rows = (0..n).map(|i| vec![Cell::Int(i as i64)]);
            Sheet::new("t", vec!["n".into()], rows)
        };
        assert_eq!(write_at_most(sheet(2), 2).unwrap().1, 2);
        assert_eq!(
            write_at_most(sheet(3), 2).unwrap_err(),
            XlsxOutError::TooManyRows
        );
    }

    #[test]
    fn dates_outside_excel_are_text() {
        assert!(excel_date(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap()).is_none());
        assert!(excel_date(NaiveDate::from_ymd_opt(1967, 1, 19).unwrap()).is_some());
    }
}
