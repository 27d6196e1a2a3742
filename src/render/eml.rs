//! The `.eml` file: an RFC 5322 message that opens in any mail program and that `mail` sends.
//!
//! May import: [`crate::error`], [`crate::letters`].

use lettre::message::{Mailbox, header::ContentType};

use crate::error::{Error, Result};
use crate::letters::Letter;

/// Builds the `.eml`: From the sender, To the recipient's email when there is one, UTF-8
/// subject and body, Date and Message-ID. Without a recipient email the message has no `To`
/// and is a draft the user can address in their mail client.
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
