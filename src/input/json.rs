//! A patient as a JSON object: the shape of a `batch` line and of a reference case's `input`.
//! Numbers may be JSON numbers or strings; everything goes on to [`crate::input::request`] as
//! text, so JSON input meets exactly the validation of the command line.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::value::RawValue;

use crate::input::error::RecordProblem;
use crate::input::field::Field;
use crate::input::request::PatientFields;

/// A JSON scalar (string, number or boolean) kept as the text a person typed; borrowed from
/// the input where it can be. A number keeps its own text (`29.999999999999999999`, `1.2e1`,
/// `-0`), never a double's rounding of it, so it meets the grammar of [`crate::input::grammar`]
/// exactly as the same characters on the command line would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar<'a>(pub Cow<'a, str>);

impl Scalar<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a scalar may be, for serde's messages.
const SCALAR: &str = "a string, a number or a boolean";

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar<'a>, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?.get();
        let unexpected = match raw.as_bytes().first() {
            Some(b'"') if !raw.contains('\\') => {
                // No escapes: the text between the quotes is the string.
                let inner = raw.get(1..raw.len() - 1).unwrap_or_default();
                return Ok(Scalar(Cow::Borrowed(inner)));
            }
            Some(b'"') => {
                return serde_json::from_str::<String>(raw)
                    .map(|s| Scalar(Cow::Owned(s)))
                    .map_err(de::Error::custom);
            }
            Some(b'-' | b'0'..=b'9' | b't' | b'f') => return Ok(Scalar(Cow::Borrowed(raw))),
            Some(b'[') => de::Unexpected::Seq,
            Some(b'{') => de::Unexpected::Map,
            _ => de::Unexpected::Unit,
        };
        Err(de::Error::invalid_type(unexpected, &SCALAR))
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

/// A patient as a JSON object, with an optional `id` to echo. The keys are those of
/// [`Field::RECORD`]; an unknown key is an error, never ignored, and so is a repeated one
/// (even after a `null`). A value may be `null`: the field is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPatient<'a> {
    /// Any text, echoed in the output (`batch`).
    pub id: Option<Scalar<'a>>,
    /// The patient's fields as text, for [`crate::input::request`].
    pub fields: PatientFields<'a>,
}

/// The keys of a record, as serde names them in "expected one of".
#[allow(clippy::indexing_slicing)] // evaluated at compile time: out of range would not build
const KEYS: [&str; Field::RECORD.len()] = {
    let mut keys = [""; Field::RECORD.len()];
    let mut at = 0;
    while at < keys.len() {
        keys[at] = Field::RECORD[at].key();
        at += 1;
    }
    keys
};

/// The fields a JSON object has named so far: a key is refused the second time, even after a
/// `null`, as serde refuses it.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    /// Notes `field`; whether it was named before.
    fn again(&mut self, field: Field) -> bool {
        let bit = 1 << (field as u32);
        let before = self.0 & bit != 0;
        self.0 |= bit;
        before
    }
}

impl<'a> JsonPatient<'a> {
    /// Puts a value in its field's place; `None` (a JSON `null`) leaves the field absent.
    fn put(&mut self, field: Field, value: Option<Scalar<'a>>) {
        let Some(Scalar(text)) = value else {
            return;
        };
        if field == Field::Id {
            self.id = Some(Scalar(text));
        } else {
            self.fields.set(field, text);
        }
    }
}

/// Reads a patient object, noting the first unknown key in `unknown` (when given) before
/// serde's own error for it: the key is then known as a value, never read back from the
/// error's wording.
struct PatientVisitor<'u> {
    unknown: Option<&'u mut Option<String>>,
}

impl<'de> Visitor<'de> for PatientVisitor<'_> {
    type Value = JsonPatient<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct JsonPatient")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<JsonPatient<'de>, A::Error> {
        let mut patient = JsonPatient::default();
        let mut seen = Seen::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let Some(field) = Field::from_key(&key) else {
                let error = de::Error::unknown_field(&key, &KEYS);
                if let Some(unknown) = self.unknown {
                    *unknown = Some(key.into_owned());
                }
                return Err(error);
            };
            if seen.again(field) {
                return Err(de::Error::duplicate_field(field.key()));
            }
            if field == Field::Comedication {
                if let Some(Names(names)) = map.next_value::<Option<Names<'de>>>()? {
                    patient.fields.comedication = names;
                }
            } else {
                let value = map.next_value::<Option<Scalar<'de>>>()?;
                patient.put(field, value);
            }
        }
        Ok(patient)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for JsonPatient<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonPatient<'a>, D::Error> {
        deserializer.deserialize_map(PatientVisitor { unknown: None })
    }
}

