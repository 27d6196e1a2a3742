//! `outcry history`: what was sent by email (the sent log, newest last) and every letter in the
//! ledger with what became of it, whatever the channel; `--by recipient` for who answers, and
//! `--export FILE` for counts a campaign can total up (nothing about the writer).
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, Result, exit};
use crate::records::Book;
use crate::records::book::{ExportRow, Letter};
use crate::records::ledger::{Entry, Event};

/// Options of `outcry history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Totals per representative: letters, replies, median days to reply, last contact.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<By>,
    /// Write counts only (recipient, template, date, channel, outcome, days to reply; nothing
    /// about you and no letter text) to FILE: CSV for .csv, JSON for .json (or with --json).
    #[arg(long, value_name = "FILE", conflicts_with = "by")]
    pub export: Option<PathBuf>,
    /// With --export: replace FILE if it exists.
    #[arg(long, requires = "export")]
    pub force: bool,
}

/// What `--by` groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One line per representative (or other recipient).
    Recipient,
}

/// `outcry history`.
pub fn run(args: HistoryArgs) -> Result<i32> {
    if let Some(path) = &args.export {
        return export(path, args.json, args.force);
    }
    if args.by == Some(By::Recipient) {
        return by_recipient(args.json);
    }
    let json = args.json;
    let log = crate::mail::log::SentLog::open(&crate::mail::log::SentLog::default_path())?;
    if let Some(note) = log.damage_note() {
        eprintln!("{note}");
    }
    let (ledger, book) = crate::records::load()?;
    if json {
        let mut all: Vec<serde_json::Value> = log
            .entries()
            .iter()
            .map(|e| serde_json::to_value(e).unwrap_or_default())
            .collect();
        all.extend(ledger.entries().iter().map(|e| ledger_json(e, &book)));
        super::print_json(&all)?;
        return Ok(0);
    }
    if log.entries().is_empty() && book.letters.is_empty() {
        crate::outln!("Nothing has been sent yet ({}).", log.path().display());
        return Ok(0);
    }
    for e in log.entries().iter().filter(|e| e.event != "attempt") {
        crate::outln!(
            "{}  {:<9}  to {}  {}  ({})",
            e.time,
            e.event,
            e.to.join(", "),
            e.subject,
            e.reply.as_deref().unwrap_or("")
        );
    }
    // Attempts with no outcome at all (a killed run); an `unknown` outcome is listed above.
    let unconfirmed: std::collections::HashSet<&str> = log
        .entries()
        .iter()
        .filter(|e| e.event == "unknown")
        .map(|e| e.message_id.as_str())
        .collect();
    let interrupted: Vec<&crate::mail::log::Entry> = log
        .entries()
        .iter()
        .filter(|e| {
            e.event == "attempt"
                && log.status(&e.message_id) == crate::mail::log::Status::Unknown
                && !unconfirmed.contains(e.message_id.as_str())
        })
        .collect();
    for e in interrupted {
        crate::outln!(
            "{}  unknown    to {}  {}  (interrupted while sending)",
            e.time,
            e.to.join(", "),
            e.subject
        );
    }
    if !book.letters.is_empty() {
        if !log.entries().is_empty() {
            crate::outln!();
        }
        crate::outln!("Letters written ({}), oldest first:", book.letters.len());
        for l in &book.letters {
            print_letter(l)?;
        }
    }
    if !log.entries().is_empty() {
        crate::outln!(
            "
The sent log is {}.",
            log.path().display()
        );
    }
    if !book.letters.is_empty() {
        crate::outln!(
            "{}The ledger is {}.",
            if log.entries().is_empty() { "\n" } else { "" },
            ledger.path().display()
        );
    }
    Ok(0)
}

