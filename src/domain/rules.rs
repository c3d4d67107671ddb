//! The rules that are readings of ours rather than the regulation's text.
//! Every one is configurable (`[rules]` in the config file) and documented in
//! `docs/domain-rules.md`.

use super::eligibility::EligibilityRules;
use super::jpm::JpmBands;
use super::nine_box::{box_of, Kinerja, Potensi};
use super::predikat::Predikat;
use super::tier::Tingkat;
use serde::{Deserialize, Serialize};

/// Predikat -> kinerja axis. No official mapping exists; default SB -> di atas,
/// B -> sesuai, BP/K/SK -> di bawah.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KinerjaMap {
    pub sb: Kinerja,
    pub b: Kinerja,
    pub bp: Kinerja,
    pub k: Kinerja,
    pub sk: Kinerja,
}

impl Default for KinerjaMap {
    fn default() -> Self {
        KinerjaMap {
            sb: Kinerja::DiAtas,
            b: Kinerja::Sesuai,
            bp: Kinerja::DiBawah,
            k: Kinerja::DiBawah,
            sk: Kinerja::DiBawah,
        }
    }
}

/// Retirement ages (BUP, PP 11/2017).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BupAges {
    /// Administrator, Pengawas, Pelaksana, and fungsional ahli pertama/muda and keterampilan.
    pub administrasi: u32,
    /// JPT (utama, madya, pratama) and fungsional ahli madya.
    pub jpt_and_ahli_madya: u32,
    /// Fungsional ahli utama.
    pub ahli_utama: u32,
}

impl Default for BupAges {
    fn default() -> Self {
        BupAges {
            administrasi: 58,
            jpt_and_ahli_madya: 60,
            ahli_utama: 65,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    pub kinerja: KinerjaMap,
    /// A potential score at or above this is `tinggi` (default 90).
    pub potensi_tinggi_min: f64,
    /// A potential score at or above this (and below tinggi) is `menengah` (default 78).
    pub potensi_menengah_min: f64,
    /// Development hours (JP) a PNS should get each year (default 20).
    pub jp_per_year: u32,
    pub bup: BupAges,
    /// JPM band thresholds (`[rules.jpm]`, see docs/positions.md).
    pub jpm: JpmBands,
    /// Who may be shortlisted (`[rules.eligibility]`, see docs/positions.md).
    pub eligibility: EligibilityRules,
    /// `talenta positions` and the positions screen list holders retiring within
    /// this many years right after the vacant posts (default 2).
    pub retiring_within_years: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            kinerja: KinerjaMap::default(),
            potensi_tinggi_min: 90.0,
            potensi_menengah_min: 78.0,
            jp_per_year: 20,
            bup: BupAges::default(),
            jpm: JpmBands::default(),
            eligibility: EligibilityRules::default(),
            retiring_within_years: 2,
        }
    }
}

impl Rules {
    pub fn kinerja_of(&self, p: Predikat) -> Kinerja {
        match p {
            Predikat::SangatBaik => self.kinerja.sb,
            Predikat::Baik => self.kinerja.b,
            Predikat::ButuhPerbaikan => self.kinerja.bp,
            Predikat::Kurang => self.kinerja.k,
            Predikat::SangatKurang => self.kinerja.sk,
        }
    }

    /// The potensi level of a JPM-style score (0..100) when no kategori is given.
    pub fn potensi_of_score(&self, score: f64) -> Potensi {
        if score >= self.potensi_tinggi_min {
            Potensi::Tinggi
        } else if score >= self.potensi_menengah_min {
            Potensi::Menengah
        } else {
            Potensi::Rendah
        }
    }

    /// The 9-box of a latest predikat and potensi; `None` when either is missing.
    pub fn kotak(&self, latest: Option<Predikat>, potensi: Option<Potensi>) -> Option<u8> {
        Some(box_of(self.kinerja_of(latest?), potensi?))
    }

