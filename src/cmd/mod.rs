//! The command line as a recipe: parse, validate, assess, render, exit. Errors are printed
//! once, here, as one line on stderr.

pub mod args;
pub mod batch;
pub mod check;
pub mod help_nl;
pub mod reference;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches};
use serde::Serialize;

use crate::cmd::args::{
    BatchArgs, BatchDetail, BatchFormat, BatchInput, CheckArgs, Cli, ColorChoice, Command,
    DoseArgs, Format, LangChoice, RulesArgs, SchemaKind, TaperArgs, TaperFormat,
};
use crate::dosing::{self, RuleId};
use crate::i18n::Lang;
use crate::input::error::{Field, InputError, Wrong};
use crate::input::request::{self, PatientFields};
use crate::output::record::{Assessed, Record};
use crate::output::text::{self, Paint, Style};

/// Exit code: a dose is advised (or the run went through).
pub const EXIT_OK: u8 = 0;
/// Exit code: no dose advised, or the prescribed dose refused.
pub const EXIT_NO_DOSE: u8 = 1;
/// Exit code: invalid input or usage.
pub const EXIT_USAGE: u8 = 2;
/// Exit code of `batch`: at least one record was invalid.
pub const EXIT_INVALID_RECORDS: u8 = 3;
/// Exit code: the output could not be written to stdout (closed, full, or a closed pipe
/// outside `batch`), so whatever it said was not all delivered.
pub const EXIT_OUTPUT: u8 = 4;

/// Runs the binary: parses `std::env::args`, runs the command, and returns the exit code.
pub fn main() -> ExitCode {
    let mut stdout = match Stdout::open() {
        Ok(stdout) => stdout,
        Err(err) => {
            report(&format!("error: {err}"));
            return ExitCode::from(EXIT_OUTPUT);
        }
    };
    // The language is known before clap parses, so that help and clap's own errors speak it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = crate::cmd::help_nl::lang_in_args(&args)
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    let command = match early {
        Lang::Nl => crate::cmd::help_nl::dutch(Cli::command()),
        Lang::En => Cli::command(),
    };
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => return clap_exit(&err, &mut stdout, early),
    };
    let lang = language(cli.lang);
    match run(&cli, lang, &mut stdout) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            let prefix = lang.pick("error", "fout");
            if let Some(input) = err.downcast_ref::<InputError>() {
                report(&format!(
                    "{prefix}: --{}: {}",
                    input.field,
                    input.message(lang)
                ));
                ExitCode::from(EXIT_USAGE)
            } else if let Some(failed) = stdout_failure(&err) {
                report(&format!("{prefix}: {failed}"));
                ExitCode::from(EXIT_OUTPUT)
            } else {
                report(&format!("{prefix}: {err:#}"));
                ExitCode::from(EXIT_USAGE)
            }
        }
    }
}

/// Writes one line to stderr, control characters escaped (a file name or a value may hold
/// any); a failing stderr has nowhere left to be told, and is no reason to panic.
fn report(line: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "{}",
        crate::input::grammar::visible(line)
    );
}

/// clap's own errors keep clap's format on stderr (exit 2); help and version go to stdout,
/// and a failure to write them is an output error.
fn clap_exit(err: &clap::Error, stdout: &mut Stdout, lang: Lang) -> ExitCode {
    if err.use_stderr() {
        if let (Lang::Nl, Some(dutch)) = (lang, crate::cmd::help_nl::usage_error(err)) {
            report(&dutch);
        } else {
            let _ = err.print();
            // A missing age has an alternative clap cannot know of: a date of birth.
            let missing_age = err.kind() == clap::error::ErrorKind::MissingRequiredArgument
                && err.to_string().contains("--age");
            if missing_age {
                report("tip: give --age, or a date of birth with --dob");
            }
        }
        return ExitCode::from(EXIT_USAGE);
    }
    let text = err.render().to_string();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(failed) => {
            report(&format!("error: {failed}"));
            ExitCode::from(EXIT_OUTPUT)
        }
    }
}

