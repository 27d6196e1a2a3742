//! Small text helpers: accent folding for matching, slugs for ids, unique ids, plurals, and
//! the check that keeps names one safe line ([`check_line`]).
//!
//! May import: [`crate::error`].

use std::collections::HashMap;

/// Lower-cases and strips accents from common Latin letters so "Féin" matches "fein".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Makes a lower-case ASCII slug for ids: "Ocasio-Cortez" → "ocasio-cortez", "Órfhlaith" →
/// "orfhlaith", and letters of any script transliterated by `deunicode` ("Ελένη" → "elene",
/// "בנימין" → "bnymyn"). Never starts or ends with a dash; may be empty when `s` has no letter or
/// digit at all (see [`slug_or`]).
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::new();
    let push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    for c in folded.chars() {
        if c.is_ascii() || !c.is_alphanumeric() {
            push(c, &mut out);
        } else {
            for t in deunicode::deunicode_char(c).unwrap_or("-").chars() {
                push(t, &mut out);
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

/// [`slug`], or `fallback` when `s` gives an empty slug.
pub fn slug_or(s: &str, fallback: &str) -> String {
    let s = slug(s);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

/// Hands out ids that are unique within one run: the first `base` is `base`, the next
/// `base-2`, `base-3`, ...; ids for which `taken` says yes are skipped too.
#[derive(Debug, Default)]
pub struct UniqueIds {
    used: HashMap<String, u32>,
}

impl UniqueIds {
    /// A fresh set with nothing used.
    pub fn new() -> Self {
        Self::default()
    }

    /// The next free id for `base` (an empty base becomes `fallback`).
    pub fn next(&mut self, base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let n = self.used.entry(base.to_string()).or_insert(0);
        loop {
            *n += 1;
            let id = if *n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            };
            if !taken(&id) {
                return id;
            }
        }
    }
}

/// `"1 letter"`, `"2 letters"`: the count and the word, with an `s` unless the count is 1.
pub fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// The most characters a name, title, address line or other one-line field may have. Mail
/// headers must stay under 998 bytes a line (RFC 5322, 2.1.1), and a name is printed on
/// envelopes and letters too; 200 characters is far beyond any real name.
pub const MAX_LINE_CHARS: usize = 200;

/// Checks a one-line value that may end up in a mail header, an address block or a file name:
/// no control characters (C0 and C1, DEL, and the Unicode line and paragraph separators) and
/// at most `max` characters. Returns what is wrong, in words, for an error message.
pub fn check_line(value: &str, max: usize) -> std::result::Result<(), String> {
    if let Some(c) = value
        .chars()
        .find(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        let what = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break",
            '\t' => "a tab",
            _ => "a control character",
        };
        return Err(format!(
            "contains {what} (U+{:04X}); it must be one line of plain text",
            c as u32
        ));
    }
    let len = value.chars().count();
    if len > max {
        return Err(format!("is {len} characters long; the limit is {max}"));
    }
    Ok(())
}

/// A value as it may be quoted in an error message: at most `max` characters, control
/// characters shown as `\u{..}` escapes, and the length when it was cut.
pub fn shorten(value: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in value.chars().enumerate() {
        if n == max {
            out.push_str(&format!("… ({} characters)", value.chars().count()));
            return out;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// How deep YAML may nest (flow brackets, or block levels measured by indentation). Real
/// files nest a handful of levels; the YAML parser recurses per level, so a file nested
/// thousands deep would take long or overflow the stack.
pub const MAX_YAML_DEPTH: usize = 64;

/// Refuses YAML nested deeper than [`MAX_YAML_DEPTH`] before it is parsed: returns the
/// 1-based line where it goes too deep, and why. Counts `[`/`{` outside quotes and comments,
/// and block nesting as indentation (each `- ` at the start of a line counts as one level).
pub fn check_yaml_nesting(text: &str) -> std::result::Result<(), (usize, String)> {
    let too_deep = |line: usize| {
        Err((
            line,
            format!(
                "the YAML is nested more than {MAX_YAML_DEPTH} levels deep; no outcry file needs that"
            ),
        ))
    };
    let mut flow = 0usize;
    for (i, line) in text.lines().enumerate() {
        let rest = line.trim_start_matches(' ');
        let mut block = (line.len() - rest.len()) / 2;
        let mut rest = rest;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
            block += 1;
            rest = r.trim_start_matches(' ');
        }
        if block > MAX_YAML_DEPTH * 2 {
            return too_deep(i + 1);
        }
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'')
                    if prev == ' ' || prev == '[' || prev == '{' || prev == ',' || prev == ':' =>
                {
                    quote = Some(c)
                }
                (None, '#') if prev == ' ' => break,
                (None, '[' | '{') => {
                    flow += 1;
                    if flow > MAX_YAML_DEPTH {
                        return too_deep(i + 1);
                    }
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                _ => {}
            }
            prev = c;
        }
    }
    Ok(())
}

/// Whether `tag` has the shape of a BCP 47 language tag: a 2-3 letter lower-case language,
/// then optional subtags of 2-8 letters or digits (`fr`, `he`, `zh-Hans`, `pt-BR`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_count_up_and_skip_taken() {
        let mut ids = UniqueIds::new();
        assert_eq!(ids.next("a", "x", |_| false), "a");
        assert_eq!(ids.next("a", "x", |id| id == "a-2"), "a-3");
        assert_eq!(ids.next("", "x", |_| false), "x");
    }

    #[test]
    fn lines_are_checked_and_shortened() {
        assert!(check_line("Zoë Example", 200).is_ok());
        assert_eq!(
            check_line("A\r\nBcc: x", 200).unwrap_err(),
            "contains a line break (U+000D); it must be one line of plain text"
        );
        assert!(check_line("a\u{1b}[31m", 200).is_err());
        assert!(check_line("a\u{7f}", 200).is_err());
        assert!(check_line(&"x".repeat(201), 200).is_err());
        assert_eq!(shorten("ab\ncd", 3), "ab\\n… (5 characters)");
    }

    #[test]
    fn deep_yaml_is_refused_before_parsing() {
        assert!(check_yaml_nesting("a: [1, {b: [2]}]\nc:\n  - d\n  - - e\n").is_ok());
        assert!(check_yaml_nesting("x: '[[[[['\n").is_ok());
        let deep = format!("a: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
        assert_eq!(check_yaml_nesting(&deep).unwrap_err().0, 1);
        let block: String = (0..500)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        assert!(check_yaml_nesting(&block).is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Ocasio-Cortez"), "ocasio-cortez");
        assert_eq!(slug("  Órfhlaith  Begley "), "orfhlaith-begley");
        assert_eq!(slug("Ελένη Στεφανίδου"), "elene-stephanidou");
        assert_eq!(slug("Bjørn Ødegård"), "bjorn-odegard");
        assert_eq!(slug("בנימין נתניהו"), "bnymyn-ntnyhv");
        assert_eq!(slug("-- !"), "");
        assert_eq!(slug_or("…", "x-1"), "x-1");
    }
}
