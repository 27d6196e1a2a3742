//! `outcry recipients list|show|check|import`.

use std::path::PathBuf;

use serde::Serialize;

use crate::cli::{ListArgs, RecipientsCommand};
use crate::error::{Error, Result, exit};
use crate::recipients::{self, Directory, Recipient, import};

/// Runs a recipients command.
pub fn run(cmd: RecipientsCommand, extra: &[PathBuf]) -> Result<i32> {
    match cmd {
        RecipientsCommand::List(args) => list(args, extra),
        RecipientsCommand::Show { id, json } => {
            let dir = Directory::load(extra)?;
            let r = dir.resolve(std::slice::from_ref(&id))?.remove(0);
            if json {
                super::print_json(&JsonRecipient::from(&r))?;
            } else {
                let text = serde_yaml::to_string(&r).map_err(|e| Error::failure(e.to_string()))?;
                print!("{text}");
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
            if json {
                let out = serde_json::json!({
                    "notes": found.notes,
                    "recipients": found.recipients.iter().map(|r| JsonRecipient::from(*r)).collect::<Vec<_>>(),
                });
                super::print_json(&out)?;
                return Ok(exit::OK);
            }
            for note in &found.notes {
                println!("note: {note}");
            }
            if found.recipients.is_empty() {
                return Err(Error::usage("no current representative found there"));
            }
            for r in &found.recipients {
                println!("{:<36} {}", r.id, crate::interactive::describe(r));
                for c in r.contact.channels() {
                    println!("{:<36}   {c}", "");
                }
            }
            let ids: Vec<&str> = found.recipients.iter().map(|r| r.id.as_str()).collect();
            println!("\nWrite to them with: outcry write --to {}", ids.join(","));
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
                None => jiff::Zoned::now().date().to_string(),
            };
            let imported = import::import(&from, &paths, &as_of, &csv)?;
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
            crate::output::write_atomic(&out, yaml.as_bytes(), force)?;
            println!(
                "Imported {} recipients into {}",
                imported.recipients.len(),
                out.display()
            );
            let with_email = imported
                .recipients
                .iter()
                .filter(|r| r.contact.email.is_some())
                .count();
            println!("  {with_email} with an email address");
            for note in &imported.notes {
                println!("  note: {note}");
            }
            if imported.skipped.is_empty() {
                println!("  nothing skipped");
            } else {
                println!("  skipped {}:", imported.skipped.len());
                for s in &imported.skipped {
                    println!("    {s}");
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
    if args.json {
        let out: Vec<JsonRecipient> = found.iter().map(|r| JsonRecipient::from(*r)).collect();
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
        println!(
            "{:<36} {}  [{}]",
            r.id,
            crate::interactive::describe(r),
            how.join(", ")
        );
    }
    println!(
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
        println!("{a}");
    }
    Ok(exit::OK)
}

fn check(files: &[PathBuf]) -> Result<i32> {
    let mut problems = Vec::new();
    let mut count = 0;
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io("read recipients file", path, &e))?;
        let parsed = recipients::parse_file(path, &text);
        count += parsed.recipients.len();
        problems.extend(parsed.problems);
    }
    if problems.is_empty() {
        println!(
            "{count} recipient{} checked: no problems",
            if count == 1 { "" } else { "s" }
        );
        return Ok(exit::OK);
    }
    for p in &problems {
        eprintln!("{p}");
    }
    Err(Error::usage(format!(
        "{} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ))
    .hint("the README section \"Recipient files\" describes every field"))
}
