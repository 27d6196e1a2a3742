//! Letter files on disk: names every file of a run before anything is rendered ([`Plan`]),
//! checks those names against the folder before a single file is written ([`Plan::check`]),
//! then writes the letters as they are composed, in batches ([`Writer`]), so that a run of
//! any size holds only one batch in memory.
//!
//! The guarantees: nothing is half-written (every file goes to a temporary file and is renamed
//! into place), nothing is replaced without `--force` (a file that exists with other content
//! stops the run before anything is written; one that exists with the same content is left as
//! it is and counted as unchanged, so an interrupted run can simply be run again), and each
//! batch is durable when the next one starts (its bytes synced, then renamed, then the folder
//! synced: [`crate::support::fs::Batch`]). May import: [`crate::error`], [`crate::support`],
//! [`crate::letters`], [`crate::render`].

use std::borrow::Borrow;
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::error::{Error, Result};
use crate::letters::Letter;
use crate::render::{self, Format};
use crate::support::fs::{Batch, exists_error, is_stale_temporary};

/// Letters per batch: files are synced and renamed together once per batch.
pub const BATCH_LETTERS: usize = 1024;

/// `2026-11-28_transplant-tourism-law_us-sen-ma-warren.txt`: sorts by date, never collides.
/// Needs only names, so a run can name all its files before rendering any.
pub fn file_name(
    date: jiff::civil::Date,
    template_id: &str,
    recipient_id: &str,
    format: Format,
) -> String {
    format!("{date}_{template_id}_{recipient_id}.{}", format.ext())
}

/// [`file_name`] with a number (`..._uk-mp-alex-baker-2.txt`), for letters kept beside
/// earlier ones of the same name.
fn numbered_file_name(
    date: jiff::civil::Date,
    template_id: &str,
    recipient_id: &str,
    format: Format,
    number: Option<u32>,
) -> String {
    match number {
        None => file_name(date, template_id, recipient_id, format),
        Some(n) => format!("{date}_{template_id}_{recipient_id}-{n}.{}", format.ext()),
    }
}

/// A set of formats, iterated in the order of [`Format`] (the order files are listed in).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Formats(u8);

impl Formats {
    /// Every format in `formats`.
    pub fn of(formats: &[Format]) -> Formats {
        Formats(formats.iter().fold(0, |bits, f| bits | bit(*f)))
    }

