//! Letters written end to end: golden texts, files, `.eml` parsed back.

use crate::harness::Test;

const PERSONAL: &str = "I am a transplant nurse in Springfield. I have seen what a new kidney means to a family — and I cannot accept that anyone's organs are taken by force.";

fn letter(template: &str, to: &str) -> String {
    let out = Test::new()
        .args(["write", "--template", template, "--to", to, "--set"])
        .arg(format!("personal={PERSONAL}"))
        .sender()
        .args(["--no-input", "--stdout"])
        .run();
    out.ok();
    out.stdout
}

#[test]
fn golden_transplant_tourism_law_senator() {
    insta::assert_snapshot!(letter("transplant-tourism-law", "us-sen-ma-warren"));
}

#[test]
fn golden_transplant_tourism_law_representative() {
    insta::assert_snapshot!(letter(
        "transplant-tourism-law",
        "us-rep-ny-14-ocasio-cortez"
    ));
}

#[test]
fn golden_transplant_tourism_law_mp() {
    insta::assert_snapshot!(letter("transplant-tourism-law", "uk-mp-alex-baker"));
}

#[test]
fn golden_un_investigation_senator() {
    insta::assert_snapshot!(letter("un-investigation", "us-sen-ma-warren"));
}

#[test]
fn golden_un_investigation_mp() {
    insta::assert_snapshot!(letter("un-investigation", "uk-mp-alex-baker"));
}

#[test]
fn writes_files_named_to_sort_and_not_collide() {
    let mut t = crate::harness::write_to(
        "transplant-tourism-law",
        "us-sen-ma-warren,uk-mp-alex-baker",
    )
    .args(["--set", "personal=It matters to me.", "--set", "reply=no"])
    .sender()
    .args(["--no-input", "--out", "out"]);
    let out = t.run();
    out.ok().stdout_has("Wrote 2 letters (6 files) to out");
    out.stdout_has("reach by: post to 311 Hart Senate Office Building, Washington, DC 20510");
    out.stdout_has("reach by: email alex.baker.mp@parliament.uk");
    let names = crate::harness::file_names(&t.path("out"));
    assert_eq!(
        names,
        [
            "2026-11-28_transplant-tourism-law_uk-mp-alex-baker.eml",
            "2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.call.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.envelope.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.form.txt",
            "2026-11-28_transplant-tourism-law_us-sen-ma-warren.pdf",
        ]
    );
    let text = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt"),
    )
    .unwrap();
    assert!(text.contains("Dear Alex Baker,"));
    assert!(text.contains("Please reply to me at 12 Elm Street, Springfield, MA 01101."));
    // A British recipient gets a British date.
    assert!(text.starts_with("Zoë Example\n12 Elm Street\nSpringfield, MA 01101\nzoe@example.org\n\n28 November 2026\n\nAlex Baker MP\nHouse of Commons\nLondon\nSW1A 0AA\n"));
}

#[test]
fn never_overwrites_without_force() {
    let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
        .args(["--set", "personal=Mine."])
        .sender()
        .args(["--no-input", "--out", "out", "--format", "txt"]);
    t.run().ok();
    let path = t.path("out/2026-11-28_un-investigation_uk-mp-alex-baker.txt");
    std::fs::write(&path, "my own edits").unwrap();
    t.run().expect_code(2).stderr_is(
        "error: `out/2026-11-28_un-investigation_uk-mp-alex-baker.txt` already exists; nothing was written\n  hint: pass --force to replace it, or choose another folder with --out DIR\n",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own edits");
    let mut forced = t.arg("--force");
    forced.run().ok();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Dear Alex Baker,")
    );
    // No temporary files are left behind.
    assert!(std::fs::read_dir(forced.path("out")).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(".outcry-")
    }));
}

