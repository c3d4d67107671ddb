//! Recursive-descent parser: tokens to a [`Node`] tree, every value parsed for its
//! field. Recursion happens only through `(` and `not`, whose nesting is limited to
//! [`MAX_DEPTH`], so no input can overflow the stack.

use super::eval::{Cond, Node, Unit, Value};
use super::field::{
    kinerja_suffix, parse_experience_tier, tier_suffix, year_suffix, Field, FIELD_ALIASES,
    FIELD_NAMES,
};
use super::lex::{lex, Tk, Token};
use super::{ErrorKind, Expected, FilterError, FilterWarning, Op, MAX_DEPTH};
use crate::domain::calibration::CalibrationStatus;
use crate::domain::{Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};
use chrono::NaiveDate;

pub(super) const TINGKAT_VALUES: &[&str] = &[
    "jpt_utama",
    "jpt_madya",
    "jpt_pratama",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
];
pub(super) const STATUS_VALUES: &[&str] = &["pns", "pppk"];
pub(super) const JK_VALUES: &[&str] = &["L", "P"];
pub(super) const PENDIDIKAN_VALUES: &[&str] =
    &["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"];
pub(super) const POTENSI_VALUES: &[&str] = &["rendah", "menengah", "tinggi"];
pub(super) const KALIBRASI_VALUES: &[&str] = &["ya", "usang", "tidak"];
pub(super) const FLAG_VALUES: &[&str] = &["ya", "tidak"];

/// A parsed filter's tree (`None` for a blank filter) and its warnings.
pub(super) type Parsed = (Option<Node>, Vec<FilterWarning>);

/// Parse `input`.
pub(super) fn parse(input: &str) -> Result<Parsed, FilterError> {
    let (toks, end) = lex(input);
    if toks.is_empty() {
        return Ok((None, Vec::new()));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end,
        depth: 0,
        parens: 0,
        warnings: Vec::new(),
    };
    let node = p.or(None)?;
    match p.peek()? {
        None => Ok((Some(node), p.warnings)),
        Some(t) => Err(p.unexpected(t, None)),
    }
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    /// The column just past the input.
    end: usize,
    /// Parentheses and `not`s currently open.
    depth: usize,
    /// Parentheses currently open.
    parens: usize,
    warnings: Vec<FilterWarning>,
}

fn err(column: usize, kind: ErrorKind) -> FilterError {
    FilterError { column, kind }
}

/// How a token reads in an error message.
fn shown(tk: &Tk) -> String {
    match tk {
        Tk::Word(s) | Tk::And(s) | Tk::Or(s) | Tk::Not(s) => s.clone(),
        Tk::Quoted(s) => format!("\"{s}\""),
        Tk::LParen => "(".into(),
        Tk::RParen => ")".into(),
        Tk::Op(op) => op.symbol().into(),
        Tk::Bad(_) => String::new(),
    }
}

/// A unit typed after a number (`usia>50 tahun`, `jp<20 jam`): the fields
/// carry their own units (years, JP; spans are written `12bln`, `2th`).
pub fn is_unit_word(s: &str) -> bool {
    const UNITS: [&str; 10] = [
        "tahun", "thn", "th", "bulan", "bln", "jam", "hari", "years", "months", "hours",
    ];
    UNITS.iter().any(|u| s.eq_ignore_ascii_case(u))
}

fn is_none_word(s: &str) -> bool {
    s.eq_ignore_ascii_case("none") || s.eq_ignore_ascii_case("kosong")
}

impl Parser {
    /// The next token; a bad token is reported here, when the parser reaches it.
    fn peek(&self) -> Result<Option<Token>, FilterError> {
        match self.toks.get(self.pos) {
            Some(Token {
                tk: Tk::Bad(kind),
                col,
            }) => Err(err(*col, kind.clone())),
            other => Ok(other.cloned()),
        }
    }

    fn peek_tk(&self) -> Option<&Tk> {
        self.toks.get(self.pos).map(|t| &t.tk)
    }

