//! The outbox: `.eml` files written by `outcry write`, read back for sending.
//!
//! Reads each file's envelope (From, To, Cc), Message-ID and subject. The bytes are sent as
//! they are on disk but for two headers ([`Outgoing::transmitted`]): `X-Unsent` (which makes
//! mail programs open the file as a draft) is left out, and `Date` becomes the time of
//! sending. Files without a recipient address are drafts: they are listed with the other ways
//! to reach the recipient, never treated as errors.
//!
//! May import: [`crate::error`], [`crate::render`] (the Message-ID's form).

use std::path::{Path, PathBuf};

use mailparse::MailHeaderMap;

use crate::error::{Error, Result};

/// One message ready to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The `.eml` file.
    pub file: PathBuf,
    /// Its Message-ID (the key in the sent log).
    pub message_id: String,
    /// Which letter this is, whatever its text (from a Message-ID that outcry made; see
    /// `render::eml::message_id`).
    pub letter_key: Option<String>,
    /// The `Date` header as written (when the letter was written).
    pub written: Option<String>,
    /// The sender address (envelope MAIL FROM).
    pub from: lettre::Address,
    /// The recipient addresses (To and Cc).
    pub to: Vec<lettre::Address>,
    /// The decoded subject.
    pub subject: String,
    /// The recipient id, from the file name, when it follows outcry's naming.
    pub recipient_id: Option<String>,
    /// The raw message.
    pub bytes: Vec<u8>,
}

/// What was found in the paths given.
#[derive(Debug, Default)]
pub struct Outbox {
    /// Messages with a recipient address.
    pub ready: Vec<Outgoing>,
    /// Drafts with no recipient address (the recipient publishes none).
    pub drafts: Vec<Outgoing>,
}

/// Reads every `.eml` file in `paths` (files or folders), sorted by path.
pub fn load(paths: &[PathBuf]) -> Result<Outbox> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| Error::io("read folder", p, &e))?;
            files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "eml")),
            );
        } else if p.exists() {
            files.push(p.clone());
        } else {
            return Err(
                Error::usage(format!("`{}` does not exist", p.display())).hint(
                    "pass the folder that `outcry write` wrote (default: letters) or .eml files",
                ),
            );
        }
    }
    files.sort();
    files.dedup();
    let mut outbox = Outbox::default();
    for f in files {
        let message = read(&f)?;
        if message.to.is_empty() {
            outbox.drafts.push(message);
        } else {
            outbox.ready.push(message);
        }
    }
    Ok(outbox)
}

/// The largest `.eml` file outcry reads (25 MB, more than any mail provider accepts).
pub const MAX_MESSAGE_BYTES: u64 = 25 * 1024 * 1024;

