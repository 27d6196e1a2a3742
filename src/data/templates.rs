//! Letter templates: YAML front matter plus a Handlebars body.
//!
//! Owns the template file format (documented in the README), loading the built-in templates
//! compiled into the binary plus a user folder that adds or overrides by id, validation with
//! `file:line`, and the Handlebars registry with outcry's helpers (`cite`, `ask`, `salutation`,
//! `signoff`, `format_date`). Each template is compiled once per process. Rendering is strict
//! (a missing variable is an error that names it) and never HTML-escapes. Composing a whole
//! letter (numbering citations, the sources list) is `letters`' job; the question schema is
//! [`crate::questions`]'.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::questions`],
//! [`crate::data::recipients`], [`crate::conventions`].

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use handlebars::{
    Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext, RenderError,
    RenderErrorReason, Renderable,
};
use serde::{Deserialize, Serialize};

use crate::conventions::{DateStyle, format_date};
use crate::data::recipients::{BODIES, Recipient};
use crate::error::{Error, Problem, Result, problems_error, yaml_location, yaml_reason};
use crate::questions::{Question, RawQuestion};

/// A built-in template file, compiled into the binary (file name, text).
macro_rules! builtin {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/", $name)),
        )
    };
}

/// Built-in templates, compiled into the binary (file name, text), in the order of the
/// article's calls: law, investigation, UN, trade, companies, medicine, the press; then the
/// follow-ups.
pub const BUILTIN: &[(&str, &str)] = &[
    builtin!("transplant-tourism-law.hbs"),
    builtin!("un-investigation.hbs"),
    builtin!("un-special-procedures.hbs"),
    builtin!("trade-due-diligence.hbs"),
    builtin!("company-due-diligence.hbs"),
    builtin!("medical-integrity.hbs"),
    builtin!("letter-to-editor.hbs"),
    builtin!("thank-you.hbs"),
    builtin!("chase.hbs"),
];

/// Built-in translations of the templates above (file name `ID.LANG.hbs`, text), found by
/// the build script in `templates/`.
pub const BUILTIN_TRANSLATIONS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/translated_templates.rs"));

/// The language of a template that does not name one.
pub const DEFAULT_LANGUAGE: &str = "en";

/// A letter template.
#[derive(Debug, Clone, Serialize)]
pub struct Template {
    /// Stable identifier used with `--template`.
    pub id: String,
    /// The language the letter is written in, a BCP 47 tag (`en`, `fr`, `he`...). One id may
    /// exist in several languages: the others are translations of the English template,
    /// and take its questions, audience, campaign use, committees and limits.
    pub language: String,
    /// Where the template is registered: the id for English, `ID@LANG` for other languages.
    #[serde(skip)]
    pub key: String,
    /// Short title shown in lists.
    pub title: String,
    /// One or two sentences on what the letter asks.
    pub summary: String,
    /// The recipient bodies this letter suits (see the recipients schema), or `any`.
    pub audience: Vec<String>,
    /// Handlebars string for the subject line.
    pub subject: String,
    /// Questions asked of the writer; answers are available as `answers.KEY`.
    pub questions: Vec<Question>,
    /// Sources the letter may cite with `{{cite "id"}}`.
    pub sources: Vec<Source>,
    /// What a phone call is about, in a few words, for the call script ("forced organ
    /// harvesting in China and transplant tourism").
    pub topic: String,
    /// Committees whose members this letter suits, with a note on why (the wizard offers them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<CommitteeHint>,
    /// How the letter uses the campaign data (its ask, context and facts), if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignUse>,
    /// Where citations go: `inline` (numbered `[1]` in the text, the default) or `note` (no
    /// marks in the text; the sources follow in a note below the signature, for letters meant
    /// for print such as letters to the editor).
    pub citations: Citations,
    /// Whether it follows up an earlier letter (thank-you, chase): the wizard lists these last.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub follow_up: bool,
    /// The longest the whole letter should be, in words (the writer's words included), when
    /// the recipient has a limit (papers print letters of about 200 words); `write` warns past it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_words: Option<usize>,
    /// Alternative wordings, by name; the letter uses `{{variant.NAME}}` and each letter gets
    /// one of them, chosen by the seed, so a campaign's letters are not all identical.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, Vec<String>>,
    /// The Handlebars body (from the salutation to the signature).
    #[serde(skip)]
    pub body: String,
    /// Where it came from: `built-in:NAME` or a path.
    pub origin: String,
    /// 1-based line in the file where the body starts.
    #[serde(skip)]
    pub body_line: usize,
    /// The body, compiled (set by [`parse`]).
    #[serde(skip)]
    compiled_body: Option<handlebars::Template>,
    /// The subject, compiled (set by [`parse`]).
    #[serde(skip)]
    compiled_subject: Option<handlebars::Template>,
    /// Each variant's wordings, compiled (they may use the same data as the body).
    #[serde(skip)]
    compiled_variants: BTreeMap<String, Vec<handlebars::Template>>,
}

/// A source a template can cite.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used with `{{cite "id"}}`.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When (free text, e.g. "14 June 2021").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where a template's citations go.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Citations {
    /// Numbered marks in the text and a numbered sources list.
    #[default]
    Inline,
    /// No marks in the text; the sources in a note below the signature.
    Note,
}

