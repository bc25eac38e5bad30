//! `anakinra dose`: one patient's advice, as text or one JSON record.

use std::io::{self, Write};

use crate::cmd::args::{DoseArgs, Format};
use crate::cmd::{Error, Exit};
use crate::input::field::Field;
use crate::input::request::{self, PatientFields};
use crate::output::record::Record;
use crate::output::text::{self, Style};

/// The flags as the fields of a patient, by the field table.
fn fields(args: &DoseArgs) -> PatientFields<'_> {
    let mut fields = PatientFields::default();
    let flags = [
        (Field::Weight, Some(args.weight.as_str())),
        (Field::Age, args.age.as_deref()),
        (Field::Dob, args.dob.as_deref()),
        (Field::On, args.on.as_deref()),
        (Field::Indication, Some(args.indication.as_str())),
        (Field::Gfr, args.gfr.as_deref()),
        (Field::Height, args.height.as_deref()),
        (Field::Creatinine, args.creatinine.as_deref()),
        (Field::Dialysis, args.dialysis.then_some("true")),
        (Field::Dose, args.dose.as_deref()),
        (Field::Sex, args.sex.as_deref()),
        (Field::ConfirmWeight, args.confirm_weight.then_some("true")),
    ];
    for (field, text) in flags {
        if let Some(text) = text {
            fields.set(field, text.into());
        }
    }
    for name in &args.comedication {
        fields.set(Field::Comedication, name.as_str().into());
    }
    fields
}

/// `anakinra dose`: exit 0 when a dose is advised, 1 when none is or the prescribed dose is
/// refused.
///
/// # Errors
///
/// An [`Error::Input`] for a refused field; an [`Error::Write`] when stdout fails.
pub fn command(args: &DoseArgs, style: Style, out: &mut impl Write) -> Result<Exit, Error> {
    let assessed = request::request(&fields(args), super::today)?.assess();
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Text => text::write_advice(&mut out, &assessed, style)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &Record::new(&assessed, style.lang))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if assessed.advice.refused() {
        Exit::NoDose
    } else {
        Exit::Ok
    })
}
