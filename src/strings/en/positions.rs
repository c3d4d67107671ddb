//! Positions, shortlists, comparison and the succession plan (English).

use crate::domain::eligibility::Ineligible;
use crate::domain::position::Group;
use crate::domain::succession::Readiness;
use crate::store::positions::{PlanError, PlanText};
use crate::strings::CompareLabels;

pub const POSITIONS_HEADER: &[&str] = &[
    "Code", "Position", "Tier", "Unit", "Status", "Holder", "Retires", "Required",
];
pub const SHORTLIST_HEADER: &[&str] = &[
    "#", "NIP", "Name", "Position", "Grade", "Box", "JPM", "Fill", "Map", "Gaps",
];
/// The `--all` table's last column: the codes of the conditions not met.
pub const NOT_MET_HEADER: &str = "Not met";
pub const SUCCESSION_HEADER: &[&str] = &["Code", "#", "NIP", "Name", "Readiness", "Note"];

pub fn group(g: Group) -> &'static str {
    match g {
        Group::Vacant => "vacant",
        Group::Retiring => "retiring",
        Group::Filled => "filled",
    }
}

pub fn readiness(r: Readiness) -> &'static str {
    match r {
        Readiness::Now => "ready now",
        Readiness::OneToTwo => "1-2 years",
        Readiness::ThreePlus => "3+ years",
    }
}

pub fn ineligible(e: &Ineligible) -> String {
    super::eligibility::not_met(e)
}

pub const ELIGIBLE: &str = "eligible";
pub const NOT_FULLY_ASSESSED: &str = "not fully assessed";

pub fn unknown_position(kode: &str) -> String {
    format!("no position has code {kode}; list them with 'talenta positions'")
}

pub fn compare_count(n: usize) -> String {
    format!("compare takes 2 to 6 NIPs, not {n}")
}

pub fn compare_duplicate(nip: &str) -> String {
    format!("NIP {nip} is given twice")
}

pub fn readiness_invalid(s: &str) -> String {
    format!("'{s}': siap_sekarang | 1_2_tahun | 3_tahun_lebih (or now, 1-2, 3+)")
}

pub fn plan_error(e: &PlanError) -> String {
    match e {
        PlanError::UnknownPosition(k) => unknown_position(k),
        PlanError::UnknownNip(n) => super::cli::nip_not_found(n),
        PlanError::Holder { kode, nip } => {
            format!("{nip} holds {kode} now and cannot be its successor")
        }
        PlanError::NotInPlan { kode, nip } => {
            format!("{nip} is not in the succession plan of {kode}")
        }
        PlanError::NoReason => "a removal needs a reason (--reason TEXT)".into(),
        PlanError::Frozen { .. } => super::krs::frozen(e),
        PlanError::InvalidText { field, error } => crate::strings::en::cli::control_in(
            match field {
                PlanText::Note => "the note (--note)",
                PlanText::Reason => "the reason (--reason)",
                PlanText::Actor => "the actor's name (--as)",
            },
            error,
        ),
        PlanError::Store(_) => "the database could not be read or written".into(),
    }
}

pub fn successor_added(kode: &str, nip: &str, r: Readiness) -> String {
    format!(
        "{nip} added to the succession plan of {kode} ({})\n",
        readiness(r)
    )
}

pub fn successor_changed(kode: &str, nip: &str, r: Readiness) -> String {
    format!(
        "succession plan of {kode} updated: {nip} ({})\n",
        readiness(r)
    )
}

pub fn successor_same(kode: &str, nip: &str) -> String {
    format!("{nip} is already in the succession plan of {kode} as given; nothing changed\n")
}

pub fn successor_removed(kode: &str, nip: &str) -> String {
    format!("{nip} removed from the succession plan of {kode}\n")
}

pub fn not_eligible_warning(why: &str) -> String {
    format!("note: by the eligibility rules this candidate is not eligible ({why})")
}

