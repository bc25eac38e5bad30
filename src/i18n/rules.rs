//! The words a person reads for each rule, in English and Dutch: reasons, warnings and when a
//! phase applies. Our own wording of the sources, keeping their strength: "discouraged"
//! (ontraden) is not "contraindicated" (gecontra-indiceerd), "can be stopped" is not "stop".

use crate::dosing::units::centi_text;
use crate::dosing::{Detail, Patient, Phase, RuleId, RxClass, Warning};
use crate::i18n::Lang;
use crate::i18n::messages::visible;

/// The eGFR formula, as records name it.
pub const SCHWARTZ: &str = "bedside Schwartz: eGFR = 0.413 x height (cm) / creatinine (mg/dl), creatinine (umol/l) / 88.4 = mg/dl";

/// Names as typed, joined, with control characters escaped ([`visible`]).
fn shown(names: &[impl AsRef<str>]) -> String {
    let names: Vec<_> = names.iter().map(|n| visible(n.as_ref())).collect();
    names.join(", ")
}

/// The patient's GFR as text, or nothing.
fn gfr(p: &Patient, lang: Lang) -> String {
    p.gfr.map_or_else(String::new, |g| lang.num(&g))
}

/// Why a patient was refused, for a reason rule.
#[allow(clippy::too_many_lines)] // one arm per reason, in two languages, and every other rule named
pub fn reason(rule: RuleId, p: &Patient, lang: Lang) -> String {
    let (age, weight) = (lang.num(&p.age), lang.num(&p.weight));
    match (rule, lang) {
        (RuleId::RenalCi, Lang::En) => format!(
            "GFR {} is below 30: contraindicated in children with GFR under 30 ml/min/1.73 m2 (bands 10-30 and under 10)",
            gfr(p, lang)
        ),
        (RuleId::RenalCi, Lang::Nl) => format!(
            "GFR {} is lager dan 30: gecontra-indiceerd bij kinderen met een GFR onder 30 ml/min/1,73 m2 (banden 10-30 en onder 10)",
            gfr(p, lang)
        ),
        (RuleId::AgeMin, Lang::En) => format!("age {age} is under 8 months: the Kinderformularium doses from 8 months"),
        (RuleId::AgeMin, Lang::Nl) => format!("leeftijd {age} is jonger dan 8 maanden: het Kinderformularium doseert vanaf 8 maanden"),
        (RuleId::WeightMin, Lang::En) => format!(
            "weight {weight} is under 10 kg: the Kinderformularium doses from 10 kg (SmPC: the smallest dose the graduated syringe delivers is 20 mg)"
        ),
        (RuleId::WeightMin, Lang::Nl) => format!(
            "gewicht {weight} is lager dan 10 kg: het Kinderformularium doseert vanaf 10 kg (SmPC: de kleinste dosis die de gegradeerde spuit geeft is 20 mg)"
        ),
        (RuleId::Scope, Lang::En) => format!(
            "age {age}: the Kinderformularium covers children under 18 years; adult dosing for {} is not covered",
            p.indication
        ),
        (RuleId::Scope, Lang::Nl) => format!(
            "leeftijd {age}: het Kinderformularium gaat over kinderen jonger dan 18 jaar; dosering voor volwassenen bij {} valt erbuiten",
            p.indication
        ),
        (RuleId::RaAdult, Lang::En) => {
            format!("ra is the leaflet's fixed adult dose (100 mg/day), not for patients under 18 years (age {age})")
        }
        (RuleId::RaAdult, Lang::Nl) => {
            format!("ra is de vaste volwassenendosis van de folder (100 mg/dag), niet voor patiënten jonger dan 18 jaar (leeftijd {age})")
        }
        (RuleId::Dialysis, _) => {
            let mut text = lang
                .pick(
                    "on dialysis: the Kinderformularium says no general advice can be given; it contraindicates anakinra in children with GFR under 30 ml/min/1.73 m2",
                    "dialyse: volgens het Kinderformularium kan geen algemeen advies worden gegeven; bij kinderen met een GFR onder 30 ml/min/1,73 m2 is anakinra gecontra-indiceerd",
                )
                .to_string();
            // Dialysis with a GFR of 30 or more does not fit: one of the two is likely wrong.
            if let Some(g) = p.gfr.filter(|g| g.get() >= 30.0) {
                let implausible = lang.pick(
                    "; dialysis together with GFR {} is implausible: check both",
                    "; dialyse samen met GFR {} is onwaarschijnlijk: controleer beide",
                );
                text.push_str(&implausible.replace("{}", &lang.num(&g)));
            }
            text
        }
        (RuleId::AdultRenal, _) => lang
            .pick(
                "adult with GFR under 30 or on dialysis: neither source gives renal dose advice for adults",
                "volwassene met GFR onder 30 of dialyse: geen van beide bronnen geeft een nieradvies voor volwassenen",
            )
            .to_string(),
        // Rules that are never a reason: their id, should one be given as one.
        (other @ (
            RuleId::Start
            | RuleId::Escalate
            | RuleId::Cap100
            | RuleId::Exceptional
            | RuleId::NoRoundUp
            | RuleId::Adult
            | RuleId::RenalOk
            | RuleId::Pk
            | RuleId::RenalHalflife
            | RuleId::RenalUnknown
            | RuleId::LabelOff
            | RuleId::CapsResponse
            | RuleId::CapsTitrate
            | RuleId::CapsLabel
            | RuleId::Mas
            | RuleId::Taper
            | RuleId::IntTnf
            | RuleId::IntLive
            | RuleId::IntInactivated
            | RuleId::AdrChild
            | RuleId::Inject
            | RuleId::Screen
            | RuleId::AdrShort
            | RuleId::AdrLong
            | RuleId::Infection
            | RuleId::New
            | RuleId::Surgery
            | RuleId::Pregnancy
            | RuleId::Storage
            | RuleId::FluOk
            | RuleId::LiveVaccines
            | RuleId::FluNasal
            | RuleId::RxAboveMax
            | RuleId::RxExceptional
            | RuleId::RxBelowStart
            | RuleId::RxNotDeliverable
            | RuleId::IntDuplicate
            | RuleId::IntUnknown
            | RuleId::IntNone
            | RuleId::Gfr30
            | RuleId::GfrAbove
            | RuleId::EgfrAge
            | RuleId::GrowthWfa
            | RuleId::GrowthNoRef
        ), _) => other.as_str().to_string(),
    }
}

