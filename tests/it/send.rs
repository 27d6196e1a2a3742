//! Sending over SMTP to a real server on 127.0.0.1: success, every failure the issue names,
//! the sent log, resuming, and that the password never lands on disk.

use std::path::Path;

use crate::harness::{Outcome, Test};
use crate::smtp_server::{SmtpServer, certs};

pub const PASSWORD: &str = "correct-horse-battery-9f3a";

/// Recipients with example.org addresses: tests never address real people.
pub const RECIPIENTS: &str = "\
- id: rep-one
  name: Rowan One
  honorific: Councillor
  family_name: One
  body: legislature
  country: GB
  contact: {email: one@example.org}
- id: rep-two
  name: Sam Two
  honorific: Councillor
  family_name: Two
  body: legislature
  country: GB
  contact: {email: two@example.org}
- id: rep-three
  name: Ana Three
  honorific: Councillor
  family_name: Three
  body: legislature
  country: GB
  contact: {email: three@example.org}
- id: rep-post
  name: Pat Post
  body: legislature
  country: GB
  contact: {postal: [1 Post Road, York YO1 1AA]}
";

pub const PERSONAL: &str = "Ich schreibe als Krankenpfleger: jede Spende muss freiwillig sein — every organ must be given freely, and I want our country to say so.";

/// A folder with a profile pointing at `port` and three letters (plus one postal-only draft).
pub fn setup(port: u16, smtp_extra: &str) -> Test {
    let mut t = Test::new().file("config/recipients.yaml", RECIPIENTS).file(
        "config/profile.yaml",
        &format!(
            "name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street, Leeds LS1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: {port}\n  rate_limit_per_minute: 0\n{smtp_extra}"
        ),
    );
    t = t
        .args([
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "rep-one,rep-two,rep-three,rep-post",
        ])
        .arg(format!("--set=personal={PERSONAL}"))
        .args(["--no-input", "--format", "eml", "--out", "letters"]);
    t.run().ok();
    t
}

/// Runs `outcry send` in the test folder.
pub fn send(t: &mut Test, args: &[&str]) -> Outcome {
    t.with(
        &[&["send", "letters"], args].concat(),
        &[
            ("OUTCRY_SMTP_PASSWORD", PASSWORD),
            ("OUTCRY_RETRY_DELAY_MS", "20"),
        ],
    )
    .run()
}

pub fn log(t: &Test) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(t.path("data/sent-log.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["event"].as_str().unwrap().to_string(),
                v["to"][0].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn tls_settings() -> String {
    format!(
        "  security: starttls\n  username: zoe\n  ca_file: {}\n",
        certs().0.display()
    )
}

/// No file outcry wrote contains the password.
fn assert_password_nowhere(dir: &Path) {
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes
                .windows(PASSWORD.len())
                .any(|w| w == PASSWORD.as_bytes()),
            "the password is in {}",
            entry.display()
        );
    }
}

pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn starttls_with_login_delivers_messages_that_parse_back() {
    let server = SmtpServer::start_tls(&["--auth", &format!("zoe:{PASSWORD}")]).expect(3);
    let mut t = setup(server.port, &tls_settings());
    let out = send(&mut t, &["--yes"]);
    out.ok().stdout_has("Sent 3 of 3 letters.");
    out.stdout_has("Not sent by email (no published address); reach them another way:");
    out.stdout_has(
        "2026-11-28_transplant-tourism-law_rep-post.eml: post to 1 Post Road, York YO1 1AA",
    );
    let mut got = server.recipients();
    got.sort();
    assert_eq!(
        got,
        ["one@example.org", "three@example.org", "two@example.org"]
    );
    for (raw, env) in server.received() {
        use mailparse::MailHeaderMap;
        let mail = mailparse::parse_mail(&raw).unwrap();
        assert_eq!(env["mail_from"], "zoe@example.org");
        assert_eq!(
            mail.headers.get_first_value("From").unwrap(),
            "Zoë Example <zoe@example.org>"
        );
        let to = mail.headers.get_first_value("To").unwrap();
        assert!(to.contains(env["rcpt_tos"][0].as_str().unwrap()), "{to}");
        assert_eq!(
            mail.headers.get_first_value("Subject").unwrap(),
            "Organ trafficking abroad: a question from Leeds"
        );
        assert!(
            mail.get_body()
                .unwrap()
                .replace("\r\n", "\n")
                .contains(PERSONAL)
        );
        // What is on disk, but for two headers: no `X-Unsent` (the file's draft marker), and
        // `Date` is the time of sending.
        let text = String::from_utf8(raw.clone()).unwrap();
        assert!(!text.contains("X-Unsent"), "{text}");
        let without_date = |t: &str| -> String {
            t.split("\r\n")
                .filter(|l| !l.starts_with("Date:") && !l.starts_with("X-Unsent:"))
                .collect::<Vec<_>>()
                .join("\r\n")
        };
        let on_disk = std::fs::read_dir(t.path("letters")).unwrap().any(|e| {
            let file = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert!(file.contains("\r\nX-Unsent: 1\r\n"), "{file}");
            without_date(&text).starts_with(without_date(&file).trim_end())
        });
        assert!(on_disk, "the server received the letter file's bytes");
    }
    assert_eq!(log(&t).iter().filter(|(e, _)| e == "delivered").count(), 3);
    assert_password_nowhere(t.dir.path());
    // History lists them.
    let h = t.with(&["history"], &[]).run();
    h.ok().stdout_has("delivered  to one@example.org");
}

