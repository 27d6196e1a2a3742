//! What the ledger and the sent log say together, letter by letter: when each letter went out
//! and how, what came back, which letters are waiting for an answer today, and who answers.
//!
//! Pure: it reads entries already loaded and "today" as an argument, so every rule here is a
//! function of its inputs (`OUTCRY_DATE` moves "today" for the commands that call it).
//!
//! The reminder rule: a letter sent (by email, post, phone or form) and not answered is due
//! [`FIRST_REMINDER_DAYS`] days after it was sent and again [`SECOND_REMINDER_DAYS`] days
//! after. A reply that closes it (satisfied, unsatisfactory, not expected) ends the reminders;
//! an acknowledgement skips the first; "no reply yet" recorded on or after a reminder's day
//! dismisses that reminder; a chase letter that follows it takes over (it has its own clock),
//! and a reply to the chase closes the original too.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::render`], [`crate::mail`] (the sent
//! log's entries), its sibling [`super::ledger`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ledger::{Entry, Event, Outcome, Reply, Written};
use crate::render::Channel;

/// Days after sending of the first reminder (two weeks, as WriteToThem asks).
pub const FIRST_REMINDER_DAYS: i64 = 14;
/// Days after sending of the second and last reminder (six weeks).
pub const SECOND_REMINDER_DAYS: i64 = 42;

/// How a letter went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// Delivered by email (from the sent log).
    Emailed,
    /// Posted.
    Posted,
    /// Read out on a call.
    Called,
    /// Sent through the office's web form.
    SubmittedForm,
}

impl How {
    /// `emailed`, `posted`, `called`, `submitted-form`.
    pub fn name(self) -> &'static str {
        match self {
            How::Emailed => "emailed",
            How::Posted => "posted",
            How::Called => "called",
            How::SubmittedForm => "submitted-form",
        }
    }

    /// The channel it used.
    pub fn channel(self) -> Channel {
        match self {
            How::Emailed => Channel::Email,
            How::Posted => Channel::Post,
            How::Called => Channel::Phone,
            How::SubmittedForm => Channel::Form,
        }
    }
}

/// One time a letter went out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sending {
    /// How.
    pub how: How,
    /// The day.
    pub date: jiff::civil::Date,
    /// The postal tracking number, or the server's reply for an email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A letter and everything that happened to it.
#[derive(Debug, Clone)]
pub struct Letter {
    /// Its id (file name without the extension).
    pub id: String,
    /// As written (the latest `written` line for this id: `--force` rewrites it).
    pub written: Written,
    /// Every time it went out, in the order recorded.
    pub sendings: Vec<Sending>,
    /// Every reply recorded, in order.
    pub replies: Vec<Reply>,
    /// The chase letters that follow it up.
    pub chased_by: Vec<String>,
}

impl Letter {
    /// The first day it went out, if it did.
    pub fn sent(&self) -> Option<jiff::civil::Date> {
        self.sendings.iter().map(|s| s.date).min()
    }

    /// The day the clock for a reply starts: when it was sent, else the date on the letter.
    pub fn start(&self) -> jiff::civil::Date {
        self.sent().unwrap_or(self.written.date)
    }

    /// The first answer from the office (a reply or an acknowledgement).
    pub fn first_response(&self) -> Option<&Reply> {
        self.replies
            .iter()
            .filter(|r| r.outcome.is_response())
            .min_by_key(|r| r.date)
    }

    /// Days from [`Letter::start`] to the first answer.
    pub fn days_to_reply(&self) -> Option<i64> {
        self.first_response()
            .map(|r| i64::from((r.date - self.start()).get_days()))
    }

    /// The latest outcome recorded (by date, then by order).
    pub fn outcome(&self) -> Option<Outcome> {
        self.replies
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.date, *i))
            .map(|(_, r)| r.outcome)
    }

    /// Whether a recorded reply closed it.
    pub fn closed(&self) -> bool {
        self.replies.iter().any(|r| r.outcome.closes())
    }

    /// The channels it went out by, else the channels it was written for: `post+phone`.
    pub fn channel_text(&self) -> String {
        let mut used: Vec<Channel> = self.sendings.iter().map(|s| s.how.channel()).collect();
        if used.is_empty() {
            used = self.written.channels.clone();
        }
        used.sort();
        used.dedup();
        used.iter().map(|c| c.name()).collect::<Vec<_>>().join("+")
    }

    /// The folder its files are in.
    pub fn folder(&self) -> Option<&Path> {
        self.written.files.first().and_then(|f| f.parent())
    }
}

