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

use anakinra::dosing;
use anakinra::i18n::Lang;
use anakinra::input::request::Assessed;
use anakinra::input::request::{self, PatientFields};
use anakinra::output::record::Record;
use anakinra::output::text::{self, Paint, Style};
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

/// A tiny deterministic generator (xorshift), so the smoke test needs no crate and no seed
/// file and gives the same inputs every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.next() % items.len() as u64).unwrap()]
    }

    /// A seed value, mutated: characters inserted, deleted or replaced.
    fn mutate(&mut self, seed: &str) -> String {
        let alphabet: Vec<char> = "0123456789.,-+eE kgmylbjmo/µμ\u{a0}١２x\"'\\;|\n\t"
            .chars()
            .collect();
        let mut chars: Vec<char> = seed.chars().collect();
        for _ in 0..self.next() % 4 {
            let at = usize::try_from(self.next() % (chars.len() as u64 + 1)).unwrap();
            let c = alphabet[usize::try_from(self.next() % alphabet.len() as u64).unwrap()];
            match self.next() % 3 {
                0 => chars.insert(at, c),
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                _ if at < chars.len() => chars[at] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    }
}

#[test]
fn two_hundred_thousand_random_and_mutated_inputs_never_panic() {
    let mut rng = Rng(0x2026_1126_0000_0001);
    let weights = [
        "12", "12,5", "14kg", "9.99", "16", "20.5", "30", "250", "1e3", "-1", "",
    ];
    let ages = [
        "8m", "3y", "2y6m", "4y", "5y", "8y", "17y11m", "0m", "130y", "5", "",
    ];
    let indications = [
        "sjia",
        "caps-mild",
        "caps-severe",
        "ra",
        "hereditary-autoinflammatory",
        "other-autoinflammatory",
        "x",
    ];
    let gfrs = ["29.9", "30", "0", "250", "80", "", "abc"];
    let doses = ["40", "45mg", "210", "0", "10,5", "mg"];
    let creatinines = ["181umol/l", "0.5 mg/dl", "35 µmol/l", "5umol/l"];
    let mut accepted = 0;
    for i in 0..200_000_u32 {
        let m = |rng: &mut Rng, items: &[&str]| -> Option<Cow<'static, str>> {
            match rng.next() % 10 {
                0 => None,
                1 => {
                    let seed = rng.pick(items);
                    Some(Cow::Owned(rng.mutate(seed)))
                }
                _ => Some(Cow::Owned(rng.pick(items).to_string())),
            }
        };
        let (height, creatinine) = if rng.next().is_multiple_of(4) {
            (
                m(&mut rng, &["110", "40", "251"]),
                m(&mut rng, &creatinines),
            )
        } else {
            (None, None)
        };
        let fields = PatientFields {
            weight: m(&mut rng, &weights),
            age: m(&mut rng, &ages),
            indication: m(&mut rng, &indications),
            gfr: if height.is_some() {
                None
            } else {
                m(&mut rng, &gfrs)
            },
            height,
            creatinine,
            dose: m(&mut rng, &doses),
            dialysis: m(&mut rng, &["ja", "nee", "1", "maybe"]),
            sex: m(&mut rng, &["f", "m", "x"]),
            confirm_weight: m(&mut rng, &["true", "no"]),
            comedication: m(&mut rng, &["Enbrel, mtx", "etanercpet", "Kineret"])
                .into_iter()
                .collect(),
            ..PatientFields::default()
        };
        let lang = if i % 2 == 0 { Lang::En } else { Lang::Nl };
        match request::request(&fields, || jiff::civil::Date::constant(2026, 11, 26)) {
            Ok(req) => {
                accepted += 1;
                let assessed = Assessed {
                    advice: dosing::assess(&req.patient, &req.extras),
                    dob: req.dob,
                    sex: req.sex,
                };
                let json = serde_json::to_string(&Record::new(&assessed, lang)).unwrap();
                assert!(json.starts_with("{\"schema\":\"anakinra/1\""));
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
                assert!(!out.is_empty());
            }
            Err(err) => {
                let message = err.message(lang);
                assert!(
                    !message.is_empty() && !message.contains('\n'),
                    "{message:?}"
                );
            }
        }
    }
    // Most combinations are refused somewhere; enough must get through to exercise the whole
    // path (assess, JSON, text in both languages).
    assert!(accepted > 5_000, "{accepted}");
}
