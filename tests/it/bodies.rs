//! The bodies built in with provenance (House of Lords, MPs' offices, European Parliament,
//! Assemblée nationale), the import-only Knesset, and what every importer promises: readable
//! ASCII ids from any script, every dropped or repaired field reported.

use crate::harness::{Test, repo, sources, write_to};
use crate::recipients::unpack_assemblee;

fn list(args: &[&str]) -> Vec<serde_json::Value> {
    let out = Test::new()
        .args(["recipients", "list", "--json"])
        .args(args.iter().copied())
        .run();
    out.ok();
    out.json().as_array().unwrap().clone()
}

#[test]
fn the_house_of_lords_is_built_in_with_shared_addresses_marked() {
    let lords = list(&["--body", "uk-lords"]);
    assert!(lords.len() >= 800, "{} peers", lords.len());
    let shared: Vec<&serde_json::Value> = lords
        .iter()
        .filter(|r| r["contact"]["shared"].get("email").is_some())
        .collect();
    assert!(shared.len() > 400, "{}", shared.len());
    for r in &shared {
        assert_eq!(
            r["contact"]["email"], "contactholmember@parliament.uk",
            "{r}"
        );
    }
    let own = lords
        .iter()
        .filter(|r| {
            r["contact"].get("email").is_some() && r["contact"]["shared"].get("email").is_none()
        })
        .count();
    assert!(own >= 340, "{own} peers with their own address");
    // The shared address is never passed off as the peer's own.
    Test::new()
        .args(["recipients", "show", "uk-peer-baroness-adams-of-craigielea"])
        .run()
        .ok()
        .stdout_has("  shared:\n    email: the House of Lords' shared enquiry address for members, not the peer's own");
    // Greeted by title.
    let out = write_to(
        "transplant-tourism-law",
        "uk-peer-baroness-adams-of-craigielea,uk-peer-lord-aberdare",
    )
    .args(["--set", "personal=It matters to me.", "--set", "reply=no"])
    .sender()
    .args(["--no-input", "--stdout", "--format", "txt"])
    .run();
    out.ok()
        .stdout_has("Dear Baroness Adams,")
        .stdout_has("Dear Lord Aberdare,");
}

#[test]
fn mps_have_constituency_offices_and_phones() {
    let mps = list(&["--body", "uk-commons"]);
    assert_eq!(mps.len(), 650);
    let with_office = mps
        .iter()
        .filter(|r| r["contact"].get("offices").is_some())
        .count();
    let with_phone = mps
        .iter()
        .filter(|r| r["contact"].get("phone").is_some())
        .count();
    assert!(with_office >= 230, "{with_office}");
    assert!(with_phone >= 450, "{with_phone}");
    let abrahams = mps.iter().find(|r| r["name"] == "Debbie Abrahams").unwrap();
    assert_eq!(
        abrahams["contact"]["offices"][0],
        serde_json::json!({"name": "Oldham", "postal": ["9 Church Lane", "Oldham", "OL1 3AN"], "phone": "0161 624 4248"})
    );
    assert_eq!(abrahams["contact"]["phone"], "0161 624 4248");
}

