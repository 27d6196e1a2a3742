//! `outcry followup`: the letters waiting for a reply (14 days and again 6 weeks after they
//! went out, oldest first), and `--chase ID`, which writes the chase letter for one of them
//! through `outcry write`: same recipient, same channels and folder, quoting the original's
//! date and question, linked to it in the ledger.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Sources;
use crate::error::{Error, Result, exit};
use crate::records::Book;
use crate::records::book::{Due, Letter};
use crate::render::{Channel, Format};

/// Options of `outcry followup`.
#[derive(Debug, Args)]
pub struct FollowupArgs {
    /// Write the chase letter for this letter (one of its files, or its id): to the same
    /// recipient, by the same channels, in the same folder, quoting its date and question.
    #[arg(long, value_name = "FILE|ID")]
    pub chase: Option<String>,
    /// With --chase: answer a question of the chase letter, e.g. --set personal="..."; repeatable.
    #[arg(
        long = "set",
        short = 's',
        value_name = "KEY=VALUE",
        requires = "chase"
    )]
    pub set: Vec<String>,
    /// With --chase: use this sender profile instead of the saved one.
    #[arg(long, value_name = "FILE", requires = "chase")]
    pub profile: Option<PathBuf>,
    /// With --chase: the folder for the chase letter [default: the original's folder].
    #[arg(long, short = 'o', value_name = "DIR", requires = "chase")]
    pub out: Option<PathBuf>,
    /// With --chase: never prompt.
    #[arg(long, requires = "chase")]
    pub no_input: bool,
    /// With --chase: replace chase letter files that already exist.
    #[arg(long, requires = "chase")]
    pub force: bool,
    /// Print JSON (the list; with --chase, the summary of the letter written).
    #[arg(long)]
    pub json: bool,
}

/// Runs `outcry followup`.
pub fn run(args: FollowupArgs, sources: &Sources) -> Result<i32> {
    let today = crate::support::env::today()?;
    let (_, book) = crate::records::load()?;
    if let Some(given) = &args.chase {
        let letter = find_letter(&book, given)?.clone();
        return chase(&book, &letter, args, sources);
    }
    let due = book.due(today);
    let not_sent = book.not_sent();
    if args.json {
        super::print_json(&serde_json::json!({
            "today": today,
            "due": due.iter().map(DueJson::from).collect::<Vec<_>>(),
            "not_sent": not_sent.iter().map(|l| serde_json::json!({
                "letter": l.id,
                "recipient": l.written.recipient,
                "name": l.written.name,
                "written": l.written.date,
                "channels": l.written.channels,
            })).collect::<Vec<_>>(),
        }))?;
        return Ok(exit::OK);
    }
    if due.is_empty() {
        crate::outln!("No letter is waiting for a reply today ({today}).");
    } else {
        crate::outln!(
            "{} waiting for a reply, oldest first:",
            count(due.len(), "letter is", "letters are")
        );
    }
    for d in &due {
        let l = d.letter;
        let how = l
            .sendings
            .iter()
            .min_by_key(|s| s.date)
            .map(|s| s.how.name())
            .unwrap_or("sent");
        crate::outln!("\n{}", l.id);
        crate::outln!(
            "  to {}, {how} {}: {} days ago, no reply recorded ({} reminder)",
            l.written.name,
            d.sent,
            d.days,
            d.stage.label()
        );
        if let Some(ask) = &l.written.ask {
            crate::outln!("  asked: {ask}");
        }
        crate::outln!("  chase it:          outcry followup --chase {}", l.id);
        crate::outln!(
            "  record a reply:    outcry reply {} --outcome satisfied|unsatisfactory|acknowledgement|not-yet|not-expected",
            l.id
        );
    }
    if !not_sent.is_empty() {
        crate::outln!(
            "\n{} written but not recorded as sent; when one has gone out, record it with \
             outcry mark FILE|ID --posted (or --called, --submitted-form){}:",
            count(not_sent.len(), "letter is", "letters are"),
            if not_sent
                .iter()
                .any(|l| l.written.channels.contains(&Channel::Email))
            {
                " or send it with outcry send"
            } else {
                ""
            }
        );
        const SHOWN: usize = 10;
        for l in not_sent.iter().take(SHOWN) {
            crate::outln!("  {}  (to {})", l.id, l.written.name);
        }
        if not_sent.len() > SHOWN {
            crate::outln!("  ... and {} more (see --json)", not_sent.len() - SHOWN);
        }
    }
    Ok(exit::OK)
}

/// "1 letter is" / "3 letters are".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A reminder as `followup --json` prints it.
#[derive(Serialize)]
struct DueJson<'a> {
    letter: &'a str,
    recipient: &'a str,
    name: &'a str,
    template: &'a str,
    channels: &'a [Channel],
    sent: jiff::civil::Date,
    how: &'static str,
    days: i64,
    stage: crate::records::book::Stage,
    ask: Option<&'a str>,
    files: &'a [PathBuf],
    chase: String,
}

