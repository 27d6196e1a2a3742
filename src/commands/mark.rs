//! `outcry mark FILE|ID --posted|--called|--submitted-form`: record that a letter went out by a
//! channel outcry does not send itself, so reminders can start.
//!
//! May import: every layer below `commands`.

use clap::{ArgGroup, Args};

use crate::error::{Error, Result, exit};
use crate::records::book::FIRST_REMINDER_DAYS;
use crate::records::ledger::{Entry, Event, now};

/// Options of `outcry mark`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["posted", "called", "submitted_form"])))]
pub struct MarkArgs {
    /// The letters: one of each letter's files (e.g. letters/2026-11-28_..._us-sen-ma-warren.pdf)
    /// or its id (see `outcry history`).
    #[arg(required = true, value_name = "FILE|ID")]
    pub letters: Vec<String>,
    /// You posted it.
    #[arg(long)]
    pub posted: bool,
    /// You called the office and read out the call script.
    #[arg(long)]
    pub called: bool,
    /// You sent it through the office's web contact form.
    #[arg(long)]
    pub submitted_form: bool,
    /// The day you did (YYYY-MM-DD); default today (or `OUTCRY_DATE`).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The postal tracking number, with --posted.
    #[arg(long, value_name = "NUMBER", requires = "posted")]
    pub tracking: Option<String>,
}

/// Runs `outcry mark`.
pub fn run(args: MarkArgs) -> Result<i32> {
    let today = crate::support::env::today()?;
    let date = match &args.date {
        Some(d) => crate::support::env::parse_date(d, "--date 2026-11-28")?,
        None => today,
    };
    if date > today {
        return Err(Error::usage(format!(
            "--date {date} is after today ({today}); record what you have done"
        )));
    }
    let tracking = args
        .tracking
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let (mut ledger, book) = crate::records::load()?;
    let mut entries = Vec::new();
    for given in &args.letters {
        let letter = super::followup::find_letter(&book, given)?;
        if date < letter.written.date {
            return Err(Error::usage(format!(
                "--date {date} is before the letter `{}` was written ({})",
                letter.id, letter.written.date
            )));
        }
        let event = if args.posted {
            Event::Posted {
                date,
                tracking: tracking.clone(),
            }
        } else if args.called {
            Event::Called { date }
        } else {
            Event::SubmittedForm { date }
        };
        entries.push((letter, event));
    }
    let time = now();
    let lines: Vec<Entry> = entries
        .iter()
        .map(|(l, event)| Entry {
            time: time.clone(),
            letter: l.id.clone(),
            event: event.clone(),
        })
        .collect();
    ledger.append(lines)?;
    let what = if args.posted {
        "posted"
    } else if args.called {
        "called"
    } else {
        "sent through the contact form"
    };
    for (letter, _) in &entries {
        let start = letter.sent().map_or(date, |s| s.min(date));
        let remind = start
            .checked_add(jiff::Span::new().days(FIRST_REMINDER_DAYS))
            .unwrap_or(start);
        crate::outln!(
            "Recorded: {} to {} {what} on {date}{}.",
            letter.id,
            letter.written.name,
            tracking
                .as_deref()
                .map(|t| format!(" (tracking {t})"))
                .unwrap_or_default()
        );
        if letter.replies.iter().all(|r| !r.outcome.closes()) {
            crate::outln!(
                "  If no reply is recorded by {remind}, `outcry followup` will list it (record one with: outcry reply {})",
                letter.id
            );
        }
    }
    Ok(exit::OK)
}
