//! `anakinra`: a paediatric anakinra (Kineret) dose calculator.
//!
//! One folder per layer, listed from the core out: the core uses nothing else of the crate, the
//! command line uses everything (docs/ARCHITECTURE.md follows a patient through them):
//!
//! - [`dosing`]: the pure core. A validated [`dosing::Patient`] in, a [`dosing::Advice`] out:
//!   the rules of RULES.md with their ids, the unit types and their bounds, the weight-for-age
//!   tables, the taper schedule. No I/O, no language.
//! - [`i18n`]: the words, in English and Dutch: [`i18n::Lang`], quantities in a language
//!   ([`i18n::Localize`]), the text of every rule ([`i18n::rules`]) and every message
//!   ([`i18n::messages`]).
//! - [`input`]: the one validation path. The field table ([`input::field`]), the grammar of
//!   typed values ([`input::grammar`]), the JSON-lines and CSV readers, reference case files;
//!   [`input::request`] turns text into a request and [`input::request::Request::assess`]
//!   assesses it.
//! - [`output`]: one module per format: the JSON record, the batch's brief line and CSV row,
//!   the text note, the taper's lines and iCalendar file, the check report, the schemas.
//! - [`cmd`]: the command line. clap's arguments, the Dutch help, one module per subcommand,
//!   the exit codes ([`cmd::Exit`]), and the one place an error is printed.
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
