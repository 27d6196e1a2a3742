//! The terminal wizard: every prompt outcry shows, and the only module that uses dialoguer.
//!
//! It asks what the flags did not say (sender, template, recipients, answers), previews the
//! letters and lets the person edit or cancel. Validation is not done here: answers go back
//! through [`crate::questions`], so typed and scripted values obey the same rules. It writes
//! nothing: saving the profile or a new recipient is a decision it returns, applied by the
//! command after the letters are written. Ctrl-C anywhere ends the run with exit code 130.
//!
//! May import: every layer below `commands`.

use crate::support::i18n::{Arg, t, ui};
use std::io::IsTerminal;

use console::style;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Editor, Input, MultiSelect, Select};

use crate::conventions::describe;
use crate::data::profile::Profile;
use crate::data::recipients::{Directory, Filter, Recipient};
use crate::data::templates::{CommitteeHint, Template};
use crate::error::{Error, Result};
use crate::letters::Letter;
use crate::mail::secret::Secret;
use crate::questions::{Asker, Question, QuestionKind};

/// Whether prompts can be shown (standard input and error are terminals).
pub fn available() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Makes Ctrl-C outside a prompt end the run like Ctrl-C inside one: cursor restored, exit 130.
pub fn install_interrupt_handler() {
    crate::support::interrupt::install(Some(|| {
        let _ = console::Term::stderr().show_cursor();
    }));
}

/// The wizard's look: the current row is marked with `>` and ticked rows with `[x]`, so that
/// both can be seen without colour (`NO_COLOR`, screen readers, monochrome terminals).
fn theme() -> ColorfulTheme {
    ColorfulTheme {
        active_item_prefix: style(">".to_string()).for_stderr().cyan().bold(),
        inactive_item_prefix: style(" ".to_string()).for_stderr(),
        checked_item_prefix: style("[x]".to_string()).for_stderr().green(),
        unchecked_item_prefix: style("[ ]".to_string()).for_stderr(),
        ..ColorfulTheme::default()
    }
}

/// Opens `text` in the writer's editor and returns what they saved. Uses `$VISUAL` or
/// `$EDITOR`; else `nano` if it is installed, with one line on how to save and close; else
/// asks for the text in the terminal, one paragraph at a time.
fn edit_text(text: &str) -> Result<Option<String>> {
    let configured = ["VISUAL", "EDITOR"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|e| !e.is_empty()));
    if configured {
        say(&format!(
            "{}",
            style("Opening your editor: save and close it to continue.").dim()
        ));
        return Editor::new().edit(text).map_err(map);
    }
    let nano = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("nano").is_file()));
    if nano {
        say(&format!(
            "{}",
            style("Opening nano: when you are done, press Ctrl-O then Enter to save, and Ctrl-X to close.").dim()
        ));
        return Editor::new().executable("nano").edit(text).map_err(map);
    }
    say(
        "No text editor is set up, so type the new text here: one paragraph per line, and an empty line to finish. The current text is:",
    );
    say(text);
    let mut paragraphs: Vec<String> = Vec::new();
    loop {
        let line: String = Input::with_theme(&theme())
            .with_prompt(format!("Paragraph {}", paragraphs.len() + 1))
            .allow_empty(true)
            .interact_text()
            .map_err(map)?;
        if line.trim().is_empty() {
            break;
        }
        paragraphs.push(line.trim().to_string());
    }
    Ok((!paragraphs.is_empty()).then(|| paragraphs.join("\n\n")))
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
        match &q.kind {
            QuestionKind::Text { default } => {
                let mut input = Input::<String>::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(!q.required);
                if let Some(d) = default {
                    input = input.default(d.clone());
                }
                input.interact_text().map_err(map)
            }
            QuestionKind::Multiline { default } => {
                let optional = if q.required { "" } else { ", or leave empty" };
                say(&format!(
                    "{}",
                    style(format!("Type one paragraph and press Enter{optional}; type :e to write it in your editor instead.")).dim()
                ));
                let mut input = Input::<String>::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(!q.required);
                if let Some(d) = default {
                    input = input.default(d.clone());
                }
                let typed = input.interact_text().map_err(map)?;
                if typed.trim() == ":e" {
                    let edited = edit_text(&format!("{}\n", default.clone().unwrap_or_default()))?;
                    Ok(edited.unwrap_or_default())
                } else {
                    Ok(typed)
                }
            }
            QuestionKind::Choice { choices, default } => {
                let labels: Vec<&str> = choices.iter().map(|c| c.label()).collect();
                let default = default
                    .as_deref()
                    .and_then(|d| choices.iter().position(|c| c.value() == d))
                    .unwrap_or(0);
                let i = Select::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .items(&labels)
                    .default(default)
                    .interact()
                    .map_err(map)?;
                Ok(choices[i].value().to_string())
            }
            QuestionKind::Bool { default } => {
                let yes = Confirm::with_theme(&theme)
                    .with_prompt(&q.prompt)
                    .default(default.unwrap_or(false))
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
                crate::data::recipients::check_email(s.trim()).map_err(|e| e.to_string())
            }
        })
        .interact_text()
        .map_err(map)?;
    p.email = Some(email.trim().to_string()).filter(|e| !e.is_empty());
    let old = std::mem::take(&mut p.address);
    p.address = address_lines(
        "Your postal address, one line at a time (street, town, postcode). An empty line finishes.",
        &old,
        true,
    )?;
    p.country = Some(country(
        "Your country (a code such as US or GB, or its name)",
        p.country.as_deref().unwrap_or_default(),
    )?);
    let save = Confirm::with_theme(&theme)
        .with_prompt("Save these details for next time?")
        .default(true)
        .interact()
        .map_err(map)?;
    Ok((p, save))
}

