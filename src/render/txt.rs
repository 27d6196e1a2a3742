//! The plain-text letter (`.txt`): sender block, date, recipient block, subject, body and
//! the numbered sources; ready to print or paste.
//!
//! May import: [`crate::letters`].

use crate::letters::Letter;

/// A printable plain-text letter.
pub fn render(letter: &Letter) -> String {
    let mut out = String::new();
    for l in letter.sender_block() {
        out.push_str(&l);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&letter.date_text());
    out.push_str("\n\n");
    for l in letter.recipient_block() {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{} {}\n\n",
        letter.subject_label(),
        letter.subject
    ));
    out.push_str(&letter.print_text());
    out
}
