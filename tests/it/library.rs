//! The letter library: every template renders for every audience it declares, one golden
//! letter per template, no overstatement, and the own-words check.

use crate::harness::Test;

const OTHERS: &str = "\
- id: the-editor
  name: The Letters Editor
  salutation: Dear Editor
  organisation: The Example Gazette
  body: media
  country: GB
  contact: {email: letters@example.org}
- id: acme-air
  name: Customer Relations
  salutation: Dear Sir or Madam
  organisation: Acme Airways
  body: company
  country: US
  contact: {postal: [1 Runway Road, 'Dallas, TX 75201']}
- id: health-minister
  name: Jo Smith
  honorific: Minister
  family_name: Smith
  role: Minister of Health
  body: government
  country: AU
  contact: {postal: [Parliament House, Canberra ACT 2600]}
- id: journal-editor
  name: Dr Lee Park
  honorific: Dr
  family_name: Park
  role: Editor-in-Chief
  organisation: Journal of Examples
  body: medical
  country: GB
  contact: {email: editor@example.org}
- id: other-person
  name: Sam Other
  body: other
  country: NZ
  contact: {email: sam@example.org}
- id: mep-example
  name: Eva Example
  post_nominal: MEP
  body: eu-parliament
  country: BE
  contact: {email: eva@example.org}
- id: state-senator
  name: Pat State
  honorific: Senator
  family_name: State
  body: us-state-upper
  country: US
  region: DE
  contact: {email: pat@example.org}
- id: state-rep
  name: Chris State
  honorific: Representative
  family_name: State
  body: us-state-lower
  country: US
  region: DE
  contact: {email: chris@example.org}
- id: lord-example
  name: Lord Example
  body: uk-lords
  country: GB
  contact: {postal: [House of Lords, London, SW1A 0PW]}
- id: other-legislator
  name: Ana Example
  body: legislature
  country: ES
  contact: {email: ana@example.org}
";

const PERSONAL: &str = "My brother waited four years for a kidney in Leeds, and the donor's family gave it freely, knowing what it meant. I cannot bear to think that somewhere else a prisoner is killed so that someone can skip that queue.";

/// A recipient id for each body.
fn recipient_for(body: &str) -> &'static str {
    match body {
        "us-senate" => "us-sen-ma-warren",
        "us-house" => "us-rep-ny-14-ocasio-cortez",
        "uk-commons" => "uk-mp-alex-baker",
        "uk-lords" => "lord-example",
        "us-state-upper" => "state-senator",
        "us-state-lower" => "state-rep",
        "eu-parliament" => "mep-example",
        "legislature" => "other-legislator",
        "government" => "health-minister",
        "un" => "un-ohchr-special-procedures",
        "company" => "acme-air",
        "media" => "the-editor",
        "medical" => "journal-editor",
        _ => "other-person",
    }
}

fn templates() -> Vec<serde_json::Value> {
    let out = Test::new().args(["templates", "list", "--json"]).run();
    out.ok();
    out.json().as_array().unwrap().clone()
}

/// Answers for every question: the personal paragraph, and plausible values for the rest.
fn answers(t: &serde_json::Value, choice: Option<(&str, &str)>) -> Vec<String> {
    let mut sets = Vec::new();
    for q in t["questions"].as_array().unwrap() {
        let key = q["key"].as_str().unwrap();
        let value = match (key, q["kind"].as_str().unwrap()) {
            ("personal", _) => PERSONAL.to_string(),
            (k, "choice") if choice.is_some_and(|(ck, _)| ck == k) => choice.unwrap().1.to_string(),
            (_, "choice") => q["choices"][0]
                .get("value")
                .unwrap_or(&q["choices"][0])
                .as_str()
                .unwrap()
                .to_string(),
            ("action", _) => "voting for the Stop Forced Organ Harvesting Act".into(),
            ("previous_date", _) => "3 October 2026".into(),
            ("hook", _) => "Your report on organ donation (12 November) stayed with me.".into(),
            (_, "bool") => "yes".into(),
            _ => continue,
        };
        sets.push(format!("--set={key}={value}"));
    }
    sets
}

