//! The one user-facing error type and the exit-code table.
//!
//! Every failure a person can meet ends up here as an [`Error`]: a message that starts with
//! what went wrong (user values in backticks, `file:line` where known) and optional hint lines
//! that say what to do. [`report`] prints it, and is the only place that prints errors. This module does not decide
//! *when* something is an error; the domain modules do.
//!
//! May import: nothing from the crate: it is the lowest layer.

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit codes, documented in the README. Scripts rely on these numbers.
pub mod exit {
    /// Everything asked for was done.
    pub const OK: i32 = 0;
    /// A failure while doing the work (I/O, rendering, a server refusing).
    pub const FAILURE: i32 = 1;
    /// The command line, a file or an answer was not acceptable.
    pub const USAGE: i32 = 2;
    /// Sending: some letters were sent, some failed (the sent log says which).
    pub const PARTIAL: i32 = 3;
    /// Sending: no letter was sent (the server refused the login, could not be reached, ...).
    pub const NOT_SENT: i32 = 4;
    /// The person cancelled (Ctrl-C or chose "cancel").
    pub const CANCELLED: i32 = 130;
    /// Standard output was closed early (`outcry recipients list | head`): 128 + SIGPIPE, as
    /// a shell reports a program killed by a broken pipe.
    pub const BROKEN_PIPE: i32 = 141;
}

/// What kind of failure this is; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad flags, bad input files, missing or invalid answers.
    Usage,
    /// The work failed.
    Failure,
    /// The person cancelled.
    Cancelled,
    /// Some letters were sent and some were not.
    Partial,
    /// No letter was sent.
    NotSent,
    /// Standard output was closed by the reader; nothing is printed.
    BrokenPipe,
}

/// A user-facing error: a message, optional hints, and its kind.
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: String,
    hints: Vec<String>,
    /// Text already laid out by its source (clap's usage errors), printed as it is.
    rendered: Option<String>,
    /// Lines printed before the message, one per problem (`file:line: what`), as `templates
    /// check` and `recipients check` list them.
    details: Vec<String>,
}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error in what the user gave us (flags, files, answers): exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            kind: Kind::Usage,
            message: message.into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// A failure while doing the work: exit code 1.
    pub fn failure(message: impl Into<String>) -> Self {
        Error {
            kind: Kind::Failure,
            message: message.into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// The person cancelled: exit code 130.
    pub fn cancelled() -> Self {
        Error {
            kind: Kind::Cancelled,
            message: "cancelled; nothing was written".into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// The person stopped the run after something was done (letters written or sent): exit
    /// code 130, with a message that says what was done.
    pub fn interrupted(message: impl Into<String>) -> Self {
        Error {
            kind: Kind::Cancelled,
            message: message.into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// Some letters were sent, some were not: exit code 3.
    pub fn partial(message: impl Into<String>) -> Self {
        Error {
            kind: Kind::Partial,
            message: message.into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// Nothing was sent: exit code 4.
    pub fn not_sent(message: impl Into<String>) -> Self {
        Error {
            kind: Kind::NotSent,
            message: message.into(),
            hints: Vec::new(),
            rendered: None,
            details: Vec::new(),
        }
    }

    /// A command-line error found by clap (unknown flag, missing value...): exit code 2,
    /// printed as clap lays it out, with the usage line.
    pub fn clap(err: clap::Error) -> Self {
        Error {
            kind: Kind::Usage,
            message: err.kind().to_string(),
            hints: Vec::new(),
            rendered: Some(err.render().to_string().trim_end().to_string()),
            details: Vec::new(),
        }
    }

    /// A failed write to standard output: a closed pipe ends the run quietly (exit 141),
    /// anything else is a failure.
    pub fn stdout(err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error {
                kind: Kind::BrokenPipe,
                message: "standard output was closed".into(),
                hints: Vec::new(),
                rendered: None,
                details: Vec::new(),
            }
        } else {
            Error::failure(format!(
                "could not write to standard output: {}",
                io_reason(err)
            ))
        }
    }

    /// Adds lines printed before the message, e.g. every problem a check found.
    pub fn details(mut self, lines: impl IntoIterator<Item = String>) -> Self {
        self.details.extend(lines);
        self
    }

    /// Adds a hint line, printed after the message.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// An I/O failure on a path, with the path in the message.
    pub fn io(action: &str, path: &Path, err: &std::io::Error) -> Self {
        let message = format!(
            "could not {action} `{}`: {}",
            path.display(),
            io_reason(err)
        );
        match err.kind() {
            std::io::ErrorKind::NotFound => Error::usage(message),
            _ => Error::failure(message),
        }
    }

    /// The kind of this error.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            Kind::Usage => exit::USAGE,
            Kind::Failure => exit::FAILURE,
            Kind::Cancelled => exit::CANCELLED,
            Kind::Partial => exit::PARTIAL,
            Kind::NotSent => exit::NOT_SENT,
            Kind::BrokenPipe => exit::BROKEN_PIPE,
        }
    }

    /// The main message, without the `error:` prefix or hints.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The hint lines, in order.
    pub fn hints(&self) -> &[String] {
        &self.hints
    }
}

/// Turns an io::Error into a short lower-case reason without the "(os error N)" noise.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::AlreadyExists => "it already exists".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// Prints an error to standard error (the one place that does) and returns its exit code.
/// A broken pipe prints nothing.
pub fn report(err: &Error) -> i32 {
    if err.kind != Kind::BrokenPipe {
        eprintln!("{err}");
    }
    err.exit_code()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = &self.rendered {
            return write!(f, "{text}");
        }
        for line in &self.details {
            writeln!(f, "{line}")?;
        }
        write!(f, "error: {}", self.message)?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// A problem found while validating a file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as given by the user (or `built-in:NAME`).
    pub file: PathBuf,
    /// 1-based line number, when known.
    pub line: Option<usize>,
    /// What is wrong, with values in backticks.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Folds a list of problems into one usage error that lists them all.
pub fn problems_error(what: &str, problems: &[Problem], hint: &str) -> Error {
    let mut message = format!(
        "{what}: {} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        message.push_str("\n  ");
        message.push_str(&p.to_string());
    }
    Error::usage(message).hint(hint.to_string())
}

/// The 1-based line and column of a YAML error, if it has one.
pub fn yaml_location(err: &serde_yaml::Error) -> Option<usize> {
    err.location().map(|l| l.line())
}

/// Strips the " at line N column M" suffix that serde_yaml appends, since we print the
/// location ourselves in `file:line` form.
pub fn yaml_reason(err: &serde_yaml::Error) -> String {
    let text = err.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
