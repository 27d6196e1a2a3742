//! The `.eml` file: an RFC 5322 message that opens in any mail program and that `mail` sends.
//!
//! A letter's Message-ID is derived from its content ([`message_id`]), so writing the same
//! letter again (another folder, `--force`, another day) gives the same id, and the sent log,
//! which is keyed by it, knows it was sent. Nothing in the file names the writer's machine or
//! the program that wrote it (no `User-Agent`): the message carries no more than the letter.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::letters`].

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, header::ContentType};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::letters::Letter;

/// The header that makes mail programs open a written `.eml` as a draft ready to send
/// (Outlook and others honour it). `outcry send` removes it from the copy it transmits.
pub const UNSENT_HEADER: &str = "X-Unsent";

/// Builds the `.eml`: From the sender, To the recipient's email when there is one, UTF-8
/// subject and body, Date (when written; `send` sets it again when sending), a content-derived
/// Message-ID, and `X-Unsent: 1`. Without a recipient email the message has no `To` and is a
/// draft the user can address in their mail client.
pub fn render(letter: &Letter) -> Result<Vec<u8>> {
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
    // Everything that goes into a header is one line of plain text (checked where it entered;
    // checked again here, so that no input can break a header or the program).
    for (what, value) in [
        ("your name", letter.sender.name.as_str()),
        ("the recipient's name", letter.recipient.name.as_str()),
        ("the subject", letter.subject.as_str()),
    ] {
        if let Err(why) = crate::support::text::check_line(value, 998 - 20) {
            return Err(Error::usage(format!(
                "{what} `{}` {why}",
                crate::support::text::shorten(value, 60)
            )));
        }
    }
    let from = Mailbox::new(Some(letter.sender.name.clone()), from_addr.clone());
    let mut builder = lettre::Message::builder();
    let reply_to = letter
        .sender
        .smtp
        .as_ref()
        .and_then(|s| s.reply_to.as_deref());
    if let Some(reply_to) = reply_to {
        let addr: lettre::Address = reply_to.parse().map_err(|_| {
            Error::usage(format!(
                "`smtp.reply_to` `{reply_to}` in your profile is not a valid address"
            ))
        })?;
        builder = builder.reply_to(Mailbox::new(Some(letter.sender.name.clone()), addr));
    }
    let text = letter.email_text();
    let mut builder = builder
        .from(from)
        .subject(letter.subject.clone())
        .message_id(Some(message_id_of(letter, &from_addr, reply_to, &text)))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str(UNSENT_HEADER),
            "1".into(),
        ));
    // The envelope is given, so lettre need not parse it back out of the headers; it is not
    // part of the file. Without a recipient email, the message is a draft.
    let to = match letter.recipient.contact.email.as_deref() {
        Some(to) => {
            let to_addr: lettre::Address = to.parse().map_err(|_| {
                Error::usage(format!(
                    "recipient `{}` has an invalid email `{to}`",
                    letter.recipient.id
                ))
            })?;
            builder = builder.to(Mailbox::new(
                Some(letter.recipient.name.to_string()),
                to_addr.clone(),
            ));
            to_addr
        }
        None => from_addr.clone(),
    };
    let envelope = lettre::address::Envelope::new(Some(from_addr), vec![to])
        .map_err(|e| Error::failure(format!("could not build the message: {e}")))?;
    builder = builder.envelope(envelope);
    let message = builder
        .header(ContentType::TEXT_PLAIN)
        .body(text)
        .map_err(|e| Error::failure(format!("could not build the message: {e}")))?;
    Ok(message.formatted())
}

/// The Message-ID of a letter: `<KEY.CONTENT@DOMAIN>`, where DOMAIN is the domain of the
/// sender's address, KEY is 16 hex digits of SHA-256 over (sender address, template id,
/// recipient id), naming *which* letter this is, and CONTENT is 32 hex digits of SHA-256 over
/// the template id, the recipient (id, name, address), the sender (name, address, reply-to),
/// the subject and the text. The same letter written twice gets the same id; a letter whose
/// text changed keeps its KEY and gets a new CONTENT, which is how `send` knows it changed
/// since it was sent. Nothing about the machine goes in (RFC 5322 only asks for uniqueness,
/// which the sender's own domain and the hash give).
pub fn message_id(letter: &Letter, from: &lettre::Address, reply_to: Option<&str>) -> String {
    message_id_of(letter, from, reply_to, &letter.email_text())
}

