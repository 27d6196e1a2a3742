//! The SMTP client: one connection per batch, TCP_NODELAY, a timeout on every step, and
//! failures sorted by what they mean for the letter.
//!
//! lettre 0.11's own transports never set TCP_NODELAY, so every message waits about 44 ms for
//! the server's delayed ACK (Nagle). Here the TCP stream is opened by us, with NODELAY set, and
//! handed to lettre's low-level async connection; STARTTLS and AUTH are lettre's. For implicit
//! TLS (port 465) the handshake is made here with rustls over that same stream, since lettre
//! cannot be handed a stream to secure before the greeting.
//!
//! Every network step has its own timeout (`smtp.timeout_seconds`, default 30): connecting,
//! the TLS handshake, the greeting, STARTTLS, the login, each command, the message body and
//! QUIT. The greeting (EHLO) names no machine: it is the address literal `[127.0.0.1]`, which
//! servers accept from any client and which says nothing about the writer.
//!
//! Errors are sorted into what the batch should do: stop at once ([`Failure::Fatal`]), try
//! again ([`Failure::Transient`]: nothing was delivered), move on ([`Failure::Permanent`]: the
//! server refused this letter for good), or hold the letter back ([`Failure::Unknown`]: the
//! whole message went to the server and its answer never came, so it may have arrived).
//! Common refusals get a plain-language message and the next step.
//!
//! May import: [`crate::data::profile`] (the SMTP settings), its siblings in `mail`.

use std::future::Future;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use super::secret::Secret;
use crate::data::profile::smtp::{Security, SmtpSettings};

/// Why a step failed, and what the batch should do about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Login refused, TLS failed, relaying denied, or the server needs settings we do not
    /// have: stop now.
    Fatal {
        /// What happened.
        message: String,
        /// What to do.
        hint: String,
    },
    /// A temporary problem before the message was complete (4xx, dropped connection,
    /// timeout): nothing was delivered; try again.
    Transient(String),
    /// The server refused this message for good (5xx): record it and go on.
    Permanent(String),
    /// The whole message was sent and the server's answer never came (a timeout, a dropped
    /// connection): it may or may not have arrived. Held back, never retried on its own.
    Unknown(String),
}

impl Failure {
    /// A one-line description.
    pub fn text(&self) -> &str {
        match self {
            Failure::Fatal { message, .. } => message,
            Failure::Transient(m) | Failure::Permanent(m) | Failure::Unknown(m) => m,
        }
    }
}

/// How to log in: a password (AUTH PLAIN or LOGIN) or an OAuth 2.0 access token (XOAUTH2).
#[derive(Debug, Clone)]
pub struct Login {
    /// The account name.
    pub user: String,
    /// The password or the token; never printed.
    pub secret: Secret,
    /// Whether `secret` is an OAuth 2.0 access token.
    pub oauth2: bool,
}

/// An open, authenticated connection.
pub struct Connection {
    conn: AsyncSmtpConnection,
    wait: Duration,
    broken: bool,
}

/// The step timeout from the settings (`smtp.timeout_seconds`, default 30 s).
pub fn step_timeout(settings: &SmtpSettings) -> Duration {
    Duration::from_secs(settings.timeout_seconds.unwrap_or(30).max(1))
}

/// The EHLO name: an address literal, never the machine's name.
fn hello() -> ClientId {
    ClientId::Ipv4(Ipv4Addr::LOCALHOST)
}

/// Runs one network step with a timeout; `what` names the step for the message.
async fn step<T, E>(
    wait: Duration,
    what: &str,
    fut: impl Future<Output = Result<T, E>>,
) -> Result<Result<T, E>, Failure> {
    tokio::time::timeout(wait, fut).await.map_err(|_| {
        Failure::Transient(format!(
            "the server did not answer {what} within {} s",
            wait.as_secs()
        ))
    })
}

