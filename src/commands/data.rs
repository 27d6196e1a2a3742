//! `outcry data status|update|reset`: the data sets outcry ships, and replacing one with data
//! imported from newer source files, without rebuilding.
//!
//! An update is imported and validated completely before anything changes, then written as
//! one file in one rename (`datasets/NAME.json` in the data folder); a bad source file leaves
//! the current data as it was.
//!
//! May import: every layer below `commands`.

use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;

use crate::data::import;
use crate::data::recipients::datasets::{self, DATASETS, DataSet, Kind, UpdateFile};
use crate::data::recipients::find::ZipTable;
use crate::data::recipients::{self, BUILTIN, Recipient, uk_postcodes};
use crate::error::{Error, Problem, Result, exit, problems_error};

/// `outcry data ...`
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Every data set: where it comes from, the date of its data, its age, how many records,
    /// whether it is the built-in copy or an update, and where to download a newer source.
    Status {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Replace a built-in data set with one imported from newer source files (members who
    /// left disappear, new ones appear). Checked completely first; a bad file changes nothing.
    Update {
        /// The source format: congress-legislators, zccd (the ZIP table), uk-mp-lookup,
        /// uk-lords, europarl-10, assemblee-nationale.
        #[arg(long = "from", value_name = "FORMAT")]
        from: String,
        /// The source files (or folder).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The date the data describes (YYYY-MM-DD); default: the date the files carry, else
        /// today (said in the report).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Go back to the built-in copy of a data set (removes its update).
    Reset {
        /// The data set, e.g. us-congress (`outcry data status` lists them).
        name: String,
    },
}

/// Runs a data command. `extra` are the user's recipient files, listed by `status`.
pub fn run(cmd: DataCommand, extra: &[PathBuf]) -> Result<i32> {
    match cmd {
        DataCommand::Status { json } => status(json, extra),
        DataCommand::Update { from, paths, as_of } => update(&from, &paths, as_of.as_deref()),
        DataCommand::Reset { name } => reset(&name),
    }
}

/// One line of `data status`.
#[derive(Debug, Serialize)]
struct Status {
    name: String,
    title: String,
    /// `built-in`, `update` or `file` (the user's own recipients file).
    origin: &'static str,
    source: String,
    as_of: Option<String>,
    as_of_from: Option<String>,
    age_days: Option<i64>,
    stale: bool,
    records: usize,
    licence: String,
    attribution: Option<String>,
    /// The `--from` format that updates it.
    format: Option<String>,
    /// Where to download a newer source file.
    download: Vec<String>,
    /// The update or user file it was read from.
    file: Option<String>,
    imported_on: Option<String>,
    imported_from: Vec<String>,
}

/// A built-in file at a glance: (records, as_of, attribution).
type Summary = (usize, Option<String>, Option<String>);

/// The built-in file `name` of [`BUILTIN`], if it is built in.
fn builtin_summary(name: &str) -> Result<Option<Summary>> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        as_of: Option<String>,
        #[serde(default)]
        attribution: Option<String>,
        recipients: Vec<serde::de::IgnoredAny>,
    }
    let Some(json) = BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, j)| *j) else {
        return Ok(None);
    };
    let file: File = serde_json::from_str(json)
        .map_err(|e| Error::failure(format!("the built-in data `{name}` is unreadable: {e}")))?;
    Ok(Some((file.recipients.len(), file.as_of, file.attribution)))
}

/// GB postcodes placed in a constituency by the built-in lookup (OS Code-Point Open, mid-2023;
/// `data/sources/uk-postcodes/NOTES.md`).
const POSTCODES: usize = 1_733_406;

/// The built-in dates of the data sets that are not recipient files.
fn builtin_date(set: &DataSet) -> Option<&'static str> {
    match set.kind {
        // us-zipcodes-congress zccd.csv, commit 1335b61 (data/sources/README.md).
        Kind::ZipTable => Some("2024-11-12"),
        // OS Code-Point Open as committed by mySociety (data/sources/uk-postcodes/NOTES.md).
        Kind::Postcodes => Some("2023-08-07"),
        Kind::Recipients(_) => None,
    }
}

