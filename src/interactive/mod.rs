//! The terminal wizard: every prompt outcry shows, and the only module that uses dialoguer.
//!
//! It asks what the flags did not say (sender, template, recipients, answers), previews the
//! letters and lets the person edit or cancel. Validation is not done here: answers go back
//! through [`crate::questions`], so typed and scripted values obey the same rules. It writes
//! nothing: saving the profile or a new recipient is a decision it returns, applied by the
//! command after the letters are written. Ctrl-C anywhere ends the run with exit code 130.
//!
//! May import: every layer below `commands`.

use crate::support::i18n::{Arg, t, ui, ui_or};
use std::io::IsTerminal;

use console::style;
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Editor, Input, MultiSelect, Select};

use crate::conventions::describe;
use crate::data::profile::Profile;
use crate::data::recipients::{Directory, Filter, Recipient, RecipientFields};
use crate::data::templates::{CommitteeHint, Template};
use crate::error::{Error, Result};
use crate::letters::Letter;
use crate::mail::secret::Secret;
use crate::questions::{Asker, Question, QuestionKind};

mod messages;
mod screen;

pub use screen::on_path;

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

/// The wizard's look: dialoguer's colourful theme, with the current row marked `>` and ticked
/// rows `[x]` in every menu (the colourful theme marks the current row of a multi-select by
/// colour alone), so that both can be seen without colour (`NO_COLOR`, screen readers,
/// monochrome terminals).
struct WizardTheme(ColorfulTheme);

fn theme() -> WizardTheme {
    WizardTheme(ColorfulTheme {
        active_item_prefix: style(">".to_string()).for_stderr().cyan().bold(),
        inactive_item_prefix: style(" ".to_string()).for_stderr(),
        checked_item_prefix: style("[x]".to_string()).for_stderr().green(),
        unchecked_item_prefix: style("[ ]".to_string()).for_stderr(),
        ..ColorfulTheme::default()
    })
}

