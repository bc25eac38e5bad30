//! The report of `anakinra check`: JSON (`anakinra-check/1`) or text lines ending in exactly
//! `N passed, M failed`.

use std::io::{self, Write};

use serde::Serialize;

use crate::i18n::Lang;
use crate::i18n::messages::visible;
use crate::input::reference::Mismatch;

/// The schema name of the check report.
pub const REPORT_SCHEMA: &str = "anakinra-check/1";

/// The JSON report of a check run.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Report {
    /// Always `anakinra-check/1`.
    pub schema: &'static str,
    /// The tool version.
    pub tool_version: &'static str,
    /// The version of the rules.
    pub rules_version: &'static str,
    /// Cases that gave the expected answer.
    pub passed: u64,
    /// Cases that did not.
    pub failed: u64,
    /// Every case, in file order.
    pub cases: Vec<CaseResult>,
}

/// One case's result.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CaseResult {
    /// The case file, or `built-in`.
    pub file: String,
    /// The case id.
    pub id: String,
    /// Whether every field matched.
    pub passed: bool,
    /// The fields that did not.
    pub mismatches: Vec<MismatchRecord>,
}

/// A mismatching field.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct MismatchRecord {
    /// Which field, e.g. `verdict`, `escalation.max_mg` or a rule id.
    pub field: String,
    /// What the case expects.
    pub expected: String,
    /// What the calculation gave.
    pub got: String,
}

impl From<Mismatch> for MismatchRecord {
    fn from(m: Mismatch) -> MismatchRecord {
        MismatchRecord {
            field: m.field,
            expected: m.expected,
            got: m.got,
        }
    }
}

/// Writes the report as text: one line per failing case (and per passing case when
/// `verbose`), then exactly `N passed, M failed` (`N geslaagd, M mislukt` in Dutch).
///
/// # Errors
///
/// When the writer fails.
pub fn write_text(
    out: &mut impl Write,
    report: &Report,
    verbose: bool,
    lang: Lang,
) -> io::Result<()> {
    let (fail, expected, got) = match lang {
        Lang::En => ("FAIL ", "expected", "got"),
        Lang::Nl => ("FOUT ", "verwacht", "gekregen"),
    };
    for case in &report.cases {
        if case.passed {
            if verbose {
                writeln!(out, "ok    {} ({})", visible(&case.id), visible(&case.file))?;
            }
            continue;
        }
        let fields: Vec<String> = case
            .mismatches
            .iter()
            .map(|m| format!("{}: {expected} {}, {got} {}", m.field, m.expected, m.got))
            .collect();
        // Ids, file names and messages are the user's text: escaped, so a case cannot print a
        // line that reads like a verdict of ours.
        writeln!(
            out,
            "{fail} {} ({}): {}",
            visible(&case.id),
            visible(&case.file),
            visible(&fields.join("; "))
        )?;
    }
    // The closing line a CI log is read for: `N passed, M failed` (in Dutch, its translation).
    match lang {
        Lang::En => writeln!(out, "{} passed, {} failed", report.passed, report.failed),
        Lang::Nl => writeln!(out, "{} geslaagd, {} mislukt", report.passed, report.failed),
    }
}
