//! The outbox: `.eml` files written by `outcry write`, read back for sending.
//!
//! Reads each file's envelope (From, To, Cc), Message-ID and subject; the bytes are sent
//! exactly as they are on disk. Files without a recipient address are drafts: they are listed
//! with the other ways to reach the recipient, never treated as errors.
//!
//! May import: [`crate::error`].

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

/// Reads one `.eml` file.
pub fn read(path: &Path) -> Result<Outgoing> {
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
    let recipient_id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.splitn(3, '_').nth(2))
        .map(str::to_string);
    Ok(Outgoing {
        file: path.to_path_buf(),
        message_id,
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

/// The plain-text body of a message (for links and dry runs).
pub fn body_text(message: &Outgoing) -> String {
    mailparse::parse_mail(&message.bytes)
        .ok()
        .and_then(|m| m.get_body().ok())
        .map(|b| b.replace("\r\n", "\n"))
        .unwrap_or_default()
}
