//! What `talenta` without a command checks before it touches the terminal.

mod common;
use assert_cmd::Command;
use common::*;
use predicates::str::contains;

fn talenta(f: &Fixture, config: &str) -> Command {
    let cfg = f.dir.path().join("config.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.args(["--db", f.db.to_str().unwrap()])
        .env("TALENTA_CONFIG", &cfg)
        .env_remove("NO_COLOR");
    c
}

#[test]
fn without_a_terminal_it_says_so_instead_of_drawing_into_a_pipe() {
    let f = fixture();
    talenta(&f, "")
        .args(["--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("the committee screen needs a terminal"))
        .stderr(contains("talenta query"));
    talenta(&f, "")
        .args(["--lang", "id"])
        .assert()
        .code(2)
        .stderr(contains("layar komite memerlukan terminal"));
}

#[test]
fn an_unknown_theme_is_refused() {
    let f = fixture();
    talenta(&f, "theme = \"neon\"\n")
        .args(["--lang", "en"])
        .assert()
        .code(2)
        .stderr(contains("unknown theme 'neon'; choose default or mono"));
}

#[test]
fn every_bad_key_entry_is_named() {
    let f = fixture();
    talenta(
        &f,
        "[keys]\nquit = [\"hyper-q\"]\n\"grid.sort\" = [\"s\"]\nhelp = []\n",
    )
    .args(["--lang", "en"])
    .assert()
    .code(2)
    .stderr(contains(
        "the [keys] section of the config file is not valid",
    ))
    .stderr(contains("'quit': 'hyper-q' is not a key"))
    .stderr(contains(
        "'grid.sort': that action does not exist on that screen",
    ))
    .stderr(contains("'help': needs at least one key"));
}

#[test]
fn a_missing_database_is_named() {
    let f = fixture();
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.args([
        "--db",
        f.dir.path().join("nope.db").to_str().unwrap(),
        "--lang",
        "en",
    ])
    .env("TALENTA_CONFIG", f.dir.path().join("none.toml"))
    .assert()
    .code(1)
    .stderr(contains("there is no talent-pool database at"))
    .stderr(contains("talenta demo"));
}
