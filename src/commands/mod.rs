//! The command line: [`Cli`] is what the user typed (clap types only), one file per
//! subcommand holds its arguments and its `run`, and [`dispatch`] is the only `match` on
//! commands. Each `run` turns its arguments into settings before calling the layers below;
//! nothing below `commands` sees a clap type.
//!
//! May import: every module (this is the top layer).

pub mod bills;
pub mod completions;
pub mod data;
pub mod followup;
pub mod forget;
pub mod history;
pub mod mark;
pub mod profile;
pub mod recipients;
pub mod reply;
pub mod send;
pub mod templates;
pub mod write;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::{Error, Result};

/// Write to your representatives about forced organ harvesting and transplant tourism.
///
/// Run `outcry` in a terminal for a guided letter, or `outcry write --help` to script it.
#[derive(Debug, Parser)]
#[command(
    name = "outcry",
    version,
    about,
    long_about = None,
    propagate_version = true,
    before_help = "Run `outcry` with no command in a terminal for the guided letter.",
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// Add or override letter templates from this folder (or file); repeatable.
    #[arg(long = "templates", value_name = "DIR", global = true)]
    pub templates: Vec<PathBuf>,
    /// Add recipients from this YAML file; repeatable. A record with a built-in id replaces it.
    #[arg(long = "recipients", value_name = "FILE", global = true)]
    pub recipients: Vec<PathBuf>,
    /// Use this campaign data (laws, bills and asks by jurisdiction) instead of the built-in
    /// copy or `campaign.yaml` in the config folder.
    #[arg(long = "campaign", value_name = "FILE", global = true)]
    pub campaign: Option<PathBuf>,
    /// The language of the guided letter's questions and summaries: `en` or `zh-CN`
    /// (Simplified Chinese). Default: from LC_ALL, LC_MESSAGES or LANG, else English. Error
    /// messages stay in English.
    #[arg(long = "ui-language", value_name = "LANG", global = true)]
    pub ui_language: Option<String>,
    /// What to do; without one, `outcry` starts the guided letter in a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write letters: guided in a terminal, or from flags and an answers file.
    Write(Box<write::WriteArgs>),
    /// List, show and check letter templates.
    #[command(subcommand)]
    Templates(templates::TemplatesCommand),
    /// Find, list, show, check and import recipients.
    #[command(subcommand)]
    Recipients(recipients::RecipientsCommand),
    /// The data sets outcry ships: their status, updating one from newer source files,
    /// going back to the built-in copy.
    #[command(subcommand)]
    Data(data::DataCommand),
    /// Create or show your sender profile; test your mail account.
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Send the .eml letters that `write` produced from your own email account (safe by default).
    Send(send::SendArgs),
    /// Every letter and what became of it: sent by email (the sent log), posted, called,
    /// sent through a form, answered; `--by recipient` for who answers; `--export FILE`.
    History(history::HistoryArgs),
    /// Erase what outcry keeps: the sent log, your letters, your saved profile and recipients.
    Forget(forget::ForgetArgs),
    /// Record that you posted a letter, called, or used the contact form (reminders start then).
    Mark(mark::MarkArgs),
    /// Record a reply (or that none has come yet), with its date, text or .eml file.
    Reply(reply::ReplyArgs),
    /// The letters waiting for a reply (14 days and 6 weeks after sending); --chase ID writes
    /// the chase letter.
    Followup(followup::FollowupArgs),
    /// Import congress.gov bill-status files; listings then mark sponsors and cosponsors.
    #[command(subcommand)]
    Bills(bills::BillsCommand),
    /// Print a shell completion script, e.g. `outcry completions bash > ~/.local/share/bash-completion/completions/outcry`.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), e.g. `outcry man > outcry.1 && man ./outcry.1`.
    Man,
}

/// The exit codes, shown at the end of `outcry --help` (the README has the same table).
const EXIT_CODES: &str = "Exit codes: 0 done; 1 the work failed; 2 bad usage or input; 3 some letters were sent and some were not; 4 no letter was sent; 130 cancelled; 141 output closed early.";

/// The folders and files that add to the built-in templates and recipients: the user's own
/// in the config folder first, so that files named on the command line override them.
pub struct Sources {
    /// Template folders or files, in load order.
    pub templates: Vec<PathBuf>,
    /// Recipient files, in load order.
    pub recipients: Vec<PathBuf>,
    /// Campaign data named with `--campaign` (else the config folder's, else built in).
    pub campaign: Option<PathBuf>,
}

impl Sources {
    fn resolve(
        templates: Vec<PathBuf>,
        recipients: Vec<PathBuf>,
        campaign: Option<PathBuf>,
    ) -> Sources {
        let config = crate::support::env::config_dir();
        let user_templates = config.join("templates");
        let user_recipients = crate::data::recipients::store::user_file();
        Sources {
            templates: user_templates
                .is_dir()
                .then_some(user_templates)
                .into_iter()
                .chain(templates)
                .collect(),
            recipients: user_recipients
                .is_file()
                .then_some(user_recipients)
                .into_iter()
                .chain(recipients)
                .collect(),
            campaign,
        }
    }
}

/// Runs the parsed command line; returns the exit code.
pub fn dispatch(cli: Cli) -> Result<i32> {
    if let Some(wanted) = cli.ui_language.as_deref()
        && crate::support::i18n::match_ui_language(wanted).is_none()
    {
        return Err(
            Error::usage(format!("--ui-language `{wanted}` is not available")).hint(format!(
                "available: {}",
                crate::support::i18n::ui_languages().join(", ")
            )),
        );
    }
    crate::support::i18n::set_ui_language(cli.ui_language.as_deref());
    let sources = Sources::resolve(cli.templates, cli.recipients, cli.campaign);
    match cli.command {
        Some(Command::Write(args)) => write::run(*args, &sources),
        // `outcry` alone is `outcry write` with every default.
        None if crate::interactive::available() => {
            if let Some(note) = followup::waiting_note() {
                eprintln!("{note}");
            }
            write::run(write::WriteArgs::default(), &sources)
        }
        None => Err(Error::usage("no command given, and there is no terminal to ask questions in")
            .hint("to write letters from a script: outcry write --template ID --to ID --no-input ...")
            .hint("for all commands: outcry --help")),
        Some(Command::Templates(cmd)) => templates::run(cmd, &sources),
        Some(Command::Recipients(cmd)) => recipients::run(cmd, &sources.recipients),
        Some(Command::Data(cmd)) => data::run(cmd, &sources.recipients),
        Some(Command::Profile(cmd)) => profile::run(cmd),
        Some(Command::Send(args)) => send::run(args, &sources.recipients),
        Some(Command::History(args)) => history::run(args),
        Some(Command::Forget(args)) => forget::run(args),
        Some(Command::Mark(args)) => mark::run(args),
        Some(Command::Reply(args)) => reply::run(args, &sources),
        Some(Command::Followup(args)) => followup::run(args, &sources),
        Some(Command::Bills(cmd)) => bills::run(cmd),
        Some(Command::Completions(args)) => completions::run(args),
        Some(Command::Man) => completions::man(),
    }
}

/// Prints JSON to stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::failure(format!("could not write JSON: {e}")))?;
    crate::outln!("{text}");
    Ok(())
}
