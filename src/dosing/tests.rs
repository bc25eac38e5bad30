//! Unit tests of the dosing core, each named after the rule it checks. Expected figures are
//! worked out by hand in the comments.

use super::*;

fn patient(
    weight_centi: u32,
    months: u16,
    indication: Indication,
    gfr: Option<f64>,
    dialysis: bool,
) -> Patient {
    Patient {
        weight: Kilograms::from_centi(weight_centi).unwrap(),
        age: AgeMonths::new(months).unwrap(),
        indication,
        gfr: gfr.map(|g| Gfr::new(g).unwrap()),
        dialysis,
    }
}

fn centi(advice: &Advice, phase: Phase) -> (u32, u32) {
    let ph = advice.phase(phase).unwrap();
    (ph.min.centi(), ph.max.centi())
}

fn warning_ids(advice: &Advice) -> Vec<RuleId> {
    advice.warnings.iter().map(|w| w.rule).collect()
}

use Indication::{
    CapsMild, CapsSevere, HereditaryAutoinflammatory as Hereditary, OtherAutoinflammatory as Other,
    Ra, Sjia,
};

/// One row: a patient (weight in hundredths of a kg, age in months, indication, GFR,
/// dialysis), the verdict, and the reasons in order.
macro_rules! verdicts {
    ($($name:ident: ($w:expr, $m:expr, $ind:expr, $gfr:expr, $dial:expr) => $verdict:ident [$($rule:ident),*];)*) => {
        $(
            #[test]
            fn $name() {
                let advice = advise(&patient($w, $m, $ind, $gfr, $dial));
                assert_eq!(advice.verdict, Verdict::$verdict);
                assert_eq!(advice.reasons.as_slice(), [$(RuleId::$rule),*]);
                assert_eq!(advice.phases.is_empty(), advice.verdict != Verdict::Advised);
                if advice.verdict != Verdict::Advised {
                    assert!(advice.warnings.is_empty(), "a refusal carries no warnings");
                }
            }
        )*
    };
}

verdicts! {
    kf_renal_ci_at_gfr_29_9: (3000, 96, Sjia, Some(29.9), false) => Contraindicated [RenalCi];
    kf_renal_ci_not_at_gfr_30: (3000, 96, Sjia, Some(30.0), false) => Advised [];
    kf_renal_ci_at_gfr_0: (3000, 96, Sjia, Some(0.0), false) => Contraindicated [RenalCi];
    kf_renal_ci_from_3_months: (600, 3, Sjia, Some(20.0), false) => Contraindicated [RenalCi, AgeMin, WeightMin];
    kf_renal_ci_not_under_3_months: (500, 2, Sjia, Some(20.0), false) => NotCovered [AgeMin, WeightMin];
    kf_renal_ci_for_a_child_on_ra: (3000, 120, Ra, Some(20.0), false) => Contraindicated [RenalCi, RaAdult];
    kf_renal_ci_not_at_17y11m_but_at_18y_adult_rule: (6000, 216, Ra, Some(20.0), false) => NoGeneralAdvice [AdultRenal];
    kf_age_min_at_7_months: (1200, 7, CapsMild, None, false) => NotCovered [AgeMin];
    kf_age_min_not_at_8_months: (1000, 8, CapsMild, None, false) => Advised [];
    kf_weight_min_at_9_99_kg: (999, 60, Sjia, None, false) => NotCovered [WeightMin];
    kf_weight_min_not_at_10_kg: (1000, 60, Sjia, None, false) => Advised [];
    kf_scope_at_18_years: (6000, 216, Sjia, None, false) => NotCovered [Scope];
    kf_scope_not_at_17y11m: (6000, 215, Sjia, None, false) => Advised [];
    scope_ra_adult_at_17y11m: (6000, 215, Ra, None, false) => NotCovered [RaAdult];
    scope_ra_adult_not_at_18_years: (6000, 216, Ra, None, false) => Advised [];
    kf_dialysis_child: (2000, 72, Sjia, None, true) => NoGeneralAdvice [Dialysis];
    kf_dialysis_child_with_gfr_45: (2000, 72, Sjia, Some(45.0), true) => NoGeneralAdvice [Dialysis];
    kf_dialysis_listed_after_renal_ci: (2000, 72, Sjia, Some(20.0), true) => Contraindicated [RenalCi, Dialysis];
    kf_dialysis_not_under_3_months: (500, 2, Sjia, None, true) => NotCovered [AgeMin, WeightMin];
    scope_adult_renal_dialysis: (7000, 480, Ra, None, true) => NoGeneralAdvice [AdultRenal];
    scope_adult_renal_gfr_29_9: (7000, 480, Ra, Some(29.9), false) => NoGeneralAdvice [AdultRenal];
    scope_adult_renal_not_at_gfr_30: (7000, 480, Ra, Some(30.0), false) => Advised [];
    scope_adult_renal_not_for_paediatric_indications: (7000, 480, Sjia, Some(20.0), false) => NotCovered [Scope];
}

