//! The KF-TAPER schedule (when the arthritis is in remission, a dose every other day for 4
//! weeks, after which anakinra can be stopped). `output::taper` writes it as dated lines,
//! `output::ics` as an iCalendar file.
//!
//! The dose is checked before anything is written: the limits of every other path (20 to
//! 200 mg, the graduated syringe's marks, and with a patient that patient's own maximum), so a
//! calendar never carries a dose the calculator would refuse.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::dosing::syringe::{self, LARGEST_DOSE, SMALLEST_DOSE};
use crate::dosing::units::Milligrams;
use crate::dosing::{Advice, Indication, RuleId, Verdict};

/// KF-TAPER: one dose every this many days ...
pub const INTERVAL_DAYS: i64 = 2;
/// ... for this many weeks.
pub const WEEKS: i64 = 4;

/// A taper schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taper {
    /// Always `anakinra-taper/1`.
    pub schema: &'static str,
    /// The rule.
    pub rule: RuleId,
    /// KF-TAPER is written for arthritis in remission: `sjia`.
    pub indication: Indication,
    /// The dose on each injection day.
    pub dose_mg: Milligrams,
    /// The most the dose was checked against: 200 mg, or the patient's own maximum.
    pub maximum_mg: Milligrams,
    /// Whether the dose was checked against a patient (`--weight`, `--age`, `--indication`).
    pub patient_checked: bool,
    /// Cautions on the dose (RX-NOT-DELIVERABLE, RX-EXCEPTIONAL, RX-BELOW-START).
    pub flags: Vec<RuleId>,
    /// The first day.
    pub from: Date,
    /// Days between injections.
    pub interval_days: i64,
    /// Weeks of tapering.
    pub weeks: i64,
    /// The injection days.
    pub injections: Vec<Date>,
    /// From this day anakinra can be stopped.
    pub stop_from: Date,
}

/// Why no taper is written: each names the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// RX-ABOVE-MAX: above 200 mg/day (KF-EXCEPTIONAL), or above the patient's own maximum.
    AboveMaximum {
        /// The maximum exceeded.
        maximum: Milligrams,
        /// Whether it is the patient's own maximum rather than 200 mg.
        patient: bool,
    },
    /// RX-NOT-DELIVERABLE: below 20 mg, which the graduated syringe cannot give.
    BelowSyringe,
    /// KF-TAPER is written for arthritis in remission (sJIA), not for this indication.
    NotSjia(Indication),
    /// No dose is advised for the patient: the verdict and its first reason.
    NoDose(Verdict, RuleId),
    /// The schedule would run past the last day of the calendar (9999-12-31).
    PastCalendar,
}

/// The schedule from `from`: injections on days 0, 2, ..., 26, and stop from day 28; the dose
/// checked against 20–200 mg and the syringe's marks, and, with `patient` (an assessment with
/// the dose as its prescription), against that patient's verdict and maximum.
///
/// # Errors
///
/// The [`Refusal`] when the dose or the patient does not allow a taper, or the dates run past
/// the calendar.
pub fn schedule(from: Date, dose: Milligrams, patient: Option<&Advice>) -> Result<Taper, Refusal> {
    if dose > LARGEST_DOSE {
        return Err(Refusal::AboveMaximum {
            maximum: LARGEST_DOSE,
            patient: false,
        });
    }
    if dose < SMALLEST_DOSE {
        return Err(Refusal::BelowSyringe);
    }
    let (maximum, flags) = match patient {
        None => {
            let flags = if syringe::is_deliverable(dose) {
                Vec::new()
            } else {
                vec![RuleId::RxNotDeliverable]
            };
            (LARGEST_DOSE, flags)
        }
        Some(advice) => patient_check(advice)?,
    };
    let days = WEEKS * 7;
    let stop_from = from
        .checked_add(days.days())
        .map_err(|_| Refusal::PastCalendar)?;
    let injections = (0..days)
        .step_by(usize::try_from(INTERVAL_DAYS).unwrap_or(2))
        .map(|d| {
            from.checked_add(d.days())
                .map_err(|_| Refusal::PastCalendar)
        })
        .collect::<Result<_, _>>()?;
    Ok(Taper {
        schema: "anakinra-taper/1",
        rule: RuleId::Taper,
        indication: Indication::Sjia,
        dose_mg: dose,
        maximum_mg: maximum,
        patient_checked: patient.is_some(),
        flags,
        from,
        interval_days: INTERVAL_DAYS,
        weeks: WEEKS,
        injections,
        stop_from,
    })
}

