//! `outcry write`: from answers to letter files, guided or scripted.
//!
//! Resolves settings in one place (flags over profile; no clap types past [`Settings::resolve`]),
//! then: choose template and recipients, answer questions, name every file and check the folder
//! before anything is written, compose (pure), render and write the letters batch by batch
//! (`output`; the wizard composes its few letters first, for the preview), record each batch
//! in the ledger once it is on the disk, then apply what the wizard decided to keep (profile,
//! new recipients), print the summary and send when asked. Nothing per letter is held for the
//! whole run but its name and two scores, so memory stays flat however many letters there are.
//!
//! May import: every layer below `commands`.

use crate::support::i18n::{Arg, t, ui};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use clap::Args;

use super::Sources;
use crate::conventions::{self, address_name};
use crate::data::campaign::Campaign;
use crate::data::profile::{self, Profile};
use crate::data::recipients::{Directory, Filter, Recipient};
use crate::data::templates::{self, Library};
use crate::error::{Error, Result};
use crate::interactive;
use crate::letters::similarity::Score;
use crate::letters::{self, Letter};
use crate::mail::send::Options as SendOptions;
use crate::output::{Plan, Writer};
use crate::questions::{self, Provided, Scripted};
use crate::records::{Ledger, ledger};
use crate::render::{self, Channel, Format};
use crate::support::progress::Progress;

mod guided;

/// Options of `outcry write`.
#[derive(Debug, Args, Default)]
pub struct WriteArgs {
    /// The template to use (see `outcry templates list`).
    #[arg(long, short = 't', value_name = "ID",
        add = clap_complete::ArgValueCandidates::new(super::completions::template_ids))]
    pub template: Option<String>,
    /// A recipient id (see `outcry recipients list`); repeatable, or comma-separated.
    #[arg(long = "to", value_name = "ID", value_delimiter = ',',
        add = clap_complete::ArgValueCandidates::new(super::completions::recipient_ids))]
    pub to: Vec<String>,
    /// Also write to everyone matching the filters below (or everyone, with no filter).
    #[arg(long)]
    pub all: bool,
    /// With --all: which recipients.
    #[command(flatten, next_help_heading = "Choosing recipients with --all")]
    pub filters: super::recipients::FilterArgs,
    /// Answer a template question: KEY=VALUE; repeatable.
    #[arg(long = "set", short = 's', value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Read answers from a YAML file of `key: value` lines.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Use this sender profile instead of the saved one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Your name (overrides the profile).
    #[arg(long, value_name = "NAME")]
    pub sender_name: Option<String>,
    /// Your email address (overrides the profile).
    #[arg(long, value_name = "EMAIL")]
    pub sender_email: Option<String>,
    /// One line of your postal address; repeat for each line (overrides the profile).
    #[arg(long, value_name = "LINE")]
    pub sender_address: Vec<String>,
    /// Your country, as an ISO code such as US or GB (overrides the profile).
    #[arg(long, value_name = "CODE")]
    pub sender_country: Option<String>,
    /// Your phone number (overrides the profile).
    #[arg(long, value_name = "PHONE")]
    pub sender_phone: Option<String>,
    /// Folder for the letter files [default: letters].
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// File format; repeatable. Default: each recipient's best channels (txt and eml for those
    /// with an email address; pdf, envelope, call script and form text for the others).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,
    /// After writing, send the .eml letters by email (asks first; see `outcry send`).
    #[arg(long)]
    pub send: bool,
    /// With --send: send without asking for confirmation.
    #[arg(long, short = 'y', requires = "send")]
    pub yes: bool,
    /// With --send: show what would be sent, and send nothing.
    #[arg(long, requires = "send")]
    pub dry_run: bool,
    /// With --send: send at most N letters.
    #[arg(long, value_name = "N", requires = "send")]
    pub limit: Option<usize>,
    /// How to reach them, instead of the automatic choice: email (.eml), post (printable
    /// letter), phone (call script) or form (contact-form text); repeatable.
    #[arg(long, value_enum, value_name = "CHANNEL")]
    pub channel: Vec<Channel>,
    /// Continue the letter you started and did not finish (kept as a draft in the data folder).
    #[arg(long)]
    pub draft: bool,
    /// For a chase letter: the earlier letter (.txt, .md or .eml) whose date and question it
    /// quotes.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Print the letters to standard output instead of writing files.
    #[arg(long)]
    pub stdout: bool,
    /// Never prompt; fail with a message naming anything missing.
    #[arg(long)]
    pub no_input: bool,
    /// Replace letter files that already exist.
    #[arg(long)]
    pub force: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Don't show the progress bar (shown on a terminal when writing takes over a second).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Write without a personal paragraph (not recommended: offices discount form letters).
    #[arg(long)]
    pub no_personal: bool,
    /// Choose the template's alternative wordings with this number, for reproducible letters
    /// (default: derived from your name).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// The date on the letters (YYYY-MM-DD); default today (or `OUTCRY_DATE`).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The language of the letters, a BCP 47 tag such as `fr`, `de`, `es`, `it`, `he` or `en`.
    /// Default: each recipient's own (French for France, German for Germany and Austria,
    /// Hebrew for Israel, MEPs by member state...) when the template exists in it, else English.
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,
    /// A font file (.ttf, .otf, .ttc) for the characters of PDF letters that the built-in font
    /// lacks, e.g. Chinese, Japanese or Korean names (also `OUTCRY_FONT`; default: the
    /// system's fonts).
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// The ledger id of the letter these follow up (set by `outcry followup --chase`; a
    /// `--previous FILE` that the ledger knows sets it too).
    #[arg(skip)]
    pub follows: Option<String>,
}

