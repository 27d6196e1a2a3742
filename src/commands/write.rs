//! `outcry write`: from answers to letter files, guided or scripted.
//!
//! Resolves settings in one place (flags over profile; no clap types past [`Settings::resolve`]),
//! then: choose template and recipients, answer questions, compose every letter (pure), preview
//! (wizard only), check that no file would be overwritten, and write them all atomically.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::cli::WriteArgs;
use crate::error::{Error, Result};
use crate::interactive;
use crate::letters::{self, Letter};
use crate::output::{self, Format};
use crate::profile::{self, Profile};
use crate::questions::{self, Provided, Scripted};
use crate::recipients::{Directory, Filter, Recipient, normalize_country};
use crate::templates::{self, Library};

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
    date: jiff::civil::Date,
    no_personal: bool,
    seed: Option<u64>,
    send: Option<super::send::Options>,
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
            Some(d) => d.parse::<jiff::civil::Date>().map_err(|_| {
                Error::usage(format!(
                    "the date `{d}` is not a calendar date of the form YYYY-MM-DD"
                ))
                .hint("for example: --date 2026-11-28")
            })?,
            None => jiff::Zoned::now().date(),
        };
        let mut provided = BTreeMap::new();
        if let Some(path) = &args.answers {
            provided.extend(questions::read_answers_file(path)?);
        }
        provided.extend(questions::parse_sets(&args.set)?);

        let (mut sender, sender_from) = match profile::load_optional(args.profile.as_deref())? {
            Some((p, path)) => (p, Some(path)),
            None => (Profile::default(), None),
        };
        if let Some(v) = args.sender_name {
            sender.name = v;
        }
        if let Some(v) = args.sender_email {
            sender.email = Some(v);
        }
        if !args.sender_address.is_empty() {
            sender.address = args.sender_address;
        }
        if let Some(v) = args.sender_country {
            sender.country = Some(v);
        }
        if let Some(v) = args.sender_phone {
            sender.phone = Some(v);
        }
        sender.country = sender.country.map(|c| normalize_country(&c));

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
                if *c == output::Channel::Post {
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
            out: args.out,
            formats,
            stdout: args.stdout,
            interactive,
            force: args.force,
            json: args.json,
            date,
            no_personal: args.no_personal,
            seed: args.seed,
            send: args.send.then(|| super::send::Options {
                dry_run: args.dry_run,
                yes: args.yes,
                limit: args.limit,
                ..Default::default()
            }),
        })
    }
}

/// One file written (for the summary).
#[derive(Serialize)]
struct Written {
    recipient: String,
    name: String,
    files: Vec<PathBuf>,
    reach: Vec<String>,
    /// Whether the recipient publishes an email address.
    #[serde(skip)]
    has_email: bool,
    /// Share of the letter in the writer's own words (0 to 1).
    own_words: f64,
    /// Similarity to the bare template (0 to 1).
    similarity: f64,
}

