//! Files are never clobbered: `demo --force` replaces only a regular file,
//! backups never overwrite each other, a read-only command creates nothing
//! next to a path that is not a regular file.

use assert_cmd::Command;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.env("TALENTA_CONFIG", db.with_file_name("none.toml"))
        .env_remove("TALENTA_DB")
        .args(["--lang", "en", "--db"])
        .arg(db);
    c
}

fn demo_force(db: &Path) -> std::process::Output {
    talenta(db)
        .args(["demo", "--size", "100", "--force"])
        .output()
        .unwrap()
}

#[test]
fn demo_force_refuses_a_fifo_a_folder_and_a_symlink_and_leaves_them_alone() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("fifo.db");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let dir = d.path().join("folder.db");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "x").unwrap();
    let target = d.path().join("target.txt");
    std::fs::write(&target, "not a database").unwrap();
    let link = d.path().join("link.db");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let dangling = d.path().join("dangling.db");
    std::os::unix::fs::symlink(d.path().join("nowhere"), &dangling).unwrap();

    for path in [&fifo, &dir, &link, &dangling] {
        let out = demo_force(path);
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{err}");
    }
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(dir.join("keep.txt").exists());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "not a database");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(!d.path().join("nowhere").exists());
    // Nothing was built or backed up beside them.
    let names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains(".bak-") && !n.contains("building")),
        "{names:?}"
    );
}

#[test]
fn backups_made_in_the_same_second_never_overwrite_each_other() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    assert!(demo_force(&db).status.success());
    for _ in 0..3 {
        let out = demo_force(&db);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let backups: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.contains(".bak-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(backups.len(), 3, "{backups:?}");
    for b in &backups {
        let out = talenta(b).args(["audit", "verify"]).output().unwrap();
        assert!(out.status.success(), "{}", b.display());
    }
}

#[test]
fn a_read_only_command_on_a_device_creates_nothing_next_to_it() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for path in [Path::new("/dev/null"), fifo.as_path()] {
        let out = talenta(path)
            .args(["query", "kotak>=7", "--count"])
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a talenta database"), "{err}");
        for side in ["-journal", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(side);
            assert!(!Path::new(&p).exists(), "{p:?} was created");
        }
    }
}