/// Standard output as a file of its own (a duplicate of descriptor 1): Rust's `io::stdout`
/// quietly drops writes to a closed descriptor, and a dose nobody can read must not exit 0.
/// Every write error comes back tagged as [`StdoutFailed`].
pub struct Stdout(std::fs::File);

impl Stdout {
    /// Descriptor 1, duplicated.
    ///
    /// # Errors
    ///
    /// When stdout is closed.
    pub fn open() -> io::Result<Stdout> {
        #[cfg(unix)]
        use std::os::fd::AsFd as _;
        #[cfg(windows)]
        use std::os::windows::io::AsHandle as _;
        #[cfg(unix)]
        let owned = io::stdout().as_fd().try_clone_to_owned();
        #[cfg(windows)]
        let owned = io::stdout().as_handle().try_clone_to_owned();
        owned.map(|fd| Stdout(std::fs::File::from(fd))).map_err(tag)
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(tag)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(tag)
    }
}

/// A failed write to stdout, told apart from every other error by its type.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to stdout: {0}")]
pub struct StdoutFailed(io::Error);

impl StdoutFailed {
    /// Whether the reader went away (`| head -1`).
    pub fn is_broken_pipe(&self) -> bool {
        self.0.kind() == io::ErrorKind::BrokenPipe
    }
}

fn tag(err: io::Error) -> io::Error {
    io::Error::new(err.kind(), StdoutFailed(err))
}

/// The stdout failure behind an error, wherever it was raised: our own writes, or inside
/// serde_json (whose error's source is the `io::Error`).
fn stdout_failure(err: &anyhow::Error) -> Option<&StdoutFailed> {
    err.chain().find_map(|cause| {
        cause
            .downcast_ref::<io::Error>()?
            .get_ref()?
            .downcast_ref::<StdoutFailed>()
    })
}

/// `--lang`, else the environment (`ANAKINRA_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
fn language(choice: Option<LangChoice>) -> Lang {
    match choice {
        Some(LangChoice::Nl) => Lang::Nl,
        Some(LangChoice::En) => Lang::En,
        None => Lang::from_env(|name| std::env::var(name).ok()),
    }
}

/// Runs a parsed command line; `Ok` carries the exit code.
///
/// # Errors
///
/// An [`InputError`] for invalid input; an I/O error when the output cannot be written.
pub fn run(cli: &Cli, lang: Lang, out: &mut impl Write) -> Result<u8> {
    let (short, all) = match &cli.command {
        Command::Dose(args) => (args.short, args.all),
        _ => (false, false),
    };
    let style = Style {
        paint: paint(cli.color),
        lang,
        width: width(),
        short,
        all,
    };
    match &cli.command {
        Command::Dose(args) => dose(args, style, out),
        Command::Batch(args) => batch(args, lang, out),
        Command::Check(args) => check(args, lang, out),
        Command::Taper(args) => taper(args, lang, out),
        Command::Rules(args) => rules(args, lang, out),
        Command::Completions(args) => {
            // clap_complete panics when its writer fails: it writes to memory here.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "anakinra", &mut script);
            out.write_all(&script)?;
            out.flush()?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            // Rendered in memory first: a failing stdout is then our error to report.
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out.write_all(&page)?;
            out.flush()?;
            Ok(EXIT_OK)
        }
        Command::Schema(args) => {
            let text = match args.which {
                SchemaKind::Record => crate::output::schema::RECORD,
                SchemaKind::Check => crate::output::schema::CHECK,
            };
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

/// The width text wraps at: on a terminal, `COLUMNS` when it is a number, else the
/// terminal's own width; [`text::WIDTH`] when stdout is not a terminal (a file or a pipe gets
/// the same text on every machine). Never narrower than [`text::MIN_WIDTH`].
fn width() -> usize {
    if !io::stdout().is_terminal() {
        return text::WIDTH;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)));
    columns.unwrap_or(text::WIDTH).max(text::MIN_WIDTH)
}

/// Today in the local time zone.
fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

fn dose(args: &DoseArgs, style: Style, out: &mut impl Write) -> Result<u8> {
    let fields = PatientFields {
        weight: Some(args.weight.as_str().into()),
        age: args.age.as_deref().map(Into::into),
        dob: args.dob.as_deref().map(Into::into),
        on: args.on.as_deref().map(Into::into),
        indication: Some(args.indication.as_str().into()),
        gfr: args.gfr.as_deref().map(Into::into),
        height: args.height.as_deref().map(Into::into),
        creatinine: args.creatinine.as_deref().map(Into::into),
        dialysis: args.dialysis.then_some("true".into()),
        dose: args.dose.as_deref().map(Into::into),
        comedication: args
            .comedication
            .iter()
            .map(|c| c.as_str().into())
            .collect(),
        sex: args.sex.as_deref().map(Into::into),
        confirm_weight: args.confirm_weight.then_some("true".into()),
        ..PatientFields::default()
    };
    let request = request::request(&fields, today)?;
    let assessed = Assessed {
        advice: dosing::assess(&request.patient, &request.extras),
        dob: request.dob,
        sex: request.sex,
    };
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Text => text::write_advice(&mut out, &assessed, style)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &Record::new(&assessed, style.lang))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if assessed.advice.refused() {
        EXIT_NO_DOSE
    } else {
        EXIT_OK
    })
}

