//! The filter language (docs/filter-language.md): parser and evaluator.
//!
//! One language, typed in the TUI's filter bar and given to `talenta query`. It is
//! parsed once into a [`Filter`] (every value parsed and every needle lower-cased
//! at parse time) and then evaluated in memory against each [`Candidate`] without
//! allocating. Filter text never becomes SQL.
//!
//! # Grammar
//! ```text
//! filter  = or
//! or      = and { ("or" | "atau" | "||") and }
//! and     = unary { ["and" | "dan" | "&&"] unary }     -- side by side means AND
//! unary   = ("not" | "bukan" | "!") unary | "(" or ")" | cond | text
//! cond    = field op value | field "in" "(" value { [","] value } ")"
//! op      = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~"
//! value   = number | word | "quoted string" | none | kosong
//!         | value "," value                              -- a list (not for text fields)
//! text    = word | "quoted string"
//! ```
//! `and` binds tighter than `or`. Keywords, field names and enumerated values are
//! case-insensitive. The empty (or blank) filter matches everyone.
//!
//! # Tokens
//! - A *word* runs until whitespace, a double quote, a parenthesis or an operator
//!   character (`= ! < > ~ & |`), so `III/c`, `D-III`, `S2`, `kinerja.2024` and
//!   `pengambilan_keputusan` are single words.
//! - A *quoted string* is enclosed in double quotes; inside it `\"` is a quote and
//!   `\\` a backslash (any other backslash is kept as written).
//! - A run of operator characters is one operator (`=>` is an unknown operator,
//!   not `=` then `>`), except that `!` may follow `&&`, `||` or another `!`
//!   (`a &&!b`, `!!a`).
//! - The unquoted words `and dan or atau not bukan` are keywords; to search for
//!   one of them as text, quote it (`"dan"`).
//!
//! # Bare terms
//! A word or quoted string that is not followed by an operator matches employees
//! whose nama, NIP, jabatan or unit kerja contains it, case-insensitively. A word
//! followed by an operator is a condition, and the word must be a field name.
//! An unquoted field name followed by something it takes as a value (`kotak 9`,
//! `unit kesehatan`) is an [`ErrorKind::MissingOperator`]; followed by `in` it
//! starts a list; otherwise it is searched, with a [`FilterWarning`].
//!
//! # Operators per field
//! | fields | operators | meaning |
//! |---|---|---|
//! | `nip nama unit jabatan instansi` (text) | `= != ~` | `=` case-insensitive equality, `~` contains |
//! | `tingkat` | `= != < <= > >=` | jpt_utama is the highest, fungsional the lowest: `tingkat>=administrator` is administrator or any JPT |
//! | `golongan` | `= != < <= > >=` | PNS I/a < … < IV/e, PPPK I < … < XVII; an ordering test across PNS and PPPK is false; `=`/`!=` compare exactly |
//! | `pendidikan` | `= != < <= > >=` | `=`/`!=` compare the value itself (D4 ≠ S1); ordering compares levels (D4 = S1) |
//! | `kinerja`, `kinerja.YYYY` | `= != < <= > >=` | SK < K < BP < B < SB; codes or full names (`"sangat baik"`, `sangat_baik`) |
//! | `potensi` | `= != < <= > >=` | rendah < menengah < tinggi (also R/M/T, low/medium/high) |
//! | `usia jp masa_jabatan pengalaman pengalaman.TINGKAT` | `= != < <= > >=` | whole numbers on the as-of date (`pengalaman`: years from the position history) |
//! | `kotak` | `= != < <= > >=` | 1 .. 9; a value outside is an error |
//! | the nine competencies | `= != < <= > >=` | level 1 .. 5; a value outside is an error |
//! | `status jk` | `= !=` | `pns`/`pppk`, `L`/`P` |
//! | `kinerja.Nth` | `= != < <= > >=` | the predikat of each of the N years before the as-of year |
//! | `tanggal_lahir tmt_jabatan pensiun` | `= != < <= > >=` | a date, month or year (a span of days), or a span from the as-of date (`12bln`, `2th`, `30hr`) compared with the whole units between the as-of date and the date |
//!
//! A list (`kotak=7,8,9`, `kotak in (7,8,9)`) takes `=` (any of them) and `!=`
//! (none of them) only.
//!
//! `~` is only for text fields; ordering operators are not for text, `status` or `jk`.
//! A wrong operator is an [`ErrorKind::OperatorNotAllowed`] listing the ones the field takes.
//!
//! # Missing values
//! A condition on a value the employee does not have (no predikat for the year, no
//! assessment, no box, no TMT jabatan, no position history for `pengalaman`, no instansi, an empty text) is false, for
//! every operator including `!=`; `not` turns it true. The unquoted value `none` or
//! `kosong` tests presence: `field=none` is true exactly when the value is missing,
//! `field!=none` when it is present; no other operator takes `none`. A quoted
//! `"none"` is ordinary text.
//!
//! # Errors
//! [`FilterError::column`] is the 1-based *character* column where the problem was
//! found (one past the last character when the input ended too early). Nesting of
//! parentheses and `not` is limited to [`MAX_DEPTH`] levels. Parsing never panics.
//! The user-facing messages are `strings::{id,en}::filter::error`.

