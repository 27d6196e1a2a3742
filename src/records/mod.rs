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
use crate::output::Plan;
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

/// The ledger entries for the letters of a run whose files `plan` wrote: one `written` line
/// per letter, with its template, recipient, channels, files (absolute), ask, subject, the
/// Message-ID of its `.eml`, and the letter it follows up (`follows`, a letter id).
pub fn written_entries(
    letters: &[Letter],
    plan: &Plan,
    follows: Option<&str>,
) -> Vec<ledger::Entry> {
    let time = ledger::now();
    letters
        .iter()
        .enumerate()
        .map(|(i, letter)| {
            let files: Vec<&crate::output::Planned> =
                plan.files.iter().filter(|f| f.letter == i).collect();
            let formats: Vec<Format> = files.iter().map(|f| f.format).collect();
            let message_id = files
                .iter()
                .find(|f| f.format == Format::Eml)
                .and_then(|f| message_id(&f.bytes));
            ledger::Entry {
                time: time.clone(),
                letter: letter_id(letter),
                event: ledger::Event::Written(ledger::Written {
                    date: letter.date,
                    template: letter.template_id.clone(),
                    recipient: letter.recipient.id.clone(),
                    name: crate::conventions::address_name(&letter.recipient),
                    channels: channels(&formats),
                    files: files.iter().map(|f| absolute(&f.path)).collect(),
                    ask: letter.ask.clone(),
                    subject: letter.subject.clone(),
                    message_id,
                    follows: follows.map(str::to_string),
                }),
            }
        })
        .collect()
}

/// Records the letters of a run in the ledger (called by `write` once the files are on disk).
///
/// Errors: the ledger cannot be written (exit code 1); the letter files are already written.
pub fn record_written(letters: &[Letter], plan: &Plan, follows: Option<&str>) -> Result<()> {
    let mut ledger = Ledger::open(&Ledger::default_path())?;
    ledger.append(written_entries(letters, plan, follows))
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

/// The Message-ID header of an `.eml` file's bytes.
fn message_id(bytes: &[u8]) -> Option<String> {
    use mailparse::MailHeaderMap;
    let (headers, _) = mailparse::parse_headers(bytes).ok()?;
    headers.get_first_value("Message-ID")
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
