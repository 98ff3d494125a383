//! The command line, read strictly: an unknown option, a missing value or a stray argument
//! is an error with the usage, never a guess.

use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

pub const USAGE: &str = "\
Usage:
  workbench check FILE...
      Checks workspace files, model card files (card JSON, Model Card Toolkit, CycloneDX,
      Hugging Face README.md) and review packages; prints each problem with its place.
  workbench render FILE [--as html|readme|json|markdown] [--assessment NAME] [--out FILE]
      A card (any card file, or the card of a review package) as HTML, README or JSON; an
      assessment of a workspace file as Markdown.
  workbench verify PACKAGE [--card FILE]
      The hash chain, the history and the content hash of a review package, and with --card
      that the package's card is exactly that card and every approval covers it.
  workbench gate [--approved PACKAGE] [--card FILE] [--min-completeness PERCENT]
                 [--min-level N FILE] [--min-score POINTS FILE] [--no-open-debt RATING FILE]
      Exit 0 only when every condition given holds; prints each condition and why it failed.
      --approved needs --card: all six stages approved over exactly this card.
      --min-completeness needs --card. --min-level (maturity, 1 to 3) and --min-score (ML
      Test Score, 0 to 7 in half points) hold for every such assessment in FILE.
      --no-open-debt high|medium|low: no open item of that impact or higher in FILE.

Every command takes --format text (the default) or --format json.
Exit status: 0 all good; 1 a check, verification or condition failed; 2 bad command line or
unreadable file.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Html,
    Readme,
    Json,
    Markdown,
}

#[derive(Debug, Default)]
pub struct Conditions {
    pub approved: Option<PathBuf>,
    pub card: Option<PathBuf>,
    pub min_completeness: Option<usize>,
    pub min_level: Option<(u8, PathBuf)>,
    /// In half points.
    pub min_score: Option<(u8, PathBuf)>,
    pub no_open_debt: Option<(String, PathBuf)>,
}

pub enum Command {
    Help,
    Check {
        files: Vec<PathBuf>,
    },
    Render {
        file: PathBuf,
        target: Option<Target>,
        assessment: Option<String>,
        out: Option<PathBuf>,
    },
    Verify {
        package: PathBuf,
        card: Option<PathBuf>,
    },
    Gate(Conditions),
}

pub struct Parsed {
    pub command: Command,
    pub format: Format,
}

pub fn parse(arguments: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    parse_inner(arguments).map_err(|e| e.to_string())
}

fn parse_inner(arguments: impl IntoIterator<Item = OsString>) -> Result<Parsed, lexopt::Error> {
    let mut parser = lexopt::Parser::from_args(arguments);
    let mut format = Format::Text;
    let mut name = None;
    let mut files = Vec::new();
    let mut target = None;
    let mut assessment = None;
    let mut out = None;
    let mut card = None;
    let mut conditions = Conditions::default();
    let mut help = false;
    while let Some(argument) = parser.next()? {
        match argument {
            Long("help") | Short('h') => help = true,
            Long("format") => {
                format = match parser.value()?.string()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!("--format takes text or json, not {other:?}").into());
                    }
                }
            }
            Long("as") => {
                target = Some(match parser.value()?.string()?.as_str() {
                    "html" => Target::Html,
                    "readme" => Target::Readme,
                    "json" => Target::Json,
                    "markdown" => Target::Markdown,
                    other => {
                        return Err(format!(
                            "--as takes html, readme, json or markdown, not {other:?}"
                        )
                        .into());
                    }
                })
            }
            Long("assessment") => assessment = Some(parser.value()?.string()?),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("card") => card = Some(PathBuf::from(parser.value()?)),
            Long("approved") => conditions.approved = Some(PathBuf::from(parser.value()?)),
            Long("min-completeness") => {
                let percent: usize = parser.value()?.parse()?;
                if percent > 100 {
                    return Err("--min-completeness takes a percent from 0 to 100".into());
                }
                conditions.min_completeness = Some(percent);
            }
            Long("min-level") => {
                let level: u8 = parser.value()?.parse()?;
                if !(1..=3).contains(&level) {
                    return Err("--min-level takes a level from 1 to 3".into());
                }
                conditions.min_level = Some((level, PathBuf::from(parser.value()?)));
            }
            Long("min-score") => {
                let text = parser.value()?.string()?;
                let half = half_points(&text).ok_or_else(|| {
                    format!(
                        "--min-score takes points from 0 to 7 in halves (3 or 3.5), not {text:?}"
                    )
                })?;
                conditions.min_score = Some((half, PathBuf::from(parser.value()?)));
            }
            Long("no-open-debt") => {
                let rating = parser.value()?.string()?;
                if !["high", "medium", "low"].contains(&rating.as_str()) {
                    return Err(format!(
                        "--no-open-debt takes high, medium or low, not {rating:?}"
                    )
                    .into());
                }
                conditions.no_open_debt = Some((rating, PathBuf::from(parser.value()?)));
            }
            Value(value) if name.is_none() => name = Some(value.string()?),
            Value(value) => files.push(PathBuf::from(value)),
            _ => return Err(argument.unexpected()),
        }
    }
    if help {
        return Ok(Parsed {
            command: Command::Help,
            format,
        });
    }
    let one = |files: Vec<PathBuf>, what: &str| -> Result<PathBuf, lexopt::Error> {
        let mut files = files.into_iter();
        match (files.next(), files.next()) {
            (Some(file), None) => Ok(file),
            (None, _) => Err(format!("{what} takes one file").into()),
            (Some(_), Some(extra)) => {
                Err(format!("{what} takes one file; {} is one too many", extra.display()).into())
            }
        }
    };
    let command = match name.as_deref() {
        None => return Err("no command given".into()),
        Some("help") => Command::Help,
        Some("check") if files.is_empty() => return Err("check takes at least one file".into()),
        Some("check") => Command::Check { files },
        Some("render") => Command::Render {
            file: one(files, "render")?,
            target,
            assessment,
            out,
        },
        Some("verify") => Command::Verify {
            package: one(files, "verify")?,
            card,
        },
        Some("gate") => {
            if let Some(extra) = files.first() {
                return Err(format!("gate takes no file of its own: {}", extra.display()).into());
            }
            conditions.card = card;
            let given = conditions.approved.is_some()
                || conditions.min_completeness.is_some()
                || conditions.min_level.is_some()
                || conditions.min_score.is_some()
                || conditions.no_open_debt.is_some();
            if !given {
                return Err("gate needs at least one condition".into());
            }
            if (conditions.approved.is_some() || conditions.min_completeness.is_some())
                && conditions.card.is_none()
            {
                return Err("--approved and --min-completeness need --card FILE".into());
            }
            Command::Gate(conditions)
        }
        Some(other) => return Err(format!("unknown command {other:?}").into()),
    };
    Ok(Parsed { command, format })
}

/// "3" or "3.5" as half points (6 or 7), at most 7 points.
fn half_points(text: &str) -> Option<u8> {
    let (whole, half) = match text.split_once('.') {
        None => (text, 0),
        Some((whole, "5")) => (whole, 1),
        Some((whole, "0")) => (whole, 0),
        Some(_) => return None,
    };
    let whole: u8 = whole.parse().ok()?;
    let half_points = whole.checked_mul(2)?.checked_add(half)?;
    (half_points <= 14).then_some(half_points)
}
