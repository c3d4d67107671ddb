//! `talenta positions`, `shortlist`, `compare` and `succession` on the
//! hand-made pool of `tests/common` (as of 2026-06-01).

mod common;
use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn talenta(db: &Path) -> Command {
    let mut c = Command::cargo_bin("talenta").unwrap();
    c.arg("--db")
        .arg(db)
        .arg("--as-of")
        .arg("2026-06-01")
        .arg("--as")
        .arg("Sekretaris Komite")
        .env_remove("TALENTA_DB")
        .env("TALENTA_CONFIG", "/nonexistent/talenta.toml");
    c
}

fn pool() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("pool.db");
    common::write_db(&db);
    (d, db)
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(c: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout(c)).unwrap()
}

/// Exit status and stderr of a failing command.
fn fails(c: &mut Command) -> (i32, String) {
    let out = c.output().unwrap();
    assert!(!out.status.success());
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn field<'a>(v: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|o| o[key].as_str().unwrap())
        .collect()
}

#[test]
fn positions_vacant_first_then_retiring_then_the_rest() {
    let (_d, db) = pool();
    let v = json(talenta(&db).args(["positions", "--format", "json"]));
    assert_eq!(
        field(&v, "kode"),
        [
            "BKD-ADM-01",
            "DINKES-JPT-01",
            "INSP-ADM-01",
            "DISDIK-JPT-01",
            "BAPPEDA-ADM-01"
        ]
    );
    assert_eq!(
        field(&v, "kelompok"),
        ["lowong", "lowong", "pensiun", "pensiun", "terisi"]
    );
    assert_eq!(v[3]["tmt_pensiun_pemangku"], "2028-06-01");
    assert_eq!(v[3]["pemangku_nama"], "Ir. Bambang Sutrisno, M.T.");
    assert_eq!(v[1]["persyaratan"]["integritas"], 5);
    assert_eq!(v[1]["persyaratan"]["kerja_sama"], 4);
    // A one-year window leaves Kepala Dinas Pendidikan (BUP in 2028) with the rest.
    let v = json(talenta(&db).args(["positions", "--format", "json", "--retiring-within", "1"]));
    assert_eq!(v[3]["kelompok"], "terisi");
    let t = stdout(talenta(&db).args(["--lang", "en", "positions"]));
    assert!(
        t.contains("5 positions: 2 vacant, 2 with the holder retiring within 2 years"),
        "{t}"
    );
    assert!(t.contains("5 4 4 4 4 4 4 4 4"), "{t}");
    let t = stdout(talenta(&db).args(["--lang", "id", "positions", "--format", "csv"]));
    let mut lines = t.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("kode,nama_jabatan,tingkat_jabatan"));
    assert_eq!(lines.count(), 5);
}

