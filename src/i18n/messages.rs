//! The messages a person reads when an input is refused, in English and Dutch.

use std::fmt::{self, Write as _};

use crate::dosing::syringe::{LARGEST_DOSE, SMALLEST_DOSE};
use crate::dosing::taper::Refusal;
use crate::dosing::units::{
    AgeMonths, Centimetres, Creatinine, Gfr, Kilograms, Milligrams, centi_text,
};
use crate::i18n::Lang;
use crate::input::csv::RowError;
use crate::input::error::{BatchError, Field, InputError, RecordProblem, Wrong};
use crate::input::grammar::Problem;
use crate::input::json::LineError;

/// What the dose accepts, up to `maximum`.
fn taper_accepted(maximum: Milligrams, lang: Lang) -> String {
    format!(
        "{}: {}",
        lang.pick("accepted", "geaccepteerd"),
        taper_range(maximum, lang)
    )
}

/// The doses a taper takes, up to `maximum`: `the current daily dose, from 20 mg to 200 mg`.
fn taper_range(maximum: Milligrams, lang: Lang) -> String {
    format!(
        "{} {} {} {}",
        lang.pick("the current daily dose, from", "de huidige dagdosis, van"),
        lang.num(&SMALLEST_DOSE),
        lang.pick("to", "tot en met"),
        lang.num(&maximum)
    )
}

impl Refusal {
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
                taper_accepted(*maximum, lang)
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
                taper_accepted(*maximum, lang)
            ),
            Refusal::BelowSyringe => format!(
                "{} {}",
                lang.pick(
                    "below 20 mg, the smallest dose the graduated syringe delivers [RX-NOT-DELIVERABLE]; no taper is written;",
                    "onder 20 mg, de kleinste dosis die de gegradeerde spuit geeft [RX-NOT-DELIVERABLE]; er wordt geen afbouwschema gemaakt;",
                ),
                taper_accepted(LARGEST_DOSE, lang)
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
            Refusal::PastCalendar => lang
                .pick(
                    "the 4 weeks of the taper would run past 9999-12-31, the last day of the calendar; accepted: a date up to 9999-12-03",
                    "de 4 weken afbouw zouden na 9999-12-31 doorlopen, de laatste dag van de kalender; geaccepteerd: een datum tot en met 9999-12-03",
                )
                .to_string(),
        }
    }
}

