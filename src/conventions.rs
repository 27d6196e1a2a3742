//! Letter-writing conventions that depend on who the letter is to: the salutation, the
//! sign-off, how dates are written, and the name as written on an envelope.
//!
//! Letters, templates (through their helpers) and every renderer use these, so a letter says
//! "Dear Senator Warren" and "Sincerely," the same way in every format. May import:
//! [`crate::error`], [`crate::support`], [`crate::data::recipients`].

use crate::data::recipients::Recipient;
use crate::support::i18n::{self, Arg};

/// How a date is written: "28 November 2026" (`Long`), "November 28, 2026" (`Us`) or
/// "2026-11-28" (`Iso`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day month year, British and international usage.
    Long,
    /// Month day, year: American usage.
    Us,
    /// ISO 8601.
    Iso,
}

impl DateStyle {
    /// The style for a style name used in templates (`long`, `us`, `iso`); unknown → `Long`.
    pub fn from_name(name: &str) -> DateStyle {
        match name {
            "us" => DateStyle::Us,
            "iso" => DateStyle::Iso,
            _ => DateStyle::Long,
        }
    }

    /// The style for letters from a writer in `country` (ISO code): US writers date the
    /// American way, everyone else day-month-year.
    pub fn for_country(country: Option<&str>) -> DateStyle {
        if country == Some("US") {
            DateStyle::Us
        } else {
            DateStyle::Long
        }
    }
}

/// A date written in `style`.
pub fn format_date(date: jiff::civil::Date, style: DateStyle) -> String {
    match style {
        DateStyle::Us => date.strftime("%B %-d, %Y").to_string(),
        DateStyle::Iso => date.to_string(),
        DateStyle::Long => date.strftime("%-d %B %Y").to_string(),
    }
}

/// The language a letter to `r` is written in, before it is matched with the languages the
/// template exists in: the record's own `language` if it has one; else by where they sit:
///
/// | recipient | language |
/// |---|---|
/// | anyone in France (Assemblée nationale, government) | `fr` |
/// | anyone in Germany or Austria | `de` |
/// | anyone in Spain | `es` |
/// | anyone in Italy | `it` |
/// | anyone in Israel (the Knesset) | `he` |
/// | anyone else, including MEPs from Belgium, Luxembourg and other member states | `en` |
///
/// MEPs count by their member state (the `country` of their record). Belgium, Luxembourg
/// and Switzerland have several official languages and the data does not say which one a
/// member uses, so they get English unless their record names a `language`.
pub fn letter_language(r: &Recipient) -> &str {
    if let Some(l) = r.language.as_deref().filter(|l| !l.is_empty()) {
        return l;
    }
    match r.country.as_str() {
        "FR" => "fr",
        "DE" | "AT" => "de",
        "ES" => "es",
        "IT" => "it",
        "IL" => "he",
        _ => "en",
    }
}

/// What a language's catalogue selects a salutation by: `role`, `gender`, `named`, and the
/// name parts (`family`, `given`, `name`, `title` with a trailing space or empty). See
/// `i18n/letters/README.md` for the contract.
fn letter_args(r: &Recipient) -> Vec<(&'static str, Arg<'_>)> {
    let role = match r.body.as_str() {
        "eu-parliament" => "mep",
        "government" => "minister",
        b if crate::data::recipients::is_legislature(b) => "legislator",
        _ => "other",
    };
    let honorific = r.honorific.as_deref().unwrap_or("").trim_end_matches('.');
    let gender = match r.gender.as_deref() {
        Some(g @ ("female" | "male")) => g,
        _ => match honorific.to_lowercase().as_str() {
            "mr" | "m" | "sir" | "herr" | "sr" | "sig" | "lord" => "male",
            "mrs" | "ms" | "miss" | "mme" | "mlle" | "dame" | "frau" | "sra" | "baroness"
            | "lady" => "female",
            _ => "unknown",
        },
    };
    let title = match honorific.to_lowercase().as_str() {
        "dr" => "Dr. ",
        "prof" | "professor" => "Prof. ",
        _ => "",
    };
    let family = r.family_name.as_deref().unwrap_or("").trim();
    vec![
        ("role", Arg::Str(role)),
        ("gender", Arg::Str(gender)),
        (
            "named",
            Arg::Str(if family.is_empty() { "no" } else { "yes" }),
        ),
        ("family", Arg::Str(family)),
        (
            "given",
            Arg::Str(r.given_name.as_deref().unwrap_or("").trim()),
        ),
        ("name", Arg::Str(r.name.trim())),
        ("title", Arg::Str(title)),
    ]
}

