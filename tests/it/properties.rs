//! Properties that must hold for any input (proptest; failures are kept in
//! `tests/it/properties.proptest-regressions`, committed, and replayed first).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use anakinra::cmd::batch::{self, InputFormat, Settings};
use anakinra::dosing::units::{AgeMonths, Gfr, Kilograms};
use anakinra::dosing::{self, Indication, Patient, Phase, Verdict};
use anakinra::i18n::Lang;
use anakinra::input::grammar;
use anakinra::output::batch::{Detail, OutputFormat};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn config() -> Config {
    Config {
        cases: 2_000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

fn patient() -> impl Strategy<Value = Patient> {
    (
        1..=25_000_u32,
        0..=1_560_u16,
        0..6_usize,
        prop::option::of(0..=25_000_u32),
        any::<bool>(),
    )
        .prop_map(|(w, m, i, gfr, dialysis)| Patient {
            weight: Kilograms::from_centi(w).unwrap(),
            age: AgeMonths::new(m).unwrap(),
            indication: Indication::ALL[i],
            gfr: gfr.map(|g| Gfr::new(f64::from(g) / 100.0).unwrap()),
            dialysis,
        })
}

/// Text a person could type into a field: numbers with marks and units, ages, creatinine
/// values, dates, and arbitrary text now and then.
fn typed() -> impl Strategy<Value = String> {
    let number = "[0-9]{1,4}([.,][0-9]{0,3})?";
    let grammar = |regex: &str| proptest::string::string_regex(regex).unwrap();
    prop_oneof![
        // weights, doses, heights, GFRs
        grammar(&format!(
            "[ +-]?{number}( ?(kg|KG|Kg|mg|MG|cm|lb|g|ml|mg/kg))?"
        )),
        // heights and GFRs in their ranges
        grammar("[12]?[0-9]{2}([.,][0-9]{1,3})? ?(cm|CM|m|\"|)"),
        // ages: 8m, 3y, 2y6m, 2 j 11 mnd
        grammar("[0-9]{1,4} ?(y|Y|j|J|m|M|mo|mnd|MND|yr|w)( ?[0-9]{1,2} ?(m|mo|mnd|y))?"),
        // creatinine with a unit
        grammar(
            "[0-9]{1,4}([.,][0-9]{1,3})? ?(umol/l|µmol/l|μmol/L|UMOL/L|mg/dl|mg/dL|mmol/l|mg|)"
        ),
        // dates either way round, some impossible
        grammar(
            "(19|20)[0-9]{2}-(0[1-9]|1[0-2]|[0-9]{2})-(0[1-9]|[12][0-9]|3[01]|[0-9]{2})|(0[1-9]|[12][0-9]|3[01])-(0[1-9]|1[0-2])-(19|20)[0-9]{2}|[0-9]{1,4}-[0-9]{1,3}-[0-9]{1,5}"
        ),
        // exponents and signs
        grammar("[0-9]{1,3}(\\.[0-9]{1,2})?[eE][+-]?[0-9]{1,2}"),
        grammar("\\PC{0,24}"),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn ranges_are_ordered_capped_and_marked_inside(p in patient()) {
        let advice = dosing::advise(&p);
        prop_assert_eq!(advice.verdict == Verdict::Advised, !advice.phases.is_empty());
        for ph in &advice.phases {
            prop_assert!(ph.min <= ph.max);
            prop_assert!(ph.max <= ph.cap, "{:?} above its cap", ph.phase);
            if ph.phase != Phase::Standard {
                // Never above 8 mg/kg/day: max (hundredths of a mg) <= 8 x weight (hundredths of a kg).
                prop_assert!(u64::from(ph.max.centi()) <= 8 * u64::from(p.weight.centi()));
            }
            for mark in ph.marks() {
                prop_assert!(ph.min <= mark.dose && mark.dose <= ph.max);
            }
        }
        if let (Some(s), Some(e), Some(x)) = (advice.phase(Phase::Start), advice.phase(Phase::Escalation), advice.phase(Phase::Exceptional)) {
            prop_assert!(s.min <= e.min && s.max <= e.max && e.max <= x.max);
            prop_assert_eq!(e.max, x.min);
        }
    }

    #[test]
    fn doses_never_decrease_as_weight_grows(p in patient(), extra in 1..=2_000_u32) {
        let heavier = Patient { weight: Kilograms::from_centi((p.weight.centi() + extra).min(25_000)).unwrap(), ..p };
        let (light, heavy) = (dosing::advise(&p), dosing::advise(&heavier));
        if light.verdict == Verdict::Advised && heavy.verdict == Verdict::Advised {
            for (a, b) in light.phases.iter().zip(&heavy.phases) {
                prop_assert!(a.min <= b.min && a.max <= b.max, "{:?}", a.phase);
            }
        }
    }

    /// Drawn from each field's grammar (and near it), not from arbitrary text, which almost
    /// never reads as an age, a creatinine or a date.
    #[test]
    fn parsers_never_panic_and_accepted_values_print_back(text in typed()) {
        if let Ok(w) = grammar::weight(&text) {
            prop_assert_eq!(grammar::weight(&w.to_string()), Ok(w));
        }
        if let Ok(a) = grammar::age(&text) {
            prop_assert_eq!(grammar::age(&format!("{}m", a.months())), Ok(a));
        }
        if let Ok(g) = grammar::gfr(&text) {
            let shown = g.to_string();
            prop_assert_eq!(grammar::gfr(shown.split(' ').next().unwrap()), Ok(g));
        }
        if let Ok(d) = grammar::dose(&text) {
            prop_assert_eq!(grammar::dose(&d.to_string()), Ok(d));
        }
        if let Ok(h) = grammar::height(&text) {
            prop_assert_eq!(grammar::height(&h.to_string()), Ok(h));
        }
        if let Ok(c) = grammar::creatinine(&text)
            && text.to_lowercase().contains("mol")
        {
            prop_assert_eq!(grammar::creatinine(&c.to_string()), Ok(c));
        }
        if let Ok(d) = grammar::date(&text) {
            prop_assert_eq!(grammar::date(&d.to_string()), Ok(d));
        }
    }

    #[test]
    fn numeric_text_round_trips(w in 1..=25_000_u32, m in 0..=1_560_u16, g in 0..=25_000_u32, d in 1..=1_000_000_u32) {
        let weight = Kilograms::from_centi(w).unwrap();
        prop_assert_eq!(grammar::weight(&weight.to_string()), Ok(weight));
        prop_assert_eq!(grammar::weight(&weight.to_string().replace('.', ",")), Ok(weight));
        let age = AgeMonths::new(m).unwrap();
        prop_assert_eq!(grammar::age(&format!("{}y{}m", m / 12, m % 12)), Ok(age));
        let gfr = grammar::gfr(&format!("{}.{:02}", g / 100, g % 100)).unwrap();
        prop_assert_eq!(gfr.centi_floor(), u64::from(g));
        let dose = anakinra::dosing::units::Milligrams::from_centi(d);
        prop_assert_eq!(grammar::dose(&dose.to_string()), Ok(dose));
    }

    #[test]
    fn batch_gives_one_record_per_non_blank_line(text in "(\\PC{0,40}\n){0,12}\\PC{0,40}") {
        let mut out = Vec::new();
        let settings = Settings { lang: Lang::En, today: jiff::civil::Date::constant(2026, 11, 26), ignore_unknown_columns: false };
        let summary = batch::run(text.as_bytes(), &mut out, Some(InputFormat::Jsonl), OutputFormat::Jsonl, Detail::Brief, settings).unwrap();
        let expected = text
            .split('\n')
            .enumerate()
            .filter(|(i, l)| {
                let l = if *i == 0 { l.strip_prefix('\u{feff}').unwrap_or(l) } else { l };
                !l.bytes().all(|b| b.is_ascii_whitespace())
            })
            .count() as u64;
        let lines = String::from_utf8(out).unwrap().lines().count() as u64;
        prop_assert_eq!(summary.records, expected);
        prop_assert_eq!(lines, expected);
        prop_assert!(summary.invalid <= summary.records);
    }

    /// One record out for each record in, for CSV too: a stray or unclosed quote in one row
    /// never swallows a following row that is whole by itself (no quotes, every cell), and no
    /// input gives more records than it has non-blank lines.
    #[test]
    fn csv_never_swallows_a_whole_row(
        rows in proptest::collection::vec(
            prop_oneof![
                (1..=99_u32, 10..=90_u32).prop_map(|(i, w)| (true, format!("P{i},{w},8y,sjia"))),
                "[a-z0-9,; \"]{0,14}".prop_map(|garbage| (false, garbage)),
            ],
            0..14,
        ),
        crlf in proptest::bool::ANY,
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("id,weight,age,indication{end}");
        for (_, row) in &rows {
            text.push_str(row);
            text.push_str(end);
        }
        let mut out = Vec::new();
        let settings = Settings { lang: Lang::En, today: jiff::civil::Date::constant(2026, 11, 26), ignore_unknown_columns: false };
        let summary = batch::run(text.as_bytes(), &mut out, Some(InputFormat::Csv), OutputFormat::Jsonl, Detail::Brief, settings).unwrap();
        let records: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        prop_assert_eq!(records.len() as u64, summary.records);
        let non_blank = rows.iter().filter(|(_, r)| !r.trim().is_empty()).count();
        prop_assert!(records.len() <= non_blank, "{} records from {} lines", records.len(), non_blank);
        for (at, (whole, row)) in rows.iter().enumerate() {
            if !whole {
                continue;
            }
            let line = at as u64 + 2;
            let id = row.split(',').next().unwrap();
            let found = records.iter().any(|r| r["line"] == line && r["id"] == id);
            prop_assert!(found, "line {} ({}) lost in {:?}", line, row, text);
        }
    }
}

/// The grammar-drawn inputs reach every parser's accepting side often, which arbitrary text
/// did not: out of 4,000 draws, each parser accepts at least 100.
#[test]
fn typed_inputs_reach_every_parser() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = typed();
    let mut accepted = [0_u32; 7];
    for _ in 0..4_000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let oks = [
            grammar::weight(&text).is_ok(),
            grammar::age(&text).is_ok(),
            grammar::gfr(&text).is_ok(),
            grammar::dose(&text).is_ok(),
            grammar::height(&text).is_ok(),
            grammar::creatinine(&text).is_ok(),
            grammar::date(&text).is_ok(),
        ];
        for (count, ok) in accepted.iter_mut().zip(oks) {
            *count += u32::from(ok);
        }
    }
    for (name, count) in [
        "weight",
        "age",
        "gfr",
        "dose",
        "height",
        "creatinine",
        "date",
    ]
    .iter()
    .zip(accepted)
    {
        assert!(count >= 100, "{name}: {count} of 4000 accepted");
    }
}
