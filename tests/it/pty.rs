//! The wizard, driven in a real pseudo-terminal: keys typed, screen read.

use std::process::Command;
use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

use crate::harness::{Test, bin, scrubbed_env};

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";

fn spawn(t: &Test, args: &[&str]) -> Session {
    spawn_with(t, args, &[])
}

/// [`spawn`] with extra environment (e.g. another `OUTCRY_DATE`).
fn spawn_with(t: &Test, args: &[&str], env: &[(&str, &str)]) -> Session {
    let mut cmd = Command::new(bin());
    cmd.env_clear();
    for (k, v) in scrubbed_env(t.dir.path()) {
        cmd.env(k, v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    // Long letters are paged: through `cat` here, so that the whole letter is on the screen.
    if !env.iter().any(|(k, _)| *k == "PAGER") {
        cmd.env("PAGER", "cat");
    }
    // In colour, unless the test asks for NO_COLOR.
    if !env.iter().any(|(k, _)| *k == "NO_COLOR") {
        cmd.env_remove("NO_COLOR");
    }
    cmd.env("TERM", "xterm-256color")
        .current_dir(t.dir.path())
        .args(args);
    let mut s = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.get_process_mut().set_window_size(120, 40).unwrap();
    s
}

fn exit_code(s: &Session) -> String {
    format!("{:?}", s.get_process().wait().unwrap())
}

/// Waits for `prompt`, then types `line` and Enter.
fn answer(s: &mut Session, prompt: &str, line: impl AsRef<str>) {
    s.expect(prompt).unwrap();
    s.send_line(line.as_ref()).unwrap();
}

/// Picks a letter in the template list by its title; returns how many letters were above it.
fn choose_letter(s: &mut Session, title: &str) -> usize {
    s.expect("Choose a letter").unwrap();
    let shown = s.expect(title).unwrap();
    let above = String::from_utf8_lossy(shown.before())
        .matches(" — ")
        .count();
    for _ in 0..above {
        s.send(DOWN).unwrap();
    }
    s.send("\r").unwrap();
    above
}

/// After the letters are written: the menu of what to do next, left with Esc; returns what
/// the program printed from the last expectation to its exit.
fn finish(s: &mut Session) -> String {
    let shown = s.expect("What would you like to do?").unwrap();
    let before = String::from_utf8_lossy(shown.before()).into_owned();
    s.send(ESC).unwrap();
    before + &until_eof(s)
}

/// Everything the program prints until it exits.
fn until_eof(s: &mut Session) -> String {
    let captures = s.expect(expectrl::Eof).unwrap();
    String::from_utf8_lossy(captures.get(0).unwrap_or_default()).into_owned()
}

fn search_and_pick(s: &mut Session, query: &str, name: &str) {
    s.expect("Find them").unwrap();
    s.send("\r").unwrap(); // Search representatives
    answer(s, "Search", query);
    s.expect("Choose with Space").unwrap();
    s.expect(name).unwrap();
    s.send("\r").unwrap();
}

#[test]
fn a_whole_letter_to_three_recipients() {
    let t = Test::new();
    let mut s = spawn(&t, &[]);
    answer(&mut s, "Your full name", "Zoë Example");
    answer(&mut s, "Your email address", "zoe@example.org");
    answer(&mut s, "Address line 1", "12 Elm Street");
    answer(&mut s, "Address line 2", "Springfield, MA 01101");
    answer(&mut s, "Address line 3", "");
    answer(&mut s, "Your country", "us");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    search_and_pick(&mut s, "warren region:MA", "Senator Elizabeth Warren");
    s.expect("Add more recipients?").unwrap();
    s.send("y").unwrap();
    search_and_pick(&mut s, "ocasio", "Representative Alexandria Ocasio-Cortez");
    s.expect("Add more recipients?").unwrap();
    s.send("y").unwrap();
    search_and_pick(&mut s, "aldershot", "Alex Baker MP");
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    // The article's first call comes first; follow-ups come last, and no chase without an
    // earlier letter.
    assert_eq!(
        choose_letter(&mut s, "Pass a law against transplant tourism"),
        0
    );

    answer(
        &mut s,
        "In your own words, why does this matter to you?",
        "As a nurse I know what a transplant means — every organ must be given freely.",
    );
    answer(
        &mut s,
        "Who you are, in a few words",
        "a nurse in Springfield",
    );
    s.expect("Would you like a written reply?").unwrap();
    s.send("y").unwrap();

    s.expect("Preview: letter 1 of 3").unwrap();
    s.expect("Dear Senator Warren,").unwrap();
    s.expect("What next?").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap(); // Show the next letter
    s.expect("Preview: letter 2 of 3").unwrap();
    s.expect("Dear Representative Ocasio-Cortez,").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap(); // Write the letters
    answer(&mut s, "Save the letters in folder", "");
    let rest = finish(&mut s);
    assert!(
        rest.contains("Wrote 3 letters (9 files) to letters"),
        "{rest}"
    );
    let status = exit_code(&s);
    assert!(
        status.contains("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );

    let files = crate::harness::file_names(&t.path("letters"));
    assert_eq!(
        files,
        [
            "2026-11-28_transplant-tourism-law_uk-mp-alex-baker.eml",
            "2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt",
            "2026-11-28_transplant-tourism-law_us-rep-ny-14-ocasio-cortez.call.txt",
            "2026-11-28_transplant-tourism-law_us-rep-ny-14-ocasio-cortez.envelope.txt",
            "2026-11-28_transplant-tourism-law_us-rep-ny-14-ocasio-cortez.pdf",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.call.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.envelope.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.form.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.pdf",
        ]
    );
    let letter = std::fs::read_to_string(
        t.path("letters/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt"),
    )
    .unwrap();
    assert!(
        letter.contains(
            "As a nurse I know what a transplant means — every organ must be given freely."
        )
    );
    assert!(
        letter.starts_with("Zoë Example\n12 Elm Street\nSpringfield, MA 01101\nzoe@example.org\n")
    );
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    assert!(
        profile.contains("name: Zoë Example") && profile.contains("country: US"),
        "{profile}"
    );

    // Next time the saved profile is offered, and Ctrl-C at the template choice writes nothing.
    let mut s = spawn(&t, &["write", "--out", "second"]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let status = exit_code(&s);
    assert!(status.ends_with(", 130)"), "{status}");
    assert!(!t.path("second").exists());
}

#[test]
fn ctrl_c_at_the_first_prompt_exits_130() {
    let t = Test::new();
    let mut s = spawn(&t, &["write"]);
    s.expect("Your full name").unwrap();
    s.send("Half a na").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let status = exit_code(&s);
    assert!(status.ends_with(", 130)"), "{status}");
    assert!(!t.path("letters").exists());
    assert!(!t.path("config/profile.yaml").exists());
}

#[test]
fn cancel_at_preview_writes_nothing_and_invalid_answers_are_asked_again() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    let mut s = spawn(
        &t,
        &[
            "write",
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
        ],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    answer(&mut s, "In your own words", "x".repeat(1501));
    s.expect("it is 1501 characters long; the limit is 1500")
        .unwrap();
    answer(&mut s, "In your own words", "Accountability matters to me.");
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("Dear Alex Baker,").unwrap();
    s.expect("What next?").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap(); // Cancel
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let status = exit_code(&s);
    assert!(status.ends_with(", 130)"), "{status}");
    assert!(!t.path("letters").exists());
}

#[test]
fn cancel_after_choosing_to_save_leaves_no_file_behind() {
    let t = Test::new();
    let mut s = spawn(&t, &["write", "-t", "letter-to-editor"]);
    answer(&mut s, "Your full name", "Ada Lovelace");
    answer(&mut s, "Your email address", "ada@example.org");
    answer(&mut s, "Address line 1", "1 Analytical Row");
    answer(&mut s, "Address line 2", "London N1 1AA");
    answer(&mut s, "Address line 3", "");
    answer(&mut s, "Your country", "gb");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Their name", "The Letters Editor");
    answer(&mut s, "Their title or role", "");
    answer(&mut s, "Organisation", "The Example Gazette");
    s.expect("What kind of recipient?").unwrap();
    for _ in 0..4 {
        s.send(DOWN).unwrap();
    }
    s.send("\r").unwrap();
    answer(&mut s, "Their country", "gb");
    answer(
        &mut s,
        "Their published email address",
        "letters@example.org",
    );
    answer(&mut s, "Address line 1", "");
    answer(&mut s, "How to greet them", "Dear Editor");
    s.expect("Save The Letters Editor to your own recipients")
        .unwrap();
    s.send("y").unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    answer(&mut s, "A suggested headline", "");
    answer(&mut s, "What prompted you to write?", "");
    answer(
        &mut s,
        "In your own words",
        "My students deserve the truth.",
    );
    s.expect("What next?").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap(); // Cancel (one letter: no "next letter" entry)
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let status = exit_code(&s);
    assert!(status.ends_with(", 130)"), "{status}");
    // Nothing was saved or written: no profile, no recipients file, no letters. The one file
    // kept is the private draft of what was typed, so that it can be continued.
    let mut left = Vec::new();
    for dir in ["config", "data", "letters"] {
        let path = t.path(dir);
        if path.exists() {
            for e in std::fs::read_dir(&path).unwrap() {
                left.push(e.unwrap().path());
            }
        }
    }
    left.retain(|p| !p.ends_with("data/draft.json"));
    assert!(left.is_empty(), "files left behind: {left:?}");
}

#[test]
fn someone_else_is_validated_saved_and_reusable() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    let mut s = spawn(&t, &["write", "-t", "letter-to-editor"]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Their name", "The Letters Editor");
    answer(&mut s, "Their title or role", "");
    answer(&mut s, "Organisation", "The Example Gazette");
    s.expect("What kind of recipient?").unwrap();
    s.expect("newspapers, editors and journalists (media)")
        .unwrap();
    for _ in 0..4 {
        s.send(DOWN).unwrap();
    }
    s.send("\r").unwrap();
    answer(&mut s, "Their country", "gb");
    answer(
        &mut s,
        "Their published email address",
        "letters-at-gazette",
    );
    answer(&mut s, "Address line 1", "");
    answer(&mut s, "How to greet them", "Dear Editor");
    s.expect("bad email `letters-at-gazette`").unwrap();
    answer(
        &mut s,
        "Their published email address",
        "letters@example.org",
    );
    answer(&mut s, "Address line 1", "");
    answer(&mut s, "How to greet them", "Dear Editor");
    s.expect("Save The Letters Editor to your own recipients")
        .unwrap();
    s.send("y").unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    answer(&mut s, "A suggested headline", "");
    answer(&mut s, "What prompted you to write?", "");
    answer(
        &mut s,
        "In your own words",
        "I teach nursing, and my students deserve to know where organs come from.",
    );
    s.expect("Dear Editor,").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    let rest = finish(&mut s);
    assert!(
        rest.contains("Wrote 1 letter (2 files) to letters"),
        "{rest}"
    );
    assert!(
        rest.contains("next time use --to the-letters-editor-the-example-gazette"),
        "{rest}"
    );

    let saved = std::fs::read_to_string(t.path("config/recipients.yaml")).unwrap();
    assert!(
        saved.contains("id: the-letters-editor-the-example-gazette")
            && saved.contains("body: media"),
        "{saved}"
    );
    // A script can now use the saved recipient.
    let again = Test::new();
    std::fs::create_dir_all(again.path("config")).unwrap();
    std::fs::write(again.path("config/recipients.yaml"), &saved).unwrap();
    let out = again
        .args([
            "write",
            "-t",
            "letter-to-editor",
            "--to",
            "the-letters-editor-the-example-gazette",
        ])
        .args([
            "--set",
            "personal=Mine.",
            "--sender-name",
            "A",
            "--sender-address",
            "1 St",
            "--no-input",
            "--stdout",
        ])
        .run();
    out.ok();
    assert!(out.stdout.contains("Dear Editor,"));
}

#[test]
fn without_colour_the_current_row_is_marked_in_text() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Park Row, Leeds LS1 1AA]\ncountry: GB\n",
    );
    let mut cmd = Command::new(bin());
    cmd.env_clear();
    for (k, v) in scrubbed_env(t.dir.path()) {
        cmd.env(k, v);
    }
    cmd.env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .current_dir(t.dir.path())
        .args(["write", "-t", "transplant-tourism-law"]);
    let mut s = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.get_process_mut().set_window_size(120, 40).unwrap();
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("> Search representatives").unwrap();
    s.send(DOWN).unwrap();
    s.expect("> Someone else").unwrap();
    s.send(DOWN).unwrap();
    s.expect("> My representatives").unwrap();
    s.send("\r").unwrap();
    // "Leeds" is in several constituencies: none is ticked, and the cursor row reads "> [ ]".
    answer(&mut s, "Your US ZIP code", "Leeds");
    s.expect("your street address decides which one is yours")
        .unwrap();
    s.expect("Choose with Space").unwrap();
    let rows = s.expect("Wetherby").unwrap();
    let screen = String::from_utf8_lossy(rows.before()).into_owned();
    assert!(screen.contains("> [ ] Alex Sobel MP"), "{screen}");
    assert!(screen.contains("  [ ] Richard Burgon MP"), "{screen}");
    assert!(!screen.contains("[x]"), "{screen}");
    s.send(DOWN).unwrap();
    s.expect("> [ ] Richard Burgon MP").unwrap();
    // Enter out of habit writes nothing.
    s.send("\r").unwrap();
    s.expect("No one chosen yet. Search again?").unwrap();
    s.send("n").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert!(!t.path("letters").exists());
}

#[test]
fn a_town_with_several_mps_ticks_none_and_enter_writes_nothing() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Park Row, Leeds LS1 1AA]\ncountry: GB\n",
    );
    let mut s = spawn(&t, &["write", "-t", "transplant-tourism-law"]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Your US ZIP code", "Leeds");
    s.expect("your street address decides which one is yours")
        .unwrap();
    s.expect("members.parliament.uk").unwrap();
    s.expect("Choose with Space").unwrap();
    s.send("\r").unwrap(); // Enter out of habit: nothing is ticked
    s.expect("No one chosen yet. Search again?").unwrap();
    s.send("n").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert!(!t.path("letters").exists());
}

