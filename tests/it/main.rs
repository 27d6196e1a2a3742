//! The one integration-test binary: every test runs the real `outcry` binary.

mod bodies;
mod campaign;
mod data;
mod delivery;
mod errors;
mod harness;
mod languages;
mod layers;
mod letters;
mod library;
mod print;
mod pty;
mod recipients;
mod records;
mod scale;
mod send;
mod smtp_server;
mod templates;