/// One row: weight in hundredths of a kg, then the expected (min, max) in hundredths of a mg
/// of start, escalation and exceptional, worked out by hand.
macro_rules! phases {
    ($($name:ident: $w:expr => $start:expr, $esc:expr, $exc:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let advice = advise(&patient($w, 120, Sjia, Some(90.0), false));
                assert_eq!(centi(&advice, Phase::Start), $start, "start");
                assert_eq!(centi(&advice, Phase::Escalation), $esc, "escalation");
                assert_eq!(centi(&advice, Phase::Exceptional), $exc, "exceptional");
            }
        )*
    };
}

phases! {
    // 10 kg: 10-20, 30-40, 40-80.
    kf_start_and_escalate_at_10_kg: 1000 => (1000, 2000), (3000, 4000), (4000, 8000);
    // 12.3 kg: 12.3-24.6, 36.9-49.2, 49.2-98.4: exact.
    kf_escalate_exact_at_12_3_kg: 1230 => (1230, 2460), (3690, 4920), (4920, 9840);
    // 24.99 kg: 24.99-49.98, 74.97-99.96, 99.96-199.92.
    kf_cap_100_not_yet_at_24_99_kg: 2499 => (2499, 4998), (7497, 9996), (9996, 19_992);
    // 25 kg: 4 x 25 = 100 and 8 x 25 = 200 exactly at the caps.
    kf_cap_100_reached_not_exceeded_at_25_kg: 2500 => (2500, 5000), (7500, 10_000), (10_000, 20_000);
    // 25.01 kg: 100.04 -> 100, 200.08 -> 200.
    kf_cap_100_limits_escalation_at_25_01_kg: 2501 => (2501, 5002), (7503, 10_000), (10_000, 20_000);
    // 33.34 kg: 3 x 33.34 = 100.02 -> 100: escalation collapses to 100.
    kf_cap_100_limits_escalation_minimum_at_33_34_kg: 3334 => (3334, 6668), (10_000, 10_000), (10_000, 20_000);
    // 50.01 kg: 2 x 50.01 = 100.02 -> 100.
    kf_cap_100_limits_start_at_50_01_kg: 5001 => (5001, 10_000), (10_000, 10_000), (10_000, 20_000);
    // 100.01 kg: even the start's lower end is capped.
    kf_cap_100_limits_start_minimum_at_100_01_kg: 10_001 => (10_000, 10_000), (10_000, 10_000), (10_000, 20_000);
    // 250 kg: everything capped.
    kf_exceptional_never_above_200_mg_at_250_kg: 25_000 => (10_000, 10_000), (10_000, 10_000), (10_000, 20_000);
}

#[test]
fn kf_cap_100_named_only_when_it_bit() {
    let at_25 = advise(&patient(2500, 120, Sjia, Some(90.0), false));
    assert!(
        at_25
            .phases
            .iter()
            .all(|p| !p.rules.contains(&RuleId::Cap100))
    );
    assert!(at_25.phases.iter().all(|p| !p.capped));
    let at_30 = advise(&patient(3000, 120, Sjia, Some(90.0), false));
    let esc = at_30.phase(Phase::Escalation).unwrap();
    assert!(esc.capped);
    assert!(esc.rules.contains(&RuleId::Cap100));
    assert!(
        !at_30
            .phase(Phase::Start)
            .unwrap()
            .rules
            .contains(&RuleId::Cap100)
    );
    let exc = at_30.phase(Phase::Exceptional).unwrap();
    assert!(exc.capped, "240 mg capped at 200");
    assert!(
        !exc.rules.contains(&RuleId::Cap100),
        "the exceptional cap is KF-EXCEPTIONAL's"
    );
}

#[test]
fn kf_exceptional_is_a_ceiling_from_the_escalation_maximum() {
    let advice = advise(&patient(3000, 96, Sjia, Some(95.0), false));
    let exc = advice.phase(Phase::Exceptional).unwrap();
    assert_eq!(exc.nominal, Some((MgPerKg::new(4), MgPerKg::new(8))));
    assert_eq!(exc.cap.centi(), 20_000);
    assert_eq!(exc.min, advice.phase(Phase::Escalation).unwrap().max);
    assert_eq!(exc.rules.first(), Some(&RuleId::Exceptional));
}