/// [`salutation`] in `language`: English by its rules, another language from its letter
/// catalogue (`i18n/letters/LANG.ftl`, message `salutation`); `None` for a language outcry
/// has no catalogue for.
pub fn salutation_in(r: &Recipient, language: &str) -> Option<String> {
    if language == "en" {
        return Some(salutation(r));
    }
    i18n::letters(language)?.format("salutation", &letter_args(r))
}

/// [`signoff`] in `language` (message `signoff`), like [`salutation_in`].
pub fn signoff_in(r: &Recipient, language: &str) -> Option<String> {
    if language == "en" {
        return Some(signoff(r).to_string());
    }
    i18n::letters(language)?.format("signoff", &letter_args(r))
}

/// A date as letters in `language` write it (message `date`); English in `style`.
pub fn format_date_in(date: jiff::civil::Date, language: &str, style: DateStyle) -> String {
    if language != "en"
        && let Some(text) = i18n::letters(language).and_then(|c| {
            c.format(
                "date",
                &[
                    ("day", Arg::Num(i64::from(date.day()))),
                    ("month", Arg::Num(i64::from(date.month()))),
                    ("year", Arg::Num(i64::from(date.year()))),
                ],
            )
        })
    {
        return text;
    }
    format_date(date, style)
}

/// A word outcry puts into a letter's layout in `language`: `subject-label` ("Subject:", with the punctuation the language puts after it),
/// `sources-heading` ("Sources"); the English word when there is no translation.
pub fn label(language: &str, id: &str) -> String {
    if language != "en"
        && let Some(text) = i18n::letters(language).and_then(|c| c.format(id, &[]))
    {
        return text;
    }
    match id {
        "subject-label" => "Subject:",
        "sources-heading" => "Sources",
        other => other,
    }
    .to_string()
}

/// The line added after the writer's own words when they wrote in another language than the
/// letter's (`writer` and `letter` are language tags): a sentence in the letter's language
/// inviting a reply in either (message `reply-either-language`, with the writer's language
/// named by message `language-WRITER`). `None` when the catalogue cannot say it.
pub fn reply_either_language(letter: &str, writer: &str) -> Option<String> {
    let c = i18n::letters(letter)?;
    let name = c.format(&format!("language-{writer}"), &[])?;
    c.format(
        "reply-either-language",
        &[("writer_language", Arg::Str(&name))],
    )
}

