//! CSV as every export writes it: RFC 4180, with cells a spreadsheet would run
//! as a formula neutralised.

/// Neutralise a cell a spreadsheet would run as a formula (CSV injection):
/// text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Write rows as RFC 4180 CSV.
pub fn write_csv<W: std::io::Write>(
    out: W,
    header: &[String],
    rows: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for r in rows {
        w.write_record(&r)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+62"), "'+62");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("Siti"), "Siti");
        assert_eq!(safe_cell(""), "");
    }
}
