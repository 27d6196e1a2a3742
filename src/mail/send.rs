//! The send loop: from `.eml` files on disk to the server, exactly once each.
//!
//! Safe by default: a summary, then a confirmation (or `--yes`); `--dry-run` shows exactly what
//! would be sent; `--limit N`. One connection per batch, a rate limit, retries with back-off
//! for temporary failures, and the sent log so that a rerun sends exactly what is left. What
//! it needs to ask a person goes through a [`Prompter`].
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data`], its siblings in `mail`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::links;
use super::log::{Entry, SentLog, Status, now};
use super::outbox::{self, Outgoing};
use super::secret::{self, Secret};
use super::smtp::{Connection, Failure, Login};
use crate::data::profile::Profile;
use crate::data::profile::smtp::SmtpSettings;
use crate::data::recipients::Directory;
use crate::error::{Error, Result, exit};
use crate::support::text::plural;

/// Options of a send, from `outcry send` or `outcry write --send`.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Show what would be sent; send nothing.
    pub dry_run: bool,
    /// Do not ask for confirmation.
    pub yes: bool,
    /// Send at most this many.
    pub limit: Option<usize>,
    /// Send again letters the log says were delivered or may have been sent.
    pub resend: bool,
    /// Send letters whose earlier attempt has no recorded outcome.
    pub retry_unknown: bool,
    /// Allow `security: none` to a remote server.
    pub insecure: bool,
    /// Print mailto/webmail links instead of sending.
    pub links: bool,
    /// The command that sends what is left, for the hint after a failure (default: "run the
    /// same command again"); `write --send` sets `outcry send FOLDER`, since running `write`
    /// again would refuse to overwrite the letters.
    pub rerun: Option<String>,
}

/// What the send loop may ask the person; `interactive` answers in a terminal, [`NoPrompts`]
/// in scripts.
pub trait Prompter {
    /// Whether there is a person at a terminal to ask.
    fn available(&self) -> bool;
    /// Asks before sending `count` letters through `host`; the default answer is no.
    fn confirm_send(&mut self, count: usize, host: &str) -> Result<bool>;
    /// Asks for the password of `user` on `host`, without showing it.
    fn password(&mut self, user: &str, host: &str) -> Result<Secret>;
}

/// The prompter for scripts: nobody to ask.
pub struct NoPrompts;

impl Prompter for NoPrompts {
    fn available(&self) -> bool {
        false
    }
    fn confirm_send(&mut self, _: usize, _: &str) -> Result<bool> {
        Ok(false)
    }
    fn password(&mut self, user: &str, host: &str) -> Result<Secret> {
        Err(Error::usage(format!(
            "no password for `{user}` on `{host}`"
        )))
    }
}

/// Tries per message for temporary failures.
const TRIES: u32 = 4;

fn retry_delay(attempt: u32) -> Duration {
    // OUTCRY_RETRY_DELAY_MS sets the first delay (tests make it short); it doubles each time.
    let base = crate::support::env::get().retry_delay_ms;
    Duration::from_millis(base.saturating_mul(1 << attempt.min(6)))
}

/// Sends the letters in `paths` as `profile`; `directory` says how to reach the recipients of
/// drafts. `outcry write --send` calls this with what it has already loaded.
pub fn send_letters(
    paths: &[PathBuf],
    opts: &Options,
    profile: &Profile,
    directory: &Directory,
    prompter: &mut dyn Prompter,
) -> Result<i32> {
    let outbox = outbox::load(paths)?;
    if outbox.ready.is_empty() && outbox.drafts.is_empty() {
        return Err(Error::usage(format!(
            "no .eml letters in {}",
            paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("outcry writes .eml files only for recipients who publish an email address; the others get \
               letters for the post, phone and contact forms (.pdf, .call.txt, .form.txt)")
        .hint("to write email letters: outcry write ... --format eml (or --channel email)"));
    }
    if opts.links {
        print_links(&outbox.ready, &outbox.drafts)?;
        return Ok(exit::OK);
    }

    // One sender at a time: the lock is taken before the log is read, so a second run sees
    // what the first one sent. A dry run changes nothing and takes no lock.
    let log_path = SentLog::default_path();
    let mut log = if opts.dry_run {
        SentLog::open(&log_path)?
    } else {
        let wait = Duration::from_secs(crate::support::env::get().lock_wait_seconds);
        SentLog::open_locked(&log_path, wait, || {
            eprintln!(
                "Another `outcry send` is using the sent log; waiting up to {} s for it to finish...",
                wait.as_secs()
            )
        })?
    };
    if let Some(note) = log.damage_note() {
        eprintln!("{note}");
    }
    let mut to_send: Vec<&Outgoing> = Vec::new();
    let mut delivered = Vec::new();
    let mut unknown = Vec::new();
    let mut changed = Vec::new();
    for m in &outbox.ready {
        let earlier = m
            .letter_key
            .as_deref()
            .and_then(|k| log.delivered_version(k))
            .filter(|(id, _)| *id != m.message_id);
        match log.status(&m.message_id) {
            Status::Delivered if !opts.resend => delivered.push(m),
            Status::Unknown if !(opts.resend || opts.retry_unknown) => unknown.push(m),
            Status::New | Status::Failed(_) if !opts.resend && earlier.is_some() => {
                let (_, when) = earlier.unwrap_or_default();
                changed.push((m, when.to_string()));
            }
            _ => to_send.push(m),
        }
    }
    let held = to_send
        .len()
        .saturating_sub(opts.limit.unwrap_or(usize::MAX));
    to_send.truncate(opts.limit.unwrap_or(usize::MAX));

    // What will happen, before anything happens.
    let settings = profile.smtp.clone();
    let via = settings
        .as_ref()
        .map(|s| format!(" via {}:{}", s.host, s.port()))
        .unwrap_or_default();
    crate::outln!(
        "{} {} letter{}{via}{}",
        if opts.dry_run {
            "Would send"
        } else {
            "Ready to send"
        },
        to_send.len(),
        if to_send.len() == 1 { "" } else { "s" },
        if to_send.is_empty() { "." } else { ":" }
    );
    for m in &to_send {
        crate::outln!(
            "  to {}: {}  ({})",
            join(&m.to),
            m.subject,
            m.file.display()
        );
    }
    if held > 0 {
        crate::outln!("  ... and {held} more held back by --limit");
    }
    if !delivered.is_empty() {
        crate::outln!(
            "{} letter{} already sent (see `outcry history`); pass --resend to send again.",
            delivered.len(),
            if delivered.len() == 1 {
                " was"
            } else {
                "s were"
            }
        );
    }
    if !changed.is_empty() {
        crate::outln!(
            "{} held back: {} changed since you sent {}; pass --resend to send the new version:",
            plural(changed.len(), "letter"),
            if changed.len() == 1 { "it" } else { "they" },
            if changed.len() == 1 { "it" } else { "them" },
        );
        for (m, when) in &changed {
            crate::outln!(
                "  to {}: {} (changed since you sent it on {})",
                join(&m.to),
                m.file.display(),
                readable_time(when)
            );
        }
    }
    if !unknown.is_empty() {
        crate::outln!(
            "{} letter{} held back: an earlier run sent {} and the server never confirmed {} (the run was interrupted, or the server did not answer), so {} may or may not have arrived:",
            unknown.len(),
            if unknown.len() == 1 { " is" } else { "s are" },
            if unknown.len() == 1 { "it" } else { "them" },
            if unknown.len() == 1 { "it" } else { "them" },
            if unknown.len() == 1 { "it" } else { "they" }
        );
        for m in &unknown {
            crate::outln!("  to {}: {}", join(&m.to), m.file.display());
        }
        crate::outln!(
            "  Check your Sent folder; to send {} again, run again with --retry-unknown.",
            if unknown.len() == 1 { "it" } else { "them" }
        );
    }
    if !outbox.drafts.is_empty() {
        crate::outln!("Not sent by email (no published address); reach them another way:");
        for d in &outbox.drafts {
            let reach = d
                .recipient_id
                .as_deref()
                .and_then(|id| directory.get(id))
                .map(|r| r.contact.channels())
                .filter(|c| !c.is_empty())
                .map(|c| c.join("; "))
                .unwrap_or_else(|| "no contact details known".into());
            crate::outln!("  {}: {reach}", d.file.display());
        }
    }

    if opts.dry_run {
        for m in &to_send {
            crate::outln!("\n--- {} ---", m.file.display());
            crate::outln!(
                "From: {}\nTo: {}\nSubject: {}\nMessage-ID: {}\n",
                m.from,
                join(&m.to),
                m.subject,
                m.message_id
            );
            crate::out!("{}", outbox::body_text(m));
        }
        crate::outln!("\nDry run: nothing was sent.");
        return Ok(exit::OK);
    }
    if to_send.is_empty() {
        return Ok(exit::OK);
    }
    let Some(settings) = settings else {
        return Err(Error::usage(
            "no mail server is set up in your profile, so outcry cannot send",
        )
        .hint("add an `smtp:` block to your profile (see the README, \"Sending letters by email\")")
        .hint("or open each letter in your own mail program: outcry send --links FOLDER"));
    };
    settings.check(opts.insecure)?;

    if !opts.yes {
        if !prompter.available() {
            return Err(Error::usage("sending needs your confirmation")
                .hint("pass --yes to send without being asked, or --dry-run to see exactly what would be sent"));
        }
        if !prompter.confirm_send(to_send.len(), &settings.host)? {
            return Err(Error::interrupted("cancelled; nothing was sent")
                .hint("your letters are still on disk"));
        }
    }
    let login = login(&settings, prompter)?;
    let rerun = opts.rerun.clone().unwrap_or_else(|| {
        "run the same command again to send the rest; letters already sent are skipped".into()
    });
    send_all(&to_send, &settings, login.as_ref(), &mut log, &rerun)
}

/// `2026-11-28T10:05:00Z` → `2026-11-28 10:05 UTC`; anything else as it is.
fn readable_time(rfc3339: &str) -> String {
    match rfc3339.parse::<jiff::Timestamp>() {
        Ok(t) => t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        Err(_) => rfc3339.to_string(),
    }
}

/// The single-threaded runtime that drives one SMTP connection.
fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure(format!("could not start the network runtime: {e}")))
}

fn join(addrs: &[lettre::Address]) -> String {
    addrs
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// How to log in: no login without `smtp.username`; an OAuth 2.0 token from
/// `smtp.oauth2_token_command`; else the password (environment, command, or a prompt).
fn login(settings: &SmtpSettings, prompter: &mut dyn Prompter) -> Result<Option<Login>> {
    let Some(user) = &settings.username else {
        return Ok(None);
    };
    if let Some(command) = settings
        .oauth2_token_command
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        return Ok(Some(Login {
            user: user.clone(),
            secret: secret::from_command(command, "OAuth 2.0 token")?,
            oauth2: true,
        }));
    }
    let password = match secret::from_env_or_command(settings.password_command.as_deref())? {
        Some(p) => p,
        None if prompter.available() => prompter.password(user, &settings.host)?,
        None => {
            return Err(Error::usage(format!("no password for `{user}` on `{}`", settings.host))
                .hint("set OUTCRY_SMTP_PASSWORD, or `smtp.password_command` in your profile (e.g. `pass show mail`)"));
        }
    };
    Ok(Some(Login {
        user: user.clone(),
        secret: password,
        oauth2: false,
    }))
}

fn print_links(ready: &[Outgoing], drafts: &[Outgoing]) -> Result<()> {
    for m in ready.iter().chain(drafts) {
        let to: Vec<String> = m.to.iter().map(|a| a.to_string()).collect();
        crate::outln!(
            "{} (to {}):",
            m.file.display(),
            if to.is_empty() {
                "no address: fill it in".into()
            } else {
                to.join(", ")
            }
        );
        let mut too_long = false;
        for (name, url, with_text) in links::compose_links(&to, &m.subject, &outbox::body_text(m)) {
            crate::outln!("  {name}: {url}");
            too_long |= !with_text;
        }
        if too_long {
            // The plain-text letter beside the .eml, when `write` made one.
            let txt = m.file.with_extension("txt");
            let text_file = if txt.is_file() { txt } else { m.file.clone() };
            crate::outln!(
                "  The letter is too long to put in a link (over {} characters): these open a message \
                 with the address and subject; paste the text from {}",
                links::MAX_LINK_CHARS,
                text_file.display()
            );
        }
    }
    Ok(())
}

/// What happened to the letters of one batch, for the summary.
#[derive(Default)]
struct Tally {
    sent: usize,
    /// (file, why): refused or given up on; nothing was delivered.
    failed: Vec<(String, String)>,
    /// (file, why): the whole message went out and no answer came back.
    unknown: Vec<(String, String)>,
}

/// After this many letters in a row with an unknown outcome, the batch stops: the server is
/// not confirming what it receives, and every further letter would be one more unknown.
const UNKNOWN_IN_A_ROW: usize = 2;

/// Sends each message over one connection, reconnecting after temporary failures. Whatever
/// ends the batch (the last letter, a fatal refusal, a full disk, Ctrl-C), the summary says
/// what was delivered, what was not, and what is unknown.
fn send_all(
    messages: &[&Outgoing],
    settings: &SmtpSettings,
    login: Option<&Login>,
    log: &mut SentLog,
    rerun: &str,
) -> Result<i32> {
    let runtime = runtime()?;
    let batch = crate::support::interrupt::Batch::start();
    let interval = match settings.rate_limit_per_minute {
        0 => Duration::ZERO,
        n => Duration::from_secs_f64(60.0 / f64::from(n)),
    };
    let mut conn: Option<Connection> = None;
    let mut tally = Tally::default();
    let mut last_start: Option<Instant> = None;
    let mut stop: Option<Failure> = None;
    let mut log_error: Option<Error> = None;
    let mut interrupted = false;
    let mut unknown_in_a_row = 0;
    let mut given_up_in_a_row = 0;
    'messages: for (i, m) in messages.iter().enumerate() {
        if let Some(t) = last_start {
            batch.sleep(interval.saturating_sub(t.elapsed()));
        }
        if batch.requested() {
            interrupted = true;
            break;
        }
        last_start = Some(Instant::now());
        let mut rcpt = m.to.clone();
        if settings.bcc_self && !rcpt.contains(&m.from) {
            rcpt.push(m.from.clone());
        }
        let envelope = match lettre::address::Envelope::new(Some(m.from.clone()), rcpt) {
            Ok(e) => e,
            Err(e) => {
                tally
                    .failed
                    .push((m.file.display().to_string(), e.to_string()));
                continue;
            }
        };
        let entry = |event: &str, reply: Option<String>| Entry {
            time: now(),
            event: event.into(),
            message_id: m.message_id.clone(),
            letter: m.letter_key.clone(),
            written: m.written.clone(),
            to: m.to.iter().map(|a| a.to_string()).collect(),
            subject: m.subject.clone(),
            file: m.file.display().to_string(),
            reply,
        };
        // A log that cannot be written (a full disk) ends the batch; the summary still
        // counts what the server confirmed.
        macro_rules! record {
            ($event:expr, $reply:expr) => {
                if let Err(e) = log.record(entry($event, $reply)) {
                    log_error = Some(e);
                    break 'messages;
                }
            };
        }
        let mut last_error = String::new();
        let mut connect_failed = false;
        for attempt in 0..TRIES {
            if attempt > 0 {
                let delay = retry_delay(attempt - 1);
                eprintln!(
                    "  {last_error}; trying again in {:.0}s",
                    delay.as_secs_f64().max(1.0)
                );
                batch.sleep(delay);
                if batch.requested() {
                    interrupted = true;
                    break 'messages;
                }
            }
            if conn.as_ref().is_none_or(Connection::is_broken) {
                conn = None;
                match runtime.block_on(Connection::open(settings, login)) {
                    Ok(c) => {
                        conn = Some(c);
                        connect_failed = false;
                    }
                    Err(Failure::Transient(e)) => {
                        last_error = e;
                        connect_failed = true;
                        continue;
                    }
                    Err(f) => {
                        stop = Some(f);
                        break 'messages;
                    }
                }
            }
            let Some(c) = conn.as_mut() else { continue };
            record!("attempt", None);
            let bytes = m.transmitted(&outbox::date_now());
            match runtime.block_on(c.send(settings, &envelope, &bytes)) {
                Ok(reply) => {
                    unknown_in_a_row = 0;
                    given_up_in_a_row = 0;
                    tally.sent += 1;
                    // Counted before it is recorded: if the record fails, the summary
                    // still says it went (and the log's attempt holds it back next time).
                    record!("delivered", Some(reply));
                    crate::outln!("  sent {}/{}: to {}", i + 1, messages.len(), join(&m.to));
                    continue 'messages;
                }
                Err(Failure::Permanent(e)) => {
                    unknown_in_a_row = 0;
                    given_up_in_a_row = 0;
                    eprintln!("  refused: to {}: {e}", join(&m.to));
                    tally.failed.push((m.file.display().to_string(), e.clone()));
                    record!("failed", Some(e));
                    continue 'messages;
                }
                Err(Failure::Unknown(e)) => {
                    eprintln!("  no confirmation: to {}: {e}", join(&m.to));
                    tally
                        .unknown
                        .push((m.file.display().to_string(), e.clone()));
                    record!("unknown", Some(e));
                    conn = None;
                    unknown_in_a_row += 1;
                    if unknown_in_a_row >= UNKNOWN_IN_A_ROW {
                        stop = Some(Failure::Fatal {
                            message: format!(
                                "the server did not confirm {UNKNOWN_IN_A_ROW} letters in a row, so outcry stopped"
                            ),
                            hint: "the server may be overloaded; wait a while, check your Sent folder, then run again (letters not confirmed are not sent again without --retry-unknown)".into(),
                        });
                        break 'messages;
                    }
                    continue 'messages;
                }
                Err(Failure::Transient(e)) => {
                    record!("failed", Some(e.clone()));
                    last_error = e;
                }
                Err(f) => {
                    record!("failed", Some(f.text().to_string()));
                    stop = Some(f);
                    break 'messages;
                }
            }
        }
        if connect_failed {
            // No connection after every try: the server is down or unreachable; stop here.
            stop = Some(Failure::Transient(last_error));
            break;
        }
        eprintln!(
            "  gave up after {TRIES} tries: to {}: {last_error}",
            join(&m.to)
        );
        tally
            .failed
            .push((m.file.display().to_string(), last_error.clone()));
        // Two letters in a row given up on: the server is failing, and every further letter
        // would take as long again. Stop, so the run stays bounded.
        given_up_in_a_row += 1;
        if given_up_in_a_row >= 2 {
            stop = Some(Failure::Transient(format!(
                "the server failed {} letters in a row ({last_error}), so outcry stopped",
                given_up_in_a_row
            )));
            break;
        }
    }
    if batch.requested() {
        interrupted = true;
    }
    if let Some(c) = conn.take()
        && let Some(note) = runtime.block_on(c.quit())
    {
        eprintln!("note: {note}; the letters it confirmed are delivered all the same.");
    }
    drop(batch);
    summarize(
        messages.len(),
        tally,
        stop,
        log_error,
        interrupted,
        log,
        rerun,
    )
}

/// The end of a batch: one line on stdout, the letters held back, and the error (if any)
/// with its exit code: 0 all sent, 3 some sent, 4 none sent, 130 stopped by Ctrl-C.
fn summarize(
    total: usize,
    tally: Tally,
    stop: Option<Failure>,
    log_error: Option<Error>,
    interrupted: bool,
    log: &SentLog,
    rerun: &str,
) -> Result<i32> {
    let Tally {
        sent,
        failed,
        unknown,
    } = tally;
    let not_tried = total - sent - failed.len() - unknown.len();
    crate::outln!(
        "Sent {sent} of {}. The sent log is {}.",
        plural(total, "letter"),
        log.path().display()
    );
    if !unknown.is_empty() {
        crate::outln!(
            "{} may or may not have arrived: the server took {} but never confirmed {}. {} held back:",
            plural(unknown.len(), "letter"),
            if unknown.len() == 1 { "it" } else { "them" },
            if unknown.len() == 1 { "it" } else { "them" },
            if unknown.len() == 1 {
                "It is"
            } else {
                "They are"
            },
        );
        for (file, _) in &unknown {
            crate::outln!("  {file}");
        }
        crate::outln!(
            "  Check your Sent folder (or ask the office); to send {} again anyway, add --retry-unknown.",
            if unknown.len() == 1 { "it" } else { "them" }
        );
    }
    let counts = |lead: String| {
        let mut parts = vec![lead];
        if !failed.is_empty() {
            parts.push(format!("{} not sent", plural(failed.len(), "letter")));
        }
        if not_tried > 0 {
            parts.push(format!("{} not tried", plural(not_tried, "letter")));
        }
        if !unknown.is_empty() {
            parts.push(format!("{} unknown", plural(unknown.len(), "letter")));
        }
        parts.join("; ")
    };
    let kind = |message: String| {
        if sent == 0 {
            Error::not_sent(message)
        } else {
            Error::partial(message)
        }
    };
    if interrupted {
        return Err(
            Error::interrupted(counts(format!("stopped by Ctrl-C: {sent} sent")))
                .hint(rerun.to_string()),
        );
    }
    if let Some(e) = log_error {
        return Err(kind(counts(format!(
            "{}; outcry stopped: {sent} sent",
            e.message()
        )))
        .hint("free some space (or fix the data folder), then run again; a letter whose outcome could not be recorded is held back")
        .hint(rerun.to_string()));
    }
    if let Some(f) = stop {
        let (message, hint) = match f {
            Failure::Fatal { message, hint } => (message, hint),
            Failure::Transient(m) | Failure::Permanent(m) | Failure::Unknown(m) => (
                m,
                "check the server name and port, and your connection".into(),
            ),
        };
        let not_sent = total - sent - unknown.len();
        let mut summary = format!("{message}; {} not sent", plural(not_sent, "letter"));
        if !unknown.is_empty() {
            summary.push_str(&format!(", {} unknown", unknown.len()));
        }
        return Err(kind(summary).hint(hint).hint(rerun.to_string()));
    }
    if failed.is_empty() && unknown.is_empty() {
        return Ok(exit::OK);
    }
    let mut message = if failed.is_empty() {
        format!(
            "{} not confirmed by the server:",
            if unknown.len() == 1 {
                "1 letter was".to_string()
            } else {
                format!("{} letters were", unknown.len())
            }
        )
    } else {
        format!("{} could not be sent:", plural(failed.len(), "letter"))
    };
    for (file, why) in &failed {
        message.push_str(&format!("\n  `{file}`: {why}"));
    }
    if !failed.is_empty() && !unknown.is_empty() {
        message.push_str(&format!(
            "\n{} not confirmed by the server:",
            plural(unknown.len(), "letter")
        ));
    }
    for (file, why) in &unknown {
        message.push_str(&format!("\n  `{file}`: {why}"));
    }
    let mut err = kind(message);
    if !failed.is_empty() {
        err = err.hint(rerun.to_string());
    }
    if !unknown.is_empty() {
        err = err.hint("letters not confirmed are held back: check your Sent folder; --retry-unknown sends them again");
    }
    Err(err)
}

/// Connects to the server in `settings` (securing the connection as they say) without
/// logging in or sending, and says whether it offers a login: the wizard and `profile init`
/// ask for a login name only when it does.
///
/// Errors: the settings are unsafe (`security: none` to another machine), or the server
/// cannot be reached or secured (the message and hint say why).
pub fn probe(settings: &SmtpSettings) -> Result<bool> {
    settings.check(false)?;
    let runtime = runtime()?;
    match runtime.block_on(Connection::open(settings, None)) {
        Ok(c) => {
            let offered = c.offers_login();
            let _ = runtime.block_on(c.quit());
            Ok(offered)
        }
        Err(Failure::Fatal { message, hint }) => Err(Error::failure(message).hint(hint)),
        Err(f) => Err(Error::failure(f.text().to_string())
            .hint("check the server name, the port and the security, and your connection")),
    }
}

/// Connects and logs in without sending (`outcry profile test-smtp`).
pub fn test_connection(
    profile: &Profile,
    insecure: bool,
    prompter: &mut dyn Prompter,
) -> Result<i32> {
    let Some(settings) = &profile.smtp else {
        return Err(Error::usage("no mail server is set up in your profile")
            .hint("add an `smtp:` block (see the README, \"Sending letters by email\"), or run outcry profile init"));
    };
    settings.check(insecure)?;
    let login = login(settings, prompter)?;
    let runtime = runtime()?;
    match runtime.block_on(Connection::open(settings, login.as_ref())) {
        Ok(c) => {
            if let Some(note) = runtime.block_on(c.quit()) {
                eprintln!("note: {note}");
            }
            crate::outln!(
                "Connected to {}:{} ({:?}){}. Nothing was sent.",
                settings.host,
                settings.port(),
                settings.security,
                settings
                    .username
                    .as_ref()
                    .map(|u| format!(" and logged in as {u}"))
                    .unwrap_or_default()
            );
            Ok(exit::OK)
        }
        Err(Failure::Fatal { message, hint }) => Err(Error::failure(message).hint(hint)),
        Err(f) => Err(Error::failure(f.text().to_string())
            .hint("check smtp.host, smtp.port and your connection")),
    }
}
