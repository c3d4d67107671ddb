//! Recursive-descent parser: tokens to a [`Node`] tree, every value parsed for its
//! field. Recursion happens only through `(` and `not`, whose nesting is limited to
//! [`MAX_DEPTH`], so no input can overflow the stack.

use super::eval::{Cond, Node, Value};
use super::field::{
    parse_experience_tier, parse_year, tier_suffix, year_suffix, Field, FIELD_ALIASES, FIELD_NAMES,
};
use super::lex::{lex, Tk, Token};
use super::{ErrorKind, Expected, FilterError, Op, MAX_DEPTH};
use crate::domain::calibration::CalibrationStatus;
use crate::domain::{Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};

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

/// Parse `input`; `None` for a blank filter.
pub(super) fn parse(input: &str) -> Result<Option<Node>, FilterError> {
    let (toks, end) = lex(input);
    if toks.is_empty() {
        return Ok(None);
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end,
        depth: 0,
        parens: 0,
    };
    let node = p.or(None)?;
    match p.peek()? {
        None => Ok(Some(node)),
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
                    Ok(Node::Term(w.to_lowercase().into()))
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
        let value = if !quoted && is_none_word(&text) {
            if !matches!(op, Op::Eq | Op::Ne) {
                return Err(err(op_col, ErrorKind::NoneNeedsEquality { field, op }));
            }
            Value::Missing
        } else {
            parse_value(field, &text).ok_or_else(|| {
                err(
                    vcol,
                    ErrorKind::BadValue {
                        field,
                        value: text.clone(),
                        expected: expected(field),
                    },
                )
            })?
        };
        Ok(Node::Cond(Cond { field, op, value }))
    }
}

/// The field named `name` (a word starting at column `col`), or the error.
fn resolve_field(name: &str, col: usize) -> Result<Field, FilterError> {
    if let Some(at) = year_suffix(name) {
        let year = &name[at..];
        return match parse_year(year) {
            Some(y) => Ok(Field::KinerjaTahun(y)),
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
        Field::Kinerja | Field::KinerjaTahun(_) => Expected::Predikat,
        Field::Potensi => Expected::OneOf(POTENSI_VALUES),
        Field::Krs => Expected::OneOf(FLAG_VALUES),
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
        Field::Kinerja | Field::KinerjaTahun(_) => Value::Predikat(Predikat::parse(s)?),
        Field::Potensi => Value::Potensi(Potensi::parse(s)?),
        Field::Krs => Value::Flag(flag(s)?),
    })
}