/// The language `--language` asks for, checked against the languages `template` exists in.
fn letter_language<'a>(
    wanted: Option<&'a str>,
    library: &Library,
    template: &templates::Template,
) -> Result<Option<&'a str>> {
    let Some(wanted) = wanted else {
        return Ok(None);
    };
    let have = library.languages(&template.id);
    if have.contains(&wanted) {
        return Ok(Some(wanted));
    }
    Err(Error::usage(format!(
        "template `{}` is not written in `{wanted}`",
        template.id
    ))
    .hint(format!(
        "it exists in: {} (give one with --language, or leave --language out to write to each recipient in their language)",
        have.join(", ")
    )))
}

/// The language of the writer's own words as the letters will treat it, and the language
/// of the letters. When some letters are in another language than the words (`letters`:
/// each letter's language), the wizard says so and asks whether to keep the words as typed
/// with a line inviting a reply in either language, or to write the letters in the writer's
/// language (when the template exists in it); without a terminal the words are kept, with a
/// note. Stopping there keeps the draft.
fn own_words_language<'a>(
    s: &Settings,
    library: &Library,
    template: &templates::Template,
    detected: Option<&'static str>,
    letters: &[&str],
    language: Option<&'a str>,
) -> Result<(Option<&'static str>, Option<&'a str>)> {
    let Some(words) = detected else {
        return Ok((None, language));
    };
    let mut other: Vec<&str> = letters.iter().copied().filter(|l| *l != words).collect();
    other.sort();
    other.dedup();
    if other.is_empty() {
        return Ok((Some(words), language));
    }
    let names: Vec<String> = other.iter().map(|l| language_name(l)).collect();
    if s.interactive {
        let can_switch = library.languages(&template.id).contains(&words);
        match interactive::keep_own_words(words, &other, can_switch)? {
            Some(false) => {}
            Some(true) => return Ok((Some(words), Some(words))),
            None => {
                return Err(Error::interrupted(
                    "nothing was written; your answers are kept as a draft (run `outcry` to continue it)",
                ));
            }
        }
    } else if !s.quiet {
        eprintln!(
            "note: your own words are in {}, the letter{} in {}: they stay as you wrote them, followed by a line inviting a reply in either language",
            language_name(words),
            if other.len() == 1 { " is" } else { "s are" },
            names.join(", ")
        );
    }
    Ok((Some(words), language))
}

/// A language's English name for messages ("French"), else its tag.
fn language_name(tag: &str) -> String {
    match tag {
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "he" => "Hebrew",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ar" => "Arabic",
        "ru" => "Russian",
        "ug" => "Uyghur",
        other => other,
    }
    .to_string()
}

/// What `write` needs, merged from flags, the profile and the environment.
struct Settings {
    template: Option<String>,
    to: Vec<String>,
    filter: Option<Filter>,
    provided: BTreeMap<String, Provided>,
    sender: Profile,
    sender_from: Option<PathBuf>,
    out: PathBuf,
    formats: Vec<Format>,
    stdout: bool,
    interactive: bool,
    force: bool,
    json: bool,
    quiet: bool,
    date: jiff::civil::Date,
    no_personal: bool,
    seed: Option<u64>,
    language: Option<String>,
    send: Option<SendOptions>,
    /// For a chase letter: the recipient id the earlier letter's file name names.
    previous_recipient: Option<String>,
    /// Continue the saved draft.
    use_draft: bool,
    /// What has been chosen and typed so far (saved as it is typed in the wizard).
    draft: crate::records::draft::Draft,
}

impl Settings {
    fn resolve(args: WriteArgs) -> Result<Settings> {
        if args.send && args.stdout {
            return Err(Error::usage(
                "--send sends the letter files, so it cannot be used with --stdout",
            ));
        }
        if args.stdout && args.json {
            return Err(Error::usage(
                "--stdout and --json both print to standard output; choose one",
            ));
        }
        let interactive = !args.no_input && interactive::available();
        let date = match &args.date {
            Some(d) => crate::support::env::parse_date(d, "--date 2026-11-28")?,
            None => crate::support::env::today()?,
        };
        let mut provided = BTreeMap::new();
        if let Some(path) = &args.answers {
            provided.extend(questions::read_answers_file(path)?);
        }
        if let Some(path) = &args.previous {
            provided.extend(previous_letter(path)?);
        }
        provided.extend(questions::parse_sets(&args.set)?);

        let (mut sender, sender_from) = match profile::load_optional(args.profile.as_deref())? {
            Some((p, path)) => (p, Some(path)),
            None => (Profile::default(), None),
        };
        let overrides = profile::Overrides {
            name: args.sender_name,
            email: args.sender_email,
            address: args.sender_address,
            country: args.sender_country,
            phone: args.sender_phone,
        };
        overrides.check("--sender-")?;
        overrides.apply(&mut sender);

        if !args.filters.is_empty() && !args.all {
            return Err(Error::usage(
                "--country, --body, --region, --district, --party, --committee and --search choose recipients only with --all",
            )
            .hint("add --all to write to everyone who matches, or name recipients with --to ID"));
        }
        let filter = args.all.then(|| args.filters.into_filter());
        let mut formats = args.format;
        if !args.channel.is_empty() {
            if !formats.is_empty() {
                return Err(Error::usage(
                    "--channel and --format both choose the files; use one of them",
                ));
            }
            for c in &args.channel {
                formats.push(c.format());
                if *c == Channel::Post {
                    formats.push(Format::Envelope);
                }
            }
        }
        formats.sort();
        formats.dedup();
        Ok(Settings {
            template: args.template,
            to: args
                .to
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            filter,
            provided,
            sender,
            sender_from,
            out: args.out.unwrap_or_else(|| PathBuf::from("letters")),
            formats,
            stdout: args.stdout,
            interactive,
            force: args.force,
            json: args.json,
            quiet: args.quiet,
            date,
            no_personal: args.no_personal,
            seed: args.seed,
            language: args.language.clone(),
            previous_recipient: args.previous.as_deref().and_then(recipient_of_file),
            use_draft: args.draft,
            draft: crate::records::draft::Draft::default(),
            send: args.send.then(|| SendOptions {
                dry_run: args.dry_run,
                yes: args.yes,
                limit: args.limit,
                ..Default::default()
            }),
        })
    }
}

