//! Sending letters by email: account settings, passwords, the outbox of `.eml` files, the
//! SMTP client and the sent log.
//!
//! The letters are already on disk (written by `outcry write`) before anything here runs;
//! sending reads those files and never changes them. Each module owns one thing:
//! [`settings`] (the profile's `smtp:` block), [`secret`] (passwords, never printed or stored),
//! [`outbox`] (reading `.eml` files), [`smtp`] (talking to the server), [`log`] (what was sent),
//! [`links`] (mailto and webmail links for people without an SMTP account).

pub mod links;
pub mod log;
pub mod outbox;
pub mod secret;
pub mod settings;
pub mod smtp;

/// The data folder: `OUTCRY_DATA_DIR`, or the platform's (e.g. ~/.local/share/outcry).
pub fn data_dir() -> std::path::PathBuf {
    if let Some(dir) = std::env::var_os("OUTCRY_DATA_DIR").filter(|d| !d.is_empty()) {
        return std::path::PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "outcry", "outcry")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::path::PathBuf::from(".outcry-data"))
}
