//! The command line as clap sees it: raw text, turned into validated values by
//! [`crate::input::request`], never here.

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::i18n::messages::flag_help;

/// `anakinra --version`: the tool version and the rules version.
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (rules_version ",
    rules_version!(),
    ")"
);

/// The exit codes, as `--help` and README give them.
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  a dose is advised
  1  no dose advised (contraindicated, not covered, no general advice), or the prescribed
     dose refused (RX-ABOVE-MAX)
  2  invalid input or usage
  4  the output could not be written to stdout (closed, full, or a closed pipe)"
    };
}

const AFTER_HELP: &str = concat!(
    "Examples:
  anakinra dose --weight 30 --age 8y --indication sjia --gfr 95
  anakinra dose --weight 12,5 --age 2y6m --indication caps-severe --format json | jq .phases

",
    exit_codes!(),
    "

Decision support for a qualified professional: check the current Kinderformularium monograph."
);

/// Paediatric anakinra (Kineret) dose calculator, from the Kinderformularium CAPS/sJIA rules
/// and the UMC Utrecht patient leaflet. Every line of advice names its rule id.
#[derive(Debug, Parser)]
#[command(name = "anakinra", version = LONG_VERSION, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// When to colour text output: auto colours only on a terminal, and not when NO_COLOR is
    /// set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Language of texts and messages (JSON keys stay English). Default: ANAKINRA_LANG, else
    /// LC_ALL, LC_MESSAGES, LANG: Dutch when it starts with `nl`.
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "LANG",
        ignore_case = true
    )]
    pub lang: Option<LangChoice>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dose advice for one patient: the verdict, the dose ranges per phase, and the warnings.
    #[command(after_help = concat!(
        "Examples:
  anakinra dose --weight 30 --age 8y --indication sjia --gfr 95
  anakinra dose --weight 9,9 --age 2y --indication sjia          # not covered, exit 1
  anakinra dose --weight 12.3 --age 3y --indication caps-mild --format json | jq '.phases[0]'
  anakinra dose --weight 20 --dob 2021-03-14 --indication sjia --height 112 --creatinine 35umol/l --dose 45
  anakinra dose --weight 20 --age 5y --indication sjia --comedication Enbrel,methotrexaat --lang nl

",
        exit_codes!()
    ))]
    Dose(Box<DoseArgs>),

    /// Dose advice for many patients: JSON lines or CSV in, one record out per record in.
    #[command(after_help = concat!(
        "Input fields (JSON keys or CSV columns; Dutch column names in brackets), each with the
grammar of the dose flag of the same name:
  id                 any text, echoed
  weight (gewicht)   kg, required
  age (leeftijd)     with a unit, or age_months (leeftijd_maanden), or dob (geboortedatum)
                     with on (datum); exactly one of the three
  indication (indicatie)                     required
  gfr, or height (lengte) with creatinine (kreatinine) for an eGFR
  dialysis (dialyse) yes/no
  dose (dosis)       a prescribed daily dose to check
  comedication (comedicatie, co-medicatie)  a JSON string or array; in CSV separated by ; or |
  sex (geslacht), confirm_weight (gewicht_bevestigd)
CSV: header first, `,` or `;` (detected from the first line), decimal comma in `;` files, an
empty cell is an absent field; CSV output keeps the input's CRLF and byte-order mark. A bad
record becomes an error record in place; nothing is dropped. A line may be at most 1 MiB.
Output records carry `outcome` (the verdict, or prescription_refused) and the inputs back.

Examples:
  anakinra batch clinic.jsonl | jq -c 'select(.outcome and .outcome != \"advised\")'
  anakinra batch --format csv clinic.csv > advice.csv
  anakinra batch --excel --ignore-unknown-columns export.csv > advies.csv
  printf '{\"weight\": 30, \"age\": \"8y\", \"indication\": \"sjia\"}\\n' | anakinra batch --detail full

",
        "Exit codes:
  0  every record was valid (whatever the verdicts)
  2  usage error, an unknown CSV column, or an input that cannot be opened
  3  at least one record was invalid (each is an error record in the output)
  4  the output could not be written to stdout (closed or full); a closed pipe
     (| head) is a normal end, with the code of the records read until then"
    ))]
    Batch(BatchArgs),

    /// Run reference cases (the format of data/reference-cases.json) and report the ones that
    /// differ; without a file, the cases built into the binary (a self-test).
    #[command(after_help = "Examples:
  anakinra check                       # the built-in reference cases
  anakinra check my-cases.json --verbose
  anakinra check my-cases.json --format json | jq '.cases[] | select(.passed | not)'

Exit codes:
  0  every case passed
  1  at least one case failed
  2  a case file cannot be read or is malformed (with file, line and column)
  4  the report could not be written to stdout")]
    Check(CheckArgs),

    /// The KF-TAPER schedule for arthritis in remission (sJIA): the dose every other day for 4
    /// weeks, then anakinra can be stopped; as dated lines, JSON, or an iCalendar file.
    #[command(after_help = "Examples:
  anakinra taper --from 2026-12-01 --dose 40
  anakinra taper --from today --dose 60 --weight 30 --age 8y --indication sjia
  anakinra taper --from 2026-12-01 --dose 40 --format ics > anakinra-taper.ics
  anakinra taper --from 01-12-2026 --dose 40mg --format json --lang nl

