//! Any bytes as an xlsx workbook (a zip of XML parts): read and check it as
//! `talenta import` does before it touches the database.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["pegawai.xlsx", "data.xlsx"] {
        let r = talenta::import::check_bytes(name, data, 2025);
        assert!(r.rows_valid <= r.rows_read);
    }
});
