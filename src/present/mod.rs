//! What the command line and the committee screen show alike: the compare
//! rows, the JPM and gap text, the requirement digits, and exported tables
//! (typed cells written as CSV or xlsx). It sits
//! below both (`cli` and `ui` name it; it names neither), so a fact is
//! formatted once whichever way the user looks at it.

pub mod calibration;
pub mod compare;
pub mod conditions;
pub mod csv;
pub mod krs;
pub mod position;
pub mod sheet;
pub mod vote;
pub mod xlsx;

pub use compare::{columns, compare_rows, Column};
pub use conditions::{failed_codes, outcome_mark, ConditionText};
pub use csv::{safe_cell, write_csv};
pub use position::{gaps_text, jpm_text, requirement_digits};
pub use sheet::{Cell, Sheet};