/// How a template draws on the campaign data (`campaign:` in front matter).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CampaignUse {
    /// The campaign topic (`law`, `investigation`, `trade`, `company`, `medical`, `un`,
    /// `editor`).
    #[serde(default)]
    pub topic: Option<String>,
    /// Or: the key of the question whose answer is the topic (thank-you and chase letters).
    #[serde(default)]
    pub topic_from: Option<String>,
    /// Fact ids the letter may quote, in order of preference; one is chosen per letter.
    #[serde(default)]
    pub facts: Vec<String>,
}

/// A committee a template suggests writing to, e.g. `SSFR` with "H.R.1503 waits here".
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CommitteeHint {
    /// The committee code in the recipient data (e.g. `SSFR`, `HSFA`).
    pub code: String,
    /// What the wizard shows (e.g. "Senate Foreign Relations (H.R.1503 waits here)").
    pub label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    #[serde(default)]
    language: Option<String>,
    title: String,
    summary: String,
    #[serde(default)]
    audience: Vec<String>,
    subject: String,
    #[serde(default = "default_topic")]
    topic: String,
    #[serde(default)]
    committees: Vec<CommitteeHint>,
    #[serde(default)]
    campaign: Option<CampaignUse>,
    #[serde(default)]
    citations: Citations,
    #[serde(default)]
    max_words: Option<usize>,
    #[serde(default)]
    follow_up: bool,
    #[serde(default)]
    questions: Vec<RawQuestion>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    variants: BTreeMap<String, Vec<String>>,
}

/// The topic of a template that does not name one.
fn default_topic() -> String {
    "forced organ harvesting in China and transplant tourism".into()
}

/// How deep `{{#...}}` blocks may nest in a template body. Letters nest two or three; the
/// template engine recurses per level, so thousands of levels would take very long or
/// overflow the stack.
pub const MAX_BLOCK_DEPTH: usize = 32;

/// Refuses a body whose `{{#...}}` blocks nest deeper than [`MAX_BLOCK_DEPTH`]: returns the
/// 1-based line (within the body) where it goes too deep.
fn check_block_nesting(body: &str) -> std::result::Result<(), (usize, String)> {
    let mut depth = 0usize;
    for (i, line) in body.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("{{") {
            let tag = rest[at + 2..].trim_start_matches(['~', '{']);
            if tag.starts_with('#') {
                depth += 1;
                if depth > MAX_BLOCK_DEPTH {
                    return Err((
                        i + 1,
                        format!(
                            "blocks (`{{{{#...}}}}`) nest more than {MAX_BLOCK_DEPTH} deep here; no letter needs that"
                        ),
                    ));
                }
            } else if tag.starts_with('/') {
                depth = depth.saturating_sub(1);
            }
            rest = &rest[at + 2..];
        }
    }
    Ok(())
}

