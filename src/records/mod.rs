//! What became of the letters: the ledger of every letter written and what happened to it
//! (posted, called, sent through a form, emailed, answered), and the view of it that reminders,
//! chase letters and "who answers" are made from.
//!
//! [`ledger`] owns the file (append-only, crash-safe); [`book`] joins it with the sent log and
//! holds the rules (when a reminder is due, days to reply, medians, the export's rows). This
//! layer records and reads; it asks nothing, prints only warnings about damaged lines, and
//! never sends: the
//! commands `mark`, `reply`, `followup` and `history` are its users, and `write` records each
//! letter here after its files are on disk. Everything stays on the writer's machine unless
//! they export it.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data`], [`crate::conventions`],
//! [`crate::letters`], [`crate::render`], [`crate::output`], [`crate::mail`] (the sent log).

pub mod book;
pub mod draft;
pub mod ledger;

use std::path::Path;

use crate::error::Result;
use crate::letters::Letter;
use crate::render::{Channel, Format};

pub use book::Book;
pub use ledger::Ledger;

/// The id of a letter: its file name without the extension (see `output::file_name`).
pub fn letter_id(letter: &Letter) -> String {
    format!(
        "{}_{}_{}",
        letter.date, letter.template_id, letter.recipient.id
    )
}

/// The channel a file serves. A `.txt` or `.md` beside an `.eml` is the readable copy of the
/// email, so it adds no channel; on its own it is a letter to print and post.
fn channels(formats: &[Format]) -> Vec<Channel> {
    let email = formats.contains(&Format::Eml);
    let mut out: Vec<Channel> = formats
        .iter()
        .filter_map(|f| match f {
            Format::Eml => Some(Channel::Email),
            Format::Pdf | Format::Envelope => Some(Channel::Post),
            Format::Txt | Format::Md if !email => Some(Channel::Post),
            Format::Txt | Format::Md => None,
            Format::Call => Some(Channel::Phone),
            Format::Form => Some(Channel::Form),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The ledger entry of a letter whose files are `files` (format and path): one `written`
/// line with its template, recipient, channels, files (absolute), ask, subject, the
/// Message-ID of its `.eml`, and the letter it follows up (`follows`, a letter id). `time` is
/// when it was recorded ([`ledger::now`]).
pub fn written_entry(
    letter: &Letter,
    files: &[(Format, std::path::PathBuf)],
    follows: Option<&str>,
    time: &str,
) -> ledger::Entry {
    let formats: Vec<Format> = files.iter().map(|(f, _)| *f).collect();
    let message_id = formats
        .contains(&Format::Eml)
        .then(|| crate::render::eml::letter_message_id(letter))
        .flatten();
    ledger::Entry {
        time: time.to_string(),
        letter: letter_id(letter),
        event: ledger::Event::Written(ledger::Written {
            date: letter.date,
            template: letter.template_id.clone(),
            recipient: letter.recipient.id.to_string(),
            name: crate::conventions::address_name(&letter.recipient),
            channels: channels(&formats),
            files: files.iter().map(|(_, p)| absolute(p)).collect(),
            ask: letter.ask.clone(),
            subject: letter.subject.clone(),
            message_id,
            follows: follows.map(str::to_string),
        }),
    }
}

/// The ids of the letters the ledger has a `written` line for (to record, on a rerun, the
/// letters an interrupted run wrote but did not get to record).
///
/// Errors: the ledger cannot be read (exit code 1).
pub fn recorded_letters() -> Result<std::collections::HashSet<String>> {
    let ledger = Ledger::open(&Ledger::default_path())?;
    Ok(ledger
        .entries()
        .iter()
        .filter(|e| matches!(e.event, ledger::Event::Written(_)))
        .map(|e| e.letter.clone())
        .collect())
}

/// Opens the ledger and the sent log and joins them; prints a warning for lines of either
/// that were skipped. The sent log is only read.
///
/// Errors: either file cannot be read (exit code 1).
pub fn load() -> Result<(Ledger, Book)> {
    let ledger = Ledger::open(&Ledger::default_path())?;
    if let Some(note) = ledger.damage_note() {
        eprintln!("{note}");
    }
    let sent = crate::mail::log::SentLog::open(&crate::mail::log::SentLog::default_path())?;
    let book = Book::build(ledger.entries(), sent.entries());
    Ok((ledger, book))
}

/// `path` as an absolute path (the current folder in front of a relative one).
fn absolute(path: &Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The id of the letter that wrote `file`, if the ledger knows it (for `write --previous`).
/// A ledger that cannot be read knows nothing.
pub fn letter_of_file(file: &Path) -> Option<String> {
    let ledger = Ledger::open(&Ledger::default_path()).ok()?;
    let book = Book::build(ledger.entries(), &[]);
    book.find(&file.to_string_lossy()).map(|l| l.id.clone())
}
