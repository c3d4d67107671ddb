//! A PDF of the Word minutes, printed by LibreOffice (`soffice --headless
//! --convert-to pdf`) where it is installed. Optional by design (issue 17):
//! talenta carries no PDF writer of its own; the docx is the document and the
//! PDF a print of it, so a machine without LibreOffice loses nothing but the
//! print. `TALENTA_SOFFICE` names the program where it is not on the PATH.
//!
//! The conversion runs in a private temporary folder with its own LibreOffice
//! profile: a LibreOffice the user has open does not swallow the request, and
//! two conversions at once do not share a profile.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long LibreOffice may take for one berita acara (its first start on a
/// machine builds a profile, which takes some seconds).
pub const TIMEOUT: Duration = Duration::from_secs(180);

#[derive(Debug)]
pub enum PdfError {
    /// No `soffice` (or `libreoffice`) on the PATH, nor at `TALENTA_SOFFICE`.
    NoLibreOffice,
    /// LibreOffice ran and made no PDF: the last line it printed, or its status.
    Failed(String),
    /// LibreOffice did not finish within `TIMEOUT`; it was stopped.
    TimedOut,
}

/// The LibreOffice program: `TALENTA_SOFFICE` when set, else `soffice` or
/// `libreoffice` found on the PATH.
pub fn find_soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TALENTA_SOFFICE") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// The PDF printed from `docx` (the bytes of a Word document).
pub fn convert(docx: &[u8]) -> Result<Vec<u8>, PdfError> {
    let soffice = find_soffice().ok_or(PdfError::NoLibreOffice)?;
    let io = |e: std::io::Error| PdfError::Failed(e.to_string());
    let dir = tempfile::Builder::new()
        .prefix("talenta-pdf-")
        .tempdir()
        .map_err(io)?;
    let source = dir.path().join("berita-acara.docx");
    std::fs::write(&source, docx).map_err(io)?;
    let log = std::fs::File::create(dir.path().join("soffice.log")).map_err(io)?;
    let mut child = Command::new(&soffice)
        .arg(profile_arg(&dir.path().join("profile")))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&source)
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(io)?)
        .stderr(log)
        .spawn()
        .map_err(io)?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(io)? {
            Some(status) => break status,
            None if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::TimedOut);
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let pdf = std::fs::read(dir.path().join("berita-acara.pdf")).unwrap_or_default();
    if pdf.starts_with(b"%PDF") {
        return Ok(pdf);
    }
    let said = std::fs::read_to_string(dir.path().join("soffice.log")).unwrap_or_default();
    let last = said
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    Err(PdfError::Failed(last.unwrap_or_else(|| status.to_string())))
}

/// LibreOffice's option for a profile folder of its own: a file URL.
fn profile_arg(dir: &Path) -> String {
    let mut url = String::from("-env:UserInstallation=file://");
    for b in dir.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// The PDF's path beside the docx: the same name with `.pdf`.
pub fn beside(docx: &Path) -> PathBuf {
    docx.with_extension("pdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_a_file_url_with_unsafe_bytes_escaped() {
        assert_eq!(
            profile_arg(Path::new("/tmp/talenta pdf/profile")),
            "-env:UserInstallation=file:///tmp/talenta%20pdf/profile"
        );
    }

    #[test]
    fn the_pdf_goes_beside_the_docx() {
        assert_eq!(
            beside(Path::new("out/ba-1.docx")),
            Path::new("out/ba-1.pdf")
        );
        assert_eq!(beside(Path::new("ba")), Path::new("ba.pdf"));
    }
}
