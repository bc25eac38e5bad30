//! The rule ids of `RULES.md`: each one named once, with its severity and its source section,
//! so that code, output and tests all speak of a rule by the same id.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a warning is. Ordered most serious first, the order the text output lists them.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A hard stop.
    Contraindication,
    /// Something to act on or check.
    Caution,
    /// Something to know.
    Info,
}

impl Severity {
    /// The JSON name of the severity.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Contraindication => "contraindication",
            Severity::Caution => "caution",
            Severity::Info => "info",
        }
    }
}

macro_rules! rule_ids {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $source:literal, $severity:expr; )*) => {
        /// A rule of `RULES.md`, by its id. Declared in the order the output lists warnings of
        /// one severity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        pub enum RuleId {
            $( $(#[$doc])* #[serde(rename = $id)] $variant, )*
        }

        impl RuleId {
            /// Every rule, in declaration order.
            pub const ALL: &[RuleId] = &[$(RuleId::$variant),*];

            /// The id as `RULES.md` writes it, e.g. `KF-CAP-100`.
            pub const fn as_str(self) -> &'static str {
                match self { $(RuleId::$variant => $id,)* }
            }

            /// The id as a JSON string, quotes included (`"KF-CAP-100"`): ids are plain ASCII
            /// that needs no escaping, so hand-written JSON copies it in one piece.
            pub const fn json(self) -> &'static str {
                match self { $(RuleId::$variant => concat!("\"", $id, "\""),)* }
            }

            /// The source and section the rule comes from, e.g. `KF Dosering`.
            pub const fn source(self) -> &'static str {
                match self { $(RuleId::$variant => $source,)* }
            }

            /// The severity when the rule is shown as a warning; `None` for rules that only
            /// decide a verdict or a dose.
            pub const fn severity(self) -> Option<Severity> {
                match self { $(RuleId::$variant => $severity,)* }
            }
        }
    };
}

const CONTRA: Option<Severity> = Some(Severity::Contraindication);
const CAUTION: Option<Severity> = Some(Severity::Caution);
const INFO: Option<Severity> = Some(Severity::Info);