#[test]
fn kf_no_round_up_marks_never_above_the_range() {
    // 12.3 kg escalation 36.9-49.2 mg: only the 40 mg mark; 50 would round up past 49.2.
    let advice = advise(&patient(1230, 36, Sjia, None, false));
    let esc = advice.phase(Phase::Escalation).unwrap();
    let marks: Vec<u32> = esc.marks().iter().map(|m| m.dose.centi()).collect();
    assert_eq!(marks, [4000]);
    assert!(esc.rules.contains(&RuleId::NoRoundUp));
    // start 12.3-24.6: only 20 mg.
    let start: Vec<u32> = advice
        .phase(Phase::Start)
        .unwrap()
        .marks()
        .iter()
        .map(|m| m.dose.centi())
        .collect();
    assert_eq!(start, [2000]);
}

#[test]
fn kf_no_round_up_not_named_when_the_top_is_a_mark() {
    let advice = advise(&patient(3000, 96, Sjia, Some(95.0), false));
    let start = advice.phase(Phase::Start).unwrap();
    assert_eq!(start.max.centi(), 6000);
    assert!(!start.rules.contains(&RuleId::NoRoundUp));
}

#[test]
fn kf_cap_100_effective_mg_per_kg_after_the_cap() {
    // 30 kg escalation: 90/30 = 3, 100/30 = 3.333 -> 3.33 (rounded down).
    let advice = advise(&patient(3000, 96, Sjia, Some(95.0), false));
    let (lo, hi) = advice
        .phase(Phase::Escalation)
        .unwrap()
        .effective(advice.patient.weight);
    assert_eq!((lo.centi(), hi.centi()), (300, 333));
}

#[test]
fn lf_adult_fixed_100_mg() {
    let advice = advise(&patient(7000, 480, Ra, Some(90.0), false));
    assert_eq!(advice.phases.len(), 1);
    let standard = advice.phase(Phase::Standard).unwrap();
    assert_eq!(
        (standard.min.centi(), standard.max.centi()),
        (10_000, 10_000)
    );
    assert_eq!(standard.nominal, None);
    assert_eq!(standard.rules, [RuleId::Adult]);
    assert_eq!(standard.label_status, LabelStatus::OnLabel);
    assert_eq!(standard.marks().len(), 1);
}

#[test]
fn kf_renal_ok_named_when_gfr_given() {
    let with = advise(&patient(3000, 96, Sjia, Some(30.0), false));
    assert!(
        with.phases
            .iter()
            .all(|p| p.rules.contains(&RuleId::RenalOk))
    );
    let without = advise(&patient(3000, 96, Sjia, None, false));
    assert!(
        without
            .phases
            .iter()
            .all(|p| !p.rules.contains(&RuleId::RenalOk))
    );
}

#[test]
fn kf_renal_halflife_below_80() {
    assert!(
        warning_ids(&advise(&patient(3000, 96, Sjia, Some(79.9), false)))
            .contains(&RuleId::RenalHalflife)
    );
    assert!(
        !warning_ids(&advise(&patient(3000, 96, Sjia, Some(80.0), false)))
            .contains(&RuleId::RenalHalflife)
    );
}

#[test]
fn kf_renal_unknown_for_a_child_without_gfr() {
    let ids = warning_ids(&advise(&patient(3000, 96, Sjia, None, false)));
    assert!(ids.contains(&RuleId::RenalUnknown));
    assert!(!ids.contains(&RuleId::AdultRenal));
}

#[test]
fn scope_adult_renal_caution_for_an_adult_without_gfr() {
    let ids = warning_ids(&advise(&patient(7000, 480, Ra, None, false)));
    assert!(ids.contains(&RuleId::AdultRenal));
    assert!(!ids.contains(&RuleId::RenalUnknown));
    assert!(!ids.contains(&RuleId::AdrChild));
}

#[test]
fn phase_set_lists_phases_in_scheme_order_whatever_the_insertion_order() {
    let set: PhaseSet = [
        Phase::Standard,
        Phase::Exceptional,
        Phase::Start,
        Phase::Start,
    ]
    .into_iter()
    .collect();
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [Phase::Start, Phase::Exceptional, Phase::Standard]
    );
    assert!(!set.is_empty());
    assert!(PhaseSet::default().is_empty());
    assert_eq!(PhaseSet::default().iter().count(), 0);
}

