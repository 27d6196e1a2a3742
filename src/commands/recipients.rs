//! `outcry recipients list|show|check|import`.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use serde::Serialize;

use clap::{Args, Subcommand};

use crate::data::import;
use crate::data::recipients::{self, Directory, Recipient};
use crate::error::{Error, Result, exit};

/// `outcry recipients ...`
#[derive(Debug, Subcommand)]
pub enum RecipientsCommand {
    /// List recipients, optionally filtered.
    List(ListArgs),
    /// Find your representatives: from a US ZIP code, a state and district, or a UK
    /// constituency, town or council.
    Find {
        /// A UK constituency, town or council name (e.g. Aldershot).
        place: Option<String>,
        /// A US ZIP code: your two senators and your House member.
        #[arg(long, value_name = "ZIP", conflicts_with = "place")]
        zip: Option<String>,
        /// A US state (two letters), with --district.
        #[arg(long, value_name = "STATE", conflicts_with_all = ["place", "zip"], requires = "district")]
        state: Option<String>,
        /// A US congressional district number (0 for at large), with --state.
        #[arg(long, value_name = "N", requires = "state")]
        district: Option<u32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show everything known about one recipient.
    Show {
        /// The recipient id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a recipients file and report every problem with its line.
    Check {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert a public dataset into a recipients file.
    Import {
        /// The dataset format: congress-legislators, uk-mp-lookup, openstates, europarl or csv.
        #[arg(long = "from", value_name = "FORMAT")]
        from: String,
        /// The dataset's files or folder.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the recipients YAML.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The date the data describes (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// For --from csv: fill FIELD from COLUMN (FIELD=COLUMN); repeatable.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// For --from csv: set FIELD to VALUE for every row (e.g. body=legislature); repeatable.
        #[arg(long = "const", value_name = "FIELD=VALUE")]
        constant: Vec<String>,
    },
}

/// Criteria for choosing recipients, shared by `recipients list` and `write --all`.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Country (ISO code such as US or GB; UK also works).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// Body: us-senate, us-house, uk-commons, ...
    #[arg(long, value_name = "BODY")]
    pub body: Option<String>,
    /// State or region (e.g. MA, "South East").
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// District or constituency (e.g. 14, Aldershot).
    #[arg(long, value_name = "DISTRICT")]
    pub district: Option<String>,
    /// Party (part of its name).
    #[arg(long, value_name = "PARTY")]
    pub party: Option<String>,
    /// Committee code (e.g. SSFR) or part of its name.
    #[arg(long, value_name = "COMMITTEE")]
    pub committee: Option<String>,
    /// Words that must all appear in the name, place, party or role.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Whether any criterion was given.
    pub fn is_empty(&self) -> bool {
        [
            &self.country,
            &self.body,
            &self.region,
            &self.district,
            &self.party,
            &self.committee,
            &self.search,
        ]
        .iter()
        .all(|f| f.is_none())
    }

    /// The filter these flags describe.
    pub fn into_filter(self) -> crate::data::recipients::Filter {
        crate::data::recipients::Filter {
            country: self.country,
            body: self.body,
            region: self.region,
            district: self.district,
            party: self.party,
            committee: self.committee,
            search: self.search,
        }
    }
}

/// Filters of `outcry recipients list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which recipients.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs a recipients command.
pub fn run(cmd: RecipientsCommand, extra: &[PathBuf]) -> Result<i32> {
    match cmd {
        RecipientsCommand::List(args) => list(args, extra),
        RecipientsCommand::Show { id, json } => {
            let dir = Directory::load(extra)?;
            let r = dir.resolve(std::slice::from_ref(&id))?.remove(0);
            let bills = super::bills::load_quietly();
            let marks = super::bills::marks(&r, &bills);
            if json {
                super::print_json(&JsonRecipient::from(&r).with_bills(marks))?;
            } else {
                let text = serde_yaml::to_string(&r).map_err(|e| Error::failure(e.to_string()))?;
                crate::out!("{text}");
                if !marks.is_empty() {
                    // What they did about the imported bills, as YAML like the rest.
                    let lines: Vec<String> = marks.iter().map(ToString::to_string).collect();
                    let text = serde_yaml::to_string(&serde_json::json!({ "bills": lines }))
                        .map_err(|e| Error::failure(e.to_string()))?;
                    crate::out!("{text}");
                }
            }
            Ok(exit::OK)
        }
        RecipientsCommand::Check { files } => check(&files),
        RecipientsCommand::Find {
            place,
            zip,
            state,
            district,
            json,
        } => {
            let dir = Directory::load(extra)?;
            let found = match (&place, &zip, &state, district) {
                (_, Some(zip), _, _) => recipients::find::by_zip(&dir, zip)?,
                (_, _, Some(state), Some(d)) => {
                    recipients::find::by_districts(&dir, &[(state.to_uppercase(), d)])
                }
                (Some(place), _, _, _) => recipients::find::by_place(&dir, place)?,
                _ => {
                    return Err(Error::usage("say where: a ZIP code, a state and district, or a place")
                        .hint("for example: outcry recipients find --zip 94110, or outcry recipients find Aldershot"));
                }
            };
            let bills = super::bills::load_quietly();
            if json {
                let out = serde_json::json!({
                    "notes": found.notes,
                    "recipients": found.recipients.iter().map(|r| JsonRecipient::from(*r).with_bills(super::bills::marks(r, &bills))).collect::<Vec<_>>(),
                });
                super::print_json(&out)?;
                return Ok(exit::OK);
            }
            for note in &found.notes {
                crate::outln!("note: {note}");
            }
            if found.recipients.is_empty() {
                return Err(Error::usage("no current representative found there"));
            }
            for r in &found.recipients {
                crate::outln!("{:<36} {}", r.id, crate::conventions::describe(r));
                for c in r.contact.channels() {
                    crate::outln!("{:<36}   {c}", "");
                }
                for m in super::bills::marks(r, &bills) {
                    crate::outln!("{:<36}   {m}", "");
                }
            }
            let ids: Vec<&str> = found.recipients.iter().map(|r| r.id.as_str()).collect();
            crate::outln!("\nWrite to them with: outcry write --to {}", ids.join(","));
            Ok(exit::OK)
        }
        RecipientsCommand::Import {
            from,
            paths,
            out,
            as_of,
            force,
            map,
            constant,
        } => {
            let csv = import::CsvOptions {
                map: import::parse_pairs(&map, "--map")?,
                constant: import::parse_pairs(&constant, "--const")?,
            };
            let as_of = match as_of {
                Some(d) => {
                    d.parse::<jiff::civil::Date>().map_err(|_| {
                        Error::usage(format!("--as-of `{d}` is not a date like 2026-06-15"))
                    })?;
                    d
                }
                None => crate::support::env::today()?.to_string(),
            };
            let format = import::ImportFormat::parse(&from)?;
            let imported = import::import(format, &paths, &as_of, &csv)?;
            let command = format!(
                "outcry recipients import --from {from} {} --as-of {as_of} --out {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                out.display()
            );
            let yaml = import::to_yaml(&imported, &as_of, &command)?;
            // Validate what we produce exactly as a user file would be.
            let parsed = recipients::parse_file(&out, &yaml);
            if !parsed.problems.is_empty() {
                return Err(crate::error::problems_error(
                    "the imported data did not pass validation",
                    &parsed.problems,
                    "this is a bug in the importer; please report it with the source file",
                ));
            }
            crate::support::fs::write_atomic(&out, yaml.as_bytes(), force)?;
            crate::outln!(
                "Imported {} recipients into {}",
                imported.recipients.len(),
                out.display()
            );
            let with_email = imported
                .recipients
                .iter()
                .filter(|r| r.contact.email.is_some())
                .count();
            crate::outln!("  {with_email} with an email address");
            for note in &imported.notes {
                crate::outln!("  note: {note}");
            }
            if imported.skipped.is_empty() {
                crate::outln!("  nothing skipped");
            } else {
                crate::outln!("  skipped {}:", imported.skipped.len());
                for s in &imported.skipped {
                    crate::outln!("    {s}");
                }
            }
            Ok(exit::OK)
        }
    }
}

/// The `--json` shape of a recipient: the documented fields first.
#[derive(Serialize)]
struct JsonRecipient<'a> {
    id: &'a str,
    name: &'a str,
    country: &'a str,
    body: &'a str,
    region: Option<&'a str>,
    district: Option<&'a str>,
    party: Option<&'a str>,
    contact: &'a recipients::Contact,
    role: Option<&'a str>,
    honorific: Option<&'a str>,
    committees: &'a [String],
    source: Option<&'a str>,
    as_of: Option<&'a str>,
    /// What they did about the imported bills (`outcry bills import`); left out when nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    bills: Vec<crate::data::bills::Mark>,
}

impl JsonRecipient<'_> {
    fn with_bills(mut self, bills: Vec<crate::data::bills::Mark>) -> Self {
        self.bills = bills;
        self
    }
}

