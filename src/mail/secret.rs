//! Passwords: a type that never prints its contents, and where a password may come from.
//!
//! Sources, in order: `OUTCRY_SMTP_PASSWORD`, the profile's `smtp.password_command` (first
//! line of its output, e.g. `pass show mail`), else a hidden prompt (asked by the caller
//! through the send loop's prompter). An OAuth 2.0 access token comes from
//! `smtp.oauth2_token_command` the same way. outcry never writes a secret anywhere.
//!
//! May import: [`crate::error`].

use std::fmt;

use crate::error::{Error, Result};

/// A secret string. `Debug` and `Display` print `(redacted)`.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The value, for the one place that needs it (authenticating).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// The password from the environment or the password command, if either is set.
pub fn from_env_or_command(command: Option<&str>) -> Result<Option<Secret>> {
    if let Ok(p) = std::env::var("OUTCRY_SMTP_PASSWORD")
        && !p.is_empty()
    {
        return Ok(Some(Secret::new(p)));
    }
    let Some(command) = command.filter(|c| !c.trim().is_empty()) else {
        return Ok(None);
    };
    from_command(command, "password").map(Some)
}

/// Runs `command` with `sh -c` and takes the first line it prints as the secret (`what` names
/// it in errors: "password", "OAuth 2.0 token"). Its standard error goes to the terminal.
///
/// Errors: the command cannot run, fails, or prints nothing (exit code 1).
pub fn from_command(command: &str, what: &str) -> Result<Secret> {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| {
            Error::failure(format!("could not run the {what} command `{command}`: {e}"))
        })?;
    if !output.status.success() {
        return Err(Error::failure(format!(
            "the {what} command `{command}` failed ({})",
            output.status
        ))
        .hint(format!(
            "run it yourself to see why; it must print the {what} on its first line"
        )));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next().unwrap_or("").trim().to_string();
    if first.is_empty() {
        return Err(
            Error::failure(format!("the {what} command `{command}` printed nothing"))
                .hint(format!("it must print the {what} on its first line")),
        );
    }
    Ok(Secret::new(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints() {
        let s = Secret::new("hunter2".into());
        assert_eq!(format!("{s:?} {s}"), "(redacted) (redacted)");
    }
}
