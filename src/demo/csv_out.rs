//! Writing a demo pool as the import files of docs/import-format.md.
//!
//! With `,` (the default) dates are `YYYY-MM-DD` and decimals use a point. With
//! `;` the files look like an Indonesian-locale spreadsheet export: dates
//! `DD/MM/YYYY` and decimal commas (`84,62`). Fields are quoted as RFC 4180 needs
//! (names with titles contain commas).

use crate::domain::Potensi;
use crate::store::records::Batch;
use anyhow::Context;
use chrono::NaiveDate;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// The files written and their header rows, in the order of the contract.
pub const FILES: [(&str, &[&str]); 9] = [
    (
        "pegawai.csv",
        &[
            "nip",
            "nama",
            "jenis_kelamin",
            "tanggal_lahir",
            "status",
            "golongan",
            "jabatan",
            "tingkat_jabatan",
            "unit_kerja",
            "instansi",
            "pendidikan",
            "tmt_jabatan",
        ],
    ),
    ("kinerja.csv", &["nip", "tahun", "predikat"]),
    ("kompetensi.csv", &["nip", "kompetensi", "level", "tanggal"]),
    (
        "potensi.csv",
        &["nip", "tanggal", "kategori", "skor", "metode"],
    ),
    ("pelatihan.csv", &["nip", "tahun", "nama_pelatihan", "jp"]),
    (
        "jabatan.csv",
        &[
            "kode",
            "nama_jabatan",
            "tingkat_jabatan",
            "unit_kerja",
            "status",
            "pemangku_nip",
            "kategori",
        ],
    ),
    (
        "syarat_jabatan.csv",
        &["kode_jabatan", "kompetensi", "level"],
    ),
    (
        "riwayat_jabatan.csv",
        &[
            "nip",
            "jabatan",
            "tingkat_jabatan",
            "unit_kerja",
            "tmt_mulai",
            "tmt_selesai",
        ],
    ),
    (
        "disiplin.csv",
        &["nip", "tingkat", "jenis", "tmt", "tmt_selesai"],
    ),
];

type W = csv::Writer<BufWriter<File>>;

pub struct CsvOut {
    writers: Vec<(PathBuf, W)>,
    semicolon: bool,
}

fn kategori(p: Potensi) -> &'static str {
    match p {
        Potensi::Rendah => "Rendah",
        Potensi::Menengah => "Menengah",
        Potensi::Tinggi => "Tinggi",
    }
}

impl CsvOut {
    /// Create (or truncate) the nine files in `dir` and write their headers.
    pub fn create(dir: &Path, semicolon: bool) -> anyhow::Result<CsvOut> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut writers = Vec::with_capacity(FILES.len());
        for (name, header) in FILES {
            let path = dir.join(name);
            let file =
                File::create(&path).with_context(|| format!("creating {}", path.display()))?;
            let mut w = csv::WriterBuilder::new()
                .delimiter(if semicolon { b';' } else { b',' })
                .from_writer(BufWriter::with_capacity(1 << 16, file));
            w.write_record(header)
                .with_context(|| format!("writing {}", path.display()))?;
            writers.push((path, w));
        }
        Ok(CsvOut { writers, semicolon })
    }

    fn date(&self, d: NaiveDate) -> String {
        if self.semicolon {
            d.format("%d/%m/%Y").to_string()
        } else {
            d.to_string()
        }
    }

    fn decimal(&self, x: f64) -> String {
        let s = x.to_string();
        if self.semicolon {
            s.replace('.', ",")
        } else {
            s
        }
    }

    fn io(&self, i: usize, e: csv::Error) -> anyhow::Error {
        anyhow::Error::new(e).context(format!("writing {}", self.writers[i].0.display()))
    }

    /// Append the records of one batch.
    pub fn write(&mut self, b: &Batch) -> anyhow::Result<()> {
        let rows: [Vec<Vec<String>>; 9] = [
            b.employees
                .iter()
                .map(|e| {
                    vec![
                        e.nip.to_string(),
                        e.nama.to_string(),
                        e.sex.code().to_string(),
                        self.date(e.birth),
                        e.status.code().to_string(),
                        e.golongan.to_string(),
                        e.jabatan.to_string(),
                        e.tingkat.label().to_string(),
                        e.unit.to_string(),
                        e.instansi.as_deref().unwrap_or_default().to_string(),
                        e.pendidikan.code().to_string(),
                        e.tmt_jabatan.map(|d| self.date(d)).unwrap_or_default(),
                    ]
                })
                .collect(),
            b.skp
                .iter()
                .map(|r| {
                    vec![
                        r.nip.to_string(),
                        r.tahun.to_string(),
                        r.predikat.name().to_string(),
                    ]
                })
                .collect(),
            b.competencies
                .iter()
                .map(|r| {
                    vec![
                        r.nip.to_string(),
                        r.competency.code().to_string(),
                        r.level.to_string(),
                        self.date(r.tanggal),
                    ]
                })
                .collect(),
            b.potentials
                .iter()
                .map(|r| {
                    vec![
                        r.nip.to_string(),
                        self.date(r.tanggal),
                        r.kategori.map(kategori).unwrap_or_default().to_string(),
                        r.skor.map(|s| self.decimal(s)).unwrap_or_default(),
                        r.metode.as_deref().unwrap_or_default().to_string(),
                    ]
                })
                .collect(),
            b.trainings
                .iter()
                .map(|r| {
                    vec![
                        r.nip.to_string(),
                        r.tahun.to_string(),
                        r.nama.to_string(),
                        r.jp.to_string(),
                    ]
                })
                .collect(),
            b.positions
                .iter()
                .map(|p| {
                    vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        p.tingkat.label().to_string(),
                        p.unit.clone(),
                        if p.vacant { "lowong" } else { "terisi" }.to_string(),
                        p.holder_nip.clone().unwrap_or_default(),
                        p.kategori
                            .flatten()
                            .map(|k| k.code().to_string())
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
            b.requirements
                .iter()
                .map(|r| {
                    vec![
                        r.kode.clone(),
                        r.competency.code().to_string(),
                        r.level.to_string(),
                    ]
                })
                .collect(),
            b.histories
                .iter()
                .map(|h| {
                    vec![
                        h.nip.to_string(),
                        h.jabatan.to_string(),
                        h.tingkat.label().to_string(),
                        h.unit.as_deref().unwrap_or_default().to_string(),
                        self.date(h.start),
                        h.end.map(|d| self.date(d)).unwrap_or_default(),
                    ]
                })
                .collect(),
            b.penalties
                .iter()
                .map(|p| {
                    vec![
                        p.nip.to_string(),
                        p.level.code().to_string(),
                        p.jenis.as_deref().unwrap_or_default().to_string(),
                        self.date(p.start),
                        p.end.map(|d| self.date(d)).unwrap_or_default(),
                    ]
                })
                .collect(),
        ];
        for (i, file_rows) in rows.iter().enumerate() {
            for row in file_rows {
                if let Err(e) = self.writers[i].1.write_record(row) {
                    return Err(self.io(i, e));
                }
            }
        }
        Ok(())
    }

    /// Flush every file.
    pub fn finish(mut self) -> anyhow::Result<()> {
        for (path, w) in &mut self.writers {
            w.flush()
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    }
}
