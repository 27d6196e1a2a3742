//! The guided letter: `outcry` (or `outcry write`) in a terminal, step by step, with Esc going
//! back a step: who writes, whom to write to, which letter for each group of recipients
//! (an editor and a medical regulator need different letters), the questions (answered once
//! for every letter that asks them), the preview, the folder, and at the end what fits each
//! recipient: send by email (setting up the account inline), the mail program, print, call,
//! or the contact form.
//!
//! Everything typed goes to the draft as it is typed; the files are written by the same path
//! as a script's (`write_letters`), so nothing here writes a letter itself.
//!
//! May import: every layer below `commands`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::{
    Keep, Run, Settings, Sources, check_given, earlier_letters, language_name, letter_language,
    own_words_language, plan_in_the_wizard, previous_letter, print_letters, questions_of,
    send_hint, sender, warn_unsuited, write_letters,
};
use crate::data::campaign::Campaign;
use crate::data::profile;
use crate::data::recipients::{Directory, Recipient};
use crate::data::templates::{self, Library, Template};
use crate::error::{Error, Kind, Result, exit};
use crate::interactive::{self, Next, Reach, Road};
use crate::letters::{self, Letter};
use crate::mail::secret::Secret;
use crate::mail::send::{Options as SendOptions, Prompter};
use crate::questions::{self, Provided};
use crate::render::Format;

/// A step of the guided letter; Esc goes back to the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Sender,
    Recipients,
    Letters,
    Questions,
    Preview,
}

/// One group of recipients and the letter they get.
struct Group<'l> {
    /// Indexes into the chosen recipients.
    members: Vec<usize>,
    template: &'l Template,
    /// Answers that belong to this group only (a chase letter's earlier letter).
    given: BTreeMap<String, Provided>,
    answers: BTreeMap<String, serde_json::Value>,
}

