//! The one validation path: raw text fields, from the command line, a JSON line or a CSV row,
//! become a validated [`Request`] here and nowhere else.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::dosing::growth::{self, Sex};
use crate::dosing::units::AgeMonths;
use crate::dosing::{self, Advice, Egfr, Extras, Indication, Patient, comedication};
use crate::input::error::{Field, InputError, Wrong};
use crate::input::grammar::{self, Problem};

/// The fields as typed, before validation. `None` means absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatientFields<'a> {
    /// Weight, e.g. `12,5 kg`.
    pub weight: Option<Cow<'a, str>>,
    /// Age with a unit, e.g. `2y6m`.
    pub age: Option<Cow<'a, str>>,
    /// Age in whole months, e.g. `30`.
    pub age_months: Option<Cow<'a, str>>,
    /// Date of birth, `YYYY-MM-DD` or `DD-MM-YYYY`.
    pub dob: Option<Cow<'a, str>>,
    /// The date of the calculation (default today), with `dob`.
    pub on: Option<Cow<'a, str>>,
    /// Indication name.
    pub indication: Option<Cow<'a, str>>,
    /// GFR in ml/min/1.73 m².
    pub gfr: Option<Cow<'a, str>>,
    /// Height in cm, for the eGFR.
    pub height: Option<Cow<'a, str>>,
    /// Serum creatinine with its unit, for the eGFR.
    pub creatinine: Option<Cow<'a, str>>,
    /// On dialysis: `true`/`false`, `yes`/`no`, `ja`/`nee`, `waar`/`onwaar`, `1`/`0`.
    pub dialysis: Option<Cow<'a, str>>,
    /// The prescribed daily dose, e.g. `40mg`.
    pub dose: Option<Cow<'a, str>>,
    /// Co-medication names (each may itself be a `,`/`;`/`|`-separated list).
    pub comedication: Vec<Cow<'a, str>>,
    /// Sex, for the weight-for-age check: `f` or `m`.
    pub sex: Option<Cow<'a, str>>,
    /// The weight is confirmed although implausible for the age (a yes/no value).
    pub confirm_weight: Option<Cow<'a, str>>,
}

impl<'a> PatientFields<'a> {
    /// Sets a field to its text as typed: the one place a [`Field`] meets its slot, for the
    /// JSON and CSV readers. A co-medication text is added to the list; an id (echoed, never
    /// validated) and the taper's own fields have no place here and are left out.
    pub fn set(&mut self, field: Field, text: Cow<'a, str>) {
        let slot = match field {
            Field::Weight => &mut self.weight,
            Field::Age => &mut self.age,
            Field::AgeMonths => &mut self.age_months,
            Field::Dob => &mut self.dob,
            Field::On => &mut self.on,
            Field::Indication => &mut self.indication,
            Field::Gfr => &mut self.gfr,
            Field::Height => &mut self.height,
            Field::Creatinine => &mut self.creatinine,
            Field::Dialysis => &mut self.dialysis,
            Field::Dose => &mut self.dose,
            Field::Sex => &mut self.sex,
            Field::ConfirmWeight => &mut self.confirm_weight,
            Field::Comedication => {
                self.comedication.push(text);
                return;
            }
            Field::Id | Field::From | Field::TaperDose => return,
        };
        *slot = Some(text);
    }
}

/// A validated request: the patient, what else to check, and where the age came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The patient.
    pub patient: Patient,
    /// Prescription, co-medication, eGFR.
    pub extras: Extras,
    /// The date of birth and the date the age was computed on, when the age came from them.
    pub dob: Option<(Date, Date)>,
    /// The sex, when given.
    pub sex: Option<Sex>,
}

/// Parses a sex for the tables: `f`/`v` (female, vrouw) or `m` (male, man), any case.
///
/// # Errors
///
/// [`Problem::NotAWord`] for anything else.
pub fn sex(text: &str) -> Result<Sex, Problem> {
    match text.to_ascii_lowercase().as_str() {
        "f" | "v" | "female" | "vrouw" => Ok(Sex::F),
        "m" | "male" | "man" => Ok(Sex::M),
        "" => Err(Problem::Empty),
        _ => Err(Problem::NotAWord),
    }
}

/// Parses one field; spaces around the value (a pasted cell, a quoted argument) are not part
/// of it. The error quotes the value as typed.
fn field<T>(
    field: Field,
    text: &str,
    parser: impl FnOnce(&str) -> Result<T, Problem>,
) -> Result<T, InputError> {
    parser(text.trim()).map_err(|problem| InputError::value(field, text, problem))
}

