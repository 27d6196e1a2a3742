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
    /// Find your representatives: from a US ZIP code, a state and district, a UK postcode, or
    /// a UK constituency, town, council or county.
    Find {
        /// A UK postcode (SW1A 0AA, or part of one: LS6 9, LS6), constituency, town, council or
        /// county name (e.g. Aldershot); a US ZIP code works here too.
        place: Option<String>,
        /// A US ZIP code (94110, or ZIP+4 94110-1234): your two senators and your House member.
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
        #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::recipient_ids))]
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
        /// The date the data describes (YYYY-MM-DD); default: the date the files carry, else
        /// today (said in the report).
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
    /// Also list people whose term has ended (they are left out by default).
    #[arg(long)]
    pub include_ended: bool,
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
            for w in dir.warnings_for([&r]) {
                eprintln!("{w}");
            }
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
            // Only the data the lookup needs: the US Congress for a ZIP code or a seat, the
            // Commons for a UK postcode or place.
            let us = zip.is_some()
                || state.is_some()
                || place
                    .as_deref()
                    .is_some_and(|p| recipients::find::parse_zip(p).is_some());
            let only: &[&str] = if us {
                &["us-congress.yaml"]
            } else {
                &["uk-commons.yaml"]
            };
            let dir = Directory::load_some(extra, Some(only))?;
            let found = match (&place, &zip, &state, district) {
                (_, Some(zip), _, _) => recipients::find::by_zip(&dir, zip)?,
                (_, _, Some(state), Some(d)) => recipients::find::by_seat(&dir, state, d)?,
                (Some(place), _, _, _) => recipients::find::lookup(&dir, place)?,
                _ => {
                    return Err(Error::usage("say where: a ZIP code, a state and district, a postcode or a place")
                        .hint("for example: outcry recipients find --zip 94110, outcry recipients find \"SW1A 0AA\", or outcry recipients find Aldershot"));
                }
            };
            find_output(&dir, &found, json)
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
            let format = import::ImportFormat::parse(&from)?;
            let dated = import::import_dated(format, &paths, as_of.as_deref(), &csv)?;
            let command = format!(
                "outcry recipients import --from {from} {} --as-of {} --out {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                dated.as_of,
                out.display()
            );
            let yaml = import::to_yaml(&dated.imported, &dated.as_of, &command)?;
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
                dated.imported.recipients.len(),
                out.display()
            );
            import_report(&dated)?;
            Ok(exit::OK)
        }
    }
}

/// The rest of an import report: emails, the date of the data, notes, every dropped or
/// repaired field, and what was skipped.
pub(super) fn import_report(dated: &import::Dated) -> Result<()> {
    let imported = &dated.imported;
    let with_email = imported
        .recipients
        .iter()
        .filter(|r| r.contact.email.is_some())
        .count();
    crate::outln!("  {with_email} with an email address");
    crate::outln!("  data as of {}: {}", dated.as_of, dated.as_of_from);
    for note in &imported.notes {
        crate::outln!("  note: {note}");
    }
    if !imported.fixes.is_empty() {
        crate::outln!(
            "  dropped or repaired {}:",
            crate::support::text::plural(imported.fixes.len(), "field")
        );
        for f in &imported.fixes {
            crate::outln!("    {f}");
        }
    }
    if imported.skipped.is_empty() {
        crate::outln!("  nothing skipped");
    } else {
        crate::outln!("  skipped {}:", imported.skipped.len());
        for s in &imported.skipped {
            crate::outln!("    {s}");
        }
    }
    Ok(())
}

/// Prints what `recipients find` found: notes, then each representative with every channel.
fn find_output(dir: &Directory, found: &recipients::find::Found, json: bool) -> Result<i32> {
    let warnings = dir.warnings_for(found.recipients.iter().copied());
    let bills = super::bills::load_quietly();
    if json {
        for w in &warnings {
            eprintln!("{w}");
        }
        let recipients: Vec<serde_json::Value> = found
            .recipients
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(
                    JsonRecipient::from(*r).with_bills(super::bills::marks(r, &bills)),
                )
                .unwrap_or(serde_json::Value::Null);
                if let Some(share) = found.shares.get(r.id.as_str()) {
                    v["share"] = serde_json::json!((share * 1000.0).round() / 1000.0);
                }
                v
            })
            .collect();
        let mut out = serde_json::json!({
            "notes": found.notes,
            "recipients": recipients,
        });
        if let Some((name, code)) = &found.constituency {
            out["constituency"] = serde_json::json!({"name": name, "code": code});
        }
        if found.postcode {
            out["attribution"] = recipients::uk_postcodes::ATTRIBUTION.into();
        }
        super::print_json(&out)?;
        return Ok(exit::OK);
    }
    for note in &found.notes {
        crate::outln!("note: {note}");
    }
    for w in &warnings {
        eprintln!("{w}");
    }
    if found.recipients.is_empty() {
        return Err(Error::usage("no current representative found there"));
    }
    for r in &found.recipients {
        let share = found
            .shares
            .get(r.id.as_str())
            .map(|s| format!("  ({:.0}% of the area)", (s * 100.0).max(1.0)))
            .unwrap_or_default();
        crate::outln!("{:<36} {}{share}", r.id, crate::conventions::describe(r));
        for c in r.contact.channels() {
            crate::outln!("{:<36}   {c}", "");
        }
        for m in super::bills::marks(r, &bills) {
            crate::outln!("{:<36}   {m}", "");
        }
    }
    let ids: Vec<&str> = found.recipients.iter().map(|r| r.id.as_str()).collect();
    crate::outln!("\nWrite to them with: outcry write --to {}", ids.join(","));
    if found.postcode {
        crate::outln!(
            "Postcode lookup: {}.",
            recipients::uk_postcodes::ATTRIBUTION
        );
    }
    Ok(exit::OK)
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
    /// `female`/`male` where the source gives it; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<&'a str>,
    /// The language letters to them are written in (`conventions::letter_language`).
    language: &'a str,
    committees: &'a [String],
    source: Option<&'a str>,
    as_of: Option<&'a str>,
    term_end: Option<&'a str>,
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
            gender: r.gender.as_deref(),
            language: crate::conventions::letter_language(r),
            committees: &r.committees,
            source: r.source.as_deref(),
            as_of: r.as_of.as_deref(),
            term_end: r.term_end.as_deref(),
            bills: Vec::new(),
        }
    }
}

fn list(args: ListArgs, extra: &[PathBuf]) -> Result<i32> {
    let dir = Directory::load(extra)?;
    let filter = args.filters.into_filter();
    let found = if args.include_ended {
        dir.filter_all(&filter)
    } else {
        dir.filter(&filter)
    };
    for note in dir.warnings_for(found.iter().copied()) {
        eprintln!("{note}");
    }
    let bills = super::bills::load_quietly();
    if !args.include_ended {
        let hidden: Vec<String> = dir
            .ended()
            .into_iter()
            .filter(|r| filter.matches(r))
            .map(|r| format!("{} ({})", r.name, r.term_end.as_deref().unwrap_or("?")))
            .collect();
        if !hidden.is_empty() {
            eprintln!(
                "note: {} whose term has ended {} not listed: {}; pass --include-ended to list them",
                crate::support::text::plural(hidden.len(), "person").replace("persons", "people"),
                if hidden.len() == 1 { "is" } else { "are" },
                hidden.join(", ")
            );
        }
    }
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
            how.push(if r.contact.shared.contains_key("email") {
                "shared email"
            } else {
                "email"
            });
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
    for a in dir.attributions_for(found.iter().copied()) {
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
