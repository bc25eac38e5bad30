//! The CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF), written here so that every
//! record knows the physical line it starts on, blank lines included; and the mapping of a
//! header to the field table.

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::ops::Range;

use crate::i18n::messages::shorten;
use crate::input::error::{BatchError, RecordProblem};
use crate::input::field::Field;
use crate::input::line::{Lines, MAX_LINE, Read};
use crate::input::request::PatientFields;

/// One record: its cells as byte ranges into one buffer.
#[derive(Debug, Default)]
pub struct Row {
    bytes: Vec<u8>,
    cells: Vec<Range<usize>>,
    /// The 1-based line the record starts on.
    pub line: u64,
}

impl Row {
    /// The number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cell at `at`, with surrounding spaces of an unquoted cell removed.
    pub fn get(&self, at: usize) -> Option<&[u8]> {
        self.cells.get(at).and_then(|r| self.bytes.get(r.clone()))
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|at| self.get(at))
    }
}

/// Why a record could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    /// A quoted cell was still open at the end of the input.
    #[error("a quoted cell is not closed")]
    UnterminatedQuote,
    /// Text after a closing quote, as in `"12"5`.
    #[error("text after a closing quote")]
    AfterQuote,
    /// A line, or a quoted cell over several lines, longer than [`MAX_LINE`].
    #[error("longer than 1 MiB")]
    TooLong,
}

/// Reads records from [`Lines`], each knowing the physical line it starts on.
pub struct Reader<R> {
    lines: Lines<R>,
    delimiter: u8,
    raw: Vec<u8>,
    width: Option<usize>,
}

impl<R: BufRead> Reader<R> {
    /// A reader of `delimiter`-separated records.
    pub fn new(lines: Lines<R>, delimiter: u8) -> Reader<R> {
        Reader {
            lines,
            delimiter,
            raw: Vec::new(),
            width: None,
        }
    }

    /// The number of cells of a row (the header's): a quoted cell left open does not run on
    /// into a following line that is a whole row of its own (no quotes, `width` cells).
    pub fn expect_width(&mut self, width: usize) {
        self.width = Some(width);
    }

    /// Reads the next physical line into `raw`, without its line ending.
    fn next_line(&mut self) -> io::Result<Read> {
        let read = self.lines.next(&mut self.raw)?;
        while self.raw.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            self.raw.pop();
        }
        Ok(read)
    }

    /// Whether the line in `raw` is a whole row by itself.
    #[allow(clippy::naive_bytecount)] // one line: too short for a crate to matter
    fn is_whole_row(&self) -> bool {
        self.width.is_some_and(|width| {
            width > 1
                && !self.raw.contains(&b'"')
                && self.raw.iter().filter(|&&b| b == self.delimiter).count() + 1 == width
        })
    }

    /// Reads the next record into `row`. `Ok(None)` at the end of the input; a record that
    /// cannot be parsed is `Ok(Some(Err(..)))`, with `row.line` set, and reading goes on.
    ///
    /// # Errors
    ///
    /// When the input cannot be read.
    pub fn read(&mut self, row: &mut Row) -> io::Result<Option<Result<(), RowError>>> {
        let read = self.next_line()?;
        row.bytes.clear();
        row.cells.clear();
        row.line = self.lines.line();
        match read {
            Read::End => return Ok(None),
            Read::TooLong => return Ok(Some(Err(RowError::TooLong))),
            Read::Line => {}
        }
        if self.raw.contains(&b'"') {
            self.read_quoted(row)
        } else {
            self.read_plain(row);
            Ok(Some(Ok(())))
        }
    }

    /// A line without quotes (nearly every line): its cells are the text between
    /// delimiters, copied in one piece.
    fn read_plain(&self, row: &mut Row) {
        row.bytes.extend_from_slice(&self.raw);
        let mut start = 0;
        let ends = self
            .raw
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == self.delimiter);
        for end in ends.map(|(at, _)| at).chain([self.raw.len()]) {
            row.cells.push(cell(&row.bytes, start..end, false));
            start = end + 1;
        }
    }

    /// A record with quotes, byte by byte; a quoted cell may go on over line breaks.
    fn read_quoted(&mut self, row: &mut Row) -> io::Result<Option<Result<(), RowError>>> {
        let mut quoted = false; // inside quotes
        let mut was_quoted = false; // the current cell had quotes
        let mut after_quote = false; // a quote closed the cell
        let mut start = 0;
        loop {
            let mut i = 0;
            while let Some(&b) = self.raw.get(i) {
                i += 1;
                if quoted {
                    if b == b'"' {
                        if self.raw.get(i) == Some(&b'"') {
                            row.bytes.push(b'"');
                            i += 1;
                        } else {
                            quoted = false;
                            after_quote = true;
                        }
                    } else {
                        row.bytes.push(b);
                    }
                } else if b == self.delimiter {
                    row.cells
                        .push(cell(&row.bytes, start..row.bytes.len(), was_quoted));
                    start = row.bytes.len();
                    (was_quoted, after_quote) = (false, false);
                } else if after_quote && !b.is_ascii_whitespace() {
                    return Ok(Some(Err(RowError::AfterQuote)));
                } else if b == b'"'
                    && row
                        .bytes
                        .get(start..)
                        .is_some_and(|s| s.iter().all(u8::is_ascii_whitespace))
                {
                    row.bytes.truncate(start);
                    (quoted, was_quoted) = (true, true);
                } else if !after_quote {
                    row.bytes.push(b);
                }
            }
            if !quoted {
                break;
            }
            // A quoted cell goes on over the line break, but not into a whole row of its own,
            // which is read again as the next record: one record out for each one in.
            row.bytes.push(b'\n');
            match self.next_line()? {
                Read::End => return Ok(Some(Err(RowError::UnterminatedQuote))),
                Read::TooLong => return Ok(Some(Err(RowError::TooLong))),
                Read::Line if self.is_whole_row() => {
                    let mut line = std::mem::take(&mut self.raw);
                    line.push(b'\n');
                    self.lines.unread(&line, Read::Line);
                    return Ok(Some(Err(RowError::UnterminatedQuote)));
                }
                Read::Line if row.bytes.len() + self.raw.len() > MAX_LINE => {
                    return Ok(Some(Err(RowError::TooLong)));
                }
                Read::Line => {}
            }
        }
        row.cells
            .push(cell(&row.bytes, start..row.bytes.len(), was_quoted));
        Ok(Some(Ok(())))
    }
}