fn status(json: bool, extra: &[PathBuf]) -> Result<i32> {
    let today = crate::support::env::today()?;
    let stale_days = crate::support::env::get().stale_days;
    let age = |as_of: &Option<String>| {
        as_of
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .map(|d| (today - d).get_days() as i64)
    };
    let mut rows = Vec::new();
    for set in DATASETS {
        let update = match set.kind {
            Kind::Postcodes => None,
            _ => datasets::read_update(set.name)?,
        };
        let mut row = Status {
            name: set.name.into(),
            title: set.title.into(),
            origin: "built-in",
            source: set.source.into(),
            as_of: None,
            as_of_from: None,
            age_days: None,
            stale: false,
            records: 0,
            licence: set.licence.into(),
            attribution: None,
            format: set.format.map(str::to_string),
            download: set.download.iter().map(|d| d.to_string()).collect(),
            file: None,
            imported_on: None,
            imported_from: Vec::new(),
        };
        match (update, set.kind) {
            (Some(u), kind) => {
                row.origin = "update";
                row.records = match kind {
                    Kind::ZipTable => u
                        .table
                        .map(|t| ZipTable::from_text(t).len())
                        .unwrap_or_default(),
                    _ => u.recipients.len(),
                };
                row.source = u.source;
                row.licence = u.licence;
                row.attribution = Some(u.attribution);
                row.as_of = Some(u.as_of);
                row.as_of_from = Some(u.as_of_from).filter(|s| !s.is_empty());
                row.file = Some(datasets::update_path(set.name).display().to_string());
                row.imported_on = Some(u.imported_on);
                row.imported_from = u.files;
            }
            (None, Kind::Recipients(file)) => {
                match builtin_summary(file)? {
                    Some((records, as_of, attribution)) => {
                        row.records = records;
                        row.as_of = as_of;
                        row.attribution = attribution;
                    }
                    // Import-only sets ship no copy: they exist once updated.
                    None => row.origin = "none",
                }
            }
            (None, Kind::ZipTable) => {
                row.records = ZipTable::builtin().len();
                row.as_of = builtin_date(set).map(str::to_string);
            }
            (None, Kind::Postcodes) => {
                row.records = POSTCODES;
                row.as_of = builtin_date(set).map(str::to_string);
                row.attribution = Some(uk_postcodes::ATTRIBUTION.to_string());
            }
        }
        row.age_days = age(&row.as_of);
        row.stale =
            matches!(set.kind, Kind::Recipients(_)) && row.age_days.is_some_and(|a| a > stale_days);
        rows.push(row);
    }
    for path in extra {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io("read recipients file", path, &e))?;
        let parsed = recipients::parse_file(path, &text);
        let as_of = parsed.provenance.as_of.clone();
        rows.push(Status {
            name: path.display().to_string(),
            title: "your recipients file".into(),
            origin: "file",
            source: parsed
                .recipients
                .iter()
                .find_map(|r| r.source.as_deref().map(str::to_string))
                .unwrap_or_else(|| "not stated".into()),
            age_days: age(&as_of),
            stale: age(&as_of).is_some_and(|a| a > stale_days),
            as_of,
            as_of_from: None,
            records: parsed.recipients.len(),
            licence: parsed
                .provenance
                .licence
                .clone()
                .unwrap_or_else(|| "not stated".into()),
            attribution: parsed.provenance.attribution.clone(),
            format: None,
            download: Vec::new(),
            file: Some(path.display().to_string()),
            imported_on: None,
            imported_from: Vec::new(),
        });
    }
    if json {
        super::print_json(&rows)?;
        return Ok(exit::OK);
    }
    for row in &rows {
        crate::outln!("{}  {}", row.name, row.title);
        let origin = match row.origin {
            "built-in" => "built in".to_string(),
            "update" => format!(
                "update imported on {} (outcry data reset {} goes back to the built-in copy)",
                row.imported_on.as_deref().unwrap_or("?"),
                row.name
            ),
            "none" => "not built in: import it with outcry data update".to_string(),
            _ => "your file".to_string(),
        };
        crate::outln!("    {origin}");
        let date = match (&row.as_of, row.age_days) {
            (Some(d), Some(age)) => format!(
                "data of {d} ({}){}",
                crate::support::text::plural(age.max(0) as usize, "day") + " old",
                if row.stale { ", stale: refresh it" } else { "" }
            ),
            _ => "data of an unknown date".to_string(),
        };
        crate::outln!("    {date}; {}", plural_records(row));
        crate::outln!("    source: {} ({})", row.source, row.licence);
        if let Some(a) = &row.attribution {
            crate::outln!("    attribution: {a}");
        }
        if let Some(format) = &row.format {
            crate::outln!("    update: outcry data update --from {format} FILE...");
            for d in &row.download {
                crate::outln!("      from {d}");
            }
        } else if row.origin == "built-in" && !row.download.is_empty() {
            crate::outln!(
                "    updated with outcry; source: {}",
                row.download.join(", ")
            );
        }
        crate::outln!();
    }
    Ok(exit::OK)
}