/// One letter written, as the summary lists it (fields in the order `--json` prints them).
#[derive(Serialize)]
struct Written<'a> {
    files: Vec<PathBuf>,
    name: String,
    /// Share of the letter in the writer's own words (0 to 1).
    own_words: f64,
    reach: Vec<String>,
    recipient: &'a str,
    /// Similarity to the bare template (0 to 1).
    similarity: f64,
}

/// What a run keeps of each letter for the summary: its scores in hundredths (the summary
/// prints them to two decimals), so that memory stays flat however many letters there are.
#[derive(Clone, Copy, Default)]
struct Kept {
    own_words: u8,
    similarity: u8,
}

impl Kept {
    fn of(letter: &Letter) -> Kept {
        let hundredths = |x: f64| (x * 100.0).round().clamp(0.0, 100.0) as u8;
        Kept {
            own_words: hundredths(letter.score.own_words),
            similarity: hundredths(letter.score.similarity),
        }
    }
}

/// The letters of a run that are mostly template text, counted as they are composed.
#[derive(Default)]
struct FormLetters {
    letters: usize,
    mostly_template: usize,
    /// The lowest share of own words among them.
    worst: f64,
}

impl FormLetters {
    fn count(&mut self, score: Score) {
        self.letters += 1;
        if score.mostly_template() {
            self.worst = if self.mostly_template == 0 {
                score.own_words
            } else {
                self.worst.min(score.own_words)
            };
            self.mostly_template += 1;
        }
    }
}

/// Offers (or, with `--draft`, takes) the letter started earlier: its template, recipients and
/// answers become the starting point, and the wizard asks only what is left.
fn continue_draft(s: &mut Settings) -> Result<()> {
    let Some(draft) = crate::records::draft::load() else {
        if s.use_draft {
            return Err(
                Error::usage("there is no unfinished letter to continue").hint(format!(
                    "drafts are kept in {}",
                    crate::records::draft::path().display()
                )),
            );
        }
        return Ok(());
    };
    let fresh = s.template.is_none() && s.to.is_empty() && s.filter.is_none();
    let take = s.use_draft || (s.interactive && fresh && interactive::offer_draft(&draft)?);
    if !take {
        return Ok(());
    }
    // A draft whose recipients needed different letters keeps a letter per recipient; the
    // wizard groups them again. A script writes one template per run, so it cannot.
    let one_letter = {
        let mut ids: Vec<&String> = draft.letters.values().collect();
        ids.sort();
        ids.dedup();
        ids.len() <= 1
    };
    if !one_letter && !s.interactive && s.template.is_none() {
        return Err(Error::usage(
            "your unfinished letter is several letters from different templates",
        )
        .hint("continue it in a terminal with: outcry")
        .hint("or write each with: outcry write --template ID --to ID ..."));
    }
    if s.template.is_none() && one_letter {
        s.template = draft.template.clone();
    }
    if s.to.is_empty() {
        s.to = draft.to.clone();
    }
    // The wizard takes the draft's answers from the draft itself (offered again when the
    // writer goes back); a script takes them as given answers.
    if !s.interactive {
        for (k, v) in &draft.answers {
            s.provided.entry(k.clone()).or_insert(Provided {
                value: v.clone(),
                origin: "your draft".into(),
            });
        }
    }
    s.draft = draft;
    Ok(())
}