impl Problem {
    /// What was wrong, in words, in `lang`.
    #[allow(clippy::too_many_lines)] // one arm per problem, in two languages
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let text = |en: &str, dutch: &str| {
            if nl {
                dutch.to_string()
            } else {
                en.to_string()
            }
        };
        match self {
            Problem::Empty => text("no value given", "geen waarde gegeven"),
            Problem::Sign => text(
                "a sign (+ or -) is not accepted",
                "een teken (+ of -) wordt niet geaccepteerd",
            ),
            Problem::NoLeadingDigit => text(
                "a number must start with a digit (write 0.5, not .5)",
                "een getal begint met een cijfer (schrijf 0,5, niet ,5)",
            ),
            Problem::NotANumber => text("not a number", "geen getal"),
            Problem::Exponent => text(
                "exponents are not accepted",
                "exponenten worden niet geaccepteerd",
            ),
            Problem::Marks => text(
                "one decimal mark with digits after it, and no thousands separators",
                "één decimaalteken met cijfers erna, en geen scheidingstekens voor duizendtallen",
            ),
            Problem::NotWhole => text("whole numbers only", "alleen hele getallen"),
            Problem::TooManyDecimals { max, thousands } => {
                let mut m = if nl {
                    format!("hoogstens {max} decimalen")
                } else {
                    format!("at most {max} decimals")
                };
                if *thousands {
                    m += if nl {
                        ", en geen scheidingsteken voor duizendtallen (10,000 kan tien of tienduizend zijn)"
                    } else {
                        ", and no thousands separator (10,000 could be ten or ten thousand)"
                    };
                }
                m
            }
            Problem::Trailing(rest) if nl => format!("onverwacht '{}' na het getal", shorten(rest)),
            Problem::Trailing(rest) => format!("unexpected '{}' after the number", shorten(rest)),
            Problem::WrongUnit(unit) if nl => {
                format!("eenheid '{}' wordt hier niet geaccepteerd", shorten(unit))
            }
            Problem::WrongUnit(unit) => format!("unit '{}' is not accepted here", shorten(unit)),
            Problem::MissingUnit => text("a unit is required", "een eenheid is verplicht"),
            Problem::Zero => text("must be above zero", "moet groter zijn dan nul"),
            Problem::TooLarge => text("too large", "te groot"),
            Problem::LooksLikeGrams(kg_centi) => {
                let kg = hundredths_text(*kg_centi, lang.decimal_mark());
                if nl {
                    format!("te groot: gram? Dat is {kg} kg; gewicht wordt in kg ingevoerd")
                } else {
                    format!("too large: grams? That is {kg} kg; weights are entered in kg")
                }
            }
            Problem::LooksLikeMetres(cm_centi) => {
                let cm = hundredths_text(*cm_centi, lang.decimal_mark());
                if nl {
                    format!("te klein: meter? Geef de lengte in cm: {cm}")
                } else {
                    format!("too small: metres? Enter the height in cm: {cm}")
                }
            }
            Problem::MonthsAfterYears => text(
                "months after years must be 0 to 11",
                "maanden na jaren moeten 0 tot 11 zijn",
            ),
            Problem::OutOfRange => text(
                "outside the accepted range",
                "buiten het geaccepteerde bereik",
            ),
            Problem::NotADate => text("not a date", "geen datum"),
            Problem::NoSuchDay => text("that day does not exist", "die dag bestaat niet"),
            Problem::BirthAfterDate => text(
                "the date of birth is after the date of the calculation",
                "de geboortedatum ligt na de datum van de berekening",
            ),
            Problem::NotAWord => text(
                "not one of the accepted words",
                "niet een van de geaccepteerde woorden",
            ),
            Problem::Implausible {
                z_centi,
                low_centi,
                high_centi,
            } => {
                let mark = lang.decimal_mark();
                let z = centi_text(*z_centi, mark);
                let (low, high) = (
                    hundredths_text(*low_centi, mark),
                    hundredths_text(*high_centi, mark),
                );
                if nl {
                    format!(
                        "onwaarschijnlijk gewicht voor de leeftijd (gewicht-naar-leeftijd z {z}; verwacht ongeveer {low}-{high} kg): controleer of het in kilogram is; klopt het, bevestig het gewicht (--confirm-weight, in batch confirm_weight)"
                    )
                } else {
                    format!(
                        "implausible weight for the age (weight-for-age z {z}; expected about {low}-{high} kg): check that it is in kilograms; if it is right, confirm the weight (--confirm-weight, in batch confirm_weight)"
                    )
                }
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Unsigned hundredths (of a kg, of a cm) as text.
fn hundredths_text(centi: u64, mark: char) -> String {
    centi_text(i64::try_from(centi).unwrap_or(i64::MAX), mark)
}

/// The first 40 characters of a long value, for messages.
pub fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(KEEP).collect();
    let head = head.escape_debug().to_string();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

impl InputError {
    /// The message without the field name: `'25lb': weights are entered in kg, not 'lb';
    /// accepted: ...`.
    pub fn message(&self, lang: Lang) -> String {
        let value = shorten(&self.value);
        let accepted = self.field.accepted(lang);
        let nl = lang == Lang::Nl;
        match &self.wrong {
            Wrong::Missing if nl => format!("verplicht; geef {accepted}"),
            Wrong::Missing => format!("required; give {accepted}"),
            Wrong::Conflicts(other) if nl => {
                format!("'{value}' kan niet samen met {other} gegeven worden; geef één van beide")
            }
            Wrong::Conflicts(other) => {
                format!("'{value}' cannot be given together with {other}; give one of the two")
            }
            Wrong::Needs(other) if nl => format!("'{value}' vraagt ook om {other}; geef beide"),
            Wrong::Needs(other) => format!("'{value}' needs {other} as well; give both"),
            Wrong::UnknownIndication(nearest) => {
                let hint = match (nearest, nl) {
                    (Some(n), false) => format!(" (did you mean {n}?)"),
                    (Some(n), true) => format!(" (bedoelde u {n}?)"),
                    (None, _) => String::new(),
                };
                if nl {
                    format!("onbekende indicatie '{value}'{hint}; geaccepteerd: {accepted}")
                } else {
                    format!("unknown indication '{value}'{hint}; accepted: {accepted}")
                }
            }
            Wrong::Value(Problem::WrongUnit(unit)) if self.field == Field::Weight => {
                let unit = shorten(unit);
                if nl {
                    format!(
                        "'{value}': gewicht wordt in kg ingevoerd, niet in '{unit}'; geaccepteerd: {accepted}"
                    )
                } else {
                    format!(
                        "'{value}': weights are entered in kg, not '{unit}'; accepted: {accepted}"
                    )
                }
            }
            Wrong::Refused(refusal) => format!("'{value}': {}", refusal.message(lang)),
            Wrong::Value(problem @ Problem::Implausible { .. }) => {
                format!("'{value}': {}", problem.message(lang))
            }
            Wrong::Value(problem) if nl => format!(
                "'{value}': {}; geaccepteerd: {accepted}",
                problem.message(lang)
            ),
            Wrong::Value(problem) => {
                format!("'{value}': {}; accepted: {accepted}", problem.message(lang))
            }
        }
    }
}

/// A bound written as a person reads it: hundredths with the language's decimal mark, no unit.
fn bound(centi: u64, lang: Lang) -> String {
    hundredths_text(centi, lang.decimal_mark())
}

/// The heaviest weight accepted, as a bound: `250`.
fn weight_max(lang: Lang) -> String {
    bound(u64::from(Kilograms::MAX.centi()), lang)
}

/// The highest typed GFR accepted, as a bound: `250`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 250
fn gfr_max(lang: Lang) -> String {
    bound((Gfr::TYPED_MAX * 100.0) as u64, lang)
}

impl Field {
    /// What the field accepts, for an error message; every bound comes from its unit type.
    #[allow(clippy::too_many_lines)] // one arm per field, in two languages
    pub fn accepted(self, lang: Lang) -> String {
        match self {
            Field::Weight => match lang {
                Lang::En => format!(
                    "a weight in kg above 0 and at most {}, with at most 2 decimals, e.g. 12, 12.5, 12,5 or 12.5 kg",
                    weight_max(lang)
                ),
                Lang::Nl => format!(
                    "een gewicht in kg boven 0 en hoogstens {}, met hoogstens 2 decimalen, bijv. 12, 12,5, 12.5 of 12,5 kg",
                    weight_max(lang)
                ),
            },
            Field::Age => {
                let years = AgeMonths::MAX.months() / 12;
                match lang {
                    Lang::En => format!(
                        "a whole number with a unit: months 8m, 8mo, 8mnd or 8 months, years 3y, 3j, 3 jaar or 3 years, or 2y6m; 0 to {years} years"
                    ),
                    Lang::Nl => format!(
                        "een heel getal met eenheid: maanden 8m, 8mo, 8mnd of 8 maanden, jaren 3j, 3jr, 3 jaar of 3y, of 2j6m; 0 tot {years} jaar"
                    ),
                }
            }
            Field::AgeMonths => {
                let months = AgeMonths::MAX.months();
                match lang {
                    Lang::En => format!("a whole number of completed months, 0 to {months}"),
                    Lang::Nl => format!("een heel aantal voltooide maanden, 0 tot {months}"),
                }
            }
            Field::Dob | Field::On => lang
                .pick(
                    "a date YYYY-MM-DD or DD-MM-YYYY, e.g. 2020-02-29, 29-02-2020 or 14-3-2021",
                    "een datum JJJJ-MM-DD of DD-MM-JJJJ, bijv. 2020-02-29, 29-02-2020 of 14-3-2021",
                )
                .to_string(),
            Field::Indication => lang
                .pick(
                    "caps-mild, caps-severe, hereditary-autoinflammatory, sjia, other-autoinflammatory or ra (or caps-licht, caps-ernstig, erfelijk, overig)",
                    "caps-mild (caps-licht), caps-severe (caps-ernstig), hereditary-autoinflammatory (erfelijk), sjia, other-autoinflammatory (overig) of ra",
                )
                .to_string(),
            Field::Gfr => {
                let max = gfr_max(lang);
                match lang {
                    Lang::En => format!(
                        "a number of ml/min/1.73 m2 from 0 to {max} with at most 2 decimals, e.g. 45, 29.9, 95 ml/min or >90"
                    ),
                    Lang::Nl => format!(
                        "een getal in ml/min/1,73 m2 van 0 tot {max} met hoogstens 2 decimalen, bijv. 45, 29,9, 95 ml/min of >90"
                    ),
                }
            }
            Field::Height => {
                let (low, high) = (
                    bound(u64::from(*Centimetres::RANGE.start()), lang),
                    bound(u64::from(*Centimetres::RANGE.end()), lang),
                );
                match lang {
                    Lang::En => format!(
                        "a height in cm from {low} to {high}, with at most 2 decimals, e.g. 104 or 104.5 cm"
                    ),
                    Lang::Nl => format!(
                        "een lengte in cm van {low} tot {high}, met hoogstens 2 decimalen, bijv. 104 of 104,5 cm"
                    ),
                }
            }
            Field::Creatinine => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 5 to 2000
                let (low, high) = (
                    bound((Creatinine::RANGE_UMOL_L.start() * 100.0) as u64, lang),
                    bound((Creatinine::RANGE_UMOL_L.end() * 100.0) as u64, lang),
                );
                match lang {
                    Lang::En => format!(
                        "a value with its unit, umol/l (or µmol/l) or mg/dl, from {low} to {high} umol/l, e.g. 181umol/l or 0.5 mg/dl"
                    ),
                    Lang::Nl => format!(
                        "een waarde met eenheid, umol/l (of µmol/l) of mg/dl, van {low} tot {high} umol/l, bijv. 181umol/l of 0,5 mg/dl"
                    ),
                }
            }
            Field::Dialysis | Field::ConfirmWeight => lang
                .pick(
                    "true/false, yes/no, ja/nee, waar/onwaar or 1/0",
                    "ja/nee, waar/onwaar, true/false, yes/no of 1/0",
                )
                .to_string(),
            Field::Dose => {
                let max = bound(u64::from(Milligrams::PRESCRIBED_MAX.centi()), lang);
                match lang {
                    Lang::En => format!(
                        "a daily dose in mg above 0 and at most {max}, with at most 2 decimals, e.g. 40 or 40mg"
                    ),
                    Lang::Nl => format!(
                        "een dagdosis in mg boven 0 en hoogstens {max}, met hoogstens 2 decimalen, bijv. 40 of 40mg"
                    ),
                }
            }
            Field::TaperDose => taper_range(LARGEST_DOSE, lang),
            Field::Sex => lang.pick("f or m (v or m)", "v of m (f of m)").to_string(),
            Field::From => lang
                .pick(
                    "a date YYYY-MM-DD or DD-MM-YYYY, or today (vandaag)",
                    "een datum JJJJ-MM-DD of DD-MM-JJJJ, of vandaag (today)",
                )
                .to_string(),
            Field::Comedication => lang
                .pick(
                    "drug names separated by commas, e.g. etanercept, methotrexate",
                    "namen van geneesmiddelen gescheiden door komma's, bijv. etanercept, methotrexaat",
                )
                .to_string(),
            Field::Id => lang.pick("any text", "willekeurige tekst").to_string(),
        }
    }
}

/// The help of a flag whose text states a bound, in `lang`, written from the unit type: `dose
/// --weight`, `dose --gfr` and `taper --dose`. `None` for every other flag.
pub fn flag_help(command: &str, id: &str, lang: Lang) -> Option<String> {
    let (low, high) = (
        bound(u64::from(SMALLEST_DOSE.centi()), lang),
        lang.num(&LARGEST_DOSE),
    );
    Some(match (command, id, lang) {
        ("dose", "weight", Lang::En) => format!(
            "Body weight in kg: 12, 12.5, 12,5, 12.25kg or \"12,5 kg\"; at most 2 decimals, up to {}",
            weight_max(lang)
        ),
        ("dose", "weight", Lang::Nl) => format!(
            "Lichaamsgewicht in kg: 12, 12.5, 12,5, 12.25kg of \"12,5 kg\"; hoogstens 2 decimalen, tot {}",
            weight_max(lang)
        ),
        ("dose", "gfr", Lang::En) => format!(
            "GFR in ml/min/1.73 m2, 0 to {} (\"95 ml/min\" and a lab's \">90\" too). Without it (or --height and --creatinine) the advice carries a caution to check renal function",
            gfr_max(lang)
        ),
        ("dose", "gfr", Lang::Nl) => format!(
            "GFR in ml/min/1,73 m2, 0 tot {} (95 ml/min en >90 mogen ook). Zonder GFR (of --height en --creatinine) komt er een waarschuwing om de nierfunctie te controleren",
            gfr_max(lang)
        ),
        ("taper", "dose", Lang::En) => format!(
            "The current daily dose, given on each injection day, in mg: 40 or 40mg; {low} to {high} (with a patient: up to that patient's maximum)"
        ),
        ("taper", "dose", Lang::Nl) => format!(
            "De huidige dagdosis, gegeven op elke injectiedag, in mg: 40 of 40mg; {low} tot en met {high} (met een patiënt: tot diens maximum)"
        ),
        _ => return None,
    })
}

/// The keys of a record, joined for a message.
fn record_keys() -> String {
    Field::RECORD.map(Field::key).join(", ")
}

/// Why a CSV row cannot be read, in `lang`.
const fn row_error(err: &RowError, lang: Lang) -> &'static str {
    match err {
        RowError::UnterminatedQuote => lang.pick(
            "a quoted cell is not closed",
            "een cel tussen aanhalingstekens is niet gesloten",
        ),
        RowError::AfterQuote => lang.pick(
            "text after a closing quote",
            "tekst na een sluitend aanhalingsteken",
        ),
        RowError::TooLong => lang.pick("longer than 1 MiB", "langer dan 1 MiB"),
    }
}

/// serde_json's message without the position it appends (` at line L column C`): the record
/// has its own line, and the position is known as numbers, not read back from the words.
pub fn without_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_string(),
        None => text,
    }
}

