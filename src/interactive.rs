//! The terminal wizard: every prompt outcry shows, and the only module that uses dialoguer.
//!
//! It asks what the flags did not say (sender, template, recipients, answers), previews the
//! letters and lets the person edit or cancel. Validation is not done here: answers go back
//! through [`crate::questions`], so typed and scripted values obey the same rules. Ctrl-C
//! anywhere ends the run with exit code 130 before any file is written.

use std::io::IsTerminal;

use console::style;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Editor, Input, MultiSelect, Select};

use crate::error::{Error, Result};
use crate::letters::Letter;
use crate::profile::Profile;
use crate::questions::Asker;
use crate::recipients::{Directory, Filter, Recipient};
use crate::templates::{Question, QuestionKind, Template};

/// Whether prompts can be shown (standard input and error are terminals).
pub fn available() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Makes Ctrl-C outside a prompt end the run like Ctrl-C inside one: cursor restored, exit 130.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("\n{}", Error::cancelled());
        std::process::exit(crate::error::exit::CANCELLED);
    });
}

fn theme() -> ColorfulTheme {
    ColorfulTheme::default()
}

/// Maps dialoguer's errors: an interrupted read is a cancellation.
fn map(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == std::io::ErrorKind::Interrupted {
        Error::cancelled()
    } else {
        Error::failure(format!("could not read from the terminal: {io}"))
    }
}

fn say(text: &str) {
    eprintln!("{text}");
}

fn heading(text: &str) {
    eprintln!("\n{}", style(text).bold());
}

/// The wizard's question asker.
pub struct Wizard;

impl Asker for Wizard {
    fn ask(&mut self, q: &Question, error: Option<&str>) -> Result<String> {
        if let Some(why) = error {
            say(&format!(
                "{} {why}",
                style("That answer can't be used:").red()
            ));
        }
        if let Some(help) = &q.help {
            say(&format!("{}", style(help).dim()));
        }
        let theme = theme();
        match q.kind {
            QuestionKind::Text => {
                let mut input = Input::<String>::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(!q.required);
                if let Some(d) = &q.default {
                    input = input.default(d.clone());
                }
                input.interact_text().map_err(map)
            }
            QuestionKind::Multiline => {
                let optional = if q.required { "" } else { ", or leave empty" };
                say(&format!(
                    "{}",
                    style(format!("Type one paragraph and press Enter{optional}; type :e to write it in your editor instead.")).dim()
                ));
                let mut input = Input::<String>::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(!q.required);
                if let Some(d) = &q.default {
                    input = input.default(d.clone());
                }
                let typed = input.interact_text().map_err(map)?;
                if typed.trim() == ":e" {
                    let edited = Editor::new()
                        .edit(&format!("{}\n", q.default.clone().unwrap_or_default()))
                        .map_err(map)?;
                    Ok(edited.unwrap_or_default())
                } else {
                    Ok(typed)
                }
            }
            QuestionKind::Choice => {
                let labels: Vec<&str> = q.choices.iter().map(|c| c.label()).collect();
                let default = q
                    .default
                    .as_deref()
                    .and_then(|d| q.choices.iter().position(|c| c.value() == d))
                    .unwrap_or(0);
                let i = Select::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .items(&labels)
                    .default(default)
                    .interact()
                    .map_err(map)?;
                Ok(q.choices[i].value().to_string())
            }
            QuestionKind::Bool => {
                let default = q
                    .default
                    .as_deref()
                    .is_some_and(|d| matches!(d, "yes" | "true" | "y"));
                let yes = Confirm::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .default(default)
                    .interact()
                    .map_err(map)?;
                Ok(if yes { "yes" } else { "no" }.to_string())
            }
        }
    }
}

