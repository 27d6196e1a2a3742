//! Large runs of `write` (campaign scale): letters written in batches, a run killed mid-way
//! and run again, letters already written and unchanged skipped with a note.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::Duration;

use crate::harness::{Test, file_names};

const PERSONAL: &str =
    "personal=I write as a nurse who has seen what a freely given organ means to a family.";

/// A recipients file with `n` recipients at example.org.
fn recipients(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "- id: bench-{i:05}\n  name: Bench Recipient {i}\n  body: other\n  country: NZ\n  contact: {{email: bench{i}@example.org}}\n"
            )
        })
        .collect()
}

/// A run writing a .txt and an .eml letter to each of `n` recipients into `out`.
fn campaign(n: usize, out: &str) -> Test {
    Test::new()
        .file("recipients.yaml", &recipients(n))
        .args([
            "--recipients",
            "recipients.yaml",
            "write",
            "-t",
            "thank-you",
            "--all",
            "--country",
            "NZ",
            "--set",
            "action=your work on this issue",
            "--set",
            PERSONAL,
            "--format",
            "txt",
            "--format",
            "eml",
            "--no-input",
            "--out",
            out,
        ])
        .sender()
}

/// A letter file's content; for an .eml, without the Date and Message-ID headers, which are
/// made anew by every run.
fn content(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "eml") {
        let text = String::from_utf8(bytes).unwrap();
        return text
            .split("\r\n")
            .filter(|l| !l.starts_with("Date: ") && !l.starts_with("Message-ID: "))
            .collect::<Vec<_>>()
            .join("\r\n")
            .into_bytes();
    }
    bytes
}

/// The letter files in a folder (not temporary files).
fn letter_files(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(_) => file_names(dir)
            .into_iter()
            .filter(|n| !n.starts_with(".outcry-"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn a_write_killed_mid_way_leaves_whole_files_and_runs_again_to_the_end() {
    const N: usize = 1500;
    // The complete set, from a run left alone, to compare with.
    let mut reference = campaign(N, "out");
    reference
        .run()
        .ok()
        .stdout_has(&format!("Wrote {N} letters ({} files) to out", 2 * N));
    let complete = letter_files(&reference.path("out"));
    assert_eq!(complete.len(), 2 * N);

    // The same run, killed (SIGKILL) once its first batch of letters is on disk.
    let mut t = campaign(N, "out");
    let out = t.path("out");
    let mut child = t.command().spawn().unwrap();
    while letter_files(&out).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the write ended ({status}) before any letter was on disk");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Every letter file is complete: the same as the uninterrupted run's. Temporary files may
    // be left, but never under a letter's name.
    let names = file_names(&out);
    let (temporary, letters): (Vec<&String>, Vec<&String>) =
        names.iter().partition(|n| n.starts_with(".outcry-"));
    assert!(
        temporary.iter().all(|n| n.ends_with(".tmp")),
        "{temporary:?}"
    );
    assert!(
        letters.len() < 2 * N,
        "the write finished before it was killed; make it longer"
    );
    let inodes: BTreeMap<&String, u64> = letters
        .iter()
        .map(|n| (*n, std::fs::metadata(out.join(n)).unwrap().ino()))
        .collect();
    for name in &letters {
        assert_eq!(
            content(&out.join(name)),
            content(&reference.path("out").join(name)),
            "{name} is not the whole letter"
        );
    }
    let stems: Vec<&str> = letters
        .iter()
        .map(|n| n.rsplit_once('.').unwrap().0)
        .collect();
    let whole: BTreeSet<&str> = stems
        .iter()
        .copied()
        .filter(|s| stems.iter().filter(|o| *o == s).count() == 2)
        .collect();

    // Run again, without --force: the letters already written are skipped with a note, the
    // rest is written, and no temporary file is left.
    let again = t.run();
    again.ok().stdout_has(&format!(
        "Wrote {} letter{} ({} files) to out",
        N - whole.len(),
        if N - whole.len() == 1 { "" } else { "s" },
        2 * N - letters.len()
    ));
    if !whole.is_empty() {
        again.stderr_has(&format!(
            "note: {} letter{} already written and unchanged in out",
            whole.len(),
            if whole.len() == 1 { "" } else { "s" }
        ));
    }
    if !temporary.is_empty() {
        again.stderr_has(&format!(
            "note: removed {} temporary file{} left in out by an interrupted run",
            temporary.len(),
            if temporary.len() == 1 { "" } else { "s" }
        ));
    }
    assert_eq!(file_names(&out), complete, "the whole set, nothing else");
    for name in &complete {
        assert_eq!(
            content(&out.join(name)),
            content(&reference.path("out").join(name)),
            "{name}"
        );
    }
    for (name, ino) in inodes {
        assert_eq!(
            std::fs::metadata(out.join(name)).unwrap().ino(),
            ino,
            "{name} was written again"
        );
    }
    // The ledger knows every letter once: those the killed run recorded, those it wrote but
    // did not get to record (recorded by the rerun), and the rest.
    let ledger = std::fs::read_to_string(t.path("data/ledger.jsonl")).unwrap();
    let written: Vec<String> = ledger
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|e| e["event"] == "written")
        .map(|e| e["letter"].as_str().unwrap().to_string())
        .collect();
    let unique: BTreeSet<&String> = written.iter().collect();
    assert_eq!(unique.len(), N, "every letter is in the ledger");
    assert_eq!(written.len(), N, "no letter is in the ledger twice");
}

#[test]
fn letters_already_written_and_unchanged_are_skipped_with_a_note() {
    let mut t = campaign(3, "out");
    t.run().ok();
    let eml = t.path("out/2026-11-28_thank-you_bench-00001.eml");
    let first = std::fs::read(&eml).unwrap();

    // Nothing changed: nothing is written, and that is not an error.
    let again = t.run();
    again
        .ok()
        .stdout_has("Wrote 0 letters (0 files) to out")
        .stderr_is("note: 3 letters already written and unchanged in out; left as they are\n");
    assert_eq!(
        std::fs::read(&eml).unwrap(),
        first,
        "the .eml is not made again"
    );

    // One file gone: only it is written.
    std::fs::remove_file(t.path("out/2026-11-28_thank-you_bench-00002.txt")).unwrap();
    let mut json = campaign(3, "out");
    json.dir = t.dir;
    let mut json = json.arg("--json");
    let summary = json.run().ok().json();
    assert_eq!(summary["letters"], 1);
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["unchanged"], 2);
    assert_eq!(
        summary["written"][0]["files"],
        serde_json::json!(["out/2026-11-28_thank-you_bench-00002.txt"])
    );

    // A letter file with other content is still never replaced without --force.
    std::fs::write(&eml, "my own edits").unwrap();
    json.run().expect_code(2).stderr_is(
        "error: `out/2026-11-28_thank-you_bench-00001.eml` already exists; nothing was written\n  hint: pass --force to replace it, or choose another folder with --out DIR\n",
    );
    assert_eq!(std::fs::read_to_string(&eml).unwrap(), "my own edits");
}