#[test]
fn kf_label_off_names_the_off_label_phases() {
    let mild = advise(&patient(2000, 72, CapsMild, Some(90.0), false));
    assert_eq!(mild.label_status(), LabelStatus::OnLabel);
    let off = mild
        .warnings
        .iter()
        .find(|w| w.rule == RuleId::LabelOff)
        .unwrap();
    assert_eq!(
        off.detail,
        Detail::Phases(
            [Phase::Escalation, Phase::Exceptional]
                .into_iter()
                .collect()
        )
    );
    for ind in [CapsSevere, Hereditary] {
        let advice = advise(&patient(2000, 72, ind, Some(90.0), false));
        assert!(!warning_ids(&advice).contains(&RuleId::LabelOff), "{ind}");
        assert_eq!(advice.label_status(), LabelStatus::OnLabel);
    }
    for ind in [Sjia, Other] {
        let advice = advise(&patient(2000, 72, ind, Some(90.0), false));
        assert_eq!(advice.label_status(), LabelStatus::OffLabel);
        let off = advice
            .warnings
            .iter()
            .find(|w| w.rule == RuleId::LabelOff)
            .unwrap();
        assert_eq!(
            off.detail,
            Detail::Phases(
                [Phase::Start, Phase::Escalation, Phase::Exceptional]
                    .into_iter()
                    .collect()
            )
        );
    }
}

#[test]
fn kf_label_status_of_a_refusal_is_the_indications() {
    let refused = advise(&patient(999, 72, Sjia, None, false));
    assert_eq!(refused.label_status(), LabelStatus::OffLabel);
    let refused = advise(&patient(999, 72, CapsMild, None, false));
    assert_eq!(refused.label_status(), LabelStatus::OnLabel);
}

#[test]
fn kf_caps_response_and_kf_caps_titrate_by_indication() {
    let mild = warning_ids(&advise(&patient(2000, 72, CapsMild, Some(90.0), false)));
    assert!(mild.contains(&RuleId::CapsResponse));
    assert!(!mild.contains(&RuleId::CapsTitrate));
    let severe = warning_ids(&advise(&patient(2000, 72, CapsSevere, Some(90.0), false)));
    assert!(severe.contains(&RuleId::CapsResponse));
    assert!(severe.contains(&RuleId::CapsTitrate));
    let sjia = warning_ids(&advise(&patient(2000, 72, Sjia, Some(90.0), false)));
    assert!(!sjia.contains(&RuleId::CapsResponse));
}

#[test]
fn kf_mas_and_kf_taper_only_for_sjia() {
    let sjia = warning_ids(&advise(&patient(2000, 72, Sjia, Some(90.0), false)));
    assert!(sjia.contains(&RuleId::Mas) && sjia.contains(&RuleId::Taper));
    let other = warning_ids(&advise(&patient(2000, 72, Other, Some(90.0), false)));
    assert!(!other.contains(&RuleId::Mas) && !other.contains(&RuleId::Taper));
}

#[test]
fn lf_pregnancy_from_12_years() {
    assert!(
        !warning_ids(&advise(&patient(4000, 143, Sjia, Some(90.0), false)))
            .contains(&RuleId::Pregnancy)
    );
    assert!(
        warning_ids(&advise(&patient(4000, 144, Sjia, Some(90.0), false)))
            .contains(&RuleId::Pregnancy)
    );
    assert!(
        warning_ids(&advise(&patient(7000, 480, Ra, Some(90.0), false)))
            .contains(&RuleId::Pregnancy)
    );
}

#[test]
fn kf_adr_child_only_for_children() {
    assert!(
        warning_ids(&advise(&patient(2000, 72, Sjia, Some(90.0), false)))
            .contains(&RuleId::AdrChild)
    );
    assert!(
        !warning_ids(&advise(&patient(7000, 480, Ra, Some(90.0), false)))
            .contains(&RuleId::AdrChild)
    );
}

#[test]
fn always_shown_warnings_on_every_advised_record() {
    use RuleId as R;
    let always = [
        R::IntTnf,
        R::IntLive,
        R::IntInactivated,
        R::Inject,
        R::Screen,
        R::AdrShort,
        R::AdrLong,
        R::Infection,
        R::New,
        R::Surgery,
        R::Storage,
        R::FluOk,
        R::LiveVaccines,
        R::FluNasal,
    ];
    for p in [
        patient(2000, 72, Sjia, None, false),
        patient(7000, 480, Ra, Some(90.0), false),
    ] {
        let ids = warning_ids(&advise(&p));
        for rule in always {
            assert!(ids.contains(&rule), "{rule} missing");
        }
        assert!(!ids.contains(&R::Pk), "KF-PK is never a warning");
    }
}

#[test]
fn warning_table_is_in_output_order() {
    // Every warning a patient can get at once, in the order `warnings` lists them: severity
    // first, then RuleId (RULES.md) order.
    for p in [
        patient(2000, 150, CapsSevere, None, false),
        patient(2000, 150, Sjia, Some(50.0), false),
        patient(7000, 480, Ra, None, false),
    ] {
        let advice = advise(&p);
        let keys: Vec<(Severity, RuleId)> = advice
            .warnings
            .iter()
            .map(|w| (w.severity(), w.rule))
            .collect();
        assert!(keys.is_sorted(), "{keys:?}");
    }
}

