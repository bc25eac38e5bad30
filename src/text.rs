//! The text output: for a terminal and for pasting into a clinical note. Written to any
//! writer, so it is testable without a process.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use crate::dosing::syringe;
use crate::dosing::{Advice, LabelStatus, Phase, PhaseAdvice, Severity, Verdict};
use crate::units::Kilograms;
use crate::{record, texts};

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

/// `30-60 mg`, or `100 mg` when both ends are equal: the unit once, after the upper end.
fn span<T: PartialEq + fmt::Display>(lo: &T, hi: &T) -> String {
    if lo == hi {
        hi.to_string()
    } else {
        let lo = lo.to_string();
        format!("{}-{hi}", lo.split(' ').next().unwrap_or_default())
    }
}

fn ml_span(ph: &PhaseAdvice) -> String {
    span(&syringe::volume(ph.min), &syringe::volume(ph.max))
}

fn per_kg_span(ph: &PhaseAdvice, weight: Kilograms) -> String {
    let (lo, hi) = ph.effective(weight);
    span(&lo, &hi)
}

/// Words of `text` in lines of at most [`WIDTH`] characters, the first after `first`, the
/// rest indented by `indent` spaces.
fn wrapped(first: &str, text: &str, indent: usize) -> String {
    // Words as slices of `text`; a unit stays on the line of its number (`0.8 ml`, never
    // `0.8` / `ml`), so it extends the word before it, which ends where the unit begins.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for token in text.split(' ') {
        let end = start + token.len();
        let is_unit = token.starts_with("mg") || token.starts_with("ml") || token.starts_with("kg");
        let after_number = spans
            .last()
            .and_then(|&(s, e)| text.get(s..e))
            .is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
        match spans.last_mut() {
            Some(last) if is_unit && after_number => last.1 = end,
            _ => spans.push((start, end)),
        }
        start = end + 1;
    }
    let words = spans.into_iter().filter_map(|(s, e)| text.get(s..e));
    let mut out = String::with_capacity(text.len() + first.len() + 16);
    out.push_str(first);
    let mut column = first.chars().count();
    for (i, word) in words.enumerate() {
        let len = word.chars().count();
        if i > 0 && column + 1 + len > WIDTH {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
            column = indent;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        if word.contains(NO_BREAK) {
            out.push_str(&word.replace(NO_BREAK, " "));
        } else {
            out.push_str(word);
        }
        column += len;
    }
    out
}

/// Joins words that [`wrapped`] keeps on one line; written out as a plain space.
const NO_BREAK: char = '\u{a0}';

/// The width text output wraps at: fixed, so the output is the same on every terminal.
const WIDTH: usize = 100;

fn nominal(ph: &PhaseAdvice) -> String {
    ph.nominal.map_or_else(
        || "-".to_string(),
        |(lo, hi)| format!("{}-{}", lo.get(), hi.get()),
    )
}

fn marks_list(ph: &PhaseAdvice) -> String {
    let marks = ph.marks();
    if marks.is_empty() {
        return "none in range".to_string();
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

/// Writes the advice as text.
///
/// # Errors
///
/// When the writer fails.
pub fn write_advice(out: &mut impl Write, advice: &Advice, paint: Paint) -> io::Result<()> {
    let p = &advice.patient;
    let gfr = p
        .gfr
        .map_or_else(|| "GFR not given".to_string(), |g| format!("GFR {g}"));
    let dialysis = if p.dialysis {
        "on dialysis"
    } else {
        "no dialysis"
    };
    writeln!(
        out,
        "{} {}, {} ({} months), {}, {gfr}, {dialysis}",
        paint.bold("Patient:"),
        p.weight,
        p.age,
        p.age.months(),
        p.indication,
    )?;
    let label = match advice.label_status() {
        LabelStatus::OnLabel => "on-label",
        LabelStatus::OffLabel => "off-label",
    };
    let (colour, verdict) = match advice.verdict {
        Verdict::Advised => ("32;1", "ADVISED".to_string()),
        Verdict::Contraindicated => ("31;1", "CONTRAINDICATED: no dose advised".to_string()),
        Verdict::NotCovered => ("33;1", "NOT COVERED: no dose advised".to_string()),
        Verdict::NoGeneralAdvice => ("33;1", "NO GENERAL ADVICE: no dose advised".to_string()),
    };
    if advice.verdict == Verdict::Advised {
        writeln!(
            out,
            "{} {} ({label})",
            paint.bold("Verdict:"),
            paint.wrap(colour, &verdict)
        )?;
    } else {
        writeln!(
            out,
            "{} {}",
            paint.bold("Verdict:"),
            paint.wrap(colour, &verdict)
        )?;
    }

    if !advice.reasons.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold("Reasons"))?;
        for &rule in &advice.reasons {
            let text = format!("{} ({})", texts::reason(rule, p), rule.source());
            writeln!(
                out,
                "{}",
                wrapped(&format!("  {:<19}", rule.as_str()), &text, 21)
            )?;
        }
    }
    if !advice.phases.is_empty() {
        writeln!(out)?;
        write_phases(out, advice, paint)?;
    }
    if !advice.warnings.is_empty() {
        write_warnings(out, advice, paint)?;
    }
    writeln!(out)?;
    write_sources(out, paint)
}

