//! `anakinra batch`: many patients, one record out per record in, streamed. JSON lines or CSV
//! in, JSON lines or CSV out; a bad record becomes an error record in place and the run goes
//! on.

use std::borrow::Cow;
use std::io::{self, BufRead, Write};

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::csv::{self, Row, RowError};
use crate::dosing::{self, Advice, LabelStatus, Phase, RuleId, Verdict};
use crate::error::InputError;
use crate::input::JsonPatient;
use crate::record::{Record, SCHEMA};
use crate::request::{self, PatientFields};
use crate::units::write_centi;

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
    /// Flat CSV.
    Csv,
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
pub struct RecordError {
    /// The JSON key or CSV column at fault, `null` when the record as a whole is.
    pub field: Option<String>,
    /// What was wrong and what is accepted.
    pub message: String,
}

impl From<InputError> for RecordError {
    fn from(err: InputError) -> RecordError {
        RecordError {
            field: Some(err.field.key().to_string()),
            message: err.message(),
        }
    }
}

impl RecordError {
    fn whole(message: impl Into<String>) -> RecordError {
        RecordError {
            field: None,
            message: message.into(),
        }
    }
}

/// The CSV columns accepted on input.
pub const CSV_COLUMNS: [&str; 7] = [
    "id",
    "weight",
    "age",
    "age_months",
    "indication",
    "gfr",
    "dialysis",
];

/// The CSV columns written on output.
pub const CSV_OUTPUT_COLUMNS: [&str; 13] = [
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
];

/// Guesses the input format from the first non-blank byte: `{` is JSON lines, anything else
/// CSV. A UTF-8 byte-order mark is skipped.
///
/// # Errors
///
/// When the input cannot be read.
pub fn detect(reader: &mut impl BufRead) -> io::Result<InputFormat> {
    let buf = reader.fill_buf()?;
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    Ok(match buf.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    })
}

/// The writer of output records, in the chosen format.
enum Sink<W: Write> {
    /// JSON lines.
    Json { out: W, detail: Detail },
    /// Flat CSV with the given delimiter and decimal mark.
    Csv {
        out: W,
        delimiter: u8,
        decimal_mark: char,
    },
}

/// A brief JSON line.
#[derive(Serialize)]
struct Brief<'a> {
    schema: &'static str,
    line: u64,
    id: Option<&'a str>,
    verdict: Verdict,
    label_status: LabelStatus,
    reason_ids: &'a [RuleId],
    warning_ids: Vec<RuleId>,
    phases: Vec<BriefPhase>,
}

#[derive(Serialize)]
struct BriefPhase {
    phase: Phase,
    min_mg: crate::units::Milligrams,
    max_mg: crate::units::Milligrams,
    capped: bool,
}

/// A full JSON line: the `dose` record with `line` and `id`.
#[derive(Serialize)]
struct Full<'a> {
    line: u64,
    id: Option<&'a str>,
    #[serde(flatten)]
    record: Record,
}

/// An error line.
#[derive(Serialize)]
struct ErrorLine<'a> {
    schema: &'static str,
    line: u64,
    id: Option<&'a str>,
    error: &'a RecordError,
}

impl<W: Write> Sink<W> {
    /// A sink; CSV output uses `delimiter`, with a decimal comma when it is `;` (as Dutch
    /// Excel writes), and starts with its header.
    fn new(out: W, format: OutputFormat, detail: Detail, delimiter: u8) -> Result<Sink<W>> {
        Ok(match format {
            OutputFormat::Jsonl => Sink::Json { out, detail },
            OutputFormat::Csv => {
                let mut out = out;
                csv::write_row(&mut out, &CSV_OUTPUT_COLUMNS, delimiter)?;
                Sink::Csv {
                    out,
                    delimiter,
                    decimal_mark: if delimiter == b';' { ',' } else { '.' },
                }
            }
        })
    }

    fn write(
        &mut self,
        line: u64,
        id: Option<&str>,
        outcome: &Result<Advice, RecordError>,
    ) -> Result<()> {
        let (out, detail) = match self {
            Sink::Csv {
                out,
                delimiter,
                decimal_mark,
            } => {
                csv::write_row(out, &csv_row(line, id, outcome, *decimal_mark), *delimiter)?;
                return Ok(());
            }
            Sink::Json { out, detail } => (out, *detail),
        };
        match (outcome, detail) {
            (Ok(advice), Detail::Brief) => serde_json::to_writer(
                &mut *out,
                &Brief {
                    schema: SCHEMA,
                    line,
                    id,
                    verdict: advice.verdict,
                    label_status: advice.label_status(),
                    reason_ids: &advice.reasons,
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
                },
            )?,
            (Ok(advice), Detail::Full) => {
                serde_json::to_writer(
                    &mut *out,
                    &Full {
                        line,
                        id,
                        record: Record::new(advice),
                    },
                )?;
            }
            (Err(error), _) => serde_json::to_writer(
                &mut *out,
                &ErrorLine {
                    schema: SCHEMA,
                    line,
                    id,
                    error,
                },
            )?,
        }
        out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::Csv { mut out, .. } | Sink::Json { mut out, .. } => out.flush()?,
        }
        Ok(())
    }
}

