//! `talenta serve`: spanduk server, log koneksi, dan pesan untuk klien SSH
//! anggota, Bahasa Indonesia.

pub fn banner(address: &str, key_path: &str, created: bool, fingerprint: &str) -> String {
    let key = if created { "dibuat" } else { "dipakai" };
    let port = address.rsplit(':').next().unwrap_or("2222");
    format!(
        "talenta serve: mendengarkan di {address}\n\
         kunci host ({key}): {key_path}\n\
         sidik jari kunci host: {fingerprint}\n\
         anggota tersambung dengan: ssh -p {port} <nama>@<server ini>\n"
    )
}

pub fn host_key_failed(e: &str) -> String {
    format!("kunci host server tidak dapat dipakai: {e} (harus kunci privat OpenSSH yang hanya dapat dibaca pemiliknya: chmod 600)")
}

pub fn listen_failed(address: &str, e: &str) -> String {
    format!("tidak dapat mendengarkan di {address}: {e}")
}

pub fn bad_duration(s: &str) -> String {
    format!("'{s}' bukan durasi: angka dengan s, m, atau h (90s, 30m, 2h)")
}

pub const STOPPING: &str = "berhenti: menutup semua layar";
pub const LOG_NOBODY: &str = "tidak masuk";
pub const LOG_SIGNED_IN: &str = "masuk";
pub const LOG_ENDED: &str = "selesai";
pub const LOG_REFUSED: &str = "ditolak";

pub const HOW_QUIT: &str = "keluar";
pub const HOW_CLOSED: &str = "ditutup oleh klien";
pub const HOW_IDLE: &str = "batas waktu diam";
pub const HOW_SHUTDOWN: &str = "server berhenti";
pub const HOW_NOT_ANSWERING: &str = "klien berhenti menjawab";

pub fn how_lost(e: &str) -> String {
    format!("koneksi terputus ({e})")
}

pub fn how_failed(e: &str) -> String {
    format!("layar gagal ({e})")
}

pub fn how_error(e: &str) -> String {
    format!("galat ({e})")
}

pub fn refused_key(fingerprint: &str) -> String {
    format!("kunci {fingerprint} (tidak diberi akses)")
}

pub const REFUSED_PASSWORD: &str = "kata sandi";
pub const REFUSED_EXEC: &str = "perintah";
pub const REFUSED_FORWARDING: &str = "penerusan";
pub const REFUSED_NO_PTY: &str = "shell tanpa terminal";
pub const REFUSED_SECOND_SESSION: &str = "sesi kedua";
pub const REFUSED_TOO_MANY: &str = "melebihi batas koneksi";
pub const REFUSED_SLOW_SIGN_IN: &str = "terlalu lama masuk";

pub fn refused_subsystem(name: &str) -> String {
    format!("subsistem {name}")
}

pub fn too_many(max: usize) -> String {
    format!("talenta: server sudah melayani {max} koneksi; coba lagi nanti")
}

pub const SIGN_IN_TOO_SLOW: &str = "talenta: terlalu lama masuk";
pub const NEEDS_TERMINAL: &str = "layar komite memerlukan terminal: sambungkan dengan ssh -t";
pub const NO_COMMANDS: &str =
    "server ini hanya menjalankan layar komite, tanpa perintah: sambungkan tanpa perintah";
pub const SCREEN_IDLE: &str = "ditutup karena terlalu lama tanpa tombol ditekan";
pub const SCREEN_SHUTDOWN: &str = "server sedang berhenti";
pub const SCREEN_FAILED: &str = "layar komite tidak dapat dimulai; log server menyebutkan sebabnya";
