//! `anakinra taper`: the KF-TAPER schedule (when the arthritis is in remission, a dose every
//! other day for 4 weeks, after which anakinra can be stopped) as dated lines, JSON, or an
//! iCalendar file (RFC 5545) a family can import into a phone calendar.

use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::lang::Lang;
use crate::units::Milligrams;

/// KF-TAPER: one dose every this many days ...
pub const INTERVAL_DAYS: i64 = 2;
/// ... for this many weeks.
pub const WEEKS: i64 = 4;

/// A taper schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taper {
    /// Always `anakinra-taper/1`.
    pub schema: &'static str,
    /// The rule.
    pub rule: &'static str,
    /// The dose on each injection day.
    pub dose_mg: Milligrams,
    /// The first day.
    pub from: Date,
    /// Days between injections.
    pub interval_days: i64,
    /// Weeks of tapering.
    pub weeks: i64,
    /// The injection days.
    pub injections: Vec<Date>,
    /// From this day anakinra can be stopped.
    pub stop_from: Date,
}

/// The schedule from `from`: injections on days 0, 2, ..., 26, and stop from day 28.
pub fn schedule(from: Date, dose: Milligrams) -> Taper {
    let days = WEEKS * 7;
    let injections = (0..days)
        .step_by(usize::try_from(INTERVAL_DAYS).unwrap_or(2))
        .filter_map(|d| from.checked_add(d.days()).ok())
        .collect();
    Taper {
        schema: "anakinra-taper/1",
        rule: "KF-TAPER",
        dose_mg: dose,
        from,
        interval_days: INTERVAL_DAYS,
        weeks: WEEKS,
        injections,
        stop_from: from.checked_add(days.days()).unwrap_or(from),
    }
}

fn what(lang: Lang) -> &'static str {
    lang.pick(
        "KF-TAPER: arthritis in remission: a dose every other day for 4 weeks, after which anakinra can be stopped. Store in the refrigerator. Decision support: follow the treating doctor's advice.",
        "KF-TAPER: artritis in remissie: 4 weken om de dag een dosis, daarna kan anakinra gestopt worden. Bewaren in de koelkast. Beslisondersteuning: volg het advies van de behandelend arts.",
    )
}

/// Writes the schedule as dated lines.
///
/// # Errors
///
/// When the writer fails.
pub fn write_text(out: &mut impl Write, taper: &Taper, lang: Lang) -> io::Result<()> {
    writeln!(out, "{}", what(lang))?;
    for (n, day) in taper.injections.iter().enumerate() {
        writeln!(
            out,
            "{day}  {} ({} {}/{})",
            lang.num(&taper.dose_mg),
            lang.pick("injection", "injectie"),
            n + 1,
            taper.injections.len()
        )?;
    }
    writeln!(
        out,
        "{}  {}",
        taper.stop_from,
        lang.pick(
            "stop: anakinra can be stopped",
            "stop: anakinra kan gestopt worden"
        )
    )
}

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
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(out, "PRODID:-//anakinra//anakinra taper//EN")?;
    line(out, "CALSCALE:GREGORIAN")?;
    line(out, "METHOD:PUBLISH")?;
    let total = taper.injections.len();
    for (n, &day) in taper.injections.iter().enumerate() {
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
        let mut description = what(lang).to_string();
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
    fn kf_taper_every_other_day_for_4_weeks() {
        let t = schedule(Date::constant(2026, 12, 1), Milligrams::whole(40));
        assert_eq!(t.injections.len(), 14);
        assert_eq!(t.injections.first(), Some(&Date::constant(2026, 12, 1)));
        assert_eq!(t.injections.get(1), Some(&Date::constant(2026, 12, 3)));
        assert_eq!(t.injections.last(), Some(&Date::constant(2026, 12, 27)));
        assert_eq!(t.stop_from, Date::constant(2026, 12, 29));
    }

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