The dose is refused (exit 2, nothing written) above 200 mg/day or the patient's maximum
(RX-ABOVE-MAX), below 20 mg (RX-NOT-DELIVERABLE), for a patient who gets no dose or whose
indication is not sjia, and when the 4 weeks run past the end of the calendar. A dose between the
syringe's 10 mg marks is written with an RX-NOT-DELIVERABLE caution.")]
    Taper(TaperArgs),

    /// Every rule with its id, severity, source and content.
    #[command(after_help = "Examples:
  anakinra rules
  anakinra rules --format json | jq -r '.[] | select(.severity == \"caution\") | .rule'
  anakinra rules --lang nl")]
    Rules(RulesArgs),

    /// Shell completions: bash, zsh, fish, powershell, elvish.
    #[command(after_help = "Examples:
  anakinra completions bash > /etc/bash_completion.d/anakinra
  anakinra completions zsh > \"${fpath[1]}/_anakinra\"
  anakinra completions fish > ~/.config/fish/completions/anakinra.fish")]
    Completions(CompletionsArgs),

    /// The manual page (roff), for man(1).
    #[command(after_help = "Examples:
  anakinra man > anakinra.1 && man ./anakinra.1
  anakinra man | gzip > /usr/local/share/man/man1/anakinra.1.gz")]
    Man,

    /// Print the JSON Schema (2020-12) of the output records.
    #[command(after_help = "Examples:
  anakinra schema > anakinra-record.v1.json
  anakinra schema check")]
    Schema(SchemaArgs),
}

/// `anakinra check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Case files; the built-in reference cases when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,

    /// List passing cases too.
    #[arg(long, short)]
    pub verbose: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `anakinra schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema: the dose and batch record, or the check report.
    #[arg(value_enum, default_value_t = SchemaKind::Record)]
    pub which: SchemaKind,
}

/// Which schema `anakinra schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The `dose` record and the `batch` records (brief, full, error).
    Record,
    /// The `check --format json` report.
    Check,
}

/// `anakinra batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// The input format; detected from the first non-blank byte when not given (`{` is JSON
    /// lines).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input: Option<BatchInput>,

    /// The output format.
    #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
    pub format: BatchFormat,

    /// How much each JSON line carries: brief (verdict, rule ids, ranges) or full (the `dose`
    /// record).
    #[arg(long, value_enum, default_value_t = BatchDetail::Brief)]
    pub detail: BatchDetail,

    /// CSV output as Dutch Excel opens it: `;`, decimal commas, CRLF and a byte-order mark
    /// (implies --format csv).
    #[arg(long)]
    pub excel: bool,

    /// Leave out CSV columns the tool does not know (they are named on stderr) instead of
    /// refusing the file.
    #[arg(long)]
    pub ignore_unknown_columns: bool,
}

/// `--input` of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchInput {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header.
    Csv,
}

/// `--format` of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One JSON object per line.
    Jsonl,
    /// Flat CSV, with the input's delimiter and decimal mark when the input was CSV.
    Csv,
}

/// `--detail` of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchDetail {
    /// Verdict, label status, rule ids and phase ranges.
    Brief,
    /// The whole `dose` JSON record, with `line` and `id`.
    Full,
}

/// The patient, as typed.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a flag on the command line
pub struct DoseArgs {
    /// Body weight in kg (help: [`flag_help`], from `Kilograms::MAX`).
    #[arg(long, value_name = "KG", allow_hyphen_values = true, help = flag_help("dose", "weight", Lang::En).unwrap_or_default())]
    pub weight: String,

