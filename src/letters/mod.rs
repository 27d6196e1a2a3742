//! Composing letters: a pure function of template, recipient, answers, sender and date.
//!
//! Owns the render context that templates see, the seeded choice of wordings, numbering
//! citations, finding the one ask the template marked, and the own-words check
//! ([`similarity`]). It performs no I/O and knows no file format: the layouts of a letter are
//! `render`'s, writing files is `output`'s and sending is `mail`'s.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::questions`], [`crate::data`],
//! [`crate::conventions`].

pub mod similarity;

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::conventions::{self, DateStyle};
use crate::data::profile::Profile;
use crate::data::recipients::Recipient;
use crate::data::templates::{
    ASK_CLOSE, ASK_OPEN, CITE_CLOSE, CITE_OPEN, Library, Source, Template,
};
use crate::error::{Error, Result};

/// A finished letter to one recipient.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The template it was written from.
    pub template_id: String,
    /// Who it is to.
    pub recipient: Recipient,
    /// Who it is from.
    pub sender: Profile,
    /// The date on the letter.
    pub date: jiff::civil::Date,
    /// Subject line.
    pub subject: String,
    /// From the salutation to the signature, citations numbered `[1]`.
    pub body: String,
    /// The one yes/no question the template marked with `{{#ask}}`, as written in the body.
    pub ask: Option<String>,
    /// What the letter is about, in a few words (the template's `topic`).
    pub topic: String,
    /// The sources cited, in the order of their numbers.
    pub sources: Vec<Source>,
    /// How much of the letter is the writer's own words.
    pub score: similarity::Score,
    /// The bare template text the score compares with.
    pub bare: String,
}

/// Builds the data a template renders with; `variant` holds the chosen wording of each of
/// the template's variants.
pub fn context(
    recipient: &Recipient,
    sender: &Profile,
    answers: &BTreeMap<String, Value>,
    date: jiff::civil::Date,
    variant: &BTreeMap<String, String>,
) -> Value {
    let mut r = serde_json::to_value(recipient).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut r {
        // Optional fields are present (as null) so strict mode can test them with {{#if}}.
        for key in [
            "given_name",
            "family_name",
            "honorific",
            "post_nominal",
            "role",
            "organisation",
            "region",
            "district",
            "party",
            "source",
            "as_of",
        ] {
            map.entry(key).or_insert(Value::Null);
        }
        map.insert(
            "salutation".into(),
            Value::String(conventions::salutation(recipient)),
        );
        map.insert(
            "signoff".into(),
            Value::String(conventions::signoff(recipient).into()),
        );
        map.insert(
            "address_name".into(),
            Value::String(conventions::address_name(recipient)),
        );
        map.insert(
            "is_legislator".into(),
            Value::Bool(crate::data::recipients::is_legislature(&recipient.body)),
        );
    }
    let date_style = DateStyle::for_country(sender.country.as_deref());
    json!({
        "recipient": r,
        "sender": {
            "name": sender.name,
            "signature": sender.signature(),
            "email": sender.email,
            "address": sender.address_lines(),
            "country": sender.country,
            "phone": sender.phone,
            "title": sender.title,
            "postcode": sender.postcode,
        },
        "answers": answers,
        "variant": variant,
        "date": conventions::format_date(date, date_style),
        "today": date.to_string(),
    })
}

/// How a letter is varied: the seed that picks each variant's wording.
#[derive(Debug, Clone, Copy)]
pub struct Seed(pub u64);

impl Seed {
    /// The default seed: from the sender's name, so one person's letters are stable from run
    /// to run while different people's letters differ.
    pub fn for_sender(sender: &Profile) -> Seed {
        Seed(fnv1a(sender.name.trim().to_lowercase().as_bytes()))
    }

    /// Picks one wording per variant for this recipient.
    pub fn choose(self, template: &Template, recipient: &Recipient) -> BTreeMap<String, String> {
        template
            .variants
            .iter()
            .map(|(name, options)| {
                let key = format!("{}\u{0}{}\u{0}{name}", self.0, recipient.id);
                let i = (fnv1a(key.as_bytes()) % options.len().max(1) as u64) as usize;
                (name.clone(), options.get(i).cloned().unwrap_or_default())
            })
            .collect()
    }
}

/// FNV-1a: a small hash that is the same on every platform and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a question's answer is the writer's own text (text or multiline).
fn is_free_text(template: &Template, key: &str) -> bool {
    template
        .questions
        .iter()
        .any(|q| q.key == key && q.kind.is_free_text())
}

