//! The one validation path: text from the command line, a JSON line, a CSV row or a reference
//! case's `input` becomes [`request::PatientFields`] (each field in its place by the table of
//! [`field`]), and [`request::request`] validates it into a [`request::Request`] through the
//! grammar of [`grammar`]. A refused value is a typed error ([`error`]) naming its field.

pub mod csv;
pub mod error;
pub mod field;
pub mod grammar;
pub mod json;
pub mod line;
pub mod reference;
pub mod request;
