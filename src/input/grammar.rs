//! The grammar of numbers and units typed by a person: weights in kg, ages with a unit, GFR.
//! One grammar for the command line, JSON lines and CSV cells.
//!
//! A number has a leading digit, optionally one decimal mark (`.` or `,`) followed by digits,
//! and nothing else: no sign, no exponent, no thousands separator, no digits other than ASCII.

use crate::dosing::units::{AgeMonths, Centimetres, Creatinine, Gfr, Kilograms, Milligrams};

/// Why a typed value was refused. Its `Display` says what was wrong, in words for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was given.
    Empty,
    /// A `+` or `-` sign.
    Sign,
    /// Starts with a decimal mark, as `.5`.
    NoLeadingDigit,
    /// Not a number at all (`NaN`, `inf`, `abc`, non-ASCII digits).
    NotANumber,
    /// Scientific notation, as `1e3`.
    Exponent,
    /// More than one decimal mark, as `1.250,5` or `12..5`, or a mark with no digits after it.
    Marks,
    /// Decimals where a whole number is asked for.
    NotWhole,
    /// More decimals than allowed; `thousands` when it looks like `10,000`.
    TooManyDecimals {
        /// The most allowed.
        max: u8,
        /// Exactly three decimals after a comma or a point: probably a thousands separator.
        thousands: bool,
    },
    /// Something after the number that is not an accepted unit.
    Trailing(String),
    /// A unit other than the one asked for.
    WrongUnit(String),
    /// No unit where one is required.
    MissingUnit,
    /// Zero where a positive amount is needed.
    Zero,
    /// Above the largest accepted value.
    TooLarge,
    /// A weight that reads as grams: the kilograms it would be, in hundredths.
    LooksLikeGrams(u64),
    /// A height that reads as metres: the centimetres it would be, in hundredths.
    LooksLikeMetres(u64),
    /// Months after years outside 0–11.
    MonthsAfterYears,
    /// Outside the accepted range.
    OutOfRange,
    /// Not a date in one of the accepted forms.
    NotADate,
    /// A date that does not exist, as 2026-02-30.
    NoSuchDay,
    /// A birth date after the date the age is wanted on.
    BirthAfterDate,
    /// Not one of the accepted words.
    NotAWord,
    /// GROWTH-WFA: a weight implausible for the age (|z| > 5), not confirmed.
    Implausible {
        /// The z-score, in hundredths.
        z_centi: i64,
        /// The weight at z −3, in hundredths of a kg.
        low_centi: u64,
        /// The weight at z +3, in hundredths of a kg.
        high_centi: u64,
    },
}

/// A decimal in hundredths, and the text after it.
struct Decimal<'a> {
    centi: u64,
    rest: &'a str,
}

/// Reads a non-negative decimal with at most `max_decimals` (≤ 2) decimals at the start of
/// `text`, up to the first character that is neither a digit nor a decimal mark.
fn decimal(text: &str, max_decimals: u8) -> Result<Decimal<'_>, Problem> {
    // Bytes, not chars: every byte before the first other one is ASCII, so `end` is a char
    // boundary.
    let end = text
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(end);
    match text.chars().next() {
        None => return Err(Problem::Empty),
        Some('+' | '-' | '\u{2212}') => return Err(Problem::Sign),
        Some('.' | ',') => return Err(Problem::NoLeadingDigit),
        Some(c) if !c.is_ascii_digit() => return Err(Problem::NotANumber),
        Some(_) => {}
    }
    if let Some(after) = rest.strip_prefix(['e', 'E'])
        && after.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
    {
        return Err(Problem::Exponent);
    }
    // Only digits and marks from here: bytes, compared without char patterns (this runs for
    // every number of a batch).
    let is_mark = |b: &u8| *b == b'.' || *b == b',';
    let number = number.as_bytes();
    let (whole, frac) = match number.iter().position(is_mark) {
        Some(at) => {
            let (whole, frac) = number.split_at(at);
            let frac = frac.get(1..).unwrap_or_default();
            if frac.is_empty() || frac.iter().any(is_mark) {
                return Err(Problem::Marks);
            }
            (whole, frac)
        }
        None => (number, &[][..]),
    };
    if frac.len() > usize::from(max_decimals) {
        return Err(Problem::TooManyDecimals {
            max: max_decimals,
            thousands: frac.len() == 3,
        });
    }
    // Nine digits are plenty for anything this tool accepts, and keep the sum in range.
    if whole.iter().skip_while(|&&b| b == b'0').count() > 9 {
        return Err(Problem::TooLarge);
    }
    let digits = |s: &[u8]| s.iter().fold(0_u64, |n, &b| n * 10 + u64::from(b - b'0'));
    let mut centi = digits(whole) * 100;
    let mut scale = 10;
    for &b in frac {
        centi += u64::from(b - b'0') * scale;
        scale /= 10;
    }
    Ok(Decimal { centi, rest })
}

