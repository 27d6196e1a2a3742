//! `outcry profile init|show`.
//!
//! May import: every layer below `commands`.

use clap::{Args, Subcommand};

use crate::data::profile::providers;
use crate::data::profile::smtp::{Security, SmtpSettings};
use crate::data::profile::{self, Profile};
use crate::error::{Error, Result, exit};
use crate::interactive;

/// `outcry profile ...`
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create or update your profile (asks in a terminal; or give the values as flags).
    Init(Box<InitArgs>),
    /// Print your profile and where it is stored.
    Show,
    /// Connect and log in to your mail server without sending anything.
    TestSmtp {
        /// Allow `security: none` to a server that is not on this machine.
        #[arg(long)]
        insecure: bool,
    },
}
/// Options of `outcry profile init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Your name.
    #[arg(long)]
    pub name: Option<String>,
    /// Your email address.
    #[arg(long)]
    pub email: Option<String>,
    /// One line of your postal address; repeat for each line.
    #[arg(long = "address", value_name = "LINE")]
    pub address: Vec<String>,
    /// Your country (ISO code such as US or GB).
    #[arg(long)]
    pub country: Option<String>,
    /// Your phone number.
    #[arg(long)]
    pub phone: Option<String>,
    /// Your mail provider, for its server settings: gmail, outlook, microsoft365, fastmail,
    /// icloud, yahoo or proton (Proton Mail Bridge).
    #[arg(long, value_name = "NAME", conflicts_with = "smtp_host")]
    pub provider: Option<String>,
    /// Mail server for sending, e.g. smtp.gmail.com.
    #[arg(long, value_name = "HOST")]
    pub smtp_host: Option<String>,
    /// Mail server port (default 587 for starttls, 465 for tls).
    #[arg(long, value_name = "PORT")]
    pub smtp_port: Option<u16>,
    /// How the connection is secured.
    #[arg(long, value_enum, value_name = "SECURITY")]
    pub smtp_security: Option<Security>,
    /// Mail account login name.
    #[arg(long, value_name = "USER")]
    pub smtp_username: Option<String>,
    /// A command that prints your mail password (e.g. "pass show mail"); never the password itself.
    #[arg(long, value_name = "COMMAND")]
    pub smtp_password_command: Option<String>,
    /// A command that prints an OAuth 2.0 access token (log in with XOAUTH2 instead of a password).
    #[arg(long, value_name = "COMMAND")]
    pub smtp_oauth2_token_command: Option<String>,
    /// Never prompt.
    #[arg(long)]
    pub no_input: bool,
    /// Replace an existing profile.
    #[arg(long)]
    pub force: bool,
}

