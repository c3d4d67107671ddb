//! The Word minutes as an agency files them (issue 17): the generated docx is
//! opened (zip + XML) and each element of the Tata Naskah Dinas form is
//! checked: the letterhead, the number, the opening words for a fixed date,
//! the attendance table's header row, the signature table kept together, the
//! page field in the footer, the draft mark in every section's header, and
//! the document's properties.

mod common_cli;

use common_cli::{forge, ok_with, talenta_in, FAUZI, FIXTURES};
use std::io::Read;
use std::path::{Path, PathBuf};

const CONFIG: &str = r#"
[agency]
name = "Badan Kepegawaian Daerah Kabupaten Contoh"
letterhead = ["PEMERINTAH KABUPATEN CONTOH", "BADAN KEPEGAWAIAN DAERAH"]
city = "Contoh"
number = "800/{nomor}/BKD/{tahun}"
zone = "WITA"
ppk_name = "Drs. H. Ahmad Fauzan, M.Si."
ppk_nip = "196805121994031004"
ppk_title = "Bupati Contoh"
"#;

struct Fixture {
    dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pool.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, CONFIG).unwrap();
        let f = Fixture { dir, db, config };
        let mut c = talenta_in(&f.db, "id_ID.UTF-8");
        c.env("TALENTA_CONFIG", &f.config);
        c.arg("import").arg(FIXTURES).assert().success();
        f
    }

    fn ok(&self, args: &[&str]) -> String {
        let mut c = talenta_in(&self.db, "id_ID.UTF-8");
        c.env("TALENTA_CONFIG", &self.config);
        ok_with(c, args)
    }

    /// A session on Thursday 3 December 2026 with three members present and
    /// one recommendation.
    fn session(&self) {
        self.open(
            &[
                "Dr. Hadi Santoso:ketua",
                "Rina Wulandari:sekretaris",
                "Budi Prasetyo",
            ],
            &["--tempat", "Aula BKD", "--mulai", "09:00"],
        );
        self.ok(&[
            "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
        ]);
    }

    /// Session 1 on Thursday 3 December 2026 with these members
    /// (`NAME[:ROLE][:NIP]`), all present; `extra` options for `session new`.
    fn open(&self, members: &[&str], extra: &[&str]) {
        let mut args = vec![
            "session",
            "new",
            "--title",
            "Sidang Komite Talenta Desember",
            "--date",
            "2026-12-03",
        ];
        for m in members {
            args.extend(["--member", m]);
        }
        args.extend(extra);
        assert_eq!(self.ok(&args).trim(), "1");
        let mut attend = vec!["session", "attend", "1"];
        attend.extend(members.iter().map(|m| m.split(':').next().unwrap()));
        self.ok(&attend);
    }

    fn docx(&self, name: &str) -> Docx {
        let out = self.dir.path().join(name);
        self.ok(&[
            "session",
            "minutes",
            "1",
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
        ]);
        Docx::open(&out)
    }
}

/// The parts of a docx, as text.
struct Docx {
    files: std::collections::BTreeMap<String, String>,
}

