//! The session screen's forms: fields of text, of several lines (members) or
//! a choice among a few values, edited by key; no drawing, no storage.

use super::backend::{MinutesFormat, Problem};
use crate::app::input::LineInput;
use crate::domain::outcome::OutcomeStatus;
use crate::domain::session::DecisionKind;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Date,
    Members,
    Quorum,
    Agenda,
    Kind,
    Position,
    Grounds,
    Votes,
    Member,
    Reason,
    Format,
    Path,
    /// The agreed box of a calibration.
    Kotak,
    /// The KRS establishment: its period (a year), SK date and scope (the
    /// selected position or every position with a plan); its SK number is `Sk`.
    Period,
    SkDate,
    Scope,
    /// The PPK's outcome: ditetapkan, ditolak, ditunda.
    Status,
    /// The SK's number.
    Sk,
}

#[derive(Debug, Clone)]
pub enum Value {
    Text(LineInput),
    /// Several lines (members, one a line); `at` is the line being edited.
    Lines {
        lines: Vec<LineInput>,
        at: usize,
    },
    /// One of `len` options (their meaning depends on the field).
    Choice {
        at: usize,
        len: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub value: Value,
}

impl Field {
    pub fn text(id: FieldId, s: &str) -> Field {
        Field {
            id,
            value: Value::Text(LineInput::new(s)),
        }
    }

    pub fn choice(id: FieldId, at: usize, len: usize) -> Field {
        Field {
            id,
            value: Value::Choice {
                at: at.min(len.saturating_sub(1)),
                len,
            },
        }
    }

    pub fn lines(id: FieldId) -> Field {
        Field {
            id,
            value: Value::Lines {
                lines: vec![LineInput::default()],
                at: 0,
            },
        }
    }

    /// The field's text (lines joined by newlines); empty for a choice.
    pub fn string(&self) -> String {
        match &self.value {
            Value::Text(i) => i.text().to_string(),
            Value::Lines { lines, .. } => lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n"),
            Value::Choice { .. } => String::new(),
        }
    }

    pub fn chosen(&self) -> usize {
        match self.value {
            Value::Choice { at, .. } => at,
            _ => 0,
        }
    }

    /// The line input being edited, if the field is text.
    fn input(&mut self) -> Option<&mut LineInput> {
        match &mut self.value {
            Value::Text(i) => Some(i),
            Value::Lines { lines, at } => lines.get_mut(*at),
            Value::Choice { .. } => None,
        }
    }
}

/// A pasted line with tabs and line breaks as blanks (a carriage return
/// dropped).
fn blanks(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '\r')
        .map(|c| if matches!(c, '\n' | '\t') { ' ' } else { c })
        .collect()
}

/// Which form, and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    NewSession,
    Decide {
        session: i64,
        nip: String,
        nama: String,
    },
    /// Talent review: the box the committee agrees for a candidate.
    Calibrate {
        session: i64,
        nip: String,
        nama: String,
    },
    Amend {
        session: i64,
        decision: i64,
        nip: String,
        nama: String,
    },
    Recuse {
        session: i64,
        nip: String,
        nama: String,
        /// The members to choose from.
        members: Vec<String>,
    },
    /// A member's own conflict of interest, in their name.
    DeclareConflict {
        session: i64,
        nip: String,
        nama: String,
        member: String,
    },
    Close {
        session: i64,
    },
    Reopen {
        session: i64,
    },
    Minutes {
        session: i64,
    },
    /// The PPK's establishment of the KRS: `position` is the positions
    /// screen's selected position (kode, nama), the scope's first choice.
    EstablishKrs {
        position: Option<(String, String)>,
    },
    /// The PPK's outcome of a recommendation (the latest version).
    Outcome {
        decision: i64,
        nip: String,
        nama: String,
    },
    /// Cancel a committee vote, with a reason (`session/vote.rs`).
    CancelVote {
        vote: i64,
    },
}

/// What is wrong with a form's input (beyond the rules' refusals).
#[derive(Debug, Clone, PartialEq)]
pub enum FormProblem {
    Problem(Problem),
    BadDate(String),
    BadMember(String),
    NoMembers,
    BadQuorum(String),
    BadVotes(String),
    NoPath,
    /// The agreed box is not a whole number.
    BadBox(String),
    /// The KRS period is not a year.
    BadPeriod(String),
    /// Plan entries fail the KRS conditions: nothing was established.
    KrsFailing {
        period: i32,
        failures: Vec<crate::domain::krs::Failure>,
    },
    /// Another refusal of the establishment, in the user's words.
    KrsRefused(String),
}

