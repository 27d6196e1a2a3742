//! The `smtp:` block of the profile: where and how to send.
//!
//! May import: [`crate::error`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (port 587). The default.
    #[default]
    Starttls,
    /// TLS from the start (port 465).
    Tls,
    /// No encryption: only to a server on this machine, or with --insecure.
    None,
}

/// Mail server settings. Keys are a contract: `host`, `port`, `security`, `username`,
/// `password_command`, `oauth2_token_command`, `ca_file`, `rate_limit_per_minute`,
/// `reply_to`, `bcc_self`, `timeout_seconds`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    /// Server name, e.g. smtp.gmail.com.
    pub host: String,
    /// Port; default 587 for starttls, 465 for tls, 25 for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// starttls (default), tls or none.
    #[serde(default)]
    pub security: Security,
    /// Login name; without one, outcry does not log in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// A command that prints the password on its first line, e.g. `pass show mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
    /// A command that prints an OAuth 2.0 access token on its first line (e.g.
    /// `oama access you@gmail.com`); when set, outcry logs in with XOAUTH2 instead of a
    /// password. The token is never stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2_token_command: Option<String>,
    /// A PEM file of extra certificate authorities, for self-hosted servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// At most this many messages a minute; 0 means no limit. Default 20.
    #[serde(default = "default_rate")]
    pub rate_limit_per_minute: u32,
    /// Replies go here instead of to the From address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// Send yourself a copy of each letter (as a blind copy).
    #[serde(default)]
    pub bcc_self: bool,
    /// Seconds to wait for the server before giving up on a step; default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
}

fn default_rate() -> u32 {
    20
}

impl SmtpSettings {
    /// Settings for `host` with every other key at its default (port by security, no login,
    /// 20 messages a minute).
    pub fn new(host: impl Into<String>, security: Security) -> SmtpSettings {
        SmtpSettings {
            host: host.into(),
            port: None,
            security,
            username: None,
            password_command: None,
            oauth2_token_command: None,
            ca_file: None,
            rate_limit_per_minute: default_rate(),
            reply_to: None,
            bcc_self: false,
            timeout_seconds: None,
        }
    }

    /// The port to use.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            Security::Starttls => 587,
            Security::Tls => 465,
            Security::None => 25,
        })
    }

    /// Whether the host is this machine.
    pub fn is_loopback(&self) -> bool {
        let h = self.host.trim_matches(|c| c == '[' || c == ']');
        h == "localhost"
            || h.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Refuses settings that would send passwords or letters in the clear over a network.
    pub fn check(&self, insecure: bool) -> Result<()> {
        if self.host.trim().is_empty() {
            return Err(Error::usage("`smtp.host` is empty in your profile")
                .hint("for example: host: smtp.example.org"));
        }
        if self.security == Security::None && !self.is_loopback() && !insecure {
            return Err(Error::usage(format!(
                "`smtp.security: none` would send your letters{} unencrypted to `{}`",
                if self.username.is_some() { " and password" } else { "" },
                self.host
            ))
            .hint("use security: starttls (port 587) or tls (port 465); `none` is for a server on this machine")
            .hint("if you really mean it, pass --insecure"));
        }
        if let Some(ca) = &self.ca_file
            && !ca.exists()
        {
            return Err(Error::usage(format!(
                "`smtp.ca_file` `{}` does not exist",
                ca.display()
            )));
        }
        Ok(())
    }
}
