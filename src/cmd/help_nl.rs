//! The command line in Dutch: clap's help with our own Dutch texts and headings, and clap's
//! usage errors in Dutch, for `--lang nl` or a Dutch environment. The English help is the one
//! the clap definitions in [`crate::cmd::args`] carry; this is its translation, kept next to
//! nothing else so that a new flag without a Dutch text shows in one place
//! (`every_flag_has_dutch_help`).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;
use crate::i18n::messages::flag_help;

/// The language asked for on the command line (`--lang nl`, `--lang=NL`), before clap parses:
/// help and clap's errors come before our own parsing. `None` when not given (or not a
/// language: clap then says so).
pub fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut words = args.iter().filter_map(|a| a.to_str());
    let mut value = None;
    while let Some(word) = words.next() {
        if word == "--lang" {
            value = words.next();
        } else if let Some(v) = word.strip_prefix("--lang=") {
            value = Some(v);
        }
    }
    match value?.to_ascii_lowercase().as_str() {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// (subcommand, or "" for the top level; argument id; Dutch help).
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "color",
        "Wanneer tekst kleur krijgt: auto (standaard) alleen op een terminal en niet als NO_COLOR gezet is, always altijd, never nooit",
    ),
    (
        "",
        "lang",
        "Taal van teksten en meldingen, nl of en (JSON-sleutels blijven Engels). Standaard: ANAKINRA_LANG, anders LC_ALL, LC_MESSAGES, LANG: Nederlands als die met `nl` begint",
    ),
    // Its help states a bound: written from the unit type by `flag_help`.
    ("dose", "weight", ""),
    (
        "dose",
        "age",
        "Leeftijd met eenheid: maanden 8m/8mnd/8 maanden, jaren 3j/3jr/3 jaar/3y, of 2j6m. Een kaal getal wordt geweigerd; of geef --dob",
    ),
    (
        "dose",
        "dob",
        "Geboortedatum, JJJJ-MM-DD of DD-MM-JJJJ (14-3-2021): de leeftijd is het aantal voltooide maanden",
    ),
    (
        "dose",
        "on",
        "De datum van de berekening, met --dob (standaard: vandaag, lokale tijdzone)",
    ),
    (
        "dose",
        "indication",
        "caps-mild (caps-licht) of caps-severe (caps-ernstig): CAPS (FCAS, MWS, NOMID/CINCA); hereditary-autoinflammatory (erfelijk): andere erfelijke autoinflammatoire aandoeningen (TRAPS, HIDS/MKD, FMF: de KF-dosis, niet de FMF-dosering van de EU-registratie); sjia: systemische JIA; other-autoinflammatory (overig): andere autoinflammatoire aandoeningen die niet reageren op de conventionele therapie; ra: volwassenen met reumatoïde artritis (de vaste 100 mg van de folder)",
    ),
    // Its help states a bound: written from the unit type by `flag_help`.
    ("dose", "gfr", ""),
    (
        "dose",
        "height",
        "Lengte in cm, met --creatinine: de GFR wordt geschat met bedside Schwartz",
    ),
    (
        "dose",
        "creatinine",
        "Serumkreatinine met verplichte eenheid: 181umol/l (of µmol/l) of 2,05mg/dl",
    ),
    ("dose", "dialysis", "De patiënt wordt gedialyseerd"),
    (
        "dose",
        "sex",
        "Geslacht, v (f) of m, voor de controle gewicht-naar-leeftijd (zonder: de minst extreme van de twee)",
    ),
    (
        "dose",
        "confirm_weight",
        "Het gewicht klopt, hoewel onwaarschijnlijk voor de leeftijd (gewicht-naar-leeftijd |z| > 5)",
    ),
    (
        "dose",
        "dose",
        "Een voorgeschreven dagdosis om te controleren, in mg: 40 of 40mg",
    ),
    (
        "dose",
        "comedication",
        "Co-medicatie, op stofnaam of merknaam; herhaal de vlag of scheid met komma's",
    ),
    (
        "dose",
        "format",
        "Uitvoerformaat: text (standaard; voor een terminal en een klinische notitie) of json (één JSON-regel, schema anakinra/1)",
    ),
    (
        "dose",
        "short",
        "Kort: het oordeel, het voorschrift, wat deze patiënt betreft en de dosistabel, in hoogstens 20 regels; de algemene waarschuwingen en informatie van de folder alleen met --all",
    ),
    (
        "dose",
        "all",
        "Met --short: ook de algemene waarschuwingen en informatie",
    ),
    (
        "batch",
        "file",
        "Het invoerbestand; standaardinvoer zonder bestand of met -",
    ),
    (
        "batch",
        "input",
        "Het invoerformaat, jsonl of csv; zonder: bepaald uit de eerste niet-lege regel (`{` is JSON lines)",
    ),
    (
        "batch",
        "format",
        "Het uitvoerformaat: jsonl (standaard) of csv",
    ),
    (
        "batch",
        "detail",
        "Hoeveel elke JSON-regel bevat: brief (standaard; oordeel, regel-ids, bereiken) of full (het record van `dose`)",
    ),
    (
        "batch",
        "excel",
        "CSV-uitvoer zoals Nederlandse Excel die opent: `;`, decimale komma's, CRLF en een byte-order mark (geldt als --format csv)",
    ),
    (
        "batch",
        "ignore_unknown_columns",
        "Onbekende CSV-kolommen weglaten (ze worden op stderr genoemd) in plaats van het bestand te weigeren",
    ),
    (
        "check",
        "files",
        "Bestanden met casussen; zonder bestand de ingebouwde referentiecasussen",
    ),
    ("check", "verbose", "Ook geslaagde casussen tonen"),
    (
        "check",
        "format",
        "Uitvoerformaat: text (standaard) of json",
    ),
    (
        "taper",
        "from",
        "De eerste dag van de afbouw, JJJJ-MM-DD of DD-MM-JJJJ, of vandaag (today)",
    ),
    // Its help states a bound: written from the unit type by `flag_help`.
    ("taper", "dose", ""),
    (
        "taper",
        "weight",
        "Het gewicht van de patiënt in kg, om de dosis aan diens maximum te toetsen (met --age en --indication)",
    ),
    (
        "taper",
        "age",
        "De leeftijd van de patiënt met eenheid (8j, 30m), met --weight en --indication",
    ),
    (
        "taper",
        "indication",
        "De indicatie, met --weight en --age; het afbouwschema is geschreven voor sjia",
    ),
    (
        "taper",
        "gfr",
        "GFR in ml/min/1,73 m2, met --weight, --age en --indication",
    ),
    (
        "taper",
        "format",
        "Uitvoerformaat: text (standaard), json of ics (een iCalendar-bestand voor een telefoonagenda)",
    ),
    (
        "rules",
        "ids",
        "Alleen deze regels, op id (hoofdletters maken niet uit): `anakinra rules KF-CAP-100 scope-gfr-30`",
    ),
    (
        "rules",
        "format",
        "Uitvoerformaat: text (standaard) of json",
    ),
    (
        "completions",
        "shell",
        "De shell: bash, zsh, fish, powershell of elvish",
    ),
    (
        "schema",
        "which",
        "Welk schema: record (standaard; het record van dose en batch) of check (het rapport van check)",
    ),
];