/// The range of a cell in `bytes`; an unquoted cell loses its surrounding spaces.
fn cell(bytes: &[u8], mut range: Range<usize>, quoted: bool) -> Range<usize> {
    if !quoted {
        while range.start < range.end && bytes.get(range.start).is_some_and(u8::is_ascii_whitespace)
        {
            range.start += 1;
        }
        while range.end > range.start
            && bytes
                .get(range.end - 1)
                .is_some_and(u8::is_ascii_whitespace)
        {
            range.end -= 1;
        }
    }
    range
}

/// The delimiter of a CSV header, its whole first line: `;` when it has more semicolons than
/// commas.
#[allow(clippy::naive_bytecount)] // one header line: too short for a crate to matter
pub fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Where each record field is in the CSV header, in the order of [`Field::RECORD`].
pub type Columns = [Option<usize>; Field::RECORD.len()];

/// A CSV header read: where each field is, how many cells a row has, and the columns left out.
#[derive(Debug, Default)]
pub struct Header {
    /// Where each field is.
    pub columns: Columns,
    /// The header's number of cells, which every row must have.
    pub width: usize,
    /// The unknown columns left out (`--ignore-unknown-columns`), shortened for a message.
    pub ignored: Vec<String>,
}

/// Maps the header to [`Field::RECORD`] (English or Dutch names, any case, spaces around them
/// not part of them); a repeated column is refused, and so is an unknown one unless
/// `ignore_unknown`, when it is left out and named in [`Header::ignored`].
///
/// # Errors
///
/// [`BatchError::UnknownColumn`] and [`BatchError::RepeatedColumn`].
fn header(row: &Row, ignore_unknown: bool) -> Result<Header, BatchError> {
    let mut header = Header::default();
    for (at, name) in row.iter().enumerate() {
        let name = String::from_utf8_lossy(name).trim().to_lowercase();
        let Some(field) = Field::from_column(&name) else {
            if ignore_unknown {
                header.ignored.push(shorten(&name));
                continue;
            }
            return Err(BatchError::UnknownColumn(name));
        };
        let place = Field::RECORD.iter().position(|f| *f == field);
        match place.and_then(|p| header.columns.get_mut(p)) {
            Some(slot @ None) => *slot = Some(at),
            _ => return Err(BatchError::RepeatedColumn(name)),
        }
    }
    Ok(header)
}

