//! The user's own recipients file: adding a "someone else" recipient the writer entered,
//! keeping everything already in the file.
//!
//! May import: [`crate::error`], [`crate::support`], its parent [`super`].

use std::path::{Path, PathBuf};

use super::{Recipient, parse_file};
use crate::error::{Error, Result, problems_error};

/// The user's own recipients file in the config folder, read on every run.
pub fn user_file() -> PathBuf {
    crate::support::env::config_dir().join("recipients.yaml")
}

/// Adds a recipient to a user's recipients file (created if missing), keeping what is there.
pub fn append_to_file(path: &Path, r: &Recipient) -> Result<()> {
    let mut existing: Vec<serde_yaml::Value> = Vec::new();
    if path.exists() {
        let text = crate::support::fs::read_text(path, "recipients file")?;
        let parsed = parse_file(path, &text);
        if !parsed.problems.is_empty() {
            return Err(problems_error(
                &format!(
                    "recipients file `{}` is invalid, so nothing was added",
                    path.display()
                ),
                &parsed.problems,
                &format!(
                    "fix it, then check with: outcry recipients check {}",
                    path.display()
                ),
            ));
        }
        let value: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or(serde_yaml::Value::Null);
        match value {
            serde_yaml::Value::Sequence(items) => existing = items,
            serde_yaml::Value::Mapping(mut m) => {
                // Keep the file-level fields (source, as_of, licence...) of a mapping file.
                let record = serde_yaml::to_value(r).map_err(|e| Error::failure(e.to_string()))?;
                match m.get_mut("recipients") {
                    Some(serde_yaml::Value::Sequence(items)) => items.push(record),
                    _ => {
                        m.insert(
                            "recipients".into(),
                            serde_yaml::Value::Sequence(vec![record]),
                        );
                    }
                }
                let text = serde_yaml::to_string(&m).map_err(|e| Error::failure(e.to_string()))?;
                return crate::support::fs::write_atomic(path, text.as_bytes(), true);
            }
            _ => {}
        }
    }
    existing.push(serde_yaml::to_value(r).map_err(|e| Error::failure(e.to_string()))?);
    let text = serde_yaml::to_string(&existing).map_err(|e| Error::failure(e.to_string()))?;
    let text = format!(
        "# Your own recipients, read by outcry on every run. Check with: outcry recipients check FILE\n{text}"
    );
    crate::support::fs::write_atomic(path, text.as_bytes(), true)
}
