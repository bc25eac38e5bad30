//! An independent reference over the whole input space: a second, deliberately plain
//! implementation of the dose rules, written from `RULES.md` without calling or copying
//! `src/dosing`, compared with the dosing core on a grid of patients: the verdict with every
//! reason, each phase's range, `capped`, label status and rules, and the warning ids; and, for
//! `assess`, the prescription check, co-medication, the eGFR and the weight-for-age result.
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

use anakinra::dosing::growth::Growth;
use anakinra::dosing::units::{AgeMonths, Centimetres, Creatinine, Gfr, Kilograms, Milligrams};
use anakinra::dosing::{self, Advice, Egfr, Extras, Indication, Patient};

/// What RULES.md says for a patient: a verdict with every reason that applies, the phases,
/// and the warning ids.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    verdict: &'static str,
    reasons: Vec<&'static str>,
    phases: Vec<PhaseExpected>,
    warnings: BTreeSet<&'static str>,
}

/// One phase: name, range in hundredths of a mg, `capped`, label status and its rules.
#[derive(Debug, PartialEq, Eq)]
struct PhaseExpected {
    name: &'static str,
    min: u64,
    max: u64,
    capped: bool,
    label: &'static str,
    rules: BTreeSet<&'static str>,
}

/// The syringe (RULES.md, The product): multiples of 10 mg from 20 to 200 mg.
fn deliverable(centi_mg: u64) -> bool {
    centi_mg.is_multiple_of(1_000) && (2_000..=20_000).contains(&centi_mg)
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
#[allow(clippy::too_many_lines)] // RULES.md read top to bottom, one table after another
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

    // "Checked in this order; the first that applies gives the verdict; every reason that
    // applies is listed."
    let table = [
        (
            "KF-RENAL-CI",
            "contraindicated",
            renal_child && gfr_below_30,
        ),
        ("KF-AGE-MIN", "not_covered", paediatric && months < 8),
        ("KF-WEIGHT-MIN", "not_covered", paediatric && weight < 1000),
        ("KF-SCOPE", "not_covered", paediatric && !child),
        ("SCOPE-RA-ADULT", "not_covered", !paediatric && child),
        ("KF-DIALYSIS", "no_general_advice", renal_child && dialysis),
        (
            "SCOPE-ADULT-RENAL",
            "no_general_advice",
            !paediatric && !child && (gfr_below_30 || dialysis),
        ),
    ];
    let reasons: Vec<&'static str> = table
        .iter()
        .filter(|(_, _, applies)| *applies)
        .map(|(id, _, _)| *id)
        .collect();
    if let Some((_, v, _)) = table.iter().find(|(_, _, applies)| *applies) {
        return Expected {
            verdict: v,
            reasons,
            phases: vec![],
            warnings: BTreeSet::new(),
        };
    }

    // Phases: hundredths of a kg × whole mg/kg = hundredths of a mg. Caps 100 and 200 mg.
    // Label (KF Label): caps-mild on-label for the start only; caps-severe and hereditary
    // on-label; sjia and other-autoinflammatory off-label; ra on-label (SmPC).
    let cap100 = 10_000;
    let cap200 = 20_000;
    let label = |phase: &str| match (indication, phase) {
        ("caps-mild", "start") | ("caps-severe" | "hereditary-autoinflammatory" | "ra", _) => {
            "on_label"
        }
        _ => "off_label",
    };
    // A phase names its own rule, KF-CAP-100 when the 100 mg cap bit, KF-RENAL-OK when a GFR
    // was given (>= 30 here: no dose adjustment), and KF-NO-ROUND-UP when the top of the range
    // is not a syringe mark (the marks stop below it).
    let phase = |name: &'static str, rule: &'static str, min: u64, uncapped: u64, cap: u64| {
        let max = uncapped.min(cap);
        let capped = uncapped > cap;
        let mut rules = BTreeSet::from([rule]);
        if capped && cap == cap100 {
            rules.insert("KF-CAP-100");
        }
        if gfr.is_some() {
            rules.insert("KF-RENAL-OK");
        }
        if !deliverable(max) {
            rules.insert("KF-NO-ROUND-UP");
        }
        PhaseExpected {
            name,
            min,
            max,
            capped,
            label: label(name),
            rules,
        }
    };
    let phases = if paediatric {
        let escalation_max = (4 * weight).min(cap100);
        vec![
            phase("start", "KF-START", weight.min(cap100), 2 * weight, cap100),
            phase(
                "escalation",
                "KF-ESCALATE",
                (3 * weight).min(cap100),
                4 * weight,
                cap100,
            ),
            phase(
                "exceptional",
                "KF-EXCEPTIONAL",
                escalation_max,
                8 * weight,
                cap200,
            ),
        ]
    } else {
        vec![PhaseExpected {
            name: "standard",
            min: 10_000,
            max: 10_000,
            capped: false,
            label: "on_label",
            rules: BTreeSet::from(["LF-ADULT"]),
        }]
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
        "SCOPE-FLU-NASAL", // RULES.md's remark on LF-FLU-OK, as a line of its own
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
        // The label's 4 mg/kg/day is above the 100 mg cap from 25.01 kg on.
        if 4 * weight > cap100 {
            w.insert("SCOPE-CAPS-LABEL");
        }
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
        reasons: vec![],
        phases,
        warnings: w,
    }
}