/// How a letter greets its recipient, from the record's name parts and office, never from a
/// display string:
///
/// | recipient | salutation |
/// |---|---|
/// | an explicit `salutation` in the record | as written ("Dear Editor") |
/// | US senator, representative, delegate, resident commissioner, state legislator | "Dear Senator Warren", "Dear Delegate Norton", "Dear Assemblymember Lee" |
/// | knight or dame (honorific Sir/Dame) | "Dear Sir Keir", "Dear Dame Meg" |
/// | honorific Mr/Mrs/Ms/Miss/Dr/Professor and a family name | "Dear Mr Baker" |
/// | a peer (House of Lords) | "Dear Lord Alton", "Dear Baroness Finlay" (the title as recorded) |
/// | newspapers and editors without a salutation | "Dear Editor" |
/// | anyone else | "Dear Alex Baker" (the name, without letters after it) |
///
/// US titles follow the chambers' usage: "Delegate" for the DC and territory delegates and the
/// Maryland, Virginia and West Virginia lower houses; "Assemblymember" for California, New York,
/// Nevada, New Jersey and Wisconsin (see `data::recipients::us_lower_house_title`).
pub fn salutation(r: &Recipient) -> String {
    if let Some(s) = &r.salutation {
        return s.clone();
    }
    let family = r.family_name.as_deref().filter(|f| !f.trim().is_empty());
    let given = r.given_name.as_deref().filter(|g| !g.trim().is_empty());
    let honorific = r.honorific.as_deref().filter(|h| !h.trim().is_empty());
    let office = match r.body.as_str() {
        "us-senate" | "us-state-upper" => Some("Senator"),
        "us-house" => Some(honorific.unwrap_or("Representative")),
        "us-state-lower" => Some(crate::data::recipients::us_lower_house_title(
            r.region.as_deref().unwrap_or(""),
        )),
        _ => None,
    };
    if let (Some(office), Some(f)) = (office, family) {
        return format!("Dear {office} {f}");
    }
    match (honorific, given, family) {
        (Some(h @ ("Sir" | "Dame")), Some(g), _) => format!("Dear {h} {g}"),
        (Some(h), _, Some(f)) if r.body != "uk-lords" => format!("Dear {h} {f}"),
        _ if r.body == "uk-lords" => format!("Dear {}", lords_short_title(&r.name)),
        _ if r.body == "media" => "Dear Editor".into(),
        _ => format!("Dear {}", r.name),
    }
}

/// How the staff of an office refer to the person they work for, for a call script: "the
/// Senator", "the Representative", "the Delegate", "the Assemblymember", "the MP", "the MEP";
/// `None` when there is no such title.
pub fn office_title(r: &Recipient) -> Option<String> {
    let title = match r.body.as_str() {
        "us-senate" | "us-state-upper" => "Senator".to_string(),
        "us-house" => r
            .honorific
            .clone()
            .unwrap_or_else(|| "Representative".into()),
        "us-state-lower" => {
            crate::data::recipients::us_lower_house_title(r.region.as_deref().unwrap_or(""))
                .to_string()
        }
        "uk-commons" => "MP".into(),
        "eu-parliament" => "MEP".into(),
        "uk-lords" => return Some(lords_short_title(&r.name)),
        _ => return None,
    };
    Some(format!("the {title}"))
}

/// "Lord Alton of Liverpool" → "Lord Alton"; "The Rt Hon. the Baroness Finlay of Llandaff" →
/// "Baroness Finlay": a peer is greeted by rank and title without the territorial part.
fn lords_short_title(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while let Some(first) = words.first() {
        let w = first.trim_end_matches('.').to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "the" | "rt" | "hon" | "right" | "honourable" | "most" | "rev" | "revd"
        ) {
            words.remove(0);
        } else {
            break;
        }
    }
    let cut = words.iter().position(|w| *w == "of").unwrap_or(words.len());
    words[..cut].join(" ")
}

/// "Sincerely," for American recipients; "Yours faithfully," after "Dear Sir or Madam";
/// "Yours sincerely," otherwise.
pub fn signoff(r: &Recipient) -> &'static str {
    if salutation(r) == "Dear Sir or Madam" {
        "Yours faithfully,"
    } else if r.country == "US" {
        "Sincerely,"
    } else {
        "Yours sincerely,"
    }
}

