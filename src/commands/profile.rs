//! `outcry profile init|show`.

use crate::cli::ProfileCommand;
use crate::error::{Error, Result, exit};
use crate::profile::{self, Profile};

/// Runs a profile command.
pub fn run(cmd: ProfileCommand) -> Result<i32> {
    let path = profile::default_path();
    match cmd {
        ProfileCommand::TestSmtp { insecure } => {
            let p = profile::load(&path)?;
            super::send::test_connection(&p, insecure)
        }
        ProfileCommand::Show => {
            let p = profile::load(&path)?;
            println!("# {}", path.display());
            print!(
                "{}",
                serde_yaml::to_string(&p).map_err(|e| Error::failure(e.to_string()))?
            );
            Ok(exit::OK)
        }
        ProfileCommand::Init {
            name,
            email,
            address,
            country,
            phone,
            smtp_host,
            smtp_port,
            smtp_security,
            smtp_username,
            smtp_password_command,
            no_input,
            force,
        } => {
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
            if let Some(v) = name {
                p.name = v;
            }
            if let Some(v) = email {
                p.email = Some(v);
            }
            if !address.is_empty() {
                p.address = address;
            }
            if let Some(v) = country {
                p.country = Some(crate::recipients::normalize_country(&v));
            }
            if let Some(v) = phone {
                p.phone = Some(v);
            }
            if let Some(host) = smtp_host {
                p.smtp = Some(crate::mail::settings::SmtpSettings {
                    host,
                    port: smtp_port,
                    security: smtp_security.unwrap_or_default(),
                    username: smtp_username,
                    password_command: smtp_password_command,
                    ca_file: None,
                    rate_limit_per_minute: 20,
                    reply_to: None,
                    bcc_self: false,
                    timeout_seconds: None,
                });
            } else if smtp_port.is_some()
                || smtp_security.is_some()
                || smtp_username.is_some()
                || smtp_password_command.is_some()
            {
                return Err(Error::usage(
                    "--smtp-port, --smtp-security, --smtp-username and --smtp-password-command need --smtp-host",
                ));
            }
            if !no_input && crate::interactive::available() {
                crate::interactive::install_interrupt_handler();
                let (asked, save) = crate::interactive::sender(
                    Profile {
                        name: String::new(),
                        ..p.clone()
                    },
                    None,
                )?;
                if !save {
                    eprintln!("Not saved.");
                    return Ok(exit::OK);
                }
                let smtp =
                    crate::interactive::smtp_settings(p.smtp.clone(), asked.email.as_deref())?;
                p = Profile { smtp, ..asked };
            }
            let problems = p.problems();
            if !problems.is_empty() {
                return Err(Error::usage(problems.join("\n  ")));
            }
            profile::save(&p, &path)?;
            println!("Saved your profile to {}", path.display());
            Ok(exit::OK)
        }
    }
}