#[test]
fn plain_login_to_a_local_server_and_password_command() {
    let server = SmtpServer::start(&["--auth", "zoe:from-a-command"]).expect(3);
    let mut t = setup(
        server.port,
        "  security: none\n  username: zoe\n  password_command: printf 'from-a-command\\nsecond line'\n",
    );
    let out = t.with(&["send", "letters", "--yes"], &[]).run();
    out.ok().stdout_has("Sent 3 of 3 letters.");
}

#[test]
fn wrong_password_stops_at_once_and_a_rerun_sends_everything() {
    let server = SmtpServer::start_tls(&["--auth", "zoe:another-password"]).expect(0);
    let mut t = setup(server.port, &tls_settings());
    let out = send(&mut t, &["--yes"]);
    out.expect_code(4).stderr_is(
        "error: the server refused the login for `zoe`: permanent error (535): 5.7.8 Authentication credentials invalid; 3 letters not sent\n  \
         hint: check `smtp.username` and the password; many providers need an app password\n  \
         hint: run the same command again to send the rest; letters already sent are skipped\n",
    );
    assert!(log(&t).is_empty(), "nothing was attempted");
    drop(server);
    let server = SmtpServer::start_tls(&["--auth", &format!("zoe:{PASSWORD}")]).expect(3);
    retarget(&t, server.port, &tls_settings());
    send(&mut t, &["--yes"])
        .ok()
        .stdout_has("Sent 3 of 3 letters.");
}

/// Points the profile of `t` at another port.
pub fn retarget<'a>(t: &'a Test, port: u16, smtp_extra: &str) -> &'a Test {
    std::fs::write(
        t.path("config/profile.yaml"),
        format!(
            "name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street, Leeds LS1 1AA]\ncountry: GB\nsmtp:\n  host: 127.0.0.1\n  port: {port}\n  rate_limit_per_minute: 0\n{smtp_extra}"
        ),
    )
    .unwrap();
    t
}

#[test]
fn a_server_without_starttls_is_refused() {
    let server = SmtpServer::start(&[]).expect(0);
    let mut t = setup(server.port, "  security: starttls\n");
    send(&mut t, &["--yes"]).expect_code(4).stderr_is(&format!(
        "error: the server `127.0.0.1:{}` does not offer STARTTLS, so the connection cannot be secured; 3 letters not sent\n  \
         hint: check smtp.host and smtp.port; for port 465 use `security: tls`\n  \
         hint: run the same command again to send the rest; letters already sent are skipped\n",
        server.port
    ));
}

#[test]
fn an_unknown_certificate_authority_is_refused() {
    let server = SmtpServer::start_tls(&[]).expect(0);
    let mut t = setup(server.port, "  security: starttls\n");
    let out = send(&mut t, &["--yes"]);
    out.expect_code(4)
        .stderr_has("error: the secure connection to `127.0.0.1` failed:")
        .stderr_has("UnknownIssuer")
        .stderr_has("hint: if the server uses its own certificate authority, set `smtp.ca_file` in your profile");
}

#[test]
fn server_down() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut t = setup(port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.expect_code(4)
        .stderr_has(&format!(
            "error: could not connect to `127.0.0.1:{port}`: Connection refused"
        ))
        .stderr_has("3 letters not sent")
        .stderr_has("hint: check the server name and port, and your connection");
    assert!(log(&t).is_empty());
}