/// Splits and parses one template file. Returns every problem found.
pub fn parse(origin: &str, text: &str) -> std::result::Result<Template, Vec<Problem>> {
    let file = PathBuf::from(origin);
    let problem = |line: Option<usize>, message: String| Problem {
        file: file.clone(),
        line,
        message,
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(vec![problem(
            Some(1),
            "a template must start with a `---` line, then YAML front matter, then `---`".into(),
        )]);
    }
    let mut front = String::new();
    let mut body_line = None;
    for (i, line) in lines.by_ref().enumerate() {
        if line.trim_end() == "---" {
            body_line = Some(i + 3);
            break;
        }
        front.push_str(line);
    }
    let Some(body_line) = body_line else {
        return Err(vec![problem(
            None,
            "the front matter has no closing `---` line".into(),
        )]);
    };
    let body: String = lines.collect();
    if let Err((line, why)) = crate::support::text::check_yaml_nesting(&front) {
        return Err(vec![problem(
            Some(line + 1),
            format!("front matter: {why}"),
        )]);
    }
    if let Err((line, why)) = check_block_nesting(&body) {
        return Err(vec![problem(Some(body_line + line - 1), why)]);
    }
    let fm: FrontMatter = match serde_yaml::from_str(&front) {
        Ok(fm) => fm,
        Err(e) => {
            return Err(vec![problem(
                yaml_location(&e).map(|l| l + 1),
                format!("front matter: {}", yaml_reason(&e)),
            )]);
        }
    };
    let key_line = |key: &str| {
        front
            .lines()
            .position(|l| {
                l.trim_start()
                    .trim_start_matches("- ")
                    .starts_with(&format!("{key}:"))
            })
            .map(|i| i + 2)
    };
    let mut problems = Vec::new();
    if fm.id.is_empty()
        || !fm
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(problem(
            key_line("id"),
            format!(
                "id `{}` must be lower-case letters, digits and dashes",
                fm.id
            ),
        ));
    }
    for a in &fm.audience {
        if a != "any" && !BODIES.iter().any(|(b, _)| b == a) {
            problems.push(problem(key_line("audience"), format!("unknown audience `{a}` (use recipient bodies such as `us-senate`, `uk-commons`, `government`, or `any`)")));
        }
    }
    let language = fm
        .language
        .clone()
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
    if !crate::support::text::is_language_tag(&language) {
        problems.push(problem(
            key_line("language"),
            format!(
                "language `{language}` is not a language tag: use a BCP 47 tag such as `fr`, `de`, `he` or `zh-Hans`"
            ),
        ));
    }
    if language == DEFAULT_LANGUAGE && fm.audience.is_empty() {
        problems.push(problem(
            key_line("audience"),
            "audience is empty: name the recipient bodies this letter suits".into(),
        ));
    }
    if language != DEFAULT_LANGUAGE {
        // A translation takes these from the English template with its id.
        let declared = [
            ("audience", !fm.audience.is_empty()),
            ("questions", !fm.questions.is_empty()),
            ("campaign", fm.campaign.is_some()),
            ("committees", !fm.committees.is_empty()),
            ("follow_up", fm.follow_up),
            ("max_words", fm.max_words.is_some()),
            ("citations", fm.citations != Citations::default()),
        ];
        for (key, _) in declared.iter().filter(|(_, d)| *d) {
            problems.push(problem(
                key_line(key),
                format!(
                    "a template in another language than English takes `{key}` from the English template with id `{}`: remove `{key}` here",
                    fm.id
                ),
            ));
        }
    }
    let mut keys = HashSet::new();
    let mut questions = Vec::new();
    for raw in fm.questions {
        let line = front
            .lines()
            .position(|l| {
                l.trim_start().trim_start_matches("- ").trim() == format!("key: {}", raw.key)
            })
            .map(|i| i + 2);
        if !keys.insert(raw.key.clone()) {
            problems.push(problem(
                line,
                format!("question `{}` is declared twice", raw.key),
            ));
        }
        match Question::from_raw(raw) {
            Ok(mut q) => {
                q.ui_id = format!("{}-{}", fm.id, q.key);
                questions.push(q);
            }
            Err(found) => problems.extend(found.into_iter().map(|m| problem(line, m))),
        }
    }
    if let Some(c) = &fm.campaign {
        let topic_ok = match (&c.topic, &c.topic_from) {
            (Some(t), None) => crate::data::campaign::TOPICS.contains(&t.as_str()),
            (None, Some(key)) => keys.contains(key),
            _ => false,
        };
        if !topic_ok {
            problems.push(problem(
                key_line("campaign"),
                format!(
                    "`campaign` needs either `topic` (one of {}) or `topic_from` naming one of the template's questions",
                    crate::data::campaign::TOPICS.join(", ")
                ),
            ));
        }
    }
    for (name, options) in &fm.variants {
        if options.is_empty() || options.iter().any(|o| o.trim().is_empty()) {
            problems.push(problem(
                key_line(name),
                format!("variant `{name}` needs at least one non-empty wording"),
            ));
        }
    }
    let mut ids = HashSet::new();
    for s in &fm.sources {
        if !ids.insert(s.id.clone()) {
            problems.push(problem(
                key_line("sources"),
                format!("source `{}` is declared twice", s.id),
            ));
        }
    }
    if !body.contains("{{#ask}}") {
        problems.push(problem(
            Some(body_line),
            "the body has no `{{#ask}}...{{/ask}}` block: mark the letter's one yes/no question with it".into(),
        ));
    }
    for (offset, line) in body.lines().enumerate() {
        for cited in cites_in(line) {
            if !ids.contains(&cited) {
                problems.push(problem(
                    Some(body_line + offset),
                    format!("`{{{{cite \"{cited}\"}}}}` names a source that is not declared under `sources`"),
                ));
            }
        }
    }
    let key = if language == DEFAULT_LANGUAGE {
        fm.id.clone()
    } else {
        format!("{}@{language}", fm.id)
    };
    let template = Template {
        id: fm.id,
        language,
        key,
        title: fm.title,
        summary: fm.summary,
        audience: fm.audience,
        subject: fm.subject,
        questions,
        sources: fm.sources,
        topic: fm.topic,
        committees: fm.committees,
        campaign: fm.campaign,
        citations: fm.citations,
        max_words: fm.max_words,
        follow_up: fm.follow_up,
        variants: fm.variants,
        body,
        origin: origin.to_string(),
        body_line,
        compiled_body: None,
        compiled_subject: None,
        compiled_variants: BTreeMap::new(),
    };
    // Compile both Handlebars parts once: syntax errors get their lines, and the library
    // registers these compiled forms instead of compiling again.
    let mut template = template;
    match handlebars::Template::compile(&template.body) {
        Ok(c) => template.compiled_body = Some(c),
        Err(e) => problems.push(problem(
            e.pos().map(|(l, _)| l + body_line - 1),
            format!("template body: {}", template_reason(&e)),
        )),
    }
    for (name, options) in &template.variants {
        let mut compiled = Vec::new();
        for o in options {
            match handlebars::Template::compile(o) {
                Ok(c) => compiled.push(c),
                Err(e) => problems.push(problem(
                    key_line(name),
                    format!("variant `{name}`: {}", template_reason(&e)),
                )),
            }
        }
        template.compiled_variants.insert(name.clone(), compiled);
    }
    match handlebars::Template::compile(&template.subject) {
        Ok(c) => template.compiled_subject = Some(c),
        Err(e) => problems.push(problem(
            key_line("subject"),
            format!("subject: {}", template_reason(&e)),
        )),
    }
    if problems.is_empty() {
        Ok(template)
    } else {
        Err(problems)
    }
}

