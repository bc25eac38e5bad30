//! Flat CSV output (`batch --format csv`, `--excel`): RFC 4180 cells, a formula guard, and one
//! row per record in the order of [`CSV_OUTPUT_COLUMNS`].

use crate::dosing::units::CentiText;
use crate::dosing::{Phase, RuleId};
use crate::i18n::Lang;
use crate::input::request::Assessed;
use crate::output::batch::Outcome;
use crate::output::brief::{push_centi, push_line};

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

/// Appends one flat CSV row, in the order of [`CSV_OUTPUT_COLUMNS`], without its line end. Only
/// the id and the error are free text that may need quoting; the rest is ASCII without the
/// delimiter (the decimal mark is `,` only when the delimiter is `;`).
pub(crate) fn push_csv_row(
    buf: &mut Vec<u8>,
    line: u64,
    id: Option<&str>,
    outcome: &Outcome,
    delimiter: u8,
    mark: char,
    lang: Lang,
) {
    push_line(buf, line);
    buf.push(delimiter);
    push_cell(buf, id.unwrap_or_default(), delimiter);
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
        Err(problem) => {
            for _ in 0..10 {
                buf.push(delimiter);
            }
            let message = problem.message(lang);
            match problem.field() {
                Some(field) => push_cell(buf, &format!("{field}: {message}"), delimiter),
                None => push_cell(buf, &message, delimiter),
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

/// Appends one cell, quoted when it holds the delimiter, a quote or a line break. A cell that
/// a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, as OWASP advises against CSV injection: an id or a
/// message is shown as text, never run.
pub fn push_cell(buf: &mut Vec<u8>, cell: &str, delimiter: u8) {
    let formula = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let cell = cell.as_bytes();
    if cell
        .iter()
        .any(|&b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r')
    {
        buf.push(b'"');
        if formula {
            buf.push(b'\'');
        }
        for &b in cell {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        if formula {
            buf.push(b'\'');
        }
        buf.extend_from_slice(cell);
    }
}

/// Appends one record, each cell as [`push_cell`] writes it, ending in `line_end`.
pub fn push_row<S: AsRef<str>>(buf: &mut Vec<u8>, cells: &[S], delimiter: u8, line_end: &[u8]) {
    for (at, cell) in cells.iter().enumerate() {
        if at > 0 {
            buf.push(delimiter);
        }
        push_cell(buf, cell.as_ref(), delimiter);
    }
    buf.extend_from_slice(line_end);
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
    fn written_rows_quote_only_where_needed() {
        let mut out = Vec::new();
        push_row(&mut out, &["a", "b;c", "d\"e", "12,5"], b';', b"\n");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a;\"b;c\";\"d\"\"e\";12,5\n"
        );
        let back = crate::input::csv::tests::rows("a;\"b;c\";\"d\"\"e\";12,5\n", b';');
        assert_eq!(
            back[0].1,
            Ok(vec!["a".into(), "b;c".into(), "d\"e".into(), "12,5".into()])
        );
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        let mut out = Vec::new();
        push_row(
            &mut out,
            &[
                "=HYPERLINK(\"x\")",
                "+1",
                "-2",
                "@SUM(A1)",
                "\tx",
                "a=b",
                "=1;2",
            ],
            b';',
            b"\n",
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(\"\"x\"\")\";'+1;'-2;'@SUM(A1);'\tx;a=b;\"'=1;2\"\n"
        );
    }
}
