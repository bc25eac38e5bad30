//! Quantities with their units: exact fixed-point weights, doses and volumes, ages in whole
//! months, and GFR. Every type validates in its constructor; arithmetic exists only where it
//! means something (`MgPerKg × Kilograms = Milligrams`).
//!
//! Weights and doses are held in hundredths (of a kilogram, of a milligram) as integers, so
//! `3 mg/kg × 12.3 kg` is exactly 36.90 mg. Where a value must be rounded (a volume, an
//! effective mg/kg), the rounding is named and goes down.

use std::fmt;
use std::ops::Mul;

use serde::{Serialize, Serializer};

/// Writes a value held in hundredths the way a pharmacist writes it: a leading zero, no
/// trailing zeros, and the given decimal mark (`0.26`, `12.5`, `100`).
///
/// # Errors
///
/// When the writer fails.
pub fn write_centi(f: &mut impl fmt::Write, centi: u64, decimal_mark: char) -> fmt::Result {
    f.write_str(CentiText::new(centi, decimal_mark).as_str())
}

/// Hundredths written out the way [`write_centi`] writes them, into a buffer of its own: no
/// formatting machinery and no allocation, for the batch paths that write (and read) numbers
/// for every record.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CentiText {
    /// The text ends the buffer: 20 digits, a mark of up to 4 bytes and 2 decimals fit.
    bytes: [u8; 26],
    /// Where the text starts: a byte keeps the value small to move.
    start: u8,
}

impl CentiText {
    const EMPTY: CentiText = CentiText {
        bytes: [0; 26],
        start: 26,
    };

    /// `centi` hundredths, with `decimal_mark` before the decimals.
    pub fn new(centi: u64, decimal_mark: char) -> CentiText {
        let mut text = CentiText::EMPTY;
        let frac = centi % 100;
        if frac != 0 {
            if !frac.is_multiple_of(10) {
                text.put(b'0' + (frac % 10) as u8);
            }
            text.put(b'0' + (frac / 10) as u8);
            let mut mark = [0; 4];
            for &b in decimal_mark.encode_utf8(&mut mark).as_bytes().iter().rev() {
                text.put(b);
            }
        }
        text.digits(centi / 100);
        text
    }

    /// A whole number.
    pub fn whole(n: u64) -> CentiText {
        let mut text = CentiText::EMPTY;
        text.digits(n);
        text
    }

    /// Writes the digits of `n` before the text.
    fn digits(&mut self, mut n: u64) {
        loop {
            self.put(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
    }

    /// Writes one byte before the text.
    fn put(&mut self, byte: u8) {
        self.start = self.start.saturating_sub(1);
        if let Some(slot) = self.bytes.get_mut(usize::from(self.start)) {
            *slot = byte;
        }
    }

    /// The text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes
            .get(usize::from(self.start)..)
            .unwrap_or_default()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only digits and the mark's UTF-8 bytes were written.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl fmt::Debug for CentiText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Signed hundredths as text, the way [`write_centi`] writes them (`-23.8`, `12.5`).
pub fn centi_text(centi: i64, decimal_mark: char) -> String {
    let mut text = String::from(if centi < 0 { "-" } else { "" });
    // Writing to a String cannot fail.
    let _ = write_centi(&mut text, centi.unsigned_abs(), decimal_mark);
    text
}

/// A value held in hundredths, written the English way, with `.` ([`write_centi`]); the Dutch
/// form is [`crate::i18n::Localize`]'s.
fn fmt_centi(f: &mut fmt::Formatter<'_>, centi: u64) -> fmt::Result {
    write_centi(f, centi, '.')
}

/// Serialises hundredths as a plain JSON number with at most 2 decimals: a whole number as an
/// integer (`30`, not `30.0`), otherwise the division by 100, which gives the double nearest to
/// the decimal, whose shortest representation is that decimal (`36.9`).
#[allow(clippy::cast_precision_loss)] // values here stay far below 2^52
fn serialize_centi<S: Serializer>(centi: u64, serializer: S) -> Result<S::Ok, S::Error> {
    if centi.is_multiple_of(100) {
        serializer.serialize_u64(centi / 100)
    } else {
        serializer.serialize_f64(centi as f64 / 100.0)
    }
}

/// A body weight, exact to 0.01 kg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kilograms {
    centi: u32,
}

impl Kilograms {
    /// The largest weight the tool accepts: 250 kg.
    pub const MAX: Kilograms = Kilograms { centi: 25_000 };

    /// A weight from hundredths of a kilogram; `None` when zero or above [`Kilograms::MAX`].
    pub const fn from_centi(centi: u32) -> Option<Kilograms> {
        if centi == 0 || centi > Self::MAX.centi {
            None
        } else {
            Some(Kilograms { centi })
        }
    }

    /// The weight in hundredths of a kilogram.
    pub const fn centi(self) -> u32 {
        self.centi
    }
}

impl fmt::Display for Kilograms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, u64::from(self.centi))?;
        f.write_str(" kg")
    }
}