rule_ids! {
    // Who is covered, and the verdict.
    /// KF-RENAL-CI: a child (3 months to under 18 years) with GFR < 30 ml/min/1.73 m² is
    /// contraindicated (KF, Nierfunctiestoornissen: bands 10–30 and < 10 "gecontra-indiceerd").
    RenalCi = "KF-RENAL-CI", "KF Nierfunctiestoornissen", CONTRA;
    /// KF-AGE-MIN: paediatric dosing starts at 8 months (KF, Dosering: "≥ 8 maanden").
    AgeMin = "KF-AGE-MIN", "KF Dosering", None;
    /// KF-WEIGHT-MIN: paediatric dosing starts at 10 kg (KF, Dosering: "≥ 10 kg").
    WeightMin = "KF-WEIGHT-MIN", "KF Dosering", None;
    /// KF-SCOPE: the formulary covers children, under 18 years (KF).
    Scope = "KF-SCOPE", "KF Dosering", None;
    /// SCOPE-RA-ADULT: `ra` is the leaflet's fixed adult dose; not for under 18 years (SCOPE).
    RaAdult = "SCOPE-RA-ADULT", "SCOPE", None;
    /// KF-DIALYSIS: a child on dialysis: "no general advice can be given" (KF,
    /// Nierfunctiestoornissen).
    Dialysis = "KF-DIALYSIS", "KF Nierfunctiestoornissen", None;
    /// SCOPE-ADULT-RENAL: neither source gives renal advice for adults (SCOPE). A reason with
    /// GFR < 30 or dialysis; a caution when an adult's GFR is not given.
    AdultRenal = "SCOPE-ADULT-RENAL", "SCOPE", CAUTION;

    // Dose.
    /// KF-START: start at 1–2 mg/kg/day, once daily, subcutaneous (KF, Dosering).
    Start = "KF-START", "KF Dosering", None;
    /// KF-ESCALATE: on little effect or in severe forms, 3–4 mg/kg/day, guided by the response
    /// (KF, Dosering).
    Escalate = "KF-ESCALATE", "KF Dosering", None;
    /// KF-CAP-100: standard maximum 100 mg/day, for start and escalation (KF, Dosering).
    Cap100 = "KF-CAP-100", "KF Dosering", None;
    /// KF-EXCEPTIONAL: in very exceptional cases up to 8 mg/kg/day, never more than 200 mg/day
    /// (KF, Dosering).
    Exceptional = "KF-EXCEPTIONAL", "KF Dosering", None;
    /// KF-NO-ROUND-UP: a dose is never rounded up past a maximum (a general Kinderformularium
    /// habit that the monograph does not state: a SCOPE decision).
    NoRoundUp = "KF-NO-ROUND-UP", "SCOPE", None;
    /// LF-ADULT: adults (`ra`): always 100 mg/day, subcutaneous, once daily (LF, Behandelmethode).
    Adult = "LF-ADULT", "LF Behandelmethode", None;
    /// KF-RENAL-OK: GFR ≥ 30: no dose adjustment (KF, Nierfunctiestoornissen).
    RenalOk = "KF-RENAL-OK", "KF Nierfunctiestoornissen", None;
    /// KF-PK: population PK, CL 0.089 l/h/kg, Vd 65.2 l; for information only (KF, Kinetische
    /// gegevens).
    Pk = "KF-PK", "KF Kinetische gegevens", None;

    // Warnings, in the order of RULES.md within each severity.
    /// KF-RENAL-HALFLIFE: GFR < 80: the half-life increases (KF, Nierfunctiestoornissen).
    RenalHalflife = "KF-RENAL-HALFLIFE", "KF Nierfunctiestoornissen", INFO;
    /// KF-RENAL-UNKNOWN: no GFR given for a child: GFR < 30 would contraindicate.
    RenalUnknown = "KF-RENAL-UNKNOWN", "KF Nierfunctiestoornissen", CAUTION;
    /// KF-LABEL-OFF: the phase is used off-label (KF, Label).
    LabelOff = "KF-LABEL-OFF", "KF Label", CAUTION;
    /// KF-CAPS-RESPONSE: CAPS response by symptoms, CRP/SAA and flares (KF, Label).
    CapsResponse = "KF-CAPS-RESPONSE", "KF Label", INFO;
    /// KF-CAPS-TITRATE: severe CAPS: higher doses within 1–2 months, label max 8 mg/kg/day
    /// (KF, Label).
    CapsTitrate = "KF-CAPS-TITRATE", "KF Label", INFO;
    /// SCOPE-CAPS-LABEL: severe CAPS above 25 kg: the label's 3–4 mg/kg/day goes above the KF
    /// cap of 100 mg/day, which the KF exceeds only in very exceptional cases (KF Label and
    /// Dosering, side by side: SCOPE).
    CapsLabel = "SCOPE-CAPS-LABEL", "SCOPE", CAUTION;
    /// KF-MAS: sJIA: macrophage activation syndrome can occur (KF, Waarschuwingen en voorzorgen).
    Mas = "KF-MAS", "KF Waarschuwingen en voorzorgen", CAUTION;
    /// KF-TAPER: in remission, every other day for 4 weeks, then it can be stopped (KF,
    /// Waarschuwingen en voorzorgen).
    Taper = "KF-TAPER", "KF Waarschuwingen en voorzorgen", INFO;
    /// KF-INT-TNF: the combination with a TNF-α antagonist is discouraged (KF, Interacties).
    IntTnf = "KF-INT-TNF", "KF Interacties", CAUTION;
    /// KF-INT-LIVE: no live vaccines under immunosuppressive therapy (KF, Interacties).
    IntLive = "KF-INT-LIVE", "KF Interacties", CAUTION;
    /// KF-INT-INACTIVATED: killed or subunit vaccines may work less well (KF, Interacties).
    IntInactivated = "KF-INT-INACTIVATED", "KF Interacties", INFO;
    /// KF-ADR-CHILD: adverse reactions seen in children (KF, Bijwerkingen bij kinderen).
    AdrChild = "KF-ADR-CHILD", "KF Bijwerkingen bij kinderen", INFO;
    /// LF-INJECT: once daily at about the same time; the nurse can teach (LF, Behandelmethode).
    Inject = "LF-INJECT", "LF Behandelmethode", INFO;
    /// LF-SCREEN: screen for tuberculosis, HIV, hepatitis B and C before starting (LF,
    /// Behandelmethode).
    Screen = "LF-SCREEN", "LF Behandelmethode", CAUTION;
    /// LF-ADR-SHORT: short-term adverse reactions (LF, Bijwerkingen).
    AdrShort = "LF-ADR-SHORT", "LF Bijwerkingen", INFO;
    /// LF-ADR-LONG: long-term adverse reactions (LF, Bijwerkingen).
    AdrLong = "LF-ADR-LONG", "LF Bijwerkingen", INFO;
    /// LF-INFECTION: signs of infection: contact the doctor or nurse (LF, Adviezen).
    Infection = "LF-INFECTION", "LF Adviezen", CAUTION;
    /// LF-NEW: a relatively new medicine (LF, Bijwerkingen).
    New = "LF-NEW", "LF Bijwerkingen", INFO;
    /// LF-SURGERY: before surgery consult the rheumatologist (LF, Adviezen).
    Surgery = "LF-SURGERY", "LF Adviezen", CAUTION;
    /// LF-PREGNANCY: a wish for a child: consult (LF, Adviezen); shown from 12 years.
    Pregnancy = "LF-PREGNANCY", "LF Adviezen", CAUTION;
    /// LF-STORAGE: store in the refrigerator, not the freezer (LF, Adviezen).
    Storage = "LF-STORAGE", "LF Adviezen", INFO;
    /// LF-FLU-OK: no objection to the flu jab ("griepprik") while using anakinra (LF,
    /// Adviezen).
    FluOk = "LF-FLU-OK", "LF Adviezen", INFO;
    /// LF-LIVE-VACCINES: no live vaccines such as yellow fever, MMR, BCG (LF, Adviezen).
    LiveVaccines = "LF-LIVE-VACCINES", "LF Adviezen", CAUTION;
    /// SCOPE-FLU-NASAL: the nasal flu vaccine is a live vaccine, so not the flu jab the leaflet
    /// allows (SCOPE: RULES.md's remark on LF-FLU-OK, which the leaflet does not make).
    FluNasal = "SCOPE-FLU-NASAL", "SCOPE", CAUTION;

    // Checks of a prescription, a co-medication list, an estimate (SCOPE).
    /// RX-ABOVE-MAX: prescribed daily dose above the patient's maximum: a hard stop.
    RxAboveMax = "RX-ABOVE-MAX", "SCOPE", CONTRA;
    /// RX-EXCEPTIONAL: prescribed dose in the exceptional range.
    RxExceptional = "RX-EXCEPTIONAL", "SCOPE", CAUTION;
    /// RX-BELOW-START: prescribed dose below the start range (or, for `ra`, below 100 mg).
    RxBelowStart = "RX-BELOW-START", "SCOPE", CAUTION;
    /// RX-NOT-DELIVERABLE: not a dose the graduated syringe delivers (SmPC; 10 mg marks assumed).
    RxNotDeliverable = "RX-NOT-DELIVERABLE", "SCOPE", CAUTION;
    /// INT-DUPLICATE: the co-medication is anakinra itself.
    IntDuplicate = "INT-DUPLICATE", "SCOPE", CAUTION;
    /// INT-UNKNOWN: a co-medication the tool does not know: not checked.
    IntUnknown = "INT-UNKNOWN", "SCOPE", CAUTION;
    /// INT-NONE: a co-medication the tool knows that KF Interacties names no interaction with
    /// (prednisolone, ciclosporin, paracetamol, NSAIDs, ...): checked, nothing found (SCOPE).
    IntNone = "INT-NONE", "SCOPE", INFO;
    /// SCOPE-GFR-30: a child's GFR of exactly 30, where the KF's bands 10–30
    /// (contraindicated) and 30–50 (no adjustment) overlap, read as 30–50; or an estimated GFR
    /// within 10 % above 30 (SCOPE).
    Gfr30 = "SCOPE-GFR-30", "SCOPE", CAUTION;
    /// SCOPE-GFR-ABOVE: a GFR reported by the lab as above a value (`>90`), taken as that
    /// value: the true GFR is higher, which changes nothing at 30 and above (SCOPE).
    GfrAbove = "SCOPE-GFR-ABOVE", "SCOPE", INFO;
    /// EGFR-AGE: bedside Schwartz used outside 1–18 years, where it is not validated.
    EgfrAge = "EGFR-AGE", "SCOPE", CAUTION;

    // Weight plausibility (CDC).
    /// GROWTH-WFA: weight-for-age |z| > 3 (CDC 2000 LMS, WHO extension): a caution; |z| > 5 is
    /// refused as invalid input unless confirmed.
    GrowthWfa = "GROWTH-WFA", "CDC", CAUTION;
    /// GROWTH-NO-REF: 240 months or more: the tables end, no plausibility check.
    GrowthNoRef = "GROWTH-NO-REF", "CDC", INFO;
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rules of a table that apply, in the table's order, kept inline: at most `N`, the size
/// of the table they come from, so it can never overflow. A phase's rules and a refusal's
/// reasons are built this way for every patient of a batch, without an allocation.
#[derive(Clone, Copy)]
pub struct RuleList<const N: usize> {
    ids: [RuleId; N],
    len: usize,
}

impl<const N: usize> RuleList<N> {
    /// The rules whose flag is set, in `table`'s order.
    pub fn applying(table: [(RuleId, bool); N]) -> RuleList<N> {
        let mut ids = table.map(|(rule, _)| rule);
        let mut len = 0;
        for (rule, applies) in table {
            if applies && let Some(slot) = ids.get_mut(len) {
                *slot = rule;
                len += 1;
            }
        }
        RuleList { ids, len }
    }

    /// Just `rule` (nothing when `N` is 0).
    pub fn one(rule: RuleId) -> RuleList<N> {
        RuleList {
            ids: [rule; N],
            len: N.min(1),
        }
    }

    /// The rules, in order.
    pub fn as_slice(&self) -> &[RuleId] {
        self.ids.get(..self.len).unwrap_or_default()
    }
}

impl<const N: usize> std::ops::Deref for RuleList<N> {
    type Target = [RuleId];

    fn deref(&self) -> &[RuleId] {
        self.as_slice()
    }
}

impl<'a, const N: usize> IntoIterator for &'a RuleList<N> {
    type Item = &'a RuleId;
    type IntoIter = std::slice::Iter<'a, RuleId>;

    fn into_iter(self) -> std::slice::Iter<'a, RuleId> {
        self.as_slice().iter()
    }
}

