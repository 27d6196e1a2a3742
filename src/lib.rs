//! outcry: write to the people who hold power about forced organ harvesting and transplant
//! tourism.
//!
//! The library holds everything; `main` only calls [`run`] and prints the one error. Modules:
//! [`recipients`] (who, and how to reach them), [`templates`] (letter templates), [`questions`]
//! (answers, validated alike whether typed or given), [`letters`] (pure composition),
//! [`similarity`] (own words versus template text), [`output`] (files), [`profile`] (the sender), [`interactive`] (the terminal wizard, the only
//! user of dialoguer), [`cli`] and [`commands`] (the command line).

pub mod cli;
pub mod commands;
pub mod error;
pub mod interactive;
pub mod letters;
pub mod mail;
pub mod output;
pub mod pdf;
pub mod profile;
pub mod questions;
pub mod recipients;
pub mod similarity;
pub mod templates;

use clap::Parser;

/// Parses `args` (including the program name) and runs the command; returns the exit code.
pub fn run<I, T>(args: I) -> error::Result<i32>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors; clap prints them itself.
            let code = if e.use_stderr() {
                error::exit::USAGE
            } else {
                error::exit::OK
            };
            let _ = e.print();
            return Ok(code);
        }
    };
    commands::dispatch(cli)
}
