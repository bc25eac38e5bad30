//! `anakinra batch`: many patients, one record out per record in, streamed. JSON lines or CSV
//! in, JSON lines or CSV out; a bad record becomes an error record in place and the run goes
//! on.

use std::borrow::Cow;
use std::io::{BufRead, Write};

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::dosing::units::CentiText;
use crate::dosing::{self, Advice, LabelStatus, Phase, RuleId};
use crate::i18n::Lang;
use crate::input::csv::{self, Row};
use crate::input::error::InputError;
use crate::input::json::{JsonPatient, Scalar};
use crate::input::line::{Lines, Read};
use crate::input::request::{self, PatientFields};
use crate::output::record::{Assessed, Record, SCHEMA};
use jiff::civil::Date;

/// The input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line.
    Jsonl,
    /// A header, then one patient per row; `,` or `;` delimited.
    Csv,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// Flat CSV: the delimiter, decimal mark, line endings and byte-order mark of a CSV input.
    Csv,
    /// Flat CSV as Dutch Excel opens it: `;`, decimal commas, CRLF and a byte-order mark.
    Excel,
}

/// How CSV output ends its lines and starts its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvStyle {
    /// CRLF line endings (else LF).
    pub crlf: bool,
    /// A UTF-8 byte-order mark first.
    pub bom: bool,
}

/// How much of each advice a JSON line carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Verdict, rule ids and phase ranges.
    Brief,
    /// The whole `dose` record.
    Full,
}

/// What a run produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Records written (one per record read).
    pub records: u64,
    /// Of those, invalid ones.
    pub invalid: u64,
}

/// A record that could not be validated: the field (when one is to blame) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RecordError {
    /// The JSON key or CSV column at fault, `null` when the record as a whole is.
    pub field: Option<String>,
    /// What was wrong and what is accepted.
    pub message: String,
}

impl RecordError {
    fn input(err: &InputError, lang: Lang) -> RecordError {
        RecordError {
            field: Some(err.field.key().to_string()),
            message: err.message(lang),
        }
    }

    fn whole(message: impl Into<String>) -> RecordError {
        RecordError {
            field: None,
            message: message.into(),
        }
    }
}

/// The CSV columns accepted on input (also the JSON keys).
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "weight",
    "age",
    "age_months",
    "dob",
    "on",
    "indication",
    "gfr",
    "height",
    "creatinine",
    "dialysis",
    "dose",
    "comedication",
    "sex",
    "confirm_weight",
];

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

/// A record's result: its assessment, or why it is invalid.
type Outcome = Result<Assessed, RecordError>;

/// The CSV columns written on output.
pub const CSV_OUTPUT_COLUMNS: [&str; 19] = [
    "line",
    "id",
    "verdict",
    "label_status",
    "start_min_mg",
    "start_max_mg",
    "escalation_min_mg",
    "escalation_max_mg",
    "exceptional_mg",
    "standard_mg",
    "reasons",
    "warnings",
    "error",
    "prescribed_class",
    "outcome",
    "weight_kg",
    "age_months",
    "indication",
    "gfr",
];

/// Guesses the input format from the first non-blank line, read in full: `{` (or `[`, to
/// report it) is JSON lines, anything else CSV.
pub fn detect(first: &[u8]) -> InputFormat {
    match first.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    }
}

/// The writer of output records, in the chosen format. Records are gathered in `buf` and
/// written out some 64 KiB at a time: one copy of the output, not two (a brief line is built
/// in place, and a large write passes the caller's `BufWriter` by).
struct Sink<W: Write> {
    out: W,
    buf: Vec<u8>,
    format: SinkFormat,
}

/// What a [`Sink`] writes.
enum SinkFormat {
    /// JSON lines, with texts in `lang`.
    Json { detail: Detail, lang: Lang },
    /// Flat CSV with the given delimiter, decimal mark and line ending.
    Csv {
        delimiter: u8,
        decimal_mark: char,
        line_end: &'static [u8],
    },
}

/// How much output a [`Sink`] gathers before it writes.
const FLUSH_AT: usize = 64 * 1024;

