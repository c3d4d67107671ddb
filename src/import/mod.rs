//! The importer (`shared/contracts/import-format.md`). Being implemented.
