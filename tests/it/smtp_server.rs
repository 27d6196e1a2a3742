//! A real SMTP server (aiosmtpd, Python) on 127.0.0.1 for the sending tests.
//!
//! The first use installs aiosmtpd into a virtual environment under the target folder when
//! the system Python lacks it (PyPI is reachable from CI), and makes a test certificate
//! authority with openssl. Dropping the server stops it and checks how many messages it got.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use crate::harness::repo;

/// A Python that can import aiosmtpd.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let has = |py: &Path| {
            Command::new(py)
                .args(["-c", "import aiosmtpd"])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if has(Path::new("python3")) {
            return PathBuf::from("python3");
        }
        let venv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("smtp-venv");
        let py = venv.join("bin/python");
        if !has(&py) {
            let ok = Command::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .is_ok_and(|s| s.success())
                && Command::new(&py)
                    .args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "aiosmtpd==1.4.6",
                    ])
                    .status()
                    .is_ok_and(|s| s.success());
            assert!(
                ok && has(&py),
                "could not install aiosmtpd into {}",
                venv.display()
            );
        }
        py
    })
}

/// Test TLS material: (CA certificate, server certificate, server key).
pub fn certs() -> &'static (PathBuf, PathBuf, PathBuf) {
    static CERTS: OnceLock<(PathBuf, PathBuf, PathBuf)> = OnceLock::new();
    CERTS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("smtp-certs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let run = |args: &[&str]| {
            let out = Command::new("openssl").args(args).current_dir(&dir).output().expect("openssl is needed for the TLS tests");
            assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        std::fs::write(
            dir.join("leaf.ext"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
        )
        .unwrap();
        run(&["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650",
            "-subj", "/CN=outcry test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        run(&["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost"]);
        run(&["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "leaf.pem",
            "-days", "3650", "-extfile", "leaf.ext"]);
        (dir.join("ca.pem"), dir.join("leaf.pem"), dir.join("leaf.key"))
    })
}

/// A running server.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub out: tempfile::TempDir,
    expected: Option<usize>,
}

impl SmtpServer {
    /// Starts a server with extra options (see tests/support/smtp_server.py).
    pub fn start(options: &[&str]) -> SmtpServer {
        let out = tempfile::tempdir().unwrap();
        let mut child = Command::new(python())
            .arg(repo().join("tests/support/smtp_server.py"))
            .arg("--out")
            .arg(out.path())
            .args(options)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the test SMTP server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("server said {line:?}"));
        SmtpServer {
            child,
            port,
            out,
            expected: None,
        }
    }

    /// Starts a STARTTLS server with the test certificate.
    pub fn start_tls(options: &[&str]) -> SmtpServer {
        let (_, cert, key) = certs();
        let mut all = vec![
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
            "--require-starttls",
        ];
        all.extend_from_slice(options);
        SmtpServer::start(&all)
    }

    /// Starts a server that speaks TLS from the first byte (port 465 style).
    pub fn start_implicit_tls(options: &[&str]) -> SmtpServer {
        let (_, cert, key) = certs();
        let mut all = vec![
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
            "--implicit-tls",
        ];
        all.extend_from_slice(options);
        SmtpServer::start(&all)
    }

    /// When dropped, the server must have received exactly `n` messages (without this, at
    /// least one).
    pub fn expect(mut self, n: usize) -> Self {
        self.expected = Some(n);
        self
    }

    /// The raw messages received so far, in order, with their envelopes.
    pub fn received(&self) -> Vec<(Vec<u8>, serde_json::Value)> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.out.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| {
                let envelope = std::fs::read_to_string(p.with_extension("json"))
                    .unwrap_or_else(|_| "{}".into());
                (
                    std::fs::read(p).unwrap(),
                    serde_json::from_str(&envelope).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The envelope recipients of every message received.
    pub fn recipients(&self) -> Vec<String> {
        self.received()
            .iter()
            .flat_map(|(_, env)| env["rcpt_tos"].as_array().cloned().unwrap_or_default())
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            return;
        }
        let received = self.received().len();
        match self.expected {
            Some(n) => assert_eq!(
                received, n,
                "the test SMTP server received a different number of messages"
            ),
            // A server nobody declared silent must have been used: a test whose client
            // never reached it proves nothing.
            None => assert!(
                received > 0,
                "the test SMTP server received no message; call .expect(0) if none is expected"
            ),
        }
    }
}
