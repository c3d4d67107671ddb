//! Teks baris perintah (Bahasa Indonesia).

use crate::domain::{Kinerja, Potensi};
use crate::store::audit::Problem;
use crate::store::StoreError;
use crate::strings::ShowLabels;

/// Bantuan `talenta --help`: kunci = perintah[.sub][.argumen], atau `global.argumen`.
pub const HELP: &[(&str, &str)] = &[
    ("", "Alat komite talenta ASN: kumpulan talenta, matriks 9 kotak, filter, sidang komite, jejak audit"),
    ("global.db", "Basis data kumpulan talenta (berkas SQLite); bawaan: $TALENTA_DB atau ~/.local/share/talenta/talenta.db"),
    ("global.as_of", "Tanggal acuan untuk usia, masa jabatan dan jp (bawaan: hari ini)"),
    ("global.lang", "Bahasa antarmuka dan keluaran: id | en"),
    ("global.as_name", "Siapa yang bertindak, untuk jejak audit (bawaan: nama pengguna OS)"),
    ("global.ascii", "Gambar layar hanya dengan simbol ASCII, untuk terminal yang bukan UTF-8 (bawaan: dari LC_ALL, LC_CTYPE atau LANG)"),
    ("global.help", "Tampilkan bantuan ini"),
    ("global.version", "Tampilkan versi talenta"),
    ("global.help_command", "Tampilkan bantuan ini atau bantuan subperintah yang disebut"),
    ("global.help_command.subcommand", "Subperintah yang bantuannya ditampilkan"),
    ("query", "Menampilkan pegawai yang cocok dengan filter"),
    ("query.filter", "Filter, mis. 'kotak>=7 unit~pendidikan' (lihat docs/filter-language.md); tanpa filter: semua pegawai"),
    ("query.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("query.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("query.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("query.sort", "Urutkan menurut kolom filter (mis. usia, kotak, nama, integritas)"),
    ("query.desc", "Urutan menurun"),
    ("query.limit", "Paling banyak N baris"),
    ("query.by", "Hitung yang cocok per nilai kolom filter (mis. unit, kotak, golongan; tanggal per tahun)"),
    ("query.count", "Hanya cetak jumlah yang cocok"),
    ("demo", "Membuat (atau mengganti, setelah bertanya atau dengan --force) kumpulan talenta demo yang realistis"),
    ("demo.size", "Jumlah pegawai (100 .. 5.000.000)"),
    ("demo.seed", "Benih acak: benih sama, kumpulan sama"),
    ("demo.force", "Ganti basis data yang ada tanpa bertanya (yang lama disimpan sebagai cadangan)"),
    ("demo.csv", "Tulis kumpulan demo sebagai berkas CSV format impor ke folder ini, bukan ke basis data"),
    ("demo.semicolon", "CSV dengan pemisah ; (gaya Excel Indonesia)"),
    ("import", "Mengimpor berkas CSV/xlsx atau folder ekspor (semua atau tidak sama sekali)"),
    ("import.dry_run", "Periksa semuanya tanpa menulis apa pun"),
    ("import.skip_invalid", "Tulis baris yang valid, lewati dan daftar yang tidak"),
    ("import.paths", "Berkas atau folder"),
    ("show", "Profil lengkap satu pegawai"),
    ("show.nip", "NIP 18 digit"),
    ("show.format", "Format keluaran"),
    ("session", "Sidang komite talenta: anggota, kehadiran, benturan kepentingan, rekomendasi, hasil PPK, berita acara"),
    ("session.new", "Membuat sidang baru (langsung dibuka); mencetak nomornya"),
    ("session.new.title", "Judul sidang"),
    ("session.new.date", "Tanggal sidang (bawaan: tanggal acuan)"),
    ("session.new.members", "Anggota: NAMA, NAMA:PERAN (ketua, sekretaris, anggota) atau NAMA:PERAN:NIP (18 digit, dicetak di bawah tanda tangannya); boleh berulang"),
    ("session.new.quorum", "Kuorum (bawaan: mayoritas anggota)"),
    ("session.new.agenda", "Kode jabatan yang dibahas; boleh berulang"),
    ("session.new.tempat", "Tempat sidang (untuk pembukaan berita acara)"),
    ("session.new.mulai", "Jam mulai sidang, waktu setempat"),
    ("session.list", "Daftar sidang"),
    ("session.list.format", "Format keluaran: table atau json"),
    ("session.attend", "Menandai anggota hadir"),
    ("session.attend.id", "Nomor sidang (lihat 'talenta session list')"),
    ("session.attend.names", "Nama anggota yang hadir, persis seperti terdaftar; boleh beberapa"),
    ("session.recuse", "Anggota menyatakan benturan kepentingan atas satu kandidat dan tidak ikut memutuskan"),
    ("session.recuse.id", "Nomor sidang"),
    ("session.recuse.name", "Nama anggota yang memiliki benturan kepentingan"),
    ("session.recuse.nip", "NIP kandidat yang bersangkutan"),
    ("session.recuse.reason", "Alasan benturan kepentingan (wajib), mis. hubungan keluarga"),
    ("session.discussed", "Menandai kandidat sudah dibahas"),
    ("session.discussed.id", "Nomor sidang"),
    ("session.discussed.nip", "NIP kandidat yang sudah dibahas"),
    ("session.decide", "Mencatat rekomendasi komite atas kandidat; mencetak nomornya"),
    ("session.decide.kind", "promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda, tidak_direkomendasikan"),
    ("session.decide.position", "Kode jabatan tujuan (promosi, rotasi, mutasi)"),
    ("session.decide.reason", "Dasar pertimbangan (wajib)"),
    ("session.decide.votes", "Suara SETUJU/TIDAK/ABSTAIN, mis. 4/1/0"),
    ("session.decide.id", "Nomor sidang"),
    ("session.decide.nip", "NIP kandidat"),
    ("session.calibrate", "Kalibrasi (talent review): mencatat kotak (1..9) yang disepakati komite untuk kandidat, dengan dasar pertimbangan; mencetak nomornya"),
    ("session.calibrate.id", "Nomor sidang"),
    ("session.calibrate.nip", "NIP kandidat"),
    ("session.calibrate.kotak", "Kotak yang disepakati, 1 sampai 9"),
    ("session.calibrate.reason", "Dasar pertimbangan (wajib)"),
    ("session.calibrate.votes", "Suara SETUJU/TIDAK/ABSTAIN, mis. 4/1/0"),
    ("session.amend", "Mengubah rekomendasi: versi baru yang menggantikan yang lama; keduanya tetap tercatat"),
    ("session.amend.decision_id", "Nomor rekomendasi yang diubah (versi terakhir)"),
    ("session.amend.kind", "Jenis rekomendasi yang baru (bawaan: tetap)"),
    ("session.amend.position", "Kode jabatan tujuan yang baru (bawaan: tetap)"),
    ("session.amend.reason", "Alasan perubahan (wajib)"),
    ("session.amend.votes", "Suara SETUJU/TIDAK/ABSTAIN yang baru, mis. 4/1/0"),
    ("session.close", "Menutup sidang (hanya baca sesudahnya)"),
    ("session.close.id", "Nomor sidang yang ditutup"),
    ("session.reopen", "Membuka kembali sidang yang ditutup, dengan alasan"),
    ("session.reopen.id", "Nomor sidang yang dibuka kembali"),
    ("session.reopen.reason", "Alasan membuka kembali (wajib)"),
    ("session.outcome", "Mencatat hasil PPK atas rekomendasi: ditetapkan (dengan SK), ditolak (dengan alasan) atau ditunda; juga setelah sidang ditutup; mencetak nomornya"),
    ("session.outcome.decision_id", "Nomor rekomendasi (versi terakhir)"),
    ("session.outcome.status", "ditetapkan, ditolak atau ditunda"),
    ("session.outcome.sk", "Nomor SK PPK (wajib untuk ditetapkan)"),
    ("session.outcome.date", "Tanggal SK atau jawaban PPK (bawaan: tanggal acuan)"),
    ("session.outcome.reason", "Alasan (wajib untuk ditolak)"),
    ("session.minutes", "Berita acara: md, csv, json atau docx"),
    ("session.minutes.output", "Tulis ke berkas ini"),
    ("session.minutes.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("session.minutes.id", "Nomor sidang"),
    ("session.minutes.format", "Format berita acara: md, csv, json atau docx"),
    ("session.minutes.pdf", "Cetak juga docx ke BERKAS.pdf di sebelahnya dengan LibreOffice (opsional; perlu soffice)"),
    ("session.vote", "Pemungutan suara komite: buka pemungutan suara atas rekomendasi atau kalibrasi, beri suara, lihat hasil, tutup (mencatatnya dengan hasil) atau batalkan"),
    ("session.vote.open", "Buka pemungutan suara atas usulan rekomendasi (--kind) atau kalibrasi (--kotak); mencetak nomornya. Satu pemungutan suara terbuka per sidang"),
    ("session.vote.open.id", "Nomor sidang"),
    ("session.vote.open.nip", "NIP kandidat"),
    ("session.vote.open.kind", "Usulan rekomendasi: promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda, tidak_direkomendasikan"),
    ("session.vote.open.position", "Kode jabatan tujuan usulan rekomendasi (promosi, rotasi, mutasi)"),
    ("session.vote.open.kotak", "Kotak usulan kalibrasi, 1 sampai 9"),
    ("session.vote.open.reason", "Alasan usulan (wajib)"),
    ("session.vote.cast", "Beri (atau ubah) suara seorang anggota; melalui talenta serve anggota memilih sendiri dari layarnya"),
    ("session.vote.cast.vote_id", "Nomor pemungutan suara"),
    ("session.vote.cast.member", "Nama anggota yang memilih, sesuai daftar anggota sidang"),
    ("session.vote.cast.choice", "Suara: setuju, tidak-setuju atau abstain"),
    ("session.vote.show", "Tampilkan pemungutan suara: usulan, hasil, suara setiap anggota dan yang belum memilih"),
    ("session.vote.show.vote_id", "Nomor pemungutan suara"),
    ("session.vote.show.format", "Format keluaran: table atau json"),
    ("session.vote.close", "Tutup pemungutan suara: bila setuju lebih banyak daripada tidak setuju dan kuorum terpenuhi, rekomendasi atau kalibrasi dicatat dengan hasilnya; mencetak yang dicatat"),
    ("session.vote.close.vote_id", "Nomor pemungutan suara"),
    ("session.vote.cancel", "Batalkan pemungutan suara dengan alasan; tidak ada yang dicatat selain pembatalannya"),
    ("session.vote.cancel.vote_id", "Nomor pemungutan suara"),
    ("session.vote.cancel.reason", "Alasan pembatalan (wajib)"),
    ("positions", "Daftar jabatan: yang lowong dulu, lalu yang pemangkunya segera pensiun, lalu sisanya, dengan level kompetensi yang disyaratkan"),
    ("positions.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("positions.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("positions.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("positions.retiring_within", "Berapa tahun ke depan pensiun (BUP) pemangku menempatkan jabatan di kelompok kedua (bawaan: rules.retiring_within_years, 2)"),
    ("shortlist", "Calon yang memenuhi syarat untuk satu jabatan, diurutkan menurut job-person match (lihat docs/positions.md)"),
    ("shortlist.kode", "Kode jabatan (lihat 'talenta positions')"),
    ("shortlist.filter", "Hanya calon yang cocok dengan filter ini"),
    ("shortlist.limit", "Paling banyak N baris"),
    ("shortlist.all", "Peringkat semua calon, memenuhi syarat atau tidak, masing-masing dengan syarat yang tidak dipenuhinya (satu kolom kode syarat; JSON: tidak_terpenuhi)"),
    ("shortlist.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("shortlist.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("shortlist.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("compare", "Membandingkan 2 sampai 6 calon berdampingan"),
    ("compare.nips", "2 sampai 6 NIP"),
    ("compare.position", "Bandingkan dengan persyaratan jabatan ini (JPM, kesenjangan, kelayakan)"),
    ("compare.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("compare.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("compare.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("succession", "Kelompok rencana suksesi (KRS) per jabatan"),
    ("succession.list", "Daftar suksesor, satu jabatan atau semuanya"),
    ("succession.list.kode", "Kode jabatan"),
    ("succession.list.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("succession.list.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("succession.list.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("succession.list.period", "Periode (tahun) KRS yang ditampilkan (bawaan: yang berlaku mulai tahun acuan)"),
    ("succession.establish", "Menetapkan rencana suksesi sebagai KRS suatu periode (SK PPK): setiap entri diperiksa menurut PP 11/2017 Pasal 199"),
    ("succession.establish.period", "Periode (tahun)"),
    ("succession.establish.sk", "Nomor SK"),
    ("succession.establish.date", "Tanggal SK"),
    ("succession.establish.kode", "Jabatan yang ditetapkan (bawaan: semua jabatan yang memiliki rencana)"),
    ("succession.add", "Menambah suksesor, atau mengubah kesiapan, urutan atau catatannya"),
    ("succession.add.kode", "Kode jabatan"),
    ("succession.add.nip", "NIP suksesor"),
    ("succession.add.readiness", "siap_sekarang | 1_2_tahun | 3_tahun_lebih (atau now, 1-2, 3+)"),
    ("succession.add.note", "Catatan untuk suksesor ini"),
    ("succession.add.order", "Urutan dalam daftar (bawaan: terakhir untuk suksesor baru)"),
    ("succession.remove", "Menghapus suksesor; alasannya disimpan di jejak audit"),
    ("succession.remove.kode", "Kode jabatan"),
    ("succession.remove.nip", "NIP suksesor"),
    ("succession.remove.reason", "Alasan (wajib)"),
    ("access", "Siapa yang boleh masuk ke 'talenta serve': kunci publik yang diberikan kepada nama dengan suatu peran"),
    ("access.add", "Memberikan kunci publik kepada suatu nama dengan suatu peran; menampilkan sidik jari kunci"),
    ("access.add.name", "Nama anggota, seperti yang akan tampil di jejak audit"),
    ("access.add.role", "admin, sekretaris, anggota, ppk atau pengamat (atau secretary, member, observer)"),
    ("access.add.key", "Kunci publik: barisnya (ssh-ed25519 AAAA… user@host) atau jalur berkas .pub-nya"),
    ("access.list", "Daftar semua pemberian akses, yang berlaku maupun yang dicabut"),
    ("access.list.format", "Format keluaran"),
    ("access.remove", "Mencabut semua kunci suatu nama; alasannya disimpan di jejak audit"),
    ("access.remove.name", "Nama, seperti saat diberikan"),
    ("access.remove.reason", "Alasan akses dicabut (wajib)"),
    ("serve", "Menyajikan layar komite lewat SSH: tiap anggota masuk dengan kunci publik yang diberi akses (lihat docs/ssh.md)"),
    ("serve.listen", "Alamat dan port yang didengarkan (0.0.0.0:2222 untuk semua antarmuka)"),
    ("serve.max_connections", "Koneksi terbanyak sekaligus; selebihnya diminta mencoba lagi nanti"),
    ("serve.idle_timeout", "Tutup layar setelah selama ini tanpa tombol ditekan (90s, 30m, 2h)"),
    ("serve.auth_delay", "Lama penolakan masuk menunggu sebelum dijawab (memperlambat tebakan)"),
    ("audit", "Jejak audit"),
    ("audit.verify", "Memeriksa seluruh rantai hash jejak audit"),
    ("audit.verify.expect_head", "Hash jejak audit yang tercetak di berita acara"),
    ("audit.log", "Daftar entri audit"),
    ("audit.log.format", "Format keluaran; xlsx adalah buku kerja (perlu -o BERKAS)"),
    ("audit.log.output", "Tulis ke berkas ini, bukan ke terminal (berkas baru; lihat --force)"),
    ("audit.log.force", "Ganti berkas bila sudah ada (tidak pernah basis data, tautan atau perangkat)"),
    ("audit.log.since", "Sejak tanggal ini"),
];

pub const CONFIG_INVALID: &str = "berkas konfigurasi tidak valid; perbaiki atau hapus berkas itu";

pub const QUERY_HEADER: &[&str] = &[
    "NIP",
    "Nama",
    "Jabatan",
    "Unit kerja",
    "Gol",
    "Kinerja",
    "Potensi",
    "Kotak",
];
pub const AUDIT_HEADER: &[&str] = &["No", "Waktu", "Pelaku", "Tindakan", "Objek", "Hash"];

pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::NoParent(p) => format!("folder {} tidak ada; buat dulu foldernya atau pilih --db lain", p.display()),
        StoreError::Missing(p) => format!(
            "belum ada basis data kumpulan talenta di {}; buat dengan 'talenta demo' atau 'talenta import FOLDER'",
            p.display()
        ),
        StoreError::NotDatabase { path, .. } => format!("{} bukan basis data talenta (rusak atau berkas lain)", path.display()),
        StoreError::Newer { path, found, known } => format!(
            "basis data {} memakai skema versi {found}, lebih baru dari yang dikenal talenta ini ({known}); perbarui talenta",
            path.display()
        ),
        e @ StoreError::Sqlite(_) if e.is_busy() => "basis data sedang dikunci oleh proses lain terlalu lama; coba lagi sebentar lagi".to_string(),
        e @ StoreError::Sqlite(_) if e.is_read_only() => "berkas basis data atau foldernya hanya-baca; talenta tidak dapat menulisnya".to_string(),
        e @ StoreError::Sqlite(_) if e.is_full() => "disk penuh: basis data tidak dapat ditulis; tidak ada yang berubah".to_string(),
        StoreError::Sqlite(_) => "basis data tidak dapat dibaca atau ditulis".to_string(),
        StoreError::Io(_) => "berkas basis data tidak dapat dibuka".to_string(),
    }
}

pub fn filter_invalid(column: usize, message: &str) -> String {
    format!("filter tidak valid pada karakter ke-{column}: {message}")
}

pub fn unknown_by_field(s: &str) -> String {
    format!("tidak bisa menghitung per '{s}': bukan kolom filter (mis. unit, kotak, golongan, tingkat, pensiun)")
}

/// The header of `query --by FIELD`: the field, then the count.
pub fn by_header(field: &str) -> Vec<String> {
    vec![field.to_string(), "jumlah".to_string()]
}

/// The label of the employees without a value in `query --by`.
pub const BY_NONE: &str = "(kosong)";

/// The last line of `query --by`'s table.
pub fn by_total(groups: usize, total: usize) -> String {
    format!("{total} pegawai dalam {groups} kelompok")
}

pub fn unknown_sort_field(s: &str) -> String {
    format!("tidak bisa mengurutkan menurut '{s}': bukan kolom filter (mis. nama, usia, kotak, golongan, integritas)")
}

/// Under the table: how many are shown, and of how many that match (when
/// `--limit` cut the list) in the pool.
pub fn matches_line(shown: usize, matched: usize, total: usize) -> String {
    if shown < matched {
        format!(
            "{shown} pegawai ditampilkan dari {matched} yang cocok, {total} dalam kumpulan talenta"
        )
    } else {
        format!("{shown} pegawai ditampilkan dari {total} dalam kumpulan talenta")
    }
}

/// No employee has `nip`: or, when it is no NIP at all, why not (one
/// place for every command that takes a NIP).
pub fn nip_not_found(nip: &str) -> String {
    use crate::domain::nip::{malformed, NipError};
    let shown = crate::domain::text::one_line(nip);
    match malformed(nip) {
        Some(NipError::Length(n)) => {
            format!("NIP tidak sah: harus 18 digit ({n} diberikan: {shown})")
        }
        Some(NipError::BirthDate) => format!(
            "NIP tidak sah: 8 digit pertama adalah tanggal lahir, dan {} bukan tanggal (diberikan: {shown})",
            &nip.trim()[..8]
        ),
        Some(_) => format!(
            "NIP tidak sah: NIP terdiri atas 18 angka 0-9, tanpa spasi atau tanda baca (diberikan: {shown})"
        ),
        None => format!("tidak ada pegawai dengan NIP {nip}"),
    }
}

pub fn audit_intact(entries: i64, head: &str) -> String {
    format!("jejak audit utuh: {entries} entri\nhash terakhir: {head}\n")
}

pub fn audit_broken(seq: i64, p: &Problem) -> String {
    match p {
        Problem::HashMismatch => format!("jejak audit rusak pada entri {seq}: isinya diubah (hash tidak cocok)"),
        Problem::ChainBreak => format!("jejak audit rusak pada entri {seq}: rantai terputus (entri dihapus, disisipkan atau dipindah)"),
        Problem::Gap { expected } => format!("jejak audit rusak pada entri {seq}: entri {expected} hilang"),
        Problem::HeadMismatch { expected, found } => format!(
            "jejak audit tidak memuat hash {expected} yang tercantum di berita acara (hash terakhir sekarang {found}); entri setelah {seq} bisa jadi telah dihapus"
        ),
        Problem::RecordMismatch { entity, id } if seq == 0 => format!(
            "catatan {entity} {id} tidak memiliki entri audit yang mencatatnya (disisipkan di luar talenta)"
        ),
        Problem::RecordMismatch { entity, id } => format!(
            "catatan {entity} {id} tidak sama dengan entri audit {seq} yang mencatatnya (diubah, disisipkan atau dihapus di luar talenta)"
        ),
        Problem::ClosedSessionChanged { session } => format!(
            "entri audit {seq} mengubah sidang {session} setelah ditutup, tanpa pembukaan kembali yang tercatat sebelumnya"
        ),
        Problem::TriggersMissing => "jejak audit tidak lagi terlindung: pemicu (trigger) yang menolak ubah/hapus telah dibuang, diubah atau ditambah".to_string(),
    }
}

pub fn kinerja_name(k: Kinerja) -> &'static str {
    match k {
        Kinerja::DiBawah => "di bawah ekspektasi",
        Kinerja::Sesuai => "sesuai ekspektasi",
        Kinerja::DiAtas => "di atas ekspektasi",
    }
}

pub fn potensi_name(p: Potensi) -> &'static str {
    match p {
        Potensi::Rendah => "rendah",
        Potensi::Menengah => "menengah",
        Potensi::Tinggi => "tinggi",
    }
}

pub const SHOW: ShowLabels = ShowLabels {
    nip: "NIP",
    sex: "Jenis kelamin",
    age: "usia",
    born: "lahir",
    status: "Status",
    golongan: "golongan",
    jabatan: "Jabatan",
    since: "sejak",
    years: "tahun",
    unit: "Unit kerja",
    pendidikan: "Pendidikan",
    bup: "Pensiun (BUP)",
    kotak: "Matriks 9 Kotak",
    kinerja_axis: "kinerja",
    potensi_axis: "potensial",
    talent_pool: "talent pool",
    no_box: "belum dapat ditentukan (predikat atau potensi belum ada)",
    kinerja: "Kinerja (SKP)",
    kompetensi: "Kompetensi",
    potensi: "Potensi",
    score: "skor",
    training: "Pelatihan",
    decisions: "Rekomendasi",
    session: "sidang",
    superseded: "diubah oleh",
    history: "Riwayat jabatan",
    penalties: "Hukuman disiplin",
    now: "sekarang",
    none: "-",
};

pub const DEMO_FAILED: &str = "kumpulan talenta demo tidak dapat dibuat";

pub fn demo_bad_size(n: usize) -> String {
    format!("ukuran demo {n} di luar batas: 100 sampai 5.000.000 pegawai")
}

pub fn cannot_write(p: &std::path::Path) -> String {
    format!("tidak dapat menulis ke {}", p.display())
}

pub fn demo_csv_written(n: usize, dir: &std::path::Path) -> String {
    format!(
        "berkas CSV kumpulan demo ({n} pegawai) ditulis ke {}\n",
        dir.display()
    )
}

pub fn demo_exists(p: &std::path::Path) -> String {
    format!("{} sudah ada; jalankan lagi dengan --force untuk menggantinya (yang lama disimpan sebagai cadangan)", p.display())
}

pub fn demo_confirm(p: &std::path::Path) -> String {
    format!(
        "{} sudah ada. Ganti dengan kumpulan demo? Yang lama disimpan sebagai cadangan. [y/T] ",
        p.display()
    )
}

pub fn demo_built(n: usize, seed: u64, p: &std::path::Path) -> String {
    format!(
        "kumpulan talenta demo dibuat: {n} pegawai, benih {seed}, di {}\n",
        p.display()
    )
}

pub fn demo_backup(p: &std::path::Path) -> String {
    format!("basis data sebelumnya disimpan sebagai {}\n", p.display())
}

pub fn demo_first_run(n: usize, p: &std::path::Path) -> String {
    format!(
        "Belum ada kumpulan talenta: membuat kumpulan demo ({n} pegawai) di {} ...",
        p.display()
    )
}

pub fn demo_not_regular(path: &std::path::Path) -> String {
    format!("{} bukan berkas biasa (perangkat, FIFO, folder atau tautan simbolik); talenta demo hanya mengganti berkas basis data biasa. Pilih --db lain", path.display())
}

/// A command-line text refused at the door (domain::text): which, what and where.
pub fn control_in(what: &str, e: &crate::domain::text::TextError) -> String {
    format!(
        "{what} berisi karakter kendali atau bidi ({}) pada karakter ke-{}: ketik ulang tanpa karakter itu",
        e.code(),
        e.at
    )
}

pub const WHAT_AS_NAME: &str = "nama pelaku (--as)";
pub const WHAT_FILTER: &str = "filter";
pub const WHAT_NOTE: &str = "catatan";

/// The headings of `--help`: usage, commands, arguments, options.
pub const HELP_HEADINGS: [&str; 4] = ["Pemakaian", "Perintah", "Argumen", "Opsi"];

/// A command line clap refused (exit 2): the first sentence.
pub fn usage_unknown_command(name: &str) -> String {
    format!("perintah tidak dikenal: '{name}'")
}
pub fn usage_unknown_argument(arg: &str) -> String {
    format!("argumen tidak dikenal: '{arg}'")
}
pub fn usage_invalid_value(arg: &str, value: &str) -> String {
    format!("nilai '{value}' tidak sah untuk {arg}")
}
pub fn usage_valid_values(values: &str) -> String {
    format!("nilai yang sah: {values}")
}
pub fn usage_missing(args: &str) -> String {
    format!("argumen wajib belum diberikan: {args}")
}
pub const USAGE_MISSING_COMMAND: &str = "perintahnya belum diberikan";
pub fn usage_conflict(arg: &str, other: &str) -> String {
    format!("{arg} tidak dapat dipakai bersama {other}")
}
pub fn usage_values(arg: &str) -> String {
    format!("jumlah nilai untuk {arg} tidak sesuai")
}
pub fn usage_twice(arg: &str) -> String {
    format!("{arg} hanya boleh diberikan sekali")
}
pub const USAGE_OTHER: &str = "baris perintah tidak sah";
pub fn usage_did_you_mean(s: &str) -> String {
    format!("mungkin maksudnya: {s}")
}
pub fn usage_more(help: &str) -> String {
    format!("Keterangan lebih lanjut: {help}")
}
/// clap's placeholders in a usage line.
/// How an argument's help names its values and its default.
pub const VALUE_WORDS: [&str; 2] = ["nilai", "bawaan"];

pub const USAGE_WORDS: &[(&str, &str)] = &[
    ("[OPTIONS]", "[OPSI]"),
    ("<COMMAND>", "<PERINTAH>"),
    ("[COMMAND]", "[PERINTAH]"),
];