/// The Dutch names of the indications, and the other names people type for them.
const INDICATION_NAMES: [(&str, Indication); 11] = [
    ("caps-licht", Indication::CapsMild),
    ("lichte-caps", Indication::CapsMild),
    ("caps-ernstig", Indication::CapsSevere),
    ("ernstige-caps", Indication::CapsSevere),
    ("erfelijk", Indication::HereditaryAutoinflammatory),
    (
        "erfelijk-autoinflammatoir",
        Indication::HereditaryAutoinflammatory,
    ),
    ("hereditary", Indication::HereditaryAutoinflammatory),
    ("overig", Indication::OtherAutoinflammatory),
    ("overig-autoinflammatoir", Indication::OtherAutoinflammatory),
    ("other", Indication::OtherAutoinflammatory),
    ("reumatoide-artritis", Indication::Ra),
];

/// An indication by its name (any case, spaces as hyphens) or a Dutch or other name; else the
/// nearest name, for "did you mean".
fn indication(text: &str) -> Result<Indication, Option<&'static str>> {
    let key = text.trim().to_lowercase().replace([' ', '_'], "-");
    if let Ok(indication) = key.parse::<Indication>() {
        return Ok(indication);
    }
    if let Some(&(_, indication)) = INDICATION_NAMES.iter().find(|(n, _)| *n == key) {
        return Ok(indication);
    }
    // A name far longer than any is not compared letter by letter.
    if key.chars().count() > 40 {
        return Err(None);
    }
    let names = Indication::ALL
        .iter()
        .map(|i| i.as_str())
        .chain(INDICATION_NAMES.iter().map(|(n, _)| *n));
    Err(names
        .map(|n| (strsim::levenshtein(&key, n), n))
        .filter(|&(d, n)| d <= 2.max(n.len() / 4))
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n))
}

fn conflict(a: Field, value: &str, b: Field) -> InputError {
    InputError {
        field: a,
        value: value.to_string(),
        wrong: Wrong::Conflicts(b),
    }
}

