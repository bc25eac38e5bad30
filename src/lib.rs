//! `anakinra`: a paediatric anakinra (Kineret) dose calculator.
#![deny(missing_docs)]

/// The version of the clinical rules; bumped whenever a rule changes.
macro_rules! rules_version {
    () => {
        "2026.12.1"
    };
}

pub mod cmd;
pub mod dosing;
pub mod i18n;
pub mod input;
pub mod output;

/// The version of the clinical rules, in every record; bumped whenever a rule changes.
pub const RULES_VERSION: &str = rules_version!();