    /// The error for a token that cannot come where it is.
    fn unexpected(&self, t: Token, after: Option<String>) -> FilterError {
        match t.tk {
            Tk::RParen if self.parens == 0 => err(t.col, ErrorKind::StrayCloseParen),
            Tk::Op(op) => err(t.col, ErrorKind::UnexpectedOperator { op }),
            Tk::Bad(kind) => err(t.col, kind),
            tk => err(
                t.col,
                ErrorKind::ExpectedCondition {
                    after,
                    found: Some(shown(&tk)),
                },
            ),
        }
    }

    fn enter(&mut self, col: usize) -> Result<(), FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(col, ErrorKind::TooDeep { limit: MAX_DEPTH }));
        }
        Ok(())
    }

    /// `or = and { or-keyword and }`; `after` is what came before (for errors).
    fn or(&mut self, after: Option<String>) -> Result<Node, FilterError> {
        let mut items = vec![self.and(after)?];
        while let Some(Token { tk: Tk::Or(kw), .. }) = self.peek()? {
            self.pos += 1;
            items.push(self.and(Some(kw))?);
        }
        Ok(if items.len() == 1 {
            items.swap_remove(0)
        } else {
            Node::Or(items)
        })
    }

    /// `and = unary { [and-keyword] unary }`.
    fn and(&mut self, after: Option<String>) -> Result<Node, FilterError> {
        let mut items = vec![self.unary(after)?];
        loop {
            match self.peek()?.map(|t| t.tk) {
                Some(Tk::And(kw)) => {
                    self.pos += 1;
                    items.push(self.unary(Some(kw))?);
                }
                Some(Tk::Word(_) | Tk::Quoted(_) | Tk::LParen | Tk::Not(_)) => {
                    items.push(self.unary(None)?);
                }
                _ => break,
            }
        }
        Ok(if items.len() == 1 {
            items.swap_remove(0)
        } else {
            Node::And(items)
        })
    }

    /// `unary = not unary | "(" or ")" | cond | text`.
    fn unary(&mut self, after: Option<String>) -> Result<Node, FilterError> {
        let Some(t) = self.peek()? else {
            return Err(err(
                self.end,
                ErrorKind::ExpectedCondition { after, found: None },
            ));
        };
        match t.tk {
            Tk::Not(kw) => {
                self.enter(t.col)?;
                self.pos += 1;
                let inner = self.unary(Some(kw))?;
                self.depth -= 1;
                Ok(Node::Not(Box::new(inner)))
            }
            Tk::LParen => {
                self.enter(t.col)?;
                self.pos += 1;
                if matches!(self.peek_tk(), Some(Tk::RParen)) {
                    return Err(err(t.col, ErrorKind::EmptyParens));
                }
                self.parens += 1;
                let inner = self.or(Some("(".into()))?;
                match self.peek()? {
                    Some(Token { tk: Tk::RParen, .. }) => self.pos += 1,
                    None => {
                        return Err(err(
                            self.end,
                            ErrorKind::MissingCloseParen { open_column: t.col },
                        ))
                    }
                    Some(other) => return Err(self.unexpected(other, None)),
                }
                self.parens -= 1;
                self.depth -= 1;
                Ok(inner)
            }
            Tk::Quoted(s) => {
                self.pos += 1;
                Ok(Node::Term(s.to_lowercase().into()))
            }
            Tk::Word(w) => {
                if let Some(&Token {
                    tk: Tk::Op(op),
                    col: op_col,
                }) = self.toks.get(self.pos + 1)
                {
                    self.pos += 2;
                    self.cond(&w, t.col, op, op_col)
                } else {
                    self.pos += 1;
                    match Field::parse(&w) {
                        Some(field) => self.field_without_operator(&w, field, t.col),
                        None => Ok(Node::Term(w.to_lowercase().into())),
                    }
                }
            }
            _ => Err(self.unexpected(t, after)),
        }
    }

    /// `cond = field op value`: the field word `name` at column `col` and the
    /// operator `op` at `op_col` are read; the value comes next.
    fn cond(&mut self, name: &str, col: usize, op: Op, op_col: usize) -> Result<Node, FilterError> {
        let field = resolve_field(name, col)?;
        let allowed = field.operators();
        if !allowed.contains(&op) {
            return Err(err(
                op_col,
                ErrorKind::OperatorNotAllowed { field, op, allowed },
            ));
        }
        let (text, quoted, vcol) = match self.peek()? {
            Some(Token {
                tk: Tk::Word(v),
                col,
            }) => (v, false, col),
            Some(Token {
                tk: Tk::Quoted(v),
                col,
            }) => (v, true, col),
            Some(other) => return Err(err(other.col, ErrorKind::MissingValue { field, op })),
            None => return Err(err(self.end, ErrorKind::MissingValue { field, op })),
        };
        self.pos += 1;
        let value = if !quoted && !field.is_text() && text.contains(',') {
            if !matches!(op, Op::Eq | Op::Ne) {
                return Err(err(op_col, ErrorKind::ListNeedsEquality { field, op }));
            }
            let mut items = Vec::new();
            let mut at = vcol;
            let parts: Vec<&str> = text.split(',').collect();
            for (i, part) in parts.iter().enumerate() {
                if !part.trim().is_empty() {
                    items.push(one_value(field, op, op_col, part, false, at)?);
                } else if i + 1 < parts.len() {
                    // `kotak=7,,9`: a value left out, not ignored. (A comma
                    // at the end, as while typing the next value, is not.)
                    return Err(err(at, ErrorKind::EmptyListItem { field }));
                }
                at += part.chars().count() + 1;
            }
            list(items)
        } else {
            one_value(field, op, op_col, &text, quoted, vcol)?
        };
        self.warn_split_value(field, op, &text, quoted);
        Ok(Node::Cond(Cond { field, op, value }))
    }

    /// A plain word (not a field, not a condition) right after a value, which
    /// is searched as text on its own and so narrows the result to nearly
    /// nobody, or widens it after `or`: a warning (ours, issue 20) when it
    /// - follows an unquoted text value of `=`/`!=` (`unit=Dinas Kesehatan`);
    /// - is a unit word after a number or span (`usia>50 tahun`, `jp<20 jam`);
    /// - is another value of the same field, right after it or after `or`
    ///   (`kotak=7 8`, `kotak=7 atau 8`, `golongan=III/c III/d`).
    fn warn_split_value(&mut self, field: Field, op: Op, text: &str, quoted: bool) {
        if quoted {
            return;
        }
        let mut at = self.pos;
        let after_or = matches!(self.toks.get(at), Some(Token { tk: Tk::Or(_), .. }));
        if after_or {
            at += 1;
        }
        let Some(Token {
            tk: Tk::Word(next),
            col,
        }) = self.toks.get(at)
        else {
            return;
        };
        let a_condition = matches!(self.toks.get(at + 1), Some(Token { tk: Tk::Op(_), .. }));
        if a_condition || Field::parse(next).is_some() {
            return;
        }
        let equality = matches!(op, Op::Eq | Op::Ne);
        let warned = if field.is_text() {
            equality && !after_or
        } else if is_unit_word(next) {
            !after_or
        } else {
            equality && !is_none_word(next) && parse_value(field, next).is_some()
        };
        if warned {
            self.warnings.push(FilterWarning {
                column: *col,
                field,
                split: Some(Box::new((op, text.to_string(), next.clone()))),
            });
        }
    }

    /// A field name not followed by an operator, just read (`word` at `col`):
    /// `field in (a, b)` is a list; a value right after it is an error that
    /// says which operator is missing; else the word is searched as text, with
    /// a warning that it is a field name.
    fn field_without_operator(
        &mut self,
        word: &str,
        field: Field,
        col: usize,
    ) -> Result<Node, FilterError> {
        let next = self.toks.get(self.pos).cloned();
        let after_is_op = matches!(
            self.toks.get(self.pos + 1),
            Some(Token { tk: Tk::Op(_), .. })
        );
        match next {
            Some(Token {
                tk: Tk::Word(w),
                col: in_col,
            }) if w.eq_ignore_ascii_case("in") => {
                self.pos += 1;
                self.list(field, in_col + 2)
            }
            // `field not in (a, b)`: everyone whose value is none of them.
            Some(Token { tk: Tk::Not(_), .. })
                if matches!(
                    self.toks.get(self.pos + 1),
                    Some(Token { tk: Tk::Word(w), .. }) if w.eq_ignore_ascii_case("in")
                ) =>
            {
                let in_col = self.toks[self.pos + 1].col;
                self.pos += 2;
                Ok(Node::Not(Box::new(self.list(field, in_col + 2)?)))
            }
            Some(Token {
                tk: Tk::Word(v),
                col: vcol,
            }) if !after_is_op && looks_like_value(field, &v, false) => Err(err(
                vcol,
                ErrorKind::MissingOperator {
                    field,
                    suggest: suggested_op(field, &v),
                    value: v,
                },
            )),
            Some(Token {
                tk: Tk::Quoted(v),
                col: vcol,
            }) if looks_like_value(field, &v, true) => Err(err(
                vcol,
                ErrorKind::MissingOperator {
                    field,
                    value: shown(&Tk::Quoted(v)),
                    suggest: suggested_op(field, ""),
                },
            )),
            _ => {
                self.warnings.push(FilterWarning {
                    column: col,
                    field,
                    split: None,
                });
                Ok(Node::Term(word.to_lowercase().into()))
            }
        }
    }

    /// The `( value, value ... )` after `field in` (`end_col`: just after
    /// `in`, for an error when nothing follows).
    fn list(&mut self, field: Field, end_col: usize) -> Result<Node, FilterError> {
        let bad = |col| err(col, ErrorKind::BadList { field });
        let open = match self.toks.get(self.pos) {
            Some(Token {
                tk: Tk::LParen,
                col,
            }) => *col,
            Some(t) => return Err(bad(t.col)),
            None => return Err(bad(end_col.min(self.end))),
        };
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            let Some(t) = self.peek()? else {
                return Err(err(
                    self.end,
                    ErrorKind::MissingCloseParen { open_column: open },
                ));
            };
            self.pos += 1;
            match t.tk {
                Tk::RParen if !items.is_empty() => break,
                Tk::Quoted(v) => items.push(one_value(field, Op::Eq, t.col, &v, true, t.col)?),
                Tk::Word(w) => {
                    let mut at = t.col;
                    let parts: Vec<&str> = w.split(',').collect();
                    for (i, part) in parts.iter().enumerate() {
                        if !part.trim().is_empty() {
                            items.push(one_value(field, Op::Eq, t.col, part, false, at)?);
                        } else if i > 0 && i + 1 < parts.len() {
                            // `(7,,9)`: a value left out between two commas
                            // (a comma alone, after a quoted value, separates).
                            return Err(err(at, ErrorKind::EmptyListItem { field }));
                        }
                        at += part.chars().count() + 1;
                    }
                }
                _ => return Err(bad(t.col)),
            }
        }
        Ok(Node::Cond(Cond {
            field,
            op: Op::Eq,
            value: list(items),
        }))
    }
}

