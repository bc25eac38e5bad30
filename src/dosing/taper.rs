//! `anakinra taper`: the KF-TAPER schedule (when the arthritis is in remission, a dose every
//! other day for 4 weeks, after which anakinra can be stopped) as dated lines, JSON, or an
//! iCalendar file (RFC 5545) a family can import into a phone calendar.
//!
//! The dose is checked before anything is written: the limits of every other path (20 to
//! 200 mg, the graduated syringe's marks, and with a patient that patient's own maximum), so a
//! calendar never carries a dose the calculator would refuse.

use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::dosing::syringe::{self, LARGEST_DOSE, SMALLEST_DOSE};
use crate::dosing::units::Milligrams;
use crate::dosing::{Advice, Indication, RuleId, Verdict};
use crate::i18n::Lang;
use crate::input::error::Field;

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
    pub rule: RuleId,
    /// KF-TAPER is written for arthritis in remission: `sjia`.
    pub indication: Indication,
    /// The dose on each injection day.
    pub dose_mg: Milligrams,
    /// The most the dose was checked against: 200 mg, or the patient's own maximum.
    pub maximum_mg: Milligrams,
    /// Whether the dose was checked against a patient (`--weight`, `--age`, `--indication`).
    pub patient_checked: bool,
    /// Cautions on the dose (RX-NOT-DELIVERABLE, RX-EXCEPTIONAL, RX-BELOW-START).
    pub flags: Vec<RuleId>,
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

/// Why no taper is written: each names the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// RX-ABOVE-MAX: above 200 mg/day (KF-EXCEPTIONAL), or above the patient's own maximum.
    AboveMaximum {
        /// The maximum exceeded.
        maximum: Milligrams,
        /// Whether it is the patient's own maximum rather than 200 mg.
        patient: bool,
    },
    /// RX-NOT-DELIVERABLE: below 20 mg, which the graduated syringe cannot give.
    BelowSyringe,
    /// KF-TAPER is written for arthritis in remission (sJIA), not for this indication.
    NotSjia(Indication),
    /// No dose is advised for the patient: the verdict and its first reason.
    NoDose(Verdict, RuleId),
    /// The schedule would run past the last day of the calendar (9999-12-31).
    PastCalendar,
    /// The dose does not follow the grammar of a dose (the same as `dose --dose`).
    Grammar(crate::input::grammar::Problem),
}

impl Refusal {
    /// The field the refusal is about.
    pub fn field(&self) -> Field {
        match self {
            Refusal::AboveMaximum { .. } | Refusal::BelowSyringe | Refusal::Grammar(_) => {
                Field::Dose
            }
            Refusal::NotSjia(_) => Field::Indication,
            Refusal::NoDose(_, rule) => match rule {
                RuleId::RenalCi => Field::Gfr,
                RuleId::WeightMin => Field::Weight,
                RuleId::RaAdult => Field::Indication,
                _ => Field::Age,
            },
            Refusal::PastCalendar => Field::From,
        }
    }

