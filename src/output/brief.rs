//! The brief JSON line of `anakinra batch` (`--detail brief`, the default): verdict, rule ids,
//! phase ranges and the inputs the answer is about, written by hand for speed and held byte for
//! byte to the serde form by a test.

#[cfg(test)]
use serde::Serialize;
use std::io;

use crate::dosing::units::CentiText;
use crate::dosing::{Advice, LabelStatus, RuleId};
use crate::output::record::SCHEMA;

/// Appends a brief JSON line to `buf`, by hand: the brief form is what large runs use, and
/// serde's generic escaping of some twenty rule ids a record was most of the run time. Rule
/// ids, verdicts and phase names are plain ASCII that needs no escaping; so is nearly every
/// id, and any other goes through serde_json. A unit test holds this byte for byte to the
/// derived form.
pub(crate) fn write_brief(
    buf: &mut Vec<u8>,
    line: u64,
    id: Option<&str>,
    advice: &Advice,
) -> io::Result<()> {
    buf.extend_from_slice(b"{\"schema\":\"");
    buf.extend_from_slice(SCHEMA.as_bytes());
    buf.extend_from_slice(b"\",\"line\":");
    push_line(buf, line);
    buf.extend_from_slice(b",\"id\":");
    match id {
        // serde_json escapes only these; everything else it writes as it is.
        Some(id) if !id.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) => {
            buf.push(b'"');
            buf.extend_from_slice(id.as_bytes());
            buf.push(b'"');
        }
        Some(id) => serde_json::to_writer(&mut *buf, id)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"verdict\":\"");
    buf.extend_from_slice(advice.verdict.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"outcome\":\"");
    buf.extend_from_slice(crate::output::record::outcome(advice).as_bytes());
    buf.extend_from_slice(match advice.label_status() {
        LabelStatus::OnLabel => b"\",\"label_status\":\"on_label\",\"reason_ids\":[",
        LabelStatus::OffLabel => b"\",\"label_status\":\"off_label\",\"reason_ids\":[",
    });
    push_ids(buf, advice.reasons.iter().copied());
    buf.extend_from_slice(b"],\"warning_ids\":[");
    push_ids(buf, advice.warnings.iter().map(|w| w.rule));
    buf.extend_from_slice(b"],\"phases\":[");
    for (at, p) in advice.phases.iter().enumerate() {
        if at > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"phase\":\"");
        buf.extend_from_slice(p.phase.as_str().as_bytes());
        buf.extend_from_slice(b"\",\"min_mg\":");
        push_centi(buf, p.min.centi(), '.');
        buf.extend_from_slice(b",\"max_mg\":");
        push_centi(buf, p.max.centi(), '.');
        buf.extend_from_slice(if p.capped {
            b",\"capped\":true}"
        } else {
            b",\"capped\":false}"
        });
    }
    buf.push(b']');
    if let Some(p) = &advice.prescribed {
        buf.extend_from_slice(b",\"prescribed_class\":");
        match p.class {
            Some(class) => {
                buf.push(b'"');
                buf.extend_from_slice(class.as_str().as_bytes());
                buf.push(b'"');
            }
            None => buf.extend_from_slice(b"null"),
        }
    }
    // The inputs the answer is about, so that the line stands alone.
    let patient = &advice.patient;
    buf.extend_from_slice(b",\"weight_kg\":");
    push_centi(buf, patient.weight.centi(), '.');
    buf.extend_from_slice(b",\"age_months\":");
    push_line(buf, u64::from(patient.age.months()));
    buf.extend_from_slice(b",\"indication\":\"");
    buf.extend_from_slice(patient.indication.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"gfr\":");
    match patient.gfr {
        Some(g) => buf.extend_from_slice(CentiText::new(g.centi_floor(), '.').as_bytes()),
        None => buf.extend_from_slice(b"null"),
    }
    buf.push(b'}');
    Ok(())
}

/// Appends hundredths as [`crate::dosing::units::write_centi`] writes them (`36.9`, `100`, `0.26`).
pub(crate) fn push_centi(buf: &mut Vec<u8>, centi: u32, mark: char) {
    buf.extend_from_slice(CentiText::new(u64::from(centi), mark).as_bytes());
}

/// Appends a line number.
pub(crate) fn push_line(buf: &mut Vec<u8>, line: u64) {
    buf.extend_from_slice(CentiText::whole(line).as_bytes());
}