fn batch(args: &BatchArgs, lang: Lang, out: &mut impl Write) -> Result<u8> {
    let input = args.input.map(|i| match i {
        BatchInput::Jsonl => batch::InputFormat::Jsonl,
        BatchInput::Csv => batch::InputFormat::Csv,
    });
    let format = match (args.excel, args.format) {
        (true, _) => batch::OutputFormat::Excel,
        (false, BatchFormat::Jsonl) => batch::OutputFormat::Jsonl,
        (false, BatchFormat::Csv) => batch::OutputFormat::Csv,
    };
    let detail = match args.detail {
        BatchDetail::Brief => batch::Detail::Brief,
        BatchDetail::Full => batch::Detail::Full,
    };
    let settings = batch::Settings {
        lang,
        today: today(),
        ignore_unknown_columns: args.ignore_unknown_columns,
    };
    let out = io::BufWriter::with_capacity(64 * 1024, out);
    let mut summary = batch::Summary::default();
    let run = if let Some(path) = args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        let file = std::fs::File::open(path).with_context(|| {
            format!(
                "{} {}",
                lang.pick("cannot open", "kan niet openen:"),
                path.display()
            )
        })?;
        let reader = io::BufReader::with_capacity(64 * 1024, file);
        batch::run_counted(reader, out, input, format, detail, settings, &mut summary)
    } else {
        if io::stdin().is_terminal() {
            // Not a silent wait: say what is expected, and how to end it.
            report(lang.pick(
                "anakinra batch: reading patients from the terminal, one JSON object or CSV row per line; end with Ctrl-D (see anakinra batch --help)",
                "anakinra batch: leest patiënten van de terminal, één JSON-object of CSV-rij per regel; sluit af met Ctrl-D (zie anakinra batch --help)",
            ));
        }
        let stdin = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
        batch::run_counted(stdin, out, input, format, detail, settings, &mut summary)
    };
    match run {
        Ok(()) => {}
        // A closed pipe (`| head`) is a normal end of a batch, as in ripgrep: the code is that
        // of the records read until then.
        Err(err) if stdout_failure(&err).is_some_and(StdoutFailed::is_broken_pipe) => {}
        Err(err) => return Err(err),
    }
    Ok(if summary.invalid == 0 {
        EXIT_OK
    } else {
        EXIT_INVALID_RECORDS
    })
}