/// A list of one value is that value.
fn list(mut items: Vec<Value>) -> Value {
    if items.len() == 1 {
        items.swap_remove(0)
    } else {
        Value::List(items.into())
    }
}

/// Whether `v` right after a field name was meant as its value: any text for
/// a text field; for the others a value the field takes, `none`, a list, or
/// something starting with a digit (`kotak 10`, `pensiun 12bln`).
fn looks_like_value(field: Field, v: &str, quoted: bool) -> bool {
    field.is_text()
        || (!quoted && (is_none_word(v) || v.contains(',')))
        || v.chars().next().is_some_and(|c| c.is_ascii_digit())
        || parse_value(field, v).is_some()
}

/// The operator probably meant between a field and the value `v`: contains
/// for text, less-than for a span (`pensiun<12bln`), else equality.
fn suggested_op(field: Field, v: &str) -> Op {
    if field.is_text() {
        Op::Contains
    } else if field.is_date() && matches!(parse_value(field, v), Some(Value::Span { .. })) {
        Op::Lt
    } else {
        Op::Eq
    }
}

/// One value for `field` (a list's item or the whole value) at column `vcol`.
fn one_value(
    field: Field,
    op: Op,
    op_col: usize,
    text: &str,
    quoted: bool,
    vcol: usize,
) -> Result<Value, FilterError> {
    let text = if quoted { text } else { text.trim() };
    if !quoted && is_none_word(text) {
        if !matches!(op, Op::Eq | Op::Ne) {
            return Err(err(op_col, ErrorKind::NoneNeedsEquality { field, op }));
        }
        return Ok(Value::Missing);
    }
    parse_value(field, text).ok_or_else(|| {
        err(
            vcol,
            ErrorKind::BadValue {
                field,
                value: text.into(),
                expected: expected(field),
            },
        )
    })
}

