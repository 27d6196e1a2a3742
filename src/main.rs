//! The `outcry` binary: run, print the one error, exit with its code.
//!
//! May import: the `outcry` library.

fn main() {
    let code = match outcry::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => outcry::error::report(&err),
    };
    std::process::exit(code);
}
