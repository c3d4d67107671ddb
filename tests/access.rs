//! `talenta access add|list|remove` through the binary (contract `serve.md`,
//! "Access"): grants and removals in both languages, the JSON, every refusal
//! (exit 2, a clear sentence, nothing written), a key from a `.pub` file; the
//! access tables proven by `audit verify`, and the key (`kunci`) an entry was
//! written with shown by `audit log` and covered by its hash.

mod common_cli;

use common_cli::{forge, ok, talenta, talenta_in, FIXTURES};
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};
use talenta::domain::access::Role;
use talenta::store::access::{self as store_access, KeyLine};
use talenta::store::{Actor, OpenMode, Store};

// Keys made with `ssh-keygen -t ed25519 -C …` (and `-t rsa`); fingerprints
// from `ssh-keygen -lf`. Fixed texts, so that no test depends on ssh-keygen.
const DEWI: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1gIRRb0Q58tx6Z5KN4bXZqFuCd/0U2jFbgcV8ctUqi dewi@laptop";
const DEWI_FP: &str = "SHA256:mlA/beolClHihWIopoRyvwwG91MYXiGPLMQn6SYckTk";
const DEWI_2: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBKDuJy5wQUFyg02d4jzBJbxzHul2icz7/p7jbW2Otcn a@laptop";
const DEWI_2_FP: &str = "SHA256:A6MIOSieaRdgWvuMFh/8SBbxC3TZcAw9ZvJGhmFA7TY";
const BUDI: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGdw6dOgE0wBM5nTVUjGhhDAFv/6+BWX784Dqvt2WIFs b@laptop";
const BUDI_FP: &str = "SHA256:I4Z++ZV4h1oqTOoAL0dh5dz5E4sXt2a+/8TJ3+lGXts";
const RSA: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDk0HAmBJB23eqFKt5dQqVzAbyFPtLQ7WRFzydwUD7rFcsFK/zzuXPESR9wRuefWR/UXJj+FlcX2O9zskgnIklITaO3ym6CC7KtlZPT1yYBeyhX0+4yXtjhF163GiwEG6RYHTA83LP3DiOSJrxAUEYpZTtURnz0XJ++3bR9D/qZSXF+CVeKONUVwz5zVc8F5R5/OtskvbFhj80CnInjNSyQnJkZfNz8nsVqBNYNV+aqzCPY067vTlkPjpD7M8m0zNPyp0tcymQEQN4tELIJ3lc7BIZlPHl0k/jXdZFKKG7hIyRW1yzHSvhqssn95qK1DzQzrVnjIUSKy786t1h9FZE7 rsa@pc";
const RSA_FP: &str = "SHA256:pQ3hnT8+NDMFjfUH995mu7tB39C7DZQ+gSCp6WoiYAU";
/// What a private key file looks like (its body cut short: never a real key).
const PRIVATE: &str = "-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACCv0ZgHrM3wqv8ArTt5QGkzU5nMZ9CUTFakeFakeFakeFakeAAAAJB/iBj/
-----END OPENSSH PRIVATE KEY-----
";
const PRIVATE_BODY: &str = "QyNTUxOQAAACCv0ZgHrM3wqv8ArTt5QGkzU5nMZ9CUTFakeFakeFakeFakeAAAAJB";
/// The same key in the SSH2 format PuTTYgen saves (RFC 4716).
const SSH2: &str = "---- BEGIN SSH2 PUBLIC KEY ----
Comment: \"a@laptop\"
AAAAC3NzaC1lZDI1NTE5AAAAIBKDuJy5wQUFyg02d4jzBJbxzHul2icz7/p7jbW2Otcn
---- END SSH2 PUBLIC KEY ----
";

fn pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("talenta.db");
    ok(&db, &["import", FIXTURES]);
    (d, db)
}

