//! Versioned migrations. `PRAGMA user_version` holds the schema version; each
//! migration runs in the same transaction as the version bump.

/// Migrations in order; index + 1 is the version each one brings the database to.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11];

/// The schema version this build of talenta writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

const V1: &str = r#"
CREATE TABLE unit (
    id        INTEGER PRIMARY KEY,
    nama      TEXT NOT NULL UNIQUE,
    instansi  TEXT
);

CREATE TABLE employee (
    id               INTEGER PRIMARY KEY,
    nip              TEXT NOT NULL UNIQUE,
    nama             TEXT NOT NULL,
    jenis_kelamin    TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    tanggal_lahir    TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PNS', 'PPPK')),
    golongan         TEXT NOT NULL,
    jabatan          TEXT NOT NULL,
    tingkat_jabatan  TEXT NOT NULL,
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    pendidikan       TEXT NOT NULL,
    tmt_jabatan      TEXT
);
CREATE INDEX employee_unit ON employee(unit_id);

-- Yearly SKP predikat (code: SB, B, BP, K, SK).
CREATE TABLE skp (
    employee_id  INTEGER NOT NULL REFERENCES employee(id),
    tahun        INTEGER NOT NULL,
    predikat     TEXT NOT NULL CHECK (predikat IN ('SB', 'B', 'BP', 'K', 'SK')),
    PRIMARY KEY (employee_id, tahun)
) WITHOUT ROWID;

-- Assessed competency levels; the latest tanggal counts.
CREATE TABLE competency_assessment (
    employee_id  INTEGER NOT NULL REFERENCES employee(id),
    kompetensi   TEXT NOT NULL,
    tanggal      TEXT NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (employee_id, kompetensi, tanggal)
) WITHOUT ROWID;

-- Potential assessments; the latest tanggal counts, kategori before skor.
CREATE TABLE potential_assessment (
    employee_id  INTEGER NOT NULL REFERENCES employee(id),
    tanggal      TEXT NOT NULL,
    kategori     TEXT CHECK (kategori IN ('rendah', 'menengah', 'tinggi')),
    skor         REAL CHECK (skor BETWEEN 0 AND 100),
    metode       TEXT,
    CHECK (kategori IS NOT NULL OR skor IS NOT NULL),
    PRIMARY KEY (employee_id, tanggal)
) WITHOUT ROWID;

CREATE TABLE training (
    employee_id     INTEGER NOT NULL REFERENCES employee(id),
    tahun           INTEGER NOT NULL,
    nama_pelatihan  TEXT NOT NULL,
    jp              INTEGER NOT NULL CHECK (jp >= 0),
    PRIMARY KEY (employee_id, tahun, nama_pelatihan)
) WITHOUT ROWID;

-- Positions the committee fills, and the competency levels they require.
CREATE TABLE position (
    kode             TEXT PRIMARY KEY,
    nama_jabatan     TEXT NOT NULL,
    tingkat_jabatan  TEXT NOT NULL,
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    status           TEXT NOT NULL CHECK (status IN ('lowong', 'terisi')),
    pemangku_nip     TEXT
);

CREATE TABLE position_requirement (
    kode_jabatan  TEXT NOT NULL REFERENCES position(kode),
    kompetensi    TEXT NOT NULL,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (kode_jabatan, kompetensi)
) WITHOUT ROWID;

-- The append-only, hash-chained audit trail.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    os_user    TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
"#;

/// Committee sessions: members, attendance, agenda, recusals, decisions (never
/// updated: an amendment is a new row that supersedes the old), session events.
const V2: &str = r#"
CREATE TABLE committee_session (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date        TEXT NOT NULL,
    quorum      INTEGER CHECK (quorum IS NULL OR quorum > 0),
    status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_at  TEXT NOT NULL
);

CREATE TABLE session_member (
    session_id  INTEGER NOT NULL REFERENCES committee_session(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'anggota')),
    present     INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1)),
    position    INTEGER NOT NULL,
    PRIMARY KEY (session_id, name)
) WITHOUT ROWID;

CREATE TABLE session_agenda (
    session_id    INTEGER NOT NULL REFERENCES committee_session(id),
    kode_jabatan  TEXT NOT NULL,
    PRIMARY KEY (session_id, kode_jabatan)
) WITHOUT ROWID;

