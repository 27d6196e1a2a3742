//! Delivery you can trust: every letter exactly once (content-derived Message-IDs, the sent
//! log's lock, ambiguous failures held back), bounded waits, a log that survives damage,
//! names that cannot break headers, nothing that identifies the machine, and today's
//! providers. Every test talks to a real SMTP server on 127.0.0.1 that it starts.

use crate::harness::{Outcome, Test};
use crate::send::{PASSWORD, PERSONAL, RECIPIENTS, log, retarget, send, setup};
use crate::smtp_server::SmtpServer;

const WRITE: &[&str] = &[
    "write",
    "-t",
    "transplant-tourism-law",
    "--to",
    "rep-one,rep-two,rep-three,rep-post",
    "--no-input",
    "--format",
    "eml",
];

/// `outcry write` of the three email letters (and one draft) with `personal` and `extra`.
fn write(t: &mut Test, personal: &str, extra: &[&str]) -> Outcome {
    let set = format!("--set=personal={personal}");
    let args: Vec<&str> = WRITE
        .iter()
        .copied()
        .chain([set.as_str()])
        .chain(extra.iter().copied())
        .collect();
    t.with(
        &args,
        &[
            ("OUTCRY_SMTP_PASSWORD", PASSWORD),
            ("OUTCRY_RETRY_DELAY_MS", "20"),
        ],
    )
    .run()
}

/// The Message-IDs of the `.eml` files in `folder`, sorted by file name.
fn message_ids(t: &Test, folder: &str) -> Vec<String> {
    use mailparse::MailHeaderMap;
    let mut files: Vec<_> = std::fs::read_dir(t.path(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap();
            let (headers, _) = mailparse::parse_headers(&bytes).unwrap();
            headers.get_first_value("Message-ID").unwrap()
        })
        .collect()
}

