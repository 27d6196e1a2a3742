//! Composing letters: a pure function of template, recipient, answers, sender and date.
//!
//! Owns the render context that templates see, numbering citations and building the
//! "Sources" list, and the plain-text and Markdown layouts of a letter. It performs no I/O:
//! writing files is [`crate::output`]'s job and sending is the mail module's.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::profile::Profile;
use crate::recipients::Recipient;
use crate::templates::{self, CITE_CLOSE, CITE_OPEN, Library, Source, Template};

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
    /// The sources cited, in the order of their numbers.
    pub sources: Vec<Source>,
    /// How much of the letter is the writer's own words.
    pub score: crate::similarity::Score,
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
            Value::String(templates::salutation(recipient)),
        );
        map.insert(
            "signoff".into(),
            Value::String(templates::signoff(recipient).into()),
        );
        map.insert(
            "address_name".into(),
            Value::String(address_name(recipient)),
        );
        map.insert(
            "is_legislator".into(),
            Value::Bool(crate::recipients::is_legislature(&recipient.body)),
        );
    }
    let date_style = if sender.country.as_deref() == Some("US") {
        "us"
    } else {
        "long"
    };
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
        "date": templates::format_date(date, date_style),
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
    template.questions.iter().any(|q| {
        q.key == key
            && matches!(
                q.kind,
                crate::templates::QuestionKind::Text | crate::templates::QuestionKind::Multiline
            )
    })
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
    let bare = tidy(&bare);
    let score = crate::similarity::score(&body, &bare);
    Ok(Letter {
        template_id: template.id.clone(),
        recipient: recipient.clone(),
        sender: sender.clone(),
        date,
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        body,
        sources,
        score,
        bare,
    })
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

/// The name as written on an envelope: "Senator Elizabeth Warren", "Alex Baker MP".
pub fn address_name(r: &Recipient) -> String {
    let mut name = match &r.honorific {
        Some(h) if r.family_name.is_some() => format!("{h} {}", r.name),
        _ => r.name.clone(),
    };
    if let Some(p) = &r.post_nominal {
        name = format!("{name} {p}");
    }
    name
}

impl Letter {
    /// Replaces the body (after the writer edited it) and updates the score.
    pub fn set_body(&mut self, body: String) {
        self.score = crate::similarity::score(&body, &self.bare);
        self.body = body;
    }

    /// The recipient's address block: name, organisation, postal lines.
    pub fn recipient_block(&self) -> Vec<String> {
        let mut lines = vec![address_name(&self.recipient)];
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
        let style = if self.sender.country.as_deref() == Some("US") {
            "us"
        } else {
            "long"
        };
        templates::format_date(self.date, style)
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

    /// A printable plain-text letter.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for l in self.sender_block() {
            out.push_str(&l);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.date_text());
        out.push_str("\n\n");
        for l in self.recipient_block() {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str(&format!("\nSubject: {}\n\n", self.subject));
        out.push_str(&self.email_text());
        out
    }

    /// The one question the letter asks (the paragraph that asks it).
    pub fn ask(&self) -> Option<&str> {
        self.body.split("\n\n").find(|p| {
            let p = p.trim_start();
            p.contains('?')
                && ["Will ", "Could ", "My question", "Would you support"]
                    .iter()
                    .any(|s| p.starts_with(s) || p.contains(&format!(". {s}")))
        })
    }

    /// What to write on an envelope (a window envelope shows the address printed on the PDF).
    pub fn envelope(&self) -> String {
        let mut out = String::from("To:\n");
        for l in self.recipient_block() {
            out.push_str(&format!("    {l}\n"));
        }
        out.push_str("\nReturn address (top left, or on the back):\n");
        for l in std::iter::once(self.sender.signature()).chain(self.sender.address_lines()) {
            out.push_str(&format!("    {l}\n"));
        }
        out
    }

