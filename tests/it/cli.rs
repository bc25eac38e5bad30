//! `anakinra dose` as a user runs it: exit codes, stdout and stderr.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
// JSON numbers are compared exactly: the contract is "at most 2 decimals", printed shortest.
#![allow(clippy::float_cmp)]

use crate::common::anakinra;
use assert_cmd::Command;
use predicates::prelude::*;
use serde::Deserialize;

fn dose(args: &[&str]) -> Command {
    let mut cmd = anakinra();
    cmd.arg("dose").args(args);
    cmd
}

// The JSON contract, read back with deny_unknown_fields: a key the README does not document
// fails the test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    schema: String,
    tool_version: String,
    rules_version: String,
    input: Input,
    verdict: String,
    outcome: String,
    label_status: String,
    reasons: Vec<Reason>,
    phases: Vec<PhaseRecord>,
    warnings: Vec<WarningRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    weight_kg: f64,
    age_months: u32,
    indication: String,
    gfr: Option<f64>,
    dialysis: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Reason {
    rule: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseRecord {
    phase: String,
    label_status: String,
    mg_per_kg_min: Option<u32>,
    mg_per_kg_max: Option<u32>,
    min_mg: f64,
    max_mg: f64,
    cap_mg: f64,
    capped: bool,
    effective_mg_per_kg_min: f64,
    effective_mg_per_kg_max: f64,
    when: String,
    rules: Vec<String>,
    min_ml: f64,
    max_ml: f64,
    marks: Vec<MarkRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkRecord {
    mg: f64,
    ml: f64,
    mg_per_kg: f64,
    syringes: u8,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningRecord {
    rule: String,
    severity: String,
    text: String,
    source: String,
}

fn json(args: &[&str], code: i32) -> Record {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = dose(&all).assert().code(code).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    serde_json::from_str(&text).unwrap()
}

fn phase<'a>(record: &'a Record, name: &str) -> &'a PhaseRecord {
    record.phases.iter().find(|p| p.phase == name).unwrap()
}

fn ids(record: &Record) -> Vec<&str> {
    record.warnings.iter().map(|w| w.rule.as_str()).collect()
}

#[test]
fn sjia_30_kg_8_years_gfr_95_is_advised_with_caps() {
    let r = json(
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "95",
        ],
        0,
    );
    assert_eq!(r.schema, "anakinra/1");
    assert_eq!(r.tool_version, env!("CARGO_PKG_VERSION"));
    assert!(!r.rules_version.is_empty());
    assert_eq!(r.verdict, "advised");
    assert_eq!(r.outcome, "advised");
    assert_eq!(r.label_status, "off_label");
    assert!(r.reasons.is_empty());
    assert_eq!(
        (r.input.weight_kg, r.input.age_months, r.input.gfr),
        (30.0, 96, Some(95.0))
    );
    assert_eq!(
        (r.input.indication.as_str(), r.input.dialysis),
        ("sjia", false)
    );

    let start = phase(&r, "start");
    assert_eq!(
        (start.min_mg, start.max_mg, start.capped),
        (30.0, 60.0, false)
    );
    assert_eq!(
        (start.mg_per_kg_min, start.mg_per_kg_max),
        (Some(1), Some(2))
    );
    assert_eq!((start.min_ml, start.max_ml), (0.2, 0.4));
    let marks: Vec<(f64, f64, f64, u8)> = start
        .marks
        .iter()
        .map(|m| (m.mg, m.ml, m.mg_per_kg, m.syringes))
        .collect();
    assert_eq!(
        marks,
        [
            (30.0, 0.2, 1.0, 1),
            (40.0, 0.26, 1.33, 1),
            (50.0, 0.33, 1.66, 1),
            (60.0, 0.4, 2.0, 1)
        ]
    );

    let esc = phase(&r, "escalation");
    assert_eq!(
        (esc.min_mg, esc.max_mg, esc.cap_mg, esc.capped),
        (90.0, 100.0, 100.0, true)
    );
    assert_eq!(
        (esc.effective_mg_per_kg_min, esc.effective_mg_per_kg_max),
        (3.0, 3.33)
    );
    assert!(esc.rules.contains(&"KF-CAP-100".to_string()));
    assert_eq!(
        esc.when,
        "on little effect or in severe forms, guided by the response"
    );
    assert_eq!(esc.max_ml, 0.67);

    let exc = phase(&r, "exceptional");
    assert_eq!(
        (exc.min_mg, exc.max_mg, exc.cap_mg, exc.capped),
        (100.0, 200.0, 200.0, true)
    );
    assert_eq!((exc.mg_per_kg_min, exc.mg_per_kg_max), (Some(4), Some(8)));
    assert_eq!(exc.label_status, "off_label");
    assert_eq!(
        exc.marks.last().map(|m| (m.mg, m.ml, m.syringes)),
        Some((200.0, 1.34, 2))
    );

    assert!(ids(&r).contains(&"KF-LABEL-OFF"));
    assert!(ids(&r).contains(&"KF-MAS"));
    let tnf = r.warnings.iter().find(|w| w.rule == "KF-INT-TNF").unwrap();
    assert_eq!(
        (tnf.severity.as_str(), tnf.source.as_str()),
        ("caution", "KF Interacties")
    );
    assert!(tnf.text.contains("discouraged"));
}