/// The patient as the core takes it.
fn patient(
    weight: u64,
    months: u64,
    indication: &str,
    gfr: Option<f64>,
    dialysis: bool,
) -> Patient {
    Patient {
        weight: Kilograms::from_centi(u32::try_from(weight).unwrap()).unwrap(),
        age: AgeMonths::new(u16::try_from(months).unwrap()).unwrap(),
        indication: indication.parse::<Indication>().unwrap(),
        gfr: gfr.map(|g| Gfr::new(g).unwrap()),
        dialysis,
    }
}

/// An advice in the reference's shape.
fn shape(advice: &Advice) -> Expected {
    Expected {
        verdict: advice.verdict.as_str(),
        reasons: advice.reasons.iter().map(|r| r.as_str()).collect(),
        phases: advice
            .phases
            .iter()
            .map(|p| PhaseExpected {
                name: p.phase.as_str(),
                min: u64::from(p.min.centi()),
                max: u64::from(p.max.centi()),
                capped: p.capped,
                label: p.label_status.as_str(),
                rules: p.rules.iter().map(|r| r.as_str()).collect(),
            })
            .collect(),
        warnings: advice.warnings.iter().map(|w| w.rule.as_str()).collect(),
    }
}

/// The dosing core's answer, in the same shape.
fn core(weight: u64, months: u64, indication: &str, gfr: Option<f64>, dialysis: bool) -> Expected {
    shape(&dosing::advise(&patient(
        weight, months, indication, gfr, dialysis,
    )))
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

/// Weights in hundredths of a kg at every boundary, just below, at and above: 10 kg (KF-WEIGHT-MIN),
/// 12.5 kg (8 mg/kg = 100 mg), 25 kg (the 200 mg cap of the exceptional ceiling), 33.33 kg
/// (escalation's 3 mg/kg reaches 100 mg), 50 kg (start's 2 mg/kg reaches 100 mg), 100 kg.
const BOUNDARY_WEIGHTS: [u64; 31] = [
    10, 990, 999, 1000, 1001, 1010, 1230, 1249, 1250, 1251, 2490, 2499, 2500, 2501, 2502, 2510,
    3332, 3333, 3334, 3335, 4999, 5000, 5001, 5002, 9999, 10_000, 10_001, 12_345, 20_001, 24_999,
    25_000,
];

#[test]
fn coarse_grid_agrees_with_rules_md() {
    // Weights at every boundary (10, 25, 33.33, 50, 100 kg) just below, at and above, and a spread.
    let mut weights: Vec<u64> = BOUNDARY_WEIGHTS.to_vec();
    weights.extend((10..=25_000).step_by(2_170));
    let mut ages: Vec<u64> = vec![0, 2, 3, 4, 7, 8, 9, 143, 144, 145, 215, 216, 217, 239, 240];
    ages.extend((0..=240).step_by(19));
    let (checked, wrong, examples) = compare(&weights, &ages);
    println!("coarse reference grid: {checked} patients checked, {wrong} disagreements");
    assert_eq!(wrong, 0, "{examples:#?}");
    assert!(checked > 30_000);
}

/// The full grid of the issue; run with `cargo test --release --test it reference_grid -- --ignored`.
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

// `assess`: the prescription, co-medication, the eGFR and the weight-for-age result.

/// What RULES.md says of a prescribed dose (hundredths of a mg) for an advised patient: its
/// class, the RX-* rules, whether the syringe delivers it, and the nearest deliverable doses
/// below and above (only when it is not deliverable or above the maximum).
#[derive(Debug, PartialEq, Eq)]
struct RxExpected {
    class: Option<&'static str>,
    rules: BTreeSet<&'static str>,
    deliverable: bool,
    nearest_below: Option<u64>,
    nearest_above: Option<u64>,
}

fn rx_md(expected: &Expected, dose: u64) -> RxExpected {
    let ends = |name: &str| {
        expected
            .phases
            .iter()
            .find(|p| p.name == name)
            .map(|p| (p.min, p.max))
    };
    let class = if expected.verdict != "advised" {
        None
    } else if let Some((_, standard)) = ends("standard") {
        Some(match dose.cmp(&standard) {
            std::cmp::Ordering::Equal => "standard",
            std::cmp::Ordering::Less => "below_standard",
            std::cmp::Ordering::Greater => "above_maximum",
        })
    } else {
        // "The first that fits, in this order": start, escalation, between, exceptional,
        // below_start, above_maximum.
        let (s_min, s_max) = ends("start").unwrap();
        let (e_min, e_max) = ends("escalation").unwrap();
        let (_, maximum) = ends("exceptional").unwrap();
        Some(if (s_min..=s_max).contains(&dose) {
            "start"
        } else if (e_min..=e_max).contains(&dose) {
            "escalation"
        } else if dose > s_max && dose < e_min {
            "between"
        } else if dose > e_max && dose <= maximum {
            "exceptional"
        } else if dose < s_min {
            "below_start"
        } else {
            "above_maximum"
        })
    };
    let is_deliverable = deliverable(dose);
    let mut rules = BTreeSet::new();
    match class {
        Some("above_maximum") => {
            rules.insert("RX-ABOVE-MAX");
        }
        Some("exceptional") => {
            rules.insert("RX-EXCEPTIONAL");
        }
        Some("below_start" | "below_standard") => {
            rules.insert("RX-BELOW-START");
        }
        _ => {}
    }
    if class.is_some() && !is_deliverable {
        rules.insert("RX-NOT-DELIVERABLE");
    }
    let maximum = expected.phases.iter().map(|p| p.max).max().unwrap_or(0);
    let (nearest_below, nearest_above) =
        if class.is_none() || (is_deliverable && class != Some("above_maximum")) {
            (None, None)
        } else {
            // KF-NO-ROUND-UP: nothing above the patient's maximum is suggested.
            let marks = (2..=20).map(|ten| ten * 1_000);
            (
                marks.clone().filter(|&m| m <= dose.min(maximum)).max(),
                marks.filter(|&m| m > dose && m <= maximum).min(),
            )
        };
    RxExpected {
        class,
        rules,
        deliverable: is_deliverable,
        nearest_below,
        nearest_above,
    }
}

/// Co-medication from RULES.md: KF-INT-TNF names the TNF-α antagonists (etanercept,
/// adalimumab, infliximab, golimumab, certolizumab pegol), KF-INT-LIVE every immunosuppressive
/// drug of its list; `anakinra`/`Kineret` is INT-DUPLICATE; a name not known is INT-UNKNOWN.
/// Names given, named by KF-INT-TNF, named by KF-INT-LIVE, warnings added.
type Comedication = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const COMEDICATION: [Comedication; 9] = [
    // (given, named by KF-INT-TNF, named by KF-INT-LIVE, extra warnings)
    (&[], &[], &[], &[]),
    // LF Adviezen's live vaccines: LF-LIVE-VACCINES names them (checked below).
    (&["BMR"], &[], &[], &[]),
    (&["gele koorts", "BCG"], &[], &[], &[]),
    // Known, with no interaction in KF Interacties: INT-NONE.
    (&["prednisolon", "ibuprofen"], &[], &[], &["INT-NONE"]),
    (&["etanercept"], &["etanercept"], &["etanercept"], &[]),
    (
        &["Enbrel", "methotrexate"],
        &["etanercept"],
        &["etanercept", "methotrexate"],
        &[],
    ),
    (
        &["tocilizumab", "golimumab"],
        &["golimumab"],
        &["tocilizumab", "golimumab"],
        &[],
    ),
    (&["Kineret"], &[], &[], &["INT-DUPLICATE"]),
    (&["paracetamolx"], &[], &[], &["INT-UNKNOWN"]),
];

/// Growth results and what RULES.md shows for each: GROWTH-WFA at |z| > 3 (on a refusal
/// too), GROWTH-NO-REF from 240 months (advised records only).
fn growth_cases() -> [(Option<Growth>, bool); 8] {
    let checked = |z: f64| {
        Some(Growth::Checked {
            z,
            low_kg: 10.0,
            high_kg: 30.0,
        })
    };
    [
        (None, false),
        (checked(0.0), false),
        (checked(3.0), false),
        (checked(-3.0), false),
        (checked(3.01), true),
        (checked(-3.01), true),
        (checked(5.5), true),
        (Some(Growth::NoReference), false),
    ]
}

/// Heights and creatinines (cm, µmol/l) for the eGFR: bedside Schwartz, 0.413 × height /
/// (creatinine / 88.4), worked out here: 100 cm, 181 µmol/l -> 20.17 (RULES.md's example);
/// 120 cm, 140 -> 31.29; 150 cm, 60 -> 91.26.
const EGFR_INPUTS: [(u32, f64); 3] = [(100, 181.0), (120, 140.0), (150, 60.0)];

fn schwartz(height_cm: u32, creatinine_umol: f64) -> f64 {
    0.413 * f64::from(height_cm) / (creatinine_umol / 88.4)
}

/// One `assess` comparison: the reference's warnings, prescription and drug names against the
/// core's. Returns a description of the first difference.
fn assess_one(
    (w, m, ind): (u64, u64, &str),
    gfr: Option<f64>,
    egfr: Option<(u32, f64)>,
    dose: Option<u64>,
    comedication: Comedication,
    growth: (Option<Growth>, bool),
) -> Option<String> {
    let (given, tnf, live, extra) = comedication;
    let gfr = egfr.map_or(gfr, |(h, c)| Some(schwartz(h, c)));
    let mut want = rules_md(w, m, ind, gfr, false);
    let egfr_core = egfr.map(|(h, c)| {
        Egfr::bedside_schwartz(
            Centimetres::from_centi(h * 100).unwrap(),
            Creatinine::from_umol_per_l(c).unwrap(),
        )
    });
    let mut p = patient(w, m, ind, None, false);
    p.gfr = egfr_core.map_or_else(|| gfr.map(|g| Gfr::new(g).unwrap()), |e| Some(e.value));
    if let (Some(e), Some(mine)) = (egfr_core, gfr)
        && (e.value.get() - mine).abs() > 1e-9
    {
        return Some(format!("eGFR {} vs {mine}", e.value.get()));
    }
    let extras = Extras {
        prescribed: dose.map(|d| Milligrams::from_centi(u32::try_from(d).unwrap())),
        comedication: given.iter().map(ToString::to_string).collect(),
        egfr: egfr_core,
        growth: growth.0,
        gfr_above: false,
    };
    let advice = dosing::assess(&p, &extras);
    let advised = want.verdict == "advised";
    let want_rx = dose.map(|d| rx_md(&want, d));
    if advised {
        if let Some(rx) = &want_rx {
            want.warnings.extend(rx.rules.iter().copied());
        }
        if egfr.is_some() && !(12..216).contains(&m) {
            want.warnings.insert("EGFR-AGE");
        }
        // SCOPE-GFR-30: a child (3 months to under 18 years) at GFR 30 exactly, or with an
        // estimate from 30 up to 33 (10 % above).
        let borderline = match (egfr, gfr) {
            (Some(_), Some(g)) => g < 33.0,
            (None, Some(g)) => (g - 30.0).abs() < 1e-9,
            _ => false,
        };
        if borderline && (3..216).contains(&m) {
            want.warnings.insert("SCOPE-GFR-30");
        }
        want.warnings.extend(extra.iter().copied());
        if growth.0 == Some(Growth::NoReference) {
            want.warnings.insert("GROWTH-NO-REF");
        }
    }
    if growth.1 {
        want.warnings.insert("GROWTH-WFA");
    }
    let got = shape(&advice);
    if got != want {
        return Some(format!("want {want:?}, got {got:?}"));
    }
    let got_rx = advice.prescribed.as_ref().map(|rx| RxExpected {
        class: rx.class.map(dosing::RxClass::as_str),
        rules: rx.rules.iter().map(|r| r.as_str()).collect(),
        deliverable: rx.deliverable,
        nearest_below: rx.nearest_below.map(|n| u64::from(n.centi())),
        nearest_above: rx.nearest_above.map(|n| u64::from(n.centi())),
    });
    if got_rx != want_rx {
        return Some(format!("prescription: want {want_rx:?}, got {got_rx:?}"));
    }
    let drugs = |rule: &str| -> Vec<String> {
        advice
            .warnings
            .iter()
            .find(|w| w.rule.as_str() == rule)
            .and_then(|w| match &w.detail {
                dosing::Detail::Drugs(names) => Some(names.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    let vaccines: Vec<&str> = given
        .iter()
        .map(|g| match g.to_lowercase().as_str() {
            "bmr" => "MMR (BMR) vaccine",
            "gele koorts" => "yellow fever vaccine",
            "bcg" => "BCG vaccine",
            _ => "",
        })
        .filter(|v| !v.is_empty())
        .collect();
    if advised && drugs("LF-LIVE-VACCINES") != vaccines {
        return Some(format!(
            "vaccines: want {vaccines:?}, got {:?}",
            drugs("LF-LIVE-VACCINES")
        ));
    }
    if advised && (drugs("KF-INT-TNF") != tnf || drugs("KF-INT-LIVE") != live) {
        return Some(format!(
            "drugs: want {tnf:?} {live:?}, got {:?} {:?}",
            drugs("KF-INT-TNF"),
            drugs("KF-INT-LIVE")
        ));
    }
    None
}

/// A typed GFR, or height and creatinine for an eGFR.
type Renal = (Option<f64>, Option<(u32, f64)>);

#[test]
fn assess_grid_agrees_with_rules_md() {
    // Doses in hundredths of a mg around every mark and range end that matters.
    let doses: Vec<Option<u64>> = [
        500, 1_000, 1_500, 1_999, 2_000, 2_500, 3_000, 4_500, 5_000, 6_000, 7_500, 8_000, 9_999,
        10_000, 10_001, 11_000, 12_500, 15_000, 19_999, 20_000, 20_001, 25_000,
    ]
    .into_iter()
    .map(Some)
    .chain([None])
    .collect();
    let ages = [8_u64, 11, 12, 100, 144, 215, 216, 239, 240];
    let renal: [Renal; 7] = [
        (None, None),
        (Some(29.99), None),
        (Some(30.0), None),
        (Some(80.0), None),
        (None, Some(EGFR_INPUTS[0])),
        (None, Some(EGFR_INPUTS[1])),
        (None, Some(EGFR_INPUTS[2])),
    ];
    let (mut checked, mut wrong, mut examples) = (0_u64, 0_u64, Vec::new());
    let mut check = |who: (u64, u64, &str), what: String, result: Option<String>| {
        checked += 1;
        if let Some(diff) = result {
            wrong += 1;
            if examples.len() < 5 {
                examples.push(format!(
                    "{} cg, {} m, {}, {what}: {diff}",
                    who.0, who.1, who.2
                ));
            }
        }
    };
    for &w in &BOUNDARY_WEIGHTS {
        for &m in &ages {
            for ind in INDICATIONS {
                let who = (w, m, ind);
                for &(gfr, egfr) in &renal {
                    for &dose in &doses {
                        let what = format!("gfr {gfr:?}, egfr {egfr:?}, dose {dose:?}");
                        check(
                            who,
                            what,
                            assess_one(who, gfr, egfr, dose, COMEDICATION[0], (None, false)),
                        );
                    }
                }
                for comedication in COMEDICATION {
                    let what = format!("comedication {:?}", comedication.0);
                    check(
                        who,
                        what,
                        assess_one(who, Some(90.0), None, None, comedication, (None, false)),
                    );
                }
                for growth in growth_cases() {
                    let what = format!("growth {growth:?}");
                    check(
                        who,
                        what,
                        assess_one(who, None, None, Some(4_000), COMEDICATION[0], growth),
                    );
                }
            }
        }
    }
    println!("assess reference grid: {checked} patients checked, {wrong} disagreements");
    assert_eq!(wrong, 0, "{examples:#?}");
    assert!(checked > 200_000, "{checked}");
}
