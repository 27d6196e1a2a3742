//! A template's questions: their schema (kind, choices and a default typed by kind), checking
//! a question as declared, and answering it with one resolver for typed and provided values.
//!
//! A value given with `--set`, an answers file or a profile is validated exactly like a typed
//! one. Only when nothing was provided does the resolver ask, through an [`Asker`]; the
//! scripted asker fails with the key and the flag to pass. Prompting itself lives in
//! `interactive`, the only module that talks to the terminal. Templates use this schema; this
//! module knows nothing of templates.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// One question of a template, as declared in its front matter (see [`RawQuestion`] for the
/// YAML keys) and checked by [`Question::from_raw`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "RawQuestion")]
pub struct Question {
    /// The key: answers are `answers.KEY` in the body and `--set KEY=...` on the command line.
    pub key: String,
    /// What the wizard asks.
    pub prompt: String,
    /// A longer explanation shown under the prompt.
    pub help: Option<String>,
    /// How it is answered, with the default of that kind.
    pub kind: QuestionKind,
    /// Whether an answer must be given (default true).
    pub required: bool,
    /// Longest accepted answer, in characters.
    pub max_length: Option<usize>,
    /// Where the wizard finds this question's words in another language: `TEMPLATE-KEY`,
    /// for the messages `question-TEMPLATE-KEY`, `question-TEMPLATE-KEY-help` and
    /// `choice-TEMPLATE-KEY-VALUE` (see `i18n/README.md`); empty when not from a template.
    pub ui_id: String,
}

/// How a question is answered, and its default typed to match.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// One line of text.
    Text {
        /// Used when nothing is given.
        default: Option<String>,
    },
    /// Paragraphs of text (the wizard offers an editor).
    Multiline {
        /// Used when nothing is given.
        default: Option<String>,
    },
    /// One of `choices`.
    Choice {
        /// The allowed values (at least one).
        choices: Vec<Choice>,
        /// One of the choices' values.
        default: Option<String>,
    },
    /// Yes or no.
    Bool {
        /// Used when nothing is given.
        default: Option<bool>,
    },
}

impl Question {
    /// This question with `raw` (an earlier answer, as typed) as its default, so that the
    /// wizard offers it again when the writer goes back; `raw` that is not a valid answer
    /// leaves the question as it is.
    pub fn with_default(mut self, raw: &str) -> Question {
        let Ok(value) = validate(&self, raw) else {
            return self;
        };
        match &mut self.kind {
            QuestionKind::Text { default } | QuestionKind::Multiline { default } => {
                *default = Some(raw.trim().to_string()).filter(|s| !s.is_empty());
            }
            QuestionKind::Choice { default, .. } => *default = value.as_str().map(str::to_string),
            QuestionKind::Bool { default } => *default = value.as_bool(),
        }
        self
    }
}

impl QuestionKind {
    /// The name used in front matter: `text`, `multiline`, `choice` or `bool`.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Text { .. } => "text",
            QuestionKind::Multiline { .. } => "multiline",
            QuestionKind::Choice { .. } => "choice",
            QuestionKind::Bool { .. } => "bool",
        }
    }

    /// Whether the answer is the writer's own text (text or multiline).
    pub fn is_free_text(&self) -> bool {
        matches!(
            self,
            QuestionKind::Text { .. } | QuestionKind::Multiline { .. }
        )
    }
}

