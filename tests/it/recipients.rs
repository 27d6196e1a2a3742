//! Built-in recipient data, listing and filtering, and the importers.

use crate::harness::{Test, repo, sources};

fn list(args: &[&str]) -> Vec<serde_json::Value> {
    let out = Test::new()
        .args(["recipients", "list", "--json"])
        .args(args.iter().copied())
        .run();
    out.ok();
    out.json().as_array().unwrap().clone()
}

#[test]
fn every_current_member_of_congress_is_built_in() {
    let us = list(&["--country", "US"]);
    assert!(us.len() >= 535, "{} members", us.len());
    assert_eq!(us.iter().filter(|r| r["body"] == "us-senate").count(), 100);
    for r in &us {
        for key in [
            "id", "name", "country", "body", "region", "district", "party", "contact",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        let c = &r["contact"];
        assert!(
            c.get("email").is_none(),
            "Congress publishes no email; none may be invented: {r}"
        );
        assert!(c.get("postal").is_some() || c.get("phone").is_some(), "{r}");
    }
    let forms = us
        .iter()
        .filter(|r| r["contact"].get("contact_form").is_some())
        .count();
    assert!(forms >= 85, "{forms} contact forms");
}

#[test]
fn every_mp_is_built_in_with_the_sources_emails() {
    let gb = list(&["--country", "UK"]);
    assert_eq!(gb.len(), 650);
    assert_eq!(
        gb.iter()
            .filter(|r| r["contact"].get("email").is_some())
            .count(),
        646
    );
    let baker = gb.iter().find(|r| r["id"] == "uk-mp-alex-baker").unwrap();
    assert_eq!(baker["district"], "Aldershot");
    assert_eq!(baker["contact"]["email"], "alex.baker.mp@parliament.uk");
}

#[test]
fn filters_combine() {
    let ssfr = list(&["--committee", "SSFR"]);
    assert_eq!(
        ssfr.len(),
        22,
        "Senate Foreign Relations has 22 members in the source"
    );
    let ma = list(&["--body", "us-senate", "--region", "ma"]);
    let names: Vec<&str> = ma.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Edward J. Markey", "Elizabeth Warren"]);
    let sf = list(&["--search", "sinn fein"]);
    assert!(!sf.is_empty() && sf.iter().all(|r| r["party"] == "Sinn Féin"));
    let ny14 = list(&["--region", "NY", "--district", "14"]);
    assert_eq!(ny14.len(), 1);
    assert_eq!(ny14[0]["id"], "us-rep-ny-14-ocasio-cortez");
}

#[test]
fn list_in_text_shows_channels_and_attribution() {
    let out = Test::new()
        .args(["recipients", "list", "--search", "aldershot"])
        .run();
    out.ok()
        .stdout_has("uk-mp-alex-baker")
        .stdout_has("[email, post]")
        .stdout_has(
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
        );
}

#[test]
fn show_one() {
    let out = Test::new()
        .args(["recipients", "show", "us-sen-ma-warren"])
        .run();
    out.ok()
        .stdout_has("name: Elizabeth Warren")
        .stdout_has("bioguide: W000817");
    // A bioguide id finds the same person.
    Test::new()
        .args(["recipients", "show", "W000817", "--json"])
        .run()
        .ok()
        .stdout_has("\"id\": \"us-sen-ma-warren\"");
}

#[test]
fn user_file_adds_and_overrides() {
    let out = Test::new()
        .file(
            "mine.yaml",
            "source: my notes\nas_of: 2026-11-01\nrecipients:\n  - id: uk-mp-alex-baker\n    name: Alex Baker\n    post_nominal: MP\n    body: uk-commons\n    country: GB\n    contact:\n      email: office@example.org\n  - id: the-editor\n    name: The Editor\n    salutation: Dear Editor\n    body: media\n    country: GB\n    contact:\n      email: letters@example.org\n",
        )
        .args(["--recipients", "mine.yaml", "recipients", "list", "--search", "baker", "--json"])
        .run();
    out.ok();
    let v = out.json();
    let baker = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "uk-mp-alex-baker")
        .unwrap()
        .clone();
    assert_eq!(baker["contact"]["email"], "office@example.org");
    assert_eq!(baker["source"], "my notes");
    Test::new()
        .file("mine.yaml", "- id: the-editor\n  name: The Editor\n  body: media\n  country: GB\n  contact:\n    email: letters@example.org\n")
        .args(["recipients", "check", "mine.yaml"])
        .run()
        .ok()
        .stdout_has("1 recipient checked: no problems");
}