    /// Whether `format` is in the set.
    pub fn contains(self, format: Format) -> bool {
        self.0 & bit(format) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many formats.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The formats in `self` and not in `other`.
    pub fn without(self, other: Formats) -> Formats {
        Formats(self.0 & !other.0)
    }

    /// The formats, in the order of [`Format`].
    pub fn iter(self) -> impl Iterator<Item = Format> {
        ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

const ALL: [Format; 7] = [
    Format::Txt,
    Format::Md,
    Format::Eml,
    Format::Pdf,
    Format::Envelope,
    Format::Call,
    Format::Form,
];

fn bit(format: Format) -> u8 {
    1 << ALL.iter().position(|f| *f == format).unwrap_or(0)
}

/// One letter of a run, by name.
#[derive(Debug)]
struct Entry<'a> {
    /// The template it is written from (file names carry it).
    template: &'a str,
    recipient: &'a str,
    formats: Formats,
    /// Formats whose file is already on disk with the same content.
    unchanged: Formats,
}

/// Every file of a run, named but not rendered: a few bytes per letter.
#[derive(Debug)]
pub struct Plan<'a> {
    out: PathBuf,
    date: jiff::civil::Date,
    template_id: &'a str,
    letters: Vec<Entry<'a>>,
    /// The number every file name carries ([`Plan::renumber`]).
    number: Option<u32>,
}

/// What [`Plan::check`] found in the folder.
#[derive(Debug, Default)]
pub struct Checked {
    /// Letters whose files are all on disk already, with the same content: not written again.
    pub unchanged_letters: usize,
    /// Temporary files left by an interrupted run, now removed.
    pub stale_removed: usize,
}

impl<'a> Plan<'a> {
    /// An empty plan for letters from `template_id` dated `date`, into the folder `out`.
    pub fn new(out: &Path, date: jiff::civil::Date, template_id: &'a str) -> Plan<'a> {
        Plan {
            out: out.to_path_buf(),
            date,
            template_id,
            letters: Vec::new(),
            number: None,
        }
    }

    /// Adds the next letter: to `recipient_id`, in `formats`, from the plan's template.
    pub fn push(&mut self, recipient_id: &'a str, formats: &[Format]) {
        self.push_from(self.template_id, recipient_id, formats);
    }

    /// Adds the next letter from another template than the plan's (the guided letter writes
    /// one letter per group of recipients, e.g. an editor's and a regulator's).
    pub fn push_from(&mut self, template_id: &'a str, recipient_id: &'a str, formats: &[Format]) {
        self.letters.push(Entry {
            template: template_id,
            recipient: recipient_id,
            formats: Formats::of(formats),
            unchanged: Formats::default(),
        });
    }

    /// The number of letters.
    pub fn len(&self) -> usize {
        self.letters.len()
    }

    /// Whether the plan has no letter.
    pub fn is_empty(&self) -> bool {
        self.letters.is_empty()
    }

    /// The folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Where letter `i` goes in `format`.
    pub fn path(&self, i: usize, format: Format) -> PathBuf {
        self.out.join(self.file_name(i, format))
    }

    /// The file name of letter `i` in `format`.
    pub fn file_name(&self, i: usize, format: Format) -> String {
        self.name(i, format, self.number)
    }

    fn name(&self, i: usize, format: Format, number: Option<u32>) -> String {
        numbered_file_name(
            self.date,
            self.letters[i].template,
            self.letters[i].recipient,
            format,
            number,
        )
    }

    /// The first file of the run that already exists, if any.
    pub fn first_existing(&self) -> Option<PathBuf> {
        (0..self.letters.len())
            .flat_map(|i| self.letters[i].formats.iter().map(move |f| (i, f)))
            .map(|(i, f)| self.path(i, f))
            .find(|p| p.exists())
    }

    /// Gives every file the first free numbered name (`..._uk-mp-alex-baker-2.txt`, then
    /// `-3`, ...), the same number for all files of the run, so that nothing existing is
    /// replaced and the new letters keep together.
    pub fn renumber(&mut self) {
        let taken = |n: u32| {
            (0..self.letters.len()).any(|i| {
                self.letters[i]
                    .formats
                    .iter()
                    .any(|f| self.out.join(self.name(i, f, Some(n))).exists())
            })
        };
        let mut n = 2;
        while taken(n) {
            n += 1;
        }
        self.number = Some(n);
    }

    /// The formats of letter `i`.
    pub fn formats(&self, i: usize) -> Formats {
        self.letters[i].formats
    }

    /// The formats of letter `i` that this run writes (those not already on disk unchanged).
    pub fn to_write(&self, i: usize) -> Formats {
        let e = &self.letters[i];
        e.formats.without(e.unchanged)
    }

    /// The paths of every `.eml` file of the run, written now or already on disk unchanged.
    pub fn emails(&self) -> Vec<PathBuf> {
        (0..self.letters.len())
            .filter(|&i| self.letters[i].formats.contains(Format::Eml))
            .map(|i| self.path(i, Format::Eml))
            .collect()
    }

    /// Checks every name of the run against the folder before anything is written. A file
    /// that exists is rendered again (`compose` gives letter `i`) and compared: with the same
    /// content ([`render::same_content`]) it is left as it is and not written again; with
    /// other content it is an error ([`exists_error`], exit code 2) and nothing is written.
    /// With `force`, existing files are simply replaced. Temporary files left by an
    /// interrupted run (`.outcry-PID-*.tmp` of a process that has ended) are removed.
    ///
    /// `unchanged(i, letter, files)` is called for each letter whose files are all there
    /// unchanged, with its files (format and path).
    pub fn check<L: Borrow<Letter>>(
        &mut self,
        force: bool,
        mut compose: impl FnMut(usize) -> Result<L>,
        mut unchanged: impl FnMut(usize, &Letter, &[(Format, PathBuf)]),
    ) -> Result<Checked> {
        let mut checked = Checked::default();
        let Ok(entries) = std::fs::read_dir(&self.out) else {
            // No folder yet (it is made when the first batch is written): nothing to collide.
            return Ok(checked);
        };
        let mut names: HashSet<OsString> = HashSet::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read folder", &self.out, &e))?;
            let name = entry.file_name();
            if name.to_str().is_some_and(is_stale_temporary) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| Error::io("remove", &entry.path(), &e))?;
                checked.stale_removed += 1;
            } else {
                names.insert(name);
            }
        }
        if force || names.is_empty() {
            return Ok(checked);
        }
        for i in 0..self.letters.len() {
            let e = &self.letters[i];
            let existing: Vec<Format> = e
                .formats
                .iter()
                .filter(|f| names.contains(&OsString::from(self.name(i, *f, self.number))))
                .collect();
            if existing.is_empty() {
                continue;
            }
            let letter = compose(i)?;
            let letter = letter.borrow();
            for format in existing {
                let path = self.path(i, format);
                let on_disk = std::fs::read(&path).map_err(|e| Error::io("read", &path, &e))?;
                if !render::same_content(format, &render::render(letter, format)?, &on_disk) {
                    return Err(exists_error(&path, crate::support::fs::LETTERS_ELSEWHERE));
                }
                let e = &mut self.letters[i];
                e.unchanged = Formats(e.unchanged.0 | bit(format));
            }
            let e = &self.letters[i];
            if e.unchanged == e.formats {
                checked.unchanged_letters += 1;
                let files: Vec<(Format, PathBuf)> =
                    e.formats.iter().map(|f| (f, self.path(i, f))).collect();
                unchanged(i, letter, &files);
            }
        }
        Ok(checked)
    }
}