#[test]
fn find_my_representatives_by_zip_and_committee_members_in_the_wizard() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Main St, New York NY 10001]\ncountry: US\n",
    );
    let mut s = spawn(&t, &["write", "-t", "transplant-tourism-law"]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Your US ZIP code", "10001");
    s.expect("spans 2 congressional districts (NY-10, NY-12)")
        .unwrap();
    s.expect("your street address decides which one is yours")
        .unwrap();
    s.expect("Choose with Space").unwrap();
    // The senators are ticked, neither House member is: the writer picks theirs.
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send(" ").unwrap();
    s.send("\r").unwrap();
    s.expect("Writing to: Kirsten E. Gillibrand, Charles E. Schumer, Daniel S. Goldman\r\n")
        .unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    for _ in 0..3 {
        s.send(DOWN).unwrap();
    }
    s.send("\r").unwrap();
    s.expect("Which committee?").unwrap();
    s.send("\r").unwrap(); // Senate Foreign Relations
    answer(&mut s, "Only members from one state?", "NH");
    s.expect("Choose with Space").unwrap();
    s.send(" ").unwrap();
    s.send("\r").unwrap();
    s.expect("Jeanne Shaheen").unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
}

#[test]
fn find_my_mp_by_postcode_in_the_wizard_and_hear_that_house_terms_ended() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London SW1A 1AA]\ncountry: GB\n",
    );
    let mut s = spawn_with(
        &t,
        &["write", "-t", "transplant-tourism-law"],
        &[("OUTCRY_DATE", "2027-01-04")],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    // A new Congress has met: the wizard says so before anyone is chosen.
    // (Wrapped at word boundaries to the terminal's width.)
    let words = "the terms of every member of the United States House of Representatives in this data ended by 2027-01-03";
    s.expect(expectrl::Regex(
        words.split(' ').collect::<Vec<_>>().join(r"\s+"),
    ))
    .unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Your US ZIP code, or your UK postcode", "BT48 6DQ");
    s.expect("is a Northern Ireland postcode").unwrap();
    answer(&mut s, "Your US ZIP code, or your UK postcode", "sw1a 0aa");
    s.expect("postcode lookup: Contains OS data").unwrap();
    s.expect("Choose with Space").unwrap();
    s.send("\r").unwrap(); // preselected
    s.expect("Writing to: Rachel Blake").unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
}

