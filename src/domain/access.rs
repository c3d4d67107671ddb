//! Who may do what: the roles of `talenta serve` and the one table of
//! role x action that the screen, the session backend and the command line
//! consult (contract `serve.md`, "What a role may do").
//!
//! The roles follow the committee's work as the regulation divides it
//! (PP 11/2017 jo. PP 17/2020 Pasal 56(2)-(4), 199, 200(1): the committee
//! gives recommendations, the PPK decides and issues the SK):
//! - `sekretaris` runs the session: attendance, the record of recommendations
//!   and calibrations, the minutes;
//! - `anggota` reviews, declares their own conflict of interest and votes;
//! - `ppk` decides: records the outcome of a recommendation and establishes
//!   the KRS by SK (Pasal 199, 200);
//! - `admin` (BKD/BKPSDM) imports and manages access;
//! - `pengamat` reads only.
//!
//! Ours, not the regulation's: that a secretary may also vote (ketua and
//! sekretaris are members of the committee too) and that the PPK's
//! establishment of a KRS may be recorded by the secretary on the PPK's
//! behalf (the SK number is required either way).
//!
//! The local command line and screen are the administrator's tools: there is
//! no role there ([`Access::Local`]), everything is allowed and the actor is
//! the OS user (or `--as`).

use std::fmt;

/// A role granted with a key (`talenta access add NAME --role ROLE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Admin,
    Sekretaris,
    Anggota,
    Ppk,
    Pengamat,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Sekretaris,
        Role::Anggota,
        Role::Ppk,
        Role::Pengamat,
    ];

    /// The stored and printed name.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Sekretaris => "sekretaris",
            Role::Anggota => "anggota",
            Role::Ppk => "ppk",
            Role::Pengamat => "pengamat",
        }
    }

    /// The code, or an English alias (`secretary`, `member`, `observer`),
    /// in any case and with blanks around it.
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "admin" | "administrator" => Role::Admin,
            "sekretaris" | "secretary" => Role::Sekretaris,
            "anggota" | "member" => Role::Anggota,
            "ppk" => Role::Ppk,
            "pengamat" | "observer" => Role::Pengamat,
            _ => return None,
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Everything a person can do that a role may be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// Look at the pool, profiles, positions, sessions (every role).
    View,
    /// Import files (command line only).
    Import,
    /// Grant and remove access.
    ManageAccess,
    /// Create a session, record attendance, mark candidates discussed.
    RunSession,
    /// Record a recusal in another member's name.
    RecordRecusal,
    /// Declare one's own conflict of interest (benturan kepentingan).
    DeclareOwnConflict,
    /// Record or amend a recommendation.
    Recommend,
    /// Record a talent review (calibration).
    Calibrate,
    /// Open or close a vote on a recommendation or calibration.
    RunVote,
    /// Cast one's own vote in an open vote.
    CastVote,
    /// Close or reopen a session.
    CloseSession,
    /// Write the minutes (berita acara) to a file.
    WriteMinutes,
    /// Record the PPK's outcome of a recommendation.
    RecordOutcome,
    /// Record the KRS the PPK established by SK.
    EstablishKrs,
    /// Change the succession plan (rencana suksesi).
    EditSuccession,
}

impl Act {
    pub const ALL: [Act; 15] = [
        Act::View,
        Act::Import,
        Act::ManageAccess,
        Act::RunSession,
        Act::RecordRecusal,
        Act::DeclareOwnConflict,
        Act::Recommend,
        Act::Calibrate,
        Act::RunVote,
        Act::CastVote,
        Act::CloseSession,
        Act::WriteMinutes,
        Act::RecordOutcome,
        Act::EstablishKrs,
        Act::EditSuccession,
    ];
}

/// Whether `role` may take `act`: the one table (contract `serve.md`).
pub fn permits(role: Role, act: Act) -> bool {
    use Act::*;
    match role {
        Role::Admin => matches!(act, View | Import | ManageAccess),
        Role::Sekretaris => matches!(
            act,
            View | RunSession
                | RecordRecusal
                | DeclareOwnConflict
                | Recommend
                | Calibrate
                | RunVote
                | CastVote
                | CloseSession
                | WriteMinutes
                | EstablishKrs
                | EditSuccession
        ),
        Role::Anggota => matches!(act, View | DeclareOwnConflict | CastVote),
        Role::Ppk => matches!(act, View | RecordOutcome | EstablishKrs),
        Role::Pengamat => matches!(act, View),
    }
}

/// The roles that may take `act` (for the refusal's text: "only sekretaris").
pub fn roles_for(act: Act) -> Vec<Role> {
    Role::ALL.into_iter().filter(|r| permits(*r, act)).collect()
}

/// A person who proved who they are with a granted key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub role: Role,
    /// The key's fingerprint as OpenSSH prints it (`SHA256:…`).
    pub key: String,
}

/// Who is at the keyboard: the administrator at the server (no role: every
/// act allowed), or a member known by their key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Access {
    #[default]
    Local,
    Member(Identity),
}

/// An act refused to a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denied {
    pub role: Role,
    pub act: Act,
}

impl Access {
    pub fn check(&self, act: Act) -> Result<(), Denied> {
        match self {
            Access::Local => Ok(()),
            Access::Member(m) if permits(m.role, act) => Ok(()),
            Access::Member(m) => Err(Denied { role: m.role, act }),
        }
    }

    pub fn identity(&self) -> Option<&Identity> {
        match self {
            Access::Local => None,
            Access::Member(m) => Some(m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_by_code_and_english_alias() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert_eq!(Role::parse(" Secretary "), Some(Role::Sekretaris));
        assert_eq!(Role::parse("member"), Some(Role::Anggota));
        assert_eq!(Role::parse("OBSERVER"), Some(Role::Pengamat));
        assert_eq!(Role::parse("ketua"), None);
        assert_eq!(Role::parse(""), None);
    }

    #[test]
    fn every_role_may_view_and_only_the_secretary_runs_a_session() {
        for r in Role::ALL {
            assert!(permits(r, Act::View), "{r} views");
        }
        assert_eq!(roles_for(Act::Recommend), vec![Role::Sekretaris]);
        assert_eq!(roles_for(Act::RunVote), vec![Role::Sekretaris]);
        assert_eq!(roles_for(Act::RecordOutcome), vec![Role::Ppk]);
        assert_eq!(roles_for(Act::ManageAccess), vec![Role::Admin]);
        assert_eq!(
            roles_for(Act::CastVote),
            vec![Role::Sekretaris, Role::Anggota]
        );
    }

    #[test]
    fn an_observer_may_do_nothing_but_look() {
        for act in Act::ALL {
            assert_eq!(permits(Role::Pengamat, act), act == Act::View, "{act:?}");
        }
    }

    #[test]
    fn the_local_administrator_may_do_everything() {
        for act in Act::ALL {
            assert!(Access::Local.check(act).is_ok());
        }
        let m = Access::Member(Identity {
            name: "Dewi".into(),
            role: Role::Anggota,
            key: "SHA256:x".into(),
        });
        assert_eq!(
            m.check(Act::Recommend),
            Err(Denied {
                role: Role::Anggota,
                act: Act::Recommend
            })
        );
        assert!(m.check(Act::CastVote).is_ok());
    }
}
