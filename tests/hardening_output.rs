//! Output files never clobber (issue 15, item 8): `session minutes -o` and the
//! screen's minutes export refuse an existing file without `--force` (or the
//! screen's second Enter), never follow a symbolic link, never write the
//! database or its -wal/-shm/-journal, and create the file 0600 whatever the
//! umask.

mod common;
mod common_sessions;
use assert_cmd::Command;
use common::*;
use common_sessions::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use talenta::strings::Lang;

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.env("TALENTA_CONFIG", db.with_file_name("none.toml"))
        .env_remove("TALENTA_DB")
        .args(["--lang", "en", "--db"])
        .arg(db);
    c
}

fn minutes(db: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    talenta(db)
        .args(["session", "minutes", "1", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let f = session_fixture();
    recorded_session(&f);
    let out = f.dir.path().join("ba.md");
    std::fs::write(&out, "keep me").unwrap();
    let o = minutes(&f.db, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("exists already; use --force to replace it"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let o = minutes(&f.db, &out, &["--force"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Sidang Talenta Semester I"));
    assert_eq!(mode(&out), 0o600);
    // No file written aside is left behind.
    let names: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !names.iter().any(|n| n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
}

#[test]
fn a_symlink_is_never_followed_even_with_force() {
    let f = session_fixture();
    recorded_session(&f);
    let target = f.dir.path().join("precious.txt");
    std::fs::write(&target, "precious").unwrap();
    let link = f.dir.path().join("ba.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let dangling = f.dir.path().join("dangling.md");
    std::os::unix::fs::symlink(f.dir.path().join("nowhere.md"), &dangling).unwrap();
    for p in [&link, &dangling] {
        for extra in [&[][..], &["--force"][..]] {
            let o = minutes(&f.db, p, extra);
            assert_eq!(o.status.code(), Some(2), "{}", p.display());
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains("symbolic link") || err.contains("exists already"),
                "{err}"
            );
        }
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    assert!(!f.dir.path().join("nowhere.md").exists());
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn the_database_and_its_companions_are_never_written() {
    let f = session_fixture();
    recorded_session(&f);
    let before = std::fs::read(&f.db).unwrap();
    let dir = f.dir.path();
    let link = dir.join("link-to-db.md");
    std::os::unix::fs::symlink(&f.db, &link).unwrap();
    let hard = dir.join("hard.md");
    std::fs::hard_link(&f.db, &hard).unwrap();
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    let dotted = sub.join("..").join("pool.db");
    for p in [
        f.db.clone(),
        dotted,
        dir.join("pool.db-wal"),
        dir.join("pool.db-shm"),
        dir.join("pool.db-journal"),
        dir.join("pool.db-snapshot"),
        link,
        hard,
    ] {
        let o = minutes(&f.db, &p, &["--force"]);
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("is the database") || err.contains("symbolic link"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&f.db).unwrap(), before);
    // The database still opens and verifies.
    let o = talenta(&f.db).args(["audit", "verify"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_device_or_a_folder_is_refused() {
    let f = session_fixture();
    recorded_session(&f);
    for p in [Path::new("/dev/null"), f.dir.path()] {
        let o = minutes(&f.db, p, &["--force"]);
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("not a regular file")
                || String::from_utf8_lossy(&o.stderr).contains("a folder or a device")
        );
    }
}

#[test]
fn a_new_file_is_0600_whatever_the_umask() {
    let f = session_fixture();
    recorded_session(&f);
    for fmt in ["md", "csv", "json", "docx"] {
        let out = f.dir.path().join(format!("ba.{fmt}"));
        let o = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 000 && exec \"$@\"")
            .arg("sh")
            .arg(assert_cmd::cargo::cargo_bin("talenta"))
            .env("TALENTA_CONFIG", f.dir.path().join("none.toml"))
            .args(["--lang", "en", "--db"])
            .arg(&f.db)
            .args(["session", "minutes", "1", "--format", fmt, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(mode(&out), 0o600, "{fmt}");
    }
}

#[test]
fn the_screen_asks_before_replacing_a_file_and_never_writes_the_database() {
    let f = session_fixture();
    recorded_session(&f);
    let mut app = session_app(&f, Lang::En);
    keys(&mut app, "c enter");
    let out = f.dir.path().join("ba-screen.md");
    std::fs::write(&out, "keep me").unwrap();
    // The minutes form: the path field holds a default; replace it.
    keys(&mut app, "M");
    let form = screen(&app, 100, 30);
    assert!(form.contains("berita-acara-1.md"), "{form}");
    keys(&mut app, "tab ctrl-u");
    type_text(&mut app, &out.display().to_string());
    keys(&mut app, "enter");
    let s = screen(&app, 160, 40);
    assert!(
        s.contains("exists already; press Enter again to replace it"),
        "{s}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    keys(&mut app, "enter");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Sidang Talenta Semester I"));
    assert_eq!(mode(&out), 0o600);
    // The database itself: refused, even after a second Enter.
    let before = std::fs::read(&f.db).unwrap();
    keys(&mut app, "M tab ctrl-u");
    type_text(&mut app, &f.db.display().to_string());
    keys(&mut app, "enter enter");
    let s = screen(&app, 160, 40);
    assert!(s.contains("is the database"), "{s}");
    assert_eq!(std::fs::read(&f.db).unwrap(), before);
}