fn check(args: &CheckArgs, lang: Lang, out: &mut impl Write) -> Result<u8> {
    let report = crate::cmd::check::run(&args.files, lang)?;
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Text => crate::cmd::check::write_text(&mut out, &report, args.verbose, lang)?,
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

fn taper(args: &TaperArgs, lang: Lang, out: &mut impl Write) -> Result<u8> {
    let from = if ["today", "vandaag"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(args.from.trim()))
    {
        today()
    } else {
        crate::input::grammar::date(args.from.trim())
            .map_err(|p| InputError::value(Field::From, &args.from, p))?
    };
    // The grammar of every dose; the limits are the taper's, and its message says so.
    let dose = crate::input::grammar::dose(args.dose.trim()).map_err(|p| InputError {
        field: Field::Dose,
        value: args.dose.clone(),
        wrong: Wrong::Refused(crate::dosing::taper::Refusal::Grammar(p)),
    })?;
    let advice = match (&args.weight, &args.age, &args.indication) {
        (Some(weight), Some(age), Some(indication)) => {
            let fields = PatientFields {
                weight: Some(weight.as_str().into()),
                age: Some(age.as_str().into()),
                indication: Some(indication.as_str().into()),
                gfr: args.gfr.as_deref().map(Into::into),
                dose: Some(args.dose.as_str().into()),
                ..PatientFields::default()
            };
            let request = request::request(&fields, today)?;
            Some(dosing::assess(&request.patient, &request.extras))
        }
        _ => None,
    };
    let schedule =
        crate::dosing::taper::schedule(from, dose, advice.as_ref()).map_err(|refusal| {
            let field = refusal.field();
            let value = match field {
                Field::Weight => args.weight.as_deref(),
                Field::Age => args.age.as_deref(),
                Field::Indication => args.indication.as_deref(),
                Field::Gfr => args.gfr.as_deref(),
                Field::From => Some(args.from.as_str()),
                _ => Some(args.dose.as_str()),
            };
            InputError {
                field,
                value: value.unwrap_or_default().to_string(),
                wrong: Wrong::Refused(refusal),
            }
        })?;
    let mut out = io::BufWriter::new(out);
    match args.format {
        TaperFormat::Text => crate::dosing::taper::write_text(&mut out, &schedule, lang)?,
        TaperFormat::Json => {
            serde_json::to_writer(&mut out, &schedule)?;
            writeln!(out)?;
        }
        TaperFormat::Ics => {
            crate::dosing::taper::write_ics(&mut out, &schedule, lang, jiff::Timestamp::now())?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

/// One rule, as `anakinra rules --format json` lists it.
#[derive(Serialize)]
struct RuleLine {
    rule: RuleId,
    severity: Option<dosing::Severity>,
    source: &'static str,
    text: String,
}

fn rules(args: &RulesArgs, lang: Lang, out: &mut impl Write) -> Result<u8> {
    let mut chosen = Vec::new();
    for id in &args.ids {
        let Some(&rule) = RuleId::ALL
            .iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(id.trim()))
        else {
            anyhow::bail!(
                "{}: '{}': {}",
                lang.pick("rule", "regel"),
                crate::input::grammar::shorten(id),
                lang.pick(
                    "no such rule id; `anakinra rules` lists them all",
                    "geen bekende regel; `anakinra rules` geeft ze allemaal",
                )
            );
        };
        chosen.push(rule);
    }
    let lines: Vec<RuleLine> = RuleId::ALL
        .iter()
        .filter(|rule| chosen.is_empty() || chosen.contains(rule))
        .map(|&rule| RuleLine {
            rule,
            severity: rule.severity(),
            source: rule.source(),
            text: crate::i18n::rules::summary(rule, lang),
        })
        .collect();
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &lines)?;
            writeln!(out)?;
        }
        Format::Text => {
            for l in &lines {
                let severity = l.severity.map_or("-", |s| match (s, lang) {
                    (_, Lang::En) => s.as_str(),
                    (dosing::Severity::Contraindication, Lang::Nl) => "contra-indicatie",
                    (dosing::Severity::Caution, Lang::Nl) => "let op",
                    (dosing::Severity::Info, Lang::Nl) => "informatie",
                });
                writeln!(
                    out,
                    "{:<19} {:<16} {:<33} {}",
                    l.rule.as_str(),
                    severity,
                    l.source,
                    l.text
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}
