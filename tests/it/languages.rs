//! Letters in the recipient's language: French for a deputy, German, Spanish and Italian for
//! MEPs from those countries, Hebrew for a Knesset member (imported); the salutation, the
//! sources and the one ask of each; the writer's words in another language; `--language`.

use crate::harness::{Test, sources};

/// The writer's own words, in the letter's language (so no reply-in-either-language line).
fn personal(language: &str) -> &'static str {
    match language {
        "fr" => {
            "Je suis infirmière à Lyon. Je ne peux pas accepter que des organes soient prélevés de force sur des prisonniers."
        }
        "de" => {
            "Ich bin Krankenpflegerin in Köln. Ich kann nicht hinnehmen, dass Gefangenen gewaltsam Organe entnommen werden."
        }
        "es" => {
            "Soy enfermera en Madrid. No puedo aceptar que a los presos les quiten los órganos por la fuerza."
        }
        "it" => {
            "Sono un'infermiera a Milano. Non posso accettare che ai prigionieri vengano tolti gli organi con la forza."
        }
        "he" => "אני אחות בתל אביב. אני לא יכולה לקבל שאיברים נלקחים בכוח מאסירים.",
        _ => "I am a transplant nurse. I cannot accept that anyone's organs are taken by force.",
    }
}

/// Imports the Knesset from the source data kept in the repository; returns the test (its
/// folder holds `knesset.yaml`).
fn with_knesset() -> Test {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "knesset"])
        .arg(sources().join("il-knesset/data").display().to_string())
        .args(["--as-of", "2025-06-01", "--out", "knesset.yaml"]);
    t.run().ok();
    t
}

/// One letter, printed, in the recipient's language.
fn letter(t: &mut Test, template: &str, to: &str, language: &str) -> String {
    let recipients = t.path("knesset.yaml");
    let mut args: Vec<String> = Vec::new();
    if recipients.exists() {
        args.extend(["--recipients".into(), recipients.display().to_string()]);
    }
    args.extend(
        [
            "write",
            "--template",
            template,
            "--to",
            to,
            "--set",
            &format!("personal={}", personal(language)),
            "--sender-name",
            "Zoë Example",
            "--sender-email",
            "zoe@example.org",
            "--sender-address",
            "12 Rue des Lilas",
            "--sender-address",
            "69001 Lyon",
            "--sender-country",
            "FR",
            "--no-input",
            "--stdout",
        ]
        .map(str::to_string),
    );
    if template == "thank-you" {
        let action = match language {
            "fr" => "votre question écrite à la Commission du 3 octobre",
            "de" => "Ihre Anfrage an die Kommission vom 3. Oktober",
            "es" => "su pregunta a la Comisión del 3 de octubre",
            "it" => "la sua interrogazione alla Commissione del 3 ottobre",
            "he" => "השאילתה ששלחת לשר החוץ ב-3 באוקטובר",
            _ => "your question to the Commission on 3 October",
        };
        args.extend(["--set".into(), format!("action={action}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = t.with(&args, &[]).run();
    out.ok();
    out.stdout.clone()
}

const FR_DEPUTE: &str = "fr-depute-alain-david";
const DE_MEP: &str = "eu-mep-1909-bernd-lange";
const ES_MEP: &str = "eu-mep-22418-esther-herranz-garcia";
const IT_MEP: &str = "eu-mep-2152-leoluca-orlando";
const MK: &str = "il-mk-bygdvr-lybrmn";

#[test]
fn golden_law_to_a_french_deputy() {
    insta::assert_snapshot!(letter(
        &mut Test::new(),
        "transplant-tourism-law",
        FR_DEPUTE,
        "fr"
    ));
}

#[test]
fn golden_law_to_a_german_mep() {
    insta::assert_snapshot!(letter(
        &mut Test::new(),
        "transplant-tourism-law",
        DE_MEP,
        "de"
    ));
}

#[test]
fn golden_investigation_to_a_spanish_mep() {
    insta::assert_snapshot!(letter(&mut Test::new(), "un-investigation", ES_MEP, "es"));
}

#[test]
fn golden_thank_you_to_an_italian_mep() {
    insta::assert_snapshot!(letter(&mut Test::new(), "thank-you", IT_MEP, "it"));
}

#[test]
fn golden_law_to_a_knesset_member() {
    insta::assert_snapshot!(letter(
        &mut with_knesset(),
        "transplant-tourism-law",
        MK,
        "he"
    ));
}

/// Every built-in translation, to a recipient of its language: the salutation and sources
/// heading of that language, a source cited, and exactly one ask (the question repeated at
/// the end is the same one).
#[test]
fn each_language_greets_cites_and_asks_once() {
    let mut knesset = with_knesset();
    for (language, to, greeting, heading) in [
        ("fr", FR_DEPUTE, "Monsieur le Député", "Sources"),
        ("de", DE_MEP, "Sehr geehrter Herr", "Quellen"),
        ("es", ES_MEP, "Señoría", "Fuentes"),
        ("it", IT_MEP, "Onorevole", "Fonti"),
        ("he", MK, "חבר הכנסת", "מקורות"),
    ] {
        for template in ["transplant-tourism-law", "un-investigation", "thank-you"] {
            let text = letter(&mut knesset, template, to, language);
            assert!(text.contains(greeting), "{template} in {language}: {text}");
            assert!(
                text.contains(&format!("\n{heading}\n[1] ")),
                "{template} in {language}: {text}"
            );
            assert!(text.contains("[1]"), "{template} in {language}: {text}");
            assert!(!text.contains("Dear "), "{template} in {language}: {text}");
            // One ask: its question, and no other question in the template text.
            let questions = text
                .split_inclusive(['?', '؟'])
                .filter(|s| s.trim_end().ends_with('?'))
                .count();
            assert!(
                (1..=2).contains(&questions),
                "{template} in {language}: {questions} questions\n{text}"
            );
        }
    }
}

#[test]
fn words_in_another_language_are_kept_with_a_reply_line() {
    let out = Test::new()
        .args(["write", "--template", "transplant-tourism-law", "--to", FR_DEPUTE, "--set"])
        .arg("personal=I am a transplant nurse in Lyon. I cannot accept that anyone's organs are taken by force.")
        .sender()
        .args(["--no-input", "--stdout"])
        .run();
    out.ok()
        .stderr_has("note: your own words are in English, the letter is in French")
        .stdout_has("I am a transplant nurse in Lyon.")
        .stdout_has("anglais");
}

#[test]
fn the_language_flag_overrides_and_is_checked() {
    let english = Test::new()
        .args([
            "write",
            "--template",
            "transplant-tourism-law",
            "--to",
            FR_DEPUTE,
            "--language",
            "en",
            "--set",
        ])
        .arg(format!("personal={}", personal("en")))
        .sender()
        .args(["--no-input", "--stdout"])
        .run();
    english.ok().stdout_has("Dear Mr David");
    let out = Test::new()
        .args([
            "write",
            "--template",
            "chase",
            "--to",
            FR_DEPUTE,
            "--language",
            "fr",
            "--no-input",
        ])
        .sender()
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.stderr_has("error: template `chase` is not written in `fr`");
}

#[test]
fn templates_list_names_the_languages() {
    let out = Test::new().args(["templates", "list", "--json"]).run();
    out.ok();
    let list: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    for id in ["transplant-tourism-law", "un-investigation", "thank-you"] {
        let t = list.iter().find(|t| t["id"] == id).unwrap();
        let languages: Vec<&str> = t["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        for l in ["en", "fr", "de", "es", "it", "he"] {
            assert!(languages.contains(&l), "{id}: {languages:?}");
        }
    }
}
