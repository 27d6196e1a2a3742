//! The progress bar of a long run, on stderr (indicatif). It appears only once the run has
//! gone on for a while (a second, by default), and never when stderr is not a terminal or the
//! user passed `--quiet`, so scripts, pipes and logs see nothing of it.
//!
//! May import: [`crate::error`].

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over a number of steps that shows itself once the run has taken `delay`.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    delay: Duration,
    /// Whether it may ever be shown (a terminal, and not `--quiet`).
    allowed: bool,
    shown: bool,
}

impl Progress {
    /// A bar over `total` steps counted in `unit` (e.g. "letters") that appears after `delay`;
    /// hidden for good when `quiet` or when stderr is not a terminal.
    pub fn new(total: u64, unit: &str, delay: Duration, quiet: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let template = format!("{{bar:40}} {{pos}}/{{len}} {unit} ({{eta}} left)");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            start: Instant::now(),
            delay,
            allowed: !quiet && std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    /// Counts `n` more steps done.
    pub fn inc(&mut self, n: u64) {
        self.bar.inc(n);
        if self.allowed && !self.shown && self.start.elapsed() >= self.delay {
            self.shown = true;
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    /// Removes the bar from the screen (also when the run stops with an error).
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
