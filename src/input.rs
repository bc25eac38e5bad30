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
    /// Indication.
    #[serde(borrow)]
    pub indication: Option<Scalar<'a>>,
    /// GFR.
    #[serde(borrow)]
    pub gfr: Option<Scalar<'a>>,
    /// On dialysis.
    #[serde(borrow)]
    pub dialysis: Option<Scalar<'a>>,
}

impl JsonPatient<'_> {
    /// The fields as text, for [`crate::request::patient`].
    pub fn fields(&self) -> PatientFields<'_> {
        fn text<'s>(s: Option<&'s Scalar<'_>>) -> Option<Cow<'s, str>> {
            s.map(|s| Cow::Borrowed(s.as_str()))
        }
        PatientFields {
            weight: text(self.weight.as_ref()),
            age: text(self.age.as_ref()),
            age_months: text(self.age_months.as_ref()),
            indication: text(self.indication.as_ref()),
            gfr: text(self.gfr.as_ref()),
            dialysis: text(self.dialysis.as_ref()),
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
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"sex": "f"}"#).is_err());
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"weight": [12]}"#).is_err());
    }
}