fn centi_text(centi: u32, decimal_mark: char) -> String {
    let mut text = String::new();
    let _ = write_centi(&mut text, u64::from(centi), decimal_mark);
    text
}

fn ids(rules: impl Iterator<Item = RuleId>) -> String {
    rules.map(RuleId::as_str).collect::<Vec<_>>().join(" ")
}

/// One flat CSV row, in the order of [`CSV_OUTPUT_COLUMNS`].
fn csv_row(
    line: u64,
    id: Option<&str>,
    outcome: &Result<Advice, RecordError>,
    mark: char,
) -> [String; 13] {
    let mut row: [String; 13] = Default::default();
    let [
        line_c,
        id_c,
        verdict,
        label,
        start_min,
        start_max,
        esc_min,
        esc_max,
        exceptional,
        standard,
        reasons,
        warnings,
        error,
    ] = &mut row;
    *line_c = line.to_string();
    *id_c = id.unwrap_or_default().to_string();
    match outcome {
        Ok(advice) => {
            *verdict = advice.verdict.as_str().to_string();
            *label = match advice.label_status() {
                LabelStatus::OnLabel => "on_label",
                LabelStatus::OffLabel => "off_label",
            }
            .to_string();
            for p in &advice.phases {
                let (min, max) = (
                    centi_text(p.min.centi(), mark),
                    centi_text(p.max.centi(), mark),
                );
                match p.phase {
                    Phase::Start => (*start_min, *start_max) = (min, max),
                    Phase::Escalation => (*esc_min, *esc_max) = (min, max),
                    Phase::Exceptional => *exceptional = max,
                    Phase::Standard => *standard = max,
                }
            }
            *reasons = ids(advice.reasons.iter().copied());
            *warnings = ids(advice.warnings.iter().map(|w| w.rule));
        }
        Err(err) => {
            *error = match &err.field {
                Some(field) => format!("{field}: {}", err.message),
                None => err.message.clone(),
            };
        }
    }
    row
}

fn advise(fields: &PatientFields<'_>) -> Result<Advice, RecordError> {
    Ok(dosing::advise(&request::patient(fields)?))
}

/// Runs a batch: reads `reader` in `input` format, writes one record per record to `out`.
///
/// # Errors
///
/// A usage error in the input as a whole (an unknown CSV column), or an I/O error.
pub fn run<R: BufRead, W: Write>(
    mut reader: R,
    out: W,
    input: Option<InputFormat>,
    format: OutputFormat,
    detail: Detail,
) -> Result<Summary> {
    let input = match input {
        Some(input) => input,
        None => detect(&mut reader).context("cannot read the input")?,
    };
    match input {
        InputFormat::Jsonl => jsonl(reader, Sink::new(out, format, detail, b',')?),
        InputFormat::Csv => csv_input(reader, out, format, detail),
    }
}

/// Reads JSON lines.
fn jsonl<R: BufRead, W: Write>(mut reader: R, mut sink: Sink<W>) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut buf = Vec::new();
    let mut line = 0_u64;
    loop {
        buf.clear();
        if reader
            .read_until(b'\n', &mut buf)
            .context("cannot read the input")?
            == 0
        {
            break;
        }
        line += 1;
        let mut bytes = buf.as_slice();
        if line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (id, outcome) = json_record(bytes);
        summary.records += 1;
        summary.invalid += u64::from(outcome.is_err());
        sink.write(line, id.as_deref(), &outcome)?;
    }
    sink.finish()?;
    Ok(summary)
}

/// One JSON line: its id (when it can be read) and its advice or error.
fn json_record(bytes: &[u8]) -> (Option<String>, Result<Advice, RecordError>) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            return (
                None,
                Err(RecordError::whole(format!(
                    "not valid UTF-8 (at byte {})",
                    err.valid_up_to() + 1
                ))),
            );
        }
    };
    match serde_json::from_str::<JsonPatient<'_>>(text) {
        Ok(patient) => {
            let id = patient.id.as_ref().map(|s| s.as_str().to_string());
            (id, advise(&patient.fields()))
        }
        Err(err) => (salvage_id(text), Err(json_error(&err))),
    }
}

