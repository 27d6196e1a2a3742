//! The contact-form text (`.form.txt`): subject and message within the usual field limits,
//! and the form's address.
//!
//! May import: [`crate::letters`].

use crate::letters::Letter;

/// The letter for a web contact form: subject and message within usual field limits.
pub fn render(letter: &Letter) -> String {
    const SUBJECT_LIMIT: usize = 100;
    const MESSAGE_LIMIT: usize = 4000;
    let subject: String = letter.subject.chars().take(SUBJECT_LIMIT).collect();
    let mut message = letter.email_text();
    if message.chars().count() > MESSAGE_LIMIT {
        // Keep the letter; shorten the sources to their addresses.
        let mut short = letter.body.clone();
        short.push('\n');
        short.push_str(&letter.signature_block());
        short.push_str("\n\nSources: ");
        short.push_str(
            &letter
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    format!(
                        "[{}] {}",
                        i + 1,
                        s.url.clone().unwrap_or_else(|| s.title.clone())
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
        message = short.chars().take(MESSAGE_LIMIT).collect();
    }
    let mut out = String::new();
    if let Some(url) = &letter.recipient.contact.contact_form {
        out.push_str(&format!("Contact form: {url}\n"));
    }
    out.push_str("Many forms ask for your name, postal address and email in separate fields; fill those in first.\n\n");
    out.push_str(&format!(
        "Subject ({} characters):\n{subject}\n\n",
        subject.chars().count()
    ));
    out.push_str(&format!(
        "Message ({} characters):\n{}\n",
        message.chars().count(),
        message.trim_end()
    ));
    out
}