/// The field named `name` (a word starting at column `col`), or the error.
fn resolve_field(name: &str, col: usize) -> Result<Field, FilterError> {
    if let Some(at) = year_suffix(name) {
        let year = &name[at..];
        return match kinerja_suffix(year) {
            Some(f) => Ok(f),
            None => Err(err(
                col + name[..at].chars().count(),
                ErrorKind::BadYear { text: year.into() },
            )),
        };
    }
    if let Some(at) = tier_suffix(name) {
        let tier = &name[at..];
        return match parse_experience_tier(tier) {
            Some(t) => Ok(Field::Pengalaman(Some(t))),
            None => Err(err(
                col + name[..at].chars().count(),
                ErrorKind::BadTier { text: tier.into() },
            )),
        };
    }
    Field::parse(name).ok_or_else(|| {
        err(
            col,
            ErrorKind::UnknownField {
                name: name.into(),
                fields: FIELD_NAMES,
                aliases: FIELD_ALIASES,
            },
        )
    })
}

/// What a value of `field` may be.
fn expected(field: Field) -> Expected {
    match field {
        Field::Nip | Field::Nama | Field::Unit | Field::Jabatan | Field::Instansi => {
            // Any text is a value; never reported.
            Expected::OneOf(&[])
        }
        Field::Tingkat => Expected::OneOf(TINGKAT_VALUES),
        Field::Status => Expected::OneOf(STATUS_VALUES),
        Field::Jk => Expected::OneOf(JK_VALUES),
        Field::Golongan => Expected::Golongan,
        Field::Pendidikan => Expected::OneOf(PENDIDIKAN_VALUES),
        Field::Usia | Field::Jp | Field::MasaJabatan | Field::Pengalaman(_) => {
            Expected::WholeNumber
        }
        Field::Kotak | Field::KotakHitung => Expected::Range { min: 1, max: 9 },
        Field::Kalibrasi => Expected::OneOf(KALIBRASI_VALUES),
        Field::Kompetensi(_) => Expected::Range { min: 1, max: 5 },
        Field::Kinerja | Field::KinerjaTahun(_) | Field::KinerjaTerakhir(_) => Expected::Predikat,
        Field::Potensi => Expected::OneOf(POTENSI_VALUES),
        Field::Krs => Expected::OneOf(FLAG_VALUES),
        Field::TanggalLahir | Field::TmtJabatan | Field::Pensiun => Expected::Date,
    }
}

