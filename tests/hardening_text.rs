//! Text on the way out (issue 15, items 9-12): a hostile corpus written
//! straight into a database with rusqlite (as another tool or an older
//! version could) reaches no terminal and no document raw. Every output path
//! runs over it: the command line's text, JSON, CSV, Markdown and DOCX, its
//! error messages, and the screens through the test backend. None may carry
//! ESC, BEL, a C1 control, a bidi control or a lone carriage return; the
//! Markdown minutes have no forged heading and the DOCX's XML parses.

mod common;
mod common_sessions;
use assert_cmd::Command;
use common::*;
use common_sessions::*;
use rusqlite::params;
use std::io::Read;
use std::path::Path;
use talenta::strings::Lang;

/// ESC sequences (clear screen, window title, OSC 52 clipboard), BEL, C1
/// CSI, bidi overrides, a lone carriage return, NUL and a newline that tries
/// to forge a heading and a closing hash.
fn hostile(tag: &str) -> String {
    format!(
        "{tag}\x1b[2J\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIC8K\x07\u{9b}31m\u{202e}gnp.exe\u{2066}x\rY\0Z\n# Forged heading\n---\n\nAudit: {}",
        "0".repeat(64)
    )
}

/// What may never come out.
fn bad(c: char) -> bool {
    matches!(c, '\x1b' | '\x07' | '\0' | '\u{80}'..='\u{9f}')
        || talenta::domain::text::is_bidi_control(c)
}

fn assert_clean(what: &str, out: &str) {
    if let Some((i, c)) = out.char_indices().find(|&(_, c)| bad(c)) {
        let around: String = out[i..].chars().take(60).collect();
        panic!("{what}: U+{:04X} came out raw at {:?}", c as u32, around);
    }
    let b = out.as_bytes();
    for (i, &x) in b.iter().enumerate() {
        if x == b'\r' {
            assert_eq!(b.get(i + 1), Some(&b'\n'), "{what}: a lone carriage return");
        }
    }
}

/// The fixture with one session, a succession entry and every text field
/// overwritten with hostile text (triggers dropped first: a tool that writes
/// the file directly is not stopped by them).
fn hostile_db() -> (Fixture, i64) {
    let f = session_fixture();
    let id = recorded_session(&f);
    {
        let mut s = store(&f);
        talenta::store::positions::add(
            &mut s,
            &actor(),
            2026,
            "ADM-01",
            YUSUF,
            talenta::domain::succession::Readiness::Now,
            None,
            Some("baik"),
        )
        .unwrap();
    }
    let c = rusqlite::Connection::open(&f.db).unwrap();
    c.execute_batch(
        "PRAGMA foreign_keys = OFF; DROP TRIGGER IF EXISTS decision_no_update; DROP TRIGGER IF EXISTS audit_log_no_update;",
    )
    .unwrap();
    let updates: &[(&str, &str)] = &[
        ("UPDATE committee_session SET title = ?1", "title"),
        ("UPDATE session_member SET name = ?1 || name", "member"),
        (
            "UPDATE recusal SET member_name = ?1 || member_name, reason = ?1",
            "recusal",
        ),
        ("UPDATE decision SET reason = ?1, actor = ?1", "decision"),
        ("UPDATE session_event SET actor = ?1, reason = ?1", "event"),
        ("UPDATE employee SET nama = ?1, jabatan = ?1", "employee"),
        ("UPDATE unit SET nama = ?1 || nama", "unit"),
        ("UPDATE position SET nama_jabatan = ?1", "position"),
        ("UPDATE succession SET catatan = ?1", "succession"),
        ("UPDATE audit_log SET actor = ?1, os_user = ?1", "audit"),
    ];
    for (sql, tag) in updates {
        c.execute(sql, params![hostile(tag)]).unwrap();
    }
    (f, id)
}

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.env("TALENTA_CONFIG", db.with_file_name("none.toml"))
        .env_remove("TALENTA_DB")
        .args(["--as-of", "2026-05-04", "--lang", "en", "--db"])
        .arg(db);
    c
}

