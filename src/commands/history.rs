//! `outcry history`: what the sent log says, newest last.
//!
//! May import: every layer below `commands`.

use clap::Args;

use crate::error::Result;

/// Options of `outcry history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `outcry history`: what the sent log says, newest last.
pub fn run(args: HistoryArgs) -> Result<i32> {
    let json = args.json;
    let log = crate::mail::log::SentLog::open(&crate::mail::log::SentLog::default_path())?;
    if let Some(note) = log.damage_note() {
        eprintln!("{note}");
    }
    if json {
        super::print_json(&log.entries())?;
        return Ok(0);
    }
    if log.entries().is_empty() {
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
    crate::outln!(
        "
The sent log is {}.",
        log.path().display()
    );
    Ok(0)
}
