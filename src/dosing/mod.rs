//! The dosing core: a validated [`Patient`] in, an [`Advice`] out. Pure: no I/O, no clap, no
//! language, nothing of the other layers. Every figure here is a rule of `RULES.md`, named by
//! its id.

pub mod comedication;
pub mod egfr;
pub mod growth;
pub mod prescription;
pub mod rule;
pub mod syringe;
pub mod taper;
pub mod units;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use egfr::Egfr;
pub use prescription::{Prescribed, RxClass};
pub use rule::{RuleId, RuleList, Severity};
pub use syringe::Mark;

use crate::dosing::growth::Growth;
use crate::dosing::units::{AgeMonths, Gfr, Kilograms, MgPerKg, MgPerKgExact, Milligrams};

/// KF-RENAL-CI, KF-DIALYSIS: the renal section covers children over 3 months
/// (KF, Nierfunctiestoornissen bij kinderen > 3 maanden; RULES.md: 3 months itself included).
pub const RENAL_CHILD_FROM: AgeMonths = months(3);
/// KF-AGE-MIN: paediatric dosing from 8 months; 8 months itself is covered (KF, Dosering).
pub const MIN_AGE: AgeMonths = months(8);
/// KF-WEIGHT-MIN: paediatric dosing from 10 kg; 10 kg itself is covered (KF, Dosering).
pub const MIN_WEIGHT: Kilograms = kilograms(1000);
/// KF-SCOPE, SCOPE-RA-ADULT: adults are 18 years (216 months) and over.
pub const ADULT_FROM: AgeMonths = months(18 * 12);
/// LF-PREGNANCY: shown from 12 years (SCOPE adaptation of the leaflet's adult advice).
pub const PREGNANCY_ADVICE_FROM: AgeMonths = months(12 * 12);
/// KF-RENAL-CI: GFR below 30 ml/min/1.73 m² is contraindicated; 30 itself is in band 30–50.
pub const GFR_CONTRAINDICATED_BELOW: f64 = 30.0;
/// KF-RENAL-HALFLIFE: below 80 ml/min/1.73 m² the half-life increases.
pub const GFR_REDUCED_BELOW: f64 = 80.0;
/// SCOPE-GFR-30: an estimated GFR from 30 up to (not including) this is close enough to the
/// contraindication that the estimate's own error matters: 10 % above 30.
pub const GFR_ESTIMATE_MARGIN_BELOW: f64 = 33.0;
/// KF-START: 1–2 mg/kg/day (KF, Dosering).
pub const START: (MgPerKg, MgPerKg) = (MgPerKg::new(1), MgPerKg::new(2));
/// KF-ESCALATE: 3–4 mg/kg/day (KF, Dosering).
pub const ESCALATE: (MgPerKg, MgPerKg) = (MgPerKg::new(3), MgPerKg::new(4));
/// KF-EXCEPTIONAL: nominally 4–8 mg/kg/day, a ceiling above the escalation range (KF, Dosering).
pub const EXCEPTIONAL: (MgPerKg, MgPerKg) = (MgPerKg::new(4), MgPerKg::new(8));
/// KF-CAP-100: standard maximum 100 mg/day, for start and escalation (KF, Dosering).
pub const CAP_STANDARD: Milligrams = Milligrams::whole(100);
/// KF-EXCEPTIONAL: never more than 200 mg/day (KF, Dosering).
pub const CAP_EXCEPTIONAL: Milligrams = Milligrams::whole(200);
/// LF-ADULT: adults always 100 mg/day (LF, Behandelmethode).
pub const ADULT_DOSE: Milligrams = Milligrams::whole(100);
/// KF-PK: clearance 0.089 l/h/kg, shown for information, never used to calculate.
pub const PK_CLEARANCE_L_PER_H_PER_KG: &str = "0.089";
/// KF-PK: volume of distribution 65.2 l, shown for information, never used to calculate.
pub const PK_VOLUME_L: &str = "65.2";

