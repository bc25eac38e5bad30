//! Adversarial inputs: a catalog of bad values over every field and subcommand, each refused
//! with exit 2, one line on stderr naming the field, and nothing on stdout; the same catalog
//! through `batch`, one error record per bad line; and a smoke test of random and mutated input
//! through the in-process path, which must never panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::common::anakinra;
use std::borrow::Cow;
use std::cell::Cell;

use anakinra::i18n::Lang;
use anakinra::input::request::{self, PatientFields};
use anakinra::output::record::Record;
use anakinra::output::text::{self, Paint, Style};
use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;

/// (flag, bad value): each replaces or adds that flag on a valid patient.
fn catalog() -> Vec<(&'static str, String)> {
    let long = "9".repeat(100_000);
    let mut c: Vec<(&str, String)> = [
        ("--weight", "-3"),
        ("--weight", "+3"),
        ("--weight", "0"),
        ("--weight", "0,00"),
        ("--weight", "NaN"),
        ("--weight", "inf"),
        ("--weight", "-inf"),
        ("--weight", "1e400"),
        ("--weight", "1E2"),
        ("--weight", "0x10"),
        ("--weight", "1,250.5"),
        ("--weight", "1.250,5"),
        ("--weight", "10,000"),
        ("--weight", "12..5"),
        ("--weight", ".5"),
        ("--weight", "12."),
        ("--weight", "١٢"),
        ("--weight", "１２"),
        ("--weight", "12\u{a0}kg"),
        ("--weight", "12 kgs"),
        ("--weight", "12kg!"),
        ("--weight", ""),
        ("--weight", " "),
        ("--weight", "25lb"),
        ("--weight", "25 lbs"),
        ("--weight", "12000g"),
        ("--weight", "3st"),
        ("--weight", "12 mg/kg"),
        ("--weight", "251"),
        ("--weight", "160"),
        ("--age", "5"),
        ("--age", "-3y"),
        ("--age", "2y13m"),
        ("--age", "200y"),
        ("--age", "3.5y"),
        ("--age", "8w"),
        ("--age", "y"),
        ("--age", ""),
        ("--age", "1561m"),
        ("--age", "٣y"),
        ("--indication", "jia"),
        ("--indication", ""),
        // Spaces around a value are not part of it ("sjia " is sjia), but inside it they are.
        ("--indication", "s jia"),
        ("--gfr", "-1"),
        ("--gfr", "abc"),
        ("--gfr", "NaN"),
        ("--gfr", "1e400"),
        ("--gfr", "251"),
        ("--gfr", "45ml"),
        ("--gfr", "29.999"),
        ("--dose", "40mg/kg"),
        ("--dose", "0.3 ml"),
        ("--dose", "1g"),
        ("--dose", "-40"),
        ("--dose", "0"),
        ("--dose", "10000.01"),
        ("--dose", "40 mcg"),
        ("--sex", "x"),
        ("--sex", ""),
        ("--comedication", ""),
        ("--comedication", " , ;"),
    ]
    .into_iter()
    .map(|(f, v)| (f, v.to_string()))
    .collect();
    c.push(("--weight", long.clone()));
    c.push(("--gfr", long));
    c
}

fn dose_args(flag: &str, value: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "dose",
        "--weight",
        "20",
        "--age",
        "5y",
        "--indication",
        "sjia",
    ]
    .map(String::from)
    .to_vec();
    match args.iter().position(|a| a == flag) {
        Some(at) => args[at + 1] = value.to_string(),
        None => args.extend([flag.to_string(), value.to_string()]),
    }
    args
}

#[test]
fn every_bad_value_is_exit_2_with_one_line_naming_the_field() {
    let catalog = catalog();
    assert!(catalog.len() >= 60, "{}", catalog.len());
    for (flag, value) in &catalog {
        let out = anakinra().args(dose_args(flag, value)).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let shown: String = value.chars().take(20).collect();
        assert_eq!(out.status.code(), Some(2), "{flag} {shown:?}: {err}");
        assert!(out.stdout.is_empty(), "{flag} {shown:?}: stdout not empty");
        assert_eq!(err.lines().count(), 1, "{flag} {shown:?}: {err}");
        assert!(
            err.starts_with(&format!("error: {flag}: ")),
            "{flag} {shown:?}: {err}"
        );
        assert!(err.len() < 600, "{flag}: message of {} bytes", err.len());
    }
}

/// Our own validation's refusal: exit 2, nothing on stdout, one line naming the flag.
fn assert_refused(args: &[&str], flag: &str) {
    let out = anakinra().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.starts_with(&format!("error: {flag}: ")),
        "{args:?}: {err}"
    );
}

