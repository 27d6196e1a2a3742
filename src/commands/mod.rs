//! One module per command; [`dispatch`] is the only `match` on commands.

pub mod profile;
pub mod recipients;
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
