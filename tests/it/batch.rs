//! `anakinra batch`, `check` and `schema` as a script or CI runs them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::common::anakinra;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;
use serde_json::Value;

/// A deterministic stream of patients (a linear congruential generator: no crate, no seed
/// file): mostly valid, some refused, a few invalid.
fn patients(n: usize) -> Vec<Value> {
    let mut state: u64 = 0x2026_1126;
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % m
    };
    let indications = [
        "caps-mild",
        "caps-severe",
        "hereditary-autoinflammatory",
        "sjia",
        "other-autoinflammatory",
        "ra",
    ];
    (0..n)
        .map(|i| {
            // Around a rough median for the age, so the weight-for-age check lets most through.
            let (years, months) = (next(25), next(12));
            let median = [
                8, 10, 12, 14, 16, 18, 21, 23, 26, 29, 32, 36, 40, 45, 50, 55, 58, 61,
            ][usize::try_from(years.min(17)).unwrap()];
            let weight = format!("{}.{:02}", median * (85 + next(35)) / 100, next(100));
            let age = format!("{years}y{months}m");
            let mut p = serde_json::json!({
                "id": format!("P{i}"),
                "weight": weight,
                "age": age,
                "indication": indications[usize::try_from(next(6)).unwrap()],
            });
            match next(10) {
                0 => p["gfr"] = Value::from(next(30)),
                1..=6 => p["gfr"] = Value::from(30 + next(100)),
                _ => {}
            }
            if next(50) == 0 {
                p["dialysis"] = Value::from(true);
            }
            if next(40) == 0 {
                p["weight"] = Value::from("25lb");
            }
            p
        })
        .collect()
}

fn jsonl(patients: &[Value]) -> String {
    patients.iter().map(|p| p.to_string() + "\n").collect()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `anakinra batch` over `input`, which holds invalid records: its records, after checking
/// that it exits 3.
fn batch(input: impl Into<Vec<u8>>) -> Vec<Value> {
    let out = anakinra()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    lines(&out)
}

#[test]
fn a_hundred_thousand_records_in_give_as_many_out_in_order() {
    let input = jsonl(&patients(100_000));
    let records = batch(input);
    assert_eq!(records.len(), 100_000);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["line"], i + 1);
        assert_eq!(r["id"], format!("P{i}"));
        assert_eq!(r["schema"], "anakinra/1");
    }
    let invalid = records.iter().filter(|r| r.get("error").is_some()).count();
    assert!(invalid > 0 && invalid < 5_000, "{invalid}");
}

#[test]
fn full_detail_is_the_dose_record_plus_line_and_id() {
    let sample = patients(150);
    let out = anakinra()
        .args(["batch", "--detail", "full"])
        .write_stdin(jsonl(&sample))
        .assert()
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    assert_eq!(records.len(), sample.len());
    let mut compared = 0;
    for (record, patient) in records.iter().zip(&sample) {
        if record.get("error").is_some() {
            continue;
        }
        let mut args = vec!["dose".to_string(), "--format".into(), "json".into()];
        for key in ["weight", "age", "indication", "gfr"] {
            if let Some(v) = patient.get(key) {
                args.push(format!("--{key}"));
                args.push(v.as_str().map_or_else(|| v.to_string(), str::to_string));
            }
        }
        if patient.get("dialysis").is_some() {
            args.push("--dialysis".into());
        }
        let dose = anakinra().args(&args).output().unwrap();
        let dose: Value = serde_json::from_slice(&dose.stdout).unwrap();
        let mut record = record.clone();
        let map = record.as_object_mut().unwrap();
        assert!(map.remove("line").is_some());
        assert_eq!(map.remove("id"), patient.get("id").cloned());
        assert_eq!(record, dose, "{patient}");
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
}

#[test]
fn dutch_excel_csv_gives_the_same_results_as_json_lines() {
    let sample = patients(300);
    let mut csv = String::from("\u{feff}id;weight;age;indication;gfr;dialysis\r\n");
    for p in &sample {
        let cell = |k: &str| {
            p.get(k).map_or_else(String::new, |v| {
                v.as_str().map_or_else(|| v.to_string(), str::to_string)
            })
        };
        let dialysis = if p.get("dialysis").is_some() {
            "ja"
        } else {
            ""
        };
        writeln!(
            csv,
            "{};{};{};{};{};{dialysis}\r",
            cell("id"),
            cell("weight").replace('.', ","),
            cell("age"),
            cell("indication"),
            cell("gfr"),
        )
        .unwrap();
    }
    let from_csv = batch(csv);
    let from_json = batch(jsonl(&sample));
    assert_eq!(from_csv.len(), sample.len());
    for (i, (c, j)) in from_csv.iter().zip(&from_json).enumerate() {
        // The CSV header is line 1: its records are one line further down.
        assert_eq!(c["line"], i + 2);
        assert_eq!(j["line"], i + 1);
        for key in [
            "id",
            "verdict",
            "label_status",
            "reason_ids",
            "warning_ids",
            "phases",
        ] {
            assert_eq!(c.get(key), j.get(key), "{key} of record {i}");
        }
        assert_eq!(
            c.get("error").is_some(),
            j.get("error").is_some(),
            "record {i}"
        );
    }
}

#[test]
fn csv_output_follows_the_input_delimiter_and_decimal_mark() {
    let input = "id;weight;age;indication\r\nA;12,3;3y;sjia\r\n";
    anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin(input)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "line;id;verdict;label_status;start_min_mg;start_max_mg;escalation_min_mg;escalation_max_mg;exceptional_mg;standard_mg;reasons;warnings;error;prescribed_class;outcome;weight_kg;age_months;indication;gfr\r\n2;A;advised;off_label;12,3;24,6;36,9;49,2;98,4;;;KF-RENAL-UNKNOWN",
        ))
        // The input's CRLF line endings, and the inputs carried back at the end of the row.
        .stdout(predicate::str::ends_with(";;;advised;12,3;36;sjia;\r\n"));
    anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin("{\"weight\": 12.3, \"age\": \"3y\", \"indication\": \"sjia\"}\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "\n1,,advised,off_label,12.3,24.6,36.9,49.2,98.4,,,KF-RENAL-UNKNOWN",
        ));
}