/// The writer's town, for "I live in ...": the last address line without a trailing UK
/// postcode or US ZIP code ("Springfield, MA 01101" → "Springfield, MA"; "Leeds LS1 1AA" →
/// "Leeds"). Empty when there is no address.
pub fn town(address: &[String]) -> String {
    let Some(last) = address.last() else {
        return String::new();
    };
    let mut words: Vec<&str> = last.split_whitespace().collect();
    // Continental Europe puts the postcode first: "75001 Paris", "10115 Berlin", "D-10115
    // Berlin", "1010 Wien".
    let is_leading_code = |w: &str| {
        let digits = w.rsplit_once('-').map_or(w, |(prefix, d)| {
            if prefix.len() <= 2 && prefix.chars().all(|c| c.is_ascii_uppercase()) {
                d
            } else {
                w
            }
        });
        (4..=5).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
    };
    if words.len() > 1 && is_leading_code(words[0]) {
        words.remove(0);
    }
    let is_zip = |w: &str| {
        let digits: String = w.chars().filter(|c| *c != '-').collect();
        (digits.len() == 5 || digits.len() == 9) && digits.chars().all(|c| c.is_ascii_digit())
    };
    let is_inward = |w: &str| {
        let c: Vec<char> = w.chars().collect();
        c.len() == 3
            && c[0].is_ascii_digit()
            && c[1].is_ascii_alphabetic()
            && c[2].is_ascii_alphabetic()
    };
    let is_canadian = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        a.len() == 3
            && b.len() == 3
            && a[0].is_ascii_alphabetic()
            && a[1].is_ascii_digit()
            && a[2].is_ascii_alphabetic()
            && b[0].is_ascii_digit()
            && b[1].is_ascii_alphabetic()
            && b[2].is_ascii_digit()
    };
    let is_outward = |w: &str| {
        let c: Vec<char> = w.chars().collect();
        (2..=4).contains(&c.len())
            && c[0].is_ascii_alphabetic()
            && c.iter().any(|c| c.is_ascii_digit())
            && c.iter().all(|c| c.is_ascii_alphanumeric())
    };
    let n = words.len();
    if words.last().is_some_and(|w| is_zip(w)) {
        words.pop();
    } else if n >= 2
        && (is_canadian(words[n - 2], words[n - 1])
            || (is_inward(words[n - 1]) && is_outward(words[n - 2])))
    {
        words.truncate(n - 2);
    }
    let town = words.join(" ");
    let town = town.trim_end_matches(',').trim();
    if town.is_empty() {
        last.trim().to_string()
    } else {
        town.to_string()
    }
}

/// Whether the writer can call themselves the recipient's constituent, as far as their address
/// shows it: a US senator or state legislator of the state in the writer's address ("Springfield,
/// MA 01101"), or the House member of the district the writer's ZIP code lies in (when the ZIP
/// is in only that district). Everywhere else outcry cannot tell, so letters just say where the
/// writer lives.
pub fn is_constituent(r: &Recipient, address: &[String]) -> bool {
    let Some((state, zip)) = us_state_and_zip(address) else {
        return false;
    };
    let region = r
        .region
        .as_deref()
        .and_then(crate::data::import::us_state_code);
    match r.body.as_str() {
        "us-senate" | "us-state-upper" | "us-state-lower" => region == Some(state),
        "us-house" => {
            let Some(zip) = zip else { return false };
            let seats = crate::data::recipients::find::zip_districts(&zip).unwrap_or_default();
            let district = r
                .district
                .as_deref()
                .and_then(|d| d.trim().parse::<u32>().ok());
            seats.len() == 1
                && region == Some(seats[0].0.as_str())
                && district.unwrap_or(0) == seats[0].1
        }
        _ => false,
    }
}

/// The state code and five-digit ZIP of a US address's last line ("Springfield, MA 01101").
fn us_state_and_zip(address: &[String]) -> Option<(&'static str, Option<String>)> {
    let last = address.last()?;
    let words: Vec<&str> = last
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let zip = words
        .last()
        .map(|w| w.chars().take(5).collect::<String>())
        .filter(|z| z.len() == 5 && z.chars().all(|c| c.is_ascii_digit()));
    let state_word = if zip.is_some() {
        words.get(words.len().checked_sub(2)?)?
    } else {
        words.last()?
    };
    if state_word.len() != 2 {
        return None;
    }
    crate::data::import::us_state_code(state_word).map(|s| (s, zip))
}

