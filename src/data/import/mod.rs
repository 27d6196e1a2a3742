//! Importers that turn public datasets into outcry's recipient YAML.
//!
//! Each importer reads the dataset's own files, keeps only current members, maps the fields
//! onto [`Recipient`], and reports what it skipped and why. It never invents data: a missing
//! email stays missing (US Congress publishes none), and placeholder values such as
//! `No email found` are treated as absent. Writing the output file is the caller's job. One
//! file per dataset; [`ImportFormat`] names them.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`].

mod assemblee;
mod congress;
mod europarl;
mod europarl10;
mod generic_csv;
mod knesset;
mod mnis;
mod openstates;
mod uk_mp_lookup;

pub use generic_csv::{CSV_FIELDS, CsvOptions, parse_pairs};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::recipients::Recipient;
use crate::error::{Error, Result, yaml_reason};

/// The dataset formats `recipients import --from` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// unitedstates/congress-legislators (CC0): `legislators-current.yaml`, plus committee
    /// and district-office files in the same folder.
    CongressLegislators,
    /// dfe-analytical-services/mp-lookup (Open Parliament Licence): `mp_lookup.csv`.
    UkMpLookup,
    /// openstates/people (CC0): a state folder (e.g. `data/de`) of person YAML files.
    Openstates,
    /// European Parliament open data: a MEPs CSV (Windows-1252 or UTF-8).
    Europarl,
    /// UK Parliament MNIS members XML for the House of Lords (Open Parliament Licence).
    UkLords,
    /// European Parliament, 10th term: the flattened current-MEPs CSV.
    Europarl10,
    /// Assemblée nationale open data: a folder of `acteur` and `organe` JSON files (Licence
    /// Ouverte).
    AssembleeNationale,
    /// The Knesset (ZeAlenu/knesset-data): a folder of KNS_* JSONL tables (CC BY-SA 4.0).
    Knesset,
    /// Any CSV, with `--map FIELD=COLUMN` and `--const FIELD=VALUE`.
    Csv,
}

impl ImportFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [ImportFormat; 9] = [
        ImportFormat::CongressLegislators,
        ImportFormat::UkMpLookup,
        ImportFormat::UkLords,
        ImportFormat::Openstates,
        ImportFormat::Europarl,
        ImportFormat::Europarl10,
        ImportFormat::AssembleeNationale,
        ImportFormat::Knesset,
        ImportFormat::Csv,
    ];

    /// The name used with `--from`.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::CongressLegislators => "congress-legislators",
            ImportFormat::UkMpLookup => "uk-mp-lookup",
            ImportFormat::Openstates => "openstates",
            ImportFormat::Europarl => "europarl",
            ImportFormat::UkLords => "uk-lords",
            ImportFormat::Europarl10 => "europarl-10",
            ImportFormat::AssembleeNationale => "assemblee-nationale",
            ImportFormat::Knesset => "knesset",
            ImportFormat::Csv => "csv",
        }
    }

    /// What files the format reads, for help texts.
    pub fn describe(self) -> &'static str {
        match self {
            ImportFormat::CongressLegislators => {
                "unitedstates/congress-legislators: legislators-current.yaml (plus committee files in the same folder)"
            }
            ImportFormat::UkMpLookup => {
                "dfe-analytical-services/mp-lookup: mp_lookup.csv (UK MPs), optionally with the MNIS Commons addresses XML (constituency offices, phones)"
            }
            ImportFormat::UkLords => {
                "UK Parliament MNIS: the House of Lords members XML with addresses"
            }
            ImportFormat::Europarl10 => {
                "European Parliament, 10th term: the current-MEPs CSV (ep10_current_meps.csv)"
            }
            ImportFormat::AssembleeNationale => {
                "Assemblée nationale open data: the folder of acteur/ and organe/ JSON files (AMO10 zip, unzipped)"
            }
            ImportFormat::Knesset => {
                "ZeAlenu/knesset-data: the data folder with KNS_Person, KNS_PersonToPosition and KNS_Faction"
            }
            ImportFormat::Openstates => {
                "openstates/people: a state folder (e.g. data/de) of person YAML files"
            }
            ImportFormat::Europarl => {
                "European Parliament open data: a MEPs CSV (Windows-1252 or UTF-8)"
            }
            ImportFormat::Csv => "any CSV, with --map FIELD=COLUMN and --const FIELD=VALUE",
        }
    }

    /// The format named `name`, or a usage error listing the known ones (exit code 2).
    pub fn parse(name: &str) -> Result<ImportFormat> {
        ImportFormat::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                let known: Vec<&str> = ImportFormat::ALL.iter().map(|f| f.name()).collect();
                Error::usage(format!("unknown import format `{name}`"))
                    .hint(format!("known formats: {}", known.join(", ")))
            })
    }
}