/// Asks for the sender's details, starting from `start` (a profile and/or flags).
/// Returns the profile and whether the person wants it saved.
pub fn sender(start: Profile, from_file: Option<&std::path::Path>) -> Result<(Profile, bool)> {
    let theme = theme();
    if start.problems().is_empty() {
        heading("Your details");
        for line in std::iter::once(start.signature())
            .chain(start.address_lines())
            .chain(start.email.clone())
        {
            say(&format!("  {line}"));
        }
        if let Some(path) = from_file {
            say(&format!(
                "{}",
                style(format!("(from {})", path.display())).dim()
            ));
        }
        let ok = Confirm::with_theme(&theme)
            .with_prompt("Write as this person?")
            .default(true)
            .interact()
            .map_err(map)?;
        if ok {
            return Ok((start, false));
        }
    }
    heading("About you");
    say("Your representative's office will use these details to reply to you.");
    let mut p = start;
    p.name = Input::with_theme(&theme)
        .with_prompt("Your full name")
        .with_initial_text(p.name.clone())
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err("your name is needed to sign the letter")
            } else {
                Ok(())
            }
        })
        .interact_text()
        .map_err(map)?
        .trim()
        .to_string();
    let email: String = Input::with_theme(&theme)
        .with_prompt("Your email address (optional, for replies and sending)")
        .with_initial_text(p.email.clone().unwrap_or_default())
        .allow_empty(true)
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Ok(())
            } else {
                crate::recipients::check_email(s.trim()).map_err(|e| e.to_string())
            }
        })
        .interact_text()
        .map_err(map)?;
    p.email = Some(email.trim().to_string()).filter(|e| !e.is_empty());
    say(&format!("{}", style("Your postal address, one line at a time (street, town, postcode). An empty line finishes.").dim()));
    let old = std::mem::take(&mut p.address);
    loop {
        let n = p.address.len();
        let initial = old.get(n).cloned().unwrap_or_default();
        let line: String = Input::with_theme(&theme)
            .with_prompt(format!("Address line {}", n + 1))
            .with_initial_text(initial)
            .allow_empty(n > 0)
            .interact_text()
            .map_err(map)?;
        if line.trim().is_empty() {
            break;
        }
        p.address.push(line.trim().to_string());
    }
    let country: String = Input::with_theme(&theme)
        .with_prompt("Your country, as a two-letter code (US, GB, CA, AU, ...)")
        .with_initial_text(p.country.clone().unwrap_or_default())
        .validate_with(|s: &String| {
            let s = s.trim();
            if s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()) {
                Ok(())
            } else {
                Err("two letters, e.g. US or GB")
            }
        })
        .interact_text()
        .map_err(map)?;
    p.country = Some(crate::recipients::normalize_country(&country));
    let save = Confirm::with_theme(&theme)
        .with_prompt("Save these details for next time?")
        .default(true)
        .interact()
        .map_err(map)?;
    Ok((p, save))
}

/// Lets the person pick a template.
pub fn template<'a>(templates: &[&'a Template]) -> Result<&'a Template> {
    heading("What do you want to ask for?");
    let items: Vec<String> = templates
        .iter()
        .map(|t| format!("{} — {}", t.title, t.summary))
        .collect();
    let i = Select::with_theme(&theme())
        .with_prompt("Choose a letter")
        .items(&items)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(map)?;
    Ok(templates[i])
}

/// One line describing a recipient in lists.
pub fn describe(r: &Recipient) -> String {
    let mut parts = Vec::new();
    if let Some(role) = &r.role {
        parts.push(role.clone());
    }
    if let Some(party) = &r.party {
        parts.push(party.clone());
    }
    format!("{} — {}", crate::letters::address_name(r), parts.join(", "))
}