    /// Age with a unit: months 8m/8mo/8mnd/"8 months", years 3y/3j/3jr/"3 years"/"3 jaar", or
    /// 2y6m. A bare number is refused; or give --dob.
    #[arg(
        long,
        value_name = "AGE",
        allow_hyphen_values = true,
        required_unless_present = "dob",
        conflicts_with = "dob"
    )]
    pub age: Option<String>,

    /// Date of birth, YYYY-MM-DD or DD-MM-YYYY (14-3-2021): the age is the number of completed
    /// months.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub dob: Option<String>,

    /// The date of the calculation, with --dob (default: today, local time zone).
    #[arg(
        long,
        value_name = "DATE",
        requires = "dob",
        allow_hyphen_values = true
    )]
    pub on: Option<String>,

    /// caps-mild or caps-severe: CAPS (FCAS, MWS, NOMID/CINCA); hereditary-autoinflammatory:
    /// other hereditary autoinflammatory disorders (TRAPS, HIDS/MKD, FMF: the KF dose, not the
    /// EU label's FMF dosing); sjia: systemic JIA; other-autoinflammatory: other
    /// autoinflammatory disorders not responding to conventional therapy; ra: adults with
    /// rheumatoid arthritis (the leaflet's fixed 100 mg). Dutch names are accepted too
    /// (caps-licht, caps-ernstig, erfelijk, overig).
    #[arg(long, value_name = "INDICATION", allow_hyphen_values = true, value_parser = Suggest(INDICATIONS))]
    pub indication: String,

    /// GFR in ml/min/1.73 m2 (help: [`flag_help`], from `Gfr::TYPED_MAX`).
    #[arg(long, value_name = "ML_MIN_1.73M2", allow_hyphen_values = true, conflicts_with_all = ["height", "creatinine"], help = flag_help("dose", "gfr", Lang::En).unwrap_or_default())]
    pub gfr: Option<String>,

    /// Height in cm, with --creatinine: the GFR is estimated by bedside Schwartz.
    #[arg(
        long,
        value_name = "CM",
        allow_hyphen_values = true,
        requires = "creatinine"
    )]
    pub height: Option<String>,

    /// Serum creatinine with its unit, required: 181umol/l (or µmol/l) or 2.05mg/dl.
    #[arg(
        long,
        value_name = "VALUE+UNIT",
        allow_hyphen_values = true,
        requires = "height"
    )]
    pub creatinine: Option<String>,

    /// The patient is on dialysis.
    #[arg(long)]
    pub dialysis: bool,

    /// Sex, f or m, for the weight-for-age check (without it, the less extreme of the two).
    #[arg(long, value_name = "f|m", allow_hyphen_values = true, value_parser = Suggest(SEXES))]
    pub sex: Option<String>,

    /// The weight is right although implausible for the age (weight-for-age |z| > 5).
    #[arg(long)]
    pub confirm_weight: bool,

    /// A prescribed daily dose to check, in mg: 40 or 40mg.
    #[arg(long, value_name = "MG", allow_hyphen_values = true)]
    pub dose: Option<String>,

    /// Co-medication, by generic or brand name; repeat the flag or separate with commas.
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub comedication: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Text in short: the verdict, the prescription, what is about this patient and the dose
    /// table, in at most 20 lines; the leaflet's general cautions and information only with
    /// --all.
    #[arg(long)]
    pub short: bool,

    /// With --short: the general cautions and information too.
    #[arg(long, requires = "short")]
    pub all: bool,
}

/// `anakinra taper`.
#[derive(Debug, Args)]
pub struct TaperArgs {
    /// The first day of the taper, YYYY-MM-DD or DD-MM-YYYY, or today.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: String,

    /// The current daily dose, in mg (help: [`flag_help`], from the syringe's smallest and
    /// largest dose).
    #[arg(long, value_name = "MG", allow_hyphen_values = true, help = flag_help("taper", "dose", Lang::En).unwrap_or_default())]
    pub dose: String,

    /// The patient's weight in kg, to check the dose against the patient's maximum (with
    /// --age and --indication).
    #[arg(long, value_name = "KG", allow_hyphen_values = true, requires_all = ["age", "indication"])]
    pub weight: Option<String>,

    /// The patient's age with a unit (8y, 30m), with --weight and --indication.
    #[arg(long, value_name = "AGE", allow_hyphen_values = true, requires_all = ["weight", "indication"])]
    pub age: Option<String>,

    /// The indication, with --weight and --age; the taper is written for sjia.
    #[arg(long, value_name = "INDICATION", allow_hyphen_values = true, requires_all = ["weight", "age"], value_parser = Suggest(INDICATIONS))]
    pub indication: Option<String>,

    /// GFR in ml/min/1.73 m2, with --weight, --age and --indication.
    #[arg(
        long,
        value_name = "ML_MIN_1.73M2",
        allow_hyphen_values = true,
        requires = "weight"
    )]
    pub gfr: Option<String>,

    /// Output format: text, json, or ics (an iCalendar file for a phone calendar).
    #[arg(long, value_enum, default_value_t = TaperFormat::Text)]
    pub format: TaperFormat,
}

/// `--format` of `taper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaperFormat {
    /// Dated lines.
    Text,
    /// One JSON object.
    Json,
    /// An iCalendar file (RFC 5545), one event per injection day.
    Ics,
}

/// `anakinra rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Only these rules, by id (any case): `anakinra rules KF-CAP-100 scope-gfr-30`.
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `anakinra completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The indications, for shell completion.
const INDICATIONS: &[&str] = &[
    "caps-mild",
    "caps-severe",
    "hereditary-autoinflammatory",
    "sjia",
    "other-autoinflammatory",
    "ra",
];

/// The sexes, for shell completion.
const SEXES: &[&str] = &["f", "m"];

/// A value parser that offers `0`'s values to shell completion but takes any text: the value is
/// validated by [`crate::input::request`], which names the field, suggests the nearest name and
/// takes Dutch names too (clap's own check would refuse those in its own words).
#[derive(Debug, Clone, Copy)]
struct Suggest(&'static [&'static str]);

impl clap::builder::TypedValueParser for Suggest {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|&v| clap::builder::PossibleValue::new(v)),
        ))
    }
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Dutch.
    Nl,
    /// English.
    En,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--format` of `dose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a terminal and a clinical note.
    Text,
    /// One JSON line, schema anakinra/1.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