/// What an import produced.
#[derive(Debug, Default)]
pub struct Imported {
    /// The records, in source order.
    pub recipients: Vec<Recipient>,
    /// Records left out, each with the reason.
    pub skipped: Vec<String>,
    /// Notes about the data (for the report).
    pub notes: Vec<String>,
    /// Every field dropped or repaired on the way in, with the record and why (for the report).
    pub fixes: Vec<String>,
    /// File-level source line.
    pub source: String,
    /// Licence of the data.
    pub licence: String,
    /// Attribution to show.
    pub attribution: String,
    /// The date the data describes, when the files say it: (YYYY-MM-DD, where it was found).
    pub data_date: Option<(String, String)>,
}

/// An import with the date its data describes, and how that date was found.
#[derive(Debug)]
pub struct Dated {
    /// What the importer produced.
    pub imported: Imported,
    /// The date of the data (YYYY-MM-DD).
    pub as_of: String,
    /// How the date was found: "given with --as-of", "from the files (...)", or "the day of
    /// the import: the files carry no date".
    pub as_of_from: String,
}

/// Runs the importer and settles the date of the data: `--as-of` when given, else the date
/// the files carry, else today, said out loud (never silently).
///
/// Errors: an `--as-of` that is not a date (exit code 2); the importer's errors.
pub fn import_dated(
    format: ImportFormat,
    paths: &[PathBuf],
    as_of: Option<&str>,
    csv: &CsvOptions,
) -> Result<Dated> {
    let given = match as_of {
        Some(d) => Some(
            d.trim()
                .parse::<jiff::civil::Date>()
                .map_err(|_| Error::usage(format!("--as-of `{d}` is not a date like 2026-06-15")))?
                .to_string(),
        ),
        None => None,
    };
    let today = crate::support::env::today()?.to_string();
    let imported = import(format, paths, given.as_deref().unwrap_or(&today), csv)?;
    let (as_of, as_of_from) = match (given, &imported.data_date) {
        (Some(d), _) => (d, "given with --as-of".to_string()),
        (None, Some((d, from))) => (d.clone(), format!("from the files ({from})")),
        (None, None) => (
            today,
            "the day of the import: the files carry no date (pass --as-of with the date they were published)"
                .to_string(),
        ),
    };
    Ok(Dated {
        imported,
        as_of,
        as_of_from,
    })
}

/// Runs the importer for `format` over `paths`. `as_of` is the date the data describes.
pub fn import(
    format: ImportFormat,
    paths: &[PathBuf],
    as_of: &str,
    csv: &CsvOptions,
) -> Result<Imported> {
    let mut imported = match format {
        ImportFormat::Csv => generic_csv::import(paths, csv),
        ImportFormat::CongressLegislators => congress::import(paths, as_of),
        ImportFormat::UkMpLookup => uk_mp_lookup::import(paths),
        ImportFormat::Openstates => openstates::import(paths, as_of),
        ImportFormat::Europarl => europarl::import(paths),
        ImportFormat::UkLords => mnis::import_lords(paths),
        ImportFormat::Europarl10 => europarl10::import(paths, as_of),
        ImportFormat::AssembleeNationale => assemblee::import(paths),
        ImportFormat::Knesset => knesset::import(paths),
    }?;
    // Every record's names and lines are checked as a recipients file's are (a line break in
    // a name, a control character, an over-long value) before it is written out; a record
    // that fails is skipped with the reason.
    let mut kept = Vec::with_capacity(imported.recipients.len());
    for r in std::mem::take(&mut imported.recipients) {
        match crate::data::recipients::check_lines(&r).first() {
            Some((_, why)) => imported.skipped.push(format!(
                "`{}`: {why}",
                crate::support::text::shorten(&r.id, 60)
            )),
            None => kept.push(r),
        }
    }
    imported.recipients = kept;
    Ok(imported)
}

