//! Leaf helpers that every layer may use: atomic and private file writes ([`fs`]), the
//! config and data folders and everything else read from the `OUTCRY_*` environment, read
//! once ([`env`]), message catalogues in other languages ([`i18n`]), the progress bar of long runs ([`progress`]), small text helpers ([`text`])
//! and what Ctrl-C does ([`interrupt`]).
//!
//! May import: [`crate::error`] only. Nothing here knows what a letter or a recipient is.

pub mod env;
pub mod fs;
pub mod i18n;
pub mod interrupt;
pub mod out;
pub mod progress;
pub mod text;