#[test]
fn a_letter_written_again_keeps_its_message_id_and_is_not_sent_again() {
    let server = SmtpServer::start(&[]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    let first = message_ids(&t, "letters");
    assert_eq!(first.len(), 4);
    for id in &first {
        // <16 hex . 32 hex @ the sender's domain>
        let local = id.trim_matches(|c| c == '<' || c == '>');
        let (hash, domain) = local.split_once('@').unwrap();
        assert_eq!(domain, "example.org", "{id}");
        assert_eq!(hash.len(), 16 + 1 + 32, "{id}");
    }
    send(&mut t, &["--yes"])
        .ok()
        .stdout_has("Sent 3 of 3 letters.");

    // The same letters, rewritten with --force and written to a second folder.
    write(&mut t, PERSONAL, &["--out", "letters", "--force"]).ok();
    write(&mut t, PERSONAL, &["--out", "again"]).ok();
    assert_eq!(message_ids(&t, "letters"), first);
    assert_eq!(message_ids(&t, "again"), first);
    for folder in ["letters", "again"] {
        t.with(&["send", folder, "--yes"], &[])
            .run()
            .ok()
            .stdout_has("Ready to send 0 letters via 127.0.0.1")
            .stdout_has("3 letters were already sent");
    }
    assert_eq!(server.received().len(), 3);
}

#[test]
fn a_letter_changed_since_it_was_sent_goes_again_only_with_resend() {
    let server = SmtpServer::start(&[]).expect(6);
    let mut t = setup(server.port, "  security: none\n");
    send(&mut t, &["--yes"]).ok();
    let before = message_ids(&t, "letters");
    write(
        &mut t,
        "I have changed my mind about what to say, and say it better now.",
        &["--out", "letters", "--force"],
    )
    .ok();
    let after = message_ids(&t, "letters");
    for (b, a) in before.iter().zip(&after) {
        assert_ne!(b, a, "a changed letter gets a new id");
        assert_eq!(b[..17], a[..17], "and keeps its letter key");
    }
    let out = send(&mut t, &["--yes"]);
    out.ok()
        .stdout_has("Ready to send 0 letters via 127.0.0.1")
        .stdout_has("3 letters held back: they changed since you sent them; pass --resend to send the new version:")
        .stdout_has("letters/2026-11-28_transplant-tourism-law_rep-one.eml (changed since you sent it on 20");
    assert_eq!(server.received().len(), 3);
    send(&mut t, &["--yes", "--resend"])
        .ok()
        .stdout_has("Sent 3 of 3 letters.");
}

#[test]
fn after_a_failed_write_send_the_hint_and_a_forced_rewrite_send_each_letter_once() {
    let refusing = SmtpServer::start(&["--fail-550", "two@example.org"]).expect(2);
    let profile = |port: u16| {
        format!(
            "name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street, Leeds LS1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n  rate_limit_per_minute: 0\n"
        )
    };
    let mut t = Test::new()
        .file("config/recipients.yaml", RECIPIENTS)
        .file("config/profile.yaml", &profile(refusing.port));
    let out = write(&mut t, PERSONAL, &["--send", "--yes"]);
    out.expect_code(3)
        .stdout_has("Sent 2 of 3 letters.")
        .stderr_has(
            "hint: to send the rest: outcry send letters (letters already sent are skipped)",
        );
    // The hint, while the mailbox still refuses: nothing is sent twice.
    t.with(&["send", "letters", "--yes"], &[])
        .run()
        .expect_code(4)
        .stdout_has("2 letters were already sent");
    drop(refusing);

    // The mailbox is fixed; the same command with --force rewrites and sends only the rest.
    let fixed = SmtpServer::start(&[]).expect(1);
    std::fs::write(t.path("config/profile.yaml"), profile(fixed.port)).unwrap();
    write(&mut t, PERSONAL, &["--send", "--yes", "--force"])
        .ok()
        .stdout_has("Sent 1 of 1 letter.")
        .stdout_has("2 letters were already sent");
    assert_eq!(fixed.recipients(), ["two@example.org"]);
    t.with(&["send", "letters", "--yes"], &[])
        .run()
        .ok()
        .stdout_has("3 letters were already sent");
    assert_eq!(log(&t).iter().filter(|(e, _)| e == "delivered").count(), 3);
    let _ = retarget;
}

#[test]
fn two_sends_started_together_deliver_each_letter_once() {
    // Each reply takes a moment, so the two runs overlap.
    let server = SmtpServer::start(&["--delay-data", "0.2"]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    let t = t.with(&["send", "letters", "--yes"], &[]);
    let children: Vec<_> = (0..2).map(|_| t.command().spawn().unwrap()).collect();
    let outs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for o in &outs {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let stdout: String = outs
        .iter()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .collect();
    assert!(stdout.contains("Sent 3 of 3 letters."), "{stdout}");
    assert!(stdout.contains("3 letters were already sent"), "{stdout}");
    let mut got = server.recipients();
    got.sort();
    assert_eq!(
        got,
        ["one@example.org", "three@example.org", "two@example.org"]
    );
    assert_eq!(log(t).iter().filter(|(e, _)| e == "delivered").count(), 3);
}

#[test]
fn a_second_send_waits_a_bounded_time_then_says_why() {
    let server = SmtpServer::start(&["--delay-data", "2"]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    let first = t
        .with(&["send", "letters", "--yes"], &[])
        .command()
        .spawn()
        .unwrap();
    // The first run holds the lock once it is sending.
    while server.received().is_empty() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let second = t
        .with(
            &["send", "letters", "--yes"],
            &[("OUTCRY_LOCK_WAIT_SECONDS", "1")],
        )
        .run();
    second
        .expect_code(4)
        .stderr_has(
            "Another `outcry send` is using the sent log; waiting up to 1 s for it to finish...",
        )
        .stderr_has("error: another `outcry send` is still using the sent log `")
        .stderr_has("after 1 s; nothing was sent")
        .stderr_has("hint: let it finish, then run this again: letters it sent will be skipped");
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0));
}

/// Runs the command and waits for it; a run that hangs fails the test instead of hanging
/// the suite (the limit is generous: it detects a hang, it does not measure speed).
fn run_to_the_end(t: &mut Test, args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let mut env: Vec<(&str, &str)> = env.to_vec();
    env.push(("OUTCRY_RETRY_DELAY_MS", "20"));
    env.push(("OUTCRY_SMTP_PASSWORD", PASSWORD));
    let mut child = t.with(args, &env).command().spawn().unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(300) {
            let _ = child.kill();
            panic!("`outcry {}` did not finish", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every letter's Message-ID in the server's order (a letter twice would show here).
fn assert_each_once(server: &SmtpServer) {
    use mailparse::MailHeaderMap;
    let mut ids: Vec<String> = server
        .received()
        .iter()
        .map(|(raw, _)| {
            mailparse::parse_headers(raw)
                .unwrap()
                .0
                .get_first_value("Message-ID")
                .unwrap()
        })
        .collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "a letter reached the server twice");
}

const QUICK: &str = "  security: none\n  timeout_seconds: 1\n";

#[test]
fn a_server_that_stores_then_drops_gets_each_letter_once() {
    let server = SmtpServer::start(&["--drop-after-store"]).expect(3);
    let mut t = setup(server.port, QUICK);
    let out = run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]);
    out.expect_code(4)
        .stdout_has("Sent 0 of 3 letters.")
        .stdout_has("2 letters may or may not have arrived: the server took them but never confirmed them. They are held back:")
        .stderr_has("error: the server did not confirm 2 letters in a row, so outcry stopped; 1 letter not sent, 2 unknown");
    assert_eq!(server.received().len(), 2);
    // The rerun holds those two back and tries only the third (which the server keeps and
    // again does not confirm).
    let out = run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]);
    out.expect_code(4)
        .stdout_has(
            "2 letters are held back: an earlier run sent them and the server never confirmed them",
        )
        .stdout_has("Ready to send 1 letter via");
    assert_each_once(&server);
    // History tells them apart.
    t.with(&["history"], &[])
        .run()
        .ok()
        .stdout_has("unknown    to one@example.org");
}