mod columns;
mod eval;
mod field;
mod group;
mod lex;
mod parse;
pub use columns::{code, Codes, ColumnId, Columns};
pub use parse::is_unit_word;

#[cfg(test)]
mod calibration_tests;
#[cfg(test)]
mod columns_tests;
#[cfg(test)]
mod hr_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use crate::domain::{Candidate, Pool, Rules};
use chrono::NaiveDate;

pub use field::{
    compare, compare_directed, compare_in, sort_key_in, sort_key_of, Field, SortKey, FIELD_ALIASES,
    FIELD_NAMES, MAX_LAST_YEARS,
};
pub use group::{count_by, Group};

/// How many parentheses and `not`s may nest inside one another.
pub const MAX_DEPTH: usize = 64;

/// A parsed filter, ready to evaluate against candidates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    root: Option<eval::Node>,
    warnings: Vec<FilterWarning>,
}

/// Something in a filter that parses but was probably not meant: a bare
/// word that is a field name (`kotak`, `pendidikan`) is searched as text,
/// which a user who meant a condition should be told; or a word right after
/// a value, searched on its own while the user most likely meant more of the
/// condition: a text field's value of several words (`unit=Dinas
/// Kesehatan`), a unit (`usia>50 tahun`), or a second value of the field
/// (`kotak=7 8`, `kotak=7 atau 8`).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterWarning {
    /// The 1-based character column of the word.
    pub column: usize,
    /// The field the word names, or whose value it probably continues.
    pub field: Field,
    /// For a word after a text value: the operator, the value and the word
    /// (`=`, `Dinas`, `Kesehatan`).
    pub split: Option<Box<(Op, String, String)>>,
}

/// A [`Filter`] prepared against one pool (see [`Filter::prepare`]).
pub struct Matcher<'a> {
    root: Option<eval::Prepared<'a>>,
    as_of: NaiveDate,
    rules: &'a Rules,
}

impl Matcher<'_> {
    /// Whether the candidate at `row` of the pool passes the filter.
    pub fn matches(&self, row: usize, c: &Candidate) -> bool {
        match &self.root {
            None => true,
            Some(p) => p.eval(row, c, self.as_of, self.rules),
        }
    }

    /// The rows matching when the whole filter was decided for every row at
    /// once (columns, text search, the empty filter); `None` for one that
    /// reads some rows' values one by one.
    pub fn decided(&self) -> Option<&crate::domain::search::Bitset> {
        match &self.root {
            Some(eval::Prepared::Rows(bits)) => Some(bits),
            _ => None,
        }
    }
}