/// Renders an import as a recipients YAML file with a provenance header.
pub fn to_yaml(imported: &Imported, as_of: &str, command: &str) -> Result<String> {
    #[derive(Serialize)]
    struct Out<'a> {
        source: &'a str,
        as_of: &'a str,
        licence: &'a str,
        attribution: &'a str,
        recipients: &'a [Recipient],
    }
    let body = serde_yaml::to_string(&Out {
        source: &imported.source,
        as_of,
        licence: &imported.licence,
        attribution: &imported.attribution,
        recipients: &imported.recipients,
    })
    .map_err(|e| Error::failure(format!("could not write YAML: {e}")))?;
    Ok(format!(
        "# Generated by `{command}`.\n# Do not edit by hand: fix the importer or the source and regenerate.\n# {}\n{body}",
        imported.attribution
    ))
}

/// A web address as published, or repaired: a stray prefix before `http(s)://` (the source
/// has `hhttps://fine.house.gov/...`) is removed, and of a list written into one cell the first
/// is taken. `Ok((url, repaired))`; `Err(())` when there is no web address in it at all.
pub(crate) fn web_address(raw: &str) -> std::result::Result<(String, bool), ()> {
    let raw = raw.trim();
    // A list written into one cell (`['https://a.eu', 'https://b.eu']`): the first one.
    if raw.starts_with('[') {
        let first = raw
            .trim_matches(['[', ']'])
            .split(',')
            .map(|u| u.trim().trim_matches(['\'', '"']).trim())
            .find(|u| !u.is_empty())
            .ok_or(())?;
        return web_address(first).map(|(url, _)| (url, true));
    }
    if raw.starts_with("https://") || raw.starts_with("http://") {
        return Ok((raw.to_string(), false));
    }
    match raw.find("https://").or_else(|| raw.find("http://")) {
        Some(i) if i <= 3 => Ok((raw[i..].to_string(), true)),
        _ => Err(()),
    }
}

pub(crate) fn read(path: &Path) -> Result<String> {
    crate::support::fs::read_text(path, "file")
}

/// Reads a YAML file into `T`, with `file:line` in the error.
pub(crate) fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let text = read(path)?;
    crate::support::text::check_yaml_nesting(&text)
        .map_err(|(line, why)| Error::usage(format!("`{}:{line}`: {why}", path.display())))?;
    serde_yaml::from_str(&text).map_err(|e| {
        let line = e
            .location()
            .map(|l| format!(":{}", l.line()))
            .unwrap_or_default();
        Error::usage(format!("`{}{line}`: {}", path.display(), yaml_reason(&e)))
            .hint("is this the right file for this format?")
    })
}

/// Accepts a field written as a number or a string (`district: 1` or `district: "1"`).
pub(crate) fn string_or_number<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    let v: Option<serde_yaml::Value> = Option::deserialize(d)?;
    Ok(match v {
        Some(serde_yaml::Value::String(s)) => Some(s),
        Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

pub use crate::data::recipients::find::us_state_name;

/// The USPS code of a US state or territory written as a code (`tx`, `US-TX`) or a name
/// (`Texas`), case-insensitively.
pub fn us_state_code(region: &str) -> Option<&'static str> {
    let r = region.trim();
    let r = r
        .strip_prefix("US-")
        .or_else(|| r.strip_prefix("us-"))
        .unwrap_or(r);
    US_STATES
        .iter()
        .find(|(c, n)| c.eq_ignore_ascii_case(r) || n.eq_ignore_ascii_case(r))
        .map(|(c, _)| *c)
}

use crate::data::recipients::find::US_STATES;

/// Decodes a data file's bytes: UTF-8 (with or without BOM) when valid, else Windows-1252, the
/// encoding of the European Parliament's CSV exports (decoded by `encoding_rs`).
pub(crate) fn decode_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            text.into_owned()
        }
    }
}
