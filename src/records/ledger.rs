//! The ledger: an append-only JSON Lines file in the data folder (`ledger.jsonl`) with one
//! line for every letter written and every thing that happened to it afterwards (posted,
//! called, sent through a contact form, answered).
//!
//! Crash-safe like the sent log: a line is only ever added, each with a single `write` of the
//! whole line on a file opened for appending, and the file is flushed to the disk itself
//! (fdatasync) at least every [`SYNC_INTERVAL`] and when a batch ends. A process killed while
//! it writes can leave at most its own last line cut short; every earlier line is untouched.
//! Reading is forgiving: a line that cannot be read (cut short, edited by hand into something
//! else) is skipped and reported by its number, and the next append starts on a fresh line.
//! The file is readable by its owner only (it may hold the text of replies).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::render`] (formats and channels).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::render::Channel;

/// The ledger's file name in the data folder.
pub const FILE_NAME: &str = "ledger.jsonl";

/// How often a long batch of appends is flushed to the disk itself.
pub const SYNC_INTERVAL: std::time::Duration = std::time::Duration::from_millis(200);

/// One line of the ledger: when it was recorded, which letter, and what happened.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// When it was recorded (RFC 3339, UTC, from the system clock).
    pub time: String,
    /// The letter's id: its file name without the extension,
    /// `2026-11-28_transplant-tourism-law_us-sen-ma-warren`.
    pub letter: String,
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
}

/// What happened to a letter; the `event` field of a line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// `outcry write` wrote it.
    Written(Written),
    /// The writer posted it (`outcry mark --posted`).
    Posted {
        /// The day it was posted.
        date: jiff::civil::Date,
        /// The postal tracking number, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tracking: Option<String>,
    },
    /// The writer called the office (`outcry mark --called`).
    Called {
        /// The day of the call.
        date: jiff::civil::Date,
    },
    /// The writer sent it through the office's web form (`outcry mark --submitted-form`).
    SubmittedForm {
        /// The day it was submitted.
        date: jiff::civil::Date,
    },
    /// An answer, or the writer's note that none has come (`outcry reply`).
    Reply(Reply),
}

/// A letter as `outcry write` wrote it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Written {
    /// The date on the letter.
    pub date: jiff::civil::Date,
    /// The template id.
    pub template: String,
    /// The recipient id.
    pub recipient: String,
    /// The recipient's name, as addressed.
    pub name: String,
    /// How it can reach them: the channels of the files written.
    pub channels: Vec<Channel>,
    /// The files written, as absolute paths.
    pub files: Vec<PathBuf>,
    /// The letter's one question (`Letter::ask`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<String>,
    /// The subject line.
    pub subject: String,
    /// The Message-ID of its `.eml` file, which the sent log records when it is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The letter this one follows up (a chase letter's original).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

/// What a reply said, in the five outcomes WriteToThem's questionnaire uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// They replied, and the answer satisfied you.
    Satisfied,
    /// They replied, but the answer did not satisfy you.
    Unsatisfactory,
    /// Only an acknowledgement ("we have received your letter").
    Acknowledgement,
    /// No reply yet (you checked); you are reminded again at the next step.
    NotYet,
    /// No reply is expected (you did not ask for one); no more reminders.
    NotExpected,
}

impl Outcome {
    /// Every outcome, in the order they are offered.
    pub const ALL: [Outcome; 5] = [
        Outcome::Satisfied,
        Outcome::Unsatisfactory,
        Outcome::Acknowledgement,
        Outcome::NotYet,
        Outcome::NotExpected,
    ];

    /// How people say it: "replied and satisfied".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Satisfied => "replied and satisfied",
            Outcome::Unsatisfactory => "replied but unsatisfactory",
            Outcome::Acknowledgement => "acknowledgement only",
            Outcome::NotYet => "no reply yet",
            Outcome::NotExpected => "not expected",
        }
    }

    /// The value written in files and on the command line: `satisfied`, `not-yet`, ...
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Satisfied => "satisfied",
            Outcome::Unsatisfactory => "unsatisfactory",
            Outcome::Acknowledgement => "acknowledgement",
            Outcome::NotYet => "not-yet",
            Outcome::NotExpected => "not-expected",
        }
    }

    /// Whether the office answered (a reply or an acknowledgement): these count for "days to
    /// reply".
    pub fn is_response(self) -> bool {
        matches!(
            self,
            Outcome::Satisfied | Outcome::Unsatisfactory | Outcome::Acknowledgement
        )
    }

    /// Whether it closes the letter: no more reminders.
    pub fn closes(self) -> bool {
        matches!(
            self,
            Outcome::Satisfied | Outcome::Unsatisfactory | Outcome::NotExpected
        )
    }
}

