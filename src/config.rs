//! The user's config file. Being implemented.