/// Reads one `.eml` file: a regular file of at most [`MAX_MESSAGE_BYTES`].
pub fn read(path: &Path) -> Result<Outgoing> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    if !meta.is_file() {
        return Err(Error::usage(format!(
            "`{}` is not a regular file, so it cannot be a letter",
            path.display()
        )));
    }
    if meta.len() > MAX_MESSAGE_BYTES {
        return Err(Error::usage(format!(
            "`{}` is {} MB, larger than any mail server accepts",
            path.display(),
            meta.len() / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    let bad = |why: &str| {
        Error::usage(format!(
            "`{}` is not a message outcry can send: {why}",
            path.display()
        ))
        .hint("send the .eml files that `outcry write --format eml` wrote")
    };
    let (headers, _) = mailparse::parse_headers(&bytes).map_err(|e| bad(&e.to_string()))?;
    let message_id = headers
        .get_first_value("Message-ID")
        .ok_or_else(|| bad("it has no Message-ID"))?;
    let from_header = headers
        .get_first_header("From")
        .ok_or_else(|| bad("it has no From"))?;
    let from = addresses(from_header)
        .into_iter()
        .next()
        .ok_or_else(|| bad("its From has no address"))?;
    let mut to = Vec::new();
    for name in ["To", "Cc"] {
        for h in headers.get_all_headers(name) {
            to.extend(addresses(h));
        }
    }
    let subject = headers.get_first_value("Subject").unwrap_or_default();
    let letter_key = crate::render::eml::letter_key(&message_id).map(str::to_string);
    let written = headers.get_first_value("Date");
    let recipient_id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.splitn(3, '_').nth(2))
        .map(str::to_string);
    Ok(Outgoing {
        file: path.to_path_buf(),
        message_id,
        letter_key,
        written,
        from,
        to,
        subject,
        recipient_id,
        bytes,
    })
}

fn addresses(header: &mailparse::MailHeader) -> Vec<lettre::Address> {
    match mailparse::addrparse_header(header) {
        Ok(list) => list
            .iter()
            .flat_map(|a| match a {
                mailparse::MailAddr::Single(s) => vec![s.addr.clone()],
                mailparse::MailAddr::Group(g) => g.addrs.iter().map(|s| s.addr.clone()).collect(),
            })
            .filter_map(|a| a.parse().ok())
            .collect(),
        Err(_) => Vec::new(),
    }
}

impl Outgoing {
    /// The bytes to transmit: the file's, without the `X-Unsent` header and with `Date` set
    /// to `date` (an RFC 5322 date, the time of sending). Every other byte is the file's.
    pub fn transmitted(&self, date: &str) -> Vec<u8> {
        let split = self
            .bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|i| i + 2)
            .or_else(|| {
                self.bytes
                    .windows(2)
                    .position(|w| w == b"\n\n")
                    .map(|i| i + 1)
            })
            .unwrap_or(self.bytes.len());
        let (head, body) = self.bytes.split_at(split);
        let mut out = Vec::with_capacity(self.bytes.len() + 40);
        let mut dated = false;
        // Header fields, each with its folded continuation lines.
        let mut fields: Vec<&[u8]> = Vec::new();
        let mut start = 0;
        for (i, _) in head.iter().enumerate().filter(|(_, b)| **b == b'\n') {
            let next = i + 1;
            let continues = head.get(next).is_some_and(|b| *b == b' ' || *b == b'\t');
            if !continues {
                fields.push(&head[start..next]);
                start = next;
            }
        }
        if start < head.len() {
            fields.push(&head[start..]);
        }
        let eol: &[u8] = if self.bytes.windows(2).any(|w| w == b"\r\n") {
            b"\r\n"
        } else {
            b"\n"
        };
        for field in fields {
            let name = field
                .split(|b| *b == b':')
                .next()
                .map(|n| String::from_utf8_lossy(n).trim().to_ascii_lowercase())
                .unwrap_or_default();
            if name == crate::render::eml::UNSENT_HEADER.to_ascii_lowercase() {
                continue;
            }
            if name == "date" {
                if !dated {
                    out.extend_from_slice(format!("Date: {date}").as_bytes());
                    out.extend_from_slice(eol);
                    dated = true;
                }
                continue;
            }
            out.extend_from_slice(field);
        }
        if !dated {
            let mut with_date = format!("Date: {date}").into_bytes();
            with_date.extend_from_slice(eol);
            out.splice(0..0, with_date);
        }
        out.extend_from_slice(body);
        out
    }
}

/// The time now as an RFC 5322 date in UTC, e.g. `Sat, 28 Nov 2026 14:05:09 +0000` (UTC, so
/// the header does not tell the writer's time zone).
pub fn date_now() -> String {
    jiff::Timestamp::now()
        .strftime("%a, %d %b %Y %H:%M:%S +0000")
        .to_string()
}

/// The plain-text body of a message (for links and dry runs).
pub fn body_text(message: &Outgoing) -> String {
    mailparse::parse_mail(&message.bytes)
        .ok()
        .and_then(|m| m.get_body().ok())
        .map(|b| b.replace("\r\n", "\n"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing(bytes: &[u8]) -> Outgoing {
        Outgoing {
            file: PathBuf::from("x.eml"),
            message_id: "<a@example.org>".into(),
            letter_key: None,
            written: None,
            from: "a@example.org".parse().unwrap(),
            to: Vec::new(),
            subject: String::new(),
            recipient_id: None,
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn transmitted_drops_x_unsent_and_dates_the_sending() {
        let m = outgoing(
            b"From: a@example.org\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nSubject: a\r\n long\r\nX-Unsent: 1\r\n\r\nX-Unsent: 1 in the body\r\n",
        );
        assert_eq!(
            String::from_utf8(m.transmitted("Sat, 28 Nov 2026 10:00:00 +0000")).unwrap(),
            "From: a@example.org\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\nSubject: a\r\n long\r\n\r\nX-Unsent: 1 in the body\r\n"
        );
        let undated = outgoing(b"From: a@example.org\r\n\r\nbody\r\n");
        assert!(
            undated
                .transmitted("D")
                .starts_with(b"Date: D\r\nFrom: a@example.org\r\n\r\nbody")
        );
    }
}
