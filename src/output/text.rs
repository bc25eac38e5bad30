//! The text output: for a terminal and for pasting into a clinical note, in English or Dutch.
//! Written to any writer, so it is testable without a process.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::dosing::syringe;
use crate::dosing::units::{Kilograms, Milligrams};
use crate::dosing::{
    Advice, Detail, LabelStatus, Phase, PhaseAdvice, RuleId, RxClass, Severity, Verdict, Warning,
};
use crate::i18n::Lang;
use crate::i18n::rules;
use crate::input::request::Assessed;
use crate::output::record;

/// Whether to colour the output. Decided by the caller (terminal, `--color`, `NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// ANSI colours.
    Ansi,
    /// Plain text.
    Plain,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        match self {
            Paint::Ansi => format!("\x1b[{code}m{text}\x1b[0m"),
            Paint::Plain => text.to_string(),
        }
    }

    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }
}

/// How text is written: colours, language, width and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Colours or not.
    pub paint: Paint,
    /// English or Dutch.
    pub lang: Lang,
    /// The column text wraps at: the terminal's width, [`WIDTH`] when not a terminal.
    pub width: usize,
    /// Short form: the verdict, the prescription, what is about this patient and the dose
    /// table; the general cautions and information only with `all`.
    pub short: bool,
    /// With `short`: the general cautions and information too.
    pub all: bool,
}

/// `30-60 mg`, or `100 mg` when both ends are equal: the unit once, after the upper end.
fn span<T: PartialEq + crate::i18n::Localize>(lo: &T, hi: &T, lang: Lang) -> String {
    if lo == hi {
        lang.num(hi)
    } else {
        let lo = lang.num(lo);
        format!(
            "{}-{}",
            lo.split(' ').next().unwrap_or_default(),
            lang.num(hi)
        )
    }
}

/// The volumes of the lowest and the highest mark of a phase: what can be drawn. No volume
/// for a dose the syringe cannot give.
fn ml_span(ph: &PhaseAdvice, lang: Lang) -> String {
    let marks = ph.marks();
    match (marks.first(), marks.last()) {
        (Some(lo), Some(hi)) => span(&lo.volume(), &hi.volume(), lang),
        _ => lang
            .pick("not deliverable", "niet toe te dienen")
            .to_string(),
    }
}

fn per_kg_span(ph: &PhaseAdvice, weight: Kilograms, lang: Lang) -> String {
    let (lo, hi) = ph.effective(weight);
    span(&lo, &hi, lang)
}

/// Words of `text` in lines of at most `width` characters, the first after `first`, the
/// rest indented by `indent` spaces.
fn wrapped(width: usize, first: &str, text: &str, indent: usize) -> String {
    // Words as slices of `text`, split at spaces (bytes: a space is a whole char); a unit
    // stays on the line of its number (`0.8 ml`, never `0.8` / `ml`), so it extends the word
    // before it, which ends where the unit begins.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 4 + 1);
    let mut start = 0;
    let ends = text.bytes().enumerate().filter(|&(_, b)| b == b' ');
    for end in ends.map(|(at, _)| at).chain([text.len()]) {
        let token = text.get(start..end).unwrap_or_default();
        let is_unit = token.starts_with("mg") || token.starts_with("ml") || token.starts_with("kg");
        let last = spans.last().and_then(|&(s, e)| text.get(s..e));
        let after_number = last.is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
        // `40 mg = 0.26 ml` is one thing to read: an `=` keeps both sides on its line.
        let equation = token == "=" || last.is_some_and(|w| w.ends_with(" ="));
        match spans.last_mut() {
            Some(last) if (is_unit && after_number) || equation => last.1 = end,
            _ => spans.push((start, end)),
        }
        start = end + 1;
    }
    let words = spans.into_iter().filter_map(|(s, e)| text.get(s..e));
    wrap_words(width, first, words, indent)
}

/// `words` (each kept whole, spaces and all) in lines of at most `width` characters, the
/// first after `first`, the rest indented by `indent` spaces.
fn wrap_words<S: AsRef<str>>(
    width: usize,
    first: &str,
    words: impl IntoIterator<Item = S>,
    indent: usize,
) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(first);
    let mut column = first.chars().count();
    for (i, word) in words.into_iter().enumerate() {
        let word = word.as_ref();
        let len = word.chars().count();
        if i > 0 && column + 1 + len > width {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
            column = indent;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
    }
    out
}

