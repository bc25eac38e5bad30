//! The JSON record of one advice: the wire format `anakinra/1`.
//!
//! # Wire format
//!
//! One JSON object per advice, on one line. Keys carry their units (`weight_kg`, `min_mg`).
//! Numbers are plain JSON numbers with at most 2 decimals. Within `anakinra/1` changes are
//! additive only: a key is never renamed, removed or given another meaning. Keys that a
//! feature adds are absent when that feature is not asked for.

use serde::Serialize;

use crate::dosing::{
    Advice, Indication, LabelStatus, Mark, Phase, PhaseAdvice, RuleId, Severity, Verdict,
};
use crate::texts;
use crate::units::{AgeMonths, Gfr, Kilograms, MgPerKg, MgPerKgExact, Milligrams, Millilitres};

/// The schema name every record carries.
pub const SCHEMA: &str = "anakinra/1";

/// The tool version.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A whole advice record.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The tool version.
    pub tool_version: &'static str,
    /// The version of the rules (see [`crate::RULES_VERSION`]).
    pub rules_version: &'static str,
    /// The input, normalised.
    pub input: Input,
    /// The verdict.
    pub verdict: Verdict,
    /// The first phase's label status, or the indication's on a refusal.
    pub label_status: LabelStatus,
    /// Why no dose is advised; empty when advised.
    pub reasons: Vec<Reason>,
    /// The phases; empty unless advised.
    pub phases: Vec<PhaseRecord>,
    /// The warnings, most serious first.
    pub warnings: Vec<WarningRecord>,
}

/// The normalised input.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Input {
    /// Weight in kg.
    pub weight_kg: Kilograms,
    /// Age in completed months.
    pub age_months: AgeMonths,
    /// The indication.
    pub indication: Indication,
    /// GFR in ml/min/1.73 m², `null` when not given.
    pub gfr: Option<Gfr>,
    /// On dialysis.
    pub dialysis: bool,
}

/// A refusal reason.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Reason {
    /// The rule id.
    pub rule: RuleId,
    /// Why, in words.
    pub text: String,
}

/// One phase.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PhaseRecord {
    /// The phase.
    pub phase: Phase,
    /// On or off label.
    pub label_status: LabelStatus,
    /// Nominal mg/kg/day, lower end; `null` for `ra`.
    pub mg_per_kg_min: Option<MgPerKg>,
    /// Nominal mg/kg/day, upper end; `null` for `ra`.
    pub mg_per_kg_max: Option<MgPerKg>,
    /// Lowest mg/day after the caps.
    pub min_mg: Milligrams,
    /// Highest mg/day after the caps.
    pub max_mg: Milligrams,
    /// The cap of the phase.
    pub cap_mg: Milligrams,
    /// Whether the cap bit.
    pub capped: bool,
    /// mg/kg at `min_mg`, rounded down.
    pub effective_mg_per_kg_min: MgPerKgExact,
    /// mg/kg at `max_mg`, rounded down.
    pub effective_mg_per_kg_max: MgPerKgExact,
    /// When the phase applies.
    pub when: &'static str,
    /// The rule ids applied.
    pub rules: Vec<RuleId>,
    /// Volume at `min_mg`, rounded down.
    pub min_ml: Millilitres,
    /// Volume at `max_mg`, rounded down.
    pub max_ml: Millilitres,
    /// The syringe marks inside the range.
    pub marks: Vec<MarkRecord>,
}

/// A syringe mark.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct MarkRecord {
    /// The dose at the mark.
    pub mg: Milligrams,
    /// Its volume.
    pub ml: Millilitres,
    /// mg/kg, rounded down.
    pub mg_per_kg: MgPerKgExact,
    /// Syringes needed.
    pub syringes: u8,
}

/// A warning.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct WarningRecord {
    /// The rule id.
    pub rule: RuleId,
    /// How serious.
    pub severity: Severity,
    /// In words.
    pub text: String,
    /// Where it comes from, e.g. `KF Interacties`.
    pub source: &'static str,
}

impl Record {
    /// The record of an advice.
    pub fn new(advice: &Advice) -> Record {
        let p = &advice.patient;
        Record {
            schema: SCHEMA,
            tool_version: TOOL_VERSION,
            rules_version: crate::RULES_VERSION,
            input: Input {
                weight_kg: p.weight,
                age_months: p.age,
                indication: p.indication,
                gfr: p.gfr,
                dialysis: p.dialysis,
            },
            verdict: advice.verdict,
            label_status: advice.label_status(),
            reasons: advice
                .reasons
                .iter()
                .map(|&rule| Reason {
                    rule,
                    text: texts::reason(rule, p),
                })
                .collect(),
            phases: advice.phases.iter().map(|ph| phase(ph, p.weight)).collect(),
            warnings: advice
                .warnings
                .iter()
                .map(|w| WarningRecord {
                    rule: w.rule,
                    severity: w.severity(),
                    text: texts::warning(w, p),
                    source: w.rule.source(),
                })
                .collect(),
        }
    }
}

fn phase(ph: &PhaseAdvice, weight: Kilograms) -> PhaseRecord {
    let (effective_min, effective_max) = ph.effective(weight);
    PhaseRecord {
        phase: ph.phase,
        label_status: ph.label_status,
        mg_per_kg_min: ph.nominal.map(|(lo, _)| lo),
        mg_per_kg_max: ph.nominal.map(|(_, hi)| hi),
        min_mg: ph.min,
        max_mg: ph.max,
        cap_mg: ph.cap,
        capped: ph.capped,
        effective_mg_per_kg_min: effective_min,
        effective_mg_per_kg_max: effective_max,
        when: texts::when(ph.phase),
        rules: ph.rules.clone(),
        min_ml: crate::dosing::syringe::volume(ph.min),
        max_ml: crate::dosing::syringe::volume(ph.max),
        marks: ph.marks().into_iter().map(|m| mark(m, weight)).collect(),
    }
}

fn mark(m: Mark, weight: Kilograms) -> MarkRecord {
    MarkRecord {
        mg: m.dose,
        ml: m.volume(),
        mg_per_kg: m.per_kg(weight),
        syringes: m.syringes,
    }
}