/// When a phase applies.
pub const fn when(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Start => lang.pick("starting dose", "begindosis"),
        Phase::Escalation => lang.pick(
            "on little effect or in severe forms, guided by the response",
            "bij weinig effect of ernstige vormen, op geleide van de respons",
        ),
        Phase::Exceptional => lang.pick(
            "only in very exceptional cases",
            "alleen in zeer uitzonderlijke gevallen",
        ),
        Phase::Standard => lang.pick(
            "adults: always 100 mg once daily",
            "volwassenen: altijd 100 mg eenmaal daags",
        ),
    }
}

/// The name of a phase in text.
pub const fn phase_name(phase: Phase, lang: Lang) -> &'static str {
    match phase {
        Phase::Start => lang.pick("start", "start"),
        Phase::Escalation => lang.pick("escalation", "ophogen"),
        Phase::Exceptional => lang.pick("exceptional", "uitzonderlijk"),
        Phase::Standard => lang.pick("standard", "standaard"),
    }
}

/// The name of a prescription class in text.
pub const fn class_name(class: RxClass, lang: Lang) -> &'static str {
    match class {
        RxClass::Start => lang.pick("in the start range", "binnen de begindosis"),
        RxClass::Escalation => lang.pick("in the escalation range", "binnen het ophoogbereik"),
        RxClass::Between => lang.pick(
            "between the start and the escalation range",
            "tussen begindosis en ophoogbereik",
        ),
        RxClass::Exceptional => {
            lang.pick("in the exceptional range", "in het uitzonderlijke bereik")
        }
        RxClass::BelowStart => lang.pick("below the start range", "onder de begindosis"),
        RxClass::AboveMaximum => lang.pick("above the maximum", "boven het maximum"),
        RxClass::Standard => lang.pick("the standard dose", "de standaarddosis"),
        RxClass::BelowStandard => lang.pick("below the standard dose", "onder de standaarddosis"),
    }
}