    /// Retirement age for a tier and position title (the title tells a functional post's jenjang).
    pub fn bup_age(&self, tingkat: Tingkat, jabatan: &str) -> u32 {
        // Case-insensitive without a lower-case copy (this runs per candidate).
        let has = |s: &str| super::fold::contains(jabatan, s);
        match tingkat {
            Tingkat::JptUtama | Tingkat::JptMadya | Tingkat::JptPratama => {
                self.bup.jpt_and_ahli_madya
            }
            Tingkat::Fungsional if has("ahli utama") => self.bup.ahli_utama,
            Tingkat::Fungsional if has("ahli madya") => self.bup.jpt_and_ahli_madya,
            _ => self.bup.administrasi,
        }
    }

    /// Check the values make sense; the message names the offending key.
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=100.0).contains(&self.potensi_menengah_min)
            || !(0.0..=100.0).contains(&self.potensi_tinggi_min)
            || self.potensi_menengah_min > self.potensi_tinggi_min
        {
            return Err(
                "rules.potensi_menengah_min <= rules.potensi_tinggi_min, both 0..100".into(),
            );
        }
        self.jpm.validate()?;
        self.eligibility.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_predikat_mapping() {
        let r = Rules::default();
        assert_eq!(r.kinerja_of(Predikat::SangatBaik), Kinerja::DiAtas);
        assert_eq!(r.kinerja_of(Predikat::Baik), Kinerja::Sesuai);
        for p in [
            Predikat::ButuhPerbaikan,
            Predikat::Kurang,
            Predikat::SangatKurang,
        ] {
            assert_eq!(r.kinerja_of(p), Kinerja::DiBawah);
        }
    }

    #[test]
    fn default_score_bands() {
        let r = Rules::default();
        assert_eq!(r.potensi_of_score(90.0), Potensi::Tinggi);
        assert_eq!(r.potensi_of_score(89.99), Potensi::Menengah);
        assert_eq!(r.potensi_of_score(78.0), Potensi::Menengah);
        assert_eq!(r.potensi_of_score(77.9), Potensi::Rendah);
        assert_eq!(r.potensi_of_score(0.0), Potensi::Rendah);
    }

    #[test]
    fn kotak_needs_both_axes() {
        let r = Rules::default();
        assert_eq!(
            r.kotak(Some(Predikat::SangatBaik), Some(Potensi::Tinggi)),
            Some(9)
        );
        assert_eq!(
            r.kotak(Some(Predikat::Baik), Some(Potensi::Rendah)),
            Some(2)
        );
        assert_eq!(
            r.kotak(Some(Predikat::Kurang), Some(Potensi::Tinggi)),
            Some(6)
        );
        assert_eq!(r.kotak(None, Some(Potensi::Tinggi)), None);
        assert_eq!(r.kotak(Some(Predikat::Baik), None), None);
    }

    #[test]
    fn mapping_is_configurable() {
        let r: Rules = toml::from_str("[kinerja]\nb = \"di_atas\"\n").unwrap();
        assert_eq!(
            r.kotak(Some(Predikat::Baik), Some(Potensi::Tinggi)),
            Some(9)
        );
        assert_eq!(
            r.kinerja.sb,
            Kinerja::DiAtas,
            "unspecified keys keep defaults"
        );
    }

    #[test]
    fn bup_ages() {
        let r = Rules::default();
        assert_eq!(r.bup_age(Tingkat::Pelaksana, "Pengadministrasi Umum"), 58);
        assert_eq!(r.bup_age(Tingkat::Administrator, "Sekretaris Dinas"), 58);
        assert_eq!(r.bup_age(Tingkat::JptPratama, "Kepala Dinas"), 60);
        assert_eq!(
            r.bup_age(Tingkat::Fungsional, "Analis Kebijakan Ahli Madya"),
            60
        );
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Widyaiswara Ahli Utama"), 65);
        assert_eq!(r.bup_age(Tingkat::Fungsional, "Perawat Ahli Muda"), 58);
        assert_eq!(
            r.bup_age(Tingkat::Fungsional, "Pranata Komputer Terampil"),
            58
        );
    }

    #[test]
    fn validate_refuses_crossed_thresholds() {
        let r = Rules {
            potensi_menengah_min: 95.0,
            ..Rules::default()
        };
        assert!(r.validate().is_err());
        assert!(Rules::default().validate().is_ok());
    }
}
