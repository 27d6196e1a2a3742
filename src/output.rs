//! Letter files on disk: formats, file names, `.eml` messages and atomic writes.
//!
//! Every file is written to a temporary file in the target folder and renamed into place, so a
//! crash or Ctrl-C never leaves a half-written letter; an existing file is never replaced
//! without `--force`. This module does not compose letters or send mail.

use std::io::Write;
use std::path::{Path, PathBuf};

use lettre::message::{Mailbox, header::ContentType};

use crate::error::{Error, Result};
use crate::letters::Letter;

/// Output formats of `outcry write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, ready to print or paste.
    Txt,
    /// Markdown.
    Md,
    /// An email message (RFC 5322) that opens in any mail client and can be sent.
    Eml,
    /// A print-ready letter (PDF) for the post.
    Pdf,
    /// The envelope: the recipient's address and your return address.
    Envelope,
    /// A short phone-call script with the office numbers.
    Call,
    /// The letter sized for a web contact form, with the form's address.
    Form,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Eml => "eml",
            Format::Pdf => "pdf",
            Format::Envelope => "envelope.txt",
            Format::Call => "call.txt",
            Format::Form => "form.txt",
        }
    }
}

/// The ways to reach a recipient, for `--channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Channel {
    /// An email message (.eml).
    Email,
    /// A printable letter to post.
    Post,
    /// A call script.
    Phone,
    /// Text for the office's web contact form.
    Form,
}

impl Channel {
    /// The file format that serves this channel.
    pub fn format(self) -> Format {
        match self {
            Channel::Email => Format::Eml,
            Channel::Post => Format::Pdf,
            Channel::Phone => Format::Call,
            Channel::Form => Format::Form,
        }
    }
}

/// How each recipient should be reached, when the user does not choose formats: by email if
/// both sides have an address; otherwise a print-ready PDF letter, plus a call script when there is a
/// phone number and form-ready text when there is a contact form.
pub fn best_formats(letter: &Letter) -> Vec<Format> {
    let c = &letter.recipient.contact;
    if c.email.is_some() && letter.sender.email.is_some() {
        return vec![Format::Txt, Format::Eml];
    }
    let mut f = vec![Format::Pdf, Format::Envelope];
    if c.phone.is_some() || c.offices.iter().any(|o| o.phone.is_some()) {
        f.push(Format::Call);
    }
    if c.contact_form.is_some() {
        f.push(Format::Form);
    }
    f
}

/// `2026-11-28_transplant-tourism-law_us-sen-ma-warren.txt`: sorts by date, never collides.
pub fn file_name(letter: &Letter, format: Format) -> String {
    format!(
        "{}_{}_{}.{}",
        letter.date,
        letter.template_id,
        letter.recipient.id,
        format.ext()
    )
}

/// The bytes of a letter in a format.
pub fn render(letter: &Letter, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Txt => Ok(letter.to_text().into_bytes()),
        Format::Md => Ok(letter.to_markdown().into_bytes()),
        Format::Eml => eml(letter),
        Format::Pdf => crate::pdf::render(letter),
        Format::Envelope => Ok(letter.envelope().into_bytes()),
        Format::Call => Ok(letter.call_script().into_bytes()),
        Format::Form => Ok(letter.form_text().into_bytes()),
    }
}

/// Builds the `.eml`: From the sender, To the recipient's email when there is one, UTF-8
/// subject and body, Date and Message-ID. Without a recipient email the message has no `To`
/// and is a draft the user can address in their mail client.
pub fn eml(letter: &Letter) -> Result<Vec<u8>> {
    let sender_email = letter.sender.email.as_deref().ok_or_else(|| {
        Error::usage("an .eml file needs your email address").hint(
            "pass --sender-email ADDRESS, or set `email` in your profile (outcry profile init)",
        )
    })?;
    let from_addr: lettre::Address = sender_email.parse().map_err(|_| {
        Error::usage(format!(
            "your email `{sender_email}` is not a valid address"
        ))
    })?;
    let from = Mailbox::new(Some(letter.sender.name.clone()), from_addr.clone());
    let mut builder = lettre::Message::builder();
    if let Some(reply_to) = letter
        .sender
        .smtp
        .as_ref()
        .and_then(|s| s.reply_to.as_deref())
    {
        let addr: lettre::Address = reply_to.parse().map_err(|_| {
            Error::usage(format!(
                "`smtp.reply_to` `{reply_to}` in your profile is not a valid address"
            ))
        })?;
        builder = builder.reply_to(Mailbox::new(Some(letter.sender.name.clone()), addr));
    }
    let mut builder = builder
        .from(from)
        .subject(letter.subject.clone())
        .message_id(None)
        .user_agent(format!("outcry/{}", env!("CARGO_PKG_VERSION")));
    match letter.recipient.contact.email.as_deref() {
        Some(to) => {
            let to_addr: lettre::Address = to.parse().map_err(|_| {
                Error::usage(format!(
                    "recipient `{}` has an invalid email `{to}`",
                    letter.recipient.id
                ))
            })?;
            builder = builder.to(Mailbox::new(Some(letter.recipient.name.clone()), to_addr));
        }
        None => {
            // A draft: the envelope is only needed to build the message; it is not written.
            let envelope = lettre::address::Envelope::new(Some(from_addr.clone()), vec![from_addr])
                .map_err(|e| Error::failure(format!("could not build the message: {e}")))?;
            builder = builder.envelope(envelope);
        }
    }
    let message = builder
        .header(ContentType::TEXT_PLAIN)
        .body(letter.email_text())
        .map_err(|e| Error::failure(format!("could not build the message: {e}")))?;
    Ok(message.formatted())
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is an error.
/// Letters and data files are readable by others (0644); `private` files (the profile) are
/// readable by their owner only (0600).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_mode(path, bytes, force, false)
}

/// [`write_atomic`] for files only their owner may read.
pub fn write_private(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_mode(path, bytes, force, true)
}

fn write_atomic_mode(path: &Path, bytes: &[u8], force: bool, private: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create folder", &dir, &e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".outcry-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write in", &dir, &e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io("write", path, &e))?;
    }
    #[cfg(not(unix))]
    let _ = private;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io("write", path, &e))?;
    if force {
        tmp.persist(path)
            .map_err(|e| Error::io("write", path, &e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists_error(path)
            } else {
                Error::io("write", path, &e.error)
            }
        })?;
    }
    Ok(())
}

/// The error for a file that would be overwritten.
pub fn exists_error(path: &Path) -> Error {
    Error::usage(format!(
        "`{}` already exists; nothing was written",
        path.display()
    ))
    .hint("pass --force to replace it, or choose another folder with --out DIR")
}