#[test]
fn a_451_is_retried_and_delivered_once() {
    let server = SmtpServer::start(&["--fail-451-once", "two@example.org"]).expect(3);
    let mut t = setup(server.port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.ok()
        .stdout_has("Sent 3 of 3 letters.")
        .stderr_has("451");
    let events: Vec<(String, String)> = log(&t)
        .into_iter()
        .filter(|(_, to)| to == "two@example.org")
        .collect();
    let kinds: Vec<&str> = events.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(kinds, ["attempt", "failed", "attempt", "delivered"]);
}

#[test]
fn a_550_fails_that_letter_only_and_a_rerun_sends_exactly_the_rest() {
    let server = SmtpServer::start(&["--fail-550", "two@example.org"]).expect(2);
    let mut t = setup(server.port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.expect_code(3).stdout_has("Sent 2 of 3 letters.");
    out.stderr_has("error: 1 letter could not be sent:\n  `letters/2026-11-28_transplant-tourism-law_rep-two.eml`: permanent error (550): 5.1.1 Mailbox unavailable\n");
    let delivered: Vec<String> = log(&t)
        .into_iter()
        .filter(|(e, _)| e == "delivered")
        .map(|(_, to)| to)
        .collect();
    assert_eq!(delivered, ["one@example.org", "three@example.org"]);
    drop(server);
    // The mailbox is fixed; the rerun sends only the letter that failed.
    let server = SmtpServer::start(&[]).expect(1);
    retarget(&t, server.port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.ok()
        .stdout_has("Ready to send 1 letter")
        .stdout_has("2 letters were already sent");
    assert_eq!(server.recipients(), ["two@example.org"]);
}

#[test]
fn a_connection_dropped_after_the_letter_holds_it_back() {
    // The server gets the second letter, then drops the connection without an answer: it may
    // or may not have kept it, so outcry does not send it again on its own.
    let server = SmtpServer::start(&["--drop-at", "2"]).expect(2);
    let mut t = setup(server.port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.expect_code(3)
        .stdout_has("Sent 2 of 3 letters.")
        .stdout_has("1 letter may or may not have arrived: the server took it but never confirmed it. It is held back:")
        .stderr_has("error: 1 letter was not confirmed by the server:\n  `letters/2026-11-28_transplant-tourism-law_rep-three.eml`: the connection failed after the letter was sent, before the server confirmed it:")
        .stderr_has("hint: letters not confirmed are held back: check your Sent folder; --retry-unknown sends them again");
    let mut got = server.recipients();
    got.sort();
    assert_eq!(got, ["one@example.org", "two@example.org"]);
    // A rerun sends nothing more; --retry-unknown sends it.
    send(&mut t, &["--yes"])
        .ok()
        .stdout_has("1 letter is held back");
    drop(server);
    let server = SmtpServer::start(&[]).expect(1);
    retarget(&t, server.port, "  security: none\n");
    send(&mut t, &["--yes", "--retry-unknown"])
        .ok()
        .stdout_has("Sent 1 of 1 letter.");
}

#[test]
fn killed_mid_batch_then_rerun_sends_no_letter_twice() {
    let server = SmtpServer::start(&["--delay-data", "3"]);
    let mut t = setup(server.port, "  security: none\n");
    let mut child = t
        .with(&["send", "letters", "--yes"], &[])
        .command()
        .spawn()
        .unwrap();
    // Wait until the server has the first message (its reply is delayed), then SIGKILL.
    let start = std::time::Instant::now();
    while server.received().is_empty() {
        assert!(
            start.elapsed().as_secs() < 60,
            "the server never got a message"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        log(&t),
        [("attempt".to_string(), "one@example.org".to_string())]
    );
    drop(server);

    let server = SmtpServer::start(&[]).expect(2);
    retarget(&t, server.port, "  security: none\n");
    let out = send(&mut t, &["--yes"]);
    out.ok()
        .stdout_has("1 letter is held back: an earlier run sent it and the server never confirmed it (the run was interrupted, or the server did not answer), so it may or may not have arrived:")
        .stdout_has("run again with --retry-unknown")
        .stdout_has("Sent 2 of 2 letters.");
    let mut got = server.recipients();
    got.sort();
    assert_eq!(got, ["three@example.org", "two@example.org"]);
    // History shows the unknown one.
    t.with(&["history"], &[])
        .run()
        .ok()
        .stdout_has("unknown    to one@example.org");
}

#[test]
fn dry_run_and_limit_send_nothing_more() {
    let server = SmtpServer::start(&[]).expect(1);
    let mut t = setup(server.port, "  security: none\n");
    let out = send(&mut t, &["--dry-run"]);
    out.ok()
        .stdout_has("Would send 3 letters via 127.0.0.1")
        .stdout_has("Dry run: nothing was sent.");
    assert!(out.stdout.contains(PERSONAL));
    assert!(server.received().is_empty());
    send(&mut t, &["--yes", "--limit", "1"])
        .ok()
        .stdout_has("... and 2 more held back by --limit")
        .stdout_has("Sent 1 of 1 letter.");
}

#[test]
fn confirmation_is_required_without_a_terminal() {
    let server = SmtpServer::start(&[]).expect(0);
    let mut t = setup(server.port, "  security: none\n");
    send(&mut t, &[]).expect_code(2).stderr_is(
        "error: sending needs your confirmation\n  hint: pass --yes to send without being asked, or --dry-run to see exactly what would be sent\n",
    );
}

#[test]
fn unencrypted_to_a_remote_server_is_refused() {
    let mut t = setup(25, "  security: none\n");
    std::fs::write(
        t.path("config/profile.yaml"),
        "name: Z\nemail: z@example.org\naddress: [1 St]\nsmtp:\n  host: mail.example.org\n  security: none\n  username: z\n",
    )
    .unwrap();
    send(&mut t, &["--yes"]).expect_code(2).stderr_is(
        "error: `smtp.security: none` would send your letters and password unencrypted to `mail.example.org`\n  \
         hint: use security: starttls (port 587) or tls (port 465); `none` is for a server on this machine\n  \
         hint: if you really mean it, pass --insecure\n",
    );
}

#[test]
fn without_an_smtp_account_links_open_each_letter() {
    let mut t = setup(25, "");
    std::fs::write(
        t.path("config/profile.yaml"),
        "name: Z\nemail: z@example.org\naddress: [1 St]\n",
    )
    .unwrap();
    send(&mut t, &["--yes"])
        .expect_code(2)
        .stderr_has("error: no mail server is set up in your profile, so outcry cannot send")
        .stderr_has(
            "hint: or open each letter in your own mail program: outcry send --links FOLDER",
        );
    let out = send(&mut t, &["--links"]);
    out.ok()
        .stdout_has("mail program: mailto:one%40example.org?subject=Organ%20trafficking%20abroad")
        .stdout_has("Gmail: https://mail.google.com/mail/?view=cm&fs=1&to=one%40example.org&su=")
        .stdout_has(
            "Outlook: https://outlook.live.com/mail/0/deeplink/compose?to=two%40example.org",
        );
}

#[test]
fn write_and_send_in_one_go() {
    let server = SmtpServer::start(&[]).expect(1);
    let mut t = Test::new().file("config/recipients.yaml", RECIPIENTS).file(
        "config/profile.yaml",
        &format!("name: Zoë Example\nemail: zoe@example.org\naddress: [12 Elm Street]\nsmtp:\n  host: 127.0.0.1\n  port: {}\n  security: none\n  rate_limit_per_minute: 0\n", server.port),
    );
    let out = t
        .with(
            &[
                "write",
                "-t",
                "un-investigation",
                "--to",
                "rep-one",
                "--set",
                &format!("personal={PERSONAL}"),
                "--no-input",
                "--send",
                "--yes",
            ],
            &[],
        )
        .run();
    out.ok()
        .stdout_has("Wrote 1 letter (2 files) to letters")
        .stdout_has("Sent 1 of 1 letter.");
    assert!(
        t.path("letters/2026-11-28_un-investigation_rep-one.txt")
            .exists(),
        "the letter is on disk as well"
    );
}

#[test]
fn test_smtp_logs_in_without_sending() {
    let server = SmtpServer::start_tls(&["--auth", &format!("zoe:{PASSWORD}")]).expect(0);
    let mut t = setup(server.port, &tls_settings());
    let out = t
        .with(
            &["profile", "test-smtp"],
            &[("OUTCRY_SMTP_PASSWORD", PASSWORD)],
        )
        .run();
    out.ok().stdout_has(&format!(
        "Connected to 127.0.0.1:{} (Starttls) and logged in as zoe. Nothing was sent.",
        server.port
    ));
}