/// Every file of the run, named (each recipient's best formats, or the chosen ones); letter
/// `i` goes to `chosen[i]` from template `templates[i]` (one template for all when there is
/// only one).
fn plan_of<'a>(s: &Settings, templates: &[&'a str], chosen: &[&'a Recipient]) -> Plan<'a> {
    let mut plan = Plan::new(
        &s.out,
        s.date,
        templates.first().copied().unwrap_or_default(),
    );
    for (i, r) in chosen.iter().enumerate() {
        let template = templates
            .get(i)
            .or(templates.first())
            .copied()
            .unwrap_or_default();
        if s.formats.is_empty() {
            plan.push_from(template, &r.id, &render::best_formats(r, &s.sender));
        } else {
            plan.push_from(template, &r.id, &s.formats);
        }
    }
    plan
}

/// In the wizard nothing typed is lost at the last step: a folder that cannot be made, or
/// letter files that already exist, are questions (another folder; replace, keep both under
/// numbered names, or another folder), not errors.
fn plan_in_the_wizard<'a>(
    s: &mut Settings,
    templates: &[&'a str],
    chosen: &[&'a Recipient],
) -> Result<Plan<'a>> {
    loop {
        if let Err(e) = crate::support::fs::create_folder(&s.out) {
            eprintln!("{}", e.message());
            s.out = interactive::other_folder(&s.out)?;
            continue;
        }
        let mut plan = plan_of(s, templates, chosen);
        if s.force {
            return Ok(plan);
        }
        let Some(existing) = plan.first_existing() else {
            return Ok(plan);
        };
        match interactive::collision(&existing)? {
            interactive::Collision::Replace => {
                s.force = true;
                return Ok(plan);
            }
            interactive::Collision::KeepBoth => {
                plan.renumber();
                return Ok(plan);
            }
            interactive::Collision::OtherFolder => s.out = interactive::other_folder(&s.out)?,
        }
    }
}

/// The recipient id in one of outcry's letter file names (`DATE_TEMPLATE_RECIPIENT.ext`).
fn recipient_of_file(path: &std::path::Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut parts = name.splitn(3, '_');
    let (_, _, rest) = (parts.next()?, parts.next()?, parts.next()?);
    Some(rest.split('.').next()?.to_string())
}

/// The letters already in the output folder (plain-text copies, newest first), which a chase
/// letter can follow.
fn earlier_letters(out: &std::path::Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            [".txt", ".eml", ".md"].iter().any(|x| name.ends_with(x))
                && ![".envelope.txt", ".call.txt"]
                    .iter()
                    .any(|x| name.ends_with(x))
        })
        .collect();
    // One file per letter: the plain text if there is one, else the email, else the form text.
    files.sort_by_key(|p| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rank = if name.ends_with(".form.txt") {
            3
        } else if name.ends_with(".txt") {
            0
        } else if name.ends_with(".eml") {
            1
        } else {
            2
        };
        (
            std::cmp::Reverse(name.split('.').next().unwrap_or("").to_string()),
            rank,
        )
    });
    files.dedup_by_key(|p| {
        p.file_name()
            .map(|n| {
                n.to_string_lossy()
                    .split('.')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default()
    });
    files
}

/// Reads an earlier letter for a chase letter: its date (`previous_date`) and its question
/// (`previous_ask`), as answers that `--set` can still override.
///
/// Errors: the file cannot be read, or no date or question is found in it (exit code 2).
fn previous_letter(path: &std::path::Path) -> Result<BTreeMap<String, Provided>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read the earlier letter", path, &e))?;
    let text = if path.extension().is_some_and(|e| e == "eml") {
        mailparse::parse_mail(&bytes)
            .and_then(|m| m.get_body())
            .map_err(|e| {
                Error::usage(format!("`{}` is not a readable email: {e}", path.display()))
            })?
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let date = text
        .lines()
        .take(40)
        .find_map(|l| {
            let l = l.trim();
            ["%d %B %Y", "%B %d, %Y", "%Y-%m-%d"]
                .iter()
                .find_map(|f| jiff::civil::Date::strptime(f, l).ok())
                .map(|_| l.to_string())
        })
        .or_else(|| {
            // outcry's file names start with the letter's date (2026-11-28_...).
            let name = path.file_name()?.to_string_lossy().into_owned();
            let d: jiff::civil::Date = name.get(..10)?.parse().ok()?;
            Some(crate::conventions::format_date(
                d,
                crate::conventions::DateStyle::Long,
            ))
        });
    // From "Will you" to the next question mark, across wrapped lines; abbreviations such as
    // "H.R.1503" inside the question are kept whole.
    let ask = text.find("Will you").and_then(|start| {
        let rest = &text[start..];
        let question = &rest[..=rest.find('?')?];
        let ask = question.split_whitespace().collect::<Vec<_>>().join(" ");
        (!question.contains("\n\n") && ask.len() <= 600).then_some(ask)
    });
    let (Some(date), Some(ask)) = (date, ask) else {
        return Err(Error::usage(format!(
            "`{}` does not look like a letter written by outcry: no date line or no \"Will you ...?\" question found",
            path.display()
        ))
        .hint("give them yourself: --set previous_date=\"3 October 2026\" --set previous_ask=\"Will you ...?\""));
    };
    let origin = path.display().to_string();
    Ok(BTreeMap::from([
        (
            "previous_date".to_string(),
            Provided {
                value: date,
                origin: origin.clone(),
            },
        ),
        ("previous_ask".to_string(), Provided { value: ask, origin }),
    ]))
}

/// What the wizard decided to keep; applied only after the letters are written.
#[derive(Default)]
struct Keep {
    /// Save the sender's details to this profile path.
    profile: Option<PathBuf>,
    /// Add these typed-in recipients to the user's recipients file.
    recipients: Vec<Recipient>,
}

/// Runs `outcry write`.
pub fn run(args: WriteArgs, sources: &Sources) -> Result<i32> {
    let follows = args.follows.clone().or_else(|| {
        args.previous
            .as_deref()
            .and_then(crate::records::letter_of_file)
    });
    if let Some(font) = &args.font {
        render::pdf::use_font(font);
    }
    let mut s = Settings::resolve(args)?;
    let library = Library::load(&sources.templates)?;
    let directory = Directory::load(&sources.recipients)?;
    if s.interactive {
        interactive::install_interrupt_handler();
    }
    continue_draft(&mut s)?;
    // A mistyped template is reported before anything else is asked or checked.
    let named_template = named_template(&s, &library)?;
    if s.interactive {
        return guided::run(s, &library, &directory, named_template, follows, sources);
    }
    let mut keep = Keep::default();
    sender(&mut s, &mut keep)?;
    let chosen = recipients(&s, &directory)?;
    // Terms that ended and stale data: said before writing, and again in the JSON summary.
    let warnings: Vec<String> = directory.warnings_for(chosen.iter().copied());
    for w in &warnings {
        eprintln!("{w}");
    }
    let Some(template) = named_template else {
        return Err(Error::usage(
            "missing --template; choose which letter to write",
        ));
    };
    warn_unsuited(template, &chosen);
    // A language the template is not written in is refused before any question is asked.
    let wanted_language = s.language.clone();
    let language = letter_language(wanted_language.as_deref(), &library, template)?;
    if let Some(previous) = &s.previous_recipient
        && let Some(other) = chosen.iter().find(|r| r.id != previous)
    {
        eprintln!(
            "warning: the earlier letter went to `{previous}`, but this one goes to `{}`; check that you are following up the right letter",
            other.id
        );
    }
    let answers = answers(&mut s, template)?;

    let seed = s
        .seed
        .map(letters::Seed)
        .unwrap_or_else(|| letters::Seed::for_sender(&s.sender, s.date));
    let campaign = match template.campaign {
        Some(_) => Some(Campaign::load(sources.campaign.as_deref())?),
        None => None,
    };
    let sender = s.sender.clone();
    let writer_language = letters::writer_language(template, &answers);
    // Each letter's language, said before anything is written when a recipient's own
    // language cannot be used.
    let probe = letters::Request {
        library: &library,
        campaign: campaign.as_ref(),
        template,
        sender: &s.sender,
        answers: &answers,
        date: s.date,
        seed,
        language,
        writer_language: None,
    };
    let mut languages: Vec<&str> = Vec::new();
    for r in chosen.iter() {
        let (t, missing) = probe.template_for(r)?;
        if let Some(missing) = missing {
            eprintln!(
                "note: the letter to {} is in English: the campaign data has no {} wording of {}",
                r.id,
                language_name(conventions::letter_language(r)),
                missing.describe()
            );
        }
        if !languages.contains(&t.language.as_str()) {
            languages.push(&t.language);
        }
    }
    let (writer_language, language) = own_words_language(
        &s,
        &library,
        template,
        writer_language,
        &languages,
        language,
    )?;
    let request = letters::Request {
        library: &library,
        campaign: campaign.as_ref(),
        template,
        sender: &sender,
        answers: &answers,
        date: s.date,
        seed,
        language,
        writer_language,
    };
    let composer = request.composer();
    let run = Run {
        templates: vec![template],
        chosen: &chosen,
        directory: &directory,
        follows: follows.as_deref(),
        warnings: &warnings,
    };
    // Scripts: each letter is composed when it is written, so memory stays flat.
    let compose = |i: usize| composer.compose(chosen[i]).map(Cow::Owned);
    if s.stdout {
        return print_letters(&s, template, chosen.len(), compose);
    }
    let plan = plan_of(&s, &[&template.id], &chosen);
    write_letters(s, keep, &run, plan, compose)
}

/// What a run writes, besides its settings: the templates, the recipients (in order), the
/// directory (for sending) and the letter these follow up.
struct Run<'r> {
    /// The templates of the run (the guided letter may write from several, one per group of
    /// recipients); each letter names its own.
    templates: Vec<&'r templates::Template>,
    chosen: &'r [&'r Recipient],
    directory: &'r Directory,
    follows: Option<&'r str>,
    /// Terms that ended and stale data, said before writing and again in the JSON summary.
    warnings: &'r [String],
}