/// Why a JSON line is not a patient: typed, so that no message is read back from serde's words.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    /// A key that is not a field; the key as written.
    #[error("unknown key '{0}'")]
    UnknownKey(String),
    /// Anything else serde_json found wrong: its error, with its line and column.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// A line that is not a patient object: what is wrong, and the `id` when the line gave one
/// before what went wrong (read on the way, never by parsing the line again).
#[derive(Debug)]
pub struct BadLine<'a> {
    /// What is wrong.
    pub error: LineError,
    /// The id, when it was read before the line went wrong.
    pub id: Option<Scalar<'a>>,
}

impl<'a> JsonPatient<'a> {
    /// Reads a patient from one JSON object: the common flat shape by hand (see
    /// `read_flat`), anything else by serde_json, whose errors name what is wrong.
    ///
    /// # Errors
    ///
    /// What is wrong with text that is not a patient object, with the id the hand reader had
    /// read before it gave the line to serde.
    pub fn read(text: &'a str) -> Result<JsonPatient<'a>, BadLine<'a>> {
        let mut patient = JsonPatient::default();
        if read_flat(text, &mut patient).is_some() {
            return Ok(patient);
        }
        let mut unknown = None;
        let mut de = serde_json::Deserializer::from_str(text);
        let read = de::Deserializer::deserialize_map(
            &mut de,
            PatientVisitor {
                unknown: Some(&mut unknown),
            },
        )
        .and_then(|patient| de.end().map(|()| patient));
        read.map_err(|error| BadLine {
            error: match unknown {
                Some(key) => LineError::UnknownKey(key),
                None => LineError::Json(error),
            },
            id: patient.id,
        })
    }
}

/// One line of a batch as a patient: its id (when it could be read, also from a line that goes
/// wrong later) and its fields, or why it is not a patient.
pub fn line(bytes: &[u8]) -> (Option<Scalar<'_>>, Result<PatientFields<'_>, RecordProblem>) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let problem = RecordProblem::NotUtf8 {
                field: None,
                at: err.valid_up_to(),
            };
            return (None, Err(problem));
        }
    };
    // serde would read an array as the fields in order: only an object is a record.
    if !text.trim_start().starts_with('{') {
        return (None, Err(RecordProblem::NotAnObject));
    }
    match JsonPatient::read(text) {
        Ok(patient) => (patient.id, Ok(patient.fields)),
        Err(bad) => (bad.id, Err(RecordProblem::Line(bad.error))),
    }
}

/// The shape of nearly every batch line, read without serde: one flat object whose keys are
/// known and unrepeated, and whose values are strings without escapes, numbers (kept as
/// typed), booleans or `null`. That is where the time of a
/// large batch went (serde's generic field matching and its number and string handling).
///
/// Anything else gives `None`, and serde_json reads the line, with its error messages: the
/// reader only ever answers for text serde_json reads to the same patient. What it had read
/// until then stays in `patient` (the id, for an error record).
/// `flat_reader_agrees_with_serde` holds it to that on random lines.
fn read_flat<'a>(text: &'a str, patient: &mut JsonPatient<'a>) -> Option<()> {
    let mut r = Flat {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let mut seen = Seen::default();
    r.skip_ws();
    r.eat(b'{')?;
    r.skip_ws();
    if r.eat(b'}').is_none() {
        loop {
            let key = r.string()?;
            r.skip_ws();
            r.eat(b':')?;
            r.skip_ws();
            // Co-medication (a list) and unknown keys: serde's.
            let field = Field::from_key(key)?;
            if field == Field::Comedication {
                return None;
            }
            // serde refuses a repeated key, even after a `null`.
            if seen.again(field) {
                return None;
            }
            let value = r.value()?;
            patient.put(field, value);
            r.skip_ws();
            if r.eat(b',').is_some() {
                r.skip_ws();
                continue;
            }
            r.eat(b'}')?;
            break;
        }
    }
    r.skip_ws();
    (r.at == r.bytes.len()).then_some(())
}

