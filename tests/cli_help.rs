//! Every command, argument and option has a real help text in both languages:
//! walks the whole clap command tree as `--help` prints it.

use talenta::cli::command;
use talenta::strings::Lang;

/// clap's own English words, never in the Indonesian help or errors.
const ENGLISH: &[&str] = &[
    "Print ",
    "Usage:",
    "Commands:",
    "Options:",
    "Arguments:",
    "[OPTIONS]",
    "<COMMAND>",
    "[COMMAND]",
    "error:",
    "tip:",
    "For more information",
    "the following",
    "Possible values",
    "[default:",
    "[possible values:",
];

/// Problems of one command and everything below it, as "path: what".
fn problems(cmd: &clap::Command, path: &str, lang: Lang, out: &mut Vec<String>) {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    if about.trim().is_empty() || about == cmd.get_name() || about == "talenta" {
        out.push(format!("{path}: no description ({about:?})"));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let placeholder = help.trim().is_empty()
            || help.eq_ignore_ascii_case(id)
            || help.eq_ignore_ascii_case(&id.replace('_', " "))
            || help.split_whitespace().count() < 2;
        if placeholder {
            out.push(format!("{path} {id}: help is {help:?}"));
        }
        if lang == Lang::Id && (help.starts_with("Print ") || help.contains(" help")) {
            out.push(format!(
                "{path} {id}: English in the Indonesian help ({help:?})"
            ));
        }
    }
    // clap's `help` subcommand mirrors the tree below it only to name the
    // commands: their texts (what `talenta help help` lists) are checked,
    // not the mirror's own help.
    if cmd.get_name() == "help" {
        for m in cmd.get_subcommands() {
            let about = m.get_about().map(|a| a.to_string()).unwrap_or_default();
            if about.trim().is_empty() || about == m.get_name() {
                out.push(format!(
                    "{path} {}: no description ({about:?})",
                    m.get_name()
                ));
            }
        }
        return;
    }
    if lang == Lang::Id {
        let text = cmd.clone().render_help().to_string();
        for english in ENGLISH {
            if text.contains(english) {
                out.push(format!(
                    "{path}: {english:?} in the Indonesian help:\n{text}"
                ));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        problems(sub, &format!("{path} {}", sub.get_name()), lang, out);
    }
}

#[test]
fn every_argument_and_option_has_help_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let mut out = Vec::new();
        let mut cmd = command(lang);
        cmd.build();
        problems(&cmd, "talenta", lang, &mut out);
        assert!(
            out.is_empty(),
            "{} help problems in {lang:?}:\n{}",
            out.len(),
            out.join("\n")
        );
    }
}

#[test]
fn the_two_languages_differ_where_words_do() {
    // The Indonesian and English texts of a few commands are not the same words.
    let id = command(Lang::Id);
    let en = command(Lang::En);
    for name in ["query", "session", "shortlist"] {
        let a = id
            .find_subcommand(name)
            .unwrap()
            .get_about()
            .unwrap()
            .to_string();
        let b = en
            .find_subcommand(name)
            .unwrap()
            .get_about()
            .unwrap()
            .to_string();
        assert_ne!(a, b, "{name}");
    }
    let decide = |c: &clap::Command| {
        let d = c
            .find_subcommand("session")
            .unwrap()
            .find_subcommand("decide")
            .unwrap()
            .get_arguments()
            .find(|a| a.get_id() == "nip")
            .and_then(|a| a.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        d
    };
    assert_ne!(decide(&id), decide(&en));
}

#[test]
fn decide_help_names_its_arguments_in_words() {
    let out = assert_cmd::Command::cargo_bin("talenta")
        .unwrap()
        .args(["--lang", "id", "session", "decide", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("  id\n"), "{text}");
    assert!(!text.contains("  nip\n"), "{text}");
    assert!(text.contains("Nomor sidang"), "{text}");
    assert!(text.contains("Tampilkan bantuan"), "{text}");
    assert!(!text.contains("Print help"), "{text}");
}

/// The Indonesian help and usage errors as the program prints them, at
/// every level and by every way of asking, hold no English clap text.
#[test]
fn no_english_clap_text_in_indonesian() {
    let runs: &[&[&str]] = &[
        &["--help"],
        &["help"],
        &["help", "help"],
        &["help", "session"],
        &["help", "session", "decide"],
        &["session", "--help"],
        &["session", "help"],
        &["session", "help", "decide"],
        &["session", "decide", "-h"],
        &["session"],
        &["access", "--help"],
        &["bogus"],
        &["sesion"],
        &["session", "--bogus"],
        &["query", "--bogus", "x"],
        &["session", "decide"],
        &["query", "--help"],
        &["session", "minutes", "--help"],
        &["demo", "--help"],
        &["query", "x", "--format", "xml"],
        &["query", "x", "--limit", "1", "--limit", "2"],
        &["--as-of", "2026-13-01", "query", "x"],
        &["demo", "--semicolon"],
    ];
    for args in runs {
        let out = assert_cmd::Command::cargo_bin("talenta")
            .unwrap()
            .args(["--lang", "id"])
            .args(*args)
            .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.trim().is_empty(), "{args:?}");
        for english in ENGLISH {
            assert!(!text.contains(english), "{args:?}: {english:?} in\n{text}");
        }
        let usage_error = !out.status.success();
        if usage_error && !text.contains("Perintah:") {
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(text.starts_with("talenta: "), "{args:?}: {text}");
        }
    }
}

#[test]
fn usage_errors_in_english_say_the_same_in_english() {
    let out = assert_cmd::Command::cargo_bin("talenta")
        .unwrap()
        .args(["--lang", "en", "sesion"])
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text.starts_with("talenta: unknown command: 'sesion'"),
        "{text}"
    );
    assert!(text.contains("did you mean: succession, session"), "{text}");
    assert!(
        text.contains("Usage: talenta [OPTIONS] [COMMAND]"),
        "{text}"
    );
}

#[test]
fn a_refused_value_is_echoed_without_its_control_characters() {
    let out = assert_cmd::Command::cargo_bin("talenta")
        .unwrap()
        .args(["--lang", "id", "query", "x", "--format", "\u{1b}[31mred"])
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("\\u001b[31mred"), "{text}");
}

/// Every command's long help (`--help`) in Indonesian: its values and default
/// in Indonesian words, no English of clap's and no code names.
#[test]
fn every_long_help_in_indonesian_has_no_english() {
    fn walk(cmd: &mut clap::Command, path: &str, out: &mut Vec<String>) {
        let text = cmd.render_long_help().to_string();
        for english in ENGLISH.iter().chain(&["present::", "see a summary"]) {
            if text.contains(english) {
                out.push(format!("{path}: {english:?}"));
            }
        }
        for sub in cmd.get_subcommands_mut() {
            let p = format!("{path} {}", sub.get_name());
            walk(sub, &p, out);
        }
    }
    let mut cmd = talenta::cli::command(Lang::Id);
    cmd.build();
    let mut out = Vec::new();
    walk(&mut cmd, "talenta", &mut out);
    assert!(out.is_empty(), "{}", out.join("\n"));
    // The values and the default are still there, in Indonesian words.
    let query = cmd
        .find_subcommand_mut("query")
        .unwrap()
        .render_long_help()
        .to_string();
    let flat = query.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("[nilai: table, json, csv, xlsx] [bawaan: table]"),
        "{query}"
    );
}