/// Runs `outcry write`.
pub fn run(args: WriteArgs, template_dirs: &[PathBuf], recipient_files: &[PathBuf]) -> Result<i32> {
    let mut s = Settings::resolve(args)?;
    let library = Library::load(template_dirs)?;
    let directory = Directory::load(recipient_files)?;
    if s.interactive {
        interactive::install_interrupt_handler();
    }

    // Sender.
    let problems = s.sender.problems();
    if s.interactive {
        let (p, save) = interactive::sender(s.sender.clone(), s.sender_from.as_deref())?;
        s.sender = p;
        if save {
            let path = s.sender_from.clone().unwrap_or_else(profile::default_path);
            profile::save(&s.sender, &path)?;
            eprintln!("Saved your details to {}", path.display());
        }
    } else if !problems.is_empty() {
        let mut err = Error::usage(problems.join("\n  "));
        if s.sender_from.is_none() {
            err = err.hint("save your details once with: outcry profile init");
        }
        return Err(err);
    }

    if s.send.is_some() && s.sender.email.is_none() {
        return Err(Error::usage("sending needs your email address").hint(
            "pass --sender-email ADDRESS, or set `email` in your profile (outcry profile init)",
        ));
    }
    if s.formats.contains(&Format::Eml) && s.sender.email.is_none() {
        return Err(Error::usage("an .eml file needs your email address").hint(
            "pass --sender-email ADDRESS, or set `email` in your profile (outcry profile init)",
        ));
    }

    // Template named on the command line (checked first, so a typo fails fast).
    let named_template = match &s.template {
        Some(id) => Some(library.get(id)?),
        None if s.interactive => None,
        None => {
            return Err(
                Error::usage("missing --template; choose which letter to write")
                    .hint("see the letters with: outcry templates list"),
            );
        }
    };

    // Recipients.
    let mut chosen: Vec<Recipient> = directory.resolve(&s.to)?;
    if let Some(filter) = &s.filter {
        for r in directory.filter(filter) {
            if !chosen.iter().any(|c| c.id == r.id) {
                chosen.push(r.clone());
            }
        }
        if chosen.is_empty() {
            return Err(Error::usage("no recipient matches those filters")
                .hint("try them with: outcry recipients list ..."));
        }
    }
    if chosen.is_empty() {
        if s.interactive {
            chosen = interactive::recipients(&directory, named_template)?;
        } else {
            return Err(Error::usage("missing --to; choose whom to write to").hint(
                "find ids with: outcry recipients list --search NAME, or pass --all with filters",
            ));
        }
    }

    // Template chosen in the wizard: the ones written for these recipients first.
    let template = match named_template {
        Some(t) => t,
        None => {
            let all: Vec<&templates::Template> = library.all().collect();
            interactive::template(&all, &chosen)?
        }
    };
    let unsuited: Vec<&Recipient> = chosen
        .iter()
        .filter(|r| !templates::suits(template, r))
        .collect();
    if !unsuited.is_empty() {
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

    // Answers.
    let known: Vec<&str> = template.questions.iter().map(|q| q.key.as_str()).collect();
    for (key, p) in &s.provided {
        if !known.contains(&key.as_str()) {
            return Err(Error::usage(format!(
                "template `{}` has no question `{key}` (given in {})",
                template.id, p.origin
            ))
            .hint(format!("its questions are: {}", known.join(", "))));
        }
    }
    if s.interactive
        && template
            .questions
            .iter()
            .any(|q| !s.provided.contains_key(&q.key))
    {
        eprintln!(
            "\n{}",
            console::style("A few questions, to make the letter yours").bold()
        );
    }
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
    let answers = if s.interactive {
        questions::resolve(&asked, &s.provided, &mut interactive::Wizard, true)?
    } else {
        questions::resolve(&asked, &s.provided, &mut Scripted, false)?
    };

    // Compose every letter before anything is written.
    let seed = s
        .seed
        .map(letters::Seed)
        .unwrap_or_else(|| letters::Seed::for_sender(&s.sender));
    let mut letters: Vec<Letter> = chosen
        .iter()
        .map(|r| letters::compose(&library, template, r, &s.sender, &answers, s.date, seed))
        .collect::<Result<_>>()?;

    if s.interactive {
        match interactive::preview(&mut letters)? {
            interactive::Decision::Write => {}
            interactive::Decision::Cancel => return Err(Error::cancelled()),
        }
        if !s.stdout {
            s.out = interactive::folder(&s.out)?;
        }
    }

    if s.stdout {
        let format = match s.formats.as_slice() {
            [] => Format::Txt,
            [one] => *one,
            _ => {
                return Err(Error::usage(
                    "--stdout prints one format; pass a single --format",
                ));
            }
        };
        let mut out = Vec::new();
        for (i, letter) in letters.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\n\x0c\n"); // form feed: one letter per printed page
            }
            out.extend(output::render(letter, format)?);
        }
        use std::io::Write;
        std::io::stdout()
            .write_all(&out)
            .map_err(|e| Error::failure(format!("could not write to standard output: {e}")))?;
        if !s.interactive {
            warn_form_letters(&letters);
        }
        return Ok(crate::error::exit::OK);
    }

    // Plan every file, refuse to overwrite, then write.
    let mut plan: Vec<(usize, PathBuf, Vec<u8>)> = Vec::new();
    for (i, letter) in letters.iter().enumerate() {
        let formats: Vec<Format> = if s.formats.is_empty() {
            output::best_formats(letter)
        } else {
            s.formats.clone()
        };
        for format in formats {
            let path = s.out.join(output::file_name(letter, format));
            plan.push((i, path, output::render(letter, format)?));
        }
    }
    if !s.force
        && let Some((_, path, _)) = plan.iter().find(|(_, p, _)| p.exists())
    {
        return Err(output::exists_error(path));
    }
    let mut written: Vec<Written> = letters
        .iter()
        .map(|l| Written {
            recipient: l.recipient.id.clone(),
            name: letters::address_name(&l.recipient),
            files: Vec::new(),
            reach: l.recipient.contact.channels(),
            has_email: l.recipient.contact.email.is_some(),
            own_words: (l.score.own_words * 100.0).round() / 100.0,
            similarity: (l.score.similarity * 100.0).round() / 100.0,
        })
        .collect();
    for (i, path, bytes) in &plan {
        output::write_atomic(path, bytes, s.force)?;
        written[*i].files.push(path.clone());
    }
    print_summary(&s, &written, plan.len())?;
    if !s.interactive {
        warn_form_letters(&letters);
    }
    // In the wizard, offer to send the email letters when an account is set up.
    if s.send.is_none() && s.interactive && s.sender.smtp.is_some() {
        let emls = plan
            .iter()
            .filter(|(_, p, _)| p.extension().is_some_and(|x| x == "eml"))
            .count();
        if emls > 0 && interactive::offer_send(emls)? {
            s.send = Some(super::send::Options {
                yes: true,

                ..Default::default()
            });
        }
    }
    if let Some(opts) = &s.send {
        // The letters are on disk; now send the .eml ones.
        let emls: Vec<PathBuf> = plan
            .iter()
            .map(|(_, p, _)| p.clone())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        if emls.is_empty() {
            println!(
                "\nNone of these recipients publishes an email address, so there is nothing to send."
            );
            return Ok(crate::error::exit::OK);
        }
        println!();
        return super::send::send_letters(&emls, opts, &s.sender, &directory);
    }
    Ok(crate::error::exit::OK)
}