impl RecordProblem {
    /// What is wrong with the record, in `lang`, without the field's name.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RecordProblem::Input(err) => err.message(lang),
            RecordProblem::NotUtf8 { at, .. } => match lang {
                Lang::En => format!("not valid UTF-8 (at byte {})", at + 1),
                Lang::Nl => format!("geen geldige UTF-8 (bij byte {})", at + 1),
            },
            RecordProblem::NotAnObject => lang
                .pick(
                    "a line must be a JSON object, as {\"weight\": 12.5, ...}",
                    "een regel moet een JSON-object zijn, zoals {\"weight\": 12.5, ...}",
                )
                .to_string(),
            RecordProblem::Line(LineError::UnknownKey(key)) => format!(
                "{} '{}'; {}: {}",
                lang.pick("unknown key", "onbekende sleutel"),
                shorten(key),
                lang.pick("accepted", "geaccepteerd"),
                record_keys()
            ),
            RecordProblem::Line(LineError::Json(err)) => {
                let what = if err.is_data() {
                    lang.pick("invalid value", "ongeldige waarde")
                } else {
                    lang.pick("invalid JSON", "ongeldige JSON")
                };
                format!("{what}: {}", without_position(err))
            }
            RecordProblem::TooLong => lang
                .pick(
                    "the line is longer than 1 MiB (1,048,576 bytes), the most a record may be; skipped to the next line",
                    "de regel is langer dan 1 MiB (1.048.576 bytes), het meeste dat een record mag zijn; doorgegaan bij de volgende regel",
                )
                .to_string(),
            RecordProblem::Row(err) => row_error(err, lang).to_string(),
            RecordProblem::Width { cells, header } => match lang {
                Lang::En => format!("the row has {cells} cells, the header {header}"),
                Lang::Nl => format!("de rij heeft {cells} cellen, de kopregel {header}"),
            },
        }
    }
}