pub fn shortlist_all_line(shown: usize, eligible: usize, filtered: bool) -> String {
    if filtered {
        format!("{shown} shown of the candidates matching the filter, {eligible} of them eligible")
    } else {
        format!("{shown} candidates shown, {eligible} of them eligible")
    }
}

pub fn shortlist_line(shown: usize, eligible: usize, filtered: bool) -> String {
    if filtered {
        format!("{shown} shown of {eligible} eligible candidates matching the filter")
    } else {
        format!("{shown} shown of {eligible} eligible candidates")
    }
}

pub fn positions_line(n: usize, vacant: usize, retiring: usize, years: u32) -> String {
    format!(
        "{n} positions: {vacant} vacant, {retiring} with the holder retiring within {years} years"
    )
}

pub const COMPARE: CompareLabels = CompareLabels {
    nama: "Name",
    jabatan: "Position",
    tingkat: "Tier",
    golongan: "Grade",
    pendidikan: "Education",
    status: "Status",
    kotak: "Box",
    potensi: "Potential",
    skp: "SKP",
    masa_jabatan: "In post",
    pelatihan: "Training",
    pensiun: "Retires",
    jpm: "JPM",
    band: "Band",
    eligible: "Eligible",
    years: "yrs",
    none: "-",
};

// The committee screen.
pub const VIEW_POSITIONS: &str = "Positions";
pub const VIEW_SHORTLIST: &str = "Shortlist";
pub const VIEW_COMPARE: &str = "Compare";
pub const NO_POSITIONS: &str = "No positions in the database.";
pub const NO_ELIGIBLE: &str = "No eligible candidate matches the filter.";
pub const RANKING: &str = "Ranking the eligible candidates…";
pub const POSITIONS_HINT: &str = "Enter: shortlist";
/// The shortlist's key line: what each key does there (the keys come from
/// the key map).
pub const KEY_PROFILE: &str = "profile";
pub const KEY_MARK: &str = "mark";
pub const KEY_COMPARE: &str = "compare";
pub const KEY_CONDITIONS: &str = "conditions";
pub const KEY_SESSION: &str = "session";
pub const KEY_CHOOSE: &str = "choose";
/// What each mark before a candidate means (recused, discussed,
/// recommended, KRS), for the legend.
pub const MARK_NAMES: [&str; 4] = ["stepped aside", "discussed", "recommended", "KRS member"];

/// A step of the path in the title bar: the list of one box.
pub fn view_box(b: u8) -> String {
    format!("Box {b}")
}
pub const COMPARE_NEEDS_TWO: &str = "mark 2 to 6 candidates (space) to compare";
pub const MARK_LIMIT: &str = "at most 6 candidates can be compared";
pub const REQUIRED: &str = "required";
/// The first line of the conditions panel (shortlist and compare screens).
pub const CONDITIONS_HINT: &str =
    "Conditions: ✓ met · ✗ not met · ? unknown (data missing) · e / esc: close";

/// A candidate's heading in the conditions panel.
pub fn conditions_heading(nama: &str, nip: &str, failed: usize) -> String {
    match failed {
        0 => format!("{nama} ({nip}): meets every condition"),
        1 => format!("{nama} ({nip}): 1 condition not met"),
        n => format!("{nama} ({nip}): {n} conditions not met"),
    }
}

pub fn marked(n: usize) -> String {
    format!("{n} marked")
}

pub fn retiring_within(years: u32) -> String {
    format!("retiring within {years} years")
}

pub fn eligible_count(n: usize) -> String {
    format!("{n} eligible")
}

pub fn against(kode: &str) -> String {
    format!("against {kode}")
}

/// The comparison's own keys, in the help and docs/keys.md.
pub const KEY_HELP_COMPARE_LEFT: &str = "choose the compared candidate on the left";
pub const KEY_HELP_COMPARE_RIGHT: &str = "choose the compared candidate on the right";
pub const KEY_HELP_COMPARE_OPEN: &str = "profile of the chosen candidate";
