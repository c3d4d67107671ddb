//! CSV as every export writes it: RFC 4180, with cells a spreadsheet would run
//! as a formula neutralised.

/// Neutralise a cell a spreadsheet would run as a formula (CSV injection):
/// text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
/// leading `'`, unless it is a plain number (`-1`, `+2`, `-0.5`, `-1,5`,
/// `1e3`), which a spreadsheet reads as that number and never runs: guarded,
/// it would stay text (`'-1`).
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '@' | '\t' | '\r') => format!("'{s}"),
        Some('+' | '-') if !is_number(s) => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A plain number as a spreadsheet reads one: an optional sign, digits with
/// at most one decimal point or comma, an optional exponent. Nothing else
/// (no spaces, no second sign, no operator: `-2+3` is a formula).
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.find(['.', ',']) {
        Some(i) => {
            let (int, frac) = (&mantissa[..i], &mantissa[i + 1..]);
            (int.is_empty() || digits(int)) && digits(frac)
        }
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
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
        assert_eq!(safe_cell("+62 811 000"), "'+62 811 000");
        assert_eq!(safe_cell("-2+3"), "'-2+3");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\t=1"), "'\t=1");
        assert_eq!(safe_cell("\r=1"), "'\r=1");
        assert_eq!(safe_cell("-"), "'-");
        assert_eq!(safe_cell("+"), "'+");
        assert_eq!(safe_cell("-1-1"), "'-1-1");
        assert_eq!(safe_cell("-1e"), "'-1e");
        assert_eq!(safe_cell("-A1"), "'-A1");
        assert_eq!(safe_cell("Siti"), "Siti");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn numbers_are_left_alone() {
        for n in [
            "-1", "-12", "+3", "-0.5", "-1,5", "-.5", "+62", "1e3", "-2.5E-3", "0", "96.4",
        ] {
            assert_eq!(safe_cell(n), n, "{n}");
        }
    }
}