    /// What is wrong, after the value as typed.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::AboveMaximum {
                maximum,
                patient: false,
            } => format!(
                "{} {}",
                lang.pick(
                    "above 200 mg/day, the most the Kinderformularium gives even in very exceptional cases [RX-ABOVE-MAX KF-EXCEPTIONAL]; no taper is written;",
                    "boven 200 mg/dag, het meeste dat het Kinderformularium geeft, ook in zeer uitzonderlijke gevallen [RX-ABOVE-MAX KF-EXCEPTIONAL]; er wordt geen afbouwschema gemaakt;",
                ),
                accepted(*maximum, lang)
            ),
            Refusal::AboveMaximum {
                maximum,
                patient: true,
            } => format!(
                "{} {} {} {}",
                lang.pick(
                    "above this patient's maximum of",
                    "boven het maximum voor deze patiënt van"
                ),
                lang.num(maximum),
                lang.pick(
                    "per day (8 mg/kg/day, never more than 200 mg/day) [RX-ABOVE-MAX KF-EXCEPTIONAL]; no taper is written;",
                    "per dag (8 mg/kg/dag, nooit meer dan 200 mg/dag) [RX-ABOVE-MAX KF-EXCEPTIONAL]; er wordt geen afbouwschema gemaakt;",
                ),
                accepted(*maximum, lang)
            ),
            Refusal::BelowSyringe => format!(
                "{} {}",
                lang.pick(
                    "below 20 mg, the smallest dose the graduated syringe delivers [RX-NOT-DELIVERABLE]; no taper is written;",
                    "onder 20 mg, de kleinste dosis die de gegradeerde spuit geeft [RX-NOT-DELIVERABLE]; er wordt geen afbouwschema gemaakt;",
                ),
                accepted(LARGEST_DOSE, lang)
            ),
            Refusal::NotSjia(indication) => format!(
                "{} {indication} [KF-TAPER]",
                lang.pick(
                    "the Kinderformularium's taper is written for arthritis in remission (sjia); the sources give no taper for",
                    "het afbouwschema van het Kinderformularium is geschreven voor artritis in remissie (sjia); de bronnen geven geen afbouwschema bij",
                ),
            ),
            Refusal::NoDose(verdict, rule) => format!(
                "{} ({}) [{}]; {}",
                lang.pick("no dose is advised for this patient", "voor deze patiënt is er geen dosisadvies"),
                verdict.as_str(),
                rule.as_str(),
                lang.pick("no taper is written (see anakinra dose)", "er wordt geen afbouwschema gemaakt (zie anakinra dose)"),
            ),
            Refusal::Grammar(problem) => format!(
                "{}; {}",
                problem.message(lang),
                accepted(LARGEST_DOSE, lang)
            ),
            Refusal::PastCalendar => lang
                .pick(
                    "the 4 weeks of the taper would run past 9999-12-31, the last day of the calendar; accepted: a date up to 9999-12-03",
                    "de 4 weken afbouw zouden na 9999-12-31 doorlopen, de laatste dag van de kalender; geaccepteerd: een datum tot en met 9999-12-03",
                )
                .to_string(),
        }
    }
}

/// What the dose accepts, up to `maximum`.
fn accepted(maximum: Milligrams, lang: Lang) -> String {
    format!(
        "{} {} {} {}",
        lang.pick(
            "accepted: the current daily dose, from",
            "geaccepteerd: de huidige dagdosis, van"
        ),
        lang.num(&SMALLEST_DOSE),
        lang.pick("to", "tot en met"),
        lang.num(&maximum)
    )
}

/// The schedule from `from`: injections on days 0, 2, ..., 26, and stop from day 28; the dose
/// checked against 20–200 mg and the syringe's marks, and, with `patient` (an assessment with
/// the dose as its prescription), against that patient's verdict and maximum.
///
/// # Errors
///
/// The [`Refusal`] when the dose or the patient does not allow a taper, or the dates run past
/// the calendar.
pub fn schedule(from: Date, dose: Milligrams, patient: Option<&Advice>) -> Result<Taper, Refusal> {
    if dose > LARGEST_DOSE {
        return Err(Refusal::AboveMaximum {
            maximum: LARGEST_DOSE,
            patient: false,
        });
    }
    if dose < SMALLEST_DOSE {
        return Err(Refusal::BelowSyringe);
    }
    let (maximum, flags) = match patient {
        None => {
            let flags = if syringe::is_deliverable(dose) {
                Vec::new()
            } else {
                vec![RuleId::RxNotDeliverable]
            };
            (LARGEST_DOSE, flags)
        }
        Some(advice) => patient_check(advice)?,
    };
    let days = WEEKS * 7;
    let stop_from = from
        .checked_add(days.days())
        .map_err(|_| Refusal::PastCalendar)?;
    let injections = (0..days)
        .step_by(usize::try_from(INTERVAL_DAYS).unwrap_or(2))
        .map(|d| {
            from.checked_add(d.days())
                .map_err(|_| Refusal::PastCalendar)
        })
        .collect::<Result<_, _>>()?;
    Ok(Taper {
        schema: "anakinra-taper/1",
        rule: RuleId::Taper,
        indication: Indication::Sjia,
        dose_mg: dose,
        maximum_mg: maximum,
        patient_checked: patient.is_some(),
        flags,
        from,
        interval_days: INTERVAL_DAYS,
        weeks: WEEKS,
        injections,
        stop_from,
    })
}