/// A reply recorded with `outcry reply`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Reply {
    /// The day of the reply (or of the writer's note, for `not-yet` and `not-expected`).
    pub date: jiff::civil::Date,
    /// What it said.
    pub outcome: Outcome,
    /// Who it came from (an `.eml` file's From).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Its text, or the writer's note of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The `.eml` file it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
}

/// The ledger file: its readable entries, and the lines that were skipped.
pub struct Ledger {
    path: PathBuf,
    entries: Vec<Entry>,
    damaged: Vec<usize>,
    /// Whether the file ends in the middle of a line (an append must start a new one).
    torn_tail: bool,
    /// Whether appended entries are kept in memory too (not when opened only to append).
    keep: bool,
}

impl Ledger {
    /// The default location: [`FILE_NAME`] in the data folder.
    pub fn default_path() -> PathBuf {
        crate::support::env::data_dir().join(FILE_NAME)
    }

    /// Reads the ledger at `path` (empty when it does not exist yet). Unreadable lines are
    /// skipped and listed by [`Ledger::damaged`].
    ///
    /// Errors: the file exists but cannot be read, or is not a regular file (exit code 1).
    pub fn open(path: &Path) -> Result<Ledger> {
        let mut ledger = Ledger {
            path: path.to_path_buf(),
            entries: Vec::new(),
            damaged: Vec::new(),
            torn_tail: false,
            keep: true,
        };
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ledger),
            Err(e) => return Err(Error::io("read the ledger", path, &e)),
        };
        if !meta.is_file() {
            return Err(Error::failure(format!(
                "the ledger `{}` is not a regular file",
                path.display()
            ))
            .hint("move it aside, or set OUTCRY_DATA_DIR to another folder"));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io("read the ledger", path, &e))?;
        ledger.torn_tail = bytes.last().is_some_and(|b| *b != b'\n');
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match std::str::from_utf8(line)
                .ok()
                .and_then(|text| serde_json::from_str::<Entry>(text).ok())
            {
                Some(entry) => ledger.entries.push(entry),
                None => ledger.damaged.push(i + 1),
            }
        }
        Ok(ledger)
    }

    /// The ledger at `path`, opened only to add entries: nothing is read but its last byte
    /// (whether it ends mid-line), and what is appended is not kept in memory, so recording
    /// the letters of a run of any size takes no memory for the ledger's past.
    ///
    /// Errors: the file exists but cannot be read, or is not a regular file (exit code 1).
    pub fn for_appending(path: &Path) -> Result<Ledger> {
        use std::io::{Read, Seek, SeekFrom};
        let mut ledger = Ledger {
            path: path.to_path_buf(),
            entries: Vec::new(),
            damaged: Vec::new(),
            torn_tail: false,
            keep: false,
        };
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ledger),
            Err(e) => return Err(Error::io("read the ledger", path, &e)),
        };
        let failed = |e: std::io::Error| Error::io("read the ledger", path, &e);
        let meta = file.metadata().map_err(failed)?;
        if !meta.is_file() {
            return Err(Error::failure(format!(
                "the ledger `{}` is not a regular file",
                path.display()
            ))
            .hint("move it aside, or set OUTCRY_DATA_DIR to another folder"));
        }
        if meta.len() > 0 {
            let mut last = [0u8];
            file.seek(SeekFrom::End(-1))
                .and_then(|_| file.read_exact(&mut last))
                .map_err(failed)?;
            ledger.torn_tail = last[0] != b'\n';
        }
        Ok(ledger)
    }

    /// Every readable entry, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The numbers (from 1) of the lines that could not be read and were skipped.
    pub fn damaged(&self) -> &[usize] {
        &self.damaged
    }

    /// The ledger's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A warning naming the skipped lines as `file:line`, when there are any.
    pub fn damage_note(&self) -> Option<String> {
        let first = *self.damaged.first()?;
        let more = match self.damaged.len() {
            1 => String::new(),
            n => format!(
                " and {} more (line{} {})",
                n - 1,
                if n == 2 { "" } else { "s" },
                self.damaged[1..]
                    .iter()
                    .take(10)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        Some(format!(
            "warning: `{}:{first}`{more}: a line of the ledger could not be read and was skipped \
             (cut short by a crash, or edited by hand); fix or delete {} to silence this",
            self.path.display(),
            if self.damaged.len() == 1 {
                "that line"
            } else {
                "those lines"
            }
        ))
    }

    /// Appends `entries`, each as one line written with a single `write`, then flushes the
    /// file to the disk. If the file ends mid-line (a crash cut the last line short), a new
    /// line is started first so that the damage stays on its own line.
    ///
    /// Errors: the folder or the file cannot be written (exit code 1); the entries before the
    /// failing one are on disk.
    pub fn append(&mut self, entries: Vec<Entry>) -> Result<()> {
        self.append_synced(entries, true)
    }

    /// [`Ledger::append`], flushing to the disk only every [`SYNC_INTERVAL`] (and at the end
    /// when `sync`): for the letters of a long run, recorded batch by batch, with
    /// [`Ledger::sync`] at the end.
    pub fn append_synced(&mut self, entries: Vec<Entry>, sync: bool) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, &e))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&self.path)
            .map_err(|e| Error::io("write the ledger", &self.path, &e))?;
        let failed = |e: std::io::Error| Error::io("write the ledger", &self.path, &e);
        if self.torn_tail {
            file.write_all(b"\n").map_err(failed)?;
            self.torn_tail = false;
        }
        let mut synced = std::time::Instant::now();
        for entry in entries {
            let mut line =
                serde_json::to_string(&entry).map_err(|e| Error::failure(e.to_string()))?;
            line.push('\n');
            file.write_all(line.as_bytes()).map_err(failed)?;
            if self.keep {
                self.entries.push(entry);
            }
            if synced.elapsed() >= SYNC_INTERVAL {
                file.sync_data().map_err(failed)?;
                synced = std::time::Instant::now();
            }
        }
        if sync {
            file.sync_data().map_err(failed)?;
        }
        Ok(())
    }

    /// Flushes what was appended to the disk.
    ///
    /// Errors: the file cannot be opened or synced (exit code 1).
    pub fn sync(&self) -> Result<()> {
        match std::fs::OpenOptions::new().append(true).open(&self.path) {
            Ok(file) => file
                .sync_data()
                .map_err(|e| Error::io("write the ledger", &self.path, &e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io("write the ledger", &self.path, &e)),
        }
    }
}

