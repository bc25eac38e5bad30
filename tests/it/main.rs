//! The integration tests, as one test binary (one link instead of ten on a 2-core machine):
//! the binary run as a user, a script or CI runs it, and the library through its public paths.
//!
//! - `cli`, `counter`, `growth`: `anakinra dose`, `taper`, `rules` at the pharmacy counter.
//! - `batch`: `batch`, `check` and `schema` as a script or CI runs them.
//! - `adversarial`: bad input on every path, refused with exit 2 and one line naming the field.
//! - `exit_codes`: output that cannot be delivered is never exit 0.
//! - `properties`: properties that hold for any input (proptest).
//! - `reference_cases`: the hand-computed cases of `data/reference-cases.json`.
//! - `reference_grid`: an independent second implementation, compared on a grid of patients
//!   (the full grid: `cargo test --release --test it reference_grid -- --ignored`).
//! - `snapshots`: the full text note of five patients, in English and Dutch (insta).

// Tests fail by panicking: unwrap, expect, indexing and panic are how they say so.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

mod adversarial;
mod batch;
mod cli;
mod counter;
mod exit_codes;
mod growth;
mod properties;
mod reference_cases;
mod reference_grid;
mod snapshots;
