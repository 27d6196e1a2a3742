//! Data that stays true: terms that ended, data sets a user can refresh (`outcry data`).

use crate::harness::{Test, repo, sources, write_to};

const HOUSE_ENDED: &str = "warning: the terms of every member of the United States House of Representatives in this data ended by 2027-01-03 (a new Congress has met); letters can still be written, but check who holds each seat now.";

#[test]
fn senators_whose_terms_ended_are_not_presented_as_current() {
    // Jon Husted (OH) and Ashley Moody (FL) were appointed until the special elections of
    // 2026-11-03; the test date is 2026-11-28.
    let out = Test::new()
        .args(["recipients", "list", "--body", "us-senate", "--json"])
        .run();
    out.ok().stderr_has(
        "note: 2 people whose term has ended are not listed: Jon Husted (2026-11-03), Ashley Moody (2026-11-03); pass --include-ended to list them",
    );
    let senators = out.json();
    assert_eq!(senators.as_array().unwrap().len(), 98);
    assert!(!senators.to_string().contains("us-sen-oh-husted"));
    let all = Test::new()
        .args([
            "recipients",
            "list",
            "--body",
            "us-senate",
            "--include-ended",
            "--json",
        ])
        .run();
    assert_eq!(all.json().as_array().unwrap().len(), 100);
    // find: the seat holder is not offered, and the note says why.
    let out = Test::new()
        .args(["recipients", "find", "--zip", "43215", "--json"])
        .run();
    out.ok();
    let v = out.json();
    let ids: Vec<&str> = v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"us-sen-oh-moreno") && !ids.contains(&"us-sen-oh-husted"),
        "{ids:?}"
    );
    assert!(
        v["notes"].to_string().contains(
            "Jon Husted's term as United States Senator for Ohio ended on 2026-11-03, so they are not listed"
        ),
        "{v}"
    );
    // Asked for by name: shown, with a warning; a letter can still be written.
    Test::new()
        .args(["recipients", "show", "us-sen-oh-husted"])
        .run()
        .ok()
        .stderr_has("warning: Jon Husted's term as United States Senator for Ohio ended on 2026-11-03; they may no longer hold the seat.");
    write_to("transplant-tourism-law", "us-sen-oh-husted")
        .args(["--set", "personal=It matters to me.", "--set", "reply=no"])
        .sender()
        .args(["--no-input", "--out", "out", "--format", "txt"])
        .run()
        .ok()
        .stderr_has(
            "warning: Jon Husted's term as United States Senator for Ohio ended on 2026-11-03",
        );
}