/// The built-in files are exactly what the documented import commands produce.
#[test]
fn built_in_data_regenerates_from_the_sources() {
    let sources = sources();
    for (format, input, as_of, file) in [
        (
            "congress-legislators",
            sources.join("us-congress"),
            "2026-06-15",
            "us-congress.yaml",
        ),
        (
            "uk-mp-lookup",
            sources.join("uk-commons/mp_lookup.csv"),
            "2026-06-27",
            "uk-commons.yaml",
        ),
    ] {
        let mut t = Test::new()
            .args(["recipients", "import", "--from", format])
            .arg(input.display().to_string())
            .args(["--as-of", as_of, "--out", "out.yaml"]);
        let out = t.run();
        out.ok();
        let produced = std::fs::read_to_string(t.path("out.yaml")).unwrap();
        let built_in = std::fs::read_to_string(repo().join("recipients").join(file)).unwrap();
        let strip = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert!(
            strip(&produced) == strip(&built_in),
            "recipients/{file} is out of date: run scripts/regenerate-recipients"
        );
    }
}

#[test]
fn import_reports_counts_and_skips() {
    let sources = sources();
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "congress-legislators"])
        .arg(
            sources
                .join("us-congress/legislators-current.yaml")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2026-06-15", "--out", "c.yaml"]);
    t.run()
        .ok()
        .stdout_has("Imported 536 recipients into c.yaml")
        .stdout_has("note: committee files not found beside legislators-current.yaml")
        .stdout_has("James Gallagher: the source has no office address, phone or contact form yet");
    // Refuses to overwrite.
    t.run()
        .expect_code(2)
        .stderr_has("error: `c.yaml` already exists; nothing was written");
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "uk-mp-lookup"])
        .arg(
            sources
                .join("uk-commons/mp_lookup.csv")
                .display()
                .to_string(),
        )
        .args(["--out", "uk.yaml"]);
    t.run()
        .ok()
        .stdout_has("Imported 650 recipients into uk.yaml")
        .stdout_has("646 with an email address")
        .stdout_has("note: 4 MPs have no published email");
    let text = std::fs::read_to_string(t.path("uk.yaml")).unwrap();
    assert!(!text.contains("No email found"));
    assert!(text.contains("name: Órfhlaith Begley"));
}

#[test]
fn import_rejects_a_wrong_file() {
    Test::new()
        .file("x.csv", "a,b\n1,2\n")
        .args([
            "recipients",
            "import",
            "--from",
            "uk-mp-lookup",
            "x.csv",
            "--out",
            "o.yaml",
        ])
        .run()
        .expect_code(2)
        .stderr_has("error: `x.csv:2`: ")
        .stderr_has("hint: is this the mp_lookup.csv file from dfe-analytical-services/mp-lookup?");
}

#[test]
fn built_in_files_pass_the_same_checks_as_user_files() {
    let files: Vec<String> = ["us-congress.yaml", "uk-commons.yaml", "institutions.yaml"]
        .iter()
        .map(|f| repo().join("recipients").join(f).display().to_string())
        .collect();
    Test::new()
        .args(["recipients", "check"])
        .args(files)
        .run()
        .ok()
        .stdout_has("1187 recipients checked: no problems");
}

fn find(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let out = Test::new()
        .args(["recipients", "find", "--json"])
        .args(args.iter().copied())
        .run();
    out.ok();
    let v = out.json();
    let ids = v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let notes = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    (ids, notes)
}