impl Serialize for Kilograms {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(u64::from(self.centi), serializer)
    }
}

/// A daily dose, exact to 0.01 mg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Milligrams {
    centi: u32,
}

impl Milligrams {
    /// The largest daily dose a prescription may be typed as: 10,000 mg. Far above any dose the
    /// rules allow, so that a tenfold slip is shown as one (RX-ABOVE-MAX) rather than refused.
    pub const PRESCRIBED_MAX: Milligrams = Milligrams::whole(10_000);

    /// A whole number of milligrams.
    pub const fn whole(mg: u32) -> Milligrams {
        Milligrams { centi: mg * 100 }
    }

    /// A dose from hundredths of a milligram.
    pub const fn from_centi(centi: u32) -> Milligrams {
        Milligrams { centi }
    }

    /// The dose in hundredths of a milligram.
    pub const fn centi(self) -> u32 {
        self.centi
    }

    /// The dose per kilogram of `weight`, rounded down to 0.01 mg/kg (a dose is never
    /// overstated per kilogram).
    pub const fn per_kg(self, weight: Kilograms) -> MgPerKgExact {
        // centi-mg / centi-kg = mg/kg; × 100 for hundredths. Fits: 20 000 000 × 100 < u64::MAX.
        let hundredths = (self.centi as u64 * 100) / weight.centi as u64;
        MgPerKgExact { centi: hundredths }
    }

    /// The smaller of two doses.
    #[must_use]
    pub fn min(self, other: Milligrams) -> Milligrams {
        Ord::min(self, other)
    }
}

impl fmt::Display for Milligrams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, u64::from(self.centi))?;
        f.write_str(" mg")
    }
}

impl Serialize for Milligrams {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(u64::from(self.centi), serializer)
    }
}

/// A whole number of milligrams per kilogram per day, as the formulary gives them.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct MgPerKg(u32);

impl MgPerKg {
    /// A whole mg/kg/day figure.
    pub const fn new(mg_per_kg: u32) -> MgPerKg {
        MgPerKg(mg_per_kg)
    }

    /// The figure itself.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl Mul<Kilograms> for MgPerKg {
    type Output = Milligrams;

    /// Exact: hundredths of a kilogram × whole mg/kg = hundredths of a milligram.
    fn mul(self, weight: Kilograms) -> Milligrams {
        Milligrams::from_centi(self.0 * weight.centi)
    }
}

impl fmt::Display for MgPerKg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mg/kg", self.0)
    }
}

/// A dose per kilogram worked out from a dose and a weight, rounded down to 0.01 mg/kg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MgPerKgExact {
    centi: u64,
}

impl MgPerKgExact {
    /// The value in hundredths of a mg/kg.
    pub const fn centi(self) -> u64 {
        self.centi
    }
}

impl fmt::Display for MgPerKgExact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, self.centi)?;
        f.write_str(" mg/kg")
    }
}

impl Serialize for MgPerKgExact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(self.centi, serializer)
    }
}