impl From<Problem> for FormProblem {
    fn from(p: Problem) -> Self {
        FormProblem::Problem(p)
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last submit was refused (nothing was written).
    pub problem: Option<FormProblem>,
}

impl Form {
    pub fn new(kind: FormKind, fields: Vec<Field>) -> Form {
        let mut f = Form {
            kind,
            fields,
            focus: 0,
            problem: None,
        };
        if !f.enabled(0) {
            f.next_field();
        }
        f
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn text(&self, id: FieldId) -> String {
        self.field(id).map(Field::string).unwrap_or_default()
    }

    /// The decision kind chosen (decision and amendment forms).
    pub fn kind(&self) -> DecisionKind {
        let at = self.field(FieldId::Kind).map(Field::chosen).unwrap_or(0);
        DecisionKind::ALL[at.min(DecisionKind::ALL.len() - 1)]
    }

    /// The outcome chosen (the outcome form).
    pub fn outcome_status(&self) -> OutcomeStatus {
        let at = self.field(FieldId::Status).map(Field::chosen).unwrap_or(0);
        OutcomeStatus::ALL[at.min(OutcomeStatus::ALL.len() - 1)]
    }

    pub fn format(&self) -> MinutesFormat {
        let at = self.field(FieldId::Format).map(Field::chosen).unwrap_or(0);
        MinutesFormat::ALL[at.min(MinutesFormat::ALL.len() - 1)]
    }

    /// Whether field `i` takes input now: the target position only for the
    /// kinds that move a candidate to a post.
    pub fn enabled(&self, i: usize) -> bool {
        match self.fields.get(i).map(|f| f.id) {
            Some(FieldId::Position) => self.kind().takes_position(),
            Some(FieldId::Sk) => self.outcome_status().needs_sk(),
            Some(_) => true,
            None => false,
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn next_field(&mut self) {
        let n = self.fields.len();
        for k in 1..=n {
            let i = (self.focus + k) % n;
            if self.enabled(i) {
                self.focus = i;
                return;
            }
        }
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len();
        for k in 1..=n {
            let i = (self.focus + n - k) % n;
            if self.enabled(i) {
                self.focus = i;
                return;
            }
        }
    }

    /// Up: the line above in a multi-line field, else the previous field.
    pub fn up(&mut self) {
        if let Some(Field {
            value: Value::Lines { at, .. },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            if *at > 0 {
                *at -= 1;
                return;
            }
        }
        self.prev_field();
    }

    /// Down: the line below in a multi-line field, else the next field.
    pub fn down(&mut self) {
        if let Some(Field {
            value: Value::Lines { lines, at },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            if *at + 1 < lines.len() {
                *at += 1;
                return;
            }
        }
        self.next_field();
    }

    /// Enter inside a multi-line field starts a new line; returns false when
    /// the focused field is not multi-line (Enter then submits).
    pub fn newline(&mut self) -> bool {
        match self.fields.get_mut(self.focus) {
            Some(Field {
                value: Value::Lines { lines, at },
                ..
            }) => {
                if lines.get(*at).is_some_and(|l| !l.text().trim().is_empty()) {
                    lines.insert(*at + 1, LineInput::default());
                    *at += 1;
                }
                true
            }
            _ => false,
        }
    }

    pub fn insert(&mut self, c: char) -> bool {
        // A box is one digit: what is typed replaces the box the form started
        // from (the box in effect), so typing `8` over it gives 8, not 58.
        let one_digit = self.fields.get(self.focus).map(|f| f.id) == Some(FieldId::Kotak);
        let changed = self
            .fields
            .get_mut(self.focus)
            .and_then(Field::input)
            .is_some_and(|i| {
                if one_digit {
                    i.clear();
                }
                i.insert(c)
            });
        if changed {
            self.problem = None;
        }
        changed
    }

    /// Pasted text: lines into a multi-line field, blanks for newlines
    /// elsewhere; control and bidi characters never enter (domain::text).
    /// Linear in the paste's length. Returns whether something was cut at a
    /// field's limit (the screen then says so).
    pub fn paste(&mut self, text: &str) -> bool {
        let multi = matches!(
            self.fields.get(self.focus).map(|f| &f.value),
            Some(Value::Lines { .. })
        );
        let mut cut = false;
        let mut insert = |f: &mut Form, s: &str| {
            let p = f
                .fields
                .get_mut(f.focus)
                .and_then(Field::input)
                .map(|i| i.insert_str(s));
            if p.is_some_and(|p| p.inserted > 0) {
                f.problem = None;
            }
            cut |= p.is_some_and(|p| p.cut);
        };
        if multi {
            let mut lines = text.split('\n');
            insert(self, &blanks(lines.next().unwrap_or("")));
            for line in lines {
                self.newline();
                insert(self, &blanks(line));
            }
        } else {
            insert(self, &blanks(text));
        }
        cut
    }

    /// Left: cursor left in text, the previous option in a choice.
    pub fn left(&mut self) {
        self.cycle(-1, |i| i.left());
    }

    pub fn right(&mut self) {
        self.cycle(1, |i| i.right());
    }

    fn cycle(&mut self, delta: isize, edit: impl FnOnce(&mut LineInput)) {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        let id = f.id;
        match &mut f.value {
            Value::Choice { at, len } if *len > 0 => {
                *at = ((*at as isize + delta).rem_euclid(*len as isize)) as usize;
                self.problem = None;
                self.choice_changed(id);
            }
            Value::Choice { .. } => {}
            _ => {
                if let Some(i) = f.input() {
                    edit(i);
                }
            }
        }
    }

    /// A new minutes format renames a path that still is the default one.
    fn choice_changed(&mut self, id: FieldId) {
        if id != FieldId::Format {
            return;
        }
        let FormKind::Minutes { session } = self.kind else {
            return;
        };
        let format = self.format();
        let path = self.text(FieldId::Path);
        if MinutesFormat::ALL
            .iter()
            .any(|f| f.default_path(session) == path)
        {
            if let Some(p) = self.field_mut(FieldId::Path) {
                *p = Field::text(FieldId::Path, &format.default_path(session));
            }
        }
    }

    /// An edit of the focused text input (delete, home, ...); backspace on an
    /// empty line of a multi-line field removes the line.
    pub fn edit(&mut self, f: impl FnOnce(&mut LineInput) -> bool) {
        if let Some(Field {
            value: Value::Lines { lines, at },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            if lines.len() > 1 && lines[*at].text().is_empty() {
                let mut probe = lines[*at].clone();
                if !f(&mut probe) {
                    lines.remove(*at);
                    *at = at.saturating_sub(1);
                    lines[*at].end();
                }
                return;
            }
        }
        if let Some(i) = self.fields.get_mut(self.focus).and_then(Field::input) {
            if f(i) {
                self.problem = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision_form() -> Form {
        Form::new(
            FormKind::Decide {
                session: 1,
                nip: "1".into(),
                nama: "A".into(),
            },
            vec![
                Field::choice(FieldId::Kind, 0, DecisionKind::ALL.len()),
                Field::text(FieldId::Position, ""),
                Field::text(FieldId::Grounds, ""),
                Field::text(FieldId::Votes, ""),
            ],
        )
    }

    #[test]
    fn position_is_skipped_for_kinds_without_one() {
        let mut f = decision_form();
        assert_eq!(f.kind(), DecisionKind::Promosi);
        f.next_field();
        assert_eq!(f.focused().unwrap().id, FieldId::Position);
        f.prev_field();
        f.left();
        assert_eq!(f.kind(), DecisionKind::TidakDirekomendasikan);
        f.next_field();
        assert_eq!(f.focused().unwrap().id, FieldId::Grounds);
        f.prev_field();
        assert_eq!(f.focused().unwrap().id, FieldId::Kind);
        f.right();
        assert_eq!(f.kind(), DecisionKind::Promosi);
    }

    #[test]
    fn members_are_lines() {
        let mut f = Form::new(FormKind::NewSession, vec![Field::lines(FieldId::Members)]);
        f.paste("Siti:ketua\nBudi\n");
        assert_eq!(f.text(FieldId::Members), "Siti:ketua\nBudi\n");
        // An empty line is not doubled, and backspace on it joins back.
        assert!(f.newline());
        f.edit(LineInput::delete_back);
        assert_eq!(f.text(FieldId::Members), "Siti:ketua\nBudi");
        f.up();
        f.insert('!');
        assert_eq!(f.text(FieldId::Members), "Siti:ketua!\nBudi");
    }

    #[test]
    fn minutes_path_follows_the_format_until_edited() {
        let mut f = Form::new(
            FormKind::Minutes { session: 3 },
            vec![
                Field::choice(FieldId::Format, 0, 4),
                Field::text(FieldId::Path, "berita-acara-3.md"),
            ],
        );
        f.right();
        assert_eq!(f.text(FieldId::Path), "berita-acara-3.csv");
        f.next_field();
        f.insert('x');
        f.prev_field();
        f.right();
        assert_eq!(f.text(FieldId::Path), "berita-acara-3.csvx");
    }
}