/// "3 January 2027" → "January 3, 2027": day-month-year dates in outcry's own text written the
/// American way.
fn us_dates(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if i + 2 < words.len() {
            let day = words[i];
            let month = words[i + 1];
            let year = words[i + 2];
            let year_digits: String = year.chars().take_while(char::is_ascii_digit).collect();
            if day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
                && MONTHS.contains(&month)
                && year_digits.len() == 4
            {
                let rest = &year[year_digits.len()..];
                out.push(format!("{month} {day}, {year_digits}{rest}"));
                i += 3;
                continue;
            }
        }
        out.push(words[i].to_string());
        i += 1;
    }
    out.join(" ")
}

/// British spellings in outcry's own text turned American, for US recipients (the writer's own
/// words are never changed). A fixed list of the words the templates and campaign data use.
pub fn us_spelling(text: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("organisation", "organization"),
        ("Organisation", "Organization"),
        ("recognise", "recognize"),
        ("recognised", "recognized"),
        ("criticise", "criticize"),
        ("authorise", "authorize"),
        ("authorised", "authorized"),
        ("prioritise", "prioritize"),
        ("emphasise", "emphasize"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("centre", "center"),
        ("labour", "labor"),
        ("honour", "honor"),
        ("favour", "favor"),
        ("behaviour", "behavior"),
        ("defence", "defense"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("licence", "license"),
        ("judgement", "judgment"),
        ("practise", "practice"),
        ("practised", "practiced"),
        ("travelling", "traveling"),
        ("travelled", "traveled"),
        ("counsellor", "counselor"),
        ("analyse", "analyze"),
    ];
    let text = us_dates(text);
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match PAIRS.iter().find(|(uk, _)| *uk == word.as_str()) {
            Some((_, us)) => out.push_str(us),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The name as written on an envelope: "Senator Elizabeth Warren", "Alex Baker MP",
/// "Sir Keir Starmer MP".
pub fn address_name(r: &Recipient) -> String {
    let mut name = match &r.honorific {
        Some(h) if matches!(h.as_str(), "Sir" | "Dame" | "Dr") => format!("{h} {}", r.name),
        Some(h) if r.family_name.is_some() && r.country == "US" => format!("{h} {}", r.name),
        _ => r.name.to_string(),
    };
    if let Some(p) = &r.post_nominal {
        name = format!("{name} {p}");
    }
    name
}

/// One line describing a recipient in lists: "Senator Elizabeth Warren — United States
/// Senator for Massachusetts, Democrat".
pub fn describe(r: &Recipient) -> String {
    let mut parts = Vec::new();
    if let Some(role) = &r.role {
        parts.push(role.clone());
    }
    if let Some(org) = &r.organisation {
        parts.push(org.clone());
    }
    if let Some(party) = &r.party {
        parts.push(party.clone());
    }
    format!("{} — {}", address_name(r), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_lose_their_postcodes() {
        let t = |s: &str| town(&[s.to_string()]);
        assert_eq!(t("Springfield, MA 01101"), "Springfield, MA");
        assert_eq!(t("Leeds LS1 1AA"), "Leeds");
        assert_eq!(t("London SW1A 0AA"), "London");
        assert_eq!(t("Chicago, IL 60614-1234"), "Chicago, IL");
        assert_eq!(t("Aldershot"), "Aldershot");
        assert_eq!(t("Toronto ON M5V 1A1"), "Toronto ON");
        assert_eq!(t("75001 Paris"), "Paris");
        assert_eq!(t("D-10115 Berlin"), "Berlin");
        assert_eq!(t("1010 Wien"), "Wien");
        assert_eq!(t("28013"), "28013");
    }

    /// Every letter catalogue has the messages `i18n/README.md` lists (English only the line
    /// after the writer's words and the language names), and each formats for every role,
    /// gender and naming.
    #[test]
    fn letter_catalogues_are_complete() {
        let names = [
            "language-en",
            "language-fr",
            "language-de",
            "language-es",
            "language-it",
            "language-he",
            "language-zh",
            "language-ar",
            "language-ru",
        ];
        for language in crate::support::i18n::letter_languages() {
            let c = crate::support::i18n::letters(language).expect("parses");
            let mut needed = vec!["reply-either-language"];
            needed.extend(names);
            if language != "en" {
                needed.extend([
                    "salutation",
                    "signoff",
                    "subject-label",
                    "sources-heading",
                    "date",
                ]);
            }
            for id in needed {
                assert!(c.has(id), "i18n/letters/{language}.ftl lacks `{id}`");
            }
            if language == "en" {
                continue;
            }
            for body in ["legislature", "eu-parliament", "government", "media"] {
                for (honorific, gender) in [
                    ("Mrs", None),
                    ("Mr", None),
                    ("", None),
                    ("", Some("female")),
                ] {
                    for family in ["Sample", ""] {
                        let r = Recipient::from(crate::data::recipients::RecipientFields {
                            name: "Sam Sample".into(),
                            family_name: Some(family.into()),
                            honorific: Some(honorific.into()),
                            gender: gender.map(str::to_string),
                            body: body.into(),
                            country: "FR".into(),
                            ..Default::default()
                        });
                        let s = salutation_in(&r, language).unwrap_or_default();
                        let o = signoff_in(&r, language).unwrap_or_default();
                        assert!(
                            !s.trim().is_empty() && !o.trim().is_empty(),
                            "{language} {body} {honorific} {family}"
                        );
                        assert!(
                            !s.contains("{") && !o.contains("{"),
                            "{language}: {s} / {o}"
                        );
                    }
                }
            }
            let d = format_date_in(jiff::civil::date(2026, 11, 29), language, DateStyle::Long);
            assert!(d.contains("29") && d.contains("2026"), "{language}: {d}");
        }
        assert!(
            reply_either_language("en", "zh")
                .unwrap()
                .contains("Chinese")
        );
    }

    #[test]
    fn letter_languages_by_record_and_country() {
        let mut r = Recipient::from(crate::data::recipients::RecipientFields {
            body: "legislature".into(),
            country: "FR".into(),
            ..Default::default()
        });
        assert_eq!(letter_language(&r), "fr");
        r.country = "AT".into();
        assert_eq!(letter_language(&r), "de");
        r.country = "BE".into();
        assert_eq!(letter_language(&r), "en");
        r.language = Some("nl".into());
        assert_eq!(letter_language(&r), "nl");
        r.country = "IL".into();
        r.language = None;
        assert_eq!(letter_language(&r), "he");
    }

    #[test]
    fn constituents_by_state_and_zip() {
        let senator = Recipient::from(crate::data::recipients::RecipientFields {
            body: "us-senate".into(),
            country: "US".into(),
            region: Some("MA".into()),
            ..Default::default()
        });
        let here = [
            "12 Elm Street".to_string(),
            "Springfield, MA 01101".to_string(),
        ];
        let there = ["1 Main St".to_string(), "Austin, TX 78701".to_string()];
        assert!(is_constituent(&senator, &here));
        assert!(!is_constituent(&senator, &there));
        let mp = Recipient::from(crate::data::recipients::RecipientFields {
            body: "uk-commons".into(),
            country: "GB".into(),
            ..Default::default()
        });
        assert!(!is_constituent(&mp, &["Leeds LS1 1AA".to_string()]));
    }

    #[test]
    fn us_dates() {
        assert_eq!(
            us_spelling("lapse on 3 January 2027. In May 2025"),
            "lapse on January 3, 2027. In May 2025"
        );
    }

    #[test]
    fn us_spelling_changes_only_listed_words() {
        assert_eq!(
            us_spelling("The organisation's programme, in my own words: colour."),
            "The organization's program, in my own words: colour."
        );
    }

    #[test]
    fn peers_by_rank_and_title() {
        assert_eq!(lords_short_title("Lord Alton of Liverpool"), "Lord Alton");
        assert_eq!(
            lords_short_title("The Baroness Finlay of Llandaff"),
            "Baroness Finlay"
        );
    }
}