/// Asks for address lines until an empty one; `required` asks for at least one. `old` lines
/// are offered for editing.
fn address_lines(intro: &str, old: &[String], required: bool) -> Result<Vec<String>> {
    say(&format!("{}", style(intro).dim()));
    let mut lines = Vec::new();
    loop {
        let line: String = Input::with_theme(&theme())
            .with_prompt(format!("Address line {}", lines.len() + 1))
            .with_initial_text(old.get(lines.len()).cloned().unwrap_or_default())
            .allow_empty(!required || !lines.is_empty())
            .interact_text()
            .map_err(map)?;
        if line.trim().is_empty() {
            return Ok(lines);
        }
        lines.push(line.trim().to_string());
    }
}

/// Asks for an ISO country code; returns it normalised (upper case, `UK` → `GB`).
fn country(prompt: &str, initial: &str) -> Result<String> {
    let answer: String = Input::with_theme(&theme())
        .with_prompt(prompt)
        .with_initial_text(initial.to_string())
        .validate_with(|s: &String| {
            if crate::data::recipients::parse_country(s).is_some() {
                Ok(())
            } else {
                Err("a country code such as US or GB, or a name such as United Kingdom")
            }
        })
        .interact_text()
        .map_err(map)?;
    Ok(crate::data::recipients::normalize_country(&answer))
}

/// Lets the person pick a template: those written for every chosen recipient first.
/// The letters that fit every chosen recipient come first, in the order of the article's calls;
/// follow-ups (thank-you, chase) come last, and a chase letter only when there is an earlier
/// letter to follow (`has_earlier`).
pub fn template<'a>(
    templates: &[&'a Template],
    chosen: &[Recipient],
    has_earlier: bool,
) -> Result<&'a Template> {
    heading("What do you want to ask for?");
    let fits = |t: &Template| chosen.iter().all(|r| crate::data::templates::suits(t, r));
    let offered: Vec<&'a Template> = templates
        .iter()
        .copied()
        .filter(|t| has_earlier || !t.questions.iter().any(|q| q.key == "previous_date"))
        .collect();
    let rank = |t: &Template| (!fits(t), t.follow_up);
    let mut ordered: Vec<&'a Template> = offered.iter().copied().filter(|t| fits(t)).collect();
    ordered.sort_by_key(|t| rank(t));
    let mut others: Vec<&'a Template> = offered.iter().copied().filter(|t| !fits(t)).collect();
    others.sort_by_key(|t| rank(t));
    if ordered.is_empty() {
        say("None of the letters is written for all of the people you chose; pick the closest.");
    }
    let first_other = ordered.len();
    ordered.extend(others);
    let items: Vec<String> = ordered
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let note = if i >= first_other && first_other > 0 {
                "  (not written for all of them)"
            } else {
                ""
            };
            format!("{} — {}{note}", t.title, t.summary)
        })
        .collect();
    let i = Select::with_theme(&theme())
        .with_prompt("Choose a letter")
        .items(&items)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(map)?;
    Ok(ordered[i])
}