fn render(
    t: &serde_json::Value,
    to: &str,
    choice: Option<(&str, &str)>,
    extra: &[&str],
) -> crate::harness::Outcome {
    Test::new()
        .file("others.yaml", OTHERS)
        .args([
            "--recipients",
            "others.yaml",
            "write",
            "--template",
            t["id"].as_str().unwrap(),
            "--to",
            to,
        ])
        .args(answers(t, choice))
        .sender()
        .args(["--no-input", "--stdout"])
        .args(extra.iter().copied())
        .run()
}

/// Every variant of every letter: each audience, and each value of each choice question.
fn every_letter() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for t in templates() {
        let id = t["id"].as_str().unwrap().to_string();
        let mut choices: Vec<Option<(String, String)>> = vec![None];
        for q in t["questions"].as_array().unwrap() {
            if q["kind"] == "choice" {
                for c in q["choices"].as_array().unwrap() {
                    let v = c.get("value").unwrap_or(c).as_str().unwrap().to_string();
                    choices.push(Some((q["key"].as_str().unwrap().to_string(), v)));
                }
            }
        }
        for audience in t["audience"].as_array().unwrap() {
            let to = recipient_for(audience.as_str().unwrap());
            for choice in &choices {
                let c = choice.as_ref().map(|(k, v)| (k.as_str(), v.as_str()));
                let result = render(&t, to, c, &[]);
                assert_eq!(
                    result.code, 0,
                    "{id} to {to} with {c:?}:\n{}",
                    result.stderr
                );
                out.push((id.clone(), format!("{to} {c:?}"), result.stdout.clone()));
            }
        }
    }
    out
}

#[test]
fn the_library_covers_every_call_with_sources() {
    let all = templates();
    assert!(all.len() >= 8, "{} templates", all.len());
    let ids: Vec<&str> = all.iter().map(|t| t["id"].as_str().unwrap()).collect();
    for call in [
        "transplant-tourism-law",
        "un-investigation",
        "un-special-procedures",
        "trade-due-diligence",
        "company-due-diligence",
        "medical-integrity",
        "letter-to-editor",
        "thank-you",
        "chase",
    ] {
        assert!(ids.contains(&call), "{call} missing from {ids:?}");
    }
    for t in &all {
        assert!(
            !t["sources"].as_array().unwrap().is_empty() || t.get("campaign").is_some(),
            "{} has no sources",
            t["id"]
        );
        for s in t["sources"].as_array().unwrap() {
            assert!(
                s.get("title").is_some() && s.get("publisher").is_some(),
                "{s}"
            );
        }
    }
}

/// Claims no letter may make: they are stronger than the sources (see the fact sheet).
const FORBIDDEN: &[&str] = &[
    "the un found",
    "un found that",
    "the united nations found",
    "un has confirmed",
    "un confirmed",
    "tribunal found genocide",
    "found that genocide",
    "genocide was committed",
    "committed genocide",
    "proven genocide",
    "the un concluded",
];

