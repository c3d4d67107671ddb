//! The user's config file: `$TALENTA_CONFIG`, else `<config dir>/talenta/config.toml`
//! (`~/.config/talenta/config.toml` on Linux). Every key is optional:
//!
//! ```toml
//! lang = "id"          # id | en
//! theme = "default"    # default | mono
//! ascii = false        # true: draw with ASCII only; unset: from the locale
//! secretary = "Siti Rahma"   # who the local screen records writes as
//! db = "/srv/talenta/pool.db"
//! [rules]              # see docs/domain-rules.md
//! potensi_tinggi_min = 90
//! [rules.kinerja]
//! b = "sesuai"
//! [rules.eligibility.jpt_pratama]   # see docs/positions.md
//! max_age = 56
//! [rules.krs]          # the KRS conditions, see docs/domain-rules.md
//! per_target = 3
//! [committee]          # see docs/configuration.md
//! named_votes = true
//! [keys]               # see docs/keys.md
//! quit = ["q", "ctrl-c"]
//! [agency]             # the berita acara's letterhead, number, PPK, time zone
//! name = "Badan Kepegawaian Daerah Kabupaten Contoh"
//! zone = "WIB"
//! ```

use crate::domain::zone::Zone;
use crate::domain::Rules;
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: Option<String>,
    /// Draw the screen with ASCII symbols only (`true`), or with Unicode
    /// (`false`); unset: ASCII when the locale's charset is not UTF-8.
    pub ascii: Option<bool>,
    /// The name the local screen records its writes under (with the OS
    /// user); asked for once when unset, `""` when that was skipped.
    pub secretary: Option<String>,
    pub db: Option<PathBuf>,
    pub rules: Rules,
    /// The committee's settings (`[committee]`).
    pub committee: Committee,
    /// Key overrides: action name -> key chords.
    pub keys: BTreeMap<String, Vec<String>>,
    /// Who issues the minutes: see docs/configuration.md.
    pub agency: Agency,
}

/// The agency's identity on its official papers (Tata Naskah Dinas): the
/// letterhead (kop surat), the document number, the place of signing, the
/// PPK who acknowledges the minutes, and the time zone people read.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Agency {
    /// The instansi's name (the document's author).
    pub name: Option<String>,
    /// The lines of the letterhead, first line largest.
    pub letterhead: Vec<String>,
    /// A PNG logo printed left of the letterhead.
    pub logo: Option<PathBuf>,
    /// The place (kota) of the signature date line.
    pub city: Option<String>,
    /// The document number: `{nomor}` the session's number, `{tahun}` its
    /// year, `{bulan}` its month in Roman numerals.
    pub number: Option<String>,
    /// WIB, WITA or WIT; default the system's zone, else WIB.
    pub zone: Option<Zone>,
    pub ppk_name: Option<String>,
    pub ppk_nip: Option<String>,
    /// The PPK's office, e.g. "Bupati Contoh".
    pub ppk_title: Option<String>,
}

impl Agency {
    /// The zone people read times in.
    pub fn zone(&self) -> Zone {
        self.zone.unwrap_or_else(Zone::system)
    }

    /// The number of the minutes of session `id` held on `date`, when the
    /// pattern is set.
    pub fn document_number(&self, id: i64, date: chrono::NaiveDate) -> Option<String> {
        use chrono::Datelike;
        let p = self.number.as_deref()?;
        Some(
            p.replace("{nomor}", &id.to_string())
                .replace("{tahun}", &date.year().to_string())
                .replace(
                    "{bulan}",
                    crate::domain::terbilang::roman_month(date.month()),
                ),
        )
    }

    fn validate(&self) -> Result<(), String> {
        if let Some(nip) = &self.ppk_nip {
            if nip.len() != 18 || !nip.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("agency.ppk_nip: {nip:?} is not an 18-digit NIP"));
            }
        }
        Ok(())
    }
}

/// `[committee]`: how the committee records its work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Committee {
    /// The minutes name each member's vote on what a vote recorded
    /// (default false: the tally only).
    pub named_votes: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Config {
    /// Where the config file is looked for.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("TALENTA_CONFIG") {
            return Some(PathBuf::from(p));
        }
        dirs::config_dir().map(|d| d.join("talenta").join("config.toml"))
    }

    /// Load the config; a missing file is the default config.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Io {
                    path: path.to_path_buf(),
                    source: e,
                })
            }
        };
        Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let mut c: Config =
            toml::from_str(text).map_err(|e| e.to_string().trim().replace('\n', " "))?;
        c.rules.validate()?;
        // The rules go wherever the minutes are written; the setting with them.
        c.rules.named_votes = c.committee.named_votes;
        c.agency.validate()?;
        Ok(c)
    }
}

