//! Small text helpers: accent folding for matching, slugs for ids, unique ids, plurals.
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

/// Makes a lower-case ASCII slug: "Ocasio-Cortez" → "ocasio-cortez", "Órfhlaith" → "orfhlaith".
/// May be empty when nothing in `s` is a Latin letter or digit.
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
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
    fn slugs() {
        assert_eq!(slug("Ocasio-Cortez"), "ocasio-cortez");
        assert_eq!(slug("  Órfhlaith  Begley "), "orfhlaith-begley");
    }
}