#[test]
fn kf_renal_ci_gfr_29_9_is_contraindicated_exit_1() {
    let r = json(
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "29.9",
        ],
        1,
    );
    assert_eq!(r.verdict, "contraindicated");
    assert_eq!(r.outcome, "contraindicated");
    assert_eq!(
        r.reasons
            .iter()
            .map(|x| x.rule.as_str())
            .collect::<Vec<_>>(),
        ["KF-RENAL-CI"]
    );
    assert!(r.reasons[0].text.contains("29.9"));
    assert!(r.phases.is_empty());
    assert!(r.warnings.is_empty());
    assert_eq!(r.input.gfr, Some(29.9));
}

#[test]
fn kf_renal_ci_gfr_30_is_advised() {
    let r = json(
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "30",
        ],
        0,
    );
    assert_eq!(r.verdict, "advised");
    assert!(ids(&r).contains(&"KF-RENAL-HALFLIFE"));
}

#[test]
fn kf_weight_min_9_9_kg_not_covered_exit_1() {
    let r = json(
        &["--weight", "9,9", "--age", "2y", "--indication", "sjia"],
        1,
    );
    assert_eq!(r.verdict, "not_covered");
    assert_eq!(r.reasons[0].rule, "KF-WEIGHT-MIN");
    assert_eq!(r.input.weight_kg, 9.9);
    assert_eq!(r.input.gfr, None);
}

#[test]
fn kf_age_min_7_months_not_covered_exit_1() {
    let r = json(
        &["--weight", "12", "--age", "7m", "--indication", "caps-mild"],
        1,
    );
    assert_eq!(r.verdict, "not_covered");
    assert_eq!(r.reasons[0].rule, "KF-AGE-MIN");
    assert_eq!(r.label_status, "on_label");
}

#[test]
fn kf_dialysis_child_no_general_advice_exit_1() {
    let r = json(
        &[
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--dialysis",
        ],
        1,
    );
    assert_eq!(r.verdict, "no_general_advice");
    assert_eq!(r.reasons[0].rule, "KF-DIALYSIS");
    assert!(r.input.dialysis);
}

#[test]
fn scope_adult_renal_dialysis_adult_exit_1() {
    let r = json(
        &[
            "--weight",
            "70",
            "--age",
            "40y",
            "--indication",
            "ra",
            "--dialysis",
        ],
        1,
    );
    assert_eq!(r.verdict, "no_general_advice");
    assert_eq!(r.reasons[0].rule, "SCOPE-ADULT-RENAL");
}

#[test]
fn lf_adult_ra_standard_phase() {
    let r = json(
        &[
            "--weight",
            "70",
            "--age",
            "40y",
            "--indication",
            "ra",
            "--gfr",
            "90",
        ],
        0,
    );
    assert_eq!(r.label_status, "on_label");
    assert_eq!(r.phases.len(), 1);
    let std = phase(&r, "standard");
    assert_eq!(
        (std.min_mg, std.max_mg, std.mg_per_kg_min, std.mg_per_kg_max),
        (100.0, 100.0, None, None)
    );
    // 100 / 70 = 1.428... -> 1.42
    assert_eq!(
        (std.effective_mg_per_kg_min, std.effective_mg_per_kg_max),
        (1.42, 1.42)
    );
    assert_eq!(std.rules, ["LF-ADULT"]);
}

#[test]
fn scope_ra_adult_child_on_ra_exit_1() {
    let r = json(&["--weight", "30", "--age", "10y", "--indication", "ra"], 1);
    assert_eq!(r.verdict, "not_covered");
    assert_eq!(r.reasons[0].rule, "SCOPE-RA-ADULT");
}

