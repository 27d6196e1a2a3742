//! Letters fit the recipient's jurisdiction today: every template is written to one recipient in
//! every jurisdiction of the campaign data, and checked against it (issue "Letters that count").

use crate::harness::{Test, repo};

/// One recipient per jurisdiction the campaign data distinguishes, with a postal address so
/// that every format is written.
const RECIPIENTS: &str = "
- {id: us-sen, name: Pat Senator, given_name: Pat, family_name: Senator, honorific: Senator, body: us-senate, country: US, region: MA, contact: {postal: [1 Capitol, 'Washington, DC 20510'], phone: 202-555-0100}}
- {id: us-rep, name: Pat Rep, given_name: Pat, family_name: Rep, honorific: Representative, body: us-house, country: US, region: NY, district: '10', contact: {postal: [1 Capitol, 'Washington, DC 20515']}}
- {id: tx-sen, name: Tex Law, given_name: Tex, family_name: Law, body: us-state-upper, country: US, region: TX, contact: {email: tx@example.org}}
- {id: mi-rep, name: Mia Bill, given_name: Mia, family_name: Bill, body: us-state-lower, country: US, region: MI, contact: {email: mi@example.org}}
- {id: ca-sen, name: Cal Neither, given_name: Cal, family_name: Neither, body: us-state-upper, country: US, region: CA, contact: {email: ca@example.org}}
- {id: gb-eng-mp, name: Eng Member, given_name: Eng, family_name: Member, honorific: Ms, post_nominal: MP, body: uk-commons, country: GB, region: South East, contact: {email: eng@example.org}}
- {id: gb-sct-mp, name: Scot Member, given_name: Scot, family_name: Member, post_nominal: MP, body: uk-commons, country: GB, region: Scotland, contact: {email: sct@example.org}}
- {id: gb-nir-mp, name: Nir Member, given_name: Nir, family_name: Member, post_nominal: MP, body: uk-commons, country: GB, region: Northern Ireland, contact: {email: nir@example.org}}
- {id: peer, name: Lord Example of Sample, body: uk-lords, country: GB, contact: {email: peer@example.org}}
- {id: mep-de, name: Dora MEP, given_name: Dora, family_name: MEP, post_nominal: MEP, body: eu-parliament, country: DE, contact: {email: mep@example.org}}
- {id: leg-ca, name: Can Leg, body: legislature, country: CA, contact: {email: leg-ca@example.org}}
- {id: leg-it, name: Ita Leg, body: legislature, country: IT, contact: {email: leg-it@example.org}}
- {id: leg-es, name: Esp Leg, body: legislature, country: ES, contact: {email: leg-es@example.org}}
- {id: leg-il, name: Isr Leg, body: legislature, country: IL, contact: {email: leg-il@example.org}}
- {id: leg-tw, name: Tai Leg, body: legislature, country: TW, contact: {email: leg-tw@example.org}}
- {id: leg-be, name: Bel Leg, body: legislature, country: BE, contact: {email: leg-be@example.org}}
- {id: leg-kr, name: Kor Leg, body: legislature, country: KR, contact: {email: leg-kr@example.org}}
- {id: leg-ie, name: Iri Leg, body: legislature, country: IE, contact: {email: leg-ie@example.org}}
- {id: leg-au, name: Aus Leg, body: legislature, country: AU, contact: {email: leg-au@example.org}}
- {id: leg-nz, name: Nzl Leg, body: legislature, country: NZ, contact: {email: leg-nz@example.org}}
- {id: leg-de, name: Deu Leg, body: legislature, country: DE, contact: {email: leg-de@example.org}}
- {id: leg-fr, name: Fra Leg, body: legislature, country: FR, contact: {email: leg-fr@example.org}}
- {id: leg-nl, name: Nld Leg, body: legislature, country: NL, contact: {email: leg-nl@example.org}}
- {id: leg-jp, name: Jpn Leg, body: legislature, country: JP, contact: {email: leg-jp@example.org}}
- {id: leg-xx, name: Other Leg, body: legislature, country: BR, contact: {email: leg-br@example.org}}
- {id: minister, name: The Minister, salutation: Dear Minister, body: government, country: GB, contact: {email: minister@example.org}}
- {id: acme, name: Acme Travel, salutation: Dear Sir or Madam, body: company, country: GB, contact: {email: acme@example.org}}
- {id: editor, name: The Letters Editor, organisation: The Example Gazette, body: media, country: GB, contact: {email: letters@example.org}}
- {id: regulator, name: The Registrar, salutation: Dear Registrar, body: medical, country: GB, contact: {email: reg@example.org}}
- {id: un-sp, name: Special Procedures Branch, salutation: Dear Special Rapporteurs, body: un, country: CH, contact: {email: sp@example.org}}
";

