//! talenta: the talent committee's terminal tool for Indonesia's civil service.
//!
//! Layers (see `docs/architecture.md`):
//! - [`lang`]: the language (a leaf);
//! - [`domain`]: pure types and rules (grades, 9-box, predikat, filter language);
//! - [`store`]: the SQLite schema, migrations, queries and the audit chain;
//! - [`import`]: reading HR exports into the store;
//! - [`demo`]: the reproducible demo talent pool;
//! - [`present`]: what the command line and the screens show alike (compare rows,
//!   JPM and gap text, CSV cells); [`context`]: the run context and its error;
//!   [`minutes`]: the berita acara;
//! - [`cli`]: the command line;
//! - [`app`], [`ui`], [`tui`]: the committee screen (state machine, drawing, terminal);
//! - [`strings`]: every user-facing text, one module per language.

pub mod app;
pub mod cli;
pub mod config;
pub mod context;
pub mod demo;
pub mod domain;
pub mod import;
pub mod lang;
pub mod minutes;
pub mod present;
pub mod serve;
pub mod store;
pub mod strings;
pub mod tui;
pub mod ui;
