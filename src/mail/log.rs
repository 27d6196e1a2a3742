//! The sent log: an append-only JSON Lines file in the data folder.
//!
//! Every message is recorded as `attempt` before it is handed to the server and as
//! `delivered` (with the server's reply) or `failed` after. A message whose last entry is an
//! attempt was interrupted mid-send: nobody knows whether it arrived, so it is held back until
//! the user decides. Each line is flushed to disk before the next step.
//!
//! The log survives damage: a line that cannot be read (cut short by a crash, garbage, NUL
//! bytes, longer than [`MAX_LINE`]) is skipped and reported by its number; the file is read
//! as a stream, line by line, and only if it is a regular file (never a device); an append
//! always starts on a fresh line.
//!
//! One sender at a time: [`SentLog::open_locked`] takes an advisory lock on `sent-log.lock`
//! beside the log (fs4: `flock` on Unix, `LockFileEx` on Windows) and holds it until the log is
//! dropped, so a second `send` started at the same time waits (a bounded time) and then reads
//! what the first one recorded: no letter goes out twice. Readers (`history`, dry runs) take
//! no lock.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One line of the log.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// When (RFC 3339, UTC).
    pub time: String,
    /// `attempt` (about to be sent), `delivered`, `failed` (certainly not delivered) or
    /// `unknown` (sent, and the server never confirmed it).
    pub event: String,
    /// The message's Message-ID.
    pub message_id: String,
    /// Which letter it is, whatever its text (the KEY of an id outcry made); lets `send`
    /// tell that a letter changed since it was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
    /// When the letter was written (the `Date` of its file); `time` is when this happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// The recipients.
    pub to: Vec<String>,
    /// The subject.
    pub subject: String,
    /// The letter file.
    pub file: String,
    /// The server's reply (or the error), for delivered and failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

/// Where a message stands according to the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Never tried.
    New,
    /// The server accepted it.
    Delivered,
    /// The last try failed; it may be tried again.
    Failed(String),
    /// A try started and never finished: it may or may not have been sent.
    Unknown,
}

/// The sent log.
pub struct SentLog {
    path: PathBuf,
    status: HashMap<String, Status>,
    /// Letter key → (Message-ID, time) of its last delivered version.
    delivered: HashMap<String, (String, String)>,
    entries: Vec<Entry>,
    damaged: Vec<usize>,
    file: Option<std::fs::File>,
    last_sync: Option<std::time::Instant>,
    /// The lock file, held while the log is open for sending (released when dropped).
    _lock: Option<std::fs::File>,
}

/// How often the log is flushed to the disk itself while sending.
pub const SYNC_INTERVAL: std::time::Duration = std::time::Duration::from_millis(200);

impl SentLog {
    /// The default location: `sent-log.jsonl` in the data folder.
    pub fn default_path() -> PathBuf {
        crate::support::env::data_dir().join("sent-log.jsonl")
    }

