//! `outcry templates list|show|check`.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use crate::data::profile::Profile;
use crate::data::recipients::{Contact, Recipient};
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
pub fn run(cmd: TemplatesCommand, dirs: &[PathBuf]) -> Result<i32> {
    match cmd {
        TemplatesCommand::List { json } => {
            let library = Library::load(dirs)?;
            let all: Vec<&Template> = library.all().collect();
            if json {
                super::print_json(&all)?;
            } else {
                for t in all {
                    crate::outln!("{:<28} {}", t.id, t.title);
                    crate::outln!("{:<28} for: {}", "", t.audience.join(", "));
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
            crate::outln!("\nSources:");
            for s in &t.sources {
                crate::outln!("  {:<14} {}", s.id, letters::source_line(s));
            }
            crate::outln!("\nSubject: {}\n\n{}", t.subject, t.body.trim_end());
            Ok(exit::OK)
        }
        TemplatesCommand::Check { paths } => check(&paths),
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
    Recipient {
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
        contact: Contact {
            email: Some("sample@example.org".into()),
            ..Default::default()
        },
        ..Default::default()
    }
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

fn check(paths: &[PathBuf]) -> Result<i32> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut checked = 0;
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
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::io("read template", &file, &e))?;
            let t = match templates::parse(&file.display().to_string(), &text) {
                Ok(t) => t,
                Err(p) => {
                    problems.extend(p);
                    continue;
                }
            };
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
            let sender = Profile {
                name: "Pat Writer".into(),
                email: Some("pat@example.org".into()),
                address: vec!["1 Sample Street".into(), "Sampletown".into()],
                country: Some("GB".into()),
                ..Default::default()
            };
            let date = jiff::civil::date(2026, 1, 1);
            for audience in &t.audience {
                let r = sample_recipient(audience);
                let answers = sample_answers(&t);
                if let Err(e) =
                    letters::compose(&library, &t, &r, &sender, &answers, date, letters::Seed(0))
                {
                    problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        message: format!("for a sample `{audience}` recipient: {}", e.message()),
                    });
                }
            }
        }
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
