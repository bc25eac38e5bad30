//! Lines read with a bound on memory: a line longer than [`MAX_LINE`] keeps only its first
//! [`MAX_LINE`] bytes and the rest is skipped up to the next line break, so that no input,
//! `/dev/zero` included, makes a batch grow. JSON lines and CSV read through the same
//! [`Lines`], which counts physical lines (blank ones too) and can give one line back.

use std::io::{self, BufRead};

/// The longest line a batch reads: 1 MiB, line break included. A patient record is well under
/// a kilobyte; a longer line becomes an error record.
pub const MAX_LINE: usize = 1 << 20;

/// What reading a line gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// The end of the input: nothing was read.
    End,
    /// A whole line, with its line break when it had one.
    Line,
    /// A line longer than [`MAX_LINE`]: only its first bytes were kept.
    TooLong,
}

/// Physical lines of a reader, counted, each at most [`MAX_LINE`] bytes; a UTF-8 byte-order
/// mark at the very start is dropped.
pub struct Lines<R> {
    inner: R,
    line: u64,
    back: Option<(Vec<u8>, Read)>,
    /// The rest of a line too long is still to be skipped.
    skipping: bool,
    /// The input started with a UTF-8 byte-order mark.
    bom: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `inner`, from line 1.
    pub fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            line: 0,
            back: None,
            skipping: false,
            bom: false,
        }
    }

    /// Whether the input started with a UTF-8 byte-order mark (dropped from line 1).
    pub fn had_bom(&self) -> bool {
        self.bom
    }

    /// The 1-based number of the line read last.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Reads the next line into `buf` (cleared first), line break included.
    ///
    /// # Errors
    ///
    /// When the input cannot be read.
    pub fn next(&mut self, buf: &mut Vec<u8>) -> io::Result<Read> {
        buf.clear();
        if let Some((back, read)) = self.back.take() {
            buf.extend_from_slice(&back);
            self.line += 1;
            return Ok(read);
        }
        if self.skipping {
            skip_line(&mut self.inner)?;
            self.skipping = false;
        }
        let read = read_capped(&mut self.inner, buf)?;
        self.skipping = read == Read::TooLong;
        if read != Read::End {
            self.line += 1;
            if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
                self.bom = true;
            }
        }
        Ok(read)
    }

    /// Gives back the line read last (its bytes and how it was read), to be read again.
    pub fn unread(&mut self, bytes: &[u8], read: Read) {
        self.line -= 1;
        self.back = Some((bytes.to_vec(), read));
    }
}

/// Reads up to and including the next `\n`; at [`MAX_LINE`] bytes without one it stops there,
/// and the rest of the line is skipped by the next read: what is wrong is told at once, even
/// of a line that never ends (`/dev/zero`).
fn read_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Read> {
    loop {
        let available = fill(reader)?;
        if available.is_empty() {
            return Ok(if buf.is_empty() {
                Read::End
            } else {
                Read::Line
            });
        }
        let (chunk, ends) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (available.split_at(at + 1).0, true),
            None => (available, false),
        };
        let room = MAX_LINE - buf.len();
        if chunk.len() > room {
            buf.extend_from_slice(chunk.get(..room).unwrap_or_default());
            reader.consume(room);
            return Ok(Read::TooLong);
        }
        buf.extend_from_slice(chunk);
        let used = chunk.len();
        reader.consume(used);
        if ends {
            return Ok(Read::Line);
        }
    }
}

/// The reader's buffer, filled; a read interrupted by a signal is tried again.
fn fill(reader: &mut impl BufRead) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
            Ok(_) => break,
        }
    }
    // Filled now: this returns the same bytes without reading again.
    reader.fill_buf()
}

/// Skips the rest of a line, its `\n` included.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = fill(reader)?;
        if available.is_empty() {
            return Ok(());
        }
        if let Some(at) = available.iter().position(|&b| b == b'\n') {
            reader.consume(at + 1);
            return Ok(());
        }
        let used = available.len();
        reader.consume(used);
    }
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
    fn lines_are_counted_and_capped_and_one_can_be_given_back() {
        let long = vec![b'x'; MAX_LINE + 10];
        let mut input = b"\xEF\xBB\xBFa\n\nb".to_vec();
        input.push(b'\n');
        input.extend_from_slice(&long);
        input.extend_from_slice(b"\nlast");
        // A small buffer, so a line comes in many reads.
        let mut lines = Lines::new(io::BufReader::with_capacity(7, input.as_slice()));
        let mut buf = Vec::new();
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!((buf.as_slice(), lines.line()), (&b"a\n"[..], 1));
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!(buf, b"\n");
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!(buf, b"b\n");
        lines.unread(&buf.clone(), Read::Line);
        assert_eq!(lines.line(), 2);
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!((buf.as_slice(), lines.line()), (&b"b\n"[..], 3));
        assert_eq!(lines.next(&mut buf).unwrap(), Read::TooLong);
        assert_eq!((buf.len(), lines.line()), (MAX_LINE, 4));
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!((buf.as_slice(), lines.line()), (&b"last"[..], 5));
        assert_eq!(lines.next(&mut buf).unwrap(), Read::End);
        assert_eq!(lines.line(), 5);
    }

    #[test]
    fn a_line_of_exactly_the_maximum_is_whole() {
        let mut input = vec![b'x'; MAX_LINE - 1];
        input.push(b'\n');
        let mut lines = Lines::new(input.as_slice());
        let mut buf = Vec::new();
        assert_eq!(lines.next(&mut buf).unwrap(), Read::Line);
        assert_eq!(buf.len(), MAX_LINE);
        let mut input = vec![b'x'; MAX_LINE];
        input.push(b'\n');
        let mut lines = Lines::new(input.as_slice());
        assert_eq!(lines.next(&mut buf).unwrap(), Read::TooLong);
    }
}
