//! Import messages.