fn write_phases(out: &mut impl Write, advice: &Advice, paint: Paint) -> io::Result<()> {
    let w = advice.patient.weight;
    let (table, ceiling): (Vec<&PhaseAdvice>, Vec<&PhaseAdvice>) = advice
        .phases
        .iter()
        .partition(|ph| ph.phase != Phase::Exceptional);
    let header = ["phase", "mg/kg/day", "dose/day", "volume", "syringe marks"];
    let rows: Vec<[String; 5]> = table
        .iter()
        .map(|ph| {
            let dose = format!(
                "{}{}",
                span(&ph.min, &ph.max),
                if ph.capped { " (capped)" } else { "" }
            );
            [
                ph.phase.as_str().to_string(),
                nominal(ph),
                dose,
                ml_span(ph),
                marks_list(ph),
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
    writeln!(out)?;
    for ph in &table {
        let cap = if ph.capped {
            format!(
                "; capped at {}/day, effective {}/day",
                ph.cap,
                per_kg_span(ph, w)
            )
        } else {
            String::new()
        };
        let about = format!("{}{cap} {}", texts::when(ph.phase), rules_list(ph));
        writeln!(
            out,
            "{}",
            wrapped(&format!("  {:<11} ", ph.phase.as_str()), &about, 14)
        )?;
        write_marks(out, ph, w)?;
    }
    for ph in ceiling {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} {}",
            paint.bold("Exceptional ceiling:"),
            texts::when(ph.phase),
            rules_list(ph)
        )?;
        let capped = if ph.capped {
            format!(", capped at {}/day", ph.cap)
        } else {
            String::new()
        };
        let about = format!(
            "up to {}/day (nominal {} mg/kg/day{capped}), above the escalation range from {}; \
             effective {}/day, {}; marks {}{}",
            ph.max,
            nominal(ph),
            ph.min,
            per_kg_span(ph, w),
            ml_span(ph),
            marks_list(ph),
            if ph.marks().iter().any(|m| m.syringes > 1) {
                " (two syringes above 100 mg)"
            } else {
                ""
            },
        );
        writeln!(out, "{}", wrapped("  ", &about, 2))?;
        write_marks(out, ph, w)?;
    }
    Ok(())
}

/// Each mark of a phase with its volume and mg/kg, four to a line.
fn write_marks(out: &mut impl Write, ph: &PhaseAdvice, w: Kilograms) -> io::Result<()> {
    let marks: Vec<String> = ph
        .marks()
        .iter()
        .map(|m| {
            let syringes = if m.syringes > 1 { ", 2 syringes" } else { "" };
            format!("{} = {} ({}{syringes});", m.dose, m.volume(), m.per_kg(w))
                .replace(' ', &NO_BREAK.to_string())
        })
        .collect();
    let text = marks.join(" ");
    writeln!(
        out,
        "{}",
        wrapped("              ", text.trim_end_matches(';'), 14)
    )
}

fn write_warnings(out: &mut impl Write, advice: &Advice, paint: Paint) -> io::Result<()> {
    let p = &advice.patient;
    for (severity, heading, colour) in [
        (Severity::Contraindication, "Contraindications", "31;1"),
        (Severity::Caution, "Cautions", "33;1"),
        (Severity::Info, "Information", "1"),
    ] {
        let mut group = advice
            .warnings
            .iter()
            .filter(|w| w.severity() == severity)
            .peekable();
        if group.peek().is_none() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}", paint.wrap(colour, heading))?;
        for w in group {
            let text = format!("{} ({})", texts::warning(w, p), w.rule.source());
            writeln!(
                out,
                "{}",
                wrapped(&format!("  {:<19}", w.rule.as_str()), &text, 21)
            )?;
        }
    }
    Ok(())
}

fn write_sources(out: &mut impl Write, paint: Paint) -> io::Result<()> {
    writeln!(out, "{}", paint.bold("Sources"))?;
    for (name, text) in SOURCES {
        writeln!(out, "{}", wrapped(&format!("  {name:<6}"), text, 8))?;
    }
    let closing = format!(
        "rules_version {}, anakinra {}. Decision support for a qualified professional: check the \
         current monograph.",
        crate::RULES_VERSION,
        record::TOOL_VERSION
    );
    writeln!(out, "{}", wrapped("  ", &closing, 2))
}

/// The sources, as the text output and `--help` name them.
pub const SOURCES: [(&str, &str); 4] = [
    (
        "KF",
        "Kinderformularium (NKFK), monograph anakinra (undated): Dosering, Label, \
         Nierfunctiestoornissen, Interacties, Waarschuwingen en voorzorgen, Bijwerkingen bij kinderen",
    ),
    (
        "LF",
        "UMC Utrecht patient leaflet 'Anakinra (Kineret)', May 2020, DIGD.11.020: \
         Behandelmethode, Bijwerkingen, Adviezen",
    ),
    (
        "SmPC",
        "Kineret 100 mg/0.67 ml graduated pre-filled syringe (150 mg/ml, 20-100 mg per syringe); \
         marks every 10 mg ASSUMED, check against the pack",
    ),
    (
        "SCOPE",
        "decisions of this tool where the sources are silent (see README)",
    ),
];