impl Docx {
    fn open(path: &Path) -> Docx {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut files = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut s = String::new();
            if f.read_to_string(&mut s).is_ok() {
                files.insert(name, s);
            }
        }
        Docx { files }
    }

    fn part(&self, name: &str) -> &str {
        self.files
            .get(name)
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.files.keys()))
    }

    fn document(&self) -> &str {
        self.part("word/document.xml")
    }

    /// The visible text of a part: the contents of its `<w:t>` elements.
    fn text(&self, name: &str) -> String {
        let xml = self.part(name);
        let mut out = String::new();
        for piece in xml.split("<w:t").skip(1) {
            let body = &piece[piece.find('>').unwrap() + 1..];
            out.push_str(&body[..body.find("</w:t>").unwrap_or(0)]);
            out.push(' ');
        }
        out
    }

    /// The tables of the document body.
    fn tables(&self) -> Vec<&str> {
        self.document()
            .split("<w:tbl>")
            .skip(1)
            .map(|t| &t[..t.find("</w:tbl>").unwrap()])
            .collect()
    }

    /// The part a relationship id of the document points to.
    fn target(&self, id: &str) -> String {
        let rels = self.part("word/_rels/document.xml.rels");
        let at = rels
            .find(&format!("Id=\"{id}\""))
            .unwrap_or_else(|| panic!("no relationship {id}: {rels}"));
        let rel = &rels[rels[..at].rfind('<').unwrap()..];
        let rel = &rel[..rel.find("/>").unwrap()];
        let t = &rel[rel.find("Target=\"").unwrap() + 8..];
        format!("word/{}", &t[..t.find('"').unwrap()])
    }

    /// The header part of every section (`w:sectPr`) of the body.
    fn section_headers(&self) -> Vec<String> {
        let doc = self.document();
        let sections: Vec<&str> = doc.split("<w:sectPr").skip(1).collect();
        assert!(!sections.is_empty(), "no section");
        sections
            .iter()
            .map(|s| {
                let s = &s[..s.find("</w:sectPr>").unwrap()];
                let h = s
                    .find("<w:headerReference w:type=\"default\"")
                    .unwrap_or_else(|| panic!("a section without a header: {s}"));
                let id = &s[h..];
                let id = &id[id.find("r:id=\"").unwrap() + 6..];
                self.target(&id[..id.find('"').unwrap()])
            })
            .collect()
    }
}

#[test]
fn the_word_minutes_have_every_element_of_an_official_berita_acara() {
    let f = Fixture::new();
    f.session();
    let draft = f.docx("draft.docx");
    // The draft mark in the header of every section (so on every page).
    for h in draft.section_headers() {
        assert!(
            draft.text(&h).contains("RANCANGAN"),
            "{h}: {}",
            draft.text(&h)
        );
    }
    f.ok(&["session", "close", "1"]);
    let doc = f.docx("signed.docx");
    let body = doc.text("word/document.xml");

    // Kop surat, title and number.
    assert!(body.contains("PEMERINTAH KABUPATEN CONTOH"), "{body}");
    assert!(body.contains("BADAN KEPEGAWAIAN DAERAH"), "{body}");
    assert!(
        body.contains("BERITA ACARA SIDANG KOMITE TALENTA"),
        "{body}"
    );
    assert!(body.contains("Nomor: 800/1/BKD/2026"), "{body}");
    // The opening paragraph with the day and date in words.
    assert!(
        body.contains(
            "Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam, pukul 09.00 WITA, bertempat di Aula BKD"
        ),
        "{body}"
    );
    // The candidate's values in the users' words, not field names.
    assert!(body.contains("predikat SKP terakhir"), "{body}");
    assert!(!body.contains("kerja_sama"), "{body}");
    // The closing paragraph and the PPK's acknowledgement with name and NIP.
    assert!(body.contains("Demikian berita acara ini dibuat"), "{body}");
    for want in [
        "Mengetahui,",
        "Bupati Contoh",
        "Drs. H. Ahmad Fauzan, M.Si.",
        "NIP 196805121994031004",
        "Catatan verifikasi",
    ] {
        assert!(body.contains(want), "the minutes lack {want:?}: {body}");
    }
    // Times in the agency's zone.
    assert!(body.contains(" WITA"), "{body}");

    // The attendance table opens with a bold header row.
    let tables = doc.tables();
    let members = tables
        .iter()
        .find(|t| t.contains("Kehadiran"))
        .expect("the attendance table");
    let first_row = &members[..members.find("</w:tr>").unwrap()];
    for h in ["No.", "Nama", "Peran", "Kehadiran"] {
        assert!(first_row.contains(&format!(">{h}</w:t>")), "{first_row}");
    }
    assert!(first_row.contains("<w:b />"), "the header row is bold");

    // The signature table: no row splits across pages, each block's
    // paragraphs kept with the next, the PPK's block inside it.
    let signatures = tables
        .iter()
        .find(|t| t.contains("Mengetahui,"))
        .expect("the signature table");
    let rows: Vec<&str> = signatures.split("<w:tr>").skip(1).collect();
    assert!(rows.len() >= 2, "member rows and the PPK's row");
    for r in &rows {
        assert!(r.contains("<w:cantSplit />"), "a row that may split: {r}");
        assert!(
            r.contains("<w:keepNext />"),
            "a block not kept together: {r}"
        );
    }
    assert!(signatures.contains("Dr. Hadi Santoso") && signatures.contains("NIP"));
    // The place-and-date line right before the signatures is kept with them.
    let doc_xml = doc.document();
    let sign_at = doc_xml.find("Mengetahui,").unwrap();
    let before = &doc_xml[..sign_at];
    let place = before.rfind("Contoh, ").expect("the place-and-date line");
    let place_para = &before[before[..place].rfind("<w:p ").unwrap()..place];
    assert!(place_para.contains("<w:keepNext />"), "{place_para}");

    // The footer: "Halaman X dari Y" with PAGE and NUMPAGES fields.
    let footer = doc.part("word/footer1.xml");
    assert!(
        footer.contains("<w:instrText>PAGE</w:instrText>"),
        "{footer}"
    );
    assert!(
        footer.contains("<w:instrText>NUMPAGES</w:instrText>"),
        "{footer}"
    );
    assert!(doc.text("word/footer1.xml").contains("Halaman"));
    // Signed minutes carry no draft mark.
    for h in doc.section_headers() {
        assert!(!doc.text(&h).contains("RANCANGAN"), "{h}");
    }

    // The properties: title, the agency as author, created at the closing.
    let core = doc.part("docProps/core.xml");
    assert!(
        core.contains("<dc:title>Berita Acara Sidang Komite Talenta — Sidang Komite Talenta Desember</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>Badan Kepegawaian Daerah Kabupaten Contoh</dc:creator>"),
        "{core}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&f.ok(&["session", "minutes", "1", "--format", "json"])).unwrap();
    let closed = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["kind"] == "close")
        .unwrap()["at"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        core.contains(&format!(">{}Z</dcterms:created>", &closed[..19])),
        "created at the closing {closed}: {core}"
    );
    assert!(!core.contains("1970"), "{core}");
    // JSON adds the paper's keys, with the closing time in the zone's offset.
    assert_eq!(json["document"]["number"], "800/1/BKD/2026");
    assert!(json["document"]["closed_at"]
        .as_str()
        .unwrap()
        .ends_with("+08:00"));
}

