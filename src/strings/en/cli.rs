//! CLI messages.