fn run(db: &Path, args: &[&str]) -> (String, String) {
    let out = talenta(db).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// No line of the Markdown opens a heading, a rule or a setext underline
/// that the minutes themselves did not write.
fn assert_no_forged_markdown(md: &str) {
    for l in md.lines() {
        let t = l.trim_start();
        assert!(!t.starts_with("# Forged"), "forged heading: {l:?}");
        assert!(
            !(l.starts_with("  ") && (t.starts_with('#') || t.starts_with("---"))),
            "{l:?}"
        );
        // A forged hash may stay only as an indented continuation of the
        // grounds (Markdown joins it into that item), never a line of its own.
        assert!(
            !l.starts_with(&format!("Audit: {}", "0".repeat(64))),
            "forged hash: {l:?}"
        );
    }
}

/// The document's XML is well-formed: every part parses.
fn assert_docx_parses(bytes: &[u8]) {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..z.len() {
        let mut part = z.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        well_formed(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_clean(&name, &xml);
    }
}

/// A small XML 1.0 well-formedness check: only characters XML allows, tags
/// balanced, no raw `<` or `&` in text.
fn well_formed(xml: &str) -> Result<(), String> {
    if let Some(c) = xml.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    }) {
        return Err(format!(
            "character U+{:04X} is not allowed in XML",
            c as u32
        ));
    }
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        check_text(text)?;
        let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let name = |t: &str| {
            t.split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_string()
        };
        if let Some(end) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(n) if n == name(end) => {}
                other => return Err(format!("</{end}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            stack.push(name(tag));
        }
    }
    check_text(rest)?;
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed {stack:?}"))
    }
}

fn check_text(t: &str) -> Result<(), String> {
    let mut s = t;
    while let Some(i) = s.find('&') {
        let end = s[i..].find(';').ok_or("a raw &")?;
        let ent = &s[i + 1..i + end];
        if !(matches!(ent, "amp" | "lt" | "gt" | "quot" | "apos") || ent.starts_with('#')) {
            return Err(format!("unknown entity &{ent};"));
        }
        s = &s[i + end..];
    }
    Ok(())
}

#[test]
fn every_command_line_output_escapes_a_hostile_database() {
    let (f, id) = hostile_db();
    let db = &f.db;
    let sid = id.to_string();
    let mut outputs = Vec::new();
    let commands: Vec<Vec<&str>> = vec![
        vec!["session", "list"],
        vec!["session", "list", "--format", "json"],
        vec!["session", "minutes", &sid],
        vec!["session", "minutes", &sid, "--format", "csv"],
        vec!["session", "minutes", &sid, "--format", "json"],
        vec!["show", KEMAS],
        vec!["show", KEMAS, "--format", "json"],
        vec!["audit", "log"],
        vec!["audit", "log", "--format", "json"],
        vec!["positions"],
        vec!["positions", "--format", "json"],
        vec!["positions", "--format", "csv"],
        vec!["shortlist", "ADM-01"],
        vec!["shortlist", "ADM-01", "--format", "json"],
        vec!["shortlist", "ADM-01", "--format", "csv"],
        vec!["succession", "list"],
        vec!["succession", "list", "--format", "json"],
        vec!["query", "kotak>=1"],
        vec!["query", "kotak>=1", "--format", "json"],
        vec!["query", "kotak>=1", "--format", "csv"],
    ];
    for args in &commands {
        let (out, err) = run(db, args);
        let what = args.join(" ");
        assert_clean(&what, &out);
        assert_clean(&format!("{what} (stderr)"), &err);
        if args.contains(&"json") {
            let v: Result<serde_json::Value, _> = serde_json::from_str(&out);
            assert!(v.is_ok(), "{what}: not JSON:\n{out}");
        }
        outputs.push((what, out));
    }
    // The JSON keeps the values exact: the control characters as JSON escapes.
    let (_, json) = &outputs[4];
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["session"]["title"].as_str().unwrap(), hostile("title"));
    // The Markdown minutes: nothing forged, the hash the real one.
    let (_, md) = &outputs[2];
    assert_no_forged_markdown(md);
    assert!(md.contains("\\u{1b}[2J"), "the escape shown visibly:\n{md}");
    // Line-oriented outputs: a hostile value stays on its line.
    let (_, log) = &outputs[7];
    assert!(!log.lines().any(|l| l.starts_with("# Forged")), "{log}");
    let (_, list) = &outputs[0];
    assert_eq!(list.lines().count(), 3, "{list}");
}