/// (subcommand, Dutch about, Dutch text after the options).
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "",
        "Doseringscalculator voor anakinra (Kineret) bij kinderen, volgens de CAPS/sJIA-regels van het Kinderformularium en de patiëntenfolder van het UMC Utrecht. Elke regel van het advies noemt zijn regel-id",
        "Voorbeelden:
  anakinra dose --weight 30 --age 8j --indication sjia --gfr 95 --lang nl
  anakinra dose --weight 12,5 --age 2j6m --indication caps-ernstig --short

Exitcodes:
  0  een dosis is geadviseerd
  1  geen dosisadvies (gecontra-indiceerd, valt buiten de regels, geen algemeen advies), of
     het voorschrift geweigerd (RX-ABOVE-MAX)
  2  ongeldige invoer of aanroep
  4  de uitvoer kon niet naar stdout geschreven worden (gesloten, vol of een gesloten pijp)

Beslisondersteuning voor een bevoegde zorgverlener: controleer de actuele monografie van het
Kinderformularium.",
    ),
    (
        "dose",
        "Dosisadvies voor één patiënt: het oordeel, de dosisbereiken per fase en de waarschuwingen",
        "Voorbeelden:
  anakinra dose --weight 30 --age 8j --indication sjia --gfr 95
  anakinra dose --weight 9,9 --age 2j --indication sjia          # valt buiten de regels, exit 1
  anakinra dose --weight 20 --dob 14-3-2021 --indication sjia --height 112 --creatinine 35umol/l --dose 45
  anakinra dose --weight 20 --age 5j --indication sjia --comedication Enbrel,methotrexaat --short

Exitcodes: 0 dosis geadviseerd; 1 geen dosisadvies of voorschrift geweigerd; 2 ongeldige
invoer; 4 stdout niet te schrijven.",
    ),
    (
        "batch",
        "Dosisadvies voor veel patiënten: JSON lines of CSV erin, één record eruit per record erin",
        "Velden (JSON-sleutels of CSV-kolommen; Nederlandse kolomnamen tussen haakjes), elk met de
grammatica van de gelijknamige vlag van dose: id, weight (gewicht), age (leeftijd) of
age_months (leeftijd_maanden) of dob (geboortedatum) met on (datum), indication (indicatie),
gfr of height (lengte) met creatinine (kreatinine), dialysis (dialyse), dose (dosis),
comedication (comedicatie, co-medicatie), sex (geslacht), confirm_weight (gewicht_bevestigd).
Een regel is hoogstens 1 MiB; een fout record wordt een foutrecord op zijn plaats, er valt niets
weg.

Voorbeelden:
  anakinra batch kliniek.jsonl | jq -c 'select(.outcome and .outcome != \"advised\")'
  anakinra batch --excel --ignore-unknown-columns export.csv > advies.csv

Exitcodes: 0 elk record geldig; 2 ongeldige aanroep of onleesbare invoer; 3 minstens één
record ongeldig; 4 stdout niet te schrijven (een gesloten pijp is een gewoon einde).",
    ),
    (
        "check",
        "Referentiecasussen doorrekenen en de afwijkende melden; zonder bestand de ingebouwde casussen (een zelftest)",
        "Voorbeelden:
  anakinra check
  anakinra check mijn-casussen.json --verbose

Exitcodes: 0 alle casussen geslaagd; 1 minstens één mislukt; 2 een bestand onleesbaar of
misvormd; 4 stdout niet te schrijven.",
    ),
    (
        "taper",
        "Het afbouwschema KF-TAPER voor artritis in remissie (sJIA): de dosis 4 weken om de dag, daarna kan anakinra gestopt worden; als regels met datum, JSON of een iCalendar-bestand",
        "Voorbeelden:
  anakinra taper --from vandaag --dose 60 --weight 30 --age 8j --indication sjia
  anakinra taper --from 1-12-2026 --dose 40 --format ics > afbouw.ics

De dosis wordt geweigerd (exit 2, niets geschreven) boven 200 mg/dag of het maximum van de
patiënt (RX-ABOVE-MAX), onder 20 mg (RX-NOT-DELIVERABLE), voor een patiënt zonder dosisadvies
of met een andere indicatie dan sjia, en als de 4 weken voorbij het einde van de kalender lopen.",
    ),
    (
        "rules",
        "Elke regel met id, ernst, bron en inhoud",
        "Voorbeelden:
  anakinra rules --lang nl
  anakinra rules KF-CAP-100 SCOPE-GFR-30",
    ),
    (
        "completions",
        "Shell-aanvullingen: bash, zsh, fish, powershell, elvish",
        "Voorbeeld:
  anakinra completions bash > /etc/bash_completion.d/anakinra",
    ),
    (
        "man",
        "De handleidingpagina (roff), voor man(1)",
        "Voorbeeld:
  anakinra man > anakinra.1 && man ./anakinra.1",
    ),
    (
        "schema",
        "Het JSON Schema (2020-12) van de uitvoerrecords",
        "Voorbeeld:
  anakinra schema > anakinra-record.v1.json",
    ),
];

