//! Composing letters: a pure function of template, recipient, answers, sender and date.
//!
//! Owns the render context that templates see, the seeded choice of wordings, numbering
//! citations, finding the one ask the template marked, and the own-words check
//! ([`similarity`]). It performs no I/O and knows no file format: the layouts of a letter are
//! `render`'s, writing files is `output`'s and sending is `mail`'s.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::questions`], [`crate::data`],
//! [`crate::conventions`].

pub mod readability;
pub mod similarity;

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::conventions::{self, DateStyle};
use crate::data::campaign::{Campaign, Expired, Prose};
use crate::data::profile::Profile;
use crate::data::recipients::Recipient;
use crate::data::templates::{
    ASK_CLOSE, ASK_OPEN, CITE_CLOSE, CITE_OPEN, Library, OWN_CLOSE, OWN_OPEN, RenderData, Source,
    Template,
};
use crate::error::{Error, Result};

/// A finished letter to one recipient.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The template it was written from.
    pub template_id: String,
    /// The language it is written in (a BCP 47 tag: `en`, `fr`, `he`...).
    pub language: String,
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
    /// Whether the sources go in a note below the signature with no marks in the text
    /// (letters for print); otherwise they are numbered `[1]` in the text.
    pub source_note: bool,
    /// How much of the letter is the writer's own words.
    pub score: similarity::Score,
    /// The bare template text the score compares with.
    pub bare: String,
    /// Campaign entries that expired and were left out of this letter (for a warning).
    pub expired: Vec<Expired>,
    /// The pending bill the ask is about, as "H.R.1503, the Stop Forced Organ Harvesting Act".
    pub bill: Option<String>,
    /// The first sentence of the writer's own words (at most 10 words), for the call script.
    pub own_line: Option<String>,
    /// Whether the writer asked for a reply (the `reply` answer).
    pub reply_wanted: bool,
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
    let mut data =
        Shared::new(sender, json!(answers), date).data(recipient, Value::Null, "en", true);
    data.insert("variant".into(), json!(variant));
    Value::Object(data)
}

/// The part of a letter's render data that is the same for every recipient of a run (the
/// sender, the answers, the date), made once.
struct Shared {
    sender: serde_json::Map<String, Value>,
    address: Vec<String>,
    answers: Value,
    date: jiff::civil::Date,
}

impl Shared {
    fn new(sender: &Profile, answers: Value, date: jiff::civil::Date) -> Shared {
        let address = sender.address_lines();
        let json = json!({
            "name": sender.name,
            "signature": sender.signature(),
            "email": sender.email,
            "address": address,
            "address_line": address.join(", "),
            "town": conventions::town(&address),
            "country": sender.country,
            "phone": sender.phone,
            "title": sender.title,
            "postcode": sender.postcode,
        });
        let Value::Object(sender) = json else {
            unreachable!("json! of an object is an object")
        };
        Shared {
            sender,
            address,
            answers,
            date,
        }
    }

    /// The render data for `recipient` (everything but `variant`): `recipient`, `sender`,
    /// `answers`, `campaign`, `date`, `today` and `letter` (`language`, and `same_language`:
    /// whether the writer's own words are in the letter's language).
    fn data(
        &self,
        recipient: &Recipient,
        campaign: Value,
        language: &str,
        same_language: bool,
    ) -> serde_json::Map<String, Value> {
        let mut sender = self.sender.clone();
        sender.insert(
            "constituent".into(),
            Value::Bool(conventions::is_constituent(recipient, &self.address)),
        );
        let date_style = DateStyle::for_country(Some(recipient.country.as_str()));
        let mut data = serde_json::Map::new();
        data.insert("recipient".into(), recipient_context(recipient, language));
        data.insert("sender".into(), Value::Object(sender));
        data.insert("answers".into(), self.answers.clone());
        data.insert("campaign".into(), campaign);
        data.insert(
            "date".into(),
            Value::String(conventions::format_date_in(self.date, language, date_style)),
        );
        data.insert("today".into(), Value::String(self.date.to_string()));
        data.insert(
            "letter".into(),
            json!({ "language": language, "same_language": same_language }),
        );
        data
    }
}