#[test]
fn a_server_that_never_answers_after_the_letter_gets_each_letter_once() {
    let server = SmtpServer::start(&["--no-reply-after-data"]).expect(3);
    let mut t = setup(server.port, QUICK);
    let out = run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]);
    out.expect_code(4)
        .stderr_has("no confirmation: to one@example.org: the server did not confirm the letter within 1 s of receiving it")
        .stdout_has("2 letters may or may not have arrived");
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .expect_code(4)
        .stdout_has("2 letters are held back");
    assert_each_once(&server);
}

#[test]
fn a_server_slower_than_the_timeout_is_given_up_on_in_bounded_time() {
    let server = SmtpServer::start(&["--delay-replies", "3"]).expect(0);
    let mut t = setup(server.port, QUICK);
    for _ in 0..2 {
        let out = run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]);
        out.expect_code(4).stderr_has(&format!(
            "error: the server `127.0.0.1:{}` did not answer within 1 s of connecting (greeting and EHLO); 3 letters not sent",
            server.port
        ));
        assert_eq!(
            out.stderr.matches("trying again").count(),
            3,
            "{}",
            out.stderr
        );
    }
    assert!(log(&t).is_empty(), "no letter was attempted");
}

#[test]
fn a_server_silent_after_its_greeting_or_in_starttls_is_given_up_on() {
    let tls = crate::send::tls_settings();
    let quick_tls = format!("{tls}  timeout_seconds: 1\n");
    let silent = SmtpServer::start_tls(&["--silent-after-greeting"]).expect(0);
    let mut t = setup(silent.port, &quick_tls);
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .expect_code(4)
        .stderr_has(
            "did not answer within 1 s of connecting (greeting and EHLO); 3 letters not sent",
        )
        .stderr_has("hint: check the server name and port, and your connection");
    let stalled = SmtpServer::start_tls(&["--stall-starttls"]).expect(0);
    retarget(&t, stalled.port, &quick_tls);
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .expect_code(4)
        .stderr_has(&format!(
            "error: the secure connection (STARTTLS) to `127.0.0.1:{}` was not set up within 1 s; 3 letters not sent",
            stalled.port
        ));
}

#[test]
fn a_server_that_never_answers_quit_has_still_delivered() {
    let server = SmtpServer::start(&["--no-quit-reply"]).expect(3);
    let mut t = setup(server.port, QUICK);
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .ok()
        .stdout_has("Sent 3 of 3 letters.")
        .stderr_has("note: the server did not answer QUIT within 1 s; the letters it confirmed are delivered all the same.");
}

#[test]
fn xoauth2_login_over_implicit_tls() {
    let server =
        SmtpServer::start_implicit_tls(&["--xoauth2", "zoe@example.org:ya29.test-token"]).expect(3);
    let extra = format!(
        "  security: tls\n  timeout_seconds: 5\n  username: zoe@example.org\n  oauth2_token_command: printf 'ya29.test-token\\n'\n  ca_file: {}\n",
        crate::smtp_server::certs().0.display()
    );
    let mut t = setup(server.port, &extra);
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .ok()
        .stdout_has("Sent 3 of 3 letters.");
    // The token is used, never kept.
    for f in crate::send::walk(t.dir.path()) {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        assert!(
            !text.contains("ya29.test-token") || f.ends_with("profile.yaml"),
            "the token is in {}",
            f.display()
        );
    }
    // A token the server does not accept stops at once.
    std::fs::write(
        t.path("config/profile.yaml"),
        std::fs::read_to_string(t.path("config/profile.yaml"))
            .unwrap()
            .replace("ya29.test-token", "expired"),
    )
    .unwrap();
    run_to_the_end(&mut t, &["send", "letters", "--yes", "--resend"], &[])
        .expect_code(4)
        .stderr_has("error: the server refused the login for `zoe@example.org`");
}