#[test]
fn the_docx_minutes_are_valid_xml_over_a_hostile_database() {
    let (f, id) = hostile_db();
    let out = f.dir.path().join("minutes.docx");
    let o = talenta(&f.db)
        .args([
            "session",
            "minutes",
            &id.to_string(),
            "--format",
            "docx",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_docx_parses(&std::fs::read(&out).unwrap());
}

#[test]
fn errors_echo_hostile_arguments_escaped() {
    let f = session_fixture();
    for args in [
        vec![
            "query".to_string(),
            "nama ~ \"\x1b]52;c;AAAA\x07\"".to_string(),
        ],
        vec!["show".to_string(), "\x1b[2J123".to_string()],
        vec!["shortlist".to_string(), "\u{9b}31m".to_string()],
        vec![
            "succession".to_string(),
            "list".to_string(),
            "\u{202e}X".to_string(),
        ],
        vec![
            "--as".to_string(),
            "M\x1b[2J".to_string(),
            "session".to_string(),
            "list".to_string(),
        ],
    ] {
        let (out, err) = run(&f.db, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_clean(&args.join(" "), &out);
        assert_clean(&args.join(" "), &err);
    }
    let (_, err) = run(&f.db, &["query", "nama ~ \"\x1b]52;c;AAAA\x07\""]);
    assert!(
        err.contains("control or bidi character (U+001B) at character 9"),
        "{err}"
    );
    assert!(
        err.contains("\\u{1b}]52;c;AAAA\\u{7}"),
        "echoed escaped: {err}"
    );
    let (_, err) = run(&f.db, &["--as", "M\x1b[2J", "session", "list"]);
    assert!(err.contains("--as"), "{err}");
}

#[test]
fn text_at_the_door_of_the_command_line() {
    let f = session_fixture();
    for args in [
        vec![
            "--as",
            "M\x1b]0;x\x07",
            "session",
            "new",
            "--title",
            "Sidang",
            "--member",
            "A:ketua",
        ],
        vec![
            "succession",
            "add",
            "ADM-01",
            YUSUF,
            "--readiness",
            "now",
            "--note",
            "a\u{202e}b",
        ],
        vec![
            "--as",
            "Mallory\nseq 1",
            "succession",
            "add",
            "ADM-01",
            YUSUF,
            "--readiness",
            "now",
        ],
    ] {
        let o = talenta(&f.db).args(&args).output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("control or bidi character"), "{err}");
        assert_clean("stderr", &err);
    }
    // Nothing was written: no session, no successor, no audit entry.
    let c = rusqlite::Connection::open(&f.db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM audit_log WHERE action LIKE 'session%' OR action LIKE 'succession%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn every_screen_escapes_a_hostile_database() {
    let (f, _) = hostile_db();
    for lang in [Lang::Id, Lang::En] {
        let mut app = session_app(&f, lang);
        let mut shots = Vec::new();
        let mut shoot = |app: &talenta::app::App, name: &str| {
            for (w, h) in [(80, 24), (100, 30), (160, 50)] {
                let b = buffer(app, w, h, &talenta::ui::Theme::mono());
                let text = lines(&b);
                for cell in b.content() {
                    assert!(
                        !cell.symbol().chars().any(bad),
                        "{name} {w}x{h}: {:?}",
                        cell.symbol()
                    );
                }
                assert_clean(&format!("{name} {w}x{h}"), &text);
                shots.push(text);
            }
        };
        shoot(&app, "table");
        keys(&mut app, "enter");
        shoot(&app, "profile");
        keys(&mut app, "esc c enter");
        shoot(&app, "session");
        keys(&mut app, "l");
        shoot(&app, "session decisions");
        keys(&mut app, "esc esc p");
        shoot(&app, "positions");
        let all = shots.join("\n");
        assert!(
            all.contains("\\u{1b}"),
            "the hostile text is shown, escaped"
        );
    }
}
