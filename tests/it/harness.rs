//! Runs the real `outcry` binary in a temporary folder with a scrubbed environment.
//!
//! `Test::new()` makes a fresh folder with its own config folder; `.arg()`, `.env()`,
//! and `.file()` set up a run; `.run()` returns an [`Outcome`] whose `expect_*`
//! methods print the whole output when they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The fixed date every test writes letters on.
pub const DATE: &str = "2026-11-28";

/// A run being set up.
pub struct Test {
    pub dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

/// What a run did.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_outcry"))
}

/// The environment every run starts from: nothing from the developer's machine.
pub fn scrubbed_env(home: &Path) -> Vec<(String, String)> {
    vec![
        ("PATH".into(), std::env::var("PATH").unwrap_or_default()),
        ("HOME".into(), home.display().to_string()),
        (
            "OUTCRY_CONFIG_DIR".into(),
            home.join("config").display().to_string(),
        ),
        (
            "OUTCRY_DATA_DIR".into(),
            home.join("data").display().to_string(),
        ),
        ("OUTCRY_DATE".into(), DATE.into()),
        ("LANG".into(), "C.UTF-8".into()),
        ("NO_COLOR".into(), "1".into()),
    ]
}

/// The repository root (for templates and fixtures).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The public source datasets kept in the repository (`data/sources`, see its README).
pub fn sources() -> PathBuf {
    repo().join("data/sources")
}

/// The names of the files in a folder, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A `write` run for one template and recipient list (ids separated by commas).
pub fn write_to(template: &str, to: &str) -> Test {
    Test::new().args(["write", "--template", template, "--to", to])
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().unwrap(),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn arg(mut self, a: impl Into<String>) -> Self {
        self.args.push(a.into());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: Into<String>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.into(), v.into()));
        self
    }

    /// Writes a file relative to the test folder.
    pub fn file(self, rel: &str, content: &str) -> Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
        self
    }

    /// A sender given by flags, so no profile is needed.
    pub fn sender(self) -> Self {
        self.args([
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
        ])
    }

    /// Sets new arguments and extra environment for the next run in the same folder (its
    /// config, data and letters stay): `t.with(&["send", "letters"], &[]).run()`.
    pub fn with(&mut self, args: &[&str], env: &[(&str, &str)]) -> &mut Self {
        self.args = args.iter().map(|a| a.to_string()).collect();
        self.env = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self
    }

    /// The process for the current arguments, with the scrubbed environment, not yet started.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(bin());
        cmd.env_clear();
        for (k, v) in scrubbed_env(self.dir.path())
            .into_iter()
            .chain(self.env.clone())
        {
            cmd.env(k, v);
        }
        cmd.current_dir(self.dir.path())
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs the binary and collects what it did; can be called again.
    pub fn run(&mut self) -> Outcome {
        let out = self
            .command()
            .spawn()
            .expect("run outcry")
            .wait_with_output()
            .unwrap();
        Outcome {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A line diff of `expected` against `actual`, for failure messages.
pub fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string()
}

impl Outcome {
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn ok(&self) -> &Self {
        self.expect_code(0)
    }

    pub fn stderr_is(&self, expected: &str) -> &Self {
        if self.stderr != expected {
            panic!(
                "stderr differs:\n{}\n--- stdout\n{}",
                diff(expected, &self.stderr),
                self.stdout
            );
        }
        self
    }

    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n--- stderr\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}