fn print_summary(s: &Settings, written: &[Written], files: usize) -> Result<()> {
    if s.json {
        let json = serde_json::json!({
            "out": s.out,
            "letters": written.len(),
            "files": files,
            "written": written,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "Wrote {} letter{} ({} file{}) to {}",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" },
        s.out.display()
    );
    const DETAILED: usize = 20;
    for w in written.iter().take(DETAILED) {
        println!("\n  {} ({})", w.name, w.recipient);
        for f in &w.files {
            println!("    {}", f.display());
        }
        if w.reach.is_empty() {
            println!("    no contact details known");
        }
        for (i, r) in w.reach.iter().enumerate() {
            println!(
                "    {} {r}",
                if i == 0 { "reach by:" } else { "       or:" }
            );
        }
    }
    if written.len() > DETAILED {
        println!(
            "\n  ... and {} more (use --json for the full list)",
            written.len() - DETAILED
        );
    }
    let without_email = written.iter().filter(|w| !w.has_email).count();
    if without_email > 0 {
        println!(
            "\n{without_email} recipient{} publish{} no email address: post the printed letter, call, or use \
             the contact form; the files listed above are ready for each.",
            if without_email == 1 { "" } else { "s" },
            if without_email == 1 { "es" } else { "" }
        );
    }
    Ok(())
}

/// Advice printed after the letters are written: which ones are mostly template text.
fn warn_form_letters(letters: &[Letter]) {
    let mostly_template: Vec<&Letter> = letters
        .iter()
        .filter(|l| l.score.mostly_template())
        .collect();
    if mostly_template.is_empty() {
        return;
    }
    let worst = mostly_template
        .iter()
        .map(|l| l.score.own_words)
        .fold(1.0, f64::min);
    eprintln!(
        "warning: {} of {} letter{} {} almost all template text ({:.0}% in your own words).\n  \
         Offices give far more weight to letters in the writer's own words: add two or three \
         sentences on why this matters to you, e.g. --set personal=\"...\"",
        mostly_template.len(),
        letters.len(),
        if letters.len() == 1 { "" } else { "s" },
        if mostly_template.len() == 1 {
            "is"
        } else {
            "are"
        },
        worst * 100.0
    );
}