    /// A short script for calling the office: who you are, where you live, the one ask.
    pub fn call_script(&self) -> String {
        let r = &self.recipient;
        let mut out = format!("Call script: {}\n\n", address_name(r));
        let mut numbers = Vec::new();
        if let Some(p) = &r.contact.phone {
            numbers.push(format!("{p} (main office)"));
        }
        numbers.extend(
            r.contact
                .offices
                .iter()
                .filter_map(|o| o.phone.as_ref().map(|p| format!("{p} ({} office)", o.name))),
        );
        if numbers.is_empty() {
            out.push_str("No phone number is known for this office.\n\n");
        } else {
            out.push_str("Phone:\n");
            for n in numbers {
                out.push_str(&format!("  {n}\n"));
            }
            out.push('\n');
        }
        let place = self
            .sender
            .address_lines()
            .last()
            .cloned()
            .unwrap_or_default();
        out.push_str("Say:\n\n");
        out.push_str(&format!(
            "Hello, my name is {}{}. I am calling about forced organ harvesting in China and transplant tourism.\n\n",
            self.sender.name,
            if place.is_empty() { String::new() } else { format!(" and I live in {place}") }
        ));
        if let Some(ask) = self.ask() {
            out.push_str(ask.trim());
            out.push_str("\n\n");
        }
        out.push_str("I don't need a response. Thank you for passing this on.\n\n");
        out.push_str("Tips: staff take a note of your name, town and request; keep it short and polite. If you reach voicemail, leave the same message with your phone number.\n");
        out
    }

    /// The letter for a web contact form: subject and message within usual field limits.
    pub fn form_text(&self) -> String {
        const SUBJECT_LIMIT: usize = 100;
        const MESSAGE_LIMIT: usize = 4000;
        let subject: String = self.subject.chars().take(SUBJECT_LIMIT).collect();
        let mut message = self.email_text();
        if message.chars().count() > MESSAGE_LIMIT {
            // Keep the letter; shorten the sources to their addresses.
            let mut short = self.body.clone();
            short.push_str("\n\nSources: ");
            short.push_str(
                &self
                    .sources
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        format!(
                            "[{}] {}",
                            i + 1,
                            s.url.clone().unwrap_or_else(|| s.title.clone())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            message = short.chars().take(MESSAGE_LIMIT).collect();
        }
        let mut out = String::new();
        if let Some(url) = &self.recipient.contact.contact_form {
            out.push_str(&format!("Contact form: {url}\n"));
        }
        out.push_str("Many forms ask for your name, postal address and email in separate fields; fill those in first.\n\n");
        out.push_str(&format!(
            "Subject ({} characters):\n{subject}\n\n",
            subject.chars().count()
        ));
        out.push_str(&format!(
            "Message ({} characters):\n{}\n",
            message.chars().count(),
            message.trim_end()
        ));
        out
    }

    /// The letter in Markdown.
    pub fn to_markdown(&self) -> String {
        let hard = |lines: Vec<String>| {
            lines
                .iter()
                .map(|l| md_escape(l))
                .collect::<Vec<_>>()
                .join("  \n")
        };
        let mut out = String::new();
        out.push_str(&hard(self.sender_block()));
        out.push_str("\n\n");
        out.push_str(&self.date_text());
        out.push_str("\n\n");
        out.push_str(&hard(self.recipient_block()));
        out.push_str(&format!(
            "\n\n**Subject: {}**\n\n",
            md_escape(&self.subject)
        ));
        // Keep the writer's line breaks inside paragraphs (e.g. "Sincerely,\nName").
        let paragraphs: Vec<String> = self
            .body
            .split("\n\n")
            .map(|p| p.lines().map(md_escape).collect::<Vec<_>>().join("  \n"))
            .collect();
        out.push_str(&paragraphs.join("\n\n"));
        out.push('\n');
        if !self.sources.is_empty() {
            out.push_str("\n## Sources\n\n");
            for (i, s) in self.sources.iter().enumerate() {
                out.push_str(&format!("{}. {}\n", i + 1, source_line(s)));
            }
        }
        out
    }
}

/// "Title, Publisher, Date. URL"
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

/// Escapes characters that would start Markdown markup at the start of a line or inline.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if matches!(c, '*' | '_' | '`' | '<' | '>' | '#' | '[' | ']' | '\\')
            || (i == 0 && matches!(c, '-' | '+'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\nA  \n\n\n\nB\nC\n\n"), "A\n\nB\nC");
    }
}