/// The patient's maximum and the prescription's cautions, or why there is no taper.
fn patient_check(advice: &Advice) -> Result<(Milligrams, Vec<RuleId>), Refusal> {
    let indication = advice.patient.indication;
    if indication != Indication::Sjia {
        return Err(Refusal::NotSjia(indication));
    }
    if let Some(&first) = advice.reasons.first() {
        return Err(Refusal::NoDose(advice.verdict, first));
    }
    let maximum = advice
        .phases
        .iter()
        .map(|p| p.max)
        .max()
        .unwrap_or(LARGEST_DOSE);
    let Some(rx) = &advice.prescribed else {
        return Ok((maximum, Vec::new()));
    };
    if rx.refused() {
        return Err(Refusal::AboveMaximum {
            maximum,
            patient: true,
        });
    }
    Ok((maximum, rx.rules.clone()))
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

    fn plain(from: Date, mg: u32) -> Result<Taper, Refusal> {
        schedule(from, Milligrams::whole(mg), None)
    }

    /// The advice for a patient of 30 kg, 8 years, with `indication` and `gfr`, and 60 mg/day
    /// prescribed.
    fn advice(indication: Indication, gfr: Option<f64>) -> Advice {
        let patient = crate::dosing::Patient {
            weight: crate::dosing::units::Kilograms::from_centi(3000).unwrap(),
            age: crate::dosing::units::AgeMonths::new(96).unwrap(),
            indication,
            gfr: gfr.map(|g| crate::dosing::units::Gfr::new(g).unwrap()),
            dialysis: false,
        };
        let extras = crate::dosing::Extras {
            prescribed: Some(Milligrams::whole(60)),
            ..crate::dosing::Extras::default()
        };
        crate::dosing::assess(&patient, &extras)
    }

    #[test]
    fn kf_taper_with_a_patient_is_for_sjia_and_a_patient_who_gets_a_dose() {
        let d = Date::constant(2026, 12, 1);
        // sJIA, 30 kg: the most is 8 mg/kg x 30 = 240 -> 200 mg (KF-EXCEPTIONAL's ceiling).
        let t = schedule(
            d,
            Milligrams::whole(60),
            Some(&advice(Indication::Sjia, Some(95.0))),
        )
        .unwrap();
        assert_eq!(t.maximum_mg, Milligrams::whole(200));
        assert!(t.patient_checked);
        assert_eq!(
            schedule(
                d,
                Milligrams::whole(60),
                Some(&advice(Indication::CapsMild, None))
            ),
            Err(Refusal::NotSjia(Indication::CapsMild))
        );
        assert_eq!(
            schedule(
                d,
                Milligrams::whole(60),
                Some(&advice(Indication::Sjia, Some(20.0)))
            ),
            Err(Refusal::NoDose(Verdict::Contraindicated, RuleId::RenalCi))
        );
    }

    #[test]
    fn kf_taper_every_other_day_for_4_weeks() {
        let t = plain(Date::constant(2026, 12, 1), 40).unwrap();
        assert_eq!(t.injections.len(), 14);
        assert_eq!(t.injections.first(), Some(&Date::constant(2026, 12, 1)));
        assert_eq!(t.injections.get(1), Some(&Date::constant(2026, 12, 3)));
        assert_eq!(t.injections.last(), Some(&Date::constant(2026, 12, 27)));
        assert_eq!(t.stop_from, Date::constant(2026, 12, 29));
        assert!(t.flags.is_empty());
    }

    #[test]
    fn rx_above_max_refuses_a_taper_above_200_mg() {
        let d = Date::constant(2026, 12, 1);
        assert_eq!(
            plain(d, 5000),
            Err(Refusal::AboveMaximum {
                maximum: Milligrams::whole(200),
                patient: false
            })
        );
        assert!(plain(d, 201).is_err());
        assert!(plain(d, 200).is_ok());
        assert_eq!(
            schedule(d, Milligrams::from_centi(20_001), None).map(|_| ()),
            Err(Refusal::AboveMaximum {
                maximum: Milligrams::whole(200),
                patient: false
            })
        );
    }

    #[test]
    fn rx_not_deliverable_refuses_below_20_mg_and_flags_a_dose_between_marks() {
        let d = Date::constant(2026, 12, 1);
        assert_eq!(plain(d, 19), Err(Refusal::BelowSyringe));
        assert_eq!(
            schedule(d, Milligrams::from_centi(1_999), None),
            Err(Refusal::BelowSyringe)
        );
        assert!(plain(d, 20).unwrap().flags.is_empty());
        assert_eq!(plain(d, 25).unwrap().flags, vec![RuleId::RxNotDeliverable]);
    }

    #[test]
    fn a_taper_past_the_end_of_the_calendar_is_refused_not_cut_short() {
        assert_eq!(
            plain(Date::constant(9999, 12, 4), 40),
            Err(Refusal::PastCalendar)
        );
        let last = plain(Date::constant(9999, 12, 3), 40).unwrap();
        assert_eq!(last.stop_from, Date::constant(9999, 12, 31));
        assert_eq!(last.injections.len(), 14);
    }
}
