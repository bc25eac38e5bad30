//! The full text note, held as a whole: five patients in English and Dutch (insta snapshots in
//! `tests/it/snapshots/`). A change of layout or wording shows up here as a diff to review with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test it snapshots` and `git diff`).
//! The arithmetic is held elsewhere, by hand-computed cases; these hold what a person reads.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::anakinra;

/// Five patients that between them show every block of the note.
const PATIENTS: [(&str, &[&str]); 5] = [
    // Advised, capped escalation, a GFR given.
    (
        "sjia-30kg",
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "95",
        ],
    ),
    // Severe CAPS above 25 kg, no GFR, the label's range above the cap.
    (
        "caps-severe-30kg",
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "caps-severe",
        ],
    ),
    // A refused prescription, co-medication, a GFR of 30 exactly.
    (
        "sjia-20kg-refused-dose",
        &[
            "--weight",
            "20",
            "--age",
            "6y",
            "--indication",
            "sjia",
            "--gfr",
            "30",
            "--dose",
            "400",
            "--comedication",
            "etanercept,BMR,xyz",
        ],
    ),
    // Contraindicated.
    (
        "sjia-gfr-20",
        &[
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
            "--gfr",
            "20",
        ],
    ),
    // The adult fixed dose, with a prescription in range.
    (
        "ra-adult",
        &[
            "--weight",
            "70",
            "--age",
            "40y",
            "--indication",
            "ra",
            "--gfr",
            "90",
            "--dose",
            "100",
        ],
    ),
];

#[test]
fn the_full_note_of_five_patients_in_english_and_dutch() {
    for (name, args) in PATIENTS {
        for lang in ["en", "nl"] {
            let out = anakinra()
                .arg("dose")
                .args(args)
                .args(["--lang", lang])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            // The version line changes with every release; the rest is the note.
            let text = text.replace(env!("CARGO_PKG_VERSION"), "[version]");
            insta::assert_snapshot!(format!("{name}-{lang}"), text);
        }
    }
}