#[test]
fn find_by_zip() {
    let (ids, notes) = find(&["--zip", "94110"]);
    assert_eq!(
        ids,
        [
            "us-sen-ca-schiff",
            "us-sen-ca-padilla",
            "us-rep-ca-11-pelosi"
        ]
    );
    assert!(notes.is_empty());
    let (ids, notes) = find(&["--zip", "10001"]);
    assert_eq!(
        ids,
        [
            "us-sen-ny-gillibrand",
            "us-sen-ny-schumer",
            "us-rep-ny-10-goldman",
            "us-rep-ny-12-nadler"
        ]
    );
    assert_eq!(
        notes,
        [
            "ZIP code 10001 spans 2 congressional districts (NY-10, NY-12); your street address decides which is yours, so every member is listed"
        ]
    );
    let (ids, _) = find(&["--zip", "05401"]);
    assert_eq!(
        ids,
        [
            "us-sen-vt-sanders",
            "us-sen-vt-welch",
            "us-rep-vt-al-balint"
        ]
    );
    let (ids, _) = find(&["--state", "ny", "--district", "14"]);
    assert_eq!(ids.last().unwrap(), "us-rep-ny-14-ocasio-cortez");
}

#[test]
fn find_errors() {
    Test::new().args(["recipients", "find", "--zip", "00000"]).run().expect_code(2).stderr_is(
        "error: no congressional district is known for ZIP code `00000`\n  \
         hint: the Census ZIP areas leave out PO-box-only and some new ZIP codes\n  \
         hint: try --state XX --district N, or search by name: outcry recipients list --search NAME\n",
    );
    Test::new()
        .args(["recipients", "find", "--zip", "9411"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: `9411` is not a five-digit US ZIP code\n  hint: for example: --zip 94110\n",
        );
    Test::new()
        .args(["recipients", "find", "Atlantis"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: no UK constituency, town or council matches `Atlantis`\n  \
         hint: try the constituency name as on parliament.uk, or your council, e.g. `Rushmoor`\n  \
         hint: for US representatives use --zip, or --state XX --district N\n",
        );
}

#[test]
fn find_uk_places_forgivingly() {
    assert_eq!(find(&["Aldershot"]).0, ["uk-mp-alex-baker"]);
    assert_eq!(find(&["aldershot"]).0, ["uk-mp-alex-baker"]);
    let (ids, notes) = find(&["Aldrshot"]);
    assert_eq!(ids, ["uk-mp-alex-baker"]);
    assert_eq!(
        notes,
        ["nothing matched `Aldrshot` exactly; these are the closest names"]
    );
    // A council covering several constituencies lists them all, and says why.
    let (ids, notes) = find(&["Leeds"]);
    assert!(ids.len() >= 2, "{ids:?}");
    assert!(notes.is_empty() || notes[0].contains("your address decides"));
    let text = Test::new().args(["recipients", "find", "Aldershot"]).run();
    text.ok()
        .stdout_has("Write to them with: outcry write --to uk-mp-alex-baker");
}

#[test]
fn import_open_states_delaware() {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "openstates"])
        .arg(
            sources()
                .join("us-states-openstates/de")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2026-08-05", "--out", "de.yaml"]);
    t.run()
        .ok()
        .stdout_has("Imported 62 recipients into de.yaml")
        .stdout_has("62 with an email address")
        .stdout_has("nothing skipped");
    // Roles are unordered in the source: the current one wins, not the last one.
    let out = Test::new()
        .file(
            "de.yaml",
            &std::fs::read_to_string(t.path("de.yaml")).unwrap(),
        )
        .args([
            "--recipients",
            "de.yaml",
            "recipients",
            "list",
            "--search",
            "dave wilson",
            "--json",
        ])
        .run();
    out.ok();
    let v = out.json();
    assert_eq!(v[0]["body"], "us-state-upper");
    assert_eq!(v[0]["district"], "18");
    assert_eq!(v[0]["region"], "DE");
    Test::new()
        .file(
            "de.yaml",
            &std::fs::read_to_string(t.path("de.yaml")).unwrap(),
        )
        .args(["recipients", "check", "de.yaml"])
        .run()
        .ok()
        .stdout_has("62 recipients checked: no problems");
}

#[test]
fn import_european_parliament_csv() {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "europarl"])
        .arg(
            sources()
                .join("eu-parliament/data_v1_meps_9_en.csv")
                .display()
                .to_string(),
        )
        .args(["--as-of", "2022-08-21", "--out", "ep.yaml"]);
    let out = t.run();
    out.ok()
        .stdout_has("Imported 698 recipients into ep.yaml")
        .stdout_has("skipped 115:");
    out.stdout_has("has no email address in the source");
    out.stdout_has(
        "note: line 29: Antonius Manders has 2 addresses; using toine.manders@europarl.europa.eu",
    );
    let text = std::fs::read_to_string(t.path("ep.yaml")).unwrap();
    assert!(
        text.contains("name: Frédérique Ries"),
        "Windows-1252 is decoded"
    );
    assert!(!text.contains("mailto:"));
}