#[test]
fn profile_init_asks_for_the_mail_account_but_never_the_password() {
    let t = Test::new();
    let mut s = spawn(&t, &["profile", "init"]);
    answer(&mut s, "Your full name", "Zoë Example");
    answer(&mut s, "Your email address", "zoe@example.org");
    answer(&mut s, "Address line 1", "12 Elm Street");
    answer(&mut s, "Address line 2", "");
    answer(&mut s, "Your country", "GB");
    answer(&mut s, "Your phone number", "");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    s.expect("Set up sending from your email account?").unwrap();
    s.send("y").unwrap();
    s.expect("Your email provider").unwrap();
    s.send("\r").unwrap(); // another provider
    answer(&mut s, "Mail server (SMTP host)", "smtp.example.org");
    s.expect("Security").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Port", ""); // the usual 587
    s.expect("Check the connection to the server now?").unwrap();
    s.send("n").unwrap();
    answer(&mut s, "Login name", ""); // keeps the email address offered
    answer(&mut s, "Password command (optional)", "pass show mail");
    let rest = until_eof(&mut s);
    assert!(rest.contains("Saved your profile to"), "{rest}");
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    for line in [
        "host: smtp.example.org",
        "security: starttls",
        "username: zoe@example.org",
        "password_command: pass show mail",
    ] {
        assert!(profile.contains(line), "{line} missing:\n{profile}");
    }
}

