//! Filter-language error messages.

use crate::domain::filter::FilterError;

pub fn error(e: &FilterError) -> String {
    format!("{:?}", e.kind)
}
