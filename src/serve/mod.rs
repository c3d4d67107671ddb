//! `talenta serve`: the committee screen over SSH, one screen per member,
//! each signed in by a granted key (contract `serve.md`).

pub mod keys;