/// A number with at most 2 decimals, then nothing or `unit` (any case, after at most one
/// space). Anything else after the number is a wrong unit when `other_unit` says it looks
/// like one, else trailing text. Returns hundredths.
fn with_unit(text: &str, unit: &str, other_unit: impl Fn(&str) -> bool) -> Result<u64, Problem> {
    let Decimal { centi, rest } = decimal(text, 2)?;
    let given = rest.strip_prefix(' ').unwrap_or(rest);
    if given.is_empty() || given.eq_ignore_ascii_case(unit) {
        Ok(centi)
    } else if other_unit(given) {
        Err(Problem::WrongUnit(given.to_string()))
    } else {
        Err(Problem::Trailing(rest.to_string()))
    }
}

/// Units of mass that are not kg, to say "weights are entered in kg" rather than "garbage".
const OTHER_MASS_UNITS: [&str; 12] = [
    "lb", "lbs", "pound", "pounds", "g", "gr", "gram", "grams", "st", "stone", "oz", "mg",
];

/// Parses a weight: `12`, `12.5`, `12,5`, `12.25kg`, `12,5 kg`. At most 2 decimals, above zero,
/// at most 250 kg.
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn weight(text: &str) -> Result<Kilograms, Problem> {
    let centi = with_unit(text, "kg", |unit| {
        let lower = unit.to_ascii_lowercase();
        let lower = lower.trim_end_matches('.');
        OTHER_MASS_UNITS.contains(&lower) || lower.starts_with("mg/")
    })?;
    if centi == 0 {
        return Err(Problem::Zero);
    }
    // 1,000 and more that is a weight in kg once divided by 1,000 (whole tens of grams, so
    // the kg are exact): typed in grams.
    let as_kg = centi / 1_000;
    if centi >= 100_000 && centi.is_multiple_of(1_000) && as_kg <= u64::from(Kilograms::MAX.centi())
    {
        return Err(Problem::LooksLikeGrams(as_kg));
    }
    u32::try_from(centi)
        .ok()
        .and_then(Kilograms::from_centi)
        .ok_or(Problem::TooLarge)
}

/// Parses an age with its unit: `8m`, `8mo`, `8mnd`, `8 maanden`, `8 months`, `3y`, `3j`,
/// `3jr`, `3 jaar`, `3 years`, `2y6m`, `2 jaar 6 maanden` (spaces allowed between the parts).
/// Whole numbers only; 0 to 130 years.
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn age(text: &str) -> Result<AgeMonths, Problem> {
    let (first, rest) = whole_number(text)?;
    let (unit, rest) = unit_word(rest);
    // Compared in place, any case: this runs for every record of a batch.
    let months = if YEAR_UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
        let years = first;
        let rest = rest.trim_start_matches(' ');
        let extra = if rest.is_empty() {
            0
        } else {
            let (m, rest) = whole_number(rest)?;
            let (unit, rest) = unit_word(rest);
            if !is_month_unit(unit) {
                return Err(if unit.is_empty() {
                    Problem::MissingUnit
                } else {
                    Problem::WrongUnit(unit.to_string())
                });
            }
            if !rest.is_empty() {
                return Err(Problem::Trailing(rest.to_string()));
            }
            if m > 11 {
                return Err(Problem::MonthsAfterYears);
            }
            m
        };
        years.checked_mul(12).and_then(|m| m.checked_add(extra))
    } else if is_month_unit(unit) {
        if !rest.is_empty() {
            return Err(Problem::Trailing(rest.to_string()));
        }
        Some(first)
    } else if !unit.is_empty() {
        return Err(Problem::WrongUnit(unit.to_string()));
    } else if rest.is_empty() {
        return Err(Problem::MissingUnit);
    } else {
        return Err(Problem::Trailing(rest.to_string()));
    };
    months
        .and_then(|m| u16::try_from(m).ok())
        .and_then(AgeMonths::new)
        .ok_or(Problem::TooLarge)
}