#[test]
fn garbage_lines_become_error_records_and_nothing_is_lost() {
    let good = patients(1_000).into_iter().map(|mut p| {
        p["weight"] = Value::from("20");
        p["age"] = Value::from("6y");
        p
    });
    let mut input = String::new();
    for (i, p) in good.enumerate() {
        input.push_str(&p.to_string());
        input.push('\n');
        if i % 100 == 50 {
            input.push_str(
                [
                    "{",
                    "}{",
                    "[1,2]",
                    "\"x\"",
                    "{\"weight\": }",
                    "null",
                    "{\"weight\": 20, \"colour\": 1}",
                    "12",
                    "{{}}",
                    "x",
                ][i / 100],
            );
            input.push('\n');
        }
    }
    let records = batch(input);
    assert_eq!(records.len(), 1_010);
    let errors: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert_eq!(errors.len(), 10);
    assert_eq!(errors[6]["error"]["field"], "colour");
    assert!(
        records
            .windows(2)
            .all(|w| w[0]["line"].as_u64() < w[1]["line"].as_u64())
    );
}

#[test]
fn invalid_utf8_and_blank_lines() {
    let input =
        b"\n{\"weight\": 20, \"age\": \"6y\", \"indication\": \"sjia\"}\n   \n\xff\xfe\n".to_vec();
    let records = batch(input);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["line"], 2);
    assert_eq!(records[1]["line"], 4);
    assert!(
        records[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-8")
    );
}

#[test]
fn a_json_array_is_not_read_as_positional_fields() {
    let records = batch("[\"a\", \"30\", \"8y\", null, \"sjia\"]\n");
    assert!(
        records[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("JSON object")
    );
}

#[test]
fn every_valid_batch_exits_0() {
    anakinra()
        .arg("batch")
        .write_stdin("{\"weight\": 9.9, \"age\": \"2y\", \"indication\": \"sjia\"}\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"verdict\":\"not_covered\""));
}

#[test]
fn an_unknown_csv_column_is_a_usage_error_before_any_record() {
    anakinra()
        .arg("batch")
        .write_stdin("id,wieght,age\n1,20,6y\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown CSV column 'wieght'"));
}

#[test]
fn a_missing_input_file_is_exit_2() {
    anakinra()
        .args(["batch", "/nonexistent/patients.jsonl"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "cannot open /nonexistent/patients.jsonl",
        ));
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_code_of_what_was_read() {
    let input = jsonl(&patients(200_000));
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("anakinra"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes()); // the child may stop reading
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"line\":1"));
    // The reader is dropped here: the pipe is closed, as `| head -1` does.
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    // The first line came in a first 64 KiB of output, some 600 records, and about one record
    // in 40 of `patients` is invalid: the run had read one, so 3, never a quiet 0.
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn check_without_a_file_runs_the_built_in_cases() {
    anakinra()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("62 passed, 0 failed\n"));
}

