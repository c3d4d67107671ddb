//! Positions with their requirements, and the succession plan. Every change
//! of the plan is written in one transaction with its audit entry.

use super::audit::{self, Change};
use super::{Actor, Result, Store, StoreError};
use crate::domain::krs::Kategori;
use crate::domain::succession::Readiness;
use crate::domain::{Competency, Position, Tingkat};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;

/// Every position with its requirement, by kode.
pub fn load_positions(conn: &Connection) -> Result<Vec<Position>> {
    let mut out: Vec<Position> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT p.kode, p.nama_jabatan, p.tingkat_jabatan, u.nama, p.status, p.pemangku_nip,
                    p.kategori
             FROM position p JOIN unit u ON u.id = p.unit_id ORDER BY p.kode",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let tingkat: String = r.get(2)?;
            let Some(tingkat) = Tingkat::parse(&tingkat) else {
                continue; // Written by this program, so never reached; skipped rather than trusted.
            };
            let kode: String = r.get(0)?;
            let status: String = r.get(4)?;
            let holder: Option<String> = r.get(5)?;
            index.insert(kode.clone(), out.len());
            out.push(Position {
                kode,
                nama: r.get(1)?,
                tingkat,
                unit: r.get(3)?,
                vacant: status == "lowong",
                holder_nip: holder.filter(|h| !h.trim().is_empty()),
                requirement: [0; 9],
                kategori: r
                    .get::<_, Option<String>>(6)?
                    .and_then(|k| Kategori::parse(&k)),
                krs: Vec::new(),
            });
        }
    }
    let mut stmt =
        conn.prepare("SELECT kode_jabatan, kompetensi, level FROM position_requirement")?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let kode: String = r.get(0)?;
        let (Some(&i), Some(c)) = (index.get(&kode), Competency::parse(&r.get::<_, String>(1)?))
        else {
            continue;
        };
        out[i].requirement[c.index()] = r.get(2)?;
    }
    for m in super::krs::in_force(conn, None)? {
        if let Some(&i) = index.get(&m.kode) {
            out[i].krs.push(m);
        }
    }
    Ok(out)
}

/// One successor in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Successor {
    pub kode_jabatan: String,
    pub nip: String,
    pub readiness: Readiness,
    pub urutan: i64,
    pub catatan: Option<String>,
    pub updated_at: String,
}

