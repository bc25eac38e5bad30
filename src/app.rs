//! The command line as a recipe: parse, validate, advise, render, exit. Errors are printed
//! once, here, as one line on stderr.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use crate::batch;
use crate::cli::{
    BatchArgs, BatchDetail, BatchFormat, BatchInput, CheckArgs, Cli, ColorChoice, Command,
    DoseArgs, Format, SchemaKind,
};
use crate::dosing::{self, Verdict};
use crate::error::InputError;
use crate::record::Record;
use crate::request::{self, PatientFields};
use crate::text::{self, Paint};

/// Exit code: a dose is advised (or the run went through).
pub const EXIT_OK: u8 = 0;
/// Exit code: no dose advised.
pub const EXIT_NO_DOSE: u8 = 1;
/// Exit code: invalid input or usage.
pub const EXIT_USAGE: u8 = 2;
/// Exit code of `batch`: at least one record was invalid.
pub const EXIT_INVALID_RECORDS: u8 = 3;

/// Runs the binary: parses `std::env::args`, runs the command, and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(EXIT_OK);
            }
            if let Some(input) = err.downcast_ref::<InputError>() {
                eprintln!("error: --{}: {}", input.field, input.message());
            } else {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// A closed pipe (`anakinra ... | head -1`) is a normal end.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Runs a parsed command line; `Ok` carries the exit code.
///
/// # Errors
///
/// An [`InputError`] for invalid input; an I/O error when the output cannot be written.
pub fn run(cli: &Cli) -> Result<u8> {
    match &cli.command {
        Command::Dose(args) => dose(args, paint(cli.color)),
        Command::Batch(args) => batch(args),
        Command::Check(args) => check(args),
        Command::Schema(args) => {
            let text = match args.which {
                SchemaKind::Record => crate::schema::RECORD,
                SchemaKind::Check => crate::schema::CHECK,
            };
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(EXIT_OK)
        }
    }
}

/// Colour only when asked, or on a terminal without `NO_COLOR` (no-color.org: an explicit
/// `--color always` overrides it).
fn paint(choice: ColorChoice) -> Paint {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    match choice {
        ColorChoice::Always => Paint::Ansi,
        ColorChoice::Auto if io::stdout().is_terminal() && !no_color && !dumb => Paint::Ansi,
        ColorChoice::Auto | ColorChoice::Never => Paint::Plain,
    }
}

fn dose(args: &DoseArgs, paint: Paint) -> Result<u8> {
    let fields = PatientFields {
        weight: Some(args.weight.as_str().into()),
        age: Some(args.age.as_str().into()),
        indication: Some(args.indication.as_str().into()),
        gfr: args.gfr.as_deref().map(Into::into),
        dialysis: args.dialysis.then_some("true".into()),
        ..PatientFields::default()
    };
    let patient = request::patient(&fields)?;
    let advice = dosing::advise(&patient);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Text => text::write_advice(&mut out, &advice, paint)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &Record::new(&advice))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if advice.verdict == Verdict::Advised {
        EXIT_OK
    } else {
        EXIT_NO_DOSE
    })
}

fn batch(args: &BatchArgs) -> Result<u8> {
    let input = args.input.map(|i| match i {
        BatchInput::Jsonl => batch::InputFormat::Jsonl,
        BatchInput::Csv => batch::InputFormat::Csv,
    });
    let format = match args.format {
        BatchFormat::Jsonl => batch::OutputFormat::Jsonl,
        BatchFormat::Csv => batch::OutputFormat::Csv,
    };
    let detail = match args.detail {
        BatchDetail::Brief => batch::Detail::Brief,
        BatchDetail::Full => batch::Detail::Full,
    };
    let out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let summary = match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            batch::run(
                io::BufReader::with_capacity(64 * 1024, file),
                out,
                input,
                format,
                detail,
            )?
        }
        None => batch::run(
            io::BufReader::with_capacity(64 * 1024, io::stdin().lock()),
            out,
            input,
            format,
            detail,
        )?,
    };
    Ok(if summary.invalid == 0 {
        EXIT_OK
    } else {
        EXIT_INVALID_RECORDS
    })
}

fn check(args: &CheckArgs) -> Result<u8> {
    let report = crate::check::run(&args.files)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Text => crate::check::write_text(&mut out, &report, args.verbose)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if report.failed == 0 {
        EXIT_OK
    } else {
        EXIT_NO_DOSE
    })
}