    /// Opens (or starts) the log at `path`.
    pub fn open(path: &Path) -> Result<SentLog> {
        let mut log = SentLog {
            path: path.to_path_buf(),
            status: HashMap::new(),
            delivered: HashMap::new(),
            entries: Vec::new(),
            damaged: Vec::new(),
            file: None,
            last_sync: None,
            _lock: None,
        };
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(log),
            Err(e) => return Err(Error::io("read the sent log", path, &e)),
        };
        if !meta.is_file() {
            // A device or a pipe would be read for ever.
            return Err(Error::failure(format!(
                "the sent log `{}` is not a regular file",
                path.display()
            ))
            .hint("move it aside, or set OUTCRY_DATA_DIR to another folder"));
        }
        let file =
            std::fs::File::open(path).map_err(|e| Error::io("read the sent log", path, &e))?;
        let mut reader = std::io::BufReader::new(file);
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            number += 1;
            let (read, whole) = read_line(&mut reader, &mut line, MAX_LINE)
                .map_err(|e| Error::io("read the sent log", path, &e))?;
            if read == 0 {
                break;
            }
            if line.iter().all(u8::is_ascii_whitespace) && whole {
                continue;
            }
            let entry = whole
                .then(|| std::str::from_utf8(&line).ok())
                .flatten()
                .and_then(|text| serde_json::from_str::<Entry>(text).ok());
            match entry {
                Some(entry) => {
                    log.apply(&entry);
                    log.entries.push(entry);
                }
                None => log.damaged.push(number),
            }
        }
        Ok(log)
    }

    /// The numbers of the lines that could not be read (cut short by a crash, garbage, too
    /// long): they were skipped.
    pub fn damaged(&self) -> &[usize] {
        &self.damaged
    }

    /// A warning about damaged lines, for the commands that read the log to print.
    pub fn damage_note(&self) -> Option<String> {
        if self.damaged.is_empty() {
            return None;
        }
        let shown: Vec<String> = self.damaged.iter().take(5).map(|n| n.to_string()).collect();
        Some(format!(
            "warning: the sent log `{}` has {} that could not be read (line{} {}{}); {} skipped. \
             A letter recorded only there counts as never sent: check your Sent folder before \
             sending it again.",
            self.path.display(),
            crate::support::text::plural(self.damaged.len(), "line"),
            if self.damaged.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if self.damaged.len() > 5 { ", ..." } else { "" },
            if self.damaged.len() == 1 {
                "it was"
            } else {
                "they were"
            },
        ))
    }

    /// The lock file beside the log at `path`: `sent-log.lock`.
    pub fn lock_path(path: &Path) -> PathBuf {
        path.with_extension("lock")
    }

    /// Opens the log for sending: first takes the lock beside it, waiting up to `wait` for
    /// another `outcry send` that holds it (calling `waiting` once, when it has to wait),
    /// then reads the log, so that what the other run recorded is seen.
    ///
    /// Errors: the lock is still held after `wait` (exit code 4, nothing was sent), or the
    /// data folder cannot be written.
    pub fn open_locked(path: &Path, wait: Duration, waiting: impl FnOnce()) -> Result<SentLog> {
        use fs4::FileExt;
        let lock_path = SentLog::lock_path(path);
        if let Some(dir) = lock_path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, &e))?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io("open the sent log's lock", &lock_path, &e))?;
        let start = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match FileExt::try_lock(&file) {
                Ok(()) => break,
                Err(fs4::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    if let Some(f) = waiting.take() {
                        f();
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(Error::not_sent(format!(
                        "another `outcry send` is still using the sent log `{}` after {} s; nothing was sent",
                        path.display(),
                        wait.as_secs()
                    ))
                    .hint("let it finish, then run this again: letters it sent will be skipped")
                    .hint(format!(
                        "if no other outcry is running, check what holds `{}`",
                        lock_path.display()
                    )));
                }
                Err(fs4::TryLockError::Error(e)) => {
                    return Err(Error::io("lock the sent log", &lock_path, &e));
                }
            }
        }
        let mut log = SentLog::open(path)?;
        log._lock = Some(file);
        Ok(log)
    }

    fn apply(&mut self, e: &Entry) {
        let status = match e.event.as_str() {
            "attempt" | "unknown" => Status::Unknown,
            "delivered" => Status::Delivered,
            _ => Status::Failed(e.reply.clone().unwrap_or_default()),
        };
        if status == Status::Delivered
            && let Some(letter) = &e.letter
        {
            self.delivered
                .insert(letter.clone(), (e.message_id.clone(), e.time.clone()));
        }
        self.status.insert(e.message_id.clone(), status);
    }

    /// The Message-ID and time of the last delivered version of letter `key` (see
    /// [`Entry::letter`]), if any was delivered.
    pub fn delivered_version(&self, key: &str) -> Option<(&str, &str)> {
        self.delivered
            .get(key)
            .map(|(id, time)| (id.as_str(), time.as_str()))
    }

    /// The status of a message.
    pub fn status(&self, message_id: &str) -> Status {
        self.status.get(message_id).cloned().unwrap_or(Status::New)
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The log's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends an entry. Each entry is written to the file (one `write`) before this returns,
    /// so an attempt is on record before the send that follows: if outcry is killed, the
    /// message reads as "unknown" and is held back, never sent twice. Against a crash of the
    /// whole system the file is also flushed to the disk itself (fdatasync) at least every
    /// [`SYNC_INTERVAL`] and when the log is closed; a sync per message would cost about as
    /// much as sending it.
    pub fn record(&mut self, entry: Entry) -> Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, &e))?;
        }
        let mut line = String::new();
        if self.file.is_none() {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .read(true)
                .open(&self.path)
                .map_err(|e| Error::io("open the sent log", &self.path, &e))?;
            // A last line cut short by a crash must not swallow the first new one.
            if !ends_with_newline(&file)
                .map_err(|e| Error::io("read the sent log", &self.path, &e))?
            {
                line.push('\n');
            }
            self.file = Some(file);
        }
        let file = self.file.as_mut().expect("opened above");
        line.push_str(&serde_json::to_string(&entry).map_err(|e| Error::failure(e.to_string()))?);
        line.push('\n');
        let sync = self.last_sync.is_none_or(|t| t.elapsed() >= SYNC_INTERVAL);
        file.write_all(line.as_bytes())
            .and_then(|_| if sync { file.sync_data() } else { Ok(()) })
            .map_err(|e| Error::io("write the sent log", &self.path, &e))?;
        if sync {
            self.last_sync = Some(std::time::Instant::now());
        }
        self.apply(&entry);
        self.entries.push(entry);
        Ok(())
    }
}

impl Drop for SentLog {
    fn drop(&mut self) {
        if let Some(f) = &self.file {
            let _ = f.sync_data();
        }
    }
}

/// The longest line read from the log (64 KiB; an entry is a few hundred bytes). A longer
/// line is damage: it is skipped without being held in memory.
pub const MAX_LINE: usize = 64 * 1024;

/// Reads one line (without its `\n`) into `line`, keeping at most `max` bytes; returns the
/// bytes consumed (0 at the end) and whether the line was whole (ended by `\n` or the end of
/// the file, and not longer than `max`).
fn read_line(
    reader: &mut impl std::io::BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<(usize, bool)> {
    line.clear();
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((consumed, !too_long));
        }
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if line.len() + chunk.len() > max {
            too_long = true;
        } else {
            line.extend_from_slice(chunk);
        }
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        consumed += used;
        if done.is_some() {
            return Ok((consumed, !too_long));
        }
    }
}

/// Whether a file is empty or ends with a newline.
fn ends_with_newline(file: &std::fs::File) -> std::io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file;
    let len = f.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(true);
    }
    f.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    f.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// The current time, RFC 3339 in UTC.
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_and_whole_or_not() {
        let mut r = std::io::BufReader::with_capacity(4, &b"ab\ncdefghij\nk"[..]);
        let mut line = Vec::new();
        assert_eq!(read_line(&mut r, &mut line, 5).unwrap(), (3, true));
        assert_eq!(line, b"ab");
        assert_eq!(read_line(&mut r, &mut line, 5).unwrap(), (9, false));
        assert_eq!(read_line(&mut r, &mut line, 5).unwrap(), (1, true));
        assert_eq!(line, b"k");
        assert_eq!(read_line(&mut r, &mut line, 5).unwrap(), (0, true));
    }
}