impl<const N: usize> fmt::Debug for RuleList<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<const N: usize, const M: usize> PartialEq<RuleList<M>> for RuleList<N> {
    fn eq(&self, other: &RuleList<M>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<const N: usize> Eq for RuleList<N> {}

impl<const N: usize, const M: usize> PartialEq<[RuleId; M]> for RuleList<N> {
    fn eq(&self, other: &[RuleId; M]) -> bool {
        self.as_slice() == other
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in RuleId::ALL {
            let id = rule.as_str();
            assert!(seen.insert(id), "{id} twice");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{id}"
            );
        }
    }

    #[test]
    fn severity_names_are_the_json_names() {
        for s in [
            Severity::Contraindication,
            Severity::Caution,
            Severity::Info,
        ] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        assert_eq!(Severity::Caution.as_str(), "caution");
    }

    #[test]
    fn json_id_is_the_serialised_id() {
        for &rule in RuleId::ALL {
            assert_eq!(rule.json(), serde_json::to_string(&rule).unwrap());
        }
    }

    #[test]
    fn rule_list_keeps_the_applying_rules_in_table_order() {
        let list = RuleList::applying([
            (RuleId::Start, true),
            (RuleId::Cap100, false),
            (RuleId::RenalOk, true),
            (RuleId::NoRoundUp, true),
        ]);
        assert_eq!(list, [RuleId::Start, RuleId::RenalOk, RuleId::NoRoundUp]);
        assert_eq!(list.len(), 3);
        assert_eq!(format!("{list:?}"), "[Start, RenalOk, NoRoundUp]");
        let none = RuleList::applying([(RuleId::Start, false), (RuleId::Cap100, false)]);
        assert!(none.is_empty());
        assert_ne!(list, none);
        assert_eq!(list, list.clone());
        assert_ne!(list, [RuleId::Start, RuleId::RenalOk]);
        assert_ne!(list, [RuleId::Start, RuleId::Cap100, RuleId::NoRoundUp]);
        assert_eq!(RuleList::<4>::one(RuleId::Adult), [RuleId::Adult]);
        let all = RuleList::applying([(RuleId::Scope, true), (RuleId::AgeMin, true)]);
        assert_eq!(all, [RuleId::Scope, RuleId::AgeMin]);
    }

    #[test]
    fn serialised_id_is_the_rules_md_id() {
        assert_eq!(
            serde_json::to_string(&RuleId::Cap100).unwrap(),
            "\"KF-CAP-100\""
        );
        assert_eq!(RuleId::RaAdult.to_string(), "SCOPE-RA-ADULT");
    }
}