impl Plan<'_> {
    /// Checks, before anything is written, that every letter with a PDF among its formats can
    /// be printed: that some font has each of its characters ([`render::pdf::Unprintable`]).
    /// `compose(i)` gives letter `i`; letters without a PDF are not composed. Runs on every
    /// core, like [`Writer::write_all`].
    ///
    /// Errors: the letters and the characters no font has, with how to fix it (exit code 2);
    /// a font named with `--font` or `OUTCRY_FONT` that cannot be used (exit code 2); the
    /// first letter that cannot be composed.
    pub fn check_printable<L: Borrow<Letter>>(
        &self,
        compose: impl Fn(usize) -> Result<L> + Sync,
    ) -> Result<()> {
        let todo: Vec<usize> = (0..self.len())
            .filter(|&i| self.formats(i).contains(Format::Pdf))
            .collect();
        if todo.is_empty() {
            return Ok(());
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let chunk = todo.len().div_ceil(threads).max(1);
        let shares: Vec<Result<render::pdf::Unprintable>> = std::thread::scope(|scope| {
            let handles: Vec<_> = todo
                .chunks(chunk)
                .map(|share| {
                    let compose = &compose;
                    scope.spawn(move || {
                        let mut found = render::pdf::Unprintable::default();
                        for &i in share {
                            found.check(compose(i)?.borrow())?;
                        }
                        Ok(found)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(Error::failure("checking the letters' characters failed"))
                    })
                })
                .collect()
        });
        let mut all = render::pdf::Unprintable::default();
        for share in shares {
            all.merge(share?);
        }
        all.result()
    }
}

/// What one thread did with its share of a batch: what was kept of each letter it wrote, or
/// the letter that failed (its number and error).
type Share<T> = std::result::Result<Vec<(usize, T)>, (usize, Error)>;