#[test]
fn the_european_parliament_is_the_10th_term() {
    let meps = list(&["--body", "eu-parliament"]);
    assert!(meps.len() >= 700, "{}", meps.len());
    assert!(meps.iter().all(|r| {
        r["contact"]["email"]
            .as_str()
            .unwrap()
            .ends_with("@europarl.europa.eu")
    }));
    let droi = list(&["--body", "eu-parliament", "--committee", "DROI"]);
    assert!(droi.len() >= 50, "{}", droi.len());
    let goerens = meps
        .iter()
        .find(|r| r["name"] == "Charles Goerens")
        .unwrap();
    assert_eq!(goerens["country"], "LU");
    assert_eq!(goerens["party"], "Renew");
    assert_eq!(goerens["as_of"], "2025-07-11");
    // The 10th-term importer reports what it repaired.
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "europarl-10"])
        .arg(
            sources()
                .join("eu-parliament-10/ep10_current_meps.csv")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2025-07-11", "--out", "ep.yaml"]);
    t.run()
        .ok()
        .stdout_has("Imported 716 recipients into ep.yaml")
        .stdout_has("line 19: Kateřina Konečná: homepage `['https://www.konecna.cz', 'http://www.konecna.cz']` repaired to `https://www.konecna.cz`")
        .stdout_has("line 111: Ondřej Kovařík has no email address in the source");
    // With the 9th-term file, members who sat then too get their recorded gender (for
    // gendered salutations); no one else's is guessed.
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "europarl-10"])
        .arg(
            sources()
                .join("eu-parliament-10/ep10_current_meps.csv")
                .display()
                .to_string(),
        )
        .arg(
            sources()
                .join("eu-parliament/data_v1_meps_9_en.csv")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2025-07-11", "--out", "ep.yaml"]);
    t.run().ok();
    let file: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(t.path("ep.yaml")).unwrap()).unwrap();
    let people = file["recipients"].as_sequence().unwrap();
    let gender_of = |name: &str| {
        people
            .iter()
            .find(|r| r["name"] == name)
            .map(|r| r["gender"].as_str().unwrap_or("none").to_string())
    };
    assert_eq!(gender_of("Bernd Lange").as_deref(), Some("male"));
    let with = people.iter().filter(|r| r["gender"].is_string()).count();
    assert!(with > 250 && with < people.len(), "{with}");
}

#[test]
fn the_9th_term_importer_prefers_the_parliaments_address_and_says_so() {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "europarl"])
        .arg(
            sources()
                .join("eu-parliament/data_v1_meps_9_en.csv")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2022-08-21", "--out", "ep9.yaml"]);
    let out = t.run();
    out.ok().stdout_has("dropped or repaired");
    assert!(
        out.stdout.contains("is not the Parliament's; using `"),
        "{}",
        out.stdout
    );
}

#[test]
fn french_deputies_are_built_in_without_staff_names() {
    let deputies = list(&["--country", "FR", "--body", "legislature"]);
    assert_eq!(deputies.len(), 575);
    assert!(deputies.iter().all(|r| {
        r["contact"]["email"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .ends_with("@assemblee-nationale.fr")
    }));
    let david = deputies
        .iter()
        .find(|r| r["name"] == "Alain David")
        .unwrap();
    assert_eq!(david["district"], "Gironde (4e circonscription)");
    assert_eq!(david["party"], "Socialistes et apparentés (SOC)");
    assert_eq!(david["contact"]["offices"][0]["name"], "Cenon");
    // The source lists his staff (Sylvie Couderc, Julien Joassard...): never imported.
    let built_in = std::fs::read_to_string(repo().join("recipients/fr-assemblee.yaml")).unwrap();
    for staff in ["Couderc", "Joassard", "collaborat"] {
        assert!(
            !built_in.contains(staff),
            "{staff} in recipients/fr-assemblee.yaml"
        );
    }
    // Licence Ouverte: the attribution, with the date, wherever the data is described.
    let out = Test::new().args(["data", "status"]).run();
    out.ok().stdout_has(
        "attribution: Assemblée nationale – data.assemblee-nationale.fr, 2025-11-18 (Licence Ouverte 2.0).",
    );
    // The date comes from the files when --as-of is not given.
    let scratch = tempfile::tempdir().unwrap();
    let an = unpack_assemblee(scratch.path());
    Test::new()
        .args(["recipients", "import", "--from", "assemblee-nationale"])
        .arg(an.display().to_string())
        .args(["--out", "fr.yaml"])
        .run()
        .ok()
        .stdout_has("Imported 575 recipients into fr.yaml")
        .stdout_has("data as of 2025-11-18: from the files (the latest mandate publication date)")
        .stdout_has("left out; the Assemblée address is used");
}

#[test]
fn the_knesset_imports_with_hebrew_names_and_ascii_ids_but_is_not_built_in() {
    assert!(list(&["--country", "IL"]).is_empty());
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "knesset"])
        .arg(sources().join("il-knesset/data").display().to_string())
        .args(["--out", "il.yaml"]);
    t.run()
        .ok()
        .stdout_has("Imported 120 recipients into il.yaml")
        .stdout_has("120 with an email address")
        .stdout_has("data as of 2026-02-25: from the files")
        .stdout_has("`ykroyer@knesset.gov.ik` is as published but looks mistyped");
    let out = Test::new()
        .file(
            "il.yaml",
            &std::fs::read_to_string(t.path("il.yaml")).unwrap(),
        )
        .args([
            "--recipients",
            "il.yaml",
            "recipients",
            "list",
            "--country",
            "IL",
            "--json",
        ])
        .run();
    out.ok();
    let mks = out.json();
    let mks = mks.as_array().unwrap();
    assert_eq!(mks.len(), 120);
    for r in mks {
        let id = r["id"].as_str().unwrap();
        assert!(
            id.starts_with("il-mk-") && id.len() > 6 && id.is_ascii(),
            "{id}"
        );
        assert!(
            r["name"]
                .as_str()
                .unwrap()
                .chars()
                .any(|c| ('\u{5d0}'..='\u{5ea}').contains(&c)),
            "Hebrew name kept: {r}"
        );
    }
    let liberman = mks
        .iter()
        .find(|r| r["contact"]["email"] == "aliberman@knesset.gov.il")
        .unwrap();
    assert_eq!(liberman["name"], "אביגדור ליברמן");
    assert_eq!(liberman["id"], "il-mk-bygdvr-lybrmn");
    assert_eq!(liberman["party"], "ישראל ביתנו");
    // Gender as the Knesset records it (Hebrew salutations are gendered).
    assert_eq!(liberman["gender"], "male");
    let women = mks.iter().filter(|r| r["gender"] == "female").count();
    assert!(women > 10 && women < 60, "{women}");
}