/// Asks which earlier letter a chase letter follows, newest first.
pub fn earlier_letter(files: &[std::path::PathBuf]) -> Result<std::path::PathBuf> {
    let items: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let i = Select::with_theme(&theme())
        .with_prompt("Which letter are you following up?")
        .items(&items)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(map)?;
    Ok(files[i].clone())
}

/// Whom the person chose, and the people they typed in and want kept for next time (saved by
/// the command only after the letters are written).
#[derive(Debug, Default)]
pub struct Chosen {
    /// Everyone chosen, in order.
    pub recipients: Vec<Recipient>,
    /// Typed-in recipients to add to the user's recipients file.
    pub to_save: Vec<Recipient>,
}

/// Searches and picks recipients until the person is done; also lets them type in someone
/// who is not in the lists (a minister, a company, an editor...). `committees` are the
/// committees the templates suggest.
pub fn recipients(
    dir: &Directory,
    template: Option<&Template>,
    committees: &[CommitteeHint],
) -> Result<Chosen> {
    const SHOWN: usize = 100;
    let theme = theme();
    heading("Whom do you want to write to?");
    for note in dir.overview_warnings() {
        say(&format!("{}", style(note).yellow()));
    }
    let mut chosen: Vec<Recipient> = Vec::new();
    let mut to_save: Vec<Recipient> = Vec::new();
    loop {
        let how = Select::with_theme(&theme)
            .with_prompt("Find them")
            .items([
                "Search representatives (name, state, constituency, party, committee)",
                "Someone else: a minister, an embassy, a company, an editor, a medical body, a UN office...",
                "My representatives, from my US ZIP code or my UK postcode, constituency, town or council",
                "Members of a committee that works on this (Foreign Affairs, the China Select Committee...)",
            ])
            .default(0)
            .interact()
            .map_err(map)?;
        if how == 2 || how == 3 {
            let (found, notes) = if how == 2 {
                find_mine(dir)?
            } else {
                committee_members(dir, committees)?
            };
            for note in notes {
                say(&format!("{} {note}", style("Note:").yellow()));
            }
            if !found.is_empty() {
                let items: Vec<String> = found.iter().map(describe).collect();
                let defaults = if how == 2 {
                    mine_ticked(&found)
                } else {
                    vec![false; found.len()]
                };
                let picked = MultiSelect::with_theme(&theme)
                    .with_prompt("Choose with Space (a: all), then press Enter")
                    .items(&items)
                    .defaults(&defaults)
                    .max_length(15)
                    .interact()
                    .map_err(map)?;
                for i in picked {
                    if !chosen.iter().any(|c| c.id == found[i].id) {
                        chosen.push(found[i].clone());
                    }
                }
            }
        } else if how == 1 {
            let (r, save) = someone_else(dir, &chosen)?;
            say(&format!("Added {}.", describe(&r)));
            if save {
                to_save.push(r.clone());
            }
            chosen.push(r);
        } else {
            say(&format!(
                "{}",
                style(
                    "Type a name, state, constituency or party, e.g. `warren`, `aldershot`, `labour leeds`.\n\
                     Filters: country:US body:us-senate region:MA district:14 party:green committee:SSFR"
                )
                .dim()
            ));
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
            } else {
                if matches.len() > SHOWN {
                    say(&format!(
                        "{} match; showing the first {SHOWN}. Add words to narrow it down.",
                        matches.len()
                    ));
                }
                let shown: Vec<&Recipient> = matches.into_iter().take(SHOWN).collect();
                let items: Vec<String> = shown.iter().map(|r| describe(r)).collect();
                let picked = MultiSelect::with_theme(&theme)
                    .with_prompt("Choose with Space (a: all), then press Enter")
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
    if let Some(template) = template {
        for r in &chosen {
            if !crate::data::templates::suits(template, r) {
                say(&format!(
                    "{} this letter is written for {}; {} is in {}.",
                    style("Note:").yellow(),
                    template.audience.join(", "),
                    r.name,
                    r.body
                ));
            }
        }
    }
    Ok(Chosen {
        recipients: chosen,
        to_save,
    })
}

/// Which of "my representatives" start ticked: senators (a state has two, both yours), and a
/// House member or MP only when the place gives exactly one. When it gives several, nothing is
/// ticked among them: the writer's street address decides, so the wizard says so and where to
/// check, and the writer chooses.
fn mine_ticked(found: &[Recipient]) -> Vec<bool> {
    let district_seat = |r: &Recipient| matches!(r.body.as_str(), "us-house" | "uk-commons");
    let seats = found.iter().filter(|r| district_seat(r)).count();
    if seats > 1 {
        let lookup = if found.iter().any(|r| r.country == "US") {
            "https://www.house.gov/representatives/find-your-representative"
        } else {
            "https://members.parliament.uk/constituencies"
        };
        say(&format!(
            "{} this place is in {seats} {}; your street address decides which one is yours. Check it at {lookup}, then choose yours with Space.",
            style("Note:").yellow(),
            if found.iter().any(|r| r.country == "US") {
                "congressional districts"
            } else {
                "constituencies"
            }
        ));
    }
    found
        .iter()
        .map(|r| !district_seat(r) || seats == 1)
        .collect()
}

/// "My representatives": a ZIP code or a UK place.
fn find_mine(dir: &Directory) -> Result<(Vec<Recipient>, Vec<String>)> {
    loop {
        let place: String = Input::with_theme(&theme())
            .with_prompt("Your US ZIP code, or your UK postcode, constituency, town or council")
            .interact_text()
            .map_err(map)?;
        match crate::data::recipients::find::lookup(dir, &place) {
            Ok(found) => {
                let mut notes = found.notes.clone();
                for r in &found.recipients {
                    if let Some(share) = found.shares.get(&r.id) {
                        notes.push(format!(
                            "{}: {}% of the area's postcodes",
                            r.district.as_deref().unwrap_or(&r.name),
                            (share * 100.0).round().max(1.0)
                        ));
                    }
                }
                notes.extend(
                    dir.warnings_for(found.recipients.iter().copied())
                        .into_iter()
                        .filter(|w| w.starts_with("warning:")),
                );
                if found.postcode {
                    notes.push(format!(
                        "postcode lookup: {}",
                        crate::data::recipients::uk_postcodes::ATTRIBUTION
                    ));
                }
                return Ok((found.recipients.into_iter().cloned().collect(), notes));
            }
            Err(e) => say(&format!("{} {}", style("Not found:").red(), e.message())),
        }
    }
}

/// Members of a chosen committee, optionally from one state.
fn committee_members(
    dir: &Directory,
    committees: &[CommitteeHint],
) -> Result<(Vec<Recipient>, Vec<String>)> {
    let labels: Vec<&str> = committees.iter().map(|c| c.label.as_str()).collect();
    let i = Select::with_theme(&theme())
        .with_prompt("Which committee?")
        .items(&labels)
        .default(0)
        .interact()
        .map_err(map)?;
    let state: String = Input::with_theme(&theme())
        .with_prompt("Only members from one state? Two letters, or leave empty for all")
        .allow_empty(true)
        .interact_text()
        .map_err(map)?;
    let filter = Filter {
        committee: Some(committees[i].code.clone()),
        region: Some(state.trim().to_uppercase()).filter(|s| !s.is_empty()),
        ..Default::default()
    };
    let found: Vec<Recipient> = dir.filter(&filter).into_iter().cloned().collect();
    let notes = if found.is_empty() {
        vec![format!(
            "no member of {} is from {}",
            labels[i],
            state.trim()
        )]
    } else {
        Vec::new()
    };
    Ok((found, notes))
}

/// Asks for a recipient who is not in the lists, validates it like a recipients file, and
/// asks whether to keep it in the user's recipients file (returned, not saved here).
fn someone_else(dir: &Directory, chosen: &[Recipient]) -> Result<(Recipient, bool)> {
    let theme = theme();
    say(&format!(
        "{}",
        style("Use details the person or office publishes (their website, a directory); never guess an email address.").dim()
    ));
    let non_empty = |s: &String| {
        if s.trim().is_empty() {
            Err("this is needed")
        } else {
            Ok(())
        }
    };
    let optional = |prompt: &str| -> Result<Option<String>> {
        let v: String = Input::with_theme(&theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()
            .map_err(map)?;
        Ok(Some(v.trim().to_string()).filter(|v| !v.is_empty()))
    };
    let name: String = Input::with_theme(&theme)
        .with_prompt("Their name, or the office (e.g. \"The Letters Editor\")")
        .validate_with(non_empty)
        .interact_text()
        .map_err(map)?;
    let role = optional("Their title or role (optional, e.g. \"Minister of Health\")")?;
    let organisation = optional("Organisation (optional, e.g. \"The Example Times\")")?;
    let kinds: Vec<(&str, &str)> = crate::data::recipients::BODIES
        .iter()
        .copied()
        .filter(|(b, _)| !crate::data::recipients::is_legislature(b) || *b == "legislature")
        .collect();
    let labels: Vec<String> = kinds.iter().map(|(b, d)| format!("{d} ({b})")).collect();
    let k = Select::with_theme(&theme)
        .with_prompt("What kind of recipient?")
        .items(&labels)
        .default(0)
        .interact()
        .map_err(map)?;
    let country = country("Their country (a code such as US or CH, or its name)", "")?;
    loop {
        let email = optional("Their published email address (optional)")?;
        let postal = address_lines(
            "Their postal address, one line at a time; an empty line finishes.",
            &[],
            false,
        )?;
        let salutation =
            optional("How to greet them (optional, e.g. \"Dear Editor\"; default \"Dear NAME\")")?;
        let base = crate::support::text::slug(&format!(
            "{} {}",
            name,
            organisation.clone().unwrap_or_default()
        ));
        let id = crate::support::text::UniqueIds::new().next(&base, "recipient", |id| {
            dir.get(id).is_some() || chosen.iter().any(|c| c.id == id)
        });
        let r = Recipient {
            id,
            name: name.trim().to_string(),
            salutation: salutation.map(|s| s.trim_end_matches(',').to_string()),
            role: role.clone(),
            organisation: organisation.clone(),
            body: kinds[k].0.to_string(),
            country: country.clone(),
            contact: crate::data::recipients::Contact {
                email,
                postal,
                ..Default::default()
            },
            source: Some("entered by the user".into()),
            as_of: Some(crate::support::env::today_or_clock().to_string()),
            ..Default::default()
        };
        let problems = crate::data::recipients::validate(&r);
        if !problems.is_empty() {
            for (_, message) in problems {
                say(&format!("{} {message}", style("That can't be used:").red()));
            }
            say("Please enter the contact details again.");
            continue;
        }
        let path = crate::data::recipients::store::user_file();
        let save = Confirm::with_theme(&theme)
            .with_prompt(format!(
                "Save {} to your own recipients ({}) for next time?",
                r.name,
                path.display()
            ))
            .default(true)
            .interact()
            .map_err(map)?;
        return Ok((r, save));
    }
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
        say(&crate::render::txt::render(letter));
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
                if let Some(edited) = edit_text(&letters[i].body)? {
                    let edited = crate::letters::tidy(&edited);
                    if !edited.is_empty() {
                        letters[i].set_body(edited);
                    }
                }
            }
            "Show the next letter" => i = (i + 1) % letters.len(),
            _ => return Ok(Decision::Cancel),
        }
    }
}