/// The `recipient` of a letter's render data: every field of the schema (optional ones as
/// null, so strict mode can test them with `{{#if}}`), plus `salutation`, `signoff`,
/// `address_name` and `is_legislator`; the salutation and sign-off in `language`.
fn recipient_context(recipient: &Recipient, language: &str) -> Value {
    let mut r = serde_json::to_value(recipient).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut r {
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
            Value::String(
                conventions::salutation_in(recipient, language)
                    .unwrap_or_else(|| conventions::salutation(recipient)),
            ),
        );
        map.insert(
            "signoff".into(),
            Value::String(
                conventions::signoff_in(recipient, language)
                    .unwrap_or_else(|| conventions::signoff(recipient).into()),
            ),
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
    r
}

/// How a letter is varied: the seed that picks each variant's wording.
#[derive(Debug, Clone, Copy)]
pub struct Seed(pub u64);

impl Seed {
    /// The default seed: from the writer (name and address) and the date, so one person's
    /// letter is stable within a day while different people's letters differ.
    pub fn for_sender(sender: &Profile, date: jiff::civil::Date) -> Seed {
        let key = format!(
            "{}\u{0}{}\u{0}{date}",
            sender.name.trim().to_lowercase(),
            sender.address_lines().join("\n").to_lowercase()
        );
        Seed(fnv1a(key.as_bytes()))
    }

    /// Which of `count` wordings of the item `name` this recipient's letter uses.
    pub fn pick(self, recipient: &Recipient, name: &str, count: usize) -> usize {
        let key = format!("{}\u{0}{}\u{0}{name}", self.0, recipient.id);
        (fnv1a(key.as_bytes()) % count.max(1) as u64) as usize
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

/// Everything a run's letters share: the templates, the campaign data, the template, the
/// sender, the answers, the date and the seed. [`Request::compose`] makes one letter from it.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// The templates (and their Handlebars registry).
    pub library: &'a Library,
    /// The campaign data, for templates that use it.
    pub campaign: Option<&'a Campaign>,
    /// The template to write.
    pub template: &'a Template,
    /// Who writes.
    pub sender: &'a Profile,
    /// The answers to the template's questions.
    pub answers: &'a BTreeMap<String, Value>,
    /// The date on the letters.
    pub date: jiff::civil::Date,
    /// What picks the wordings.
    pub seed: Seed,
    /// The language of every letter (`--language`); `None` writes to each recipient in their
    /// language ([`conventions::letter_language`]) when the template exists in it, else in
    /// English.
    pub language: Option<&'a str>,
    /// The language the writer's own words are in ([`writer_language`]); `None` when it
    /// cannot be told. When a letter is in another language, a line inviting a reply in
    /// either language follows the writer's words.
    pub writer_language: Option<&'a str>,
}

/// The language of the writer's own words (the `personal` answer, else every free-text answer
/// together), as a BCP 47 tag (`en`, `fr`, `zh`...), detected with the `whatlang` crate;
/// `None` when the text is too short or mixed to tell reliably.
pub fn writer_language(
    template: &Template,
    answers: &BTreeMap<String, Value>,
) -> Option<&'static str> {
    let text: String = match answers.get("personal").and_then(Value::as_str) {
        Some(p) if !p.trim().is_empty() => p.to_string(),
        _ => template
            .questions
            .iter()
            .filter(|q| q.kind.is_free_text())
            .filter_map(|q| answers.get(&q.key).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let info = whatlang::detect(&text)?;
    let enough =
        info.is_reliable() || (text.split_whitespace().count() >= 4 && info.confidence() > 0.5);
    if !enough {
        // Scripts that belong to one language are certain however short the text.
        return match info.script() {
            whatlang::Script::Hebrew => Some("he"),
            whatlang::Script::Mandarin => Some("zh"),
            whatlang::Script::Hiragana | whatlang::Script::Katakana => Some("ja"),
            whatlang::Script::Hangul => Some("ko"),
            _ => None,
        };
    }
    Some(match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Heb => "he",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Ara => "ar",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Pol => "pl",
        whatlang::Lang::Tur => "tr",
        other => other.code(),
    })
}

/// How a template reads for one recipient: its own words (not the writer's), counted in the
/// body without the sources list.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Template words before the writer's first own words (salutation included).
    pub words_before_own: usize,
    /// Template words in all.
    pub words: usize,
    /// The readability of the template's paragraphs (salutation and signature left out) by
    /// the formula for the letter's language ([`readability::formula`]); `None` when there is
    /// none for it.
    pub readability: Option<f64>,
    /// The letter's language.
    pub language: String,
}

/// Stands for the writer's words while a template is measured.
const OWN_WORDS: &str = "OWNWORDSMARK";

impl<'a> Request<'a> {
    /// Measures the template text of the letter to `recipient` (see [`Measure`]).
    pub fn measure(&self, recipient: &Recipient) -> Result<Measure> {
        let marked: BTreeMap<String, Value> = self
            .answers
            .iter()
            .map(|(k, v)| {
                let own =
                    v.as_str().is_some_and(|s| !s.is_empty()) && is_free_text(self.template, k);
                (
                    k.clone(),
                    if own {
                        Value::String(OWN_WORDS.into())
                    } else {
                        v.clone()
                    },
                )
            })
            .collect();
        let letter = Request {
            answers: &marked,
            writer_language: None,
            ..*self
        }
        .compose(recipient)?;
        // Citation numbers are not words.
        let mut text = String::with_capacity(letter.body.len());
        let mut in_mark = false;
        for c in letter.body.chars() {
            match c {
                '[' => in_mark = true,
                ']' if in_mark => in_mark = false,
                _ if !in_mark => text.push(c),
                _ => {}
            }
        }
        let before = text.split(OWN_WORDS).next().unwrap_or("");
        let words_before_own = readability::words(before).count();
        let words = readability::words(&text)
            .filter(|w| *w != OWN_WORDS)
            .count();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let inner = if paragraphs.len() > 2 {
            &paragraphs[1..paragraphs.len() - 1]
        } else {
            &paragraphs[..]
        };
        let prose: String = inner
            .iter()
            .map(|p| p.replace(OWN_WORDS, ""))
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        Ok(Measure {
            words_before_own,
            words,
            readability: readability::score(&prose, &letter.language),
            language: letter.language.clone(),
        })
    }

    /// Renders the letter to `recipient` (see [`Composer`] for many letters).
    ///
    /// Errors: a template that does not render (a missing value, a citation of an undeclared
    /// source, more than one ask), or campaign data with no ask for the topic.
    pub fn compose(&self, recipient: &Recipient) -> Result<Letter> {
        self.composer().compose(recipient)
    }

    /// The template the letter to `recipient` is written from: in `language` if the request
    /// names one (an error when the campaign data cannot say the letter in it), else in the
    /// recipient's language ([`conventions::letter_language`]) when the template and the
    /// campaign data exist in it, else English. With it, when the recipient's language was
    /// wanted but the campaign data lacks a wording in it, what is missing.
    pub fn template_for(
        &self,
        recipient: &Recipient,
    ) -> Result<(&'a Template, Option<Untranslated>)> {
        let wanted = self
            .language
            .unwrap_or_else(|| conventions::letter_language(recipient));
        let t = self.library.in_language(self.template, wanted);
        if t.language == self.template.language {
            return Ok((t, None));
        }
        match self.campaign_data(recipient, &t.language)? {
            Ok(_) => Ok((t, None)),
            Err(missing) if self.language.is_some() => Err(missing.error(&t.language, recipient)),
            Err(missing) => Ok((self.template, Some(missing))),
        }
    }

    /// What composes this request's letters, with what they share worked out once.
    pub fn composer(&self) -> Composer<'a> {
        Composer::build(*self, true)
    }

    /// The `campaign` object the template sees for this recipient in `language`, and the
    /// entries that expired. (The campaign's sources, citable as `cite` marks, are the same for
    /// every letter: [`Composer`] makes them once.) The inner error names the first entry
    /// that has no wording in `language`.
    fn campaign_data(
        &self,
        recipient: &Recipient,
        language: &str,
    ) -> Result<std::result::Result<(Value, Vec<Expired>), Untranslated>> {
        let (Some(campaign), Some(using)) = (self.campaign, self.template.campaign.as_ref()) else {
            return Ok(Ok((Value::Null, Vec::new())));
        };
        let topic = match (&using.topic, &using.topic_from) {
            (Some(t), _) => t.clone(),
            (None, Some(key)) => self
                .answers
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or("law")
                .to_string(),
            (None, None) => "law".into(),
        };
        let (place, role) = crate::data::campaign::place_of(recipient);
        let fit = campaign.fit(&place, &topic, role, self.date)?;
        // The wordings in the letter's language: the English ones, or their translation.
        let words = |what: Prose, id: &str, english: &'a [String]| {
            if language == "en" {
                return Ok(english);
            }
            campaign
                .wordings_in(language, what, id)
                .ok_or_else(|| Untranslated {
                    what,
                    id: id.to_string(),
                })
        };
        let us = recipient.country == "US" && language == "en";
        let spell = |text: &str| {
            if us {
                conventions::us_spelling(text)
            } else {
                text.to_string()
            }
        };
        let cites = |ids: &[String]| -> String {
            ids.iter()
                .map(|id| format!(" {CITE_OPEN}{id}{CITE_CLOSE}"))
                .collect()
        };
        let pick = |name: &str, wordings: &[String]| -> String {
            let i = self.seed.pick(recipient, name, wordings.len());
            spell(wordings.get(i).map(String::as_str).unwrap_or_default())
        };
        // A cited statement: the wording, then its citation marks before the final full stop.
        let cited = |name: &str, wordings: &[String], sources: &[String]| -> String {
            let text = pick(name, wordings);
            let marks = cites(sources);
            match text.strip_suffix(['.', '。']) {
                Some(stem) => format!("{stem}{marks}{}", &text[stem.len()..]),
                None => format!("{text}{marks}"),
            }
        };
        let ask_words = match words(Prose::Ask, &fit.ask.id, &fit.ask.wordings) {
            Ok(w) => w,
            Err(missing) => return Ok(Err(missing)),
        };
        let ask = pick("campaign-ask", ask_words);
        let context = match (fit.context, fit.context_of) {
            (Some(c), Some(of)) => match words(Prose::Context, of, &c.wordings) {
                Ok(w) => Some(cited("campaign-context", w, &c.sources)),
                Err(missing) => return Ok(Err(missing)),
            },
            _ => None,
        };
        let is_position =
            |id: &str| id.starts_with("china-position") || id == "china-medical-association";
        let preferred: Vec<&(String, crate::data::campaign::Fact)> = using
            .facts
            .iter()
            .filter_map(|id| fit.facts.iter().copied().find(|(fid, _)| fid == id))
            .filter(|(id, _)| !is_position(id))
            .collect();
        let candidates: Vec<&(String, crate::data::campaign::Fact)> = if preferred.is_empty() {
            fit.facts
                .iter()
                .copied()
                .filter(|(id, _)| !is_position(id))
                .collect()
        } else {
            preferred
        };
        let state = |id: &str, f: &'a crate::data::campaign::Fact| {
            words(Prose::Fact, id, &f.wordings).map(|w| cited(&format!("fact-{id}"), w, &f.sources))
        };
        let fact = if candidates.is_empty() {
            None
        } else {
            let (id, f) = candidates[self.seed.pick(recipient, "campaign-fact", candidates.len())];
            match state(id, f) {
                Ok(text) => Some(text),
                Err(missing) => return Ok(Err(missing)),
            }
        };
        let positions: Vec<&(String, crate::data::campaign::Fact)> = fit
            .facts
            .iter()
            .copied()
            .filter(|(id, _)| is_position(id))
            .collect();
        let china = if positions.is_empty() {
            None
        } else {
            let (id, f) = positions[self.seed.pick(recipient, "campaign-china", positions.len())];
            match state(id, f) {
                Ok(text) => Some(text),
                Err(missing) => return Ok(Err(missing)),
            }
        };
        // After a status paragraph (laws, bills) there are no claims for "these claims" to
        // refer to: China's position on the organ trade stands on its own there.
        let china_standalone = match positions
            .iter()
            .find(|(id, _)| id == "china-position-organ-trade")
        {
            Some((id, f)) => match state(id, f) {
                Ok(text) => Some(text),
                Err(missing) => return Ok(Err(missing)),
            },
            None => china.clone(),
        };
        let bill = fit
            .bills
            .first()
            .map(|b| json!({ "number": b.number, "title": b.title, "stage": b.stage }));
        let data = json!({
            "topic": topic,
            "jurisdiction": fit.jurisdiction.name,
            "ask": ask,
            "context": context,
            "fact": fact,
            "china": china,
            "china_standalone": china_standalone,
            "bill": bill,
            "laws": fit.laws.iter().map(|l| &l.name).collect::<Vec<_>>(),
        });
        Ok(Ok((data, fit.expired)))
    }
}