/// The width text output wraps at when it does not go to a terminal (a file, a pipe, a
/// clinical note): fixed, so the same patient gives the same text everywhere.
pub const WIDTH: usize = 100;

/// The narrowest width wrapped to: below it, lines would hold a word or two.
pub const MIN_WIDTH: usize = 40;

fn nominal(ph: &PhaseAdvice) -> String {
    ph.nominal.map_or_else(
        || "-".to_string(),
        |(lo, hi)| format!("{}-{}", lo.get(), hi.get()),
    )
}

fn marks_list(ph: &PhaseAdvice, lang: Lang) -> String {
    let marks = ph.marks();
    if marks.is_empty() {
        return lang
            .pick("none in range", "geen binnen het bereik")
            .to_string();
    }
    let doses: Vec<String> = marks
        .iter()
        .map(|m| format!("{}", m.dose.centi() / 100))
        .collect();
    format!("{} mg", doses.join(", "))
}

fn rules_list(ph: &PhaseAdvice) -> String {
    let ids: Vec<&str> = ph.rules.iter().map(|r| r.as_str()).collect();
    format!("[{}]", ids.join(" "))
}

/// Writes the assessment as text.
///
/// # Errors
///
/// When the writer fails.
#[allow(clippy::too_many_lines)] // the layout of the note, top to bottom, in one place
pub fn write_advice(out: &mut impl Write, assessed: &Assessed, style: Style) -> io::Result<()> {
    let Style {
        paint, lang, width, ..
    } = style;
    let advice = &assessed.advice;
    let p = &advice.patient;
    let gfr = match (advice.egfr, p.gfr) {
        (Some(e), _) => {
            // Text shows one decimal, rounded down: below 30 never reads as 30.
            let tenths = e.value.centi_floor() / 10 * 10;
            let value = lang.num(&crate::dosing::units::Milligrams::from_centi(
                u32::try_from(tenths).unwrap_or(u32::MAX),
            ));
            let value = value.trim_end_matches(" mg");
            format!(
                "eGFR {value} {} ({} {}, {} {})",
                lang.pick("ml/min/1.73 m2", "ml/min/1,73 m2"),
                lang.pick("bedside Schwartz from", "bedside Schwartz uit"),
                lang.num(&e.height),
                lang.pick("creatinine", "kreatinine"),
                lang.num(&e.creatinine),
            )
        }
        (None, Some(g)) => format!("GFR {}", lang.num(&g)),
        (None, None) => lang.pick("GFR not given", "GFR niet gegeven").to_string(),
    };
    let dialysis = match (p.dialysis, lang) {
        (true, _) => lang.pick("on dialysis", "dialyse"),
        (false, _) => lang.pick("no dialysis", "geen dialyse"),
    };
    let age = match assessed.dob {
        Some((birth, on)) => format!(
            "{} ({} {birth}, {} {on})",
            lang.num(&p.age),
            lang.pick("born", "geboren"),
            lang.pick("on", "op")
        ),
        None => format!(
            "{} ({} {})",
            lang.num(&p.age),
            p.age.months(),
            lang.pick("months", "maanden")
        ),
    };
    // The KF doses these only when conventional therapy failed: say so where it is chosen.
    let condition = if p.indication == crate::dosing::Indication::OtherAutoinflammatory {
        lang.pick(
            " (KF: not responding to conventional therapy)",
            " (KF: niet reagerend op de conventionele therapie)",
        )
    } else {
        ""
    };
    let heading = lang.pick("Patient:", "Patiënt:");
    let patient = format!(
        "{}, {age}, {}{condition}, {gfr}, {dialysis}",
        lang.num(&p.weight),
        p.indication
    );
    writeln!(out, "{}", headed(style, heading, &patient, None))?;
    let (colour, verdict) = verdict_line(advice, lang);
    let verdict_with = |heading: &str| headed(style, heading, &verdict, Some(colour));
    writeln!(out, "{}", verdict_with(lang.pick("Verdict:", "Oordeel:")))?;

    if !advice.reasons.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold(lang.pick("Reasons", "Redenen")))?;
        for &rule in &advice.reasons {
            let text = format!("{} ({})", rules::reason(rule, p, lang), rule.source());
            writeln!(
                out,
                "{}",
                wrapped(width, &format!("  {:<19}", rule.as_str()), &text, 21)
            )?;
        }
    }
    if let Some(rx) = &advice.prescribed {
        writeln!(out)?;
        write_prescription(out, advice, rx, style)?;
    }
    // What is about this patient comes before the phases and the leaflet's general advice.
    if style.short {
        write_flags_in_short(out, advice, style)?;
    } else {
        write_warnings(
            out,
            advice,
            style,
            lang.pick("For this patient", "Voor deze patiënt"),
            about_this_patient,
        )?;
    }
    if !advice.phases.is_empty() {
        // In short, one blank line only: after the verdict.
        if !style.short
            || (advice.prescribed.is_none() && !advice.warnings.iter().any(about_this_patient))
        {
            writeln!(out)?;
        }
        write_phases(out, advice, style)?;
    }
    if !style.short || style.all {
        write_warnings(out, advice, style, "", |w| {
            !about_this_patient(w) && !in_prescription_block(w)
        })?;
    }
    if style.short {
        let sources = match lang {
            Lang::En => format!(
                "Sources: KF, LF, SmPC, SCOPE; rules_version {}; in full without --short.",
                crate::RULES_VERSION
            ),
            Lang::Nl => format!(
                "Bronnen: KF, LF, SmPC, SCOPE; rules_version {}; volledig zonder --short.",
                crate::RULES_VERSION
            ),
        };
        writeln!(out, "{}", wrapped(width, "", &sources, 2))?;
    } else {
        writeln!(out)?;
        write_sources(out, style)?;
    }
    // The verdict again, last: on a terminal it is what stays in view.
    if !style.short {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        verdict_with(lang.pick("Summary:", "Samenvatting:"))
    )
}