/// A volume of solution, in hundredths of a millilitre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Millilitres {
    centi: u32,
}

impl Millilitres {
    /// A volume from hundredths of a millilitre.
    pub const fn from_centi(centi: u32) -> Millilitres {
        Millilitres { centi }
    }

    /// The volume in hundredths of a millilitre.
    pub const fn centi(self) -> u32 {
        self.centi
    }
}

impl fmt::Display for Millilitres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, u64::from(self.centi))?;
        f.write_str(" ml")
    }
}

impl Serialize for Millilitres {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(u64::from(self.centi), serializer)
    }
}

/// An age in completed months.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AgeMonths(u16);

impl AgeMonths {
    /// The oldest age the tool accepts: 130 years.
    pub const MAX: AgeMonths = AgeMonths(130 * 12);

    /// An age from completed months; `None` above [`AgeMonths::MAX`].
    pub const fn new(months: u16) -> Option<AgeMonths> {
        if months > Self::MAX.0 {
            None
        } else {
            Some(AgeMonths(months))
        }
    }

    /// Whole years and months together, as `years * 12 + months`.
    pub const fn years(years: u16) -> Option<AgeMonths> {
        if years > 130 {
            None
        } else {
            AgeMonths::new(years * 12)
        }
    }

    /// Completed months.
    pub const fn months(self) -> u16 {
        self.0
    }
}

impl AgeMonths {
    /// Writes the age the way a clinical note does, `7 months`, `2 years`, `2 years 6 months`,
    /// with the words `[year, years, month, months]` of a language.
    ///
    /// # Errors
    ///
    /// When the formatter fails.
    pub fn write_words(self, f: &mut fmt::Formatter<'_>, words: [&str; 4]) -> fmt::Result {
        let [year, years_word, month, months_word] = words;
        let (years, months) = (self.0 / 12, self.0 % 12);
        let y = |n: u16| if n == 1 { year } else { years_word };
        let m = |n: u16| if n == 1 { month } else { months_word };
        match (years, months) {
            (0, n) => write!(f, "{n} {}", m(n)),
            (n, 0) => write!(f, "{n} {}", y(n)),
            (yn, mn) => write!(f, "{yn} {} {mn} {}", y(yn), m(mn)),
        }
    }
}

impl fmt::Display for AgeMonths {
    /// In English; in Dutch see [`crate::i18n::Localize`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_words(f, ["year", "years", "month", "months"])
    }
}

/// A glomerular filtration rate in ml/min/1.73 m²: finite and not negative.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Gfr(f64);

impl Gfr {
    /// The highest GFR accepted when typed: 250 ml/min/1.73 m².
    pub const TYPED_MAX: f64 = 250.0;

    /// A GFR of zero.
    pub const ZERO: Gfr = Gfr(0.0);

    /// A GFR; `None` when not finite or negative. (No upper limit here: an estimate may exceed
    /// what a typed value may be.)
    pub fn new(value: f64) -> Option<Gfr> {
        (value.is_finite() && value >= 0.0).then_some(Gfr(value))
    }

    /// The value in ml/min/1.73 m², unrounded.
    pub const fn get(self) -> f64 {
        self.0
    }

    /// Hundredths of the value, rounded down, for display: a GFR below 30 never shows as 30.
    ///
    /// A typed `29.9` is held as the double nearest to 29.9, a hair below it; plain
    /// `floor(v × 100)` would show it as 29.89. So the nearest hundredth is taken when its own
    /// double is not above the value, and the floor otherwise: exact for typed decimals, and
    /// never above an estimate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // finite, ≥ 0, small
    pub fn centi_floor(self) -> u64 {
        let nearest = (self.0 * 100.0).round();
        if nearest / 100.0 <= self.0 {
            nearest as u64
        } else {
            (self.0 * 100.0).floor() as u64
        }
    }
}

impl fmt::Display for Gfr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, self.centi_floor())?;
        f.write_str(" ml/min/1.73 m2")
    }
}

