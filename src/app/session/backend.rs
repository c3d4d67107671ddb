//! Where the session screen reads and writes: the store (one connection of
//! its own, the actor of `--as`, the rules in force) in the real program and
//! in tests. Every write is one of `store::session`'s transactions, and is
//! refused before the database is touched when the role of the person at the
//! keyboard does not allow it (`domain::access`): the screen checks first
//! (`app::access`), this is the second line.

use crate::domain::access::{Access, Act, Denied};
use crate::domain::session::Refusal;
use crate::domain::{Pool, Position, Rules};
use crate::lang::Lang;
use crate::minutes;
use crate::store::krs::{Establish, Established, KrsError};
use crate::store::session::calibration::CalibrationInput;
use crate::store::session::outcome::{Awaiting, OutcomeInput};
use crate::store::session::{
    self as ss, Amendment, Decision, DecisionInput, NewSession, SessionDetail, SessionError,
    SessionRow,
};
use crate::store::{Actor, Store};
use std::path::{Path, PathBuf};

/// Why a session action did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The rules refused it (nothing was written).
    Refused(Refusal),
    /// The database or the file system failed; the error's text.
    Failed(String),
    /// The minutes were not written to this path (it exists, is the
    /// database, a link or a device, or the write failed).
    NotSaved(PathBuf, minutes::SaveError),
    /// The role of the member at the keyboard does not allow it (nothing
    /// was written).
    Denied(Denied),
}

impl From<SessionError> for Problem {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::Refused(r) => Problem::Refused(r),
            SessionError::Store(s) => Problem::Failed(s.to_string()),
        }
    }
}

pub type Outcome<T> = Result<T, Problem>;

pub use crate::minutes::MinutesFormat;

/// Everything the session screen asks of the database.
pub trait SessionBackend {
    fn list(&mut self) -> Outcome<Vec<SessionRow>>;
    fn detail(&mut self, id: i64) -> Outcome<SessionDetail>;
    fn decisions_for(&mut self, nip: &str) -> Outcome<Vec<Decision>>;
    fn position_exists(&mut self, kode: &str) -> Outcome<bool>;
    fn create(&mut self, s: &NewSession) -> Outcome<i64>;
    fn attend(&mut self, id: i64, name: &str) -> Outcome<()>;
    fn recuse(&mut self, id: i64, member: &str, nip: &str, reason: &str) -> Outcome<()>;
    fn discussed(&mut self, id: i64, nip: &str) -> Outcome<()>;
    fn decide(&mut self, id: i64, d: &DecisionInput) -> Outcome<i64>;
    /// Record a talent review (calibration); returns its id.
    fn calibrate(&mut self, id: i64, c: &CalibrationInput) -> Outcome<i64>;
    fn amend(&mut self, decision: i64, a: &Amendment) -> Outcome<i64>;
    /// Returns the audit head after closing.
    fn close(&mut self, id: i64) -> Outcome<String>;
    fn reopen(&mut self, id: i64, reason: &str) -> Outcome<()>;
    /// The recommendations awaiting the PPK's outcome, across sessions.
    fn awaiting(&mut self) -> Outcome<Vec<Awaiting>>;
    /// Record the PPK's outcome of a recommendation; returns its id.
    fn outcome(&mut self, o: &OutcomeInput) -> Outcome<i64>;
    /// Write the minutes to `path` (an existing file only when `overwrite`;
    /// never the database); returns the path written (absolute when known).
    fn write_minutes(
        &mut self,
        id: i64,
        format: MinutesFormat,
        lang: Lang,
        path: &Path,
        overwrite: bool,
    ) -> Outcome<PathBuf>;
    /// A number that changes when another connection commits (`PRAGMA data_version`).
    fn data_version(&mut self) -> Option<i64>;
    /// Establish the KRS of a period from the plan, every entry checked on
    /// `pool`'s data (`store::krs::establish_plan`). The outer error: refused
    /// before the store was asked (the role).
    fn establish_krs(
        &mut self,
        what: &Establish<'_>,
        pool: &Pool,
        positions: &[Position],
    ) -> Outcome<Result<Established, KrsError>>;
    /// The positions with their plan and KRS, read again.
    fn positions(&mut self) -> Outcome<Vec<Position>>;
    /// The committee's votes (`session/vote.rs`), when this back end has them.
    fn votes(&mut self) -> Option<&mut dyn super::vote::VoteBackend> {
        None
    }
}

/// The store as the session screen's back end.
pub struct StoreSessions {
    pub store: Store,
    pub actor: Actor,
    pub rules: Rules,
    /// Who is at the keyboard: every write is checked against it.
    pub access: Access,
    /// Who issues the minutes (the config's `[agency]`).
    pub agency: crate::config::Agency,
}

impl StoreSessions {
    /// The back end of the local screen ([`Access::Local`]: every act allowed).
    pub fn new(store: Store, actor: Actor, rules: Rules) -> StoreSessions {
        StoreSessions {
            store,
            actor,
            rules,
            access: Access::Local,
            agency: Default::default(),
        }
    }

    /// The same, for a member signed in by key (`talenta serve`): their role
    /// decides which writes are refused.
    pub fn with_access(self, access: Access) -> StoreSessions {
        StoreSessions { access, ..self }
    }

