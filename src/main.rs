//! The `outcry` binary: run, print the one error, exit with its code.

fn main() {
    // `outcry recipients list | head` closes the pipe early; that is not a crash.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.to_string().contains("Broken pipe") {
            std::process::exit(141);
        }
        default_hook(info);
    }));
    let code = match outcry::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err}");
            err.exit_code()
        }
    };
    std::process::exit(code);
}