/// In short: the rules about this patient by id, with the drugs they name, most serious first;
/// their texts are in the full note.
fn write_flags_in_short(out: &mut impl Write, advice: &Advice, style: Style) -> io::Result<()> {
    let lang = style.lang;
    let flags: Vec<String> = advice
        .warnings
        .iter()
        .filter(|w| about_this_patient(w))
        .map(|w| match &w.detail {
            Detail::Drugs(names) => {
                let names: Vec<_> = names
                    .iter()
                    .map(|n| crate::i18n::messages::visible(n))
                    .collect();
                format!("{} ({})", w.rule.as_str(), names.join(", "))
            }
            Detail::Unknown(names) => {
                let names: Vec<_> = names
                    .iter()
                    .map(|(n, _)| crate::i18n::messages::visible(n))
                    .collect();
                format!("{} ({})", w.rule.as_str(), names.join(", "))
            }
            _ => w.rule.as_str().to_string(),
        })
        .collect();
    if flags.is_empty() {
        return Ok(());
    }
    let heading = lang.pick("For this patient:", "Voor deze patiënt:");
    writeln!(out, "{}", headed(style, heading, &flags.join("; "), None))
}

/// `text` after a bold `heading`, wrapped at `width` with following lines indented by 2; the
/// text in `colour` when one is given (the verdict's), else plain.
fn headed(style: Style, heading: &str, text: &str, colour: Option<&str>) -> String {
    let line = wrapped(style.width, &format!("{heading} "), text, 2);
    match style.paint {
        Paint::Plain => line,
        Paint::Ansi => {
            let rest = line.strip_prefix(heading).unwrap_or(&line);
            let rest = colour.map_or_else(|| rest.to_string(), |c| style.paint.wrap(c, rest));
            format!("{}{rest}", style.paint.bold(heading))
        }
    }
}

/// The warnings about this patient rather than about anakinra in general: the weight check,
/// the co-medication named (and the interactions it triggered), the renal function not given,
/// the eGFR outside its validated ages. The prescription's RX-* rules are in the prescription
/// block, with the doses they are about.
fn about_this_patient(w: &Warning) -> bool {
    use RuleId as R;
    match w.rule {
        R::GrowthWfa
        | R::GrowthNoRef
        | R::IntDuplicate
        | R::IntUnknown
        | R::IntNone
        | R::CapsLabel
        | R::EgfrAge
        | R::Gfr30
        | R::GfrAbove
        | R::RenalUnknown
        | R::AdultRenal => true,
        R::IntTnf | R::IntLive | R::LiveVaccines => matches!(w.detail, Detail::Drugs(_)),
        _ => false,
    }
}

/// The prescription's RX-* warnings: the prescription block names them with its doses.
fn in_prescription_block(w: &Warning) -> bool {
    matches!(w.detail, Detail::Prescribed(_))
}

