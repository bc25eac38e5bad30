//! The one validation path: raw text fields, from the command line, a JSON line or a CSV row,
//! become a validated [`Patient`] here and nowhere else.

use std::borrow::Cow;

use crate::dosing::{Indication, Patient};
use crate::error::{Field, InputError, Wrong};
use crate::parse::{self, Problem};
use crate::units::AgeMonths;

/// The patient fields as typed, before validation. `None` means absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatientFields<'a> {
    /// Weight, e.g. `12,5 kg`.
    pub weight: Option<Cow<'a, str>>,
    /// Age with a unit, e.g. `2y6m`.
    pub age: Option<Cow<'a, str>>,
    /// Age in whole months, e.g. `30`.
    pub age_months: Option<Cow<'a, str>>,
    /// Indication name.
    pub indication: Option<Cow<'a, str>>,
    /// GFR in ml/min/1.73 m².
    pub gfr: Option<Cow<'a, str>>,
    /// On dialysis: `true`/`false`, `yes`/`no`, `ja`/`nee`, `waar`/`onwaar`, `1`/`0`.
    pub dialysis: Option<Cow<'a, str>>,
}

fn field<T>(
    field: Field,
    text: &str,
    parser: impl FnOnce(&str) -> Result<T, Problem>,
) -> Result<T, InputError> {
    parser(text).map_err(|problem| InputError::value(field, text, problem))
}

/// Parses a yes/no value in English or Dutch.
///
/// # Errors
///
/// [`Problem::NotANumber`] for anything else, [`Problem::Empty`] for nothing.
pub fn flag(text: &str) -> Result<bool, Problem> {
    const YES: [&str; 4] = ["true", "yes", "ja", "waar"];
    const NO: [&str; 4] = ["false", "no", "nee", "onwaar"];
    match text {
        "1" => Ok(true),
        "0" => Ok(false),
        "" => Err(Problem::Empty),
        t if YES.iter().any(|y| y.eq_ignore_ascii_case(t)) => Ok(true),
        t if NO.iter().any(|n| n.eq_ignore_ascii_case(t)) => Ok(false),
        _ => Err(Problem::NotANumber),
    }
}

fn age_months(text: &str) -> Result<AgeMonths, Problem> {
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    if text.starts_with(['+', '-']) {
        return Err(Problem::Sign);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotWhole);
    }
    text.parse::<u16>()
        .ok()
        .and_then(AgeMonths::new)
        .ok_or(Problem::TooLarge)
}

/// Validates the fields into a patient; the first wrong field is reported, in the order
/// weight, age, indication, GFR, dialysis.
///
/// # Errors
///
/// The first field that is missing, malformed, out of range or in conflict.
pub fn patient(fields: &PatientFields<'_>) -> Result<Patient, InputError> {
    let weight = fields
        .weight
        .as_deref()
        .ok_or_else(|| InputError::missing(Field::Weight))?;
    let weight = field(Field::Weight, weight, parse::weight)?;
    let age = match (fields.age.as_deref(), fields.age_months.as_deref()) {
        (Some(age), None) => field(Field::Age, age, parse::age)?,
        (None, Some(months)) => field(Field::AgeMonths, months, age_months)?,
        (Some(age), Some(_)) => {
            return Err(InputError {
                field: Field::Age,
                value: age.to_string(),
                wrong: Wrong::Conflicts(Field::AgeMonths),
            });
        }
        (None, None) => return Err(InputError::missing(Field::Age)),
    };
    let indication = fields
        .indication
        .as_deref()
        .ok_or_else(|| InputError::missing(Field::Indication))?;
    let indication = indication.parse::<Indication>().map_err(|_| InputError {
        field: Field::Indication,
        value: indication.to_string(),
        wrong: Wrong::UnknownIndication,
    })?;
    let gfr = fields
        .gfr
        .as_deref()
        .map(|g| field(Field::Gfr, g, parse::gfr))
        .transpose()?;
    let dialysis = fields
        .dialysis
        .as_deref()
        .map(|d| field(Field::Dialysis, d, flag))
        .transpose()?
        .unwrap_or(false);
    Ok(Patient {
        weight,
        age,
        indication,
        gfr,
        dialysis,
    })
}