impl Question {
    /// The choices of a `choice` question; empty for other kinds.
    pub fn choices(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Choice { choices, .. } => choices,
            _ => &[],
        }
    }

    /// The default as the text a person would type ("yes"/"no" for bool), if there is one.
    pub fn default_text(&self) -> Option<String> {
        match &self.kind {
            QuestionKind::Text { default }
            | QuestionKind::Multiline { default }
            | QuestionKind::Choice { default, .. } => default.clone(),
            QuestionKind::Bool { default } => {
                default.map(|b| if b { "yes" } else { "no" }.to_string())
            }
        }
    }

    /// Checks a declared question; returns the typed question or every problem, each as a
    /// sentence with values in backticks.
    pub fn from_raw(raw: RawQuestion) -> std::result::Result<Question, Vec<String>> {
        let mut problems = Vec::new();
        if raw.key.is_empty()
            || !raw
                .key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            problems.push(format!(
                "question key `{}` must be letters, digits and underscores",
                raw.key
            ));
        }
        let text_default =
            |v: &Option<serde_yaml::Value>| -> std::result::Result<Option<String>, String> {
                match v {
                    None | Some(serde_yaml::Value::Null) => Ok(None),
                    Some(serde_yaml::Value::String(s)) => Ok(Some(s.clone())),
                    Some(serde_yaml::Value::Number(n)) => Ok(Some(n.to_string())),
                    Some(serde_yaml::Value::Bool(b)) => {
                        Ok(Some(if *b { "yes" } else { "no" }.into()))
                    }
                    Some(_) => Err("it must be text".to_string()),
                }
            };
        let kind = match raw.kind {
            RawKind::Text | RawKind::Multiline => {
                if !raw.choices.is_empty() {
                    problems.push(format!(
                        "question `{}` has `choices` but its kind is not `choice`",
                        raw.key
                    ));
                }
                let default = text_default(&raw.default).unwrap_or_else(|why| {
                    problems.push(format!(
                        "default of question `{}` is invalid: {why}",
                        raw.key
                    ));
                    None
                });
                if raw.kind == RawKind::Text {
                    QuestionKind::Text { default }
                } else {
                    QuestionKind::Multiline { default }
                }
            }
            RawKind::Choice => {
                if raw.choices.is_empty() {
                    problems.push(format!(
                        "question `{}` is a choice but has no `choices`",
                        raw.key
                    ));
                }
                let default = text_default(&raw.default).unwrap_or_else(|why| {
                    problems.push(format!(
                        "default of question `{}` is invalid: {why}",
                        raw.key
                    ));
                    None
                });
                QuestionKind::Choice {
                    choices: raw.choices,
                    default,
                }
            }
            RawKind::Bool => {
                if !raw.choices.is_empty() {
                    problems.push(format!(
                        "question `{}` has `choices` but its kind is not `choice`",
                        raw.key
                    ));
                }
                let default = match &raw.default {
                    None | Some(serde_yaml::Value::Null) => None,
                    Some(serde_yaml::Value::Bool(b)) => Some(*b),
                    Some(serde_yaml::Value::String(s)) => match parse_bool(s) {
                        Some(b) => Some(b),
                        None => {
                            problems.push(format!(
                                "default of question `{}` is invalid: `{s}` is not yes or no",
                                raw.key
                            ));
                            None
                        }
                    },
                    Some(_) => {
                        problems.push(format!(
                            "default of question `{}` is invalid: it must be yes or no",
                            raw.key
                        ));
                        None
                    }
                };
                QuestionKind::Bool { default }
            }
        };
        let q = Question {
            key: raw.key,
            prompt: raw.prompt,
            help: raw.help,
            kind,
            required: raw.required,
            max_length: raw.max_length,
            ui_id: String::new(),
        };
        if let Some(d) = q.default_text()
            && let Err(why) = validate(&q, &d)
        {
            problems.push(format!("default of question `{}` is invalid: {why}", q.key));
        }
        if problems.is_empty() {
            Ok(q)
        } else {
            Err(problems)
        }
    }
}

/// A question as written in front matter (the YAML keys template authors use).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// The key: letters, digits and underscores.
    pub key: String,
    /// What the wizard asks.
    pub prompt: String,
    /// A longer explanation shown under the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// `text` (default), `multiline`, `choice` or `bool`.
    #[serde(default)]
    pub kind: RawKind,
    /// The value used when nothing is given (for choice: a choice value; for bool: yes/no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_yaml::Value>,
    /// For `choice`: the allowed values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Whether an answer must be given (default true).
    #[serde(default = "yes")]
    pub required: bool,
    /// Longest accepted answer, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
}

fn yes() -> bool {
    true
}

/// The `kind:` key of a question.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RawKind {
    /// One line of text.
    #[default]
    Text,
    /// Paragraphs.
    Multiline,
    /// One of `choices`.
    Choice,
    /// Yes or no.
    Bool,
}

impl From<Question> for RawQuestion {
    fn from(q: Question) -> RawQuestion {
        let default = q.default_text().map(serde_yaml::Value::String);
        let (kind, choices) = match q.kind {
            QuestionKind::Text { .. } => (RawKind::Text, Vec::new()),
            QuestionKind::Multiline { .. } => (RawKind::Multiline, Vec::new()),
            QuestionKind::Choice { choices, .. } => (RawKind::Choice, choices),
            QuestionKind::Bool { .. } => (RawKind::Bool, Vec::new()),
        };
        RawQuestion {
            key: q.key,
            prompt: q.prompt,
            help: q.help,
            kind,
            default,
            choices,
            required: q.required,
            max_length: q.max_length,
        }
    }
}

/// A choice: a value and an optional label.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Choice {
    /// Just a value.
    Plain(String),
    /// A value with a label shown in the wizard.
    Labelled {
        /// What goes into the letter and `--set`.
        value: String,
        /// What the wizard shows.
        label: String,
    },
}

impl Choice {
    /// The value.
    pub fn value(&self) -> &str {
        match self {
            Choice::Plain(v) => v,
            Choice::Labelled { value, .. } => value,
        }
    }
    /// The label (the value when there is none).
    pub fn label(&self) -> &str {
        match self {
            Choice::Plain(v) => v,
            Choice::Labelled { label, .. } => label,
        }
    }
}

/// `yes`/`y`/`true` → true, `no`/`n`/`false` → false (any case); anything else → None.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" => Some(true),
        "n" | "no" | "false" => Some(false),
        _ => None,
    }
}

/// Something that can ask a question when no answer was provided.
pub trait Asker {
    /// Asks `q` and returns the raw answer text (validated by the caller; asked again on error).
    fn ask(&mut self, q: &Question, error: Option<&str>) -> Result<String>;
}