fn plural_records(row: &Status) -> String {
    let word = match row.name.as_str() {
        "us-zip" => "ZIP code rows",
        "uk-postcodes" => "postcodes",
        _ => "records",
    };
    format!("{} {word}", group_digits(row.records))
}

/// 1734274 → "1,734,274".
fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn update(from: &str, paths: &[PathBuf], as_of: Option<&str>) -> Result<i32> {
    let Some(set) = datasets::for_format(from) else {
        let updatable: Vec<String> = DATASETS
            .iter()
            .filter_map(|d| d.format.map(|f| format!("{f} ({})", d.name)))
            .collect();
        return Err(Error::usage(format!(
            "`{from}` does not update a built-in data set"
        ))
        .hint(format!("formats that do: {}", updatable.join(", ")))
        .hint("to add your own recipients, import them into a file: outcry recipients import --from FORMAT FILE --out FILE, then pass --recipients FILE"));
    };
    let today = crate::support::env::today()?.to_string();
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let previous = current_ids(set)?;
    let update = match set.kind {
        Kind::ZipTable => zip_update(set, paths, as_of, &today, files)?,
        Kind::Recipients(_) => {
            let format = import::ImportFormat::parse(from)?;
            let dated = import::import_dated(format, paths, as_of, &import::CsvOptions::default())?;
            check_records(&dated.imported.recipients, paths)?;
            crate::outln!(
                "Checked {} records for {} from {}",
                dated.imported.recipients.len(),
                set.name,
                files.join(", ")
            );
            super::recipients::import_report(&dated)?;
            UpdateFile {
                dataset: set.name.into(),
                format: from.into(),
                as_of: dated.as_of,
                as_of_from: dated.as_of_from,
                imported_on: today,
                files,
                source: dated.imported.source,
                licence: dated.imported.licence,
                attribution: dated.imported.attribution,
                recipients: dated.imported.recipients,
                table: None,
            }
        }
        Kind::Postcodes => {
            return Err(Error::usage(
                "the postcode table comes with outcry and is updated with it",
            ));
        }
    };
    let path = datasets::write_update(&update)?;
    crate::outln!(
        "Updated {}: data of {}, now read from {}",
        set.name,
        update.as_of,
        path.display()
    );
    if let Some(previous) = previous {
        let now: std::collections::BTreeSet<&str> =
            update.recipients.iter().map(|r| r.id.as_str()).collect();
        let gone: Vec<&str> = previous
            .iter()
            .map(String::as_str)
            .filter(|id| !now.contains(id))
            .collect();
        let new: Vec<&str> = now
            .iter()
            .copied()
            .filter(|id| !previous.contains(*id))
            .collect();
        let list = |ids: &[&str]| {
            let shown: Vec<&str> = ids.iter().take(10).copied().collect();
            format!(
                "{}{}",
                shown.join(", "),
                if ids.len() > 10 { ", ..." } else { "" }
            )
        };
        if gone.is_empty() && new.is_empty() {
            crate::outln!("  the same people as before");
        }
        if !gone.is_empty() {
            crate::outln!("  {} no longer in the data: {}", gone.len(), list(&gone));
        }
        if !new.is_empty() {
            crate::outln!("  {} new: {}", new.len(), list(&new));
        }
    }
    crate::outln!(
        "Go back to the built-in copy with: outcry data reset {}",
        set.name
    );
    Ok(exit::OK)
}