/// Writes the letters of a [`Plan`], one batch of [`BATCH_LETTERS`] at a time.
///
/// Within a batch, letters are composed, rendered and written to temporary files on every
/// core ([`Writer::write_all`]); a full batch is then committed (synced, renamed into place,
/// folder synced) on a thread of its own while the next batch is being made, so waiting for
/// the disk overlaps with the work. At most one batch is being committed at a time, and
/// [`Writer::finish`] returns only when every batch is durable.
pub struct Writer<'p, 'a> {
    plan: &'p Plan<'a>,
    batch: Batch,
    /// Letters added to the current batch.
    in_batch: usize,
    /// The batch being committed: its letters, its files, and the thread.
    committing: Option<(usize, usize, std::thread::JoinHandle<Result<()>>)>,
    /// Letters and files durable on disk so far.
    durable: (usize, usize),
}

impl<'p, 'a> Writer<'p, 'a> {
    /// Starts writing `plan`'s letters (creates the folder). With `force`, files replace
    /// existing ones.
    pub fn new(plan: &'p Plan<'a>, force: bool) -> Result<Writer<'p, 'a>> {
        Ok(Writer {
            plan,
            batch: Batch::new(&plan.out, force)?,
            in_batch: 0,
            committing: None,
            durable: (0, 0),
        })
    }

    /// Renders `letter` (letter `i` of the plan) in the formats still to write and adds its
    /// files to the current batch. May be called from several threads at once.
    pub fn write(&self, i: usize, letter: &Letter) -> Result<()> {
        for format in self.plan.to_write(i).iter() {
            let bytes = render::render(letter, format)?;
            self.batch.add(self.plan.path(i, format), &bytes)?;
        }
        Ok(())
    }

    /// Writes every letter of the plan still to write, batch by batch, then waits until all
    /// are durable; returns the letters and files written.
    ///
    /// `compose(i)` gives letter `i`; it is called on every core, so it must be `Sync`. For
    /// each letter written, `summarize(i, letter)` makes what the caller keeps of it (on the
    /// thread that composed it); `durable(batch)` receives those of a batch, on this thread,
    /// once the batch is on the disk, and `progress(n)` is told how many letters that batch
    /// settled (written, or already there unchanged).
    ///
    /// Errors: the first failing letter's error (composing, rendering or writing), after the
    /// batches before it are durable and with a hint saying how many letters were written.
    pub fn write_all<L, T>(
        mut self,
        compose: impl Fn(usize) -> Result<L> + Sync,
        summarize: impl Fn(usize, &Letter) -> T + Sync,
        mut durable: impl FnMut(Vec<(usize, T)>),
        mut progress: impl FnMut(usize),
    ) -> Result<(usize, usize)>
    where
        L: Borrow<Letter>,
        T: Send,
    {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let total = self.plan.len();
        // The batch being committed: what was kept of its letters, and how many it settled.
        let mut committing: Option<(Vec<(usize, T)>, usize)> = None;
        let mut start = 0;
        while start < total {
            // The next batch: up to BATCH_LETTERS letters that still need writing.
            let mut todo = Vec::with_capacity(BATCH_LETTERS);
            let mut end = start;
            while end < total && todo.len() < BATCH_LETTERS {
                if !self.plan.to_write(end).is_empty() {
                    todo.push(end);
                }
                end += 1;
            }
            let batch = self.write_batch(&todo, threads, &compose, &summarize);
            // The batch before is on the disk once this returns.
            let settled = self.settle();
            if settled.is_ok()
                && let Some((kept, settled)) = committing.take()
            {
                durable(kept);
                progress(settled);
            }
            let kept = match (batch, settled) {
                (Ok(kept), Ok(_)) => kept,
                (Err(e), _) | (_, Err(e)) => return Err(self.stopped(e)),
            };
            self.in_batch = todo.len();
            self.commit().map_err(|e| self.stopped(e))?;
            committing = Some((kept, end - start));
            start = end;
        }
        let written = self.settle().map_err(|e| self.stopped(e))?;
        if let Some((kept, settled)) = committing {
            durable(kept);
            progress(settled);
        }
        Ok(written)
    }