#[test]
fn dates_and_dates_of_birth() {
    for (flags, field) in [
        (vec!["--dob", "2026-02-30", "--on", "2026-11-26"], "--dob"),
        (vec!["--dob", "2030-01-01", "--on", "2026-11-26"], "--dob"),
        (vec!["--dob", "2020-13-01", "--on", "2026-11-26"], "--dob"),
        (vec!["--dob", "20-02-2020x", "--on", "2026-11-26"], "--dob"),
        (vec!["--dob", "2020-02-20", "--on", "2026-02-29"], "--on"),
        (vec!["--dob", "-2020-01-01", "--on", "2026-11-26"], "--dob"),
    ] {
        let mut args = vec!["dose", "--weight", "20", "--indication", "sjia"];
        args.extend(flags);
        assert_refused(&args, field);
    }
}

#[test]
fn renal_inputs() {
    for (flags, field) in [
        (
            vec!["--height", "39", "--creatinine", "40umol/l"],
            "--height",
        ),
        (
            vec!["--height", "1.1m", "--creatinine", "40umol/l"],
            "--height",
        ),
        (
            vec!["--height", "110", "--creatinine", "40"],
            "--creatinine",
        ),
        (
            vec!["--height", "110", "--creatinine", "4umol/l"],
            "--creatinine",
        ),
        (
            vec!["--height", "110", "--creatinine", "40 mmol/l"],
            "--creatinine",
        ),
        (
            vec!["--height", "110", "--creatinine", "-40umol/l"],
            "--creatinine",
        ),
    ] {
        let mut args = vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--indication",
            "sjia",
        ];
        args.extend(flags);
        assert_refused(&args, field);
    }
}

#[test]
fn contradictory_flags_are_clap_usage_errors() {
    for args in [
        vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--dob",
            "2021-01-01",
            "--indication",
            "sjia",
        ],
        vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--indication",
            "sjia",
            "--gfr",
            "90",
            "--height",
            "110",
            "--creatinine",
            "40umol/l",
        ],
        vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--indication",
            "sjia",
            "--on",
            "2026-01-01",
        ],
        vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--indication",
            "sjia",
            "--height",
            "110",
        ],
        vec!["dose", "--weight", "20", "--indication", "sjia"],
        vec![
            "dose",
            "--weight",
            "20",
            "--age",
            "5y",
            "--indication",
            "sjia",
            "--format",
            "xml",
        ],
        vec!["batch", "--input", "xml"],
        vec!["taper", "--from", "2026-12-01"],
        vec!["frobnicate"],
    ] {
        let out = anakinra().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("error:"),
            "{args:?}"
        );
    }
}

#[test]
fn other_subcommands_refuse_bad_input() {
    for (args, phrase) in [
        (
            vec!["taper", "--from", "2026-02-30", "--dose", "40"],
            "--from",
        ),
        (
            vec!["taper", "--from", "2026-12-01", "--dose", "40mg/kg"],
            "--dose",
        ),
        (
            vec!["taper", "--from", "2026-12-01", "--dose", "0"],
            "--dose",
        ),
        (vec!["batch", "/nonexistent/x.jsonl"], "cannot open"),
        (vec!["check", "/nonexistent/x.json"], "cannot read"),
    ] {
        let out = anakinra().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(phrase), "{args:?}: {err}");
    }
}

#[test]
fn the_catalog_through_batch_gives_one_error_record_per_bad_line() {
    let catalog = catalog();
    let mut input = String::new();
    let mut keys = Vec::new();
    for (flag, value) in &catalog {
        let key = flag.trim_start_matches("--").replace('-', "_");
        let mut line = serde_json::json!({"weight": "20", "age": "5y", "indication": "sjia"});
        line[&key] = Value::from(value.as_str());
        input.push_str(&line.to_string());
        input.push('\n');
        keys.push(key);
    }
    // A half-MiB line is read (its weight refused); a 2 MiB line is over the 1 MiB a line
    // may be: an error record without a field, and the next line is read as usual.
    input.push_str(
        &serde_json::json!({"weight": "1".repeat(1 << 19), "age": "5y", "indication": "sjia"})
            .to_string(),
    );
    input.push('\n');
    keys.push("weight".to_string());
    input.push_str(
        &serde_json::json!({"id": "big", "weight": "1".repeat(2 << 20), "age": "5y"}).to_string(),
    );
    input.push('\n');
    keys.push(String::new());
    input.push_str(r#"{"weight": "x", "age": "5y", "indication": "sjia"}"#);
    input.push('\n');
    keys.push("weight".to_string());
    let out = anakinra()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let records: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), keys.len(), "nothing lost");
    for (record, key) in records.iter().zip(&keys) {
        if key.is_empty() {
            assert_eq!(record["error"]["field"], Value::Null, "{record}");
            assert!(
                record["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("longer than 1 MiB")
            );
            assert_eq!(
                record["id"],
                Value::Null,
                "the line is not parsed for its id"
            );
            continue;
        }
        assert_eq!(record["error"]["field"], key.as_str(), "{record}");
        assert!(record["error"]["message"].as_str().unwrap().len() < 600);
    }
}

