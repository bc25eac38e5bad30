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
