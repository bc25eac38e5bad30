//! The input fields, each defined once: its JSON key and CSV column, its command-line flag and
//! its Dutch column names. The JSON readers, the CSV column mapping, the error messages and the
//! field list in `batch --help` derive from [`Field::RECORD`]; what a field accepts is written from
//! the bounds of its unit type (`Field::accepted`, in [`crate::i18n::messages`]).

use std::fmt;

/// An input field, as a JSON key or CSV column (the command line adds `--`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Any text, echoed in a `batch` record.
    Id,
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
    /// The daily dose of a taper (`taper --dose`): a dose's grammar, the taper's limits.
    TaperDose,
}

/// One row of the field table.
struct Spec {
    /// The JSON key and CSV column; the flag is `--` and this, with `-` for `_`.
    key: &'static str,
    /// Dutch CSV column names, as a Dutch export has them.
    dutch: &'static [&'static str],
}

impl Field {
    /// The fields of a patient record (a JSON line, a CSV row, a reference case's `input`), in
    /// the order of the CSV columns.
    pub const RECORD: [Field; 15] = [
        Field::Id,
        Field::Weight,
        Field::Age,
        Field::AgeMonths,
        Field::Dob,
        Field::On,
        Field::Indication,
        Field::Gfr,
        Field::Height,
        Field::Creatinine,
        Field::Dialysis,
        Field::Dose,
        Field::Comedication,
        Field::Sex,
        Field::ConfirmWeight,
    ];

    /// The field table: one row per field, and a new field does not compile without its row.
    const fn spec(self) -> Spec {
        let (key, dutch): (&str, &[&str]) = match self {
            Field::Id => ("id", &[]),
            Field::Weight => ("weight", &["gewicht"]),
            Field::Age => ("age", &["leeftijd"]),
            Field::AgeMonths => ("age_months", &["leeftijd_maanden"]),
            Field::Dob => ("dob", &["geboortedatum"]),
            Field::On => ("on", &["datum"]),
            Field::Indication => ("indication", &["indicatie"]),
            Field::Gfr => ("gfr", &[]),
            Field::Height => ("height", &["lengte"]),
            Field::Creatinine => ("creatinine", &["kreatinine"]),
            Field::Dialysis => ("dialysis", &["dialyse"]),
            Field::Dose | Field::TaperDose => ("dose", &["dosis"]),
            Field::Comedication => ("comedication", &["comedicatie", "co-medicatie"]),
            Field::Sex => ("sex", &["geslacht"]),
            Field::ConfirmWeight => ("confirm_weight", &["gewicht_bevestigd"]),
            Field::From => ("from", &[]),
        };
        Spec { key, dutch }
    }

    /// The JSON key and CSV column name; `--` and this (with `-` for `_`) is the flag.
    pub const fn key(self) -> &'static str {
        self.spec().key
    }

    /// The Dutch CSV column names of the field.
    pub const fn dutch(self) -> &'static [&'static str] {
        self.spec().dutch
    }

    /// The command-line flag: `--confirm-weight`.
    pub fn flag(self) -> String {
        format!("--{}", self.key().replace('_', "-"))
    }

    /// The record field with this JSON key (English).
    pub fn from_key(key: &str) -> Option<Field> {
        Field::RECORD.into_iter().find(|f| f.key() == key)
    }

    /// The record field with this CSV column name, English or Dutch, already lowercase.
    pub fn from_column(name: &str) -> Option<Field> {
        Field::from_key(name).or_else(|| {
            Field::RECORD
                .into_iter()
                .find(|f| f.dutch().contains(&name))
        })
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_dutch_names_are_unique_within_a_record() {
        let mut names: Vec<&str> = Field::RECORD
            .iter()
            .flat_map(|f| std::iter::once(f.key()).chain(f.dutch().iter().copied()))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all);
    }

    #[test]
    fn a_column_is_found_by_its_english_or_dutch_name() {
        assert_eq!(Field::from_column("gewicht"), Some(Field::Weight));
        assert_eq!(
            Field::from_column("co-medicatie"),
            Some(Field::Comedication)
        );
        assert_eq!(Field::from_column("weight"), Some(Field::Weight));
        assert_eq!(Field::from_column("from"), None);
        assert_eq!(Field::from_key("gewicht"), None);
    }
}