impl<'a> From<&Due<'a>> for DueJson<'a> {
    fn from(d: &Due<'a>) -> Self {
        let l = d.letter;
        DueJson {
            letter: &l.id,
            recipient: &l.written.recipient,
            name: &l.written.name,
            template: &l.written.template,
            channels: &l.written.channels,
            sent: d.sent,
            how: l
                .sendings
                .iter()
                .min_by_key(|s| s.date)
                .map_or("sent", |s| s.how.name()),
            days: d.days,
            stage: d.stage,
            ask: l.written.ask.as_deref(),
            files: &l.written.files,
            chase: format!("outcry followup --chase {}", l.id),
        }
    }
}

/// The letter named by one of its files or its id.
///
/// Errors: the ledger has no such letter (exit code 2).
pub fn find_letter<'b>(book: &'b Book, given: &str) -> Result<&'b Letter> {
    book.find(given).ok_or_else(|| {
        Error::usage(format!("no letter `{given}` in the ledger"))
            .hint("name one of the letter's files, or its id as `outcry history` lists it")
            .hint("letters written before outcry kept a ledger, or with --stdout, are not in it")
    })
}

/// The chase letter's answer `topic` for the letter a thread began with.
fn topic(template: &str) -> &'static str {
    match template {
        "un-investigation" | "un-special-procedures" => "investigation",
        "trade-due-diligence" | "company-due-diligence" => "trade",
        "medical-integrity" => "medical",
        _ => "law",
    }
}

/// The format of one of a letter's files, from its name.
fn format_of(path: &std::path::Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?;
    [
        (".envelope.txt", Format::Envelope),
        (".call.txt", Format::Call),
        (".form.txt", Format::Form),
        (".txt", Format::Txt),
        (".md", Format::Md),
        (".eml", Format::Eml),
        (".pdf", Format::Pdf),
    ]
    .into_iter()
    .find_map(|(ext, f)| name.ends_with(ext).then_some(f))
}

/// Writes the chase letter for `letter` with `outcry write`.
fn chase(book: &Book, letter: &Letter, args: FollowupArgs, sources: &Sources) -> Result<i32> {
    let w = &letter.written;
    if book.thread_closed(letter) {
        eprintln!(
            "note: a reply to `{}` is already recorded ({}); writing the chase letter anyway",
            letter.id,
            letter
                .outcome()
                .map_or("closed by a later letter", |o| o.label())
        );
    }
    // The thread's first letter says what was asked for.
    let mut root = letter;
    for _ in 0..book.letters.len() {
        match root.written.follows.as_deref().and_then(|id| book.get(id)) {
            Some(up) => root = up,
            None => break,
        }
    }
    let directory = crate::data::recipients::Directory::load(&sources.recipients)?;
    let style = crate::conventions::DateStyle::for_country(
        directory.get(&w.recipient).map(|r| r.country.as_str()),
    );
    let mut set = vec![
        format!(
            "previous_date={}",
            crate::conventions::format_date(w.date, style)
        ),
        format!("topic={}", topic(&root.written.template)),
    ];
    if let Some(ask) = &w.ask {
        set.push(format!("previous_ask={ask}"));
    }
    set.extend(args.set);
    let mut formats: Vec<Format> = w.files.iter().filter_map(|f| format_of(f)).collect();
    formats.sort();
    formats.dedup();
    let out = args
        .out
        .or_else(|| letter.folder().map(|p| p.to_path_buf()));
    let write = super::write::WriteArgs {
        template: Some("chase".into()),
        to: vec![w.recipient.clone()],
        set,
        profile: args.profile,
        out,
        format: formats,
        no_input: args.no_input,
        force: args.force,
        json: args.json,
        follows: Some(letter.id.clone()),
        ..Default::default()
    };
    super::write::run(write, sources)
}

/// The note plain `outcry` prints before the wizard when letters are waiting: "2 letters are
/// waiting for a reply: see outcry followup". Nothing when none are, or the records cannot be
/// read (the wizard must start regardless).
pub fn waiting_note() -> Option<String> {
    let ledger = crate::records::Ledger::open(&crate::records::Ledger::default_path()).ok()?;
    if ledger.entries().is_empty() {
        return None;
    }
    let sent = crate::mail::log::SentLog::open(&crate::mail::log::SentLog::default_path()).ok()?;
    let book = Book::build(ledger.entries(), sent.entries());
    let n = book.due(crate::support::env::today_or_clock()).len();
    (n > 0).then(|| {
        format!(
            "{} waiting for a reply: see outcry followup (chase with outcry followup --chase ID, or record a reply with outcry reply ID)",
            count(n, "letter is", "letters are")
        )
    })
}
