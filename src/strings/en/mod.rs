//! User-facing text in English.

pub mod calibration;
pub mod cli;
pub mod eligibility;
pub mod filter;
pub mod import;
pub mod krs;
pub mod outcome;
pub mod positions;
pub mod serve;
pub mod session;
pub mod session_ui;
pub mod ui;