fn similarity_note(letter: &Letter) -> Option<String> {
    letter.score.mostly_template().then(|| {
        format!(
            "{} this letter is almost all template text ({:.0}% in your own words). Offices give far more \
             weight to letters in the writer's own words: choose \"Edit this letter\" and add two or three \
             sentences on why this matters to you.",
            style("Tip:").yellow(),
            letter.score.own_words * 100.0
        )
    })
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

/// Offers to continue the letter started earlier; the default is yes.
pub fn offer_draft(draft: &crate::records::draft::Draft) -> Result<bool> {
    heading("You have an unfinished letter");
    say(&format!(
        "From {}: {}{} answer{} typed.",
        draft.date,
        draft
            .template
            .as_deref()
            .map(|t| format!("`{t}`, "))
            .unwrap_or_default(),
        draft.answers.len(),
        if draft.answers.len() == 1 { "" } else { "s" }
    ));
    Confirm::with_theme(&theme())
        .with_prompt("Continue it?")
        .default(true)
        .interact()
        .map_err(map)
}

/// Asks what to do when the writer's own words are in language `words` and some letters in
/// `letters` (language tags): keep the words as typed, with a line inviting a reply in
/// either language (`Some(false)`), or write the letters in the writer's language instead
/// (`Some(true)`; offered when `can_switch`). `None`: neither (the run stops, the draft kept).
pub fn keep_own_words(words: &str, letters: &[&str], can_switch: bool) -> Result<Option<bool>> {
    let name = |tag: &str| ui("language-name", &[("tag", Arg::Str(tag))]);
    let words = name(words);
    let letters = letters
        .iter()
        .map(|l| name(l))
        .collect::<Vec<_>>()
        .join(", ");
    heading(&t("own-words-heading"));
    say(&ui(
        "own-words-explain",
        &[("words", Arg::Str(&words)), ("letters", Arg::Str(&letters))],
    ));
    let mut items = vec![t("own-words-keep")];
    if can_switch {
        items.push(ui("own-words-switch", &[("words", Arg::Str(&words))]));
    }
    items.push(t("own-words-stop"));
    let choice = Select::with_theme(&theme())
        .with_prompt(t("own-words-prompt"))
        .items(&items)
        .default(0)
        .interact()
        .map_err(map)?;
    Ok(match choice {
        0 => Some(false),
        1 if can_switch => Some(true),
        _ => None,
    })
}

/// What to do when a letter file is already there.
pub enum Collision {
    /// Replace the files that exist.
    Replace,
    /// Keep them, and write the new letters under numbered names.
    KeepBoth,
    /// Write the letters to another folder.
    OtherFolder,
}

/// Asks what to do about a letter file that already exists (nothing typed is lost).
pub fn collision(existing: &std::path::Path) -> Result<Collision> {
    say(&format!(
        "{} `{}` already exists (perhaps you wrote this letter earlier today).",
        style("Note:").yellow(),
        existing.display()
    ));
    let i = Select::with_theme(&theme())
        .with_prompt("What should happen to the letters already there?")
        .items([
            "Keep both: write the new letters under numbered names",
            "Replace them with the new letters",
            "Choose another folder",
        ])
        .default(0)
        .interact()
        .map_err(map)?;
    Ok(match i {
        0 => Collision::KeepBoth,
        1 => Collision::Replace,
        _ => Collision::OtherFolder,
    })
}

/// Asks for another folder after the first could not be used.
pub fn other_folder(current: &std::path::Path) -> Result<std::path::PathBuf> {
    let dir: String = Input::with_theme(&theme())
        .with_prompt(format!(
            "Another folder for the letters (not {})",
            current.display()
        ))
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err("give a folder name, e.g. letters-2")
            } else {
                Ok(())
            }
        })
        .interact_text()
        .map_err(map)?;
    Ok(std::path::PathBuf::from(dir.trim()))
}

