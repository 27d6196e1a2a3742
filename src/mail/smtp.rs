//! The SMTP client: one connection per batch, with TCP_NODELAY.
//!
//! lettre 0.11's own transports never set TCP_NODELAY, so every message waits about 44 ms for
//! the server's delayed ACK (Nagle). Here the TCP stream is opened by us, with NODELAY set, and
//! handed to lettre's low-level async connection; STARTTLS and AUTH are lettre's. Implicit TLS
//! (port 465) uses lettre's own connector. Errors are sorted into what the batch should do:
//! stop at once ([`Failure::Fatal`]), try again ([`Failure::Transient`]) or move on
//! ([`Failure::Permanent`]).
//!
//! May import: [`crate::data::profile`] (the SMTP settings), its siblings in `mail`.

use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

use super::secret::Secret;
use crate::data::profile::smtp::{Security, SmtpSettings};

/// Why a step failed, and what the batch should do about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Login refused, TLS failed, or the server needs settings we do not have: stop now.
    Fatal {
        /// What happened.
        message: String,
        /// What to do.
        hint: String,
    },
    /// A temporary problem (4xx, dropped connection, timeout): try again.
    Transient(String),
    /// The server refused this message for good (5xx): record it and go on.
    Permanent(String),
}

impl Failure {
    /// A one-line description.
    pub fn text(&self) -> &str {
        match self {
            Failure::Fatal { message, .. } => message,
            Failure::Transient(m) | Failure::Permanent(m) => m,
        }
    }
}

/// An open, authenticated connection.
pub struct Connection {
    conn: AsyncSmtpConnection,
}

fn timeout(settings: &SmtpSettings) -> Duration {
    Duration::from_secs(settings.timeout_seconds.unwrap_or(30))
}

fn tls_parameters(settings: &SmtpSettings) -> Result<TlsParameters, Failure> {
    let mut builder = TlsParameters::builder(settings.host.clone());
    if let Some(path) = &settings.ca_file {
        let pem = std::fs::read(path).map_err(|e| Failure::Fatal {
            message: format!("could not read `smtp.ca_file` `{}`: {e}", path.display()),
            hint: "point ca_file at the PEM file of your server's certificate authority".into(),
        })?;
        let cert = Certificate::from_pem(&pem).map_err(|e| Failure::Fatal {
            message: format!(
                "`smtp.ca_file` `{}` is not a PEM certificate: {e}",
                path.display()
            ),
            hint: "point ca_file at the PEM file of your server's certificate authority".into(),
        })?;
        builder = builder.add_root_certificate(cert);
    }
    builder.build_rustls().map_err(|e| Failure::Fatal {
        message: format!("could not set up TLS: {e}"),
        hint: "check smtp.ca_file".into(),
    })
}

/// Sorts a lettre error.
pub fn classify(err: &lettre::transport::smtp::Error, settings: &SmtpSettings) -> Failure {
    let text = err.to_string();
    let code = err.status().map(|c| c.to_string());
    if err.is_tls() || text.contains("certificate") {
        return Failure::Fatal {
            message: format!(
                "the secure connection to `{}` failed: {text}",
                settings.host
            ),
            hint: if settings.ca_file.is_none() {
                "if the server uses its own certificate authority, set `smtp.ca_file` in your profile".into()
            } else {
                "check that `smtp.ca_file` is the authority that signed the server's certificate"
                    .into()
            },
        };
    }
    match code.as_deref() {
        Some("535" | "534" | "538") => {
            return Failure::Fatal {
                message: format!(
                    "the server refused the login for `{}`: {text}",
                    settings.username.as_deref().unwrap_or("")
                ),
                hint: "check `smtp.username` and the password; many providers need an app password"
                    .into(),
            };
        }
        Some("530") => {
            return Failure::Fatal {
                message: format!("the server requires something outcry did not do: {text}"),
                hint: if text.to_lowercase().contains("starttls") {
                    "set `smtp.security: starttls` in your profile".into()
                } else {
                    "set `smtp.username` (and a password) in your profile".into()
                },
            };
        }
        _ => {}
    }
    if err.is_permanent() {
        Failure::Permanent(text)
    } else {
        Failure::Transient(text)
    }
}

