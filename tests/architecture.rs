//! The shape of the code, read from the sources (see docs/architecture.md,
//! "Layers and the direction of dependencies"):
//! - a module names only modules of its own layer or below (`crate::`,
//!   `super::` out of its top module, and `tr!`, which names `strings`);
//! - no function is longer than 150 lines outside tests.
//!
//! Comments, string and char literals and `#[cfg(test)]` items (and files
//! that are test modules) are left out before reading.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom-up. A module may name its own layer and those below.
/// `cli` is the entry point: it runs the commands and starts the screen
/// (`tui::run`), so only `main.rs` is above it.
const LAYERS: &[&[&str]] = &[
    &["lang"],
    &["domain"],
    &["store"],
    &["import", "demo"],
    &["strings", "config"],
    &["present", "context", "minutes"],
    &["app"],
    &["ui"],
    &["tui"],
    &["serve"],
    &["cli"],
    &["main"],
];

/// The longest a function may be, from its `fn` line to its closing brace.
const MAX_FN_LINES: usize = 150;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// One source file as the checks read it.
struct Source {
    /// `src/...`, with `/` separators.
    path: String,
    /// The module path inside the crate: `src/cli/show.rs` -> `[cli, show]`.
    module: Vec<String>,
    /// The text with comments, literals and test items blanked (lines kept).
    code: String,
    /// Test-only child modules declared here (`#[cfg(test)] mod tests;`).
    test_children: Vec<String>,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn module_path(rel: &str) -> Vec<String> {
    let inner = rel.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// All sources under src/, without the files that are test modules.
fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    let mut all: Vec<Source> = files
        .iter()
        .map(|f| {
            let path = f
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(f).unwrap();
            let (code, test_children) = without_tests(&blank_comments_and_literals(&text));
            Source {
                module: module_path(&path),
                path,
                code,
                test_children,
            }
        })
        .collect();
    let mut test_modules: HashSet<Vec<String>> = HashSet::new();
    for s in &all {
        for c in &s.test_children {
            let mut m = s.module.clone();
            m.push(c.clone());
            test_modules.insert(m);
        }
    }
    all.retain(|s| !(1..=s.module.len()).any(|n| test_modules.contains(&s.module[..n])));
    assert!(all.len() > 50, "read only {} files under src/", all.len());
    all
}

/// Replace comments, string and char literals by spaces, keeping newlines.
fn blank_comments_and_literals(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out: Vec<char> = c.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for ch in out.iter_mut().take(to.min(c.len())).skip(from) {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
    };
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let prev_ident = i > 0 && ident(c[i - 1]);
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            let end = c[i..]
                .iter()
                .position(|&x| x == '\n')
                .map_or(c.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < c.len() && depth > 0 {
                if c[j] == '/' && c.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if c[j] == '*' && c.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if c[i] == 'r'
            && (!prev_ident || (i > 0 && c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2]))))
            && matches!(c.get(i + 1), Some('"') | Some('#'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            j += 1;
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while j < c.len() && !c[j..].starts_with(&close) {
                j += 1;
            }
            blank(&mut out, i + 1, j + close.len());
            i = j + close.len();
        } else if c[i] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c[i] == '\'' && !prev_ident {
            if c.get(i + 1) == Some(&'\\') {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                blank(&mut out, i, j + 1);
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                blank(&mut out, i, i + 3);
                i += 3;
            } else {
                i += 1; // a lifetime
            }
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// The index just past the item starting at `from`: its `;` or the brace
/// closing its body, whichever comes first at depth 0.
fn item_end(code: &[char], from: usize) -> usize {
    let mut depth = 0usize;
    let mut j = from;
    while j < code.len() {
        match code[j] {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            ';' if depth == 0 => return j + 1,
            _ => {}
        }
        j += 1;
    }
    code.len()
}

/// Blank every `#[cfg(test)]` item; return the names of test modules that
/// live in their own files.
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut c: Vec<char> = code.chars().collect();
    let marker: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut children = Vec::new();
    let mut i = 0;
    while i + marker.len() <= c.len() {
        if c[i..].starts_with(&marker) {
            let end = item_end(&c, i + marker.len());
            let item: String = c[i + marker.len()..end].iter().collect();
            let words: Vec<&str> = item.split_whitespace().collect();
            if item.trim_end().ends_with(';') {
                if let Some(p) = words.iter().position(|w| *w == "mod") {
                    children.push(words[p + 1].trim_end_matches(';').to_string());
                }
            }
            for ch in c.iter_mut().take(end).skip(i) {
                if *ch != '\n' {
                    *ch = ' ';
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    (c.into_iter().collect(), children)
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Does `word` start at `i` as a whole word (`$` allowed before `crate`)?
fn word_at(c: &[char], i: usize, word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    c[i..].starts_with(&w)
        && (i == 0 || !is_ident(c[i - 1]))
        && c.get(i + w.len()).is_none_or(|&x| !is_ident(x))
}

fn skip_ws(c: &[char], mut i: usize) -> usize {
    while i < c.len() && c[i].is_whitespace() {
        i += 1;
    }
    i
}

fn ident_at(c: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j < c.len() && is_ident(c[j]) {
        j += 1;
    }
    (c[i..j].iter().collect(), j)
}

/// `::` at `i` (after spaces)? The index past it.
fn path_sep(c: &[char], i: usize) -> Option<usize> {
    let i = skip_ws(c, i);
    (c.get(i) == Some(&':') && c.get(i + 1) == Some(&':')).then_some(i + 2)
}

/// The first segments of a path after `crate::` at `i`: one name, or each
/// item's first name of a `{...}` group. With the char index of each.
fn first_segments(c: &[char], i: usize) -> Vec<(String, usize)> {
    let i = skip_ws(c, i);
    if c.get(i) != Some(&'{') {
        let (name, _) = ident_at(c, i);
        return vec![(name, i)];
    }
    let mut out = Vec::new();
    let (mut depth, mut j, mut expect) = (0, i, true);
    while j < c.len() {
        match c[j] {
            '{' => {
                depth += 1;
                expect = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expect = true,
            ch if expect && is_ident(ch) => {
                let (name, end) = ident_at(c, j);
                out.push((name, j));
                expect = false;
                j = end;
                continue;
            }
            ch if !ch.is_whitespace() => expect = false,
            _ => {}
        }
        j += 1;
    }
    out
}

/// Every top-level module a source names outside itself, with its line.
fn named_modules(s: &Source) -> Vec<(String, usize)> {
    let c: Vec<char> = s.code.chars().collect();
    let line_of = |i: usize| c[..i].iter().filter(|&&x| x == '\n').count() + 1;
    let own = s.module.first().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for i in 0..c.len() {
        if word_at(&c, i, "crate") {
            if let Some(after) = path_sep(&c, i + 5) {
                for (name, at) in first_segments(&c, after) {
                    let name = if name == "tr" { "strings".into() } else { name };
                    out.push((name, line_of(at)));
                }
            }
        } else if word_at(&c, i, "super") && (i < 2 || c[i - 2..i] != [':', ':']) {
            // A chain `super::super::x` from the file's module.
            let mut depth = s.module.len();
            let mut j = i;
            while word_at(&c, j, "super") {
                depth = depth.saturating_sub(1);
                match path_sep(&c, j + 5) {
                    Some(next) => j = skip_ws(&c, next),
                    None => break,
                }
            }
            if depth == 0 {
                for (name, at) in first_segments(&c, j) {
                    out.push((name, line_of(at)));
                }
            }
        } else if word_at(&c, i, "tr") && c.get(skip_ws(&c, i + 2)) == Some(&'!') {
            out.push(("strings".into(), line_of(i)));
        }
    }
    out.retain(|(name, _)| *name != own && layer_of(name).is_some());
    out
}

#[test]
fn dependencies_point_down() {
    let mut upward = Vec::new();
    for s in sources() {
        let own = match s.module.first() {
            Some(m) => m.clone(),
            None if s.path == "src/main.rs" => "main".to_string(),
            None => continue, // lib.rs declares every module
        };
        let own_layer =
            layer_of(&own).unwrap_or_else(|| panic!("{}: `{own}` is in no layer", s.path));
        for (name, line) in named_modules(&s) {
            if layer_of(&name).unwrap() <= own_layer {
                continue;
            }
            upward.push(format!("{}:{line}: `{own}` names `{name}`", s.path));
        }
    }
    assert!(
        upward.is_empty(),
        "dependencies pointing upward (layers bottom-up: {LAYERS:?}):\n{}",
        upward.join("\n")
    );
}

/// (file, name, first line, length) of every function outside tests.
fn functions(s: &Source) -> Vec<(String, usize, usize)> {
    let c: Vec<char> = s.code.chars().collect();
    let line_of = |i: usize| c[..i].iter().filter(|&&x| x == '\n').count() + 1;
    let mut out = Vec::new();
    for i in 0..c.len() {
        if !word_at(&c, i, "fn") {
            continue;
        }
        let start = skip_ws(&c, i + 2);
        let (name, after) = ident_at(&c, start);
        if name.is_empty() {
            continue; // `fn(...)` pointer types
        }
        let end = item_end(&c, after);
        if c[end - 1] == '}' {
            out.push((name, line_of(i), line_of(end - 1) - line_of(i) + 1));
        }
    }
    out
}

#[test]
fn functions_stay_short() {
    let mut long = Vec::new();
    for s in sources() {
        for (name, line, len) in functions(&s) {
            if len > MAX_FN_LINES {
                long.push(format!("{}:{line}: fn {name} is {len} lines", s.path));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_reader_sees_code_only() {
    let code = blank_comments_and_literals(
        "use crate::a; // crate::b\nlet s = \"crate::c\"; let r = r#\"crate::d\"#;\nlet ch = '{'; fn f<'a>() {}\n",
    );
    assert!(code.contains("crate::a") && !code.contains("crate::b"));
    assert!(!code.contains("crate::c") && !code.contains("crate::d"));
    assert!(!code.contains("'{'") && code.contains("<'a>"));
    let (code, children) = without_tests(
        "fn a() {}\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\nmod more {\n use crate::x;\n}\n",
    );
    assert_eq!(children, vec!["tests".to_string()]);
    assert!(!code.contains("crate::x") && code.lines().count() == 7);
    let s = Source {
        path: "src/store/x.rs".into(),
        module: vec!["store".into(), "x".into()],
        code: "use crate::{domain::A, app::{B, C}};\nuse super::super::ui::D;\nuse super::y;\n"
            .into(),
        test_children: Vec::new(),
    };
    assert_eq!(
        named_modules(&s),
        vec![
            ("domain".to_string(), 1),
            ("app".to_string(), 1),
            ("ui".to_string(), 2)
        ]
    );
}