/// What a person might type into one field: nothing, one of the `seeds`, or a seed with up to
/// three characters inserted, deleted or replaced from an alphabet of digits, marks, signs,
/// units, look-alike digits and separators.
fn typed(seeds: &'static [&'static str]) -> BoxedStrategy<Option<Cow<'static, str>>> {
    let alphabet: Vec<char> = "0123456789.,-+eE kgmylbjmo/µμ\u{a0}١２x\"'\\;|\n\t"
        .chars()
        .collect();
    let edit = (
        0..3_u8,
        any::<prop::sample::Index>(),
        prop::sample::select(alphabet),
    );
    let mutated = (
        prop::sample::select(seeds),
        prop::collection::vec(edit, 0..4),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<char> = seed.chars().collect();
            for (kind, at, c) in edits {
                let at = at.index(chars.len() + 1);
                match kind {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ if at < chars.len() => chars[at] = c,
                    _ => chars.push(c),
                }
            }
            Some(Cow::Owned(chars.into_iter().collect::<String>()))
        });
    prop_oneof![
        1 => Just(None),
        1 => mutated,
        8 => prop::sample::select(seeds).prop_map(|s| Some(Cow::Borrowed(s))),
    ]
    .boxed()
}

/// A patient's fields as typed: every field from [`typed`], and now and then a height and a
/// creatinine instead of a GFR.
fn patients() -> impl Strategy<Value = PatientFields<'static>> {
    let renal = prop_oneof![
        3 => typed(&["29.9", "30", "0", "250", "80", "", "abc"]).prop_map(|gfr| (gfr, None, None)),
        1 => (
            typed(&["110", "40", "251"]),
            typed(&["181umol/l", "0.5 mg/dl", "35 µmol/l", "5umol/l"]),
        )
            .prop_map(|(height, creatinine)| (None, height, creatinine)),
    ];
    (
        (
            typed(&[
                "12", "12,5", "14kg", "9.99", "16", "20.5", "30", "250", "1e3", "-1", "",
            ]),
            typed(&[
                "8m", "3y", "2y6m", "4y", "5y", "8y", "17y11m", "0m", "130y", "5", "",
            ]),
            typed(&[
                "sjia",
                "caps-mild",
                "caps-severe",
                "ra",
                "hereditary-autoinflammatory",
                "other-autoinflammatory",
                "x",
            ]),
            renal,
        ),
        (
            typed(&["40", "45mg", "210", "0", "10,5", "mg"]),
            typed(&["ja", "nee", "1", "maybe"]),
            typed(&["f", "m", "x"]),
            typed(&["true", "no"]),
            typed(&["Enbrel, mtx", "etanercpet", "Kineret"]),
        ),
    )
        .prop_map(
            |(
                (weight, age, indication, (gfr, height, creatinine)),
                (dose, dialysis, sex, confirm_weight, comedication),
            )| PatientFields {
                weight,
                age,
                indication,
                gfr,
                height,
                creatinine,
                dose,
                dialysis,
                sex,
                confirm_weight,
                comedication: comedication.into_iter().collect(),
                ..PatientFields::default()
            },
        )
}

#[test]
fn random_and_mutated_inputs_never_panic() {
    // A fixed seed: the same inputs every run, as a smoke test should be. 100,000 cases in a
    // debug build take some 4 s; PROPTEST_CASES=1000000 runs more.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100_000);
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::XorShift));
    let accepted = Cell::new(0_u32);
    let run = runner.run(&(patients(), any::<bool>()), |(fields, dutch)| {
        let lang = if dutch { Lang::Nl } else { Lang::En };
        match request::request(&fields, || jiff::civil::Date::constant(2026, 11, 26)) {
            Ok(req) => {
                accepted.set(accepted.get() + 1);
                let assessed = req.assess();
                let json = serde_json::to_string(&Record::new(&assessed, lang)).unwrap();
                prop_assert!(json.starts_with("{\"schema\":\"anakinra/1\""), "{}", json);
                let mut out = Vec::new();
                text::write_advice(
                    &mut out,
                    &assessed,
                    Style {
                        paint: Paint::Plain,
                        lang,
                        width: text::WIDTH,
                        short: false,
                        all: false,
                    },
                )
                .unwrap();
                prop_assert!(!out.is_empty());
            }
            Err(err) => {
                let message = err.message(lang);
                prop_assert!(
                    !message.is_empty() && !message.contains('\n'),
                    "{message:?}"
                );
            }
        }
        Ok(())
    });
    if let Err(failure) = run {
        panic!("{failure}");
    }
    // Most combinations are refused somewhere; enough must get through to exercise the whole
    // path (assess, JSON, text in both languages).
    assert!(accepted.get() > cases / 40, "{}", accepted.get());
}
