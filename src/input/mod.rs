//! Input: raw text from the command line, a JSON line or a CSV row becomes a validated request.
pub mod csv;
pub mod error;
pub mod field;
pub mod grammar;
pub mod json;
pub mod line;
pub mod reference;
pub mod request;