impl Successor {
    fn json(&self) -> serde_json::Value {
        json!({
            "kode_jabatan": self.kode_jabatan,
            "nip": self.nip,
            "readiness": self.readiness.code(),
            "urutan": self.urutan,
            "catatan": self.catatan,
        })
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Successor> {
    let readiness: String = r.get(2)?;
    Ok(Successor {
        kode_jabatan: r.get(0)?,
        nip: r.get(1)?,
        // The CHECK constraint admits only the three codes.
        readiness: Readiness::parse(&readiness).unwrap_or(Readiness::ThreePlus),
        urutan: r.get(3)?,
        catatan: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

const SELECT: &str =
    "SELECT kode_jabatan, nip, readiness, urutan, catatan, updated_at FROM succession";

/// The plan of one position, or of all, in order (kode, urutan, nip).
pub fn successors(conn: &Connection, kode: Option<&str>) -> Result<Vec<Successor>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE ?1 IS NULL OR kode_jabatan = ?1 ORDER BY kode_jabatan, urutan, nip"
    ))?;
    let rows = stmt.query_map(params![kode], row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Why a change of the plan was refused. Rendered for users by `strings::*::positions`.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("no position {0}")]
    UnknownPosition(String),
    #[error("no employee {0}")]
    UnknownNip(String),
    #[error("{nip} holds {kode}")]
    Holder { kode: String, nip: String },
    #[error("{nip} is not a successor for {kode}")]
    NotInPlan { kode: String, nip: String },
    #[error("empty reason")]
    NoReason,
    /// The entry is a member of an established KRS whose period has not ended
    /// (PP 11/2017 Pasal 199: the PPK's SK; establish again to change it).
    #[error("{nip} for {kode} is in the KRS of {period} (SK {sk})")]
    Frozen {
        kode: String,
        nip: String,
        period: i32,
        sk: String,
    },
    /// A control or bidi character at the door (domain::text).
    #[error("control character in the {field:?}")]
    InvalidText {
        field: PlanText,
        error: crate::domain::text::TextError,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Which text of a plan change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    Note,
    Reason,
    Actor,
}

/// The door for a plan change's texts: a note and a reason may hold several
/// lines, the actor's name one.
fn check_text(
    actor: &Actor,
    field: PlanText,
    text: Option<&str>,
) -> std::result::Result<(), PlanError> {
    use crate::domain::text::{check, Lines};
    let refused = |field, error| PlanError::InvalidText { field, error };
    check(&actor.name, Lines::One).map_err(|e| refused(PlanText::Actor, e))?;
    check(text.unwrap_or(""), Lines::Many).map_err(|e| refused(field, e))
}

impl From<rusqlite::Error> for PlanError {
    fn from(e: rusqlite::Error) -> Self {
        PlanError::Store(StoreError::Sqlite(e))
    }
}

/// What `add` did.
#[derive(Debug, Clone, PartialEq)]
pub enum Added {
    New(Successor),
    /// The NIP was in the plan already: its readiness, order or note changed.
    Changed {
        before: Successor,
        after: Successor,
    },
    /// Nothing to change.
    Same(Successor),
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn find(conn: &Connection, kode: &str, nip: &str) -> Result<Option<Successor>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE kode_jabatan = ?1 AND nip = ?2"),
            params![kode, nip],
            row,
        )
        .optional()?)
}

/// Add a successor, or change one already in the plan. `urutan` defaults to
/// the end of the list for a new one and to the present place for a change.
/// A change of an entry in the established KRS of `period` or later is refused.
#[allow(clippy::too_many_arguments)]
pub fn add(
    store: &mut Store,
    actor: &Actor,
    period: i32,
    kode: &str,
    nip: &str,
    readiness: Readiness,
    urutan: Option<i64>,
    catatan: Option<&str>,
) -> std::result::Result<Added, PlanError> {
    check_text(actor, PlanText::Note, catatan)?;
    let tx = store.write_tx()?;
    let holder: Option<Option<String>> = tx
        .query_row(
            "SELECT pemangku_nip FROM position WHERE kode = ?1",
            [kode],
            |r| r.get(0),
        )
        .optional()?;
    let Some(holder) = holder else {
        return Err(PlanError::UnknownPosition(kode.to_string()));
    };
    let known: bool = tx
        .query_row("SELECT 1 FROM employee WHERE nip = ?1", [nip], |_| Ok(()))
        .optional()?
        .is_some();
    if !known {
        return Err(PlanError::UnknownNip(nip.to_string()));
    }
    let vacant: bool = tx.query_row(
        "SELECT status = 'lowong' FROM position WHERE kode = ?1",
        [kode],
        |r| r.get(0),
    )?;
    if !vacant && holder.as_deref() == Some(nip) {
        return Err(PlanError::Holder {
            kode: kode.to_string(),
            nip: nip.to_string(),
        });
    }
    let catatan = catatan.map(str::trim).filter(|s| !s.is_empty());
    let before = find(&tx, kode, nip)?;
    let urutan = match (urutan, &before) {
        (Some(u), _) => u.max(1),
        (None, Some(b)) => b.urutan,
        (None, None) => tx.query_row(
            "SELECT coalesce(max(urutan), 0) + 1 FROM succession WHERE kode_jabatan = ?1",
            [kode],
            |r| r.get(0),
        )?,
    };
    let catatan = match (catatan, &before) {
        (Some(c), _) => Some(c.to_string()),
        (None, Some(b)) => b.catatan.clone(),
        (None, None) => None,
    };
    let after = Successor {
        kode_jabatan: kode.to_string(),
        nip: nip.to_string(),
        readiness,
        urutan,
        catatan,
        updated_at: now(),
    };
    if let Some(b) = &before {
        if b.readiness == after.readiness && b.urutan == after.urutan && b.catatan == after.catatan
        {
            return Ok(Added::Same(b.clone()));
        }
        refuse_frozen(&tx, kode, nip, period)?;
    }
    tx.execute(
        "INSERT INTO succession (kode_jabatan, nip, readiness, urutan, catatan, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (kode_jabatan, nip) DO UPDATE SET
           readiness = excluded.readiness, urutan = excluded.urutan,
           catatan = excluded.catatan, updated_at = excluded.updated_at",
        params![
            after.kode_jabatan,
            after.nip,
            after.readiness.code(),
            after.urutan,
            after.catatan,
            after.updated_at
        ],
    )?;
    let id = format!("{kode}/{nip}");
    audit::append(
        &tx,
        actor,
        Change {
            action: if before.is_some() {
                "succession.change"
            } else {
                "succession.add"
            },
            entity: "succession",
            entity_id: &id,
            before: before.as_ref().map(Successor::json),
            after: Some(after.json()),
        },
    )?;
    tx.commit()?;
    Ok(match before {
        Some(b) => Added::Changed { before: b, after },
        None => Added::New(after),
    })
}

/// Remove a successor; the reason goes into the audit entry. A member of the
/// established KRS of `period` or later is refused.
pub fn remove(
    store: &mut Store,
    actor: &Actor,
    period: i32,
    kode: &str,
    nip: &str,
    reason: &str,
) -> std::result::Result<Successor, PlanError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(PlanError::NoReason);
    }
    check_text(actor, PlanText::Reason, Some(reason))?;
    let tx = store.write_tx()?;
    let Some(before) = find(&tx, kode, nip)? else {
        return Err(PlanError::NotInPlan {
            kode: kode.to_string(),
            nip: nip.to_string(),
        });
    };
    refuse_frozen(&tx, kode, nip, period)?;
    tx.execute(
        "DELETE FROM succession WHERE kode_jabatan = ?1 AND nip = ?2",
        params![kode, nip],
    )?;
    let id = format!("{kode}/{nip}");
    audit::append(
        &tx,
        actor,
        Change {
            action: "succession.remove",
            entity: "succession",
            entity_id: &id,
            before: Some(before.json()),
            after: Some(json!({ "removed": true, "reason": reason })),
        },
    )?;
    tx.commit()?;
    Ok(before)
}