/// [`message_id`] with the letter's [`Letter::email_text`] already made.
fn message_id_of(
    letter: &Letter,
    from: &lettre::Address,
    reply_to: Option<&str>,
    text: &str,
) -> String {
    let key = hash(&[from.as_ref(), &letter.template_id, &letter.recipient.id]);
    let content = hash(&[
        &letter.template_id,
        &letter.recipient.id,
        &letter.recipient.name,
        letter.recipient.contact.email.as_deref().unwrap_or(""),
        &letter.sender.name,
        from.as_ref(),
        reply_to.unwrap_or(""),
        &letter.subject,
        text,
    ]);
    format!("<{}.{}@{}>", &key[..16], &content[..32], from.domain())
}

/// The Message-ID [`render`] gives `letter` (`None` when the sender has no valid address,
/// when no `.eml` can be made).
pub fn letter_message_id(letter: &Letter) -> Option<String> {
    let from: lettre::Address = letter.sender.email.as_deref()?.parse().ok()?;
    let reply_to = letter
        .sender
        .smtp
        .as_ref()
        .and_then(|s| s.reply_to.as_deref());
    Some(message_id(letter, &from, reply_to))
}

/// The KEY part of a Message-ID made by [`message_id`] (which letter it is, whatever its
/// text), or `None` for an id of another form.
pub fn letter_key(message_id: &str) -> Option<&str> {
    let id = message_id.trim().trim_start_matches('<');
    let (local, _) = id.split_once('@')?;
    let (key, content) = local.split_once('.')?;
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hex(key, 16) && hex(content, 32)).then_some(key)
}

/// Lower-case hex SHA-256 of the parts, each followed by a NUL so that no two lists of parts
/// hash alike.
fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = h.finalize();
    let mut out = String::with_capacity(digest.len() * 2);
    for b in digest.iter() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    out
}

/// Whether two rendered messages are the same letter: equal but for the `Date` header (the
/// time it was written; the Message-ID is made from the content, so it is compared too).
pub fn same_message(a: &[u8], b: &[u8]) -> bool {
    fn parts(m: &[u8]) -> (Vec<&[u8]>, &[u8]) {
        let split = m
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(m.len());
        let mut headers = Vec::new();
        let mut skipping = false;
        for line in m[..split].split(|b| *b == b'\n') {
            let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
            if !folded {
                let lower = line.to_ascii_lowercase();
                skipping = lower.starts_with(b"date:");
            }
            if !skipping {
                headers.push(line);
            }
        }
        (headers, &m[split..])
    }
    parts(a) == parts(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_keys_are_read_back_only_from_our_ids() {
        let id = format!("<{}.{}@example.org>", "0123456789abcdef", "a".repeat(32));
        assert_eq!(letter_key(&id), Some("0123456789abcdef"));
        assert_eq!(letter_key("<123.456@example.org>"), None);
        assert_eq!(letter_key("<uuid@host>"), None);
    }

    #[test]
    fn messages_differing_only_in_date_are_the_same() {
        let a = b"From: A <a@example.org>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\nMessage-ID: <2@x>\r\nSubject: Hi\r\n\r\nBody\r\n";
        let b = b"From: A <a@example.org>\r\nDate: Sun, 29 Nov 2026 11:00:00 +0000\r\nMessage-ID: <2@x>\r\nSubject: Hi\r\n\r\nBody\r\n";
        let c = b"From: A <a@example.org>\r\nDate: Sun, 29 Nov 2026 11:00:00 +0000\r\nMessage-ID: <2@x>\r\nSubject: Hi\r\n\r\nBody!\r\n";
        let d = b"From: B <a@example.org>\r\nDate: Sun, 29 Nov 2026 11:00:00 +0000\r\nMessage-ID: <2@x>\r\nSubject: Hi\r\n\r\nBody\r\n";
        assert!(same_message(a, b));
        assert!(!same_message(a, c));
        assert!(!same_message(a, d));
        let e = b"From: A <a@example.org>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\nMessage-ID: <3@x>\r\nSubject: Hi\r\n\r\nBody\r\n";
        assert!(!same_message(a, e));
    }
}
