//! The Word minutes (berita acara) as an office opens them: a session with
//! recommendations, a conflict of interest, a talent review and a PPK outcome
//! recorded after the close, written as docx, converted to PDF by LibreOffice
//! (`session minutes --pdf`, which runs `soffice --headless`) and read back as
//! text (`pdftotext`). LibreOffice is not part of the CI image (a large
//! download); where `soffice` or `pdftotext` is missing that test says so and
//! skips. The tests of `--pdf`'s own behaviour (where the PDF goes, what a
//! missing or failing LibreOffice leaves behind) run everywhere, with a small
//! stand-in program named by `TALENTA_SOFFICE`. The pictures of the pages in
//! docs/img/ come from `scripts/render-minutes.sh`.

mod common_cli;

use common_cli::{ok_with, talenta_in, FAUZI, FIXTURES, SITI};
use std::path::Path;
use std::process::Command as Process;

fn talenta(db: &Path) -> assert_cmd::Command {
    talenta_in(db, "id_ID.UTF-8")
}

fn ok(db: &Path, args: &[&str]) -> String {
    ok_with(talenta(db), args)
}

/// Whether `tool` can be started at all (pdftotext's `-v` exits non-zero).
fn have(tool: &str) -> bool {
    Process::new(tool).arg("-v").output().is_ok()
}