/// A plan entry in an established, unexpired KRS is frozen.
fn refuse_frozen(
    conn: &Connection,
    kode: &str,
    nip: &str,
    period: i32,
) -> std::result::Result<(), PlanError> {
    match super::krs::frozen(conn, kode, nip, period)? {
        Some(e) => Err(PlanError::Frozen {
            kode: kode.to_string(),
            nip: nip.to_string(),
            period: e.period,
            sk: e.sk,
        }),
        None => Ok(()),
    }
}

/// Does a position with this kode exist?
pub fn position_exists(conn: &Connection, kode: &str) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM position WHERE kode = ?1",
        [kode],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// The name of each successor's employee, in the list's order (`None` for a
/// NIP not in the pool).
pub fn successor_names(conn: &Connection, list: &[Successor]) -> Result<Vec<Option<String>>> {
    let mut stmt = conn.prepare_cached("SELECT nama FROM employee WHERE nip = ?1")?;
    let mut out = Vec::with_capacity(list.len());
    for s in list {
        out.push(stmt.query_row([&s.nip], |r| r.get(0)).optional()?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenMode;

    fn store_with_position() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        {
            let tx = s.write_tx().unwrap();
            tx.execute_batch(
                "INSERT INTO unit (id, nama) VALUES (1, 'Dinas Pendidikan');
                 INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan, tingkat_jabatan, unit_id, pendidikan)
                 VALUES ('198609262015051001', 'A', 'L', '1986-09-26', 'PNS', 'III/c', 'Kepala Seksi', 'Pengawas', 1, 'S2'),
                        ('197001011995031009', 'B', 'L', '1970-01-01', 'PNS', 'IV/a', 'Kepala Dinas', 'JPT Pratama', 1, 'S2');
                 INSERT INTO position (kode, nama_jabatan, tingkat_jabatan, unit_id, status, pemangku_nip) VALUES ('DISDIK-JPT-01', 'Kepala Dinas Pendidikan', 'JPT Pratama', 1, 'terisi', '197001011995031009');
                 INSERT INTO position_requirement VALUES ('DISDIK-JPT-01', 'integritas', 4), ('DISDIK-JPT-01', 'kerja_sama', 3);",
            )
            .unwrap();
            tx.commit().unwrap();
        }
        (dir, s)
    }

    fn actor() -> Actor {
        Actor {
            name: "sekretaris".into(),
            os_user: "test".into(),
            key: None,
        }
    }

    #[test]
    fn positions_load_with_requirements() {
        let (_d, s) = store_with_position();
        let ps = load_positions(&s.conn).unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].tingkat, Tingkat::JptPratama);
        assert!(!ps[0].vacant);
        assert_eq!(ps[0].requirement[0], 4);
        assert_eq!(ps[0].requirement[1], 3);
        assert_eq!(ps[0].requirement[2], 0);
    }

    #[test]
    fn add_change_remove_each_with_an_audit_entry() {
        let (_d, mut s) = store_with_position();
        let a = actor();
        let nip = "198609262015051001";
        let r = add(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            nip,
            Readiness::OneToTwo,
            None,
            Some("coaching"),
        )
        .unwrap();
        assert!(matches!(r, Added::New(ref x) if x.urutan == 1));
        let r = add(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            nip,
            Readiness::Now,
            None,
            None,
        )
        .unwrap();
        match r {
            Added::Changed { before, after } => {
                assert_eq!(before.readiness, Readiness::OneToTwo);
                assert_eq!(after.readiness, Readiness::Now);
                assert_eq!(after.catatan.as_deref(), Some("coaching"), "note kept");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            add(
                &mut s,
                &a,
                2026,
                "DISDIK-JPT-01",
                nip,
                Readiness::Now,
                None,
                None
            )
            .unwrap(),
            Added::Same(_)
        ));
        remove(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            nip,
            "dimutasi ke kabupaten",
        )
        .unwrap();
        assert!(successors(&s.conn, None).unwrap().is_empty());
        let log = audit::log(&s.conn, None).unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            ["succession.add", "succession.change", "succession.remove"]
        );
        assert!(log[2].after.as_deref().unwrap().contains("dimutasi"));
        assert!(log[1].before.as_deref().unwrap().contains("1_2_tahun"));
        assert!(matches!(
            audit::verify(&s.conn, None).unwrap(),
            audit::Verdict::Intact { entries: 3, .. }
        ));
    }

    #[test]
    fn refusals_write_nothing() {
        let (_d, mut s) = store_with_position();
        let a = actor();
        assert!(matches!(
            add(
                &mut s,
                &a,
                2026,
                "NOPE",
                "198609262015051001",
                Readiness::Now,
                None,
                None
            ),
            Err(PlanError::UnknownPosition(_))
        ));
        assert!(matches!(
            add(
                &mut s,
                &a,
                2026,
                "DISDIK-JPT-01",
                "000000000000000000",
                Readiness::Now,
                None,
                None
            ),
            Err(PlanError::UnknownNip(_))
        ));
        assert!(matches!(
            add(
                &mut s,
                &a,
                2026,
                "DISDIK-JPT-01",
                "197001011995031009",
                Readiness::Now,
                None,
                None
            ),
            Err(PlanError::Holder { .. })
        ));
        assert!(matches!(
            remove(&mut s, &a, 2026, "DISDIK-JPT-01", "198609262015051001", "x"),
            Err(PlanError::NotInPlan { .. })
        ));
        assert!(matches!(
            remove(
                &mut s,
                &a,
                2026,
                "DISDIK-JPT-01",
                "198609262015051001",
                "  "
            ),
            Err(PlanError::NoReason)
        ));
        assert!(audit::log(&s.conn, None).unwrap().is_empty());
        assert!(successors(&s.conn, None).unwrap().is_empty());
    }

    #[test]
    fn order_appends_and_can_be_set() {
        let (_d, mut s) = store_with_position();
        let a = actor();
        add(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            "198609262015051001",
            Readiness::ThreePlus,
            None,
            None,
        )
        .unwrap();
        {
            let tx = s.write_tx().unwrap();
            tx.execute_batch("INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status, golongan, jabatan, tingkat_jabatan, unit_id, pendidikan)
                 VALUES ('198001012005011001', 'C', 'L', '1980-01-01', 'PNS', 'IV/a', 'Kabid', 'Administrator', 1, 'S2')").unwrap();
            tx.commit().unwrap();
        }
        add(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            "198001012005011001",
            Readiness::Now,
            None,
            None,
        )
        .unwrap();
        let l = successors(&s.conn, Some("DISDIK-JPT-01")).unwrap();
        assert_eq!(l.iter().map(|x| x.urutan).collect::<Vec<_>>(), [1, 2]);
        add(
            &mut s,
            &a,
            2026,
            "DISDIK-JPT-01",
            "198609262015051001",
            Readiness::ThreePlus,
            Some(3),
            None,
        )
        .unwrap();
        let l = successors(&s.conn, Some("DISDIK-JPT-01")).unwrap();
        assert_eq!(l[0].nip, "198001012005011001");
    }

    #[test]
    fn hostile_notes_reasons_and_actors_are_refused_at_the_door() {
        use crate::domain::text::TextError;
        let (_d, mut store) = store_with_position();
        let a = actor();
        let bad = PlanError::InvalidText {
            field: PlanText::Note,
            error: TextError { ch: '\x1b', at: 2 },
        };
        let r = add(
            &mut store,
            &a,
            2026,
            "X",
            "1",
            Readiness::Now,
            None,
            Some("a\x1b]52;c;AAAA"),
        );
        assert_eq!(format!("{:?}", r.unwrap_err()), format!("{bad:?}"));
        let r = remove(&mut store, &a, 2026, "X", "1", "ok\u{202e}");
        assert!(matches!(
            r,
            Err(PlanError::InvalidText {
                field: PlanText::Reason,
                ..
            })
        ));
        let evil = Actor {
            name: "M\x07".into(),
            os_user: "m".into(),
            key: None,
        };
        let r = remove(&mut store, &evil, 2026, "X", "1", "ok");
        assert!(matches!(
            r,
            Err(PlanError::InvalidText {
                field: PlanText::Actor,
                ..
            })
        ));
    }
}
