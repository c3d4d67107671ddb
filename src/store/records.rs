//! Validated records ready to be written: what the importer parses files into
//! and what the demo generator produces. Both write through [`super::write`].

use crate::domain::{Competency, Golongan, Pendidikan, Potensi, Predikat, Sex, Status, Tingkat};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRec {
    pub nip: String,
    pub nama: String,
    pub sex: Sex,
    pub birth: NaiveDate,
    pub status: Status,
    pub golongan: Golongan,
    pub jabatan: String,
    pub tingkat: Tingkat,
    pub unit: String,
    pub instansi: Option<String>,
    pub pendidikan: Pendidikan,
    pub tmt_jabatan: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkpRec {
    pub nip: String,
    pub tahun: u16,
    pub predikat: Predikat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyRec {
    pub nip: String,
    pub competency: Competency,
    pub level: u8,
    pub tanggal: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PotentialRec {
    pub nip: String,
    pub tanggal: NaiveDate,
    pub kategori: Option<Potensi>,
    pub skor: Option<f64>,
    pub metode: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRec {
    pub nip: String,
    pub tahun: u16,
    pub nama: String,
    pub jp: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PositionRec {
    pub kode: String,
    pub nama: String,
    pub tingkat: Tingkat,
    pub unit: String,
    pub vacant: bool,
    pub holder_nip: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementRec {
    pub kode: String,
    pub competency: Competency,
    pub level: u8,
}

/// Everything one import (or one demo) writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    pub employees: Vec<EmployeeRec>,
    pub skp: Vec<SkpRec>,
    pub competencies: Vec<CompetencyRec>,
    pub potentials: Vec<PotentialRec>,
    pub trainings: Vec<TrainingRec>,
    pub positions: Vec<PositionRec>,
    pub requirements: Vec<RequirementRec>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.employees.len()
            + self.skp.len()
            + self.competencies.len()
            + self.potentials.len()
            + self.trainings.len()
            + self.positions.len()
            + self.requirements.len()
    }

    /// Move another batch's records into this one.
    pub fn append(&mut self, mut other: Batch) {
        self.employees.append(&mut other.employees);
        self.skp.append(&mut other.skp);
        self.competencies.append(&mut other.competencies);
        self.potentials.append(&mut other.potentials);
        self.trainings.append(&mut other.trainings);
        self.positions.append(&mut other.positions);
        self.requirements.append(&mut other.requirements);
    }
}