fn template_reason(e: &handlebars::TemplateError) -> String {
    let text = e.reason().to_string();
    // pest lists every token it could have accepted; that helps nobody writing a letter.
    if text.contains("expected escape, expression") {
        "invalid Handlebars syntax: a `{{#if}}` or `{{#each}}` block is not closed, or a `{{` has no `}}`".into()
    } else {
        text
    }
}

/// Source ids cited as `{{cite "id"}}` in a line.
fn cites_in(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("{{cite") {
        rest = &rest[i + 6..];
        let inner = rest.split("}}").next().unwrap_or("").trim();
        out.push(inner.trim_matches(|c| c == '"' || c == '\'').to_string());
    }
    out
}

/// The templates available in this run, by id, with the Handlebars registry they render in.
pub struct Library {
    /// In order: built-in (the article's calls, then follow-ups), then the user's new ones; a
    /// user template with a built-in id takes that one's place. English only.
    templates: Vec<Template>,
    /// The templates in other languages, each with the questions, audience, campaign use,
    /// committees and limits of the English template with its id.
    translations: Vec<Template>,
    registry: Handlebars<'static>,
    /// The templates registered with a marked copy of their body and variants ([`marked`]).
    marked: HashSet<String>,
}

impl Library {
    /// Loads the built-in templates, then every `*.hbs` in each folder (later ones override).
    pub fn load(dirs: &[PathBuf]) -> Result<Library> {
        let mut templates: Vec<Template> = Vec::new();
        let mut translations: Vec<Template> = Vec::new();
        let mut put = |t: Template| {
            let list = if t.language == DEFAULT_LANGUAGE {
                &mut templates
            } else {
                &mut translations
            };
            match list.iter().position(|o| o.key == t.key) {
                Some(i) => list[i] = t,
                None => list.push(t),
            }
        };
        for (name, text) in BUILTIN.iter().chain(BUILTIN_TRANSLATIONS) {
            let t = parse(&format!("built-in:{name}"), text).map_err(|p| {
                problems_error(
                    "a built-in template is invalid",
                    &p,
                    "this is a bug in outcry; please report it",
                )
            })?;
            put(t);
        }
        for dir in dirs {
            for path in template_files(dir)? {
                let text = crate::support::fs::read_text(&path, "template")?;
                let t = parse(&path.display().to_string(), &text).map_err(|p| {
                    problems_error(
                        &format!("template `{}` is invalid", path.display()),
                        &p,
                        &format!(
                            "fix the lines above, then check with: outcry templates check {}",
                            path.display()
                        ),
                    )
                })?;
                put(t);
            }
        }
        for t in &mut translations {
            let Some(english) = templates.iter().find(|e| e.id == t.id) else {
                return Err(Error::usage(format!(
                    "template `{}` is in language `{}` but there is no English template with id `{}`",
                    t.origin, t.language, t.id
                ))
                .hint("a template in another language is a translation: keep an English template with the same id beside it"));
            };
            t.inherit(english);
        }
        let mut registry = new_registry();
        let mut marked = HashSet::new();
        for t in templates.iter().chain(&translations) {
            register(&mut registry, t);
            if register_marked(&mut registry, t) {
                marked.insert(t.key.clone());
            }
        }
        Ok(Library {
            templates,
            translations,
            registry,
            marked,
        })
    }

    /// Template `t` in `language` when there is a translation, else `t` itself.
    pub fn in_language<'a>(&'a self, t: &'a Template, language: &str) -> &'a Template {
        if t.language == language {
            return t;
        }
        self.translations
            .iter()
            .find(|o| o.id == t.id && o.language == language)
            .unwrap_or(t)
    }

    /// The languages template `id` exists in: English first, then the translations' tags in
    /// the order they were loaded (built-in ones sorted by file name).
    pub fn languages(&self, id: &str) -> Vec<&str> {
        self.templates
            .iter()
            .chain(&self.translations)
            .filter(|t| t.id == id)
            .map(|t| t.language.as_str())
            .collect()
    }

    /// Every template in another language than English.
    pub fn translations(&self) -> impl Iterator<Item = &Template> {
        self.translations.iter()
    }

    /// All templates, in the order of the article's calls (built-in order), then the user's
    /// own in the order they were read.
    pub fn all(&self) -> impl Iterator<Item = &Template> {
        self.templates.iter()
    }

    /// The committees the templates suggest, each once, in template order.
    pub fn committees(&self) -> Vec<CommitteeHint> {
        let mut out: Vec<CommitteeHint> = Vec::new();
        for t in self.all() {
            for c in &t.committees {
                if !out.iter().any(|o| o.code == c.code) {
                    out.push(c.clone());
                }
            }
        }
        out
    }

    /// A template by id, or a usage error listing the ids.
    pub fn get(&self, id: &str) -> Result<&Template> {
        self.templates.iter().find(|t| t.id == id).ok_or_else(|| {
            let ids: Vec<&str> = self.templates.iter().map(|t| t.id.as_str()).collect();
            Error::usage(format!("no template with id `{id}`"))
                .hint(format!("available: {}", ids.join(", ")))
        })
    }

    /// Renders a template's body and subject with `data`.
    pub fn render(&self, t: &Template, data: &RenderData) -> Result<(String, String)> {
        Ok((self.render_body(t, data)?, self.render_subject(t, data)?))
    }

