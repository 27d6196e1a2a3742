//! `outcry forget`: erase what outcry keeps about you and your letters: the sent log, the
//! ledger of letters and replies, the imported bills, the letters it wrote, the saved profile
//! and the recipients the wizard saved, after a confirmation (or `--yes`).
//!
//! Only files outcry itself writes are touched: in a letters folder, the files named like
//! its letters (`DATE_TEMPLATE_RECIPIENT.EXT`); your own templates are left alone. Erasing is
//! removing the files; copies elsewhere (your mail program's Sent folder, backups, printouts)
//! are beyond outcry's reach, and the summary says so.
//!
//! May import: every layer below `commands`.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::error::{Error, Result, exit};
use crate::mail::log::SentLog;
use crate::render::Format;

/// Options of `outcry forget`.
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// Folders of letters to erase too (only the letter files outcry writes there) [default:
    /// `letters` in this folder, when it exists].
    pub folders: Vec<PathBuf>,
    /// Erase without asking (for scripts).
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Runs `outcry forget`.
pub fn run(args: ForgetArgs) -> Result<i32> {
    let folders = if args.folders.is_empty() {
        let default = PathBuf::from("letters");
        if default.is_dir() {
            vec![default]
        } else {
            Vec::new()
        }
    } else {
        args.folders
    };
    for f in &folders {
        if !f.is_dir() {
            return Err(Error::usage(format!("`{}` is not a folder", f.display()))
                .hint("name the folders that `outcry write --out` wrote"));
        }
    }
    // Not while a `send` is writing to the log.
    let log_path = SentLog::default_path();
    let _lock = SentLog::open_locked(&log_path, std::time::Duration::from_secs(5), || {
        eprintln!("Another `outcry send` is running; waiting for it...")
    })?;

    let config = crate::support::env::config_dir();
    let mut files: Vec<PathBuf> = [
        log_path.clone(),
        SentLog::lock_path(&log_path),
        crate::data::profile::default_path(),
        crate::data::recipients::store::user_file(),
        crate::records::Ledger::default_path(),
        crate::data::bills::Bills::default_path(),
    ]
    .into_iter()
    .filter(|p| p.is_file())
    .collect();
    for folder in &folders {
        files.extend(letter_files(folder)?);
    }
    if files.is_empty() {
        crate::outln!(
            "outcry keeps nothing about you here: no sent log, profile, saved recipients or letters."
        );
        return Ok(exit::OK);
    }
    crate::outln!("This erases:");
    for f in &files {
        crate::outln!("  {}", f.display());
    }
    if !args.yes {
        if !crate::interactive::available() {
            return Err(
                Error::usage("forget erases files, so it needs your confirmation")
                    .hint("pass --yes to erase without being asked"),
            );
        }
        if !crate::interactive::confirm_forget(files.len())? {
            return Err(Error::interrupted("cancelled; nothing was erased"));
        }
    }
    for f in &files {
        match std::fs::remove_file(f) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("erase", f, &e)),
        }
    }
    // Folders left empty go too (never one with anything else in it).
    let mut dirs: Vec<PathBuf> = folders.clone();
    dirs.push(crate::support::env::data_dir());
    dirs.push(config.clone());
    for d in dirs {
        let _ = std::fs::remove_dir(d);
    }
    crate::outln!(
        "Erased {}.",
        crate::support::text::plural(files.len(), "file")
    );
    if config.join("templates").is_dir() {
        crate::outln!(
            "Your own templates in {} are kept.",
            config.join("templates").display()
        );
    }
    crate::outln!(
        "outcry cannot reach copies elsewhere: the letters in your mail program's Sent folder, \
         backups, and anything printed or pasted into a form."
    );
    Ok(exit::OK)
}

/// The files in `folder` that outcry writes: `YYYY-MM-DD_TEMPLATE_RECIPIENT.EXT` for the
/// formats it knows, and its temporary files (`.outcry-*.tmp`).
fn letter_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io("read folder", folder, &e))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_file()
            && (is_letter_name(name) || (name.starts_with(".outcry-") && name.ends_with(".tmp")))
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn is_letter_name(name: &str) -> bool {
    let formats = [
        Format::Txt,
        Format::Md,
        Format::Eml,
        Format::Pdf,
        Format::Envelope,
        Format::Call,
        Format::Form,
    ];
    let Some(stem) = formats
        .iter()
        .filter_map(|f| name.strip_suffix(&format!(".{}", f.ext())))
        .max_by_key(|s| std::cmp::Reverse(s.len()))
    else {
        return false;
    };
    let mut parts = stem.splitn(3, '_');
    let (Some(date), Some(template), Some(recipient)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    date.parse::<jiff::civil::Date>().is_ok() && !template.is_empty() && !recipient.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_letter_names() {
        assert!(is_letter_name(
            "2026-11-28_un-investigation_uk-mp-alex-baker.envelope.txt"
        ));
        assert!(is_letter_name("2026-11-28_chase_x.eml"));
        assert!(!is_letter_name("notes.txt"));
        assert!(!is_letter_name("2026-11-28_notes.txt"));
        assert!(!is_letter_name("draft_a_b.eml"));
    }
}