#[test]
fn a_cancelled_letter_is_offered_again_with_what_was_typed() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    let mine =
        "My grandmother was a transplant nurse, and she taught me that consent is everything.";
    let mut s = spawn(
        &t,
        &[
            "write",
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
        ],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    answer(&mut s, "In your own words", mine);
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("\x03").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert!(!t.path("letters").exists());

    let mut s = spawn(&t, &[]);
    s.expect("You have an unfinished letter").unwrap();
    s.expect("Continue it?").unwrap();
    s.send("y").unwrap();
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    let rest = finish(&mut s);
    assert!(rest.contains("Wrote 1 letter"), "{rest}");
    let text =
        std::fs::read_to_string(t.path("letters/2026-11-28_un-investigation_uk-mp-alex-baker.txt"))
            .unwrap();
    assert!(text.contains(mine), "{text}");
    assert!(
        !t.path("data/draft.json").exists(),
        "a written letter clears the draft"
    );
}

#[test]
fn the_same_letter_twice_in_a_day_asks_and_keeps_both() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    for round in 0..2 {
        let mut s = spawn(
            &t,
            &[
                "write",
                "-t",
                "un-investigation",
                "--to",
                "uk-mp-alex-baker",
            ],
        );
        s.expect("Write as this person?").unwrap();
        s.send("y").unwrap();
        answer(&mut s, "In your own words", "Accountability matters to me.");
        answer(&mut s, "Who you are, in a few words", "");
        s.expect("Would you like a written reply?").unwrap();
        s.send("n").unwrap();
        s.expect("What next?").unwrap();
        s.send("\r").unwrap(); // Write the letters
        answer(&mut s, "Save the letters in folder", "");
        if round == 1 {
            s.expect("already exists").unwrap();
            s.expect("What should happen to the letters already there?")
                .unwrap();
            s.send("\r").unwrap(); // keep both
        }
        let rest = finish(&mut s);
        assert!(rest.contains("Wrote 1 letter"), "{rest}");
    }
    let names = crate::harness::file_names(&t.path("letters"));
    assert!(
        names.contains(&"2026-11-28_un-investigation_uk-mp-alex-baker.txt".to_string())
            && names.contains(&"2026-11-28_un-investigation_uk-mp-alex-baker-2.txt".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_server_without_login_is_not_asked_for_a_password() {
    let t = Test::new();
    let mut s = spawn(&t, &["profile", "init"]);
    answer(&mut s, "Your full name", "Zoë Example");
    answer(&mut s, "Your email address", "");
    answer(&mut s, "Address line 1", "12 Elm Street");
    answer(&mut s, "Address line 2", "");
    answer(&mut s, "Your country", "United Kingdom");
    answer(&mut s, "Your phone number", "");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    s.expect("Set up sending from your email account?").unwrap();
    s.send("y").unwrap();
    s.expect("Your email provider").unwrap();
    s.send("\r").unwrap(); // another provider
    answer(&mut s, "Mail server (SMTP host)", "127.0.0.1");
    s.expect("Security").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap(); // no encryption, on this computer
    answer(&mut s, "Port", "2525");
    s.expect("Check the connection to the server now?").unwrap();
    s.send("n").unwrap();
    answer(&mut s, "Login name", "");
    s.expect("No login: outcry will not ask for a password.")
        .unwrap();
    let rest = until_eof(&mut s);
    assert!(!rest.contains("Password"), "{rest}");
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    assert!(
        profile.contains("port: 2525") && profile.contains("security: none"),
        "{profile}"
    );
    assert!(profile.contains("country: GB"), "{profile}");
    assert!(
        !profile.contains("username") && !profile.contains("password"),
        "{profile}"
    );
}

#[test]
fn the_wizard_offers_to_send_after_writing() {
    let server = crate::smtp_server::SmtpServer::start(&[]).expect(1);
    let t = Test::new()
        .file(
            "config/profile.yaml",
            &format!(
                "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: {}\n  security: none\n  rate_limit_per_minute: 0\n",
                server.port
            ),
        )
        .file("config/recipients.yaml", "- id: my-councillor\n  name: Pat Green\n  body: legislature\n  country: GB\n  contact: {email: pat@example.org}\n");
    let mut s = spawn(
        &t,
        &["write", "-t", "un-investigation", "--to", "my-councillor"],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    answer(
        &mut s,
        "In your own words",
        "Accountability matters to me, and I want my council to speak up.",
    );
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    s.expect("What would you like to do?").unwrap();
    s.expect("Send the email letter now by email").unwrap();
    s.send("\r").unwrap();
    s.expect("Ready to send 1 letter").unwrap();
    s.expect("Send 1 letter now through 127.0.0.1?").unwrap();
    s.send("y").unwrap();
    let rest = finish(&mut s);
    assert!(rest.contains("Sent 1 of 1 letter."), "{rest}");
    assert_eq!(server.recipients(), ["pat@example.org"]);
}

#[test]
fn ctrl_c_after_the_letters_are_written_says_where_they_are() {
    let t = Test::new()
        .file(
            "config/profile.yaml",
            "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: 25\n  security: none\n",
        )
        .file("config/recipients.yaml", "- id: my-councillor\n  name: Pat Green\n  body: legislature\n  country: GB\n  contact: {email: pat@example.org}\n");
    let mut s = spawn(
        &t,
        &["write", "-t", "un-investigation", "--to", "my-councillor"],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    answer(
        &mut s,
        "In your own words",
        "Accountability matters to me, and I want my council to speak up.",
    );
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    s.expect("What would you like to do?").unwrap();
    s.send("\x03").unwrap();
    let rest = until_eof(&mut s);
    assert!(
        rest.contains("cancelled; the letters are written in `letters`"),
        "{rest}"
    );
    assert!(!rest.contains("nothing was written"), "{rest}");
    assert!(t.path("letters").is_dir());
}

/// A run to many recipients shows a progress bar on the terminal (here at once, instead of
/// after a second), and none with --quiet.
#[test]
fn a_long_write_shows_progress_unless_quiet() {
    // More letters than one batch (1,024): the bar moves when a batch is on the disk.
    let recipients: String = (0..1100)
        .map(|i| {
            format!(
                "- id: bench-{i:03}\n  name: Bench Recipient {i}\n  body: other\n  country: NZ\n  contact: {{email: bench{i}@example.org}}\n"
            )
        })
        .collect();
    let t = Test::new().file("recipients.yaml", &recipients);
    let args = |out: &'static str, quiet: bool| {
        let mut a = vec![
            "--recipients",
            "recipients.yaml",
            "write",
            "-t",
            "thank-you",
            "--all",
            "--country",
            "NZ",
            "--set",
            "action=your work",
            "--set",
            "personal=I am a nurse.",
            "--sender-name",
            "Zoë Example",
            "--sender-email",
            "zoe@example.org",
            "--sender-address",
            "12 Elm Street",
            "--format",
            "eml",
            "--no-input",
            "--out",
            out,
        ];
        if quiet {
            a.push("--quiet");
        }
        a
    };
    let delay = [("OUTCRY_PROGRESS_DELAY_MS", "0")];
    let mut s = spawn_with(&t, &args("shown", false), &delay);
    s.expect("/1100 letters").unwrap();
    let rest = until_eof(&mut s);
    assert!(
        rest.contains("Wrote 1100 letters (1100 files) to shown"),
        "{rest}"
    );
    let status = exit_code(&s);
    assert!(status.ends_with(", 0)"), "{status}");

    let mut s = spawn_with(&t, &args("quiet", true), &delay);
    let all = until_eof(&mut s);
    assert!(
        all.contains("Wrote 1100 letters (1100 files) to quiet"),
        "{all}"
    );
    assert!(!all.contains("/1100 letters"), "{all}");
}

/// Types in someone who is not in the lists ("Someone else"): `kind` is how many rows below
/// "another legislature" their kind is (4: media, 5: medical).
fn someone_else(s: &mut Session, name: &str, organisation: &str, kind: usize, email: &str) {
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(s, "Their name", name);
    answer(s, "Their title or role", "");
    answer(s, "Organisation", organisation);
    s.expect("What kind of recipient?").unwrap();
    for _ in 0..kind {
        s.send(DOWN).unwrap();
    }
    s.send("\r").unwrap();
    answer(s, "Their country", "gb");
    answer(s, "Their published email address", email);
    answer(s, "Address line 1", "");
    answer(s, "How to greet them", "");
    s.expect("to your own recipients").unwrap();
    s.send("n").unwrap();
}

#[test]
fn an_editor_and_a_medical_regulator_get_two_letters_from_two_templates() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    let mine = "I practised medicine for forty years, and no patient should ever receive an organ taken by force.";
    let mut s = spawn(&t, &[]);
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    someone_else(
        &mut s,
        "The Letters Editor",
        "The Example Gazette",
        4,
        "letters@example.org",
    );
    s.expect("Add more recipients?").unwrap();
    s.send("y").unwrap();
    someone_else(
        &mut s,
        "The Registrar",
        "The Example Medical Council",
        5,
        "registrar@example.org",
    );
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    // Two groups, a letter chosen for each, the fitting one first.
    s.expect("These people need different letters").unwrap();
    s.expect("Letter 1 of 2, to The Letters Editor").unwrap();
    assert_eq!(choose_letter(&mut s, "Letter to the editor"), 0);
    s.expect("Letter 2 of 2, to The Registrar").unwrap();
    assert_eq!(choose_letter(&mut s, "Protect medical integrity"), 0);
    answer(&mut s, "A suggested headline", "");
    answer(&mut s, "What prompted you to write?", "");
    // An empty answer to a required question says so.
    answer(&mut s, "In your own words", "");
    s.expect("this question needs an answer").unwrap();
    s.send_line(mine).unwrap();
    // The regulator's letter asks the same key: not asked twice.
    s.expect("A few questions for the letter to The Registrar")
        .unwrap();
    s.expect("Already answered for the first letter").unwrap();
    answer(&mut s, "Who you are, in a few words", "a retired doctor");
    s.expect("Would you like a written reply?").unwrap();
    s.send("y").unwrap();
    s.expect("Preview: letter 1 of 2 — to The Letters Editor")
        .unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    let rest = finish(&mut s);
    assert!(
        rest.contains("Wrote 2 letters (4 files) to letters"),
        "{rest}"
    );
    let names = crate::harness::file_names(&t.path("letters"));
    assert_eq!(
        names,
        [
            "2026-11-28_letter-to-editor_the-letters-editor-the-example-gazette.eml",
            "2026-11-28_letter-to-editor_the-letters-editor-the-example-gazette.txt",
            "2026-11-28_medical-integrity_the-registrar-the-example-medical-council.eml",
            "2026-11-28_medical-integrity_the-registrar-the-example-medical-council.txt",
        ]
    );
    let editor = std::fs::read_to_string(
        t.path("letters/2026-11-28_letter-to-editor_the-letters-editor-the-example-gazette.txt"),
    )
    .unwrap();
    let registrar = std::fs::read_to_string(t.path(
        "letters/2026-11-28_medical-integrity_the-registrar-the-example-medical-council.txt",
    ))
    .unwrap();
    assert!(editor.contains("Letter for publication"), "{editor}");
    assert!(!registrar.contains("Letter for publication"), "{registrar}");
    assert!(
        registrar.contains("Dear The Registrar") || registrar.contains("Dear Registrar"),
        "{registrar}"
    );
    for text in [&editor, &registrar] {
        assert!(
            text.contains("no patient should ever receive an organ taken by force"),
            "{text}"
        );
    }
    assert!(registrar.contains("I am a retired doctor."), "{registrar}");
}

#[test]
fn from_a_fresh_config_to_a_letter_delivered_setting_up_email_inside_the_wizard() {
    let server = crate::smtp_server::SmtpServer::start(&[]).expect(1);
    let t = Test::new().file(
        "people.yaml",
        "- id: quinn-example\n  name: Quinn Example\n  body: legislature\n  country: GB\n  contact: {email: quinn@example.org}\n",
    );
    let mut s = spawn(&t, &["--recipients", "people.yaml"]);
    answer(&mut s, "Your full name", "Zoë Example");
    answer(&mut s, "Your email address", "zoe@example.org");
    answer(&mut s, "Address line 1", "12 Elm Street");
    answer(&mut s, "Address line 2", "Leeds LS2 9JT");
    answer(&mut s, "Address line 3", "");
    answer(&mut s, "Your country", "United Kingdom");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    search_and_pick(&mut s, "quinn", "Quinn Example");
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    choose_letter(&mut s, "Pass a law against transplant tourism");
    answer(
        &mut s,
        "In your own words",
        "I teach, and my pupils deserve a country that protects them.",
    );
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("y").unwrap();
    s.expect("What next?").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Save the letters in folder", "");
    s.expect("Wrote 1 letter").unwrap();
    // No account yet: set it up here, then send.
    s.expect("What would you like to do?").unwrap();
    s.expect("Set up sending from my email account, then send the email letter")
        .unwrap();
    s.send("\r").unwrap();
    s.expect("Your email provider").unwrap();
    s.expect("Gmail").unwrap();
    s.send("\r").unwrap(); // another provider
    answer(&mut s, "Mail server (SMTP host)", "127.0.0.1");
    s.expect("Security").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap(); // no encryption, on this computer
    answer(&mut s, "Port", server.port.to_string());
    s.expect(format!(
        "Checking the connection to 127.0.0.1:{}",
        server.port
    ))
    .unwrap();
    s.expect("takes mail without a login").unwrap();
    s.expect("Keep these mail settings").unwrap();
    s.send("y").unwrap();
    s.expect(format!(
        "Ready to send 1 letter via 127.0.0.1:{}",
        server.port
    ))
    .unwrap();
    s.expect("Send 1 letter now through 127.0.0.1?").unwrap();
    s.send("y").unwrap();
    s.expect("Sent 1 of 1 letter.").unwrap();
    // Sent: the menu no longer offers it.
    let menu = s.expect("What would you like to do?").unwrap();
    let _ = menu;
    s.send(ESC).unwrap();
    let rest = until_eof(&mut s);
    assert!(!rest.contains("Password"), "{rest}");
    assert!(!rest.contains("Login name"), "{rest}");
    let status = exit_code(&s);
    assert!(status.ends_with(", 0)"), "{status}");
    assert_eq!(server.recipients(), ["quinn@example.org"]);
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    for line in [
        "name: Zoë Example",
        "host: 127.0.0.1",
        &format!("port: {}", server.port),
        "security: none",
    ] {
        assert!(profile.contains(line), "{line} missing:\n{profile}");
    }
    assert!(
        !profile.contains("username") && !profile.contains("password"),
        "{profile}"
    );
}

#[test]
fn esc_goes_back_a_step_and_a_long_letter_is_paged_without_a_pager() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    // No $PAGER and no less: the letter is shown a screenful at a time.
    let mut s = spawn_with(&t, &[], &[("PAGER", ""), ("PATH", "/nonexistent")]);
    s.get_process_mut().set_window_size(70, 24).unwrap();
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    search_and_pick(&mut s, "aldershot", "Alex Baker MP");
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    s.expect("Choose a letter").unwrap();
    s.send(ESC).unwrap(); // back to whom
    s.expect("Writing to these: untick").unwrap();
    s.send("\r").unwrap();
    s.expect("Add more recipients?").unwrap();
    s.send("n").unwrap();
    choose_letter(
        &mut s,
        "Call for an independent international investigation",
    );
    answer(&mut s, "In your own words", "Accountability matters to me.");
    answer(&mut s, "Who you are, in a few words", "");
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("Preview: letter 1 of 1").unwrap();
    s.expect("-- more").unwrap();
    s.send(" ").unwrap(); // the next page
    s.expect("-- more").unwrap();
    s.send("q").unwrap(); // to the end
    s.expect("What next?").unwrap();
    s.send(ESC).unwrap(); // back to the questions, with the answers offered again
    s.expect("In your own words").unwrap();
    s.expect("Accountability matters to me.").unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Who you are, in a few words", "a historian");
    s.expect("Would you like a written reply?").unwrap();
    s.send("n").unwrap();
    s.expect("-- more").unwrap();
    s.send("q").unwrap();
    s.expect("What next?").unwrap();
    s.send("\x03").unwrap();
    s.expect("cancelled; nothing was written").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert!(!t.path("letters").exists());
}

#[test]
fn profile_init_edits_the_profile_field_by_field() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\nsmtp:\n  host: smtp.fastmail.com\n  port: 465\n  security: tls\n  username: ada@example.org\n",
    );
    let mut s = spawn(&t, &["profile", "init"]);
    s.expect("Press Enter to keep what is there").unwrap();
    answer(&mut s, "Your full name", ""); // keeps Ada Lovelace
    answer(&mut s, "Your email address", "");
    answer(&mut s, "Address line 1", "");
    answer(&mut s, "Address line 2", "");
    answer(&mut s, "Address line 3", "");
    answer(&mut s, "Your country", "");
    answer(&mut s, "Your phone number", "020 7946 0000");
    s.expect("Save these details for next time?").unwrap();
    s.send("y").unwrap();
    s.expect("Set up sending from your email account?").unwrap();
    s.send("\r").unwrap(); // yes: one is set up
    s.expect("Your email provider").unwrap();
    s.send("\r").unwrap(); // the current one, Fastmail
    answer(&mut s, "Mail server (SMTP host)", "");
    s.expect("Security").unwrap();
    s.send("\r").unwrap(); // TLS, as now
    answer(&mut s, "Port", "");
    s.expect("Check the connection to the server now?").unwrap();
    s.send("n").unwrap();
    answer(&mut s, "Login name", "");
    answer(&mut s, "Password command", "");
    let rest = until_eof(&mut s);
    assert!(rest.contains("Saved your profile to"), "{rest}");
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    for line in [
        "name: Ada Lovelace",
        "email: ada@example.org",
        "- 1 Analytical Row",
        "- London N1 1AA",
        "country: GB",
        "phone: 020 7946 0000",
        "host: smtp.fastmail.com",
        "security: tls",
        "username: ada@example.org",
    ] {
        assert!(profile.contains(line), "{line} missing:\n{profile}");
    }
}