impl BatchError {
    /// The line on stderr, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BatchError::CannotOpen { path, source } => format!(
                "{} {}: {source}",
                lang.pick("cannot open", "kan niet openen:"),
                path.display()
            ),
            BatchError::CannotRead(source) => format!(
                "{}: {source}",
                lang.pick("cannot read the input", "kan de invoer niet lezen")
            ),
            BatchError::CrOnly => lang
                .pick(
                    "the input's lines end in a carriage return alone (CR, as classic Mac OS wrote them): save it with LF or CRLF line endings",
                    "de regels van de invoer eindigen op alleen een carriage return (CR, zoals het klassieke Mac OS schreef): sla het op met LF- of CRLF-regeleinden",
                )
                .to_string(),
            BatchError::NoHeader => lang
                .pick(
                    "the CSV input has no header",
                    "de CSV-invoer heeft geen kopregel",
                )
                .to_string(),
            BatchError::Header { line, problem } => format!(
                "{} {line} {}: {}",
                lang.pick("the CSV header on line", "de CSV-kopregel op regel"),
                lang.pick("cannot be read", "is niet te lezen"),
                row_error(problem, lang)
            ),
            BatchError::UnknownColumn(name) => format!(
                "{} '{}' {}: {} ({}: {}), {}",
                lang.pick("unknown CSV column", "onbekende CSV-kolom"),
                shorten(name),
                lang.pick("in the header; accepted", "in de kopregel; geaccepteerd"),
                record_keys(),
                lang.pick("or their Dutch names", "of de Nederlandse namen"),
                Field::RECORD
                    .iter()
                    .flat_map(|f| f.dutch().iter().copied())
                    .collect::<Vec<_>>()
                    .join(", "),
                lang.pick(
                    "or use --ignore-unknown-columns",
                    "of gebruik --ignore-unknown-columns"
                )
            ),
            BatchError::RepeatedColumn(name) => format!(
                "{} '{name}' {}",
                lang.pick("CSV column", "CSV-kolom"),
                lang.pick(
                    "appears twice in the header",
                    "staat twee keer in de kopregel"
                )
            ),
            BatchError::Write(source) => source.to_string(),
        }
    }
}

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
    fn growth_wfa_refusal_names_z_and_the_weight_range_in_kg() {
        let problem = Problem::Implausible {
            z_centi: -926,
            low_centi: 1210,
            high_centi: 25_000,
        };
        assert_eq!(
            problem.message(Lang::En),
            "implausible weight for the age (weight-for-age z -9.26; expected about 12.1-250 kg): check that it is in kilograms; if it is right, confirm the weight (--confirm-weight, in batch confirm_weight)"
        );
        assert!(
            problem
                .message(Lang::Nl)
                .contains("(gewicht-naar-leeftijd z -9,26; verwacht ongeveer 12,1-250 kg)")
        );
        assert_eq!(hundredths_text(5, '.'), "0.05");
        assert_eq!(hundredths_text(u64::MAX, ','), centi_text(i64::MAX, ','));
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = "9".repeat(100_000);
        assert!(shorten(&long).len() < 50);
        assert_eq!(shorten("a\u{7}"), "a\\u{7}");
    }

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