impl Serialize for Gfr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(self.centi_floor(), serializer)
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
    fn centi_is_written_the_way_a_pharmacist_writes_it() {
        let show = |c| {
            let mut s = String::new();
            write_centi(&mut s, c, '.').unwrap();
            s
        };
        assert_eq!(show(26), "0.26");
        assert_eq!(show(1250), "12.5");
        assert_eq!(show(10_000), "100");
        assert_eq!(show(5), "0.05");
        assert_eq!(show(0), "0");
    }

    #[test]
    fn centi_text_writes_any_value_and_mark() {
        assert_eq!(
            CentiText::new(u64::MAX, '.').as_str(),
            "184467440737095516.15"
        );
        assert_eq!(CentiText::new(1250, ',').as_str(), "12,5");
        assert_eq!(CentiText::new(1205, '\u{b7}').as_str(), "12\u{b7}05");
        assert_eq!(CentiText::new(7, '.').as_bytes(), b"0.07");
        assert_eq!(format!("{:?}", CentiText::new(30, '.')), "\"0.3\"");
        for (n, text) in [
            (0, "0"),
            (7, "7"),
            (10, "10"),
            (99, "99"),
            (100, "100"),
            (105, "105"),
            (1_000_000, "1000000"),
            (1_000_001, "1000001"),
            (u64::MAX, "18446744073709551615"),
        ] {
            assert_eq!(CentiText::whole(n).as_str(), text);
        }
    }

    #[test]
    fn quantities_display_the_english_way() {
        assert_eq!(Kilograms::from_centi(1250).unwrap().to_string(), "12.5 kg");
        assert_eq!(Kilograms::MAX.to_string(), "250 kg");
        assert_eq!(MgPerKg::new(4).get(), 4);
        assert_eq!(MgPerKg::new(8).to_string(), "8 mg/kg");
        assert_eq!(centi_text(0, '.'), "0");
        assert_eq!(centi_text(-5, ','), "-0,05");
        assert_eq!(centi_text(-2380, '.'), "-23.8");
    }

    #[test]
    fn volumes_heights_gfr_creatinine_and_percentages_display_as_written() {
        assert_eq!(Millilitres::from_centi(26).to_string(), "0.26 ml");
        assert_eq!(
            Centimetres::from_centi(10_450).unwrap().to_string(),
            "104.5 cm"
        );
        assert_eq!(Gfr::new(29.9).unwrap().to_string(), "29.9 ml/min/1.73 m2");
        // 1.15 x 100 is 114.99999999999999 as a double: the typed 1.15 still shows as 1.15.
        assert_eq!(Gfr::new(1.15).unwrap().centi_floor(), 115);
        // 2.05 mg/dl x 88.4 = 181.22 umol/l.
        let c = Creatinine::from_umol_per_l(2.05 * Creatinine::UMOL_PER_MG_DL).unwrap();
        assert_eq!(c.centi_floor(), 18_122);
        assert_eq!(c.to_string(), "181.22 umol/l");
        // A typed 5.1 umol/l is the double nearest 5.1, and 5.1 x 100 is 509.99999999999994: the
        // nearest hundredth, whose own double is that value, shows it as typed.
        assert_eq!(Creatinine::from_umol_per_l(5.1).unwrap().centi_floor(), 510);
        // 0.29 x 100 is 28.999999999999996 umol/l, a hair under 29: never shown above, 28.99.
        let c = Creatinine::from_umol_per_l(0.29 * 100.0).unwrap();
        assert_eq!(c.centi_floor(), 2_899);
        assert!((Creatinine::from_umol_per_l(35.0).unwrap().umol_per_l() - 35.0).abs() < 1e-12);
        // 40 -> 45 mg: +12.5 %; 45 -> 40 mg: -11.11 % (cut toward zero from -11.111...).
        let up = Percent::change(Milligrams::whole(40), Milligrams::whole(45));
        let down = Percent::change(Milligrams::whole(45), Milligrams::whole(40));
        assert_eq!(
            (up.to_string(), down.to_string()),
            ("+12.5 %".into(), "-11.11 %".into())
        );
        assert_eq!(
            Percent::change(Milligrams::whole(40), Milligrams::whole(40)).to_string(),
            "+0 %"
        );
        assert_eq!(serde_json::to_string(&up).unwrap(), "12.5");
        assert_eq!(serde_json::to_string(&down).unwrap(), "-11.11");
        assert_eq!(
            serde_json::to_string(&Percent::change(
                Milligrams::whole(40),
                Milligrams::whole(80)
            ))
            .unwrap(),
            "100"
        );
    }

    #[test]
    fn ages_in_years_are_twelve_months_each_up_to_130() {
        assert_eq!(AgeMonths::years(0).map(AgeMonths::months), Some(0));
        assert_eq!(AgeMonths::years(8).map(AgeMonths::months), Some(96));
        assert_eq!(AgeMonths::years(130), Some(AgeMonths::MAX));
        assert_eq!(AgeMonths::years(131), None);
    }

    #[test]
    fn mg_per_kg_times_weight_is_exact() {
        let w = Kilograms::from_centi(1230).unwrap();
        assert_eq!((MgPerKg::new(3) * w).centi(), 3690);
        assert_eq!((MgPerKg::new(4) * w).centi(), 4920);
        assert_eq!((MgPerKg::new(3) * w).to_string(), "36.9 mg");
    }

    #[test]
    fn per_kg_rounds_down() {
        let w = Kilograms::from_centi(3000).unwrap();
        assert_eq!(Milligrams::whole(100).per_kg(w).centi(), 333);
        let w = Kilograms::from_centi(1230).unwrap();
        // 40 / 12.3 = 3.2520...
        assert_eq!(Milligrams::whole(40).per_kg(w).to_string(), "3.25 mg/kg");
    }

    #[test]
    fn kilograms_refuse_zero_and_above_250() {
        assert!(Kilograms::from_centi(0).is_none());
        assert!(Kilograms::from_centi(25_001).is_none());
        assert_eq!(Kilograms::from_centi(25_000), Some(Kilograms::MAX));
    }

    #[test]
    fn ages_display_in_words() {
        assert_eq!(AgeMonths::new(7).unwrap().to_string(), "7 months");
        assert_eq!(AgeMonths::new(1).unwrap().to_string(), "1 month");
        assert_eq!(AgeMonths::new(96).unwrap().to_string(), "8 years");
        assert_eq!(AgeMonths::new(30).unwrap().to_string(), "2 years 6 months");
        assert!(AgeMonths::new(1561).is_none());
        assert!(AgeMonths::years(131).is_none());
    }

    #[test]
    fn gfr_never_displays_above_its_value() {
        assert_eq!(Gfr::new(29.999).unwrap().centi_floor(), 2999);
        assert_eq!(Gfr::new(29.9).unwrap().centi_floor(), 2990);
        assert_eq!(Gfr::new(29.999_999_9).unwrap().centi_floor(), 2999);
        assert_eq!(Gfr::new(20.169_683_257).unwrap().centi_floor(), 2016);
        assert!(Gfr::new(f64::NAN).is_none());
        assert!(Gfr::new(-0.1).is_none());
        assert!(Gfr::new(f64::INFINITY).is_none());
    }
}

