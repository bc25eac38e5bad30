//! An independent reference over the whole input space: a second, deliberately plain
//! implementation of the dose rules, written from `RULES.md` without calling or copying
//! `src/dosing`, compared with the dosing core on a grid of patients (verdict, every phase's
//! range, and the warning ids).
//!
//! `cargo test` runs a coarse grid (boundaries and a spread); the full grid of the issue (every
//! weight 0.1-250.0 kg in 0.1 kg steps × every age 0-240 months × 9 GFRs × 6 indications ×
//! dialysis on/off: 65,070,000 patients) runs in `.ci/run` with `--release -- --ignored`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;

use anakinra::dosing::{self, Indication, Patient};
use anakinra::units::{AgeMonths, Gfr, Kilograms};

/// What RULES.md says for a patient: a verdict, the phase ranges in hundredths of a mg, and
/// the warning ids.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    verdict: &'static str,
    phases: Vec<(&'static str, u64, u64)>,
    warnings: BTreeSet<&'static str>,
}

const INDICATIONS: [&str; 6] = [
    "caps-mild",
    "caps-severe",
    "hereditary-autoinflammatory",
    "sjia",
    "other-autoinflammatory",
    "ra",
];

/// RULES.md, read plainly. Weights in hundredths of a kg; ages in completed months.
fn rules_md(
    weight: u64,
    months: u64,
    indication: &str,
    gfr: Option<f64>,
    dialysis: bool,
) -> Expected {
    let paediatric = indication != "ra";
    let child = months < 216; // under 18 years
    let renal_child = (3..216).contains(&months); // "3 months to under 18 years"
    let gfr_below_30 = matches!(gfr, Some(g) if g < 30.0);

    // "Checked in this order; the first that applies gives the verdict."
    let mut verdict = None;
    let mut decide = |applies: bool, v: &'static str| {
        if applies && verdict.is_none() {
            verdict = Some(v);
        }
    };
    decide(renal_child && gfr_below_30, "contraindicated"); // KF-RENAL-CI
    decide(paediatric && months < 8, "not_covered"); // KF-AGE-MIN
    decide(paediatric && weight < 1000, "not_covered"); // KF-WEIGHT-MIN
    decide(paediatric && !child, "not_covered"); // KF-SCOPE
    decide(!paediatric && child, "not_covered"); // SCOPE-RA-ADULT
    decide(renal_child && dialysis, "no_general_advice"); // KF-DIALYSIS
    decide(
        !paediatric && !child && (gfr_below_30 || dialysis),
        "no_general_advice",
    ); // SCOPE-ADULT-RENAL
    if let Some(v) = verdict {
        return Expected {
            verdict: v,
            phases: vec![],
            warnings: BTreeSet::new(),
        };
    }

    // Phases: hundredths of a kg × whole mg/kg = hundredths of a mg. Caps 100 and 200 mg.
    let cap100 = 10_000;
    let cap200 = 20_000;
    let phases = if paediatric {
        let start = ((weight).min(cap100), (2 * weight).min(cap100));
        let escalation = ((3 * weight).min(cap100), (4 * weight).min(cap100));
        let exceptional = (escalation.1, (8 * weight).min(cap200));
        vec![
            ("start", start.0, start.1),
            ("escalation", escalation.0, escalation.1),
            ("exceptional", exceptional.0, exceptional.1),
        ]
    } else {
        vec![("standard", 10_000, 10_000)]
    };

    // Warnings shown with a dose ("always" = every advised record).
    let mut w: BTreeSet<&'static str> = [
        "KF-INT-TNF",
        "KF-INT-LIVE",
        "KF-INT-INACTIVATED",
        "LF-INJECT",
        "LF-SCREEN",
        "LF-ADR-SHORT",
        "LF-ADR-LONG",
        "LF-INFECTION",
        "LF-NEW",
        "LF-SURGERY",
        "LF-STORAGE",
        "LF-FLU-OK",
        "LF-LIVE-VACCINES",
    ]
    .into_iter()
    .collect();
    if matches!(gfr, Some(g) if g < 80.0) {
        w.insert("KF-RENAL-HALFLIFE");
    }
    if gfr.is_none() {
        w.insert(if paediatric {
            "KF-RENAL-UNKNOWN"
        } else {
            "SCOPE-ADULT-RENAL"
        });
    }
    // Off-label phases: caps-mild beyond start; sjia and other-autoinflammatory throughout.
    if matches!(indication, "caps-mild" | "sjia" | "other-autoinflammatory") {
        w.insert("KF-LABEL-OFF");
    }
    if indication.starts_with("caps") {
        w.insert("KF-CAPS-RESPONSE");
    }
    if indication == "caps-severe" {
        w.insert("KF-CAPS-TITRATE");
    }
    if indication == "sjia" {
        w.insert("KF-MAS");
        w.insert("KF-TAPER");
    }
    if paediatric {
        w.insert("KF-ADR-CHILD");
    }
    if months >= 144 {
        w.insert("LF-PREGNANCY");
    }
    Expected {
        verdict: "advised",
        phases,
        warnings: w,
    }
}

