//! `outcry completions SHELL`: print a shell completion script.
//!
//! May import: every layer below `commands`.

use clap::{Args, CommandFactory};

use crate::error::Result;

/// Options of `outcry completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for the shell to standard output.
pub fn run(args: CompletionsArgs) -> Result<i32> {
    clap_complete::generate(
        args.shell,
        &mut super::Cli::command(),
        "outcry",
        &mut std::io::stdout(),
    );
    Ok(crate::error::exit::OK)
}
