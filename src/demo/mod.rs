//! The demo talent pool generator. Being implemented.
