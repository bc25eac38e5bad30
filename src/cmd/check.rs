//! `anakinra check`: runs reference case files through the calculation and reports every case
//! that differs, ending with `N passed, M failed`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cmd::Exit;
use crate::cmd::args::{CheckArgs, Format};
use crate::i18n::Lang;
use crate::input::reference::{self, Case};
use crate::output::check::{CaseResult, MismatchRecord, REPORT_SCHEMA, Report, write_text};

/// Why a check cannot run: one line on stderr, exit 2.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// A case file that cannot be read.
    #[error("cannot read {}: {source}", .path.display())]
    CannotRead {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A case file that is not a JSON array of cases: serde_json's error, with its line and
    /// column.
    #[error("{name}: not a valid case file: {source}")]
    Malformed {
        /// The file, or `built-in`.
        name: String,
        /// What is wrong, and where.
        source: serde_json::Error,
    },
    /// The report cannot be written.
    #[error("{0}")]
    Write(#[from] io::Error),
}

impl CheckError {
    /// The line on stderr, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CheckError::CannotRead { path, source } => format!(
                "{} {}: {source}",
                lang.pick("cannot read", "kan niet lezen:"),
                path.display()
            ),
            CheckError::Malformed { name, source } => format!(
                "{name}:{}:{}: {}: {}",
                source.line(),
                source.column(),
                lang.pick("not a valid case file", "geen geldig casusbestand"),
                crate::i18n::messages::without_position(source)
            ),
            CheckError::Write(err) => err.to_string(),
        }
    }
}

/// `anakinra check`: exit 0 when every case passed, 1 when one failed.
///
/// # Errors
///
/// A [`CheckError`] for a file that cannot be read or is malformed, or a report that cannot be
/// written.
pub fn command(args: &CheckArgs, lang: Lang, out: &mut impl Write) -> Result<Exit, CheckError> {
    let report = run(&args.files, lang)?;
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Text => write_text(&mut out, &report, args.verbose, lang)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &report).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if report.failed == 0 {
        Exit::Ok
    } else {
        Exit::NoDose
    })
}

/// The name the built-in cases are reported under.
pub const BUILT_IN_NAME: &str = "built-in";

/// Parses a case file; a malformed one names the file, line and column.
///
/// # Errors
///
/// When the text is not a JSON array of cases.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<Vec<Case<'a>>, CheckError> {
    serde_json::from_str(text).map_err(|source| CheckError::Malformed {
        name: name.to_string(),
        source,
    })
}

/// Runs every case of every file (the built-in cases when `files` is empty).
///
/// # Errors
///
/// When a file cannot be read or is malformed.
pub fn run(files: &[impl AsRef<Path>], lang: Lang) -> Result<Report, CheckError> {
    let mut cases = Vec::new();
    if files.is_empty() {
        for case in parse(BUILT_IN_NAME, reference::BUILT_IN)? {
            cases.push(result(BUILT_IN_NAME, &case, lang));
        }
    }
    for path in files {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| CheckError::CannotRead {
            path: path.to_path_buf(),
            source,
        })?;
        for case in parse(&name, &text)? {
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