/// Everything as the colourful theme draws it, but a multi-select row: `> [x] text`.
impl Theme for WizardTheme {
    fn format_prompt(&self, f: &mut dyn std::fmt::Write, prompt: &str) -> std::fmt::Result {
        self.0.format_prompt(f, prompt)
    }
    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        self.0.format_error(f, err)
    }
    fn format_input_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> std::fmt::Result {
        self.0.format_input_prompt(f, prompt, default)
    }
    fn format_confirm_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> std::fmt::Result {
        self.0.format_confirm_prompt(f, prompt, default)
    }
    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> std::fmt::Result {
        self.0.format_confirm_prompt_selection(f, prompt, selection)
    }
    fn format_input_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> std::fmt::Result {
        self.0.format_input_prompt_selection(f, prompt, sel)
    }
    fn format_password_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
    ) -> std::fmt::Result {
        self.0.format_password_prompt_selection(f, prompt)
    }
    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> std::fmt::Result {
        self.0
            .format_multi_select_prompt_selection(f, prompt, selections)
    }
    fn format_select_prompt_item(
        &self,
        f: &mut dyn std::fmt::Write,
        text: &str,
        active: bool,
    ) -> std::fmt::Result {
        self.0.format_select_prompt_item(f, text, active)
    }
    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn std::fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> std::fmt::Result {
        let t = &self.0;
        let row = if active {
            &t.active_item_prefix
        } else {
            &t.inactive_item_prefix
        };
        let tick = if checked {
            &t.checked_item_prefix
        } else {
            &t.unchecked_item_prefix
        };
        let text = if active {
            t.active_item_style.apply_to(text)
        } else {
            t.inactive_item_style.apply_to(text)
        };
        write!(f, "{row} {tick} {text}")
    }
    fn format_sort_prompt_item(
        &self,
        f: &mut dyn std::fmt::Write,
        text: &str,
        picked: bool,
        active: bool,
    ) -> std::fmt::Result {
        self.0.format_sort_prompt_item(f, text, picked, active)
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
        say(&format!("{}", style(t("ui-editor-opening")).dim()));
        return Editor::new().edit(text).map_err(map);
    }
    let nano = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("nano").is_file()));
    if nano {
        say(&format!("{}", style(t("ui-editor-nano")).dim()));
        return Editor::new().executable("nano").edit(text).map_err(map);
    }
    say(&t("ui-editor-none"));
    say(text);
    let mut paragraphs: Vec<String> = Vec::new();
    loop {
        let line: String = Input::with_theme(&theme())
            .with_prompt(ui(
                "ui-editor-paragraph",
                &[("number", Arg::Num(paragraphs.len() as i64 + 1))],
            ))
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

/// Prints a line (or paragraph) for the person, wrapped at word boundaries to the terminal.
fn say(text: &str) {
    eprintln!("{}", screen::wrap(text));
}

/// [`say`] in a dim style: hints and notes that are not questions.
fn hint(text: &str) {
    say(&format!("{}", style(text).dim()));
}

fn heading(text: &str) {
    eprintln!("\n{}", style(screen::wrap(text)).bold());
}

/// A menu: `items` wrapped to the terminal, the cursor on `default`. `None` when the person
/// pressed Esc (or `q`): go back a step. The menu is cleared after the choice, leaving one
/// line with the prompt and the answer.
fn choose(prompt: &str, items: &[String], default: usize) -> Result<Option<usize>> {
    let (rows, fit) = screen::menu_rows(items, 2);
    let chosen = Select::with_theme(&theme())
        .with_prompt(prompt)
        .items(&rows)
        .default(default.min(items.len().saturating_sub(1)))
        .max_length(fit)
        .report(false)
        .interact_opt()
        .map_err(map)?;
    if let Some(i) = chosen {
        report(prompt, &items[i]);
    }
    Ok(chosen)
}

/// The one line a menu leaves after a choice: `✔ prompt · answer`, cut to the terminal's
/// width (the menu's rows may be wrapped; this line never is).
fn report(prompt: &str, answer: &str) {
    let mut line = String::new();
    let _ = theme().format_input_prompt_selection(&mut line, prompt, answer);
    let width = screen::size().1.saturating_sub(1);
    eprintln!("{}", console::truncate_str(&line, width, "…"));
}

/// [`choose`] where Esc means nothing (there is no step to go back to): asks again.
fn choose_one(prompt: &str, items: &[String], default: usize) -> Result<usize> {
    loop {
        if let Some(i) = choose(prompt, items, default)? {
            return Ok(i);
        }
    }
}

/// Several rows ticked with Space (`a` ticks all); `None` on Esc.
fn choose_many(prompt: &str, items: &[String], ticked: &[bool]) -> Result<Option<Vec<usize>>> {
    let (rows, fit) = screen::menu_rows(items, 6);
    let chosen = MultiSelect::with_theme(&theme())
        .with_prompt(prompt)
        .items(&rows)
        .defaults(ticked)
        .max_length(fit)
        .report(false)
        .interact_opt()
        .map_err(map)?;
    if let Some(picked) = &chosen {
        // Each ticked row by its first words (a name), not its whole description.
        let names: Vec<&str> = picked
            .iter()
            .map(|&i| items[i].split(" — ").next().unwrap_or(&items[i]))
            .collect();
        report(prompt, &names.join(", "));
    }
    Ok(chosen)
}

/// A yes/no question; `None` on Esc.
fn yes_no(prompt: &str, default: bool) -> Result<Option<bool>> {
    Confirm::with_theme(&theme())
        .with_prompt(prompt)
        .default(default)
        .interact_opt()
        .map_err(map)
}

/// A line of text. `required` answers are checked here so that an empty one says what is
/// missing (instead of the prompt silently coming back).
fn line(prompt: &str, initial: &str, required: Option<String>) -> Result<String> {
    Input::<String>::with_theme(&theme())
        .with_prompt(prompt)
        .with_initial_text(initial.to_string())
        .allow_empty(true)
        .validate_with(move |s: &String| match &required {
            Some(why) if s.trim().is_empty() => Err(why.clone()),
            _ => Ok(()),
        })
        .interact_text()
        .map_err(map)
}

/// The wizard's question asker. Esc on a choice or a yes/no question asks it again; the
/// guided letter uses [`ask_or_back`] to go back a step instead.
pub struct Wizard;

impl Asker for Wizard {
    fn ask(&mut self, q: &Question, error: Option<&str>) -> Result<String> {
        loop {
            if let Some(answer) = ask_or_back(q, error)? {
                return Ok(answer);
            }
        }
    }
}

/// Asks one template question; `None` when the person pressed Esc on a choice or a yes/no
/// question (go back a step). An empty answer to a required question says that it is needed.
pub fn ask_or_back(q: &Question, error: Option<&str>) -> Result<Option<String>> {
    if let Some(why) = error {
        say(&format!("{} {why}", style(&messages::cannot_use()).red()));
    }
    // The template's words, in the wizard's language when its catalogue has them.
    let prompt = ui_or(&format!("question-{}", q.ui_id), &q.prompt);
    if let Some(help) = &q.help {
        hint(&ui_or(&format!("question-{}-help", q.ui_id), help));
    }
    let theme = theme();
    let text = |default: &Option<String>| -> Result<String> {
        let required = q.required;
        let mut input = Input::<String>::with_theme(&theme)
            .with_prompt(&prompt)
            .allow_empty(true)
            .validate_with(move |s: &String| {
                if required && s.trim().is_empty() {
                    Err(messages::required())
                } else {
                    Ok(())
                }
            });
        if let Some(d) = default.as_ref().filter(|d| !d.is_empty()) {
            input = input.default(d.clone());
        }
        input.interact_text().map_err(map)
    };
    match &q.kind {
        QuestionKind::Text { default } => text(default).map(Some),
        QuestionKind::Multiline { default } => {
            hint(&messages::multiline_hint(q.required));
            let typed = text(default)?;
            if typed.trim() == ":e" {
                let edited = edit_text(&format!("{}\n", default.clone().unwrap_or_default()))?;
                Ok(Some(edited.unwrap_or_default()))
            } else {
                Ok(Some(typed))
            }
        }
        QuestionKind::Choice { choices, default } => {
            let labels: Vec<String> = choices
                .iter()
                .map(|c| ui_or(&format!("choice-{}-{}", q.ui_id, c.value()), c.label()))
                .collect();
            let default = default
                .as_deref()
                .and_then(|d| choices.iter().position(|c| c.value() == d))
                .unwrap_or(0);
            Ok(choose(&prompt, &labels, default)?.map(|i| choices[i].value().to_string()))
        }
        QuestionKind::Bool { default } => Ok(yes_no(&prompt, default.unwrap_or(false))?
            .map(|yes| if yes { "yes" } else { "no" }.to_string())),
    }
}

/// Asks for the sender's details, starting from `start` (a profile and/or flags).
/// Returns the profile and whether the person wants it saved. With `edit` (`outcry profile
/// init`), every field is asked with its current value ready to keep or change; otherwise a
/// complete profile is only confirmed.
pub fn sender(
    start: Profile,
    from_file: Option<&std::path::Path>,
    edit: bool,
) -> Result<(Profile, bool)> {
    let theme = theme();
    if !edit && start.problems().is_empty() {
        heading(&t("ui-sender-heading"));
        for line in std::iter::once(start.signature())
            .chain(start.address_lines())
            .chain(start.email.clone())
        {
            say(&format!("  {line}"));
        }
        if let Some(path) = from_file {
            say(&format!(
                "{}",
                style(ui(
                    "ui-sender-from-file",
                    &[("file", Arg::Str(&path.display().to_string()))]
                ))
                .dim()
            ));
        }
        let ok = Confirm::with_theme(&theme)
            .with_prompt(t("ui-sender-confirm"))
            .default(true)
            .interact()
            .map_err(map)?;
        if ok {
            return Ok((start, false));
        }
    }
    heading(&t("ui-about-you"));
    say(&t("ui-about-you-why"));
    if edit && !start.name.is_empty() {
        hint(&messages::edit_fields());
    }
    let mut p = start;
    p.name = line(&t("ui-name"), &p.name, Some(t("ui-name-needed")))?
        .trim()
        .to_string();
    let email: String = Input::with_theme(&theme)
        .with_prompt(t("ui-email"))
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
    p.address = address_lines(&t("ui-address"), &old, true)?;
    p.country = Some(country(
        &t("ui-country"),
        p.country.as_deref().unwrap_or_default(),
    )?);
    if edit {
        let phone = line(
            &messages::phone_prompt(),
            p.phone.as_deref().unwrap_or_default(),
            None,
        )?;
        p.phone = Some(phone.trim().to_string()).filter(|s| !s.is_empty());
    }
    let save = Confirm::with_theme(&theme)
        .with_prompt(t("ui-save-details"))
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
        let typed = line(
            &ui(
                "ui-address-line",
                &[("number", Arg::Num(lines.len() as i64 + 1))],
            ),
            old.get(lines.len()).map(String::as_str).unwrap_or_default(),
            (required && lines.is_empty()).then(messages::address_needed),
        )?;
        if typed.trim().is_empty() {
            return Ok(lines);
        }
        lines.push(typed.trim().to_string());
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

/// Lets the person pick a template for `chosen`. The letters that fit every one of them come
/// first, in the order of the article's calls (those whose first audience is theirs before
/// the others); follow-ups (thank-you, chase) come last, and a
/// chase letter only when there is an earlier letter to follow (`has_earlier`). The cursor
/// starts on `current` (the letter chosen before going back), else the first. `None` when the
/// person pressed Esc: back to choosing recipients.
pub fn template<'a>(
    templates: &[&'a Template],
    chosen: &[&Recipient],
    has_earlier: bool,
    current: Option<&str>,
) -> Result<Option<&'a Template>> {
    let fits = |t: &Template| chosen.iter().all(|r| crate::data::templates::suits(t, r));
    let offered: Vec<&'a Template> = templates
        .iter()
        .copied()
        .filter(|t| has_earlier || !t.questions.iter().any(|q| q.key == "previous_date"))
        .collect();
    // Among the letters that fit, those written first of all for these people (the first
    // body in their audience, e.g. a medical regulator's letter before a company's) lead.
    let primary = |t: &Template| {
        t.audience
            .first()
            .is_some_and(|a| chosen.iter().all(|r| r.body == a))
    };
    let rank = |t: &Template| (!fits(t), t.follow_up, !primary(t));
    let mut ordered: Vec<&'a Template> = offered.iter().copied().filter(|t| fits(t)).collect();
    ordered.sort_by_key(|t| rank(t));
    let mut others: Vec<&'a Template> = offered.iter().copied().filter(|t| !fits(t)).collect();
    others.sort_by_key(|t| rank(t));
    if ordered.is_empty() {
        say(&messages::no_letter_fits());
    }
    let first_other = ordered.len();
    ordered.extend(others);
    let items: Vec<String> = ordered
        .iter()
        .enumerate()
        .map(|(i, t)| {
            messages::template_item(
                &ui_or(&format!("template-{}-title", t.id), &t.title),
                &ui_or(&format!("template-{}-summary", t.id), &t.summary),
                i >= first_other && first_other > 0,
            )
        })
        .collect();
    let default = current
        .and_then(|id| ordered.iter().position(|t| t.id == id))
        .unwrap_or(0);
    Ok(choose(&messages::choose_letter(), &items, default)?.map(|i| ordered[i]))
}

/// Says that the chosen people need different letters, and who is in each group.
pub fn letter_groups(groups: &[Vec<&Recipient>]) {
    heading(&messages::groups_heading());
    say(&messages::groups_intro());
    for (i, group) in groups.iter().enumerate() {
        say(&messages::group_line(
            i + 1,
            &group.iter().map(|r| describe(r)).collect::<Vec<_>>(),
        ));
    }
}

/// The heading before choosing the letter for group `n` of `of`.
pub fn letter_for_group(n: usize, of: usize, group: &[&Recipient]) {
    if of > 1 {
        heading(&messages::letter_for(
            n,
            of,
            &group.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ));
    } else {
        heading(&messages::what_to_ask());
    }
}

/// Says which answers were taken from an earlier letter of this run, so they are not asked
/// twice.
pub fn shared_answers(prompts: &[&str]) {
    if !prompts.is_empty() {
        hint(&messages::shared_answers(prompts));
    }
}

/// The heading before the questions of group `n` (from 0) of the letters.
pub fn questions_heading(n: usize, names: &[&str]) {
    if n == 0 {
        heading(&messages::questions());
    } else {
        heading(&messages::questions_for(names));
    }
}

/// Asks which earlier letter a chase letter follows, newest first; `None` on Esc.
pub fn earlier_letter(files: &[std::path::PathBuf]) -> Result<Option<std::path::PathBuf>> {
    let items: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    Ok(choose(&messages::which_earlier(), &items, 0)?.map(|i| files[i].clone()))
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
/// committees the templates suggest. `start` are the people chosen before the person went
/// back a step: they can untick some, then add more. `None` when the person pressed Esc with
/// no one chosen: back a step.
pub fn recipients(
    dir: &Directory,
    template: Option<&Template>,
    committees: &[CommitteeHint],
    start: Chosen,
) -> Result<Option<Chosen>> {
    const SHOWN: usize = 100;
    heading(&messages::whom());
    for note in dir.overview_warnings() {
        say(&format!("{}", style(note).yellow()));
    }
    let Chosen {
        recipients: mut chosen,
        mut to_save,
    } = start;
    // Coming back: untick whoever should not get a letter, then go to "Add more?".
    let mut ask_more_first = false;
    if !chosen.is_empty() {
        let items: Vec<String> = chosen.iter().map(describe).collect();
        if let Some(kept) = choose_many(&messages::keep_whom(), &items, &vec![true; chosen.len()])?
        {
            let keep: Vec<bool> = (0..chosen.len()).map(|i| kept.contains(&i)).collect();
            let mut i = 0;
            chosen.retain(|_| {
                i += 1;
                keep[i - 1]
            });
            to_save.retain(|r| chosen.iter().any(|c| c.id == r.id));
        }
        ask_more_first = true;
    }
    let find_items: Vec<String> = messages::find_ways().to_vec();
    loop {
        if !ask_more_first {
            let Some(how) = choose(&messages::find_them(), &find_items, 0)? else {
                if chosen.is_empty() {
                    return Ok(None);
                }
                ask_more_first = true;
                continue;
            };
            pick(dir, committees, how, SHOWN, &mut chosen, &mut to_save)?;
        }
        ask_more_first = false;
        if !chosen.is_empty() {
            say(&messages::writing_to(
                &chosen.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ));
        }
        let more = yes_no(
            &if chosen.is_empty() {
                messages::no_one_yet()
            } else {
                messages::add_more()
            },
            chosen.is_empty(),
        )?;
        match more {
            // Esc: back to the ways of finding people.
            None | Some(true) => {}
            Some(false) if chosen.is_empty() => return Err(Error::cancelled()),
            Some(false) => break,
        }
    }
    if let Some(template) = template {
        for r in &chosen {
            if !crate::data::templates::suits(template, r) {
                say(&format!(
                    "{} {}",
                    style(t("ui-note")).yellow(),
                    ui(
                        "ui-unsuited",
                        &[
                            ("audience", Arg::Str(&template.audience.join(", "))),
                            ("name", Arg::Str(&r.name)),
                            ("body", Arg::Str(&r.body)),
                        ]
                    )
                ));
            }
        }
    }
    Ok(Some(Chosen {
        recipients: chosen,
        to_save,
    }))
}

/// One way of finding people (`how`, an index into [`&messages::find_ways()`]): adds whom the
/// person ticks to `chosen` (and a typed-in person they want kept to `to_save`).
fn pick(
    dir: &Directory,
    committees: &[CommitteeHint],
    how: usize,
    shown_max: usize,
    chosen: &mut Vec<Recipient>,
    to_save: &mut Vec<Recipient>,
) -> Result<()> {
    fn add(chosen: &mut Vec<Recipient>, found: &[Recipient], picked: Option<Vec<usize>>) {
        for i in picked.unwrap_or_default() {
            if !chosen.iter().any(|c| c.id == found[i].id) {
                chosen.push(found[i].clone());
            }
        }
    }
    match how {
        2 | 3 => {
            let (found, notes) = if how == 2 {
                find_mine(dir)?
            } else {
                committee_members(dir, committees)?
            };
            for note in notes {
                say(&format!("{} {note}", style(t("ui-note")).yellow()));
            }
            if !found.is_empty() {
                let items: Vec<String> = found.iter().map(describe).collect();
                let defaults = if how == 2 {
                    mine_ticked(&found)
                } else {
                    vec![false; found.len()]
                };
                add(
                    chosen,
                    &found,
                    choose_many(&messages::tick(), &items, &defaults)?,
                );
            }
        }
        1 => {
            let (r, save) = someone_else(dir, chosen)?;
            say(&ui("ui-added", &[("who", Arg::Str(&describe(&r)))]));
            if save {
                to_save.push(r.clone());
            }
            chosen.push(r);
        }
        _ => {
            hint(&messages::search_hint());
            let query = line(&messages::search(), "", Some(messages::search_empty()))?;
            let matches = dir.filter(&Filter::parse_query(&query));
            if matches.is_empty() {
                say(&messages::no_match(query.trim()));
            } else {
                if matches.len() > shown_max {
                    say(&messages::too_many(matches.len(), shown_max));
                }
                let shown: Vec<Recipient> = matches.into_iter().take(shown_max).cloned().collect();
                let items: Vec<String> = shown.iter().map(describe).collect();
                let picked = choose_many(
                    &messages::tick(),
                    &items,
                    &vec![shown.len() == 1; shown.len()],
                )?;
                add(chosen, &shown, picked);
            }
        }
    }
    Ok(())
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
        let message = if found.iter().any(|r| r.country == "US") {
            "ui-several-districts"
        } else {
            "ui-several-constituencies"
        };
        say(&format!(
            "{} {}",
            style(t("ui-note")).yellow(),
            ui(
                message,
                &[
                    ("count", Arg::Num(seats as i64)),
                    ("lookup", Arg::Str(lookup))
                ]
            )
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
        let place = line(&messages::place(), "", Some(messages::place_empty()))?;
        match crate::data::recipients::find::lookup(dir, &place) {
            Ok(found) => {
                let mut notes = found.notes.clone();
                for r in &found.recipients {
                    if let Some(share) = found.shares.get(r.id.as_str()) {
                        notes.push(ui(
                            "ui-postcode-share",
                            &[
                                ("seat", Arg::Str(r.district.as_deref().unwrap_or(&r.name))),
                                ("percent", Arg::Num((share * 100.0).round().max(1.0) as i64)),
                            ],
                        ));
                    }
                }
                notes.extend(
                    dir.warnings_for(found.recipients.iter().copied())
                        .into_iter()
                        .filter(|w| w.starts_with("warning:")),
                );
                if found.postcode {
                    notes.push(ui(
                        "ui-postcode-attribution",
                        &[(
                            "attribution",
                            Arg::Str(crate::data::recipients::uk_postcodes::ATTRIBUTION),
                        )],
                    ));
                }
                return Ok((found.recipients.into_iter().cloned().collect(), notes));
            }
            Err(e) => say(&format!(
                "{} {}",
                style(t("ui-not-found")).red(),
                e.message()
            )),
        }
    }
}

/// Members of a chosen committee, optionally from one state.
fn committee_members(
    dir: &Directory,
    committees: &[CommitteeHint],
) -> Result<(Vec<Recipient>, Vec<String>)> {
    let labels: Vec<String> = committees.iter().map(|c| c.label.clone()).collect();
    let i = choose_one(&t("ui-which-committee"), &labels, 0)?;
    let state: String = Input::with_theme(&theme())
        .with_prompt(t("ui-committee-state"))
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
        vec![ui(
            "ui-committee-none",
            &[
                ("committee", Arg::Str(&labels[i])),
                ("state", Arg::Str(state.trim())),
            ],
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
    say(&format!("{}", style(t("ui-someone-else-intro")).dim()));
    let non_empty = |s: &String| {
        if s.trim().is_empty() {
            Err(t("ui-needed"))
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
        .with_prompt(t("ui-their-name"))
        .validate_with(non_empty)
        .interact_text()
        .map_err(map)?;
    let role = optional(&t("ui-their-role"))?;
    let organisation = optional(&t("ui-their-organisation"))?;
    let kinds: Vec<(&str, &str)> = crate::data::recipients::BODIES
        .iter()
        .copied()
        .filter(|(b, _)| !crate::data::recipients::is_legislature(b) || *b == "legislature")
        .collect();
    let labels: Vec<String> = kinds.iter().map(|(b, d)| format!("{d} ({b})")).collect();
    let k = Select::with_theme(&theme)
        .with_prompt(t("ui-their-kind"))
        .items(&labels)
        .default(0)
        .interact()
        .map_err(map)?;
    let country = country(&t("ui-their-country"), "")?;
    loop {
        let email = optional(&t("ui-their-email"))?;
        let postal = address_lines(&t("ui-their-address"), &[], false)?;
        let salutation = optional(&t("ui-their-salutation"))?;
        let base = crate::support::text::slug(&format!(
            "{} {}",
            name,
            organisation.clone().unwrap_or_default()
        ));
        let id = crate::support::text::UniqueIds::new().next(&base, "recipient", |id| {
            dir.get(id).is_some() || chosen.iter().any(|c| c.id == id)
        });
        let r = Recipient::from(RecipientFields {
            id,
            name: name.trim().to_string(),
            salutation: salutation.map(|s| s.trim_end_matches(',').to_string()),
            role: role.clone(),
            organisation: organisation.clone(),
            body: kinds[k].0.to_string(),
            country: country.clone(),
            contact: crate::data::recipients::ContactFields {
                email,
                postal,
                ..Default::default()
            },
            source: Some("entered by the user".into()),
            as_of: Some(crate::support::env::today_or_clock().to_string()),
            ..Default::default()
        });
        let problems = crate::data::recipients::validate(&r);
        if !problems.is_empty() {
            for (_, message) in problems {
                say(&format!(
                    "{} {message}",
                    style(t("wizard-cannot-use")).red()
                ));
            }
            say(&t("ui-enter-again"));
            continue;
        }
        let path = crate::data::recipients::store::user_file();
        let save = Confirm::with_theme(&theme)
            .with_prompt(ui(
                "ui-save-recipient",
                &[
                    ("name", Arg::Str(&r.name)),
                    ("file", Arg::Str(&path.display().to_string())),
                ],
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
    /// Esc: back to the questions, with the answers given so far.
    Back,
}

/// Shows each letter (through a pager when it is longer than the screen), lets the person
/// edit any of them, and asks to write, go back to the questions, or cancel.
pub fn preview(letters: &mut [Letter]) -> Result<Decision> {
    let mut i = 0;
    loop {
        let letter = &letters[i];
        heading(&messages::preview_heading(
            i + 1,
            letters.len(),
            &letter.recipient.name,
        ));
        let rule = format!(
            "{}",
            style("─".repeat(screen::size().1.clamp(20, 72))).dim()
        );
        let text = format!("{rule}\n{}\n{rule}", crate::render::txt::render(letter));
        screen::page(&text, &messages::more())?;
        if let Some(warning) = similarity_note(letter) {
            say(&warning);
        }
        // (what it does, its row): write, edit, the next letter, cancel.
        let mut actions = vec![(0, messages::write_letters()), (1, messages::edit_letter())];
        if letters.len() > 1 {
            actions.push((2, messages::next_letter()));
        }
        actions.push((3, messages::cancel_letters()));
        let items: Vec<String> = actions.iter().map(|(_, row)| row.clone()).collect();
        let Some(choice) = choose(&messages::what_next(), &items, 0)? else {
            return Ok(Decision::Back);
        };
        match actions[choice].0 {
            0 => return Ok(Decision::Write),
            1 => {
                if let Some(edited) = edit_text(&letters[i].body)? {
                    let edited = crate::letters::tidy(&edited);
                    if !edited.is_empty() {
                        letters[i].set_body(edited);
                    }
                }
            }
            2 => i = (i + 1) % letters.len(),
            _ => return Ok(Decision::Cancel),
        }
    }
}

fn similarity_note(letter: &Letter) -> Option<String> {
    letter.score.mostly_template().then(|| {
        format!(
            "{} {}",
            style(t("ui-tip")).yellow(),
            ui(
                "ui-mostly-template",
                &[(
                    "percent",
                    Arg::Num((letter.score.own_words * 100.0).round() as i64)
                )]
            )
        )
    })
}

/// Asks where to write the letters.
pub fn folder(default: &std::path::Path) -> Result<std::path::PathBuf> {
    let dir: String = Input::with_theme(&theme())
        .with_prompt(t("ui-folder"))
        .default(default.display().to_string())
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err(t("ui-folder-needed"))
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
    heading(&t("ui-draft-heading"));
    say(&ui(
        "ui-draft-summary",
        &[
            ("date", Arg::Str(&draft.date.to_string())),
            (
                "template",
                Arg::Str(draft.template.as_deref().unwrap_or("-")),
            ),
            ("count", Arg::Num(draft.answers.len() as i64)),
        ],
    ));
    Confirm::with_theme(&theme())
        .with_prompt(t("ui-draft-continue"))
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
        "{} {}",
        style(t("ui-note")).yellow(),
        ui(
            "ui-collision",
            &[("file", Arg::Str(&existing.display().to_string()))]
        )
    ));
    let items: Vec<String> = [
        "ui-collision-keep-both",
        "ui-collision-replace",
        "ui-collision-other-folder",
    ]
    .iter()
    .map(|id| t(id))
    .collect();
    let i = choose_one(&t("ui-collision-prompt"), &items, 0)?;
    Ok(match i {
        0 => Collision::KeepBoth,
        1 => Collision::Replace,
        _ => Collision::OtherFolder,
    })
}

/// Asks for another folder after the first could not be used.
pub fn other_folder(current: &std::path::Path) -> Result<std::path::PathBuf> {
    let dir: String = Input::with_theme(&theme())
        .with_prompt(ui(
            "ui-other-folder",
            &[("folder", Arg::Str(&current.display().to_string()))],
        ))
        .validate_with(|s: &String| {
            if s.trim().is_empty() {
                Err(t("ui-other-folder-needed"))
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
        .with_prompt(ui(
            "ui-confirm-send",
            &[("count", Arg::Num(count as i64)), ("host", Arg::Str(host))],
        ))
        .default(false)
        .interact()
        .map_err(map)
}

/// Asks before `outcry forget` erases `count` files; the default is no.
pub fn confirm_forget(count: usize) -> Result<bool> {
    Confirm::with_theme(&theme())
        .with_prompt(ui(
            "ui-confirm-forget",
            &[("count", Arg::Num(count as i64))],
        ))
        .default(false)
        .interact()
        .map_err(map)
}

/// Asks for the mail password without showing it.
pub fn password(user: &str, host: &str) -> Result<Secret> {
    let p = dialoguer::Password::with_theme(&theme())
        .with_prompt(ui(
            "ui-password",
            &[("user", Arg::Str(user)), ("host", Arg::Str(host))],
        ))
        .interact()
        .map_err(map)?;
    Ok(Secret::new(p))
}

/// Asks whether to set up sending by email (`outcry profile init`); the default is yes when
/// an account is set up already.
pub fn smtp_wanted(current: bool) -> Result<bool> {
    heading(&messages::smtp_heading());
    say(&messages::smtp_intro());
    Ok(yes_no(&messages::smtp_wanted(), current)?.unwrap_or(current))
}

/// Asks for the mail server: a provider preset (server, port and security filled in) or
/// another server, its security and port. The login is asked by [`smtp_login`], once it is
/// known whether the server offers one. `None` when the person pressed Esc at the first
/// question.
pub fn smtp_server(
    current: Option<crate::data::profile::smtp::SmtpSettings>,
    email: Option<&str>,
) -> Result<Option<crate::data::profile::smtp::SmtpSettings>> {
    use crate::data::profile::smtp::{Security, SmtpSettings};
    let mut old = current.unwrap_or(SmtpSettings {
        username: email.map(str::to_string),
        ..SmtpSettings::new("", Security::Starttls)
    });
    // A preset fills in the server; "Another provider" (first, the default) asks for it.
    let presets = crate::data::profile::providers::PROVIDERS;
    let mut items = vec![messages::another_provider()];
    items.extend(presets.iter().map(|p| p.name.to_string()));
    let current = presets
        .iter()
        .position(|p| p.host == old.host)
        .map_or(0, |i| i + 1);
    let Some(chosen) = choose(&messages::provider(), &items, current)? else {
        return Ok(None);
    };
    if let Some(preset) = chosen.checked_sub(1).and_then(|i| presets.get(i)) {
        if old.host != preset.host {
            old.port = Some(preset.port);
            old.security = preset.security;
        }
        old.host = preset.host.to_string();
        hint(&messages::provider_login(preset.name, preset.login));
    } else {
        hint(&messages::provider_help());
    }
    let host = line(
        &messages::smtp_host(),
        &old.host,
        Some(messages::smtp_host_empty()),
    )?;
    let choices: Vec<String> = messages::security_choices()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let default = match old.security {
        Security::Starttls => 0,
        Security::Tls => 1,
        Security::None => 2,
    };
    let security = match choose_one(&messages::security(), &choices, default)? {
        0 => Security::Starttls,
        1 => Security::Tls,
        _ => Security::None,
    };
    let usual_port = SmtpSettings::new("", security).port();
    let current_port = if security == old.security {
        old.port.unwrap_or(usual_port)
    } else {
        usual_port
    };
    let port: u16 = Input::with_theme(&theme())
        .with_prompt(messages::port())
        .default(current_port)
        .interact_text()
        .map_err(map)?;
    Ok(Some(SmtpSettings {
        host: host.trim().to_string(),
        security,
        port: (port != usual_port).then_some(port),
        ..old
    }))
}

/// Asks for the login: `offered` is whether the server offers one (`None`: not checked).
/// A server that offers none is not asked about (no login name, no password); otherwise the
/// login name, and a command that prints the password (the password itself is never stored).
pub fn smtp_login(
    settings: crate::data::profile::smtp::SmtpSettings,
    email: Option<&str>,
    offered: Option<bool>,
) -> Result<crate::data::profile::smtp::SmtpSettings> {
    use crate::data::profile::smtp::SmtpSettings;
    if offered == Some(false) {
        hint(&messages::no_login_needed());
        return Ok(SmtpSettings {
            username: None,
            password_command: None,
            oauth2_token_command: None,
            ..settings
        });
    }
    let initial = settings
        .username
        .clone()
        .or_else(|| email.map(str::to_string))
        .unwrap_or_default();
    let username = line(&messages::login_name(), &initial, None)?;
    let command = if username.trim().is_empty() {
        hint(&messages::no_login());
        String::new()
    } else {
        hint(&messages::password_command_hint());
        line(
            &messages::password_command(),
            settings.password_command.as_deref().unwrap_or_default(),
            None,
        )?
    };
    Ok(SmtpSettings {
        username: Some(username.trim().to_string()).filter(|u| !u.is_empty()),
        password_command: Some(command.trim().to_string()).filter(|c| !c.is_empty()),
        ..settings
    })
}

/// Asks whether to check the connection now (`outcry profile init`); the default is yes.
pub fn smtp_check_now() -> Result<bool> {
    Ok(yes_no(&messages::check_now(), true)?.unwrap_or(true))
}

/// Says that the server is being tried.
pub fn smtp_checking(host: &str, port: u16) {
    hint(&messages::checking(host, port));
}

/// What to do when the connection test failed.
pub enum Retry {
    /// Ask for the settings again.
    Change,
    /// Keep the settings as they are.
    Keep,
    /// Give up setting up email.
    Skip,
}

/// Shows why the connection test failed (`why`, with hints) and asks what to do.
pub fn smtp_failed(why: &str, hints: &[String]) -> Result<Retry> {
    say(&format!(
        "{} {why}",
        style(&messages::no_connection()).red()
    ));
    for h in hints {
        hint(h);
    }
    let items: Vec<String> = messages::retry_choices()
        .iter()
        .map(|c| c.to_string())
        .collect();
    Ok(match choose(&messages::retry(), &items, 0)? {
        Some(0) => Retry::Change,
        Some(1) => Retry::Keep,
        _ => Retry::Skip,
    })
}

/// Says that the server answered (and needs no login).
pub fn smtp_connected(host: &str, port: u16) {
    say(&messages::connected(host, port));
}

/// Says where the mail settings were saved.
pub fn saved_to(path: &std::path::Path) {
    say(&messages::saved_to(&path.display().to_string()));
}

/// Asks whether to keep the mail settings in the profile for next time; the default is yes.
pub fn smtp_save(path: &std::path::Path) -> Result<bool> {
    Ok(yes_no(&messages::save_smtp(&path.display().to_string()), true)?.unwrap_or(false))
}

/// What the letters just written can do next, for the menu at the end of the guided letter.
#[derive(Debug, Default, Clone, Copy)]
pub struct Road {
    /// Email letters (`.eml` with an address) still to send.
    pub emails: usize,
    /// Whether a mail account is set up.
    pub account: bool,
    /// Letters with a `.pdf` to post.
    pub print: usize,
    /// Letters with a call script.
    pub call: usize,
    /// Letters with contact-form text.
    pub form: usize,
}

/// A choice at the end of the guided letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Send the email letters through the account.
    Send,
    /// Set up the account, then send.
    SetUpEmail,
    /// The `.eml` files and links for the writer's mail program.
    MailProgram,
    /// The PDF letters and envelopes.
    Print,
    /// The call scripts and numbers.
    Call,
    /// The contact-form texts and addresses.
    Form,
    /// Leave.
    Finish,
}

/// The menu at the end of the guided letter: what fits the letters written. Esc finishes.
pub fn next_step(road: &Road) -> Result<Next> {
    let mut offered: Vec<(Next, String)> = Vec::new();
    if road.emails > 0 {
        if road.account {
            offered.push((Next::Send, messages::road_send(road.emails)));
        } else {
            offered.push((Next::SetUpEmail, messages::road_set_up(road.emails)));
        }
        offered.push((Next::MailProgram, messages::road_mail_program(road.emails)));
    }
    if road.print > 0 {
        offered.push((Next::Print, messages::road_print(road.print)));
    }
    if road.call > 0 {
        offered.push((Next::Call, messages::road_call(road.call)));
    }
    if road.form > 0 {
        offered.push((Next::Form, messages::road_form(road.form)));
    }
    offered.push((Next::Finish, messages::road_finish()));
    let items: Vec<String> = offered.iter().map(|(_, label)| label.clone()).collect();
    Ok(match choose(&messages::road(), &items, 0)? {
        Some(i) => offered[i].0,
        None => Next::Finish,
    })
}

/// The heading of the end of the guided letter.
pub fn road_heading() {
    heading(&messages::road_heading());
}

/// One recipient's files for a way of reaching them, with details (numbers, addresses).
pub struct Reach {
    /// Whom.
    pub name: String,
    /// The files to use.
    pub files: Vec<std::path::PathBuf>,
    /// Phone numbers, the form's address, the postal address.
    pub details: Vec<String>,
}

/// Lists the files and details for one way of reaching people (`how` is [`Next::Print`],
/// [`Next::Call`], [`Next::Form`] or [`Next::MailProgram`]), then how to record it.
pub fn show_reach(how: Next, entries: &[Reach]) -> Result<()> {
    let (intro, flag) = match how {
        Next::Print => (&messages::print_how(), Some("--posted")),
        Next::Call => (&messages::call_how(), Some("--called")),
        Next::Form => (&messages::form_how(), Some("--submitted-form")),
        _ => (&messages::mail_program_how(), None),
    };
    crate::outln!();
    crate::outln!("{}", screen::wrap(intro));
    for e in entries {
        let files: Vec<String> = e.files.iter().map(|f| f.display().to_string()).collect();
        crate::outln!("{}", messages::road_entry(&e.name, &files, &e.details));
    }
    if let (Some(flag), Some(file)) = (flag, entries.first().and_then(|e| e.files.first())) {
        crate::outln!();
        crate::outln!(
            "{}",
            screen::wrap(&messages::record_it(flag, &file.display().to_string()))
        );
    }
    Ok(())
}

/// The phone number line of a list.
pub fn phone_line(number: &str, office: &str) -> String {
    messages::phone(number, office)
}

/// The form address line of a list.
pub fn form_line(url: &str) -> String {
    messages::form_address(url)
}

/// The postal address line of a list.
pub fn postal_line(lines: &[String]) -> String {
    messages::postal(lines)
}

/// The heading of the inline mail set-up.
pub fn smtp_inline_heading() {
    heading(&messages::smtp_inline_heading());
    hint(&messages::smtp_inline_intro());
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
