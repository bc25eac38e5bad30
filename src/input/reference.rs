//! Reference cases: hand-computed expectations, run through the same calculation as
//! `anakinra dose`. The format of `data/reference-cases.json` is a contract: users write their
//! own case files in it.
//!
//! ```json
//! {"id": "sjia-30kg", "rules": ["KF-CAP-100"], "note": "4 x 30 = 120 > 100",
//!  "input": {"weight": 30, "age": "8y", "indication": "sjia", "gfr": 95},
//!  "expect": {"verdict": "advised", "phases": {"start": [30, 60], "escalation": [90, 100]},
//!             "warnings": ["KF-CAP-100"], "absent_warnings": ["KF-RENAL-UNKNOWN"]}}
//! ```
//!
//! `warnings` and `absent_warnings` are rule ids that must (must not) be named anywhere in the
//! advice: its reasons, its phases' rules or its warnings. Phase ranges compare at 0.01 mg; a
//! case whose verdict is `advised` lists every phase the advice gives.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::dosing::{self, Advice, Phase, RuleId, Verdict};
use crate::i18n::Lang;
use crate::input::json::JsonPatient;
use crate::input::request;

/// The reference cases built into the binary.
pub const BUILT_IN: &str = include_str!("../../data/reference-cases.json");

/// One reference case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case<'a> {
    /// A unique, readable id.
    pub id: String,
    /// The rule ids the case exercises (documentation).
    #[serde(default)]
    pub rules: Vec<RuleId>,
    /// The hand arithmetic behind the expectation.
    #[serde(default)]
    pub note: Option<String>,
    /// The patient, as a `batch` line without `id`.
    #[serde(borrow)]
    pub input: JsonPatient<'a>,
    /// What the advice must be.
    pub expect: Expect,
}

/// What the advice must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The verdict.
    pub verdict: Verdict,
    /// Phase ranges `[min_mg, max_mg]`, compared at 0.01 mg.
    #[serde(default)]
    pub phases: BTreeMap<Phase, [f64; 2]>,
    /// Rule ids that must be named in the advice.
    #[serde(default)]
    pub warnings: Vec<RuleId>,
    /// Rule ids that must not be named in the advice.
    #[serde(default)]
    pub absent_warnings: Vec<RuleId>,
}

/// A field where the advice differs from the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Which field, e.g. `verdict` or `escalation.max_mg`.
    pub field: String,
    /// What the case expects.
    pub expected: String,
    /// What the calculation gave.
    pub got: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, got {}",
            self.field, self.expected, self.got
        )
    }
}

/// Hundredths of an expected mg figure, rounded to the nearest (the figure is written with at
/// most 2 decimals).
#[allow(clippy::cast_possible_truncation)] // checked finite and in range
fn expected_centi(mg: f64) -> Option<i64> {
    let centi = (mg * 100.0).round();
    (centi.is_finite() && centi.abs() < 1e12).then_some(centi as i64)
}

fn mg_text(centi: i64) -> String {
    format!("{} mg", crate::dosing::units::centi_text(centi, '.'))
}

/// Every rule id the advice names: reasons, phase rules, warnings and the prescription's rules.
fn named(advice: &Advice) -> Vec<RuleId> {
    let phase_rules = advice.phases.iter().flat_map(|p| p.rules.iter().copied());
    advice
        .reasons
        .iter()
        .copied()
        .chain(phase_rules)
        .chain(advice.warnings.iter().map(|w| w.rule))
        .chain(
            advice
                .prescribed
                .iter()
                .flat_map(|p| p.rules.iter().copied()),
        )
        .collect()
}

/// Runs the case; an empty list means it passed.
pub fn check(case: &Case<'_>, lang: Lang) -> Vec<Mismatch> {
    if case.input.id.is_some() {
        return vec![Mismatch {
            field: "input.id".to_string(),
            expected: lang
                .pick(
                    "no id in the input (the case's id is its own)",
                    "geen id in de invoer (de casus heeft een eigen id)",
                )
                .to_string(),
            got: lang.pick("an id", "een id").to_string(),
        }];
    }
    if case.input.fields.dob.is_some() && case.input.fields.on.is_none() {
        return vec![Mismatch {
            field: "input.on".to_string(),
            expected: lang
                .pick(
                    "a date of calculation with dob, so the case gives the same age every day",
                    "een rekendatum bij dob, zodat de casus elke dag dezelfde leeftijd geeft",
                )
                .to_string(),
            got: lang.pick("none", "geen").to_string(),
        }];
    }
    // `today` is never asked: a case with `dob` carries `on`.
    let request = match request::request(&case.input.fields, || {
        jiff::civil::Date::constant(2000, 1, 1)
    }) {
        Ok(request) => request,
        Err(err) => {
            return vec![Mismatch {
                field: "input".to_string(),
                expected: lang
                    .pick("a valid patient", "een geldige patiënt")
                    .to_string(),
                got: format!("{}: {}", err.field, err.message(lang)),
            }];
        }
    };
    compare(
        &case.expect,
        &dosing::assess(&request.patient, &request.extras),
        lang,
    )
}

/// The differences between an expectation and an advice.
pub fn compare(expect: &Expect, advice: &Advice, lang: Lang) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if advice.verdict != expect.verdict {
        out.push(Mismatch {
            field: "verdict".to_string(),
            expected: expect.verdict.as_str().to_string(),
            got: advice.verdict.as_str().to_string(),
        });
    }
    // A case of an advised patient states every phase the advice gives, so that no range
    // goes unchecked by accident.
    if expect.verdict == Verdict::Advised {
        for got in &advice.phases {
            if !expect.phases.contains_key(&got.phase) {
                out.push(Mismatch {
                    field: format!("phases.{}", got.phase.as_str()),
                    expected: lang
                        .pick(
                            "every phase of an advised patient listed in the case",
                            "elke fase van een patiënt met dosisadvies in de casus",
                        )
                        .to_string(),
                    got: format!(
                        "{}-{} {}",
                        crate::dosing::units::centi_text(i64::from(got.min.centi()), '.'),
                        mg_text(i64::from(got.max.centi())),
                        lang.pick("not listed", "niet opgenomen")
                    ),
                });
            }
        }
    }
    for (&phase, &[min, max]) in &expect.phases {
        let Some(got) = advice.phase(phase) else {
            out.push(Mismatch {
                field: phase.as_str().to_string(),
                expected: format!("{min}-{max} mg"),
                got: lang
                    .pick("no such phase", "die fase is er niet")
                    .to_string(),
            });
            continue;
        };
        for (end, want, have) in [("min_mg", min, got.min), ("max_mg", max, got.max)] {
            let have = i64::from(have.centi());
            let want_centi = expected_centi(want);
            if want_centi != Some(have) {
                out.push(Mismatch {
                    field: format!("{}.{end}", phase.as_str()),
                    expected: format!("{want} mg"),
                    got: mg_text(have),
                });
            }
        }
    }
    let named = named(advice);
    for rule in &expect.warnings {
        if !named.contains(rule) {
            out.push(Mismatch {
                field: rule.as_str().to_string(),
                expected: lang.pick("present", "aanwezig").to_string(),
                got: lang.pick("absent", "afwezig").to_string(),
            });
        }
    }
    for rule in &expect.absent_warnings {
        if named.contains(rule) {
            out.push(Mismatch {
                field: rule.as_str().to_string(),
                expected: lang.pick("absent", "afwezig").to_string(),
                got: lang.pick("present", "aanwezig").to_string(),
            });
        }
    }
    out
}