/// The text of a warning.
#[allow(clippy::too_many_lines)] // one arm per warning that names something, in two languages
pub fn warning(w: &Warning, p: &Patient, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    match (&w.detail, w.rule) {
        (_, RuleId::RenalHalflife) if nl => format!(
            "GFR {}: bij verminderde nierfunctie neemt de halfwaardetijd van anakinra toe (geen dosisaanpassing vanaf GFR 30)",
            gfr(p, lang)
        ),
        (_, RuleId::RenalHalflife) => format!(
            "GFR {}: with reduced renal function the half-life of anakinra increases (no dose adjustment at GFR 30 and above)",
            gfr(p, lang)
        ),
        (_, RuleId::CapsLabel) => {
            let low = lang.num(&(crate::dosing::ESCALATE.0 * p.weight));
            let low = low.trim_end_matches(" mg");
            let high = lang.num(&(crate::dosing::ESCALATE.1 * p.weight));
            let weight = lang.num(&p.weight);
            if nl {
                format!(
                    "ernstige CAPS, {weight}: de 3-4 mg/kg/dag van de registratie is {low}-{high}/dag, boven het maximum van 100 mg/dag van het Kinderformularium; meer dan 100 mg/dag geeft het Kinderformularium alleen in zeer uitzonderlijke gevallen (tot 8 mg/kg/dag, nooit meer dan 200 mg/dag)"
                )
            } else {
                format!(
                    "severe CAPS, {weight}: the label's 3-4 mg/kg/day is {low}-{high}/day, above the Kinderformularium's cap of 100 mg/day; the Kinderformularium goes above 100 mg/day only in very exceptional cases (up to 8 mg/kg/day, never more than 200 mg/day)"
                )
            }
        }
        (_, rule @ (RuleId::GfrAbove | RuleId::Gfr30)) => {
            format!("GFR {}: {}", gfr(p, lang), fixed_warning(rule, lang))
        }
        (Detail::Phases(phases), RuleId::LabelOff) => {
            let names: Vec<&str> = phases.iter().map(|ph| phase_name(ph, lang)).collect();
            let prefix = lang.pick("off-label use", "off-label gebruik");
            format!("{prefix}: {} ({})", names.join(", "), p.indication)
        }
        (Detail::Drugs(drugs), RuleId::IntTnf) => {
            let drugs = shown(drugs);
            if nl {
                format!(
                    "co-medicatie {drugs}: een TNF-alfa-antagonist; de combinatie met anakinra wordt ontraden (bij anakinra met etanercept werden meer ernstige infecties gezien dan bij etanercept alleen)"
                )
            } else {
                format!(
                    "co-medication {drugs}: a TNF-alpha antagonist; the combination with anakinra is discouraged (anakinra with etanercept gave more serious infections than etanercept alone)"
                )
            }
        }
        (Detail::Drugs(drugs), RuleId::IntLive) => {
            let drugs = shown(drugs);
            if nl {
                format!(
                    "co-medicatie {drugs}: immunosuppressief; vaccinatie met levende micro-organismen kan een gegeneraliseerde infectie veroorzaken; de NVR-richtlijn ontraadt dit; sommige fabrikanten adviseren het middel enige tijd voor vaccinatie te staken"
                )
            } else {
                format!(
                    "co-medication {drugs}: immunosuppressive; live vaccines can cause a generalised infection; the NVR guideline advises against them; some makers advise stopping the drug some time before vaccination"
                )
            }
        }
        (Detail::Drugs(vaccines), RuleId::LiveVaccines) => {
            let vaccines = shown(vaccines);
            if nl {
                format!(
                    "co-medicatie {vaccines}: een levend vaccin; vaccinatie met verzwakt levend virus gaat niet samen met anakinra (folder); bij immunosuppressieve middelen, anakinra inbegrepen, kan vaccinatie met levende micro-organismen een gegeneraliseerde infectie veroorzaken (KF-INT-LIVE)"
                )
            } else {
                format!(
                    "co-medication {vaccines}: a live vaccine; vaccination with a weakened live virus does not go with anakinra (leaflet); with immunosuppressive drugs, anakinra included, live vaccines can cause a generalised infection (KF-INT-LIVE)"
                )
            }
        }
        (Detail::Drugs(drugs), RuleId::IntNone) => {
            let drugs = shown(drugs);
            if nl {
                format!(
                    "co-medicatie {drugs}: bekend; het Kinderformularium noemt geen interactie met anakinra"
                )
            } else {
                format!(
                    "co-medication {drugs}: known; the Kinderformularium names no interaction with anakinra"
                )
            }
        }
        (Detail::Drugs(names), RuleId::IntDuplicate) => {
            let names = shown(names);
            if nl {
                format!("co-medicatie {names} is anakinra zelf: dubbele medicatie")
            } else {
                format!("co-medication {names} is anakinra itself: a duplicate")
            }
        }
        (Detail::Unknown(names), RuleId::IntUnknown) => {
            let names: Vec<String> = names
                .iter()
                .map(|(name, nearest)| (visible(name), nearest))
                .map(|(name, nearest)| match (nearest, nl) {
                    (Some(n), false) => format!("'{name}' (did you mean {n}?)"),
                    (Some(n), true) => format!("'{name}' (bedoelde u {n}?)"),
                    (None, _) => format!("'{name}'"),
                })
                .collect();
            let names = names.join(", ");
            if nl {
                format!("co-medicatie {names} is onbekend en niet gecontroleerd op interacties")
            } else {
                format!(
                    "co-medication {names} is not known to this tool and was not checked for interactions"
                )
            }
        }
        (Detail::Prescribed(rx), rule) => prescription_warning(rule, rx, p, lang),
        (Detail::Growth(g @ crate::dosing::growth::Growth::Checked { .. }), RuleId::GrowthWfa) => {
            let mark = lang.decimal_mark();
            let (low_centi, high_centi) = g.range_centi().unwrap_or_default();
            let kg = |centi: u64| centi_text(i64::try_from(centi).unwrap_or(i64::MAX), mark);
            let (low, high) = (kg(low_centi), kg(high_centi));
            let z = centi_text(g.z_centi().unwrap_or_default(), mark);
            let (weight, age) = (lang.num(&p.weight), lang.num(&p.age));
            if nl {
                format!(
                    "gewicht {weight} is ongewoon voor leeftijd {age}: gewicht-naar-leeftijd z {z} (CDC 2000); z -3 tot +3 is ongeveer {low}-{high} kg; controleer het gewicht en dat het in kilogram is"
                )
            } else {
                format!(
                    "weight {weight} is unusual for age {age}: weight-for-age z {z} (CDC 2000); z -3 to +3 is about {low}-{high} kg; check the weight and that it is in kilograms"
                )
            }
        }
        (Detail::Egfr(e), RuleId::EgfrAge) => {
            let value = lang.num(&e.value);
            if nl {
                format!(
                    "eGFR {value} met de bedside-Schwartzformule: gevalideerd voor kinderen van 1 tot 18 jaar, niet voor leeftijd {}",
                    lang.num(&p.age)
                )
            } else {
                format!(
                    "eGFR {value} by bedside Schwartz: validated for children 1 to 18 years, not at age {}",
                    lang.num(&p.age)
                )
            }
        }
        (_, rule) => fixed_warning(rule, lang).to_string(),
    }
}

