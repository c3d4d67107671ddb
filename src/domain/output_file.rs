//! Why an output file (the minutes) was not written: the outcome of
//! `minutes::save`, named here so that the texts can say it.

/// Why an output file was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Something is there already; overwriting needs `--force` (or the
    /// screen's confirmation).
    Exists,
    /// The path is the database, or its -wal, -shm, -journal or -snapshot file.
    Database,
    /// A symbolic link, a folder, a device or a pipe: never written through.
    NotRegular,
    /// The file system's error, as its text.
    Io(String),
}

impl From<std::io::Error> for SaveError {
    fn from(e: std::io::Error) -> Self {
        SaveError::Io(e.to_string())
    }
}