/// A full `batch` line: the `dose` record with `line` and `id`.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Full<'a> {
    /// The 1-based line of the record in the input.
    line: u64,
    /// The input's id, `null` when it had none.
    id: Option<&'a str>,
    #[serde(flatten)]
    record: Record,
}

/// A `batch` line for an invalid record.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct ErrorLine<'a> {
    /// Always `anakinra/1`.
    schema: &'static str,
    /// The 1-based line of the record in the input.
    line: u64,
    /// The input's id when it could be read, else `null`.
    id: Option<&'a str>,
    /// What was wrong.
    error: &'a RecordError,
}

impl<W: Write> Sink<W> {
    /// A sink; CSV output uses `delimiter`, with a decimal comma when it is `;` (as Dutch
    /// Excel writes), and starts with its header.
    fn new(
        out: W,
        format: OutputFormat,
        detail: Detail,
        (delimiter, style): (u8, CsvStyle),
        lang: Lang,
    ) -> Sink<W> {
        let mut buf = Vec::with_capacity(FLUSH_AT + 4096);
        let (delimiter, style) = match format {
            OutputFormat::Excel => (
                b';',
                CsvStyle {
                    crlf: true,
                    bom: true,
                },
            ),
            OutputFormat::Jsonl | OutputFormat::Csv => (delimiter, style),
        };
        let format = match format {
            OutputFormat::Jsonl => SinkFormat::Json { detail, lang },
            OutputFormat::Csv | OutputFormat::Excel => {
                if style.bom {
                    buf.extend_from_slice(b"\xEF\xBB\xBF");
                }
                let line_end: &'static [u8] = if style.crlf { b"\r\n" } else { b"\n" };
                csv::push_row(&mut buf, &CSV_OUTPUT_COLUMNS, delimiter, line_end);
                SinkFormat::Csv {
                    delimiter,
                    decimal_mark: if delimiter == b';' { ',' } else { '.' },
                    line_end,
                }
            }
        };
        Sink { out, buf, format }
    }

    fn write(&mut self, line: u64, id: Option<&str>, outcome: &Outcome) -> Result<()> {
        let buf = &mut self.buf;
        match self.format {
            SinkFormat::Csv {
                delimiter,
                decimal_mark,
                line_end,
            } => {
                push_csv_row(buf, line, id, outcome, delimiter, decimal_mark);
                buf.extend_from_slice(line_end);
            }
            SinkFormat::Json { detail, lang } => {
                match (outcome, detail) {
                    (Ok(assessed), Detail::Brief) => {
                        write_brief(buf, line, id, &assessed.advice)?;
                    }
                    (Ok(assessed), Detail::Full) => serde_json::to_writer(
                        &mut *buf,
                        &Full {
                            line,
                            id,
                            record: Record::new(assessed, lang),
                        },
                    )?,
                    (Err(error), _) => serde_json::to_writer(
                        &mut *buf,
                        &ErrorLine {
                            schema: SCHEMA,
                            line,
                            id,
                            error,
                        },
                    )?,
                }
                buf.push(b'\n');
            }
        }
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(())
    }
}