fn prescription_warning(
    rule: RuleId,
    rx: &crate::dosing::Prescribed,
    p: &Patient,
    lang: Lang,
) -> String {
    let dose = lang.num(&rx.dose);
    let per_kg = lang.num(&rx.dose.per_kg(p.weight));
    let nl = lang == Lang::Nl;
    match rule {
        RuleId::RxAboveMax if nl => format!(
            "voorgeschreven {dose}/dag ({per_kg}) is boven het maximum voor deze patiënt: niet geven (harde stop)"
        ),
        RuleId::RxAboveMax => format!(
            "prescribed {dose}/day ({per_kg}) is above this patient's maximum: do not give (hard stop)"
        ),
        RuleId::RxExceptional if nl => format!(
            "voorgeschreven {dose}/dag ({per_kg}) valt in het uitzonderlijke bereik: alleen in zeer uitzonderlijke gevallen"
        ),
        RuleId::RxExceptional => format!(
            "prescribed {dose}/day ({per_kg}) is in the exceptional range: only in very exceptional cases"
        ),
        RuleId::RxBelowStart if nl => {
            format!("voorgeschreven {dose}/dag ({per_kg}) is lager dan de begindosis")
        }
        RuleId::RxBelowStart => {
            format!("prescribed {dose}/day ({per_kg}) is below the start range")
        }
        RuleId::RxNotDeliverable => {
            let nearest: Vec<String> = [rx.nearest_below, rx.nearest_above]
                .into_iter()
                .flatten()
                .map(|n| lang.num(&n))
                .collect();
            let (none, prefix, text) = if nl {
                (
                    "geen",
                    "dichtstbijzijnd",
                    "is niet toe te dienen met de gegradeerde spuit (streepjes van 10 mg, 20-200 mg)",
                )
            } else {
                (
                    "none",
                    "nearest",
                    "cannot be given with the graduated syringe (10 mg marks, 20-200 mg)",
                )
            };
            let nearest = if nearest.is_empty() {
                none.to_string()
            } else {
                nearest.join(", ")
            };
            format!("{dose} {text}; {prefix}: {nearest}")
        }
        // Not prescription rules: their id, should one be given as one.
        other @ (RuleId::RenalCi
        | RuleId::AgeMin
        | RuleId::WeightMin
        | RuleId::Scope
        | RuleId::RaAdult
        | RuleId::Dialysis
        | RuleId::AdultRenal
        | RuleId::Start
        | RuleId::Escalate
        | RuleId::Cap100
        | RuleId::Exceptional
        | RuleId::NoRoundUp
        | RuleId::Adult
        | RuleId::RenalOk
        | RuleId::Pk
        | RuleId::RenalHalflife
        | RuleId::RenalUnknown
        | RuleId::LabelOff
        | RuleId::CapsResponse
        | RuleId::CapsTitrate
        | RuleId::CapsLabel
        | RuleId::Mas
        | RuleId::Taper
        | RuleId::IntTnf
        | RuleId::IntLive
        | RuleId::IntInactivated
        | RuleId::AdrChild
        | RuleId::Inject
        | RuleId::Screen
        | RuleId::AdrShort
        | RuleId::AdrLong
        | RuleId::Infection
        | RuleId::New
        | RuleId::Surgery
        | RuleId::Pregnancy
        | RuleId::Storage
        | RuleId::FluOk
        | RuleId::LiveVaccines
        | RuleId::FluNasal
        | RuleId::IntDuplicate
        | RuleId::IntUnknown
        | RuleId::IntNone
        | RuleId::Gfr30
        | RuleId::GfrAbove
        | RuleId::EgfrAge
        | RuleId::GrowthWfa
        | RuleId::GrowthNoRef) => other.as_str().to_string(),
    }
}