#[test]
fn import_any_csv_with_a_mapping() {
    let csv = "Full name;Riding;E-mail;Party\nAna Example;Ottawa Centre;ana@example.org;Green\nBo Example;Nowhere;not-an-email;Red\n;Empty;x@example.org;None\n";
    let mut t = Test::new().file("mps.csv", csv).args([
        "recipients",
        "import",
        "--from",
        "csv",
        "mps.csv",
        "--out",
        "ca.yaml",
        "--map",
        "name=Full name",
        "--map",
        "district=Riding",
        "--map",
        "email=E-mail",
        "--map",
        "party=Party",
        "--const",
        "body=legislature",
        "--const",
        "country=CA",
        "--const",
        "post_nominal=MP",
    ]);
    let out = t.run();
    out.ok()
        .stdout_has("Imported 1 recipients into ca.yaml")
        .stdout_has("note: line 3: ignored unusable email `not-an-email`")
        .stdout_has("line 3: recipient `bo-example` has no way to be reached")
        .stdout_has("line 4: no name");
    let text = std::fs::read_to_string(t.path("ca.yaml")).unwrap();
    assert!(
        text.contains("id: ana-example") && text.contains("district: Ottawa Centre"),
        "{text}"
    );
    Test::new()
        .file("mps.csv", csv)
        .args([
            "recipients",
            "import",
            "--from",
            "csv",
            "mps.csv",
            "--out",
            "ca.yaml",
            "--map",
            "name=Name",
        ])
        .run()
        .expect_code(2)
        .stderr_has(
            "error: the csv importer needs `body`: --map body=COLUMN or --const body=VALUE",
        );
    Test::new()
        .file("mps.csv", csv)
        .args(["recipients", "import", "--from", "csv", "mps.csv", "--out", "ca.yaml", "--map", "name=Name", "--const", "body=legislature", "--const", "country=CA"])
        .run()
        .expect_code(2)
        .stderr_is("error: `mps.csv` has no column `Name`\n  hint: its columns are: Full name, Riding, E-mail, Party\n");
}

#[test]
fn stale_data_is_flagged_with_how_to_refresh_it() {
    // The built-in data is from June 2026: fresh on the test date, stale a year later.
    Test::new()
        .args(["recipients", "list", "--search", "warren"])
        .run()
        .ok()
        .stderr_is("");
    let out = Test::new()
        .env("OUTCRY_DATE", "2027-06-01")
        .args(["recipients", "list", "--search", "warren"])
        .run();
    out.ok().stderr_has(
        "note: the recipient data in `built-in:us-congress.yaml` is from 2026-06-15 (351 days ago); people may have changed. \
         To refresh it, update outcry, or regenerate it with scripts/regenerate-recipients.",
    );
    let out = Test::new()
        .env("OUTCRY_STALE_DAYS", "30")
        .file("mine.yaml", "as_of: 2026-01-01\nrecipients:\n  - id: a\n    name: A\n    body: other\n    country: GB\n    contact: {email: a@example.org}\n")
        .args(["--recipients", "mine.yaml", "recipients", "list", "--search", "a", "--json"])
        .run();
    out.ok().stderr_has("note: the recipient data in `mine.yaml` is from 2026-01-01 (331 days ago); people may have changed. To refresh it, re-import `mine.yaml` from its source (outcry recipients import).");
}
