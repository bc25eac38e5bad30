//! Weight-for-age plausibility (GROWTH-WFA, GROWTH-NO-REF): a z-score from the CDC 2000 LMS
//! tables, to catch a tenfold slip or pounds typed as kilograms before any dose is worked out.
//! Never used to calculate a dose.

use crate::dosing::units::{AgeMonths, Kilograms};

/// GROWTH-WFA: a caution beyond this |z|.
pub const CAUTION_Z: f64 = 3.0;
/// GROWTH-WFA: refused as invalid input beyond this |z|, unless confirmed.
pub const REFUSE_Z: f64 = 5.0;
/// The infant table is used below this age (completed months).
pub const CHILD_TABLE_FROM: AgeMonths = match AgeMonths::new(24) {
    Some(a) => a,
    None => AgeMonths::MAX,
};
/// GROWTH-NO-REF: the tables end at 240 months.
pub const TABLES_END: AgeMonths = match AgeMonths::new(240) {
    Some(a) => a,
    None => AgeMonths::MAX,
};

/// Sex, for the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Female (CDC sex 2).
    F,
    /// Male (CDC sex 1).
    M,
}

/// One row of a table: L, M, S at an age in months.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Lms {
    age: f64,
    l: f64,
    m: f64,
    s: f64,
}

// The CDC tables (`data/growth/*.csv`) as arrays, generated and committed (not read at run time,
// nor parsed at build time): INFANT_MALE, INFANT_FEMALE, CHILD_MALE, CHILD_FEMALE. The test
// `tables_are_the_committed_csv_files` regenerates them and compares.
#[rustfmt::skip]
mod tables;
use tables::{CHILD_FEMALE, CHILD_MALE, INFANT_FEMALE, INFANT_MALE};

/// L, M, S at `age` completed months: the row at mid-month (months + 0.5), where the CDC
/// tabulates every month of both tables (the infant table below 24 months, the child table
/// from 24). `None` past the last row.
fn lms(sex: Sex, age: AgeMonths) -> Option<Lms> {
    let rows: &[Lms] = match (age < CHILD_TABLE_FROM, sex) {
        (true, Sex::M) => &INFANT_MALE,
        (true, Sex::F) => &INFANT_FEMALE,
        (false, Sex::M) => &CHILD_MALE,
        (false, Sex::F) => &CHILD_FEMALE,
    };
    let x = f64::from(age.months()) + 0.5;
    // Binary search (this runs for every record of a batch); ages n + 0.5 are exact in binary.
    let at = rows.binary_search_by(|r| r.age.total_cmp(&x)).ok()?;
    rows.get(at).copied()
}

impl Lms {
    /// The weight at z-score `k`: M·(1 + L·S·k)^(1/L), or M·e^(S·k) when L = 0.
    fn at(self, k: f64) -> f64 {
        if self.l.abs() < 1e-12 {
            self.m * (self.s * k).exp()
        } else {
            self.m * (1.0 + self.l * self.s * k).powf(1.0 / self.l)
        }
    }

    /// The z-score of weight `w`: LMS within ±3, WHO's linear extension beyond (as WHO's
    /// anthro software: the CDC tables are skewed, and plain LMS would cap z near 3.4).
    fn z(self, w: f64) -> f64 {
        let z = if self.l.abs() < 1e-12 {
            (w / self.m).ln() / self.s
        } else {
            ((w / self.m).powf(self.l) - 1.0) / (self.l * self.s)
        };
        if z > 3.0 {
            let (sd3, sd2) = (self.at(3.0), self.at(2.0));
            3.0 + (w - sd3) / (sd3 - sd2)
        } else if z < -3.0 {
            let (sd3, sd2) = (self.at(-3.0), self.at(-2.0));
            -3.0 + (w - sd3) / (sd2 - sd3)
        } else {
            z
        }
    }
}

/// The result of the check for one patient.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Growth {
    /// Checked: the z-score (the less extreme of the two sexes when sex is not given) and the
    /// weights at z −3 and +3 for that age (the union of both sexes' when not given); those
    /// weights are worked out only when |z| > 3, where they are shown, and NaN otherwise.
    Checked {
        /// The weight-for-age z-score.
        z: f64,
        /// The weight at z −3, kg.
        low_kg: f64,
        /// The weight at z +3, kg.
        high_kg: f64,
    },
    /// 240 months or more: the tables end, no check (GROWTH-NO-REF).
    NoReference,
}

impl Growth {
    /// Whether the caution applies: |z| > 3.
    pub fn flagged(self) -> bool {
        matches!(self, Growth::Checked { z, .. } if z.abs() > CAUTION_Z)
    }

