//! The layouts of a letter: one file per output format, each a pure function from a
//! [`Letter`] to bytes (or text). Owns [`Format`], [`Channel`] and the choice of the best
//! formats for a recipient ([`best_formats`]), and the file name of each.
//!
//! Renderers never touch the disk or the network: planning and writing files is `output`'s
//! job, sending is `mail`'s. May import: [`crate::error`], [`crate::support`],
//! [`crate::data`], [`crate::conventions`], [`crate::letters`].

pub mod call;
pub mod eml;
pub mod envelope;
pub mod form;
pub mod md;
pub mod pdf;
pub mod txt;

use crate::data::profile::Profile;
use crate::data::recipients::Recipient;
use crate::error::Result;
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

/// The ways to reach a recipient, for `--channel` (and in the ledger, lower-case).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
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

    /// Its name: `email`, `post`, `phone`, `form`.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Post => "post",
            Channel::Phone => "phone",
            Channel::Form => "form",
        }
    }
}

/// How each recipient should be reached, when the user does not choose formats: by email if
/// both sides have an address; otherwise a print-ready PDF letter, plus a call script when there is a
/// phone number and form-ready text when there is a contact form.
pub fn best_formats(recipient: &Recipient, sender: &Profile) -> Vec<Format> {
    let c = &recipient.contact;
    if c.email.is_some() && sender.email.is_some() {
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

/// The bytes of a letter in a format.
pub fn render(letter: &Letter, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Txt => Ok(txt::render(letter).into_bytes()),
        Format::Md => Ok(md::render(letter).into_bytes()),
        Format::Eml => eml::render(letter),
        Format::Pdf => pdf::render(letter),
        Format::Envelope => Ok(envelope::render(letter).into_bytes()),
        Format::Call => Ok(call::render(letter).into_bytes()),
        Format::Form => Ok(form::render(letter).into_bytes()),
    }
}

/// Whether two renderings of a letter in `format` have the same content: the same bytes, except
/// that an `.eml` may differ in the `Date` and `Message-ID` headers, which are made anew each
/// time a message is rendered.
pub fn same_content(format: Format, a: &[u8], b: &[u8]) -> bool {
    match format {
        Format::Eml => eml::same_message(a, b),
        _ => a == b,
    }
}
