//! Turns the CDC weight-for-age tables (`data/growth/*.csv`, kept as published) into Rust
//! arrays at build time, so that a single `anakinra dose` does not parse 500 lines of numbers
//! at start-up. Nothing is read from disk at run time.

// A build script fails the build by panicking, with the file and line it could not read.
#![allow(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::path::Path;

fn table(name: &str, file: &str, out: &mut String) {
    let path = Path::new("data/growth").join(file);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = [Vec::new(), Vec::new()];
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').take(5).map(str::trim).collect();
        let [sex, age, l, m, s] = cells[..] else {
            panic!("{file}: short line {line:?}")
        };
        for number in [age, l, m, s] {
            number
                .parse::<f64>()
                .unwrap_or_else(|e| panic!("{file}: {number:?}: {e}"));
        }
        let at = match sex {
            "1" => 0,
            "2" => 1,
            other => panic!("{file}: sex {other:?}"),
        };
        rows[at].push(format!(
            "Lms {{ age: {age}_f64, l: {l}_f64, m: {m}_f64, s: {s}_f64 }}"
        ));
    }
    for (sex, rows) in ["MALE", "FEMALE"].iter().zip(rows) {
        writeln!(out, "/// CDC `{file}`, {sex}: (age in months, L, M, S).").unwrap();
        writeln!(
            out,
            "#[allow(clippy::unreadable_literal, clippy::excessive_precision)] // as published"
        )
        .unwrap();
        writeln!(
            out,
            "const {name}_{sex}: [Lms; {}] = [{}];",
            rows.len(),
            rows.join(", ")
        )
        .unwrap();
    }
}

fn main() {
    let mut out = String::new();
    table("INFANT", "wtageinf.csv", &mut out);
    table("CHILD", "wtage.csv", &mut out);
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("growth_tables.rs");
    std::fs::write(dest, out).expect("write growth_tables.rs");
}