/// Which reminder a letter is due for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Stage {
    /// Two weeks after sending.
    #[serde(rename = "14-days")]
    TwoWeeks,
    /// Six weeks after sending.
    #[serde(rename = "6-weeks")]
    SixWeeks,
}

impl Stage {
    /// "2-week", "6-week" (as in "the 2-week reminder").
    pub fn label(self) -> &'static str {
        match self {
            Stage::TwoWeeks => "2-week",
            Stage::SixWeeks => "6-week",
        }
    }
}

/// A letter waiting for a reply today.
#[derive(Debug)]
pub struct Due<'a> {
    /// The letter.
    pub letter: &'a Letter,
    /// When it was sent.
    pub sent: jiff::civil::Date,
    /// Days since.
    pub days: i64,
    /// Which reminder.
    pub stage: Stage,
}

/// One representative's record, for `history --by recipient`.
#[derive(Debug, Serialize, PartialEq)]
pub struct RecipientStats {
    /// Recipient id.
    pub recipient: String,
    /// Their name.
    pub name: String,
    /// Letters written to them.
    pub letters: usize,
    /// Letters they answered (a reply or an acknowledgement).
    pub replies: usize,
    /// The median of the days they took to answer (the mean of the middle two for an even
    /// count), when they answered any.
    pub median_days_to_reply: Option<f64>,
    /// The last day either side wrote (a letter sent or written, a reply).
    pub last_contact: jiff::civil::Date,
}

/// One letter as `history --export` writes it: counts only, nothing about the writer.
#[derive(Debug, Serialize, PartialEq)]
pub struct ExportRow {
    /// Recipient id.
    pub recipient: String,
    /// Template id.
    pub template: String,
    /// The day it was sent (or written, if its sending was never recorded).
    pub date: jiff::civil::Date,
    /// How it went out: `email`, `post`, `phone`, `form`, joined with `+`.
    pub channel: String,
    /// The latest outcome (`satisfied`, ..., `not-yet`, `not-expected`), empty when none.
    pub outcome: String,
    /// Days to the first answer, when there was one.
    pub days_to_reply: Option<i64>,
}

/// Every letter the ledger knows, with what the sent log adds.
#[derive(Debug, Default)]
pub struct Book {
    /// The letters, in the order they were first written.
    pub letters: Vec<Letter>,
    index: HashMap<String, usize>,
}