    /// Composes, renders and writes the letters `todo` on up to `threads` threads; returns
    /// what `summarize` made of each, or the error of the first letter (by number) that
    /// failed. On an error the batch's files are removed.
    fn write_batch<L, T>(
        &self,
        todo: &[usize],
        threads: usize,
        compose: &(impl Fn(usize) -> Result<L> + Sync),
        summarize: &(impl Fn(usize, &Letter) -> T + Sync),
    ) -> Result<Vec<(usize, T)>>
    where
        L: Borrow<Letter>,
        T: Send,
    {
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let work = || {
            let mut kept = Vec::new();
            while !failed.load(Ordering::Relaxed) {
                let Some(&i) = todo.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let done = compose(i).and_then(|letter| {
                    let letter = letter.borrow();
                    self.write(i, letter)?;
                    Ok(summarize(i, letter))
                });
                match done {
                    Ok(t) => kept.push((i, t)),
                    Err(e) => {
                        failed.store(true, Ordering::Relaxed);
                        return Err((i, e));
                    }
                }
            }
            Ok(kept)
        };
        let helpers = threads.min(todo.len()).saturating_sub(1);
        let results: Vec<Share<T>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
            let mut results = vec![work()];
            for h in handles {
                results.push(h.join().unwrap_or_else(|_| {
                    Err((
                        usize::MAX,
                        Error::failure("writing a letter stopped unexpectedly"),
                    ))
                }));
            }
            results
        });
        let mut kept = Vec::with_capacity(todo.len());
        let mut first_error: Option<(usize, Error)> = None;
        for r in results {
            match r {
                Ok(k) => kept.extend(k),
                Err((i, e)) => {
                    if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                        first_error = Some((i, e));
                    }
                }
            }
        }
        match first_error {
            Some((_, e)) => {
                drop(self.batch.take()); // removes the batch's temporary files
                Err(e)
            }
            None => Ok(kept),
        }
    }

    /// `e`, once the batch being committed is settled, with a hint saying how many letters
    /// are on disk.
    fn stopped(&mut self, e: Error) -> Error {
        let (done, _) = self.settle().unwrap_or(self.durable);
        if done == 0 {
            return e;
        }
        e.hint(format!(
            "{done} letter{} before this one {} written in full; once this is fixed, the same command skips {}",
            if done == 1 { "" } else { "s" },
            if done == 1 { "was" } else { "were" },
            if done == 1 { "it" } else { "them" },
        ))
    }

    /// Waits for the batch being committed; returns the letters and files durable so far.
    pub fn settle(&mut self) -> Result<(usize, usize)> {
        if let Some((letters, files, thread)) = self.committing.take() {
            thread
                .join()
                .map_err(|_| Error::failure("writing the letters stopped unexpectedly"))??;
            self.durable.0 += letters;
            self.durable.1 += files;
        }
        Ok(self.durable)
    }

    /// Hands the current batch over to be committed (after the one before it is done).
    fn commit(&mut self) -> Result<()> {
        self.settle()?;
        let commit = self.batch.take();
        let letters = std::mem::take(&mut self.in_batch);
        let files = commit.len();
        if commit.is_empty() {
            return Ok(());
        }
        let thread = std::thread::Builder::new()
            .name("commit letters".into())
            .spawn(move || commit.run())
            .map_err(|e| Error::failure(format!("could not start writing the letters: {e}")))?;
        self.committing = Some((letters, files, thread));
        Ok(())
    }
}

impl Drop for Writer<'_, '_> {
    /// A run that stops early still waits for the batch being committed, so what it reports
    /// as written is on disk.
    fn drop(&mut self) {
        let _ = self.settle();
    }
}