/// The JSON Schema of a quantity written as a plain number with at most 2 decimals.
#[cfg(test)]
macro_rules! number_schema {
    ($($ty:ty => $description:literal;)*) => {
        $(
            impl schemars::JsonSchema for $ty {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($ty).into()
                }

                fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    schemars::json_schema!({"type": "number", "minimum": 0, "description": $description})
                }
            }
        )*
    };
}

#[cfg(test)]
number_schema! {
    Kilograms => "kilograms, at most 2 decimals";
    Milligrams => "milligrams, at most 2 decimals";
    MgPerKgExact => "mg/kg, rounded down to 2 decimals";
    Millilitres => "millilitres, rounded down to 2 decimals";
    Gfr => "ml/min/1.73 m2, rounded down to 2 decimals";
}

/// A signed percentage in hundredths, truncated toward zero (a deviation is never overstated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent {
    centi: i64,
}

impl Percent {
    /// `(to - from) / from × 100`, truncated toward zero to 0.01 %.
    pub fn change(from: Milligrams, to: Milligrams) -> Percent {
        let (from, to) = (i64::from(from.centi), i64::from(to.centi));
        Percent {
            centi: if from == 0 {
                0
            } else {
                (to - from) * 10_000 / from
            },
        }
    }

    /// The percentage in hundredths.
    pub const fn centi(self) -> i64 {
        self.centi
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.centi < 0 { "-" } else { "+" };
        f.write_str(sign)?;
        fmt_centi(f, self.centi.unsigned_abs())?;
        f.write_str(" %")
    }
}

