//! Standard output for data (letters, listings, JSON): every write is checked, so a reader
//! that closes the pipe early (`outcry recipients list | head`) ends the run with exit code
//! 141 and no panic. Use the [`outln!`](crate::outln) and [`out!`](crate::out) macros.
//!
//! May import: [`crate::error`].

use std::io::Write;

use crate::error::{Error, Result};

/// Writes formatted text to standard output.
pub fn write(args: std::fmt::Arguments<'_>) -> Result<()> {
    std::io::stdout()
        .lock()
        .write_fmt(args)
        .map_err(|e| Error::stdout(&e))
}

/// Writes formatted text and a newline to standard output.
pub fn write_line(args: std::fmt::Arguments<'_>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_fmt(args)
        .and_then(|_| out.write_all(b"\n"))
        .map_err(|e| Error::stdout(&e))
}

/// Writes raw bytes to standard output.
pub fn write_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .map_err(|e| Error::stdout(&e))
}

/// `println!` for data: returns early with the error (`?`) when standard output is closed.
#[macro_export]
macro_rules! outln {
    () => {
        $crate::support::out::write_line(format_args!(""))?
    };
    ($($arg:tt)*) => {
        $crate::support::out::write_line(format_args!($($arg)*))?
    };
}

/// `print!` for data: returns early with the error (`?`) when standard output is closed.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::support::out::write(format_args!($($arg)*))?
    };
}