impl Connection {
    /// Connects, secures and logs in.
    pub async fn open(
        settings: &SmtpSettings,
        password: Option<&Secret>,
    ) -> Result<Connection, Failure> {
        let hello = ClientId::default();
        let host = settings.host.clone();
        let port = settings.port();
        let wait = timeout(settings);
        let mut conn = match settings.security {
            Security::Tls => {
                let tls = tls_parameters(settings)?;
                AsyncSmtpConnection::connect_tokio1(
                    (host.as_str(), port),
                    Some(wait),
                    &hello,
                    Some(tls),
                    None,
                )
                .await
                .map_err(|e| connect_failure(&e.to_string(), settings))?
            }
            Security::Starttls | Security::None => {
                let stream = tokio::time::timeout(
                    wait,
                    tokio::net::TcpStream::connect((host.as_str(), port)),
                )
                .await
                .map_err(|_| connect_failure("timed out", settings))?
                .map_err(|e| connect_failure(&e.to_string(), settings))?;
                // The point of opening the stream ourselves: no Nagle stall per message.
                let _ = stream.set_nodelay(true);
                let mut conn = tokio::time::timeout(
                    wait,
                    AsyncSmtpConnection::connect_with_transport(Box::new(stream), &hello),
                )
                .await
                .map_err(|_| connect_failure("the server did not greet us in time", settings))?
                .map_err(|e| classify(&e, settings))?;
                if settings.security == Security::Starttls {
                    if !conn.can_starttls() {
                        return Err(Failure::Fatal {
                            message: format!(
                                "the server `{host}:{port}` does not offer STARTTLS, so the connection cannot be secured"
                            ),
                            hint: "check smtp.host and smtp.port; for port 465 use `security: tls`"
                                .into(),
                        });
                    }
                    let tls = tls_parameters(settings)?;
                    conn.starttls(tls, &hello)
                        .await
                        .map_err(|e| classify(&e, settings))?;
                }
                conn
            }
        };
        if let Some(user) = &settings.username {
            let password = password.ok_or_else(|| Failure::Fatal {
                message: format!("no password for `{user}`"),
                hint: "set OUTCRY_SMTP_PASSWORD, or `smtp.password_command` in your profile, or run in a terminal to be asked".into(),
            })?;
            let credentials = Credentials::new(user.clone(), password.expose().to_string());
            tokio::time::timeout(
                wait,
                conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials),
            )
            .await
            .map_err(|_| Failure::Transient("the server did not answer the login in time".into()))?
            .map_err(|e| classify(&e, settings))?;
        }
        Ok(Connection { conn })
    }

    /// Sends one message; returns the server's reply.
    pub async fn send(
        &mut self,
        settings: &SmtpSettings,
        envelope: &Envelope,
        bytes: &[u8],
    ) -> Result<String, Failure> {
        let response = tokio::time::timeout(timeout(settings), self.conn.send(envelope, bytes))
            .await
            .map_err(|_| Failure::Transient("the server did not answer in time".into()))?
            .map_err(|e| classify(&e, settings))?;
        let message: Vec<&str> = response.message().collect();
        Ok(format!("{} {}", response.code(), message.join(" "))
            .trim()
            .to_string())
    }

    /// Whether the connection can still be used.
    pub fn is_broken(&self) -> bool {
        self.conn.has_broken()
    }

    /// Says goodbye politely.
    pub async fn quit(mut self) {
        let _ = self.conn.quit().await;
    }
}

fn connect_failure(why: &str, settings: &SmtpSettings) -> Failure {
    Failure::Transient(format!(
        "could not connect to `{}:{}`: {why}",
        settings.host,
        settings.port()
    ))
}