/// The send loop's questions, asked in the terminal.
pub struct Prompts;

impl crate::mail::send::Prompter for Prompts {
    fn available(&self) -> bool {
        available()
    }
    fn confirm_send(&mut self, count: usize, host: &str) -> Result<bool> {
        confirm_send(count, host)
    }
    fn password(&mut self, user: &str, host: &str) -> Result<Secret> {
        password(user, host)
    }
}

/// Asks before sending; the default is no.
pub fn confirm_send(count: usize, host: &str) -> Result<bool> {
    Confirm::with_theme(&theme())
        .with_prompt(format!(
            "Send {count} letter{} now through {host}?",
            if count == 1 { "" } else { "s" }
        ))
        .default(false)
        .interact()
        .map_err(map)
}

/// Asks before `outcry forget` erases `count` files; the default is no.
pub fn confirm_forget(count: usize) -> Result<bool> {
    Confirm::with_theme(&theme())
        .with_prompt(format!(
            "Erase these {count} file{}? This cannot be undone",
            if count == 1 { "" } else { "s" }
        ))
        .default(false)
        .interact()
        .map_err(map)
}

/// Asks for the mail password without showing it.
pub fn password(user: &str, host: &str) -> Result<Secret> {
    let p = dialoguer::Password::with_theme(&theme())
        .with_prompt(format!("Password for {user} on {host} (not stored)"))
        .interact()
        .map_err(map)?;
    Ok(Secret::new(p))
}

