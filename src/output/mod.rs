//! Output: one module per format.
pub mod record;
pub mod schema;
pub mod text;
