//! The command line as a recipe: parse, validate, assess, render, exit. One file per
//! subcommand; errors are typed until here, where each is printed once, in the reader's
//! language, as one line on stderr.

pub mod args;
pub mod batch;
pub mod check;
pub mod dose;
pub mod help_nl;
pub mod rules;
pub mod taper;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cmd::args::{Cli, ColorChoice, Command, LangChoice, SchemaKind};
use crate::i18n::Lang;
use crate::input::error::{BatchError, InputError};
use crate::output::text::{self, Paint, Style};

/// The exit codes, as `--help` and README give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: a dose is advised (or the run went through).
    Ok = 0,
    /// 1: no dose advised, or the prescribed dose refused; `check`: a case failed.
    NoDose = 1,
    /// 2: invalid input or usage.
    Usage = 2,
    /// 3, `batch`: at least one record was invalid.
    InvalidRecords = 3,
    /// 4: the output could not be written to stdout (closed, full, or a closed pipe outside
    /// `batch`), so whatever it said was not all delivered.
    Output = 4,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// Why a command did not run to its end: each kind is typed, and printed in the reader's
/// language by [`main`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A refused input field.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A batch that cannot run.
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// A case file that cannot be read.
    #[error(transparent)]
    Check(#[from] check::CheckError),
    /// An unknown rule id (`anakinra rules ID`).
    #[error(transparent)]
    Rule(#[from] rules::UnknownRule),
    /// The output cannot be written (or a man page rendered).
    #[error("{0}")]
    Write(#[source] io::Error),
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::Write(err)
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Error {
        Error::Write(err.into())
    }
}

impl Error {
    /// The line on stderr (without `error: `) and the exit code.
    fn report(&self, lang: Lang) -> (String, Exit) {
        let written = match self {
            Error::Write(err)
            | Error::Batch(BatchError::Write(err))
            | Error::Check(check::CheckError::Write(err)) => Some(err),
            _ => None,
        };
        if let Some(failed) = written.and_then(stdout_failure) {
            return (failed.to_string(), Exit::Output);
        }
        let line = match self {
            Error::Input(err) => format!("{}: {}", err.field.flag(), err.message(lang)),
            Error::Batch(err) => err.message(lang),
            Error::Check(err) => err.message(lang),
            Error::Rule(err) => err.message(lang),
            Error::Write(err) => err.to_string(),
        };
        (line, Exit::Usage)
    }
}

/// Runs the binary: parses `std::env::args`, runs the command, and returns the exit code.
pub fn main() -> ExitCode {
    let mut stdout = match Stdout::open() {
        Ok(stdout) => stdout,
        Err(err) => {
            report(&format!("error: {err}"));
            return Exit::Output.into();
        }
    };
    // The language is known before clap parses, so that help and clap's own errors speak it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = help_nl::lang_in_args(&args)
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    let command = match early {
        Lang::Nl => help_nl::dutch(Cli::command()),
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
        Ok(exit) => exit.into(),
        Err(err) => {
            let (line, exit) = err.report(lang);
            report(&format!("{}: {line}", lang.pick("error", "fout")));
            exit.into()
        }
    }
}

/// Writes one line to stderr, control characters escaped (a file name or a value may hold
/// any); a failing stderr has nowhere left to be told, and is no reason to panic.
pub(crate) fn report(line: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "{}",
        crate::i18n::messages::visible(line)
    );
}

/// clap's own errors keep clap's format on stderr (exit 2); help and version go to stdout,
/// and a failure to write them is an output error.
fn clap_exit(err: &clap::Error, stdout: &mut Stdout, lang: Lang) -> ExitCode {
    if err.use_stderr() {
        if let (Lang::Nl, Some(dutch)) = (lang, help_nl::usage_error(err)) {
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
        return Exit::Usage.into();
    }
    let text = err.render().to_string();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Exit::Ok.into(),
        Err(failed) => {
            report(&format!("error: {failed}"));
            Exit::Output.into()
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

/// The stdout failure behind a write error, when it is one (a serde_json error carries the
/// `io::Error` it was given, and is turned back into it).
pub(crate) fn stdout_failure(err: &io::Error) -> Option<&StdoutFailed> {
    err.get_ref()?.downcast_ref::<StdoutFailed>()
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
/// An [`Error`] for invalid input, an input that cannot be read, or an output that cannot be
/// written.
pub fn run(cli: &Cli, lang: Lang, out: &mut impl Write) -> Result<Exit, Error> {
    match &cli.command {
        Command::Dose(args) => {
            let style = Style {
                paint: paint(cli.color),
                lang,
                width: width(),
                short: args.short,
                all: args.all,
            };
            dose::command(args, style, out)
        }
        Command::Batch(args) => Ok(batch::command(args, lang, out)?),
        Command::Check(args) => Ok(check::command(args, lang, out)?),
        Command::Taper(args) => taper::command(args, lang, out),
        Command::Rules(args) => rules::command(args, lang, out),
        Command::Completions(args) => {
            // clap_complete panics when its writer fails: it writes to memory here.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "anakinra", &mut script);
            out.write_all(&script)?;
            out.flush()?;
            Ok(Exit::Ok)
        }
        Command::Man => {
            // Rendered in memory first: a failing stdout is then our error to report.
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out.write_all(&page)?;
            out.flush()?;
            Ok(Exit::Ok)
        }
        Command::Schema(args) => {
            let text = match args.which {
                SchemaKind::Record => crate::output::schema::RECORD,
                SchemaKind::Check => crate::output::schema::CHECK,
            };
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(Exit::Ok)
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