/// What went wrong, and at which character column (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterError {
    pub column: usize,
    pub kind: ErrorKind,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `~`: contains, case-insensitive (text fields only).
    Contains,
}

impl Op {
    pub const ALL: [Op; 7] = [Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Contains];

    /// The operator as written in the language.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Contains => "~",
        }
    }

    pub fn from_symbol(s: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.symbol() == s)
    }
}

/// What a value should have been.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// One of these codes, in any case.
    OneOf(&'static [&'static str]),
    /// A predikat: a code (`SB`, `B`, `BP`, `K`, `SK`) or a full name (`Predikat::ALL`).
    Predikat,
    /// A golongan: PNS `I/a` .. `IV/e` or PPPK `I` .. `XVII`.
    Golongan,
    /// A whole number, 0 or more.
    WholeNumber,
    /// A whole number from `min` to `max`.
    Range { min: u32, max: u32 },
    /// A date, a month, a year or a span from the as-of date.
    Date,
}

/// The kinds of error, with what was found and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// A `"` without its closing quote (column: the opening quote).
    UnterminatedQuote,
    /// A run of operator characters that is no operator, e.g. `=>`, `&`, `==`.
    UnknownOperator { op: String },
    /// A comparison operator with no field before it (`=5`, `"nama"=x`) or after a
    /// complete condition (`usia=4=5`).
    UnexpectedOperator { op: Op },
    /// A word before an operator that is not a field; `fields` lists the field
    /// names, `aliases` their English aliases.
    UnknownField {
        name: String,
        fields: &'static [&'static str],
        aliases: &'static [&'static str],
    },
    /// `kinerja.`/`perf.` followed by something other than a four-digit year
    /// (column: just after the dot).
    BadYear { text: String },
    /// `pengalaman.`/`experience.` followed by something other than a tier
    /// (jpt_utama .. pelaksana; column: just after the dot).
    BadTier { text: String },
    /// The field does not take that operator; `allowed` are the ones it takes.
    OperatorNotAllowed {
        field: Field,
        op: Op,
        allowed: &'static [Op],
    },
    /// `field op` with no value after it (column: what came instead, or the end).
    MissingValue { field: Field, op: Op },
    /// A value the field cannot hold.
    BadValue {
        field: Field,
        value: String,
        expected: Expected,
    },
    /// `none`/`kosong` with an operator other than `=` and `!=` (column: the operator).
    NoneNeedsEquality { field: Field, op: Op },
    /// A condition or search term was expected after `after` (a keyword or `(` as
    /// typed; `None` at the start) but `found` came (`None`: the end of the input).
    ExpectedCondition {
        after: Option<String>,
        found: Option<String>,
    },
    /// The `(` at `open_column` is never closed.
    MissingCloseParen { open_column: usize },
    /// A `)` with no `(` before it.
    StrayCloseParen,
    /// `()` with nothing inside (column: the `(`).
    EmptyParens,
    /// More than `limit` parentheses/`not`s inside one another (column: the first one too deep).
    TooDeep { limit: usize },
    /// A field name followed by a value without an operator (`kotak 9`,
    /// `unit kesehatan`; column: the value): `suggest` is the operator
    /// probably meant, `value` the value as typed.
    MissingOperator {
        field: Field,
        value: String,
        suggest: Op,
    },
    /// A list of values (`kotak=7,8,9`) with an operator other than `=` and
    /// `!=` (column: the operator).
    ListNeedsEquality { field: Field, op: Op },
    /// `field in` not followed by a list in parentheses, or a list with
    /// something other than values in it (column: what came instead).
    BadList { field: Field },
    /// `kotak=7,` or `kotak in (7,,9)`: an empty value in a list.
    EmptyListItem { field: Field },
}

/// Parse a filter. Blank input gives the empty filter, which matches everyone.
pub fn parse(input: &str) -> Result<Filter, FilterError> {
    let (root, warnings) = parse::parse(input)?;
    Ok(Filter { root, warnings })
}