#[test]
fn eml_parses_back_to_the_same_letter() {
    let mut t = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
        .args(["--format", "eml", "--format", "txt"])
        .arg(format!("--set=personal={PERSONAL}"))
        .sender()
        .args(["--no-input", "--out", "out"]);
    t.run().ok();
    let raw =
        std::fs::read(t.path("out/2026-11-28_un-investigation_uk-mp-alex-baker.eml")).unwrap();
    let mail = mailparse::parse_mail(&raw).unwrap();
    use mailparse::MailHeaderMap;
    let h = &mail.headers;
    assert_eq!(
        h.get_first_value("From").unwrap(),
        "Zoë Example <zoe@example.org>"
    );
    assert!(
        !raw.iter().any(|b| *b > 127),
        "headers and body are 7-bit encoded"
    );
    assert_eq!(
        h.get_first_value("To").unwrap(),
        "\"Alex Baker\" <alex.baker.mp@parliament.uk>"
    );
    assert_eq!(
        h.get_first_value("Subject").unwrap(),
        "An independent investigation of organ harvesting in China: a question from Springfield, MA"
    );
    assert!(h.get_first_value("Message-ID").unwrap().starts_with('<'));
    assert!(
        h.get_first_value("Date").unwrap().contains("2026")
            || !h.get_first_value("Date").unwrap().is_empty()
    );
    assert_eq!(mail.ctype.mimetype, "text/plain");
    assert_eq!(mail.ctype.charset, "utf-8");
    // On the wire lines end in CRLF; the letter's own text uses LF.
    let body = mail.get_body().unwrap().replace("\r\n", "\n");
    assert!(body.starts_with("Dear Alex Baker,\n"), "{body}");
    assert!(
        body.contains(PERSONAL),
        "the UTF-8 personal paragraph survives encoding"
    );
    // The body of the .eml is the letter from salutation to sources, as in the .txt file, with
    // the sender's signature block (address and email) under the name.
    let txt =
        std::fs::read_to_string(t.path("out/2026-11-28_un-investigation_uk-mp-alex-baker.txt"))
            .unwrap();
    let letter_part = body.split("\n12 Elm Street\n").next().unwrap();
    assert!(
        txt.contains(letter_part),
        "txt:\n{txt}\n--- eml body:\n{body}"
    );
    assert!(
        body.contains("Zoë Example\n12 Elm Street\nSpringfield, MA 01101\nzoe@example.org\n"),
        "{body}"
    );
    // Every line is within the RFC 5322 limit.
    assert!(raw.split(|b| *b == b'\n').all(|l| l.len() <= 78));
}

#[test]
fn eml_without_recipient_email_is_an_unaddressed_draft() {
    let mut t = crate::harness::write_to("transplant-tourism-law", "us-sen-ma-warren")
        .args(["--format", "eml"])
        .args(["--set", "personal=Mine."])
        .sender()
        .args(["--no-input", "--out", "out"]);
    t.run().ok();
    let raw = std::fs::read(t.path("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.eml"))
        .unwrap();
    let mail = mailparse::parse_mail(&raw).unwrap();
    use mailparse::MailHeaderMap;
    assert!(mail.headers.get_first_value("To").is_none());
    assert!(mail.headers.get_first_value("From").is_some());
}

#[test]
fn markdown_letter() {
    let out = crate::harness::write_to("un-investigation", "uk-mp-alex-baker")
        .args(["--set", "personal=It *matters*."])
        .sender()
        .args(["--no-input", "--stdout", "--format", "md"])
        .run();
    out.ok();
    assert!(
        out.stdout
            .contains("**Subject: An independent investigation")
    );
    assert!(out.stdout.contains("It \\*matters\\*."));
    assert!(out.stdout.contains("## Sources\n\n1. "));
}