/// The `id` of a line that did not validate as a patient, when it is valid JSON at all.
fn salvage_id(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A JSON error as a record error: an unknown key names itself as the field.
fn json_error(err: &serde_json::Error) -> RecordError {
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return RecordError {
            field: Some(key.to_string()),
            message: format!(
                "unknown key '{}'; accepted: {}",
                crate::parse::shorten(key),
                CSV_COLUMNS.join(", ")
            ),
        };
    }
    let what = if err.is_data() {
        "invalid value"
    } else {
        "invalid JSON"
    };
    RecordError::whole(format!("{what}: {message}"))
}

/// The delimiter of a CSV header: `;` when it has more semicolons than commas.
#[allow(clippy::naive_bytecount)] // one header line: too short for a crate to matter
fn sniff_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Where each input column is in the CSV header, in the order of [`CSV_COLUMNS`].
type Columns = [Option<usize>; CSV_COLUMNS.len()];

/// Maps the header to [`CSV_COLUMNS`]; an unknown or repeated column is a usage error.
fn columns(header: &Row) -> Result<Columns> {
    let mut columns: Columns = Default::default();
    for (at, name) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        let Some(known) = CSV_COLUMNS.iter().position(|c| *c == name) else {
            bail!(
                "unknown CSV column '{}' in the header; accepted: {}",
                crate::parse::shorten(&name),
                CSV_COLUMNS.join(", ")
            );
        };
        match columns.get_mut(known) {
            Some(slot @ None) => *slot = Some(at),
            _ => bail!("CSV column '{name}' appears twice in the header"),
        }
    }
    Ok(columns)
}

/// Reads CSV rows after a header.
fn csv_input<R: BufRead, W: Write>(
    mut reader: R,
    out: W,
    format: OutputFormat,
    detail: Detail,
) -> Result<Summary> {
    let delimiter = sniff_delimiter(reader.fill_buf().context("cannot read the input")?);
    let mut rows = csv::Reader::new(reader, delimiter);
    let mut row = Row::default();
    // The header: the first row that is not blank.
    let columns = loop {
        match rows.read(&mut row).context("cannot read the input")? {
            None => bail!("the CSV input has no header"),
            Some(Ok(())) if row.iter().all(<[u8]>::is_empty) => {}
            Some(Ok(())) => break columns(&row)?,
            Some(Err(err)) => bail!(
                "the CSV header on line {} cannot be read: {err:?}",
                row.line
            ),
        }
    };
    let width = row.len();
    let mut sink = Sink::new(out, format, detail, delimiter)?;
    let mut summary = Summary::default();
    while let Some(read) = rows.read(&mut row).context("cannot read the input")? {
        if read.is_ok() && row.iter().all(<[u8]>::is_empty) {
            continue; // a blank row, or one of delimiters only
        }
        let (id, outcome) = match read {
            Err(RowError::UnterminatedQuote) => {
                (None, Err(RecordError::whole("a quoted cell is not closed")))
            }
            Err(RowError::AfterQuote) => {
                (None, Err(RecordError::whole("text after a closing quote")))
            }
            Ok(()) if row.len() != width => (
                None,
                Err(RecordError::whole(format!(
                    "the row has {} cells, the header {width}",
                    row.len()
                ))),
            ),
            Ok(()) => csv_record(&row, &columns),
        };
        summary.records += 1;
        summary.invalid += u64::from(outcome.is_err());
        sink.write(row.line, id.as_deref(), &outcome)?;
    }
    sink.finish()?;
    Ok(summary)
}

/// One CSV row: its id and its advice or error. An empty cell is an absent field.
fn csv_record(row: &Row, columns: &Columns) -> (Option<String>, Result<Advice, RecordError>) {
    let mut cells: [Option<Cow<'_, str>>; CSV_COLUMNS.len()] = Default::default();
    for ((cell, column), name) in cells.iter_mut().zip(columns).zip(CSV_COLUMNS) {
        let Some(bytes) = column.and_then(|at| row.get(at)).filter(|b| !b.is_empty()) else {
            continue;
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => *cell = Some(Cow::Borrowed(text)),
            Err(err) => {
                let message = format!("not valid UTF-8 (at byte {})", err.valid_up_to() + 1);
                return (
                    None,
                    Err(RecordError {
                        field: Some(name.to_string()),
                        message,
                    }),
                );
            }
        }
    }
    let [id, weight, age, age_months, indication, gfr, dialysis] = cells;
    let fields = PatientFields {
        weight,
        age,
        age_months,
        indication,
        gfr,
        dialysis,
    };
    (id.map(Cow::into_owned), advise(&fields))
}
