//! `anakinra batch`: many patients, one record out per record in, streamed. JSON lines or CSV
//! in, JSON lines or CSV out; a bad record becomes an error record in place and the run goes
//! on. This is the loop; the readers are in [`crate::input`], the writers in
//! [`crate::output::batch`].

use std::io::{self, BufRead, IsTerminal as _, Write};

use jiff::civil::Date;

use crate::cmd::args::{BatchArgs, BatchDetail, BatchFormat, BatchInput};
use crate::cmd::{Exit, StdoutFailed, report, stdout_failure};
use crate::i18n::Lang;
use crate::input::csv::{self, Row, RowError};
use crate::input::error::{BatchError, RecordProblem};
use crate::input::json::{self, Scalar};
use crate::input::line::{Lines, Read};
use crate::input::request::{self, PatientFields};
use crate::output::batch::{CsvStyle, Detail, Outcome, OutputFormat, Sink};

/// The input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line.
    Jsonl,
    /// A header, then one patient per row; `,` or `;` delimited.
    Csv,
}

/// What a run produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Records written (one per record read).
    pub records: u64,
    /// Of those, invalid ones.
    pub invalid: u64,
}

impl Summary {
    fn count(&mut self, valid: bool) {
        self.records += 1;
        self.invalid += u64::from(!valid);
    }
}

/// What every record of a run shares: the language of its texts and the date of today (for
/// a date of birth without `on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The language of texts and messages.
    pub lang: Lang,
    /// Today, for a date of birth without a date of calculation.
    pub today: Date,
    /// Unknown CSV columns are left out (and named on stderr) rather than refused.
    pub ignore_unknown_columns: bool,
}

/// `anakinra batch`: the file or stdin through [`run_counted`]; the exit code is that of the
/// records read, also when a closed pipe (`| head`) ends the run early, as in ripgrep.
///
/// # Errors
///
/// A [`BatchError`] for an input that cannot be opened or read as a whole, or an output that
/// cannot be written.
pub fn command(args: &BatchArgs, lang: Lang, out: &mut impl Write) -> Result<Exit, BatchError> {
    let input = args.input.map(|i| match i {
        BatchInput::Jsonl => InputFormat::Jsonl,
        BatchInput::Csv => InputFormat::Csv,
    });
    let format = match (args.excel, args.format) {
        (true, _) => OutputFormat::Excel,
        (false, BatchFormat::Jsonl) => OutputFormat::Jsonl,
        (false, BatchFormat::Csv) => OutputFormat::Csv,
    };
    let detail = match args.detail {
        BatchDetail::Brief => Detail::Brief,
        BatchDetail::Full => Detail::Full,
    };
    let settings = Settings {
        lang,
        today: super::today(),
        ignore_unknown_columns: args.ignore_unknown_columns,
    };
    let out = io::BufWriter::with_capacity(64 * 1024, out);
    let mut summary = Summary::default();
    let run = if let Some(path) = args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        let file = std::fs::File::open(path).map_err(|source| BatchError::CannotOpen {
            path: path.to_path_buf(),
            source,
        })?;
        let reader = io::BufReader::with_capacity(64 * 1024, file);
        run_counted(reader, out, input, format, detail, settings, &mut summary)
    } else {
        if io::stdin().is_terminal() {
            // Not a silent wait: say what is expected, and how to end it.
            report(lang.pick(
                "anakinra batch: reading patients from the terminal, one JSON object or CSV row per line; end with Ctrl-D (see anakinra batch --help)",
                "anakinra batch: leest patiënten van de terminal, één JSON-object of CSV-rij per regel; sluit af met Ctrl-D (zie anakinra batch --help)",
            ));
        }
        let stdin = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
        run_counted(stdin, out, input, format, detail, settings, &mut summary)
    };
    match run {
        Ok(()) => {}
        Err(BatchError::Write(err))
            if stdout_failure(&err).is_some_and(StdoutFailed::is_broken_pipe) => {}
        Err(err) => return Err(err),
    }
    Ok(if summary.invalid == 0 {
        Exit::Ok
    } else {
        Exit::InvalidRecords
    })
}

/// Guesses the input format from the first non-blank line, read in full: `{` (or `[`, to
/// report it) is JSON lines, anything else CSV.
pub fn detect(first: &[u8]) -> InputFormat {
    match first.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    }
}

/// One record's fields, validated and assessed.
fn assess(fields: &PatientFields<'_>, settings: Settings) -> Outcome {
    Ok(request::request(fields, || settings.today)?.assess())
}

/// Runs a batch: reads `reader` in `input` format, writes one record per record to `out`.
///
/// # Errors
///
/// A [`BatchError`]: the input as a whole is wrong (an unknown CSV column) or cannot be read,
/// or the output cannot be written.
pub fn run<R: BufRead, W: Write>(
    reader: R,
    out: W,
    input: Option<InputFormat>,
    format: OutputFormat,
    detail: Detail,
    settings: Settings,
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    run_counted(reader, out, input, format, detail, settings, &mut summary)?;
    Ok(summary)
}

