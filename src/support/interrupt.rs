//! Ctrl-C, one handler for the whole run. What it does depends on how far the run got:
//!
//! - before anything is written, it ends the run at once: "cancelled; nothing was written";
//! - once letters are on disk ([`written`]), it ends the run at once saying where they are;
//! - while a batch is being sent ([`Batch`]), the first Ctrl-C asks the send loop to stop
//!   after the letter in flight (so the summary and the sent log are accurate) and a second
//!   one ends the run at once.
//!
//! The handler is installed once ([`install`]); `before_exit` runs before an immediate exit
//! (the wizard uses it to show the cursor again).
//!
//! May import: [`crate::error`].

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::error::Error;

const EXIT_NOTHING_WRITTEN: u8 = 0;
const EXIT_WRITTEN: u8 = 1;
const BATCH: u8 = 2;

static MODE: AtomicU8 = AtomicU8::new(EXIT_NOTHING_WRITTEN);
static REQUESTED: AtomicBool = AtomicBool::new(false);
static WRITTEN: Mutex<String> = Mutex::new(String::new());
static BEFORE_EXIT: OnceLock<fn()> = OnceLock::new();
static INSTALLED: OnceLock<()> = OnceLock::new();

/// Installs the handler (once per process; later calls only set `before_exit` if unset).
pub fn install(before_exit: Option<fn()>) {
    if let Some(f) = before_exit {
        let _ = BEFORE_EXIT.set(f);
    }
    INSTALLED.get_or_init(|| {
        let _ = ctrlc::set_handler(handle);
    });
}

fn handle() {
    if MODE.load(Ordering::SeqCst) == BATCH && !REQUESTED.swap(true, Ordering::SeqCst) {
        eprintln!("\nStopping after the letter being sent (press Ctrl-C again to stop at once)...");
        return;
    }
    if let Some(f) = BEFORE_EXIT.get() {
        f();
    }
    eprintln!();
    let err = match MODE.load(Ordering::SeqCst) {
        EXIT_NOTHING_WRITTEN => Error::cancelled(),
        EXIT_WRITTEN => Error::interrupted(format!(
            "cancelled; {}",
            WRITTEN.lock().map(|w| w.clone()).unwrap_or_default()
        )),
        _ => Error::interrupted(
            "stopped while sending; the letter in flight may or may not have arrived (it is held back: see `outcry history`)",
        ),
    };
    std::process::exit(crate::error::report(&err));
}

/// From now on Ctrl-C says `what` (e.g. "the letters are written in `letters`") instead of
/// "nothing was written".
pub fn written(what: impl Into<String>) {
    if let Ok(mut w) = WRITTEN.lock() {
        *w = what.into();
    }
    let _ = MODE.compare_exchange(
        EXIT_NOTHING_WRITTEN,
        EXIT_WRITTEN,
        Ordering::SeqCst,
        Ordering::SeqCst,
    );
}

/// A batch being sent: while it lives, the first Ctrl-C only asks to stop ([`requested`]).
pub struct Batch {
    before: u8,
}

impl Batch {
    /// Starts a batch (installing the handler if needed).
    pub fn start() -> Batch {
        install(None);
        REQUESTED.store(false, Ordering::SeqCst);
        Batch {
            before: MODE.swap(BATCH, Ordering::SeqCst),
        }
    }

    /// Whether Ctrl-C asked the batch to stop.
    pub fn requested(&self) -> bool {
        REQUESTED.load(Ordering::SeqCst)
    }

    /// Sleeps for `d`, waking early when Ctrl-C asks to stop.
    pub fn sleep(&self, d: std::time::Duration) {
        let end = std::time::Instant::now() + d;
        while !self.requested() {
            let left = end.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            std::thread::sleep(left.min(std::time::Duration::from_millis(50)));
        }
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        MODE.store(self.before.max(EXIT_WRITTEN), Ordering::SeqCst);
    }
}