#[test]
fn kf_escalate_12_3_kg_is_exact_with_the_40_mg_mark_only() {
    let r = json(
        &["--weight", "12.3", "--age", "3y", "--indication", "sjia"],
        0,
    );
    let esc = phase(&r, "escalation");
    assert_eq!((esc.min_mg, esc.max_mg), (36.9, 49.2));
    assert_eq!(esc.marks.iter().map(|m| m.mg).collect::<Vec<_>>(), [40.0]);
    assert_eq!((esc.min_ml, esc.max_ml), (0.24, 0.32));
    // 40 / 12.3 = 3.252 -> 3.25
    assert_eq!(esc.marks[0].mg_per_kg, 3.25);
}

#[test]
fn text_output_reads_like_a_clinical_note() {
    dose(&[
        "--weight",
        "12.3",
        "--age",
        "3y",
        "--indication",
        "sjia",
        "--gfr",
        "95",
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains(
        "Patient: 12.3 kg, 3 years (36 months), sjia, GFR 95 ml/min/1.73 m2",
    ))
    .stdout(predicate::str::contains("Verdict: ADVISED (off-label)"))
    .stdout(predicate::str::contains(
        "escalation  3-4        36.9-49.2 mg",
    ))
    .stdout(predicate::str::contains("40 mg = 0.26 ml (3.25 mg/kg)"))
    .stdout(predicate::str::contains(
        "Exceptional ceiling: only in very exceptional cases",
    ))
    .stdout(predicate::str::contains("rules_version"))
    .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn text_output_lists_cautions_before_information() {
    let out = dose(&["--weight", "20", "--age", "6y", "--indication", "sjia"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // What is about this patient (no GFR given) first, before the phases; then the general
    // cautions, then information, then the sources, and the verdict again last.
    let patient = text.find("For this patient").unwrap();
    let phases = text.find("phase ").unwrap();
    let cautions = text.find("Cautions").unwrap();
    let info = text.find("Information").unwrap();
    let sources = text.find("Sources").unwrap();
    assert!(patient < phases && phases < cautions && cautions < info && info < sources);
    assert!(text[patient..phases].contains("KF-RENAL-UNKNOWN   caution: no GFR given"));
    assert!(!text[cautions..].contains("KF-RENAL-UNKNOWN"));
    assert!(text[cautions..info].contains("KF-MAS"));
    assert!(text[info..sources].contains("LF-STORAGE"));
    assert_eq!(text.lines().nth(1), Some("Verdict: ADVISED (off-label)"));
    assert!(text.ends_with("\nSummary: ADVISED (off-label)\n"), "{text}");
}

#[test]
fn refusal_text_names_the_reason_and_no_dose() {
    dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--gfr",
        "29.9",
    ])
    .assert()
    .code(1)
    .stdout(predicate::str::contains("CONTRAINDICATED: no dose advised"))
    .stdout(predicate::str::contains("KF-RENAL-CI"))
    .stdout(predicate::str::contains("mg/kg/day").not())
    .stdout(predicate::str::contains("Cautions").not());
}

#[test]
fn color_always_colours_and_never_does_not() {
    dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--color",
        "always",
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains("\x1b["));
    dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--color",
        "never",
    ])
    .assert()
    .stdout(predicate::str::contains("\x1b[").not());
    // auto, not a terminal, NO_COLOR set: plain.
    dose(&["--weight", "30", "--age", "8y", "--indication", "sjia"])
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn version_names_the_rules_version() {
    anakinra()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")))
        .stdout(predicate::str::contains(anakinra::RULES_VERSION));
}

