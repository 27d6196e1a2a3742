//! Files written so that a crash never leaves half of one: atomic writes (temporary file in
//! the same folder, synced, renamed into place) that refuse to replace an existing file unless
//! told to, and private writes (mode 0600) for the profile.
//!
//! May import: [`crate::error`].

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically, creating the folder. Without `force`, an existing file
/// is an error ([`exists_error`]) and nothing is written. Letters and data files are readable
/// by others (0644).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_mode(path, bytes, force, false)
}

/// [`write_atomic`] for files only their owner may read (0600): the profile, drafts, logs.
pub fn write_private(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_mode(path, bytes, force, true)
}

fn write_atomic_mode(path: &Path, bytes: &[u8], force: bool, private: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_folder(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".outcry-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write in", &dir, &e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io("write", path, &e))?;
    }
    #[cfg(not(unix))]
    let _ = private;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io("write", path, &e))?;
    if force {
        tmp.persist(path)
            .map_err(|e| Error::io("write", path, &e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists_error(path)
            } else {
                Error::io("write", path, &e.error)
            }
        })?;
    }
    Ok(())
}

/// The largest text file outcry reads (64 MiB; the biggest public dataset it imports is a
/// few megabytes).
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file the user gave: a regular file (never a device, which could be read for
/// ever) of at most [`MAX_TEXT_BYTES`], in UTF-8. `what` names it in errors ("recipients
/// file").
///
/// Errors: missing or unreadable (exit code 2 or 1); not a regular file, too large, or not
/// UTF-8, naming the line and column of the first bad byte (exit code 2).
pub fn read_text(path: &Path, what: &str) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&format!("read {what}"), path, &e))?;
    if !meta.is_file() {
        return Err(Error::usage(format!(
            "{what} `{}` is not a regular file",
            path.display()
        )));
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(Error::usage(format!(
            "{what} `{}` is {} MB; outcry reads text files of at most {} MB",
            path.display(),
            meta.len() / (1024 * 1024),
            MAX_TEXT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(&format!("read {what}"), path, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let column = good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
        Error::usage(format!(
            "{what} `{}:{line}` is not UTF-8 text (byte 0x{:02X} at column {column})",
            path.display(),
            e.as_bytes()[good.len()]
        ))
        .hint("save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")")
    })
}

/// Creates a folder and its parents; a path that exists but is not a folder is a usage error
/// that says so (exit code 2).
pub fn create_folder(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!(
            "`{}` is a file, not a folder; nothing was written",
            dir.display()
        ))
        .hint("choose a folder with --out DIR"));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, &e))
}

/// The error for a file that would be overwritten (exit code 2).
pub fn exists_error(path: &Path) -> Error {
    Error::usage(format!(
        "`{}` already exists; nothing was written",
        path.display()
    ))
    .hint("pass --force to replace it, or choose another folder with --out DIR")
}
