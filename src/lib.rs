//! outcry: write to the people who hold power about forced organ harvesting and transplant
//! tourism.
//!
//! The library holds everything; `main` only calls [`run`] and prints the one error. The
//! modules follow the flow of a run, and each may import only the ones before it (a test,
//! `tests/it/layers.rs`, enforces it):
//!
//! 1. [`error`]: the one error type and the exit codes.
//! 2. [`support`]: files written atomically, the config and data folders, "today", text helpers.
//! 3. [`questions`]: the question schema and the resolver for typed and given answers.
//! 4. [`data`]: recipients, importers, templates, the sender's profile.
//! 5. [`conventions`]: salutations, sign-offs, dates, envelope names.
//! 6. [`letters`]: pure composition of a letter, and the own-words check.
//! 7. [`render`]: one renderer per format (txt, md, eml, pdf, envelope, call, form).
//! 8. [`output`]: planning, checking and writing the files of a run.
//! 9. [`mail`]: the outbox, SMTP, the send loop and the sent log.
//! 10. [`records`]: the ledger of every letter and what became of it (sent, answered), joined
//!     with the sent log: reminders, chase letters, who answers.
//! 11. [`interactive`]: the terminal wizard, the only user of dialoguer; it writes nothing.
//! 12. [`commands`]: the command line, one file per subcommand.

pub mod commands;
pub mod conventions;
pub mod data;
pub mod error;
pub mod interactive;
pub mod letters;
pub mod mail;
pub mod output;
pub mod questions;
pub mod records;
pub mod render;
pub mod support;

use clap::Parser;

/// Parses `args` (including the program name) and runs the command; returns the exit code.
/// Every error, clap's included, comes back as an [`error::Error`] for `main` to print.
pub fn run<I, T>(args: I) -> error::Result<i32>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // `COMPLETE=bash outcry -- ...`: the shell asking for completions (see `completions`).
    if commands::completions::complete(&args)? {
        return Ok(error::exit::OK);
    }
    let cli = match commands::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // --help and --version are not errors; clap prints them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return Ok(error::exit::OK);
        }
        Err(e) => return Err(error::Error::clap(e)),
    };
    commands::dispatch(cli)
}