CREATE TABLE recusal (
    session_id   INTEGER NOT NULL REFERENCES committee_session(id),
    member_name  TEXT NOT NULL,
    nip          TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at           TEXT NOT NULL,
    PRIMARY KEY (session_id, member_name, nip),
    FOREIGN KEY (session_id, member_name) REFERENCES session_member(session_id, name)
) WITHOUT ROWID;

CREATE TABLE discussed (
    session_id  INTEGER NOT NULL REFERENCES committee_session(id),
    nip         TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (session_id, nip)
) WITHOUT ROWID;

CREATE TABLE decision (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES committee_session(id),
    nip            TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('promosi', 'rotasi', 'mutasi', 'pengembangan',
                                                  'dipertahankan', 'ditunda', 'tidak_direkomendasikan')),
    kode_jabatan   TEXT,
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    votes_for      INTEGER CHECK (votes_for >= 0),
    votes_against  INTEGER CHECK (votes_against >= 0),
    votes_abstain  INTEGER CHECK (votes_abstain >= 0),
    snapshot       TEXT NOT NULL,
    supersedes     INTEGER UNIQUE REFERENCES decision(id),
    version        INTEGER NOT NULL CHECK (version >= 1),
    decided_at     TEXT NOT NULL,
    actor          TEXT NOT NULL
);
CREATE INDEX decision_session ON decision(session_id);
CREATE INDEX decision_nip ON decision(nip);
CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'decisions are never changed: amend instead'); END;
CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'decisions are never deleted: amend instead'); END;

CREATE TABLE session_event (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES committee_session(id),
    kind        TEXT NOT NULL CHECK (kind IN ('open', 'close', 'reopen')),
    reason      TEXT,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL
);
"#;

/// The succession plan (rencana suksesi): successors per position with their
/// readiness, an order and a note. Every change goes with an audit entry.
const V3: &str = r#"
CREATE TABLE succession (
    kode_jabatan  TEXT NOT NULL REFERENCES position(kode),
    nip           TEXT NOT NULL,
    readiness     TEXT NOT NULL CHECK (readiness IN ('siap_sekarang', '1_2_tahun', '3_tahun_lebih')),
    urutan        INTEGER NOT NULL CHECK (urutan >= 1),
    catatan       TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (kode_jabatan, nip)
) WITHOUT ROWID;
CREATE INDEX succession_nip ON succession(nip);
"#;

/// The statement that recomputes the `pool` rows of the employees with ids
/// `$lo..=$hi` from the source tables (see [`V4`]). A macro so that the
/// migration's backfill and the writers' refresh are the same text.
macro_rules! pool_refresh {
    ($lo:literal, $hi:literal) => {
        concat!(
            "INSERT OR REPLACE INTO pool (employee_id, kompetensi, potensi, skor, skp, jp)
WITH c AS (
    SELECT employee_id, kompetensi, level, max(tanggal)
    FROM competency_assessment WHERE employee_id BETWEEN ", $lo, " AND ", $hi, "
    GROUP BY employee_id, kompetensi
), ck AS (
    SELECT employee_id,
        coalesce(max(CASE kompetensi WHEN 'integritas' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'kerja_sama' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'komunikasi' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'orientasi_hasil' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'pelayanan_publik' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'pengembangan_diri' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'mengelola_perubahan' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'pengambilan_keputusan' THEN level END), 0)
        || coalesce(max(CASE kompetensi WHEN 'perekat_bangsa' THEN level END), 0) AS k
    FROM c GROUP BY employee_id
), pt AS (
    SELECT employee_id, kategori, skor, max(tanggal)
    FROM potential_assessment WHERE employee_id BETWEEN ", $lo, " AND ", $hi, "
    GROUP BY employee_id
), s AS (
    SELECT employee_id, group_concat(tahun || ':' || predikat, ' ' ORDER BY tahun) AS v
    FROM skp WHERE employee_id BETWEEN ", $lo, " AND ", $hi, "
    GROUP BY employee_id
), ty AS (
    SELECT employee_id, tahun, sum(jp) AS jp
    FROM training WHERE employee_id BETWEEN ", $lo, " AND ", $hi, "
    GROUP BY employee_id, tahun
), t AS (
    SELECT employee_id, group_concat(tahun || ':' || jp, ' ' ORDER BY tahun) AS v
    FROM ty GROUP BY employee_id
)
SELECT e.id, coalesce(ck.k, '000000000'), pt.kategori, pt.skor, coalesce(s.v, ''), coalesce(t.v, '')
FROM employee e
LEFT JOIN ck ON ck.employee_id = e.id
LEFT JOIN pt ON pt.employee_id = e.id
LEFT JOIN s ON s.employee_id = e.id
LEFT JOIN t ON t.employee_id = e.id
WHERE e.id BETWEEN ", $lo, " AND ", $hi
        )
    };
}