/// The patient's maximum and the prescription's cautions, or why there is no taper.
fn patient_check(advice: &Advice) -> Result<(Milligrams, Vec<RuleId>), Refusal> {
    let indication = advice.patient.indication;
    if indication != Indication::Sjia {
        return Err(Refusal::NotSjia(indication));
    }
    if let Some(&first) = advice.reasons.first() {
        return Err(Refusal::NoDose(advice.verdict, first));
    }
    let maximum = advice
        .phases
        .iter()
        .map(|p| p.max)
        .max()
        .unwrap_or(LARGEST_DOSE);
    let Some(rx) = &advice.prescribed else {
        return Ok((maximum, Vec::new()));
    };
    if rx.refused() {
        return Err(Refusal::AboveMaximum {
            maximum,
            patient: true,
        });
    }
    Ok((maximum, rx.rules.clone()))
}

/// A weekday, short, as a calendar writes it.
fn weekday(day: Date, lang: Lang) -> &'static str {
    match day.weekday() {
        Weekday::Monday => lang.pick("Mon", "ma"),
        Weekday::Tuesday => lang.pick("Tue", "di"),
        Weekday::Wednesday => lang.pick("Wed", "wo"),
        Weekday::Thursday => lang.pick("Thu", "do"),
        Weekday::Friday => lang.pick("Fri", "vr"),
        Weekday::Saturday => lang.pick("Sat", "za"),
        Weekday::Sunday => lang.pick("Sun", "zo"),
    }
}

/// What the schedule is, where it comes from and what it was checked against.
fn what(taper: &Taper, lang: Lang) -> String {
    let mut text = lang
        .pick(
            "KF-TAPER (KF Waarschuwingen en voorzorgen), written for arthritis in remission (sJIA): the dose can be given every other day for 4 weeks, after which anakinra can be stopped.",
            "KF-TAPER (KF Waarschuwingen en voorzorgen), geschreven voor artritis in remissie (sJIA): de dosis kan 4 weken om de dag gegeven worden, daarna kan anakinra gestopt worden.",
        )
        .to_string();
    if taper.patient_checked {
        let _ = write!(
            text,
            " {} {} {}.",
            lang.pick(
                "Dose checked against this patient's maximum of",
                "Dosis getoetst aan het maximum voor deze patiënt van"
            ),
            lang.num(&taper.maximum_mg),
            lang.pick("per day", "per dag")
        );
    } else {
        text.push_str(lang.pick(
            " Dose checked against 20 to 200 mg/day only: give --weight, --age and --indication to check it against the patient's maximum.",
            " Dosis alleen getoetst aan 20 tot en met 200 mg/dag: geef --weight, --age en --indication om hem aan het maximum van de patiënt te toetsen.",
        ));
    }
    text.push_str(lang.pick(
        " Store in the refrigerator (LF-STORAGE). Decision support: follow the treating doctor's advice.",
        " Bewaren in de koelkast (LF-STORAGE). Beslisondersteuning: volg het advies van de behandelend arts.",
    ));
    text
}

/// A caution on the dose, one line each.
fn flag_text(rule: RuleId, dose: Milligrams, lang: Lang) -> String {
    let dose = lang.num(&dose);
    match rule {
        RuleId::RxNotDeliverable => format!(
            "{}: {dose} {}",
            rule.as_str(),
            lang.pick(
                "cannot be measured with the graduated syringe (marks every 10 mg, ASSUMED: check against the pack); check the dose with the prescriber",
                "is niet af te meten met de gegradeerde spuit (streepjes per 10 mg, AANGENOMEN: controleer op de verpakking); overleg over de dosis met de voorschrijver",
            )
        ),
        RuleId::RxExceptional => format!(
            "{}: {dose} {}",
            rule.as_str(),
            lang.pick(
                "is in the exceptional range for this patient: only in very exceptional cases (KF Dosering)",
                "valt in het uitzonderlijke bereik voor deze patiënt: alleen in zeer uitzonderlijke gevallen (KF Dosering)",
            )
        ),
        RuleId::RxBelowStart => format!(
            "{}: {dose} {}",
            rule.as_str(),
            lang.pick(
                "is below this patient's start range of 1-2 mg/kg/day",
                "ligt onder het startbereik van 1-2 mg/kg/dag voor deze patiënt",
            )
        ),
        other => other.as_str().to_string(),
    }
}