fn count(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

/// Runs `args` in `lang`, which must be refused with exit status 2 and write
/// nothing (no grant, no removal, no audit entry); its stderr.
fn refused(db: &Path, lang: &str, args: &[&str]) -> String {
    let before: Vec<i64> = ["audit_log", "access_grant", "access_revocation"]
        .iter()
        .map(|t| count(db, t))
        .collect();
    let o = talenta_in(db, lang).args(args).output().unwrap();
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
    let after: Vec<i64> = ["audit_log", "access_grant", "access_revocation"]
        .iter()
        .map(|t| count(db, t))
        .collect();
    assert_eq!(before, after, "{args:?} wrote something");
    stderr
}

const EN: &str = "en_US.UTF-8";
const ID: &str = "id_ID.UTF-8";

fn verify(db: &Path) -> (i32, String) {
    let o = talenta(db).args(["audit", "verify"]).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    (o.status.code().unwrap(), text)
}

#[test]
fn grants_list_and_removal_with_their_audit_entries() {
    let (_d, db) = pool();
    let out = ok(
        &db,
        &["access", "add", "Dewi", "--role", "member", "--key", DEWI],
    );
    assert_eq!(
        out,
        format!("access granted: Dewi, role anggota, key {DEWI_FP} (ssh-ed25519)\n")
    );
    // One name may have several keys, with its one role.
    ok(
        &db,
        &[
            "access", "add", "Dewi", "--role", "anggota", "--key", DEWI_2,
        ],
    );
    let out = talenta_in(&db, ID)
        .args(["access", "add", "Budi", "--role", "Secretary", "--key", RSA])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("akses diberikan: Budi, peran sekretaris, kunci {RSA_FP} (ssh-rsa)\n")
    );

    let table = ok(&db, &["access", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Name  "), "{table}");
    assert!(lines[0].contains("Fingerprint") && lines[0].contains("Removed"));
    assert!(
        lines[2].contains("Dewi") && lines[2].contains(DEWI_FP) && lines[2].contains("dewi@laptop")
    );
    assert!(lines[2].contains("bkd-operator"), "granted by: {table}");
    assert!(
        lines[4].contains("Budi")
            && lines[4].contains("sekretaris")
            && lines[4].contains("ssh-rsa")
    );
    let id_table = talenta_in(&db, ID)
        .args(["access", "list"])
        .output()
        .unwrap();
    let id_table = String::from_utf8(id_table.stdout).unwrap();
    assert!(
        id_table.starts_with("Nama  ") && id_table.contains("Sidik jari"),
        "{id_table}"
    );

    let out = ok(
        &db,
        &["access", "remove", "Dewi", "--reason", "left the committee"],
    );
    assert_eq!(
        out,
        format!(
            "access removed: Dewi (2 keys: {DEWI_FP}, {DEWI_2_FP}); they can no longer sign in\n"
        )
    );
    let list = json(&db, &["access", "list", "--format", "json"]);
    let grants = list.as_array().unwrap();
    assert_eq!(grants.len(), 3);
    let dewi = &grants[0];
    assert_eq!(dewi["nama"], "Dewi");
    assert_eq!(dewi["peran"], "anggota");
    assert_eq!(dewi["algoritma"], "ssh-ed25519");
    assert_eq!(dewi["kunci"], DEWI_FP);
    assert_eq!(
        dewi["kunci_publik"],
        "AAAAC3NzaC1lZDI1NTE5AAAAIK1gIRRb0Q58tx6Z5KN4bXZqFuCd/0U2jFbgcV8ctUqi"
    );
    assert_eq!(dewi["komentar"], "dewi@laptop");
    assert_eq!(dewi["diberikan_oleh"], "bkd-operator");
    assert!(dewi["diberikan"].as_str().unwrap().starts_with("20"));
    assert_eq!(dewi["berlaku"], false);
    assert_eq!(dewi["alasan_cabut"], "left the committee");
    assert_eq!(dewi["dicabut_oleh"], "bkd-operator");
    assert!(dewi["dicabut"].is_string());
    let budi = &grants[2];
    assert_eq!(
        (budi["nama"].as_str(), budi["berlaku"].as_bool()),
        (Some("Budi"), Some(true))
    );
    assert!(budi["dicabut"].is_null() && budi["alasan_cabut"].is_null());
    let table = ok(&db, &["access", "list"]);
    assert!(
        table.lines().nth(2).unwrap().contains("left the committee"),
        "{table}"
    );

    // Who granted what to whom, and who removed it, is in the audit trail.
    let log = json(&db, &["audit", "log", "--format", "json"]);
    let access: Vec<(&str, &str)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entity"] == "access")
        .map(|e| (e["action"].as_str().unwrap(), e["aktor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        access,
        [
            ("access.grant", "bkd-operator"),
            ("access.grant", "bkd-operator"),
            ("access.grant", "bkd-operator"),
            ("access.remove", "bkd-operator"),
            ("access.remove", "bkd-operator"),
        ]
    );
    assert!(log.as_array().unwrap().iter().all(|e| e["kunci"].is_null()));
    assert_eq!(verify(&db).0, 0);

    // Removed, the key may be granted again, to the same name with another role.
    ok(
        &db,
        &["access", "add", "Dewi", "--role", "observer", "--key", DEWI],
    );
    assert_eq!(verify(&db).0, 0);
}

#[test]
fn a_key_from_a_pub_file() {
    let (d, db) = pool();
    let file = d.path().join("budi.pub");
    std::fs::write(&file, format!("{BUDI}\n")).unwrap();
    let out = ok(
        &db,
        &[
            "access",
            "add",
            "Budi",
            "--role",
            "ppk",
            "--key",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out,
        format!("access granted: Budi, role ppk, key {BUDI_FP} (ssh-ed25519)\n")
    );
    let list = json(&db, &["access", "list", "--format", "json"]);
    assert_eq!(list[0]["kunci"], BUDI_FP);
    assert_eq!(list[0]["komentar"], "b@laptop");

    // Saved by a Windows editor or PowerShell: UTF-16 with a byte-order mark, CRLF.
    let file = d.path().join("dewi.pub");
    let mut bytes = vec![0xFF, 0xFE];
    for u in format!("{DEWI}\r\n").encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&file, bytes).unwrap();
    let out = ok(
        &db,
        &[
            "access",
            "add",
            "Dewi",
            "--role",
            "anggota",
            "--key",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.contains(DEWI_FP), "{out}");
    // With a UTF-8 byte-order mark.
    let file = d.path().join("dewi2.pub");
    std::fs::write(&file, format!("\u{feff}{DEWI_2}\n")).unwrap();
    let out = ok(
        &db,
        &[
            "access",
            "add",
            "Dewi",
            "--role",
            "anggota",
            "--key",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.contains(DEWI_2_FP), "{out}");
}

/// `access add NAME --role ROLE --key KEY` in `lang`, refused; its stderr,
/// which must hold each of `says`.
fn add_refused(db: &Path, lang: &str, [name, role, key]: [&str; 3], says: &[&str]) -> String {
    let e = refused(
        db,
        lang,
        &["access", "add", name, "--role", role, "--key", key],
    );
    for s in says {
        assert!(e.contains(s), "{name} {role}: {s:?} not in {e}");
    }
    e
}

#[test]
fn every_refusal_exits_2_says_why_and_writes_nothing() {
    let (d, db) = pool();
    ok(
        &db,
        &["access", "add", "Dewi", "--role", "anggota", "--key", DEWI],
    );
    let private = d.path().join("id_ed25519");
    std::fs::write(&private, PRIVATE).unwrap();
    let ssh2 = d.path().join("a.ssh2");
    std::fs::write(&ssh2, SSH2).unwrap();
    let (private, ssh2) = (private.to_str().unwrap(), ssh2.to_str().unwrap());
    let several = format!("{BUDI}\n{RSA}\n");
    let cases: &[(&str, [&str; 3], &[&str])] = &[
        (
            EN,
            ["Budi", "ketua", BUDI],
            &["unknown role 'ketua'", "sekretaris", "observer"],
        ),
        (
            ID,
            ["Budi", "ketua", BUDI],
            &["peran 'ketua' tidak dikenal"],
        ),
        (
            EN,
            ["Budi", "anggota", "ssh-ed25519 AAAAnotakey"],
            &[
                "not an OpenSSH public key",
                "ssh-ed25519 AAAA… user@host",
                ".pub file",
            ],
        ),
        (
            ID,
            ["Budi", "anggota", "halo"],
            &["bukan kunci publik OpenSSH", "berkas .pub"],
        ),
        // A private key, pasted or as a file: its own message, never stored.
        (
            EN,
            ["Budi", "anggota", PRIVATE],
            &["PRIVATE key", "was not stored"],
        ),
        (
            ID,
            ["Budi", "anggota", private],
            &["kunci PRIVAT", "id_ed25519.pub"],
        ),
        (
            EN,
            ["Budi", "anggota", ssh2],
            &["SSH2 (PuTTY) format", "ssh-keygen -i"],
        ),
        (
            EN,
            ["Budi", "anggota", &several],
            &["2 keys given at once", "one key at a time"],
        ),
        (
            ID,
            ["Budi", "anggota", &several],
            &["2 kunci diberikan sekaligus"],
        ),
        (
            EN,
            ["Budi", "anggota", "/nowhere/budi.pub"],
            &["there is no file /nowhere/budi.pub"],
        ),
        // A key belongs to one name; a name has one role.
        (
            EN,
            ["Budi", "anggota", DEWI],
            &[DEWI_FP, "already granted to Dewi"],
        ),
        (
            ID,
            ["Budi", "anggota", DEWI],
            &["sudah diberikan kepada Dewi"],
        ),
        (
            EN,
            ["Dewi", "sekretaris", BUDI],
            &["Dewi already has the role anggota"],
        ),
        (
            ID,
            ["Dewi", "sekretaris", BUDI],
            &["Dewi sudah berperan anggota"],
        ),
        (EN, [" ", "anggota", BUDI], &["the name is empty"]),
        (
            EN,
            ["Bu\u{1b}[2Jdi", "anggota", BUDI],
            &["control or bidi character"],
        ),
    ];
    for (lang, args, says) in cases {
        let e = add_refused(&db, lang, *args, says);
        assert!(!e.contains(PRIVATE_BODY), "the private key echoed: {e}");
    }
    let removals: &[(&str, [&str; 2], &str)] = &[
        (EN, ["Budi", "never granted"], "Budi has no access granted"),
        (ID, ["Budi", "tidak pernah"], "Budi tidak memiliki akses"),
        (EN, ["Dewi", "  "], "the reason is empty"),
    ];
    for (lang, [name, reason], says) in removals {
        let e = refused(&db, lang, &["access", "remove", name, "--reason", reason]);
        assert!(e.contains(says), "{e}");
    }
    assert_eq!(count(&db, "access_grant"), 1);
    assert_eq!(verify(&db).0, 0);
}

#[test]
fn access_rows_without_their_audit_entries_are_caught_by_verify() {
    let (_d, db) = pool();
    ok(
        &db,
        &["access", "add", "Dewi", "--role", "anggota", "--key", DEWI],
    );
    ok(
        &db,
        &["access", "add", "Budi", "--role", "anggota", "--key", BUDI],
    );
    ok(
        &db,
        &["access", "remove", "Budi", "--reason", "left the committee"],
    );
    assert_eq!(verify(&db).0, 0);
    let grant = |c: &Connection| {
        c.execute_batch(&format!(
            "INSERT INTO access_grant (name, role, algorithm, public_key, fingerprint, granted_at, actor)
             VALUES ('Mallory', 'sekretaris', 'ssh-rsa', 'AAAAB3Nza', '{RSA_FP}', '2026-11-22T08:00:00.000Z', 'bkd-operator')"
        ))
        .unwrap();
    };
    let forged = [
        (
            forge(&db, "inserted_grant", grant),
            "the access record 3 has no audit entry that recorded it",
        ),
        (
            forge(&db, "role_changed", |c| {
                c.execute_batch("UPDATE access_grant SET role = 'sekretaris' WHERE name = 'Dewi'")
                    .unwrap();
            }),
            "the access record 1 does not match audit entry",
        ),
        (
            forge(&db, "key_swapped", |c| {
                c.execute_batch(&format!(
                    "UPDATE access_grant SET fingerprint = '{RSA_FP}' WHERE name = 'Dewi'"
                ))
                .unwrap();
            }),
            "the access record 1 does not match audit entry",
        ),
        (
            // Budi let back in: his removal deleted.
            forge(&db, "removal_deleted", |c| {
                c.execute_batch("DELETE FROM access_revocation").unwrap();
            }),
            "the access_removal record 2 does not match audit entry",
        ),
        (
            // Dewi shut out without a recorded removal.
            forge(&db, "removal_inserted", |c| {
                c.execute_batch(
                    "INSERT INTO access_revocation (grant_id, reason, revoked_at, actor)
                     VALUES (1, 'diam-diam', '2026-11-22T08:00:00.000Z', 'bkd-operator')",
                )
                .unwrap();
            }),
            "the access_removal record 1 has no audit entry that recorded it",
        ),
    ];
    for (copy, expected) in forged {
        let (code, text) = verify(&copy);
        assert_eq!(code, 1, "{}: {text}", copy.display());
        assert!(text.contains(expected), "{}: {text}", copy.display());
    }
}

/// An entry written as a member signed in with a key, through the store (as
/// `talenta serve` writes it).
fn grant_as_member(db: &Path) {
    let mut store = Store::open(db, OpenMode::Existing).unwrap();
    let member = Actor {
        name: "Dewi".into(),
        os_user: "talenta".into(),
        key: Some(DEWI_FP.into()),
    };
    let key = KeyLine {
        algorithm: "ssh-ed25519".into(),
        public_key: "AAAAC3NzaC1lZDI1NTE5AAAAIGdw6dOgE0wBM5nTVUjGhhDAFv/6+BWX784Dqvt2WIFs".into(),
        fingerprint: BUDI_FP.into(),
        comment: None,
    };
    store_access::grant(&mut store, &member, "Budi", Role::Pengamat, &key).unwrap();
}

#[test]
fn the_key_an_entry_was_written_with_is_shown_and_covered_by_its_hash() {
    let (_d, db) = pool();
    grant_as_member(&db);
    let log = json(&db, &["audit", "log", "--format", "json"]);
    let entries = log.as_array().unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last["action"], "access.grant");
    assert_eq!(last["aktor"], "Dewi");
    assert_eq!(last["kunci"], DEWI_FP);
    // The existing keys stay.
    assert_eq!(last["actor"], "Dewi");
    assert_eq!(last["os_user"], "talenta");
    let first = &entries[0];
    assert_eq!(first["aktor"], "bkd-operator");
    assert!(first.get("kunci").is_some_and(Value::is_null), "{first}");
    let table = ok(&db, &["audit", "log"]);
    let row = table.lines().last().unwrap();
    assert!(
        row.contains("Dewi (talenta) [SHA256:mlA/beolClHi…]"),
        "{table}"
    );
    assert!(!table.lines().nth(2).unwrap().contains("SHA256"), "{table}");
    assert_eq!(verify(&db).0, 0, "{}", verify(&db).1);

    let seq = entries.len() as i64;
    let forged: [(&str, String, i64); 3] = [
        (
            "kunci_changed",
            format!("UPDATE audit_log SET kunci = '{BUDI_FP}' WHERE seq = {seq}"),
            seq,
        ),
        // A key claimed for an entry written locally, or erased from a member's entry.
        (
            "kunci_claimed",
            format!("UPDATE audit_log SET kunci = '{DEWI_FP}' WHERE seq = 1"),
            1,
        ),
        (
            "kunci_erased",
            "UPDATE audit_log SET kunci = NULL".to_string(),
            seq,
        ),
    ];
    for (name, sql, at) in forged {
        let copy = forge(&db, name, |c| c.execute_batch(&sql).unwrap());
        let (code, text) = verify(&copy);
        assert_eq!(code, 1, "{name}: {text}");
        let says = format!("broken at entry {at}: its content was changed");
        assert!(text.contains(&says), "{name}: {text}");
    }
}

/// `access list` shows when a key was granted and removed in local time with
/// the zone, as `audit log` does; the JSON keeps ISO UTC.
#[test]
fn the_access_list_shows_local_times() {
    let (d, db) = pool();
    let config = d.path().join("talenta.toml");
    std::fs::write(&config, "[agency]\nzone = \"WITA\"\n").unwrap();
    let run = |args: &[&str]| {
        let mut c = talenta(&db);
        c.env("TALENTA_CONFIG", &config);
        common_cli::ok_with(c, args)
    };
    run(&["access", "add", "Dewi", "--role", "anggota", "--key", DEWI]);
    run(&["access", "remove", "Dewi", "--reason", "left"]);
    let list = json(&db, &["access", "list", "--format", "json"]);
    let at = |k: &str| {
        let s = list[0][k].as_str().unwrap();
        assert!(s.ends_with('Z'), "JSON keeps ISO UTC: {s}");
        chrono::DateTime::parse_from_rfc3339(s).unwrap() + chrono::Duration::hours(8)
    };
    let table = run(&["access", "list"]);
    let row = table.lines().nth(2).unwrap();
    for k in ["diberikan", "dicabut"] {
        let local = at(k).format("%d-%m-%Y %H:%M WITA").to_string();
        assert!(row.contains(&local), "{k} {local}: {table}");
    }
    let iso = list[0]["diberikan"].as_str().unwrap();
    assert!(!row.contains(iso), "{row}");
}
