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
