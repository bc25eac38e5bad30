//! A patient as a JSON object: the shape of a `batch` line and of a reference case's `input`.
//! Numbers may be JSON numbers or strings; everything goes on to [`crate::input::request`] as text, so
//! JSON input meets exactly the validation of the command line.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::value::RawValue;

use crate::input::request::PatientFields;

/// A JSON scalar (string, number or boolean) kept as the text a person typed; borrowed from
/// the input where it can be. A number keeps its own text (`29.999999999999999999`, `1.2e1`,
/// `-0`), never a double's rounding of it, so it meets the grammar of [`crate::input::grammar`] exactly
/// as the same characters on the command line would.
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
    /// The fields as text, for [`crate::input::request::request`].
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

/// A line that is not a patient object: serde_json's error, and the `id` when the line gave
/// one before what went wrong (read on the way, never by parsing the line again).
#[derive(Debug)]
pub struct BadLine<'a> {
    /// What serde_json found wrong.
    pub error: serde_json::Error,
    /// The id, when it was read before the line went wrong.
    pub id: Option<Scalar<'a>>,
}

impl<'a> JsonPatient<'a> {
    /// Reads a patient from one JSON object: the common flat shape by hand (see
    /// [`read_flat`]), anything else by serde_json, whose errors name what is wrong.
    ///
    /// # Errors
    ///
    /// serde_json's error for text that is not a patient object, with the id the hand reader
    /// had read before it gave the line to serde.
    pub fn read(text: &'a str) -> Result<JsonPatient<'a>, BadLine<'a>> {
        let mut patient = JsonPatient::default();
        if read_flat(text, &mut patient).is_some() {
            return Ok(patient);
        }
        serde_json::from_str(text).map_err(|error| BadLine {
            error,
            id: patient.id,
        })
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
    let mut seen = 0_u16;
    r.skip_ws();
    r.eat(b'{')?;
    r.skip_ws();
    if r.eat(b'}').is_none() {
        loop {
            let key = r.string()?;
            r.skip_ws();
            r.eat(b':')?;
            r.skip_ws();
            let (bit, slot) = match key {
                "id" => (0, &mut patient.id),
                "weight" => (1, &mut patient.weight),
                "age" => (2, &mut patient.age),
                "age_months" => (3, &mut patient.age_months),
                "dob" => (4, &mut patient.dob),
                "on" => (5, &mut patient.on),
                "indication" => (6, &mut patient.indication),
                "gfr" => (7, &mut patient.gfr),
                "height" => (8, &mut patient.height),
                "creatinine" => (9, &mut patient.creatinine),
                "dialysis" => (10, &mut patient.dialysis),
                "dose" => (11, &mut patient.dose),
                "sex" => (12, &mut patient.sex),
                "confirm_weight" => (13, &mut patient.confirm_weight),
                // Co-medication (a list) and unknown keys: serde's.
                _ => return None,
            };
            // serde refuses a repeated key, even after a `null`.
            if seen & (1 << bit) != 0 {
                return None;
            }
            seen |= 1 << bit;
            r.value(slot)?;
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

    /// A value, into `slot`: `None` for `null`. `None` back when it is not one of ours.
    fn value(&mut self, slot: &mut Option<Scalar<'a>>) -> Option<()> {
        let text = |s: &'a str| Some(Scalar(Cow::Borrowed(s)));
        *slot = match self.peek()? {
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
        };
        Some(())
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
        assert!(bad.error.to_string().starts_with("unknown field `colour`"));
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
        assert_eq!(p.weight.unwrap().as_str(), "12.5");
        assert_eq!(p.gfr.unwrap().as_str(), "29,9");
        assert_eq!(p.dialysis.unwrap().as_str(), "true");
        assert!(p.age_months.is_none());
        assert!(matches!(p.age.unwrap().0, Cow::Borrowed("3y")));
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
            assert_eq!(p.weight.unwrap().as_str(), number);
            let flat = format!(r#"{{"weight":{number}}}"#);
            assert_eq!(hand(&flat).unwrap().weight.unwrap().as_str(), number);
        }
        let p: JsonPatient<'_> =
            serde_json::from_str(r#"{"id": "a\"b", "age": "3\u0079"}"#).unwrap();
        assert_eq!(p.id.unwrap().as_str(), "a\"b");
        assert_eq!(p.age.unwrap().as_str(), "3y");
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
        let f = p.fields();
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
        assert_eq!(p.weight.as_ref().unwrap().as_str(), "12.5");
        assert_eq!(p.gfr.as_ref().unwrap().as_str(), "95");
        assert!(matches!(p.age.unwrap().0, Cow::Borrowed("3y")));
        assert!(p.dose.is_none());
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
        assert_eq!(small.weight.unwrap().as_str(), "0.05");
        assert_eq!(small.gfr.unwrap().as_str(), "0");
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
