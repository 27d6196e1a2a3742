//! Files written so that a crash never leaves half of one: atomic writes (temporary file in
//! the same folder, synced, renamed into place) that refuse to replace an existing file unless
//! told to, batches of such files made durable together ([`Batch`]), and private writes (mode
//! 0600) for the profile; and reading the text files a user gives ([`read_text`]).
//!
//! Temporary files are named `.outcry-PID-XXXXXX.tmp`, so that one left behind by a run that
//! was killed can be recognised and removed later ([`is_stale_temporary`]).
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
    let dir = folder_of(path);
    create_folder(&dir)?;
    let mut tmp = temporary(&dir, path, private)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io("write", path, &e))?;
    persist(tmp.into_temp_path(), path, force)?;
    sync_folder(&dir)
}

/// The folder a path is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The prefix of every temporary file this process makes.
fn temporary_prefix() -> &'static str {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PREFIX.get_or_init(|| format!(".outcry-{}-", std::process::id()))
}

/// A new temporary file in `dir` for `path`, readable by others unless `private`.
fn temporary(dir: &Path, path: &Path, private: bool) -> Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(temporary_prefix()).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = private;
    builder
        .tempfile_in(dir)
        .map_err(|e| Error::io("write", path, &e))
}

/// Renames a written temporary file into place; without `force`, never over an existing file.
fn persist(tmp: tempfile::TempPath, path: &Path, force: bool) -> Result<()> {
    if force {
        tmp.persist(path)
            .map_err(|e| Error::io("write", path, &e.error))
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists_error(path, "give another file name")
            } else {
                Error::io("write", path, &e.error)
            }
        })
    }
}

