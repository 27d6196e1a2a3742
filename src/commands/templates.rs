//! `outcry templates list|show|check`.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use crate::data::campaign::Campaign;
use crate::data::profile::Profile;
use crate::data::recipients::{ContactFields, Recipient, RecipientFields};
use crate::data::templates::{self, Library, Template};
use crate::error::{Error, Problem, Result, exit};
use crate::letters;
use crate::questions::QuestionKind;
use clap::Subcommand;

/// `outcry templates ...`
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the templates.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a template's questions, sources and text.
    Show {
        /// The template id.
        #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::template_ids))]
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check template files (a file or a folder of *.hbs) and report every problem.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Runs a templates command.
pub fn run(cmd: TemplatesCommand, sources: &super::Sources) -> Result<i32> {
    let dirs = &sources.templates;
    match cmd {
        TemplatesCommand::List { json } => {
            let library = Library::load(dirs)?;
            let all: Vec<&Template> = library.all().collect();
            if json {
                /// A template as listed: its fields, and the languages it exists in.
                #[derive(serde::Serialize)]
                struct Listed<'a> {
                    #[serde(flatten)]
                    template: &'a Template,
                    languages: Vec<&'a str>,
                }
                let listed: Vec<Listed> = all
                    .iter()
                    .map(|t| Listed {
                        template: t,
                        languages: library.languages(&t.id),
                    })
                    .collect();
                super::print_json(&listed)?;
            } else {
                for t in all {
                    crate::outln!("{:<28} {}", t.id, t.title);
                    crate::outln!("{:<28} for: {}", "", t.audience.join(", "));
                    let languages = library.languages(&t.id);
                    if languages.len() > 1 {
                        crate::outln!("{:<28} in: {}", "", languages.join(", "));
                    }
                }
                crate::outln!("\nShow one with: outcry templates show ID");
            }
            Ok(exit::OK)
        }
        TemplatesCommand::Show { id, json } => {
            let library = Library::load(dirs)?;
            let t = library.get(&id)?;
            if json {
                super::print_json(t)?;
                return Ok(exit::OK);
            }
            crate::outln!("{} ({})\n{}\n", t.title, t.id, t.summary);
            crate::outln!("For: {}", t.audience.join(", "));
            crate::outln!("\nQuestions (answer with --set KEY=VALUE):");
            for q in &t.questions {
                let kind = match &q.kind {
                    QuestionKind::Text { .. } => "text".to_string(),
                    QuestionKind::Multiline { .. } => "paragraphs".to_string(),
                    QuestionKind::Bool { .. } => "yes/no".to_string(),
                    QuestionKind::Choice { choices, .. } => {
                        format!(
                            "one of: {}",
                            choices
                                .iter()
                                .map(|c| c.value())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                };
                let need = if q.required && q.default_text().is_none() {
                    "required"
                } else {
                    "optional"
                };
                crate::outln!("  {:<14} {} ({kind}, {need})", q.key, q.prompt);
            }
            let campaign = Campaign::load(sources.campaign.as_deref())?;
            if !t.sources.is_empty() {
                crate::outln!("\nSources:");
                for s in &t.sources {
                    crate::outln!("  {:<14} {}", s.id, letters::source_line(s));
                }
            }
            if let Some(using) = &t.campaign {
                let topic = using.topic.clone().unwrap_or_else(|| {
                    format!(
                        "from the answer `{}`",
                        using.topic_from.clone().unwrap_or_default()
                    )
                });
                crate::outln!(
                    "\nCampaign data: topic `{topic}`; the ask, the status paragraph and their sources depend on the recipient's jurisdiction ({}, as of {}).",
                    campaign.origin,
                    campaign.as_of
                );
                crate::outln!("Facts it may quote, with their sources:");
                for id in &using.facts {
                    if let Some((_, f)) = campaign.facts.iter().find(|(fid, _)| fid == id) {
                        crate::outln!("  {:<28} {}", id, f.sources.join(", "));
                    }
                }
            }
            let report = measure(&library, &campaign, t)?;
            crate::outln!(
                "\nReadability (template text, over {} sample recipients): {}",
                report.samples,
                report.summary()
            );
            for e in &report.expired {
                crate::outln!("  note: {e}");
            }
            crate::outln!("\nSubject: {}\n\n{}", t.subject, t.body.trim_end());
            Ok(exit::OK)
        }
        TemplatesCommand::Check { paths } => check(&paths, sources.campaign.as_deref()),
    }
}

/// Sample recipients, one per audience, for test renders.
pub fn sample_recipient(body: &str) -> Recipient {
    let (country, honorific, family, post, region) = match body {
        "us-senate" => ("US", Some("Senator"), Some("Sample"), None, Some("MA")),
        "us-house" => (
            "US",
            Some("Representative"),
            Some("Sample"),
            None,
            Some("NY"),
        ),
        "us-state-upper" | "us-state-lower" => {
            ("US", Some("Senator"), Some("Sample"), None, Some("DE"))
        }
        "uk-commons" => ("GB", None, None, Some("MP"), Some("South East")),
        "eu-parliament" => ("BE", None, None, Some("MEP"), None),
        _ => ("GB", None, None, None, None),
    };
    Recipient::from(RecipientFields {
        id: format!("sample-{body}"),
        name: "Sam Sample".into(),
        given_name: Some("Sam".into()),
        family_name: family.map(str::to_string),
        honorific: honorific.map(str::to_string),
        post_nominal: post.map(str::to_string),
        role: Some("Sample role".into()),
        organisation: (!crate::data::recipients::is_legislature(body))
            .then(|| "Sample Organisation".into()),
        body: if body == "any" {
            "other".into()
        } else {
            body.into()
        },
        country: country.into(),
        region: region.map(str::to_string),
        district: Some("1".into()),
        party: Some("Independent".into()),
        contact: ContactFields {
            email: Some("sample@example.org".into()),
            ..Default::default()
        },
        ..Default::default()
    })
}

/// Sample answers: defaults, first choices, or placeholder text.
pub fn sample_answers(t: &Template) -> std::collections::BTreeMap<String, serde_json::Value> {
    t.questions
        .iter()
        .map(|q| {
            let raw = q.default_text().unwrap_or_else(|| match &q.kind {
                QuestionKind::Bool { .. } => "yes".into(),
                QuestionKind::Choice { choices, .. } => choices
                    .first()
                    .map(|c| c.value().to_string())
                    .unwrap_or_default(),
                _ => "Sample answer.".into(),
            });
            (
                q.key.clone(),
                crate::questions::validate(q, &raw).unwrap_or(serde_json::Value::String(raw)),
            )
        })
        .collect()
}

/// The limits every built-in letter keeps (issue-tracked house rules for letters a staffer
/// takes seriously): template words before the writer's own words, template words in all,
/// and the readability of the template text (the limit of its language's formula:
/// `letters::readability::formula`).
pub const MAX_WORDS_BEFORE_OWN: usize = 80;
/// See [`MAX_WORDS_BEFORE_OWN`].
pub const MAX_WORDS: usize = 200;

/// What measuring a template over its sample recipients found.
pub struct Report {
    /// How many sample letters were measured.
    pub samples: usize,
    /// Most template words before the writer's words.
    pub max_before_own: usize,
    /// Fewest and most template words.
    pub words: (usize, usize),
    /// The lowest and highest readability figure by `formula`, if measured.
    pub readability: Option<(f64, f64)>,
    /// The readability formula for the template's language; `None` when there is none.
    pub formula: Option<letters::readability::Formula>,
    /// The template's language.
    pub language: String,
    /// Campaign entries that have expired.
    pub expired: Vec<crate::data::campaign::Expired>,
}

impl Report {
    /// "words before your own ≤ 62, words 150–180, grade 6.1–8.4".
    pub fn summary(&self) -> String {
        let readability = match (&self.formula, self.readability) {
            (Some(f), Some((low, high))) if f.name.ends_with("grade") => {
                format!("grade {low:.1}–{high:.1}")
            }
            (Some(f), Some((low, high))) => format!("{} {low:.0}–{high:.0}", f.name),
            _ => format!(
                "readability not measured: outcry knows no formula validated for `{}`",
                self.language
            ),
        };
        format!(
            "up to {} words before your own words, {}–{} words in all, {readability}",
            self.max_before_own, self.words.0, self.words.1
        )
    }

    /// The limits this report breaks, as sentences.
    pub fn over_limits(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.max_before_own > MAX_WORDS_BEFORE_OWN {
            out.push(format!(
                "{} template words come before the writer's own words (at most {MAX_WORDS_BEFORE_OWN})",
                self.max_before_own
            ));
        }
        if self.words.1 > MAX_WORDS {
            out.push(format!(
                "{} template words in all (at most {MAX_WORDS}, the sources list not counted)",
                self.words.1
            ));
        }
        if let (Some(f), Some((low, high))) = (&self.formula, self.readability) {
            let worst = if f.higher_is_easier { low } else { high };
            if !letters::readability::within(f, worst) {
                out.push(format!(
                    "{} {worst:.1} ({} {:.0})",
                    f.name,
                    if f.higher_is_easier {
                        "at least"
                    } else {
                        "at most"
                    },
                    f.limit
                ));
            }
        }
        out
    }
}

/// Sample recipients for a template: one per audience, and for legislatures one per
/// jurisdiction the campaign data distinguishes (US states with and without laws, the UK
/// nations, other countries).
pub fn samples(t: &Template) -> Vec<Recipient> {
    if t.language != templates::DEFAULT_LANGUAGE {
        return translation_samples(t);
    }
    let mut out = Vec::new();
    for audience in &t.audience {
        let base = sample_recipient(audience);
        out.push(base.clone());
        let variants: Vec<(&str, Option<&str>)> = match audience.as_str() {
            "us-state-upper" | "us-state-lower" => {
                vec![
                    ("US", Some("TX")),
                    ("US", Some("AZ")),
                    ("US", Some("MI")),
                    ("US", Some("CA")),
                ]
            }
            "uk-commons" => vec![
                ("GB", Some("Scotland")),
                ("GB", Some("Northern Ireland")),
                ("GB", Some("Wales")),
            ],
            "legislature" | "government" => [
                "CA", "TW", "IL", "ES", "IT", "BE", "KR", "IE", "AU", "NZ", "DE", "FR", "NL", "JP",
                "US", "GB",
            ]
            .iter()
            .map(|c| (*c, None))
            .collect(),
            _ => Vec::new(),
        };
        for (country, region) in variants {
            let mut r = base.clone();
            r.id = compact_str::format_compact!(
                "{}-{}",
                r.id,
                region.unwrap_or(country).to_lowercase().replace(' ', "-")
            );
            r.country = country.into();
            r.region = region.map(str::to_string);
            out.push(r);
        }
    }
    out
}

/// Measures a template over its sample recipients (see [`samples`]), on today's date.
pub fn measure(library: &Library, campaign: &Campaign, t: &Template) -> Result<Report> {
    let sender = sample_sender();
    // Optional free text left empty: the writer's words start at the first one they must give.
    let mut answers = sample_answers(t);
    for q in &t.questions {
        if q.kind.is_free_text() && !q.required {
            answers.insert(q.key.clone(), serde_json::Value::String(String::new()));
        }
    }
    let today = crate::support::env::today()?;
    let request = letters::Request {
        library,
        campaign: Some(campaign),
        template: t,
        sender: &sender,
        answers: &answers,
        date: today,
        seed: letters::Seed(0),
        language: Some(&t.language),
        writer_language: None,
    };
    let mut report = Report {
        samples: 0,
        max_before_own: 0,
        words: (usize::MAX, 0),
        readability: None,
        formula: letters::readability::formula(&t.language),
        language: t.language.clone(),
        expired: Vec::new(),
    };
    for r in samples(t) {
        let m = request.measure(&r)?;
        report.samples += 1;
        report.max_before_own = report.max_before_own.max(m.words_before_own);
        report.words = (report.words.0.min(m.words), report.words.1.max(m.words));
        if let Some(x) = m.readability {
            let (low, high) = report.readability.unwrap_or((x, x));
            report.readability = Some((low.min(x), high.max(x)));
        }
        for e in request.compose(&r)?.expired {
            if !report.expired.contains(&e) {
                report.expired.push(e);
            }
        }
    }
    Ok(report)
}

/// Sample recipients for a template in another language than English: the legislators,
/// ministers and MEPs among its audience in each country whose letters are in its language
/// (`conventions::letter_language`), a woman, a man and someone whose gender the data does
/// not give.
fn translation_samples(t: &Template) -> Vec<Recipient> {
    let countries: &[&str] = match t.language.as_str() {
        "fr" => &["FR"],
        "de" => &["DE", "AT"],
        "es" => &["ES"],
        "it" => &["IT"],
        "he" => &["IL"],
        _ => &[],
    };
    let mut out = Vec::new();
    for audience in t
        .audience
        .iter()
        .filter(|a| matches!(a.as_str(), "legislature" | "government" | "eu-parliament"))
    {
        for country in countries {
            if *audience == "eu-parliament" && *country == "IL" {
                continue;
            }
            for (honorific, gender) in [
                (Some("Mrs"), "female"),
                (Some("Mr"), "male"),
                (None, "unknown"),
            ] {
                let mut r = sample_recipient(audience);
                r.id = compact_str::format_compact!("{}-{}-{gender}", r.id, country.to_lowercase());
                r.country = (*country).into();
                r.family_name = Some("Sample".into());
                r.honorific = honorific.map(str::to_string);
                r.language = Some(t.language.clone());
                out.push(r);
            }
        }
    }
    out
}

/// The writer used for sample letters.
fn sample_sender() -> Profile {
    Profile {
        name: "Pat Writer".into(),
        email: Some("pat@example.org".into()),
        address: vec!["1 Sample Street".into(), "Sampletown".into()],
        country: Some("GB".into()),
        ..Default::default()
    }
}

fn check(paths: &[PathBuf], campaign_file: Option<&std::path::Path>) -> Result<i32> {
    let campaign = Campaign::load(campaign_file)?;
    let mut problems: Vec<Problem> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut checked = 0;
    // Ids seen so far: a second file with the same id silently replaces the first when loaded.
    let mut ids: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    for path in paths {
        let files = templates::template_files(path)?;
        if files.is_empty() {
            return Err(
                Error::usage(format!("no template files (*.hbs) in `{}`", path.display()))
                    .hint("templates are files whose names end in .hbs"),
            );
        }
        for file in files {
            checked += 1;
            let text = crate::support::fs::read_text(&file, "template")?;
            let t = match templates::parse(&file.display().to_string(), &text) {
                Ok(t) => t,
                Err(p) => {
                    problems.extend(p);
                    continue;
                }
            };
            if let Some(first) = ids.insert(t.key.clone(), file.clone()) {
                problems.push(Problem {
                    file: file.clone(),
                    line: Some(2),
                    message: format!(
                        "id `{}`{} is also used by `{}`; only one of them would be used",
                        t.id,
                        if t.language == templates::DEFAULT_LANGUAGE {
                            String::new()
                        } else {
                            format!(" in language `{}`", t.language)
                        },
                        first.display()
                    ),
                });
            }
            // Render for a sample recipient of each audience, every choice value tried.
            let library_dirs = vec![file.clone()];
            let library = match Library::load(&library_dirs) {
                Ok(l) => l,
                Err(e) => {
                    problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        message: e.message().to_string(),
                    });
                    continue;
                }
            };
            // A translation takes its questions and audience from the English template.
            let t = match library.get(&t.id) {
                Ok(english) if t.language != templates::DEFAULT_LANGUAGE => {
                    library.in_language(english, &t.language).clone()
                }
                _ => t,
            };
            let sender = sample_sender();
            let date = crate::support::env::today()?;
            let answers = sample_answers(&t);
            let request = letters::Request {
                library: &library,
                campaign: Some(&campaign),
                template: &t,
                sender: &sender,
                answers: &answers,
                date,
                seed: letters::Seed(0),
                language: Some(&t.language),
                writer_language: None,
            };
            let mut failed = false;
            // (audience as written, sample recipient)
            let recipients: Vec<(String, Recipient)> = if t.language == templates::DEFAULT_LANGUAGE
            {
                t.audience
                    .iter()
                    .map(|a| (a.clone(), sample_recipient(a)))
                    .collect()
            } else {
                translation_samples(&t)
                    .into_iter()
                    .map(|r| (r.body.to_string(), r))
                    .collect()
            };
            for (audience, r) in &recipients {
                if let Err(e) = request.compose(r) {
                    failed = true;
                    problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        message: format!(
                            "for a sample `{audience}` recipient{}: {}",
                            if t.language == templates::DEFAULT_LANGUAGE {
                                String::new()
                            } else {
                                format!(" in {}", r.country)
                            },
                            e.message()
                        ),
                    });
                }
            }
            if !failed {
                match measure(&library, &campaign, &t) {
                    Ok(report) => {
                        lines.push(format!("{}: {}", file.display(), report.summary()));
                        for over in report.over_limits() {
                            lines.push(format!("{}: warning: {over}", file.display()));
                        }
                        for e in &report.expired {
                            lines.push(format!("{}: warning: {e}", file.display()));
                        }
                    }
                    Err(e) => problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        message: e.message().to_string(),
                    }),
                }
            }
        }
    }
    for line in &lines {
        crate::outln!("{line}");
    }
    if problems.is_empty() {
        crate::outln!(
            "{checked} template file{} checked: no problems",
            if checked == 1 { "" } else { "s" }
        );
        Ok(exit::OK)
    } else {
        Err(Error::usage(format!(
            "{} problem{} in {checked} template file{}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            if checked == 1 { "" } else { "s" }
        ))
        .details(problems.iter().map(ToString::to_string))
        .hint("the README section \"Writing your own templates\" describes the format"))
    }
}