impl<'r> Run<'r> {
    /// The template `letter` was written from.
    fn template_of(&self, letter: &Letter) -> &'r templates::Template {
        self.templates
            .iter()
            .copied()
            .find(|t| t.id == letter.template_id)
            .unwrap_or(self.templates[0])
    }
}

/// What is kept of each letter written, made on the thread that composed it.
struct Made {
    kept: Kept,
    score: Score,
    warnings: Warnings,
    /// Its line in the ledger.
    entry: ledger::Entry,
}

/// Checks the folder, then writes the letters of `plan` in batches (`letter(i)` gives letter
/// `i`, composed as it is needed) and records each batch in the ledger once it is on the
/// disk; then the summary, what the wizard kept, and sending when asked.
fn write_letters<'l>(
    s: Settings,
    keep: Keep,
    run: &Run,
    mut plan: Plan,
    letter: impl Fn(usize) -> Result<Cow<'l, Letter>> + Sync,
) -> Result<i32> {
    let time = ledger::now();
    // The ledger names files by absolute path: the folder made absolute once.
    let folder = std::path::absolute(&s.out).unwrap_or_else(|_| s.out.clone());
    let files_of = |plan: &Plan, i: usize| -> Vec<(Format, PathBuf)> {
        plan.formats(i)
            .iter()
            .map(|f| (f, folder.join(plan.file_name(i, f))))
            .collect()
    };
    // The ledger: every letter, whatever the channel (`outcry followup`, `outcry history`).
    // A ledger that cannot be written never stops the letters.
    let mut ledger = Some(Ledger::for_appending(&Ledger::default_path()));

    // Every name checked against the folder before anything is written. Letters already
    // there unchanged are skipped; those the ledger does not know yet (an interrupted run
    // wrote them) are recorded now.
    // A PDF letter with a character that no font has is refused before anything is written.
    plan.check_printable(&letter)?;
    let mut recorded: Option<HashSet<String>> = None;
    let mut late = Vec::new();
    let checked = plan.check(s.force, &letter, |_, l, files| {
        let known =
            recorded.get_or_insert_with(|| crate::records::recorded_letters().unwrap_or_default());
        if !known.contains(&crate::records::letter_id(l)) {
            late.push(crate::records::written_entry(l, files, run.follows, &time));
        }
    })?;
    record(&mut ledger, late);
    if checked.stale_removed > 0 {
        eprintln!(
            "note: removed {} temporary file{} left in {} by an interrupted run",
            checked.stale_removed,
            plural(checked.stale_removed),
            s.out.display()
        );
    }

    // Compose, render and write, one batch at a time.
    let on_disk = format!("the letters are written in `{}`", s.out.display());
    let mut kept = vec![Kept::default(); plan.len()];
    let mut form_letters = FormLetters::default();
    let mut warnings = Warnings::default();
    let delay = std::time::Duration::from_millis(crate::support::env::get().progress_delay_ms);
    let mut progress = Progress::new(plan.len() as u64, "letters", delay, s.quiet);
    let written = Writer::new(&plan, s.force)?.write_all(
        letter,
        |i, l| {
            let mut w = Warnings::default();
            w.count(run.template_of(l), l);
            Made {
                kept: Kept::of(l),
                score: l.score,
                warnings: w,
                entry: crate::records::written_entry(l, &files_of(&plan, i), run.follows, &time),
            }
        },
        |batch| {
            // From the first batch on the disk, Ctrl-C must not say "nothing was written".
            crate::support::interrupt::written(on_disk.clone());
            let mut entries = Vec::with_capacity(batch.len());
            for (i, made) in batch {
                kept[i] = made.kept;
                form_letters.count(made.score);
                warnings.merge(made.warnings);
                entries.push(made.entry);
            }
            record(&mut ledger, entries);
        },
        |n| progress.inc(n as u64),
    );
    drop(progress);
    warnings.print();
    if let Some(Ok(l)) = &ledger
        && let Err(e) = l.sync()
    {
        ledger = Some(Err(e));
    }
    if let Some(Err(e)) = &ledger {
        eprintln!(
            "warning: the letters are written, but could not be recorded in the ledger: {}",
            e.message()
        );
    }
    let (letters_written, files_written) = written?;
    if checked.unchanged_letters > 0 {
        eprintln!(
            "note: {} letter{} already written and unchanged in {}; left as {}",
            checked.unchanged_letters,
            plural(checked.unchanged_letters),
            s.out.display(),
            if checked.unchanged_letters == 1 {
                "it is"
            } else {
                "they are"
            }
        );
    }
    crate::support::interrupt::written(on_disk.clone());
    let summary = Summary {
        warnings: run.warnings,
        plan: &plan,
        chosen: run.chosen,
        kept: &kept,
        letters: letters_written,
        files: files_written,
        unchanged: checked.unchanged_letters,
    };
    after_writing(
        send_after_writing(s, keep, &summary, &form_letters, run.directory),
        &on_disk,
    )
}