/// The current time, RFC 3339 in UTC (when an entry was recorded; the dates in entries come
/// from "today", which `OUTCRY_DATE` sets).
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(letter: &str) -> Entry {
        Entry {
            time: "2026-11-28T10:00:00Z".into(),
            letter: letter.into(),
            event: Event::Posted {
                date: "2026-11-28".parse().unwrap(),
                tracking: None,
            },
        }
    }

    #[test]
    fn a_torn_line_is_skipped_and_the_next_append_starts_a_new_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut l = Ledger::open(&path).unwrap();
        l.append(vec![posted("a"), posted("b")]).unwrap();
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(br#"{"time":"2026-11-28T1"#).unwrap();
        let mut l = Ledger::open(&path).unwrap();
        assert_eq!(l.entries().len(), 2);
        assert_eq!(l.damaged(), &[3]);
        l.append(vec![posted("c")]).unwrap();
        let l = Ledger::open(&path).unwrap();
        let letters: Vec<&str> = l.entries().iter().map(|e| e.letter.as_str()).collect();
        assert_eq!(letters, ["a", "b", "c"]);
        assert_eq!(l.damaged(), &[3]);
        assert!(
            l.damage_note()
                .unwrap()
                .contains(&format!("{}:3`", path.display()))
        );
    }

    #[test]
    fn lines_read_back_as_written() {
        let e = Entry {
            time: "2026-11-28T10:00:00Z".into(),
            letter: "x".into(),
            event: Event::Reply(Reply {
                date: "2026-12-01".parse().unwrap(),
                outcome: Outcome::NotYet,
                from: None,
                text: Some("nothing".into()),
                file: None,
            }),
        };
        let line = serde_json::to_string(&e).unwrap();
        assert!(line.contains(r#""event":"reply""#), "{line}");
        assert!(line.contains(r#""outcome":"not-yet""#), "{line}");
        assert_eq!(serde_json::from_str::<Entry>(&line).unwrap(), e);
    }
}