#[test]
fn the_markdown_minutes_carry_the_same_paper() {
    let f = Fixture::new();
    f.session();
    f.ok(&["session", "close", "1"]);
    let md = f.ok(&["session", "minutes", "1"]);
    for want in [
        "PEMERINTAH KABUPATEN CONTOH",
        "Nomor: 800/1/BKD/2026",
        "Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam",
        "Demikian berita acara ini dibuat",
        "Mengetahui,",
        "Drs. H. Ahmad Fauzan, M.Si.",
        "NIP 196805121994031004",
        " WITA",
    ] {
        assert!(md.contains(want), "the Markdown lacks {want:?}:\n{md}");
    }
    let en = f.ok(&["--lang", "en", "session", "minutes", "1"]);
    assert!(
        en.contains("On Thursday, 3 December 2026, at 09:00 WITA, at Aula BKD"),
        "{en}"
    );
}

#[test]
fn the_place_of_a_session_is_proven_by_the_audit_trail() {
    let f = Fixture::new();
    f.session();
    let json: serde_json::Value =
        serde_json::from_str(&f.ok(&["session", "list", "--format", "json"])).unwrap();
    assert_eq!(json[0]["tempat"], "Aula BKD");
    assert_eq!(json[0]["mulai"], "09:00");
    f.ok(&["audit", "verify"]);
    let forged = forge(&f.db, "tempat_forged", |c| {
        c.execute_batch("UPDATE committee_session SET tempat = 'Hotel Mewah' WHERE id = 1")
            .unwrap();
    });
    let mut c = talenta_in(&forged, "id_ID.UTF-8");
    c.env("TALENTA_CONFIG", &f.config);
    c.args(["audit", "verify"]).assert().code(1);
}

