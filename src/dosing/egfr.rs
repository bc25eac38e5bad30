//! eGFR from height and serum creatinine: the bedside Schwartz formula (RULES.md), validated
//! for children 1 to 18 years with enzymatic (IDMS) creatinine.

use crate::dosing::units::{AgeMonths, Centimetres, Creatinine, Gfr};

/// Bedside Schwartz: eGFR = 0.413 × height (cm) / creatinine (mg/dl).
pub const SCHWARTZ_K: f64 = 0.413;

/// EGFR-AGE: the formula is validated from 1 year ...
pub const VALID_FROM: AgeMonths = match AgeMonths::new(12) {
    Some(age) => age,
    None => AgeMonths::MAX,
};

/// ... to under 18 years.
pub const VALID_UNTIL: AgeMonths = match AgeMonths::new(216) {
    Some(age) => age,
    None => AgeMonths::MAX,
};

/// An estimate with its inputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Egfr {
    /// Height.
    pub height: Centimetres,
    /// Serum creatinine.
    pub creatinine: Creatinine,
    /// The estimate, unrounded: the verdict compares this with 30.
    pub value: Gfr,
}

impl Egfr {
    /// The bedside Schwartz estimate.
    #[allow(clippy::cast_precision_loss)] // a height in hundredths of a cm is far below 2^52
    pub fn bedside_schwartz(height: Centimetres, creatinine: Creatinine) -> Egfr {
        let cm = f64::from(height.centi()) / 100.0;
        let value = SCHWARTZ_K * cm / creatinine.mg_per_dl();
        // Finite and positive: height ≥ 40 cm, creatinine ≥ 5 µmol/l.
        let value = Gfr::new(value).unwrap_or(Gfr::ZERO);
        Egfr {
            height,
            creatinine,
            value,
        }
    }

    /// EGFR-AGE: whether the age is outside 1–18 years, where the formula is not validated.
    pub fn outside_validated_ages(age: AgeMonths) -> bool {
        !(VALID_FROM..VALID_UNTIL).contains(&age)
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
    fn egfr_rules_md_example_100_cm_181_umol() {
        // 181 / 88.4 = 2.04751 mg/dl; 0.413 × 100 / 2.04751 = 20.1708...
        let e = Egfr::bedside_schwartz(
            Centimetres::from_centi(10_000).unwrap(),
            Creatinine::from_umol_per_l(181.0).unwrap(),
        );
        assert_eq!(e.value.centi_floor(), 2017);
        assert!(e.value.get() < 30.0);
    }

    #[test]
    fn egfr_age_outside_1_to_18_years() {
        assert!(Egfr::outside_validated_ages(AgeMonths::new(11).unwrap()));
        assert!(!Egfr::outside_validated_ages(AgeMonths::new(12).unwrap()));
        assert!(!Egfr::outside_validated_ages(AgeMonths::new(215).unwrap()));
        assert!(Egfr::outside_validated_ages(AgeMonths::new(216).unwrap()));
    }
}