/// The dosing core's answer, in the same shape.
fn core(weight: u64, months: u64, indication: &str, gfr: Option<f64>, dialysis: bool) -> Expected {
    let patient = Patient {
        weight: Kilograms::from_centi(u32::try_from(weight).unwrap()).unwrap(),
        age: AgeMonths::new(u16::try_from(months).unwrap()).unwrap(),
        indication: indication.parse::<Indication>().unwrap(),
        gfr: gfr.map(|g| Gfr::new(g).unwrap()),
        dialysis,
    };
    let advice = dosing::advise(&patient);
    Expected {
        verdict: advice.verdict.as_str(),
        phases: advice
            .phases
            .iter()
            .map(|p| {
                (
                    p.phase.as_str(),
                    u64::from(p.min.centi()),
                    u64::from(p.max.centi()),
                )
            })
            .collect(),
        warnings: advice.warnings.iter().map(|w| w.rule.as_str()).collect(),
    }
}

const GFRS: [Option<f64>; 9] = [
    None,
    Some(0.0),
    Some(10.0),
    Some(29.9),
    Some(30.0),
    Some(50.0),
    Some(79.9),
    Some(80.0),
    Some(120.0),
];

/// Compares every patient of the grid; returns (checked, disagreements, first few).
fn compare(weights: &[u64], ages: &[u64]) -> (u64, u64, Vec<String>) {
    let mut checked = 0;
    let mut wrong = 0;
    let mut examples = Vec::new();
    for &w in weights {
        for &m in ages {
            for gfr in GFRS {
                for ind in INDICATIONS {
                    for dialysis in [false, true] {
                        checked += 1;
                        let (want, got) = (
                            rules_md(w, m, ind, gfr, dialysis),
                            core(w, m, ind, gfr, dialysis),
                        );
                        if want != got {
                            wrong += 1;
                            if examples.len() < 5 {
                                examples.push(format!("{w} cg, {m} m, {ind}, {gfr:?}, {dialysis}: want {want:?}, got {got:?}"));
                            }
                        }
                    }
                }
            }
        }
    }
    (checked, wrong, examples)
}

#[test]
fn coarse_grid_agrees_with_rules_md() {
    // Weights at every boundary (10, 25, 33.33, 50, 100 kg) just below, at and above, and a spread.
    let mut weights: Vec<u64> = vec![
        10, 990, 999, 1000, 1001, 1010, 1230, 2490, 2499, 2500, 2501, 2510, 3332, 3333, 3334, 4999,
        5000, 5001, 9999, 10_000, 10_001, 25_000,
    ];
    weights.extend((10..=25_000).step_by(2_170));
    let mut ages: Vec<u64> = vec![0, 2, 3, 4, 7, 8, 9, 143, 144, 145, 215, 216, 217, 239, 240];
    ages.extend((0..=240).step_by(19));
    let (checked, wrong, examples) = compare(&weights, &ages);
    println!("coarse reference grid: {checked} patients checked, {wrong} disagreements");
    assert_eq!(wrong, 0, "{examples:#?}");
    assert!(checked > 30_000);
}

/// The full grid of the issue; run with `cargo test --release --test reference_grid -- --ignored`.
#[test]
#[ignore = "65 million patients: run in release (see .ci/run)"]
fn full_grid_agrees_with_rules_md() {
    let weights: Vec<u64> = (1..=2_500).map(|tenth| tenth * 10).collect(); // 0.1 to 250.0 kg
    let ages: Vec<u64> = (0..=240).collect();
    let halves = weights.split_at(weights.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| compare(halves.0, &ages));
        let b = s.spawn(|| compare(halves.1, &ages));
        (a.join().unwrap(), b.join().unwrap())
    });
    let (checked, wrong) = (a.0 + b.0, a.1 + b.1);
    println!("full reference grid: {checked} patients checked, {wrong} disagreements");
    assert_eq!(checked, 2_500 * 241 * 9 * 6 * 2);
    assert_eq!(wrong, 0, "{:#?} {:#?}", a.2, b.2);
}
