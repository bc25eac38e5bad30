//! The records of `anakinra batch`, as they are written: one out per record in, as JSON lines
//! (brief or full) or as flat CSV, gathered and written some 64 KiB at a time.

use std::io::{self, Write};

use serde::Serialize;

use crate::i18n::Lang;
use crate::input::error::RecordProblem;
use crate::input::request::Assessed;
use crate::output::brief::write_brief;
use crate::output::csv::{self, CSV_OUTPUT_COLUMNS, push_csv_row};
use crate::output::record::{Record, SCHEMA};

/// A record's result: its assessment, or why it is invalid.
pub type Outcome = Result<Assessed, RecordProblem>;

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
    /// The error record of a problem, its message in `lang`.
    pub fn new(problem: &RecordProblem, lang: Lang) -> RecordError {
        RecordError {
            field: problem.field().map(str::to_string),
            message: problem.message(lang),
        }
    }
}

/// The writer of output records, in the chosen format. Records are gathered in `buf` and
/// written out some 64 KiB at a time: one copy of the output, not two (a brief line is built
/// in place, and a large write passes the caller's `BufWriter` by).
pub struct Sink<W: Write> {
    out: W,
    buf: Vec<u8>,
    format: SinkFormat,
    lang: Lang,
}

/// What a [`Sink`] writes.
enum SinkFormat {
    /// JSON lines.
    Json(Detail),
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
pub struct Full<'a> {
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
pub struct ErrorLine<'a> {
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
    pub fn new(
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
            OutputFormat::Jsonl => SinkFormat::Json(detail),
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
        Sink {
            out,
            buf,
            format,
            lang,
        }
    }

    /// Writes one record: its line in the input, its id, and its outcome.
    ///
    /// # Errors
    ///
    /// When the output cannot be written.
    pub fn write(&mut self, line: u64, id: Option<&str>, outcome: &Outcome) -> io::Result<()> {
        let (buf, lang) = (&mut self.buf, self.lang);
        match self.format {
            SinkFormat::Csv {
                delimiter,
                decimal_mark,
                line_end,
            } => {
                push_csv_row(buf, line, id, outcome, delimiter, decimal_mark, lang);
                buf.extend_from_slice(line_end);
            }
            SinkFormat::Json(detail) => {
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
                    (Err(problem), _) => serde_json::to_writer(
                        &mut *buf,
                        &ErrorLine {
                            schema: SCHEMA,
                            line,
                            id,
                            error: &RecordError::new(problem, lang),
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

    /// Writes what is left, and flushes.
    ///
    /// # Errors
    ///
    /// When the output cannot be written.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}