/// Campaign prose that has no wording in a letter's language: what it is and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Untranslated {
    /// A fact, a context or an ask.
    pub what: Prose,
    /// Its id (for a context, the jurisdiction's).
    pub id: String,
}

impl Untranslated {
    /// What is missing, for a note: "ask `fr-law-legislator`".
    pub fn describe(&self) -> String {
        let kind = match self.what {
            Prose::Fact => "fact",
            Prose::Context => "the context of",
            Prose::Ask => "ask",
        };
        format!("{kind} `{}`", self.id)
    }

    /// The error for a letter that must be in `language` (`--language`) but cannot be.
    fn error(&self, language: &str, recipient: &Recipient) -> Error {
        Error::usage(format!(
            "the campaign data has no `{language}` wording of {}, which the letter to {} needs",
            self.describe(),
            recipient.id
        ))
        .hint(format!(
            "write this letter in English (--language en), or add `{}` to campaign.{language}.yaml (see the README of data/campaign)",
            self.id
        ))
    }
}

/// The key of the writer's main answer: `personal` if given, else the first free-text answer
/// with text.
fn own_key(t: &Template, answers: &BTreeMap<String, Value>) -> Option<String> {
    let given = |k: &str| {
        answers
            .get(k)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    };
    if given("personal") {
        return Some("personal".into());
    }
    t.questions
        .iter()
        .filter(|q| q.kind.is_free_text())
        .find(|q| given(&q.key))
        .map(|q| q.key.clone())
}

