//! How easy a letter's template text is to read: word counts and the Flesch–Kincaid grade.
//!
//! The grade is the published formula of Kincaid, Fishburne, Rogers and Chissom (1975),
//! "Derivation of new readability formulas ... for Navy enlisted personnel", Research Branch
//! Report 8-75: `0.39 × words/sentences + 11.8 × syllables/words − 15.59`. Syllables are counted
//! by vowel groups with the usual English corrections (a silent final `e`, `-le`, `-ed`), the
//! same approach as common readability tools; the test below checks the grade against the
//! figures of the Python `textstat` package (0.7.3) for reference passages. The formula is valid
//! for English only.
//!
//! May import: nothing from the crate (std only).

/// Counts of a text and its Flesch–Kincaid grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    /// Words (runs of letters, digits, apostrophes and hyphens).
    pub words: usize,
    /// Sentences (ended by `.`, `!` or `?`; at least one when there are words).
    pub sentences: usize,
    /// Syllables, estimated.
    pub syllables: usize,
    /// The US school grade needed to read it (Flesch–Kincaid); 0 for an empty text.
    pub grade: f64,
}

/// Measures `text`.
pub fn measure(text: &str) -> Readability {
    let words: Vec<&str> = words(text).collect();
    let mut sentences = 0;
    let mut in_sentence = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            in_sentence = true;
        } else if matches!(c, '.' | '!' | '?') && in_sentence {
            sentences += 1;
            in_sentence = false;
        }
    }
    if in_sentence {
        sentences += 1;
    }
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let grade = if words.is_empty() {
        0.0
    } else {
        let w = words.len() as f64;
        0.39 * (w / sentences.max(1) as f64) + 11.8 * (syllables as f64 / w) - 15.59
    };
    Readability {
        words: words.len(),
        sentences,
        syllables,
        grade,
    }
}

/// The words of a text: runs of letters, digits, apostrophes and inner hyphens.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Estimated syllables of one English word (at least 1).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = w.len();
    // A silent final e ("make"), but not "-le" after a consonant ("table").
    if n > 2 && w[n - 1] == 'e' && !vowel(w[n - 2]) && (w[n - 2] != 'l' || vowel(w[n - 3])) {
        count -= 1;
    }
    // "-ed" after a consonant other than t/d is usually silent ("asked").
    if n > 3
        && w[n - 2] == 'e'
        && w[n - 1] == 'd'
        && !vowel(w[n - 3])
        && !matches!(w[n - 3], 't' | 'd')
    {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference figures from Python textstat 0.7.3 (`flesch_kincaid_grade`).
    #[test]
    fn grades_match_a_reference_tool() {
        let cases = [
            ("The cat sat on the mat. It was a sunny day.", -0.6),
            (
                "I live in Leeds and I am one of your constituents. Will you press the Government to close the gap in the law? In 2019 an independent people's tribunal in London found that forced organ harvesting had taken place in China. It found crimes against humanity.",
                5.4,
            ),
            (
                "The international community's persistent reluctance to investigate allegations systematically undermines accountability mechanisms established by intergovernmental organisations.",
                33.1,
            ),
        ];
        for (text, expected) in cases {
            let got = measure(text).grade;
            assert!(
                (got - expected).abs() <= 1.5,
                "grade {got:.1}, reference {expected} for {text:?}"
            );
        }
    }

    #[test]
    fn counts() {
        let r = measure("Will you act? Yes.");
        assert_eq!((r.words, r.sentences), (4, 2));
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("harvesting"), 3);
    }
}