    /// Renders the registered part `key` of `t`; errors name the template, the `part` and,
    /// for the body, the file line.
    fn render_registered(
        &self,
        t: &Template,
        key: &str,
        part: &str,
        data: &RenderData,
    ) -> Result<String> {
        self.registry
            .render_with_context(key, &data.0)
            .map_err(|e| render_error(t, e, part))
    }

    /// Renders a template's body alone with `data`.
    pub fn render_body(&self, t: &Template, data: &RenderData) -> Result<String> {
        self.render_registered(t, &t.key, "body", data)
    }

    /// Renders a template's subject alone with `data`.
    pub fn render_subject(&self, t: &Template, data: &RenderData) -> Result<String> {
        self.render_registered(t, &format!("{}#subject", t.key), "subject", data)
    }

    /// Renders wording `i` of variant `name` with `data` (variants may use the body's data).
    pub fn render_variant(
        &self,
        t: &Template,
        name: &str,
        i: usize,
        data: &RenderData,
    ) -> Result<String> {
        self.render_registered(
            t,
            &variant_key(t, name, i),
            &format!("variant `{name}`"),
            data,
        )
    }

    /// Whether `t` has a marked copy of its body and variants, in which the writer's own
    /// answers, and the blocks that show only when one is given, render between
    /// [`OWN_OPEN`] and [`OWN_CLOSE`] ([`marked`]). Cutting the marked spans out of such a
    /// rendering gives exactly the letter rendered with those answers empty.
    pub fn can_mark(&self, t: &Template) -> bool {
        self.marked.contains(&t.key)
    }

    /// Renders the marked body (see [`Library::can_mark`]) with `data`.
    pub fn render_marked_body(&self, t: &Template, data: &RenderData) -> Result<String> {
        self.render_registered(t, &format!("{}#marked", t.key), "body", data)
    }

    /// Renders the marked wording `i` of variant `name` (see [`Library::can_mark`]).
    pub fn render_marked_variant(
        &self,
        t: &Template,
        name: &str,
        i: usize,
        data: &RenderData,
    ) -> Result<String> {
        let key = format!("{}#marked", variant_key(t, name, i));
        self.render_registered(t, &key, &format!("variant `{name}`"), data)
    }
}

/// Marks the start of the writer's own words in a marked rendering ([`Library::can_mark`]);
/// a private-use character, like the citation and ask marks.
pub const OWN_OPEN: char = '\u{E010}';
/// Marks the end of the writer's own words in a marked rendering.
pub const OWN_CLOSE: char = '\u{E011}';

/// Registers the marked copies of `t`'s body and variants, when it can have them; returns
/// whether it does.
fn register_marked(registry: &mut Handlebars<'static>, t: &Template) -> bool {
    let free: Vec<&str> = t
        .questions
        .iter()
        .filter(|q| q.kind.is_free_text())
        .map(|q| q.key.as_str())
        .collect();
    let Some(body) = t.compiled_body.as_ref().and_then(|b| marked(b, &free)) else {
        return false;
    };
    let mut variants = Vec::new();
    for (name, options) in &t.compiled_variants {
        for (i, c) in options.iter().enumerate() {
            match marked(c, &free) {
                Some(m) => variants.push((format!("{}#marked", variant_key(t, name, i)), m)),
                None => return false,
            }
        }
    }
    let text = [&t.body, &t.subject]
        .into_iter()
        .chain(t.variants.values().flatten());
    if text.into_iter().any(|x| x.contains([OWN_OPEN, OWN_CLOSE])) {
        return false;
    }
    registry.register_template(&format!("{}#marked", t.key), body);
    for (key, m) in variants {
        registry.register_template(&key, m);
    }
    true
}