#[test]
fn shortlist_ranks_talent_pool_first_with_jpm_and_bands() {
    let (_d, db) = pool();
    let v = json(talenta(&db).args(["shortlist", "BKD-ADM-01", "--format", "json"]));
    // Yusuf (box 9, 100 %, SB) before Siti (box 8, 100 %, B), then Kemas (96.4 %).
    // Iqbal, Masagus and Kiagus have no SKP for 2024: "Baik in each of the last
    // 2 years" (PP 11/2017 Pasal 54) is unknown for them, so they are not listed.
    assert_eq!(
        field(&v, "nama"),
        [
            "Yusuf Maulana, S.Kom.",
            "Hj. Siti Aminah, S.E., M.Si.",
            "Kemas Ahmad Fauzi, S.E., M.Si.",
        ]
    );
    assert_eq!(v[2]["jpm"], 96.4);
    assert_eq!(v[2]["pengisian"], "MS");
    assert_eq!(v[2]["pemetaan"], "optimal");
    assert_eq!(v[2]["kesenjangan"]["mengelola_perubahan"], 1);
    assert_eq!(v[0]["talent_pool"], true);
    for key in [
        "nip",
        "nama",
        "unit_kerja",
        "jabatan",
        "tingkat_jabatan",
        "golongan",
        "kotak",
        "kinerja",
        "potensi",
    ] {
        assert!(v[0].get(key).is_some(), "{key}");
    }
    // The filter narrows the shortlist; --limit cuts it.
    let v = json(talenta(&db).args([
        "shortlist",
        "BKD-ADM-01",
        "--format",
        "json",
        "--filter",
        "unit~bappeda",
    ]));
    assert_eq!(field(&v, "nip"), ["197803152003122002"]);
    let v = json(talenta(&db).args([
        "shortlist",
        "bkd-adm-01",
        "--format",
        "json",
        "--limit",
        "2",
    ]));
    assert_eq!(
        field(&v, "nip"),
        ["198103032009011012", "197803152003122002"]
    );
    let t = stdout(talenta(&db).args(["--lang", "en", "shortlist", "BKD-ADM-01"]));
    assert!(t.contains("3 shown of 3 eligible candidates"), "{t}");
    assert!(t.contains("96.4%"), "{t}");
    let t = stdout(talenta(&db).args(["shortlist", "BKD-ADM-01", "--format", "csv"]));
    assert!(t.starts_with("peringkat,nip,nama,"), "{t}");
    assert_eq!(t.lines().count(), 4);
    // Nobody in this pool meets every JPT Pratama condition (Pasal 107 huruf c):
    // Bambang's 5 years cumulative are unknown (no position history, in his post
    // since 2022) and he is 58 (at most 56); Siti is IV/a (IV/b, practice);
    // Masagus has no SKP for 2024.
    let v = json(talenta(&db).args(["shortlist", "DINKES-JPT-01", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 0);
    let v = json(talenta(&db).args([
        "compare",
        "196805201990031010",
        "197803152003122002",
        "197611302000031006",
        "--position",
        "DINKES-JPT-01",
        "--format",
        "json",
    ]));
    assert_eq!(
        field(&v, "alasan_tidak_memenuhi"),
        ["pengalaman_kumulatif", "golongan", "skp"]
    );
}

#[test]
fn shortlist_refuses_an_unknown_position_and_a_bad_filter() {
    let (_d, db) = pool();
    let (code, err) = fails(talenta(&db).args(["--lang", "en", "shortlist", "NOPE-01"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("talenta: no position has code NOPE-01"),
        "{err}"
    );
    let (code, _) = fails(talenta(&db).args(["shortlist", "BKD-ADM-01", "--filter", "kotak>=>"]));
    assert_eq!(code, 2);
}

#[test]
fn compare_two_to_six() {
    let (_d, db) = pool();
    let v = json(talenta(&db).args([
        "compare",
        "198609262015051001",
        "198201102006041003",
        "--position",
        "BKD-ADM-01",
        "--format",
        "json",
    ]));
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["jpm"], 96.4);
    assert_eq!(v[0]["memenuhi_syarat"], true);
    assert_eq!(v[0]["kesenjangan"]["mengelola_perubahan"], 1);
    assert_eq!(v[0]["kinerja_per_tahun"][0]["predikat"], "B");
    assert_eq!(v[0]["tmt_pensiun"], "2044-10-01");
    // The holder of a post past BUP, against a JPT post: not eligible, and the
    // first condition not met is the pangkat floor IV/b (he is IV/a).
    let v = json(talenta(&db).args([
        "compare",
        "196501011988031014",
        "197803152003122002",
        "--position",
        "DINKES-JPT-01",
        "--format",
        "json",
    ]));
    assert_eq!(v[0]["memenuhi_syarat"], false);
    assert_eq!(v[0]["alasan_tidak_memenuhi"], "golongan");
    let t = stdout(talenta(&db).args([
        "--lang",
        "en",
        "compare",
        "198609262015051001",
        "198201102006041003",
        "197803152003122002",
        "--position",
        "BKD-ADM-01",
    ]));
    assert!(t.contains("against BKD-ADM-01"), "{t}");
    assert!(t.contains("Mengelola Perubahan"), "{t}");
    assert!(t.contains("2/3 (-1)"), "{t}");
    let t = stdout(talenta(&db).args([
        "compare",
        "198609262015051001",
        "198201102006041003",
        "--format",
        "csv",
    ]));
    assert!(t.starts_with("nip,nama,"), "{t}");
    assert_eq!(t.lines().count(), 3);
}

#[test]
fn compare_refuses_one_seven_duplicates_and_unknown_nips() {
    let (_d, db) = pool();
    let (code, err) = fails(talenta(&db).args(["--lang", "en", "compare", "198609262015051001"]));
    assert_eq!(code, 2);
    assert!(err.contains("2 to 6 NIPs, not 1"), "{err}");
    let seven = [
        "198609262015051001",
        "197803152003122002",
        "198201102006041003",
        "199005052019032004",
        "198512122010011005",
        "197611302000031006",
        "199207172020122007",
    ];
    let (code, _) = fails(talenta(&db).arg("compare").args(seven));
    assert_eq!(code, 2);
    let (code, err) = fails(talenta(&db).args([
        "--lang",
        "en",
        "compare",
        "198609262015051001",
        "198609262015051001",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("given twice"), "{err}");
    let (code, _) =
        fails(talenta(&db).args(["compare", "198609262015051001", "000000000000000000"]));
    assert_eq!(code, 2);
}

#[test]
fn succession_add_change_list_remove_with_audit() {
    let (_d, db) = pool();
    let t = stdout(talenta(&db).args([
        "--lang",
        "en",
        "succession",
        "add",
        "DISDIK-JPT-01",
        "197803152003122002",
        "--readiness",
        "1-2",
        "--note",
        "needs PKN II",
    ]));
    assert!(
        t.contains("added to the succession plan of DISDIK-JPT-01 (1-2 years)"),
        "{t}"
    );
    stdout(talenta(&db).args([
        "succession",
        "add",
        "DISDIK-JPT-01",
        "198609262015051001",
        "--readiness",
        "3_tahun_lebih",
    ]));
    let t = stdout(talenta(&db).args([
        "--lang",
        "en",
        "succession",
        "add",
        "DISDIK-JPT-01",
        "197803152003122002",
        "--readiness",
        "now",
    ]));
    assert!(t.contains("updated"), "{t}");
    let v = json(talenta(&db).args(["succession", "list", "DISDIK-JPT-01", "--format", "json"]));
    assert_eq!(
        field(&v, "nip"),
        ["197803152003122002", "198609262015051001"]
    );
    assert_eq!(field(&v, "kesiapan"), ["siap_sekarang", "3_tahun_lebih"]);
    assert_eq!(v[0]["catatan"], "needs PKN II");
    assert_eq!(v[0]["nama"], "Hj. Siti Aminah, S.E., M.Si.");
    let t = stdout(talenta(&db).args(["--lang", "id", "succession", "list"]));
    assert!(t.contains("siap sekarang"), "{t}");
    let t = stdout(talenta(&db).args(["succession", "list", "--format", "csv"]));
    assert!(
        t.starts_with("kode_jabatan,urutan,nip,nama,kesiapan,catatan,diubah"),
        "{t}"
    );
    stdout(talenta(&db).args([
        "succession",
        "remove",
        "DISDIK-JPT-01",
        "198609262015051001",
        "--reason",
        "mutasi ke kabupaten",
    ]));
    let v = json(talenta(&db).args(["succession", "list", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 1);
    let log = json(talenta(&db).args(["audit", "log", "--format", "json"]));
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .filter(|a| a.starts_with("succession"))
        .collect();
    assert_eq!(
        actions,
        [
            "succession.add",
            "succession.add",
            "succession.change",
            "succession.remove"
        ]
    );
    let last = log.as_array().unwrap().last().unwrap();
    assert_eq!(last["actor"], "Sekretaris Komite");
    assert!(last["after"]
        .as_str()
        .unwrap()
        .contains("mutasi ke kabupaten"));
    talenta(&db).args(["audit", "verify"]).assert().success();
}

#[test]
fn succession_refusals_exit_2_and_write_nothing() {
    let (_d, db) = pool();
    let before = stdout(talenta(&db).args(["audit", "log", "--format", "json"]));
    let cases: &[&[&str]] = &[
        &[
            "succession",
            "add",
            "DISDIK-JPT-01",
            "197803152003122002",
            "--readiness",
            "soon",
        ],
        &[
            "succession",
            "add",
            "NOPE",
            "197803152003122002",
            "--readiness",
            "now",
        ],
        &[
            "succession",
            "add",
            "DISDIK-JPT-01",
            "000000000000000000",
            "--readiness",
            "now",
        ],
        &[
            "succession",
            "add",
            "DISDIK-JPT-01",
            "196805201990031010",
            "--readiness",
            "now",
        ],
        &[
            "succession",
            "remove",
            "DISDIK-JPT-01",
            "197803152003122002",
            "--reason",
            "x",
        ],
        &[
            "succession",
            "remove",
            "DISDIK-JPT-01",
            "197803152003122002",
            "--reason",
            " ",
        ],
    ];
    for args in cases {
        let (code, err) = fails(talenta(&db).args(["--lang", "en"]).args(*args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("talenta: "), "{err}");
    }
    let (code, _) = fails(talenta(&db).args([
        "succession",
        "remove",
        "DISDIK-JPT-01",
        "197803152003122002",
    ]));
    assert_eq!(code, 2, "--reason is required");
    assert_eq!(
        stdout(talenta(&db).args(["audit", "log", "--format", "json"])),
        before
    );
}

#[test]
fn an_ineligible_successor_is_recorded_with_a_note() {
    let (_d, db) = pool();
    let out = talenta(&db)
        .args([
            "--lang",
            "en",
            "succession",
            "add",
            "DISDIK-JPT-01",
            "199207172020122007",
            "--readiness",
            "3+",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("not eligible (Pelaksana is not a tier"),
        "{err}"
    );
}

#[test]
fn shortlist_gives_each_candidate_every_condition_with_its_article() {
    let (_d, db) = pool();
    let v = json(talenta(&db).args(["shortlist", "BKD-ADM-01", "--format", "json"]));
    for c in v.as_array().unwrap() {
        assert_eq!(c["memenuhi_syarat"], true, "{c}");
        assert_eq!(c["tidak_terpenuhi"].as_array().unwrap().len(), 0);
        let syarat = c["syarat"].as_array().unwrap();
        assert!(syarat.len() >= 6, "{c}");
        for s in syarat {
            assert_eq!(s["terpenuhi"], true, "{s}");
            assert!(s["dasar"].as_str().is_some_and(|d| !d.is_empty()), "{s}");
            assert!(s["nilai"].is_string() && s["syarat_nilai"].is_string());
        }
        let skp = syarat.iter().find(|s| s["syarat"] == "skp").unwrap();
        assert_eq!(skp["dasar"], "PP 11/2017 jo. PP 17/2020 Pasal 54 ayat (1)");
        let holder = syarat.iter().find(|s| s["syarat"] == "pemangku").unwrap();
        assert_eq!(holder["dasar"], "ketentuan bawaan talenta");
    }
    // --all ranks everyone: those with no SKP for 2024 come in, with the
    // condition unknown (null) and named in tidak_terpenuhi.
    let all = json(talenta(&db).args([
        "--lang",
        "en",
        "shortlist",
        "BKD-ADM-01",
        "--all",
        "--format",
        "json",
    ]));
    let all = all.as_array().unwrap();
    assert!(all.len() > v.as_array().unwrap().len());
    let iqbal = all
        .iter()
        .find(|c| c["memenuhi_syarat"] == false && c["tidak_terpenuhi"][0] == "skp")
        .expect("a candidate without SKP for 2024");
    let skp = iqbal["syarat"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["syarat"] == "skp")
        .unwrap();
    assert_eq!(skp["terpenuhi"], serde_json::Value::Null);
    assert_eq!(skp["keterangan"], "performance rating (SKP)");
    assert!(skp["nilai"].as_str().unwrap().contains("no SKP"), "{skp}");
    // The eligible keep their places among everyone.
    let eligible: Vec<&str> = all
        .iter()
        .filter(|c| c["memenuhi_syarat"] == true)
        .map(|c| c["nip"].as_str().unwrap())
        .collect();
    assert_eq!(eligible, field(&v, "nip"));
    // The table gains a column of the conditions not met, and says how many are eligible.
    let t = stdout(talenta(&db).args(["--lang", "en", "shortlist", "BKD-ADM-01", "--all"]));
    assert!(t.contains("Not met"), "{t}");
    assert!(t.contains(" skp"), "{t}");
    assert!(
        t.contains(&format!(
            "{} candidates shown, 3 of them eligible",
            all.len()
        )),
        "{t}"
    );
    let t = stdout(talenta(&db).args(["shortlist", "BKD-ADM-01", "--all", "--format", "csv"]));
    assert!(
        t.lines().next().unwrap().ends_with(",tidak_terpenuhi"),
        "{t}"
    );
}

#[test]
fn compare_against_a_position_lists_the_conditions() {
    let (_d, db) = pool();
    let v = json(talenta(&db).args([
        "compare",
        "196805201990031010",
        "197803152003122002",
        "--position",
        "DINKES-JPT-01",
        "--format",
        "json",
    ]));
    let bambang = &v[0];
    let syarat = bambang["syarat"].as_array().unwrap();
    let age = syarat.iter().find(|s| s["syarat"] == "usia").unwrap();
    assert_eq!(age["terpenuhi"], false);
    assert_eq!(age["dasar"], "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c");
    let years = syarat
        .iter()
        .find(|s| s["syarat"] == "pengalaman_kumulatif")
        .unwrap();
    assert_eq!(
        years["terpenuhi"],
        serde_json::Value::Null,
        "no position history"
    );
    let failed = bambang["tidak_terpenuhi"].as_array().unwrap();
    assert!(failed.contains(&"usia".into()) && failed.contains(&"pengalaman_kumulatif".into()));
    // Without a position there are no conditions.
    let v = json(talenta(&db).args([
        "compare",
        "196805201990031010",
        "197803152003122002",
        "--format",
        "json",
    ]));
    assert!(v[0].get("syarat").is_none());
}

/// Issue 19: a promotion shortlist is for promotions. On the demo pool, a
/// functional candidate whose jenjang is equivalent to a tier above a
/// Pengawas post (ahli madya = Administrator, ahli utama = JPT Pratama) is
/// left off its shortlist, listed by `--all` with the reason, and back on it
/// when `exclude_from_above = false`.
#[test]
fn a_candidate_from_a_post_above_is_left_off_a_promotion_shortlist() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("demo.db");
    stdout(talenta(&db).args(["demo", "--size", "3000", "--seed", "7", "--force"]));
    let positions = json(talenta(&db).args(["positions", "--format", "json"]));
    let pengawas: Vec<&str> = positions
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["tingkat_jabatan"] == "pengawas")
        .map(|p| p["kode"].as_str().unwrap())
        .collect();
    assert!(!pengawas.is_empty());
    // A Pengawas post where a functional candidate fails only `jenjang_setara`.
    let only_above =
        |c: &serde_json::Value| c["tidak_terpenuhi"] == serde_json::json!(["jenjang_setara"]);
    let (kode, nip, jabatan, reason) = pengawas
        .iter()
        .find_map(|kode| {
            let all = json(talenta(&db).args(["shortlist", kode, "--all", "--format", "json"]));
            let c = all
                .as_array()
                .unwrap()
                .iter()
                .find(|c| only_above(c))?
                .clone();
            let cond = c["syarat"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["syarat"] == "jenjang_setara")
                .unwrap()
                .clone();
            Some((
                kode.to_string(),
                c["nip"].as_str().unwrap().to_string(),
                c["jabatan"].as_str().unwrap().to_string(),
                cond,
            ))
        })
        .expect("a Pengawas post with a candidate from above in the demo pool");
    assert!(
        jabatan.contains("Ahli Madya") || jabatan.contains("Ahli Utama"),
        "{jabatan}"
    );
    assert_eq!(reason["terpenuhi"], false);
    assert_eq!(
        reason["dasar"],
        "PermenPANRB 17/2021; PP 11/2017 jo. PP 17/2020 Pasal 107"
    );
    assert_eq!(reason["syarat_nilai"], "paling tinggi setara Pengawas");
    let nips = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["nip"].as_str().unwrap().to_string())
            .collect()
    };
    let short = json(talenta(&db).args(["shortlist", &kode, "--format", "json"]));
    assert!(!nips(&short).contains(&nip), "{kode}: {nip} is left off");
    // The table of `--all` names the condition not met.
    let table = stdout(talenta(&db).args(["shortlist", &kode, "--all"]));
    let row = table.lines().find(|l| l.contains(&nip)).unwrap();
    assert!(row.trim_end().ends_with("jenjang_setara"), "{row}");
    // Off in the configuration: back on the shortlist.
    let config = d.path().join("talenta.toml");
    std::fs::write(&config, "[rules.eligibility]\nexclude_from_above = false\n").unwrap();
    let short = json(talenta(&db).env("TALENTA_CONFIG", &config).args([
        "shortlist",
        &kode,
        "--format",
        "json",
    ]));
    assert!(
        nips(&short).contains(&nip),
        "{kode}: {nip} is kept when off"
    );
}