#[test]
fn warnings_are_sorted_most_serious_first_and_unique() {
    // Every indication, with and without a GFR, a child and an adult, and with co-medication
    // that names drugs in KF-INT-TNF and KF-INT-LIVE: each rule is listed once.
    for ind in Indication::ALL {
        for (weight, months) in [(2000, 72), (7000, 240)] {
            for gfr in [None, Some(45.0)] {
                let p = patient(weight, months, ind, gfr, false);
                let extras = Extras {
                    comedication: ["etanercept", "Enbrel", "methotrexate", "mtx", "anakinra"]
                        .map(String::from)
                        .to_vec(),
                    ..Extras::default()
                };
                let advice = assess(&p, &extras);
                let severities: Vec<Severity> =
                    advice.warnings.iter().map(Warning::severity).collect();
                assert!(severities.is_sorted(), "{ind}: {severities:?}");
                let ids = warning_ids(&advice);
                let unique: std::collections::BTreeSet<_> = ids.iter().collect();
                assert_eq!(unique.len(), ids.len(), "{ind}: {ids:?}");
            }
        }
    }
}

#[test]
fn kf_start_applies_to_every_paediatric_indication() {
    for ind in [CapsMild, CapsSevere, Hereditary, Sjia, Other] {
        let advice = advise(&patient(2000, 72, ind, Some(90.0), false));
        let start = advice.phase(Phase::Start).unwrap();
        assert_eq!(
            (start.min.centi(), start.max.centi()),
            (2000, 4000),
            "{ind}"
        );
        assert_eq!(start.rules.first(), Some(&RuleId::Start));
        assert_eq!(
            advice.phase(Phase::Escalation).unwrap().rules.first(),
            Some(&RuleId::Escalate)
        );
    }
}

#[test]
fn indication_names_parse_in_any_case() {
    for ind in Indication::ALL {
        assert_eq!(ind.as_str().parse::<Indication>(), Ok(ind));
        assert_eq!(ind.as_str().to_uppercase().parse::<Indication>(), Ok(ind));
    }
    assert!("caps".parse::<Indication>().is_err());
    assert!("".parse::<Indication>().is_err());
}

fn assess_with(p: Patient, extras: &Extras) -> Advice {
    assess(&p, extras)
}

fn dose(p: Patient, mg_centi: u32) -> Prescribed {
    let extras = Extras {
        prescribed: Some(Milligrams::from_centi(mg_centi)),
        ..Extras::default()
    };
    assess_with(p, &extras).prescribed.unwrap()
}

// 20 kg, 5 y, sJIA: start 20-40, escalation 60-80, exceptional 80-160 mg.
fn child_20kg() -> Patient {
    patient(2000, 60, Sjia, Some(90.0), false)
}

#[test]
fn rx_classes_in_the_issues_order() {
    let class = |mg: u32| dose(child_20kg(), mg * 100).class.unwrap();
    assert_eq!(class(20), RxClass::Start);
    assert_eq!(class(40), RxClass::Start);
    assert_eq!(class(50), RxClass::Between);
    assert_eq!(class(60), RxClass::Escalation);
    assert_eq!(class(80), RxClass::Escalation);
    assert_eq!(class(90), RxClass::Exceptional);
    assert_eq!(class(160), RxClass::Exceptional);
    assert_eq!(class(10), RxClass::BelowStart);
    assert_eq!(class(170), RxClass::AboveMaximum);
}

#[test]
fn rx_start_wins_where_ranges_coincide() {
    // 60 kg: start 60-100, escalation 100-100: 100 mg is `start`, the first that fits.
    let p = patient(6000, 200, Sjia, Some(90.0), false);
    assert_eq!(dose(p, 10_000).class, Some(RxClass::Start));
}

#[test]
fn rx_above_max_is_a_hard_stop_with_the_verdict_unchanged() {
    let p = child_20kg();
    let advice = assess_with(
        p,
        &Extras {
            prescribed: Some(Milligrams::whole(210)),
            ..Extras::default()
        },
    );
    assert_eq!(advice.verdict, Verdict::Advised);
    assert!(advice.refused());
    let rx = advice.prescribed.as_ref().unwrap();
    assert_eq!(rx.rules, [RuleId::RxAboveMax, RuleId::RxNotDeliverable]);
    // nearest below: the largest deliverable not above 160 mg (the maximum); none above.
    assert_eq!(rx.nearest_below, Some(Milligrams::whole(160)));
    assert_eq!(rx.nearest_above, None);
    // (160 - 210) / 210 = -23.809...% -> -23.80 (truncated toward zero)
    assert_eq!(rx.deviation_below().unwrap().centi(), -2380);
    let w = advice.warnings.first().unwrap();
    assert_eq!(
        (w.rule, w.severity()),
        (RuleId::RxAboveMax, Severity::Contraindication)
    );
}

