//! `outcry send`: send the `.eml` letters `write` produced (the send loop itself is
//! `mail::send`'s).
//!
//! May import: everything below `commands`.

use std::path::PathBuf;

use clap::Args;

use crate::data::profile;
use crate::data::recipients::Directory;
use crate::error::Result;
use crate::mail::send::Options;

/// Options of `outcry send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// Folders or .eml files to send (default: letters).
    pub paths: Vec<PathBuf>,
    /// Show exactly what would be sent, and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Send without asking for confirmation.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Send at most N letters this time.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Send again letters that the sent log says were already sent.
    #[arg(long)]
    pub resend: bool,
    /// Send letters whose earlier attempt was interrupted (they may arrive twice).
    #[arg(long)]
    pub retry_unknown: bool,
    /// Allow `security: none` to a server that is not on this machine.
    #[arg(long)]
    pub insecure: bool,
    /// Print links that open each letter in your mail program, Gmail or Outlook instead.
    #[arg(long)]
    pub links: bool,
    /// Use this profile instead of the saved one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

/// Runs `outcry send PATHS`.
pub fn run(args: SendArgs, recipient_files: &[PathBuf]) -> Result<i32> {
    let opts = Options {
        dry_run: args.dry_run,
        yes: args.yes,
        limit: args.limit,
        resend: args.resend,
        retry_unknown: args.retry_unknown,
        insecure: args.insecure,
        links: args.links,
        rerun: None,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("letters")]
    } else {
        args.paths
    };
    let profile = profile::load_optional(args.profile.as_deref())?
        .map(|(p, _)| p)
        .unwrap_or_default();
    let directory = Directory::load(recipient_files)?;
    crate::mail::send::send_letters(
        &paths,
        &opts,
        &profile,
        &directory,
        &mut crate::interactive::Prompts,
    )
}
