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
    let us = list(&["--country", "US", "--include-ended"]);
    assert!(us.len() >= 537, "{} members", us.len());
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
    let gb = list(&["--country", "UK", "--body", "uk-commons"]);
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
        .stdout_has("[email, post, phone]")
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

/// The Assemblée nationale files, kept as the tarball they came in, unpacked into `dir`.
pub fn unpack_assemblee(dir: &std::path::Path) -> std::path::PathBuf {
    let out = dir.join("an");
    std::fs::create_dir_all(&out).unwrap();
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(sources().join("fr-assemblee/an_acteurs_raw.tar.gz"))
        .arg("-C")
        .arg(&out)
        .status()
        .expect("run tar");
    assert!(status.success());
    out
}

/// The built-in files are exactly what the documented import commands produce
/// (`scripts/regenerate-recipients` runs the same commands).
#[test]
fn built_in_data_regenerates_from_the_sources() {
    let sources = sources();
    let scratch = tempfile::tempdir().unwrap();
    let an = unpack_assemblee(scratch.path());
    for (format, inputs, as_of, file) in [
        (
            "congress-legislators",
            vec![sources.join("us-congress")],
            "2026-06-15",
            "us-congress.yaml",
        ),
        (
            "uk-mp-lookup",
            vec![
                sources.join("uk-commons/mp_lookup.csv"),
                sources.join("uk-parliament-members/mp_contact_details.xml"),
            ],
            "2026-06-27",
            "uk-commons.yaml",
        ),
        (
            "uk-lords",
            vec![sources.join("uk-parliament-members/lords_contact_details.xml")],
            "2025-07-01",
            "uk-lords.yaml",
        ),
        (
            "europarl-10",
            vec![
                sources.join("eu-parliament-10/ep10_current_meps.csv"),
                sources.join("eu-parliament/data_v1_meps_9_en.csv"),
            ],
            "2025-07-11",
            "eu-parliament.yaml",
        ),
        (
            "assemblee-nationale",
            vec![an.clone()],
            "2025-11-18",
            "fr-assemblee.yaml",
        ),
    ] {
        let mut t = Test::new()
            .args(["recipients", "import", "--from", format])
            .args(inputs.iter().map(|p| p.display().to_string()))
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
        .stdout_has("Imported 537 recipients into c.yaml")
        .stdout_has("note: committee files not found beside legislators-current.yaml")
        .stdout_has("note: James Gallagher: the source has no office address, phone or contact form yet; listed with the Capitol switchboard (202-224-3121)");
    // Refuses to overwrite.
    t.run()
        .expect_code(2)
        .stderr_has("error: `c.yaml` already exists; nothing was written\n  hint: pass --force to replace it, or give another file name\n");
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
    let files: Vec<String> = [
        "us-congress.yaml",
        "uk-commons.yaml",
        "uk-lords.yaml",
        "eu-parliament.yaml",
        "fr-assemblee.yaml",
        "institutions.yaml",
    ]
    .iter()
    .map(|f| repo().join("recipients").join(f).display().to_string())
    .collect();
    Test::new()
        .args(["recipients", "check"])
        .args(files)
        .run()
        .ok()
        .stdout_has("3306 recipients checked: no problems");
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
fn find_by_zip_plus_four_and_in_the_territories() {
    let pelosi = find(&["--zip", "94110"]).0;
    assert_eq!(find(&["--zip", "94110-1234"]).0, pelosi);
    assert_eq!(find(&["--zip", "941101234"]).0, pelosi);
    // A ZIP code typed where a place goes works too.
    assert_eq!(find(&["94110-1234"]).0, pelosi);
    for (zip, delegate, territory) in [
        ("96910", "us-rep-gu-al-moylan", "Guam"),
        ("00802", "us-rep-vi-al-plaskett", "The US Virgin Islands"),
        ("96799", "us-rep-as-al-radewagen", "American Samoa"),
        (
            "96950",
            "us-rep-mp-al-king-hinds",
            "The Northern Mariana Islands",
        ),
    ] {
        let (ids, notes) = find(&["--zip", zip]);
        assert_eq!(ids, [delegate], "{zip}");
        assert_eq!(
            notes,
            [format!(
                "{territory} has no senators; its member of the House is a non-voting Delegate"
            )]
        );
    }
}

#[test]
fn find_by_state_and_district() {
    // An at-large state: district 1 is its one seat.
    let (ids, notes) = find(&["--state", "AK", "--district", "1"]);
    assert_eq!(
        ids,
        [
            "us-sen-ak-murkowski",
            "us-sen-ak-sullivan",
            "us-rep-ak-al-begich"
        ]
    );
    assert_eq!(
        notes,
        [
            "Alaska has a single seat in the House, elected at large (district 0); that is the member for district 1"
        ]
    );
    // A district that does not exist is not a vacancy.
    Test::new()
        .args(["recipients", "find", "--state", "MA", "--district", "15"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: Massachusetts has 9 congressional districts (1 to 9); there is no district 15\n  \
             hint: find yours from your ZIP code: outcry recipients find --zip ZIP, or list them: outcry recipients list --body us-house --region MA\n",
        );
    Test::new()
        .args(["recipients", "find", "--state", "XX", "--district", "1"])
        .run()
        .expect_code(2)
        .stderr_has("error: `XX` is not a US state or territory code");
    // A real vacancy says so.
    let (ids, notes) = find(&["--state", "TX", "--district", "23"]);
    assert_eq!(ids.len(), 2, "the senators only: {ids:?}");
    assert_eq!(
        notes,
        ["TX-23 is vacant: the data has no member for it (as of 2026-06-15)"]
    );
    // Sworn in with no office in the source yet: listed, with the Capitol switchboard.
    let out = Test::new()
        .args([
            "recipients",
            "find",
            "--state",
            "CA",
            "--district",
            "1",
            "--json",
        ])
        .run();
    out.ok();
    let v = out.json();
    let gallagher = v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "us-rep-ca-01-gallagher")
        .expect("CA-1 is listed");
    assert_eq!(gallagher["contact"]["phone"], "202-224-3121");
    assert_eq!(
        v["notes"][0],
        "James Gallagher has no office address or phone in the data yet; call the Capitol switchboard (202-224-3121) and ask for their office"
    );
    Test::new()
        .args(["recipients", "find", "--state", "CA", "--district", "1"])
        .run()
        .ok()
        .stdout_has(
            "phone 202-224-3121 (not their own: the Capitol switchboard; ask for their office)",
        );
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
            "error: `9411` is not a US ZIP code (five digits, or ZIP+4)\n  hint: for example: --zip 94110 or --zip 94110-1234\n",
        );
    Test::new()
        .args(["recipients", "find", "Atlantis"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: no UK constituency, town or council matches `Atlantis`\n  \
         hint: try the constituency name as on parliament.uk, your council, e.g. `Rushmoor`, or your postcode\n  \
         hint: for US representatives use --zip, or --state XX --district N\n",
        );
    Test::new()
        .args(["recipients", "find", "Wales"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: `Wales` is a region with 32 constituencies; give your borough, council, town or postcode to find yours\n  \
         hint: for example: outcry recipients find Camden, or find \"SW1A 0AA\"\n",
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
    assert!(
        notes[0].contains("your address or postcode decides"),
        "{notes:?}"
    );
    let text = Test::new().args(["recipients", "find", "Aldershot"]).run();
    text.ok()
        .stdout_has("Write to them with: outcry write --to uk-mp-alex-baker");
}

fn districts(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let out = Test::new()
        .args(["recipients", "find", "--json"])
        .args(args.iter().copied())
        .run();
    out.ok();
    let v = out.json();
    let names = v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["district"].as_str().unwrap().to_string())
        .collect();
    let notes = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    (names, notes)
}

#[test]
fn find_uk_places_on_word_boundaries_with_variants() {
    // Whole words: Hull is not Solihull, London is not East Londonderry.
    let (hull, notes) = districts(&["Hull"]);
    assert_eq!(
        hull,
        [
            "Kingston upon Hull East",
            "Kingston upon Hull North and Cottingham",
            "Kingston upon Hull West and Haltemprice"
        ]
    );
    assert_eq!(
        notes,
        ["`Hull` matches 3 constituency names; your address or postcode decides which is yours"]
    );
    let (london, notes) = districts(&["London"]);
    assert_eq!(london, ["Cities of London and Westminster"]);
    assert_eq!(
        notes,
        [
            "`London` is a region with 75 constituencies; give your borough, council, town or postcode to find yours"
        ]
    );
    // A constituency that is also a council: the constituency first, then the council's others.
    let (wigan, notes) = districts(&["Wigan"]);
    assert_eq!(
        wigan,
        [
            "Wigan",
            "Leigh and Atherton",
            "Makerfield",
            "Worsley and Eccles"
        ]
    );
    assert_eq!(
        notes,
        [
            "`Wigan` is a constituency and also a council area covering 4 constituencies (Leigh and Atherton, Makerfield, Wigan, Worsley and Eccles); the constituency of that name is listed first, and your address or postcode decides which is yours"
        ]
    );
    // A county lists every constituency in it.
    let (hampshire, notes) = districts(&["Hampshire"]);
    assert_eq!(hampshire.len(), 15);
    assert!(notes[0].starts_with("`Hampshire` is a council or county covering 15 constituencies"));
    // Local and Welsh names, Saint/St, &/and, hyphens.
    assert_eq!(
        districts(&["Derry"]),
        (
            vec!["Foyle".to_string()],
            vec!["`Derry` is in the constituency of Foyle".to_string()]
        )
    );
    assert_eq!(
        districts(&["Saint Helens"]).0,
        ["St Helens North", "St Helens South and Whiston"]
    );
    assert_eq!(districts(&["Saint Albans"]).0[0], "St Albans");
    assert_eq!(districts(&["Brighton & Hove"]).0.len(), 3);
    assert_eq!(districts(&["stoke on trent"]).0.len(), 3);
    assert_eq!(
        districts(&["De Caerdydd a Phenarth"]).0,
        ["Cardiff South and Penarth"]
    );
    assert_eq!(districts(&["Caerdydd"]).0.len(), 4);
}

#[test]
fn find_by_uk_postcode() {
    let out = Test::new()
        .args(["recipients", "find", "SW1A 0AA", "--json"])
        .run();
    out.ok();
    let v = out.json();
    assert_eq!(
        v["recipients"][0]["district"],
        "Cities of London and Westminster"
    );
    assert_eq!(v["recipients"].as_array().unwrap().len(), 1);
    assert_eq!(v["constituency"]["code"], "E14001172");
    assert!(
        v["attribution"]
            .as_str()
            .unwrap()
            .contains("mySociety (CC BY 4.0)")
    );
    // Any spacing and case; the text output carries the attribution.
    Test::new()
        .args(["recipients", "find", "sw1a0aa"])
        .run()
        .ok()
        .stdout_has("Member of Parliament for Cities of London and Westminster")
        .stdout_has("Postcode lookup: Contains OS data © Crown copyright and database right;");
    // A district lists every constituency it overlaps, with shares, largest first.
    let out = Test::new()
        .args(["recipients", "find", "LS6", "--json"])
        .run();
    out.ok();
    let v = out.json();
    let found = v["recipients"].as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["district"], "Leeds Central and Headingley");
    assert_eq!(found[0]["share"], 0.828);
    assert_eq!(found[1]["district"], "Leeds North East");
    assert_eq!(
        v["notes"][0],
        "the postcode district LS6 overlaps 2 constituencies (share of its postcodes: Leeds Central and Headingley 83%, Leeds North East 17%); your full postcode decides which is yours"
    );
    // A sector in one constituency.
    assert_eq!(districts(&["LS6 9"]).0, ["Leeds North East"]);
    // Northern Ireland: ask for the constituency or town instead.
    Test::new()
        .args(["recipients", "find", "BT48 6DQ"])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: `BT48 6DQ` is a Northern Ireland postcode; the offline postcode lookup covers Great Britain only\n  \
             hint: give your constituency or town name instead, e.g. outcry recipients find Foyle, or find Belfast\n",
        );
    Test::new()
        .args(["recipients", "find", "ZZ9 9ZZ"])
        .run()
        .expect_code(2)
        .stderr_has("error: no constituency is known for the postcode `ZZ9 9ZZ`");
}

/// 200 postcodes sampled from the full decoded table (tests/fixtures/README.md) give the
/// same constituency through `recipients find`, and that constituency's MP.
#[test]
fn find_agrees_with_200_sampled_postcodes() {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/uk-postcodes-sample.csv")).unwrap();
    let rows: Vec<(String, String, String)> = text
        .lines()
        .skip(1)
        .map(|line| {
            let (postcode, rest) = line.split_once(',').unwrap();
            let (code, name) = rest.split_once(',').unwrap();
            (postcode.into(), code.into(), name.trim_matches('"').into())
        })
        .collect();
    assert_eq!(rows.len(), 200);
    let wrong: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(50)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut wrong = Vec::new();
                    for (postcode, code, name) in chunk {
                        let out = Test::new()
                            .args(["recipients", "find", "--json", postcode])
                            .run();
                        if out.code != 0 {
                            wrong.push(format!("{postcode}: {}", out.stderr));
                            continue;
                        }
                        let v = out.json();
                        let mp = &v["recipients"][0];
                        if v["constituency"]["code"] != code.as_str()
                            || v["constituency"]["name"] != name.as_str()
                            || mp["district"] != name.as_str()
                            || v["recipients"].as_array().unwrap().len() != 1
                        {
                            wrong.push(format!("{postcode}: want {code} {name}, got {v}"));
                        }
                    }
                    wrong
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        wrong.is_empty(),
        "{} of 200 disagree:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
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
         To refresh it, run `outcry data update --from congress-legislators FILE...` with the source from \
         https://raw.githubusercontent.com/unitedstates/congress-legislators/main/legislators-current.yaml (`outcry data status` lists every file).",
    );
    let out = Test::new()
        .env("OUTCRY_STALE_DAYS", "30")
        .file("mine.yaml", "as_of: 2026-01-01\nrecipients:\n  - id: a\n    name: A\n    body: other\n    country: GB\n    contact: {email: a@example.org}\n")
        .args(["--recipients", "mine.yaml", "recipients", "list", "--search", "a", "--json"])
        .run();
    out.ok().stderr_has("note: the recipient data in `mine.yaml` is from 2026-01-01 (331 days ago); people may have changed. To refresh it, re-import `mine.yaml` from its source (outcry recipients import).");
}
