//! Answering a template's questions: one resolver for typed and provided values.
//!
//! A value given with `--set`, an answers file or a profile is validated exactly like a typed
//! one. Only when nothing was provided does the resolver ask, through an [`Asker`]; the
//! scripted asker fails with the key and the flag to pass. Prompting itself lives in
//! [`crate::interactive`], the only module that talks to the terminal.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::templates::{Question, QuestionKind};

/// Something that can ask a question when no answer was provided.
pub trait Asker {
    /// Asks `q` and returns the raw answer text (validated by the caller; asked again on error).
    fn ask(&mut self, q: &Question, error: Option<&str>) -> Result<String>;
}

/// The asker for scripts: it never asks, it explains what to pass.
pub struct Scripted;

impl Asker for Scripted {
    fn ask(&mut self, q: &Question, _: Option<&str>) -> Result<String> {
        let example = match q.kind {
            QuestionKind::Bool => "yes".to_string(),
            QuestionKind::Choice => q
                .choices
                .first()
                .map(|c| c.value().to_string())
                .unwrap_or_default(),
            _ => "...".to_string(),
        };
        Err(Error::usage(format!(
            "missing answer for `{}`; pass --set {}={example}",
            q.key, q.key
        ))
        .hint(format!("the question is: {}", q.prompt))
        .hint("or put it in an answers file (YAML `key: value`) and pass --answers FILE"))
    }
}

/// Checks one raw answer; returns the value to put in the letter, or why it is not acceptable.
pub fn validate(q: &Question, raw: &str) -> std::result::Result<Value, String> {
    let text = raw.trim();
    if let Some(max) = q.max_length {
        let len = text.chars().count();
        if len > max {
            return Err(format!("it is {len} characters long; the limit is {max}"));
        }
    }
    match q.kind {
        QuestionKind::Text | QuestionKind::Multiline => {
            if q.required && text.is_empty() {
                return Err("an answer is required".into());
            }
            if q.kind == QuestionKind::Text && text.contains('\n') {
                return Err("it must be a single line".into());
            }
            Ok(Value::String(normalize_paragraphs(text)))
        }
        QuestionKind::Choice => {
            if text.is_empty() && !q.required {
                return Ok(Value::String(String::new()));
            }
            match q
                .choices
                .iter()
                .find(|c| c.value().eq_ignore_ascii_case(text))
            {
                Some(c) => Ok(Value::String(c.value().to_string())),
                None => {
                    let values: Vec<String> = q
                        .choices
                        .iter()
                        .map(|c| format!("`{}`", c.value()))
                        .collect();
                    Err(format!("`{text}` is not one of {}", values.join(", ")))
                }
            }
        }
        QuestionKind::Bool => match text.to_ascii_lowercase().as_str() {
            "y" | "yes" | "true" => Ok(Value::Bool(true)),
            "n" | "no" | "false" => Ok(Value::Bool(false)),
            "" if !q.required => Ok(Value::Bool(false)),
            _ => Err(format!("`{text}` is not yes or no")),
        },
    }
}

/// Trims trailing spaces from lines and collapses runs of blank lines.
fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Where a provided answer came from, for error messages.
#[derive(Debug, Clone)]
pub struct Provided {
    /// The raw value.
    pub value: String,
    /// `--set`, or the answers file path.
    pub origin: String,
}

/// Resolves every question: provided values are validated, missing ones asked (or defaulted).
pub fn resolve(
    questions: &[Question],
    provided: &BTreeMap<String, Provided>,
    asker: &mut dyn Asker,
    interactive: bool,
) -> Result<BTreeMap<String, Value>> {
    let mut answers = BTreeMap::new();
    for q in questions {
        let value = match provided.get(&q.key) {
            Some(p) => validate(q, &p.value).map_err(|why| {
                Error::usage(format!(
                    "invalid answer for `{}` (from {}): {why}",
                    q.key, p.origin
                ))
            })?,
            None if !interactive && q.default.is_some() => {
                validate(q, q.default.as_deref().unwrap_or_default()).map_err(Error::usage)?
            }
            None if !interactive && !q.required => validate(q, "").map_err(Error::usage)?,
            None => {
                let mut error: Option<String> = None;
                loop {
                    let raw = asker.ask(q, error.as_deref())?;
                    match validate(q, &raw) {
                        Ok(v) => break v,
                        Err(why) => error = Some(why),
                    }
                }
            }
        };
        answers.insert(q.key.clone(), value);
    }
    Ok(answers)
}