/// Runs the guided letter from the first question to the end of the road.
pub(super) fn run(
    mut s: Settings,
    library: &Library,
    directory: &Directory,
    named: Option<&Template>,
    mut follows: Option<String>,
    sources: &Sources,
) -> Result<i32> {
    let mut keep = Keep::default();
    let committees = library.committees();
    // Recipients named on the command line (or in the draft) are not asked for.
    let given: Vec<Recipient> = directory.resolve(&s.to)?;
    let fixed = !given.is_empty() || s.filter.is_some();
    let mut chosen: Vec<Recipient> = given;
    if let Some(filter) = &s.filter {
        for r in directory.filter(filter) {
            if !chosen.iter().any(|c| c.id == r.id) {
                chosen.push(r.clone());
            }
        }
    }
    let mut picked = interactive::Chosen::default();
    let mut groups: Vec<Group> = Vec::new();
    // Whether the answers are asked again (the writer went back from the preview), with what
    // was typed as the defaults.
    let mut revisit = false;
    let mut from_draft = !s.draft.letters.is_empty();
    let mut step = Step::Sender;
    let mut letters: Vec<Letter>;
    let mut warnings: Vec<String> = Vec::new();
    loop {
        match step {
            Step::Sender => {
                sender(&mut s, &mut keep)?;
                step = Step::Recipients;
            }
            Step::Recipients => {
                if fixed {
                    step = Step::Letters;
                    continue;
                }
                let start = interactive::Chosen {
                    recipients: std::mem::take(&mut chosen),
                    to_save: std::mem::take(&mut picked.to_save),
                };
                match interactive::recipients(directory, named, &committees, start)? {
                    None => step = Step::Sender,
                    Some(p) => {
                        chosen = p.recipients.clone();
                        picked = p;
                        step = Step::Letters;
                    }
                }
            }
            Step::Letters => {
                s.draft.to = chosen.iter().map(|r| r.id.to_string()).collect();
                let refs: Vec<&Recipient> = chosen.iter().collect();
                // Terms that ended and stale data (the staleness notes were shown already
                // when the person chose whom to write to).
                warnings = directory
                    .warnings_for(refs.iter().copied())
                    .into_iter()
                    .filter(|w| fixed || !w.starts_with("note:"))
                    .collect();
                match choose_letters(&mut s, library, named, &refs, &groups, from_draft)? {
                    Some((chosen_groups, earlier)) => {
                        groups = chosen_groups;
                        if let Some(file) = earlier {
                            follows = follows.or_else(|| crate::records::letter_of_file(&file));
                        }
                        step = Step::Questions;
                    }
                    None if fixed => {}
                    None => step = Step::Recipients,
                }
                from_draft = false;
            }
            Step::Questions => {
                if ask_questions(&mut s, &mut groups, &chosen, revisit)? {
                    step = Step::Preview;
                } else {
                    step = Step::Letters;
                }
            }
            Step::Preview => {
                for w in &warnings {
                    eprintln!("{w}");
                }
                letters = compose(&s, library, &groups, &chosen, sources)?;
                let mut notes = super::Warnings::default();
                for l in &letters {
                    let template = groups
                        .iter()
                        .find(|g| g.template.id == l.template_id)
                        .map(|g| g.template)
                        .unwrap_or(groups[0].template);
                    notes.count(template, l);
                }
                notes.print();
                match interactive::preview(&mut letters)? {
                    interactive::Decision::Write => break,
                    interactive::Decision::Cancel => return Err(Error::cancelled()),
                    interactive::Decision::Back => {
                        revisit = true;
                        step = Step::Questions;
                    }
                }
            }
        }
    }
    keep.recipients = picked.to_save;

    // The letters in the order they were composed: group by group.
    let order: Vec<&Recipient> = groups
        .iter()
        .flat_map(|g| g.members.iter().map(|&i| &chosen[i]))
        .collect();
    let ids: Vec<&str> = groups
        .iter()
        .flat_map(|g| g.members.iter().map(|_| g.template.id.as_str()))
        .collect();
    if s.stdout {
        return print_letters(&s, groups[0].template, letters.len(), |i| {
            Ok(Cow::Borrowed(&letters[i]))
        });
    }
    s.out = interactive::folder(&s.out)?;
    let plan = plan_in_the_wizard(&mut s, &ids, &order)?;
    let run = Run {
        templates: groups.iter().map(|g| g.template).collect(),
        chosen: &order,
        directory,
        follows: follows.as_deref(),
        warnings: &warnings,
    };
    write_letters(s, keep, &run, plan, |i| Ok(Cow::Borrowed(&letters[i])))
}

/// Saves the draft; a draft that cannot be saved must not stop the letter.
fn save_draft(s: &Settings) {
    let mut draft = s.draft.clone();
    draft.date = crate::support::env::today_or_clock().to_string();
    let _ = crate::records::draft::save(&draft);
}