/// Appends entries to the ledger (not yet synced); the first failure is kept, and nothing
/// more is recorded.
fn record(ledger: &mut Option<Result<Ledger>>, entries: Vec<ledger::Entry>) {
    if let Some(Ok(l)) = ledger
        && let Err(e) = l.append_synced(entries, false)
    {
        *ledger = Some(Err(e));
    }
}

/// `""` for one, `"s"` for any other number.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A cancellation after the letters were written says where they are.
fn after_writing(result: Result<i32>, on_disk: &str) -> Result<i32> {
    match result {
        Err(e)
            if e.kind() == crate::error::Kind::Cancelled
                && e.message() == Error::cancelled().message() =>
        {
            Err(Error::interrupted(format!("cancelled; {on_disk}")))
        }
        other => other,
    }
}

/// After writing: the summary, what the wizard kept, and sending when asked.
fn send_after_writing(
    s: Settings,
    keep: Keep,
    summary: &Summary,
    form_letters: &FormLetters,
    directory: &Directory,
) -> Result<i32> {
    apply(&s, keep)?;
    // Written: the draft has done its job.
    crate::records::draft::clear();
    print_summary(&s, summary)?;
    if !s.interactive {
        warn_form_letters(form_letters);
    }
    // The guided letter ends with what fits each recipient: send, print, call, a form.
    if s.interactive && s.send.is_none() && !s.json {
        return guided::end_of_road(s, summary, directory);
    }
    if let Some(opts) = &s.send {
        // The letters are on disk; now send the .eml ones. (The list of them is made only
        // here: for a large run it is megabytes.)
        let emls = summary.plan.emails();
        if emls.is_empty() {
            crate::outln!(
                "\nNone of these recipients publishes an email address, so there is nothing to send."
            );
            return Ok(crate::error::exit::OK);
        }
        crate::outln!();
        let opts = SendOptions {
            rerun: Some(send_hint(&s.out)),
            ..opts.clone()
        };
        let mut prompts = interactive::Prompts;
        return crate::mail::send::send_letters(&emls, &opts, &s.sender, directory, &mut prompts);
    }
    Ok(crate::error::exit::OK)
}

/// The hint after a failed `write --send`: writing again would refuse to replace the
/// letters, so the rest is sent with `outcry send FOLDER`.
fn send_hint(out: &std::path::Path) -> String {
    let folder = out.display().to_string();
    let quoted = if folder
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        folder
    } else {
        format!("'{}'", folder.replace('\'', r"'\''"))
    };
    format!("to send the rest: outcry send {quoted} (letters already sent are skipped)")
}

/// The sender: checked for scripts, confirmed or asked in the wizard (saving is decided here
/// and done after writing).
fn sender(s: &mut Settings, keep: &mut Keep) -> Result<()> {
    if s.interactive {
        let (p, save) = interactive::sender(s.sender.clone(), s.sender_from.as_deref(), false)?;
        s.sender = p;
        if save {
            keep.profile = Some(s.sender_from.clone().unwrap_or_else(profile::default_path));
        }
    } else {
        let problems = s.sender.problems();
        if !problems.is_empty() {
            let mut err = Error::usage(problems.join("\n  "));
            if s.sender_from.is_none() {
                err = err.hint("save your details once with: outcry profile init");
            }
            return Err(err);
        }
    }
    let needs_email = if s.send.is_some() {
        Some("sending needs your email address")
    } else if s.formats.contains(&Format::Eml) {
        Some("an .eml file needs your email address")
    } else {
        None
    };
    if let Some(why) = needs_email
        && s.sender.email.is_none()
    {
        return Err(Error::usage(why).hint(
            "pass --sender-email ADDRESS, or set `email` in your profile (outcry profile init)",
        ));
    }
    Ok(())
}

/// The template named on the command line (checked first, so a typo fails fast).
fn named_template<'a>(
    s: &Settings,
    library: &'a Library,
) -> Result<Option<&'a templates::Template>> {
    match &s.template {
        Some(id) => Ok(Some(library.get(id)?)),
        None if s.interactive => Ok(None),
        None => Err(
            Error::usage("missing --template; choose which letter to write")
                .hint("see the letters with: outcry templates list"),
        ),
    }
}

