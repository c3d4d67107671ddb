//! User-facing text in English.

pub mod access;
pub mod calibration;
pub mod cli;
pub mod eligibility;
pub mod export;
pub mod filter;
pub mod import;
pub mod krs;
pub mod minutes;
pub mod outcome;
pub mod positions;
pub mod roles;
pub mod serve;
pub mod session;
pub mod session_ui;
pub mod ui;
pub mod vote;