/// One letter and what became of it, as `history` lists it.
fn print_letter(l: &Letter) -> Result<()> {
    let w = &l.written;
    crate::outln!("\n{}  {}", w.date, l.id);
    crate::outln!(
        "    to {} ({}) by {}",
        w.name,
        w.recipient,
        w.channels
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(original) = &w.follows {
        crate::outln!("    follows up {original}");
    }
    let mut sendings = l.sendings.clone();
    sendings.sort_by_key(|s| s.date);
    for s in &sendings {
        crate::outln!(
            "    {} {}{}",
            s.how.name(),
            s.date,
            s.detail
                .as_deref()
                .filter(|_| s.how == crate::records::book::How::Posted)
                .map(|t| format!(" (tracking {t})"))
                .unwrap_or_default()
        );
    }
    if sendings.is_empty() {
        match w
            .files
            .iter()
            .find(|f| f.extension().is_some_and(|e| e == "eml"))
        {
            Some(eml) => crate::outln!("    not sent yet (outcry send {})", eml.display()),
            None => crate::outln!(
                "    not recorded as sent (outcry mark {} --posted|--called|--submitted-form)",
                l.id
            ),
        }
    }
    let start = l.start();
    for r in &l.replies {
        let days = r.outcome.is_response().then(|| (r.date - start).get_days());
        crate::outln!(
            "    reply {}: {}{}{}",
            r.date,
            r.outcome.label(),
            days.map(|d| format!(" ({d} days)")).unwrap_or_default(),
            r.from
                .as_deref()
                .map(|f| format!(", from {f}"))
                .unwrap_or_default()
        );
    }
    for c in &l.chased_by {
        crate::outln!("    chased by {c}");
    }
    Ok(())
}

/// A ledger entry for `history --json`: the entry's own fields, plus the fields every line
/// of the sent log has (`to`, `subject`, `file`), and `recipient` and `channel`.
fn ledger_json(e: &Entry, book: &Book) -> serde_json::Value {
    let mut value = serde_json::to_value(e).unwrap_or_default();
    let (Some(letter), serde_json::Value::Object(map)) = (book.get(&e.letter), &mut value) else {
        return value;
    };
    let w = &letter.written;
    map.entry("recipient")
        .or_insert_with(|| w.recipient.clone().into());
    map.insert("to".into(), serde_json::json!([w.name]));
    map.entry("subject")
        .or_insert_with(|| w.subject.clone().into());
    map.insert(
        "file".into(),
        w.files
            .first()
            .map(|f| f.display().to_string())
            .unwrap_or_default()
            .into(),
    );
    let channel = match &e.event {
        Event::Posted { .. } => "post".to_string(),
        Event::Called { .. } => "phone".to_string(),
        Event::SubmittedForm { .. } => "form".to_string(),
        _ => letter.channel_text(),
    };
    map.insert("channel".into(), channel.into());
    value
}

/// `history --by recipient`.
fn by_recipient(json: bool) -> Result<i32> {
    let (_, book) = crate::records::load()?;
    let stats = book.by_recipient();
    if json {
        super::print_json(&stats)?;
        return Ok(exit::OK);
    }
    if stats.is_empty() {
        crate::outln!("No letters in the ledger yet.");
        return Ok(exit::OK);
    }
    crate::outln!(
        "{:<40} {:>7} {:>7} {:>11}  last contact",
        "recipient",
        "letters",
        "replies",
        "median days"
    );
    for s in &stats {
        crate::outln!(
            "{:<40} {:>7} {:>7} {:>11}  {}",
            s.recipient,
            s.letters,
            s.replies,
            s.median_days_to_reply
                .map(|m| format!("{m}"))
                .unwrap_or_else(|| "-".into()),
            s.last_contact
        );
    }
    Ok(exit::OK)
}

/// `history --export FILE`.
fn export(path: &std::path::Path, json: bool, force: bool) -> Result<i32> {
    let (_, book) = crate::records::load()?;
    let rows = book.export_rows();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let as_json = match ext.as_deref() {
        _ if json => true,
        Some("json") => true,
        Some("csv") => false,
        _ => {
            return Err(Error::usage(format!(
                "`{}`: export to a .csv or a .json file",
                path.display()
            ))
            .hint("for example: outcry history --export letters.csv (or pass --json for JSON)"));
        }
    };
    let bytes = if as_json {
        let mut text = serde_json::to_string_pretty(&rows)
            .map_err(|e| Error::failure(format!("could not write JSON: {e}")))?;
        text.push('\n');
        text.into_bytes()
    } else {
        csv_bytes(&rows)?
    };
    crate::support::fs::write_atomic(path, &bytes, force)?;
    crate::outln!(
        "Wrote {} letter{} to {} (recipient, template, date, channel, outcome, days to reply; nothing about you).",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        path.display()
    );
    Ok(exit::OK)
}

fn csv_bytes(rows: &[ExportRow]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)
            .map_err(|e| Error::failure(format!("could not write CSV: {e}")))?;
    }
    if rows.is_empty() {
        w.write_record([
            "recipient",
            "template",
            "date",
            "channel",
            "outcome",
            "days_to_reply",
        ])
        .map_err(|e| Error::failure(format!("could not write CSV: {e}")))?;
    }
    w.into_inner()
        .map_err(|e| Error::failure(format!("could not write CSV: {e}")))
}