/// The first sentence of the writer's main answer (`personal`, else the first free-text
/// answer), at most 10 words.
fn own_line(t: &Template, answers: &BTreeMap<String, Value>) -> Option<String> {
    let text = answers
        .get("personal")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| {
            t.questions
                .iter()
                .filter(|q| q.kind.is_free_text())
                .find_map(|q| {
                    answers
                        .get(&q.key)
                        .and_then(Value::as_str)
                        .filter(|s| !s.trim().is_empty())
                })
        })?;
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '\n'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    let sentence = text[..end].trim();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    Some(if words.len() > 10 {
        format!("{} ...", words[..10].join(" "))
    } else {
        sentence.to_string()
    })
}

/// Composes the letters of a [`Request`], one recipient at a time. What does not depend on
/// the recipient is worked out once: the sender's part of the render data, the answers as
/// JSON, the answers with the writer's own (free-text) answers left empty, the campaign's
/// sources, and whether the bare text can be cut out of the letter instead of rendered again.
///
/// The bare text (the template's own words, for the own-words check) is the letter rendered
/// with every written answer empty. It depends on the recipient (the salutation, the ask for
/// their legislature), so it is made once per letter; but for a template with a marked copy
/// ([`Library::can_mark`]: the written answers, and the blocks shown only when one is given,
/// render between two marks) it needs no second render: the letter is the marked rendering
/// without the marks, the bare text is it without the marked spans. Both are exactly what
/// rendering gives (a test checks it for every built-in template).
pub struct Composer<'a> {
    request: Request<'a>,
    /// The sender, date and answers.
    shared: Shared,
    /// The answers with every written answer left empty (used when not `cut`).
    bare_answers: Value,
    /// Whether the bare text can be cut out of the letter (else rendered): the answers allow
    /// it; the template must have a marked copy too ([`Library::can_mark`]).
    cut: bool,
    /// The campaign's sources, citable in every letter.
    campaign_sources: Vec<Source>,
}

