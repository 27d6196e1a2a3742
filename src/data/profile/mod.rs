//! The sender's profile: who is writing, and where the profile and other user files live.
//!
//! A profile is YAML (keys `name`, `email`, `address`, `country`, `phone`, `title`,
//! `postcode`, `smtp`; scripts rely on these names). It is stored under the platform config
//! folder, which `OUTCRY_CONFIG_DIR` overrides. This module reads, validates and writes
//! profiles and their mail settings ([`smtp`], with provider presets in [`providers`]); it does
//! not prompt (that is `interactive`).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`].

pub mod providers;
pub mod smtp;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, yaml_reason};

/// The person writing the letters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Full name, as it should appear under the letter.
    #[serde(default)]
    pub name: String,
    /// Email address (needed for `.eml` files and sending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address lines, town and postcode included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<String>,
    /// ISO country code of where you live ("US", "GB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Phone number, if you want to be called back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A title or credential to show after your name ("Dr", "RN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Postcode or ZIP code, when it is not already in the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Mail server settings (used when sending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<smtp::SmtpSettings>,
}

/// The flags that set the sender's name and address in the command being run, for messages.
pub struct SenderFlags {
    /// The name flag, e.g. `--sender-name`.
    pub name: &'static str,
    /// The address flag, e.g. `--sender-address`.
    pub address: &'static str,
}

/// `outcry write`'s sender flags.
pub const WRITE_FLAGS: SenderFlags = SenderFlags {
    name: "--sender-name",
    address: "--sender-address",
};

/// `outcry profile init`'s flags.
pub const PROFILE_INIT_FLAGS: SenderFlags = SenderFlags {
    name: "--name",
    address: "--address",
};

impl Profile {
    /// Checks a profile for writing letters; returns every problem, naming `write`'s flags.
    pub fn problems(&self) -> Vec<String> {
        self.problems_naming(&WRITE_FLAGS)
    }

    /// [`Profile::problems`], naming the flags of the command that is running.
    pub fn problems_naming(&self, flags: &SenderFlags) -> Vec<String> {
        let mut out: Vec<String> = self
            .line_problems()
            .into_iter()
            .map(|(field, why)| format!("your {field} {why}"))
            .collect();
        if !out.is_empty() {
            return out;
        }
        if self.name.trim().is_empty() {
            out.push(format!(
                "your name is missing: pass {} or set `name` in your profile",
                flags.name
            ));
        }
        if self.address.iter().all(|l| l.trim().is_empty()) {
            out.push(format!(
                "your postal address is missing: representatives answer the people they represent, so letters \
                 carry it; pass {} LINE (once per line) or set `address` in your profile",
                flags.address
            ));
        }
        if let Some(email) = &self.email
            && let Err(why) = crate::data::recipients::check_email(email)
        {
            out.push(format!("your email `{email}` is not usable: {why}"));
        }
        if let Some(c) = &self.country
            && !crate::data::recipients::is_country_code(c)
        {
            out.push(format!(
                "country `{c}` is not a country code or name: use a code such as `US` or `GB`, or a name such as `United Kingdom`"
            ));
        }
        out
    }

    /// Every field that must be one line of plain text and is not (a line break or control
    /// character in a name would break the letter's mail headers): (key, what is wrong with
    /// the quoted value).
    pub fn line_problems(&self) -> Vec<(&'static str, String)> {
        let max = crate::support::text::MAX_LINE_CHARS;
        let mut fields: Vec<(&'static str, &str)> = vec![("name", self.name.as_str())];
        for (key, value) in [
            ("email", &self.email),
            ("country", &self.country),
            ("phone", &self.phone),
            ("title", &self.title),
            ("postcode", &self.postcode),
        ] {
            if let Some(v) = value {
                fields.push((key, v));
            }
        }
        fields.extend(self.address.iter().map(|l| ("address", l.as_str())));
        if let Some(smtp) = &self.smtp {
            fields.push(("smtp.host", &smtp.host));
            for (key, value) in [
                ("smtp.username", &smtp.username),
                ("smtp.reply_to", &smtp.reply_to),
            ] {
                if let Some(v) = value {
                    fields.push((key, v));
                }
            }
        }
        fields
            .into_iter()
            .filter_map(|(key, value)| {
                crate::support::text::check_line(value, max)
                    .err()
                    .map(|why| {
                        (
                            key,
                            format!("`{}` {why}", crate::support::text::shorten(value, 60)),
                        )
                    })
            })
            .collect()
    }

    /// Address lines with the postcode appended when it is not already there.
    pub fn address_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .address
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(pc) = &self.postcode
            && !lines.iter().any(|l| l.contains(pc.as_str()))
        {
            lines.push(pc.clone());
        }
        lines
    }

    /// Name with the title, e.g. "Dr Jane Doe".
    pub fn signature(&self) -> String {
        match &self.title {
            Some(t) if !t.is_empty() => format!("{t} {}", self.name),
            _ => self.name.clone(),
        }
    }
}