/// The recipients of a script: named and/or filtered (borrowed from the directory, so a run
/// to everyone copies no one).
fn recipients<'d>(s: &Settings, directory: &'d Directory) -> Result<Vec<&'d Recipient>> {
    let mut chosen: Vec<&'d Recipient> = directory
        .resolve(&s.to)?
        .iter()
        .filter_map(|r| directory.get(&r.id))
        .collect();
    let mut seen: HashSet<&'d str> = chosen.iter().map(|r| r.id.as_str()).collect();
    if let Some(filter) = &s.filter {
        for r in directory.filter(filter) {
            if seen.insert(r.id.as_str()) {
                chosen.push(r);
            }
        }
        if chosen.is_empty() {
            return Err(Error::usage("no recipient matches those filters")
                .hint("try them with: outcry recipients list ..."));
        }
    }
    if chosen.is_empty() {
        return Err(Error::usage("missing --to; choose whom to write to").hint(
            "find ids with: outcry recipients list --search NAME, or pass --all with filters",
        ));
    }
    Ok(chosen)
}

/// Warnings about the letters of a run, gathered as they are composed and printed once:
/// letters longer than their recipient prints (letters to the editor), and campaign entries
/// that expired and were left out (once each).
#[derive(Default)]
struct Warnings {
    too_long: Vec<String>,
    /// The expired entries, each once: (entry, warning).
    expired: Vec<(String, String)>,
    seen: HashSet<String>,
}

impl Warnings {
    /// Checks one letter.
    fn count(&mut self, template: &templates::Template, l: &Letter) {
        if let Some(max) = template.max_words {
            let printed = l
                .body
                .split("\n\n")
                .take_while(|p| !p.starts_with(&l.sender.signature()));
            let words: usize = printed.map(|p| p.split_whitespace().count()).sum();
            if words > max {
                self.too_long.push(format!(
                    "warning: the letter to {} is {words} words; they print letters of about {max} words, so shorten your own words",
                    l.recipient.name
                ));
            }
        }
        for e in &l.expired {
            if self.seen.insert(e.entry.clone()) {
                self.expired
                    .push((e.entry.clone(), format!("warning: {e}")));
            }
        }
    }

    /// Adds another letter's warnings.
    fn merge(&mut self, other: Warnings) {
        self.too_long.extend(other.too_long);
        for (entry, line) in other.expired {
            if self.seen.insert(entry.clone()) {
                self.expired.push((entry, line));
            }
        }
    }

    /// Prints them (expired entries first) and forgets them.
    fn print(&mut self) {
        let expired = self.expired.drain(..).map(|(_, line)| line);
        for line in expired.chain(self.too_long.drain(..)) {
            eprintln!("{line}");
        }
    }
}

/// Warns when the template is not written for some of the recipients.
fn warn_unsuited(template: &templates::Template, chosen: &[&Recipient]) {
    let unsuited: Vec<&Recipient> = chosen
        .iter()
        .copied()
        .filter(|r| !templates::suits(template, r))
        .collect();
    if unsuited.is_empty() {
        return;
    }
    eprintln!(
        "warning: template `{}` is written for {}; {} recipient{} outside that ({}{})",
        template.id,
        template.audience.join(", "),
        unsuited.len(),
        if unsuited.len() == 1 { " is" } else { "s are" },
        unsuited
            .iter()
            .take(3)
            .map(|r| format!("`{}`", r.id))
            .collect::<Vec<_>>()
            .join(", "),
        if unsuited.len() > 3 { ", ..." } else { "" }
    );
}

/// Checks that every given answer (`--set`, an answers file) names a question of one of
/// `templates`.
fn check_given(s: &Settings, templates: &[&templates::Template]) -> Result<()> {
    let known: Vec<&str> = templates
        .iter()
        .flat_map(|t| t.questions.iter().map(|q| q.key.as_str()))
        .collect();
    for (key, p) in &s.provided {
        if !known.contains(&key.as_str()) {
            let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
            let mut names: Vec<&str> = Vec::new();
            for k in &known {
                if !names.contains(k) {
                    names.push(k);
                }
            }
            return Err(Error::usage(format!(
                "template `{}` has no question `{key}` (given in {})",
                ids.join("` or `"),
                p.origin
            ))
            .hint(format!("its questions are: {}", names.join(", "))));
        }
    }
    Ok(())
}

/// The questions of `template` as this run asks them: with `--no-personal`, the personal
/// paragraph is not required and given as empty.
fn questions_of(s: &mut Settings, template: &templates::Template) -> Vec<questions::Question> {
    let mut asked = template.questions.clone();
    if s.no_personal {
        if let Some(q) = asked.iter_mut().find(|q| q.key == "personal") {
            q.required = false;
        }
        s.provided.entry("personal".into()).or_insert(Provided {
            value: String::new(),
            origin: "--no-personal".into(),
        });
    }
    asked
}

/// The answers to the template's questions in a script: given or defaulted.
fn answers(
    s: &mut Settings,
    template: &templates::Template,
) -> Result<BTreeMap<String, serde_json::Value>> {
    check_given(s, &[template])?;
    let asked = questions_of(s, template);
    questions::resolve(&asked, &s.provided, &mut Scripted, false)
}

/// `--stdout`: the letters in one format, one per printed page, each printed as it is
/// composed (`letter(i)` gives letter `i`).
fn print_letters<'l>(
    s: &Settings,
    template: &templates::Template,
    count: usize,
    mut letter: impl FnMut(usize) -> Result<Cow<'l, Letter>>,
) -> Result<i32> {
    let format = match s.formats.as_slice() {
        [] => Format::Txt,
        [one] => *one,
        _ => {
            return Err(Error::usage(
                "--stdout prints one format; pass a single --format",
            ));
        }
    };
    if format == Format::Pdf {
        // Nothing is printed when one of the letters cannot be.
        let mut unprintable = render::pdf::Unprintable::default();
        for i in 0..count {
            unprintable.check(&*letter(i)?)?;
        }
        unprintable.result()?;
    }
    let mut form_letters = FormLetters::default();
    let mut warnings = Warnings::default();
    for i in 0..count {
        let letter = letter(i)?;
        let mut out = Vec::new();
        if i > 0 {
            out.extend_from_slice(b"\n\x0c\n"); // form feed: one letter per printed page
        }
        out.extend(crate::render::render(&letter, format)?);
        crate::support::out::write_bytes(&out)?;
        form_letters.count(letter.score);
        if !s.interactive {
            warnings.count(template, &letter);
        }
    }
    warnings.print();
    if !s.interactive {
        warn_form_letters(&form_letters);
    }
    Ok(crate::error::exit::OK)
}

