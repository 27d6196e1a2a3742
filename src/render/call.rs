//! The call script (`.call.txt`): the office's numbers, who is calling and from where, what
//! the letter is about (the template's `topic`) and its one ask.
//!
//! May import: [`crate::conventions`], [`crate::letters`].

use crate::conventions::{address_name, office_title, town};
use crate::letters::Letter;

/// What to say to the staffer who answers, at most 60 words besides the ask's own: who is
/// calling and from where, the ask with the bill's number and name, one line of the writer's
/// own words, and "please let me know" when the writer asked for a reply.
pub fn script(letter: &Letter) -> String {
    let place = town(&letter.sender.address_lines());
    let whom = office_title(&letter.recipient).unwrap_or_else(|| "them".into());
    let mut parts = vec![format!(
        "Hello, my name is {}{}.",
        letter.sender.name,
        if place.is_empty() {
            String::new()
        } else {
            format!(" and I live in {place}")
        }
    )];
    match letter.ask.as_deref() {
        Some(ask) => parts.push(format!("Please ask {whom}: {}", capitalised(ask.trim()))),
        None => parts.push(format!("I am calling about {}.", letter.topic)),
    }
    if let Some(bill) = &letter.bill
        && !letter
            .ask
            .as_deref()
            .is_some_and(|a| a.contains(bill.split(',').next().unwrap_or(bill)))
    {
        parts.push(format!("It is about {bill}."));
    }
    if let Some(line) = &letter.own_line {
        parts.push(line.clone());
    }
    parts.push(if letter.reply_wanted {
        "Please let me know the answer. Thank you.".to_string()
    } else {
        "Thank you for passing this on.".to_string()
    });
    parts.join(" ")
}

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
    out.push_str("Say (about 30 seconds):\n\n");
    out.push_str(&script(letter));
    out.push_str("\n\n");
    out.push_str("Tips: the person who answers is a member of staff; they note your name, town and request. Keep it short and polite. If you reach voicemail, leave the same message with your phone number.\n");
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
