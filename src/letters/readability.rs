//! How easy a letter's template text is to read: word counts, the Flesch–Kincaid grade, and
//! for letters in other languages a formula made for that language ([`formula`]).
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

/// A readability formula made for one language, and the limit outcry's letters keep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Formula {
    /// Its name and author, as published ("Kandel–Moles reading ease").
    pub name: &'static str,
    /// Whether a higher figure means an easier text (reading ease) rather than a harder one
    /// (a school grade).
    pub higher_is_easier: bool,
    /// The figure the built-in letters stay within: at most this grade, or at least this ease.
    pub limit: f64,
}

/// The formula for letters in `language` (a BCP 47 tag), or `None` when outcry knows no
/// formula validated for it (Hebrew: without written vowels syllables cannot be counted from
/// the text; Chinese, Japanese: no word spaces). Each one, with its source:
///
/// | language | formula | figure |
/// |---|---|---|
/// | `en` | Flesch–Kincaid grade, Kincaid et al. (1975) | 0.39·W/S + 11.8·Sy/W − 15.59 |
/// | `fr` | Kandel & Moles (1958), Flesch adapted to French | 207 − 1.015·W/S − 73.6·Sy/W |
/// | `de` | Amstad (1978), Flesch adapted to German | 180 − W/S − 58.5·Sy/W |
/// | `es` | Szigriszt-Pazos (1993), perspicuity | 206.835 − 62.3·Sy/W − W/S |
/// | `it` | Gulpease, Lucisano & Piemontese (1988) | 89 + (300·S − 10·letters)/W |
///
/// (W words, S sentences, Sy syllables.) The limits: grade 10 for English; ease 50 for the
/// Flesch-type scales ("fairly difficult" begins below it); Gulpease 45 (below 40 is hard
/// for a reader with secondary schooling).
pub fn formula(language: &str) -> Option<Formula> {
    let f = |name, higher_is_easier, limit| Formula {
        name,
        higher_is_easier,
        limit,
    };
    Some(match language.split('-').next().unwrap_or("") {
        "en" => f("Flesch–Kincaid grade", false, 10.0),
        "fr" => f("Kandel–Moles reading ease", true, 50.0),
        "de" => f("Amstad reading ease", true, 50.0),
        "es" => f("Szigriszt-Pazos perspicuity", true, 50.0),
        "it" => f("Gulpease index", true, 45.0),
        _ => return None,
    })
}

/// `text`'s figure by [`formula`]`(language)`; `None` when there is no formula for it or no
/// words.
pub fn score(text: &str, language: &str) -> Option<f64> {
    let lang = language.split('-').next().unwrap_or("");
    formula(lang)?;
    if lang == "en" {
        let r = measure(text);
        return (r.words > 0).then_some(r.grade);
    }
    let words: Vec<&str> = words(text).collect();
    if words.is_empty() {
        return None;
    }
    let w = words.len() as f64;
    let s = sentences(text).max(1) as f64;
    let syllables: usize = words.iter().map(|word| vowel_groups(word)).sum();
    let sy = syllables as f64;
    Some(match lang {
        "fr" => 207.0 - 1.015 * (w / s) - 73.6 * (sy / w),
        "de" => 180.0 - (w / s) - 58.5 * (sy / w),
        "es" => 206.835 - 62.3 * (sy / w) - (w / s),
        _ => {
            let letters = words
                .iter()
                .flat_map(|word| word.chars())
                .filter(|c| c.is_alphanumeric())
                .count() as f64;
            89.0 + (300.0 * s - 10.0 * letters) / w
        }
    })
}

/// Whether `figure` keeps to `formula`'s limit.
pub fn within(formula: &Formula, figure: f64) -> bool {
    if formula.higher_is_easier {
        figure >= formula.limit
    } else {
        figure <= formula.limit
    }
}

/// Sentences: runs of text ended by `.`, `!` or `?` (at least one when there are words).
fn sentences(text: &str) -> usize {
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
    sentences + usize::from(in_sentence)
}

/// Syllables of a word in a Romance or Germanic language other than English, estimated as
/// groups of vowels (accented ones included), with French's silent final `e`/`es`/`ent`.
fn vowel_groups(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let vowel = |c: char| "aeiouyàâäáéèêëíìîïóòôöúùûüœæ".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let text: String = w.iter().collect();
    if count > 1 && (text.ends_with('e') || text.ends_with("es") || text.ends_with("ent")) {
        // Only French drops these; elsewhere the estimate is one high at worst.
        let n = w.len();
        let before = if text.ends_with("ent") {
            n.saturating_sub(4)
        } else if text.ends_with("es") {
            n.saturating_sub(3)
        } else {
            n.saturating_sub(2)
        };
        if w.get(before).is_some_and(|c| !vowel(*c)) {
            count -= 1;
        }
    }
    count.max(1)
}

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
    let sentences = sentences(text);
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
    fn other_languages_have_their_own_scales() {
        let easy_fr = "Le chat dort. Il fait beau. Je lis un livre.";
        let hard_fr = "L'institutionnalisation internationale des mécanismes de responsabilité demeure considérablement insuffisante relativement aux engagements intergouvernementaux.";
        let (easy, hard) = (score(easy_fr, "fr").unwrap(), score(hard_fr, "fr").unwrap());
        assert!(easy > 80.0 && hard < 20.0, "{easy} {hard}");
        let it = score("Il gatto dorme. Oggi fa bello.", "it").unwrap();
        assert!(it > 70.0, "{it}");
        assert!(score("שלום רב", "he").is_none());
        assert!(formula("he").is_none());
        assert!(within(&formula("de").unwrap(), 60.0));
        assert!(!within(&formula("en").unwrap(), 12.0));
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
