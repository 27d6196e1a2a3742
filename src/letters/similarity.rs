//! How much of a letter is the writer's own words.
//!
//! Offices discount identical form letters. Like WriteToThem's abuse check, this hashes every
//! 32-byte run of the normalised text (lower case, letters and digits only, as UTF-8) with
//! CRC-32 and keeps the hashes whose low 4 bits are zero (a Manber-style sample). Comparing a
//! letter with the bare template (the same template rendered with empty answers) gives the
//! share of the letter that is not template text. Pure functions; the caller decides whether
//! to warn.
//!
//! The hash rolls: each window's CRC is computed from the previous one in constant time (CRC
//! is linear over GF(2), so the byte leaving the window can be cancelled with a table), and
//! the text is normalised on the fly without allocating per character. The hashes are exactly
//! those of a CRC-32 over each window.
//!
//! May import: nothing from the crate (std only).

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

/// The sampled chunk hashes of a text, sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint(Vec<u32>);

impl Fingerprint {
    /// Fingerprints `text`.
    pub fn of(text: &str) -> Fingerprint {
        let mut roller = Roller::default();
        let mut hashes = Vec::with_capacity(text.len() / 12);
        let mut buf = [0u8; 4];
        let mut push = |b: u8| {
            if let Some(h) = roller.push(b)
                && h & 0xF == 0
            {
                hashes.push(h);
            }
        };
        for c in text.chars() {
            // ASCII, most of any letter, lower-cases and classifies without tables.
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    push(c.to_ascii_lowercase() as u8);
                }
                continue;
            }
            for c in c.to_lowercase().filter(|c| c.is_alphanumeric()) {
                c.encode_utf8(&mut buf).bytes().for_each(&mut push);
            }
        }
        // A text shorter than one window is one chunk, always kept.
        if roller.len > 0 && roller.len < WINDOW {
            hashes.push(!roller.reg);
        }
        hashes.sort_unstable();
        hashes.dedup();
        Fingerprint(hashes)
    }

    /// How many chunks it has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it has no chunk (a text without letters or digits).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many chunks the two have in common.
    pub fn common(&self, other: &Fingerprint) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < self.0.len() && j < other.0.len() {
            match self.0[i].cmp(&other.0[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// Compares `letter` with `template_text`.
pub fn score(letter: &str, template_text: &str) -> Score {
    score_fingerprints(&Fingerprint::of(letter), &Fingerprint::of(template_text))
}

/// Compares a letter's fingerprint with its bare template's.
pub fn score_fingerprints(letter: &Fingerprint, template: &Fingerprint) -> Score {
    if letter.is_empty() {
        return Score {
            own_words: 0.0,
            similarity: if template.is_empty() { 1.0 } else { 0.0 },
        };
    }
    let common = letter.common(template) as f64;
    Score {
        own_words: 1.0 - common / letter.len() as f64,
        similarity: 2.0 * common / (letter.len() + template.len()) as f64,
    }
}

/// The CRC-32 (IEEE, reflected) lookup table, built at compile time.
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

/// One byte into a CRC-32 register.
const fn step(reg: u32, byte: u8) -> u32 {
    CRC_TABLE[((reg ^ byte as u32) & 0xFF) as usize] ^ (reg >> 8)
}

/// The register after `zeros` zero bytes from `reg`.
const fn zeros(mut reg: u32, zeros: usize) -> u32 {
    let mut i = 0;
    while i < zeros {
        reg = step(reg, 0);
        i += 1;
    }
    reg
}

/// What the byte leaving a window contributed, plus the constant that keeps the initial
/// value (all ones) in place: `reg(b, 0 × WINDOW)` from zero, xor
/// `reg(!0, 0 × (WINDOW+1)) ^ reg(!0, 0 × WINDOW)`. XOR-ing it after stepping the incoming
/// byte turns the CRC of bytes `i..i+W` into the CRC of bytes `i+1..i+W+1`.
const OUT_TABLE: [u32; 256] = {
    let fix = zeros(!0, WINDOW + 1) ^ zeros(!0, WINDOW);
    let mut table = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = zeros(step(0, b as u8), WINDOW) ^ fix;
        b += 1;
    }
    table
};

/// A CRC-32 over the last [`WINDOW`] bytes pushed.
#[derive(Default)]
struct Roller {
    ring: [u8; WINDOW],
    len: usize,
    reg: u32,
}

impl Roller {
    /// Adds a byte; returns the CRC-32 of the window ending with it once there is a full one.
    fn push(&mut self, byte: u8) -> Option<u32> {
        if self.len == 0 {
            self.reg = !0;
        }
        let slot = self.len % WINDOW;
        if self.len < WINDOW {
            self.reg = step(self.reg, byte);
        } else {
            self.reg = step(self.reg, byte) ^ OUT_TABLE[usize::from(self.ring[slot])];
        }
        self.ring[slot] = byte;
        self.len += 1;
        (self.len >= WINDOW).then_some(!self.reg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "I am writing to ask you to help stop transplant tourism: people travelling abroad to receive organs that may have been taken from prisoners without their consent. Will you introduce or support a law that makes it an offence for our citizens to buy an organ abroad, and that requires doctors to report transplants received abroad? I would be grateful for a reply.";

    /// CRC-32 of a whole slice, the plain way.
    fn crc32(bytes: &[u8]) -> u32 {
        !bytes.iter().fold(!0u32, |reg, &b| step(reg, b))
    }

    /// The fingerprint as first written: normalise into a buffer, CRC every window.
    fn fingerprint_by_windows(text: &str) -> Fingerprint {
        let norm: Vec<u8> = text
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| {
                let mut buf = [0u8; 4];
                c.encode_utf8(&mut buf).as_bytes().to_vec()
            })
            .collect();
        let mut hashes: Vec<u32> = if norm.len() < WINDOW {
            if norm.is_empty() {
                Vec::new()
            } else {
                vec![crc32(&norm)]
            }
        } else {
            norm.windows(WINDOW)
                .map(crc32)
                .filter(|h| h & 0xF == 0)
                .collect()
        };
        hashes.sort_unstable();
        hashes.dedup();
        Fingerprint(hashes)
    }

    #[test]
    fn crc32_matches_the_standard() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn rolling_hash_equals_a_crc_of_every_window() {
        let mut roller = Roller::default();
        let text: Vec<u8> = (0..500u32).map(|i| (i * 7919 % 251) as u8).collect();
        for (i, &b) in text.iter().enumerate() {
            let got = roller.push(b);
            if i + 1 >= WINDOW {
                assert_eq!(
                    got,
                    Some(crc32(&text[i + 1 - WINDOW..=i])),
                    "window ending at {i}"
                );
            } else {
                assert_eq!(got, None);
            }
        }
    }

    #[test]
    fn fingerprint_is_unchanged_by_the_rolling_hash() {
        for text in [
            "",
            "Hi!",
            "exactly thirty-two letters: abcdefghijklmnopqrstuvwxyzabcdef",
            TEMPLATE,
            "Ζωή Παπαδοπούλου, Москва, İstanbul, Straße, 東京 — mixed scripts and ÉCOLE in capitals, repeated: Ζωή Παπαδοπούλου, Москва, İstanbul, Straße.",
        ] {
            assert_eq!(
                Fingerprint::of(text),
                fingerprint_by_windows(text),
                "{text:?}"
            );
        }
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
