//! `anakinra taper --format ics`: the KF-TAPER schedule as an iCalendar file (RFC 5545) a
//! family can import into a phone calendar.

use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::ToSpan;
use jiff::civil::Date;

use crate::dosing::taper::Taper;
use crate::i18n::Lang;
use crate::output::taper::{flag_text, what};

/// Escapes a TEXT value (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Writes one content line, folded at 75 octets (RFC 5545, 3.1) without splitting a UTF-8
/// character, ending in CRLF.
fn line(out: &mut impl Write, text: &str) -> io::Result<()> {
    let mut width = 0;
    for c in text.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.write_all(b"\r\n ")?;
            width = 1;
        }
        let mut buf = [0_u8; 4];
        out.write_all(c.encode_utf8(&mut buf).as_bytes())?;
        width += len;
    }
    out.write_all(b"\r\n")
}

/// Writes the schedule as an iCalendar file: one all-day event per injection day, each with a
/// UID and a DTSTAMP (`stamp`, UTC).
///
/// # Errors
///
/// When the writer fails.
pub fn write_ics(
    out: &mut impl Write,
    taper: &Taper,
    lang: Lang,
    stamp: jiff::Timestamp,
) -> io::Result<()> {
    let stamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let dose = lang.num(&taper.dose_mg);
    let compact = |d: Date| d.strftime("%Y%m%d").to_string();
    let mut about = what(taper, lang);
    for &rule in &taper.flags {
        let _ = write!(
            about,
            "\n{} {}",
            lang.pick("CAUTION", "LET OP"),
            flag_text(rule, taper.dose_mg, lang)
        );
    }
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(out, "PRODID:-//anakinra//anakinra taper//EN")?;
    line(out, "CALSCALE:GREGORIAN")?;
    line(out, "METHOD:PUBLISH")?;
    let total = taper.injections.len();
    for (n, &day) in taper.injections.iter().enumerate() {
        // The day after an injection day exists: the schedule ends two weeks later still.
        let next = day.checked_add(1.day()).unwrap_or(day);
        line(out, "BEGIN:VEVENT")?;
        line(
            out,
            &format!(
                "UID:{}-{}-taper-{}@anakinra",
                compact(day),
                taper.dose_mg.centi(),
                compact(taper.from)
            ),
        )?;
        line(out, &format!("DTSTAMP:{stamp}"))?;
        line(out, &format!("DTSTART;VALUE=DATE:{}", compact(day)))?;
        line(out, &format!("DTEND;VALUE=DATE:{}", compact(next)))?;
        let summary = format!(
            "Anakinra {dose} ({} {}/{total})",
            lang.pick("injection", "injectie"),
            n + 1
        );
        line(out, &format!("SUMMARY:{}", escape(&summary)))?;
        let mut description = about.clone();
        if n + 1 == total {
            let _ = write!(
                description,
                "\n{} {}",
                lang.pick(
                    "Last injection of the taper. From",
                    "Laatste injectie van de afbouw. Vanaf"
                ),
                taper.stop_from
            );
            description
                .push_str(lang.pick(" anakinra can be stopped.", " kan anakinra gestopt worden."));
        }
        line(out, &format!("DESCRIPTION:{}", escape(&description)))?;
        line(out, "TRANSP:TRANSPARENT")?;
        line(out, "END:VEVENT")?;
    }
    line(out, "END:VCALENDAR")
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
    fn ics_lines_are_folded_at_75_octets_without_splitting_characters() {
        let mut out = Vec::new();
        line(&mut out, &format!("DESCRIPTION:{}", "é".repeat(100))).unwrap();
        let text = String::from_utf8(out).unwrap();
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "é".repeat(100)));
    }

    #[test]
    fn ics_text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
