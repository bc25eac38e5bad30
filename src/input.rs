//! A patient as a JSON object: the shape of a `batch` line and of a reference case's `input`.
//! Numbers may be JSON numbers or strings; everything goes on to [`crate::request`] as text, so
//! JSON input meets exactly the validation of the command line.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::request::PatientFields;

/// A JSON scalar (string, number or boolean) kept as the text a person would have typed;
/// borrowed from the input where it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar<'a>(pub Cow<'a, str>);

impl Scalar<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar<'a>, D::Error> {
        struct ScalarVisitor;

        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or a boolean")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }

            /// Rust writes a double in its shortest decimal form and never with an exponent,
            /// so `12.5` stays `12.5` and `1e-7` becomes `0.0000001` (refused: too many
            /// decimals).
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Borrowed(if v { "true" } else { "false" })))
            }
        }

        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// Co-medication in JSON: one string (itself `,`/`;`/`|`-separated) or an array of strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names<'a>(pub Vec<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Names<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Names<'a>, D::Error> {
        struct NamesVisitor;

        impl<'de> Visitor<'de> for NamesVisitor {
            type Value = Names<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Names<'de>, E> {
                Ok(Names(vec![Cow::Borrowed(v)]))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Names<'de>, E> {
                Ok(Names(vec![Cow::Owned(v.to_string())]))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Names<'de>, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<Scalar<'de>>()? {
                    names.push(name.0);
                }
                Ok(Names(names))
            }
        }

        deserializer.deserialize_any(NamesVisitor)
    }
}

/// A patient as a JSON object, with an optional `id` to echo. An unknown key is an error,
/// never ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonPatient<'a> {
    /// Any text, echoed in the output (`batch`).
    #[serde(borrow)]
    pub id: Option<Scalar<'a>>,
    /// Weight in kg.
    #[serde(borrow)]
    pub weight: Option<Scalar<'a>>,
    /// Age with a unit.
    #[serde(borrow)]
    pub age: Option<Scalar<'a>>,
    /// Age in whole months.
    #[serde(borrow)]
    pub age_months: Option<Scalar<'a>>,
    /// Date of birth.
    #[serde(borrow)]
    pub dob: Option<Scalar<'a>>,
    /// Date of the calculation, with `dob`.
    #[serde(borrow)]
    pub on: Option<Scalar<'a>>,
    /// Indication.
    #[serde(borrow)]
    pub indication: Option<Scalar<'a>>,
    /// GFR.
    #[serde(borrow)]
    pub gfr: Option<Scalar<'a>>,
    /// Height in cm.
    #[serde(borrow)]
    pub height: Option<Scalar<'a>>,
    /// Serum creatinine with its unit.
    #[serde(borrow)]
    pub creatinine: Option<Scalar<'a>>,
    /// On dialysis.
    #[serde(borrow)]
    pub dialysis: Option<Scalar<'a>>,
    /// Prescribed daily dose.
    #[serde(borrow)]
    pub dose: Option<Scalar<'a>>,
    /// Co-medication.
    #[serde(borrow)]
    pub comedication: Option<Names<'a>>,
    /// Sex, for the weight-for-age check.
    #[serde(borrow)]
    pub sex: Option<Scalar<'a>>,
    /// The weight is confirmed although implausible for the age.
    #[serde(borrow)]
    pub confirm_weight: Option<Scalar<'a>>,
}

impl JsonPatient<'_> {
    /// The fields as text, for [`crate::request::request`].
    pub fn fields(&self) -> PatientFields<'_> {
        fn text<'s>(s: Option<&'s Scalar<'_>>) -> Option<Cow<'s, str>> {
            s.map(|s| Cow::Borrowed(s.as_str()))
        }
        PatientFields {
            sex: text(self.sex.as_ref()),
            confirm_weight: text(self.confirm_weight.as_ref()),
            weight: text(self.weight.as_ref()),
            age: text(self.age.as_ref()),
            age_months: text(self.age_months.as_ref()),
            dob: text(self.dob.as_ref()),
            on: text(self.on.as_ref()),
            indication: text(self.indication.as_ref()),
            gfr: text(self.gfr.as_ref()),
            height: text(self.height.as_ref()),
            creatinine: text(self.creatinine.as_ref()),
            dialysis: text(self.dialysis.as_ref()),
            dose: text(self.dose.as_ref()),
            comedication: self
                .comedication
                .as_ref()
                .map(|n| n.0.iter().map(|c| Cow::Borrowed(c.as_ref())).collect())
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use super::*;

    #[test]
    fn numbers_strings_and_booleans_become_text() {
        let p: JsonPatient<'_> = serde_json::from_str(
            r#"{"id": 7, "weight": 12.5, "age": "3y", "gfr": "29,9", "dialysis": true, "age_months": null}"#,
        )
        .unwrap();
        assert_eq!(p.id.unwrap().as_str(), "7");
        assert_eq!(p.weight.unwrap().as_str(), "12.5");
        assert_eq!(p.gfr.unwrap().as_str(), "29,9");
        assert_eq!(p.dialysis.unwrap().as_str(), "true");
        assert!(p.age_months.is_none());
        assert!(matches!(p.age.unwrap().0, Cow::Borrowed("3y")));
    }

    #[test]
    fn a_tiny_float_is_written_without_exponent() {
        let p: JsonPatient<'_> = serde_json::from_str(r#"{"weight": 1e-7}"#).unwrap();
        assert_eq!(p.weight.unwrap().as_str(), "0.0000001");
    }

    #[test]
    fn unknown_keys_and_nested_values_are_errors() {
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"colour": "red"}"#).is_err());
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"weight": [12]}"#).is_err());
    }
}
