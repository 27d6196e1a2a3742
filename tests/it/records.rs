//! After you write: the ledger of every letter, `mark`, `reply`, `followup` (reminders and
//! chase letters), `history` (all channels, by recipient, export), `bills import` and the
//! cosponsors it marks. Time moves with `OUTCRY_DATE`.

use std::process::Command;
use std::time::Duration;

use crate::harness::{Outcome, Test, write_to};

const WARREN: &str = "2026-11-28_transplant-tourism-law_us-sen-ma-warren";
const PERSONAL: &str =
    "As a transplant nurse in Springfield I have seen what a freely given organ means.";

/// A test folder where one letter to Senator Warren (post, phone, form) was written on
/// 2026-11-28.
fn warren() -> Test {
    let mut t = write_to("transplant-tourism-law", "us-sen-ma-warren")
        .sender()
        .arg(format!("--set=personal={PERSONAL}"))
        .arg("--no-input");
    t.run().ok();
    t
}

/// Runs `args` in the test folder on `date`.
fn on(t: &mut Test, date: &str, args: &[&str]) -> Outcome {
    t.with(args, &[("OUTCRY_DATE", date)]).run()
}

/// The ids of the letters `followup --json` lists as due on `date`, with their stage.
fn due(t: &mut Test, date: &str) -> Vec<(String, String)> {
    let out = on(t, date, &["followup", "--json"]);
    out.ok();
    out.json()["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["letter"].as_str().unwrap().to_string(),
                d["stage"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn ledger_lines(t: &Test) -> Vec<serde_json::Value> {
    std::fs::read_to_string(t.path("data/ledger.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_letter_written_is_in_the_ledger_with_its_ask_and_files() {
    let t = warren();
    let lines = ledger_lines(&t);
    assert_eq!(lines.len(), 1);
    let w = &lines[0];
    assert_eq!(w["event"], "written");
    assert_eq!(w["letter"], WARREN);
    assert_eq!(w["template"], "transplant-tourism-law");
    assert_eq!(w["recipient"], "us-sen-ma-warren");
    assert_eq!(w["date"], "2026-11-28");
    assert_eq!(w["channels"], serde_json::json!(["post", "phone", "form"]));
    let ask = w["ask"].as_str().unwrap();
    assert!(ask.starts_with("Will you") && ask.ends_with('?'), "{ask}");
    let call = std::fs::read_to_string(t.path(&format!("letters/{WARREN}.call.txt"))).unwrap();
    assert!(
        call.contains(ask),
        "the call script asks the ledger's question:\n{call}"
    );
    let files: Vec<&str> = w["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 4, "{files:?}");
    for f in files {
        assert!(
            std::path::Path::new(f).is_absolute() && std::path::Path::new(f).exists(),
            "{f}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.path("data/ledger.jsonl"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the ledger is private: {mode:o}");
    }
}

#[test]
fn posted_on_day_0_due_on_day_14_not_13_again_at_6_weeks_never_after_a_reply() {
    let mut t = warren();
    on(
        &mut t,
        "2026-11-28",
        &[
            "mark",
            &format!("letters/{WARREN}.pdf"),
            "--posted",
            "--tracking",
            "RR123456789GB",
        ],
    )
    .ok()
    .stdout_has("posted on 2026-11-28 (tracking RR123456789GB)")
    .stdout_has("If no reply is recorded by 2026-12-12");

    assert_eq!(due(&mut t, "2026-12-11"), []);
    on(&mut t, "2026-12-11", &["followup"])
        .ok()
        .stdout_has("No letter is waiting for a reply today (2026-12-11).");
    assert_eq!(
        due(&mut t, "2026-12-12"),
        [(WARREN.to_string(), "14-days".to_string())]
    );
    let text = on(&mut t, "2026-12-12", &["followup"]);
    text.ok()
        .stdout_has("1 letter is waiting for a reply, oldest first:")
        .stdout_has("to Senator Elizabeth Warren, posted 2026-11-28: 14 days ago, no reply recorded (2-week reminder)")
        .stdout_has(&format!("outcry followup --chase {WARREN}"));

    // "No reply yet", noted after the first reminder, quiets it until six weeks.
    on(
        &mut t,
        "2026-12-14",
        &["reply", "us-sen-ma-warren", "--outcome", "not-yet"],
    )
    .ok()
    .stdout_has("no reply yet on 2026-12-14");
    assert_eq!(due(&mut t, "2026-12-20"), []);
    assert_eq!(due(&mut t, "2027-01-08"), []);
    assert_eq!(
        due(&mut t, "2027-01-09"),
        [(WARREN.to_string(), "6-weeks".to_string())]
    );

    // A reply ends the reminders, and a good one offers the thank-you letter.
    on(&mut t, "2027-01-12", &["reply", WARREN, "--outcome", "satisfied", "--date", "2027-01-10"])
        .ok()
        .stdout_has("replied and satisfied on 2027-01-10, 43 days after it was sent.")
        .stdout_has("outcry write --template thank-you --to us-sen-ma-warren --set action=\"your reply of January 10, 2027\" --channel post --channel phone --channel form --out ");
    assert_eq!(due(&mut t, "2027-01-12"), []);
    assert_eq!(due(&mut t, "2027-06-01"), []);

    let h = on(&mut t, "2027-01-12", &["history"]);
    h.ok()
        .stdout_has(&format!("2026-11-28  {WARREN}"))
        .stdout_has("    posted 2026-11-28 (tracking RR123456789GB)")
        .stdout_has("    reply 2027-01-10: replied and satisfied (43 days)");
}

#[test]
fn the_clock_starts_when_the_letter_went_out_and_an_unsent_letter_is_only_noted() {
    let mut t = warren();
    assert_eq!(due(&mut t, "2027-01-01"), []);
    on(&mut t, "2027-01-01", &["followup"])
        .ok()
        .stdout_has("1 letter is written but not recorded as sent")
        .stdout_has(&format!("  {WARREN}  (to Senator Elizabeth Warren)"));
    on(
        &mut t,
        "2027-01-01",
        &["mark", WARREN, "--called", "--date", "2026-12-01"],
    )
    .ok();
    assert_eq!(due(&mut t, "2026-12-14"), []);
    assert_eq!(
        due(&mut t, "2026-12-15"),
        [(WARREN.to_string(), "14-days".to_string())]
    );
    // An acknowledgement skips the first reminder but not the second.
    on(
        &mut t,
        "2026-12-20",
        &["reply", WARREN, "--outcome", "acknowledgement"],
    )
    .ok();
    assert_eq!(due(&mut t, "2026-12-20"), []);
    assert_eq!(
        due(&mut t, "2027-01-12"),
        [(WARREN.to_string(), "6-weeks".to_string())]
    );
}

#[test]
fn mark_and_reply_refuse_what_cannot_be_true() {
    let mut t = warren();
    let out = on(
        &mut t,
        "2026-11-28",
        &["mark", "letters/nothing.pdf", "--posted"],
    );
    out.expect_code(2)
        .stderr_has("error: no letter `letters/nothing.pdf` in the ledger");
    let out = on(
        &mut t,
        "2026-11-28",
        &["mark", WARREN, "--posted", "--date", "2026-11-29"],
    );
    out.expect_code(2)
        .stderr_has("error: --date 2026-11-29 is after today (2026-11-28)");
    let out = on(
        &mut t,
        "2026-11-30",
        &["mark", WARREN, "--posted", "--date", "2026-11-01"],
    );
    out.expect_code(2).stderr_has("is before the letter");
    let out = on(&mut t, "2026-11-30", &["mark", WARREN]);
    out.expect_code(2);
    let out = on(&mut t, "2026-11-30", &["reply", "us-sen-ma-warren"]);
    out.expect_code(2)
        .stderr_has("error: missing --outcome: what came back?")
        .stderr_has("hint: pass --outcome satisfied, unsatisfactory, acknowledgement, not-yet or not-expected");
    let out = on(
        &mut t,
        "2026-11-30",
        &["reply", "us-sen-ca-nobody", "--outcome", "satisfied"],
    );
    out.expect_code(2).stderr_has(
        "error: no letter `us-sen-ca-nobody` and no letter to `us-sen-ca-nobody` in the ledger",
    );
    assert_eq!(ledger_lines(&t).len(), 1, "nothing was recorded");
}

#[test]
fn a_reply_eml_gives_its_date_and_sender() {
    let mut t = warren();
    on(&mut t, "2026-11-28", &["mark", WARREN, "--submitted-form"]).ok();
    let eml = "From: Office of Senator Warren <office@example.org>\r\nTo: zoe@example.org\r\nSubject: Re: Organ trafficking abroad\r\nDate: Tue, 15 Dec 2026 15:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThank you for contacting our office.\r\n";
    std::fs::write(t.path("reply.eml"), eml).unwrap();
    let out = on(
        &mut t,
        "2026-12-20",
        &[
            "reply",
            "us-sen-ma-warren",
            "--outcome",
            "unsatisfactory",
            "--eml",
            "reply.eml",
            "--json",
        ],
    );
    out.ok();
    let j = out.json();
    assert_eq!(j["date"], "2026-12-15");
    assert_eq!(j["days_to_reply"], 17);
    assert_eq!(j["outcome"], "unsatisfactory");
    let last = ledger_lines(&t).pop().unwrap();
    assert_eq!(
        last["from"],
        "Office of Senator Warren <office@example.org>"
    );
    assert_eq!(last["text"], "Thank you for contacting our office.");
    assert_eq!(due(&mut t, "2027-03-01"), []);
}

#[test]
fn the_chase_letter_quotes_the_original_date_and_ask_goes_the_same_way_and_links_back() {
    let mut t = Test::new().file(
        "config/profile.yaml",
        "name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street, Leeds LS1 1AA]\ncountry: GB\n",
    );
    t.with(
        &[
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "uk-mp-alex-baker,us-sen-ma-warren",
            "--set",
            &format!("personal={PERSONAL}"),
            "--no-input",
            "--out",
            "sent-letters",
        ],
        &[],
    )
    .run()
    .ok();
    let originals = ledger_lines(&t);
    let baker = "2026-11-28_transplant-tourism-law_uk-mp-alex-baker";
    let ask = |id: &str| {
        originals.iter().find(|l| l["letter"] == id).unwrap()["ask"]
            .as_str()
            .unwrap()
            .to_string()
    };
    on(&mut t, "2026-11-28", &["mark", WARREN, "--posted"]).ok();

    // By email (txt + eml), in the original's folder, dated in the recipient's style.
    on(
        &mut t,
        "2026-12-14",
        &["followup", "--chase", baker, "--no-input"],
    )
    .ok();
    let chase =
        std::fs::read_to_string(t.path("sent-letters/2026-12-14_chase_uk-mp-alex-baker.txt"))
            .unwrap();
    assert!(chase.contains("28 November 2026"), "{chase}");
    assert!(chase.contains(&ask(baker)), "{chase}");
    assert!(
        t.path("sent-letters/2026-12-14_chase_uk-mp-alex-baker.eml")
            .exists()
    );
    let eml = std::fs::read_to_string(t.path("sent-letters/2026-12-14_chase_uk-mp-alex-baker.eml"))
        .unwrap();
    assert!(
        eml.contains("Subject: Following up my letter of 28 November 2026"),
        "{eml}"
    );

    // By post, phone and form, US style; the original is no longer due, the chase is.
    assert_eq!(
        due(&mut t, "2026-12-14"),
        [(WARREN.to_string(), "14-days".to_string())]
    );
    on(
        &mut t,
        "2026-12-14",
        &[
            "followup",
            "--chase",
            &format!("sent-letters/{WARREN}.envelope.txt"),
            "--no-input",
        ],
    )
    .ok();
    let files = crate::harness::file_names(&t.path("sent-letters"));
    for ext in ["pdf", "envelope.txt", "call.txt", "form.txt"] {
        let name = format!("2026-12-14_chase_us-sen-ma-warren.{ext}");
        assert!(files.contains(&name), "{name} in {files:?}");
    }
    let form =
        std::fs::read_to_string(t.path("sent-letters/2026-12-14_chase_us-sen-ma-warren.form.txt"))
            .unwrap();
    assert!(form.contains("November 28, 2026"), "{form}");
    assert!(form.contains(&ask(WARREN)), "{form}");
    let chase_line = ledger_lines(&t)
        .into_iter()
        .rev()
        .find(|l| l["event"] == "written")
        .unwrap();
    assert_eq!(chase_line["letter"], "2026-12-14_chase_us-sen-ma-warren");
    assert_eq!(chase_line["follows"], WARREN);
    assert_eq!(due(&mut t, "2026-12-14"), []);

    on(
        &mut t,
        "2026-12-20",
        &["mark", "2026-12-14_chase_us-sen-ma-warren", "--posted"],
    )
    .ok();
    assert_eq!(
        due(&mut t, "2027-01-03"),
        [(
            "2026-12-14_chase_us-sen-ma-warren".to_string(),
            "14-days".to_string()
        )]
    );
    // A reply to the original, late, closes the chase too.
    on(
        &mut t,
        "2027-01-03",
        &["reply", WARREN, "--outcome", "unsatisfactory"],
    )
    .ok();
    assert_eq!(due(&mut t, "2027-01-03"), []);
    on(&mut t, "2027-01-03", &["history"])
        .ok()
        .stdout_has("    chased by 2026-12-14_chase_us-sen-ma-warren")
        .stdout_has(&format!("    follows up {WARREN}"));
}

/// Writes a letter on `date` to `to`, posts it that day, and records a reply `after` days later.
fn letter_with_reply(t: &mut Test, to: &str, date: &str, after: Option<i64>) {
    t.with(
        &[
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            to,
            "--date",
            date,
            "--set",
            &format!("personal={PERSONAL}"),
            "--no-input",
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
        ],
        &[],
    )
    .run()
    .ok();
    let id = format!("{date}_transplant-tourism-law_{to}");
    on(t, date, &["mark", &id, "--posted"]).ok();
    if let Some(days) = after {
        let d: jiff::civil::Date = date.parse().unwrap();
        let reply = d
            .checked_add(jiff::Span::new().days(days))
            .unwrap()
            .to_string();
        on(t, &reply, &["reply", &id, "--outcome", "unsatisfactory"]).ok();
    }
}

#[test]
fn history_by_recipient_gives_letters_replies_median_days_and_last_contact() {
    let mut t = Test::new();
    letter_with_reply(&mut t, "us-sen-ma-warren", "2026-09-01", Some(10));
    letter_with_reply(&mut t, "us-sen-ma-warren", "2026-09-15", Some(31));
    letter_with_reply(&mut t, "us-sen-ma-warren", "2026-10-01", Some(4));
    letter_with_reply(&mut t, "us-sen-ma-markey", "2026-09-01", Some(3));
    letter_with_reply(&mut t, "us-sen-ma-markey", "2026-09-02", Some(8));
    letter_with_reply(&mut t, "us-sen-ma-markey", "2026-10-20", None);
    letter_with_reply(&mut t, "us-rep-ny-14-ocasio-cortez", "2026-10-20", None);

    let out = on(
        &mut t,
        "2026-11-28",
        &["history", "--by", "recipient", "--json"],
    );
    out.ok();
    let stats = out.json();
    let row = |id: &str| {
        stats
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["recipient"] == id)
            .unwrap()
            .clone()
    };
    let warren = row("us-sen-ma-warren");
    assert_eq!(warren["letters"], 3);
    assert_eq!(warren["replies"], 3);
    assert_eq!(warren["median_days_to_reply"], 10.0);
    assert_eq!(warren["last_contact"], "2026-10-16");
    let markey = row("us-sen-ma-markey");
    assert_eq!(markey["letters"], 3);
    assert_eq!(markey["replies"], 2);
    assert_eq!(markey["median_days_to_reply"], 5.5);
    assert_eq!(markey["last_contact"], "2026-10-20");
    let aoc = row("us-rep-ny-14-ocasio-cortez");
    assert_eq!(aoc["replies"], 0);
    assert_eq!(aoc["median_days_to_reply"], serde_json::Value::Null);

    let text = on(&mut t, "2026-11-28", &["history", "--by", "recipient"]);
    let row = |id: &str, letters: u32, replies: u32, median: &str, last: &str| {
        format!("{id:<40} {letters:>7} {replies:>7} {median:>11}  {last}\n")
    };
    text.ok()
        .stdout_has(&format!(
            "{:<40} {:>7} {:>7} {:>11}  last contact\n",
            "recipient", "letters", "replies", "median days"
        ))
        .stdout_has(&row("us-sen-ma-markey", 3, 2, "5.5", "2026-10-20"))
        .stdout_has(&row("us-sen-ma-warren", 3, 3, "10", "2026-10-16"))
        .stdout_has(&row("us-rep-ny-14-ocasio-cortez", 1, 0, "-", "2026-10-20"));
}

#[test]
fn the_export_holds_counts_only() {
    let mut t = warren();
    on(
        &mut t,
        "2026-11-28",
        &["mark", WARREN, "--posted", "--tracking", "RR99"],
    )
    .ok();
    on(
        &mut t,
        "2026-12-10",
        &[
            "reply",
            WARREN,
            "--outcome",
            "satisfied",
            "--text",
            "Dear Zoë, thank you for your letter about Springfield.",
        ],
    )
    .ok();
    on(&mut t, "2026-12-10", &["history", "--export", "totals.csv"])
        .ok()
        .stdout_has("Wrote 1 letter to totals.csv");
    let csv = std::fs::read_to_string(t.path("totals.csv")).unwrap();
    assert_eq!(
        csv,
        "recipient,template,date,channel,outcome,days_to_reply\nus-sen-ma-warren,transplant-tourism-law,2026-11-28,post,satisfied,12\n"
    );
    on(
        &mut t,
        "2026-12-10",
        &["history", "--export", "totals.json"],
    )
    .ok();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(t.path("totals.json")).unwrap()).unwrap();
    assert_eq!(json[0]["days_to_reply"], 12);
    assert_eq!(json[0]["channel"], "post");
    let ask = ledger_lines(&t)[0]["ask"].as_str().unwrap().to_string();
    for file in ["totals.csv", "totals.json"] {
        let text = std::fs::read_to_string(t.path(file)).unwrap();
        for private in [
            "Zoë",
            "Example",
            "zoe@example.org",
            "Elm Street",
            "Springfield",
            "01101",
            "nurse",
            "RR99",
            "thank you for your letter",
            &ask,
            "Organ trafficking",
        ] {
            assert!(
                !text.contains(private),
                "{file} contains {private:?}:\n{text}"
            );
        }
    }
    on(&mut t, "2026-12-10", &["history", "--export", "totals.csv"])
        .expect_code(2)
        .stderr_has("already exists");
    on(&mut t, "2026-12-10", &["history", "--export", "totals.txt"])
        .expect_code(2)
        .stderr_has("export to a .csv or a .json file");
}

#[test]
fn a_damaged_ledger_line_is_reported_with_its_number_and_skipped() {
    let mut t = warren();
    on(&mut t, "2026-11-28", &["mark", WARREN, "--posted"]).ok();
    let path = t.path("data/ledger.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(1, "{\"time\": \"edited by hand");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = on(&mut t, "2026-12-12", &["followup"]);
    out.ok()
        .stderr_has(&format!("warning: `{}:2`", path.display()))
        .stderr_has("could not be read and was skipped")
        .stdout_has(&format!("\n{WARREN}\n"));
    on(&mut t, "2026-12-12", &["history"])
        .ok()
        .stderr_has(":2`");
    // Recording goes on, and the damage stays on its own line.
    on(
        &mut t,
        "2026-12-12",
        &["reply", WARREN, "--outcome", "not-expected"],
    )
    .ok();
    assert_eq!(due(&mut t, "2026-12-12"), []);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after.lines().nth(1), Some("{\"time\": \"edited by hand"));
    assert_eq!(after.lines().count(), 4);
}

#[test]
fn a_process_killed_while_writing_the_ledger_loses_no_earlier_entry() {
    let mut t = warren();
    on(&mut t, "2026-11-28", &["mark", WARREN, "--posted"]).ok();
    let path = t.path("data/ledger.jsonl");
    let before = std::fs::read(&path).unwrap();

    // Letters to every MP: 650 ledger lines appended after the files. Kill the run (SIGKILL)
    // as soon as the ledger grows, i.e. while it is being written.
    let mut killed_mid_write = false;
    for round in 0..2 {
        let mut cmd: Command = t
            .with(
                &[
                    "write",
                    "-t",
                    "transplant-tourism-law",
                    "--all",
                    "--country",
                    "GB",
                    "--format",
                    "txt",
                    "--out",
                    &format!("batch{round}"),
                    "--set",
                    &format!("personal={PERSONAL}"),
                    "--no-input",
                    "--sender-name",
                    "Zoë Example",
                    "--sender-address",
                    "12 Elm Street",
                    "--sender-address",
                    "Leeds LS1 1AA",
                    "--sender-country",
                    "GB",
                ],
                &[],
            )
            .command();
        let mut child = cmd.spawn().unwrap();
        let start_len = std::fs::metadata(&path).unwrap().len();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) > start_len {
                child.kill().unwrap(); // SIGKILL
                killed_mid_write = true;
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        child.wait().unwrap();

        let now = std::fs::read(&path).unwrap();
        assert!(
            now.starts_with(&before),
            "an earlier entry changed (round {round})"
        );
        // Every line but a torn last one reads back.
        let text = String::from_utf8_lossy(&now);
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let ok = serde_json::from_str::<serde_json::Value>(line).is_ok();
            assert!(
                ok || (i + 1 == lines.len() && !text.ends_with('\n')),
                "line {} unreadable: {line}",
                i + 1
            );
        }
        // The ledger is readable, and the letter posted before is still waiting.
        assert_eq!(
            due(&mut t, "2026-12-12").first().map(|d| d.0.as_str()),
            Some(WARREN)
        );
        on(&mut t, "2026-12-12", &["history"]).ok();
    }
    // Appending after a kill starts a fresh line and reads back.
    on(
        &mut t,
        "2026-12-12",
        &["reply", WARREN, "--outcome", "satisfied"],
    )
    .ok();
    let l = ledger_lines_lossy(&t);
    assert!(l.iter().any(|e| e["event"] == "reply"));
    eprintln!("killed while the ledger was written: {killed_mid_write}");
}

fn ledger_lines_lossy(t: &Test) -> Vec<serde_json::Value> {
    std::fs::read_to_string(t.path("data/ledger.jsonl"))
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

#[test]
fn email_sends_come_from_the_sent_log() {
    let server = crate::smtp_server::SmtpServer::start(&[]).expect(1);
    let mut t = Test::new()
        .file(
            "config/profile.yaml",
            &format!(
                "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: {}\n  security: none\n  rate_limit_per_minute: 0\n",
                server.port
            ),
        )
        .file("config/recipients.yaml", "- id: my-councillor\n  name: Pat Green\n  body: legislature\n  country: GB\n  contact: {email: pat@example.org}\n");
    t.with(
        &[
            "write",
            "-t",
            "un-investigation",
            "--to",
            "my-councillor",
            "--set",
            &format!("personal={PERSONAL}"),
            "--no-input",
            "--send",
            "--yes",
        ],
        &[],
    )
    .run()
    .ok();
    let h = t.with(&["history"], &[]).run();
    h.ok()
        .stdout_has("delivered  to pat@example.org")
        .stdout_has("2026-11-28_un-investigation_my-councillor")
        .stdout_has("    emailed ");
    let j = t.with(&["history", "--json"], &[]).run();
    j.ok();
    let all = j.json();
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|e| e["event"] == "delivered" && e["to"] == serde_json::json!(["pat@example.org"])));
    assert!(all.iter().any(|e| e["event"] == "written"
        && e["channel"] == "email"
        && e["letter"] == "2026-11-28_un-investigation_my-councillor"));
    let f = t.with(&["followup", "--json"], &[]).run();
    f.ok();
    assert_eq!(
        f.json()["not_sent"],
        serde_json::json!([]),
        "an emailed letter counts as sent"
    );
}

const FIXTURE: &str = include_str!("../fixtures/BILLSTATUS-119s817.xml");

const COSPONSORS: [&str; 8] = [
    "us-sen-wi-johnson",
    "us-sen-fl-scott",
    "us-sen-nc-tillis",
    "us-sen-sd-rounds",
    "us-sen-in-young",
    "us-sen-tx-cornyn",
    "us-sen-pa-mccormick",
    "us-sen-ks-marshall",
];

/// The recipient ids whose `bills` list has the role `role`, from `recipients list --json`.
fn with_role(t: &mut Test, role: &str) -> Vec<String> {
    let out = t
        .with(&["recipients", "list", "--country", "US", "--json"], &[])
        .run();
    out.ok();
    let mut ids: Vec<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["bills"]
                .as_array()
                .is_some_and(|b| b.iter().any(|m| m["role"] == role))
        })
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_billstatus_file_marks_exactly_its_cosponsors() {
    let mut t = Test::new().file("BILLSTATUS-119s817.xml", FIXTURE);
    t.with(&["bills", "import", "BILLSTATUS-119s817.xml"], &[])
        .run()
        .ok()
        .stdout_has("S.817: imported (bill status of 2026-03-30; 8 cosponsors)");
    let mut expected: Vec<String> = COSPONSORS.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(with_role(&mut t, "cosponsor"), expected);
    assert_eq!(with_role(&mut t, "sponsor"), ["us-sen-tx-cruz"]);

    let list = t
        .with(
            &[
                "recipients",
                "list",
                "--region",
                "WI",
                "--body",
                "us-senate",
            ],
            &[],
        )
        .run();
    list.ok()
        .stdout_has("cosponsored S.817 on 2025-03-03 (bill status of 2026-03-30)");
    let markey = t
        .with(&["recipients", "list", "--search", "markey"], &[])
        .run();
    assert!(!markey.stdout.contains("S.817"), "{}", markey.stdout);
    t.with(&["recipients", "show", "us-sen-ks-marshall"], &[])
        .run()
        .ok()
        .stdout_has("bills:\n- cosponsored S.817 on 2025-12-15 (bill status of 2026-03-30)\n");
    t.with(&["bills", "list"], &[])
        .run()
        .ok()
        .stdout_has("S.817  Falun Gong Protection Act")
        .stdout_has("latest action 2025-03-03: Read twice and referred to the Committee on Foreign Relations.");

    // An older file never replaces newer data.
    let older = FIXTURE.replace("2026-03-30T22:42:00Z", "2025-06-01T00:00:00Z");
    std::fs::write(t.path("older.xml"), older).unwrap();
    t.with(&["bills", "import", "older.xml"], &[])
        .run()
        .ok()
        .stdout_has(
            "S.817: kept the stored bill status of 2026-03-30; this file is older (2025-06-01)",
        );
    assert_eq!(with_role(&mut t, "cosponsor").len(), 8);

    // A newer file where one cosponsor withdrew.
    let newer = FIXTURE.replace("2026-03-30T22:42:00Z", "2026-04-02T10:00:00Z").replace(
        "<sponsorshipDate>2025-09-03</sponsorshipDate>",
        "<sponsorshipDate>2025-09-03</sponsorshipDate>\n        <sponsorshipWithdrawnDate>2026-04-01</sponsorshipWithdrawnDate>",
    );
    std::fs::write(t.path("newer.xml"), newer).unwrap();
    t.with(&["bills", "import", "newer.xml"], &[])
        .run()
        .ok()
        .stdout_has("S.817: updated (bill status of 2026-04-02; 7 cosponsors)");
    let cosponsors = with_role(&mut t, "cosponsor");
    assert_eq!(cosponsors.len(), 7);
    assert!(!cosponsors.contains(&"us-sen-tx-cornyn".to_string()));
    t.with(&["recipients", "show", "us-sen-tx-cornyn"], &[])
        .run()
        .ok()
        .stdout_has("withdrew as a cosponsor of S.817 on 2026-04-01 (bill status of 2026-04-02)");

    // After the Congress ends, the mark says so.
    t.with(
        &["recipients", "show", "us-sen-ks-marshall"],
        &[("OUTCRY_DATE", "2027-02-01")],
    )
    .run()
    .ok()
    .stdout_has("(bill status of 2026-04-02; the 119th Congress ended on 2027-01-03)");
}

#[test]
fn bad_billstatus_files_are_refused_with_their_line() {
    let mut t = Test::new()
        .file(
            "broken.xml",
            "<billStatus>\n  <bill>\n    <number>817</nmber>\n",
        )
        .file("other.xml", "<html><body/></html>");
    t.with(&["bills", "import", "broken.xml"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: broken.xml:3:");
    t.with(&["bills", "import", "other.xml"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: `other.xml` is not a bill-status file");
    assert!(!t.path("data/bills.json").exists());
}

/// Starts outcry in a pseudo-terminal with `env` over the scrubbed environment.
fn spawn_pty(t: &Test, args: &[&str], env: &[(&str, &str)]) -> expectrl::session::OsSession {
    let mut cmd = Command::new(crate::harness::bin());
    cmd.env_clear();
    for (k, v) in crate::harness::scrubbed_env(t.dir.path()) {
        cmd.env(k, v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.env("TERM", "xterm-256color")
        .current_dir(t.dir.path())
        .args(args);
    let mut s = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.get_process_mut().set_window_size(120, 40).unwrap();
    s
}

#[test]
fn plain_outcry_says_how_many_letters_are_waiting() {
    use expectrl::Expect;
    let mut t = warren();
    on(&mut t, "2026-11-28", &["mark", WARREN, "--posted"]).ok();
    let mut s = spawn_pty(&t, &[], &[("OUTCRY_DATE", "2026-12-12")]);
    s.expect("1 letter is waiting for a reply: see outcry followup")
        .unwrap();
    s.expect("Your full name").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
}

#[test]
fn the_wizard_offers_cosponsors_the_thank_you_letter() {
    use expectrl::Expect;
    let mut t = Test::new()
        .file("BILLSTATUS-119s817.xml", FIXTURE)
        .file(
            "config/profile.yaml",
            "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Main St, Milwaukee WI 53202]\ncountry: US\n",
        );
    t.with(&["bills", "import", "BILLSTATUS-119s817.xml"], &[])
        .run()
        .ok();
    let mut s = spawn_pty(&t, &["write", "--to", "us-sen-wi-johnson"], &[]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("cosponsored S.817 on 2025-03-03 (bill status of 2026-03-30): thank them")
        .unwrap();
    s.expect("Choose a letter").unwrap();
    let first = s.expect(" — ").unwrap();
    let before = String::from_utf8_lossy(first.before()).into_owned();
    assert!(
        before.contains("Thank you, and please keep going"),
        "the first letter offered: {before}"
    );
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();

    // Someone who did not cosponsor gets the letters in the usual order.
    let mut s = spawn_pty(&t, &["write", "--to", "us-sen-ma-markey"], &[]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Choose a letter").unwrap();
    let first = s.expect(" — ").unwrap();
    let before = String::from_utf8_lossy(first.before()).into_owned();
    assert!(
        !before.contains("Thank you") && !before.contains("cosponsored"),
        "{before}"
    );
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
}

#[test]
fn in_a_terminal_reply_asks_what_came_back() {
    use expectrl::Expect;
    let mut t = warren();
    on(&mut t, "2026-11-28", &["mark", WARREN, "--posted"]).ok();
    let mut s = spawn_pty(
        &t,
        &["reply", "us-sen-ma-warren"],
        &[("OUTCRY_DATE", "2026-12-05")],
    );
    s.expect("What came back from Senator Elizabeth Warren?")
        .unwrap();
    s.expect("not expected").unwrap();
    s.send("\x1b[B").unwrap(); // replied but unsatisfactory
    s.send("\r").unwrap();
    let rest = s.expect(expectrl::Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.get(0).unwrap_or_default()).into_owned();
    assert!(
        rest.contains("replied but unsatisfactory on 2026-12-05, 7 days after it was sent."),
        "{rest}"
    );
    assert!(
        rest.contains(&format!("outcry followup --chase {WARREN}")),
        "{rest}"
    );
}

#[test]
fn write_chase_previous_links_to_the_letter_the_ledger_knows() {
    let mut t = write_to("transplant-tourism-law", "us-sen-ma-warren")
        .sender()
        .args(["--format", "txt", "--no-input"])
        .arg(format!("--set=personal={PERSONAL}"));
    t.run().ok();
    let previous = format!("letters/{WARREN}.txt");
    let mut args = vec![
        "write",
        "-t",
        "chase",
        "--to",
        "us-sen-ma-warren",
        "--previous",
        &previous,
        "--format",
        "txt",
        "--no-input",
    ];
    args.extend([
        "--sender-name",
        "Zoë Example",
        "--sender-address",
        "12 Elm Street",
        "--sender-address",
        "Springfield, MA 01101",
        "--sender-country",
        "US",
    ]);
    on(&mut t, "2026-12-20", &args).ok();
    let lines = ledger_lines(&t);
    let chase = lines.last().unwrap();
    assert_eq!(chase["letter"], "2026-12-20_chase_us-sen-ma-warren");
    assert_eq!(chase["follows"], WARREN);
    // The question is read whole, "H.R.1503" and all.
    let ask = lines[0]["ask"].as_str().unwrap();
    assert!(ask.contains("H.R.1503"), "{ask}");
    let text =
        std::fs::read_to_string(t.path("letters/2026-12-20_chase_us-sen-ma-warren.txt")).unwrap();
    assert!(text.contains(ask), "{text}");
}
