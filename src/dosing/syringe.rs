//! The product: Kineret 100 mg/0.67 ml in a graduated pre-filled syringe (SmPC). Volumes and
//! the syringe marks a dose can be drawn at.

use serde::Serialize;

use crate::dosing::units::{Kilograms, MgPerKgExact, Milligrams, Millilitres};

/// SmPC: 100 mg in 0.67 ml, i.e. 150 mg/ml.
pub const CONCENTRATION_MG_PER_ML: u32 = 150;

/// SmPC: one syringe is the whole pack: 100 mg, shown as the pack shows it, 0.67 ml.
pub const WHOLE_SYRINGE: Milligrams = Milligrams::whole(100);

/// SmPC: the volume of one whole syringe as the pack states it.
pub const WHOLE_SYRINGE_VOLUME: Millilitres = Millilitres::from_centi(67);

/// SmPC: the graduated syringe delivers doses from 20 mg.
pub const SMALLEST_DOSE: Milligrams = Milligrams::whole(20);

/// The largest dose drawn from two syringes: 200 mg.
pub const LARGEST_DOSE: Milligrams = Milligrams::whole(200);

/// ASSUMPTION, NOT CONFIRMED from the product text: the syringe is marked every 10 mg
/// (0.0667 ml). Check against the pack; this one constant carries the assumption.
pub const MARK_STEP: Milligrams = Milligrams::whole(10);

/// A dose that can be drawn from the graduated syringe(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The dose at the mark.
    pub dose: Milligrams,
    /// How many syringes it takes: 1 up to 100 mg, 2 above.
    pub syringes: u8,
}

impl Mark {
    /// The volume to give, see [`volume`].
    pub fn volume(self) -> Millilitres {
        volume(self.dose)
    }

    /// The dose per kilogram, rounded down.
    pub fn per_kg(self, weight: Kilograms) -> MgPerKgExact {
        self.dose.per_kg(weight)
    }
}

/// Whether a daily dose can be given with the graduated syringe(s): a multiple of
/// [`MARK_STEP`] from [`SMALLEST_DOSE`] to [`LARGEST_DOSE`].
pub fn is_deliverable(dose: Milligrams) -> bool {
    (SMALLEST_DOSE..=LARGEST_DOSE).contains(&dose) && dose.centi().is_multiple_of(MARK_STEP.centi())
}

/// The marks inside `[min, max]`, lowest first. Never a mark above `max` (KF-NO-ROUND-UP).
pub fn marks_within(min: Milligrams, max: Milligrams) -> Vec<Mark> {
    let step = MARK_STEP.centi();
    (SMALLEST_DOSE.centi()..=LARGEST_DOSE.centi())
        .step_by(step as usize)
        .map(Milligrams::from_centi)
        .filter(|dose| (min..=max).contains(dose))
        .map(|dose| Mark {
            dose,
            syringes: if dose > WHOLE_SYRINGE { 2 } else { 1 },
        })
        .collect()
}

/// The portions a dose is drawn in: whole syringes of 100 mg while at least 20 mg is left for
/// the next one, otherwise the last two portions share so that the last is 20 mg
/// (110 mg = 90 mg + 20 mg, as in RULES.md).
pub fn portions(dose: Milligrams) -> impl Iterator<Item = Milligrams> {
    let whole = WHOLE_SYRINGE.centi();
    let least = SMALLEST_DOSE.centi();
    let mut left = dose.centi();
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let take = if left <= whole {
            left
        } else if left - whole >= least {
            whole
        } else {
            left - least
        };
        left -= take;
        Some(Milligrams::from_centi(take))
    })
}

/// The volume of a dose at 150 mg/ml, in hundredths of a ml rounded down (never more drug than
/// the mg figure), summed over the syringes it is drawn from; a whole syringe counts as the
/// 0.67 ml the pack states.
pub fn volume(dose: Milligrams) -> Millilitres {
    let centi_ml = portions(dose)
        .map(|portion| {
            if portion == WHOLE_SYRINGE {
                WHOLE_SYRINGE_VOLUME.centi()
            } else {
                // hundredths of a mg / 150 mg/ml = hundredths of a ml; integer division floors.
                portion.centi() / CONCENTRATION_MG_PER_ML
            }
        })
        .sum();
    Millilitres::from_centi(centi_ml)
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

    fn mg(whole: u32) -> Milligrams {
        Milligrams::whole(whole)
    }

    #[test]
    fn volumes_round_down_at_150_mg_per_ml() {
        assert_eq!(volume(mg(40)).centi(), 26); // 0.2667 → 0.26
        assert_eq!(volume(mg(30)).centi(), 20);
        assert_eq!(volume(Milligrams::from_centi(3690)).centi(), 24); // 36.9 mg → 0.246
        assert_eq!(volume(mg(20)).centi(), 13); // 0.1333 → 0.13
    }

    #[test]
    fn a_whole_syringe_is_the_packs_0_67_ml() {
        assert_eq!(volume(mg(100)).centi(), 67);
        assert_eq!(volume(mg(200)).centi(), 134);
        assert_eq!(volume(mg(99)).centi(), 66);
    }

    #[test]
    fn two_syringes_leave_at_least_20_mg_for_the_second() {
        let split: Vec<u32> = portions(mg(110)).map(Milligrams::centi).collect();
        assert_eq!(split, [9000, 2000]);
        let split: Vec<u32> = portions(mg(150)).map(Milligrams::centi).collect();
        assert_eq!(split, [10_000, 5000]);
        // 110 mg: 90 mg (0.6 ml) + 20 mg (0.13 ml)
        assert_eq!(volume(mg(110)).centi(), 73);
        // 150 mg: 0.67 ml + 50 mg (0.33 ml)
        assert_eq!(volume(mg(150)).centi(), 100);
    }

    #[test]
    fn kf_no_round_up_marks_stay_inside_the_range() {
        let marks = marks_within(Milligrams::from_centi(3690), Milligrams::from_centi(4920));
        let doses: Vec<u32> = marks.iter().map(|m| m.dose.centi()).collect();
        assert_eq!(doses, [4000]);
        let marks = marks_within(mg(100), mg(200));
        assert_eq!(marks.len(), 11);
        assert_eq!(marks.first().map(|m| m.syringes), Some(1));
        assert_eq!(marks.last().map(|m| m.syringes), Some(2));
        assert!(marks_within(mg(10), mg(19)).is_empty());
    }

    #[test]
    fn deliverable_doses_are_multiples_of_10_from_20_to_200() {
        assert!(is_deliverable(mg(20)));
        assert!(is_deliverable(mg(200)));
        assert!(is_deliverable(mg(110)));
        assert!(!is_deliverable(mg(10)));
        assert!(!is_deliverable(mg(45)));
        assert!(!is_deliverable(mg(210)));
        assert!(!is_deliverable(Milligrams::from_centi(4001)));
    }
}