/// The language: `--lang`, else the config, else `LC_ALL`/`LC_MESSAGES`/`LANG`, else Indonesian.
pub fn resolve_lang(flag: Option<Lang>, config: &Config) -> Lang {
    flag.or(config.lang)
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::from_locale(&v))
        })
        .unwrap_or_default()
}

/// Whether a locale (`id_ID.UTF-8`, `C`, `en_US.ISO-8859-1`) names the
/// UTF-8 charset. A locale without a charset (`C`, `POSIX`, `en_US`) is not
/// UTF-8.
pub fn locale_is_utf8(locale: &str) -> bool {
    let charset = locale.split_once('.').map_or("", |(_, c)| c);
    let charset = charset.split('@').next().unwrap_or("");
    charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("utf8")
}

/// The locale that decides the charset: the first of `LC_ALL`, `LC_CTYPE`,
/// `LANG` that is set and not empty (`get` reads one variable); `None` when
/// none is.
pub fn ctype_locale(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|v| get(v))
        .find(|v| !v.is_empty())
}

/// ASCII symbols or Unicode: the config's `ascii` (which `--ascii` sets),
/// else ASCII when the locale's charset is not UTF-8 (no locale at all is
/// the POSIX `C` locale: ASCII).
pub fn resolve_ascii(config: &Config, locale: Option<&str>) -> bool {
    config
        .ascii
        .unwrap_or_else(|| !locale.is_some_and(locale_is_utf8))
}