    /// Whether the person at the keyboard may take `act`.
    pub fn permit(&self, act: Act) -> Outcome<()> {
        self.access.check(act).map_err(Problem::Denied)
    }

    /// A recusal in one's own name is a declaration of one's own conflict;
    /// in another member's name it is the secretary's record.
    fn recusal_act(&self, member: &str) -> Act {
        match self.access.identity() {
            Some(i) if i.name == member => Act::DeclareOwnConflict,
            _ => Act::RecordRecusal,
        }
    }
}

impl SessionBackend for StoreSessions {
    fn votes(&mut self) -> Option<&mut dyn super::vote::VoteBackend> {
        Some(self)
    }

    fn list(&mut self) -> Outcome<Vec<SessionRow>> {
        Ok(ss::list(&self.store.conn)?)
    }

    fn detail(&mut self, id: i64) -> Outcome<SessionDetail> {
        Ok(ss::detail(&self.store.conn, id)?)
    }

    fn decisions_for(&mut self, nip: &str) -> Outcome<Vec<Decision>> {
        Ok(ss::decisions_for(&self.store.conn, nip)?)
    }

    fn position_exists(&mut self, kode: &str) -> Outcome<bool> {
        crate::store::positions::position_exists(&self.store.conn, kode)
            .map_err(|e| Problem::Failed(e.to_string()))
    }

    fn create(&mut self, s: &NewSession) -> Outcome<i64> {
        self.permit(Act::RunSession)?;
        Ok(ss::create(&mut self.store, &self.actor, s)?)
    }

    fn attend(&mut self, id: i64, name: &str) -> Outcome<()> {
        self.permit(Act::RunSession)?;
        Ok(ss::attend(
            &mut self.store,
            &self.actor,
            id,
            &[name.to_string()],
        )?)
    }

    fn recuse(&mut self, id: i64, member: &str, nip: &str, reason: &str) -> Outcome<()> {
        self.permit(self.recusal_act(member))?;
        Ok(ss::recuse(
            &mut self.store,
            &self.actor,
            id,
            member,
            nip,
            reason,
        )?)
    }

    fn discussed(&mut self, id: i64, nip: &str) -> Outcome<()> {
        self.permit(Act::RunSession)?;
        Ok(ss::mark_discussed(&mut self.store, &self.actor, id, nip)?)
    }

    fn calibrate(&mut self, id: i64, c: &CalibrationInput) -> Outcome<i64> {
        self.permit(Act::Calibrate)?;
        Ok(crate::store::session::calibration::calibrate(
            &mut self.store,
            &self.actor,
            &self.rules,
            id,
            c,
        )?)
    }

    fn decide(&mut self, id: i64, d: &DecisionInput) -> Outcome<i64> {
        self.permit(Act::Recommend)?;
        Ok(ss::decide(
            &mut self.store,
            &self.actor,
            &self.rules,
            id,
            d,
        )?)
    }

    fn amend(&mut self, decision: i64, a: &Amendment) -> Outcome<i64> {
        self.permit(Act::Recommend)?;
        Ok(ss::amend(
            &mut self.store,
            &self.actor,
            &self.rules,
            decision,
            a,
        )?)
    }

    fn close(&mut self, id: i64) -> Outcome<String> {
        self.permit(Act::CloseSession)?;
        Ok(ss::close(&mut self.store, &self.actor, id)?)
    }

    fn reopen(&mut self, id: i64, reason: &str) -> Outcome<()> {
        self.permit(Act::CloseSession)?;
        Ok(ss::reopen(&mut self.store, &self.actor, id, reason)?)
    }

    fn awaiting(&mut self) -> Outcome<Vec<Awaiting>> {
        Ok(ss::outcome::awaiting(&self.store.conn)?)
    }

    fn outcome(&mut self, o: &OutcomeInput) -> Outcome<i64> {
        self.permit(Act::RecordOutcome)?;
        Ok(ss::outcome::record(&mut self.store, &self.actor, o)?)
    }

    fn write_minutes(
        &mut self,
        id: i64,
        format: MinutesFormat,
        lang: Lang,
        path: &Path,
        overwrite: bool,
    ) -> Outcome<PathBuf> {
        self.permit(Act::WriteMinutes)?;
        let mut d = self.detail(id)?;
        ss::vote::name_votes(&self.store.conn, &mut d, &self.rules)?;
        let paper = minutes::Paper::new(lang, &self.agency);
        let bytes = minutes::render(&d, format, &paper).map_err(Problem::Failed)?;
        minutes::save(path, &bytes, overwrite, &self.store.path)
            .map_err(|e| Problem::NotSaved(path.to_path_buf(), e))?;
        Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }

    fn data_version(&mut self) -> Option<i64> {
        self.store
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .ok()
    }

    fn establish_krs(
        &mut self,
        what: &Establish<'_>,
        pool: &Pool,
        positions: &[Position],
    ) -> Outcome<Result<Established, KrsError>> {
        self.permit(Act::EstablishKrs)?;
        Ok(crate::store::krs::establish_plan(
            &mut self.store,
            &self.actor,
            what,
            pool,
            positions,
        ))
    }

    fn positions(&mut self) -> Outcome<Vec<Position>> {
        crate::store::positions::load_positions(&self.store.conn)
            .map_err(|e| Problem::Failed(e.to_string()))
    }
}
