//! `anakinra taper`: the KF-TAPER schedule as dated lines, JSON, or an iCalendar file.

use std::io::{self, Write};

use crate::cmd::args::{TaperArgs, TaperFormat};
use crate::cmd::{Error, Exit};
use crate::dosing::RuleId;
use crate::dosing::taper::{self, Refusal};
use crate::i18n::Lang;
use crate::input::error::{InputError, Wrong};
use crate::input::field::Field;
use crate::input::grammar;
use crate::input::request::{self, PatientFields};

/// The field a refusal is about.
fn refused_field(refusal: &Refusal) -> Field {
    match refusal {
        Refusal::AboveMaximum { .. } | Refusal::BelowSyringe => Field::TaperDose,
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

/// `anakinra taper`: the schedule, or why there is none (exit 2, one line naming the field).
///
/// # Errors
///
/// An [`Error::Input`] for a refused date, dose or patient; an [`Error::Write`] when stdout
/// fails.
pub fn command(args: &TaperArgs, lang: Lang, out: &mut impl Write) -> Result<Exit, Error> {
    let from = if ["today", "vandaag"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(args.from.trim()))
    {
        super::today()
    } else {
        grammar::date(args.from.trim())
            .map_err(|p| InputError::value(Field::From, &args.from, p))?
    };
    // The grammar of every dose; the limits are the taper's, and its message says so.
    let dose = grammar::dose(args.dose.trim())
        .map_err(|p| InputError::value(Field::TaperDose, &args.dose, p))?;
    let advice = match (&args.weight, &args.age, &args.indication) {
        (Some(weight), Some(age), Some(indication)) => {
            let fields = PatientFields {
                weight: Some(weight.as_str().into()),
                age: Some(age.as_str().into()),
                indication: Some(indication.as_str().into()),
                gfr: args.gfr.as_deref().map(Into::into),
                dose: Some(args.dose.as_str().into()),
                ..PatientFields::default()
            };
            Some(request::request(&fields, super::today)?.assess().advice)
        }
        _ => None,
    };
    let schedule = taper::schedule(from, dose, advice.as_ref()).map_err(|refusal| {
        let field = refused_field(&refusal);
        let value = match field {
            Field::Weight => args.weight.as_deref(),
            Field::Age => args.age.as_deref(),
            Field::Indication => args.indication.as_deref(),
            Field::Gfr => args.gfr.as_deref(),
            Field::From => Some(args.from.as_str()),
            _ => Some(args.dose.as_str()),
        };
        InputError {
            field,
            value: value.unwrap_or_default().to_string(),
            wrong: Wrong::Refused(refusal),
        }
    })?;
    let mut out = io::BufWriter::new(out);
    match args.format {
        TaperFormat::Text => crate::output::taper::write_text(&mut out, &schedule, lang)?,
        TaperFormat::Json => {
            serde_json::to_writer(&mut out, &schedule)?;
            writeln!(out)?;
        }
        TaperFormat::Ics => {
            crate::output::ics::write_ics(&mut out, &schedule, lang, jiff::Timestamp::now())?;
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}