/// Recompute the `pool` rows of employees `?1..=?2`.
pub const POOL_REFRESH: &str = pool_refresh!("?1", "?2");

/// The denormalised pool: one row per employee with what the in-memory pool
/// needs from the record tables, so loading is one scan instead of five (and
/// no sort). Kept current by every writer in the same transaction as the
/// records (`store::write`, `store::bulk`, through `store::pool::refresh`).
/// - `kompetensi`: nine digits, the latest level of each competency in
///   `Competency::ALL` order, `0` when never assessed;
/// - `potensi`, `skor`: the kategori and skor of the latest potential assessment;
/// - `skp`: `tahun:PREDIKAT` per year, ascending, space-separated;
/// - `jp`: `tahun:JP` (the year's summed lesson hours) per year, ascending.
const V4: &str = concat!(
    r#"
CREATE TABLE pool (
    employee_id  INTEGER PRIMARY KEY REFERENCES employee(id),
    kompetensi   TEXT NOT NULL,
    potensi      TEXT,
    skor         REAL,
    skp          TEXT NOT NULL,
    jp           TEXT NOT NULL
);
"#,
    pool_refresh!("-9223372036854775808", "9223372036854775807"),
    ";\n"
);

/// Issue 13: the position history (`riwayat_jabatan.csv`) and the
/// disciplinary penalties (`disiplin.csv`), keyed by their natural keys so a
/// re-import changes nothing, and `import_meta`: facts about what the agency
/// has imported (`disiplin_imported`: a disiplin file was imported, so an
/// employee without penalty rows has none, rather than none known).
const V5: &str = r#"
CREATE TABLE position_history (
    employee_id      INTEGER NOT NULL REFERENCES employee(id),
    tmt_mulai        TEXT NOT NULL,
    jabatan          TEXT NOT NULL,
    tingkat_jabatan  TEXT NOT NULL,
    unit_kerja       TEXT,
    tmt_selesai      TEXT,
    PRIMARY KEY (employee_id, tmt_mulai)
) WITHOUT ROWID;

-- Level: ringan / sedang / berat (PP 94/2021 Pasal 8).
CREATE TABLE penalty (
    employee_id  INTEGER NOT NULL REFERENCES employee(id),
    tmt          TEXT NOT NULL,
    tingkat      TEXT NOT NULL CHECK (tingkat IN ('ringan', 'sedang', 'berat')),
    jenis        TEXT,
    tmt_selesai  TEXT,
    PRIMARY KEY (employee_id, tmt, tingkat)
) WITHOUT ROWID;

CREATE TABLE import_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Issue 14: the committee's process (PP 11/2017 Pasal 56, 199, 200).
/// - `calibration`: the box the committee agrees in a talent review, with the
///   computed box it was agreed on (`kotak_hitung`): in effect while the
///   computed box is still that one, stale after. A later row for the same
///   NIP supersedes an earlier one; never updated or deleted.
/// - `outcome`: the PPK's answer to a recommendation (a `decision` row, its
///   latest version); a later outcome supersedes an earlier one.
/// - `position.kategori`: `target` / `kritikal` (jabatan.csv's optional column).
/// - `krs_establishment` / `krs_member`: the succession group (KRS) the PPK
///   establishes for a period (a year) by SK; its members are frozen copies of
///   the succession plan's entries at that moment. A later establishment for
///   the same period and position supersedes the earlier one.
const V6: &str = r#"
CREATE TABLE calibration (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES committee_session(id),
    nip            TEXT NOT NULL,
    kotak          INTEGER NOT NULL CHECK (kotak BETWEEN 1 AND 9),
    kotak_hitung   INTEGER CHECK (kotak_hitung BETWEEN 1 AND 9),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    votes_for      INTEGER CHECK (votes_for >= 0),
    votes_against  INTEGER CHECK (votes_against >= 0),
    votes_abstain  INTEGER CHECK (votes_abstain >= 0),
    supersedes     INTEGER UNIQUE REFERENCES calibration(id),
    calibrated_at  TEXT NOT NULL,
    actor          TEXT NOT NULL
);
CREATE INDEX calibration_nip ON calibration(nip);
CREATE INDEX calibration_session ON calibration(session_id);
CREATE TRIGGER calibration_no_update BEFORE UPDATE ON calibration
BEGIN SELECT RAISE(ABORT, 'calibrations are never changed: calibrate again instead'); END;
CREATE TRIGGER calibration_no_delete BEFORE DELETE ON calibration
BEGIN SELECT RAISE(ABORT, 'calibrations are never deleted: calibrate again instead'); END;