/// Searches and picks recipients until the person is done.
pub fn recipients(dir: &Directory, template: &Template) -> Result<Vec<Recipient>> {
    const SHOWN: usize = 100;
    let theme = theme();
    heading("Whom do you want to write to?");
    say(&format!(
        "{}",
        style(
            "Search by name, state, constituency or party, e.g. `warren`, `aldershot`, `labour leeds`.\n\
             Filters: country:US body:us-senate region:MA district:14 party:green committee:SSFR"
        )
        .dim()
    ));
    let mut chosen: Vec<Recipient> = Vec::new();
    loop {
        let query: String = Input::with_theme(&theme)
            .with_prompt("Search")
            .interact_text()
            .map_err(map)?;
        let matches = dir.filter(&Filter::parse_query(&query));
        if matches.is_empty() {
            say(&format!(
                "No one matches `{}`. Try a surname, a constituency, or a state code such as region:MA.",
                query.trim()
            ));
            continue;
        }
        if matches.len() > SHOWN {
            say(&format!(
                "{} match; showing the first {SHOWN}. Add words to narrow it down.",
                matches.len()
            ));
        }
        let shown: Vec<&Recipient> = matches.into_iter().take(SHOWN).collect();
        let items: Vec<String> = shown.iter().map(|r| describe(r)).collect();
        let picked = MultiSelect::with_theme(&theme)
            .with_prompt("Choose with Space, then press Enter")
            .items(&items)
            .defaults(&vec![shown.len() == 1; shown.len()])
            .max_length(15)
            .interact()
            .map_err(map)?;
        for i in picked {
            if !chosen.iter().any(|c| c.id == shown[i].id) {
                chosen.push(shown[i].clone());
            }
        }
        if !chosen.is_empty() {
            say(&format!(
                "Writing to: {}",
                chosen
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let more = Confirm::with_theme(&theme)
            .with_prompt(if chosen.is_empty() {
                "No one chosen yet. Search again?"
            } else {
                "Add more recipients?"
            })
            .default(chosen.is_empty())
            .interact()
            .map_err(map)?;
        if !more {
            if chosen.is_empty() {
                return Err(Error::cancelled());
            }
            break;
        }
    }
    for r in &chosen {
        if !crate::templates::suits(template, r) {
            say(&format!(
                "{} this letter is written for {}; {} is in {}.",
                style("Note:").yellow(),
                template.audience.join(", "),
                r.name,
                r.body
            ));
        }
    }
    Ok(chosen)
}

/// What the person decided after the preview.
pub enum Decision {
    /// Write the letters.
    Write,
    /// Stop; write nothing.
    Cancel,
}

/// Shows each letter, lets the person edit any of them, and asks to write or cancel.
pub fn preview(letters: &mut [Letter]) -> Result<Decision> {
    let theme = theme();
    let mut i = 0;
    loop {
        let letter = &letters[i];
        heading(&format!(
            "Preview: letter {} of {} — to {}",
            i + 1,
            letters.len(),
            letter.recipient.name
        ));
        say(&format!("{}", style("─".repeat(60)).dim()));
        say(&letter.to_text());
        say(&format!("{}", style("─".repeat(60)).dim()));
        if let Some(warning) = similarity_note(letter) {
            say(&warning);
        }
        let mut actions = vec!["Write the letters", "Edit this letter"];
        if letters.len() > 1 {
            actions.push("Show the next letter");
        }
        actions.push("Cancel (write nothing)");
        let choice = Select::with_theme(&theme)
            .with_prompt("What next?")
            .items(&actions)
            .default(0)
            .interact()
            .map_err(map)?;
        match actions[choice] {
            "Write the letters" => return Ok(Decision::Write),
            "Edit this letter" => {
                if let Some(edited) = Editor::new().edit(&letters[i].body).map_err(map)? {
                    let edited = crate::letters::tidy(&edited);
                    if !edited.is_empty() {
                        letters[i].body = edited;
                    }
                }
            }
            "Show the next letter" => i = (i + 1) % letters.len(),
            _ => return Ok(Decision::Cancel),
        }
    }
}

fn similarity_note(_letter: &Letter) -> Option<String> {
    None
}

/// Asks where to write the letters.
pub fn folder(default: &std::path::Path) -> Result<std::path::PathBuf> {
    let dir: String = Input::with_theme(&theme())
        .with_prompt("Save the letters in folder")
        .default(default.display().to_string())
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err("give a folder name, e.g. letters")
            } else {
                Ok(())
            }
        })
        .interact_text()
        .map_err(map)?;
    Ok(std::path::PathBuf::from(dir.trim()))
}
