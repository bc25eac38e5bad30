//! A patient as a JSON object: the shape of a `batch` line and of a reference case's `input`.
//! Numbers may be JSON numbers or strings; everything goes on to [`crate::request`] as text, so
//! JSON input meets exactly the validation of the command line.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::request::PatientFields;

/// A JSON scalar (string, number or boolean) kept as the text a person would have typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        struct ScalarVisitor;

        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or a boolean")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }

            /// Rust writes a double in its shortest decimal form and never with an exponent,
            /// so `12.5` stays `12.5` and `1e-7` becomes `0.0000001` (refused: too many
            /// decimals).
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }

        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The patient fields of a JSON object. An unknown key is an error, never ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonPatient {
    /// Weight in kg.
    pub weight: Option<Scalar>,
    /// Age with a unit.
    pub age: Option<Scalar>,
    /// Age in whole months.
    pub age_months: Option<Scalar>,
    /// Indication.
    pub indication: Option<Scalar>,
    /// GFR.
    pub gfr: Option<Scalar>,
    /// On dialysis.
    pub dialysis: Option<Scalar>,
}

impl JsonPatient {
    /// The fields as text, for [`crate::request::patient`].
    pub fn fields(&self) -> PatientFields<'_> {
        fn text(s: Option<&Scalar>) -> Option<Cow<'_, str>> {
            s.map(|s| Cow::Borrowed(s.0.as_str()))
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