/// Appends a brief JSON line to `buf`, by hand: the brief form is what large runs use, and
/// serde's generic escaping of some twenty rule ids a record was most of the run time. Rule
/// ids, verdicts and phase names are plain ASCII that needs no escaping; so is nearly every
/// id, and any other goes through serde_json. A unit test holds this byte for byte to the
/// derived form.
fn write_brief(buf: &mut Vec<u8>, line: u64, id: Option<&str>, advice: &Advice) -> Result<()> {
    buf.extend_from_slice(b"{\"schema\":\"");
    buf.extend_from_slice(SCHEMA.as_bytes());
    buf.extend_from_slice(b"\",\"line\":");
    push_line(buf, line);
    buf.extend_from_slice(b",\"id\":");
    match id {
        // serde_json escapes only these; everything else it writes as it is.
        Some(id) if !id.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) => {
            buf.push(b'"');
            buf.extend_from_slice(id.as_bytes());
            buf.push(b'"');
        }
        Some(id) => serde_json::to_writer(&mut *buf, id)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"verdict\":\"");
    buf.extend_from_slice(advice.verdict.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"outcome\":\"");
    buf.extend_from_slice(crate::output::record::outcome(advice).as_bytes());
    buf.extend_from_slice(match advice.label_status() {
        LabelStatus::OnLabel => b"\",\"label_status\":\"on_label\",\"reason_ids\":[",
        LabelStatus::OffLabel => b"\",\"label_status\":\"off_label\",\"reason_ids\":[",
    });
    push_ids(buf, advice.reasons.iter().copied());
    buf.extend_from_slice(b"],\"warning_ids\":[");
    push_ids(buf, advice.warnings.iter().map(|w| w.rule));
    buf.extend_from_slice(b"],\"phases\":[");
    for (at, p) in advice.phases.iter().enumerate() {
        if at > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"phase\":\"");
        buf.extend_from_slice(p.phase.as_str().as_bytes());
        buf.extend_from_slice(b"\",\"min_mg\":");
        push_centi(buf, p.min.centi(), '.');
        buf.extend_from_slice(b",\"max_mg\":");
        push_centi(buf, p.max.centi(), '.');
        buf.extend_from_slice(if p.capped {
            b",\"capped\":true}"
        } else {
            b",\"capped\":false}"
        });
    }
    buf.push(b']');
    if let Some(p) = &advice.prescribed {
        buf.extend_from_slice(b",\"prescribed_class\":");
        match p.class {
            Some(class) => {
                buf.push(b'"');
                buf.extend_from_slice(class.as_str().as_bytes());
                buf.push(b'"');
            }
            None => buf.extend_from_slice(b"null"),
        }
    }
    // The inputs the answer is about, so that the line stands alone.
    let patient = &advice.patient;
    buf.extend_from_slice(b",\"weight_kg\":");
    push_centi(buf, patient.weight.centi(), '.');
    buf.extend_from_slice(b",\"age_months\":");
    push_line(buf, u64::from(patient.age.months()));
    buf.extend_from_slice(b",\"indication\":\"");
    buf.extend_from_slice(patient.indication.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"gfr\":");
    match patient.gfr {
        Some(g) => buf.extend_from_slice(CentiText::new(g.centi_floor(), '.').as_bytes()),
        None => buf.extend_from_slice(b"null"),
    }
    buf.push(b'}');
    Ok(())
}

/// Appends hundredths as [`crate::dosing::units::write_centi`] writes them (`36.9`, `100`, `0.26`).
fn push_centi(buf: &mut Vec<u8>, centi: u32, mark: char) {
    buf.extend_from_slice(CentiText::new(u64::from(centi), mark).as_bytes());
}

/// Appends a line number.
fn push_line(buf: &mut Vec<u8>, line: u64) {
    buf.extend_from_slice(CentiText::whole(line).as_bytes());
}

fn push_ids(buf: &mut Vec<u8>, ids: impl Iterator<Item = RuleId>) {
    for (at, id) in ids.enumerate() {
        if at > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(id.json().as_bytes());
    }
}