/// Runs a profile command.
pub fn run(cmd: ProfileCommand) -> Result<i32> {
    let path = profile::default_path();
    match cmd {
        ProfileCommand::TestSmtp { insecure } => {
            let p = profile::load(&path)?;
            crate::mail::send::test_connection(&p, insecure, &mut crate::interactive::Prompts)
        }
        ProfileCommand::Show => {
            let p = profile::load(&path)?;
            crate::outln!("# {}", path.display());
            crate::out!(
                "{}",
                serde_yaml::to_string(&p).map_err(|e| Error::failure(e.to_string()))?
            );
            Ok(exit::OK)
        }
        ProfileCommand::Init(args) => {
            let InitArgs {
                name,
                email,
                address,
                country,
                phone,
                provider,
                smtp_host,
                smtp_port,
                smtp_security,
                smtp_username,
                smtp_password_command,
                smtp_oauth2_token_command,
                no_input,
                force,
            } = *args;
            let existing = if path.exists() {
                Some(profile::load(&path)?)
            } else {
                None
            };
            if existing.is_some() && !force && (no_input || !crate::interactive::available()) {
                return Err(Error::usage(format!(
                    "a profile already exists at `{}`",
                    path.display()
                ))
                .hint("pass --force to replace it, or edit the file"));
            }
            let mut p: Profile = existing.unwrap_or_default();
            let overrides = profile::Overrides {
                name,
                email,
                address,
                country,
                phone,
            };
            overrides.check("--")?;
            overrides.apply(&mut p);
            for (flag, value) in [
                ("--smtp-host", &smtp_host),
                ("--smtp-username", &smtp_username),
                ("--smtp-password-command", &smtp_password_command),
            ] {
                if let Some(v) = value
                    && let Err(why) = crate::support::text::check_line(v, 1000)
                {
                    return Err(Error::usage(format!(
                        "{flag} `{}` {why}",
                        crate::support::text::shorten(v, 60)
                    )));
                }
            }
            let preset = provider.as_deref().map(providers::find).transpose()?;
            let host = smtp_host.or(preset.map(|p| p.host.to_string()));
            if let Some(host) = host {
                let email = p.email.clone();
                p.smtp = Some(SmtpSettings {
                    port: smtp_port.or(preset.map(|p| p.port)),
                    // Providers log you in with your email address.
                    username: smtp_username.or(if preset.is_some() { email } else { None }),
                    password_command: smtp_password_command,
                    oauth2_token_command: smtp_oauth2_token_command,
                    ..SmtpSettings::new(
                        host,
                        smtp_security
                            .or(preset.map(|p| p.security))
                            .unwrap_or_default(),
                    )
                });
            } else if smtp_port.is_some()
                || smtp_security.is_some()
                || smtp_username.is_some()
                || smtp_password_command.is_some()
                || smtp_oauth2_token_command.is_some()
            {
                return Err(Error::usage(
                    "--smtp-port, --smtp-security, --smtp-username, --smtp-password-command and --smtp-oauth2-token-command need --smtp-host or --provider",
                ));
            }
            if !no_input && crate::interactive::available() {
                crate::interactive::install_interrupt_handler();
                // Field by field, each with its current value ready to keep.
                let (asked, save) = crate::interactive::sender(p.clone(), None, true)?;
                if !save {
                    eprintln!("Not saved.");
                    return Ok(exit::OK);
                }
                let smtp = if crate::interactive::smtp_wanted(p.smtp.is_some())? {
                    set_up_smtp(
                        p.smtp.clone(),
                        asked.email.as_deref(),
                        false,
                        &mut crate::interactive::Prompts,
                    )?
                    .or(p.smtp.clone())
                } else {
                    p.smtp.clone()
                };
                p = Profile { smtp, ..asked };
            }
            let problems = p.problems_naming(&profile::PROFILE_INIT_FLAGS);
            if !problems.is_empty() {
                return Err(Error::usage(problems.join("\n  ")));
            }
            profile::save(&p, &path)?;
            crate::outln!("Saved your profile to {}", path.display());
            if let Some(preset) = preset {
                crate::outln!(
                    "{}: {}:{} ({:?}). To log in, {} needs {}.",
                    preset.name,
                    preset.host,
                    preset.port,
                    preset.security,
                    preset.name,
                    preset.login
                );
                crate::outln!("Check it with: outcry profile test-smtp");
            }
            Ok(exit::OK)
        }
    }
}

/// The mail account questions, shared by `outcry profile init` and the guided letter:
/// the server ([`interactive::smtp_server`]), then a connection test (`always_check`, else
/// asked) that finds whether the server offers a login, then the login
/// ([`interactive::smtp_login`]) and, with one, a test that logs in. `None` when the person
/// gave up.
pub(super) fn set_up_smtp(
    mut current: Option<SmtpSettings>,
    email: Option<&str>,
    always_check: bool,
    prompter: &mut dyn crate::mail::send::Prompter,
) -> Result<Option<SmtpSettings>> {
    loop {
        let Some(server) = interactive::smtp_server(current.clone(), email)? else {
            return Ok(None);
        };
        current = Some(server.clone());
        let check = always_check || interactive::smtp_check_now()?;
        let mut offered = None;
        if check {
            interactive::smtp_checking(&server.host, server.port());
            match crate::mail::send::probe(&server) {
                Ok(login) => {
                    offered = Some(login);
                    if !login {
                        interactive::smtp_connected(&server.host, server.port());
                    }
                }
                Err(e) => match interactive::smtp_failed(e.message(), e.hints())? {
                    interactive::Retry::Change => continue,
                    interactive::Retry::Keep => {}
                    interactive::Retry::Skip => return Ok(None),
                },
            }
        }
        let settings = interactive::smtp_login(server, email, offered)?;
        current = Some(settings.clone());
        if offered == Some(true) && settings.username.is_some() {
            let p = crate::data::profile::Profile {
                smtp: Some(settings.clone()),
                ..Default::default()
            };
            if let Err(e) = crate::mail::send::test_connection(&p, false, prompter) {
                match interactive::smtp_failed(e.message(), e.hints())? {
                    interactive::Retry::Change => continue,
                    interactive::Retry::Keep => {}
                    interactive::Retry::Skip => return Ok(None),
                }
            }
        }
        return Ok(Some(settings));
    }
}