/// Reads the header, the first row that is not blank, and maps it to [`Field::RECORD`]
/// (English or Dutch names, any case, spaces around them not part of them); the reader then
/// expects every row to have as many cells.
///
/// # Errors
///
/// [`BatchError::NoHeader`], [`BatchError::Header`] for a header that cannot be read,
/// [`BatchError::UnknownColumn`] (unless `ignore_unknown`), [`BatchError::RepeatedColumn`], and
/// [`BatchError::CannotRead`].
pub fn read_header<R: BufRead>(
    rows: &mut Reader<R>,
    ignore_unknown: bool,
) -> Result<Header, BatchError> {
    let mut row = Row::default();
    loop {
        match rows.read(&mut row).map_err(BatchError::CannotRead)? {
            None => return Err(BatchError::NoHeader),
            Some(Ok(())) if row.iter().all(<[u8]>::is_empty) => {}
            Some(Ok(())) => break,
            Some(Err(problem)) => {
                return Err(BatchError::Header {
                    line: row.line,
                    problem,
                });
            }
        }
    }
    let mut mapped = header(&row, ignore_unknown)?;
    mapped.width = row.len();
    rows.expect_width(row.len());
    Ok(mapped)
}

/// One CSV row as the fields of a patient: an empty cell is an absent field; a
/// `comedication` cell lists names separated by `;` or `|` (or `,` when quoted). The id is
/// [`row_id`]'s.
///
/// # Errors
///
/// [`RecordProblem::NotUtf8`] for a cell that is not UTF-8, naming its column.
pub fn record<'r>(row: &'r Row, columns: &Columns) -> Result<PatientFields<'r>, RecordProblem> {
    let mut fields = PatientFields::default();
    for (&field, column) in Field::RECORD.iter().zip(columns) {
        let Some(bytes) = column.and_then(|at| row.get(at)).filter(|b| !b.is_empty()) else {
            continue;
        };
        let text = std::str::from_utf8(bytes).map_err(|err| RecordProblem::NotUtf8 {
            field: Some(field),
            at: err.valid_up_to(),
        })?;
        fields.set(field, Cow::Borrowed(text));
    }
    Ok(fields)
}

/// The id cell of a row, when it is there and is text.
pub fn row_id<'r>(row: &'r Row, columns: &Columns) -> Option<&'r str> {
    let at = columns.first().copied().flatten()?;
    row.get(at)
        .filter(|cell| !cell.is_empty())
        .and_then(|cell| std::str::from_utf8(cell).ok())
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn rows(input: &str, delimiter: u8) -> Vec<(u64, Result<Vec<String>, RowError>)> {
        let mut reader = Reader::new(Lines::new(input.as_bytes()), delimiter);
        let mut row = Row::default();
        let mut out = Vec::new();
        while let Some(result) = reader.read(&mut row).unwrap() {
            let cells = result.map(|()| {
                row.iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect()
            });
            out.push((row.line, cells));
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 3_000,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        /// A line without quotes reads the same by the plain path as byte by byte.
        #[test]
        fn plain_lines_read_as_the_quoted_path_reads_them(
            line in "[a-z0-9,; \t.é\u{a0}]{0,40}",
            delimiter in proptest::sample::select(&[b',', b';'][..]),
        ) {
            let mut reader = Reader::new(Lines::new(&b""[..]), delimiter);
            reader.raw = line.into_bytes();
            let (mut plain, mut quoted) = (Row::default(), Row::default());
            reader.read_plain(&mut plain);
            proptest::prop_assert!(matches!(reader.read_quoted(&mut quoted), Ok(Some(Ok(())))));
            proptest::prop_assert_eq!(
                plain.iter().collect::<Vec<_>>(),
                quoted.iter().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn lines_count_blank_lines_and_crlf() {
        let got = rows("\u{feff}a;b\r\n1;2\r\n\r\n3;4", b';');
        let lines: Vec<u64> = got.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert_eq!(got[0].1, Ok(vec!["a".to_string(), "b".to_string()]));
        assert_eq!(got[2].1, Ok(vec![String::new()]));
        assert_eq!(got[3].1, Ok(vec!["3".to_string(), "4".to_string()]));
    }

    #[test]
    fn quoted_cells_keep_delimiters_quotes_and_line_breaks() {
        let got = rows("\"12,5\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,1\n", b',');
        assert_eq!(
            got[0],
            (
                1,
                Ok(vec![
                    "12,5".into(),
                    "say \"hi\"".into(),
                    "two\nlines".into()
                ])
            )
        );
        assert_eq!(got[1], (3, Ok(vec!["next".into(), "1".into()])));
    }

    #[test]
    fn unquoted_cells_are_trimmed() {
        assert_eq!(
            rows(" 12 , sjia \n", b','),
            [(1, Ok(vec!["12".into(), "sjia".into()]))]
        );
    }

    #[test]
    fn broken_quotes_are_reported_in_place() {
        let got = rows("\"12\"5,x\nok\n", b',');
        assert_eq!(got[0], (1, Err(RowError::AfterQuote)));
        assert_eq!(got[1], (2, Ok(vec!["ok".into()])));
        assert_eq!(
            rows("\"open\nstill", b','),
            [(1, Err(RowError::UnterminatedQuote))]
        );
    }
}