impl Book {
    /// Builds the book from the ledger's entries and the sent log's (a letter whose `.eml`
    /// was delivered counts as emailed on the day of delivery, matched by Message-ID or file).
    pub fn build(entries: &[Entry], sent: &[crate::mail::log::Entry]) -> Book {
        let mut book = Book::default();
        for e in entries {
            if let Event::Written(w) = &e.event {
                match book.index.get(&e.letter) {
                    Some(&i) => book.letters[i].written = w.clone(),
                    None => {
                        book.index.insert(e.letter.clone(), book.letters.len());
                        book.letters.push(Letter {
                            id: e.letter.clone(),
                            written: w.clone(),
                            sendings: Vec::new(),
                            replies: Vec::new(),
                            chased_by: Vec::new(),
                        });
                    }
                }
            }
        }
        for e in entries {
            let Some(&i) = book.index.get(&e.letter) else {
                continue;
            };
            let letter = &mut book.letters[i];
            let sending = |how, date: &jiff::civil::Date, detail: Option<&String>| Sending {
                how,
                date: *date,
                detail: detail.cloned(),
            };
            match &e.event {
                Event::Written(_) => {}
                Event::Posted { date, tracking } => {
                    letter
                        .sendings
                        .push(sending(How::Posted, date, tracking.as_ref()))
                }
                Event::Called { date } => letter.sendings.push(sending(How::Called, date, None)),
                Event::SubmittedForm { date } => {
                    letter
                        .sendings
                        .push(sending(How::SubmittedForm, date, None))
                }
                Event::Reply(r) => letter.replies.push(r.clone()),
            }
        }
        // Chase letters and their originals.
        let links: Vec<(String, String)> = book
            .letters
            .iter()
            .filter_map(|l| Some((l.written.follows.clone()?, l.id.clone())))
            .collect();
        for (original, chase) in links {
            if let Some(&i) = book.index.get(&original) {
                book.letters[i].chased_by.push(chase);
            }
        }
        // Email: from the sent log.
        let by_message: HashMap<&str, usize> = book
            .letters
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((l.written.message_id.as_deref()?, i)))
            .collect();
        let by_file: HashMap<PathBuf, usize> = book
            .letters
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.written.files.iter().map(move |f| (same_file(f), i)))
            .collect();
        let mut emailed: Vec<(usize, Sending)> = Vec::new();
        for s in sent.iter().filter(|s| s.event == "delivered") {
            let Some(date) = s.time.get(..10).and_then(|d| d.parse().ok()) else {
                continue;
            };
            let found = by_message
                .get(s.message_id.as_str())
                .or_else(|| by_file.get(&same_file(Path::new(&s.file))));
            if let Some(&i) = found {
                emailed.push((
                    i,
                    Sending {
                        how: How::Emailed,
                        date,
                        detail: s.reply.clone(),
                    },
                ));
            }
        }
        for (i, s) in emailed {
            book.letters[i].sendings.push(s);
        }
        book
    }

    /// The letter with this id.
    pub fn get(&self, id: &str) -> Option<&Letter> {
        self.index.get(id).map(|&i| &self.letters[i])
    }

    /// The letter that one of its files (`letters/2026-11-28_x_y.pdf`) or its id names.
    pub fn find(&self, file_or_id: &str) -> Option<&Letter> {
        if let Some(l) = self.get(file_or_id) {
            return Some(l);
        }
        let path = Path::new(file_or_id);
        let wanted = same_file(path);
        self.letters
            .iter()
            .rev()
            .find(|l| l.written.files.iter().any(|f| same_file(f) == wanted))
            .or_else(|| self.get(&id_from_path(path)?))
    }

    /// The letters to this recipient, newest first.
    pub fn to_recipient(&self, recipient: &str) -> Vec<&Letter> {
        let mut found: Vec<&Letter> = self
            .letters
            .iter()
            .filter(|l| l.written.recipient == recipient)
            .collect();
        found.sort_by_key(|l| std::cmp::Reverse((l.start(), l.written.date)));
        found
    }

    /// Whether this letter, or one it follows up, has a reply that closes it.
    pub fn thread_closed(&self, letter: &Letter) -> bool {
        let mut seen = 0;
        let mut at = Some(letter);
        while let Some(l) = at {
            if l.closed() {
                return true;
            }
            seen += 1;
            if seen > self.letters.len() {
                break; // a loop of `follows` written by hand
            }
            at = l.written.follows.as_deref().and_then(|id| self.get(id));
        }
        false
    }

    /// Whether a reminder is still due for `letter` on `today` (see the module's rule).
    pub fn due_for<'a>(&self, letter: &'a Letter, today: jiff::civil::Date) -> Option<Due<'a>> {
        if !letter.chased_by.is_empty() || self.thread_closed(letter) {
            return None;
        }
        let sent = letter.sent()?;
        let days = i64::from((today - sent).get_days());
        let dismissed = |threshold: i64, by_ack: bool| {
            let from = sent
                .checked_add(jiff::Span::new().days(threshold))
                .unwrap_or(sent);
            letter.replies.iter().any(|r| {
                (by_ack && r.outcome == Outcome::Acknowledgement)
                    || (matches!(r.outcome, Outcome::NotYet | Outcome::Acknowledgement)
                        && r.date >= from)
            })
        };
        let stage = if days >= SECOND_REMINDER_DAYS {
            (!dismissed(SECOND_REMINDER_DAYS, false)).then_some(Stage::SixWeeks)?
        } else if days >= FIRST_REMINDER_DAYS {
            (!dismissed(FIRST_REMINDER_DAYS, true)).then_some(Stage::TwoWeeks)?
        } else {
            return None;
        };
        Some(Due {
            letter,
            sent,
            days,
            stage,
        })
    }

    /// Every letter waiting for a reply on `today`, oldest first.
    pub fn due(&self, today: jiff::civil::Date) -> Vec<Due<'_>> {
        let mut due: Vec<Due> = self
            .letters
            .iter()
            .filter_map(|l| self.due_for(l, today))
            .collect();
        due.sort_by(|a, b| (a.sent, &a.letter.id).cmp(&(b.sent, &b.letter.id)));
        due
    }

    /// Letters written but never recorded as sent (nor answered, nor chased), oldest first.
    pub fn not_sent(&self) -> Vec<&Letter> {
        let mut found: Vec<&Letter> = self
            .letters
            .iter()
            .filter(|l| l.sendings.is_empty() && l.replies.is_empty() && l.chased_by.is_empty())
            .collect();
        found.sort_by(|a, b| (a.written.date, &a.id).cmp(&(b.written.date, &b.id)));
        found
    }

    /// Each recipient's letters, answers, median days to answer and last contact, by id.
    pub fn by_recipient(&self) -> Vec<RecipientStats> {
        let mut groups: BTreeMap<&str, Vec<&Letter>> = BTreeMap::new();
        for l in &self.letters {
            groups.entry(&l.written.recipient).or_default().push(l);
        }
        groups
            .into_iter()
            .map(|(recipient, letters)| {
                let days: Vec<i64> = letters.iter().filter_map(|l| l.days_to_reply()).collect();
                let last_contact = letters
                    .iter()
                    .flat_map(|l| {
                        std::iter::once(l.start()).chain(
                            l.replies
                                .iter()
                                .filter(|r| r.outcome.is_response())
                                .map(|r| r.date),
                        )
                    })
                    .max()
                    .unwrap_or_else(|| letters[0].written.date);
                RecipientStats {
                    recipient: recipient.to_string(),
                    name: letters
                        .last()
                        .map(|l| l.written.name.clone())
                        .unwrap_or_default(),
                    letters: letters.len(),
                    replies: days.len(),
                    median_days_to_reply: median(days),
                    last_contact,
                }
            })
            .collect()
    }

    /// One row per letter for `history --export`, oldest first.
    pub fn export_rows(&self) -> Vec<ExportRow> {
        let mut rows: Vec<ExportRow> = self
            .letters
            .iter()
            .map(|l| ExportRow {
                recipient: l.written.recipient.clone(),
                template: l.written.template.clone(),
                date: l.start(),
                channel: l.channel_text(),
                outcome: l.outcome().map(|o| o.key().to_string()).unwrap_or_default(),
                days_to_reply: l.days_to_reply(),
            })
            .collect();
        rows.sort_by(|a, b| (a.date, &a.recipient).cmp(&(b.date, &b.recipient)));
        rows
    }
}

