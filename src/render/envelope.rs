//! What to write on an envelope (`.envelope.txt`): the recipient's address and the return
//! address. A window envelope shows the address printed on the PDF instead.
//!
//! May import: [`crate::letters`].

use crate::letters::Letter;

/// What to write on an envelope (a window envelope shows the address printed on the PDF).
pub fn render(letter: &Letter) -> String {
    let mut out = String::from("To:\n");
    for l in letter.recipient_block() {
        out.push_str(&format!("    {l}\n"));
    }
    out.push_str("\nReturn address (top left, or on the back):\n");
    for l in std::iter::once(letter.sender.signature()).chain(letter.sender.address_lines()) {
        out.push_str(&format!("    {l}\n"));
    }
    out
}