/// Jurisdictions that already have a law against the conduct, and words an ask there must not
/// use (asking for a law they have).
const HAVE_LAWS: &[&str] = &[
    "tx-sen", "leg-ca", "leg-it", "leg-es", "leg-il", "leg-tw", "leg-be", "leg-kr",
];
const NEW_LAW_WORDS: &[&str] = &["pass a law", "new law", "introduce a law", "a bill to ban"];

/// Bills that lapsed with the 118th Congress, and the 119th-Congress bills that lapse on
/// 2027-01-03.
const LAPSED: &[&str] = &["H.R.4132", "S.761", "H.R. 4132"];
const BILLS_119: &[&str] = &["H.R.1503", "H.R.1540", "S.817", "S.4009", "H.R.2114"];

/// The sources headings of the letter languages (`sources-heading` in `i18n/letters/*.ftl`).
pub const SOURCES_HEADINGS: &[&str] = &["Sources", "Quellen", "Fuentes", "Fonti", "מקורות"];

/// A letter's text before its list of sources, in any letter language.
pub fn before_sources(text: &str) -> &str {
    SOURCES_HEADINGS
        .iter()
        .filter_map(|h| text.find(&format!("\n{h}\n")))
        .min()
        .map_or(text, |at| &text[..at])
}

const SENDER: &[&str] = &[
    "--sender-name",
    "Zoë Example",
    "--sender-email",
    "zoe@example.org",
    "--sender-address",
    "12 Elm Street",
    "--sender-address",
    "Springfield, MA 01101",
    "--sender-country",
    "US",
    "--sender-phone",
    "413-555-0199",
];

/// The ids of the recipients a template's audience covers.
fn suited(audience: &[serde_json::Value]) -> Vec<&'static str> {
    let bodies: Vec<&str> = audience.iter().filter_map(|a| a.as_str()).collect();
    RECIPIENTS
        .lines()
        .filter(|l| l.starts_with("- {id: "))
        .filter(|l| {
            let body = l.split("body: ").nth(1).unwrap().split(',').next().unwrap();
            bodies.contains(&"any") || bodies.contains(&body)
        })
        .map(|l| l[7..].split(',').next().unwrap())
        .collect()
}

