//! The output, one module per format: the JSON record of `dose` ([`record`]), the records of
//! `batch` ([`batch`]: the brief line of [`brief`], the row of [`csv`]), the text note
//! ([`text`]), the taper as lines ([`taper`]) and as an iCalendar file ([`ics`]), the report of
//! `check` ([`check`]) and the published schemas ([`schema`]).

pub mod batch;
pub mod brief;
pub mod check;
pub mod csv;
pub mod ics;
pub mod record;
pub mod schema;
pub mod taper;
pub mod text;

use std::fmt::Write as _;

/// User text made safe for a terminal: control characters (a line break, an escape
/// sequence, a carriage return) and invisible direction and format marks are written as
/// escapes (`\n`, `\u{1b}`, `\u{202e}`), so a name typed into a field can never start a line
/// of its own that reads like the tool's output, nor repaint the screen.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
    if !text.contains(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
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
    fn visible_escapes_what_could_forge_or_repaint_a_line() {
        assert!(matches!(
            visible("etanercept µ ü"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            visible("a\nb\rc\td\u{1b}[2J\u{7f}\u{85}\u{200e}\u{202e}\u{2066}\u{feff}z"),
            "a\\nb\\rc\\td\\u{1b}[2J\\u{7f}\\u{85}\\u{200e}\\u{202e}\\u{2066}\\u{feff}z"
        );
        // The edges of each range of invisible marks, and the characters just outside them.
        for hidden in ['\u{200b}', '\u{200f}', '\u{2028}', '\u{2060}', '\u{2069}'] {
            assert_eq!(
                visible(&hidden.to_string()),
                format!("\\u{{{:x}}}", u32::from(hidden))
            );
        }
        for shown in [
            '\u{200a}', '\u{2010}', '\u{2027}', '\u{202f}', '\u{205f}', '\u{206a}', '\u{fefe}',
        ] {
            assert_eq!(visible(&shown.to_string()), shown.to_string());
        }
    }
}
