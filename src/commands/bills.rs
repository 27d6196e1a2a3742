//! `outcry bills import|list`: bill-status files from congress.gov, and who backs the bills.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use clap::Subcommand;

use crate::data::bills::{Added, Bills, Mark};
use crate::data::recipients::Recipient;
use crate::error::{Error, Result, exit};

/// `outcry bills ...`
#[derive(Debug, Subcommand)]
pub enum BillsCommand {
    /// Read bill-status XML files (BILLSTATUS-119hr1503.xml from govinfo or congress.gov)
    /// and keep the bills in the data folder; listings then mark sponsors and cosponsors.
    Import {
        /// The BILLSTATUS XML files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Replace a stored bill even with a file older than the stored copy.
        #[arg(long)]
        force: bool,
    },
    /// List the imported bills: title, date of the data, latest action, cosponsors.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a bills command.
pub fn run(cmd: BillsCommand) -> Result<i32> {
    match cmd {
        BillsCommand::Import { files, force } => import(&files, force),
        BillsCommand::List { json } => list(json),
    }
}

fn import(files: &[PathBuf], force: bool) -> Result<i32> {
    let today = crate::support::env::today()?;
    let mut bills = Bills::load(&Bills::default_path())?;
    let mut parsed = Vec::new();
    // Every file is read before anything is stored: one bad file stores nothing.
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io("read the bill-status file", path, &e))?;
        parsed.push(crate::data::bills::parse(path, &text, today)?);
    }
    let mut changed = false;
    for bill in parsed {
        let (label, as_of, cosponsors) = (
            bill.label(),
            bill.as_of,
            bill.cosponsors
                .iter()
                .filter(|c| c.withdrawn.is_none())
                .count(),
        );
        let what = match bills.add(bill, force) {
            Added::New => "imported",
            Added::Updated(_) => "updated",
            Added::KeptNewer(newer) => {
                crate::outln!(
                    "{label}: kept the stored bill status of {newer}; this file is older ({as_of}). Pass --force to use it anyway."
                );
                continue;
            }
        };
        changed = true;
        crate::outln!(
            "{label}: {what} (bill status of {as_of}; {cosponsors} cosponsor{})",
            if cosponsors == 1 { "" } else { "s" }
        );
    }
    if changed {
        bills.save()?;
        crate::outln!(
            "\nSponsors and cosponsors are marked in `outcry recipients list` and `show`."
        );
    }
    Ok(exit::OK)
}

fn list(json: bool) -> Result<i32> {
    let bills = Bills::load(&Bills::default_path())?;
    if json {
        super::print_json(&bills.bills)?;
        return Ok(exit::OK);
    }
    if bills.bills.is_empty() {
        crate::outln!(
            "No bills imported yet; import one with: outcry bills import BILLSTATUS-119hr1503.xml"
        );
        return Ok(exit::OK);
    }
    for b in &bills.bills {
        let active = b
            .cosponsors
            .iter()
            .filter(|c| c.withdrawn.is_none())
            .count();
        crate::outln!("{}  {}", b.label(), b.title);
        crate::outln!(
            "    bill status of {} ({}); {active} cosponsor{}",
            b.as_of,
            b.source,
            if active == 1 { "" } else { "s" }
        );
        if let Some(a) = &b.latest_action {
            crate::outln!("    latest action {}: {}", a.date, a.text);
        }
    }
    Ok(exit::OK)
}

/// What each recipient did about the imported bills (by `ids.bioguide`); empty when no bill
/// is imported or the bills cannot be read (listings never fail for it).
pub fn marks(recipient: &Recipient, bills: &Bills) -> Vec<Mark> {
    match recipient.ids.get("bioguide") {
        Some(id) => bills.marks(id, crate::support::env::today_or_clock()),
        None => Vec::new(),
    }
}

/// The imported bills, or none when they cannot be read (with a warning).
pub fn load_quietly() -> Bills {
    Bills::load(&Bills::default_path()).unwrap_or_else(|e| {
        eprintln!("warning: the imported bills were left out: {}", e.message());
        Bills::default()
    })
}

/// For the wizard: tells which of the chosen recipients cosponsor an imported bill of a
/// Congress still sitting, and returns whether every one of them does (so the thank-you letter
/// suits them all).
pub fn note_cosponsors(chosen: &[Recipient]) -> bool {
    let bills = load_quietly();
    if bills.bills.is_empty() {
        return false;
    }
    let mut all = !chosen.is_empty();
    for r in chosen {
        let current: Vec<Mark> = marks(r, &bills)
            .into_iter()
            .filter(|m| m.is_cosponsor() && m.congress_ended.is_none())
            .collect();
        match current.first() {
            Some(m) => eprintln!(
                "{} {m}: thank them, and ask them to keep going (the thank-you letter is offered first{}).",
                crate::conventions::address_name(r),
                if chosen.len() > 1 {
                    " when all of them did"
                } else {
                    ""
                }
            ),
            None => all = false,
        }
    }
    all
}