/// A copy of a compiled template in which every use of a written (free-text) answer — the
/// keys in `free` — renders between [`OWN_OPEN`] and [`OWN_CLOSE`]: `{{answers.KEY}}`, and a
/// whole `{{#if answers.KEY}}...{{/if}}` block (which an empty answer leaves out). The marks
/// are raw text put into the parsed template, so the rest renders exactly as before
/// (whitespace included). `None` when a written answer is used any other way (passed to a
/// helper, compared, `{{else}}` or `#unless` on it, `answers` as a whole, partials): then only
/// a second rendering with the answers empty gives the bare text.
pub fn marked(t: &handlebars::Template, free: &[&str]) -> Option<handlebars::Template> {
    use handlebars::template::{Parameter, TemplateElement};

    /// How a path refers to the answers: not at all, to a choice or yes/no answer, or to a
    /// written one (its key); `None` for a use that cannot be marked.
    fn answer<'p>(p: &'p Parameter, free: &[&str]) -> Option<Option<&'p str>> {
        let raw = match p {
            Parameter::Path(handlebars::Path::Relative((_, raw))) => raw.as_str(),
            Parameter::Path(handlebars::Path::Local((_, _, raw))) => raw.as_str(),
            Parameter::Name(_) | Parameter::Literal(_) => return Some(None),
            Parameter::Subexpression(s) => return (!uses_free(&s.element, free)).then_some(None),
            _ => return None,
        };
        if !raw.split(['.', '/', '[', ']']).any(|seg| seg == "answers") {
            return Some(None);
        }
        let path = raw.strip_prefix("answers.")?;
        let key = path.split(['.', '[']).next().unwrap_or("");
        if !free.contains(&key) {
            return (!key.is_empty()).then_some(None); // a choice or yes/no answer
        }
        // The answer itself, not a part of it.
        (key == path).then_some(Some(key))
    }
    /// Whether an element (a helper call) refers to a written answer or to the answers whole.
    fn uses_free(e: &TemplateElement, free: &[&str]) -> bool {
        match e {
            TemplateElement::Expression(h)
            | TemplateElement::HtmlExpression(h)
            | TemplateElement::HelperBlock(h) => std::iter::once(&h.name)
                .chain(&h.params)
                .chain(h.hash.values())
                .any(|p| answer(p, free) != Some(None)),
            _ => false,
        }
    }
    fn walk(t: &mut handlebars::Template, free: &[&str]) -> Option<()> {
        let elements = std::mem::take(&mut t.elements);
        let mapping = std::mem::take(&mut t.mapping);
        for (i, e) in elements.into_iter().enumerate() {
            let at = mapping.get(i).cloned();
            let push = |t: &mut handlebars::Template, e: TemplateElement| {
                t.elements.push(e);
                if let Some(m) = at.clone() {
                    t.mapping.push(m);
                }
            };
            match e {
                TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h)
                    if h.params.is_empty() && h.hash.is_empty() =>
                {
                    match answer(&h.name, free)? {
                        Some(_) => {
                            push(t, TemplateElement::RawString(OWN_OPEN.to_string()));
                            push(t, TemplateElement::Expression(h));
                            push(t, TemplateElement::RawString(OWN_CLOSE.to_string()));
                        }
                        None => push(t, TemplateElement::Expression(h)),
                    }
                }
                TemplateElement::HelperBlock(mut h) => {
                    let tested = match (&h.name, h.params.as_slice()) {
                        (Parameter::Name(n), [p]) if n == "if" && h.hash.is_empty() => {
                            answer(p, free)?
                        }
                        _ => None,
                    };
                    if tested.is_none()
                        && std::iter::once(&h.name)
                            .chain(&h.params)
                            .chain(h.hash.values())
                            .any(|p| answer(p, free) != Some(None))
                    {
                        return None;
                    }
                    if tested.is_some() && h.inverse.is_some() {
                        return None; // {{else}}: an empty answer shows other text
                    }
                    if let Some(inner) = h.template.as_mut() {
                        walk(inner, free)?;
                        if tested.is_some() {
                            let m = inner.mapping.first().cloned();
                            inner
                                .elements
                                .insert(0, TemplateElement::RawString(OWN_OPEN.to_string()));
                            inner
                                .elements
                                .push(TemplateElement::RawString(OWN_CLOSE.to_string()));
                            if let Some(m) = m {
                                inner.mapping.insert(0, m.clone());
                                inner.mapping.push(m);
                            }
                        }
                    }
                    if let Some(inverse) = h.inverse.as_mut() {
                        walk(inverse, free)?;
                    }
                    push(t, TemplateElement::HelperBlock(h));
                }
                e @ (TemplateElement::Expression(_) | TemplateElement::HtmlExpression(_)) => {
                    if uses_free(&e, free) {
                        return None;
                    }
                    push(t, e);
                }
                TemplateElement::RawString(_) | TemplateElement::Comment(_) => push(t, e),
                _ => return None, // partials and decorators
            }
        }
        Some(())
    }
    let mut copy = t.clone();
    walk(&mut copy, free)?;
    Some(copy)
}

/// The data a template renders with (the JSON of `letters::context`), wrapped once for every
/// part rendered from it: Handlebars would otherwise copy the whole value for each render.
pub struct RenderData(Context);

impl RenderData {
    /// Wraps `data` (a JSON object).
    pub fn new(data: serde_json::Value) -> RenderData {
        RenderData(Context::from(data))
    }

    /// Replaces one top-level field, e.g. `answers`.
    pub fn set(&mut self, key: &str, value: serde_json::Value) {
        if let Some(map) = self.0.data_mut().as_object_mut() {
            map.insert(key.to_string(), value);
        }
    }
}

/// The registry name of wording `i` of variant `name`.
fn variant_key(t: &Template, name: &str, i: usize) -> String {
    format!("{}#variant#{name}#{i}", t.key)
}

/// The `*.hbs` files of a folder, sorted; a missing folder is an error.
pub fn template_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::io("read templates folder", dir, &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "hbs") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Registers a parsed template's compiled parts (compiled once, in [`parse`]).
fn register(registry: &mut Handlebars<'static>, t: &Template) {
    if let (Some(body), Some(subject)) = (&t.compiled_body, &t.compiled_subject) {
        registry.register_template(&t.key, body.clone());
        registry.register_template(&format!("{}#subject", t.key), subject.clone());
    }
    for (name, options) in &t.compiled_variants {
        for (i, c) in options.iter().enumerate() {
            registry.register_template(&variant_key(t, name, i), c.clone());
        }
    }
}

