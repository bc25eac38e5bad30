//! `anakinra check`: runs reference case files through the calculation and reports every case
//! that differs, ending with `N passed, M failed`.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use serde::Serialize;

use crate::cmd::reference::{self, Case, Mismatch};
use crate::i18n::Lang;
use crate::input::grammar::visible;

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

/// The name the built-in cases are reported under.
pub const BUILT_IN_NAME: &str = "built-in";

/// Parses a case file; a malformed one names the file, line and column.
///
/// # Errors
///
/// When the text is not a JSON array of cases.
pub fn parse<'a>(name: &str, text: &'a str, lang: Lang) -> Result<Vec<Case<'a>>> {
    serde_json::from_str(text).map_err(|err| {
        let message = err.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        anyhow!(
            "{name}:{}:{}: {}: {message}",
            err.line(),
            err.column(),
            lang.pick("not a valid case file", "geen geldig casusbestand")
        )
    })
}

/// Runs every case of every file (the built-in cases when `files` is empty).
///
/// # Errors
///
/// When a file cannot be read or is malformed.
pub fn run(files: &[impl AsRef<Path>], lang: Lang) -> Result<Report> {
    let mut cases = Vec::new();
    if files.is_empty() {
        for case in parse(BUILT_IN_NAME, reference::BUILT_IN, lang)? {
            cases.push(result(BUILT_IN_NAME, &case, lang));
        }
    }
    for path in files {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{} {name}", lang.pick("cannot read", "kan niet lezen:")))?;
        for case in parse(&name, &text, lang)? {
            cases.push(result(&name, &case, lang));
        }
    }
    let failed = cases.iter().filter(|c| !c.passed).count() as u64;
    Ok(Report {
        schema: REPORT_SCHEMA,
        tool_version: crate::output::record::TOOL_VERSION,
        rules_version: crate::RULES_VERSION,
        passed: cases.len() as u64 - failed,
        failed,
        cases,
    })
}

fn result(file: &str, case: &Case<'_>, lang: Lang) -> CaseResult {
    let mismatches: Vec<MismatchRecord> = reference::check(case, lang)
        .into_iter()
        .map(Into::into)
        .collect();
    CaseResult {
        file: file.to_string(),
        id: case.id.clone(),
        passed: mismatches.is_empty(),
        mismatches,
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