/// The letter for each group of recipients: one group with the named template, else the
/// recipients grouped by the letters that suit them and a letter chosen for each group (the
/// draft's, when it is continued). `None` when the person went back (Esc) from the first
/// group. Also returns the earlier letter a chase letter follows, if one was picked.
fn choose_letters<'l>(
    s: &mut Settings,
    library: &'l Library,
    named: Option<&'l Template>,
    chosen: &[&Recipient],
    before: &[Group<'l>],
    from_draft: bool,
) -> Result<Option<(Vec<Group<'l>>, Option<std::path::PathBuf>)>> {
    if let Some(t) = named {
        warn_unsuited(t, chosen);
        // A language the template is not written in is refused before any question.
        letter_language(s.language.as_deref(), library, t)?;
        check_given(s, &[t])?;
        s.draft.template = Some(t.id.clone());
        save_draft(s);
        let group = Group {
            members: (0..chosen.len()).collect(),
            template: t,
            given: BTreeMap::new(),
            answers: BTreeMap::new(),
        };
        return Ok(Some((vec![group], None)));
    }
    let all: Vec<&Template> = library.all().collect();
    let parts = templates::group_by_letter(&all, chosen);
    if parts.len() > 1 {
        let described: Vec<Vec<&Recipient>> = parts
            .iter()
            .map(|p| p.iter().map(|&i| chosen[i]).collect())
            .collect();
        interactive::letter_groups(&described);
    }
    let earlier = earlier_letters(&s.out);
    let mut groups: Vec<Group<'l>> = Vec::new();
    let mut followed = None;
    let mut g = 0;
    while g < parts.len() {
        let members: Vec<&Recipient> = parts[g].iter().map(|&i| chosen[i]).collect();
        // The draft's letter for this group, when it named one for all of its members.
        let drafted = from_draft
            .then(|| {
                let ids: BTreeSet<&String> = members
                    .iter()
                    .filter_map(|r| s.draft.letters.get(r.id.as_str()))
                    .collect();
                (ids.len() == 1)
                    .then(|| ids.into_iter().next().cloned())
                    .flatten()
            })
            .flatten()
            .and_then(|id| library.get(&id).ok());
        let template = match drafted {
            Some(t) => t,
            None => {
                interactive::letter_for_group(g + 1, parts.len(), &members);
                let offered = offered_templates(library, &members);
                let offered: Vec<&Template> = offered.iter().map(|t| t.as_ref()).collect();
                let current = groups
                    .get(g)
                    .or_else(|| before.get(g))
                    .map(|gr| gr.template.id.as_str());
                match interactive::template(&offered, &members, !earlier.is_empty(), current)? {
                    Some(t) => library.get(&t.id)?,
                    None if g == 0 => return Ok(None),
                    None => {
                        g -= 1;
                        groups.truncate(g);
                        continue;
                    }
                }
            }
        };
        letter_language(s.language.as_deref(), library, template)?;
        let mut given = BTreeMap::new();
        if template.questions.iter().any(|q| q.key == "previous_date")
            && !s.provided.contains_key("previous_date")
            && !earlier.is_empty()
        {
            let Some(file) = interactive::earlier_letter(&earlier)? else {
                continue; // Esc: choose the letter again
            };
            given.extend(previous_letter(&file)?);
            followed = Some(file);
        }
        groups.truncate(g);
        groups.push(Group {
            members: parts[g].clone(),
            template,
            given,
            answers: BTreeMap::new(),
        });
        g += 1;
    }
    check_given(s, &groups.iter().map(|g| g.template).collect::<Vec<_>>())?;
    s.draft.template = groups.first().map(|g| g.template.id.clone());
    s.draft.letters = groups
        .iter()
        .flat_map(|g| {
            g.members
                .iter()
                .map(|&i| (chosen[i].id.to_string(), g.template.id.clone()))
        })
        .collect();
    save_draft(s);
    Ok(Some((groups, followed)))
}

/// The templates offered to `members`: all of them, with the thank-you letter first (as a
/// letter in its own right) when every one of them cosponsors an imported bill.
fn offered_templates<'l>(library: &'l Library, members: &[&Recipient]) -> Vec<Cow<'l, Template>> {
    let few: Vec<Recipient> = members.iter().map(|r| (*r).clone()).collect();
    let mut all: Vec<Cow<'l, Template>> = library.all().map(Cow::Borrowed).collect();
    if let Some(thanks) = library
        .all()
        .find(|t| t.id == "thank-you")
        .filter(|_| super::super::bills::note_cosponsors(&few))
    {
        let mut thanks = thanks.clone();
        thanks.follow_up = false;
        all.retain(|t| t.id != thanks.id);
        all.insert(0, Cow::Owned(thanks));
    }
    all
}

/// The wizard's asker: each answer goes to the draft as soon as it is typed; Esc on a choice
/// or a yes/no question goes back a step.
struct Drafting<'a> {
    draft: &'a mut crate::records::draft::Draft,
    back: bool,
}