const fn months(m: u16) -> AgeMonths {
    match AgeMonths::new(m) {
        Some(age) => age,
        None => AgeMonths::MAX,
    }
}

const fn kilograms(centi: u32) -> Kilograms {
    match Kilograms::from_centi(centi) {
        Some(w) => w,
        None => Kilograms::MAX,
    }
}

/// What the drug is given for.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Indication {
    /// Mild CAPS (cryopyrin-associated periodic syndromes).
    CapsMild,
    /// Severe CAPS.
    CapsSevere,
    /// Hereditary autoinflammatory disorders.
    HereditaryAutoinflammatory,
    /// Systemic juvenile idiopathic arthritis.
    Sjia,
    /// Other autoinflammatory disorders not responding to conventional therapy.
    OtherAutoinflammatory,
    /// Rheumatoid arthritis in adults: the leaflet's fixed dose.
    Ra,
}

impl Indication {
    /// Every indication, in the order help text lists them.
    pub const ALL: [Indication; 6] = [
        Indication::CapsMild,
        Indication::CapsSevere,
        Indication::HereditaryAutoinflammatory,
        Indication::Sjia,
        Indication::OtherAutoinflammatory,
        Indication::Ra,
    ];

    /// The name on the command line and in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Indication::CapsMild => "caps-mild",
            Indication::CapsSevere => "caps-severe",
            Indication::HereditaryAutoinflammatory => "hereditary-autoinflammatory",
            Indication::Sjia => "sjia",
            Indication::OtherAutoinflammatory => "other-autoinflammatory",
            Indication::Ra => "ra",
        }
    }

    /// Whether the Kinderformularium's paediatric rules apply (everything but `ra`).
    pub const fn is_paediatric(self) -> bool {
        !matches!(self, Indication::Ra)
    }

    /// KF Label: the label status of a phase for this indication.
    pub const fn label_status(self, phase: Phase) -> LabelStatus {
        match (self, phase) {
            (Indication::CapsMild, Phase::Start)
            | (
                Indication::CapsSevere | Indication::HereditaryAutoinflammatory | Indication::Ra,
                _,
            ) => LabelStatus::OnLabel,
            (Indication::CapsMild | Indication::Sjia | Indication::OtherAutoinflammatory, _) => {
                LabelStatus::OffLabel
            }
        }
    }

    /// The label status of the indication's first phase: `start` for a child; for `ra` every
    /// phase (its one `standard` phase) has the same status, so `start` answers for it too.
    pub const fn first_label_status(self) -> LabelStatus {
        self.label_status(Phase::Start)
    }
}