/// Appends one flat CSV row, in the order of [`CSV_OUTPUT_COLUMNS`], without its line end. Only the id and the
/// error are free text that may need quoting; the rest is ASCII without the delimiter (the
/// decimal mark is `,` only when the delimiter is `;`).
fn push_csv_row(
    buf: &mut Vec<u8>,
    line: u64,
    id: Option<&str>,
    outcome: &Outcome,
    delimiter: u8,
    mark: char,
) {
    push_line(buf, line);
    buf.push(delimiter);
    csv::push_cell(buf, id.unwrap_or_default(), delimiter);
    buf.push(delimiter);
    match outcome {
        Ok(Assessed { advice, .. }) => {
            buf.extend_from_slice(advice.verdict.as_str().as_bytes());
            buf.push(delimiter);
            buf.extend_from_slice(advice.label_status().as_str().as_bytes());
            // start min, start max, escalation min, escalation max, exceptional, standard
            let mut cells: [Option<u32>; 6] = [None; 6];
            for p in &advice.phases {
                let (at, values): (usize, &[u32]) = match p.phase {
                    Phase::Start => (0, &[p.min.centi(), p.max.centi()]),
                    Phase::Escalation => (2, &[p.min.centi(), p.max.centi()]),
                    Phase::Exceptional => (4, &[p.max.centi()]),
                    Phase::Standard => (5, &[p.max.centi()]),
                };
                for (cell, &value) in cells.iter_mut().skip(at).zip(values) {
                    *cell = Some(value);
                }
            }
            for cell in cells {
                buf.push(delimiter);
                if let Some(centi) = cell {
                    push_centi(buf, centi, mark);
                }
            }
            buf.push(delimiter);
            push_spaced(buf, advice.reasons.iter().copied());
            buf.push(delimiter);
            push_spaced(buf, advice.warnings.iter().map(|w| w.rule));
            buf.push(delimiter);
            buf.push(delimiter);
            if let Some(class) = advice.prescribed.as_ref().and_then(|p| p.class) {
                buf.extend_from_slice(class.as_str().as_bytes());
            }
            let p = &advice.patient;
            buf.push(delimiter);
            buf.extend_from_slice(crate::output::record::outcome(advice).as_bytes());
            buf.push(delimiter);
            push_centi(buf, p.weight.centi(), mark);
            buf.push(delimiter);
            push_line(buf, u64::from(p.age.months()));
            buf.push(delimiter);
            buf.extend_from_slice(p.indication.as_str().as_bytes());
            buf.push(delimiter);
            if let Some(g) = p.gfr {
                buf.extend_from_slice(CentiText::new(g.centi_floor(), mark).as_bytes());
            }
        }
        Err(err) => {
            for _ in 0..10 {
                buf.push(delimiter);
            }
            match &err.field {
                Some(field) => csv::push_cell(buf, &format!("{field}: {}", err.message), delimiter),
                None => csv::push_cell(buf, &err.message, delimiter),
            }
            // prescribed_class and the five columns after it stay empty.
            for _ in 0..6 {
                buf.push(delimiter);
            }
        }
    }
}

/// Rule ids joined by spaces.
fn push_spaced(buf: &mut Vec<u8>, ids: impl Iterator<Item = RuleId>) {
    for (at, id) in ids.enumerate() {
        if at > 0 {
            buf.push(b' ');
        }
        buf.extend_from_slice(id.as_str().as_bytes());
    }
}

fn assess(fields: &PatientFields<'_>, settings: Settings) -> Outcome {
    let request = request::request(fields, || settings.today)
        .map_err(|e| RecordError::input(&e, settings.lang))?;
    Ok(Assessed {
        advice: dosing::assess(&request.patient, &request.extras),
        dob: request.dob,
        sex: request.sex,
    })
}

/// Runs a batch: reads `reader` in `input` format, writes one record per record to `out`.
///
/// # Errors
///
/// A usage error in the input as a whole (an unknown CSV column), or an I/O error.
pub fn run<R: BufRead, W: Write>(
    reader: R,
    out: W,
    input: Option<InputFormat>,
    format: OutputFormat,
    detail: Detail,
    settings: Settings,
) -> Result<Summary> {
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
) -> Result<()> {
    let lang = settings.lang;
    let mut lines = Lines::new(reader);
    let mut first = Vec::new();
    // The first line that is not blank, read in full, decides the format and the delimiter
    // (never the first piece a pipe happens to deliver). Empty input: no records.
    let read = loop {
        match lines.next(&mut first).context(cannot_read(lang))? {
            Read::End => {
                return Sink::new(out, format, detail, (b',', CsvStyle::default()), lang).finish();
            }
            Read::Line if first.iter().all(u8::is_ascii_whitespace) => {}
            read => break read,
        }
    };
    let trimmed = first.strip_suffix(b"\n").unwrap_or(&first);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    if trimmed.contains(&b'\r') {
        bail!(
            "{}",
            lang.pick(
                "the input's lines end in a carriage return alone (CR, as classic Mac OS wrote them): save it with LF or CRLF line endings",
                "de regels van de invoer eindigen op alleen een carriage return (CR, zoals het klassieke Mac OS schreef): sla het op met LF- of CRLF-regeleinden",
            )
        );
    }
    let input = input.unwrap_or_else(|| detect(&first));
    let delimiter = sniff_delimiter(&first);
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
        InputFormat::Csv => csv_input(
            lines,
            (delimiter, style),
            out,
            format,
            detail,
            settings,
            summary,
        ),
    }
}

