//! At the pharmacy counter: prescriptions, eGFR, date of birth, Dutch, co-medication, the taper
//! plan, rules and completions, through the binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![allow(clippy::float_cmp)] // JSON numbers with at most 2 decimals, compared exactly

use crate::common::anakinra;
use predicates::prelude::*;
use serde_json::Value;

fn json(args: &[&str], code: i32) -> Value {
    let out = anakinra()
        .arg("dose")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

const CHILD: [&str; 8] = [
    "--weight",
    "20",
    "--age",
    "5y",
    "--indication",
    "sjia",
    "--gfr",
    "90",
];

fn child(extra: &[&str]) -> Vec<String> {
    CHILD.iter().chain(extra).map(ToString::to_string).collect()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn rx_50_mg_is_between_and_deliverable() {
    let r = json(&args(&child(&["--dose", "50"])), 0);
    let p = &r["prescribed"];
    assert_eq!(p["class"], "between");
    assert_eq!(p["mg"], 50.0);
    assert_eq!(p["mg_per_kg"], 2.5);
    assert_eq!(p["deliverable"], true);
    assert_eq!(p["rules"], serde_json::json!([]));
    for key in [
        "nearest_below",
        "nearest_above",
        "deviation_below_pct",
        "deviation_above_pct",
    ] {
        assert!(p[key].is_null(), "{key}");
    }
}

#[test]
fn rx_not_deliverable_45_mg_names_40_and_50() {
    let r = json(&args(&child(&["--dose", "45mg"])), 0);
    let p = &r["prescribed"];
    assert_eq!(
        (p["nearest_below"].as_f64(), p["nearest_above"].as_f64()),
        (Some(40.0), Some(50.0))
    );
    assert_eq!(
        (
            p["deviation_below_pct"].as_f64(),
            p["deviation_above_pct"].as_f64()
        ),
        (Some(-11.11), Some(11.11))
    );
    assert_eq!(p["rules"], serde_json::json!(["RX-NOT-DELIVERABLE"]));
    assert!(
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["rule"] == "RX-NOT-DELIVERABLE")
    );
}

#[test]
fn rx_above_max_210_mg_exits_1_with_the_verdict_unchanged() {
    let r = json(&args(&child(&["--dose", "210"])), 1);
    assert_eq!(r["verdict"], "advised");
    assert_eq!(r["prescribed"]["class"], "above_maximum");
    assert_eq!(r["warnings"][0]["rule"], "RX-ABOVE-MAX");
    assert_eq!(r["warnings"][0]["severity"], "contraindication");
    anakinra()
        .arg("dose")
        .args(args(&child(&["--dose", "210"])))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Prescription: REFUSED"));
}

#[test]
fn rx_on_a_refused_patient_keeps_mg_and_has_no_class() {
    let r = json(
        &[
            "--weight",
            "9",
            "--age",
            "2y",
            "--indication",
            "sjia",
            "--dose",
            "40",
        ],
        1,
    );
    assert_eq!(r["prescribed"]["mg"], 40.0);
    assert!(r["prescribed"]["class"].is_null());
}

#[test]
fn rx_dose_in_other_units_is_refused() {
    for bad in ["40mg/kg", "0.3 ml", "1g", "-40", "0"] {
        anakinra()
            .arg("dose")
            .args(args(&child(&["--dose", bad])))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("error: --dose: "));
    }
}