/// The verdict in one sentence, and its colour: the patient's verdict, and for an advised
/// patient with a prescription, the prescription's. A refused prescription is the verdict: it
/// is never shown as ADVISED.
fn verdict_line(advice: &Advice, lang: Lang) -> (&'static str, String) {
    let ids = |rules: &[RuleId]| {
        let ids: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
        format!("[{}]", ids.join(" "))
    };
    let refusal = |text: &str| format!("{text} {}", ids(&advice.reasons));
    let label = match advice.label_status() {
        LabelStatus::OnLabel => "on-label",
        LabelStatus::OffLabel => "off-label",
    };
    match advice.verdict {
        Verdict::Contraindicated => {
            return (
                "31;1",
                refusal(lang.pick(
                    "CONTRAINDICATED: no dose advised",
                    "GECONTRA-INDICEERD: geen dosisadvies",
                )),
            );
        }
        Verdict::NotCovered => {
            return (
                "33;1",
                refusal(lang.pick(
                    "NOT COVERED: no dose advised",
                    "VALT BUITEN DE REGELS: geen dosisadvies",
                )),
            );
        }
        Verdict::NoGeneralAdvice => {
            return (
                "33;1",
                refusal(lang.pick(
                    "NO GENERAL ADVICE: no dose advised",
                    "GEEN ALGEMEEN ADVIES: geen dosisadvies",
                )),
            );
        }
        Verdict::Advised => {}
    }
    let advised = format!("{} ({label})", lang.pick("ADVISED", "DOSISADVIES"));
    let Some(rx) = &advice.prescribed else {
        return ("32;1", advised);
    };
    let dose = format!("{}/{}", lang.num(&rx.dose), lang.pick("day", "dag"));
    if rx.refused() {
        let maximum = advice.phases.iter().map(|p| p.max).max().unwrap_or(rx.dose);
        let text = match lang {
            Lang::En => format!(
                "PRESCRIPTION REFUSED: {dose} is above this patient's maximum of {}/day [RX-ABOVE-MAX]; dosing itself is advised ({label}): the ranges are below",
                lang.num(&maximum),
            ),
            Lang::Nl => format!(
                "VOORSCHRIFT GEWEIGERD: {dose} is boven het maximum voor deze patiënt van {}/dag [RX-ABOVE-MAX]; dosering zelf is geadviseerd ({label}): de bereiken staan hieronder",
                lang.num(&maximum),
            ),
        };
        return ("31;1", text);
    }
    let class = rx.class.map_or("", |c| rules::class_name(c, lang));
    if rx.rules.is_empty() {
        let text = format!(
            "{advised}; {} {dose}: {class}",
            lang.pick("prescription", "voorschrift")
        );
        return ("32;1", text);
    }
    let text = format!(
        "{advised}; {} {dose}: {class}, {} {}",
        lang.pick("prescription", "voorschrift"),
        lang.pick("CHECK", "CONTROLEER"),
        ids(&rx.rules)
    );
    ("33;1", text)
}

/// The phase a dose lies in, for naming a suggested dose: the first whose range holds it.
fn phase_of(advice: &Advice, dose: Milligrams) -> Option<Phase> {
    advice
        .phases
        .iter()
        .find(|p| (p.min..=p.max).contains(&dose))
        .map(|p| p.phase)
}

/// How a dose is drawn: one injection to its mark, or above 100 mg two injections that can
/// each be given (110 mg = 90 mg + 20 mg).
fn drawn(dose: Milligrams, lang: Lang) -> String {
    let portions: Vec<Milligrams> = syringe::portions(dose).collect();
    let one = |mg: Milligrams| {
        format!(
            "{} = {}, {} {}",
            lang.num(&mg),
            lang.num(&syringe::volume(mg)),
            lang.pick("mark", "streepje"),
            mg.centi() / 100
        )
    };
    match portions.as_slice() {
        [single] => one(*single),
        parts => {
            let parts: Vec<String> = parts.iter().map(|&mg| format!("({})", one(mg))).collect();
            format!(
                "{} {} {}",
                lang.num(&dose),
                lang.pick("in two injections:", "in twee injecties:"),
                parts.join(" + ")
            )
        }
    }
}

/// A prescribed dose so far from the range that a slip of a decimal point or a zero is the
/// likelier story: at least 5 times the maximum, or at most a fifth of the start range's lower
/// end.
fn possible_slip(rx: &crate::dosing::Prescribed, advice: &Advice) -> bool {
    let maximum = advice.phases.iter().map(|p| p.max).max();
    let minimum = advice.phases.iter().map(|p| p.min).min();
    let centi = u64::from(rx.dose.centi());
    maximum.is_some_and(|m| centi >= 5 * u64::from(m.centi()))
        || minimum.is_some_and(|m| 5 * centi <= u64::from(m.centi()))
}