impl fmt::Display for Indication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An indication name that is not one of [`Indication::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownIndication;

impl FromStr for Indication {
    type Err = UnknownIndication;

    /// Accepts the names of [`Indication::as_str`], in any case.
    fn from_str(text: &str) -> Result<Indication, UnknownIndication> {
        Indication::ALL
            .into_iter()
            .find(|i| i.as_str().eq_ignore_ascii_case(text))
            .ok_or(UnknownIndication)
    }
}

/// A patient whose every field has been validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Patient {
    /// Body weight.
    pub weight: Kilograms,
    /// Age in completed months.
    pub age: AgeMonths,
    /// What the drug is for.
    pub indication: Indication,
    /// Renal function, when known.
    pub gfr: Option<Gfr>,
    /// On dialysis.
    pub dialysis: bool,
}

impl Patient {
    /// Under 18 years.
    pub fn is_child(&self) -> bool {
        self.age < ADULT_FROM
    }

    /// Inside the age band of the KF renal section: 3 months to under 18 years.
    fn in_renal_band(&self) -> bool {
        (RENAL_CHILD_FROM..ADULT_FROM).contains(&self.age)
    }

    fn gfr_below(&self, limit: f64) -> bool {
        self.gfr.is_some_and(|g| g.get() < limit)
    }
}

/// The answer about the patient, the first of RULES.md's ordered table that applies.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// KF-RENAL-CI.
    Contraindicated,
    /// KF-AGE-MIN, KF-WEIGHT-MIN, KF-SCOPE, SCOPE-RA-ADULT.
    NotCovered,
    /// KF-DIALYSIS, SCOPE-ADULT-RENAL.
    NoGeneralAdvice,
    /// A dose is advised.
    Advised,
}

impl Verdict {
    /// The JSON name of the verdict.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Contraindicated => "contraindicated",
            Verdict::NotCovered => "not_covered",
            Verdict::NoGeneralAdvice => "no_general_advice",
            Verdict::Advised => "advised",
        }
    }
}

/// A step of the dosing scheme.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// KF-START: 1–2 mg/kg/day.
    Start,
    /// KF-ESCALATE: 3–4 mg/kg/day.
    Escalation,
    /// KF-EXCEPTIONAL: a ceiling up to 8 mg/kg/day, 200 mg/day.
    Exceptional,
    /// LF-ADULT: 100 mg/day.
    Standard,
}

impl Phase {
    /// The JSON name of the phase.
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Start => "start",
            Phase::Escalation => "escalation",
            Phase::Exceptional => "exceptional",
            Phase::Standard => "standard",
        }
    }
}

/// On or off the registered label (KF Label; SmPC for `ra`).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelStatus {
    /// Within the registered label.
    OnLabel,
    /// Outside it.
    OffLabel,
}

impl LabelStatus {
    /// The JSON name of the label status.
    pub const fn as_str(self) -> &'static str {
        match self {
            LabelStatus::OnLabel => "on_label",
            LabelStatus::OffLabel => "off_label",
        }
    }
}

/// The dose range of one phase.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseAdvice {
    /// Which phase.
    pub phase: Phase,
    /// On or off label.
    pub label_status: LabelStatus,
    /// The nominal mg/kg/day range; `None` for the fixed adult dose.
    pub nominal: Option<(MgPerKg, MgPerKg)>,
    /// Lowest daily dose, after the caps.
    pub min: Milligrams,
    /// Highest daily dose, after the caps.
    pub max: Milligrams,
    /// The cap that applies to the phase.
    pub cap: Milligrams,
    /// Whether the uncapped upper end was above the cap.
    pub capped: bool,
    /// The rule ids applied: the phase's own, then KF-CAP-100, KF-RENAL-OK and
    /// KF-NO-ROUND-UP when they apply.
    pub rules: RuleList<4>,
}

impl PhaseAdvice {
    /// The syringe marks inside `[min, max]`, lowest first (KF-NO-ROUND-UP: none above).
    pub fn marks(&self) -> Vec<Mark> {
        syringe::marks_within(self.min, self.max)
    }

    /// The mg/kg actually given at the ends of the range, after the caps (rounded down).
    pub fn effective(&self, weight: Kilograms) -> (MgPerKgExact, MgPerKgExact) {
        (self.min.per_kg(weight), self.max.per_kg(weight))
    }
}

/// A set of phases, listed in the order of [`Phase`]: KF-LABEL-OFF's off-label phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhaseSet(u8);

impl PhaseSet {
    const fn bit(phase: Phase) -> u8 {
        1 << phase as u8
    }

    /// Adds a phase.
    pub fn insert(&mut self, phase: Phase) {
        self.0 |= PhaseSet::bit(phase);
    }

    /// Whether there is none.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The phases, in the order of [`Phase`].
    pub fn iter(self) -> impl Iterator<Item = Phase> {
        [
            Phase::Start,
            Phase::Escalation,
            Phase::Exceptional,
            Phase::Standard,
        ]
        .into_iter()
        .filter(move |&phase| self.0 & PhaseSet::bit(phase) != 0)
    }
}

impl FromIterator<Phase> for PhaseSet {
    fn from_iter<I: IntoIterator<Item = Phase>>(phases: I) -> PhaseSet {
        let mut set = PhaseSet::default();
        for phase in phases {
            set.insert(phase);
        }
        set
    }
}

/// What a warning is about, where its text names something specific.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// Nothing beyond the rule.
    None,
    /// KF-LABEL-OFF: the phases that are off-label.
    Phases(PhaseSet),
    /// KF-INT-TNF, KF-INT-LIVE: the co-medications (generic names) that triggered it;
    /// INT-DUPLICATE: the names as given.
    Drugs(Vec<String>),
    /// INT-UNKNOWN: the names not known, each with the nearest known name when one is close.
    Unknown(Vec<(String, Option<&'static str>)>),
    /// RX-*: the prescribed dose, checked (boxed: a warning stays small to move).
    Prescribed(Box<Prescribed>),
    /// EGFR-AGE: the estimate.
    Egfr(Egfr),
    /// GROWTH-WFA: the z-score and the weights at z −3 and +3.
    Growth(Growth),
}

/// A warning shown with a dose.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The rule; its severity and source come with it.
    pub rule: RuleId,
    /// What it names.
    pub detail: Detail,
}

impl Warning {
    fn plain(rule: RuleId) -> Warning {
        Warning {
            rule,
            detail: Detail::None,
        }
    }

    /// The warning's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity().unwrap_or(Severity::Info)
    }
}

/// The advice for one patient.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// The patient it is for.
    pub patient: Patient,
    /// The verdict.
    pub verdict: Verdict,
    /// Every refusal rule that applies, in the table's order; empty when advised.
    pub reasons: RuleList<7>,
    /// The phases, empty unless advised.
    pub phases: Vec<PhaseAdvice>,
    /// The warnings, most serious first.
    pub warnings: Vec<Warning>,
    /// The prescribed dose, checked, when one was given.
    pub prescribed: Option<Prescribed>,
    /// The eGFR estimate, when the GFR was estimated.
    pub egfr: Option<Egfr>,
    /// The co-medication names as given.
    pub comedication: Vec<String>,
}

/// What a request may carry besides the patient.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// A prescribed daily dose to check.
    pub prescribed: Option<Milligrams>,
    /// Co-medication names, as given.
    pub comedication: Vec<String>,
    /// The estimate the patient's GFR comes from.
    pub egfr: Option<Egfr>,
    /// The weight-for-age check, when it was made.
    pub growth: Option<Growth>,
    /// The GFR was reported as above its value (`>90`): SCOPE-GFR-ABOVE.
    pub gfr_above: bool,
}

impl Advice {
    /// Whether no dose is advised or the prescription is refused: exit code 1.
    pub fn refused(&self) -> bool {
        self.verdict != Verdict::Advised
            || self.prescribed.as_ref().is_some_and(Prescribed::refused)
    }

    /// The label status of the first phase, or of the indication on a refusal.
    pub fn label_status(&self) -> LabelStatus {
        self.phases.first().map_or_else(
            || self.patient.indication.first_label_status(),
            |p| p.label_status,
        )
    }

    /// The phase of that name, when advised.
    pub fn phase(&self, phase: Phase) -> Option<&PhaseAdvice> {
        self.phases.iter().find(|p| p.phase == phase)
    }
}

/// The refusal rules that apply, in RULES.md's order, and the verdict of the first one; no
/// verdict when none applies.
fn refusals(p: &Patient) -> (RuleList<7>, Option<Verdict>) {
    let paediatric = p.indication.is_paediatric();
    let adult_ra = !paediatric && !p.is_child();
    let table = [
        (
            RuleId::RenalCi,
            Verdict::Contraindicated,
            p.in_renal_band() && p.gfr_below(GFR_CONTRAINDICATED_BELOW),
        ),
        (
            RuleId::AgeMin,
            Verdict::NotCovered,
            paediatric && p.age < MIN_AGE,
        ),
        (
            RuleId::WeightMin,
            Verdict::NotCovered,
            paediatric && p.weight < MIN_WEIGHT,
        ),
        (
            RuleId::Scope,
            Verdict::NotCovered,
            paediatric && !p.is_child(),
        ),
        (
            RuleId::RaAdult,
            Verdict::NotCovered,
            !paediatric && p.is_child(),
        ),
        (
            RuleId::Dialysis,
            Verdict::NoGeneralAdvice,
            p.in_renal_band() && p.dialysis,
        ),
        (
            RuleId::AdultRenal,
            Verdict::NoGeneralAdvice,
            adult_ra && (p.dialysis || p.gfr_below(GFR_CONTRAINDICATED_BELOW)),
        ),
    ];
    let verdict = table
        .iter()
        .find(|&&(_, _, applies)| applies)
        .map(|&(_, verdict, _)| verdict);
    (
        RuleList::applying(table.map(|(rule, _, applies)| (rule, applies))),
        verdict,
    )
}

/// One capped, weight-based phase: `[min(lo·W, cap), min(hi·W, cap)]`.
fn weight_based(
    p: &Patient,
    phase: Phase,
    rule: RuleId,
    (lo, hi): (MgPerKg, MgPerKg),
    cap: Milligrams,
) -> PhaseAdvice {
    let uncapped_max = hi * p.weight;
    build_phase(
        p,
        phase,
        rule,
        (lo, hi),
        (lo * p.weight).min(cap),
        uncapped_max,
        cap,
    )
}

/// Fills in a phase from its range; the rules list names KF-CAP-100 only when it bit and
/// KF-NO-ROUND-UP when the top of the range is not itself a mark.
fn build_phase(
    p: &Patient,
    phase: Phase,
    rule: RuleId,
    nominal: (MgPerKg, MgPerKg),
    min: Milligrams,
    uncapped_max: Milligrams,
    cap: Milligrams,
) -> PhaseAdvice {
    let capped = uncapped_max > cap;
    let max = uncapped_max.min(cap);
    let rules = RuleList::applying([
        (rule, true),
        (RuleId::Cap100, capped && cap == CAP_STANDARD),
        (RuleId::RenalOk, p.gfr.is_some()),
        // The top of the range is a mark, or the marks stop below it (KF-NO-ROUND-UP bit).
        (RuleId::NoRoundUp, !syringe::is_deliverable(max)),
    ]);
    PhaseAdvice {
        phase,
        label_status: p.indication.label_status(phase),
        nominal: Some(nominal),
        min,
        max,
        cap,
        capped,
        rules,
    }
}

/// The three phases for a covered child (RULES.md, "Phases for a covered child").
fn paediatric_phases(p: &Patient) -> Vec<PhaseAdvice> {
    let start = weight_based(p, Phase::Start, RuleId::Start, START, CAP_STANDARD);
    let escalation = weight_based(
        p,
        Phase::Escalation,
        RuleId::Escalate,
        ESCALATE,
        CAP_STANDARD,
    );
    // KF-EXCEPTIONAL: a ceiling from the escalation's upper end up to min(8·W, 200 mg).
    let exceptional = build_phase(
        p,
        Phase::Exceptional,
        RuleId::Exceptional,
        EXCEPTIONAL,
        escalation.max,
        EXCEPTIONAL.1 * p.weight,
        CAP_EXCEPTIONAL,
    );
    vec![start, escalation, exceptional]
}

/// LF-ADULT: the single fixed adult phase.
fn adult_phase(p: &Patient) -> PhaseAdvice {
    PhaseAdvice {
        phase: Phase::Standard,
        label_status: p.indication.label_status(Phase::Standard),
        nominal: None,
        min: ADULT_DOSE,
        max: ADULT_DOSE,
        cap: ADULT_DOSE,
        capped: false,
        rules: RuleList::one(RuleId::Adult),
    }
}

/// The warnings of RULES.md for an advised patient, under each one's "shown" condition.
fn warnings(p: &Patient, phases: &[PhaseAdvice]) -> Vec<Warning> {
    use RuleId as R;
    let child = p.indication.is_paediatric();
    let caps = matches!(p.indication, Indication::CapsMild | Indication::CapsSevere);
    let sjia = p.indication == Indication::Sjia;
    let off_label: PhaseSet = phases
        .iter()
        .filter(|ph| ph.label_status == LabelStatus::OffLabel)
        .map(|ph| ph.phase)
        .collect();

    // In the order the output lists them: by severity, then as RULES.md lists them
    // (checked by `warning_table_is_in_output_order`), so nothing is sorted per patient.
    let table = [
        (R::AdultRenal, !child && p.gfr.is_none()),
        (R::RenalUnknown, child && p.gfr.is_none()),
        (R::LabelOff, !off_label.is_empty()),
        (
            R::CapsLabel,
            p.indication == Indication::CapsSevere && ESCALATE.1 * p.weight > CAP_STANDARD,
        ),
        (R::Mas, sjia),
        (R::IntTnf, true),
        (R::IntLive, true),
        (R::Screen, true),
        (R::Infection, true),
        (R::Surgery, true),
        (R::Pregnancy, p.age >= PREGNANCY_ADVICE_FROM),
        (R::LiveVaccines, true),
        (R::FluNasal, true),
        (R::RenalHalflife, p.gfr_below(GFR_REDUCED_BELOW)),
        (R::CapsResponse, caps),
        (R::CapsTitrate, p.indication == Indication::CapsSevere),
        (R::Taper, sjia),
        (R::IntInactivated, true),
        (R::AdrChild, child),
        (R::Inject, true),
        (R::AdrShort, true),
        (R::AdrLong, true),
        (R::New, true),
        (R::Storage, true),
        (R::FluOk, true),
    ];
    debug_assert!(table.is_sorted_by_key(|(rule, _)| rule.severity()));
    // Room for the shown rules and a few added by `assess`: one allocation per patient, and a
    // small one (the whole table's worth was beyond the allocator's fast per-thread cache).
    let shown = table.iter().filter(|&&(_, shown)| shown).count();
    let mut out = Vec::with_capacity(shown + 4);
    out.extend(
        table
            .into_iter()
            .filter(|&(_, shown)| shown)
            .map(|(rule, _)| match rule {
                R::LabelOff => Warning {
                    rule,
                    detail: Detail::Phases(off_label),
                },
                _ => Warning::plain(rule),
            }),
    );
    out
}

/// The advice for a validated patient: the verdict with every reason that applies, and for an
/// advised patient the phases and the warnings.
pub fn advise(patient: &Patient) -> Advice {
    let (reasons, verdict) = refusals(patient);
    let Some(verdict) = verdict else {
        let phases = if patient.indication.is_paediatric() {
            paediatric_phases(patient)
        } else {
            vec![adult_phase(patient)]
        };
        let warnings = warnings(patient, &phases);
        return Advice {
            patient: *patient,
            verdict: Verdict::Advised,
            reasons,
            phases,
            warnings,
            prescribed: None,
            egfr: None,
            comedication: Vec::new(),
        };
    };
    Advice {
        patient: *patient,
        verdict,
        reasons,
        phases: Vec::new(),
        warnings: Vec::new(),
        prescribed: None,
        egfr: None,
        comedication: Vec::new(),
    }
}

/// The advice for a patient with a prescription, co-medication or an eGFR to check: [`advise`],
/// then the RX-*, KF-INT-*, INT-* and EGFR-AGE warnings. A refusal carries no warnings.
pub fn assess(patient: &Patient, extras: &Extras) -> Advice {
    let mut advice = advise(patient);
    advice.egfr = extras.egfr;
    advice.comedication.clone_from(&extras.comedication);
    advice.prescribed = extras
        .prescribed
        .map(|dose| prescription::check(dose, &advice));
    let mut added = Vec::new();
    match extras.growth {
        // GROWTH-WFA: the one warning a refusal carries too (the weight itself may be wrong).
        Some(g) if g.flagged() => added.push(Warning {
            rule: RuleId::GrowthWfa,
            detail: Detail::Growth(g),
        }),
        Some(Growth::NoReference) if advice.verdict == Verdict::Advised => {
            added.push(Warning::plain(RuleId::GrowthNoRef));
        }
        _ => {}
    }
    if advice.verdict != Verdict::Advised {
        advice.warnings = added;
        return advice;
    }
    if let Some(p) = &advice.prescribed {
        added.extend(p.rules.iter().map(|&rule| Warning {
            rule,
            detail: Detail::Prescribed(Box::new(p.clone())),
        }));
    }
    if let Some(e) = extras.egfr
        && Egfr::outside_validated_ages(patient.age)
    {
        added.push(Warning {
            rule: RuleId::EgfrAge,
            detail: Detail::Egfr(e),
        });
    }
    // SCOPE-GFR-30: the KF's bands 10–30 and 30–50 overlap at 30; a typed 30 exactly (typed
    // values have 2 decimals at most) or an estimate within 10 % above 30 is borderline.
    let borderline = match (extras.egfr, patient.gfr) {
        (Some(e), _) => e.value.get() < GFR_ESTIMATE_MARGIN_BELOW,
        (None, Some(g)) => g.centi_floor() == 3000,
        (None, None) => false,
    };
    if borderline && patient.in_renal_band() {
        added.push(Warning::plain(RuleId::Gfr30));
    }
    if extras.gfr_above {
        added.push(Warning::plain(RuleId::GfrAbove));
    }
    name_comedication(&mut advice.warnings, &extras.comedication, &mut added);
    if !added.is_empty() {
        advice.warnings.extend(added);
        // Stable: within a severity the table's order stays, the added ones follow.
        advice.warnings.sort_by_key(Warning::severity);
    }
    advice
}

/// KF-INT-TNF, KF-INT-LIVE and LF-LIVE-VACCINES name the co-medication that triggered them;
/// INT-DUPLICATE, INT-UNKNOWN and INT-NONE are added for the names that are anakinra itself,
/// not known, or known without a KF interaction.
fn name_comedication(warnings: &mut [Warning], names: &[String], added: &mut Vec<Warning>) {
    let (mut tnf, mut live, mut duplicate, mut unknown) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut vaccines, mut no_interaction) = (Vec::new(), Vec::new());
    for name in names {
        match comedication::lookup(name) {
            comedication::Lookup::Known { generic, class } => {
                let generic = generic.to_string();
                match class {
                    comedication::Class::TnfAntagonist => {
                        push_once(&mut tnf, generic.clone());
                        push_once(&mut live, generic);
                    }
                    comedication::Class::Immunosuppressant => push_once(&mut live, generic),
                    comedication::Class::Anakinra => {
                        push_once(&mut duplicate, name.trim().to_string());
                    }
                    comedication::Class::LiveVaccine => push_once(&mut vaccines, generic),
                    comedication::Class::NoKfInteraction => push_once(&mut no_interaction, generic),
                }
            }
            comedication::Lookup::Unknown { name, nearest } => unknown.push((name, nearest)),
        }
    }
    for w in warnings.iter_mut() {
        match w.rule {
            RuleId::IntTnf if !tnf.is_empty() => w.detail = Detail::Drugs(std::mem::take(&mut tnf)),
            RuleId::IntLive if !live.is_empty() => {
                w.detail = Detail::Drugs(std::mem::take(&mut live));
            }
            RuleId::LiveVaccines if !vaccines.is_empty() => {
                w.detail = Detail::Drugs(std::mem::take(&mut vaccines));
            }
            _ => {}
        }
    }
    if !duplicate.is_empty() {
        added.push(Warning {
            rule: RuleId::IntDuplicate,
            detail: Detail::Drugs(duplicate),
        });
    }
    if !unknown.is_empty() {
        added.push(Warning {
            rule: RuleId::IntUnknown,
            detail: Detail::Unknown(unknown),
        });
    }
    if !no_interaction.is_empty() {
        added.push(Warning {
            rule: RuleId::IntNone,
            detail: Detail::Drugs(no_interaction),
        });
    }
}

fn push_once(list: &mut Vec<String>, name: String) {
    if !list.contains(&name) {
        list.push(name);
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests;