#[test]
fn answers_file_and_profile_drive_a_script() {
    let mut t = Test::new()
        .file("answers.yaml", "personal: |\n  I teach medical ethics.\n\n  My students ask me what they can do.\nreply: false\n")
        .file(
            "me.yaml",
            "name: Ada Lovelace\nemail: ada@example.org\naddress:\n  - 1 Analytical Row\n  - London\npostcode: N1 1AA\ncountry: GB\n",
        )
        .args(["write", "-t", "un-investigation", "--to", "uk-mp-alex-baker", "--answers", "answers.yaml"])
        .args(["--profile", "me.yaml", "--no-input", "--stdout"]);
    let out = t.run();
    out.ok();
    assert!(out.stdout.starts_with(
        "Ada Lovelace\n1 Analytical Row\nLondon\nN1 1AA\nada@example.org\n\n28 November 2026\n"
    ));
    assert!(
        out.stdout
            .contains("I teach medical ethics.\n\nMy students ask me what they can do.")
    );
    assert!(out.stdout.contains("Yours sincerely,\nAda Lovelace"));
    assert!(
        out.stdout
            .contains("Please reply to me at 1 Analytical Row, London, N1 1AA.")
    );
}

#[test]
fn write_to_everyone_matching_filters() {
    let mut t = Test::new()
        .args([
            "write",
            "-t",
            "transplant-tourism-law",
            "--all",
            "--body",
            "us-senate",
            "--region",
            "VT",
        ])
        .args([
            "--set",
            "personal=Mine.",
            "--no-input",
            "--json",
            "--out",
            "out",
        ])
        .sender();
    let out = t.run();
    out.ok();
    let json = out.json();
    assert_eq!(json["letters"], 2);
    let ids: Vec<&str> = json["written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["recipient"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["us-sen-vt-sanders", "us-sen-vt-welch"]);
}

#[test]
fn template_audience_mismatch_warns_but_writes() {
    let out = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
        .args(["--recipients", "extra.yaml", "--to", "acme-health"])
        .arg(format!("--set=personal={PERSONAL}"))
        .args(["--no-input", "--stdout"])
        .file(
            "extra.yaml",
            "- id: acme-health\n  name: Acme Health plc\n  salutation: Dear Sir or Madam\n  body: company\n  country: GB\n  contact:\n    postal: [1 High Street, Leeds, LS1 1AA]\n",
        )
        .sender()
        .run();
    out.ok().stderr_is("warning: template `transplant-tourism-law` is written for us-senate, us-house, us-state-upper, us-state-lower, uk-commons, uk-lords, eu-parliament, legislature, government; 1 recipient is outside that (`acme-health`)\n");
    assert!(out.stdout.contains("Dear Sir or Madam,"));
    assert!(out.stdout.contains("Yours faithfully,"));
}

#[test]
fn the_date_can_be_set_for_backdated_or_reproducible_letters() {
    let mut t = Test::new()
        .env("OUTCRY_DATE", "2027-01-05")
        .args([
            "write",
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
            "--set",
            "personal=Mine.",
        ])
        .args([
            "--sender-name",
            "Ada",
            "--sender-address",
            "1 Row, London",
            "--sender-country",
            "GB",
            "--no-input",
            "--out",
            "out",
            "--format",
            "txt",
        ]);
    t.run().ok();
    let text =
        std::fs::read_to_string(t.path("out/2027-01-05_un-investigation_uk-mp-alex-baker.txt"))
            .unwrap();
    assert!(text.contains("\n\n5 January 2027\n\n"), "{text}");
}

#[test]
fn each_recipient_gets_the_channels_it_can_receive() {
    let mut t = crate::harness::write_to(
        "transplant-tourism-law",
        "us-sen-ma-warren,uk-mp-alex-baker,us-rep-ny-14-ocasio-cortez",
    )
    .arg(format!("--set=personal={PERSONAL}"))
    .sender()
    .args(["--no-input", "--out", "out"]);
    t.run().ok();
    let names = crate::harness::file_names(&t.path("out"));
    assert_eq!(
        names,
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
    let call = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.call.txt"),
    )
    .unwrap();
    insta::assert_snapshot!("call_script_warren", call);
    let envelope = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.envelope.txt"),
    )
    .unwrap();
    assert_eq!(
        envelope,
        "To:\n    Senator Elizabeth Warren\n    1550 Main St., Suite 406\n    Springfield, MA 01103\n\nReturn address (top left, or on the back):\n    Zoë Example\n    12 Elm Street\n    Springfield, MA 01101\n"
    );
    let form = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.form.txt"),
    )
    .unwrap();
    assert!(form.starts_with("Contact form: https://www.warren.senate.gov/?p=email_senator\n"));
    assert!(
        form.contains(" characters):\nOrgan trafficking abroad: a question from Springfield, MA\n")
    );
    // The message carries the sender's address under the name.
    assert!(
        form.contains("Zoë Example\n12 Elm Street\nSpringfield, MA 01101\nzoe@example.org\n"),
        "{form}"
    );
    let message_len: usize = form
        .split("Message (")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(message_len <= 4000);
    // --channel chooses instead.
    let mut t = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
        .args(["--channel", "phone"])
        .arg(format!("--set=personal={PERSONAL}"))
        .sender()
        .args(["--no-input", "--out", "out"]);
    t.run().ok().stdout_has("Wrote 1 letter (1 file) to out");
    let call = std::fs::read_to_string(
        t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.call.txt"),
    )
    .unwrap();
    // The MP's office number, from Parliament's members service.
    assert!(call.contains("0207 219 4085"), "{call}");
}

