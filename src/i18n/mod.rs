//! The language a person reads: English or Dutch. JSON keys and enum values stay English;
//! every text follows the language, and Dutch writes numbers with a decimal comma.

pub mod rules;

use std::fmt;

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

    /// A quantity as this language writes it: `12.5 mg` or `12,5 mg`.
    pub fn num(self, value: &impl fmt::Display) -> String {
        match self {
            Lang::En => format!("{value}"),
            Lang::Nl => format!("{value:#}"),
        }
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
