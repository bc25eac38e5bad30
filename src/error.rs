//! Typed errors of the library: a refused input names its field, the value and what is
//! accepted.

use std::fmt;

use thiserror::Error;

use crate::parse::{Problem, shorten};

/// An input field, as a JSON key or CSV column (the command line adds `--`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Body weight.
    Weight,
    /// Age with a unit.
    Age,
    /// Age in whole months (JSON lines and CSV only).
    AgeMonths,
    /// The indication.
    Indication,
    /// GFR in ml/min/1.73 m².
    Gfr,
    /// On dialysis.
    Dialysis,
}

impl Field {
    /// The JSON key and CSV column name.
    pub const fn key(self) -> &'static str {
        match self {
            Field::Weight => "weight",
            Field::Age => "age",
            Field::AgeMonths => "age_months",
            Field::Indication => "indication",
            Field::Gfr => "gfr",
            Field::Dialysis => "dialysis",
        }
    }

    /// What the field accepts, for the error message.
    pub const fn accepted(self) -> &'static str {
        match self {
            Field::Weight => {
                "a weight in kg above 0 and at most 250, with at most 2 decimals, e.g. 12, 12.5, 12,5 or 12.5 kg"
            }
            Field::Age => {
                "a whole number with a unit: months 8m, 8mo or 8mnd, years 3y or 3j, or 2y6m; 0 to 130 years"
            }
            Field::AgeMonths => "a whole number of completed months, 0 to 1560",
            Field::Indication => {
                "caps-mild, caps-severe, hereditary-autoinflammatory, sjia, other-autoinflammatory or ra"
            }
            Field::Gfr => {
                "a number of ml/min/1.73 m2 from 0 to 250 with at most 2 decimals, e.g. 45 or 29.9"
            }
            Field::Dialysis => "true/false, yes/no, ja/nee, waar/onwaar or 1/0",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What was wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// The value does not follow the field's grammar or range.
    Value(Problem),
    /// The indication is not one the tool knows.
    UnknownIndication,
    /// A required field is absent.
    Missing,
    /// Given together with a field it excludes.
    Conflicts(Field),
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

    /// The message without the field name: `'25lb': weights are entered in kg, not 'lb';
    /// accepted: ...`.
    pub fn message(&self) -> String {
        let value = shorten(&self.value);
        let accepted = self.field.accepted();
        match &self.wrong {
            Wrong::Missing => format!("required; give {accepted}"),
            Wrong::Conflicts(other) => {
                format!("'{value}' cannot be given together with {other}; give one of the two")
            }
            Wrong::UnknownIndication => {
                format!("unknown indication '{value}'; accepted: {accepted}")
            }
            Wrong::Value(Problem::WrongUnit(unit)) if self.field == Field::Weight => format!(
                "'{value}': weights are entered in kg, not '{}'; accepted: {accepted}",
                shorten(unit)
            ),
            Wrong::Value(problem) => format!("'{value}': {problem}; accepted: {accepted}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message())
    }
}
