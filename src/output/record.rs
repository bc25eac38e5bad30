//! The JSON record of one advice: the wire format `anakinra/1`.
//!
//! # Wire format
//!
//! One JSON object per advice, on one line. Keys carry their units (`weight_kg`, `min_mg`).
//! Numbers are plain JSON numbers with at most 2 decimals. Within `anakinra/1` changes are
//! additive only: a key is never renamed, removed or given another meaning. Keys that a
//! feature adds are absent when that feature is not asked for.

use serde::Serialize;

use crate::dosing::growth::Sex;
use crate::dosing::units::{
    AgeMonths, Centimetres, Creatinine, Gfr, Kilograms, MgPerKg, MgPerKgExact, Milligrams,
    Millilitres, Percent,
};
use crate::dosing::{
    Advice, Indication, LabelStatus, Mark, Phase, PhaseAdvice, RuleId, RxClass, Severity, Verdict,
};
use crate::i18n::Lang;
use crate::i18n::rules;
use crate::input::request::Assessed;

/// The schema name every record carries.
pub const SCHEMA: &str = "anakinra/1";

/// The tool version.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a record comes to, as the text's verdict line reads it: the verdict, except that an
/// advised patient whose prescribed dose is above the maximum is `prescription_refused`, so a
/// filter for everything not advised never lets a refused prescription through.
pub fn outcome(advice: &Advice) -> &'static str {
    if advice.verdict == Verdict::Advised
        && advice
            .prescribed
            .as_ref()
            .is_some_and(crate::dosing::Prescribed::refused)
    {
        "prescription_refused"
    } else {
        advice.verdict.as_str()
    }
}

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
    /// The verdict, or `prescription_refused` for an advised patient whose prescribed dose is
    /// above the maximum: what the text's verdict line says (see [`outcome`]).
    pub outcome: &'static str,
    /// The first phase's label status, or the indication's on a refusal.
    pub label_status: LabelStatus,
    /// Why no dose is advised; empty when advised.
    pub reasons: Vec<Reason>,
    /// The phases; empty unless advised.
    pub phases: Vec<PhaseRecord>,
    /// The warnings, most serious first.
    pub warnings: Vec<WarningRecord>,
    /// The GFR estimate, when height and creatinine were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub egfr: Option<EgfrRecord>,
    /// The prescribed dose, checked, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prescribed: Option<PrescribedRecord>,
}

/// The GFR estimate.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EgfrRecord {
    /// The estimate in ml/min/1.73 m2, rounded down to 2 decimals (it is compared unrounded).
    pub value: Gfr,
    /// The formula.
    pub formula: &'static str,
    /// Height in cm.
    pub height_cm: Centimetres,
    /// Serum creatinine in umol/l.
    pub creatinine_umol_l: Creatinine,
}

/// The prescribed dose, checked.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PrescribedRecord {
    /// The prescribed daily dose.
    pub mg: Milligrams,
    /// The dose per kg, rounded down.
    pub mg_per_kg: MgPerKgExact,
    /// Where it falls; `null` when no dose is advised for the patient.
    pub class: Option<RxClass>,
    /// The RX-* rules it triggers.
    pub rules: Vec<RuleId>,
    /// Whether the graduated syringe can deliver it (a multiple of 10 mg from 20 to 200 mg).
    pub deliverable: bool,
    /// The largest deliverable dose not above the prescription nor the patient's maximum;
    /// `null` when deliverable (and not above the maximum) or when there is none.
    pub nearest_below: Option<Milligrams>,
    /// The smallest deliverable dose above the prescription; `null` when deliverable or when
    /// it would exceed the patient's maximum (KF-NO-ROUND-UP).
    pub nearest_above: Option<Milligrams>,
    /// `nearest_below` as a change of the prescribed dose, in %.
    pub deviation_below_pct: Option<Percent>,
    /// `nearest_above` as a change of the prescribed dose, in %.
    pub deviation_above_pct: Option<Percent>,
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
    /// The date of birth the age was computed from, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    /// The date the age was computed on, with `dob`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// The sex, when given (for the weight-for-age check).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// The co-medication names as given, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comedication: Option<Vec<String>>,
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
    /// The record of an assessment, its texts in `lang`.
    pub fn new(assessed: &Assessed, lang: Lang) -> Record {
        let advice = &assessed.advice;
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
                dob: assessed.dob.map(|(birth, _)| birth.to_string()),
                on: assessed.dob.map(|(_, on)| on.to_string()),
                sex: assessed.sex,
                comedication: (!advice.comedication.is_empty())
                    .then(|| advice.comedication.clone()),
            },
            verdict: advice.verdict,
            outcome: outcome(advice),
            label_status: advice.label_status(),
            reasons: advice
                .reasons
                .iter()
                .map(|&rule| Reason {
                    rule,
                    text: rules::reason(rule, p, lang),
                })
                .collect(),
            phases: advice
                .phases
                .iter()
                .map(|ph| phase(ph, p.weight, lang))
                .collect(),
            warnings: advice
                .warnings
                .iter()
                .map(|w| WarningRecord {
                    rule: w.rule,
                    severity: w.severity(),
                    text: rules::warning(w, p, lang),
                    source: w.rule.source(),
                })
                .collect(),
            egfr: advice.egfr.map(|e| EgfrRecord {
                value: e.value,
                formula: rules::SCHWARTZ,
                height_cm: e.height,
                creatinine_umol_l: e.creatinine,
            }),
            prescribed: advice.prescribed.as_ref().map(|rx| PrescribedRecord {
                mg: rx.dose,
                mg_per_kg: rx.dose.per_kg(p.weight),
                class: rx.class,
                rules: rx.rules.clone(),
                deliverable: rx.deliverable,
                nearest_below: rx.nearest_below,
                nearest_above: rx.nearest_above,
                deviation_below_pct: rx.deviation_below(),
                deviation_above_pct: rx.deviation_above(),
            }),
        }
    }
}

fn phase(ph: &PhaseAdvice, weight: Kilograms, lang: Lang) -> PhaseRecord {
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
        when: rules::when(ph.phase, lang),
        rules: ph.rules.to_vec(),
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