/// The asker for scripts: it never asks, it explains what to pass.
pub struct Scripted;

impl Asker for Scripted {
    fn ask(&mut self, q: &Question, _: Option<&str>) -> Result<String> {
        let example = match &q.kind {
            QuestionKind::Bool { .. } => "yes".to_string(),
            QuestionKind::Choice { choices, .. } => choices
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
    match &q.kind {
        QuestionKind::Text { .. } | QuestionKind::Multiline { .. } => {
            if q.required && text.is_empty() {
                return Err("an answer is required".into());
            }
            if matches!(q.kind, QuestionKind::Text { .. }) && text.contains('\n') {
                return Err("it must be a single line".into());
            }
            // Line breaks (and tabs) belong in a multi-line answer; other control characters
            // (escape sequences, NUL, DEL...) belong nowhere in a letter.
            let allowed = |c: char| {
                matches!(q.kind, QuestionKind::Multiline { .. }) && matches!(c, '\n' | '\r' | '\t')
            };
            if let Some(c) = text.chars().find(|c| c.is_control() && !allowed(*c)) {
                return Err(format!(
                    "it contains a control character (U+{:04X}); type plain text",
                    c as u32
                ));
            }
            Ok(Value::String(normalize_paragraphs(text)))
        }
        QuestionKind::Choice { choices, .. } => {
            if text.is_empty() && !q.required {
                return Ok(Value::String(String::new()));
            }
            match choices
                .iter()
                .find(|c| c.value().eq_ignore_ascii_case(text))
            {
                Some(c) => Ok(Value::String(c.value().to_string())),
                None => {
                    let values: Vec<String> =
                        choices.iter().map(|c| format!("`{}`", c.value())).collect();
                    Err(format!("`{text}` is not one of {}", values.join(", ")))
                }
            }
        }
        QuestionKind::Bool { .. } => match parse_bool(text) {
            Some(b) => Ok(Value::Bool(b)),
            None if text.is_empty() && !q.required => Ok(Value::Bool(false)),
            None => Err(format!("`{text}` is not yes or no")),
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
            None if !interactive && q.default_text().is_some() => {
                validate(q, &q.default_text().unwrap_or_default()).map_err(Error::usage)?
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
    let text = crate::support::fs::read_text(path, "answers file")?;
    crate::support::text::check_yaml_nesting(&text).map_err(|(line, why)| {
        Error::usage(format!("answers file `{}:{line}`: {why}", path.display()))
    })?;
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

    fn q(kind: RawKind) -> Question {
        let kind = match kind {
            RawKind::Text => QuestionKind::Text { default: None },
            RawKind::Multiline => QuestionKind::Multiline { default: None },
            RawKind::Choice => QuestionKind::Choice {
                choices: vec![Choice::Plain("a".into()), Choice::Plain("b".into())],
                default: None,
            },
            RawKind::Bool => QuestionKind::Bool { default: None },
        };
        Question {
            key: "k".into(),
            prompt: "P".into(),
            help: None,
            kind,
            required: true,
            max_length: Some(10),
            ui_id: String::new(),
        }
    }

    #[test]
    fn bool_defaults_are_typed() {
        let raw: RawQuestion =
            serde_yaml::from_str("key: k\nprompt: P\nkind: bool\ndefault: \"yes\"").unwrap();
        let q = Question::from_raw(raw).unwrap();
        assert_eq!(
            q.kind,
            QuestionKind::Bool {
                default: Some(true)
            }
        );
        let raw: RawQuestion =
            serde_yaml::from_str("key: k\nprompt: P\nkind: bool\ndefault: maybe").unwrap();
        assert!(Question::from_raw(raw).unwrap_err()[0].contains("`maybe` is not yes or no"));
    }

    #[test]
    fn validates_like_typed() {
        assert_eq!(
            validate(&q(RawKind::Bool), "Yes").unwrap(),
            Value::Bool(true)
        );
        assert!(validate(&q(RawKind::Bool), "maybe").is_err());
        assert_eq!(
            validate(&q(RawKind::Choice), "B").unwrap(),
            Value::String("b".into())
        );
        assert!(
            validate(&q(RawKind::Choice), "c")
                .unwrap_err()
                .contains("`a`, `b`")
        );
        assert!(validate(&q(RawKind::Text), "").is_err());
        assert!(
            validate(&q(RawKind::Text), "01234567890")
                .unwrap_err()
                .contains("limit is 10")
        );
        assert_eq!(
            validate(&q(RawKind::Multiline), "a  \n\n\n\nb").unwrap(),
            Value::String("a\n\nb".into())
        );
    }

    #[test]
    fn scripted_names_the_flag() {
        let err = resolve(&[q(RawKind::Text)], &BTreeMap::new(), &mut Scripted, false).unwrap_err();
        assert_eq!(err.message(), "missing answer for `k`; pass --set k=...");
    }
}