#[test]
fn after_a_new_congress_meets_every_house_listing_and_letter_says_so() {
    let day = ("OUTCRY_DATE", "2027-01-04");
    let out = Test::new()
        .env(day.0, day.1)
        .args(["recipients", "list", "--body", "us-house", "--json"])
        .run();
    out.ok().stderr_has(HOUSE_ENDED);
    assert_eq!(
        out.json().as_array().unwrap().len(),
        437,
        "all still listed"
    );
    Test::new()
        .env(day.0, day.1)
        .args(["recipients", "find", "--zip", "94110"])
        .run()
        .ok()
        .stdout_has("us-rep-ca-11-pelosi")
        .stderr_has(HOUSE_ENDED);
    Test::new()
        .env(day.0, day.1)
        .args(["recipients", "show", "us-rep-ca-11-pelosi"])
        .run()
        .ok()
        .stderr_has(HOUSE_ENDED);
    let out = write_to("transplant-tourism-law", "us-rep-ca-11-pelosi")
        .env(day.0, day.1)
        .args(["--set", "personal=It matters to me.", "--set", "reply=no"])
        .sender()
        .args(["--no-input", "--out", "out", "--format", "txt", "--json"])
        .run();
    out.ok().stderr_has(HOUSE_ENDED);
    let summary = out.json();
    assert_eq!(summary["letters"], 1);
    assert!(
        summary["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with(HOUSE_ENDED),
        "{summary}"
    );
    // The day before, nothing is said about the House (only that the data is old).
    let out = Test::new()
        .env("OUTCRY_DATE", "2027-01-02")
        .args(["recipients", "show", "us-rep-ca-11-pelosi"])
        .run();
    out.ok();
    assert!(!out.stderr.contains("warning:"), "{}", out.stderr);
}

/// legislators-current.yaml in which Elizabeth Warren left and Ada Example arrived.
fn congress_with_a_new_senator() -> String {
    let src =
        std::fs::read_to_string(sources().join("us-congress/legislators-current.yaml")).unwrap();
    let mut all: serde_yaml::Value = serde_yaml::from_str(&src).unwrap();
    let list = all.as_sequence_mut().unwrap();
    let i = list
        .iter()
        .position(|l| l["id"]["bioguide"].as_str() == Some("W000817"))
        .unwrap();
    let mut new = list.remove(i);
    new["id"] = serde_yaml::from_str("bioguide: X000001").unwrap();
    new["name"] =
        serde_yaml::from_str("{first: Ada, last: Example, official_full: Ada Example}").unwrap();
    let term = new["terms"].as_sequence_mut().unwrap().last_mut().unwrap();
    term["start"] = "2026-06-01".into();
    term["end"] = "2031-01-03".into();
    term["url"] = "https://www.example.senate.gov".into();
    list.push(new);
    serde_yaml::to_string(&all).unwrap()
}

fn senators(t: &mut Test, state: &str) -> Vec<String> {
    let out = t
        .with(
            &[
                "recipients",
                "list",
                "--body",
                "us-senate",
                "--region",
                state,
                "--json",
            ],
            &[],
        )
        .run();
    out.ok();
    out.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_update_replaces_the_built_in_set_and_reset_restores_it() {
    let mut t = Test::new().file(
        "new/legislators-current.yaml",
        &congress_with_a_new_senator(),
    );
    assert_eq!(
        senators(&mut t, "MA"),
        ["us-sen-ma-markey", "us-sen-ma-warren"]
    );
    let out = t
        .with(
            &[
                "data",
                "update",
                "--from",
                "congress-legislators",
                "new",
                "--as-of",
                "2026-06-15",
            ],
            &[],
        )
        .run();
    out.ok()
        .stdout_has("Checked 537 records for us-congress from new")
        .stdout_has("data as of 2026-06-15: given with --as-of")
        .stdout_has("Updated us-congress: data of 2026-06-15, now read from ")
        .stdout_has("  1 no longer in the data: us-sen-ma-warren\n  1 new: us-sen-ma-example\n");
    // Exactly the new set, everywhere.
    assert_eq!(
        senators(&mut t, "MA"),
        ["us-sen-ma-markey", "us-sen-ma-example"]
    );
    let out = t
        .with(&["recipients", "find", "--zip", "02108", "--json"], &[])
        .run();
    out.ok();
    let found = out.json()["recipients"].to_string();
    assert!(
        found.contains("us-sen-ma-example") && !found.contains("us-sen-ma-warren"),
        "{found}"
    );
    t.with(&["recipients", "show", "us-sen-ma-warren"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: no recipient with id `us-sen-ma-warren`");
    let out = t.with(&["data", "status", "--json"], &[]).run();
    out.ok();
    let congress = out.json()[0].clone();
    assert_eq!(congress["name"], "us-congress");
    assert_eq!(congress["origin"], "update");
    assert_eq!(congress["as_of"], "2026-06-15");
    assert_eq!(congress["records"], 537);
    assert_eq!(congress["imported_on"], "2026-11-28");
    assert_eq!(congress["imported_from"], serde_json::json!(["new"]));

    // A broken file changes nothing.
    let mut broken = congress_with_a_new_senator();
    broken.insert_str(0, "- id: {bioguide: [unclosed\n");
    std::fs::create_dir_all(t.path("broken")).unwrap();
    std::fs::write(t.path("broken/legislators-current.yaml"), broken).unwrap();
    t.with(
        &[
            "data",
            "update",
            "--from",
            "congress-legislators",
            "broken",
            "--as-of",
            "2026-06-16",
        ],
        &[],
    )
    .run()
    .expect_code(2)
    .stderr_has("error: `broken/legislators-current.yaml:");
    assert_eq!(
        senators(&mut t, "MA"),
        ["us-sen-ma-markey", "us-sen-ma-example"]
    );

    // Back to the built-in copy.
    t.with(&["data", "reset", "us-congress"], &[])
        .run()
        .ok()
        .stdout_has("us-congress is back to the built-in copy (the update was removed)");
    assert_eq!(
        senators(&mut t, "MA"),
        ["us-sen-ma-markey", "us-sen-ma-warren"]
    );
    t.with(&["data", "reset", "us-congress"], &[])
        .run()
        .ok()
        .stdout_has("us-congress is already the built-in copy; nothing to reset");
    t.with(&["data", "update", "--from", "csv", "x.csv"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: `csv` does not update a built-in data set\n  hint: formats that do: congress-legislators (us-congress), zccd (us-zip), uk-mp-lookup (uk-commons), uk-lords (uk-lords), europarl-10 (eu-parliament), assemblee-nationale (fr-assemblee)\n");
    t.with(&["data", "reset", "us-nothing"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: there is no data set called `us-nothing`");
}

#[test]
fn the_zip_table_can_be_replaced_too() {
    // Redistricting: 94110 moves to CA-12 (Simon) in the new table.
    let built_in = std::fs::read_to_string(repo().join("recipients/us-zip-districts.csv")).unwrap();
    let moved = built_in.replace("06,CA,94110,11", "06,CA,94110,12");
    assert_ne!(moved, built_in);
    let mut t = Test::new().file("zccd.csv", &moved).file(
        "bad.csv",
        "state_fips,state_abbr,zcta,cd\n06,CA,94110,12\n06,CA,9411,x\n",
    );
    t.with(&["data", "update", "--from", "zccd", "bad.csv"], &[])
        .run()
        .expect_code(2)
        .stderr_is(
            "error: the ZIP table did not pass the checks; the current one was left as it is: 2 problems found\n  \
             bad.csv:3: `9411` is not a five-digit ZIP code\n  \
             bad.csv:3: `x` is not a district number\n  \
             hint: pass the zccd.csv file of OpenSourceActivismTech/us-zipcodes-congress\n",
        );
    let out = t
        .with(&["data", "update", "--from", "zccd", "zccd.csv"], &[])
        .run();
    out.ok()
        .stdout_has("Checked 42033 rows for us-zip from zccd.csv")
        .stdout_has("data as of 2026-11-28: the day of the import: the file carries no date");
    let out = t
        .with(&["recipients", "find", "--zip", "94110", "--json"], &[])
        .run();
    out.ok();
    assert_eq!(out.json()["recipients"][2]["district"], "12");
    t.with(&["data", "reset", "us-zip"], &[]).run().ok();
    let out = t
        .with(&["recipients", "find", "--zip", "94110", "--json"], &[])
        .run();
    assert_eq!(out.json()["recipients"][2]["district"], "11");
}

#[test]
fn status_lists_every_data_set_with_its_date_and_where_to_get_a_newer_one() {
    let out = Test::new().args(["data", "status"]).run();
    out.ok()
        .stdout_has("us-congress  US Congress: senators, representatives and delegates\n    built in\n    data of 2026-06-15 (166 days old); 537 records")
        .stdout_has("      from https://raw.githubusercontent.com/unitedstates/congress-legislators/main/legislators-current.yaml")
        .stdout_has("uk-postcodes  UK postcode → Westminster constituency (Great Britain)")
        .stdout_has("attribution: Contains OS data © Crown copyright and database right; Contains Royal Mail data © Royal Mail copyright and database right;");
    let out = Test::new()
        .file("mine.yaml", "as_of: 2026-01-01\nrecipients:\n  - id: a\n    name: A\n    body: other\n    country: GB\n    contact: {email: a@example.org}\n")
        .args(["--recipients", "mine.yaml", "data", "status", "--json"])
        .run();
    out.ok();
    let rows = out.json();
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    for set in [
        "us-congress",
        "us-zip",
        "uk-commons",
        "uk-postcodes",
        "uk-lords",
        "eu-parliament",
        "fr-assemblee",
        "mine.yaml",
    ] {
        assert!(names.contains(&set), "{set} missing from {names:?}");
    }
    let mine = rows.as_array().unwrap().last().unwrap();
    assert_eq!(mine["origin"], "file");
    assert_eq!(mine["age_days"], 331);
    assert_eq!(mine["stale"], true);
}

#[test]
fn import_records_the_date_of_the_data_never_silently_today() {
    let mut t = Test::new()
        .args(["recipients", "import", "--from", "uk-mp-lookup"])
        .arg(
            sources()
                .join("uk-commons/mp_lookup.csv")
                .display()
                .to_string(),
        )
        .args(["--out", "uk.yaml"]);
    t.run()
        .ok()
        .stdout_has("  data as of 2026-11-28: the day of the import: the files carry no date (pass --as-of with the date they were published)");
    let text = std::fs::read_to_string(t.path("uk.yaml")).unwrap();
    assert!(text.contains("\nas_of: 2026-11-28\n"), "{}", &text[..400]);
}