/// The median of whole numbers (the mean of the middle two for an even count).
pub fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

/// A path in a form two spellings of the same file share: the real path when it exists,
/// else the absolute path.
fn same_file(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The letter id in a letter's file name: `letters/2026-11-28_t_r.call.txt` → `2026-11-28_t_r`.
pub fn id_from_path(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    [
        ".envelope.txt",
        ".call.txt",
        ".form.txt",
        ".txt",
        ".md",
        ".eml",
        ".pdf",
    ]
    .iter()
    .find_map(|ext| name.strip_suffix(ext))
    .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::ledger::Written;

    fn d(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    fn entry(letter: &str, event: Event) -> Entry {
        Entry {
            time: "2026-11-28T00:00:00Z".into(),
            letter: letter.into(),
            event,
        }
    }

    fn written(recipient: &str, date: &str, follows: Option<&str>) -> Event {
        Event::Written(Written {
            date: d(date),
            template: "t".into(),
            recipient: recipient.into(),
            name: recipient.into(),
            channels: vec![Channel::Post],
            files: vec![],
            ask: None,
            subject: "s".into(),
            message_id: None,
            follows: follows.map(str::to_string),
        })
    }

    fn reply(date: &str, outcome: Outcome) -> Event {
        Event::Reply(Reply {
            date: d(date),
            outcome,
            from: None,
            text: None,
            file: None,
        })
    }

    fn posted(date: &str) -> Event {
        Event::Posted {
            date: d(date),
            tracking: None,
        }
    }

    #[test]
    fn reminders_at_two_and_six_weeks() {
        let entries = vec![
            entry("a", written("r", "2026-01-01", None)),
            entry("a", posted("2026-01-01")),
        ];
        let book = Book::build(&entries, &[]);
        assert!(book.due(d("2026-01-14")).is_empty());
        assert_eq!(book.due(d("2026-01-15"))[0].stage, Stage::TwoWeeks);
        assert_eq!(book.due(d("2026-02-11"))[0].stage, Stage::TwoWeeks);
        assert_eq!(book.due(d("2026-02-12"))[0].stage, Stage::SixWeeks);

        // "No reply yet" after the first reminder dismisses it until the second.
        let mut more = entries.clone();
        more.push(entry("a", reply("2026-01-16", Outcome::NotYet)));
        let book = Book::build(&more, &[]);
        assert!(book.due(d("2026-01-20")).is_empty());
        assert_eq!(book.due(d("2026-02-12"))[0].stage, Stage::SixWeeks);

        // An acknowledgement skips the first reminder only.
        let mut ack = entries.clone();
        ack.push(entry("a", reply("2026-01-05", Outcome::Acknowledgement)));
        let book = Book::build(&ack, &[]);
        assert!(book.due(d("2026-01-20")).is_empty());
        assert_eq!(book.due(d("2026-02-12"))[0].stage, Stage::SixWeeks);
    }

    #[test]
    fn a_chase_takes_over_and_a_reply_to_it_closes_both() {
        let mut entries = vec![
            entry("a", written("r", "2026-01-01", None)),
            entry("a", posted("2026-01-01")),
            entry("b", written("r", "2026-01-20", Some("a"))),
            entry("b", posted("2026-01-20")),
        ];
        let book = Book::build(&entries, &[]);
        let due: Vec<&str> = book
            .due(d("2026-02-05"))
            .iter()
            .map(|d| d.letter.id.as_str())
            .collect();
        assert_eq!(due, ["b"]);
        entries.push(entry("a", reply("2026-02-01", Outcome::Satisfied)));
        let book = Book::build(&entries, &[]);
        assert!(book.due(d("2026-02-05")).is_empty());
    }

    #[test]
    fn medians_and_last_contact() {
        let mut entries = Vec::new();
        for (id, sent, replied) in [
            ("a", "2026-01-01", Some("2026-01-11")),
            ("b", "2026-02-01", Some("2026-02-21")),
            ("c", "2026-03-01", None),
            ("e", "2026-03-01", Some("2026-03-04")),
        ] {
            entries.push(entry(id, written("r", sent, None)));
            entries.push(entry(id, posted(sent)));
            if let Some(r) = replied {
                entries.push(entry(id, reply(r, Outcome::Unsatisfactory)));
            }
        }
        let stats = Book::build(&entries, &[]).by_recipient();
        assert_eq!(stats[0].letters, 4);
        assert_eq!(stats[0].replies, 3);
        assert_eq!(stats[0].median_days_to_reply, Some(10.0));
        assert_eq!(stats[0].last_contact, d("2026-03-04"));
        assert_eq!(median(vec![3, 10, 20, 21]), Some(15.0));
    }

    #[test]
    fn ids_from_file_names() {
        for f in [
            "x/2026-11-28_t_r.envelope.txt",
            "2026-11-28_t_r.pdf",
            "/a/2026-11-28_t_r.txt",
        ] {
            assert_eq!(
                id_from_path(Path::new(f)).as_deref(),
                Some("2026-11-28_t_r")
            );
        }
        assert_eq!(id_from_path(Path::new("notes.doc")), None);
    }
}
