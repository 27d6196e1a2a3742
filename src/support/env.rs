//! The environment outcry reads, resolved once per process: "today", the config and data
//! folders, and the tuning knobs tests use.
//!
//! Every `OUTCRY_*` variable that changes behaviour is read here and nowhere else (the SMTP
//! password, which is a secret resolved at the moment of sending, is the one exception and
//! lives in `mail::secret`). May import: [`crate::error`].

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// What the environment says, read on first use.
#[derive(Debug, Clone)]
pub struct Env {
    /// `OUTCRY_DATE` (YYYY-MM-DD), unparsed; `None` means the system clock.
    pub date: Option<String>,
    /// `OUTCRY_CONFIG_DIR`, or the platform config folder (e.g. `~/.config/outcry`).
    pub config_dir: PathBuf,
    /// `OUTCRY_DATA_DIR`, or the platform data folder (e.g. `~/.local/share/outcry`).
    pub data_dir: PathBuf,
    /// `OUTCRY_STALE_DAYS`: recipient data older than this many days is flagged (default 180).
    pub stale_days: i64,
    /// `OUTCRY_RETRY_DELAY_MS`: the first delay between SMTP retries in milliseconds (default
    /// 2,000; it doubles each time).
    pub retry_delay_ms: u64,
    /// `OUTCRY_LOCK_WAIT_SECONDS`: how long `send` waits for another `send` that is using
    /// the sent log before giving up (default 60).
    pub lock_wait_seconds: u64,
    /// `OUTCRY_PROGRESS_DELAY_MS`: how long a run goes before its progress bar appears, in
    /// milliseconds (default 1,000; tests set 0).
    pub progress_delay_ms: u64,
    /// The writer's language for the wizard, from the POSIX locale variables in their order
    /// of precedence: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (e.g. `zh_CN.UTF-8`); `None`
    /// when none is set or it is `C`/`POSIX`. Unparsed: [`crate::support::i18n`] reads it.
    pub locale: Option<String>,
    /// `OUTCRY_FONT`: a font file (TrueType or OpenType, `.ttf`, `.otf`, `.ttc`/`.otc`) for the
    /// characters of a printed letter that DejaVu Sans lacks (Chinese, Japanese, Korean...).
    pub font: Option<PathBuf>,
    /// `OUTCRY_FONT_DIRS`: the folders searched for such fonts instead of the system's (a list
    /// separated like `PATH`); an empty folder means no fonts beyond DejaVu Sans and
    /// `OUTCRY_FONT`. `None`: the system's fonts (fontconfig's folders on Linux).
    pub font_dirs: Option<Vec<PathBuf>>,
}

/// The default number of days after which recipient data is called stale.
pub const DEFAULT_STALE_DAYS: i64 = 180;

static ENV: OnceLock<Env> = OnceLock::new();

/// The environment, read once.
pub fn get() -> &'static Env {
    ENV.get_or_init(|| {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let dirs = directories::ProjectDirs::from("org", "outcry", "outcry");
        Env {
            date: var("OUTCRY_DATE"),
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(var)
                .filter(|l| !matches!(l.as_str(), "C" | "POSIX") && !l.starts_with("C.")),
            config_dir: var("OUTCRY_CONFIG_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    dirs.as_ref()
                        .map(|d| d.config_dir().to_path_buf())
                        .unwrap_or_else(|| PathBuf::from(".outcry"))
                }),
            data_dir: var("OUTCRY_DATA_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    dirs.as_ref()
                        .map(|d| d.data_dir().to_path_buf())
                        .unwrap_or_else(|| PathBuf::from(".outcry-data"))
                }),
            stale_days: var("OUTCRY_STALE_DAYS")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(DEFAULT_STALE_DAYS),
            retry_delay_ms: var("OUTCRY_RETRY_DELAY_MS")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(2_000),
            lock_wait_seconds: var("OUTCRY_LOCK_WAIT_SECONDS")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(60),
            progress_delay_ms: var("OUTCRY_PROGRESS_DELAY_MS")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(1_000),
            font: var("OUTCRY_FONT").map(PathBuf::from),
            font_dirs: std::env::var_os("OUTCRY_FONT_DIRS")
                .filter(|v| !v.is_empty())
                .map(|v| std::env::split_paths(&v).collect()),
        }
    })
}

/// The config folder (profile, the user's templates and recipients).
pub fn config_dir() -> PathBuf {
    get().config_dir.clone()
}

/// The data folder (sent log and other records outcry keeps).
pub fn data_dir() -> PathBuf {
    get().data_dir.clone()
}

/// Parses a calendar date given by the user (`YYYY-MM-DD`); `example` is the hint's way of
/// writing one (e.g. `--date 2026-11-28`).
///
/// Errors: not a date, or an impossible one such as 2026-02-30 (exit code 2).
pub fn parse_date(text: &str, example: &str) -> Result<jiff::civil::Date> {
    text.trim().parse::<jiff::civil::Date>().map_err(|_| {
        Error::usage(format!(
            "the date `{text}` is not a calendar date of the form YYYY-MM-DD"
        ))
        .hint(format!("for example: {example}"))
    })
}

/// Today: `OUTCRY_DATE` when set (tests and reproducible runs), else the system's local date.
///
/// Errors: an `OUTCRY_DATE` that is not a date (exit code 2).
pub fn today() -> Result<jiff::civil::Date> {
    match &get().date {
        Some(d) => parse_date(d, "OUTCRY_DATE=2026-11-28"),
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// [`today`], falling back to the system date when `OUTCRY_DATE` is unusable; for notes that
/// must never stop a command.
pub fn today_or_clock() -> jiff::civil::Date {
    today().unwrap_or_else(|_| jiff::Zoned::now().date())
}