/// Write `secretary = "name"` into the config file at `path` (made when
/// missing), keeping everything else in it as it was; the file is replaced
/// whole (written beside it, then renamed) and only when the result reads
/// back as a valid config holding that name.
pub fn save_secretary(path: &Path, name: &str) -> Result<(), ConfigError> {
    let io = |source: std::io::Error| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io(e)),
    };
    let line = format!("secretary = {}", toml::Value::String(name.to_string()));
    let text = set_top_level(&text, "secretary", &line);
    let invalid = |message: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let read = Config::parse(&text).map_err(invalid)?;
    if read.secretary.as_deref() != Some(name) {
        return Err(invalid("secretary".into()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// `text` with the top-level `key = …` line replaced by `line`, or `line`
/// put first when the key is not there (top level: before the first table).
fn set_top_level(text: &str, key: &str, line: &str) -> String {
    let mut out = Vec::new();
    let mut done = false;
    let mut top = true;
    for l in text.lines() {
        let t = l.trim_start();
        top &= !t.starts_with('[');
        let is_key = t
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if top && is_key && !done {
            out.push(line.to_string());
            done = true;
        } else {
            out.push(l.to_string());
        }
    }
    if !done {
        out.insert(0, line.to_string());
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The default database: `<data dir>/talenta/talenta.db` (`~/.local/share/talenta/talenta.db`).
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("talenta")
        .join("talenta.db")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_default() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.lang, None);
        assert_eq!(c.rules, Rules::default());
    }

    #[test]
    fn reads_lang_rules_and_keys() {
        let c = Config::parse(
            "lang = \"en\"\n[rules]\npotensi_tinggi_min = 85\n[keys]\nquit = [\"x\"]\n",
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.rules.potensi_tinggi_min, 85.0);
        assert_eq!(c.keys["quit"], vec!["x".to_string()]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Config::parse("lang = \"en\"\nlnag = \"id\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(Config::parse("[rules]\npotensi_menengah_min = 99\n").is_err());
    }

    #[test]
    fn the_documented_example_is_a_valid_config() {
        let doc = include_str!("../docs/configuration.md");
        let start = doc.find("```toml\n").expect("a toml block") + 8;
        let end = start + doc[start..].find("```").expect("its end");
        let c = Config::parse(&doc[start..end]).unwrap();
        // The example shows the defaults (a tier table spelled out resolves to them).
        let d = Rules::default();
        assert_eq!(
            (&c.rules.bup, &c.rules.jpm, &c.rules.kinerja),
            (&d.bup, &d.jpm, &d.kinerja)
        );
        for t in crate::domain::Tingkat::ALL {
            assert_eq!(
                c.rules.eligibility.for_tier(t),
                d.eligibility.for_tier(t),
                "{t}"
            );
        }
    }

    #[test]
    fn eligibility_thresholds_are_read_per_tier() {
        let c = Config::parse(
            "[rules.eligibility]\nskp_min = \"SB\"\n[rules.eligibility.jpt_pratama]\nmax_age = 55\npenalty_lookback_years = 5\n[rules.bup]\nguru = 62\n",
        )
        .unwrap();
        let t = c
            .rules
            .eligibility
            .for_tier(crate::domain::Tingkat::JptPratama);
        assert_eq!(
            (t.max_age, t.penalty_lookback_years, t.years_cumulative),
            (55, 5, 5)
        );
        assert_eq!(c.rules.bup.guru, 62);
        let e = Config::parse("[rules.eligibility.pengawas]\nyears_below = 99\n").unwrap_err();
        assert!(e.contains("rules.eligibility.pengawas.years_below"), "{e}");
        assert!(Config::parse("[rules.eligibility]\npenalty_min_level = \"keras\"\n").is_err());
    }

    #[test]
    fn the_agency_gives_the_number_and_the_zone() {
        let c = Config::parse(
            "[agency]\nname = \"BKD Contoh\"\nnumber = \"800/{nomor}/BKD/{bulan}/{tahun}\"\nzone = \"WITA\"\nppk_nip = \"196501011990031001\"\n",
        )
        .unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(
            c.agency.document_number(7, date).as_deref(),
            Some("800/7/BKD/XII/2026")
        );
        assert_eq!(c.agency.zone(), Zone::Wita);
        assert!(Config::parse("[agency]\nzone = \"CET\"\n").is_err());
        assert!(Config::parse("[agency]\nppk_nip = \"123\"\n").is_err());
    }

    #[test]
    fn the_charset_comes_from_lc_all_then_lc_ctype_then_lang() {
        assert!(locale_is_utf8("id_ID.UTF-8"));
        assert!(locale_is_utf8("C.utf8"));
        assert!(locale_is_utf8("de_DE.UTF-8@euro"));
        for l in ["C", "POSIX", "en_US", "en_US.ISO-8859-1", ""] {
            assert!(!locale_is_utf8(l), "{l}");
        }
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = env(&[
            ("LC_ALL", "C"),
            ("LC_CTYPE", "id_ID.UTF-8"),
            ("LANG", "C.UTF-8"),
        ]);
        assert_eq!(ctype_locale(all).as_deref(), Some("C"));
        let ctype = env(&[("LC_ALL", ""), ("LC_CTYPE", "id_ID.UTF-8"), ("LANG", "C")]);
        assert_eq!(ctype_locale(ctype).as_deref(), Some("id_ID.UTF-8"));
        assert_eq!(ctype_locale(env(&[])), None);
        let c = Config::default();
        assert!(resolve_ascii(&c, Some("C")));
        assert!(resolve_ascii(&c, None));
        assert!(!resolve_ascii(&c, Some("en_US.UTF-8")));
        let set = Config::parse("ascii = false\n").unwrap();
        assert!(!resolve_ascii(&set, Some("C")));
        let set = Config::parse("ascii = true\n").unwrap();
        assert!(resolve_ascii(&set, Some("C.UTF-8")));
    }

    #[test]
    fn the_secretary_is_saved_into_the_file_keeping_the_rest() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("talenta").join("config.toml");
        save_secretary(&path, "Siti Rahma").unwrap();
        assert_eq!(
            Config::load(Some(&path)).unwrap().secretary.as_deref(),
            Some("Siti Rahma")
        );
        let kept = "# mine\nlang = \"en\"\n[agency]\nname = \"BKD\"\n";
        std::fs::write(&path, kept).unwrap();
        save_secretary(&path, "Dewi \"D\" Lestari").unwrap();
        save_secretary(&path, "Dewi").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("secretary = \"Dewi\"\n{kept}"));
        let c = Config::load(Some(&path)).unwrap();
        assert_eq!(c.agency.name.as_deref(), Some("BKD"));
        assert_eq!(c.lang, Some(Lang::En));
    }

    #[test]
    fn missing_file_is_default() {
        let d = tempfile::tempdir().unwrap();
        assert!(Config::load(Some(&d.path().join("none.toml"))).is_ok());
    }
}
