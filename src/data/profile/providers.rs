//! Mail provider presets: server, port and security for the providers most people use, and
//! what each needs to log in today. Used by `outcry profile init --provider NAME` and the
//! wizard; `smtp:` settings in the profile are the same whichever way they were made.
//!
//! Sources (each provider's own help pages, as of 2026): Google "Send email from a printer,
//! scanner, or app" and "Sign in with app passwords"; Microsoft "POP, IMAP, and SMTP settings
//! for Outlook.com" and "Deprecation of Basic authentication in Exchange Online"; Fastmail
//! "Server names and ports"; Apple "Mail server settings for iCloud Mail"; Yahoo "IMAP server
//! settings for Yahoo Mail"; Proton "Proton Mail Bridge" (SMTP on 127.0.0.1:1025).
//!
//! May import: [`crate::error`], its parent [`super`].

use super::smtp::Security;
use crate::error::{Error, Result};

/// One provider's SMTP preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provider {
    /// The name for `--provider` (lower case).
    pub id: &'static str,
    /// The name people know it by.
    pub name: &'static str,
    /// SMTP server.
    pub host: &'static str,
    /// SMTP port.
    pub port: u16,
    /// How the connection is secured.
    pub security: Security,
    /// What logging in needs, in a sentence.
    pub login: &'static str,
}

/// The presets, in the order the wizard offers them.
pub const PROVIDERS: &[Provider] = &[
    Provider {
        id: "gmail",
        name: "Gmail",
        host: "smtp.gmail.com",
        port: 587,
        security: Security::Starttls,
        login: "an app password (turn on 2-Step Verification, then create one under Security, App passwords), or OAuth 2.0 with `smtp.oauth2_token_command`; your Google password itself is refused",
    },
    Provider {
        id: "outlook",
        name: "Outlook.com (Hotmail, Live)",
        host: "smtp-mail.outlook.com",
        port: 587,
        security: Security::Starttls,
        login: "OAuth 2.0 with `smtp.oauth2_token_command`: Microsoft is turning off password logins for SMTP",
    },
    Provider {
        id: "microsoft365",
        name: "Microsoft 365 (work or school)",
        host: "smtp.office365.com",
        port: 587,
        security: Security::Starttls,
        login: "OAuth 2.0 with `smtp.oauth2_token_command`, and SMTP sending (SMTP AUTH) allowed for your mailbox by your administrator",
    },
    Provider {
        id: "fastmail",
        name: "Fastmail",
        host: "smtp.fastmail.com",
        port: 465,
        security: Security::Tls,
        login: "an app password (Settings, Privacy & Security, App passwords)",
    },
    Provider {
        id: "icloud",
        name: "iCloud Mail",
        host: "smtp.mail.me.com",
        port: 587,
        security: Security::Starttls,
        login: "an app-specific password (account.apple.com, Sign-In and Security); the login is your iCloud email address",
    },
    Provider {
        id: "yahoo",
        name: "Yahoo Mail",
        host: "smtp.mail.yahoo.com",
        port: 465,
        security: Security::Tls,
        login: "an app password (Account security, Generate app password)",
    },
    Provider {
        id: "proton",
        name: "Proton Mail (through Proton Mail Bridge)",
        host: "127.0.0.1",
        port: 1025,
        security: Security::Starttls,
        login: "Proton Mail Bridge running on this computer, the login and password that Bridge shows (not your Proton password), and Bridge's certificate (export it from Bridge's settings) as `smtp.ca_file`",
    },
];

/// The preset named `id` (case does not matter).
///
/// Errors: an unknown name, with the known ones (exit code 2).
pub fn find(id: &str) -> Result<&'static Provider> {
    PROVIDERS
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id.trim()))
        .ok_or_else(|| {
            Error::usage(format!("no mail provider preset `{id}`")).hint(format!(
                "known: {}; for another provider pass --smtp-host (and --smtp-port, --smtp-security)",
                PROVIDERS.iter().map(|p| p.id).collect::<Vec<_>>().join(", ")
            ))
        })
}