/// The help template, with Dutch headings; `positionals` when the command takes arguments.
fn template(top: bool, positionals: bool) -> &'static str {
    match (top, positionals) {
        (true, _) => {
            "{about-with-newline}\nGebruik: {usage}\n\nCommando's:\n{subcommands}\n\nOpties:\n{options}{after-help}"
        }
        (false, true) => {
            "{about-with-newline}\nGebruik: {usage}\n\nArgumenten:\n{positionals}\n\nOpties:\n{options}{after-help}"
        }
        (false, false) => {
            "{about-with-newline}\nGebruik: {usage}\n\nOpties:\n{options}{after-help}"
        }
    }
}

/// One command, translated: its about, its text after the options, its arguments' help.
fn translate(name: &str, cmd: Command) -> Command {
    let positionals = cmd.get_positionals().next().is_some();
    // clap adds its own -h/--help only when the command is built: ours, in Dutch, instead.
    let mut cmd = cmd
        .help_template(template(name.is_empty(), positionals))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Hulp tonen"),
        );
    if let Some(&(_, about, after)) = COMMANDS.iter().find(|(n, _, _)| *n == name) {
        cmd = cmd
            .about(about)
            .long_about(about)
            .after_help(after)
            .after_long_help(after);
    }
    // The Dutch text names the values and the default itself: clap's lists are English.
    for &(_, id, help) in ARGS.iter().filter(|(n, _, _)| *n == name) {
        let help = flag_help(name, id, Lang::Nl).unwrap_or_else(|| help.to_string());
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help(help.clone()).long_help(help);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    cmd
}