#[test]
fn rx_not_deliverable_45_mg_between_40_and_50() {
    let rx = dose(child_20kg(), 4500);
    assert_eq!(rx.class, Some(RxClass::Between));
    assert!(!rx.deliverable);
    assert_eq!(rx.rules, [RuleId::RxNotDeliverable]);
    assert_eq!(
        (rx.nearest_below, rx.nearest_above),
        (Some(Milligrams::whole(40)), Some(Milligrams::whole(50)))
    );
    // (40 - 45) / 45 = -11.111% and (50 - 45) / 45 = +11.111%
    assert_eq!(
        (
            rx.deviation_below().unwrap().centi(),
            rx.deviation_above().unwrap().centi()
        ),
        (-1111, 1111)
    );
}

#[test]
fn rx_deliverable_dose_has_no_nearest() {
    let rx = dose(child_20kg(), 5000);
    assert!(rx.deliverable);
    assert!(rx.rules.is_empty());
    assert_eq!((rx.nearest_below, rx.nearest_above), (None, None));
    assert_eq!(
        rx.dose.per_kg(Kilograms::from_centi(2000).unwrap()).centi(),
        250
    );
}

#[test]
fn rx_nearest_above_never_past_the_maximum() {
    // 10 kg: maximum 80 mg; 79 mg -> below 70, above 80 (= maximum, allowed); 80.5 above max.
    let p = patient(1000, 60, Sjia, Some(90.0), false);
    let rx = dose(p, 7900);
    assert_eq!(
        (rx.nearest_below, rx.nearest_above),
        (Some(Milligrams::whole(70)), Some(Milligrams::whole(80)))
    );
    let rx = dose(p, 8050);
    assert_eq!(rx.class, Some(RxClass::AboveMaximum));
    assert_eq!(
        (rx.nearest_below, rx.nearest_above),
        (Some(Milligrams::whole(80)), None)
    );
}

#[test]
fn rx_exceptional_and_rx_below_start_are_cautions() {
    let rx = dose(child_20kg(), 10_000);
    assert_eq!(rx.rules, [RuleId::RxExceptional]);
    assert_eq!(RuleId::RxExceptional.severity(), Some(Severity::Caution));
    let rx = dose(child_20kg(), 1500);
    assert_eq!(rx.class, Some(RxClass::BelowStart));
    assert_eq!(rx.rules, [RuleId::RxBelowStart, RuleId::RxNotDeliverable]);
    // 15 mg: no deliverable dose at or below it; 20 mg above.
    assert_eq!(
        (rx.nearest_below, rx.nearest_above),
        (None, Some(Milligrams::whole(20)))
    );
}

#[test]
fn rx_for_ra_standard_below_and_above() {
    let p = patient(7000, 480, Ra, Some(90.0), false);
    assert_eq!(dose(p, 10_000).class, Some(RxClass::Standard));
    assert_eq!(dose(p, 5000).class, Some(RxClass::BelowStandard));
    assert_eq!(dose(p, 5000).rules, [RuleId::RxBelowStart]);
    assert_eq!(dose(p, 12_000).class, Some(RxClass::AboveMaximum));
}

#[test]
fn rx_on_a_refused_patient_keeps_the_dose_without_a_class() {
    let p = patient(999, 60, Sjia, None, false);
    let advice = assess_with(
        p,
        &Extras {
            prescribed: Some(Milligrams::whole(40)),
            ..Extras::default()
        },
    );
    let rx = advice.prescribed.as_ref().unwrap();
    assert_eq!((rx.class, rx.rules.len()), (None, 0));
    assert!(advice.refused());
    assert!(advice.warnings.is_empty());
}

fn comed(names: &[&str]) -> Advice {
    let extras = Extras {
        comedication: names.iter().map(|n| (*n).to_string()).collect(),
        ..Extras::default()
    };
    assess_with(child_20kg(), &extras)
}

fn detail(advice: &Advice, rule: RuleId) -> Detail {
    advice
        .warnings
        .iter()
        .find(|w| w.rule == rule)
        .unwrap()
        .detail
        .clone()
}

#[test]
fn kf_int_tnf_names_the_brand_as_its_generic_once() {
    let advice = comed(&["Enbrel", "etanercept", "Humira"]);
    assert_eq!(
        detail(&advice, RuleId::IntTnf),
        Detail::Drugs(vec!["etanercept".into(), "adalimumab".into()])
    );
    assert_eq!(
        advice
            .warnings
            .iter()
            .filter(|w| w.rule == RuleId::IntTnf)
            .count(),
        1
    );
    assert_eq!(advice.verdict, Verdict::Advised);
}

