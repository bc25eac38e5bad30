//! Typed errors of the library: a refused input names its field, the value and what is
//! accepted.

use std::fmt;

use thiserror::Error;

use crate::i18n::Lang;
use crate::input::grammar::{Problem, shorten};

/// An input field, as a JSON key or CSV column (the command line adds `--`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Body weight.
    Weight,
    /// Age with a unit.
    Age,
    /// Age in whole months (JSON lines and CSV only).
    AgeMonths,
    /// Date of birth.
    Dob,
    /// The date of the calculation, with a date of birth.
    On,
    /// The indication.
    Indication,
    /// GFR in ml/min/1.73 m².
    Gfr,
    /// Height in cm, for the eGFR.
    Height,
    /// Serum creatinine with its unit, for the eGFR.
    Creatinine,
    /// On dialysis.
    Dialysis,
    /// The prescribed daily dose.
    Dose,
    /// Co-medication names.
    Comedication,
    /// Sex, for the weight-for-age check.
    Sex,
    /// The weight is confirmed although implausible for the age.
    ConfirmWeight,
    /// The first day of a taper (`taper --from`).
    From,
}

impl Field {
    /// The JSON key and CSV column name.
    pub const fn key(self) -> &'static str {
        match self {
            Field::Weight => "weight",
            Field::Age => "age",
            Field::AgeMonths => "age_months",
            Field::Dob => "dob",
            Field::On => "on",
            Field::Indication => "indication",
            Field::Gfr => "gfr",
            Field::Height => "height",
            Field::Creatinine => "creatinine",
            Field::Dialysis => "dialysis",
            Field::Dose => "dose",
            Field::Comedication => "comedication",
            Field::Sex => "sex",
            Field::ConfirmWeight => "confirm_weight",
            Field::From => "from",
        }
    }

    /// What the field accepts, for the error message.
    pub const fn accepted(self, lang: Lang) -> &'static str {
        match self {
            Field::Weight => lang.pick(
                "a weight in kg above 0 and at most 250, with at most 2 decimals, e.g. 12, 12.5, 12,5 or 12.5 kg",
                "een gewicht in kg boven 0 en hoogstens 250, met hoogstens 2 decimalen, bijv. 12, 12,5, 12.5 of 12,5 kg",
            ),
            Field::Age => lang.pick(
                "a whole number with a unit: months 8m, 8mo, 8mnd or 8 months, years 3y, 3j, 3 jaar or 3 years, or 2y6m; 0 to 130 years",
                "een heel getal met eenheid: maanden 8m, 8mo, 8mnd of 8 maanden, jaren 3j, 3jr, 3 jaar of 3y, of 2j6m; 0 tot 130 jaar",
            ),
            Field::AgeMonths => lang.pick(
                "a whole number of completed months, 0 to 1560",
                "een heel aantal voltooide maanden, 0 tot 1560",
            ),
            Field::Dob | Field::On => lang.pick(
                "a date YYYY-MM-DD or DD-MM-YYYY, e.g. 2020-02-29, 29-02-2020 or 14-3-2021",
                "een datum JJJJ-MM-DD of DD-MM-JJJJ, bijv. 2020-02-29, 29-02-2020 of 14-3-2021",
            ),
            Field::Indication => lang.pick(
                "caps-mild, caps-severe, hereditary-autoinflammatory, sjia, other-autoinflammatory or ra (or caps-licht, caps-ernstig, erfelijk, overig)",
                "caps-mild (caps-licht), caps-severe (caps-ernstig), hereditary-autoinflammatory (erfelijk), sjia, other-autoinflammatory (overig) of ra",
            ),
            Field::Gfr => lang.pick(
                "a number of ml/min/1.73 m2 from 0 to 250 with at most 2 decimals, e.g. 45, 29.9, 95 ml/min or >90",
                "een getal in ml/min/1,73 m2 van 0 tot 250 met hoogstens 2 decimalen, bijv. 45, 29,9, 95 ml/min of >90",
            ),
            Field::Height => lang.pick(
                "a height in cm from 40 to 250, with at most 2 decimals, e.g. 104 or 104.5 cm",
                "een lengte in cm van 40 tot 250, met hoogstens 2 decimalen, bijv. 104 of 104,5 cm",
            ),
            Field::Creatinine => lang.pick(
                "a value with its unit, umol/l (or µmol/l) or mg/dl, from 5 to 2000 umol/l, e.g. 181umol/l or 0.5 mg/dl",
                "een waarde met eenheid, umol/l (of µmol/l) of mg/dl, van 5 tot 2000 umol/l, bijv. 181umol/l of 0,5 mg/dl",
            ),
            Field::Dialysis | Field::ConfirmWeight => lang.pick(
                "true/false, yes/no, ja/nee, waar/onwaar or 1/0",
                "ja/nee, waar/onwaar, true/false, yes/no of 1/0",
            ),
            Field::Dose => lang.pick(
                "a daily dose in mg above 0 and at most 10000, with at most 2 decimals, e.g. 40 or 40mg",
                "een dagdosis in mg boven 0 en hoogstens 10000, met hoogstens 2 decimalen, bijv. 40 of 40mg",
            ),
            Field::Sex => lang.pick("f or m (v or m)", "v of m (f of m)"),
            Field::From => lang.pick(
                "a date YYYY-MM-DD or DD-MM-YYYY, or today (vandaag)",
                "een datum JJJJ-MM-DD of DD-MM-JJJJ, of vandaag (today)",
            ),
            Field::Comedication => lang.pick(
                "drug names separated by commas, e.g. etanercept, methotrexate",
                "namen van geneesmiddelen gescheiden door komma's, bijv. etanercept, methotrexaat",
            ),
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

    /// The message without the field name: `'25lb': weights are entered in kg, not 'lb';
    /// accepted: ...`.
    pub fn message(&self, lang: Lang) -> String {
        let value = shorten(&self.value);
        let accepted = self.field.accepted(lang);
        let nl = lang == Lang::Nl;
        match &self.wrong {
            Wrong::Missing if nl => format!("verplicht; geef {accepted}"),
            Wrong::Missing => format!("required; give {accepted}"),
            Wrong::Conflicts(other) if nl => {
                format!("'{value}' kan niet samen met {other} gegeven worden; geef één van beide")
            }
            Wrong::Conflicts(other) => {
                format!("'{value}' cannot be given together with {other}; give one of the two")
            }
            Wrong::Needs(other) if nl => format!("'{value}' vraagt ook om {other}; geef beide"),
            Wrong::Needs(other) => format!("'{value}' needs {other} as well; give both"),
            Wrong::UnknownIndication(nearest) => {
                let hint = match (nearest, nl) {
                    (Some(n), false) => format!(" (did you mean {n}?)"),
                    (Some(n), true) => format!(" (bedoelde u {n}?)"),
                    (None, _) => String::new(),
                };
                if nl {
                    format!("onbekende indicatie '{value}'{hint}; geaccepteerd: {accepted}")
                } else {
                    format!("unknown indication '{value}'{hint}; accepted: {accepted}")
                }
            }
            Wrong::Value(Problem::WrongUnit(unit)) if self.field == Field::Weight => {
                let unit = shorten(unit);
                if nl {
                    format!(
                        "'{value}': gewicht wordt in kg ingevoerd, niet in '{unit}'; geaccepteerd: {accepted}"
                    )
                } else {
                    format!(
                        "'{value}': weights are entered in kg, not '{unit}'; accepted: {accepted}"
                    )
                }
            }
            Wrong::Refused(refusal) => format!("'{value}': {}", refusal.message(lang)),
            Wrong::Value(problem @ Problem::Implausible { .. }) => {
                format!("'{value}': {}", problem.message(lang))
            }
            Wrong::Value(problem) if nl => format!(
                "'{value}': {}; geaccepteerd: {accepted}",
                problem.message(lang)
            ),
            Wrong::Value(problem) => {
                format!("'{value}': {}; accepted: {accepted}", problem.message(lang))
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message(Lang::En))
    }
}