fn render_error(t: &Template, e: RenderError, part: &str) -> Error {
    let line = e.line_no.map(|l| {
        if part == "body" {
            l + t.body_line - 1
        } else {
            l
        }
    });
    let where_ = match line {
        Some(l) if part == "body" => format!("{}:{l}", t.origin),
        _ => format!("{} ({part})", t.origin),
    };
    let reason = match e.reason() {
        RenderErrorReason::MissingVariable(Some(name)) => {
            format!("the template uses `{name}`, which has no value")
        }
        other => other.to_string(),
    };
    Error::usage(format!(
        "could not render template `{}` at {where_}: {reason}",
        t.id
    ))
    .hint("check the template with: outcry templates check FILE")
}

impl Template {
    /// Takes from the English template what a translation does not declare: questions,
    /// audience, campaign use, committees, citations, follow-up and word limit.
    fn inherit(&mut self, english: &Template) {
        self.questions = english.questions.clone();
        self.audience = english.audience.clone();
        self.campaign = english.campaign.clone();
        self.committees = english.committees.clone();
        self.citations = english.citations;
        self.follow_up = english.follow_up;
        self.max_words = english.max_words;
    }
}

/// Marks that `cite` leaves in the text; `letters` turns them into numbers.
pub const CITE_OPEN: char = '\u{E000}';
/// End of a citation mark.
pub const CITE_CLOSE: char = '\u{E001}';
/// Start of the letter's one yes/no question, left by the `{{#ask}}` block; `letters` removes
/// the marks and keeps the question as the letter's ask.
pub const ASK_OPEN: char = '\u{E002}';
/// End of the ask.
pub const ASK_CLOSE: char = '\u{E003}';

/// A strict, non-escaping registry with outcry's helpers.
pub fn new_registry() -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    hb.register_helper("cite", Box::new(cite_helper));
    hb.register_helper("ask", Box::new(ask_helper));
    hb.register_helper("salutation", Box::new(salutation_helper));
    hb.register_helper("signoff", Box::new(signoff_helper));
    hb.register_helper("format_date", Box::new(format_date_helper));
    hb
}

fn cite_helper(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let id = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
        RenderErrorReason::Other("cite needs a source id, e.g. {{cite \"ohchr-2021\"}}".into())
    })?;
    out.write(&format!("{CITE_OPEN}{id}{CITE_CLOSE}"))?;
    Ok(())
}

/// `{{#ask}}Will you ...?{{/ask}}`: marks the letter's one question, so every renderer (the
/// call script, the form text) finds it without guessing.
fn ask_helper<'reg, 'rc>(
    h: &Helper<'rc>,
    r: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    rc: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let Some(inner) = h.template() else {
        return Err(RenderErrorReason::Other(
            "ask is a block: {{#ask}}Will you ...?{{/ask}}".into(),
        )
        .into());
    };
    out.write(&ASK_OPEN.to_string())?;
    inner.render(r, ctx, rc, out)?;
    out.write(&ASK_CLOSE.to_string())?;
    Ok(())
}

/// Reads a precomputed field (`salutation`, `signoff`) of the recipient passed to a helper.
fn recipient_field(h: &Helper, name: &str) -> Result<String, RenderError> {
    let value = h.param(0).map(|p| p.value()).ok_or_else(|| {
        RenderErrorReason::Other(format!(
            "{name} needs the recipient, e.g. {{{{{name} recipient}}}}"
        ))
    })?;
    value
        .get(name)
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .ok_or_else(|| {
            RenderErrorReason::Other(format!(
                "{name}: pass the recipient, e.g. {{{{{name} recipient}}}}"
            ))
            .into()
        })
}

fn salutation_helper(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    out.write(&recipient_field(h, "salutation")?)?;
    Ok(())
}

fn signoff_helper(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    out.write(&recipient_field(h, "signoff")?)?;
    Ok(())
}

fn format_date_helper(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let raw = h.param(0).map(|p| p.value().render()).unwrap_or_default();
    let style = h
        .param(1)
        .and_then(|p| p.value().as_str())
        .unwrap_or("long");
    let date: jiff::civil::Date = raw.parse().map_err(|_| {
        RenderErrorReason::Other(format!(
            "format_date: `{raw}` is not a date like 2026-11-28"
        ))
    })?;
    out.write(&format_date(date, DateStyle::from_name(style)))?;
    Ok(())
}

/// Whether a template suits a recipient's body.
pub fn suits(t: &Template, r: &Recipient) -> bool {
    t.audience.iter().any(|a| a == "any" || *a == r.body)
}

/// Groups `recipients` so that one letter (a template that is not a follow-up) suits every
/// member of a group: an editor and a medical regulator need two letters, two senators and a
/// House member one. Returns the groups as indexes into `recipients`, in the order their
/// first members appear; each group is in the recipients' order.
///
/// When one template suits everyone there is one group. Otherwise, in order, each recipient
/// joins the first group that some template still suits with them, else starts a new one
/// (greedy: a few groups, not necessarily the fewest). A recipient no template suits gets a
/// group of their own.
pub fn group_by_letter(templates: &[&Template], recipients: &[&Recipient]) -> Vec<Vec<usize>> {
    let letters: Vec<&Template> = templates.iter().copied().filter(|t| !t.follow_up).collect();
    let fitting = |r: &Recipient| -> Vec<usize> {
        (0..letters.len())
            .filter(|&i| suits(letters[i], r))
            .collect()
    };
    // (members, templates that suit every member)
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (i, r) in recipients.iter().enumerate() {
        let fits = fitting(r);
        let joined = groups
            .iter_mut()
            .find(|(_, common)| !fits.is_empty() && common.iter().any(|t| fits.contains(t)));
        match joined {
            Some((members, common)) => {
                members.push(i);
                common.retain(|t| fits.contains(t));
            }
            None => groups.push((vec![i], fits)),
        }
    }
    groups.into_iter().map(|(members, _)| members).collect()
}