/// Writes every template to every suited recipient in every format on `date`; returns
/// (template, recipient, file name, text) for each file, and the run's stderr.
fn write_all(date: &str) -> (Vec<(String, String, String, String)>, String) {
    let templates = Test::new().args(["templates", "list", "--json"]).run();
    let mut files = Vec::new();
    let mut stderr = String::new();
    for t in templates.json().as_array().unwrap() {
        let id = t["id"].as_str().unwrap();
        let to = suited(t["audience"].as_array().unwrap());
        let mut run = Test::new()
            .file("r.yaml", RECIPIENTS)
            .env("OUTCRY_DATE", date)
            // Sources with Chinese and Japanese titles print in the letters to Taiwan and
            // Japan: a CJK font for them (tests/fixtures/fonts/NOTES.md).
            .env(
                "OUTCRY_FONT",
                &crate::harness::repo()
                    .join("tests/fixtures/fonts/NotoSansCJKsc-Regular-subset.otf")
                    .display()
                    .to_string(),
            )
            .args([
                "--recipients",
                "r.yaml",
                "write",
                "-t",
                id,
                "--to",
                &to.join(","),
            ])
            .args(SENDER.iter().copied())
            .args([
                "--set",
                "personal=Every organ must be given freely, and I want us to say so.",
            ])
            .args(["--no-input", "--out", "out", "--seed", "3"]);
        for key in ["action", "previous_date"] {
            if t["questions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q["key"] == key)
            {
                run = run.args(["--set", &format!("{key}=3 October 2026")]);
            }
        }
        for f in ["txt", "md", "eml", "pdf", "envelope", "call", "form"] {
            run = run.args(["--format", f]);
        }
        let out = run.run();
        out.ok();
        stderr.push_str(&out.stderr);
        for name in crate::harness::file_names(&run.path("out")) {
            let bytes = std::fs::read(run.path("out").join(&name)).unwrap();
            let text = if name.ends_with(".eml") {
                let mail = mailparse::parse_mail(&bytes).unwrap();
                mail.get_body().unwrap().replace("\r\n", "\n")
            } else if name.ends_with(".pdf") {
                let doc = lopdf::Document::load_mem(&bytes).unwrap();
                let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
                doc.extract_text(&pages).unwrap_or_default()
            } else {
                String::from_utf8(bytes).unwrap()
            };
            let recipient = name
                .trim_start_matches(&format!("{date}_{id}_"))
                .split('.')
                .next()
                .unwrap()
                .to_string();
            files.push((id.to_string(), recipient, name, text));
        }
    }
    (files, stderr)
}

#[test]
fn every_template_fits_every_jurisdiction_today() {
    let (files, stderr) = write_all("2026-11-29");
    assert!(files.len() > 400, "{} files", files.len());
    assert!(!stderr.contains("expired"), "{stderr}");
    assert!(
        files
            .iter()
            .any(|(_, _, name, text)| name.ends_with(".pdf") && text.contains("人體器官移植條例")),
        "a PDF letter to Taiwan cites its law by its Chinese title"
    );
    for (template, recipient, name, text) in &files {
        let case = format!("{template} to {recipient} ({name})");
        for bill in LAPSED {
            assert!(!text.contains(bill), "{case} names lapsed {bill}:\n{text}");
        }
        let letter_file = name.ends_with(".txt")
            && ![".envelope.txt", ".call.txt", ".form.txt"]
                .iter()
                .any(|x| name.ends_with(x));
        if letter_file {
            // Exactly one yes/no question: every question mark belongs to the ask, which may
            // be repeated at the end.
            let body = before_sources(text);
            let questions: std::collections::HashSet<&str> = body
                .split_inclusive(['.', '!', '?', '\n', ':'])
                .filter(|s| s.trim_end().ends_with('?'))
                .map(str::trim)
                .collect();
            assert_eq!(questions.len(), 1, "{case} asks {questions:?}\n{text}");
            let ask = questions.iter().next().unwrap().to_lowercase();
            let us = recipient.starts_with("us-")
                || ["tx-sen", "mi-rep", "ca-sen"].contains(&recipient.as_str());
            assert!(
                !(us && ask.contains("human rights council")),
                "{case}: a US letter asks for action at the UN Human Rights Council: {ask}"
            );
            if HAVE_LAWS.contains(&recipient.as_str()) && template == "transplant-tourism-law" {
                for w in NEW_LAW_WORDS {
                    assert!(
                        !ask.contains(w),
                        "{case}: asks for a law the jurisdiction has: {ask}"
                    );
                }
            }
        }
        // Sources titled in Chinese print with their own characters, never "?".
        if name.ends_with(".pdf") && text.contains("Human Organ Transplantation Act (") {
            assert!(text.contains("人體器官移植條例"), "{case}:\n{text}");
        }
        // The sender's postal address is in every format (the call script names the town).
        let where_ = if name.ends_with(".call.txt") {
            "Springfield, MA"
        } else {
            "12 Elm Street"
        };
        assert!(
            text.replace('\n', " ").contains(where_),
            "{case} lacks the sender's address:\n{text}"
        );
    }
}

#[test]
fn after_the_119th_congress_no_letter_calls_its_bills_pending() {
    let (files, stderr) = write_all("2027-01-04");
    for (template, recipient, name, text) in &files {
        for bill in BILLS_119 {
            assert!(
                !text.contains(bill) || name.ends_with(".pdf"),
                "{template} to {recipient} ({name}) still names {bill}:\n{text}"
            );
        }
    }
    // The warning names the entry, its date and how to update the campaign data.
    assert!(
        stderr
            .contains("warning: the campaign data's ask `us-senate-hr1503` expired on 2027-01-03")
            || stderr.contains("warning: the campaign data's bill H.R.1503"),
        "{stderr}"
    );
    assert!(stderr.contains("--campaign FILE"), "{stderr}");
}

#[test]
fn templates_stay_within_the_word_and_grade_limits() {
    let out = Test::new()
        .args(["templates", "check"])
        .arg(repo().join("templates").display().to_string())
        .run();
    out.ok();
    assert!(!out.stdout.contains("warning:"), "{}", out.stdout);
    let files = std::fs::read_dir(repo().join("templates"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".hbs")
        })
        .count();
    assert!(files >= 24, "{files} template files");
    assert_eq!(
        out.stdout.matches("words before your own words").count(),
        files,
        "{}",
        out.stdout
    );
}