#[test]
fn check_names_a_failing_case_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("anakinra-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.json");
    std::fs::write(
        &file,
        r#"[{"id": "start-wrong", "input": {"weight": 30, "age": "8y", "indication": "sjia"},
             "expect": {"verdict": "advised", "phases": {"start": [30, 61], "escalation": [90, 100], "exceptional": [100, 200]}}},
            {"id": "verdict-right", "input": {"weight": 9.9, "age": "2y", "indication": "sjia"},
             "expect": {"verdict": "not_covered", "warnings": ["KF-WEIGHT-MIN"]}},
            {"id": "phases-missing", "input": {"weight": 30, "age": "8y", "indication": "sjia"},
             "expect": {"verdict": "advised", "phases": {"start": [30, 60]}}}]"#,
    )
    .unwrap();
    anakinra()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL  start-wrong"))
        .stdout(predicate::str::contains(
            "start.max_mg: expected 61 mg, got 60 mg",
        ))
        .stdout(predicate::str::contains("verdict-right").not())
        .stdout(predicate::str::contains(
            "FAIL  phases-missing (",
        ))
        .stdout(predicate::str::contains(
            "phases.escalation: expected every phase of an advised patient listed in the case, got 90-100 mg not listed; phases.exceptional:",
        ))
        .stdout(predicate::str::ends_with("1 passed, 2 failed\n"));
    anakinra()
        .arg("check")
        .arg(&file)
        .arg("--verbose")
        .assert()
        .stdout(predicate::str::contains("ok    verdict-right"));
    let report = anakinra()
        .arg("check")
        .arg(&file)
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&report).unwrap();
    assert_eq!(
        (report["passed"].as_u64(), report["failed"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(report["cases"][0]["mismatches"][0]["field"], "start.max_mg");
}

#[test]
fn check_refuses_a_malformed_file_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("anakinra-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        "[{\"id\": \"x\",\n \"input\": {}, \"expect\": {\"verdict\": \"maybe\"}}]",
    )
    .unwrap();
    anakinra()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("bad.json:2:").and(predicate::str::contains("maybe")));
    anakinra()
        .args(["check", "/nonexistent.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn schema_prints_the_committed_schemas() {
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/anakinra-record.v1.json"
    ))
    .unwrap();
    anakinra().arg("schema").assert().code(0).stdout(committed);
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/anakinra-check.v1.json"
    ))
    .unwrap();
    anakinra()
        .args(["schema", "check"])
        .assert()
        .code(0)
        .stdout(committed);
}

