//! The run context every command and the committee screen receive (database,
//! as-of date, language, config, actor), and the error they end with: one
//! sentence in the user's language, details, and the exit status (1 runtime
//! failure, 2 bad usage or bad input). Built once by the command line.

use crate::config::Config;
use crate::lang::Lang;
use crate::store::{Actor, OpenMode, Store, StoreError};
use crate::tr;
use chrono::NaiveDate;
use std::path::PathBuf;

/// A failure as the user sees it: one sentence, then details; and the exit status.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
    pub details: Vec<String>,
}

impl CliError {
    /// Bad usage or bad input (exit 2).
    pub fn input(message: impl Into<String>) -> CliError {
        CliError {
            code: 2,
            message: message.into(),
            details: Vec::new(),
        }
    }
    /// A runtime failure (exit 1).
    pub fn runtime(message: impl Into<String>) -> CliError {
        CliError {
            code: 1,
            message: message.into(),
            details: Vec::new(),
        }
    }
    pub fn with_details(mut self, details: Vec<String>) -> CliError {
        self.details = details;
        self
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// Everything a command needs to know besides its own arguments.
pub struct Ctx {
    pub lang: Lang,
    pub as_of: NaiveDate,
    pub config: Config,
    pub db: PathBuf,
    /// True when the database was named by `--db`, `TALENTA_DB` or the config.
    pub db_explicit: bool,
    pub actor: Actor,
}

impl Ctx {
    pub fn store_error(&self, e: StoreError) -> CliError {
        let code = match e {
            StoreError::Newer { .. } | StoreError::NotDatabase { .. } => 1,
            _ => 1,
        };
        CliError {
            code,
            message: tr!(self.lang, cli::store_error(&e)),
            details: vec![e.to_string()],
        }
    }

    /// Open the database, which must exist.
    pub fn open(&self) -> CliResult<Store> {
        Store::open(&self.db, OpenMode::Existing).map_err(|e| self.store_error(e))
    }

    /// Open or create the database.
    pub fn open_or_create(&self) -> CliResult<Store> {
        Store::open(&self.db, OpenMode::Create).map_err(|e| self.store_error(e))
    }

    pub fn rules(&self) -> &crate::domain::Rules {
        &self.config.rules
    }
}
