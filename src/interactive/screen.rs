//! The wizard's screen: text wrapped at word boundaries to the terminal's width, menus whose
//! rows never wrap (so that dialoguer clears all of a menu after a choice), and long text
//! shown in a pager.
//!
//! Wrapping uses `textwrap` (word boundaries, Unicode widths); the width comes from
//! `console::Term::size` on standard error, where the wizard draws. The pager is `$PAGER`
//! when set, else `less -R` when it is installed (with `LESS=FRX` unless `LESS` is set, as git
//! does), else the text is shown a screenful at a time in the terminal.
//!
//! May import: [`crate::error`], [`crate::support`]; it is a private part of [`super`].

use std::io::Write;
use std::process::{Command, Stdio};

use console::{Key, Term};

use crate::error::Result;

/// The terminal's size on standard error: (rows, columns); 24×80 when it cannot be told.
pub fn size() -> (usize, usize) {
    let term = Term::stderr();
    match term.size_checked() {
        Some((rows, cols)) if rows > 0 && cols > 0 => (rows as usize, cols as usize),
        _ => (24, 80),
    }
}

/// `text` wrapped at word boundaries to `width` columns; each line of `text` is wrapped on
/// its own (blank lines and indentation are kept).
pub fn wrap_to(text: &str, width: usize) -> String {
    let width = width.max(20);
    text.split('\n')
        .map(|line| {
            if console::measure_text_width(line) <= width {
                return line.to_string();
            }
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let options = options(width)
                .initial_indent(&indent)
                .subsequent_indent(&indent);
            textwrap::fill(line.trim_start(), options)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How text is wrapped: at spaces, so that addresses, dates and file names (which contain
/// `/`, `-` and `.`) stay whole and can be copied, and between Chinese, Japanese and Korean
/// characters, which have no spaces (never before closing punctuation such as `，` or `。`);
/// a word longer than the line stays whole.
fn options<'a>(width: usize) -> textwrap::Options<'a> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::Custom(words_and_ideographs))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

/// Whether a line may break before and after `c`: CJK ideographs, kana, Hangul and
/// full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF
        | 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Punctuation a line must not start with (it stays with the character before it).
fn is_closing(c: char) -> bool {
    "，。、；：？！）》」』】〕…·～%,.;:?!)]".contains(c)
}

/// The words of `line` for textwrap: runs up to and including the spaces after them, and
/// each CJK character on its own (with the closing punctuation that follows it).
fn words_and_ideographs(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let end = i + c.len_utf8();
        let ends_here = match next {
            None => true,
            // After spaces, before the next word.
            Some(n) if c == ' ' => n != ' ',
            // Between two characters of which one is CJK, unless the next closes.
            Some(n) => (is_cjk(c) || is_cjk(n)) && n != ' ' && !is_closing(n),
        };
        if ends_here {
            words.push(textwrap::core::Word::from(&line[start..end]));
            start = end;
        }
    }
    Box::new(words.into_iter())
}

/// `text` wrapped to the terminal's width (less one column, so that no line ends exactly at
/// the edge, where some terminals wrap).
pub fn wrap(text: &str) -> String {
    wrap_to(text, size().1.saturating_sub(1))
}

/// Menu rows wrapped so that none is wider than the terminal once dialoguer's `prefix`
/// columns (`> ` or `> [x] `) are added; continuation lines are indented by two spaces.
/// Returns the rows and how many rows of the menu fit on the screen at once.
pub fn menu_rows(items: &[String], prefix: usize) -> (Vec<String>, usize) {
    let (rows, cols) = size();
    let width = cols.saturating_sub(prefix + 1).max(20);
    let wrapped: Vec<String> = items
        .iter()
        .map(|item| {
            let options = options(width).subsequent_indent("  ");
            textwrap::fill(item, options)
        })
        .collect();
    let tallest = wrapped.iter().map(|w| w.lines().count()).max().unwrap_or(1);
    // Room for the prompt, the page line and the line the cursor rests on.
    let fit = (rows.saturating_sub(3) / tallest.max(1)).max(3);
    (wrapped, fit)
}

/// Shows `text` on the screen, through a pager when it is longer than the screen.
pub fn page(text: &str, more: &str) -> Result<()> {
    let (rows, _) = size();
    let text = wrap(text);
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() + 4 <= rows {
        eprintln!("{text}");
        return Ok(());
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) && external_pager(&text) {
        return Ok(());
    }
    // Page by page on standard error: a screenful, then a line saying how to go on.
    let page = rows.saturating_sub(2).max(5);
    let term = Term::stderr();
    let mut shown = 0;
    while shown < lines.len() {
        let end = (shown + page).min(lines.len());
        for line in &lines[shown..end] {
            eprintln!("{line}");
        }
        shown = end;
        if shown >= lines.len() {
            break;
        }
        eprint!("{more}");
        let _ = std::io::stderr().flush();
        let key = term.read_key().map_err(|e| super::map(e.into()))?;
        let _ = term.clear_line();
        match key {
            Key::Char('q') | Key::Escape => break,
            _ => {}
        }
    }
    Ok(())
}

/// Runs `$PAGER`, or `less -R`, with `text` on its input; false when there is none, or it
/// could not be started.
fn external_pager(text: &str) -> bool {
    let configured = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty());
    let mut command = match configured {
        Some(pager) => {
            let mut c = Command::new("sh");
            c.arg("-c").arg(pager);
            c
        }
        None if on_path("less") => {
            let mut c = Command::new("less");
            c.arg("-R");
            if std::env::var_os("LESS").is_none() {
                c.env("LESS", "FRX");
            }
            c
        }
        None => return false,
    };
    let Ok(mut child) = command.stdin(Stdio::piped()).spawn() else {
        return false;
    };
    if let Some(mut input) = child.stdin.take() {
        // A pager closed before the end (q) is not an error.
        let _ = input.write_all(text.as_bytes());
        let _ = input.write_all(b"\n");
    }
    child.wait().is_ok()
}

/// Whether `program` is an executable file in one of the `PATH` folders.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_and_keeps_short_lines() {
        let text = "Dear Editor,\n\nEvery organ must be given freely, and no one should travel abroad to buy one.";
        let wrapped = wrap_to(text, 30);
        assert_eq!(
            wrapped,
            "Dear Editor,\n\nEvery organ must be given\nfreely, and no one should\ntravel abroad to buy one."
        );
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 30, "{line}");
        }
        assert_eq!(wrap_to("  1. a b c", 30), "  1. a b c");
        // A path with dashes and slashes is never cut.
        let path = "letters/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt";
        assert!(wrap_to(&format!("Saved {path} today"), 30).contains(path));
    }

    #[test]
    fn chinese_wraps_between_characters_not_before_punctuation() {
        let text = "您可以用自己的电子邮件账户发送这些信，也可以跳过这一步，以后再发送。文件保存在 letters/2026-11-28_x.txt 中。";
        let wrapped = wrap_to(text, 20);
        for line in wrapped.lines() {
            assert!(
                console::measure_text_width(line) <= 20 || line.contains("letters/"),
                "{line:?}"
            );
            assert!(!line.starts_with(['，', '。']), "{line:?}");
        }
        assert!(wrapped.lines().count() >= 5, "{wrapped}");
        assert!(wrapped.contains("letters/2026-11-28_x.txt"), "{wrapped}");
        // Nothing lost but the spaces where lines break.
        let bare = |t: &str| t.replace(['\n', ' '], "");
        assert_eq!(bare(&wrapped), bare(text));
    }
}