CREATE TABLE outcome (
    id           INTEGER PRIMARY KEY,
    decision_id  INTEGER NOT NULL REFERENCES decision(id),
    status       TEXT NOT NULL CHECK (status IN ('ditetapkan', 'ditolak', 'ditunda')),
    sk           TEXT,
    tanggal      TEXT,
    reason       TEXT,
    recorded_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    CHECK (status <> 'ditetapkan' OR length(trim(coalesce(sk, ''))) > 0),
    CHECK (status <> 'ditolak' OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX outcome_decision ON outcome(decision_id);
CREATE TRIGGER outcome_no_update BEFORE UPDATE ON outcome
BEGIN SELECT RAISE(ABORT, 'outcomes are never changed: record a new one instead'); END;
CREATE TRIGGER outcome_no_delete BEFORE DELETE ON outcome
BEGIN SELECT RAISE(ABORT, 'outcomes are never deleted: record a new one instead'); END;

ALTER TABLE position ADD COLUMN kategori TEXT CHECK (kategori IN ('target', 'kritikal'));

CREATE TABLE krs_establishment (
    id              INTEGER PRIMARY KEY,
    period          INTEGER NOT NULL CHECK (period BETWEEN 1900 AND 9999),
    sk              TEXT NOT NULL CHECK (length(trim(sk)) > 0),
    tanggal         TEXT NOT NULL,
    established_at  TEXT NOT NULL,
    actor           TEXT NOT NULL
);
CREATE TABLE krs_member (
    establishment_id  INTEGER NOT NULL REFERENCES krs_establishment(id),
    kode_jabatan      TEXT NOT NULL,
    nip               TEXT NOT NULL,
    readiness         TEXT NOT NULL,
    urutan            INTEGER NOT NULL,
    PRIMARY KEY (establishment_id, kode_jabatan, nip)
) WITHOUT ROWID;
CREATE INDEX krs_member_nip ON krs_member(nip);
CREATE TRIGGER krs_establishment_no_update BEFORE UPDATE ON krs_establishment
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;
CREATE TRIGGER krs_establishment_no_delete BEFORE DELETE ON krs_establishment
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;
CREATE TRIGGER krs_member_no_update BEFORE UPDATE ON krs_member
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;
CREATE TRIGGER krs_member_no_delete BEFORE DELETE ON krs_member
BEGIN SELECT RAISE(ABORT, 'an established KRS is frozen: establish again instead'); END;
"#;

/// Issue 16: members at their own terminals (contract `serve.md`).
/// - `access_grant`: a public key granted to a name with a role; a later
///   `access_revocation` ends it (`talenta access remove`). A key belongs to
///   one name while granted; a name has one role (checked by the store).
/// - `audit_log.kunci`: the fingerprint of the key an entry was written with
///   over `talenta serve` (NULL for the local command line and screen; the
///   entry's hash covers it when present).
/// - `vote` / `vote_ballot` / `vote_close`: a vote the secretary opens on a
///   proposed recommendation or calibration (`proposal`, the JSON of its
///   input), each member's ballots (the latest per member counts), and how it
///   ended: `recorded` with the id of the decision or calibration it wrote, or
///   `cancelled`.
const V7: &str = r#"
CREATE TABLE access_grant (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role         TEXT NOT NULL CHECK (role IN ('admin', 'sekretaris', 'anggota', 'ppk', 'pengamat')),
    algorithm    TEXT NOT NULL,
    public_key   TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    comment      TEXT,
    granted_at   TEXT NOT NULL,
    actor        TEXT NOT NULL
);
CREATE INDEX access_grant_fingerprint ON access_grant(fingerprint);
CREATE INDEX access_grant_name ON access_grant(name);
CREATE TABLE access_revocation (
    grant_id    INTEGER PRIMARY KEY REFERENCES access_grant(id),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    revoked_at  TEXT NOT NULL,
    actor       TEXT NOT NULL
);
CREATE TRIGGER access_grant_no_update BEFORE UPDATE ON access_grant
BEGIN SELECT RAISE(ABORT, 'access grants are never changed: remove and grant again'); END;
CREATE TRIGGER access_grant_no_delete BEFORE DELETE ON access_grant
BEGIN SELECT RAISE(ABORT, 'access grants are never deleted: remove them instead'); END;
CREATE TRIGGER access_revocation_no_update BEFORE UPDATE ON access_revocation
BEGIN SELECT RAISE(ABORT, 'access removals are never changed'); END;
CREATE TRIGGER access_revocation_no_delete BEFORE DELETE ON access_revocation
BEGIN SELECT RAISE(ABORT, 'access removals are never deleted'); END;

ALTER TABLE audit_log ADD COLUMN kunci TEXT;

CREATE TABLE vote (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES committee_session(id),
    subject     TEXT NOT NULL CHECK (subject IN ('decision', 'calibration')),
    nip         TEXT NOT NULL,
    proposal    TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    actor       TEXT NOT NULL
);
CREATE INDEX vote_session ON vote(session_id);
CREATE TABLE vote_ballot (
    id           INTEGER PRIMARY KEY,
    vote_id      INTEGER NOT NULL REFERENCES vote(id),
    member_name  TEXT NOT NULL,
    choice       TEXT NOT NULL CHECK (choice IN ('setuju', 'tidak_setuju', 'abstain')),
    cast_at      TEXT NOT NULL
);
CREATE INDEX vote_ballot_vote ON vote_ballot(vote_id);
CREATE TABLE vote_close (
    vote_id    INTEGER PRIMARY KEY REFERENCES vote(id),
    result     TEXT NOT NULL CHECK (result IN ('recorded', 'cancelled')),
    record_id  INTEGER,
    closed_at  TEXT NOT NULL,
    actor      TEXT NOT NULL,
    CHECK (result <> 'recorded' OR record_id IS NOT NULL)
);
CREATE TRIGGER vote_no_update BEFORE UPDATE ON vote
BEGIN SELECT RAISE(ABORT, 'votes are never changed'); END;
CREATE TRIGGER vote_no_delete BEFORE DELETE ON vote
BEGIN SELECT RAISE(ABORT, 'votes are never deleted'); END;
CREATE TRIGGER vote_ballot_no_update BEFORE UPDATE ON vote_ballot
BEGIN SELECT RAISE(ABORT, 'ballots are never changed: vote again instead'); END;
CREATE TRIGGER vote_ballot_no_delete BEFORE DELETE ON vote_ballot
BEGIN SELECT RAISE(ABORT, 'ballots are never deleted'); END;
CREATE TRIGGER vote_close_no_update BEFORE UPDATE ON vote_close
BEGIN SELECT RAISE(ABORT, 'a closed vote is never changed'); END;
CREATE TRIGGER vote_close_no_delete BEFORE DELETE ON vote_close
BEGIN SELECT RAISE(ABORT, 'a closed vote is never deleted'); END;
"#;

/// V8: where and when a session met, for the minutes' opening paragraph
/// ("bertempat di ..., pukul 09.00 WIB"): `tempat` as written, `mulai` the
/// local start time `HH:MM`; both optional.
const V8: &str = r#"
ALTER TABLE committee_session ADD COLUMN tempat TEXT;
ALTER TABLE committee_session ADD COLUMN mulai TEXT;
"#;

/// V9: a member's NIP (optional), printed under their signature and in the
/// attendance of the minutes: 18 digits when given.
const V9: &str = r#"
ALTER TABLE session_member ADD COLUMN nip TEXT CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'));
"#;

/// V10: an employee may attend two runs of the same training in one year
/// (two "Bimbingan Teknis" of one name): `urutan` numbers the runs from 1
/// and joins the key, so that both are records and both hours count;
/// `tanggal_mulai` is the day a run started, where the file gives it.
const V10: &str = r#"
CREATE TABLE training_v10 (
    employee_id     INTEGER NOT NULL REFERENCES employee(id),
    tahun           INTEGER NOT NULL,
    nama_pelatihan  TEXT NOT NULL,
    urutan          INTEGER NOT NULL DEFAULT 1 CHECK (urutan >= 1),
    jp              INTEGER NOT NULL CHECK (jp >= 0),
    tanggal_mulai   TEXT,
    PRIMARY KEY (employee_id, tahun, nama_pelatihan, urutan)
) WITHOUT ROWID;
INSERT INTO training_v10 (employee_id, tahun, nama_pelatihan, urutan, jp)
    SELECT employee_id, tahun, nama_pelatihan, 1, jp FROM training;
DROP TABLE training;
ALTER TABLE training_v10 RENAME TO training;
"#;

/// V11, issue 18: the pool snapshot's change stamp (`store::snapshot`).
/// - `snapshot_state`: one row; a builder sets `armed` with a new `counter`
///   and `token` before it loads the pool, and stamps its snapshot with them.
/// - `snapshot_stale_*`: any row written to a table the pool is loaded from,
///   by any program, disarms the stamp and moves the counter, in the writer's
///   transaction: a snapshot taken before is never used again. Only the first
///   row after a build pays the update; later rows see it disarmed.
/// - `pool_stale_*`: a record written outside talenta's writers (the sqlite3
///   shell) drops its employee's `pool` row, which the loader then computes
///   from the records (`store::load`); talenta's writers write the row again
///   after their records, in the same transaction (`store::pool::refresh`).
///
/// Written to run again over its own objects (tests fake older versions).
const V11: &str = r#"
CREATE TABLE IF NOT EXISTS snapshot_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    counter  INTEGER NOT NULL,
    token    BLOB NOT NULL,
    armed    INTEGER NOT NULL CHECK (armed IN (0, 1))
);
INSERT OR IGNORE INTO snapshot_state (id, counter, token, armed) VALUES (1, 0, randomblob(8), 0);
DROP TRIGGER IF EXISTS snapshot_stale_employee_insert;
CREATE TRIGGER snapshot_stale_employee_insert AFTER INSERT ON employee
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_employee_update;
CREATE TRIGGER snapshot_stale_employee_update AFTER UPDATE ON employee
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_employee_delete;
CREATE TRIGGER snapshot_stale_employee_delete AFTER DELETE ON employee
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_unit_insert;
CREATE TRIGGER snapshot_stale_unit_insert AFTER INSERT ON unit
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_unit_update;
CREATE TRIGGER snapshot_stale_unit_update AFTER UPDATE ON unit
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_unit_delete;
CREATE TRIGGER snapshot_stale_unit_delete AFTER DELETE ON unit
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_pool_insert;
CREATE TRIGGER snapshot_stale_pool_insert AFTER INSERT ON pool
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_pool_update;
CREATE TRIGGER snapshot_stale_pool_update AFTER UPDATE ON pool
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_pool_delete;
CREATE TRIGGER snapshot_stale_pool_delete AFTER DELETE ON pool
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_position_history_insert;
CREATE TRIGGER snapshot_stale_position_history_insert AFTER INSERT ON position_history
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_position_history_update;
CREATE TRIGGER snapshot_stale_position_history_update AFTER UPDATE ON position_history
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_position_history_delete;
CREATE TRIGGER snapshot_stale_position_history_delete AFTER DELETE ON position_history
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_penalty_insert;
CREATE TRIGGER snapshot_stale_penalty_insert AFTER INSERT ON penalty
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_penalty_update;
CREATE TRIGGER snapshot_stale_penalty_update AFTER UPDATE ON penalty
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_penalty_delete;
CREATE TRIGGER snapshot_stale_penalty_delete AFTER DELETE ON penalty
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_import_meta_insert;
CREATE TRIGGER snapshot_stale_import_meta_insert AFTER INSERT ON import_meta
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_import_meta_update;
CREATE TRIGGER snapshot_stale_import_meta_update AFTER UPDATE ON import_meta
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_import_meta_delete;
CREATE TRIGGER snapshot_stale_import_meta_delete AFTER DELETE ON import_meta
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_skp_insert;
CREATE TRIGGER snapshot_stale_skp_insert AFTER INSERT ON skp
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_skp_update;
CREATE TRIGGER snapshot_stale_skp_update AFTER UPDATE ON skp
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_skp_delete;
CREATE TRIGGER snapshot_stale_skp_delete AFTER DELETE ON skp
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_competency_assessment_insert;
CREATE TRIGGER snapshot_stale_competency_assessment_insert AFTER INSERT ON competency_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_competency_assessment_update;
CREATE TRIGGER snapshot_stale_competency_assessment_update AFTER UPDATE ON competency_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_competency_assessment_delete;
CREATE TRIGGER snapshot_stale_competency_assessment_delete AFTER DELETE ON competency_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_potential_assessment_insert;
CREATE TRIGGER snapshot_stale_potential_assessment_insert AFTER INSERT ON potential_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_potential_assessment_update;
CREATE TRIGGER snapshot_stale_potential_assessment_update AFTER UPDATE ON potential_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_potential_assessment_delete;
CREATE TRIGGER snapshot_stale_potential_assessment_delete AFTER DELETE ON potential_assessment
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_training_insert;
CREATE TRIGGER snapshot_stale_training_insert AFTER INSERT ON training
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_training_update;
CREATE TRIGGER snapshot_stale_training_update AFTER UPDATE ON training
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS snapshot_stale_training_delete;
CREATE TRIGGER snapshot_stale_training_delete AFTER DELETE ON training
    WHEN (SELECT armed FROM snapshot_state WHERE id = 1) = 1
    BEGIN UPDATE snapshot_state SET counter = counter + 1, armed = 0 WHERE id = 1; END;
DROP TRIGGER IF EXISTS pool_stale_skp_insert;
CREATE TRIGGER pool_stale_skp_insert AFTER INSERT ON skp
    BEGIN DELETE FROM pool WHERE employee_id = NEW.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_skp_update;
CREATE TRIGGER pool_stale_skp_update AFTER UPDATE ON skp
    BEGIN DELETE FROM pool WHERE employee_id IN (OLD.employee_id, NEW.employee_id); END;
DROP TRIGGER IF EXISTS pool_stale_skp_delete;
CREATE TRIGGER pool_stale_skp_delete AFTER DELETE ON skp
    BEGIN DELETE FROM pool WHERE employee_id = OLD.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_competency_assessment_insert;
CREATE TRIGGER pool_stale_competency_assessment_insert AFTER INSERT ON competency_assessment
    BEGIN DELETE FROM pool WHERE employee_id = NEW.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_competency_assessment_update;
CREATE TRIGGER pool_stale_competency_assessment_update AFTER UPDATE ON competency_assessment
    BEGIN DELETE FROM pool WHERE employee_id IN (OLD.employee_id, NEW.employee_id); END;
DROP TRIGGER IF EXISTS pool_stale_competency_assessment_delete;
CREATE TRIGGER pool_stale_competency_assessment_delete AFTER DELETE ON competency_assessment
    BEGIN DELETE FROM pool WHERE employee_id = OLD.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_potential_assessment_insert;
CREATE TRIGGER pool_stale_potential_assessment_insert AFTER INSERT ON potential_assessment
    BEGIN DELETE FROM pool WHERE employee_id = NEW.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_potential_assessment_update;
CREATE TRIGGER pool_stale_potential_assessment_update AFTER UPDATE ON potential_assessment
    BEGIN DELETE FROM pool WHERE employee_id IN (OLD.employee_id, NEW.employee_id); END;
DROP TRIGGER IF EXISTS pool_stale_potential_assessment_delete;
CREATE TRIGGER pool_stale_potential_assessment_delete AFTER DELETE ON potential_assessment
    BEGIN DELETE FROM pool WHERE employee_id = OLD.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_training_insert;
CREATE TRIGGER pool_stale_training_insert AFTER INSERT ON training
    BEGIN DELETE FROM pool WHERE employee_id = NEW.employee_id; END;
DROP TRIGGER IF EXISTS pool_stale_training_update;
CREATE TRIGGER pool_stale_training_update AFTER UPDATE ON training
    BEGIN DELETE FROM pool WHERE employee_id IN (OLD.employee_id, NEW.employee_id); END;
DROP TRIGGER IF EXISTS pool_stale_training_delete;
CREATE TRIGGER pool_stale_training_delete AFTER DELETE ON training
    BEGIN DELETE FROM pool WHERE employee_id = OLD.employee_id; END;
"#;