#[test]
fn libreoffice_opens_the_word_minutes_with_every_section() {
    if !have("soffice") || !have("pdftotext") {
        eprintln!(
            "SKIPPED: LibreOffice (soffice) or pdftotext is not installed; \
             apt-get install libreoffice-writer-nogui poppler-utils to run this test"
        );
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let db = one_session(d.path(), &["Ketua:ketua", "Budi:sekretaris", "Dewi"]);
    ok(
        &db,
        &[
            "session",
            "recuse",
            "1",
            "Dewi",
            SITI,
            "--reason",
            "atasan langsung",
        ],
    );
    let rec = "1"; // one_session's recommendation
    ok(
        &db,
        &[
            "session",
            "calibrate",
            "1",
            SITI,
            "--kotak",
            "5",
            "--reason",
            "asesmen lama",
        ],
    );
    ok(&db, &["session", "close", "1"]);
    ok(
        &db,
        &[
            "session",
            "outcome",
            rec,
            "--status",
            "ditetapkan",
            "--sk",
            "800/77/BKPSDM/2026",
            "--date",
            "2026-12-01",
        ],
    );
    let docx = d.path().join("berita-acara.docx");
    // The PDF printed by talenta itself (`--pdf`), through LibreOffice.
    let said = ok_with(
        {
            let mut c = talenta(&db);
            c.env("HOME", d.path());
            c
        },
        &[
            "session",
            "minutes",
            "1",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
            "--pdf",
        ],
    );
    let pdf = d.path().join("berita-acara.pdf");
    assert!(said.contains("berita-acara.pdf"), "{said}");
    assert!(docx.is_file(), "the docx is written beside the PDF");
    let text = Process::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    for want in [
        "BERITA ACARA",
        "Benturan kepentingan",
        "Rekomendasi",
        FAUZI,
        "Kalibrasi",
        "asesmen lama",
        "Tanda tangan",
        "Lampiran",
        "800/77/BKPSDM/2026",
        "01-12-2026",
    ] {
        assert!(text.contains(want), "the PDF lacks {want:?}:\n{text}");
    }
}

/// A database with session 1 of these members (`NAME[:ROLE]`), all present,
/// and one recommendation (number 1).
fn one_session(d: &Path, members: &[&str]) -> std::path::PathBuf {
    let db = d.join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    let mut args = vec![
        "session",
        "new",
        "--title",
        "Sidang I/2026",
        "--date",
        "2026-11-20",
    ];
    let mut attend = vec!["session", "attend", "1"];
    for m in members {
        args.extend(["--member", m]);
        attend.push(m.split(':').next().unwrap());
    }
    assert_eq!(ok(&db, &args).trim(), "1");
    ok(&db, &attend);
    ok(
        &db,
        &[
            "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ],
    );
    db
}

/// A stand-in for LibreOffice: writes `%PDF-1.4 from ` and the docx's first two
/// bytes (`PK`, a zip) to OUTDIR/NAME.pdf and its arguments to `args.txt`; or,
/// with `fail`, says what LibreOffice says of a file it cannot read and exits 1.
fn stand_in(d: &Path, fail: bool) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let log = d.join("args.txt");
    let script = if fail {
        "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n".to_string()
    } else {
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nout=''; src=''\n\
             while [ $# -gt 0 ]; do case \"$1\" in --outdir) out=\"$2\"; shift;; *.docx) src=\"$1\";; esac; shift; done\n\
             {{ printf '%%PDF-1.4 from '; head -c 2 \"$src\"; }} > \"$out/$(basename \"$src\" .docx).pdf\"\n",
            log.display()
        )
    };
    let path = d.join(if fail { "soffice-fails" } else { "soffice" });
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn minutes_pdf(db: &Path, soffice: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut c = talenta(db);
    c.env("TALENTA_SOFFICE", soffice);
    c.args(["session", "minutes", "1", "--format", "docx", "-o"])
        .arg(out)
        .arg("--pdf")
        .args(extra);
    c.output().unwrap()
}

#[test]
fn pdf_is_printed_beside_the_docx_by_libreoffice() {
    let d = tempfile::tempdir().unwrap();
    let db = one_session(d.path(), &["Ketua:ketua"]);
    let soffice = stand_in(d.path(), false);
    let out = d.path().join("ba-1.docx");
    let o = minutes_pdf(&db, &soffice, &out, &[]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        said.contains("ba-1.docx") && said.contains("ba-1.pdf"),
        "{said}"
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let pdf = std::fs::read(d.path().join("ba-1.pdf")).unwrap();
    assert_eq!(
        pdf, b"%PDF-1.4 from PK",
        "the PDF is LibreOffice's print of the docx"
    );
    let args = std::fs::read_to_string(d.path().join("args.txt")).unwrap();
    assert!(
        args.contains("--headless\n") && args.contains("--convert-to\npdf\n"),
        "{args}"
    );
    assert!(
        args.contains("-env:UserInstallation=file:///"),
        "a profile of its own, not the user's open LibreOffice: {args}"
    );
    // Again: both files exist, so nothing is replaced without --force ...
    let o = minutes_pdf(&db, &soffice, &out, &[]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    // ... and with it both are.
    let o = minutes_pdf(&db, &soffice, &out, &["--force"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn no_pdf_no_docx_when_libreoffice_is_missing_or_fails() {
    let d = tempfile::tempdir().unwrap();
    let db = one_session(d.path(), &["Ketua:ketua"]);
    let out = d.path().join("ba-1.docx");
    let o = minutes_pdf(&db, &d.path().join("no-such-soffice"), &out, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("LibreOffice") && err.contains("TALENTA_SOFFICE"),
        "{err}"
    );
    assert!(
        !out.exists() && !d.path().join("ba-1.pdf").exists(),
        "nothing written"
    );

    let o = minutes_pdf(&db, &stand_in(d.path(), true), &out, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("source file could not be loaded"),
        "LibreOffice's own words: {err}"
    );
    assert!(
        !out.exists() && !d.path().join("ba-1.pdf").exists(),
        "nothing written"
    );

    // A PDF already there (and no --force): refused before LibreOffice runs.
    std::fs::write(d.path().join("ba-1.pdf"), "kept").unwrap();
    let o = minutes_pdf(&db, &stand_in(d.path(), false), &out, &[]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("ba-1.pdf"));
    assert!(!out.exists(), "the docx is not written either");
    assert_eq!(
        std::fs::read_to_string(d.path().join("ba-1.pdf")).unwrap(),
        "kept"
    );
    assert!(
        !d.path().join("args.txt").exists(),
        "LibreOffice was not started"
    );
}

#[test]
fn pdf_goes_with_word_minutes_written_to_a_file() {
    let d = tempfile::tempdir().unwrap();
    let db = one_session(d.path(), &["Ketua:ketua"]);
    let soffice = stand_in(d.path(), false);
    let out = d.path().join("ba.md");
    let o = talenta(&db)
        .env("TALENTA_SOFFICE", &soffice)
        .args(["session", "minutes", "1", "--format", "md", "--pdf", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format docx"));
    assert!(!out.exists());
    // Without -o there is no file to put the PDF beside.
    let o = talenta(&db)
        .args(["session", "minutes", "1", "--format", "docx", "--pdf"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--output"));
    // The docx named .pdf would be written over by its own print.
    let o = minutes_pdf(&db, &soffice, &d.path().join("ba.pdf"), &[]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("FILE.docx")
            || String::from_utf8_lossy(&o.stderr).contains("BERKAS.docx")
    );
    assert!(!d.path().join("ba.pdf").exists());
}
