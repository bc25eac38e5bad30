//! Co-medication: the drugs of KF Interacties by generic and usual Dutch brand names, and what
//! each one triggers (KF-INT-TNF, KF-INT-LIVE, INT-DUPLICATE); live vaccines (LF-LIVE-VACCINES);
//! common drugs the KF names no interaction with (INT-NONE); an unknown name is never
//! reassuring (INT-UNKNOWN).

/// What a known drug is, for the interaction rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A TNF-α antagonist: KF-INT-TNF (and, being immunosuppressive, KF-INT-LIVE).
    TnfAntagonist,
    /// Another immunosuppressant of KF Interacties: KF-INT-LIVE.
    Immunosuppressant,
    /// Anakinra itself: INT-DUPLICATE.
    Anakinra,
    /// A live vaccine: LF-LIVE-VACCINES (and KF-INT-LIVE: anakinra is on the KF's list of
    /// immunosuppressive drugs).
    LiveVaccine,
    /// A common drug with no interaction in KF Interacties: INT-NONE.
    NoKfInteraction,
}

/// KF Interacties: names (generic first, then brands), their generic name and class.
const CATALOGUE: &[(&str, &str, Class)] = &[
    ("etanercept", "etanercept", Class::TnfAntagonist),
    ("enbrel", "etanercept", Class::TnfAntagonist),
    ("benepali", "etanercept", Class::TnfAntagonist),
    ("erelzi", "etanercept", Class::TnfAntagonist),
    ("nepexto", "etanercept", Class::TnfAntagonist),
    ("adalimumab", "adalimumab", Class::TnfAntagonist),
    ("humira", "adalimumab", Class::TnfAntagonist),
    ("amgevita", "adalimumab", Class::TnfAntagonist),
    ("hyrimoz", "adalimumab", Class::TnfAntagonist),
    ("imraldi", "adalimumab", Class::TnfAntagonist),
    ("hulio", "adalimumab", Class::TnfAntagonist),
    ("idacio", "adalimumab", Class::TnfAntagonist),
    ("yuflyma", "adalimumab", Class::TnfAntagonist),
    ("infliximab", "infliximab", Class::TnfAntagonist),
    ("remicade", "infliximab", Class::TnfAntagonist),
    ("inflectra", "infliximab", Class::TnfAntagonist),
    ("remsima", "infliximab", Class::TnfAntagonist),
    ("flixabi", "infliximab", Class::TnfAntagonist),
    ("zessly", "infliximab", Class::TnfAntagonist),
    ("golimumab", "golimumab", Class::TnfAntagonist),
    ("simponi", "golimumab", Class::TnfAntagonist),
    (
        "certolizumab pegol",
        "certolizumab pegol",
        Class::TnfAntagonist,
    ),
    ("certolizumab", "certolizumab pegol", Class::TnfAntagonist),
    ("cimzia", "certolizumab pegol", Class::TnfAntagonist),
    ("abatacept", "abatacept", Class::Immunosuppressant),
    ("orencia", "abatacept", Class::Immunosuppressant),
    ("canakinumab", "canakinumab", Class::Immunosuppressant),
    ("ilaris", "canakinumab", Class::Immunosuppressant),
    ("leflunomide", "leflunomide", Class::Immunosuppressant),
    ("arava", "leflunomide", Class::Immunosuppressant),
    ("methotrexate", "methotrexate", Class::Immunosuppressant),
    ("methotrexaat", "methotrexate", Class::Immunosuppressant),
    ("mtx", "methotrexate", Class::Immunosuppressant),
    ("emthexate", "methotrexate", Class::Immunosuppressant),
    ("metoject", "methotrexate", Class::Immunosuppressant),
    ("secukinumab", "secukinumab", Class::Immunosuppressant),
    ("cosentyx", "secukinumab", Class::Immunosuppressant),
    ("tocilizumab", "tocilizumab", Class::Immunosuppressant),
    ("roactemra", "tocilizumab", Class::Immunosuppressant),
    ("ustekinumab", "ustekinumab", Class::Immunosuppressant),
    ("stelara", "ustekinumab", Class::Immunosuppressant),
    ("anakinra", "anakinra", Class::Anakinra),
    ("kineret", "anakinra", Class::Anakinra),
    // LF Adviezen: live vaccines (yellow fever, MMR/BMR, BCG), and the other live vaccines of
    // the Dutch schedule and travel clinic.
    ("bmr", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("mmr", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("bmr-vaccin", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("mmr vaccine", "MMR (BMR) vaccine", Class::LiveVaccine),
    (
        "bof mazelen rodehond",
        "MMR (BMR) vaccine",
        Class::LiveVaccine,
    ),
    ("mmrvaxpro", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("m-m-rvaxpro", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("priorix", "MMR (BMR) vaccine", Class::LiveVaccine),
    ("bcg", "BCG vaccine", Class::LiveVaccine),
    ("bcg-vaccin", "BCG vaccine", Class::LiveVaccine),
    ("bcg vaccine", "BCG vaccine", Class::LiveVaccine),
    ("gele koorts", "yellow fever vaccine", Class::LiveVaccine),
    (
        "gelekoortsvaccin",
        "yellow fever vaccine",
        Class::LiveVaccine,
    ),
    (
        "gele-koortsvaccin",
        "yellow fever vaccine",
        Class::LiveVaccine,
    ),
    ("yellow fever", "yellow fever vaccine", Class::LiveVaccine),
    (
        "yellow fever vaccine",
        "yellow fever vaccine",
        Class::LiveVaccine,
    ),
    ("stamaril", "yellow fever vaccine", Class::LiveVaccine),
    ("waterpokken", "varicella vaccine", Class::LiveVaccine),
    ("varicella", "varicella vaccine", Class::LiveVaccine),
    ("varivax", "varicella vaccine", Class::LiveVaccine),
    ("varilrix", "varicella vaccine", Class::LiveVaccine),
    ("proquad", "MMR and varicella vaccine", Class::LiveVaccine),
    (
        "priorix-tetra",
        "MMR and varicella vaccine",
        Class::LiveVaccine,
    ),
    ("rotavirus", "rotavirus vaccine", Class::LiveVaccine),
    ("rotarix", "rotavirus vaccine", Class::LiveVaccine),
    ("rotateq", "rotavirus vaccine", Class::LiveVaccine),
    ("fluenz", "nasal flu vaccine (live)", Class::LiveVaccine),
    (
        "fluenz tetra",
        "nasal flu vaccine (live)",
        Class::LiveVaccine,
    ),
    ("vivotif", "oral typhoid vaccine (live)", Class::LiveVaccine),
    ("zostavax", "zoster vaccine (live)", Class::LiveVaccine),
    // Common in these patients, with no interaction in KF Interacties.
    ("prednisolon", "prednisolone", Class::NoKfInteraction),
    ("prednisolone", "prednisolone", Class::NoKfInteraction),
    ("prednison", "prednisone", Class::NoKfInteraction),
    ("prednisone", "prednisone", Class::NoKfInteraction),
    (
        "methylprednisolon",
        "methylprednisolone",
        Class::NoKfInteraction,
    ),
    (
        "methylprednisolone",
        "methylprednisolone",
        Class::NoKfInteraction,
    ),
    ("dexamethason", "dexamethasone", Class::NoKfInteraction),
    ("dexamethasone", "dexamethasone", Class::NoKfInteraction),
    ("ciclosporine", "ciclosporin", Class::NoKfInteraction),
    ("ciclosporin", "ciclosporin", Class::NoKfInteraction),
    ("cyclosporine", "ciclosporin", Class::NoKfInteraction),
    ("paracetamol", "paracetamol", Class::NoKfInteraction),
    ("acetaminophen", "paracetamol", Class::NoKfInteraction),
    ("ibuprofen", "ibuprofen", Class::NoKfInteraction),
    ("naproxen", "naproxen", Class::NoKfInteraction),
    ("diclofenac", "diclofenac", Class::NoKfInteraction),
    ("indometacine", "indometacin", Class::NoKfInteraction),
    ("indometacin", "indometacin", Class::NoKfInteraction),
    ("celecoxib", "celecoxib", Class::NoKfInteraction),
    ("nsaid", "NSAID", Class::NoKfInteraction),
    ("nsaids", "NSAID", Class::NoKfInteraction),
    ("tofacitinib", "tofacitinib", Class::NoKfInteraction),
    ("colchicine", "colchicine", Class::NoKfInteraction),
    ("omeprazol", "omeprazole", Class::NoKfInteraction),
    ("omeprazole", "omeprazole", Class::NoKfInteraction),
];

/// A co-medication as looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A known drug: its generic name and class.
    Known {
        /// The generic name.
        generic: &'static str,
        /// What it triggers.
        class: Class,
    },
    /// Not known: not checked; the nearest known name when one is close.
    Unknown {
        /// The name as given.
        name: String,
        /// A known name within a small edit distance.
        nearest: Option<&'static str>,
    },
}

/// Looks a name up, ignoring case and surrounding spaces (`Enbrel` is etanercept).
pub fn lookup(name: &str) -> Lookup {
    let key = name.trim().to_lowercase();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(&(_, generic, class)) = CATALOGUE.iter().find(|(n, _, _)| *n == key) {
        return Lookup::Known { generic, class };
    }
    // Two names whose lengths differ by more than the allowed distance are at least that far
    // apart: only names of about a known name's length are compared, so the work does not
    // grow with the length of what was typed (a 10 MB name is one length count).
    let length = key.chars().count();
    // A vaccine ("...vaccin(e)") is never answered with a drug's name.
    let vaccine = key.contains("vacc");
    let nearest = CATALOGUE
        .iter()
        .filter(|&&(_, _, class)| !vaccine || class == Class::LiveVaccine)
        .filter_map(|&(n, _, _)| {
            let allowed = allowed_distance(n);
            (length.abs_diff(n.len()) <= allowed)
                .then(|| (strsim::levenshtein(&key, n), n))
                .filter(|&(d, _)| d <= allowed)
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n);
    Lookup::Unknown {
        name: name.trim().to_string(),
        nearest,
    }
}

/// How many typos a suggestion for the known name `known` allows: 2, or a quarter of a long
/// name's length.
fn allowed_distance(known: &str) -> usize {
    2.max(known.len() / 4)
}

/// Splits a list of names given as one text: `,`, `;` or `|` separate them.
pub fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ';', '|'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
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
    fn kf_int_tnf_brands_are_their_generic() {
        assert_eq!(
            lookup("Enbrel"),
            Lookup::Known {
                generic: "etanercept",
                class: Class::TnfAntagonist
            }
        );
        assert_eq!(
            lookup(" HUMIRA "),
            Lookup::Known {
                generic: "adalimumab",
                class: Class::TnfAntagonist
            }
        );
        assert_eq!(
            lookup("Certolizumab  Pegol"),
            Lookup::Known {
                generic: "certolizumab pegol",
                class: Class::TnfAntagonist
            }
        );
    }

    #[test]
    fn kf_int_live_immunosuppressants() {
        assert_eq!(
            lookup("methotrexaat"),
            Lookup::Known {
                generic: "methotrexate",
                class: Class::Immunosuppressant
            }
        );
        assert_eq!(
            lookup("RoActemra"),
            Lookup::Known {
                generic: "tocilizumab",
                class: Class::Immunosuppressant
            }
        );
    }

    #[test]
    fn int_duplicate_anakinra_itself() {
        assert_eq!(
            lookup("Kineret"),
            Lookup::Known {
                generic: "anakinra",
                class: Class::Anakinra
            }
        );
    }

    #[test]
    fn int_unknown_with_the_nearest_name() {
        assert_eq!(
            lookup("etanercpet"),
            Lookup::Unknown {
                name: "etanercpet".into(),
                nearest: Some("etanercept")
            }
        );
        assert_eq!(
            lookup("aspirine"),
            Lookup::Unknown {
                name: "aspirine".into(),
                nearest: None
            }
        );
        // A long name allows a quarter of its length in typos: 3 of 18 here.
        assert_eq!(
            lookup("cxrtolizumab pxgxl"),
            Lookup::Unknown {
                name: "cxrtolizumab pxgxl".into(),
                nearest: Some("certolizumab pegol")
            }
        );
        // A short name allows 2: "xyz" is 3 away from "mtx", "bcg", "bmr" and "mmr".
        assert_eq!(
            lookup("xyz"),
            Lookup::Unknown {
                name: "xyz".into(),
                nearest: None
            }
        );
    }

    #[test]
    fn int_unknown_suggests_across_a_length_difference_up_to_the_allowed_distance() {
        // Two letters more than "etanercept" (allowed 2): still suggested; three more: not.
        let near = |name: &str| match lookup(name) {
            Lookup::Unknown { nearest, .. } => nearest,
            Lookup::Known { .. } => panic!("{name} is known"),
        };
        assert_eq!(near("etanerceptxx"), Some("etanercept"));
        assert_eq!(near("etanerceptxxx"), None);
        // Two letters fewer: "etanerce".
        assert_eq!(near("etanerce"), Some("etanercept"));
        assert_eq!(near(&"e".repeat(100_000)), None);
        assert_eq!(allowed_distance("mtx"), 2);
        assert_eq!(allowed_distance("certolizumab pegol"), 4);
    }

    #[test]
    fn live_vaccines_and_drugs_without_a_kf_interaction_are_known() {
        for (name, generic, class) in [
            ("BMR", "MMR (BMR) vaccine", Class::LiveVaccine),
            ("Gele koorts", "yellow fever vaccine", Class::LiveVaccine),
            ("bcg", "BCG vaccine", Class::LiveVaccine),
            ("Prednisolon", "prednisolone", Class::NoKfInteraction),
            ("paracetamol", "paracetamol", Class::NoKfInteraction),
            ("tofacitinib", "tofacitinib", Class::NoKfInteraction),
        ] {
            assert_eq!(lookup(name), Lookup::Known { generic, class }, "{name}");
        }
        // A vaccine is never answered with a drug.
        let near = |name: &str| match lookup(name) {
            Lookup::Unknown { nearest, .. } => nearest,
            Lookup::Known { .. } => panic!("{name} is known"),
        };
        assert_eq!(near("bmr-vaccine"), Some("bmr-vaccin"));
        assert_eq!(near("mtx-vaccin"), None);
        assert_eq!(near("bmrr"), Some("bmr"));
    }

    #[test]
    fn lists_split_on_commas_semicolons_and_bars() {
        assert_eq!(
            split("Enbrel, mtx;;Kineret | x ").collect::<Vec<_>>(),
            ["Enbrel", "mtx", "Kineret", "x"]
        );
    }
}
