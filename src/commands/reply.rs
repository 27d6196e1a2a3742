//! `outcry reply RECIPIENT|LETTER`: record what came back, in one of five outcomes, with the
//! reply's date (so days to reply are known), and optionally its text or its `.eml` file.
//! After a satisfying reply it prints the command for the thank-you letter.
//!
//! May import: every layer below `commands`.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Sources;
use crate::error::{Error, Result, exit};
use crate::records::Book;
use crate::records::book::Letter;
use crate::records::ledger::{Entry, Event, Outcome, Reply, now};

/// Options of `outcry reply`.
#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// Whose answer: a recipient id (their latest letter still waiting), or a letter's file or id.
    #[arg(value_name = "RECIPIENT|LETTER")]
    pub target: String,
    /// What came back (asked in a terminal when not given).
    #[arg(long, value_enum)]
    pub outcome: Option<Outcome>,
    /// The day of the reply (YYYY-MM-DD); default: the Date of --eml, else today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The reply's text, or your note of it (kept in the ledger on this computer; never exported).
    #[arg(long, value_name = "TEXT", conflicts_with = "eml")]
    pub text: Option<String>,
    /// The reply as an email file (.eml): its date, sender and text are read from it.
    #[arg(long, value_name = "FILE")]
    pub eml: Option<PathBuf>,
    /// Print what was recorded as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The longest reply text kept, in characters.
const MAX_TEXT: usize = 20_000;

/// Runs `outcry reply`.
pub fn run(args: ReplyArgs, sources: &Sources) -> Result<i32> {
    let today = crate::support::env::today()?;
    let (mut ledger, book) = crate::records::load()?;
    let letter = target(&book, &args.target)?;
    let email = match &args.eml {
        Some(path) => Some(read_eml(path)?),
        None => None,
    };
    let date = match (&args.date, &email) {
        (Some(d), _) => crate::support::env::parse_date(d, "--date 2026-12-12")?,
        (None, Some(e)) => e.date.unwrap_or(today),
        (None, None) => today,
    };
    if date > today {
        return Err(
            Error::usage(format!("the reply's date {date} is after today ({today})"))
                .hint("pass the day it came with --date YYYY-MM-DD"),
        );
    }
    if date < letter.written.date {
        return Err(Error::usage(format!(
            "the reply's date {date} is before the letter `{}` was written ({})",
            letter.id, letter.written.date
        ))
        .hint("pass the day it came with --date YYYY-MM-DD, or name the right letter"));
    }
    let outcome = match args.outcome {
        Some(o) => o,
        None if crate::interactive::available() => {
            let labels: Vec<&str> = Outcome::ALL.iter().map(|o| o.label()).collect();
            Outcome::ALL[crate::interactive::reply_outcome(&letter.written.name, &labels)?]
        }
        None => {
            return Err(Error::usage("missing --outcome: what came back?").hint(
                "pass --outcome satisfied, unsatisfactory, acknowledgement, not-yet or not-expected",
            ));
        }
    };
    let text = args
        .text
        .or_else(|| email.as_ref().and_then(|e| e.text.clone()))
        .map(|t| t.trim().chars().take(MAX_TEXT).collect::<String>())
        .filter(|t| !t.is_empty());
    let reply = Reply {
        date,
        outcome,
        from: email.as_ref().and_then(|e| e.from.clone()),
        text,
        file: args
            .eml
            .as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
    };
    ledger.append(vec![Entry {
        time: now(),
        letter: letter.id.clone(),
        event: Event::Reply(reply.clone()),
    }])?;

    let days = outcome
        .is_response()
        .then(|| i64::from((date - letter.start()).get_days()));
    let thank_you =
        (outcome == Outcome::Satisfied).then(|| thank_you_command(letter, date, sources));
    if args.json {
        super::print_json(&serde_json::json!({
            "letter": letter.id,
            "recipient": letter.written.recipient,
            "outcome": outcome.key(),
            "date": date,
            "days_to_reply": days,
            "thank_you": thank_you,
        }))?;
        return Ok(exit::OK);
    }
    crate::outln!(
        "Recorded for {} (to {}): {} on {date}{}.",
        letter.id,
        letter.written.name,
        outcome.label(),
        days.map(|d| format!(
            ", {d} day{} after it was {}",
            if d == 1 { "" } else { "s" },
            if letter.sent().is_some() {
                "sent"
            } else {
                "written"
            }
        ))
        .unwrap_or_default()
    );
    if let Some(from) = &reply.from {
        crate::outln!("  from {from}");
    }
    match outcome {
        Outcome::Satisfied => {
            crate::outln!(
                "\nA good answer: thank them, and ask them to keep going. The thank-you letter, ready to write:"
            );
            crate::outln!("  {}", thank_you.unwrap_or_default());
        }
        Outcome::Unsatisfactory | Outcome::Acknowledgement | Outcome::NotYet => {
            crate::outln!(
                "\nTo write again and ask for a clear answer: outcry followup --chase {}",
                letter.id
            );
        }
        Outcome::NotExpected => {}
    }
    Ok(exit::OK)
}

