//! `anakinra`: a paediatric anakinra (Kineret) dose calculator.
//!
//! The [`dosing`] core takes a validated [`dosing::Patient`] and returns an
//! [`dosing::Advice`]; everything else is an adapter around it: [`request`] validates typed
//! text into a patient, [`record`] and [`text`] render advice, [`app`] is the command line.
#![deny(missing_docs)]

/// The version of the clinical rules; bumped whenever a rule changes.
macro_rules! rules_version {
    () => {
        "2026.12.1"
    };
}

pub mod app;
pub mod batch;
pub mod check;
pub mod cli;
pub mod csv;
pub mod dosing;
pub mod error;
pub mod growth;
pub mod help_nl;
pub mod input;
pub mod lang;
pub mod line;
pub mod parse;
pub mod record;
pub mod reference;
pub mod request;
pub mod schema;
pub mod taper;
pub mod text;
pub mod texts;
pub mod units;

/// The version of the clinical rules, in every record; bumped whenever a rule changes.
pub const RULES_VERSION: &str = rules_version!();