impl<'a> From<&'a Recipient> for JsonRecipient<'a> {
    fn from(r: &'a Recipient) -> Self {
        JsonRecipient {
            id: &r.id,
            name: &r.name,
            country: &r.country,
            body: &r.body,
            region: r.region.as_deref(),
            district: r.district.as_deref(),
            party: r.party.as_deref(),
            contact: &r.contact,
            role: r.role.as_deref(),
            honorific: r.honorific.as_deref(),
            committees: &r.committees,
            source: r.source.as_deref(),
            as_of: r.as_of.as_deref(),
            bills: Vec::new(),
        }
    }
}

fn list(args: ListArgs, extra: &[PathBuf]) -> Result<i32> {
    let dir = Directory::load(extra)?;
    let filter = args.filters.into_filter();
    let found = dir.filter(&filter);
    for note in dir.staleness_notes() {
        eprintln!("{note}");
    }
    let bills = super::bills::load_quietly();
    if args.json {
        let out: Vec<JsonRecipient> = found
            .iter()
            .map(|r| JsonRecipient::from(*r).with_bills(super::bills::marks(r, &bills)))
            .collect();
        super::print_json(&out)?;
        return Ok(exit::OK);
    }
    if found.is_empty() {
        return Err(Error::usage("no recipient matches")
            .hint("loosen the filters, or try --search with part of a name"));
    }
    for r in &found {
        let mut how = Vec::new();
        if r.contact.email.is_some() {
            how.push("email");
        }
        if !r.contact.postal.is_empty() {
            how.push("post");
        }
        if r.contact.phone.is_some() {
            how.push("phone");
        }
        if r.contact.contact_form.is_some() {
            how.push("form");
        }
        crate::outln!(
            "{:<36} {}  [{}]",
            r.id,
            crate::conventions::describe(r),
            how.join(", ")
        );
        for m in super::bills::marks(r, &bills) {
            crate::outln!("{:<36}   {m}", "");
        }
    }
    crate::outln!(
        "\n{} recipient{}",
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    );
    let used: Vec<&str> = dir
        .provenance
        .iter()
        .filter_map(|p| p.attribution.as_deref())
        .collect();
    for a in used {
        crate::outln!("{a}");
    }
    Ok(exit::OK)
}

fn check(files: &[PathBuf]) -> Result<i32> {
    let mut problems = Vec::new();
    let mut count = 0;
    for path in files {
        let text = crate::support::fs::read_text(path, "recipients file")?;
        let parsed = recipients::parse_file(path, &text);
        count += parsed.recipients.len();
        problems.extend(parsed.problems);
        // Valid, but many servers refuse them: say so before a send does.
        for r in &parsed.recipients {
            if let Some(email) = r.contact.email.as_deref().filter(|e| !e.is_ascii()) {
                let line = text
                    .lines()
                    .position(|l| l.contains(email))
                    .map(|i| format!(":{}", i + 1))
                    .unwrap_or_default();
                eprintln!(
                    "warning: {}{line}: email `{email}` has non-ASCII characters; mail servers without SMTPUTF8 refuse it, so give an ASCII address too if the office has one",
                    path.display()
                );
            }
        }
    }
    if problems.is_empty() {
        crate::outln!(
            "{count} recipient{} checked: no problems",
            if count == 1 { "" } else { "s" }
        );
        return Ok(exit::OK);
    }
    Err(Error::usage(format!(
        "{} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ))
    .details(problems.iter().map(ToString::to_string))
    .hint("the README section \"Recipient files\" describes every field"))
}
