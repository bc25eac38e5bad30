//! The check of a prescribed daily dose against the patient's phases (RX-* rules of
//! RULES.md, SCOPE: our own, on the KF rules).

use serde::Serialize;

use super::syringe::{self, MARK_STEP};
use super::{Advice, Phase, RuleId, Verdict};
use crate::dosing::units::{Milligrams, Percent};

/// Where a prescribed dose falls: the first that fits, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RxClass {
    /// Inside the start range.
    Start,
    /// Inside the escalation range.
    Escalation,
    /// Above the start range, below the escalation range.
    Between,
    /// Above the escalation range, up to the exceptional maximum (RX-EXCEPTIONAL).
    Exceptional,
    /// Below the start range (RX-BELOW-START).
    BelowStart,
    /// Above the patient's maximum: a hard stop (RX-ABOVE-MAX).
    AboveMaximum,
    /// `ra`: the standard 100 mg.
    Standard,
    /// `ra`: below 100 mg (RX-BELOW-START).
    BelowStandard,
}

impl RxClass {
    /// The JSON name of the class.
    pub const fn as_str(self) -> &'static str {
        match self {
            RxClass::Start => "start",
            RxClass::Escalation => "escalation",
            RxClass::Between => "between",
            RxClass::Exceptional => "exceptional",
            RxClass::BelowStart => "below_start",
            RxClass::AboveMaximum => "above_maximum",
            RxClass::Standard => "standard",
            RxClass::BelowStandard => "below_standard",
        }
    }
}

/// A prescribed dose, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescribed {
    /// The prescribed daily dose.
    pub dose: Milligrams,
    /// Where it falls; `None` when no dose is advised for the patient.
    pub class: Option<RxClass>,
    /// The RX-* rules it triggers.
    pub rules: Vec<RuleId>,
    /// Whether the graduated syringe can deliver it.
    pub deliverable: bool,
    /// The largest deliverable dose not above the prescription nor the patient's maximum.
    pub nearest_below: Option<Milligrams>,
    /// The smallest deliverable dose above the prescription, when not above the maximum.
    pub nearest_above: Option<Milligrams>,
}

impl Prescribed {
    /// The deviation of `nearest_below` from the prescription.
    pub fn deviation_below(&self) -> Option<Percent> {
        self.nearest_below.map(|n| Percent::change(self.dose, n))
    }

    /// The deviation of `nearest_above` from the prescription.
    pub fn deviation_above(&self) -> Option<Percent> {
        self.nearest_above.map(|n| Percent::change(self.dose, n))
    }

    /// Whether the prescription is a hard stop (RX-ABOVE-MAX).
    pub fn refused(&self) -> bool {
        self.class == Some(RxClass::AboveMaximum)
    }
}

/// The class of `dose` for an advised patient, and the patient's maximum.
fn classify(dose: Milligrams, advice: &Advice) -> Option<(RxClass, Milligrams)> {
    if let Some(standard) = advice.phase(Phase::Standard) {
        let class = match dose.cmp(&standard.max) {
            std::cmp::Ordering::Equal => RxClass::Standard,
            std::cmp::Ordering::Less => RxClass::BelowStandard,
            std::cmp::Ordering::Greater => RxClass::AboveMaximum,
        };
        return Some((class, standard.max));
    }
    let start = advice.phase(Phase::Start)?;
    let escalation = advice.phase(Phase::Escalation)?;
    let maximum = advice.phase(Phase::Exceptional)?.max;
    // The order (start, escalation, between, exceptional, below_start, above_maximum)
    // as one walk up the dose scale: start.min <= escalation.min and start.max <= escalation.max,
    // so where start and escalation touch (capped at 100 mg) a dose is `start`, the first.
    let class = if dose < start.min {
        RxClass::BelowStart
    } else if dose <= start.max {
        RxClass::Start
    } else if dose < escalation.min {
        RxClass::Between
    } else if dose <= escalation.max {
        RxClass::Escalation
    } else if dose <= maximum {
        RxClass::Exceptional
    } else {
        RxClass::AboveMaximum
    };
    Some((class, maximum))
}

/// Checks a prescribed daily dose against the advice.
pub fn check(dose: Milligrams, advice: &Advice) -> Prescribed {
    let deliverable = syringe::is_deliverable(dose);
    let classified = if advice.verdict == Verdict::Advised {
        classify(dose, advice)
    } else {
        None
    };
    let Some((class, maximum)) = classified else {
        return Prescribed {
            dose,
            class: None,
            rules: Vec::new(),
            deliverable,
            nearest_below: None,
            nearest_above: None,
        };
    };
    let mut rules = Vec::new();
    match class {
        RxClass::AboveMaximum => rules.push(RuleId::RxAboveMax),
        RxClass::Exceptional => rules.push(RuleId::RxExceptional),
        RxClass::BelowStart | RxClass::BelowStandard => rules.push(RuleId::RxBelowStart),
        RxClass::Start | RxClass::Escalation | RxClass::Between | RxClass::Standard => {}
    }
    if !deliverable {
        rules.push(RuleId::RxNotDeliverable);
    }
    let (nearest_below, nearest_above) = if deliverable && class != RxClass::AboveMaximum {
        (None, None)
    } else {
        (
            deliverable_at_most(dose.min(maximum)),
            deliverable_above(dose).filter(|&n| n <= maximum),
        )
    };
    Prescribed {
        dose,
        class: Some(class),
        rules,
        deliverable,
        nearest_below,
        nearest_above,
    }
}

/// The largest deliverable dose not above `limit` (KF-NO-ROUND-UP).
fn deliverable_at_most(limit: Milligrams) -> Option<Milligrams> {
    let step = MARK_STEP.centi();
    let floor = Milligrams::from_centi(limit.centi() / step * step).min(syringe::LARGEST_DOSE);
    (floor >= syringe::SMALLEST_DOSE).then_some(floor)
}

/// The smallest deliverable dose strictly above `dose`.
fn deliverable_above(dose: Milligrams) -> Option<Milligrams> {
    let step = MARK_STEP.centi();
    let next = Milligrams::from_centi((dose.centi() / step + 1) * step).max(syringe::SMALLEST_DOSE);
    (next <= syringe::LARGEST_DOSE).then_some(next)
}