#[allow(clippy::too_many_lines)] // every case of a prescription, in both languages
fn write_prescription(
    out: &mut impl Write,
    advice: &Advice,
    rx: &crate::dosing::Prescribed,
    style: Style,
) -> io::Result<()> {
    let Style {
        paint, lang, width, ..
    } = style;
    let w = advice.patient.weight;
    let dose = lang.num(&rx.dose);
    let day = lang.pick("day", "dag");
    let heading = if rx.refused() {
        paint.wrap(
            "31;1",
            lang.pick("Prescription: REFUSED", "Voorschrift: GEWEIGERD"),
        )
    } else {
        paint.bold(lang.pick("Prescription:", "Voorschrift:"))
    };
    writeln!(
        out,
        "{heading} {dose}/{day} ({}/{day})",
        lang.num(&rx.dose.per_kg(w))
    )?;
    let Some(class) = rx.class else {
        let text = lang.pick(
            "not assessed: no dose is advised for this patient",
            "niet beoordeeld: voor deze patiënt is er geen dosisadvies",
        );
        return writeln!(out, "{}", wrapped(width, "  ", text, 2));
    };
    let mut lines: Vec<String> = Vec::new();
    let escalation = advice.phase(Phase::Escalation);
    let maximum = advice.phases.iter().map(|p| p.max).max().unwrap_or(rx.dose);
    match class {
        RxClass::AboveMaximum => {
            lines.push(match lang {
                Lang::En => format!(
                    "above this patient's maximum of {}/day (the exceptional ceiling: 8 mg/kg/day, never more than 200 mg/day) [RX-ABOVE-MAX]: not to be given",
                    lang.num(&maximum)
                ),
                Lang::Nl => format!(
                    "boven het maximum voor deze patiënt van {}/dag (het uitzonderlijke plafond: 8 mg/kg/dag, nooit meer dan 200 mg/dag) [RX-ABOVE-MAX]: niet geven",
                    lang.num(&maximum)
                ),
            });
            if advice.patient.indication == crate::dosing::Indication::Sjia {
                lines.push(
                    lang.pick(
                        "in sJIA with macrophage activation syndrome the KF says a temporary increase can help [KF-MAS]: that is the treating specialist's decision, not a dose this tool gives",
                        "bij sJIA met macrofaagactivatiesyndroom kan tijdelijk ophogen volgens het KF zinvol zijn [KF-MAS]: dat beslist de behandelend specialist, het is geen dosis die dit programma geeft",
                    )
                    .to_string(),
                );
            }
        }
        RxClass::Exceptional => {
            let esc = escalation.map_or(maximum, |e| e.max);
            lines.push(match lang {
                Lang::En => format!(
                    "above the escalation maximum of {}/day: in the exceptional range up to {}/day, only in very exceptional cases [RX-EXCEPTIONAL]",
                    lang.num(&esc),
                    lang.num(&maximum)
                ),
                Lang::Nl => format!(
                    "boven het ophoogmaximum van {}/dag: in het uitzonderlijke bereik tot {}/dag, alleen in zeer uitzonderlijke gevallen [RX-EXCEPTIONAL]",
                    lang.num(&esc),
                    lang.num(&maximum)
                ),
            });
        }
        RxClass::BelowStart | RxClass::BelowStandard => {
            lines.push(format!(
                "{} [RX-BELOW-START]",
                rules::class_name(class, lang)
            ));
        }
        RxClass::Start | RxClass::Escalation | RxClass::Between | RxClass::Standard => {
            lines.push(rules::class_name(class, lang).to_string());
        }
    }
    if possible_slip(rx, advice) {
        lines.push(
            lang.pick(
                "so far from this patient's range that a slip is likely: check for a tenfold or decimal error",
                "zo ver van het bereik van deze patiënt dat een vergissing waarschijnlijk is: controleer op een factor tien of een verschoven komma",
            )
            .to_string(),
        );
    }
    if !rx.refused() {
        if rx.deliverable {
            lines.push(format!(
                "{}: {}",
                lang.pick("draw", "optrekken"),
                drawn(rx.dose, lang)
            ));
        } else if rx.dose < syringe::SMALLEST_DOSE {
            lines.push(format!(
                "{} [RX-NOT-DELIVERABLE]",
                lang.pick(
                    "not deliverable with the graduated syringe: the smallest dose it gives is 20 mg",
                    "niet toe te dienen met de gegradeerde spuit: de kleinste dosis is 20 mg",
                )
            ));
        } else {
            lines.push(format!(
                "{} [RX-NOT-DELIVERABLE]",
                lang.pick(
                    "not deliverable with the graduated syringe: it is drawn to marks every 10 mg (20-100 mg a syringe)",
                    "niet toe te dienen met de gegradeerde spuit: die wordt opgetrokken tot streepjes per 10 mg (20-100 mg per spuit)",
                )
            ));
        }
    }
    let mut nearest = Vec::new();
    for (n, d) in [
        (rx.nearest_below, rx.deviation_below()),
        (rx.nearest_above, rx.deviation_above()),
    ] {
        if let (Some(n), Some(d)) = (n, d) {
            let phase = phase_of(advice, n).map_or(String::new(), |ph| {
                let name = rules::phase_name(ph, lang);
                if ph == Phase::Exceptional {
                    format!(
                        ", {name}: {}",
                        lang.pick(
                            "only in very exceptional cases",
                            "alleen in zeer uitzonderlijke gevallen"
                        )
                    )
                } else {
                    format!(", {name}")
                }
            });
            nearest.push(format!("{} ({}{phase})", drawn(n, lang), lang.num(&d)));
        }
    }
    if !nearest.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.pick(
                "nearest deliverable, never above the maximum",
                "dichtstbij toe te dienen, nooit boven het maximum"
            ),
            nearest.join(lang.pick("; or ", "; of "))
        ));
    }
    for line in lines {
        writeln!(out, "{}", wrapped(width, "  ", &line, 4))?;
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // the table and the ceiling, in both languages
fn write_phases(out: &mut impl Write, advice: &Advice, style: Style) -> io::Result<()> {
    let Style {
        paint, lang, width, ..
    } = style;
    let w = advice.patient.weight;
    let (table, ceiling): (Vec<&PhaseAdvice>, Vec<&PhaseAdvice>) = advice
        .phases
        .iter()
        .partition(|ph| ph.phase != Phase::Exceptional);
    let header = match lang {
        Lang::En => ["phase", "mg/kg/day", "dose/day", "volume", "syringe marks"],
        Lang::Nl => [
            "fase",
            "mg/kg/dag",
            "dosis/dag",
            "volume",
            "streepjes op de spuit",
        ],
    };
    let rows: Vec<[String; 5]> = table
        .iter()
        .map(|ph| {
            let capped = if ph.capped {
                lang.pick(" (capped)", " (begrensd)")
            } else {
                ""
            };
            [
                rules::phase_name(ph.phase, lang).to_string(),
                nominal(ph),
                format!("{}{capped}", span(&ph.min, &ph.max, lang)),
                ml_span(ph, lang),
                marks_list(ph, lang),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let _ = write!(text, "{cell:<width$}  ");
            }
        }
        text
    };
    writeln!(out, "{}", paint.bold(&line(&header.map(str::to_string))))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    if style.short {
        // The ceiling in one line: its top, and that it is for very exceptional cases.
        for ph in &ceiling {
            let text = format!(
                "{} {}/{}, {} {}",
                lang.pick("exceptional ceiling: up to", "uitzonderlijk plafond: tot"),
                lang.num(&ph.max),
                lang.pick("day", "dag"),
                rules::when(ph.phase, lang),
                rules_list(ph)
            );
            writeln!(out, "{}", wrapped(width, "", &text, 2))?;
        }
        return Ok(());
    }
    writeln!(out)?;
    let (per_day, capped_at, effective) = match lang {
        Lang::En => ("/day", "capped at", "effective"),
        Lang::Nl => ("/dag", "begrensd op", "werkelijk"),
    };
    for ph in &table {
        // The KF gives the 100 mg cap with the escalation; on the start dose it is ours.
        let scope = if ph.phase == Phase::Start {
            " (SCOPE)"
        } else {
            ""
        };
        let cap = if ph.capped {
            format!(
                "; {capped_at} {}{per_day}{scope}, {effective} {}{per_day}",
                lang.num(&ph.cap),
                per_kg_span(ph, w, lang)
            )
        } else {
            String::new()
        };
        let about = format!("{}{cap} {}", rules::when(ph.phase, lang), rules_list(ph));
        writeln!(
            out,
            "{}",
            wrapped(
                width,
                &format!("  {:<11} ", rules::phase_name(ph.phase, lang)),
                &about,
                14
            )
        )?;
        write_marks(out, ph, w, lang, width)?;
    }
    for ph in ceiling {
        writeln!(out)?;
        let heading = lang.pick("Exceptional ceiling:", "Uitzonderlijk plafond:");
        let about = format!("{} {}", rules::when(ph.phase, lang), rules_list(ph));
        writeln!(out, "{}", headed(style, heading, &about, None))?;
        let capped = if ph.capped {
            format!(", {capped_at} {}{per_day}", lang.num(&ph.cap))
        } else {
            String::new()
        };
        let two = if ph.marks().iter().any(|m| m.syringes > 1) {
            lang.pick(
                " (two injections above 100 mg)",
                " (boven 100 mg twee injecties)",
            )
        } else {
            ""
        };
        let about = match lang {
            Lang::En => format!(
                "up to {}/day (nominal {} mg/kg/day{capped}), above the escalation range from {}; effective {}/day, {}{two}:",
                lang.num(&ph.max),
                nominal(ph),
                lang.num(&ph.min),
                per_kg_span(ph, w, lang),
                ml_span(ph, lang),
            ),
            Lang::Nl => format!(
                "tot {}/dag (nominaal {} mg/kg/dag{capped}), boven het ophoogbereik vanaf {}; werkelijk {}/dag, {}{two}:",
                lang.num(&ph.max),
                nominal(ph),
                lang.num(&ph.min),
                per_kg_span(ph, w, lang),
                ml_span(ph, lang),
            ),
        };
        writeln!(out, "{}", wrapped(width, "  ", &about, 2))?;
        write_marks(out, ph, w, lang, width)?;
    }
    Ok(())
}

/// Each mark of a phase with its volume and mg/kg; above 100 mg, the two injections it is
/// given in (110 mg = 90 + 20 mg).
fn write_marks(
    out: &mut impl Write,
    ph: &PhaseAdvice,
    w: Kilograms,
    lang: Lang,
    width: usize,
) -> io::Result<()> {
    let marks = ph.marks();
    // One word per mark, so that a mark is never split over two lines; `;` between them.
    let words = marks.iter().enumerate().map(|(at, m)| {
        let end = if at + 1 < marks.len() { ";" } else { "" };
        let portions: Vec<Milligrams> = syringe::portions(m.dose).collect();
        let drawn = if let [a, b] = portions.as_slice() {
            format!(
                "{} + {}, {} + {}",
                a.centi() / 100,
                lang.num(b),
                lang.num(&syringe::volume(*a)).trim_end_matches(" ml"),
                lang.num(&syringe::volume(*b)),
            )
        } else {
            lang.num(&m.volume())
        };
        format!(
            "{} = {drawn} ({}){end}",
            lang.num(&m.dose),
            lang.num(&m.per_kg(w))
        )
    });
    // On a narrow terminal the marks move left, so that one still fits on a line.
    let indent = if width < 80 { 4 } else { 14 };
    writeln!(
        out,
        "{}",
        wrap_words(width, &" ".repeat(indent), words, indent)
    )
}

/// The warnings that `keep` selects, by severity; under `heading` when one is given, else
/// under each severity's own.
fn write_warnings(
    out: &mut impl Write,
    advice: &Advice,
    style: Style,
    heading: &str,
    keep: impl Fn(&Warning) -> bool,
) -> io::Result<()> {
    let Style {
        paint, lang, width, ..
    } = style;
    let p = &advice.patient;
    let mut headed = false;
    for (severity, title, colour) in [
        (
            Severity::Contraindication,
            lang.pick("Contraindications", "Contra-indicaties"),
            "31;1",
        ),
        (Severity::Caution, lang.pick("Cautions", "Let op"), "33;1"),
        (Severity::Info, lang.pick("Information", "Informatie"), "1"),
    ] {
        let mut group = advice
            .warnings
            .iter()
            .filter(|w| w.severity() == severity && keep(w))
            .peekable();
        if group.peek().is_none() {
            continue;
        }
        if heading.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", paint.wrap(colour, title))?;
        } else if !headed {
            writeln!(out)?;
            writeln!(out, "{}", paint.bold(heading))?;
            headed = true;
        }
        for w in group {
            let text = format!("{} ({})", rules::warning(w, p, lang), w.rule.source());
            // Under one heading, the severity goes with each line.
            let text = if heading.is_empty() {
                text
            } else {
                format!("{}: {text}", severity_word(severity, lang))
            };
            let id = format!("  {:<19}", w.rule.as_str());
            writeln!(out, "{}", wrapped(width, &id, &text, 21))?;
        }
    }
    Ok(())
}

