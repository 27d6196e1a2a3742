//! Message catalogues: the words outcry itself puts into letters in other languages
//! (salutations, sign-offs, dates, labels) and the wizard's words in the writer's language.
//!
//! Catalogues are [Project Fluent](https://projectfluent.org) files compiled into the binary:
//! `i18n/letters/LANG.ftl` (one per letter language; English letters use
//! [`crate::conventions`]' rules instead) and `i18n/ui/LANG.ftl` (the wizard; `en` is the
//! reference and the fallback for any message a translation lacks). Formatting uses the
//! `fluent-bundle` crate with Unicode isolation marks turned off (they would be invisible
//! characters in a letter or on a terminal).
//!
//! The wizard's language is chosen once per process ([`set_ui_language`]): `--ui-language`,
//! else the POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; read in [`crate::support::env`]),
//! else English. Error messages are not translated here: they keep their stable English
//! form (scripts read them in `--json` output).
//!
//! May import: [`crate::error`], [`crate::support::env`].

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The letters' catalogues compiled in: (language tag, Fluent source).
const LETTER_CATALOGUES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/letter_catalogues.rs"));

/// The wizard's catalogues compiled in: (language tag, Fluent source).
const UI_CATALOGUES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/ui_catalogues.rs"));

/// An argument of a message: a string or a number (numbers select Fluent variants such as
/// `[11]` or plural categories).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text, e.g. a name.
    Str(&'a str),
    /// A whole number, e.g. a month (1-12) or a count.
    Num(i64),
}

/// One language's catalogue, parsed.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// Parses a Fluent source for language `tag`. Errors: the tag is not a language tag, or
    /// the source has syntax errors (each given as its line and the offending text).
    pub fn parse(tag: &str, source: &str) -> std::result::Result<Catalogue, String> {
        let lang: LanguageIdentifier = tag
            .parse()
            .map_err(|_| format!("`{tag}` is not a language tag"))?;
        let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
            errors
                .iter()
                .map(|e| {
                    let line = source[..e.pos.start.min(source.len())]
                        .matches('\n')
                        .count()
                        + 1;
                    format!("line {line}: {:?}", e.kind)
                })
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|e| format!("{} duplicate or invalid message(s)", e.len()))?;
        Ok(Catalogue { bundle })
    }

    /// Whether the catalogue has message `id` with a value.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// Message `id` formatted with `args`; `None` when there is no such message or it does
    /// not format cleanly (a missing argument, an unknown variant).
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// Parses a table of compiled-in catalogues; a catalogue that does not parse is a bug in
/// outcry (a test parses every one), so it is left out rather than stopping a letter.
fn parse_all(table: &[(&str, &str)]) -> HashMap<String, Catalogue> {
    table
        .iter()
        .filter_map(|(tag, source)| Some((tag.to_string(), Catalogue::parse(tag, source).ok()?)))
        .collect()
}

/// The compiled-in catalogues, as (language tag, Fluent source), for checks and tests:
/// `letters` for letters, else the wizard's.
pub fn sources(letters: bool) -> &'static [(&'static str, &'static str)] {
    if letters {
        LETTER_CATALOGUES
    } else {
        UI_CATALOGUES
    }
}

/// The letters' catalogue for language `tag` (`fr`, `de`, ...), if outcry has one.
pub fn letters(tag: &str) -> Option<&'static Catalogue> {
    static ALL: OnceLock<HashMap<String, Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| parse_all(LETTER_CATALOGUES)).get(tag)
}

/// The languages letters can be written in besides English, as language tags, sorted.
pub fn letter_languages() -> Vec<&'static str> {
    LETTER_CATALOGUES.iter().map(|(tag, _)| *tag).collect()
}

fn ui_catalogues() -> &'static HashMap<String, Catalogue> {
    static ALL: OnceLock<HashMap<String, Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| parse_all(UI_CATALOGUES))
}

/// The wizard's languages, as language tags (`en`, `zh-CN`, ...), sorted.
pub fn ui_languages() -> Vec<&'static str> {
    UI_CATALOGUES.iter().map(|(tag, _)| *tag).collect()
}

static UI_LANGUAGE: OnceLock<String> = OnceLock::new();

/// Chooses the wizard's language for this process (the first call wins): `explicit`
/// (`--ui-language`) if given, else the POSIX locale, matched to the catalogues outcry has
/// ([`match_ui_language`]); English when nothing matches. Returns the tag chosen.
pub fn set_ui_language(explicit: Option<&str>) -> &'static str {
    UI_LANGUAGE.get_or_init(|| {
        explicit
            .or(crate::support::env::get().locale.as_deref())
            .and_then(match_ui_language)
            .unwrap_or("en")
            .to_string()
    })
}

/// The wizard's language for this process (English until [`set_ui_language`] is called).
pub fn ui_language() -> &'static str {
    UI_LANGUAGE.get().map(String::as_str).unwrap_or("en")
}