    /// The weights at z −3 and +3 in hundredths of a kg, shown to 0.1 kg inside the range
    /// (the lower end rounded up, the upper end down); `None` when not checked, or when
    /// |z| <= 3 and the range was not worked out.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // positive, bounded
    pub fn range_centi(self) -> Option<(u64, u64)> {
        match self {
            Growth::Checked {
                low_kg, high_kg, ..
            } if low_kg.is_finite() && high_kg.is_finite() => Some((
                (low_kg * 10.0).ceil() as u64 * 10,
                (high_kg * 10.0).floor() as u64 * 10,
            )),
            Growth::Checked { .. } | Growth::NoReference => None,
        }
    }

    /// The z-score as shown, in hundredths, cut toward zero (never shown more extreme than it
    /// is): the one rounding of z for the refusal and the caution alike. `None` when not
    /// checked.
    #[allow(clippy::cast_possible_truncation)] // finite, |z| far below i64's range
    pub fn z_centi(self) -> Option<i64> {
        match self {
            Growth::Checked { z, .. } if z.is_finite() => Some((z * 100.0).trunc() as i64),
            Growth::Checked { .. } | Growth::NoReference => None,
        }
    }

    /// Whether the weight is refused unless confirmed: |z| > 5.
    pub fn implausible(self) -> bool {
        matches!(self, Growth::Checked { z, .. } if z.abs() > REFUSE_Z)
    }
}

/// Checks a weight for an age, for a sex when given.
pub fn check(weight: Kilograms, age: AgeMonths, sex: Option<Sex>) -> Growth {
    if age >= TABLES_END {
        return Growth::NoReference;
    }
    let w = f64::from(weight.centi()) / 100.0;
    let (first, second) = match sex {
        Some(sex) => (lms(sex, age), None),
        None => (lms(Sex::F, age), lms(Sex::M, age)),
    };
    let Some(first) = first else {
        return Growth::NoReference;
    };
    // Without sex: the less extreme z. The z +-3 weights are worked out only when shown.
    let z_first = first.z(w);
    let z = match second {
        Some(second) => {
            let z_second = second.z(w);
            if z_first.abs() <= z_second.abs() {
                z_first
            } else {
                z_second
            }
        }
        None => z_first,
    };
    if z.abs() <= CAUTION_Z {
        return Growth::Checked {
            z,
            low_kg: f64::NAN,
            high_kg: f64::NAN,
        };
    }
    let rows = [Some(first), second];
    let low_kg = rows
        .iter()
        .flatten()
        .map(|r| r.at(-3.0))
        .fold(f64::INFINITY, f64::min);
    let high_kg = rows
        .iter()
        .flatten()
        .map(|r| r.at(3.0))
        .fold(f64::NEG_INFINITY, f64::max);
    Growth::Checked { z, low_kg, high_kg }
}