#[test]
fn help_gives_examples_and_exit_codes() {
    dose(&["--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("2  invalid input or usage"));
}

#[test]
fn missing_required_flag_is_a_clap_usage_error() {
    dose(&["--weight", "30", "--age", "8y"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--indication"));
}

/// One row per bad input: the flag, the value, and a phrase the message must contain. Each
/// must exit 2 with one line on stderr naming the field, and nothing on stdout.
macro_rules! bad_inputs {
    ($($name:ident: $flag:literal $value:expr => $phrase:literal;)*) => {
        $(
            #[test]
            fn $name() {
                let mut args = vec!["--weight", "20", "--age", "5y", "--indication", "sjia"];
                match args.iter().position(|a| *a == $flag) {
                    Some(at) => args[at + 1] = $value,
                    None => args.extend([$flag, $value]),
                }
                let out = dose(&args).assert().code(2).stdout("").get_output().stderr.clone();
                let err = String::from_utf8(out).unwrap();
                assert_eq!(err.lines().count(), 1, "one line: {err}");
                assert!(err.starts_with(&format!("error: {}: ", $flag)), "{err}");
                assert!(err.contains($phrase), "{err} lacks {:?}", $phrase);
                assert!(err.contains("accepted") || err.contains("give"), "{err}");
            }
        )*
    };
}

bad_inputs! {
    weight_negative: "--weight" "-3" => "sign";
    weight_zero: "--weight" "0" => "above zero";
    weight_zero_decimal: "--weight" "0.00" => "above zero";
    weight_nan: "--weight" "NaN" => "not a number";
    weight_inf: "--weight" "inf" => "not a number";
    weight_huge_exponent: "--weight" "1e400" => "exponent";
    weight_empty: "--weight" "" => "no value";
    weight_double_point: "--weight" "12..5" => "one decimal mark";
    weight_mixed_marks: "--weight" "1.250,5" => "one decimal mark";
    weight_thousands: "--weight" "10,000" => "thousands";
    weight_three_decimals: "--weight" "12.345" => "at most 2 decimals";
    weight_no_leading_digit: "--weight" ".5" => "start with a digit";
    weight_pounds: "--weight" "25lb" => "kg";
    weight_pounds_spaced: "--weight" "25 lbs" => "weights are entered in kg";
    weight_grams: "--weight" "12000g" => "weights are entered in kg";
    weight_stone: "--weight" "3st" => "weights are entered in kg";
    weight_above_250: "--weight" "250.01" => "too large";
    weight_hex: "--weight" "0x10" => "unexpected";
    weight_arabic_digits: "--weight" "١٢" => "not a number";
    weight_full_width: "--weight" "１２" => "not a number";
    weight_nbsp_before_unit: "--weight" "12\u{a0}kg" => "unexpected";
    age_without_unit: "--age" "5" => "unit is required";
    age_13_months_after_years: "--age" "2y13m" => "0 to 11";
    age_negative: "--age" "-3y" => "sign";
    age_200_years: "--age" "200y" => "too large";
    age_fraction: "--age" "3.5y" => "whole numbers";
    age_weeks: "--age" "8w" => "unit 'w'";
    age_empty: "--age" "" => "no value";
    age_unit_only: "--age" "y" => "not a number";
    indication_unknown: "--indication" "jia" => "unknown indication";
    indication_empty: "--indication" "" => "unknown indication";
    gfr_negative: "--gfr" "-1" => "sign";
    gfr_text: "--gfr" "normal" => "not a number";
    gfr_above_250: "--gfr" "251" => "too large";
    gfr_nan: "--gfr" "NaN" => "not a number";
    gfr_with_unit: "--gfr" "45ml" => "unexpected";
}

#[test]
fn phase_rules_kf_start_kf_escalate_kf_exceptional_kf_renal_ok_kf_no_round_up() {
    // 12.3 kg, GFR 95: no cap bites; the tops 24.6, 49.2 and 98.4 mg are not marks.
    let r = json(
        &[
            "--weight",
            "12.3",
            "--age",
            "3y",
            "--indication",
            "sjia",
            "--gfr",
            "95",
        ],
        0,
    );
    assert_eq!(
        phase(&r, "start").rules,
        ["KF-START", "KF-RENAL-OK", "KF-NO-ROUND-UP"]
    );
    assert_eq!(
        phase(&r, "escalation").rules,
        ["KF-ESCALATE", "KF-RENAL-OK", "KF-NO-ROUND-UP"]
    );
    assert_eq!(
        phase(&r, "exceptional").rules,
        ["KF-EXCEPTIONAL", "KF-RENAL-OK", "KF-NO-ROUND-UP"]
    );
    // 30 kg, no GFR: 60 mg is a mark (no KF-NO-ROUND-UP), no KF-RENAL-OK without a GFR.
    let r = json(
        &["--weight", "30", "--age", "8y", "--indication", "sjia"],
        0,
    );
    assert_eq!(phase(&r, "start").rules, ["KF-START"]);
    assert_eq!(phase(&r, "escalation").rules, ["KF-ESCALATE", "KF-CAP-100"]);
}

#[test]
#[allow(clippy::too_many_lines)] // five patients and each mode, as rustfmt lays them out
fn short_text_is_the_verdict_the_table_and_the_patients_flags_in_20_lines() {
    for lang in ["en", "nl"] {
        for args in [
            &[
                "--weight",
                "30",
                "--age",
                "8y",
                "--indication",
                "sjia",
                "--gfr",
                "95",
            ][..],
            &[
                "--weight",
                "12,5",
                "--age",
                "2y6m",
                "--indication",
                "caps-severe",
            ][..],
            &[
                "--weight",
                "20",
                "--age",
                "6y",
                "--indication",
                "sjia",
                "--dose",
                "400",
                "--comedication",
                "etanercept",
            ][..],
            &[
                "--weight",
                "30",
                "--age",
                "8y",
                "--indication",
                "sjia",
                "--gfr",
                "20",
            ][..],
            &[
                "--weight",
                "70",
                "--age",
                "40y",
                "--indication",
                "ra",
                "--gfr",
                "90",
            ][..],
        ] {
            let out = dose(args)
                .args(["--short", "--lang", lang])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines.len() <= 20, "{} lines: {text}", lines.len());
            assert!(lines[1].starts_with(if lang == "en" {
                "Verdict: "
            } else {
                "Oordeel: "
            }));
            assert!(text.contains(if lang == "en" {
                "\nSummary: "
            } else {
                "\nSamenvatting: "
            }));
            assert!(!text.contains("LF-STORAGE"), "{text}");
        }
    }
    // The typical advised patient fits in far fewer.
    let out = dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--gfr",
        "95",
        "--short",
    ])
    .output()
    .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() <= 12, "{text}");
    assert!(text.contains("exceptional ceiling: up to 200 mg/day, only in very exceptional cases"));
    // --all adds the general cautions and information; --all alone is a usage error.
    let out = dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--short",
        "--all",
    ])
    .output()
    .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("LF-STORAGE")
    );
    dose(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--all",
    ])
    .assert()
    .code(2);
    // Flags about this patient are listed by id, with the drugs they name.
    let out = dose(&[
        "--weight",
        "20",
        "--age",
        "6y",
        "--indication",
        "sjia",
        "--comedication",
        "etanercept",
        "--short",
    ])
    .output()
    .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains(
        "For this patient: KF-RENAL-UNKNOWN; KF-INT-TNF (etanercept); KF-INT-LIVE (etanercept)"
    ));
}