/// A cursor over the text of [`read_flat`].
struct Flat<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Flat<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// JSON's whitespace.
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string without escapes or control characters, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let len = self
            .bytes
            .get(start..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        self.at = start + len;
        self.eat(b'"')?;
        // Both ends are ASCII quotes, so both are char boundaries.
        self.text.get(start..start + len)
    }

    /// A value: `Some(None)` for `null`; `None` when it is not one of ours.
    #[allow(clippy::option_option)] // `null` (absent) is not "not ours" (serde's)
    fn value(&mut self) -> Option<Option<Scalar<'a>>> {
        let text = |s: &'a str| Some(Scalar(Cow::Borrowed(s)));
        Some(match self.peek()? {
            b'"' => text(self.string()?),
            b'n' => {
                self.word("null")?;
                None
            }
            b't' => {
                self.word("true")?;
                text("true")
            }
            b'f' => {
                self.word("false")?;
                text("false")
            }
            b'-' | b'0'..=b'9' => text(self.number()?),
            _ => return None,
        })
    }

    fn word(&mut self, word: &str) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| self.at = end)
    }

    /// A JSON number, borrowed as typed (that is what [`Scalar`] keeps too): an optional
    /// minus, a whole part without leading zeros, optional decimals, an optional exponent.
    /// Anything that is not quite that is left to serde, and its error.
    fn number(&mut self) -> Option<&'a str> {
        let start = self.at;
        let _ = self.eat(b'-');
        let first = self.at;
        let whole = self.digits();
        // JSON allows no leading zero (`012`).
        if whole == 0 || (whole > 1 && self.bytes.get(first) == Some(&b'0')) {
            return None;
        }
        if self.eat(b'.').is_some() && self.digits() == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        // A number running into more of one: serde's.
        if matches!(
            self.peek(),
            Some(b'e' | b'E' | b'.' | b'-' | b'+' | b'0'..=b'9')
        ) {
            return None;
        }
        self.text.get(start..self.at)
    }

    /// Skips the digits from here; how many there were.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
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

    /// The hand reader alone: the patient when it reads the whole line.
    fn hand(text: &str) -> Option<JsonPatient<'_>> {
        let mut patient = JsonPatient::default();
        read_flat(text, &mut patient).map(|()| patient)
    }

    #[test]
    fn a_bad_line_keeps_the_id_read_before_it_went_wrong() {
        let bad = JsonPatient::read(r#"{"id":"P7","weight":12,"colour":"red"}"#).unwrap_err();
        assert_eq!(bad.id.unwrap().as_str(), "P7");
        assert!(matches!(bad.error, LineError::UnknownKey(ref key) if key == "colour"));
        let bad = JsonPatient::read(r#"{"colour":"red","id":"P7"}"#).unwrap_err();
        assert!(bad.id.is_none());
    }

    #[test]
    fn numbers_strings_and_booleans_become_text() {
        let p: JsonPatient<'_> = serde_json::from_str(
            r#"{"id": 7, "weight": 12.5, "age": "3y", "gfr": "29,9", "dialysis": true, "age_months": null}"#,
        )
        .unwrap();
        assert_eq!(p.id.unwrap().as_str(), "7");
        assert_eq!(p.fields.weight.as_deref().unwrap(), "12.5");
        assert_eq!(p.fields.gfr.as_deref().unwrap(), "29,9");
        assert_eq!(p.fields.dialysis.as_deref().unwrap(), "true");
        assert!(p.fields.age_months.is_none());
        assert!(matches!(p.fields.age.unwrap(), Cow::Borrowed("3y")));
    }

    #[test]
    fn a_json_number_keeps_its_own_text() {
        for number in [
            "1e-7",
            "1.2e1",
            "29.999999999999999999",
            "9.9999999999999999",
            "-0",
            "12.50",
            "123456789012345678901234567890",
        ] {
            let line = format!(r#"{{"weight": {number}, "comedication": ["mtx", 7]}}"#);
            let p = JsonPatient::read(&line).unwrap();
            assert_eq!(p.fields.weight.as_deref().unwrap(), number);
            let flat = format!(r#"{{"weight":{number}}}"#);
            assert_eq!(
                hand(&flat).unwrap().fields.weight.as_deref().unwrap(),
                number
            );
        }
        let p: JsonPatient<'_> =
            serde_json::from_str(r#"{"id": "a\"b", "age": "3\u0079"}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "a\"b");
        assert_eq!(p.fields.age.as_deref().unwrap(), "3y");
        let err = serde_json::from_str::<JsonPatient<'_>>(r#"{"comedication": ["mtx", null]}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: null, expected a string, a number or a boolean"),
            "{err}"
        );
    }

    /// Every field as text, for comparing two readings.
    fn texts(p: &JsonPatient<'_>) -> Vec<Option<String>> {
        let f = &p.fields;
        let mut all = vec![p.id.as_ref().map(|s| s.as_str().to_string())];
        all.extend(
            [
                &f.weight,
                &f.age,
                &f.age_months,
                &f.dob,
                &f.on,
                &f.indication,
                &f.gfr,
                &f.height,
                &f.creatinine,
                &f.dialysis,
                &f.dose,
                &f.sex,
                &f.confirm_weight,
            ]
            .map(|t| t.as_ref().map(ToString::to_string)),
        );
        all.push(Some(f.comedication.join("|")));
        all
    }

    #[test]
    fn flat_lines_are_read_by_hand_and_the_rest_by_serde() {
        let flat = r#"{"id":"P1","weight":12.5,"age":"3y","gfr":95,"dialysis":false,"dose":null}"#;
        let p = hand(flat).unwrap();
        assert_eq!(
            texts(&p),
            texts(&serde_json::from_str::<JsonPatient<'_>>(flat).unwrap())
        );
        assert_eq!(p.fields.weight.as_deref().unwrap(), "12.5");
        assert_eq!(p.fields.gfr.as_deref().unwrap(), "95");
        assert!(matches!(p.fields.age.unwrap(), Cow::Borrowed("3y")));
        assert!(p.fields.dose.is_none());
        assert!(hand(" {\t}\r\n").is_some());
        // Every key but co-medication is read by hand: a key left out would quietly go to
        // serde (the same patient, only slower), so this says which are.
        let every = r#"{"id":"P1","weight":"12.5","age":"3y","age_months":36,"dob":"2023-01-01","on":"2026-01-01","indication":"sjia","gfr":95,"height":"95","creatinine":"30 umol/l","dialysis":"nee","dose":"25","sex":"f","confirm_weight":"ja"}"#;
        let p = hand(every).unwrap();
        assert!(texts(&p).iter().all(Option::is_some));
        assert_eq!(
            texts(&p),
            texts(&serde_json::from_str::<JsonPatient<'_>>(every).unwrap())
        );
        let small = hand(r#"{"weight":0.05,"gfr":0}"#).unwrap();
        assert_eq!(small.fields.weight.as_deref().unwrap(), "0.05");
        assert_eq!(small.fields.gfr.as_deref().unwrap(), "0");
        for serdes in [
            r#"{"weight":"12\u002e5"}"#,
            r#"{"weight":1e}"#,
            r#"{"weight":1.}"#,
            r#"{"weight":-}"#,
            r#"{"weight":012}"#,
            r#"{"weight":1,"weight":2}"#,
            r#"{"weight":null,"weight":2}"#,
            r#"{"comedication":"mtx"}"#,
            r#"{"colour":"red"}"#,
            r#"{"weight":1,}"#,
            r#"{"weight":1} x"#,
            r#"{"weight":[1]}"#,
            "{\"id\":\"a\u{1}b\"}",
        ] {
            assert!(hand(serdes).is_none(), "{serdes}");
        }
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 5_000,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        /// Whatever the hand reader reads, serde_json reads to the same patient.
        #[test]
        fn flat_reader_agrees_with_serde(
            entries in proptest::collection::vec(
                (
                    proptest::sample::select(&[
                        "id", "weight", "age", "age_months", "dob", "on", "indication", "gfr",
                        "height", "creatinine", "dialysis", "dose", "comedication", "sex",
                        "confirm_weight", "colour", "Weight", "we\\u0069ght",
                    ][..]),
                    proptest::prop_oneof![
                        "(0|[1-9][0-9]{0,19})(\\.[0-9]{1,3})?([eE][-+]?[0-9]{1,2})?",
                        "-?0[0-9]{0,2}(\\.[0-9]{0,2})?",
                        "\"[a-z0-9 .,\\\\\"\u{1}ü]{0,6}\"",
                        proptest::sample::select(&[
                            "true", "false", "null", "tru", "nul", "[\"x\"]", "{}", "\"\\u00e9\"",
                            "12.", ".5", "1.5.3", "1e", "\"unterminated",
                        ][..]).prop_map(str::to_string),
                    ],
                    proptest::sample::select(&["", " ", "\t", "\r\n", "  "][..]),
                ),
                0..6,
            ),
            close in proptest::sample::select(&["}", "}\n", "} ", ",}", "", "}x", "}}"][..]),
        ) {
            let body: Vec<String> = entries
                .iter()
                .map(|(key, value, ws)| format!("{ws}\"{key}\"{ws}:{ws}{value}{ws}"))
                .collect();
            let line = format!("{{{}{close}", body.join(","));
            if let Some(flat) = hand(&line) {
                let serde = serde_json::from_str::<JsonPatient<'_>>(&line);
                proptest::prop_assert!(serde.is_ok(), "{line}: {serde:?}");
                if let Ok(serde) = serde {
                    proptest::prop_assert_eq!(texts(&flat), texts(&serde), "{}", line);
                }
            }
        }
    }

    #[test]
    fn unknown_keys_and_nested_values_are_errors() {
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"colour": "red"}"#).is_err());
        assert!(serde_json::from_str::<JsonPatient<'_>>(r#"{"weight": [12]}"#).is_err());
    }
}
