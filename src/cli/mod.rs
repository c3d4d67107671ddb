//! The command line. Being implemented.