/// The context of a failed read of the input.
fn cannot_read(lang: Lang) -> &'static str {
    lang.pick("cannot read the input", "kan de invoer niet lezen")
}

/// The error record of a line longer than [`crate::input::line::MAX_LINE`].
fn too_long(lang: Lang) -> RecordError {
    RecordError::whole(lang.pick(
        "the line is longer than 1 MiB (1,048,576 bytes), the most a record may be; skipped to the next line",
        "de regel is langer dan 1 MiB (1.048.576 bytes), het meeste dat een record mag zijn; doorgegaan bij de volgende regel",
    ))
}

/// Reads JSON lines.
fn jsonl<R: BufRead, W: Write>(
    mut lines: Lines<R>,
    mut sink: Sink<W>,
    settings: Settings,
    summary: &mut Summary,
) -> Result<()> {
    let mut buf = Vec::new();
    loop {
        let valid = match lines.next(&mut buf).context(cannot_read(settings.lang))? {
            Read::End => break,
            Read::TooLong => {
                sink.write(lines.line(), None, &Err(too_long(settings.lang)))?;
                false
            }
            Read::Line if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Read::Line => {
                let line = lines.line();
                json_record(&buf, settings, |id, outcome| sink.write(line, id, outcome))?
            }
        };
        summary.records += 1;
        summary.invalid += u64::from(!valid);
    }
    sink.finish()
}

/// One JSON line: hands its id (when it can be read) and its advice or error to `write`, and
/// tells whether it was valid.
fn json_record(
    bytes: &[u8],
    settings: Settings,
    mut write: impl FnMut(Option<&str>, &Outcome) -> Result<()>,
) -> Result<bool> {
    let lang = settings.lang;
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            write(None, &Err(not_utf8(None, err.valid_up_to(), lang)))?;
            return Ok(false);
        }
    };
    // serde would read a JSON array as the struct's fields in order: only an object is a record.
    if !text.trim_start().starts_with('{') {
        write(
            None,
            &Err(RecordError::whole(lang.pick(
                "a line must be a JSON object, as {\"weight\": 12.5, ...}",
                "een regel moet een JSON-object zijn, zoals {\"weight\": 12.5, ...}",
            ))),
        )?;
        return Ok(false);
    }
    let outcome = match JsonPatient::read(text) {
        Ok(patient) => {
            let outcome = assess(&patient.fields(), settings);
            write(patient.id.as_ref().map(Scalar::as_str), &outcome)?;
            outcome
        }
        Err(bad) => {
            let outcome = Err(json_error(&bad.error, lang));
            write(bad.id.as_ref().map(Scalar::as_str), &outcome)?;
            outcome
        }
    };
    Ok(outcome.is_ok())
}

/// A JSON error as a record error: an unknown key names itself as the field.
fn json_error(err: &serde_json::Error, lang: Lang) -> RecordError {
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return RecordError {
            field: Some(key.to_string()),
            message: format!(
                "{} '{}'; {}: {}",
                lang.pick("unknown key", "onbekende sleutel"),
                crate::input::grammar::shorten(key),
                lang.pick("accepted", "geaccepteerd"),
                CSV_COLUMNS.join(", ")
            ),
        };
    }
    let what = if err.is_data() {
        lang.pick("invalid value", "ongeldige waarde")
    } else {
        lang.pick("invalid JSON", "ongeldige JSON")
    };
    RecordError::whole(format!("{what}: {message}"))
}

/// A record or cell that is not valid UTF-8.
fn not_utf8(field: Option<&str>, valid_up_to: usize, lang: Lang) -> RecordError {
    let message = match lang {
        Lang::En => format!("not valid UTF-8 (at byte {})", valid_up_to + 1),
        Lang::Nl => format!("geen geldige UTF-8 (bij byte {})", valid_up_to + 1),
    };
    RecordError {
        field: field.map(str::to_string),
        message,
    }
}

