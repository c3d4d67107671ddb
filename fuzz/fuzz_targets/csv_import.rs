//! Any bytes as each kind of CSV file: read, parse and check every row as
//! `talenta import` does before it touches the database.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "pegawai.csv",
    "kinerja.csv",
    "kompetensi.csv",
    "potensi.csv",
    "pelatihan.csv",
    "jabatan.csv",
    "syarat_jabatan.csv",
    "lain.csv",
];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file name (and so, maybe, the kind).
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let r = talenta::import::check_bytes(name, bytes, 2025);
    assert!(r.rows_valid <= r.rows_read);
});
