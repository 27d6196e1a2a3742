//! Every user-facing error message, pinned: what went wrong, where, and what to do.

use crate::harness::Test;

fn write() -> Test {
    Test::new().arg("write")
}

#[test]
fn missing_template() {
    write().sender().args(["--to", "us-sen-ma-warren", "--no-input"]).run().expect_code(2).stderr_is(
        "error: missing --template; choose which letter to write\n  hint: see the letters with: outcry templates list\n",
    );
}

#[test]
fn unknown_template() {
    write().sender().args(["-t", "nope", "--to", "us-sen-ma-warren", "--no-input"]).run().expect_code(2).stderr_is(
        "error: no template with id `nope`\n  hint: available: transplant-tourism-law, un-investigation, un-special-procedures, trade-due-diligence, company-due-diligence, medical-integrity, letter-to-editor, thank-you, chase\n",
    );
}

#[test]
fn missing_recipients() {
    write().sender().args(["-t", "un-investigation", "--no-input"]).run().expect_code(2).stderr_is(
        "error: missing --to; choose whom to write to\n  hint: find ids with: outcry recipients list --search NAME, or pass --all with filters\n",
    );
}

#[test]
fn unknown_recipient_with_suggestion() {
    write().sender().args(["-t", "un-investigation", "--to", "us-sen-warren", "--no-input"]).run().expect_code(2).stderr_is(
        "error: no recipient with id `us-sen-warren`\n  hint: did you mean `us-sen-ma-warren`, `us-sen-va-warner`, `us-sen-wa-murray`?\n  hint: list ids with: outcry recipients list --search NAME\n",
    );
}

#[test]
fn missing_answer_names_the_flag() {
    write().sender().args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--no-input"]).run().expect_code(2).stderr_is(
        "error: missing answer for `personal`; pass --set personal=...\n  hint: the question is: In your own words, why does this matter to you?\n  hint: or put it in an answers file (YAML `key: value`) and pass --answers FILE\n",
    );
}

#[test]
fn invalid_answer_is_rejected_like_a_typed_one() {
    write()
        .sender()
        .args([
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
            "--set",
            "personal=x",
            "--set",
            "reply=maybe",
            "--no-input",
        ])
        .run()
        .expect_code(2)
        .stderr_is("error: invalid answer for `reply` (from --set): `maybe` is not yes or no\n");
}

#[test]
fn empty_required_answer() {
    write()
        .sender()
        .args([
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
            "--set",
            "personal=  ",
            "--no-input",
        ])
        .run()
        .expect_code(2)
        .stderr_is("error: invalid answer for `personal` (from --set): an answer is required\n");
}

#[test]
fn too_long_answer() {
    write()
        .sender()
        .args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--no-input"])
        .arg(format!("--set=personal={}", "a".repeat(1501)))
        .run()
        .expect_code(2)
        .stderr_is("error: invalid answer for `personal` (from --set): it is 1501 characters long; the limit is 1500\n");
}

#[test]
fn unknown_question() {
    write()
        .sender()
        .args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--set", "persnal=x", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_is("error: template `un-investigation` has no question `persnal` (given in --set)\n  hint: its questions are: personal, connection, reply\n");
}

#[test]
fn bad_set_syntax() {
    write().sender().args(["-t", "un-investigation", "--set", "personal", "--no-input"]).run().expect_code(2).stderr_is(
        "error: `--set personal` is not of the form KEY=VALUE\n  hint: for example: --set personal=\"I am a nurse in Leeds\"\n",
    );
}

#[test]
fn missing_sender() {
    write().args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--no-input"]).run().expect_code(2).stderr_is(
        "error: your name is missing: pass --sender-name or set `name` in your profile\n  your postal address is missing: representatives answer the people they represent, so letters carry it; pass --sender-address LINE (once per line) or set `address` in your profile\n  hint: save your details once with: outcry profile init\n",
    );
}

#[test]
fn bad_sender_email() {
    write()
        .args(["--sender-name", "A", "--sender-address", "1 St", "--sender-email", "me-at-home"])
        .args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_is("error: your email `me-at-home` is not usable: it is not of the form name@example.org\n  hint: save your details once with: outcry profile init\n");
}

