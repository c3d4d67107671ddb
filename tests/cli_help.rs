//! Every command, argument and option has a real help text in both languages:
//! walks the whole clap command tree as `--help` prints it.

use talenta::cli::command;
use talenta::strings::Lang;

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
    // commands; its own text and argument are checked, not the mirror.
    if cmd.get_name() == "help" {
        return;
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
