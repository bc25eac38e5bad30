//! `anakinra taper --format text`: the KF-TAPER schedule as dated lines, each with its weekday;
//! also the words the iCalendar file shares with them.

use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::civil::{Date, Weekday};

use crate::dosing::RuleId;
use crate::dosing::taper::Taper;
use crate::dosing::units::Milligrams;
use crate::i18n::Lang;

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
pub(crate) fn what(taper: &Taper, lang: Lang) -> String {
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
pub(crate) fn flag_text(rule: RuleId, dose: Milligrams, lang: Lang) -> String {
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
        // Not a caution on a taper's dose: its id.
        other @ (
            RuleId::RenalCi
            | RuleId::AgeMin
            | RuleId::WeightMin
            | RuleId::Scope
            | RuleId::RaAdult
            | RuleId::Dialysis
            | RuleId::AdultRenal
            | RuleId::Start
            | RuleId::Escalate
            | RuleId::Cap100
            | RuleId::Exceptional
            | RuleId::NoRoundUp
            | RuleId::Adult
            | RuleId::RenalOk
            | RuleId::Pk
            | RuleId::RenalHalflife
            | RuleId::RenalUnknown
            | RuleId::LabelOff
            | RuleId::CapsResponse
            | RuleId::CapsTitrate
            | RuleId::CapsLabel
            | RuleId::Mas
            | RuleId::Taper
            | RuleId::IntTnf
            | RuleId::IntLive
            | RuleId::IntInactivated
            | RuleId::AdrChild
            | RuleId::Inject
            | RuleId::Screen
            | RuleId::AdrShort
            | RuleId::AdrLong
            | RuleId::Infection
            | RuleId::New
            | RuleId::Surgery
            | RuleId::Pregnancy
            | RuleId::Storage
            | RuleId::FluOk
            | RuleId::LiveVaccines
            | RuleId::FluNasal
            | RuleId::RxAboveMax
            | RuleId::IntDuplicate
            | RuleId::IntUnknown
            | RuleId::IntNone
            | RuleId::Gfr30
            | RuleId::GfrAbove
            | RuleId::EgfrAge
            | RuleId::GrowthWfa
            | RuleId::GrowthNoRef
        ) => other.as_str().to_string(),
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
    fn text_lines_carry_the_weekday() {
        let t = crate::dosing::taper::schedule(
            Date::constant(2026, 12, 1),
            Milligrams::whole(40),
            None,
        )
        .unwrap();
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
}
