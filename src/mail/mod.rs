//! Sending letters by email: account settings, passwords, the outbox of `.eml` files, the
//! SMTP client and the sent log.
//!
//! The letters are already on disk (written by `outcry write`) before anything here runs;
//! sending reads those files and never changes them. Each module owns one thing:
//! [`secret`] (passwords, never printed or stored), [`outbox`] (reading `.eml` files),
//! [`smtp`] (talking to the server), [`log`] (what was sent), [`send`] (the send loop),
//! [`links`] (mailto and webmail links for people without an SMTP account). The account
//! settings are the profile's (`data::profile::smtp`).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data`].

pub mod links;
pub mod log;
pub mod outbox;
pub mod secret;
pub mod send;
pub mod smtp;