/// The text of a warning that names nothing beyond its rule.
#[allow(clippy::too_many_lines)] // one arm per rule, in two languages
const fn fixed_warning(rule: RuleId, lang: Lang) -> &'static str {
    match rule {
        RuleId::RenalUnknown => lang.pick(
            "no GFR given: check renal function; a GFR under 30 ml/min/1.73 m2 would contraindicate anakinra in a child",
            "geen GFR gegeven: controleer de nierfunctie; een GFR onder 30 ml/min/1,73 m2 is bij kinderen een contra-indicatie",
        ),
        RuleId::AdultRenal => lang.pick(
            "no GFR given: with GFR under 30 or on dialysis the sources give no advice for adults; check renal function",
            "geen GFR gegeven: bij GFR onder 30 of dialyse geven de bronnen geen advies voor volwassenen; controleer de nierfunctie",
        ),
        RuleId::CapsResponse => lang.pick(
            "CAPS: judge the response mainly by the symptoms (fever, rash, joint pain, headache), and by inflammatory markers (CRP/SAA) and flares",
            "CAPS: beoordeel de respons vooral aan de symptomen (koorts, huiduitslag, gewrichtspijn, hoofdpijn), en aan ontstekingswaarden (CRP/SAA) en opvlammingen",
        ),
        RuleId::CapsTitrate => lang.pick(
            "severe CAPS: depending on the response, higher doses may be needed within 1-2 months; the label gives 3-4 mg/kg/day up to 8 mg/kg/day with no mg/day cap; the Kinderformularium's dosing caps at 100 mg/day, and at 200 mg/day in very exceptional cases (both applied here)",
            "ernstige CAPS: afhankelijk van de respons kunnen binnen 1-2 maanden hogere doses nodig zijn; de registratie geeft 3-4 mg/kg/dag tot 8 mg/kg/dag zonder maximum in mg/dag; de dosering van het Kinderformularium begrenst op 100 mg/dag, en op 200 mg/dag in zeer uitzonderlijke gevallen (beide hier toegepast)",
        ),
        RuleId::Mas => lang.pick(
            "sJIA: macrophage activation syndrome (MAS) can occur during treatment; a temporary dose increase can then help",
            "sJIA: tijdens de behandeling kan macrofaagactivatiesyndroom (MAS) optreden; tijdelijk ophogen kan dan zinvol zijn",
        ),
        RuleId::Taper => lang.pick(
            "when the arthritis is in remission the dose can be given every other day for 4 weeks, after which anakinra can be stopped",
            "als de artritis in remissie is, kan 4 weken om de dag gedoseerd worden; daarna kan anakinra gestopt worden",
        ),
        RuleId::IntTnf => lang.pick(
            "anakinra combined with the TNF-alpha antagonist etanercept gave more serious infections than etanercept alone; combining anakinra with a TNF-alpha antagonist (etanercept, adalimumab, infliximab, golimumab, certolizumab pegol) is discouraged",
            "bij combinatie van anakinra met de TNF-alfa-antagonist etanercept werden meer ernstige infecties gezien dan bij etanercept alleen; de combinatie met een TNF-alfa-antagonist (etanercept, adalimumab, infliximab, golimumab, certolizumab pegol) wordt ontraden",
        ),
        RuleId::IntLive => lang.pick(
            "immunosuppressive therapy (abatacept, adalimumab, anakinra, canakinumab, certolizumab pegol, etanercept, infliximab, golimumab, leflunomide, methotrexate, secukinumab, tocilizumab, ustekinumab): live vaccines can cause a generalised infection; the NVR guideline advises against them; some makers advise stopping the drug some time before vaccination",
            "immunosuppressieve therapie (abatacept, adalimumab, anakinra, canakinumab, certolizumab pegol, etanercept, infliximab, golimumab, leflunomide, methotrexaat, secukinumab, tocilizumab, ustekinumab): levende vaccins kunnen een gegeneraliseerde infectie veroorzaken; de NVR-richtlijn ontraadt ze; sommige fabrikanten adviseren het middel enige tijd voor vaccinatie te staken",
        ),
        RuleId::IntInactivated => lang.pick(
            "killed or subunit vaccines may work less well under immunosuppressive therapy and are sometimes repeated (not assessed)",
            "vaccins met gedode verwekker of afgeleid antigeen werken tijdens immunosuppressieve therapie mogelijk minder en worden soms herhaald (niet beoordeeld)",
        ),
        RuleId::AdrChild => lang.pick(
            "adverse reactions in children: injection-site reaction, infections, headache, vomiting, abdominal pain, skin lesions",
            "bijwerkingen bij kinderen: reactie op de injectieplaats, infecties, hoofdpijn, braken, buikpijn, huidlaesies",
        ),
        RuleId::Inject => lang.pick(
            "inject subcutaneously once daily at about the same time; most patients (or parents) can learn to inject, the rheumatology nurse can teach it; read the package leaflet and discuss questions with the treating doctor or rheumatology nurse",
            "eenmaal daags subcutaan spuiten, rond hetzelfde tijdstip; de meeste patiënten (of ouders) kunnen zelf leren spuiten, de reumaverpleegkundige kan het aanleren; lees de bijsluiter en bespreek vragen met de behandelend arts of reumaverpleegkundige",
        ),
        RuleId::Screen => lang.pick(
            "before starting: tests for an earlier tuberculosis infection (blood test and chest X-ray) and a blood test for contact with HIV and hepatitis B and C; further tests where needed",
            "voor de start: onderzoek naar een eerdere besmetting met tuberculose (bloedtest en longfoto) en bloedonderzoek naar contact met hiv en hepatitis B en C; zo nodig aanvullend onderzoek",
        ),
        RuleId::AdrShort => lang.pick(
            "short term: skin reactions around the injection site (itch, tenderness, redness, swelling, pain), mostly early in treatment and usually fading; very rarely an allergic (hypersensitivity) reaction with a rash over the whole body, breathlessness, muscle weakness, headache and flushes; headache",
            "korte termijn: huidreacties rond de plaats van injectie (jeuk, gevoeligheid, roodheid, zwelling, pijn), vooral in het begin en doorgaans geleidelijk afnemend; heel zelden een allergische (overgevoeligheids)reactie met huiduitslag over het gehele lichaam, kortademigheid, spierzwakte, hoofdpijn en opvliegers; hoofdpijn",
        ),
        RuleId::AdrLong => lang.pick(
            "longer term: a higher chance of infections, especially of the upper airways and sinuses; headache; a shortage of white blood cells; stomach and bowel complaints, abdominal pain, diarrhoea",
            "langere termijn: verhoogde kans op infecties, vooral van de bovenste luchtwegen en bijholtes; hoofdpijn; tekort aan witte bloedcellen; maag-darmklachten, buikpijn, diarree",
        ),
        RuleId::Infection => lang.pick(
            "with signs of infection (fever, cold, flu, cough, sore throat, severe breathlessness, boils) consulting the (family) doctor or rheumatology nurse is advisable",
            "bij verschijnselen van infecties (koorts, verkoudheid, griep, hoesten, keelpijn, ernstige kortademigheid, steenpuisten) is overleg met de (huis)arts of reumaverpleegkundige raadzaam",
        ),
        RuleId::New => lang.pick(
            "a relatively new medicine: not all side effects, especially long-term ones, may be described or well known; with one or more of these signs, or other bodily changes during treatment, contact the (family) doctor or rheumatology nurse",
            "een relatief nieuw medicijn: mogelijk zijn nog niet alle bijwerkingen beschreven of goed bekend, vooral op lange termijn; bij een of meer van deze verschijnselen of andere lichamelijke veranderingen tijdens de behandeling: neem contact op met de (huis)arts of reumaverpleegkundige",
        ),
        RuleId::Surgery => lang.pick(
            "before surgery (also a major dental procedure) consulting the rheumatologist is necessary; depending on the situation the advice can be not to use anakinra for 2 days before the operation",
            "bij een operatie (ook een grote ingreep bij de tandarts) is overleg met de reumatoloog noodzakelijk; afhankelijk van de situatie kan het advies zijn om 2 dagen voor de operatie geen anakinra te gebruiken",
        ),
        RuleId::Pregnancy => lang.pick(
            "a wish to become pregnant, or a man's wish for a child: consulting the treating doctor is necessary; depending on the situation anakinra can be continued, but where possible it is often stopped as a precaution; questions about pregnancy: the treating doctor or rheumatology nurse",
            "zwangerschapswens, of kinderwens bij een man: overleg met de behandelend arts is noodzakelijk; afhankelijk van de situatie kan anakinra worden doorgebruikt, maar als het mogelijk is wordt het vaak uit voorzorg gestaakt; vragen over zwangerschap: de behandelend arts of reumaverpleegkundige",
        ),
        RuleId::Storage => lang.pick("store in the refrigerator, not in the freezer", "bewaren in de koelkast, niet in het vriesvak"),
        RuleId::CapsLabel => lang.pick(
            "severe CAPS above 25 kg: the label's 3-4 mg/kg/day goes above the Kinderformularium's cap of 100 mg/day, which it exceeds only in very exceptional cases",
            "ernstige CAPS boven 25 kg: de 3-4 mg/kg/dag van de registratie gaat boven het maximum van 100 mg/dag van het Kinderformularium, dat daar alleen in zeer uitzonderlijke gevallen boven gaat",
        ),
        RuleId::IntNone => lang.pick(
            "a co-medication this tool knows (prednisolone, ciclosporin, paracetamol, NSAIDs, tofacitinib, ...) for which the Kinderformularium names no interaction with anakinra",
            "een co-medicatie die dit programma kent (prednisolon, ciclosporine, paracetamol, NSAID's, tofacitinib, ...) waarvoor het Kinderformularium geen interactie met anakinra noemt",
        ),
        RuleId::GfrAbove => lang.pick(
            "reported by the lab as above this value (>), taken as this value; the true GFR is higher, which changes nothing from 30 on (no dose adjustment)",
            "door het lab gemeld als hoger dan deze waarde (>), als deze waarde genomen; de werkelijke GFR is hoger, wat vanaf 30 niets verandert (geen dosisaanpassing)",
        ),
        RuleId::Gfr30 => lang.pick(
            "at the border of the contraindication: the Kinderformularium's bands 10-30 (contraindicated) and 30-50 (no dose adjustment) overlap at 30, read here as 30-50 (SCOPE); an estimated GFR within 10 % above 30 may in fact be below it: measure or check again",
            "op de grens van de contra-indicatie: de banden 10-30 (gecontra-indiceerd) en 30-50 (geen dosisaanpassing) van het Kinderformularium overlappen bij 30, hier gelezen als 30-50 (SCOPE); een geschatte GFR tot 10 % boven 30 kan in werkelijkheid eronder liggen: meet of controleer opnieuw",
        ),
        RuleId::FluOk => lang.pick(
            "while using anakinra there is no objection to the flu jab",
            "bij gebruik van anakinra is er geen bezwaar tegen de griepprik",
        ),
        RuleId::FluNasal => lang.pick(
            "the flu vaccine given as a nasal spray is a live vaccine: not with anakinra (the leaflet's 'no objection' is to the flu jab)",
            "het griepvaccin als neusspray is een levend vaccin: niet samen met anakinra (het 'geen bezwaar' van de folder gaat over de griepprik)",
        ),
        RuleId::GrowthNoRef => lang.pick(
            "age 20 years or more: the CDC weight-for-age tables end, the weight was not checked for plausibility",
            "leeftijd 20 jaar of ouder: de CDC-tabellen gewicht-naar-leeftijd houden op, het gewicht is niet op aannemelijkheid gecontroleerd",
        ),
        RuleId::GrowthWfa => lang.pick(
            "weight-for-age z-score (CDC 2000 LMS, WHO extension beyond 3): a caution above 3, refused above 5 unless confirmed",
            "gewicht-naar-leeftijd z-score (CDC 2000 LMS, WHO-verlenging voorbij 3): waarschuwing boven 3, geweigerd boven 5 tenzij bevestigd",
        ),
        RuleId::LiveVaccines => lang.pick(
            "vaccination with a weakened live virus (needed for some distant travel), such as the yellow fever vaccine, does not go with anakinra; nor do vaccinations against mumps, measles and rubella (MMR/BMR) or tuberculosis (BCG)",
            "vaccinatie met verzwakt levend virus (nodig bij sommige verre reizen), zoals het gelekoortsvaccin, gaat niet samen met anakinra; ook vaccinaties tegen bof, mazelen, rodehond (BMR) of tuberculose (BCG) niet",
        ),
        // Rules whose text names more than the rule (a drug, a dose, a figure): written by
        // `warning`, `reason` and `summary`; their id here.
        other @ (
            RuleId::RenalCi
            | RuleId::AgeMin
            | RuleId::WeightMin
            | RuleId::Scope
            | RuleId::RaAdult
            | RuleId::Dialysis
            | RuleId::Start
            | RuleId::Escalate
            | RuleId::Cap100
            | RuleId::Exceptional
            | RuleId::NoRoundUp
            | RuleId::Adult
            | RuleId::RenalOk
            | RuleId::Pk
            | RuleId::RenalHalflife
            | RuleId::LabelOff
            | RuleId::RxAboveMax
            | RuleId::RxExceptional
            | RuleId::RxBelowStart
            | RuleId::RxNotDeliverable
            | RuleId::IntDuplicate
            | RuleId::IntUnknown
            | RuleId::EgfrAge
        ) => other.as_str(),
    }
}