impl Filter {
    /// Whether the candidate passes the filter on the as-of date, `pensiun`
    /// read with the default BUP ages. Does not allocate.
    pub fn matches(&self, c: &Candidate, as_of: NaiveDate) -> bool {
        self.matches_with(c, as_of, field::default_rules())
    }

    /// [`Filter::matches`] with a set of rules (the BUP ages of `pensiun`).
    pub fn matches_with(&self, c: &Candidate, as_of: NaiveDate, rules: &Rules) -> bool {
        match &self.root {
            None => true,
            Some(node) => node.eval(c, as_of, rules),
        }
    }

    /// What in the filter was parsed but probably not meant, in text order.
    pub fn warnings(&self) -> &[FilterWarning] {
        &self.warnings
    }

    /// The filter prepared for evaluating the rows of one pool: faster than
    /// [`Filter::matches`] over many rows (text conditions are decided for the
    /// whole pool at once), with the same result.
    pub fn prepare<'a>(&'a self, pool: &'a Pool) -> Matcher<'a> {
        self.prepare_within(pool, None)
    }

    /// [`Filter::prepare`] for a caller that reads only the rows set in
    /// `within` (the matches of a filter this one refines): a text search
    /// may look at those rows alone; other rows' results are unspecified.
    pub fn prepare_within<'a>(&'a self, pool: &'a Pool, within: Option<&[u64]>) -> Matcher<'a> {
        Matcher {
            root: Some(match &self.root {
                Some(n) => eval::Prepared::new(n, pool, within),
                // Everyone, decided at once.
                None => eval::Prepared::Rows(crate::domain::search::Bitset::full(pool.rows.len())),
            }),
            as_of: pool.as_of,
            rules: &pool.rules,
        }
    }

    /// Whether every candidate this filter matches is also matched by `wider`
    /// (so evaluating it over `wider`'s matches alone gives the same result).
    /// Conservative: `false` when not evident. Evident cases, conjunct by
    /// conjunct: the same condition, a longer text containing the shorter
    /// (`unit~pend` refines `unit~pe`, a bare `guru` refines `gu`), and a
    /// stricter number bound (`usia>=45` refines `usia>=4`).
    pub fn refines(&self, wider: &Filter) -> bool {
        let Some(w) = &wider.root else { return true };
        let Some(n) = &self.root else { return false };
        fn conjuncts(node: &eval::Node) -> &[eval::Node] {
            match node {
                eval::Node::And(ns) => ns,
                other => std::slice::from_ref(other),
            }
        }
        let (ours, theirs) = (conjuncts(n), conjuncts(w));
        theirs
            .iter()
            .all(|t| ours.iter().any(|o| eval::implies(o, t)))
    }

    /// The rows of `cols` the filter matches, decided over columns without a
    /// candidate (see `columns`); `None` when it reads a value no column holds
    /// (a bare term, a name, a career): then it is decided row by row.
    pub fn eval_columns(
        &self,
        cols: &dyn Columns,
        as_of: NaiveDate,
        rules: &Rules,
    ) -> Option<crate::domain::search::Bitset> {
        match &self.root {
            None => Some(crate::domain::search::Bitset::full(cols.rows())),
            Some(n) if columns::columnar(n) => columns::bits(n, cols, as_of, rules),
            Some(_) => None,
        }
    }

    /// Whether evaluating the filter reads a candidate's nama or NIP (a bare
    /// term or a `nama`/`nip` condition).
    pub fn reads_names(&self) -> bool {
        fn walk(n: &eval::Node) -> bool {
            match n {
                eval::Node::Term(_) => true,
                eval::Node::Cond(c) => matches!(c.field, Field::Nama | Field::Nip),
                eval::Node::Not(n) => walk(n),
                eval::Node::And(ns) | eval::Node::Or(ns) => ns.iter().any(walk),
            }
        }
        self.root.as_ref().is_some_and(walk)
    }

    /// The empty filter matches everyone.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }
}
