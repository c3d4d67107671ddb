//! The Word minutes (berita acara) as an office opens them: a session with
//! recommendations, a conflict of interest, a talent review and a PPK outcome
//! recorded after the close, written as docx, converted to PDF by LibreOffice
//! (`soffice --headless`) and read back as text (`pdftotext`). LibreOffice is
//! not part of the CI image (a large download); where `soffice` or
//! `pdftotext` is missing the test says so and skips. The pictures of the
//! pages in docs/img/ come from `scripts/render-minutes.sh`.

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
    let db = d.path().join("pool.db");
    talenta(&db).arg("import").arg(FIXTURES).assert().success();
    let args = [
        "session",
        "new",
        "--title",
        "Sidang I/2026",
        "--date",
        "2026-11-20",
        "--member",
        "Ketua:ketua",
        "--member",
        "Budi:sekretaris",
        "--member",
        "Dewi",
    ];
    assert_eq!(ok(&db, &args).trim(), "1");
    ok(&db, &["session", "attend", "1", "Ketua", "Budi", "Dewi"]);
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
    let rec = ok(
        &db,
        &[
            "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ],
    );
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
            rec.trim(),
            "--status",
            "ditetapkan",
            "--sk",
            "800/77/BKPSDM/2026",
            "--date",
            "2026-12-01",
        ],
    );
    let docx = d.path().join("berita-acara.docx");
    ok(
        &db,
        &[
            "session",
            "minutes",
            "1",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
        ],
    );
    let converted = Process::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(d.path())
        .arg(&docx)
        .env("HOME", d.path())
        .output()
        .unwrap();
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let pdf = d.path().join("berita-acara.pdf");
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
