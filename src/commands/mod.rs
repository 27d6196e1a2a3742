//! One module per command; [`dispatch`] is the only `match` on commands.

pub mod profile;
pub mod recipients;
pub mod send;
pub mod templates;
pub mod write;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};

/// Runs the parsed command line; returns the exit code.
pub fn dispatch(mut cli: Cli) -> Result<i32> {
    // The user's own templates and recipients in the config folder come first, so that
    // files named on the command line override them.
    let config = crate::profile::config_dir();
    let user_templates = config.join("templates");
    if user_templates.is_dir() {
        cli.templates.insert(0, user_templates);
    }
    let user_recipients = config.join("recipients.yaml");
    if user_recipients.is_file() {
        cli.recipients.insert(0, user_recipients);
    }
    match cli.command {
        Some(Command::Write(args)) => write::run(*args, &cli.templates, &cli.recipients),
        None if crate::interactive::available() => {
            // `outcry` alone is `outcry write` with every default.
            let defaults = match Cli::try_parse_from(["outcry", "write"]) {
                Ok(Cli { command: Some(Command::Write(args)), .. }) => *args,
                _ => return Err(Error::failure("could not build the default `write` settings")),
            };
            write::run(defaults, &cli.templates, &cli.recipients)
        }
        None => Err(Error::usage("no command given, and there is no terminal to ask questions in")
            .hint("to write letters from a script: outcry write --template ID --to ID --no-input ...")
            .hint("for all commands: outcry --help")),
        Some(Command::Templates(cmd)) => templates::run(cmd, &cli.templates),
        Some(Command::Recipients(cmd)) => recipients::run(cmd, &cli.recipients),
        Some(Command::Profile(cmd)) => profile::run(cmd),
        Some(Command::Send(args)) => {
            let opts = send::Options {
                dry_run: args.dry_run,
                yes: args.yes,
                limit: args.limit,
                resend: args.resend,
                retry_unknown: args.retry_unknown,
                insecure: args.insecure,
                links: args.links,
                profile: args.profile,
            };
            let paths = if args.paths.is_empty() { vec![std::path::PathBuf::from("letters")] } else { args.paths };
            send::run(&paths, &opts, &cli.recipients)
        }
        Some(Command::History { json }) => history(json),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "outcry", &mut std::io::stdout());
            Ok(0)
        }
    }
}

/// Prints JSON to stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::failure(format!("could not write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// `outcry history`: what the sent log says, newest last.
fn history(json: bool) -> Result<i32> {
    let log = crate::mail::log::SentLog::open(&crate::mail::log::SentLog::default_path())?;
    if json {
        print_json(&log.entries())?;
        return Ok(0);
    }
    if log.entries().is_empty() {
        println!("Nothing has been sent yet ({}).", log.path().display());
        return Ok(0);
    }
    for e in log.entries().iter().filter(|e| e.event != "attempt") {
        println!(
            "{}  {:<9}  to {}  {}  ({})",
            e.time,
            e.event,
            e.to.join(", "),
            e.subject,
            e.reply.as_deref().unwrap_or("")
        );
    }
    let interrupted: Vec<&crate::mail::log::Entry> = log
        .entries()
        .iter()
        .filter(|e| {
            e.event == "attempt" && log.status(&e.message_id) == crate::mail::log::Status::Unknown
        })
        .collect();
    for e in interrupted {
        println!(
            "{}  unknown    to {}  {}  (interrupted while sending)",
            e.time,
            e.to.join(", "),
            e.subject
        );
    }
    println!(
        "
The sent log is {}.",
        log.path().display()
    );
    Ok(0)
}
