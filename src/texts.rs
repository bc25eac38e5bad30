//! The words a person reads for each rule: reasons, warnings and when a phase applies. Our own
//! wording of the sources, keeping their strength: "discouraged" is not "contraindicated",
//! "can be stopped" is not "stop".

use std::fmt::Write as _;

use crate::dosing::{Detail, Patient, Phase, RuleId, Warning};

/// Why a patient was refused, for a reason rule.
pub fn reason(rule: RuleId, p: &Patient) -> String {
    match rule {
        RuleId::RenalCi => format!(
            "GFR {} is below 30: contraindicated in children with GFR under 30 ml/min/1.73 m2 \
             (bands 10-30 and under 10)",
            p.gfr.map_or_else(String::new, |g| g.to_string())
        ),
        RuleId::AgeMin => format!(
            "age {} is under 8 months: the Kinderformularium doses from 8 months",
            p.age
        ),
        RuleId::WeightMin => format!(
            "weight {} is under 10 kg: the Kinderformularium doses from 10 kg (the smallest \
             deliverable dose is 20 mg)",
            p.weight
        ),
        RuleId::Scope => format!(
            "age {}: the Kinderformularium covers children under 18 years; adult dosing for {} \
             is not covered",
            p.age, p.indication
        ),
        RuleId::RaAdult => format!(
            "ra is the leaflet's fixed adult dose (100 mg/day), not for patients under 18 years \
             (age {})",
            p.age
        ),
        RuleId::Dialysis => {
            "on dialysis: the Kinderformularium says no general advice can be given".to_string()
        }
        RuleId::AdultRenal => "adult with GFR under 30 or on dialysis: neither source gives renal \
                               dose advice for adults"
            .to_string(),
        other => other.as_str().to_string(),
    }
}

/// When a phase applies.
pub const fn when(phase: Phase) -> &'static str {
    match phase {
        Phase::Start => "starting dose",
        Phase::Escalation => "on little effect or in severe forms, guided by the response",
        Phase::Exceptional => "only in very exceptional cases",
        Phase::Standard => "adults: always 100 mg once daily",
    }
}

/// The text of a warning.
pub fn warning(w: &Warning, p: &Patient) -> String {
    match w.rule {
        RuleId::RenalHalflife => {
            let gfr = p.gfr.map_or_else(String::new, |g| g.to_string());
            format!(
                "GFR {gfr}: with reduced renal function the half-life of anakinra increases \
                 (no dose adjustment at GFR 30 and above)"
            )
        }
        RuleId::LabelOff => {
            let mut text = String::from("off-label use: ");
            if let Detail::Phases(phases) = &w.detail {
                let names: Vec<&str> = phases.iter().map(|ph| ph.as_str()).collect();
                let _ = write!(text, "{} for {}", names.join(", "), p.indication);
            }
            text
        }
        other => fixed_warning(other).to_string(),
    }
}

/// The text of a warning that names nothing beyond its rule.
const fn fixed_warning(rule: RuleId) -> &'static str {
    match rule {
        RuleId::RenalUnknown => {
            "no GFR given: check renal function; a GFR under 30 ml/min/1.73 m2 would \
             contraindicate anakinra in a child"
        }
        RuleId::AdultRenal => {
            "no GFR given: with GFR under 30 or on dialysis the sources give no advice for \
             adults; check renal function"
        }
        RuleId::CapsResponse => {
            "CAPS: judge the response mainly by the symptoms (fever, rash, joint pain, headache), \
             and by inflammatory markers (CRP/SAA) and flares"
        }
        RuleId::CapsTitrate => {
            "severe CAPS: depending on the response, higher doses may be needed within 1-2 \
             months; the label gives 3-4 mg/kg/day up to 8 mg/kg/day with no mg/day cap, the \
             Kinderformularium dosing advice caps at 200 mg/day (applied here)"
        }
        RuleId::Mas => {
            "sJIA: macrophage activation syndrome (MAS) can occur during treatment; a temporary \
             dose increase can then help"
        }
        RuleId::Taper => {
            "when the arthritis is in remission the dose can be given every other day for 4 \
             weeks, after which anakinra can be stopped"
        }
        RuleId::IntTnf => {
            "TNF-alpha antagonists (etanercept, adalimumab, infliximab, golimumab, certolizumab \
             pegol): more serious infections were seen with etanercept; the combination is \
             discouraged"
        }
        RuleId::IntLive => {
            "immunosuppressive therapy (abatacept, adalimumab, anakinra, canakinumab, \
             certolizumab pegol, etanercept, infliximab, golimumab, leflunomide, methotrexate, \
             secukinumab, tocilizumab, ustekinumab): live vaccines can cause a generalised \
             infection; the NVR guideline advises against them; some makers advise stopping \
             the drug some time before vaccination"
        }
        RuleId::IntInactivated => {
            "killed or subunit vaccines may work less well under immunosuppressive therapy and \
             are sometimes repeated (not assessed)"
        }
        RuleId::AdrChild => {
            "adverse reactions in children: injection-site reaction, infections, headache, \
             vomiting, abdominal pain, skin lesions"
        }
        RuleId::Inject => {
            "inject subcutaneously once daily at about the same time; most patients (or parents) \
             learn to inject, the nurse can teach it"
        }
        RuleId::Screen => {
            "before starting: test for past tuberculosis (blood test and chest X-ray), HIV, and \
             hepatitis B and C"
        }
        RuleId::AdrShort => {
            "short term: injection-site reactions (itch, tenderness, redness, swelling, pain), \
             mostly early and fading; very rarely a generalised allergic reaction (rash, \
             breathlessness, muscle weakness, headache, flushes); headache"
        }
        RuleId::AdrLong => {
            "longer term: more infections (upper airways, sinuses); headache; low white cell \
             count; stomach and bowel complaints"
        }
        RuleId::Infection => {
            "with signs of infection (fever, cold, flu, cough, sore throat, severe \
             breathlessness, boils) contacting the doctor or nurse is advisable"
        }
        RuleId::New => "a relatively new medicine: not all (long-term) side effects may be known",
        RuleId::Surgery => {
            "before surgery (also major dental work) consult the rheumatologist; the advice can \
             be to stop anakinra 2 days before"
        }
        RuleId::Pregnancy => {
            "a wish to become pregnant, or a man's wish for a child: consult the doctor; \
             anakinra can be continued depending on the situation, but where possible it is \
             often stopped as a precaution"
        }
        RuleId::Storage => "store in the refrigerator, not in the freezer",
        RuleId::FluOk => {
            "the flu injection is fine (the nasal flu vaccine is a live vaccine and is not)"
        }
        RuleId::LiveVaccines => {
            "no live vaccines, for example yellow fever, measles-mumps-rubella (MMR/BMR) or \
             tuberculosis (BCG)"
        }
        other => other.as_str(),
    }
}