/// The median weight of the tables at an age, for tests of the check on the tables themselves.
pub fn median_kg(sex: Sex, age: AgeMonths) -> Option<f64> {
    lms(sex, age).map(|row| row.m)
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

    fn age(m: u16) -> AgeMonths {
        AgeMonths::new(m).unwrap()
    }

    fn kg(w: f64) -> Kilograms {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Kilograms::from_centi((w * 100.0).round() as u32).unwrap()
    }

    #[test]
    fn the_tables_load_both_sexes_at_mid_months() {
        assert_eq!((INFANT_MALE.len(), INFANT_FEMALE.len()), (38, 38));
        assert_eq!((CHILD_MALE.len(), CHILD_FEMALE.len()), (218, 218));
        // 8 months -> 8.5 in the infant table: the row `1,8.5,-0.1334091,9.081119817,0.113217163`.
        let row = lms(Sex::M, age(8)).unwrap();
        assert!((row.age - 8.5).abs() < 1e-9);
        assert!((row.m - 9.081_119_817).abs() < 1e-9, "{}", row.m);
        assert!((row.l + 0.133_409_1).abs() < 1e-9 && (row.s - 0.113_217_163).abs() < 1e-9);
    }

    #[test]
    fn growth_wfa_takes_the_child_table_from_24_months_and_ends_at_239() {
        // 23 months -> 23.5 in the infant table: `1,23.5,-0.19670196,12.59913494,0.108095077`.
        let row = lms(Sex::M, age(23)).unwrap();
        assert!((row.l + 0.196_701_96).abs() < 1e-12, "{}", row.l);
        // 24 months -> 24.5 in the child table, `1,24.5,-0.216501213,12.74154396,0.108166006`,
        // not the infant table's `1,24.5,-0.21650121,12.74154396,0.108166005`.
        let row = lms(Sex::M, age(24)).unwrap();
        assert!((row.l + 0.216_501_213).abs() < 1e-12, "{}", row.l);
        assert!((row.s - 0.108_166_006).abs() < 1e-12, "{}", row.s);
        // 239 months -> 239.5, the last mid-month row: `2,239.5,-1.518754013,58.1987714,...`.
        let row = lms(Sex::F, age(239)).unwrap();
        assert!((row.m - 58.198_771_4).abs() < 1e-9, "{}", row.m);
        // Every month from 0 to 239 has its row, in both tables and for both sexes.
        for months in 0..240 {
            for sex in [Sex::F, Sex::M] {
                let row = lms(sex, age(months)).unwrap();
                assert!((row.age - (f64::from(months) + 0.5)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn lms_with_l_zero_is_the_log_normal_form() {
        // No CDC row has L = 0, but the formula has a case for it: W = M·e^(S·z), z = ln(W/M)/S.
        // M 10, S 0.1: z 1 is 10·e^0.1 = 11.051709180756477 kg; 10·e^0.2 = 12.214027581601698 kg
        // is z 2.
        let row = Lms {
            age: 0.5,
            l: 0.0,
            m: 10.0,
            s: 0.1,
        };
        assert!(
            (row.at(1.0) - 11.051_709_180_756_477).abs() < 1e-12,
            "{}",
            row.at(1.0)
        );
        assert!(
            (row.at(-1.0) - 9.048_374_180_359_595).abs() < 1e-12,
            "{}",
            row.at(-1.0)
        );
        assert!((row.at(2.0) - 12.214_027_581_601_698).abs() < 1e-12);
        assert!((row.z(12.214_027_581_601_698) - 2.0).abs() < 1e-12);
        assert!((row.z(8.187_307_530_779_819) + 2.0).abs() < 1e-12);
    }

    #[test]
    fn growth_wfa_z_and_range_at_4_years_worked_out_from_the_rows() {
        // Rows at 48.5 months (wtage.csv): F L -1.177029925 M 15.87823668 S 0.131802186,
        // M L -0.915241589 M 16.31676727 S 0.11995532. W(z) = M(1 + LSz)^(1/L); beyond z 3 the
        // WHO extension z = 3 + (W - SD3)/(SD3 - SD2). Worked out with a calculator:
        // 60 kg: z F 9.2660, M 12.0168 -> the less extreme, 9.26 (cut toward zero);
        // z -3 weights F 11.4764, M 11.9547 -> the lower, 11.4764 -> 11.5 (rounded up);
        // z +3 weights F 27.0316, M 25.2474 -> the higher, 27.0316 -> 27.0 (rounded down).
        let g = check(kg(60.0), age(48), None);
        assert_eq!(g.z_centi(), Some(926));
        assert_eq!(g.range_centi(), Some((1150, 2700)));
        assert!(g.flagged() && g.implausible());
        assert_eq!(check(kg(60.0), age(48), Some(Sex::M)).z_centi(), Some(1201));
        // 9 kg: z F -5.1636, M -5.5027 -> -5.16, refused unless confirmed; same range.
        let g = check(kg(9.0), age(48), None);
        assert_eq!(g.z_centi(), Some(-516));
        assert_eq!(g.range_centi(), Some((1150, 2700)));
        assert!(g.implausible());
        // 12 kg: z F -2.5168, M -2.9582 -> -2.51; within 3, so no range is worked out.
        let g = check(kg(12.0), age(48), None);
        assert_eq!(g.z_centi(), Some(-251));
        assert_eq!(g.range_centi(), None);
        assert!(!g.flagged() && !g.implausible());
        // 20 kg at 24 months (rows at 24.5): z F 4.0917, M 4.1167 -> F's, 4.09; range from
        // F's z -3 weight 9.086 (-> 9.1) to M's z +3 weight 17.838 (-> 17.8).
        let g = check(kg(20.0), age(24), None);
        assert_eq!(g.z_centi(), Some(409));
        assert_eq!(g.range_centi(), Some((910, 1780)));
        assert!(g.flagged() && !g.implausible());
        assert_eq!(check(kg(20.0), age(240), None).z_centi(), None);
    }

    #[test]
    fn growth_wfa_median_is_z_0() {
        let m = median_kg(Sex::F, age(60)).unwrap();
        let Growth::Checked { z, .. } = check(kg(m), age(60), Some(Sex::F)) else {
            panic!()
        };
        assert!(z.abs() < 0.01, "{z}");
    }

    #[test]
    fn growth_wfa_extension_is_linear_beyond_3() {
        let row = lms(Sex::F, age(180)).unwrap();
        let (sd2, sd3) = (row.at(2.0), row.at(3.0));
        assert!((row.z(sd3) - 3.0).abs() < 1e-6);
        // One more (SD3 - SD2) beyond SD3 is z 4, exactly.
        assert!((row.z(sd3 + (sd3 - sd2)) - 4.0).abs() < 1e-9);
        let (minus_two, minus_three) = (row.at(-2.0), row.at(-3.0));
        assert!((row.z(minus_three - (minus_two - minus_three)) + 4.0).abs() < 1e-9);
    }

    #[test]
    fn growth_no_ref_from_240_months() {
        assert_eq!(check(kg(70.0), age(240), None), Growth::NoReference);
        assert!(matches!(
            check(kg(70.0), age(239), None),
            Growth::Checked { .. }
        ));
    }

    #[test]
    fn growth_wfa_without_sex_takes_the_less_extreme() {
        let w = kg(30.0);
        let Growth::Checked { z: zf, .. } = check(w, age(96), Some(Sex::F)) else {
            panic!()
        };
        let Growth::Checked { z: zm, .. } = check(w, age(96), Some(Sex::M)) else {
            panic!()
        };
        let Growth::Checked { z, .. } = check(w, age(96), None) else {
            panic!()
        };
        assert!((z - if zf.abs() < zm.abs() { zf } else { zm }).abs() < 1e-12);
    }

    /// The check on the tables themselves: every month from 8 to 216, each sex and without:
    /// the median × 10 and × 0.1 are refused; × 2.2046 (pounds typed as kilograms) is at least
    /// cautioned from 1 to 8 years. A tenfold weight above 250 kg is refused by the weight
    /// parser before any z-score (teenage girls: 10 × 52.7 kg); at or under 250 kg, by z > 5.
    #[test]
    fn growth_wfa_catches_tenfold_slips_and_pounds_on_the_tables() {
        for months in 8..=216 {
            for sex in [Some(Sex::F), Some(Sex::M), None] {
                for table_sex in [Sex::F, Sex::M] {
                    if sex.is_some_and(|s| s != table_sex) {
                        continue;
                    }
                    let median = median_kg(table_sex, age(months)).unwrap();
                    let tenfold = median * 10.0;
                    if tenfold > 250.0 {
                        assert!(
                            crate::input::grammar::weight(&format!("{tenfold:.2}")).is_err(),
                            "x10 at {months} m"
                        );
                    } else {
                        assert!(
                            check(kg(tenfold), age(months), sex).implausible(),
                            "x10 at {months} m, {sex:?}"
                        );
                    }
                    assert!(
                        check(kg(median * 0.1), age(months), sex).implausible(),
                        "x0.1 at {months} m, {sex:?}"
                    );
                    if (12..=96).contains(&months) {
                        let pounds = check(kg(median * 2.2046), age(months), sex);
                        assert!(
                            pounds.flagged(),
                            "lb as kg at {months} m, {sex:?}: {pounds:?}"
                        );
                    }
                }
            }
        }
    }
    /// The tables as `tables.rs` holds them, generated from the CSV files as published.
    fn generated() -> String {
        use std::fmt::Write as _;
        let mut out = String::from(
            "//! Generated from `data/growth/*.csv` (CDC 2000 weight-for-age, LMS) by the test\n\
             //! `tables_are_the_committed_csv_files`: do not edit; regenerate with\n\
             //! `ANAKINRA_BLESS=1 cargo test --lib growth`.\n\n\
             use super::Lms;\n",
        );
        for (name, file) in [("INFANT", "wtageinf.csv"), ("CHILD", "wtage.csv")] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/growth")
                .join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let mut rows = [Vec::new(), Vec::new()];
            for line in text.lines().skip(1) {
                let cells: Vec<&str> = line.split(',').take(5).map(str::trim).collect();
                let [sex, age, l, m, s] = cells[..] else {
                    panic!("{file}: short line {line:?}")
                };
                for number in [age, l, m, s] {
                    number.parse::<f64>().unwrap();
                }
                let at = match sex {
                    "1" => 0,
                    "2" => 1,
                    other => panic!("{file}: sex {other:?}"),
                };
                rows[at].push(format!(
                    "Lms {{ age: {age}_f64, l: {l}_f64, m: {m}_f64, s: {s}_f64 }}"
                ));
            }
            for (sex, rows) in ["MALE", "FEMALE"].iter().zip(rows) {
                writeln!(out, "\n/// CDC `{file}`, {sex}: (age in months, L, M, S).").unwrap();
                writeln!(out, "#[allow(clippy::unreadable_literal, clippy::excessive_precision)] // as published").unwrap();
                writeln!(
                    out,
                    "pub(super) const {name}_{sex}: [Lms; {}] = [",
                    rows.len()
                )
                .unwrap();
                for row in rows {
                    writeln!(out, "    {row},").unwrap();
                }
                writeln!(out, "];").unwrap();
            }
        }
        out
    }

    #[test]
    fn tables_are_the_committed_csv_files() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/dosing/growth/tables.rs");
        let generated = generated();
        if std::env::var_os("ANAKINRA_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == generated,
            "src/dosing/growth/tables.rs differs from data/growth/*.csv: regenerate with ANAKINRA_BLESS=1 cargo test --lib growth"
        );
    }
}