#[test]
fn ids_from_any_script_are_readable_ascii() {
    let csv = "name,email\nΕλένη Στεφανίδου,a@example.org\n習近平,b@example.org\n— · —,c@example.org\n-Dash,d@example.org\n";
    let mut t = Test::new().file("x.csv", csv).args([
        "recipients",
        "import",
        "--from",
        "csv",
        "x.csv",
        "--out",
        "x.yaml",
        "--map",
        "name=name",
        "--map",
        "email=email",
        "--const",
        "body=other",
        "--const",
        "country=GR",
    ]);
    t.run().ok().stdout_has("Imported 4 recipients into x.yaml");
    let text = std::fs::read_to_string(t.path("x.yaml")).unwrap();
    for id in [
        "id: elene-stephanidou",
        "id: xi-jin-ping",
        "id: recipient\n",
        "id: dash",
    ] {
        assert!(text.contains(id), "{id} in\n{text}");
    }
    // A file may not use an id that starts with a dash.
    Test::new()
        .file("r.yaml", "- id: -x\n  name: X\n  body: other\n  country: GB\n  contact: {email: x@example.org}\n")
        .args(["recipients", "check", "r.yaml"])
        .run()
        .expect_code(2)
        .stderr_has("r.yaml:1: id `-x` must be lower-case letters, digits and dashes, starting with a letter or digit");
}

#[test]
fn check_rejects_an_office_with_no_street_line() {
    Test::new()
        .file(
            "r.yaml",
            "- id: a\n  name: A\n  body: legislature\n  country: GB\n  contact:\n    email: a@example.org\n    offices:\n      - {name: Leeds, postal: [Leeds LS1 5HD]}\n      - {name: York, postal: [1 High Street, York YO1 1AA]}\n",
        )
        .args(["recipients", "check", "r.yaml"])
        .run()
        .expect_code(2)
        .stderr_has("r.yaml:7: office #1 (Leeds) of `a` has no street line: its postal lines are `Leeds LS1 5HD`");
}

#[test]
fn congress_import_reports_what_it_repaired() {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "congress-legislators"])
        .arg(sources().join("us-congress").display().to_string())
        .args(["--as-of", "2026-06-15", "--out", "c.yaml"]);
    t.run()
        .ok()
        .stdout_has("Randy Fine: contact form `hhttps://fine.house.gov/address_authentication?form=/contact/email-me` repaired to `https://fine.house.gov/address_authentication?form=/contact/email-me`")
        .stdout_has("Elise M. Stefanik: the office in Herkimer has no street address in the source; left out");
}