#[test]
fn printable_pdf_letter_for_the_post() {
    let mut t = crate::harness::write_to("transplant-tourism-law", "us-sen-ma-warren")
        .arg(format!(
            "--set=personal={PERSONAL} My neighbour in Łódź would say the same."
        ))
        .args([
            "--sender-name",
            "Zoë Łukasiewicz",
            "--sender-address",
            "12 Elm Street",
            "--sender-address",
            "Springfield, MA 01101",
        ])
        .args(["--sender-country", "US", "--no-input", "--out", "out"]);
    t.run()
        .ok()
        .stdout_has("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.pdf");
    let bytes = std::fs::read(t.path("out/2026-11-28_transplant-tourism-law_us-sen-ma-warren.pdf"))
        .unwrap();
    let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 1, "a normal letter fits on one page");
    let page = doc
        .get_object(*pages.get(&1).unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let media: Vec<f32> = page
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    assert_eq!(media, [0.0, 0.0, 612.0, 792.0], "US Letter for a US writer");
    let text = doc.extract_text(&[1]).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Zoë Łukasiewicz",
        "Senator Elizabeth Warren",
        "1550 Main St., Suite 406",
        "Dear Senator Warren,",
        "Łódź",
        "Sources",
    ] {
        assert!(
            flat.contains(needle),
            "{needle:?} not in the PDF's text:\n{flat}"
        );
    }
    // The font is embedded (a subset), so the names print anywhere.
    assert!(bytes.windows(9).any(|w| w == b"FontFile2"));

    // A4 for a writer outside North America; a long letter gets page numbers.
    let mut t = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
        .args(["--channel", "post"])
        .arg(format!("--set=personal={PERSONAL}"))
        .args([
            "--sender-name",
            "Ada",
            "--sender-address",
            "1 Row",
            "--sender-address",
            "Leeds LS1 1AA",
            "--sender-country",
            "GB",
        ])
        .args(["--no-input", "--out", "out"]);
    t.run().ok();
    let doc =
        lopdf::Document::load(t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.pdf"))
            .unwrap();
    let first = doc
        .get_object(*doc.get_pages().get(&1).unwrap())
        .unwrap()
        .as_dict()
        .unwrap()
        .clone();
    let media: Vec<f32> = first
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    assert!(
        (media[2] - 595.28).abs() < 0.01 && (media[3] - 841.89).abs() < 0.01,
        "A4: {media:?}"
    );
    if doc.get_pages().len() > 1 {
        let text = doc.extract_text(&[1]).unwrap();
        assert!(text.contains("Page 1 of"), "{text}");
    }
}