fn push_ids(buf: &mut Vec<u8>, ids: impl Iterator<Item = RuleId>) {
    for (at, id) in ids.enumerate() {
        if at > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(id.json().as_bytes());
    }
}

/// A brief `batch` line, as serde would write it: the reference that [`write_brief`] is held
/// to, and the source of its schema.
#[cfg(test)]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct Brief<'a> {
    /// Always `anakinra/1`.
    schema: &'static str,
    /// The 1-based line of the record in the input.
    line: u64,
    /// The input's id, `null` when it had none.
    id: Option<&'a str>,
    /// The verdict.
    verdict: crate::dosing::Verdict,
    /// The verdict, or `prescription_refused` for an advised patient whose prescribed dose is
    /// above the maximum: what the text's verdict line says.
    outcome: &'static str,
    /// The first phase's label status, or the indication's on a refusal.
    label_status: LabelStatus,
    /// The refusal rules that apply; empty when advised.
    reason_ids: &'a [RuleId],
    /// The warnings' rule ids, most serious first.
    warning_ids: Vec<RuleId>,
    /// The phase ranges; empty unless advised.
    phases: Vec<BriefPhase>,
    /// The prescribed dose's class, when a dose was given (`null` when no dose is advised).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[allow(clippy::option_option)] // absent (no dose given) is not null (no dose advised)
    prescribed_class: Option<Option<crate::dosing::RxClass>>,
    /// The weight the answer is for, kg.
    weight_kg: crate::dosing::units::Kilograms,
    /// The age in completed months.
    age_months: crate::dosing::units::AgeMonths,
    /// The indication.
    indication: crate::dosing::Indication,
    /// The GFR (typed, or the eGFR), `null` when not given.
    gfr: Option<crate::dosing::units::Gfr>,
}

#[cfg(test)]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct BriefPhase {
    /// The phase.
    phase: crate::dosing::Phase,
    /// Lowest mg/day after the caps.
    min_mg: crate::dosing::units::Milligrams,
    /// Highest mg/day after the caps.
    max_mg: crate::dosing::units::Milligrams,
    /// Whether the cap bit.
    capped: bool,
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
    use crate::input::json::JsonPatient;
    use crate::input::request::request;

    #[test]
    fn the_hand_written_brief_line_is_the_derived_one_byte_for_byte() {
        let lines = [
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "gfr": 95}"#,
            r#"{"weight": 12.3, "age": "3y", "indication": "caps-mild"}"#,
            r#"{"weight": 9.9, "age": "2y", "indication": "sjia"}"#,
            r#"{"weight": 70, "age": "40y", "indication": "ra", "dialysis": true}"#,
            r#"{"weight": 70, "age": "40y", "indication": "ra"}"#,
            r#"{"weight": 6, "age": "3m", "indication": "sjia", "gfr": 20, "dialysis": true}"#,
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "dose": 45}"#,
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "dose": 250}"#,
        ];
        for (at, text) in lines.iter().enumerate() {
            let patient: JsonPatient<'_> = serde_json::from_str(text).unwrap();
            let today = || jiff::civil::Date::constant(2026, 11, 26);
            let advice = request(&patient.fields, today).unwrap().assess().advice;
            for id in [
                None,
                Some("P \"1\"\\ é"),
                Some("P0000001"),
                Some("tab\there"),
                Some("del\u{7f} ü \u{2028}"),
            ] {
                let line = at as u64 + 1;
                let mut hand = Vec::new();
                write_brief(&mut hand, line, id, &advice).unwrap();
                let derived = serde_json::to_vec(&Brief {
                    schema: SCHEMA,
                    line,
                    id,
                    verdict: advice.verdict,
                    outcome: crate::output::record::outcome(&advice),
                    label_status: advice.label_status(),
                    reason_ids: &advice.reasons,
                    prescribed_class: advice.prescribed.as_ref().map(|p| p.class),
                    warning_ids: advice.warnings.iter().map(|w| w.rule).collect(),
                    phases: advice
                        .phases
                        .iter()
                        .map(|p| BriefPhase {
                            phase: p.phase,
                            min_mg: p.min,
                            max_mg: p.max,
                            capped: p.capped,
                        })
                        .collect(),
                    weight_kg: advice.patient.weight,
                    age_months: advice.patient.age,
                    indication: advice.patient.indication,
                    gfr: advice.patient.gfr,
                })
                .unwrap();
                assert_eq!(
                    String::from_utf8(hand).unwrap(),
                    String::from_utf8(derived).unwrap()
                );
            }
        }
    }
}