#[test]
fn zip_60614_asks_for_the_district_and_ticks_only_the_senators() {
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Maria Lopez\nemail: maria@example.org\naddress: [2400 N Lakeview Ave, 'Chicago, IL 60614']\ncountry: US\n",
    );
    let mut s = spawn_with(
        &t,
        &["write", "-t", "transplant-tourism-law"],
        &[("NO_COLOR", "1")],
    );
    s.expect("Write as this person?").unwrap();
    s.send("y").unwrap();
    s.expect("Find them").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send("\r").unwrap();
    answer(&mut s, "Your US ZIP code", "60614");
    s.expect("spans 3 congressional districts (IL-3, IL-5, IL-7)")
        .unwrap();
    s.expect("house.gov/representatives/find-your-representative")
        .unwrap();
    s.expect("Choose with Space").unwrap();
    let rows = s.expect("Danny K. Davis").unwrap();
    let screen = String::from_utf8_lossy(rows.before()).into_owned();
    assert!(
        screen.contains("> [x] Senator Richard J. Durbin"),
        "{screen}"
    );
    assert!(screen.contains("  [x] Senator Tammy Duckworth"), "{screen}");
    assert!(
        screen.contains("  [ ] Representative Delia C. Ramirez"),
        "{screen}"
    );
    assert!(
        screen.contains("  [ ] Representative Mike Quigley"),
        "{screen}"
    );
    s.send("\r").unwrap(); // Enter: the senators only
    s.expect("Writing to: Richard J. Durbin, Tammy Duckworth\r\n")
        .unwrap();
    s.send("\x03").unwrap();
    s.expect(expectrl::Eof).unwrap();
}

