//! Filter-language error messages (English). The caller adds the column.

use crate::domain::filter::{ErrorKind, Expected, FilterError, FilterWarning, Op};
use crate::strings::{ops, predikat_codes, predikat_names_quoted};

fn expected(e: &Expected) -> String {
    match e {
        Expected::OneOf(list) => format!("expected one of: {}", list.join(", ")),
        Expected::Predikat => format!(
            "expected one of: {} (or the full name in quotes: {})",
            predikat_codes(),
            predikat_names_quoted()
        ),
        Expected::Golongan => {
            "expected a PNS grade I/a .. IV/e (e.g. III/c) or a PPPK grade I .. XVII".into()
        }
        Expected::WholeNumber => "expected a whole number, e.g. 45".into(),
        Expected::Range { min, max } => format!("expected a number from {min} to {max}"),
        Expected::Date => "expected a date (31-12-2027 or 2027-12-31), a month (12-2027), a year (2027) or a span from the as-of date (12bln, 2th, 30hr)".into(),
    }
}

/// The first half of a bad-value message: what `value` is not.
fn not_a(value: &str, field: &str, e: &Expected) -> String {
    match e {
        Expected::OneOf(_) => format!("`{value}` is not a known {field} value"),
        Expected::Predikat => format!("`{value}` is not a predikat"),
        Expected::Golongan => format!("`{value}` is not a golongan"),
        Expected::WholeNumber => format!("`{value}` is not a whole number"),
        Expected::Range { .. } => format!("`{value}` is not a valid {field} value"),
        Expected::Date => format!("`{value}` is not a date"),
    }
}

pub fn error(e: &FilterError) -> String {
    match &e.kind {
        ErrorKind::UnterminatedQuote => "the quote \" is never closed".into(),
        ErrorKind::UnknownOperator { op } => format!(
            "unknown operator `{op}`; the operators are {} (comparison) and && || ! (and, or, not)",
            ops(&Op::ALL)
        ),
        ErrorKind::UnexpectedOperator { op } => format!(
            "operator `{}` out of place: write a field name, an operator, then a value (e.g. kinerja>=B); field names are not quoted",
            op.symbol()
        ),
        ErrorKind::UnknownField {
            name,
            fields,
            aliases,
        } => format!(
            "`{name}` is not a field; the fields are: {} (English aliases: {})",
            fields.join(", "),
            aliases.join(", ")
        ),
        ErrorKind::BadYear { text } => format!(
            "`{text}` is not a year; write kinerja.YYYY with a four-digit year (e.g. kinerja.2024), or kinerja.Nth for each of the last N years (e.g. kinerja.2th, 1 to 10)"
        ),
        ErrorKind::BadTier { text } => format!(
            "`{text}` is not a tier; write pengalaman.TIER with jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas or pelaksana, e.g. pengalaman.pengawas"
        ),
        ErrorKind::OperatorNotAllowed { field, op, allowed } => format!(
            "field {} does not take `{}`; use {}",
            field.name(),
            op.symbol(),
            ops(allowed)
        ),
        ErrorKind::MissingValue { field, op } => format!(
            "missing value after {}{}",
            field.name(),
            op.symbol()
        ),
        ErrorKind::BadValue {
            field,
            value,
            expected: exp,
        } => format!("{}; {}", not_a(value, &field.name(), exp), expected(exp)),
        ErrorKind::NoneNeedsEquality { field, op } => format!(
            "none/kosong only goes with = or != (e.g. {f}=none), not with `{}`",
            op.symbol(),
            f = field.name()
        ),
        ErrorKind::ExpectedCondition { after, found } => {
            let mut s = String::from("expected a condition (e.g. usia<45) or a search term");
            if let Some(a) = after {
                s.push_str(&format!(" after `{a}`"));
            }
            match found {
                Some(f) => s.push_str(&format!(", found `{f}`")),
                None => s.push_str(", found the end of the filter"),
            }
            s.push_str("; to search for a keyword such as and/or/not, quote it");
            s
        }
        ErrorKind::MissingCloseParen { open_column } => {
            format!("the `(` at column {open_column} is never closed with `)`")
        }
        ErrorKind::StrayCloseParen => "`)` without a matching `(`".into(),
        ErrorKind::EmptyParens => "empty parentheses: put a condition inside `( )`".into(),
        ErrorKind::MissingOperator {
            field,
            value,
            suggest,
        } => format!(
            "an operator is missing between {f} and `{value}`: did you mean {f}{}{value}? (to search the words as text, quote the field name: \"{f}\" {value})",
            suggest.symbol(),
            f = field.name()
        ),
        ErrorKind::ListNeedsEquality { field, op } => format!(
            "a list of values takes only = or != (e.g. {f}=7,8,9 or {f} in (7,8,9)), not `{}`",
            op.symbol(),
            f = field.name()
        ),
        ErrorKind::EmptyListItem { field } => format!(
            "an empty value in the list of {f}: a value is missing between two commas (e.g. {f}=a,b,c)",
            f = field.name()
        ),
        ErrorKind::BadList { field } => format!(
            "write the values in parentheses after `in`, separated by commas: {f} in (a, b, c)",
            f = field.name()
        ),
        ErrorKind::TooDeep { limit } => format!(
            "parentheses or not/bukan nested too deeply (at most {limit} levels)"
        ),
    }
}

/// A filter's warning: a field name searched as text.
pub fn warning(w: &FilterWarning) -> String {
    if let Some(split) = &w.split {
        let (op, value, word) = &**split;
        let f = w.field.name();
        let op = op.symbol();
        if !w.field.is_text() && crate::domain::filter::is_unit_word(word) {
            return format!(
                "`{word}` is searched as text on its own (in name, NIP, position and unit), so almost nobody matches; {f} carries its own unit: write {f}{op}{value}"
            );
        }
        if !w.field.is_text() {
            return format!(
                "`{word}` is searched as text on its own (in name, NIP, position and unit), not as another value of {f}; for either value write {f}{op}{value},{word}"
            );
        }
        return format!(
            "`{word}` is searched on its own (in name, NIP, position and unit), not as part of {f}{op}{value}; for a value of several words quote it: {f}{op}\"{value} {word}\""
        );
    }
    format!(
        "`{f}` is a field name, searched here as text in name, NIP, position and unit; for a condition write e.g. {}; to search the word without this warning, quote it: \"{f}\"",
        w.field.example(),
        f = w.field.name()
    )
}

/// How a warning reads on a line of its own (the CLI's stderr, the filter bar).
pub fn warning_at(column: usize, message: &str) -> String {
    format!("warning at column {column}: {message}")
}