/// A severity as a word in a sentence.
const fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Contraindication => lang.pick("CONTRAINDICATION", "CONTRA-INDICATIE"),
        Severity::Caution => lang.pick("caution", "let op"),
        Severity::Info => lang.pick("info", "info"),
    }
}

fn write_sources(out: &mut impl Write, style: Style) -> io::Result<()> {
    let Style {
        paint, lang, width, ..
    } = style;
    writeln!(out, "{}", paint.bold(lang.pick("Sources", "Bronnen")))?;
    for (name, en, nl) in SOURCES {
        writeln!(
            out,
            "{}",
            wrapped(width, &format!("  {name:<6}"), lang.pick(en, nl), 8)
        )?;
    }
    let closing = match lang {
        Lang::En => format!(
            "rules_version {}, anakinra {}. Decision support for a qualified professional: check the current monograph.",
            crate::RULES_VERSION,
            record::TOOL_VERSION
        ),
        Lang::Nl => format!(
            "rules_version {}, anakinra {}. Beslisondersteuning voor een bevoegde zorgverlener: controleer de actuele monografie.",
            crate::RULES_VERSION,
            record::TOOL_VERSION
        ),
    };
    writeln!(out, "{}", wrapped(width, "  ", &closing, 2))
}

/// The sources, as the text output names them, in English and Dutch.
pub const SOURCES: [(&str, &str, &str); 4] = [
    (
        "KF",
        "Kinderformularium (NKFK), monograph anakinra (undated): Dosering, Label, Nierfunctiestoornissen, Interacties, Waarschuwingen en voorzorgen, Bijwerkingen bij kinderen",
        "Kinderformularium (NKFK), monografie anakinra (zonder datum): Dosering, Label, Nierfunctiestoornissen, Interacties, Waarschuwingen en voorzorgen, Bijwerkingen bij kinderen",
    ),
    (
        "LF",
        "UMC Utrecht patient leaflet 'Anakinra (Kineret)', May 2020, DIGD.11.020: Behandelmethode, Bijwerkingen, Adviezen",
        "UMC Utrecht patiëntenfolder 'Anakinra (Kineret)', mei 2020, DIGD.11.020: Behandelmethode, Bijwerkingen, Adviezen",
    ),
    (
        "SmPC",
        "Kineret 100 mg/0.67 ml graduated pre-filled syringe (150 mg/ml, 20-100 mg per syringe); volumes are mg / 150 mg/ml rounded down to 0.01 ml, a whole syringe 0.67 ml as on the pack; marks every 10 mg ASSUMED (SCOPE), check against the pack",
        "Kineret 100 mg/0,67 ml gegradeerde voorgevulde spuit (150 mg/ml, 20-100 mg per spuit); volumes zijn mg / 150 mg/ml naar beneden afgerond op 0,01 ml, een hele spuit 0,67 ml zoals op de verpakking; streepjes per 10 mg AANGENOMEN (SCOPE), controleer op de verpakking",
    ),
    (
        "SCOPE",
        "decisions of this tool where the sources are silent (see README)",
        "keuzes van dit programma waar de bronnen zwijgen (zie README)",
    ),
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_moves_to_the_next_line_whole_and_a_unit_stays_with_its_number() {
        let width = WIDTH;
        let words = "word ".repeat(18);
        let words = words.trim_end();
        // 2 + 18 x 5 - 1 = 91 columns of words; the 16-character mark does not fit after
        // them (91 + 1 + 16 > 100) and moves whole to the next line.
        let out = wrap_words(width, "  ", words.split(' ').chain(["10 mg = 0.07 ml;"]), 2);
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            [format!("  {words}").as_str(), "  10 mg = 0.07 ml;"]
        );
        // 2 + 18 x 5 - 1 + 3 = 94 columns with `ab`: `12.5` alone would fit (99), with its
        // unit it does not (102), and the two move together.
        let text = format!("{words} ab 12.5 mg");
        assert_eq!(
            wrapped(width, "  ", &text, 2).lines().last(),
            Some("  12.5 mg")
        );
        assert_eq!(wrapped(width, "> ", "12.5 mg", 2), "> 12.5 mg");
    }
}