/// The letter a reply is for: a letter's file or id, or the recipient's latest letter that is
/// still open (sent and unanswered first).
fn target<'b>(book: &'b Book, given: &str) -> Result<&'b Letter> {
    if let Some(l) = book.find(given) {
        return Ok(l);
    }
    let to = book.to_recipient(given.trim());
    if to.is_empty() {
        return Err(
            Error::usage(format!("no letter `{given}` and no letter to `{given}` in the ledger"))
                .hint("name a recipient id, one of the letter's files, or its id as `outcry history` lists it"),
        );
    }
    let open = |l: &&Letter| !book.thread_closed(l) && l.chased_by.is_empty();
    to.iter()
        .find(|l| open(l) && l.sent().is_some())
        .or_else(|| to.iter().find(|l| open(l)))
        .or_else(|| to.first())
        .copied()
        .ok_or_else(|| Error::usage("no letter found"))
}

/// The command that writes the thank-you letter for a satisfying reply: same recipient, same
/// channels, thanking them for the reply of `date`.
fn thank_you_command(letter: &Letter, date: jiff::civil::Date, sources: &Sources) -> String {
    let country = crate::data::recipients::Directory::load(&sources.recipients)
        .ok()
        .and_then(|d| d.get(&letter.written.recipient).map(|r| r.country.clone()));
    let style = crate::conventions::DateStyle::for_country(country.as_deref());
    let mut command = format!(
        "outcry write --template thank-you --to {} --set action=\"your reply of {}\"",
        letter.written.recipient,
        crate::conventions::format_date(date, style)
    );
    for c in &letter.written.channels {
        command.push_str(&format!(" --channel {}", c.name()));
    }
    if let Some(folder) = letter.folder() {
        command.push_str(&format!(
            " --out {}",
            shell_word(&folder.display().to_string())
        ));
    }
    command
}

/// A word as a POSIX shell reads it: quoted when it holds anything but safe characters.
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// What a reply `.eml` says: its date, sender and plain text.
struct Email {
    date: Option<jiff::civil::Date>,
    from: Option<String>,
    text: Option<String>,
}

/// Reads a reply saved from a mail program.
///
/// Errors: the file cannot be read or is not an email (exit code 2).
fn read_eml(path: &Path) -> Result<Email> {
    use mailparse::MailHeaderMap;
    let bytes = std::fs::read(path).map_err(|e| Error::io("read the reply", path, &e))?;
    let mail = mailparse::parse_mail(&bytes)
        .map_err(|e| Error::usage(format!("`{}` is not a readable email: {e}", path.display())))?;
    let headers = mail.get_headers();
    if headers.get_first_value("From").is_none() && headers.get_first_value("Date").is_none() {
        return Err(Error::usage(format!(
            "`{}` is not an email: it has no From and no Date",
            path.display()
        ))
        .hint("save the reply from your mail program as an .eml file (\"Save as\" or \"Download message\")"));
    }
    let date = headers
        .get_first_value("Date")
        .and_then(|d| mailparse::dateparse(&d).ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).date());
    Ok(Email {
        date,
        from: headers.get_first_value("From"),
        text: plain_text(&mail),
    })
}

/// The first text/plain part of a message.
fn plain_text(mail: &mailparse::ParsedMail) -> Option<String> {
    if mail.subparts.is_empty() {
        return (mail.ctype.mimetype.starts_with("text/"))
            .then(|| mail.get_body().ok())
            .flatten()
            .map(|b| b.replace("\r\n", "\n"));
    }
    mail.subparts
        .iter()
        .find(|p| p.ctype.mimetype == "text/plain")
        .and_then(plain_text)
        .or_else(|| mail.subparts.iter().find_map(plain_text))
}