/// [`run`], counting into `summary` as it goes, so that a run that stops on an error (a
/// closed pipe) still tells what it had read.
///
/// # Errors
///
/// As [`run`].
pub fn run_counted<R: BufRead, W: Write>(
    reader: R,
    out: W,
    input: Option<InputFormat>,
    format: OutputFormat,
    detail: Detail,
    settings: Settings,
    summary: &mut Summary,
) -> Result<(), BatchError> {
    let lang = settings.lang;
    let mut lines = Lines::new(reader);
    let mut first = Vec::new();
    // The first line that is not blank, read in full, decides the format and the delimiter
    // (never the first piece a pipe happens to deliver). Empty input: no records.
    let read = loop {
        match lines.next(&mut first).map_err(BatchError::CannotRead)? {
            Read::End => {
                return Ok(
                    Sink::new(out, format, detail, (b',', CsvStyle::default()), lang).finish()?,
                );
            }
            Read::Line if first.iter().all(u8::is_ascii_whitespace) => {}
            read => break read,
        }
    };
    let trimmed = first.strip_suffix(b"\n").unwrap_or(&first);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    if trimmed.contains(&b'\r') {
        return Err(BatchError::CrOnly);
    }
    let input = input.unwrap_or_else(|| detect(&first));
    let delimiter = csv::sniff_delimiter(&first);
    // CSV output keeps a CSV input's line endings and byte-order mark, so the sheet opens as
    // the one that came in.
    let style = CsvStyle {
        crlf: first.ends_with(b"\r\n"),
        bom: lines.had_bom(),
    };
    lines.unread(&first, read);
    match input {
        InputFormat::Jsonl => jsonl(
            lines,
            Sink::new(out, format, detail, (b',', CsvStyle::default()), lang),
            settings,
            summary,
        ),
        InputFormat::Csv => {
            let mut rows = csv::Reader::new(lines, delimiter);
            let header = header(&mut rows, settings)?;
            let sink = Sink::new(out, format, detail, (delimiter, style), lang);
            csv_rows(rows, &header, sink, settings, summary)
        }
    }
}

/// Reads JSON lines.
fn jsonl<R: BufRead, W: Write>(
    mut lines: Lines<R>,
    mut sink: Sink<W>,
    settings: Settings,
    summary: &mut Summary,
) -> Result<(), BatchError> {
    let mut buf = Vec::new();
    loop {
        let valid = match lines.next(&mut buf).map_err(BatchError::CannotRead)? {
            Read::End => break,
            Read::TooLong => {
                sink.write(lines.line(), None, &Err(RecordProblem::TooLong))?;
                false
            }
            Read::Line if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Read::Line => {
                let (id, fields) = json::line(&buf);
                let outcome = fields.and_then(|fields| assess(&fields, settings));
                sink.write(lines.line(), id.as_ref().map(Scalar::as_str), &outcome)?;
                outcome.is_ok()
            }
        };
        summary.count(valid);
    }
    Ok(sink.finish()?)
}

/// The header, mapped to the field table; the columns left out are named on stderr.
fn header<R: BufRead>(
    rows: &mut csv::Reader<R>,
    settings: Settings,
) -> Result<csv::Header, BatchError> {
    let header = csv::read_header(rows, settings.ignore_unknown_columns)?;
    if !header.ignored.is_empty() {
        report(&format!(
            "note: ignored CSV columns (--ignore-unknown-columns): {}",
            header.ignored.join(", ")
        ));
    }
    Ok(header)
}

/// Reads CSV rows after the header.
fn csv_rows<R: BufRead, W: Write>(
    mut rows: csv::Reader<R>,
    header: &csv::Header,
    mut sink: Sink<W>,
    settings: Settings,
    summary: &mut Summary,
) -> Result<(), BatchError> {
    let (columns, width) = (&header.columns, header.width);
    let mut row = Row::default();
    while let Some(read) = rows.read(&mut row).map_err(BatchError::CannotRead)? {
        if read.is_ok() && row.iter().all(<[u8]>::is_empty) {
            continue; // a blank row, or one of delimiters only
        }
        // The id, also of a row that went wrong after its id cell was read whole.
        let id = csv::row_id(&row, columns);
        let outcome = match read {
            Err(RowError::TooLong) => Err(RecordProblem::TooLong),
            Err(err) => Err(RecordProblem::Row(err)),
            Ok(()) if row.len() != width => Err(RecordProblem::Width {
                cells: row.len(),
                header: width,
            }),
            Ok(()) => csv::record(&row, columns).and_then(|fields| assess(&fields, settings)),
        };
        summary.count(outcome.is_ok());
        sink.write(row.line, id, &outcome)?;
    }
    Ok(sink.finish()?)
}