#[test]
fn a_damaged_sent_log_is_reported_and_the_next_runs_work() {
    let server = SmtpServer::start(&[]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    send(&mut t, &["--yes", "--limit", "1"]).ok();
    // Garbage, NUL bytes, invalid UTF-8 and a torn last line (no newline), as a crash or a
    // bad disk leaves them.
    let path = t.path("data/sent-log.jsonl");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"this is not json\n\0\0\0\0\n\xff\xfe{\"broken\n{\"time\":\"2026-11-28T10:00:00Z\",\"event\":\"deliv");
    std::fs::write(&path, bytes).unwrap();
    let out = send(&mut t, &["--yes"]);
    out.ok()
        .stdout_has("1 letter was already sent")
        .stdout_has("Sent 2 of 2 letters.")
        .stderr_has("warning: the sent log `")
        .stderr_has("has 4 lines that could not be read (lines 3, 4, 5, 6); they were skipped.");
    // The append started on a fresh line: everything after the damage reads back.
    let h = t.with(&["history", "--json"], &[]).run();
    h.ok().stderr_has("(lines 3, 4, 5, 6)");
    let delivered = h
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "delivered")
        .count();
    assert_eq!(delivered, 3);
    send(&mut t, &["--yes"])
        .ok()
        .stdout_has("3 letters were already sent");
}

#[test]
fn a_sent_log_that_is_a_device_is_not_read() {
    let server = SmtpServer::start(&[]).expect(0);
    let mut t = setup(server.port, "  security: none\n");
    std::fs::create_dir_all(t.path("data")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", t.path("data/sent-log.jsonl")).unwrap();
    run_to_the_end(&mut t, &["send", "letters", "--yes"], &[])
        .expect_code(1)
        .stderr_has("is not a regular file")
        .stderr_has("hint: move it aside, or set OUTCRY_DATA_DIR to another folder");
    run_to_the_end(&mut t, &["history"], &[]).expect_code(1);
}

#[test]
fn a_full_disk_mid_batch_ends_with_an_accurate_summary() {
    let server = SmtpServer::start(&[]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    // The sent log may grow to 1 KiB: room for the first letter's two lines, not the third.
    // (A file-size limit makes writes fail as on a full disk; the signal it sends is ignored.)
    let mut cmd = std::process::Command::new("sh");
    cmd.env_clear()
        .envs(crate::harness::scrubbed_env(t.dir.path()))
        .current_dir(t.dir.path())
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"")
        .arg(crate::harness::bin())
        .args(["send", "letters", "--yes"]);
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stdout}\n{stderr}");
    assert!(stdout.contains("Sent 1 of 3 letters."), "{stdout}");
    assert!(
        stderr.contains("error: could not write the sent log `")
            && stderr.contains("; outcry stopped: 1 sent; 2 letters not tried"),
        "{stderr}"
    );
    assert_eq!(server.received().len(), 1);
    // With room again, the rest goes, and nothing twice.
    send(&mut t, &["--yes"])
        .ok()
        .stdout_has("Sent 2 of 2 letters.");
    assert_each_once(&server);
}

/// Names that would break a mail header (or a terminal) if they got through.
const HOSTILE: &[(&str, &str)] = &[
    (
        "a CR LF header injection",
        "Rowan One\r\nBcc: everyone@example.org",
    ),
    ("a line feed", "Rowan\nOne"),
    ("an escape sequence", "Rowan \u{1b}[31mOne"),
    ("a form feed", "Rowan\u{0c}One"),
    ("a delete", "Rowan\u{7f}One"),
    ("a NUL", "Rowan\u{0}One"),
    ("a line separator", "Rowan\u{2028}One"),
];