fn tls_parameters(settings: &SmtpSettings) -> Result<TlsParameters, Failure> {
    let mut builder = TlsParameters::builder(settings.host.clone());
    if let Some(path) = &settings.ca_file {
        let cert =
            Certificate::from_pem(&read_ca_file(settings, path)?).map_err(|e| Failure::Fatal {
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

fn read_ca_file(_settings: &SmtpSettings, path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Fatal {
        message: format!("could not read `smtp.ca_file` `{}`: {e}", path.display()),
        hint: "point ca_file at the PEM file of your server's certificate authority".into(),
    })
}

/// The rustls configuration for implicit TLS: the web PKI roots (as lettre uses) plus
/// `smtp.ca_file`.
fn rustls_config(settings: &SmtpSettings) -> Result<rustls::ClientConfig, Failure> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = &settings.ca_file {
        let pem = read_ca_file(settings, path)?;
        let bad = |why: String| Failure::Fatal {
            message: format!(
                "`smtp.ca_file` `{}` is not a PEM certificate: {why}",
                path.display()
            ),
            hint: "point ca_file at the PEM file of your server's certificate authority".into(),
        };
        for cert in CertificateDer::pem_slice_iter(&pem) {
            roots
                .add(cert.map_err(|e| bad(e.to_string()))?)
                .map_err(|e| bad(e.to_string()))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::Fatal {
            message: format!("could not set up TLS: {e}"),
            hint: "this is a bug in outcry; please report it".into(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// The implicit-TLS stream, in the form lettre's connection takes.
#[derive(Debug)]
struct TlsStream(tokio_rustls::client::TlsStream<tokio::net::TcpStream>);

impl tokio::io::AsyncRead for TlsStream {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for TlsStream {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for TlsStream {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

fn tls_failure(text: &str, settings: &SmtpSettings) -> Failure {
    Failure::Fatal {
        message: format!(
            "the secure connection to `{}` failed: {text}",
            settings.host
        ),
        hint: if settings.ca_file.is_none() {
            "if the server uses its own certificate authority, set `smtp.ca_file` in your profile"
                .into()
        } else {
            "check that `smtp.ca_file` is the authority that signed the server's certificate".into()
        },
    }
}

/// Whether `text` (a server reply, lowercased) says something, for the plain-language
/// messages below.
fn says(text: &str, any: &[&str]) -> bool {
    any.iter().any(|w| text.contains(w))
}

/// Sorts a lettre error, with a plain-language message and the next step for the refusals
/// people meet most (the providers' own wording is matched, lower-cased).
pub fn classify(err: &lettre::transport::smtp::Error, settings: &SmtpSettings) -> Failure {
    let text = err.to_string();
    let lower = text.to_lowercase();
    let code = err.status().map(|c| c.to_string());
    if err.is_tls() || lower.contains("certificate") {
        return tls_failure(&text, settings);
    }
    let user = settings.username.as_deref().unwrap_or("");
    if says(
        &lower,
        &[
            "smtpclientauthentication is disabled",
            "basic authentication is disabled",
            "basic auth is disabled",
            "5.7.139",
        ],
    ) {
        return Failure::Fatal {
            message: format!(
                "your provider has turned off password logins for sending mail (basic authentication is disabled): {text}"
            ),
            hint: "log in with OAuth 2.0 instead: set `smtp.oauth2_token_command` in your profile to a command that prints an access token (see the README, \"Today's providers\")".into(),
        };
    }
    if says(
        &lower,
        &[
            "application-specific password",
            "app password",
            "5.7.9",
            "web login required",
        ],
    ) {
        return Failure::Fatal {
            message: format!(
                "the server wants an app password for `{user}`, not your account password: {text}"
            ),
            hint: "create an app password in your account's security settings and give it through `smtp.password_command` or OUTCRY_SMTP_PASSWORD".into(),
        };
    }
    if lower.contains("smtputf8") || lower.contains("non-ascii chars") {
        return Failure::Permanent(
            "the address has non-ASCII characters and the server does not accept such addresses (no SMTPUTF8); write to an ASCII address of the recipient, or send from a provider that supports SMTPUTF8".into(),
        );
    }
    if lower.contains("non-ascii content") || lower.contains("8bitmime") {
        return Failure::Permanent(
            "the letter has non-ASCII text and the server does not accept 8-bit messages (no 8BITMIME); write it again with outcry write, which encodes it for any server".into(),
        );
    }
    match code.as_deref() {
        Some("535" | "534" | "538") => {
            return Failure::Fatal {
                message: format!("the server refused the login for `{user}`: {text}"),
                hint: "check `smtp.username` and the password; many providers need an app password"
                    .into(),
            };
        }
        Some("530") => {
            return Failure::Fatal {
                message: format!("the server requires something outcry did not do: {text}"),
                hint: if lower.contains("starttls") {
                    "set `smtp.security: starttls` in your profile".into()
                } else {
                    "set `smtp.username` (and a password) in your profile".into()
                },
            };
        }
        _ => {}
    }
    if says(
        &lower,
        &[
            "relay",
            "not permitted to relay",
            "relaying denied",
            "5.7.64",
        ],
    ) && err.is_permanent()
    {
        return Failure::Fatal {
            message: format!("the server will not pass your letters on (relaying denied): {text}"),
            hint: if settings.username.is_none() {
                "set `smtp.username` so that outcry logs in; servers pass mail on only for their own users".into()
            } else {
                "send from the address of the account you log in with (`email` in your profile), or ask your provider".into()
            },
        };
    }
    if code.as_deref() == Some("552")
        || says(
            &lower,
            &[
                "5.3.4",
                "too large",
                "size exceeds",
                "message size",
                "too big",
            ],
        )
    {
        return Failure::Permanent(format!(
            "the server refused the letter as too large: {text}; shorten it, or paste it into the recipient's contact form"
        ));
    }
    if err.is_permanent() {
        Failure::Permanent(text)
    } else {
        Failure::Transient(text)
    }
}

impl Connection {
    /// Connects, secures and logs in; every step within the settings' timeout.
    pub async fn open(
        settings: &SmtpSettings,
        login: Option<&Login>,
    ) -> Result<Connection, Failure> {
        let host = settings.host.clone();
        let port = settings.port();
        let wait = step_timeout(settings);
        let secs = wait.as_secs();
        let stream =
            tokio::time::timeout(wait, tokio::net::TcpStream::connect((host.as_str(), port)))
                .await
                .map_err(|_| connect_failure(&format!("no answer within {secs} s"), settings))?
                .map_err(|e| connect_failure(&e.to_string(), settings))?;
        // The point of opening the stream ourselves: no Nagle stall per message.
        let _ = stream.set_nodelay(true);
        let greeting = |e: lettre::transport::smtp::Error| classify(&e, settings);
        let silent = || {
            Failure::Transient(format!(
                "the server `{host}:{port}` did not answer within {secs} s of connecting (greeting and EHLO)"
            ))
        };
        let mut conn = match settings.security {
            Security::Tls => {
                let config = rustls_config(settings)?;
                let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|_| {
                    Failure::Fatal {
                        message: format!("`{host}` is not a server name TLS can check"),
                        hint: "check smtp.host".into(),
                    }
                })?;
                let tls = tokio::time::timeout(
                    wait,
                    tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, stream),
                )
                .await
                .map_err(|_| {
                    Failure::Transient(format!(
                        "the secure connection to `{host}:{port}` was not set up within {secs} s"
                    ))
                })?
                .map_err(|e| tls_failure(&e.to_string(), settings))?;
                tokio::time::timeout(
                    wait,
                    AsyncSmtpConnection::connect_with_transport(Box::new(TlsStream(tls)), &hello()),
                )
                .await
                .map_err(|_| silent())?
                .map_err(greeting)?
            }
            Security::Starttls | Security::None => {
                let mut conn = tokio::time::timeout(
                    wait,
                    AsyncSmtpConnection::connect_with_transport(Box::new(stream), &hello()),
                )
                .await
                .map_err(|_| silent())?
                .map_err(greeting)?;
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
                    tokio::time::timeout(wait, conn.starttls(tls, &hello()))
                        .await
                        .map_err(|_| {
                            Failure::Transient(format!(
                                "the secure connection (STARTTLS) to `{host}:{port}` was not set up within {secs} s"
                            ))
                        })?
                        .map_err(|e| classify(&e, settings))?;
                }
                conn
            }
        };
        if let Some(login) = login {
            let credentials =
                Credentials::new(login.user.clone(), login.secret.expose().to_string());
            let mechanisms: &[Mechanism] = if login.oauth2 {
                &[Mechanism::Xoauth2]
            } else {
                &[Mechanism::Plain, Mechanism::Login]
            };
            if login.oauth2
                && !conn
                    .server_info()
                    .supports_feature(Extension::Authentication(Mechanism::Xoauth2))
            {
                return Err(Failure::Fatal {
                    message: format!(
                        "the server `{host}:{port}` does not offer OAuth 2.0 logins (XOAUTH2)"
                    ),
                    hint: "remove `smtp.oauth2_token_command` to log in with a password, or check smtp.host".into(),
                });
            }
            step(wait, "the login", conn.auth(mechanisms, &credentials))
                .await?
                .map_err(|e| classify(&e, settings))?;
        }
        Ok(Connection {
            conn,
            wait,
            broken: false,
        })
    }

    /// Sends one message: MAIL FROM, RCPT TO, DATA, the body; returns the server's reply.
    /// A failure before the end of the body is [`Failure::Transient`] or
    /// [`Failure::Permanent`] (nothing was delivered); a definite refusal of the body is
    /// permanent or transient by its code; anything else after the body went out is
    /// [`Failure::Unknown`]. After any failure but a definite refusal the connection is not
    /// used again.
    pub async fn send(
        &mut self,
        settings: &SmtpSettings,
        envelope: &Envelope,
        bytes: &[u8],
    ) -> Result<String, Failure> {
        let result = self.transaction(settings, envelope, bytes).await;
        if let Err(f) = &result {
            match f {
                // A refusal leaves the connection usable once the transaction is reset.
                Failure::Permanent(_) | Failure::Transient(_) if !self.broken => {
                    let reset = step(self.wait, "RSET", self.conn.command(Rset)).await;
                    if !matches!(reset, Ok(Ok(_))) {
                        self.broken = true;
                    }
                }
                _ => self.broken = true,
            }
        }
        result
    }

    async fn transaction(
        &mut self,
        settings: &SmtpSettings,
        envelope: &Envelope,
        bytes: &[u8],
    ) -> Result<String, Failure> {
        let wait = self.wait;
        let mut options = Vec::new();
        let info = self.conn.server_info();
        let non_ascii = envelope
            .from()
            .into_iter()
            .chain(envelope.to())
            .any(|a: &lettre::Address| !AsRef::<str>::as_ref(a).is_ascii());
        if non_ascii {
            if !info.supports_feature(Extension::SmtpUtfEight) {
                return Err(Failure::Permanent(
                    "the address has non-ASCII characters and the server does not accept such addresses (no SMTPUTF8); write to an ASCII address of the recipient, or send from a provider that supports SMTPUTF8".into(),
                ));
            }
            options.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            if !info.supports_feature(Extension::EightBitMime) {
                return Err(Failure::Permanent(
                    "the letter has non-ASCII text and the server does not accept 8-bit messages (no 8BITMIME); write it again with outcry write, which encodes it for any server".into(),
                ));
            }
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        // A step that fails with no reply (timeout, dropped connection) leaves the
        // connection in an unknown state.
        let definite = |this: &mut Connection, e: lettre::transport::smtp::Error| {
            if e.status().is_none() {
                this.broken = true;
            }
            classify(&e, settings)
        };
        let r = step(
            wait,
            "MAIL FROM",
            self.conn
                .command(Mail::new(envelope.from().cloned(), options)),
        )
        .await
        .inspect_err(|_| self.broken = true)?;
        r.map_err(|e| definite(self, e))?;
        for to in envelope.to() {
            let r = step(
                wait,
                "RCPT TO",
                self.conn.command(Rcpt::new(to.clone(), vec![])),
            )
            .await
            .inspect_err(|_| self.broken = true)?;
            r.map_err(|e| definite(self, e))?;
        }
        let r = step(wait, "DATA", self.conn.command(Data))
            .await
            .inspect_err(|_| self.broken = true)?;
        r.map_err(|e| definite(self, e))?;

        // The body, then the end-of-data mark. lettre asks the iterator for a next part only
        // after writing the previous one, so when it hears "no more", the whole body is out
        // and only the end mark and the reply remain: from then on a failure is ambiguous.
        let body_sent = AtomicBool::new(false);
        let parts = std::iter::once(bytes).chain(std::iter::from_fn(|| {
            body_sent.store(true, Ordering::SeqCst);
            None
        }));
        let outcome = tokio::time::timeout(wait, self.conn.message_iter(parts)).await;
        let ambiguous = body_sent.load(Ordering::SeqCst);
        let reply = match outcome {
            Ok(Ok(reply)) => reply,
            // The server answered with a refusal: definite.
            Ok(Err(e)) if e.status().is_some() => return Err(classify(&e, settings)),
            Ok(Err(e)) => {
                self.broken = true;
                let text = e.to_string();
                return Err(if ambiguous {
                    Failure::Unknown(format!(
                        "the connection failed after the letter was sent, before the server confirmed it: {text}"
                    ))
                } else {
                    Failure::Transient(text)
                });
            }
            Err(_) => {
                self.broken = true;
                return Err(if ambiguous {
                    Failure::Unknown(format!(
                        "the server did not confirm the letter within {} s of receiving it",
                        wait.as_secs()
                    ))
                } else {
                    Failure::Transient(format!(
                        "the server did not take the letter within {} s",
                        wait.as_secs()
                    ))
                });
            }
        };
        let message: Vec<&str> = reply.message().collect();
        Ok(format!("{} {}", reply.code(), message.join(" "))
            .trim()
            .to_string())
    }

    /// Whether the server offers a way to log in (an `AUTH` mechanism outcry can use). A
    /// server that offers none takes mail without a login (one on this computer, a relay).
    pub fn offers_login(&self) -> bool {
        let info = self.conn.server_info();
        [Mechanism::Plain, Mechanism::Login, Mechanism::Xoauth2]
            .into_iter()
            .any(|m| info.supports_auth_mechanism(m))
    }

    /// Whether the connection can still be used.
    pub fn is_broken(&self) -> bool {
        self.broken || self.conn.has_broken()
    }

    /// Says goodbye; returns a note when the server did not answer QUIT in time or at all
    /// (the letters already confirmed are delivered all the same).
    pub async fn quit(mut self) -> Option<String> {
        if self.is_broken() {
            return None;
        }
        match tokio::time::timeout(self.wait, self.conn.quit()).await {
            Ok(Ok(_)) => None,
            Ok(Err(e)) => Some(format!("the server did not answer QUIT properly ({e})")),
            Err(_) => Some(format!(
                "the server did not answer QUIT within {} s",
                self.wait.as_secs()
            )),
        }
    }
}

fn connect_failure(why: &str, settings: &SmtpSettings) -> Failure {
    Failure::Transient(format!(
        "could not connect to `{}:{}`: {why}",
        settings.host,
        settings.port()
    ))
}