#[test]
fn text_wraps_at_the_width_given_and_at_100_when_not_a_terminal() {
    use anakinra::dosing;
    use anakinra::i18n::Lang;
    use anakinra::input::request::Assessed;
    use anakinra::input::request::{self, PatientFields};
    use anakinra::output::text::{self, Paint, Style};
    let fields = PatientFields {
        weight: Some("20".into()),
        age: Some("6y".into()),
        indication: Some("sjia".into()),
        dose: Some("400".into()),
        comedication: vec!["etanercept".into()],
        ..PatientFields::default()
    };
    let request = request::request(&fields, || jiff::civil::Date::constant(2026, 12, 1)).unwrap();
    let assessed = Assessed {
        advice: dosing::assess(&request.patient, &request.extras),
        dob: None,
        sex: None,
    };
    for width in [60, 80, 100, 140] {
        for lang in [Lang::En, Lang::Nl] {
            let mut out = Vec::new();
            let style = Style {
                paint: Paint::Plain,
                lang,
                width,
                short: false,
                all: false,
            };
            text::write_advice(&mut out, &assessed, style).unwrap();
            let text = String::from_utf8(out).unwrap();
            // Every line but the phase table's rows, whose columns stay aligned.
            let table = ["phase ", "start ", "escalation ", "fase ", "ophogen "];
            for line in text
                .lines()
                .filter(|l| !table.iter().any(|t| l.starts_with(t)))
            {
                assert!(line.chars().count() <= width, "{width}: {line}");
            }
        }
    }
    // Through the binary, stdout is a pipe: 100 columns whatever COLUMNS says.
    let out = dose(&[
        "--weight",
        "20",
        "--age",
        "6y",
        "--indication",
        "sjia",
        "--dose",
        "400",
    ])
    .env("COLUMNS", "60")
    .output()
    .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.chars().count() > 60));
    assert!(text.lines().all(|l| l.chars().count() <= 100));
}

#[test]
fn the_man_page_is_roff_for_man_1() {
    let out = anakinra().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH anakinra 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    assert!(page.contains("anakinra\\-dose"), "{page}");
    assert!(page.contains("rules_version"), "{page}");
}
