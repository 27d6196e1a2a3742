//! Any CSV, with a column mapping (`--map FIELD=COLUMN`) and constants (`--const FIELD=VALUE`).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Imported, decode_text};
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::{UniqueIds, slug};

/// Fields a CSV column (or a constant) can fill.
pub const CSV_FIELDS: &[&str] = &[
    "id",
    "name",
    "given_name",
    "family_name",
    "honorific",
    "post_nominal",
    "salutation",
    "role",
    "organisation",
    "body",
    "country",
    "region",
    "district",
    "party",
    "email",
    "phone",
    "contact_form",
    "website",
    "postal",
];

/// Options of the generic CSV importer: `field=Column` and `field=value` pairs.
#[derive(Debug, Default, Clone)]
pub struct CsvOptions {
    /// Field ← column header.
    pub map: Vec<(String, String)>,
    /// Field ← the same value for every row.
    pub constant: Vec<(String, String)>,
}

/// Imports any CSV with a column mapping.
pub(super) fn import(paths: &[PathBuf], opts: &CsvOptions) -> Result<Imported> {
    let [path] = paths else {
        return Err(Error::usage("csv takes exactly one file"));
    };
    for (field, _) in opts.map.iter().chain(&opts.constant) {
        if !CSV_FIELDS.contains(&field.as_str()) {
            return Err(
                Error::usage(format!("unknown field `{field}` in --map or --const"))
                    .hint(format!("fields: {}", CSV_FIELDS.join(", "))),
            );
        }
    }
    let has = |f: &str| opts.map.iter().chain(&opts.constant).any(|(k, _)| k == f);
    if !has("name") {
        return Err(Error::usage("the csv importer needs a name column: --map name=COLUMN")
            .hint("for example: --map name=Name --map email=Email --const body=legislature --const country=CA"));
    }
    for needed in ["body", "country"] {
        if !has(needed) {
            return Err(Error::usage(format!(
                "the csv importer needs `{needed}`: --map {needed}=COLUMN or --const {needed}=VALUE"
            )));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    let text = decode_text(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| {
            text.lines()
                .next()
                .unwrap_or("")
                .bytes()
                .filter(|b| b == d)
                .count()
        })
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::usage(format!("`{}`: {e}", path.display())))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::usage(format!(
            "`{}` is empty: it needs a header row naming its columns",
            path.display()
        )));
    }
    let mut columns = Vec::new();
    for (field, column) in &opts.map {
        let i = headers
            .iter()
            .position(|h| h.trim() == column.trim())
            .ok_or_else(|| {
                Error::usage(format!("`{}` has no column `{column}`", path.display())).hint(
                    format!(
                        "its columns are: {}",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                )
            })?;
        columns.push((field.clone(), i));
    }
    let mut imported = Imported {
        source: format!("{} (imported with a column mapping)", path.display()),
        licence: "see the source".into(),
        attribution: format!(
            "Recipients imported from {}.",
            path.file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("a CSV file")
        ),
        ..Default::default()
    };
    let mut ids = UniqueIds::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| Error::usage(format!("`{}:{line}`: {e}", path.display())))?;
        let mut v: HashMap<&str, String> = HashMap::new();
        for (field, value) in &opts.constant {
            v.insert(field, value.clone());
        }
        for (field, c) in &columns {
            let cell = row.get(*c).unwrap_or("").trim();
            if !cell.is_empty() {
                v.insert(field, cell.to_string());
            }
        }
        let get = |f: &str| v.get(f).cloned().filter(|s| !s.is_empty());
        let Some(name) = get("name") else {
            imported.skipped.push(format!("line {line}: no name"));
            continue;
        };
        let email = match get("email").map(|e| e.trim_start_matches("mailto:").to_string()) {
            Some(e) if check_email(&e).is_ok() => Some(e),
            Some(e) => {
                imported
                    .notes
                    .push(format!("line {line}: ignored unusable email `{e}`"));
                None
            }
            None => None,
        };
        let base = get("id").map(|s| slug(&s)).unwrap_or_else(|| slug(&name));
        let id = ids.next(&base, "recipient", |_| false);
        let contact = ContactFields {
            email,
            postal: get("postal")
                .map(|p| {
                    p.split(['\n', ';'])
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            phone: get("phone"),
            contact_form: get("contact_form").filter(|u| u.starts_with("http")),
            website: get("website").filter(|u| u.starts_with("http")),
            shared: Default::default(),
            offices: Vec::new(),
        };
        let r = Recipient::from(RecipientFields {
            id,
            name,
            given_name: get("given_name"),
            family_name: get("family_name"),
            honorific: get("honorific"),
            post_nominal: get("post_nominal"),
            salutation: get("salutation"),
            role: get("role"),
            organisation: get("organisation"),
            body: get("body").unwrap_or_default(),
            country: crate::data::recipients::normalize_country(
                &get("country").unwrap_or_default(),
            ),
            region: get("region"),
            district: get("district"),
            party: get("party"),
            contact,
            ..Default::default()
        });
        let problems = crate::data::recipients::validate(&r);
        if let Some((_, why)) = problems.first() {
            imported.skipped.push(format!("line {line}: {why}"));
            continue;
        }
        imported.recipients.push(r);
    }
    Ok(imported)
}

/// Parses `field=value` arguments.
pub fn parse_pairs(args: &[String], flag: &str) -> Result<Vec<(String, String)>> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .ok_or_else(|| Error::usage(format!("`{flag} {a}` is not of the form FIELD=VALUE")))
        })
        .collect()
}