#[test]
fn egfr_100_cm_181_umol_is_20_17_and_contraindicated() {
    let r = json(
        &[
            "--weight",
            "15",
            "--age",
            "4y",
            "--indication",
            "sjia",
            "--height",
            "100",
            "--creatinine",
            "181umol/l",
        ],
        1,
    );
    assert_eq!(r["verdict"], "contraindicated");
    assert_eq!(r["reasons"][0]["rule"], "KF-RENAL-CI");
    assert_eq!(r["egfr"]["value"], 20.17);
    assert_eq!(r["input"]["gfr"], 20.17);
    assert_eq!(r["egfr"]["height_cm"], 100.0);
    assert_eq!(r["egfr"]["creatinine_umol_l"], 181.0);
    assert!(r["egfr"]["formula"].as_str().unwrap().contains("0.413"));
    anakinra()
        .args([
            "dose",
            "--weight",
            "15",
            "--age",
            "4y",
            "--indication",
            "sjia",
            "--height",
            "100",
            "--creatinine",
            "181 µmol/L",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("eGFR 20.1 ml/min/1.73 m2"));
}

#[test]
fn egfr_without_a_creatinine_unit_is_refused() {
    anakinra()
        .args([
            "dose",
            "--weight",
            "15",
            "--age",
            "4y",
            "--indication",
            "sjia",
            "--height",
            "100",
            "--creatinine",
            "0.5",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("--creatinine")
                .and(predicate::str::contains("unit is required")),
        );
}

#[test]
fn egfr_and_gfr_together_is_a_usage_error() {
    anakinra()
        .args([
            "dose",
            "--weight",
            "15",
            "--age",
            "4y",
            "--indication",
            "sjia",
            "--gfr",
            "90",
            "--height",
            "100",
            "--creatinine",
            "40umol/l",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn egfr_age_caution_under_1_year() {
    // 70 cm, 20 umol/l: 20 / 88.4 = 0.22624 mg/dl; 0.413 x 70 = 28.91; 28.91 / 0.22624 = 127.782
    let r = json(
        &[
            "--weight",
            "9",
            "--age",
            "10m",
            "--indication",
            "sjia",
            "--height",
            "70",
            "--creatinine",
            "20umol/l",
        ],
        1,
    );
    assert_eq!(r["egfr"]["value"], 127.78);
    // 9 kg: not covered anyway, so no warnings; at 10 kg and 10 months: advised, with the caution.
    let r = json(
        &[
            "--weight",
            "10",
            "--age",
            "10m",
            "--indication",
            "sjia",
            "--height",
            "70",
            "--creatinine",
            "20umol/l",
        ],
        0,
    );
    assert!(
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["rule"] == "EGFR-AGE")
    );
}

#[test]
fn dob_29_february_is_12_months_on_28_february() {
    let r = json(
        &[
            "--weight",
            "10",
            "--dob",
            "2020-02-29",
            "--on",
            "2021-02-28",
            "--indication",
            "sjia",
        ],
        0,
    );
    assert_eq!(r["input"]["age_months"], 12);
    assert_eq!(
        (r["input"]["dob"].as_str(), r["input"]["on"].as_str()),
        (Some("2020-02-29"), Some("2021-02-28"))
    );
    anakinra()
        .args([
            "dose",
            "--weight",
            "10",
            "--dob",
            "29-02-2020",
            "--on",
            "28-02-2021",
            "--indication",
            "sjia",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 year (born 2020-02-29, on 2021-02-28)",
        ));
}

#[test]
fn dob_in_the_future_or_impossible_is_refused() {
    for (dob, phrase) in [
        ("2030-01-01", "after the date"),
        ("2026-02-30", "does not exist"),
        ("2026/01/01", "not a date"),
    ] {
        anakinra()
            .args([
                "dose",
                "--weight",
                "10",
                "--dob",
                dob,
                "--on",
                "2026-11-26",
                "--indication",
                "sjia",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::starts_with("error: --dob: ").and(predicate::str::contains(phrase)),
            );
    }
}

#[test]
fn age_and_dob_together_is_a_usage_error() {
    anakinra()
        .args([
            "dose",
            "--weight",
            "10",
            "--age",
            "2y",
            "--dob",
            "2024-01-01",
            "--indication",
            "sjia",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn dutch_throughout_including_errors() {
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "12.3",
            "--age",
            "3y",
            "--indication",
            "sjia",
            "--gfr",
            "95",
            "--lang",
            "nl",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for phrase in [
        "Patiënt: 12,3 kg, 3 jaar",
        "Oordeel: DOSISADVIES",
        "36,9-49,2 mg",
        "Let op",
        "Informatie",
        "Bronnen",
        "ontraden",
        "begindosis",
    ] {
        assert!(text.contains(phrase), "missing {phrase:?}");
    }
    for english in [
        "Verdict",
        "Cautions",
        "Information",
        "Sources",
        "discouraged",
        "starting dose",
    ] {
        assert!(
            !text.contains(english),
            "English {english:?} in Dutch output"
        );
    }
    anakinra()
        .args([
            "dose",
            "--weight",
            "25lb",
            "--age",
            "5y",
            "--indication",
            "sjia",
            "--lang",
            "nl",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "fout: --weight: '25lb': gewicht wordt in kg ingevoerd",
        ));
    let r = json(
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--lang",
            "nl",
        ],
        0,
    );
    assert_eq!(r["verdict"], "advised");
    assert_eq!(
        r["phases"][1]["when"],
        "bij weinig effect of ernstige vormen, op geleide van de respons"
    );
}

#[test]
fn dutch_from_the_environment_in_posix_order() {
    let run = |env: &[(&str, &str)]| {
        let mut cmd = anakinra();
        cmd.args([
            "dose",
            "--weight",
            "12",
            "--age",
            "3y",
            "--indication",
            "sjia",
        ]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(run(&[("LANG", "nl_NL.UTF-8")]).starts_with("Patiënt:"));
    assert!(run(&[("LANG", "nl_NL.UTF-8"), ("LC_ALL", "en_GB.UTF-8")]).starts_with("Patient:"));
    assert!(run(&[("LC_ALL", "en_GB.UTF-8"), ("ANAKINRA_LANG", "nl")]).starts_with("Patiënt:"));
    assert!(run(&[]).starts_with("Patient:"));
}

#[test]
fn kf_int_tnf_enbrel_names_etanercept() {
    let r = json(&args(&child(&["--comedication", "Enbrel"])), 0);
    let tnf = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["rule"] == "KF-INT-TNF")
        .unwrap();
    assert!(tnf["text"].as_str().unwrap().contains("etanercept"));
    assert!(tnf["text"].as_str().unwrap().contains("discouraged"));
    assert_eq!(r["input"]["comedication"], serde_json::json!(["Enbrel"]));
    assert_eq!(r["verdict"], "advised");
}

#[test]
fn int_unknown_suggests_the_nearest_name_and_int_duplicate_flags_kineret() {
    let r = json(&args(&child(&["--comedication", "etanercpet,Kineret"])), 0);
    let rules: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"INT-UNKNOWN") && rules.contains(&"INT-DUPLICATE"));
    let unknown = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["rule"] == "INT-UNKNOWN")
        .unwrap();
    assert!(
        unknown["text"]
            .as_str()
            .unwrap()
            .contains("did you mean etanercept?")
    );
}

#[test]
fn taper_ics_is_valid_rfc_5545_with_14_events() {
    let out = anakinra()
        .args([
            "taper",
            "--from",
            "2026-12-01",
            "--dose",
            "40",
            "--format",
            "ics",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0"));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 14);
    assert_eq!(lines.iter().filter(|l| **l == "END:VEVENT").count(), 14);
    let mut uids = std::collections::HashSet::new();
    for event in unfolded.split("BEGIN:VEVENT\r\n").skip(1) {
        let event = event.split("END:VEVENT").next().unwrap();
        let uid = event.lines().find(|l| l.starts_with("UID:")).expect("UID");
        assert!(uids.insert(uid.to_string()), "duplicate {uid}");
        let stamp = event
            .lines()
            .find(|l| l.starts_with("DTSTAMP:"))
            .expect("DTSTAMP")
            .trim_end();
        assert_eq!(stamp.len(), "DTSTAMP:20261126T101010Z".len());
        assert!(stamp.ends_with('Z'));
        assert!(
            event
                .lines()
                .any(|l| l.starts_with("DTSTART;VALUE=DATE:2026"))
        );
    }
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20261201\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20261227\r\n"));
    assert!(!unfolded.contains("DTSTART;VALUE=DATE:20261229\r\n"));
}

#[test]
fn taper_text_and_json() {
    anakinra()
        .args(["taper", "--from", "01-12-2026", "--dose", "40mg"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "2026-12-01  40 mg (injection 1/14)",
        ))
        .stdout(predicate::str::contains("2026-12-29  stop"));
    let out = anakinra()
        .args([
            "taper",
            "--from",
            "2026-12-01",
            "--dose",
            "40",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["injections"].as_array().unwrap().len(), 14);
    assert_eq!(t["stop_from"], "2026-12-29");
    assert_eq!(t["rule"], "KF-TAPER");
    anakinra()
        .args(["taper", "--from", "2026-02-30", "--dose", "40"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn rules_lists_every_rule_id() {
    let out = anakinra()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    for id in [
        "KF-CAP-100",
        "KF-PK",
        "LF-ADULT",
        "RX-ABOVE-MAX",
        "INT-UNKNOWN",
        "EGFR-AGE",
        "SCOPE-RA-ADULT",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let pk = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "KF-PK")
        .unwrap();
    assert!(pk["text"].as_str().unwrap().contains("0.089"));
    anakinra()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("KF-CAP-100"));
    anakinra()
        .args(["rules", "--lang", "nl"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("standaardmaximum 100 mg/dag"));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        anakinra()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("anakinra"));
    }
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    for sub in [
        "dose",
        "batch",
        "check",
        "taper",
        "rules",
        "completions",
        "schema",
    ] {
        anakinra()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[test]
fn batch_takes_the_counter_fields() {
    let input = concat!(
        r#"{"id": "rx", "weight": 20, "age": "5y", "indication": "sjia", "gfr": 90, "dose": "45mg"}"#,
        "\n",
        r#"{"id": "egfr", "weight": 15, "age": "4y", "indication": "sjia", "height": 100, "creatinine": "181umol/l"}"#,
        "\n",
        r#"{"id": "dob", "weight": 10, "dob": "2020-02-29", "on": "2021-02-28", "indication": "sjia", "comedication": ["Enbrel", "mtx"]}"#,
        "\n",
        r#"{"id": "both", "weight": 15, "age": "4y", "indication": "sjia", "gfr": 90, "height": 100, "creatinine": "40umol/l"}"#,
        "\n",
    );
    let out = anakinra()
        .args(["batch", "--detail", "full"])
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
    assert_eq!(records[0]["prescribed"]["nearest_below"], 40.0);
    assert_eq!(records[1]["egfr"]["value"], 20.17);
    assert_eq!(records[1]["verdict"], "contraindicated");
    assert_eq!(records[2]["input"]["age_months"], 12);
    assert_eq!(records[3]["error"]["field"], "gfr");

    let brief = anakinra()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .get_output()
        .stdout
        .clone();
    let first: Value =
        serde_json::from_str(String::from_utf8(brief).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["prescribed_class"], "between");

    let csv = "id;weight;age;indication;gfr;dose;comedication\nA;20;5y;sjia;90;210;Enbrel|mtx\n";
    anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin(csv)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            ";above_maximum;prescription_refused;20;60;sjia;90\n",
        ));
}

#[test]
fn rx_exceptional_and_rx_below_start_through_the_binary() {
    // 20 kg: escalation 60-80 mg, exceptional ceiling 160 mg, start from 20 mg.
    let r = json(&args(&child(&["--dose", "100"])), 0);
    assert_eq!(r["prescribed"]["class"], "exceptional");
    assert_eq!(
        r["prescribed"]["rules"],
        serde_json::json!(["RX-EXCEPTIONAL"])
    );
    let r = json(&args(&child(&["--dose", "15"])), 0);
    assert_eq!(r["prescribed"]["class"], "below_start");
    assert_eq!(
        r["prescribed"]["rules"],
        serde_json::json!(["RX-BELOW-START", "RX-NOT-DELIVERABLE"])
    );
    assert!(r["prescribed"]["nearest_below"].is_null());
    assert_eq!(r["prescribed"]["nearest_above"], 20.0);
}

/// Runs `anakinra taper` with these arguments and returns (exit code, stdout, stderr).
fn taper(args: &[&str]) -> (i32, String, String) {
    let out = anakinra().arg("taper").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn rx_above_max_taper_of_5000_mg_is_refused_in_every_format() {
    for format in ["text", "json", "ics"] {
        let (code, stdout, stderr) =
            taper(&["--from", "2026-12-01", "--dose", "5000", "--format", format]);
        assert_eq!(code, 2, "{format}");
        assert_eq!(stdout, "", "{format}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: --dose: '5000': above 200 mg/day"),
            "{stderr}"
        );
        assert!(stderr.contains("[RX-ABOVE-MAX KF-EXCEPTIONAL]"), "{stderr}");
    }
    // 200 mg is the maximum itself: written; 200.01 mg is not.
    assert_eq!(taper(&["--from", "2026-12-01", "--dose", "200"]).0, 0);
    assert_eq!(taper(&["--from", "2026-12-01", "--dose", "200,01"]).0, 2);
}

#[test]
fn rx_not_deliverable_taper_below_20_mg_is_refused_and_between_marks_flagged() {
    let (code, stdout, stderr) = taper(&["--from", "2026-12-01", "--dose", "19,99"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("below 20 mg"), "{stderr}");
    assert!(stderr.contains("[RX-NOT-DELIVERABLE]"), "{stderr}");
    let (code, stdout, _) = taper(&["--from", "2026-12-01", "--dose", "25", "--format", "json"]);
    assert_eq!(code, 0);
    let t: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(t["flags"], serde_json::json!(["RX-NOT-DELIVERABLE"]));
    assert_eq!(t["maximum_mg"], 200);
    assert_eq!(t["patient_checked"], false);
    let (_, ics, _) = taper(&["--from", "2026-12-01", "--dose", "25", "--format", "ics"]);
    assert!(
        ics.replace("\r\n ", "")
            .contains("CAUTION RX-NOT-DELIVERABLE: 25 mg cannot be measured"),
        "{ics}"
    );
    let (_, text, _) = taper(&["--from", "2026-12-01", "--dose", "20"]);
    assert!(!text.contains("RX-NOT-DELIVERABLE"), "{text}");
}

#[test]
fn kf_taper_checks_the_dose_against_the_patients_maximum() {
    // 15 kg: exceptional maximum min(8 x 15, 200) = 120 mg; escalation 45-60 mg.
    let patient = ["--weight", "15", "--age", "4y", "--indication", "sjia"];
    let (code, stdout, stderr) =
        taper(&[&["--from", "2026-12-01", "--dose", "130"][..], &patient[..]].concat());
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: --dose: '130': above this patient's maximum of 120 mg per day"),
        "{stderr}"
    );
    let (code, stdout, _) = taper(
        &[
            &["--from", "2026-12-01", "--dose", "120", "--format", "json"][..],
            &patient[..],
        ]
        .concat(),
    );
    assert_eq!(code, 0);
    let t: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(t["maximum_mg"], 120);
    assert_eq!(t["patient_checked"], true);
    assert_eq!(t["flags"], serde_json::json!(["RX-EXCEPTIONAL"]));
    let (code, stdout, _) =
        taper(&[&["--from", "2026-12-01", "--dose", "40"][..], &patient[..]].concat());
    assert_eq!(code, 0);
    assert!(
        stdout.contains("this patient's maximum of 120 mg per day"),
        "{stdout}"
    );
}

#[test]
fn kf_taper_is_written_for_sjia_and_for_a_patient_who_gets_a_dose() {
    let (code, stdout, stderr) = taper(&[
        "--from",
        "2026-12-01",
        "--dose",
        "40",
        "--weight",
        "15",
        "--age",
        "4y",
        "--indication",
        "caps-mild",
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: --indication: 'caps-mild':"),
        "{stderr}"
    );
    assert!(stderr.contains("arthritis in remission (sjia)"), "{stderr}");
    let (code, stdout, stderr) = taper(&[
        "--from",
        "2026-12-01",
        "--dose",
        "40",
        "--weight",
        "15",
        "--age",
        "4y",
        "--indication",
        "sjia",
        "--gfr",
        "29,99",
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.starts_with("error: --gfr: '29,99':"), "{stderr}");
    assert!(stderr.contains("[KF-RENAL-CI]"), "{stderr}");
    let (code, _, stderr) = taper(&["--from", "2026-12-01", "--dose", "40", "--weight", "15"]);
    assert_eq!(code, 2, "{stderr}");
    let (_, text, _) = taper(&["--from", "2026-12-01", "--dose", "40"]);
    assert!(
        text.contains("written for arthritis in remission (sJIA)"),
        "{text}"
    );
}

#[test]
fn taper_from_today_and_not_past_the_calendar() {
    let (code, stdout, _) = taper(&["--from", "today", "--dose", "40", "--format", "json"]);
    assert_eq!(code, 0);
    let t: Value = serde_json::from_str(&stdout).unwrap();
    let today = jiff::ZonedDateTime::now().date().to_string();
    assert_eq!(t["from"], today.as_str());
    let (code, stdout, stderr) = taper(&["--from", "9999-12-04", "--dose", "40"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: --from: '9999-12-04': the 4 weeks"),
        "{stderr}"
    );
    assert_eq!(taper(&["--from", "03-12-9999", "--dose", "40"]).0, 0);
}

#[test]
fn typed_text_cannot_forge_a_line_of_output() {
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "95",
        ])
        .args([
            "--comedication",
            "mtx\nKF-RENAL-OK fake",
            "--comedication",
            "x\u{1b}[2J\u{202e}",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("co-medication 'mtx\\nKF-RENAL-OK fake', 'x\\u{1b}[2J\\u{202e}' is not"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.trim_start().starts_with("KF-RENAL-OK fake"))
    );
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    // A batch file whose name holds a line break: the error stays one line.
    let out = anakinra()
        .args(["batch", "/nonexistent/a\nerror: fake"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("a\\nerror: fake"), "{stderr}");
}

#[test]
fn a_case_id_cannot_forge_a_line_of_check_output() {
    let dir = std::env::temp_dir().join(format!("anakinra-forge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.json");
    std::fs::write(
        &file,
        r#"[{"id": "x\n0 passed, 0 failed\u001b[1A", "input": {"weight": 30, "age": "8y", "indication": "sjia"},
             "expect": {"verdict": "not_covered"}}]"#,
    )
    .unwrap();
    let out = anakinra().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.starts_with("FAIL  x\\n0 passed, 0 failed\\u{1b}[1A ("),
        "{text}"
    );
    assert!(text.ends_with("\n0 passed, 1 failed\n"), "{text}");
}

#[test]
fn csv_output_neutralises_formulas() {
    let out = anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin(
            "id,weight,age,indication\n=HYPERLINK(\"http://x\"),30,8y,sjia\n+1,-3,8y,sjia\n@me,30,8y,sjia\n",
        )
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(
        ids,
        ["\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'@me"],
        "{text}"
    );
    assert!(
        text.lines().nth(2).unwrap().contains("'-3': a sign"),
        "{text}"
    );
}

/// `dose` text for a 20 kg, 6-year-old sJIA patient with GFR 90 and this prescription.
fn prescribed_text(dose: &str, lang: &str) -> (i32, String) {
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--gfr",
            "90",
        ])
        .args(["--dose", dose, "--lang", lang])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The text with its line wrapping undone (every run of white space one space), so a phrase
/// is found wherever the terminal width broke it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn rx_above_max_is_the_verdict_first_and_last_never_advised() {
    // 20 kg: maximum min(8 x 20, 200) = 160 mg/day.
    for (lang, verdict, summary, advised) in [
        (
            "en",
            "Verdict: PRESCRIPTION REFUSED: 400 mg/day is above this patient's maximum of 160 mg/day",
            "Summary: PRESCRIPTION REFUSED",
            "Verdict: ADVISED",
        ),
        (
            "nl",
            "Oordeel: VOORSCHRIFT GEWEIGERD: 400 mg/dag is boven het maximum voor deze patiënt van 160 mg/dag",
            "Samenvatting: VOORSCHRIFT GEWEIGERD",
            "Oordeel: DOSISADVIES",
        ),
    ] {
        let (code, text) = prescribed_text("400", lang);
        assert_eq!(code, 1);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with(verdict), "{text}");
        assert!(text.contains("[RX-ABOVE-MAX]"), "{text}");
        assert!(!text.contains(advised), "{text}");
        let last_two = flat(&lines[lines.len() - 2..].join(" "));
        assert!(last_two.starts_with(summary), "{text}");
        // A refused dose is never called deliverable.
        assert!(
            !text.contains("deliverable with") && !text.contains("toe te dienen met de"),
            "{text}"
        );
    }
    let (_, text) = prescribed_text("400", "en");
    assert!(flat(&text).contains("above this patient's maximum of 160 mg/day (the exceptional ceiling: 8 mg/kg/day, never more than 200 mg/day) [RX-ABOVE-MAX]: not to be given"), "{text}");
}

#[test]
fn rx_check_gives_the_volume_and_mark_to_draw() {
    // 40 mg / 150 mg/ml = 0.2666 ml, rounded down: 0.26 ml.
    let (code, text) = prescribed_text("40", "en");
    assert_eq!(code, 0);
    assert!(
        text.lines().nth(1).unwrap().starts_with(
            "Verdict: ADVISED (off-label); prescription 40 mg/day: in the start range"
        )
    );
    assert!(
        text.contains("\n  draw: 40 mg = 0.26 ml, mark 40\n"),
        "{text}"
    );
    let (_, text) = prescribed_text("40", "nl");
    assert!(
        text.contains("\n  optrekken: 40 mg = 0,26 ml, streepje 40\n"),
        "{text}"
    );
    // 110 mg is 90 + 20 mg, two injections that can each be given: 90/150 = 0.6, 20/150 = 0.1333.
    let (_, text) = prescribed_text("110", "en");
    assert!(
        flat(&text).contains(
            "draw: 110 mg in two injections: (90 mg = 0.6 ml, mark 90) + (20 mg = 0.13 ml, mark 20)"
        ),
        "{text}"
    );
}

#[test]
fn rx_exceptional_names_the_maximum_exceeded() {
    // 20 kg: escalation up to 4 x 20 = 80 mg; exceptional up to 160 mg.
    let (code, text) = prescribed_text("120", "en");
    assert_eq!(code, 0);
    assert!(flat(&text).contains("above the escalation maximum of 80 mg/day: in the exceptional range up to 160 mg/day, only in very exceptional cases [RX-EXCEPTIONAL]"), "{text}");
    assert!(flat(&text).contains("Verdict: ADVISED (off-label); prescription 120 mg/day: in the exceptional range, CHECK [RX-EXCEPTIONAL] Prescription:"), "{text}");
}

#[test]
fn rx_not_deliverable_nearest_doses_name_their_phase() {
    // 125 mg: 120 mg and 130 mg are the nearest marks, both in the exceptional range.
    let (_, text) = prescribed_text("125", "en");
    assert!(
        flat(&text).contains("(-4 %, exceptional: only in very exceptional cases)"),
        "{text}"
    );
    assert!(
        flat(&text).contains("(+4 %, exceptional: only in very exceptional cases)"),
        "{text}"
    );
    // 45 mg: 40 mg (start) or 50 mg (between start and escalation: no phase named).
    let (_, text) = prescribed_text("45", "en");
    assert!(
        flat(&text).contains(
            "40 mg = 0.26 ml, mark 40 (-11.11 %, start); or 50 mg = 0.33 ml, mark 50 (+11.11 %)"
        ),
        "{text}"
    );
    // Below 20 mg: no volume for a dose the syringe cannot give.
    let (_, text) = prescribed_text("15", "en");
    assert!(
        flat(&text).contains(
            "not deliverable with the graduated syringe: the smallest dose it gives is 20 mg"
        ),
        "{text}"
    );
    assert!(!text.contains("15 mg = "), "{text}");
}

#[test]
fn rx_far_from_the_range_asks_for_a_tenfold_or_decimal_slip() {
    // 20 kg: maximum 160 mg (5 x 160 = 800), start from 20 mg (20 / 5 = 4).
    for (dose, slip) in [("800", true), ("799", false), ("4", true), ("4,01", false)] {
        let (_, text) = prescribed_text(dose, "en");
        assert_eq!(
            flat(&text).contains("check for a tenfold or decimal error"),
            slip,
            "{dose}: {text}"
        );
        let (_, text) = prescribed_text(dose, "nl");
        assert_eq!(
            flat(&text).contains("controleer op een factor tien of een verschoven komma"),
            slip,
            "{dose}"
        );
    }
}

#[test]
fn no_volume_below_the_smallest_dose_and_splits_above_100_mg() {
    // 10 kg: start 10-20 mg; only the 20 mg mark can be drawn: 20/150 = 0.1333 -> 0.13 ml.
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "10",
            "--age",
            "2y",
            "--indication",
            "sjia",
            "--gfr",
            "90",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let start = text.lines().find(|l| l.starts_with("start ")).unwrap();
    assert!(start.contains("10-20 mg  0.13 ml"), "{start}");
    // 20 kg: exceptional marks above 100 mg are two injections.
    let (_, text) = prescribed_text("40", "en");
    assert!(
        text.contains("110 mg = 90 + 20 mg, 0.6 + 0.13 ml (5.5 mg/kg)"),
        "{text}"
    );
    assert!(
        !text.contains("marks 80, 90"),
        "the exceptional block lists its marks once: {text}"
    );
}

/// `anakinra rules --format json` in `lang`: rule id to (source, text).
fn rule_texts(lang: &str) -> std::collections::BTreeMap<String, (String, String)> {
    let out = anakinra()
        .args(["rules", "--format", "json", "--lang", lang])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                (
                    r["source"].as_str().unwrap().to_string(),
                    r["text"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
#[allow(clippy::too_many_lines)] // one table of phrases, rustfmt gives each its lines
fn every_sentence_says_what_its_source_says() {
    // (rule, English phrase, Dutch phrase): each from the KF monograph or the UMCU leaflet.
    for (rule, en, nl) in [
        (
            "KF-INT-TNF",
            "more serious infections than etanercept alone",
            "dan bij etanercept alleen",
        ),
        (
            "LF-FLU-OK",
            "no objection to the flu jab",
            "geen bezwaar tegen de griepprik",
        ),
        (
            "SCOPE-FLU-NASAL",
            "nasal spray is a live vaccine",
            "neusspray is een levend vaccin",
        ),
        (
            "LF-INJECT",
            "the rheumatology nurse can teach it",
            "de reumaverpleegkundige kan het aanleren",
        ),
        (
            "LF-INJECT",
            "read the package leaflet",
            "lees de bijsluiter",
        ),
        (
            "LF-SURGERY",
            "consulting the rheumatologist is necessary",
            "is overleg met de reumatoloog noodzakelijk",
        ),
        (
            "LF-SURGERY",
            "not to use anakinra for 2 days before the operation",
            "2 dagen voor de operatie geen anakinra te gebruiken",
        ),
        (
            "LF-SCREEN",
            "an earlier tuberculosis infection",
            "een eerdere besmetting met tuberculose",
        ),
        (
            "LF-SCREEN",
            "further tests where needed",
            "zo nodig aanvullend onderzoek",
        ),
        (
            "LF-ADR-SHORT",
            "with a rash over the whole body",
            "met huiduitslag over het gehele lichaam",
        ),
        (
            "LF-ADR-LONG",
            "abdominal pain, diarrhoea",
            "buikpijn, diarree",
        ),
        (
            "LF-NEW",
            "other bodily changes during treatment",
            "andere lichamelijke veranderingen tijdens de behandeling",
        ),
        (
            "LF-PREGNANCY",
            "questions about pregnancy",
            "vragen over zwangerschap",
        ),
        (
            "LF-LIVE-VACCINES",
            "yellow fever vaccine",
            "gelekoortsvaccin",
        ),
    ] {
        assert!(
            rule_texts("en")[rule].1.contains(en),
            "{rule}: {}",
            rule_texts("en")[rule].1
        );
        assert!(
            rule_texts("nl")[rule].1.contains(nl),
            "{rule}: {}",
            rule_texts("nl")[rule].1
        );
    }
    let en = rule_texts("en");
    // The leaflet's flu line says nothing of a nasal vaccine; that is our own, labelled SCOPE.
    assert!(!en["LF-FLU-OK"].1.contains("nasal"));
    assert_eq!(en["SCOPE-FLU-NASAL"].0, "SCOPE");
    // Project decisions are SCOPE, not KF: no rounding up, the 100 mg cap on the start dose.
    assert_eq!(en["KF-NO-ROUND-UP"].0, "SCOPE");
    assert!(
        en["KF-CAP-100"]
            .1
            .contains("applied to the start dose too (SCOPE)")
    );
    let text = String::from_utf8(
        anakinra()
            .args([
                "dose",
                "--weight",
                "60",
                "--age",
                "15y",
                "--indication",
                "sjia",
                "--gfr",
                "90,5",
            ])
            .args(["--lang", "nl"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // One decimal mark per language, in units too; 60 kg: start 60-120 capped at 100 (SCOPE).
    assert!(text.contains("GFR 90,5 ml/min/1,73 m2"), "{text}");
    assert!(!text.contains("1.73"), "{text}");
    assert!(text.contains("begrensd op 100 mg/dag (SCOPE)"), "{text}");
}

#[test]
fn scope_gfr_30_flags_the_overlap_of_the_bands_and_a_borderline_estimate() {
    let run = |args: &[&str], lang: &str| {
        let out = anakinra()
            .args([
                "dose",
                "--weight",
                "30",
                "--age",
                "8y",
                "--indication",
                "sjia",
                "--lang",
                lang,
            ])
            .args(args)
            .output()
            .unwrap();
        flat(&String::from_utf8(out.stdout).unwrap())
    };
    let text = run(&["--gfr", "30"], "en");
    assert!(text.contains("SCOPE-GFR-30 caution: GFR 30 ml/min/1.73 m2: at the border of the contraindication: the Kinderformularium's bands 10-30 (contraindicated) and 30-50 (no dose adjustment) overlap at 30"), "{text}");
    assert!(run(&["--gfr", "30"], "nl").contains("overlappen bij 30"));
    assert!(!run(&["--gfr", "30,01"], "en").contains("SCOPE-GFR-30"));
    // Bedside Schwartz: 0.413 x 120 / (140 / 88.4) = 31.29: within 10 % above 30.
    assert!(
        run(&["--height", "120", "--creatinine", "140umol/l"], "en")
            .contains("SCOPE-GFR-30 caution")
    );
    // 0.413 x 150 / (60 / 88.4) = 91.27: not borderline.
    assert!(!run(&["--height", "150", "--creatinine", "60umol/l"], "en").contains("SCOPE-GFR-30"));
}

#[test]
fn dialysis_sjia_and_other_autoinflammatory_say_what_the_kf_says() {
    let run = |args: &[&str], lang: &str| {
        let out = anakinra()
            .args(["dose", "--weight", "20", "--age", "6y", "--lang", lang])
            .args(args)
            .output()
            .unwrap();
        flat(&String::from_utf8(out.stdout).unwrap())
    };
    let text = run(&["--indication", "sjia", "--gfr", "45", "--dialysis"], "en");
    assert!(text.contains("it contraindicates anakinra in children with GFR under 30 ml/min/1.73 m2; dialysis together with GFR 45 ml/min/1.73 m2 is implausible: check both"), "{text}");
    let text = run(&["--indication", "sjia", "--gfr", "45", "--dialysis"], "nl");
    assert!(
        text.contains("dialyse samen met GFR 45 ml/min/1,73 m2 is onwaarschijnlijk"),
        "{text}"
    );
    assert!(!run(&["--indication", "sjia", "--dialysis"], "en").contains("implausible"));
    let text = run(&["--indication", "sjia", "--dose", "300"], "en");
    assert!(
        text.contains("a temporary increase can help [KF-MAS]"),
        "{text}"
    );
    assert!(!run(&["--indication", "caps-mild", "--dose", "300"], "en").contains("[KF-MAS]"));
    let text = run(&["--indication", "other-autoinflammatory"], "nl");
    assert!(
        text.contains("other-autoinflammatory (KF: niet reagerend op de conventionele therapie)"),
        "{text}"
    );
}

#[test]
fn live_vaccines_and_drugs_without_an_interaction_are_answered_not_unknown() {
    let run = |names: &str, lang: &str| {
        let out = anakinra()
            .args([
                "dose",
                "--weight",
                "20",
                "--age",
                "6y",
                "--indication",
                "sjia",
                "--gfr",
                "90",
            ])
            .args(["--comedication", names, "--lang", lang, "--format", "text"])
            .output()
            .unwrap();
        flat(&String::from_utf8(out.stdout).unwrap())
    };
    let text = run("BMR, gele koorts", "en");
    assert!(text.contains("LF-LIVE-VACCINES caution: co-medication MMR (BMR) vaccine, yellow fever vaccine: a live vaccine"), "{text}");
    assert!(!text.contains("INT-UNKNOWN"), "{text}");
    let text = run("BCG", "nl");
    assert!(
        text.contains("co-medicatie BCG vaccine: een levend vaccin"),
        "{text}"
    );
    let text = run("prednisolon;paracetamol;ibuprofen;tofacitinib", "en");
    assert!(text.contains("INT-NONE info: co-medication prednisolone, paracetamol, ibuprofen, tofacitinib: known; the Kinderformularium names no interaction with anakinra"), "{text}");
    assert!(!text.contains("INT-UNKNOWN"), "{text}");
    // A vaccine not known is never answered with a drug's name.
    let text = run("mtx-vaccin", "en");
    assert!(
        text.contains("INT-UNKNOWN caution: co-medication 'mtx-vaccin' is not known"),
        "{text}"
    );
    assert!(!text.contains("did you mean"), "{text}");
}

#[test]
fn scope_caps_label_above_25_kg_names_the_label_range_and_both_caps() {
    let run = |weight: &str, lang: &str| {
        let out = anakinra()
            .args([
                "dose",
                "--weight",
                weight,
                "--age",
                "8y",
                "--indication",
                "caps-severe",
            ])
            .args(["--gfr", "90", "--lang", lang])
            .output()
            .unwrap();
        flat(&String::from_utf8(out.stdout).unwrap())
    };
    // 30 kg: 3 x 30 = 90, 4 x 30 = 120 mg/day: above 100.
    let text = run("30", "en");
    assert!(text.contains("SCOPE-CAPS-LABEL caution: severe CAPS, 30 kg: the label's 3-4 mg/kg/day is 90-120 mg/day, above the Kinderformularium's cap of 100 mg/day; the Kinderformularium goes above 100 mg/day only in very exceptional cases"), "{text}");
    assert!(
        text.contains("caps at 100 mg/day, and at 200 mg/day in very exceptional cases"),
        "{text}"
    );
    assert!(run("30", "nl").contains("is 90-120 mg/dag, boven het maximum van 100 mg/dag"));
    // 25 kg: 4 x 25 = 100 mg: not above the cap. 25.01 kg: 100.04 mg: above.
    assert!(!run("25", "en").contains("SCOPE-CAPS-LABEL"));
    assert!(run("25,01", "en").contains("SCOPE-CAPS-LABEL"));
}

#[test]
#[allow(clippy::too_many_lines)] // one input habit after another
fn inputs_as_a_dutch_user_types_them() {
    let run = |args: &[&str]| {
        let out = anakinra().arg("dose").args(args).output().unwrap();
        (
            out.status.code().unwrap(),
            flat(&String::from_utf8(out.stdout).unwrap()),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    // Ages in words, English and Dutch: 8 years is 96 months.
    for age in ["8 jaar", "8jr", "8 years", "8 Jaar", "7 jaar 12 maanden"] {
        let (code, text, stderr) = run(&["--weight", "30", "--age", age, "--indication", "sjia"]);
        if age.contains("12 maanden") {
            assert_eq!(code, 2, "{age}: months after years are 0 to 11");
            continue;
        }
        assert_eq!(code, 0, "{age}: {stderr}");
        assert!(text.contains("8 years (96 months)"), "{age}: {text}");
    }
    // A lab's ">90": taken as 90, and said so.
    let (code, text, _) = run(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--gfr",
        ">90",
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains(
            "SCOPE-GFR-ABOVE info: GFR 90 ml/min/1.73 m2: reported by the lab as above this value"
        ),
        "{text}"
    );
    // A GFR with its unit, and spaces around values.
    let (code, text, _) = run(&[
        "--weight",
        " 30 ",
        "--age",
        " 8y",
        "--indication",
        " SJIA ",
        "--gfr",
        "95 ml/min",
    ]);
    assert_eq!(code, 0);
    assert!(text.contains("GFR 95 ml/min/1.73 m2"), "{text}");
    // A date of birth as written by hand.
    let (code, text, _) = run(&[
        "--weight",
        "30",
        "--dob",
        "14-3-2018",
        "--on",
        "2026-12-02",
        "--indication",
        "sjia",
    ]);
    assert_eq!(code, 0);
    assert!(text.contains("born 2018-03-14"), "{text}");
    // Grams and metres are named as such.
    let (code, _, stderr) = run(&["--weight", "25000", "--age", "8y", "--indication", "sjia"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("'25000': too large: grams? That is 25 kg; weights are entered in kg"),
        "{stderr}"
    );
    let (_, _, stderr) = run(&[
        "--weight",
        "25000",
        "--age",
        "8y",
        "--indication",
        "sjia",
        "--lang",
        "nl",
    ]);
    assert!(stderr.contains("te groot: gram? Dat is 25 kg"), "{stderr}");
    let (code, _, stderr) = run(&[
        "--weight",
        "20",
        "--age",
        "6y",
        "--indication",
        "sjia",
        "--height",
        "1.12",
        "--creatinine",
        "35umol/l",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("'1.12': too small: metres? Enter the height in cm: 112"),
        "{stderr}"
    );
    // Dutch indication names, and "did you mean".
    let (code, text, _) = run(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "caps-ernstig",
    ]);
    assert_eq!(code, 0);
    assert!(text.contains("caps-severe"), "{text}");
    let (code, _, stderr) = run(&["--weight", "30", "--age", "8y", "--indication", "sjai"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown indication 'sjai' (did you mean sjia?)"),
        "{stderr}"
    );
    let (_, _, stderr) = run(&[
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjai",
        "--lang",
        "NL",
    ]);
    assert!(stderr.contains("(bedoelde u sjia?)"), "{stderr}");
}

#[test]
fn rules_by_id_and_completions_of_values() {
    let out = anakinra()
        .args(["rules", "kf-cap-100", "SCOPE-GFR-30"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.starts_with("KF-CAP-100 "), "{text}");
    let out = anakinra().args(["rules", "KF-NOPE"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'KF-NOPE': no such rule id"));
    let out = anakinra().args(["completions", "bash"]).output().unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    for value in [
        "caps-severe",
        "hereditary-autoinflammatory",
        "other-autoinflammatory",
    ] {
        assert!(script.contains(value), "{value}");
    }
    assert!(script.contains("f m"), "--sex values");
}

#[test]
fn help_and_usage_errors_speak_dutch() {
    for args in [
        &["--help", "--lang", "nl"][..],
        &["dose", "--help", "--lang", "NL"][..],
    ] {
        let out = anakinra().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Gebruik: anakinra"), "{text}");
        assert!(text.contains("Opties:"), "{text}");
        assert!(
            !text.contains("Possible values") && !text.contains("Usage:"),
            "{text}"
        );
    }
    let text = String::from_utf8(
        anakinra()
            .args(["dose", "--help"])
            .env("LANG", "nl_NL.UTF-8")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("Lichaamsgewicht in kg"), "{text}");
    // Every subcommand's help works in Dutch (no panic, exit 0).
    for sub in [
        "batch",
        "check",
        "taper",
        "rules",
        "completions",
        "man",
        "schema",
    ] {
        let out = anakinra()
            .args([sub, "--help", "--lang", "nl"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{sub}");
        assert!(
            String::from_utf8(out.stdout)
                .unwrap()
                .contains("Gebruik: anakinra"),
            "{sub}"
        );
    }
    // A usage error in Dutch, one line; a missing --age names --dob, in both languages.
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "30",
            "--indication",
            "sjia",
            "--lang",
            "nl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "fout: verplicht maar niet gegeven: --age <AGE> (of een geboortedatum met --dob) (meer informatie: anakinra --help --lang nl)\n"
    );
    let out = anakinra()
        .args(["dose", "--weight", "30", "--indication", "sjia"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: the following required arguments were not provided"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("tip: give --age, or a date of birth with --dob\n"),
        "{stderr}"
    );
    let out = anakinra()
        .args(["dose", "--frobnicate", "--lang", "nl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("fout: onbekend argument '--frobnicate'")
    );
}

#[test]
fn our_own_messages_speak_dutch_too() {
    let nl = |args: &[&str], input: &str| {
        let out = anakinra()
            .args(args)
            .args(["--lang", "nl"])
            .write_stdin(input)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, _, stderr) = nl(&["batch", "/nonexistent/x.jsonl"], "");
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("fout: kan niet openen: /nonexistent/x.jsonl"),
        "{stderr}"
    );
    let (_, _, stderr) = nl(&["batch"], "id,gewicht,kleur\n1,30,rood\n");
    assert!(
        stderr.starts_with("fout: onbekende CSV-kolom 'kleur' in de kopregel"),
        "{stderr}"
    );
    let (_, _, stderr) = nl(&["batch", "--input", "csv"], "\"id,weight\n");
    assert!(stderr.contains("de CSV-kopregel op regel 1 is niet te lezen: een cel tussen aanhalingstekens is niet gesloten"), "{stderr}");
    let (code, stdout, _) = nl(&["check"], "");
    assert_eq!(code, 0);
    assert!(stdout.ends_with("62 geslaagd, 0 mislukt\n"), "{stdout}");
    let dir = std::env::temp_dir().join(format!("anakinra-nl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("casussen.json");
    std::fs::write(
        &file,
        r#"[{"id": "fout", "input": {"weight": 30, "age": "8y", "indication": "sjia"},
             "expect": {"verdict": "advised", "phases": {"start": [30, 61]}, "warnings": ["KF-RENAL-CI"]}}]"#,
    )
    .unwrap();
    let (code, stdout, _) = nl(&["check", file.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stdout.starts_with("FOUT  fout ("), "{stdout}");
    assert!(
        stdout.contains("start.max_mg: verwacht 61 mg, gekregen 60 mg"),
        "{stdout}"
    );
    assert!(
        stdout.contains("KF-RENAL-CI: verwacht aanwezig, gekregen afwezig"),
        "{stdout}"
    );
    assert!(stdout.contains("phases.escalation: verwacht elke fase van een patiënt met dosisadvies in de casus, gekregen 90-100 mg niet opgenomen"), "{stdout}");
    assert!(stdout.ends_with("0 geslaagd, 1 mislukt\n"), "{stdout}");
    let (_, stdout, _) = nl(&["rules", "KF-MAS", "LF-STORAGE", "RX-ABOVE-MAX"], "");
    assert!(
        stdout.contains("let op")
            && stdout.contains("informatie")
            && stdout.contains("contra-indicatie"),
        "{stdout}"
    );
}

#[test]
fn volumes_and_splits_in_dutch_and_the_20_mg_minimum_is_the_smpc_s() {
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--gfr",
            "90",
        ])
        .args(["--dose", "110", "--lang", "nl"])
        .output()
        .unwrap();
    let text = flat(&String::from_utf8(out.stdout).unwrap());
    // 110 mg = 90 + 20 mg: 90/150 = 0.6 ml, 20/150 = 0.1333 -> 0.13 ml.
    assert!(text.contains("optrekken: 110 mg in twee injecties: (90 mg = 0,6 ml, streepje 90) + (20 mg = 0,13 ml, streepje 20)"), "{text}");
    assert!(
        text.contains("110 mg = 90 + 20 mg, 0,6 + 0,13 ml (5,5 mg/kg)"),
        "{text}"
    );
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--dose",
            "15",
            "--lang",
            "nl",
        ])
        .output()
        .unwrap();
    let text = flat(&String::from_utf8(out.stdout).unwrap());
    assert!(
        text.contains("niet toe te dienen met de gegradeerde spuit: de kleinste dosis is 20 mg"),
        "{text}"
    );
    assert!(!text.contains("15 mg = "), "{text}");
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "9,9",
            "--age",
            "2y",
            "--indication",
            "sjia",
        ])
        .output()
        .unwrap();
    let text = flat(&String::from_utf8(out.stdout).unwrap());
    assert!(
        text.contains("(SmPC: the smallest dose the graduated syringe delivers is 20 mg)"),
        "{text}"
    );
}

#[test]
fn the_json_record_names_the_outcome_a_refused_prescription_comes_to() {
    let out = anakinra()
        .args([
            "dose",
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--dose",
            "400",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The patient is advised; the record, as its verdict line reads, is not.
    assert_eq!(record["verdict"], "advised");
    assert_eq!(record["outcome"], "prescription_refused");
}

#[test]
fn taper_doses_meet_the_dose_grammar_and_name_the_taper_s_limits() {
    let (code, stdout, stderr) = taper(&["--from", " 2026-12-01 ", "--dose", "40mg/kg"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: --dose: '40mg/kg': unit 'mg/kg' is not accepted here; accepted: the current daily dose, from 20 mg to 200 mg\n"
    );
    let (code, _, stderr) = taper(&["--from", "2026-12-01", "--dose", "4e1"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("'4e1': exponents are not accepted"),
        "{stderr}"
    );
    // Spaces around the values are not part of them, as everywhere.
    assert_eq!(taper(&["--from", " 2026-12-01", "--dose", " 40 "]).0, 0);
}
