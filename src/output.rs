//! Letter files on disk: plans every file of a run (path and bytes), refuses to overwrite
//! anything before a single file is written, then writes them atomically.
//!
//! Every file is written to a temporary file in the target folder and renamed into place
//! (`support::fs`), so a crash or Ctrl-C never leaves a half-written letter. May import:
//! [`crate::error`], [`crate::support`], [`crate::letters`], [`crate::render`].

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::letters::Letter;
use crate::render::{self, Format};

/// `2026-11-28_transplant-tourism-law_us-sen-ma-warren.txt`: sorts by date, never collides.
pub fn file_name(letter: &Letter, format: Format) -> String {
    format!(
        "{}_{}_{}.{}",
        letter.date,
        letter.template_id,
        letter.recipient.id,
        format.ext()
    )
}

/// One file to write.
#[derive(Debug)]
pub struct Planned {
    /// Index of the letter in the run.
    pub letter: usize,
    /// Where it goes.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Every file of a run, rendered but not yet written.
#[derive(Debug, Default)]
pub struct Plan {
    /// The files, letter by letter.
    pub files: Vec<Planned>,
}

impl Plan {
    /// Renders each letter in `formats` (or, when empty, in its best formats) into `out`.
    pub fn new(letters: &[Letter], formats: &[Format], out: &Path) -> Result<Plan> {
        let mut files = Vec::new();
        for (i, letter) in letters.iter().enumerate() {
            let chosen = if formats.is_empty() {
                render::best_formats(letter)
            } else {
                formats.to_vec()
            };
            for format in chosen {
                files.push(Planned {
                    letter: i,
                    path: out.join(file_name(letter, format)),
                    format,
                    bytes: render::render(letter, format)?,
                });
            }
        }
        Ok(Plan { files })
    }

    /// The first planned file that already exists, if any.
    pub fn first_existing(&self) -> Option<&Path> {
        self.files
            .iter()
            .map(|f| f.path.as_path())
            .find(|p| p.exists())
    }

    /// Writes every file. Without `force`, checks first that none exists and writes nothing if
    /// one does ([`crate::support::fs::exists_error`]).
    pub fn write(&self, force: bool) -> Result<()> {
        if !force && let Some(path) = self.first_existing() {
            return Err(crate::support::fs::exists_error(path));
        }
        for f in &self.files {
            crate::support::fs::write_atomic(&f.path, &f.bytes, force)?;
        }
        Ok(())
    }

    /// Gives every planned file the first free numbered name (`..._uk-mp-alex-baker-2.txt`,
    /// then `-3`, ...), the same number for all files of the run, so that nothing existing is
    /// replaced and the new letters keep together.
    pub fn renumber(&mut self) {
        let numbered = |p: &Path, n: u32| -> PathBuf {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (stem, ext) = match name.split_once('.') {
                Some((stem, ext)) => (stem.to_string(), format!(".{ext}")),
                None => (name.clone(), String::new()),
            };
            p.with_file_name(format!("{stem}-{n}{ext}"))
        };
        let mut n = 2;
        while self.files.iter().any(|f| numbered(&f.path, n).exists()) {
            n += 1;
        }
        for f in &mut self.files {
            f.path = numbered(&f.path, n);
        }
    }

    /// The planned paths of the `.eml` files.
    pub fn emails(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|f| f.format == Format::Eml)
            .map(|f| f.path.clone())
            .collect()
    }
}