/// Values given for one run (flags such as `--sender-name`) that replace the profile's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Replaces `name`.
    pub name: Option<String>,
    /// Replaces `email`.
    pub email: Option<String>,
    /// Replaces `address` when not empty.
    pub address: Vec<String>,
    /// Replaces `country` (normalised: `uk` → `GB`).
    pub country: Option<String>,
    /// Replaces `phone`.
    pub phone: Option<String>,
}

impl Overrides {
    /// Checks the given values before they are used: each must be one line of plain text.
    /// `prefix` is how the flags are spelled (`--sender-` for `write`, `--` for
    /// `profile init`), so the error names the flag.
    ///
    /// Errors: a line break, a control character or an over-long value (exit code 2).
    pub fn check(&self, prefix: &str) -> Result<()> {
        let max = crate::support::text::MAX_LINE_CHARS;
        let mut given: Vec<(&str, &str)> = Vec::new();
        for (flag, value) in [
            ("name", &self.name),
            ("email", &self.email),
            ("country", &self.country),
            ("phone", &self.phone),
        ] {
            if let Some(v) = value {
                given.push((flag, v));
            }
        }
        given.extend(self.address.iter().map(|l| ("address", l.as_str())));
        for (flag, value) in given {
            if let Err(why) = crate::support::text::check_line(value, max) {
                return Err(Error::usage(format!(
                    "{prefix}{flag} `{}` {why}",
                    crate::support::text::shorten(value, 60)
                ))
                .hint(if flag == "address" {
                    format!("give each line of the address as its own {prefix}address")
                } else {
                    format!("pass {prefix}{flag} once, as one line")
                }));
            }
        }
        Ok(())
    }

    /// Applies the given values to `profile`.
    pub fn apply(self, profile: &mut Profile) {
        if let Some(v) = self.name {
            profile.name = v;
        }
        if let Some(v) = self.email {
            profile.email = Some(v);
        }
        if !self.address.is_empty() {
            profile.address = self.address;
        }
        if let Some(v) = self.country {
            profile.country = Some(v);
        }
        if let Some(v) = self.phone {
            profile.phone = Some(v);
        }
        profile.country = profile
            .country
            .take()
            .map(|c| crate::data::recipients::normalize_country(&c));
    }
}

/// The default profile path.
pub fn default_path() -> PathBuf {
    crate::support::env::config_dir().join("profile.yaml")
}

/// Reads a profile file.
pub fn load(path: &Path) -> Result<Profile> {
    if !path.exists() {
        return Err(Error::usage(format!(
            "could not read profile `{}`: no such file or folder",
            path.display()
        ))
        .hint("create one with: outcry profile init"));
    }
    let text = crate::support::fs::read_text(path, "profile")?;
    crate::support::text::check_yaml_nesting(&text).map_err(|(line, why)| {
        Error::usage(format!("profile `{}:{line}`: {why}", path.display()))
    })?;
    let profile: Profile = serde_yaml::from_str(&text).map_err(|e| {
        let line = e.location().map(|l| format!(":{}", l.line())).unwrap_or_default();
        Error::usage(format!("profile `{}{line}`: {}", path.display(), yaml_reason(&e)))
            .hint("profile keys: name, email, address (a list of lines), country, phone, title, postcode, smtp")
    })?;
    if let Some((key, why)) = profile.line_problems().into_iter().next() {
        // The line of the key (for `smtp.host`, of `host:`), else of the value.
        let bare = key.rsplit('.').next().unwrap_or(key);
        let line = text
            .lines()
            .position(|l| {
                let t = l.trim_start().trim_start_matches("- ");
                t.strip_prefix(bare)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map(|i| format!(":{}", i + 1))
            .unwrap_or_default();
        return Err(Error::usage(format!(
            "profile `{}{line}`: {key} {why}",
            path.display()
        ))
        .hint("write the value on one line, without control characters (edit the file, or run outcry profile init --force)"));
    }
    Ok(profile)
}

/// Loads the profile named on the command line, else the default one if it exists.
pub fn load_optional(explicit: Option<&Path>) -> Result<Option<(Profile, PathBuf)>> {
    match explicit {
        Some(p) => Ok(Some((load(p)?, p.to_path_buf()))),
        None => {
            let p = default_path();
            if p.exists() {
                Ok(Some((load(&p)?, p)))
            } else {
                Ok(None)
            }
        }
    }
}

/// Writes a profile atomically (creating the folder).
pub fn save(profile: &Profile, path: &Path) -> Result<()> {
    let text = serde_yaml::to_string(profile)
        .map_err(|e| Error::failure(format!("could not write profile: {e}")))?;
    let text = format!("# outcry sender profile. Edit freely; see `outcry profile show`.\n{text}");
    crate::support::fs::write_private(path, text.as_bytes(), true)
}
