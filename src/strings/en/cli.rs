//! Command-line text (English).

use crate::domain::{Kinerja, Potensi};
use crate::store::audit::Problem;
use crate::store::StoreError;
use crate::strings::ShowLabels;

/// `talenta --help`: key = command[.sub][.argument], or `global.argument`.
pub const HELP: &[(&str, &str)] = &[
    ("", "The ASN talent committee's tool: talent pool, 9-box, filters, committee sessions, audit trail"),
    ("global.db", "Talent-pool database (SQLite file); default: $TALENTA_DB or ~/.local/share/talenta/talenta.db"),
    ("global.as_of", "Date used for age, tenure and jp (default: today)"),
    ("global.lang", "Language of the interface and of text output: id | en"),
    ("global.as_name", "Who is acting, for the audit trail (default: the OS user name)"),
    ("global.ascii", "Draw the screen with ASCII symbols only, for a terminal that is not UTF-8 (default: from LC_ALL, LC_CTYPE or LANG)"),
    ("global.help", "Print this help"),
    ("global.version", "Print talenta's version"),
    ("global.help_command", "Print this help or the help of the given subcommand"),
    ("global.help_command.subcommand", "The subcommand whose help to print"),
    ("query", "Print the employees matching a filter"),
    ("query.filter", "Filter, e.g. 'kotak>=7 unit~pendidikan' (see docs/filter-language.md); none: everyone"),
    ("query.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("query.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("query.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("query.sort", "Sort by a filter field (e.g. usia, kotak, nama, integritas)"),
    ("query.desc", "Descending order"),
    ("query.limit", "At most N rows"),
    ("query.count", "Print the number of matches only"),
    ("query.by", "Count the matches per value of a filter field (e.g. unit, kotak, golongan; dates per year)"),
    ("demo", "Create (or replace, after asking or with --force) a realistic demo talent pool"),
    ("demo.size", "Number of employees (100 .. 5,000,000)"),
    ("demo.seed", "Random seed: same seed, same pool"),
    ("demo.force", "Replace an existing database without asking (the old one is kept as a backup)"),
    ("demo.csv", "Write the demo pool as import-format CSV files into this folder instead of a database"),
    ("demo.semicolon", "CSV separated by ; (Indonesian Excel style)"),
    ("import", "Import CSV/xlsx files or export folders (all or nothing)"),
    ("import.dry_run", "Check everything, write nothing"),
    ("import.skip_invalid", "Write the valid rows; skip and list the others"),
    ("import.paths", "Files or folders"),
    ("show", "One employee's full profile"),
    ("show.nip", "18-digit NIP"),
    ("show.format", "Output format"),
    ("session", "Committee sessions: members, attendance, recusals, recommendations, the PPK's outcomes, minutes"),
    ("session.new", "Create a session (open at once); prints its id"),
    ("session.new.title", "Session title"),
    ("session.new.date", "Session date (default: the as-of date)"),
    ("session.new.members", "A member: NAME, NAME:ROLE (ketua, sekretaris, anggota) or NAME:ROLE:NIP (18 digits, printed under their signature); repeatable"),
    ("session.new.quorum", "Quorum (default: a majority of the members)"),
    ("session.new.agenda", "Position code on the agenda; repeatable"),
    ("session.new.tempat", "Where the session meets (for the minutes' opening)"),
    ("session.new.mulai", "The session's start time, local time"),
    ("session.list", "List sessions"),
    ("session.list.format", "Output format: table or json"),
    ("session.attend", "Mark members present"),
    ("session.attend.id", "Session number (see 'talenta session list')"),
    ("session.attend.names", "Names of the members present, as registered; one or more"),
    ("session.recuse", "A member declares a conflict of interest for one candidate and takes no part in deciding"),
    ("session.recuse.id", "Session number"),
    ("session.recuse.name", "Name of the member with the conflict of interest"),
    ("session.recuse.nip", "NIP of the candidate concerned"),
    ("session.recuse.reason", "The conflict of interest (required), e.g. a family tie"),
    ("session.discussed", "Mark a candidate as discussed"),
    ("session.discussed.id", "Session number"),
    ("session.discussed.nip", "NIP of the candidate discussed"),
    ("session.decide", "Record the committee's recommendation on a candidate; prints its id"),
    ("session.decide.kind", "promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda, tidak_direkomendasikan (or promote, rotate, transfer, develop, retain, defer, reject)"),
    ("session.decide.position", "Target position code (promosi, rotasi, mutasi)"),
    ("session.decide.reason", "Grounds (required)"),
    ("session.decide.votes", "Votes FOR/AGAINST/ABSTAIN, e.g. 4/1/0"),
    ("session.decide.id", "Session number"),
    ("session.decide.nip", "NIP of the candidate"),
    ("session.calibrate", "Talent review: record the box (1..9) the committee agrees for a candidate, with grounds; prints its id"),
    ("session.calibrate.id", "Session number"),
    ("session.calibrate.nip", "NIP of the candidate"),
    ("session.calibrate.kotak", "The agreed box, 1 to 9"),
    ("session.calibrate.reason", "Grounds (required)"),
    ("session.calibrate.votes", "Votes FOR/AGAINST/ABSTAIN, e.g. 4/1/0"),
    ("session.amend", "Amend a recommendation: a new version supersedes the old; both stay"),
    ("session.amend.decision_id", "Number of the recommendation to amend (its latest version)"),
    ("session.amend.kind", "The new kind of recommendation (default: unchanged)"),
    ("session.amend.position", "The new target position code (default: unchanged)"),
    ("session.amend.reason", "Grounds for the amendment (required)"),
    ("session.amend.votes", "The new votes FOR/AGAINST/ABSTAIN, e.g. 4/1/0"),
    ("session.close", "Close a session (read-only afterwards)"),
    ("session.close.id", "Number of the session to close"),
    ("session.reopen", "Reopen a closed session, with a reason"),
    ("session.reopen.id", "Number of the session to reopen"),
    ("session.reopen.reason", "Why it is reopened (required)"),
    ("session.outcome", "Record the PPK's outcome of a recommendation: ditetapkan (with the SK), ditolak (with a reason) or ditunda; also after the session is closed; prints its number"),
    ("session.outcome.decision_id", "Number of the recommendation (its latest version)"),
    ("session.outcome.status", "ditetapkan, ditolak or ditunda (or established, rejected, postponed)"),
    ("session.outcome.sk", "Number of the PPK's decree, SK (required for ditetapkan)"),
    ("session.outcome.date", "Date of the SK or of the PPK's answer (default: the as-of date)"),
    ("session.outcome.reason", "Reason (required for ditolak)"),
    ("session.minutes", "Minutes: md, csv, json or docx"),
    ("session.minutes.output", "Write to this file"),
    ("session.minutes.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("session.minutes.id", "Session number"),
    ("session.minutes.format", "Format of the minutes: md, csv, json or docx"),
    ("session.minutes.pdf", "Also print the docx to FILE.pdf beside it with LibreOffice (optional; needs soffice)"),
    ("session.vote", "Committee votes: open a vote on a recommendation or a calibration, cast ballots, show the tally, close (records it with the tally) or cancel"),
    ("session.vote.open", "Open a vote on a proposed recommendation (--kind) or calibration (--kotak); prints its number. One open vote per session"),
    ("session.vote.open.id", "Session number"),
    ("session.vote.open.nip", "NIP of the candidate"),
    ("session.vote.open.kind", "The proposed recommendation: promosi, rotasi, mutasi, pengembangan, dipertahankan, ditunda, tidak_direkomendasikan (or the English aliases)"),
    ("session.vote.open.position", "Target position code of the proposed recommendation (promosi, rotasi, mutasi)"),
    ("session.vote.open.kotak", "The proposed box of a calibration, 1 to 9"),
    ("session.vote.open.reason", "Grounds of the proposal (required)"),
    ("session.vote.cast", "Cast (or change) a member's ballot; over talenta serve a member votes as themself from their screen"),
    ("session.vote.cast.vote_id", "Number of the vote"),
    ("session.vote.cast.member", "Name of the member voting, as registered in the session"),
    ("session.vote.cast.choice", "The ballot: setuju, tidak-setuju or abstain (or for, against)"),
    ("session.vote.show", "Show a vote: the proposal, the tally, each member's ballot and who has not voted"),
    ("session.vote.show.vote_id", "Number of the vote"),
    ("session.vote.show.format", "Output format: table or json"),
    ("session.vote.close", "Close a vote: when more members are for than against, and the quorum holds, records the recommendation or calibration with the tally; prints what it recorded"),
    ("session.vote.close.vote_id", "Number of the vote"),
    ("session.vote.cancel", "Cancel a vote, with a reason; nothing is recorded but the cancelling"),
    ("session.vote.cancel.vote_id", "Number of the vote"),
    ("session.vote.cancel.reason", "Why the vote is cancelled (required)"),
    ("positions", "List the positions: vacant first, then holders retiring soon, then the rest, with required competency levels"),
    ("positions.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("positions.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("positions.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("positions.retiring_within", "Years ahead in which a holder's retirement (BUP) puts the post in the second group (default: rules.retiring_within_years, 2)"),
    ("shortlist", "The eligible candidates for a position, ranked by job-person match (see docs/positions.md)"),
    ("shortlist.kode", "Position code (see 'talenta positions')"),
    ("shortlist.filter", "Only candidates matching this filter"),
    ("shortlist.limit", "At most N rows"),
    ("shortlist.all", "Rank every candidate, eligible or not, each with the conditions they do not meet (a column of condition codes; JSON: tidak_terpenuhi)"),
    ("shortlist.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("shortlist.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("shortlist.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("compare", "Compare 2 to 6 candidates side by side"),
    ("compare.nips", "2 to 6 NIPs"),
    ("compare.position", "Compare against this position's requirement (JPM, gaps, eligibility)"),
    ("compare.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("compare.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("compare.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("succession", "The succession plan (rencana suksesi)"),
    ("succession.list", "List successors, of one position or of all"),
    ("succession.list.kode", "Position code"),
    ("succession.list.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("succession.list.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("succession.list.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("succession.list.period", "The period (year) whose established KRS is shown (default: in force from the as-of year on)"),
    ("succession.establish", "Establish the plan as the KRS of a period (the PPK's SK): every entry checked against PP 11/2017 Pasal 199"),
    ("succession.establish.period", "The period (year)"),
    ("succession.establish.sk", "The SK number"),
    ("succession.establish.date", "The SK's date"),
    ("succession.establish.kode", "Positions to establish (default: every position with a plan)"),
    ("succession.add", "Add a successor, or change the readiness, order or note of one"),
    ("succession.add.kode", "Position code"),
    ("succession.add.nip", "Successor's NIP"),
    ("succession.add.readiness", "siap_sekarang | 1_2_tahun | 3_tahun_lebih (or now, 1-2, 3+)"),
    ("succession.add.note", "A note on this successor (catatan)"),
    ("succession.add.order", "Place in the list (default: last for a new successor)"),
    ("succession.remove", "Remove a successor; the reason is kept in the audit trail"),
    ("succession.remove.kode", "Position code"),
    ("succession.remove.nip", "Successor's NIP"),
    ("succession.remove.reason", "Why (required)"),
    ("access", "Who may sign in to 'talenta serve': public keys granted to names with a role"),
    ("access.add", "Grant a public key to a name with a role; prints the key's fingerprint"),
    ("access.add.name", "The member's name, as the audit trail will show it"),
    ("access.add.role", "admin, sekretaris, anggota, ppk or pengamat (or secretary, member, observer)"),
    ("access.add.key", "The public key: its line (ssh-ed25519 AAAA… user@host) or the path of its .pub file"),
    ("access.list", "List every grant, in force and removed"),
    ("access.list.format", "Output format"),
    ("access.remove", "Remove every key of a name; the reason is kept in the audit trail"),
    ("access.remove.name", "The name, as granted"),
    ("access.remove.reason", "Why the access ends (required)"),
    ("serve", "Serve the committee screen over SSH: each member signs in with a granted public key (see docs/ssh.md)"),
    ("serve.listen", "Address and port to listen on (0.0.0.0:2222 for every interface)"),
    ("serve.max_connections", "Most connections at once; more are told to try later"),
    ("serve.idle_timeout", "Close a screen after this long without a key press (90s, 30m, 2h)"),
    ("serve.auth_delay", "How long a refused sign-in waits before the answer (slows down guessing)"),
    ("audit", "The audit trail"),
    ("audit.verify", "Check the whole hash chain of the audit trail"),
    ("audit.verify.expect_head", "The chain's head hash as printed on signed minutes"),
    ("audit.log", "List audit entries"),
    ("audit.log.format", "Output format; xlsx is a workbook (needs -o FILE)"),
    ("audit.log.output", "Write to this file instead of the terminal (a new file; see --force)"),
    ("audit.log.force", "Replace the file if it exists (never the database, a link or a device)"),
    ("audit.log.since", "From this date on"),
];

pub const CONFIG_INVALID: &str = "the config file is not valid; fix or remove it";

pub const QUERY_HEADER: &[&str] = &[
    "NIP",
    "Name",
    "Position",
    "Unit",
    "Grade",
    "Perf",
    "Potential",
    "Box",
];
pub const AUDIT_HEADER: &[&str] = &["No", "Time", "Actor", "Action", "Entity", "Hash"];

pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::NoParent(p) => format!("the folder {} does not exist; create it or choose another --db", p.display()),
        StoreError::Missing(p) => format!(
            "there is no talent-pool database at {}; create one with 'talenta demo' or 'talenta import FOLDER'",
            p.display()
        ),
        StoreError::NotDatabase { path, .. } => format!("{} is not a talenta database (corrupt, or another kind of file)", path.display()),
        StoreError::Newer { path, found, known } => format!(
            "the database {} has schema version {found}, newer than this talenta knows ({known}); upgrade talenta",
            path.display()
        ),
        e @ StoreError::Sqlite(_) if e.is_busy() => "the database is locked by another process for too long; try again in a moment".to_string(),
        e @ StoreError::Sqlite(_) if e.is_read_only() => "the database file or its folder is read-only; talenta cannot write to it".to_string(),
        e @ StoreError::Sqlite(_) if e.is_full() => "the disk is full: the database could not be written; nothing was changed".to_string(),
        StoreError::Sqlite(_) => "the database could not be read or written".to_string(),
        StoreError::Io(_) => "the database file could not be opened".to_string(),
    }
}

pub fn filter_invalid(column: usize, message: &str) -> String {
    format!("invalid filter at column {column}: {message}")
}

pub fn unknown_by_field(s: &str) -> String {
    format!(
        "cannot count by '{s}': not a filter field (e.g. unit, kotak, golongan, tingkat, pensiun)"
    )
}

/// The header of `query --by FIELD`: the field, then the count.
pub fn by_header(field: &str) -> Vec<String> {
    vec![field.to_string(), "count".to_string()]
}

/// The label of the employees without a value in `query --by`.
pub const BY_NONE: &str = "(none)";

/// The last line of `query --by`'s table.
pub fn by_total(groups: usize, total: usize) -> String {
    format!("{total} employees in {groups} groups")
}

pub fn unknown_sort_field(s: &str) -> String {
    format!(
        "cannot sort by '{s}': not a filter field (e.g. nama, usia, kotak, golongan, integritas)"
    )
}

/// Under the table: how many are shown, and of how many that match (when
/// `--limit` cut the list) in the pool.
pub fn matches_line(shown: usize, matched: usize, total: usize) -> String {
    if shown < matched {
        format!("{shown} employees shown of {matched} matching, {total} in the talent pool")
    } else {
        format!("{shown} employees shown of {total} in the talent pool")
    }
}

/// No employee has `nip`: or, when it is no NIP at all, why not (one
/// place for every command that takes a NIP).
pub fn nip_not_found(nip: &str) -> String {
    use crate::domain::nip::{malformed, NipError};
    let shown = crate::domain::text::one_line(nip);
    match malformed(nip) {
        Some(NipError::Length(n)) => {
            format!("not a valid NIP: a NIP has 18 digits ({n} given: {shown})")
        }
        Some(NipError::BirthDate) => format!(
            "not a valid NIP: its first 8 digits are the birth date, and {} is no date (given: {shown})",
            &nip.trim()[..8]
        ),
        Some(_) => format!(
            "not a valid NIP: a NIP is 18 digits 0-9, without blanks or punctuation (given: {shown})"
        ),
        None => format!("no employee has NIP {nip}"),
    }
}

pub fn audit_intact(entries: i64, head: &str) -> String {
    format!("audit trail intact: {entries} entries\nhead hash: {head}\n")
}

pub fn audit_broken(seq: i64, p: &Problem) -> String {
    match p {
        Problem::HashMismatch => format!("audit trail broken at entry {seq}: its content was changed (hash mismatch)"),
        Problem::ChainBreak => format!("audit trail broken at entry {seq}: the chain is cut (an entry was deleted, inserted or moved)"),
        Problem::Gap { expected } => format!("audit trail broken at entry {seq}: entry {expected} is missing"),
        Problem::HeadMismatch { expected, found } => format!(
            "the audit trail does not contain the head hash {expected} from the minutes (head now {found}); entries after {seq} may have been removed"
        ),
        Problem::RecordMismatch { entity, id } if seq == 0 => format!(
            "the {entity} record {id} has no audit entry that recorded it (inserted outside talenta)"
        ),
        Problem::RecordMismatch { entity, id } => format!(
            "the {entity} record {id} does not match audit entry {seq} that recorded it (changed, inserted or deleted outside talenta)"
        ),
        Problem::ClosedSessionChanged { session } => format!(
            "audit entry {seq} changes session {session} after it was closed, with no audited reopen before it"
        ),
        Problem::TriggersMissing => "the audit trail is no longer protected: the triggers refusing update/delete were dropped, changed or joined by others".to_string(),
    }
}

pub fn kinerja_name(k: Kinerja) -> &'static str {
    match k {
        Kinerja::DiBawah => "below expectations",
        Kinerja::Sesuai => "meets expectations",
        Kinerja::DiAtas => "above expectations",
    }
}

pub fn potensi_name(p: Potensi) -> &'static str {
    match p {
        Potensi::Rendah => "low",
        Potensi::Menengah => "medium",
        Potensi::Tinggi => "high",
    }
}

pub const SHOW: ShowLabels = ShowLabels {
    nip: "NIP",
    sex: "Sex",
    age: "age",
    born: "born",
    status: "Status",
    golongan: "grade",
    jabatan: "Position",
    since: "since",
    years: "years",
    unit: "Unit",
    pendidikan: "Education",
    bup: "Retirement (BUP)",
    kotak: "9-box",
    kinerja_axis: "performance",
    potensi_axis: "potential",
    talent_pool: "talent pool",
    no_box: "not yet known (no predikat or no potential)",
    kinerja: "Performance (SKP)",
    kompetensi: "Competencies",
    potensi: "Potential",
    score: "score",
    training: "Training",
    decisions: "Recommendations",
    session: "session",
    superseded: "amended by",
    history: "Position history",
    penalties: "Penalties",
    now: "now",
    none: "-",
};

pub const DEMO_FAILED: &str = "the demo talent pool could not be built";

pub fn demo_bad_size(n: usize) -> String {
    format!("demo size {n} is out of range: 100 to 5,000,000 employees")
}

pub fn cannot_write(p: &std::path::Path) -> String {
    format!("cannot write to {}", p.display())
}

pub fn demo_csv_written(n: usize, dir: &std::path::Path) -> String {
    format!(
        "demo pool CSV files ({n} employees) written to {}\n",
        dir.display()
    )
}

pub fn demo_exists(p: &std::path::Path) -> String {
    format!(
        "{} exists; run again with --force to replace it (the old one is kept as a backup)",
        p.display()
    )
}

pub fn demo_confirm(p: &std::path::Path) -> String {
    format!(
        "{} exists. Replace it with a demo pool? The old one is kept as a backup. [y/N] ",
        p.display()
    )
}

pub fn demo_built(n: usize, seed: u64, p: &std::path::Path) -> String {
    format!(
        "demo talent pool built: {n} employees, seed {seed}, in {}\n",
        p.display()
    )
}

pub fn demo_backup(p: &std::path::Path) -> String {
    format!("the previous database is kept as {}\n", p.display())
}

pub fn demo_first_run(n: usize, p: &std::path::Path) -> String {
    format!(
        "No talent pool yet: building the demo pool ({n} employees) in {} ...",
        p.display()
    )
}

pub fn demo_not_regular(path: &std::path::Path) -> String {
    format!("{} is not a regular file (a device, FIFO, folder or symbolic link); talenta demo only replaces an ordinary database file. Choose another --db", path.display())
}

/// A command-line text refused at the door (domain::text): which, what and where.
pub fn control_in(what: &str, e: &crate::domain::text::TextError) -> String {
    format!(
        "{what} holds a control or bidi character ({}) at character {}: type it again without it",
        e.code(),
        e.at
    )
}

pub const WHAT_AS_NAME: &str = "the actor's name (--as)";
pub const WHAT_FILTER: &str = "the filter";
pub const WHAT_NOTE: &str = "the note";

/// The headings of `--help`: usage, commands, arguments, options.
pub const HELP_HEADINGS: [&str; 4] = ["Usage", "Commands", "Arguments", "Options"];

/// A command line clap refused (exit 2): the first sentence.
pub fn usage_unknown_command(name: &str) -> String {
    format!("unknown command: '{name}'")
}
pub fn usage_unknown_argument(arg: &str) -> String {
    format!("unknown argument: '{arg}'")
}
pub fn usage_invalid_value(arg: &str, value: &str) -> String {
    format!("'{value}' is not a valid value for {arg}")
}
pub fn usage_valid_values(values: &str) -> String {
    format!("valid values: {values}")
}
pub fn usage_missing(args: &str) -> String {
    format!("required arguments were not given: {args}")
}
pub const USAGE_MISSING_COMMAND: &str = "the command is missing";
pub fn usage_conflict(arg: &str, other: &str) -> String {
    format!("{arg} cannot be used with {other}")
}
pub fn usage_values(arg: &str) -> String {
    format!("wrong number of values for {arg}")
}
pub fn usage_twice(arg: &str) -> String {
    format!("{arg} may be given only once")
}
pub const USAGE_OTHER: &str = "invalid command line";
pub fn usage_did_you_mean(s: &str) -> String {
    format!("did you mean: {s}")
}
pub fn usage_more(help: &str) -> String {
    format!("For more information: {help}")
}
/// clap's placeholders in a usage line.
/// How an argument's help names its values and its default.
pub const VALUE_WORDS: [&str; 2] = ["values", "default"];

pub const USAGE_WORDS: &[(&str, &str)] = &[];
