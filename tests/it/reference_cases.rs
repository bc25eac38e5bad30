//! Every hand-computed case of `data/reference-cases.json` through the library, compared at
//! 0.01 mg.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashSet;

use anakinra::dosing::{Indication, Verdict};
use anakinra::input::reference::{self, Case};

fn cases() -> Vec<Case<'static>> {
    serde_json::from_str(reference::BUILT_IN).expect("data/reference-cases.json parses")
}

#[test]
fn every_reference_case_passes() {
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let mismatches = reference::check(case, anakinra::i18n::Lang::En);
            (!mismatches.is_empty()).then(|| {
                let list: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
                format!("{}: {}", case.id, list.join("; "))
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn reference_cases_are_many_unique_and_explained() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    let mut ids = HashSet::new();
    for case in &cases {
        assert!(ids.insert(case.id.as_str()), "duplicate id {}", case.id);
        assert!(
            case.note.as_deref().is_some_and(|n| !n.is_empty()),
            "{} has no note",
            case.id
        );
        assert!(!case.rules.is_empty(), "{} names no rule", case.id);
    }
}

#[test]
fn reference_cases_cover_every_verdict_and_indication() {
    let cases = cases();
    for verdict in [
        Verdict::Advised,
        Verdict::Contraindicated,
        Verdict::NotCovered,
        Verdict::NoGeneralAdvice,
    ] {
        assert!(
            cases.iter().any(|c| c.expect.verdict == verdict),
            "{verdict:?}"
        );
    }
    for ind in Indication::ALL {
        let covered = cases
            .iter()
            .any(|c| c.input.fields.indication.as_deref() == Some(ind.as_str()));
        assert!(covered, "{ind}");
    }
}

#[test]
fn a_wrong_expectation_is_reported_with_expected_and_got() {
    let case: Case<'_> = serde_json::from_str(
        r#"{"id": "wrong", "input": {"weight": 30, "age": "8y", "indication": "sjia", "gfr": 95},
            "expect": {"verdict": "advised", "phases": {"start": [30, 61], "escalation": [90, 100]},
                       "warnings": ["KF-RENAL-UNKNOWN"], "absent_warnings": ["KF-MAS"]}}"#,
    )
    .unwrap();
    let got: Vec<String> = reference::check(&case, anakinra::i18n::Lang::En)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        [
            "phases.exceptional: expected every phase of an advised patient listed in the case, got 100-200 mg not listed",
            "start.max_mg: expected 61 mg, got 60 mg",
            "KF-RENAL-UNKNOWN: expected present, got absent",
            "KF-MAS: expected absent, got present",
        ]
    );
}

#[test]
fn an_unknown_key_in_a_case_is_refused() {
    let parsed: Result<Case<'_>, _> = serde_json::from_str(
        r#"{"id": "x", "input": {"weight": 30, "age": "8y", "indication": "sjia", "colour": "red"},
            "expect": {"verdict": "advised"}}"#,
    );
    assert!(parsed.is_err());
}