/// A member's NIP given with `--member NAME:ROLE:NIP` is printed under their
/// signature and in the attendance (docx, Markdown, JSON `members[].nip`);
/// a member without one keeps the dotted line; a bad NIP writes nothing; the
/// stored NIP is proven by the audit trail.
#[test]
fn members_nips_are_printed_under_their_signatures() {
    let f = Fixture::new();
    let run = |args: &[&str]| {
        let mut c = talenta_in(&f.db, "id_ID.UTF-8");
        c.env("TALENTA_CONFIG", &f.config);
        c.args(args).output().unwrap()
    };
    // A NIP that is not 18 digits: exit 2, a clear sentence, no session.
    let out = run(&[
        "session",
        "new",
        "--title",
        "Sidang",
        "--member",
        "Dr. Hadi Santoso:ketua:19750312",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("NIP anggota Dr. Hadi Santoso (19750312) tidak sah")
            && err.contains("18 digit"),
        "{err}"
    );
    assert_eq!(f.ok(&["session", "list", "--format", "json"]).trim(), "[]");
    f.open(
        &[
            "Dr. Hadi Santoso:ketua:197503122000031002",
            "Rina Wulandari:sekretaris",
            "Budi Prasetyo::19800101 200501 1 004",
        ],
        &[],
    );
    f.ok(&["session", "discussed", "1", FAUZI]);
    f.ok(&[
        "session", "decide", "1", FAUZI, "--kind", "promosi", "--reason", "kotak 9",
    ]);
    f.ok(&["session", "close", "1"]);
    let docx = f.docx("nip.docx");
    // The candidates discussed, by NIP and name.
    let body = docx.text("word/document.xml");
    assert!(
        body.contains(&format!("{FAUZI} Ahmad Fauzi, S.Kom.")),
        "the discussed candidate's name: {body}"
    );
    let tables = docx.tables();
    let signatures = tables.iter().find(|t| t.contains("Mengetahui")).unwrap();
    let text = |xml: &str| -> String {
        xml.split("<w:t")
            .skip(1)
            .map(|p| {
                let b = &p[p.find('>').unwrap() + 1..];
                b[..b.find("</w:t>").unwrap_or(0)].to_string()
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let sig = text(signatures);
    assert!(
        sig.contains("Dr. Hadi Santoso|NIP 197503122000031002"),
        "{sig}"
    );
    assert!(
        sig.contains("Budi Prasetyo|NIP 198001012005011004"),
        "{sig}"
    );
    assert!(sig.contains("Rina Wulandari|NIP ......"), "{sig}");
    let attendance = tables.iter().find(|t| t.contains("Kehadiran")).unwrap();
    // Its header row repeats on every page the table runs onto; the others do not.
    let rows: Vec<&str> = attendance.split("<w:tr>").skip(1).collect();
    assert!(
        rows[0].starts_with("<w:trPr><w:tblHeader />"),
        "{}",
        rows[0]
    );
    assert!(rows[1..].iter().all(|r| !r.contains("tblHeader")));
    assert!(!signatures.contains("tblHeader"));
    let attendance = text(attendance);
    assert!(
        attendance.contains("Dr. Hadi Santoso|NIP 197503122000031002"),
        "{attendance}"
    );
    let md = f.ok(&["session", "minutes", "1"]);
    assert!(
        md.contains("1. Dr. Hadi Santoso (NIP 197503122000031002) — Ketua"),
        "{md}"
    );
    assert!(
        md.contains("Budi Prasetyo\nNIP 198001012005011004\n"),
        "{md}"
    );
    assert!(md.contains("Rina Wulandari\nNIP ......"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&f.ok(&["session", "minutes", "1", "--format", "json"])).unwrap();
    let members = json["members"].as_array().unwrap();
    assert_eq!(members[0]["nip"], "197503122000031002");
    assert_eq!(members[1]["nip"], serde_json::Value::Null);
    assert_eq!(members[2]["name"], "Budi Prasetyo");
    // The NIP is in the audit trail: changing it in the table is caught.
    f.ok(&["audit", "verify"]);
    let forged = forge(&f.db, "nip_forged", |c| {
        c.execute_batch(
            "UPDATE session_member SET nip = '199001012015011001' WHERE name = 'Budi Prasetyo'",
        )
        .unwrap();
    });
    let mut c = talenta_in(&forged, "id_ID.UTF-8");
    c.env("TALENTA_CONFIG", &f.config);
    c.args(["audit", "verify"]).assert().code(1);
}