impl<'a> Composer<'a> {
    /// [`Request::composer`]; `allow_cut: false` always renders the bare text (for tests).
    fn build(request: Request<'a>, allow_cut: bool) -> Composer<'a> {
        let template = request.template;
        let written = |k: &str, v: &Value| v.is_string() && is_free_text(template, k);
        // Cutting is exact when every written answer is text without the marks in it.
        let cut = allow_cut
            && request.answers.iter().all(|(k, v)| match v.as_str() {
                Some(text) => !text.contains([OWN_OPEN, OWN_CLOSE]),
                None => !is_free_text(template, k),
            });
        let bare_answers: serde_json::Map<String, Value> = request
            .answers
            .iter()
            .map(|(k, v)| {
                let v = if written(k, v) {
                    Value::String(String::new())
                } else {
                    v.clone()
                };
                (k.clone(), v)
            })
            .collect();
        let campaign_sources = match (request.campaign, request.template.campaign.as_ref()) {
            (Some(campaign), Some(_)) => campaign
                .sources
                .iter()
                .map(|(id, s)| Source {
                    id: id.clone(),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    date: s.date.clone(),
                    url: s.url.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        Composer {
            request,
            shared: Shared::new(request.sender, json!(request.answers), request.date),
            bare_answers: Value::Object(bare_answers),
            cut,
            campaign_sources,
        }
    }

    /// Renders the letter to `recipient`.
    ///
    /// Errors: a template that does not render (a missing value, a citation of an undeclared
    /// source, more than one ask), or campaign data with no ask for the topic.
    pub fn compose(&self, recipient: &Recipient) -> Result<Letter> {
        let r = &self.request;
        let (t, _) = r.template_for(recipient)?;
        let (campaign_data, expired) = match r.campaign_data(recipient, &t.language)? {
            Ok(found) => found,
            Err(missing) => return Err(missing.error(&t.language, recipient)),
        };
        let language = t.language.as_str();
        // Not known: treated as another language, so that a short phrase the writer typed
        // is quoted rather than set into a sentence of the letter's language.
        let same_language = r.writer_language == Some(language);
        // Words in another language than the letter's: a line inviting a reply in either.
        let reply_line = match r.writer_language {
            Some(w) if w != language => conventions::reply_either_language(language, w),
            _ => None,
        };
        let answers_with_line;
        let answers = match &reply_line {
            Some(line) => {
                let mut a = r.answers.clone();
                if let Some(key) = own_key(t, &a) {
                    let own = a[&key].as_str().unwrap_or("").trim_end().to_string();
                    a.insert(key, Value::String(format!("{own}\n\n{line}")));
                }
                answers_with_line = json!(a);
                Some(&answers_with_line)
            }
            None => None,
        };
        let cut = self.cut && r.library.can_mark(t);
        let bill = campaign_data["bill"]["number"].as_str().map(|n| {
            let title = campaign_data["bill"]["title"].as_str().unwrap_or("");
            if title.is_empty() {
                n.to_string()
            } else {
                format!(
                    "{n}, the {}",
                    title.trim_start_matches("The ").trim_start_matches("the ")
                )
            }
        });
        let mut data = RenderData::new(Value::Object(self.shared.data(
            recipient,
            campaign_data,
            language,
            same_language,
        )));
        if let Some(a) = answers {
            data.set("answers", a.clone());
        }
        // The variants render with the letter's data, then the letter with them (marked, when
        // the bare text is cut out of it).
        let variants = |data: &mut RenderData, marked: bool| -> Result<()> {
            let mut variant = serde_json::Map::new();
            for (name, options) in &t.variants {
                let i = r.seed.pick(recipient, name, options.len());
                let text = if marked {
                    r.library.render_marked_variant(t, name, i, data)?
                } else {
                    r.library.render_variant(t, name, i, data)?
                };
                variant.insert(name.clone(), Value::String(text));
            }
            data.set("variant", Value::Object(variant));
            Ok(())
        };
        variants(&mut data, cut)?;
        // The same letter with every written answer left empty: the template's own words.
        let (body, subject, bare) = if cut {
            let marked = r.library.render_marked_body(t, &data)?;
            let subject = without_marks(&r.library.render_subject(t, &data)?);
            (without_marks(&marked), subject, without_marked(&marked))
        } else {
            let (body, subject) = r.library.render(t, &data)?;
            data.set("answers", self.bare_answers.clone());
            variants(&mut data, false)?;
            (body, subject, r.library.render_body(t, &data)?)
        };
        let note = t.citations == crate::data::templates::Citations::Note;
        let (body, sources) = number_citations(&body, t, &self.campaign_sources, !note)?;
        let (body, ask) = take_ask(&body, t)?;
        let body = tidy(&body);
        let (bare, _) = number_citations(&bare, t, &self.campaign_sources, !note)?;
        let (bare, _) = take_ask(&bare, t)?;
        let bare = tidy(&bare);
        let score = similarity::score(&body, &bare);
        Ok(Letter {
            template_id: t.id.clone(),
            language: t.language.clone(),
            recipient: recipient.clone(),
            sender: r.sender.clone(),
            date: r.date,
            subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
            body,
            ask,
            topic: t.topic.clone(),
            sources,
            source_note: note,
            score,
            bare,
            expired,
            bill,
            own_line: own_line(t, r.answers),
            reply_wanted: r.answers.get("reply").and_then(Value::as_bool) == Some(true),
        })
    }
}

/// The text with the written-answer marks removed (the letter).
fn without_marks(text: &str) -> String {
    text.replace([OWN_OPEN, OWN_CLOSE], "")
}

/// The text with every marked span cut out (the bare text); spans may nest.
fn without_marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            OWN_OPEN => depth += 1,
            OWN_CLOSE => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
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
        if question.is_empty() {
            return Err(Error::usage(format!(
                "template `{}` has an empty `{{{{#ask}}}}` block: it must hold the letter's one question",
                template.id
            )));
        }
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

/// Replaces citation marks with `[n]` in order of first use; returns the cited sources. An id
/// is looked up in the template's sources, then in the campaign's.
fn number_citations(
    text: &str,
    template: &Template,
    campaign: &[Source],
    marks: bool,
) -> Result<(String, Vec<Source>)> {
    let mut out = String::with_capacity(text.len());
    let mut cited: Vec<Source> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(CITE_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + CITE_OPEN.len_utf8()..];
        let end = after.find(CITE_CLOSE).unwrap_or(after.len());
        let id = &after[..end];
        let source = template
            .sources
            .iter()
            .chain(campaign)
            .find(|s| s.id == id)
            .ok_or_else(|| {
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
        if marks {
            out.push_str(&format!("[{n}]"));
        } else {
            // No mark: drop the space that would have come before it.
            while out.ends_with(' ') {
                out.pop();
            }
        }
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

    /// The date as written on the letter, in its language.
    pub fn date_text(&self) -> String {
        conventions::format_date_in(
            self.date,
            &self.language,
            DateStyle::for_country(Some(self.recipient.country.as_str())),
        )
    }

    /// The word before the subject line in the letter's language ("Subject:", "Objet :").
    pub fn subject_label(&self) -> String {
        conventions::label(&self.language, "subject-label")
    }

    /// The heading of the numbered sources in the letter's language ("Sources", "Quellen").
    pub fn sources_heading(&self) -> String {
        conventions::label(&self.language, "sources-heading")
    }

    /// The sign-off as the letter writes it, in its language ("Yours sincerely,").
    pub fn signoff(&self) -> String {
        conventions::signoff_in(&self.recipient, &self.language)
            .unwrap_or_else(|| conventions::signoff(&self.recipient).to_string())
    }

    /// The sender's signature block for emails and contact forms: postal address, email and
    /// phone, under the name that signs the letter.
    pub fn signature_block(&self) -> String {
        let mut lines = self.sender.address_lines();
        lines.extend(self.sender.email.iter().cloned());
        lines.extend(self.sender.phone.iter().map(|p| format!("Tel. {p}")));
        lines.join("\n")
    }

    /// The body, the signature block and the sources, as sent in an email or a contact form.
    pub fn email_text(&self) -> String {
        let block = self.signature_block();
        let mut out = self.body.clone();
        if !block.is_empty() {
            out.push('\n');
            out.push_str(&block);
        }
        out.push('\n');
        out.push_str(&self.sources_text());
        out
    }

    /// The sources as plain text: numbered under "Sources", or under a note to the editor.
    pub fn sources_text(&self) -> String {
        let mut out = String::new();
        if self.sources.is_empty() {
            return out;
        }
        if self.source_note {
            out.push_str("\nSources for the facts above (not for publication):\n");
            for s in &self.sources {
                out.push_str(&format!("- {}\n", source_line(s)));
            }
        } else {
            out.push_str(&format!("\n{}\n", self.sources_heading()));
            for (i, s) in self.sources.iter().enumerate() {
                out.push_str(&format!("[{}] {}\n", i + 1, source_line(s)));
            }
        }
        out
    }

    /// The body plus the numbered sources (no signature block), for the printed letter.
    pub fn print_text(&self) -> String {
        let mut out = self.body.clone();
        out.push('\n');
        out.push_str(&self.sources_text());
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

    /// Every built-in template, to a built-in recipient of each body, with every choice of
    /// each choice question, with and without the optional written answers: cutting the bare
    /// text out of the letter gives exactly what rendering it gives.
    #[test]
    fn the_bare_text_cut_out_is_the_bare_text_rendered() {
        use crate::questions::QuestionKind;
        let library = Library::load(&[]).unwrap();
        let campaign = crate::data::campaign::Campaign::builtin().unwrap();
        let directory = crate::data::recipients::Directory::load(&[]).unwrap();
        let mut bodies: Vec<&Recipient> = Vec::new();
        for r in &directory.recipients {
            if !bodies
                .iter()
                .any(|b| b.body == r.body && b.country == r.country)
            {
                bodies.push(r);
            }
        }
        let sender = Profile {
            name: "Zoë Example".into(),
            email: Some("zoe@example.org".into()),
            address: vec!["12 Elm Street".into(), "Springfield, MA 01101".into()],
            country: Some("US".into()),
            ..Default::default()
        };
        let date = jiff::civil::date(2026, 11, 28);
        let mut compared = 0;
        for template in library.all() {
            // `chase` shows other text when no earlier question is given ({{else}} on a
            // written answer): its bare text is rendered; every other one is cut out.
            assert_eq!(
                library.can_mark(template),
                template.id != "chase",
                "built-in template `{}`",
                template.id
            );
            // One set of answers per choice of each choice question, written answers given,
            // then the optional ones left empty.
            let base: BTreeMap<String, Value> = template
                .questions
                .iter()
                .map(|q| {
                    let v = match &q.kind {
                        QuestionKind::Bool { .. } => json!(true),
                        QuestionKind::Choice { choices, .. } => json!(choices[0].value()),
                        QuestionKind::Text { .. } if q.key.contains("date") => {
                            json!("3 March 2026")
                        }
                        _ => json!(format!(
                            "My own words for {}: my brother waited four years for a kidney.",
                            q.key
                        )),
                    };
                    (q.key.clone(), v)
                })
                .collect();
            let mut sets = vec![base.clone()];
            for q in &template.questions {
                if let QuestionKind::Choice { choices, .. } = &q.kind {
                    for c in choices {
                        let mut a = base.clone();
                        a.insert(q.key.clone(), json!(c.value()));
                        sets.push(a);
                    }
                }
            }
            let mut blanks = base.clone();
            for q in template
                .questions
                .iter()
                .filter(|q| q.kind.is_free_text() && !q.required)
            {
                blanks.insert(q.key.clone(), json!(""));
            }
            sets.push(blanks);
            for answers in &sets {
                let request = Request {
                    library: &library,
                    campaign: Some(&campaign),
                    template,
                    sender: &sender,
                    answers,
                    date,
                    seed: Seed(7),
                    language: None,
                    writer_language: None,
                };
                let cut = request.composer();
                let rendered = Composer::build(request, false);
                for r in &bodies {
                    let (a, b) = match (cut.compose(r), rendered.compose(r)) {
                        (Ok(a), Ok(b)) => (a, b),
                        (Err(a), Err(b)) => {
                            assert_eq!(a.message(), b.message());
                            continue;
                        }
                        (a, b) => panic!(
                            "{} to {}: {:?} but {:?}",
                            template.id,
                            r.id,
                            a.err(),
                            b.err()
                        ),
                    };
                    assert_eq!(a.body, b.body, "{} to {}", template.id, r.id);
                    assert_eq!(a.subject, b.subject, "{} to {}", template.id, r.id);
                    assert_eq!(a.ask, b.ask, "{} to {}", template.id, r.id);
                    assert_eq!(a.bare, b.bare, "{} to {}", template.id, r.id);
                    assert_eq!(a.score, b.score, "{} to {}", template.id, r.id);
                    compared += 1;
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    #[test]
    fn marked_answers_are_cut_out() {
        let text = format!(
            "A {OWN_OPEN}mine{OWN_CLOSE} B {OWN_OPEN}I am {OWN_OPEN}a nurse{OWN_CLOSE}.{OWN_CLOSE} C"
        );
        assert_eq!(without_marks(&text), "A mine B I am a nurse. C");
        assert_eq!(without_marked(&text), "A  B  C");
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\nA  \n\n\n\nB\nC\n\n"), "A\n\nB\nC");
    }
}