#[test]
fn kf_int_live_names_every_immunosuppressant() {
    let advice = comed(&["methotrexaat", "Humira"]);
    assert_eq!(
        detail(&advice, RuleId::IntLive),
        Detail::Drugs(vec!["methotrexate".into(), "adalimumab".into()])
    );
    assert_eq!(
        detail(&advice, RuleId::IntTnf),
        Detail::Drugs(vec!["adalimumab".into()])
    );
}

#[test]
fn int_duplicate_and_int_unknown() {
    let advice = comed(&["Kineret", "etanercpet"]);
    assert_eq!(
        detail(&advice, RuleId::IntDuplicate),
        Detail::Drugs(vec!["Kineret".into()])
    );
    assert_eq!(
        detail(&advice, RuleId::IntUnknown),
        Detail::Unknown(vec![("etanercpet".into(), Some("etanercept"))])
    );
    // The added cautions sit with the other cautions, before the information.
    let severities: Vec<Severity> = advice.warnings.iter().map(Warning::severity).collect();
    assert!(severities.is_sorted());
}

#[test]
fn egfr_age_caution_outside_1_to_18_years() {
    use crate::dosing::units::{Centimetres, Creatinine};
    let e = Egfr::bedside_schwartz(
        Centimetres::from_centi(7000).unwrap(),
        Creatinine::from_umol_per_l(30.0).unwrap(),
    );
    let mut p = patient(1000, 10, Sjia, Some(e.value.get()), false);
    let extras = Extras {
        egfr: Some(e),
        ..Extras::default()
    };
    assert!(warning_ids(&assess(&p, &extras)).contains(&RuleId::EgfrAge));
    p.age = AgeMonths::new(12).unwrap();
    assert!(!warning_ids(&assess(&p, &extras)).contains(&RuleId::EgfrAge));
}

#[test]
fn indication_displays_its_command_line_name() {
    assert_eq!(Sjia.to_string(), "sjia");
    assert_eq!(Hereditary.to_string(), "hereditary-autoinflammatory");
    assert_eq!(format!("{Ra}"), "ra");
}

#[test]
fn refused_only_without_advice_or_with_a_refused_prescription() {
    let advised = advise(&child_20kg());
    assert!(!advised.refused());
    let with_good_dose = assess_with(
        child_20kg(),
        &Extras {
            prescribed: Some(Milligrams::whole(50)),
            ..Extras::default()
        },
    );
    assert!(!with_good_dose.refused());
    let not_covered = advise(&patient(999, 60, Sjia, None, false));
    assert!(not_covered.refused());
}

#[test]
fn label_status_of_ra_is_on_label() {
    assert_eq!(Ra.first_label_status(), LabelStatus::OnLabel);
    assert_eq!(Ra.label_status(Phase::Standard), LabelStatus::OnLabel);
    assert_eq!(Sjia.first_label_status(), LabelStatus::OffLabel);
    assert_eq!(CapsMild.first_label_status(), LabelStatus::OnLabel);
}

fn with_growth(p: Patient, growth: Growth) -> Advice {
    assess_with(
        p,
        &Extras {
            growth: Some(growth),
            ..Extras::default()
        },
    )
}

fn checked(z: f64) -> Growth {
    Growth::Checked {
        z,
        low_kg: 11.5,
        high_kg: 27.0,
    }
}

#[test]
fn growth_wfa_caution_only_beyond_3() {
    assert!(warning_ids(&with_growth(child_20kg(), checked(3.5))).contains(&RuleId::GrowthWfa));
    assert!(warning_ids(&with_growth(child_20kg(), checked(-3.5))).contains(&RuleId::GrowthWfa));
    assert!(!warning_ids(&with_growth(child_20kg(), checked(2.9))).contains(&RuleId::GrowthWfa));
    assert!(!warning_ids(&with_growth(child_20kg(), checked(-3.0))).contains(&RuleId::GrowthWfa));
}

#[test]
fn growth_wfa_is_the_one_warning_a_refusal_carries() {
    let refused = patient(2000, 60, Sjia, Some(20.0), false);
    assert_eq!(
        warning_ids(&with_growth(refused, checked(4.0))),
        [RuleId::GrowthWfa]
    );
    assert!(with_growth(refused, checked(1.0)).warnings.is_empty());
}