#[test]
fn eml_needs_sender_email() {
    write()
        .args(["--sender-name", "A", "--sender-address", "1 St", "--format", "eml", "--set", "personal=x"])
        .args(["-t", "un-investigation", "--to", "uk-mp-alex-baker", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_is("error: an .eml file needs your email address\n  hint: pass --sender-email ADDRESS, or set `email` in your profile (outcry profile init)\n");
}

#[test]
fn bad_date() {
    write().sender().args(["--date", "28/11/2026", "--no-input"]).run().expect_code(2).stderr_is(
        "error: the date `28/11/2026` is not a calendar date of the form YYYY-MM-DD\n  hint: for example: --date 2026-11-28\n",
    );
}

#[test]
fn impossible_date() {
    write()
        .sender()
        .args(["--date", "2026-02-30", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_has("error: the date `2026-02-30` is not a calendar date of the form YYYY-MM-DD\n");
}

#[test]
fn empty_template_folder() {
    let t = Test::new().file("t/readme.txt", "not a template");
    std::fs::create_dir_all(t.path("t")).unwrap();
    let mut t = t.args(["templates", "check", "t"]);
    t.run().expect_code(2).stderr_is(
        "error: no template files (*.hbs) in `t`\n  hint: templates are files whose names end in .hbs\n",
    );
}

#[test]
fn empty_csv_import() {
    Test::new()
        .file("empty.csv", "")
        .args([
            "recipients",
            "import",
            "--from",
            "csv",
            "empty.csv",
            "--out",
            "o.yaml",
        ])
        .args([
            "--map",
            "name=Name",
            "--const",
            "body=other",
            "--const",
            "country=GB",
        ])
        .run()
        .expect_code(2)
        .stderr_is("error: `empty.csv` is empty: it needs a header row naming its columns\n");
}

#[test]
fn filters_need_all() {
    write().sender().args(["-t", "un-investigation", "--country", "US", "--no-input"]).run().expect_code(2).stderr_is(
        "error: --country, --body, --region, --district, --party, --committee and --search choose recipients only with --all\n  hint: add --all to write to everyone who matches, or name recipients with --to ID\n",
    );
}

#[test]
fn no_command_without_terminal() {
    Test::new().run().expect_code(2).stderr_is(
        "error: no command given, and there is no terminal to ask questions in\n  hint: to write letters from a script: outcry write --template ID --to ID --no-input ...\n  hint: for all commands: outcry --help\n",
    );
}

#[test]
fn answers_file_yaml_error_has_line() {
    write()
        .sender()
        .file("a.yaml", "personal: fine\nreply: [unclosed\n")
        .args([
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
            "--answers",
            "a.yaml",
            "--no-input",
        ])
        .run()
        .expect_code(2)
        .stderr_has("error: answers file `a.yaml:")
        .stderr_has("hint: an answers file is YAML with one `key: value` per question");
}

#[test]
fn missing_answers_file() {
    write()
        .sender()
        .args(["--answers", "nope.yaml", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_is("error: could not read answers file `nope.yaml`: no such file or folder\n");
}

#[test]
fn missing_profile_file() {
    write().args(["--profile", "me.yaml", "--no-input"]).run().expect_code(2).stderr_is(
        "error: could not read profile `me.yaml`: no such file or folder\n  hint: create one with: outcry profile init\n",
    );
}

#[test]
fn profile_with_unknown_key() {
    write()
        .file("me.yaml", "name: A\nadress: [1 St]\n")
        .args(["--profile", "me.yaml", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_has("error: profile `me.yaml:2`: unknown field `adress`")
        .stderr_has("hint: profile keys: name, email, address (a list of lines), country, phone, title, postcode, smtp");
}

#[test]
fn bad_recipients_file_lists_every_problem_with_lines() {
    let out = write()
        .sender()
        .file(
            "r.yaml",
            "recipients:\n  - id: ok-one\n    name: OK\n    body: media\n    country: GB\n    contact:\n      email: ed@example.org\n  - id: Bad Id\n    name: X\n    body: parliament\n    country: GBR\n    contact:\n      email: https://example.org/contact\n  - id: ok-one\n    name: Y\n    body: media\n    country: GB\n",
        )
        .args(["--recipients", "r.yaml", "-t", "un-investigation", "--no-input"])
        .run();
    out.expect_code(2).stderr_is(
        "error: recipients file `r.yaml` is invalid: 6 problems found\n  \
         r.yaml:8: id `Bad Id` must be lower-case letters, digits and dashes, starting with a letter or digit\n  \
         r.yaml:10: unknown body `parliament` (known: us-senate, us-house, us-state-upper, us-state-lower, uk-commons, uk-lords, eu-parliament, legislature, government, un, company, media, medical, other)\n  \
         r.yaml:11: country `GBR` is not a two-letter ISO code such as `US` or `GB`\n  \
         r.yaml:13: bad email `https://example.org/contact`: that is a web or mailto link, not an address\n  \
         r.yaml:14: recipient `ok-one` has no way to be reached: give contact.email, postal, phone or contact_form\n  \
         r.yaml:14: duplicate id `ok-one` (first used by recipient #1)\n  \
         hint: fix the lines above, then check with: outcry recipients check r.yaml\n",
    );
}

#[test]
fn broken_yaml_recipients_file() {
    Test::new()
        .file("r.yaml", "recipients:\n  - id: a\n    name: [oops\n")
        .args(["recipients", "check", "r.yaml"])
        .run()
        .expect_code(2)
        .stderr_has("r.yaml:4: not valid YAML:")
        .stderr_has("error: 1 problem found\n  hint: the README section \"Recipient files\" describes every field\n");
}

#[test]
fn broken_template_reports_file_and_line() {
    let out = Test::new()
        .file(
            "t/bad.hbs",
            "---\nid: bad\ntitle: Bad\nsummary: S\naudience: [senate]\nsubject: S\nsources: []\n---\n{{salutation recipient}},\n\n{{#ask}}Will you?{{/ask}} See {{cite \"nowhere\"}}.\n{{#if answers.x}}\n",
        )
        .args(["templates", "check", "t"])
        .run();
    out.expect_code(2).stderr_is(
        "t/bad.hbs:5: unknown audience `senate` (use recipient bodies such as `us-senate`, `uk-commons`, `government`, or `any`)\n\
         t/bad.hbs:11: `{{cite \"nowhere\"}}` names a source that is not declared under `sources`\n\
         t/bad.hbs:13: template body: invalid Handlebars syntax: a `{{#if}}` or `{{#each}}` block is not closed, or a `{{` has no `}}`\n\
         error: 3 problems in 1 template file\n  hint: the README section \"Writing your own templates\" describes the format\n",
    );
}

#[test]
fn template_with_missing_variable_names_it() {
    Test::new()
        .file(
            "t/x.hbs",
            "---\nid: x\ntitle: X\nsummary: S\naudience: [any]\nsubject: S\n---\n{{salutation recipient}},\n\n{{#ask}}Will you?{{/ask}} {{answers.nothing}}\n",
        )
        .args(["templates", "check", "t/x.hbs"])
        .run()
        .expect_code(2)
        .stderr_is(
            "t/x.hbs: for a sample `any` recipient: could not render template `x` at t/x.hbs:10: the template uses `answers.nothing`, which has no value\n\
             error: 1 problem in 1 template file\n  hint: the README section \"Writing your own templates\" describes the format\n",
        );
}

#[test]
fn template_without_front_matter() {
    Test::new().file("t.hbs", "Dear friend\n").args(["templates", "check", "t.hbs"]).run().expect_code(2).stderr_is(
        "t.hbs:1: a template must start with a `---` line, then YAML front matter, then `---`\n\
         error: 1 problem in 1 template file\n  hint: the README section \"Writing your own templates\" describes the format\n",
    );
}

#[test]
fn unknown_import_format() {
    Test::new()
        .args(["recipients", "import", "--from", "csv2", "x", "--out", "o.yaml"])
        .run()
        .expect_code(2)
        .stderr_is("error: unknown import format `csv2`\n  hint: known formats: congress-legislators, uk-mp-lookup, uk-lords, openstates, europarl, europarl-10, assemblee-nationale, knesset, csv\n");
}

#[test]
fn usage_errors_exit_2() {
    let out = Test::new().args(["write", "--format", "docx"]).run();
    out.expect_code(2)
        .stderr_has("invalid value 'docx' for '--format <FORMAT>'");
}

#[test]
fn help_names_the_guided_letter_and_exit_codes_and_there_is_a_man_page() {
    Test::new()
        .arg("--help")
        .run()
        .ok()
        .stdout_has("Run `outcry` with no command in a terminal for the guided letter.")
        .stdout_has("Exit codes: 0 done;")
        .stdout_has("141 output closed early");
    Test::new().arg("man").run().ok().stdout_has(".TH outcry");
}

#[test]
fn a_typo_in_an_id_suggests_the_closest_first() {
    crate::harness::write_to("un-investigation", "us-sen-il-durbn")
        .sender()
        .arg("--no-input")
        .run()
        .expect_code(2)
        .stderr_has("hint: did you mean `us-sen-il-durbin`,");
}

#[test]
fn profile_init_names_its_own_flags() {
    Test::new()
        .args(["profile", "init", "--no-input", "--name", "Ada Lovelace"])
        .run()
        .expect_code(2)
        .stderr_is("error: your postal address is missing: representatives answer the people they represent, so letters carry it; pass --address LINE (once per line) or set `address` in your profile\n");
}

#[test]
fn a_draft_of_several_letters_is_continued_in_the_wizard_only() {
    Test::new()
        .file(
            "data/draft.json",
            r#"{"date": "2026-11-28", "template": "letter-to-editor", "to": ["uk-mp-alex-baker", "uk-mp-rachel-blake"], "letters": {"uk-mp-alex-baker": "letter-to-editor", "uk-mp-rachel-blake": "medical-integrity"}, "answers": {"personal": "Mine."}}"#,
        )
        .args(["write", "--draft", "--no-input"])
        .run()
        .expect_code(2)
        .stderr_is("error: your unfinished letter is several letters from different templates\n  hint: continue it in a terminal with: outcry\n  hint: or write each with: outcry write --template ID --to ID ...\n");
}