/// Writes the schedule as dated lines, each with its weekday.
///
/// # Errors
///
/// When the writer fails.
pub fn write_text(out: &mut impl Write, taper: &Taper, lang: Lang) -> io::Result<()> {
    writeln!(out, "{}", what(taper, lang))?;
    for &rule in &taper.flags {
        writeln!(
            out,
            "{} {}",
            lang.pick("CAUTION", "LET OP"),
            flag_text(rule, taper.dose_mg, lang)
        )?;
    }
    writeln!(out)?;
    for (n, &day) in taper.injections.iter().enumerate() {
        writeln!(
            out,
            "{} {day}  {} ({} {}/{})",
            weekday(day, lang),
            lang.num(&taper.dose_mg),
            lang.pick("injection", "injectie"),
            n + 1,
            taper.injections.len()
        )?;
    }
    writeln!(
        out,
        "{} {}  {}",
        weekday(taper.stop_from, lang),
        taper.stop_from,
        lang.pick(
            "stop: from this day anakinra can be stopped",
            "stop: vanaf deze dag kan anakinra gestopt worden"
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

    fn plain(from: Date, mg: u32) -> Result<Taper, Refusal> {
        schedule(from, Milligrams::whole(mg), None)
    }

    #[test]
    fn kf_taper_every_other_day_for_4_weeks() {
        let t = plain(Date::constant(2026, 12, 1), 40).unwrap();
        assert_eq!(t.injections.len(), 14);
        assert_eq!(t.injections.first(), Some(&Date::constant(2026, 12, 1)));
        assert_eq!(t.injections.get(1), Some(&Date::constant(2026, 12, 3)));
        assert_eq!(t.injections.last(), Some(&Date::constant(2026, 12, 27)));
        assert_eq!(t.stop_from, Date::constant(2026, 12, 29));
        assert!(t.flags.is_empty());
    }

    #[test]
    fn rx_above_max_refuses_a_taper_above_200_mg() {
        let d = Date::constant(2026, 12, 1);
        assert_eq!(
            plain(d, 5000),
            Err(Refusal::AboveMaximum {
                maximum: Milligrams::whole(200),
                patient: false
            })
        );
        assert!(plain(d, 201).is_err());
        assert!(plain(d, 200).is_ok());
        assert_eq!(
            schedule(d, Milligrams::from_centi(20_001), None).map(|_| ()),
            Err(Refusal::AboveMaximum {
                maximum: Milligrams::whole(200),
                patient: false
            })
        );
    }

    #[test]
    fn rx_not_deliverable_refuses_below_20_mg_and_flags_a_dose_between_marks() {
        let d = Date::constant(2026, 12, 1);
        assert_eq!(plain(d, 19), Err(Refusal::BelowSyringe));
        assert_eq!(
            schedule(d, Milligrams::from_centi(1_999), None),
            Err(Refusal::BelowSyringe)
        );
        assert!(plain(d, 20).unwrap().flags.is_empty());
        assert_eq!(plain(d, 25).unwrap().flags, vec![RuleId::RxNotDeliverable]);
    }

    #[test]
    fn a_taper_past_the_end_of_the_calendar_is_refused_not_cut_short() {
        assert_eq!(
            plain(Date::constant(9999, 12, 4), 40),
            Err(Refusal::PastCalendar)
        );
        let last = plain(Date::constant(9999, 12, 3), 40).unwrap();
        assert_eq!(last.stop_from, Date::constant(9999, 12, 31));
        assert_eq!(last.injections.len(), 14);
    }

    #[test]
    fn text_lines_carry_the_weekday() {
        let t = plain(Date::constant(2026, 12, 1), 40).unwrap();
        let mut out = Vec::new();
        write_text(&mut out, &t, Lang::En).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Tue 2026-12-01  40 mg (injection 1/14)\n"),
            "{text}"
        );
        assert!(text.contains("Tue 2026-12-29  stop"), "{text}");
        assert!(text.contains("arthritis in remission (sJIA)"), "{text}");
        let mut out = Vec::new();
        write_text(&mut out, &t, Lang::Nl).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("do 2026-12-03  40 mg (injectie 2/14)\n"),
            "{text}"
        );
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
