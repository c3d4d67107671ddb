//! Parse any text as a filter; when it parses, evaluate it on a small demo pool.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use talenta::domain::{Candidate, Rules};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A 100-employee demo pool, built once into a temporary database and loaded.
fn pool() -> &'static [Candidate] {
    static POOL: OnceLock<Vec<Candidate>> = OnceLock::new();
    POOL.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("talenta-fuzz-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut store =
            talenta::store::Store::open(&path, talenta::store::OpenMode::Create).unwrap();
        let spec = talenta::demo::DemoSpec::new(100, 7, as_of());
        let actor = talenta::store::Actor::new(Some("fuzz"));
        talenta::demo::build(&mut store, &spec, &actor, false).unwrap();
        let pool =
            talenta::store::load::load_pool(&store.conn, as_of(), &Rules::default()).unwrap();
        drop(store);
        for side in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{side}", path.display()));
        }
        pool.rows
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(f) = talenta::domain::filter::parse(text) {
        for c in pool() {
            f.matches(c, as_of());
        }
    }
});
