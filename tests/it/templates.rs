//! Templates: listing, JSON shape, user overrides, checking the built-in library.

use crate::harness::{Test, repo};

#[test]
fn list_json_has_the_documented_fields() {
    let out = Test::new().args(["templates", "list", "--json"]).run();
    out.ok();
    let v = out.json();
    let all = v.as_array().unwrap();
    assert!(all.len() >= 2);
    for t in all {
        for key in ["id", "title", "audience", "questions", "sources"] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
        // Sources are the template's own, or the campaign data's (by jurisdiction).
        assert!(!t["sources"].as_array().unwrap().is_empty() || t.get("campaign").is_some());
        for q in t["questions"].as_array().unwrap() {
            assert!(q.get("key").is_some() && q.get("required").is_some());
        }
    }
}

#[test]
fn built_in_templates_pass_check() {
    Test::new()
        .args(["templates", "check"])
        .arg(repo().join("templates").display().to_string())
        .run()
        .ok()
        .stdout_has("template files checked: no problems");
}

#[test]
fn user_folder_adds_and_overrides_by_id() {
    let t = "---\nid: un-investigation\ntitle: My own version\nsummary: S\naudience: [any]\nsubject: Hello {{recipient.name}}\nquestions: []\n---\n{{salutation recipient}},\n\n{{#ask}}Will you act?{{/ask}}\n\n{{signoff recipient}}\n{{sender.name}}\n";
    let out = Test::new()
        .file("tpl/mine.hbs", t)
        .args([
            "--templates",
            "tpl",
            "write",
            "-t",
            "un-investigation",
            "--to",
            "uk-mp-alex-baker",
            "--no-input",
            "--stdout",
        ])
        .sender()
        .run();
    out.ok();
    assert!(out.stdout.contains("Subject: Hello Alex Baker\n\nDear Alex Baker,\n\nWill you act?\n\nYours sincerely,\nZoë Example\n"), "{}", out.stdout);
}

#[test]
fn show_lists_questions_and_sources() {
    Test::new()
        .args(["templates", "show", "transplant-tourism-law"])
        .run()
        .ok()
        .stdout_has(
            "personal       In your own words, why does this matter to you? (paragraphs, required)",
        )
        .stdout_has("reply          Would you like a written reply? (yes/no, optional)")
        .stdout_has("Campaign data: topic `law`")
        .stdout_has("china-tribunal-2019")
        .stdout_has("Readability (template text, over ");
}

#[test]
fn completions_and_help() {
    Test::new()
        .args(["completions", "bash"])
        .run()
        .ok()
        .stdout_has("_outcry()");
    Test::new()
        .arg("--help")
        .run()
        .ok()
        .stdout_has("Write to your representatives");
    Test::new()
        .args(["write", "--help"])
        .run()
        .ok()
        .stdout_has("--no-input");
}

#[test]
fn config_folder_templates_and_recipients_are_read() {
    let t = "---\nid: thanks\ntitle: Thanks\nsummary: S\naudience: [any]\nsubject: Thank you\n---\n{{salutation recipient}},\n\nThank you. {{#ask}}Will you keep going?{{/ask}}\n\n{{signoff recipient}}\n{{sender.name}}\n";
    let out = Test::new()
        .file("config/templates/thanks.hbs", t)
        .file("config/recipients.yaml", "- id: my-councillor\n  name: Pat Green\n  honorific: Councillor\n  family_name: Green\n  body: other\n  country: GB\n  contact:\n    email: pat@example.org\n")
        .args(["write", "-t", "thanks", "--to", "my-councillor", "--no-input", "--stdout"])
        .sender()
        .run();
    out.ok();
    assert!(
        out.stdout.contains("Dear Councillor Green,\n\nThank you."),
        "{}",
        out.stdout
    );
}

#[test]
fn check_reports_two_files_with_one_id() {
    let t = "---\nid: mine\ntitle: T\nsummary: S\naudience: [any]\nsubject: S\n---\n{{salutation recipient}},\n\n{{#ask}}Will you act?{{/ask}}\n";
    Test::new()
        .file("t/a.hbs", t)
        .file("t/b.hbs", t)
        .args(["templates", "check", "t"])
        .run()
        .expect_code(2)
        .stderr_has(
            "t/b.hbs:2: id `mine` is also used by `t/a.hbs`; only one of them would be used\n",
        );
}

/// `outcry completions bash`, sourced in a real bash with `outcry` on the PATH, completes
/// template ids (a user's own too) and recipient ids by asking outcry itself.
#[test]
fn bash_completes_template_and_recipient_ids() {
    let mut t = crate::harness::Test::new()
        .file(
            "config/templates/my-own.hbs",
            &std::fs::read_to_string(crate::harness::repo().join("templates/thank-you.hbs"))
                .unwrap()
                .replacen("id: thank-you", "id: my-own-letter", 1),
        )
        .file(
            "config/recipients.yaml",
            "- id: my-councillor\n  name: Pat Green\n  body: legislature\n  country: GB\n  contact: {email: pat@example.org}\n",
        );
    let bin_dir = t.path("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::os::unix::fs::symlink(crate::harness::bin(), bin_dir.join("outcry")).unwrap();
    let script = t.path("outcry.bash");
    let out = t.with(&["completions", "bash"], &[]).run();
    out.ok();
    std::fs::write(&script, &out.stdout).unwrap();
    let complete = |words: &[&str]| -> Vec<String> {
        let shell = format!(
            "source {}\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_TYPE=9\n_clap_complete_outcry outcry '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
            script.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            words.len() - 1,
            words[words.len() - 1],
            words[words.len() - 2],
        );
        let mut cmd = std::process::Command::new("bash");
        cmd.env_clear();
        for (k, v) in crate::harness::scrubbed_env(t.dir.path()) {
            cmd.env(k, v);
        }
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = cmd.env("PATH", path).arg("-c").arg(shell).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(
        complete(&["outcry", "write", "--template", "tr"]),
        ["transplant-tourism-law", "trade-due-diligence"]
    );
    assert_eq!(
        complete(&["outcry", "templates", "show", "my-"]),
        ["my-own-letter"]
    );
    assert_eq!(
        complete(&["outcry", "write", "--to", "us-sen-il-du"]),
        ["us-sen-il-durbin", "us-sen-il-duckworth"]
    );
    assert_eq!(
        complete(&["outcry", "recipients", "show", "my-c"]),
        ["my-councillor"]
    );
    assert!(complete(&["outcry", "temp"]).contains(&"templates".to_string()));
}