/// Makes the names in a folder durable (the renames and new files in it): fsync on the folder.
/// Does nothing where folders cannot be opened (Windows).
pub fn sync_folder(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io("sync folder", dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Files written to one folder as a unit of durability: each goes to a temporary file
/// ([`Batch::add`]); committing ([`Batch::commit`], or [`Batch::take`] then [`Commit::run`])
/// makes all their bytes durable at once, renames each into place, then makes the folder
/// durable. A file is therefore either absent or complete,
/// after a crash too; a temporary file not yet renamed is removed when the batch is dropped
/// (or, after a crash, by the next run: [`is_stale_temporary`]).
///
/// On Linux the bytes are made durable by one `syncfs(2)` of the folder's file system per
/// batch (one sync of many files costs about as much as one `fsync` of one); elsewhere each
/// file is synced as it is written.
///
/// Files may be added from several threads at once.
pub struct Batch {
    dir: PathBuf,
    force: bool,
    pending: std::sync::Mutex<Vec<(tempfile::TempPath, PathBuf)>>,
}

impl Batch {
    /// A batch of files for `dir` (created if missing). With `force`, files replace existing
    /// ones; without, an existing file is an error at [`Batch::commit`].
    pub fn new(dir: &Path, force: bool) -> Result<Batch> {
        create_folder(dir)?;
        // Absolute once, so that temporary files are not made absolute one by one.
        let dir = std::path::absolute(dir).map_err(|e| Error::io("create folder", dir, &e))?;
        Ok(Batch {
            dir,
            force,
            pending: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// The files added and not yet taken.
    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<(tempfile::TempPath, PathBuf)>> {
        // A thread that panicked while holding the list cannot have left it half-changed
        // (a push or a take), so the list is still good to use.
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes `bytes` to a temporary file that will become `path` (a file in the batch's
    /// folder) at the next commit.
    pub fn add(&self, path: PathBuf, bytes: &[u8]) -> Result<()> {
        let mut tmp = temporary(&self.dir, &path, false)?;
        tmp.write_all(bytes)
            .map_err(|e| Error::io("write", &path, &e))?;
        #[cfg(not(target_os = "linux"))]
        tmp.as_file()
            .sync_all()
            .map_err(|e| Error::io("write", &path, &e))?;
        // Closes the file; the path stays, and is removed if the batch is dropped.
        self.pending().push((tmp.into_temp_path(), path));
        Ok(())
    }

    /// How many files wait for the next commit.
    pub fn len(&self) -> usize {
        self.pending().len()
    }

    /// Whether no file waits for a commit.
    pub fn is_empty(&self) -> bool {
        self.pending().is_empty()
    }

    /// Takes the files added so far, to be committed as a unit ([`Commit::run`]), on another
    /// thread if wanted, while the batch takes new files.
    pub fn take(&self) -> Commit {
        Commit {
            dir: self.dir.clone(),
            force: self.force,
            pending: std::mem::take(&mut *self.pending()),
        }
    }

    /// Commits the files added so far ([`Commit::run`]).
    pub fn commit(&self) -> Result<()> {
        self.take().run()
    }
}

/// Files of a [`Batch`] written to temporary files, to be made durable and put in place
/// together. Dropped without [`Commit::run`], its temporary files are removed.
pub struct Commit {
    dir: PathBuf,
    force: bool,
    pending: Vec<(tempfile::TempPath, PathBuf)>,
}

impl Commit {
    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether it holds no file.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Makes every file durable and puts it in place: sync the bytes, rename each temporary
    /// file to its name, sync the folder. Without `force`, a file that exists by now (made by
    /// someone else since the run checked) is an error, and the files not yet renamed are
    /// removed.
    pub fn run(self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        #[cfg(target_os = "linux")]
        {
            let dir = std::fs::File::open(&self.dir)
                .map_err(|e| Error::io("sync folder", &self.dir, &e))?;
            rustix::fs::syncfs(&dir).map_err(|e| Error::io("sync", &self.dir, &e.into()))?;
        }
        let mut renamed = 0;
        let mut result = Ok(());
        for (tmp, path) in self.pending {
            if result.is_ok() {
                result = persist(tmp, &path, self.force);
                renamed += usize::from(result.is_ok());
            }
        }
        if renamed > 0 {
            sync_folder(&self.dir)?;
        }
        result
    }
}

/// Whether `name` (a file name) is a temporary file left by an outcry process that no longer
/// runs, so it can be removed. Only known on Linux (where `/proc` says which processes run);
/// elsewhere always false.
pub fn is_stale_temporary(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(".outcry-") else {
        return false;
    };
    let Some((pid, tail)) = rest.split_once('-') else {
        return false;
    };
    if !tail.ends_with(".tmp") || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if cfg!(target_os = "linux") {
        pid != std::process::id().to_string() && !Path::new("/proc").join(pid).exists()
    } else {
        false
    }
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

/// The error for a file that would be overwritten (exit code 2); `instead` is the other way
/// out, e.g. "choose another folder with --out DIR" for letters.
pub fn exists_error(path: &Path, instead: &str) -> Error {
    Error::usage(format!(
        "`{}` already exists; nothing was written",
        path.display()
    ))
    .hint(format!("pass --force to replace it, or {instead}"))
}

/// What [`exists_error`] suggests for letters, which are named by outcry inside a folder.
pub const LETTERS_ELSEWHERE: &str = "choose another folder with --out DIR";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_of_running_processes_are_not_stale() {
        let own = format!("{}abc123.tmp", temporary_prefix());
        assert!(!is_stale_temporary(&own));
        assert!(!is_stale_temporary(".outcry-abc.tmp"));
        assert!(!is_stale_temporary("letter.txt"));
        assert!(!is_stale_temporary(".outcry-12-x.txt"));
        if cfg!(target_os = "linux") {
            // Process ids stop well below this (pid_max is at most 2^22).
            assert!(is_stale_temporary(".outcry-999999999-x.tmp"));
        }
    }

    #[test]
    fn a_batch_puts_every_file_in_place_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("letters");
        let batch = Batch::new(&out, false).unwrap();
        batch.add(out.join("a.txt"), b"one").unwrap();
        batch.add(out.join("b.txt"), b"two").unwrap();
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            2,
            "temporary files"
        );
        assert!(!out.join("a.txt").exists());
        batch.commit().unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);

        // Without force, a file that appeared since is an error and the rest is removed.
        batch.add(out.join("a.txt"), b"new").unwrap();
        batch.add(out.join("c.txt"), b"three").unwrap();
        assert!(batch.commit().is_err());
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.txt", "b.txt"]);
    }
}
