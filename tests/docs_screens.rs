//! The screen pictures in `docs/tui.md` are the screen tests' snapshots.
//! Each block opened with ```` ```text snapshot=NAME ```` holds the snapshot
//! `tests/snapshots/tui_screens__NAME.snap`. To refresh the document:
//! `UPDATE_DOCS=1 cargo test --test docs_screens`.

use std::path::Path;

fn snapshot(name: &str) -> String {
    // `NAME` is a snapshot of tests/tui_screens.rs; `FILE__NAME` one of another test file.
    let file = if name.contains("__") {
        format!("{name}.snap")
    } else {
        format!("tui_screens__{name}.snap")
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path:?}"));
    // The header ends with the second `---` line.
    let body = text.splitn(3, "---\n").nth(2).expect("snapshot header");
    body.trim_end_matches('\n').to_string()
}

#[test]
fn docs_tui_md_shows_the_current_screens() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/tui.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    let mut lines = doc.lines();
    let mut blocks = 0;
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if let Some(name) = line.strip_prefix("```text snapshot=") {
            blocks += 1;
            for inner in lines.by_ref() {
                if inner == "```" {
                    break;
                }
            }
            out.push_str(&snapshot(name.trim()));
            out.push_str("\n```\n");
        }
    }
    assert!(blocks >= 6, "pictures of every screen");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    assert!(
        doc == out,
        "docs/tui.md is stale: run UPDATE_DOCS=1 cargo test --test docs_screens"
    );
}

/// The pictures of `docs/sessions-tui.md` are the session screen tests' snapshots.
#[test]
fn docs_sessions_tui_md_shows_the_current_screens() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sessions-tui.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if let Some(name) = line.strip_prefix("```text snapshot=") {
            for inner in lines.by_ref() {
                if inner == "```" {
                    break;
                }
            }
            out.push_str(&snapshot(name.trim()));
            out.push_str("\n```\n");
        }
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    assert!(
        doc == out,
        "docs/sessions-tui.md is stale: run UPDATE_DOCS=1 cargo test --test docs_screens"
    );
}
