//! How much of a letter is the writer's own words.
//!
//! Offices discount identical form letters. Like WriteToThem's abuse check, this hashes every
//! 32-character run of the normalised text (lower case, letters and digits only) with CRC-32 and
//! keeps the hashes whose low 4 bits are zero (a Manber-style sample). Comparing a letter with the
//! bare template (the same template rendered with empty answers) gives the share of the letter
//! that is not template text. Pure functions; the caller decides whether to warn.
//!
//! May import: nothing from the crate (std only).

use std::collections::HashSet;

/// Below this share of own words, a letter is "mostly template text".
pub const OWN_WORDS_THRESHOLD: f64 = 0.05;

const WINDOW: usize = 32;

/// The comparison of a letter with its bare template.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Score {
    /// Share of the letter's sampled chunks that are not in the template (0 to 1).
    pub own_words: f64,
    /// Dice similarity of the two chunk sets, 2|A∩B| / (|A|+|B|) (0 to 1).
    pub similarity: f64,
}

impl Score {
    /// Whether the letter is mostly template text.
    pub fn mostly_template(&self) -> bool {
        self.own_words < OWN_WORDS_THRESHOLD
    }
}

/// Compares `letter` with `template_text`.
pub fn score(letter: &str, template_text: &str) -> Score {
    let a = fingerprint(letter);
    let b = fingerprint(template_text);
    if a.is_empty() {
        return Score {
            own_words: 0.0,
            similarity: if b.is_empty() { 1.0 } else { 0.0 },
        };
    }
    let common = a.intersection(&b).count() as f64;
    Score {
        own_words: 1.0 - common / a.len() as f64,
        similarity: 2.0 * common / (a.len() + b.len()) as f64,
    }
}

/// The sampled chunk hashes of a text.
pub fn fingerprint(text: &str) -> HashSet<u32> {
    let norm: Vec<u8> = text
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).as_bytes().to_vec()
        })
        .collect();
    if norm.len() < WINDOW {
        return if norm.is_empty() {
            HashSet::new()
        } else {
            HashSet::from([crc32(&norm)])
        };
    }
    norm.windows(WINDOW)
        .map(crc32)
        .filter(|h| h & 0xF == 0)
        .collect()
}

/// The CRC-32 (IEEE) lookup table, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE), table-driven: every window of every letter is hashed.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "I am writing to ask you to help stop transplant tourism: people travelling abroad to receive organs that may have been taken from prisoners without their consent. Will you introduce or support a law that makes it an offence for our citizens to buy an organ abroad, and that requires doctors to report transplants received abroad? I would be grateful for a reply.";

    #[test]
    fn crc32_matches_the_standard() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn bare_template_is_all_template() {
        let s = score(TEMPLATE, TEMPLATE);
        assert_eq!(s.own_words, 0.0);
        assert!(s.mostly_template());
    }

    #[test]
    fn a_real_paragraph_counts() {
        let letter = format!(
            "{TEMPLATE}\n\nMy brother waited four years for a kidney in Leeds, and the donor's family gave it freely, knowing what it meant. I cannot bear to think that somewhere else a prisoner is killed so that someone can skip that queue."
        );
        let s = score(&letter, TEMPLATE);
        assert!(!s.mostly_template(), "{s:?}");
        assert!(s.similarity > 0.5);
    }
}