/// Years as people write them, in English and Dutch: `3y`, `3j`, `3jr`, `3 jaar`, `3 years`.
const YEAR_UNITS: [&str; 8] = ["y", "j", "jr", "jaar", "yr", "yrs", "year", "years"];

/// Months: `8m`, `8mo`, `8mnd`, `8 maanden`, `8 months`.
const MONTH_UNITS: [&str; 7] = ["m", "mo", "mnd", "maand", "maanden", "month", "months"];

fn is_month_unit(unit: &str) -> bool {
    MONTH_UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit))
}

/// A whole number at the start of `text` (no sign, no decimals), and the text after it.
fn whole_number(text: &str) -> Result<(u64, &str), Problem> {
    let Decimal { centi, rest } = decimal(text, 0).map_err(|p| match p {
        Problem::TooManyDecimals { .. } => Problem::NotWhole,
        other => other,
    })?;
    Ok((centi / 100, rest))
}

/// The ASCII letters at the start of `text` (after optional spaces), and the text after them.
fn unit_word(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches(' ');
    let end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Whether `unit` is a way to write ml/min or ml/min/1.73 m² (any case, `.` or `,`, with or
/// without the space and the ²).
fn is_gfr_unit(unit: &str) -> bool {
    let unit: String = unit
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| match c {
            ',' => '.',
            '²' => '2',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    matches!(unit.as_str(), "ml/min" | "ml/min/1.73m2")
}

/// Parses a typed GFR in ml/min/1.73 m²: a number from 0 to 250 with at most 2 decimals,
/// optionally with its unit (`95 ml/min`, `95 ml/min/1.73 m2`).
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn gfr(text: &str) -> Result<Gfr, Problem> {
    let Decimal { centi, rest } = decimal(text, 2)?;
    let unit = rest.strip_prefix(' ').unwrap_or(rest);
    if !unit.is_empty() && !is_gfr_unit(unit) {
        return Err(Problem::Trailing(rest.to_string()));
    }
    #[allow(clippy::cast_precision_loss)] // at most 9 digits
    let value = centi as f64 / 100.0;
    if value > Gfr::TYPED_MAX {
        return Err(Problem::TooLarge);
    }
    Gfr::new(value).ok_or(Problem::NotANumber)
}

/// Parses a prescribed daily dose: `40`, `40mg`, `40 mg`, `12,5 mg`; at most 2 decimals,
/// above zero, at most 10,000 mg. Any other unit (`mg/kg`, `ml`, `g`, ...) is refused.
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn dose(text: &str) -> Result<Milligrams, Problem> {
    // µ (U+00B5) and μ (U+03BC) are letters too: `40 µg` is a wrong unit.
    let centi = with_unit(text, "mg", |unit| unit.starts_with(char::is_alphabetic))?;
    if centi == 0 {
        return Err(Problem::Zero);
    }
    u32::try_from(centi)
        .ok()
        .map(Milligrams::from_centi)
        .filter(|&mg| mg <= Milligrams::PRESCRIBED_MAX)
        .ok_or(Problem::TooLarge)
}

/// Parses a height: `104`, `104.5`, `104,5 cm`; 40 to 250 cm.
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn height(text: &str) -> Result<Centimetres, Problem> {
    let centi = with_unit(text, "cm", |unit| {
        unit.starts_with(|c: char| c.is_alphabetic() || c == '"' || c == '\'')
    })?;
    // A height once read as metres (0.40-2.50 m, so under 40 cm as typed): typed in metres.
    let as_cm = centi * 100;
    if Centimetres::RANGE.contains(&u32::try_from(as_cm).unwrap_or(u32::MAX)) {
        return Err(Problem::LooksLikeMetres(as_cm));
    }
    u32::try_from(centi)
        .ok()
        .and_then(Centimetres::from_centi)
        .ok_or(Problem::OutOfRange)
}

/// Parses a serum creatinine with its unit, which is required: `181umol/l`, `181 µmol/l`,
/// `181 μmol/L`, `2.05 mg/dl` (any case); 5 to 2000 µmol/l.
///
/// # Errors
///
/// The [`Problem`] when the text does not follow the grammar or the range.
pub fn creatinine(text: &str) -> Result<Creatinine, Problem> {
    let Decimal { centi, rest } = decimal(text, 2)?;
    let unit = rest.strip_prefix(' ').unwrap_or(rest).to_lowercase();
    #[allow(clippy::cast_precision_loss)] // at most 9 digits
    let value = centi as f64 / 100.0;
    let umol = match unit.as_str() {
        "umol/l" | "µmol/l" | "μmol/l" => value,
        "mg/dl" => value * Creatinine::UMOL_PER_MG_DL,
        "" => return Err(Problem::MissingUnit),
        _ => return Err(Problem::WrongUnit(rest.trim_start().to_string())),
    };
    Creatinine::from_umol_per_l(umol).ok_or(Problem::OutOfRange)
}

/// Parses a date, `YYYY-MM-DD` or `DD-MM-YYYY` (month and day with one or two digits:
/// `14-3-2021`), refusing days that do not exist.
///
/// # Errors
///
/// The [`Problem`] when the text is not such a date.
pub fn date(text: &str) -> Result<jiff::civil::Date, Problem> {
    let parts: Vec<&str> = text.split('-').collect();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // Four digits of year; one or two of month and day, as people write them (14-3-2021).
    let short = |s: &str| (1..=2).contains(&s.len());
    let (y, m, d) = match parts.as_slice() {
        [a, m, b] if a.len() == 4 && short(m) && short(b) => (*a, *m, *b),
        [a, m, b] if short(a) && short(m) && b.len() == 4 => (*b, *m, *a),
        _ if text.is_empty() => return Err(Problem::Empty),
        _ => return Err(Problem::NotADate),
    };
    if ![y, m, d].into_iter().all(all_digits) {
        return Err(Problem::NotADate);
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else {
        return Err(Problem::NotADate);
    };
    jiff::civil::Date::new(y, m, d).map_err(|_| Problem::NoSuchDay)
}

/// Completed months from `birth` to `on`: a month is completed on the same day of the month,
/// or on the month's last day where that day does not exist (born 31 January: 1 month on
/// 28/29 February; born 29 February: 12 months on 28 February of a common year).
///
/// # Errors
///
/// [`Problem::BirthAfterDate`] when `birth` is after `on`; [`Problem::TooLarge`] above 130 years.
pub fn completed_months(
    birth: jiff::civil::Date,
    on: jiff::civil::Date,
) -> Result<AgeMonths, Problem> {
    if birth > on {
        return Err(Problem::BirthAfterDate);
    }
    let months = (i32::from(on.year()) - i32::from(birth.year())) * 12 + i32::from(on.month())
        - i32::from(birth.month());
    let anniversary_day = birth.day().min(on.days_in_month());
    let months = if on.day() < anniversary_day {
        months - 1
    } else {
        months
    };
    u16::try_from(months)
        .ok()
        .and_then(AgeMonths::new)
        .ok_or(Problem::TooLarge)
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
    use crate::i18n::Lang;

    fn kg(text: &str) -> u32 {
        weight(text).unwrap().centi()
    }

    #[test]
    fn weights_in_every_accepted_form() {
        assert_eq!(kg("12"), 1200);
        assert_eq!(kg("12.5"), 1250);
        assert_eq!(kg("12,5"), 1250);
        assert_eq!(kg("12.25kg"), 1225);
        assert_eq!(kg("12,5 kg"), 1250);
        assert_eq!(kg("12,5 KG"), 1250);
        assert_eq!(kg("0.01"), 1);
        assert_eq!(kg("250"), 25_000);
        assert_eq!(kg("007"), 700);
    }

    #[test]
    fn weights_refused_with_the_reason() {
        assert_eq!(weight("25lb"), Err(Problem::WrongUnit("lb".into())));
        assert_eq!(weight("25 lbs"), Err(Problem::WrongUnit("lbs".into())));
        assert_eq!(weight("12 mg/kg"), Err(Problem::WrongUnit("mg/kg".into())));
        assert_eq!(weight("-3"), Err(Problem::Sign));
        assert_eq!(weight("+3"), Err(Problem::Sign));
        assert_eq!(weight("1e3"), Err(Problem::Exponent));
        assert_eq!(weight("1e+3"), Err(Problem::Exponent));
        assert_eq!(weight("1E-3"), Err(Problem::Exponent));
        assert_eq!(weight("1ex"), Err(Problem::Trailing("ex".into())));
        assert_eq!(
            weight("10,000"),
            Err(Problem::TooManyDecimals {
                max: 2,
                thousands: true
            })
        );
        assert_eq!(
            weight("1.2345"),
            Err(Problem::TooManyDecimals {
                max: 2,
                thousands: false
            })
        );
        assert_eq!(weight("12."), Err(Problem::Marks));
        assert_eq!(weight("0"), Err(Problem::Zero));
        assert_eq!(weight("250.01"), Err(Problem::TooLarge));
        assert_eq!(weight("99999999999999999999"), Err(Problem::TooLarge));
        assert_eq!(weight("12  kg"), Err(Problem::Trailing("  kg".into())));
        assert_eq!(weight(" 12"), Err(Problem::NotANumber));
    }

    fn months(text: &str) -> u16 {
        age(text).unwrap().months()
    }

    #[test]
    fn ages_in_every_accepted_form() {
        assert_eq!(months("8m"), 8);
        assert_eq!(months("8mo"), 8);
        assert_eq!(months("8mnd"), 8);
        assert_eq!(months("3y"), 36);
        assert_eq!(months("3j"), 36);
        assert_eq!(months("2y6m"), 30);
        assert_eq!(months("2y 6m"), 30);
        assert_eq!(months("2y0m"), 24);
        assert_eq!(months("0m"), 0);
        assert_eq!(months("130y"), 1560);
        assert_eq!(months("1560m"), 1560);
        assert_eq!(months("8M"), 8);
        // As people write them, in English and Dutch.
        for (text, want) in [
            ("8 jaar", 96),
            ("8jr", 96),
            ("8 yr", 96),
            ("8 yrs", 96),
            ("1 year", 12),
            ("8 years", 96),
            ("8 maanden", 8),
            ("1 maand", 1),
            ("1 month", 1),
            ("8 months", 8),
            ("2 jaar 6 maanden", 30),
            ("2 years 11 months", 35),
        ] {
            assert_eq!(months(text), want, "{text}");
        }
        assert_eq!(age("8 jaren"), Err(Problem::WrongUnit("jaren".into())));
    }

    #[test]
    fn a_weight_in_grams_and_a_height_in_metres_are_named() {
        // 25000 is no weight in kg (above 250) but 25 kg in grams; 1000 g is 1 kg.
        assert_eq!(weight("25000"), Err(Problem::LooksLikeGrams(2500)));
        assert_eq!(weight("1000"), Err(Problem::LooksLikeGrams(100)));
        assert_eq!(weight("250000"), Err(Problem::LooksLikeGrams(25_000)));
        assert_eq!(weight("250001"), Err(Problem::TooLarge));
        assert_eq!(weight("12345"), Err(Problem::TooLarge));
        assert_eq!(weight("12340"), Err(Problem::LooksLikeGrams(1_234)));
        assert_eq!(weight("999,99"), Err(Problem::TooLarge));
        assert_eq!(weight("250,01"), Err(Problem::TooLarge));
        assert_eq!(
            Problem::LooksLikeGrams(2500).message(Lang::En),
            "too large: grams? That is 25 kg; weights are entered in kg"
        );
        // 1.12 is no height in cm (under 40) but 112 cm in metres; 0.39 m is under 40 cm too.
        assert_eq!(height("1.12"), Err(Problem::LooksLikeMetres(11_200)));
        assert_eq!(height("0,4"), Err(Problem::LooksLikeMetres(4_000)));
        assert_eq!(height("2.5"), Err(Problem::LooksLikeMetres(25_000)));
        assert_eq!(height("0.39"), Err(Problem::OutOfRange));
        assert_eq!(height("39.99"), Err(Problem::OutOfRange));
        assert_eq!(height("40").map(Centimetres::centi), Ok(4_000));
        assert_eq!(
            Problem::LooksLikeMetres(11_200).message(Lang::Nl),
            "te klein: meter? Geef de lengte in cm: 112"
        );
    }

    #[test]
    fn a_gfr_may_carry_its_unit() {
        for text in [
            "95 ml/min",
            "95ml/min",
            "95 ML/MIN",
            "95 ml/min/1.73 m2",
            "95 ml/min/1,73m²",
        ] {
            assert_eq!(gfr(text).map(Gfr::centi_floor), Ok(9_500), "{text}");
        }
        assert_eq!(gfr("95 ml"), Err(Problem::Trailing(" ml".into())));
        assert_eq!(gfr("95 mg/min"), Err(Problem::Trailing(" mg/min".into())));
    }

    #[test]
    fn ages_refused_with_the_reason() {
        assert_eq!(age("8"), Err(Problem::MissingUnit));
        assert_eq!(age("2y6"), Err(Problem::MissingUnit));
        assert_eq!(age("2y13m"), Err(Problem::MonthsAfterYears));
        assert_eq!(age("130y1m"), Err(Problem::TooLarge));
        assert_eq!(age("1561m"), Err(Problem::TooLarge));
        assert_eq!(age("3.5y"), Err(Problem::NotWhole));
        assert_eq!(age("8w"), Err(Problem::WrongUnit("w".into())));
        assert_eq!(age("2y6y"), Err(Problem::WrongUnit("y".into())));
        assert_eq!(age("8m3"), Err(Problem::Trailing("3".into())));
        assert_eq!(age("8!"), Err(Problem::Trailing("!".into())));
        assert_eq!(age("8 "), Err(Problem::MissingUnit));
        assert_eq!(age("-1y"), Err(Problem::Sign));
        assert_eq!(age(""), Err(Problem::Empty));
    }

    #[test]
    fn gfr_typed() {
        assert_eq!(gfr("29.9").unwrap().centi_floor(), 2990);
        assert_eq!(gfr("30").unwrap().centi_floor(), 3000);
        assert_eq!(gfr("0").unwrap().centi_floor(), 0);
        assert_eq!(gfr("250").unwrap().centi_floor(), 25_000);
        assert_eq!(gfr("250.01"), Err(Problem::TooLarge));
        assert_eq!(gfr("45 ml"), Err(Problem::Trailing(" ml".into())));
        assert_eq!(gfr("-5"), Err(Problem::Sign));
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod counter_tests {
    use super::*;
    use jiff::civil::Date;

    fn months(birth: Date, on: Date) -> u16 {
        completed_months(birth, on).unwrap().months()
    }

    #[test]
    fn a_month_is_completed_on_the_same_day_or_the_months_last_day() {
        let d = Date::constant;
        assert_eq!(months(d(2024, 1, 31), d(2024, 2, 28)), 0);
        assert_eq!(months(d(2024, 1, 31), d(2024, 2, 29)), 1); // leap year: last day of February
        assert_eq!(months(d(2025, 1, 31), d(2025, 2, 28)), 1);
        assert_eq!(months(d(2020, 2, 29), d(2021, 2, 28)), 12);
        assert_eq!(months(d(2020, 2, 29), d(2021, 2, 27)), 11);
        assert_eq!(months(d(2020, 5, 15), d(2020, 6, 14)), 0);
        assert_eq!(months(d(2020, 5, 15), d(2020, 6, 15)), 1);
        assert_eq!(months(d(2020, 5, 15), d(2020, 5, 15)), 0);
        assert_eq!(
            completed_months(d(2030, 1, 1), d(2026, 1, 1)),
            Err(Problem::BirthAfterDate)
        );
    }

    #[test]
    fn dates_in_both_orders_and_no_such_days() {
        assert_eq!(date("2020-02-29"), Ok(Date::constant(2020, 2, 29)));
        assert_eq!(date("29-02-2020"), Ok(Date::constant(2020, 2, 29)));
        assert_eq!(date("2026-02-30"), Err(Problem::NoSuchDay));
        assert_eq!(date("2021-02-29"), Err(Problem::NoSuchDay));
        assert_eq!(date("2026/01/01"), Err(Problem::NotADate));
        // Four digits of year, one or two of month and day, in either order.
        assert_eq!(date("2026-1-1"), Ok(Date::constant(2026, 1, 1)));
        assert_eq!(date("14-3-2021"), Ok(Date::constant(2021, 3, 14)));
        assert_eq!(date("1-12-2021"), Ok(Date::constant(2021, 12, 1)));
        for bad in [
            "001-01-2026",
            "01-001-2026",
            "01-01-202",
            "2026-001-01",
            "2026-01-001",
            "202-01-01",
            "20266-01-01",
            "01-01-20266",
            "2026-01",
            "2026-01-01-01",
        ] {
            assert_eq!(date(bad), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(date("+026-01-01"), Err(Problem::NotADate));
        assert_eq!(date(""), Err(Problem::Empty));
    }

    #[test]
    fn doses_in_mg_only() {
        assert_eq!(dose("40").unwrap().centi(), 4000);
        assert_eq!(dose("40mg").unwrap().centi(), 4000);
        assert_eq!(dose("12,5 MG").unwrap().centi(), 1250);
        assert_eq!(dose("40 mg/kg"), Err(Problem::WrongUnit("mg/kg".into())));
        assert_eq!(dose("40 µg"), Err(Problem::WrongUnit("µg".into())));
        assert_eq!(dose("40μg"), Err(Problem::WrongUnit("μg".into())));
        assert_eq!(dose("40 %"), Err(Problem::Trailing(" %".into())));
        assert_eq!(dose("0.3ml"), Err(Problem::WrongUnit("ml".into())));
        assert_eq!(dose("1g"), Err(Problem::WrongUnit("g".into())));
        assert_eq!(dose("0"), Err(Problem::Zero));
        assert_eq!(dose("10000.01"), Err(Problem::TooLarge));
    }

    #[test]
    fn heights_in_cm_40_to_250() {
        assert_eq!(height("104,5 cm").unwrap().centi(), 10_450);
        assert_eq!(height("40").unwrap().centi(), 4000);
        assert_eq!(height("39.99"), Err(Problem::OutOfRange));
        // Nine digits are read (and are out of range); ten are too large to read.
        assert_eq!(height("123456789"), Err(Problem::OutOfRange));
        assert_eq!(height("1234567890"), Err(Problem::TooLarge));
        assert_eq!(
            height("0000000000104"),
            Ok(Centimetres::from_centi(10_400).unwrap())
        );
        assert_eq!(height("1.04m"), Err(Problem::WrongUnit("m".into())));
        assert_eq!(height("41\""), Err(Problem::WrongUnit("\"".into())));
        assert_eq!(height("41 'in"), Err(Problem::WrongUnit("'in".into())));
        assert_eq!(height("104 %"), Err(Problem::Trailing(" %".into())));
    }

    #[test]
    fn creatinine_needs_its_unit() {
        assert_eq!(creatinine("181umol/l").unwrap().centi_floor(), 18_100);
        assert_eq!(creatinine("181 µmol/L").unwrap().centi_floor(), 18_100);
        assert_eq!(creatinine("181 μmol/l").unwrap().centi_floor(), 18_100);
        // 0.5 mg/dl x 88.4 = 44.2 umol/l
        assert_eq!(creatinine("0.5 mg/dl").unwrap().centi_floor(), 4420);
        assert_eq!(creatinine("0.5"), Err(Problem::MissingUnit));
        assert_eq!(
            creatinine("181 mmol/l"),
            Err(Problem::WrongUnit("mmol/l".into()))
        );
        assert_eq!(creatinine("4.99umol/l"), Err(Problem::OutOfRange));
        assert_eq!(creatinine("2000.01umol/l"), Err(Problem::OutOfRange));
    }
}