#[test]
fn no_letter_overstates_its_sources() {
    let letters = every_letter();
    assert!(letters.len() > 40, "{} letters rendered", letters.len());
    for (id, case, text) in &letters {
        let lower = text.to_lowercase();
        for phrase in FORBIDDEN {
            assert!(
                !lower.contains(phrase),
                "{id} ({case}) says {phrase:?}:\n{text}"
            );
        }
        // Volume figures are estimates, with their authors and year.
        for figure in ["60,000", "100,000", "65,000", "41,500", "90,000", "200,000"] {
            if let Some(at) = text.find(figure) {
                let sentence_start = text[..at].rfind(". ").map(|i| i + 2).unwrap_or(0);
                let sentence = &text[sentence_start..at];
                assert!(
                    sentence.contains("estimate") && sentence.chars().any(|c| c.is_ascii_digit()),
                    "{id} ({case}): figure {figure} is not labelled as an estimate with its year: {sentence}"
                );
            }
        }
        // Any mention of genocide in connection with the Tribunal says it made no such finding.
        if lower.contains("genocide") {
            assert!(
                lower.contains("no finding of genocide")
                    || lower.contains("not make a finding of genocide")
                    || lower.contains("no genocide finding")
                    || lower.contains("did not find genocide"),
                "{id} ({case})"
            );
        }
        // Every letter that cites has a Sources list whose numbers match the citations.
        let cited = (1..=20)
            .filter(|n| text.contains(&format!("[{n}] ")))
            .count();
        let body = crate::campaign::before_sources(text);
        let listed = text[body.len()..]
            .lines()
            .filter(|l| l.starts_with('['))
            .count();
        assert_eq!(
            cited, listed,
            "{id} ({case}): citations and sources differ\n{text}"
        );
        // Brief: fits on a page (about 250 to 450 words before the writer's own words).
        let words = body.split_whitespace().count() - PERSONAL.split_whitespace().count();
        assert!(words <= 520, "{id} ({case}) is {words} words long");
    }
}

#[test]
fn one_golden_letter_per_template() {
    for t in templates() {
        let id = t["id"].as_str().unwrap();
        let first = t["audience"][0].as_str().unwrap();
        let out = render(&t, recipient_for(first), None, &["--seed", "7"]);
        out.ok();
        insta::assert_snapshot!(format!("library_{id}"), out.stdout);
    }
}

#[test]
fn an_empty_personal_part_gets_the_warning_and_a_real_one_does_not() {
    let warn = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
        .args(["--no-personal"])
        .sender()
        .args(["--no-input", "--json", "--out", "out"])
        .run();
    warn.ok()
        .stderr_has("warning: 1 of 1 letter is almost all template text (0% in your own words).");
    warn.stderr_has(
        "add two or three sentences on why this matters to you, e.g. --set personal=\"...\"",
    );
    let json = warn.json();
    assert_eq!(json["written"][0]["own_words"], 0.0);
    assert!(json["written"][0]["similarity"].as_f64().unwrap() > 0.99);

    let fine = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
        .arg(format!("--set=personal={PERSONAL}"))
        .sender()
        .args(["--no-input", "--json", "--out", "out"])
        .run();
    fine.ok().stderr_is("");
    let own = fine.json()["written"][0]["own_words"].as_f64().unwrap();
    assert!(own >= 0.05, "own words {own}");
}

#[test]
fn the_personal_paragraph_is_required_unless_skipped_explicitly() {
    crate::harness::write_to("thank-you", "uk-mp-alex-baker")
        .args(["--set", "action=your reply"])
        .sender()
        .args(["--no-input", "--stdout"])
        .run()
        .expect_code(2)
        .stderr_has("error: missing answer for `personal`; pass --set personal=...");
}

#[test]
fn variation_is_deterministic_under_a_seed_and_differs_between_writers() {
    let run = |seed: &str, name: &str| {
        let out = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
            .args(["--set", "personal=Mine, truly."])
            .args([
                "--sender-name",
                name,
                "--sender-address",
                "1 St",
                "--no-input",
                "--stdout",
            ])
            .args(if seed.is_empty() {
                vec![]
            } else {
                vec!["--seed", seed]
            })
            .run();
        out.ok();
        // The paragraph after the salutation.
        out.stdout
            .split("\n\n")
            .skip_while(|p| !p.starts_with("Dear "))
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert_eq!(
        run("1", "A"),
        run("1", "B"),
        "the same seed gives the same wording"
    );
    let openings: std::collections::HashSet<String> =
        (0..12).map(|i| run(&i.to_string(), "A")).collect();
    assert!(
        openings.len() >= 2,
        "seeds choose among the variants: {openings:?}"
    );
    let writers: std::collections::HashSet<String> =
        ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"]
            .iter()
            .map(|n| run("", n))
            .collect();
    assert!(
        writers.len() >= 2,
        "different writers get different wordings by default"
    );
    assert_eq!(
        run("", "Ann"),
        run("", "Ann"),
        "the same writer gets the same wording again"
    );
}
