//! The letter in Markdown (`.md`), with hard line breaks in the address blocks and a
//! numbered sources list.
//!
//! May import: [`crate::letters`].

use crate::letters::{Letter, source_line};

/// The letter in Markdown.
pub fn render(letter: &Letter) -> String {
    let hard = |lines: Vec<String>| {
        lines
            .iter()
            .map(|l| md_escape(l))
            .collect::<Vec<_>>()
            .join("  \n")
    };
    let mut out = String::new();
    out.push_str(&hard(letter.sender_block()));
    out.push_str("\n\n");
    out.push_str(&letter.date_text());
    out.push_str("\n\n");
    out.push_str(&hard(letter.recipient_block()));
    out.push_str(&format!(
        "\n\n**{} {}**\n\n",
        md_escape(&letter.subject_label()),
        md_escape(&letter.subject)
    ));
    // Keep the writer's line breaks inside paragraphs (e.g. "Sincerely,\nName").
    let paragraphs: Vec<String> = letter
        .body
        .split("\n\n")
        .map(|p| p.lines().map(md_escape).collect::<Vec<_>>().join("  \n"))
        .collect();
    out.push_str(&paragraphs.join("\n\n"));
    out.push('\n');
    if !letter.sources.is_empty() && letter.source_note {
        out.push_str("\n## Sources for the facts above (not for publication)\n\n");
        for s in &letter.sources {
            out.push_str(&format!("- {}\n", source_line(s)));
        }
    } else if !letter.sources.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            md_escape(&letter.sources_heading())
        ));
        for (i, s) in letter.sources.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, source_line(s)));
        }
    }
    out
}

/// Escapes characters that would start Markdown markup at the start of a line or inline.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if matches!(c, '*' | '_' | '`' | '<' | '>' | '#' | '[' | ']' | '\\')
            || (i == 0 && matches!(c, '-' | '+'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