/// The delimiter of a CSV header, its whole first line: `;` when it has more semicolons than
/// commas.
#[allow(clippy::naive_bytecount)] // one header line: too short for a crate to matter
fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Where each input column is in the CSV header, in the order of [`CSV_COLUMNS`].
type Columns = [Option<usize>; CSV_COLUMNS.len()];

/// Dutch column names, as a Dutch Excel export has them, for the columns of [`CSV_COLUMNS`].
const DUTCH_COLUMNS: [(&str, &str); 14] = [
    ("gewicht", "weight"),
    ("leeftijd", "age"),
    ("leeftijd_maanden", "age_months"),
    ("geboortedatum", "dob"),
    ("datum", "on"),
    ("indicatie", "indication"),
    ("lengte", "height"),
    ("kreatinine", "creatinine"),
    ("dialyse", "dialysis"),
    ("dosis", "dose"),
    ("comedicatie", "comedication"),
    ("co-medicatie", "comedication"),
    ("geslacht", "sex"),
    ("gewicht_bevestigd", "confirm_weight"),
];

/// Maps the header to [`CSV_COLUMNS`] (English or Dutch names, any case, spaces around them
/// not part of them); a repeated column is a usage error, and so is an unknown one unless
/// `ignore_unknown`, when the columns left out are named on stderr.
fn columns(header: &Row, ignore_unknown: bool, lang: Lang) -> Result<Columns> {
    let mut columns: Columns = Default::default();
    let mut ignored = Vec::new();
    for (at, name) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(name).trim().to_lowercase();
        let english = DUTCH_COLUMNS
            .iter()
            .find(|(dutch, _)| *dutch == name)
            .map_or(name.as_str(), |(_, english)| english);
        let Some(known) = CSV_COLUMNS.iter().position(|c| *c == english) else {
            if ignore_unknown {
                ignored.push(crate::input::grammar::shorten(&name));
                continue;
            }
            bail!(
                "{} '{}' {}: {} ({}: {}), {}",
                lang.pick("unknown CSV column", "onbekende CSV-kolom"),
                crate::input::grammar::shorten(&name),
                lang.pick("in the header; accepted", "in de kopregel; geaccepteerd"),
                CSV_COLUMNS.join(", "),
                lang.pick("or their Dutch names", "of de Nederlandse namen"),
                DUTCH_COLUMNS.map(|(dutch, _)| dutch).join(", "),
                lang.pick(
                    "or use --ignore-unknown-columns",
                    "of gebruik --ignore-unknown-columns"
                )
            );
        };
        match columns.get_mut(known) {
            Some(slot @ None) => *slot = Some(at),
            _ => bail!(
                "{} '{name}' {}",
                lang.pick("CSV column", "CSV-kolom"),
                lang.pick(
                    "appears twice in the header",
                    "staat twee keer in de kopregel"
                )
            ),
        }
    }
    if !ignored.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "note: ignored CSV columns (--ignore-unknown-columns): {}",
            crate::input::grammar::visible(&ignored.join(", "))
        );
    }
    Ok(columns)
}