#[test]
fn real_outputs_of_the_binary_validate_against_the_committed_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/anakinra-record.v1.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let input = jsonl(&patients(500));
    for detail in ["brief", "full"] {
        let out = anakinra()
            .args(["batch", "--detail", detail])
            .write_stdin(input.clone())
            .assert()
            .get_output()
            .stdout
            .clone();
        for record in lines(&out) {
            assert!(validator.is_valid(&record), "{record}");
        }
    }
    let dose = anakinra()
        .args([
            "dose",
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(validator.is_valid(&serde_json::from_slice(&dose.stdout).unwrap()));
}

#[test]
fn a_json_number_meets_the_grammar_of_typed_text() {
    // Each of these read as a double would cross a limit: 29.999999999999999999 becomes 30
    // (not contraindicated), 9.9999999999999999 becomes 10 kg (covered), 7.9999999999999999
    // becomes 8 months (covered), 1.2e1 becomes 12. As typed text each is refused, so here too,
    // quoting the number as written.
    let input = [
        r#"{"id":"gfr","weight":20,"age_months":60,"indication":"sjia","gfr":29.999999999999999999}"#,
        r#"{"id":"weight","weight":9.9999999999999999,"age":"3y","indication":"sjia"}"#,
        r#"{"id":"months","weight":20,"age_months":7.9999999999999999,"indication":"sjia"}"#,
        r#"{"id":"exp","weight":1.2e1,"age":"3y","indication":"sjia"}"#,
        r#"{"id":"neg","weight":20, "age":"5y","indication":"sjia","dose":-40}"#,
        r#"{"id":"ok","weight":12.5,"age_months":60,"indication":"sjia","gfr":29.99}"#,
    ]
    .join("\n");
    let records = batch(input);
    let errors: Vec<(&str, &str)> = records
        .iter()
        .filter_map(|r| {
            Some((
                r["error"]["field"].as_str()?,
                r["error"]["message"].as_str()?,
            ))
        })
        .collect();
    assert_eq!(errors.len(), 5, "{records:?}");
    assert_eq!(errors[0].0, "gfr");
    assert!(
        errors[0]
            .1
            .starts_with("'29.999999999999999999': at most 2 decimals")
    );
    assert_eq!(errors[1].0, "weight");
    assert!(
        errors[1]
            .1
            .starts_with("'9.9999999999999999': at most 2 decimals")
    );
    assert_eq!(errors[2].0, "age_months");
    assert!(
        errors[2]
            .1
            .starts_with("'7.9999999999999999': whole numbers only")
    );
    assert_eq!(errors[3].0, "weight");
    assert!(
        errors[3]
            .1
            .starts_with("'1.2e1': exponents are not accepted")
    );
    assert_eq!(errors[4].0, "dose");
    assert!(errors[4].1.starts_with("'-40': a sign"));
    assert_eq!(records[5]["verdict"], "contraindicated");
    assert_eq!(records[5]["reason_ids"][0], "KF-RENAL-CI");
}

#[test]
fn check_reads_a_case_number_as_typed() {
    let dir = std::env::temp_dir().join(format!("anakinra-numbers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.json");
    // GFR 29.999999999999999999 is below 30: as a double it would read 30 and be advised.
    std::fs::write(
        &file,
        r#"[{"id": "gfr-just-below-30", "input": {"weight": 20, "age": "5y", "indication": "sjia", "gfr": 29.999999999999999999},
             "expect": {"verdict": "advised"}}]"#,
    )
    .unwrap();
    anakinra()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "'29.999999999999999999': at most 2 decimals",
        ))
        .stdout(predicate::str::ends_with("0 passed, 1 failed\n"));
}

#[test]
fn an_unclosed_quote_in_a_csv_costs_one_record_not_the_rest_of_the_file() {
    let mut input = String::from("id,weight,age,indication\n");
    input.push_str("Q1,\"30,8y,sjia\n");
    for i in 2..=1_000 {
        writeln!(input, "P{i},30,8y,sjia").unwrap();
    }
    let records = batch(input);
    assert_eq!(records.len(), 1_000);
    assert_eq!(records[0]["line"], 2);
    assert_eq!(
        records[0]["id"], "Q1",
        "the id was read whole before the quote"
    );
    assert_eq!(
        records[0]["error"]["message"],
        "a quoted cell is not closed"
    );
    assert_eq!(records[1]["line"], 3);
    assert_eq!(records[1]["id"], "P2");
    assert_eq!(records[1]["verdict"], "advised");
    assert_eq!(records[999]["id"], "P1000");
    // A quoted cell over two lines is still one record.
    let records = lines(
        &anakinra()
            .arg("batch")
            .write_stdin("id,weight,age,indication,comedication\nA,30,8y,sjia,\"mtx\netanercept\"\nB,30,8y,sjia,\n")
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(records.len(), 2);
    assert_eq!(
        (records[0]["id"].as_str(), records[1]["line"].as_u64()),
        (Some("A"), Some(4))
    );
}

#[test]
fn a_csv_row_error_keeps_its_id() {
    let records = batch("id;weight;age;indication\nR1;30;8y\nR2;\"30\"x;8y;sjia\n;30\n");
    let ids: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, [&Value::from("R1"), &Value::from("R2"), &Value::Null]);
    assert_eq!(
        records[0]["error"]["message"],
        "the row has 3 cells, the header 4"
    );
    assert_eq!(records[1]["error"]["message"], "text after a closing quote");
}

