//! Tokens of the filter language, with their 1-based character columns.
//!
//! The lexer stops at the first bad token and emits it as [`Tk::Bad`]; the parser
//! reports it when it gets there, so errors come in the order of the text.

use super::{ErrorKind, Op};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tk {
    /// An unquoted word that is not a keyword.
    Word(String),
    /// A quoted string, escapes resolved.
    Quoted(String),
    LParen,
    RParen,
    Op(Op),
    /// `and`, `dan`, `&&` as typed.
    And(String),
    /// `or`, `atau`, `||` as typed.
    Or(String),
    /// `not`, `bukan`, `!` as typed.
    Not(String),
    Bad(ErrorKind),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tk: Tk,
    pub col: usize,
}

fn is_op_char(c: char) -> bool {
    matches!(c, '=' | '!' | '<' | '>' | '~' | '&' | '|')
}

/// Ends a word.
fn is_break(c: char) -> bool {
    c.is_whitespace() || c == '"' || c == '(' || c == ')' || is_op_char(c)
}

fn keyword(w: &str) -> Option<Tk> {
    let is = |k: &str| w.eq_ignore_ascii_case(k);
    if is("and") || is("dan") {
        Some(Tk::And(w.to_string()))
    } else if is("or") || is("atau") {
        Some(Tk::Or(w.to_string()))
    } else if is("not") || is("bukan") {
        Some(Tk::Not(w.to_string()))
    } else {
        None
    }
}

/// Split a run of operator characters (ASCII) starting at column `col` into tokens:
/// a comparison operator alone, or an optional `&&`/`||` followed by any number of `!`.
fn split_run(run: &str, col: usize, out: &mut Vec<Token>) -> bool {
    if let Some(op) = Op::from_symbol(run) {
        out.push(Token {
            tk: Tk::Op(op),
            col,
        });
        return true;
    }
    let (head, rest) = if let Some(rest) = run.strip_prefix("&&") {
        (Some(Tk::And("&&".into())), rest)
    } else if let Some(rest) = run.strip_prefix("||") {
        (Some(Tk::Or("||".into())), rest)
    } else {
        (None, run)
    };
    if !rest.chars().all(|c| c == '!') || (head.is_none() && rest.is_empty()) {
        return false;
    }
    let mut col = col;
    if let Some(tk) = head {
        out.push(Token { tk, col });
        col += 2;
    }
    for _ in rest.chars() {
        out.push(Token {
            tk: Tk::Not("!".into()),
            col,
        });
        col += 1;
    }
    true
}

/// The tokens of `input` and the column just past its end.
pub(super) fn lex(input: &str) -> (Vec<Token>, usize) {
    let mut out = Vec::new();
    let mut it = input.chars().peekable();
    let mut col = 1;
    while let Some(&ch) = it.peek() {
        let start = col;
        if ch.is_whitespace() {
            it.next();
            col += 1;
        } else if ch == '(' || ch == ')' {
            it.next();
            col += 1;
            let tk = if ch == '(' { Tk::LParen } else { Tk::RParen };
            out.push(Token { tk, col: start });
        } else if ch == '"' {
            it.next();
            col += 1;
            let mut s = String::new();
            let mut closed = false;
            while let Some(c) = it.next() {
                col += 1;
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => match it.peek() {
                        Some(&e) if e == '"' || e == '\\' => {
                            s.push(e);
                            it.next();
                            col += 1;
                        }
                        _ => s.push('\\'),
                    },
                    c => s.push(c),
                }
            }
            if !closed {
                out.push(Token {
                    tk: Tk::Bad(ErrorKind::UnterminatedQuote),
                    col: start,
                });
                break;
            }
            out.push(Token {
                tk: Tk::Quoted(s),
                col: start,
            });
        } else if is_op_char(ch) {
            let mut run = String::new();
            while let Some(&c) = it.peek() {
                if !is_op_char(c) {
                    break;
                }
                run.push(c);
                it.next();
                col += 1;
            }
            if !split_run(&run, start, &mut out) {
                out.push(Token {
                    tk: Tk::Bad(ErrorKind::UnknownOperator { op: run }),
                    col: start,
                });
                break;
            }
        } else {
            let mut w = String::new();
            while let Some(&c) = it.peek() {
                if is_break(c) {
                    break;
                }
                w.push(c);
                it.next();
                col += 1;
            }
            let tk = keyword(&w).unwrap_or(Tk::Word(w));
            out.push(Token { tk, col: start });
        }
    }
    // After a bad token the rest is not read; count it for the end column anyway.
    col += it.count();
    (out, col)
}
