//! Typed errors of the library: a refused input names its field, the value and what is
//! accepted.

use std::fmt;

use thiserror::Error;

use crate::i18n::Lang;
use crate::input::csv::RowError;
pub use crate::input::field::Field;
use crate::input::grammar::Problem;
use crate::input::json::LineError;

/// What was wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// The value does not follow the field's grammar or range.
    Value(Problem),
    /// The indication is not one the tool knows; the nearest name when one is close.
    UnknownIndication(Option<&'static str>),
    /// A required field is absent.
    Missing,
    /// Given together with a field it excludes.
    Conflicts(Field),
    /// Given without a field it needs.
    Needs(Field),
    /// A taper the dose or the patient does not allow.
    Refused(crate::dosing::taper::Refusal),
}

/// A refused input: the field, the value as given, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct InputError {
    /// The field.
    pub field: Field,
    /// The value as given (empty when missing).
    pub value: String,
    /// What was wrong.
    pub wrong: Wrong,
}

impl InputError {
    /// A refused value.
    pub fn value(field: Field, value: &str, problem: Problem) -> InputError {
        InputError {
            field,
            value: value.to_string(),
            wrong: Wrong::Value(problem),
        }
    }

    /// A missing required field.
    pub fn missing(field: Field) -> InputError {
        InputError {
            field,
            value: String::new(),
            wrong: Wrong::Missing,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message(Lang::En))
    }
}

/// Why one record of a batch (a JSON line, a CSV row) gives no patient. The run goes on: it
/// becomes an error record in place.
#[derive(Debug, Error)]
pub enum RecordProblem {
    /// A field is missing, malformed, out of range or in conflict.
    #[error(transparent)]
    Input(#[from] InputError),
    /// Not valid UTF-8 from byte `at` on (0-based), in the field's cell when one is known.
    #[error("not valid UTF-8 (at byte {})", .at + 1)]
    NotUtf8 {
        /// The CSV column, when the problem is in one cell.
        field: Option<Field>,
        /// Where the valid text ends.
        at: usize,
    },
    /// A JSON line that is not an object (an array, a string, ...).
    #[error("a line must be a JSON object")]
    NotAnObject,
    /// A JSON line that is not a patient object.
    #[error(transparent)]
    Line(#[from] LineError),
    /// A line longer than [`MAX_LINE`](crate::input::line::MAX_LINE).
    #[error("the line is longer than 1 MiB")]
    TooLong,
    /// A CSV row that cannot be read.
    #[error(transparent)]
    Row(#[from] RowError),
    /// A CSV row with another number of cells than the header.
    #[error("the row has {cells} cells, the header {header}")]
    Width {
        /// The row's cells.
        cells: usize,
        /// The header's cells.
        header: usize,
    },
}

impl RecordProblem {
    /// The JSON key or CSV column at fault, `None` when the record as a whole is.
    pub fn field(&self) -> Option<&str> {
        match self {
            RecordProblem::Input(err) => Some(err.field.key()),
            RecordProblem::NotUtf8 { field, .. } => field.map(Field::key),
            RecordProblem::Line(LineError::UnknownKey(key)) => Some(key),
            RecordProblem::NotAnObject
            | RecordProblem::Line(LineError::Json(_))
            | RecordProblem::TooLong
            | RecordProblem::Row(_)
            | RecordProblem::Width { .. } => None,
        }
    }
}

/// Why a batch as a whole cannot run: one line on stderr, exit 2.
#[derive(Debug, Error)]
pub enum BatchError {
    /// The input file cannot be opened.
    #[error("cannot open {}: {source}", .path.display())]
    CannotOpen {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The input cannot be read.
    #[error("cannot read the input: {0}")]
    CannotRead(#[source] std::io::Error),
    /// Lines end in a carriage return alone.
    #[error("the input's lines end in a carriage return alone")]
    CrOnly,
    /// A CSV input without a header.
    #[error("the CSV input has no header")]
    NoHeader,
    /// The CSV header cannot be read.
    #[error("the CSV header on line {line} cannot be read: {problem}")]
    Header {
        /// Its physical line.
        line: u64,
        /// What is wrong.
        problem: RowError,
    },
    /// A CSV column that is not a field (lowercase, trimmed).
    #[error("unknown CSV column '{0}'")]
    UnknownColumn(String),
    /// A CSV column named twice.
    #[error("CSV column '{0}' appears twice in the header")]
    RepeatedColumn(String),
    /// The output cannot be written.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}