#[test]
fn a_line_over_1_mib_is_one_error_record_and_memory_stays_bounded() {
    // `batch /dev/zero`: the first line never ends; it is not JSON, so it is a CSV header
    // longer than 1 MiB: refused at once, not read for ever into memory.
    anakinra()
        .args(["batch", "/dev/zero"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: the CSV header on line 1 cannot be read: longer than 1 MiB\n");
    // 8 MiB of NUL bytes without a line break, then a patient, read as JSON lines.
    let mut input = vec![0_u8; 8 << 20];
    input.extend_from_slice(
        b"\n{\"id\":\"after\",\"weight\":30,\"age\":\"8y\",\"indication\":\"sjia\"}\n",
    );
    let out = anakinra()
        .args(["batch", "--input", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["line"], 1);
    assert_eq!(records[0]["id"], Value::Null);
    assert!(
        records[0]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("the line is longer than 1 MiB (1,048,576 bytes)")
    );
    assert_eq!(
        (records[1]["line"].as_u64(), records[1]["id"].as_str()),
        (Some(2), Some("after"))
    );
    // The same in a CSV.
    let mut input = b"id,weight,age,indication\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend_from_slice(b"\nok,30,8y,sjia\n");
    let records = batch(input);
    assert_eq!(records.len(), 2);
    assert!(
        records[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1 MiB")
    );
    assert_eq!(records[1]["id"], "ok");
}

#[test]
fn a_long_drug_name_gets_no_suggestion_and_no_quadratic_search() {
    // The "did you mean" search compares only names of about a known name's length: a name of
    // a million letters (just under the 1 MiB line limit) is one length count, where every
    // known name used to be compared letter by letter (a 10 MB name took 11 s).
    let name = "etanercept".repeat(100_000);
    let line = format!(r#"{{"weight":30,"age":"8y","indication":"sjia","comedication":"{name}"}}"#);
    let out = anakinra()
        .args(["batch", "--detail", "full"])
        .write_stdin(line + "\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let record = &lines(&out)[0];
    let unknown = record["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["rule"] == "INT-UNKNOWN")
        .unwrap();
    assert!(!unknown["text"].as_str().unwrap().contains("did you mean"));
}

#[test]
fn the_format_is_read_from_the_first_whole_line_not_the_first_pipe_read() {
    // Blank lines come first, in a write of their own: the first read of the pipe holds no
    // record at all, and JSON lines follow.
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("anakinra"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"\n \n").unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    stdin
        .write_all(b"{\"id\":\"J\",\"weight\":30,\"age\":\"8y\",\"indication\":\"sjia\"}\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = lines(&out.stdout);
    assert_eq!(
        (records[0]["line"].as_u64(), records[0]["id"].as_str()),
        (Some(3), Some("J"))
    );
}

#[test]
fn empty_input_is_no_records_and_exit_0() {
    for input in ["", "\n\n  \n", "\u{feff}"] {
        anakinra()
            .arg("batch")
            .write_stdin(input)
            .assert()
            .code(0)
            .stdout("");
        anakinra()
            .args(["batch", "--input", "csv", "--format", "csv"])
            .write_stdin(input)
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with("line,id,verdict,"));
    }
}

#[test]
fn cr_only_line_endings_are_a_clear_error() {
    anakinra()
        .arg("batch")
        .write_stdin("id,weight,age,indication\r1,30,8y,sjia\r2,30,8y,sjia\r")
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: the input's lines end in a carriage return alone (CR, as classic Mac OS wrote them): save it with LF or CRLF line endings\n");
}

#[test]
fn csv_output_keeps_the_input_s_bom_and_crlf_and_excel_asks_for_them() {
    let out = anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin("\u{feff}id,weight,age,indication\r\nA,30,8y,sjia\r\n")
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFline,id,"));
    assert!(out.stdout.ends_with(b",advised,30,96,sjia,\r\n"));
    // JSON lines in, --excel out: `;`, decimal commas, CRLF and a BOM.
    let out = anakinra()
        .args(["batch", "--excel"])
        .write_stdin(
            "{\"id\":\"B\",\"weight\":12.3,\"age\":\"3y\",\"indication\":\"sjia\",\"gfr\":29.99}\n",
        )
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}line;id;verdict;"), "{text}");
    assert!(text.ends_with("\r\n1;B;contraindicated;off_label;;;;;;;KF-RENAL-CI;;;;contraindicated;12,3;36;sjia;29,99\r\n"), "{text}");
    // LF in, LF out, no BOM.
    let out = anakinra()
        .args(["batch", "--format", "csv"])
        .write_stdin("id,weight,age,indication\nA,30,8y,sjia\n")
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"line,id,") && !out.stdout.contains(&b'\r'));
}

#[test]
fn a_refused_prescription_is_not_advised_in_brief_output_and_the_inputs_come_back() {
    let records = lines(
        &anakinra()
            .arg("batch")
            .write_stdin(
                "{\"id\":\"R\",\"weight\":20,\"age\":\"6y\",\"indication\":\"sjia\",\"gfr\":\">90\",\"dose\":400}\n{\"id\":\"S\",\"weight\":20,\"age_months\":72,\"indication\":\"sjia\",\"dose\":40}\n",
            )
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone(),
    );
    // 20 kg: maximum 160 mg/day; 400 is above it: the patient is advised, the record is not.
    assert_eq!(records[0]["verdict"], "advised");
    assert_eq!(records[0]["outcome"], "prescription_refused");
    assert_eq!(records[0]["prescribed_class"], "above_maximum");
    assert_eq!(
        (
            records[0]["weight_kg"].as_f64(),
            records[0]["age_months"].as_u64()
        ),
        (Some(20.0), Some(72))
    );
    assert_eq!(records[0]["indication"], "sjia");
    assert_eq!(records[0]["gfr"], 90);
    assert!(
        records[0]["warning_ids"]
            .as_array()
            .unwrap()
            .contains(&Value::from("SCOPE-GFR-ABOVE"))
    );
    assert_eq!(records[1]["outcome"], "advised");
    assert_eq!(records[1]["gfr"], Value::Null);
}

#[test]
fn dutch_column_names_and_unknown_columns_left_out_on_request() {
    let input = "ID;Gewicht;Leeftijd;Indicatie;Kreatinine;Lengte;Afdeling\nA;20;5 jaar;sjia;35umol/l;112;Kind\n";
    // An unknown column is a usage error that names the way out.
    let out = anakinra().arg("batch").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown CSV column 'afdeling'"), "{stderr}");
    assert!(stderr.contains("--ignore-unknown-columns"), "{stderr}");
    // With --ignore-unknown-columns it is left out, and said so on stderr.
    let out = anakinra()
        .args(["batch", "--ignore-unknown-columns"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: ignored CSV columns (--ignore-unknown-columns): afdeling\n"
    );
    let records = lines(&out.stdout);
    assert_eq!(records[0]["id"], "A");
    assert_eq!(records[0]["outcome"], "advised");
    // eGFR 0.413 x 112 / (35 / 88.4) = 116.82, rounded down to 116.82.
    assert_eq!(records[0]["gfr"], 116.82);
    assert_eq!(records[0]["age_months"], 60);
}

#[test]
fn an_unknown_key_is_named_whatever_words_it_holds() {
    // The key is handed over by the reader, never read back from serde's message: a key that
    // holds serde's own words (" at line ", a backtick) is named whole, with the keys accepted.
    let records = batch(
        "{\"id\":\"a\",\"comedication\":[\"mtx\"],\"bogus at line 3 column 4\":1}\n\
         {\"id\":\"b\",\"we`ight\":1}\n\
         {\"id\":\"c\",\"col\\u006fur\":1}\n",
    );
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["error"]["field"], "bogus at line 3 column 4");
    assert_eq!(
        records[0]["error"]["message"],
        "unknown key 'bogus at line 3 column 4'; accepted: id, weight, age, age_months, dob, on, \
         indication, gfr, height, creatinine, dialysis, dose, comedication, sex, confirm_weight"
    );
    assert_eq!(records[1]["error"]["field"], "we`ight");
    // An escaped key is the key it spells.
    assert_eq!(records[2]["error"]["field"], "colour");
}

#[test]
fn serde_messages_lose_only_their_position() {
    // A value that holds serde's position words keeps them: only the position serde appends is
    // taken off, by its numbers.
    let records = batch("{\"weight\": {\"at line 1 column 2\": 1}}\n{\"weight\": 1} x\n");
    assert_eq!(
        records[0]["error"]["message"],
        "invalid value: invalid type: map, expected a string, a number or a boolean"
    );
    assert_eq!(
        records[1]["error"]["message"],
        "invalid JSON: trailing characters"
    );
}

#[test]
fn a_case_input_given_as_an_array_is_refused() {
    let dir = std::env::temp_dir().join(format!("anakinra-array-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.json");
    std::fs::write(
        &file,
        r#"[{"id": "x", "input": ["30", "8y"], "expect": {"verdict": "advised"}}]"#,
    )
    .unwrap();
    anakinra()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("cases.json:1:").and(predicate::str::ends_with(
                ": not a valid case file: invalid type: sequence, expected struct JsonPatient\n",
            )),
        );
}

#[test]
fn batch_help_lists_every_field_of_the_table_with_its_dutch_names() {
    use anakinra::input::field::Field;
    for lang in ["en", "nl"] {
        let help = anakinra()
            .args(["batch", "--help", "--lang", lang])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let help = String::from_utf8(help).unwrap();
        for field in Field::RECORD {
            assert!(help.contains(field.key()), "{lang}: {}", field.key());
            for dutch in field.dutch() {
                assert!(help.contains(dutch), "{lang}: {dutch}");
            }
        }
    }
}