/// Parses a yes/no value in English or Dutch.
///
/// # Errors
///
/// [`Problem::NotAWord`] for anything else, [`Problem::Empty`] for nothing.
pub fn flag(text: &str) -> Result<bool, Problem> {
    const YES: [&str; 4] = ["true", "yes", "ja", "waar"];
    const NO: [&str; 4] = ["false", "no", "nee", "onwaar"];
    match text {
        "1" => Ok(true),
        "0" => Ok(false),
        "" => Err(Problem::Empty),
        t if YES.iter().any(|y| y.eq_ignore_ascii_case(t)) => Ok(true),
        t if NO.iter().any(|n| n.eq_ignore_ascii_case(t)) => Ok(false),
        _ => Err(Problem::NotAWord),
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

/// The age: exactly one of `age`, `age_months`, `dob` (with `on`, default `today`).
fn age(
    fields: &PatientFields<'_>,
    today: impl FnOnce() -> Date,
) -> Result<(AgeMonths, Option<(Date, Date)>), InputError> {
    let given = [
        (Field::Age, &fields.age),
        (Field::AgeMonths, &fields.age_months),
        (Field::Dob, &fields.dob),
    ];
    let mut present = given
        .iter()
        .filter_map(|(f, v)| v.as_deref().map(|v| (*f, v)));
    let Some((which, text)) = present.next() else {
        if let Some(on) = fields.on.as_deref() {
            return Err(InputError {
                field: Field::On,
                value: on.to_string(),
                wrong: Wrong::Needs(Field::Dob),
            });
        }
        return Err(InputError::missing(Field::Age));
    };
    if let Some((other, _)) = present.next() {
        return Err(conflict(which, text, other));
    }
    if which != Field::Dob
        && let Some(on) = fields.on.as_deref()
    {
        return Err(InputError {
            field: Field::On,
            value: on.to_string(),
            wrong: Wrong::Needs(Field::Dob),
        });
    }
    match which {
        Field::Age => Ok((field(Field::Age, text, grammar::age)?, None)),
        Field::AgeMonths => Ok((field(Field::AgeMonths, text, age_months)?, None)),
        _ => {
            let birth = field(Field::Dob, text, grammar::date)?;
            let on = match fields.on.as_deref() {
                Some(on) => field(Field::On, on, grammar::date)?,
                None => today(),
            };
            let months = grammar::completed_months(birth, on)
                .map_err(|p| InputError::value(Field::Dob, text, p))?;
            Ok((months, Some((birth, on))))
        }
    }
}

/// Validates the fields into a request; the first wrong field is reported, in the order
/// weight, age, indication, renal function, dialysis, dose, co-medication. `today` is asked
/// only for a date of birth without a date of calculation.
///
/// # Errors
///
/// The first field that is missing, malformed, out of range or in conflict.
#[allow(clippy::too_many_lines)] // one field after another, in the documented order
pub fn request(
    fields: &PatientFields<'_>,
    today: impl FnOnce() -> Date,
) -> Result<Request, InputError> {
    let weight_text = fields
        .weight
        .as_deref()
        .ok_or_else(|| InputError::missing(Field::Weight))?;
    let weight = field(Field::Weight, weight_text, grammar::weight)?;
    let (age, dob) = age(fields, today)?;
    // GROWTH-WFA: input validation, before any verdict.
    let sex = fields
        .sex
        .as_deref()
        .map(|s| field(Field::Sex, s, sex))
        .transpose()?;
    let confirmed = fields
        .confirm_weight
        .as_deref()
        .map(|c| field(Field::ConfirmWeight, c, flag))
        .transpose()?
        .unwrap_or(false);
    let growth = growth::check(weight, age, sex);
    if let (Some(z_centi), Some((low_centi, high_centi))) = (growth.z_centi(), growth.range_centi())
        && growth.implausible()
        && !confirmed
    {
        let problem = Problem::Implausible {
            z_centi,
            low_centi,
            high_centi,
        };
        return Err(InputError::value(Field::Weight, weight_text, problem));
    }
    let indication = fields
        .indication
        .as_deref()
        .ok_or_else(|| InputError::missing(Field::Indication))?;
    let indication = self::indication(indication).map_err(|nearest| InputError {
        field: Field::Indication,
        value: indication.to_string(),
        wrong: Wrong::UnknownIndication(nearest),
    })?;
    let egfr = match (fields.height.as_deref(), fields.creatinine.as_deref()) {
        (None, None) => None,
        (Some(h), None) => {
            return Err(InputError {
                field: Field::Height,
                value: h.to_string(),
                wrong: Wrong::Needs(Field::Creatinine),
            });
        }
        (None, Some(c)) => {
            return Err(InputError {
                field: Field::Creatinine,
                value: c.to_string(),
                wrong: Wrong::Needs(Field::Height),
            });
        }
        (Some(h), Some(c)) => {
            if let Some(g) = fields.gfr.as_deref() {
                return Err(conflict(Field::Gfr, g, Field::Height));
            }
            let height = field(Field::Height, h, grammar::height)?;
            let creatinine = field(Field::Creatinine, c, grammar::creatinine)?;
            Some(Egfr::bedside_schwartz(height, creatinine))
        }
    };
    // A lab reports a high GFR as ">90": taken as 90 (SCOPE-GFR-ABOVE says so); 90 and more
    // is no adjustment either way.
    let gfr_above = fields
        .gfr
        .as_deref()
        .is_some_and(|g| g.trim_start().starts_with(['>', '≥']));
    let gfr = match egfr {
        Some(e) => Some(e.value),
        None => fields
            .gfr
            .as_deref()
            .map(|g| {
                field(Field::Gfr, g, |t| {
                    grammar::gfr(t.trim_start_matches(['>', '≥']).trim_start())
                })
            })
            .transpose()?,
    };
    let dialysis = fields
        .dialysis
        .as_deref()
        .map(|d| field(Field::Dialysis, d, flag))
        .transpose()?
        .unwrap_or(false);
    let prescribed = fields
        .dose
        .as_deref()
        .map(|d| field(Field::Dose, d, grammar::dose))
        .transpose()?;
    let comedication: Vec<String> = fields
        .comedication
        .iter()
        .flat_map(|list| {
            comedication::split(list)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    if let Some(blank) = fields
        .comedication
        .iter()
        .find(|list| comedication::split(list).next().is_none())
    {
        return Err(InputError::value(
            Field::Comedication,
            blank,
            Problem::Empty,
        ));
    }
    Ok(Request {
        patient: Patient {
            weight,
            age,
            indication,
            gfr,
            dialysis,
        },
        extras: Extras {
            prescribed,
            comedication,
            egfr,
            growth: Some(growth),
            gfr_above,
        },
        dob,
        sex,
    })
}

impl Request {
    /// The advice for the request's patient ([`dosing::assess`]), with where its age came from
    /// and the sex: what every path (`dose`, `batch`, `check`, `taper`) renders or checks.
    pub fn assess(&self) -> Assessed {
        Assessed {
            advice: dosing::assess(&self.patient, &self.extras),
            dob: self.dob,
            sex: self.sex,
        }
    }
}

/// An advice with where its age came from: what a record is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessed {
    /// The advice.
    pub advice: Advice,
    /// The date of birth and the date of the calculation, when the age came from them.
    pub dob: Option<(Date, Date)>,
    /// The sex, when given.
    pub sex: Option<Sex>,
}