/// Asks whether to send by email, and the mail server settings (never the password).
pub fn smtp_settings(
    current: Option<crate::data::profile::smtp::SmtpSettings>,
    email: Option<&str>,
) -> Result<Option<crate::data::profile::smtp::SmtpSettings>> {
    use crate::data::profile::smtp::{Security, SmtpSettings};
    let theme = theme();
    heading("Sending by email (optional)");
    say(
        "outcry can send your letters from your own email account. You can skip this and send them yourself.",
    );
    let wanted = Confirm::with_theme(&theme)
        .with_prompt("Set up sending from your email account?")
        .default(current.is_some())
        .interact()
        .map_err(map)?;
    if !wanted {
        return Ok(current);
    }
    let mut old = current.unwrap_or(SmtpSettings {
        username: email.map(str::to_string),
        ..SmtpSettings::new("", Security::Starttls)
    });
    // A preset fills in the server; "Another provider" (first, the default) asks for it.
    let presets = crate::data::profile::providers::PROVIDERS;
    let mut items = vec!["Another provider (I will type its server)".to_string()];
    items.extend(presets.iter().map(|p| p.name.to_string()));
    let chosen = Select::with_theme(&theme)
        .with_prompt("Your email provider")
        .items(&items)
        .default(0)
        .interact()
        .map_err(map)?;
    if let Some(preset) = chosen.checked_sub(1).and_then(|i| presets.get(i)) {
        old.host = preset.host.to_string();
        old.port = Some(preset.port);
        old.security = preset.security;
        say(&format!(
            "{}",
            style(format!(
                "To log in, {} needs {}.",
                preset.name, preset.login
            ))
            .dim()
        ));
    } else {
        say(&format!(
            "{}",
            style("Your provider's help pages give the server, security and port.").dim()
        ));
    }
    let host: String = Input::with_theme(&theme)
        .with_prompt("Mail server (SMTP host)")
        .with_initial_text(old.host.clone())
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err("e.g. smtp.gmail.com")
            } else {
                Ok(())
            }
        })
        .interact_text()
        .map_err(map)?;
    let choices = [
        "STARTTLS on port 587 (most providers)",
        "TLS on port 465",
        "No encryption (a server on this computer only)",
    ];
    let default = match old.security {
        Security::Starttls => 0,
        Security::Tls => 1,
        Security::None => 2,
    };
    let security = match Select::with_theme(&theme)
        .with_prompt("Security")
        .items(choices)
        .default(default)
        .interact()
        .map_err(map)?
    {
        0 => Security::Starttls,
        1 => Security::Tls,
        _ => Security::None,
    };
    let usual_port = match security {
        Security::Starttls => 587,
        Security::Tls => 465,
        Security::None => 25,
    };
    let current_port = if security == old.security {
        old.port.unwrap_or(usual_port)
    } else {
        usual_port
    };
    let port: u16 = Input::with_theme(&theme)
        .with_prompt("Port")
        .default(current_port)
        .interact_text()
        .map_err(map)?;
    let username: String = Input::with_theme(&theme)
        .with_prompt(
            "Login name (usually your email address; leave empty if the server needs no login)",
        )
        .with_initial_text(old.username.clone().unwrap_or_default())
        .allow_empty(true)
        .interact_text()
        .map_err(map)?;
    let command = if username.trim().is_empty() {
        say(&format!(
            "{}",
            style("No login: outcry will not ask for a password.").dim()
        ));
        String::new()
    } else {
        say(&format!(
            "{}",
            style("outcry never stores your password. Give a command that prints it (e.g. `pass show mail`), or leave this empty to be asked each time you send.").dim()
        ));
        Input::with_theme(&theme)
            .with_prompt("Password command (optional)")
            .with_initial_text(old.password_command.clone().unwrap_or_default())
            .allow_empty(true)
            .interact_text()
            .map_err(map)?
    };
    Ok(Some(SmtpSettings {
        host: host.trim().to_string(),
        security,
        port: (port != usual_port).then_some(port),
        username: Some(username.trim().to_string()).filter(|u| !u.is_empty()),
        password_command: Some(command.trim().to_string()).filter(|c| !c.is_empty()),
        ..old
    }))
}

/// After writing: offer to send the email letters now.
pub fn offer_send(count: usize) -> Result<bool> {
    Confirm::with_theme(&theme())
        .with_prompt(format!(
            "Send the {count} email letter{} now?",
            if count == 1 { "" } else { "s" }
        ))
        .default(false)
        .interact()
        .map_err(map)
}

/// Asks what came back from `name` (for `outcry reply`); returns the index in `outcomes`.
pub fn reply_outcome(name: &str, outcomes: &[&str]) -> Result<usize> {
    Select::with_theme(&theme())
        .with_prompt(format!("What came back from {name}?"))
        .items(outcomes)
        .default(0)
        .interact()
        .map_err(map)
}