#[cfg(test)]
mod tests {
    /// The wizard shows the templates' titles, questions and choices in the writer's language
    /// from `i18n/ui/LANG.ftl`, keyed by ids whose English text `en.ftl` copies: each copy
    /// must match the template, or a translation would translate stale text.
    #[test]
    fn the_wizard_catalogue_copies_the_templates_words() {
        use crate::questions::QuestionKind;
        use crate::support::i18n::{Catalogue, sources};
        let (_, english) = sources(false)
            .iter()
            .find(|(tag, _)| *tag == "en")
            .expect("i18n/ui/en.ftl");
        let en = Catalogue::parse("en", english).unwrap();
        let library = Library::load(&[]).unwrap();
        let check = |id: String, text: &str| {
            let copy = en.format(&id, &[]);
            assert_eq!(copy.as_deref(), Some(text.trim()), "i18n/ui/en.ftl `{id}`");
        };
        for t in library.all() {
            check(format!("template-{}-title", t.id), &t.title);
            check(format!("template-{}-summary", t.id), &t.summary);
            for q in &t.questions {
                check(format!("question-{}", q.ui_id), &q.prompt);
                if let Some(help) = &q.help {
                    check(format!("question-{}-help", q.ui_id), help);
                }
                if let QuestionKind::Choice { choices, .. } = &q.kind {
                    for c in choices {
                        check(format!("choice-{}-{}", q.ui_id, c.value()), c.label());
                    }
                }
            }
        }
    }

    use super::*;

    /// Renders `text` marked for the written answers `personal` and `connection`, with
    /// `answers`; `None` when it cannot be marked.
    fn render_marked(text: &str, answers: serde_json::Value) -> Option<String> {
        let compiled = handlebars::Template::compile(text).unwrap();
        let m = marked(&compiled, &["personal", "connection"])?;
        let mut hb = new_registry();
        hb.register_template("t", m);
        Some(
            hb.render("t", &serde_json::json!({ "answers": answers }))
                .unwrap(),
        )
    }

    #[test]
    fn written_answers_and_their_blocks_are_marked() {
        let o = OWN_OPEN;
        let c = OWN_CLOSE;
        let text = "Dear X,\n\n{{answers.personal}}\n\n{{#if answers.connection}}\nI am {{answers.connection}}.\n{{/if}}\n{{#if answers.reply}}Reply.{{/if}} {{#if (eq answers.topic \"law\")}}Law{{/if}}";
        let answers = serde_json::json!({"personal": "Mine.", "connection": "a nurse", "reply": true, "topic": "law"});
        assert_eq!(
            render_marked(text, answers).as_deref(),
            Some(
                format!("Dear X,\n\n{o}Mine.{c}\n\n{o}I am {o}a nurse{c}.\n{c}Reply. Law").as_str()
            )
        );
        // Unmarked, the same template renders the same text without the marks.
        let mut hb = new_registry();
        hb.register_template_string("t", text).unwrap();
        let plain = hb
            .render("t", &serde_json::json!({"answers": {"personal": "Mine.", "connection": "a nurse", "reply": true, "topic": "law"}}))
            .unwrap();
        assert_eq!(plain, "Dear X,\n\nMine.\n\nI am a nurse.\nReply. Law");
        for other in [
            "{{#if answers.connection}}{{answers.connection}}{{else}}No link.{{/if}}",
            "{{#unless answers.connection}}No link.{{/unless}}",
            "{{#if (eq answers.personal \"x\")}}X{{/if}}",
            "{{#with answers}}{{personal}}{{/with}}",
            "{{lookup answers \"personal\"}}",
            "{{answers.personal.length}}",
            "{{> partial}}",
        ] {
            assert_eq!(render_marked(other, serde_json::json!({})), None, "{other}");
        }
    }

    #[test]
    fn recipients_who_need_different_letters_are_grouped() {
        let library = Library::load(&[]).unwrap();
        let all: Vec<&Template> = library.all().collect();
        let who = |body: &str| {
            Recipient::from(crate::data::recipients::RecipientFields {
                id: body.into(),
                body: body.into(),
                ..Default::default()
            })
        };
        let (editor, regulator, senator, member, minister) = (
            who("media"),
            who("medical"),
            who("us-senate"),
            who("us-house"),
            who("government"),
        );
        // An editor and a regulator: two letters.
        assert_eq!(
            group_by_letter(&all, &[&editor, &regulator]),
            [vec![0], vec![1]]
        );
        // Legislators and a minister share the law letter: one.
        assert_eq!(
            group_by_letter(&all, &[&senator, &member, &minister]),
            [vec![0, 1, 2]]
        );
        // Mixed: each joins the group a letter still suits.
        assert_eq!(
            group_by_letter(&all, &[&senator, &editor, &member, &regulator, &minister]),
            [vec![0, 2, 4], vec![1], vec![3]]
        );
    }
}
