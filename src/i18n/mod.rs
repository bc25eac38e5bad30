//! The words a person reads, in English or Dutch: the language ([`Lang`]), quantities written
//! in it ([`Localize`]: Dutch writes a decimal comma), the text of every rule ([`rules`]) and
//! every message ([`messages`]). JSON keys and enum values stay English.

pub mod messages;
pub mod rules;

use std::fmt;

use crate::dosing::units::{
    AgeMonths, Centimetres, Creatinine, Gfr, Kilograms, MgPerKg, MgPerKgExact, Milligrams,
    Millilitres, Percent, write_centi,
};

/// A language of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The language from the environment: `ANAKINRA_LANG`, else the first non-empty of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order): Dutch when it starts with `nl`, else
    /// English. `var` looks a variable up (so tests need not touch the process environment).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = var("ANAKINRA_LANG").filter(|v| !v.is_empty()).or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| var(name).filter(|v| !v.is_empty()))
        });
        match chosen {
            Some(value) if value.to_ascii_lowercase().starts_with("nl") => Lang::Nl,
            _ => Lang::En,
        }
    }

    /// A quantity as this language writes it: `12.5 mg` or `12,5 mg`, `2 years 6 months` or
    /// `2 jaar 6 maanden` (see [`Localized`]).
    pub fn num(self, value: &impl Localize) -> String {
        Localized(value, self).to_string()
    }

    /// The decimal mark: `.` in English, `,` in Dutch.
    pub const fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Nl => ',',
        }
    }

    /// The English or the Dutch text.
    pub const fn pick(self, en: &'static str, nl: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }
}

/// A quantity that is written one way in English and another in Dutch: the decimal mark, and
/// for an age its words. The unit types' own `Display` is the English form.
pub trait Localize {
    /// Writes the quantity as `lang` writes it.
    ///
    /// # Errors
    ///
    /// When the formatter fails.
    fn write_in(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result;
}

/// A quantity shown in a language: `Localized(&dose, Lang::Nl)` displays `12,5 mg`.
pub struct Localized<'a, T: ?Sized>(pub &'a T, pub Lang);

impl<T: Localize + ?Sized> fmt::Display for Localized<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_in(f, self.1)
    }
}

/// Quantities held in hundredths: English as their `Display`; Dutch the hundredths with a
/// decimal comma, then the unit.
macro_rules! hundredths {
    ($($ty:ty => |$v:ident| $centi:expr, $nl:literal;)*) => {$(
        impl Localize for $ty {
            fn write_in(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
                if lang == Lang::En {
                    return fmt::Display::fmt(self, f);
                }
                let $v = self;
                write_centi(f, $centi, lang.decimal_mark())?;
                f.write_str($nl)
            }
        }
    )*};
}

hundredths! {
    Kilograms => |v| u64::from(v.centi()), " kg";
    Milligrams => |v| u64::from(v.centi()), " mg";
    MgPerKgExact => |v| v.centi(), " mg/kg";
    Millilitres => |v| u64::from(v.centi()), " ml";
    Centimetres => |v| u64::from(v.centi()), " cm";
    Creatinine => |v| v.centi_floor(), " umol/l";
    // One decimal mark per language, in the unit too.
    Gfr => |v| v.centi_floor(), " ml/min/1,73 m2";
}

impl Localize for MgPerKg {
    /// A whole number: the same in both languages.
    fn write_in(&self, f: &mut fmt::Formatter<'_>, _: Lang) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Localize for Percent {
    fn write_in(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        if lang == Lang::En {
            return fmt::Display::fmt(self, f);
        }
        f.write_str(if self.centi() < 0 { "-" } else { "+" })?;
        write_centi(f, self.centi().unsigned_abs(), lang.decimal_mark())?;
        f.write_str(" %")
    }
}

impl Localize for AgeMonths {
    /// English as [`AgeMonths`]'s `Display`; Dutch `2 jaar 6 maanden`.
    fn write_in(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        match lang {
            Lang::En => fmt::Display::fmt(self, f),
            Lang::Nl => self.write_words(f, ["jaar", "jaar", "maand", "maanden"]),
        }
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

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn anakinra_lang_wins() {
        assert_eq!(
            Lang::from_env(env(&[("ANAKINRA_LANG", "nl"), ("LANG", "en_GB.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env(env(&[("ANAKINRA_LANG", "en"), ("LC_ALL", "nl_NL.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn posix_order_first_non_empty() {
        assert_eq!(
            Lang::from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "nl_BE.UTF-8"),
                ("LANG", "en_US")
            ])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "nl_NL")])),
            Lang::En
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }
}