/// The whole command line in Dutch.
pub fn dutch(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    let mut cmd = translate("", cmd)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Versie tonen"),
        )
        .disable_help_subcommand(true);
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| translate(&name, sub));
    }
    cmd
}

/// A clap usage error as one Dutch sentence, for the kinds a person meets; `None` for the
/// rest, which keep clap's English.
pub fn usage_error(err: &clap::Error) -> Option<String> {
    let get = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => Some(s.join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let text = match err.kind() {
        ErrorKind::MissingRequiredArgument => {
            let mut text = format!("verplicht maar niet gegeven: {arg}");
            if arg.contains("--age") {
                text.push_str(" (of een geboortedatum met --dob)");
            }
            text
        }
        ErrorKind::UnknownArgument => format!("onbekend argument '{arg}'"),
        ErrorKind::InvalidSubcommand => format!("onbekend commando '{arg}'"),
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde '{}' voor {arg}; mogelijk: {}",
            get(ContextKind::InvalidValue).unwrap_or_default(),
            get(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => format!(
            "{arg} kan niet samen met {}",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("verkeerd aantal waarden voor {arg}")
        }
        _ => return None,
    };
    Some(format!(
        "fout: {text} (meer informatie: anakinra --help --lang nl)"
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_flag_has_dutch_help() {
        let cmd = crate::cmd::args::Cli::command();
        let mut missing = Vec::new();
        let subcommands =
            std::iter::once(("", &cmd)).chain(cmd.get_subcommands().map(|s| (s.get_name(), s)));
        for (name, sub) in subcommands {
            if name == "help" {
                continue;
            }
            if !COMMANDS.iter().any(|(n, _, _)| *n == name) {
                missing.push(format!("{name} (about)"));
            }
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_global_set() && !name.is_empty() || ["help", "version"].contains(&id) {
                    continue;
                }
                if !ARGS.iter().any(|(n, i, _)| *n == name && *i == id) {
                    missing.push(format!("{name} --{id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Dutch help for {missing:?}");
        dutch(cmd).debug_assert();
    }

    #[test]
    fn lang_is_found_before_clap_parses() {
        let args = |words: &[&str]| {
            words
                .iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lang_in_args(&args(&["anakinra", "--lang", "nl", "dose"])),
            Some(Lang::Nl)
        );
        assert_eq!(
            lang_in_args(&args(&["anakinra", "dose", "--lang=NL"])),
            Some(Lang::Nl)
        );
        assert_eq!(
            lang_in_args(&args(&["anakinra", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["anakinra", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(&args(&["anakinra", "dose"])), None);
    }
}