/// Parses `--set KEY=VALUE` arguments.
pub fn parse_sets(sets: &[String]) -> Result<BTreeMap<String, Provided>> {
    let mut out = BTreeMap::new();
    for s in sets {
        let Some((k, v)) = s.split_once('=') else {
            return Err(
                Error::usage(format!("`--set {s}` is not of the form KEY=VALUE"))
                    .hint("for example: --set personal=\"I am a nurse in Leeds\""),
            );
        };
        out.insert(
            k.trim().to_string(),
            Provided {
                value: v.to_string(),
                origin: "--set".into(),
            },
        );
    }
    Ok(out)
}

/// Reads an answers file: a YAML mapping of keys to strings, numbers or booleans.
pub fn read_answers_file(path: &std::path::Path) -> Result<BTreeMap<String, Provided>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io("read answers file", path, &e))?;
    let map: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(&text).map_err(|e| {
        let line = e
            .location()
            .map(|l| format!(":{}", l.line()))
            .unwrap_or_default();
        Error::usage(format!(
            "answers file `{}{line}`: {}",
            path.display(),
            crate::error::yaml_reason(&e)
        ))
        .hint("an answers file is YAML with one `key: value` per question")
    })?;
    let mut out = BTreeMap::new();
    for (k, v) in map {
        let value = match v {
            serde_yaml::Value::String(s) => s,
            serde_yaml::Value::Bool(b) => b.to_string(),
            serde_yaml::Value::Number(n) => n.to_string(),
            serde_yaml::Value::Null => String::new(),
            _ => {
                return Err(Error::usage(format!(
                    "answers file `{}`: the answer for `{k}` must be text, a number or yes/no",
                    path.display()
                )));
            }
        };
        out.insert(
            k,
            Provided {
                value,
                origin: path.display().to_string(),
            },
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::Choice;

    fn q(kind: QuestionKind) -> Question {
        Question {
            key: "k".into(),
            prompt: "P".into(),
            help: None,
            kind,
            default: None,
            choices: vec![Choice::Plain("a".into()), Choice::Plain("b".into())],
            required: true,
            max_length: Some(10),
        }
    }

    #[test]
    fn validates_like_typed() {
        assert_eq!(
            validate(&q(QuestionKind::Bool), "Yes").unwrap(),
            Value::Bool(true)
        );
        assert!(validate(&q(QuestionKind::Bool), "maybe").is_err());
        assert_eq!(
            validate(&q(QuestionKind::Choice), "B").unwrap(),
            Value::String("b".into())
        );
        assert!(
            validate(&q(QuestionKind::Choice), "c")
                .unwrap_err()
                .contains("`a`, `b`")
        );
        assert!(validate(&q(QuestionKind::Text), "").is_err());
        assert!(
            validate(&q(QuestionKind::Text), "01234567890")
                .unwrap_err()
                .contains("limit is 10")
        );
        assert_eq!(
            validate(&q(QuestionKind::Multiline), "a  \n\n\n\nb").unwrap(),
            Value::String("a\n\nb".into())
        );
    }

    #[test]
    fn scripted_names_the_flag() {
        let err = resolve(
            &[q(QuestionKind::Text)],
            &BTreeMap::new(),
            &mut Scripted,
            false,
        )
        .unwrap_err();
        assert_eq!(err.message(), "missing answer for `k`; pass --set k=...");
    }
}