/// Reads CSV rows after a header.
fn csv_input<R: BufRead, W: Write>(
    lines: Lines<R>,
    (delimiter, style): (u8, CsvStyle),
    out: W,
    format: OutputFormat,
    detail: Detail,
    settings: Settings,
    summary: &mut Summary,
) -> Result<()> {
    let lang = settings.lang;
    let mut rows = csv::Reader::new(lines, delimiter);
    let mut row = Row::default();
    // The header: the first row that is not blank.
    let columns = loop {
        match rows.read(&mut row).context(cannot_read(lang))? {
            None => bail!(
                "{}",
                lang.pick(
                    "the CSV input has no header",
                    "de CSV-invoer heeft geen kopregel"
                )
            ),
            Some(Ok(())) if row.iter().all(<[u8]>::is_empty) => {}
            Some(Ok(())) => break columns(&row, settings.ignore_unknown_columns, lang)?,
            Some(Err(err)) => bail!(
                "{} {} {}: {}",
                lang.pick("the CSV header on line", "de CSV-kopregel op regel"),
                row.line,
                lang.pick("cannot be read", "is niet te lezen"),
                row_error(&err, lang)
            ),
        }
    };
    let width = row.len();
    rows.expect_width(width);
    let mut sink = Sink::new(out, format, detail, (delimiter, style), lang);
    while let Some(read) = rows.read(&mut row).context(cannot_read(lang))? {
        if read.is_ok() && row.iter().all(<[u8]>::is_empty) {
            continue; // a blank row, or one of delimiters only
        }
        let problem = match read {
            Err(csv::RowError::TooLong) => None,
            Err(err) => Some(Cow::Borrowed(row_error(&err, lang))),
            Ok(()) if row.len() != width => Some(Cow::Owned(match lang {
                Lang::En => format!("the row has {} cells, the header {width}", row.len()),
                Lang::Nl => format!("de rij heeft {} cellen, de kopregel {width}", row.len()),
            })),
            Ok(()) => {
                let (id, outcome) = csv_record(&row, &columns, settings);
                summary.records += 1;
                summary.invalid += u64::from(outcome.is_err());
                sink.write(row.line, id, &outcome)?;
                continue;
            }
        };
        let error = match problem {
            Some(message) => RecordError::whole(message),
            None => too_long(lang),
        };
        summary.records += 1;
        summary.invalid += 1;
        // The id, when its cell was read whole before the row went wrong.
        sink.write(row.line, row_id(&row, &columns), &Err(error))?;
    }
    sink.finish()
}

/// Why a CSV row could not be read, in `lang`.
fn row_error(err: &csv::RowError, lang: Lang) -> &'static str {
    match err {
        csv::RowError::UnterminatedQuote => lang.pick(
            "a quoted cell is not closed",
            "een cel tussen aanhalingstekens is niet gesloten",
        ),
        csv::RowError::AfterQuote => lang.pick(
            "text after a closing quote",
            "tekst na een sluitend aanhalingsteken",
        ),
        csv::RowError::TooLong => lang.pick("longer than 1 MiB", "langer dan 1 MiB"),
    }
}

/// The id cell of a row, when it is there and is text.
fn row_id<'r>(row: &'r Row, columns: &Columns) -> Option<&'r str> {
    let at = columns.first().copied().flatten()?;
    row.get(at)
        .filter(|cell| !cell.is_empty())
        .and_then(|cell| std::str::from_utf8(cell).ok())
}

/// One CSV row: its id and its assessment or error. An empty cell is an absent field; a
/// `comedication` cell lists names separated by `;` or `|` (or `,` when quoted).
fn csv_record<'r>(
    row: &'r Row,
    columns: &Columns,
    settings: Settings,
) -> (Option<&'r str>, Outcome) {
    let mut cells: [Option<&str>; CSV_COLUMNS.len()] = Default::default();
    for ((cell, column), name) in cells.iter_mut().zip(columns).zip(CSV_COLUMNS) {
        let Some(bytes) = column.and_then(|at| row.get(at)).filter(|b| !b.is_empty()) else {
            continue;
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => *cell = Some(text),
            Err(err) => {
                return (
                    row_id(row, columns),
                    Err(not_utf8(Some(name), err.valid_up_to(), settings.lang)),
                );
            }
        }
    }
    let [
        id,
        weight,
        age,
        age_months,
        dob,
        on,
        indication,
        gfr,
        height,
        creatinine,
        dialysis,
        dose,
        comedication,
        sex,
        confirm_weight,
    ] = cells;
    let text = |cell: Option<&'r str>| cell.map(Cow::Borrowed);
    let fields = PatientFields {
        sex: text(sex),
        confirm_weight: text(confirm_weight),
        weight: text(weight),
        age: text(age),
        age_months: text(age_months),
        dob: text(dob),
        on: text(on),
        indication: text(indication),
        gfr: text(gfr),
        height: text(height),
        creatinine: text(creatinine),
        dialysis: text(dialysis),
        dose: text(dose),
        comedication: text(comedication).into_iter().collect(),
    };
    (id, assess(&fields, settings))
}