impl questions::Asker for Drafting<'_> {
    fn ask(&mut self, q: &questions::Question, error: Option<&str>) -> Result<String> {
        let Some(raw) = interactive::ask_or_back(q, error)? else {
            self.back = true;
            return Err(Error::cancelled());
        };
        self.draft.answers.insert(q.key.clone(), raw.clone());
        self.draft.date = crate::support::env::today_or_clock().to_string();
        // A draft that cannot be saved must not stop the letter.
        let _ = crate::records::draft::save(self.draft);
        Ok(raw)
    }
}

/// Asks each group's questions. An answer typed for one letter is used for every later letter
/// that asks the same key (and says so), unless it does not fit there (a letter to the editor
/// takes a shorter paragraph): then it is asked, with the earlier answer offered. With
/// `revisit` (back from the preview), every question is asked again with what was typed as
/// its default. Returns false when the person went back (Esc).
fn ask_questions(
    s: &mut Settings,
    groups: &mut [Group],
    chosen: &[Recipient],
    revisit: bool,
) -> Result<bool> {
    let mut answered: BTreeSet<String> = BTreeSet::new();
    for (n, group) in groups.iter_mut().enumerate() {
        let template = group.template;
        let mut asked = questions_of(s, template);
        let mut given: BTreeMap<String, Provided> = s
            .provided
            .iter()
            .filter(|(k, _)| asked.iter().any(|q| &&q.key == k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        given.extend(group.given.clone());
        let mut shared: Vec<&str> = Vec::new();
        for q in &mut asked {
            if given.contains_key(&q.key) {
                continue;
            }
            let Some(raw) = s.draft.answers.get(&q.key) else {
                continue;
            };
            let reuse = answered.contains(&q.key) || !revisit;
            if reuse && questions::validate(q, raw).is_ok() {
                if answered.contains(&q.key) {
                    shared.push(&q.prompt);
                }
                given.insert(
                    q.key.clone(),
                    Provided {
                        value: raw.clone(),
                        origin: "your earlier answer".into(),
                    },
                );
            } else {
                *q = q.clone().with_default(raw);
            }
        }
        let shared: Vec<String> = shared.into_iter().map(str::to_string).collect();
        if asked.iter().any(|q| !given.contains_key(&q.key)) {
            let names: Vec<&str> = group
                .members
                .iter()
                .map(|&i| chosen[i].name.as_str())
                .collect();
            interactive::questions_heading(n, &names);
            interactive::shared_answers(&shared.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let mut asker = Drafting {
            draft: &mut s.draft,
            back: false,
        };
        match questions::resolve(&asked, &given, &mut asker, true) {
            Ok(answers) => group.answers = answers,
            Err(_) if asker.back => return Ok(false),
            Err(e) => return Err(e),
        }
        answered.extend(template.questions.iter().map(|q| q.key.clone()));
    }
    Ok(true)
}

/// Composes every group's letters, in group order.
fn compose(
    s: &Settings,
    library: &Library,
    groups: &[Group],
    chosen: &[Recipient],
    sources: &Sources,
) -> Result<Vec<Letter>> {
    let seed = s
        .seed
        .map(letters::Seed)
        .unwrap_or_else(|| letters::Seed::for_sender(&s.sender, s.date));
    let campaign = if groups.iter().any(|g| g.template.campaign.is_some()) {
        Some(Campaign::load(sources.campaign.as_deref())?)
    } else {
        None
    };
    let mut out = Vec::new();
    for g in groups {
        let template = g.template;
        let wanted = s.language.clone();
        let language = letter_language(wanted.as_deref(), library, template)?;
        let detected = letters::writer_language(template, &g.answers);
        let campaign = campaign.as_ref().filter(|_| template.campaign.is_some());
        // Each letter's language, said when a recipient's own language cannot be used.
        let probe = letters::Request {
            library,
            campaign,
            template,
            sender: &s.sender,
            answers: &g.answers,
            date: s.date,
            seed,
            language,
            writer_language: None,
        };
        let mut languages: Vec<&str> = Vec::new();
        for &i in &g.members {
            let (t, missing) = probe.template_for(&chosen[i])?;
            if let Some(missing) = missing {
                eprintln!(
                    "note: the letter to {} is in English: the campaign data has no {} wording of {}",
                    chosen[i].id,
                    language_name(crate::conventions::letter_language(&chosen[i])),
                    missing.describe()
                );
            }
            if !languages.contains(&t.language.as_str()) {
                languages.push(&t.language);
            }
        }
        let (writer_language, language) =
            own_words_language(s, library, template, detected, &languages, language)?;
        let request = letters::Request {
            language,
            writer_language,
            ..probe
        };
        let composer = request.composer();
        for &i in &g.members {
            out.push(composer.compose(&chosen[i])?);
        }
    }
    Ok(out)
}

/// The send loop's questions at the end of the guided letter: a password typed for the
/// connection test is kept in memory (never on disk) for the sending that follows, and a "no"
/// to "Send now?" goes back to the menu.
#[derive(Default)]
struct RoadPrompts {
    password: Option<Secret>,
    declined: bool,
}

impl Prompter for RoadPrompts {
    fn available(&self) -> bool {
        interactive::available()
    }
    fn confirm_send(&mut self, count: usize, host: &str) -> Result<bool> {
        let yes = interactive::confirm_send(count, host)?;
        self.declined = !yes;
        Ok(yes)
    }
    fn password(&mut self, user: &str, host: &str) -> Result<Secret> {
        if let Some(p) = &self.password {
            return Ok(p.clone());
        }
        let p = interactive::password(user, host)?;
        self.password = Some(p.clone());
        Ok(p)
    }
}

/// After the letters are written: a menu of what fits them (send by email, set up email
/// first, the mail program, print, call, the contact form), until the person is done. A
/// letter is sent at most once (the send path skips what the sent log has).
pub(super) fn end_of_road(
    mut s: Settings,
    summary: &super::Summary,
    directory: &Directory,
) -> Result<i32> {
    let plan = summary.plan;
    let chosen = summary.chosen;
    let with = |format: Format| -> Vec<usize> {
        (0..plan.len())
            .filter(|&i| plan.formats(i).contains(format))
            .collect()
    };
    // Email letters that have an address to go to.
    let emails: Vec<usize> = with(Format::Eml)
        .into_iter()
        .filter(|&i| chosen[i].contact.email.is_some())
        .collect();
    let eml_files: Vec<std::path::PathBuf> =
        emails.iter().map(|&i| plan.path(i, Format::Eml)).collect();
    let mut sent = false;
    let mut code = exit::OK;
    let mut prompts = RoadPrompts::default();
    interactive::road_heading();
    loop {
        let road = Road {
            emails: if sent { 0 } else { emails.len() },
            account: s.sender.smtp.is_some(),
            print: with(Format::Pdf).len(),
            call: with(Format::Call).len(),
            form: with(Format::Form).len(),
        };
        match interactive::next_step(&road)? {
            Next::Finish => return Ok(code),
            Next::SetUpEmail => {
                if !set_up_email(&mut s, &mut prompts)? {
                    continue;
                }
                (sent, code) = send(&s, &eml_files, directory, &mut prompts)?;
            }
            Next::Send => (sent, code) = send(&s, &eml_files, directory, &mut prompts)?,
            Next::MailProgram => {
                // The send path lists each .eml file with its links.
                interactive::show_reach(Next::MailProgram, &[])?;
                let links = SendOptions {
                    links: true,
                    ..Default::default()
                };
                crate::mail::send::send_letters(
                    &eml_files,
                    &links,
                    &s.sender,
                    directory,
                    &mut prompts,
                )?;
            }
            how @ (Next::Print | Next::Call | Next::Form) => {
                let (formats, detail): (&[Format], Details) = match how {
                    Next::Print => (&[Format::Pdf, Format::Envelope], postal),
                    Next::Call => (&[Format::Call], phones),
                    _ => (&[Format::Form], form),
                };
                let entries: Vec<Reach> = with(formats[0])
                    .into_iter()
                    .map(|i| Reach {
                        name: chosen[i].name.to_string(),
                        files: formats
                            .iter()
                            .filter(|f| plan.formats(i).contains(**f))
                            .map(|f| plan.path(i, *f))
                            .collect(),
                        details: detail(chosen[i]),
                    })
                    .collect();
                interactive::show_reach(how, &entries)?;
            }
        }
    }
}

/// The details listed beside a recipient's files for one way of reaching them.
type Details = fn(&Recipient) -> Vec<String>;

/// A recipient's postal address, for the letters to print.
fn postal(r: &Recipient) -> Vec<String> {
    if r.contact.postal.is_empty() {
        Vec::new()
    } else {
        vec![interactive::postal_line(&r.contact.postal)]
    }
}

/// A recipient's contact form.
fn form(r: &Recipient) -> Vec<String> {
    r.contact
        .contact_form
        .iter()
        .map(|u| interactive::form_line(u))
        .collect()
}

/// A recipient's phone numbers: their own, and their local offices'.
fn phones(r: &Recipient) -> Vec<String> {
    let mut out: Vec<String> = r
        .contact
        .phone
        .iter()
        .map(|p| interactive::phone_line(p, &r.name))
        .collect();
    for office in &r.contact.offices {
        if let Some(p) = &office.phone {
            out.push(interactive::phone_line(p, &office.name));
        }
    }
    out
}

/// Sends the email letters through the send path of `outcry send`: the summary of what will
/// be sent, the question, then sending (letters the sent log has are skipped). Returns
/// whether they went (or the person declined: then `false`, to offer it again) and the exit
/// code so far; a failure is reported and the menu goes on.
fn send(
    s: &Settings,
    files: &[std::path::PathBuf],
    directory: &Directory,
    prompts: &mut RoadPrompts,
) -> Result<(bool, i32)> {
    crate::outln!();
    let opts = SendOptions {
        rerun: Some(send_hint(&s.out)),
        ..Default::default()
    };
    prompts.declined = false;
    match crate::mail::send::send_letters(files, &opts, &s.sender, directory, prompts) {
        Ok(code) => Ok((true, code)),
        Err(_) if prompts.declined => Ok((false, exit::OK)),
        Err(e) if e.kind() == Kind::Cancelled => Err(e),
        Err(e) => {
            let code = crate::error::report(&e);
            Ok((true, code))
        }
    }
}

/// Sets up the mail account inline (provider presets, the port, a connection test, a login
/// only when the server offers one, the password never stored), and offers to keep it in the
/// profile. Returns false when the person gave up.
fn set_up_email(s: &mut Settings, prompts: &mut RoadPrompts) -> Result<bool> {
    interactive::smtp_inline_heading();
    let Some(settings) = super::super::profile::set_up_smtp(
        s.sender.smtp.clone(),
        s.sender.email.as_deref(),
        true,
        prompts,
    )?
    else {
        return Ok(false);
    };
    s.sender.smtp = Some(settings.clone());
    let path = s.sender_from.clone().unwrap_or_else(profile::default_path);
    if interactive::smtp_save(&path)? {
        // The profile as saved, with the new settings (or, with none saved yet, the details
        // just given).
        let mut p = match profile::load_optional(Some(&path)) {
            Ok(Some((p, _))) => p,
            _ => s.sender.clone(),
        };
        p.smtp = Some(settings);
        profile::save(&p, &path)?;
        interactive::saved_to(&path);
    }
    Ok(true)
}