/// Renders one letter.
pub fn compose(
    library: &Library,
    template: &Template,
    recipient: &Recipient,
    sender: &Profile,
    answers: &BTreeMap<String, Value>,
    date: jiff::civil::Date,
    seed: Seed,
) -> Result<Letter> {
    let variant = seed.choose(template, recipient);
    let data = context(recipient, sender, answers, date, &variant);
    let (body, subject) = library.render(template, &data)?;
    let (body, sources) = number_citations(&body, template)?;
    let (body, ask) = take_ask(&body, template)?;
    let body = tidy(&body);
    // The same letter with every written answer left empty: the template's own words.
    let bare_answers: BTreeMap<String, Value> = answers
        .iter()
        .map(|(k, v)| {
            let blank = v.is_string() && is_free_text(template, k);
            (
                k.clone(),
                if blank {
                    Value::String(String::new())
                } else {
                    v.clone()
                },
            )
        })
        .collect();
    let bare_data = context(recipient, sender, &bare_answers, date, &variant);
    let (bare, _) = library.render(template, &bare_data)?;
    let (bare, _) = number_citations(&bare, template)?;
    let (bare, _) = take_ask(&bare, template)?;
    let bare = tidy(&bare);
    let score = similarity::score(&body, &bare);
    Ok(Letter {
        template_id: template.id.clone(),
        recipient: recipient.clone(),
        sender: sender.clone(),
        date,
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        body,
        ask,
        topic: template.topic.clone(),
        sources,
        score,
        bare,
    })
}

/// Removes the ask marks from a rendered body; returns the body and the marked question.
/// Errors when a template rendered more than one ask for this recipient.
fn take_ask(text: &str, template: &Template) -> Result<(String, Option<String>)> {
    let mut out = String::with_capacity(text.len());
    let mut ask = None;
    let mut rest = text;
    while let Some(start) = rest.find(ASK_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + ASK_OPEN.len_utf8()..];
        let end = after.find(ASK_CLOSE).unwrap_or(after.len());
        let question = after[..end].trim().to_string();
        if ask.is_some() {
            return Err(Error::usage(format!(
                "template `{}` asks more than one question in this letter; a letter has one `{{{{#ask}}}}` block",
                template.id
            )));
        }
        out.push_str(&after[..end]);
        ask = Some(question);
        rest = after.get(end + ASK_CLOSE.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    Ok((out, ask))
}

/// Replaces citation marks with `[n]` in order of first use; returns the cited sources.
fn number_citations(text: &str, template: &Template) -> Result<(String, Vec<Source>)> {
    let mut out = String::with_capacity(text.len());
    let mut cited: Vec<Source> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(CITE_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + CITE_OPEN.len_utf8()..];
        let end = after.find(CITE_CLOSE).unwrap_or(after.len());
        let id = &after[..end];
        let source = template.sources.iter().find(|s| s.id == id).ok_or_else(|| {
            Error::usage(format!(
                "template `{}` cites `{id}`, which is not declared under `sources` in its front matter",
                template.id
            ))
        })?;
        let n = match cited.iter().position(|s| s.id == id) {
            Some(i) => i + 1,
            None => {
                cited.push(source.clone());
                cited.len()
            }
        };
        out.push_str(&format!("[{n}]"));
        rest = after.get(end + CITE_CLOSE.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    Ok((out, cited))
}

/// Trims line ends, removes leading/trailing blank lines, and keeps at most one blank line
/// between paragraphs (conditional blocks in templates leave extra ones).
pub fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

impl Letter {
    /// Replaces the body (after the writer edited it) and updates the score.
    pub fn set_body(&mut self, body: String) {
        self.score = similarity::score(&body, &self.bare);
        self.ask = self.ask.take().filter(|a| body.contains(a.as_str()));
        self.body = body;
    }

    /// The recipient's address block: name, organisation, postal lines.
    pub fn recipient_block(&self) -> Vec<String> {
        let mut lines = vec![conventions::address_name(&self.recipient)];
        if let Some(org) = &self.recipient.organisation {
            lines.push(org.clone());
        }
        lines.extend(
            self.recipient
                .contact
                .postal_for(&self.sender.address_lines()),
        );
        lines
    }

    /// The sender's block: name, address, email, phone.
    pub fn sender_block(&self) -> Vec<String> {
        let mut lines = vec![self.sender.signature()];
        lines.extend(self.sender.address_lines());
        lines.extend(self.sender.email.iter().cloned());
        lines.extend(self.sender.phone.iter().map(|p| format!("Tel. {p}")));
        lines
    }

    /// The date as written on the letter.
    pub fn date_text(&self) -> String {
        conventions::format_date(
            self.date,
            DateStyle::for_country(self.sender.country.as_deref()),
        )
    }

    /// The body plus the numbered sources, as sent in an email.
    pub fn email_text(&self) -> String {
        let mut out = self.body.clone();
        out.push('\n');
        if !self.sources.is_empty() {
            out.push_str("\nSources\n");
            for (i, s) in self.sources.iter().enumerate() {
                out.push_str(&format!("[{}] {}\n", i + 1, source_line(s)));
            }
        }
        out
    }
}

/// "Title, Publisher, Date. URL": one entry of a letter's sources list.
pub fn source_line(s: &Source) -> String {
    let mut line = s.title.clone();
    for part in [&s.publisher, &s.date].into_iter().flatten() {
        line.push_str(", ");
        line.push_str(part);
    }
    line.push('.');
    if let Some(url) = &s.url {
        line.push(' ');
        line.push_str(url);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\nA  \n\n\n\nB\nC\n\n"), "A\n\nB\nC");
    }
}
