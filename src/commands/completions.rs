//! `outcry completions SHELL` and `outcry man`: a shell completion script and the manual
//! page, both generated from the command-line definitions.
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

/// Prints the manual page (roff, from the clap definitions, by `clap_mangen`).
pub fn man() -> Result<i32> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::Cli::command())
        .render(&mut out)
        .map_err(|e| {
            crate::error::Error::failure(format!("could not write the manual page: {e}"))
        })?;
    crate::support::out::write_bytes(&out)?;
    Ok(crate::error::exit::OK)
}