/// A wizard message as the program shows it in `language`: from `i18n/ui/LANG.ftl`, else
/// English (the program's fallback), with `args`.
fn message(language: &str, id: &str, args: &[(&str, outcry::support::i18n::Arg)]) -> String {
    use outcry::support::i18n::Catalogue;
    let read = |tag: &str| {
        let path = crate::harness::repo().join(format!("i18n/ui/{tag}.ftl"));
        Catalogue::parse(tag, &std::fs::read_to_string(path).unwrap()).unwrap()
    };
    read(language)
        .format(id, args)
        .or_else(|| read("en").format(id, args))
        .unwrap_or_else(|| panic!("no message `{id}`"))
}

/// The first line of a message (a prompt wraps after it at most).
fn first_words(text: &str, words: usize) -> String {
    text.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn with_a_chinese_locale_the_wizard_runs_in_chinese() {
    let zh = |id: &str| message("zh-CN", id, &[]);
    assert_ne!(
        zh("wizard-add-more"),
        "Add more recipients?",
        "a Chinese catalogue"
    );
    let t = Test::new().file(
        "config/profile.yaml",
        "name: Ada Lovelace\nemail: ada@example.org\naddress: [1 Analytical Row, London N1 1AA]\ncountry: GB\n",
    );
    let mut s = spawn_with(&t, &[], &[("LANG", "zh_CN.UTF-8")]);
    s.expect(zh("ui-sender-confirm").as_str()).unwrap();
    s.send("y").unwrap();
    s.expect(first_words(&zh("wizard-find-them"), 1).as_str())
        .unwrap();
    s.send("\r").unwrap(); // search
    answer(&mut s, &zh("wizard-search"), "alex baker");
    s.expect(first_words(&zh("wizard-tick"), 1).as_str())
        .unwrap();
    s.expect("Alex Baker").unwrap();
    s.send("\r").unwrap();
    s.expect(zh("wizard-add-more").as_str()).unwrap();
    s.send("n").unwrap();
    // The letters are listed with their Chinese titles; the law letter comes first.
    s.expect(first_words(&zh("wizard-choose-letter"), 1).as_str())
        .unwrap();
    s.expect(zh("template-transplant-tourism-law-title").as_str())
        .unwrap();
    s.send("\r").unwrap();
    let own = "这件事对我很重要。我的家人曾经等待器官移植，我无法接受有人的器官被强行摘取。";
    answer(&mut s, &zh("question-transplant-tourism-law-personal"), own);
    answer(
        &mut s,
        &zh("question-transplant-tourism-law-connection"),
        "",
    );
    s.expect(zh("question-transplant-tourism-law-reply").as_str())
        .unwrap();
    s.send("y").unwrap();
    // Chinese words in an English letter: kept, with a line inviting a reply in either.
    s.expect(zh("own-words-heading").as_str()).unwrap();
    s.expect(zh("own-words-prompt").as_str()).unwrap();
    s.send("\r").unwrap();
    s.expect(first_words(&zh("wizard-what-next"), 1).as_str())
        .unwrap();
    s.send("\r").unwrap(); // write
    answer(&mut s, &zh("ui-folder"), "");
    let shown = s
        .expect(first_words(&zh("wizard-road"), 1).as_str())
        .unwrap();
    let before = String::from_utf8_lossy(shown.before()).into_owned();
    s.send(ESC).unwrap();
    let rest = before + &until_eof(&mut s);
    let wrote = message(
        "zh-CN",
        "summary-wrote",
        &[
            ("letters", outcry::support::i18n::Arg::Num(1)),
            ("files", outcry::support::i18n::Arg::Num(2)),
            ("folder", outcry::support::i18n::Arg::Str("letters")),
        ],
    );
    assert!(
        rest.contains(&first_words(&wrote, 1)),
        "{rest}\n(expected {wrote})"
    );
    let letter = std::fs::read_to_string(
        t.path("letters/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt"),
    )
    .unwrap();
    assert!(letter.contains(own), "{letter}");
    assert!(
        letter.contains("you are welcome to reply in English or in Chinese"),
        "{letter}"
    );
    assert!(
        letter.contains("Dear Mr Baker") || letter.contains("Dear Alex Baker"),
        "{letter}"
    );
}