/// A brief `batch` line, as serde would write it: the reference that [`write_brief`] is held
/// to, and the source of its schema.
#[cfg(test)]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct Brief<'a> {
    /// Always `anakinra/1`.
    schema: &'static str,
    /// The 1-based line of the record in the input.
    line: u64,
    /// The input's id, `null` when it had none.
    id: Option<&'a str>,
    /// The verdict.
    verdict: crate::dosing::Verdict,
    /// The verdict, or `prescription_refused` for an advised patient whose prescribed dose is
    /// above the maximum: what the text's verdict line says.
    outcome: &'static str,
    /// The first phase's label status, or the indication's on a refusal.
    label_status: LabelStatus,
    /// The refusal rules that apply; empty when advised.
    reason_ids: &'a [RuleId],
    /// The warnings' rule ids, most serious first.
    warning_ids: Vec<RuleId>,
    /// The phase ranges; empty unless advised.
    phases: Vec<BriefPhase>,
    /// The prescribed dose's class, when a dose was given (`null` when no dose is advised).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[allow(clippy::option_option)] // absent (no dose given) is not null (no dose advised)
    prescribed_class: Option<Option<crate::dosing::RxClass>>,
    /// The weight the answer is for, kg.
    weight_kg: crate::dosing::units::Kilograms,
    /// The age in completed months.
    age_months: crate::dosing::units::AgeMonths,
    /// The indication.
    indication: crate::dosing::Indication,
    /// The GFR (typed, or the eGFR), `null` when not given.
    gfr: Option<crate::dosing::units::Gfr>,
}

#[cfg(test)]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct BriefPhase {
    /// The phase.
    phase: Phase,
    /// Lowest mg/day after the caps.
    min_mg: crate::dosing::units::Milligrams,
    /// Highest mg/day after the caps.
    max_mg: crate::dosing::units::Milligrams,
    /// Whether the cap bit.
    capped: bool,
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_brief_line_is_the_derived_one_byte_for_byte() {
        let lines = [
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "gfr": 95}"#,
            r#"{"weight": 12.3, "age": "3y", "indication": "caps-mild"}"#,
            r#"{"weight": 9.9, "age": "2y", "indication": "sjia"}"#,
            r#"{"weight": 70, "age": "40y", "indication": "ra", "dialysis": true}"#,
            r#"{"weight": 70, "age": "40y", "indication": "ra"}"#,
            r#"{"weight": 6, "age": "3m", "indication": "sjia", "gfr": 20, "dialysis": true}"#,
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "dose": 45}"#,
            r#"{"weight": 30, "age": "8y", "indication": "sjia", "dose": 250}"#,
        ];
        for (at, text) in lines.iter().enumerate() {
            let patient: JsonPatient<'_> = serde_json::from_str(text).unwrap();
            let settings = Settings {
                lang: Lang::En,
                today: Date::constant(2026, 11, 26),
                ignore_unknown_columns: false,
            };
            let advice = assess(&patient.fields(), settings).unwrap().advice;
            for id in [
                None,
                Some("P \"1\"\\ é"),
                Some("P0000001"),
                Some("tab\there"),
                Some("del\u{7f} ü \u{2028}"),
            ] {
                let line = at as u64 + 1;
                let mut hand = Vec::new();
                write_brief(&mut hand, line, id, &advice).unwrap();
                let derived = serde_json::to_vec(&Brief {
                    schema: SCHEMA,
                    line,
                    id,
                    verdict: advice.verdict,
                    outcome: crate::output::record::outcome(&advice),
                    label_status: advice.label_status(),
                    reason_ids: &advice.reasons,
                    prescribed_class: advice.prescribed.as_ref().map(|p| p.class),
                    warning_ids: advice.warnings.iter().map(|w| w.rule).collect(),
                    phases: advice
                        .phases
                        .iter()
                        .map(|p| BriefPhase {
                            phase: p.phase,
                            min_mg: p.min,
                            max_mg: p.max,
                            capped: p.capped,
                        })
                        .collect(),
                    weight_kg: advice.patient.weight,
                    age_months: advice.patient.age,
                    indication: advice.patient.indication,
                    gfr: advice.patient.gfr,
                })
                .unwrap();
                assert_eq!(
                    String::from_utf8(hand).unwrap(),
                    String::from_utf8(derived).unwrap()
                );
            }
        }
    }
}