#[test]
fn growth_no_ref_only_on_an_advised_record() {
    let adult = patient(7000, 480, Ra, Some(90.0), false);
    assert!(warning_ids(&with_growth(adult, Growth::NoReference)).contains(&RuleId::GrowthNoRef));
    let refused_adult = patient(7000, 480, Ra, Some(20.0), false);
    assert!(
        with_growth(refused_adult, Growth::NoReference)
            .warnings
            .is_empty()
    );
    assert!(!warning_ids(&with_growth(child_20kg(), checked(0.0))).contains(&RuleId::GrowthNoRef));
}

#[test]
fn kf_int_tnf_and_kf_int_live_name_nothing_without_co_medication() {
    let advice = comed(&[]);
    assert_eq!(detail(&advice, RuleId::IntTnf), Detail::None);
    assert_eq!(detail(&advice, RuleId::IntLive), Detail::None);
    // Only an immunosuppressant: KF-INT-LIVE names it, KF-INT-TNF stays general.
    let advice = comed(&["methotrexate"]);
    assert_eq!(detail(&advice, RuleId::IntTnf), Detail::None);
    assert_eq!(
        detail(&advice, RuleId::IntLive),
        Detail::Drugs(vec!["methotrexate".into()])
    );
}

#[test]
fn as_str_is_the_json_name_of_every_class_and_label_status() {
    use super::prescription::RxClass;
    for class in [
        RxClass::Start,
        RxClass::Escalation,
        RxClass::Between,
        RxClass::Exceptional,
        RxClass::BelowStart,
        RxClass::AboveMaximum,
        RxClass::Standard,
        RxClass::BelowStandard,
    ] {
        assert_eq!(
            serde_json::to_value(class).unwrap(),
            serde_json::Value::from(class.as_str())
        );
    }
    for status in [LabelStatus::OnLabel, LabelStatus::OffLabel] {
        assert_eq!(
            serde_json::to_value(status).unwrap(),
            serde_json::Value::from(status.as_str())
        );
    }
}

#[test]
fn lf_live_vaccines_names_only_the_vaccines_given() {
    assert_eq!(detail(&comed(&[]), RuleId::LiveVaccines), Detail::None);
    assert_eq!(
        detail(&comed(&["methotrexate"]), RuleId::LiveVaccines),
        Detail::None
    );
    assert_eq!(
        detail(&comed(&["BMR", "mtx", "bcg"]), RuleId::LiveVaccines),
        Detail::Drugs(vec!["MMR (BMR) vaccine".into(), "BCG vaccine".into()])
    );
    assert_eq!(
        detail(&comed(&["prednisolon"]), RuleId::IntNone),
        Detail::Drugs(vec!["prednisolone".into()])
    );
    assert!(!warning_ids(&comed(&["mtx"])).contains(&RuleId::IntNone));
}

#[test]
fn scope_gfr_30_at_30_exactly_and_for_an_estimate_below_33() {
    use crate::dosing::units::{Centimetres, Creatinine};
    // A typed GFR: 30 exactly, not 30.01.
    let typed = |gfr: f64| {
        warning_ids(&assess(
            &patient(3000, 96, Sjia, Some(gfr), false),
            &Extras::default(),
        ))
    };
    assert!(typed(30.0).contains(&RuleId::Gfr30));
    assert!(!typed(30.01).contains(&RuleId::Gfr30));
    // An estimate: from 30 up to, not including, 33.
    let estimated = |value: f64| {
        let e = Egfr {
            height: Centimetres::from_centi(12_000).unwrap(),
            creatinine: Creatinine::from_umol_per_l(140.0).unwrap(),
            value: Gfr::new(value).unwrap(),
        };
        let p = patient(3000, 96, Sjia, Some(value), false);
        warning_ids(&assess(
            &p,
            &Extras {
                egfr: Some(e),
                ..Extras::default()
            },
        ))
    };
    assert!(estimated(30.0).contains(&RuleId::Gfr30));
    assert!(estimated(32.99).contains(&RuleId::Gfr30));
    assert!(!estimated(33.0).contains(&RuleId::Gfr30));
    // Adults are outside the KF's renal section.
    let adult = patient(7000, 480, Ra, Some(30.0), false);
    assert!(!warning_ids(&assess(&adult, &Extras::default())).contains(&RuleId::Gfr30));
}

#[test]
fn scope_caps_label_from_25_01_kg_in_severe_caps() {
    let ids = |centi_kg: u32, ind: Indication| {
        warning_ids(&advise(&patient(centi_kg, 96, ind, Some(90.0), false)))
    };
    assert!(!ids(2500, CapsSevere).contains(&RuleId::CapsLabel));
    assert!(ids(2501, CapsSevere).contains(&RuleId::CapsLabel));
    assert!(!ids(4000, CapsMild).contains(&RuleId::CapsLabel));
}