/// A YAML double-quoted string for `value`.
fn yaml_quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn names_that_would_break_headers_are_refused_where_they_enter() {
    for (what, name) in HOSTILE {
        // A recipients file: `recipients check` and every command that loads it.
        let file = RECIPIENTS.replacen(
            "name: Rowan One",
            &format!("name: {}", yaml_quoted(name)),
            1,
        );
        let mut t = Test::new().file("r.yaml", &file);
        let out = t.with(&["recipients", "check", "r.yaml"], &[]).run();
        out.expect_code(2).stderr_has("r.yaml:2: name `Rowan");
        assert!(
            out.stderr.contains("one line of plain text"),
            "{what}: {}",
            out.stderr
        );
        t.with(&["--recipients", "r.yaml", "recipients", "list"], &[])
            .run()
            .expect_code(2)
            .stderr_has("r.yaml:2: name `Rowan");

        // The sender's name, in the profile and (what a command line can carry) by flag.
        let profile = format!(
            "name: {}\nemail: zoe@example.org\naddress: [12 Elm Street]\n",
            yaml_quoted(name)
        );
        let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
            .file("config/profile.yaml", &profile)
            .args(["--set", "personal=Hello there.", "--no-input"]);
        t.run()
            .expect_code(2)
            .stderr_has("/config/profile.yaml:1`: name `Rowan");
        if name.contains('\0') {
            continue; // no command line can carry a NUL
        }
        let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
            .args(["--sender-name", name, "--sender-email", "zoe@example.org"])
            .args([
                "--sender-address",
                "12 Elm Street",
                "--set",
                "personal=Hello there.",
                "--no-input",
            ]);
        let out = t.run();
        out.expect_code(2).stderr_has("error: --sender-name `Rowan");
        let mut t = Test::new().args([
            "profile",
            "init",
            "--no-input",
            "--name",
            name,
            "--address",
            "1 St",
        ]);
        t.run().expect_code(2).stderr_has("error: --name `Rowan");
        assert!(
            !t.path("config/profile.yaml").exists(),
            "{what}: nothing saved"
        );

        // An answer.
        if name.contains('\n') || name.contains('\r') || name.contains('\u{2028}') {
            continue; // a multi-line answer may have line breaks
        }
        let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
            .sender()
            .args(["--set", &format!("personal={name}"), "--no-input"]);
        let out = t.run();
        out.expect_code(2);
        assert!(
            out.stderr.contains("control character"),
            "{what}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_csv_import_skips_names_with_line_breaks_and_says_where() {
    let mut t = Test::new().file(
        "mps.csv",
        "Full name,E-mail\n\"Rowan\r\nBcc: x@example.org\",one@example.org\nSam Two,two@example.org\n",
    );
    let out = t
        .with(
            &[
                "recipients",
                "import",
                "--from",
                "csv",
                "mps.csv",
                "--map",
                "name=Full name",
                "--map",
                "email=E-mail",
                "--const",
                "body=legislature",
                "--const",
                "country=CA",
                "--out",
                "ca.yaml",
            ],
            &[],
        )
        .run();
    out.ok();
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(
        all.contains("line 2: name `Rowan\\r\\nBcc: x@example.org` contains a line break (U+000D)"),
        "{all}"
    );
    let written = std::fs::read_to_string(t.path("ca.yaml")).unwrap();
    assert!(
        written.contains("Sam Two") && !written.contains("Bcc"),
        "{written}"
    );
}

#[test]
fn long_names_have_a_limit_and_are_shortened_in_messages() {
    let long = "A".repeat(2000);
    let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
        .args(["--sender-name", &long, "--sender-email", "zoe@example.org"])
        .args([
            "--sender-address",
            "12 Elm Street",
            "--set",
            "personal=Hello there.",
            "--no-input",
        ]);
    let out = t.run();
    out.expect_code(2).stderr_has(&format!(
        "error: --sender-name `{}… (2000 characters)` is 2000 characters long; the limit is 200\n",
        "A".repeat(60)
    ));
}

#[test]
fn deep_nesting_and_bad_encodings_get_a_clear_error() {
    let deep_yaml = format!("{}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let body = format!("{}x{}", "{{#if true}}".repeat(4000), "{{/if}}".repeat(4000));
    let template = format!(
        "---\nid: deep\ntitle: T\nsummary: S\naudience: [any]\nsubject: S\nquestions: []\nsources: []\n---\n{body}\n"
    );
    let mut t = Test::new()
        .file("deep.yaml", &deep_yaml)
        .file("deep/deep.hbs", &template);
    t.with(&["recipients", "check", "deep.yaml"], &[])
        .run()
        .expect_code(2)
        .stderr_has(
            "deep.yaml:1: the YAML is nested more than 64 levels deep; no outcry file needs that",
        );
    t.with(&["templates", "check", "deep"], &[])
        .run()
        .expect_code(2)
        .stderr_has(
            "deep.hbs:10: blocks (`{{#...}}`) nest more than 32 deep here; no letter needs that",
        );
    t.with(&["--templates", "deep", "templates", "list"], &[])
        .run()
        .expect_code(2);
    std::fs::write(t.path("latin1.yaml"), b"- id: a\n  name: Zo\xeb\n").unwrap();
    t.with(&["recipients", "check", "latin1.yaml"], &[])
        .run()
        .expect_code(2)
        .stderr_has(
            "error: recipients file `latin1.yaml:2` is not UTF-8 text (byte 0xEB at column 11)",
        );
}

/// A host name to give the machine for the test, in a UTS namespace of its own (`unshare
/// --uts`, which needs root, as the test machines and CI have), so that the name is long and
/// distinctive enough to grep for: the real one may be as short as `vm`, which occurs by
/// chance in compressed and base64 data. `None` when namespaces are not available.
fn private_host_name() -> Option<String> {
    let name = format!("outcry-host-{:x}", std::process::id() * 7919 + 0x5eed);
    let ok = std::process::Command::new("unshare")
        .args([
            "--uts",
            "sh",
            "-c",
            "hostname \"$0\" && test \"$(cat /proc/sys/kernel/hostname)\" = \"$0\"",
        ])
        .arg(&name)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(name)
}

/// The machine's name, as the system reports it.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_lowercase())
        .expect("the machine's host name")
}

/// Runs outcry in the test folder, on a machine named `host` when given.
fn run_on_host(t: &mut Test, host: Option<&str>, args: &[&str]) -> Outcome {
    let mut cmd = match host {
        Some(host) => {
            let mut c = std::process::Command::new("unshare");
            c.args(["--uts", "sh", "-c", "hostname \"$0\" && exec \"$@\""])
                .arg(host)
                .arg(crate::harness::bin());
            c
        }
        None => std::process::Command::new(crate::harness::bin()),
    };
    let out = cmd
        .env_clear()
        .envs(crate::harness::scrubbed_env(t.dir.path()))
        .env("OUTCRY_SMTP_PASSWORD", PASSWORD)
        .current_dir(t.dir.path())
        .args(args)
        .output()
        .unwrap();
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn the_machines_name_is_in_no_byte_written_or_sent() {
    let private = private_host_name();
    let host = private.clone().unwrap_or_else(host_name);
    let server = SmtpServer::start(&["--log-commands"]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    std::fs::remove_dir_all(t.path("letters")).unwrap();
    let h = private.as_deref();
    // Every format, for recipients with and without an email address.
    run_on_host(
        &mut t,
        h,
        &[
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "rep-one,rep-two,rep-three,rep-post,us-sen-ma-warren",
            "--set",
            "personal=I am a nurse, and I want every organ given freely.",
            "--no-input",
            "--out",
            "letters",
            "-f",
            "txt",
            "-f",
            "md",
            "-f",
            "eml",
            "-f",
            "pdf",
            "-f",
            "envelope",
            "-f",
            "call",
            "-f",
            "form",
        ],
    )
    .ok();
    run_on_host(&mut t, h, &["send", "letters", "--yes"])
        .ok()
        .stdout_has("Sent 3 of 3 letters.");
    run_on_host(&mut t, h, &["history"]).ok();

    let commands = std::fs::read_to_string(server.out.path().join("commands.log")).unwrap();
    assert!(commands.starts_with("EHLO [127.0.0.1]\r\n"), "{commands}");
    let mut checked = 0;
    for dir in [t.dir.path(), server.out.path()] {
        for f in crate::send::walk(dir) {
            let raw = std::fs::read(&f).unwrap();
            let bytes = raw.to_ascii_lowercase();
            // A real host name too short to tell from chance bytes is looked for in text only.
            let text_only = private.is_none() && host.len() < 8;
            if !(text_only && f.extension().is_some_and(|x| x == "pdf")) {
                assert!(
                    !bytes.windows(host.len()).any(|w| w == host.as_bytes()),
                    "the host name `{host}` is in {}",
                    f.display()
                );
            }
            if f.extension().is_some_and(|x| x == "pdf") {
                for key in [&b"/Author"[..], b"/Creator", b"/Producer"] {
                    assert!(!raw.windows(key.len()).any(|w| w == key), "{}", f.display());
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} files checked");
    // What the server got: no draft marker, a Date of sending; the log keeps both times.
    for (raw, _) in server.received() {
        let text = String::from_utf8(raw).unwrap();
        assert!(
            !text.contains("X-Unsent") && text.contains("\r\nDate: "),
            "{text}"
        );
    }
    let log = std::fs::read_to_string(t.path("data/sent-log.jsonl")).unwrap();
    for line in log.lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(e["written"].is_string() && e["time"].is_string(), "{line}");
    }
}

#[test]
fn forget_erases_the_log_the_letters_and_the_profile_after_confirmation() {
    let server = SmtpServer::start(&[]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    send(&mut t, &["--yes"]).ok();
    std::fs::write(t.path("letters/my-notes.txt"), "mine").unwrap();
    std::fs::create_dir_all(t.path("config/templates")).unwrap();
    t.with(&["forget"], &[])
        .run()
        .expect_code(2)
        .stdout_has("This erases:")
        .stderr_has("error: forget erases files, so it needs your confirmation\n  hint: pass --yes to erase without being asked");
    assert!(
        t.path("data/sent-log.jsonl").exists(),
        "nothing erased without --yes"
    );
    let out = t.with(&["forget", "--yes"], &[]).run();
    out.ok()
        .stdout_has("Erased 9 files.")
        .stdout_has("are kept.")
        .stdout_has("outcry cannot reach copies elsewhere");
    for gone in [
        "data/sent-log.jsonl",
        "data/sent-log.lock",
        "data/ledger.jsonl",
        "config/profile.yaml",
        "config/recipients.yaml",
        "data",
    ] {
        assert!(!t.path(gone).exists(), "{gone} is still there");
    }
    assert_eq!(
        crate::harness::file_names(&t.path("letters")),
        ["my-notes.txt"]
    );
    t.with(&["history"], &[])
        .run()
        .ok()
        .stdout_has("Nothing has been sent yet");
}

#[test]
fn provider_presets_fill_in_the_server() {
    let mut t = Test::new().args([
        "profile",
        "init",
        "--no-input",
        "--name",
        "Zoë Example",
        "--email",
        "zoe@gmail.com",
        "--address",
        "12 Elm Street",
        "--provider",
        "gmail",
    ]);
    t.run()
        .ok()
        .stdout_has("Gmail: smtp.gmail.com:587 (Starttls). To log in, Gmail needs an app password");
    let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
    for line in [
        "host: smtp.gmail.com",
        "port: 587",
        "security: starttls",
        "username: zoe@gmail.com",
    ] {
        assert!(profile.contains(line), "{line}:\n{profile}");
    }
    for (id, host, port, security) in [
        ("outlook", "smtp-mail.outlook.com", "587", "starttls"),
        ("microsoft365", "smtp.office365.com", "587", "starttls"),
        ("fastmail", "smtp.fastmail.com", "465", "tls"),
        ("icloud", "smtp.mail.me.com", "587", "starttls"),
        ("yahoo", "smtp.mail.yahoo.com", "465", "tls"),
        ("proton", "127.0.0.1", "1025", "starttls"),
    ] {
        t.with(
            &[
                "profile",
                "init",
                "--no-input",
                "--force",
                "--provider",
                id,
                "--smtp-oauth2-token-command",
                "oama access zoe@gmail.com",
            ],
            &[],
        )
        .run()
        .ok();
        let profile = std::fs::read_to_string(t.path("config/profile.yaml")).unwrap();
        for line in [
            format!("host: {host}"),
            format!("port: {port}"),
            format!("security: {security}"),
        ] {
            assert!(profile.contains(&line), "{id}: {line}:\n{profile}");
        }
        assert!(
            profile.contains("oauth2_token_command: oama access zoe@gmail.com"),
            "{profile}"
        );
    }
    t.with(&["profile", "init", "--no-input", "--force", "--provider", "aol"], &[])
        .run()
        .expect_code(2)
        .stderr_has("error: no mail provider preset `aol`\n  hint: known: gmail, outlook, microsoft365, fastmail, icloud, yahoo, proton;");
}

/// Sends the three letters to a server started with `options`; returns the run.
fn refused(options: &[&str], smtp_extra: &str) -> (Outcome, SmtpServer) {
    let server = SmtpServer::start(options).expect(0);
    let mut t = setup(server.port, &format!("  security: none\n{smtp_extra}"));
    (
        run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]),
        server,
    )
}

#[test]
fn common_refusals_are_explained_and_permanent_ones_not_retried() {
    let login = "  username: zoe\n";
    let (out, _s) = refused(
        &[
            "--fail-auth",
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        ],
        login,
    );
    out.expect_code(4)
        .stderr_has("error: your provider has turned off password logins for sending mail (basic authentication is disabled)")
        .stderr_has("hint: log in with OAuth 2.0 instead: set `smtp.oauth2_token_command` in your profile");
    let (out, _s) = refused(
        &[
            "--fail-auth",
            "534 5.7.9 Application-specific password required.",
        ],
        login,
    );
    out.expect_code(4)
        .stderr_has("error: the server wants an app password for `zoe`, not your account password")
        .stderr_has("hint: create an app password in your account's security settings");
    let (out, _s) = refused(&["--relay-denied"], "");
    out.expect_code(4)
        .stderr_has("error: the server will not pass your letters on (relaying denied)")
        .stderr_has("hint: set `smtp.username` so that outcry logs in");
    let (out, _s) = refused(
        &[
            "--fail-data",
            "552 5.3.4 Message size exceeds fixed maximum message size",
        ],
        "",
    );
    out.expect_code(4)
        .stderr_has("the server refused the letter as too large: permanent error (552)");
    assert_eq!(
        out.stderr.matches("refused: to").count(),
        3,
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("trying again"),
        "not retried: {}",
        out.stderr
    );
}

#[test]
fn a_non_ascii_address_to_a_server_without_smtputf8_is_refused_once_and_warned_about() {
    let recipients = RECIPIENTS.replace("one@example.org", "zoë@example.org");
    let mut t = Test::new().file("r.yaml", &recipients);
    t.with(&["recipients", "check", "r.yaml"], &[])
        .run()
        .ok()
        .stderr_has("warning: r.yaml:7: email `zoë@example.org` has non-ASCII characters; mail servers without SMTPUTF8 refuse it");
    let server = SmtpServer::start(&["--no-smtputf8"]).expect(2);
    let mut t = setup(server.port, "  security: none\n");
    std::fs::write(t.path("config/recipients.yaml"), &recipients).unwrap();
    let set = format!("--set=personal={PERSONAL}");
    t.with(
        &[
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "rep-one",
            &set,
            "--no-input",
            "-f",
            "eml",
            "--force",
        ],
        &[],
    )
    .run()
    .ok();
    let out = run_to_the_end(&mut t, &["send", "letters", "--yes"], &[]);
    out.expect_code(3)
        .stderr_has("refused: to zoë@example.org: the address has non-ASCII characters and the server does not accept such addresses (no SMTPUTF8)");
    assert!(!out.stderr.contains("trying again"), "{}", out.stderr);
}

#[test]
fn links_that_would_be_too_long_carry_the_address_and_subject_and_say_where_the_text_is() {
    let mut t = setup(25, "");
    std::fs::write(
        t.path("config/profile.yaml"),
        "name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street]\n",
    )
    .unwrap();
    let out = t.with(&["send", "letters", "--links"], &[]).run();
    out.ok()
        .stdout_has("  mail program: mailto:one%40example.org?subject=")
        .stdout_has("The letter is too long to put in a link (over 2000 characters): these open a message with the address and subject; paste the text from letters/2026-11-28_transplant-tourism-law_rep-one.eml");
    for line in out.stdout.lines() {
        assert!(line.len() < 2100, "a link too long to open: {line}");
        assert!(
            !line.contains("body="),
            "a link with part of the text: {line}"
        );
    }
    // A short letter still travels whole in its links.
    let short = "---\nid: short\ntitle: T\nsummary: S\naudience: [any]\nsubject: A short note\nquestions: []\nsources: []\n---\n{{salutation recipient}},\n\n{{#ask}}Will you help?{{/ask}}\n\n{{signoff recipient}}\n\n{{sender.signature}}\n";
    std::fs::create_dir_all(t.path("config/templates")).unwrap();
    std::fs::write(t.path("config/templates/short.hbs"), short).unwrap();
    t.with(
        &[
            "write",
            "-t",
            "short",
            "--to",
            "rep-one",
            "--no-input",
            "--out",
            "short",
            "-f",
            "txt",
            "-f",
            "eml",
        ],
        &[],
    )
    .run()
    .ok();
    let out = t.with(&["send", "short", "--links"], &[]).run();
    out.ok().stdout_has("&body=Dear%20Councillor%20One");
    assert!(!out.stdout.contains("too long"), "{}", out.stdout);
}

#[test]
fn ctrl_c_while_sending_stops_after_the_letter_in_flight_with_a_summary() {
    let server = SmtpServer::start(&["--delay-data", "2"]).expect(1);
    let mut t = setup(server.port, "  security: none\n");
    let child = t
        .with(&["send", "letters", "--yes"], &[])
        .command()
        .spawn()
        .unwrap();
    while server.received().is_empty() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::process::Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("Stopping after the letter being sent"),
        "{stderr}"
    );
    assert!(stdout.contains("Sent 1 of 3 letters."), "{stdout}");
    assert!(
        stderr.contains("error: stopped by Ctrl-C: 1 sent; 2 letters not tried"),
        "{stderr}"
    );
    assert!(!stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(log(&t).iter().filter(|(e, _)| e == "delivered").count(), 1);
}
