//! `anakinra rules`: every rule with its id, severity, source and content.

use std::io::{self, Write};

use serde::Serialize;

use crate::cmd::args::{Format, RulesArgs};
use crate::cmd::{Error, Exit};
use crate::dosing::{self, RuleId};
use crate::i18n::Lang;

/// A rule id that is not one of the rules.
#[derive(Debug, thiserror::Error)]
#[error("rule: '{0}': no such rule id")]
pub struct UnknownRule(pub String);

impl UnknownRule {
    /// The line on stderr, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}: '{}': {}",
            lang.pick("rule", "regel"),
            crate::i18n::messages::shorten(&self.0),
            lang.pick(
                "no such rule id; `anakinra rules` lists them all",
                "geen bekende regel; `anakinra rules` geeft ze allemaal",
            )
        )
    }
}

/// One rule, as `anakinra rules --format json` lists it.
#[derive(Serialize)]
struct RuleLine {
    rule: RuleId,
    severity: Option<dosing::Severity>,
    source: &'static str,
    text: String,
}

/// `anakinra rules [ID...]`: every rule, or the ones asked for.
///
/// # Errors
///
/// [`UnknownRule`] for an id that is not a rule; an [`Error::Write`] when stdout fails.
pub fn command(args: &RulesArgs, lang: Lang, out: &mut impl Write) -> Result<Exit, Error> {
    let mut chosen = Vec::new();
    for id in &args.ids {
        let Some(&rule) = RuleId::ALL
            .iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(id.trim()))
        else {
            return Err(UnknownRule(id.clone()).into());
        };
        chosen.push(rule);
    }
    let lines: Vec<RuleLine> = RuleId::ALL
        .iter()
        .filter(|rule| chosen.is_empty() || chosen.contains(rule))
        .map(|&rule| RuleLine {
            rule,
            severity: rule.severity(),
            source: rule.source(),
            text: crate::i18n::rules::summary(rule, lang),
        })
        .collect();
    let mut out = io::BufWriter::new(out);
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &lines)?;
            writeln!(out)?;
        }
        Format::Text => {
            for l in &lines {
                let severity = l.severity.map_or("-", |s| match (s, lang) {
                    (_, Lang::En) => s.as_str(),
                    (dosing::Severity::Contraindication, Lang::Nl) => "contra-indicatie",
                    (dosing::Severity::Caution, Lang::Nl) => "let op",
                    (dosing::Severity::Info, Lang::Nl) => "informatie",
                });
                writeln!(
                    out,
                    "{:<19} {:<16} {:<33} {}",
                    l.rule.as_str(),
                    severity,
                    l.source,
                    l.text
                )?;
            }
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}