/// `ya` / `tidak` (also `yes` / `no`, `true` / `false`), any case.
fn flag(s: &str) -> Option<bool> {
    match crate::domain::squash(s).as_str() {
        "ya" | "y" | "yes" | "true" => Some(true),
        "tidak" | "t" | "no" | "false" => Some(false),
        _ => None,
    }
}

/// A whole number written in ASCII digits only.
fn whole(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn in_range(s: &str, min: u32, max: u32) -> Option<u32> {
    whole(s).filter(|n| (min..=max).contains(n))
}

/// The value `s` for `field`, parsed with the domain's own parsers.
fn parse_value(field: Field, s: &str) -> Option<Value> {
    Some(match field {
        Field::Nip | Field::Nama | Field::Unit | Field::Jabatan | Field::Instansi => {
            Value::Text(s.to_lowercase().into())
        }
        Field::Tingkat => Value::Tingkat(Tingkat::parse(s)?),
        Field::Status => Value::Status(Status::parse(s)?),
        Field::Jk => Value::Sex(Sex::parse(s)?),
        // Every golongan is ASCII; `Golongan::parse` slices bytes and panics on
        // a multi-byte last character, so it only sees ASCII.
        Field::Golongan => Value::Golongan(s.is_ascii().then(|| Golongan::parse(s))??),
        Field::Pendidikan => Value::Pendidikan(Pendidikan::parse(s)?),
        Field::Usia | Field::Jp | Field::MasaJabatan | Field::Pengalaman(_) => {
            Value::Num(whole(s)?)
        }
        Field::Kotak | Field::KotakHitung => Value::Num(in_range(s, 1, 9)?),
        // The status's rank, as the candidate's value reads it.
        Field::Kalibrasi => Value::Num(CalibrationStatus::parse(s)?.rank()),
        Field::Kompetensi(_) => Value::Num(in_range(s, 1, 5)?),
        Field::Kinerja | Field::KinerjaTahun(_) | Field::KinerjaTerakhir(_) => {
            Value::Predikat(Predikat::parse(s)?)
        }
        Field::Potensi => Value::Potensi(Potensi::parse(s)?),
        Field::Krs => Value::Flag(flag(s)?),
        Field::TanggalLahir | Field::TmtJabatan | Field::Pensiun => date_value(s)?,
    })
}

/// A date value: a span from the as-of date (`12bln`, `2th`, `30hr`; also
/// `12mo`, `2y`, `30d`), a year (`2027`), a month (`12-2027`, `12/2027`,
/// `2027-12`) or a date (`31-12-2027`, `2027-12-31`, `31/12/2027`).
fn date_value(s: &str) -> Option<Value> {
    if !s.is_ascii() {
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < s.len() && s.as_bytes()[digits].is_ascii_alphabetic() {
        let unit = match s[digits..].to_ascii_lowercase().as_str() {
            "hr" | "hari" | "d" | "day" | "days" => Unit::Day,
            "bl" | "bln" | "bulan" | "mo" | "month" | "months" => Unit::Month,
            "th" | "thn" | "tahun" | "y" | "yr" | "yrs" | "year" | "years" => Unit::Year,
            _ => return None,
        };
        let n = whole(&s[..digits]).filter(|n| *n <= 1200)?;
        return Some(Value::Span { n, unit });
    }
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let year = |t: &str| {
        (t.len() == 4)
            .then(|| whole(t))
            .flatten()
            .filter(|y| (1000..=9999).contains(y))
            .map(|y| y as i32)
    };
    if let Some(y) = year(s) {
        return Some(Value::Dates {
            lo: ymd(y, 1, 1)?,
            hi: ymd(y, 12, 31)?,
        });
    }
    let month = |y: i32, m: &str| {
        let m = in_range(m, 1, 12).filter(|_| (1..=2).contains(&m.len()))?;
        let lo = ymd(y, m, 1)?;
        let next = if m == 12 {
            ymd(y + 1, 1, 1)
        } else {
            ymd(y, m + 1, 1)
        }?;
        Some(Value::Dates {
            lo,
            hi: next.pred_opt()?,
        })
    };
    for sep in ['-', '/'] {
        if let Some((a, b)) = s.split_once(sep) {
            if let (Some(y), false) = (year(b), b.contains(sep)) {
                return month(y, a);
            }
            if let (Some(y), false) = (year(a), b.contains(sep)) {
                return month(y, b);
            }
        }
    }
    let d = crate::domain::dates::parse(s)?;
    Some(Value::Dates { lo: d, hi: d })
}