/// Saves what the wizard was told to keep, now that the letters are on disk.
fn apply(s: &Settings, keep: Keep) -> Result<()> {
    if let Some(path) = keep.profile {
        profile::save(&s.sender, &path)?;
        eprintln!(
            "{}",
            ui(
                "summary-saved-details",
                &[("file", Arg::Str(&path.display().to_string()))]
            )
        );
    }
    if !keep.recipients.is_empty() {
        let path = crate::data::recipients::store::user_file();
        for r in &keep.recipients {
            crate::data::recipients::store::append_to_file(&path, r)?;
            eprintln!(
                "{}",
                ui(
                    "summary-saved-recipient",
                    &[("name", Arg::Str(&r.name)), ("id", Arg::Str(&r.id))]
                )
            );
        }
    }
    Ok(())
}

/// What a run wrote, for the summary: built from the plan and the recipients when it is
/// printed, so that nothing per letter is held but two scores.
struct Summary<'r, 'p> {
    /// Terms that ended and stale data (said before writing).
    warnings: &'r [String],
    plan: &'r Plan<'p>,
    chosen: &'r [&'r Recipient],
    kept: &'r [Kept],
    letters: usize,
    files: usize,
    unchanged: usize,
}

impl Summary<'_, '_> {
    /// How many letters written by this run go to recipients who publish no email address.
    fn without_email(&self) -> usize {
        (0..self.plan.len())
            .filter(|&i| !self.plan.to_write(i).is_empty())
            .filter(|&i| self.chosen[i].contact.email.is_none())
            .count()
    }

    /// The letters written by this run, in order.
    fn written(&self) -> impl Iterator<Item = Written<'_>> {
        (0..self.plan.len())
            .filter(|&i| !self.plan.to_write(i).is_empty())
            .map(|i| {
                let r = self.chosen[i];
                Written {
                    files: self
                        .plan
                        .to_write(i)
                        .iter()
                        .map(|f| self.plan.path(i, f))
                        .collect(),
                    name: address_name(r),
                    own_words: f64::from(self.kept[i].own_words) / 100.0,
                    reach: r.contact.channels(),
                    recipient: &r.id,
                    similarity: f64::from(self.kept[i].similarity) / 100.0,
                }
            })
    }
}

/// `--json`: the summary, written to stdout as it is serialised (fields in alphabetical
/// order, as they always were).
impl Serialize for Summary<'_, '_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Letters<'s, 'r, 'p>(&'s Summary<'r, 'p>);
        impl Serialize for Letters<'_, '_, '_> {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.written())
            }
        }
        let mut st = serializer.serialize_struct("Summary", 6)?;
        st.serialize_field("files", &self.files)?;
        st.serialize_field("letters", &self.letters)?;
        st.serialize_field("out", self.plan.out())?;
        st.serialize_field("unchanged", &self.unchanged)?;
        st.serialize_field("warnings", self.warnings)?;
        st.serialize_field("written", &Letters(self))?;
        st.end()
    }
}

fn print_summary(s: &Settings, summary: &Summary) -> Result<()> {
    if s.json {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        serde_json::to_writer_pretty(&mut out, summary)
            .map_err(std::io::Error::from)
            .and_then(|_| out.write_all(b"\n"))
            .and_then(|_| out.flush())
            .map_err(|e| Error::stdout(&e))?;
        return Ok(());
    }
    let (letters, files) = (summary.letters, summary.files);
    crate::outln!(
        "{}",
        ui(
            "summary-wrote",
            &[
                ("letters", Arg::Num(letters as i64)),
                ("files", Arg::Num(files as i64)),
                ("folder", Arg::Str(&s.out.display().to_string())),
            ]
        )
    );
    const DETAILED: usize = 20;
    for w in summary.written().take(DETAILED) {
        crate::outln!("\n  {} ({})", w.name, w.recipient);
        for f in &w.files {
            crate::outln!("    {}", f.display());
        }
        if w.reach.is_empty() {
            crate::outln!("    {}", t("summary-no-contact"));
        }
        let (first, or) = (t("summary-reach-by"), t("summary-or"));
        let width = first.chars().count().max(or.chars().count());
        for (i, r) in w.reach.iter().enumerate() {
            crate::outln!("    {:>width$} {r}", if i == 0 { &first } else { &or });
        }
    }
    if letters > DETAILED {
        crate::outln!(
            "\n  {}",
            ui(
                "summary-more",
                &[("count", Arg::Num((letters - DETAILED) as i64))]
            )
        );
    }
    let without_email = summary.without_email();
    if without_email > 0 {
        crate::outln!(
            "\n{}",
            ui(
                "summary-without-email",
                &[("count", Arg::Num(without_email as i64))]
            )
        );
    }
    Ok(())
}

/// Advice printed after the letters are written: how many are mostly template text.
fn warn_form_letters(found: &FormLetters) {
    if found.mostly_template == 0 {
        return;
    }
    eprintln!(
        "warning: {} of {} letter{} {} almost all template text ({:.0}% in your own words).\n  \
         Offices give far more weight to letters in the writer's own words: add two or three \
         sentences on why this matters to you, e.g. --set personal=\"...\"",
        found.mostly_template,
        found.letters,
        plural(found.letters),
        if found.mostly_template == 1 {
            "is"
        } else {
            "are"
        },
        found.worst * 100.0
    );
}