/// The wizard catalogue that fits a locale or tag such as `zh_CN.UTF-8`, `zh-Hans`, `zh`,
/// `en_GB`: an exact match of language and region first, then Chinese script rules
/// (`zh-TW`/`zh-HK`/`zh-Hant` → `zh-TW`, other `zh` → `zh-CN`), then the language alone.
pub fn match_ui_language(locale: &str) -> Option<&'static str> {
    let tag = locale
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    let have = ui_languages();
    let lower = tag.to_ascii_lowercase();
    if let Some(t) = have.iter().find(|t| t.to_ascii_lowercase() == lower) {
        return Some(t);
    }
    let mut parts = lower.split('-');
    let lang = parts.next().unwrap_or("");
    if lang == "zh" {
        let rest: Vec<&str> = parts.collect();
        let traditional = rest
            .iter()
            .any(|p| matches!(*p, "tw" | "hk" | "mo" | "hant"));
        let want = if traditional { "zh-TW" } else { "zh-CN" };
        if let Some(t) = have.iter().find(|t| **t == want) {
            return Some(t);
        }
    }
    have.iter()
        .find(|t| t.split('-').next() == Some(lang))
        .copied()
}

/// The wizard's message `id` in the chosen language, with `args`; the English message when
/// the translation lacks it; the id itself when English lacks it too (a test checks that every
/// id used exists in English).
pub fn ui(id: &str, args: &[(&str, Arg)]) -> String {
    let all = ui_catalogues();
    all.get(ui_language())
        .and_then(|c| c.format(id, args))
        .or_else(|| all.get("en").and_then(|c| c.format(id, args)))
        .unwrap_or_else(|| id.to_string())
}

/// Message `id` in the wizard's language when that language is not English and its
/// catalogue has it; else `fallback` (for a template's title, question or choice, whose own
/// English text is authoritative: the user may have changed it).
pub fn ui_or(id: &str, fallback: &str) -> String {
    let language = ui_language();
    if language == "en" {
        return fallback.to_string();
    }
    ui_catalogues()
        .get(language)
        .and_then(|c| c.format(id, &[]))
        .unwrap_or_else(|| fallback.to_string())
}

/// [`ui`] with no arguments.
pub fn t(id: &str) -> String {
    ui(id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_selectors_and_numbers() {
        let c = Catalogue::parse(
            "fr",
            "hello = Bonjour { $name }\nmonth = { $m ->\n    [1] janvier\n   *[other] ?\n}\n",
        )
        .unwrap();
        assert_eq!(
            c.format("hello", &[("name", Arg::Str("Ann"))]).as_deref(),
            Some("Bonjour Ann")
        );
        assert_eq!(
            c.format("month", &[("m", Arg::Num(1))]).as_deref(),
            Some("janvier")
        );
        assert!(c.format("missing", &[]).is_none());
        assert!(Catalogue::parse("fr", "bad = {").is_err());
    }

    /// The message ids the code asks for: the string literal after `t(` or `ui(`.
    fn ids_used(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ids_used(&path, out);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in ["t(\"", "ui(\""] {
                let mut rest = text.as_str();
                while let Some(i) = rest.find(call) {
                    let before = rest[..i].chars().last();
                    rest = &rest[i + call.len()..];
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let id: String = rest.chars().take_while(|c| *c != '"').collect();
                    // Message ids are lower-case words joined by dashes.
                    let is_id = id.contains('-')
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_id {
                        out.push((id, path.display().to_string()));
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_the_code_uses_is_in_english() {
        let english = parse_all(UI_CATALOGUES)
            .remove("en")
            .expect("i18n/ui/en.ftl");
        let mut used = Vec::new();
        ids_used(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut used,
        );
        assert!(used.len() > 5, "{used:?}");
        for (id, file) in used {
            assert!(
                english.has(&id),
                "{file} uses message `{id}`, which i18n/ui/en.ftl lacks"
            );
        }
    }

    #[test]
    fn translations_have_no_message_english_lacks() {
        let all = parse_all(UI_CATALOGUES);
        let english = all.get("en").expect("i18n/ui/en.ftl");
        for (tag, source) in UI_CATALOGUES.iter().filter(|(t, _)| *t != "en") {
            let resource = FluentResource::try_new(source.to_string()).unwrap();
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(
                        english.has(m.id.name),
                        "i18n/ui/{tag}.ftl has `{}`, which en.ftl lacks (renamed or removed?)",
                        m.id.name
                    );
                }
            }
        }
    }

    #[test]
    fn locales_match_catalogues() {
        assert_eq!(match_ui_language("en_GB.UTF-8"), Some("en"));
        if ui_languages().contains(&"zh-CN") {
            assert_eq!(match_ui_language("zh_CN.UTF-8"), Some("zh-CN"));
            assert_eq!(match_ui_language("zh"), Some("zh-CN"));
            assert_eq!(match_ui_language("zh-Hans"), Some("zh-CN"));
        }
        assert_eq!(match_ui_language("xx_YY"), None);
    }

    #[test]
    fn compiled_in_catalogues_parse() {
        for letters in [true, false] {
            for (tag, source) in sources(letters) {
                if let Err(e) = Catalogue::parse(tag, source) {
                    panic!("catalogue {tag} (letters: {letters}): {e}");
                }
            }
        }
    }
}
