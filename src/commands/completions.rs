//! `outcry completions SHELL` and `outcry man`: shell completions and the manual page, both
//! from the command-line definitions.
//!
//! Completions are dynamic (clap_complete's `CompleteEnv`): the script that `outcry
//! completions SHELL` prints registers outcry itself as the completer, so that on Tab the
//! shell runs `COMPLETE=SHELL outcry -- WORDS...` and outcry answers with the flags,
//! subcommands, and the ids of the templates and recipients it knows (built-in ones and the
//! user's own in the config folder). [`complete`] answers those calls before anything else
//! runs.
//!
//! May import: every layer below `commands`.

use clap::{Args, CommandFactory};
use clap_complete::engine::CompletionCandidate;

use crate::error::{Error, Result};

/// The environment variable that turns a run into a completion request.
const VAR: &str = "COMPLETE";

/// Options of `outcry completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// Answers a completion request (`COMPLETE=SHELL outcry -- ...`); returns false when this is
/// an ordinary run.
///
/// Errors: the shell named in `COMPLETE` is unknown (exit code 2).
pub fn complete(args: &[std::ffi::OsString]) -> Result<bool> {
    let current = std::env::current_dir().ok();
    clap_complete::CompleteEnv::with_factory(super::Cli::command)
        .var(VAR)
        .completer("outcry")
        .try_complete(args.iter().cloned(), current.as_deref())
        .map_err(Error::clap)
}

/// Prints the registration script for the shell to standard output: it asks `outcry` for
/// completions on Tab.
pub fn run(args: CompletionsArgs) -> Result<i32> {
    let shells = clap_complete::env::Shells::builtins();
    let name = args.shell.to_string();
    let Some(shell) = shells.completer(&name) else {
        return Err(Error::usage(format!("no completions for `{name}`")));
    };
    let mut out = Vec::new();
    shell
        .write_registration(VAR, "outcry", "outcry", "outcry", &mut out)
        .map_err(|e| Error::failure(format!("could not write the completion script: {e}")))?;
    crate::support::out::write_bytes(&out)?;
    Ok(crate::error::exit::OK)
}

/// The ids of the templates (built in, and the user's own in the config folder), with their
/// titles, for completing `--template` and `templates show`.
pub fn template_ids() -> Vec<CompletionCandidate> {
    let user = crate::support::env::config_dir().join("templates");
    let dirs: Vec<std::path::PathBuf> = user.is_dir().then_some(user).into_iter().collect();
    let Ok(library) = crate::data::templates::Library::load(&dirs) else {
        return Vec::new();
    };
    library
        .all()
        .map(|t| CompletionCandidate::new(&t.id).help(Some(t.title.clone().into())))
        .collect()
}

/// The ids of the recipients (built in, and the user's own), with their names, for
/// completing `--to` and `recipients show`.
pub fn recipient_ids() -> Vec<CompletionCandidate> {
    let user = crate::data::recipients::store::user_file();
    let files: Vec<std::path::PathBuf> = user.is_file().then_some(user).into_iter().collect();
    let Ok(directory) = crate::data::recipients::Directory::load(&files) else {
        return Vec::new();
    };
    directory
        .current()
        .map(|r| CompletionCandidate::new(&r.id).help(Some(r.name.to_string().into())))
        .collect()
}

/// Prints the manual page (roff, from the clap definitions, by `clap_mangen`).
pub fn man() -> Result<i32> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::Cli::command())
        .render(&mut out)
        .map_err(|e| Error::failure(format!("could not write the manual page: {e}")))?;
    crate::support::out::write_bytes(&out)?;
    Ok(crate::error::exit::OK)
}
