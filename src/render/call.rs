//! The call script (`.call.txt`): the office's numbers, who is calling and from where, what
//! the letter is about (the template's `topic`) and its one ask.
//!
//! May import: [`crate::conventions`], [`crate::letters`].

use crate::conventions::address_name;
use crate::letters::Letter;

/// A short script for calling the office: who you are, where you live, the one ask.
pub fn render(letter: &Letter) -> String {
    let r = &letter.recipient;
    let mut out = format!("Call script: {}\n\n", address_name(r));
    let mut numbers = Vec::new();
    if let Some(p) = &r.contact.phone {
        numbers.push(format!("{p} (main office)"));
    }
    numbers.extend(
        r.contact
            .offices
            .iter()
            .filter_map(|o| o.phone.as_ref().map(|p| format!("{p} ({} office)", o.name))),
    );
    if numbers.is_empty() {
        out.push_str("No phone number is known for this office.\n\n");
    } else {
        out.push_str("Phone:\n");
        for n in numbers {
            out.push_str(&format!("  {n}\n"));
        }
        out.push('\n');
    }
    let place = letter
        .sender
        .address_lines()
        .last()
        .cloned()
        .unwrap_or_default();
    out.push_str("Say:\n\n");
    out.push_str(&format!(
        "Hello, my name is {}{}. I am calling about {}.\n\n",
        letter.sender.name,
        if place.is_empty() {
            String::new()
        } else {
            format!(" and I live in {place}")
        },
        letter.topic
    ));
    if let Some(ask) = letter.ask.as_deref() {
        out.push_str(&capitalised(ask.trim()));
        out.push_str("\n\n");
    }
    out.push_str("I don't need a response. Thank you for passing this on.\n\n");
    out.push_str("Tips: staff take a note of your name, town and request; keep it short and polite. If you reach voicemail, leave the same message with your phone number.\n");
    out
}

/// The ask as a sentence of its own: a chase letter's "my question was: will you ..." starts
/// lower-case inside the letter.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