/// What a rule says, with its figures, for `anakinra rules`.
pub fn summary(rule: RuleId, lang: Lang) -> String {
    use crate::dosing as d;
    let nl = lang == Lang::Nl;
    let text = |en: String, dutch: String| if nl { dutch } else { en };
    match rule {
        RuleId::RenalCi => text(
            format!("a child ({} to under 18 years) with GFR < {} ml/min/1.73 m2: contraindicated", lang.num(&d::RENAL_CHILD_FROM), d::GFR_CONTRAINDICATED_BELOW),
            format!("een kind ({} tot 18 jaar) met GFR < {} ml/min/1,73 m2: gecontra-indiceerd", lang.num(&d::RENAL_CHILD_FROM), d::GFR_CONTRAINDICATED_BELOW),
        ),
        RuleId::AgeMin => text(
            format!("paediatric dosing from {} (that age itself covered)", lang.num(&d::MIN_AGE)),
            format!("kinderdosering vanaf {} (die leeftijd zelf inbegrepen)", lang.num(&d::MIN_AGE)),
        ),
        RuleId::WeightMin => text(
            format!("paediatric dosing from {} (that weight itself covered)", lang.num(&d::MIN_WEIGHT)),
            format!("kinderdosering vanaf {} (dat gewicht zelf inbegrepen)", lang.num(&d::MIN_WEIGHT)),
        ),
        RuleId::Scope => text("paediatric indications under 18 years only".into(), "kinderindicaties alleen onder 18 jaar".into()),
        RuleId::RaAdult => text("ra (fixed adult dose) from 18 years only".into(), "ra (vaste volwassenendosis) alleen vanaf 18 jaar".into()),
        RuleId::Dialysis => text("a child on dialysis: no general advice".into(), "een kind aan de dialyse: geen algemeen advies".into()),
        RuleId::AdultRenal => text(
            "an adult with GFR < 30 or on dialysis: no advice (neither source gives one); a caution when no GFR is given".into(),
            "een volwassene met GFR < 30 of dialyse: geen advies (geen bron geeft er een); een waarschuwing als geen GFR is gegeven".into(),
        ),
        RuleId::Start => text(
            format!("start {}-{} mg/kg/day once daily, subcutaneous", d::START.0.get(), d::START.1.get()),
            format!("begindosis {}-{} mg/kg/dag eenmaal daags, subcutaan", d::START.0.get(), d::START.1.get()),
        ),
        RuleId::Escalate => text(
            format!("on little effect or in severe forms {}-{} mg/kg/day, guided by the response", d::ESCALATE.0.get(), d::ESCALATE.1.get()),
            format!("bij weinig effect of ernstige vormen {}-{} mg/kg/dag, op geleide van de respons", d::ESCALATE.0.get(), d::ESCALATE.1.get()),
        ),
        RuleId::Cap100 => text(
            format!("standard maximum {}/day with the escalation (KF); applied to the start dose too (SCOPE)", lang.num(&d::CAP_STANDARD)),
            format!("standaardmaximum {}/dag bij het ophogen (KF); ook op de begindosis toegepast (SCOPE)", lang.num(&d::CAP_STANDARD)),
        ),
        RuleId::Exceptional => text(
            format!("in very exceptional cases up to {} mg/kg/day, never above {}/day", d::EXCEPTIONAL.1.get(), lang.num(&d::CAP_EXCEPTIONAL)),
            format!("in zeer uitzonderlijke gevallen tot {} mg/kg/dag, nooit boven {}/dag", d::EXCEPTIONAL.1.get(), lang.num(&d::CAP_EXCEPTIONAL)),
        ),
        RuleId::NoRoundUp => text(
            "a dose is never rounded up past a maximum; marks stop below the top of a range (SCOPE: a project decision, not in the monograph)".into(),
            "een dosis wordt nooit naar boven afgerond voorbij een maximum; streepjes blijven onder de bovengrens (SCOPE: een keuze van dit programma, niet uit de monografie)".into(),
        ),
        RuleId::Adult => text(
            format!("adults (ra): always {}/day, subcutaneous, once daily at about the same time", lang.num(&d::ADULT_DOSE)),
            format!("volwassenen (ra): altijd {}/dag, subcutaan, eenmaal daags rond hetzelfde tijdstip", lang.num(&d::ADULT_DOSE)),
        ),
        RuleId::RenalOk => text("GFR 30 and above: no dose adjustment".into(), "GFR 30 en hoger: geen dosisaanpassing".into()),
        RuleId::Pk => text(
            format!("population PK: CL {} l/h/kg, Vd {} l (information only, never used to calculate)", d::PK_CLEARANCE_L_PER_H_PER_KG, d::PK_VOLUME_L),
            format!("populatie-PK: Cl {} l/uur/kg, Vd {} l (alleen ter informatie, nooit om te rekenen)", d::PK_CLEARANCE_L_PER_H_PER_KG.replace('.', ","), d::PK_VOLUME_L.replace('.', ",")),
        ),
        RuleId::RenalHalflife => text(
            format!("GFR < {}: the half-life increases (information)", d::GFR_REDUCED_BELOW),
            format!("GFR < {}: de halfwaardetijd neemt toe (informatie)", d::GFR_REDUCED_BELOW),
        ),
        RuleId::LabelOff => text("a phase used off-label".into(), "een fase die off-label gebruikt wordt".into()),
        RuleId::RxAboveMax => text("prescribed daily dose above the patient's maximum: hard stop".into(), "voorgeschreven dagdosis boven het maximum van de patiënt: harde stop".into()),
        RuleId::RxExceptional => text("prescribed dose in the exceptional range".into(), "voorgeschreven dosis in het uitzonderlijke bereik".into()),
        RuleId::RxBelowStart => text("prescribed dose below the start range (ra: below 100 mg)".into(), "voorgeschreven dosis onder de begindosis (ra: onder 100 mg)".into()),
        RuleId::RxNotDeliverable => text(
            "prescribed dose not a multiple of 10 mg from 20 to 200 mg (graduated syringe; 10 mg marks assumed)".into(),
            "voorgeschreven dosis geen veelvoud van 10 mg van 20 tot 200 mg (gegradeerde spuit; streepjes per 10 mg aangenomen)".into(),
        ),
        RuleId::IntDuplicate => text("co-medication is anakinra itself (anakinra, Kineret)".into(), "co-medicatie is anakinra zelf (anakinra, Kineret)".into()),
        RuleId::IntUnknown => text("a co-medication the tool does not know: not checked".into(), "een co-medicatie die het programma niet kent: niet gecontroleerd".into()),
        RuleId::EgfrAge => text(
            "bedside Schwartz eGFR outside 1-18 years, where it is not validated".into(),
            "bedside-Schwartz-eGFR buiten 1-18 jaar, waar de formule niet gevalideerd is".into(),
        ),
        // The warning's own text says what the rule says.
        other @ (
            RuleId::RenalUnknown
            | RuleId::CapsResponse
            | RuleId::CapsTitrate
            | RuleId::CapsLabel
            | RuleId::Mas
            | RuleId::Taper
            | RuleId::IntTnf
            | RuleId::IntLive
            | RuleId::IntInactivated
            | RuleId::AdrChild
            | RuleId::Inject
            | RuleId::Screen
            | RuleId::AdrShort
            | RuleId::AdrLong
            | RuleId::Infection
            | RuleId::New
            | RuleId::Surgery
            | RuleId::Pregnancy
            | RuleId::Storage
            | RuleId::FluOk
            | RuleId::LiveVaccines
            | RuleId::FluNasal
            | RuleId::IntNone
            | RuleId::Gfr30
            | RuleId::GfrAbove
            | RuleId::GrowthWfa
            | RuleId::GrowthNoRef
        ) => fixed_warning(other, lang).to_string(),
    }
}
