//! `outcry profile init|show`.

use crate::cli::ProfileCommand;
use crate::error::{Error, Result, exit};
use crate::profile::{self, Profile};

/// Runs a profile command.
pub fn run(cmd: ProfileCommand) -> Result<i32> {
    let path = profile::default_path();
    match cmd {
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
                p = Profile {
                    smtp: p.smtp,
                    ..asked
                };
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