impl Serialize for Percent {
    #[allow(clippy::cast_precision_loss)] // |centi| stays far below 2^52
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.centi % 100 == 0 {
            serializer.serialize_i64(self.centi / 100)
        } else {
            serializer.serialize_f64(self.centi as f64 / 100.0)
        }
    }
}

/// A body height, exact to 0.01 cm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Centimetres {
    centi: u32,
}

impl Centimetres {
    /// The accepted range: 40 to 250 cm.
    pub const RANGE: std::ops::RangeInclusive<u32> = 4_000..=25_000;

    /// A height from hundredths of a cm; `None` outside [`Centimetres::RANGE`].
    pub fn from_centi(centi: u32) -> Option<Centimetres> {
        Self::RANGE
            .contains(&centi)
            .then_some(Centimetres { centi })
    }

    /// The height in hundredths of a cm.
    pub const fn centi(self) -> u32 {
        self.centi
    }
}

impl fmt::Display for Centimetres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, u64::from(self.centi))?;
        f.write_str(" cm")
    }
}

impl Serialize for Centimetres {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(u64::from(self.centi), serializer)
    }
}

/// Serum creatinine, held in µmol/l (mg/dl × 88.4).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Creatinine {
    umol_per_l: f64,
}

impl Creatinine {
    /// µmol/l per mg/dl.
    pub const UMOL_PER_MG_DL: f64 = 88.4;
    /// The accepted range in µmol/l.
    pub const RANGE_UMOL_L: std::ops::RangeInclusive<f64> = 5.0..=2000.0;

    /// A creatinine from µmol/l; `None` outside [`Creatinine::RANGE_UMOL_L`].
    pub fn from_umol_per_l(value: f64) -> Option<Creatinine> {
        Self::RANGE_UMOL_L
            .contains(&value)
            .then_some(Creatinine { umol_per_l: value })
    }

    /// The value in µmol/l.
    pub const fn umol_per_l(self) -> f64 {
        self.umol_per_l
    }

    /// The value in mg/dl.
    pub fn mg_per_dl(self) -> f64 {
        self.umol_per_l / Self::UMOL_PER_MG_DL
    }

    /// Hundredths of µmol/l, rounded down, for display.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in range, ≥ 0
    pub fn centi_floor(self) -> u64 {
        let nearest = (self.umol_per_l * 100.0).round();
        if nearest / 100.0 <= self.umol_per_l {
            nearest as u64
        } else {
            (self.umol_per_l * 100.0).floor() as u64
        }
    }
}

impl fmt::Display for Creatinine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_centi(f, self.centi_floor())?;
        f.write_str(" umol/l")
    }
}

impl Serialize for Creatinine {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centi(self.centi_floor(), serializer)
    }
}

#[cfg(test)]
number_schema! {
    Centimetres => "centimetres, at most 2 decimals";
    Creatinine => "umol/l, rounded down to 2 decimals";
}

#[cfg(test)]
impl schemars::JsonSchema for Percent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "number", "description": "percent of the prescribed dose, signed, truncated to 2 decimals"})
    }
}