/// The ids in the data set as it is now (update or built in); `None` for the ZIP table.
fn current_ids(set: &DataSet) -> Result<Option<std::collections::BTreeSet<String>>> {
    let Kind::Recipients(file) = set.kind else {
        return Ok(None);
    };
    let ids = match datasets::read_update(set.name)? {
        Some(u) => u.recipients.into_iter().map(|r| r.id.into()).collect(),
        None => {
            #[derive(serde::Deserialize)]
            struct Id {
                id: String,
            }
            #[derive(serde::Deserialize)]
            struct File {
                recipients: Vec<Id>,
            }
            let json = BUILTIN
                .iter()
                .find(|(n, _)| *n == file)
                .map(|(_, j)| *j)
                .unwrap_or("{\"recipients\":[]}");
            let f: File = serde_json::from_str(json).map_err(|e| Error::failure(e.to_string()))?;
            f.recipients.into_iter().map(|r| r.id).collect()
        }
    };
    Ok(Some(ids))
}

/// Every imported record must pass the checks a recipients file passes; an empty import is
/// refused (it would remove everyone).
fn check_records(records: &[Recipient], paths: &[PathBuf]) -> Result<()> {
    let file = paths.first().cloned().unwrap_or_default();
    if records.is_empty() {
        return Err(Error::usage(format!(
            "`{}` gave no records; the current data was left as it is",
            file.display()
        ))
        .hint("is this the right file for this format?"));
    }
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in records {
        for (_, message) in recipients::validate(r) {
            problems.push(Problem {
                file: file.clone(),
                line: None,
                message: format!("record `{}`: {message}", r.id),
            });
        }
        if !seen.insert(r.id.as_str()) {
            problems.push(Problem {
                file: file.clone(),
                line: None,
                message: format!("two records have the id `{}`", r.id),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems_error(
            "the update did not pass the checks; the current data was left as it is",
            &problems,
            "fix the source file, or report the problem if the file is as published",
        ))
    }
}

fn zip_update(
    set: &DataSet,
    paths: &[PathBuf],
    as_of: Option<&str>,
    today: &str,
    files: Vec<String>,
) -> Result<UpdateFile> {
    let [path] = paths else {
        return Err(Error::usage("zccd takes exactly one file: zccd.csv"));
    };
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, &e))?;
    let problems: Vec<Problem> = ZipTable::check(&text)
        .into_iter()
        .map(|(line, message)| Problem {
            file: path.clone(),
            line: Some(line),
            message,
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems_error(
            "the ZIP table did not pass the checks; the current one was left as it is",
            &problems,
            "pass the zccd.csv file of OpenSourceActivismTech/us-zipcodes-congress",
        ));
    }
    let (as_of, as_of_from) = match as_of {
        Some(d) => (
            crate::support::env::parse_date(d, "--as-of 2026-06-15")?.to_string(),
            "given with --as-of".to_string(),
        ),
        None => (
            today.to_string(),
            "the day of the import: the file carries no date (pass --as-of with the date it was published)"
                .to_string(),
        ),
    };
    let table = ZipTable::from_text(text.trim_start_matches('\u{feff}').to_string());
    crate::outln!(
        "Checked {} rows for {} from {}",
        table.len(),
        set.name,
        path.display()
    );
    crate::outln!("  data as of {as_of}: {as_of_from}");
    Ok(UpdateFile {
        dataset: set.name.into(),
        format: "zccd".into(),
        as_of,
        as_of_from,
        imported_on: today.to_string(),
        files,
        source: set.source.into(),
        licence: set.licence.into(),
        attribution: "ZIP code areas from the US Census Bureau (ZCTA relationship files).".into(),
        recipients: Vec::new(),
        table: Some(text.trim_start_matches('\u{feff}').to_string()),
    })
}

fn reset(name: &str) -> Result<i32> {
    let set = datasets::named(name)?;
    if datasets::remove_update(set.name)? {
        crate::outln!(
            "{} is back to the built-in copy (the update was removed)",
            set.name
        );
    } else {
        crate::outln!(
            "{} is already the built-in copy; nothing to reset",
            set.name
        );
    }
    Ok(exit::OK)
}
