//! The published JSON Schemas (2020-12) of the output, embedded so that `anakinra schema`
//! prints exactly the committed files. A unit test regenerates them from the types and fails
//! when the committed files differ.

/// The schema of the `dose` record and the `batch` records: `schema/anakinra-record.v1.json`.
pub const RECORD: &str = include_str!("../../schema/anakinra-record.v1.json");

/// The schema of the `check --format json` report: `schema/anakinra-check.v1.json`.
pub const CHECK: &str = include_str!("../../schema/anakinra-check.v1.json");

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use schemars::JsonSchema;
    use schemars::generate::SchemaSettings;
    use serde::Serialize;

    use crate::cmd::batch;
    use crate::output::batch::{Detail, ErrorLine, Full, OutputFormat};
    use crate::output::brief::Brief;
    use crate::output::check::Report;
    use crate::output::record::Record;

    /// One line of `anakinra dose --format json` or of `anakinra batch` (schema `anakinra/1`):
    /// a dose record, a full or brief batch record, or a batch error record.
    #[derive(Serialize, JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)] // only its schema is used
    enum AnakinraRecord<'a> {
        /// `anakinra dose --format json`.
        Dose(Record),
        /// `anakinra batch --detail full`.
        BatchFull(Full<'a>),
        /// `anakinra batch` (`--detail brief`, the default).
        BatchBrief(Brief<'a>),
        /// `anakinra batch`, an invalid record.
        BatchError(ErrorLine<'a>),
    }

    fn generate<T: JsonSchema>() -> String {
        let schema = SchemaSettings::draft2020_12()
            .into_generator()
            .into_root_schema_for::<T>();
        serde_json::to_string_pretty(&schema).unwrap() + "\n"
    }

    /// Compares a committed schema with the generated one; `ANAKINRA_BLESS=1 cargo test
    /// schema` writes the generated one instead.
    fn committed_matches(file: &str, generated: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        if std::env::var_os("ANAKINRA_BLESS").is_some() {
            std::fs::write(&path, generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == generated,
            "{file} differs from the types; run `ANAKINRA_BLESS=1 cargo test schema` and review the diff"
        );
    }

    #[test]
    fn committed_record_schema_matches_the_types() {
        committed_matches(
            "schema/anakinra-record.v1.json",
            &generate::<AnakinraRecord<'_>>(),
        );
    }

    #[test]
    fn committed_check_schema_matches_the_types() {
        committed_matches("schema/anakinra-check.v1.json", &generate::<Report>());
    }

    fn validator(text: &str) -> jsonschema::Validator {
        let schema: serde_json::Value = serde_json::from_str(text).unwrap();
        jsonschema::draft202012::new(&schema).unwrap()
    }

    fn assert_valid(validator: &jsonschema::Validator, line: &str) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{line}\n{errors:#?}");
    }

    const PATIENTS: &str = r#"{"id": "a", "weight": 30, "age": "8y", "indication": "sjia", "gfr": 95}
{"weight": 12.3, "age": "3y", "indication": "caps-mild"}
{"weight": 9.9, "age": "2y", "indication": "sjia"}
{"weight": 70, "age": "40y", "indication": "ra"}
{"weight": 70, "age": "40y", "indication": "ra", "dialysis": true}
{"weight": 20, "dob": "2021-03-14", "on": "2026-11-26", "indication": "sjia", "height": 112, "creatinine": "35umol/l", "dose": 45, "comedication": ["Enbrel", "etanercpet", "kineret"]}
{"weight": 20, "age": "5y", "indication": "sjia", "gfr": 10, "dose": "210mg"}
{"weight": "25lb", "age": "5y", "indication": "sjia"}
{"sex": "f"}
not json
"#;

    #[test]
    fn real_batch_and_dose_outputs_validate_against_the_record_schema() {
        let validator = validator(super::RECORD);
        for detail in [Detail::Brief, Detail::Full] {
            let mut out = Vec::new();
            let summary = batch::run(
                PATIENTS.as_bytes(),
                &mut out,
                Some(batch::InputFormat::Jsonl),
                OutputFormat::Jsonl,
                detail,
                batch::Settings {
                    lang: crate::i18n::Lang::En,
                    today: jiff::civil::Date::constant(2026, 11, 26),
                    ignore_unknown_columns: false,
                },
            )
            .unwrap();
            assert_eq!(summary.records, 10);
            for line in String::from_utf8(out).unwrap().lines() {
                assert_valid(&validator, line);
            }
        }
    }

    #[test]
    fn the_record_schema_rejects_an_unknown_verdict() {
        let validator = validator(super::RECORD);
        let bad = serde_json::json!({"schema": "anakinra/1", "line": 1, "id": null, "verdict": "maybe",
            "label_status": "on_label", "reason_ids": [], "warning_ids": [], "phases": []});
        assert!(!validator.is_valid(&bad));
    }

    #[test]
    fn a_real_check_report_validates_against_the_check_schema() {
        let validator = validator(super::CHECK);
        let report = crate::cmd::check::run(&[] as &[&str], crate::i18n::Lang::En).unwrap();
        assert_valid(&validator, &serde_json::to_string(&report).unwrap());
    }
}