#[test]
fn templates_check_warns_about_expired_entries() {
    Test::new()
        .env("OUTCRY_DATE", "2027-01-04")
        .args(["templates", "check"])
        .arg(
            repo()
                .join("templates/transplant-tourism-law.hbs")
                .display()
                .to_string(),
        )
        .run()
        .ok()
        .stdout_has("warning: the campaign data's");
}

#[test]
fn campaign_data_can_be_replaced_and_bad_data_is_reported_with_lines() {
    Test::new()
        .file("c.yaml", "version: 1\nas_of: \"2026-11-29\"\nsources: {}\nfacts: {}\njurisdictions:\n  default:\n    name: D\n    asks: []\n")
        .args(["--campaign", "c.yaml", "templates", "show", "transplant-tourism-law"])
        .run()
        .expect_code(2)
        .stderr_has("error: campaign data `c.yaml` is invalid:")
        .stderr_has("c.yaml:6: `default` has no lasting ask for topic `law`");
}

/// Salutations and sign-offs from name parts and the recipient's office.
#[test]
fn salutations_follow_the_office_and_name_parts() {
    let cases = [
        (
            "- {id: a, name: Elizabeth Warren, given_name: Elizabeth, family_name: Warren, body: us-senate, country: US, region: MA, contact: {email: a@example.org}}",
            "Dear Senator Warren,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Eleanor Norton, given_name: Eleanor, family_name: Norton, honorific: Delegate, body: us-house, country: US, region: DC, contact: {email: a@example.org}}",
            "Dear Delegate Norton,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Pablo Hernandez, given_name: Pablo, family_name: Hernandez, honorific: Resident Commissioner, body: us-house, country: US, region: PR, contact: {email: a@example.org}}",
            "Dear Resident Commissioner Hernandez,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Ann Lee, given_name: Ann, family_name: Lee, body: us-state-lower, country: US, region: CA, contact: {email: a@example.org}}",
            "Dear Assemblymember Lee,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Ann Lee, given_name: Ann, family_name: Lee, body: us-state-lower, country: US, region: MD, contact: {email: a@example.org}}",
            "Dear Delegate Lee,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Ann Lee, given_name: Ann, family_name: Lee, body: us-state-lower, country: US, region: TX, contact: {email: a@example.org}}",
            "Dear Representative Lee,",
            "Sincerely,",
        ),
        (
            "- {id: a, name: Keir Starmer, given_name: Keir, family_name: Starmer, honorific: Sir, post_nominal: MP, body: uk-commons, country: GB, region: London, contact: {email: a@example.org}}",
            "Dear Sir Keir,",
            "Yours sincerely,",
        ),
        (
            "- {id: a, name: Connor Rand, given_name: Connor, family_name: Rand, honorific: Mr, post_nominal: MP, body: uk-commons, country: GB, region: North West, contact: {email: a@example.org}}",
            "Dear Mr Rand,",
            "Yours sincerely,",
        ),
        (
            "- {id: a, name: Alex Baker, given_name: Alex, family_name: Baker, post_nominal: MP, body: uk-commons, country: GB, region: South East, contact: {email: a@example.org}}",
            "Dear Alex Baker,",
            "Yours sincerely,",
        ),
        (
            "- {id: a, name: Lord Alton of Liverpool, body: uk-lords, country: GB, contact: {email: a@example.org}}",
            "Dear Lord Alton,",
            "Yours sincerely,",
        ),
        (
            "- {id: a, name: The Letters Editor, body: media, country: GB, contact: {email: a@example.org}}",
            "Dear Editor,",
            "",
        ),
        (
            "- {id: a, name: Acme plc, salutation: Dear Sir or Madam, body: company, country: GB, contact: {email: a@example.org}}",
            "Dear Sir or Madam,",
            "Yours faithfully,",
        ),
    ];
    for (record, salutation, signoff) in cases {
        let template = if record.contains("body: media") {
            "letter-to-editor"
        } else if record.contains("body: company") {
            "company-due-diligence"
        } else {
            "transplant-tourism-law"
        };
        let out = Test::new()
            .file("r.yaml", &format!("{record}\n"))
            .args([
                "--recipients",
                "r.yaml",
                "write",
                "-t",
                template,
                "--to",
                "a",
            ])
            .args(SENDER.iter().copied())
            .args(["--set", "personal=Mine.", "--no-input", "--stdout"])
            .run();
        out.ok();
        assert!(
            out.stdout.contains(&format!("\n{salutation}\n")),
            "{record}:\n{}",
            out.stdout
        );
        if !signoff.is_empty() {
            assert!(
                out.stdout.contains(&format!("\n{signoff}\n")),
                "{record}:\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn a_chase_letter_quotes_the_date_and_ask_of_the_earlier_letter() {
    let mut t = Test::new()
        .args([
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "uk-mp-alex-baker",
        ])
        .args(SENDER.iter().copied())
        .args([
            "--set",
            "personal=Mine.",
            "--no-input",
            "--format",
            "txt",
            "--out",
            "out",
        ]);
    t.run().ok();
    let first = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt"),
    )
    .unwrap();
    let ask = first
        .split_inclusive(['.', '?'])
        .find(|s| s.contains("Will you"))
        .unwrap()
        .trim()
        .to_string();
    let out = t
        .with(
            &[
                "write",
                "-t",
                "chase",
                "--to",
                "uk-mp-alex-baker",
                "--previous",
                "out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt",
                "--sender-name",
                "Zoë Example",
                "--sender-address",
                "12 Elm Street",
                "--sender-address",
                "Springfield, MA 01101",
                "--no-input",
                "--stdout",
            ],
            &[],
        )
        .run();
    out.ok()
        .stdout_has("Subject: Following up my letter of 28 November 2026")
        .stdout_has(&ask);
}

#[test]
fn a_letter_to_the_editor_is_short_unmarked_and_signed_with_the_town() {
    let out = Test::new()
        .file("r.yaml", "- {id: ed, name: The Letters Editor, body: media, country: GB, contact: {email: letters@example.org}}\n")
        .args(["--recipients", "r.yaml", "write", "-t", "letter-to-editor", "--to", "ed"])
        .args(SENDER.iter().copied())
        .args(["--set", "personal=My brother waited four years for a kidney.", "--no-input", "--stdout"])
        .run();
    out.ok();
    let printed = out.stdout.split("Dear Editor,").nth(1).unwrap();
    let printed = printed
        .split("Zoë Example, Springfield, MA")
        .next()
        .unwrap();
    assert!(
        !printed.contains('['),
        "no footnote marks in the text for print:\n{printed}"
    );
    assert!(printed.split_whitespace().count() <= 200);
    out.stdout_has("Zoë Example, Springfield, MA\n")
        .stdout_has("Sources for the facts above (not for publication):\n- ");
    // A long letter gets a warning.
    let long = "word ".repeat(119);
    let hook = "Your report on donation moved me ".repeat(8);
    Test::new()
        .file("r.yaml", "- {id: ed, name: The Letters Editor, body: media, country: GB, contact: {email: letters@example.org}}\n")
        .args(["--recipients", "r.yaml", "write", "-t", "letter-to-editor", "--to", "ed"])
        .args(SENDER.iter().copied())
        .args(["--set", &format!("personal={long}"), "--set", &format!("hook={}", hook.trim())])
        .args(["--no-input", "--stdout"])
        .run()
        .ok()
        .stderr_has("they print letters of about 200 words");
}

#[test]
fn the_call_script_is_short_and_for_the_staffer() {
    let out = Test::new()
        .args([
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "us-sen-ma-warren",
        ])
        .args(SENDER.iter().copied())
        .args([
            "--set",
            "personal=I am a nurse. Every organ must be given freely.",
        ])
        .args([
            "--set",
            "reply=yes",
            "--no-input",
            "--stdout",
            "--format",
            "call",
        ])
        .run();
    out.ok();
    let say = out
        .stdout
        .split("Say (about 30 seconds):\n\n")
        .nth(1)
        .unwrap();
    let say = say.split("\n\n").next().unwrap();
    assert!(say.contains("I live in Springfield, MA"), "{say}");
    assert!(say.contains("Please ask the Senator:"), "{say}");
    assert!(say.contains("H.R.1503"), "{say}");
    assert!(say.contains("I am a nurse."), "{say}");
    assert!(say.contains("Please let me know"), "{say}");
    assert!(
        say.split_whitespace().count() <= 75,
        "{} words: {say}",
        say.split_whitespace().count()
    );
}

/// The translated campaign prose (`data/campaign/campaign.LANG.yaml`) covers what letters in
/// that language need and keeps the English cautions (data/campaign/README.md,
/// "Translations"): the China Tribunal is an independent people's tribunal that found crimes
/// against humanity and no genocide; UN experts are independent experts; volume figures are
/// estimates; China's denial gives its dates; every ask is one question in the language's
/// "Will you" form; no Israeli ask names the UN Human Rights Council.
#[test]
fn translations_keep_the_cautions() {
    type Map = std::collections::BTreeMap<String, Vec<String>>;
    let read = |name: &str| -> serde_yaml::Value {
        serde_yaml::from_str(
            &std::fs::read_to_string(repo().join("data/campaign").join(name)).unwrap(),
        )
        .unwrap()
    };
    let english = read("campaign.yaml");
    let jurisdictions = english["jurisdictions"].as_mapping().unwrap();
    let asks_of = |j: &str| -> Vec<String> {
        jurisdictions[j]["asks"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let needed_facts: Vec<String> = english["facts"]
        .as_mapping()
        .unwrap()
        .iter()
        .filter(|(id, f)| {
            let id = id.as_str().unwrap();
            let topics = f["topics"].as_sequence().unwrap();
            id.starts_with("china-position")
                || id == "china-medical-association"
                || topics.iter().any(|t| t == "law" || t == "investigation")
        })
        .map(|(id, _)| id.as_str().unwrap().to_string())
        .collect();
    struct Rules {
        lang: &'static str,
        places: &'static [&'static str],
        tribunal: &'static [&'static str],
        humanity: &'static str,
        genocide: &'static str,
        no_genocide: &'static [&'static str],
        independent: &'static str,
        estimate: &'static str,
        ask_start: fn(&str) -> bool,
        human_rights_council: &'static str,
    }
    let rules = [
        Rules {
            lang: "fr",
            places: &["fr", "be", "eu", "default"],
            tribunal: &[
                "tribunal populaire indépendant",
                "tribunal d'opinion indépendant",
            ],
            humanity: "crimes contre l'humanité",
            genocide: "génocide",
            no_genocide: &[
                "n'a pas conclu à un génocide",
                "mais pas à un génocide",
                "n'a pas retenu le génocide",
            ],
            independent: "indépendants",
            estimate: "estim",
            ask_start: |a| {
                a.split([' ', ','])
                    .next()
                    .is_some_and(|w| w.ends_with("-vous"))
                    || a.starts_with("Vous ")
            },
            human_rights_council: "Conseil des droits de l'homme",
        },
        Rules {
            lang: "de",
            places: &["de", "eu", "default"],
            tribunal: &[
                "unabhängiges Volkstribunal",
                "unabhängiges zivilgesellschaftliches Tribunal",
            ],
            humanity: "Verbrechen gegen die Menschlichkeit",
            genocide: "Völkermord",
            no_genocide: &[
                "Einen Völkermord stellte es nicht fest",
                "aber keinen Völkermord",
            ],
            independent: "unabhängige",
            estimate: "Schätzung",
            ask_start: |a| a.starts_with("Werden Sie "),
            human_rights_council: "Menschenrechtsrat",
        },
        Rules {
            lang: "es",
            places: &["es", "eu", "default"],
            tribunal: &["tribunal popular independiente"],
            humanity: "lesa humanidad",
            genocide: "genocidio",
            no_genocide: &[
                "No dictaminó que hubiera genocidio",
                "pero no genocidio",
                "No concluyó que hubiera genocidio",
            ],
            independent: "independientes",
            estimate: "estima",
            ask_start: |a| a.starts_with('¿'),
            human_rights_council: "Consejo de Derechos Humanos",
        },
        Rules {
            lang: "it",
            places: &["it", "eu", "default"],
            tribunal: &[
                "tribunale popolare indipendente",
                "tribunale d'opinione indipendente",
            ],
            humanity: "crimini contro l'umanità",
            genocide: "genocidio",
            no_genocide: &[
                "Non ha riscontrato un genocidio",
                "ma non un genocidio",
                "Non ha concluso che vi fosse un genocidio",
            ],
            independent: "indipendenti",
            estimate: "stima",
            ask_start: |a| a.chars().next().is_some_and(char::is_uppercase),
            human_rights_council: "Consiglio dei diritti umani",
        },
        Rules {
            lang: "he",
            places: &["il", "default"],
            tribunal: &["בית דין עממי עצמאי"],
            humanity: "פשעים נגד האנושות",
            genocide: "רצח עם",
            no_genocide: &["לא קבע כי בוצע רצח עם", "לא קבע שבוצע רצח עם"],
            independent: "בלתי תלויים",
            estimate: "הערכה",
            ask_start: |a| a.starts_with("האם "),
            human_rights_council: "מועצת זכויות האדם",
        },
    ];
    for r in &rules {
        let t = read(&format!("campaign.{}.yaml", r.lang));
        assert_eq!(t["language"], r.lang);
        let facts: Map = serde_yaml::from_value(t["facts"].clone()).unwrap();
        let contexts: Map = serde_yaml::from_value(t["contexts"].clone()).unwrap();
        let asks: Map = serde_yaml::from_value(t["asks"].clone()).unwrap();
        for id in &needed_facts {
            assert!(facts.contains_key(id), "{}: fact `{id}` is missing", r.lang);
        }
        for place in r.places {
            assert!(
                contexts.contains_key(*place),
                "{}: context `{place}` is missing",
                r.lang
            );
            for id in asks_of(place) {
                assert!(asks.contains_key(&id), "{}: ask `{id}` is missing", r.lang);
            }
        }
        for w in &facts["china-tribunal"] {
            assert!(
                r.tribunal.iter().any(|p| w.contains(p)),
                "{}: not called an independent people's tribunal: {w}",
                r.lang
            );
            assert!(w.contains(r.humanity), "{}: {w}", r.lang);
        }
        for (id, ws) in &facts {
            for w in ws {
                let case = format!("{} fact `{id}`: {w}", r.lang);
                assert!(w.ends_with('.'), "{case}");
                if w.contains(r.genocide) {
                    assert!(r.no_genocide.iter().any(|p| w.contains(p)), "{case}");
                }
                if ["60", "100"].iter().any(|n| {
                    w.contains(&format!("{n}\u{a0}000"))
                        || w.contains(&format!("{n}.000"))
                        || w.contains(&format!("{n},000"))
                }) {
                    assert!(
                        w.contains(r.estimate) && w.contains("2016"),
                        "not an estimate with its year: {case}"
                    );
                }
                if id.starts_with("un-experts") && !w.contains(r.independent) {
                    assert!(
                        id == "un-experts-database",
                        "UN experts not called independent: {case}"
                    );
                }
                if id == "china-position" {
                    assert!(w.contains("2013") && w.contains("2022"), "{case}");
                }
            }
        }
        for (id, ws) in &asks {
            for w in ws {
                let case = format!("{} ask `{id}`: {w}", r.lang);
                assert!(
                    w.ends_with('?') && w.matches('?').count() == 1,
                    "not one question: {case}"
                );
                assert!(
                    (r.ask_start)(w),
                    "not the language's \"Will you\" form: {case}"
                );
                if id.starts_with("il-") {
                    assert!(!w.contains(r.human_rights_council), "{case}");
                }
            }
        }
    }
    for id in asks_of("il") {
        let ask = jurisdictions["il"]["asks"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id.as_str())
            .unwrap();
        for w in ask["wordings"].as_sequence().unwrap() {
            assert!(
                !w.as_str().unwrap().contains("Human Rights Council"),
                "{id}: {w:?}"
            );
        }
    }
}
