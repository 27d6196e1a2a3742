//! The guided letter's draft: what the writer has chosen and typed so far, kept in the data
//! folder (`draft.json`, readable by its owner only) as it is typed, so that a cancel, a crash
//! or a failed write loses nothing. `outcry` offers to continue it; `outcry write --draft`
//! continues it; a confirmed write clears it.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// A letter in progress.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Draft {
    /// When it was last saved (YYYY-MM-DD).
    pub date: String,
    /// The template chosen, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The recipients chosen (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    /// The letter chosen for each recipient (recipient id → template id), when the
    /// recipients needed different letters (an editor's and a regulator's).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub letters: BTreeMap<String, String>,
    /// The answers typed so far, by question key, as typed (shared by every letter of the
    /// run whose template asks the same key).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
}

/// Where the draft is kept.
pub fn path() -> PathBuf {
    crate::support::env::data_dir().join("draft.json")
}

/// The saved draft, if there is a readable one (an unreadable draft is ignored: it only ever
/// holds a copy of what the wizard asked).
pub fn load() -> Option<Draft> {
    let text = std::fs::read_to_string(path()).ok()?;
    serde_json::from_str(&text).ok()
}

/// Saves the draft (private file, atomic).
pub fn save(draft: &Draft) -> Result<()> {
    let text = serde_json::to_string_pretty(draft).unwrap_or_default();
    crate::support::fs::write_private(&path(), text.as_bytes(), true)
}

/// Removes the draft once its letters are written.
pub fn clear() {
    let _ = std::fs::remove_file(path());
}
